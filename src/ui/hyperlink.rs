//! Addresses as OSC 8 hyperlinks: clickable in terminals that support them, plain text in the
//! others (which ignore the sequence). Each cell of an address carries the whole sequence
//! around its own character, with ratatui's forced cell width, so that redrawing any one cell
//! never leaves a link open over the rest of the screen.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

/// An address on screen: the cells that show it (one row) and the whole address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkAt {
    pub area: Rect,
    pub url: String,
}

/// A URL safe to put in an escape sequence: printable ASCII only, nothing that could end the
/// sequence early.
fn safe(url: &str) -> bool {
    !url.is_empty() && url.bytes().all(|b| (0x21..0x7f).contains(&b))
}

/// Turn the cells of each link into OSC 8 hyperlinks.
pub fn apply(buf: &mut Buffer, links: &[LinkAt]) {
    for l in links.iter().filter(|l| safe(&l.url)) {
        let area = l.area.intersection(buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let Some(cell) = buf.cell_mut((x, y)) else {
                    continue;
                };
                let sym = cell.symbol().to_string();
                let w = crate::text::width(&sym);
                let Some(w) = u16::try_from(w).ok().and_then(NonZeroU16::new) else {
                    continue;
                };
                cell.set_symbol(&format!("\x1b]8;;{}\x1b\\{sym}\x1b]8;;\x1b\\", l.url))
                    .set_diff_option(CellDiffOption::ForcedWidth(w));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cell_is_a_whole_link_and_keeps_its_width() {
        let mut buf = Buffer::with_lines(["ab https://x.eu"]);
        apply(
            &mut buf,
            &[LinkAt {
                area: Rect::new(3, 0, 12, 1),
                url: "https://x.eu".into(),
            }],
        );
        assert_eq!(buf[(0, 0)].symbol(), "a");
        assert_eq!(
            buf[(3, 0)].symbol(),
            "\x1b]8;;https://x.eu\x1b\\h\x1b]8;;\x1b\\"
        );
        // Nothing from the data ends the sequence early.
        let mut buf = Buffer::with_lines(["x"]);
        apply(
            &mut buf,
            &[LinkAt {
                area: Rect::new(0, 0, 1, 1),
                url: "https://a\x1b]8;;b".into(),
            }],
        );
        assert_eq!(buf[(0, 0)].symbol(), "x");
    }
}
