//! Faults during a build: an interrupt (Ctrl-C) while pages are being
//! written, a write that fails (a file over the size limit, a full disk),
//! and an output folder that cannot be made. The previous output stays
//! exactly as it was and no temporary folder is left behind.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

fn main() -> std::process::ExitCode {
    run_trials(vec![
        trial(
            "an_interrupted_build_leaves_the_previous_output_and_no_temporary_folders",
            an_interrupted_build_leaves_the_previous_output_and_no_temporary_folders,
        ),
        trial(
            "a_failed_write_leaves_the_previous_output_and_says_what_failed",
            a_failed_write_leaves_the_previous_output_and_says_what_failed,
        ),
        trial_needing(
            "a_full_disk_leaves_the_previous_output",
            cannot_mount,
            a_full_disk_leaves_the_previous_output,
        ),
        trial(
            "an_output_folder_that_cannot_be_made_is_reported_and_nothing_is_written",
            an_output_folder_that_cannot_be_made_is_reported_and_nothing_is_written,
        ),
        trial(
            "two_builds_at_once_both_succeed_and_leave_one_whole_output",
            two_builds_at_once_both_succeed_and_leave_one_whole_output,
        ),
    ])
}

/// Why a small disk cannot be mounted here (the full-disk test needs root
/// and a mount namespace, as in CI), or None.
fn cannot_mount() -> Option<String> {
    let probe = std::process::Command::new("unshare")
        .env("SOURCE_DATE_EPOCH", TEST_EPOCH)
        .args([
            "-m",
            "sh",
            "-c",
            "d=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs \"$d\"",
        ])
        .output();
    match probe {
        Ok(out) if out.status.success() => None,
        Ok(out) => Some(format!(
            "a tmpfs cannot be mounted in a mount namespace here (run the tests as root, e.g. in CI): {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Some(format!(
            "unshare cannot be run ({e}): apt-get install util-linux"
        )),
    }
}

/// The build's own folders beside the output (`.hyte-build-*`,
/// `.hyte-old-*`).
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".hyte-"))
        .collect()
}

/// The fixture site built once into its `public/`, and that output.
fn built_fixture() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::collections::BTreeMap<std::path::PathBuf, Option<Vec<u8>>>,
) {
    let site = site_with(&[]);
    let public = site.path().join("public");
    build(site.path(), &public, &[]).assert_code(0);
    let before = snapshot(&public);
    (site, public, before)
}

#[cfg(unix)]
fn an_interrupted_build_leaves_the_previous_output_and_no_temporary_folders() {
    let (site, public, before) = built_fixture();
    let root = site.path();
    // Enough pages that the build is still writing when it is stopped.
    let text = "Muistion teksti, jossa on monta sanaa hyvinvoinnista ja kunnista.\n\n".repeat(30);
    for i in 0..4000 {
        let dir = root.join(format!("content/muistiot/{:02}", i % 40));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join(format!("m{i}.md")),
            format!("+++\ntitle = \"Muistio {i}\"\n+++\n\n{text}"),
        )
        .unwrap();
    }

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hyte"))
        .env("SOURCE_DATE_EPOCH", TEST_EPOCH)
        .args(["build", "--root"])
        .arg(root)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Stop it as soon as it has started writing.
    let started = Instant::now();
    while leftovers(root).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the build never started writing"
        );
        if child.try_wait().unwrap().is_some() {
            panic!("the build ended before it could be interrupted");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(50));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("keskeytetty"), "{stderr}");
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    assert!(snapshot(&public) == before, "the previous output changed");
}

/// A page big enough to fail the writes below.
fn big_page() -> String {
    let paragraph = "Pitkä kappale tekstiä hyvinvoinnista. ".repeat(40) + "\n\n";
    format!("+++\ntitle = \"Iso\"\n+++\n\n{}", paragraph.repeat(600))
}

#[cfg(unix)]
fn a_failed_write_leaves_the_previous_output_and_says_what_failed() {
    let (site, public, before) = built_fixture();
    let root = site.path();
    fs::write(root.join("content/iso.md"), big_page()).unwrap();
    // Files over 64 KiB cannot be written (RLIMIT_FSIZE; with SIGXFSZ
    // ignored the write fails with EFBIG instead of killing the process).
    let out = std::process::Command::new("bash")
        .env("SOURCE_DATE_EPOCH", TEST_EPOCH)
        .args([
            "-c",
            r#"trap '' XFSZ; ulimit -f 64; exec "$0" build --root "$1""#,
            env!("CARGO_BIN_EXE_hyte"),
        ])
        .arg(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // It names the file as it would be in the output, and what to do.
    assert!(
        stderr.contains("public/iso/index.html ei voitu kirjoittaa"),
        "{stderr}"
    );
    assert!(
        stderr.contains("suurempi kuin järjestelmä sallii"),
        "{stderr}"
    );
    assert!(stderr.contains("jäi ennalleen"), "{stderr}");
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    assert!(snapshot(&public) == before, "the previous output changed");
}

/// A full disk, for real: the output's folder is a 1 MiB tmpfs in a
/// mount namespace of its own. Needs root (as in CI).
fn a_full_disk_leaves_the_previous_output() {
    let site = site_with(&[]);
    let root = site.path();
    let keep = tempdir();
    // Inside the namespace: the first build fits, the second does not fit
    // beside it; the output is compared with a copy outside the disk.
    let script = r#"set -u
hyte=$0 root=$1 keep=$2
mkdir -p "$root/levy" && mount -t tmpfs -o size=1m tmpfs "$root/levy" || exit 90
"$hyte" build --root "$root" --output "$root/levy/public" || exit 91
cp -a "$root/levy/public" "$keep/public"
cat "$root/iso.txt" > "$root/content/iso.md"
"$hyte" build --root "$root" --output "$root/levy/public"
echo "exit=$?"
diff -r "$root/levy/public" "$keep/public" && echo same
ls -A "$root/levy"
"#;
    fs::write(root.join("iso.txt"), big_page()).unwrap();
    let out = std::process::Command::new("unshare")
        .env("SOURCE_DATE_EPOCH", TEST_EPOCH)
        .args(["-m", "sh", "-c", script, env!("CARGO_BIN_EXE_hyte")])
        .arg(root)
        .arg(keep.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(
        out.status.code(),
        Some(90),
        "no tmpfs could be mounted: {stderr}"
    );
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("exit=2"), "{stdout}{stderr}");
    assert!(stderr.contains("levy on täynnä"), "{stderr}");
    assert!(stderr.contains("levy/public/"), "{stderr}");
    assert!(stderr.contains("jäi ennalleen"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Unchanged, and nothing but the output left on the disk.
    assert!(stdout.contains("same\npublic\n"), "{stdout}");
}

fn an_output_folder_that_cannot_be_made_is_reported_and_nothing_is_written() {
    let site = site_with(&[]);
    let root = site.path();
    // The output's parent is a file.
    fs::write(root.join("tiedosto"), "").unwrap();
    let target = root.join("tiedosto/public");
    // An I/O error: exit status 2, as the command-line contract says.
    build(root, &target, &[])
        .assert_no_panic()
        .assert_code(2)
        .assert_names_file("tiedosto")
        .assert_stderr_contains("ovat kansioita");
    assert!(leftovers(root).is_empty());
}

fn two_builds_at_once_both_succeed_and_leave_one_whole_output() {
    let (site, public, whole) = built_fixture();
    let root = site.path();
    for _ in 0..5 {
        let spawn = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_hyte"))
                .env("SOURCE_DATE_EPOCH", TEST_EPOCH)
                .args(["build", "--root"])
                .arg(root)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(
            snapshot(&public) == whole,
            "the output is not one whole build"
        );
        assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    }
}
