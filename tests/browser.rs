//! Every page of the real site, and of the made-up region's fixture, in
//! headless Chromium: axe-core (WCAG 2.2 AA and best practice), the skip
//! link, reflow at 320 px, and the Nu Html Checker. The checks themselves
//! are in tests/browser/check.mjs.
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
    ])
}

fn check_in_browser(site: &Path) {
    let out = tempdir();
    let public = out.path().join("public");
    build(site, &public, &[]).assert_no_panic().assert_code(0);
    browser_script("check.mjs", &public, "no problems");
}

fn every_page_of_the_real_site_passes_axe_nu_keyboard_and_reflow_checks() {
    check_in_browser(Path::new(env!("CARGO_MANIFEST_DIR")));
}

fn every_page_of_the_fixture_site_passes_axe_nu_keyboard_and_reflow_checks() {
    check_in_browser(&fixture());
}
