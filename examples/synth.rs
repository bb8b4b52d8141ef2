//! Write a synthetic dataset as RON, accepted by `--data`:
//!
//! ```text
//! cargo run --release --example synth -- N [SEED] > big.ron
//! aifactories --data big.ron timeline --year 2025
//! ```
//!
//! The output is validated before it is written, so a file this prints always loads. It is
//! compact RON (about 2.5 MB per 1,000 factories), so 100,000 factories stay under the
//! 512 MiB that `--data` accepts.

use std::io::Write;
use std::process::ExitCode;

use aifactories::data::Catalog;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (n, seed) = match args.as_slice() {
        [n] => (n.trim().parse::<usize>().ok(), Some(1)),
        [n, seed] => (n.trim().parse().ok(), seed.trim().parse::<u64>().ok()),
        _ => (None, None),
    };
    let (Some(n), Some(seed)) = (n, seed) else {
        eprintln!("usage: synth N [SEED]   (N factories, SEED defaults to 1)");
        return ExitCode::from(2);
    };
    let ds = aifactories::synth::dataset(n, seed);
    let cat = match Catalog::from_dataset(ds, "synth") {
        Ok(c) => c,
        Err(e) => {
            // A bug in the generator (or tables it cannot satisfy): say so, write nothing.
            eprintln!("generated data does not validate:\n{e}");
            return ExitCode::from(1);
        }
    };
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(cat.to_ron_compact().as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not worth a panic.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}
