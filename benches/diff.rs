//! `diff` of two 10,000-factory datasets: the comparison itself (both datasets loaded), and
//! the JSON report. The new dataset is a copy with the records in another order, a field
//! changed in every hundredth factory, a milestone moved in every two hundredth, ten factories
//! removed and ten added.

use std::hint::black_box;

use aifactories::cli::diff::compare;
use aifactories::data::{Dataset, PDate};
use criterion::{Criterion, criterion_group, criterion_main};

fn modified(old: &Dataset) -> Dataset {
    let mut new = old.clone();
    for (i, f) in new.factories.iter_mut().enumerate() {
        if i % 100 == 0 {
            f.host = format!("{} (renamed)", f.host).as_str().into();
        }
        if i % 200 == 0
            && let Some(m) = f.milestones.first_mut()
        {
            m.date = PDate::parse("2031-H2").unwrap();
        }
    }
    let removed: Vec<_> = new.factories.drain(..10).collect();
    for (k, mut f) in removed.into_iter().enumerate() {
        f.id = format!("added-{k}").as_str().into();
        new.factories.push(f);
    }
    new.factories.reverse();
    new.sources.reverse();
    new
}

fn diff(c: &mut Criterion) {
    let old = aifactories::synth::dataset(10_000, 7);
    let new = modified(&old);
    let d = compare(&old, &new);
    assert!(!d.same && d.added.len() == 10 && d.removed.len() == 10);
    let mut g = c.benchmark_group("diff/synth-10k");
    g.sample_size(20);
    g.bench_function("compare", |b| {
        b.iter(|| compare(black_box(&old), black_box(&new)))
    });
    g.bench_function("compare-identical", |b| {
        b.iter(|| compare(black_box(&old), black_box(&old)))
    });
    g.bench_function("compare+json", |b| {
        b.iter(|| serde_json::to_vec(&compare(black_box(&old), black_box(&new))).unwrap())
    });
    g.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
