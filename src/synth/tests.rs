//! The generator's unit tests: the PRNG, slugs, dates and the city table.

use super::values::{date_at, slug};
use super::words::CITIES;
use super::*;
use crate::data::Precision;

#[test]
fn rng_is_deterministic_and_spread() {
    let a: Vec<u64> = {
        let mut r = Rng::new(7);
        (0..5).map(|_| r.next_u64()).collect()
    };
    let b: Vec<u64> = {
        let mut r = Rng::new(7);
        (0..5).map(|_| r.next_u64()).collect()
    };
    assert_eq!(a, b);
    let mut r = Rng::new(0);
    let mut seen = [0usize; 10];
    for _ in 0..10_000 {
        seen[r.below(10)] += 1;
    }
    assert!(seen.iter().all(|&c| c > 800), "{seen:?}");
    assert_eq!(r.below(0), 0);
}

#[test]
fn slugs_are_kebab_case() {
    assert_eq!(slug("Nordic AI Factory 12"), "nordic-ai-factory-12");
    assert_eq!(slug("  Kraków — Hub!  "), "krakow-hub");
}

#[test]
fn dates_cover_every_precision() {
    let m = 2025 * 12 + 7; // August 2025
    assert_eq!(date_at(m, Precision::Day, 31).iso(), "2025-08-28");
    assert_eq!(date_at(m, Precision::Month, 1).iso(), "2025-08");
    assert_eq!(date_at(m, Precision::Quarter, 1).iso(), "2025-Q3");
    assert_eq!(date_at(m, Precision::Half, 1).iso(), "2025-H2");
    assert_eq!(date_at(m, Precision::EndOfYear, 1).iso(), "end-2025");
    assert_eq!(date_at(m, Precision::Year, 1).iso(), "2025");
}

#[test]
fn cities_are_in_europe_with_known_codes() {
    let countries = &tables().countries;
    for c in CITIES {
        assert!((27.0..=72.0).contains(&c.lat) && (-32.0..=45.0).contains(&c.lon));
        assert!(
            countries.iter().any(|k| k.code == c.cc),
            "{} {}",
            c.name,
            c.cc
        );
    }
}
