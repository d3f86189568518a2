use super::draw::{self, Scale};
use super::number::{format, step_decimals, ticks};
use super::*;

fn words(comma: bool) -> ChartWords<'static> {
    ChartWords {
        year: "Year",
        value: "Value",
        summary: "{name}: {first} ({first_year}) → {last} ({last_year})",
        decimal_comma: comma,
    }
}

fn chart<'a>(series: Vec<Series<'a>>) -> Chart<'a> {
    Chart {
        id: "c1",
        title: "Accessible sports venues",
        unit: "%",
        series,
        lang: words(true),
    }
}

fn series<'a>(label: &'a str, points: &[(i32, f64)]) -> Series<'a> {
    Series {
        label,
        points: points.to_vec(),
    }
}

/// Every element's name, in document order; panics on malformed XML.
fn elements(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) | Ok(quick_xml::events::Event::Empty(e)) => {
                names.push(String::from_utf8_lossy(e.name().as_ref().as_bytes()).into_owned())
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not XML at {}: {e}\n{xml}", reader.buffer_position()),
        }
    }
    names
}

fn count(names: &[String], name: &str) -> usize {
    names.iter().filter(|n| *n == name).count()
}

#[test]
fn numbers_in_finnish_and_english() {
    assert_eq!(format(1234.5, 1, true), "1\u{202F}234,5");
    assert_eq!(format(1234.5, 1, false), "1,234.5");
    assert_eq!(format(1234567.0, 1, true), "1\u{202F}234\u{202F}567");
    assert_eq!(format(12.0, 2, true), "12");
    assert_eq!(format(12.50, 2, true), "12,5");
    assert_eq!(format(0.123, 2, false), "0.12");
    assert_eq!(format(-3.25, 1, true), "\u{2212}3,3");
    assert_eq!(format(-0.01, 1, false), "0");
    assert_eq!(format(999.0, 0, true), "999");
}

#[test]
fn decimals_follow_the_size_of_the_values() {
    assert_eq!(number::decimals([1.234, 9.5]), 2);
    assert_eq!(number::decimals([1.234, 10.0]), 1);
    assert_eq!(step_decimals(2.5), 1);
    assert_eq!(step_decimals(0.25), 2);
    assert_eq!(step_decimals(20.0), 0);
}

#[test]
fn ticks_are_nice_and_start_at_zero() {
    assert_eq!(ticks(3.0, 10.0).0, vec![0.0, 2.5, 5.0, 7.5, 10.0]);
    assert_eq!(ticks(12.0, 47.0).0, vec![0.0, 20.0, 40.0, 60.0]);
    assert_eq!(ticks(0.0, 0.7).0, vec![0.0, 0.2, 0.4, 0.6, 0.8]);
    assert_eq!(ticks(0.0, 0.0).0, vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(ticks(-4.0, 6.0).0, vec![-5.0, 0.0, 5.0, 10.0]);
    assert_eq!(ticks(-30.0, -12.0).0, vec![-30.0, -20.0, -10.0, 0.0]);
    for (lo, hi) in [
        (0.0, 1.0),
        (0.0, 4.1),
        (0.0, 123.0),
        (17.0, 9999.0),
        (0.0, 0.003),
    ] {
        let (t, _) = ticks(lo, hi);
        assert!((3..=5).contains(&t.len()), "{lo}..{hi}: {t:?}");
        assert!(t[0] <= lo && *t.last().unwrap() >= hi, "{lo}..{hi}: {t:?}");
    }
}

#[test]
fn line_chart_is_xml_with_title_desc_and_a_path_per_series() {
    let c = chart(vec![
        series("Region", &[(2020, 10.0), (2021, 12.5), (2022, 15.0)]),
        series("Town", &[(2020, 8.0), (2022, f64::NAN), (2023, 9.25)]),
    ]);
    let svg = svg(&c);
    let names = elements(&svg);
    assert_eq!(names[0], "svg");
    assert_eq!(count(&names, "title"), 1);
    assert_eq!(count(&names, "desc"), 1);
    assert_eq!(
        count(&names, "path"),
        2,
        "one line per series (legend samples are lines)"
    );
    assert_eq!(
        count(&names, "rect"),
        3,
        "two squares of Town, one in the legend"
    );
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("aria-labelledby=\"c1-title c1-desc\""));
    assert!(svg.contains("<title id=\"c1-title\">Accessible sports venues</title>"));
    assert!(svg.contains(
        "<desc id=\"c1-desc\">Region: 10\u{A0}% (2020) → 15\u{A0}% (2022). \
         Town: 8\u{A0}% (2020) → 9,3\u{A0}% (2023).</desc>"
    ));
    assert!(svg.contains("width=\"100%\"") && svg.contains("viewBox=\"0 0 560 "));
    assert!(svg.contains("chart-series-0") && svg.contains("chart-series-1"));
    assert!(svg.contains("stroke-dasharray=\"14 8\""));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    assert!(!svg.contains("#"), "no colour of its own");
}

#[test]
fn points_land_where_the_scales_put_them() {
    let c = chart(vec![series(
        "A",
        &[(2020, 0.0), (2022, 20.0), (2024, 40.0)],
    )]);
    let svg = svg(&c);
    let (t, _) = ticks(0.0, 40.0);
    assert_eq!(t, vec![0.0, 10.0, 20.0, 30.0, 40.0]);
    // The widest tick label, "40", is two digits.
    let (x, y, shown) = draw::line_layout(&[2020, 2022, 2024], &t, 2.0 * 24.0 * 0.58);
    assert_eq!(shown, vec![2020, 2022, 2024]);
    let left = 2.0 * 24.0 * 0.58 + 12.0 + 16.0;
    assert!((x.at(2020.0) - left).abs() < 1e-9);
    assert!((x.at(2024.0) - x.b).abs() < 1e-9);
    assert!((x.at(2022.0) - (x.a + x.b) / 2.0).abs() < 1e-9);
    assert_eq!((y.at(0.0), y.at(40.0), y.at(20.0)), (288.0, 48.0, 168.0));
    let d = format!(
        "M{} 288 L{} 168 L{} 48",
        num(x.a),
        num((x.a + x.b) / 2.0),
        num(x.b)
    );
    assert!(svg.contains(&format!("<path d=\"{d}\"")), "{d}\n{svg}");
}

#[test]
fn crowded_years_are_thinned_regularly_and_the_last_is_kept() {
    let years: Vec<i32> = (2000..=2024).collect();
    let (t, _) = ticks(0.0, 10.0);
    let (x, _, shown) = draw::line_layout(&years, &t, 40.0);
    assert_eq!(shown, vec![2000, 2004, 2009, 2014, 2019, 2024]);
    for w in shown.windows(2) {
        assert!(x.at(w[1] as f64) - x.at(w[0] as f64) >= 4.0 * 24.0 * 0.58);
    }
    // Uneven years: every one that has room, the first among them.
    let (_, _, shown) = draw::line_layout(&[2015, 2017, 2018, 2024], &t, 40.0);
    assert_eq!(shown, vec![2015, 2018, 2024]);
    let (_, _, shown) = draw::line_layout(&[2019, 2021, 2023], &t, 40.0);
    assert_eq!(shown, vec![2019, 2021, 2023]);
}

#[test]
fn one_year_makes_bars() {
    let c = chart(vec![
        series("Region", &[(2024, 41.5)]),
        series("Town", &[(2024, 37.0)]),
        series("Empty", &[(2024, f64::INFINITY)]),
    ]);
    let svg = svg(&c);
    let names = elements(&svg);
    assert_eq!(count(&names, "path"), 0);
    assert_eq!(svg.matches("class=\"chart-bar\"").count(), 2);
    assert!(svg.contains(">41,5<") && svg.contains(">37<"));
    assert!(svg.contains(">Year 2024<"));
    assert!(!svg.contains("Empty"));
    assert_eq!(
        text_alternative(&c),
        "Region: 41,5\u{A0}% (2024). Town: 37\u{A0}% (2024)."
    );
    let s = Scale {
        lo: 0.0,
        hi: 50.0,
        a: 10.0,
        b: 510.0,
    };
    assert_eq!(s.at(25.0), 260.0);
}

#[test]
fn labels_are_escaped() {
    let mut c = chart(vec![series(
        "<script>alert(1)</script> & \"x\"",
        &[(2020, 1.0), (2021, 2.0)],
    )]);
    c.title = "<b>T</b>";
    c.unit = "<i>";
    c.id = "a\" onload=\"x";
    let svg = svg(&c);
    elements(&svg);
    assert!(!svg.contains("<script") && !svg.contains("<b>") && !svg.contains("<i>"));
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(svg.contains("aria-labelledby=\"a--onload--x-title a--onload--x-desc\""));
    let table = table(&c);
    elements(&table);
    assert!(!table.contains("<script") && !table.contains("<b>") && !table.contains("<i>"));
}

#[test]
fn table_has_caption_years_and_a_column_per_series() {
    let c = chart(vec![
        series("Region", &[(2021, 1234.56), (2020, 1000.0)]),
        series("Town", &[(2021, 7.0)]),
        series("Nothing", &[]),
    ]);
    let t = table(&c);
    elements(&t);
    assert!(t.starts_with(
        "<table class=\"chart-table\"><caption>Accessible sports venues (%)</caption>"
    ));
    assert!(t.contains("<th scope=\"col\">Year</th><th scope=\"col\" class=\"num\">Region</th><th scope=\"col\" class=\"num\">Town</th></tr>"));
    assert!(t.contains("<tr><th scope=\"row\">2020</th><td class=\"num\" data-label=\"Region\">1\u{202F}000</td><td class=\"num\" data-label=\"Town\"></td></tr>"));
    assert!(t.contains(
        "<th scope=\"row\">2021</th><td class=\"num\" data-label=\"Region\">1\u{202F}234,6</td>"
    ));
    assert!(!t.contains("Nothing"));
    let mut en = c;
    en.lang = words(false);
    assert!(table(&en).contains(">1,234.6<"));
}

#[test]
fn nothing_to_draw_gives_nothing() {
    let c = chart(vec![series("A", &[(2020, f64::NAN)]), series("B", &[])]);
    assert_eq!(svg(&c), "");
    assert_eq!(table(&c), "");
    assert_eq!(text_alternative(&c), "");
}

#[test]
fn summary_template_with_unit_and_single_years() {
    let mut c = chart(vec![series("", &[(2019, 3.0), (2023, 4.5)])]);
    c.lang.summary = "{name} {first_year}: {first} {unit}, {last_year}: {last} {unit}";
    assert_eq!(text_alternative(&c), "Value 2019: 3 %, 2023: 4,5 %.");
    assert_eq!(
        single("{name} {first_year}: {first}, {last_year}: {last}"),
        "{name} {first_year}: {first}"
    );
    assert_eq!(
        single("{name}: {first} ({first_year}) → {last} ({last_year})"),
        "{name}: {first} ({first_year})"
    );
}

#[test]
fn many_series_cycle_styles_and_stack_the_table() {
    let names: Vec<String> = (0..10)
        .map(|i| format!("Municipality number {i} with a long name"))
        .collect();
    let c = chart(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| series(n, &[(2020, i as f64), (2024, 2.0 * i as f64)]))
            .collect(),
    );
    let svg = svg(&c);
    elements(&svg);
    assert!(svg.contains("chart-series-7") && !svg.contains("chart-series-8"));
    assert!(svg.contains("<tspan"), "long legend labels wrap");
    assert!(table(&c).starts_with("<table class=\"chart-table stack\">"));
}

/// With `HYTE_CHART_PREVIEW=file.html`, writes a page of example charts
/// in the theme's style, to look at in a browser (nothing is committed).
#[test]
fn preview_page() {
    let Some(path) = std::env::var_os("HYTE_CHART_PREVIEW") else {
        return;
    };
    let region = [
        (2019, 38.2),
        (2020, 40.1),
        (2021, 41.0),
        (2022, 43.75),
        (2023, 44.1),
        (2024, 47.3),
    ];
    let town = [(2019, 31.0), (2021, 35.5), (2023, 39.0), (2024, 41.2)];
    let many: Vec<(String, Vec<(i32, f64)>)> = (0..8)
        .map(|i| {
            let name = if i == 0 {
                "Keski-Suomen hyvinvointialue".into()
            } else {
                format!("Kunta {i}")
            };
            (
                name,
                (2015..=2024)
                    .map(|y| {
                        (
                            y,
                            900.0 + 60.0 * i as f64 + 25.0 * ((y * (i + 3)) % 7) as f64,
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let charts = [
        chart(vec![
            series("Keski-Suomi", &region),
            series("Kallioniemi", &town),
        ]),
        Chart {
            id: "c2",
            title: "Alcohol-related hospital days",
            unit: "per 100 000 inhabitants",
            series: many.iter().map(|(n, p)| series(n, p)).collect(),
            lang: words(false),
        },
        Chart {
            id: "c3",
            title: "Vammaisten esteettömät palvelut",
            unit: "%",
            series: vec![
                series("Keski-Suomi", &[(2024, 41.5)]),
                series("Jyväskylä", &[(2024, 48.0)]),
                series(
                    "Hankasalmi-Konnevesi-Laukaa-Uurainen-Äänekoski",
                    &[(2024, 22.25)],
                ),
                series("Muurame", &[(2024, 7.0)]),
            ],
            lang: words(true),
        },
    ];
    let mut body = String::new();
    for c in &charts {
        body.push_str(&format!(
            "<figure class=\"chart-figure\"><figcaption><h2>{}</h2></figcaption>{}\
             <p>{}</p><div class=\"table-wrap\">{}</div></figure>",
            text(c.title),
            svg(c),
            text(&text_alternative(c)),
            table(c)
        ));
    }
    let html = format!(
        "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>charts</title><style>{}</style></head><body><main class=\"wrap\">{body}</main></body></html>",
        include_str!("../../../themes/default/static/style.css")
    );
    std::fs::write(path, html).unwrap();
}
