//! Random sequences of real terminal events (every kind of key, with any modifiers, presses,
//! repeats and releases; pastes of long multi-line Unicode text; mouse clicks, drags and
//! wheels anywhere, also off the screen; resizes down to 0x0) at random terminal sizes,
//! through the real key table (`keymap::event_action`), `App::update` and the drawing code.
//!
//! Properties: no panic; after every event the state is coherent (selection inside the list
//! and on screen, query cursor inside the query, map and timeline cursors valid, help scroll
//! within its range); what is drawn never holds a control character; a key release and a
//! mouse event off the screen never do anything.

mod common;

use aifactories::app::{Action, App};
use aifactories::keymap;
use aifactories::layout::{COMPACT_MIN, FULL_MIN, Mode, TINY_MIN};
use aifactories::text::is_forbidden_char;
use aifactories::ui;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MediaKeyCode,
    ModifierKeyCode, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------------------------
// Events

/// Chars of every sort, weighted towards the bound keys so that sequences go somewhere.
fn key_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::sample::select(
            "qQ?/L1234mzhjklgG yY\u{20}abcdefnpuwe:-\"".chars().collect::<Vec<_>>()
        ),
        2 => prop::sample::select(
            "éèêàçöüßÅØñİıœ日本語한국👩‍🔬🇪🇺\u{301}\u{200d}\u{fe0f}ﷺ שלום مرحبا\u{202e}\u{2028}\u{85}"
                .chars()
                .collect::<Vec<_>>()
        ),
        1 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        1 => Just('\u{7f}'),
        2 => any::<char>(),
    ]
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        10 => key_char().prop_map(KeyCode::Char),
        2 => prop::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
        ]),
        2 => prop::sample::select(vec![
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
        ]),
        1 => prop::sample::select(vec![
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::Null,
            KeyCode::CapsLock,
            KeyCode::ScrollLock,
            KeyCode::NumLock,
            KeyCode::PrintScreen,
            KeyCode::Pause,
            KeyCode::Menu,
            KeyCode::KeypadBegin,
            KeyCode::Media(MediaKeyCode::Play),
            KeyCode::Media(MediaKeyCode::MuteVolume),
            KeyCode::Modifier(ModifierKeyCode::LeftShift),
            KeyCode::Modifier(ModifierKeyCode::RightControl),
        ]),
        1 => (0u8..=255).prop_map(KeyCode::F),
        1 => (1u8..=24).prop_map(KeyCode::F),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        6 => Just(KeyModifiers::NONE),
        2 => Just(KeyModifiers::SHIFT),
        2 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
        1 => any::<u8>().prop_map(KeyModifiers::from_bits_truncate),
    ]
}

fn key_kind() -> impl Strategy<Value = KeyEventKind> {
    prop_oneof![
        8 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Repeat),
        1 => Just(KeyEventKind::Release),
    ]
}

fn key_event() -> impl Strategy<Value = KeyEvent> {
    (
        key_code(),
        modifiers(),
        key_kind(),
        any::<u8>().prop_map(KeyEventState::from_bits_truncate),
    )
        .prop_map(|(code, modifiers, kind, state)| KeyEvent {
            code,
            modifiers,
            kind,
            state,
        })
}

/// Pasted text: words, filters, multi-line Unicode, control chars, and very long runs.
fn paste_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zé :\"-]{0,20}",
        2 => "\\PC{0,60}",
        2 => prop::collection::vec(
            prop::sample::select(vec![
                "sector:health", "country:es", "wave:2", "system:", "\n", "\r\n", "\t", "\u{1b}[31m",
                "\u{7}", "\u{202e}", "\u{2028}", "日本語", "👩‍🔬", "e\u{301}", "שלום", "مرحبا", " ",
                "\"lumi\"", ":", "::", "\u{0}", "\u{85}", "\u{fffd}",
            ]),
            0..40,
        )
        .prop_map(|v| v.concat()),
        1 => (prop::sample::select(vec!["a", "é", "日", "👩‍🔬", "\n", " x"]), 100usize..5000)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn mouse_kind() -> impl Strategy<Value = MouseEventKind> {
    let button = prop::sample::select(vec![
        MouseButton::Left,
        MouseButton::Right,
        MouseButton::Middle,
    ]);
    prop_oneof![
        4 => button.clone().prop_map(MouseEventKind::Down),
        1 => button.clone().prop_map(MouseEventKind::Up),
        1 => button.prop_map(MouseEventKind::Drag),
        1 => Just(MouseEventKind::Moved),
        2 => Just(MouseEventKind::ScrollDown),
        2 => Just(MouseEventKind::ScrollUp),
        1 => Just(MouseEventKind::ScrollLeft),
        1 => Just(MouseEventKind::ScrollRight),
    ]
}

/// A coordinate: mostly on a typical screen, sometimes far off it.
fn coord() -> impl Strategy<Value = u16> {
    prop_oneof![
        8 => 0u16..130,
        1 => 0u16..400,
        1 => prop::sample::select(vec![u16::MAX, u16::MAX - 1, 32767, 32768]),
    ]
}

fn mouse_event() -> impl Strategy<Value = MouseEvent> {
    (mouse_kind(), coord(), coord(), modifiers()).prop_map(|(kind, column, row, modifiers)| {
        MouseEvent {
            kind,
            column,
            row,
            modifiers,
        }
    })
}

/// A terminal size, including the degenerate ones.
fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        1 => prop::sample::select(vec![(0, 0), (1, 1), (0, 40), (120, 0), (1, 200), (300, 1)]),
        2 => prop::sample::select(vec![
            (80, 24), (120, 40), (200, 60), (24, 8), (23, 8), (24, 7), (60, 18), (59, 18),
            (110, 32), (109, 32), (110, 31),
        ]),
        4 => (0u16..260, 0u16..90),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        12 => key_event().prop_map(Event::Key),
        2 => paste_text().prop_map(Event::Paste),
        4 => mouse_event().prop_map(Event::Mouse),
        1 => size().prop_map(|(w, h)| Event::Resize(w, h)),
        1 => prop::sample::select(vec![Event::FocusGained, Event::FocusLost]),
    ]
}

// ---------------------------------------------------------------------------------------------
// Checks

fn check(app: &App, ev: &Event) {
    let ctx = || format!("after {ev:?} at {:?}", app.size());
    if app.list().rows().is_empty() {
        assert_eq!(
            app.list().selected(),
            0,
            "selection in an empty list, {}",
            ctx()
        );
    } else {
        assert!(
            app.list().selected() < app.list().rows().len(),
            "selection {} outside the list of {}, {}",
            app.list().selected(),
            app.list().rows().len(),
            ctx()
        );
    }
    if !app.list().rows().is_empty() && app.screen().list.is_some() {
        assert!(
            app.list().offset() <= app.list().selected()
                && app.list().selected() < app.list().offset() + app.list_height(),
            "selection {} not visible (offset {}, height {}), {}",
            app.list().selected(),
            app.list().offset(),
            app.list_height(),
            ctx()
        );
    }
    // Rows index the search hits, or the ranking in the "for me" view.
    let listed = app
        .list()
        .for_me()
        .map_or(app.search().hits().len(), |f| f.ranked.len());
    assert!(app.list().rows().iter().all(|&h| h < listed), "{}", ctx());
    assert!(
        app.search().cursor() <= app.search().query().chars().count(),
        "cursor {} past the query {:?}, {}",
        app.search().cursor(),
        app.search().query(),
        ctx()
    );
    assert!(
        app.map().cursor() < app.cat().countries.len(),
        "map cursor {}, {}",
        app.map().cursor(),
        ctx()
    );
    if let Some(c) = app.timeline().cursor() {
        assert!(
            app.tl().entry(c).is_some(),
            "timeline cursor {c}, {}",
            ctx()
        );
    }
    assert!(
        app.timeline().lane_offset() < app.timeline().lane_count(),
        "lane offset, {}",
        ctx()
    );
}

/// Draw as the terminal loop does (handing the app what the frame found), and check that no
/// control character reaches the screen and that the help is scrolled within its text.
fn draw(app: &mut App) {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        app.size().0,
        app.size().1,
    ))
    .unwrap();
    let mut geometry = None;
    t.draw(|f| geometry = Some(ui::render(f, app))).unwrap();
    let geometry = geometry.unwrap();
    app.update(aifactories::app::Action::Drawn(Box::new(geometry)));
    if let Some(max) = geometry.help_max_scroll {
        let s = app.help().scroll();
        assert!(s <= max, "help scroll {s} over {max}");
    }
    let buf = t.backend().buffer();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let s = buf[(x, y)].symbol();
            assert!(
                !s.chars().any(is_forbidden_char),
                "control character drawn at ({x}, {y}): {s:?}"
            );
        }
    }
}

/// Sizes the test backend can afford to draw.
fn drawable(app: &App) -> bool {
    u32::from(app.size().0) * u32::from(app.size().1) <= 400 * 120
}

fn run(app: &mut App, events: &[Event], draw_every: usize) {
    check(app, &Event::FocusGained);
    for (i, ev) in events.iter().enumerate() {
        let action = ui::input::event_action(app, ev);
        if let Event::Key(k) = ev
            && k.kind == KeyEventKind::Release
        {
            assert_eq!(action, None, "a release did something: {k:?}");
        }
        if let Event::Mouse(m) = ev
            && (m.column >= app.size().0 || m.row >= app.size().1)
        {
            assert_eq!(
                action, None,
                "a mouse event off the screen did something: {m:?}"
            );
        }
        if matches!(ev, Event::FocusGained | Event::FocusLost) {
            assert_eq!(action, None);
        }
        if let Some(a) = action {
            app.update(a);
        }
        check(app, ev);
        if i % draw_every == draw_every - 1 && drawable(app) {
            draw(app);
        }
    }
    if drawable(app) {
        draw(app);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_events_keep_the_state_coherent(
        (w, h) in size(),
        events in prop::collection::vec(event(), 1..80),
        draw_every in 3usize..8,
    ) {
        let mut app = common::app(w, h);
        run(&mut app, &events, draw_every);
    }

    #[test]
    fn typing_in_the_search_box_keeps_the_cursor_in_the_query(
        (w, h) in size(),
        keys in prop::collection::vec(
            prop_oneof![
                6 => key_char().prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
                3 => prop::sample::select(vec![
                    KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End, KeyCode::Backspace,
                    KeyCode::Up, KeyCode::Down,
                ]).prop_map(|c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE))),
                1 => prop::sample::select(vec!['w', 'u', 'a', 'e', 'n', 'p'])
                    .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))),
                1 => paste_text().prop_map(Event::Paste),
            ],
            1..60,
        ),
    ) {
        let mut app = common::app(w, h);
        let slash = Event::Key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
        let mut events = vec![slash];
        events.extend(keys);
        run(&mut app, &events, 10);
    }

    /// Whatever state the dashboard is in, a key release never maps to an action.
    #[test]
    fn key_releases_never_produce_an_action(
        (w, h) in size(),
        before in prop::collection::vec(event(), 0..20),
        releases in prop::collection::vec(
            (key_code(), modifiers()).prop_map(|(code, mods)| KeyEvent {
                code,
                modifiers: mods,
                kind: KeyEventKind::Release,
                state: KeyEventState::NONE,
            }),
            1..40,
        ),
    ) {
        let mut app = common::app(w, h);
        for ev in &before {
            if let Some(a) = ui::input::event_action(&app, ev) {
                app.update(a);
            }
        }
        for r in &releases {
            prop_assert_eq!(ui::input::event_action(&app, &Event::Key(*r)), None, "{:?}", r);
        }
    }
}

/// Every bound key, released, in every pane and with the help open: nothing.
#[test]
fn releases_of_every_bound_key_do_nothing() {
    let mut app = common::app(120, 40);
    let states: Vec<Vec<&str>> = vec![
        vec![],
        vec!["/"],
        vec!["1"],
        vec!["3"],
        vec!["4"],
        vec!["?"],
    ];
    for keys in states {
        common::press(&mut app, &["Esc", "Esc", "Esc"]);
        if app.help_open() {
            common::press(&mut app, &["?"]);
        }
        common::press(&mut app, &keys);
        for b in keymap::BINDINGS {
            for k in b.keys {
                let press = KeyEvent::new(k.0, k.1);
                let release = KeyEvent {
                    kind: KeyEventKind::Release,
                    ..press
                };
                assert_eq!(
                    ui::input::event_action(&app, &Event::Key(release)),
                    None,
                    "{keys:?}: {release:?}"
                );
            }
        }
    }
    // Sanity: the same keys pressed do act (the test above is not vacuous).
    let app = common::app(120, 40);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        ui::input::event_action(&app, &Event::Key(q)),
        Some(Action::Quit)
    );
}

/// Resizes to every small size in turn, with the help open and not, each drawn: every height,
/// and widths every 7 columns plus both sides of each width where the layout switches.
#[test]
fn every_small_size_survives_a_resize_and_a_draw() {
    let mut widths: Vec<u16> = (0..=130).step_by(7).collect();
    for (w, h) in [FULL_MIN, COMPACT_MIN, TINY_MIN] {
        assert!(
            w <= 130 && h <= 45,
            "threshold {w}x{h} outside the sizes tried"
        );
        widths.extend([w - 1, w]);
    }
    widths.sort_unstable();
    widths.dedup();
    let mut modes = Vec::new();
    let mut app = common::app(80, 24);
    for help in [false, true] {
        if help != app.help_open() {
            common::press(&mut app, &["?"]);
        }
        for &w in &widths {
            for h in 0..=45 {
                let ev = Event::Resize(w, h);
                let a = ui::input::event_action(&app, &ev).expect("resize is an action");
                app.update(a);
                check(&app, &ev);
                draw(&mut app);
                let mode = app.screen().mode();
                if !modes.contains(&mode) {
                    modes.push(mode);
                }
            }
        }
    }
    for mode in [Mode::Full, Mode::Compact, Mode::Tiny, Mode::TooSmall] {
        assert!(modes.contains(&mode), "{mode:?} never laid out");
    }
}

/// Terminals report sizes up to u16::MAX; the layout arithmetic must not overflow on them
/// (nothing is drawn at such sizes here, the test backend cannot afford it).
#[test]
fn huge_resizes_do_not_overflow_the_layout() {
    let sizes = [
        (7_282, 40),
        (120, 13_200),
        (u16::MAX, u16::MAX),
        (200, u16::MAX),
        (u16::MAX, 60),
        (40_000, 40_000),
        (300, 13_200),
        (300, 33_000),
        (33_000, 300),
    ];
    for (w, h) in sizes {
        let mut app = common::app(80, 24);
        let ev = Event::Resize(w, h);
        let a = ui::input::event_action(&app, &ev).expect("resize is an action");
        app.update(a);
        check(&app, &ev);
        for keys in [
            ["Tab"; 1],
            ["4"],
            ["End"],
            ["3"],
            ["G"],
            ["?"],
            ["PageDown"],
        ] {
            common::press(&mut app, &keys);
            check(&app, &ev);
        }
        for (col, row) in [(0, 0), (w / 2, h / 2), (w - 1, h - 1)] {
            let click = Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: col,
                row,
                modifiers: KeyModifiers::NONE,
            });
            if let Some(a) = ui::input::event_action(&app, &click) {
                app.update(a);
            }
            check(&app, &click);
        }
    }
}
