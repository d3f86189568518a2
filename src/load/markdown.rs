//! Markdown → HTML with comrak, and the findings an author wrote as
//! headings and lists.
//!
//! The structure of findings (priority area → target group → items) is read
//! from the headings of ordinary Markdown, so authors never write a table
//! or a special syntax. The same walk gives every heading a stable anchor:
//! `#<priority>` and `#<priority>-<target group>` for the structure, a slug
//! of the text for other headings.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::{NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{Arena, Options};
use serde::Serialize;

use crate::config::{PriorityId, TargetGroupId, Term};
use crate::slug::slugify;
use crate::text::without_controls;

/// The priority areas and target groups a page's headings may name.
pub struct Vocabulary<'a> {
    pub priorities: Vec<(PriorityId, &'a Term)>,
    pub targets: Vec<(TargetGroupId, &'a Term)>,
    /// Every target group of the site, to tell "not used this year" from
    /// "unknown".
    pub all_targets: &'a [Term],
}

/// One finding (nosto): a top-level list item under a priority area and,
/// usually, a target group.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub priority: PriorityId,
    pub target: Option<TargetGroupId>,
    pub text: String,
    /// The anchor of its cell (or of its priority area).
    pub anchor: String,
    /// Line in the body (1-based).
    #[serde(skip)]
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
}

/// A problem in the body, at a body line.
#[derive(Debug, Clone)]
pub struct Problem {
    pub line: usize,
    pub message: String,
    pub help: String,
}

/// A stretch of the body: prose as written, or one priority area with its
/// cells, so templates can put the year's goal beside each cell.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Part {
    Prose { html: String },
    Priority(Section),
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub priority: PriorityId,
    /// The rendered `h2`.
    pub heading: String,
    /// What stands between the heading and the first cell.
    pub intro: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub target: TargetGroupId,
    /// The rendered `h3`.
    pub heading: String,
    pub html: String,
}

#[derive(Debug, Default)]
pub struct Rendered {
    /// The whole body.
    pub html: String,
    /// The same body in parts.
    pub parts: Vec<Part>,
    pub findings: Vec<Finding>,
    pub headings: Vec<Heading>,
    pub problems: Vec<Problem>,
}

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.footnotes = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    // Raw HTML is never passed through (comrak's default, stated here so
    // nobody turns it on by accident).
    o.render.r#unsafe = false;
    o
}

/// Renders `body`. With a vocabulary, headings that name priority areas
/// and target groups become findings; `base_path` (e.g. `/hyte/`) is put
/// before site-absolute link targets such as `/2025/`.
pub fn render(
    body: &str,
    vocab: Option<&Vocabulary<'_>>,
    base_path: &str,
    statute_url: &str,
) -> Rendered {
    render_page(
        body,
        vocab,
        &Links {
            base_path,
            statute_url,
            leaf: false,
        },
    )
}

/// Character references are decoded while parsing (`&#142;` is U+008E),
/// so the text is cleaned again in the tree.
fn clean_decoded<'a>(root: comrak::nodes::Node<'a>) {
    fn clean(s: &mut String) {
        if let std::borrow::Cow::Owned(c) = without_controls(s) {
            *s = c;
        }
    }
    for node in root.descendants() {
        match &mut node.data_mut().value {
            NodeValue::Text(t) => {
                if let std::borrow::Cow::Owned(c) = without_controls(t) {
                    *t = c.into();
                }
            }
            NodeValue::Code(c) => clean(&mut c.literal),
            NodeValue::CodeBlock(c) => {
                clean(&mut c.literal);
                clean(&mut c.info);
            }
            NodeValue::Link(l) | NodeValue::Image(l) => {
                clean(&mut l.url);
                clean(&mut l.title);
            }
            _ => {}
        }
    }
}

/// How a page's links are written out.
pub struct Links<'a> {
    /// Put before site-absolute targets such as `/2025/`.
    pub base_path: &'a str,
    /// Where statute references link (see `link_statutes`).
    pub statute_url: &'a str,
    /// The page comes from `name.md` and is served at `name/`: a relative
    /// target such as `kuva.jpg` means the file beside `name.md`, one
    /// folder up from the page's URL.
    pub leaf: bool,
}

/// [`render`] with the page's link rules.
pub fn render_page(body: &str, vocab: Option<&Vocabulary<'_>>, links: &Links<'_>) -> Rendered {
    let arena = Arena::new();
    let opts = options();
    let body = without_controls(body);
    let root = comrak::parse_document(&arena, &body, &opts);
    let mut out = Rendered::default();
    clean_decoded(root);
    link_statutes(&arena, root, links.statute_url);
    drop_unsafe_links(root);

    for node in root.descendants() {
        let mut data = node.data_mut();
        let (NodeValue::Link(link) | NodeValue::Image(link)) = &mut data.value else {
            continue;
        };
        if link.url.starts_with('/') && !link.url.starts_with("//") {
            // Links to "/x/" must work when the site lives under a subpath.
            link.url = format!("{}{}", links.base_path, &link.url[1..]);
        } else if links.leaf
            && !link.url.is_empty()
            && !link.url.starts_with(['#', '?', '/'])
            && !link.url.contains(':')
        {
            link.url = format!("../{}", link.url);
        }
    }

    // Pass 1: the structure of findings, from top-level blocks. Each block
    // gets a slot: where its HTML goes.
    let mut fixed_ids: HashMap<usize, String> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut slots: Vec<Slot> = Vec::new();
    let mut priority: Option<(PriorityId, &Term)> = None;
    let mut target: Option<(TargetGroupId, &Term)> = None;
    for node in root.children() {
        let Some(vocab) = vocab else {
            slots.push(Slot::Prose);
            continue;
        };
        let (value, pos) = {
            let d = node.data();
            (d.value.clone(), d.sourcepos)
        };
        let key = node as *const _ as usize;
        let slot = match value {
            NodeValue::Heading(h) if h.level <= 2 => {
                let text = clean(&node.collect_text());
                target = None;
                priority = None;
                let slug = slugify(&text);
                let matched = (h.level == 2)
                    .then(|| vocab.priorities.iter().find(|(_, t)| t.has_slug(&slug)))
                    .flatten();
                if let Some(&(id, term)) = matched {
                    priority = Some((id, term));
                    claim(
                        &mut out,
                        &mut fixed_ids,
                        &mut used,
                        key,
                        term.slug.clone(),
                        pos,
                        &text,
                    );
                    Slot::PriorityHeading(id)
                } else {
                    if let Some(close) = near_priority(&text, vocab).filter(|_| h.level == 2) {
                        out.problems.push(Problem {
                            line: pos.start.line,
                            message: format!("otsikko \"{text}\" on melkein painopiste \"{close}\""),
                            help: format!("jos otsikko tarkoittaa tätä painopistettä, kirjoita se muotoon \"## {close}\", jotta sen alla olevat nostot tunnistetaan; muuten muotoile otsikko toisin"),
                        });
                    }
                    Slot::Prose
                }
            }
            NodeValue::Heading(h) if h.level == 3 && priority.is_some() => {
                let (_, pterm) = priority.expect("checked by the guard");
                let text = clean(&node.collect_text());
                let slug = slugify(&text);
                match vocab.targets.iter().find(|(_, t)| t.has_slug(&slug)) {
                    Some(&(tid, tterm)) => {
                        target = Some((tid, tterm));
                        claim(
                            &mut out,
                            &mut fixed_ids,
                            &mut used,
                            key,
                            format!("{}-{}", pterm.slug, tterm.slug),
                            pos,
                            &text,
                        );
                        Slot::CellHeading(tid)
                    }
                    None => {
                        target = None;
                        out.problems.push(unknown_target(&text, pos, pterm, vocab));
                        Slot::Body
                    }
                }
            }
            NodeValue::List(_) if priority.is_some() => {
                let (pid, pterm) = priority.expect("checked by the guard");
                for item in node.children() {
                    let text = clean(&item.collect_text());
                    if !text.is_empty() {
                        let line = item.data().sourcepos.start.line;
                        out.findings.push(finding(pid, pterm, target, text, line));
                    }
                }
                Slot::Body
            }
            _ if priority.is_some() => Slot::Body,
            _ => Slot::Prose,
        };
        slots.push(slot);
    }

    // Pass 2: an id for every heading, in document order.
    let mut ids = Vec::new();
    for node in root.descendants() {
        let level = match node.data().value {
            NodeValue::Heading(h) => h.level,
            _ => continue,
        };
        let text = clean(&node.collect_text());
        let id = match fixed_ids.get(&(node as *const _ as usize)) {
            Some(id) => id.clone(),
            None => unique(&mut used, &text),
        };
        out.headings.push(Heading {
            level,
            text,
            id: id.clone(),
        });
        ids.push(id);
    }

    // Pass 3: HTML, block by block in document order (so that the heading
    // ids are handed out in order), each block into its slot.
    let adapter = HeadingIds {
        ids,
        next: AtomicUsize::new(0),
    };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&adapter);
    for (node, slot) in root.children().zip(slots) {
        let mut html = String::new();
        // Writing to a String cannot fail.
        let _ = comrak::format_html_with_plugins(node, &opts, &mut html, &plugins);
        out.html.push_str(&html);
        match (slot, out.parts.last_mut()) {
            (Slot::Prose, Some(Part::Prose { html: prev })) => prev.push_str(&html),
            (Slot::Prose, _) => out.parts.push(Part::Prose { html }),
            (Slot::PriorityHeading(priority), _) => out.parts.push(Part::Priority(Section {
                priority,
                heading: html,
                intro: String::new(),
                cells: Vec::new(),
            })),
            (Slot::CellHeading(target), Some(Part::Priority(section))) => {
                section.cells.push(Cell {
                    target,
                    heading: html,
                    html: String::new(),
                })
            }
            (Slot::Body, Some(Part::Priority(section))) => match section.cells.last_mut() {
                Some(cell) => cell.html.push_str(&html),
                None => section.intro.push_str(&html),
            },
            // Cells and bodies only follow a priority heading.
            (_, _) => out.parts.push(Part::Prose { html }),
        }
    }
    out
}

/// "612/2021" or "611/2021, 14 §" in text: the act number, and the section
/// right after it when there is one.
static STATUTE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:^|[^\d./])((\d{1,4})/((?:19|20)\d\d)(?:,?\s*\d+\s*§(?:\s*ja\s*\d+\s*§)?)?)",
    )
    .expect("the pattern is valid")
});

/// Turns statute references in text into links, e.g. to Finlex:
/// Whether a link or image URL may stay: relative, or http(s), mailto or
/// tel. `javascript:`, `vbscript:`, `data:` and every other scheme may not
/// (comrak already empties the worst; this is the allow list).
fn safe_url(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() {
        return false;
    }
    let end = url.find(['/', '?', '#']).unwrap_or(url.len());
    match url[..end].split_once(':') {
        None => true,
        Some((scheme, _)) => ["http", "https", "mailto", "tel"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme)),
    }
}

/// Links and images whose URL is not [`safe_url`] become their text: the
/// words stay, the link or image goes.
fn drop_unsafe_links<'a>(root: comrak::nodes::Node<'a>) {
    let unsafe_nodes: Vec<_> = root
        .descendants()
        .filter(|n| match &n.data().value {
            NodeValue::Link(l) | NodeValue::Image(l) => !safe_url(&l.url),
            _ => false,
        })
        .collect();
    for node in unsafe_nodes {
        while let Some(child) = node.first_child() {
            node.insert_before(child);
        }
        node.detach();
    }
}

/// `statute_url` has `{number}` and `{year}` to fill. Text inside links and
/// code is left alone.
fn link_statutes<'a>(arena: &'a Arena<'a>, root: comrak::nodes::Node<'a>, statute_url: &str) {
    if statute_url.is_empty() {
        return;
    }
    let texts: Vec<_> = root
        .descendants()
        .filter(|n| matches!(n.data().value, NodeValue::Text(_)))
        .filter(|n| {
            !n.ancestors().any(|a| {
                matches!(
                    a.data().value,
                    NodeValue::Link(_)
                        | NodeValue::Image(_)
                        | NodeValue::Code(_)
                        | NodeValue::Heading(_)
                )
            })
        })
        .collect();
    for node in texts {
        let text = match &node.data().value {
            NodeValue::Text(t) => t.to_string(),
            _ => continue,
        };
        let mut last = 0;
        let mut pieces: Vec<comrak::nodes::Node<'a>> = Vec::new();
        for caps in STATUTE.captures_iter(&text) {
            let (Some(all), Some(number), Some(year)) = (caps.get(1), caps.get(2), caps.get(3))
            else {
                continue;
            };
            if all.start() > last {
                pieces.push(
                    arena.alloc(NodeValue::Text(text[last..all.start()].to_string().into()).into()),
                );
            }
            let url = statute_url
                .replace("{number}", number.as_str())
                .replace("{year}", year.as_str());
            let link = arena.alloc(
                NodeValue::Link(Box::new(comrak::nodes::NodeLink {
                    url,
                    title: String::new(),
                }))
                .into(),
            );
            link.append(arena.alloc(NodeValue::Text(all.as_str().to_string().into()).into()));
            pieces.push(link);
            last = all.end();
        }
        if pieces.is_empty() {
            continue;
        }
        if last < text.len() {
            pieces.push(arena.alloc(NodeValue::Text(text[last..].to_string().into()).into()));
        }
        for piece in pieces {
            node.insert_before(piece);
        }
        node.detach();
    }
}

/// Where the HTML of one top-level block goes.
enum Slot {
    Prose,
    PriorityHeading(PriorityId),
    CellHeading(TargetGroupId),
    /// Inside the current priority area (and cell, if any).
    Body,
}

fn claim(
    out: &mut Rendered,
    fixed: &mut HashMap<usize, String>,
    used: &mut HashSet<String>,
    key: usize,
    id: String,
    pos: Sourcepos,
    text: &str,
) {
    if !used.insert(id.clone()) {
        out.problems.push(Problem {
            line: pos.start.line,
            message: format!("otsikko \"{text}\" on kahdesti samassa kohdassa (ankkuri #{id})"),
            help: "kirjoita saman painopisteen ja kohderyhmän kaikki nostot yhden otsikon alle"
                .into(),
        });
    }
    fixed.insert(key, id);
}

fn finding(
    pid: PriorityId,
    pterm: &Term,
    target: Option<(TargetGroupId, &Term)>,
    text: String,
    line: usize,
) -> Finding {
    let anchor = match target {
        Some((_, t)) => format!("{}-{}", pterm.slug, t.slug),
        None => pterm.slug.clone(),
    };
    Finding {
        priority: pid,
        target: target.map(|(id, _)| id),
        text,
        anchor,
        line,
    }
}

fn unknown_target(text: &str, pos: Sourcepos, pterm: &Term, vocab: &Vocabulary<'_>) -> Problem {
    let names: Vec<&str> = vocab.targets.iter().map(|(_, t)| t.name.as_str()).collect();
    let other_year = vocab.all_targets.iter().find(|t| t.matches(text));
    let help = match other_year {
        Some(t) => format!(
            "\"{}\" on site.toml-tiedoston kohderyhmä, mutta tämä vuosi ei käytä sitä; lisää se vuoden _index.md-tiedoston `target_groups`-luetteloon tai käytä jotakin näistä: {}",
            t.name,
            names.join(", ")
        ),
        None => {
            let close = crate::diagnostic::suggest(text, names.iter().copied());
            if close.is_empty() {
                format!(
                    "painopisteen alla ###-otsikko on aina vuoden kohderyhmä: {}; kirjoita muut väliotsikot ####-tasolle",
                    names.join(", ")
                )
            } else {
                format!("tarkoititko \"### {}\"?", close[0])
            }
        }
    };
    Problem {
        line: pos.start.line,
        message: format!(
            "otsikko \"{text}\" painopisteen \"{}\" alla ei ole tämän vuoden kohderyhmä",
            pterm.name
        ),
        help,
    }
}

fn near_priority<'a>(text: &str, vocab: &Vocabulary<'a>) -> Option<&'a str> {
    let lower = text.to_lowercase();
    vocab.priorities.iter().find_map(|(_, t)| {
        let near = std::iter::once(&t.name)
            .chain(t.aliases.iter())
            .any(|n| strsim::normalized_levenshtein(&lower, &n.to_lowercase()) >= 0.85);
        near.then_some(t.name.as_str())
    })
}

/// A heading id not used yet on the page.
fn unique(used: &mut HashSet<String>, text: &str) -> String {
    let base = match slugify(text) {
        s if s.is_empty() => "otsikko".to_string(),
        s => s,
    };
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// Whitespace collapsed, ends trimmed.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes headings with the ids computed before rendering; comrak renders
/// headings in document order.
struct HeadingIds {
    ids: Vec<String>,
    next: AtomicUsize,
}

impl HeadingAdapter for HeadingIds {
    fn enter(
        &self,
        out: &mut dyn fmt::Write,
        h: &HeadingMeta,
        _: Option<Sourcepos>,
    ) -> fmt::Result {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        match self.ids.get(i) {
            // ids are slugs: nothing to escape.
            Some(id) => write!(out, "<h{} id=\"{}\">", h.level, id),
            None => write!(out, "<h{}>", h.level),
        }
    }

    fn exit(&self, out: &mut dyn fmt::Write, h: &HeadingMeta) -> fmt::Result {
        writeln!(out, "</h{}>", h.level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(name: &str, aliases: &[&str]) -> Term {
        Term::new(
            name.into(),
            slugify(name),
            aliases.iter().map(|s| s.to_string()).collect(),
            String::new(),
        )
    }

    fn with_vocab(body: &str) -> Rendered {
        let p = [
            term("Arjen turvallisuus", &["Arjen turvallisuuden edistäminen"]),
            term("Mielen hyvinvointi", &[]),
        ];
        let t = [
            term("Ikääntyneet", &[]),
            term("Lapset ja nuoret", &[]),
            term("Vammaispalvelut", &[]),
        ];
        let vocab = Vocabulary {
            priorities: p
                .iter()
                .enumerate()
                .map(|(i, t)| (PriorityId(i), t))
                .collect(),
            targets: t[..2]
                .iter()
                .enumerate()
                .map(|(i, t)| (TargetGroupId(i), t))
                .collect(),
            all_targets: &t,
        };
        render(body, Some(&vocab), "/", "")
    }

    #[test]
    fn control_characters_become_replacement_characters() {
        let out = render("- kohta\0jatkuu\n", None, "/", "");
        assert!(out.html.contains("kohta\u{FFFD}jatkuu"), "{}", out.html);
        // Also where a character reference makes one.
        let out = render("a&#142;b `c&#1;` [d](/e \"&#127;\")\n", None, "/", "");
        assert!(
            !out.html.contains(['\u{8e}', '\u{1}', '\u{7f}']),
            "{:?}",
            out.html
        );
    }

    #[test]
    fn headings_give_findings_and_anchors() {
        let r = with_vocab(
            "Intro.\n\n## Arjen turvallisuuden edistäminen\n\n### Ikääntyneet\n\nA note, not a finding.\n\n- Kaatumisten ehkäisy\n- Ystävätoiminta\n\n## Muuta\n\n- Prose.\n",
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.findings.len(), 2);
        assert_eq!(r.findings[0].text, "Kaatumisten ehkäisy");
        assert_eq!(r.findings[0].anchor, "arjen-turvallisuus-ikaantyneet");
        assert_eq!(r.findings[0].line, 9);
        assert!(r.html.contains("<h2 id=\"arjen-turvallisuus\">"));
        assert!(
            r.html
                .contains("<h3 id=\"arjen-turvallisuus-ikaantyneet\">Ikääntyneet</h3>")
        );
        assert!(r.html.contains("<h2 id=\"muuta\">"));
    }

    #[test]
    fn body_is_cut_into_prose_and_priority_parts() {
        let r = with_vocab(
            "Intro.\n\n## Mielen hyvinvointi\n\nKoko alue.\n\n### Lapset ja nuoret\n\n- a\n- b\n\n## Muuta\n\nLoppu.\n",
        );
        assert_eq!(r.parts.len(), 3);
        assert!(matches!(&r.parts[0], Part::Prose { html } if html.contains("Intro.")));
        let Part::Priority(section) = &r.parts[1] else {
            panic!("{:?}", r.parts[1])
        };
        assert!(section.heading.contains("id=\"mielen-hyvinvointi\""));
        assert!(section.intro.contains("Koko alue."));
        assert_eq!(section.cells.len(), 1);
        assert!(
            section.cells[0]
                .heading
                .contains("id=\"mielen-hyvinvointi-lapset-ja-nuoret\"")
        );
        assert!(section.cells[0].html.contains("<li>b</li>"));
        assert!(
            matches!(&r.parts[2], Part::Prose { html } if html.contains("Loppu.") && html.contains("id=\"muuta\""))
        );
        let joined: String = r
            .parts
            .iter()
            .map(|p| match p {
                Part::Prose { html } => html.clone(),
                Part::Priority(s) => format!(
                    "{}{}{}",
                    s.heading,
                    s.intro,
                    s.cells
                        .iter()
                        .map(|c| format!("{}{}", c.heading, c.html))
                        .collect::<String>()
                ),
            })
            .collect();
        assert_eq!(joined, r.html, "the parts add up to the whole body");
    }

    #[test]
    fn unknown_target_group_is_reported_at_its_line() {
        let r = with_vocab("## Mielen hyvinvointi\n\n### Teinit\n\n- x\n");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, 3);
        let r = with_vocab("## Mielen hyvinvointi\n\n### Vammaispalvelut\n");
        assert!(r.problems[0].help.contains("tämä vuosi ei käytä sitä"));
    }

    #[test]
    fn near_miss_priority_heading_is_reported() {
        let r = with_vocab("## Arjen turvalisuus\n\n- x\n");
        assert_eq!(r.problems.len(), 1);
        assert!(r.findings.is_empty());
    }

    #[test]
    fn raw_html_and_script_urls_do_not_pass() {
        let r = render(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n",
            None,
            "/",
            "",
        );
        assert!(!r.html.contains("<script"));
        assert!(!r.html.contains("javascript:"));
    }

    #[test]
    fn only_relative_web_mail_and_phone_urls_stay() {
        for ok in [
            "/2025/",
            "../x/",
            "#a",
            "https://e.org/",
            "HTTP://e.org",
            "mailto:a@b.fi",
            "tel:+358",
            "kuva.png",
            "a/b:c",
        ] {
            assert!(safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:x",
            "vbscript:x",
            "data:image/png;base64,AA",
            "file:///etc/passwd",
            "",
        ] {
            assert!(!safe_url(bad), "{bad}");
        }
        let r = render(
            "[sana](data:text/html,x) ja ![kuva](data:image/png;base64,AA) [hyvä](/laki/)",
            None,
            "/",
            "",
        );
        assert!(
            r.html
                .contains("<p>sana ja kuva <a href=\"/laki/\">hyvä</a></p>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn site_absolute_links_get_the_base_path() {
        let r = render(
            "[v](/2025/) [e](https://e.org/) [a](#x)",
            None,
            "/hyte/",
            "",
        );
        assert!(r.html.contains("href=\"/hyte/2025/\""));
        assert!(r.html.contains("href=\"https://e.org/\""));
        assert!(r.html.contains("href=\"#x\""));
    }

    #[test]
    fn statute_references_link_to_the_act() {
        let url = "https://finlex.fi/fi/lainsaadanto/{year}/{number}";
        let r = render(
            "Laki 612/2021 7 § ja laki (611/2021, 14 §). Dnro 1236/00.04.00/2025. `612/2021`",
            None,
            "/",
            url,
        );
        assert!(
            r.html.contains(
                r#"<a href="https://finlex.fi/fi/lainsaadanto/2021/612">612/2021 7 §</a>"#
            ),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                r#"<a href="https://finlex.fi/fi/lainsaadanto/2021/611">611/2021, 14 §</a>"#
            ),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("1236/00.04.00/2025."),
            "a diary number is not a statute: {}",
            r.html
        );
        assert!(r.html.contains("<code>612/2021</code>"));
    }

    #[test]
    fn relative_links_of_a_leaf_page_point_beside_its_file() {
        let links = Links {
            base_path: "/",
            statute_url: "",
            leaf: true,
        };
        let r = render_page(
            "![Kartta](kartta.png) [x](#a) [y](/2025/) [z](https://e.fi/)",
            None,
            &links,
        );
        assert!(r.html.contains("src=\"../kartta.png\""), "{}", r.html);
        assert!(r.html.contains("href=\"#a\""));
        assert!(r.html.contains("href=\"/2025/\""));
        assert!(r.html.contains("href=\"https://e.fi/\""));
    }

    #[test]
    fn duplicate_heading_ids_are_numbered() {
        let r = render("## A\n\n## A\n", None, "/", "");
        assert!(r.html.contains("id=\"a\""));
        assert!(r.html.contains("id=\"a-2\""));
    }
}
