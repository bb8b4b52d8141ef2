//! Plan versus reality: how an event answering a plan came ([`Timing`]), where a plan stands
//! ([`PlanStatus`]), what each factory it names did about it ([`Outcome`]), and the report of
//! each plan with its answers and the factories still missing ([`PlanReport`]).

use std::collections::HashMap;

use super::{Entry, Timeline, TimelineQuery};
use crate::data::{Day, Lang};
use crate::i18n::Msg;

/// How an event that answers a plan came compared with the plan's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timing {
    /// It ends before the plan's first day: `months` from the event's last month to the
    /// plan's first month (0 in the same month, for day-precise plans).
    Early { months: u32 },
    /// Its whole span is inside the plan's window (or ends by its last day).
    OnTime,
    /// It starts after the plan's last day: `months` from the plan's last month to the
    /// event's first month (0 when both are in the same month, for day-precise plans).
    Late { months: u32 },
    /// It starts inside the plan's window but ends after it: too vague to tell.
    Unclear,
}

impl Timing {
    /// Classify an event span against a plan span.
    pub fn of(event: &Entry, plan: &Entry) -> Timing {
        if event.end < plan.start {
            let months = plan.start.month_index() - event.end.month_index();
            Timing::Early {
                months: u32::try_from(months).unwrap_or(0),
            }
        } else if event.end <= plan.end {
            Timing::OnTime
        } else if event.start > plan.end {
            let months = event.start.month_index() - plan.end.month_index();
            Timing::Late {
                months: u32::try_from(months).unwrap_or(0),
            }
        } else {
            Timing::Unclear
        }
    }

    /// The word of scripts (JSON, CSV): `early`, `on-time`, `late`, `unclear`.
    pub fn key(self) -> &'static str {
        match self {
            Timing::Early { .. } => "early",
            Timing::OnTime => "on-time",
            Timing::Late { .. } => "late",
            Timing::Unclear => "unclear",
        }
    }

    /// The mark drawn with it, so that it reads without colour: `«` early, `✓` on time,
    /// `!` late, `~` maybe late.
    pub fn mark(self) -> char {
        match self {
            Timing::Early { .. } => '«',
            Timing::OnTime => '✓',
            Timing::Late { .. } => '!',
            Timing::Unclear => '~',
        }
    }

    /// `on time`, `3 months late`, `late` (within the month), `maybe late (vague date)`,
    /// `2 months early`.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Timing::Early { months: 0 } => Msg::TimingEarlySameMonth.text(lang).to_string(),
            Timing::Early { months: 1 } => Msg::TimingEarlyOneMonth.text(lang).to_string(),
            Timing::Early { months } => Msg::TimingEarlyMonths.fill(lang, &[&months.to_string()]),
            Timing::OnTime => Msg::TimingOnTime.text(lang).to_string(),
            Timing::Late { months: 0 } => Msg::TimingLateSameMonth.text(lang).to_string(),
            Timing::Late { months: 1 } => Msg::TimingLateOneMonth.text(lang).to_string(),
            Timing::Late { months } => Msg::TimingLateMonths.fill(lang, &[&months.to_string()]),
            Timing::Unclear => Msg::TimingUnclear.text(lang).to_string(),
        }
    }
}

/// Where a plan stands on a day. A plan is never `done`: it is kept or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlanStatus {
    /// Its window has passed and a factory it names (or, naming none, the plan itself) has
    /// no answering event by today: no news.
    Overdue,
    /// Every factory it names answered by today, at least one after the window.
    Late,
    /// Still to come: its window is not over and not every factory answered yet.
    Open,
    /// Every factory it names answered by today, none after the window.
    Met,
}

impl PlanStatus {
    /// The word of scripts (JSON, CSV): `open`, `met`, `late`, `overdue`.
    pub fn key(self) -> &'static str {
        match self {
            PlanStatus::Open => "open",
            PlanStatus::Met => "met",
            PlanStatus::Late => "late",
            PlanStatus::Overdue => "overdue",
        }
    }

    /// The mark drawn with it: `·` open, `✓` met, `!` late, `✗` overdue.
    pub fn mark(self) -> char {
        match self {
            PlanStatus::Open => '·',
            PlanStatus::Met => '✓',
            PlanStatus::Late => '!',
            PlanStatus::Overdue => '✗',
        }
    }

    /// `open`, `met`, `late`, `overdue`, in the language.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            PlanStatus::Open => Msg::PlanOpen,
            PlanStatus::Met => Msg::PlanMet,
            PlanStatus::Late => Msg::PlanLate,
            PlanStatus::Overdue => Msg::PlanOverdue,
        }
        .text(lang)
    }
}

/// What one factory named by a plan did about it, as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Its first answering event (entry index) and how it came.
    Answered(Answer),
    /// No answering event yet and the window has passed: overdue, no news.
    Overdue,
    /// No answering event yet, the window still open.
    Open,
}

impl Outcome {
    /// Sort key, the most pressing first: overdue, late (most months first), unclear, open,
    /// early, on time.
    pub fn urgency(self) -> (u8, u32) {
        match self {
            Outcome::Overdue => (0, 0),
            Outcome::Answered(Answer {
                timing: Timing::Late { months },
                ..
            }) => (1, u32::MAX - months),
            Outcome::Answered(Answer {
                timing: Timing::Unclear,
                ..
            }) => (2, 0),
            Outcome::Open => (3, 0),
            Outcome::Answered(_) => (4, 0),
        }
    }
}

/// How the factories a plan names stand on a day, counted by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub early: usize,
    pub on_time: usize,
    pub late: usize,
    pub unclear: usize,
    pub overdue: usize,
    pub open: usize,
}

impl Tally {
    /// `1 on time, 4 late, 3 overdue`: the counts that are not zero.
    pub fn text(&self, lang: Lang) -> String {
        [
            (self.early, Msg::CountEarly),
            (self.on_time, Msg::CountOnTime),
            (self.late, Msg::CountLate),
            (self.unclear, Msg::CountUnclear),
            (self.overdue, Msg::CountOverdue),
            (self.open, Msg::CountOpen),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, m)| m.fill(lang, &[&n.to_string()]))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// One event answering a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// Entry index of the event.
    pub entry: usize,
    pub timing: Timing,
}

/// A plan and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReport {
    /// Entry index of the plan.
    pub plan: usize,
    /// Events answering it, in date order.
    pub answers: Vec<Answer>,
    /// Factories the plan names that no event answers yet (factory indices, file order).
    pub missing: Vec<usize>,
}

impl PlanReport {
    pub fn on_time(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| a.timing == Timing::OnTime)
            .count()
    }
    pub fn late(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| matches!(a.timing, Timing::Late { .. }))
            .count()
    }
}

impl Timeline {
    /// The answering events of plan entry `p` (entry indices, date order); empty when `p`
    /// is not a plan with an id.
    pub fn answers_of(&self, p: usize) -> &[u32] {
        match self.plan_slot.get(p) {
            Some(&k) if k != super::entry::NONE => &self.plan_answers[k as usize],
            _ => &[],
        }
    }

    /// What factory `f` did about plan entry `p` by `today`: its first answering event that
    /// has started by then, else overdue or open by the plan's window.
    pub fn outcome(&self, p: usize, f: usize, today: Day) -> Outcome {
        let Some(plan) = self.entries.get(p) else {
            return Outcome::Open;
        };
        let answer = self
            .answers_of(p)
            .iter()
            .map(|&a| a as usize)
            .find(|&a| self.entries[a].factory() == Some(f) && self.entries[a].start <= today);
        match answer {
            Some(a) => Outcome::Answered(Answer {
                entry: a,
                timing: Timing::of(&self.entries[a], plan),
            }),
            None if plan.end < today => Outcome::Overdue,
            None => Outcome::Open,
        }
    }

    /// Each factory's first answer to plan entry `p` that has started by `today`, with its
    /// timing: one pass over the answers, so that a plan naming 100,000 factories costs as
    /// much as its answers.
    fn first_answers(&self, p: usize, today: Day) -> HashMap<usize, Answer> {
        let mut first = HashMap::new();
        let Some(plan) = self.entries.get(p) else {
            return first;
        };
        for &a in self.answers_of(p) {
            let e = &self.entries[a as usize];
            if let Some(f) = e.factory()
                && e.start <= today
            {
                first.entry(f).or_insert(Answer {
                    entry: a as usize,
                    timing: Timing::of(e, plan),
                });
            }
        }
        first
    }

    /// Every factory plan entry `p` names with its outcome on `today` (see
    /// [`Timeline::outcome`]), in file order.
    pub fn outcomes(&self, p: usize, today: Day) -> Vec<(usize, Outcome)> {
        let Some(plan) = self.entries.get(p) else {
            return Vec::new();
        };
        let first = self.first_answers(p, today);
        self.concerned(p)
            .map(|f| {
                let o = match first.get(&f) {
                    Some(&a) => Outcome::Answered(a),
                    None if plan.end < today => Outcome::Overdue,
                    None => Outcome::Open,
                };
                (f, o)
            })
            .collect()
    }

    /// The factories plan entry `p` names, counted by their outcome on `today`.
    pub fn tally(&self, p: usize, today: Day) -> Tally {
        let mut t = Tally::default();
        for (_, o) in self.outcomes(p, today) {
            match o {
                Outcome::Overdue => t.overdue += 1,
                Outcome::Open => t.open += 1,
                Outcome::Answered(a) => match a.timing {
                    Timing::Early { .. } => t.early += 1,
                    Timing::OnTime => t.on_time += 1,
                    Timing::Late { .. } => t.late += 1,
                    Timing::Unclear => t.unclear += 1,
                },
            }
        }
        t
    }

    /// Where plan entry `p` stands on `today`; `None` when the entry is not a plan. A plan
    /// naming factories is judged by each of them ([`Timeline::outcome`]); one naming none
    /// (a factory's own plan is named by its factory) by whether anything answered it.
    pub fn plan_status(&self, p: usize, today: Day) -> Option<PlanStatus> {
        let plan = self.entries.get(p).filter(|e| e.planned)?;
        let (missing, any_late) = if self.concerned(p).next().is_some() {
            let t = self.tally(p, today);
            (t.overdue + t.open > 0, t.late > 0)
        } else {
            let mut started = self
                .answers_of(p)
                .iter()
                .map(|&a| &self.entries[a as usize])
                .filter(|e| e.start <= today)
                .peekable();
            let missing = started.peek().is_none();
            (
                missing,
                started.any(|e| matches!(Timing::of(e, plan), Timing::Late { .. })),
            )
        };
        Some(match (missing, any_late) {
            (true, _) if plan.end < today => PlanStatus::Overdue,
            (true, _) => PlanStatus::Open,
            (false, true) => PlanStatus::Late,
            (false, false) => PlanStatus::Met,
        })
    }

    /// Entry indices of the plans (planned milestones with an id), in date order.
    pub fn plans(&self) -> impl Iterator<Item = usize> + '_ {
        self.plans.iter().map(|&i| i as usize)
    }

    /// Plan versus reality for the plans relevant to a query.
    ///
    /// A plan is reported when its window overlaps the query's dates or one of its answers
    /// does. With a factory, only plans that name that factory or that it answered are
    /// reported, and only its answers are listed. Answers are listed whatever their date (a
    /// late answer in 2026 to a 2025 plan is the point), and the kind filter is ignored.
    pub fn plan_report(&self, q: &TimelineQuery) -> Vec<PlanReport> {
        let mut reports = Vec::new();
        for (k, &p) in self.plans.iter().enumerate() {
            let p = p as usize;
            let plan = &self.entries[p];
            let answers: Vec<usize> = self.plan_answers[k]
                .iter()
                .map(|&a| a as usize)
                .filter(|&a| {
                    q.factory
                        .is_none_or(|f| self.entries[a].factory() == Some(f))
                })
                .collect();
            let named: Vec<usize> = self.concerned(p).collect();
            if let Some(f) = q.factory
                && answers.is_empty()
                && !named.contains(&f)
            {
                continue;
            }
            let relevant =
                q.in_range(plan) || answers.iter().any(|&a| q.in_range(&self.entries[a]));
            if !relevant {
                continue;
            }
            let missing = named
                .into_iter()
                .filter(|&f| q.factory.is_none_or(|qf| qf == f))
                .filter(|&f| {
                    !answers
                        .iter()
                        .any(|&a| self.entries[a].factory() == Some(f))
                })
                .collect();
            reports.push(PlanReport {
                plan: p,
                answers: answers
                    .into_iter()
                    .map(|a| Answer {
                        entry: a,
                        timing: Timing::of(&self.entries[a], plan),
                    })
                    .collect(),
                missing,
            });
        }
        reports
    }
}
