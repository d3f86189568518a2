//! Step 4: pages to HTML with minijinja, in parallel.
//!
//! One [`Environment`] per build holds every template, parsed once: the
//! theme's `templates/`, overridden file by file by the site's own
//! `templates/`. Undefined variables are errors and output is HTML-escaped.
//! The templates' words come from the theme's language file ([`i18n`]).
//! Each output file is a [`Job`]; jobs render on rayon's pool and are
//! handed to a sink as soon as they are done, so a build never holds the
//! whole site in memory.

pub mod chart;
mod jobs;
pub mod terms;
pub mod toc;
pub mod views;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Error};
use crate::model::{PageId, Site};
use crate::routes::Languages;
use jobs::{Job, job_context, jobs};
use views::*;

/// The templates of a build and where each came from.
pub struct Templates {
    env: Environment<'static>,
    paths: HashMap<String, PathBuf>,
    /// The theme's words, for what the build writes itself.
    words: std::sync::Arc<crate::i18n::Strings>,
}

/// Reads every template of the theme and the site's overrides, with the
/// theme's words in `language`.
pub fn templates(root: &Path, theme: &str, language: &str) -> Result<Templates, Error> {
    let mut diags = Diagnostics::default();
    let strings = match crate::i18n::load(root, theme, language) {
        Ok(s) => s,
        Err(Error::Content(ds)) => {
            diags.extend(ds);
            crate::i18n::Strings::default()
        }
        Err(e) => return Err(e),
    };
    let words = std::sync::Arc::new(strings);
    let mut env = environment(words.clone())?;
    let mut paths: HashMap<String, PathBuf> = HashMap::new();
    for file in crate::theme::files(root, theme, "templates")? {
        let path = file.display("templates");
        let text = file
            .bytes()
            .ok()
            .and_then(|b| String::from_utf8(b.into_owned()).ok());
        paths.insert(file.rel.clone(), path.clone());
        match text {
            Some(text) => {
                if let Err(e) = env.add_template_owned(file.rel.clone(), text) {
                    diags.push(template_diagnostic(&e, &paths));
                }
            }
            None => diags.push(
                Diagnostic::new(
                    &path,
                    "sivupohja ei ole UTF-8-merkistöllä tallennettua tekstiä",
                )
                .help("tallenna sivupohja tekstieditorissa UTF-8-merkistöllä"),
            ),
        }
    }
    diags.finish()?;
    Ok(Templates { env, paths, words })
}

/// The template engine's settings, filters and functions.
fn environment(
    strings: std::sync::Arc<crate::i18n::Strings>,
) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Block tags leave no blank lines behind, as in most Jinja setups.
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
        .map_err(|e| Error::Internal(e.to_string()))?;
    env.set_syntax(syntax);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") || name.ends_with(".xml") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    // Escapes & < > " ' but leaves '/' alone (minijinja's default writes
    // "&#x2f;" in every URL, valid but hard to read and to grep).
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe() && !value.is_none() {
            // A string is printed as it is, without a copy.
            let owned;
            let text = match value.as_str() {
                Some(s) => s,
                None => {
                    owned = value.to_string();
                    &owned
                }
            };
            let text = crate::text::without_controls(text);
            out.write_str(&html_escape::encode_quoted_attribute(&text))
                .map_err(|_| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "ei voi kirjoittaa")
                })
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    // Dates and times in the words of the templates' language (the
    // filters keep the names they had when every site was Finnish).
    let words = strings.clone();
    env.add_filter("date_fi", move |v: String| {
        match v.parse::<jiff::civil::Date>() {
            Ok(d) => words.date(d),
            Err(_) => v,
        }
    });
    let words = strings.clone();
    env.add_filter("time_fi", move |v: String| {
        match v.parse::<jiff::civil::Time>() {
            Ok(t) => words.time(t),
            Err(_) => v,
        }
    });
    env.add_filter("paragraphs", paragraphs);
    env.add_function("tr", move |key: &str, args: minijinja::value::Kwargs| {
        strings.tr(key, args)
    });
    Ok(env)
}

fn template_diagnostic(e: &minijinja::Error, paths: &HashMap<String, PathBuf>) -> Diagnostic {
    let path = e
        .name()
        .and_then(|n| paths.get(n).cloned())
        .unwrap_or_else(|| PathBuf::from(e.name().unwrap_or("template")));
    let mut message = format!("sivupohja ei toimi: {}", kind_fi(e.kind()));
    if let Some(detail) = e.detail() {
        // minijinja's own words, kept as they are for searching its docs.
        message.push_str(" (minijinja: ");
        message.push_str(detail);
        message.push(')');
    }
    Diagnostic::new(path, message)
        .with_line(e.line())
        .help("korjaa sivupohja (minijinja-kieli, kuten Jinja2); sivuston oman templates/-kansion tiedosto korvaa teeman samannimisen sivupohjan")
}

/// The kind of a template error in Finnish.
fn kind_fi(kind: minijinja::ErrorKind) -> &'static str {
    use minijinja::ErrorKind as K;
    match kind {
        K::SyntaxError => "kielioppivirhe",
        K::UndefinedError => "arvoa ei ole",
        K::UnknownFilter => "tuntematon suodatin",
        K::UnknownFunction => "tuntematon funktio",
        K::UnknownTest => "tuntematon testi",
        K::UnknownMethod => "tuntematon metodi",
        K::TemplateNotFound => "sivupohjaa ei löydy",
        K::InvalidOperation => "toimintoa ei voi tehdä tälle arvolle",
        K::MissingArgument => "argumentti puuttuu",
        K::TooManyArguments => "liikaa argumentteja",
        K::BadEscape => "virheellinen kenoviivamerkintä merkkijonossa",
        K::BadInclude => "sisällytettävä sivupohja ei kelpaa",
        K::BadSerialization => "arvoa ei voi muuttaa tekstiksi",
        K::CannotUnpack => "arvoa ei voi purkaa osiin",
        _ => "virhe",
    }
}

/// Plain text cut into paragraphs at blank lines, lines joined.
fn paragraphs(v: String) -> Vec<String> {
    v.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where rendered files go: (path relative to the output folder, bytes).
pub type Sink<'a> = dyn Fn(&str, &[u8]) -> Result<(), Error> + Sync + 'a;

/// Renders every page of `site` and gives each file to `sink` (path
/// relative to the output folder, bytes). Problems are collected.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    languages: &Languages<'_>,
    sink: &Sink<'_>,
) -> Result<(), Error> {
    let jobs = jobs(site)?;
    // Values shared by many pages are converted once.
    let year_values: HashMap<i32, Value> = site
        .years
        .iter()
        .map(|y| (y.number, Value::from(Serde(year_view(site, y)))))
        .collect();
    let site_value = Value::from(Serde(site_view(site, &templates.words)));
    let results: Vec<Result<(), Error>> = jobs
        .par_iter()
        .map(|job| {
            let html = render_job(site, templates, languages, job, &site_value, &year_values)?;
            sink(&job.output(site), html.as_bytes())
        })
        .collect();
    let mut diags = Diagnostics::default();
    for r in results {
        match r {
            Ok(()) => {}
            Err(Error::Content(ds)) => diags.extend(ds),
            Err(e) => return Err(e),
        }
    }
    diags.finish().map(|_| ())
}

fn render_job(
    site: &Site,
    templates: &Templates,
    languages: &Languages<'_>,
    job: &Job,
    site_value: &Value,
    year_values: &HashMap<i32, Value>,
) -> Result<String, Error> {
    let words = &*templates.words;
    let (template, ctx) = job_context(site, words, job, site_value, year_values);
    let versions = job
        .target()
        .map(|t| languages.versions(&site.config.language, t))
        .unwrap_or_default();
    let ctx = minijinja::context! { languages => Value::from(Serde(versions)), ..ctx };
    templates
        .env
        .get_template(&template)
        .and_then(|t| t.render(ctx))
        .map(|html| toc::fill(html, words.text("toc.heading"), words.text("toc.here")))
        .map_err(|e| Error::content(template_problem(&e, &template, site, job, &templates.paths)))
}

impl Templates {
    /// The theme's words in the templates' language.
    pub fn words(&self) -> &crate::i18n::Strings {
        &self.words
    }
}

/// Renders pages one at a time when asked, for the preview server: after
/// an edit only the pages that depend on the edited file are made again,
/// and only when a browser asks for them.
pub struct OnDemand {
    site: std::sync::Arc<Site>,
    templates: std::sync::Arc<Templates>,
    site_value: Value,
    jobs: std::sync::Arc<HashMap<String, Job>>,
}

impl OnDemand {
    pub fn new(
        site: std::sync::Arc<Site>,
        templates: std::sync::Arc<Templates>,
    ) -> Result<OnDemand, Error> {
        let jobs = std::sync::Arc::new(
            jobs(&site)?
                .into_iter()
                .map(|j| (j.output(&site), j))
                .collect(),
        );
        let site_value = Value::from(Serde(site_view(&site, &templates.words)));
        Ok(OnDemand {
            site,
            templates,
            site_value,
            jobs,
        })
    }

    /// The same pages made from `site`, which has the same pages at the
    /// same URLs with other text (see [`crate::model::update_body`]).
    pub fn with_site(&self, site: std::sync::Arc<Site>) -> OnDemand {
        OnDemand {
            site_value: Value::from(Serde(site_view(&site, &self.templates.words))),
            site,
            templates: self.templates.clone(),
            jobs: self.jobs.clone(),
        }
    }

    pub fn site(&self) -> &std::sync::Arc<Site> {
        &self.site
    }

    pub fn templates(&self) -> &std::sync::Arc<Templates> {
        &self.templates
    }

    /// The file at `rel` (relative to the output folder), if it is a page.
    pub fn render(&self, rel: &str) -> Option<Result<String, Error>> {
        let job = self.jobs.get(rel)?;
        let site = &*self.site;
        // Only the year the page needs is converted.
        let year = match job {
            Job::Page(id) => site.pages[*id].year.and_then(|y| site.year(y)),
            _ => None,
        };
        let year_values: HashMap<i32, Value> = year
            .map(|y| (y.number, Value::from(Serde(year_view(site, y)))))
            .into_iter()
            .collect();
        Some(render_job(
            site,
            &self.templates,
            &Languages::one(site),
            job,
            &self.site_value,
            &year_values,
        ))
    }

    /// The pages whose HTML may change when the body of page `id` changes
    /// (its front matter staying as it was): the page, the pages of its
    /// year, the front page, and the cross views that repeat its findings.
    pub fn dependents(&self, id: PageId) -> Vec<String> {
        let site = &*self.site;
        let page = &site.pages[id];
        self.jobs
            .iter()
            .filter(|(_, job)| match **job {
                Job::Page(other) => {
                    let p = &site.pages[other];
                    other == id
                        || p.kind == crate::model::Kind::Home
                        || (p.year.is_some() && p.year == page.year)
                }
                Job::Municipality(m) => site
                    .group(id)
                    .is_some_and(|g| g.municipalities.contains(&crate::config::MunicipalityId(m))),
                Job::Priority(_) => matches!(
                    page.kind,
                    crate::model::Kind::Year
                        | crate::model::Kind::Group
                        | crate::model::Kind::Perspective
                ),
                _ => false,
            })
            .map(|(rel, _)| rel.clone())
            .collect()
    }
}

fn template_problem(
    e: &minijinja::Error,
    template: &str,
    site: &Site,
    job: &Job,
    paths: &HashMap<String, PathBuf>,
) -> Diagnostic {
    if e.kind() == minijinja::ErrorKind::TemplateNotFound
        && e.name().is_none_or(|n| n == template)
        && let Job::Page(id) = job
        && let Some(src) = &site.pages[*id].source
    {
        return Diagnostic::new(src, format!("sivupohjaa \"{template}\" ei ole"))
                    .help("tarkista alkutietojen `template`; sivupohjat ovat teeman templates/-kansiossa tai sivuston omassa templates/-kansiossa");
    }
    template_diagnostic(e, paths)
}
