//! The bilingual example site `examples/kaksikielinen` (Finnish main
//! language, Swedish second; everything in it is fictional), built end to
//! end: the two languages' `<html lang>`, the `hreflang` links between
//! translations, the Swedish URLs of the generated views, a page without a
//! translation, and a `check` with no warnings.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::html::{attributes, elements_with_lang};
use common::*;
use regex::Regex;

/// The example site's folder.
fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kaksikielinen")
}

/// `base_url` of the example's site.toml.
const BASE_URL: &str = "https://esimerkki.invalid/";

/// Build the example into a fresh temporary folder; the folder and the
/// path of the output in it.
fn built() -> (tempfile::TempDir, PathBuf) {
    let out = tempdir();
    let public = out.path().join("public");
    build(&example(), &public, &[])
        .assert_no_panic()
        .assert_code(0);
    (out, public)
}

/// The file of the site-relative or absolute URL `href` in `public`
/// (`/sv/2030/` → `public/sv/2030/index.html`), or None if it is another
/// site's.
fn file_of(public: &Path, href: &str) -> Option<PathBuf> {
    let path = if let Some(rest) = href.strip_prefix(BASE_URL) {
        format!("/{rest}")
    } else if href.starts_with('/') {
        href.to_string()
    } else {
        return None;
    };
    let path = path.split(['#', '?']).next().unwrap_or("");
    let rel = path.trim_start_matches('/');
    Some(if rel.is_empty() || rel.ends_with('/') {
        public.join(rel).join("index.html")
    } else {
        public.join(rel)
    })
}

/// What one built page says about its language: `<html lang>` and its
/// `<link rel="alternate" hreflang>`s (language → href).
struct Languages {
    lang: String,
    alternates: BTreeMap<String, String>,
}

fn languages(html: &str, name: &str) -> Languages {
    let html_tag = Regex::new(r"(?i)<html\b[^>]*>").unwrap();
    let tag = html_tag
        .find(html)
        .unwrap_or_else(|| panic!("{name} has no <html> tag"));
    let lang = attributes(tag.as_str())
        .remove("lang")
        .unwrap_or_else(|| panic!("{name}: <html> has no lang: {}", tag.as_str()));
    let link = Regex::new(r"(?i)<link\b[^>]*>").unwrap();
    let mut alternates = BTreeMap::new();
    for tag in link.find_iter(html) {
        let a = attributes(tag.as_str());
        let rel_alternate = a.get("rel").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("alternate"))
        });
        if let (true, Some(hreflang), Some(href)) =
            (rel_alternate, a.get("hreflang"), a.get("href"))
            && hreflang != "x-default"
        {
            alternates.insert(hreflang.clone(), href.clone());
        }
    }
    Languages { lang, alternates }
}

/// Every `index.html` under `public` (relative path → what it says about
/// its language), redirect pages of `aliases` left out.
fn all_pages(public: &Path) -> BTreeMap<PathBuf, Languages> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() == "index.html")
        .filter_map(|e| {
            let rel = e.path().strip_prefix(public).unwrap().to_path_buf();
            let html = page(public, rel.to_str().unwrap());
            let redirect = html.contains("http-equiv=\"refresh\"");
            (!redirect).then(|| {
                let langs = languages(&html, &rel.display().to_string());
                (rel, langs)
            })
        })
        .collect()
}

#[test]
fn finnish_is_the_main_language_and_swedish_is_under_sv() {
    let (_out, public) = built();
    let fi = page(&public, "index.html");
    assert!(fi.contains("<html lang=\"fi\""), "/index.html:\n{fi}");
    let sv = page(&public, "sv/index.html");
    assert!(sv.contains("<html lang=\"sv\""), "/sv/index.html:\n{sv}");
    // The front page says in each language that the site is fictional.
    assert_contains_all("index.html", &fi, &["Kuvitteellinen esimerkkisivusto"]);
    assert_contains_all("sv/index.html", &sv, &["Ett fiktivt exempel"]);
}

#[test]
fn translations_link_each_other_with_hreflang() {
    let (_out, public) = built();
    let pages = all_pages(&public);
    assert!(pages.len() > 20, "only {} pages", pages.len());

    // Every alternate leads to a built page in that language, which links
    // back to this one under this page's language.
    for (rel, page) in &pages {
        for (hreflang, href) in &page.alternates {
            let target = file_of(&public, href).unwrap_or_else(|| {
                panic!(
                    "{}: hreflang={hreflang} leads off the site: {href}",
                    rel.display()
                )
            });
            let target_rel = target.strip_prefix(&public).unwrap().to_path_buf();
            let other = pages.get(&target_rel).unwrap_or_else(|| {
                panic!(
                    "{}: hreflang={hreflang} href={href} is not a built page",
                    rel.display()
                )
            });
            assert_eq!(
                &other.lang,
                hreflang,
                "{}: hreflang={hreflang} leads to {}, whose <html lang> is {}",
                rel.display(),
                target_rel.display(),
                other.lang
            );
            let back = other
                .alternates
                .get(&page.lang)
                .and_then(|h| file_of(&public, h));
            assert_eq!(
                back.as_deref(),
                Some(public.join(rel).as_path()),
                "{} links to {} (hreflang={hreflang}), which does not link back with hreflang={}",
                rel.display(),
                target_rel.display(),
                page.lang
            );
        }
    }

    // The pages that have a translation, and the generated views, link
    // their counterpart in the other language.
    for (fi, sv) in [
        ("index.html", "sv/index.html"),
        ("2030/index.html", "sv/2030/index.html"),
        (
            "2030/kuntaryhmat/kalliosaari-lohiranta/index.html",
            "sv/2030/kuntaryhmat/kalliosaari-lohiranta/index.html",
        ),
        (
            "2030/kuntaryhmat/tuulimaki-sarkilahti-pihlajavaara/index.html",
            "sv/2030/kuntaryhmat/tuulimaki-sarkilahti-pihlajavaara/index.html",
        ),
        (
            "2030/nakokulmat/jarjestot-ja-seurakunnat/index.html",
            "sv/2030/nakokulmat/jarjestot-ja-seurakunnat/index.html",
        ),
        ("laki/index.html", "sv/laki/index.html"),
        ("saavutettavuus/index.html", "sv/saavutettavuus/index.html"),
        ("kunnat/index.html", "sv/kommuner/index.html"),
        (
            "kunnat/tuulimaki/index.html",
            "sv/kommuner/blasbacka/index.html",
        ),
        ("aikataulu/index.html", "sv/tidsplan/index.html"),
    ] {
        let fi_page = pages
            .get(Path::new(fi))
            .unwrap_or_else(|| panic!("{fi} was not built"));
        let sv_page = pages
            .get(Path::new(sv))
            .unwrap_or_else(|| panic!("{sv} was not built"));
        assert_eq!(fi_page.lang, "fi", "{fi}");
        assert_eq!(sv_page.lang, "sv", "{sv}");
        let to_sv = fi_page
            .alternates
            .get("sv")
            .and_then(|h| file_of(&public, h));
        assert_eq!(
            to_sv,
            Some(public.join(sv)),
            "{fi} lacks hreflang=sv to {sv}"
        );
        let to_fi = sv_page
            .alternates
            .get("fi")
            .and_then(|h| file_of(&public, h));
        assert_eq!(
            to_fi,
            Some(public.join(fi)),
            "{sv} lacks hreflang=fi to {fi}"
        );
    }
}

#[test]
fn swedish_views_are_under_swedish_names_with_swedish_findings() {
    let (_out, public) = built();
    // A municipality's slug in Swedish comes from its Swedish name.
    for (fi, sv, name) in [
        ("kalliosaari", "klippholm", "Klippholm"),
        ("lohiranta", "laxstrand", "Laxstrand"),
        ("pihlajavaara", "ronnberga", "Rönnberga"),
        ("sarkilahti", "mortvik", "Mörtvik"),
        ("tuulimaki", "blasbacka", "Blåsbacka"),
    ] {
        assert!(
            public.join(format!("kunnat/{fi}/index.html")).is_file(),
            "/kunnat/{fi}/ was not written"
        );
        let rel = format!("sv/kommuner/{sv}/index.html");
        let html = page(&public, &rel);
        assert_contains_all(&rel, &html, &[name]);
    }
    // The Swedish headings of a translated group page land in the same
    // cells: the Swedish municipality page shows the Swedish findings.
    let rel = "sv/kommuner/blasbacka/index.html";
    let html = page(&public, rel);
    assert_contains_all(
        rel,
        &html,
        &[
            "Byarnas idrottsplatser och skolornas gymnastiksalar för kvällsbruk",
            "Gymgrupper för äldre och transport till dem",
            "Trygg vardag",
            "Äldre",
        ],
    );
    assert!(
        !html.contains("Kuntosaliryhmät ja kuljetus niihin"),
        "{rel} shows the Finnish finding"
    );
    // The year's structured entries in Swedish, from their inline tables.
    let rel = "sv/2030/index.html";
    let html = page(&public, rel);
    assert_contains_all(
        rel,
        &html,
        &[
            "Startseminarium",
            "Forum för organisationer och församlingar",
            "Välfärdsområdesstyrelsen",
            "Den ensamhet som barn och unga upplever minskar.",
            "regional välfärdsplan 2030–2033",
        ],
    );
    // The group pages keep their path under /sv/.
    let rel = "sv/2030/kuntaryhmat/tuulimaki-sarkilahti-pihlajavaara/index.html";
    assert_contains_all(
        rel,
        &page(&public, rel),
        &["Blåsbacka, Mörtvik och Rönnberga"],
    );
}

#[test]
fn an_untranslated_page_is_published_in_swedish_with_a_notice() {
    let (_out, public) = built();
    let fi = page(&public, "tietoa/index.html");
    assert!(fi.contains("<html lang=\"fi\""), "/tietoa/:\n{fi}");

    let rel = "sv/tietoa/index.html";
    let sv = page(&public, rel);
    assert!(sv.contains("<html lang=\"sv\""), "{rel}:\n{sv}");
    let body = "Tämä sivu on tarkoituksella vain suomeksi.";
    let at = sv
        .find(body)
        .unwrap_or_else(|| panic!("{rel} lacks the Finnish text:\n{sv}"));
    let fi_spans = elements_with_lang(&sv, "fi");
    assert!(
        fi_spans.iter().any(|&(s, e)| s < at && at < e),
        "{rel}: the Finnish text is not inside an element with lang=\"fi\":\n{sv}"
    );
    // The notice is in Swedish, outside the Finnish text: what is left of
    // <main> without the lang="fi" elements says the page is in Finnish
    // or has not been translated.
    let main_start = sv.find("<main").expect("a <main>");
    let main_end = sv.find("</main>").expect("a </main>");
    let mut outside = String::new();
    let mut from = main_start;
    for &(s, e) in fi_spans
        .iter()
        .filter(|&&(s, _)| s >= main_start && s < main_end)
    {
        if s >= from {
            outside.push_str(&sv[from..s]);
            from = e;
        }
    }
    outside.push_str(&sv[from.min(main_end)..main_end]);
    assert!(
        ["finska", "översatt"].iter().any(|w| outside.contains(w)),
        "{rel}: no Swedish notice outside the Finnish text:\n{outside}"
    );
}

#[test]
fn check_passes_with_no_warnings_but_the_placeholder_address() {
    // With the address given on the command line (never a placeholder
    // then), nothing at all to warn about, even with --strict.
    let root = example();
    let r = run([
        std::ffi::OsStr::new("check"),
        "--strict".as_ref(),
        "--root".as_ref(),
        root.as_os_str(),
        "--base-url".as_ref(),
        BASE_URL.as_ref(),
    ]);
    r.assert_no_panic().assert_code(0);
    assert!(
        !r.stderr.contains("varoitus") && !r.stdout.contains("varoitus"),
        "check warned:\n{}\n{}",
        r.stdout,
        r.stderr
    );
    assert!(r.stderr.contains("ei ongelmia") || r.stdout.contains("ei ongelmia"));

    // Plain `check`: the one warning is the reserved .invalid base_url,
    // by design (the example is never published).
    let r = check(&root);
    r.assert_no_panic().assert_code(0);
    let warnings = r.stderr.matches("varoitus:").count();
    assert_eq!(warnings, 1, "{}", r.stderr);
    r.assert_stderr_contains("base_url = \"https://esimerkki.invalid/\"");
}
