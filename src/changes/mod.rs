//! What changed between two versions of the data, record by record and field by field.
//!
//! Two ways in, one way of matching records:
//!
//! * [`diff`]: two whole datasets ([`compare`]), with the old and new value of every field,
//!   for `aifactories diff`.
//! * [`seen`]: a dataset against the fingerprints of one seen before ([`Seen`]), which is all
//!   the dashboard keeps between runs; it tells which records and fields changed, not their
//!   old values.
//!
//! Both match records the same way ([`match_by`], [`match_milestones`]): factories, antennas
//! and sources by `id`; milestones by `id` when they have one, else by date, kind and English
//! title, then those left over by kind and title alone (the same milestone, moved). Order is
//! no change. Pure logic over the data: nothing here reads or writes a file.

pub mod diff;
mod fingerprint;
pub mod seen;

use std::collections::HashMap;

pub use diff::{CertaintyChange, Changed, Diff, Entry, FieldChange, Moved, compare, is_plain_list};
pub use seen::{Mark, Seen, SeenDiff};

use crate::data::Milestone;

/// Which records of two lists are the same record, which are only in the old list, which only
/// in the new one.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Matching {
    /// (old index, new index), in the new order.
    pub pairs: Vec<(usize, usize)>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
}

/// Match by a key; where a key is listed more than once, the copies pair in order.
pub fn match_by<'a, T, K>(old: &'a [T], new: &'a [T], key: impl Fn(&'a T) -> K) -> Matching
where
    K: std::hash::Hash + Eq,
{
    let mut by_key: HashMap<K, Vec<usize>, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(new.len(), Default::default());
    for (j, b) in new.iter().enumerate().rev() {
        by_key.entry(key(b)).or_default().push(j);
    }
    let mut taken = vec![false; new.len()];
    let mut m = Matching {
        pairs: Vec::with_capacity(old.len().min(new.len())),
        removed: Vec::new(),
        added: Vec::new(),
    };
    for (i, a) in old.iter().enumerate() {
        match by_key.get_mut(&key(a)).and_then(Vec::pop) {
            Some(j) => {
                taken[j] = true;
                m.pairs.push((i, j));
            }
            None => m.removed.push(i),
        }
    }
    m.added = (0..new.len()).filter(|&j| !taken[j]).collect();
    // In the new order, so that reading the report follows the new file.
    m.pairs.sort_unstable_by_key(|&(_, j)| j);
    m
}

/// Match milestones: by `key` first; then those left over without an id (`has_id` false) by
/// `loose` (kind and title), since the same kind and title at another date is the same
/// milestone, moved.
pub fn match_milestones<'a, T, K, L>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> K,
    loose: impl Fn(&'a T) -> L,
    has_id: impl Fn(&T) -> bool,
) -> Matching
where
    K: std::hash::Hash + Eq,
    L: std::hash::Hash + Eq,
{
    let mut m = match_by(old, new, key);
    let without_id = |list: &[usize], all: &'a [T]| -> Vec<usize> {
        list.iter().copied().filter(|&i| !has_id(&all[i])).collect()
    };
    let (old_loose, new_loose) = (without_id(&m.removed, old), without_id(&m.added, new));
    if old_loose.is_empty() || new_loose.is_empty() {
        return m;
    }
    let o: Vec<&T> = old_loose.iter().map(|&i| &old[i]).collect();
    let n: Vec<&T> = new_loose.iter().map(|&j| &new[j]).collect();
    let again = match_by(&o, &n, |x| loose(x));
    for (i, j) in again.pairs {
        let (i, j) = (old_loose[i], new_loose[j]);
        m.pairs.push((i, j));
        m.removed.retain(|&r| r != i);
        m.added.retain(|&a| a != j);
    }
    m.pairs.sort_unstable_by_key(|&(_, j)| j);
    m
}

/// A milestone's key: its id, else its date, kind and English title.
pub fn milestone_key(m: &Milestone) -> (Option<&str>, String, &'static str, &str) {
    match &m.id {
        Some(id) => (Some(id.as_str()), String::new(), "", ""),
        None => (None, m.date.iso(), m.kind.key(), m.title.en.as_str()),
    }
}

/// How a milestone is named in a report: its id, else `DATE KIND "TITLE"`.
pub fn milestone_label(m: &Milestone) -> String {
    match &m.id {
        Some(id) => id.to_string(),
        None => format!("{} {} {:?}", m.date, m.kind.key(), m.title.en.as_str()),
    }
}

/// For the tests of both ways in: the embedded data, and the same with every list reversed.
#[cfg(test)]
pub(crate) fn embedded_and_reordered() -> (crate::data::Dataset, crate::data::Dataset) {
    let a = crate::data::Catalog::embedded().unwrap().data;
    let mut b = a.clone();
    b.factories.reverse();
    b.antennas.reverse();
    b.milestones.reverse();
    b.sources.reverse();
    for f in &mut b.factories {
        f.milestones.reverse();
        f.sources.reverse();
        f.sectors.reverse();
    }
    (a, b)
}
