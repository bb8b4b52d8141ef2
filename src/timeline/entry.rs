//! One milestone on the timeline, flattened: its dates, kind, flags and where it lives in
//! the dataset ([`Origin`]), with its status relative to a day.

use super::status::{Status, When};
use crate::data::{Certainty, Day, Kind, PDate, Precision};

/// Where an entry's milestone lives in the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// `Dataset.milestones[i]`.
    Programme(usize),
    /// `Dataset.factories[factory].milestones[milestone]`.
    Factory { factory: usize, milestone: usize },
}

/// One milestone on the timeline. The text (title, sources) stays in the catalog: use
/// [`Timeline::milestone`](super::Timeline::milestone) to reach it without copying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub(super) date: PDate,
    pub(super) start: Day,
    pub(super) end: Day,
    pub(super) kind: Kind,
    pub(super) certainty: Certainty,
    pub(super) planned: bool,
    pub(super) slipped: bool,
    /// Factory index, `u32::MAX` for the programme (kept small: 100k factories means
    /// half a million entries).
    pub(super) factory: u32,
    /// Milestone index inside its list.
    pub(super) milestone: u32,
    /// Entry index of the plan this event answers, `u32::MAX` for none.
    pub(super) answers: u32,
    /// Range in `Timeline::concerns` of the factories a programme milestone names.
    pub(super) concerns: (u32, u32),
}

pub(super) const NONE: u32 = u32::MAX;

impl Entry {
    pub fn date(&self) -> PDate {
        self.date
    }
    /// First day of the span.
    pub fn start(&self) -> Day {
        self.start
    }
    /// Last day of the span.
    pub fn end(&self) -> Day {
        self.end
    }
    pub fn precision(&self) -> Precision {
        self.date.precision()
    }
    pub fn kind(&self) -> Kind {
        self.kind
    }
    pub fn certainty(&self) -> Certainty {
        self.certainty
    }
    pub fn planned(&self) -> bool {
        self.planned
    }
    pub fn slipped(&self) -> bool {
        self.slipped
    }
    /// The owning factory's index, or `None` for a programme milestone.
    pub fn factory(&self) -> Option<usize> {
        (self.factory != NONE).then_some(self.factory as usize)
    }
    pub fn origin(&self) -> Origin {
        match self.factory() {
            Some(factory) => Origin::Factory {
                factory,
                milestone: self.milestone as usize,
            },
            None => Origin::Programme(self.milestone as usize),
        }
    }
    /// Entry index of the plan this event answers.
    pub fn answers(&self) -> Option<usize> {
        (self.answers != NONE).then_some(self.answers as usize)
    }
    /// Whether the span shares at least one day with `from..=to`.
    pub fn overlaps(&self, from: Day, to: Day) -> bool {
        self.start <= to && self.end >= from
    }
    /// Status relative to `today` (see the module documentation for the rules), without a
    /// plan's standing, which needs its answers: see [`Timeline::status`](super::Timeline::status).
    pub fn status(&self, today: Day) -> Status {
        let when = if today < self.start {
            When::Upcoming
        } else if self.end <= today {
            When::Done
        } else {
            When::Ongoing
        };
        Status {
            when,
            slipped: self.slipped,
            planned: self.planned,
            confirmed: self.certainty.is_confirmed() && !self.planned,
            certainty: self.certainty,
            plan: None,
        }
    }
}
