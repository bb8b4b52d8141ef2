//! The keymap's unit tests: the table's invariants, key parsing and labels, lookups and
//! the configuration's overrides.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::key::{code, ctrl, k};
use super::*;
use crate::data::Problem;

fn all_states() -> [Vec<Scope>; 6] {
    [
        active_scopes(true, Pane::List),
        active_scopes(false, Pane::Search),
        active_scopes(false, Pane::Map),
        active_scopes(false, Pane::List),
        active_scopes(false, Pane::Detail),
        active_scopes(false, Pane::Timeline),
    ]
}

#[test]
fn no_key_is_bound_twice_in_a_scope_that_can_be_active_together() {
    for scopes in all_states() {
        // Within one scope a key appears once; across scopes the specific one wins by design.
        for s in &scopes {
            let mut seen: Vec<Key> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.scope == *s) {
                for key in b.keys {
                    assert!(!seen.contains(key), "{key:?} twice in {s:?}");
                    seen.push(*key);
                }
            }
        }
    }
}

#[test]
fn no_default_key_types_text_in_a_scope_active_while_typing() {
    for b in BINDINGS.iter().filter(|b| b.scope.while_typing()) {
        assert!(b.keys.iter().all(|k| !k.is_text()), "{:?}", b.action);
    }
}

#[test]
fn every_binding_has_help_in_both_languages() {
    for b in BINDINGS {
        for lang in [Lang::En, Lang::Fr] {
            assert!(!b.help(lang).is_empty(), "{:?}", b.action);
        }
    }
}

#[test]
fn every_bound_action_has_a_unique_name() {
    for b in BINDINGS {
        let name = action_name(&b.action).unwrap_or_else(|| panic!("{:?}", b.action));
        assert_eq!(action_by_name(name), Some(&b.action));
    }
    for (i, (n, _)) in ACTION_NAMES.iter().enumerate() {
        assert!(!ACTION_NAMES[..i].iter().any(|(m, _)| m == n), "{n}");
        assert!(
            BINDINGS.iter().any(|b| action_name(&b.action) == Some(n)),
            "{n} is bound nowhere"
        );
    }
}

#[test]
fn shift_is_ignored_for_characters() {
    let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert!(k('G').matches(&ev));
    assert!(!k('g').matches(&ev));
}

#[test]
fn keys_parse() {
    let p = |s: &str| Key::parse(s).unwrap();
    assert_eq!(p("q"), k('q'));
    assert_eq!(p("Q"), k('Q'));
    assert_eq!(p("-"), k('-'));
    assert_eq!(p("ctrl-c"), ctrl('c'));
    assert_eq!(p("Ctrl-C"), ctrl('c'));
    assert_eq!(p("CTRL--"), ctrl('-'));
    assert_eq!(p("alt-x"), Key(KeyCode::Char('x'), KeyModifiers::ALT));
    assert_eq!(p("Enter"), code(KeyCode::Enter));
    assert_eq!(p("esc"), code(KeyCode::Esc));
    assert_eq!(p("backtab"), code(KeyCode::BackTab));
    assert_eq!(p("shift-tab"), code(KeyCode::BackTab));
    assert_eq!(p("PgDn"), code(KeyCode::PageDown));
    assert_eq!(p("f12"), code(KeyCode::F(12)));
    assert_eq!(p("space"), k(' '));
    assert_eq!(p("backspace"), code(KeyCode::Backspace));
    assert_eq!(p("shift-up"), Key(KeyCode::Up, KeyModifiers::SHIFT));
    assert_eq!(
        p("ctrl-alt-left"),
        Key(KeyCode::Left, KeyModifiers::CONTROL | KeyModifiers::ALT)
    );
    for bad in [
        "",
        "ctrl-",
        "Ctrl-Shift-Foo",
        "f0",
        "f13",
        "f01",
        "foo",
        "shift-q",
        "ctrl-ctrl-c",
        "\u{7}",
    ] {
        assert!(Key::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn labels_round_trip_through_parse_for_the_defaults() {
    assert_eq!(Key::parse("alt-x").unwrap().label(), "Alt-x");
    assert_eq!(Key::parse("shift-up").unwrap().label(), "Shift-↑");
    assert_eq!(
        Key(KeyCode::BackTab, KeyModifiers::SHIFT).label(),
        "Shift-Tab"
    );
}

#[test]
fn the_default_keymap_is_the_table() {
    let m = Keymap::default();
    assert_eq!(m.bindings().len(), BINDINGS.len());
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(m.key_action(Pane::List, false, &q), Some(Action::Quit));
    assert_eq!(
        m.key_action(Pane::Search, false, &q),
        Some(Action::Input('q'))
    );
    assert_eq!(m.key_action(Pane::List, true, &q), Some(Action::ToggleHelp));
}

fn over(entries: &[(&str, &[&str])]) -> Result<Keymap, Vec<Problem>> {
    let mut m = Keymap::default();
    let entries: Vec<(String, Vec<String>)> = entries
        .iter()
        .map(|(n, ks)| (n.to_string(), ks.iter().map(|s| s.to_string()).collect()))
        .collect();
    m.apply(&entries).map(|()| m)
}

fn press(m: &Keymap, focus: Pane, key: &str) -> Option<Action> {
    let Key(c, mods) = Key::parse(key).unwrap();
    m.key_action(focus, false, &KeyEvent::new(c, mods))
}

#[test]
fn an_unscoped_text_key_spares_the_typing_scopes() {
    let m = over(&[("quit", &["x"])]).unwrap();
    assert_eq!(press(&m, Pane::List, "x"), Some(Action::Quit));
    assert_eq!(press(&m, Pane::List, "q"), None);
    // Ctrl-C keeps quitting, and x is still typed in the search box.
    assert_eq!(press(&m, Pane::Search, "ctrl-c"), Some(Action::Quit));
    assert_eq!(press(&m, Pane::Search, "x"), Some(Action::Input('x')));
}

#[test]
fn an_unscoped_named_key_replaces_everywhere() {
    let m = over(&[("down", &["ctrl-j"])]).unwrap();
    for pane in [
        Pane::Search,
        Pane::List,
        Pane::Map,
        Pane::Detail,
        Pane::Timeline,
    ] {
        assert_eq!(press(&m, pane, "ctrl-j"), Some(Action::Down), "{pane:?}");
    }
    assert_eq!(press(&m, Pane::List, "down"), None);
    assert_eq!(press(&m, Pane::List, "j"), None);
}

#[test]
fn a_scoped_entry_wins_over_an_unscoped_one_in_any_order() {
    let m = over(&[("list.down", &["n"]), ("down", &["ctrl-j"])]).unwrap();
    assert_eq!(press(&m, Pane::List, "n"), Some(Action::Down));
    assert_eq!(press(&m, Pane::List, "ctrl-j"), None);
    assert_eq!(press(&m, Pane::Detail, "ctrl-j"), Some(Action::Down));
}

#[test]
fn problems_are_all_reported_and_named() {
    let e = over(&[
        ("dwn", &["j"]),
        ("list.quit", &["x"]),
        ("lst.down", &["x"]),
        ("up", &["ctrl-"]),
        ("search.confirm", &["x"]),
        ("clear_query", &["u"]),
    ])
    .unwrap_err();
    let fields: Vec<&str> = e.iter().filter_map(|p| p.field.as_deref()).collect();
    assert_eq!(
        fields,
        [
            r#"keys["dwn"]"#,
            r#"keys["list.quit"]"#,
            r#"keys["lst.down"]"#,
            r#"keys["up"][0]"#,
            r#"keys["search.confirm"][0]"#,
            r#"keys["clear_query"]"#,
        ],
        "{e:#?}"
    );
    assert!(
        e[0].message.contains(r#"did you mean "down""#),
        "{}",
        e[0].message
    );
    assert!(
        e[2].message.contains(r#"did you mean "list""#),
        "{}",
        e[2].message
    );
}

#[test]
fn clashes_and_no_way_out_are_reported() {
    let e = over(&[("list.up", &["j"])]).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field.as_deref(), Some(r#"keys["list.up"]"#));
    assert!(e[0].message.contains("\"j\""), "{}", e[0].message);
    assert!(e[0].message.contains("list scope"), "{}", e[0].message);
    let e = over(&[("quit", &[])]).unwrap_err();
    assert!(e[0].message.contains("quit"), "{e:?}");
    // Unbinding is fine otherwise, and hides the binding.
    let m = over(&[("copy", &[])]).unwrap();
    assert!(
        m.in_scope(Scope::Panes)
            .all(|b| b.def.action != Action::Copy)
    );
}

#[test]
fn french_names_the_keys_as_french_keyboards_do() {
    use crate::data::Lang;
    assert_eq!(label_in("Esc", Lang::Fr), "Échap");
    assert_eq!(label_in("Enter → l", Lang::Fr), "Entrée → l");
    assert_eq!(label_in("PgDn Space", Lang::Fr), "PgDn Espace");
    assert_eq!(
        label_in("Ctrl-Space Shift-Tab", Lang::Fr),
        "Ctrl-Espace Shift-Tab"
    );
    assert_eq!(label_in("Esc Enter", Lang::En), "Esc Enter");
}

#[test]
fn a_hint_never_promises_a_key_that_a_more_specific_scope_takes() {
    let km = Keymap::default();
    let says = |focus: Pane, what: Msg| {
        km.hints(false, focus, Lang::En)
            .iter()
            .any(|(_, h)| *h == what.text(Lang::En))
    };
    // `L` switches the language from the list, but walks the milestones in the timeline.
    assert!(says(Pane::List, Msg::KeyLanguage));
    assert!(!says(Pane::Timeline, Msg::KeyLanguage));
    // Help and quit are never taken.
    for focus in [Pane::Map, Pane::List, Pane::Detail, Pane::Timeline] {
        assert!(
            says(focus, Msg::KeyHelp) && says(focus, Msg::KeyQuit),
            "{focus:?}"
        );
    }
}
