//! Reads the embedded dataset (`assets/*.ron`) into the model's types, the same crate the
//! program uses (`crates/model`), and encodes it with postcard, so that the dashboard starts
//! by decoding a compact binary form instead of parsing the RON. A RON file that does not
//! parse fails the build with its file, line and column.

use std::path::Path;

use aifactories_model::model::{Country, Dataset, Sector};

const INPUTS: [&str; 3] = [
    "assets/factories.ron",
    "assets/countries.ron",
    "assets/sectors.ron",
];

/// Parse one file, or stop the build with the place of the error.
fn parse<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    ron::from_str(&text).unwrap_or_else(|e: ron::error::SpannedError| {
        panic!(
            "{file}:{}:{}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    })
}

fn main() {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    let data: Dataset = parse(INPUTS[0]);
    let countries: Vec<Country> = parse(INPUTS[1]);
    let sectors: Vec<Sector> = parse(INPUTS[2]);
    let bytes = postcard::to_allocvec(&(data, countries, sectors))
        .unwrap_or_else(|e| panic!("encoding the embedded data: {e}"));
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    std::fs::write(Path::new(&out_dir).join("embedded.postcard"), bytes)
        .expect("writing the encoded data to OUT_DIR");
}
