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
use crate::theme::contrast;

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

/// A quieter variant of a style that keeps its role recognisable: in colour, a dark fill is
/// darkened and a light one paled, under grey text that still reads at 4.5:1; without colour,
/// the text is dimmed (the role marks and underline/italic remain).
fn dimmed(style: Style, theme: &Theme) -> Style {
    if theme.mono {
        return style
            .remove_modifier(Modifier::BOLD)
            .add_modifier(Modifier::DIM);
    }
    let s = style.remove_modifier(Modifier::BOLD);
    match style.bg.and_then(contrast::rgb) {
        Some((r, g, b)) if contrast::luminance((r, g, b)) < 0.2 => {
            let d = |v: u8| (u16::from(v) * 9 / 16) as u8;
            s.bg(Color::Rgb(d(r), d(g), d(b)))
                .fg(Color::Rgb(160, 160, 160))
        }
        Some((r, g, b)) => {
            let p = |v: u8| v + (255 - v) / 2;
            s.bg(Color::Rgb(p(r), p(g), p(b)))
                .fg(Color::Rgb(88, 88, 88))
        }
        // A colour of the terminal's scheme: only the text can be quietened.
        None => s.fg(Color::DarkGray),
    }
}

/// A tile's style: its role's, or its place in the selected factory's network; dimmed when a
/// network or a query is shown and the tile is not part of it; bold and underlined when it
/// hosts a result of the query; the cursor's when the map has focus.
fn tile_style(
    theme: &Theme,
    role: Role,
    in_net: Net,
    matched: bool,
    dim: bool,
    cursor: bool,
) -> Style {
    if cursor {
        return theme.cursor;
    }
    let mut style = match in_net {
        Net::Host => theme.network_host,
        Net::Member => theme.network,
        Net::Outside => role.style(theme),
    };
    if dim && in_net == Net::Outside && !matched {
        style = dimmed(style, theme);
    }
    if matched {
        style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    }
    style
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

/// What the legend explains: every state a tile can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Role(Role),
    /// The selected factory's host.
    Selected,
    /// A partner or antenna country of the selected factory.
    Network,
    /// A country hosting a result of the query.
    Match,
}

const LEGEND: [Item; 7] = [
    Item::Role(Role::Host),
    Item::Role(Role::Partner),
    Item::Role(Role::Antenna),
    Item::Role(Role::Other),
    Item::Selected,
    Item::Network,
    Item::Match,
];
const LEGEND_GAP: usize = 2;
/// A swatch: a small tile, its mark between two blanks.
const SWATCH_W: usize = 3;

impl Item {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Item::Role(r) => r.label(lang),
            Item::Selected => Msg::MapSelected.text(lang),
            Item::Network => Msg::Network.text(lang),
            Item::Match => Msg::MapMatch.text(lang),
        }
    }

    /// The swatch: a small tile drawn in the very style the map gives this state, with the
    /// mark a tile of it carries (`·` for the other countries, which carry none).
    fn swatch(self, theme: &Theme) -> (String, Style) {
        let (role, net, matched) = match self {
            Item::Role(r) => (r, Net::Outside, false),
            Item::Selected => (Role::Host, Net::Host, false),
            Item::Network => (Role::Partner, Net::Member, false),
            Item::Match => (Role::Host, Net::Outside, true),
        };
        let mark = role.marker().unwrap_or('·');
        (
            format!(" {mark} "),
            tile_style(theme, role, net, matched, false, false),
        )
    }

    fn width(self, lang: Lang) -> usize {
        SWATCH_W + 1 + crate::text::width(self.label(lang))
    }
}

/// The legend's lines in `width` columns, as ranges of [`LEGEND`]: as many items on a line
/// as fit.
fn legend_layout(lang: Lang, width: u16) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let (mut from, mut used) = (0, 0);
    for (i, item) in LEGEND.iter().enumerate() {
        let w = item.width(lang);
        if i > from && used + LEGEND_GAP + w > usize::from(width) {
            lines.push((from, i));
            (from, used) = (i, w);
        } else {
            used += if i > from { LEGEND_GAP + w } else { w };
        }
    }
    lines.push((from, LEGEND.len()));
    lines
}

/// Width of legend items `from..to` on one line.
fn legend_width(lang: Lang, from: usize, to: usize) -> usize {
    LEGEND[from..to]
        .iter()
        .map(|i| i.width(lang))
        .sum::<usize>()
        + LEGEND_GAP * (to - from).saturating_sub(1)
}

/// How many lines the legend takes in `width` columns.
fn legend_lines(lang: Lang, width: u16) -> u16 {
    legend_layout(lang, width).len() as u16
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
    // The cursor and the line about its country show while the map has focus or a record
    // is selected: after a search that found nothing, they would tell of nothing.
    let show_cursor = focused || app.selected_record().is_some();
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
        let lit = in_net != Net::Outside || matched;
        let cursor = i == app.map().cursor() && show_cursor;
        let style = tile_style(
            theme,
            role,
            in_net,
            matched,
            (net.is_some() || query) && !lit,
            cursor && focused,
        );
        fill(buf, r, style);

        // First line: [role mark] code [count], the longest form that fits; the mark tells
        // the roles apart without their colours.
        let marker = role.marker();
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

    if let Some(y) = g.info
        && show_cursor
    {
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

/// The legend: a swatch and a label for each state a tile can show, on as many lines as the
/// rows given allow (the first ones when fewer).
fn legend(buf: &mut Buffer, app: &App, theme: &Theme, clip: Rect, y: u16, rows: u16) {
    let lang = app.lang();
    for (k, (from, to)) in legend_layout(lang, clip.width)
        .into_iter()
        .take(usize::from(rows))
        .enumerate()
    {
        let y = y.saturating_add(k as u16);
        let w = legend_width(lang, from, to) as u16;
        let mut x = clip.x + clip.width.saturating_sub(w) / 2;
        for (i, item) in LEGEND.iter().enumerate().take(to).skip(from) {
            if i > from {
                x = put(buf, clip, x, y, "  ", theme.text);
            }
            let (sw, st) = item.swatch(theme);
            x = put(buf, clip, x, y, &sw, st);
            x = put(buf, clip, x, y, " ", theme.text);
            x = put(buf, clip, x, y, item.label(lang), theme.text);
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
    fn legend_takes_the_lines_it_needs() {
        assert_eq!(legend_lines(Lang::En, 200), 1);
        assert_eq!(legend_lines(Lang::En, 52), 2);
        assert_eq!(legend_lines(Lang::Fr, 52), 2);
        assert_eq!(legend_lines(Lang::En, 30), 4);
        for w in 1..120 {
            for lang in [Lang::En, Lang::Fr] {
                let lines = legend_layout(lang, w);
                // Every item once, in order; a line overflows only with a single item.
                assert_eq!(lines.first().map(|l| l.0), Some(0));
                assert_eq!(lines.last().map(|l| l.1), Some(LEGEND.len()));
                for (a, b) in &lines {
                    assert!(b - a == 1 || legend_width(lang, *a, *b) <= usize::from(w));
                }
            }
        }
    }

    /// Every state a tile can take: role, place in the network, match, dimmed, cursor.
    fn every_tile_style(t: &Theme) -> Vec<(String, Style)> {
        let mut out = Vec::new();
        for role in [Role::Host, Role::Partner, Role::Antenna, Role::Other] {
            for net in [Net::Host, Net::Member, Net::Outside] {
                for matched in [false, true] {
                    for dim in [false, true] {
                        for cursor in [false, true] {
                            out.push((
                                format!(
                                    "{role:?} {net:?} match={matched} dim={dim} cursor={cursor}"
                                ),
                                tile_style(t, role, net, matched, dim, cursor),
                            ));
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn tile_text_reads_at_4_5_to_1_on_every_fill() {
        for (name, t) in [("default", Theme::dark()), ("light", Theme::light())] {
            for (state, st) in every_tile_style(&t) {
                let (fg, bg) = (st.fg.expect(&state), st.bg.expect(&state));
                let ratio = contrast::contrast(fg, bg)
                    .unwrap_or_else(|| panic!("{name} {state}: a colour of the terminal's scheme"));
                assert!(ratio >= 4.5, "{name} {state}: {ratio:.2}:1");
            }
            // The legend's swatches are those very styles.
            for item in LEGEND {
                let (_, st) = item.swatch(&t);
                assert!(
                    every_tile_style(&t).iter().any(|(_, s)| *s == st),
                    "{name} {item:?}"
                );
            }
        }
    }

    #[test]
    fn roles_differ_by_lightness_and_by_mark_not_only_by_hue() {
        let t = Theme::dark();
        let lum = |s: Style| contrast::luminance(contrast::rgb(s.bg.unwrap()).unwrap());
        let fills = [t.host, t.partner, t.antenna, t.other].map(lum);
        assert!(fills.windows(2).all(|w| w[0] > w[1]), "{fills:?}");
        let marks = [Role::Host, Role::Partner, Role::Antenna].map(Role::marker);
        assert!(marks.iter().all(Option::is_some));
        assert!(marks[0] != marks[1] && marks[1] != marks[2] && marks[0] != marks[2]);
    }

    #[test]
    fn without_colour_every_state_of_the_legend_has_a_mark_of_its_own() {
        let t = Theme::monochrome();
        let swatches: Vec<(String, Style)> = LEGEND.iter().map(|i| i.swatch(&t)).collect();
        for (i, (a, sa)) in swatches.iter().enumerate() {
            assert!(
                sa.fg.is_none() && sa.bg.is_none(),
                "{:?} has a colour",
                LEGEND[i]
            );
            for (b, sb) in &swatches[i + 1..] {
                assert!((a, sa) != (b, sb), "{a:?} looks like {b:?}");
            }
        }
        // Dimmed tiles too: dim, their marks kept.
        for (state, st) in every_tile_style(&t) {
            assert!(st.fg.is_none() && st.bg.is_none(), "{state}");
        }
    }
}
