//! The timeline pane: columns, lanes, marks, hit-testing and robustness at every size.

#[path = "common/fixtures.rs"]
mod fixtures;

use aifactories::app::{Action, App, Options, Zoom};
use aifactories::data::{Catalog, Kind, Lang};
use aifactories::layout::Pane;
use aifactories::theme::Theme;
use aifactories::ui::timeline::{draw, entry_at, glyph, lane_rows};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use fixtures::{factory, milestone as ms};

/// Pharos (contract 26 Mar 2025, on time), BSC (late), and `extra` more factories.
fn catalog(extra: usize) -> Catalog {
    let programme = [
        ms(
            None,
            "2024-12-10",
            "Selection",
            "Wave 1",
            r#"factories: ["pharos", "bsc"]"#,
        ),
        ms(
            Some("plan-agreements-early-2025"),
            "2025-Q1",
            "Agreement",
            "Agreements plan",
            r#"planned: true, certainty: Unconfirmed, factories: ["pharos", "bsc"]"#,
        ),
        ms(
            Some("plan-procurement-h1-2025"),
            "2025-H1",
            "Procurement",
            "Procurement plan",
            r#"planned: true, certainty: Unconfirmed, factories: ["pharos", "bsc"]"#,
        ),
    ];
    let mut factories = vec![
        factory(
            "pharos",
            "Pharos",
            &[
                ms(
                    None,
                    "2025-03-26",
                    "Contract",
                    "Pharos contract",
                    r#"answers: Some("plan-procurement-h1-2025")"#,
                ),
                ms(
                    None,
                    "2025-03",
                    "Agreement",
                    "Pharos agreement",
                    r#"answers: Some("plan-agreements-early-2025")"#,
                ),
                ms(
                    None,
                    "2026-H2",
                    "Operation",
                    "Pharos operation",
                    r#"first_announced: Some("2026-Q2"), certainty: Conflicting"#,
                ),
            ],
        ),
        factory(
            "bsc",
            "BSC AI Factory with a very long name",
            &[
                ms(
                    None,
                    "2025-07",
                    "Procurement",
                    "BSC tender",
                    r#"answers: Some("plan-procurement-h1-2025")"#,
                ),
                ms(
                    None,
                    "end-2025",
                    "Contract",
                    "BSC contract",
                    r#"answers: Some("plan-procurement-h1-2025")"#,
                ),
                ms(None, "2026", "Installation", "BSC install", "planned: true"),
            ],
        ),
    ];
    for i in 0..extra {
        factories.push(factory(
            &format!("f{i}"),
            &format!("Factory {i}"),
            &[ms(None, "2025-05-05", "Launch", &format!("Launch {i}"), "")],
        ));
    }
    let text = fixtures::dataset(
        &factories,
        &programme,
        "https://example.org/s1",
        "Source one",
    );
    Catalog::from_ron(&text, "test").unwrap_or_else(|e| panic!("{e}"))
}

fn app_with(cat: Catalog, lang: Lang) -> App {
    app_on(cat, lang, "2026-11-24")
}

fn app_on(cat: Catalog, lang: Lang, today: &str) -> App {
    App::new(
        cat,
        Options {
            lang,
            today: today.parse().unwrap(),
            mono: false,
            size: (120, 40),
        },
    )
}

fn app(extra: usize) -> App {
    app_with(catalog(extra), Lang::En)
}

fn render(app: &App, term: (u16, u16), area: Rect) -> Buffer {
    render_themed(app, term, area, app.theme())
}

fn render_themed(app: &App, term: (u16, u16), area: Rect, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(term.0, term.1)).unwrap();
    t.draw(|f| draw(f, app, theme, area)).unwrap();
    t.backend().buffer().clone()
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// Column of the first occurrence of `s` in row `y`, in cells.
fn col_of(buf: &Buffer, y: u16, s: &str) -> Option<u16> {
    let cells: Vec<String> = (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect();
    (0..cells.len()).find_map(|x| {
        let tail: String = cells[x..].concat();
        tail.starts_with(s).then_some(x as u16)
    })
}

fn find_entry(app: &App, title: &str) -> usize {
    (0..app.tl().len())
        .find(|&i| app.tl().milestone(app.cat(), i).title.en == title)
        .unwrap_or_else(|| panic!("no entry {title}"))
}

fn row_with(buf: &Buffer, s: &str) -> Option<u16> {
    (0..buf.area.height).find(|&y| row(buf, y).contains(s))
}

const AREA: Rect = Rect {
    x: 0,
    y: 0,
    width: 120,
    height: 14,
};

#[test]
fn glyphs_are_one_column_wide_and_distinct() {
    let mut seen = Vec::new();
    for k in Kind::ALL {
        let g = glyph(k);
        assert_eq!(unicode_width::UnicodeWidthChar::width(g), Some(1), "{k:?}");
        assert!(!seen.contains(&g), "{k:?} reuses {g}");
        seen.push(g);
    }
    for c in ['━', '┈', '│', '▼', '‹', '›', '?'] {
        assert_eq!(unicode_width::UnicodeWidthChar::width(c), Some(1), "{c}");
    }
}

#[test]
fn month_headers_and_programme_lane() {
    let app = app(0);
    let buf = render(&app, (120, 40), AREA);
    let header = row(&buf, 1);
    for m in [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ] {
        assert!(header.contains(m), "{m} missing in {header:?}");
    }
    assert!(
        row(&buf, 0).contains("Timeline · 2025 by month"),
        "{}",
        row(&buf, 0)
    );
    assert!(row(&buf, 0).contains("z: zoom"));
    assert!(row(&buf, 2).contains("Programme"), "{}", row(&buf, 2));
    assert!(row(&buf, 3).contains("Pharos"));
    // Long names are cut to the gutter.
    assert!(row(&buf, 4).contains("BSC AI Factory"));
    assert!(row(&buf, 4).contains('…'));
}

#[test]
fn french_headers() {
    let app = app_with(catalog(0), Lang::Fr);
    let buf = render(&app, (120, 40), AREA);
    let header = row(&buf, 1);
    for m in ["janv", "févr", "mars", "août", "déc"] {
        assert!(header.contains(m), "{m} missing in {header:?}");
    }
    assert!(row(&buf, 0).contains("Chronologie · 2025 par mois"));
}

#[test]
fn contract_lands_in_the_march_column_and_is_hit() {
    let app = app(0);
    let buf = render(&app, (120, 40), AREA);
    let pharos_y = row_with(&buf, "Pharos").unwrap();
    let mar = col_of(&buf, 1, "Mar").unwrap();
    let apr = col_of(&buf, 1, "Apr").unwrap();
    let contract = glyph(Kind::Contract).to_string();
    let x = (mar..apr)
        .find(|&x| buf[(x, pharos_y)].symbol() == contract)
        .unwrap_or_else(|| panic!("no contract in Mar: {:?}", row(&buf, pharos_y)));
    let e = find_entry(&app, "Pharos contract");
    assert_eq!(entry_at(&app, AREA, x, pharos_y), Some(e));
    // The agreement of March 2025 (month precision) is at the start of the column.
    let agreement = glyph(Kind::Agreement).to_string();
    assert_eq!(buf[(mar, pharos_y)].symbol(), agreement);
    assert_eq!(
        entry_at(&app, AREA, mar, pharos_y),
        Some(find_entry(&app, "Pharos agreement"))
    );
    // Nothing in the gutter, the header or outside.
    assert_eq!(entry_at(&app, AREA, 2, pharos_y), None);
    assert_eq!(entry_at(&app, AREA, x, 1), None);
    assert_eq!(entry_at(&app, AREA, 500, 500), None);
}

#[test]
fn vague_dates_are_bars_and_plans_are_bands() {
    let app = app(0);
    let buf = render(&app, (120, 40), AREA);
    // H1 2025 procurement plan: a bar from Jan over Jun in the programme lane.
    let jan = col_of(&buf, 1, "Jan").unwrap();
    let jun = col_of(&buf, 1, "Jun").unwrap();
    let jul = col_of(&buf, 1, "Jul").unwrap();
    let prog = row(&buf, 2);
    let cells: Vec<String> = (0..120).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    assert!(
        cells[usize::from(jun)..usize::from(jul)]
            .iter()
            .any(|c| c == "━"),
        "{prog}"
    );
    assert!(cells[usize::from(jul)..].iter().all(|c| c != "━"), "{prog}");
    assert_eq!(
        entry_at(&app, AREA, jun + 1, 2),
        Some(find_entry(&app, "Procurement plan"))
    );
    // Two plans start on 1 Jan: the more important is drawn, with a count after it.
    assert_eq!(
        cells[usize::from(jan)],
        glyph(Kind::Procurement).to_string()
    );
    assert_eq!(cells[usize::from(jan) + 1], "2");
    // BSC: end 2025 is a bar over Oct-Dec; the plan window is a band in its lane.
    let bsc_y = row_with(&buf, "BSC").unwrap();
    let oct = col_of(&buf, 1, "Oct").unwrap();
    assert_eq!(
        buf[(oct, bsc_y)].symbol(),
        glyph(Kind::Contract).to_string()
    );
    assert_eq!(buf[(oct + 2, bsc_y)].symbol(), "━");
    assert_eq!(buf[(jan + 1, bsc_y)].symbol(), "┈");
    assert_eq!(entry_at(&app, AREA, jan + 1, bsc_y), None);
    // Later milestones are hinted at the right edge.
    assert_eq!(buf[(118, bsc_y)].symbol(), "›");
}

#[test]
fn lane_rows_matches_the_lanes_drawn() {
    let app = app(40);
    for h in [3u16, 5, 8, 14, 20, 26, 40] {
        let area = Rect::new(0, 0, 120, h);
        let buf = render(&app, (120, 40), area);
        let n = lane_rows(area);
        let drawn = (0..h)
            .filter(|&y| {
                let r = row(&buf, y);
                r.contains("Programme")
                    || r.contains("Pharos")
                    || r.contains("Factory ")
                    || r.contains("BSC")
            })
            .count();
        assert_eq!(drawn, n, "height {h}");
        // Hit-testing agrees: the launch of every factory lane is found in its row (the
        // programme's lane pinned first), or the programme's selection drawn in it.
        let shown: Vec<usize> = app.timeline().shown_lanes(n).collect();
        for (i, &lane) in shown.iter().enumerate() {
            let y = 2 + i as u16;
            let hits: Vec<usize> = (0..120)
                .filter_map(|x| entry_at(&app, area, x, y))
                .collect();
            assert!(!hits.is_empty(), "height {h} row {y}: no entry hit");
            for e in hits {
                assert!(
                    app.timeline().lane_of(e) == Some(lane)
                        || app.timeline().lane_entries(lane).contains(&e),
                    "height {h} row {y}"
                );
            }
        }
    }
}

#[test]
fn scrolled_lanes_start_at_the_offset() {
    let mut app = app(40);
    for _ in 0..10 {
        app.update(Action::ScrollDown(Pane::Timeline));
    }
    assert_eq!(app.timeline().lane_offset(), 11);
    let buf = render(&app, (120, 40), AREA);
    // The programme's lane stays pinned on the first row; the factory lanes scroll under it.
    assert!(row(&buf, 2).contains("Programme"), "{}", row(&buf, 2));
    assert!(row(&buf, 3).contains("Factory 8"), "{}", row(&buf, 3));
    let n = lane_rows(AREA);
    assert!(
        row(&buf, 0).contains(&format!("11–{}/42", 9 + n)),
        "{}",
        row(&buf, 0)
    );
    // Scrolling stops at the last lane.
    for _ in 0..1000 {
        app.update(Action::ScrollDown(Pane::Timeline));
    }
    assert_eq!(
        app.timeline().lane_offset() + app.lanes_visible() - 1,
        app.timeline().lane_count()
    );
}

#[test]
fn chosen_milestone_is_reversed_and_told_in_full() {
    let mut app = app(0);
    let e = find_entry(&app, "Pharos contract");
    app.update(Action::SelectMilestone(e));
    let buf = render(&app, (120, 40), AREA);
    let pharos_y = row_with(&buf, "Pharos").unwrap();
    let x = (0..120)
        .find(|&x| entry_at(&app, AREA, x, pharos_y) == Some(e))
        .unwrap();
    assert!(buf[(x, pharos_y)].modifier.contains(Modifier::REVERSED));
    let info = row(&buf, 11) + &row(&buf, 12);
    for s in [
        "26 Mar 2025",
        "Pharos",
        "contract",
        "done",
        "on time",
        "Pharos contract",
        "Source one",
    ] {
        assert!(info.contains(s), "{s} missing in {info:?}");
    }
    // French.
    app.update(Action::ToggleLang);
    let buf = render(&app, (120, 40), AREA);
    let info = row(&buf, 11) + &row(&buf, 12);
    for s in [
        "26 mars 2025",
        "contrat",
        "fait",
        "dans les temps",
        "Pharos contract (fr)",
    ] {
        assert!(info.contains(s), "{s} missing in {info:?}");
    }
}

#[test]
fn legend_and_plan_summary_when_nothing_is_chosen() {
    let app = app(0);
    let buf = render(&app, (120, 40), AREA);
    let info = row(&buf, 11) + &row(&buf, 12);
    assert!(info.contains("◆ selection"), "{info}");
    assert!(
        info.contains("plan H1 2025 procurement: ! 1 on time, 1 late"),
        "{info}"
    );
}

#[test]
fn full_zoom_by_quarter_with_today() {
    let mut app = app_on(catalog(0), Lang::En, "2026-02-15");
    app.update(Action::ToggleZoom);
    assert_eq!(app.timeline().zoom(), Zoom::Full);
    // The zoomed-out range ends with the last planned operation (Q2 2026 here).
    let buf = render(&app, (120, 40), AREA);
    let header = row(&buf, 1);
    assert!(header.contains("Q1 25"), "{header}");
    // `▼` marks today; the word goes only where no label is: here every quarter keeps its
    // label and there is no room for it.
    assert!(header.contains("▼"), "{header}");
    for q in ["Q4 24", "Q1 26", "Q2 26"] {
        assert!(header.contains(q), "{q} hidden: {header}");
    }
    assert!(row(&buf, 0).contains("by quarter"), "{}", row(&buf, 0));
    // Today's line runs down the lanes, in its column.
    let tx = col_of(&buf, 1, "▼").unwrap();
    assert!((2..11).filter(|&y| buf[(tx, y)].symbol() == "│").count() >= 1);
    // The selection of Dec 2024 is in the first column now.
    let sel = glyph(Kind::Selection).to_string();
    assert!(row(&buf, 2).contains(&sel), "{}", row(&buf, 2));
    app.update(Action::ToggleLang);
    let buf = render(&app, (120, 40), AREA);
    let header = row(&buf, 1);
    assert!(header.contains("T1 25") && header.contains("▼"), "{header}");
    assert!(row(&buf, 0).contains("par trimestre"), "{}", row(&buf, 0));
}

#[test]
fn selected_factory_lane_is_highlighted() {
    let app = app(3);
    let f = app.network_factory().expect("a factory is selected");
    let area = Rect::new(0, 0, 120, 14);
    let buf = render(&app, (120, 40), area);
    let lane = app.timeline().factory_lane(f).unwrap();
    let shown: Vec<usize> = app.timeline().shown_lanes(lane_rows(area)).collect();
    let i = shown
        .iter()
        .position(|&l| l == lane)
        .unwrap_or_else(|| panic!("the selected factory's lane {lane} is not drawn ({shown:?})"));
    let y = 2 + i as u16;
    let theme = Theme::new(false);
    assert_eq!(buf[(60, y)].bg, theme.lane_selected.bg.unwrap());
    assert!(buf[(2, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn never_panics_nor_draws_outside_the_area() {
    let app = app(5);
    let cursor = find_entry(&app, "Pharos contract");
    for zoom in [Zoom::Year, Zoom::Full] {
        for lang in [Lang::En, Lang::Fr] {
            for chosen in [None, Some(cursor)] {
                let mut app = app_on(catalog(5), lang, "2026-11-24");
                if zoom == Zoom::Full {
                    app.update(Action::ToggleZoom);
                }
                if let Some(e) = chosen {
                    app.update(Action::SelectMilestone(e));
                }
                let theme = Theme::new(chosen.is_some());
                for w in 0..=60u16 {
                    for h in 0..=30u16 {
                        let area = Rect::new(3, 2, w, h);
                        let buf = render_themed(&app, (66, 34), area, &theme);
                        for y in 0..34 {
                            for x in 0..66 {
                                if !area.contains((x, y).into()) {
                                    assert_eq!(buf[(x, y)].symbol(), " ", "{w}x{h} at {x},{y}");
                                }
                            }
                        }
                        assert!(lane_rows(area) <= usize::from(h));
                        for (x, y) in [(3, 2), (w / 2 + 3, h / 2 + 2), (w + 2, h + 1)] {
                            let _ = entry_at(&app, area, x, y);
                        }
                    }
                }
            }
        }
    }
    // An area larger than the terminal is clipped.
    let _ = render(&app, (20, 10), Rect::new(0, 0, 120, 40));
}

#[test]
fn embedded_data_draws_at_every_size() {
    let cat = Catalog::embedded().expect("embedded data");
    let mut app = app_with(cat, Lang::En);
    for zoom in [Zoom::Year, Zoom::Full] {
        if app.timeline().zoom() != zoom {
            app.update(Action::ToggleZoom);
        }
        for (w, h) in [
            (0, 0),
            (1, 1),
            (10, 5),
            (40, 12),
            (80, 20),
            (120, 14),
            (200, 26),
        ] {
            let _ = render(&app, (200, 40), Rect::new(0, 0, w, h));
        }
    }
}

#[test]
fn many_factories_draw_fast() {
    let app = app(3000);
    let start = std::time::Instant::now();
    for _ in 0..20 {
        let _ = render(&app, (120, 40), AREA);
    }
    // Generous: a frame only looks at the visible lanes.
    assert!(start.elapsed().as_secs() < 10);
}
