//! `aifactories match`: who serves a user from a country, in sectors, with a profile; every
//! reason a fact; exit 2 with a suggestion for what it does not know.

#[path = "common/cli.rs"]
mod cli;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = cli::aifactories(&["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR"], &[])
        .arg("match")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let (code, out, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn results(v: &Value) -> &Vec<Value> {
    v["results"].as_array().unwrap()
}

fn ids(v: &Value) -> Vec<&str> {
    results(v)
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

fn reason_kinds(r: &Value) -> Vec<&str> {
    r["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn a_host_country_lists_its_factories_first() {
    let v = json(&["--country", "es"]);
    assert_eq!(v["fallback"], false);
    let r = results(&v);
    assert!(ids(&v).contains(&"bsc-aif"), "{v}");
    assert!(r.iter().all(|x| reason_kinds(x)[0] == "hosted"), "{v}");
}

#[test]
fn a_partner_country_gets_the_factory_it_partners_with() {
    let v = json(&["--country", "pt"]);
    let bsc = results(&v)
        .iter()
        .find(|r| r["id"] == "bsc-aif")
        .expect("BSC AIF for Portugal");
    assert!(reason_kinds(bsc).contains(&"partner"), "{bsc}");
    assert!(
        bsc["reasons"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Portugal (PT)")
    );
}

#[test]
fn an_antenna_country_gets_its_antenna_then_the_linked_factory() {
    for cc in ["ie", "ch"] {
        let v = json(&["--country", cc]);
        let r = results(&v);
        assert_eq!(r[0]["kind"], "antenna", "{cc}: {v}");
        assert!(
            r.iter()
                .any(|x| x["kind"] == "factory" && reason_kinds(x).contains(&"antenna")),
            "{cc}: {v}"
        );
    }
}

#[test]
fn a_country_with_none_still_gets_every_factory_open_to_all() {
    let (code, out, _) = run(&["--country", "hr", "--sector", "health"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Croatia (HR): no AI Factory"), "{out}");
    let v = json(&["--country", "hr", "--sector", "health"]);
    assert_eq!(v["fallback"], true);
    let r = results(&v);
    assert!(r.len() >= 19, "{v}");
    assert!(r.iter().all(|x| reason_kinds(x).contains(&"open-to-all")));
    // That reason is a fact too: it carries its sources.
    let open = r[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "open-to-all")
        .unwrap();
    assert!(
        open["sources"][0].as_str().unwrap().starts_with("https://"),
        "{open}"
    );
    // Those serving the sector first.
    assert!(reason_kinds(&r[0]).contains(&"sector"));
    let last = r.last().unwrap();
    assert!(!reason_kinds(last).contains(&"sector"), "{v}");
}

#[test]
fn several_sectors_rank_who_serves_more_of_them_first() {
    let v = json(&[
        "--country",
        "hr",
        "--sector",
        "health",
        "--sector",
        "energy",
    ]);
    let r = results(&v);
    let count = |x: &Value| {
        x["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|y| y["kind"] == "sector")
            .map_or(0, |y| y["text"].as_str().unwrap().matches(", ").count() + 1)
    };
    let counts: Vec<usize> = r.iter().map(count).collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(counts, sorted, "{v}");
    assert_eq!(counts[0], 2, "{v}");
}

#[test]
fn each_profile_is_a_reason_only_where_the_sources_say_so() {
    for p in ["startup", "sme", "industry", "academia", "public"] {
        let v = json(&["--country", "hr", "--profile", p]);
        assert_eq!(v["profile"], p);
        let r = results(&v);
        let open: Vec<bool> = r
            .iter()
            .map(|x| reason_kinds(x).contains(&"profile"))
            .collect();
        assert!(open.iter().any(|&o| o), "{p}: nobody open to it");
        // Open ones first.
        assert!(open.windows(2).all(|w| w[0] || !w[1]), "{p}: {open:?}");
    }
}

#[test]
fn an_unknown_country_or_sector_is_exit_2_with_a_suggestion() {
    let (code, out, err) = run(&["--country", "Portugl"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("did you mean Portugal (PT)?"), "{err}");
    let (code, _, err) = run(&["--country", "pt", "--sector", "helth"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean health?"), "{err}");
    let (code, _, _) = run(&["--country", "pt", "--profile", "student"]);
    assert_eq!(code, 2);
}

#[test]
fn countries_and_sectors_in_french_and_each_format() {
    let (code, out, _) = cli::aifactories(&["NO_COLOR"], &[])
        .args([
            "--lang",
            "fr",
            "match",
            "--country",
            "Croatie",
            "--sector",
            "santé",
        ])
        .output()
        .map(|o| {
            (
                o.status.code().unwrap(),
                String::from_utf8(o.stdout).unwrap(),
                (),
            )
        })
        .unwrap();
    assert_eq!(code, 0);
    assert!(out.starts_with("Croatie (HR)\u{a0}: aucune usine"), "{out}");
    assert!(out.contains("pourquoi") && out.contains("Santé"), "{out}");

    let (code, csv, _) = run(&["--country", "pt", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("#,name,kind,country,why"));
    assert!(lines.any(|l| l.contains("BSC AIF")), "{csv}");

    let (code, table, _) = run(&["--country", "pt"]);
    assert_eq!(code, 0);
    assert!(table.lines().next().unwrap().starts_with('#'), "{table}");
}

/// Every access fact has its source, and every website given is https.
#[test]
fn every_access_fact_has_a_source() {
    let cat = aifactories::data::Catalog::embedded().unwrap();
    let access = cat
        .factories()
        .iter()
        .map(|f| (f.id.as_str(), f.access.as_ref()))
        .chain(
            cat.antennas()
                .iter()
                .map(|a| (a.id.as_str(), a.access.as_ref())),
        );
    for (id, a) in access {
        let Some(a) = a else { continue };
        assert!(!a.sources.is_empty(), "{id}: access without a source");
        for s in &a.sources {
            assert!(cat.source(s).is_some(), "{id}: unknown source {s}");
        }
        if let Some(w) = &a.website {
            assert!(w.starts_with("https://"), "{id}: {w}");
        }
    }
    for id in aifactories::matching::OPEN_TO_ALL_SOURCES {
        assert!(cat.source(id).is_some(), "{id}");
    }
}
