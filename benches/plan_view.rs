//! The plan-against-reality view and the timeline's keys: building the view's rows at 100,000
//! factories (about half a million milestones; budget 16 ms), a key in the timeline at
//! 10,000 factories (budget 16 ms) and on the real data (budget 1 ms). A key is
//! `App::update`, the frame is not drawn (see `frame` for that).
//!
//! `cargo bench --bench plan_view`.

use std::hint::black_box;
use std::time::Duration;

use aifactories::app::{Action, App, Options};
use aifactories::data::{Catalog, Day, Lang};
use aifactories::layout::Pane;
use aifactories::timeline::Timeline;
use criterion::{Criterion, criterion_group, criterion_main};

const TODAY: Day = Day {
    year: 2026,
    month: 11,
    day: 24,
};

fn app(cat: Catalog) -> App {
    App::new(
        cat,
        Options {
            lang: Lang::En,
            today: TODAY,
            mono: false,
            size: (120, 40),
        },
    )
}

fn synth(n: usize) -> Option<Catalog> {
    match Catalog::from_dataset(aifactories::synth::dataset(n, 1), "synth") {
        Ok(cat) => Some(cat),
        Err(e) => {
            eprintln!("synthetic data does not validate, benchmarks skipped:\n{e}");
            None
        }
    }
}

/// Timeline keys, each measured alone: right and left in a lane, down and up between lanes
/// (nearest milestone), `L` and `H` through all, `]` and `[` a year.
fn keys(c: &mut Criterion, name: &str, cat: Catalog) {
    let mut a = app(cat);
    a.update(Action::Focus(Pane::Timeline));
    a.update(Action::Right);
    let mut g = c.benchmark_group(format!("timeline key/{name}"));
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    if name != "real" {
        g.sample_size(10);
    }
    let pairs = [
        ("right+left", Action::Right, Action::Left),
        ("down+up", Action::Down, Action::Up),
        ("L+H", Action::MilestoneNext, Action::MilestonePrev),
        ("]+[", Action::YearNext, Action::YearPrev),
    ];
    for (label, there, back) in pairs {
        // Two keys per iteration, so that the state comes back: a key is half the time.
        g.bench_function(format!("{label} (2 keys)"), |b| {
            b.iter(|| {
                a.update(black_box(there.clone()));
                a.update(black_box(back.clone()))
            })
        });
    }
    g.finish();
}

fn bench(c: &mut Criterion) {
    if let Ok(cat) = Catalog::embedded() {
        let tl = Timeline::new(&cat);
        let mut g = c.benchmark_group("plan view/real");
        g.bench_function("rows", |b| b.iter(|| tl.plan_rows(black_box(TODAY))));
        g.finish();
        keys(c, "real", cat);
    }
    if let Some(cat) = synth(10_000) {
        keys(c, "10k", cat);
    }
    if let Some(cat) = synth(100_000) {
        let tl = Timeline::new(&cat);
        let rows = tl.plan_rows(TODAY);
        eprintln!(
            "plan view at 100k: {} milestones, {} rows",
            cat.milestone_count(),
            rows.rows.len()
        );
        let mut g = c.benchmark_group("plan view/100k");
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        g.bench_function("rows", |b| b.iter(|| tl.plan_rows(black_box(TODAY))));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
