//! Rules over any page's body: raw HTML (its tags are not shown), and
//! indented lines that became code outside the findings.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::markdown::{BlockKind, Outline, RawHtml};

/// Warnings for what the body's outline shows; `findings` is true on pages
/// whose findings structure is checked on its own (indented code there is
/// an error of that check).
pub fn check(path: &Path, outline: &Outline, findings: bool) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = outline.raw_html.iter().map(|h| raw_html(path, h)).collect();
    if !findings {
        for b in &outline.blocks {
            if let BlockKind::Code { indented: true } = b.kind {
                out.push(
                    Diagnostic::warning(path, "sisennetty rivi näkyy sivulla koodina")
                        .at_line(b.line)
                        .help("rivi alkaa neljällä välilyönnillä tai sarkaimella, jolloin Markdown tekee siitä koodilohkon; poista sisennys, jos se on tavallista tekstiä tai luettelo"),
                );
            }
        }
    }
    out
}

/// What to write in Markdown instead of an HTML tag.
fn instead(tag: &str) -> &'static str {
    match tag {
        "table" | "tr" | "td" | "th" | "tbody" | "thead" => {
            "kirjoita taulukko Markdownina: | Sarake | Sarake |, sen alle | --- | --- | ja sitten rivit"
        }
        "ul" | "ol" | "li" => "kirjoita luettelo riveinä, jotka alkavat `- `",
        "blockquote" => "kirjoita lainaus riveinä, jotka alkavat `> `",
        "b" | "strong" => "lihavoi tekstiä kirjoittamalla **näin**",
        "i" | "em" => "kursivoi tekstiä kirjoittamalla *näin*",
        "a" => "kirjoita linkki muodossa [linkin teksti](https://osoite)",
        "br" => "aloita uusi kappale tyhjällä rivillä",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            "kirjoita otsikko risuaidoilla, esim. `## Otsikko`"
        }
        "img" => "lisää kuva muodossa ![kuvan kuvaus](kuva.jpg)",
        _ => "kirjoita teksti tavallisena Markdownina ilman HTML-tageja",
    }
}

fn raw_html(path: &Path, h: &RawHtml) -> Diagnostic {
    let what = if h.tag.is_empty() {
        "HTML-koodia".to_string()
    } else {
        format!("HTML-tagi <{}>", h.tag)
    };
    let (fate, fix) = if h.dropped {
        (
            "poistetaan sivulta sisältöineen, koska sivuilla ei ajeta koodia",
            "poista se tiedostosta",
        )
    } else if h.tag.is_empty() {
        (
            "ei näy sivulla, vaan se jätetään pois",
            "poista se tiedostosta",
        )
    } else {
        (
            "ei näy sivulla: tagi jätetään pois ja sen sisällä oleva teksti näytetään tavallisena tekstinä",
            instead(&h.tag),
        )
    };
    Diagnostic::warning(path, format!("{what} {fate}"))
        .at_line(h.line)
        .help(format!(
            "{fix}; HTML-kommentit <!-- … --> saa jättää, ne eivät näy sivulla"
        ))
}
