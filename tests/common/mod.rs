//! Shared test harness: a headless dashboard driven by key names through the real key table.
#![allow(dead_code)]

use aifactories::app::{Action, App, Effects, Options};
use aifactories::data::{Catalog, Lang};
use aifactories::ui;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const TODAY: &str = "2026-11-24";

pub fn app(w: u16, h: u16) -> App {
    app_with(w, h, Lang::En, false)
}

pub fn app_with(w: u16, h: u16, lang: Lang, mono: bool) -> App {
    let cat = Catalog::embedded().expect("embedded data");
    App::new(
        cat,
        Options {
            lang,
            today: TODAY.parse().unwrap(),
            mono,
            size: (w, h),
        },
    )
}

/// A key by name: `q`, `Enter`, `Esc`, `Tab`, `BackTab`, `Up`, `Down`, `Left`, `Right`,
/// `PageUp`, `PageDown`, `Home`, `End`, `Backspace`, `F1`, `C-c` (Ctrl), or one char.
pub fn key(name: &str) -> KeyEvent {
    let (code, mods) = match name {
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Up" => (KeyCode::Up, KeyModifiers::NONE),
        "Down" => (KeyCode::Down, KeyModifiers::NONE),
        "Left" => (KeyCode::Left, KeyModifiers::NONE),
        "Right" => (KeyCode::Right, KeyModifiers::NONE),
        "PageUp" => (KeyCode::PageUp, KeyModifiers::NONE),
        "PageDown" => (KeyCode::PageDown, KeyModifiers::NONE),
        "Home" => (KeyCode::Home, KeyModifiers::NONE),
        "End" => (KeyCode::End, KeyModifiers::NONE),
        "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        "F1" => (KeyCode::F(1), KeyModifiers::NONE),
        n if n.starts_with("C-") => (
            KeyCode::Char(n[2..].chars().next().unwrap()),
            KeyModifiers::CONTROL,
        ),
        n => {
            let mut cs = n.chars();
            let c = cs.next().expect("empty key name");
            assert!(cs.next().is_none(), "unknown key name {n}");
            (KeyCode::Char(c), KeyModifiers::NONE)
        }
    };
    KeyEvent::new(code, mods)
}

/// Press keys given as space-separated names; `"/sante"`-like words are typed char by char
/// when prefixed with `type:`.
pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        if let Some(text) = k.strip_prefix("type:") {
            for c in text.chars() {
                send(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            }
        } else {
            send(app, key(k));
        }
    }
}

pub fn send(app: &mut App, ev: KeyEvent) {
    if let Some(a) = ui::input::key_action(app, &ev) {
        apply(app, a);
    }
}

/// Apply an action as the terminal loop does: update, then draw a frame and hand the app
/// what drawing found (how far the panes scroll).
pub fn apply(app: &mut App, action: Action) -> Effects {
    let effects = app.update(action);
    // A test terminal of a huge size would not fit in memory: past this, the app goes on
    // without knowing how far its panes scroll, as before its first frame.
    let (w, h) = app.size();
    if u32::from(w) * u32::from(h) <= 1_000_000 {
        let geometry = geometry(app);
        app.update(Action::Drawn(Box::new(geometry)));
    }
    effects
}

/// What drawing the app finds out (how far the panes scroll).
pub fn geometry(app: &App) -> aifactories::layout::Geometry {
    let mut t = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    let mut geometry = None;
    t.draw(|f| geometry = Some(ui::render(f, app))).unwrap();
    geometry.unwrap()
}

pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

/// The screen as plain text, one line per row.
pub fn screen_text(app: &App) -> String {
    let t = render(app);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
