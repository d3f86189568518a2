//! The drawing: a line chart over years, or bars for a single year.
//! Coordinates are in the SVG's user units; text widths are estimated
//! from the number of characters (the page's font is not known here).

use super::{Chart, Line, decimals, label, num, number, text};

/// Width of every chart, in user units.
pub const WIDTH: f64 = 560.0;
/// Size of every text.
pub const FONT: f64 = 24.0;
/// Height of the plot area of a line chart.
const PLOT_HEIGHT: f64 = 240.0;
/// Estimated width of a digit, and of an average letter.
const DIGIT: f64 = FONT * 0.58;
const LETTER: f64 = FONT * 0.55;
/// Space between the first (last) year and the plot's left (right) edge.
const INSET: f64 = 16.0;
/// Height of a bar.
const BAR: f64 = 30.0;
/// Line height of wrapped text.
const LEADING: f64 = FONT * 1.25;
/// How far below the middle of a line of text its baseline is.
const MIDDLE: f64 = FONT * 0.35;

/// Dash patterns of the lines, by series (repeating after eight).
const DASHES: [&str; 8] = [
    "",
    "14 8",
    "3 7",
    "18 6 3 6",
    "8 5",
    "26 8",
    "3 5 12 5",
    "10 4 3 4 3 4",
];
pub const STYLES: usize = DASHES.len();

/// A linear map from values `lo..hi` to coordinates `a..b`.
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub a: f64,
    pub b: f64,
}

impl Scale {
    pub fn at(&self, v: f64) -> f64 {
        if self.hi == self.lo {
            return (self.a + self.b) / 2.0;
        }
        self.a + (v - self.lo) / (self.hi - self.lo) * (self.b - self.a)
    }
}

/// The value axis's ticks, their labels and the labels' widest width.
fn value_ticks(values: &[f64], comma: bool) -> (Vec<f64>, Vec<String>, f64) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (ticks, step) = number::ticks(min, max);
    let decimals = number::step_decimals(step);
    let labels: Vec<String> = ticks
        .iter()
        .map(|&t| number::format(t, decimals, comma))
        .collect();
    let widest = labels.iter().map(|l| width(l)).fold(0.0, f64::max);
    (ticks, labels, widest)
}

/// The estimated width of `s` in user units.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii_digit() { DIGIT } else { LETTER })
        .sum()
}

/// What the value axis measures: the unit, or the word for a value.
fn measure<'a>(chart: &Chart<'a>) -> &'a str {
    match chart.unit.trim() {
        "" => chart.lang.value,
        unit => unit,
    }
}

/// A text element; `anchor` is `start`, `middle` or `end`.
fn label_at(x: f64, y: f64, anchor: &str, s: &str) -> String {
    let anchor = match anchor {
        "start" => String::new(),
        a => format!(" text-anchor=\"{a}\""),
    };
    format!(
        "<text x=\"{}\" y=\"{}\"{anchor}>{}</text>",
        num(x),
        num(y),
        text(s)
    )
}

/// Text wrapped at spaces to lines of at most `room` units (a longer
/// word breaks after a hyphen or has a line of its own), drawn from baseline `y`, with the number
/// of lines.
fn wrapped(x: f64, y: f64, room: f64, s: &str) -> (String, usize) {
    let mut lines: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        // A long compound breaks after its hyphens.
        for (i, piece) in word.split_inclusive('-').enumerate() {
            let space = if i == 0 { " " } else { "" };
            match lines.last_mut() {
                Some(line) if width(line) + width(space) + width(piece) <= room => {
                    line.push_str(space);
                    line.push_str(piece);
                }
                _ => lines.push(piece.to_string()),
            }
        }
    }
    let mut out = format!("<text x=\"{}\" y=\"{}\">", num(x), num(y));
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { "0".into() } else { num(LEADING) };
        out.push_str(&format!(
            "<tspan x=\"{}\" dy=\"{dy}\">{}</tspan>",
            num(x),
            text(line)
        ));
    }
    out.push_str("</text>");
    (out, lines.len().max(1))
}

/// A point marker of series `k` at (x, y): circle, square, triangle,
/// diamond, triangle pointing down, then ring, hollow square and hollow
/// diamond.
pub fn marker(k: usize, x: f64, y: f64) -> String {
    // Outlined markers: every second round of the shapes, from the sixth.
    let how = if k % STYLES >= 5 {
        " fill=\"none\" stroke-width=\"3\""
    } else {
        ""
    };
    let poly = |pts: &[(f64, f64)]| {
        let pts: Vec<String> = pts
            .iter()
            .map(|(dx, dy)| format!("{},{}", num(x + dx), num(y + dy)))
            .collect();
        format!("<polygon points=\"{}\"{how}/>", pts.join(" "))
    };
    let (x_, y_) = (num(x), num(y));
    match k % STYLES {
        0 => format!("<circle cx=\"{x_}\" cy=\"{y_}\" r=\"7\"/>"),
        1 => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"13\" height=\"13\"/>",
            num(x - 6.5),
            num(y - 6.5)
        ),
        2 => poly(&[(0.0, -9.0), (8.5, 6.0), (-8.5, 6.0)]),
        3 => poly(&[(0.0, -9.0), (9.0, 0.0), (0.0, 9.0), (-9.0, 0.0)]),
        4 => poly(&[(0.0, 9.0), (8.5, -6.0), (-8.5, -6.0)]),
        5 => format!("<circle cx=\"{x_}\" cy=\"{y_}\" r=\"6.5\"{how}/>"),
        6 => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\"{how}/>",
            num(x - 6.0),
            num(y - 6.0)
        ),
        _ => poly(&[(0.0, -9.0), (8.0, 0.0), (0.0, 9.0), (-8.0, 0.0)]),
    }
}

/// The group that colours series `k`.
fn series_group(k: usize) -> String {
    format!(
        "<g class=\"chart-series chart-series-{}\" fill=\"currentColor\" stroke=\"currentColor\">",
        k % STYLES
    )
}

/// A horizontal (or vertical) grid line; the zero line is the axis.
fn grid(x1: f64, y1: f64, x2: f64, y2: f64, axis: bool) -> String {
    let (class, style) = if axis {
        ("chart-axis", "stroke-width=\"2\"")
    } else {
        ("chart-grid", "stroke-width=\"1.5\" stroke-opacity=\"0.35\"")
    };
    format!(
        "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"currentColor\" {style}/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    )
}

/// The x scale, y scale and years labelled of a line chart (public for
/// the tests, which check where points land).
pub fn line_layout(years: &[i32], ticks: &[f64], widest_tick: f64) -> (Scale, Scale, Vec<i32>) {
    let year_width = width("0000");
    let left = (widest_tick + 12.0).max(year_width / 2.0 + 2.0 - INSET);
    let right = WIDTH - (year_width / 2.0 + 2.0 - INSET).max(4.0);
    let top = FONT * 2.0;
    let x = Scale {
        lo: years[0] as f64,
        hi: years[years.len() - 1] as f64,
        a: left + INSET,
        b: right - INSET,
    };
    let y = Scale {
        lo: ticks[0],
        hi: ticks[ticks.len() - 1],
        a: top + PLOT_HEIGHT,
        b: top,
    };
    let shown = shown_years(years, &x, year_width + FONT * 0.75);
    (x, y, shown)
}

/// The years labelled on the x axis: every one when they are `gap`
/// apart, else every second, fifth, tenth… counted back from the last,
/// and the first too when it has room.
fn shown_years(years: &[i32], x: &Scale, gap: f64) -> Vec<i32> {
    let last = years[years.len() - 1];
    let apart = |a: i32, b: i32| x.at(b as f64) - x.at(a as f64) >= gap;
    for step in [1, 2, 5, 10, 20, 50, 100] {
        let mut shown: Vec<i32> = years
            .iter()
            .copied()
            .filter(|y| (last - y) % step == 0)
            .collect();
        if shown.windows(2).all(|w| apart(w[0], w[1])) {
            if shown[0] != years[0] && apart(years[0], shown[0]) {
                shown.insert(0, years[0]);
            }
            return shown;
        }
    }
    vec![last]
}

/// A line chart of `lines` over `years` (two or more): its markup and
/// height.
pub fn lines(chart: &Chart, lines: &[Line], years: &[i32]) -> (String, f64) {
    let comma = chart.lang.decimal_comma;
    let values: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.1))
        .collect();
    let (ticks, tick_labels, widest) = value_ticks(&values, comma);
    let (x, y, shown) = line_layout(years, &ticks, widest);
    let (left, right) = (x.a - INSET, x.b + INSET);
    let bottom = y.a;
    let mut out = String::new();
    for &t in &ticks {
        out.push_str(&grid(left, y.at(t), right, y.at(t), t == 0.0));
    }
    out.push_str("<g class=\"chart-text\" fill=\"currentColor\">");
    out.push_str(&label_at(0.0, FONT, "start", measure(chart)));
    for (&t, l) in ticks.iter().zip(&tick_labels) {
        out.push_str(&label_at(left - 8.0, y.at(t) + MIDDLE, "end", l));
    }
    let year_baseline = bottom + FONT + 8.0;
    for year in shown {
        out.push_str(&label_at(
            x.at(year as f64),
            year_baseline,
            "middle",
            &year.to_string(),
        ));
    }
    out.push_str("</g>");
    for (k, line) in lines.iter().enumerate() {
        out.push_str(&series_group(k));
        let d: Vec<String> = line
            .points
            .iter()
            .enumerate()
            .map(|(i, &(year, v))| {
                let cmd = if i == 0 { 'M' } else { 'L' };
                format!("{cmd}{} {}", num(x.at(year as f64)), num(y.at(v)))
            })
            .collect();
        out.push_str(&path(&d.join(" "), k));
        for &(year, v) in &line.points {
            out.push_str(&marker(k, x.at(year as f64), y.at(v)));
        }
        out.push_str("</g>");
    }
    let height = legend(chart, lines, year_baseline + FONT * 0.5 + 12.0, &mut out);
    (out, height)
}

/// The line of series `k` through `d`.
fn path(d: &str, k: usize) -> String {
    format!("<path d=\"{d}\"{}/>", stroke(k))
}

/// How the line of series `k` is drawn.
fn stroke(k: usize) -> String {
    let dash = match DASHES[k % STYLES] {
        "" => String::new(),
        dash => format!(" stroke-dasharray=\"{dash}\""),
    };
    format!(" fill=\"none\" stroke-width=\"3\" stroke-linejoin=\"round\"{dash}")
}

/// The legend from `top` down: a sample of each line and its label.
/// Returns where it ends.
fn legend(chart: &Chart, lines: &[Line], top: f64, out: &mut String) -> f64 {
    let mut y = top;
    for (k, line) in lines.iter().enumerate() {
        let baseline = y + FONT;
        let mid = baseline - MIDDLE;
        out.push_str(&series_group(k));
        out.push_str(&format!(
            "<line x1=\"0\" y1=\"{m}\" x2=\"52\" y2=\"{m}\"{}/>",
            stroke(k),
            m = num(mid)
        ));
        out.push_str(&marker(k, 26.0, mid));
        out.push_str("</g><g class=\"chart-text\" fill=\"currentColor\">");
        let (t, n) = wrapped(64.0, baseline, WIDTH - 64.0, label(chart, line));
        out.push_str(&t);
        out.push_str("</g>");
        y = baseline + (n - 1) as f64 * LEADING + FONT * 0.4;
    }
    y + 8.0
}

/// Bars of the values of one `year`, one per series with its label above
/// it and its value after it: markup and height.
pub fn bars(chart: &Chart, lines: &[Line], year: i32) -> (String, f64) {
    let comma = chart.lang.decimal_comma;
    let values: Vec<f64> = lines.iter().map(|l| l.points[0].1).collect();
    let (ticks, tick_labels, widest) = value_ticks(&values, comma);
    let decimals = decimals(lines);
    let value_labels: Vec<String> = values
        .iter()
        .map(|&v| number::format(v, decimals, comma))
        .collect();
    let widest_value = value_labels.iter().map(|l| width(l)).fold(0.0, f64::max);
    let x = Scale {
        lo: ticks[0],
        hi: ticks[ticks.len() - 1],
        a: widest / 2.0 + 2.0,
        b: WIDTH - (widest_value + 12.0).max(widest / 2.0 + 2.0),
    };
    let mut out = String::from("<g class=\"chart-text\" fill=\"currentColor\">");
    let unit = measure(chart);
    let when = format!("{} {year}", chart.lang.year.trim());
    out.push_str(&label_at(0.0, FONT, "start", unit));
    let mut y = FONT;
    if width(unit) + width(&when) + FONT > WIDTH {
        y += LEADING;
    }
    out.push_str(&label_at(WIDTH, y, "end", &when));
    out.push_str("</g>");
    let rows_top = y + FONT * 0.5;
    let mut rows = String::new();
    let mut y = rows_top;
    for (k, (line, value_label)) in lines.iter().zip(&value_labels).enumerate() {
        let (t, n) = wrapped(x.a, y + FONT + 4.0, WIDTH - x.a, label(chart, line));
        let bar_top = y + 8.0 + n as f64 * LEADING;
        let v = line.points[0].1;
        let (x0, x1) = (x.at(v.min(0.0)), x.at(v.max(0.0)));
        rows.push_str(&format!(
            "<g class=\"chart-text\" fill=\"currentColor\">{t}"
        ));
        rows.push_str(&label_at(
            x1 + 8.0,
            bar_top + BAR / 2.0 + MIDDLE,
            "start",
            value_label,
        ));
        rows.push_str("</g>");
        rows.push_str(&series_group(k));
        rows.push_str(&format!(
            "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" stroke=\"none\"/></g>",
            num(x0),
            num(bar_top),
            num(x1 - x0),
            num(BAR)
        ));
        y = bar_top + BAR + 16.0;
    }
    let rows_bottom = y;
    for &t in &ticks {
        out.push_str(&grid(x.at(t), rows_top, x.at(t), rows_bottom, t == 0.0));
    }
    out.push_str(&rows);
    out.push_str("<g class=\"chart-text\" fill=\"currentColor\">");
    let baseline = rows_bottom + FONT + 4.0;
    for (&t, l) in ticks.iter().zip(&tick_labels) {
        out.push_str(&label_at(x.at(t), baseline, "middle", l));
    }
    out.push_str("</g>");
    (out, baseline + FONT * 0.4 + 4.0)
}
