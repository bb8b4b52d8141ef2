//! The `?` overlay, generated from the key table so that it always tells the truth.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::i18n::Msg;
use crate::keymap::{Keymap, Scope};
use crate::layout::inner;

fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    lines_for(app.keymap(), app, theme)
}

fn lines_for(keymap: &Keymap, app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut out = Vec::new();
    for scope in Scope::ALL {
        out.push(Line::styled(scope.title(app.lang()), theme.title));
        // Bindings the configuration left without keys are not shown.
        for b in keymap.in_scope(scope) {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<22}", b.keys_label()), theme.key),
                Span::raw(b.def.help(app.lang())),
            ]));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled(Msg::Signs.text(lang), theme.title));
    let legend: [(&str, Msg); 5] = [
        ("?", Msg::SignDoubt),
        ("●", Msg::SignFactory),
        ("◇", Msg::AntennaKind),
        ("W1 ant", Msg::WaveLegend),
        ("/", Msg::SignFilters),
    ];
    for (sign, meaning) in legend {
        out.push(Line::from(vec![
            Span::styled(format!("  {sign:<22}"), theme.key),
            Span::raw(meaning.text(lang)),
        ]));
    }
    out
}

/// The help's text with a keymap, one line per row (for tests and `--help`-like output).
pub fn text(keymap: &Keymap, app: &App) -> String {
    lines_for(keymap, app, &Theme::new(true))
        .iter()
        .map(|l| {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            s.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The overlay's rect: centred, at most 80 x (height - 2).
fn overlay_rect(area: Rect) -> Rect {
    let w = area.width.min(84);
    let h = area.height.saturating_sub(2).max(area.height.min(3));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// How far `n` lines can scroll in the overlay `r`.
fn max_scroll_in(n: usize, r: Rect) -> u16 {
    let body = inner(r);
    u16::try_from(n.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

/// Draw the overlay; returns how far its text can scroll.
pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) -> u16 {
    let r = overlay_rect(area);
    if r.width < 2 || r.height < 2 {
        return 0;
    }
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Span::styled(Msg::HelpTitle.text(app.lang()), theme.title));
    let lines = lines(app, theme);
    let max = max_scroll_in(lines.len(), r);
    let scroll = app.help().scroll().min(max);
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
    max
}
