//! `aifactories search` end to end: the real binary on the embedded data.

#[path = "common/cli.rs"]
mod cli;

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    cli::aifactories(&["NO_COLOR"], &[])
        .args(["--color", "never", "--lang", "en"])
        .args(args)
        .assert()
}

fn search(args: &[&str]) -> assert_cmd::assert::Assert {
    run(&[&["search"], args].concat())
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "--limit", "100"]);
    let a = search(&all).success();
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).expect("valid JSON");
    v.as_array().expect("a JSON array").clone()
}

fn ids(rows: &[serde_json::Value]) -> Vec<&str> {
    rows.iter()
        .map(|r| r["id"].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn sante_finds_the_health_factories() {
    let a = search(&["sante"]).success();
    let out = stdout(&a);
    assert!(out.contains("BSC AIF"), "{out}");
    assert!(out.contains("Santé"), "{out}");
    let rows = json(&["sante"]);
    let got = ids(&rows);
    assert!(
        got.contains(&"bsc-aif") && got.contains(&"pharos"),
        "{got:?}"
    );
    assert_eq!(rows[0]["field"], "sector");
}

#[test]
fn health_spain_finds_bsc_and_1healthai() {
    let a = search(&["health spain"]).success();
    let out = stdout(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "{out}");
    let top = lines[1..3].join("\n");
    assert!(
        top.contains("BSC AIF") && top.contains("1HealthAI"),
        "{out}"
    );
    // Several arguments are joined into one query.
    let rows = json(&["health", "spain"]);
    let mut two = ids(&rows)[..2].to_vec();
    two.sort_unstable();
    assert_eq!(two, ["1healthai", "bsc-aif"]);
}

#[test]
fn sector_filter_keeps_that_sector_only() {
    let rows = json(&["sector:energy"]);
    assert!(!rows.is_empty());
    let table = search(&["sector:energy"]).success();
    assert!(stdout(&table).lines().count() == rows.len().min(20) + 1);
    // The same records as `list --sector energy`.
    let list = run(&["list", "--sector", "energy", "--format", "json"]).success();
    let listed: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("valid JSON");
    let mut want = ids(listed.as_array().expect("a JSON array"));
    let mut got = ids(&rows);
    want.sort_unstable();
    got.sort_unstable();
    assert!(!want.is_empty());
    assert_eq!(got, want, "sector:energy against list --sector energy");
    let rows = json(&["sector:energy", "country:es"]);
    assert!(ids(&rows).contains(&"bsc-aif"), "{rows:?}");
}

#[test]
fn json_rows_have_every_field() {
    let rows = json(&["lumi"]);
    assert!(!rows.is_empty());
    for r in &rows {
        for k in [
            "id",
            "kind",
            "name",
            "score",
            "field",
            "text",
            "positions",
            "country",
            "city",
            "wave",
            "serves",
        ] {
            assert!(r.get(k).is_some(), "{k} missing in {r}");
        }
        let kind = r["kind"].as_str().unwrap_or("");
        assert!(kind == "factory" || kind == "antenna", "{r}");
        if kind == "factory" {
            assert!(r["serves"].is_null() && r["wave"].is_u64(), "{r}");
        }
        // Positions are char indices into `text`.
        let n = r["text"].as_str().unwrap_or("").chars().count() as u64;
        assert!(
            r["positions"]
                .as_array()
                .is_some_and(|p| p.iter().all(|x| x.as_u64().is_some_and(|x| x < n))),
            "{r}"
        );
    }
    assert_eq!(rows[0]["id"], "lumi-aif");
    // The antennas linked to LUMI AIF say so.
    assert!(
        rows.iter().any(|r| r["kind"] == "antenna"
            && r["serves"]
                .as_array()
                .is_some_and(|s| s.iter().any(|x| x == "lumi-aif"))),
        "{rows:?}"
    );
}

#[test]
fn limit_caps_the_results() {
    let a = search(&["a", "--limit", "3", "--format", "json"]).success();
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(3));
}

#[test]
fn no_match_exits_1() {
    let a = search(&["zzzz"]).code(1);
    assert!(stdout(&a).is_empty());
    let a = search(&["zzzz", "--format", "json"]).code(1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).expect("JSON");
    assert_eq!(v, serde_json::json!([]));
}

#[test]
fn unknown_filter_exits_2_and_names_the_key() {
    let a = search(&["bogus:x"]).code(2);
    let err = stderr(&a);
    assert!(err.contains("bogus"), "{err}");
    assert!(err.contains("sector:"), "{err}");
    assert!(stdout(&a).is_empty());
    let a = search(&["wave:x"]).code(2);
    assert!(stderr(&a).contains("wave"));
}

#[test]
fn french_labels_with_lang_fr() {
    let a = cli::bin()
        .args(["--today", "2026-11-24", "--color", "never", "--lang", "fr"])
        .args(["search", "linkoping"])
        .assert()
        .success();
    let out = stdout(&a);
    assert!(out.contains("Linköping") && out.contains("ville"), "{out}");
}

#[test]
fn a_mistyped_sector_is_searched_as_the_nearest_and_stderr_says_so() {
    let typo = search(&["sector:enrgy", "--format", "json"]).success();
    let right = search(&["sector:energy", "--format", "json"]).success();
    assert_eq!(stdout(&typo), stdout(&right));
    assert!(
        stderr(&typo).contains("did you mean sector:energy?"),
        "{}",
        stderr(&typo)
    );
    // Free text and the filter agree.
    assert!(!stdout(&search(&["enrgy"]).success()).is_empty());
    // A mistyped key names the nearest.
    let bad = search(&["sectr:energy"]).code(2);
    assert!(
        stderr(&bad).contains("did you mean `sector:`?"),
        "{}",
        stderr(&bad)
    );
}
