//! The plan-against-reality view (`p`): snapshots at the three sizes in both languages and
//! without colour, its order (overdue and late first), Enter and Esc.

mod common;

use aifactories::app::Action;
use aifactories::data::{Lang, Record};
use aifactories::layout::Pane;
use aifactories::timeline::Outcome;
use common::{app, app_with, press, render, screen_text};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn snap(name: &str, lang: Lang, mono: bool, keys: &[&str]) {
    for (w, h) in SIZES {
        let mut a = app_with(w, h, lang, mono);
        press(&mut a, keys);
        let t = render(&a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

#[test]
fn plan_view_snapshots() {
    snap("plan_view", Lang::En, false, &["p"]);
    snap("plan_view_fr", Lang::Fr, false, &["p"]);
    snap("plan_view_no_color", Lang::En, true, &["p", "j", "j"]);
}

#[test]
fn late_and_overdue_first_plan_by_plan() {
    let mut a = app(120, 40);
    press(&mut a, &["p"]);
    let pv = a.timeline().plan_view();
    assert!(pv.is_open());
    let rows = pv.rows();
    let pressing = |r: &aifactories::timeline::PlanRow| r.outcome().urgency().0 <= 1;
    let split = rows.iter().position(|r| !pressing(r)).unwrap_or(rows.len());
    assert!(split > 0 && rows[split..].iter().all(|r| !pressing(r)));
    // Plan by plan in date order (entries are in date order), inside a plan the most
    // pressing first: overdue, then the latest.
    for part in [&rows[..split], &rows[split..]] {
        for w in part.windows(2) {
            assert!(w[0].plan() <= w[1].plan());
            if w[0].plan() == w[1].plan() {
                assert!(w[0].outcome().urgency() <= w[1].outcome().urgency());
            }
        }
    }
    assert_eq!(rows[0].outcome(), Outcome::Overdue);
}

#[test]
fn hammerhai_late_and_the_silent_overdue() {
    // The first screen at 120x40 answers: H1 2025 procurement overdue for the three
    // factories with no event, HammerHAI's 6 months late.
    let mut a = app(120, 40);
    press(&mut a, &["p"]);
    let s = screen_text(&a);
    let line = |needle: &[&str]| {
        s.lines()
            .find(|l| needle.iter().all(|n| l.contains(n)))
            .unwrap_or_else(|| panic!("{needle:?} in\n{s}"))
            .to_string()
    };
    line(&[
        "! 6 months late",
        "H1 2025 procurement",
        "16 Dec 2025",
        "HammerHAI",
    ]);
    line(&[
        "✗ overdue, no news",
        "H1 2025 procurement",
        "LUMI AIF, IT4LIA, Meluxina-AI",
    ]);
    assert!(!s.contains("not yet"), "{s}");
}

#[test]
fn enter_opens_the_factory_and_p_or_esc_go_back() {
    let mut a = app(120, 40);
    press(&mut a, &["p"]);
    assert_eq!(a.focus(), Pane::Timeline);
    let pv = a.timeline().plan_view();
    // The first row that a factory answered: one factory, opened by Enter.
    let target = pv
        .rows()
        .iter()
        .position(|r| r.answer().is_some() && pv.factory_count(r) == 1)
        .unwrap();
    for _ in 0..target {
        press(&mut a, &["j"]);
    }
    let f = a.timeline().plan_view().selected_factory().unwrap();
    press(&mut a, &["Enter"]);
    assert_eq!(a.focus(), Pane::Detail);
    assert_eq!(a.selected_record(), Some(Record::Factory(f)));
    assert!(a.timeline().plan_view().is_open());
    // Back to it, then Esc: the timeline again.
    press(&mut a, &["4", "Esc"]);
    assert!(!a.timeline().plan_view().is_open());
    assert!(screen_text(&a).contains("Timeline"));
    press(&mut a, &["p"]);
    assert!(a.timeline().plan_view().is_open());
    press(&mut a, &["p"]);
    assert!(!a.timeline().plan_view().is_open());
    // Not while typing a query: `p` is a letter there.
    press(&mut a, &["/", "p"]);
    assert!(!a.timeline().plan_view().is_open());
    assert_eq!(a.search().query(), "p");
}

#[test]
fn keys_move_and_never_leave_the_rows() {
    let mut a = app(80, 24);
    press(&mut a, &["p"]);
    let n = a.timeline().plan_view().rows().len();
    press(&mut a, &["End"]);
    assert_eq!(a.timeline().plan_view().selected(), n - 1);
    press(&mut a, &["PageDown", "j"]);
    assert_eq!(a.timeline().plan_view().selected(), n - 1);
    press(&mut a, &["Home", "k", "PageUp"]);
    assert_eq!(a.timeline().plan_view().selected(), 0);
    for _ in 0..5 {
        a.update(Action::ScrollDown(Pane::Timeline));
    }
    let pv = a.timeline().plan_view();
    assert!(pv.selected() >= pv.offset());
    for w in 1..=60 {
        for h in 1..=20 {
            a.update(Action::Resize(w, h));
            let _ = render(&a);
        }
    }
}

/// The hint line over the plan view gives the plan view's keys, not the timeline's (which
/// walk milestones the view does not show), in both languages.
#[test]
fn the_hint_line_gives_the_plan_views_keys() {
    for (lang, open, back, not) in [
        (
            Lang::En,
            "Enter open the factory",
            "back to the timeline",
            "next milestone",
        ),
        (
            Lang::Fr,
            "Entrée ouvrir l'usine",
            "retour à la chronologie",
            "jalon suivant",
        ),
    ] {
        let mut a = app_with(120, 40, lang, false);
        press(&mut a, &["p"]);
        let s = screen_text(&a);
        let last = s.lines().last().unwrap().to_string();
        assert!(last.contains(open) && last.contains(back), "{last}");
        assert!(!last.contains(not), "{last}");
        assert!(last.contains('?') && last.contains('q'), "{last}");
    }
}
