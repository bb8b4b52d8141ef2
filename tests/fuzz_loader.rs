//! Fuzzing the loader: random bytes and mutations of real dataset files (byte flips,
//! insertions of hostile bytes and RON tokens, deletions, truncations, duplicated and swapped
//! chunks, huge numbers, deep nesting, very long strings) go through `text_from_bytes` and
//! `Catalog::from_ron`.
//!
//! Property: no panic, and either a catalog whose every string is safe for the terminal and
//! which survives a round trip through `to_ron`, or an error whose every problem is located
//! (a 1-based line and column, or a record and a field) and whose message names the file.
//!
//! The default run is short (256 cases per property, or `PROPTEST_CASES`); run it long with
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz_loader`.
//!
//! Every file in `tests/corpus/crashers/` (inputs that once broke the property, minimized) is
//! checked by `every_kept_crasher_holds_the_property`.

use std::path::Path;

use aifactories::data::{Catalog, EMBEDDED_FACTORIES, LoadError, text_from_bytes};
use aifactories::text::is_forbidden_char;
use proptest::prelude::*;
use proptest::sample::Index;

const FILE: &str = "f";
const MINIMAL: &str = include_str!("corpus/good/minimal.ron");

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Shrinking a mutation of a 150 kB file is slow; a failure is minimized by hand.
        max_shrink_iters: 2_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every string of a value, walked through its JSON form.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                out.push(k.clone());
                strings(x, out);
            }
        }
        _ => {}
    }
}

/// Why a load result breaks the property, if it does.
fn violation(bytes: &[u8]) -> Option<String> {
    let result = text_from_bytes(bytes.to_vec(), FILE).and_then(|t| Catalog::from_ron(&t, FILE));
    match result {
        Ok(cat) => {
            // Nothing that passed validation can drive the terminal.
            let json = match serde_json::to_value(&cat.data) {
                Ok(json) => json,
                Err(e) => return Some(format!("validated data does not serialize: {e}")),
            };
            let mut all = Vec::new();
            strings(&json, &mut all);
            if let Some(s) = all.iter().find(|s| s.chars().any(is_forbidden_char)) {
                return Some(format!("validated data holds a control character: {s:?}"));
            }
            // What the catalog writes back loads again, to the same data.
            match Catalog::from_ron(&cat.to_ron(), "again") {
                Ok(again) if again.data == cat.data => None,
                Ok(_) => Some("to_ron round trip changed the data".to_string()),
                Err(e) => Some(format!("to_ron output does not load: {e}")),
            }
        }
        Err(e) => error_violation(&e),
    }
}

fn error_violation(e: &LoadError) -> Option<String> {
    if e.file != FILE {
        return Some(format!("error names file {:?}, not {FILE:?}: {e}", e.file));
    }
    if e.problems.is_empty() {
        return Some("error without a problem".to_string());
    }
    for p in &e.problems {
        let located = match p.position {
            Some((line, col)) => line >= 1 && col >= 1,
            None => p.record.is_some() && p.field.is_some(),
        };
        if !located {
            return Some(format!(
                "problem neither at a position nor on a field: {p:?}"
            ));
        }
        if p.message.trim().is_empty() {
            return Some(format!("problem without a message: {p:?}"));
        }
    }
    let shown = e.to_string();
    if let Some(line) = shown.lines().find(|l| !l.starts_with(&format!("{FILE}:"))) {
        return Some(format!(
            "message line does not start with the file name: {line:?} in {shown}"
        ));
    }
    // The message goes to a terminal: the file's bytes must not reach it raw.
    if let Some(c) = shown.chars().find(|&c| c != '\n' && is_forbidden_char(c)) {
        return Some(format!(
            "message holds control character U+{:04X}: {shown:?}",
            u32::from(c)
        ));
    }
    None
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match violation(bytes) {
        None => Ok(()),
        Some(why) => Err(TestCaseError::fail(format!(
            "{why}\ninput ({} bytes): {:?}",
            bytes.len(),
            String::from_utf8_lossy(&bytes[..bytes.len().min(400)])
        ))),
    }
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// Bytes and tokens that tend to break parsers and validators.
const TOKENS: &[&str] = &[
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "0",
    "1",
    "9",
    "-",
    ".",
    "e",
    "'",
    "\\",
    "/",
    "#",
    "r#\"",
    "\"#",
    "b\"",
    "//",
    "/*",
    "*/",
    "/* /* */",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u{1b}",
    "\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{202E}",
    "\u{2028}",
    "\u{2066}",
    "\u{FEFF}",
    "é",
    "日本",
    "👩‍🔬",
    "\u{301}",
    "Some(",
    "None",
    "true",
    "false",
    "Unknown",
    "Factories([",
    "\\u{1b}",
    "\\u{202e}",
    "\\u{d800}",
    "\\u{110000}",
    "\\x1b",
    "\\n",
    "\\r",
    "\\\"",
    "NaN",
    "inf",
    "-inf",
    "1e999",
    "-0.0",
    "0x7f",
    "0b1",
    "1_000",
    "256",
    "-1",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "99999999999999999999999999999999999999999999999999999999999999999999999999999999",
    "#![enable(implicit_some)]",
    "#![enable(unwrap_newtypes)]",
    "#![enable(unwrap_variant_newtypes)]",
    "#![enable(explicit_struct_names)]",
    "\"2025-02-30\"",
    "\"2025-Q5\"",
    "\"end-0000\"",
    "\"9999-99-99\"",
    "\"2024-02-29\"",
    "\" 2025 \"",
    "\"2025-h2\"",
    "\"\"",
    "\t\\\":\" zz",
    "\"   \"",
    "\"-\"",
    "\"a--b\"",
    "\"XX\"",
    "\"fi\"",
    "Dataset(",
    "Factory(",
    "Antenna(",
    "Milestone(",
    "Source(",
    "Text(en: \"\", fr: \"\")",
    "id: ",
    "name: ",
    "sectors: ",
    "wave: 0",
    "wave: 255",
    "coords: Coords(lat: 91, lon: 0)",
];

fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
        2 => prop::collection::vec(any::<u8>(), 1..8),
        1 => prop::collection::vec(0u8..0x20, 1..4),
        1 => prop::collection::vec(0x80u8..=0xff, 1..4),
        1 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Truncate(Index),
    Duplicate(Index, usize, Index),
    Swap(Index, Index, usize),
    Nest(Index, usize, &'static str),
    LongString(Index, usize, char),
    /// Replace the contents of a quoted string (picked by the index among all of them).
    ReplaceString(Index, Vec<u8>),
    /// Replace a run of digits at or after the index by another number.
    ReplaceNumber(Index, String),
    /// Whole lines (often whole fields or records): delete, duplicate elsewhere, swap.
    LineDelete(Index),
    LineDuplicate(Index, Index),
    LineSwap(Index, Index),
    /// Copy the value of one quoted string over another (an id where a date goes, a country
    /// code where a sector goes, a duplicate id...).
    StringCopy(Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let num = prop_oneof![
        Just("99999999999999999999999999999999".to_string()),
        Just("1e308".to_string()),
        Just("-1".to_string()),
        Just("0".to_string()),
        Just("256".to_string()),
        Just("65536".to_string()),
        Just("4294967296".to_string()),
        Just("NaN".to_string()),
        Just("-inf".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:?}")),
        (1usize..2000).prop_map(|n| "9".repeat(n)),
    ];
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        6 => (any::<Index>(), interesting_bytes()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        3 => (any::<Index>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (any::<Index>(), 1usize..512, any::<Index>())
            .prop_map(|(i, n, j)| Mutation::Duplicate(i, n, j)),
        2 => (any::<Index>(), any::<Index>(), 1usize..256)
            .prop_map(|(i, j, n)| Mutation::Swap(i, j, n)),
        1 => (
            any::<Index>(),
            1usize..3000,
            prop::sample::select(&["(", "[", "Some(", "{", "Factories([", "Text("][..])
        )
            .prop_map(|(i, n, t)| Mutation::Nest(i, n, t)),
        1 => (
            any::<Index>(),
            1usize..100_000,
            prop::sample::select(&['a', 'é', '日', '👩', '\u{301}', ' ', '\\', '-'][..])
        )
            .prop_map(|(i, n, c)| Mutation::LongString(i, n, c)),
        3 => (
            any::<Index>(),
            prop_oneof![
                interesting_bytes(),
                "[a-z0-9 -]{0,12}".prop_map(String::into_bytes),
                "\\PC{0,10}".prop_map(String::into_bytes),
            ]
        )
            .prop_map(|(i, b)| Mutation::ReplaceString(i, b)),
        3 => (any::<Index>(), num).prop_map(|(i, n)| Mutation::ReplaceNumber(i, n)),
    ]
}

/// Mutations that mostly keep the syntax, so that the input reaches validation.
fn value_mutation() -> impl Strategy<Value = Mutation> {
    let escaped = prop_oneof![
        prop::sample::select(
            &[
                "\\u{1b}[31m",
                "\\u{7}",
                "\\u{202e}",
                "\\u{2028}",
                "\\r",
                "\\n",
                "\\t",
                "\\u{85}",
                "\\u{9b}",
                "\\u{0}",
                "",
                " ",
                "  ",
                "-",
                "x--y",
                "-x",
                "Lumi-AIF",
                "lumi-aif",
                "general",
                "health",
                "FI",
                "SE",
                "XX",
                "fi",
                "2025-02-29",
                "2024-02-29",
                "2025-00",
                "2025-13",
                "2025-Q0",
                "2025-H3",
                "end-1899",
                "2101",
                "1900",
                "end-2100",
                "http://",
                "https://",
                "https:// x",
                "ftp://x",
                "HTTPS://X",
            ][..]
        )
        .prop_map(|s| s.as_bytes().to_vec()),
        "[a-z0-9-]{0,12}".prop_map(String::into_bytes),
        "[^\"\\\\]{0,16}".prop_map(String::into_bytes),
    ];
    let num = prop_oneof![
        Just("0".to_string()),
        Just("255".to_string()),
        Just("256".to_string()),
        Just("-0".to_string()),
        Just("1e999".to_string()),
        Just("NaN".to_string()),
        (-200.0f64..200.0).prop_map(|n| format!("{n:?}")),
        (0u16..300).prop_map(|n| n.to_string()),
    ];
    prop_oneof![
        4 => (any::<Index>(), escaped).prop_map(|(i, b)| Mutation::ReplaceString(i, b)),
        2 => (any::<Index>(), num).prop_map(|(i, n)| Mutation::ReplaceNumber(i, n)),
        1 => any::<Index>().prop_map(Mutation::LineDelete),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::LineDuplicate(i, j)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::LineSwap(i, j)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::StringCopy(i, j)),
    ]
}

/// Byte ranges of the lines (without their `\n`).
fn lines(data: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in data.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, data.len()));
    out
}

/// Byte ranges of the contents of the quoted strings (outside `//` comments).
fn string_ranges(data: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'/' if data.get(i + 1) == Some(&b'/') => {
                i += data[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(data.len() - i);
            }
            b'"' => {
                let open = i + 1;
                i = open;
                while i < data.len() && data[i] != b'"' {
                    i += if data[i] == b'\\' { 2 } else { 1 };
                }
                if i >= data.len() {
                    break;
                }
                out.push((open, i));
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Byte range of the contents of a quoted string, picked by the index.
fn string_at(data: &[u8], i: &Index) -> Option<(usize, usize)> {
    let all = string_ranges(data);
    (!all.is_empty()).then(|| all[i.index(all.len())])
}

fn apply(data: &mut Vec<u8>, m: &Mutation) {
    let len = data.len();
    // A position in 0..=len.
    let pos = |i: &Index| i.index(len + 1);
    match m {
        Mutation::Flip(i, b) if len > 0 => data[i.index(len)] ^= 1 << b,
        Mutation::Set(i, b) if len > 0 => data[i.index(len)] = *b,
        Mutation::Flip(..) | Mutation::Set(..) => data.push(0),
        Mutation::Insert(i, bytes) => {
            let at = pos(i);
            data.splice(at..at, bytes.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = pos(i);
            data.drain(at..(at + n).min(len));
        }
        Mutation::Truncate(i) => data.truncate(pos(i)),
        Mutation::Duplicate(i, n, j) => {
            let at = pos(i);
            let chunk = data[at..(at + n).min(len)].to_vec();
            let to = pos(j);
            data.splice(to..to, chunk);
        }
        Mutation::Swap(i, j, n) => {
            let (a, b) = (pos(i), pos(j));
            let (a, b) = (a.min(b), a.max(b));
            let n = (*n).min(b - a).min(len - b);
            if n > 0 {
                let (left, right) = data.split_at_mut(b);
                left[a..a + n].swap_with_slice(&mut right[..n]);
            }
        }
        Mutation::Nest(i, n, open) => {
            let at = pos(i);
            let close: String = open
                .chars()
                .rev()
                .map(|c| match c {
                    '(' => ')',
                    '[' => ']',
                    '{' => '}',
                    _ => ' ',
                })
                .collect();
            let mut s = open.repeat(*n);
            s.push_str(&close.repeat(*n));
            data.splice(at..at, s.into_bytes());
        }
        Mutation::LongString(i, n, c) => {
            let at = pos(i);
            let mut s = String::from("\"");
            s.extend(std::iter::repeat_n(*c, *n));
            s.push('"');
            data.splice(at..at, s.into_bytes());
        }
        Mutation::ReplaceString(i, bytes) => {
            if let Some((a, b)) = string_at(data, i) {
                data.splice(a..b, bytes.iter().copied());
            }
        }
        Mutation::StringCopy(i, j) => {
            if let (Some((a, b)), Some((c, d))) = (string_at(data, i), string_at(data, j)) {
                let value = data[a..b].to_vec();
                data.splice(c..d, value);
            }
        }
        Mutation::LineDelete(i) => {
            let ls = lines(data);
            let (a, b) = ls[i.index(ls.len())];
            data.drain(a..(b + 1).min(len));
        }
        Mutation::LineDuplicate(i, j) => {
            let ls = lines(data);
            let (a, b) = ls[i.index(ls.len())];
            let mut line = data[a..b].to_vec();
            line.push(b'\n');
            let (to, _) = ls[j.index(ls.len())];
            data.splice(to..to, line);
        }
        Mutation::LineSwap(i, j) => {
            let ls = lines(data);
            let (x, y) = (ls[i.index(ls.len())], ls[j.index(ls.len())]);
            let (x, y) = if x.0 <= y.0 { (x, y) } else { (y, x) };
            if x == y {
                return;
            }
            let (first, second) = (data[x.0..x.1].to_vec(), data[y.0..y.1].to_vec());
            data.splice(y.0..y.1, first);
            data.splice(x.0..x.1, second);
        }
        Mutation::ReplaceNumber(i, n) => {
            let from = pos(i);
            let Some(start) = data[from..].iter().position(u8::is_ascii_digit) else {
                return;
            };
            let start = from + start;
            let end = start
                + data[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit() || **b == b'.')
                    .count();
            data.splice(start..end, n.bytes());
        }
    }
}

fn mutated(seed: &'static str, max: usize) -> impl Strategy<Value = Vec<u8>> {
    mutated_with(seed, mutation(), max)
}

fn mutated_with(
    seed: &'static str,
    m: impl Strategy<Value = Mutation>,
    max: usize,
) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(m, 1..max).prop_map(move |ms| {
        let mut data = seed.as_bytes().to_vec();
        for m in &ms {
            apply(&mut data, m);
        }
        data
    })
}

/// Bytes drawn from RON's own alphabet, so that random input gets past the first token.
fn ron_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
            1 => "[a-z_]{1,8}".prop_map(String::into_bytes),
            1 => " ".prop_map(String::into_bytes),
        ],
        0..200,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_never_break_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes)?;
    }

    #[test]
    fn random_text_never_breaks_the_loader(text in "\\PC{0,300}|.{0,300}") {
        check(text.as_bytes())?;
    }

    #[test]
    fn random_ron_tokens_never_break_the_loader(bytes in ron_like()) {
        check(&bytes)?;
    }

    #[test]
    fn mutations_of_the_minimal_file_never_break_the_loader(bytes in mutated(MINIMAL, 8)) {
        check(&bytes)?;
    }

    #[test]
    fn mutations_of_the_embedded_file_never_break_the_loader(
        bytes in mutated(EMBEDDED_FACTORIES, 6),
    ) {
        check(&bytes)?;
    }

    #[test]
    fn value_mutations_of_the_minimal_file_never_break_the_validator(
        bytes in mutated_with(MINIMAL, value_mutation(), 6),
    ) {
        check(&bytes)?;
    }

    #[test]
    fn value_mutations_of_the_embedded_file_never_break_the_validator(
        bytes in mutated_with(EMBEDDED_FACTORIES, value_mutation(), 8),
    ) {
        check(&bytes)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Fixed cases: the seeds themselves and the extreme shapes, each run every time.

#[test]
fn the_seeds_load() {
    for (name, text) in [("minimal", MINIMAL), ("embedded", EMBEDDED_FACTORIES)] {
        let cat = Catalog::from_ron(text, name).unwrap_or_else(|e| panic!("{e}"));
        assert!(!cat.factories().is_empty());
        assert_eq!(violation(text.as_bytes()), None, "{name}");
    }
}

#[test]
fn extreme_inputs_hold_the_property() {
    let mut inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b" ".to_vec(),
        b"\n\n\n".to_vec(),
        b"\xff".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        "\u{FEFF}Dataset()".into(),
        b"\0".to_vec(),
        b"\r".to_vec(),
        b"Dataset(".to_vec(),
        b"Dataset(as_of: \"2026\", factories: [], antennas: [], milestones: [], sources: [])"
            .to_vec(),
        b"/*".to_vec(),
        b"/* /* */".to_vec(),
        b"r#######\"".to_vec(),
        b"\"\\u{".to_vec(),
        b"\"\\u{110000}\"".to_vec(),
        b"#![enable(".to_vec(),
        b"#![enable(implicit_some, unwrap_newtypes, unwrap_variant_newtypes)]".to_vec(),
    ];
    for open in ["(", "[", "{", "Some(", "Dataset(as_of: ", "Text("] {
        for depth in [127, 128, 129, 1_000, 100_000] {
            inputs.push(open.repeat(depth).into_bytes());
        }
    }
    // Deep nesting inside a field of the real file.
    let field = "      aliases: [";
    for depth in [100, 200, 5_000] {
        let nested =
            EMBEDDED_FACTORIES.replacen(field, &format!("{field}{}", "[".repeat(depth)), 1);
        inputs.push(nested.into_bytes());
    }
    // A huge string, a huge number and a huge comment in the real file.
    inputs.push(
        EMBEDDED_FACTORIES
            .replacen("name: \"", &format!("name: \"{}", "x".repeat(2_000_000)), 1)
            .into_bytes(),
    );
    inputs.push(
        EMBEDDED_FACTORIES
            .replacen("wave: 1", &format!("wave: 1{}", "0".repeat(100_000)), 1)
            .into_bytes(),
    );
    inputs.push(format!("/*{}*/", "/*".repeat(100_000)).into_bytes());
    // Every prefix of the minimal file (each truncation point).
    for n in 0..MINIMAL.len() {
        inputs.push(MINIMAL.as_bytes()[..n].to_vec());
    }
    for input in inputs {
        if let Some(why) = violation(&input) {
            panic!(
                "{why}\ninput: {:?}",
                String::from_utf8_lossy(&input[..input.len().min(200)])
            );
        }
    }
}

#[test]
fn every_kept_crasher_holds_the_property() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/crashers");
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|f| f.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no crasher kept in {}", dir.display());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        if let Some(why) = violation(&bytes) {
            panic!("{}: {why}", file.display());
        }
    }
}
