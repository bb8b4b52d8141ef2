//! The timeline: every milestone of the dataset (programme-wide and per factory), flattened
//! once into entries in date order, with their status relative to a given "today", queries
//! by date range, factory and kind, and the plan-versus-reality report of the 2025
//! procurement year. Pure logic over a [`Catalog`]; nothing here knows about the terminal.
//!
//! # Order
//!
//! Entries are sorted by [`PDate`]'s order: by first day, then by last day, then the more
//! precise first. A half-year is a span from its first to its last day, so `H1 2025` sorts
//! with the 1st of January 2025, before `12 Mar 2025`. Ties keep the dataset order
//! (programme milestones first, then factories in file order).
//!
//! # Status rules (relative to `today`)
//!
//! * [`When::Done`]: the span's last day is today or earlier (`end <= today`). A day
//!   milestone dated today is done; `July 2025` is done from 31 July 2025; `H1 2025` from
//!   30 June 2025; `end 2025` and `2025` from 31 December 2025.
//! * [`When::Upcoming`]: the span's first day is after today (`today < start`).
//! * [`When::Ongoing`]: otherwise (`start <= today < end`), which only happens for spans
//!   longer than a day, e.g. `Q3 2025` on 15 August 2025.
//! * `slipped`: the milestone has a `first_announced` date and its current span ends later
//!   than that first span (`date.end() > first_announced.end()`): a move to a later date.
//!   Refining a date inside the announced window (`2025-H1` to `2025-03`) is not a slip.
//! * `planned`: an announced plan or expectation, not an event.
//! * `confirmed`: certainty is `Confirmed` and it is not a plan. Plans are never confirmed
//!   events, whatever their certainty.
//!
//! A milestone can be done and slipped and unconfirmed at once: [`Status`] keeps the main
//! calendar status and the flags apart so that the UI can show both.
//!
//! # Plan versus reality
//!
//! A plan is a milestone with `planned: true` and an `id`; events answer it with
//! `answers: Some(id)`. An answering event is [`Timing::Early`] when it ends before the
//! plan's first day, [`Timing::OnTime`] when its whole span ends by the plan's last day, [`Timing::Late`] when it starts after the plan's last day (by the
//! months between the plan's last month and the event's first month, so "at least N months"
//! for vague dates), and [`Timing::Unclear`] when it is too vague to say (it starts inside
//! the plan's window but ends after it, e.g. `2025` answering `2025-H1`).
//!
//! A plan is never done: [`PlanStatus`] says where it stands on a day. For each factory it
//! names (a factory's own plan names its factory), the first answering event that has
//! started by today is its [`Outcome`]; with none, the factory is overdue once the window has
//! passed (no news), else open. The plan is overdue when one factory is, open when one is
//! still open, else late when one answer was late, else met. A plan naming no factory is
//! judged the same way by its answers as a whole.
//!
//! # Files
//!
//! * `entry`: an [`Entry`] (one milestone, flattened) and its [`Origin`] in the dataset.
//! * `status`: [`When`] and [`Status`], an entry's position relative to today.
//!
//! [`Catalog`]: crate::data::Catalog
//! [`PDate`]: crate::data::PDate
//! * `index`: the [`Timeline`] itself, built once from a catalog, and its lookups.
//! * `query`: [`TimelineQuery`] and [`Timeline::query`].
//! * `plan`: plan versus reality: [`Timing`], [`PlanStatus`], [`Outcome`], [`PlanReport`],
//!   [`Timeline::plan_report`].
//! * `against`: the rows of the plan-against-reality view, [`PlanRow`].

mod against;
mod entry;
#[cfg(test)]
pub(crate) mod fixture;
mod index;
mod plan;
mod query;
mod status;
#[cfg(test)]
mod tests;

pub use against::{PlanRow, PlanRows};
pub use entry::{Entry, Origin};
pub use index::Timeline;
pub use plan::{Answer, Outcome, PlanReport, PlanStatus, Tally, Timing};
pub use query::TimelineQuery;
pub use status::{Status, When};

use crate::data::Lang;

/// Human name of a month: `July 2025` / `juillet 2025`.
pub fn month_name(year: i32, month: u8, lang: Lang) -> String {
    format!("{} {year}", crate::data::date::month_name(month, lang))
}
