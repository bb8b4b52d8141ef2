//! `match` benchmarks: ranking every factory and antenna for a user, on the embedded data and
//! on synthetic datasets of 100k factories (budget: < 1 ms on the real data, < 50 ms at 100k).
//!
//! Run: `cargo bench --bench matching`. Three profiles: a host country with a sector, a
//! partner country with two sectors and a profile, and a country with no factory (the
//! fallback, which lists every factory).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use aifactories::data::{Catalog, Day, UserGroup};
use aifactories::matching::{Profile, rank};

fn synthetic(n: usize) -> Catalog {
    Catalog::from_dataset(aifactories::synth::dataset(n, 42), "synthetic")
        .unwrap_or_else(|e| panic!("synthetic dataset of {n}: {e}"))
}

fn profiles() -> [(&'static str, Profile); 3] {
    [
        (
            "host",
            Profile {
                country: Some("DE".into()),
                sectors: vec!["health".into()],
                users: None,
            },
        ),
        (
            "partner",
            Profile {
                country: Some("PT".into()),
                sectors: vec!["health".into(), "energy".into()],
                users: Some(UserGroup::Startups),
            },
        ),
        (
            "fallback",
            Profile {
                country: Some("AL".into()),
                sectors: vec!["health".into()],
                users: Some(UserGroup::Smes),
            },
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let today: Day = "2026-11-24".parse().unwrap();
    let datasets = [
        ("real", Catalog::embedded().unwrap()),
        ("100k", synthetic(100_000)),
    ];
    let mut g = c.benchmark_group("match");
    for (name, cat) in &datasets {
        if cat.factories().len() >= 10_000 {
            g.sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(4));
        } else {
            g.sample_size(100)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(2));
        }
        for (p_name, p) in profiles() {
            g.bench_function(format!("{name}/{p_name}"), |b| {
                b.iter(|| black_box(rank(cat, &p, today).ranked.len()))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
