//! `aifactories completions SHELL` and `aifactories man` end to end: both are generated from
//! the clap definition, so they name the binary and every command.

#[path = "common/cli.rs"]
mod cli;

use assert_cmd::Command;

fn cmd() -> Command {
    cli::aifactories(&["LANG", "LC_ALL", "LC_MESSAGES"], &[("NO_COLOR", "1")])
}

/// Whether `word` occurs in `text` as a whole word: not inside a longer name (`man` in
/// `manual` or `command`), where a name may hold letters, digits, `_` and `-`.
fn has_word(text: &str, word: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    text.match_indices(word).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(part)
            && !text[i + word.len()..].chars().next().is_some_and(part)
    })
}

/// Run and return stdout and stderr, asserting the exit status.
fn run(args: &[&str], code: i32) -> (String, String) {
    let out = cmd().args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    (stdout, stderr)
}

#[test]
fn every_shell_gets_a_script_naming_the_binary_and_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (script, stderr) = run(&["completions", shell], 0);
        assert!(!script.trim().is_empty(), "{shell}: empty script");
        assert!(stderr.is_empty(), "{shell}: stderr: {stderr}");
        assert!(script.contains("aifactories"), "{shell}: no binary name");
        for sub in ["timeline", "list", "show", "search", "completions", "man"] {
            assert!(has_word(&script, sub), "{shell}: no `{sub}` in\n{script}");
        }
        // Global options and their values are completed too.
        assert!(script.contains("--today"), "{shell}: no --today");
    }
}

#[test]
fn the_bash_script_registers_a_completion_function() {
    let (script, _) = run(&["completions", "bash"], 0);
    assert!(
        script.contains("complete -F _aifactories"),
        "no `complete` line:\n{script}"
    );
    // Values of value enums are offered: the shells of this very command.
    assert!(script.contains("powershell"));
}

#[test]
fn an_unknown_or_missing_shell_is_a_usage_error() {
    let (stdout, stderr) = run(&["completions", "tcsh"], 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("tcsh"), "{stderr}");
    assert!(
        stderr.contains("bash"),
        "the error lists the shells: {stderr}"
    );
    let (stdout, _) = run(&["completions"], 2);
    assert!(stdout.is_empty());
}

#[test]
fn the_man_page_is_roff_and_lists_the_commands() {
    let (page, stderr) = run(&["man"], 0);
    assert!(stderr.is_empty(), "{stderr}");
    // clap_mangen opens with the quote-string preamble, then the title header: everything
    // before `.TH` must be roff requests, and `.TH` comes before the first section.
    let th = page.find("\n.TH aifactories 1").expect("a .TH header");
    assert!(
        page[..th].lines().all(|l| l.starts_with('.')),
        "non-roff text before .TH:\n{}",
        &page[..th]
    );
    assert!(th < page.find(".SH").expect("sections"));
    assert!(page.contains(".SH NAME"));
    assert!(page.contains(".SH SYNOPSIS"));
    assert!(page.contains(".SH SUBCOMMANDS"));
    for sub in [
        "list",
        "show",
        "validate",
        "export",
        "search",
        "timeline",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!("aifactories\\-{sub}")),
            "no `{sub}` in the man page:\n{page}"
        );
    }
    assert!(
        page.contains("\\-\\-today"),
        "global options are documented"
    );
}
