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

/// The column the explanations start at: the keys' column and its margin.
const KEY_COLUMN: usize = 24;

/// The search filters with an example each, as the help lists them: every key the query
/// parser takes ([`crate::search::FILTER_KEYS`]), then quoting.
const FILTERS: [(&str, Msg); 8] = [
    ("sector:health", Msg::FilterSector),
    ("country:es", Msg::FilterCountry),
    ("wave:2", Msg::FilterWave),
    ("system:jupiter", Msg::FilterSystem),
    ("kind:antenna", Msg::FilterKind),
    ("city:kajaani", Msg::FilterCity),
    ("name:lumi", Msg::FilterName),
    ("\"a:b\"", Msg::FilterLiteral),
];

fn lines(app: &App, theme: &Theme, cols: usize) -> Vec<Line<'static>> {
    lines_for(app.keymap(), app, theme, cols)
}

/// The help's lines in `cols` columns: an explanation too long for its line goes on under
/// itself, beside the keys' column, split between words.
fn lines_for(keymap: &Keymap, app: &App, theme: &Theme, cols: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut out = Vec::new();
    let row = |out: &mut Vec<Line<'static>>, key: String, text: &str| {
        let room = cols.saturating_sub(KEY_COLUMN).max(8);
        for (i, part) in crate::text::wrap(text, room).into_iter().enumerate() {
            let key = if i == 0 { key.clone() } else { String::new() };
            out.push(Line::from(vec![
                Span::styled(format!("  {key:<22}"), theme.key),
                Span::raw(part),
            ]));
        }
    };
    for scope in Scope::ALL {
        out.push(Line::styled(scope.title(app.lang()), theme.title));
        // Bindings the configuration left without keys are not shown.
        for b in keymap.in_scope(scope) {
            row(&mut out, b.keys_label_in(lang), b.def.help(lang));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled(Msg::HelpFilters.text(lang), theme.title));
    for (example, meaning) in FILTERS {
        row(&mut out, example.to_string(), meaning.text(lang));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(Msg::Signs.text(lang), theme.title));
    let legend: [(&str, Msg); 4] = [
        ("?", Msg::SignDoubt),
        ("●", Msg::SignFactory),
        ("◇", Msg::AntennaKind),
        ("W1 ant", Msg::WaveLegend),
    ];
    // What's new since you last looked (`n`).
    let new = super::whatsnew::sign(crate::changes::Mark::New).to_string();
    let changed = super::whatsnew::sign(crate::changes::Mark::Changed).to_string();
    let removed = super::whatsnew::REMOVED.to_string();
    let marks: [(&str, Msg); 3] = [
        (&new, Msg::SignNew),
        (&changed, Msg::SignChanged),
        (&removed, Msg::SignRemoved),
    ];
    for (sign, meaning) in legend.into_iter().chain(marks) {
        row(&mut out, sign.to_string(), meaning.text(lang));
    }
    out.push(Line::raw(""));
    out.extend(super::timeline::legend::help_lines(lang, theme));
    out
}

/// The help's text with a keymap, one line per row (for tests and `--help`-like output).
pub fn text(keymap: &Keymap, app: &App) -> String {
    lines_for(keymap, app, &Theme::new(true), usize::MAX)
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
    let lines = lines(app, theme, usize::from(inner(r).width));
    let max = max_scroll_in(lines.len(), r);
    let scroll = app.help().scroll().min(max);
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
    max
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_help_lists_every_filter_the_parser_takes() {
        for k in crate::search::FILTER_KEYS {
            let prefix = format!("{k}:");
            assert!(
                super::FILTERS.iter().any(|(e, _)| e.starts_with(&prefix)),
                "{k}"
            );
        }
    }
}
