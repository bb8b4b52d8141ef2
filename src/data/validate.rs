//! Semantic validation: every problem of a parsed dataset, each naming its record and field.

use std::collections::{HashMap, HashSet};

use super::error::Problem;
use super::model::*;
use super::{Catalog, IStr, PDate};
use crate::text;

/// Europe's bounding box, generous enough for Iceland, the Canaries, Cyprus and Türkiye.
pub const LAT_RANGE: (f64, f64) = (27.0, 72.0);
pub const LON_RANGE: (f64, f64) = (-32.0, 45.0);

struct Checker<'a> {
    cat: &'a Catalog,
    problems: Vec<Problem>,
    record: String,
    plan_ids: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            position: None,
            record: Some(self.record.clone()),
            field: Some(field.to_string()),
            message: message.into(),
        });
    }

    /// Any string: no control characters.
    fn text(&mut self, field: &str, s: &str) {
        if let Some((i, c)) = text::first_forbidden(s) {
            self.problem(
                field,
                format!(
                    "control character {} at char {}; it would reach the terminal",
                    text::char_name(c),
                    i + 1
                ),
            );
        }
    }

    /// A string that must say something.
    fn name(&mut self, field: &str, s: &str) {
        if s.trim().is_empty() {
            self.problem(field, "is empty");
        }
        self.text(field, s);
    }

    fn bilingual(&mut self, field: &str, t: &Text) {
        self.name(&format!("{field}.en"), &t.en);
        self.name(&format!("{field}.fr"), &t.fr);
    }

    fn id(&mut self, field: &str, id: &str) {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-')
            && !id.contains("--");
        if !ok {
            self.problem(
                field,
                format!(
                    "`{}` is not a kebab-case id (lower-case letters, digits, single hyphens)",
                    text::sanitize(id)
                ),
            );
        }
    }

    fn date(&mut self, field: &str, d: &PDate) {
        if let Some(e) = d.error() {
            self.problem(field, format!("impossible date: {e}"));
        }
    }

    fn country(&mut self, field: &str, code: &str) {
        if self.cat.country(code).is_none() {
            self.problem(
                field,
                format!(
                    "unknown country code `{}` (expected ISO 3166-1 alpha-2 from the country table)",
                    text::sanitize(code)
                ),
            );
        }
    }

    fn coords(&mut self, field: &str, c: Coords) {
        let inside = |v: f64, (lo, hi): (f64, f64)| v.is_finite() && v >= lo && v <= hi;
        if !inside(c.lat, LAT_RANGE) || !inside(c.lon, LON_RANGE) {
            self.problem(
                field,
                format!(
                    "coordinates ({}, {}) are outside Europe (lat {}..{}, lon {}..{})",
                    c.lat, c.lon, LAT_RANGE.0, LAT_RANGE.1, LON_RANGE.0, LON_RANGE.1
                ),
            );
        }
    }

    fn sources(&mut self, field: &str, ids: &[IStr]) {
        if ids.is_empty() {
            self.problem(
                field,
                "no source: every fact must cite at least one source id",
            );
        }
        for (i, id) in ids.iter().enumerate() {
            if self.cat.source(id).is_none() {
                self.problem(
                    &format!("{field}[{i}]"),
                    format!("unknown source id `{}`", text::sanitize(id)),
                );
            }
        }
    }

    fn factory_link(&mut self, field: &str, id: &str) {
        if self.cat.factory_index(id).is_none() {
            let near = nearest(id, self.cat.factories().iter().map(|f| f.id.as_str()));
            self.problem(
                field,
                format!(
                    "links to factory `{}`, which does not exist{}",
                    text::sanitize(id),
                    // The candidates are ids from the file, which may be broken too.
                    near.map(|n| format!(" (did you mean `{}`?)", text::sanitize(n)))
                        .unwrap_or_default()
                ),
            );
        }
    }

    fn certainty_note(&mut self, field: &str, note: &Note) {
        self.bilingual(&format!("{field}.text"), &note.text);
        self.sources(&format!("{field}.sources"), &note.sources);
    }

    /// `field` is the milestone's place in its factory (`milestones[2]`), or empty for a
    /// programme milestone, whose fields are named alone.
    fn milestone(&mut self, field: &str, m: &Milestone) {
        let sub = |name: &str| match field {
            "" => name.to_string(),
            _ => format!("{field}.{name}"),
        };
        if let Some(id) = &m.id {
            self.id(&sub("id"), id);
        }
        self.date(&sub("date"), &m.date);
        if let Some(d) = &m.first_announced {
            self.date(&sub("first_announced"), d);
        }
        self.bilingual(&sub("title"), &m.title);
        if let Some(a) = &m.answers
            && !self.plan_ids.contains(a.as_str())
        {
            self.problem(
                &sub("answers"),
                format!(
                    "answers `{}`, which is not the id of a planned milestone",
                    text::sanitize(a)
                ),
            );
        }
        for (i, f) in m.factories.iter().enumerate() {
            self.factory_link(&sub(&format!("factories[{i}]")), f);
        }
        self.sources(&sub("sources"), &m.sources);
    }

    fn factory(&mut self, f: &'a Factory) {
        self.id("id", &f.id);
        self.name("name", &f.name);
        for (i, a) in f.aliases.iter().enumerate() {
            self.name(&format!("aliases[{i}]"), a);
        }
        if f.wave == 0 {
            self.problem("wave", "waves count from 1");
        }
        self.date("selected", &f.selected);
        self.name("host", &f.host);
        for (i, c) in f.consortium.iter().enumerate() {
            self.name(&format!("consortium[{i}]"), c);
        }
        self.name("city", &f.city);
        self.country("country", &f.country);
        self.coords("coords", f.coords);
        if let Some(site) = &f.site {
            self.name("site.name", &site.name);
            self.coords("site.coords", site.coords);
        }
        let mut seen = HashSet::new();
        for (i, p) in f.partners.iter().enumerate() {
            let field = format!("partners[{i}]");
            self.country(&field, p);
            // Unknown codes were reported above; they may hold anything.
            let shown = text::sanitize(p);
            if *p == f.country {
                self.problem(
                    &field,
                    format!("the host country {shown} is listed among its own partners"),
                );
            }
            if !seen.insert(p.as_str()) {
                self.problem(&field, format!("partner {shown} is listed twice"));
            }
        }
        let s = &f.system;
        if let Some(n) = &s.name {
            self.name("system.name", n);
        }
        self.bilingual("system.description", &s.description);
        if let Some(v) = &s.vendor {
            self.name("system.vendor", v);
        }
        if let Some(d) = &s.operation {
            self.date("system.operation", d);
        }
        self.sources("system.sources", &s.sources);
        if f.sectors.is_empty() {
            self.problem("sectors", "no sector: use `general` when none is stated");
        }
        let mut seen_sectors = HashSet::new();
        for (i, k) in f.sectors.iter().enumerate() {
            if !seen_sectors.insert(k.as_str()) {
                self.problem(
                    &format!("sectors[{i}]"),
                    format!("sector `{}` is listed twice", text::sanitize(k)),
                );
            }
            if self.cat.sector(k).is_none() {
                let near = nearest(k, self.cat.sectors.iter().map(|s| s.key.as_str()));
                self.problem(
                    &format!("sectors[{i}]"),
                    format!(
                        "unknown sector `{}`{}",
                        text::sanitize(k),
                        near.map(|n| format!(" (did you mean `{n}`?)"))
                            .unwrap_or_default()
                    ),
                );
            }
        }
        for (i, m) in f.funding.iter().enumerate() {
            self.name(&format!("funding[{i}].amount"), &m.amount);
            self.bilingual(&format!("funding[{i}].detail"), &m.detail);
            self.sources(&format!("funding[{i}].sources"), &m.sources);
        }
        self.bilingual("summary", &f.summary);
        for (i, m) in f.milestones.iter().enumerate() {
            self.milestone(&format!("milestones[{i}]"), m);
        }
        for (i, n) in f.notes.iter().enumerate() {
            self.certainty_note(&format!("notes[{i}]"), n);
        }
        self.sources("sources", &f.sources);
        if let Some(a) = &f.access {
            self.access(a);
        }
    }

    fn access(&mut self, a: &Access) {
        if let Some(w) = &a.website {
            self.text("access.website", w);
            if !w.to_ascii_lowercase().starts_with("https://") || w.len() <= "https://".len() {
                self.problem(
                    "access.website",
                    format!("`{}` is not an https URL", text::sanitize(w)),
                );
            }
        }
        if let Some(x) = &a.apply {
            self.name("access.apply", x);
        }
        self.sources("access.sources", &a.sources);
    }

    fn antenna(&mut self, a: &Antenna) {
        self.id("id", &a.id);
        self.name("name", &a.name);
        self.country("country", &a.country);
        self.date("selected", &a.selected);
        match &a.linked {
            Link::Factories(ids) => {
                if ids.is_empty() {
                    self.problem(
                        "linked",
                        "empty list: write `Unknown` when no factory is known",
                    );
                }
                for (i, id) in ids.iter().enumerate() {
                    self.factory_link(&format!("linked[{i}]"), id);
                }
            }
            Link::Unknown => {}
        }
        if let Some(c) = &a.city {
            self.name("city", c);
        }
        if let Some(h) = &a.host {
            self.name("host", h);
        }
        for (i, n) in a.notes.iter().enumerate() {
            self.certainty_note(&format!("notes[{i}]"), n);
        }
        self.sources("sources", &a.sources);
        if let Some(x) = &a.access {
            self.access(x);
        }
    }
}

/// The closest candidate within a small edit distance, for "did you mean".
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (text::edit_distance(word, c), c))
        .filter(|&(d, c)| d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
}

/// Check a parsed dataset against the catalog's tables.
pub fn dataset(cat: &Catalog) -> Vec<Problem> {
    let data = &cat.data;
    let mut c = Checker {
        cat,
        problems: Vec::new(),
        record: "dataset".to_string(),
        plan_ids: HashSet::new(),
    };
    c.date("as_of", &data.as_of);

    for (i, s) in data.sources.iter().enumerate() {
        c.record = format!("source `{}`", text::sanitize(&s.id));
        c.id("id", &s.id);
        // The catalog's lookup keeps the first source of an id.
        if let Some(first) = cat.source_index(&s.id)
            && first != i
        {
            c.problem(
                "id",
                format!("duplicate source id (also source #{})", first + 1),
            );
        }
        c.text("url", &s.url);
        let lower = s.url.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"));
        match rest {
            Some(host) if !host.is_empty() && !host.starts_with('/') && !host.contains(' ') => {}
            _ => c.problem(
                "url",
                format!("`{}` is not an http(s) URL", text::sanitize(&s.url)),
            ),
        }
        c.name("title", &s.title);
        if let Some(d) = &s.date {
            c.date("date", d);
        }
    }

    // Planned milestones anywhere can be answered by events anywhere.
    let all_milestones = data
        .milestones
        .iter()
        .chain(data.factories.iter().flat_map(|f| f.milestones.iter()));
    let mut milestone_ids: HashSet<&str> = HashSet::new();
    let mut dup_milestones = Vec::new();
    for m in all_milestones {
        if let Some(id) = &m.id {
            if !milestone_ids.insert(id.as_str()) {
                dup_milestones.push(id.clone());
            }
            if m.planned {
                c.plan_ids.insert(id.as_str());
            }
        }
    }
    for id in dup_milestones {
        c.record = format!("milestone `{}`", text::sanitize(&id));
        c.problem("id", "duplicate milestone id");
    }

    let mut record_ids: HashMap<&str, String> = HashMap::new();
    for (i, f) in data.factories.iter().enumerate() {
        c.record = if f.id.is_empty() {
            format!("factory #{}", i + 1)
        } else {
            format!("factory `{}`", text::sanitize(&f.id))
        };
        if let Some(prev) = record_ids.insert(f.id.as_str(), c.record.clone()) {
            c.problem("id", format!("duplicate id (also {prev})"));
        }
        c.factory(f);
    }
    for (i, a) in data.antennas.iter().enumerate() {
        c.record = if a.id.is_empty() {
            format!("antenna #{}", i + 1)
        } else {
            format!("antenna `{}`", text::sanitize(&a.id))
        };
        if let Some(prev) = record_ids.insert(a.id.as_str(), c.record.clone()) {
            c.problem("id", format!("duplicate id (also {prev})"));
        }
        c.antenna(a);
    }
    for (i, m) in data.milestones.iter().enumerate() {
        c.record = format!("programme milestone #{}", i + 1);
        c.milestone("", m);
    }
    c.problems
}

/// Whether an http(s) URL names a site only (`https://example.org` or `https://example.org/`),
/// not a page on it. A query (`/?p=12`) or a fragment counts as a page.
pub fn is_bare_domain(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let after_host = rest.find(['/', '?', '#']).map_or("", |i| &rest[i..]);
    after_host.is_empty() || after_host == "/"
}

/// What is allowed but worth fixing: sources whose `url` is a bare domain. Warnings never
/// stop a file from loading.
pub fn warnings(cat: &Catalog) -> Vec<Problem> {
    cat.data
        .sources
        .iter()
        .filter(|s| is_bare_domain(&s.url))
        .map(|s| Problem {
            position: None,
            record: Some(format!("source `{}`", text::sanitize(&s.id))),
            field: Some("url".to_string()),
            message: format!(
                "`{}` is a bare domain: cite the page itself",
                text::sanitize(&s.url)
            ),
        })
        .collect()
}

/// Check the embedded country and sector tables.
pub fn tables(countries: &[Country], sectors: &[Sector]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |record: String, field: &str, message: String| {
        problems.push(Problem {
            position: None,
            record: Some(record),
            field: Some(field.to_string()),
            message,
        })
    };
    let mut codes = HashSet::new();
    let mut tiles = HashMap::new();
    for c in countries {
        let rec = format!("country `{}`", c.code);
        if c.code.len() != 2 || !c.code.bytes().all(|b| b.is_ascii_uppercase()) {
            push(rec.clone(), "code", "not an ISO alpha-2 code".into());
        }
        if !codes.insert(c.code.as_str()) {
            push(rec.clone(), "code", "duplicate country".into());
        }
        if let Some(other) = tiles.insert(c.tile, c.code.as_str()) {
            push(rec.clone(), "tile", format!("same tile as {other}"));
        }
        for (field, s) in [("en", &c.en), ("fr", &c.fr)] {
            if s.trim().is_empty() || text::first_forbidden(s).is_some() {
                push(rec.clone(), field, "empty or has control characters".into());
            }
        }
    }
    let mut keys = HashSet::new();
    for s in sectors {
        let rec = format!("sector `{}`", s.key);
        if !keys.insert(s.key.as_str()) {
            push(rec.clone(), "key", "duplicate sector".into());
        }
        for (field, t) in [("en", &s.en), ("fr", &s.fr)]
            .into_iter()
            .chain(s.synonyms.iter().map(|x| ("synonyms", x)))
        {
            if t.trim().is_empty() || text::first_forbidden(t).is_some() {
                push(rec.clone(), field, "empty or has control characters".into());
            }
        }
    }
    problems
}
