//! Where an entry stands relative to today ([`When`]) and its flags ([`Status`]), with
//! their words in both languages.

use crate::data::{Certainty, Lang, PDate};

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
        match (self.planned, self.when, lang) {
            (false, When::Done, Lang::En) => "done",
            (false, When::Done, Lang::Fr) => "fait",
            (false, When::Ongoing, Lang::En) => "ongoing",
            (false, When::Ongoing, Lang::Fr) => "en cours",
            (false, When::Upcoming, Lang::En) => "upcoming",
            (false, When::Upcoming, Lang::Fr) => "à venir",
            (true, When::Done, Lang::En) => "plan (past)",
            (true, When::Done, Lang::Fr) => "prévu (passé)",
            (true, When::Ongoing, Lang::En) => "plan (now)",
            (true, When::Ongoing, Lang::Fr) => "prévu (en cours)",
            (true, When::Upcoming, Lang::En) => "plan",
            (true, When::Upcoming, Lang::Fr) => "prévu",
        }
    }

    /// The full status text: the label, then `slipped (was H1 2025)` when it slipped, then
    /// `unconfirmed ?` or `conflicting ?` when the sources do not confirm it.
    pub fn text(&self, lang: Lang, first_announced: Option<PDate>) -> String {
        let mut s = self.label(lang).to_string();
        if self.slipped {
            let was = first_announced.map(|d| d.human(lang.is_fr()));
            match (lang, was) {
                (Lang::En, Some(w)) => s.push_str(&format!(", slipped (was {w})")),
                (Lang::Fr, Some(w)) => s.push_str(&format!(", retardé (annoncé {w})")),
                (Lang::En, None) => s.push_str(", slipped"),
                (Lang::Fr, None) => s.push_str(", retardé"),
            }
        }
        match (self.certainty, lang) {
            (Certainty::Confirmed, _) => {}
            (Certainty::Unconfirmed, Lang::En) => s.push_str(", unconfirmed ?"),
            (Certainty::Unconfirmed, Lang::Fr) => s.push_str(", non confirmé ?"),
            (Certainty::Conflicting, Lang::En) => s.push_str(", conflicting ?"),
            (Certainty::Conflicting, Lang::Fr) => s.push_str(", sources divergentes ?"),
        }
        s
    }
}
