use super::*;

const HOSTILE: &str = "Hyvinvointialue \"Testi\" <script>alert(1)</script> & co\\\n";

fn catalogue(licence: Option<Licence>, contact: Option<Contact>) -> Catalogue {
    let fi = |t: &str| vec![("fi".to_string(), t.to_string())];
    Catalogue {
        url: "https://example.fi/data/catalog.jsonld".into(),
        home: "https://example.fi/".into(),
        landing: "https://example.fi/data/".into(),
        languages: vec!["fi".into(), "sv".into(), "xx".into()],
        title: vec![
            ("fi".into(), "Otsikko \"lainaus\"".into()),
            ("sv".into(), "Rubrik".into()),
        ],
        description: fi("Kuvaus </script>"),
        publisher: fi(HOSTILE),
        publisher_url: Some("https://county.example.fi".into()),
        modified: Date::constant(2030, 9, 2),
        licence,
        attribution: fi("Mainitse lähteenä: <X>."),
        contact,
        datasets: vec![Dataset {
            slug: "data-hyte-json".into(),
            url: "https://example.fi/data/hyte.json".into(),
            title: fi("Koko aineisto"),
            description: fi("Kaikki"),
            format: JSON,
            schema: Some("https://example.fi/data/hyte.schema.json".into()),
        }],
    }
}

fn parsed(c: &Catalogue) -> (String, Value) {
    let text = render(c);
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}:\n{text}"));
    (text, value)
}

#[test]
fn the_catalogue_is_json_whatever_its_texts_hold() {
    let (text, v) = parsed(&catalogue(None, None));
    for raw in ['<', '>', '&'] {
        assert!(!text.contains(raw), "{raw} is escaped: {text}");
    }
    assert_eq!(v["dct:publisher"]["foaf:name"][0]["@value"], HOSTILE);
    assert_eq!(v["dct:publisher"]["foaf:name"][0]["@language"], "fi");
    assert_eq!(v["dct:title"][0]["@value"], "Otsikko \"lainaus\"");
    assert_eq!(v["dct:title"][1]["@language"], "sv");
    assert_eq!(v["dct:description"][0]["@value"], "Kuvaus </script>");
    assert_eq!(v["@type"], "dcat:Catalog");
    // A language the EU table has no code for is left out.
    assert_eq!(
        v["dct:language"],
        json!([
            { "@id": "http://publications.europa.eu/resource/authority/language/FIN" },
            { "@id": "http://publications.europa.eu/resource/authority/language/SWE" },
        ])
    );
    let dataset = &v["dcat:dataset"][0];
    assert_eq!(dataset["dct:publisher"]["foaf:name"][0]["@value"], HOSTILE);
    let d = &dataset["dcat:distribution"][0];
    assert_eq!(
        d["dcat:downloadURL"]["@id"],
        "https://example.fi/data/hyte.json"
    );
    assert_eq!(
        d["dcat:mediaType"]["@id"],
        "https://www.iana.org/assignments/media-types/application/json"
    );
    assert_eq!(
        d["dct:conformsTo"]["@id"],
        "https://example.fi/data/hyte.schema.json"
    );
}

#[test]
fn no_licence_and_no_contact_are_not_claimed() {
    let (text, v) = parsed(&catalogue(None, None));
    assert!(
        !text.contains("license") && !text.contains("rights"),
        "{text}"
    );
    assert!(!text.contains("contactPoint"), "{text}");
    assert!(v["dcat:dataset"][0].get("dcat:contactPoint").is_none());
}

#[test]
fn a_licence_and_a_published_contact_are_on_every_dataset() {
    let licence = Licence {
        id: "CC-BY-4.0".into(),
        name: "CC BY 4.0".into(),
        url: "https://creativecommons.org/licenses/by/4.0/deed.fi".into(),
        attribution: Some("<X>".into()),
    };
    let contact = Contact {
        published: true,
        name: Some("Tuuli \"T\" Rantanen".into()),
        organisation: Some("Alue".into()),
        email: Some(" tuuli@example.fi ".into()),
        ..Contact::default()
    };
    let (_, v) = parsed(&catalogue(Some(licence), Some(contact)));
    let dataset = &v["dcat:dataset"][0];
    let d = &dataset["dcat:distribution"][0];
    assert_eq!(
        d["dct:license"]["@id"],
        "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
    );
    assert_eq!(d["dct:license"]["dct:identifier"], "CC-BY-4.0");
    assert_eq!(
        d["dct:rights"]["rdfs:label"][0]["@value"],
        "Mainitse lähteenä: <X>."
    );
    let point = &dataset["dcat:contactPoint"];
    assert_eq!(point["vcard:hasEmail"]["@id"], "mailto:tuuli@example.fi");
    assert_eq!(point["vcard:fn"], "Tuuli \"T\" Rantanen");
}

#[test]
fn a_licence_the_eu_table_lacks_is_named_by_its_own_url() {
    let l = Licence {
        id: "LicenseRef-oma".into(),
        name: "Oma".into(),
        url: "https://example.fi/ehdot".into(),
        attribution: None,
    };
    assert_eq!(licence(&l, "fi")["@id"], "https://example.fi/ehdot");
}
