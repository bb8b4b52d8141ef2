//! A screen too small for the dashboard says the size it needs, in any space down to 1x1.

mod common;

use aifactories::data::Lang;

#[test]
fn the_too_small_screen_says_the_size_it_needs() {
    for lang in [Lang::En, Lang::Fr] {
        for w in 1..24u16 {
            for h in 1..8u16 {
                let app = common::app_with(w, h, lang, false);
                let text = common::screen_text(&app);
                if w >= 4 {
                    assert!(
                        text.contains("24x8") || text.contains("24 x 8"),
                        "{w}x{h}: {text:?}"
                    );
                }
                assert!(!text.contains('…'), "{w}x{h}: {text:?}");
            }
        }
    }
}
