//! The search box's messages: a mistyped filter value searched as the nearest one, with "did
//! you mean"; errors that fit beside the query or go on under it, whole, at every width.

mod common;

use aifactories::data::Lang;
use common::{app_with, press, render, screen_text};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn snap(name: &str, lang: Lang, keys: &[&str]) {
    for (w, h) in SIZES {
        let mut a = app_with(w, h, lang, false);
        press(&mut a, keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a).backend());
    }
}

/// The search box's three rows.
fn search_box(screen: &str) -> String {
    screen.lines().take(3).collect::<Vec<_>>().join("\n")
}

/// The box's words, with its borders and the query's prompt, as one line of words.
fn box_words(screen: &str) -> String {
    search_box(screen)
        .split(|c: char| c.is_whitespace() || "│╭╮╰╯─┃┏┓┗┛━".contains(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_mistyped_sector_finds_the_sector_and_says_so() {
    snap("search_typo", Lang::En, &["/", "type:sector:enrgy"]);
    snap("search_typo_fr", Lang::Fr, &["/", "type:sector:enrgy"]);
    let mut typo = app_with(120, 40, Lang::En, false);
    press(&mut typo, &["/", "type:sector:enrgy"]);
    let mut right = app_with(120, 40, Lang::En, false);
    press(&mut right, &["/", "type:sector:energy"]);
    assert!(!right.list().rows().is_empty());
    assert_eq!(typo.list().rows(), right.list().rows());
    assert!(
        box_words(&screen_text(&typo)).contains("did you mean sector:energy? Showing its results"),
        "{}",
        search_box(&screen_text(&typo))
    );
}

#[test]
fn errors_are_read_whole_beside_or_under_the_query() {
    snap(
        "search_bad_country",
        Lang::En,
        &["/", "type:country:atlantis"],
    );
    snap(
        "search_bad_country_fr",
        Lang::Fr,
        &["/", "type:country:atlantis"],
    );
    for lang in [Lang::En, Lang::Fr] {
        for query in ["country:atlantis", "sectr:energy", "bogus:x"] {
            let mut a = app_with(200, 40, lang, false);
            press(&mut a, &["/", &format!("type:{query}")]);
            let message = a.search().error().expect("an error").message(lang);
            let words: Vec<&str> = message.split_whitespace().collect();
            // Wherever the row under the query holds it, it is there whole.
            for w in (24..=200u16).step_by(11) {
                let mut a = app_with(w, 40, lang, false);
                press(&mut a, &["/", &format!("type:{query}")]);
                let shown = box_words(&screen_text(&a));
                // Below 60 columns the box is one line with no border to go on under.
                if w >= 60 && message.chars().count() + 4 <= usize::from(w) {
                    assert!(
                        shown.contains(&words.join(" ")),
                        "{query} at {w}: {shown:?} lacks {message:?}"
                    );
                } else {
                    // Across both rows, or cut where it shows.
                    assert!(
                        shown.contains(&words.join(" ")) || shown.contains('…'),
                        "{query} at {w}: cut without a mark: {shown:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_help_lists_every_filter_and_wraps_rather_than_cuts() {
    snap(
        "help_filters",
        Lang::En,
        &[
            "?", "PageDown", "PageDown", "PageDown", "PageDown", "PageDown",
        ],
    );
    snap(
        "help_filters_fr",
        Lang::Fr,
        &[
            "?", "PageDown", "PageDown", "PageDown", "PageDown", "PageDown",
        ],
    );
    for lang in [Lang::En, Lang::Fr] {
        let mut a = app_with(80, 24, lang, false);
        press(
            &mut a,
            &[
                "?", "PageDown", "PageDown", "PageDown", "PageDown", "PageDown",
            ],
        );
        let s = screen_text(&a);
        for k in aifactories::search::FILTER_KEYS {
            assert!(s.contains(&format!("{k}:")), "{k} missing:\n{s}");
        }
        // The longest explanation is read whole, over two lines.
        let sector = aifactories::i18n::Msg::FilterSector.text(lang);
        let body: Vec<String> = s
            .lines()
            .map(|l| {
                l.trim_matches(|c: char| c == '┃' || c.is_whitespace())
                    .to_string()
            })
            .collect();
        let joined = body.join(" ");
        let words: Vec<&str> = sector.split_whitespace().collect();
        let flat: Vec<&str> = joined.split_whitespace().collect();
        assert!(
            flat.windows(words.len()).any(|w| w == words.as_slice()),
            "{sector:?} not whole:\n{s}"
        );
    }
}
