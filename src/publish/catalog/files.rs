//! The files the catalogue describes: each published data file with its
//! format and the language-file key of its title and description. A new
//! data file is one entry of [`data_files`].

use crate::model::Site;

/// A file format: its IANA media type and its code in the EU file type
/// authority table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub media_type: &'static str,
    pub file_type: &'static str,
}

impl Format {
    const fn new(media_type: &'static str, file_type: &'static str) -> Format {
        Format {
            media_type,
            file_type,
        }
    }
}

pub const JSON: Format = Format::new("application/json", "JSON");
pub const CSV: Format = Format::new("text/csv", "CSV");
pub const ATOM: Format = Format::new("application/atom+xml", "ATOM");
pub const ICALENDAR: Format = Format::new("text/calendar", "ICS");

/// One open-data file the catalogue describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    /// Its path relative to the output, e.g. `data/hyte.json`.
    pub path: String,
    /// The table of its texts in the language files: `[catalog.<key>]`,
    /// with `title` and `description` (placeholders `{site}`, the site's
    /// title, and `{year}`).
    pub key: &'static str,
    pub format: Format,
    /// The year a year's file is of, for `{year}`.
    pub year: Option<i32>,
    /// The path of the JSON Schema it follows (`dct:conformsTo`).
    pub schema: Option<&'static str>,
}

impl DataFile {
    pub fn new(path: impl Into<String>, key: &'static str, format: Format) -> DataFile {
        DataFile {
            path: path.into(),
            key,
            format,
            year: None,
            schema: None,
        }
    }
}

/// The files of `site` the catalogue lists, in order; a new open-data file
/// is one entry here (and its `[catalog.<key>]` texts). `measures`: the
/// build publishes `data/toimenpiteet.csv` (issue 18).
pub fn data_files(site: &Site, measures: bool) -> Vec<DataFile> {
    let rel = |url: String| url.trim_start_matches('/').to_string();
    let mut files = vec![
        DataFile {
            schema: Some("data/hyte.schema.json"),
            ..DataFile::new("data/hyte.json", "json", JSON)
        },
        DataFile::new("data/hyte.schema.json", "schema", JSON),
        DataFile::new("data/havainnot.csv", "csv", CSV),
    ];
    if measures {
        files.push(DataFile::new("data/toimenpiteet.csv", "measures", CSV));
    }
    files.push(DataFile::new(rel(site.routes.feed()), "atom", ATOM));
    files.push(DataFile::new(
        rel(site.routes.calendar(None)),
        "calendar",
        ICALENDAR,
    ));
    for y in &site.years {
        files.push(DataFile {
            year: Some(y.number),
            ..DataFile::new(
                rel(site.routes.calendar(Some(y.number))),
                "year_calendar",
                ICALENDAR,
            )
        });
    }
    files
}
