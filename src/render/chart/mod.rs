//! An indicator's values as a chart drawn at build time: inline SVG that
//! needs no script, library or font at run time, a data table of the same
//! values, and a sentence or two that say what the chart shows.
//!
//! - Two years or more make a line chart (one line per series, years on a
//!   linear axis); values of a single year make horizontal bars, one per
//!   series, each labelled with its name.
//! - Series are told apart without colour: each line has its own dash
//!   pattern and point marker, and a text legend names them. Colours come
//!   from the page: everything is drawn in `currentColor` and each series
//!   has the class `chart-series-N` (N = 0…7, repeating after eight), which
//!   the theme's style sheet colours; forced-colors mode draws them all in
//!   the system's text colour, still told apart by dashes and markers.
//! - The SVG is 560 units wide with 24-unit text: at 288 px (a 320 px
//!   screen less the page's margins) its text is 12 px.
//! - Every text is escaped; non-finite values are left out; a series
//!   given twice for a year keeps the last value.
//! - A chart with no finite value at all gives empty strings from
//!   [`svg`], [`table`] and [`text_alternative`]: the caller, who knows
//!   the page's words, says that there are no values.
//!
//! To look at examples in the theme's style: `HYTE_CHART_PREVIEW=/tmp/c.html
//! cargo test --lib chart::tests::preview_page` writes a page of them.

mod draw;
mod number;
#[cfg(test)]
mod tests;

pub use number::format as format_number;

/// One line of a chart: a municipality or the whole region.
pub struct Series<'a> {
    pub label: &'a str,
    /// (year, value); any order, non-finite values are skipped.
    pub points: Vec<(i32, f64)>,
}

/// An indicator's values to draw.
pub struct Chart<'a> {
    /// Makes the ids of the SVG's `<title>` and `<desc>` (`{id}-title`,
    /// `{id}-desc`); unique on the page. Characters other than ASCII
    /// letters, digits, `-` and `_` become `-`.
    pub id: &'a str,
    pub title: &'a str,
    /// Written above the value axis and in the table's caption; may be
    /// empty.
    pub unit: &'a str,
    pub series: Vec<Series<'a>>,
    pub lang: ChartWords<'a>,
}

/// The words of a chart in the page's language.
pub struct ChartWords<'a> {
    /// Header of the table's year column ("Vuosi"); also names the year of
    /// a bar chart.
    pub year: &'a str,
    /// Header of a series without a label ("Arvo"); written above the
    /// value axis when the unit is empty.
    pub value: &'a str,
    /// One series in [`text_alternative`], with the placeholders `{name}`,
    /// `{first}`, `{first_year}`, `{last}`, `{last_year}` and `{unit}`,
    /// e.g. `"{name}: {first} ({first_year}) → {last} ({last_year})"`.
    /// Without `{unit}`, the unit follows each value. A series of a single
    /// year uses the template up to its first `{last…}` placeholder, less
    /// the separator before it (the example gives "{name}: {first}
    /// ({first_year})").
    pub summary: &'a str,
    /// Decimal comma and narrow no-break spaces between thousands (fi,
    /// sv) rather than decimal point and commas (en).
    pub decimal_comma: bool,
}

/// A series ready to draw: finite points in year order, one per year.
struct Line<'a> {
    label: &'a str,
    points: Vec<(i32, f64)>,
}

/// The series that have values, each cleaned.
fn lines<'a>(chart: &Chart<'a>) -> Vec<Line<'a>> {
    chart
        .series
        .iter()
        .filter_map(|s| {
            let mut points: Vec<(i32, f64)> = Vec::new();
            for &(year, value) in s.points.iter().filter(|p| p.1.is_finite()) {
                match points.iter_mut().find(|p| p.0 == year) {
                    Some(p) => p.1 = value,
                    None => points.push((year, value)),
                }
            }
            points.sort_by_key(|p| p.0);
            (!points.is_empty()).then_some(Line {
                label: s.label,
                points,
            })
        })
        .collect()
}

/// Every year that has a value, in order.
fn years(lines: &[Line]) -> Vec<i32> {
    let mut years: Vec<i32> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.0))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The decimals every value of the chart is written with.
fn decimals(lines: &[Line]) -> usize {
    number::decimals(lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)))
}

/// The chart as inline `<svg>` markup, or nothing when it has no values.
pub fn svg(chart: &Chart) -> String {
    let lines = lines(chart);
    let years = years(&lines);
    if years.is_empty() {
        return String::new();
    }
    let id = safe_id(chart.id);
    let (body, height) = if years.len() == 1 {
        draw::bars(chart, &lines, years[0])
    } else {
        draw::lines(chart, &lines, &years)
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
         preserveAspectRatio=\"xMinYMin meet\" font-size=\"{f}\">\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>{body}</svg>",
        w = num(draw::WIDTH),
        h = num(height),
        f = num(draw::FONT),
        title = text(chart.title),
        desc = text(&text_alternative(chart)),
    )
}

/// The values as a `<table>`: a row per year, a column per series, empty
/// cells where a series has no value. With more than two series it has
/// the theme's class `stack` (a list of cards on narrow screens).
pub fn table(chart: &Chart) -> String {
    let lines = lines(chart);
    let years = years(&lines);
    if years.is_empty() {
        return String::new();
    }
    let decimals = decimals(&lines);
    let stack = if lines.len() > 2 { " stack" } else { "" };
    let caption = match chart.unit.trim() {
        "" => text(chart.title),
        unit => format!("{} ({})", text(chart.title), text(unit)),
    };
    let mut out = format!(
        "<table class=\"chart-table{stack}\"><caption>{caption}</caption>\
         <thead><tr><th scope=\"col\">{}</th>",
        text(chart.lang.year)
    );
    let labels: Vec<String> = lines.iter().map(|l| text(label(chart, l))).collect();
    for label in &labels {
        out.push_str(&format!("<th scope=\"col\" class=\"num\">{label}</th>"));
    }
    out.push_str("</tr></thead><tbody>");
    for year in years {
        out.push_str(&format!("<tr><th scope=\"row\">{year}</th>"));
        for (line, label) in lines.iter().zip(&labels) {
            let value = line.points.iter().find(|p| p.0 == year).map(|p| p.1);
            let value = value
                .map(|v| number::format(v, decimals, chart.lang.decimal_comma))
                .unwrap_or_default();
            out.push_str(&format!(
                "<td class=\"num\" data-label=\"{label}\">{value}</td>"
            ));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// What the chart shows in plain text (not escaped): a sentence per
/// series from [`ChartWords::summary`], or nothing when it has no values.
pub fn text_alternative(chart: &Chart) -> String {
    let lines = lines(chart);
    let decimals = decimals(&lines);
    let template = chart.lang.summary;
    let with_unit = !template.contains("{unit}") && !chart.unit.trim().is_empty();
    let value = |v: f64| {
        let n = number::format(v, decimals, chart.lang.decimal_comma);
        if with_unit {
            format!("{n}\u{A0}{}", chart.unit.trim())
        } else {
            n
        }
    };
    let sentences: Vec<String> = lines
        .iter()
        .map(|line| {
            let (first_year, first) = line.points[0];
            let (last_year, last) = line.points[line.points.len() - 1];
            let template = if line.points.len() == 1 {
                single(template)
            } else {
                template
            };
            let s = template
                .replace("{name}", label(chart, line))
                .replace("{first_year}", &first_year.to_string())
                .replace("{last_year}", &last_year.to_string())
                .replace("{first}", &value(first))
                .replace("{last}", &value(last))
                .replace("{unit}", chart.unit.trim());
            let s = s.trim().trim_end_matches('.').to_string();
            format!("{s}.")
        })
        .collect();
    sentences.join(" ")
}

/// The part of a summary template for a series of a single year: up to
/// the first `{last…}` placeholder, less the separator before it.
fn single(template: &str) -> &str {
    match template.find("{last") {
        Some(at) => template[..at].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '→' | '-' | '–' | '—' | ',' | ';' | ':' | '>')
        }),
        None => template,
    }
}

/// A series' label, or the word for a value when it has none.
fn label<'a>(chart: &Chart<'a>, line: &Line<'a>) -> &'a str {
    match line.label.trim() {
        "" => chart.lang.value,
        l => l,
    }
}

/// Text escaped for HTML and XML, in content and in quoted attributes,
/// with characters neither may hold replaced.
fn text(s: &str) -> String {
    html_escape::encode_quoted_attribute(&crate::text::without_controls(s)).into_owned()
}

/// An id of ASCII letters, digits, `-` and `_` only.
fn safe_id(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.is_empty() { "chart".into() } else { id }
}

/// A coordinate: one decimal at most, none when whole.
fn num(x: f64) -> String {
    let s = format!("{:.1}", x);
    let s = s.strip_suffix(".0").unwrap_or(&s);
    if s == "-0" { "0".into() } else { s.into() }
}
