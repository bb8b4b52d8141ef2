//! The timeline pane: the 2025 procurement year by month (or the whole programme by quarter),
//! one lane per row, planned steps against what actually happened.
//!
//! # Geometry
//!
//! Inside the border: one header row (the time columns, and `▼ today`), then the lanes
//! (lane 0 is the programme's, pinned on the first row; lane `1 + i` is the `i`-th factory
//! the list shows, all of them without a search or country filter; the rows show the factory
//! lanes from `app.timeline().lane_offset()` on), then up to two info rows (the chosen milestone in full, or the
//! legend). A left gutter holds the lane labels; the rest is the plot, where days map to
//! columns proportionally, so a column is a month (or a quarter) and a day milestone sits at
//! its day inside its column. [`lane_rows`] and [`entry_at`] use the same geometry as
//! [`draw`].
//!
//! # Marks
//!
//! * A milestone is a glyph by kind (see [`glyph`]) at the cell of its first day, styled by
//!   its status ([`Theme::status`]).
//! * A vague date spanning more than one column (`H1 2025`, `end 2025`, `2026` by quarter)
//!   also draws a bar `━` over the columns it covers, in the same style.
//! * Several milestones in one cell: the most important one is drawn (the chosen one, then
//!   events before plans, then by kind: contract, operation, installation, launch,
//!   procurement, agreement, selection, call, policy, other; then the earliest), and the next
//!   cell shows how many share it (`2`..`9`, `+` for more) when that cell is free.
//! * Otherwise the next free cell shows `?` when the sources do not confirm the milestone.
//! * In a factory lane, the programme plans that name the factory draw their window as a
//!   faint `┈` band behind the factory's own events: late answers fall outside it.
//! * `‹` / `›` at the lane's edges: the lane has milestones before / after the range.
//! * Today is a `│` down its column, behind the marks, with `▼ today` in the header.
//!
//! Only the entries of the visible lanes are looked at: [`Timeline::for_factory`] for the
//! factory lanes and a binary search per programme milestone for the programme lane, so a
//! frame costs the same with 19 factories or 100 000.
//!
//! # Files
//!
//! * `geo`: the geometry (rows, gutter, plot) and the time axis.
//! * `lanes`: the cells of each lane, and the lane rows with their labels.
//! * `header`: the border's title and hints, and the header row of column labels.
//! * `info`: the info rows: the chosen milestone in full, or the legend.
//!
//! [`Timeline::for_factory`]: crate::timeline::Timeline::for_factory

pub mod card;
mod geo;
mod header;
mod info;
mod lanes;
pub mod legend;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Theme, pane_block};
use crate::app::App;
use crate::data::Kind;
use crate::layout::Pane;
use crate::text::{truncate, width};
use crate::timeline::{PlanStatus, Timing};
use geo::{Geo, rows};
use header::{draw_header, top_line};
use info::draw_info;
use lanes::{draw_lanes, lane_cells};

/// Bar of a vague date spanning several columns.
pub const BAR: char = '━';
/// Window of a programme plan in the lane of a factory it names.
pub const PLAN_BAND: char = '┈';
/// Today's line.
pub const TODAY_LINE: char = '│';
/// Today's mark in the header.
pub const TODAY_MARK: char = '▼';
/// The lane has milestones before the range.
pub const EARLIER: char = '‹';
/// The lane has milestones after the range.
pub const LATER: char = '›';
/// After a glyph: the sources do not confirm it.
pub const UNCONFIRMED: char = '?';

/// The marker of a milestone kind: one column wide in every common terminal font.
pub fn glyph(kind: Kind) -> char {
    match kind {
        Kind::Selection => '◆',
        Kind::Call => '○',
        Kind::Policy => '§',
        Kind::Agreement => '≡',
        Kind::Procurement => '□',
        Kind::Contract => '●',
        Kind::Installation => '▲',
        Kind::Launch => '★',
        Kind::Operation => '►',
        Kind::Other => '•',
    }
}

/// The style of an answer's timing: early and on time as done, late as slipped, maybe late
/// as unconfirmed. Its mark ([`Timing::mark`]) says the same without colour.
pub fn timing_style(theme: &Theme, t: Timing) -> Style {
    match t {
        Timing::Early { .. } | Timing::OnTime => theme.done,
        Timing::Late { .. } => theme.slipped,
        Timing::Unclear => theme.unconfirmed,
    }
}

/// The style of a plan's status: met as done, late as slipped, overdue as an error, open as
/// a plan. Its mark ([`PlanStatus::mark`]) says the same without colour.
pub fn plan_style(theme: &Theme, ps: PlanStatus) -> Style {
    match ps {
        PlanStatus::Met => theme.done,
        PlanStatus::Late => theme.slipped,
        PlanStatus::Overdue => theme.error.add_modifier(ratatui::style::Modifier::BOLD),
        PlanStatus::Open => theme.plan,
    }
}

/// How many lanes fit in a timeline pane of that area (what [`draw`] draws at most).
pub fn lane_rows(area: Rect) -> usize {
    usize::from(rows(area).1)
}

/// The timeline entry drawn at a screen cell (its glyph, its bar, or the `?` / count after
/// its glyph), if any.
pub fn entry_at(app: &App, area: Rect, col: u16, row: u16) -> Option<usize> {
    let g = Geo::new(app, area);
    let plot = g.plot;
    if plot.width == 0 || col < plot.x || col >= plot.right() {
        return None;
    }
    if row < g.lanes.y || row >= g.lanes.bottom() {
        return None;
    }
    let lane = g
        .lanes_drawn(app)
        .get(usize::from(row - g.lanes.y))
        .copied()?;
    let cells = lane_cells(app, app.theme(), &g.axis, lane);
    cells.get(usize::from(col - plot.x)).and_then(|c| c.owner)
}

/// Draw the pane.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let area = area.intersection(f.area());
    if area.is_empty() {
        return;
    }
    let g = Geo::new(app, area);
    let (title, hints) = top_line(app, theme, &g, area.width);
    let block = pane_block(app, theme, Pane::Timeline, Line::from(title))
        .title_top(Line::from(hints).right_aligned());
    f.render_widget(block, area);
    if g.inner.is_empty() {
        return;
    }
    let buf = f.buffer_mut();
    draw_header(buf, app, theme, &g);
    draw_lanes(buf, app, theme, &g);
    draw_info(buf, app, theme, &g);
}

/// Write a char into a cell, only inside `clip`.
fn put(buf: &mut Buffer, clip: Rect, x: u16, y: u16, ch: char, style: Style) {
    if clip.contains(Position::new(x, y))
        && let Some(c) = buf.cell_mut(Position::new(x, y))
    {
        c.set_char(ch).set_style(style);
    }
}

/// Write spans from (x, y), cut to `max` columns (the last visible span ends with `…` when
/// something was cut), only inside `clip`.
fn put_spans(buf: &mut Buffer, clip: Rect, x: u16, y: u16, spans: &[Span<'_>], max: u16) {
    if y < clip.y || y >= clip.bottom() || x < clip.x {
        return;
    }
    let room = usize::from(max.min(clip.right().saturating_sub(x)));
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    let mut used = 0usize;
    let mut cx = x;
    for s in spans {
        if used >= room {
            break;
        }
        let sw = width(&s.content);
        let text = if total > room && used + sw >= room {
            std::borrow::Cow::Owned(truncate(&s.content, room - used))
        } else {
            std::borrow::Cow::Borrowed(s.content.as_ref())
        };
        let tw = width(&text);
        buf.set_stringn(cx, y, &text, room - used, s.style);
        used += tw;
        cx = cx.saturating_add(u16::try_from(tw).unwrap_or(u16::MAX));
    }
}
