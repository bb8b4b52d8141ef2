//! The search index, built once per dataset load.
//!
//! Layout, chosen so that a keystroke does as little as possible:
//! - every distinct searchable string is stored once ([`TextEntry`]) with its folded form
//!   (ASCII, lower case, one entry per folded char mapping back to the original char) and a
//!   64-bit mask of the bytes it contains;
//! - strings are gathered in *groups*: one group per sector of the vocabulary (key, English
//!   and French labels, synonyms), one per country (English and French names, ISO code), and
//!   one per other distinct string (a name, a city, a host...). A group is scored once per
//!   query word however many records refer to it, so the sector and country vocabularies,
//!   shared by every record, cost almost nothing;
//! - a record is a list of references `(group, field)` plus the union of its strings' masks,
//!   which rejects most records before any string is looked at.

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::data::{Catalog, IStr, Link, Record};
use crate::text::{Folded, fold};

use super::Field;

/// Skim builds a (pattern x text) matrix when asked for positions; past this many cells it
/// falls back to a greedy match instead of allocating gigabytes for absurd inputs.
const SKIM_ELEMENT_LIMIT: usize = 1 << 22;

/// The mask bit of one folded byte: one bit per ASCII letter and digit, the other bytes
/// share the remaining 28 bits.
#[inline]
fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << (36 + b % 28),
    }
}

/// The set of bytes of a folded string, as a mask. A word can only match a string whose mask
/// contains the word's mask.
pub(crate) fn mask_of(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |m, &b| m | bit(b))
}

/// One distinct searchable string, as needed for hits (the hot folded bytes and masks are
/// kept apart, see [`SearchIndex`]).
#[derive(Debug)]
pub(crate) struct TextEntry {
    pub original: String,
    pub folded: Folded,
}

/// What a keystroke reads of a record, packed together so that a scan over the candidates
/// walks memory in order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hot {
    /// Union of the masks of every string the record refers to.
    pub mask: u64,
    /// Range in `SearchIndex::refs`.
    pub refs: (u32, u32),
    /// The text id of the display name.
    pub name_text: u32,
    /// Position of the record in name order, to break score ties.
    pub rank: u32,
}

/// A record's reference to a group of strings, and the field they stand for in that record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ref {
    pub group: u32,
    pub field: Field,
}

/// What filters and hits need of one record (factory or antenna).
#[derive(Debug)]
pub(crate) struct Entry {
    pub record: Record,
    /// Selection wave; 0 for antennas.
    pub wave: u8,
    /// Index in the country table; `u16::MAX` when the code is not in the table.
    pub country: u16,
    pub partners: Vec<u16>,
    pub sectors: Vec<u16>,
    /// Folded machine name and vendor, city and site, names and id, for `contains` filters.
    pub system: String,
    pub city: String,
    pub names: String,
    /// For antennas with known links, the factory indices they serve.
    pub serves: Option<Vec<usize>>,
}

/// A sector of the vocabulary, folded, for `sector:` filters.
#[derive(Debug)]
pub(crate) struct SectorVocab {
    /// Folded key, labels and synonyms.
    pub words: Vec<String>,
}

/// A country of the table, folded, for `country:` filters.
#[derive(Debug)]
pub(crate) struct CountryVocab {
    /// Folded (lower-case) ISO code.
    pub code: String,
    /// Folded English and French names.
    pub names: Vec<String>,
}

/// The fuzzy search index over a catalog's factories and antennas. Build it once per
/// dataset load with [`SearchIndex::new`]; it owns everything it needs (no borrow of the
/// catalog), and searching never rebuilds it.
pub struct SearchIndex {
    pub(crate) texts: Vec<TextEntry>,
    /// Every folded text, end to end, so that the texts of consecutive records are
    /// consecutive in memory; `spans[t]` is text `t`'s byte range in it.
    pub(crate) arena: String,
    pub(crate) spans: Vec<(usize, usize)>,
    /// Byte mask of each folded text.
    pub(crate) masks: Vec<u64>,
    /// Text ids of every group, contiguous per group.
    pub(crate) group_texts: Vec<u32>,
    /// Range in `group_texts` of each group.
    pub(crate) groups: Vec<(u32, u32)>,
    pub(crate) refs: Vec<Ref>,
    /// Per record, factories first, then antennas, in dataset order.
    pub(crate) hot: Vec<Hot>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) n_factories: usize,
    pub(crate) sector_vocab: Vec<SectorVocab>,
    pub(crate) country_vocab: Vec<CountryVocab>,
    /// The selection waves present, sorted.
    pub(crate) waves: Vec<u8>,
    /// Whether a second core is there to share large searches.
    pub(crate) parallel: bool,
    pub(crate) matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("records", &self.entries.len())
            .field("texts", &self.texts.len())
            .field("groups", &self.groups.len())
            .field("refs", &self.refs.len())
            .finish_non_exhaustive()
    }
}

#[derive(Hash, PartialEq, Eq)]
enum GroupKey {
    Sector(usize),
    Country(usize),
    Text(u32),
}

/// FxHash: the builder interns a few strings per record, and SipHash showed in profiles of
/// large datasets. Keys come from the dataset, and a slow build is the worst a crafted file
/// could cause.
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// Builder state: interns strings and groups.
#[derive(Default)]
struct Builder {
    texts: Vec<TextEntry>,
    arena: String,
    spans: Vec<(usize, usize)>,
    masks: Vec<u64>,
    text_ids: FxMap<String, u32>,
    group_texts: Vec<u32>,
    groups: Vec<(u32, u32)>,
    group_ids: FxMap<GroupKey, u32>,
}

impl Builder {
    fn text(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.text_ids.get(s) {
            return id;
        }
        let folded = Folded::new(s);
        let id = self.texts.len() as u32;
        let start = self.arena.len();
        self.arena.push_str(&folded.text);
        self.spans.push((start, self.arena.len()));
        self.masks.push(mask_of(folded.text.as_bytes()));
        self.texts.push(TextEntry {
            original: s.to_string(),
            folded,
        });
        self.text_ids.insert(s.to_string(), id);
        id
    }

    /// The group for `key`, created from `strings` (deduplicated, order kept) on first use.
    fn group<'a>(&mut self, key: GroupKey, strings: impl IntoIterator<Item = &'a str>) -> u32 {
        if let Some(&g) = self.group_ids.get(&key) {
            return g;
        }
        let start = self.group_texts.len() as u32;
        for s in strings {
            if s.trim().is_empty() {
                continue;
            }
            let t = self.text(s);
            if !self.group_texts[start as usize..].contains(&t) {
                self.group_texts.push(t);
            }
        }
        let g = self.groups.len() as u32;
        self.groups.push((start, self.group_texts.len() as u32));
        self.group_ids.insert(key, g);
        g
    }

    fn single(&mut self, s: &str) -> u32 {
        let t = self.text(s);
        self.group(GroupKey::Text(t), [s])
    }
}

/// The records indexed so far: their refs, hot parts and entries, in step.
#[derive(Default)]
struct Records {
    refs: Vec<Ref>,
    hot: Vec<Hot>,
    entries: Vec<Entry>,
}

impl Records {
    /// A ref of the record being indexed.
    fn push(&mut self, group: u32, field: Field) {
        self.refs.push(Ref { group, field });
    }

    /// Close the record being indexed: its refs are those pushed since the last one, its
    /// mask the union of the masks of every string they refer to.
    fn finish(&mut self, b: &mut Builder, name: &str, entry: Entry) {
        let start = self.hot.last().map_or(0, |h| h.refs.1);
        let mask = self.refs[start as usize..]
            .iter()
            .flat_map(|r| {
                let (gs, gt) = b.groups[r.group as usize];
                &b.group_texts[gs as usize..gt as usize]
            })
            .fold(0, |m, &t| m | b.masks[t as usize]);
        self.hot.push(Hot {
            mask,
            refs: (start, self.refs.len() as u32),
            name_text: b.text(name),
            rank: 0,
        });
        self.entries.push(entry);
    }
}

/// Folded strings, one per line, for `contains` filters.
fn folded_lines<'a>(strings: impl IntoIterator<Item = &'a str>) -> String {
    strings.into_iter().map(fold).collect::<Vec<_>>().join("\n")
}

impl SearchIndex {
    /// Index every factory and antenna of the catalog: folding, interning and masks are done
    /// here, once.
    pub fn new(cat: &Catalog) -> SearchIndex {
        let mut b = Builder::default();

        let sector_pos: HashMap<&str, usize> = cat
            .sectors
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), i))
            .collect();
        let country_pos: HashMap<&str, usize> = cat
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.as_str(), i))
            .collect();

        let sector_group = |b: &mut Builder, key: &str| -> u32 {
            match sector_pos.get(key) {
                Some(&i) => {
                    let s = &cat.sectors[i];
                    let strings = [s.en.as_str(), s.fr.as_str(), s.key.as_str()]
                        .into_iter()
                        .chain(s.synonyms.iter().map(IStr::as_str));
                    b.group(GroupKey::Sector(i), strings)
                }
                None => b.single(key),
            }
        };
        let country_group = |b: &mut Builder, code: &str| -> u32 {
            match country_pos.get(code) {
                Some(&i) => {
                    let c = &cat.countries[i];
                    b.group(
                        GroupKey::Country(i),
                        [c.en.as_str(), c.fr.as_str(), c.code.as_str()],
                    )
                }
                None => b.single(code),
            }
        };
        let country_idx = |code: &str| -> u16 {
            country_pos
                .get(code)
                .map_or(u16::MAX, |&i| u16::try_from(i).unwrap_or(u16::MAX))
        };
        let sector_idx =
            |key: &str| -> Option<u16> { sector_pos.get(key).and_then(|&i| u16::try_from(i).ok()) };

        // Refs are pushed in decreasing field weight, so that on equal weighted scores the
        // more telling field is reported.
        let mut r = Records::default();
        for (i, f) in cat.factories().iter().enumerate() {
            for s in &f.sectors {
                r.push(sector_group(&mut b, s), Field::Sector);
            }
            r.push(b.single(&f.name), Field::Name);
            for a in &f.aliases {
                r.push(b.single(a), Field::Alias);
            }
            r.push(country_group(&mut b, &f.country), Field::Country);
            r.push(b.single(&f.city), Field::City);
            if let Some(site) = &f.site {
                r.push(b.single(&site.name), Field::City);
            }
            r.push(b.single(&f.host), Field::Host);
            if let Some(n) = &f.system.name {
                r.push(b.single(n), Field::System);
            }
            if let Some(v) = &f.system.vendor {
                r.push(b.single(v), Field::Vendor);
            }
            for p in &f.partners {
                r.push(country_group(&mut b, p), Field::Partner);
            }
            for c in &f.consortium {
                r.push(b.single(c), Field::Consortium);
            }
            let entry = Entry {
                record: Record::Factory(i),
                wave: f.wave,
                country: country_idx(&f.country),
                partners: f.partners.iter().map(|p| country_idx(p)).collect(),
                sectors: f.sectors.iter().filter_map(|s| sector_idx(s)).collect(),
                system: folded_lines(
                    [f.system.name.as_deref(), f.system.vendor.as_deref()]
                        .into_iter()
                        .flatten(),
                ),
                city: folded_lines(
                    std::iter::once(f.city.as_str()).chain(f.site.iter().map(|s| s.name.as_str())),
                ),
                names: folded_lines(
                    std::iter::once(f.name.as_str())
                        .chain(f.aliases.iter().map(IStr::as_str))
                        .chain(std::iter::once(f.id.as_str())),
                ),
                serves: None,
            };
            r.finish(&mut b, &f.name, entry);
        }
        for (i, a) in cat.antennas().iter().enumerate() {
            r.push(b.single(&a.name), Field::Name);
            r.push(country_group(&mut b, &a.country), Field::Country);
            if let Some(c) = &a.city {
                r.push(b.single(c), Field::City);
            }
            let serves = match &a.linked {
                Link::Factories(ids) => {
                    let idx: Vec<usize> =
                        ids.iter().filter_map(|id| cat.factory_index(id)).collect();
                    for &fi in &idx {
                        r.push(b.single(&cat.factories()[fi].name), Field::Serves);
                    }
                    Some(idx)
                }
                Link::Unknown => None,
            };
            let entry = Entry {
                record: Record::Antenna(i),
                wave: 0,
                country: country_idx(&a.country),
                partners: Vec::new(),
                sectors: Vec::new(),
                system: String::new(),
                city: folded_lines(a.city.as_deref()),
                names: folded_lines([a.name.as_str(), a.id.as_str()]),
                serves,
            };
            r.finish(&mut b, &a.name, entry);
        }
        let Records {
            refs,
            mut hot,
            entries,
        } = r;

        // Ties are broken by name: folded first so that `Á` sorts with `A`.
        let mut order: Vec<usize> = (0..hot.len()).collect();
        let keys: Vec<(&str, &str)> = hot
            .iter()
            .map(|h| {
                let t = &b.texts[h.name_text as usize];
                (t.folded.text.as_str(), t.original.as_str())
            })
            .collect();
        order.sort_by(|&x, &y| keys[x].cmp(&keys[y]).then(x.cmp(&y)));
        for (rank, &i) in order.iter().enumerate() {
            hot[i].rank = rank as u32;
        }

        let sector_vocab = cat
            .sectors
            .iter()
            .map(|s| SectorVocab {
                words: [&s.key, &s.en, &s.fr]
                    .into_iter()
                    .chain(s.synonyms.iter())
                    .map(|w| fold(w))
                    .collect(),
            })
            .collect();
        let country_vocab = cat
            .countries
            .iter()
            .map(|c| CountryVocab {
                code: fold(&c.code),
                names: vec![fold(&c.en), fold(&c.fr)],
            })
            .collect();
        let mut waves: Vec<u8> = cat.factories().iter().map(|f| f.wave).collect();
        waves.sort_unstable();
        waves.dedup();

        SearchIndex {
            texts: b.texts,
            arena: b.arena,
            spans: b.spans,
            masks: b.masks,
            group_texts: b.group_texts,
            groups: b.groups,
            refs,
            hot,
            entries,
            n_factories: cat.factories().len(),
            sector_vocab,
            country_vocab,
            waves,
            parallel: std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2),
            matcher: SkimMatcherV2::default()
                .ignore_case()
                .element_limit(SKIM_ELEMENT_LIMIT),
        }
    }

    /// Number of records (factories and antennas).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The internal id of a record (factories first, then antennas), if it exists.
    pub(crate) fn rec_id(&self, r: Record) -> Option<usize> {
        let id = match r {
            Record::Factory(i) => i,
            Record::Antenna(i) => self.n_factories.checked_add(i)?,
        };
        (id < self.entries.len() && self.entries[id].record == r).then_some(id)
    }

    /// The record of an internal id.
    #[inline]
    pub(crate) fn record_of(&self, rec: u32) -> Record {
        let rec = rec as usize;
        if rec < self.n_factories {
            Record::Factory(rec)
        } else {
            Record::Antenna(rec - self.n_factories)
        }
    }

    /// The factories (indices) an antenna serves, when the sources say; `None` for factories
    /// and for antennas whose link is unknown.
    pub fn serves(&self, r: Record) -> Option<&[usize]> {
        self.rec_id(r)
            .and_then(|id| self.entries[id].serves.as_deref())
    }

    /// The folded text of a text id.
    #[inline]
    pub(crate) fn hay(&self, text: u32) -> &str {
        let (s, t) = self.spans[text as usize];
        &self.arena[s..t]
    }

    /// Whether some record's folded name, other name or id contains `folded`.
    pub(crate) fn names_contain(&self, folded: &str) -> bool {
        !folded.is_empty() && self.entries.iter().any(|e| e.names.contains(folded))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_are_subsets_for_subsequences() {
        let m = mask_of(b"linkoping");
        assert_eq!(mask_of(b"lkpg") & !m, 0);
        assert_ne!(mask_of(b"lkpz") & !m, 0);
        // Non-letters have bits too, so `:` is not free.
        assert_ne!(mask_of(b":"), 0);
        assert_ne!(mask_of(b"ai:at") & !mask_of(b"aiat"), 0);
    }
}
