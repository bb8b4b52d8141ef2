//! `aifactories search QUERY...`: ranked fuzzy search over factories and antennas, as a table
//! or JSON. Exit 0 with results, 1 with none, 2 on a bad query.

use std::io::Write;

use serde::Serialize;

use super::args::{SearchArgs, SearchFormat};
use super::table::Table;
use super::{Ctx, EXIT_FAILURE, EXIT_OK, Failure, json};
use crate::data::{Catalog, Lang, Record};
use crate::i18n::Msg;
use crate::search::{Hit, SearchIndex};

/// One result in `--format json`.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    score: i64,
    /// The field that matched best (`sector`, `name`, `city`...).
    field: &'static str,
    /// That field's text, as in the data.
    text: &'a str,
    /// Char positions in `text` of the matched letters.
    positions: &'a [usize],
    /// ISO code.
    country: &'a str,
    city: Option<&'a str>,
    wave: Option<u8>,
    /// For antennas, the ids of the factories they serve; `null` for factories and when no
    /// source says.
    serves: Option<Vec<&'a str>>,
}

pub fn run(
    ctx: &Ctx,
    a: &SearchArgs,
    width: Option<u16>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    if a.limit == 0 {
        return Err(Failure::bad_input("--limit must be at least 1"));
    }
    let query = a.query.join(" ");
    let index = SearchIndex::new(&ctx.cat);
    let mut hits = index
        .search(&query)
        .map_err(|e| Failure::bad_input(e.message(ctx.lang)))?;
    hits.truncate(a.limit);
    // A mistyped sector or country was searched as the nearest one: say so, as the box does.
    let corrected: Vec<String> = index
        .corrections(&query)
        .iter()
        .map(|c| c.filter())
        .collect();
    if !corrected.is_empty() {
        eprintln!(
            "aifactories: {}",
            Msg::SearchCorrected.fill(ctx.lang, &[&corrected.join(" ")])
        );
    }
    let cat = &ctx.cat;
    match a.format {
        SearchFormat::Json => {
            let rows: Vec<JsonHit> = hits.iter().map(|h| json_hit(cat, &index, h)).collect();
            writeln!(out, "{}", json::to_string(&rows))?;
        }
        SearchFormat::Csv => csv_table(cat, &index, &hits).write_csv(out)?,
        SearchFormat::Table => {
            if !hits.is_empty() {
                let dropped = table(cat, &index, &hits, ctx.lang).write(out, ctx.color, width)?;
                super::table::note_dropped(&dropped, width);
            }
        }
    }
    Ok(if hits.is_empty() {
        EXIT_FAILURE
    } else {
        EXIT_OK
    })
}

fn json_hit<'a>(cat: &'a Catalog, index: &SearchIndex, h: &'a Hit) -> JsonHit<'a> {
    let serves = |r: Record| -> Option<Vec<&'a str>> {
        index.serves(r).map(|fs| {
            fs.iter()
                .filter_map(|&i| cat.factories().get(i).map(|f| f.id.as_str()))
                .collect()
        })
    };
    let common = |id, kind, name, country, city, wave, serves| JsonHit {
        id,
        kind,
        name,
        score: h.score,
        field: h.field.as_str(),
        text: &h.text,
        positions: &h.positions,
        country,
        city,
        wave,
        serves,
    };
    match h.record {
        Record::Factory(i) => {
            let f = &cat.factories()[i];
            common(
                &f.id,
                "factory",
                &f.name,
                &f.country,
                Some(f.city.as_str()),
                Some(f.wave),
                None,
            )
        }
        Record::Antenna(i) => {
            let x = &cat.antennas()[i];
            common(
                &x.id,
                "antenna",
                &x.name,
                &x.country,
                x.city.as_deref(),
                None,
                serves(h.record),
            )
        }
    }
}

/// The results as CSV: the fields of `--format json`, lists space-separated, `kind` first as
/// in the other commands' CSV.
fn csv_table(cat: &Catalog, index: &SearchIndex, hits: &[Hit]) -> Table {
    let mut t = Table::new([
        "kind",
        "id",
        "name",
        "rank",
        "score",
        "field",
        "text",
        "positions",
        "country",
        "city",
        "wave",
        "serves",
    ]);
    for (rank, h) in hits.iter().enumerate() {
        let j = json_hit(cat, index, h);
        let list = |v: &[usize]| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        };
        t.row([
            j.kind.to_string(),
            j.id.to_string(),
            j.name.to_string(),
            (rank + 1).to_string(),
            j.score.to_string(),
            j.field.to_string(),
            j.text.to_string(),
            list(j.positions),
            j.country.to_string(),
            j.city.unwrap_or_default().to_string(),
            j.wave.map(|w| w.to_string()).unwrap_or_default(),
            j.serves.map(|s| s.join(" ")).unwrap_or_default(),
        ]);
    }
    t
}

fn table(cat: &Catalog, index: &SearchIndex, hits: &[Hit], lang: Lang) -> Table {
    // The rank is the order of the lines and the score only orders them: they give way first.
    let mut t = Table::new([
        "#", "score", "name", "kind", "country", "city", "field", "matched",
    ])
    .drop_first(&["score", "#", "field", "city"]);
    for (rank, h) in hits.iter().enumerate() {
        let (name, kind, country, city) = match h.record {
            Record::Factory(i) => {
                let f = &cat.factories()[i];
                let kind = Msg::Factory.text(lang);
                (
                    f.name.as_str(),
                    kind.to_string(),
                    f.country.as_str(),
                    f.city.to_string(),
                )
            }
            Record::Antenna(i) => {
                let x = &cat.antennas()[i];
                // An antenna says which factory it serves.
                let served = match index.serves(h.record) {
                    Some(fs) if !fs.is_empty() => fs
                        .iter()
                        .filter_map(|&i| cat.factories().get(i).map(|f| f.name.as_str()))
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => "?".to_string(),
                };
                let kind = Msg::Antenna.text(lang);
                (
                    x.name.as_str(),
                    format!("{kind} → {served}"),
                    x.country.as_str(),
                    x.city.as_deref().unwrap_or("-").to_string(),
                )
            }
        };
        t.row([
            (rank + 1).to_string(),
            h.score.to_string(),
            name.to_string(),
            kind,
            cat.country_name(country, lang).to_string(),
            city,
            h.field.label(lang).to_string(),
            h.text.clone(),
        ]);
    }
    t
}
