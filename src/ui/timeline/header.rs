//! The top of the pane: the border's title and hints, and the header row (the column
//! labels, and `▼ today`).

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Span;

use super::geo::Geo;
use super::{TODAY_MARK, put, put_spans};
use crate::app::{App, Zoom};
use crate::data::Lang;
use crate::i18n::{MONTHS_SHORT, Msg};
use crate::ui::{Theme, title};

fn short_month(lang: Lang, month: u8) -> &'static str {
    MONTHS_SHORT[usize::from(month.clamp(1, 12)) - 1].text(lang)
}

pub(super) fn title_spans<'a>(app: &App, theme: &Theme, g: &Geo) -> Vec<Span<'a>> {
    let lang = app.lang();
    let (from, to) = (g.axis.from, g.axis.to);
    let text = match app.timeline().zoom() {
        Zoom::Year2025 if from.year == to.year => format!(
            "{} · {} {}",
            Msg::Timeline.text(lang),
            from.year,
            Msg::ByMonth.text(lang)
        ),
        _ => format!(
            "{} · {} {} – {} {} {}",
            Msg::Timeline.text(lang),
            short_month(lang, from.month),
            from.year,
            short_month(lang, to.month),
            to.year,
            match app.timeline().zoom() {
                Zoom::Year2025 => Msg::ByMonth.text(lang),
                Zoom::Full => Msg::ByQuarter.text(lang),
            }
        ),
    };
    vec![title(theme, text)]
}

pub(super) fn hint_spans<'a>(app: &App, theme: &Theme, g: &Geo) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let shown = g.lanes_drawn(app);
    let total = app.timeline().lane_count();
    if shown > 0 && shown < total {
        spans.push(Span::styled(
            format!(
                " {}–{}/{} ",
                app.timeline().lane_offset() + 1,
                app.timeline().lane_offset() + shown,
                total
            ),
            theme.dim,
        ));
    }
    spans.push(Span::styled(" z", theme.key));
    spans.push(Span::styled(
        Msg::HintZoom.text(app.lang()).to_string(),
        theme.dim,
    ));
    spans
}

pub(super) fn draw_header(buf: &mut Buffer, app: &App, theme: &Theme, g: &Geo) {
    if g.header.height == 0 {
        return;
    }
    let y = g.header.y;
    let lang = app.lang();
    let axis = &g.axis;
    // Gutter: the year when the range is one year.
    if g.gutter > 1 && axis.from.year == axis.to.year {
        let s = [Span::styled(axis.from.year.to_string(), theme.label)];
        put_spans(buf, g.inner, g.inner.x, y, &s, g.gutter - 1);
    }
    let w = usize::from(g.plot.width);
    if w == 0 {
        return;
    }
    // Column labels, with the column each cell belongs to.
    let mut cells: Vec<(char, Style, Option<i64>)> = vec![(' ', Style::new(), None); w];
    let today_col = axis.contains(app.today()).then(|| axis.col_of(app.today()));
    // Every label gets the room of the narrowest column, so that they all look alike.
    let room_of = |c: i64| axis.col_x(c + 1) - axis.col_x(c);
    let room = (0..axis.cols)
        .map(room_of)
        .filter(|&r| r > 0)
        .min()
        .unwrap_or(0);
    for c in 0..axis.cols {
        let x0 = axis.col_x(c);
        if room_of(c) <= 0 {
            continue;
        }
        let (year, month) = axis.col_month(c);
        // By month: the month's short name. By quarter: `Q1 25` when it fits, else the
        // year alone over its quarters (on its first column shown), other columns blank.
        let (label, fit) = if axis.per_col == 1 {
            (short_month(lang, month).to_string(), room)
        } else if room >= 6 {
            let q = (month - 1) / 3 + 1;
            let yy = year.rem_euclid(100);
            (
                Msg::Quarter.fill(lang, &[&q.to_string(), &format!("{yy:02}")]),
                room,
            )
        } else if month == 1 || c == 0 {
            let left = i64::from(12 - month) / 3 + 1;
            let span = axis.col_x((c + left).min(axis.cols)) - x0;
            let text = if span >= 5 {
                year.to_string()
            } else {
                format!("{:02}", year.rem_euclid(100))
            };
            (text, span)
        } else {
            (String::new(), room)
        };
        let fit = if fit >= 2 { fit - 1 } else { fit };
        let style = if today_col == Some(c) {
            theme.today
        } else {
            theme.label
        };
        for (i, ch) in label
            .chars()
            .take(usize::try_from(fit).unwrap_or(0))
            .enumerate()
        {
            let x = usize::try_from(x0).unwrap_or(0) + i;
            if x < w {
                cells[x] = (ch, style, Some(c));
            }
        }
    }
    // Today: `▼ today` from its column, or `today ▼` when it does not fit on the right.
    if axis.contains(app.today()) {
        let tx = usize::try_from(axis.x_of(app.today()))
            .unwrap_or(0)
            .min(w - 1);
        let word = Msg::Today.text(lang);
        let wl = word.chars().count();
        let text: Vec<char> = if tx + 1 + wl < w {
            std::iter::once(TODAY_MARK)
                .chain(format!(" {word}").chars())
                .collect()
        } else if tx > wl {
            format!("{word} ")
                .chars()
                .chain(std::iter::once(TODAY_MARK))
                .collect()
        } else {
            vec![TODAY_MARK]
        };
        let start = if text.first() == Some(&TODAY_MARK) {
            tx
        } else {
            tx + 1 - text.len()
        };
        // A label partly covered, or touching the text, is hidden whole.
        let covered: Vec<i64> = (start.saturating_sub(1)..start + text.len() + 1)
            .filter_map(|x| cells.get(x).and_then(|c| c.2))
            .collect();
        for c in &mut cells {
            if c.2.is_some_and(|col| covered.contains(&col)) {
                *c = (' ', Style::new(), None);
            }
        }
        for (i, ch) in text.into_iter().enumerate() {
            if let Some(c) = cells.get_mut(start + i) {
                *c = (ch, theme.today, None);
            }
        }
    }
    for (i, (ch, style, _)) in cells.into_iter().enumerate() {
        let x = g.plot.x + u16::try_from(i).unwrap_or(u16::MAX);
        if ch != ' ' {
            put(buf, g.header, x, y, ch, style);
        }
    }
}
