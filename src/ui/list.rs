//! The results list: factories and antennas matching the search and the country filter.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Theme, pane_block, safe, title};
use crate::app::App;
use crate::data::Record;
use crate::i18n::Msg;
use crate::layout::{Pane, inner};
use crate::text::{fit, truncate, width};

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let mut head = vec![title(theme, Msg::Results.text(lang))];
    if let Some(ci) = app.list().country_filter()
        && let Some(c) = app.cat().countries.get(ci)
    {
        head.push(Span::styled(
            Msg::InCountry.fill(lang, &[c.name(lang)]),
            theme.label,
        ));
    }
    let total = app.cat().factories().len() + app.cat().antennas().len();
    let block = pane_block(app, theme, Pane::List, Line::from(head)).title_top(
        Line::from(Span::styled(
            format!(" {} / {} ", app.list().rows().len(), total),
            theme.label,
        ))
        .right_aligned(),
    );
    f.render_widget(block, area);
    let body = inner(area);
    if body.width == 0 || body.height == 0 {
        return;
    }
    if app.list().rows().is_empty() {
        let msg: String = match app.search().error() {
            Some(e) => e.to_string(),
            None => Msg::NoMatch.text(lang).into(),
        };
        f.render_widget(
            Paragraph::new(truncate(&msg, usize::from(body.width))).style(theme.dim),
            body,
        );
        return;
    }
    let overflow = app.list().rows().len() > usize::from(body.height);
    // Leave the last column to the scrollbar when there is one.
    let w = usize::from(body.width) - usize::from(overflow && body.width > 1);
    let (city_w, cc_w, wave_w) = if w >= 50 {
        (14, 3, 3)
    } else if w >= 34 {
        (10, 3, 3)
    } else if w >= 22 {
        (0, 3, 3)
    } else {
        (0, 0, 0)
    };
    let name_w = w.saturating_sub(
        2 + city_w
            + cc_w
            + wave_w
            + usize::from(city_w > 0)
            + usize::from(cc_w > 0)
            + usize::from(wave_w > 0),
    );
    let focused = app.focus() == Pane::List || app.focus() == Pane::Search;
    let mut lines = Vec::with_capacity(usize::from(body.height));
    for (i, &h) in app
        .list()
        .rows()
        .iter()
        .enumerate()
        .skip(app.list().offset())
        .take(usize::from(body.height))
    {
        let record = app.search().hits()[h].record;
        let selected = i == app.list().selected();
        let row_style = match (selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.text,
        };
        let (marker, name, city, cc, wave) = match record {
            Record::Factory(fi) => {
                let f = &app.cat().factories()[fi];
                (
                    "●",
                    f.name.as_str(),
                    f.city.as_str(),
                    f.country.as_str(),
                    format!("W{}", f.wave),
                )
            }
            Record::Antenna(ai) => {
                let a = &app.cat().antennas()[ai];
                (
                    "◇",
                    a.name.as_str(),
                    a.city.as_deref().unwrap_or("–"),
                    a.country.as_str(),
                    "ant".to_string(),
                )
            }
        };
        let marker_style = row_style.patch(match record {
            _ if selected => Style::new(),
            Record::Factory(_) => theme.factory_marker,
            Record::Antenna(_) => theme.antenna_marker,
        });
        let mut spans = vec![Span::styled(marker, marker_style)];
        // New or changed since last looked: `+` or `~` (see the help).
        let mark = match record {
            Record::Factory(fi) => app.whatsnew().factory_mark(fi),
            Record::Antenna(ai) => app.whatsnew().antenna_mark(ai),
        };
        spans.push(match mark {
            Some(m) => Span::styled(
                super::whatsnew::sign(m).to_string(),
                row_style.patch(theme.key),
            ),
            None => Span::styled(" ", row_style),
        });
        let positions = app.name_positions(record);
        spans.extend(highlighted(
            &safe(name),
            &positions,
            name_w,
            row_style,
            theme,
        ));
        if city_w > 0 {
            spans.push(Span::styled(
                format!(" {}", fit(&safe(city), city_w)),
                row_style,
            ));
        }
        if cc_w > 0 {
            spans.push(Span::styled(format!(" {}", fit(cc, cc_w)), row_style));
        }
        if wave_w > 0 {
            spans.push(Span::styled(format!(" {}", fit(&wave, wave_w)), row_style));
        }
        lines.push(Line::from(spans).style(row_style));
    }
    let list_area = Rect::new(body.x, body.y, w as u16, body.height);
    f.render_widget(Paragraph::new(lines), list_area);
    if overflow {
        let mut state = ScrollbarState::new(
            app.list()
                .rows()
                .len()
                .saturating_sub(usize::from(body.height)),
        )
        .position(app.list().offset());
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.dim),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}

/// The name fitted to `cols` columns, with the chars at `positions` in the matched style.
fn highlighted<'a>(
    name: &str,
    positions: &[usize],
    cols: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let shown = fit(name, cols);
    let cut = width(name) > cols;
    let style = |matched: bool| {
        if matched {
            base.patch(theme.matched)
        } else {
            base
        }
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    let mut pos = positions.iter().peekable();
    for (i, c) in shown.chars().enumerate() {
        // The ellipsis of a cut name is never a match.
        let is_match = pos.peek().is_some_and(|&&p| p == i) && !(cut && c == '…');
        while pos.peek().is_some_and(|&&p| p <= i) {
            pos.next();
        }
        if is_match != run_matched && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), style(run_matched)));
        }
        run_matched = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style(run_matched)));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_the_matched_chars_of_accented_names() {
        let theme = Theme::dark();
        let spans = highlighted("Linköping", &[4, 5], 12, Style::new(), &theme);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["Link", "öp", "ing   "]);
        assert_eq!(spans[1].style, theme.matched);
    }
}
