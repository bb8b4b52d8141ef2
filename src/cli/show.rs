//! `aifactories show ID-OR-NAME`: one factory or antenna in full.

use std::io::Write;

use super::args::{ShowArgs, ShowFormat};
use super::{Ctx, EXIT_OK, Failure, json, resolve_record};
use crate::data::{Antenna, Catalog, Factory, IStr, Lang, Link, Record};
use crate::text::sanitize;

pub fn run(ctx: &Ctx, a: &ShowArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let cat = &ctx.cat;
    let record = resolve_record(cat, &a.query)?;
    match (record, a.format) {
        (Record::Factory(i), ShowFormat::Json) => {
            let v = json::factory(cat, &cat.factories()[i], ctx.lang);
            writeln!(out, "{}", json::to_string(&v))?;
        }
        (Record::Antenna(i), ShowFormat::Json) => {
            let v = json::antenna(cat, &cat.antennas()[i], ctx.lang);
            writeln!(out, "{}", json::to_string(&v))?;
        }
        (Record::Factory(i), ShowFormat::Text) => {
            write_factory(cat, &cat.factories()[i], ctx.lang, out)?;
        }
        (Record::Antenna(i), ShowFormat::Text) => {
            write_antenna(cat, &cat.antennas()[i], ctx.lang, out)?;
        }
    }
    Ok(EXIT_OK)
}

fn label(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    if lang.is_fr() { fr } else { en }
}

fn write_factory(
    cat: &Catalog,
    f: &Factory,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let l = |en, fr| label(lang, en, fr);
    let s = |t: &str| sanitize(t).into_owned();
    writeln!(out, "{} ({})", s(&f.name), f.id)?;
    if !f.aliases.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            l("also known as", "autres noms"),
            s(&f.aliases.join(", "))
        )?;
    }
    writeln!(
        out,
        "  {}: {} {}, {}",
        l("selected", "sélection"),
        l("wave", "vague"),
        f.wave,
        f.selected.human(lang.is_fr())
    )?;
    writeln!(out, "  {}: {}", l("host", "hôte"), s(&f.host))?;
    if !f.consortium.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            l("consortium", "consortium"),
            s(&f.consortium.join(", "))
        )?;
    }
    writeln!(
        out,
        "  {}: {}, {} ({})",
        l("location", "lieu"),
        s(&f.city),
        cat.country_name(&f.country, lang),
        f.country
    )?;
    if let Some(site) = &f.site {
        writeln!(
            out,
            "  {}: {}",
            l("machine site", "site de la machine"),
            s(&site.name)
        )?;
    }
    let partners: Vec<String> = f
        .partners
        .iter()
        .map(|p| format!("{} ({p})", cat.country_name(p, lang)))
        .collect();
    writeln!(
        out,
        "  {}: {}",
        l("partner countries", "pays partenaires"),
        if partners.is_empty() {
            l("none", "aucun").to_string()
        } else {
            partners.join(", ")
        }
    )?;
    let antennas: Vec<String> = cat
        .antennas_of(&f.id)
        .map(|a| format!("{} ({}){}", s(&a.name), a.country, a.link_certainty.mark()))
        .collect();
    if !antennas.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            l("antennas", "antennes"),
            antennas.join(", ")
        )?;
    }
    let sys = &f.system;
    writeln!(
        out,
        "  {}: {} - {}",
        l("AI system", "système d'IA"),
        s(sys.name.as_deref().unwrap_or(l("unnamed", "sans nom"))),
        s(sys.description.get(lang))
    )?;
    writeln!(
        out,
        "  {}: {}",
        l("vendor", "fournisseur"),
        match &sys.vendor {
            Some(v) => s(v),
            None => l("not confirmed ?", "non confirmé ?").to_string(),
        }
    )?;
    if let Some(op) = &sys.operation {
        writeln!(
            out,
            "  {}: {}{}",
            l("planned operation", "mise en service prévue"),
            op.human(lang.is_fr()),
            sys.operation_certainty.mark()
        )?;
    }
    let sectors: Vec<&str> = f
        .sectors
        .iter()
        .map(|k| cat.sector_label(k, lang))
        .collect();
    writeln!(
        out,
        "  {}: {}{}",
        l("sectors", "secteurs"),
        sectors.join(", "),
        f.sectors_certainty.mark()
    )?;
    for m in &f.funding {
        writeln!(
            out,
            "  {}: {} ({}){}",
            l("funding", "financement"),
            s(&m.amount),
            s(m.detail.get(lang)),
            m.certainty.mark()
        )?;
    }
    writeln!(out)?;
    writeln!(out, "  {}", s(f.summary.get(lang)))?;
    if !f.milestones.is_empty() {
        writeln!(out)?;
        writeln!(out, "  {}:", l("milestones", "jalons"))?;
        let mut ms: Vec<_> = f.milestones.iter().collect();
        ms.sort_by_key(|m| m.date);
        for m in ms {
            let plan = if m.planned {
                l(" (planned)", " (prévu)")
            } else {
                ""
            };
            writeln!(
                out,
                "    {:<12} {:<13} {}{}{}",
                m.date.human(lang.is_fr()),
                m.kind.label(lang),
                s(m.title.get(lang)),
                plan,
                m.certainty.mark()
            )?;
        }
    }
    if !f.notes.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "  {}:",
            l(
                "unconfirmed or conflicting",
                "non confirmé ou contradictoire"
            )
        )?;
        for n in &f.notes {
            writeln!(out, "    ? {}", s(n.text.get(lang)))?;
        }
    }
    write_sources(cat, &f.sources, lang, out)
}

fn write_antenna(
    cat: &Catalog,
    a: &Antenna,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let l = |en, fr| label(lang, en, fr);
    writeln!(out, "{} ({})", sanitize(&a.name), a.id)?;
    writeln!(
        out,
        "  {}: {} ({}), {}",
        l("AI Factory Antenna in", "antenne d'usine d'IA en"),
        cat.country_name(&a.country, lang),
        a.country,
        if a.eu_member {
            l("EU member state", "État membre de l'UE")
        } else {
            l("partner country", "pays partenaire")
        }
    )?;
    writeln!(
        out,
        "  {}: {}",
        l("selected", "sélection"),
        a.selected.human(lang.is_fr())
    )?;
    let linked = match &a.linked {
        Link::Factories(ids) => ids
            .iter()
            .map(|id| cat.factory(id).map_or(id.as_str(), |f| f.name.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        Link::Unknown => l("unknown", "inconnu").to_string(),
    };
    writeln!(
        out,
        "  {}: {}{}",
        l("serves", "rattachée à"),
        sanitize(&linked),
        a.link_certainty.mark()
    )?;
    writeln!(
        out,
        "  {}: {}",
        l("city", "ville"),
        a.city.as_deref().map_or_else(
            || l("not confirmed ?", "non confirmée ?").to_string(),
            |c| sanitize(c).into_owned()
        )
    )?;
    if let Some(h) = &a.host {
        writeln!(out, "  {}: {}", l("host", "hôte"), sanitize(h))?;
    }
    for n in &a.notes {
        writeln!(out, "    ? {}", sanitize(n.text.get(lang)))?;
    }
    write_sources(cat, &a.sources, lang, out)
}

fn write_sources(
    cat: &Catalog,
    ids: &[IStr],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "  {}:", label(lang, "sources", "sources"))?;
    for id in ids {
        if let Some(src) = cat.source(id) {
            let date = src
                .date
                .map(|d| format!(" ({})", d.human(lang.is_fr())))
                .unwrap_or_default();
            let off = if src.official {
                label(lang, " [official]", " [officiel]")
            } else {
                ""
            };
            writeln!(out, "    {}{}{}", sanitize(&src.title), date, off)?;
            writeln!(out, "      {}", sanitize(&src.url))?;
        }
    }
    Ok(())
}
