//! What the new site's pages say, in each language `hyte init` can write:
//! Finnish (the main language) and the translations. Every sentence is
//! true of any county on the day the site is made: what the law requires,
//! what the site is for, and that nothing is published yet. Facts only the
//! county knows (dates, contacts, findings) are never written here.

use super::flags::NewSite;

/// The visible texts of one page.
#[derive(Debug, Clone)]
pub(super) struct Page {
    pub title: String,
    pub description: String,
    pub summary: String,
    /// Markdown, without the instructions for the author.
    pub body: String,
}

/// One of the default theme's known accessibility shortcomings.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shortcoming {
    pub content: &'static str,
    pub reason: &'static str,
    pub alternative: &'static str,
}

/// Everything of one language.
#[derive(Debug, Clone)]
pub(super) struct Texts {
    pub site_title: String,
    pub site_description: String,
    pub home: Page,
    pub law: Page,
    pub statement: Page,
    pub year: Page,
    /// `[accessibility] method`: the statement's "how it was assessed".
    pub method: &'static str,
    pub shortcomings: [Shortcoming; 2],
}

/// The texts in `code`, if `hyte init` can write that language (the test
/// below keeps this in step with the theme's language files).
pub(super) fn texts(code: &str, site: &NewSite) -> Option<Texts> {
    match code {
        "fi" => Some(finnish(site)),
        "sv" => Some(swedish(site)),
        "en" => Some(english(site)),
        _ => None,
    }
}

fn page(title: &str, description: &str, summary: &str, body: &str) -> Page {
    Page {
        title: title.to_string(),
        description: description.to_string(),
        summary: summary.to_string(),
        body: body.to_string(),
    }
}

/// "Saariston hyvinvointialueen" for a county named "… alue"; `None` for
/// a name whose genitive cannot be made by rule.
pub(super) fn genitive(county: &str) -> Option<String> {
    county.ends_with("alue").then(|| format!("{county}en"))
}

fn finnish(site: &NewSite) -> Texts {
    let county = &site.county;
    let (title, description) = match genitive(county) {
        Some(of) => (
            format!("{of} HYTE-neuvottelut"),
            format!(
                "{of} ja alueen kuntien lakisääteiset neuvottelut hyvinvoinnin ja terveyden edistämisestä."
            ),
        ),
        None => (
            format!("HYTE-neuvottelut – {}", site.region),
            format!(
                "{county} ja alueen kunnat: lakisääteiset neuvottelut hyvinvoinnin ja terveyden edistämisestä."
            ),
        ),
    };
    let municipalities = match site.municipalities.len() {
        1 => "alueen kunta".to_string(),
        n => format!("alueen {n} kuntaa"),
    };
    let home_summary = format!(
        "{county} ja {municipalities} neuvottelevat siitä, miten asukkaiden hyvinvointia ja terveyttä edistetään yhdessä. Laki velvoittaa hyvinvointialueen neuvottelemaan kuntien kanssa vähintään kerran vuodessa. Tälle sivustolle kootaan neuvottelujen aikataulut, päätökset ja sovitut tavoitteet."
    );
    let home_body = format!(
        "{county} neuvottelee alueensa kuntien kanssa\nhyvinvoinnin ja terveyden edistämisestä. Näitä neuvotteluja kutsutaan\nHYTE-neuvotteluiksi. Neuvottelut ovat lakisääteisiä: niistä säädetään laissa\nhyvinvointialueesta ja laissa sosiaali- ja terveydenhuollon järjestämisestä\n(ks. [lakitausta](/laki/)).\n"
    );
    let year = site.year();
    Texts {
        home: page(&title, &description, &home_summary, &home_body),
        site_title: title,
        site_description: description,
        law: page(
            "Lakitausta",
            "Neuvottelut perustuvat lain hyvinvointialueesta 14 §:ään ja lain sosiaali- ja terveydenhuollon järjestämisestä 6 ja 7 §:ään.",
            "Neuvotteluista säädetään kahdessa laissa. Hyvinvointialueen ja kuntien on neuvoteltava vähintään kerran valtuustokaudessa yhteistyöstä, tavoitteista ja työnjaosta. Lisäksi hyvinvointialueen on neuvoteltava vähintään kerran vuodessa kuntien ja muiden toimijoiden kanssa hyvinvoinnin ja terveyden edistämisestä. Näitä vuosittaisia neuvotteluja kutsutaan HYTE-neuvotteluiksi, ja kunnan on osallistuttava niihin. Sivulla ovat myös lakipykälien tekstit.",
            LAW_BODY_FI,
        ),
        statement: page(
            "Saavutettavuusseloste",
            "Miten saavutettava tämä sivusto on, mitä puutteita siinä on ja miten saavutettavuudesta voi antaa palautetta.",
            "",
            "",
        ),
        year: page(
            &format!("HYTE-neuvottelut {year}"),
            &format!("Vuoden {year} neuvottelut hyvinvoinnin ja terveyden edistämisestä."),
            &format!(
                "Vuoden {year} neuvottelujen tietoja ei ole vielä julkaistu tällä sivustolla."
            ),
            "",
        ),
        method: "Tämän sivuston saavutettavuutta ei ole vielä arvioitu. Alla luetellut puutteet ovat sivuston tekemiseen käytetyn hyte-ohjelman oletusulkoasun tunnettuja puutteita.",
        shortcomings: SHORTCOMINGS_FI,
    }
}

const LAW_BODY_FI: &str = "\
Hyvinvointialueen ja kuntien neuvotteluja on kahdenlaisia. Ne perustuvat
kahteen eri lakiin, ja ne käydään eri tahdissa.

## Neuvottelu kerran valtuustokaudessa (hyvinvointialuelain 14 §)

Laki hyvinvointialueesta (611/2021) velvoittaa hyvinvointialueen ja sen alueen
kunnat neuvottelemaan **vähintään kerran valtuustokaudessa** siitä, miten ne
tekevät yhteistyötä tehtäviensä hoitamisessa, mitkä ovat yhteiset tavoitteet ja
miten työ jaetaan. Neuvottelussa voidaan sopia esimerkiksi yhteistyön
rakenteista, toimintamalleista ja tiedonkulusta.

## HYTE-neuvottelu joka vuosi (järjestämislain 6 ja 7 §)

Laki sosiaali- ja terveydenhuollon järjestämisestä (612/2021) velvoittaa
hyvinvointialueen neuvottelemaan **vähintään kerran vuodessa**
hyvinvoinnin ja terveyden edistämisen tavoitteista, toimenpiteistä,
yhteistyöstä ja seurannasta. Näitä kutsutaan HYTE-neuvotteluiksi.

Neuvotteluun osallistuvat alueen kunnat ja myös muut hyvinvointia ja terveyttä
edistävät toimijat: muut julkiset toimijat, yksityiset yritykset ja
yleishyödylliset yhteisöt, kuten järjestöt. Kunnan on lain mukaan
osallistuttava näihin neuvotteluihin.

Alla ovat lakipykälät.
";

/// The theme's shortcomings as the real site's statement words them.
const SHORTCOMINGS_FI: [Shortcoming; 2] = [
    Shortcoming {
        content: "Leveät taulukot (vuoden tavoitteet ja aikataulu) noin 640–800 pikselin levyisessä ikkunassa Safari-selaimella",
        reason: "Taulukko vierii sivusuunnassa, mutta Safari ei vie näppäimistön kohdistusta vierivään alueeseen, joten taulukon loppua ei voi vierittää näppäimistöllä (WCAG 2.1.1).",
        alternative: "Kapeammassa ikkunassa tai tekstiä suurennettaessa taulukon solut näkyvät allekkain eikä mitään tarvitse vierittää; Chromium- ja Firefox-selaimilla taulukon voi vierittää näppäimistöllä.",
    },
    Shortcoming {
        content: "Sivuston haku",
        reason: "Haku toimii vain, kun selaimessa on JavaScript käytössä.",
        alternative: "Kaikki sivut löytyvät myös valikon ja sivujen linkkien kautta: vuodet, kunnat, painopisteet ja aikataulu.",
    },
];

fn swedish(site: &NewSite) -> Texts {
    let title = match &site.region_sv {
        Some(region) => format!("HYTE-förhandlingar i {region}"),
        None => "HYTE-förhandlingar".to_string(),
    };
    let (who, who_lower) = match &site.county_sv {
        Some(county) => (county.clone(), county.clone()),
        None => ("Välfärdsområdet".to_string(), "välfärdsområdet".to_string()),
    };
    let year = site.year();
    Texts {
        site_description: format!(
            "Lagstadgade förhandlingar mellan {who_lower} och kommunerna i området om främjande av välfärd och hälsa."
        ),
        home: page(
            &title,
            &format!(
                "Lagstadgade förhandlingar mellan {who_lower} och kommunerna i området om främjande av välfärd och hälsa."
            ),
            &format!(
                "{who} och kommunerna i området förhandlar om hur invånarnas välfärd och hälsa ska främjas tillsammans. Enligt lag ska välfärdsområdet förhandla med kommunerna minst en gång om året. På den här webbplatsen samlas förhandlingarnas tidsplaner, beslut och överenskomna mål."
            ),
            "Förhandlingarna kallas HYTE-förhandlingar. De är lagstadgade: bestämmelser\nom dem finns i lagen om välfärdsområden och i lagen om ordnande av social- och\nhälsovård.\n",
        ),
        site_title: title,
        law: page(
            "Rättslig grund",
            "Förhandlingarna grundar sig på 14 § i lagen om välfärdsområden och på 6 och 7 § i lagen om ordnande av social- och hälsovård.",
            "Bestämmelser om förhandlingarna finns i två lagar. Välfärdsområdet och kommunerna ska förhandla minst en gång per fullmäktigeperiod om samarbete, mål och arbetsfördelning. Dessutom ska välfärdsområdet minst en gång om året förhandla med kommunerna och andra aktörer om främjande av välfärd och hälsa. Kommunen ska delta i dessa förhandlingar. På sidan finns också lagparagraferna.",
            "Nedan finns de lagparagrafer som förhandlingarna grundar sig på.\n",
        ),
        statement: page(
            "Tillgänglighetsutlåtande",
            "Hur tillgänglig webbplatsen är, vilka brister den har och hur du kan ge respons på tillgängligheten.",
            "",
            "",
        ),
        year: page(
            &format!("HYTE-förhandlingar {year}"),
            &format!("Förhandlingarna {year} om främjande av välfärd och hälsa."),
            &format!(
                "Uppgifter om förhandlingarna {year} har ännu inte publicerats på den här webbplatsen."
            ),
            "",
        ),
        method: "Webbplatsens tillgänglighet har ännu inte bedömts. Bristerna nedan är kända brister i standardutseendet i programmet hyte, som webbplatsen har gjorts med.",
        shortcomings: [
            Shortcoming {
                content: "Breda tabeller (årets mål och tidsplanen) i ett cirka 640–800 pixlar brett fönster i webbläsaren Safari",
                reason: "Tabellen rullar i sidled, men Safari flyttar inte tangentbordsfokus till det rullande området, så slutet av tabellen kan inte rullas fram med tangentbordet (WCAG 2.1.1).",
                alternative: "I ett smalare fönster eller när texten förstoras visas tabellens celler under varandra och inget behöver rullas; i webbläsarna Chromium och Firefox kan tabellen rullas med tangentbordet.",
            },
            Shortcoming {
                content: "Sökfunktionen på webbplatsen",
                reason: "Sökningen fungerar bara när JavaScript är aktiverat i webbläsaren.",
                alternative: "Alla sidor nås också via menyn och länkarna på sidorna: åren, kommunerna, prioritetsområdena och tidsplanen.",
            },
        ],
    }
}

fn english(site: &NewSite) -> Texts {
    let title = format!("HYTE negotiations in {}", site.region);
    let description = "Statutory negotiations between the wellbeing services county and the municipalities of the region on promoting wellbeing and health.";
    let year = site.year();
    Texts {
        site_description: description.to_string(),
        home: page(
            &title,
            description,
            "The wellbeing services county and the municipalities of the region negotiate on how to promote the wellbeing and health of residents together. By law, the wellbeing services county must negotiate with the municipalities at least once a year. This website brings together the schedules, decisions and agreed goals of the negotiations.",
            "These negotiations are called HYTE negotiations. They are required by law:\nAct 611/2021 on wellbeing services counties and Act 612/2021 on organising\nsocial welfare and health care.\n",
        ),
        site_title: title,
        law: page(
            "Legal basis",
            "The negotiations are based on section 14 of Act 611/2021 on wellbeing services counties and sections 6 and 7 of Act 612/2021 on organising social welfare and health care.",
            "Two acts govern the negotiations. The wellbeing services county and the municipalities must negotiate on cooperation, goals and the division of work at least once per council term. In addition, the wellbeing services county must negotiate with the municipalities and other actors on promoting wellbeing and health at least once a year. The municipalities must take part in these negotiations. This page also gives the sections of the acts.",
            "The sections of the acts the negotiations are based on are below.\n",
        ),
        statement: page(
            "Accessibility statement",
            "How accessible this website is, what shortcomings it has and how to give feedback on accessibility.",
            "",
            "",
        ),
        year: page(
            &format!("HYTE negotiations {year}"),
            &format!("The {year} negotiations on promoting wellbeing and health."),
            &format!(
                "Information on the {year} negotiations has not yet been published on this website."
            ),
            "",
        ),
        method: "The accessibility of this website has not yet been assessed. The shortcomings below are known shortcomings of the default theme of hyte, the program this website is made with.",
        shortcomings: [
            Shortcoming {
                content: "Wide tables (the year's goals and the schedule) in a window about 640–800 pixels wide in the Safari browser",
                reason: "The table scrolls sideways, but Safari does not move keyboard focus into the scrolling area, so the end of the table cannot be scrolled to with the keyboard (WCAG 2.1.1).",
                alternative: "In a narrower window or with the text enlarged, the cells of the table are shown one below the other and nothing needs scrolling; in Chromium and Firefox the table can be scrolled with the keyboard.",
            },
            Shortcoming {
                content: "The search of the website",
                reason: "The search works only when JavaScript is enabled in the browser.",
                alternative: "Every page can also be reached through the menu and the links on the pages: the years, the municipalities, the priority areas and the schedule.",
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> NewSite {
        crate::cmd::init::flags::example()
    }

    #[test]
    fn every_language_of_the_theme_has_texts() {
        for code in crate::theme::builtin_languages() {
            assert!(texts(&code, &site()).is_some(), "{code}");
        }
    }

    #[test]
    fn the_finnish_shortcomings_are_the_real_sites() {
        let real = include_str!("../../../site.toml");
        for s in SHORTCOMINGS_FI {
            for text in [s.content, s.reason, s.alternative] {
                assert!(real.contains(&format!("\"{text}\"")), "{text}");
            }
        }
    }

    #[test]
    fn titles_take_the_countys_genitive() {
        let t = texts("fi", &site()).unwrap();
        assert_eq!(t.site_title, "Saariston hyvinvointialueen HYTE-neuvottelut");
        let mut other = site();
        other.county = "Helsinki".into();
        assert_eq!(
            texts("fi", &other).unwrap().site_title,
            "HYTE-neuvottelut – Saaristo"
        );
    }
}
