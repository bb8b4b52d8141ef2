//! A deterministic generator of large, valid, realistic-looking datasets, for benchmarks and
//! for trying the dashboard at scale (`cargo run --release --example synth -- N [SEED]`).
//!
//! The same `(n, seed)` always gives the same dataset: the generator uses its own
//! xorshift PRNG and never iterates a hash map. Everything it writes passes the validator:
//! country codes come from real European cities filtered against the embedded country
//! table, sector keys from the embedded sector vocabulary, ids are unique kebab-case, every
//! cited source exists, and partners never include the host country.
//!
//! The generator's own PRNG is in `rng`, the names, cities and dates it draws from in
//! `words`, small value builders (texts, dates, slugs) in `values`, and the factories and
//! milestones in `factory` and `milestones`; the dataset, its sources and antennas are here.

mod factory;
mod milestones;
mod rng;
#[cfg(test)]
mod tests;
mod values;
mod words;

use std::collections::HashSet;

use crate::data::model::{Antenna, Certainty, Dataset, Link, Source};
use crate::data::{IStr, Tables, embedded_tables};
use factory::make_factory;
use milestones::programme_milestones;
pub use rng::Rng;
use values::{slug, valid_day};
use words::{AS_OF, CITIES, City, DOMAINS};

/// The embedded tables, which the tests check load.
fn tables() -> &'static Tables {
    embedded_tables().unwrap_or_else(|e| panic!("the embedded tables do not load:\n{e}"))
}

/// `id`, with `suffix` appended until no earlier id is the same; recorded in `ids`.
fn unique_id(ids: &mut HashSet<String>, mut id: String, suffix: &str) -> String {
    while !ids.insert(id.clone()) {
        id.push_str(suffix);
    }
    id
}

/// A dataset of `n` factories (and about `n / 10` antennas), the same for the same seed.
///
/// # Panics
/// If the embedded country and sector tables do not load, which the tests rule out.
pub fn dataset(n: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let Tables { countries, sectors } = tables();
    let known: HashSet<&str> = countries.iter().map(|c| c.code.as_str()).collect();
    let cities: Vec<&City> = CITIES.iter().filter(|c| known.contains(c.cc)).collect();

    let sources = make_sources(&mut rng, 40 + n.min(260));
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let cite = |rng: &mut Rng, k: usize| -> Vec<IStr> {
        let mut v: Vec<IStr> = Vec::with_capacity(k);
        for _ in 0..k.max(1) {
            let id = *rng.pick(&source_ids);
            if !v.iter().any(|x| x == id) {
                v.push(id.to_string().into());
            }
        }
        v
    };

    let mut ids: HashSet<String> = HashSet::new();
    let mut factories = Vec::with_capacity(n);
    for i in 0..n {
        factories.push(make_factory(
            &mut rng, i, &cities, countries, sectors, &mut ids, &cite,
        ));
    }

    let n_antennas = n / 10;
    let mut antennas = Vec::with_capacity(n_antennas);
    for k in 0..n_antennas {
        let c = rng.pick(countries);
        let base = format!("antenna-{}-{}", c.code.to_ascii_lowercase(), k + 1);
        let id = unique_id(&mut ids, base, "-x");
        let linked = if factories.is_empty() || rng.chance(30) {
            Link::Unknown
        } else {
            let mut l = vec![factories[rng.below(factories.len())].id.clone()];
            if rng.chance(15) {
                let other = factories[rng.below(factories.len())].id.clone();
                if !l.contains(&other) {
                    l.push(other);
                }
            }
            Link::Factories(l)
        };
        let city = CITIES
            .iter()
            .filter(|x| x.cc == c.code)
            .nth(rng.below(3))
            .map(|x| IStr::from(x.name));
        antennas.push(Antenna {
            id: id.into(),
            name: format!("AI Factory Antenna {} {}", c.en, k + 1).into(),
            country: c.code.clone(),
            eu_member: c.eu,
            selected: if rng.chance(60) {
                valid_day(2025, 10, 13)
            } else {
                valid_day(2026, 6, 1 + rng.below(28) as u8)
            },
            link_certainty: if rng.chance(70) {
                Certainty::Confirmed
            } else {
                Certainty::Unconfirmed
            },
            linked,
            city,
            host: None,
            notes: Vec::new(),
            sources: cite(&mut rng, 1),
            access: None,
        });
    }

    let milestones = programme_milestones(&mut rng, &factories, &cite);
    Dataset {
        as_of: valid_day(AS_OF.0, AS_OF.1, AS_OF.2),
        factories,
        antennas,
        milestones,
        sources,
    }
}

fn make_sources(rng: &mut Rng, count: usize) -> Vec<Source> {
    (0..count)
        .map(|k| {
            let &(domain, official) = rng.pick(DOMAINS);
            let year = 2024 + rng.below(3) as i32;
            let month = 1 + rng.below(12) as u8;
            Source {
                id: format!("{}-{}", slug(domain), k + 1).into(),
                url: format!("https://{domain}/news/{year}/{month:02}/item-{}", k + 1).into(),
                title: format!("News item {} ({domain})", k + 1).into(),
                date: rng
                    .chance(80)
                    .then(|| valid_day(year, month, 1 + rng.below(28) as u8)),
                official,
            }
        })
        .collect()
}
