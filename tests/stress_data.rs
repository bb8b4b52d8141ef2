//! Datasets at the edges, built in code from the synthetic generator and validated with
//! `Catalog::from_dataset`: a 2,000-character name and aliases, every sector key on one factory
//! (a sector list 500 long can only repeat keys, and is refused with a located error), 10,000
//! milestones on one factory, and names and cities in wide CJK, combining accents, emoji and
//! right-to-left scripts.
//!
//! For each: the dashboard lays out at 80x24, 120x40, 200x60 and tiny sizes; the list scrolls
//! to its end (End, G) and the detail pane to its end (3 then G) with the last line shown; what
//! is drawn holds no control character and every row is exactly the terminal's width in
//! display columns (no wide character split or cut); and the CLI `list`, `show`, `search` and
//! `timeline` run on the dataset written as RON (`--data`) and exit 0, with aligned tables.

#[path = "common/cli.rs"]
mod cli;
mod common;

use aifactories::app::{App, Options};
use aifactories::data::{
    Catalog, Certainty, Dataset, IStr, Kind, Lang, Milestone, PDate, Record, Text,
};
use aifactories::layout::{Pane, inner};
use aifactories::synth;
use aifactories::text::{fit, is_forbidden_char, truncate, width};
use assert_cmd::Command;
use proptest::prelude::*;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

const TODAY: &str = "2026-11-24";

const SIZES: &[(u16, u16)] = &[
    (80, 24),
    (120, 40),
    (200, 60),
    (24, 8),
    (30, 12),
    (60, 18),
    (110, 32),
    (23, 7),
    (1, 1),
    (0, 0),
];

fn base() -> Dataset {
    synth::dataset(24, 2026)
}

fn catalog(data: Dataset, what: &str) -> Catalog {
    Catalog::from_dataset(data, what).unwrap_or_else(|e| panic!("{what} does not validate:\n{e}"))
}

fn app(cat: &Catalog, (w, h): (u16, u16)) -> App {
    App::new(
        cat.clone(),
        Options {
            lang: Lang::En,
            today: TODAY.parse().unwrap(),
            mono: false,
            size: (w, h),
        },
    )
}

fn text(s: &str) -> Text {
    Text {
        en: s.into(),
        fr: s.into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Screen checks

/// Columns a string takes on the terminal, the way ratatui draws it: grapheme by grapheme
/// (a terminal gives each its cells; no ligature spans two), control characters dropped.
fn cells(s: &str) -> usize {
    let span = Span::raw(s);
    span.styled_graphemes(Style::new())
        .map(|g| usize::from(g.symbol.cell_width()))
        .sum()
}

/// Columns a string really takes once drawn into a buffer.
fn drawn(s: &str) -> usize {
    let mut buf = Buffer::empty(Rect::new(0, 0, 4000, 1));
    let (x, _) = buf.set_stringn(0, 0, s, usize::MAX, Style::new());
    usize::from(x)
}

/// The rows of a buffer as a terminal shows them: a wide symbol hides the cells it covers.
fn visible_rows(buf: &Buffer) -> Vec<String> {
    let w = usize::from(buf.area.width);
    let mut rows = Vec::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut skip = 0usize;
        for x in 0..w {
            let sym = buf[(x as u16, y)].symbol();
            if skip == 0 {
                row.push_str(sym);
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        rows.push(row);
    }
    rows
}

/// Draw and check: no control character, every row exactly as wide as the terminal, and no
/// wide character split (its hidden half overwritten) or cut by the right edge.
fn check_screen(app: &App, what: &str) -> Buffer {
    let t = common::render(app);
    let buf = t.backend().buffer().clone();
    let buf = &buf;
    let (w, h) = (buf.area.width, buf.area.height);
    for y in 0..h {
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars().any(is_forbidden_char),
                "{what} at {w}x{h}: control character drawn at ({x}, {y}): {sym:?}"
            );
            let sw = sym.width();
            if sw > 1 {
                assert!(
                    x + sw as u16 <= w,
                    "{what} at {w}x{h}: wide {sym:?} cut by the right edge at ({x}, {y})"
                );
                for k in 1..sw as u16 {
                    let hidden = buf[(x + k, y)].symbol();
                    assert_eq!(
                        hidden, " ",
                        "{what} at {w}x{h}: wide {sym:?} at ({x}, {y}) split by {hidden:?}"
                    );
                }
            }
        }
    }
    // Every row, cell by cell as the terminal shows it, is exactly the terminal's width:
    // no empty or zero-width cell, no wide symbol running past the edge.
    for (y, row) in visible_rows(buf).iter().enumerate() {
        let cols: usize = (0..w)
            .scan(0usize, |skip, x| {
                let sym = buf[(x, y as u16)].symbol();
                let shown = if *skip == 0 { sym.width() } else { 0 };
                *skip = (*skip).max(sym.width()).saturating_sub(1);
                Some(shown)
            })
            .sum();
        assert_eq!(
            cols,
            usize::from(w),
            "{what} at {w}x{h}: row {y} is {cols} columns wide: {row:?}"
        );
    }
    buf.clone()
}

/// The last non-blank row of the detail pane's inside, as shown (trimmed).
fn detail_last_row(app: &App, buf: &Buffer) -> Option<String> {
    let body = inner(app.screen().detail?);
    if body.width < 4 || body.height == 0 {
        return None;
    }
    let mut rows = (body.y..body.y + body.height).map(|y| {
        let mut row = String::new();
        let mut skip = 0usize;
        for x in body.x..body.x + body.width {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                row.push_str(sym);
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        row.trim().to_string()
    });
    Some(rows.rfind(|r| !r.is_empty()).unwrap_or_default())
}

/// After G in the detail: the scroll is at its maximum and the last line is on screen (when
/// the screen shows the detail at all).
fn check_detail_end(app: &App, buf: &Buffer, what: &str) {
    let Some(max) = common::geometry(app).detail_max_scroll else {
        assert!(
            app.screen().detail.is_none(),
            "{what}: the focused detail was not measured"
        );
        return;
    };
    assert_eq!(
        app.detail().scroll(),
        max,
        "{what}: G does not reach the end"
    );
    let Some(last) = detail_last_row(app, buf) else {
        return;
    };
    let url = last_detail_line(app).expect("a selection with a source");
    // An address is never broken across lines: one longer than the pane is cut with `…`
    // (`show` prints it whole, `y` copies it, `o` opens it).
    let shown = last
        .strip_suffix('…')
        .map_or(url.ends_with(&last), |start| url.contains(start));
    assert!(
        !last.is_empty() && shown,
        "{what}: the end of the detail is not shown (scroll {}, max {max}): last row \
         {last:?}, expected the end of {url:?}",
        app.detail().scroll()
    );
}

/// The last line of the detail of the selected record: its last source's address.
fn last_detail_line(app: &App) -> Option<String> {
    // The record's sources, then those of its access facts it does not cite itself.
    let (ids, access) = match app.selected_record()? {
        Record::Factory(i) => {
            let f = &app.cat().factories()[i];
            (&f.sources, f.access.as_ref())
        }
        Record::Antenna(i) => {
            let a = &app.cat().antennas()[i];
            (&a.sources, a.access.as_ref())
        }
    };
    let extra = access
        .map_or(&[][..], |a| &a.sources[..])
        .iter()
        .filter(|id| !ids.contains(id));
    let s = ids
        .iter()
        .chain(extra)
        .filter_map(|id| app.cat().source(id))
        .next_back()?;
    Some(s.url.to_string())
}

fn press(app: &mut App, keys: &[&str]) {
    common::press(app, keys);
}

/// The whole tour at one size: list to the end both ways, detail to the end, timeline to the
/// end at both zooms, help to the end; drawn and checked at each step.
fn tour(cat: &Catalog, size: (u16, u16), what: &str) {
    let what = format!("{what} at {}x{}", size.0, size.1);
    let mut app = app(cat, size);
    check_screen(&app, &what);

    // The list, to its end.
    for end in ["End", "G"] {
        press(&mut app, &["2", "Home", end]);
        assert_eq!(app.focus(), Pane::List, "{what}");
        assert_eq!(
            app.list().selected(),
            app.list().rows().len() - 1,
            "{what}: {end} does not reach the last row"
        );
        if app.screen().list.is_some() {
            assert!(
                app.list().offset() <= app.list().selected()
                    && app.list().selected() < app.list().offset() + app.list_height(),
                "{what}: the last row is scrolled out of view"
            );
        }
        check_screen(&app, &format!("{what}, list at its end ({end})"));
    }

    // The detail of the last and of the first row, to its end.
    for first in [false, true] {
        if first {
            press(&mut app, &["2", "g"]);
        }
        press(&mut app, &["3", "G"]);
        assert_eq!(app.focus(), Pane::Detail, "{what}");
        let buf = check_screen(&app, &format!("{what}, detail at its end"));
        check_detail_end(&app, &buf, &what);
    }

    // The timeline, to its last milestone, at both zooms.
    for _ in 0..2 {
        press(&mut app, &["4", "End", "PageDown", "PageDown"]);
        check_screen(&app, &format!("{what}, timeline at its end"));
        press(&mut app, &["z"]);
    }

    // The map, and the help at its end.
    press(&mut app, &["1", "Right", "Down", "m"]);
    check_screen(&app, &format!("{what}, map"));
    press(&mut app, &["Esc", "?"]);
    for _ in 0..40 {
        press(&mut app, &["PageDown"]);
    }
    check_screen(&app, &format!("{what}, help"));
    press(&mut app, &["?"]);
    // French labels are longer.
    press(&mut app, &["L", "2", "G", "3", "G"]);
    check_screen(&app, &format!("{what}, in French"));
}

fn tour_all_sizes(cat: &Catalog, what: &str) {
    for &size in SIZES {
        tour(cat, size, what);
    }
}

// ---------------------------------------------------------------------------------------------
// The CLI on the dataset written as RON

fn bin() -> Command {
    cli::aifactories(&["LANG", "LC_ALL"], &[("NO_COLOR", "1")])
}

/// Run a command on the file; it exits 0 and prints only safe text.
fn run_ok(file: &std::path::Path, args: &[&str], what: &str) -> String {
    let out = bin().arg("--data").arg(file).args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: `{}` failed: {stderr}",
        args.join(" ")
    );
    assert!(
        !stdout.trim().is_empty(),
        "{what}: `{}` printed nothing",
        args.join(" ")
    );
    if let Some(c) = stdout.chars().find(|&c| c != '\n' && is_forbidden_char(c)) {
        panic!(
            "{what}: `{}` printed control character U+{:04X}",
            args.join(" "),
            u32::from(c)
        );
    }
    stdout
}

/// The columns of a table line up: where a header starts, every row has the two-space gap
/// before it at the same display column.
fn check_table(out: &str, what: &str) {
    let mut lines = out.lines();
    let header = lines.next().unwrap_or_default();
    // Header names are ASCII and single words.
    let starts: Vec<usize> = header
        .char_indices()
        .filter(|&(i, c)| c != ' ' && i >= 2 && header[..i].ends_with("  "))
        .map(|(i, _)| i)
        .collect();
    for line in lines {
        if line.starts_with("──") || line.trim().is_empty() {
            continue;
        }
        // Display column at the start of each grapheme, and the byte where it starts.
        let span = Span::raw(line);
        let mut at: Vec<(usize, usize)> = Vec::new();
        let mut col = 0;
        for g in span.styled_graphemes(Style::new()) {
            let byte = g.symbol.as_ptr() as usize - line.as_ptr() as usize;
            at.push((col, byte));
            col += usize::from(g.symbol.cell_width());
        }
        at.push((col, line.len()));
        for &start in &starts {
            // The two-space gap before the column, where the header has it.
            let Some(&(_, byte)) = at.iter().find(|&&(c, _)| c == start - 2) else {
                // Only a trimmed, empty last column may end the row before it.
                assert!(
                    col <= start - 2,
                    "{what}: no column boundary at {} in {line:?}\nheader {header:?}",
                    start - 2
                );
                continue;
            };
            if byte == line.len() {
                continue;
            }
            assert!(
                line[byte..].starts_with("  "),
                "{what}: column at {start} misaligned in {line:?}\nheader {header:?}"
            );
        }
    }
}

fn cli_runs(cat: &Catalog, what: &str, search_word: &str, show: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stress.ron");
    std::fs::write(&file, cat.to_ron()).unwrap();
    // The file loads back as the same data.
    let again = Catalog::from_file(&file).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        again.data == cat.data,
        "{what}: to_ron round trip changed the data"
    );

    let out = run_ok(&file, &["list"], what);
    check_table(&out, &format!("{what}, list"));
    run_ok(&file, &["list", "--antennas"], what);
    run_ok(&file, &["show", show], what);
    run_ok(&file, &["show", show, "--format", "json"], what);
    let out = run_ok(&file, &["search", search_word], what);
    check_table(&out, &format!("{what}, search"));
    run_ok(&file, &["timeline"], what);
    run_ok(&file, &["timeline", "--factory", show], what);
    run_ok(&file, &["--lang", "fr", "timeline", "--year", "2025"], what);
}

// ---------------------------------------------------------------------------------------------
// The datasets

#[test]
fn a_2000_character_name_and_aliases() {
    let mut data = base();
    let f = &mut data.factories[3];
    f.name = format!("Ultra {}", "Long Name Factory ".repeat(111))
        .trim_end()
        .chars()
        .take(2000)
        .collect::<String>()
        .into();
    assert_eq!(f.name.chars().count(), 2000);
    f.aliases = vec![
        "x".repeat(2000).into(),
        "Ä".repeat(2000).into(),
        "日".repeat(2000).into(),
        format!("alias {}", "word ".repeat(400)).trim_end().into(),
    ];
    f.host = "H".repeat(2000).into();
    f.city = ("Ciudad de ".to_string() + &"Larga".repeat(398)).into();
    f.summary = text(&"A summary that goes on. ".repeat(400));
    let id = f.id.clone();
    let cat = catalog(data, "long names");
    tour_all_sizes(&cat, "long names");
    cli_runs(&cat, "long names", "ultra", &id);
}

#[test]
fn a_sector_list_500_long_is_refused_and_every_sector_key_lays_out() {
    let mut data = base();
    let keys: Vec<IStr> = Catalog::from_dataset(base(), "keys")
        .unwrap()
        .sectors
        .iter()
        .map(|s| s.key.clone())
        .collect();
    assert!(keys.len() >= 20, "the vocabulary shrank: {}", keys.len());
    let f = &mut data.factories[0];
    f.sectors = keys.iter().cycle().take(500).cloned().collect();
    let id = f.id.clone();
    // 500 sectors can only be the vocabulary over and over: every repeat is refused, with a
    // message that says which factory and which field.
    let e = Catalog::from_dataset(data, "500 sectors")
        .expect_err("a factory listing its sectors 500 times over validates");
    let msg = e.to_string();
    assert!(msg.contains("sectors["), "unclear message: {msg}");
    let record = format!("factory `{id}`");
    let repeats: Vec<String> = (keys.len()..500).map(|i| format!("sectors[{i}]")).collect();
    let fields: Vec<String> = e
        .problems
        .iter()
        .map(|p| {
            assert_eq!(p.record.as_deref(), Some(record.as_str()), "{msg}");
            assert!(p.message.contains("listed twice"), "{msg}");
            p.field.clone().unwrap_or_default()
        })
        .collect();
    assert_eq!(fields, repeats, "one problem per repeat: {msg}");

    // As many sectors as the validator lets through: every key on the first factory, and 20
    // each, in turn, on the others.
    let mut data = base();
    let mut k = 0;
    for f in &mut data.factories {
        f.sectors = keys.iter().skip(k % keys.len()).take(20).cloned().collect();
        k += 20;
    }
    data.factories[0].sectors = keys.clone();
    let cat = catalog(data, "every sector key");
    assert_eq!(cat.factories()[0].sectors.len(), keys.len());
    tour_all_sizes(&cat, "every sector key");
    cli_runs(&cat, "every sector key", "sector:health", &id);
}

/// The base dataset with `n` milestones on factory 5, titled `title(i)`.
fn with_milestones(n: usize, title: impl Fn(usize) -> Text) -> (Catalog, String) {
    let mut data = base();
    let source = data.factories[5].sources[0].clone();
    let kinds = Kind::ALL;
    let mut ms = Vec::with_capacity(n);
    for i in 0..n {
        let year = 2024 + (i % 5) as i32;
        let month = (i % 12) as u8 + 1;
        let day = (i % 28) as u8 + 1;
        let date = match i % 4 {
            0 => PDate::day(year, month, day),
            1 => PDate::month(year, month),
            2 => PDate::year(year),
            _ => PDate::parse(&format!("{year}-Q{}", i % 4 + 1)),
        }
        .unwrap();
        ms.push(Milestone {
            id: None,
            date,
            kind: kinds[i % kinds.len()],
            title: title(i),
            planned: i % 3 == 0,
            first_announced: None,
            answers: None,
            factories: Vec::new(),
            certainty: if i % 7 == 0 {
                Certainty::Unconfirmed
            } else {
                Certainty::Confirmed
            },
            sources: vec![source.clone()],
        });
    }
    data.factories[5].milestones = ms;
    let id = data.factories[5].id.clone();
    let cat = catalog(data, "many milestones");
    assert!(cat.milestone_count() >= n);
    (cat, id.to_string())
}

/// The dashboard at a size with factory 5 selected and its detail scrolled to the end (G),
/// checked; then its timeline walked to the end. Returns how far the detail scrolls.
fn detail_to_the_end(cat: &Catalog, size: (u16, u16), what: &str) -> u16 {
    let what = format!("{what} at {}x{}", size.0, size.1);
    let mut app = app(cat, size);
    let row = app
        .list()
        .rows()
        .iter()
        .position(|&h| app.search().hits()[h].record == Record::Factory(5))
        .expect("the factory is listed");
    press(&mut app, &["2", "Home"]);
    for _ in 0..row {
        press(&mut app, &["Down"]);
    }
    assert_eq!(app.selected_record(), Some(Record::Factory(5)), "{what}");
    press(&mut app, &["3", "G"]);
    let buf = check_screen(&app, &what);
    check_detail_end(&app, &buf, &what);
    let max = common::geometry(&app).detail_max_scroll.unwrap_or(0);
    press(&mut app, &["4", "End", "Left", "Home", "z", "End"]);
    check_screen(&app, &format!("{what}, timeline"));
    max
}

#[test]
fn ten_thousand_milestones_on_one_factory() {
    let (cat, id) = with_milestones(10_000, |i| {
        text(&format!(
            "Step {i} of the long programme: delivery of rack {i}"
        ))
    });
    for &size in SIZES {
        detail_to_the_end(&cat, size, "10,000 milestones");
    }
    let name = cat.factories()[5].name.clone();
    cli_runs(&cat, "10,000 milestones", &name, &id);
}

/// Listed in full, 10,000 milestones with titles as long as the real ones would wrap to more
/// than 65,535 rows in a narrow detail pane, past what its u16 scroll can reach (the bug this
/// found). The detail lists a bounded number of them, so it stays shorter than that: its
/// scroll does not saturate, and G shows the true end.
#[test]
fn the_end_of_the_detail_of_10000_milestones_with_real_titles_is_reachable() {
    let embedded = Catalog::embedded().unwrap();
    let titles: Vec<Text> = embedded
        .factories()
        .iter()
        .flat_map(|f| f.milestones.iter())
        .chain(embedded.data.milestones.iter())
        .map(|m| m.title.clone())
        .collect();
    let (cat, _) = with_milestones(10_000, |i| titles[i % titles.len()].clone());
    let max = detail_to_the_end(&cat, (24, 8), "10,000 milestones with real titles");
    assert!(
        max > 0 && max < u16::MAX,
        "the detail scrolls {max} rows: nothing to scroll, or past the u16 limit"
    );
}

/// Names and cities in scripts that test the width arithmetic.
const WORLD: &[(&str, &str)] = &[
    ("北京人工智能工厂 東京計算センター", "北京市"),
    ("서울 AI 팩토리 한국어 이름", "서울특별시"),
    (
        "Ångström Fa\u{301}ctory e\u{301}\u{301}\u{301} Z\u{337}a\u{337}l\u{337}g\u{337}o\u{337}",
        "Sa\u{301}o Pa\u{303}o",
    ),
    ("👩‍🔬 AI 🤖 Factory 🇪🇺 🏳️‍🌈 ❤️ 👨‍👩‍👧‍👦", "🏙️ City"),
    ("مصنع الذكاء الاصطناعي", "الإسكندرية"),
    ("מפעל בינה מלאכותית", "תל אביב"),
    (
        "Mixed עברית and العربية with 日本語 and 😀",
        "Zürich 東京 القاهرة",
    ),
    ("ﷺ ﷽ ꧅ 𒐫 𒈙", "ᄀᄀᄀ각"),
    ("Ａ Ｆｕｌｌｗｉｄｔｈ Ｆａｃｔｏｒｙ", "Ｋｙｏｔｏ"),
];

#[test]
fn names_in_wide_combining_emoji_and_right_to_left_scripts() {
    let mut data = base();
    for (i, (name, city)) in WORLD.iter().enumerate() {
        let f = &mut data.factories[i];
        f.name = (*name).into();
        f.city = (*city).into();
        f.host = format!("{name} — {city}").into();
        f.aliases = vec![(*city).into(), format!("{name}{name}{name}").into()];
        f.summary = text(&format!("{name}. {city}. ").repeat(30));
        if let Some(n) = f.system.name.as_mut() {
            *n = name.chars().rev().collect::<String>().into();
        }
    }
    for (i, a) in data.antennas.iter_mut().enumerate() {
        let (name, city) = WORLD[i % WORLD.len()];
        a.name = format!("Antenna {name}").into();
        a.city = Some(city.into());
    }
    let id = data.factories[0].id.clone();
    let cat = catalog(data, "world scripts");
    tour_all_sizes(&cat, "world scripts");
    // Typing in these scripts, and pasting them, at every size.
    for &size in SIZES {
        let mut app = app(&cat, size);
        press(&mut app, &["/", "type:北京 👩‍🔬 e\u{301}"]);
        check_screen(&app, "world scripts, typed query");
        for (name, _) in WORLD {
            app.update(aifactories::app::Action::Paste((*name).to_string()));
            check_screen(&app, "world scripts, pasted query");
        }
    }
    cli_runs(&cat, "world scripts", "北京", &id);
}

#[test]
fn the_embedded_data_passes_the_same_checks() {
    let cat = Catalog::embedded().unwrap();
    tour_all_sizes(&cat, "embedded");
}

// ---------------------------------------------------------------------------------------------
// The width arithmetic every pane and table relies on

/// Strings whose width is easy to get wrong.
const TRICKY: &[&str] = &[
    "مصنع الذكاء الاصطناعي",
    "لا",
    "\u{644}\u{622} \u{644}\u{623} \u{644}\u{625}",
    "ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ",
    "👩‍🔬👨‍👩‍👧‍👦",
    "🇪🇺🇫🇷🇩🇪",
    "❤️☺️✈️",
    "e\u{301}\u{301}a\u{308}",
    "北京人工智能工厂",
    "Ａ Ｆｕｌｌ",
    "ᄀᄀᄀ각",
    "מפעל בינה",
    "a\u{200b}b\u{200d}c",
    "\u{fe0f}",
    "Z\u{337}a\u{337}l\u{337}g\u{337}o\u{337}",
];

fn check_width_arithmetic(s: &str) {
    assert_eq!(width(s), drawn(s), "width({s:?}) is not what is drawn");
    for cols in 0..=drawn(s) + 2 {
        let f = fit(s, cols);
        assert_eq!(
            drawn(&f),
            cols,
            "fit({s:?}, {cols}) = {f:?} is drawn {} wide",
            drawn(&f)
        );
        assert_eq!(
            width(&f),
            cols,
            "fit({s:?}, {cols}) = {f:?} measures {}",
            width(&f)
        );
        let t = truncate(s, cols);
        assert!(
            drawn(&t) <= cols,
            "truncate({s:?}, {cols}) = {t:?} is drawn {} wide",
            drawn(&t)
        );
        if drawn(s) > cols && cols > 0 {
            assert!(
                t.ends_with('…'),
                "truncate({s:?}, {cols}) = {t:?} lost its ellipsis"
            );
        }
    }
}

#[test]
fn fitted_text_takes_exactly_its_columns_when_drawn() {
    for s in TRICKY.iter().chain(WORLD.iter().flat_map(|(a, b)| [a, b])) {
        check_width_arithmetic(s);
        assert_eq!(cells(s), drawn(s), "{s:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fit_and_truncate_agree_with_the_terminal(
        parts in prop::collection::vec(
            prop_oneof![
                prop::sample::select(TRICKY.to_vec()).prop_map(str::to_string),
                "\\PC{0,6}",
                "[a-z ]{0,6}",
            ],
            0..6,
        ),
    ) {
        let s: String = parts.concat();
        let s = aifactories::text::sanitize(&s).into_owned();
        check_width_arithmetic(&s);
    }
}
