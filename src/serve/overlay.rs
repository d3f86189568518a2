//! What `serve` adds to a page, and the page it shows when there is none.
//!
//! While the latest rebuild has failed, the error sits over every page
//! (the last good version stays readable under it); before any build has
//! succeeded, every address answers a page that holds only the error and
//! says that nothing can be shown yet. The warnings of a build sit in a
//! small closed box in a corner, and draft pages carry a LUONNOS banner.
//! Every page gets the reload script. Only `serve` does this; `build`
//! output never has it.

use super::Snapshot;
use super::reload::SCRIPT_PATH;

/// Where the page loads [`OVERLAY_CSS`] from.
pub(super) const OVERLAY_CSS_PATH: &str = "/__hyte/overlay.css";

/// The styles of what `serve` adds to a page: the error overlay, the
/// warnings box and the draft banner. A file of its own, not inline, so
/// that the theme's Content-Security-Policy (`default-src 'self'`) lets
/// it in.
pub(super) const OVERLAY_CSS: &str = "#hyte-overlay{position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:1000;\
background:#fff;color:#0b0c0c;border-top:0.5rem solid #d4351c;padding:1rem 1.5rem;box-shadow:0 -0.25rem 1rem rgba(0,0,0,.3);\
font:1rem/1.5 system-ui,sans-serif}#hyte-overlay pre,#hyte-warnings pre{white-space:pre-wrap;overflow-wrap:anywhere;font:0.95rem/1.4 ui-monospace,monospace;\
background:#f3f2f1;padding:0.75rem}#hyte-overlay h2{margin:0 0 .5rem;font-size:1.25rem}\
#hyte-overlay.hyte-alone{position:static;max-height:none;box-shadow:none}\
#hyte-warnings{position:fixed;right:0.5rem;bottom:0.5rem;max-width:min(40rem,calc(100vw - 1rem));z-index:999;\
background:#fff;color:#0b0c0c;border-left:0.5rem solid #f47738;box-shadow:0 0.125rem 0.5rem rgba(0,0,0,.3);\
font:1rem/1.5 system-ui,sans-serif}#hyte-warnings summary{cursor:pointer;padding:0.5rem 0.75rem;font-weight:700}\
#hyte-warnings .hyte-more{max-height:50vh;overflow:auto;padding:0 0.75rem 0.5rem}\
.hyte-draft{background:#ffdd00;color:#0b0c0c;border-bottom:0.25rem solid #0b0c0c;padding:0.5rem 1rem;\
text-align:center;font:700 1rem/1.5 system-ui,sans-serif;overflow-wrap:anywhere}";

/// The banner of a draft page, right after `<body>`.
const DRAFT_BANNER: &str = "<div class=\"hyte-draft\" role=\"note\">LUONNOS – tämä sivu ei näy julkaistulla sivustolla</div>";

/// Adds the reload script; the error overlay while the latest rebuild has
/// failed, else a small box of the build's warnings if it had any; and
/// the LUONNOS banner if the page is a `draft`. Only `serve` does this;
/// `build` output never has it.
pub(super) fn inject(html: &str, draft: bool, snapshot: &Snapshot) -> String {
    let mut tail = String::new();
    if let Some(error) = &snapshot.error {
        let error = html_escape::encode_text(error);
        tail.push_str(&if snapshot.last_good {
            format!(
                "<div id=\"hyte-overlay\" role=\"alert\"><h2>Sivustoa ei voitu päivittää</h2><pre>{error}</pre>\
                 <p>Esikatselussa näkyy viimeisin toimiva versio. Korjaa tiedosto ja tallenna, niin sivu päivittyy itsestään.</p></div>"
            )
        } else {
            // Nothing else is on the page: the reason first, in full.
            format!(
                "<div id=\"hyte-overlay\" class=\"hyte-alone\" role=\"alert\"><h2>Sivustoa ei voitu rakentaa</h2>\
                 <p>Esikatselussa ei näy vielä mitään, koska sivustoa ei ole vielä kertaakaan saatu rakennettua alla lueteltujen virheiden takia. \
                 Korjaa ne ja tallenna, niin sivu päivittyy itsestään.</p><pre>{error}</pre></div>"
            )
        });
    } else if !snapshot.warnings.is_empty() {
        let listed: String = snapshot.warnings.iter().map(|d| format!("{d}\n")).collect();
        tail.push_str(&format!(
            "<div id=\"hyte-warnings\" role=\"status\"><details><summary>Esikatselu: {}</summary>\
             <div class=\"hyte-more\"><pre>{}</pre><p>Nämä eivät estä sivuston rakentamista (paitsi valinnalla --strict), mutta ne kannattaa korjata. Korjaa ja tallenna, niin ilmoitus päivittyy itsestään.</p></div></details></div>",
            html_escape::encode_text(&crate::diagnostic::counts(&snapshot.warnings)),
            html_escape::encode_text(listed.trim_end())
        ));
    }
    tail.push_str(&format!(
        "<script src=\"{SCRIPT_PATH}\" data-generation=\"{}\"></script>",
        snapshot.generation
    ));
    let mut html = html.to_string();
    if draft && let Some(body) = html.find("<body") {
        let open = html[body..].find('>').map_or(html.len(), |e| body + e + 1);
        html.insert_str(open, DRAFT_BANNER);
    }
    if (draft || tail.contains("id=\"hyte-"))
        && let Some(i) = html.rfind("</head>")
    {
        html.insert_str(
            i,
            &format!("<link rel=\"stylesheet\" href=\"{OVERLAY_CSS_PATH}\">"),
        );
    }
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &tail),
        None => html.push_str(&tail),
    }
    html
}

/// A bare page for what [`inject`] adds, answered where the site has no
/// file to show; before the first good build, every address gets it and
/// it holds the error alone.
pub(super) fn placeholder(snapshot: &Snapshot) -> String {
    let title = if snapshot.last_good {
        "hyte"
    } else {
        "hyte: sivustoa ei voitu rakentaa"
    };
    inject(
        &format!(
            "<!DOCTYPE html><html lang=\"fi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head><body><main></main></body></html>"
        ),
        false,
        snapshot,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use super::super::test_files as files;

    #[test]
    fn the_overlay_is_injected_only_while_broken() {
        let ok = Snapshot {
            files: Arc::new(files()),
            error: None,
            last_good: true,
            generation: 3,
            ..Snapshot::default()
        };
        let html = inject(
            "<html><head></head><body><p>x</p></body></html>",
            false,
            &ok,
        );
        assert!(html.contains("data-generation=\"3\""));
        assert!(!html.contains("hyte-overlay"));
        assert!(!html.contains(OVERLAY_CSS_PATH));
        let broken = Snapshot {
            error: Some("virhe: <script>".into()),
            ..ok
        };
        let html = inject(
            "<html><head></head><body><p>x</p></body></html>",
            false,
            &broken,
        );
        assert!(html.contains("id=\"hyte-overlay\""));
        assert!(html.contains("virhe: &lt;script&gt;"));
        assert!(html.contains("viimeisin toimiva versio"));
        assert!(html.find("<p>x</p>") < html.find("hyte-overlay"));
        assert!(html.contains(OVERLAY_CSS_PATH));
    }

    #[test]
    fn warnings_show_in_a_box_that_leaves_the_page_alone() {
        let warned = Snapshot {
            last_good: true,
            warnings: Arc::new(vec![
                crate::Diagnostic::warning("content/a.md", "linkin teksti <puuttuu>").at_line(4),
            ]),
            ..Snapshot::default()
        };
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"></head><body><p>x</p></body></html>";
        let html = inject(page, false, &warned);
        assert!(html.contains("<p>x</p>"));
        assert!(!html.contains("hyte-overlay"), "{html}");
        assert!(html.contains("id=\"hyte-warnings\""), "{html}");
        assert!(html.contains("<details><summary>Esikatselu: 1 varoitus</summary>"));
        assert!(html.contains("linkin teksti &lt;puuttuu&gt;"));
        assert!(html.contains("content/a.md:4"));
        // Styled from a file (the CSP allows 'self'), never inline.
        assert!(html.contains(OVERLAY_CSS_PATH));
        assert!(!html.contains("style=") && !html.contains("<style"));
        // An error hides the warnings: its list already has them.
        let broken = Snapshot {
            error: Some("virhe".into()),
            ..warned
        };
        assert!(!inject(page, false, &broken).contains("hyte-warnings"));
    }

    #[test]
    fn drafts_carry_a_banner_right_after_body() {
        let s = Snapshot::default();
        let html = inject(
            "<html><head></head><body class=\"x\"><a href=\"#main\">Siirry</a></body></html>",
            true,
            &s,
        );
        assert!(
            html.contains(&format!("<body class=\"x\">{DRAFT_BANNER}<a href")),
            "{html}"
        );
        assert!(html.contains(OVERLAY_CSS_PATH));
        let html = inject("<html><head></head><body><p>x</p></body></html>", false, &s);
        assert!(!html.contains("hyte-draft"));
    }
}
