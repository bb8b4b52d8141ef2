//! The detail pane: everything known about the selected factory or antenna, with a `?` on
//! whatever the sources do not confirm.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::hyperlink::LinkAt;
use super::wrap::{LinkPos, Piece, wrap_links};
use super::{Theme, pane_block, title};
use crate::app::App;
use crate::data::{Lang, Record};
use crate::i18n::{Msg, tr};
use crate::layout::{Pane, inner};
use crate::sheet::{Field, Part, Sheet};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Draw the pane; returns how far its text can scroll, and where its addresses are on screen.
/// The text is wrapped here (with a hanging indent), so its length is known on every frame,
/// and a scrollbar on the right border shows where the view is when it does not fit.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) -> (Option<u16>, Vec<LinkAt>) {
    let block = pane_block(
        app,
        theme,
        Pane::Detail,
        Line::from(title(theme, tr(app.lang(), Msg::Detail))),
    );
    f.render_widget(block, area);
    let body = inner(area);
    if body.width == 0 || body.height == 0 {
        return (Some(0), Vec::new());
    }
    let Doc { lines, links } = lines(app, theme, usize::from(body.width));
    let total = lines.len();
    let height = usize::from(body.height);
    let max = u16::try_from(total.saturating_sub(height)).unwrap_or(u16::MAX);
    let scroll = app.detail().scroll().min(max);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(height)
        .collect();
    f.render_widget(Paragraph::new(shown), body);
    let visible = usize::from(scroll)..usize::from(scroll) + height;
    let links = links
        .into_iter()
        .filter(|l| visible.contains(&l.line))
        .filter_map(|l| {
            Some(LinkAt {
                area: Rect::new(
                    body.x + u16::try_from(l.col).ok()?,
                    body.y + u16::try_from(l.line - usize::from(scroll)).ok()?,
                    u16::try_from(l.width).ok()?,
                    1,
                )
                .intersection(body),
                url: l.url,
            })
        })
        .collect();
    if max > 0 {
        let mut state = ScrollbarState::new(usize::from(max)).position(usize::from(scroll));
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.dim),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
    (Some(max), links)
}

/// A value's parts as pieces to wrap.
fn pieces(theme: &Theme, value: &[Part]) -> Vec<Piece> {
    value
        .iter()
        .map(|p| match p {
            Part::Plain(s) => Piece::Text(s.clone(), theme.text),
            Part::Strong(s) => Piece::Text(s.clone(), theme.text.add_modifier(Modifier::BOLD)),
            Part::Doubt(s) => Piece::Text(s.clone(), theme.unconfirmed),
            Part::Link(s) => Piece::Link(s.clone(), link_style(theme)),
        })
        .collect()
}

/// The pane's text and its addresses.
#[derive(Default)]
struct Doc {
    lines: Vec<Line<'static>>,
    links: Vec<LinkPos>,
}

impl Doc {
    fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    fn wrap(&mut self, first: Vec<Span<'static>>, indent: usize, pieces: &[Piece], width: usize) {
        let (lines, links) = wrap_links(first, indent, pieces, width);
        let at = self.lines.len();
        self.links.extend(links.into_iter().map(|l| LinkPos {
            line: l.line + at,
            ..l
        }));
        self.lines.extend(lines);
    }

    /// A labelled value, its label padded to `label_w` columns, wrapped under the value.
    fn field(&mut self, theme: &Theme, lang: Lang, f: &Field, label_w: usize, width: usize) {
        let label = Span::styled(format!("{:<label_w$}", f.label.text(lang)), theme.label);
        self.wrap(vec![label], label_w, &pieces(theme, &f.value), width);
    }
}

/// The selection's fact sheet.
fn sheet(app: &App) -> Option<Sheet> {
    let lang = app.lang();
    Some(match app.selected_record()? {
        Record::Factory(i) => Sheet::factory(app.cat(), app.tl(), i, app.today(), lang),
        Record::Antenna(i) => Sheet::antenna(app.cat(), &app.cat().antennas()[i], lang),
    })
}

/// The detail's text, wrapped to `width` columns: first what a user asks first (website,
/// offer, users, access, sectors), then the summary, then the rest.
fn lines(app: &App, theme: &Theme, width: usize) -> Doc {
    let lang = app.lang();
    let mut out = Doc::default();
    let Some(s) = sheet(app) else {
        out.push(Line::styled(tr(lang, Msg::NothingSelected), theme.dim));
        return out;
    };
    let text = |s: &str| [Piece::Text(s.to_string(), theme.text)];
    out.wrap(
        vec![],
        0,
        &[
            Piece::Text(s.name.clone(), theme.title),
            Piece::Text(format!("  {}", s.id), theme.dim),
        ],
        width,
    );
    if let Some(sub) = &s.subtitle {
        out.wrap(vec![], 0, &[Piece::Text(sub.clone(), theme.dim)], width);
    }
    // The label column fits the longest label of the language, with a space after it.
    let label_w = s
        .lead
        .iter()
        .chain(&s.fields)
        .map(|f| crate::text::width(f.label.text(lang)) + 1)
        .max()
        .unwrap_or(0)
        .max(11);
    // In the "for me" view, why the selection is listed, whole (the list cuts it).
    if let (Some(me), Some(r)) = (
        app.list().for_me(),
        app.list().ranked(app.list().selected()),
    ) {
        let reasons: Vec<String> = r
            .reasons(app.cat(), &me.profile)
            .iter()
            .map(|x| x.text(app.cat(), lang))
            .collect();
        let why = Field {
            label: Msg::WhyLabel,
            value: vec![Part::Plain(reasons.join(" · "))],
        };
        out.field(theme, lang, &why, label_w, width);
    }
    for f in &s.lead {
        out.field(theme, lang, f, label_w, width);
    }
    if let Some(summary) = &s.summary {
        out.push(Line::raw(""));
        out.wrap(vec![], 0, &text(summary), width);
    }
    if !s.fields.is_empty() {
        out.push(Line::raw(""));
    }
    for f in &s.fields {
        out.field(theme, lang, f, label_w, width);
    }
    if !s.milestones.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(tr(lang, Msg::Milestones), theme.title));
        let date_w = s
            .milestones
            .iter()
            .map(|m| crate::text::width(&m.date))
            .max()
            .unwrap_or(0)
            + 4;
        for m in &s.milestones {
            // The status first, in its own style: it is what changes; the title wraps under
            // itself.
            let style = theme.status(&m.status);
            out.wrap(
                vec![Span::styled(
                    format!("  {:<w$}", m.date, w = date_w - 2),
                    style,
                )],
                date_w,
                &[
                    Piece::Text(m.status_text.clone(), style.add_modifier(Modifier::BOLD)),
                    Piece::Text(format!(" · {} · ", m.kind), theme.dim),
                    Piece::Text(m.title.clone(), theme.text),
                ],
                width,
            );
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
            out.wrap(
                vec![Span::styled("  ? ", theme.unconfirmed)],
                4,
                &text(n),
                width,
            );
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled(tr(lang, Msg::Sources), theme.title));
    for src in s.sources {
        let mut p = vec![Piece::Text(src.title, theme.text)];
        if let Some(d) = src.date {
            p.push(Piece::Text(format!(" ({d})"), theme.dim));
        }
        if src.official {
            p.push(Piece::Text(
                format!(" {}", tr(lang, Msg::Official)),
                theme.label,
            ));
        }
        out.wrap(vec![Span::raw("  ")], 4, &p, width);
        out.wrap(
            vec![Span::raw("    ")],
            4,
            &[Piece::Link(src.url, link_style(theme))],
            width,
        );
    }
    out
}

/// Addresses are underlined, as links are everywhere: it reads without colour.
fn link_style(theme: &Theme) -> ratatui::style::Style {
    theme.dim.add_modifier(Modifier::UNDERLINED)
}
