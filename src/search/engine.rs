//! Matching and scoring: the per-keystroke work.
//!
//! For each query word, in turn (longest first: it rejects the most), a candidate record is
//! kept when one of its fields matches. A field matches when, in this order of cost:
//! 1. the record's byte mask contains the word's (rejects the record at once),
//! 2. the string's byte mask contains the word's,
//! 3. the word's bytes are an ordered subsequence of the folded string (a plain scan),
//! 4. `SkimMatcherV2::fuzzy_match` scores it (both sides folded: skim itself folds ASCII
//!    case only and no accents).
//!
//! Group scores are cached per word, so a group shared by many records (a sector, a country,
//! a city) is scored once per word.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;

use super::index::SearchIndex;
use super::query::{Query, Term, is_subsequence};
use super::{Field, Match, NO_TERM};

/// From this many candidates the work is split over two threads (spawned per search, scoped).
/// Measured on the 2-core CI machine, typing `h` on 100k records: 27 ms on one thread, 16 ms
/// on two; on 10k: 2.4 ms and 1.7 ms. Below a few thousand, spawning costs more than it saves.
pub(crate) const PARALLEL_MIN: usize = 4096;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    stamp: u32,
    /// Best adjusted skim score in the group, or `NONE`.
    raw: i32,
    text: u32,
}

const NONE: i32 = i32::MIN;

/// Per-word memo of group scores. Reset in O(1) by bumping the stamp, so it can be kept from
/// one keystroke to the next without clearing megabytes.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    stamp: u32,
    slots: Vec<Slot>,
}

impl Cache {
    fn begin(&mut self, groups: usize) {
        if self.slots.len() != groups {
            self.slots = vec![Slot::default(); groups];
            self.stamp = 0;
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.slots.fill(Slot::default());
            self.stamp = 1;
        }
    }
}

/// Score of a word in one string, after the cheap rejections.
///
/// Skim's score grows with the word's length and drops with gaps; it is multiplied here by
/// the match quality (score / the word's perfect score), so that a scattered subsequence
/// (`lumi` in `digital humanities`) falls well behind a clean match even in a field that
/// weighs less. Skim does not care what follows a match, people do: a word that is the
/// whole string (`es` for the code `ES`, `health` for the sector) doubles, a whole word of
/// it (`lumi` in `LUMI AIF`) gets half more.
fn text_score(ix: &SearchIndex, term: &Term, text: u32) -> Option<i32> {
    if term.mask & !ix.masks[text as usize] != 0 {
        return None;
    }
    let hay = ix.hay(text);
    // A one-letter word is fully checked by the mask (letters and digits have a bit each).
    let single = term.text.len() == 1 && term.text.as_bytes()[0].is_ascii_alphanumeric();
    if !single && !is_subsequence(term.text.as_bytes(), hay.as_bytes()) {
        return None;
    }
    let raw = ix.matcher.fuzzy_match(hay, &term.text)?.max(1);
    let bonus = if hay == term.text {
        raw
    } else if hay
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == term.text)
    {
        raw / 2
    } else {
        0
    };
    let perfect = term.perfect.max(1);
    let score = (raw + bonus) * raw.min(perfect) / perfect;
    Some(i32::try_from(score.max(1)).unwrap_or(i32::MAX))
}

/// Best score of a word over a group's strings, memoized.
fn group_score(ix: &SearchIndex, term: &Term, g: u32, cache: &mut Cache) -> Option<(i32, u32)> {
    let slot = &mut cache.slots[g as usize];
    if slot.stamp != cache.stamp {
        let (s, t) = ix.groups[g as usize];
        let mut best = (NONE, 0);
        for &tid in &ix.group_texts[s as usize..t as usize] {
            if let Some(raw) = text_score(ix, term, tid)
                && raw > best.0
            {
                best = (raw, tid);
            }
        }
        *slot = Slot {
            stamp: cache.stamp,
            raw: best.0,
            text: best.1,
        };
    }
    (slot.raw != NONE).then_some((slot.raw, slot.text))
}

/// Field weight applied to a skim score.
#[inline]
pub(crate) fn weighted(raw: i32, field: Field) -> i64 {
    (i64::from(raw) * field.weight() / 100).max(1)
}

/// Match `q` on the candidate records (internal ids, ascending); unsorted.
fn evaluate(ix: &SearchIndex, q: &Query, cands: &[u32], cache: &mut Cache) -> Vec<Match> {
    let need = q.terms.iter().fold(0u64, |m, t| m | t.mask);
    let mut out: Vec<Match> = Vec::with_capacity(cands.len());
    out.extend(
        cands
            .iter()
            .filter(|&&r| {
                need & !ix.hot[r as usize].mask == 0
                    && (q.filters.is_empty() || super::query::passes(ix, r as usize, &q.filters))
            })
            .map(|&r| {
                let h = &ix.hot[r as usize];
                Match {
                    record: ix.record_of(r),
                    score: 0,
                    field: Field::Name,
                    rec: r,
                    rank: h.rank,
                    text: h.name_text,
                    term: NO_TERM,
                }
            }),
    );
    if q.terms.is_empty() {
        return out;
    }
    // Longest word first: it is the most selective, so later words see fewer candidates.
    let mut order: Vec<usize> = (0..q.terms.len()).collect();
    order.sort_by_key(|&i| Reverse(q.terms[i].text.len()));
    // The best single (word, field) match of each record, which the hit reports.
    let mut best: Vec<i64> = vec![0; out.len()];
    for &ti in &order {
        let term = &q.terms[ti];
        cache.begin(ix.groups.len());
        let mut keep = 0;
        for i in 0..out.len() {
            let m = out[i];
            let h = &ix.hot[m.rec as usize];
            if term.mask & !h.mask != 0 {
                continue;
            }
            let mut top: Option<(i64, Field, u32)> = None;
            for r in &ix.refs[h.refs.0 as usize..h.refs.1 as usize] {
                if let Some((raw, text)) = group_score(ix, term, r.group, cache) {
                    let w = weighted(raw, r.field);
                    if top.is_none_or(|(b, _, _)| w > b) {
                        top = Some((w, r.field, text));
                    }
                }
            }
            let Some((w, field, text)) = top else {
                continue;
            };
            let mut m = m;
            m.score += w;
            let mut b = best[i];
            if w > b {
                b = w;
                m.field = field;
                m.text = text;
                m.term = u16::try_from(ti).unwrap_or(NO_TERM);
            }
            out[keep] = m;
            best[keep] = b;
            keep += 1;
        }
        out.truncate(keep);
        best.truncate(keep);
        if out.is_empty() {
            break;
        }
    }
    out
}

/// Match `q` on the candidates, on two threads when there are many, then rank: by score,
/// ties by name; with no free word, in dataset order.
pub(crate) fn run(
    ix: &SearchIndex,
    q: &Query,
    cands: &[u32],
    caches: &mut [Cache; 2],
) -> Vec<Match> {
    let [c0, c1] = caches;
    let mut out = if ix.parallel && cands.len() >= PARALLEL_MIN && !q.terms.is_empty() {
        let (a, b) = cands.split_at(cands.len() / 2);
        std::thread::scope(|s| {
            let other = std::thread::Builder::new().spawn_scoped(s, || evaluate(ix, q, b, c1));
            let mut out = evaluate(ix, q, a, c0);
            match other {
                Ok(h) => match h.join() {
                    Ok(mut rest) => out.append(&mut rest),
                    // `evaluate` does not panic; if it ever did, it is a bug to surface.
                    Err(p) => std::panic::resume_unwind(p),
                },
                // No thread to be had: do the other half here.
                Err(_) => out.append(&mut evaluate(ix, q, b, c0)),
            }
            out
        })
    } else {
        evaluate(ix, q, cands, c0)
    };
    if !q.terms.is_empty() {
        out.sort_unstable_by_key(|m| (Reverse(m.score), m.rank));
    }
    out
}

/// Original char positions of a word in a string, for highlighting; empty when it does not
/// match.
pub(crate) fn positions(ix: &SearchIndex, term: &Term, text: u32) -> Vec<usize> {
    let Some(e) = ix.texts.get(text as usize) else {
        return Vec::new();
    };
    if term.mask & !ix.masks[text as usize] != 0
        || !is_subsequence(term.text.as_bytes(), e.folded.text.as_bytes())
    {
        return Vec::new();
    }
    match ix.matcher.fuzzy_indices(&e.folded.text, &term.text) {
        Some((_, folded)) => e.folded.original_positions(&folded),
        None => Vec::new(),
    }
}
