//! The collector of the rendered pages: every rendering thread hands it
//! its pages ([`Collector::add`]), it keeps what the index needs of each
//! ([`PageText`]) and gives every word of the site one id, and at the end
//! it hands them all over as [`Pages`].

use std::borrow::Cow;
use std::sync::Mutex;

use memchr::memmem;
use rustc_hash::FxHashMap;

use super::page::{PageText, occurrence};
use crate::model::Site;

/// The rendered pages, as the index reads them, and the words they use.
#[derive(Debug, Default)]
pub struct Pages {
    /// Sorted by URL.
    pub(super) pages: Vec<PageText>,
    /// Every distinct word, by id.
    pub(super) words: Vec<Box<str>>,
    /// The file the pages' documents were moved to (see [`Spill`]).
    pub(super) spill: Option<std::fs::File>,
}

/// The documents' JSON of the pages collected, in a temporary file
/// (deleted when closed) instead of memory: on a big site they are the
/// index's largest part (90 MB at 10,000 pages) and are only read again
/// to be written out. If the file cannot be made or written, the
/// documents stay in memory.
#[derive(Debug, Default)]
struct Spill {
    file: Option<std::fs::File>,
    len: u64,
    /// No file could be made: not tried again.
    failed: bool,
}

impl Spill {
    /// Moves `page`'s documents into the file, if it can.
    fn take(&mut self, page: &mut PageText) {
        use std::io::Write as _;
        if self.failed || page.docs.is_empty() {
            return;
        }
        if self.file.is_none() {
            self.file = tempfile::tempfile().ok();
        }
        let Some(file) = &mut self.file else {
            self.failed = true;
            return;
        };
        if file.write_all(&page.docs).is_ok() {
            page.spilled_at = Some(self.len);
            self.len += page.docs.len() as u64;
            page.docs = Vec::new();
        } else {
            // What is in the file stays readable; nothing more goes there.
            self.failed = true;
        }
    }
}

/// Collects the main content of every rendered page (navigation, header
/// and footer are outside `<main>` and never indexed). Each page is read
/// where it is rendered, on the rendering threads; what is kept is its
/// documents and, per document, its word ids. One collector makes one
/// language's index: it is handed that language's pages only.
#[derive(Debug)]
pub struct Collector {
    pages: Mutex<Vec<PageText>>,
    /// Word → id, shared by all pages. Ids depend on the order pages come
    /// in; nothing written depends on them.
    words: Mutex<FxHashMap<Box<str>, u32>>,
    /// Output paths never read, by their start (see [`Collector::skipping`]).
    skip: Vec<String>,
    spill: Mutex<Spill>,
}

/// A collector that skips what the site's routes say are no results (its
/// search page, glossary and 404 page, in the site's language).
impl Default for Collector {
    fn default() -> Self {
        Collector::skipping(Vec::<String>::new())
    }
}

impl Collector {
    /// A collector that reads no file whose output path starts with one of
    /// `skip`: the search page and the glossary of its language, e.g.
    /// `["sv/sok/", "sv/ordlista/"]`, and its 404 page if it has one of its
    /// own (`404.html` is never read). They are not results: the glossary
    /// names every term and would come first for each.
    pub fn skipping<S: Into<String>>(skip: impl IntoIterator<Item = S>) -> Self {
        Collector {
            pages: Mutex::default(),
            words: Mutex::default(),
            skip: skip.into_iter().map(Into::into).collect(),
            spill: Mutex::default(),
        }
    }

    /// Takes a rendered file; reads it if it is a page worth finding.
    pub fn add(&self, site: &Site, rel: &str, bytes: &[u8]) {
        // The search page, the 404 page and the glossary are not results:
        // the glossary names every term and would come first for each.
        let r = &site.routes;
        let glossary = r.view(crate::routes::View::Glossary);
        if !rel.ends_with(".html")
            || crate::routes::output_file(&r.not_found()) == rel
            || rel.starts_with(&r.search_dir())
            || rel.starts_with(glossary.trim_start_matches('/'))
            || self.skip.iter().any(|s| rel.starts_with(s.as_str()))
        {
            return;
        }
        let Some(main) = main_content(bytes) else {
            return;
        };
        let trimmed = rel.trim_end_matches("index.html");
        let (page, local) = PageText::read(site, trimmed, &main);
        self.share(page, local);
    }

    /// Keeps a page, its words given the shared ids: the page's words got
    /// ids of their own first, and one lock maps them to the shared ids.
    fn share(&self, mut page: PageText, local: FxHashMap<Box<str>, u32>) {
        let mut ids = vec![0; local.len()];
        {
            let mut shared = self.words.lock().expect("no panics while held");
            for (w, id) in local {
                let n = shared.len() as u32;
                ids[id as usize] = *shared.entry(w).or_insert(n);
            }
        }
        for o in &mut page.words {
            *o = occurrence(ids[(*o >> 3) as usize], *o >> 1 & 3, *o & 1 != 0);
        }
        self.spill
            .lock()
            .expect("no panics while held")
            .take(&mut page);
        self.pages.lock().expect("no panics while held").push(page);
    }

    pub fn into_pages(self) -> Pages {
        let mut pages = self.pages.into_inner().expect("no panics while held");
        pages.sort_by(|a, b| a.url.cmp(&b.url));
        let shared = self.words.into_inner().expect("no panics while held");
        let mut words = vec![Box::<str>::default(); shared.len()];
        for (w, id) in shared {
            words[id as usize] = w;
        }
        let spill = self.spill.into_inner().expect("no panics while held").file;
        Pages {
            pages,
            words,
            spill,
        }
    }
}

/// The inside of a page's `<main>`, without its provenance note; nothing
/// for a redirect or a page without one.
fn main_content(bytes: &[u8]) -> Option<Cow<'_, str>> {
    // Every mark looked for is ASCII, so the bytes are searched as they
    // are and only `<main>` is read as text (with any invalid UTF-8
    // replaced, as for the whole page).
    if memmem::find(bytes, b"http-equiv=\"refresh\"").is_some() {
        return None;
    }
    let start = memmem::find(bytes, b"<main")?;
    let open = memchr::memchr(b'>', &bytes[start..])?;
    let inner = &bytes[start + open + 1..];
    let end = memmem::rfind(inner, b"</main>").unwrap_or(inner.len());
    let mut main = String::from_utf8_lossy(&inner[..end]);
    if let Some(a) = memmem::find(main.as_bytes(), b"<aside class=\"provenance\"")
        && let Some(b) = memmem::find(&main.as_bytes()[a..], b"</aside>")
    {
        main.to_mut().replace_range(a..a + b + 8, "");
    }
    Some(main)
}
