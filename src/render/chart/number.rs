//! Numbers as a reader of the page's language writes them, and the "nice"
//! values an axis is marked at.

/// Narrow no-break space, the thousands separator of Finnish and Swedish
/// numbers here ("1 234,5").
const THIN: char = '\u{202F}';

/// `value` rounded to at most `decimals` decimals, trailing zeros trimmed:
/// "1 234,5" with `comma` (Finnish, Swedish: decimal comma, narrow
/// no-break space between thousands, minus sign U+2212), else "1,234.5".
pub fn format(value: f64, decimals: usize, comma: bool) -> String {
    // Halves away from zero, as people round (`format!` rounds them to
    // even).
    let scale = 10f64.powi(decimals as i32);
    let fixed = format!("{:.*}", decimals, (value.abs() * scale).round() / scale);
    let (int, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (fixed.as_str(), ""),
    };
    let zero = int.bytes().all(|b| b == b'0') && frac.is_empty();
    let mut out = String::new();
    if value < 0.0 && !zero {
        out.push(if comma { '\u{2212}' } else { '-' });
    }
    let group = if comma { THIN } else { ',' };
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(if comma { ',' } else { '.' });
        out.push_str(frac);
    }
    out
}

/// How many decimals the values of one chart are written with: one, or
/// two when every value is below ten (in magnitude).
pub fn decimals(values: impl IntoIterator<Item = f64>) -> usize {
    if values.into_iter().all(|v| v.abs() < 10.0) {
        2
    } else {
        1
    }
}

/// The decimals `step` needs to be written exactly (at most six).
pub fn step_decimals(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// Ticks of an axis that holds every value from `min` to `max`: three to
/// five round values (1, 2, 2.5 or 5 times a power of ten apart), the
/// first at or below `min`, the last at or above `max`. Zero is always in
/// the range, so bars and lines of values that are all positive stand on a
/// zero baseline. Also returns the step.
pub fn ticks(min: f64, max: f64) -> (Vec<f64>, f64) {
    let lo = min.min(0.0);
    let mut hi = max.max(0.0);
    if hi <= lo {
        hi = lo + 1.0;
    }
    let magnitude = 10f64.powf(((hi - lo) / 4.0).log10().floor());
    let eps = 1e-9;
    for m in [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0] {
        let step = m * magnitude;
        let first = (lo / step + eps).floor() as i64;
        let last = (hi / step - eps).ceil() as i64;
        if last - first <= 4 {
            let ticks = (first..=last).map(|i| clean(i as f64 * step)).collect();
            return (ticks, step);
        }
    }
    // Not reached: a step of 100 times the magnitude spans the range.
    (vec![lo, hi], hi - lo)
}

/// `x` without the noise of binary fractions (0.30000000000000004 → 0.3).
fn clean(x: f64) -> f64 {
    let r = (x * 1e9).round() / 1e9;
    if r == 0.0 { 0.0 } else { r }
}
