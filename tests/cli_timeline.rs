//! `aifactories timeline` end to end: the real data (the 2025 procurement year), a small
//! hand-written dataset through `--data`, and synthetic data. Always with a fixed `--today`.

use std::io::Write;

#[path = "common/cli.rs"]
mod cli;
#[path = "common/fixtures.rs"]
mod fixtures;

use assert_cmd::Command;
use serde_json::Value;

fn cmd() -> Command {
    cli::aifactories(&["LANG", "LC_ALL", "LC_MESSAGES"], &[("NO_COLOR", "1")])
}

/// Run and return stdout, asserting the exit status.
fn run(args: &[&str], code: i32) -> String {
    let out = cmd().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Vec<Value> {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let s = run(&a, 0);
    match serde_json::from_str::<Value>(&s) {
        Ok(Value::Array(v)) => v,
        other => panic!("not a JSON array: {other:?}\n{s}"),
    }
}

/// The lines of the table section under a month heading, up to the next heading.
fn section<'a>(table: &'a str, heading: &str) -> Vec<&'a str> {
    table
        .lines()
        .skip_while(|l| !l.contains(heading))
        .skip(1)
        .take_while(|l| !l.starts_with("──") && !l.is_empty())
        .collect()
}

fn str_field<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str()
        .unwrap_or_else(|| panic!("field {k} is not a string in {v}"))
}

// ---------------------------------------------------------------------------------------
// The real data: these tell the story of the 2025 procurement year.

#[test]
fn year_2025_table_has_month_headings_and_the_key_events() {
    let s = run(&["timeline", "--year", "2025"], 0);
    assert!(s.contains("── March 2025 ──"), "{s}");
    assert!(s.contains("── July 2025 ──"), "{s}");
    let march = section(&s, "── March 2025 ──");
    assert!(
        march
            .iter()
            .any(|l| l.contains("DAEDALUS") && l.contains("Pharos") && l.contains("contract")),
        "the Pharos DAEDALUS contract in March 2025:\n{}",
        march.join("\n")
    );
    let july = section(&s, "── July 2025 ──");
    assert!(
        july.iter()
            .any(|l| l.contains("MareNostrum") && l.contains("procurement")),
        "the MareNostrum 5 tender in July 2025:\n{}",
        july.join("\n")
    );
    assert!(s.contains("Plan vs reality"), "{s}");
}

#[test]
fn year_2025_json_stays_in_2025() {
    let items = json(&["timeline", "--year", "2025"]);
    assert!(!items.is_empty());
    for it in &items {
        let (start, end) = (str_field(it, "start"), str_field(it, "end"));
        assert!(
            start <= "2025-12-31" && end >= "2025-01-01",
            "{start}..{end} does not overlap 2025"
        );
        for k in ["date", "precision", "kind", "title", "status", "certainty"] {
            assert!(it[k].is_string(), "{k} in {it}");
        }
        for k in ["slipped", "planned"] {
            assert!(it[k].is_boolean(), "{k} in {it}");
        }
        assert!(it["sources"].as_array().is_some_and(|s| !s.is_empty()));
        assert!(it["factory"].is_string() || it["factory"].is_null());
    }
    // Sorted by start day.
    let starts: Vec<&str> = items.iter().map(|i| str_field(i, "start")).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    // The two announced plans of the first wave are there.
    let ids: Vec<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
    assert!(ids.contains(&"plan-agreements-early-2025"), "{ids:?}");
    assert!(ids.contains(&"plan-procurement-h1-2025"), "{ids:?}");
}

#[test]
fn one_factory_by_id_or_name() {
    let items = json(&["timeline", "--factory", "pharos"]);
    assert!(!items.is_empty());
    for it in &items {
        let own = it["factory"] == "pharos";
        let named = it["factories"]
            .as_array()
            .is_some_and(|a| a.iter().any(|f| f == "pharos"));
        assert!(own || named, "{it}");
    }
    assert!(items.iter().any(|i| i["kind"] == "contract"));
    let by_name = json(&["timeline", "--factory", "Pharos"]);
    assert_eq!(by_name, items);
    let table = run(&["timeline", "--factory", "pharos"], 0);
    assert!(table.contains("DAEDALUS"), "{table}");
}

#[test]
fn one_kind() {
    let items = json(&["timeline", "--kind", "contract"]);
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["kind"] == "contract"));
    let tenders = json(&["timeline", "--kind", "tender"]);
    assert!(!tenders.is_empty());
    assert!(tenders.iter().all(|i| i["kind"] == "procurement"));
}

#[test]
fn range_h1_to_q3_2025_overlaps_january_to_september() {
    let items = json(&["timeline", "--from", "2025-H1", "--to", "2025-Q3"]);
    assert!(!items.is_empty());
    for it in &items {
        let (start, end) = (str_field(it, "start"), str_field(it, "end"));
        assert!(
            start <= "2025-09-30" && end >= "2025-01-01",
            "{start}..{end}"
        );
    }
    let s = run(&["timeline", "--from", "2025-H1", "--to", "2025-Q3"], 0);
    assert!(!s.contains("── October 2025 ──"), "{s}");
}

// ---------------------------------------------------------------------------------------
// Bad input, whatever the data.

#[test]
fn bad_kind_is_exit_2_and_lists_the_kinds() {
    let out = cmd()
        .args(["timeline", "--kind", "bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    for k in ["policy", "procurement", "contract", "operation"] {
        assert!(err.contains(k), "{err}");
    }
}

#[test]
fn other_bad_input_is_exit_2() {
    for args in [
        &["timeline", "--from", "2026", "--to", "2025"][..],
        &["timeline", "--from", "2025-13"],
        &["timeline", "--to", "soon"],
        &["timeline", "--year", "2025", "--from", "2025-01"],
        &["timeline", "--factory", "no-such-factory-anywhere"],
        &["timeline", "--format", "xml"],
    ] {
        let out = cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------
// A small dataset through --data, independent of the real one.

fn small_dataset() -> tempfile::NamedTempFile {
    let m = |date: &str, kind: &str, extra: &str| {
        fixtures::milestone(None, date, kind, &format!("{kind} {date}"), extra)
    };
    let alpha = fixtures::factory(
        "alpha",
        "Alpha AIF",
        &[
            m(
                "2025-03-26",
                "Contract",
                r#"answers: Some("plan-procurement-h1-2025")"#,
            ),
            m(
                "2025-07",
                "Procurement",
                r#"answers: Some("plan-procurement-h1-2025")"#,
            ),
            m(
                "2026-H2",
                "Operation",
                r#"first_announced: Some("2026-Q2")"#,
            ),
        ],
    );
    let plan = r#"Milestone(id: Some("plan-procurement-h1-2025"), date: "2025-H1", kind: Procurement,
            title: Text(en: "Procurement starts (plan)", fr: "Début des achats (prévu)"),
            planned: true, certainty: Unconfirmed, factories: ["alpha"], sources: ["s1"])"#;
    let text = fixtures::dataset(&[alpha], &[plan.to_string()], "https://example.org", "t");
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

#[test]
fn small_dataset_reads_as_a_story() {
    let f = small_dataset();
    let path = f.path().to_str().unwrap();
    let s = run(&["--data", path, "timeline", "--year", "2025"], 0);
    let lines: Vec<&str> = s.lines().collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}:\n{s}"))
    };
    assert!(at("── H1 2025 (January–June) ──") < at("── March 2025 ──"));
    assert!(at("── March 2025 ──") < at("Contract 2025-03-26"));
    assert!(at("── July 2025 ──") < at("Procurement 2025-07"));
    // Alpha's contract came inside the window: the plan is met, never "done".
    assert!(lines[at("Procurement starts (plan)")].contains("plan, met, unconfirmed ?"));
    assert!(lines[at("Contract 2025-03-26")].contains("✓ on time (plan H1 2025)"));
    assert!(at("Plan vs reality") > at("Procurement 2025-07"));
    assert!(lines[at("Plan vs reality") + 2].contains("on time"), "{s}");
    assert!(
        lines[at("Plan vs reality") + 3].contains("1 month late"),
        "{s}"
    );

    let s = run(&["--data", path, "timeline", "--kind", "operation"], 0);
    assert!(s.contains("ongoing, slipped (was Q2 2026)"), "{s}");

    let s = run(
        &["--data", path, "--lang", "fr", "timeline", "--year", "2025"],
        0,
    );
    assert!(s.contains("── juillet 2025 ──"), "{s}");
    assert!(s.contains("Procurement 2025-07 (fr)"), "{s}");
    assert!(s.contains("Prévu et réalisé"), "{s}");

    let s = run(&["--data", path, "timeline", "--year", "2031"], 0);
    assert_eq!(s.trim(), "no milestones in that range");
}

#[test]
fn today_decides_the_status() {
    let f = small_dataset();
    let path = f.path().to_str().unwrap();
    let status = |today: &str| -> String {
        let out = cli::bin()
            .args(["--data", path, "--today", today])
            .args(["timeline", "--kind", "procurement", "--factory", "alpha"])
            .args(["--format", "json"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let own = v
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["factory"] == "alpha")
            .unwrap()
            .clone();
        own["status"].as_str().unwrap().to_string()
    };
    // A month is done from its last day.
    assert_eq!(status("2025-06-30"), "upcoming");
    assert_eq!(status("2025-07-01"), "ongoing");
    assert_eq!(status("2025-07-30"), "ongoing");
    assert_eq!(status("2025-07-31"), "done");
}

/// The plan's status and, for the first answer, its timing, by `--today`, in JSON and CSV.
fn plan_at(path: &str, today: &str) -> (String, String) {
    let out = cli::bin()
        .args(["--data", path, "--today", today])
        .args(["timeline", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let plan = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "plan-procurement-h1-2025")
        .unwrap()
        .clone();
    let out = cli::bin()
        .args(["--data", path, "--today", today])
        .args(["timeline", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let status_col = header.iter().position(|h| *h == "status").unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("plan-procurement-h1-2025,"))
        .unwrap();
    (
        plan["status"].as_str().unwrap().to_string(),
        row.split(',').nth(status_col).unwrap().to_string(),
    )
}

#[test]
fn plan_status_before_inside_and_after_its_window() {
    let f = small_dataset();
    let path = f.path().to_str().unwrap();
    let open = ("open".to_string(), "open".to_string());
    let met = ("met".to_string(), "met".to_string());
    assert_eq!(plan_at(path, "2024-12-31"), open, "before");
    assert_eq!(plan_at(path, "2025-03-01"), open, "inside, nothing yet");
    assert_eq!(plan_at(path, "2025-03-26"), met, "inside, answered");
    assert_eq!(plan_at(path, "2026-01-01"), met, "after");

    // A plan naming a factory that never answers is overdue after its window.
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace(r#"factories: ["alpha"]"#, r#"factories: ["alpha", "beta"]"#)
        .replace(
            "factories: [Factory(",
            &format!(
                "factories: [{}, Factory(",
                fixtures::factory("beta", "Beta AIF", &[])
            ),
        );
    let mut g = tempfile::NamedTempFile::new().unwrap();
    g.write_all(text.as_bytes()).unwrap();
    let path = g.path().to_str().unwrap();
    assert_eq!(plan_at(path, "2025-06-30"), open, "last day of the window");
    let overdue = ("overdue".to_string(), "overdue".to_string());
    assert_eq!(plan_at(path, "2025-07-01"), overdue, "the day after");
    let out = cli::bin()
        .args([
            "--data",
            path,
            "--today",
            "2025-07-01",
            "timeline",
            "--late",
        ])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("✗ overdue, no news: Beta AIF"), "{s}");
    assert!(
        s.contains("Procurement 2025-07"),
        "late answer listed:\n{s}"
    );
    assert!(!s.contains("Contract 2025-03-26"), "on time left out:\n{s}");
}

#[test]
fn synthetic_data_through_data_flag() {
    let cat = aifactories::data::Catalog::from_dataset(aifactories::synth::dataset(300, 4), "s")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(cat.to_ron().as_bytes()).unwrap();
    let path = f.path().to_str().unwrap();
    let items = json(&["--data", path, "timeline", "--year", "2025"]);
    assert!(!items.is_empty());
    let s = run(&["--data", path, "timeline", "--year", "2025"], 0);
    assert!(s.contains("Plan vs reality"));
}
