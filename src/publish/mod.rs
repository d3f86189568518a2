//! Step 4b: the files machines read, made from the model: the sitemap and
//! robots.txt, the Atom feed, the iCalendar files of the sessions, and the
//! open data under `/data/` with its DCAT-AP catalogue.

pub mod catalog;
mod data;
pub mod feeds;
pub mod ics;
mod measures;

use rayon::prelude::*;

use crate::diagnostic::Error;
use crate::model::Site;
use crate::routes::Languages;

/// Where [`files`] hands each file: (path relative to the output, bytes).
pub type Emit<'a> = dyn Fn(&str, &[u8]) -> Result<(), Error> + Sync + 'a;

/// Makes every machine-readable file and hands each to `emit` (path
/// relative to the output, bytes) as soon as it is made, in parallel, so
/// that the large ones (the open data of a big site is hundreds of
/// megabytes) are not all held at once. `generated` are the URLs of the
/// views rendered from the model, for the sitemap.
pub fn files(site: &Site, languages: &Languages<'_>, emit: &Emit<'_>) -> Result<(), Error> {
    type Make<'a> = Box<dyn Fn() -> Result<(), Error> + Sync + Send + 'a>;
    let mut jobs: Vec<Make<'_>> = vec![
        // The two largest, one after the other: each is dropped once
        // written.
        Box::new(|| {
            emit("data/hyte.json", data::json(site).as_bytes())?;
            emit("data/havainnot.csv", &data::csv(site))
        }),
        Box::new(|| emit("data/toimenpiteet.csv", &measures::csv(site))),
        Box::new(|| emit("atom.xml", feeds::atom(site).as_bytes())),
        Box::new(|| emit("sitemap.xml", feeds::sitemap(languages).as_bytes())),
        Box::new(|| emit("robots.txt", feeds::robots(site).as_bytes())),
        Box::new(|| {
            emit(
                &file(&site.routes.calendar(None)),
                ics::calendar(site, None).as_bytes(),
            )
        }),
        Box::new(|| emit("data/hyte.schema.json", data::SCHEMA.as_bytes())),
        Box::new(|| {
            let files = catalog::data_files(site, true);
            emit(
                catalog::PATH,
                catalog::jsonld(site, languages, &files).as_bytes(),
            )
        }),
    ];
    for y in &site.years {
        let n = y.number;
        jobs.push(Box::new(move || {
            emit(
                &file(&site.routes.calendar(Some(n))),
                ics::calendar(site, Some(n)).as_bytes(),
            )
        }));
    }
    jobs.par_iter().with_max_len(1).try_for_each(|make| make())
}

/// The files of a site in another language than the main one: its Atom
/// feed and calendars. The sitemap, robots.txt and the open data are the
/// main language's, for every language.
pub fn language_files(site: &Site, emit: &Emit<'_>) -> Result<(), Error> {
    emit(&file(&site.routes.feed()), feeds::atom(site).as_bytes())?;
    emit(
        &file(&site.routes.calendar(None)),
        ics::calendar(site, None).as_bytes(),
    )?;
    for y in &site.years {
        let n = y.number;
        emit(
            &file(&site.routes.calendar(Some(n))),
            ics::calendar(site, Some(n)).as_bytes(),
        )?;
    }
    Ok(())
}

/// A site-relative URL as a path relative to the output folder.
fn file(url: &str) -> String {
    url.trim_start_matches('/').to_string()
}
