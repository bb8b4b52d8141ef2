//! `aifactories export`: the whole dataset as RON (accepted by `--data`), JSON or CSV.

use std::io::Write;

use super::args::{ExportArgs, ExportFormat};
use super::{Ctx, EXIT_OK, Failure, json, records};

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
            records::write_csv(cat.factories(), cat.antennas(), out)?;
        }
    }
    Ok(EXIT_OK)
}
