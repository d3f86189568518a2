//! Pages in the site's other languages. A page's translation is the file
//! beside it with the language code before `.md` (`x.sv.md`, `_index.sv.md`):
//! its front matter holds the translated texts and its body the translated
//! body. In another language each main file becomes a [`Source`] whose
//! front matter is read in that language (the inline `sv = { … }` tables
//! of sessions, goals and decisions) with the translation's texts and body
//! over it; a page without a translation keeps the main file's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::frontmatter::{self, At, ReadIn, Split, TranslationFront};
use super::source::{Front, Source, TranslationInfo, parse_front};
use crate::diagnostic::{Diagnostic, line_of_offset};

/// One translation file, read.
#[derive(Debug)]
pub struct Translation {
    pub lang: String,
    /// The translation's file, as shown in messages.
    pub path: PathBuf,
    /// The main file it translates, as shown in messages.
    pub of: PathBuf,
    pub front: TranslationFront,
    front_text: String,
    pub body: String,
    pub body_line: usize,
}

/// The language code and the main file's path (under `content/`) of a
/// translation's path, or None if `rel` is a main file.
pub fn translation_of(rel: &Path, codes: &[String]) -> Option<(String, PathBuf)> {
    let stem = rel.file_stem()?.to_str()?;
    let (name, code) = stem.rsplit_once('.')?;
    // The main language has no translation files: x.fi.md is a page.
    let code = codes.iter().skip(1).find(|c| c.as_str() == code)?;
    Some((code.clone(), rel.with_file_name(format!("{name}.md"))))
}

/// Reads the translation at `path` (`of` is the main file it translates).
pub(super) fn read(path: &Path, lang: &str, of: PathBuf) -> Result<Translation, Diagnostic> {
    let text = super::source::text_of(super::source::read_bytes(path)?, path)?;
    let split = frontmatter::split(&text, path)?;
    let front: TranslationFront =
        frontmatter::parse(&split, path, "käännöksen").map_err(|d| {
            let help = d.help.clone().unwrap_or_default();
            d.help(format!(
                "{help}\nkäännöksen alkutiedoissa on vain title, description, summary, note ja draft; päivämäärät, kunnat, tila ja lähteet kirjoitetaan suomenkieliseen tiedostoon {} (tilaisuuksien ja tavoitteiden käännökset sinne muodossa {lang} = {{ title = \"…\" }})",
                crate::diagnostic::shown(&of).display()
            ))
        })?;
    if front.title.trim().is_empty() {
        return Err(Diagnostic::new(path, "käännöksen otsikko (title) on tyhjä")
            .at_line(frontmatter::file_line(&split, front.title.span.start))
            .help("kirjoita sivun otsikko käännöksen kielellä lainausmerkkeihin"));
    }
    Ok(Translation {
        lang: lang.to_string(),
        path: path.to_path_buf(),
        of,
        front_text: split.front.to_string(),
        body: split.body.to_string(),
        body_line: split.body_line,
        front,
    })
}

impl Translation {
    /// The file line of a value of its front matter.
    fn line<T>(&self, value: &At<T>) -> usize {
        line_of_offset(&self.front_text, value.span.start) + 1
    }
}

/// The sources of the site in `lang`: one per main source, in the same
/// order (their URLs are put under `/<lang>/` by the model); `drafts` keeps translations marked as drafts. Problems are those of reading the main files'
/// front matter in `lang` (a translation that is not a table).
pub fn sources_in(
    main: &[Source],
    translations: &[Translation],
    lang: &str,
    codes: &[String],
    drafts: bool,
) -> (Vec<Source>, Vec<Diagnostic>) {
    // A translation marked `draft = true` is left out as a draft page is.
    let by_main: HashMap<&Path, &Translation> = translations
        .iter()
        .filter(|t| t.lang == lang && (drafts || !t.front.draft))
        .map(|t| (t.of.as_path(), t))
        .collect();
    let read = ReadIn {
        lang: Some(lang.to_string()),
        codes: codes.to_vec(),
    };
    let mut problems = Vec::new();
    let mut out = Vec::with_capacity(main.len());
    for s in main {
        let split = Split {
            front: &s.front_text,
            front_line: 2,
            body: &s.body,
            body_line: s.body_line,
        };
        let rel = s.path.clone();
        let mut front = match parse_front(s.kind, &split, &s.path, &rel, &read) {
            Ok(f) => f,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let t = by_main.get(s.path.as_path()).copied();
        front.set_translated(t.map(|t| &t.front));
        out.push(Source {
            path: s.path.clone(),
            kind: s.kind,
            segments: s.segments.clone(),
            year: s.year,
            front,
            front_text: s.front_text.clone(),
            body: t.map_or_else(String::new, |t| t.body.clone()),
            body_line: t.map_or(s.body_line, |t| t.body_line),
            translation: t.map(|t| TranslationInfo {
                path: t.path.clone(),
                summary_line: t.line(t.front.summary.as_ref().unwrap_or(&t.front.title)),
            }),
        });
    }
    (out, problems)
}

impl Front {
    /// Puts a translation's texts over the main file's, and leaves out
    /// what only the main language has (its old addresses).
    fn set_translated(&mut self, t: Option<&TranslationFront>) {
        macro_rules! set {
            ($f:expr) => {{
                $f.aliases.clear();
                if let Some(t) = t {
                    $f.title = t.title.clone();
                    $f.description = t.description.clone();
                    $f.summary = t.summary.clone();
                    $f.note = t.note.clone();
                }
            }};
        }
        match self {
            Front::Page(f) => set!(f),
            Front::Year(f) => set!(f),
            Front::Group(f) => set!(f),
            Front::Perspective(f) => set!(f),
        }
    }
}

/// A translation whose main file is missing.
pub(super) fn orphan(t: &Translation) -> Diagnostic {
    Diagnostic::new(
        &t.path,
        format!(
            "tämä on käännös ({}) sivusta {}, jota ei ole",
            t.lang,
            crate::diagnostic::shown(&t.of).display()
        ),
    )
    .help("käännös on suomenkielisen sivun vieressä samalla nimellä ja kielikoodilla ennen .md-päätettä (esim. muistio.md ja muistio.sv.md); tee suomenkielinen sivu tai nimeä käännös sen mukaan")
}
