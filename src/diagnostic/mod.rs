//! Problems found in a site, reported the way a compiler reports them.
//!
//! Content problems are collected, not thrown: `hyte check` must list every
//! problem of a site in one run. Each [`Diagnostic`] carries its
//! [`Severity`], the file, the line in that file (not in the front matter
//! block) and a hint saying what to do. Errors stop a build; warnings are
//! printed and stop it only with `--strict`. [`Error`] is what a command
//! ends with and decides the exit status.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The site cannot be published like this.
    Error,
    /// Likely a slip: the site builds, but something an author wrote may
    /// not reach the reader as meant. Fails a build only with `--strict`.
    Warning,
}

/// One problem in the site's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
    pub help: Option<String>,
    /// Found in a draft (`draft = true`): reported by `check`, but it
    /// fails a run only with `--strict`.
    pub draft: bool,
}

impl Diagnostic {
    /// An error.
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            message: message.into(),
            help: None,
            draft: false,
        }
    }

    /// A warning.
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::new(path, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this problem fails a run: an error outside drafts, or any
    /// problem with `--strict`.
    pub fn fails(&self, strict: bool) -> bool {
        strict || (self.is_error() && !self.draft)
    }

    /// Marks the problem as found in a draft.
    pub fn in_draft(mut self) -> Self {
        self.draft = true;
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn with_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "virhe",
            Severity::Warning => "varoitus",
        };
        let draft = if self.draft { " (luonnos)" } else { "" };
        writeln!(f, "{label}{draft}: {}", self.message)?;
        let path = shown(&self.path);
        match self.line {
            Some(line) => writeln!(f, "  --> {}:{}", path.display(), line)?,
            None => writeln!(f, "  --> {}", path.display())?,
        }
        if let Some(help) = &self.help {
            for (i, line) in help.lines().enumerate() {
                let lead = if i == 0 { "  = ohje: " } else { "          " };
                writeln!(f, "{lead}{line}")?;
            }
        }
        Ok(())
    }
}

/// A growing list of problems. Steps push into it and go on, so that one
/// run reports everything.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// Every problem sorted by file and line, duplicates removed.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        sort(&mut self.0);
        self.0
    }

    /// The warnings if no error was reported, else every problem (warnings
    /// too, so that one run shows everything).
    pub fn finish(self) -> Result<Vec<Diagnostic>, Error> {
        let all = self.sorted();
        if all.iter().any(Diagnostic::is_error) {
            Err(Error::Content(all))
        } else {
            Ok(all)
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Sorts problems by file and line and removes repeats.
pub fn sort(ds: &mut Vec<Diagnostic>) {
    ds.sort_by(|a, b| (&a.path, a.line, a.severity).cmp(&(&b.path, b.line, b.severity)));
    ds.dedup();
}

/// Prints problems that did not stop a run (warnings, a draft's errors)
/// to stderr, each followed by a blank line as in a failed run.
pub fn print(ds: &[Diagnostic]) {
    for d in ds {
        eprintln!("{d}");
    }
}

/// How a command failed.
#[derive(Debug)]
pub enum Error {
    /// The site's files have problems the author can fix (exit status 1).
    Content(Vec<Diagnostic>),
    /// The command line was wrong (exit status 1).
    Usage(String),
    /// Reading or writing failed (exit status 2).
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing the new output failed; the previous output at `output` is
    /// as it was (exit status 2).
    Output {
        /// The file as it would have been in the output.
        path: PathBuf,
        output: PathBuf,
        source: std::io::Error,
    },
    /// Anything else (exit status 2).
    Internal(String),
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn content(d: Diagnostic) -> Self {
        Error::Content(vec![d])
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) | Error::Usage(_) => 1,
            Error::Io { .. } | Error::Output { .. } | Error::Internal(_) => 2,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Content(ds) => {
                for d in ds {
                    writeln!(f, "{d}")?;
                }
                write!(f, "virhe: {}", problems_found(ds))
            }
            Error::Usage(msg) => write!(f, "virhe: {msg}"),
            Error::Io { path, source } => write!(
                f,
                "virhe: tiedostoa tai kansiota ei voitu lukea tai kirjoittaa: {}: {}\n  = ohje: tarkista, että polun kansiot ovat olemassa ja ovat kansioita (eivät tiedostoja), että levyllä on tilaa ja että sinulla on oikeus lukea ja kirjoittaa siellä",
                shown(path).display(),
                io_problem(source)
            ),
            Error::Output {
                path,
                output,
                source,
            } => write!(
                f,
                "virhe: tiedostoa {} ei voitu kirjoittaa: {}\n  = ohje: edellinen {}/ jäi ennalleen eikä siihen tullut mitään tästä rakennuksesta; tarkista, että levyllä on tilaa, ettei tiedostojen kokoa ole rajoitettu ja että sinulla on oikeus kirjoittaa kansioon, ja rakenna uudelleen",
                shown(path).display(),
                io_problem(source),
                shown(output).display(),
            ),
            Error::Internal(msg) => write!(
                f,
                "sisäinen virhe: {msg}\n  = ohje: tämä ei johdu sivuston sisällöstä; jos virhe toistuu, ilmoita siitä hyten ylläpitäjille"
            ),
        }
    }
}

/// "löytyi 1 virhe ja 3 varoitusta": the summary after a list of problems
/// (Finnish takes the partitive after numbers other than one). Problems of
/// drafts are counted apart.
pub fn problems_found(ds: &[Diagnostic]) -> String {
    format!("löytyi {}", counts(ds))
}

/// "1 virhe ja 3 varoitusta (luonnoksissa 2 virhettä)"; "ei ongelmia".
pub fn counts(ds: &[Diagnostic]) -> String {
    let count = |sev: Severity, draft: bool| {
        ds.iter()
            .filter(|d| d.severity == sev && d.draft == draft)
            .count()
    };
    let say = |errors: usize, warnings: usize| {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(counted(errors, "virhe", "virhettä"));
        }
        if warnings > 0 {
            parts.push(counted(warnings, "varoitus", "varoitusta"));
        }
        parts.join(" ja ")
    };
    let main = say(
        count(Severity::Error, false),
        count(Severity::Warning, false),
    );
    let drafts = say(count(Severity::Error, true), count(Severity::Warning, true));
    match (main.is_empty(), drafts.is_empty()) {
        (true, true) => "ei ongelmia".to_string(),
        (false, true) => main,
        (true, false) => format!("luonnoksissa {drafts}"),
        (false, false) => format!("{main}; luonnoksissa lisäksi {drafts}"),
    }
}

/// "1 sivu" / "3 sivua": a count with the noun in the right case.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// An I/O error for an author: the cause in Finnish where it is a common
/// one, then the system's own (English) text for whoever helps them.
pub fn io_problem(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let cause = match e.kind() {
        NotFound => "sitä ei löydy",
        PermissionDenied => "käyttöoikeus puuttuu",
        AlreadyExists => "se on jo olemassa",
        IsADirectory => "se on kansio eikä tiedosto",
        NotADirectory => "se ei ole kansio",
        DirectoryNotEmpty => "kansio ei ole tyhjä",
        StorageFull => "levy on täynnä",
        FileTooLarge => "tiedosto on suurempi kuin järjestelmä sallii",
        QuotaExceeded => "levytilakiintiö on täynnä",
        ReadOnlyFilesystem => "levylle ei voi kirjoittaa",
        _ => return e.to_string(),
    };
    format!("{cause} ({e})")
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::content(d)
    }
}

/// A path as messages show it: `--root .` is the default, and
/// "content/x.md" reads better than "./content/x.md".
pub fn shown(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Names close to `wanted` among `candidates`, for "did you mean" hints.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            (
                strsim::normalized_levenshtein(&wanted, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests;
