//! Keystroke to frame: `App::update` plus drawing into a buffered crossterm backend, on the
//! real data and on 10k synthetic factories. Also prints bytes and write calls per keystroke.

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
    let sets = [
        ("real", Catalog::embedded().unwrap()),
        (
            "10k",
            Catalog::from_dataset(aifactories::synth::dataset(10_000, 1), "synth").unwrap(),
        ),
    ];
    for (name, cat) in sets {
        for (w, h) in [(120u16, 40u16), (200, 60)] {
            let mut a = app(cat.clone(), w, h);
            a.update(Action::StartSearch);
            let counter = Counter::default();
            let mut term = counting_terminal(&a, &counter);
            term.draw(|f| ui::draw(f, &a)).unwrap();
            // Bytes and writes per keystroke, once, for the record.
            counter.take();
            let keys = keystrokes();
            let (mut bytes, mut writes, mut max_bytes) = (0, 0, 0);
            for k in &keys {
                a.update(k.clone());
                term.draw(|f| ui::draw(f, &a)).unwrap();
                let (b, wr) = counter.take();
                bytes += b;
                writes += wr;
                max_bytes = max_bytes.max(b);
            }
            println!(
                "frame/{name}/{w}x{h}: {:.0} bytes and {:.1} writes per keystroke on average, {max_bytes} at most",
                bytes as f64 / keys.len() as f64,
                writes as f64 / keys.len() as f64
            );
            let mut g = c.benchmark_group(format!("frame/{name}/{w}x{h}"));
            if name != "real" {
                g.sample_size(10);
            }
            g.bench_function("keystroke (update + draw, per 12 keys)", |b| {
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

criterion_group!(benches, bench);
criterion_main!(benches);
