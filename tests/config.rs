//! The configuration file: the example loads, every kind of mistake is located or named, and
//! key overrides change what the keys do and what the help says.

mod common;

use std::path::Path;

use aifactories::app::Action;
use aifactories::config::{self, Config, ThemeName};
use aifactories::data::{Lang, LoadError};
use aifactories::keymap::{Key, Keymap};
use aifactories::layout::Pane;
use aifactories::theme::Theme;
use aifactories::ui::help;
use crossterm::event::KeyEvent;
use ratatui::style::Color;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/config.ron");

fn parse(text: &str) -> Result<Config, LoadError> {
    Config::from_ron(text, "conf.ron")
}

/// The one problem of a bad config, as printed.
fn one_error(text: &str) -> String {
    let e = parse(text).expect_err("the config should be refused");
    assert_eq!(e.problems.len(), 1, "{e}");
    e.to_string()
}

fn press(keymap: &Keymap, focus: Pane, key: &str) -> Option<Action> {
    let Key(code, mods) = Key::parse(key).unwrap();
    keymap.key_action(focus, false, &KeyEvent::new(code, mods))
}

#[test]
fn the_example_loads_and_means_what_it_says() {
    let c = config::load(Path::new(EXAMPLE), true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.theme, Some(ThemeName::Default));
    assert_eq!(c.mouse, Some(true));
    let keymap = c.keymap().unwrap();
    assert_eq!(press(&keymap, Pane::List, "c"), Some(Action::Copy));
    assert_eq!(press(&keymap, Pane::List, "ctrl-f"), Some(Action::PageDown));
    assert_eq!(press(&keymap, Pane::Search, "ctrl-q"), Some(Action::Quit));
    assert_eq!(press(&keymap, Pane::List, "q"), Some(Action::Quit));
    let theme = c.theme(None, false).unwrap();
    assert_eq!(theme.selected.bg, Some(Color::Blue));
    // Colour off wins over the file's theme and colours.
    assert_eq!(c.theme(None, true).unwrap(), Theme::monochrome());
    assert_eq!(
        c.theme(Some(ThemeName::Light), false).unwrap().title.fg,
        Some(Color::Cyan)
    );
}

#[test]
fn syntax_and_type_errors_give_line_and_column() {
    let e = one_error("Config(\n    theme: Light,\n    mouse: yes,\n)\n");
    assert!(e.starts_with("conf.ron:3:"), "{e}");
    assert!(e.contains("mouse"), "{e}");
    let e = one_error("(\n  keys: { \"quit\": [\"x\"] \n");
    assert!(e.starts_with("conf.ron:2:24: error: "), "{e}");
    let e = one_error("(\n  colours: {},\n)");
    assert!(e.starts_with("conf.ron:2:3: error: "), "{e}");
    assert!(e.contains("colours"), "{e}");
    // A list of keys where one key was expected: named by its entry.
    let e = one_error("(\n  keys: { \"list.down\": \"j\" },\n)");
    assert!(e.starts_with("conf.ron:2:"), "{e}");
    assert!(e.contains("list.down"), "{e}");
}

#[test]
fn an_unknown_theme_is_located_and_named() {
    let e = one_error("(\n  theme: Sepia,\n)");
    assert!(e.starts_with("conf.ron:2:"), "{e}");
    assert!(e.contains("Sepia") && e.contains("theme"), "{e}");
    assert!(e.contains("HighContrast"), "the choices are listed: {e}");
    // Lower-case spellings are accepted.
    assert_eq!(
        parse("(theme: high_contrast)").unwrap().theme,
        Some(ThemeName::HighContrast)
    );
}

#[test]
fn an_unknown_action_is_named() {
    let e = one_error(r#"(keys: { "list.dwn": ["x"] })"#);
    assert!(
        e.starts_with(r#"conf.ron: error: field `keys["list.dwn"]`: unknown action "dwn""#),
        "{e}"
    );
    assert!(e.contains(r#"did you mean "down""#), "{e}");
}

#[test]
fn bad_key_strings_are_named() {
    for bad in ["ctrl-", "Ctrl-Shift-Foo", "f13", "shift-x", ""] {
        let text = format!(r#"(keys: {{ "quit": ["q", {bad:?}] }})"#);
        let e = one_error(&text);
        assert!(
            e.starts_with(&format!(
                r#"conf.ron: error: field `keys["quit"][1]`: bad key {bad:?}"#
            )),
            "{e}"
        );
    }
}

#[test]
fn unknown_colours_and_styles_are_named() {
    let e = one_error(r#"(colors: { "title": "purpel" })"#);
    assert!(
        e.starts_with(r#"conf.ron: error: field `colors["title"]`: unknown colour "purpel""#),
        "{e}"
    );
    let e = one_error(r#"(colors: { "titel": "red" })"#);
    assert!(
        e.starts_with(r#"conf.ron: error: field `colors["titel"]`: unknown style "titel""#),
        "{e}"
    );
    assert!(e.contains(r#"did you mean "title""#), "{e}");
}

#[test]
fn every_semantic_problem_is_reported_at_once() {
    let e = parse(
        r#"(
            keys: { "qiut": ["x"], "down": ["ctrl-"], "list.up": ["j"] },
            colors: { "dim": "grey50", "nope": "red" },
        )"#,
    )
    .unwrap_err();
    let fields: Vec<_> = e
        .problems
        .iter()
        .map(|p| p.field.clone().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            r#"keys["qiut"]"#,
            r#"keys["down"][0]"#,
            r#"keys["list.up"]"#,
            r#"colors["dim"]"#,
            r#"colors["nope"]"#,
        ],
        "{e}"
    );
    assert!(e.to_string().ends_with("conf.ron: 5 problems"), "{e}");
}

#[test]
fn an_override_replaces_the_keys_and_shows_in_the_help() {
    let c = parse(r#"(keys: { "quit": ["x"] })"#).unwrap();
    let keymap = c.keymap().unwrap();
    assert_eq!(press(&keymap, Pane::List, "x"), Some(Action::Quit));
    assert_eq!(press(&keymap, Pane::List, "q"), None);
    // x is still typed into the search box, and Ctrl-C (not text) still quits everywhere.
    assert_eq!(press(&keymap, Pane::Search, "x"), Some(Action::Input('x')));
    assert_eq!(press(&keymap, Pane::Search, "ctrl-c"), Some(Action::Quit));

    let app = common::app_with(120, 40, Lang::En, false);
    let text = help::text(&keymap, &app);
    let default = help::text(&Keymap::default(), &app);
    let has = |text: &str, words: &[&str]| {
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == words)
    };
    assert!(has(&default, &["q", "quit"]), "{default}");
    assert!(!has(&text, &["q", "quit"]), "{text}");
    assert!(has(&text, &["x", "quit"]), "{text}");
    // Ctrl-C, not text, keeps quitting everywhere.
    assert!(has(&text, &["Ctrl-c", "quit"]), "{text}");
    // And in the hint bar's entries.
    let hints = keymap.hints(false, Pane::List, Lang::En);
    assert!(hints.contains(&("x".to_string(), "quit")), "{hints:?}");
    assert!(!hints.contains(&("q".to_string(), "quit")), "{hints:?}");
}

#[test]
fn a_scoped_override_changes_one_scope() {
    let c = parse(r#"(keys: { "list.down": ["n"], "list.up": ["p", "up"] })"#).unwrap();
    let keymap = c.keymap().unwrap();
    assert_eq!(press(&keymap, Pane::List, "n"), Some(Action::Down));
    assert_eq!(press(&keymap, Pane::List, "j"), None);
    assert_eq!(press(&keymap, Pane::List, "down"), None);
    assert_eq!(press(&keymap, Pane::Detail, "j"), Some(Action::Down));
    assert_eq!(press(&keymap, Pane::List, "up"), Some(Action::Up));
}

#[test]
fn a_clash_is_reported() {
    let e = one_error(r#"(keys: { "list.up": ["k", "j"] })"#);
    assert!(e.contains(r#"field `keys["list.up"]`"#), "{e}");
    assert!(
        e.contains(r#"key "j" is bound to both down (its default) and up in the list scope"#),
        "{e}"
    );
    // Two overrides on one key.
    let e = one_error(r#"(keys: { "copy": ["c"], "start_search": ["c"] })"#);
    assert!(e.contains(r#"key "c" is bound to both"#), "{e}");
    assert!(e.contains("panes scope"), "{e}");
}

#[test]
fn text_keys_cannot_act_while_typing() {
    let e = one_error(r#"(keys: { "always.quit": ["x"] })"#);
    assert!(e.contains(r#"field `keys["always.quit"][0]`"#), "{e}");
    assert!(e.contains("types a character"), "{e}");
}

#[test]
fn missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aifactories").join("config.ron");
    // At the default path: the defaults.
    assert_eq!(config::load(&path, false), Ok(Config::default()));
    // Named explicitly: an error that names the file.
    let e = config::load(&path, true).unwrap_err();
    assert!(
        e.to_string().starts_with(&path.display().to_string()),
        "{e}"
    );
    assert!(e.to_string().contains("cannot open"), "{e}");
}

#[test]
fn a_bad_file_at_the_default_path_is_still_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(&path, "(\n  theme: Sepia,\n)\n").unwrap();
    let e = config::load(&path, false).unwrap_err();
    assert!(
        e.to_string()
            .starts_with(&format!("{}:2:10: error: ", path.display())),
        "{e}"
    );
    std::fs::write(&path, "// all commented out\n").unwrap();
    assert_eq!(config::load(&path, false), Ok(Config::default()));
}

#[test]
fn the_default_keymap_is_the_static_table() {
    let c = parse("()").unwrap();
    assert_eq!(c, Config::default());
    assert_eq!(c.keymap().unwrap(), Keymap::default());
    assert_eq!(c.theme(None, false).unwrap(), Theme::new(false));
}
