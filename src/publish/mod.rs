//! Step 4b: the files machines read, made from the model: the sitemap and
//! robots.txt, the Atom feed, the iCalendar files of the sessions, and the
//! open data under `/data/`.

mod data;
pub mod feeds;
pub mod ics;

use crate::model::Site;

/// Every machine-readable file: (path relative to the output, bytes).
/// `generated` are the URLs of the views rendered from the model, for the
/// sitemap.
pub fn files(site: &Site, generated: &[String]) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![
        (
            "sitemap.xml".to_string(),
            feeds::sitemap(site, generated).into_bytes(),
        ),
        ("robots.txt".to_string(), feeds::robots(site).into_bytes()),
        ("atom.xml".to_string(), feeds::atom(site).into_bytes()),
        (
            "aikataulu.ics".to_string(),
            ics::calendar(site, None).into_bytes(),
        ),
        ("data/hyte.json".to_string(), data::json(site).into_bytes()),
        (
            "data/hyte.schema.json".to_string(),
            data::SCHEMA.as_bytes().to_vec(),
        ),
        ("data/havainnot.csv".to_string(), data::csv(site)),
    ];
    for y in &site.years {
        out.push((
            format!("{}/aikataulu.ics", y.number),
            ics::calendar(site, Some(y.number)).into_bytes(),
        ));
    }
    out
}
