//! The bare ratatui program of the performance anchors (§8.4 of perf-anchors.md): enter the
//! terminal, draw one frame with a bordered "hello" paragraph, give the terminal back. It is
//! the floor that `benches/startup.sh` compares the dashboard's start-up with.
//!
//! `cargo build --release --example bare && target/release/examples/bare`

use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    // Raw mode, alternate screen and a panic hook that restores the terminal.
    let mut terminal = ratatui::init();
    let result = terminal
        .draw(|f| {
            f.render_widget(
                Paragraph::new("hello").block(Block::bordered().title("minimal")),
                f.area(),
            )
        })
        .map(|_| ());
    ratatui::restore();
    result
}
