//! The chosen milestone's card (Enter in the timeline): everything about it, whole and
//! wrapped, over the screen: the title, the date and its precision, who, the kind, the status,
//! how it stands against its plan, the date first announced, the certainty, and each source
//! with its URL. Programme milestones too.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::{glyph, lanes::entry_style, plan_style, timing_style};
use crate::app::App;
use crate::data::{Certainty, Precision};
use crate::i18n::Msg;
use crate::timeline::{Outcome, PlanStatus, Timing};
use crate::ui::{Theme, safe};

fn precision_word(p: Precision) -> Msg {
    match p {
        Precision::Day => Msg::PrecisionDay,
        Precision::Month => Msg::PrecisionMonth,
        Precision::Quarter => Msg::PrecisionQuarter,
        Precision::Half => Msg::PrecisionHalf,
        Precision::EndOfYear => Msg::PrecisionEndOfYear,
        Precision::Year => Msg::PrecisionYear,
    }
}

fn certainty_word(c: Certainty) -> Msg {
    match c {
        Certainty::Confirmed => Msg::CertaintyConfirmed,
        Certainty::Unconfirmed => Msg::CertaintyUnconfirmed,
        Certainty::Conflicting => Msg::CertaintyConflicting,
    }
}

/// The card's lines for entry `k`.
pub fn lines<'a>(app: &'a App, theme: &Theme, k: usize) -> Vec<Line<'a>> {
    let tl = app.tl();
    let Some(e) = tl.entry(k) else {
        return Vec::new();
    };
    let lang = app.lang();
    let fr = lang.is_fr();
    let m = tl.milestone(app.cat(), k);
    let name = |f: usize| {
        app.cat()
            .factories()
            .get(f)
            .map_or_else(|| "?".to_string(), |f| safe(&f.name).into_owned())
    };
    let labels = [
        Msg::CardDate,
        Msg::CardWho,
        Msg::CardKind,
        Msg::CardStatus,
        Msg::CardAgainstPlan,
        Msg::CardNone,
        Msg::CardFirstAnnounced,
        Msg::CardCertainty,
    ];
    let pad = labels
        .iter()
        .map(|l| crate::text::width(l.text(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    let field = |label: Msg, value: Vec<Span<'a>>| {
        let text = label.text(lang);
        let gap = " ".repeat(pad.saturating_sub(crate::text::width(text)));
        let mut spans = vec![Span::styled(format!("{text}{gap}"), theme.label)];
        spans.extend(value);
        Line::from(spans)
    };
    let mut out = vec![
        Line::styled(
            safe(m.title.get(lang)).into_owned(),
            theme.text.add_modifier(Modifier::BOLD),
        ),
        Line::raw(""),
        field(
            Msg::CardDate,
            vec![Span::styled(
                format!(
                    "{} ({})",
                    e.date().human(fr),
                    precision_word(e.precision()).text(lang)
                ),
                theme.text,
            )],
        ),
    ];
    let who = match e.factory() {
        Some(f) => name(f),
        None => {
            let named: Vec<String> = m
                .factories
                .iter()
                .filter_map(|id| app.cat().factory_index(id))
                .map(name)
                .collect();
            if named.is_empty() {
                Msg::ProgrammeWord.text(lang).to_string()
            } else {
                Msg::CardProgrammeNames.fill(lang, &[&named.join(", ")])
            }
        }
    };
    out.push(field(Msg::CardWho, vec![Span::styled(who, theme.text)]));
    out.push(field(
        Msg::CardKind,
        vec![Span::styled(
            format!("{} {}", glyph(e.kind()), e.kind().label(lang)),
            entry_style(app, theme, k, e),
        )],
    ));
    let mut status = e.status(app.today());
    status.plan = app.timeline().plan_status(k);
    out.push(field(
        Msg::CardStatus,
        vec![Span::styled(
            status.text(lang, m.first_announced),
            entry_style(app, theme, k, e),
        )],
    ));
    // Against its plan: an answer's timing and the plan; a plan's standing and who is overdue.
    if let Some(p) = e.answers()
        && let Some(plan) = tl.entry(p)
    {
        let t = Timing::of(e, plan);
        out.push(field(
            Msg::CardAgainstPlan,
            vec![
                Span::styled(
                    format!("{} {}", t.mark(), t.text(lang)),
                    timing_style(theme, t),
                ),
                Span::styled(
                    Msg::CardPlanOf.fill(
                        lang,
                        &[
                            &plan.date().human(fr),
                            plan.kind().label(lang),
                            &safe(tl.milestone(app.cat(), p).title.get(lang)),
                        ],
                    ),
                    theme.dim,
                ),
            ],
        ));
    } else if let Some(ps) = app.timeline().plan_status(k) {
        let tally = app
            .timeline()
            .tally(k)
            .map(|t| t.text(lang))
            .filter(|t| !t.is_empty());
        let mut value = vec![Span::styled(
            format!("{} {}", ps.mark(), ps.text(lang)),
            plan_style(theme, ps),
        )];
        if let Some(t) = tally {
            value.push(Span::styled(format!(" — {t}"), theme.text));
        }
        out.push(field(Msg::CardAgainstPlan, value));
        let overdue: Vec<String> = tl
            .outcomes(k, app.today())
            .into_iter()
            .filter(|(_, o)| *o == Outcome::Overdue)
            .map(|(f, _)| name(f))
            .collect();
        if !overdue.is_empty() {
            out.push(field(
                Msg::CardNone,
                vec![Span::styled(
                    format!(
                        "{} {}",
                        PlanStatus::Overdue.mark(),
                        Msg::OverdueNoNewsFor.fill(lang, &[&overdue.join(", ")])
                    ),
                    plan_style(theme, PlanStatus::Overdue),
                )],
            ));
        }
    }
    if let Some(fa) = m.first_announced {
        out.push(field(
            Msg::CardFirstAnnounced,
            vec![Span::styled(fa.human(fr), theme.text)],
        ));
    }
    let cert_style = if e.certainty().is_confirmed() {
        theme.text
    } else {
        theme.unconfirmed
    };
    out.push(field(
        Msg::CardCertainty,
        vec![Span::styled(
            certainty_word(e.certainty()).text(lang),
            cert_style,
        )],
    ));
    out.push(Line::raw(""));
    out.push(Line::styled(Msg::Sources.text(lang), theme.title));
    for id in &m.sources {
        match app.cat().source(id) {
            Some(s) => {
                out.push(Line::from(vec![
                    Span::styled("• ", theme.dim),
                    Span::styled(safe(&s.title).into_owned(), theme.text),
                ]));
                out.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(
                        safe(&s.url).into_owned(),
                        theme.dim.add_modifier(Modifier::UNDERLINED),
                    ),
                ]));
            }
            None => out.push(Line::styled(format!("• {}", safe(id)), theme.dim)),
        }
    }
    out
}

/// The card's rect: centred, at most 84 wide and the screen's height less two.
fn card_rect(area: Rect) -> Rect {
    let w = area.width.min(84);
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draw the card of the chosen milestone over `area`, if it is open.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let (Some(scroll), Some(k)) = (app.timeline().card(), app.timeline().cursor()) else {
        return;
    };
    let r = card_rect(area.intersection(f.area()));
    if r.width < 2 || r.height < 2 {
        return;
    }
    let lang = app.lang();
    let lines = lines(app, theme, k);
    let max = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Span::styled(
            format!(" {} ", Msg::CardTitle.text(lang)),
            theme.title,
        ))
        .title_bottom(
            Line::from(vec![
                Span::styled(" Esc Enter", theme.key),
                Span::styled(Msg::HintPlanBack.text(lang), Style::new()),
                Span::styled("← → H L", theme.key),
                Span::styled(format!("{} ", Msg::CardHintMove.text(lang)), Style::new()),
            ])
            .right_aligned(),
        );
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max), 0)),
        r,
    );
}
