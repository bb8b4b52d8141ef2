//! A selection of entries by dates, factory and kind ([`TimelineQuery`]), and running it
//! over a [`Timeline`] with the indexes it keeps.

use std::ops::Range;

use super::{Entry, Timeline};
use crate::data::{Day, Kind, PDate};

/// A selection of entries. Every filter is optional; they combine (all must hold).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimelineQuery {
    /// Keep entries whose span ends on or after this day.
    pub from: Option<Day>,
    /// Keep entries whose span starts on or before this day.
    pub to: Option<Day>,
    /// Keep this factory's milestones and the programme milestones that name it.
    pub factory: Option<usize>,
    pub kind: Option<Kind>,
}

impl TimelineQuery {
    /// Everything.
    pub fn all() -> TimelineQuery {
        TimelineQuery::default()
    }

    /// Entries whose span overlaps the year.
    pub fn year(year: i32) -> TimelineQuery {
        TimelineQuery {
            from: Some(Day {
                year,
                month: 1,
                day: 1,
            }),
            to: Some(Day {
                year,
                month: 12,
                day: 31,
            }),
            ..TimelineQuery::default()
        }
    }

    /// Entries whose span overlaps `from`'s first day to `to`'s last day, at any precision:
    /// `range(2025-H1, 2025-Q3)` is 1 January to 30 September 2025.
    pub fn range(from: Option<PDate>, to: Option<PDate>) -> TimelineQuery {
        TimelineQuery {
            from: from.map(|d| d.start()),
            to: to.map(|d| d.end()),
            ..TimelineQuery::default()
        }
    }

    pub fn with_factory(mut self, factory: usize) -> TimelineQuery {
        self.factory = Some(factory);
        self
    }

    pub fn with_kind(mut self, kind: Kind) -> TimelineQuery {
        self.kind = Some(kind);
        self
    }

    /// Whether the date filters alone keep the entry.
    pub(super) fn in_range(&self, e: &Entry) -> bool {
        self.from.is_none_or(|f| e.end >= f) && self.to.is_none_or(|t| e.start <= t)
    }
}

impl Timeline {
    /// Entry indices matching the query, in date order: from the factory's own list when
    /// the query names one, else from the entries its dates can reach.
    pub fn query(&self, q: &TimelineQuery) -> Vec<usize> {
        let keep = |e: &Entry| q.in_range(e) && q.kind.is_none_or(|k| e.kind == k);
        // Two loops and `extend`: over 500,000 entries, one loop over a chain of both sources
        // took 1.19 ms, two loops with `collect` 0.37 ms, these 0.26 ms (`cargo bench --bench
        // timeline`, "query all").
        let mut out = Vec::new();
        match q.factory {
            Some(f) => out.extend(
                self.for_factory(f)
                    .iter()
                    .map(|&i| i as usize)
                    .filter(|&i| keep(&self.entries[i])),
            ),
            None => out.extend(
                self.candidates(q.from, q.to)
                    .filter(|&i| keep(&self.entries[i])),
            ),
        }
        out
    }

    /// The slice of entries that can overlap `from..=to`. Spans are at most a year long, so
    /// an entry ending on or after `from` starts at most a year before it; that bound and
    /// the sort by start give a binary search on both sides.
    fn candidates(&self, from: Option<Day>, to: Option<Day>) -> Range<usize> {
        let lo = from.map_or(0, |f| {
            let bound = Day {
                year: f.year - 1,
                month: f.month,
                day: 1,
            };
            self.entries.partition_point(|e| e.start < bound)
        });
        let hi = to.map_or(self.entries.len(), |t| {
            self.entries.partition_point(|e| e.start <= t)
        });
        lo..hi.max(lo)
    }
}
