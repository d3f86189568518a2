//! The sitemap, robots.txt and the Atom feed. Text is escaped with
//! quick-xml; every URL is absolute, from `base_url`.

use jiff::civil::Date;

use crate::model::{Kind, Site};
use crate::routes::{Languages, Target};

/// XML-escaped `text`, with what may not go out
/// ([`crate::text::forbidden`], the characters XML 1.0 forbids or
/// discourages) as U+FFFD.
fn escape(text: impl AsRef<str>) -> String {
    let text = crate::text::without_controls(text.as_ref());
    quick_xml::escape::escape(text.as_ref()).into_owned()
}

/// The latest update date of the content, if any page has one.
pub fn latest(site: &Site) -> Option<Date> {
    site.pages.iter().filter_map(|p| p.updated).max()
}

/// `/sitemap.xml`: every page of every language, with its update date
/// where known and, on a site in more than one language, the page's
/// translations as `xhtml:link` alternates.
pub fn sitemap(languages: &Languages<'_>) -> String {
    let multilingual = languages.sites.len() > 1;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if multilingual {
        out.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    out.push_str(">\n");
    for (site, _) in &languages.sites {
        let newest = latest(site);
        for target in crate::routes::targets(site) {
            let Some(url) = target.url(site) else {
                continue;
            };
            let lastmod = match target {
                Target::Page(id) => site.pages[id].updated,
                _ => newest,
            };
            out.push_str("  <url><loc>");
            out.push_str(&escape(site.config.absolute(&url)));
            out.push_str("</loc>");
            if let Some(d) = lastmod {
                out.push_str(&format!("<lastmod>{d}</lastmod>"));
            }
            if multilingual {
                alternates(&mut out, languages, &site.config.language, target);
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}
/// The `xhtml:link` alternates of a sitemap entry: every translated
/// version, when this one is translated, and `x-default` (the main
/// language's).
fn alternates(out: &mut String, languages: &Languages<'_>, current: &str, target: Target) {
    let versions = languages.versions(current, target);
    if !versions.iter().any(|v| v.current && v.translated) {
        return;
    }
    for v in versions.iter().filter(|v| v.translated) {
        out.push_str(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            escape(&v.code),
            escape(&v.permalink)
        ));
    }
    if let Some(main) = versions.first() {
        out.push_str(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
            escape(&main.permalink)
        ));
    }
}

/// `/robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.absolute("/sitemap.xml")
    )
}

fn rfc3339(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

struct Entry {
    id: String,
    title: String,
    url: String,
    updated: Date,
    summary: String,
}

/// A measure agreed and each follow-up of it, as feed entries: a measure
/// dated when it was agreed, a follow-up by its own date (or its page's).
fn measure_entries(site: &Site, fallback: Date) -> Vec<Entry> {
    let c = &site.config;
    let mut out = Vec::new();
    for (i, m) in site.measures.iter().enumerate() {
        let url = c.absolute(&site.routes.measure(&m.id));
        let page = &site.pages[m.page];
        out.push(Entry {
            id: url.clone(),
            title: m.title.clone(),
            url: url.clone(),
            updated: m.agreed.or(page.updated).unwrap_or(fallback),
            summary: m.responsible.clone(),
        });
        for (n, f) in site.followups_of(i).into_iter().enumerate() {
            let status = site
                .words
                .text(&format!("measure_status.{}", status_key(f.status)));
            out.push(Entry {
                id: format!("{url}-{n}"),
                title: format!("{}: {status}", m.title),
                url: url.clone(),
                updated: f.date.or(site.pages[f.page].updated).unwrap_or(fallback),
                summary: f.note.clone(),
            });
        }
    }
    out
}

/// The language-file key of a follow-up status (`measure_status.<key>`).
pub fn status_key(s: crate::model::FollowupStatus) -> &'static str {
    use crate::model::FollowupStatus as F;
    match s {
        F::Agreed => "agreed",
        F::InProgress => "in_progress",
        F::Done => "done",
        F::Delayed => "delayed",
        F::Dropped => "dropped",
    }
}

/// `/atom.xml`: years, municipality group pages, decisions, measures and
/// their follow-up, newest first, with dates from the content.
pub fn atom(site: &Site) -> String {
    let c = &site.config;
    let fallback = latest(site).unwrap_or(Date::constant(1970, 1, 1));
    let mut entries: Vec<Entry> = Vec::new();
    for y in &site.years {
        let page = &site.pages[y.page];
        let url = site.config.absolute(&page.url);
        let dated = y
            .decisions
            .iter()
            .map(|d| d.date)
            .chain(y.sessions.iter().filter_map(|s| s.date))
            .max();
        entries.push(Entry {
            id: url.clone(),
            title: page.title.clone(),
            url: url.clone(),
            updated: page.updated.or(dated).unwrap_or(fallback),
            summary: y.summary.clone(),
        });
        for d in &y.decisions {
            let anchor = crate::routes::decision_anchor(d);
            let mut title = format!("{} {}", d.body, site.words.date(d.date));
            if let Some(section) = &d.section {
                title.push(' ');
                title.push_str(section);
            }
            title.push_str(": ");
            title.push_str(&d.title);
            entries.push(Entry {
                id: format!("{url}#{anchor}"),
                title,
                url: format!("{url}#{anchor}"),
                updated: d.date,
                summary: d.decision.clone().unwrap_or_default(),
            });
        }
    }
    for (id, p) in site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == Kind::Group)
    {
        let url = site.config.absolute(&p.url);
        let group = site.group(id);
        entries.push(Entry {
            id: url.clone(),
            title: p.title.clone(),
            url,
            updated: p.updated.or(group.and_then(|g| g.date)).unwrap_or(fallback),
            summary: group.map(|g| g.summary.clone()).unwrap_or_default(),
        });
    }
    entries.extend(measure_entries(site, fallback));
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(fallback);

    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
    );
    out.push_str(&escape(c.language.as_str()));
    out.push_str("\">\n");
    out.push_str(&format!("  <id>{}</id>\n", escape(c.base_url.as_str())));
    out.push_str(&format!("  <title>{}</title>\n", escape(c.title.as_str())));
    if !c.description.is_empty() {
        out.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            escape(c.description.as_str())
        ));
    }
    out.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(c.region.county.as_str())
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        escape(site.config.absolute("/atom.xml"))
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(c.base_url.as_str())
    ));
    for e in entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", escape(e.id)));
        out.push_str(&format!("    <title>{}</title>\n", escape(e.title)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(e.url)
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", rfc3339(e.updated)));
        if !e.summary.is_empty() {
            out.push_str(&format!("    <summary>{}</summary>\n", escape(e.summary)));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
