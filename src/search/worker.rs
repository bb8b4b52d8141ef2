//! The search worker's messages: large datasets are searched on a thread of their own, so
//! that typing never waits for the results.

use super::{Correction, Highlight, Match, QueryError, Searcher};

/// A query for the search worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
}

/// What the search worker answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResult {
    pub generation: u64,
    pub query: String,
    /// The matches and the words to highlight in them.
    pub result: Result<(Vec<Match>, Highlight), QueryError>,
    /// The filter values searched as their nearest word.
    pub corrections: Vec<Correction>,
}

impl SearchRequest {
    /// Run on the worker: stale requests were already skipped by the caller.
    pub fn run(self, searcher: &mut Searcher) -> SearchResult {
        let result = match searcher.search(&self.query) {
            Ok(matches) => Ok((matches.to_vec(), searcher.highlight())),
            Err(e) => Err(e),
        };
        let corrections = match result {
            Ok(_) => searcher.corrections().to_vec(),
            Err(_) => Vec::new(),
        };
        SearchResult {
            generation: self.generation,
            query: self.query,
            result,
            corrections,
        }
    }
}
