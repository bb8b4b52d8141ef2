//! The bottom line: the keys that work here (from the key table) and the data's date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::App;
use crate::i18n::Msg;
use crate::text::width;

/// Whether the data is more than six months older than today.
pub fn data_is_stale(app: &App) -> bool {
    let as_of = app.cat().data.as_of.end();
    let months = app.today().month_index() - as_of.month_index();
    months > 6 || (months == 6 && app.today().day > as_of.day)
}

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let (status, style) = if let Some(msg) = &app.status() {
        (format!(" {} ", super::safe(msg)), theme.label)
    } else {
        let stale = data_is_stale(app);
        let mut s = format!(
            " {}",
            Msg::DataAsOf.fill(lang, &[&app.cat().data.as_of.human(lang.is_fr())])
        );
        if stale {
            s.push_str(Msg::DataStale.text(lang));
        }
        s.push_str(&format!(" · {} {} ", Msg::Today.text(lang), app.today()));
        (s, if stale { theme.error } else { theme.dim })
    };
    let status = crate::text::truncate(&status, usize::from(area.width));
    let room = usize::from(area.width).saturating_sub(width(&status));
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, what) in app.keymap().hints(app.help_open(), app.focus(), app.lang()) {
        let w = width(&keys) + width(what) + 3;
        if used + w > room {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::styled(format!(" {what} "), theme.dim));
    }
    spans.push(Span::raw(" ".repeat(room - used)));
    spans.push(Span::styled(status, style));
    f.render_widget(Line::from(spans), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Options};
    use crate::data::{Catalog, Lang};

    fn app_on(today: &str) -> App {
        App::new(
            Catalog::embedded().unwrap(),
            Options {
                lang: Lang::En,
                today: today.parse().unwrap(),
                mono: false,
                size: (120, 40),
            },
        )
    }

    #[test]
    fn data_older_than_six_months_is_flagged() {
        // The embedded data is as of 4 Dec 2026.
        assert!(!data_is_stale(&app_on("2026-12-04")));
        assert!(!data_is_stale(&app_on("2027-06-04")));
        assert!(data_is_stale(&app_on("2027-06-05")));
        assert!(data_is_stale(&app_on("2028-01-01")));
    }
}
