//! A build does not depend on how many threads made it: the real site
//! (the repository root), the fixture Järvilaakso and the bilingual
//! example, each built with `RAYON_NUM_THREADS` = 1, 2 and 8 on the same
//! date, give the same files with the same bytes.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

/// The thread counts compared; the first is the reference.
const THREADS: [usize; 3] = [1, 2, 8];

/// `root` built with `threads` rendering threads into `output`.
fn build_with_threads(root: &Path, output: &Path, threads: usize) {
    let out = hyte()
        .env("RAYON_NUM_THREADS", threads.to_string())
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .output()
        .expect("hyte can be started");
    assert!(
        out.status.success(),
        "building {} with {threads} threads failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

type Tree = BTreeMap<PathBuf, Option<Vec<u8>>>;

/// The first path (in sorted order) at which two output trees differ,
/// with how: missing from one of them, or where its bytes first differ.
fn first_difference(a: &Tree, b: &Tree) -> Option<String> {
    let paths: std::collections::BTreeSet<&PathBuf> = a.keys().chain(b.keys()).collect();
    paths.into_iter().find_map(|path| {
        let shown = path.display();
        match (a.get(path), b.get(path)) {
            (Some(x), Some(y)) if x == y => None,
            (None, _) => Some(format!("{shown} is only in the second")),
            (_, None) => Some(format!("{shown} is only in the first")),
            (Some(Some(x)), Some(Some(y))) => {
                let at = x
                    .iter()
                    .zip(y)
                    .position(|(p, q)| p != q)
                    .unwrap_or(x.len().min(y.len()));
                Some(format!(
                    "{shown} differs from byte {at} ({} and {} bytes)",
                    x.len(),
                    y.len()
                ))
            }
            _ => Some(format!(
                "{shown} is a folder in one and a file in the other"
            )),
        }
    })
}

/// Builds `root` with each of [`THREADS`] and asserts the outputs are the
/// same as the first.
fn same_with_any_threads(root: &Path) {
    let tmp = tempdir();
    let trees: Vec<(usize, Tree)> = THREADS
        .iter()
        .map(|&n| {
            let output = tmp.path().join(format!("public-{n}"));
            build_with_threads(root, &output, n);
            (n, snapshot(&output))
        })
        .collect();
    let (one, reference) = &trees[0];
    assert!(
        reference.values().any(Option::is_some),
        "{} built no files",
        root.display()
    );
    for (n, tree) in &trees[1..] {
        if let Some(difference) = first_difference(reference, tree) {
            panic!(
                "{} built with {one} and with {n} threads differs: {difference}",
                root.display()
            );
        }
    }
}

#[test]
fn the_real_site_is_the_same_with_any_number_of_threads() {
    same_with_any_threads(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn the_fixture_is_the_same_with_any_number_of_threads() {
    same_with_any_threads(&fixture());
}

#[test]
fn the_bilingual_example_is_the_same_with_any_number_of_threads() {
    same_with_any_threads(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kaksikielinen"));
}

#[test]
fn a_difference_names_the_first_file() {
    let tree = |files: &[(&str, &[u8])]| -> Tree {
        files
            .iter()
            .map(|(p, b)| (PathBuf::from(p), Some(b.to_vec())))
            .collect()
    };
    let a = tree(&[("a.html", b"same"), ("b.html", b"one"), ("c.html", b"x")]);
    let b = tree(&[("a.html", b"same"), ("b.html", b"two"), ("d.html", b"x")]);
    assert_eq!(first_difference(&a, &a), None);
    assert_eq!(
        first_difference(&a, &b).as_deref(),
        Some("b.html differs from byte 0 (3 and 3 bytes)")
    );
    let c = tree(&[("a.html", b"same")]);
    assert_eq!(
        first_difference(&c, &a).as_deref(),
        Some("b.html is only in the second")
    );
}
