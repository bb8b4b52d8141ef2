//! Where an entry stands relative to today ([`When`]) and its flags ([`Status`]), with
//! their words in both languages.

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
}

impl Status {
    /// The main word: `done`, `ongoing`, `upcoming`, or for a plan `plan (past)`,
    /// `plan (now)`, `plan`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match (self.planned, self.when) {
            (false, When::Done) => Msg::StatusDone,
            (false, When::Ongoing) => Msg::StatusOngoing,
            (false, When::Upcoming) => Msg::StatusUpcoming,
            (true, When::Done) => Msg::StatusPlanPast,
            (true, When::Ongoing) => Msg::StatusPlanNow,
            (true, When::Upcoming) => Msg::StatusPlan,
        }
        .text(lang)
    }

    /// The full status text: the label, then `slipped (was H1 2025)` when it slipped, then
    /// `unconfirmed ?` or `conflicting ?` when the sources do not confirm it.
    pub fn text(&self, lang: Lang, first_announced: Option<PDate>) -> String {
        let mut s = self.label(lang).to_string();
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
