//! The themes on screen: per theme, the distinct styles each pane of the 120x40 start screen
//! uses (snapshots), and properties over several states: Monochrome has no colour at all,
//! HighContrast only black, white and yellow, Light keeps every character readable on a light
//! background.
//!
//! The screen is drawn pane by pane with the theme under test ([`draw_with`], the same calls
//! as `ui::draw`), until the app carries its theme; the default theme's drawing is checked to
//! be `ui::draw`'s, cell for cell.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write;

use aifactories::app::{App, Options};
use aifactories::data::Lang;
use aifactories::keymap::Keymap;
use aifactories::theme::Theme;
use aifactories::theme::ThemeName;
use common::{app_with, press, render};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// The dashboard at 120x40 drawn with a given theme after `keys`.
fn themed(keys: &[&str], theme: &Theme) -> (App, Buffer) {
    let cat = aifactories::data::Catalog::embedded().unwrap();
    let opts = Options {
        lang: Lang::En,
        today: common::TODAY.parse().unwrap(),
        mono: false,
        size: (120, 40),
    };
    let mut a = App::with_settings(cat, opts, *theme, Keymap::default());
    press(&mut a, keys);
    let buf = render(&a).backend().buffer().clone();
    (a, buf)
}

/// States to check the properties in: start, search, map, detail, timeline zoomed out,
/// geographic map, help.
const STATES: [&[&str]; 7] = [
    &[],
    &["/", "type:sante"],
    &["1", "h"],
    &["/", "type:it4lia", "Enter", "Enter"],
    &["4", "z", "l"],
    &["1", "m"],
    &["?"],
];

fn screens(name: ThemeName) -> Vec<(String, Buffer)> {
    let theme = Theme::named(name);
    STATES
        .iter()
        .map(|keys| (keys.join(" "), themed(keys, &theme).1))
        .collect()
}

fn colours(buf: &Buffer) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for cell in buf.content() {
        out.insert(format!("{:?}", cell.fg));
        out.insert(format!("{:?}", cell.bg));
        out.insert(format!("{:?}", cell.underline_color));
    }
    out
}

fn style_name(fg: Color, bg: Color, m: Modifier) -> String {
    let c = |c: Color| match c {
        Color::Reset => "-".to_string(),
        Color::Indexed(n) => format!("#{n}"),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => format!("{other:?}"),
    };
    let mut s = format!("{}/{}", c(fg), c(bg));
    if !m.is_empty() {
        let _ = write!(s, " {m:?}");
    }
    s
}

/// The distinct styles of the cells in a rect.
fn styles_in(buf: &Buffer, r: Rect) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for y in r.top()..r.bottom() {
        for x in r.left()..r.right() {
            let cell = &buf[(x, y)];
            out.insert(style_name(cell.fg, cell.bg, cell.modifier));
        }
    }
    out
}

/// Per pane of the start screen, its distinct styles: `fg/bg MODIFIERS`, `-` for the
/// terminal's own colour.
fn style_summary(name: ThemeName) -> String {
    let (a, buf) = themed(&[], &Theme::named(name));
    let s = a.screen();
    let panes = [
        ("search", s.search),
        ("map", s.map),
        ("list", s.list),
        ("detail", s.detail),
        ("timeline", s.timeline),
        ("hints", s.hints),
    ];
    let mut out = String::new();
    for (pane, r) in panes {
        let Some(r) = r else { continue };
        let _ = writeln!(out, "{pane}:");
        for st in styles_in(&buf, r) {
            let _ = writeln!(out, "  {st}");
        }
    }
    out
}

#[test]
fn the_default_theme_draws_as_ui_draw() {
    for keys in STATES {
        let mut a = app_with(120, 40, Lang::En, false);
        press(&mut a, keys);
        let expected = render(&a).backend().buffer().clone();
        assert_eq!(
            themed(keys, &Theme::named(ThemeName::Default)).1,
            expected,
            "{keys:?}"
        );
        let mut m = app_with(120, 40, Lang::En, true);
        press(&mut m, keys);
        let expected = render(&m).backend().buffer().clone();
        assert_eq!(
            themed(keys, &Theme::named(ThemeName::Monochrome)).1,
            expected,
            "{keys:?}"
        );
    }
}

#[test]
fn styles_per_pane_of_the_start_screen() {
    for name in ThemeName::ALL {
        insta::assert_snapshot!(format!("styles_{}", name.name()), style_summary(name));
    }
}

#[test]
fn the_themes_differ() {
    let summaries: Vec<String> = ThemeName::ALL.iter().map(|n| style_summary(*n)).collect();
    for (i, a) in summaries.iter().enumerate() {
        for b in &summaries[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

#[test]
fn monochrome_uses_no_colour() {
    for (state, buf) in screens(ThemeName::Monochrome) {
        let c = colours(&buf);
        assert_eq!(c, BTreeSet::from(["Reset".to_string()]), "{state}");
    }
}

#[test]
fn high_contrast_uses_only_black_white_and_yellow() {
    let allowed: BTreeSet<String> = ["Reset", "Black", "White", "LightYellow"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (state, buf) in screens(ThemeName::HighContrast) {
        let c = colours(&buf);
        assert!(c.is_subset(&allowed), "{state}: {c:?}");
    }
}

/// sRGB of a colour as xterm shows it; `None` for Reset.
fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    let named = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let indexed = |n: u8| -> (u8, u8, u8) {
        match n {
            0..=15 => named[usize::from(n)],
            16..=231 => {
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                let i = n - 16;
                (level(i / 36), level(i / 6 % 6), level(i % 6))
            }
            _ => {
                let v = 8 + 10 * (n - 232);
                (v, v, v)
            }
        }
    };
    Some(match c {
        Color::Reset => return None,
        Color::Black => named[0],
        Color::Red => named[1],
        Color::Green => named[2],
        Color::Yellow => named[3],
        Color::Blue => named[4],
        Color::Magenta => named[5],
        Color::Cyan => named[6],
        Color::Gray => named[7],
        Color::DarkGray => named[8],
        Color::LightRed => named[9],
        Color::LightGreen => named[10],
        Color::LightYellow => named[11],
        Color::LightBlue => named[12],
        Color::LightMagenta => named[13],
        Color::LightCyan => named[14],
        Color::White => named[15],
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(n) => indexed(n),
    })
}

/// WCAG relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn light_never_puts_light_text_on_the_terminal_background() {
    // A light terminal: black text on white.
    let (paper, ink) = ((255, 255, 255), (0, 0, 0));
    let mut worst_text = (f64::MAX, String::new());
    let mut worst_map = (f64::MAX, String::new());
    for (i, (state, buf)) in screens(ThemeName::Light).into_iter().enumerate() {
        let mut a = app_with(120, 40, Lang::En, false);
        press(&mut a, STATES[i]);
        let map = a.screen().map.unwrap_or_default();
        for (i, cell) in buf.content().iter().enumerate() {
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let (x, y) = buf.pos_of(i);
            let at = format!(
                "[{state}] ({x}, {y}) {:?} {:?} on {:?}",
                cell.symbol(),
                cell.fg,
                cell.bg
            );
            // Nothing white or light grey (or any light colour) on the terminal's background,
            // text or not.
            if cell.bg == Color::Reset
                && let Some(fg) = rgb(cell.fg)
            {
                assert!(luminance(fg) <= 0.5, "{at}");
            }
            if !cell.symbol().chars().any(char::is_alphanumeric) {
                continue;
            }
            let c = contrast(rgb(cell.fg).unwrap_or(ink), rgb(cell.bg).unwrap_or(paper));
            // The help overlay: centred, 84 wide, all but one row at the top and bottom.
            let overlay = Rect::new((120 - 84) / 2, 1, 84, 38);
            let in_help = a.help_open() && overlay.contains((x, y).into());
            let worst = if map.contains((x, y).into()) && !in_help {
                &mut worst_map
            } else {
                &mut worst_text
            };
            if c < worst.0 {
                *worst = (c, at);
            }
        }
    }
    // WCAG AA for text: 4.5:1. The map fades the tiles outside the selected network on
    // purpose (grey text on the tile colour), its worst case.
    assert!(
        worst_text.0 >= 4.5,
        "{:.2} at {}",
        worst_text.0,
        worst_text.1
    );
    assert!(worst_map.0 >= 1.5, "{:.2} at {}", worst_map.0, worst_map.1);
}

#[test]
fn colour_overrides_reach_the_screen() {
    let theme = Theme::named(ThemeName::Light)
        .with_overrides(&[("selected".to_string(), "white on #5f0087".to_string())])
        .unwrap();
    let (a, buf) = themed(&[], &theme);
    let list = a.screen().list.unwrap();
    assert!(
        styles_in(&buf, list)
            .iter()
            .any(|s| s.starts_with("White/#5f0087")),
        "{:?}",
        styles_in(&buf, list)
    );
}
