//! The tables of `site.toml` that hold facts only the county can give:
//! the contact (`[contact]`), the accessibility statement's
//! (`[accessibility]`: dates, method, feedback channel, supervisor) and the
//! open data's licence (`[data]`). Each is written so that `hyte check`
//! warns until the county has given it: unset, or `confirmed = false`.

use std::fmt::Write as _;

use super::flags::NewSite;
use super::site_toml::{RULE, quoted};
use super::texts::{Shortcoming, Texts};

/// A TOML multi-line basic string holding `s` (which has no `"""` nor
/// backslash: the texts are ours).
fn multiline(s: &str) -> String {
    debug_assert!(!s.contains("\"\"\"") && !s.contains('\\'));
    format!("\"\"\"{s}\"\"\"")
}

pub(super) fn contact(out: &mut String, site: &NewSite) {
    let _ = write!(
        out,
        r#"
{RULE}
# Yhteystieto: kuka vastaa kysymyksiin neuvotteluista. Se näkyy jokaisen sivun
# alalaidassa, kun se on täytetty ja vahvistettu. Yhteyshenkilön nimeää
# hyvinvointialue: kirjoita tiedot, poista rivien alusta #-merkki ja poista
# rivi confirmed = false, kun hyvinvointialue on vahvistanut ne. Siihen asti
# sivuilla ei näy yhteystietoa, ja hyte check varoittaa tästä.
{RULE}

[contact]
# name = "…"
# title = "…"
# organisation = {organisation}
# address = "…"
# phone = "…"
# email = "…"
confirmed = false
"#,
        organisation = quoted(&site.county),
    );
}

pub(super) fn accessibility(
    out: &mut String,
    site: &NewSite,
    fi: &Texts,
    others: &[(&str, Texts)],
) {
    let _ = write!(
        out,
        r#"
{RULE}
# Saavutettavuusseloste (/saavutettavuus/). Laki digitaalisten palvelujen
# tarjoamisesta (306/2019) edellyttää sitä. Seloste kootaan näistä tiedoista;
# sivun content/saavutettavuus.md teksti tulee niiden perään.
{RULE}

[accessibility]
# Miten hyvin sivusto täyttää lain vaatimukset: "full" (täysin), "partial"
# (osittain) tai "none" (ei täytä). Alla luetellut oletusulkoasun puutteet
# tarkoittavat, että vaatimukset täyttyvät osittain.
status = "partial"
# Selosteen laatimispäivä ja viimeisimmän tarkistuksen päivä. Nyt niissä on
# päivä, jona hyte init teki tämän pohjan: vaihda prepared päiväksi, jona
# seloste on laadittu, ja päivitä reviewed aina, kun seloste tarkistetaan.
prepared = {date}
reviewed = {date}
# Miten saavutettavuus on arvioitu. Kirjoita tähän, kun sivusto on arvioitu,
# esim. itsearviointi, automaattiset testit tai ulkopuolisen asiantuntijan arvio.
method = {method}
"#,
        date = site.today,
        method = multiline(fi.method),
    );
    let methods: Vec<String> = others
        .iter()
        .map(|(code, t)| format!("{code} = {{ method = {} }}", quoted(t.method)))
        .collect();
    for m in methods {
        let _ = writeln!(out, "{m}");
    }
    let _ = write!(
        out,
        r#"# Palautekanava: sähköpostiosoite, johon saavutettavuuspalaute lähetetään
# (ja halutessasi palautelomakkeen osoite, vastaanottaja ja vastausaika
# päivinä, enintään 14). Kanavan päättää hyvinvointialue: kun se on päätetty,
# kirjoita tiedot ja poista rivien alusta #-merkki. Siihen asti seloste
# kertoo, ettei palautekanavaa ole vielä julkaistu, ja hyte check varoittaa
# tästä.
# feedback_email = "…"
# feedback_url = "https://…"
# feedback_name = "…"
# response_days = 14
# Valvontaviranomainen on oletuksena Traficomin digitaalisen esteettömyyden
# valvontayksikkö (authority_name ja authority_url). Kirjoita sen
# sähköpostiosoite ja puhelinnumero sen omilta sivuilta
# (www.saavutettavuusvaatimukset.fi); siihen asti hyte check varoittaa tästä.
# authority_email = "…"
# authority_phone = "…"

# Sisältö, joka ei ole saavutettavaa: mitä (content), miksi (reason) ja miten
# sen saa muuten (alternative). Nämä kaksi ovat hyten oletusulkoasun tunnettuja
# puutteita. Lisää sivuston omat puutteet samassa muodossa; jos alternative
# puuttuu, hyte check muistuttaa, että hyvinvointialueen on kerrottava, miten
# sisällön saa muussa muodossa.
"#
    );
    for (i, s) in fi.shortcomings.iter().enumerate() {
        shortcoming(out, "[[accessibility.non_accessible]]", s);
        for (code, t) in others {
            let header = format!("[accessibility.non_accessible.{code}]");
            shortcoming(out, &header, &t.shortcomings[i]);
        }
    }
}

fn shortcoming(out: &mut String, header: &str, s: &Shortcoming) {
    let _ = write!(
        out,
        "\n{header}\ncontent = {}\nreason = {}\nalternative = {}\n",
        quoted(s.content),
        quoted(s.reason),
        quoted(s.alternative),
    );
}

pub(super) fn data(out: &mut String) {
    let _ = write!(
        out,
        r#"
{RULE}
# Avoimen datan (/data/) käyttöehdot. Lisenssin päättää hyvinvointialue; hyte
# ei oleta mitään. Kun se on päätetty, kirjoita tähän esimerkiksi
# licence = "CC-BY-4.0"
# licence_name = "Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)"
# licence_url = "https://creativecommons.org/licenses/by/4.0/deed.fi"
# Siihen asti data-sivu kertoo, ettei käyttöehtoja ole vielä julkaistu, ja
# hyte check varoittaa tästä.
{RULE}

[data]
"#
    );
}
