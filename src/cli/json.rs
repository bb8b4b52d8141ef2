//! The stable JSON shape of factories and antennas, shared by `list`, `show` and `export`.
//! Field names here are a public interface (documented in the README): add, never rename.

use serde::Serialize;

use crate::data::{
    Antenna, Catalog, Certainty, Factory, IStr, Lang, Link, Milestone, Note, PDate, Precision,
};

/// A date with its precision and the span it covers.
#[derive(Debug, Serialize)]
pub struct JsonDate {
    /// As written in the data: `2024-12-10`, `2025-07`, `2026-H1`, `end-2025`, `2027`.
    pub date: String,
    pub precision: Precision,
    /// First and last day covered (ISO).
    pub start: String,
    pub end: String,
}

impl From<&PDate> for JsonDate {
    fn from(d: &PDate) -> JsonDate {
        JsonDate {
            date: d.iso(),
            precision: d.precision(),
            start: d.start().to_string(),
            end: d.end().to_string(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct JsonSource {
    pub id: IStr,
    pub url: IStr,
    pub title: IStr,
    pub official: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonSystem {
    pub name: Option<IStr>,
    pub description: IStr,
    /// `null` when the vendor is not confirmed.
    pub vendor: Option<IStr>,
    pub operation: Option<JsonDate>,
    pub operation_certainty: Certainty,
}

#[derive(Debug, Serialize)]
pub struct JsonFunding {
    pub amount: IStr,
    pub detail: IStr,
    pub certainty: Certainty,
}

#[derive(Debug, Serialize)]
pub struct JsonMilestone {
    pub date: JsonDate,
    pub kind: &'static str,
    pub title: IStr,
    pub planned: bool,
    pub first_announced: Option<JsonDate>,
    pub certainty: Certainty,
    pub sources: Vec<IStr>,
}

#[derive(Debug, Serialize)]
pub struct JsonNote {
    pub certainty: Certainty,
    pub text: IStr,
}

#[derive(Debug, Serialize)]
pub struct JsonFactory {
    pub id: IStr,
    pub name: IStr,
    pub aliases: Vec<IStr>,
    pub wave: u8,
    pub selected: JsonDate,
    pub country: IStr,
    pub country_name: IStr,
    pub city: IStr,
    pub lat: f64,
    pub lon: f64,
    pub host: IStr,
    pub consortium: Vec<IStr>,
    pub partners: Vec<IStr>,
    pub sectors: Vec<IStr>,
    pub sector_labels: Vec<IStr>,
    pub system: JsonSystem,
    pub funding: Vec<JsonFunding>,
    pub summary: IStr,
    pub antennas: Vec<IStr>,
    pub milestones: Vec<JsonMilestone>,
    pub notes: Vec<JsonNote>,
    pub sources: Vec<JsonSource>,
}

#[derive(Debug, Serialize)]
pub struct JsonAntenna {
    pub id: IStr,
    pub name: IStr,
    pub country: IStr,
    pub country_name: IStr,
    pub eu_member: bool,
    pub selected: JsonDate,
    /// Linked factory ids; `null` when no source says.
    pub linked: Option<Vec<IStr>>,
    pub link_certainty: Certainty,
    pub city: Option<IStr>,
    /// Host organisation(s); `null` when not known.
    pub host: Option<IStr>,
    pub notes: Vec<JsonNote>,
    pub sources: Vec<JsonSource>,
}

fn sources(cat: &Catalog, ids: &[IStr]) -> Vec<JsonSource> {
    ids.iter()
        .filter_map(|id| cat.source(id))
        .map(|s| JsonSource {
            id: s.id.clone(),
            url: s.url.clone(),
            title: s.title.clone(),
            official: s.official,
        })
        .collect()
}

fn notes(notes: &[Note], lang: Lang) -> Vec<JsonNote> {
    notes
        .iter()
        .map(|n| JsonNote {
            certainty: n.certainty,
            text: n.text.get(lang).into(),
        })
        .collect()
}

pub fn milestone(m: &Milestone, lang: Lang) -> JsonMilestone {
    JsonMilestone {
        date: (&m.date).into(),
        kind: m.kind.key(),
        title: m.title.get(lang).into(),
        planned: m.planned,
        first_announced: m.first_announced.as_ref().map(Into::into),
        certainty: m.certainty,
        sources: m.sources.clone(),
    }
}

pub fn factory(cat: &Catalog, f: &Factory, lang: Lang) -> JsonFactory {
    // The record's own sources first, then those of its parts, without repeats.
    let mut ids: Vec<IStr> = f.sources.clone();
    let parts = f
        .system
        .sources
        .iter()
        .chain(f.funding.iter().flat_map(|x| x.sources.iter()))
        .chain(f.milestones.iter().flat_map(|m| m.sources.iter()))
        .chain(f.notes.iter().flat_map(|n| n.sources.iter()));
    for id in parts {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    JsonFactory {
        id: f.id.clone(),
        name: f.name.clone(),
        aliases: f.aliases.clone(),
        wave: f.wave,
        selected: (&f.selected).into(),
        country: f.country.clone(),
        country_name: cat.country_name(&f.country, lang).into(),
        city: f.city.clone(),
        lat: f.coords.lat,
        lon: f.coords.lon,
        host: f.host.clone(),
        consortium: f.consortium.clone(),
        partners: f.partners.clone(),
        sectors: f.sectors.clone(),
        sector_labels: f
            .sectors
            .iter()
            .map(|k| cat.sector_label(k, lang).into())
            .collect(),
        system: JsonSystem {
            name: f.system.name.clone(),
            description: f.system.description.get(lang).into(),
            vendor: f.system.vendor.clone(),
            operation: f.system.operation.as_ref().map(Into::into),
            operation_certainty: f.system.operation_certainty,
        },
        funding: f
            .funding
            .iter()
            .map(|x| JsonFunding {
                amount: x.amount.clone(),
                detail: x.detail.get(lang).into(),
                certainty: x.certainty,
            })
            .collect(),
        summary: f.summary.get(lang).into(),
        antennas: cat.antennas_of(&f.id).map(|a| a.id.clone()).collect(),
        milestones: f.milestones.iter().map(|m| milestone(m, lang)).collect(),
        notes: notes(&f.notes, lang),
        sources: sources(cat, &ids),
    }
}

pub fn antenna(cat: &Catalog, a: &Antenna, lang: Lang) -> JsonAntenna {
    JsonAntenna {
        id: a.id.clone(),
        name: a.name.clone(),
        country: a.country.clone(),
        country_name: cat.country_name(&a.country, lang).into(),
        eu_member: a.eu_member,
        selected: (&a.selected).into(),
        linked: match &a.linked {
            Link::Factories(ids) => Some(ids.clone()),
            Link::Unknown => None,
        },
        link_certainty: a.link_certainty,
        city: a.city.clone(),
        host: a.host.clone(),
        notes: notes(&a.notes, lang),
        sources: sources(cat, &a.sources),
    }
}

/// Pretty JSON text; serializing these plain structs cannot fail.
pub fn to_string<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into())
}
