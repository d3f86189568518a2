//! Step 4b: the files machines read, made from the model: the sitemap and
//! robots.txt, the Atom feed, the iCalendar files of the sessions, and the
//! open data under `/data/`.

mod data;
pub mod feeds;
pub mod ics;

use rayon::prelude::*;

use crate::diagnostic::Error;
use crate::model::Site;

/// Where [`files`] hands each file: (path relative to the output, bytes).
pub type Emit<'a> = dyn Fn(&str, &[u8]) -> Result<(), Error> + Sync + 'a;

/// Makes every machine-readable file and hands each to `emit` (path
/// relative to the output, bytes) as soon as it is made, in parallel, so
/// that the large ones (the open data of a big site is hundreds of
/// megabytes) are not all held at once. `generated` are the URLs of the
/// views rendered from the model, for the sitemap.
pub fn files(site: &Site, generated: &[String], emit: &Emit<'_>) -> Result<(), Error> {
    type Make<'a> = Box<dyn Fn() -> Vec<u8> + Sync + Send + 'a>;
    let mut jobs: Vec<(String, Make<'_>)> = vec![
        (
            "data/hyte.json".into(),
            Box::new(|| data::json(site).into_bytes()),
        ),
        ("data/havainnot.csv".into(), Box::new(|| data::csv(site))),
        (
            "atom.xml".into(),
            Box::new(|| feeds::atom(site).into_bytes()),
        ),
        (
            "sitemap.xml".into(),
            Box::new(|| feeds::sitemap(site, generated).into_bytes()),
        ),
        (
            "robots.txt".into(),
            Box::new(|| feeds::robots(site).into_bytes()),
        ),
        (
            "aikataulu.ics".into(),
            Box::new(|| ics::calendar(site, None).into_bytes()),
        ),
        (
            "data/hyte.schema.json".into(),
            Box::new(|| data::SCHEMA.as_bytes().to_vec()),
        ),
    ];
    for y in &site.years {
        let n = y.number;
        jobs.push((
            format!("{n}/aikataulu.ics"),
            Box::new(move || ics::calendar(site, Some(n)).into_bytes()),
        ));
    }
    jobs.par_iter()
        .with_max_len(1)
        .try_for_each(|(rel, make)| emit(rel, &make()))
}
