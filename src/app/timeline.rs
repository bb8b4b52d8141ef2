//! The timeline pane's state: the zoom, the chosen milestone and the first lane shown, with
//! the timeline itself and what is derived from the data once (the zoomed-out range, the plan
//! reports).

use super::plan::PlanView;
use crate::data::{Catalog, Day};
use crate::timeline::{PlanReport, PlanStatus, Tally, Timeline, TimelineQuery, Timing};

/// Timeline zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// One year by month ([`TimelineState::year`]; the 2025 procurement year at first).
    Year,
    /// From the first selection to the last planned step, by quarter.
    Full,
}

pub struct TimelineState {
    pub(super) timeline: Timeline,
    pub(super) zoom: Zoom,
    /// The year shown by month, and the years `[` and `]` reach: from 2024 to the last year
    /// with a milestone.
    pub(super) year: i32,
    pub(super) years: (i32, i32),
    /// Timeline entry under the cursor.
    cursor: Option<usize>,
    /// The lane the cursor is in: a programme selection is drawn in the lanes of the factories
    /// it names too, and walking one of them must stay there.
    cursor_lane: usize,
    /// The chosen milestone's card is open, scrolled by this many lines.
    pub(super) card: Option<u16>,
    /// The programme's own entries (date order), for its lane.
    programme: Vec<u32>,
    /// First factory lane shown under the pinned programme lane (lane 0 is the programme,
    /// lane `1 + i` the factory `lanes[i]`), so at least 1.
    lane_offset: usize,
    /// The factories that have a lane, in file order: those the list shows (the search and
    /// the country filter), all of them without a filter.
    lanes: Vec<u32>,
    /// Per factory, its lane, 0 when it has none.
    lane_by_factory: Vec<u32>,
    /// What the lanes are filtered by (`/energy · ES`), when they are.
    filter: Option<String>,
    /// The zoomed-out range, computed once.
    full_range: (Day, Day),
    /// Plan against reality for every announced plan, computed once (it depends on the data
    /// only), for the summary line.
    plan_reports: Vec<PlanReport>,
    /// Each entry's plan status on the app's today (`None` for events), computed once: a
    /// programme plan's status looks at every factory it names.
    plan_status: Vec<Option<PlanStatus>>,
    /// Each plan with an id (entry index) and its factories counted by outcome, computed once.
    tallies: Vec<(usize, Tally)>,
    /// The plan-against-reality view, shown in the timeline's place.
    pub(super) plan_view: PlanView,
}

impl TimelineState {
    pub fn new(cat: &Catalog, today: Day) -> TimelineState {
        let timeline = Timeline::new(cat);
        let plan_reports = timeline.plan_report(&TimelineQuery::all());
        let plan_status = (0..timeline.len())
            .map(|i| timeline.plan_status(i, today))
            .collect();
        let tallies = timeline
            .plans()
            .map(|p| (p, timeline.tally(p, today)))
            .collect();
        let programme = (0..timeline.len())
            .filter(|&i| timeline.entry(i).is_some_and(|e| e.factory().is_none()))
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        let last_year = timeline
            .entries()
            .iter()
            .map(|e| e.end().year)
            .max()
            .unwrap_or(2025)
            .max(FIRST_YEAR);
        TimelineState {
            plan_view: PlanView::default(),
            plan_status,
            tallies,
            timeline,
            zoom: Zoom::Year,
            year: FIRST_YEAR.max(2025).min(last_year),
            years: (FIRST_YEAR, last_year),
            cursor: None,
            cursor_lane: 0,
            card: None,
            programme,
            lane_offset: 1,
            lanes: (0..cat.factories().len())
                .map(|f| u32::try_from(f).unwrap_or(u32::MAX))
                .collect(),
            lane_by_factory: (1..=cat.factories().len())
                .map(|l| u32::try_from(l).unwrap_or(u32::MAX))
                .collect(),
            filter: None,
            full_range: full_range(cat),
            plan_reports,
        }
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The plan-against-reality view (`p`).
    pub fn plan_view(&self) -> &PlanView {
        &self.plan_view
    }

    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// The year shown by month.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The first and last year `[` and `]` reach.
    pub fn years(&self) -> (i32, i32) {
        self.years
    }

    /// Show `year` by month, within the years there are.
    pub(super) fn set_year(&mut self, year: i32) {
        self.year = year.clamp(self.years.0, self.years.1);
        self.zoom = Zoom::Year;
        self.drop_cursor_outside();
    }

    /// The chosen milestone (a timeline entry).
    pub fn cursor(&self) -> Option<usize> {
        self.cursor
    }

    /// The lane the cursor is in (meaningful with a cursor).
    pub fn cursor_lane(&self) -> usize {
        self.cursor_lane
    }

    /// The card's scroll when the chosen milestone's card is open.
    pub fn card(&self) -> Option<u16> {
        self.card
    }

    /// The entries of a lane in range, date order: the programme's own in lane 0; a factory's
    /// own and the programme's selection that named it in lane `1 + f` (what the lanes draw).
    pub fn lane_entries(&self, lane: usize) -> Vec<usize> {
        let (from, to) = self.range();
        let in_range = |i: &usize| {
            self.timeline
                .entry(*i)
                .is_some_and(|e| e.overlaps(from, to))
        };
        if lane == 0 {
            return self
                .programme
                .iter()
                .map(|&i| i as usize)
                .filter(in_range)
                .collect();
        }
        let Some(f) = self.lane_factory(lane) else {
            return Vec::new();
        };
        self.timeline
            .for_factory(f)
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| {
                self.timeline.entry(i).is_some_and(|e| {
                    e.factory() == Some(f)
                        || (e.factory().is_none() && e.kind() == crate::data::Kind::Selection)
                })
            })
            .filter(in_range)
            .collect()
    }

    pub fn lane_offset(&self) -> usize {
        self.lane_offset
    }

    /// Lanes: the programme, then one per factory shown.
    pub fn lane_count(&self) -> usize {
        1 + self.lanes.len()
    }

    /// The factory of a lane; `None` for the programme's (or past the last).
    pub fn lane_factory(&self, lane: usize) -> Option<usize> {
        lane.checked_sub(1)
            .and_then(|i| self.lanes.get(i))
            .map(|&f| f as usize)
    }

    /// The lane of a factory, when it has one.
    pub fn factory_lane(&self, f: usize) -> Option<usize> {
        self.lane_by_factory
            .get(f)
            .filter(|&&l| l > 0)
            .map(|&l| l as usize)
    }

    /// What the lanes are filtered by, when they are.
    pub fn filter(&self) -> Option<&str> {
        self.filter.as_deref()
    }

    /// The lanes drawn, top to bottom, when `visible` rows fit: the programme's, pinned, then
    /// the factory lanes from the offset.
    pub fn shown_lanes(&self, visible: usize) -> impl Iterator<Item = usize> + '_ {
        let first = (visible > 0).then_some(0);
        let rest = visible.saturating_sub(1);
        first
            .into_iter()
            .chain((self.lane_offset.max(1)..self.lane_count()).take(rest))
    }

    /// Whether `lane` is drawn when `visible` rows fit.
    pub fn lane_shown(&self, lane: usize, visible: usize) -> bool {
        visible > 0
            && lane < self.lane_count()
            && (lane == 0
                || (lane >= self.lane_offset
                    && lane < self.lane_offset + visible.saturating_sub(1)))
    }

    /// Give lanes to these factories (file order) only; `filter` says by what, `None` for all.
    pub(super) fn set_lanes(&mut self, factories: Vec<u32>, filter: Option<String>) {
        for &f in &self.lanes {
            if let Some(l) = self.lane_by_factory.get_mut(f as usize) {
                *l = 0;
            }
        }
        for (i, &f) in factories.iter().enumerate() {
            if let Some(l) = self.lane_by_factory.get_mut(f as usize) {
                *l = u32::try_from(i + 1).unwrap_or(u32::MAX);
            }
        }
        self.lanes = factories;
        self.filter = filter;
        self.reset_lanes();
    }

    pub fn plan_reports(&self) -> &[PlanReport] {
        &self.plan_reports
    }

    /// Where plan entry `i` stands on the app's today; `None` for an event.
    pub fn plan_status(&self, i: usize) -> Option<PlanStatus> {
        self.plan_status.get(i).copied().flatten()
    }

    /// The factories plan entry `p` names, counted by outcome on the app's today (plans with
    /// an id only).
    pub fn tally(&self, p: usize) -> Option<Tally> {
        self.tallies.iter().find(|(q, _)| *q == p).map(|(_, t)| *t)
    }

    /// How event entry `i` answered its plan; `None` when it answers none.
    pub fn timing(&self, i: usize) -> Option<Timing> {
        let e = self.timeline.entry(i)?;
        let plan = self.timeline.entry(e.answers()?)?;
        Some(Timing::of(e, plan))
    }

    /// The range of days shown at the current zoom.
    pub fn range(&self) -> (Day, Day) {
        match self.zoom {
            Zoom::Year => (day(self.year, 1, 1), day(self.year, 12, 31)),
            Zoom::Full => self.full_range,
        }
    }

    /// Entries in range with a lane, in date order: what `H` and `L` walk through.
    pub fn entries(&self) -> Vec<usize> {
        let (from, to) = self.range();
        let mut out = self.timeline.query(&TimelineQuery {
            from: Some(from),
            to: Some(to),
            ..TimelineQuery::default()
        });
        if self.filter.is_some() {
            out.retain(|&e| self.lane_of(e).is_some());
        }
        out
    }

    /// The lane of an entry: 0 for the programme's, its factory's lane, `None` when its
    /// factory has none (filtered out).
    pub fn lane_of(&self, entry: usize) -> Option<usize> {
        match self.timeline.entry(entry)?.factory() {
            None => Some(0),
            Some(f) => self.factory_lane(f),
        }
    }

    pub(super) fn toggle_zoom(&mut self) {
        self.zoom = match self.zoom {
            Zoom::Year => Zoom::Full,
            Zoom::Full => Zoom::Year,
        };
        self.drop_cursor_outside();
    }

    /// A cursor outside the range would point at nothing visible.
    fn drop_cursor_outside(&mut self) {
        let (from, to) = self.range();
        if let Some(c) = self.cursor
            && !self.timeline.entry(c).is_some_and(|e| e.overlaps(from, to))
        {
            self.cursor = None;
        }
    }

    /// Choose an entry drawn in `lane`.
    pub(super) fn choose_in(&mut self, entry: usize, lane: usize) -> bool {
        if self.timeline.entry(entry).is_none() {
            return false;
        }
        self.cursor = Some(entry);
        self.cursor_lane = lane;
        true
    }

    /// The lane that left, right and the lane keys start from: the cursor's, else the
    /// selected factory's when it is in view, else the first lane shown.
    fn current_lane(&self, selected: Option<usize>, visible: usize) -> usize {
        if self.cursor.is_some() {
            return self.cursor_lane;
        }
        match selected.and_then(|f| self.factory_lane(f)) {
            Some(l) if self.lane_shown(l, visible) => l,
            _ if self.lane_shown(self.lane_offset, visible) => self.lane_offset,
            _ => 0,
        }
    }

    /// Left and right: the previous or next milestone of the current lane (its last or first
    /// without a cursor); with nothing in that lane, of all lanes.
    pub(super) fn walk_lane(
        &self,
        forward: bool,
        selected: Option<usize>,
        visible: usize,
    ) -> Option<(usize, usize)> {
        let lane = self.current_lane(selected, visible);
        let entries = self.lane_entries(lane);
        if entries.is_empty() {
            return self
                .walk(forward, false)
                .and_then(|e| Some((e, self.lane_of(e)?)));
        }
        let last = entries.len() - 1;
        let pos = self
            .cursor
            .filter(|_| self.cursor_lane == lane)
            .and_then(|c| entries.iter().position(|&e| e == c));
        let next = match (forward, pos) {
            (true, None) => 0,
            (false, None) => last,
            (true, Some(p)) => (p + 1).min(last),
            (false, Some(p)) => p.saturating_sub(1),
        };
        Some((entries[next], lane))
    }

    /// Up and down: the nearest lane above or below with milestones in range, and its
    /// milestone nearest in time to the cursor's (to today without a cursor).
    pub(super) fn step_lane(
        &self,
        down: bool,
        selected: Option<usize>,
        visible: usize,
        today: Day,
    ) -> Option<(usize, usize)> {
        let here = self.current_lane(selected, visible);
        let reference = self
            .cursor
            .and_then(|c| self.timeline.entry(c))
            .map_or(today, |e| e.start());
        let key = |d: Day| i64::from(d.year) * 372 + i64::from(d.month) * 31 + i64::from(d.day);
        let lanes: Box<dyn Iterator<Item = usize>> = if down {
            Box::new(here + 1..self.lane_count())
        } else {
            Box::new((0..here).rev())
        };
        for lane in lanes {
            let entries = self.lane_entries(lane);
            if let Some(&best) = entries.iter().min_by_key(|&&i| {
                self.timeline
                    .entry(i)
                    .map_or(i64::MAX, |e| (key(e.start()) - key(reference)).abs())
            }) {
                return Some((best, lane));
            }
        }
        None
    }

    /// The cursor stays on a milestone that is drawn, or goes: its lane in view, its date in
    /// range. The card goes with it.
    pub(super) fn keep_cursor_visible(&mut self, visible: usize) {
        if let Some(c) = self.cursor {
            let (from, to) = self.range();
            let shown = self.lane_shown(self.cursor_lane, visible)
                && self.timeline.entry(c).is_some_and(|e| e.overlaps(from, to))
                && self.lane_entries(self.cursor_lane).contains(&c);
            if !shown {
                self.cursor = None;
            }
        }
        if self.cursor.is_none() {
            self.card = None;
        }
    }

    pub(super) fn open_card(&mut self) {
        if self.cursor.is_some() {
            self.card = Some(0);
        }
    }

    pub(super) fn close_card(&mut self) -> bool {
        self.card.take().is_some()
    }

    /// Scroll the card by `by` lines (negative: up), at most to `max`.
    pub(super) fn scroll_card(&mut self, by: i32, max: u16) {
        if let Some(s) = &mut self.card {
            let next = i32::from(*s).saturating_add(by).clamp(0, i32::from(max));
            *s = u16::try_from(next).unwrap_or(0);
        }
    }

    /// The entry `step` places from the cursor among those in range (the first or last with
    /// no cursor); `to_end`: the first (false) or last (true) one.
    pub(super) fn walk(&self, forward: bool, to_end: bool) -> Option<usize> {
        let entries = self.entries();
        let last = entries.len().checked_sub(1)?;
        let pos = self
            .cursor
            .and_then(|c| entries.iter().position(|&e| e == c));
        let next = match (to_end, forward, pos) {
            (true, false, _) => 0,
            (true, true, _) => last,
            (false, true, None) => 0,
            (false, false, None) => last,
            (false, true, Some(p)) => (p + 1).min(last),
            (false, false, Some(p)) => p.saturating_sub(1),
        };
        Some(entries[next])
    }

    /// Scroll the factory lanes by `by` (negative: up), `visible` lanes fitting at once (the
    /// programme's among them).
    pub(super) fn scroll_lanes(&mut self, by: isize, visible: usize) {
        self.lane_offset = self.lane_offset.saturating_add_signed(by);
        self.clamp(visible);
    }

    /// The first factory lane first (0 when there is none, so that the offset stays a lane).
    pub(super) fn reset_lanes(&mut self) {
        self.lane_offset = 1.min(self.lanes.len());
    }

    /// Bring `lane` into view (the programme's always is).
    pub(super) fn show_lane(&mut self, lane: usize, visible: usize) {
        let rows = visible.saturating_sub(1).max(1);
        if lane == 0 {
            return;
        }
        if lane < self.lane_offset {
            self.lane_offset = lane;
        } else if lane >= self.lane_offset + rows {
            self.lane_offset = lane + 1 - rows;
        }
        self.clamp(visible);
    }

    /// Bring factory `f`'s lane into view, when it has one.
    pub(super) fn show_factory(&mut self, f: usize, visible: usize) {
        if let Some(l) = self.factory_lane(f) {
            self.show_lane(l, visible);
        }
    }

    /// Keep the offset where the lanes fill the rows (the pane may have grown since).
    pub(super) fn clamp(&mut self, visible: usize) {
        let rows = visible.saturating_sub(1).max(1);
        self.lane_offset = self
            .lane_offset
            .min(self.lane_count().saturating_sub(rows))
            .max(1)
            .min(self.lanes.len());
    }
}

/// The zoomed-out range: from the quarter of the first selection to the end of the quarter of
/// the last planned start of operation, the span in which the machines are procured and
/// switched on. (Later steps, such as end-of-life dates, show as `›`.)
fn full_range(cat: &Catalog) -> (Day, Day) {
    let first = cat.factories().iter().map(|f| f.selected.start()).min();
    let last = cat
        .factories()
        .iter()
        .filter_map(|f| f.system.operation.map(|d| d.end()))
        .chain(cat.factories().iter().map(|f| f.selected.end()))
        .max();
    let (s, e) = match (first, last) {
        (Some(s), Some(e)) => (s, e),
        _ => (day(2024, 10, 1), day(2027, 12, 31)),
    };
    let qs = (s.month - 1) / 3 * 3 + 1;
    let qe = (e.month - 1) / 3 * 3 + 3;
    (
        day(s.year, qs, 1),
        day(e.year, qe, crate::data::date::days_in_month(e.year, qe)),
    )
}

/// The first year `[` reaches: the programme's first calls.
const FIRST_YEAR: i32 = 2024;

fn day(year: i32, month: u8, day: u8) -> Day {
    Day { year, month, day }
}
