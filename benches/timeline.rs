//! Timeline benchmarks: building the timeline and querying it, over the real data
//! (microseconds) and over 100,000 synthetic factories (about half a million milestones;
//! a query must stay under 20 ms).
//!
//! `cargo bench --bench timeline`; the whole run takes about a minute and a half.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use aifactories::data::{Catalog, Day, Kind, PDate};
use aifactories::timeline::{Timeline, TimelineQuery, When};

const TODAY: Day = Day {
    year: 2026,
    month: 11,
    day: 24,
};

fn h1_to_q3() -> TimelineQuery {
    TimelineQuery::range(PDate::parse("2025-H1").ok(), PDate::parse("2025-Q3").ok())
}

fn real(c: &mut Criterion) {
    let cat = match Catalog::embedded() {
        Ok(cat) => cat,
        Err(e) => {
            eprintln!("embedded data does not load, real-data benchmarks skipped:\n{e}");
            return;
        }
    };
    let tl = Timeline::new(&cat);
    let pharos = cat.factory_index("pharos").unwrap_or(0);
    let mut g = c.benchmark_group("timeline/real");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("build", |b| b.iter(|| Timeline::new(black_box(&cat))));
    g.bench_function("query year 2025", |b| {
        b.iter(|| tl.query(black_box(&TimelineQuery::year(2025))))
    });
    g.bench_function("query factory + kind", |b| {
        let q = TimelineQuery::all()
            .with_factory(pharos)
            .with_kind(Kind::Contract);
        b.iter(|| tl.query(black_box(&q)))
    });
    g.bench_function("statuses of all", |b| {
        b.iter(|| {
            tl.entries()
                .iter()
                .map(|e| e.status(black_box(TODAY)))
                .filter(|s| s.when == When::Done)
                .count()
        })
    });
    g.bench_function("plan report 2025", |b| {
        b.iter(|| tl.plan_report(black_box(&TimelineQuery::year(2025))))
    });
    g.finish();
}

fn synthetic(c: &mut Criterion) {
    let n = 100_000;
    let cat = match Catalog::from_dataset(aifactories::synth::dataset(n, 1), "synth") {
        Ok(cat) => cat,
        Err(e) => {
            eprintln!("synthetic data does not validate, benchmarks skipped:\n{e}");
            return;
        }
    };
    let tl = Timeline::new(&cat);
    eprintln!(
        "synthetic: {n} factories, {} milestones",
        cat.milestone_count()
    );
    let mut g = c.benchmark_group("timeline/100k");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("build", |b| b.iter(|| Timeline::new(black_box(&cat))));
    g.bench_function("query year 2025", |b| {
        b.iter(|| tl.query(black_box(&TimelineQuery::year(2025))))
    });
    g.bench_function("query H1..Q3 2025 contracts", |b| {
        let q = h1_to_q3().with_kind(Kind::Contract);
        b.iter(|| tl.query(black_box(&q)))
    });
    g.bench_function("query one factory", |b| {
        let q = TimelineQuery::all().with_factory(n / 2);
        b.iter(|| tl.query(black_box(&q)))
    });
    g.bench_function("query all", |b| {
        b.iter(|| tl.query(black_box(&TimelineQuery::all())))
    });
    g.bench_function("plan report 2025", |b| {
        b.iter(|| tl.plan_report(black_box(&TimelineQuery::year(2025))))
    });
    g.finish();

    let mut g = c.benchmark_group("synth");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("generate 10k", |b| {
        b.iter(|| aifactories::synth::dataset(black_box(10_000), 1))
    });
    g.finish();
}

criterion_group!(benches, real, synthetic);
criterion_main!(benches);
