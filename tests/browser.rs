//! Every page of the real site, and of the made-up region's fixture, in
//! headless Chromium: axe-core (WCAG 2.2 AA and best practice), the skip
//! link, reflow at 320 px, and the Nu Html Checker. The checks themselves
//! are in tests/browser/check.mjs.
//!
//! They need Chromium, Java and `npm ci` in tests/browser (`.ci/run`
//! installs all three). Where those are missing the test says so and
//! passes, unless HYTE_REQUIRE_TOOLS is set, as in CI, where it fails.

mod common;

use std::path::Path;

use common::*;

fn check_in_browser(site: &Path) {
    if browser_tools_missing(true).is_some() {
        return;
    }
    let out = tempdir();
    let public = out.path().join("public");
    build(site, &public, &[]).assert_no_panic().assert_code(0);
    browser_script("check.mjs", &public, "no problems");
}

#[test]
fn every_page_of_the_real_site_passes_axe_nu_keyboard_and_reflow_checks() {
    check_in_browser(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn every_page_of_the_fixture_site_passes_axe_nu_keyboard_and_reflow_checks() {
    check_in_browser(&fixture());
}
