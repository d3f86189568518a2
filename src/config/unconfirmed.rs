//! Facts the county must still confirm before the site is published.
//!
//! Some facts of `site.toml` are not the authors' to decide: who answers
//! questions about the negotiations (`[contact]`), where accessibility
//! feedback goes (`[accessibility] feedback_email`), and the address the
//! site is published at (`base_url`). A site may be built before the
//! county has confirmed them, so they are settings, not errors:
//! `confirmed = false` under `[contact]`, `feedback_confirmed = false`
//! under `[accessibility]`, an empty or missing contact, and a placeholder
//! `base_url` (`example.fi`, `localhost`, …). This module records them with
//! their lines; it reports nothing itself. The validate step turns
//! [`Config::unconfirmed`] and [`Config::placeholder_base_url`] into
//! warnings, which fail a build only with `--strict`.

use serde::Deserialize;

use super::{Config, Contact, Lines};

/// A fact in `site.toml` that the county must still confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed {
    /// What it is, as a Finnish noun phrase naming its key, e.g.
    /// "yhteystieto ([contact])".
    pub what: &'static str,
    /// The line in `site.toml` of the key that says so (`confirmed =
    /// false`), or of its table; `None` when the table is missing.
    pub line: Option<usize>,
    /// What to do, in Finnish.
    pub help: String,
    /// The fact is missing, not only unconfirmed.
    pub missing: bool,
}

/// `[contact]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ContactToml {
    name: Option<String>,
    title: Option<String>,
    organisation: Option<String>,
    address: Option<String>,
    phone: Option<String>,
    email: Option<toml::Spanned<String>>,
    /// `false` until the county has confirmed the contact; default `true`.
    confirmed: Option<toml::Spanned<bool>>,
}

const CONFIRM_CONTACT: &str =
    "hyvinvointialueen on vahvistettava sivuston yhteystieto ennen julkaisua";

/// The contact to show, and what of it is not confirmed.
pub(super) fn contact(
    table: Option<toml::Spanned<ContactToml>>,
    lines: &Lines,
    pending: &mut Vec<Unconfirmed>,
) -> Contact {
    let Some(table) = table else {
        pending.push(Unconfirmed {
            what: "yhteystieto ([contact])",
            missing: true,
            line: None,
            help: format!(
                "lisää site.toml-tiedostoon [contact]-taulukko, jossa on ainakin name ja email; {CONFIRM_CONTACT}"
            ),
        });
        return Contact::default();
    };
    // The span of a table is its header, `[contact]`.
    let header = lines.at(table.span());
    let c = table.into_inner();
    if let Some(confirmed) = c.confirmed.as_ref().filter(|c| !*c.get_ref()) {
        pending.push(Unconfirmed {
            what: "yhteystieto ([contact])",
            missing: false,
            line: Some(lines.at(confirmed.span())),
            help: format!(
                "{CONFIRM_CONTACT}; kun se on vahvistettu, kirjoita confirmed = true tai poista rivi"
            ),
        });
    }
    if c.email
        .as_ref()
        .is_none_or(|e| e.get_ref().trim().is_empty())
    {
        pending.push(Unconfirmed {
            what: "yhteystiedon sähköpostiosoite ([contact] email)",
            missing: true,
            line: Some(c.email.as_ref().map_or(header, |e| lines.at(e.span()))),
            help: format!("kirjoita yhteyshenkilön sähköpostiosoite, esim. email = \"etunimi.sukunimi@example.fi\"; {CONFIRM_CONTACT}"),
        });
    }
    let published = c.confirmed.as_ref().is_none_or(|c| *c.get_ref())
        && c.email
            .as_ref()
            .is_some_and(|e| !e.get_ref().trim().is_empty());
    Contact {
        published,
        name: c.name,
        title: c.title,
        organisation: c.organisation,
        address: c.address,
        phone: c.phone,
        email: c.email.map(toml::Spanned::into_inner),
    }
}

/// `[accessibility] feedback_email` missing, or `feedback_confirmed =
/// false`, at its line. Whether the channel may be published.
pub(super) fn feedback(
    email: Option<&toml::Spanned<String>>,
    confirmed: Option<&toml::Spanned<bool>>,
    header: usize,
    lines: &Lines,
    pending: &mut Vec<Unconfirmed>,
) -> bool {
    const WHAT: &str = "saavutettavuuspalautteen kanava ([accessibility] feedback_email)";
    if email.is_none_or(|e| e.get_ref().trim().is_empty()) {
        pending.push(Unconfirmed {
            what: WHAT,
            missing: true,
            line: Some(email.map_or(header, |e| lines.at(e.span()))),
            help: "hyvinvointialueen on annettava saavutettavuuspalautteen osoite ennen julkaisua; kirjoita se [accessibility]-taulukkoon, esim. feedback_email = \"saavutettavuus@example.fi\"; siihen asti seloste kertoo, ettei palautekanavaa ole vielä julkaistu".to_string(),
        });
        return false;
    }
    if let Some(confirmed) = confirmed.filter(|c| !*c.get_ref()) {
        pending.push(Unconfirmed {
            what: WHAT,
            missing: false,
            line: Some(lines.at(confirmed.span())),
            help: "hyvinvointialueen on vahvistettava saavutettavuuspalautteen osoite (ja vastausaika response_days, jos se luvataan) ennen julkaisua; siihen asti seloste kertoo, ettei palautekanavaa ole vielä julkaistu; kun se on vahvistettu, kirjoita feedback_confirmed = true tai poista rivi".to_string(),
        });
        return false;
    }
    true
}

/// Each `[[accessibility.non_accessible]]` without an `alternative`: how
/// to get the content otherwise is the county's to say.
pub(super) fn alternatives(
    items: &[toml::Spanned<super::NonAccessible>],
    lines: &Lines,
    pending: &mut Vec<Unconfirmed>,
) {
    for item in items
        .iter()
        .filter(|i| i.get_ref().alternative.trim().is_empty())
    {
        pending.push(Unconfirmed {
            what: "saavutettavuuspuutteen vaihtoehtoinen saantitapa ([[accessibility.non_accessible]] alternative)",
            missing: true,
            line: Some(lines.at(item.span())),
            help: format!("hyvinvointialueen on kerrottava, mistä sisällön \"{}\" saa muussa muodossa; kirjoita se, esim. alternative = \"Asiakirjat saa sähköpostitse osoitteesta …\"; siihen asti seloste kertoo, ettei tietoa ole vielä julkaistu", item.get_ref().content.trim()),
        });
    }
}

impl Config {
    /// The facts the county must still confirm, in the order of
    /// `site.toml`'s tables (contact, then accessibility). Empty when
    /// everything is confirmed.
    pub fn unconfirmed(&self) -> Vec<Unconfirmed> {
        self.unconfirmed.clone()
    }

    /// The line of `base_url` in `site.toml` when it is a placeholder (a
    /// host such as `example.fi`, `hyte.example.fi`, `localhost`,
    /// `127.0.0.1` or one under `.test` or `.invalid`); `None` when it is
    /// a real address, or when `--base-url` on the command line gave it.
    pub fn placeholder_base_url(&self) -> Option<usize> {
        self.base_url_line
            .filter(|_| is_placeholder(&self.base_url))
    }
}

/// Whether the host of `url` is one that is never a published site's.
fn is_placeholder(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let last = labels.last().copied().unwrap_or("");
    labels.contains(&"example")
        || matches!(last, "localhost" | "test" | "invalid")
        || host == "127.0.0.1"
        || host == "::1"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::tests::config;

    #[test]
    fn placeholder_hosts() {
        for url in [
            "https://example.org/",
            "https://example.fi/hyte/",
            "https://hyte.example.fi/",
            "https://www.example/",
            "http://localhost:1111/",
            "http://127.0.0.1/",
            "http://[::1]:8080/",
            "https://hyte.test/",
            "https://a.b.invalid/",
            "https://user@Example.COM./",
        ] {
            assert!(is_placeholder(url), "{url}");
        }
        for url in [
            "https://hyte.hyvaks.fi/",
            "https://myexample.fi/",
            "https://example-kunta.fi/",
            "https://testi.fi/",
            "/",
            "/hyte/",
        ] {
            assert!(!is_placeholder(url), "{url}");
        }
    }

    #[test]
    fn placeholder_base_url_is_at_its_line_unless_overridden() {
        let text = "title = 't'\n\nbase_url = 'https://hyte.example.fi/'\n";
        assert_eq!(config(text, None).placeholder_base_url(), Some(3));
        let c = config(text, Some("https://hyte.example.fi/"));
        assert_eq!(c.placeholder_base_url(), None);
        let c = config("title = 't'\nbase_url = 'https://hyte.hyvaks.fi/'\n", None);
        assert_eq!(c.placeholder_base_url(), None);
    }

    #[test]
    fn unconfirmed_contact_feedback_alternative_and_licence() {
        let base = "title = 't'\nbase_url = 'https://a.fi/'\n";
        let what = |text: &str| -> Vec<(&'static str, Option<usize>, bool)> {
            config(text, None)
                .unconfirmed()
                .iter()
                .map(|u| (u.what, u.line, u.missing))
                .collect()
        };
        assert_eq!(
            what(base),
            [
                ("yhteystieto ([contact])", None, true),
                ("avoimen datan lisenssi ([data] licence)", None, true),
            ]
        );

        let text = format!(
            "{base}[contact]\nname = 'N'\nemail = 'n@a.fi'\nconfirmed = false\n\n\
             [accessibility]\nstatus = 'partial'\nprepared = 2026-01-01\nreviewed = 2026-01-01\n\
             method = 'm'\nfeedback_email = 'p@a.fi'\nfeedback_confirmed = false\n\n\
             [[accessibility.non_accessible]]\ncontent = 'c'\nreason = 'r'\n\n\
             [data]\nlicence = 'CC0-1.0'\nlicence_name = 'CC0'\nlicence_url = 'https://c.example/'\nconfirmed = false\n"
        );
        assert_eq!(
            what(&text),
            [
                ("yhteystieto ([contact])", Some(6), false),
                (
                    "saavutettavuuspalautteen kanava ([accessibility] feedback_email)",
                    Some(14),
                    false
                ),
                (
                    "saavutettavuuspuutteen vaihtoehtoinen saantitapa ([[accessibility.non_accessible]] alternative)",
                    Some(16),
                    true
                ),
                ("avoimen datan lisenssi ([data] licence)", Some(24), false),
            ]
        );
        let c = config(&text, None);
        assert!(!c.contact.published);
        assert!(!c.accessibility.as_ref().unwrap().feedback_published);
        assert_eq!(c.licence, None);

        // Without feedback_email the channel is missing, at its table.
        let text = format!(
            "{base}[accessibility]\nstatus = 'full'\nprepared = 2026-01-01\nreviewed = 2026-01-01\nmethod = 'm'\n\
             [data]\n"
        );
        let w = what(&text);
        assert!(
            w.contains(&(
                "saavutettavuuspalautteen kanava ([accessibility] feedback_email)",
                Some(3),
                true
            )),
            "{w:?}"
        );
        assert!(
            w.contains(&("avoimen datan lisenssi ([data] licence)", Some(8), true)),
            "{w:?}"
        );

        let text = format!("{base}[contact]\nname = 'N'\nconfirmed = true\n");
        let u = config(&text, None).unconfirmed();
        assert_eq!(u[0].what, "yhteystiedon sähköpostiosoite ([contact] email)");
        assert_eq!(u[0].line, Some(3));
        let text = format!("{base}[contact]\nname = 'N'\nemail = ' '\n");
        assert_eq!(config(&text, None).unconfirmed()[0].line, Some(5));

        // Everything set and confirmed: nothing to warn about, all shown.
        let text = format!(
            "{base}[contact]\nemail = 'n@a.fi'\nconfirmed = true\n\
             [data]\nlicence = 'CC0-1.0'\nlicence_name = 'CC0'\nlicence_url = 'https://c.example/'\n"
        );
        let c = config(&text, None);
        assert!(c.unconfirmed().is_empty(), "{:?}", c.unconfirmed());
        assert!(c.contact.published);
        assert_eq!(c.licence.as_ref().map(|l| l.id.as_str()), Some("CC0-1.0"));
    }

    #[test]
    fn a_licence_needs_its_name_and_address() {
        let p = crate::config::tests::problems("[data]\nlicence = 'CC-BY-4.0'\n");
        assert!(
            p.iter()
                .any(|(line, m)| *line == Some(2) && m.contains("licence_name")),
            "{p:?}"
        );
    }
}
