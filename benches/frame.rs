//! Keystroke to frame: `App::update` plus drawing into a buffered crossterm backend, at 19
//! (the real data), 1k, 10k and 100k factories. Also prints bytes and write calls per
//! keystroke, so the table in the README can be reproduced.
//!
//! Two measures per size: `complete` runs the search in `update` (what the user waits for
//! before the results are on screen) and `echo` is what the dashboard does from 5,000
//! records on: the typed query is drawn at once and the search runs on a worker thread.

#[path = "../tests/common/counter.rs"]
mod counter;

use aifactories::app::{Action, App, Options};
use aifactories::data::{Catalog, Lang};
use aifactories::ui;
use counter::{Counter, counting_terminal};
use criterion::{Criterion, criterion_group, criterion_main};

fn app(cat: Catalog, w: u16, h: u16) -> App {
    App::new(
        cat,
        Options {
            lang: Lang::En,
            today: "2026-11-24".parse().unwrap(),
            mono: false,
            size: (w, h),
        },
    )
}

/// Type "health" then erase it: 12 keystrokes, each followed by a frame.
fn keystrokes() -> Vec<Action> {
    let mut v: Vec<Action> = "health".chars().map(Action::Input).collect();
    v.extend(std::iter::repeat_n(Action::Backspace, 6));
    v
}

fn bench(c: &mut Criterion) {
    let synth = |n: usize| Catalog::from_dataset(aifactories::synth::dataset(n, 1), "synth");
    let sets = [
        ("19", Catalog::embedded().unwrap()),
        ("1k", synth(1_000).unwrap()),
        ("10k", synth(10_000).unwrap()),
        ("100k", synth(100_000).unwrap()),
    ];
    let keys = keystrokes();
    for (name, cat) in sets {
        let sizes: &[(u16, u16)] = if name == "19" || name == "10k" {
            &[(120, 40), (200, 60)]
        } else {
            &[(120, 40)]
        };
        for &(w, h) in sizes {
            let mut a = app(cat.clone(), w, h);
            a.update(Action::StartSearch);
            let counter = Counter::default();
            let mut term = counting_terminal(&a, &counter);
            for background in [false, true] {
                a.set_background_search(background);
                term.draw(|f| ui::draw(f, &a)).unwrap();
                counter.take();
                let (mut bytes, mut writes, mut max_bytes) = (0, 0, 0);
                for k in &keys {
                    a.update(k.clone());
                    term.draw(|f| ui::draw(f, &a)).unwrap();
                    let (b, wr) = counter.take();
                    bytes += b;
                    writes += wr;
                    max_bytes = max_bytes.max(b);
                }
                let what = if background { "echo" } else { "complete" };
                println!(
                    "frame/{name}/{w}x{h}/{what}: {:.0} bytes and {:.1} writes per keystroke on average, {max_bytes} bytes at most",
                    bytes as f64 / keys.len() as f64,
                    writes as f64 / keys.len() as f64
                );
                let mut g = c.benchmark_group(format!("frame/{name}/{w}x{h}"));
                if name != "19" {
                    g.sample_size(10);
                }
                g.bench_function(format!("{what} (12 keystrokes)"), |b| {
                    b.iter(|| {
                        for k in &keys {
                            a.update(k.clone());
                            term.draw(|f| ui::draw(f, &a)).unwrap();
                        }
                    })
                });
                g.finish();
            }
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
