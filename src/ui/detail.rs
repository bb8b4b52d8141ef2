//! The detail pane: everything known about the selected factory or antenna, with a `?` on
//! whatever the sources do not confirm.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Theme, pane_block, safe, title};
use crate::app::App;
use crate::data::{Antenna, Factory, IStr, Lang, Link, Note, Record};
use crate::layout::{Pane, inner};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let fr = app.lang.is_fr();
    let block = pane_block(
        app,
        theme,
        Pane::Detail,
        Line::from(title(theme, if fr { "Détail" } else { "Detail" })),
    );
    f.render_widget(block, area);
    let body = inner(area);
    if body.width == 0 || body.height == 0 {
        return;
    }
    // Wrapping the whole text to count its lines costs as much as drawing it: only when
    // scrolled. Unscrolled, no more lines can show than the pane has rows (each takes at
    // least one), and only those are made.
    let scroll = match app.detail_scroll {
        0 => 0,
        s => s.min(max_scroll_for(&lines(app, theme, usize::MAX), body)),
    };
    let shown = if scroll == 0 {
        usize::from(body.height)
    } else {
        usize::MAX
    };
    f.render_widget(
        Paragraph::new(lines(app, theme, shown))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
}

fn max_scroll_for(lines: &[Line], body: Rect) -> u16 {
    let total = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(body.width);
    u16::try_from(total.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

/// How far the detail can scroll at the current size.
pub fn max_scroll(app: &App) -> u16 {
    let Some(area) = app.screen().detail else {
        return 0;
    };
    let body = inner(area);
    if body.width == 0 {
        return 0;
    }
    max_scroll_for(&lines(app, &app.theme, usize::MAX), body)
}

/// Milestones listed in the detail; the timeline walks through all of them.
const MAX_MILESTONES: usize = 200;

fn field<'a>(theme: &Theme, label: &'a str, value: impl Into<Vec<Span<'a>>>) -> Line<'a> {
    let mut spans = vec![Span::styled(format!("{:<11}", label), theme.label)];
    spans.extend(value.into());
    Line::from(spans)
}

/// The detail's text; `limit`: its first lines are enough (at least that many are made).
fn lines<'a>(app: &'a App, theme: &Theme, limit: usize) -> Vec<Line<'a>> {
    match app.selected_record() {
        Some(Record::Factory(i)) => factory(app, theme, &app.cat.factories()[i], limit),
        Some(Record::Antenna(i)) => antenna(app, theme, &app.cat.antennas()[i], limit),
        None => vec![Line::styled(
            app.lang.pick("Nothing selected.", "Aucune sélection."),
            theme.dim,
        )],
    }
}

fn factory<'a>(app: &'a App, theme: &Theme, f: &'a Factory, limit: usize) -> Vec<Line<'a>> {
    let lang = app.lang;
    let fr = lang.is_fr();
    let cat = &app.cat;
    let t = |en, fr| lang.pick(en, fr);
    let unc = theme.unconfirmed;
    let mut out = vec![Line::from(vec![
        Span::styled(safe(&f.name), theme.title),
        Span::styled(format!("  {}", f.id), theme.dim),
    ])];
    if !f.aliases.is_empty() {
        out.push(Line::styled(
            safe(&f.aliases.join(" · ")).into_owned(),
            theme.dim,
        ));
    }
    out.push(field(
        theme,
        t("Selected", "Sélection"),
        vec![Span::raw(format!(
            "{} {} · {}",
            t("wave", "vague"),
            f.wave,
            f.selected.human(fr)
        ))],
    ));
    out.push(field(
        theme,
        t("Host", "Hôte"),
        vec![Span::raw(safe(&f.host))],
    ));
    out.push(field(
        theme,
        t("Location", "Lieu"),
        vec![Span::raw(format!(
            "{}, {} ({})",
            safe(&f.city),
            cat.country_name(&f.country, lang),
            f.country
        ))],
    ));
    if let Some(site) = &f.site {
        out.push(field(
            theme,
            t("Machine at", "Machine à"),
            vec![Span::raw(safe(&site.name))],
        ));
    }
    let partners = if f.partners.is_empty() {
        t("none", "aucun").to_string()
    } else {
        f.partners
            .iter()
            .map(|p| format!("{} ({p})", cat.country_name(p, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(field(
        theme,
        t("Partners", "Partenaires"),
        vec![Span::raw(partners)],
    ));
    if !f.consortium.is_empty() {
        out.push(field(
            theme,
            t("Consortium", "Consortium"),
            vec![Span::raw(safe(&f.consortium.join(", ")).into_owned())],
        ));
    }
    let antennas: Vec<String> = cat
        .antennas_of(&f.id)
        .map(|a| {
            format!(
                "{} ({}){}",
                safe(&a.name),
                a.country,
                a.link_certainty.mark()
            )
        })
        .collect();
    if !antennas.is_empty() {
        out.push(field(
            theme,
            t("Antennas", "Antennes"),
            vec![Span::raw(antennas.join(", "))],
        ));
    }
    if out.len() >= limit {
        return out;
    }
    let sys = &f.system;
    out.push(field(
        theme,
        t("AI system", "Système IA"),
        vec![
            Span::styled(
                safe(sys.name.as_deref().unwrap_or(t("unnamed", "sans nom"))).into_owned(),
                theme.text.add_modifier(Modifier::BOLD),
            ),
            Span::raw(format!(" – {}", safe(sys.description.get(lang)))),
        ],
    ));
    out.push(field(
        theme,
        t("Vendor", "Fournisseur"),
        or_unconfirmed(
            theme,
            sys.vendor.as_deref(),
            t("vendor not confirmed ?", "fournisseur non confirmé ?"),
        ),
    ));
    if let Some(op) = &sys.operation {
        out.push(field(
            theme,
            t("Operation", "Service"),
            vec![
                Span::raw(op.human(fr)),
                Span::styled(sys.operation_certainty.mark(), unc),
            ],
        ));
    }
    if out.len() >= limit {
        return out;
    }
    let sectors = f
        .sectors
        .iter()
        .map(|k| cat.sector_label(k, lang))
        .collect::<Vec<_>>()
        .join(", ");
    out.push(field(
        theme,
        t("Sectors", "Secteurs"),
        vec![
            Span::raw(sectors),
            Span::styled(f.sectors_certainty.mark(), unc),
        ],
    ));
    for m in &f.funding {
        out.push(field(
            theme,
            t("Funding", "Financement"),
            vec![
                Span::styled(safe(&m.amount), theme.text.add_modifier(Modifier::BOLD)),
                Span::raw(format!(" – {}", safe(m.detail.get(lang)))),
                Span::styled(m.certainty.mark(), unc),
            ],
        ));
    }
    out.push(Line::raw(""));
    out.push(Line::raw(safe(f.summary.get(lang))));
    if out.len() >= limit {
        return out;
    }
    if !f.milestones.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(t("Milestones", "Jalons"), theme.title));
        // In date order, with the status the timeline computes.
        let fi = app.cat.factory_index(&f.id).unwrap_or(usize::MAX);
        let entries = app.timeline.for_factory(fi);
        for &e in entries.iter().take(MAX_MILESTONES) {
            let e = e as usize;
            let (Some(entry), Some(st)) =
                (app.timeline.entry(e), app.timeline.status(e, app.today))
            else {
                continue;
            };
            let m = app.timeline.milestone(&app.cat, e);
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {:<12}", entry.date().human(fr)),
                    theme.status(&st),
                ),
                Span::styled(format!("{:<14}", entry.kind().label(lang)), theme.dim),
                Span::raw(safe(m.title.get(lang))),
                Span::styled(
                    format!("  {}", st.text(lang, m.first_announced)),
                    theme.status(&st),
                ),
            ]));
        }
        if entries.len() > MAX_MILESTONES {
            let more = entries.len() - MAX_MILESTONES;
            out.push(Line::styled(
                if lang.is_fr() {
                    format!("  … {more} jalons de plus : voir la chronologie (4)")
                } else {
                    format!("  … {more} more milestones: see the timeline (4)")
                },
                theme.dim,
            ));
        }
    }
    if out.len() >= limit {
        return out;
    }
    if !f.notes.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            t(
                "Unconfirmed or conflicting",
                "Non confirmé ou contradictoire",
            ),
            theme.title,
        ));
        notes(theme, lang, &f.notes, &mut out);
    }
    sources(app, theme, &f.sources, &mut out);
    out
}

fn antenna<'a>(app: &'a App, theme: &Theme, a: &'a Antenna, limit: usize) -> Vec<Line<'a>> {
    let lang = app.lang;
    let fr = lang.is_fr();
    let t = |en, fr| lang.pick(en, fr);
    let mut out = vec![
        Line::from(vec![
            Span::styled(safe(&a.name), theme.title),
            Span::styled(format!("  {}", a.id), theme.dim),
        ]),
        Line::styled(t("AI Factory Antenna", "Antenne d'usine d'IA"), theme.dim),
        field(
            theme,
            t("Country", "Pays"),
            vec![Span::raw(format!(
                "{} ({}) · {}",
                app.cat.country_name(&a.country, lang),
                a.country,
                if a.eu_member {
                    t("EU member state", "État membre de l'UE")
                } else {
                    t("partner country", "pays partenaire")
                }
            ))],
        ),
        field(
            theme,
            t("Selected", "Sélection"),
            vec![Span::raw(a.selected.human(fr))],
        ),
    ];
    let serves = match &a.linked {
        Link::Factories(ids) => ids
            .iter()
            .map(|id| app.cat.factory(id).map_or(id.as_str(), |f| f.name.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        Link::Unknown => t("not known", "inconnu").to_string(),
    };
    out.push(field(
        theme,
        t("Serves", "Rattachée à"),
        vec![
            Span::raw(safe(&serves).into_owned()),
            Span::styled(a.link_certainty.mark(), theme.unconfirmed),
        ],
    ));
    out.push(field(
        theme,
        t("City", "Ville"),
        or_unconfirmed(
            theme,
            a.city.as_deref(),
            t("not confirmed ?", "non confirmée ?"),
        ),
    ));
    if let Some(h) = &a.host {
        out.push(field(theme, t("Host", "Hôte"), vec![Span::raw(safe(h))]));
    }
    if out.len() >= limit {
        return out;
    }
    notes(theme, lang, &a.notes, &mut out);
    sources(app, theme, &a.sources, &mut out);
    out
}

/// A value from the data, or the note that the sources do not confirm one.
fn or_unconfirmed<'a>(theme: &Theme, value: Option<&'a str>, missing: &'a str) -> Vec<Span<'a>> {
    match value {
        Some(v) => vec![Span::raw(safe(v))],
        None => vec![Span::styled(missing, theme.unconfirmed)],
    }
}

/// Unconfirmed or conflicting points, one line each after a `?`.
fn notes<'a>(theme: &Theme, lang: Lang, notes: &'a [Note], out: &mut Vec<Line<'a>>) {
    for n in notes {
        out.push(Line::from(vec![
            Span::styled("  ? ", theme.unconfirmed),
            Span::raw(safe(n.text.get(lang))),
        ]));
    }
}

fn sources<'a>(app: &'a App, theme: &Theme, ids: &'a [IStr], out: &mut Vec<Line<'a>>) {
    out.push(Line::raw(""));
    out.push(Line::styled(
        app.lang.pick("Sources", "Sources"),
        theme.title,
    ));
    for id in ids {
        let Some(s) = app.cat.source(id) else {
            continue;
        };
        let mut spans = vec![Span::raw("  "), Span::raw(safe(&s.title))];
        if let Some(d) = &s.date {
            spans.push(Span::styled(
                format!(" ({})", d.human(app.lang.is_fr())),
                theme.dim,
            ));
        }
        if s.official {
            spans.push(Span::styled(
                app.lang.pick(" [official]", " [officiel]"),
                theme.label,
            ));
        }
        out.push(Line::from(spans));
        out.push(Line::styled(format!("    {}", safe(&s.url)), theme.dim));
    }
}
