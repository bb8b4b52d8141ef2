//! Below 60 columns one pane shows at a time: a tab bar over it names it and gives the keys
//! of the others, at every width down to the smallest layout.

mod common;

use aifactories::data::Lang;
use aifactories::i18n::Msg;
use common::{app_with, press, render, screen_text};

#[test]
fn the_single_pane_names_itself_and_the_keys_to_the_others() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        for (keys, name) in [
            (vec![], "list"),
            (vec!["1"], "map"),
            (vec!["3"], "detail"),
            (vec!["4"], "timeline"),
        ] {
            let mut a = app_with(50, 16, lang, false);
            press(&mut a, &keys);
            insta::assert_snapshot!(format!("tiny_{name}_{tag}_50x16"), render(&a).backend());
        }
        let mut a = app_with(24, 8, lang, false);
        press(&mut a, &["3"]);
        insta::assert_snapshot!(format!("tiny_detail_{tag}_24x8"), render(&a).backend());
    }
    // At every width of the tiny layout, the bar names the pane shown and its key.
    for w in 24..60 {
        for lang in [Lang::En, Lang::Fr] {
            for (key, pane) in [
                ("1", Msg::Map),
                ("2", Msg::List),
                ("3", Msg::Detail),
                ("4", Msg::Timeline),
            ] {
                let mut a = app_with(w, 12, lang, false);
                press(&mut a, &[key]);
                let s = screen_text(&a);
                let bar = s.lines().nth(1).unwrap_or_default();
                let want = format!("{key} {}", pane.text(lang));
                assert!(bar.contains(&want), "{w} cols: {bar:?} lacks {want:?}");
                // With room, the other panes' keys too.
                if w >= 40 {
                    for other in ["1", "2", "3", "4"] {
                        assert!(
                            bar.contains(&format!(" {other} ")),
                            "{w}: {bar:?} lacks {other}"
                        );
                    }
                }
            }
        }
    }
}
