//! The search box's state: the query being typed, its cursor, and the results it gave.
//!
//! Small datasets are searched in `update`; large ones on a worker thread, so that typing never
//! waits (the loop sends [`SearchRequest`]s and answers with `Action::SearchDone`).

use crate::data::{Catalog, Record};
use crate::search::{
    Correction, Highlight, Match, QueryError, SearchIndex, SearchRequest, SearchResult, Searcher,
};

/// From this many records on, the search runs on a worker thread: below, it takes well
/// under a millisecond and a second frame per keystroke would only cost bytes.
pub const BACKGROUND_SEARCH_FROM: usize = 5_000;

#[derive(Default)]
pub struct SearchState {
    query: String,
    /// Cursor position in the query, in chars.
    cursor: usize,
    /// Why the query gives nothing (a bad filter), shown in the search box.
    error: Option<QueryError>,
    /// Filter values searched as their nearest word, told in the search box.
    corrections: Vec<Correction>,
    /// The search index with the typing history, so that a query that only grew is matched
    /// against the previous results. Built on first use: the first frame lists every record,
    /// which needs no index.
    searcher: Option<Searcher>,
    /// Search results for the query the shown results answer, ranked.
    hits: Vec<Match>,
    /// The query the shown results answer (behind `query` while a search runs).
    results_query: String,
    /// Its words as the search parsed them, for highlighting the names of the rows on screen.
    highlight: Highlight,
    /// Large datasets search on a worker thread.
    background: bool,
    /// Counts queries, so that late results of an older one are dropped.
    generation: u64,
    /// A search is under way on the worker.
    searching: bool,
}

impl SearchState {
    pub fn new(cat: &Catalog) -> SearchState {
        SearchState {
            hits: crate::search::listing(cat),
            ..SearchState::default()
        }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// The cursor's position in the query, in chars.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn error(&self) -> Option<&QueryError> {
        self.error.as_ref()
    }

    /// The filter values the shown results searched as their nearest word.
    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }

    pub fn hits(&self) -> &[Match] {
        &self.hits
    }

    /// The text a hit matched in (a sector's label, a city...), as in the data.
    pub fn match_text(&self, m: &Match) -> &str {
        self.searcher
            .as_ref()
            .map_or("", |s| s.index().match_text(m))
    }

    /// The query the shown results answer.
    pub fn results_query(&self) -> &str {
        &self.results_query
    }

    /// Whether the shown results answer a query (rather than list everything).
    pub fn filtered(&self) -> bool {
        !self.results_query.trim().is_empty()
    }

    pub fn searching(&self) -> bool {
        self.searching
    }

    pub fn background(&self) -> bool {
        self.background
    }

    pub(super) fn set_background(&mut self, on: bool) {
        self.background = on;
    }

    /// The search index with its typing history, built on first use.
    pub fn searcher(&mut self, cat: &Catalog) -> &mut Searcher {
        self.searcher
            .get_or_insert_with(|| Searcher::new(SearchIndex::new(cat)))
    }

    /// Char positions to highlight in a record's name, for the query its results answer.
    pub fn name_positions(&self, record: Record) -> Vec<usize> {
        match &self.searcher {
            Some(s) if self.filtered() => s.index().highlight_positions(&self.highlight, record),
            _ => Vec::new(),
        }
    }

    pub(super) fn move_cursor(&mut self, to: usize) {
        self.cursor = to.min(self.query.chars().count());
    }

    pub(super) fn cursor_to_end(&mut self) {
        self.cursor = self.query.chars().count();
    }

    fn byte_at(&self, char_pos: usize) -> usize {
        self.query
            .char_indices()
            .nth(char_pos)
            .map_or(self.query.len(), |(b, _)| b)
    }

    /// The query with `s` typed at the cursor, and the cursor after it; `None` when nothing
    /// would be typed. Pasted newlines and tabs become spaces; other control chars are dropped.
    pub(super) fn with_text(&self, s: &str) -> Option<(String, usize)> {
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        if clean.is_empty() {
            return None;
        }
        let mut q = self.query.clone();
        q.insert_str(self.byte_at(self.cursor), &clean);
        Some((q, self.cursor + clean.chars().count()))
    }

    /// The query without the char before the cursor.
    pub(super) fn without_char_before(&self) -> Option<(String, usize)> {
        if self.cursor == 0 {
            return None;
        }
        let (a, b) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
        let mut q = self.query.clone();
        q.replace_range(a..b, "");
        Some((q, self.cursor - 1))
    }

    /// The query without the word before the cursor (and the spaces after it).
    pub(super) fn without_word_before(&self) -> Option<(String, usize)> {
        let chars: Vec<char> = self.query.chars().collect();
        let mut start = self.cursor.min(chars.len());
        while start > 0 && chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        if start == self.cursor {
            return None;
        }
        let q: String = chars[..start].iter().chain(&chars[self.cursor..]).collect();
        Some((q, start))
    }

    /// Set the query. Returns the request for the worker when searching in the background;
    /// otherwise the new results are in place (and `None`).
    pub(super) fn set_query(
        &mut self,
        cat: &Catalog,
        q: String,
        cursor: usize,
    ) -> Option<SearchRequest> {
        self.query = q;
        self.move_cursor(cursor);
        if self.background {
            self.generation += 1;
            self.searching = true;
            return Some(SearchRequest {
                generation: self.generation,
                query: self.query.clone(),
            });
        }
        self.run(cat);
        self.results_query.clone_from(&self.query);
        None
    }

    /// Search here, now.
    fn run(&mut self, cat: &Catalog) {
        self.highlight = Highlight::default();
        self.corrections.clear();
        if self.query.trim().is_empty() && self.searcher.is_none() {
            self.hits = crate::search::listing(cat);
            self.error = None;
            return;
        }
        let searcher = self
            .searcher
            .get_or_insert_with(|| Searcher::new(SearchIndex::new(cat)));
        match searcher.search(&self.query) {
            Ok(matches) => {
                self.hits.clear();
                self.hits.extend_from_slice(matches);
                self.error = None;
                self.highlight = searcher.highlight();
                self.corrections = searcher.corrections().to_vec();
            }
            Err(e) => {
                self.hits.clear();
                self.error = Some(e);
            }
        }
    }

    /// Results from the worker: applied if they answer the latest query (true), dropped if
    /// stale (false).
    pub(super) fn done(&mut self, done: SearchResult) -> bool {
        if done.generation != self.generation {
            return false;
        }
        self.searching = false;
        self.corrections = done.corrections;
        match done.result {
            Ok((matches, highlight)) => {
                self.hits = matches;
                self.highlight = highlight;
                self.error = None;
            }
            Err(e) => {
                self.hits.clear();
                self.highlight = Highlight::default();
                self.error = Some(e);
            }
        }
        self.results_query = done.query;
        true
    }
}
