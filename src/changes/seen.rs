//! What the dashboard showed last, kept small: the data's `as_of` and, for every record, its
//! key and one fingerprint per field ([`Seen`]); and what changed since ([`SeenDiff`]).
//!
//! The fingerprints say which fields changed, not from what: the old values are not kept,
//! so that the file stays a small fraction of the data. A milestone keeps its date, so that
//! a move says where from. Records are matched as `diff` matches them (see the module
//! above), and a field compared only when both sides know it (a field added to the model by
//! a newer build is no change in the data).
//!
//! In the file, the field names are listed once per kind and the records by kind, one short
//! tuple a line (about 50 KB for the 280 KB of the real data): `("lumi-aif", "a1b43f08…")`,
//! a milestone `(Some("lumi-aif"), "2025-03", "2025-03 launch \"…\"", true, "3a9ba6f7…")`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{fingerprint, match_by, match_milestones, milestone_label};
use crate::data::{Dataset, PDate};

/// The version of the file's layout; a file of another version is not read (nor written
/// over: it may be a newer build's).
pub const FORMAT: u32 = 1;

/// What kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Factory,
    Antenna,
    Milestone,
    Source,
}

impl Kind {
    /// The name `diff` uses.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Factory => "factory",
            Kind::Antenna => "antenna",
            Kind::Milestone => "milestone",
            Kind::Source => "source",
        }
    }
}

/// Where a record is in the dataset it was fingerprinted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum At {
    Factory(usize),
    Antenna(usize),
    /// `Dataset.milestones[i]`.
    Programme(usize),
    /// `Dataset.factories[factory].milestones[milestone]`.
    FactoryMilestone {
        factory: usize,
        milestone: usize,
    },
    Source(usize),
}

/// One record's key and fingerprints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rec {
    pub kind: Kind,
    /// The record's id; for a milestone without one, `DATE KIND "TITLE"` (with `anon`).
    pub id: String,
    /// The factory a milestone belongs to.
    pub factory: Option<String>,
    /// A milestone's date.
    pub date: Option<PDate>,
    /// A milestone without an id of its own.
    pub anon: bool,
    /// One fingerprint per field, in the order of [`Seen::fields`] for this kind.
    pub fp: Vec<u32>,
    /// Where it is in the dataset it was made from (not kept in the file).
    pub at: Option<At>,
}

/// The fingerprints of a dataset: what the state file holds (in a form of its own, below).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "File")]
pub struct Seen {
    /// [`FORMAT`].
    pub format: u32,
    pub as_of: PDate,
    /// The whole data's fingerprint ([`data_fingerprint`]): equal, nothing changed, and the
    /// records need not be read.
    #[serde(with = "hex64")]
    pub data: u64,
    /// The fields of each kind of record, by dotted path, in the order of its fingerprints.
    pub fields: BTreeMap<Kind, Vec<String>>,
    pub records: Vec<Rec>,
}

impl Serialize for Seen {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        File::from(self).serialize(s)
    }
}

/// The file's form of a [`Seen`]: the records by kind, each a short tuple, so that the kind
/// and the field names are not repeated on every line.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: u32,
    as_of: PDate,
    #[serde(with = "hex64")]
    data: u64,
    fields: BTreeMap<Kind, Vec<String>>,
    factories: Vec<Plain>,
    antennas: Vec<Plain>,
    milestones: Vec<MilestoneRec>,
    sources: Vec<Plain>,
}

/// A factory, antenna or source: its id and fingerprints (eight hex digits a field).
#[derive(Serialize, Deserialize)]
struct Plain(String, #[serde(with = "hex")] Vec<u32>);

/// A milestone: its factory (none for the programme's), date, id (for one without an id,
/// `DATE KIND "TITLE"` and `true`) and fingerprints.
#[derive(Serialize, Deserialize)]
struct MilestoneRec(
    Option<String>,
    PDate,
    String,
    bool,
    #[serde(with = "hex")] Vec<u32>,
);

impl From<&Seen> for File {
    fn from(s: &Seen) -> File {
        let plain = |k: Kind| -> Vec<Plain> {
            s.records
                .iter()
                .filter(|r| r.kind == k)
                .map(|r| Plain(r.id.clone(), r.fp.clone()))
                .collect()
        };
        File {
            format: s.format,
            as_of: s.as_of,
            data: s.data,
            fields: s.fields.clone(),
            factories: plain(Kind::Factory),
            antennas: plain(Kind::Antenna),
            milestones: s
                .records
                .iter()
                .filter(|r| r.kind == Kind::Milestone)
                .map(|r| {
                    MilestoneRec(
                        r.factory.clone(),
                        r.date.unwrap_or(s.as_of),
                        r.id.clone(),
                        r.anon,
                        r.fp.clone(),
                    )
                })
                .collect(),
            sources: plain(Kind::Source),
        }
    }
}

impl From<File> for Seen {
    fn from(f: File) -> Seen {
        let mut records = Vec::with_capacity(
            f.factories.len() + f.antennas.len() + f.milestones.len() + f.sources.len(),
        );
        let plain = |kind: Kind, Plain(id, fp): Plain| Rec {
            kind,
            id,
            factory: None,
            date: None,
            anon: false,
            fp,
            at: None,
        };
        records.extend(f.factories.into_iter().map(|p| plain(Kind::Factory, p)));
        records.extend(f.antennas.into_iter().map(|p| plain(Kind::Antenna, p)));
        records.extend(f.milestones.into_iter().map(
            |MilestoneRec(factory, date, id, anon, fp)| Rec {
                kind: Kind::Milestone,
                id,
                factory,
                date: Some(date),
                anon,
                fp,
                at: None,
            },
        ));
        records.extend(f.sources.into_iter().map(|p| plain(Kind::Source, p)));
        Seen {
            format: f.format,
            as_of: f.as_of,
            data: f.data,
            fields: f.fields,
            records,
        }
    }
}

/// The start of a state file: read alone (the rest skipped), it tells whether the data is
/// the one seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Header {
    pub format: u32,
    pub as_of: PDate,
    #[serde(with = "hex64")]
    pub data: u64,
}

/// The fingerprint of a whole dataset, order and all (a reordered file differs here, and
/// the record-by-record comparison then finds no change).
pub fn data_fingerprint(data: &Dataset) -> u64 {
    fingerprint::whole(data)
}

/// What happened to a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    Added,
    Removed,
    /// These fields changed.
    Changed(Vec<String>),
    /// A milestone's date moved (and maybe these fields changed too).
    Moved {
        from: PDate,
        to: PDate,
        fields: Vec<String>,
    },
}

/// One record that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: Kind,
    /// As in [`Rec::id`].
    pub id: String,
    pub factory: Option<String>,
    pub what: What,
    /// Where it is in the current data (`None` when removed).
    pub at: Option<At>,
}

/// How a record on screen changed since it was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    New,
    Changed,
}

/// Everything that changed since a [`Seen`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenDiff {
    /// The `as_of` of the data seen.
    pub since: PDate,
    /// In the new data's order; the removed ones last.
    pub changes: Vec<Change>,
}

impl SeenDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// The mark of each changed record still in the data.
    pub fn marks(&self) -> impl Iterator<Item = (At, Mark)> + '_ {
        self.changes.iter().filter_map(|c| {
            let mark = match c.what {
                What::Added => Mark::New,
                What::Removed => return None,
                What::Changed(_) | What::Moved { .. } => Mark::Changed,
            };
            Some((c.at?, mark))
        })
    }
}

fn fold(fp: u64) -> u32 {
    // The two halves folded: eight hex digits a field keep the file small, and a chance
    // collision (one in four billion per changed field) would only hide one change.
    (fp ^ (fp >> 32)) as u32
}

impl Seen {
    /// Fingerprint a dataset.
    pub fn of(data: &Dataset) -> Seen {
        let mut b = Builder {
            seen: Seen {
                format: FORMAT,
                as_of: data.as_of,
                data: data_fingerprint(data),
                fields: BTreeMap::new(),
                records: Vec::with_capacity(
                    data.factories.len() * 8
                        + data.antennas.len()
                        + data.milestones.len()
                        + data.sources.len(),
                ),
            },
            scratch: Vec::with_capacity(32),
        };
        for (i, f) in data.factories.iter().enumerate() {
            b.push(
                Kind::Factory,
                f.id.to_string(),
                None,
                f,
                &["id", "milestones"],
                At::Factory(i),
            );
        }
        for (i, a) in data.antennas.iter().enumerate() {
            b.push(
                Kind::Antenna,
                a.id.to_string(),
                None,
                a,
                &["id"],
                At::Antenna(i),
            );
        }
        for (i, f) in data.factories.iter().enumerate() {
            for (k, m) in f.milestones.iter().enumerate() {
                b.milestone(
                    m,
                    Some(&f.id),
                    At::FactoryMilestone {
                        factory: i,
                        milestone: k,
                    },
                );
            }
        }
        for (i, m) in data.milestones.iter().enumerate() {
            b.milestone(m, None, At::Programme(i));
        }
        for (i, s) in data.sources.iter().enumerate() {
            b.push(
                Kind::Source,
                s.id.to_string(),
                None,
                s,
                &["id"],
                At::Source(i),
            );
        }
        b.seen
    }
}

struct Builder {
    seen: Seen,
    scratch: Vec<u64>,
}

impl Builder {
    /// A record's fingerprints, but of the fields in `skip` (the key, which matching
    /// compares, and what is kept as such or compared apart).
    fn push<T: Serialize>(
        &mut self,
        kind: Kind,
        id: String,
        factory: Option<&str>,
        v: &T,
        skip: &[&str],
        at: At,
    ) -> &mut Rec {
        self.scratch.clear();
        let names = self.seen.fields.entry(kind).or_default();
        // The names once per kind: every record of a kind has the same fields.
        let want_names = names.is_empty();
        fingerprint::fields(v, skip, want_names.then_some(names), &mut self.scratch);
        self.seen.records.push(Rec {
            kind,
            id,
            factory: factory.map(str::to_string),
            date: None,
            anon: false,
            fp: self.scratch.iter().map(|&f| fold(f)).collect(),
            at: Some(at),
        });
        let last = self.seen.records.len() - 1;
        &mut self.seen.records[last]
    }

    fn milestone(&mut self, m: &crate::data::Milestone, factory: Option<&str>, at: At) {
        let r = self.push(
            Kind::Milestone,
            milestone_label(m),
            factory,
            m,
            // The date is kept as such, to say where it moved from; the id is the key.
            &["id", "date"],
            at,
        );
        r.date = Some(m.date);
        r.anon = m.id.is_none();
    }
}

/// Compare what was seen with what is: every record added, removed, changed or moved.
pub fn compare(old: &Seen, new: &Seen) -> SeenDiff {
    let mut changes = Vec::new();
    let mut removed = Vec::new();
    let of_kind = |s: &Seen, k: Kind| -> Vec<usize> {
        (0..s.records.len())
            .filter(|&i| s.records[i].kind == k)
            .collect()
    };
    for kind in [Kind::Factory, Kind::Milestone, Kind::Antenna, Kind::Source] {
        let fields = Fields::new(old, new, kind);
        let (o, n) = (of_kind(old, kind), of_kind(new, kind));
        if kind != Kind::Milestone {
            let side = |l: &[usize], is_old: bool| -> Vec<(bool, usize)> {
                l.iter().map(|&i| (is_old, i)).collect()
            };
            let (to, tn) = (side(&o, true), side(&n, false));
            let m = match_by(&to, &tn, |&(is_old, i)| {
                let s = if is_old { old } else { new };
                s.records[i].id.as_str()
            });
            collect(&m, &o, &n, old, new, &fields, &mut changes, &mut removed);
            continue;
        }
        // Milestones, factory by factory (and the programme's).
        let mut groups: BTreeMap<Option<&str>, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
        for &i in &o {
            groups
                .entry(old.records[i].factory.as_deref())
                .or_default()
                .0
                .push(i);
        }
        for &j in &n {
            groups
                .entry(new.records[j].factory.as_deref())
                .or_default()
                .1
                .push(j);
        }
        // In the new data's order.
        let mut groups: Vec<_> = groups.into_values().collect();
        groups.sort_by_key(|(_, n)| n.first().copied().unwrap_or(usize::MAX));
        let (ok, nk) = (
            fields.old_pair("kind", "title.en"),
            fields.new_pair("kind", "title.en"),
        );
        for (o, n) in groups {
            let m = match_two(
                &o,
                &n,
                |&i| (old.records[i].anon, old.records[i].id.as_str()),
                |&j| (new.records[j].anon, new.records[j].id.as_str()),
                |&i| loose_key(&old.records[i], ok),
                |&j| loose_key(&new.records[j], nk),
                // Without both fields on both sides, no milestone is matched loosely.
                |is_old, i| {
                    let s = if is_old { old } else { new };
                    !s.records[i].anon || ok.is_none() || nk.is_none()
                },
            );
            collect(&m, &o, &n, old, new, &fields, &mut changes, &mut removed);
        }
    }
    changes.append(&mut removed);
    SeenDiff {
        since: old.as_of,
        changes,
    }
}

/// A milestone's kind and English title, by their fingerprints.
fn loose_key(r: &Rec, at: Option<(usize, usize)>) -> Option<(u32, u32)> {
    let (a, b) = at?;
    Some((*r.fp.get(a)?, *r.fp.get(b)?))
}

/// [`match_milestones`] over two lists of record indexes into different [`Seen`]s: each
/// index is tagged with its side so that one key function reads the right one.
#[allow(clippy::too_many_arguments)]
fn match_two<'a, K, L>(
    o: &[usize],
    n: &[usize],
    old_key: impl Fn(&usize) -> K,
    new_key: impl Fn(&usize) -> K,
    old_loose: impl Fn(&usize) -> L,
    new_loose: impl Fn(&usize) -> L,
    has_id: impl Fn(bool, usize) -> bool,
) -> super::Matching
where
    K: std::hash::Hash + Eq + 'a,
    L: std::hash::Hash + Eq + 'a,
{
    let o: Vec<(bool, usize)> = o.iter().map(|&i| (true, i)).collect();
    let n: Vec<(bool, usize)> = n.iter().map(|&j| (false, j)).collect();
    match_milestones(
        &o,
        &n,
        |&(side, i)| if side { old_key(&i) } else { new_key(&i) },
        |&(side, i)| if side { old_loose(&i) } else { new_loose(&i) },
        |&(side, i)| has_id(side, i),
    )
}

/// The fields two [`Seen`]s both know for a kind: (old position, new position, name).
struct Fields<'a> {
    common: Vec<(usize, usize, &'a str)>,
    old: &'a [String],
    new: &'a [String],
}

impl<'a> Fields<'a> {
    fn new(old: &'a Seen, new: &'a Seen, kind: Kind) -> Fields<'a> {
        let empty: &[String] = &[];
        let o = old.fields.get(&kind).map_or(empty, Vec::as_slice);
        let n = new.fields.get(&kind).map_or(empty, Vec::as_slice);
        let common = if o == n {
            (0..o.len()).map(|i| (i, i, o[i].as_str())).collect()
        } else {
            o.iter()
                .enumerate()
                .filter_map(|(i, name)| Some((i, n.iter().position(|x| x == name)?, name.as_str())))
                .collect()
        };
        Fields {
            common,
            old: o,
            new: n,
        }
    }

    fn old_pair(&self, a: &str, b: &str) -> Option<(usize, usize)> {
        let p = |x: &str| self.old.iter().position(|y| y == x);
        Some((p(a)?, p(b)?))
    }

    fn new_pair(&self, a: &str, b: &str) -> Option<(usize, usize)> {
        let p = |x: &str| self.new.iter().position(|y| y == x);
        Some((p(a)?, p(b)?))
    }

    /// The names of the fields whose fingerprints differ.
    fn changed(&self, a: &Rec, b: &Rec) -> Vec<String> {
        if a.fp == b.fp && self.old == self.new {
            return Vec::new();
        }
        self.common
            .iter()
            .filter(|&&(i, j, _)| a.fp.get(i) != b.fp.get(j))
            .map(|&(_, _, name)| name.to_string())
            .collect()
    }
}

#[allow(clippy::too_many_arguments)]
fn collect(
    m: &super::Matching,
    o: &[usize],
    n: &[usize],
    old: &Seen,
    new: &Seen,
    fields: &Fields,
    changes: &mut Vec<Change>,
    removed: &mut Vec<Change>,
) {
    let change = |r: &Rec, what: What, at: Option<At>| Change {
        kind: r.kind,
        id: r.id.clone(),
        factory: r.factory.clone(),
        what,
        at,
    };
    // Added and changed, in the new order.
    let mut ours: Vec<(usize, Change)> = Vec::new();
    for &(i, j) in &m.pairs {
        let (a, b) = (&old.records[o[i]], &new.records[n[j]]);
        let changed = fields.changed(a, b);
        let what = match (a.date, b.date) {
            (Some(from), Some(to)) if from != to => What::Moved {
                from,
                to,
                fields: changed,
            },
            _ if changed.is_empty() => continue,
            _ => What::Changed(changed),
        };
        ours.push((j, change(b, what, b.at)));
    }
    for &j in &m.added {
        let b = &new.records[n[j]];
        ours.push((j, change(b, What::Added, b.at)));
    }
    ours.sort_by_key(|(j, _)| *j);
    changes.extend(ours.into_iter().map(|(_, c)| c));
    for &i in &m.removed {
        removed.push(change(&old.records[o[i]], What::Removed, None));
    }
}

/// A 64-bit fingerprint as sixteen hex digits.
mod hex64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(fp: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{fp:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        u64::from_str_radix(&s, 16).map_err(|_| serde::de::Error::custom("not a hex fingerprint"))
    }
}

/// Fingerprints as one hex string, eight digits each: compact in the file and quick to read.
mod hex {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(fp: &[u32], s: S) -> Result<S::Ok, S::Error> {
        use std::fmt::Write;
        let mut out = String::with_capacity(fp.len() * 8);
        for f in fp {
            let _ = write!(out, "{f:08x}");
        }
        s.serialize_str(&out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        if s.len() % 8 != 0 || !s.is_ascii() {
            return Err(serde::de::Error::custom(
                "fingerprints: eight hex digits each",
            ));
        }
        (0..s.len())
            .step_by(8)
            .map(|k| {
                u32::from_str_radix(&s[k..k + 8], 16)
                    .map_err(|_| serde::de::Error::custom("fingerprints: not hex digits"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Catalog, Certainty};

    fn embedded() -> Dataset {
        Catalog::embedded().unwrap().data
    }

    #[test]
    fn the_same_data_reordered_has_no_change() {
        let (a, b) = crate::changes::embedded_and_reordered();
        let d = compare(&Seen::of(&a), &Seen::of(&b));
        assert!(d.is_empty(), "{d:#?}");
    }

    #[test]
    fn a_field_change_names_the_field_and_marks_the_record() {
        let a = embedded();
        let mut b = a.clone();
        b.factories[1].system.vendor = Some("Someone".into());
        b.factories[1].system.operation_certainty = Certainty::Conflicting;
        let d = compare(&Seen::of(&a), &Seen::of(&b));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(
            d.changes[0].what,
            What::Changed(vec![
                "system.vendor".to_string(),
                "system.operation_certainty".to_string()
            ])
        );
        assert_eq!(
            d.marks().collect::<Vec<_>>(),
            [(At::Factory(1), Mark::Changed)]
        );
    }

    #[test]
    fn added_removed_and_moved_records_are_told_apart() {
        let a = embedded();
        let mut b = a.clone();
        let gone = b.antennas.remove(0);
        let mut extra = b.sources[0].clone();
        extra.id = "brand-new-source".into();
        b.sources.push(extra);
        let (fi, mi) = a
            .factories
            .iter()
            .enumerate()
            .find_map(|(i, f)| {
                f.milestones
                    .iter()
                    .position(|m| m.id.is_none())
                    .map(|m| (i, m))
            })
            .unwrap();
        let from = a.factories[fi].milestones[mi].date;
        let to = PDate::parse("2031-H2").unwrap();
        b.factories[fi].milestones[mi].date = to;
        let d = compare(&Seen::of(&a), &Seen::of(&b));
        assert_eq!(d.len(), 3, "{d:#?}");
        assert!(d.changes.iter().any(|c| c.what
            == What::Moved {
                from,
                to,
                fields: vec![]
            }
            && c.at
                == Some(At::FactoryMilestone {
                    factory: fi,
                    milestone: mi
                })));
        assert!(
            d.changes
                .iter()
                .any(|c| c.what == What::Added && c.id == "brand-new-source")
        );
        let last = d.changes.last().unwrap();
        assert_eq!(
            (last.what.clone(), last.id.as_str()),
            (What::Removed, gone.id.as_str())
        );
    }

    #[test]
    fn the_file_form_reads_back_the_same() {
        let s = Seen::of(&embedded());
        let text = ron::to_string(&s).unwrap();
        let mut back: Seen = ron::from_str(&text).unwrap();
        assert!(back.records.iter().all(|r| r.at.is_none()));
        for (r, b) in s.records.iter().zip(&mut back.records) {
            b.at = r.at;
        }
        assert_eq!(back, s);
        assert!(compare(&back, &s).is_empty());
    }

    #[test]
    fn a_field_only_one_side_knows_is_no_change() {
        let a = Seen::of(&embedded());
        let mut b = a.clone();
        b.fields
            .get_mut(&Kind::Source)
            .unwrap()
            .push("newer".into());
        for r in b.records.iter_mut().filter(|r| r.kind == Kind::Source) {
            r.fp.push(7);
        }
        assert!(compare(&a, &b).is_empty());
    }
}
