//! The real binary for the CLI tests, with the environment each test file asks for.
#![allow(dead_code)]

use assert_cmd::Command;

/// The fixed "today" of the CLI tests.
pub const TODAY: &str = "2026-11-24";

/// The binary with the environment it inherits and no argument.
pub fn bin() -> Command {
    Command::cargo_bin("aifactories").expect("binary built")
}

/// `aifactories --today TODAY`, with the variables of `unset` removed from its environment,
/// then those of `set` set. `COLUMNS` is always removed first: the tables fit it.
pub fn aifactories(unset: &[&str], set: &[(&str, &str)]) -> Command {
    let mut c = bin();
    c.env_remove("COLUMNS");
    for k in unset {
        c.env_remove(k);
    }
    for (k, v) in set {
        c.env(k, v);
    }
    c.args(["--today", TODAY]);
    c
}
