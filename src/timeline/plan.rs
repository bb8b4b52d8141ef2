//! Plan versus reality: how an event answering a plan came ([`Timing`]), and the report of
//! each plan with its answers and the factories still missing ([`PlanReport`]).

use super::{Entry, Timeline, TimelineQuery};
use crate::data::Lang;
use crate::i18n::Msg;

/// How an event that answers a plan came compared with the plan's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timing {
    /// Its whole span ends by the plan's last day.
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
        if event.end <= plan.end {
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

    /// `on time`, `3 months late`, `late` (within the month), `maybe late (vague date)`.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Timing::OnTime => Msg::TimingOnTime.text(lang).to_string(),
            Timing::Late { months: 0 } => Msg::TimingLateSameMonth.text(lang).to_string(),
            Timing::Late { months: 1 } => Msg::TimingLateOneMonth.text(lang).to_string(),
            Timing::Late { months } => Msg::TimingLateMonths.fill(lang, &[&months.to_string()]),
            Timing::Unclear => Msg::TimingUnclear.text(lang).to_string(),
        }
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
