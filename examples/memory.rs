//! Heap used at each step of loading, counted by a global allocator: what the data, the
//! dashboard state and the search index cost, with and without malloc's per-block overhead.
//!
//!   cargo run --release --example memory                 # the embedded data
//!   cargo run --release --example memory -- FILE.ron     # a --data file (see examples/synth.rs)
//!
//! "chunks" counts each block as glibc malloc lays it out (16-byte rounding, 8-byte header,
//! 32 bytes at least; blocks of 128 KiB and more are mapped on their own). The last line is
//! the kernel's view: peak and current resident set.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use aifactories::app::{App, Options};
use aifactories::data::Catalog;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static CHUNKS: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

fn chunk(n: usize) -> usize {
    if n >= 128 * 1024 {
        n
    } else {
        ((n + 8).div_ceil(16) * 16).max(32)
    }
}

fn grow(n: usize) {
    LIVE.fetch_add(n, Relaxed);
    let now = CHUNKS.fetch_add(chunk(n), Relaxed) + chunk(n);
    PEAK.fetch_max(now, Relaxed);
}

fn shrink(n: usize) {
    LIVE.fetch_sub(n, Relaxed);
    CHUNKS.fetch_sub(chunk(n), Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grow(l.size());
        BLOCKS.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        shrink(l.size());
        BLOCKS.fetch_sub(1, Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        shrink(l.size());
        grow(n);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn report(step: &str) {
    let mb = |a: &AtomicUsize| a.load(Relaxed) as f64 / 1e6;
    println!(
        "{step:<24} live {:>7.1} MB  chunks {:>7.1} MB  peak chunks {:>7.1} MB  blocks {}",
        mb(&LIVE),
        mb(&CHUNKS),
        mb(&PEAK),
        BLOCKS.load(Relaxed)
    );
}

fn main() {
    let cat = match std::env::args_os().nth(1) {
        Some(path) => {
            let path = std::path::PathBuf::from(path);
            let text = aifactories::data::read_text(&path).unwrap_or_else(|e| panic!("{e}"));
            report("file text");
            let cat = Catalog::from_ron(&text, &path.display().to_string())
                .unwrap_or_else(|e| panic!("{e}"));
            report("catalog + file text");
            cat
        }
        None => Catalog::embedded().unwrap_or_else(|e| panic!("{e}")),
    };
    report("catalog");
    let opts = Options {
        lang: Default::default(),
        today: aifactories::data::Day::new(2026, 11, 24).unwrap_or_else(|e| panic!("{e}")),
        mono: false,
        size: (120, 40),
    };
    let mut app = App::new(cat, opts);
    report("app");
    app.prepare_search();
    report("app + search index");
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let rss: Vec<&str> = status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        .collect();
    println!("{}", rss.join("  "));
}
