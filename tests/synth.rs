//! The synthetic generator: valid at every size, deterministic, and its RON loads back.

use std::collections::HashSet;

use aifactories::data::{Catalog, Certainty, Link, Precision};
use aifactories::synth;
use aifactories::timeline::{Timeline, TimelineQuery};

fn catalog(n: usize, seed: u64) -> Catalog {
    Catalog::from_dataset(synth::dataset(n, seed), "synth")
        .unwrap_or_else(|e| panic!("n={n} seed={seed}:\n{e}"))
}

#[test]
fn every_size_validates() {
    for (n, seed) in [
        (0, 1),
        (1, 1),
        (2, 9),
        (10, 3),
        (137, 42),
        (1000, 7),
        (5000, 11),
    ] {
        let c = catalog(n, seed);
        assert_eq!(c.factories().len(), n);
        assert_eq!(c.antennas().len(), n / 10);
        assert!(c.data.sources.len() >= 40);
        assert!(!c.data.milestones.is_empty());
    }
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let a = synth::dataset(300, 5);
    let b = synth::dataset(300, 5);
    assert_eq!(a, b);
    let c = synth::dataset(300, 6);
    assert_ne!(a, c);
    // A prefix property would be nice but is not promised; sizes differ in content.
    assert_eq!(synth::dataset(0, 1), synth::dataset(0, 1));
}

#[test]
fn ron_round_trips_through_the_loader() {
    let c = catalog(200, 3);
    let text = c.to_ron();
    let back = Catalog::from_ron(&text, "synth.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.data, c.data);
}

#[test]
fn data_is_varied_and_realistic() {
    let c = catalog(2000, 1);
    let fs = c.factories();
    let ids: HashSet<&str> = fs
        .iter()
        .map(|f| f.id.as_str())
        .chain(c.antennas().iter().map(|a| a.id.as_str()))
        .collect();
    assert_eq!(ids.len(), fs.len() + c.antennas().len(), "ids are unique");
    let names: HashSet<&str> = fs.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), fs.len(), "names are unique");
    assert!(fs.iter().any(|f| !f.city.is_ascii()), "accented cities");
    assert!(fs.iter().all(|f| (1..=6).contains(&f.wave)));
    let waves: HashSet<u8> = fs.iter().map(|f| f.wave).collect();
    assert_eq!(waves.len(), 6);
    for f in fs {
        assert!(!f.partners.contains(&f.country));
        let p: HashSet<&str> = f.partners.iter().map(|p| p.as_str()).collect();
        assert_eq!(p.len(), f.partners.len());
        assert!((2..=8).contains(&f.milestones.len()));
        assert_ne!(f.summary.en, f.summary.fr);
    }
    let ms: Vec<_> = fs.iter().flat_map(|f| f.milestones.iter()).collect();
    let precisions: HashSet<Precision> = ms.iter().map(|m| m.date.precision()).collect();
    assert_eq!(precisions.len(), 6, "every precision appears");
    assert!(ms.iter().any(|m| m.planned));
    assert!(ms.iter().any(|m| m.first_announced.is_some()));
    assert!(ms.iter().any(|m| m.certainty == Certainty::Unconfirmed));
    assert!(ms.iter().any(|m| m.answers.is_some()));
    assert!(
        c.antennas()
            .iter()
            .any(|a| matches!(a.linked, Link::Factories(_)))
    );
    assert!(c.data.sources.iter().all(|s| s.url.starts_with("https://")));
}

#[test]
fn the_timeline_reads_synthetic_data() {
    let c = catalog(1000, 2);
    let tl = Timeline::new(&c);
    assert_eq!(tl.len(), c.milestone_count());
    let in_2025 = tl.query(&TimelineQuery::year(2025));
    assert!(!in_2025.is_empty());
    let reports = tl.plan_report(&TimelineQuery::year(2025));
    assert_eq!(reports.len(), 2, "the two 2025 plans");
    assert!(reports.iter().any(|r| !r.answers.is_empty()));
    assert!(tl.entries().iter().any(|e| e.slipped()));
}
