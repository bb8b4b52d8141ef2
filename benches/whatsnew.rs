//! What's new at start-up, on the real (embedded) data: what the dashboard does right after
//! its first frame (nothing of it comes before). Budget: under 1 ms in the usual case, data
//! the one seen (`check-unchanged`: the whole data's fingerprint and the state file's first
//! lines). Once per new data, the file is read whole and compared record by record
//! (`settle-3-changes`). The parts: the whole data's fingerprint, fingerprinting every
//! record, reading the file (RON), comparing.
//!
//! `cargo bench --bench whatsnew`

use std::hint::black_box;

use aifactories::app::{App, Options};
use aifactories::changes::{Seen, seen};
use aifactories::data::{Catalog, Dataset, Lang, PDate};
use aifactories::tui::StateFile;
use criterion::{Criterion, criterion_group, criterion_main};

fn older(d: &Dataset) -> Dataset {
    let mut d = d.clone();
    d.as_of = PDate::parse("2026-11-24").unwrap();
    d.factories[0].system.vendor = Some("Someone else".into());
    d.antennas.pop();
    d.milestones[0].date = PDate::parse("2019-01").unwrap();
    d
}

fn whatsnew(c: &mut Criterion) {
    let cat = Catalog::embedded().unwrap();
    let data = cat.data.clone();
    let dir = tempfile::tempdir().unwrap();
    let same = dir.path().join("same/seen.ron");
    let changed = dir.path().join("changed/seen.ron");
    aifactories::state::save(&same, &Seen::of(&data)).unwrap();
    aifactories::state::save(&changed, &Seen::of(&older(&data))).unwrap();
    let text = std::fs::read_to_string(&same).unwrap();
    let mut app = App::new(
        cat,
        Options {
            lang: Lang::En,
            today: "2026-12-04".parse().unwrap(),
            mono: false,
            size: (120, 40),
        },
    );
    let mut g = c.benchmark_group("whatsnew/embedded");
    // The whole cost when the data is the one seen.
    g.bench_function("check-unchanged", |b| {
        b.iter(|| StateFile::at(Some(black_box(same.clone()))).check(&mut app))
    });
    // Changed data: the quick look, then all of it.
    g.bench_function("check-3-changes", |b| {
        b.iter(|| StateFile::at(Some(black_box(changed.clone()))).check(&mut app))
    });
    g.bench_function("settle-3-changes", |b| {
        b.iter(|| {
            let mut st = StateFile::at(Some(black_box(changed.clone())));
            st.check(&mut app);
            st.settle(&mut app)
        })
    });
    g.bench_function("data-fingerprint", |b| {
        b.iter(|| seen::data_fingerprint(black_box(&data)))
    });
    g.bench_function("fingerprint", |b| b.iter(|| Seen::of(black_box(&data))));
    g.bench_function("read-file", |b| {
        b.iter(|| aifactories::state::load(black_box(&same), None))
    });
    g.bench_function("parse", |b| {
        b.iter(|| ron::from_str::<Seen>(black_box(&text)).unwrap())
    });
    let (a, n) = (Seen::of(&older(&data)), Seen::of(&data));
    g.bench_function("compare", |b| {
        b.iter(|| seen::compare(black_box(&a), black_box(&n)))
    });
    g.finish();
    eprintln!("state file: {} bytes", text.len());
}

criterion_group!(benches, whatsnew);
criterion_main!(benches);
