//! The detail pane: everything known about the selected factory or antenna, with a `?` on
//! whatever the sources do not confirm.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Theme, pane_block, title};
use crate::app::App;
use crate::data::{Lang, Record};
use crate::i18n::{Msg, tr};
use crate::layout::{Pane, inner};
use crate::sheet::{Field, Part, Sheet};
use ratatui::widgets::{Paragraph, Wrap};

/// Draw the pane; returns how far its text can scroll, when it was measured: only while the
/// pane has focus or is scrolled, since wrapping the whole text to count its lines costs more
/// than all the other panes together on the first frame.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) -> Option<u16> {
    let block = pane_block(
        app,
        theme,
        Pane::Detail,
        Line::from(title(theme, tr(app.lang(), Msg::Detail))),
    );
    f.render_widget(block, area);
    let body = inner(area);
    if body.width == 0 || body.height == 0 {
        return Some(0);
    }
    let mut lines = lines(app, theme);
    let scroll = app.detail().scroll();
    if scroll == 0 && app.focus() != Pane::Detail {
        // Each line takes at least one row: no more can show.
        lines.truncate(usize::from(body.height));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        return None;
    }
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = text.line_count(body.width);
    let max = u16::try_from(total.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX);
    f.render_widget(text.scroll((scroll.min(max), 0)), body);
    Some(max)
}

/// A labelled line, its label padded to `width` columns.
fn field(theme: &Theme, lang: Lang, f: &Field, width: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!("{:<width$}", f.label.text(lang)),
        theme.label,
    )];
    spans.extend(f.value.iter().map(|p| match p {
        Part::Plain(s) => Span::raw(s.clone()),
        Part::Strong(s) => Span::styled(s.clone(), theme.text.add_modifier(Modifier::BOLD)),
        Part::Doubt(s) => Span::styled(s.clone(), theme.unconfirmed),
    }));
    Line::from(spans)
}

/// The selection's fact sheet.
fn sheet(app: &App) -> Option<Sheet> {
    let lang = app.lang();
    Some(match app.selected_record()? {
        Record::Factory(i) => Sheet::factory(app.cat(), app.tl(), i, app.today(), lang),
        Record::Antenna(i) => Sheet::antenna(app.cat(), &app.cat().antennas()[i], lang),
    })
}

/// The detail's text.
fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang();
    let Some(s) = sheet(app) else {
        return vec![Line::styled(tr(lang, Msg::NothingSelected), theme.dim)];
    };
    let mut out: Vec<Line> = vec![Line::from(vec![
        Span::styled(s.name.clone(), theme.title),
        Span::styled(format!("  {}", s.id), theme.dim),
    ])];
    if let Some(sub) = &s.subtitle {
        out.push(Line::styled(sub.clone(), theme.dim));
    }
    // The label column fits the longest label of the language, with a space after it.
    let width = s
        .fields
        .iter()
        .map(|f| crate::text::width(f.label.text(lang)) + 1)
        .max()
        .unwrap_or(0)
        .max(11);
    out.extend(s.fields.iter().map(|f| field(theme, lang, f, width)));
    if let Some(summary) = &s.summary {
        out.push(Line::raw(""));
        out.push(Line::raw(summary.clone()));
    }
    if !s.milestones.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(tr(lang, Msg::Milestones), theme.title));
        for m in &s.milestones {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<12}", m.date), theme.status(&m.status)),
                Span::styled(format!("{:<14}", m.kind), theme.dim),
                Span::raw(m.title.clone()),
                Span::styled(format!("  {}", m.status_text), theme.status(&m.status)),
            ]));
        }
        if s.more_milestones > 0 {
            out.push(Line::styled(
                format!(
                    "  {}",
                    Msg::MoreMilestones.fill(lang, &[&s.more_milestones.to_string()])
                ),
                theme.dim,
            ));
        }
    }
    if !s.notes.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            tr(lang, Msg::UnconfirmedOrConflicting),
            theme.title,
        ));
        for n in &s.notes {
            out.push(Line::from(vec![
                Span::styled("  ? ", theme.unconfirmed),
                Span::raw(n.clone()),
            ]));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled(tr(lang, Msg::Sources), theme.title));
    for src in s.sources {
        let mut spans = vec![Span::raw("  "), Span::raw(src.title)];
        if let Some(d) = src.date {
            spans.push(Span::styled(format!(" ({d})"), theme.dim));
        }
        if src.official {
            spans.push(Span::styled(
                format!(" {}", tr(lang, Msg::Official)),
                theme.label,
            ));
        }
        out.push(Line::from(spans));
        out.push(Line::styled(format!("    {}", src.url), theme.dim));
    }
    out
}
