//! The two map views, drawn alone into a test terminal: tiles where the grid says, the
//! hosted-factory counts, hit-testing that agrees with the drawing, and no panic at any size.

use aifactories::app::{App, Options};
use aifactories::data::{Catalog, Lang, Record};
use aifactories::layout::Pane;
use aifactories::ui::{Theme, geo_map, map};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Two factories in Germany, Poland and Spain; partners and antennas around them.
const DATA: &str = r#"Dataset(
  as_of: "2026-11-24",
  factories: [
    Factory(id: "jaif", name: "JAIF", wave: 2, selected: "2025-03-12",
      host: "Forschungszentrum Jülich", city: "Jülich", country: "DE",
      coords: Coords(lat: 50.92, lon: 6.36), partners: ["AT", "NL"],
      system: System(name: Some("JUPITER AI"), description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["health"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "hammer", name: "HammerHAI", wave: 2, selected: "2025-03-12",
      host: "HLRS", city: "Stuttgart", country: "DE",
      coords: Coords(lat: 48.78, lon: 9.18),
      system: System(name: None, description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["manufacturing"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "piast", name: "PIAST AI Factory", wave: 2, selected: "2025-03-12",
      host: "PCSS", city: "Poznań", country: "PL",
      coords: Coords(lat: 52.41, lon: 16.93),
      system: System(name: None, description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["health"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "gaia", name: "Gaia AI Factory", wave: 3, selected: "2025-10-10",
      host: "Cyfronet", city: "Kraków", country: "PL",
      coords: Coords(lat: 50.06, lon: 19.94),
      system: System(name: None, description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["health"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "bsc-aif", name: "BSC AIF", wave: 1, selected: "2024-12-10",
      host: "BSC", city: "Barcelona", country: "ES",
      coords: Coords(lat: 41.39, lon: 2.16), partners: ["PT", "RO", "TR"],
      system: System(name: None, description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["health"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "1healthai", name: "1HealthAI", wave: 3, selected: "2025-10-10",
      host: "CESGA", city: "Santiago de Compostela", country: "ES",
      coords: Coords(lat: 42.88, lon: -8.55),
      system: System(name: None, description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["health"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
    Factory(id: "lumi-aif", name: "LUMI AI Factory", wave: 1, selected: "2024-12-10",
      host: "CSC", city: "Kajaani", country: "FI",
      coords: Coords(lat: 64.23, lon: 27.73), partners: ["CZ", "DK", "EE", "NO", "PL"],
      system: System(name: Some("LUMI-AI"), description: Text(en: "new", fr: "nouveau"),
        vendor: None, operation: None, sources: ["s1"]),
      sectors: ["manufacturing"], summary: Text(en: "x", fr: "x"), sources: ["s1"]),
  ],
  antennas: [
    Antenna(id: "antenna-is", name: "AI Factory Antenna Iceland", country: "IS", eu_member: false,
      selected: "2025-10-13", linked: Factories(["lumi-aif"]), city: None, sources: ["s1"]),
    Antenna(id: "antenna-cy", name: "Pharos-CY", country: "CY", eu_member: true,
      selected: "2025-10-13", linked: Unknown, city: None, sources: ["s1"]),
  ],
  milestones: [],
  sources: [Source(id: "s1", url: "https://example.org/", title: "t", date: None)],
)"#;

fn app_with(lang: Lang, mono: bool) -> App {
    let cat = Catalog::from_ron(DATA, "map-test.ron").unwrap_or_else(|e| panic!("{e}"));
    App::new(
        cat,
        Options {
            lang,
            today: "2026-11-24".parse().unwrap(),
            mono,
            size: (120, 40),
        },
    )
}

fn app() -> App {
    app_with(Lang::En, false)
}

type DrawFn = fn(&mut ratatui::Frame, &App, &Theme, Rect);

/// Draw one view into a terminal of `w` x `h`, in `area`.
fn render_in(app: &App, draw: DrawFn, w: u16, h: u16, area: Rect) -> Buffer {
    let theme = *app.theme();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app, &theme, area)).unwrap();
    t.backend().buffer().clone()
}

fn render(app: &App, draw: DrawFn, w: u16, h: u16) -> Buffer {
    render_in(app, draw, w, h, Rect::new(0, 0, w, h))
}

fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (a.top()..a.bottom())
        .map(|y| {
            (a.left()..a.right())
                .map(|x| buf[(x, y)].symbol())
                .collect()
        })
        .collect()
}

fn text(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// Screen position of the first cell of `needle` (a string of one-column chars).
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for (y, row) in rows(buf).iter().enumerate() {
        let chars: Vec<char> = row.chars().collect();
        let n: Vec<char> = needle.chars().collect();
        if let Some(x) = chars.windows(n.len()).position(|w| w == n.as_slice()) {
            return Some((x as u16, y as u16));
        }
    }
    None
}

/// The tile of a country code: the code, not preceded or followed by a letter.
fn tile_of(buf: &Buffer, code: &str) -> Option<(u16, u16)> {
    for (y, row) in rows(buf).iter().enumerate() {
        let chars: Vec<char> = row.chars().collect();
        let n: Vec<char> = code.chars().collect();
        for x in 0..chars.len().saturating_sub(n.len() - 1) {
            let before = x.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(x + n.len()).copied();
            if chars[x..x + n.len()] == n[..]
                && !before.is_some_and(char::is_alphabetic)
                && !after.is_some_and(char::is_alphabetic)
            {
                return Some((x as u16, y as u16));
            }
        }
    }
    None
}

#[test]
fn every_country_has_a_tile_at_120x40() {
    let a = app();
    let area = a.screen().map.expect("the full layout shows the map");
    let buf = render_in(&a, map::draw, 120, 40, area);
    for c in &a.cat().countries {
        assert!(
            tile_of(&buf, &c.code).is_some(),
            "{} missing:\n{}",
            c.code,
            text(&buf)
        );
    }
    for s in ["DE 2", "PL 2", "ES 2"] {
        assert!(find(&buf, s).is_some(), "{s} missing:\n{}", text(&buf));
    }
    // One factory only: no count.
    assert!(find(&buf, "FI 1").is_none());
    assert!(text(&buf).contains("Map · tiles"));
}

#[test]
fn tiles_follow_the_grid() {
    let a = app();
    let buf = render(&a, map::draw, 60, 24);
    let is = tile_of(&buf, "IS").unwrap();
    let fi = tile_of(&buf, "FI").unwrap();
    let cy = tile_of(&buf, "CY").unwrap();
    assert!(is.0 < fi.0 && is.1 <= fi.1, "IS {is:?} FI {fi:?}");
    let (max_x, max_y) = a
        .cat()
        .countries
        .iter()
        .filter_map(|c| tile_of(&buf, &c.code))
        .fold((0, 0), |(x, y), p| (x.max(p.0), y.max(p.1)));
    assert_eq!(
        cy,
        (max_x, max_y),
        "Cyprus is the bottom-right tile:\n{}",
        text(&buf)
    );
    // Iceland's tile is in the top row, Finland's too, further right.
    assert_eq!(is.1, fi.1);
}

#[test]
fn country_at_finds_the_drawn_tile() {
    for (w, h, lang) in [
        (120, 40, Lang::En),
        (60, 24, Lang::Fr),
        (200, 60, Lang::En),
        (30, 12, Lang::En),
    ] {
        let a = app_with(lang, false);
        let area = Rect::new(0, 0, w, h);
        let buf = render(&a, map::draw, w, h);
        for (i, c) in a.cat().countries.iter().enumerate() {
            let (x, y) = tile_of(&buf, &c.code)
                .unwrap_or_else(|| panic!("{} not drawn at {w}x{h}:\n{}", c.code, text(&buf)));
            assert_eq!(
                map::country_at(&a, area, x, y),
                Some(i),
                "{} at {w}x{h}",
                c.code
            );
            assert_eq!(
                map::country_at(&a, area, x + 1, y),
                Some(i),
                "{} at {w}x{h}",
                c.code
            );
        }
        // The border and a corner are no tile.
        assert_eq!(map::country_at(&a, area, 0, 0), None);
        assert_eq!(map::country_at(&a, area, w - 1, h - 1), None);
    }
}

#[test]
fn names_on_tall_wide_tiles_in_the_language() {
    let a = app_with(Lang::Fr, false);
    let buf = render(&a, map::draw, 100, 34);
    let t = text(&buf);
    assert!(t.contains("Allemagne"), "{t}");
    assert!(t.contains("Carte · tuiles"), "{t}");
    assert!(
        t.contains("hôte") && t.contains("partenaire") && t.contains("réseau"),
        "{t}"
    );
    let a = app();
    let t = text(&render(&a, map::draw, 100, 34));
    assert!(t.contains("Germany") && t.contains("network"), "{t}");
}

#[test]
fn the_network_of_the_selected_factory_lights_up() {
    let mut a = app();
    // LUMI: partners and an antenna (Iceland) in its network.
    let lumi = a
        .cat()
        .factory_index("lumi-aif")
        .expect("lumi-aif in the data");
    let row = a
        .list()
        .rows()
        .iter()
        .position(|&h| a.search().hits()[h].record == Record::Factory(lumi))
        .expect("lumi-aif is listed");
    a.update(aifactories::app::Action::SelectRow(row));
    assert_eq!(a.network_factory(), Some(lumi), "lumi-aif is selected");
    let f = &a.cat().factories()[lumi];
    assert!(!f.partners.is_empty(), "lumi-aif has partners");
    let theme = Theme::new(false);
    let buf = render(&a, map::draw, 120, 40);
    let style_of = |code: &str| {
        let (x, y) = tile_of(&buf, code).unwrap();
        buf[(x, y)].style()
    };
    assert_eq!(
        style_of(&f.country).bg,
        theme.network_host.bg,
        "{}",
        f.country
    );
    for p in &f.partners {
        assert_eq!(style_of(p).bg, theme.network.bg, "{p}");
    }
    let antennas: Vec<_> = a.cat().antennas_of(&f.id).collect();
    assert!(!antennas.is_empty(), "an antenna is linked to {}", f.id);
    for ant in antennas {
        assert_eq!(
            style_of(&ant.country).bg,
            theme.network.bg,
            "{}",
            ant.country
        );
    }
    // A host outside the network is dimmed, not in the host colour nor in the network's.
    let outside = a
        .cat()
        .factories()
        .iter()
        .find(|g| g.country != f.country && !f.partners.contains(&g.country))
        .unwrap();
    let st = style_of(&outside.country);
    assert_ne!(st.bg, theme.host.bg);
    assert_ne!(st.bg, theme.network.bg);
}

#[test]
fn mono_tiles_carry_role_markers() {
    let a = app_with(Lang::En, true);
    let buf = render(&a, map::draw, 120, 40);
    let t = text(&buf);
    assert!(t.contains("*DE 2") || t.contains("*DE2"), "{t}");
    assert!(t.contains("+AT") || t.contains("+NL"), "{t}");
    assert!(t.contains("^CY"), "{t}");
    for row in 0..40 {
        for col in 0..120 {
            let s = buf[(col, row)].style();
            assert!(
                s.fg.is_none_or(|c| c == ratatui::style::Color::Reset),
                "colour at {col},{row}"
            );
            assert!(
                s.bg.is_none_or(|c| c == ratatui::style::Color::Reset),
                "colour at {col},{row}"
            );
        }
    }
}

#[test]
fn the_cursor_tile_is_marked() {
    let mut a = app();
    a.update(aifactories::app::Action::Focus(Pane::Map));
    let theme = Theme::new(false);
    let buf = render(&a, map::draw, 120, 40);
    let code = &a.cat().countries[a.map().cursor()].code;
    let (x, y) = tile_of(&buf, code).unwrap();
    assert_eq!(buf[(x, y)].style().bg, theme.cursor.bg);
    let row = &rows(&buf)[usize::from(y)];
    assert!(row.contains('[') && row.contains(']'), "{row}");
}

#[test]
fn query_matches_stand_out() {
    let mut a = app();
    for c in "piast".chars() {
        a.update(aifactories::app::Action::Input(c));
    }
    assert_eq!(a.search().query(), "piast");
    assert!(
        a.map().matched_hosts().iter().any(|&m| m),
        "no host matched the query {:?}",
        a.search().query()
    );
    let buf = render(&a, map::draw, 120, 40);
    let pl = a
        .cat()
        .countries
        .iter()
        .position(|c| c.code == "PL")
        .unwrap();
    assert!(a.map().matched_hosts()[pl]);
    let (x, y) = tile_of(&buf, "PL").unwrap();
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
}

#[test]
fn filtered_country_in_the_title() {
    let mut a = app();
    let de = a
        .cat()
        .countries
        .iter()
        .position(|c| c.code == "DE")
        .unwrap();
    a.update(aifactories::app::Action::SelectCountry(de));
    for draw in [map::draw as DrawFn, geo_map::draw] {
        let buf = render(&a, draw, 80, 30);
        let top = &rows(&buf)[0];
        assert!(top.contains("Germany"), "{top}");
    }
}

#[test]
fn no_panic_at_any_size_in_both_views() {
    for mono in [false, true] {
        for lang in [Lang::En, Lang::Fr] {
            let mut a = app_with(lang, mono);
            if mono {
                // Another state: the map focused, a query, a country filter.
                a.update(aifactories::app::Action::Focus(Pane::Map));
                for c in "health".chars() {
                    a.update(aifactories::app::Action::Input(c));
                }
                a.update(aifactories::app::Action::Focus(Pane::Map));
                a.update(aifactories::app::Action::SelectCountry(0));
            }
            for geo in [false, true] {
                if a.map().geo() != geo {
                    a.update(aifactories::app::Action::ToggleMapView);
                }
                let draw: DrawFn = if geo { geo_map::draw } else { map::draw };
                for w in 0..=60 {
                    for h in 0..=30 {
                        let buf = render(&a, draw, w.max(1), h.max(1));
                        let _ = buf;
                        // The view inside a larger screen, at an offset: nothing outside.
                        let area = Rect::new(3, 2, w, h);
                        let buf = render_in(&a, draw, 70, 36, area);
                        for y in 0..36 {
                            for x in 0..70 {
                                if !area.contains((x, y).into()) {
                                    assert_eq!(
                                        buf[(x, y)].symbol(),
                                        " ",
                                        "{w}x{h}: drew at {x},{y}"
                                    );
                                }
                            }
                        }
                        for (x, y) in [(0, 0), (3, 2), (10, 10), (w, h), (u16::MAX, u16::MAX)] {
                            let _ = map::country_at(&a, area, x, y);
                            let _ = geo_map::country_at(&a, area, x, y);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn geographic_map_draws_markers_and_the_selected_name() {
    let mut a = app();
    a.update(aifactories::app::Action::ToggleMapView);
    let f = &a.cat().factories()[a.network_factory().unwrap()];
    let area = a.screen().map.unwrap();
    let buf = render_in(&a, geo_map::draw, 120, 40, area);
    let t = text(&buf);
    assert!(t.contains("Map · geographic"), "{t}");
    assert!(t.contains(f.name.as_str()), "{t}");
    assert!(t.contains('●') && t.contains('◉') && t.contains('▲'), "{t}");
    // Braille coastlines.
    assert!(
        t.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)),
        "{t}"
    );
    // Clicking the selected marker gives its host country.
    let (x, y) = find(&buf, "◉").unwrap();
    let host = a.cat().countries.iter().position(|c| c.code == f.country);
    assert_eq!(geo_map::country_at(&a, area, x, y), host);
    // And a click there selects it.
    let click = crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: x,
        row: y,
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    assert_eq!(
        aifactories::ui::input::mouse_action(&a, &click),
        host.map(aifactories::app::Action::SelectCountry)
    );
}

#[test]
fn embedded_data_on_the_tiles() {
    let cat = Catalog::embedded().expect("embedded data");
    assert!(
        !cat.factories().is_empty(),
        "the embedded data has factories"
    );
    let a = App::new(
        cat,
        Options {
            lang: Lang::En,
            today: "2026-11-24".parse().unwrap(),
            mono: false,
            size: (120, 40),
        },
    );
    let area = a.screen().map.unwrap();
    let buf = render_in(&a, map::draw, 120, 40, area);
    for (i, c) in a.cat().countries.iter().enumerate() {
        assert!(
            tile_of(&buf, &c.code).is_some(),
            "{} missing:\n{}",
            c.code,
            text(&buf)
        );
        let n = a.map().roles()[i].hosts;
        if n > 1 {
            let s = format!("{} {n}", c.code);
            assert!(find(&buf, &s).is_some(), "{s} missing:\n{}", text(&buf));
        }
    }
}
