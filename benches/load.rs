//! Start-up cost of the data: the embedded data as the dashboard loads it (decoded from the
//! form build.rs encodes), the same RON parsed and validated as a `--data` file would be,
//! and a synthetic 1k file.

use std::hint::black_box;

use aifactories::data::{Catalog, Dataset, EMBEDDED_FACTORIES};
use criterion::{Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    c.bench_function("load/embedded/decode", |b| {
        b.iter(|| Catalog::embedded().unwrap())
    });
    c.bench_function("load/embedded/parse+validate", |b| {
        b.iter(|| Catalog::from_ron(black_box(EMBEDDED_FACTORIES), "embedded").unwrap())
    });
    c.bench_function("load/embedded/parse-only", |b| {
        b.iter(|| ron::from_str::<Dataset>(black_box(EMBEDDED_FACTORIES)).unwrap())
    });
    let text = Catalog::from_dataset(aifactories::synth::dataset(1000, 7), "synth")
        .unwrap()
        .to_ron();
    let mut g = c.benchmark_group("load/synth-1k");
    g.sample_size(20);
    g.bench_function("parse+validate", |b| {
        b.iter(|| Catalog::from_ron(black_box(&text), "synth").unwrap())
    });
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
