//! `aifactories export`: the whole dataset as RON (accepted by `--data`), JSON or CSV.

use std::io::Write;

use super::args::{ExportArgs, ExportFormat};
use super::table::Table;
use super::{Ctx, EXIT_OK, Failure, json};
use crate::data::Link;

pub fn run(ctx: &Ctx, a: &ExportArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let cat = &ctx.cat;
    match a.format {
        ExportFormat::Ron => writeln!(out, "{}", cat.to_ron())?,
        ExportFormat::Json => {
            let v = serde_json::json!({
                "as_of": cat.data.as_of.iso(),
                "factories": cat.factories().iter().map(|f| json::factory(cat, f, ctx.lang)).collect::<Vec<_>>(),
                "antennas": cat.antennas().iter().map(|x| json::antenna(cat, x, ctx.lang)).collect::<Vec<_>>(),
                "milestones": cat.data.milestones.iter().map(|m| json::milestone(m, ctx.lang)).collect::<Vec<_>>(),
                "sources": cat.data.sources,
            });
            writeln!(out, "{}", json::to_string(&v))?;
        }
        ExportFormat::Csv => {
            // One flat table of records: factories and antennas, one row each.
            let mut t = Table::new([
                "kind",
                "id",
                "name",
                "wave",
                "selected",
                "country",
                "city",
                "host",
                "partners",
                "sectors",
                "system",
                "vendor",
                "operation",
                "linked",
                "sources",
            ]);
            for f in cat.factories() {
                t.row([
                    "factory".to_string(),
                    f.id.to_string(),
                    f.name.to_string(),
                    f.wave.to_string(),
                    f.selected.iso(),
                    f.country.to_string(),
                    f.city.to_string(),
                    f.host.to_string(),
                    f.partners.join(" "),
                    f.sectors.join(" "),
                    f.system.name.as_deref().unwrap_or_default().to_string(),
                    f.system.vendor.as_deref().unwrap_or_default().to_string(),
                    f.system.operation.map(|d| d.iso()).unwrap_or_default(),
                    String::new(),
                    f.sources.join(" "),
                ]);
            }
            for x in cat.antennas() {
                t.row([
                    "antenna".to_string(),
                    x.id.to_string(),
                    x.name.to_string(),
                    String::new(),
                    x.selected.iso(),
                    x.country.to_string(),
                    x.city.as_deref().unwrap_or_default().to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    match &x.linked {
                        Link::Factories(ids) => ids.join(" "),
                        Link::Unknown => String::new(),
                    },
                    x.sources.join(" "),
                ]);
            }
            t.write_csv(out)?;
        }
    }
    Ok(EXIT_OK)
}
