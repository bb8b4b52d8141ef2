//! [`Surface`], what the panes draw on: a buffer, and where the terminal's cursor goes.
//!
//! It offers what the panes use of ratatui's `Frame`, which only a `Terminal` makes. The
//! dashboard draws its first frame into a buffer of its own, before the terminal's two
//! buffers exist: filling them, page by page, was one of the longer steps before it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{StatefulWidget, Widget};

pub struct Surface<'a> {
    buf: &'a mut Buffer,
    cursor: Option<Position>,
}

impl<'a> Surface<'a> {
    pub fn new(buf: &'a mut Buffer) -> Surface<'a> {
        Surface { buf, cursor: None }
    }

    /// The whole area drawn on.
    pub fn area(&self) -> Rect {
        self.buf.area
    }

    pub fn render_widget<W: Widget>(&mut self, widget: W, area: Rect) {
        widget.render(area, self.buf);
    }

    pub fn render_stateful_widget<W: StatefulWidget>(
        &mut self,
        widget: W,
        area: Rect,
        state: &mut W::State,
    ) {
        widget.render(area, self.buf, state);
    }

    pub fn buffer_mut(&mut self) -> &mut Buffer {
        self.buf
    }

    /// Show the terminal's cursor there after the frame (hidden otherwise).
    pub fn set_cursor_position<P: Into<Position>>(&mut self, position: P) {
        self.cursor = Some(position.into());
    }

    /// Where the cursor goes, if it shows.
    pub fn cursor(&self) -> Option<Position> {
        self.cursor
    }
}

/// Draw with `draw` on a terminal's frame, the cursor included.
pub fn on_frame(f: &mut Frame, draw: impl FnOnce(&mut Surface)) {
    let mut surface = Surface::new(f.buffer_mut());
    draw(&mut surface);
    if let Some(p) = surface.cursor() {
        f.set_cursor_position(p);
    }
}
