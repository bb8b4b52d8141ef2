//! Random action sequences at random sizes through the real update and drawing code: no panic,
//! and the state stays coherent.

mod common;

use aifactories::app::{Action, App};
use aifactories::layout::{Mode, Pane};
use proptest::prelude::*;

fn pane() -> impl Strategy<Value = Pane> {
    prop::sample::select(Pane::ORDER.to_vec())
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Back),
        Just(Action::FocusNext),
        Just(Action::FocusPrev),
        pane().prop_map(Action::Focus),
        Just(Action::ToggleHelp),
        Just(Action::ToggleLang),
        Just(Action::ToggleMapView),
        Just(Action::ToggleZoom),
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::Left),
        Just(Action::Right),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::Home),
        Just(Action::End),
        Just(Action::Confirm),
        Just(Action::StartSearch),
        any::<char>().prop_map(Action::Input),
        prop::sample::select(vec!['a', 'e', 'h', 's', ' ', ':', 'é', 'ö', 'x'])
            .prop_map(Action::Input),
        "[a-zé :]{0,12}".prop_map(Action::Paste),
        Just(Action::Backspace),
        Just(Action::DeleteWord),
        Just(Action::ClearQuery),
        Just(Action::CursorLeft),
        Just(Action::CursorRight),
        (0usize..40).prop_map(Action::SelectRow),
        (0usize..40).prop_map(Action::SelectCountry),
        (0usize..200).prop_map(Action::SelectMilestone),
        pane().prop_map(Action::ScrollUp),
        pane().prop_map(Action::ScrollDown),
        (0u16..220, 0u16..70).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

fn check(app: &App) {
    if app.list().rows().is_empty() {
        assert_eq!(app.list().selected(), 0);
    } else {
        assert!(
            app.list().selected() < app.list().rows().len(),
            "selection outside the list"
        );
    }
    // Where the list is on screen, the selection is visible in it.
    if !app.list().rows().is_empty() && app.screen().list.is_some() {
        assert!(
            app.list().offset() <= app.list().selected(),
            "selection scrolled out above"
        );
        assert!(
            app.list().selected() < app.list().offset() + app.list_height(),
            "selection scrolled out below"
        );
    }
    assert!(
        app.list()
            .rows()
            .iter()
            .all(|&h| h < app.search().hits().len())
    );
    assert!(app.search().cursor() <= app.search().query().chars().count());
    assert!(app.map().cursor() < app.cat().countries.len());
    assert!(app.timeline().lane_offset() < app.timeline().lane_count());
    if let Some(c) = app.timeline().cursor() {
        assert!(app.tl().entry(c).is_some());
    }
    // In the full layout, the focused pane is on screen.
    let screen = app.screen();
    if screen.mode() == Mode::Full {
        assert!(screen.rect(app.focus()).is_some(), "focus on a hidden pane");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_keep_the_state_coherent(
        w in 1u16..220,
        h in 1u16..70,
        actions in prop::collection::vec(action(), 1..60),
    ) {
        let mut app = common::app(w, h);
        check(&app);
        for a in actions {
            // The strategy makes no Quit: nothing else stops the dashboard.
            let shown = format!("{a:?}");
            let effects = common::apply(&mut app, a);
            check(&app);
            prop_assert!(!effects.quit, "{} stopped the dashboard", shown);
        }
        let _ = common::render(&app);
    }
}
