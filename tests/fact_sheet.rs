//! One fact sheet: the detail pane and `aifactories show` tell the same facts under the same
//! labels, in both languages.

#[path = "common/cli.rs"]
mod cli;
mod common;

use aifactories::data::{Lang, Record};
use aifactories::sheet::{Sheet, value_text};
use aifactories::timeline::Timeline;

/// The detail pane's text for a record, at a size where it shows whole.
fn detail_text(name: &str, lang: Lang) -> String {
    let mut app = common::app_with(200, 240, lang, false);
    common::press(&mut app, &["/", &format!("type:{name}"), "Enter", "Enter"]);
    let area = app.screen().detail.expect("a detail pane");
    let buf = common::render(&app).backend().buffer().clone();
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn show_text(id: &str, lang: Lang) -> String {
    let lang = if lang.is_fr() { "fr" } else { "en" };
    let out = cli::aifactories(&[], &[])
        .args(["--lang", lang, "show", id])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_detail_pane_and_show_give_the_same_labelled_facts() {
    let cat = aifactories::data::Catalog::embedded().unwrap();
    let tl = Timeline::new(&cat);
    let today = cli::TODAY.parse().unwrap();
    for lang in [Lang::En, Lang::Fr] {
        for (id, name) in [("it4lia", "IT4LIA"), ("antenna-cy", "Pharos-CY")] {
            let record = aifactories::cli::resolve_record(&cat, id).unwrap();
            let sheet = match record {
                Record::Factory(i) => Sheet::factory(&cat, &tl, i, today, lang),
                Record::Antenna(i) => Sheet::antenna(&cat, &cat.antennas()[i], lang),
            };
            let detail = detail_text(name, lang);
            let show = show_text(id, lang);
            for f in sheet.lead.iter().chain(&sheet.fields) {
                let label = f.label.text(lang);
                let value = value_text(&f.value);
                assert!(
                    show.contains(&format!("{label}: {value}")),
                    "show lacks {label}: {value}\n{show}"
                );
                // Never run into its value, in either language.
                assert!(
                    detail.contains(&format!("{label} ")),
                    "the detail lacks {label}, or it runs into its value\n{detail}"
                );
                // The value's first words (it may wrap in the pane).
                let start: String = value.chars().take(12).collect();
                assert!(
                    detail.contains(start.trim()),
                    "the detail lacks {label}'s {start:?}\n{detail}"
                );
            }
        }
    }
}
