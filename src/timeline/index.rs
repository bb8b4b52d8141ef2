//! The [`Timeline`] itself: every entry of a catalog in date order with its indexes (per
//! factory, plans and their answers), built once, and the lookups by entry index.

use std::collections::HashMap;

use super::entry::NONE;
use super::{Entry, Origin, Status};
use crate::data::{Catalog, Day, Kind, Milestone, PDate};

/// Every milestone of a catalog in date order, with indexes for cheap queries. Owns no
/// text: build it once next to the [`Catalog`] it came from and pass that catalog to the
/// few methods that need text.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    pub(super) entries: Vec<Entry>,
    /// Factory indices named by programme milestones (ranges in `Entry::concerns`).
    pub(super) concerns: Vec<u32>,
    /// Per factory, its entry indices in date order (CSR: `by_factory[off[f]..off[f + 1]]`),
    /// including the programme milestones that name it.
    pub(super) by_factory_off: Vec<u32>,
    pub(super) by_factory: Vec<u32>,
    /// Entry indices of the plans that have an id, in date order, with their answers.
    pub(super) plans: Vec<u32>,
    pub(super) plan_answers: Vec<Vec<u32>>,
    /// Entry indices of every planned milestone (with an id or not), in date order.
    pub(super) planned: Vec<u32>,
    /// Per entry, its index in `plans` (`NONE` when it is not a plan with an id): the answers
    /// of a plan without a search.
    pub(super) plan_slot: Vec<u32>,
    pub(super) span: Option<(Day, Day)>,
}

impl Timeline {
    /// Flatten and index every milestone of the catalog.
    pub fn new(cat: &Catalog) -> Timeline {
        let data = &cat.data;
        let n_factories = data.factories.len();
        let mut concerns: Vec<u32> = Vec::new();
        let mut entries: Vec<Entry> = Vec::with_capacity(cat.milestone_count());
        let make = |m: &Milestone, factory: u32, milestone: usize, concerns: (u32, u32)| {
            let slipped = m
                .first_announced
                .is_some_and(|fa| fa.is_valid() && m.date.end() > fa.end());
            Entry {
                date: m.date,
                start: m.date.start(),
                end: m.date.end(),
                kind: m.kind,
                certainty: m.certainty,
                planned: m.planned,
                slipped,
                factory,
                milestone: to_u32(milestone),
                answers: NONE,
                concerns,
            }
        };
        for (i, m) in data.milestones.iter().enumerate() {
            let lo = to_u32(concerns.len());
            let mut named: Vec<u32> = m
                .factories
                .iter()
                .filter_map(|id| cat.factory_index(id))
                .map(to_u32)
                .collect();
            // A factory named twice must still appear once in its own list.
            named.sort_unstable();
            named.dedup();
            concerns.extend(named);
            entries.push(make(m, NONE, i, (lo, to_u32(concerns.len()))));
        }
        for (fi, f) in data.factories.iter().enumerate() {
            for (mi, m) in f.milestones.iter().enumerate() {
                entries.push(make(m, to_u32(fi), mi, (0, 0)));
            }
        }
        // Stable: equal dates keep the dataset order.
        entries.sort_by(|a, b| {
            (a.start, a.end, a.date.precision()).cmp(&(b.start, b.end, b.date.precision()))
        });

        let mut tl = Timeline {
            entries,
            concerns,
            ..Timeline::default()
        };

        // Plans by id, then each answer linked to its plan.
        let mut plan_ids: HashMap<&str, usize> = HashMap::new();
        for (i, e) in tl.entries.iter().enumerate() {
            if e.planned
                && let Some(id) = &tl.milestone(cat, i).id
            {
                plan_ids.insert(id.as_str(), tl.plans.len());
                tl.plans.push(to_u32(i));
            }
        }
        tl.plan_answers = vec![Vec::new(); tl.plans.len()];
        tl.plan_slot = vec![NONE; tl.entries.len()];
        for (k, &p) in tl.plans.iter().enumerate() {
            tl.plan_slot[p as usize] = to_u32(k);
        }
        tl.planned = (0..tl.entries.len())
            .filter(|&i| tl.entries[i].planned)
            .map(to_u32)
            .collect();
        for i in 0..tl.entries.len() {
            let target = tl
                .milestone(cat, i)
                .answers
                .as_deref()
                .and_then(|a| plan_ids.get(a).copied());
            if let Some(p) = target {
                tl.entries[i].answers = tl.plans[p];
                tl.plan_answers[p].push(to_u32(i));
            }
        }

        // Per-factory index, counting sort style: sizes, offsets, then fill in date order.
        let mut off = vec![0u32; n_factories + 1];
        for i in 0..tl.entries.len() {
            for f in tl.concerned(i) {
                off[f + 1] += 1;
            }
        }
        for f in 0..n_factories {
            off[f + 1] += off[f];
        }
        let mut fill = off.clone();
        let mut flat = vec![0u32; off[n_factories] as usize];
        for i in 0..tl.entries.len() {
            for f in tl.concerned(i) {
                flat[fill[f] as usize] = to_u32(i);
                fill[f] += 1;
            }
        }
        tl.by_factory_off = off;
        tl.by_factory = flat;

        tl.span = compute_span(cat, &tl.entries);
        tl
    }

    /// All entries, in date order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// The milestone behind entry `i`, in the catalog the timeline was built from.
    ///
    /// # Panics
    /// If `i` is out of range or `cat` is not the catalog the timeline was built from.
    pub fn milestone<'c>(&self, cat: &'c Catalog, i: usize) -> &'c Milestone {
        let e = &self.entries[i];
        match e.origin() {
            Origin::Programme(m) => &cat.data.milestones[m],
            Origin::Factory { factory, milestone } => {
                &cat.data.factories[factory].milestones[milestone]
            }
        }
    }

    /// Status of entry `i` relative to `today`, with a plan's standing; `None` if out of
    /// range.
    pub fn status(&self, i: usize, today: Day) -> Option<Status> {
        let mut st = self.entries.get(i)?.status(today);
        st.plan = self.plan_status(i, today);
        Some(st)
    }

    /// The factories entry `i` concerns: its owner, or the factories a programme milestone
    /// names (none for programme-wide steps).
    pub fn concerned(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let e = self.entries.get(i);
        let owner = e.and_then(Entry::factory);
        let (lo, hi) = e.map_or((0, 0), |e| e.concerns);
        owner.into_iter().chain(
            self.concerns[lo as usize..hi as usize]
                .iter()
                .map(|&f| f as usize),
        )
    }

    /// Entry indices of a factory, in date order: its own milestones and the programme
    /// milestones naming it. Empty for an unknown index.
    pub fn for_factory(&self, factory: usize) -> &[u32] {
        match (
            self.by_factory_off.get(factory),
            self.by_factory_off.get(factory + 1),
        ) {
            (Some(&lo), Some(&hi)) => &self.by_factory[lo as usize..hi as usize],
            _ => &[],
        }
    }

    /// The span worth showing zoomed out: from the first selection (or the first milestone
    /// when there is no selection) to the last planned start of operation or the end of the
    /// last milestone, whichever is later. `None` when there is nothing dated.
    pub fn span(&self) -> Option<(Day, Day)> {
        self.span
    }
}

fn to_u32(i: usize) -> u32 {
    // Indices above u32::MAX would need 4 billion milestones; saturate rather than wrap.
    u32::try_from(i).unwrap_or(NONE - 1)
}

fn compute_span(cat: &Catalog, entries: &[Entry]) -> Option<(Day, Day)> {
    let first_selection = entries
        .iter()
        .filter(|e| e.kind == Kind::Selection)
        .map(|e| e.start)
        .chain(
            cat.data
                .factories
                .iter()
                .filter(|f| f.selected.is_valid())
                .map(|f| f.selected.start()),
        )
        .min();
    let first = first_selection.or_else(|| entries.first().map(|e| e.start))?;
    let last_operation = cat
        .data
        .factories
        .iter()
        .filter_map(|f| f.system.operation)
        .filter(PDate::is_valid)
        .map(|d| d.end())
        .max();
    let last_milestone = entries.iter().map(|e| e.end).max();
    let last = last_operation.max(last_milestone)?;
    Some((first, last.max(first)))
}
