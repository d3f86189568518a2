//! Every page of the real site, and of the made-up region's fixture, in
//! headless Chromium: axe-core (WCAG 2.2 AA and best practice), the skip
//! link, reflow at 320 px, and the Nu Html Checker (tests/browser/check.mjs);
//! and what those do not see (tests/browser/readers.mjs): 200 % and 400 %
//! zoom, print on A4, forced colours, aria-current in the main navigation,
//! Chromium's accessibility tree (decorative characters, labels read twice,
//! link names, row headers), and one name, date format and status word for
//! one thing.
//!
//! They need node, Chromium (`$CHROMIUM`, else /usr/bin/chromium), Java and
//! `npm ci` in tests/browser (`.ci/run` installs them all). This target runs
//! under libtest-mimic (`harness = false` in Cargo.toml): where a tool is
//! missing, each test is reported as ignored with the reason and the
//! command that installs it, and fails instead if HYTE_REQUIRE_TOOLS=1 is
//! set, as in CI.

mod common;

use std::path::Path;
use std::process::ExitCode;

use common::*;

fn main() -> ExitCode {
    run_trials(vec![
        trial_needing(
            "every_page_of_the_real_site_passes_axe_nu_keyboard_and_reflow_checks",
            || browser_tools_missing(true),
            every_page_of_the_real_site_passes_axe_nu_keyboard_and_reflow_checks,
        ),
        trial_needing(
            "every_page_of_the_fixture_site_passes_axe_nu_keyboard_and_reflow_checks",
            || browser_tools_missing(true),
            every_page_of_the_fixture_site_passes_axe_nu_keyboard_and_reflow_checks,
        ),
        trial_needing(
            "every_page_of_the_real_site_reads_well_zoomed_printed_in_forced_colours_and_aloud",
            || browser_tools_missing(false),
            every_page_of_the_real_site_reads_well_zoomed_printed_in_forced_colours_and_aloud,
        ),
        trial_needing(
            "every_page_of_the_fixture_site_reads_well_zoomed_printed_in_forced_colours_and_aloud",
            || browser_tools_missing(false),
            every_page_of_the_fixture_site_reads_well_zoomed_printed_in_forced_colours_and_aloud,
        ),
        trial_needing(
            "every_page_of_the_bilingual_example_passes_axe_nu_keyboard_and_reflow_checks",
            || browser_tools_missing(true),
            every_page_of_the_bilingual_example_passes_axe_nu_keyboard_and_reflow_checks,
        ),
        trial_needing(
            "every_page_of_the_bilingual_example_reads_well_zoomed_printed_in_forced_colours_and_aloud",
            || browser_tools_missing(false),
            every_page_of_the_bilingual_example_reads_well_zoomed_printed_in_forced_colours_and_aloud,
        ),
    ])
}

fn example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kaksikielinen")
}

fn every_page_of_the_bilingual_example_passes_axe_nu_keyboard_and_reflow_checks() {
    check_in_browser(&example(), "check.mjs");
}

fn every_page_of_the_bilingual_example_reads_well_zoomed_printed_in_forced_colours_and_aloud() {
    check_in_browser(&example(), "readers.mjs");
}

fn check_in_browser(site: &Path, script: &str) {
    let out = tempdir();
    let public = out.path().join("public");
    build(site, &public, &[]).assert_no_panic().assert_code(0);
    browser_script(script, &public, "no problems");
}

fn every_page_of_the_real_site_passes_axe_nu_keyboard_and_reflow_checks() {
    check_in_browser(Path::new(env!("CARGO_MANIFEST_DIR")), "check.mjs");
}

fn every_page_of_the_fixture_site_passes_axe_nu_keyboard_and_reflow_checks() {
    check_in_browser(&fixture(), "check.mjs");
}

fn every_page_of_the_real_site_reads_well_zoomed_printed_in_forced_colours_and_aloud() {
    check_in_browser(Path::new(env!("CARGO_MANIFEST_DIR")), "readers.mjs");
}

fn every_page_of_the_fixture_site_reads_well_zoomed_printed_in_forced_colours_and_aloud() {
    check_in_browser(&fixture(), "readers.mjs");
}
