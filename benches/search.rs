//! Search benchmarks: the cost of one keystroke while typing `health` and erasing it, on the
//! embedded data and on synthetic datasets of 10k and 100k factories, against a naive
//! baseline (SkimMatcherV2 on every field of every record, no folding, no index).
//!
//! Run: `cargo bench --bench search`. Each `keystroke` iteration is one key: the query grows
//! one char at a time (`h` ... `health`), then shrinks back to empty, cycling; the time
//! includes ranking every match and the name highlights of the rows on screen, as the
//! dashboard needs them. So the figure is the mean over those 12 keys:
//! - `keystroke/*`: with [`Searcher`] (narrowing, kept results for backspace);
//! - `scratch/*`: the same keys, each searched from scratch (index and threads, no history);
//! - `first-key/*`: the slowest key alone, `h` typed into an empty query;
//! - `naive/*`: the same keys with SkimMatcherV2 on every field of every record, no folding;
//! - `build/*`: building the index, once per dataset load.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use aifactories::data::{Catalog, IStr, Link};
use aifactories::search::{SearchIndex, Searcher};

/// The keys typed, in order: `health` then backspace to empty.
const KEYS: [&str; 12] = [
    "h", "he", "hea", "heal", "healt", "health", "healt", "heal", "hea", "he", "h", "",
];

/// Rows visible in the dashboard's list, whose name highlights are computed on each key.
const VISIBLE_ROWS: usize = 30;

fn synthetic(n: usize) -> Catalog {
    Catalog::from_dataset(aifactories::synth::dataset(n, 42), "synthetic")
        .unwrap_or_else(|e| panic!("synthetic dataset of {n}: {e}"))
}

/// One keystroke as the dashboard does it: search, then the visible rows' name highlights.
fn keystroke(s: &mut Searcher, q: &str) -> usize {
    let n = match s.search(q) {
        Ok(m) => m.len(),
        Err(_) => 0,
    };
    for m in s.matches().iter().take(VISIBLE_ROWS) {
        black_box(s.name_positions(m.record));
    }
    n
}

/// Benchmark one keystroke at a time, cycling through `KEYS` across iterations.
fn bench_keystrokes(c: &mut Criterion, name: &str, cat: &Catalog, scratch: bool) {
    let mut g = c.benchmark_group("search");
    if cat.factories().len() >= 10_000 {
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
    } else {
        g.measurement_time(Duration::from_secs(3));
    }
    let mut s = Searcher::new(SearchIndex::new(cat));
    let mut k = 0;
    g.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                if scratch {
                    // From scratch: no narrowing, no kept results.
                    s.reset();
                }
                let q = KEYS[k % KEYS.len()];
                k += 1;
                let t = Instant::now();
                black_box(keystroke(&mut s, q));
                total += t.elapsed();
            }
            total
        });
    });
    g.finish();
}

/// The slowest key: the first letter typed into an empty query (`h`), which matches almost
/// every record and has nothing to narrow.
fn bench_first_key(c: &mut Criterion, name: &str, cat: &Catalog) {
    let mut g = c.benchmark_group("search");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let mut s = Searcher::new(SearchIndex::new(cat));
    g.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // Back to the empty query (kept, so instant), then the timed key.
                black_box(keystroke(&mut s, ""));
                let t = Instant::now();
                black_box(keystroke(&mut s, "h"));
                total += t.elapsed();
            }
            total
        });
    });
    g.finish();
}

/// The naive baseline: every field's original text, matched with skim as is.
struct Naive {
    records: Vec<Vec<IStr>>,
    matcher: SkimMatcherV2,
}

impl Naive {
    fn new(cat: &Catalog) -> Naive {
        let country = |code: &str| -> Vec<IStr> {
            match cat.country(code) {
                Some(c) => vec![c.en.clone(), c.fr.clone(), c.code.clone()],
                None => vec![IStr::from(code)],
            }
        };
        let mut records = Vec::new();
        for f in cat.factories() {
            let mut v = vec![f.name.clone(), f.city.clone(), f.host.clone()];
            v.extend(f.aliases.iter().cloned());
            v.extend(f.consortium.iter().cloned());
            v.extend(f.site.iter().map(|s| s.name.clone()));
            v.extend(f.system.name.iter().cloned());
            v.extend(f.system.vendor.iter().cloned());
            for k in &f.sectors {
                if let Some(s) = cat.sector(k) {
                    v.extend([s.key.clone(), s.en.clone(), s.fr.clone()]);
                    v.extend(s.synonyms.iter().cloned());
                }
            }
            v.extend(country(&f.country));
            for p in &f.partners {
                v.extend(country(p));
            }
            records.push(v);
        }
        for a in cat.antennas() {
            let mut v = vec![a.name.clone()];
            v.extend(a.city.iter().cloned());
            v.extend(country(&a.country));
            if let Link::Factories(ids) = &a.linked {
                v.extend(
                    ids.iter()
                        .filter_map(|id| cat.factory(id))
                        .map(|f| f.name.clone()),
                );
            }
            records.push(v);
        }
        Naive {
            records,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// Every word must match some field; score = sum of each word's best field score.
    fn search(&self, q: &str) -> Vec<(i64, usize)> {
        let words: Vec<&str> = q.split_whitespace().collect();
        let mut out = Vec::new();
        for (i, fields) in self.records.iter().enumerate() {
            let mut total = 0;
            let mut ok = true;
            for w in &words {
                match fields
                    .iter()
                    .filter_map(|f| self.matcher.fuzzy_match(f, w))
                    .max()
                {
                    Some(s) => total += s,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                out.push((total, i));
            }
        }
        out.sort_unstable_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
        out
    }
}

fn bench_naive(c: &mut Criterion, name: &str, cat: &Catalog) {
    let mut g = c.benchmark_group("search");
    if cat.factories().len() >= 10_000 {
        // About 55 iterations for 10 samples: ~0.2 s each at 100k.
        let secs = if cat.factories().len() >= 100_000 {
            12
        } else {
            4
        };
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(secs));
    } else {
        g.measurement_time(Duration::from_secs(3));
    }
    let naive = Naive::new(cat);
    let mut k = 0;
    g.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(naive.search(KEYS[k % KEYS.len()]).len());
                k += 1;
            }
            t.elapsed()
        });
    });
    g.finish();
}

fn bench_build(c: &mut Criterion, name: &str, cat: &Catalog) {
    let mut g = c.benchmark_group("search");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    g.bench_function(name, |b| b.iter(|| black_box(SearchIndex::new(cat)).len()));
    g.finish();
}

fn benches(c: &mut Criterion) {
    let real = Catalog::embedded().unwrap_or_else(|e| panic!("embedded data: {e}"));
    bench_keystrokes(c, "keystroke/real", &real, false);
    bench_naive(c, "naive/real", &real);
    bench_build(c, "build/real", &real);

    let k10 = synthetic(10_000);
    bench_keystrokes(c, "keystroke/10k", &k10, false);
    bench_keystrokes(c, "scratch/10k", &k10, true);
    bench_first_key(c, "first-key/10k", &k10);
    bench_naive(c, "naive/10k", &k10);
    bench_build(c, "build/10k", &k10);
    drop(k10);

    let k100 = synthetic(100_000);
    bench_keystrokes(c, "keystroke/100k", &k100, false);
    bench_keystrokes(c, "scratch/100k", &k100, true);
    bench_first_key(c, "first-key/100k", &k100);
    bench_naive(c, "naive/100k", &k100);
}

criterion_group!(search, benches);
criterion_main!(search);
