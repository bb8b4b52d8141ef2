//! The lanes: which entries each lane shows, the plot cells they compose (what
//! [`draw`](super::draw) paints and [`entry_at`](super::entry_at) reads), and the lane rows
//! with their labels.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::geo::{Axis, Geo};
use super::{
    BAR, EARLIER, LATER, PLAN_BAND, TODAY_LINE, UNCONFIRMED, glyph, plan_style, put, put_spans,
    timing_style,
};
use crate::app::App;
use crate::data::{Day, Kind};
use crate::i18n::Msg;
use crate::text::truncate;
use crate::timeline::{Entry, Origin, Outcome, PlanStatus, Timeline, Timing};
use crate::ui::{Theme, safe};

/// One plot cell of a lane, as drawn.
#[derive(Debug, Clone, Copy)]
pub(super) struct Drawn {
    ch: char,
    style: Style,
    /// The entry this cell belongs to, for clicks.
    pub(super) owner: Option<usize>,
}

/// A glyph slot while composing.
#[derive(Debug, Clone, Copy)]
struct Mark {
    entry: usize,
    rank: Rank,
    count: u32,
}

/// Importance of an entry when several share a cell: greater wins, ties keep the earliest.
type Rank = (bool, bool, u8);

fn kind_rank(k: Kind) -> u8 {
    match k {
        Kind::Contract => 9,
        Kind::Operation => 8,
        Kind::Installation => 7,
        Kind::Launch => 6,
        Kind::Procurement => 5,
        Kind::Agreement => 4,
        Kind::Selection => 3,
        Kind::Call => 2,
        Kind::Policy => 1,
        Kind::Other => 0,
    }
}

fn rank(e: &Entry, chosen: bool) -> Rank {
    (chosen, !e.planned(), kind_rank(e.kind()))
}

/// The entry index of programme milestone `i`: entries are sorted by (start, end,
/// precision) and ties keep the dataset order, programme milestones first, so a binary
/// search and a short walk over the programme entries of that date find it.
fn programme_entry(
    tl: &Timeline,
    i: usize,
    e_key: (Day, Day, crate::data::Precision),
) -> Option<usize> {
    let entries = tl.entries();
    let key = |e: &Entry| (e.start(), e.end(), e.precision());
    let lo = entries.partition_point(|e| key(e) < e_key);
    entries[lo..]
        .iter()
        .take_while(|e| key(e) == e_key && e.factory().is_none())
        .position(|e| e.origin() == Origin::Programme(i))
        .map(|k| lo + k)
}

/// The entries of a lane overlapping the axis range (date order), and whether the lane
/// has entries before / after it. Only the lane's own entries: a programme milestone
/// naming a factory lives in the programme lane.
fn lane_entries(app: &App, axis: &Axis, lane: usize, out: &mut Vec<usize>) -> (bool, bool) {
    out.clear();
    let (mut before, mut after) = (false, false);
    let tl = app.tl();
    if lane == 0 {
        for (i, m) in app.cat().data.milestones.iter().enumerate() {
            let (s, e) = (m.date.start(), m.date.end());
            if e < axis.from {
                before = true;
            } else if s > axis.to {
                after = true;
            } else if let Some(k) = programme_entry(tl, i, (s, e, m.date.precision())) {
                out.push(k);
            }
        }
        out.sort_unstable();
    } else if let Some(f) = app.timeline().lane_factory(lane) {
        for &k in tl.for_factory(f) {
            let k = k as usize;
            let Some(e) = tl.entry(k) else { continue };
            // Its own milestones, and the programme's selection that named it.
            let own = e.factory() == Some(f);
            let selection = e.factory().is_none() && e.kind() == crate::data::Kind::Selection;
            if !own && !selection {
                continue;
            }
            if e.end() < axis.from {
                before = true;
            } else if e.start() > axis.to {
                after = true;
            } else {
                out.push(k);
            }
        }
    }
    (before, after)
}

/// The style of an entry's glyph and bar: a plan by its status, an answer by its timing,
/// other events by their calendar status.
pub(super) fn entry_style(app: &App, theme: &Theme, k: usize, e: &Entry) -> Style {
    if let Some(ps) = app.timeline().plan_status(k) {
        plan_style(theme, ps)
    } else if let Some(t) = app.timeline().timing(k) {
        timing_style(theme, t)
    } else {
        theme.status(&e.status(app.today()))
    }
}

/// The mark after an entry's glyph that says how it stands against its plan, and whether it
/// is pressing (a late event: drawn even over the count of a shared cell; a plan's status
/// gives way to the count, the plan view and the card tell it whole).
pub(super) fn plan_mark(app: &App, k: usize) -> Option<(char, bool)> {
    if let Some(ps) = app.timeline().plan_status(k) {
        return (ps != PlanStatus::Open).then_some((ps.mark(), false));
    }
    let t = app.timeline().timing(k)?;
    Some((t.mark(), matches!(t, Timing::Late { .. })))
}

/// Compose the plot cells of one lane: what [`draw`] paints and [`entry_at`] reads.
///
/// [`draw`]: super::draw
/// [`entry_at`]: super::entry_at
pub(super) fn lane_cells(app: &App, theme: &Theme, axis: &Axis, lane: usize) -> Vec<Drawn> {
    let w = usize::try_from(axis.width).unwrap_or(0);
    let blank = Drawn {
        ch: ' ',
        style: Style::new(),
        owner: None,
    };
    let mut cells = vec![blank; w];
    if w == 0 {
        return cells;
    }
    let tl = app.tl();
    let mut entries = Vec::new();
    let (before, after) = lane_entries(app, axis, lane, &mut entries);
    let at = |x: i64| usize::try_from(x).unwrap_or(0).min(w - 1);

    // The plan windows a factory's events answer, faint, at the back; `✗` at the end of
    // those that closed with no answer from it, once every band is drawn.
    let mut overdue_ends = Vec::new();
    if let Some(f) = app.timeline().lane_factory(lane) {
        for &k in tl.for_factory(f) {
            let Some(e) = tl.entry(k as usize) else {
                continue;
            };
            if e.factory().is_none() && e.planned() && e.overlaps(axis.from, axis.to) {
                let (a, b) = (at(axis.x_of(e.start())), at(axis.x_end_of_month(e.end())));
                for c in &mut cells[a..=b.max(a)] {
                    c.ch = PLAN_BAND;
                    c.style = theme.plan.add_modifier(Modifier::DIM);
                }
                if e.end() <= axis.to && tl.outcome(k as usize, f, app.today()) == Outcome::Overdue
                {
                    overdue_ends.push(b.max(a));
                }
            }
        }
    }
    for x in overdue_ends {
        cells[x] = Drawn {
            ch: PlanStatus::Overdue.mark(),
            style: plan_style(theme, PlanStatus::Overdue),
            // The plan lives in the programme lane, not in this one.
            owner: None,
        };
    }
    // Today's line, behind the marks.
    if axis.contains(app.today()) {
        let c = &mut cells[at(axis.x_of(app.today()))];
        c.ch = TODAY_LINE;
        c.style = theme.today;
    }

    // Bars and glyph slots.
    let mut bars: Vec<Option<(usize, Rank)>> = vec![None; w];
    let mut marks: Vec<Option<Mark>> = vec![None; w];
    for &k in &entries {
        let Some(e) = tl.entry(k) else { continue };
        let r = rank(e, app.timeline().cursor() == Some(k));
        let x = at(axis.x_of(e.start()));
        if axis.col_of(e.end()) > axis.col_of(e.start()) {
            let end = at(axis.x_end_of_month(e.end())).max(x);
            for b in &mut bars[x..=end] {
                if b.is_none_or(|(_, br)| r > br) {
                    *b = Some((k, r));
                }
            }
        }
        match &mut marks[x] {
            Some(m) => {
                m.count += 1;
                if r > m.rank {
                    m.entry = k;
                    m.rank = r;
                }
            }
            slot @ None => {
                *slot = Some(Mark {
                    entry: k,
                    rank: r,
                    count: 1,
                })
            }
        }
    }
    for (x, b) in bars.iter().enumerate() {
        if let Some((k, _)) = *b
            && let Some(e) = tl.entry(k)
        {
            cells[x] = Drawn {
                ch: BAR,
                style: entry_style(app, theme, k, e),
                owner: Some(k),
            };
        }
    }
    for x in 0..w {
        let Some(m) = marks[x] else { continue };
        let Some(e) = tl.entry(m.entry) else { continue };
        let mut style = entry_style(app, theme, m.entry, e);
        if app.timeline().cursor() == Some(m.entry) {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        // New or changed since last looked (see the help).
        let new_mark = app.whatsnew().entry_mark(m.entry);
        if new_mark.is_some() {
            style = style.add_modifier(Modifier::UNDERLINED);
        }
        cells[x] = Drawn {
            ch: glyph(e.kind()),
            style,
            owner: Some(m.entry),
        };
        // The cell after: a late or overdue mark, else how many share this one, else the
        // mark of an answer on time or early or of a plan met, else `?` when unconfirmed.
        if x + 1 < w && marks[x + 1].is_none() {
            let against = plan_mark(app, m.entry);
            let suffix = if let Some((ch, true)) = against {
                Some((ch, style.remove_modifier(Modifier::REVERSED)))
            } else if m.count > 1 {
                Some((
                    char::from_digit(m.count.min(10), 10).unwrap_or('+'),
                    theme.label,
                ))
            } else if let Some((ch, false)) = against {
                Some((ch, style.remove_modifier(Modifier::REVERSED)))
            } else if !e.certainty().is_confirmed() {
                Some((UNCONFIRMED, theme.unconfirmed))
            } else {
                new_mark.map(|mk| (crate::ui::whatsnew::sign(mk), theme.key))
            };
            if let Some((ch, style)) = suffix {
                cells[x + 1] = Drawn {
                    ch,
                    style,
                    owner: Some(m.entry),
                };
            }
        }
    }
    // The edge hints go over a bar, not over a glyph or what follows it.
    let free = |c: &Drawn| c.owner.is_none() || c.ch == BAR;
    if before && free(&cells[0]) {
        cells[0] = Drawn {
            ch: EARLIER,
            style: theme.dim,
            owner: None,
        };
    }
    if after && free(&cells[w - 1]) {
        cells[w - 1] = Drawn {
            ch: LATER,
            style: theme.dim,
            owner: None,
        };
    }
    cells
}

pub(super) fn draw_lanes(buf: &mut Buffer, app: &App, theme: &Theme, g: &Geo) {
    let selected_lane = app
        .network_factory()
        .and_then(|f| app.timeline().factory_lane(f));
    let label_w = g.gutter.saturating_sub(1);
    for (i, lane) in g.lanes_drawn(app).into_iter().enumerate() {
        let y = g.lanes.y + u16::try_from(i).unwrap_or(u16::MAX);
        let row = Rect::new(g.inner.x, y, g.inner.width, 1).intersection(g.lanes);
        let selected = selected_lane == Some(lane);
        if selected {
            buf.set_style(row, theme.lane_selected);
        }
        if label_w > 0 {
            let (name, mut style) = if lane == 0 {
                (
                    std::borrow::Cow::Borrowed(Msg::ProgrammeLane.text(app.lang())),
                    theme.label,
                )
            } else {
                let name = app
                    .timeline()
                    .lane_factory(lane)
                    .and_then(|f| app.cat().factories().get(f))
                    .map_or("?", |f| f.name.as_str());
                (safe(name), theme.text)
            };
            if selected {
                style = style.add_modifier(Modifier::BOLD);
            }
            let label = truncate(&name, usize::from(label_w));
            put_spans(buf, row, row.x, y, &[Span::styled(label, style)], label_w);
        }
        let cells = lane_cells(app, theme, &g.axis, lane);
        for (k, c) in cells.iter().enumerate() {
            if c.ch != ' ' {
                let x = g.plot.x + u16::try_from(k).unwrap_or(u16::MAX);
                put(buf, row, x, y, c.ch, c.style);
            }
        }
    }
}
