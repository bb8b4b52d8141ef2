//! The geographic map: ratatui's world map clipped to Europe, a marker at each factory's
//! city and at each antenna country, and the selected factory's network drawn as lines from
//! its city to its partner countries and to the countries of its antennas.
//!
//! The view keeps Europe's proportions: the bounds grow in one direction to match the pane's
//! aspect (a cell being about twice as tall as wide, and a degree of longitude about 0.6 of
//! a degree of latitude at these latitudes). Markers and labels are placed on cells with the
//! same arithmetic the canvas uses for its labels, which [`country_at`] reuses for clicks.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Map, MapResolution};

use super::Theme;
use super::map::{draw_frame, network};
use crate::app::{App, Net};
use crate::data::Coords;
use crate::data::Record;
use crate::i18n::Msg;
use crate::layout::{Pane, inner};

/// Europe, from Iceland to Cyprus and the Urals' foothills: lon, then lat.
const LON: [f64; 2] = [-25.0, 45.0];
const LAT: [f64; 2] = [34.0, 71.5];
/// Cosine of the mean latitude: how much shorter a degree of longitude is.
const LON_SCALE: f64 = 0.605;
/// A terminal cell is about twice as tall as wide.
const CELL_ASPECT: f64 = 2.0;
/// Canvas rows needed before a legend line is given up to it.
const LEGEND_MIN_H: u16 = 8;

/// The canvas's bounds and area, and the cell arithmetic of its labels.
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    area: Rect,
    x: [f64; 2],
    y: [f64; 2],
}

impl View {
    /// Europe's box, widened or heightened to the area's aspect.
    fn new(area: Rect) -> View {
        let (mut x, mut y) = (LON, LAT);
        if area.width > 0 && area.height > 0 {
            let screen = f64::from(area.width) / (CELL_ASPECT * f64::from(area.height));
            let lon_span = LON[1] - LON[0];
            let lat_span = LAT[1] - LAT[0];
            let europe = lon_span * LON_SCALE / lat_span;
            if europe < screen {
                let span = screen * lat_span / LON_SCALE;
                let mid = (LON[0] + LON[1]) / 2.0;
                x = [mid - span / 2.0, mid + span / 2.0];
            } else {
                let span = lon_span * LON_SCALE / screen;
                let mid = (LAT[0] + LAT[1]) / 2.0;
                y = [mid - span / 2.0, mid + span / 2.0];
            }
        }
        View { area, x, y }
    }

    /// The cell a coordinate falls in, as the canvas places labels.
    fn cell(&self, c: Coords) -> Option<(u16, u16)> {
        let [left, right] = self.x;
        let [bottom, top] = self.y;
        let (lon, lat) = (c.lon, c.lat);
        if self.area.is_empty() || !(lon >= left && lon <= right && lat >= bottom && lat <= top) {
            return None;
        }
        let cols = f64::from(self.area.width - 1);
        let rows = f64::from(self.area.height - 1);
        let x = ((lon - left) * cols / (right - left)) as u16;
        let y = ((top - lat) * rows / (top - bottom)) as u16;
        Some((
            self.area.x + x.min(self.area.width - 1),
            self.area.y + y.min(self.area.height - 1),
        ))
    }

    /// A coordinate that the canvas prints at cell (x, y) (the inverse of [`View::cell`]).
    fn point(&self, x: u16, y: u16) -> (f64, f64) {
        let [left, right] = self.x;
        let [bottom, top] = self.y;
        let cx = f64::from(x.saturating_sub(self.area.x));
        let cy = f64::from(y.saturating_sub(self.area.y));
        let lon = if self.area.width > 1 {
            (left + (cx + 0.5) * (right - left) / f64::from(self.area.width - 1)).min(right)
        } else {
            left
        };
        let lat = if self.area.height > 1 {
            (top - (cy + 0.5) * (top - bottom) / f64::from(self.area.height - 1)).max(bottom)
        } else {
            top
        };
        (lon, lat)
    }
}

/// The canvas area and the legend row (when there is room for one) of a pane.
fn split(area: Rect) -> (Rect, Option<Rect>) {
    let inner = inner(area);
    if inner.height >= LEGEND_MIN_H {
        let canvas = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
        let legend = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
        (canvas, Some(legend))
    } else {
        (inner, None)
    }
}

/// Lighten a colour towards white, for markers on a dark background.
fn light(c: Color) -> Color {
    match c {
        Color::Rgb(r, g, b) => {
            let l = |v: u8| v + (255 - v) / 3;
            Color::Rgb(l(r), l(g), l(b))
        }
        c => c,
    }
}

/// The colour a style stands for (its background, else its text colour); none in mono.
fn colour(style: Style, theme: &Theme) -> Color {
    if theme.mono {
        Color::Reset
    } else {
        light(style.bg.or(style.fg).unwrap_or(Color::Reset))
    }
}

/// A marker's style: the role's colour as text in colour, the role's modifiers in mono.
fn marker_style(style: Style, theme: &Theme) -> Style {
    if theme.mono {
        style
    } else {
        Style::new()
            .fg(colour(style, theme))
            .add_modifier(Modifier::BOLD)
    }
}

const FACTORY: &str = "●";
const ANTENNA: &str = "▲";
const PARTNER: &str = "◆";
const SELECTED: &str = "◉";

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(area) = draw_frame(f, app, theme, area, Msg::MapGeographic) else {
        return;
    };
    let (canvas_area, legend_area) = split(area);
    if canvas_area.is_empty() {
        return;
    }
    let view = View::new(canvas_area);
    let focused = app.focus() == Pane::Map && !app.help_open();
    let net = network(app);
    let query = app.search().filtered();
    let cat = app.cat();

    let coast = if theme.mono {
        Color::Reset
    } else {
        Color::Rgb(80, 100, 120)
    };
    let link = colour(theme.network, theme);
    let factory_style = marker_style(theme.host, theme);
    let antenna_style = marker_style(theme.antenna, theme);
    let member_style = marker_style(theme.network, theme);
    let selected_style = marker_style(theme.network_host, theme);
    let dim = theme.dim;
    // Whether a record's host country hosts a result (everything is, without a query).
    let matched = |r: Record| {
        !query
            || app
                .map()
                .matched_hosts()
                .get(app.country_of(r))
                .copied()
                .unwrap_or(false)
    };
    // The map cursor's cell, shown (bracketed) when the map has focus.
    let cursor = cat
        .countries
        .get(app.map().cursor())
        .and_then(|c| view.cell(c.centre))
        .filter(|_| focused);
    // The selected factory's label: beside its marker, on a side with room that leaves the
    // cursor's brackets visible.
    let label = net.and_then(|sel| {
        let at = view.cell(sel.coords)?;
        let text = format!(" {} ", super::safe(&sel.name));
        let text = crate::text::truncate(&text, usize::from(canvas_area.width));
        let w = crate::text::width(&text) as u16;
        let (x, y) = label_place(canvas_area, at, w, cursor);
        Some((view.point(x, y), text))
    });

    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(view.x)
        .y_bounds(view.y)
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: MapResolution::High,
                color: coast,
            });
            if let Some(sel) = net {
                ctx.layer();
                let (x1, y1) = (sel.coords.lon, sel.coords.lat);
                let mut line_to = |c: Coords| {
                    ctx.draw(&CanvasLine::new(x1, y1, c.lon, c.lat, link));
                };
                for p in &sel.partners {
                    if let Some(c) = cat.country(p) {
                        line_to(c.centre);
                    }
                }
                for a in cat.antennas_of(&sel.id) {
                    if let Some(c) = cat.country(&a.country) {
                        line_to(c.centre);
                    }
                }
            }
            // Markers, from the least to the most important (later ones win a shared cell).
            for (i, a) in cat.antennas().iter().enumerate() {
                if let Some(c) = cat.country(&a.country) {
                    let st = if matched(Record::Antenna(i)) {
                        antenna_style
                    } else {
                        dim
                    };
                    ctx.print(c.centre.lon, c.centre.lat, Span::styled(ANTENNA, st));
                }
            }
            for (i, fac) in cat.factories().iter().enumerate() {
                let st = if matched(Record::Factory(i)) {
                    factory_style
                } else {
                    dim
                };
                ctx.print(fac.coords.lon, fac.coords.lat, Span::styled(FACTORY, st));
            }
            if let Some(sel) = net {
                for (c, _) in cat
                    .countries
                    .iter()
                    .zip(app.map().net())
                    .filter(|&(_, &n)| n == Net::Member)
                {
                    let partner = sel.partners.contains(&c.code);
                    let glyph = if partner { PARTNER } else { ANTENNA };
                    ctx.print(
                        c.centre.lon,
                        c.centre.lat,
                        Span::styled(glyph, member_style),
                    );
                }
                ctx.print(
                    sel.coords.lon,
                    sel.coords.lat,
                    Span::styled(SELECTED, selected_style),
                );
            }
            if let Some(((lon, lat), text)) = &label {
                ctx.print(*lon, *lat, Span::styled(text.clone(), theme.network_host));
            }
            // The map cursor, when the map has focus (on top of everything).
            if let Some((x, y)) = cursor {
                if x > canvas_area.x {
                    let (lon, lat) = view.point(x - 1, y);
                    ctx.print(lon, lat, Span::styled("[", theme.key));
                }
                if x + 1 < canvas_area.right() {
                    let (lon, lat) = view.point(x + 1, y);
                    ctx.print(lon, lat, Span::styled("]", theme.key));
                }
            }
        });
    f.render_widget(canvas, canvas_area);

    if let Some(r) = legend_area {
        let line = legend(
            app,
            theme,
            focused,
            r.width,
            [factory_style, antenna_style, selected_style, member_style],
        );
        let w = (line.width() as u16).min(r.width);
        let r = Rect::new(r.x + (r.width - w) / 2, r.y, w, 1);
        f.render_widget(line, r);
    }
}

/// Where a label `w` wide goes beside a marker at `at`: right of it, else left of it, else
/// the same above or below; the first that fits and keeps clear of the cursor's brackets.
fn label_place(area: Rect, at: (u16, u16), w: u16, cursor: Option<(u16, u16)>) -> (u16, u16) {
    let (x, y) = at;
    let right = x.saturating_add(2);
    let left = x.checked_sub(w.saturating_add(1));
    let fits = |lx: u16| lx >= area.x && lx.saturating_add(w) <= area.right();
    let clear = |lx: u16, ly: u16| {
        cursor.is_none_or(|(cx, cy)| {
            cy != ly || cx.saturating_add(1) < lx || cx.saturating_sub(1) >= lx.saturating_add(w)
        })
    };
    let rows = [Some(y), y.checked_sub(1), y.checked_add(1)];
    for ly in rows
        .into_iter()
        .flatten()
        .filter(|&r| r >= area.y && r < area.bottom())
    {
        for lx in [Some(right), left].into_iter().flatten() {
            if fits(lx) && clear(lx, ly) {
                return (lx, ly);
            }
        }
    }
    let lx = if fits(right) {
        right
    } else {
        left.unwrap_or(area.x).max(area.x)
    };
    (lx, y)
}

/// The legend line: the markers, and the country under the cursor when the map has focus;
/// the widest form that fits.
fn legend<'a>(
    app: &'a App,
    theme: &Theme,
    focused: bool,
    width: u16,
    styles: [Style; 4],
) -> Line<'a> {
    let items: [(&str, &str); 4] = [
        (FACTORY, Msg::MapFactory),
        (ANTENNA, Msg::Antenna),
        (SELECTED, Msg::MapSelected),
        ("─", Msg::Network),
    ]
    .map(|(sign, m)| (sign, m.text(app.lang())));
    let cursor = app
        .cat()
        .countries
        .get(app.map().cursor())
        .filter(|_| focused)
        .map(|c| super::safe(c.name(app.lang())));
    let build = |gap: &'static str, with_cursor: bool| {
        let mut spans: Vec<Span<'a>> = Vec::with_capacity(16);
        for (k, ((glyph, label), st)) in items.into_iter().zip(styles).enumerate() {
            if k > 0 {
                spans.push(Span::raw(gap));
            }
            spans.push(Span::styled(glyph, st));
            spans.push(Span::styled(format!(" {label}"), theme.text));
        }
        if with_cursor && let Some(name) = &cursor {
            spans.push(Span::raw(gap));
            spans.push(Span::styled("[", theme.key));
            spans.push(Span::styled(name.clone(), theme.text));
            spans.push(Span::styled("]", theme.key));
        }
        Line::from(spans)
    };
    let forms = [("  ", true), ("  ", false), (" ", false)];
    let mut line = Line::default();
    for (gap, with_cursor) in forms {
        line = build(gap, with_cursor);
        if line.width() <= usize::from(width) {
            break;
        }
    }
    line
}

/// The country (index) whose marker is at or nearest a screen position (within a couple
/// of cells): a factory's marker gives its host country; a country's centre, that country.
pub fn country_at(app: &App, area: Rect, col: u16, row: u16) -> Option<usize> {
    let (canvas_area, _) = split(area);
    if !canvas_area.contains(Position::new(col, row)) {
        return None;
    }
    let view = View::new(canvas_area);
    let dist = |c: Coords| {
        view.cell(c).map(|(x, y)| {
            let dx = i32::from(x) - i32::from(col);
            let dy = i32::from(y) - i32::from(row);
            dx * dx + 4 * dy * dy
        })
    };
    let cat = app.cat();
    let factories = cat.factories().iter().enumerate().filter_map(|(fi, f)| {
        let i = app.country_of(Record::Factory(fi));
        (i < cat.countries.len()).then_some((dist(f.coords)?, i))
    });
    let centres = cat
        .countries
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((dist(c.centre)?, i)));
    factories
        .chain(centres)
        .filter(|&(d, _)| d <= 4)
        .min_by_key(|&(d, _)| d)
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_keeps_europe_whole_at_any_aspect() {
        for (w, h) in [(52, 20), (20, 40), (200, 10), (1, 1), (0, 0)] {
            let v = View::new(Rect::new(0, 0, w, h));
            assert!(v.x[0] <= LON[0] && v.x[1] >= LON[1], "{w}x{h}: {v:?}");
            assert!(
                v.y[0] <= LAT[0] + 1e-9 && v.y[1] >= LAT[1] - 1e-9,
                "{w}x{h}: {v:?}"
            );
        }
    }

    #[test]
    fn point_is_the_inverse_of_cell() {
        for (w, h) in [(52u16, 20u16), (1, 1), (2, 3), (97, 41)] {
            let v = View::new(Rect::new(3, 4, w, h));
            for x in 3..3 + w {
                for y in 4..4 + h {
                    let (lon, lat) = v.point(x, y);
                    assert_eq!(
                        v.cell(Coords { lat, lon }),
                        Some((x, y)),
                        "{w}x{h} at {x},{y}"
                    );
                }
            }
        }
    }
}
