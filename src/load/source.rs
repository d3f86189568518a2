//! One content file: what its path says it is (year, group, perspective
//! or page), and its front matter parsed as that kind, with the lines the
//! parser read each value at.

use std::path::{Component, Path, PathBuf};

use super::frontmatter::{self, At, GroupFront, PageFront, PerspectiveFront, ReadIn, YearFront};
use super::{GROUPS_DIR, PERSPECTIVES_DIR};
use crate::diagnostic::{Diagnostic, line_of_offset};
use crate::slug::{is_slug, slugify};

/// What the path of a content file says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Home,
    Year,
    /// `kuntaryhmat/_index.md` or `nakokulmat/_index.md` of a year.
    Section,
    Group,
    Perspective,
    Page,
}

#[derive(Debug)]
pub enum Front {
    Page(PageFront),
    Year(YearFront),
    Group(GroupFront),
    Perspective(PerspectiveFront),
}

impl Front {
    pub fn page(&self) -> CommonRef<'_> {
        macro_rules! common {
            ($f:expr) => {
                CommonRef {
                    title: &$f.title,
                    description: &$f.description,
                    draft: $f.draft,
                    aliases: &$f.aliases,
                    weight: $f.weight,
                    updated: $f.updated.as_ref(),
                    template: $f.template.as_deref(),
                    slug: $f.slug.as_ref(),
                    sources: &$f.sources,
                    summary: $f.summary.as_ref(),
                    note: &$f.note,
                }
            };
        }
        match self {
            Front::Page(f) => common!(f),
            Front::Year(f) => common!(f),
            Front::Group(f) => common!(f),
            Front::Perspective(f) => common!(f),
        }
    }
}

/// The keys every kind of page has.
pub struct CommonRef<'a> {
    pub title: &'a At<String>,
    pub description: &'a str,
    pub draft: bool,
    pub aliases: &'a [At<String>],
    pub weight: i64,
    pub updated: Option<&'a At<toml::value::Datetime>>,
    pub template: Option<&'a str>,
    pub slug: Option<&'a At<String>>,
    pub sources: &'a [At<String>],
    pub summary: Option<&'a At<String>>,
    pub note: &'a str,
}

impl CommonRef<'_> {
    /// The summary's text, trimmed; empty when there is none.
    pub fn summary_text(&self) -> String {
        self.summary
            .map_or_else(String::new, |s| s.trim().to_string())
    }
}

/// One content file, read and parsed.
#[derive(Debug)]
pub struct Source {
    /// Path to show in messages (the root as given, joined with the file).
    pub path: PathBuf,
    pub kind: Kind,
    /// URL path segments, e.g. `["2025", "kuntaryhmat", "jyvaskyla-muurame"]`.
    pub segments: Vec<String>,
    pub year: Option<i32>,
    pub front: Front,
    /// The front matter text: its hash tells a body-only edit, and it maps
    /// the parser's spans to lines.
    pub front_text: String,
    pub body: String,
    /// File line of the body's first line.
    pub body_line: usize,
    /// Set in another language than the main one when the page has a
    /// translation: its body is the translation's.
    pub translation: Option<TranslationInfo>,
}

/// Where a page's translation is and the lines of its texts.
#[derive(Debug, Clone)]
pub struct TranslationInfo {
    /// The translation's file (`x.sv.md`), named in problems of its body.
    pub path: PathBuf,
    /// The file line of its `summary`, or of its `title` without one.
    pub summary_line: usize,
}

impl Source {
    /// The file line where the parser read `value`.
    pub fn line<T>(&self, value: &At<T>) -> usize {
        frontmatter::file_line(
            &frontmatter::Split {
                front: &self.front_text,
                front_line: 2,
                body: &self.body,
                body_line: self.body_line,
            },
            value.span.start,
        )
    }
}

/// The slugified folder names of a content-relative path.
pub(super) fn dir_segments(rel: &Path) -> Vec<String> {
    let parent = rel.parent().unwrap_or(Path::new(""));
    parent
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(slugify(&s.to_string_lossy())),
            _ => None,
        })
        .collect()
}

pub(super) fn year_of(segment: &str) -> Option<i32> {
    (segment.len() == 4 && segment.bytes().all(|b| b.is_ascii_digit()))
        .then(|| segment.parse().ok())
        .flatten()
}

/// Reads one content file again (for the preview server, after an edit):
/// None if `path` is not a Markdown file under `root/content/`.
pub fn source_at(root: &Path, path: &Path) -> Option<Result<Source, Diagnostic>> {
    source_at_in(root, path, &ReadIn::default())
}

/// [`source_at`] of a site whose languages `read` names; None for a
/// translation's file too (`x.sv.md`).
pub fn source_at_in(root: &Path, path: &Path, read: &ReadIn) -> Option<Result<Source, Diagnostic>> {
    let content = root.join("content");
    let rel = path.strip_prefix(&content).ok()?;
    let hidden = rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    if hidden
        || rel.extension().is_none_or(|e| e != "md")
        || super::translation::translation_of(rel, &read.codes).is_some()
    {
        return None;
    }
    Some(read_source(path, rel, read))
}

pub(super) fn read_source(path: &Path, rel: &Path, read: &ReadIn) -> Result<Source, Diagnostic> {
    parse_source_in(read_bytes(path)?, path, rel, read)
}

/// The bytes of a content file, or why it cannot be read.
pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(path).map_err(|e| {
        Diagnostic::new(
            path,
            format!(
                "tiedostoa ei voi lukea: {}",
                crate::diagnostic::io_problem(&e)
            ),
        )
        .help("tarkista, että tiedosto on olemassa ja että sinulla on oikeus lukea sitä")
    })
}

/// A plain page whose front matter does not parse may be a group page in
/// the wrong folder (`content/2026/ryhmat/`): if it parses as one, say
/// where group pages go instead of naming the first unknown key.
fn misplaced_group(
    split: &frontmatter::Split<'_>,
    path: &Path,
    rel: &Path,
    problem: Diagnostic,
) -> Diagnostic {
    let Ok(group) = frontmatter::parse::<GroupFront>(split, path, "kuntaryhmän sivun") else {
        return problem;
    };
    let year = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|d| year_of(d).is_some())
        .unwrap_or_else(|| "<vuosi>".into());
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    Diagnostic::new(
        path,
        format!(
            "tämä näyttää kuntaryhmän sivulta (siinä on `municipalities`), mutta se on kansiossa content/{}",
            rel.parent()
                .map(|p| format!("{}/", p.display()))
                .unwrap_or_default()
        ),
    )
    .at_line(frontmatter::file_line(split, group.municipalities.span.start))
    .help(format!(
        "kuntaryhmien sivut ovat vuoden kansion alikansiossa {GROUPS_DIR}/: siirrä tiedosto polkuun content/{year}/{GROUPS_DIR}/{name}"
    ))
}

/// Makes a [`Source`] of a content file's bytes. `path` is named in
/// problems; `rel` (the path under `content/`) gives the page's kind and
/// URL. Public so that the fuzz targets reach the same code as a build.
pub fn parse_source(bytes: Vec<u8>, path: &Path, rel: &Path) -> Result<Source, Diagnostic> {
    parse_source_in(bytes, path, rel, &ReadIn::default())
}

/// The front matter of a file of `kind`, read in a language of the site.
pub(super) fn parse_front(
    kind: Kind,
    split: &frontmatter::Split<'_>,
    path: &Path,
    rel: &Path,
    read: &ReadIn,
) -> Result<Front, Diagnostic> {
    use frontmatter::parse_in;
    Ok(match kind {
        Kind::Year => Front::Year(parse_in(split, path, "vuoden sivun", read)?),
        Kind::Group => Front::Group(parse_in(split, path, "kuntaryhmän sivun", read)?),
        Kind::Perspective => Front::Perspective(parse_in(split, path, "näkökulman sivun", read)?),
        _ => Front::Page(
            parse_in(split, path, "sivun", read)
                .map_err(|e| misplaced_group(split, path, rel, e))?,
        ),
    })
}

/// A content file's bytes as text with `\n` line ends and no BOM, so that
/// every line number counts lines as an editor shows them; bytes that are
/// not UTF-8 are an error at the line of the first bad one.
pub(super) fn text_of(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let line = line_of_offset(&String::from_utf8_lossy(&e.as_bytes()[..valid]), valid);
            return Err(Diagnostic::new(path, "tiedosto ei ole UTF-8-merkistöllä tallennettua tekstiä")
                .at_line(line)
                .help("tallenna tiedosto tekstieditorissa UTF-8-merkistöllä (ei Latin-1- eikä Windows-1252-merkistöllä); rivinumero näyttää ensimmäisen virheellisen merkin kohdan"));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Windows (CRLF) and old Mac (CR) line ends become LF, so that every
    // line number counts lines as an editor shows them.
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// [`parse_source`] of a site whose languages `read` names.
pub fn parse_source_in(
    bytes: Vec<u8>,
    path: &Path,
    rel: &Path,
    read: &ReadIn,
) -> Result<Source, Diagnostic> {
    let text = text_of(bytes, path)?;
    let split = frontmatter::split(&text, path)?;

    let dirs = dir_segments(rel);
    let stem = rel
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let is_index = stem == "_index";
    let year = dirs.first().and_then(|d| year_of(d));
    let kind = match (is_index, dirs.as_slice()) {
        (true, []) => Kind::Home,
        (true, [_]) if year.is_some() => Kind::Year,
        (true, [_, d]) if year.is_some() && (d == GROUPS_DIR || d == PERSPECTIVES_DIR) => {
            Kind::Section
        }
        (false, [_, d]) if year.is_some() && d == GROUPS_DIR => Kind::Group,
        (false, [_, d]) if year.is_some() && d == PERSPECTIVES_DIR => Kind::Perspective,
        _ => Kind::Page,
    };
    let front = parse_front(kind, &split, path, rel, read)?;

    let mut segments = dirs;
    if !is_index {
        match front.page().slug {
            Some(s) if is_slug(s) => segments.push(s.to_string()),
            Some(s) => {
                return Err(Diagnostic::new(path, format!("osoitteen loppuosa slug = \"{s}\" ei kelpaa"))
                    .at_line(frontmatter::file_line(&split, s.span.start))
                    .help("slugissa saa olla vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä (-), ei kauttaviivaa, pistettä, välilyöntiä eikä ääkkösiä; esim. slug = \"jyvaskyla-muurame\""));
            }
            None => {
                let s = slugify(&stem);
                if s.is_empty() {
                    return Err(Diagnostic::new(path, "tiedoston nimestä ei saa verkko-osoitetta")
                        .help("nimeä tiedosto uudelleen niin, että nimessä on kirjaimia tai numeroita, esim. muistio.md"));
                }
                segments.push(s);
            }
        }
    } else if let Some(s) = front.page().slug {
        return Err(
            Diagnostic::new(path, "`slug`-avainta ei voi käyttää _index.md-sivulla")
                .at_line(frontmatter::file_line(&split, s.span.start))
                .help("kansion oman sivun osoite tulee kansion nimestä; poista `slug` ja nimeä kansio uudelleen, jos haluat toisen osoitteen"),
        );
    }

    Ok(Source {
        path: path.to_path_buf(),
        kind,
        segments,
        year,
        front_text: split.front.to_string(),
        body_line: split.body_line,
        body: split.body.to_string(),
        front,
        translation: None,
    })
}
