//! The fuzz targets' kept corpus, replayed on stable Rust: every input in
//! `fuzz/corpus/<target>/` (coverage-minimised, and every crash found so
//! far) goes through the same function `cargo fuzz` runs, with the same
//! checks of the output. See `fuzz/src/lib.rs`.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

use std::path::Path;

/// Runs every input of `target`; returns how many made what the target
/// makes (a source, findings, a rendered page), so that a corpus that no
/// longer reaches the deep end is noticed.
fn replay(target: &str, run: fn(&[u8]) -> bool) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 20, "{target}: only {} inputs", inputs.len());
    let mut made = 0;
    for input in &inputs {
        let data = std::fs::read(input).unwrap();
        match std::panic::catch_unwind(|| run(&data)) {
            Ok(m) => made += usize::from(m),
            Err(_) => panic!("{target} failed on {}", input.display()),
        }
    }
    eprintln!(
        "{target}: {made} of {} inputs went all the way",
        inputs.len()
    );
    made
}

#[test]
fn front_matter_corpus() {
    assert!(replay("front_matter", targets::front_matter) >= 10);
}

#[test]
fn markdown_corpus() {
    assert!(replay("markdown", targets::markdown) >= 10);
}

#[test]
fn site_toml_corpus() {
    assert!(replay("site_toml", targets::site_toml) >= 10);
}

#[test]
fn page_corpus() {
    assert!(replay("page", targets::page) >= 10);
}
