//! Lines wrapped at word boundaries, laid out and drawn as
//! `Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0))` lays them out and
//! draws them.
//!
//! The detail pane's wrapped paragraph was the largest part of a large first frame: 1.49 M
//! of the 3.80 M instructions that drew it at 250x70 (callgrind), most of it spent splitting
//! ASCII text into graphemes. The wrapping rules here are ratatui's own (`WordWrapper` in
//! ratatui-widgets 0.3, with trimming off), ported step by step; the graphemes come from
//! `text::drawn_graphemes`, which needs no segmentation rules for ASCII. A proptest checks
//! the cells and the line count against `Paragraph`.

use std::collections::VecDeque;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, StyledGrapheme};

use crate::text::drawn_graphemes;

/// A grapheme, its width and style, and whether the wrapping counts it as a space.
#[derive(Clone, Copy)]
struct Glyph<'a> {
    symbol: &'a str,
    width: u16,
    space: bool,
    style: Style,
}

/// Wraps one line at a time into rows; its buffers are reused from line to line.
struct Wrapper<'a> {
    width: u16,
    glyphs: Vec<Glyph<'a>>,
    /// The rows of the current line, one after another; `ends`: where each one ends.
    rows: Vec<Glyph<'a>>,
    ends: Vec<usize>,
    word: Vec<Glyph<'a>>,
    spaces: VecDeque<Glyph<'a>>,
}

impl<'a> Wrapper<'a> {
    fn new(width: u16) -> Wrapper<'a> {
        Wrapper {
            width,
            glyphs: Vec::new(),
            rows: Vec::new(),
            ends: Vec::new(),
            word: Vec::new(),
            spaces: VecDeque::new(),
        }
    }

    /// The glyphs of `line` as a paragraph styles them (`base`, then the line's style, then
    /// the span's), without those wider than the whole width: the wrapper passes over them
    /// before anything else.
    fn read(&mut self, line: &'a Line<'a>, base: Style) {
        self.glyphs.clear();
        let style = base.patch(line.style);
        for span in &line.spans {
            let style = style.patch(span.style);
            for (symbol, width) in drawn_graphemes(&span.content) {
                if width > self.width {
                    continue;
                }
                let space = if symbol.len() == 1 {
                    symbol == " "
                } else {
                    StyledGrapheme::new(symbol, style).is_whitespace()
                };
                self.glyphs.push(Glyph {
                    symbol,
                    width,
                    space,
                    style,
                });
            }
        }
    }

    /// Wrap the glyphs read into rows (`WordWrapper::process_input` with `trim` false).
    fn wrap(&mut self) {
        self.rows.clear();
        self.ends.clear();
        self.word.clear();
        self.spaces.clear();
        // Widths as u32: ratatui's u16 sums could only overflow on a word 65,536 columns long.
        let max = u32::from(self.width);
        let (mut line_w, mut word_w, mut space_w) = (0u32, 0u32, 0u32);
        let mut row_start = 0;
        let mut after_word = false;
        for i in 0..self.glyphs.len() {
            let g = self.glyphs[i];
            let w = u32::from(g.width);
            let word_found = after_word && g.space;
            // The pending row is empty and the word with its spaces would overflow it.
            let overflow = self.rows.len() == row_start && word_w + space_w + w > max;
            if word_found || overflow {
                self.rows.extend(self.spaces.drain(..));
                line_w += space_w;
                self.rows.append(&mut self.word);
                line_w += word_w;
                space_w = 0;
                word_w = 0;
            }
            let row_full = line_w >= max;
            let word_overflows = w > 0 && line_w + space_w + word_w >= max;
            if row_full || word_overflows {
                let mut remaining = max.saturating_sub(line_w);
                self.ends.push(self.rows.len());
                row_start = self.rows.len();
                line_w = 0;
                // The spaces that still fit on the row end with it.
                while let Some(s) = self.spaces.front() {
                    let sw = u32::from(s.width);
                    if sw > remaining {
                        break;
                    }
                    space_w -= sw;
                    remaining -= sw;
                    self.spaces.pop_front();
                }
                if g.space && self.spaces.is_empty() {
                    continue;
                }
            }
            if g.space {
                space_w += w;
                self.spaces.push_back(g);
            } else {
                word_w += w;
                self.word.push(g);
            }
            after_word = !g.space;
        }
        self.rows.extend(self.spaces.drain(..));
        self.rows.append(&mut self.word);
        if self.rows.len() > row_start || self.ends.is_empty() {
            self.ends.push(self.rows.len());
        }
    }

    /// The rows of the line last wrapped.
    fn each_row(&self) -> impl Iterator<Item = &[Glyph<'a>]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(s, &e)| &self.rows[s..e])
    }
}

/// How many rows `lines` take at `width`: `Paragraph::line_count` of the same paragraph.
pub fn line_count(lines: &[Line], width: u16) -> usize {
    if width == 0 {
        return 0;
    }
    let mut w = Wrapper::new(width);
    lines
        .iter()
        .map(|line| {
            // Styles do not change the wrapping (`line_count` reads the spans alone).
            w.read(line, Style::default());
            w.wrap();
            w.ends.len()
        })
        .sum()
}

/// Draw `lines` wrapped to the width of `area`, from the row `scroll` of the wrapped text.
pub fn render(lines: &[Line], scroll: u16, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let mut w = Wrapper::new(area.width);
    let mut skip = usize::from(scroll);
    let mut y = 0u16;
    for line in lines {
        w.read(line, Style::default());
        w.wrap();
        let alignment = line.alignment.unwrap_or(Alignment::Left);
        for row in w.each_row() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            draw_row(row, alignment, area, y, buf);
            y += 1;
            if y >= area.height {
                return;
            }
        }
    }
}

/// One row, as `Paragraph` draws it: zero-width glyphs left out, wide ones taking their
/// columns.
fn draw_row(row: &[Glyph], alignment: Alignment, area: Rect, y: u16, buf: &mut Buffer) {
    let row_w: u16 = row.iter().map(|g| g.width).sum();
    let mut x = match alignment {
        Alignment::Center => (area.width / 2).saturating_sub(row_w / 2),
        Alignment::Right => area.width.saturating_sub(row_w),
        Alignment::Left => 0,
    };
    for g in row {
        if g.width == 0 {
            continue;
        }
        if let Some(cell) = buf.cell_mut(Position::new(area.x + x, area.y + y)) {
            cell.set_symbol(g.symbol).set_style(g.style);
        }
        x += g.width;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::text_line::tests::{any_line, any_style, pane_like};
    use proptest::prelude::*;
    use ratatui::widgets::{Paragraph, Widget, Wrap};

    #[test]
    fn long_words_split_and_spaces_end_rows() {
        let lines = [
            Line::from("abc defghij k  l"),
            Line::from(""),
            Line::from("xy"),
        ];
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 7));
        render(&lines, 0, buf.area, &mut buf);
        assert_eq!(
            buf,
            Buffer::with_lines(["abc ", "defg", "hij ", "k  l", "    ", "xy  ", "    "])
        );
        assert_eq!(line_count(&lines, 4), 6);
        let mut scrolled = Buffer::empty(Rect::new(0, 0, 4, 2));
        render(&lines, 3, scrolled.area, &mut scrolled);
        assert_eq!(scrolled, Buffer::with_lines(["k  l", "    "]));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn wraps_and_draws_what_a_paragraph_does(
            lines in proptest::collection::vec(any_line(), 0..5),
            x in 0u16..3,
            w in 0u16..12,
            h in 0u16..6,
            scroll in 0u16..5,
            under in any_style(),
        ) {
            let whole = Rect::new(0, 0, 14, 6);
            let area = Rect::new(x, 0, w, h);
            let mut theirs = pane_like(whole, under);
            let mut ours = theirs.clone();
            let paragraph = Paragraph::new(lines.clone()).wrap(Wrap { trim: false });
            prop_assert_eq!(line_count(&lines, w), paragraph.line_count(w));
            paragraph.scroll((scroll, 0)).render(area, &mut theirs);
            render(&lines, scroll, area, &mut ours);
            prop_assert_eq!(ours, theirs);
        }
    }
}
