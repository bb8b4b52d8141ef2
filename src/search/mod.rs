//! Fuzzy search over factories and antennas, for the `search` command and the dashboard.
//!
//! - [`SearchIndex::new`] indexes a catalog once per load (folding, interning, masks).
//! - [`SearchIndex::search`] runs one query and returns ranked [`Hit`]s with highlight
//!   positions (what the CLI needs).
//! - [`Searcher`] is for typing: it keeps the previous queries' results, narrows them when the
//!   query only grew, returns them at once when the query shrinks back (backspace), and
//!   computes highlight positions only for the rows asked for ([`Searcher::hit`],
//!   [`Searcher::name_positions`]).
//! - [`SearchIndex::highlight`] parses a query's words once for highlighting the names of the
//!   rows on screen ([`SearchIndex::highlight_positions`]) when the results came from elsewhere.
//!
//! Matching is case- and accent-insensitive both ways: the data and the query are folded to
//! lower-case ASCII ([`crate::text::Folded`]) before `SkimMatcherV2` sees them, and match
//! positions are mapped back to char positions in the original text. See [`query`] for the
//! query syntax and [`Field::weight`] for how fields rank.

mod engine;
mod index;
pub mod query;
mod worker;

use crate::data::{Catalog, Lang, Record};
use crate::i18n::Msg;

pub use index::SearchIndex;
pub use query::{Correction, Expected, FILTER_KEYS, MAX_QUERY_CHARS, QueryError};
pub use worker::{SearchRequest, SearchResult};

use engine::Cache;
use query::Query;

/// The field a hit matched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A sector: its key, English or French label, or a synonym.
    Sector,
    /// The display name.
    Name,
    /// Another name of a factory.
    Alias,
    /// The country (English or French name, ISO code): host country, or antenna country.
    Country,
    /// City, or the site when the machine stands elsewhere.
    City,
    /// Hosting entity.
    Host,
    /// AI system (machine) name.
    System,
    /// AI system vendor.
    Vendor,
    /// For an antenna: the name of a factory it serves.
    Serves,
    /// A consortium partner country (name or code).
    Partner,
    /// A consortium member institution.
    Consortium,
}

impl Field {
    /// Percentage applied to the skim score of a match in this field.
    ///
    /// Sectors weigh most: the dashboard is about who serves which sector, and `health` must
    /// rank the factories that serve health above a name or host that merely contains the
    /// word. Names come next (people search what they know by name), then where it is, then
    /// who runs it and with what; partner countries and consortium members are incidental.
    /// The gaps are small enough that a clean match in a lighter field still beats a
    /// scattered subsequence in a heavier one (skim scores vary by 2-3x with match quality).
    pub fn weight(self) -> i64 {
        match self {
            Field::Sector => 150,
            Field::Name => 130,
            Field::Alias => 115,
            Field::Country => 100,
            Field::City => 90,
            Field::Host => 70,
            Field::System => 70,
            Field::Vendor => 60,
            Field::Serves => 60,
            Field::Partner => 50,
            Field::Consortium => 45,
        }
    }

    /// Stable key, for JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Sector => "sector",
            Field::Name => "name",
            Field::Alias => "alias",
            Field::Country => "country",
            Field::City => "city",
            Field::Host => "host",
            Field::System => "system",
            Field::Vendor => "vendor",
            Field::Serves => "serves",
            Field::Partner => "partner",
            Field::Consortium => "consortium",
        }
    }

    /// Label for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Sector => Msg::FieldSector,
            Field::Name => Msg::FieldName,
            Field::Alias => Msg::FieldAlias,
            Field::Country => Msg::FieldCountry,
            Field::City => Msg::FieldCity,
            Field::Host => Msg::FieldHost,
            Field::System => Msg::FieldSystem,
            Field::Vendor => Msg::FieldVendor,
            Field::Serves => Msg::FieldServes,
            Field::Partner => Msg::FieldPartner,
            Field::Consortium => Msg::FieldConsortium,
        }
        .text(lang)
    }
}

/// A search result with what it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub record: Record,
    /// Sum over the query words of each word's best weighted score; 0 with no free word.
    pub score: i64,
    /// The field of the best (word, field) match; `Name` with no free word.
    pub field: Field,
    /// That field's original text (not folded, not sanitized: sanitize before printing).
    /// For a sector, the label or synonym that matched (`Santé` for `sante`).
    pub text: String,
    /// Char positions (not bytes) in `text` of the letters the best word matched, sorted.
    pub positions: Vec<usize>,
}

/// `Match::term` when no word matched (empty or filter-only query).
const NO_TERM: u16 = u16::MAX;

/// A ranked result without highlight positions: cheap to produce for every record on every
/// keystroke. [`Searcher::hit`] turns it into a [`Hit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub record: Record,
    pub score: i64,
    pub field: Field,
    /// Internal record id (factories, then antennas).
    rec: u32,
    /// The record's position in name order, the tie-breaker.
    rank: u32,
    /// Text id of the matched string.
    text: u32,
    /// Index of the query word that matched it best.
    term: u16,
}

/// A query's free words, parsed once per result set for highlighting the names of the rows
/// on screen: see [`SearchIndex::highlight`]. Use it with the index that made it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    terms: Vec<query::Term>,
}

/// `Match::text` of a [`listing`] entry: no text of an index.
const NO_TEXT: u32 = u32::MAX;

/// Every record in dataset order (factories, then antennas), as the empty query lists them,
/// without an index: what the dashboard's first frame shows, so that start-up does not wait
/// for the index. Same records, scores and fields as the empty query's results.
pub fn listing(cat: &Catalog) -> Vec<Match> {
    let factories = (0..cat.factories().len()).map(Record::Factory);
    let antennas = (0..cat.antennas().len()).map(Record::Antenna);
    factories
        .chain(antennas)
        .zip(0u32..)
        .map(|(record, rec)| Match {
            record,
            score: 0,
            field: Field::Name,
            rec,
            rank: rec,
            text: NO_TEXT,
            term: NO_TERM,
        })
        .collect()
}

impl SearchIndex {
    /// Run a query: ranked hits, each with its best field and highlight positions.
    /// An empty query returns every record in dataset order (factories, then antennas), and
    /// so does a query of filters only (restricted to what passes).
    pub fn search(&self, query: &str) -> Result<Vec<Hit>, QueryError> {
        let q = query::parse(self, query)?;
        let all: Vec<u32> = (0..self.entries.len() as u32).collect();
        let mut caches = [Cache::default(), Cache::default()];
        let matches = engine::run(self, &q, &all, &mut caches);
        let shown = &matches[..relevant(&matches)];
        Ok(shown.iter().map(|m| self.make_hit(&q, m)).collect())
    }

    /// The filter values a query searches as their nearest word (`sector:enrgy` as
    /// `sector:energy`), to tell the user; empty when the query does not parse.
    pub fn corrections(&self, query: &str) -> Vec<Correction> {
        query::parse(self, query)
            .map(|q| q.corrections)
            .unwrap_or_default()
    }

    /// Char positions in the record's display name of the letters the query's free words
    /// match, for highlighting the rows on screen. Empty for an unknown record; never fails.
    /// Parses the query on each call: for many rows, parse once with
    /// [`SearchIndex::highlight`].
    pub fn name_positions(&self, query: &str, record: Record) -> Vec<usize> {
        self.highlight_positions(&self.highlight(query), record)
    }

    /// A query's free words, parsed once for highlighting the names of many rows with
    /// [`SearchIndex::highlight_positions`]. Never fails: filters are left out, and so is
    /// anything that looks like one when the query does not parse.
    pub fn highlight(&self, query: &str) -> Highlight {
        Highlight {
            terms: query::free_terms(self, query),
        }
    }

    /// Char positions in the record's display name of the letters the highlight's words
    /// match: the same as [`SearchIndex::name_positions`] with the query the highlight was
    /// made from. Empty for an unknown record.
    pub fn highlight_positions(&self, h: &Highlight, record: Record) -> Vec<usize> {
        self.name_positions_for(&h.terms, record)
    }

    fn name_positions_for(&self, terms: &[query::Term], record: Record) -> Vec<usize> {
        let Some(id) = self.rec_id(record) else {
            return Vec::new();
        };
        let text = self.hot[id].name_text;
        let mut out: Vec<usize> = terms
            .iter()
            .flat_map(|t| engine::positions(self, t, text))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The text a match refers to.
    pub(crate) fn match_text(&self, m: &Match) -> &str {
        self.texts
            .get(m.text as usize)
            .map_or("", |t| t.original.as_str())
    }

    fn make_hit(&self, q: &Query, m: &Match) -> Hit {
        let positions = q
            .terms
            .get(usize::from(m.term))
            .map(|t| engine::positions(self, t, m.text))
            .unwrap_or_default();
        Hit {
            record: m.record,
            score: m.score,
            field: m.field,
            text: self.match_text(m).to_string(),
            positions,
        }
    }
}

/// Matches scoring under this share of the best one are left out of the results: a
/// subsequence scattered through a long label (`sante` in "Industrie manufacturière") is
/// a match for the matcher, not for the user. The history keeps them, so narrowing stays
/// sound.
const RELEVANT_SHARE: i64 = 30;

/// How many of the ranked matches (best first) to show.
pub(crate) fn relevant(matches: &[Match]) -> usize {
    let Some(best) = matches.first().map(|m| m.score) else {
        return 0;
    };
    if best <= 0 {
        // Filters only, or an empty query: everything that passed is a result.
        return matches.len();
    }
    matches.partition_point(|m| m.score * 100 >= best * RELEVANT_SHARE)
}

/// Results kept for one query of the typing history.
struct Level {
    query: Query,
    matches: Vec<Match>,
}

/// At most this many matches are kept across the history (40 bytes each, so 20 MiB); the
/// oldest queries are forgotten first.
const HISTORY_BUDGET: usize = 1 << 19;

/// Incremental search for typing. Owns its index.
///
/// It keeps a stack of recent queries with their results. A new query that equals one of
/// them (backspace, or a trailing space) returns the kept results at once. One that narrows
/// one of them (a word grew at its end or gained letters, a word or a filter was added, no
/// filter changed) is matched on that query's results only: sound because a field holding
/// `heal` as a subsequence also holds `hea`. Anything else is matched on every record.
/// Results are the same, in the same order, as [`SearchIndex::search`]'s.
///
/// ```
/// use aifactories::data::Catalog;
/// use aifactories::search::{SearchIndex, Searcher};
///
/// let cat = Catalog::embedded().unwrap();
/// let mut s = Searcher::new(SearchIndex::new(&cat)); // once per dataset load
/// for q in ["s", "sa", "san", "sant", "sante"] {
///     let found = s.search(q).unwrap().len(); // on each keystroke
///     assert!(found > 0);
/// }
/// // Text and highlights for the rows on screen only.
/// let top = s.matches()[0];
/// let hit = s.hit(&top);
/// assert_eq!(hit.text, "Santé");
/// let _name_highlight = s.name_positions(top.record);
/// ```
pub struct Searcher {
    index: std::sync::Arc<SearchIndex>,
    levels: Vec<Level>,
    caches: [Cache; 2],
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("index", &self.index)
            .field("levels", &self.levels.len())
            .finish_non_exhaustive()
    }
}

impl Searcher {
    pub fn new(index: SearchIndex) -> Searcher {
        Searcher::shared(std::sync::Arc::new(index))
    }

    /// A searcher over an index shared with other threads (the dashboard's background
    /// search keeps one on its worker and reads the same index for highlights).
    pub fn shared(index: std::sync::Arc<SearchIndex>) -> Searcher {
        Searcher {
            index,
            levels: Vec::new(),
            caches: [Cache::default(), Cache::default()],
        }
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The index, to share with another thread.
    pub fn shared_index(&self) -> std::sync::Arc<SearchIndex> {
        std::sync::Arc::clone(&self.index)
    }

    /// Run a query, reusing earlier results when it is sound to. Same results and order as
    /// [`SearchIndex::search`], without positions. On error the previous results stay.
    pub fn search(&mut self, query: &str) -> Result<&[Match], QueryError> {
        let q = query::parse(&self.index, query)?;
        if let Some(i) = self.levels.iter().rposition(|l| l.query == q) {
            self.levels.truncate(i + 1);
            return Ok(self.matches());
        }
        let matches = match self.levels.iter().rposition(|l| q.narrows(&l.query)) {
            Some(i) => {
                self.levels.truncate(i + 1);
                let mut cands: Vec<u32> = self.levels[i].matches.iter().map(|m| m.rec).collect();
                cands.sort_unstable();
                engine::run(&self.index, &q, &cands, &mut self.caches)
            }
            None => {
                self.levels.clear();
                let all: Vec<u32> = (0..self.index.entries.len() as u32).collect();
                engine::run(&self.index, &q, &all, &mut self.caches)
            }
        };
        self.levels.push(Level { query: q, matches });
        let mut total: usize = self.levels.iter().map(|l| l.matches.len()).sum();
        while total > HISTORY_BUDGET && self.levels.len() > 1 {
            total -= self.levels.remove(0).matches.len();
        }
        Ok(self.matches())
    }

    /// The results of the last successful search: the relevant ones, without the matches
    /// scoring under a share of the best one's.
    pub fn matches(&self) -> &[Match] {
        self.levels
            .last()
            .map_or(&[], |l| &l.matches[..relevant(&l.matches)])
    }

    /// A match of the last search with its text and highlight positions.
    pub fn hit(&self, m: &Match) -> Hit {
        match self.levels.last() {
            Some(l) => self.index.make_hit(&l.query, m),
            None => self.index.make_hit(&Query::default(), m),
        }
    }

    /// Highlight positions of the last search's words in a record's name.
    pub fn name_positions(&self, record: Record) -> Vec<usize> {
        match self.levels.last() {
            Some(l) => self.index.name_positions_for(&l.query.terms, record),
            None => Vec::new(),
        }
    }

    /// The words of the last successful search, for highlighting names with
    /// [`SearchIndex::highlight_positions`]: parsed already, so nothing is parsed again.
    pub fn highlight(&self) -> Highlight {
        Highlight {
            terms: self
                .levels
                .last()
                .map(|l| l.query.terms.clone())
                .unwrap_or_default(),
        }
    }

    /// The filter values the last successful search took as their nearest word.
    pub fn corrections(&self) -> &[Correction] {
        self.levels.last().map_or(&[], |l| &l.query.corrections)
    }

    /// Forget the history (the next search starts from every record).
    pub fn reset(&mut self) {
        self.levels.clear();
    }
}

#[cfg(test)]
mod tests;
