//! The timeline pane: the 2025 procurement year by month (or the whole programme by quarter),
//! one lane per row, planned steps against what actually happened.
//!
//! # Geometry
//!
//! Inside the border: one header row (the time columns, and `▼ today`), then the lanes
//! (lane 0 is the programme, lane `1 + i` is factory `i`; the rows show the lanes from
//! `app.timeline().lane_offset()` on), then up to two info rows (the chosen milestone in full, or the
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

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{Theme, pane_block, safe, title};
use crate::app::{App, Zoom};
use crate::data::date::{MONTHS_SHORT_EN, MONTHS_SHORT_FR, days_in_month};
use crate::data::{Day, Kind, Lang};
use crate::layout::{Pane, inner};
use crate::text::{truncate, width};
use crate::timeline::{Entry, Origin, Timeline, Timing};

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
    let lane = app
        .timeline()
        .lane_offset()
        .saturating_add(usize::from(row - g.lanes.y));
    if lane >= app.timeline().lane_count() {
        return None;
    }
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
    let block = pane_block(
        app,
        theme,
        Pane::Timeline,
        Line::from(title_spans(app, theme, &g)),
    )
    .title_top(Line::from(hint_spans(app, theme, &g)).right_aligned());
    f.render_widget(block, area);
    if g.inner.is_empty() {
        return;
    }
    let buf = f.buffer_mut();
    draw_header(buf, app, theme, &g);
    draw_lanes(buf, app, theme, &g);
    draw_info(buf, app, theme, &g);
}

// ---------------------------------------------------------------------------------------
// Geometry

/// Header, lane and info rows inside the border of a pane of that area.
fn rows(area: Rect) -> (u16, u16, u16) {
    crate::layout::timeline_rows(area)
}

/// Width of the lane labels (including the space after them).
fn gutter_width(inner_w: u16) -> u16 {
    if inner_w < 12 {
        0
    } else if inner_w < 36 {
        inner_w / 3
    } else {
        (inner_w / 6).clamp(12, 20)
    }
}

/// The time axis: days of the range mapped onto the plot's columns.
#[derive(Debug, Clone, Copy)]
struct Axis {
    from: Day,
    to: Day,
    /// Months per column: 1 (by month) or 3 (by quarter).
    per_col: i64,
    cols: i64,
    /// Plot width in cells.
    width: i64,
}

impl Axis {
    fn new(app: &App, width: u16) -> Axis {
        let (from, to) = app.timeline().range();
        let to = to.max(from);
        let per_col = match app.timeline().zoom() {
            Zoom::Year2025 => 1,
            Zoom::Full => 3,
        };
        let months = i64::from(to.month_index() - from.month_index()) + 1;
        let cols = ((months + per_col - 1) / per_col).max(1);
        Axis {
            from,
            to,
            per_col,
            cols,
            width: i64::from(width),
        }
    }

    fn months(&self) -> i64 {
        self.cols * self.per_col
    }

    fn month_off(&self, d: Day) -> i64 {
        i64::from(d.month_index() - self.from.month_index())
    }

    fn contains(&self, d: Day) -> bool {
        self.from <= d && d <= self.to
    }

    /// Plot cell of a day (clamped into the range).
    fn x_of(&self, d: Day) -> i64 {
        let d = d.clamp(self.from, self.to);
        let dim = i64::from(days_in_month(d.year, d.month).max(1));
        let day = i64::from(d.day.max(1) - 1).min(dim - 1);
        let num = self.month_off(d) * dim + day;
        (num * self.width / (self.months() * dim)).clamp(0, (self.width - 1).max(0))
    }

    /// Last plot cell of the month (or of the column) holding a day.
    fn x_end_of_month(&self, d: Day) -> i64 {
        let d = d.clamp(self.from, self.to);
        ((self.month_off(d) + 1) * self.width / self.months() - 1).clamp(0, (self.width - 1).max(0))
    }

    fn col_of(&self, d: Day) -> i64 {
        self.month_off(d.clamp(self.from, self.to)) / self.per_col
    }

    /// First plot cell of a column.
    fn col_x(&self, c: i64) -> i64 {
        c * self.width / self.cols
    }

    /// (year, month) at the start of a column.
    fn col_month(&self, c: i64) -> (i32, u8) {
        let mi = i64::from(self.from.month_index()) + c * self.per_col;
        let year = i32::try_from(mi.div_euclid(12)).unwrap_or(self.from.year);
        let month = u8::try_from(mi.rem_euclid(12) + 1).unwrap_or(1);
        (year, month)
    }
}

struct Geo {
    inner: Rect,
    gutter: u16,
    header: Rect,
    lanes: Rect,
    info: Rect,
    plot: Rect,
    axis: Axis,
}

impl Geo {
    fn new(app: &App, area: Rect) -> Geo {
        let body = inner(area);
        let (header, lanes, info) = rows(area);
        let gutter = gutter_width(body.width);
        let plot_w = body.width - gutter;
        let header_r = Rect::new(body.x, body.y, body.width, header);
        let lanes_r = Rect::new(body.x, body.y + header, body.width, lanes);
        let info_r = Rect::new(body.x, body.y + header + lanes, body.width, info);
        Geo {
            inner: body,
            gutter,
            header: header_r,
            lanes: lanes_r,
            info: info_r,
            plot: Rect::new(body.x + gutter, body.y, plot_w, body.height),
            axis: Axis::new(app, plot_w),
        }
    }

    /// Lanes actually drawn: those that fit, from the offset, up to the last lane.
    fn lanes_drawn(&self, app: &App) -> usize {
        usize::from(self.lanes.height).min(
            app.timeline()
                .lane_count()
                .saturating_sub(app.timeline().lane_offset()),
        )
    }
}

// ---------------------------------------------------------------------------------------
// Lanes

/// One plot cell of a lane, as drawn.
#[derive(Debug, Clone, Copy)]
struct Drawn {
    ch: char,
    style: Style,
    /// The entry this cell belongs to, for clicks.
    owner: Option<usize>,
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
    } else {
        let f = lane - 1;
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

/// Compose the plot cells of one lane: what [`draw`] paints and [`entry_at`] reads.
fn lane_cells(app: &App, theme: &Theme, axis: &Axis, lane: usize) -> Vec<Drawn> {
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

    // The plan windows a factory's events answer, faint, at the back.
    if lane > 0 {
        for &k in tl.for_factory(lane - 1) {
            let Some(e) = tl.entry(k as usize) else {
                continue;
            };
            if e.factory().is_none() && e.planned() && e.overlaps(axis.from, axis.to) {
                let (a, b) = (at(axis.x_of(e.start())), at(axis.x_end_of_month(e.end())));
                for c in &mut cells[a..=b.max(a)] {
                    c.ch = PLAN_BAND;
                    c.style = theme.plan.add_modifier(Modifier::DIM);
                }
            }
        }
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
    let today = app.today();
    for (x, b) in bars.iter().enumerate() {
        if let Some((k, _)) = *b
            && let Some(e) = tl.entry(k)
        {
            cells[x] = Drawn {
                ch: BAR,
                style: theme.status(&e.status(today)),
                owner: Some(k),
            };
        }
    }
    for x in 0..w {
        let Some(m) = marks[x] else { continue };
        let Some(e) = tl.entry(m.entry) else { continue };
        let mut style = theme.status(&e.status(today));
        if app.timeline().cursor() == Some(m.entry) {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        cells[x] = Drawn {
            ch: glyph(e.kind()),
            style,
            owner: Some(m.entry),
        };
        // The cell after: how many share this one, or `?` when unconfirmed.
        if x + 1 < w && marks[x + 1].is_none() {
            let suffix = if m.count > 1 {
                Some((
                    char::from_digit(m.count.min(10), 10).unwrap_or('+'),
                    theme.label,
                ))
            } else if !e.certainty().is_confirmed() {
                Some((UNCONFIRMED, theme.unconfirmed))
            } else {
                None
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

// ---------------------------------------------------------------------------------------
// Drawing

fn short_month(lang: Lang, month: u8) -> &'static str {
    let names = if lang.is_fr() {
        &MONTHS_SHORT_FR
    } else {
        &MONTHS_SHORT_EN
    };
    names
        .get(usize::from(month.clamp(1, 12)) - 1)
        .copied()
        .unwrap_or("?")
}

fn title_spans<'a>(app: &App, theme: &Theme, g: &Geo) -> Vec<Span<'a>> {
    let lang = app.lang();
    let (from, to) = (g.axis.from, g.axis.to);
    let text = match app.timeline().zoom() {
        Zoom::Year2025 if from.year == to.year => format!(
            "{} · {} {}",
            lang.pick("Timeline", "Chronologie"),
            from.year,
            lang.pick("by month", "par mois")
        ),
        _ => format!(
            "{} · {} {} – {} {} {}",
            lang.pick("Timeline", "Chronologie"),
            short_month(lang, from.month),
            from.year,
            short_month(lang, to.month),
            to.year,
            match app.timeline().zoom() {
                Zoom::Year2025 => lang.pick("by month", "par mois"),
                Zoom::Full => lang.pick("by quarter", "par trimestre"),
            }
        ),
    };
    vec![title(theme, text)]
}

fn hint_spans<'a>(app: &App, theme: &Theme, g: &Geo) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let shown = g.lanes_drawn(app);
    let total = app.timeline().lane_count();
    if shown > 0 && shown < total {
        spans.push(Span::styled(
            format!(
                " {}–{}/{} ",
                app.timeline().lane_offset() + 1,
                app.timeline().lane_offset() + shown,
                total
            ),
            theme.dim,
        ));
    }
    spans.push(Span::styled(" z", theme.key));
    spans.push(Span::styled(
        app.lang().pick(": zoom ", " : zoom ").to_string(),
        theme.dim,
    ));
    spans
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

fn draw_header(buf: &mut Buffer, app: &App, theme: &Theme, g: &Geo) {
    if g.header.height == 0 {
        return;
    }
    let y = g.header.y;
    let lang = app.lang();
    let axis = &g.axis;
    // Gutter: the year when the range is one year.
    if g.gutter > 1 && axis.from.year == axis.to.year {
        let s = [Span::styled(axis.from.year.to_string(), theme.label)];
        put_spans(buf, g.inner, g.inner.x, y, &s, g.gutter - 1);
    }
    let w = usize::from(g.plot.width);
    if w == 0 {
        return;
    }
    // Column labels, with the column each cell belongs to.
    let mut cells: Vec<(char, Style, Option<i64>)> = vec![(' ', Style::new(), None); w];
    let today_col = axis.contains(app.today()).then(|| axis.col_of(app.today()));
    // Every label gets the room of the narrowest column, so that they all look alike.
    let room_of = |c: i64| axis.col_x(c + 1) - axis.col_x(c);
    let room = (0..axis.cols)
        .map(room_of)
        .filter(|&r| r > 0)
        .min()
        .unwrap_or(0);
    for c in 0..axis.cols {
        let x0 = axis.col_x(c);
        if room_of(c) <= 0 {
            continue;
        }
        let (year, month) = axis.col_month(c);
        // By month: the month's short name. By quarter: `Q1 25` when it fits, else the
        // year alone over its quarters (on its first column shown), other columns blank.
        let (label, fit) = if axis.per_col == 1 {
            (short_month(lang, month).to_string(), room)
        } else if room >= 6 {
            let q = (month - 1) / 3 + 1;
            let yy = year.rem_euclid(100);
            (format!("{}{q} {yy:02}", lang.pick("Q", "T")), room)
        } else if month == 1 || c == 0 {
            let left = i64::from(12 - month) / 3 + 1;
            let span = axis.col_x((c + left).min(axis.cols)) - x0;
            let text = if span >= 5 {
                year.to_string()
            } else {
                format!("{:02}", year.rem_euclid(100))
            };
            (text, span)
        } else {
            (String::new(), room)
        };
        let fit = if fit >= 2 { fit - 1 } else { fit };
        let style = if today_col == Some(c) {
            theme.today
        } else {
            theme.label
        };
        for (i, ch) in label
            .chars()
            .take(usize::try_from(fit).unwrap_or(0))
            .enumerate()
        {
            let x = usize::try_from(x0).unwrap_or(0) + i;
            if x < w {
                cells[x] = (ch, style, Some(c));
            }
        }
    }
    // Today: `▼ today` from its column, or `today ▼` when it does not fit on the right.
    if axis.contains(app.today()) {
        let tx = usize::try_from(axis.x_of(app.today()))
            .unwrap_or(0)
            .min(w - 1);
        let word = lang.pick("today", "aujourd'hui");
        let wl = word.chars().count();
        let text: Vec<char> = if tx + 1 + wl < w {
            std::iter::once(TODAY_MARK)
                .chain(format!(" {word}").chars())
                .collect()
        } else if tx > wl {
            format!("{word} ")
                .chars()
                .chain(std::iter::once(TODAY_MARK))
                .collect()
        } else {
            vec![TODAY_MARK]
        };
        let start = if text.first() == Some(&TODAY_MARK) {
            tx
        } else {
            tx + 1 - text.len()
        };
        // A label partly covered, or touching the text, is hidden whole.
        let covered: Vec<i64> = (start.saturating_sub(1)..start + text.len() + 1)
            .filter_map(|x| cells.get(x).and_then(|c| c.2))
            .collect();
        for c in &mut cells {
            if c.2.is_some_and(|col| covered.contains(&col)) {
                *c = (' ', Style::new(), None);
            }
        }
        for (i, ch) in text.into_iter().enumerate() {
            if let Some(c) = cells.get_mut(start + i) {
                *c = (ch, theme.today, None);
            }
        }
    }
    for (i, (ch, style, _)) in cells.into_iter().enumerate() {
        let x = g.plot.x + u16::try_from(i).unwrap_or(u16::MAX);
        if ch != ' ' {
            put(buf, g.header, x, y, ch, style);
        }
    }
}

fn draw_lanes(buf: &mut Buffer, app: &App, theme: &Theme, g: &Geo) {
    let selected_lane = app.network_factory().map(|f| f + 1);
    let label_w = g.gutter.saturating_sub(1);
    for i in 0..g.lanes_drawn(app) {
        let lane = app.timeline().lane_offset() + i;
        let y = g.lanes.y + u16::try_from(i).unwrap_or(u16::MAX);
        let row = Rect::new(g.inner.x, y, g.inner.width, 1).intersection(g.lanes);
        let selected = selected_lane == Some(lane);
        if selected {
            buf.set_style(row, theme.lane_selected);
        }
        if label_w > 0 {
            let (name, mut style) = if lane == 0 {
                (
                    std::borrow::Cow::Borrowed(app.lang().pick("Programme", "Programme")),
                    theme.label,
                )
            } else {
                let name = app
                    .cat()
                    .factories()
                    .get(lane - 1)
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

/// `on time 1, late 3, …` for a plan, from the reports the app computed once.
fn plan_result(app: &App, plan: usize) -> String {
    let lang = app.lang();
    let Some(r) = app
        .timeline()
        .plan_reports()
        .iter()
        .find(|r| r.plan == plan)
    else {
        return String::new();
    };
    let unclear = r
        .answers
        .iter()
        .filter(|a| a.timing == Timing::Unclear)
        .count();
    let mut parts = vec![
        format!("{} {}", r.on_time(), lang.pick("on time", "dans les temps")),
        format!("{} {}", r.late(), lang.pick("late", "en retard")),
    ];
    if unclear > 0 {
        parts.push(format!(
            "{unclear} {}",
            lang.pick("unclear", "incertain(s)")
        ));
    }
    if !r.missing.is_empty() {
        parts.push(format!(
            "{} {}",
            r.missing.len(),
            lang.pick("not yet", "pas encore")
        ));
    }
    parts.join(", ")
}

/// The plan-versus-reality summary of the plans overlapping the range.
fn plan_summary<'a>(app: &App, theme: &Theme, axis: &Axis) -> Vec<Span<'a>> {
    let lang = app.lang();
    let tl = app.tl();
    let mut spans = Vec::new();
    for p in tl.plans() {
        let Some(e) = tl.entry(p) else { continue };
        if !e.overlaps(axis.from, axis.to) {
            continue;
        }
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(
            format!(
                "{} {} {}: ",
                lang.pick("plan", "prévu"),
                e.date().human(lang.is_fr()),
                e.kind().label(lang)
            ),
            theme.plan,
        ));
        spans.push(Span::styled(plan_result(app, p), theme.text));
    }
    spans
}

fn kinds_legend<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let order = [
        Kind::Selection,
        Kind::Call,
        Kind::Policy,
        Kind::Agreement,
        Kind::Procurement,
        Kind::Contract,
        Kind::Installation,
        Kind::Launch,
        Kind::Operation,
        Kind::Other,
    ];
    let mut spans = Vec::new();
    for (i, k) in order.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(glyph(k).to_string(), theme.label));
        spans.push(Span::styled(format!(" {}", k.label(app.lang())), theme.dim));
    }
    spans
}

fn status_legend<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let lang = app.lang();
    let item = |s: &'static str, style: Style| Span::styled(s, style);
    vec![
        item(lang.pick("done", "fait"), theme.done),
        Span::raw(" "),
        item(lang.pick("ongoing", "en cours"), theme.ongoing),
        Span::raw(" "),
        item(lang.pick("upcoming", "à venir"), theme.upcoming),
        Span::raw(" "),
        item(lang.pick("slipped", "retardé"), theme.slipped),
        Span::raw(" "),
        item(lang.pick("plan", "prévu"), theme.plan),
        Span::raw("  "),
        item("?", theme.unconfirmed),
        item(lang.pick(" unconfirmed", " non confirmé"), theme.dim),
        Span::raw("  "),
        Span::styled(BAR.to_string(), theme.label),
        item(lang.pick(" vague date", " date vague"), theme.dim),
        Span::raw("  "),
        Span::styled(PLAN_BAND.to_string(), theme.plan),
        item(lang.pick(" plan window", " fenêtre prévue"), theme.dim),
        Span::raw("  "),
        Span::styled(TODAY_LINE.to_string(), theme.today),
        item(lang.pick(" today", " aujourd'hui"), theme.dim),
        Span::raw("  "),
        Span::styled(format!("{EARLIER}{LATER}"), theme.dim),
        item(lang.pick(" out of range", " hors période"), theme.dim),
    ]
}

/// The chosen milestone in full: (facts line, title and source line).
fn chosen_lines<'a>(
    app: &'a App,
    theme: &Theme,
    k: usize,
) -> Option<(Vec<Span<'a>>, Vec<Span<'a>>)> {
    let tl = app.tl();
    let e = tl.entry(k)?;
    let lang = app.lang();
    let m = tl.milestone(app.cat(), k);
    let status = e.status(app.today());
    let st_style = theme.status(&status);
    let dot = || Span::styled(" · ", theme.dim);
    let who = match e.factory() {
        Some(f) => safe(
            app.cat()
                .factories()
                .get(f)
                .map_or("?", |f| f.name.as_str()),
        ),
        None => std::borrow::Cow::Borrowed(lang.pick("programme", "programme")),
    };
    let mut a = vec![
        Span::styled(e.date().human(lang.is_fr()), theme.label),
        dot(),
        Span::styled(who, theme.text),
        dot(),
        Span::styled(
            format!("{} {}", glyph(e.kind()), e.kind().label(lang)),
            st_style,
        ),
        dot(),
    ];
    let text = status.text(lang, m.first_announced);
    match text.strip_suffix('?') {
        Some(head) => {
            a.push(Span::styled(head.to_string(), st_style));
            a.push(Span::styled("?", theme.unconfirmed));
        }
        None => a.push(Span::styled(text, st_style)),
    }
    // Plan versus reality for this step.
    if let Some(p) = e.answers()
        && let Some(plan) = tl.entry(p)
    {
        a.push(dot());
        let timing = Timing::of(e, plan);
        let style = match timing {
            Timing::OnTime => theme.done,
            Timing::Late { .. } => theme.slipped,
            Timing::Unclear => theme.unconfirmed,
        };
        a.push(Span::styled(timing.text(lang), style));
        a.push(Span::styled(
            format!(
                " ({} {})",
                lang.pick("plan", "prévu"),
                plan.date().human(lang.is_fr())
            ),
            theme.dim,
        ));
    } else if e.planned() && tl.plans().any(|p| p == k) {
        a.push(dot());
        a.push(Span::styled(plan_result(app, k), theme.text));
    }
    let mut b = vec![Span::styled(safe(m.title.get(lang)), theme.text)];
    if let Some(id) = m.sources.first() {
        b.push(Span::styled(" — ", theme.dim));
        match app.cat().source(id) {
            Some(s) => {
                b.push(Span::styled(safe(&s.title), theme.dim));
                b.push(Span::styled(" ", theme.dim));
                b.push(Span::styled(
                    safe(&s.url),
                    theme.dim.add_modifier(Modifier::UNDERLINED),
                ));
            }
            None => b.push(Span::styled(safe(id), theme.dim)),
        }
    }
    Some((a, b))
}

fn draw_info(buf: &mut Buffer, app: &App, theme: &Theme, g: &Geo) {
    if g.info.height == 0 || g.info.width == 0 {
        return;
    }
    let lines: Vec<Vec<Span<'_>>> = match app
        .timeline()
        .cursor()
        .and_then(|k| chosen_lines(app, theme, k))
    {
        Some((a, b)) if g.info.height >= 2 => vec![a, b],
        Some((mut a, b)) => {
            a.push(Span::styled(" · ", theme.dim));
            a.extend(b);
            vec![a]
        }
        None => {
            let mut status = Vec::new();
            if app.timeline().zoom() == Zoom::Year2025 {
                status = plan_summary(app, theme, &g.axis);
                if !status.is_empty() {
                    status.push(Span::raw("   "));
                }
            }
            status.extend(status_legend(app, theme));
            if g.info.height >= 2 {
                vec![kinds_legend(app, theme), status]
            } else {
                vec![status]
            }
        }
    };
    for (i, spans) in lines.iter().enumerate().take(usize::from(g.info.height)) {
        let y = g.info.y + u16::try_from(i).unwrap_or(u16::MAX);
        put_spans(buf, g.info, g.info.x, y, spans, g.info.width);
    }
}
