//! `aifactories match --country CC [--sector S]... [--profile P]`: the factories and antennas
//! that serve a user, ranked, each with its reasons (see [`crate::matching`]). Exit 0 with
//! results, 1 with none, 2 for an unknown country or sector (with the nearest names).

use std::io::Write;

use serde::Serialize;

use super::args::{ListFormat, MatchArgs, ProfileArg};
use super::table::Table;
use super::{Ctx, EXIT_FAILURE, EXIT_OK, Failure, json};
use crate::data::{Catalog, Lang, Record, UserGroup};
use crate::i18n::Msg;
use crate::matching::{
    Matches, OPEN_TO_ALL_SOURCES, Profile, Reason, find_country, find_sector, rank,
};
use crate::text::sanitize;

#[derive(Debug, Serialize)]
struct JsonReason {
    /// `hosted`, `partner`, `antenna`, `linked`, `sector`, `profile`, `running`, `expected`,
    /// `open-to-all`.
    kind: &'static str,
    text: String,
    /// The URLs a reason rests on beyond the record's own sources (`open-to-all`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
}

#[derive(Debug, Serialize)]
struct JsonRow<'a> {
    rank: usize,
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    /// ISO code.
    country: &'a str,
    country_name: &'a str,
    website: Option<&'a str>,
    apply: Option<&'a str>,
    reasons: Vec<JsonReason>,
}

#[derive(Debug, Serialize)]
struct JsonMatch<'a> {
    country: &'a str,
    country_name: &'a str,
    sectors: Vec<&'a str>,
    profile: Option<&'static str>,
    /// No factory, partner or antenna in the country: every factory, as open to all.
    fallback: bool,
    results: Vec<JsonRow<'a>>,
}

fn user_group(p: ProfileArg) -> UserGroup {
    match p {
        ProfileArg::Startup => UserGroup::Startups,
        ProfileArg::Sme => UserGroup::Smes,
        ProfileArg::Industry => UserGroup::Industry,
        ProfileArg::Academia => UserGroup::Academia,
        ProfileArg::Public => UserGroup::Public,
    }
}

/// ` (did you mean a, b?)` or nothing.
fn suggest(near: &[String]) -> String {
    if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", near.join(", "))
    }
}

/// The profile the arguments give, or the located bad input.
pub fn profile(cat: &Catalog, a: &MatchArgs) -> Result<Profile, Failure> {
    let country = find_country(cat, &a.country).map_err(|near| {
        Failure::bad_input(format!(
            "--country: unknown country `{}`{}; give an ISO code (PT, ES...) or a name",
            sanitize(&a.country),
            suggest(&near)
        ))
    })?;
    let mut sectors = Vec::new();
    for s in &a.sector {
        let key = find_sector(cat, s).map_err(|near| {
            let keys: Vec<&str> = cat.sectors.iter().map(|s| s.key.as_str()).collect();
            Failure::bad_input(format!(
                "--sector: unknown sector `{}`{}; sectors: {}",
                sanitize(s),
                suggest(&near),
                keys.join(", ")
            ))
        })?;
        if !sectors.contains(&key) {
            sectors.push(key);
        }
    }
    Ok(Profile {
        country: Some(country),
        sectors,
        users: a.profile.map(user_group),
    })
}

pub fn run(
    ctx: &Ctx,
    a: &MatchArgs,
    width: Option<u16>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let cat = &ctx.cat;
    let p = profile(cat, a)?;
    let m = rank(cat, &p, ctx.today);
    let lang = ctx.lang;
    let code = p.country.as_deref().unwrap_or_default();
    match a.format {
        ListFormat::Json => {
            let v = JsonMatch {
                country: code,
                country_name: cat.country_name(code, lang),
                sectors: p.sectors.iter().map(|s| s.as_str()).collect(),
                profile: p.users.map(UserGroup::key),
                fallback: m.fallback,
                results: rows(cat, &p, &m, lang),
            };
            writeln!(out, "{}", json::to_string(&v))?;
        }
        ListFormat::Csv => table(cat, &p, &m, lang).write_csv(out)?,
        ListFormat::Table => {
            if m.fallback {
                let country = format!("{} ({code})", cat.country_name(code, lang));
                writeln!(out, "{}", Msg::MatchFallback.fill(lang, &[&country]))?;
            }
            if !m.ranked.is_empty() {
                let dropped = table(cat, &p, &m, lang).write(out, ctx.color, width)?;
                super::table::note_dropped(&dropped, width);
            }
        }
    }
    Ok(if m.ranked.is_empty() {
        EXIT_FAILURE
    } else {
        EXIT_OK
    })
}

/// A record's id, kind, name, country and access.
fn record(
    cat: &Catalog,
    r: Record,
) -> (&str, &'static str, &str, &str, Option<&crate::data::Access>) {
    match r {
        Record::Factory(i) => {
            let f = &cat.factories()[i];
            (&f.id, "factory", &f.name, &f.country, f.access.as_ref())
        }
        Record::Antenna(i) => {
            let x = &cat.antennas()[i];
            (&x.id, "antenna", &x.name, &x.country, x.access.as_ref())
        }
    }
}

fn rows<'a>(cat: &'a Catalog, p: &Profile, m: &Matches, lang: Lang) -> Vec<JsonRow<'a>> {
    m.ranked
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (id, kind, name, country, access) = record(cat, r.record);
            JsonRow {
                rank: i + 1,
                id,
                kind,
                name,
                country,
                country_name: cat.country_name(country, lang),
                website: access.and_then(|a| a.website.as_deref()),
                apply: access.and_then(|a| a.apply.as_deref()),
                reasons: r
                    .reasons(cat, p)
                    .iter()
                    .map(|x| JsonReason {
                        kind: x.key(),
                        text: x.text(cat, lang),
                        sources: if *x == Reason::OpenToAll {
                            OPEN_TO_ALL_SOURCES
                                .iter()
                                .filter_map(|id| cat.source(id))
                                .map(|s| s.url.to_string())
                                .collect()
                        } else {
                            Vec::new()
                        },
                    })
                    .collect(),
            }
        })
        .collect()
}

fn table(cat: &Catalog, p: &Profile, m: &Matches, lang: Lang) -> Table {
    let mut t = Table::new([
        "#".to_string(),
        Msg::FieldName.text(lang).to_string(),
        Msg::ColKind.text(lang).to_string(),
        Msg::FieldCountry.text(lang).to_string(),
        Msg::ColWhy.text(lang).to_string(),
    ]);
    for (i, r) in m.ranked.iter().enumerate() {
        let (_, _, name, country, _) = record(cat, r.record);
        let kind = match r.record {
            Record::Factory(_) => Msg::Factory.text(lang),
            Record::Antenna(_) => Msg::Antenna.text(lang),
        };
        let why: Vec<String> = r
            .reasons(cat, p)
            .iter()
            .map(|x| x.text(cat, lang))
            .collect();
        t.row([
            (i + 1).to_string(),
            name.to_string(),
            kind.to_string(),
            format!("{} ({country})", cat.country_name(country, lang)),
            why.join(" · "),
        ]);
    }
    t
}
