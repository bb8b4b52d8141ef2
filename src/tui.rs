//! The terminal: set-up, the event loop, and giving the terminal back as it was found on
//! quit, on error and on panic.

use std::io::{self, BufWriter, Stdout, Write};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App};
use crate::{keymap, ui};

/// One write per frame: crossterm queues every command as a separate write otherwise.
pub type Backend = CrosstermBackend<BufWriter<Stdout>>;

const OUTPUT_BUFFER: usize = 64 * 1024;

/// Put the terminal in dashboard mode.
fn enter(mouse: bool) -> io::Result<Terminal<Backend>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        OUTPUT_BUFFER,
        io::stdout(),
    )))
}

/// Give the terminal back: raw mode off, main screen, mouse and paste modes off, cursor
/// visible. Safe to call more than once, and from the panic hook.
pub fn restore() {
    let mut out = io::stdout();
    // Each step is attempted even if an earlier one failed.
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restore the terminal before the default panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Run the dashboard until the user quits.
pub fn run(app: &mut App, mouse: bool) -> io::Result<()> {
    install_panic_hook();
    let result = enter(mouse).and_then(|mut terminal| {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        event_loop(&mut terminal, app)
    });
    restore();
    result
}

/// Sleep until an event arrives (no work while idle), apply it and everything queued behind
/// it (a paste, key repeat), then draw once if anything changed.
fn event_loop(terminal: &mut Terminal<Backend>, app: &mut App) -> io::Result<()> {
    terminal.draw(|f| ui::draw(f, app))?;
    while app.running {
        let mut changed = apply(app, &event::read()?);
        while app.running && event::poll(Duration::ZERO)? {
            changed |= apply(app, &event::read()?);
        }
        if !app.running {
            break;
        }
        if app.full_redraw {
            app.full_redraw = false;
            terminal.clear()?;
            changed = true;
        }
        if changed {
            terminal.draw(|f| ui::draw(f, app))?;
        }
    }
    Ok(())
}

fn apply(app: &mut App, ev: &event::Event) -> bool {
    keymap::event_action(app, ev).is_some_and(|a| app.update(a))
}
