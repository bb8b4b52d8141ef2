//! The results list's state: which results pass the country filter, the selection and the
//! scroll offset.

use crate::data::{Catalog, Record};
use crate::search::Match;

#[derive(Debug, Default)]
pub struct ListState {
    /// Indexes into the search hits that pass the country filter.
    rows: Vec<usize>,
    /// Country index the list is filtered by (Enter on the map).
    country_filter: Option<usize>,
    selected: usize,
    offset: usize,
}

impl ListState {
    /// The rows: indexes into the search hits.
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

    pub(super) fn set_country_filter(&mut self, ci: Option<usize>) {
        self.country_filter = ci;
    }

    /// The record of a row.
    pub fn record(&self, hits: &[Match], row: usize) -> Option<Record> {
        self.rows
            .get(row)
            .and_then(|&h| hits.get(h))
            .map(|h| h.record)
    }

    /// The row of a record, if it is listed.
    pub fn row_of(&self, hits: &[Match], r: Record) -> Option<usize> {
        self.rows.iter().position(|&h| hits[h].record == r)
    }

    /// Re-apply the country filter to new results.
    pub(super) fn refill(&mut self, cat: &Catalog, hits: &[Match]) {
        self.rows.clear();
        let Some(ci) = self.country_filter else {
            self.rows.extend(0..hits.len());
            return;
        };
        let code = cat.countries[ci].code.as_str();
        self.rows
            .extend(hits.iter().enumerate().filter_map(|(i, h)| {
                let inside = match h.record {
                    Record::Factory(f) => {
                        let f = &cat.factories()[f];
                        f.country == code || f.partners.iter().any(|p| p == code)
                    }
                    Record::Antenna(a) => cat.antennas()[a].country == code,
                };
                inside.then_some(i)
            }));
        self.offset = 0;
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
