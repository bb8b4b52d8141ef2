//! Where an entry stands relative to today ([`When`]) and its flags ([`Status`]), with
//! their words in both languages.

use super::PlanStatus;
use crate::data::{Certainty, Lang, PDate};
use crate::i18n::Msg;

/// Where a span stands relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum When {
    /// The span's last day is today or earlier.
    Done,
    /// Today is inside the span, before its last day.
    Ongoing,
    /// The span starts after today.
    Upcoming,
}

impl When {
    pub fn key(self) -> &'static str {
        match self {
            When::Done => "done",
            When::Ongoing => "ongoing",
            When::Upcoming => "upcoming",
        }
    }
}

/// The status of an entry: the calendar position plus flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Status {
    pub when: When,
    /// Later than first announced.
    pub slipped: bool,
    /// An announced plan, not an event.
    pub planned: bool,
    /// A confirmed event: certainty `Confirmed` and not a plan.
    pub confirmed: bool,
    pub certainty: Certainty,
    /// For a plan, where it stands (from [`Timeline::status`](super::Timeline::status),
    /// which knows its answers; `None` from [`Entry::status`](super::Entry::status)).
    pub plan: Option<PlanStatus>,
}

impl Status {
    /// The main word: `done`, `ongoing`, `upcoming`, or for a plan `plan, open`, `plan,
    /// met`, `plan, late`, `plan, overdue` (a plan is never done), `plan` when its status
    /// is not known.
    pub fn label(&self, lang: Lang) -> String {
        match (self.planned, self.plan, self.when) {
            (false, _, When::Done) => Msg::StatusDone.text(lang).to_string(),
            (false, _, When::Ongoing) => Msg::StatusOngoing.text(lang).to_string(),
            (false, _, When::Upcoming) => Msg::StatusUpcoming.text(lang).to_string(),
            (true, Some(ps), _) => Msg::StatusPlanIs.fill(lang, &[ps.text(lang)]),
            (true, None, _) => Msg::StatusPlan.text(lang).to_string(),
        }
    }

    /// The word of scripts: `done`, `ongoing`, `upcoming`, or for a plan `open`, `met`,
    /// `late`, `overdue` (`open` when its status is not known).
    pub fn key(&self) -> &'static str {
        match (self.planned, self.plan) {
            (false, _) => self.when.key(),
            (true, ps) => ps.unwrap_or(PlanStatus::Open).key(),
        }
    }

    /// The full status text: the label, then `slipped (was H1 2025)` when it slipped, then
    /// `unconfirmed ?` or `conflicting ?` when the sources do not confirm it.
    pub fn text(&self, lang: Lang, first_announced: Option<PDate>) -> String {
        let mut s = self.label(lang);
        if self.slipped {
            let was = first_announced.map(|d| d.human(lang.is_fr()));
            match was {
                Some(w) => s.push_str(&Msg::SlippedWas.fill(lang, &[&w])),
                None => s.push_str(Msg::Slipped.text(lang)),
            }
        }
        match self.certainty {
            Certainty::Confirmed => {}
            Certainty::Unconfirmed => s.push_str(Msg::StatusUnconfirmed.text(lang)),
            Certainty::Conflicting => s.push_str(Msg::StatusConflicting.text(lang)),
        }
        s
    }
}
