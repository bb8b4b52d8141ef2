//! Two datasets compared record by record and field by field: [`compare`] and its report,
//! [`Diff`].
//!
//! Records are matched by `id` (factories, antennas, sources); milestones by their `id` when
//! they have one, else by date, kind and English title, and a milestone left unmatched that way
//! is matched by kind and English title alone (its date moved). A factory's own milestones are
//! compared as records of their own, not as a field of the factory. The order of records, and
//! of lists of ids and keys inside them, is no change.
//!
//! Fields are compared on the records' serde form (`serde_json::Value`), recursing into
//! nested structs with dotted paths (`system.vendor`) and into lists of structs with indexes
//! (`notes[1].text.en`). The JSON form, [`Diff`], is a public interface (`diff --format
//! json`): add, never rename.

use serde::Serialize;
use serde_json::Value;

use super::{match_by, match_milestones, milestone_key, milestone_label};
use crate::data::{Dataset, Milestone};

/// Everything that differs between two datasets.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    /// Nothing differs (reordering is no difference).
    pub same: bool,
    /// Records only in the new dataset, in its order.
    pub added: Vec<Entry>,
    /// Records only in the old dataset, in its order.
    pub removed: Vec<Entry>,
    /// Records in both with different fields (a moved milestone's date is in `moved` instead).
    pub changed: Vec<Changed>,
    /// Milestones whose date changed.
    pub moved: Vec<Moved>,
    /// The changed fields that are certainties (`certainty`, `*_certainty`), also in `changed`.
    pub certainties: Vec<CertaintyChange>,
}

/// A record added or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// `factory`, `antenna`, `milestone` or `source`.
    pub kind: &'static str,
    /// The record's id; for a milestone without one, `DATE KIND "TITLE"`.
    pub id: String,
    /// The factory a milestone belongs to; `null` for everything else.
    pub factory: Option<String>,
    /// Name (factory, antenna), English title (milestone, source).
    pub label: String,
}

/// A record in both datasets whose fields differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changed {
    /// `dataset` (for `as_of`), `factory`, `antenna`, `milestone` or `source`.
    pub kind: &'static str,
    pub id: String,
    pub factory: Option<String>,
    pub fields: Vec<FieldChange>,
}

/// One field, old and new value side by side (`null` when absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// Dotted path inside the record: `system.vendor`, `notes[0].certainty`.
    pub field: String,
    pub old: Value,
    pub new: Value,
    /// For lists compared as sets (ids, keys): the members only in `new`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<Vec<Value>>,
    /// For lists compared as sets: the members only in `old`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<Vec<Value>>,
}

/// A milestone whose date changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moved {
    pub id: String,
    pub factory: Option<String>,
    /// The milestone's kind (`procurement`).
    pub milestone_kind: &'static str,
    pub title: String,
    /// The old date: the date first announced as far as these two datasets tell.
    pub old: String,
    pub new: String,
    /// The milestone's own `first_announced` field (new record, else old), when set.
    pub first_announced: Option<String>,
}

/// A certainty that changed, on a record's field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CertaintyChange {
    pub kind: &'static str,
    pub id: String,
    pub factory: Option<String>,
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// Compare two datasets.
pub fn compare(old: &Dataset, new: &Dataset) -> Diff {
    let mut d = Diff::default();
    if old.as_of != new.as_of {
        d.changed.push(Changed {
            kind: "dataset",
            id: "as_of".to_string(),
            factory: None,
            fields: vec![FieldChange {
                field: "as_of".to_string(),
                old: Value::String(old.as_of.iso()),
                new: Value::String(new.as_of.iso()),
                added: None,
                removed: None,
            }],
        });
    }

    // Factories, with their own milestones.
    let m = match_by(&old.factories, &new.factories, |f| f.id.as_str());
    for &(i, j) in &m.pairs {
        let (a, b) = (&old.factories[i], &new.factories[j]);
        if a == b {
            continue;
        }
        record(&mut d, "factory", &b.id, None, a, b, &["milestones"]);
        milestones(&mut d, &a.milestones, &b.milestones, Some(b.id.as_str()));
    }
    for &i in &m.removed {
        let f = &old.factories[i];
        d.removed.push(entry("factory", &f.id, None, &f.name));
    }
    for &j in &m.added {
        let f = &new.factories[j];
        d.added.push(entry("factory", &f.id, None, &f.name));
    }

    let m = match_by(&old.antennas, &new.antennas, |a| a.id.as_str());
    for &(i, j) in &m.pairs {
        let (a, b) = (&old.antennas[i], &new.antennas[j]);
        if a != b {
            record(&mut d, "antenna", &b.id, None, a, b, &[]);
        }
    }
    for &i in &m.removed {
        let a = &old.antennas[i];
        d.removed.push(entry("antenna", &a.id, None, &a.name));
    }
    for &j in &m.added {
        let a = &new.antennas[j];
        d.added.push(entry("antenna", &a.id, None, &a.name));
    }

    milestones(&mut d, &old.milestones, &new.milestones, None);

    let m = match_by(&old.sources, &new.sources, |s| s.id.as_str());
    for &(i, j) in &m.pairs {
        let (a, b) = (&old.sources[i], &new.sources[j]);
        if a != b {
            record(&mut d, "source", &b.id, None, a, b, &[]);
        }
    }
    for &i in &m.removed {
        let s = &old.sources[i];
        d.removed.push(entry("source", &s.id, None, &s.title));
    }
    for &j in &m.added {
        let s = &new.sources[j];
        d.added.push(entry("source", &s.id, None, &s.title));
    }

    d.same =
        d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty() && d.moved.is_empty();
    d
}

fn milestones(d: &mut Diff, old: &[Milestone], new: &[Milestone], factory: Option<&str>) {
    if old == new {
        return;
    }
    let m = match_milestones(
        old,
        new,
        milestone_key,
        |m| (m.kind, m.title.en.as_str()),
        |m| m.id.is_some(),
    );
    let (pairs, removed, added) = (m.pairs, m.removed, m.added);
    for (i, j) in pairs {
        let (a, b) = (&old[i], &new[j]);
        if a == b {
            continue;
        }
        let id = milestone_label(a);
        if a.date != b.date {
            d.moved.push(Moved {
                id: id.clone(),
                factory: factory.map(str::to_string),
                milestone_kind: b.kind.key(),
                title: b.title.en.to_string(),
                old: a.date.iso(),
                new: b.date.iso(),
                first_announced: b
                    .first_announced
                    .as_ref()
                    .or(a.first_announced.as_ref())
                    .map(|d| d.iso()),
            });
        }
        record(d, "milestone", &id, factory, a, b, &["date"]);
    }
    for i in removed {
        let a = &old[i];
        d.removed.push(entry(
            "milestone",
            &milestone_label(a),
            factory,
            &a.title.en,
        ));
    }
    for j in added {
        let b = &new[j];
        d.added.push(entry(
            "milestone",
            &milestone_label(b),
            factory,
            &b.title.en,
        ));
    }
}

fn entry(kind: &'static str, id: &str, factory: Option<&str>, label: &str) -> Entry {
    Entry {
        kind,
        id: id.to_string(),
        factory: factory.map(str::to_string),
        label: label.to_string(),
    }
}

/// Compare two versions of a record field by field (but the top-level fields of `skip`) and
/// note the changes, if any.
fn record<T: Serialize>(
    d: &mut Diff,
    kind: &'static str,
    id: &str,
    factory: Option<&str>,
    old: &T,
    new: &T,
    skip: &[&str],
) {
    // Plain data structs always serialise.
    let (a, b) = (
        serde_json::to_value(old).unwrap_or(Value::Null),
        serde_json::to_value(new).unwrap_or(Value::Null),
    );
    let mut fields = Vec::new();
    match (&a, &b) {
        (Value::Object(oa), Value::Object(ob)) => {
            for (k, va) in oa {
                if !skip.contains(&k.as_str()) {
                    walk(k, va, ob.get(k).unwrap_or(&Value::Null), &mut fields);
                }
            }
            for (k, vb) in ob {
                if !oa.contains_key(k) && !skip.contains(&k.as_str()) {
                    walk(k, &Value::Null, vb, &mut fields);
                }
            }
        }
        _ => walk("", &a, &b, &mut fields),
    }
    if fields.is_empty() {
        return;
    }
    for f in &fields {
        let last = f.field.rsplit('.').next().unwrap_or(&f.field);
        if last == "certainty" || last.ends_with("_certainty") {
            d.certainties.push(CertaintyChange {
                kind,
                id: id.to_string(),
                factory: factory.map(str::to_string),
                field: f.field.clone(),
                old: f.old.clone(),
                new: f.new.clone(),
            });
        }
    }
    d.changed.push(Changed {
        kind,
        id: id.to_string(),
        factory: factory.map(str::to_string),
        fields,
    });
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A list of plain values (ids, keys, enum names): compared as a set.
pub fn is_plain_list(v: &[Value]) -> bool {
    v.iter()
        .all(|x| matches!(x, Value::String(_) | Value::Number(_) | Value::Bool(_)))
}

fn walk(path: &str, a: &Value, b: &Value, out: &mut Vec<FieldChange>) {
    if a == b {
        return;
    }
    let whole = |out: &mut Vec<FieldChange>| {
        out.push(FieldChange {
            field: path.to_string(),
            old: a.clone(),
            new: b.clone(),
            added: None,
            removed: None,
        })
    };
    match (a, b) {
        (Value::Object(oa), Value::Object(ob)) => {
            for (k, va) in oa {
                walk(&join(path, k), va, ob.get(k).unwrap_or(&Value::Null), out);
            }
            for (k, vb) in ob {
                if !oa.contains_key(k) {
                    walk(&join(path, k), &Value::Null, vb, out);
                }
            }
        }
        (Value::Array(la), Value::Array(lb)) if is_plain_list(la) && is_plain_list(lb) => {
            let removed: Vec<Value> = la.iter().filter(|x| !lb.contains(x)).cloned().collect();
            let added: Vec<Value> = lb.iter().filter(|x| !la.contains(x)).cloned().collect();
            if removed.is_empty() && added.is_empty() && la.len() == lb.len() {
                return;
            }
            out.push(FieldChange {
                field: path.to_string(),
                old: a.clone(),
                new: b.clone(),
                added: Some(added),
                removed: Some(removed),
            });
        }
        (Value::Array(la), Value::Array(lb)) => {
            // Lists of structs (notes, funding): the same items in another order are no change.
            let canon = |l: &[Value]| {
                let mut s: Vec<String> = l.iter().map(Value::to_string).collect();
                s.sort_unstable();
                s
            };
            if la.len() == lb.len() && canon(la) == canon(lb) {
                return;
            }
            if la.len() == lb.len() {
                for (k, (x, y)) in la.iter().zip(lb).enumerate() {
                    walk(&format!("{path}[{k}]"), x, y, out);
                }
            } else {
                whole(out);
            }
        }
        _ => whole(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Catalog, Certainty, PDate};

    fn embedded() -> Dataset {
        Catalog::embedded().unwrap().data
    }

    #[test]
    fn a_dataset_is_the_same_as_itself_even_reordered() {
        let (a, b) = crate::changes::embedded_and_reordered();
        let d = compare(&a, &b);
        assert!(d.same, "{d:#?}");
    }

    #[test]
    fn nested_fields_are_named_by_their_path() {
        let a = embedded();
        let mut b = a.clone();
        b.factories[0].system.vendor = Some("Someone".into());
        b.factories[0].system.operation_certainty = Certainty::Conflicting;
        let d = compare(&a, &b);
        assert!(!d.same);
        assert_eq!(d.changed.len(), 1);
        let fields: Vec<&str> = d.changed[0]
            .fields
            .iter()
            .map(|f| f.field.as_str())
            .collect();
        assert!(fields.contains(&"system.vendor"), "{fields:?}");
        assert_eq!(d.certainties.len(), 1);
        assert_eq!(d.certainties[0].field, "system.operation_certainty");
    }

    #[test]
    fn a_milestone_without_id_that_moved_is_moved_not_replaced() {
        let a = embedded();
        let mut b = a.clone();
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
            .expect("a milestone without id");
        let old_date = a.factories[fi].milestones[mi].date;
        b.factories[fi].milestones[mi].date = PDate::parse("2031-H2").unwrap();
        let d = compare(&a, &b);
        assert!(d.added.is_empty() && d.removed.is_empty(), "{d:#?}");
        assert_eq!(d.moved.len(), 1);
        assert_eq!(d.moved[0].old, old_date.iso());
        assert_eq!(d.moved[0].new, "2031-H2");
        assert_eq!(
            d.moved[0].factory.as_deref(),
            Some(a.factories[fi].id.as_str())
        );
    }
}
