//! The bottom line: the keys that work here (from the key table) and the data's date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;
use crate::keymap;
use crate::text::width;

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let fr = app.lang.is_fr();
    let status = format!(
        " {} {} · {} {} ",
        if fr { "données du" } else { "data as of" },
        app.cat.data.as_of.human(fr),
        if fr { "aujourd'hui" } else { "today" },
        app.today
    );
    let room = usize::from(area.width).saturating_sub(width(&status));
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, what) in keymap::hints(app.help_open(), app.focus, app.lang) {
        let w = width(&keys) + width(what) + 3;
        if used + w > room {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::styled(format!(" {what} "), theme.dim));
    }
    if usize::from(area.width) > width(&status) {
        spans.push(Span::raw(" ".repeat(room - used)));
        spans.push(Span::styled(status, theme.dim));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
