//! A `Write` that counts bytes and write calls and discards the data: put it behind a
//! `BufWriter` and the dashboard's backend to measure what a frame costs the terminal.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct Counter {
    pub bytes: Rc<Cell<usize>>,
    pub writes: Rc<Cell<usize>>,
}

impl Counter {
    pub fn take(&self) -> (usize, usize) {
        (self.bytes.replace(0), self.writes.replace(0))
    }
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.set(self.bytes.get() + buf.len());
        self.writes.set(self.writes.get() + 1);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

use aifactories::app::App;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

pub type CountingTerminal = Terminal<CrosstermBackend<io::BufWriter<Counter>>>;

/// A terminal of the app's size writing into a counter through a 64 KiB buffer, as the real
/// one does; no tty needed.
pub fn counting_terminal(app: &App, counter: &Counter) -> CountingTerminal {
    Terminal::with_options(
        CrosstermBackend::new(io::BufWriter::with_capacity(64 * 1024, counter.clone())),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, app.size().0, app.size().1)),
        },
    )
    .unwrap()
}
