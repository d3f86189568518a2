//! Step 4b: the files machines read, made from the model: the sitemap and
//! robots.txt, the Atom feed, the iCalendar files of the sessions, and the
//! open data under `/data/` with its DCAT-AP catalogue.

pub mod catalog;
mod data;
pub mod feeds;
pub mod ics;
mod measures;

use rayon::prelude::*;

use crate::OutFile::{self, Bytes};
use crate::diagnostic::Error;
use crate::model::Site;
use crate::routes::Languages;

/// Where [`files`] hands each file: (path relative to the output, file).
pub type Emit<'a> = crate::FileSink<'a>;

/// Makes every machine-readable file and hands each to `emit` (path
/// relative to the output, file) as soon as it is made, in parallel. The
/// two large ones (the open data of a big site is hundreds of megabytes)
/// are streams, written as they are made and never held whole.
pub fn files(site: &Site, languages: &Languages<'_>, emit: &Emit<'_>) -> Result<(), Error> {
    type Make<'a> = Box<dyn Fn() -> Result<(), Error> + Sync + Send + 'a>;
    let mut jobs: Vec<Make<'_>> = vec![
        Box::new(|| {
            let mut write = |w: &mut dyn std::io::Write| data::write_json(site, w);
            emit("data/hyte.json", OutFile::Stream(&mut write))
        }),
        Box::new(|| {
            let mut write = |w: &mut dyn std::io::Write| data::write_csv(site, w);
            emit("data/havainnot.csv", OutFile::Stream(&mut write))
        }),
        Box::new(|| emit("data/toimenpiteet.csv", Bytes(&measures::csv(site)))),
        Box::new(|| emit("atom.xml", Bytes(feeds::atom(site).as_bytes()))),
        Box::new(|| emit("sitemap.xml", Bytes(feeds::sitemap(languages).as_bytes()))),
        Box::new(|| emit("robots.txt", Bytes(feeds::robots(site).as_bytes()))),
        Box::new(|| {
            emit(
                &file(&site.routes.calendar(None)),
                Bytes(ics::calendar(site, None).as_bytes()),
            )
        }),
        Box::new(|| emit("data/hyte.schema.json", Bytes(data::SCHEMA.as_bytes()))),
        Box::new(|| {
            // The catalogue names the files only: neither their sizes nor
            // their contents.
            let files = catalog::data_files(site, true);
            emit(
                catalog::PATH,
                Bytes(catalog::jsonld(site, languages, &files).as_bytes()),
            )
        }),
    ];
    for y in &site.years {
        let n = y.number;
        jobs.push(Box::new(move || {
            emit(
                &file(&site.routes.calendar(Some(n))),
                Bytes(ics::calendar(site, Some(n)).as_bytes()),
            )
        }));
    }
    jobs.par_iter().with_max_len(1).try_for_each(|make| make())
}

/// The files of a site in another language than the main one: its Atom
/// feed and calendars. The sitemap, robots.txt and the open data are the
/// main language's, for every language.
pub fn language_files(site: &Site, emit: &Emit<'_>) -> Result<(), Error> {
    emit(
        &file(&site.routes.feed()),
        Bytes(feeds::atom(site).as_bytes()),
    )?;
    emit(
        &file(&site.routes.calendar(None)),
        Bytes(ics::calendar(site, None).as_bytes()),
    )?;
    for y in &site.years {
        let n = y.number;
        emit(
            &file(&site.routes.calendar(Some(n))),
            Bytes(ics::calendar(site, Some(n)).as_bytes()),
        )?;
    }
    Ok(())
}

/// A site-relative URL as a path relative to the output folder.
fn file(url: &str) -> String {
    url.trim_start_matches('/').to_string()
}
