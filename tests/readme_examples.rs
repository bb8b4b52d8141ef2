//! Every example of the README's *Command line* section runs as written: each line of the `sh`
//! block after "Examples:", in a shell, in a scratch directory holding the files the examples
//! name, must exit 0.

use std::path::Path;
use std::process::Command;

/// The example lines, without their trailing comments.
fn examples(readme: &str) -> Vec<String> {
    let after = readme
        .split_once("Examples:\n\n```sh\n")
        .expect("README has an Examples block")
        .1;
    let block = after.split_once("\n```").expect("the block ends").0;
    block
        .lines()
        .map(|l| match l.find("  # ") {
            Some(i) => l[..i].trim_end(),
            None => l.trim_end(),
        })
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_readme_example_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let lines = examples(&readme);
    assert!(lines.len() >= 10, "{lines:?}");
    assert!(
        lines.iter().all(|l| l.starts_with("aifactories ")),
        "{lines:?}"
    );

    let bin = assert_cmd::cargo::cargo_bin("aifactories");
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    // The files the examples name.
    std::fs::create_dir_all(home.join("assets")).unwrap();
    std::fs::copy(
        root.join("assets/factories.ron"),
        home.join("assets/factories.ron"),
    )
    .unwrap();
    let ron = Command::new(&bin)
        .args(["export", "--format", "ron"])
        .output()
        .unwrap();
    assert!(ron.status.success());
    std::fs::write(home.join("my-data.ron"), &ron.stdout).unwrap();
    std::fs::write(home.join("old.ron"), &ron.stdout).unwrap();
    std::fs::create_dir_all(home.join(".local/share/bash-completion/completions")).unwrap();
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let have_man = Command::new("sh")
        .args(["-c", "command -v man && command -v groff"])
        .output()
        .is_ok_and(|o| o.status.success());

    for line in &lines {
        // Without man and groff, the page is still written; only reading it needs them.
        let line = match line.split_once(" | man ") {
            Some((cmd, _)) if !have_man => cmd,
            _ => line,
        };
        let out = Command::new("sh")
            .args(["-c", line])
            .current_dir(home)
            .env("PATH", &path)
            .env("HOME", home)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("NO_COLOR", "1")
            .env_remove("COLUMNS")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`{line}` exited {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.is_empty() || line.contains('>'),
            "`{line}` printed nothing"
        );
    }
    assert!(
        home.join(".local/share/bash-completion/completions/aifactories")
            .exists()
    );
}
