//! The changes overlay (`n`): every record added, changed, moved or removed since the data
//! was last seen, as the help overlay is drawn (centred over the panes, scrolled the same
//! way). An overlay rather than a pane of its own: the list spans every kind of record, its
//! lines are wide, and the panes beneath keep their marks for when it closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::{Theme, safe};
use crate::app::{App, Standing};
use crate::changes::seen::{At, Change, Kind, Mark, What};
use crate::i18n::Msg;

/// The sign of a mark, in the list and the changes overlay.
pub fn sign(m: Mark) -> char {
    match m {
        Mark::New => '+',
        Mark::Changed => '~',
    }
}

/// The sign of a removed record, in the changes overlay.
pub const REMOVED: char = '-';

/// The status line's count: `12 changes since 4 Dec 2026`, if there are changes not seen.
pub fn status(app: &App) -> Option<String> {
    let d = app.whatsnew().unseen()?;
    let since = d.since.human(app.lang().is_fr());
    Some(if d.len() == 1 {
        Msg::OneChangeSince.fill(app.lang(), &[&since])
    } else {
        Msg::ChangesSince.fill(app.lang(), &[&d.len().to_string(), &since])
    })
}

fn kind_word(k: Kind) -> Msg {
    match k {
        Kind::Factory => Msg::KindFactoryWord,
        Kind::Antenna => Msg::KindAntennaWord,
        Kind::Milestone => Msg::KindMilestoneWord,
        Kind::Source => Msg::KindSourceWord,
    }
}

/// What a record is called in the current data: a name or a title, in the language shown.
fn label(app: &App, at: At) -> Option<String> {
    let d = &app.cat().data;
    let lang = app.lang();
    Some(match at {
        At::Factory(i) => d.factories.get(i)?.name.to_string(),
        At::Antenna(i) => d.antennas.get(i)?.name.to_string(),
        At::Programme(i) => d.milestones.get(i)?.title.get(lang).to_string(),
        At::FactoryMilestone { factory, milestone } => d
            .factories
            .get(factory)?
            .milestones
            .get(milestone)?
            .title
            .get(lang)
            .to_string(),
        At::Source(i) => d.sources.get(i)?.title.to_string(),
    })
}

fn change_line(app: &App, theme: &Theme, c: &Change) -> Line<'static> {
    let lang = app.lang();
    let (sign, style) = match &c.what {
        What::Added => (sign(Mark::New), theme.key),
        What::Removed => (REMOVED, theme.error),
        What::Changed(_) | What::Moved { .. } => (sign(Mark::Changed), theme.label),
    };
    let who = match &c.factory {
        Some(f) => format!("{}/{}", safe(f), safe(&c.id)),
        None => safe(&c.id).into_owned(),
    };
    let mut spans = vec![
        Span::styled(format!(" {sign} "), style),
        Span::styled(format!("{} ", kind_word(c.kind).text(lang)), theme.dim),
    ];
    // A named record shows its name; the id follows when it says something more.
    match c.at.and_then(|at| label(app, at)) {
        Some(name) if c.kind != Kind::Milestone || !c.id.contains(' ') => {
            spans.push(Span::styled(safe(&name).into_owned(), theme.text));
            spans.push(Span::styled(format!(" ({who})"), theme.dim));
        }
        Some(name) => {
            spans.push(Span::styled(safe(&name).into_owned(), theme.text));
            if let Some(f) = &c.factory {
                spans.push(Span::styled(format!(" ({})", safe(f)), theme.dim));
            }
        }
        None => spans.push(Span::styled(who, theme.text)),
    }
    let detail = match &c.what {
        What::Added => Msg::ChangeNew.text(lang).to_string(),
        What::Removed => Msg::ChangeRemoved.text(lang).to_string(),
        What::Changed(fields) => Msg::ChangeFields.fill(lang, &[&fields.join(", ")]),
        What::Moved { from, to, fields } => {
            let fr = lang.is_fr();
            let mut s = Msg::ChangeMoved.fill(lang, &[&from.human(fr), &to.human(fr)]);
            if !fields.is_empty() {
                s.push_str("; ");
                s.push_str(&Msg::ChangeFields.fill(lang, &[&fields.join(", ")]));
            }
            s
        }
    };
    spans.push(Span::styled(format!(" · {detail}"), style));
    Line::from(spans)
}

/// The overlay's lines.
pub fn lines(app: &App, theme: &Theme) -> (String, Vec<Line<'static>>) {
    let lang = app.lang();
    let fr = lang.is_fr();
    let para = |m: Msg, s: Style| vec![Line::styled(m.text(lang).to_string(), s)];
    match app.whatsnew().standing() {
        Standing::Off => (
            Msg::WhatsNewNoneTitle.text(lang).to_string(),
            para(Msg::WhatsNewOff, theme.dim),
        ),
        Standing::FirstLook => (
            Msg::WhatsNewNoneTitle.text(lang).to_string(),
            para(Msg::WhatsNewFirstLook, theme.text),
        ),
        Standing::Unreadable { path, why } => (
            Msg::WhatsNewNoneTitle.text(lang).to_string(),
            vec![Line::styled(
                Msg::StateUnreadable.fill(lang, &[&safe(path), &safe(why)]),
                theme.error,
            )],
        ),
        Standing::Unchanged(since) => (
            Msg::WhatsNewNoneTitle.text(lang).to_string(),
            vec![Line::styled(
                Msg::WhatsNewUnchanged.fill(lang, &[&since.human(fr)]),
                theme.text,
            )],
        ),
        Standing::Changed(d) => {
            let mut out: Vec<Line> = d
                .changes
                .iter()
                .map(|c| change_line(app, theme, c))
                .collect();
            out.push(Line::raw(""));
            out.push(Line::styled(
                Msg::WhatsNewSeen.text(lang).to_string(),
                theme.dim,
            ));
            (Msg::WhatsNewTitle.fill(lang, &[&d.since.human(fr)]), out)
        }
    }
}

/// The overlay's rect: as the help's.
fn overlay_rect(area: Rect) -> Rect {
    let w = area.width.min(100);
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draw the overlay; returns how far its text can scroll.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) -> u16 {
    let r = overlay_rect(area);
    if r.width < 2 || r.height < 2 {
        return 0;
    }
    f.render_widget(Clear, r);
    let (title, lines) = lines(app, theme);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let body = crate::layout::inner(r);
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    // Long lines wrap: the rows they take, as this width lays them out.
    let rows = para.line_count(body.width);
    let max = u16::try_from(rows.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX);
    let scroll = app.whatsnew().scroll().min(max);
    f.render_widget(para.block(block).scroll((scroll, 0)), r);
    max
}
