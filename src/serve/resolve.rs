//! Which file of the in-memory site a request path names.
//!
//! This is the only way from a URL to the site's files, and it never
//! reaches the file system: a path is decoded, anything that could climb
//! out (`..`, `.`, backslashes, NUL, undecodable bytes) names nothing, and
//! what is left is looked up in the map of the build. A folder's address
//! gives its `index.html`, and the same address without its slash is
//! redirected to it.

use std::collections::HashMap;

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Resolved {
    File(String),
    Redirect(String),
    NotFound,
}

/// The key in `files` for a request path. Only plain segments are
/// accepted: `..`, `.`, backslashes, NUL and undecodable bytes give
/// NotFound, whether written plainly or percent-encoded.
pub(super) fn resolve(path: &str, files: &HashMap<String, Vec<u8>>) -> Resolved {
    let Some(decoded) = percent_decode(path) else {
        return Resolved::NotFound;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolved::NotFound;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == ".." || *s == ".") {
        return Resolved::NotFound;
    }
    let key = segments.join("/");
    let dir_index = if key.is_empty() {
        "index.html".to_string()
    } else {
        format!("{key}/index.html")
    };
    if decoded.ends_with('/') || key.is_empty() {
        return if files.contains_key(&dir_index) {
            Resolved::File(dir_index)
        } else {
            Resolved::NotFound
        };
    }
    if files.contains_key(&key) {
        Resolved::File(key)
    } else if files.contains_key(&dir_index) {
        Resolved::Redirect(format!("/{key}/"))
    } else {
        Resolved::NotFound
    }
}

/// The decoded path, or None where it is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::test_files as files;

    #[test]
    fn paths_resolve_to_files_indexes_and_redirects() {
        let f = files();
        assert_eq!(resolve("/", &f), Resolved::File("index.html".into()));
        assert_eq!(
            resolve("/2025/", &f),
            Resolved::File("2025/index.html".into())
        );
        assert_eq!(resolve("/2025", &f), Resolved::Redirect("/2025/".into()));
        assert_eq!(
            resolve("/style.css", &f),
            Resolved::File("style.css".into())
        );
        assert_eq!(resolve("/2024/", &f), Resolved::NotFound);
    }

    #[test]
    fn traversal_never_resolves() {
        let f = files();
        for path in [
            "/../index.html",
            "/2025/../../index.html",
            "/%2e%2e/index.html",
            "/%2E%2E%2Findex.html",
            "/..%2f2025/",
            "/.%2e/x",
            "/%5c..%5cindex.html",
            "/%00",
            "/%zz",
            "/%e4",
        ] {
            assert_eq!(resolve(path, &f), Resolved::NotFound, "{path}");
        }
        // Doubled slashes are not absolute paths, only empty segments.
        assert_eq!(
            resolve("//2025/", &f),
            Resolved::File("2025/index.html".into())
        );
    }
}
