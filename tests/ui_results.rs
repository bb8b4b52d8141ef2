//! The results list: a header row, a sort key that keeps the selection, one ranking rule
//! (hosted before partner for `country:`), rows that say why they matched, and "for me".

mod common;

use aifactories::data::Record;
use common::{app, press, screen_text};

fn names(a: &aifactories::app::App) -> Vec<String> {
    (0..a.list().len())
        .filter_map(|row| a.list().record(a.search().hits(), row))
        .map(|r| match r {
            Record::Factory(i) => a.cat().factories()[i].name.to_string(),
            Record::Antenna(i) => a.cat().antennas()[i].name.to_string(),
        })
        .collect()
}

#[test]
fn country_filter_puts_the_hosts_before_the_partners() {
    let mut a = app(120, 40);
    press(&mut a, &["/", "type:country:pl", "Enter"]);
    let n = names(&a);
    let lumi = n
        .iter()
        .position(|x| x == "LUMI AIF")
        .expect("LUMI AIF (PL partner)");
    for hosted in ["PIAST", "Gaia AI Factory"] {
        let at = n.iter().position(|x| x == hosted).expect(hosted);
        assert!(at < lumi, "{hosted} after LUMI AIF: {n:?}");
    }
}

#[test]
fn the_header_row_names_the_columns_and_rows_say_why() {
    let mut a = app(120, 40);
    let s = screen_text(&a);
    assert!(
        s.contains("name") && s.contains("city") && s.contains("wave"),
        "{s}"
    );
    assert!(s.contains("by relevance"), "{s}");
    press(&mut a, &["/", "type:health", "Enter"]);
    let s = screen_text(&a);
    assert!(s.contains("why") && s.contains("sector: Health"), "{s}");
}

#[test]
fn sorting_keeps_the_selection_and_says_its_key() {
    let mut a = app(120, 40);
    press(&mut a, &["2", "j", "j", "j"]);
    let before = a.selected_record();
    press(&mut a, &["s"]);
    assert_eq!(a.selected_record(), before);
    assert!(screen_text(&a).contains("by name"));
    let n = names(&a);
    let mut sorted = n.clone();
    sorted.sort_by_key(|x| aifactories::text::fold(x));
    assert_eq!(n, sorted);
    for key in ["by country", "by wave", "by selection date", "by relevance"] {
        press(&mut a, &["s"]);
        assert_eq!(a.selected_record(), before, "{key}");
        assert!(screen_text(&a).contains(key), "{key}");
    }
}

#[test]
fn for_me_ranks_for_the_country_with_reasons_and_esc_leaves_it() {
    let mut a = app(120, 40);
    press(&mut a, &["/", "type:country:pt health", "Enter", "f"]);
    let s = screen_text(&a);
    assert!(s.contains("For me") && s.contains("Portugal (PT)"), "{s}");
    assert_eq!(names(&a)[0], "BSC AIF");
    assert!(s.contains("your country, Portugal (PT)"), "{s}");
    press(&mut a, &["Esc"]);
    assert!(!screen_text(&a).contains("For me"));
    // From the map's country, with no query: Croatia has none, so every factory.
    let mut a = app(120, 40);
    press(&mut a, &["1"]);
    let hr = a
        .cat()
        .countries
        .iter()
        .position(|c| c.code == "HR")
        .unwrap();
    a.update(aifactories::app::Action::SelectCountry(hr));
    press(&mut a, &["f"]);
    let s = screen_text(&a);
    assert!(s.contains("Croatia (HR)"), "{s}");
    assert_eq!(a.list().len(), a.cat().factories().len());
}

/// The text a search matched is drawn in the matched style in the "why" column, as the
/// name's matched letters are; the field's label is not.
#[test]
fn the_matched_text_of_a_row_is_highlighted() {
    let mut a = app(120, 40);
    press(&mut a, &["/", "type:health", "Enter"]);
    let t = common::render(&a);
    let buf = t.backend().buffer();
    let matched = a.theme().matched;
    // A row past the first (the selected one, where only the modifiers change).
    let row = (0..buf.area.height)
        .filter(|&y| {
            let line: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.contains("sector: Health")
        })
        .nth(1)
        .expect("two rows that say why");
    let line: Vec<(String, ratatui::style::Style)> = (0..buf.area.width)
        .map(|x| (buf[(x, row)].symbol().to_string(), buf[(x, row)].style()))
        .collect();
    let text: String = line.iter().map(|(s, _)| s.as_str()).collect();
    let at = text.find("sector: Health").unwrap();
    let col = text[..at].chars().count();
    let style_at = |c: usize| line[c].1;
    let has = |s: ratatui::style::Style| {
        s.add_modifier.contains(matched.add_modifier)
            && (matched.fg.is_none() || s.fg == matched.fg)
    };
    assert!(!has(style_at(col)), "the label is plain");
    let h = col + "sector: ".len();
    assert!(
        (h..h + "Health".len()).all(|c| has(style_at(c))),
        "the matched text is highlighted"
    );
}

/// A query the list cannot run says why in the display language, whole (wrapped, not cut).
#[test]
fn a_query_error_in_the_list_is_in_french_and_whole() {
    let mut a = common::app_with(60, 24, aifactories::i18n::Lang::Fr, false);
    press(&mut a, &["/", "type:zzzz:abc", "Enter"]);
    let e = a.search().error().expect("a query error").clone();
    let fr = e.message(aifactories::i18n::Lang::Fr);
    assert_ne!(fr, e.message(aifactories::i18n::Lang::En));
    let s: String = screen_text(&a)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // Every word of the message is on the screen (wrapped across lines, never cut).
    for word in fr.split_whitespace() {
        assert!(
            s.contains(word),
            "{word:?} missing from\n{}",
            screen_text(&a)
        );
    }
}
