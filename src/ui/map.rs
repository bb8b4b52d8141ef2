//! The tile map: every country of the table as a tile at its place on a compact grid of
//! Europe, coloured by what it is in the network (host > partner > antenna > other).
//!
//! When a factory is selected, its host, its partner countries and the countries of its
//! antennas light up and everything else dims: the pan-European network becomes visible.
//! With a query, the countries hosting a result stand out. The tile under the map cursor is
//! bracketed (and reversed when the map has focus).
//!
//! The geometry lives in one function, `geometry`, used both to draw and to hit-test
//! ([`country_at`]), so that a click always lands on the tile it shows.
//!
//! Tile size: the pitch is `inner.width / cols` wide (clamped to 3..=12) and
//! `inner.height / (rows + legend rows)` tall (clamped to 1..=3). Tiles are one column
//! narrower than their pitch, so that a gap separates neighbours (the cursor brackets sit in
//! it). A pitch of 3 rows draws a 2-row tile and a blank row; a pitch of 2 rows draws a 1-row
//! tile and a blank row, unless names are shown (pitch at least 7 wide), which take the
//! second row. The grid, an information line about the country under the cursor (when there
//! is room) and the legend are centred in the pane; whatever does not fit is clipped.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::{Theme, pane_block, safe, title};
use crate::app::{App, Net, Roles};
use crate::data::{Factory, Lang};
use crate::i18n::Msg;
use crate::layout::{Pane, inner};

/// Pitch limits, in cells.
const PITCH_W: (u16, u16) = (3, 12);
const PITCH_H: (u16, u16) = (1, 3);
/// Names are shown on tiles of at least this pitch (and a pitch height of 2).
const NAME_MIN_W: u16 = 7;

/// What a country is in the network, by priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Host,
    Partner,
    Antenna,
    Other,
}

impl Role {
    fn of(r: &Roles) -> Role {
        if r.hosts > 0 {
            Role::Host
        } else if r.partners > 0 {
            Role::Partner
        } else if r.antennas > 0 {
            Role::Antenna
        } else {
            Role::Other
        }
    }

    fn style(self, theme: &Theme) -> Style {
        match self {
            Role::Host => theme.host,
            Role::Partner => theme.partner,
            Role::Antenna => theme.antenna,
            Role::Other => theme.other,
        }
    }

    /// The one-char marker that tells roles apart without colour.
    fn marker(self) -> Option<char> {
        match self {
            Role::Host => Some('*'),
            Role::Partner => Some('+'),
            Role::Antenna => Some('^'),
            Role::Other => None,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Host => Msg::RoleHost,
            Role::Partner => Msg::RolePartner,
            Role::Antenna => Msg::Antenna,
            Role::Other => Msg::RoleOther,
        }
        .text(lang)
    }
}

/// The selected factory, whose network is shown.
pub(crate) fn network(app: &App) -> Option<&Factory> {
    app.network_factory()
        .and_then(|i| app.cat().factories().get(i))
}

/// A darker variant of a style that keeps its role recognisable: in colour, the background
/// is darkened and the text greyed; without colour, the text is dimmed (the role markers and
/// underline/italic remain).
fn dimmed(style: Style, theme: &Theme) -> Style {
    if theme.mono {
        return style
            .remove_modifier(Modifier::BOLD)
            .add_modifier(Modifier::DIM);
    }
    let bg = style.bg.map(|c| match c {
        Color::Rgb(r, g, b) => {
            let d = |v: u8| (u16::from(v) * 9 / 16) as u8;
            Color::Rgb(d(r), d(g), d(b))
        }
        c => c,
    });
    let mut s = style.remove_modifier(Modifier::BOLD).fg(Color::DarkGray);
    s.bg = bg;
    s
}

/// The grid's size in tiles, from the country table.
fn grid_size(app: &App) -> (u16, u16) {
    let (mut cols, mut rows) = (0u16, 0u16);
    for c in &app.cat().countries {
        cols = cols.max(u16::from(c.tile.0).saturating_add(1));
        rows = rows.max(u16::from(c.tile.1).saturating_add(1));
    }
    (cols, rows)
}

/// Where everything of the tile map goes in a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Geometry {
    /// Inside the border: everything is clipped to it.
    inner: Rect,
    /// Top-left corner of the grid (the first tile).
    x0: u16,
    y0: u16,
    pitch_w: u16,
    pitch_h: u16,
    tile_w: u16,
    tile_h: u16,
    names: bool,
    /// Row of the line about the country under the cursor.
    info: Option<u16>,
    /// First row and row count of the legend.
    legend: Option<(u16, u16)>,
}

impl Geometry {
    /// A tile's drawn rect, clipped to the pane (empty when outside).
    fn tile(&self, (col, row): (u8, u8)) -> Rect {
        let x = self
            .x0
            .saturating_add(u16::from(col).saturating_mul(self.pitch_w));
        let y = self
            .y0
            .saturating_add(u16::from(row).saturating_mul(self.pitch_h));
        Rect::new(x, y, self.tile_w, self.tile_h).intersection(self.inner)
    }
}

/// The legend's items: roles, then the network.
const LEGEND_ROLES: [Role; 4] = [Role::Host, Role::Partner, Role::Antenna, Role::Other];
const LEGEND_GAP: usize = 2;

fn legend_labels(lang: Lang) -> [&'static str; 5] {
    let [h, p, a, o] = LEGEND_ROLES.map(|r| r.label(lang));
    [h, p, a, o, Msg::Network.text(lang)]
}

/// Width of legend items `from..to` on one line ("■ label" separated by two spaces).
fn legend_width(lang: Lang, from: usize, to: usize) -> usize {
    let labels = legend_labels(lang);
    let items = &labels[from..to];
    items
        .iter()
        .map(|l| 2 + crate::text::width(l))
        .sum::<usize>()
        + LEGEND_GAP * items.len().saturating_sub(1)
}

/// Legend items per line: all five on one line when they fit, else three and two.
fn legend_lines(lang: Lang, width: u16) -> u16 {
    if legend_width(lang, 0, 5) <= usize::from(width) {
        1
    } else {
        2
    }
}

/// The one geometry of the tile map, for drawing and for hit-testing.
fn geometry(app: &App, area: Rect) -> Geometry {
    let inner = inner(area);
    let (cols, rows) = grid_size(app);
    let (cols, rows) = (cols.max(1), rows.max(1));
    let want_legend = legend_lines(app.lang(), inner.width);
    let legend_rows = if inner.height >= rows.saturating_add(want_legend) {
        want_legend
    } else {
        0
    };
    let pitch_w = (inner.width / cols).clamp(PITCH_W.0, PITCH_W.1);
    let pitch_h = (inner.height / rows.saturating_add(legend_rows)).clamp(PITCH_H.0, PITCH_H.1);
    let names = pitch_h >= 2 && pitch_w >= NAME_MIN_W;
    let tile_h = if pitch_h >= 3 || (pitch_h == 2 && names) {
        2
    } else {
        1
    };
    let tile_w = pitch_w - 1;
    // The last column and row need no gap after them.
    let grid_w = cols.saturating_mul(pitch_w).saturating_sub(1);
    let grid_h = rows
        .saturating_mul(pitch_h)
        .saturating_sub(pitch_h - tile_h);
    let free = inner
        .height
        .saturating_sub(grid_h.saturating_add(legend_rows));
    let spacer = u16::from(free >= 1 && legend_rows > 0);
    let info_rows = u16::from(free >= 2);
    let block_h = grid_h + spacer + info_rows + legend_rows;
    let x0 = inner.x + inner.width.saturating_sub(grid_w) / 2;
    let y0 = inner.y + inner.height.saturating_sub(block_h) / 2;
    let below = y0.saturating_add(grid_h).saturating_add(spacer);
    let info = (info_rows > 0).then_some(below);
    let legend = (legend_rows > 0).then_some((below.saturating_add(info_rows), legend_rows));
    Geometry {
        inner,
        x0,
        y0,
        pitch_w,
        pitch_h,
        tile_w,
        tile_h,
        names,
        info,
        legend,
    }
}

/// The country (index) whose tile is at a screen position.
pub fn country_at(app: &App, area: Rect, col: u16, row: u16) -> Option<usize> {
    let g = geometry(app, area);
    let p = ratatui::layout::Position::new(col, row);
    app.cat()
        .countries
        .iter()
        .position(|c| g.tile(c.tile).contains(p))
}

/// Both map views' frame: the bordered block with its title (and the country filter), drawn
/// in the part of `area` that is on screen; that part, or `None` when nothing is.
pub(crate) fn draw_frame(
    f: &mut Frame,
    app: &App,
    theme: &Theme,
    area: Rect,
    name: Msg,
) -> Option<Rect> {
    let area = area.intersection(f.area());
    if area.is_empty() {
        return None;
    }
    let block = pane_block(app, theme, Pane::Map, title_line(app, theme, name));
    f.render_widget(block, area);
    Some(area)
}

/// The pane's title: the view's name, and the country the list is filtered by.
fn title_line<'a>(app: &'a App, theme: &Theme, name: Msg) -> Line<'a> {
    let mut spans = vec![title(theme, name.text(app.lang()))];
    if let Some(c) = app
        .list()
        .country_filter()
        .and_then(|i| app.cat().countries.get(i))
    {
        spans.push(Span::styled("▸ ", theme.dim));
        spans.push(Span::styled(safe(c.name(app.lang())), theme.matched));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// Write a string clipped to `clip` (nothing when it starts outside).
fn put(buf: &mut Buffer, clip: Rect, x: u16, y: u16, s: &str, style: Style) -> u16 {
    if y < clip.top() || y >= clip.bottom() || x < clip.left() || x >= clip.right() {
        return x;
    }
    buf.set_stringn(x, y, s, usize::from(clip.right() - x), style)
        .0
}

/// Fill a rect (already clipped) with blanks in a style.
fn fill(buf: &mut Buffer, r: Rect, style: Style) {
    for y in r.top()..r.bottom() {
        for x in r.left()..r.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
                cell.set_style(style);
            }
        }
    }
}

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(area) = draw_frame(f, app, theme, area, Msg::MapTiles) else {
        return;
    };
    let g = geometry(app, area);
    if g.inner.is_empty() {
        return;
    }
    let buf = f.buffer_mut();
    let focused = app.focus() == Pane::Map && !app.help_open();
    let net = network(app);
    let query = app.search().filtered();
    let mono = theme.mono;
    let mut text = String::with_capacity(16);

    for (i, c) in app.cat().countries.iter().enumerate() {
        let r = g.tile(c.tile);
        if r.is_empty() {
            continue;
        }
        let roles = app.map().roles().get(i).copied().unwrap_or_default();
        let role = Role::of(&roles);
        let in_net = app.map().net().get(i).copied().unwrap_or_default();
        let matched = query && app.map().matched_hosts().get(i).copied().unwrap_or(false);
        let mut style = match in_net {
            Net::Host => theme.network_host,
            Net::Member => theme.network,
            Net::Outside => role.style(theme),
        };
        let lit = in_net != Net::Outside || matched;
        if (net.is_some() || query) && !lit {
            style = dimmed(style, theme);
        }
        if matched {
            if in_net == Net::Outside
                && let Some(fg) = theme.matched.fg
            {
                style = style.fg(fg);
            }
            style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        }
        let cursor = i == app.map().cursor();
        if cursor && focused {
            style = theme.cursor;
        }
        fill(buf, r, style);

        // First line: [role marker] code [count], the longest form that fits.
        let marker = if mono { role.marker() } else { None };
        let count = (roles.hosts > 1).then_some(roles.hosts);
        let w = usize::from(r.width);
        let code = safe(&c.code);
        let compose = |text: &mut String, marker: bool, count: Option<&str>| {
            text.clear();
            if marker && let Some(m) = role.marker() {
                text.push(m);
            }
            text.push_str(&code);
            if let Some(n) = count {
                text.push_str(n);
            }
        };
        let mut n_full = String::new();
        let mut n_short = String::new();
        if let Some(n) = count {
            let _ = write!(n_full, " {n}");
            let _ = write!(n_short, "{n}");
        }
        let m = marker.is_some();
        let candidates: [(bool, Option<&str>); 4] = [
            (m, count.map(|_| n_full.as_str())),
            (m, count.map(|_| n_short.as_str())),
            (m, None),
            (false, None),
        ];
        for (with_marker, with_count) in candidates {
            compose(&mut text, with_marker, with_count);
            if crate::text::width(&text) <= w {
                break;
            }
        }
        let tw = crate::text::width(&text).min(w) as u16;
        put(buf, r, r.x + (r.width - tw) / 2, r.y, &text, style);

        if g.names && r.height >= 2 {
            let name = crate::text::truncate(&safe(c.name(app.lang())), w);
            let nw = crate::text::width(&name).min(w) as u16;
            put(buf, r, r.x + (r.width - nw) / 2, r.y + 1, &name, style);
        }

        if cursor {
            // Brackets in the gaps either side of the tile.
            let b = if focused { theme.key } else { theme.label };
            let full = Rect::new(
                g.x0.saturating_add(u16::from(c.tile.0).saturating_mul(g.pitch_w)),
                r.y,
                g.tile_w,
                r.height,
            );
            for y in r.top()..r.bottom() {
                if let Some(x) = full.x.checked_sub(1) {
                    put(buf, g.inner, x, y, "[", b);
                }
                put(buf, g.inner, full.right(), y, "]", b);
            }
        }
    }

    if let Some(y) = g.info {
        info_line(buf, app, theme, g.inner, y);
    }
    if let Some((y, rows)) = g.legend {
        legend(buf, app, theme, g.inner, y, rows);
    }
}

/// "▸ Germany · 2 AI Factories · partner in 1 · 1 antenna", centred.
fn info_line(buf: &mut Buffer, app: &App, theme: &Theme, clip: Rect, y: u16) {
    let Some(c) = app.cat().countries.get(app.map().cursor()) else {
        return;
    };
    let r = app
        .map()
        .roles()
        .get(app.map().cursor())
        .copied()
        .unwrap_or_default();
    let lang = app.lang();
    let mut s = String::with_capacity(64);
    s.push_str(&safe(c.name(lang)));
    // `one` or `many`, with the count.
    let count = |n: u16, one: Msg, many: Msg| {
        let m = if n > 1 { many } else { one };
        m.fill(lang, &[&n.to_string()])
    };
    if r.hosts > 0 {
        let _ = write!(s, " · {}", count(r.hosts, Msg::HostsOne, Msg::HostsMany));
    }
    if r.partners > 0 {
        let _ = write!(
            s,
            " · {}",
            Msg::PartnerIn.fill(lang, &[&r.partners.to_string()])
        );
    }
    if r.antennas > 0 {
        let _ = write!(
            s,
            " · {}",
            count(r.antennas, Msg::AntennasOne, Msg::AntennasMany)
        );
    }
    let avail = usize::from(clip.width).saturating_sub(2);
    let s = crate::text::truncate(&s, avail);
    let w = (crate::text::width(&s) + 2) as u16;
    let x = clip.x + clip.width.saturating_sub(w) / 2;
    let x = put(buf, clip, x, y, "▸ ", theme.key);
    put(buf, clip, x, y, &s, theme.text);
}

/// The legend: a swatch and a label per role and for the network, on one or two lines.
fn legend(buf: &mut Buffer, app: &App, theme: &Theme, clip: Rect, y: u16, rows: u16) {
    let labels = legend_labels(app.lang());
    // A role's tile style, and its marker for the monochrome swatch (`·` for tiles without
    // one); the network, shown reversed, as a reversed blank.
    let item = |i: usize| match LEGEND_ROLES.get(i) {
        Some(r) => (r.style(theme), r.marker().unwrap_or('·')),
        None => (theme.network, ' '),
    };
    let mut swatch = [0u8; 4];
    let lines: &[(usize, usize)] = if rows >= 2 {
        &[(0, 3), (3, 5)]
    } else {
        &[(0, 5)]
    };
    for (k, &(from, to)) in lines.iter().enumerate() {
        let y = y.saturating_add(k as u16);
        let w = legend_width(app.lang(), from, to) as u16;
        let mut x = clip.x + clip.width.saturating_sub(w) / 2;
        for (i, label) in labels.iter().enumerate().take(to).skip(from) {
            if i > from {
                x = put(buf, clip, x, y, "  ", theme.text);
            }
            // In colour, a ■ in the tile's colour.
            let (style, marker) = item(i);
            let (sw, st) = if theme.mono {
                (&*marker.encode_utf8(&mut swatch), style)
            } else {
                let c = style.bg.or(style.fg).unwrap_or(Color::Reset);
                ("■", Style::new().fg(c))
            };
            x = put(buf, clip, x, y, sw, st);
            x = put(buf, clip, x, y, " ", theme.text);
            x = put(buf, clip, x, y, label, theme.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_priority() {
        let r = |hosts, partners, antennas| Roles {
            hosts,
            partners,
            antennas,
        };
        assert_eq!(Role::of(&r(1, 3, 1)), Role::Host);
        assert_eq!(Role::of(&r(0, 3, 1)), Role::Partner);
        assert_eq!(Role::of(&r(0, 0, 1)), Role::Antenna);
        assert_eq!(Role::of(&r(0, 0, 0)), Role::Other);
    }

    #[test]
    fn dimmed_keeps_the_hue_darker() {
        let t = Theme::dark();
        let d = dimmed(t.host, &t);
        assert_ne!(d.bg, t.host.bg);
        assert!(d.bg.is_some());
        let m = Theme::monochrome();
        assert!(
            dimmed(m.partner, &m)
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
    }

    #[test]
    fn legend_fits_one_line_at_the_usual_width() {
        assert_eq!(legend_lines(Lang::En, 52), 1);
        assert_eq!(legend_lines(Lang::Fr, 52), 1);
        assert_eq!(legend_lines(Lang::En, 30), 2);
    }
}
