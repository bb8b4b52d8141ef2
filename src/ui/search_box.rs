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
    let prompt = "/ ";
    let text_width = if tiny {
        area.width
    } else {
        area.width.saturating_sub(2)
    };
    let avail = usize::from(text_width).saturating_sub(width(prompt));
    let (shown, cursor_col) = visible_query(app.search().query(), app.search().cursor(), avail);
    // A bad filter's error, or the filters searched as their nearest word: after the query,
    // and on the box's bottom border when there is no room left beside it.
    let message = match app.search().error() {
        Some(e) => Some((e.message(lang), theme.error)),
        None if !app.search().corrections().is_empty() => {
            let used: Vec<String> = app
                .search()
                .corrections()
                .iter()
                .map(|c| c.filter())
                .collect();
            Some((
                Msg::SearchCorrected.fill(lang, &[&used.join(" ")]),
                theme.label,
            ))
        }
        None => None,
    };
    let beside_room = avail.saturating_sub(width(&shown) + 2);
    let below_room = if tiny {
        0
    } else {
        usize::from(area.width).saturating_sub(4)
    };
    let (beside, below) = match &message {
        Some((m, _)) => place_message(m, beside_room, below_room),
        None => (String::new(), String::new()),
    };
    let style = message.as_ref().map_or(theme.error, |(_, s)| *s);

    let text_area = if tiny {
        area
    } else {
        let mut block = pane_block(
            app,
            theme,
            Pane::Search,
            Line::from(title(theme, Msg::Search.text(lang))),
        )
        .title_top(Line::from(Span::styled(format!(" {count} "), theme.label)).right_aligned());
        if !below.is_empty() {
            block = block.title_bottom(Line::from(Span::styled(format!(" {below} "), style)));
        }
        f.render_widget(block, area);
        inner(area)
    };
    if text_area.width == 0 || text_area.height == 0 {
        return;
    }
    let mut spans = vec![Span::styled(prompt, theme.key)];
    if app.search().query().is_empty() && !focused {
        let hint = Msg::SearchHint.text(lang);
        spans.push(Span::styled(truncate(hint, avail), theme.dim));
    } else {
        spans.push(Span::styled(super::safe(&shown).into_owned(), theme.text));
    }
    if !beside.is_empty() {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(beside, style));
    } else if tiny && message.is_none() {
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

/// Where a message goes: beside the query when it fits there whole; else below (on the box's
/// border) when it fits there whole; else its first words beside and the rest below, cut with
/// an ellipsis only when even both lines are too short. Words are never split but to cut.
fn place_message(m: &str, beside: usize, below: usize) -> (String, String) {
    if width(m) <= beside {
        return (m.to_string(), String::new());
    }
    if width(m) <= below {
        return (String::new(), m.to_string());
    }
    let mut first = String::new();
    let mut rest = m;
    for (i, word) in m.split(' ').enumerate() {
        let candidate = if first.is_empty() {
            word.to_string()
        } else {
            format!("{first} {word}")
        };
        if width(&candidate) > beside {
            break;
        }
        first = candidate;
        // The rest starts after this word and its space.
        rest = m.splitn(i + 2, ' ').nth(i + 1).unwrap_or_default();
    }
    if first.is_empty() {
        rest = m;
    }
    if below == 0 {
        return (truncate(m, beside), String::new());
    }
    (first, truncate(rest, below))
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
    fn a_message_goes_beside_then_below_then_across_both() {
        use super::place_message;
        let m = "unknown filter `x:`; did you mean `sector:`?";
        assert_eq!(place_message(m, 60, 70), (m.to_string(), String::new()));
        assert_eq!(place_message(m, 10, 70), (String::new(), m.to_string()));
        let (a, b) = place_message(m, 20, 30);
        assert_eq!(a, "unknown filter `x:`;");
        assert_eq!(b, "did you mean `sector:`?");
        // Too little room on both: cut, with an ellipsis.
        let (a, b) = place_message(m, 8, 12);
        assert_eq!(a, "unknown");
        assert!(b.ends_with('…') && crate::text::width(&b) <= 12, "{b}");
        // No second line (the one-line box of small screens): cut beside.
        let (a, b) = place_message(m, 12, 0);
        assert!(a.ends_with('…') && b.is_empty(), "{a}");
    }

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
