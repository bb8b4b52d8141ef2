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

/// The title's variants, longest first: `Timeline · 2025 by month`, `Timeline · 2025`,
/// `2025`, each followed by what the lanes are filtered by; then that alone.
fn title_variants<'a>(app: &App, theme: &Theme, g: &Geo) -> Vec<Vec<Span<'a>>> {
    let lang = app.lang();
    let (from, to) = (g.axis.from, g.axis.to);
    let span = if from.year == to.year {
        from.year.to_string()
    } else {
        format!(
            "{} {} – {} {}",
            short_month(lang, from.month),
            from.year,
            short_month(lang, to.month),
            to.year
        )
    };
    let unit = match app.timeline().zoom() {
        Zoom::Year => Msg::ByMonth.text(lang),
        Zoom::Full => Msg::ByQuarter.text(lang),
    };
    let name = Msg::Timeline.text(lang);
    let filter = app.timeline().filter().map(|by| {
        Span::styled(
            format!("{} ", Msg::TimelineFilteredBy.fill(lang, &[by])),
            theme.matched,
        )
    });
    let mut out: Vec<Vec<Span<'a>>> = [
        format!("{name} · {span} {unit}"),
        format!("{name} · {span}"),
        span.clone(),
    ]
    .into_iter()
    .map(|t| {
        let mut v = vec![title(theme, t)];
        v.extend(filter.clone());
        v
    })
    .collect();
    if let Some(f) = filter {
        out.push(vec![f]);
    }
    out
}

/// The hints' variants, longest first: the lanes shown and the zoom key, the lanes alone,
/// nothing.
fn hint_variants<'a>(app: &App, theme: &Theme, g: &Geo) -> Vec<Vec<Span<'a>>> {
    let mut counter = Vec::new();
    // The factory lanes shown of those there are (the programme's is always shown).
    let factories: Vec<usize> = g.lanes_drawn(app).into_iter().filter(|&l| l > 0).collect();
    let total = app.timeline().lane_count() - 1;
    if let (Some(first), Some(last)) = (factories.first(), factories.last())
        && factories.len() < total
    {
        counter.push(Span::styled(format!(" {first}–{last}/{total} "), theme.dim));
    }
    let mut full = counter.clone();
    full.push(Span::styled(" z", theme.key));
    full.push(Span::styled(
        Msg::HintZoom.text(app.lang()).to_string(),
        theme.dim,
    ));
    vec![full, counter, Vec::new()]
}

/// The border's title and hints that fit side by side in `width` columns, so that the title
/// never runs into the counter: the zoom key goes first, then the words of the title, then
/// the counter; what the lanes are filtered by stays.
pub(super) fn top_line<'a>(
    app: &App,
    theme: &Theme,
    g: &Geo,
    width: u16,
) -> (Vec<Span<'a>>, Vec<Span<'a>>) {
    let titles = title_variants(app, theme, g);
    let hints = hint_variants(app, theme, g);
    let w = |v: &[Span]| {
        v.iter()
            .map(|s| crate::text::width(&s.content))
            .sum::<usize>()
    };
    let room = usize::from(width).saturating_sub(3);
    let order = [
        (0, 0),
        (0, 1),
        (1, 1),
        (2, 1),
        (3, 1),
        (0, 2),
        (1, 2),
        (2, 2),
        (3, 2),
    ];
    for (t, h) in order {
        if let (Some(t), Some(h)) = (titles.get(t), hints.get(h))
            && w(t) + w(h) <= room
        {
            return (t.clone(), h.clone());
        }
    }
    // Nothing fits whole: the shortest title, cut by the border.
    (titles.last().cloned().unwrap_or_default(), Vec::new())
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
        // A year or quarter is drawn whole or not at all: `2` for `2024` reads as a wrong
        // year. A month may shrink to its initial (`J F M`).
        let fit = usize::try_from(fit).unwrap_or(0);
        if axis.per_col != 1 && crate::text::width(&label) > fit {
            continue;
        }
        for (i, ch) in label.chars().take(fit).enumerate() {
            let x = usize::try_from(x0).unwrap_or(0) + i;
            if x < w {
                cells[x] = (ch, style, Some(c));
            }
        }
    }
    // Today: `▼` over its column and the word beside it, only in cells no label uses, so
    // that it never hides one (the `│` down the lanes and the legend say it too).
    if axis.contains(app.today()) {
        let tx = usize::try_from(axis.x_of(app.today()))
            .unwrap_or(0)
            .min(w - 1);
        let free = |cells: &[(char, Style, Option<i64>)], a: usize, b: usize| {
            b <= cells.len() && cells[a..b].iter().all(|c| c.0 == ' ')
        };
        if free(&cells, tx, tx + 1) {
            cells[tx] = (TODAY_MARK, theme.today, None);
            let word: Vec<char> = Msg::Today.text(lang).chars().collect();
            let n = word.len();
            // ` today` after, else `today ` before; a blank cell stays between it and a label.
            if tx + n + 3 <= w && free(&cells, tx + 1, tx + n + 3) {
                for (i, ch) in word.into_iter().enumerate() {
                    cells[tx + 2 + i] = (ch, theme.today, None);
                }
            } else if tx >= n + 2 && free(&cells, tx - n - 2, tx) {
                for (i, ch) in word.into_iter().enumerate() {
                    cells[tx - n - 1 + i] = (ch, theme.today, None);
                }
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
