//! The timeline's keys in the app: walking the milestones and the lanes, the years, the
//! card, the plan view, Enter and Esc, and following the list's results.

use super::timeline::{TimelineState, Zoom};
use super::{Action, App};
use crate::data::Record;
use crate::layout::Pane;

/// The timeline's keys, in the app: walking the milestones, the plan view, Enter and Esc.
impl App {
    /// Rows of the plan view that fit: the timeline pane's inside less the header row.
    pub fn plan_rows_visible(&self) -> usize {
        self.screen()
            .timeline
            .map_or(1, |r| usize::from(r.height.saturating_sub(3)).max(1))
    }

    /// After any action: the timeline's cursor on a drawn milestone or none, and its card
    /// only while the timeline has the focus.
    pub(super) fn after_timeline_change(&mut self) {
        let visible = self.lanes_visible();
        self.timeline.clamp(visible);
        self.timeline.keep_cursor_visible(visible);
        if self.focus != Pane::Timeline || self.timeline.plan_view.is_open() {
            self.timeline.card = None;
        }
    }

    /// The results changed: the factory lanes follow the list (the search and the country
    /// filter), the programme's stays.
    pub(super) fn timeline_follow_results(&mut self) {
        let mut by: Vec<String> = Vec::new();
        let q = self.search.results_query().trim();
        if !q.is_empty() {
            by.push(format!("/{}", crate::text::sanitize(q)));
        }
        if let Some(ci) = self.list.country_filter()
            && let Some(c) = self.cat.countries.get(ci)
        {
            by.push(c.code.to_string());
        }
        let factories = if by.is_empty() {
            (0..self.cat.factories().len())
                .map(|f| u32::try_from(f).unwrap_or(u32::MAX))
                .collect()
        } else {
            let hits = self.search.hits();
            let mut fs: Vec<u32> = self
                .list
                .rows()
                .iter()
                .filter_map(|&h| match hits.get(h)?.record {
                    Record::Factory(f) => u32::try_from(f).ok(),
                    Record::Antenna(_) => None,
                })
                .collect();
            fs.sort_unstable();
            fs.dedup();
            fs
        };
        let filter = (!by.is_empty()).then(|| by.join(" · "));
        self.timeline.set_lanes(factories, filter);
    }

    /// `[` / `]`: the previous / next year by month (from the whole span: the year of today,
    /// within the years there are).
    pub(super) fn step_year(&mut self, forward: bool) {
        let year = match self.timeline.zoom {
            Zoom::Year => self.timeline.year + if forward { 1 } else { -1 },
            Zoom::Full => self.today.year,
        };
        self.timeline.set_year(year);
    }

    /// `--year`: the year the dashboard starts on; an error names the years there are.
    pub fn start_at_year(&mut self, year: i32) -> Result<(), String> {
        let (first, last) = self.timeline.years;
        if year < first || year > last {
            return Err(format!(
                "--year {year}: the timeline covers {first} to {last}"
            ));
        }
        self.timeline.set_year(year);
        Ok(())
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

    /// Esc in the timeline: close the card, else the plan view. Whether it did something.
    pub(super) fn back_in_timeline(&mut self) -> bool {
        if self.focus == Pane::Timeline && self.timeline.close_card() {
            return true;
        }
        if self.timeline.plan_view.is_open() && self.focus == Pane::Timeline {
            self.timeline.plan_view.close();
            return true;
        }
        false
    }

    /// Enter in the timeline: in the plan view, open the chosen row's factory; else open
    /// (or close) the chosen milestone's card.
    pub(super) fn confirm_timeline(&mut self) {
        if !self.timeline.plan_view.is_open() {
            if !self.timeline.close_card() {
                self.timeline.open_card();
            }
        } else {
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
                A::Home => pv.jump_to_end(false, visible),
                A::End => pv.jump_to_end(true, visible),
                _ => {}
            }
            return;
        }
        let lanes = self.lanes_visible();
        let page = isize::try_from(lanes).unwrap_or(isize::MAX);
        let selected = self.network_factory();
        // With the card open, up and down read it; the other keys move and it follows.
        if self.timeline.card.is_some() {
            let step = i32::try_from(lanes).unwrap_or(1);
            let by = match action {
                A::Up => Some(-1),
                A::Down => Some(1),
                A::PageUp => Some(-step),
                A::PageDown => Some(step),
                _ => None,
            };
            if let Some(by) = by {
                self.timeline.scroll_card(by, u16::MAX);
                return;
            }
        }
        let target = match action {
            A::Left | A::Right => {
                self.timeline
                    .walk_lane(matches!(action, A::Right), selected, lanes)
            }
            A::MilestonePrev | A::MilestoneNext => self
                .timeline
                .walk(matches!(action, A::MilestoneNext), false)
                .and_then(|e| Some((e, self.timeline.lane_of(e)?))),
            A::Home | A::End => self
                .timeline
                .walk(matches!(action, A::End), true)
                .and_then(|e| Some((e, self.timeline.lane_of(e)?))),
            A::Up | A::Down => {
                match self.timeline.step_lane(
                    matches!(action, A::Down),
                    selected,
                    lanes,
                    self.today,
                ) {
                    Some(t) => Some(t),
                    // Nothing further that way: the lanes still scroll.
                    None => {
                        let by = if matches!(action, A::Down) { 1 } else { -1 };
                        return self.timeline.scroll_lanes(by, lanes);
                    }
                }
            }
            A::PageUp => return self.timeline.scroll_lanes(-page, lanes),
            A::PageDown => return self.timeline.scroll_lanes(page, lanes),
            _ => return,
        };
        if let Some((e, lane)) = target {
            self.select_milestone_in(e, lane);
        }
    }

    pub(super) fn select_milestone(&mut self, entry: usize) {
        if let Some(lane) = self.timeline.lane_of(entry) {
            self.select_milestone_in(entry, lane);
        }
    }

    /// Choose a milestone drawn in `lane`: its lane comes into view, its factory is selected.
    pub(super) fn select_milestone_in(&mut self, entry: usize, lane: usize) {
        if !self.timeline.choose_in(entry, lane) {
            return;
        }
        // Follow the milestone's factory in the list when it is listed.
        if let Some(f) = self.timeline.lane_factory(lane) {
            self.select_record(Record::Factory(f));
        }
        self.timeline.show_lane(lane, self.lanes_visible());
    }
}
