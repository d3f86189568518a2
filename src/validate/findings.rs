//! The structure of findings on the pages that hold them (year, group and
//! perspective pages): `## priority area` → `### target group` → a list,
//! one finding per item. Every slip that would make findings vanish from
//! the municipality and priority-area pages and the open data is an
//! error; what is only odd is a warning. Each names the line and the fix.

use std::collections::HashSet;
use std::path::Path;

use super::near::nearest;
use crate::config::{PriorityId, TargetGroupId, Term};
use crate::diagnostic::Diagnostic;
use crate::markdown::{Block, BlockKind, Vocabulary};

/// Where the walk is: in a priority area, and in one of its cells.
#[derive(Default)]
struct State<'a> {
    priority: Option<(PriorityId, &'a Term)>,
    /// A level-2 heading that is not a priority area: its text and line.
    other_h2: Option<(&'a str, usize)>,
    /// The open cell: its heading line, and whether a list came under it.
    cell: Option<(usize, bool)>,
    /// Priority areas and cells met, to find the same one twice.
    seen: HashSet<(PriorityId, Option<TargetGroupId>)>,
}

/// Every problem of the findings structure of one page.
pub fn check(path: &Path, blocks: &[Block], vocab: &Vocabulary<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut st = State::default();
    for (i, b) in blocks.iter().enumerate() {
        let rest = &blocks[i + 1..];
        match &b.kind {
            BlockKind::Heading { level, text } => {
                close_cell(&mut st, path, &mut out);
                heading(&mut st, path, b.line, *level, text, rest, vocab, &mut out);
            }
            BlockKind::List { .. } => {
                if let Some((_, listed)) = &mut st.cell {
                    *listed = true;
                }
            }
            BlockKind::Paragraph {
                text,
                emphasis_only,
                words,
            } => {
                let before = out.len();
                paragraph(path, b.line, text, *emphasis_only, *words, vocab, &mut out);
                if out.len() == before && st.cell.is_some() {
                    out.push(not_a_finding(path, b.line, "kappale"));
                }
            }
            BlockKind::Code { indented: false } | BlockKind::Other if st.cell.is_some() => {
                out.push(not_a_finding(path, b.line, "lohko"));
            }
            BlockKind::Code { indented: true } if st.priority.is_none() => out.push(
                Diagnostic::warning(path, "sisennetty rivi näkyy sivulla koodina")
                    .at_line(b.line)
                    .help("rivi alkaa neljällä välilyönnillä tai sarkaimella, jolloin Markdown tekee siitä koodilohkon; poista sisennys, jos se on tavallista tekstiä tai luettelo"),
            ),
            BlockKind::Code { indented: true } => {
                // The cell is not empty: its list became this code.
                if let Some((_, listed)) = &mut st.cell {
                    *listed = true;
                }
                out.push(
                    Diagnostic::new(path, "sisennetty rivi näkyy koodina eikä nostona")
                        .at_line(b.line)
                        .help("rivi alkaa neljällä välilyönnillä tai sarkaimella, jolloin Markdown tekee siitä koodilohkon; poista sisennys, niin `- kohta` on nosto (alakohdat sisennetään kahdella välilyönnillä)"),
                );
            }
            _ => {}
        }
    }
    close_cell(&mut st, path, &mut out);
    out
}

/// Text under a target group's heading that is not a list item: it shows
/// on the page but is no finding of the cell.
fn not_a_finding(path: &Path, line: usize, what: &str) -> Diagnostic {
    Diagnostic::warning(path, format!("kohderyhmän otsikon alla oleva {what} ei ole nosto"))
        .at_line(line)
        .help("vain luettelon kohdat (`- nosto`) ovat nostoja, jotka näkyvät kuntien ja painopisteiden sivuilla ja avoimessa datassa; kirjoita nosto luettelon kohdaksi, tai siirrä muu teksti painopisteen otsikon alle ennen kohderyhmiä")
}

fn close_cell(st: &mut State<'_>, path: &Path, out: &mut Vec<Diagnostic>) {
    if let Some((line, false)) = st.cell.take() {
        out.push(
            Diagnostic::warning(path, "kohderyhmän otsikon alla ei ole yhtään nostoa")
                .at_line(line)
                .help("kirjoita nostot otsikon alle luettelona (`- nosto`), tai poista otsikko, jos tälle kohderyhmälle ei ole nostoja"),
        );
    }
}

/// Whether findings follow before the next heading of level 2 or less: a
/// list, or a level-3 heading that names a target group.
fn findings_follow(rest: &[Block], vocab: &Vocabulary<'_>) -> bool {
    rest.iter()
        .take_while(|b| !matches!(b.kind, BlockKind::Heading { level, .. } if level <= 2))
        .any(|b| match &b.kind {
            BlockKind::List { .. } => true,
            BlockKind::Heading { level: 3, text } => vocab.target(text).is_some(),
            _ => false,
        })
}

fn names(terms: &[&Term]) -> String {
    terms
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[allow(clippy::too_many_arguments)]
fn heading<'a>(
    st: &mut State<'a>,
    path: &Path,
    line: usize,
    level: u8,
    text: &'a str,
    rest: &[Block],
    vocab: &Vocabulary<'a>,
    out: &mut Vec<Diagnostic>,
) {
    let priority = vocab.priority(text);
    let target = vocab.target(text);
    let priorities: Vec<&Term> = vocab.priorities.iter().map(|(_, t)| *t).collect();
    let targets: Vec<&Term> = vocab.targets.iter().map(|(_, t)| *t).collect();
    let severity = |lost: bool, d: Diagnostic| {
        if lost {
            d
        } else {
            Diagnostic {
                severity: crate::diagnostic::Severity::Warning,
                ..d
            }
        }
    };
    if level <= 2 {
        st.priority = None;
        st.other_h2 = None;
    }
    match level {
        1 | 2 if priority.is_some() && level == 2 => {
            let (id, term) = priority.expect("checked by the guard");
            if !st.seen.insert((id, None)) {
                out.push(
                    Diagnostic::new(
                        path,
                        format!(
                            "painopiste \"{}\" on sivulla kahdesti (ankkuri #{})",
                            term.name, term.slug
                        ),
                    )
                    .at_line(line)
                    .help("kirjoita saman painopisteen kaikki nostot yhden ##-otsikon alle"),
                );
            }
            st.priority = priority;
        }
        1 | 2 => {
            let lost = findings_follow(rest, vocab);
            if let Some((_, t)) = priority.filter(|_| level == 1) {
                out.push(severity(
                    lost,
                    Diagnostic::new(
                        path,
                        format!("painopiste \"{}\" on #-tason otsikko", t.name),
                    )
                    .at_line(line)
                    .help(format!(
                        "painopisteen otsikko kirjoitetaan kahdella risuaidalla: \"## {}\"",
                        t.name
                    )),
                ));
            } else if let Some((_, t)) = target {
                out.push(severity(lost, Diagnostic::new(path, format!("kohderyhmä \"{}\" on {}-tason otsikko, eikä sen alla olevia nostoja tunnisteta", t.name, "#".repeat(level.into())))
                    .at_line(line)
                    .help(format!("kohderyhmä kirjoitetaan painopisteen alle kolmella risuaidalla, esim.\n## {}\n### {}", priorities.first().map_or("Painopiste", |p| p.name.as_str()), t.name))));
            } else if let Some(t) = nearest(text, &priorities) {
                out.push(severity(lost, Diagnostic::new(path, format!("otsikko \"{text}\" ei ole tämän vuoden painopiste, mutta muistuttaa painopistettä \"{}\"", t.name))
                    .at_line(line)
                    .help(format!("jos otsikko tarkoittaa tätä painopistettä, kirjoita \"## {}\", jotta sen alla olevat nostot tunnistetaan; tämän vuoden painopisteet: {}", t.name, names(&priorities)))));
            }
            if level == 2 {
                st.other_h2 = Some((text, line));
            }
        }
        3 => match (st.priority, target) {
            (Some((pid, _)), Some((tid, tterm))) => {
                if !st.seen.insert((pid, Some(tid))) {
                    out.push(Diagnostic::new(path, format!("kohderyhmä \"{}\" on saman painopisteen alla kahdesti", tterm.name))
                        .at_line(line)
                        .help("kirjoita saman painopisteen ja kohderyhmän kaikki nostot yhden otsikon alle"));
                }
                st.cell = Some((line, false));
            }
            (Some(_), None) if priority.is_some() => {
                let (_, p) = priority.expect("checked by the guard");
                out.push(
                    Diagnostic::new(
                        path,
                        format!(
                            "painopiste \"{}\" on ###-tason otsikko toisen painopisteen alla",
                            p.name
                        ),
                    )
                    .at_line(line)
                    .help(format!(
                        "painopisteen otsikko kirjoitetaan kahdella risuaidalla: \"## {}\"",
                        p.name
                    )),
                );
            }
            (Some((_, pterm)), None) => {
                out.push(unknown_target(path, line, text, pterm, vocab, &targets));
            }
            (None, Some((_, tterm))) => {
                let under = match st.other_h2 {
                    Some((h2, h2_line)) => format!(
                        "sen yläpuolella oleva ##-otsikko \"{h2}\" (rivi {h2_line}) ei ole painopiste"
                    ),
                    None => "sen yläpuolella ei ole painopisteen ##-otsikkoa".to_string(),
                };
                let hint = st
                    .other_h2
                    .and_then(|(h2, _)| nearest(h2, &priorities))
                    .map(|p| format!("tarkoititko \"## {}\"? ", p.name))
                    .unwrap_or_default();
                let lead = if hint.is_empty() { "k" } else { "K" };
                out.push(Diagnostic::new(path, format!("kohderyhmän \"{}\" nostot eivät ole minkään painopisteen alla: {under}", tterm.name))
                    .at_line(line)
                    .help(format!("{hint}{lead}ohderyhmän ###-otsikon yläpuolella pitää olla painopisteen ##-otsikko; tämän vuoden painopisteet: {}", names(&priorities))));
            }
            (None, None) => {
                if let Some((_, p)) = priority {
                    out.push(severity(
                        findings_follow(rest, vocab),
                        Diagnostic::new(
                            path,
                            format!("painopiste \"{}\" on ###-tason otsikko", p.name),
                        )
                        .at_line(line)
                        .help(format!(
                            "painopisteen otsikko kirjoitetaan kahdella risuaidalla: \"## {}\"",
                            p.name
                        )),
                    ));
                }
            }
        },
        _ => {
            if st.priority.is_some() && (target.is_some() || vocab.priority(text).is_some()) {
                out.push(Diagnostic::warning(path, format!("otsikko \"{text}\" on {}-tasolla, eikä sen alla olevia nostoja tunnisteta kohderyhmän nostoiksi", "#".repeat(level.into())))
                    .at_line(line)
                    .help("kohderyhmän otsikko kirjoitetaan kolmella risuaidalla (###) painopisteen ##-otsikon alle"));
            }
        }
    }
}

/// A level-3 heading under a priority area that is none of the year's
/// target groups.
fn unknown_target(
    path: &Path,
    line: usize,
    text: &str,
    pterm: &Term,
    vocab: &Vocabulary<'_>,
    targets: &[&Term],
) -> Diagnostic {
    let other_year = vocab.all_targets.iter().find(|t| t.matches(text));
    let help = match (other_year, nearest(text, targets)) {
        (Some(t), _) => format!(
            "\"{}\" on site.toml-tiedoston kohderyhmä, mutta tämä vuosi ei käytä sitä; lisää se vuoden _index.md-tiedoston `target_groups`-luetteloon tai käytä jotakin näistä: {}",
            t.name,
            names(targets)
        ),
        (None, Some(t)) => format!("tarkoititko \"### {}\"?", t.name),
        (None, None) => format!(
            "painopisteen alla ###-otsikko on aina vuoden kohderyhmä: {}; kirjoita muut väliotsikot ####-tasolle",
            names(targets)
        ),
    };
    Diagnostic::new(
        path,
        format!(
            "otsikko \"{text}\" painopisteen \"{}\" alla ei ole tämän vuoden kohderyhmä",
            pterm.name
        ),
    )
    .at_line(line)
    .help(help)
}

/// A paragraph that was meant as a heading: `##Arjen turvallisuus` (no
/// space after the `#`s), or a bold or short line that names a priority
/// area or target group.
#[allow(clippy::too_many_arguments)]
fn paragraph(
    path: &Path,
    line: usize,
    text: &str,
    emphasis_only: bool,
    words: usize,
    vocab: &Vocabulary<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let priorities: Vec<&Term> = vocab.priorities.iter().map(|(_, t)| *t).collect();
    let targets: Vec<&Term> = vocab.targets.iter().map(|(_, t)| *t).collect();
    let bare = text.trim_start_matches('#').trim();
    // The nearest names are looked for only in a line that may be meant
    // as a heading: most paragraphs are plain prose.
    let named = || {
        vocab
            .priority(bare)
            .map(|(_, t)| t)
            .or(vocab.target(bare).map(|(_, t)| t))
            .or_else(|| nearest(bare, &priorities))
            .or_else(|| nearest(bare, &targets))
    };
    if text.starts_with('#') {
        let hashes = text.len() - text.trim_start_matches('#').len();
        let fixed = format!("{} {bare}", "#".repeat(hashes));
        let d = Diagnostic::new(
            path,
            format!(
                "rivi \"{}\" alkaa #-merkillä, mutta se ei ole otsikko",
                short(text)
            ),
        )
        .at_line(line)
        .help(format!(
            "otsikon #-merkkien jälkeen tulee välilyönti: \"{fixed}\""
        ));
        // Naming a priority area or target group, it was meant as one.
        out.push(match named() {
            Some(_) => d,
            None => Diagnostic {
                severity: crate::diagnostic::Severity::Warning,
                ..d
            },
        });
        return;
    }
    let heading_like =
        emphasis_only || (words <= 4 && !text.ends_with(['.', '!', '?', ':', ';', ',']));
    if let Some(t) = heading_like.then(named).flatten() {
        let level = if vocab.priority(bare).is_some() || priorities.iter().any(|p| p.name == t.name)
        {
            "##"
        } else {
            "###"
        };
        out.push(Diagnostic::warning(path, format!("rivi \"{}\" näyttää otsikolta, mutta se on tavallista tekstiä", short(text)))
            .at_line(line)
            .help(format!("jos rivi on otsikko, kirjoita se otsikoksi: \"{level} {}\", jotta sen alla olevat nostot tunnistetaan", t.name)));
    }
}

/// At most 60 characters of a text, for a message.
fn short(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(59).collect::<String>())
    }
}
