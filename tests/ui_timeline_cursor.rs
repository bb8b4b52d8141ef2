//! One cursor in the timeline: lanes, left and right in a lane, `H` / `L` through all, the
//! milestone card (Enter), and a property: any timeline keys at any size keep the cursor on a
//! drawn milestone or none, and never panic.

mod common;

use aifactories::app::{Action, App};
use aifactories::data::{Lang, Record};
use aifactories::layout::Pane;
use aifactories::ui::timeline::lane_rows;
use common::{app, app_with, press, render, screen_text};
use proptest::prelude::*;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn entry_titled(a: &App, needle: &str) -> usize {
    (0..a.tl().len())
        .find(|&i| a.tl().milestone(a.cat(), i).title.en.contains(needle))
        .unwrap_or_else(|| panic!("no milestone {needle}"))
}

/// Walk with `L` until the cursor is on `entry`.
fn walk_to(a: &mut App, entry: usize) {
    for _ in 0..400 {
        if a.timeline().cursor() == Some(entry) {
            return;
        }
        press(a, &["L"]);
    }
    panic!("L never reached entry {entry}");
}

/// The cursor is on a milestone drawn on screen, or there is none.
fn cursor_is_drawn(a: &App) -> bool {
    let tl = a.timeline();
    let Some(c) = tl.cursor() else { return true };
    let (from, to) = tl.range();
    let visible = a.screen().timeline.map_or(1, |r| lane_rows(r).max(1));
    let lane = tl.cursor_lane();
    a.tl().entry(c).is_some_and(|e| e.overlaps(from, to))
        && tl.lane_shown(lane, visible)
        && tl.shown_lanes(visible).any(|l| l == lane)
        && tl.lane_entries(lane).contains(&c)
}

#[test]
fn card_of_a_late_milestone() {
    for (w, h) in SIZES {
        for lang in [Lang::En, Lang::Fr] {
            let mut a = app_with(w, h, lang, false);
            press(&mut a, &["4"]);
            let e = entry_titled(&a, "Technical infrastructure still being procured");
            walk_to(&mut a, e);
            // The chosen late milestone, then its card.
            let name = if lang == Lang::En { "late" } else { "late_fr" };
            insta::assert_snapshot!(format!("chosen_{name}_{w}x{h}"), render(&a).backend());
            press(&mut a, &["Enter"]);
            assert!(a.timeline().card().is_some());
            insta::assert_snapshot!(format!("card_{name}_{w}x{h}"), render(&a).backend());
        }
    }
}

#[test]
fn the_card_tells_everything_and_esc_closes_it() {
    let mut a = app(120, 40);
    press(&mut a, &["4"]);
    let e = entry_titled(&a, "Technical infrastructure still being procured");
    walk_to(&mut a, e);
    assert_eq!(
        a.selected_record(),
        Some(Record::Factory(a.cat().factory_index("hammerhai").unwrap())),
        "choosing a milestone selects its factory"
    );
    press(&mut a, &["Enter"]);
    let s = screen_text(&a);
    let m = a.tl().milestone(a.cat(), e);
    let url = &a.cat().source(&m.sources[0]).unwrap().url;
    for needle in [
        "Technical infrastructure still being procured",
        "16 Dec 2025 (day)",
        "HammerHAI",
        "! 6 months late",
        "H1 2025 procurement",
        "Certainty",
        "Sources",
        url.as_str(),
    ] {
        assert!(s.contains(needle), "{needle} in\n{s}");
    }
    press(&mut a, &["Esc"]);
    assert!(a.timeline().card().is_none());
    assert_eq!(a.timeline().cursor(), Some(e), "Esc closes the card only");
    assert_eq!(a.focus(), Pane::Timeline);
}

#[test]
fn a_programme_plan_has_a_card_with_who_is_overdue() {
    let mut a = app(200, 60);
    press(&mut a, &["4"]);
    let e = entry_titled(&a, "Plan: procurement of the AI systems");
    walk_to(&mut a, e);
    press(&mut a, &["Enter"]);
    let s = screen_text(&a);
    for needle in [
        "plan, overdue",
        "✗ overdue — 1 on time, 3 late, 3 overdue",
        "overdue, no news: LUMI AIF, IT4LIA, Meluxina-AI",
        "half-year",
    ] {
        assert!(s.contains(needle), "{needle} in\n{s}");
    }
}

#[test]
fn lanes_keep_the_nearest_milestone_and_left_right_stay_in_the_lane() {
    let mut a = app(200, 60);
    press(&mut a, &["4"]);
    let e = entry_titled(&a, "Technical infrastructure still being procured");
    walk_to(&mut a, e);
    let lane = a.timeline().cursor_lane();
    // Left and right stay in HammerHAI's lane.
    for k in ["h", "h", "l", "h"] {
        press(&mut a, &[k]);
        assert_eq!(a.timeline().cursor_lane(), lane, "{k}");
        assert!(cursor_is_drawn(&a));
    }
    // Down: the next lane, the milestone nearest in time.
    walk_to(&mut a, e);
    press(&mut a, &["j"]);
    let tl = a.timeline();
    let next = tl.cursor_lane();
    assert!(next > lane);
    let c = tl.cursor().unwrap();
    let day = |i: usize| {
        let d = a.tl().entry(i).unwrap().start();
        i64::from(d.year) * 372 + i64::from(d.month) * 31 + i64::from(d.day)
    };
    let best = tl
        .lane_entries(next)
        .into_iter()
        .map(|i| (day(i) - day(e)).abs())
        .min()
        .unwrap();
    assert_eq!((day(c) - day(e)).abs(), best);
    press(&mut a, &["k"]);
    assert_eq!(a.timeline().cursor_lane(), lane);
    // H and L walk all milestones in date order; L is not the language here.
    let before = a.timeline().cursor().unwrap();
    press(&mut a, &["L"]);
    assert_eq!(a.lang(), Lang::En);
    let after = a.timeline().cursor().unwrap();
    assert!(a.tl().entry(after).unwrap().start() >= a.tl().entry(before).unwrap().start());
    press(&mut a, &["H"]);
    assert_eq!(a.timeline().cursor(), Some(before));
    // From another pane, L is still the language.
    press(&mut a, &["2", "L"]);
    assert_eq!(a.lang(), Lang::Fr);
}

fn timeline_key() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "h", "j", "k", "l", "H", "L", "g", "G", "z", "p", "Enter", "Esc", "PageUp", "PageDown",
        "Up", "Down", "Left", "Right", "Home", "End", "4", "[", "]",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_timeline_keys_keep_the_cursor_on_a_drawn_milestone(
        w in 1u16..220,
        h in 1u16..70,
        keys in prop::collection::vec(timeline_key(), 1..40),
        resize in prop::option::of((1u16..220, 1u16..70)),
    ) {
        let mut a = common::app(w, h);
        press(&mut a, &["4"]);
        for (i, k) in keys.iter().enumerate() {
            press(&mut a, &[k]);
            if i == keys.len() / 2 && let Some((rw, rh)) = resize {
                a.update(Action::Resize(rw, rh));
            }
            prop_assert!(cursor_is_drawn(&a), "after {k} at {w}x{h}");
            let _ = render(&a);
        }
    }
}

#[test]
fn the_timeline_follows_the_search_and_the_country_filter() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        press(&mut a, &["/", "type:energy", "Enter", "4"]);
        insta::assert_snapshot!(format!("filtered_energy_{w}x{h}"), render(&a).backend());
    }
    let mut a = app(200, 60);
    press(&mut a, &["/", "type:energy", "Enter"]);
    let listed: Vec<usize> = a
        .list()
        .rows()
        .iter()
        .filter_map(|&h| match a.search().hits()[h].record {
            Record::Factory(f) => Some(f),
            Record::Antenna(_) => None,
        })
        .collect();
    let tl = a.timeline();
    assert_eq!(tl.lane_count(), 1 + listed.len());
    assert!(tl.lane_count() < 1 + a.cat().factories().len());
    for f in &listed {
        assert!(tl.factory_lane(*f).is_some());
    }
    let s = screen_text(&a);
    assert!(s.contains("filtered: /energy"), "{s}");
    assert!(s.contains("Programme"), "{s}");
    // H and L walk only the lanes shown.
    press(&mut a, &["4"]);
    for _ in 0..30 {
        press(&mut a, &["L"]);
        let c = a.timeline().cursor().unwrap();
        assert!(a.timeline().lane_of(c).is_some());
        assert!(cursor_is_drawn(&a));
    }
    // Esc clears the search: every lane again.
    press(&mut a, &["/", "Esc"]);
    assert_eq!(a.timeline().lane_count(), 1 + a.cat().factories().len());
    assert!(a.timeline().filter().is_none());
    // The country filter too (Spain from the map: its code in the title).
    let mut a = app(200, 60);
    let es = a.cat().country_index("ES").unwrap();
    a.update(Action::SelectCountry(es));
    let s = screen_text(&a);
    assert!(s.contains("filtered: ES"), "{s}");
    let tl = a.timeline();
    for lane in 1..tl.lane_count() {
        let f = tl.lane_factory(lane).unwrap();
        assert_eq!(a.cat().factories()[f].country.as_str(), "ES");
    }
}

#[test]
fn brackets_step_the_year_and_year_sets_the_start() {
    use aifactories::app::Zoom;
    let mut a = app(120, 40);
    assert_eq!(
        (a.timeline().zoom(), a.timeline().year()),
        (Zoom::Year, 2025)
    );
    press(&mut a, &["]"]);
    assert_eq!(a.timeline().year(), 2026);
    assert!(screen_text(&a).contains("Timeline · 2026 by month"));
    press(&mut a, &["[", "[", "[", "["]);
    assert_eq!(a.timeline().year(), 2024, "2024 is the first year");
    let (_, last) = a.timeline().years();
    for _ in 0..20 {
        press(&mut a, &["]"]);
    }
    assert_eq!(a.timeline().year(), last, "the last year in the data");
    assert!(last >= 2027);
    // From the whole span, a bracket comes back to a year by month: today's.
    press(&mut a, &["z", "["]);
    assert_eq!(
        (a.timeline().zoom(), a.timeline().year()),
        (Zoom::Year, 2026)
    );
    // Not while typing: brackets are text there.
    press(&mut a, &["/", "]"]);
    assert_eq!(a.timeline().year(), 2026);
    // --year
    let mut a = app(120, 40);
    assert!(a.start_at_year(2027).is_ok());
    assert_eq!(a.timeline().year(), 2027);
    let e = a.start_at_year(2031 + 100).unwrap_err();
    assert!(e.contains("2024 to"), "{e}");
    assert!(a.start_at_year(2023).is_err());
}

#[test]
fn the_help_explains_every_timeline_sign_in_both_languages() {
    for lang in [Lang::En, Lang::Fr] {
        let a = app_with(120, 40, lang, false);
        let help = aifactories::ui::help::text(a.keymap(), &a);
        for sign in [
            "◆", "○", "§", "≡", "□", "●", "▲", "★", "►", "•", "━", "┈", "│", "▼", "‹", "›", "2…9",
            "?", "✓", "«", "!", "~", "✗", "·",
        ] {
            assert!(help.contains(sign), "{sign} not in the {lang:?} help");
        }
        // The keys of the timeline and the plan view are there too, L's two meanings said.
        for key in ["p ", "[ ", "] ", "H ", "L "] {
            assert!(help.contains(&format!("  {key}")), "{key} not in the help");
        }
    }
    let a = app(120, 40);
    let help = aifactories::ui::help::text(a.keymap(), &a);
    assert!(help.contains("here L is not the language"), "{help}");
}
