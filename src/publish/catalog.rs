//! `data/catalog.jsonld`: a DCAT-AP catalogue of the open data, so that
//! data portals (avoindata.fi, data.europa.eu) can harvest it.
//!
//! One `dcat:Catalog` (the site: its title, description, languages and
//! the county as publisher) holds one `dcat:Dataset` per published file
//! ([`data_files`]), each with one `dcat:Distribution`: the file's
//! absolute URL, its IANA media type and its EU file type. The titles and
//! descriptions of the files are the theme's (`[catalog.<key>]` of the
//! language files), in every language of the site. The catalogue states
//! only what the site states: a licence (`dct:license`, `dct:rights`) only
//! once `[data]` has set and confirmed one, a contact point only once
//! `[contact]` is published.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde_json::{Value, json};

use crate::config::{Contact, Licence};
use crate::model::Site;
use crate::routes::{Languages, View};

mod files;

pub use files::{ATOM, CSV, DataFile, Format, ICALENDAR, JSON, data_files};

/// Where the catalogue is published, relative to the output.
pub const PATH: &str = "data/catalog.jsonld";

/// A text in the site's languages, as (language code, text): the main
/// language's first, then each other language's where it is not the same
/// text (a translation that falls back to the main language's is none).
type Texts = Vec<(String, String)>;

/// What the catalogue says, gathered from the site.
struct Catalogue {
    /// The catalogue's own URL; the other nodes' ids are under it.
    url: String,
    home: String,
    /// The open data page, every dataset's landing page.
    landing: String,
    /// Every language of the site, the main one first.
    languages: Vec<String>,
    title: Texts,
    description: Texts,
    publisher: Texts,
    publisher_url: Option<String>,
    modified: Date,
    licence: Option<Licence>,
    /// "Cite as: …", when the licence asks for an attribution.
    attribution: Texts,
    contact: Option<Contact>,
    datasets: Vec<Dataset>,
}

struct Dataset {
    /// A fragment for its node id, e.g. `data-hyte-json`.
    slug: String,
    url: String,
    title: Texts,
    description: Texts,
    format: Format,
    schema: Option<String>,
}

/// `data/catalog.jsonld` of `site` (the main language) and its other
/// `languages`, describing `files`.
pub fn jsonld(site: &Site, languages: &Languages<'_>, files: &[DataFile]) -> String {
    let sites: Vec<&Site> = std::iter::once(site)
        .chain(
            languages
                .sites
                .iter()
                .map(|(s, _)| *s)
                .filter(|s| s.config.language != site.config.language),
        )
        .collect();
    let c = &site.config;
    let catalogue = Catalogue {
        url: c.absolute(PATH),
        home: c.base_url.clone(),
        landing: c.absolute(&site.routes.view(View::Data)),
        languages: sites.iter().map(|s| s.config.language.clone()).collect(),
        title: texts(&sites, |s| Some(s.config.title.clone())),
        description: texts(&sites, |s| Some(s.config.description.clone())),
        publisher: texts(&sites, |s| Some(s.config.region.county.clone())),
        publisher_url: c.region.county_url.clone(),
        modified: super::feeds::latest(site).unwrap_or(site.today),
        licence: c.licence.clone(),
        attribution: texts(&sites, |s| {
            let attribution = s.config.licence.as_ref()?.attribution.as_ref()?;
            let values = BTreeMap::from([("attribution".to_string(), attribution.clone())]);
            crate::i18n::fill(s.words.get("data.attribution")?, &values).ok()
        }),
        contact: c.contact.published.then(|| c.contact.clone()),
        datasets: files.iter().map(|f| dataset(&sites, f)).collect(),
    };
    render(&catalogue)
}

fn dataset(sites: &[&Site], file: &DataFile) -> Dataset {
    let text = |field: &str| {
        texts(sites, |s| {
            let key = format!("catalog.{}.{field}", file.key);
            let values = BTreeMap::from([
                ("site".to_string(), s.config.title.clone()),
                (
                    "year".to_string(),
                    file.year.map(|y| y.to_string()).unwrap_or_default(),
                ),
            ]);
            crate::i18n::fill(s.words.get(&key)?, &values).ok()
        })
    };
    let mut title = text("title");
    if title.is_empty() {
        // A language file of the site's own without the text: the file's
        // name is a title too.
        title.push((sites[0].config.language.clone(), file.path.clone()));
    }
    let c = &sites[0].config;
    Dataset {
        slug: file.path.replace(['/', '.'], "-"),
        url: c.absolute(&file.path),
        title,
        description: text("description"),
        format: file.format,
        schema: file.schema.map(|s| c.absolute(s)),
    }
}

/// The texts `text` gives for each site, as [`Texts`].
fn texts(sites: &[&Site], text: impl Fn(&Site) -> Option<String>) -> Texts {
    let mut out: Texts = Vec::new();
    for site in sites {
        let Some(t) = text(site) else { continue };
        let t = crate::text::without_controls(t.trim()).into_owned();
        if t.is_empty() || out.iter().any(|(_, other)| *other == t) {
            continue;
        }
        out.push((site.config.language.clone(), t));
    }
    out
}

/// Language-tagged literals.
fn literals(texts: &Texts) -> Value {
    texts
        .iter()
        .map(|(lang, text)| json!({ "@value": text, "@language": lang }))
        .collect()
}

fn iri(url: impl AsRef<str>) -> Value {
    json!({ "@id": url.as_ref() })
}

/// The EU language authority's URI of an ISO 639-1 code, for the
/// languages a Finnish site may be in; `None` for others.
fn language(code: &str) -> Option<Value> {
    let eu = match code {
        "fi" => "FIN",
        "sv" => "SWE",
        "en" => "ENG",
        "se" => "SME",
        "smn" => "SMN",
        "sms" => "SMS",
        "ru" => "RUS",
        "et" => "EST",
        "de" => "DEU",
        "fr" => "FRA",
        _ => return None,
    };
    Some(iri(format!(
        "http://publications.europa.eu/resource/authority/language/{eu}"
    )))
}

/// The EU licence authority's code of an SPDX identifier, where they are
/// the same licence; other licences are named by the county's URL.
fn eu_licence(spdx: &str) -> Option<&'static str> {
    match spdx {
        "CC-BY-4.0" => Some("CC_BY_4_0"),
        "CC0-1.0" => Some("CC0"),
        _ => None,
    }
}

fn licence(l: &Licence, lang: &str) -> Value {
    let id = match eu_licence(&l.id) {
        Some(code) => format!("http://publications.europa.eu/resource/authority/licence/{code}"),
        None => l.url.clone(),
    };
    json!({
        "@id": id,
        "@type": "dct:LicenseDocument",
        "dct:identifier": l.id,
        "dct:title": { "@value": crate::text::without_controls(&l.name), "@language": lang },
        "rdfs:seeAlso": iri(&l.url),
    })
}

/// The published contact as a vCard; `None` without an email address.
fn contact_point(c: &Catalogue, contact: &Contact) -> Option<Value> {
    let email = contact
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())?;
    let clean = |v: &Option<String>| {
        v.as_deref()
            .map(|v| crate::text::without_controls(v.trim()).into_owned())
            .filter(|v| !v.is_empty())
    };
    let mut node = json!({
        "@id": format!("{}#contact", c.url),
        "@type": "vcard:Kind",
        "vcard:hasEmail": iri(format!("mailto:{email}")),
    });
    if let Some(name) = clean(&contact.name).or_else(|| clean(&contact.organisation)) {
        node["vcard:fn"] = json!(name);
    }
    if let Some(org) = clean(&contact.organisation) {
        node["vcard:organization-name"] = json!(org);
    }
    Some(node)
}

/// The main language's code.
fn main_language(c: &Catalogue) -> &str {
    c.languages.first().map_or("fi", String::as_str)
}

fn date(c: &Catalogue) -> Value {
    json!({ "@value": c.modified.to_string(), "@type": "xsd:date" })
}

/// The one distribution of `d`: the file itself, with the licence once
/// there is one.
fn distribution(c: &Catalogue, d: &Dataset) -> Value {
    let mut node = json!({
        "@id": format!("{}#{}-distribution", c.url, d.slug),
        "@type": "dcat:Distribution",
        "dct:title": literals(&d.title),
        "dcat:accessURL": iri(&d.url),
        "dcat:downloadURL": iri(&d.url),
        "dcat:mediaType": iri(format!("https://www.iana.org/assignments/media-types/{}", d.format.media_type)),
        "dct:format": iri(format!("http://publications.europa.eu/resource/authority/file-type/{}", d.format.file_type)),
        "dct:modified": date(c),
    });
    if let Some(l) = &c.licence {
        node["dct:license"] = licence(l, main_language(c));
        if !c.attribution.is_empty() {
            node["dct:rights"] = json!({
                "@type": "dct:RightsStatement",
                "rdfs:label": literals(&c.attribution),
            });
        }
    }
    if let Some(schema) = &d.schema {
        node["dct:conformsTo"] = iri(schema);
    }
    node
}

fn document(c: &Catalogue) -> Value {
    let mut publisher = json!({
        "@id": format!("{}#publisher", c.url),
        "@type": "foaf:Agent",
        "foaf:name": literals(&c.publisher),
    });
    if let Some(url) = &c.publisher_url {
        publisher["foaf:homepage"] = iri(url);
    }
    let contact = c.contact.as_ref().and_then(|p| contact_point(c, p));
    let datasets: Vec<Value> = c
        .datasets
        .iter()
        .map(|d| {
            let mut dataset = json!({
                "@id": format!("{}#{}", c.url, d.slug),
                "@type": "dcat:Dataset",
                "dct:title": literals(&d.title),
                "dct:description": literals(&d.description),
                "dct:publisher": publisher,
                "dct:modified": date(c),
                "dct:language": language(main_language(c)).into_iter().collect::<Vec<_>>(),
                "dcat:landingPage": iri(&c.landing),
                "dcat:distribution": [distribution(c, d)],
            });
            if let Some(contact) = &contact {
                dataset["dcat:contactPoint"] = contact.clone();
            }
            dataset
        })
        .collect();
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": c.url,
        "@type": "dcat:Catalog",
        "dct:title": literals(&c.title),
        "dct:description": literals(&c.description),
        "dct:publisher": publisher,
        "dct:language": c.languages.iter().filter_map(|l| language(l)).collect::<Vec<_>>(),
        "dct:modified": date(c),
        "foaf:homepage": iri(&c.home),
        "dcat:dataset": datasets,
    })
}

/// The catalogue as JSON text, with `<`, `>` and `&` as `\u` escapes (they
/// occur only inside strings), so that the text is safe inside HTML too.
fn render(c: &Catalogue) -> String {
    let text = serde_json::to_string_pretty(&document(c)).expect("plain data serializes");
    let mut out = text
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests;
