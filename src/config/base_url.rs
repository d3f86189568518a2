//! The address the site is published at (`base_url`): checked, joined
//! with site-relative URLs, and recognised when it is a placeholder
//! (`example.fi`, `localhost`, …) that a published site never has.

use std::path::Path;

use super::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};

impl Config {
    /// The absolute URL of a site-relative one: `/2025/` →
    /// `https://example.org/hyte/2025/`.
    pub fn absolute(&self, rel: &str) -> String {
        format!("{}{}", self.base_url, rel.trim_start_matches('/'))
    }

    /// The path part of `base_url`: `/` or e.g. `/hyte/`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .find("://")
            .map(|i| &self.base_url[i + 3..])
            .unwrap_or(&self.base_url);
        match after_scheme.find('/') {
            Some(i) => &after_scheme[i..],
            None => "/",
        }
    }

    /// The line of `base_url` in `site.toml` when it is a placeholder (a
    /// host such as `example.fi`, `hyte.example.fi`, `localhost`,
    /// `127.0.0.1` or one under `.test` or `.invalid`); `None` when it is
    /// a real address, or when `--base-url` on the command line gave it.
    pub fn placeholder_base_url(&self) -> Option<usize> {
        self.base_url_line
            .filter(|_| is_placeholder(&self.base_url))
    }
}

/// `base_url` (from `site.toml` at `line`, or from the command line),
/// ending with `/`; a problem unless it is a whole web address or a path.
pub(super) fn checked_base_url(
    base: &str,
    line: Option<usize>,
    display: &Path,
    diags: &mut Diagnostics,
) -> String {
    if !(base.starts_with("http://") || base.starts_with("https://") || base.starts_with('/')) {
        diags.push(
            Diagnostic::new(
                display,
                format!("base_url \"{base}\" ei ole täydellinen verkko-osoite"),
            )
            .with_line(line)
            .help("kirjoita osoite alusta loppuun, esim. https://example.org/ (myös alikansio käy, esim. https://example.org/hyte/)"),
        );
    }
    if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// Whether the host of `url` is one that is never a published site's.
fn is_placeholder(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let last = labels.last().copied().unwrap_or("");
    labels.contains(&"example")
        || matches!(last, "localhost" | "test" | "invalid")
        || host == "127.0.0.1"
        || host == "::1"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::tests::config;

    #[test]
    fn placeholder_hosts() {
        for url in [
            "https://example.org/",
            "https://example.fi/hyte/",
            "https://hyte.example.fi/",
            "https://www.example/",
            "http://localhost:1111/",
            "http://127.0.0.1/",
            "http://[::1]:8080/",
            "https://hyte.test/",
            "https://a.b.invalid/",
            "https://user@Example.COM./",
        ] {
            assert!(is_placeholder(url), "{url}");
        }
        for url in [
            "https://hyte.hyvaks.fi/",
            "https://myexample.fi/",
            "https://example-kunta.fi/",
            "https://testi.fi/",
            "/",
            "/hyte/",
        ] {
            assert!(!is_placeholder(url), "{url}");
        }
    }

    #[test]
    fn placeholder_base_url_is_at_its_line_unless_overridden() {
        let text = "title = 't'\n\nbase_url = 'https://hyte.example.fi/'\n";
        assert_eq!(config(text, None).placeholder_base_url(), Some(3));
        let c = config(text, Some("https://hyte.example.fi/"));
        assert_eq!(c.placeholder_base_url(), None);
        let c = config("title = 't'\nbase_url = 'https://hyte.hyvaks.fi/'\n", None);
        assert_eq!(c.placeholder_base_url(), None);
    }
}
