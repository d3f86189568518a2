//! The preview server's fast path: after an edit of a page's text, the
//! model is updated instead of rebuilt and only the dependent pages are
//! rendered again. These tests hold that path to the full build: every
//! page it re-renders equals the full rebuild's page byte for byte, and
//! every page it does not re-render is unchanged by the edit.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::{Arc, Mutex};

use hyte::render::OnDemand;
use hyte::{OutFile, SiteOptions, prepare, produce};

fn opts(root: &Path) -> SiteOptions {
    SiteOptions {
        root: root.to_path_buf(),
        base_url: None,
        drafts: true,
        strict: false,
    }
}

/// Every HTML file of a full in-memory build.
fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let opts = opts(root);
    let hyte::Prepared {
        site, templates, ..
    } = prepare(&opts).expect("the site builds");
    let files = Mutex::new(BTreeMap::new());
    produce(&opts, &site, &templates, &[], &|rel, file| {
        if let OutFile::Bytes(b) = file
            && rel.ends_with(".html")
        {
            files.lock().unwrap().insert(rel.to_string(), b.to_vec());
        }
        Ok(())
    })
    .expect("the site builds");
    files.into_inner().unwrap()
}

/// Edits `file` (relative to the site root) with `edit`, takes the fast
/// path, and compares it with a full rebuild. Returns how many pages the
/// fast path marked.
fn fast_path_matches_full_build(
    file: &str,
    edit: impl Fn(&str) -> String,
    new_text: &str,
) -> usize {
    let dir = common::site_with(&[]);
    let root = dir.path();
    let before = full_build(root);
    let hyte::Prepared {
        site, templates, ..
    } = prepare(&opts(root)).unwrap();
    let pages = OnDemand::new(Arc::new(site), Arc::new(templates)).unwrap();

    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, edit(&text)).unwrap();
    let source = hyte::load::source_at(root, &path)
        .expect("a content file")
        .expect("it reads");
    let (next, id) =
        hyte::update_page(pages.site(), &source).expect("an edit of the text takes the fast path");
    let next = pages.with_site(Arc::new(next));
    let dependents = next.dependents(id);
    let after = full_build(root);

    let mut changed = 0;
    for (rel, bytes) in &after {
        if dependents.contains(rel) {
            let html = next
                .render(rel)
                .expect("a dependent is a page")
                .expect("it renders");
            assert!(
                html.as_bytes() == bytes.as_slice(),
                "{file}: the fast path's {rel} differs from the full build's"
            );
        } else {
            assert!(
                before.get(rel) == Some(bytes),
                "{file}: {rel} changed but the fast path did not mark it"
            );
        }
        changed += usize::from(before.get(rel) != Some(bytes));
    }
    assert_eq!(before.len(), after.len(), "no page comes or goes");
    assert!(changed > 0, "the edit shows somewhere");
    let page = &after[&dependents
        .iter()
        .find(|d| {
            after[*d]
                .windows(new_text.len())
                .any(|w| w == new_text.as_bytes())
        })
        .cloned()
        .expect("the new text is on a re-rendered page")];
    assert!(!page.is_empty());
    dependents.len()
}

#[test]
fn a_finding_edit_rerenders_its_group_year_and_cross_views() {
    let marked = fast_path_matches_full_build(
        "content/2030/kuntaryhmat/kallioniemi-pikkula.md",
        |t| {
            t.replace(
                "Iltapäiväkerhojen jonot puretaan syksyyn mennessä.",
                "Iltapäiväkerhojen jonot puretaan jo kesällä.",
            ) + "\n### Lapset\n\n- Uusi nosto lasten uimakouluista.\n"
        },
        "uimakouluista",
    );
    // The group, its year's pages, the front page, two municipalities and
    // the priority areas: far fewer than the whole site.
    assert!(marked < 40, "{marked} pages marked");
}

#[test]
fn a_year_page_edit_takes_the_fast_path_too() {
    fast_path_matches_full_build(
        "content/2030/_index.md",
        |t| {
            t.replace(
                "pidettiin lokakuussa kahdessa",
                "pidettiin lokakuussa kahdessa eri",
            )
        },
        "kahdessa eri",
    );
}

#[test]
fn a_plain_page_edit_marks_the_page_and_the_front_page_only() {
    let marked = fast_path_matches_full_build(
        "content/laki.md",
        |t| {
            t.replace(
                "Alla on lain teksti.",
                "Alla on lain teksti kokonaisuudessaan.",
            )
        },
        "kokonaisuudessaan",
    );
    assert_eq!(marked, 2);
}

#[test]
fn front_matter_edits_and_problems_take_the_full_rebuild() {
    let dir = common::site_with(&[]);
    let root = dir.path();
    let hyte::Prepared { site, .. } = prepare(&opts(root)).unwrap();
    let path = root.join("content/2030/kuntaryhmat/kallioniemi-pikkula.md");
    let text = fs::read_to_string(&path).unwrap();
    for edited in [
        // A new title changes links on other pages.
        text.replace(
            "title = \"Kallioniemi ja Pikkula\"",
            "title = \"Pikkula ja Kallioniemi\"",
        ),
        // A heading that is almost a priority area is a problem to report.
        text.replace("## Yhteisöllisyys", "## Yhteisöllisyy"),
    ] {
        fs::write(&path, &edited).unwrap();
        let source = hyte::load::source_at(root, &path).unwrap().unwrap();
        assert!(hyte::update_page(&site, &source).is_none());
    }
    // Files outside content/ are not pages.
    assert!(hyte::load::source_at(root, &root.join("site.toml")).is_none());
}
