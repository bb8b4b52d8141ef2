//! The plan-against-reality view (`p`), drawn in the timeline's place: one row per plan and
//! factory it names, the most pressing first, as a ratatui [`Table`]. Each row starts with
//! its mark and words (`✗ overdue, no news`, `! 6 months late`, `✓ on time`), so that it reads
//! without colour; then the plan (date and kind, `?` when the sources do not confirm it, the
//! date first announced when it moved), the factory, the answering event, the plan's title.
//!
//! Only the rows on screen are made, so a frame costs the same at any size of data.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::timeline::{plan_style, timing_style};
use super::{Theme, pane_block, safe, title};
use crate::app::App;
use crate::data::Lang;
use crate::i18n::Msg;
use crate::layout::Pane;
use crate::text::width;
use crate::timeline::{Outcome, PlanRow, PlanStatus, Timeline};

/// The first cell: the outcome's mark and words, and its style; `short`: `✗ overdue` for
/// `✗ overdue, no news` (the legend and the wide view say the rest).
pub fn outcome_cell(theme: &Theme, o: Outcome, lang: Lang, short: bool) -> (String, Style) {
    match o {
        Outcome::Overdue => {
            let words = if short {
                PlanStatus::Overdue.text(lang)
            } else {
                Msg::OverdueNoNews.text(lang)
            };
            (
                format!("{} {words}", PlanStatus::Overdue.mark()),
                plan_style(theme, PlanStatus::Overdue),
            )
        }
        Outcome::Open => (
            format!(
                "{} {}",
                PlanStatus::Open.mark(),
                PlanStatus::Open.text(lang)
            ),
            plan_style(theme, PlanStatus::Open),
        ),
        Outcome::Answered(a) => (
            format!("{} {}", a.timing.mark(), a.timing.text(lang)),
            timing_style(theme, a.timing),
        ),
    }
}

/// `H1 2025 procurement`, with `?` when unconfirmed and `(was Q2 2026)` when it moved.
pub fn plan_label(app: &App, tl: &Timeline, p: usize) -> String {
    let lang = app.lang();
    let Some(e) = tl.entry(p) else {
        return String::new();
    };
    let mut s = format!("{} {}", e.date().human(lang.is_fr()), e.kind().label(lang));
    if !e.certainty().is_confirmed() {
        s.push_str(" ?");
    }
    if e.slipped()
        && let Some(fa) = tl.milestone(app.cat(), p).first_announced
    {
        s.push_str(&Msg::NoteWasDate.fill(lang, &[&fa.human(lang.is_fr())]));
    }
    s
}

/// The names of a row's factories, as many as fit in about `room` columns, then `+N`.
fn factory_names(app: &App, list: &[usize], room: usize) -> String {
    let mut s = String::new();
    for (i, &f) in list.iter().enumerate() {
        let name = app
            .cat()
            .factories()
            .get(f)
            .map_or_else(|| "?".into(), |f| safe(&f.name));
        let more = format!(" +{}", list.len() - i);
        if i > 0 && width(&s) + 2 + width(&name) + more.len() > room {
            s.push_str(&more);
            return s;
        }
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&name);
    }
    s
}

/// The cells of a row, in column order: outcome, plan, answering event, factories, title.
fn cells(app: &App, theme: &Theme, r: &PlanRow, short: bool) -> [(String, Style); 5] {
    let lang = app.lang();
    let tl = app.tl();
    let pv = app.timeline().plan_view();
    let list = pv.factories(r);
    let factories = if list.is_empty() {
        Msg::ProgrammeWord.text(lang).to_string()
    } else {
        factory_names(app, &list, 60)
    };
    let answer = r.answer().and_then(|a| tl.entry(a.entry)).map_or_else(
        || "—".to_string(),
        |e| format!("{} {}", e.date().human(lang.is_fr()), e.kind().label(lang)),
    );
    let title = safe(tl.milestone(app.cat(), r.plan()).title.get(lang)).into_owned();
    [
        outcome_cell(theme, r.outcome(), lang, short),
        (plan_label(app, tl, r.plan()), theme.plan),
        (answer, theme.text),
        (factories, theme.text),
        (title, theme.dim),
    ]
}

/// Draw the view in the timeline pane's area.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let area = area.intersection(f.area());
    if area.is_empty() {
        return;
    }
    let lang = app.lang();
    let pv = app.timeline().plan_view();
    let c = pv.counts();
    let mut head = vec![
        title(theme, Msg::PlanViewTitle.text(lang)),
        Span::styled(
            format!(
                "· {} ",
                Msg::PlanViewCounts.fill(lang, &[&c.overdue.to_string(), &c.late.to_string()])
            ),
            theme.dim,
        ),
    ];
    // The counts go whole or not at all (the rows say the same).
    let fits = |head: &[Span]| head.iter().map(|s| width(&s.content)).sum::<usize>() + 2;
    if fits(&head) > usize::from(area.width) {
        head.pop();
    }
    // The keys that leave and open, on the right, cut first.
    let hint = Line::from(vec![
        Span::styled(" p Esc", theme.key),
        Span::styled(Msg::HintPlanBack.text(lang), theme.dim),
        Span::styled("Enter", theme.key),
        Span::styled(format!("{} ", Msg::HintPlanOpen.text(lang)), theme.dim),
    ])
    .right_aligned();
    let head_w: usize = head.iter().map(|s| width(&s.content)).sum();
    let mut block = pane_block(app, theme, Pane::Timeline, Line::from(head));
    if head_w + width(&hint.to_string()) + 4 <= usize::from(area.width) {
        block = block.title_top(hint);
    }
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let rows = pv.rows();
    if rows.is_empty() {
        f.render_widget(
            Paragraph::new(Msg::NoPlans.text(lang)).style(theme.dim),
            inner,
        );
        return;
    }
    let visible = usize::from(inner.height.saturating_sub(1)).max(1);
    let short = inner.width < 100;
    let shown: Vec<[(String, Style); 5]> = rows
        .iter()
        .skip(pv.offset())
        .take(visible)
        .map(|r| cells(app, theme, r, short))
        .collect();
    let header = [
        Msg::ColAgainstPlan,
        Msg::ColPlan,
        Msg::ColAnsweredBy,
        Msg::Factory,
        Msg::ColTitle,
    ]
    .map(|m| m.text(lang).to_string());
    // Columns as wide as their widest cell on screen (the header included). The outcome and
    // the plan always, the factories in what is left; the answering event when there is
    // room, the title last and cut first.
    let mut widths = header.clone().map(|h| width(&h));
    for r in &shown {
        for (w, (c, _)) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c));
        }
    }
    let room = usize::from(inner.width);
    let len = |w: usize| Constraint::Length(u16::try_from(w).unwrap_or(u16::MAX));
    let all = widths[0] + widths[1] + widths[2] + widths[3] + 4;
    let (columns, constraints): (Vec<usize>, Vec<Constraint>) = if all + 12 <= room {
        (
            vec![0, 1, 2, 3, 4],
            vec![
                len(widths[0]),
                len(widths[1]),
                len(widths[2]),
                len(widths[3]),
                Constraint::Fill(1),
            ],
        )
    } else if widths[0] + widths[1] + widths[2] + 3 + 12 <= room {
        (
            vec![0, 1, 2, 3],
            vec![
                len(widths[0]),
                len(widths[1]),
                len(widths[2]),
                Constraint::Fill(1),
            ],
        )
    } else {
        (
            vec![0, 3, 1],
            vec![
                len(widths[0]),
                len(widths[3].min(room / 4)),
                Constraint::Fill(1),
            ],
        )
    };
    let selected = pv.selected();
    let focused = app.focus() == Pane::Timeline;
    let pick = |r: &[(String, Style); 5]| -> Vec<Cell<'static>> {
        columns
            .iter()
            .map(|&c| Cell::from(Span::styled(r[c].0.clone(), r[c].1)))
            .collect()
    };
    let table_rows: Vec<Row> = shown
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let row = Row::new(pick(r));
            if pv.offset() + i == selected {
                row.style(if focused {
                    theme.selected
                } else {
                    theme.selected_unfocused
                })
            } else {
                row
            }
        })
        .collect();
    let head_cells: Vec<Cell> = columns
        .iter()
        .map(|&c| Cell::from(header[c].clone()))
        .collect();
    let table = Table::new(table_rows, constraints)
        .header(Row::new(head_cells).style(theme.label.add_modifier(Modifier::BOLD)))
        .column_spacing(1);
    f.render_widget(table, inner);
}
