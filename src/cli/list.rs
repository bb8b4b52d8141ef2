//! `aifactories list`: factories (and antennas) as a table, JSON or CSV, with filters.

use std::io::Write;

use super::args::{ListArgs, ListFormat};
use super::table::Table;
use super::{Ctx, EXIT_FAILURE, EXIT_OK, Failure, json, records};
use crate::data::{Antenna, Catalog, Factory, Link};
use crate::i18n::Msg;
use crate::text::fold;

/// Resolve a country given as ISO code or name (English or French, accents optional).
pub fn country_code(cat: &Catalog, q: &str) -> Result<String, Failure> {
    let up = q.trim().to_ascii_uppercase();
    if cat.country(&up).is_some() {
        return Ok(up);
    }
    let fq = fold(q.trim());
    cat.countries
        .iter()
        .find(|c| fold(&c.en) == fq || fold(&c.fr) == fq)
        .map(|c| c.code.to_string())
        .ok_or_else(|| {
            Failure::bad_input(format!(
                "unknown country `{}`: give an ISO code (FI, DE, ES...) or a name",
                crate::text::sanitize(q)
            ))
        })
}

/// Resolve a sector given as key, label or synonym, in either language, accents optional.
pub fn sector_key(cat: &Catalog, q: &str) -> Result<String, Failure> {
    let fq = fold(q.trim());
    cat.sectors
        .iter()
        .find(|s| {
            s.key == fq
                || fold(&s.en) == fq
                || fold(&s.fr) == fq
                || s.synonyms.iter().any(|y| fold(y) == fq)
        })
        .map(|s| s.key.to_string())
        .ok_or_else(|| {
            let keys: Vec<&str> = cat.sectors.iter().map(|s| s.key.as_str()).collect();
            Failure::bad_input(format!(
                "unknown sector `{}`; sectors: {}",
                crate::text::sanitize(q),
                keys.join(", ")
            ))
        })
}

pub fn run(
    ctx: &Ctx,
    a: &ListArgs,
    width: Option<u16>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let cat = &ctx.cat;
    let country = a
        .country
        .as_deref()
        .map(|c| country_code(cat, c))
        .transpose()?;
    let sector = a
        .sector
        .as_deref()
        .map(|s| sector_key(cat, s))
        .transpose()?;
    let wave_and_sector = |f: &Factory| {
        a.wave.is_none_or(|w| f.wave == w)
            && sector
                .as_ref()
                .is_none_or(|s| f.sectors.iter().any(|k| k == s))
    };
    let in_country = |f: &Factory| {
        country
            .as_ref()
            .is_none_or(|c| f.country == *c || f.partners.iter().any(|p| p == c))
    };
    let factories: Vec<&Factory> = cat
        .factories()
        .iter()
        .filter(|f| wave_and_sector(f) && in_country(f))
        .collect();
    // An antenna belongs when it is in the country asked for and, with a wave or a sector,
    // serves a factory of that wave or sector (an antenna has neither of its own).
    let antennas: Vec<&Antenna> = if a.antennas {
        let serves_one = |x: &Antenna| match &x.linked {
            Link::Factories(ids) => ids.iter().any(|id| {
                cat.factory_index(id)
                    .is_some_and(|i| wave_and_sector(&cat.factories()[i]))
            }),
            Link::Unknown => false,
        };
        cat.antennas()
            .iter()
            .filter(|x| country.as_ref().is_none_or(|c| x.country == *c))
            .filter(|x| (a.wave.is_none() && sector.is_none()) || serves_one(x))
            .collect()
    } else {
        Vec::new()
    };
    // No match is exit 1, as grep's.
    let code = if factories.is_empty() && antennas.is_empty() {
        EXIT_FAILURE
    } else {
        EXIT_OK
    };
    let lang = ctx.lang;
    match a.format {
        ListFormat::Json => {
            let fs: Vec<_> = factories
                .iter()
                .map(|f| json::factory(cat, f, lang))
                .collect();
            if a.antennas {
                let an: Vec<_> = antennas
                    .iter()
                    .map(|x| json::antenna(cat, x, lang))
                    .collect();
                let v = serde_json::json!({ "factories": fs, "antennas": an });
                writeln!(out, "{}", json::to_string(&v))?;
            } else {
                writeln!(out, "{}", json::to_string(&fs))?;
            }
        }
        ListFormat::Csv => records::write_csv(factories, antennas, out)?,
        ListFormat::Table => {
            // The wave tells the selection date and `show` takes names: those give way first,
            // then what `show` tells in full.
            let mut t = Table::new([
                "id", "name", "wave", "selected", "country", "city", "partners", "sectors",
            ])
            .drop_first(&["selected", "id", "partners", "city", "wave"]);
            for f in &factories {
                t.row([
                    f.id.to_string(),
                    f.name.to_string(),
                    f.wave.to_string(),
                    f.selected.iso(),
                    f.country.to_string(),
                    f.city.to_string(),
                    f.partners.join(" "),
                    f.sectors
                        .iter()
                        .map(|k| cat.sector_label(k, lang))
                        .collect::<Vec<_>>()
                        .join(", "),
                ]);
            }
            let mut at = Table::new(["id", "name", "country", "selected", "linked to"])
                .drop_first(&["selected", "id"]);
            for x in &antennas {
                let linked = match &x.linked {
                    Link::Factories(ids) => ids.join(" "),
                    Link::Unknown => Msg::Unknown.text(lang).into(),
                };
                at.row([
                    x.id.to_string(),
                    x.name.to_string(),
                    x.country.to_string(),
                    x.selected.iso(),
                    linked + x.link_certainty.mark(),
                ]);
            }
            // Nothing at all when nothing matched, as grep.
            let mut dropped = Vec::new();
            if !t.is_empty() {
                dropped = t.write(out, ctx.color, width)?;
            }
            if !at.is_empty() {
                if !t.is_empty() {
                    writeln!(out)?;
                }
                for d in at.write(out, ctx.color, width)? {
                    if !dropped.contains(&d) {
                        dropped.push(d);
                    }
                }
            }
            super::table::note_dropped(&dropped, width);
        }
    }
    Ok(code)
}
