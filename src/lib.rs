//! hyte: a static site generator for the public record of the yearly
//! wellbeing negotiations (HYTE-neuvottelut) between a Finnish wellbeing
//! services county and its municipalities.
//!
//! A build is a pipeline of plain steps, each a function of the previous
//! step's output:
//!
//! 1. [`load`]: `site.toml` and `content/` → parsed files with source lines
//! 2. [`model`]: parsed files → an immutable [`model::Site`] that keeps the
//!    lines, with the problems met while resolving names
//! 3. [`validate`]: the site → diagnostics (errors and warnings); reads the
//!    model, changes nothing
//! 4. [`render`]: the site and the theme's templates → HTML, in parallel
//! 5. [`output`]: files staged beside the target and swapped in atomically
//!
//! The commands in [`cmd`] string these together.

#![forbid(unsafe_code)]

pub mod calendar;
pub mod cli;
pub mod cmd;
pub mod collate;
pub mod config;
pub mod diagnostic;
pub mod external;
pub mod i18n;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod publish;
pub mod render;
pub mod routes;
pub mod search;
pub mod serve;
pub mod slug;
pub mod text;
pub mod theme;
pub mod validate;

use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Error};

/// What every command needs to know to read a site.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    pub root: PathBuf,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// Keep pages with `draft = true`.
    pub drafts: bool,
    /// Warnings fail the run too (`--strict`).
    pub strict: bool,
}

/// What a render needs: the site, its templates, the same in each other
/// language, and the problems that did not stop the run (warnings, unless
/// `--strict`).
pub struct Prepared {
    pub site: model::Site,
    pub templates: render::Templates,
    /// The site in each other language, in the order of `languages`.
    pub translations: Vec<LanguageSite>,
    pub warnings: Vec<Diagnostic>,
}

/// The site in one language with that language's templates.
pub struct LanguageSite {
    pub site: model::Site,
    pub templates: render::Templates,
}

/// Steps 1–3 and the templates: everything a render needs, in every
/// language of the site. Problems of the content and of the templates are
/// reported together.
pub fn prepare(opts: &SiteOptions) -> Result<Prepared, Error> {
    lap("start");
    let checked = load::load(&opts.root, opts.base_url.as_deref()).map(|loaded| {
        lap("loaded");
        // The other languages are read from the main one before it is
        // built, then built beside it.
        let others: Vec<load::Loaded> = loaded
            .config
            .translations
            .iter()
            .map(|c| loaded.in_language(c.clone(), opts.drafts))
            .collect();
        let (site, mut diags) = model::build(loaded, opts.drafts);
        lap("model built");
        diags.extend(validate::site(&site));
        let versions: Vec<model::Site> = others
            .into_iter()
            .map(|l| {
                let (other, ds) = model::build_in(l, opts.drafts, &site);
                diags.extend(ds);
                diags.extend(validate::translations(&other));
                other
            })
            .collect();
        lap("validated");
        let versions: Vec<model::Site> =
            versions.into_iter().map(model::without_outlines).collect();
        (model::without_outlines(site), versions, diags)
    });
    let (theme, language) = checked
        .as_ref()
        .map(|(s, _, _)| (s.config.theme.clone(), s.config.language.clone()))
        .unwrap_or_else(|_| ("default".into(), "fi".into()));
    let templates = render::templates(&opts.root, &theme, &language);
    let (site, versions, mut diags) = match checked {
        Ok(c) => c,
        Err(Error::Content(mut a)) => {
            if let Err(Error::Content(b)) = templates {
                a.extend(b);
            }
            return Err(Error::Content(a));
        }
        Err(e) => return Err(e),
    };
    let mut translations = Vec::new();
    for other in versions {
        match render::templates(&opts.root, &theme, &other.config.language) {
            Ok(templates) => translations.push(LanguageSite {
                site: other,
                templates,
            }),
            Err(Error::Content(b)) => diags.extend(b),
            Err(e) => return Err(e),
        }
    }
    match templates {
        Ok(templates) => {
            let warnings = fail_or_keep(diags.sorted(), opts.strict)?;
            Ok(Prepared {
                site,
                templates,
                translations,
                warnings,
            })
        }
        Err(Error::Content(b)) => {
            diags.extend(b);
            Err(Error::Content(diags.sorted()))
        }
        Err(e) => Err(e),
    }
}

/// The preview server's fast path: the site with one page's body replaced
/// by that of `source` (its file read again after an edit), if only the
/// body changed and the validate step finds no error in it; else None, and
/// the server rebuilds everything to report the problem.
pub fn update_page(
    site: &model::Site,
    source: &load::Source,
) -> Option<(model::Site, model::PageId)> {
    let (next, id) = model::update_body(site, source)?;
    let clean = validate::page(&next, id).iter().all(|d| !d.is_error());
    clean.then_some((next, id))
}

/// The problems back if none of them fails the run, else an error with
/// all of them.
pub fn fail_or_keep(ds: Vec<Diagnostic>, strict: bool) -> Result<Vec<Diagnostic>, Error> {
    if ds.iter().any(|d| d.fails(strict)) {
        Err(Error::Content(ds))
    } else {
        Ok(ds)
    }
}

/// With `HYTE_TIMINGS` set, prints how long the process has run when a
/// phase ends (on stderr), for profiling builds.
pub fn lap(what: &str) {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = START.get_or_init(std::time::Instant::now);
    if std::env::var_os("HYTE_TIMINGS").is_some() {
        // Resident memory now and at its peak, where the system says.
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let kib = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .map_or(String::new(), |k| format!(" {key} {} MiB", k / 1024))
        };
        eprintln!(
            "{what}: {} ms{}{}",
            start.elapsed().as_millis(),
            kib("VmRSS:"),
            kib("VmHWM:")
        );
    }
}

/// One file of the built site, as handed to a command's sink.
pub enum OutFile<'a> {
    /// Rendered or built-in bytes.
    Bytes(&'a [u8]),
    /// A file to copy as is (an image beside a page, a site's static file).
    Copy(&'a Path),
    /// A large generated file (the open data: a hundred megabytes at
    /// 10,000 pages), made piece by piece into the writer the sink gives,
    /// so that it is never held whole. Called at most once; a sink that
    /// does not keep the file need not call it. Never a page: the links
    /// of a stream are not read.
    Stream(&'a mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>),
}

impl OutFile<'_> {
    /// The whole file in memory (a copy read, a stream collected), for the
    /// sinks that keep files in memory; `rel` names a stream that failed.
    pub fn into_bytes(self, rel: &str) -> Result<Vec<u8>, Error> {
        match self {
            OutFile::Bytes(bytes) => Ok(bytes.to_vec()),
            OutFile::Copy(path) => std::fs::read(path).map_err(|e| Error::io(path, e)),
            OutFile::Stream(write) => {
                let mut bytes = Vec::new();
                write(&mut bytes).map_err(|e| Error::io(Path::new(rel), e))?;
                Ok(bytes)
            }
        }
    }
}

/// What [`produce`] made.
pub struct Produced {
    /// Pages rendered.
    pub pages: usize,
    /// Links to other sites, each with the pages it is on.
    pub external: std::collections::BTreeMap<String, Vec<String>>,
}

/// Where [`produce`] hands each file: (path relative to the output, file).
pub type FileSink<'a> = dyn Fn(&str, OutFile<'_>) -> Result<(), Error> + Sync + 'a;

/// Steps 3–4: renders every page of the site and of its `translations`,
/// adds the static files and the content's assets, and checks every
/// internal link and anchor. Each file goes to `sink` (path relative to the
/// output folder) as soon as it is made. Returns what was made.
pub fn produce(
    opts: &SiteOptions,
    site: &model::Site,
    templates: &render::Templates,
    translations: &[LanguageSite],
    sink: &FileSink<'_>,
) -> Result<Produced, Error> {
    let pages = std::sync::atomic::AtomicUsize::new(0);
    let links = links::LinkIndex::default();
    let all: Vec<(&model::Site, &render::Templates)> = std::iter::once((site, templates))
        .chain(translations.iter().map(|t| (&t.site, &t.templates)))
        .collect();
    let languages = routes::Languages {
        sites: all
            .iter()
            .map(|(s, t)| (*s, t.words().text("language.in_language").to_string()))
            .collect(),
    };
    let emit = |rel: &str, file: OutFile<'_>| {
        match &file {
            OutFile::Bytes(bytes) => links.add(rel, bytes),
            _ => {
                debug_assert!(!rel.ends_with(".html"), "a page is bytes: {rel}");
                links.add(rel, &[]);
            }
        }
        sink(rel, file)
    };
    for (i, (site, templates)) in all.iter().enumerate() {
        let texts = search::Collector::default();
        render::render_site(site, templates, &languages, &|rel, bytes| {
            pages.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            links.add(rel, bytes);
            texts.add(site, rel, bytes);
            sink(rel, OutFile::Bytes(bytes))
        })?;
        lap("render");
        if i == 0 {
            publish::files(site, &languages, &emit)?;
        } else {
            publish::language_files(site, &emit)?;
        }
        lap("feeds, calendars, data");
        // Each language's index, in the words of that language.
        let dir = site.routes.search_dir();
        let lang = search::SearchLang {
            code: &site.config.language,
            dir: &dir,
        };
        search::write(texts.into_pages(), &lang, &mut |rel, bytes| {
            emit(rel, OutFile::Bytes(bytes))
        })?;
        lap("search index");
    }
    for file in theme::files(&opts.root, &site.config.theme, "static")? {
        links.add(&file.rel, &[]);
        match &file.origin {
            theme::Origin::Disk(path) => sink(&file.rel, OutFile::Copy(path))?,
            theme::Origin::Builtin(bytes) => sink(&file.rel, OutFile::Bytes(bytes))?,
        }
    }
    for asset in &site.assets {
        let rel = asset.target.to_string_lossy();
        links.add(&rel, &[]);
        sink(&rel, OutFile::Copy(&asset.source))?;
    }
    lap("files written");
    let sites: Vec<&model::Site> = all.iter().map(|(s, _)| *s).collect();
    let external = links.external(site);
    // A site with a broken internal link is not published.
    let broken = links.check(&sites);
    if !broken.is_empty() {
        return Err(Error::Content(broken));
    }
    lap("links checked");
    Ok(Produced {
        pages: pages.into_inner(),
        external,
    })
}
