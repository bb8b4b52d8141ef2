//! What each keystroke costs the terminal: bytes and write calls per frame, through the same
//! buffered crossterm backend the dashboard uses.

mod common;
#[path = "common/counter.rs"]
mod counter;

use aifactories::app::Action;
use aifactories::ui;
use counter::{Counter, counting_terminal};

#[test]
fn bytes_and_writes_per_keystroke() {
    let mut app = common::app(120, 40);
    let counter = Counter::default();
    let mut term = counting_terminal(&app, &counter);
    term.draw(|f| ui::draw(f, &app)).unwrap();
    let (full, full_writes) = counter.take();
    assert!(full_writes <= 2, "full frame took {full_writes} writes");
    // 120x40 cells; a full frame of styled text stays within a few bytes per cell.
    assert!(full < 120 * 40 * 8, "full frame {full} bytes");

    // Start typing: the first key changes the list; later keys that leave the results as
    // they are only touch the query line and the counter.
    app.update(Action::StartSearch);
    term.draw(|f| ui::draw(f, &app)).unwrap();
    counter.take();
    // `~` matches nothing, so from the second one on the results stay the same (empty).
    for c in "~~~~".chars() {
        assert!(app.update(Action::Input(c)).redraw);
        term.draw(|f| ui::draw(f, &app)).unwrap();
        let (bytes, writes) = counter.take();
        if app.search().query().chars().count() > 1 {
            assert!(app.list().rows().is_empty());
            assert!(bytes <= 1024, "query-only change wrote {bytes} bytes");
        }
        assert!(writes <= 2, "{writes} writes for one frame");
        assert!(bytes <= full, "a keystroke wrote more than a full frame");
    }

    // A selection move writes at most a full frame.
    app.update(Action::Back);
    term.draw(|f| ui::draw(f, &app)).unwrap();
    counter.take();
    app.update(Action::Down);
    term.draw(|f| ui::draw(f, &app)).unwrap();
    let (bytes, writes) = counter.take();
    assert!(
        bytes <= full && writes <= 2,
        "{bytes} bytes, {writes} writes"
    );
}

#[test]
fn actions_that_change_nothing_ask_for_no_redraw() {
    let mut app = common::app(120, 40);
    // The loop draws only when update says something changed.
    app.update(Action::StartSearch);
    assert!(
        !app.update(Action::Backspace).redraw,
        "backspace on an empty query"
    );
    assert!(!app.update(Action::DeleteWord).redraw);
    assert!(!app.update(Action::ClearQuery).redraw);
}
