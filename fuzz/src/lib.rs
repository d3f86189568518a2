//! What the fuzz targets run, and what they require of the output.
//!
//! `cargo fuzz run <target>` feeds random bytes to these functions; any
//! panic, in hyte or in the checks here, is a finding. The same functions
//! replay the kept corpus (`fuzz/corpus/`) in the normal test suite
//! (`tests/fuzz_corpus.rs`), so a fixed crash stays fixed on stable Rust.
//!
//! - [`front_matter`]: a content file's bytes → a page source or a
//!   problem, as a build reads it (BOM, CRLF, `+++` splitting, TOML
//!   front matter, page kinds, slugs).
//! - [`markdown`]: a page body → HTML with findings, as a group page's
//!   body is rendered.
//! - [`site_toml`]: the bytes of `site.toml` → a configuration or
//!   problems.
//! - [`page`]: a group page body → the whole page through the model and the
//!   theme's templates, on the fixture site; and the same text as the
//!   front matter's words (titles, summaries, sessions) → the feed, the
//!   sitemap, the calendars and the open data.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use hyte::config::{PriorityId, TargetGroupId, Term};
use hyte::load::markdown::{Links, Vocabulary, render_page};

/// Where a fuzzed file is placed: each gives another kind of page.
const PLACES: [&str; 7] = [
    "_index.md",
    "2030/_index.md",
    "2030/kuntaryhmat/_index.md",
    "2030/kuntaryhmat/ryhma.md",
    "2030/nakokulmat/jarjestot.md",
    "2030/muistio.md",
    "sivu.md",
];

/// The first byte picks the place; the rest is the file. True if it
/// made a page source.
pub fn front_matter(data: &[u8]) -> bool {
    let Some((&pick, bytes)) = data.split_first() else {
        return false;
    };
    let rel = Path::new(PLACES[usize::from(pick) % PLACES.len()]);
    let path = Path::new("content").join(rel);
    let lines = lines_of(&String::from_utf8_lossy(bytes));
    match hyte::load::parse_source(bytes.to_vec(), &path, rel) {
        Ok(source) => {
            assert!(source.body_line >= 1 && source.body_line <= lines + 1);
            for segment in &source.segments {
                assert!(
                    !segment.is_empty() && !segment.contains(['/', '\\']) && segment != "..",
                    "unsafe URL segment {segment:?}"
                );
            }
            true
        }
        Err(problem) => {
            assert_eq!(problem.path, path);
            assert!(!problem.message.is_empty());
            if let Some(line) = problem.line {
                assert!(
                    line >= 1 && line <= lines,
                    "line {line} of a {lines}-line file"
                );
            }
            let shown = problem.to_string();
            assert!(shown.contains(&path.display().to_string()), "{shown}");
            false
        }
    }
}

/// Lines as an editor and Markdown count them: CRLF, CR and LF each end
/// one (the loader makes them all LF).
fn lines_of(text: &str) -> usize {
    text.replace("\r\n", "\n").split(['\n', '\r']).count()
}

/// `site.toml`'s bytes: a configuration whose URLs and slugs are safe to
/// build with, or problems that name the file and a line inside it. True
/// if it made a configuration.
pub fn site_toml(data: &[u8]) -> bool {
    let display = Path::new("site.toml");
    let lines = lines_of(&String::from_utf8_lossy(data));
    match hyte::config::parse(data.to_vec(), display, None) {
        Ok(config) => {
            assert!(config.base_url.ends_with('/'), "{}", config.base_url);
            let base = config.base_path();
            assert!(base.starts_with('/') && base.ends_with('/'), "{base}");
            for term in config
                .municipalities
                .iter()
                .chain(&config.priority_areas)
                .chain(&config.target_groups)
            {
                assert!(hyte::slug::is_slug(&term.slug), "slug {:?}", term.slug);
            }
            true
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in &problems {
                assert_eq!(p.path, display);
                assert!(!p.message.is_empty());
                if let Some(line) = p.line {
                    assert!(line >= 1 && line <= lines, "line {line} of {lines}: {p}");
                }
            }
            false
        }
    }
}

fn terms(names: &[&str]) -> Vec<Term> {
    names
        .iter()
        .map(|n| {
            Term::new(
                n.to_string(),
                hyte::slug::slugify(n),
                Vec::new(),
                String::new(),
            )
        })
        .collect()
}

/// Renders `data` (lossily decoded) as a body with priority areas and
/// target groups, and checks the HTML. True if it found findings.
pub fn markdown(data: &[u8]) -> bool {
    static TERMS: OnceLock<(Vec<Term>, Vec<Term>)> = OnceLock::new();
    let (priorities, targets) = TERMS.get_or_init(|| {
        (
            terms(&["Yhteisöllisyys", "Terveelliset elämäntavat"]),
            terms(&["Lapset", "Nuoret", "Aikuiset", "Seniorit"]),
        )
    });
    let body = String::from_utf8_lossy(data);
    let vocab = Vocabulary {
        priorities: priorities
            .iter()
            .enumerate()
            .map(|(i, t)| (PriorityId(i), t))
            .collect(),
        targets: targets
            .iter()
            .enumerate()
            .map(|(i, t)| (TargetGroupId(i), t))
            .collect(),
        all_targets: targets,
    };
    let lines = lines_of(&body);
    let mut found = false;
    for leaf in [false, true] {
        let out = render_page(
            &body,
            Some(&vocab),
            &Links {
                base_path: "/hyte/",
                statute_url: "https://www.finlex.fi/fi/laki/ajantasa/2021/20210612",
                leaf,
            },
        );
        check_html(&out.html(), "");
        for f in &out.findings {
            assert!(f.line >= 1 && f.line <= lines, "finding at line {}", f.line);
            check_text(&f.text);
        }
        // What the validate step reports is at lines of the outline.
        let outline = &out.outline;
        let at = outline.blocks.iter().map(|b| b.line);
        let at = at.chain(outline.raw_html.iter().map(|h| h.line));
        for line in at.chain(outline.links.iter().map(|l| l.line)) {
            assert!(line >= 1 && line <= lines, "outline entry at line {line}");
        }
        for h in &out.headings {
            assert!(
                !h.id.contains(['"', '<', '>', ' ']),
                "heading id {:?}",
                h.id
            );
        }
        found = !out.findings.is_empty();
    }
    found
}

/// The fixture site, read once.
fn fixture() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        // Built as the fuzz crate (fuzz/) or into the main crate's tests.
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let inside = here.join("tests/fixtures/jarvilaakso");
        if inside.is_dir() {
            inside
        } else {
            here.join("../tests/fixtures/jarvilaakso")
        }
    })
}

const GROUP: &str = "2030/kuntaryhmat/kallioniemi-pikkula.md";

/// Puts `data` in place of a group page's body and renders the site's
/// page for it, if the site then builds. True if it did.
pub fn page(data: &[u8]) -> bool {
    let root = fixture();
    let Ok(mut loaded) = hyte::load::load(root, None) else {
        panic!("the fixture loads");
    };
    let path = root.join("content").join(GROUP);
    let Some(source) = loaded.sources.iter_mut().find(|s| s.path == path) else {
        panic!("the fixture has {GROUP}");
    };
    let original = std::fs::read(&path).expect("the fixture is readable");
    let front_end = original
        .windows(5)
        .rposition(|w| w == b"\n+++\n")
        .expect("front matter")
        + 5;
    let mut bytes = original[..front_end].to_vec();
    bytes.extend_from_slice(data);
    match hyte::load::parse_source(bytes, &path, Path::new(GROUP)) {
        Ok(s) => *source = s,
        Err(problem) => {
            assert_eq!(problem.path, path);
            return false;
        }
    }
    let (site, mut diags) = hyte::model::build(loaded, false);
    diags.extend(hyte::validate::site(&site));
    if let Err(e) = diags.finish() {
        let shown = e.to_string();
        assert!(!shown.is_empty());
        return false;
    }
    static TEMPLATES: OnceLock<std::sync::Arc<hyte::render::Templates>> = OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| {
        hyte::render::templates(root, "default", "fi")
            .expect("the theme loads")
            .into()
    });
    let pages = hyte::render::OnDemand::new(site.into(), templates.clone()).expect("jobs");
    let search = hyte::search::Collector::default();
    for rel in [
        "2030/kuntaryhmat/kallioniemi-pikkula/index.html",
        "2030/index.html",
        "kunnat/kallioniemi/index.html",
    ] {
        match pages.render(rel) {
            Some(Ok(html)) => {
                check_html(&html, rel);
                search.add(pages.site(), rel, html.as_bytes());
            }
            Some(Err(e)) => panic!("{rel} did not render: {e}"),
            None => panic!("{rel} is not a page"),
        }
    }
    // The search index of those pages: every file is JSON.
    let files = hyte::search::files(search.into_pages(), &hyte::search::SearchLang::FINNISH)
        .expect("the index is written");
    assert!(!files.is_empty());
    for (rel, bytes) in files {
        if rel.ends_with(".json") {
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&bytes);
            assert!(parsed.is_ok(), "{rel} is not JSON");
        }
    }
    // The body does not reach the feeds and calendars; the front matter's
    // words do, and a TOML string can hold any character (`"\f"`,
    // `"\u0001"`). The start of the same text stands in for them (the
    // start only: the files are made again for each input).
    let text = String::from_utf8_lossy(data);
    let words = &text[..text.floor_char_boundary(WORDS)];
    let worded = with_words(pages.site(), words);
    machine_files(&worded);
    let pages = pages.with_site(worded.into());
    let rel = "2030/kuntaryhmat/kallioniemi-pikkula/index.html";
    match pages.render(rel) {
        Some(Ok(html)) => check_html(&html, rel),
        Some(Err(e)) => panic!("{rel} did not render with the words: {e}"),
        None => panic!("{rel} is not a page"),
    }
    true
}

/// How much of the input stands in for the front matter's words, in bytes.
const WORDS: usize = 256;

/// `site` with `text` as its title and description, every page's title,
/// every year's summary, and every session's and decision's words.
fn with_words(site: &hyte::model::Site, text: &str) -> hyte::model::Site {
    use hyte::model::PageData;
    let mut site = site.clone();
    site.config.title = text.to_string();
    site.config.description = text.to_string();
    for page in &mut site.pages {
        let page = std::sync::Arc::make_mut(page);
        page.title = text.to_string();
        if let PageData::Group(g) = &mut page.data {
            g.summary = text.to_string();
            g.location = Some(text.to_string());
        }
    }
    for year in &mut site.years {
        year.summary = text.to_string();
        for s in &mut year.sessions {
            s.title = text.to_string();
            s.description = text.to_string();
            s.location = Some(text.to_string());
        }
        for d in &mut year.decisions {
            d.title = text.to_string();
            d.decision = Some(text.to_string());
        }
    }
    site
}

/// Every file [`hyte::publish::files`] makes, each read as what it is:
/// XML with [`check_xml`], calendars with [`check_ics`], JSON with
/// serde_json, the CSV with the csv reader, and none of them holding a
/// character that may not go out.
fn machine_files(site: &hyte::model::Site) {
    let made = std::sync::Mutex::new(Vec::new());
    hyte::publish::files(site, &hyte::routes::Languages::one(site), &|rel, file| {
        let bytes = file.into_bytes(rel)?;
        made.lock().unwrap().push((rel.to_string(), bytes));
        Ok(())
    })
    .expect("the machine files are made");
    let made = made.into_inner().unwrap();
    assert!(made.len() >= 7, "{} files", made.len());
    for (rel, bytes) in made {
        let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{rel} is not UTF-8"));
        if rel.ends_with(".xml") {
            check_xml(&text, &rel);
        } else if rel.ends_with(".ics") {
            check_ics(&text, &rel);
        } else if rel.ends_with(".json") {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
            assert!(parsed.is_ok(), "{rel} is not JSON");
            continue;
        } else if rel.ends_with(".csv") {
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            for record in reader.records() {
                assert!(record.is_ok(), "{rel}: {record:?}");
            }
        }
        assert!(
            !text.chars().any(hyte::text::forbidden),
            "{rel}: a character that may not go out"
        );
    }
}

/// XML 1.0 (fifth edition) §2.2: `Char ::= #x9 | #xA | #xD |
/// [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`. Written out
/// from the standard, not taken from hyte, so that hyte's rule is not
/// checked against itself.
pub fn xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// `xml` read to the end with quick-xml, or what makes it not XML 1.0:
/// tags must nest and close by name, there must be one root element,
/// attributes must be well formed, and every reference in text and
/// attribute values must resolve to a character that is itself allowed.
/// quick-xml does not check the characters themselves, so every
/// character must also be an XML `Char` ([`xml_char`]). Returns the
/// elements' text, unescaped.
pub fn parse_xml(xml: &str) -> Result<String, String> {
    use quick_xml::events::{BytesStart, Event};
    if let Some((i, c)) = xml.char_indices().find(|&(_, c)| !xml_char(c)) {
        let near = &xml[xml.floor_char_boundary(i.saturating_sub(40))
            ..xml.ceil_char_boundary((i + 40).min(xml.len()))];
        return Err(format!(
            "{c:?} at byte {i} is not an XML 1.0 character: {near:?}"
        ));
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    reader.config_mut().check_comments = true;
    let mut depth = 0usize;
    let mut roots = 0;
    let mut text = String::new();
    let attributes = |e: &BytesStart<'_>| -> Result<(), String> {
        for a in e.attributes().with_checks(true) {
            let a = a.map_err(|e| format!("an attribute: {e}"))?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| format!("an attribute value: {e}"))?;
            if let Some(c) = value.chars().find(|&c| !xml_char(c)) {
                return Err(format!("{c:?} in an attribute value"));
            }
        }
        Ok(())
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not well-formed at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                attributes(&e)?;
                roots += usize::from(depth == 0);
                depth += 1;
            }
            Event::Empty(e) => {
                attributes(&e)?;
                roots += usize::from(depth == 0);
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => {
                let t = t.xml10_content();
                if depth == 0 && !t.trim().is_empty() {
                    return Err("text outside the root element".into());
                }
                text.push_str(&t);
            }
            Event::GeneralRef(r) => match r
                .resolve_char_ref()
                .map_err(|e| format!("a character reference: {e}"))?
            {
                Some(c) if xml_char(c) => text.push(c),
                Some(c) => return Err(format!("a reference to {c:?}")),
                None => match quick_xml::escape::resolve_predefined_entity(&r) {
                    Some(s) => text.push_str(s),
                    None => return Err(format!("an undeclared entity &{};", &*r)),
                },
            },
            Event::CData(_) | Event::DocType(_) => {
                return Err("CDATA or a DOCTYPE, which hyte never writes".into());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match (depth, roots) {
        (0, 1) => Ok(text),
        (0, n) => Err(format!("{n} root elements")),
        (n, _) => Err(format!("{n} elements left open")),
    }
}

/// Panics unless `xml` (the file `name`) is XML 1.0 ([`parse_xml`]).
pub fn check_xml(xml: &str, name: &str) {
    if let Err(e) = parse_xml(xml) {
        panic!("{name}: {e}");
    }
}

/// A calendar read as RFC 5545 §3.1 has it, or what is wrong: CRLF line
/// ends, lines of at most 75 octets, and after unfolding every line
/// `name *(";" param) ":" value` whose value holds no control character
/// but tab (§3.3.11's TSAFE-CHAR), from BEGIN:VCALENDAR to END:VCALENDAR.
/// Returns the unfolded lines.
pub fn parse_ics(ics: &str) -> Result<Vec<String>, String> {
    let body = ics.strip_suffix("\r\n").ok_or("no CRLF at the end")?;
    if body.replace("\r\n", "").contains(['\r', '\n']) {
        return Err("a bare CR or LF".into());
    }
    let mut lines: Vec<String> = Vec::new();
    for raw in body.split("\r\n") {
        if raw.len() > 75 {
            return Err(format!("a line of {} octets", raw.len()));
        }
        match raw.strip_prefix([' ', '\t']) {
            Some(rest) => lines
                .last_mut()
                .ok_or("a continuation line first")?
                .push_str(rest),
            None => lines.push(raw.to_string()),
        }
    }
    for line in &lines {
        let (head, value) = line
            .split_once(':')
            .ok_or_else(|| format!("no ':' in {line:?}"))?;
        let name = head.split(';').next().unwrap_or_default();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("a property name {name:?}"));
        }
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(format!("a control character in {line:?}"));
        }
    }
    if lines.first().map(String::as_str) != Some("BEGIN:VCALENDAR")
        || lines.last().map(String::as_str) != Some("END:VCALENDAR")
    {
        return Err("not one VCALENDAR".into());
    }
    Ok(lines)
}

/// Panics unless `ics` (the file `name`) is a calendar ([`parse_ics`]).
pub fn check_ics(ics: &str, name: &str) {
    if let Err(e) = parse_ics(ics) {
        panic!("{name}: {e}");
    }
}

/// Text that goes into pages, data files and the search index.
fn check_text(text: &str) {
    assert!(
        !text.chars().any(hyte::text::forbidden),
        "a control character in {text:?}"
    );
}

/// The rules every page keeps whatever the author wrote: no script but the
/// theme's, no event handler or style attribute, no URL scheme outside
/// http(s), mailto and tel, and nothing that opens a tag inside `<title>`.
pub fn check_html(html: &str, name: &str) {
    use regex::Regex;
    static RULES: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
    let (tag, attribute, url) = RULES.get_or_init(|| {
        (
            Regex::new(r#"<[a-zA-Z][a-zA-Z0-9]*((?:\s+[^\s="'>/]+(?:="[^"]*")?)*)\s*/?>"#).unwrap(),
            Regex::new(r#"\s+([^\s="'>/]+)(?:="[^"]*")?"#).unwrap(),
            Regex::new(r#"(?i)\s(href|src|action|formaction)\s*=\s*"\s*([^"/?#]*):"#).unwrap(),
        )
    });
    assert!(
        !html.chars().any(hyte::text::forbidden),
        "{name}: a control character"
    );
    for (i, _) in html.match_indices("<script") {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e);
        let t = &html[i..end];
        assert!(
            t.starts_with("<script src=\"/"),
            "{name}: a script that is not the theme's: {t}"
        );
    }
    for bad in ["<iframe", "<object", "<embed", "<style", "<base"] {
        assert!(!html.contains(bad), "{name}: {bad}");
    }
    // The only SVG is the theme's chart of an indicator (its text escaped).
    for (i, _) in html.match_indices("<svg") {
        assert!(
            html[i..].starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""),
            "{name}: an SVG that is not the theme's chart"
        );
    }
    // Only the theme's redirect pages refresh, and only to a web address.
    for (i, _) in html.match_indices("<meta http-equiv=\"refresh\"") {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e);
        let target = html[i..end].split("url=").nth(1).unwrap_or_default();
        assert!(
            target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with('/'),
            "{name}: a refresh to {target:?}"
        );
    }
    for t in tag.captures_iter(html) {
        for a in attribute.captures_iter(&t[1]) {
            let attr = a[1].to_ascii_lowercase();
            assert!(
                !attr.starts_with("on") && attr != "style",
                "{name}: {attr} in {}",
                &t[0]
            );
        }
    }
    for c in url.captures_iter(html) {
        let scheme = c[2].trim().to_ascii_lowercase();
        assert!(
            ["http", "https", "mailto", "tel"].contains(&scheme.as_str()),
            "{name}: a {scheme:?} URL in {}",
            &c[0]
        );
    }
    if let (Some(a), Some(b)) = (html.find("<title>"), html.find("</title>")) {
        assert!(!html[a + 7..b].contains('<'), "{name}: markup in the title");
    }
}
