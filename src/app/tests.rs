//! Unit tests of the app: the search in the background and in place.

use super::*;

fn app() -> App {
    App::new(
        Catalog::embedded().unwrap(),
        Options {
            lang: Lang::En,
            today: "2026-11-24".parse().unwrap(),
            mono: false,
            size: (120, 40),
        },
    )
}

/// Type `text`; the last search request, if the search runs in the background.
fn type_text(a: &mut App, text: &str) -> Option<SearchRequest> {
    let mut last = None;
    for c in text.chars() {
        let e = a.update(Action::Input(c));
        assert!(e.redraw);
        last = e.search.or(last);
    }
    last
}

#[test]
fn background_search_echoes_at_once_and_drops_stale_results() {
    let mut a = app();
    let all = a.list().len();
    a.set_background_search(true);
    a.update(Action::StartSearch);
    // Only the latest request counts (the worker skips those it superseded).
    let req = type_text(&mut a, "health").unwrap();
    // Typed, not yet searched: the list still shows the previous results.
    assert_eq!(a.search().query(), "health");
    assert!(a.search().searching());
    assert_eq!(a.list().len(), all);
    assert_eq!(req.query, "health");
    let mut searcher = Searcher::shared(a.searcher().shared_index());
    // A stale answer (older generation) changes nothing.
    let stale = SearchRequest {
        generation: req.generation - 1,
        query: "hea".into(),
    };
    let e = a.update(Action::SearchDone(Box::new(stale.run(&mut searcher))));
    assert!(!e.redraw);
    assert!(a.search().searching());
    // The current answer is applied.
    let e = a.update(Action::SearchDone(Box::new(req.run(&mut searcher))));
    assert!(e.redraw);
    assert!(!a.search().searching());
    assert!(a.list().len() < all && !a.list().is_empty());
    assert_eq!(a.search().results_query(), "health");
}

/// Highlights follow the query the shown results answer, in both search modes.
#[test]
fn names_highlight_the_words_of_the_shown_results() {
    for background in [false, true] {
        let mut a = app();
        a.set_background_search(background);
        a.update(Action::StartSearch);
        let req = type_text(&mut a, "lumi");
        let lumi = Record::Factory(a.cat().factory_index("lumi-aif").unwrap());
        if background {
            // Typed, not yet answered: the shown (unfiltered) list has no highlight.
            assert!(a.name_positions(lumi).is_empty());
            let mut searcher = Searcher::shared(a.searcher().shared_index());
            a.update(Action::SearchDone(Box::new(
                req.unwrap().run(&mut searcher),
            )));
        }
        assert_eq!(
            a.name_positions(lumi),
            [0, 1, 2, 3],
            "background: {background}"
        );
        let mut req = None;
        for _ in 0..4 {
            req = a.update(Action::Backspace).search.or(req);
        }
        if let Some(req) = req {
            let mut searcher = Searcher::shared(a.searcher().shared_index());
            a.update(Action::SearchDone(Box::new(req.run(&mut searcher))));
        }
        assert!(
            a.name_positions(lumi).is_empty(),
            "background: {background}"
        );
    }
}

#[test]
fn small_data_searches_in_place() {
    let mut a = app();
    assert!(!a.background_search());
    a.update(Action::StartSearch);
    assert!(type_text(&mut a, "z").is_none());
    assert_eq!(a.search().results_query(), "z");
}

#[test]
fn quitting_suspending_and_copying_are_effects_for_the_loop() {
    let mut a = app();
    assert!(a.update(Action::Quit).quit);
    assert!(a.update(Action::Suspend).suspend);
    assert!(a.update(Action::Redraw).clear);
    let copied = a.update(Action::Copy).copy.expect("a URL to copy");
    assert!(copied.starts_with("http"), "{copied}");
    assert!(a.status().is_some_and(|s| s.contains(&copied)));
}
