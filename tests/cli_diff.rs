//! `diff OLD NEW` on the real binary: the same data, each kind of change, reordering, bad
//! files, the embedded data and the JSON form.

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

use aifactories::data::{Catalog, Certainty, Dataset, EMBEDDED_FACTORIES, PDate, Source};
use assert_cmd::Command;
use serde_json::Value;

fn bin() -> Command {
    cli::aifactories(&["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR"], &[])
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn embedded() -> Dataset {
    Catalog::embedded().unwrap().data
}

/// Write a dataset as RON (the form `export --format ron` writes) into `dir`.
fn write(dir: &Path, name: &str, data: Dataset) -> PathBuf {
    let text = Catalog::from_dataset(data, name).unwrap().to_ron();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `diff --format json OLD NEW`, parsed back.
fn json(old: &Path, new: &Path) -> (i32, Value) {
    let (code, out, err) = run(&["diff", "--format", "json", s(old), s(new)]);
    assert!(err.is_empty(), "{err}");
    (code, serde_json::from_str(&out).expect("diff JSON parses"))
}

#[test]
fn identical_data_is_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let copy = write(dir.path(), "copy.ron", embedded());
    for (a, b) in [("-", "embedded"), ("-", s(&copy)), (s(&copy), s(&copy))] {
        let (code, out, err) = run(&["diff", a, b]);
        assert_eq!(code, 0, "{a} {b}: {out}{err}");
        assert!(out.starts_with("no differences between "), "{out}");
    }
    let (code, v) = json(&copy, Path::new("-"));
    assert_eq!(code, 0);
    assert_eq!(v["same"], true);
    for k in ["added", "removed", "changed", "moved", "certainties"] {
        assert_eq!(v[k], Value::Array(vec![]), "{k}");
    }
}

/// The embedded data (`-`) against a copy of `assets/factories.ron` with one field edited.
#[test]
fn a_changed_field_shows_old_and_new() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.ron");
    let text = EMBEDDED_FACTORIES.replacen(
        "host: \"CSC – IT Center for Science\"",
        "host: \"CSC (Kajaani)\"",
        1,
    );
    assert_ne!(text, EMBEDDED_FACTORIES);
    std::fs::write(&path, text).unwrap();
    let (code, out, err) = run(&["diff", "-", s(&path)]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("~ factory lumi-aif\n"), "{out}");
    assert!(
        out.contains("    host: \"CSC – IT Center for Science\" -> \"CSC (Kajaani)\"\n"),
        "{out}"
    );
    assert!(
        out.trim_end()
            .ends_with("0 added, 0 removed, 1 changed (1 fields, 0 certainties), 0 moved"),
        "{out}"
    );
    // No colour when standard output is not a terminal; colour when asked for.
    assert!(!out.contains('\x1b'));
    let (_, coloured, _) = run(&["--color", "always", "diff", "-", s(&path)]);
    assert!(
        coloured.contains("\x1b[33m~ factory lumi-aif\x1b[0m"),
        "{coloured}"
    );
}

#[test]
fn a_nested_field_is_named_by_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut new = embedded();
    new.factories[0].system.vendor = Some("Someone".into());
    let new = write(dir.path(), "new.ron", new);
    let (code, v) = json(Path::new("-"), &new);
    assert_eq!(code, 1);
    let field = &v["changed"][0]["fields"][0];
    assert_eq!(v["changed"][0]["kind"], "factory");
    assert_eq!(field["field"], "system.vendor");
    assert_eq!(field["old"], Value::Null);
    assert_eq!(field["new"], "Someone");
}

#[test]
fn a_removed_and_an_added_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut new = embedded();
    let gone = new.antennas.remove(0);
    let new = write(dir.path(), "new.ron", new);
    let (code, out, _) = run(&["diff", "-", s(&new)]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("- antenna {}  {}\n", gone.id, gone.name)),
        "{out}"
    );
    // The other way round it is an addition.
    let (code, out, _) = run(&["diff", s(&new), "-"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("+ antenna {}  {}\n", gone.id, gone.name)),
        "{out}"
    );
    assert!(out.contains("1 added, 0 removed, 0 changed"), "{out}");
}

#[test]
fn an_added_source_and_a_citation() {
    let dir = tempfile::tempdir().unwrap();
    let mut new = embedded();
    new.sources.push(Source {
        id: "example-2026-12-01".into(),
        url: "https://example.org/news/2026/12/01/lumi-ai".into(),
        title: "Example news: LUMI-AI".into(),
        date: Some(PDate::parse("2026-12-01").unwrap()),
        official: false,
    });
    new.factories[0]
        .system
        .sources
        .push("example-2026-12-01".into());
    let new = write(dir.path(), "new.ron", new);
    let (code, out, _) = run(&["diff", "-", s(&new)]);
    assert_eq!(code, 1);
    assert!(
        out.contains("+ source example-2026-12-01  Example news: LUMI-AI\n"),
        "{out}"
    );
    assert!(
        out.contains("    system.sources: +\"example-2026-12-01\"\n"),
        "{out}"
    );
    let (_, v) = json(Path::new("-"), &new);
    assert_eq!(v["added"][0]["kind"], "source");
    assert_eq!(v["added"][0]["id"], "example-2026-12-01");
    let field = &v["changed"][0]["fields"][0];
    assert_eq!(field["added"], serde_json::json!(["example-2026-12-01"]));
    assert_eq!(field["removed"], serde_json::json!([]));
}

/// A milestone that moved is reported with its old date and its `first_announced`.
#[test]
fn a_moved_milestone() {
    let dir = tempfile::tempdir().unwrap();
    let mut new = embedded();
    let (fi, mi) = new
        .factories
        .iter()
        .enumerate()
        .find_map(|(i, f)| {
            f.milestones
                .iter()
                .position(|m| m.first_announced.is_some() && m.id.is_none())
                .map(|m| (i, m))
        })
        .expect("a moved milestone in the data");
    let old = new.factories[fi].milestones[mi].clone();
    new.factories[fi].milestones[mi].date = PDate::parse("2031-H2").unwrap();
    let factory = new.factories[fi].id.to_string();
    let new = write(dir.path(), "new.ron", new);
    let (code, out, _) = run(&["diff", "-", s(&new)]);
    assert_eq!(code, 1);
    let first = old.first_announced.unwrap().iso();
    let want = format!(
        "~ milestone {factory}/{} {} {:?} moved: {} -> 2031-H2 (first announced {first})\n",
        old.date,
        old.kind.key(),
        old.title.en.as_str(),
        old.date
    );
    assert!(out.contains(&want), "{want}\n{out}");
    assert!(out.contains("0 added, 0 removed, 0 changed"), "{out}");
    let (_, v) = json(Path::new("-"), &new);
    let m = &v["moved"][0];
    assert_eq!(m["factory"], factory.as_str());
    assert_eq!(m["old"], old.date.iso());
    assert_eq!(m["new"], "2031-H2");
    assert_eq!(m["first_announced"], first.as_str());
}

#[test]
fn a_changed_certainty() {
    let dir = tempfile::tempdir().unwrap();
    let mut new = embedded();
    let id = new.factories[0].id.to_string();
    let was = new.factories[0].sectors_certainty;
    new.factories[0].sectors_certainty = match was {
        Certainty::Confirmed => Certainty::Conflicting,
        _ => Certainty::Confirmed,
    };
    let now = new.factories[0].sectors_certainty;
    let new = write(dir.path(), "new.ron", new);
    let (code, v) = json(Path::new("-"), &new);
    assert_eq!(code, 1);
    let c = &v["certainties"][0];
    assert_eq!(c["kind"], "factory");
    assert_eq!(c["id"], id.as_str());
    assert_eq!(c["field"], "sectors_certainty");
    assert_eq!(c["old"], serde_json::to_value(was).unwrap());
    assert_eq!(c["new"], serde_json::to_value(now).unwrap());
    let (_, out, _) = run(&["diff", "-", s(&new)]);
    assert!(out.contains("(1 fields, 1 certainties)"), "{out}");
}

#[test]
fn reordered_records_are_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut new = embedded();
    new.factories.reverse();
    new.antennas.reverse();
    new.milestones.reverse();
    new.sources.reverse();
    for f in &mut new.factories {
        f.milestones.reverse();
        f.sources.reverse();
        f.partners.reverse();
        f.notes.reverse();
    }
    let new = write(dir.path(), "new.ron", new);
    let (code, out, err) = run(&["diff", "-", s(&new)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("no differences"), "{out}");
}

/// A file that does not load is reported exactly as `validate` reports it, with its line and
/// column, and the status is 2.
#[test]
fn bad_and_truncated_files_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        EMBEDDED_FACTORIES.replacen("wave: 1,", "wave: \"one\",", 1),
    )
    .unwrap();
    let truncated = dir.path().join("truncated.ron");
    let cut = EMBEDDED_FACTORIES.char_indices().nth(3000).unwrap().0;
    std::fs::write(&truncated, &EMBEDDED_FACTORIES[..cut]).unwrap();
    for file in [&bad, &truncated] {
        let name = s(file);
        let (code, _, expected) = run(&["validate", name]);
        assert_eq!(code, 2);
        for args in [["diff", "-", name], ["diff", name, "-"]] {
            let (code, out, err) = run(&args);
            assert_eq!(code, 2, "{args:?}");
            assert!(out.is_empty(), "{out}");
            assert_eq!(err, expected, "{args:?}");
            let located = format!("{name}:");
            let rest = err.strip_prefix(&located).expect("names the file");
            let mut parts = rest.splitn(3, ':');
            let line: usize = parts.next().unwrap().parse().expect("a line");
            let col: usize = parts.next().unwrap().parse().expect("a column");
            assert!(line > 0 && col > 0, "{err}");
        }
    }
    let (code, _, err) = run(&["diff", "-", s(&dir.path().join("missing.ron"))]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.ron: error: cannot open"), "{err}");
}
