//! Turns the embedded RON data into postcard bytes at build time, so that the dashboard
//! starts by decoding a compact binary form instead of parsing 150 KB of RON (which was most
//! of its start-up cost). The strings go into one string table, written as a text file of
//! its own that the crate includes with `include_str!`, so that the compiler checks it for
//! UTF-8. The RON files stay the source of truth: the model is the crate's own
//! (`src/data/model.rs`), compiled here too, and the test suite checks that the decoded data
//! equals the parsed and validated RON.
//!
//! If the RON does not parse, empty files are written and a warning printed: the binary then
//! parses the RON at run time and reports the error with its file, line and column, as it
//! does for any `--data` file.

use std::path::Path;

// The same files as `crate::data::{date, istr, model}`, at the same module paths, so that their
// `super::` references resolve alike.
#[allow(dead_code, unused_imports)]
mod src {
    pub mod data {
        pub mod date;
        pub mod istr;
        pub mod model;
    }
}

use src::data::model::{Country, Dataset, Sector};

const INPUTS: [&str; 6] = [
    "assets/factories.ron",
    "assets/countries.ron",
    "assets/sectors.ron",
    "src/data/model.rs",
    "src/data/date.rs",
    "src/data/istr.rs",
];

fn main() {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let (strings, tables) = match encode() {
        Ok(b) => b,
        Err(e) => {
            println!(
                "cargo::warning=the embedded data will be parsed at run time: {}",
                e.replace('\n', " ")
            );
            (String::new(), Vec::new())
        }
    };
    // Two files: the string table is included with `include_str!`, so the compiler checks
    // that it is UTF-8 and the program does not have to.
    let out = Path::new(&out_dir);
    std::fs::write(out.join("embedded.strings"), strings)
        .expect("writing the string table to OUT_DIR");
    std::fs::write(out.join("embedded.postcard"), tables)
        .expect("writing the encoded data to OUT_DIR");
}

fn encode() -> Result<(String, Vec<u8>), String> {
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let data: Dataset =
        ron::from_str(&read(INPUTS[0])?).map_err(|e| format!("{}: {e}", INPUTS[0]))?;
    let countries: Vec<Country> =
        ron::from_str(&read(INPUTS[1])?).map_err(|e| format!("{}: {e}", INPUTS[1]))?;
    let sectors: Vec<Sector> =
        ron::from_str(&read(INPUTS[2])?).map_err(|e| format!("{}: {e}", INPUTS[2]))?;
    // The string table, and the tables with each string as its place in it (see
    // `decode_embedded` in src/data/mod.rs).
    let (tables, strings) = src::data::istr::with_string_table(|| {
        postcard::to_allocvec(&(data, countries, sectors)).map_err(|e| e.to_string())
    });
    Ok((strings, tables?))
}
