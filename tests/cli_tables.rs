//! The commands' tables and CSV on the real binary: one CSV table read back with the csv
//! crate, exit 1 on no match as grep, antennas that belong to a filter, tables that fit the
//! width without splitting words.

#[path = "common/cli.rs"]
mod cli;

use std::collections::HashMap;

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn run_env(env: &[(&str, &str)], args: &[&str]) -> Run {
    let o = cli::aifactories(&["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR"], env)
        .args(["--color", "never"])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8(o.stdout).unwrap(),
        err: String::from_utf8(o.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Run {
    run_env(&[], args)
}

/// The CSV read back: the header and each record as a map from column to value.
fn csv_records(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.expect("well-formed CSV, every record as long as the header");
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

fn kinds(rows: &[HashMap<String, String>], kind: &str) -> Vec<String> {
    rows.iter()
        .filter(|r| r["kind"] == kind)
        .map(|r| r["id"].clone())
        .collect()
}

#[test]
fn list_export_and_show_write_one_csv_table_with_a_kind_column() {
    let list = run(&["list", "--antennas", "--format", "csv"]);
    assert_eq!(list.code, 0, "{}", list.err);
    let (header, rows) = csv_records(&list.out);
    assert_eq!(header[0], "kind");
    assert_eq!(kinds(&rows, "factory").len(), 19);
    assert_eq!(kinds(&rows, "antenna").len(), 13);
    assert_eq!(rows.len(), 32, "no second header among the records");
    let hammer = rows.iter().find(|r| r["id"] == "hammerhai").unwrap();
    assert_eq!(hammer["host"], "HLRS, University of Stuttgart");
    assert_eq!(hammer["wave"], "1");
    let sk = rows.iter().find(|r| r["id"] == "antenna-sk").unwrap();
    assert_eq!(sk["linked"], "", "no source names its factory");

    // `export` writes the same table over the whole dataset.
    let export = run(&["export", "--format", "csv"]);
    assert_eq!(csv_records(&export.out), (header.clone(), rows.clone()));

    // `show` writes the record's row, factory or antenna, under the same header.
    for (q, id) in [("IT4LIA", "it4lia"), ("hearts", "antenna-ch")] {
        let show = run(&["show", q, "--format", "csv"]);
        assert_eq!(show.code, 0, "{}", show.err);
        let (h, one) = csv_records(&show.out);
        assert_eq!(h, header);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0], *rows.iter().find(|r| r["id"] == id).unwrap());
    }
}

#[test]
fn search_csv_holds_what_json_holds() {
    let csv_run = run(&[
        "search", "health", "spain", "--format", "csv", "--limit", "5",
    ]);
    assert_eq!(csv_run.code, 0, "{}", csv_run.err);
    let (header, rows) = csv_records(&csv_run.out);
    assert_eq!(header[0], "kind");
    let json_run = run(&[
        "search", "health", "spain", "--format", "json", "--limit", "5",
    ]);
    let json: Vec<serde_json::Value> = serde_json::from_str(&json_run.out).unwrap();
    assert_eq!(rows.len(), json.len());
    for (i, (r, j)) in rows.iter().zip(&json).enumerate() {
        assert_eq!(r["id"], j["id"].as_str().unwrap());
        assert_eq!(r["kind"], j["kind"].as_str().unwrap());
        assert_eq!(r["score"], j["score"].to_string());
        assert_eq!(r["rank"], (i + 1).to_string());
        assert_eq!(r["text"], j["text"].as_str().unwrap());
    }
    // An antenna's row names the factories it serves.
    let (_, rows) = csv_records(&run(&["search", "hearts", "--format", "csv"]).out);
    let hearts = rows.iter().find(|r| r["id"] == "antenna-ch").unwrap();
    assert_eq!(hearts["kind"], "antenna");
    assert!(
        hearts["serves"].split(' ').any(|f| f == "lumi-aif"),
        "{hearts:?}"
    );
}

#[test]
fn list_and_search_exit_1_on_no_match_like_grep() {
    let table = run(&["list", "--wave", "4"]);
    assert_eq!(table.code, 1);
    assert_eq!(table.out, "", "nothing printed, as grep");
    let csv_run = run(&["list", "--wave", "4", "--format", "csv"]);
    assert_eq!(csv_run.code, 1);
    let (header, rows) = csv_records(&csv_run.out);
    assert_eq!(header[0], "kind");
    assert!(rows.is_empty());
    let json = run(&["list", "--wave", "4", "--format", "json"]);
    assert_eq!((json.code, json.out.trim()), (1, "[]"));
    let search = run(&["search", "zzzzqqq", "--format", "csv"]);
    assert_eq!(search.code, 1);
    assert!(csv_records(&search.out).1.is_empty());
    // A match is 0, a bad filter 2.
    assert_eq!(run(&["list", "--wave", "1"]).code, 0);
    assert_eq!(run(&["list", "--sector", "astrology"]).code, 2);
    // Antennas alone are a match.
    assert_eq!(run(&["list", "--country", "CH", "--antennas"]).code, 0);
}

#[test]
fn list_by_wave_or_sector_keeps_the_antennas_that_serve_one_of_its_factories() {
    let (_, rows) =
        csv_records(&run(&["list", "--wave", "1", "--antennas", "--format", "csv"]).out);
    let wave1 = kinds(&rows, "factory");
    assert_eq!(wave1.len(), 7);
    let antennas: Vec<&HashMap<String, String>> =
        rows.iter().filter(|r| r["kind"] == "antenna").collect();
    assert!(!antennas.is_empty(), "wave 1 has antennas");
    for a in &antennas {
        assert!(
            a["linked"]
                .split(' ')
                .any(|f| wave1.contains(&f.to_string())),
            "{a:?} serves no wave-1 factory"
        );
    }
    // All of them: every antenna that serves a wave-1 factory is there.
    let (_, all) = csv_records(&run(&["list", "--antennas", "--format", "csv"]).out);
    let serving: Vec<String> = all
        .iter()
        .filter(|r| r["kind"] == "antenna")
        .filter(|r| {
            r["linked"]
                .split(' ')
                .any(|f| wave1.contains(&f.to_string()))
        })
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(kinds(&rows, "antenna"), serving);
    // The one whose factory no source names belongs to no wave.
    assert!(!serving.contains(&"antenna-sk".to_string()));
    // With a country, the antenna in that country.
    let (_, rows) = csv_records(
        &run(&[
            "list",
            "--country",
            "CH",
            "--wave",
            "1",
            "--antennas",
            "--format",
            "csv",
        ])
        .out,
    );
    assert_eq!(kinds(&rows, "antenna"), ["antenna-ch"]);
}

/// Display width, as the terminal counts it.
fn width(s: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    s.width()
}

#[test]
fn tables_fit_the_width_without_splitting_words() {
    // Every word the table may show, from the unwrapped table.
    let whole = run(&["list", "--antennas"]);
    assert_eq!(whole.code, 0);
    let words: std::collections::HashSet<&str> = whole.out.split_whitespace().collect();
    for (how, env, args) in [
        ("COLUMNS", vec![("COLUMNS", "100")], vec![]),
        ("COLUMNS", vec![("COLUMNS", "80")], vec![]),
        ("--width", vec![("COLUMNS", "200")], vec!["--width", "60"]),
    ] {
        let w: usize = if args.is_empty() {
            env[0].1.parse().unwrap()
        } else {
            60
        };
        let mut all = vec!["list", "--antennas"];
        all.extend(args);
        let r = run_env(&env, &all);
        assert_eq!(r.code, 0, "{how}: {}", r.err);
        for line in r.out.lines() {
            assert!(
                width(line) <= w,
                "{how} {w}: {line:?} is {} wide",
                width(line)
            );
            for word in line.split_whitespace() {
                assert!(
                    words.contains(word),
                    "{how} {w}: `{word}` is a piece of a word"
                );
            }
        }
        // Wrapped lines continue the row above: the names are all there.
        for name in ["LUMI", "HEARTS", "1HealthAI"] {
            assert!(r.out.contains(name), "{how} {w}: {name} missing\n{}", r.out);
        }
    }
    // Below what the columns' words need, the least useful columns give way, and stderr says so.
    let narrow = run_env(&[("COLUMNS", "80")], &["list"]);
    assert!(!narrow.out.lines().next().unwrap().contains("selected"));
    assert!(
        narrow
            .err
            .contains("left out to fit 80 columns: id, selected"),
        "{}",
        narrow.err
    );
    // Not a terminal and no width: whole lines, one per record.
    assert_eq!(whole.out.lines().count(), 1 + 19 + 1 + 1 + 13);
    assert_eq!(whole.err, "");
    // `search` fits too.
    let s = run_env(&[("COLUMNS", "60")], &["search", "health"]);
    assert!(s.out.lines().all(|l| width(l) <= 60), "{}", s.out);
}

/// What a reader sees: `list` at three widths, and in French.
#[test]
fn list_table_snapshots() {
    for (lang, w) in [("en", "80"), ("en", "120"), ("en", "200"), ("fr", "80")] {
        let r = run(&["--lang", lang, "list", "--antennas", "--width", w]);
        assert_eq!(r.code, 0);
        insta::assert_snapshot!(format!("list_{lang}_{w}"), format!("{}{}", r.out, r.err));
    }
}
