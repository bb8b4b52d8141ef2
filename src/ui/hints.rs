//! The bottom line: the keys that work here (from the key table) and the data's date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::action::Action;
use crate::app::App;
use crate::i18n::Msg;
use crate::keymap::Scope;
use crate::layout::Pane;
use crate::text::width;

/// Whether the data is more than six months older than today.
pub fn data_is_stale(app: &App) -> bool {
    let as_of = app.cat().data.as_of.end();
    let months = app.today().month_index() - as_of.month_index();
    months > 6 || (months == 6 && app.today().day > as_of.day)
}

/// The plan view's keys, in place of the timeline's (which walk milestones the view does not
/// show): the rows, Enter, back; then the keys of every pane. Keys as bound, rebound or not.
fn plan_view_hints(app: &App) -> Vec<(String, &'static str)> {
    let lang = app.lang();
    let keymap = app.keymap();
    let keys = |scope: Scope, action: Action| -> Vec<String> {
        keymap
            .in_scope(scope)
            .filter(|b| b.def.action == action)
            .map(|b| b.keys_label_in(lang))
            .collect()
    };
    let mut out = Vec::new();
    let rows = [
        keys(Scope::Timeline, Action::Down),
        keys(Scope::Timeline, Action::Up),
    ]
    .concat();
    if !rows.is_empty() {
        out.push((rows.join(" "), Msg::KeyPlanRows.text(lang)));
    }
    if let Some(k) = keys(Scope::Timeline, Action::Confirm).first() {
        out.push((k.clone(), Msg::KeyPlanOpenFactory.text(lang)));
    }
    let back = [
        keys(Scope::Panes, Action::TogglePlanView),
        keys(Scope::Always, Action::Back),
    ]
    .concat();
    if !back.is_empty() {
        out.push((back.join(" "), Msg::KeyPlanBack.text(lang)));
    }
    for scope in [Scope::Panes, Scope::Always] {
        out.extend(
            keymap
                .in_scope(scope)
                .filter(|b| b.def.hint && b.def.action != Action::Back)
                .filter(|b| !keymap.shadowed(b, &[Scope::Timeline]))
                .map(|b| (b.keys_label_in(lang), b.def.help(lang))),
        );
    }
    out
}

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let news = super::whatsnew::status(app).map(|n| {
        let key = app
            .keymap()
            .in_scope(crate::keymap::Scope::Panes)
            .find(|b| b.def.action == crate::action::Action::ShowChanges)
            .map(|b| b.keys_label().to_string());
        match key {
            Some(k) => format!(" {n} ({k})"),
            None => format!(" {n}"),
        }
    });
    // The status: a one-off message, else the data's date (with today's, when it fits).
    let (status, short, style) = if let Some(msg) = &app.status() {
        let s = format!(" {} ", super::safe(msg));
        (s.clone(), s, theme.label)
    } else {
        let stale = data_is_stale(app);
        // Changes since the data was last seen come first, with the key that lists them.
        let mut s = news.as_ref().map_or_else(String::new, |n| format!("{n} ·"));
        s.push_str(&format!(
            " {}",
            Msg::DataAsOf.fill(lang, &[&app.cat().data.as_of.human(lang.is_fr())])
        ));
        if stale {
            s.push_str(Msg::DataStale.text(lang));
        }
        let short = format!("{s} ");
        s.push_str(&format!(" · {} {} ", Msg::Today.text(lang), app.today()));
        let style = match (stale, &news) {
            (true, _) => theme.error,
            (false, Some(_)) => theme.label,
            (false, None) => theme.dim,
        };
        (s, short, style)
    };
    // What goes first when the line is short: today's date, then the keys from the last,
    // then the data's date; never how to get help or quit. A date shows whole or not at all.
    let total = usize::from(area.width);
    let hint_w = |(keys, what): &(String, &str)| width(keys) + width(what) + 3;
    let (help_open, focus) = (app.help_open(), app.focus());
    let mut hints = app.keymap().hints(help_open, focus, lang);
    let mut essential = app.keymap().essential_hints(help_open, focus, lang);
    if !help_open && focus == Pane::Timeline && app.timeline().plan_view().is_open() {
        hints = plan_view_hints(app);
    }
    // Over the changes list, the help's keys close it: said so.
    if app.whatsnew().is_open() {
        let (help, changes) = (
            Msg::KeyCloseTheHelp.text(lang),
            Msg::KeyCloseTheChanges.text(lang),
        );
        for (_, what) in hints.iter_mut().chain(essential.iter_mut()) {
            if *what == help {
                *what = changes;
            }
        }
    }
    // A message (what was copied) is for this one look, and the data's date is what the
    // screen is true as of: each keeps its place before the keys past help and quit, when it
    // fits beside those two.
    let message = app.status().is_some();
    let after_essentials = total.saturating_sub(essential.iter().map(hint_w).sum());
    let reserved = if message {
        width(&status)
    } else if width(&short) <= after_essentials {
        width(&short)
    } else if let Some(n) = news.as_ref().filter(|n| width(n) < after_essentials) {
        // The count of changes alone, before the keys past help and quit.
        width(n) + 1
    } else {
        0
    };
    let mut room = after_essentials.saturating_sub(reserved);
    let mut shown = Vec::new();
    for h in &hints {
        if essential.contains(h) {
            shown.push(h);
        } else if hint_w(h) <= room {
            // A long entry that does not fit leaves its room to shorter ones after it.
            room -= hint_w(h);
            shown.push(h);
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, what) in shown {
        let w = width(keys) + width(what) + 3;
        if used + w > total {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::styled(format!(" {what} "), theme.dim));
    }
    let left = total - used;
    let status = if message {
        crate::text::truncate(&status, left)
    } else if width(&status) <= left {
        status
    } else if width(&short) <= left {
        short
    } else if let Some(n) = news.filter(|n| width(n) < left) {
        format!("{n} ")
    } else {
        String::new()
    };
    spans.push(Span::raw(" ".repeat(left - width(&status))));
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
