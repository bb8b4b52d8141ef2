//! Word wrapping of styled text with a hanging indent: the first line starts after its label,
//! the next ones under the value, not under the label. Ratatui's `Wrap` has no hanging indent,
//! and it breaks a long address anywhere; here an address is one piece that is never split
//! (cut with `…` when even a whole line cannot hold it: it can be read whole with `show`,
//! copied with `y`, or opened with `o`).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::width as text_width;

/// A piece of text to wrap.
#[derive(Debug, Clone)]
pub enum Piece {
    /// Breaks at its spaces (ASCII spaces only: a non-breaking space keeps French `;`, `:`,
    /// `!`, `?` and `« »` with their word).
    Text(String, Style),
    /// An address: one word.
    Link(String, Style),
}

/// A word: the pieces of text between two spaces, possibly in several styles.
struct Word {
    parts: Vec<(String, Style)>,
    width: usize,
    link: bool,
}

/// The words of `pieces`, each with the spaces before it (their style, their count).
fn words(pieces: &[Piece]) -> Vec<(Option<(Style, usize)>, Word)> {
    let mut out: Vec<(Option<(Style, usize)>, Word)> = Vec::new();
    let mut space: Option<(Style, usize)> = None;
    let mut cur: Option<Word> = None;
    let flush = |cur: &mut Option<Word>, space: &mut Option<(Style, usize)>, out: &mut Vec<_>| {
        if let Some(w) = cur.take() {
            out.push((space.take(), w));
        }
    };
    for p in pieces {
        match p {
            Piece::Link(s, style) => {
                flush(&mut cur, &mut space, &mut out);
                out.push((
                    space.take(),
                    Word {
                        parts: vec![(s.clone(), *style)],
                        width: text_width(s),
                        link: true,
                    },
                ));
            }
            Piece::Text(s, style) => {
                for (i, chunk) in s.split(' ').enumerate() {
                    if i > 0 {
                        flush(&mut cur, &mut space, &mut out);
                        let n = space.map_or(0, |(_, n)| n);
                        space = Some((*style, n + 1));
                    }
                    if chunk.is_empty() {
                        continue;
                    }
                    let w = cur.get_or_insert_with(|| Word {
                        parts: Vec::new(),
                        width: 0,
                        link: false,
                    });
                    w.parts.push((chunk.to_string(), *style));
                    w.width += text_width(chunk);
                }
            }
        }
    }
    flush(&mut cur, &mut space, &mut out);
    out
}

/// The first `max` columns of `s`, with `…` as the last when it is cut.
fn cut(s: &str, max: usize) -> String {
    if text_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Add `text` to the line: to the last span when it has the same style, so that a line of
/// words in one style is one span, not one per word.
fn push(spans: &mut Vec<Span<'static>>, text: &str, style: Style) {
    match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => spans.push(Span::styled(text.to_string(), style)),
    }
}

/// Where an address was put: line (of those returned), column, width, and the whole address
/// (it may be shown cut).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPos {
    pub line: usize,
    pub col: usize,
    pub width: usize,
    pub url: String,
}

/// `pieces` wrapped to `width` columns: the first line starts with `first` (a label), the
/// others with `indent` spaces. Words longer than a line are broken (text) or cut (links).
pub fn wrap(
    first: Vec<Span<'static>>,
    indent: usize,
    pieces: &[Piece],
    width: usize,
) -> Vec<Line<'static>> {
    wrap_links(first, indent, pieces, width).0
}

/// [`wrap`], and where each address went.
pub fn wrap_links(
    first: Vec<Span<'static>>,
    indent: usize,
    pieces: &[Piece],
    width: usize,
) -> (Vec<Line<'static>>, Vec<LinkPos>) {
    let mut lines = Vec::new();
    let mut links = Vec::new();
    let mut used: usize = first.iter().map(|s| text_width(&s.content)).sum();
    let mut spans = first;
    let new_line = |spans: &mut Vec<Span<'static>>, used: &mut usize, lines: &mut Vec<_>| {
        lines.push(Line::from(std::mem::take(spans)));
        if indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        *used = indent;
    };
    let mut has_word = false;
    for (space, word) in words(pieces) {
        if has_word {
            let (style, gap) = space.unwrap_or((Style::new(), 0));
            if used + gap + word.width > width {
                new_line(&mut spans, &mut used, &mut lines);
            } else if gap > 0 {
                push(&mut spans, &" ".repeat(gap), style);
                used += gap;
            }
        }
        has_word = true;
        let free = width.saturating_sub(used).max(1);
        if word.link {
            let (s, style) = &word.parts[0];
            let shown = cut(s, free);
            let w = text_width(&shown);
            links.push(LinkPos {
                line: lines.len(),
                col: used,
                width: w,
                url: s.clone(),
            });
            used += w;
            spans.push(Span::styled(shown, *style));
        } else if word.width <= free {
            for (s, style) in &word.parts {
                push(&mut spans, s, *style);
            }
            used += word.width;
        } else {
            // A word longer than the line: broken where the line ends.
            for (s, style) in word.parts {
                let mut chunk = String::new();
                for c in s.chars() {
                    let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if used + cw > width && (used > indent || !chunk.is_empty()) {
                        push(&mut spans, &std::mem::take(&mut chunk), style);
                        new_line(&mut spans, &mut used, &mut lines);
                    }
                    chunk.push(c);
                    used += cw;
                }
                push(&mut spans, &chunk, style);
            }
        }
    }
    lines.push(Line::from(spans));
    (lines, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn continuation_lines_start_under_the_value() {
        let l = wrap(
            vec![Span::raw("Label  ")],
            7,
            &[Piece::Text("one two three four".into(), Style::new())],
            16,
        );
        assert_eq!(text(&l), ["Label  one two", "       three", "       four"]);
    }

    #[test]
    fn a_link_is_never_split_and_is_cut_only_when_no_line_holds_it() {
        let url = "https://example.org/a/b";
        let l = wrap(
            vec![Span::raw("W ")],
            2,
            &[
                Piece::Text("see".into(), Style::new()),
                Piece::Text(" ".into(), Style::new()),
                Piece::Link(url.into(), Style::new()),
            ],
            26,
        );
        assert_eq!(text(&l), ["W see", &format!("  {url}")]);
        let (_, links) = wrap_links(
            vec![Span::raw("W ")],
            2,
            &[Piece::Link(url.into(), Style::new())],
            8,
        );
        assert_eq!(
            links,
            [LinkPos {
                line: 0,
                col: 2,
                width: 6,
                url: url.into()
            }]
        );
        let l = wrap(vec![], 0, &[Piece::Link(url.into(), Style::new())], 10);
        assert_eq!(text(&l), ["https://e…"]);
    }

    #[test]
    fn a_non_breaking_space_holds_french_punctuation_to_its_word() {
        let l = wrap(
            vec![],
            0,
            &[Piece::Text("aaaa bbbb\u{a0}: cc".into(), Style::new())],
            9,
        );
        assert_eq!(text(&l), ["aaaa", "bbbb\u{a0}: cc"]);
    }

    #[test]
    fn a_long_word_breaks_and_nothing_panics_at_width_zero_or_one() {
        let l = wrap(
            vec![],
            2,
            &[Piece::Text("abcdefgh".into(), Style::new())],
            5,
        );
        assert_eq!(text(&l), ["abcde", "  fgh"]);
        for w in 0..3 {
            let _ = wrap(
                vec![Span::raw("Lbl ")],
                4,
                &[
                    Piece::Text("a b".into(), Style::new()),
                    Piece::Link("https://x".into(), Style::new()),
                ],
                w,
            );
        }
    }
}
