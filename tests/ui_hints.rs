//! The hint line: how to get help and how to quit are always there, whatever the width and
//! the language; the dates give way first, whole, never cut.

mod common;

use aifactories::data::Lang;

fn hint_line(w: u16, h: u16, lang: Lang, keys: &[&str]) -> String {
    let mut app = common::app_with(w, h, lang, false);
    common::press(&mut app, keys);
    let text = common::screen_text(&app);
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn help_and_quit_at_every_width_in_both_languages() {
    for (lang, help, quit, date) in [
        (Lang::En, "? help", "q quit", "data as of"),
        (Lang::Fr, "? aide", "q quitter", "données du"),
    ] {
        for keys in [&[][..], &["1"], &["3"], &["4"]] {
            for w in 40..=200 {
                let h = if w >= 110 { 40 } else { 24 };
                let line = hint_line(w, h, lang, keys);
                assert!(
                    line.contains(help) && line.contains(quit),
                    "{w} wide after {keys:?}: {line:?}"
                );
                // A date is whole or absent.
                assert!(!line.trim_end().ends_with('…'), "{w} wide: {line:?}");
                if let Some(i) = line.find(date) {
                    assert!(line[i..].contains("2026"), "{w} wide: {line:?}");
                }
            }
        }
    }
}
