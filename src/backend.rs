//! The terminal backend: crossterm's, with a faster `draw`.
//!
//! `CrosstermBackend::draw` sends every cell's text as its own `Print` command, through the
//! formatting machinery: writing the dashboard's first 120x40 frame took 2.05 M instructions
//! under callgrind, 0.69 M of them in 3,298 queued commands and 0.80 M in `fmt::write`.
//! [`TermBackend::draw`] writes the same bytes (a test checks it against crossterm's on
//! random frames) but copies each cell's text straight into the output buffer. Everything
//! else is crossterm's backend as is.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Crossterm's backend with a faster [`Backend::draw`].
#[derive(Debug)]
pub struct TermBackend<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> TermBackend<W> {
    pub fn new(writer: W) -> TermBackend<W> {
        TermBackend {
            inner: CrosstermBackend::new(writer),
        }
    }
}

impl<W: Write> Write for TermBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// Modifiers that their own attribute turns off, in the order crossterm's backend sends them.
const OFF: [(Modifier, Attribute); 4] = [
    (Modifier::ITALIC, Attribute::NoItalic),
    (Modifier::UNDERLINED, Attribute::NoUnderline),
    (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
    (Modifier::HIDDEN, Attribute::NoHidden),
];

/// Modifiers and the attribute that turns each on, in the order crossterm's backend sends them.
const ON: [(Modifier, Attribute); 9] = [
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
];

/// Go from one set of modifiers to another. Bold and dim share one "normal intensity" reset,
/// after which those of them that stay are set again.
fn change_modifiers(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let mut added = to - from;
    if removed.contains(Modifier::REVERSED) {
        queue!(w, SetAttribute(Attribute::NoReverse))?;
    }
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        queue!(w, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(w, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(w, SetAttribute(Attribute::Bold))?;
        }
        added.remove(Modifier::BOLD | Modifier::DIM);
    }
    for (m, a) in OFF {
        if removed.contains(m) {
            queue!(w, SetAttribute(a))?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(w, SetAttribute(Attribute::NoBlink))?;
    }
    for (m, a) in ON {
        if added.contains(m) {
            queue!(w, SetAttribute(a))?;
        }
    }
    Ok(())
}

impl<W: Write> Backend for TermBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Crossterm's backend writes through to its writer.
        let w = &mut self.inner;
        let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
        let mut modifier = Modifier::empty();
        let mut next: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            // Cells right after the previous one need no cursor move.
            if next != Some((x, y)) {
                queue!(w, MoveTo(x, y))?;
            }
            next = x.checked_add(1).map(|nx| (nx, y));
            if cell.modifier != modifier {
                change_modifiers(w, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
                queue!(w, SetColors(colors))?;
                (fg, bg) = (cell.fg, cell.bg);
            }
            if cell.underline_color != underline {
                queue!(w, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
                underline = cell.underline_color;
            }
            w.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            w,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// A writer both a backend and the test can read.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// What each backend writes for the change from `prev` to `next`: ours, crossterm's.
    fn both(prev: &Buffer, next: &Buffer) -> (String, String) {
        let (a, b) = (Shared::default(), Shared::default());
        draw_with(&mut TermBackend::new(a.clone()), prev, next);
        draw_with(&mut CrosstermBackend::new(b.clone()), prev, next);
        let text = |s: Shared| String::from_utf8_lossy(&s.0.borrow()).into_owned();
        (text(a), text(b))
    }

    const SYMBOLS: [&str; 8] = [" ", "a", "é", "─", "界", "🙂", "x", "?"];
    const COLORS: [Color; 6] = [
        Color::Reset,
        Color::Red,
        Color::Indexed(208),
        Color::Rgb(1, 2, 3),
        Color::DarkGray,
        Color::White,
    ];

    fn cell_strategy() -> impl Strategy<Value = (usize, usize, usize, u16, usize)> {
        (
            0..SYMBOLS.len(),
            0..COLORS.len(),
            0..COLORS.len(),
            0..=0x1ffu16,
            0..COLORS.len(),
        )
    }

    fn buffer(area: Rect, cells: &[(usize, usize, usize, u16, usize)]) -> Buffer {
        let mut b = Buffer::empty(area);
        let width = usize::from(area.width);
        for (i, &(s, fg, bg, m, ul)) in cells.iter().enumerate() {
            let (x, y) = ((i % width) as u16, (i / width) as u16);
            if y >= area.height {
                break;
            }
            let style = Style::default()
                .fg(COLORS[fg])
                .bg(COLORS[bg])
                .underline_color(COLORS[ul])
                .add_modifier(Modifier::from_bits_truncate(m));
            b.set_string(x, y, SYMBOLS[s], style);
        }
        b
    }

    fn draw_with<B: Backend>(backend: &mut B, prev: &Buffer, next: &Buffer) {
        let updates = prev.diff(next);
        backend
            .draw(updates.into_iter())
            .unwrap_or_else(|_| panic!("draw failed"));
    }

    proptest! {
        /// Same bytes as crossterm's own backend, for any change between two frames.
        #[test]
        fn writes_what_crossterm_writes(
            w in 1u16..12,
            h in 1u16..5,
            before in proptest::collection::vec(cell_strategy(), 0..60),
            after in proptest::collection::vec(cell_strategy(), 0..60),
        ) {
            let area = Rect::new(0, 0, w, h);
            let (prev, next) = (buffer(area, &before), buffer(area, &after));
            let (ours, theirs) = both(&prev, &next);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn modifier_changes_match_crossterm_for_every_pair_of_common_sets() {
        let sets = [
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::DIM,
            Modifier::BOLD | Modifier::DIM,
            Modifier::REVERSED | Modifier::UNDERLINED,
            Modifier::ITALIC | Modifier::SLOW_BLINK,
            Modifier::all(),
        ];
        let area = Rect::new(0, 0, 2, 1);
        for from in sets {
            for to in sets {
                let mut prev = Buffer::empty(area);
                prev[(0, 0)]
                    .set_symbol("a")
                    .set_style(Style::default().add_modifier(from));
                let mut next = prev.clone();
                next[(1, 0)]
                    .set_symbol("b")
                    .set_style(Style::default().add_modifier(to));
                next[(0, 0)].set_symbol("c");
                let (ours, theirs) = both(&prev, &next);
                assert!(ours.contains('b'), "{ours:?}");
                assert_eq!(ours, theirs, "{from:?} -> {to:?}");
            }
        }
    }
}
