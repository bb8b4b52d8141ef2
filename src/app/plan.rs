//! The plan-against-reality view's state (`p`): open or not, its rows (made the first time it
//! opens: they depend on the data and today only), the chosen row and the first row shown.

use crate::data::Day;
use crate::timeline::{Outcome, PlanRow, PlanRows, Timeline};

#[derive(Debug, Default)]
pub struct PlanView {
    open: bool,
    rows: Option<PlanRows>,
    counts: PlanCounts,
    selected: usize,
    offset: usize,
}

/// How many rows are overdue and late, for the title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanCounts {
    pub overdue: usize,
    pub late: usize,
}

impl PlanView {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The rows, the most pressing first (empty before the view first opens).
    pub fn rows(&self) -> &[PlanRow] {
        self.rows.as_ref().map_or(&[], |r| r.rows.as_slice())
    }

    /// The factories of a row (factory indices, file order).
    pub fn factories<'a>(&'a self, row: &PlanRow) -> Vec<usize> {
        self.rows
            .as_ref()
            .map_or_else(Vec::new, |r: &'a PlanRows| r.factories(row).collect())
    }

    /// Each row's factory count, without copying them.
    pub fn factory_count(&self, row: &PlanRow) -> usize {
        self.rows.as_ref().map_or(0, |r| r.factories(row).len())
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Factories (or plans naming none) overdue and late, for the title.
    pub fn counts(&self) -> PlanCounts {
        self.counts
    }

    fn count(&self) -> PlanCounts {
        let mut c = PlanCounts::default();
        for r in self.rows() {
            let n = self.factory_count(r).max(1);
            match r.outcome().urgency().0 {
                0 => c.overdue += n,
                1 => c.late += n,
                _ => {}
            }
        }
        c
    }

    pub(super) fn toggle(&mut self, tl: &Timeline, today: Day) {
        self.open = !self.open;
        if self.open && self.rows.is_none() {
            self.rows = Some(tl.plan_rows(today));
            self.counts = self.count();
        }
    }

    pub(super) fn close(&mut self) {
        self.open = false;
    }

    /// Move the chosen row by `by` (negative: up), `visible` rows fitting at once.
    pub(super) fn move_by(&mut self, by: isize, visible: usize) {
        let last = self.rows().len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(by).min(last);
        self.scroll_into_view(visible);
    }

    pub(super) fn jump_to_end(&mut self, end: bool, visible: usize) {
        self.selected = if end {
            self.rows().len().saturating_sub(1)
        } else {
            0
        };
        self.scroll_into_view(visible);
    }

    /// Scroll by `by` rows without moving the choice out of view.
    pub(super) fn scroll(&mut self, by: isize, visible: usize) {
        let max = self.rows().len().saturating_sub(visible.max(1));
        self.offset = self.offset.saturating_add_signed(by).min(max);
        let visible = visible.max(1);
        self.selected = self
            .selected
            .clamp(self.offset, self.offset + visible - 1)
            .min(self.rows().len().saturating_sub(1));
    }

    pub(super) fn scroll_into_view(&mut self, visible: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        let max = self.rows().len().saturating_sub(visible);
        self.offset = self.offset.min(max);
    }

    /// The (first) factory of the chosen row, when it has one.
    pub fn selected_factory(&self) -> Option<usize> {
        let row = self.rows().get(self.selected)?;
        self.rows.as_ref()?.factories(row).next()
    }

    /// Whether the chosen row is a plan with no news past its window.
    pub fn selected_overdue(&self) -> bool {
        self.rows()
            .get(self.selected)
            .is_some_and(|r| r.outcome() == Outcome::Overdue)
    }
}
