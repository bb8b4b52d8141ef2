//! Terminal events to actions: keys through the key map, in the app's focus and mode; the
//! mouse by what the screen shows where (the drawing code knows where it put each tile,
//! row and milestone).

use crossterm::event::{Event, KeyEvent, MouseButton, MouseEvent, MouseEventKind};

use crate::app::{Action, App};
use crate::layout::Pane;

/// The action for a key press in the app's current state, if any.
pub fn key_action(app: &App, ev: &KeyEvent) -> Option<Action> {
    app.keymap().key_action(app.focus(), app.help_open(), ev)
}

/// The action for a mouse event, hit-tested against the layout the app draws.
pub fn mouse_action(app: &App, ev: &MouseEvent) -> Option<Action> {
    let screen = app.screen();
    let pane = screen.pane_at(ev.column, ev.row)?;
    match ev.kind {
        MouseEventKind::ScrollUp => Some(Action::ScrollUp(pane)),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown(pane)),
        MouseEventKind::Down(MouseButton::Left) => {
            if app.help_open() {
                return Some(Action::ToggleHelp);
            }
            let hit = match pane {
                Pane::List => app.list_row_at(ev.column, ev.row).map(Action::SelectRow),
                Pane::Map => screen
                    .map
                    .and_then(|area| {
                        if app.map().geo() {
                            super::geo_map::country_at(app, area, ev.column, ev.row)
                        } else {
                            super::map::country_at(app, area, ev.column, ev.row)
                        }
                    })
                    .map(Action::SelectCountry),
                Pane::Timeline => screen
                    .timeline
                    .and_then(|area| super::timeline::entry_at(app, area, ev.column, ev.row))
                    .map(Action::SelectMilestone),
                _ => None,
            };
            Some(hit.unwrap_or(Action::Focus(pane)))
        }
        _ => None,
    }
}

/// Any terminal event to an action.
pub fn event_action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => key_action(app, k),
        Event::Mouse(m) => mouse_action(app, m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(s) => Some(Action::Paste(s.clone())),
        Event::FocusGained | Event::FocusLost => None,
    }
}
