//! Faults during a build: an interrupt (Ctrl-C) while pages are being
//! written, and an output folder that cannot be made. The previous output
//! stays exactly as it was and no temporary folder is left behind.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// The build's own folders beside the output (`.hyte-build-*`,
/// `.hyte-old-*`).
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".hyte-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn an_interrupted_build_leaves_the_previous_output_and_no_temporary_folders() {
    let site = site_with(&[]);
    let root = site.path();
    let public = root.join("public");
    build(root, &public, &[]).assert_code(0);
    let before = snapshot(&public);
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

#[test]
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

#[test]
fn two_builds_at_once_both_succeed_and_leave_one_whole_output() {
    let site = site_with(&[]);
    let root = site.path();
    let public = root.join("public");
    build(root, &public, &[]).assert_code(0);
    let whole = snapshot(&public);
    for _ in 0..5 {
        let spawn = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_hyte"))
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
