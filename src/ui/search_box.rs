//! The search box: the query with its cursor, the result count, and a bad filter's message.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::{Theme, pane_block, title};
use crate::app::App;
use crate::i18n::Msg;
use crate::layout::{Pane, inner};
use crate::text::{truncate, width};

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect, tiny: bool) {
    let lang = app.lang();
    let focused = app.search_focused();
    let total = app.cat().factories().len() + app.cat().antennas().len();
    let count = if app.search().searching() {
        format!("{}… / {}", Msg::Searching.text(lang), total)
    } else {
        format!("{} / {}", app.list().rows().len(), total)
    };
    let text_area = if tiny {
        area
    } else {
        let block = pane_block(
            app,
            theme,
            Pane::Search,
            Line::from(title(theme, Msg::Search.text(lang))),
        )
        .title_top(Line::from(Span::styled(format!(" {count} "), theme.label)).right_aligned());
        f.render_widget(block, area);
        inner(area)
    };
    if text_area.width == 0 || text_area.height == 0 {
        return;
    }
    let prompt = "/ ";
    let avail = usize::from(text_area.width).saturating_sub(width(prompt));
    let mut spans = vec![Span::styled(prompt, theme.key)];
    let (shown, cursor_col) = visible_query(app.search().query(), app.search().cursor(), avail);
    if app.search().query().is_empty() && !focused {
        let hint = Msg::SearchHint.text(lang);
        spans.push(Span::styled(truncate(hint, avail), theme.dim));
    } else {
        spans.push(Span::styled(super::safe(&shown).into_owned(), theme.text));
    }
    if let Some(err) = &app.search().error() {
        let used = width(&shown) + 3;
        let room = avail.saturating_sub(used);
        if room > 3 {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(truncate(err, room), theme.error));
        }
    } else if tiny {
        let used = width(&shown) + 2;
        if avail > used + width(&count) {
            let pad = avail - used - width(&count);
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(count, theme.label));
        }
    }
    f.render_widget(Line::from(spans), text_area);
    if focused {
        let x = text_area.x + (width(prompt) + cursor_col) as u16;
        if x < text_area.x + text_area.width {
            f.set_cursor_position(Position::new(x, text_area.y));
        }
    }
}

/// The part of the query that fits in `cols` columns with the cursor in view, and the
/// cursor's column within it.
fn visible_query(query: &str, cursor: usize, cols: usize) -> (String, usize) {
    let widths: Vec<usize> = query
        .chars()
        .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
        .collect();
    let cursor = cursor.min(widths.len());
    let cols = cols.max(1);
    // Scroll right just enough that the cursor stays inside the last column.
    let mut start = 0;
    let mut before: usize = widths[..cursor].iter().sum();
    while before >= cols && start < cursor {
        before -= widths[start];
        start += 1;
    }
    let mut shown = String::new();
    let mut w = 0;
    for (c, cw) in query.chars().zip(&widths).skip(start) {
        if w + cw > cols {
            break;
        }
        w += cw;
        shown.push(c);
    }
    (shown, before)
}

#[cfg(test)]
mod tests {
    use super::visible_query;

    #[test]
    fn long_queries_scroll_to_keep_the_cursor_visible() {
        assert_eq!(visible_query("health", 6, 20), ("health".into(), 6));
        let (shown, col) = visible_query("abcdefghij", 10, 5);
        assert_eq!(shown, "ghij");
        assert_eq!(col, 4);
        let (shown, col) = visible_query("abcdefghij", 0, 5);
        assert_eq!(shown, "abcde");
        assert_eq!(col, 0);
    }
}
