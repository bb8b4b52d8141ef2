//! The results list: factories and antennas matching the search and the country filter.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::{Theme, pane_block, safe, title};
use crate::app::App;
use crate::app::list::header_rows;
use crate::data::Record;
use crate::i18n::Msg;
use crate::layout::{Pane, inner};
use crate::text::{fit, width};

/// The list's title: "Results" (and the map's country), or "For me" and the profile.
fn head(app: &App, theme: &Theme) -> Line<'static> {
    let lang = app.lang();
    let cat = app.cat();
    let mut head = Vec::new();
    if let Some(f) = app.list().for_me() {
        head.push(title(theme, Msg::ForMeTitle.text(lang)));
        let mut what: Vec<String> = Vec::new();
        if let Some(c) = &f.profile.country {
            what.push(format!("{} ({c})", cat.country_name(c, lang)));
        }
        what.extend(
            f.profile
                .sectors
                .iter()
                .map(|k| cat.sector_label(k, lang).to_string()),
        );
        if let Some(g) = f.profile.users {
            what.push(g.label(lang).to_string());
        }
        head.push(Span::styled(
            format!("· {} ", what.join(" · ")),
            theme.label,
        ));
    } else {
        head.push(title(theme, Msg::Results.text(lang)));
        if let Some(ci) = app.list().country_filter()
            && let Some(c) = cat.countries.get(ci)
        {
            head.push(Span::styled(
                Msg::InCountry.fill(lang, &[c.name(lang)]),
                theme.label,
            ));
        }
    }
    Line::from(head)
}

/// Why a row is listed, fitted to `cols` columns: the "for me" reasons, or the field and the
/// text the search matched, that text in the matched style (as the name's matched letters).
fn why_spans(app: &App, row: usize, cols: usize, base: Style, hl: Style) -> Vec<Span<'static>> {
    let text = why(app, row).unwrap_or_default();
    let shown = fit(&text, cols);
    let matched = app
        .list()
        .hit(app.search().hits(), row)
        .map(|m| safe(app.search().match_text(m)).to_string())
        .filter(|t| !t.is_empty());
    // The matched text ends the line (`field: text`): from its first char to the end of what
    // is shown, less the padding and the ellipsis of a cut line.
    let start = matched
        .as_ref()
        .and_then(|t| text.len().checked_sub(t.len()))
        .filter(|&at| text.is_char_boundary(at))
        .map(|at| text[..at].chars().count());
    let Some(start) = start.filter(|&c| c < shown.chars().count()) else {
        return vec![Span::styled(shown, base)];
    };
    let head: String = shown.chars().take(start).collect();
    let tail: String = shown.chars().skip(start).collect();
    let body = tail.trim_end_matches([' ', '…']);
    let rest = tail[body.len()..].to_string();
    vec![
        Span::styled(head, base),
        Span::styled(body.to_string(), hl),
        Span::styled(rest, base),
    ]
}

/// Why a row is listed: the "for me" reasons, or the field and text the search matched.
fn why(app: &App, row: usize) -> Option<String> {
    let lang = app.lang();
    if let (Some(f), Some(r)) = (app.list().for_me(), app.list().ranked(row)) {
        let reasons: Vec<String> = r
            .reasons(app.cat(), &f.profile)
            .iter()
            .map(|x| x.text(app.cat(), lang))
            .collect();
        return Some(reasons.join(" · "));
    }
    let m = app.list().hit(app.search().hits(), row)?;
    let text = app.search().match_text(m);
    Some(if text.is_empty() {
        m.field.label(lang).to_string()
    } else {
        Msg::MatchedIn.fill(lang, &[m.field.label(lang), &safe(text)])
    })
}

pub fn draw(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lang = app.lang();
    let total = app.cat().factories().len() + app.cat().antennas().len();
    // The sort key where there is room for it beside the title.
    let sort = if area.width >= 60 {
        format!(" {} ·", app.list().sort().label(lang))
    } else {
        String::new()
    };
    let block = pane_block(app, theme, Pane::List, head(app, theme)).title_top(
        Line::from(Span::styled(
            format!("{sort} {} / {} ", app.list().rows().len(), total),
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
        // In the display language, and wrapped: read whole, never cut.
        let msg: String = match app.search().error() {
            Some(e) => e.message(lang),
            None => Msg::NoMatch.text(lang).into(),
        };
        f.render_widget(
            Paragraph::new(safe(&msg).to_string())
                .wrap(Wrap { trim: true })
                .style(theme.dim),
            body,
        );
        return;
    }
    let head_rows = header_rows(body.height);
    let rows_h = usize::from(body.height - head_rows);
    let overflow = app.list().rows().len() > rows_h;
    // Leave the last column to the scrollbar when there is one.
    let w = usize::from(body.width) - usize::from(overflow && body.width > 1);
    // Why each row is listed, in place of the city, when there is a search or "for me".
    let show_why = app.list().for_me().is_some() || app.search().filtered();
    // The code and wave columns as wide as their headers in the language.
    let cc = width(Msg::ColCountry.text(lang)).max(2);
    let wv = width(Msg::ColWave.text(lang)).max(3);
    let fixed = 4 + cc + wv;
    let (mid_w, cc_w, wave_w) = if w >= 50 {
        (if show_why { (w - fixed) * 9 / 20 } else { 14 }, cc, wv)
    } else if w >= 34 {
        (if show_why { (w - fixed) / 3 } else { 10 }, cc, wv)
    } else if w >= 22 {
        (0, cc, wv)
    } else {
        (0, 0, 0)
    };
    let name_w = w.saturating_sub(
        2 + mid_w
            + cc_w
            + wave_w
            + usize::from(mid_w > 0)
            + usize::from(cc_w > 0)
            + usize::from(wave_w > 0),
    );
    let focused = app.focus() == Pane::List || app.focus() == Pane::Search;
    let mut lines = Vec::with_capacity(usize::from(body.height));
    if head_rows > 0 {
        let col = |m: Msg, cols: usize| format!(" {}", fit(m.text(lang), cols));
        let mut s = format!("  {}", fit(Msg::ColName.text(lang), name_w));
        if mid_w > 0 {
            s.push_str(&col(
                if show_why {
                    Msg::ColMatched
                } else {
                    Msg::ColCity
                },
                mid_w,
            ));
        }
        if cc_w > 0 {
            s.push_str(&col(Msg::ColCountry, cc_w));
        }
        if wave_w > 0 {
            s.push_str(&col(Msg::ColWave, wave_w));
        }
        lines.push(Line::styled(
            s,
            theme.label.add_modifier(Modifier::UNDERLINED),
        ));
    }
    for (i, _) in app
        .list()
        .rows()
        .iter()
        .enumerate()
        .skip(app.list().offset())
        .take(rows_h)
    {
        let Some(record) = app.list().record(app.search().hits(), i) else {
            continue;
        };
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
                    Msg::WaveAntenna.text(lang).to_string(),
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
                on_row(row_style, theme.key, selected),
            ),
            None => Span::styled(" ", row_style),
        });
        let positions = app.name_positions(record);
        let hl = on_row(row_style, theme.matched, selected);
        spans.extend(highlighted(&safe(name), &positions, name_w, row_style, hl));
        if mid_w > 0 {
            spans.push(Span::styled(" ", row_style));
            if show_why {
                spans.extend(why_spans(app, i, mid_w, row_style, hl));
            } else {
                spans.push(Span::styled(fit(&safe(city), mid_w), row_style));
            }
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
        let mut state = ScrollbarState::new(app.list().rows().len().saturating_sub(rows_h))
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

/// A style over a row: on the selected row only its modifiers (bold, underline), so that its
/// colour never lands on the selection's background, where it may not read.
fn on_row(row: Style, style: Style, selected: bool) -> Style {
    if selected {
        row.add_modifier(style.add_modifier)
    } else {
        row.patch(style)
    }
}

/// The name fitted to `cols` columns, with the chars at `positions` in the `hl` style.
fn highlighted<'a>(
    name: &str,
    positions: &[usize],
    cols: usize,
    base: Style,
    hl: Style,
) -> Vec<Span<'a>> {
    let shown = fit(name, cols);
    let cut = width(name) > cols;
    let style = |matched: bool| if matched { hl } else { base };
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
        let spans = highlighted("Linköping", &[4, 5], 12, Style::new(), theme.matched);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["Link", "öp", "ing   "]);
        assert_eq!(spans[1].style, theme.matched);
    }
}
