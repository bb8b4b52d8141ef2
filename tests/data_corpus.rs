//! Every bad file of the corpus gives its expected messages, exit status 2 and no panic.

use std::path::{Path, PathBuf};

#[path = "common/cli.rs"]
mod cli;

use assert_cmd::Command;

fn bin() -> Command {
    cli::aifactories(&["LANG", "LC_ALL"], &[])
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

#[test]
fn each_bad_file_gives_its_expected_error() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus shrank: {}", files.len());
    for file in files {
        let expected = std::fs::read_to_string(file.with_extension("expected")).unwrap();
        let out = bin().arg("validate").arg(&file).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let name = file.display().to_string();
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}: wrote to stdout");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(
            stderr.starts_with(&name),
            "{name}: message must name the file: {stderr}"
        );
        for want in expected.lines().filter(|l| !l.is_empty()) {
            assert!(
                stderr.contains(want),
                "{name}: expected `{want}` in:\n{stderr}"
            );
        }
        // The same file through --data on another command fails the same way.
        let out = bin().arg("--data").arg(&file).arg("list").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name} via --data");
    }
}

#[test]
fn the_minimal_good_file_validates() {
    let out = bin()
        .arg("validate")
        .arg(corpus().join("good/minimal.ron"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "ok: 1 factories, 1 antennas, 2 milestones, 1 sources"
    );
}

fn expect_bad(path: &Path, want: &str) {
    let out = bin().arg("validate").arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(want), "expected `{want}` in {stderr}");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
}

#[test]
fn a_file_that_is_not_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.ron");
    std::fs::write(&p, b"Dataset(\n  as_of: \"2026-11-24\", // caf\xe9\n)").unwrap();
    expect_bad(&p, ":2:30: error: file is not valid UTF-8 (byte 0xE9)");
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.ron");
    std::fs::write(&p, b"").unwrap();
    expect_bad(&p, "file is empty");
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.ron");
    // Sparse: 513 MiB on paper, just over the limit, nothing on disk.
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(513 * 1024 * 1024).unwrap();
    expect_bad(&p, "over the 512 MiB limit; not read");
}

#[test]
fn missing_files_and_directories_are_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    expect_bad(&dir.path().join("nope.ron"), "cannot open");
    expect_bad(dir.path(), "is a directory");
}
