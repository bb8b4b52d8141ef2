//! A line of styled text drawn as a one-line `Paragraph` draws it (left-aligned, cut at the
//! right edge of its area), and `Buffer::set_stringn`, with ASCII text written straight into
//! the cells.
//!
//! A `Paragraph` splits all of its text into graphemes, styles each one, and sets the style
//! of its whole area twice. Drawn this way, the rows of the list, the hints and the search
//! box took the first frame's drawing from 2.03 M to 1.73 M instructions (callgrind, 120x40).
//! ASCII text needs no segmentation: a byte is a grapheme one column wide. Other spans go
//! through `text::drawn_graphemes`: ratatui's graphemes and widths, without applying the
//! segmentation rules between ASCII characters. A proptest checks that the cells come out
//! as `Paragraph` (or `set_stringn`) makes them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::text::drawn_graphemes;

/// Draw `line` on the first row of `area`, as `Paragraph::new(line)` would.
pub fn draw(buf: &mut Buffer, area: Rect, line: &Line) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if !matches!(line.alignment, None | Some(Alignment::Left)) {
        Paragraph::new(line.clone()).render(area, buf);
        return;
    }
    let max = area.width;
    let (mut x, y) = (area.x, area.y);
    // The style a paragraph gives the graphemes of this line, before each span's own.
    let base = Style::default().patch(line.style);
    for span in &line.spans {
        let text = span.content.as_ref();
        if is_plain_ascii(text) {
            let style = base.patch(span.style);
            for c in text.chars() {
                if x - area.x >= max {
                    return;
                }
                buf[(x, y)].set_char(c).set_style(style);
                x += 1;
            }
            continue;
        }
        let style = base.patch(span.style);
        for (symbol, w) in drawn_graphemes(text) {
            // Wider than the whole area: passed over; past its edge: the line ends.
            if w > max {
                continue;
            }
            if x - area.x + w > max {
                return;
            }
            if w == 0 {
                continue;
            }
            buf[(x, y)].set_symbol(symbol).set_style(style);
            x += w;
        }
    }
}

/// Draw `lines` one per row of `area` from its top, as `Paragraph::new(lines)` would.
pub fn draw_all<'a>(buf: &mut Buffer, area: Rect, lines: impl IntoIterator<Item = &'a Line<'a>>) {
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        draw(buf, Rect::new(area.x, y, area.width, 1), line);
    }
}

/// `Buffer::set_stringn`, with ASCII text written straight into the cells.
pub fn set_stringn(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: usize,
    style: Style,
) -> (u16, u16) {
    if !is_plain_ascii(text) {
        return buf.set_stringn(x, y, text, max_width, style);
    }
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let room = buf.area.right().saturating_sub(x).min(max_width);
    let mut x = x;
    for c in text.chars().take(usize::from(room)) {
        buf[(x, y)].set_char(c).set_style(style);
        x += 1;
    }
    (x, y)
}

/// Printable ASCII only: each byte a grapheme one column wide.
fn is_plain_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    /// Text of every kind a span can hold: ASCII, accents, wide and zero-width chars,
    /// emoji with VS16, combining marks, right-to-left letters, control chars.
    const PIECES: [&str; 14] = [
        "a",
        "Zz 9",
        " ",
        "é",
        "e\u{301}",
        "漢",
        "字x",
        "\u{200b}",
        "❤\u{fe0f}",
        "\u{1b}",
        "\t",
        "لا",
        "ﾞ",
        "…",
    ];

    const COLORS: [Option<Color>; 4] = [
        None,
        Some(Color::Red),
        Some(Color::Indexed(8)),
        Some(Color::Reset),
    ];

    pub(crate) fn style((fg, bg, bold): (usize, usize, u8)) -> Style {
        let mut s = Style::new();
        s.fg = COLORS[fg];
        s.bg = COLORS[bg];
        match bold {
            1 => s.add_modifier(Modifier::BOLD),
            2 => s.remove_modifier(Modifier::BOLD),
            _ => s,
        }
    }

    pub(crate) fn any_style() -> impl Strategy<Value = (usize, usize, u8)> {
        (0..COLORS.len(), 0..COLORS.len(), 0u8..3)
    }

    /// A buffer whose cells already hold text and colour, as in a pane.
    pub(crate) fn pane_like(whole: Rect, under: (usize, usize, u8)) -> Buffer {
        let mut buf = Buffer::filled(whole, ratatui::buffer::Cell::new("#"));
        buf.set_style(whole, style(under));
        buf
    }

    pub(crate) fn any_line() -> impl Strategy<Value = Line<'static>> {
        let span = (
            proptest::collection::vec(0..PIECES.len(), 0..6),
            any_style(),
        )
            .prop_map(|(pieces, st)| {
                let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
                Span::styled(text, style(st))
            });
        (proptest::collection::vec(span, 0..5), any_style(), 0u8..4).prop_map(|(spans, st, al)| {
            let line = Line::from(spans).style(style(st));
            match al {
                1 => line.left_aligned(),
                2 => line.right_aligned(),
                3 => line.centered(),
                _ => line,
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn draws_what_a_paragraph_draws(
            lines in proptest::collection::vec(any_line(), 1..4),
            x in 0u16..3,
            w in 0u16..14,
            h in 0u16..4,
            under in any_style(),
        ) {
            let whole = Rect::new(0, 0, 16, 5);
            let area = Rect::new(x, 1, w, h);
            let mut theirs = pane_like(whole, under);
            let mut ours = theirs.clone();
            Paragraph::new(lines.clone()).render(area, &mut theirs);
            draw_all(&mut ours, area, &lines);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn set_stringn_sets_what_the_buffer_sets(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..8),
            x in 0u16..16,
            y in 0u16..5,
            max in 0usize..20,
            st in any_style(),
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let whole = Rect::new(0, 0, 16, 5);
            let mut theirs = Buffer::filled(whole, ratatui::buffer::Cell::new("#"));
            let mut ours = theirs.clone();
            let end_theirs = theirs.set_stringn(x, y, &text, max, style(st));
            let end_ours = set_stringn(&mut ours, x, y, &text, max, style(st));
            prop_assert_eq!(end_ours, end_theirs);
            prop_assert_eq!(ours, theirs);
        }
    }
}
