//! The values of the site's indicators: `data/<id>.csv` for each
//! `[[indicators]]` entry, with the header `year,municipality,value`
//! (municipality empty for the whole region). A row that does not parse is
//! reported at its line; names are resolved by the model.

use std::path::{Path, PathBuf};

use crate::config::Indicator;
use crate::diagnostic::Diagnostic;

/// One row of an indicator's values, as written.
#[derive(Debug, Clone)]
pub struct ValueRow {
    pub year: i32,
    /// Empty for the whole region.
    pub municipality: String,
    pub value: f64,
    /// The file line of the row.
    pub line: usize,
}

/// One indicator's values file, read.
#[derive(Debug, Clone)]
pub struct ValuesFile {
    /// Index into `config.indicators`.
    pub indicator: usize,
    /// As shown in messages.
    pub path: PathBuf,
    pub rows: Vec<ValueRow>,
}

const HEADER: [&str; 3] = ["year", "municipality", "value"];

/// Reads the values of every indicator that has a file; problems of rows
/// go to `problems` (the rest of the file is kept).
pub fn read(
    root: &Path,
    indicators: &[Indicator],
    problems: &mut Vec<Diagnostic>,
) -> Vec<ValuesFile> {
    let mut out = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        let path = root.join("data").join(format!("{}.csv", ind.id));
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    problems.push(Diagnostic::new(&path, "indikaattorin arvotiedosto ei ole UTF-8-merkistöllä tallennettua tekstiä").help("tallenna CSV-tiedosto UTF-8-merkistöllä (taulukko-ohjelman \"CSV UTF-8\")"));
                    continue;
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                problems.push(Diagnostic::new(
                    &path,
                    format!(
                        "tiedostoa ei voi lukea: {}",
                        crate::diagnostic::io_problem(&e)
                    ),
                ));
                continue;
            }
        };
        out.push(ValuesFile {
            indicator: i,
            rows: parse(text.trim_start_matches('\u{feff}'), &path, problems),
            path,
        });
    }
    out
}

/// The rows of one file's text.
pub fn parse(text: &str, path: &Path, problems: &mut Vec<Diagnostic>) -> Vec<ValueRow> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header_ok = reader
        .headers()
        .map(|h| {
            h.iter()
                .map(str::to_lowercase)
                .eq(HEADER.iter().map(|s| s.to_string()))
        })
        .unwrap_or(false);
    if !header_ok {
        problems.push(
            Diagnostic::new(path, "indikaattorin arvotiedoston ensimmäinen rivi ei ole year,municipality,value")
                .at_line(1)
                .help("kirjoita ensimmäiselle riville sarakkeiden nimet year,municipality,value ja sen alle rivi kutakin arvoa kohden, esim. 2030,Kallioniemi,42,5 lainausmerkeissä tai 2030,Kallioniemi,42.5"),
        );
        return Vec::new();
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Diagnostic::new(path, format!("indikaattorin arvorivi ei ole luettavaa CSV:tä ({e})")).with_line((line > 0).then_some(line)).help("rivillä on kolme pilkuin erotettua kenttää: vuosi, kunta (tyhjä koko alueelle) ja arvo; desimaalipilkullinen arvo lainausmerkkeihin, esim. 2030,,\"12,5\""));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        match row(&record) {
            Ok((year, municipality, value)) => rows.push(ValueRow { year, municipality, value, line }),
            Err(what) => problems.push(
                Diagnostic::new(path, format!("indikaattorin arvorivi ei kelpaa: {what}"))
                    .at_line(line)
                    .help("rivillä on vuosi neljällä numerolla, kunnan nimi (tyhjä koko alueelle) ja arvo numerona, esim. 2030,Kallioniemi,42.5 tai 2030,,\"42,5\""),
            ),
        }
    }
    rows
}

fn row(record: &csv::StringRecord) -> Result<(i32, String, f64), String> {
    if record.len() != 3 {
        return Err(format!("kenttiä on {}, pitää olla 3", record.len()));
    }
    let year = record[0]
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| format!("vuosi \"{}\" ei ole vuosiluku", &record[0]))?;
    let value = record[2]
        .replace([' ', '\u{a0}', '\u{202f}'], "")
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("arvo \"{}\" ei ole luku", &record[2]))?;
    Ok((year, record[1].to_string(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_and_bad_ones_reported_at_their_lines() {
        let text = "year,municipality,value\n2030,A,1.5\n2031,,\"2,5\"\n20x1,A,3\n2031,A,kolme\n";
        let mut problems = Vec::new();
        let rows = parse(text, Path::new("data/x.csv"), &mut problems);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (
                rows[1].year,
                rows[1].municipality.as_str(),
                rows[1].value,
                rows[1].line
            ),
            (2031, "", 2.5, 3)
        );
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(4), Some(5)], "{problems:?}");
    }

    #[test]
    fn a_wrong_header_is_reported_at_line_1() {
        let mut problems = Vec::new();
        assert!(
            parse(
                "vuosi,kunta,arvo\n2030,A,1\n",
                Path::new("x.csv"),
                &mut problems
            )
            .is_empty()
        );
        assert_eq!(problems[0].line, Some(1));
    }
}
