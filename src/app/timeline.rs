//! The timeline pane's state: the zoom, the chosen milestone and the first lane shown, with
//! the timeline itself and what is derived from the data once (the zoomed-out range, the plan
//! reports).

use super::plan::PlanView;
use super::{Action, App};
use crate::data::{Catalog, Day, Record};
use crate::layout::Pane;
use crate::timeline::{PlanReport, PlanStatus, Tally, Timeline, TimelineQuery, Timing};

/// Timeline zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// The 2025 procurement year, by month.
    Year2025,
    /// From the first selection to the last planned step, by quarter.
    Full,
}

pub struct TimelineState {
    timeline: Timeline,
    zoom: Zoom,
    /// Timeline entry under the cursor.
    cursor: Option<usize>,
    /// First lane shown (0 = programme, 1 + i = factory i).
    lane_offset: usize,
    lane_count: usize,
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
    plan_view: PlanView,
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
        TimelineState {
            plan_view: PlanView::default(),
            plan_status,
            tallies,
            timeline,
            zoom: Zoom::Year2025,
            cursor: None,
            lane_offset: 0,
            lane_count: cat.factories().len() + 1,
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

    /// The chosen milestone (a timeline entry).
    pub fn cursor(&self) -> Option<usize> {
        self.cursor
    }

    pub fn lane_offset(&self) -> usize {
        self.lane_offset
    }

    /// Lanes: the programme, then one per factory.
    pub fn lane_count(&self) -> usize {
        self.lane_count
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
            Zoom::Year2025 => (day(2025, 1, 1), day(2025, 12, 31)),
            Zoom::Full => self.full_range,
        }
    }

    /// Entries in range, in date order: what left and right walk through.
    pub fn entries(&self) -> Vec<usize> {
        let (from, to) = self.range();
        self.timeline.query(&TimelineQuery {
            from: Some(from),
            to: Some(to),
            ..TimelineQuery::default()
        })
    }

    /// The lane of an entry: 0 for the programme, 1 + factory index.
    pub fn lane_of(&self, entry: usize) -> usize {
        self.timeline
            .entry(entry)
            .and_then(|e| e.factory())
            .map_or(0, |f| f + 1)
    }

    pub(super) fn toggle_zoom(&mut self) {
        self.zoom = match self.zoom {
            Zoom::Year2025 => Zoom::Full,
            Zoom::Full => Zoom::Year2025,
        };
        // A cursor outside the new range would point at nothing visible.
        if let Some(c) = self.cursor
            && !self.entries().contains(&c)
        {
            self.cursor = None;
        }
    }

    /// Choose an entry; false if there is no such entry.
    pub(super) fn choose(&mut self, entry: usize) -> bool {
        if self.timeline.entry(entry).is_none() {
            return false;
        }
        self.cursor = Some(entry);
        true
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

    /// Scroll the lanes by `by` (negative: up), `visible` lanes fitting at once.
    pub(super) fn scroll_lanes(&mut self, by: isize, visible: usize) {
        self.lane_offset = self.lane_offset.saturating_add_signed(by);
        self.clamp(visible);
    }

    pub(super) fn reset_lanes(&mut self) {
        self.lane_offset = 0;
    }

    /// Bring `lane` into view.
    pub(super) fn show_lane(&mut self, lane: usize, visible: usize) {
        if lane < self.lane_offset {
            self.lane_offset = lane;
        } else if lane >= self.lane_offset + visible {
            self.lane_offset = lane + 1 - visible;
        }
        self.clamp(visible);
    }

    fn clamp(&mut self, visible: usize) {
        self.lane_offset = self
            .lane_offset
            .min(self.lane_count.saturating_sub(visible));
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

fn day(year: i32, month: u8, day: u8) -> Day {
    Day { year, month, day }
}

/// The timeline's keys, in the app: walking the milestones, the plan view, Enter and Esc.
impl App {
    /// Rows of the plan view that fit: the timeline pane's inside less the header row.
    pub fn plan_rows_visible(&self) -> usize {
        self.screen()
            .timeline
            .map_or(1, |r| usize::from(r.height.saturating_sub(3)).max(1))
    }

    /// `p`: the plan view in the timeline's place, or the timeline back.
    pub(super) fn toggle_plan_view(&mut self) {
        let today = self.today;
        let TimelineState {
            timeline,
            plan_view,
            ..
        } = &mut self.timeline;
        plan_view.toggle(timeline, today);
        if plan_view.is_open() {
            self.set_focus(Pane::Timeline);
        }
    }

    /// Esc in the timeline: close the plan view. Whether it did something.
    pub(super) fn back_in_timeline(&mut self) -> bool {
        if self.timeline.plan_view.is_open() && self.focus == Pane::Timeline {
            self.timeline.plan_view.close();
            return true;
        }
        false
    }

    /// Enter in the timeline: in the plan view, open the chosen row's factory.
    pub(super) fn confirm_timeline(&mut self) {
        if self.timeline.plan_view.is_open() {
            if let Some(f) = self.timeline.plan_view.selected_factory() {
                self.select_record(Record::Factory(f));
                if self.selected_record() == Some(Record::Factory(f)) {
                    self.set_focus(Pane::Detail);
                } else {
                    self.status = Some(crate::i18n::Msg::NotListed.text(self.lang).to_string());
                }
            }
        }
    }

    pub(super) fn scroll_timeline(&mut self, down: bool) {
        let by = if down { 1 } else { -1 };
        if self.timeline.plan_view.is_open() {
            let visible = self.plan_rows_visible();
            self.timeline.plan_view.scroll(by * 3, visible);
        } else {
            let lanes = self.lanes_visible();
            self.timeline.scroll_lanes(by, lanes);
        }
    }

    pub(super) fn navigate_timeline(&mut self, action: &Action) {
        use Action as A;
        if self.timeline.plan_view.is_open() {
            let visible = self.plan_rows_visible();
            let page = isize::try_from(visible).unwrap_or(isize::MAX);
            let pv = &mut self.timeline.plan_view;
            match action {
                A::Up => pv.move_by(-1, visible),
                A::Down => pv.move_by(1, visible),
                A::PageUp => pv.move_by(-page, visible),
                A::PageDown => pv.move_by(page, visible),
                A::Home => pv.to_end(false, visible),
                A::End => pv.to_end(true, visible),
                _ => {}
            }
            return;
        }
        let lanes = self.lanes_visible();
        let page = isize::try_from(lanes).unwrap_or(isize::MAX);
        let (forward, to_end) = match action {
            A::Left => (false, false),
            A::Right => (true, false),
            A::Home => (false, true),
            A::End => (true, true),
            A::Up => return self.timeline.scroll_lanes(-1, lanes),
            A::Down => return self.timeline.scroll_lanes(1, lanes),
            A::PageUp => return self.timeline.scroll_lanes(-page, lanes),
            A::PageDown => return self.timeline.scroll_lanes(page, lanes),
            _ => return,
        };
        if let Some(e) = self.timeline.walk(forward, to_end) {
            self.select_milestone(e);
        }
    }

    pub(super) fn select_milestone(&mut self, entry: usize) {
        if !self.timeline.choose(entry) {
            return;
        }
        let lane = self.timeline.lane_of(entry);
        // Follow the milestone's factory in the list when it is listed.
        if lane > 0 {
            self.select_record(Record::Factory(lane - 1));
        }
        self.timeline.show_lane(lane, self.lanes_visible());
    }
}
