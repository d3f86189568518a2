//! Shared helpers for the end-to-end tests.
//!
//! The tests run the real `hyte` binary against fixture sites and look at
//! what it writes and prints. They know only the command-line interface.

#![allow(dead_code)] // each test crate uses a different subset

pub mod html;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The valid fixture site of the made-up region Järvilaakso.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jarvilaakso")
}

/// The build's date the tests run on unless one sets its own:
/// 15.1.2031, after the fixture's held year 2030 and before its planned
/// spring 2031, so that what the tests see does not change with the clock.
pub const TEST_EPOCH: &str = "1926201600";

/// A command for the `hyte` binary built by this package.
pub fn hyte() -> Command {
    let mut cmd = Command::cargo_bin("hyte").expect("the hyte binary is built");
    // No colours or terminal tricks in the output we assert on.
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    cmd.env("SOURCE_DATE_EPOCH", TEST_EPOCH);
    cmd
}

/// What a finished run of `hyte` returned.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Assert the exit status, showing both streams if it is not the expected one.
    pub fn assert_code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(expected),
            "expected exit status {expected}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn assert_no_panic(&self) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "hyte panicked:\n{}",
            self.stderr
        );
        self
    }

    /// Assert that stderr points at `path_suffix` (e.g.
    /// `content/2030/muistio.md`) on line `line`, written `path:line` as in
    /// `  --> /tmp/x/content/2030/muistio.md:4`. The line number must not
    /// continue with more digits (`:4` does not match `:45`).
    pub fn assert_location(&self, path_suffix: &str, line: usize) -> &Self {
        assert!(
            has_location(&self.stderr, path_suffix, line),
            "expected stderr to point at {path_suffix}:{line}\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }

    /// Assert that stderr names the file `path_suffix`, with or without a line.
    pub fn assert_names_file(&self, path_suffix: &str) -> &Self {
        assert!(
            self.stderr.contains(path_suffix),
            "expected stderr to name {path_suffix}\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }

    pub fn assert_stderr_contains(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "expected stderr to contain {needle:?}\n--- stderr ---\n{}",
            self.stderr
        );
        self
    }
}

/// True if `text` contains `<path_suffix>:<line>` not followed by another digit.
pub fn has_location(text: &str, path_suffix: &str, line: usize) -> bool {
    let needle = format!("{path_suffix}:{line}");
    text.match_indices(&needle).any(|(at, _)| {
        !text[at + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// Run `hyte` with `args` and collect the result (never panics on failure).
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_in(None, args)
}

/// Like [`run`], in the working directory `dir` if given.
pub fn run_in<I, S>(dir: Option<&Path>, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = hyte();
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().expect("hyte can be started");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `hyte build --root <root> --output <output> [extra…]`
pub fn build(root: &Path, output: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<std::ffi::OsString> = vec![
        "build".into(),
        "--root".into(),
        root.into(),
        "--output".into(),
        output.into(),
    ];
    args.extend(extra.iter().map(Into::into));
    run(args)
}

/// `hyte check --root <root>`
pub fn check(root: &Path) -> Run {
    run([
        std::ffi::OsStr::new("check"),
        "--root".as_ref(),
        root.as_os_str(),
    ])
}

/// A fresh temporary directory.
pub fn tempdir() -> TempDir {
    tempfile::Builder::new()
        .prefix("hyte-test-")
        .tempdir()
        .expect("a temporary directory")
}

/// Copy the folder `from` into `to` (created if missing), recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the valid fixture in a temporary folder, with `changes` made:
/// each `(path, Some(text))` writes `text` to `path` (relative to the site
/// root, folders created as needed), each `(path, None)` deletes `path`.
pub fn site_with(changes: &[(&str, Option<&str>)]) -> TempDir {
    let byte_changes: Vec<(&str, Option<&[u8]>)> = changes
        .iter()
        .map(|(path, text)| (*path, text.map(str::as_bytes)))
        .collect();
    site_with_bytes(&byte_changes)
}

/// Like [`site_with`], with file contents given as bytes (for invalid UTF-8,
/// byte order marks and such).
pub fn site_with_bytes(changes: &[(&str, Option<&[u8]>)]) -> TempDir {
    let dir = tempdir();
    copy_dir(&fixture(), dir.path());
    for (path, contents) in changes {
        let path = dir.path().join(path);
        match contents {
            Some(bytes) => {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, bytes).unwrap();
            }
            None => fs::remove_file(&path)
                .unwrap_or_else(|e| panic!("cannot delete {}: {e}", path.display())),
        }
    }
    dir
}

/// Every file under `dir` (relative path → bytes) and every folder (→ None).
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    fn walk(base: &Path, dir: &Path, into: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            let rel = path.strip_prefix(base).unwrap().to_path_buf();
            if entry.file_type().unwrap().is_dir() {
                into.insert(rel, None);
                walk(base, &path, into);
            } else {
                into.insert(rel, Some(fs::read(&path).unwrap()));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// The names in the folder `dir`, sorted.
pub fn list_dir(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The page `rel` (e.g. `2030/index.html`) of a built site, with the
/// character references a template engine may use for `/`, quotes and `&`
/// decoded, so that tests can look for `href="/2030/"` however it was escaped.
pub fn page(public: &Path, rel: &str) -> String {
    let path = public.join(rel);
    let html =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    decode_entities(&html)
}

pub fn decode_entities(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x22;", "\"")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Assert that `html` (the page `name`) contains every one of `needles`.
pub fn assert_contains_all(name: &str, html: &str, needles: &[&str]) {
    let missing: Vec<&&str> = needles.iter().filter(|n| !html.contains(**n)).collect();
    assert!(
        missing.is_empty(),
        "{name} lacks {missing:?}\n--- {name} ---\n{html}"
    );
}

// Tests that need tools outside Rust (Chromium, npm packages, Java, nginx,
// Python packages) are in test targets with `harness = false` (Cargo.toml)
// whose `main` runs them with libtest-mimic: a test whose tool is missing
// is reported as ignored, with the reason and the command that installs
// the tool, not as passed; with HYTE_REQUIRE_TOOLS=1 (as in CI) it fails.

/// True if HYTE_REQUIRE_TOOLS is set to anything but `""` or `0` (`.ci/run`
/// sets it to 1): a missing tool then fails the test that needs it.
pub fn tools_required() -> bool {
    std::env::var_os("HYTE_REQUIRE_TOOLS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// True if `program args…` can be started and exits with success.
pub fn runs(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success())
}

/// Why the browser checks cannot run here, or None: each missing tool with
/// the command that installs it. They need node, the npm packages of
/// tests/browser/package.json (`npm ci`), Chromium (`$CHROMIUM`, else
/// /usr/bin/chromium) and, when `java` is set, Java for the Nu Html Checker.
pub fn browser_tools_missing(java: bool) -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let mut missing = Vec::new();
    if !runs("node", &["--version"]) {
        missing.push("node is not installed: apt-get install nodejs npm".to_string());
    }
    let package: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("package.json")).unwrap()).unwrap();
    let absent: Vec<&str> = package["dependencies"]
        .as_object()
        .expect("tests/browser/package.json has dependencies")
        .keys()
        .map(String::as_str)
        .filter(|name| {
            !dir.join("node_modules")
                .join(name)
                .join("package.json")
                .is_file()
        })
        .collect();
    if !absent.is_empty() {
        let (noun, verb) = if absent.len() == 1 {
            ("package", "is")
        } else {
            ("packages", "are")
        };
        missing.push(format!(
            "the npm {noun} {} {verb} not installed: cd tests/browser && npm ci",
            absent.join(", ")
        ));
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).is_file() {
        missing.push(format!(
            "chromium is not installed at {chromium}: apt-get install chromium, \
             or set CHROMIUM to its path"
        ));
    }
    if java && !runs("java", &["-version"]) {
        missing.push(
            "java, for the Nu Html Checker, is not installed: apt-get install default-jre-headless"
                .to_string(),
        );
    }
    (!missing.is_empty()).then(|| missing.join("; "))
}

/// The tests that were ignored because a tool is missing, with the reason.
static SKIPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// A test that needs no tool, under libtest-mimic.
pub fn trial(name: &str, test: fn()) -> libtest_mimic::Trial {
    libtest_mimic::Trial::test(name, move || {
        test();
        Ok(())
    })
}

/// A test that needs a tool, under libtest-mimic. When it runs, it first
/// calls `missing`, which says why the tool cannot be used here (None if it
/// can): then the test is ignored with that reason, or fails if
/// HYTE_REQUIRE_TOOLS is set; else `test` runs as usual.
pub fn trial_needing(
    name: &str,
    missing: impl FnOnce() -> Option<String> + Send + 'static,
    test: fn(),
) -> libtest_mimic::Trial {
    let owned = name.to_string();
    libtest_mimic::Trial::ignorable_test(name, move || match missing() {
        Some(reason) if tools_required() => {
            Err(format!("HYTE_REQUIRE_TOOLS is set, so this test must run, but {reason}").into())
        }
        Some(reason) => {
            SKIPPED.lock().unwrap().push(format!("{owned}: {reason}"));
            Ok(libtest_mimic::Completion::ignored_with(reason))
        }
        None => {
            test();
            Ok(libtest_mimic::Completion::Completed)
        }
    })
}

/// The `main` of a test target with `harness = false`: runs `trials` with
/// the command line of `cargo test` (filters, `--exact`, `--test-threads`,
/// `--list` and the rest work as usual). `cargo test -q` shows only an `i`
/// for an ignored test, so then the reasons are repeated on stderr.
pub fn run_trials(trials: Vec<libtest_mimic::Trial>) -> std::process::ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    let conclusion = libtest_mimic::run(&args, trials);
    let terse = args.quiet || matches!(args.format, Some(libtest_mimic::FormatSetting::Terse));
    let skipped = SKIPPED.lock().unwrap();
    if terse && !skipped.is_empty() {
        eprintln!("ignored because a tool is missing (HYTE_REQUIRE_TOOLS=1 makes that a failure):");
        for line in skipped.iter() {
            eprintln!("  {line}");
        }
    }
    conclusion.exit_code()
}

/// Runs `tests/browser/<script>` with node on a built site; asserts that it
/// succeeded and printed `expected`, and returns what it printed.
pub fn browser_script(script: &str, public: &Path, expected: &str) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser")
        .join(script);
    let run = std::process::Command::new("node")
        .arg(&script)
        .arg(public)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "{} failed on {}:\n{stdout}\n{stderr}",
        script.display(),
        public.display()
    );
    assert!(stdout.contains(expected), "{stdout}");
    stdout
}
