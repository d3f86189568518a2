//! The command line speaks Finnish: the help of every command, and the
//! usage errors, which exit with status 1.

mod common;

use common::*;

/// Words clap writes in English when left to itself.
const ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "[default:",
    "Print help",
    "Print version",
    "[OPTIONS]",
    "<COMMAND>",
];

fn assert_finnish_help(args: &[&str]) -> Run {
    let r = run(args);
    r.assert_no_panic().assert_code(0);
    assert!(r.stdout.contains("Käyttö: hyte"), "{args:?}:\n{}", r.stdout);
    assert!(r.stdout.contains("Näyttää tämän ohjeen"), "{}", r.stdout);
    for word in ENGLISH {
        assert!(
            !r.stdout.contains(word),
            "{args:?} help has {word:?}:\n{}",
            r.stdout
        );
    }
    r
}

#[test]
fn main_help_is_finnish() {
    let r = assert_finnish_help(&["--help"]);
    assert_contains_all(
        "hyte --help",
        &r.stdout,
        &[
            "Käyttö: hyte [VALINNAT] <KOMENTO>",
            "Komennot:",
            "Valinnat:",
            "Rakentaa sivuston kansioon <root>/public (tai --output)",
            "Tarkistaa koko sivuston",
            "Esikatselu selaimessa",
            "Luo uuden vuoden, kuntaryhmän tai näkökulman sivun",
            "--root <KANSIO>",
            "[oletus: .]",
            "-V, --version",
            "Näyttää version",
        ],
    );
    // No `help` subcommand with its English description.
    assert!(
        !r.stdout
            .lines()
            .any(|l| l.trim_start().starts_with("help ")),
        "{}",
        r.stdout
    );
    // -h is the same help.
    assert_eq!(run(["-h"]).stdout, r.stdout);
}

#[test]
fn build_help_is_finnish() {
    let r = assert_finnish_help(&["build", "--help"]);
    assert_contains_all(
        "hyte build --help",
        &r.stdout,
        &[
            "Rakentaa sivuston kansioon <root>/public (tai --output)",
            "Käyttö: hyte build [VALINNAT]",
            "Valinnat:",
            "--output <KANSIO>",
            "--base-url <OSOITE>",
            "--drafts",
            "Ottaa mukaan luonnokset",
            "--strict",
            "Myös varoitukset estävät rakentamisen",
            "--root <KANSIO>",
        ],
    );
}

#[test]
fn every_command_help_is_finnish() {
    let r = assert_finnish_help(&["check", "--help"]);
    assert_contains_all(
        "hyte check --help",
        &r.stdout,
        &["Käyttö: hyte check [VALINNAT]", "--external", "--strict"],
    );
    let r = assert_finnish_help(&["serve", "--help"]);
    assert_contains_all(
        "hyte serve --help",
        &r.stdout,
        &[
            "Käyttö: hyte serve [VALINNAT]",
            "--port <PORTTI>",
            "[oletus: 1111]",
            "[oletus: 127.0.0.1]",
            "Esimerkki:",
        ],
    );
    let r = assert_finnish_help(&["new", "--help"]);
    assert_contains_all(
        "hyte new --help",
        &r.stdout,
        &[
            "Käyttö: hyte new [VALINNAT] <KOMENTO>",
            "Komennot:",
            "year ",
            "group ",
            "perspective ",
            "Esimerkit:",
            "hyte new group 2027 \"Jyväskylä\" \"Muurame\"",
        ],
    );
    let r = assert_finnish_help(&["new", "group", "--help"]);
    assert_contains_all(
        "hyte new group --help",
        &r.stdout,
        &[
            "Käyttö: hyte new group [VALINNAT] <VUOSI> <KUNNAT>...",
            "Argumentit:",
            "Kunnat päätöksen mukaisessa järjestyksessä",
        ],
    );
    // The year comes before the municipalities, as on the command line.
    let at = |s: &str| r.stdout.find(s).unwrap();
    assert!(at("  <VUOSI>") < at("  <KUNNAT>"), "{}", r.stdout);
    assert_finnish_help(&["new", "year", "--help"]);
    assert_finnish_help(&["new", "perspective", "-h"]);
}

#[test]
fn version_is_printed() {
    let r = run(["--version"]);
    r.assert_no_panic().assert_code(0);
    assert_eq!(
        r.stdout.trim(),
        format!("hyte {}", env!("CARGO_PKG_VERSION"))
    );
}

/// A usage error: status 1, Finnish first, the usage line, clap's own
/// words last in brackets.
fn usage_error(args: &[&str]) -> Run {
    let r = run(args);
    r.assert_no_panic().assert_code(1);
    assert!(
        r.stdout.is_empty(),
        "{args:?} wrote to stdout: {}",
        r.stdout
    );
    assert!(r.stderr.starts_with("virhe: "), "{args:?}:\n{}", r.stderr);
    r.assert_stderr_contains("\n  = ohje: ");
    r.assert_stderr_contains("\nKäyttö: hyte");
    assert!(
        r.stderr.trim_end().ends_with(')') && r.stderr.contains("\n(clap: "),
        "{args:?}: clap's words are not last in brackets:\n{}",
        r.stderr
    );
    for word in ["Usage:", "error:", "tip:", "For more information"] {
        assert!(
            !r.stderr.contains(word),
            "{args:?} has {word:?}:\n{}",
            r.stderr
        );
    }
    r
}

#[test]
fn an_unknown_command_is_finnish_with_a_suggestion() {
    let r = usage_error(&["biuld"]);
    r.assert_stderr_contains("virhe: tuntematon komento \"biuld\"\n");
    r.assert_stderr_contains(
        "  = ohje: tarkoititko \"build\"? Komennot: build, check, serve, new, init\n",
    );
    r.assert_stderr_contains("Käyttö: hyte [VALINNAT] <KOMENTO>\n");
    r.assert_stderr_contains("(clap: unrecognized subcommand 'biuld')");

    let r = usage_error(&["new", "grop"]);
    r.assert_stderr_contains("tarkoititko \"group\"? Komennot: year, group, perspective");
    r.assert_stderr_contains("Käyttö: hyte new [VALINNAT] <KOMENTO>");

    // There is no `help` command: say what to write instead.
    let r = usage_error(&["help", "build"]);
    r.assert_stderr_contains("hyte build --help");
}

#[test]
fn an_unknown_option_is_finnish_with_a_suggestion() {
    let r = usage_error(&["build", "--outptu", "x"]);
    r.assert_stderr_contains("virhe: tuntematon valinta \"--outptu\"\n");
    r.assert_stderr_contains("  = ohje: tarkoititko \"--output\"?");
    r.assert_stderr_contains("Käyttö: hyte build [VALINNAT]\n");

    // An option of a command, written before it.
    let r = usage_error(&["--output", "x", "build"]);
    r.assert_stderr_contains("tarkoititko \"hyte build --output\"?");

    // A value where none is taken.
    let r = usage_error(&["build", "public"]);
    r.assert_stderr_contains("virhe: ylimääräinen arvo \"public\"");
}

#[test]
fn missing_and_invalid_values_are_finnish() {
    let r = usage_error(&["new", "group"]);
    r.assert_stderr_contains("pakolliset arvot puuttuvat: <VUOSI> <KUNNAT>...");
    r.assert_stderr_contains("esim. hyte new group 2027 \"Jyväskylä\" \"Muurame\"");
    r.assert_stderr_contains("Käyttö: hyte new group [VALINNAT] <VUOSI> <KUNNAT>...");

    let r = usage_error(&["new"]);
    r.assert_stderr_contains("\"hyte new\" tarvitsee vielä komennon");
    r.assert_stderr_contains("Komennot: year, group, perspective");

    let r = usage_error(&["serve", "--port", "abc"]);
    r.assert_stderr_contains("virhe: arvo \"abc\" ei kelpaa: --port <PORTTI>");
    r.assert_stderr_contains("  = ohje: portti on kokonaisluku 0–65535");
    r.assert_stderr_contains("Käyttö: hyte serve [VALINNAT]");

    let r = usage_error(&["serve", "--port"]);
    r.assert_stderr_contains("valinnalta --port <PORTTI> puuttuu arvo");

    let r = usage_error(&["new", "year", "vuosi"]);
    r.assert_stderr_contains("kirjoita vuosi neljällä numerolla");

    // A title of several words without quotes.
    let r = usage_error(&[
        "new",
        "perspective",
        "2027",
        "Järjestöt",
        "ja",
        "seurakunnat",
    ]);
    r.assert_stderr_contains("ylimääräinen arvo \"ja\"");
    r.assert_stderr_contains("lainausmerkkeihin");

    let r = usage_error(&["check", "--strict", "--strict"]);
    r.assert_stderr_contains("valinta --strict on annettu useammin kuin kerran");
}

#[test]
fn plain_hyte_shows_the_help() {
    let r = run::<[&str; 0], &str>([]);
    r.assert_no_panic().assert_code(1);
    assert!(
        r.stderr.contains("Käyttö: hyte [VALINNAT] <KOMENTO>"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Komennot:"), "{}", r.stderr);
}

#[test]
fn the_options_are_as_before() {
    // Every flag of every command is still accepted (on a folder that is
    // not a site, so nothing runs far).
    let dir = tempdir();
    let missing = dir.path().join("ei-ole");
    let root = missing.to_str().unwrap();
    for args in [
        &[
            "build",
            "--output",
            "x",
            "--base-url",
            "https://example.org/",
            "--drafts",
            "--strict",
        ][..],
        &[
            "check",
            "--base-url",
            "https://example.org/",
            "--drafts",
            "--external",
            "--strict",
        ],
        &["serve", "--port", "0", "--bind", "127.0.0.1", "--open"],
        &["new", "year", "2027"],
        &["new", "group", "2027", "A", "B"],
        &["new", "perspective", "2027", "X"],
    ] {
        let mut all = vec!["--root", root];
        all.extend_from_slice(args);
        let r = run(&all);
        r.assert_no_panic().assert_code(1);
        r.assert_stderr_contains("sivuston kansiota");
    }
}
