//! Whole-screen snapshots (ratatui TestBackend + insta) at the classic, the large and a very
//! large size, plus the no-panic sweep over small sizes.

mod common;

use aifactories::data::Lang;
use aifactories::layout::Pane;
use common::{app, app_with, press, render, screen_text};
use ratatui::style::Color;

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
fn start_screen() {
    snap("start", Lang::En, false, &[]);
}

#[test]
fn search_sante() {
    snap("search_sante", Lang::En, false, &["/", "type:sante"]);
}

#[test]
fn map_moved_to_sweden() {
    // The cursor starts on the first factory's country (Finland); Sweden is its west.
    snap("map_sweden", Lang::En, false, &["1", "h"]);
    let mut a = app(120, 40);
    press(&mut a, &["1", "h"]);
    assert_eq!(a.cat().countries[a.map().cursor()].code, "SE");
}

#[test]
fn detail_of_it4lia() {
    snap(
        "detail_it4lia",
        Lang::En,
        false,
        &["/", "type:it4lia", "Enter", "Enter"],
    );
    let mut a = app(120, 40);
    press(&mut a, &["/", "type:it4lia", "Enter", "Enter"]);
    assert_eq!(a.focus(), Pane::Detail);
    assert!(screen_text(&a).contains("compute time"));
}

/// The detail answers first what a user asks first: website, offer, users, access, sectors.
#[test]
fn detail_access_first_in_both_languages() {
    let keys = ["/", "type:meluxina", "Enter", "Enter"];
    snap("detail_access_en", Lang::En, false, &keys);
    snap("detail_access_fr", Lang::Fr, false, &keys);
    let mut a = app(200, 120);
    press(&mut a, &keys);
    let s = screen_text(&a);
    let at = |w: &str| s.find(w).unwrap_or_else(|| panic!("{w} missing\n{s}"));
    assert!(at("Website") < at("Offers") && at("Offers") < at("Sectors"));
    assert!(at("Sectors") < at("Host"), "{s}");
}

/// Wrapped values start under the value, not under the label; the scrollbar says where the
/// view is.
#[test]
fn detail_hanging_indent_and_scroll_position() {
    let mut a = app(80, 24);
    press(&mut a, &["/", "type:it4lia", "Enter", "Enter"]);
    let s = screen_text(&a);
    let lines: Vec<&str> = s.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains("Sectors "))
        .expect("sectors line");
    let col = lines[i].find("Sectors").unwrap();
    let next = &lines[i + 1][col..];
    assert!(
        next.starts_with("           ") && !next.starts_with("            "),
        "continuation not indented:\n{}\n{}",
        lines[i],
        lines[i + 1]
    );
    // A scrollbar thumb on the detail's right border.
    let area = a.screen().detail.unwrap();
    let buf = render(&a).backend().buffer().clone();
    let x = area.right() - 1;
    let thumb = (area.top() + 1..area.bottom() - 1).any(|y| buf[(x, y)].symbol() == "█");
    assert!(thumb, "no scrollbar thumb\n{s}");
}

/// "For me": the ranking for Portugal, health and start-ups, each row with its reasons.
#[test]
fn for_me_in_both_languages() {
    let keys = ["/", "type:country:pt health startup", "Enter", "f"];
    snap("for_me_en", Lang::En, false, &keys);
    snap("for_me_fr", Lang::Fr, false, &keys);
}

#[test]
fn timeline_zoomed_out() {
    snap("timeline_full", Lang::En, false, &["4", "z"]);
}

#[test]
fn help_overlay() {
    snap("help", Lang::En, false, &["?"]);
}

#[test]
fn french() {
    snap("french", Lang::Fr, false, &[]);
    let mut a = app(120, 40);
    press(&mut a, &["L"]);
    let s = screen_text(&a);
    assert!(s.contains("Recherche") && s.contains("Résultats"), "{s}");
}

#[test]
fn no_color() {
    snap("no_color", Lang::En, true, &["/", "type:health", "Enter"]);
    // Monochrome means no colour at all, anywhere on screen.
    for (w, h) in SIZES {
        let mut a = app_with(w, h, Lang::En, true);
        press(&mut a, &["/", "type:health", "Enter", "Tab", "4", "l"]);
        let t = render(&a);
        for cell in t.backend().buffer().content() {
            assert_eq!(cell.fg, Color::Reset, "fg at {w}x{h}: {cell:?}");
            assert_eq!(cell.bg, Color::Reset, "bg at {w}x{h}: {cell:?}");
        }
    }
}

#[test]
fn no_panic_at_any_small_size() {
    let states: [&[&str]; 6] = [
        &[],
        &["/", "type:sante"],
        &["1", "l", "Enter"],
        &["4", "z", "l", "l"],
        &["?"],
        &["3", "End"],
    ];
    for keys in states {
        let mut a = app(80, 24);
        press(&mut a, keys);
        for w in 1..=60 {
            for h in 1..=20 {
                a.update(aifactories::app::Action::Resize(w, h));
                let _ = render(&a);
            }
        }
    }
}

#[test]
fn too_small_terminals_say_so() {
    let a = app(23, 7);
    assert!(screen_text(&a).contains("too small: need 24x8"));
    let a = app(60, 5);
    assert!(screen_text(&a).contains("terminal too small: needs 24 x 8"));
}
