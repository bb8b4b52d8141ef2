//! The tile map's states on screen: the legend explains each, the cursor and its caption go
//! when nothing is selected, and Portugal has nothing to its west.

mod common;

use aifactories::data::Lang;
use common::{app_with, press, render, screen_text};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn snap(name: &str, lang: Lang, mono: bool, keys: &[&str]) {
    for (w, h) in SIZES {
        let mut a = app_with(w, h, lang, mono);
        press(&mut a, keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a).backend());
    }
}

#[test]
fn a_search_with_no_result_leaves_no_stale_cursor_or_caption() {
    let keys = ["1", "h", "/", "type:zzzqqq"];
    snap("map_no_result", Lang::En, false, &keys);
    snap("map_no_result_fr", Lang::Fr, false, &keys);
    for (w, h) in SIZES {
        let mut a = app_with(w, h, Lang::En, false);
        press(&mut a, &keys);
        let s = screen_text(&a);
        assert!(s.contains("Nothing selected") || w < 110, "{s}");
        assert!(!s.contains("Sweden · 1"), "{w}x{h}: stale caption\n{s}");
        assert!(
            !s.contains("[ *SE ]") && !s.contains("[*SE ]"),
            "{w}x{h}: stale cursor\n{s}"
        );
        // The search cleared, the selection and the caption of its country are back.
        press(&mut a, &["Esc", "1"]);
        assert!(screen_text(&a).contains(" · 1 AI Factory"), "{w}x{h}");
    }
}

#[test]
fn the_legend_names_every_state_in_both_languages() {
    snap(
        "map_legend_mono",
        Lang::En,
        true,
        &["/", "type:health", "Enter"],
    );
    for lang in [Lang::En, Lang::Fr] {
        let a = app_with(120, 40, lang, false);
        let s = screen_text(&a);
        use aifactories::i18n::Msg;
        for m in [
            Msg::RoleHost,
            Msg::RolePartner,
            Msg::Antenna,
            Msg::RoleOther,
            Msg::MapSelected,
            Msg::Network,
            Msg::MapMatch,
        ] {
            assert!(
                s.contains(&format!("  {}", m.text(lang))),
                "{m:?} missing\n{s}"
            );
        }
    }
}

#[test]
fn west_of_portugal_is_nothing_and_each_key_and_its_opposite_come_back() {
    let mut a = app_with(120, 40, Lang::En, false);
    let code = |a: &aifactories::app::App| a.cat().countries[a.map().cursor()].code.to_string();
    press(&mut a, &["1"]);
    assert_eq!(code(&a), "FI");
    press(&mut a, &["j", "j", "j", "j", "j", "h", "h", "h", "h", "h"]);
    assert_eq!(code(&a), "PT");
    press(&mut a, &["h"]);
    assert_eq!(code(&a), "PT", "nothing lies west of Portugal");
    press(&mut a, &["k"]);
    let north = code(&a);
    press(&mut a, &["j"]);
    assert_eq!(code(&a), "PT", "from {north}, back down to Portugal");
    // To Iceland along the top row, and back east to where the cursor came from.
    press(&mut a, &["1"]);
    let mut a = app_with(120, 40, Lang::En, false);
    press(&mut a, &["1", "h", "h", "h"]);
    assert_eq!(code(&a), "IS");
    press(&mut a, &["l"]);
    assert_eq!(code(&a), "NO");
}
