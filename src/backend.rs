//! The terminal backend: crossterm's, with a faster and more compact `draw`.
//!
//! `CrosstermBackend::draw` sends every cell's text as its own `Print` command through the
//! formatting machinery, every colour change as both colours in `38;5;n` form, and every gap
//! as an absolute move. [`TermBackend::draw`] copies each cell's text straight into the output
//! buffer, sends a style change as one SGR sequence with only what changed, and moves
//! relatively where that is shorter. The dashboard's first frame at 120x40 went from 11,902
//! to 9,649 bytes; a pseudo-terminal takes about 8 KB before a write has to wait for the
//! terminal to read. Tests check that the screen comes out as crossterm's backend draws it,
//! through a model of every attribute and through the vt100 emulator. Everything else is
//! crossterm's backend as is.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};

/// Crossterm's backend with a faster [`Backend::draw`].
#[derive(Debug)]
pub struct TermBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// A frame's bytes, put together here and handed to `inner` in one call: writing each
    /// cell through the writer's `write_all` cost a fifth of the encoding.
    frame: Vec<u8>,
}

impl<W: Write> TermBackend<W> {
    pub fn new(writer: W) -> TermBackend<W> {
        TermBackend {
            inner: CrosstermBackend::new(writer),
            frame: Vec::new(),
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

/// An escape sequence, written straight into a frame's bytes.
struct Seq<'a>(&'a mut Vec<u8>);

impl Seq<'_> {
    fn push(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn num(&mut self, n: u16) {
        // Most numbers here (colours, rows, columns) have one to three digits.
        if n < 10 {
            self.0.push(b'0' + n as u8);
            return;
        }
        if n < 100 {
            self.0
                .extend_from_slice(&[b'0' + (n / 10) as u8, b'0' + (n % 10) as u8]);
            return;
        }
        let mut digits = [0u8; 5];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[i..]);
    }

    /// One SGR parameter, `;`-separated from the one before.
    fn param(&mut self, n: u16) {
        if self.0.last() != Some(&b'[') {
            self.0.push(b';');
        }
        self.num(n);
    }
}

/// Modifiers that their own SGR parameter turns off, in the order crossterm's backend sends
/// them: italic, underline, crossed out, hidden.
const OFF: [(Modifier, u16); 4] = [
    (Modifier::ITALIC, 23),
    (Modifier::UNDERLINED, 24),
    (Modifier::CROSSED_OUT, 29),
    (Modifier::HIDDEN, 28),
];

/// Modifiers and the SGR parameter that turns each on, in the order crossterm's backend
/// sends them.
const ON: [(Modifier, u16); 9] = [
    (Modifier::REVERSED, 7),
    (Modifier::BOLD, 1),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::DIM, 2),
    (Modifier::CROSSED_OUT, 9),
    (Modifier::HIDDEN, 8),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
];

/// The parameters that go from one set of modifiers to another. Bold and dim share one
/// "normal intensity" reset, after which those of them that stay are set again.
fn change_modifiers(seq: &mut Seq<'_>, from: Modifier, to: Modifier) {
    let removed = from - to;
    let mut added = to - from;
    if removed.contains(Modifier::REVERSED) {
        seq.param(27);
    }
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        seq.param(22);
        if to.contains(Modifier::DIM) {
            seq.param(2);
        }
        if to.contains(Modifier::BOLD) {
            seq.param(1);
        }
        added.remove(Modifier::BOLD | Modifier::DIM);
    }
    for (m, p) in OFF {
        if removed.contains(m) {
            seq.param(p);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        seq.param(25);
    }
    for (m, p) in ON {
        if added.contains(m) {
            seq.param(p);
        }
    }
}

/// Where a colour goes: foreground, background or underline.
#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// The SGR parameters for a colour. The bright colours 8 to 15 use their short forms (90–97,
/// 100–107), the same palette entries as `38;5;n`. Colours 0 to 7 keep `38;5;n`, as
/// crossterm sends them: the short forms 30–37 turn bright with bold on some terminals.
fn color(seq: &mut Seq<'_>, layer: Layer, c: Color) {
    let (reset, extended, bright) = match layer {
        Layer::Fg => (39, 38, Some(90)),
        Layer::Bg => (49, 48, Some(100)),
        Layer::Underline => (59, 58, None),
    };
    let index = match c {
        Color::Reset => return seq.param(reset),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
        Color::Rgb(r, g, b) => {
            seq.param(extended);
            seq.param(2);
            for v in [r, g, b] {
                seq.param(u16::from(v));
            }
            return;
        }
    };
    match bright {
        Some(base) if (8..16).contains(&index) => seq.param(base + u16::from(index) - 8),
        _ => {
            seq.param(extended);
            seq.param(5);
            seq.param(u16::from(index));
        }
    }
}

/// The text attributes the terminal is drawing with.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Change to `to` in one SGR sequence.
    fn change(&mut self, to: Pen, w: &mut Vec<u8>) {
        let mut seq = Seq(w);
        seq.push(b"\x1b[");
        if to.modifier != self.modifier {
            change_modifiers(&mut seq, self.modifier, to.modifier);
        }
        if to.fg != self.fg {
            color(&mut seq, Layer::Fg, to.fg);
        }
        if to.bg != self.bg {
            color(&mut seq, Layer::Bg, to.bg);
        }
        if to.underline != self.underline {
            color(&mut seq, Layer::Underline, to.underline);
        }
        seq.push(b"m");
        *self = to;
    }
}

/// How many digits `n` takes in decimal.
fn digits(n: u16) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

/// Move the cursor right by `n` (CUF; `n` > 0).
fn forward(seq: &mut Seq<'_>, n: u16) {
    seq.push(b"\x1b[");
    if n > 1 {
        seq.num(n);
    }
    seq.push(b"C");
}

/// The bytes of [`forward`] by `n`, none for 0.
fn forward_len(n: u16) -> usize {
    match n {
        0 => 0,
        1 => 3,
        _ => 3 + digits(n),
    }
}

/// Move the cursor from `from` (where it is, when that is certain) to `(x, y)` with the
/// shortest sequence: forward on the same row (CUF), carriage return and line feed to the
/// row below, or an absolute move (CUP).
fn move_to(w: &mut Vec<u8>, from: Option<(u16, u16)>, x: u16, y: u16) {
    let mut seq = Seq(w);
    let (row, col) = (y.saturating_add(1), x.saturating_add(1));
    let absolute = 4 + digits(row) + digits(col);
    match from {
        Some((cx, cy)) if cy == y && x > cx => forward(&mut seq, x - cx),
        // The row below is on the screen, so the line feed cannot scroll.
        Some((_, cy)) if cy.checked_add(1) == Some(y) && 2 + forward_len(x) < absolute => {
            seq.push(b"\r\n");
            if x > 0 {
                forward(&mut seq, x);
            }
        }
        _ => {
            seq.push(b"\x1b[");
            seq.num(row);
            seq.push(b";");
            seq.num(col);
            seq.push(b"H");
        }
    }
}

/// A scan for the cells that change when a buffer is drawn on a blank screen, as
/// `Buffer::diff` from a blank buffer finds them, without comparing each cell with a blank
/// one: for the first frame, that comparison took 0.91 M of the 5.75 M instructions the
/// dashboard ran up to it. The scan can stop at a row and go on later, so that the rows
/// above can be sent while those below are still being drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct BlankScan {
    /// The next cell to look at.
    i: usize,
    /// Pending trailing cells of a wide emoji with VS16: (next index, end).
    trailing: Option<(usize, usize)>,
    /// The row of the last cell found and where it starts: cells come in order, so finding
    /// a cell's row takes no division.
    row: usize,
    row_start: usize,
}

impl BlankScan {
    /// The changed cells of `buf`, from where the scan is to the end of the row above `end`; the scan looks at no cell of the rows from `end` on, which may be
    /// drawn on before it goes on.
    pub fn cells<'s, 'b>(
        &'s mut self,
        buf: &'b Buffer,
        end: u16,
    ) -> impl Iterator<Item = (u16, u16, &'b Cell)> + use<'s, 'b> {
        let rows = usize::from(end.saturating_sub(buf.area.y));
        let limit = rows.saturating_mul(usize::from(buf.area.width));
        let mut last = ("", 0);
        std::iter::from_fn(move || self.step(buf, limit, &mut last))
    }

    #[inline]
    fn pos(&mut self, i: usize, area: Rect) -> (u16, u16) {
        let width = usize::from(area.width.max(1));
        while i >= self.row_start + width {
            self.row_start += width;
            self.row += 1;
        }
        let x = i - self.row_start + usize::from(area.x);
        let y = self.row + usize::from(area.y);
        (x as u16, y as u16)
    }

    /// The next cell found before index `limit`. `last`: the last multi-byte symbol and its
    /// width; borders and rules repeat one symbol, and measuring it each time was a fifth of
    /// the encoding (0.22 M of 1.05 M instructions).
    #[inline]
    fn step<'a>(
        &mut self,
        buf: &'a Buffer,
        limit: usize,
        last: &mut (&'a str, u16),
    ) -> Option<(u16, u16, &'a Cell)> {
        let cells = buf.content();
        if let Some((next, end)) = self.trailing.as_mut() {
            while *next < *end {
                if *next >= limit {
                    return None;
                }
                let j = *next;
                *next += usize::from(cells[j].cell_width().max(1));
                *end = (*end).max(*next).min(cells.len());
                if !is_skip(&cells[j]) && cells[j].symbol() != " " {
                    return Some(self.found(j, buf));
                }
            }
            self.i = *end;
            self.trailing = None;
        }
        while self.i < cells.len().min(limit) {
            let at = self.i;
            let cell = &cells[at];
            self.i += 1;
            match cell.diff_option {
                CellDiffOption::Skip => continue,
                _ if is_skip(cell) => continue,
                CellDiffOption::ForcedWidth(w) => {
                    self.i = self
                        .i
                        .saturating_add(usize::from(w.get().saturating_sub(1)));
                    if *cell != Cell::EMPTY {
                        return Some(self.found(at, buf));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let symbol = cell.symbol();
                    let blank = symbol == " "
                        && cell.fg == Color::Reset
                        && cell.bg == Color::Reset
                        && cell.underline_color == Color::Reset
                        && cell.modifier.is_empty();
                    if blank && cell.diff_option == CellDiffOption::None {
                        continue;
                    }
                    let w = if symbol.len() == 1 {
                        1
                    } else if symbol == last.0 {
                        last.1
                    } else {
                        *last = (symbol, cell.cell_width());
                        last.1
                    };
                    let w = usize::from(w);
                    if w > 1 && symbol.contains('\u{FE0F}') {
                        self.trailing = Some((at + 1, (at + w).min(cells.len())));
                    } else if w > 1 {
                        self.i += w - 1;
                    }
                    return Some(self.found(at, buf));
                }
            }
        }
        None
    }

    #[inline]
    fn found<'a>(&mut self, i: usize, buf: &'a Buffer) -> (u16, u16, &'a Cell) {
        let (x, y) = self.pos(i, buf.area);
        (x, y, &buf.content()[i])
    }
}

/// Cells that the diff passes over (ratatui's rule).
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

impl<W: Write> Backend for TermBackend<W> {
    type Error = io::Error;

    /// Each changed cell, with as few bytes as the terminal needs: a style change is one SGR
    /// sequence with only what changed, and a gap is a relative move where that is shorter.
    /// Relative moves follow ASCII text only, whose width every terminal agrees on; after
    /// anything else the move is absolute, as crossterm's backend does for every gap.
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = &mut self.frame;
        w.clear();
        let mut pen = Pen::RESET;
        // Where the cursor is after the last cell, and whether that cell was ASCII.
        let mut cursor: Option<(u16, u16)> = None;
        let mut certain = false;
        for (x, y, cell) in content {
            // Cells right after the previous one need no cursor move.
            if cursor != Some((x, y)) {
                move_to(w, cursor.filter(|_| certain), x, y);
            }
            let to = Pen::of(cell);
            if to != pen {
                pen.change(to, w);
            }
            let symbol = cell.symbol();
            match symbol.as_bytes() {
                // Most cells: one byte, without a call to copy it.
                &[b] => w.push(b),
                bytes => w.extend_from_slice(bytes),
            }
            cursor = x.checked_add(1).map(|nx| (nx, y));
            certain = symbol.len() == 1;
        }
        if pen != Pen::RESET {
            w.extend_from_slice(b"\x1b[0m");
        }
        // Crossterm's backend writes through to its writer.
        self.inner.write_all(&self.frame)
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
    use std::collections::HashMap;

    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use unicode_width::UnicodeWidthStr;

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
    fn both(prev: &Buffer, next: &Buffer) -> (Vec<u8>, Vec<u8>) {
        let (a, b) = (Shared::default(), Shared::default());
        draw_with(&mut TermBackend::new(a.clone()), prev, next);
        draw_with(&mut CrosstermBackend::new(b.clone()), prev, next);
        let bytes = |s: Shared| s.0.borrow().clone();
        (bytes(a), bytes(b))
    }

    /// What crossterm's backend writes to draw `buf` on a blank screen.
    fn crossterm_full(buf: &Buffer) -> Vec<u8> {
        both(&Buffer::empty(buf.area), buf).1
    }

    /// A terminal model that keeps every attribute the backends send (vt100, below, knows
    /// no blink, hidden, crossed-out or underline colour): the text written at each
    /// position, with the attributes it was written with, and the attributes at the end.
    #[derive(Debug, Default, PartialEq)]
    struct Model {
        cells: HashMap<(u16, u16), (String, Attrs)>,
        pen: Attrs,
        cursor: (u16, u16),
    }

    #[derive(Debug, Default, Clone, Copy, PartialEq)]
    struct Attrs {
        on: [bool; 10],
        fg: Option<(u16, [u16; 3])>,
        bg: Option<(u16, [u16; 3])>,
        underline: Option<(u16, [u16; 3])>,
    }

    impl Model {
        fn feed(&mut self, bytes: &[u8]) {
            let text = std::str::from_utf8(bytes).unwrap();
            let mut rest = text;
            while !rest.is_empty() {
                if let Some(seq) = rest.strip_prefix("\x1b[") {
                    let end = seq.find(|c: char| c.is_ascii_alphabetic()).unwrap();
                    let (params, fin) = (&seq[..end], &seq[end..=end]);
                    self.csi(params, fin);
                    rest = &seq[end + 1..];
                } else if let Some(r) = rest.strip_prefix('\r') {
                    self.cursor.0 = 0;
                    rest = r;
                } else if let Some(r) = rest.strip_prefix('\n') {
                    self.cursor.1 += 1;
                    rest = r;
                } else {
                    // One cell's text: a char and any zero-width ones after it.
                    let mut end = rest.chars().next().unwrap().len_utf8();
                    while let Some(c) = rest[end..].chars().next() {
                        if c == '\x1b' || c.to_string().width() > 0 {
                            break;
                        }
                        end += c.len_utf8();
                    }
                    let sym = &rest[..end];
                    self.cells.insert(self.cursor, (sym.to_string(), self.pen));
                    self.cursor.0 += sym.width().max(1) as u16;
                    rest = &rest[end..];
                }
            }
        }

        fn csi(&mut self, params: &str, fin: &str) {
            let nums: Vec<u16> = params
                .split(';')
                .filter(|p| !p.is_empty() && !p.starts_with('?'))
                .map(|p| p.parse().unwrap())
                .collect();
            match fin {
                "H" => self.cursor = (nums[1] - 1, nums[0] - 1),
                "C" => self.cursor.0 += nums.first().copied().unwrap_or(1),
                "m" => self.sgr(&nums),
                _ => {}
            }
        }

        fn sgr(&mut self, p: &[u16]) {
            let mut i = 0;
            let p = if p.is_empty() { &[0][..] } else { p };
            while i < p.len() {
                let a = &mut self.pen;
                let color = |i: &mut usize| -> Option<(u16, [u16; 3])> {
                    if p[*i + 1] == 5 {
                        *i += 2;
                        Some((p[*i], [0; 3]))
                    } else {
                        *i += 4;
                        Some((256, [p[*i - 2], p[*i - 1], p[*i]]))
                    }
                };
                match p[i] {
                    0 => *a = Attrs::default(),
                    n @ 1..=9 => a.on[usize::from(n)] = true,
                    22 => (a.on[1], a.on[2]) = (false, false),
                    23 => a.on[3] = false,
                    24 => a.on[4] = false,
                    25 => (a.on[5], a.on[6]) = (false, false),
                    27 => a.on[7] = false,
                    28 => a.on[8] = false,
                    29 => a.on[9] = false,
                    38 => a.fg = color(&mut i),
                    39 => a.fg = None,
                    48 => a.bg = color(&mut i),
                    49 => a.bg = None,
                    58 => a.underline = color(&mut i),
                    59 => a.underline = None,
                    n @ 90..=97 => a.fg = Some((n - 90 + 8, [0; 3])),
                    n @ 100..=107 => a.bg = Some((n - 100 + 8, [0; 3])),
                    n => panic!("unexpected SGR parameter {n}"),
                }
                i += 1;
            }
        }
    }

    /// The screen after `setup` and then `update`, as vt100 sees it.
    fn vt100_screen(area: Rect, setup: &[u8], update: &[u8]) -> vt100::Parser {
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut p = vt100::Parser::new(nz(area.height), nz(area.width), 0);
        p.process(setup);
        p.process(update);
        p
    }

    fn cells_of(p: &vt100::Parser, area: Rect) -> Vec<String> {
        let s = p.screen();
        let mut out = Vec::new();
        for row in 0..area.height {
            for col in 0..area.width {
                let c = s.cell(row, col).unwrap();
                out.push(format!(
                    "{row},{col} {:?} {:?}/{:?} b{} d{} i{} u{} r{}",
                    c.contents(),
                    c.fgcolor(),
                    c.bgcolor(),
                    c.bold(),
                    c.dim(),
                    c.italic(),
                    c.underline(),
                    c.inverse()
                ));
            }
        }
        out
    }

    const SYMBOLS: [&str; 8] = [" ", "a", "é", "─", "界", "🙂", "x", "?"];
    const COLORS: [Color; 8] = [
        Color::Reset,
        Color::Red,
        Color::Indexed(208),
        Color::Rgb(1, 2, 3),
        Color::DarkGray,
        Color::White,
        Color::Indexed(9),
        Color::LightCyan,
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

    /// Both backends' updates leave the same screen, for the model and for vt100, and ours
    /// never writes more.
    fn check_same_screen(prev: &Buffer, next: &Buffer) -> Result<(), TestCaseError> {
        let setup = crossterm_full(prev);
        let (ours, theirs) = both(prev, next);
        let (mut a, mut b) = (Model::default(), Model::default());
        for m in [&mut a, &mut b] {
            m.feed(&setup);
        }
        a.feed(&ours);
        b.feed(&theirs);
        // Cursor positions differ once the frame is done; the screens and pens may not.
        prop_assert_eq!(&a.cells, &b.cells);
        prop_assert_eq!(a.pen, b.pen);
        let area = prev.area;
        prop_assert_eq!(
            cells_of(&vt100_screen(area, &setup, &ours), area),
            cells_of(&vt100_screen(area, &setup, &theirs), area)
        );
        prop_assert!(ours.len() <= theirs.len());
        Ok(())
    }

    proptest! {
        /// The same screen as crossterm's own backend, for any change between two frames:
        /// some cells edited, most kept (so that the update has gaps), or all redrawn.
        #[test]
        fn draws_what_crossterm_draws(
            w in 1u16..12,
            h in 1u16..5,
            before in proptest::collection::vec(cell_strategy(), 0..60),
            edits in proptest::collection::vec((0usize..60, cell_strategy()), 0..12),
            after in proptest::collection::vec(cell_strategy(), 0..60),
        ) {
            let area = Rect::new(0, 0, w, h);
            let prev = buffer(area, &before);
            let mut edited = before.clone();
            for (i, cell) in edits {
                if let Some(c) = edited.get_mut(i) {
                    *c = cell;
                }
            }
            check_same_screen(&prev, &buffer(area, &edited))?;
            check_same_screen(&prev, &buffer(area, &after))?;
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
                check_same_screen(&prev, &next)
                    .unwrap_or_else(|e| panic!("{from:?} -> {to:?}: {e}"));
            }
        }
    }

    fn any_cell() -> impl Strategy<Value = (usize, usize, u8, bool)> {
        // Symbol, colour, diff option (0 none, 1 skip, 2 always, 3 forced 2), old skip flag.
        (
            0..BLANK_SYMBOLS.len(),
            0..COLORS.len(),
            0u8..4,
            proptest::bool::weighted(0.1),
        )
    }

    const BLANK_SYMBOLS: [&str; 10] = [
        " ",
        " ",
        " ",
        "a",
        "界",
        "🙂",
        "❤\u{fe0f}",
        "e\u{301}",
        "─",
        "",
    ];

    proptest! {
        /// A whole scan finds what ratatui's diff from a blank buffer finds, for any buffer:
        /// wide, emoji and zero-width symbols, skipped and forced cells included.
        #[test]
        fn on_blank_is_the_diff_from_a_blank_buffer(
            w in 1u16..10,
            h in 1u16..4,
            x in 0u16..3,
            y in 0u16..3,
            cells in proptest::collection::vec(any_cell(), 0..40),
        ) {
            let area = Rect::new(x, y, w, h);
            let mut buf = Buffer::empty(area);
            set_cells(&mut buf, &cells, 0);
            let theirs = Buffer::empty(area).diff(&buf);
            let ours = on_blank(&buf);
            prop_assert_eq!(ours, theirs);
        }

        /// A scan stopped at a row, and taken up again once the rows from there on are drawn,
        /// finds what one scan of the finished buffer finds.
        #[test]
        fn a_scan_stopped_at_a_row_goes_on_as_one_scan(
            w in 1u16..10,
            h in 1u16..5,
            x in 0u16..3,
            y in 0u16..3,
            split in 0u16..6,
            above in proptest::collection::vec(any_cell(), 0..50),
            below in proptest::collection::vec(any_cell(), 0..50),
        ) {
            let area = Rect::new(x, y, w, h);
            let split = (y + split).min(area.bottom());
            let first = usize::from(split - y) * usize::from(w);
            let mut buf = Buffer::empty(area);
            set_cells(&mut buf, &above[..above.len().min(first)], 0);
            let mut scan = BlankScan::default();
            let mut ours: Vec<(u16, u16, Cell)> =
                scan.cells(&buf, split).map(|(x, y, c)| (x, y, c.clone())).collect();
            set_cells(&mut buf, &below, first);
            ours.extend(scan.cells(&buf, u16::MAX).map(|(x, y, c)| (x, y, c.clone())));
            let theirs: Vec<(u16, u16, Cell)> =
                on_blank(&buf).into_iter().map(|(x, y, c)| (x, y, c.clone())).collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    /// One scan of the whole buffer.
    fn on_blank(buf: &Buffer) -> Vec<(u16, u16, &Cell)> {
        BlankScan::default().cells(buf, u16::MAX).collect()
    }

    /// Give the cells of `buf` from index `from` on the symbols, colours and diff options of
    /// `cells`.
    fn set_cells(buf: &mut Buffer, cells: &[(usize, usize, u8, bool)], from: usize) {
        for (i, &(s, c, opt, skip)) in cells.iter().enumerate() {
            let Some(cell) = buf.content.get_mut(from + i) else {
                break;
            };
            cell.set_symbol(BLANK_SYMBOLS[s]).set_fg(COLORS[c]);
            cell.diff_option = match opt {
                0 => CellDiffOption::None,
                1 => CellDiffOption::Skip,
                2 => CellDiffOption::AlwaysUpdate,
                _ => CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap()),
            };
            #[allow(deprecated)]
            {
                cell.skip = skip;
            }
        }
    }

    #[test]
    fn on_blank_finds_the_text_of_a_frame() {
        let area = Rect::new(0, 0, 8, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(1, 0, "a界b", Style::default());
        buf.set_string(0, 1, " ", Style::default().bg(Color::Blue));
        let found: Vec<_> = on_blank(&buf)
            .into_iter()
            .map(|(x, y, c)| (x, y, c.symbol()))
            .collect();
        assert_eq!(found, [(1, 0, "a"), (2, 0, "界"), (4, 0, "b"), (0, 1, " ")]);
    }

    /// What the compact forms look like: one SGR sequence per change, the short codes for
    /// bright colours, relative moves after ASCII, absolute ones after anything else.
    #[test]
    fn writes_short_sequences() {
        let area = Rect::new(0, 0, 20, 3);
        let mut next = Buffer::empty(area);
        let grey = Style::default().fg(Color::DarkGray).bg(Color::Indexed(4));
        next.set_string(0, 0, "ab", grey.add_modifier(Modifier::BOLD));
        next.set_string(5, 0, "c", Style::default().fg(Color::Cyan));
        next.set_string(1, 1, "d", Style::default());
        next.set_string(3, 1, "─", Style::default());
        next.set_string(6, 1, "e", Style::default());
        let (ours, _) = both(&Buffer::empty(area), &next);
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            "\x1b[1;1H\x1b[1;90;48;5;4mab\x1b[3C\x1b[22;38;5;6;49mc\r\n\x1b[C\x1b[39md\x1b[C─\x1b[2;7He"
        );
        check_same_screen(&Buffer::empty(area), &next).unwrap();
    }
}
