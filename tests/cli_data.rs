//! The data commands on the real binary: list, show, validate, export, global options.

#[path = "common/cli.rs"]
mod cli;

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

#[test]
fn validate_summarises_the_embedded_data() {
    let (code, out, _) = run(&["validate"]);
    assert_eq!(code, 0);
    let line = out.trim();
    assert!(
        line.starts_with("ok: 19 factories, 13 antennas, ") && line.ends_with(" sources"),
        "{line}"
    );
}

/// A source cited by its site only is a warning on standard error, not an error: the exit
/// status stays 0 and the summary is unchanged.
#[test]
fn validate_warns_about_bare_domain_sources() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bare.ron");
    let text = aifactories::data::EMBEDDED_FACTORIES.replacen(
        "url: \"https://eurohpc-ju.europa.eu/selection-first-seven-ai-factories-drive-europes-leadership-ai-2024-12-10_en\"",
        "url: \"https://eurohpc-ju.europa.eu/\"",
        1,
    );
    assert_ne!(text, aifactories::data::EMBEDDED_FACTORIES);
    std::fs::write(&path, text).unwrap();
    let (code, out, err) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ok: 19 factories"), "{out}");
    assert!(
        err.contains(
            "warning: source `eurohpc-2024-12-10`, field `url`: `https://eurohpc-ju.europa.eu/` is a bare domain"
        ),
        "{err}"
    );
}

#[test]
fn list_table_is_aligned_and_filters_work() {
    let (code, out, _) = run(&["list"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 20, "header + 19 factories");
    let header = out.lines().next().unwrap();
    assert!(header.starts_with("id") && header.contains("country"));
    // Columns line up in display width: `city` starts at the same column everywhere.
    let col = header.find("city").unwrap();
    let lumi = out.lines().find(|l| l.starts_with("lumi-aif")).unwrap();
    assert_eq!(
        &lumi.chars().skip(col).take(7).collect::<String>(),
        "Kajaani"
    );
    let mimer = out.lines().find(|l| l.starts_with("mimer")).unwrap();
    assert_eq!(
        &mimer.chars().skip(col).take(9).collect::<String>(),
        "Linköping"
    );

    let (_, out, _) = run(&["list", "--wave", "1"]);
    assert_eq!(out.lines().count(), 8);
    let (_, out, _) = run(&["list", "--country", "espagne"]);
    let ids: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(ids, ["bsc-aif", "1healthai"]);
    // A partner country lists the factories it partners in too.
    let (_, out, _) = run(&["list", "--country", "CZ"]);
    assert!(out.contains("lumi-aif") && out.contains("czai"), "{out}");
    let (_, out, _) = run(&["list", "--sector", "santé"]);
    assert!(out.contains("pharos") && out.contains("bsc-aif") && !out.contains("hammerhai"));
    let (code, _, err) = run(&["list", "--sector", "astrology"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown sector `astrology`"), "{err}");
    let (code, _, err) = run(&["list", "--country", "Atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown country"), "{err}");
}

#[test]
fn list_json_has_the_documented_fields() {
    let (code, out, _) = run(&["list", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 19);
    let lumi = arr.iter().find(|f| f["id"] == "lumi-aif").unwrap();
    for key in [
        "id", "name", "wave", "selected", "country", "city", "host", "partners", "sectors",
        "system", "sources",
    ] {
        assert!(lumi.get(key).is_some(), "missing {key}");
    }
    assert_eq!(lumi["selected"]["date"], "2024-12-10");
    assert_eq!(lumi["selected"]["precision"], "day");
    assert_eq!(
        lumi["partners"],
        serde_json::json!(["CZ", "DK", "EE", "NO", "PL"])
    );
    assert_eq!(lumi["system"]["vendor"], Value::Null);
    assert!(
        lumi["sources"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );

    let (_, out, _) = run(&["list", "--antennas", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["antennas"].as_array().unwrap().len(), 13);
    // Slovakia's is the antenna whose factory no source names.
    let sk = v["antennas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["country"] == "SK")
        .unwrap();
    assert_eq!(sk["linked"], Value::Null, "unknown link is explicit");
}

#[test]
fn list_csv_quotes_what_needs_quoting() {
    let (code, out, _) = run(&["list", "--format", "csv", "--antennas"]);
    assert_eq!(code, 0);
    // One table: factories and antennas under one header, told apart by `kind`.
    assert!(out.starts_with("kind,id,name,wave,selected,country,city,host,partners,"));
    assert_eq!(out.matches("kind,id,").count(), 1, "{out}");
    // A host with a comma is quoted.
    let hammer = out
        .lines()
        .find(|l| l.starts_with("factory,hammerhai,"))
        .unwrap();
    assert!(
        hammer.contains(",\"HLRS, University of Stuttgart\","),
        "{hammer}"
    );
}

#[test]
fn show_by_id_name_or_alias_ignoring_case_and_accents() {
    for q in [
        "it4lia",
        "IT4LIA",
        "ITA4LIA",
        "Italy for Artificial Intelligence",
    ] {
        let (code, out, err) = run(&["show", q]);
        assert_eq!(code, 0, "{q}: {err}");
        assert!(out.starts_with("IT4LIA (it4lia)"), "{q}: {out}");
        assert!(out.contains("Bologna, Italy (IT)"));
        assert!(out.contains("Austria (AT), Slovenia (SI)"));
    }
    let (code, out, _) = run(&["show", "mimer – the swedish ai innovation factory"]);
    assert_eq!(code, 0);
    assert!(out.contains("Linköping"));
    let (_, out, _) = run(&["show", "pharos-cy"]);
    assert!(out.contains("Pharos") && out.contains("Cyprus"), "{out}");
}

#[test]
fn show_json_and_french() {
    let (code, out, _) = run(&["show", "bsc-aif", "--format", "json", "--lang", "fr"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "bsc-aif");
    assert_eq!(v["country_name"], "Espagne");
    assert!(
        v["sector_labels"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "Santé")
    );
    let (_, out, _) = run(&["show", "lumi-aif", "--lang", "fr"]);
    assert!(
        out.contains("Partenaires: ") && out.contains("Tchéquie"),
        "{out}"
    );
}

#[test]
fn ambiguous_and_unknown_names_are_bad_input() {
    let (code, out, err) = run(&["show", "ai"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("ambiguous") && err.contains("ai-at") && err.contains("ai2f"),
        "{err}"
    );
    let (code, _, err) = run(&["show", "pharso"]);
    assert_eq!(code, 2);
    assert!(err.contains("nearest ids: pharos"), "{err}");
}

#[test]
fn export_ron_round_trips_through_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.ron");
    let (code, out, _) = run(&["export", "--format", "ron"]);
    assert_eq!(code, 0);
    std::fs::write(&path, &out).unwrap();
    let p = path.to_str().unwrap();
    let (code, summary, err) = run(&["--data", p, "validate"]);
    assert_eq!(code, 0, "{err}");
    let (_, original, _) = run(&["validate"]);
    assert_eq!(summary, original);
    // And the copy exports to the same text again.
    let (_, again, _) = run(&["--data", p, "export", "--format", "ron"]);
    assert_eq!(again, out);
    let (_, list_copy, _) = run(&["--data", p, "list", "--format", "json"]);
    let (_, list_orig, _) = run(&["list", "--format", "json"]);
    assert_eq!(list_copy, list_orig);
}

#[test]
fn export_json_and_csv() {
    let (code, out, _) = run(&["export", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["factories"].as_array().unwrap().len(), 19);
    assert_eq!(v["antennas"].as_array().unwrap().len(), 13);
    assert!(!v["milestones"].as_array().unwrap().is_empty());
    assert!(v["sources"].as_array().unwrap().len() > 100);
    let (code, out, _) = run(&["export", "--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1 + 19 + 13);
}

#[test]
fn language_comes_from_lang_when_not_given() {
    let out = bin()
        .env("LANG", "fr_FR.UTF-8")
        .args(["show", "pharos"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Grèce"));
    let out = bin()
        .env("LANG", "fr_FR.UTF-8")
        .args(["--lang", "en", "show", "pharos"])
        .output();
    assert!(String::from_utf8_lossy(&out.unwrap().stdout).contains("Greece"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    // Not a terminal: no escape sequences.
    let (_, out, _) = run(&["list"]);
    assert!(!out.contains('\u{1b}'));
    let (_, out, _) = run(&["--color", "always", "list"]);
    assert!(out.starts_with("\u{1b}[1m"));
    let out = bin().env("NO_COLOR", "1").args(["list"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn help_version_and_usage_errors() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: aifactories") && out.contains("timeline"));
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("aifactories "));
    let (code, _, err) = run(&["list", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("xml"));
    let (code, _, _) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    let out = cli::bin()
        .args(["--today", "2025-02-30", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `aifactories export | head -c 10`: the reader goes away early.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_aifactories"))
        .args(["export", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
