//! The results list's state: which results pass the country filter, in which order (the sort
//! key), the selection and the scroll offset; or, in the "for me" view, the ranking for the
//! user's country and sectors.
//!
//! One ranking rule for free text and filters: where the record stands for the country the
//! results are about (`country:` in the query, or the map's country filter) first, hosted
//! there before partner of; then the search's score (best match first); ties by name.

use crate::data::{Catalog, IStr, Lang, Record};
use crate::i18n::Msg;
use crate::matching::{Profile, Ranked};
use crate::search::Match;
use crate::text::fold;

/// What the list is sorted by (`s` cycles through them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Relevance,
    Name,
    Country,
    Wave,
    Selected,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Relevance => SortKey::Name,
            SortKey::Name => SortKey::Country,
            SortKey::Country => SortKey::Wave,
            SortKey::Wave => SortKey::Selected,
            SortKey::Selected => SortKey::Relevance,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SortKey::Relevance => Msg::SortRelevance,
            SortKey::Name => Msg::SortName,
            SortKey::Country => Msg::SortCountry,
            SortKey::Wave => Msg::SortWave,
            SortKey::Selected => Msg::SortSelected,
        }
        .text(lang)
    }
}

/// The "for me" view: the user's profile and the ranking it gives.
#[derive(Debug, Clone)]
pub struct ForMe {
    pub profile: Profile,
    pub ranked: Vec<Ranked>,
    /// The country has no factory, partner or antenna: every factory, as open to all.
    pub fallback: bool,
}

/// Rows of the list taken by its header row, for a list body `height` rows high.
pub fn header_rows(height: u16) -> u16 {
    u16::from(height >= 2)
}

#[derive(Debug, Default)]
pub struct ListState {
    /// Indexes into the search hits that pass the country filter (or into the "for me"
    /// ranking), in the order shown.
    rows: Vec<usize>,
    /// Country index the list is filtered by (Enter on the map).
    country_filter: Option<usize>,
    selected: usize,
    offset: usize,
    sort: SortKey,
    /// Each record's position in name order (factories, then antennas); built when first
    /// needed.
    name_rank: Vec<u32>,
    for_me: Option<ForMe>,
}

/// The country a query's `country:` filter names exactly (code or name), if any.
fn query_country(cat: &Catalog, query: &str) -> Option<IStr> {
    let mut rest = query;
    while let Some(i) = rest.to_ascii_lowercase().find("country:") {
        let after = &rest[i + 8..];
        let value = match after.strip_prefix('"') {
            Some(q) => q.split('"').next().unwrap_or_default(),
            None => after.split_whitespace().next().unwrap_or_default(),
        };
        if let Ok(code) = crate::matching::find_country(cat, value) {
            return Some(code);
        }
        rest = after;
    }
    None
}

impl ListState {
    /// The rows: indexes into the search hits (or into the "for me" ranking).
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first row shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn country_filter(&self) -> Option<usize> {
        self.country_filter
    }

    pub fn sort(&self) -> SortKey {
        self.sort
    }

    pub fn for_me(&self) -> Option<&ForMe> {
        self.for_me.as_ref()
    }

    /// The search hit of a row, outside the "for me" view.
    pub fn hit<'h>(&self, hits: &'h [Match], row: usize) -> Option<&'h Match> {
        if self.for_me.is_some() {
            return None;
        }
        self.rows.get(row).and_then(|&h| hits.get(h))
    }

    /// The "for me" ranking of a row, in that view.
    pub fn ranked(&self, row: usize) -> Option<&Ranked> {
        let f = self.for_me.as_ref()?;
        self.rows.get(row).and_then(|&i| f.ranked.get(i))
    }

    pub(super) fn set_country_filter(&mut self, ci: Option<usize>) {
        self.country_filter = ci;
    }

    pub(super) fn set_for_me(&mut self, cat: &Catalog, for_me: Option<ForMe>) {
        self.for_me = for_me;
        if let Some(f) = &self.for_me {
            self.rows = (0..f.ranked.len()).collect();
            self.offset = 0;
            self.sort_rows(cat, &[], None);
        }
    }

    /// The record of a row.
    pub fn record(&self, hits: &[Match], row: usize) -> Option<Record> {
        let &i = self.rows.get(row)?;
        match &self.for_me {
            Some(f) => f.ranked.get(i).map(|r| r.record),
            None => hits.get(i).map(|h| h.record),
        }
    }

    /// The row of a record, if it is listed.
    pub fn row_of(&self, hits: &[Match], r: Record) -> Option<usize> {
        (0..self.rows.len()).find(|&row| self.record(hits, row) == Some(r))
    }

    /// Re-apply the country filter to new results, and sort them.
    pub(super) fn refill(&mut self, cat: &Catalog, hits: &[Match], query: &str) {
        self.for_me = None;
        self.rows.clear();
        self.offset = 0;
        let code = self.country_filter.map(|ci| cat.countries[ci].code.clone());
        match &code {
            None => self.rows.extend(0..hits.len()),
            Some(code) => {
                self.rows
                    .extend(hits.iter().enumerate().filter_map(|(i, h)| {
                        let inside = match h.record {
                            Record::Factory(f) => {
                                let f = &cat.factories()[f];
                                f.country == *code || f.partners.iter().any(|p| p == code)
                            }
                            Record::Antenna(a) => cat.antennas()[a].country == *code,
                        };
                        inside.then_some(i)
                    }));
            }
        }
        let country = code.or_else(|| query_country(cat, query));
        // The whole listing, unsorted and about no country, stays in the data's order.
        if self.sort != SortKey::Relevance || country.is_some() || !query.trim().is_empty() {
            self.sort_rows(cat, hits, country.as_deref());
        }
    }

    /// Cycle the sort key, keeping the selected record selected.
    pub(super) fn cycle_sort(&mut self, cat: &Catalog, hits: &[Match], query: &str) {
        let keep = self.record(hits, self.selected);
        self.sort = self.sort.next();
        match &self.for_me {
            Some(_) => {
                let n = self.rows.len();
                self.rows = (0..n).collect();
                self.sort_rows(cat, hits, None);
            }
            None => self.refill(cat, hits, query),
        }
        if let Some(row) = keep.and_then(|r| self.row_of(hits, r)) {
            self.selected = row;
        }
    }

    /// Sort the rows by the sort key; `country` is the country the results are about.
    fn sort_rows(&mut self, cat: &Catalog, hits: &[Match], country: Option<&str>) {
        if self.for_me.is_some() && self.sort == SortKey::Relevance {
            // The ranking's own order.
            return;
        }
        // Built once per dataset (the first sort of a large one takes a moment), then kept.
        if self.name_rank.len() != cat.factories().len() + cat.antennas().len() {
            self.name_rank = name_ranks(cat);
        }
        let nf = cat.factories().len();
        let id = |r: Record| match r {
            Record::Factory(i) => i,
            Record::Antenna(i) => nf + i,
        };
        let name_rank = &self.name_rank;
        let records: Vec<(Record, i64, u32)> = self
            .rows
            .iter()
            .map(|&i| match &self.for_me {
                Some(f) => {
                    let r = f.ranked[i].record;
                    (r, i64::from(f.ranked[i].score), name_rank[id(r)])
                }
                None => (hits[i].record, hits[i].score, name_rank[id(hits[i].record)]),
            })
            .collect();
        let place = |r: Record| -> u8 {
            let Some(c) = country else { return 0 };
            match r {
                Record::Factory(i) => {
                    let f = &cat.factories()[i];
                    if f.country == c {
                        2
                    } else {
                        u8::from(f.partners.iter().any(|p| p == c))
                    }
                }
                Record::Antenna(i) => 2 * u8::from(cat.antennas()[i].country == c),
            }
        };
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let rank = |k: usize| records[k].2;
        match self.sort {
            SortKey::Relevance => order.sort_by_key(|&k| {
                let (r, score, _) = records[k];
                (
                    std::cmp::Reverse(place(r)),
                    std::cmp::Reverse(score),
                    rank(k),
                )
            }),
            SortKey::Name => order.sort_by_key(|&k| rank(k)),
            SortKey::Country => order.sort_by_key(|&k| {
                let c = match records[k].0 {
                    Record::Factory(i) => cat.factories()[i].country.clone(),
                    Record::Antenna(i) => cat.antennas()[i].country.clone(),
                };
                (c, rank(k))
            }),
            // Antennas after the factories of the last wave.
            SortKey::Wave => order.sort_by_key(|&k| match records[k].0 {
                Record::Factory(i) => (cat.factories()[i].wave, rank(k)),
                Record::Antenna(_) => (u8::MAX, rank(k)),
            }),
            SortKey::Selected => order.sort_by_key(|&k| {
                let d = match records[k].0 {
                    Record::Factory(i) => cat.factories()[i].selected,
                    Record::Antenna(i) => cat.antennas()[i].selected,
                };
                (d, rank(k))
            }),
        }
        self.rows = order.into_iter().map(|k| self.rows[k]).collect();
    }

    pub(super) fn select(&mut self, row: usize) {
        self.selected = row;
    }

    /// Keep the selection inside the list, and on screen at `height` rows.
    pub(super) fn clamp(&mut self, height: usize) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    /// Scroll the view by `step` rows; the selection follows the view, as in most list
    /// widgets.
    pub(super) fn scroll(&mut self, down: bool, step: usize, height: usize) {
        let max = self.rows.len().saturating_sub(height);
        self.offset = if down {
            (self.offset + step).min(max)
        } else {
            self.offset.saturating_sub(step)
        };
        if self.selected < self.offset {
            self.selected = self.offset;
        } else if self.selected >= self.offset + height {
            self.selected = self.offset + height - 1;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

/// Each record's position in name order (case and accents ignored), factories then antennas.
fn name_ranks(cat: &Catalog) -> Vec<u32> {
    let names: Vec<String> = cat
        .factories()
        .iter()
        .map(|f| fold(&f.name))
        .chain(cat.antennas().iter().map(|a| fold(&a.name)))
        .collect();
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]));
    let mut rank = vec![0u32; names.len()];
    for (pos, &i) in order.iter().enumerate() {
        rank[i] = u32::try_from(pos).unwrap_or(u32::MAX);
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_names_its_country() {
        let cat = Catalog::embedded().unwrap();
        assert_eq!(query_country(&cat, "country:pl").as_deref(), Some("PL"));
        assert_eq!(
            query_country(&cat, "health country:\"Poland\"").as_deref(),
            Some("PL")
        );
        assert_eq!(query_country(&cat, "health"), None);
    }
}
