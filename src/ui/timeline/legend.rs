//! The timeline's signs for the `?` help: every glyph, line, arrow, count, mark and colour
//! the timeline and the plan view draw, one per line, whatever fits on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{BAR, EARLIER, LATER, PLAN_BAND, TODAY_LINE, TODAY_MARK, UNCONFIRMED, glyph};
use super::{plan_style, timing_style};
use crate::data::{Kind, Lang};
use crate::i18n::Msg;
use crate::timeline::{PlanStatus, Timing};
use crate::ui::Theme;

/// The help's section of timeline signs.
pub fn help_lines(lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let row = |sign: String, style: Style, meaning: String| {
        Line::from(vec![
            Span::raw("  "),
            Span::styled(sign.clone(), style),
            Span::raw(" ".repeat(22usize.saturating_sub(crate::text::width(&sign)))),
            Span::raw(meaning),
        ])
    };
    let mut out = vec![Line::styled(Msg::TimelineSigns.text(lang), theme.title)];
    let kinds: String = Kind::ALL.iter().map(|&k| glyph(k)).collect();
    let words: Vec<&str> = Kind::ALL.iter().map(|k| k.label(lang)).collect();
    out.push(row(kinds, theme.label, words.join(", ")));
    let t = |t: Timing| (t.mark().to_string(), timing_style(theme, t));
    let p = |p: PlanStatus| (p.mark().to_string(), plan_style(theme, p));
    let signs: Vec<((String, Style), Msg)> = vec![
        ((BAR.to_string(), theme.label), Msg::LegendVagueDate),
        ((PLAN_BAND.to_string(), theme.plan), Msg::LegendPlanWindow),
        (
            (format!("{TODAY_LINE} {TODAY_MARK}"), theme.today),
            Msg::Today,
        ),
        (
            (format!("{EARLIER} {LATER}"), theme.dim),
            Msg::LegendOutOfRange,
        ),
        (("2…9 +".to_string(), theme.label), Msg::LegendCount),
        (
            (UNCONFIRMED.to_string(), theme.unconfirmed),
            Msg::LegendUnconfirmed,
        ),
        (t(Timing::OnTime), Msg::LegendOnTimeMet),
        (t(Timing::Early { months: 1 }), Msg::LegendEarly),
        (t(Timing::Late { months: 1 }), Msg::LegendLateBy),
        (t(Timing::Unclear), Msg::LegendMaybeLate),
        (p(PlanStatus::Overdue), Msg::LegendOverdueHelp),
        (p(PlanStatus::Open), Msg::LegendOpen),
    ];
    for ((sign, style), meaning) in signs {
        out.push(row(sign, style, meaning.text(lang).to_string()));
    }
    // The colours repeat what the marks say; each word in its colour.
    let colours = [
        (Msg::StatusDone, theme.done),
        (Msg::StatusOngoing, theme.ongoing),
        (Msg::StatusUpcoming, theme.upcoming),
        (Msg::LegendSlipped, theme.slipped),
        (Msg::StatusPlan, theme.plan),
        (Msg::PlanOverdue, plan_style(theme, PlanStatus::Overdue)),
    ];
    let mut spans = vec![Span::raw("  ")];
    for (i, (m, style)) in colours.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(m.text(lang), style));
    }
    spans.push(Span::raw(format!("  {}", Msg::LegendColours.text(lang))));
    out.push(Line::from(spans));
    out
}
