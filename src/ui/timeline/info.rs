//! The info rows under the lanes: the chosen milestone in full (facts, plan versus reality,
//! title and source), or the legend of kinds and statuses with the plans' results.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::geo::{Axis, Geo};
use super::{BAR, EARLIER, LATER, PLAN_BAND, TODAY_LINE, glyph, put_spans, timing_style};
use crate::app::{App, Zoom};
use crate::data::Kind;
use crate::i18n::Msg;
use crate::timeline::{PlanStatus, Timing};
use crate::ui::{Theme, safe};

/// `1 on time, 3 late, 2 overdue` for a plan, from the counts the app computed once, after
/// its status's mark; its status word when it names no factory.
fn plan_result(app: &App, plan: usize) -> String {
    let lang = app.lang();
    let Some(ps) = app.timeline().plan_status(plan) else {
        return String::new();
    };
    let counts = app
        .timeline()
        .tally(plan)
        .map(|t| t.text(lang))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| ps.text(lang).to_string());
    format!("{} {counts}", ps.mark())
}

/// The plan-versus-reality summary of the plans overlapping the range.
fn plan_summary<'a>(app: &App, theme: &Theme, axis: &Axis) -> Vec<Span<'a>> {
    let lang = app.lang();
    let tl = app.tl();
    let mut spans = Vec::new();
    for p in tl.plans() {
        let Some(e) = tl.entry(p) else { continue };
        if !e.overlaps(axis.from, axis.to) {
            continue;
        }
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(
            Msg::PlanSummary.fill(lang, &[&e.date().human(lang.is_fr()), e.kind().label(lang)]),
            theme.plan,
        ));
        let style = app
            .timeline()
            .plan_status(p)
            .map_or(theme.text, |ps| super::plan_style(theme, ps));
        spans.push(Span::styled(plan_result(app, p), style));
    }
    spans
}

fn kinds_legend<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let order = [
        Kind::Selection,
        Kind::Call,
        Kind::Policy,
        Kind::Agreement,
        Kind::Procurement,
        Kind::Contract,
        Kind::Installation,
        Kind::Launch,
        Kind::Operation,
        Kind::Other,
    ];
    let mut spans = Vec::new();
    for (i, k) in order.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(glyph(k).to_string(), theme.label));
        spans.push(Span::styled(format!(" {}", k.label(app.lang())), theme.dim));
    }
    spans
}

fn status_legend<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let lang = app.lang();
    let item = |m: Msg, style: Style| Span::styled(m.text(lang), style);
    // What a sign means, after the sign.
    let meaning = |m: Msg| Span::styled(format!(" {}", m.text(lang)), theme.dim);
    vec![
        item(Msg::StatusDone, theme.done),
        Span::raw(" "),
        item(Msg::StatusOngoing, theme.ongoing),
        Span::raw(" "),
        item(Msg::StatusUpcoming, theme.upcoming),
        Span::raw(" "),
        item(Msg::LegendSlipped, theme.slipped),
        Span::raw(" "),
        item(Msg::StatusPlan, theme.plan),
        Span::raw("  "),
        Span::styled("?", theme.unconfirmed),
        meaning(Msg::LegendUnconfirmed),
        Span::raw("  "),
        Span::styled(BAR.to_string(), theme.label),
        meaning(Msg::LegendVagueDate),
        Span::raw("  "),
        Span::styled(PLAN_BAND.to_string(), theme.plan),
        meaning(Msg::LegendPlanWindow),
        Span::raw("  "),
        Span::styled(TODAY_LINE.to_string(), theme.today),
        meaning(Msg::Today),
        Span::raw("  "),
        Span::styled(format!("{EARLIER}{LATER}"), theme.dim),
        meaning(Msg::LegendOutOfRange),
        Span::raw("  "),
        Span::styled("2", theme.label),
        meaning(Msg::LegendShared),
        Span::raw("  "),
        Span::styled(Timing::OnTime.mark().to_string(), theme.done),
        meaning(Msg::LegendOnTimeMet),
        Span::raw("  "),
        Span::styled(Timing::Early { months: 1 }.mark().to_string(), theme.done),
        meaning(Msg::LegendEarly),
        Span::raw("  "),
        Span::styled(Timing::Late { months: 1 }.mark().to_string(), theme.slipped),
        meaning(Msg::PlanLate),
        Span::raw("  "),
        Span::styled(
            PlanStatus::Overdue.mark().to_string(),
            super::plan_style(theme, PlanStatus::Overdue),
        ),
        meaning(Msg::OverdueNoNews),
        Span::raw("  "),
        Span::styled(Timing::Unclear.mark().to_string(), theme.unconfirmed),
        meaning(Msg::LegendMaybeLate),
    ]
}

/// The chosen milestone in full: (facts line, title and source line).
fn chosen_lines<'a>(
    app: &'a App,
    theme: &Theme,
    k: usize,
) -> Option<(Vec<Span<'a>>, Vec<Span<'a>>)> {
    let tl = app.tl();
    let e = tl.entry(k)?;
    let lang = app.lang();
    let m = tl.milestone(app.cat(), k);
    let mut status = e.status(app.today());
    status.plan = app.timeline().plan_status(k);
    let st_style = super::lanes::entry_style(app, theme, k, e);
    let dot = || Span::styled(" · ", theme.dim);
    let who = match e.factory() {
        Some(f) => safe(
            app.cat()
                .factories()
                .get(f)
                .map_or("?", |f| f.name.as_str()),
        ),
        None => std::borrow::Cow::Borrowed(Msg::ProgrammeWord.text(lang)),
    };
    let mut a = vec![
        Span::styled(e.date().human(lang.is_fr()), theme.label),
        dot(),
        Span::styled(who, theme.text),
        dot(),
        Span::styled(
            format!("{} {}", glyph(e.kind()), e.kind().label(lang)),
            st_style,
        ),
        dot(),
    ];
    let text = status.text(lang, m.first_announced);
    match text.strip_suffix('?') {
        Some(head) => {
            a.push(Span::styled(head.to_string(), st_style));
            a.push(Span::styled("?", theme.unconfirmed));
        }
        None => a.push(Span::styled(text, st_style)),
    }
    // Plan versus reality for this step.
    if let Some(p) = e.answers()
        && let Some(plan) = tl.entry(p)
    {
        a.push(dot());
        let timing = Timing::of(e, plan);
        a.push(Span::styled(
            format!("{} {}", timing.mark(), timing.text(lang)),
            timing_style(theme, timing),
        ));
        a.push(Span::styled(
            Msg::PlanOf.fill(lang, &[&plan.date().human(lang.is_fr())]),
            theme.dim,
        ));
    } else if e.planned() {
        a.push(dot());
        a.push(Span::styled(plan_result(app, k), theme.text));
    }
    let mut b = vec![Span::styled(safe(m.title.get(lang)), theme.text)];
    if let Some(id) = m.sources.first() {
        b.push(Span::styled(" — ", theme.dim));
        match app.cat().source(id) {
            Some(s) => {
                b.push(Span::styled(safe(&s.title), theme.dim));
                b.push(Span::styled(" ", theme.dim));
                b.push(Span::styled(
                    safe(&s.url),
                    theme.dim.add_modifier(Modifier::UNDERLINED),
                ));
            }
            None => b.push(Span::styled(safe(id), theme.dim)),
        }
    }
    Some((a, b))
}

pub(super) fn draw_info(buf: &mut Buffer, app: &App, theme: &Theme, g: &Geo) {
    if g.info.height == 0 || g.info.width == 0 {
        return;
    }
    let lines: Vec<Vec<Span<'_>>> = match app
        .timeline()
        .cursor()
        .and_then(|k| chosen_lines(app, theme, k))
    {
        Some((a, b)) if g.info.height >= 2 => vec![a, b],
        Some((mut a, b)) => {
            a.push(Span::styled(" · ", theme.dim));
            a.extend(b);
            vec![a]
        }
        None => {
            let mut status = Vec::new();
            if app.timeline().zoom() == Zoom::Year {
                status = plan_summary(app, theme, &g.axis);
                if !status.is_empty() {
                    status.push(Span::raw("   "));
                }
            }
            status.extend(status_legend(app, theme));
            if g.info.height >= 2 {
                vec![kinds_legend(app, theme), status]
            } else {
                vec![status]
            }
        }
    };
    for (i, spans) in lines.iter().enumerate().take(usize::from(g.info.height)) {
        let y = g.info.y + u16::try_from(i).unwrap_or(u16::MAX);
        put_spans(buf, g.info, g.info.x, y, spans, g.info.width);
    }
}
