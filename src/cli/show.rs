//! `aifactories show ID-OR-NAME`: one factory or antenna in full.

use std::io::Write;

use super::args::{RecordFormat, ShowArgs};
use super::{Ctx, EXIT_OK, Failure, json, records, resolve_record};
use crate::data::{Lang, Record};
use crate::i18n::{Msg, tr};
use crate::sheet::{Sheet, value_text};
use crate::timeline::Timeline;

pub fn run(ctx: &Ctx, a: &ShowArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let cat = &ctx.cat;
    let record = resolve_record(cat, &a.query)?;
    match (record, a.format) {
        (Record::Factory(i), RecordFormat::Json) => {
            let v = json::factory(cat, &cat.factories()[i], ctx.lang);
            writeln!(out, "{}", json::to_string(&v))?;
        }
        (Record::Antenna(i), RecordFormat::Json) => {
            let v = json::antenna(cat, &cat.antennas()[i], ctx.lang);
            writeln!(out, "{}", json::to_string(&v))?;
        }
        (Record::Factory(i), RecordFormat::Csv) => {
            records::write_csv([&cat.factories()[i]], [], out)?;
        }
        (Record::Antenna(i), RecordFormat::Csv) => {
            records::write_csv([], [&cat.antennas()[i]], out)?;
        }
        (Record::Factory(i), RecordFormat::Text) => {
            let tl = Timeline::new(cat);
            let sheet = Sheet::factory(cat, &tl, i, ctx.today, ctx.lang);
            write_sheet(&sheet, ctx.lang, out)?;
        }
        (Record::Antenna(i), RecordFormat::Text) => {
            let sheet = Sheet::antenna(cat, &cat.antennas()[i], ctx.lang);
            write_sheet(&sheet, ctx.lang, out)?;
        }
    }
    Ok(EXIT_OK)
}

/// The fact sheet as text: the same labels and facts as the detail pane, one per line.
fn write_sheet(s: &Sheet, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", s.name, s.id)?;
    if let Some(sub) = &s.subtitle {
        writeln!(out, "  {sub}")?;
    }
    // The detail pane's order: what a user asks first, the summary, then the rest.
    for f in &s.lead {
        writeln!(out, "  {}: {}", tr(lang, f.label), value_text(&f.value))?;
    }
    if let Some(summary) = &s.summary {
        writeln!(out)?;
        writeln!(out, "  {summary}")?;
        writeln!(out)?;
    }
    for f in &s.fields {
        writeln!(out, "  {}: {}", tr(lang, f.label), value_text(&f.value))?;
    }
    if !s.milestones.is_empty() {
        writeln!(out)?;
        writeln!(out, "  {}:", tr(lang, Msg::Milestones))?;
        for m in &s.milestones {
            writeln!(
                out,
                "    {:<12} {:<13} {}  {}",
                m.date, m.kind, m.title, m.status_text
            )?;
        }
        if s.more_milestones > 0 {
            let more = s.more_milestones.to_string();
            writeln!(out, "    {}", Msg::MoreMilestones.fill(lang, &[&more]))?;
        }
    }
    if !s.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "  {}:", tr(lang, Msg::UnconfirmedOrConflicting))?;
        for n in &s.notes {
            writeln!(out, "    ? {n}")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "  {}:", tr(lang, Msg::Sources))?;
    for src in &s.sources {
        let date = src
            .date
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let official = if src.official {
            format!(" {}", tr(lang, Msg::Official))
        } else {
            String::new()
        };
        writeln!(out, "    {}{date}{official}", src.title)?;
        writeln!(out, "      {}", src.url)?;
    }
    Ok(())
}
