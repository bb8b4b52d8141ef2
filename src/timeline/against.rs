//! The plan-against-reality rows: every plan (programme-wide and each factory's own), and for
//! the factories it names, what they did about it on a day ([`PlanRows`]), the most pressing
//! first. What the `p` view of the dashboard lists.
//!
//! A factory that answered has a row of its own (its event and its lateness); the factories
//! of one plan with no answer share one row (`overdue, no news: A, B, C`), so that a plan
//! naming a hundred factories does not bury the late ones.

use std::ops::Range;

use super::entry::NONE;
use super::{Answer, Outcome, PlanStatus, Timeline, Timing};
use crate::data::Day;

/// One plan and the factories (one, several, or none for a plan that names none) that stand
/// the same way about it. Kept to 20 bytes: at 100,000 factories there are some 300,000.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanRow {
    /// Entry index of the plan.
    plan: u32,
    /// Range of the factories in [`PlanRows::factories`].
    members: (u32, u32),
    /// The answering event's entry index, `NONE` without one.
    answer: u32,
    /// The outcome: its kind in the low byte (see [`PlanRow::new`]), months above.
    tag: u32,
}

impl PlanRow {
    fn new(plan: u32, members: (u32, u32), outcome: Outcome) -> PlanRow {
        let (answer, tag) = match outcome {
            Outcome::Overdue => (NONE, 0),
            Outcome::Open => (NONE, 1),
            Outcome::Answered(a) => {
                let entry = u32::try_from(a.entry).unwrap_or(NONE);
                let months = |m: u32| m.min(u32::MAX >> 8) << 8;
                let tag = match a.timing {
                    Timing::Early { months: m } => 2 | months(m),
                    Timing::OnTime => 3,
                    Timing::Late { months: m } => 4 | months(m),
                    Timing::Unclear => 5,
                };
                (entry, tag)
            }
        };
        PlanRow {
            plan,
            members,
            answer,
            tag,
        }
    }

    pub fn plan(&self) -> usize {
        self.plan as usize
    }

    /// How the row's factories stand.
    pub fn outcome(&self) -> Outcome {
        let months = self.tag >> 8;
        let timing = match self.tag & 0xff {
            0 => return Outcome::Overdue,
            1 => return Outcome::Open,
            2 => Timing::Early { months },
            3 => Timing::OnTime,
            4 => Timing::Late { months },
            _ => Timing::Unclear,
        };
        Outcome::Answered(Answer {
            entry: self.answer as usize,
            timing,
        })
    }

    /// The answering event, when there is one.
    pub fn answer(&self) -> Option<Answer> {
        match self.outcome() {
            Outcome::Answered(a) => Some(a),
            _ => None,
        }
    }

    fn range(&self) -> Range<usize> {
        self.members.0 as usize..self.members.1 as usize
    }
}

/// The rows and the factory lists they point into.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanRows {
    pub rows: Vec<PlanRow>,
    members: Vec<u32>,
}

impl PlanRows {
    /// The factories of a row (factory indices, file order); empty for a plan naming none.
    pub fn factories(&self, row: &PlanRow) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.members
            .get(row.range())
            .unwrap_or(&[])
            .iter()
            .map(|&f| f as usize)
    }
}

/// Late or overdue: listed first.
fn pressing_outcome(o: &Outcome) -> bool {
    o.urgency().0 <= 1
}

impl Timeline {
    /// Every plan's rows on `today`. The overdue and late rows come first, then the others;
    /// in each part, plan by plan in date order, and inside a plan the most pressing first
    /// (see [`Outcome::urgency`]: overdue, then the latest), then in file order.
    ///
    /// One pass over each plan's answers with a table indexed by factory (reset after each
    /// plan), so that 100,000 factories cost a few passes over half a million entries.
    pub fn plan_rows(&self, today: Day) -> PlanRows {
        let n_factories = self.by_factory_off.len().saturating_sub(1);
        let mut first: Vec<u32> = vec![NONE; n_factories];
        let mut members: Vec<u32> = Vec::new();
        // Rows go straight to their part, plan by plan, so nothing is sorted but the late
        // answers of one plan.
        // At most a row per factory named and one per plan: reserved once, so that the
        // rows are never copied to grow (pages reserved but not used cost nothing).
        let bound = self
            .planned
            .iter()
            .map(|&p| {
                let e = &self.entries[p as usize];
                1 + usize::from(e.factory().is_some()) + (e.concerns.1 - e.concerns.0) as usize
            })
            .sum::<usize>();
        let (mut pressing, mut rest): (Vec<PlanRow>, Vec<PlanRow>) =
            (Vec::with_capacity(bound), Vec::with_capacity(bound));
        members.reserve(bound);
        let mut late: Vec<PlanRow> = Vec::new();
        let mut kept: Vec<PlanRow> = Vec::new();
        let mut unclear: Vec<PlanRow> = Vec::new();
        let mut overdue: Vec<u32> = Vec::new();
        let mut open: Vec<u32> = Vec::new();
        for &pu in &self.planned {
            let p = pu as usize;
            let plan = &self.entries[p];
            let answers = self.answers_of(p);
            for &a in answers {
                let e = &self.entries[a as usize];
                if let Some(f) = e.factory()
                    && e.start <= today
                    && first[f] == NONE
                {
                    first[f] = a;
                }
            }
            let answer = |a: u32| Answer {
                entry: a as usize,
                timing: Timing::of(&self.entries[a as usize], plan),
            };
            let mut named = false;
            for f in self.concerned(p) {
                named = true;
                if first[f] != NONE {
                    let lo = members.len() as u32;
                    members.push(f as u32);
                    let a = answer(first[f]);
                    let row = PlanRow::new(pu, (lo, lo + 1), Outcome::Answered(a));
                    match a.timing {
                        Timing::Late { .. } => late.push(row),
                        Timing::Unclear => unclear.push(row),
                        Timing::Early { .. } | Timing::OnTime => kept.push(row),
                    }
                } else if plan.end < today {
                    overdue.push(f as u32);
                } else {
                    open.push(f as u32);
                }
            }
            let mut shared = |list: &mut Vec<u32>, outcome: Outcome| -> Option<PlanRow> {
                if list.is_empty() {
                    return None;
                }
                let lo = members.len() as u32;
                members.append(list);
                Some(PlanRow::new(pu, (lo, members.len() as u32), outcome))
            };
            // Inside a plan: overdue, late (the latest first), maybe late, open, kept.
            pressing.extend(shared(&mut overdue, Outcome::Overdue));
            late.sort_unstable_by_key(|r| (r.outcome().urgency(), r.members.0));
            pressing.append(&mut late);
            rest.append(&mut unclear);
            rest.extend(shared(&mut open, Outcome::Open));
            rest.append(&mut kept);
            if !named {
                // Names no factory: judged by its first answer as a whole.
                let a = answers
                    .iter()
                    .copied()
                    .find(|&a| self.entries[a as usize].start <= today);
                let outcome = match (self.plan_status(p, today), a) {
                    (Some(PlanStatus::Overdue), _) | (_, None) if plan.end < today => {
                        Outcome::Overdue
                    }
                    (_, Some(a)) => Outcome::Answered(answer(a)),
                    _ => Outcome::Open,
                };
                let lo = members.len() as u32;
                let row = PlanRow::new(pu, (lo, lo), outcome);
                if pressing_outcome(&outcome) {
                    pressing.push(row);
                } else {
                    rest.push(row);
                }
            }
            for &a in answers {
                if let Some(f) = self.entries[a as usize].factory() {
                    first[f] = NONE;
                }
            }
        }
        pressing.append(&mut rest);
        PlanRows {
            rows: pressing,
            members,
        }
    }
}
