//! Properties over random content: whatever the pages say, preparing and
//! rendering the site never panics, a failure is a list of problems that
//! name their files, and two builds of the same content are byte for byte
//! the same. The content is random Markdown and front matter made of
//! pieces authors write (headings that are and are not priority areas,
//! lists, tables, links, quotes, raw HTML, odd Unicode) plus pure noise.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Mutex;

use proptest::prelude::*;

use hyte::{Error, SiteOptions, prepare, produce};

/// Every file of an in-memory build, or the error.
fn build(root: &Path) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    let opts = SiteOptions {
        root: root.to_path_buf(),
        base_url: None,
        drafts: false,
        strict: false,
    };
    let hyte::Prepared {
        site, templates, ..
    } = prepare(&opts)?;
    let files = Mutex::new(BTreeMap::new());
    produce(&opts, &site, &templates, &[], &|rel, file| {
        let bytes = file.into_bytes(rel).unwrap();
        files.lock().unwrap().insert(rel.to_string(), bytes);
        Ok(())
    })?;
    Ok(files.into_inner().unwrap())
}

fn piece() -> impl Strategy<Value = String> {
    // Pieces that make a page wrong (a heading that is almost a priority
    // area, an unknown target group) are rarer, so that most sites build.
    prop_oneof![
        4 => Just("## Yhteisöllisyys\n".to_string()),
        4 => Just("## Terveelliset elämäntavat\n".to_string()),
        4 => Just("### Lapset\n".to_string()),
        4 => Just("### Seniorit\n".to_string()),
        1 => Just("## Yhteisöllisyy\n".to_string()),
        1 => Just("### Tuntematon ryhmä\n".to_string()),
        4 => Just("# Pääotsikko\n".to_string()),
        4 => Just("- nosto\n  - sisennetty\n".to_string()),
        4 => Just("1. yksi\n2. kaksi\n".to_string()),
        4 => Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_string()),
        4 => Just("> lainaus\n> > sisempi\n".to_string()),
        4 => Just("[linkki](/2030/) [ulos](https://e.org/) [js](javascript:alert(1))\n".to_string()),
        1 => Just("[rikki](/ei-ole/)\n".to_string()),
        4 => Just("<script>alert(1)</script> <b>raaka</b>\n".to_string()),
        4 => Just("612/2021 7 § ja 611/2021, 14 §\n".to_string()),
        4 => Just("```\nkoodi\n```\n".to_string()),
        4 => Just("[^1]\n\n[^1]: alaviite\n".to_string()),
        2 => Just("+++\n".to_string()),
        8 => "[a-zåäö ÅÄÖ.,;:!?*_`>|()\\-\n]{0,80}",
        4 => "\\PC{0,40}",
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|p| p.join("\n"))
}

fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Muistio".to_string()),
        Just(String::new()),
        "\\PC{0,30}",
    ]
}

/// A TOML basic string of `s`.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_content_never_panics_and_builds_the_same_twice(
        group in body(),
        page in body(),
        page_title in title(),
        noise in prop::option::weighted(0.2, "\\PC{0,20}"),
    ) {
        let site = common::site_with(&[]);
        let root = site.path();
        let group_file = root.join("content/2030/kuntaryhmat/kallioniemi-pikkula.md");
        let original = fs::read_to_string(&group_file).unwrap();
        let front_end = original[3..].find("+++").unwrap() + 6;
        fs::write(&group_file, format!("{}\n{group}", &original[..front_end])).unwrap();
        fs::write(
            root.join("content/satunnainen.md"),
            format!("+++\ntitle = {}\n+++\n{page}\n", toml_string(&page_title)),
        )
        .unwrap();
        if let Some(noise) = &noise {
            fs::write(root.join("content/kohinaa.md"), noise).unwrap();
        }

        let first = build(root);
        let second = build(root);
        match (first, second) {
            (Ok(a), Ok(b)) => prop_assert!(a == b, "two builds differ"),
            (Err(Error::Content(a)), Err(Error::Content(b))) => {
                prop_assert!(!a.is_empty());
                prop_assert_eq!(a.len(), b.len());
                for d in &a {
                    let text = d.to_string();
                    prop_assert!(text.contains("-->"), "a problem names no file: {}", text);
                }
            }
            (a, b) => prop_assert!(false, "{:?} / {:?}", a.err(), b.err()),
        }
    }
}
