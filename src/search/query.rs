//! Query parsing: free words and `key:value` filters, resolved against the index's vocabulary.
//!
//! Syntax:
//! - Words are separated by whitespace; every free word must match some field (AND, any order).
//! - `key:value` is a filter when `key` is one of [`FILTER_KEYS`] (or a French/short alias).
//!   An unknown key is an error, so a typo never silently empties the result, except when the
//!   whole word is part of a record's name (`AI:AT` is a factory, not a filter).
//! - Double quotes group words (`country:"united kingdom"`) and make a word literal
//!   (`"bogus:x"` is searched for as typed).
//!
//! Filters are exact first: both sides are folded (case and accents ignored), then
//! - `sector:V` selects the sectors whose key, English or French label or synonym equals `V`;
//!   if none equals it, those containing `V` (so a half-typed `sector:heal` works); if none
//!   contains it, the sector with the nearest word within [`MAX_TYPO`] edits (`sector:enrgy`
//!   is `sector:energy`), noted as a [`Correction`] so that the user is told;
//! - `country:V` selects an ISO code equal to `V`, else the countries whose English or French
//!   name equals `V`, else contains it, else the nearest name as for sectors; a factory passes
//!   when it is hosted in the country or has it as a partner country (as `list --country`
//!   does), an antenna when it stands there;
//! - `wave:N` keeps factories of selection wave `N` (antennas have no wave);
//! - `system:V`, `city:V`, `name:V` keep records whose machine name or vendor, city or site,
//!   name, other names or id contain `V`;
//! - `kind:factory` / `kind:antenna` keep one kind of record.
//!
//! A sector or country value that is near nothing is an error saying where the valid ones are;
//! a value of the right shape that simply selects nothing (`wave:9`) is an empty result. An
//! unknown key is an error that names the nearest key, when one is near.

use std::fmt;

use fuzzy_matcher::FuzzyMatcher;

use crate::data::{Lang, Record};
use crate::i18n::Msg;
use crate::text::{edit_distance, fold, sanitize};

use super::index::{SearchIndex, mask_of};

/// Filter keys, in the order error messages list them.
pub const FILTER_KEYS: [&str; 7] = [
    "sector", "country", "wave", "system", "kind", "city", "name",
];

/// Longer queries are refused: nobody types them, and they would only cost time.
pub const MAX_QUERY_CHARS: usize = 1000;

/// A filter value corrected to the nearest word (`sector:enrgy` searched as `sector:energy`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub key: &'static str,
    /// As typed.
    pub typed: String,
    /// The word searched for instead, folded.
    pub used: String,
}

impl Correction {
    /// `sector:energy`: the filter as searched.
    pub fn filter(&self) -> String {
        format!("{}:{}", self.key, self.used)
    }
}

/// At most this many edits (letters added, removed or changed) turn a filter value into a word
/// of the vocabulary; and only for values of [`MIN_TYPO_LEN`] letters or more, since every
/// short value is that near to some word (`es` to `ee`, `fr` to `fi`).
pub const MAX_TYPO: usize = 2;
pub const MIN_TYPO_LEN: usize = 4;

/// Why a query cannot be run. [`QueryError::message`] says it in a language; `Display` in
/// English (the command line's errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// `key:value` with a key that is not a filter; the nearest filter key, if one is near.
    UnknownFilter {
        key: String,
        nearest: Option<&'static str>,
    },
    /// `sector:` with nothing after the colon.
    EmptyValue { key: &'static str },
    /// A value the filter cannot use (`wave:x`, `sector:nothing-like-this`).
    BadValue {
        key: &'static str,
        value: String,
        expected: Expected,
    },
    /// Over [`MAX_QUERY_CHARS`] characters.
    TooLong { chars: usize },
}

/// What a filter's value should have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Sector,
    Country,
    /// The waves in the data (`1, 2, 3`).
    Wave(String),
    Kind,
}

impl QueryError {
    /// The message for users, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            QueryError::UnknownFilter {
                key,
                nearest: Some(n),
            } => Msg::UnknownFilterNear.fill(lang, &[&sanitize(key), n]),
            QueryError::UnknownFilter { key, nearest: None } => {
                let valid = FILTER_KEYS
                    .iter()
                    .map(|k| format!("{k}:"))
                    .collect::<Vec<_>>()
                    .join(" ");
                Msg::UnknownFilter.fill(lang, &[&sanitize(key), &valid])
            }
            QueryError::EmptyValue { key } => {
                Msg::FilterNeedsValue.fill(lang, &[key, example(key)])
            }
            QueryError::BadValue {
                key,
                value,
                expected,
            } => {
                let typed = format!("{key}:{}", sanitize(value));
                match expected {
                    Expected::Sector => Msg::NoSuchSector.fill(lang, &[&typed]),
                    Expected::Country => Msg::NoSuchCountry.fill(lang, &[&typed]),
                    Expected::Wave(waves) => Msg::ExpectedWave.fill(lang, &[&typed, waves]),
                    Expected::Kind => Msg::ExpectedKind.fill(lang, &[&typed]),
                }
            }
            QueryError::TooLong { chars } => {
                Msg::QueryTooLong.fill(lang, &[&chars.to_string(), &MAX_QUERY_CHARS.to_string()])
            }
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for QueryError {}

fn example(key: &str) -> &'static str {
    match key {
        "sector" => "sector:health",
        "country" => "country:es",
        "wave" => "wave:2",
        "system" => "system:jupiter",
        "kind" => "kind:antenna",
        "city" => "city:kajaani",
        _ => "name:lumi",
    }
}

/// Factory or antenna, for `kind:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordKind {
    Factory,
    Antenna,
}

/// A filter with its value resolved against the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Filter {
    /// Indices into the sector vocabulary, sorted.
    Sector(Vec<u16>),
    /// Indices into the country table, sorted.
    Country(Vec<u16>),
    Wave(u8),
    /// Folded needles, matched with `contains`.
    System(String),
    City(String),
    Name(String),
    Kind(RecordKind),
}

/// A free word, folded, with its letter mask for the prefilter and its perfect skim score
/// (the word matched against itself), against which match quality is measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub text: String,
    pub mask: u64,
    pub perfect: i64,
}

impl Term {
    pub fn new(ix: &SearchIndex, text: String) -> Term {
        Term {
            mask: mask_of(text.as_bytes()),
            perfect: ix.matcher.fuzzy_match(&text, &text).unwrap_or(1).max(1),
            text,
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Query {
    pub terms: Vec<Term>,
    pub filters: Vec<Filter>,
    /// Filter values searched as the nearest word of the vocabulary.
    pub corrections: Vec<Correction>,
}

impl Query {
    /// Whether every record matching `self` also matches `prev`, so that `self` can be run on
    /// `prev`'s results only. Sound because matching is per-field subsequence: a field that
    /// holds `healt` as a subsequence holds `heal` too, and filters only remove records.
    pub fn narrows(&self, prev: &Query) -> bool {
        prev.filters.iter().all(|f| self.filters.contains(f))
            && prev.terms.iter().all(|p| {
                self.terms
                    .iter()
                    .any(|t| is_subsequence(p.text.as_bytes(), t.text.as_bytes()))
            })
    }
}

/// Whether `needle`'s bytes appear in order in `hay`. On UTF-8 this is a necessary condition
/// for a char subsequence, which is all a prefilter needs.
pub(crate) fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    if needle.len() > hay.len() {
        return false;
    }
    let mut rest = hay;
    for &b in needle {
        match rest.iter().position(|&h| h == b) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
    true
}

/// One whitespace-separated word of the query.
struct Token {
    text: String,
    /// Byte offset in `text` of the first colon, when it came before any quote.
    colon: Option<usize>,
}

fn tokenize(q: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut started = false;
    let mut in_quotes = false;
    let mut seen_quote = false;
    let mut colon = None;
    for c in q.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
            seen_quote = true;
            started = true;
        } else if c.is_whitespace() && !in_quotes {
            if started {
                out.push(Token {
                    text: std::mem::take(&mut cur),
                    colon: colon.take(),
                });
            }
            started = false;
            seen_quote = false;
        } else {
            if c == ':' && !in_quotes && !seen_quote && colon.is_none() {
                colon = Some(cur.len());
            }
            cur.push(c);
            started = true;
        }
    }
    if started {
        out.push(Token { text: cur, colon });
    }
    out
}

/// The canonical filter key for a folded key or alias.
fn canonical_key(k: &str) -> Option<&'static str> {
    Some(match k {
        "sector" | "sectors" | "secteur" | "secteurs" => "sector",
        "country" | "countries" | "pays" | "cc" => "country",
        "wave" | "vague" => "wave",
        "system" | "systeme" | "machine" | "sys" => "system",
        "kind" | "type" => "kind",
        "city" | "ville" | "site" => "city",
        "name" | "nom" | "id" => "name",
        _ => return None,
    })
}

/// The filter key within [`MAX_TYPO`] edits of an unknown one (`sectr` → `sector`).
fn nearest_key(k: &str) -> Option<&'static str> {
    // The keys and aliases of `canonical_key` that are long enough to be mistyped.
    const ALIASES: &[&str] = &[
        "sector",
        "sectors",
        "secteur",
        "secteurs",
        "country",
        "countries",
        "pays",
        "wave",
        "vague",
        "system",
        "systeme",
        "machine",
        "kind",
        "type",
        "city",
        "ville",
        "site",
        "name",
        "nom",
    ];
    if k.chars().count() < 3 {
        return None;
    }
    ALIASES
        .iter()
        .map(|a| (edit_distance(k, a), *a))
        .filter(|&(d, _)| d <= MAX_TYPO)
        .min_by_key(|&(d, _)| d)
        .and_then(|(_, a)| canonical_key(a))
}

/// Whether a token looks like `key:value` with a key made of letters.
fn filter_parts(t: &Token) -> Option<(&str, &str)> {
    let at = t.colon?;
    let (key, value) = (&t.text[..at], &t.text[at + 1..]);
    (!key.is_empty() && key.chars().all(char::is_alphabetic)).then_some((key, value))
}

/// Parse and resolve a query. Never panics, whatever the input.
pub(crate) fn parse(ix: &SearchIndex, q: &str) -> Result<Query, QueryError> {
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong { chars });
    }
    let mut query = Query::default();
    for tok in tokenize(q) {
        if let Some((key, value)) = filter_parts(&tok) {
            match canonical_key(&fold(key)) {
                Some(key) => {
                    let (filter, correction) = resolve(ix, key, value)?;
                    query.filters.push(filter);
                    query.corrections.extend(correction);
                    continue;
                }
                // `AI:AT` is a name: search it rather than refuse it.
                None if ix.names_contain(&fold(&tok.text)) => {}
                None => {
                    return Err(QueryError::UnknownFilter {
                        key: key.to_string(),
                        nearest: nearest_key(&fold(key)),
                    });
                }
            }
        }
        let text = fold(&tok.text);
        if !text.is_empty() {
            query.terms.push(Term::new(ix, text));
        }
    }
    Ok(query)
}

/// The free words of a query, ignoring anything that looks like a filter. Used where an error
/// is of no use (highlighting).
pub(crate) fn free_terms(ix: &SearchIndex, q: &str) -> Vec<Term> {
    if let Ok(query) = parse(ix, q) {
        return query.terms;
    }
    tokenize(q)
        .into_iter()
        .filter(|t| filter_parts(t).is_none())
        .map(|t| fold(&t.text))
        .filter(|t| !t.is_empty())
        .map(|text| Term::new(ix, text))
        .collect()
}

fn resolve(
    ix: &SearchIndex,
    key: &'static str,
    value: &str,
) -> Result<(Filter, Option<Correction>), QueryError> {
    let v = fold(value.trim());
    if v.is_empty() {
        return Err(QueryError::EmptyValue { key });
    }
    let bad = |expected: Expected| QueryError::BadValue {
        key,
        value: value.to_string(),
        expected,
    };
    let correction = |used: &str| Correction {
        key,
        typed: value.to_string(),
        used: used.to_string(),
    };
    match key {
        "sector" => {
            let found = exact_else_contains(&ix.sector_vocab, |s| &s.words, &v);
            if !found.is_empty() {
                return Ok((Filter::Sector(found), None));
            }
            match nearest(&ix.sector_vocab, |s| &s.words, &v) {
                Some((i, word)) => Ok((Filter::Sector(vec![i]), Some(correction(word)))),
                None => Err(bad(Expected::Sector)),
            }
        }
        "country" => {
            let by_code: Vec<u16> = ix
                .country_vocab
                .iter()
                .enumerate()
                .filter(|(_, c)| c.code == v)
                .map(|(i, _)| i as u16)
                .collect();
            let found = if by_code.is_empty() {
                exact_else_contains(&ix.country_vocab, |c| &c.names, &v)
            } else {
                by_code
            };
            if !found.is_empty() {
                return Ok((Filter::Country(found), None));
            }
            match nearest(&ix.country_vocab, |c| &c.names, &v) {
                Some((i, word)) => Ok((Filter::Country(vec![i]), Some(correction(word)))),
                None => Err(bad(Expected::Country)),
            }
        }
        "wave" => match v.parse::<u8>() {
            Ok(n) if n > 0 => Ok((Filter::Wave(n), None)),
            _ => {
                let waves: Vec<String> = ix.waves.iter().map(u8::to_string).collect();
                Err(bad(Expected::Wave(if waves.is_empty() {
                    "1, 2, 3".to_string()
                } else {
                    waves.join(", ")
                })))
            }
        },
        "kind" => match v.as_str() {
            "factory" | "factories" | "f" | "aif" | "usine" | "usines" => {
                Ok((Filter::Kind(RecordKind::Factory), None))
            }
            "antenna" | "antennas" | "a" | "aifa" | "antenne" | "antennes" => {
                Ok((Filter::Kind(RecordKind::Antenna), None))
            }
            _ => Err(bad(Expected::Kind)),
        },
        "system" => Ok((Filter::System(v), None)),
        "city" => Ok((Filter::City(v), None)),
        _ => Ok((Filter::Name(v), None)),
    }
}

/// The vocabulary entry with the word nearest to `v`, within [`MAX_TYPO`] edits, and that
/// word; the first in vocabulary order among equally near ones. `None` for short values.
fn nearest<'a, T>(
    vocab: &'a [T],
    words: impl Fn(&T) -> &[String],
    v: &str,
) -> Option<(u16, &'a str)> {
    if v.chars().count() < MIN_TYPO_LEN {
        return None;
    }
    vocab
        .iter()
        .enumerate()
        .flat_map(|(i, x)| words(x).iter().map(move |w| (i, w.as_str())))
        .map(|(i, w)| (edit_distance(v, w), i, w))
        .filter(|&(d, _, _)| d <= MAX_TYPO)
        .min_by_key(|&(d, i, _)| (d, i))
        .map(|(_, i, w)| (i as u16, w))
}

/// Indices of the vocabulary entries with a folded word equal to `v`; when there are none,
/// of those with a word containing `v`.
fn exact_else_contains<T>(vocab: &[T], words: impl Fn(&T) -> &[String], v: &str) -> Vec<u16> {
    let pick = |exact: bool| -> Vec<u16> {
        vocab
            .iter()
            .enumerate()
            .filter(|(_, x)| {
                words(x)
                    .iter()
                    .any(|w| if exact { w == v } else { w.contains(v) })
            })
            .map(|(i, _)| i as u16)
            .collect()
    };
    let found = pick(true);
    if found.is_empty() { pick(false) } else { found }
}

/// Whether a record of the index passes every filter.
pub(crate) fn passes(ix: &SearchIndex, rec: usize, filters: &[Filter]) -> bool {
    let e = &ix.entries[rec];
    filters.iter().all(|f| match f {
        Filter::Sector(set) => e.sectors.iter().any(|s| set.binary_search(s).is_ok()),
        Filter::Country(set) => {
            set.binary_search(&e.country).is_ok()
                || e.partners.iter().any(|p| set.binary_search(p).is_ok())
        }
        Filter::Wave(w) => e.wave == *w,
        Filter::System(v) => e.system.contains(v.as_str()),
        Filter::City(v) => e.city.contains(v.as_str()),
        Filter::Name(v) => e.names.contains(v.as_str()),
        Filter::Kind(RecordKind::Factory) => matches!(e.record, Record::Factory(_)),
        Filter::Kind(RecordKind::Antenna) => matches!(e.record, Record::Antenna(_)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<(String, Option<usize>)> {
        tokenize(q).into_iter().map(|t| (t.text, t.colon)).collect()
    }

    #[test]
    fn tokenizer_splits_on_whitespace_and_honours_quotes() {
        assert_eq!(
            words("  health \t spain "),
            vec![("health".into(), None), ("spain".into(), None)]
        );
        assert_eq!(
            words("country:\"united kingdom\" x"),
            vec![
                ("country:united kingdom".into(), Some(7)),
                ("x".into(), None)
            ]
        );
        // A quote before the colon makes the word literal.
        assert_eq!(words("\"bogus:x\""), vec![("bogus:x".into(), None)]);
        // Unbalanced quotes run to the end; nothing panics.
        assert_eq!(words("\"a b"), vec![("a b".into(), None)]);
        assert_eq!(words("\"\""), vec![(String::new(), None)]);
        assert!(words("").is_empty());
    }

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence(b"hlth", b"health"));
        assert!(is_subsequence(b"", b"x"));
        assert!(!is_subsequence(b"healthy", b"health"));
        assert!(!is_subsequence(b"th", b"ht"));
    }

    #[test]
    fn narrowing_is_only_allowed_for_extensions() {
        let t = |s: &str| Term {
            text: s.to_string(),
            mask: mask_of(s.as_bytes()),
            perfect: 1,
        };
        let q = |ts: &[&str], fs: Vec<Filter>| Query {
            terms: ts.iter().map(|s| t(s)).collect(),
            filters: fs,
            corrections: Vec::new(),
        };
        let hea = q(&["hea"], vec![]);
        assert!(q(&["heal"], vec![]).narrows(&hea));
        assert!(q(&["heal", "es"], vec![]).narrows(&hea));
        assert!(q(&["es", "heal"], vec![Filter::Wave(1)]).narrows(&hea));
        assert!(!q(&["he"], vec![]).narrows(&hea));
        assert!(!q(&["ha"], vec![]).narrows(&hea));
        let w1 = q(&["hea"], vec![Filter::Wave(1)]);
        assert!(!q(&["heal"], vec![Filter::Wave(2)]).narrows(&w1));
        assert!(!q(&["heal"], vec![]).narrows(&w1));
        assert!(hea.narrows(&Query::default()));
    }
}
