//! Unit tests of the search engine: a small in-test dataset for the mechanics, the embedded
//! data for ranking, synthetic data for the incremental searcher.

use super::*;
use crate::data::Catalog;

const MINI: &str = r#"Dataset(
  as_of: "2026-11-24",
  factories: [
    Factory(id: "bsc-aif", name: "BSC AIF", aliases: ["BSC AI Factory"], wave: 1,
      selected: "2024-12-10", host: "Barcelona Supercomputing Center – CNS",
      city: "Barcelona", country: "ES", coords: Coords(lat: 41.38879, lon: 2.15899),
      partners: ["PT", "RO"],
      system: System(name: Some("MareNostrum 5 AI"), description: Text(en: "upgrade", fr: "mise à niveau"),
        vendor: Some("Fujitsu"), operation: None, sources: ["s1"]),
      sectors: ["health", "finance", "energy"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "mimer", name: "MIMER", wave: 1, selected: "2024-12-10",
      host: "NAISS at Linköping University", city: "Linköping", country: "SE",
      coords: Coords(lat: 58.41086, lon: 15.62157),
      system: System(name: Some("Mimer"), description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["manufacturing"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "lumi-aif", name: "LUMI AIF", wave: 1, selected: "2024-12-10",
      host: "CSC – IT Center for Science", city: "Kajaani", country: "FI",
      coords: Coords(lat: 64.22728, lon: 27.72846),
      system: System(name: Some("LUMI-AI"), description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["manufacturing"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "1healthai", name: "1HealthAI", wave: 3, selected: "2025-10-10",
      host: "CESGA", city: "Santiago de Compostela", country: "ES",
      coords: Coords(lat: 42.88052, lon: -8.54569),
      system: System(name: None, description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["health"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "meluxina-ai", name: "Meluxina-AI", wave: 1, selected: "2024-12-10",
      host: "LuxProvide", city: "Bissen", country: "LU",
      coords: Coords(lat: 49.78733, lon: 6.0654),
      system: System(name: Some("MeluXina-AI"), description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["finance", "energy"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "sante-numerique", name: "Santé Numérique", wave: 2, selected: "2025-03-12",
      host: "GRNET", city: "Αθήνα", country: "GR",
      coords: Coords(lat: 37.98376, lon: 23.72784),
      system: System(name: Some("JUPITER"), description: Text(en: "new", fr: "nouveau"),
        vendor: Some("Eviden"), operation: None, sources: ["s1"]),
      sectors: ["energy"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
  ],
  antennas: [
    Antenna(id: "antenna-lv", name: "AI Factory Antenna Latvia", country: "LV", eu_member: true,
      selected: "2025-10-13", linked: Factories(["lumi-aif"]), city: None, sources: ["s1"]),
    Antenna(id: "antenna-mt", name: "AI Factory Antenna Malta", country: "MT", eu_member: true,
      selected: "2025-10-13", linked: Unknown, city: Some("Valletta"), sources: ["s1"]),
  ],
  milestones: [],
  sources: [Source(id: "s1", url: "https://example.org/", title: "t", date: None)],
)"#;

fn mini() -> Catalog {
    Catalog::from_ron(MINI, "mini.ron").unwrap_or_else(|e| panic!("{e}"))
}

fn id_of(cat: &Catalog, r: Record) -> &str {
    match r {
        Record::Factory(i) => &cat.factories()[i].id,
        Record::Antenna(i) => &cat.antennas()[i].id,
    }
}

fn ids(cat: &Catalog, ix: &SearchIndex, q: &str) -> Vec<String> {
    ix.search(q)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .iter()
        .map(|h| id_of(cat, h.record).to_string())
        .collect()
}

fn first(cat: &Catalog, ix: &SearchIndex, q: &str) -> Hit {
    let hits = ix.search(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    assert!(!hits.is_empty(), "{q}: no hit");
    let _ = cat;
    hits[0].clone()
}

#[test]
fn accents_and_case_are_ignored_both_ways() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    for q in ["sante", "Santé", "SANTE", "SANTÉ", "health", "HEALTH"] {
        let got = ids(&cat, &ix, q);
        assert_eq!(&got[..2], ["1healthai", "bsc-aif"], "{q}: {got:?}");
    }
    let h = first(&cat, &ix, "sante");
    assert_eq!(h.field, Field::Sector);
    assert_eq!(h.text, "Santé");
    assert_eq!(h.positions, vec![0, 1, 2, 3, 4]);

    let h = first(&cat, &ix, "energie");
    assert_eq!(h.field, Field::Sector);
    assert_eq!(h.text, "Énergie");
    assert_eq!(h.positions, (0..7).collect::<Vec<_>>());

    for q in ["linkoping", "Linköping", "LINKÖPING"] {
        let h = first(&cat, &ix, q);
        assert_eq!(id_of(&cat, h.record), "mimer", "{q}");
        assert_eq!(h.field, Field::City);
        assert_eq!(h.text, "Linköping");
        assert_eq!(h.positions, (0..9).collect::<Vec<_>>());
    }
}

#[test]
fn positions_map_back_to_chars_of_the_original() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    // `ö` is one char but two bytes; the `p` after it is char 6, byte 7.
    let h = first(&cat, &ix, "lkpg");
    assert_eq!(h.text, "Linköping");
    assert_eq!(h.positions, vec![0, 3, 5, 8]);
    // Greek folds to several ASCII letters per char (θ → th): positions stay per char.
    let h = first(&cat, &ix, "athena");
    assert_eq!(h.text, "Αθήνα");
    assert_eq!(h.positions, vec![0, 1, 2, 3, 4]);
    // Every position is a char index of the text.
    for q in ["lkpg", "athena", "numerique", "sante", "en", "a"] {
        for h in ix.search(q).unwrap() {
            let n = h.text.chars().count();
            assert!(h.positions.iter().all(|&p| p < n), "{q}: {h:?}");
            assert!(h.positions.windows(2).all(|w| w[0] < w[1]), "{q}: {h:?}");
        }
    }
}

#[test]
fn name_positions_highlight_the_name_only() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    let sante = Record::Factory(5);
    assert_eq!(ix.name_positions("sante", sante), vec![0, 1, 2, 3, 4]);
    assert_eq!(
        ix.name_positions("numerique sante", sante),
        (0..15).filter(|&i| i != 5).collect::<Vec<_>>()
    );
    assert_eq!(
        ix.name_positions("lumi", Record::Factory(2)),
        vec![0, 1, 2, 3]
    );
    // Filters and words that do not match the name give nothing; bad queries never fail.
    assert!(ix.name_positions("kajaani", Record::Factory(2)).is_empty());
    assert_eq!(
        ix.name_positions("sector: lumi", Record::Factory(2)),
        vec![0, 1, 2, 3]
    );
    assert!(ix.name_positions("lumi", Record::Factory(99)).is_empty());
    assert!(ix.name_positions("lumi", Record::Antenna(99)).is_empty());
}

/// A highlight parsed once gives the same positions as parsing the query for every row, and
/// as the searcher's positions for the query it last ran.
#[test]
fn highlight_parsed_once_gives_the_name_positions() {
    let synth = Catalog::from_dataset(crate::synth::dataset(200, 5), "synth")
        .unwrap_or_else(|e| panic!("{e}"));
    for cat in [mini(), synth] {
        let ix = SearchIndex::new(&cat);
        let mut s = Searcher::new(SearchIndex::new(&cat));
        let records: Vec<Record> = (0..cat.factories().len() + 1)
            .map(Record::Factory)
            .chain((0..cat.antennas().len() + 1).map(Record::Antenna))
            .collect();
        let mut highlighted = 0;
        for q in [
            "",
            "sante",
            "numerique sante",
            "lumi",
            "sector: lumi",
            "bogus:x lumi",
            "hub nordic",
            "kind:factory aurora",
            "a",
            "zzzz",
        ] {
            let h = ix.highlight(q);
            let searched = s.search(q).is_ok();
            for &r in &records {
                let got = ix.highlight_positions(&h, r);
                assert_eq!(got, ix.name_positions(q, r), "{q:?} {r:?}");
                if searched {
                    assert_eq!(got, s.name_positions(r), "{q:?} {r:?}");
                }
                highlighted += usize::from(!got.is_empty());
            }
        }
        assert!(highlighted > 0);
    }
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    let h = ix.highlight("numerique sante");
    assert_eq!(
        ix.highlight_positions(&h, Record::Factory(5)),
        (0..15).filter(|&i| i != 5).collect::<Vec<_>>()
    );
    assert!(ix.highlight_positions(&h, Record::Factory(99)).is_empty());
}

#[test]
fn subsequence_slips_match() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    for (q, want) in [
        ("helth", "1healthai"),
        ("hlth", "1healthai"),
        ("kajani", "lumi-aif"),
        ("barcelna", "bsc-aif"),
        ("mlxn", "meluxina-ai"),
    ] {
        assert_eq!(id_of(&cat, first(&cat, &ix, q).record), want, "{q}");
    }
    assert!(ix.search("zzzz").unwrap().is_empty());
}

#[test]
fn every_word_must_match_in_any_order() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    assert_eq!(ids(&cat, &ix, "health spain"), ["1healthai", "bsc-aif"]);
    assert_eq!(ids(&cat, &ix, "spain health"), ["1healthai", "bsc-aif"]);
    assert_eq!(ids(&cat, &ix, "finance lux"), ["meluxina-ai"]);
    assert!(ids(&cat, &ix, "health sweden").is_empty());
    assert!(ids(&cat, &ix, "health zzzz").is_empty());
}

#[test]
fn filters_combine_with_words() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    // Filter-only queries keep dataset order.
    assert_eq!(ids(&cat, &ix, "sector:health"), ["bsc-aif", "1healthai"]);
    assert_eq!(ids(&cat, &ix, "sector:Santé"), ["bsc-aif", "1healthai"]);
    assert_eq!(ids(&cat, &ix, "secteur:sante"), ["bsc-aif", "1healthai"]);
    assert_eq!(ids(&cat, &ix, "sector:heal"), ["bsc-aif", "1healthai"]);
    for q in [
        "country:es",
        "country:ES",
        "country:spain",
        "country:Espagne",
        "pays:espagne",
    ] {
        assert_eq!(ids(&cat, &ix, q), ["bsc-aif", "1healthai"], "{q}");
    }
    // Partner countries count.
    assert_eq!(ids(&cat, &ix, "country:pt"), ["bsc-aif"]);
    assert_eq!(ids(&cat, &ix, "country:lv"), ["antenna-lv"]);
    assert_eq!(ids(&cat, &ix, "wave:3"), ["1healthai"]);
    assert!(ids(&cat, &ix, "wave:9").is_empty());
    assert_eq!(ids(&cat, &ix, "system:jupiter"), ["sante-numerique"]);
    assert_eq!(ids(&cat, &ix, "system:eviden"), ["sante-numerique"]);
    assert_eq!(ids(&cat, &ix, "kind:antenna"), ["antenna-lv", "antenna-mt"]);
    assert_eq!(ids(&cat, &ix, "city:linkoping"), ["mimer"]);
    assert_eq!(ids(&cat, &ix, "city:valletta"), ["antenna-mt"]);
    assert_eq!(ids(&cat, &ix, "name:lumi"), ["lumi-aif"]);
    assert_eq!(ids(&cat, &ix, "health country:es wave:1"), ["bsc-aif"]);
    assert_eq!(
        ids(&cat, &ix, "energy kind:factory wave:1"),
        ["bsc-aif", "meluxina-ai"]
    );
    assert_eq!(
        ids(&cat, &ix, "country:\"united kingdom\"").len(),
        0,
        "a quoted value is one value"
    );
}

#[test]
fn bad_filters_are_errors_that_say_why() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    let err = ix.search("health bogus:x").unwrap_err();
    assert_eq!(
        err,
        QueryError::UnknownFilter {
            key: "bogus".into(),
            nearest: None,
        }
    );
    let msg = err.to_string();
    assert!(msg.contains("bogus:"), "{msg}");
    for k in FILTER_KEYS {
        assert!(msg.contains(&format!("{k}:")), "{msg}");
    }
    assert!(matches!(
        ix.search("wave:x"),
        Err(QueryError::BadValue { key: "wave", .. })
    ));
    assert!(matches!(
        ix.search("sector:"),
        Err(QueryError::EmptyValue { key: "sector" })
    ));
    assert!(matches!(
        ix.search("sector:zzzz"),
        Err(QueryError::BadValue { key: "sector", .. })
    ));
    assert!(matches!(
        ix.search("country:atlantis"),
        Err(QueryError::BadValue { key: "country", .. })
    ));
    assert!(matches!(
        ix.search("kind:robot"),
        Err(QueryError::BadValue { key: "kind", .. })
    ));
    assert!(
        ix.search("wave:x")
            .unwrap_err()
            .to_string()
            .contains("wave:x")
    );
    // Quoting makes a word literal; so does a name containing the colon.
    assert!(ix.search("\"bogus:x\"").unwrap().is_empty());
    assert!(matches!(
        ix.search(&"a".repeat(MAX_QUERY_CHARS + 1)),
        Err(QueryError::TooLong { .. })
    ));
}

#[test]
fn mistyped_sector_and_country_values_search_the_nearest_and_say_so() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    // One letter off: the nearest sector, as if typed right, with a note.
    assert_eq!(
        ids(&cat, &ix, "sector:helth"),
        ids(&cat, &ix, "sector:health")
    );
    let c = ix.corrections("sector:helth");
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].key, c[0].typed.as_str()), ("sector", "helth"));
    assert_eq!(c[0].filter(), "sector:health");
    // Two edits, accents ignored, either language.
    assert_eq!(ix.corrections("sector:sntée")[0].filter(), "sector:sante");
    assert_eq!(
        ids(&cat, &ix, "country:spian"),
        ids(&cat, &ix, "country:spain")
    );
    assert_eq!(
        ix.corrections("country:espange")[0].filter(),
        "country:espagne"
    );
    // Exact and partial values need no correction.
    assert!(ix.corrections("sector:heal country:es").is_empty());
    // Short values are never corrected: every one is near some code.
    assert!(matches!(
        ix.search("country:qq"),
        Err(QueryError::BadValue { key: "country", .. })
    ));
    // Too far: an error.
    assert!(ix.search("sector:zzzz").is_err());
    assert!(ix.corrections("sector:zzzz").is_empty());
    // The typing history does the same.
    let mut s = Searcher::new(SearchIndex::new(&cat));
    let n = s.search("sector:helth").unwrap().len();
    assert_eq!(n, ids(&cat, &ix, "sector:health").len());
    assert_eq!(s.corrections()[0].filter(), "sector:health");
    s.search("sector:health").unwrap();
    assert!(s.corrections().is_empty());
}

#[test]
fn an_unknown_filter_key_names_the_nearest() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    let err = ix.search("sectr:energy").unwrap_err();
    assert_eq!(
        err,
        QueryError::UnknownFilter {
            key: "sectr".into(),
            nearest: Some("sector"),
        }
    );
    assert!(err.to_string().contains("did you mean `sector:`?"), "{err}");
    // A French alias mistyped gives the canonical key.
    assert!(matches!(
        ix.search("secteurr:x"),
        Err(QueryError::UnknownFilter {
            nearest: Some("sector"),
            ..
        })
    ));
}

#[test]
fn ranking_prefers_sectors_then_ties_by_name() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    // "Santé Numérique" has the word in its name only: it comes after the health sector.
    // (Scattered matches in other sectors' labels, `Industrie manufacturière`, come after.)
    let got = ids(&cat, &ix, "sante");
    assert_eq!(got[..3], ["1healthai", "bsc-aif", "sante-numerique"]);
    let hits = ix.search("sante").unwrap();
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    // Equal scores (the same sector) are ordered by name: "1HealthAI" < "BSC AIF".
    assert_eq!(hits[0].score, hits[1].score);
    assert!(Field::Sector.weight() > Field::Name.weight());
    // A strong name match beats a scattered match elsewhere.
    assert_eq!(id_of(&cat, first(&cat, &ix, "lumi").record), "lumi-aif");
}

#[test]
fn antennas_are_found_and_say_what_they_serve() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    let hits = ix.search("lumi").unwrap();
    let ant = hits
        .iter()
        .find(|h| h.record == Record::Antenna(0))
        .expect("the antenna serving LUMI AIF");
    assert_eq!(ant.field, Field::Serves);
    assert_eq!(ant.text, "LUMI AIF");
    assert_eq!(ix.serves(Record::Antenna(0)), Some(&[2usize][..]));
    assert_eq!(ix.serves(Record::Antenna(1)), None);
    assert_eq!(ix.serves(Record::Factory(0)), None);
    assert_eq!(ids(&cat, &ix, "latvia"), ["antenna-lv"]);
    assert_eq!(ids(&cat, &ix, "malte"), ["antenna-mt"]);
}

#[test]
fn empty_query_lists_everything_in_dataset_order() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    let all = [
        "bsc-aif",
        "mimer",
        "lumi-aif",
        "1healthai",
        "meluxina-ai",
        "sante-numerique",
        "antenna-lv",
        "antenna-mt",
    ];
    for q in ["", "   ", "\t\n", "\"\""] {
        assert_eq!(ids(&cat, &ix, q), all, "{q:?}");
    }
    let h = first(&cat, &ix, "");
    assert_eq!(
        (h.score, h.field, h.text.as_str()),
        (0, Field::Name, "BSC AIF")
    );
    assert!(h.positions.is_empty());
}

/// The dashboard's first list comes from `listing`, before any index exists.
#[test]
fn listing_is_what_the_empty_query_answers() {
    for cat in [
        mini(),
        Catalog::embedded().unwrap_or_else(|e| panic!("{e}")),
    ] {
        let mut s = Searcher::new(SearchIndex::new(&cat));
        let key = |m: &Match| (m.record, m.score, m.field);
        let listed: Vec<_> = listing(&cat).iter().map(key).collect();
        let searched: Vec<_> = s.search("").unwrap().iter().map(key).collect();
        assert_eq!(listed.len(), cat.factories().len() + cat.antennas().len());
        assert_eq!(listed, searched);
    }
}

#[test]
fn no_input_panics() {
    let cat = mini();
    let ix = SearchIndex::new(&cat);
    let mut s = Searcher::new(SearchIndex::new(&cat));
    let long = "é".repeat(MAX_QUERY_CHARS);
    let many = "a ".repeat(MAX_QUERY_CHARS / 2);
    let inputs = [
        "",
        " ",
        ":",
        "::",
        ":x",
        "x:",
        "sector:",
        "sector::",
        "a:b:c",
        "wave:-1",
        "wave:99999",
        "wave:0",
        "\"",
        "\"sector:\"",
        "\u{1b}[31m",
        "\0\t\r\u{7f}",
        "😀",
        "😀:😀",
        "é",
        "\u{301}",
        "\u{202e}abc",
        "ß",
        "İ",
        "ﬁ",
        "日本語",
        long.as_str(),
        many.as_str(),
    ];
    for q in inputs {
        let fresh = ix.search(q);
        let inc = s.search(q).map(|m| m.len());
        assert_eq!(fresh.as_ref().map(Vec::len).ok(), inc.ok(), "{q:?}");
        for r in [Record::Factory(0), Record::Factory(5), Record::Antenna(1)] {
            let _ = ix.name_positions(q, r);
            let _ = s.name_positions(r);
        }
        for m in s.matches().to_vec() {
            let _ = s.hit(&m);
        }
    }
}

/// Type and erase queries one char at a time, with the searcher and from scratch: the
/// results must be the same, in the same order.
fn check_incremental(cat: &Catalog, sequences: &[&str]) {
    let ix = SearchIndex::new(cat);
    let mut s = Searcher::new(SearchIndex::new(cat));
    for full in sequences {
        let chars: Vec<char> = full.chars().collect();
        let steps = (0..=chars.len()).chain((0..chars.len()).rev());
        for n in steps {
            let q: String = chars[..n].iter().collect();
            let fresh = ix.search(&q);
            let inc = s.search(&q).map(<[Match]>::to_vec);
            match (fresh, inc) {
                (Ok(f), Ok(i)) => {
                    assert_eq!(f.len(), i.len(), "{q:?}");
                    for (a, b) in f.iter().zip(&i) {
                        assert_eq!(
                            (a.record, a.score, a.field),
                            (b.record, b.score, b.field),
                            "{q:?}"
                        );
                        assert_eq!(*a, s.hit(b), "{q:?}");
                    }
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{q:?}"),
                (f, i) => panic!("{q:?}: {f:?} vs {i:?}"),
            }
        }
    }
}

#[test]
fn incremental_search_matches_fresh_search() {
    check_incremental(
        &mini(),
        &[
            "health spain",
            "sector:health es",
            "lumi kajaani",
            "energie lux wave:1",
            "hlth",
            "Linköping",
        ],
    );
}

#[test]
fn incremental_search_matches_fresh_search_on_synthetic_data() {
    let data = crate::synth::dataset(600, 7);
    let cat = Catalog::from_dataset(data, "synth").unwrap_or_else(|e| panic!("{e}"));
    check_incremental(
        &cat,
        &[
            "health",
            "nordic hub",
            "energy country:fr",
            "aurora kind:factory",
            "kra",
        ],
    );
}

#[test]
fn searcher_reuses_results_and_recovers_from_errors() {
    let cat = mini();
    let mut s = Searcher::new(SearchIndex::new(&cat));
    let n = s.search("hea").unwrap().len();
    assert!(n > 0);
    assert!(s.search("hea bogus:1").is_err());
    // The error left the last results in place.
    assert_eq!(s.matches().len(), n);
    assert_eq!(s.search("hea").unwrap().len(), n);
    s.reset();
    assert!(s.matches().is_empty());
    assert_eq!(s.search("hea").unwrap().len(), n);
    let top = s.matches()[0];
    assert_eq!(s.hit(&top).positions.len(), 3);
    assert_eq!(
        top.record,
        Record::Factory(3),
        "1HealthAI: the health sector, first by name"
    );
    assert_eq!(s.name_positions(top.record), vec![1, 2, 3]);
}

// The embedded data. These pass once assets/factories.ron holds the 19 factories.

fn real() -> (Catalog, SearchIndex) {
    let cat = Catalog::embedded().unwrap_or_else(|e| panic!("{e}"));
    let ix = SearchIndex::new(&cat);
    (cat, ix)
}

#[test]
fn real_data_finds_what_people_type() {
    let (cat, ix) = real();
    let top = |q: &str| id_of(&cat, first(&cat, &ix, q).record).to_string();
    assert_eq!(top("linkoping"), "mimer");
    assert_eq!(top("Linköping"), "mimer");
    assert_eq!(top("kajani"), "lumi-aif");
    assert_eq!(top("barcelna"), "bsc-aif");
    assert_eq!(top("finance lux"), "meluxina-ai");
    let mut two = ids(&cat, &ix, "health spain");
    two.truncate(2);
    two.sort();
    assert_eq!(two, ["1healthai", "bsc-aif"]);
    for q in ["sante", "Santé", "SANTE", "helth", "hlth"] {
        let got = ids(&cat, &ix, q);
        for want in ["bsc-aif", "pharos"] {
            assert!(got.iter().any(|g| g == want), "{q}: {got:?}");
        }
    }
    let energy = ix.search("energie").unwrap();
    assert!(!energy.is_empty());
    assert_eq!(energy[0].field, Field::Sector);
    assert!(!ids(&cat, &ix, "sector:energy").is_empty());
    assert_eq!(ids(&cat, &ix, "country:es")[..2], ["bsc-aif", "1healthai"]);
    assert!(!ids(&cat, &ix, "system:jupiter").is_empty());
}

#[test]
fn real_data_ranks_health_sector_first() {
    let (cat, ix) = real();
    let hits = ix.search("health").unwrap();
    let serves = |h: &Hit| match h.record {
        Record::Factory(i) => cat.factories()[i].sectors.iter().any(|s| s == "health"),
        Record::Antenna(_) => false,
    };
    let n = cat
        .factories()
        .iter()
        .filter(|f| f.sectors.iter().any(|s| s == "health"))
        .count();
    assert!(n >= 3, "expected several health factories");
    assert!(hits[..n].iter().all(serves), "{hits:#?}");
    assert!(
        hits[..n].iter().all(|h| h.field == Field::Sector),
        "{hits:#?}"
    );
}

#[test]
fn real_data_antennas_say_which_factory_they_serve() {
    let (cat, ix) = real();
    let hits = ix.search("kind:antenna").unwrap();
    assert_eq!(hits.len(), cat.antennas().len());
    let served = hits
        .iter()
        .filter(|h| ix.serves(h.record).is_some_and(|s| !s.is_empty()))
        .count();
    assert!(served > 0);
}

#[test]
fn scattered_matches_are_left_out_of_the_results() {
    let cat = Catalog::embedded().unwrap();
    let ix = SearchIndex::new(&cat);
    // `sante` is a subsequence of "Industrie manufacturière" too; only health counts.
    let hits = ix.search("sante").unwrap();
    let health: Vec<&str> = cat
        .factories()
        .iter()
        .filter(|f| f.sectors.iter().any(|s| s == "health"))
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(hits.len(), health.len());
    assert!(
        hits.iter()
            .all(|h| h.field == Field::Sector && h.text == "Santé")
    );
    // The typing history keeps the full lists, so narrowing gives the same answer.
    let mut s = Searcher::new(SearchIndex::new(&cat));
    for q in ["s", "sa", "san", "sant", "sante"] {
        s.search(q).unwrap();
    }
    assert_eq!(s.matches().len(), health.len());
    // Filters alone keep everything that passes.
    assert_eq!(ix.search("wave:1").unwrap().len(), 7);
}
