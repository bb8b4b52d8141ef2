//! The terminal: set-up, the event loop, and giving the terminal back as it was found on
//! quit, on error, on panic, on SIGTERM/SIGHUP/SIGINT, and around a suspend (Ctrl-Z).
//!
//! Events come from two threads into one channel: a reader of terminal events and a
//! listener for signals. The loop sleeps on the channel, so it does no work while idle.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyboardEnhancementFlags, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use crate::action::Opened;
use crate::app::{Action, App, Effects, Standing};
use crate::changes::{Seen, seen};
use crate::data::LoadError;
use crate::i18n::Msg as Text;
use crate::keymap::{self, Keymap};
use crate::layout::Pane;
use crate::search::{SearchRequest, SearchResult};
use crate::ui;

/// Ratatui's crossterm backend over a buffer, so that a frame goes out in one write
/// (crossterm writes every command on its own otherwise).
pub type Backend = CrosstermBackend<BufWriter<Stdout>>;

const OUTPUT_BUFFER: usize = 64 * 1024;

/// How the dashboard runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Capture the mouse (clicks and wheel); off leaves text selection to the terminal.
    pub mouse: bool,
    /// Draw the first frame and return: for start-up measurements.
    pub exit_after_first_frame: bool,
}

/// "What's new": the state file (none with `--no-state`) and the fingerprints of the data
/// shown, kept to be written when the user has seen the changes.
pub struct StateFile {
    path: Option<std::path::PathBuf>,
    /// What to write: the data shown, fingerprinted (made when first needed).
    current: Option<Seen>,
    /// The file is about other data: read it whole after the first frame.
    other: bool,
    /// The file's record of a data other than this one, to compare after the first frame.
    pending: Option<Seen>,
    /// Write it after the first frame, without being asked (a first look, or a change that
    /// is no change to the user, such as a later `as_of` alone).
    write_soon: bool,
    /// Not `--no-state`.
    wanted: bool,
}

impl StateFile {
    /// `--no-state`: nothing read, nothing written.
    pub fn off() -> StateFile {
        StateFile {
            path: None,
            current: None,
            other: false,
            pending: None,
            write_soon: false,
            wanted: false,
        }
    }

    /// The file at `path` (normally [`crate::state::default_path`]); `None` when there is no
    /// place for it (neither `XDG_STATE_HOME` nor `HOME`).
    pub fn at(path: Option<std::path::PathBuf>) -> StateFile {
        StateFile {
            path,
            current: None,
            other: false,
            pending: None,
            write_soon: false,
            wanted: true,
        }
    }

    /// Read the file, and tell the app if it is about this very data (the usual case, told by
    /// one fingerprint of the whole data and the file's first lines) or missing or unreadable;
    /// true when that shows. A file about other data is compared record by record in
    /// [`StateFile::settle`]. The loop does both right after the first frame.
    pub fn check(&mut self, app: &mut App) -> bool {
        let Some(path) = &self.path else {
            if self.wanted {
                app.set_whats_new(Standing::Unreadable {
                    path: "$XDG_STATE_HOME".to_string(),
                    why: "neither XDG_STATE_HOME nor HOME is set".to_string(),
                });
            }
            return false;
        };
        let fp = seen::data_fingerprint(&app.cat().data);
        let lang = app.lang();
        match crate::state::peek(path, fp) {
            crate::state::Loaded::Missing => {
                app.set_whats_new(Standing::FirstLook);
                app.notify(Text::StateFirstLook.text(lang).to_string());
                self.write_soon = true;
                true
            }
            crate::state::Loaded::Same(as_of) => {
                app.set_whats_new(Standing::Unchanged(as_of));
                false
            }
            crate::state::Loaded::Unreadable(why) => {
                let path = path.display().to_string();
                app.notify(Text::StateUnreadable.fill(lang, &[&path, &why]));
                app.set_whats_new(Standing::Unreadable { path, why });
                // Left as it is: nothing is written this run.
                true
            }
            crate::state::Loaded::Read(old) => {
                self.pending = Some(old);
                false
            }
            crate::state::Loaded::Other => {
                self.other = true;
                false
            }
        }
    }

    /// After the first frame: compare a file about other data record by record, and write
    /// what must be written without asking (a first look; a change that is none to the user,
    /// such as records reordered). True when the app has something new to draw.
    pub fn settle(&mut self, app: &mut App) -> bool {
        let mut redraw = false;
        if std::mem::take(&mut self.other)
            && let Some(path) = &self.path
        {
            match crate::state::load(path, None) {
                crate::state::Loaded::Read(old) => self.pending = Some(old),
                crate::state::Loaded::Unreadable(why) => {
                    let path = path.display().to_string();
                    app.notify(Text::StateUnreadable.fill(app.lang(), &[&path, &why]));
                    app.set_whats_new(Standing::Unreadable { path, why });
                    return true;
                }
                // Gone or emptied meanwhile (another dashboard does not do that): a first look.
                _ => {
                    app.set_whats_new(Standing::FirstLook);
                    self.write_soon = true;
                }
            }
        }
        if let Some(old) = self.pending.take() {
            let current = Seen::of(&app.cat().data);
            let d = seen::compare(&old, &current);
            if d.is_empty() {
                app.set_whats_new(Standing::Unchanged(old.as_of));
                // Not the same file all the same: kept up, so the next start is quick.
                self.write_soon = true;
            } else {
                app.set_whats_new(Standing::Changed(d));
                redraw = true;
            }
            self.current = Some(current);
        }
        if self.write_soon {
            // Only a failure shows.
            redraw |= !self.remember(app);
        }
        redraw
    }

    /// Write the data shown as seen, if there is a file to write; a failure is a notice (and
    /// false).
    pub fn remember(&mut self, app: &mut App) -> bool {
        self.write_soon = false;
        // Nothing is written over a file that could not be read.
        if matches!(app.whatsnew().standing(), Standing::Unreadable { .. }) {
            return true;
        }
        let Some(path) = &self.path else {
            return true;
        };
        let current = self
            .current
            .get_or_insert_with(|| Seen::of(&app.cat().data));
        if let Err(e) = crate::state::save(path, current) {
            app.notify(Text::StateNotSaved.fill(app.lang(), &[&e.to_string()]));
            return false;
        }
        true
    }
}

/// What wakes the loop.
enum Msg {
    Term(Event),
    Signal(i32),
    /// The terminal reader failed: nothing more will come.
    Closed(io::Error),
    /// The data finished loading (or failed to).
    Loaded(Box<Loaded>),
    /// The search worker answered a query.
    Searched(Box<SearchResult>),
}

/// A loaded app, with the state file it was compared with; or why it did not load.
type Loaded = Result<(App, StateFile), LoadError>;

/// How long a load may take before a "loading" screen is worth showing: less would only
/// flash.
const LOADING_SCREEN_AFTER: std::time::Duration = std::time::Duration::from_millis(40);

/// The process ends next: the OS takes the memory back at once, where freeing the app's many
/// small allocations one by one would delay the exit (a tenth of the instructions of a run
/// that quits after its first frame).
fn leave(app: App) {
    std::mem::forget(app);
}

/// Whether the keyboard mode `enter` pushed is still to be popped.
static KEYBOARD_PUSHED: AtomicBool = AtomicBool::new(false);

/// Put the terminal in dashboard mode, in one write.
fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    let mut seq = Vec::with_capacity(64);
    queue!(
        seq,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    // Esc, unambiguous: in the legacy encoding two Esc presses read together (ESC ESC) are
    // one Esc to crossterm, as they are Alt-Esc to some terminals. Terminals that know the
    // kitty keyboard protocol then send each as CSI 27 u; the others ignore the request.
    // Pushed on the alternate screen's stack of modes (each screen has its own), so popped
    // before leaving it.
    #[cfg(unix)]
    {
        queue!(
            seq,
            PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
        )?;
        KEYBOARD_PUSHED.store(true, Ordering::SeqCst);
    }
    if mouse {
        queue!(seq, EnableMouseCapture)?;
    }
    let mut out = io::stdout().lock();
    out.write_all(&seq)?;
    out.flush()
}

/// Give the terminal back: raw mode off, main screen, mouse and paste modes off, cursor
/// visible, in one write. Safe to call more than once, from the panic hook and from the
/// signal thread.
pub fn restore() {
    let mut seq = Vec::with_capacity(64);
    // Queuing into memory cannot fail; each step is there even if the terminal ignores one.
    let _ = queue!(seq, EndSynchronizedUpdate);
    // Once only: a second pop would take a mode the shell set on the main screen.
    if KEYBOARD_PUSHED.swap(false, Ordering::SeqCst) {
        let _ = queue!(seq, PopKeyboardEnhancementFlags);
    }
    let _ = queue!(
        seq,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let mut out = io::stdout();
    let _ = out.write_all(&seq);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// End the process on a signal (SIGTERM, SIGHUP, SIGINT): the terminal given back, with the
/// conventional status.
fn die(sig: i32) -> ! {
    restore();
    std::process::exit(128 + sig)
}

/// Restore the terminal before the default panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn spawn_terminal_reader(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Msg::Term(ev),
                Err(e) => Msg::Closed(e),
            };
            let closed = matches!(msg, Msg::Closed(_));
            if tx.send(msg).is_err() || closed {
                break;
            }
        }
    });
}

fn spawn_signal_listener(mut signals: signal_hook::iterator::Signals, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Msg::Signal(sig)).is_err() {
                // The loop is gone (quitting): end the process cleanly anyway.
                die(sig);
            }
        }
    });
}

/// Where the app comes from.
pub enum Start {
    /// Built already (from the embedded data, which decodes in a fraction of a millisecond).
    Ready(Box<App>),
    /// Built on another thread while the terminal says it is loading `label`, so that a large
    /// `--data` file never leaves a blank screen.
    Load {
        load: Box<dyn FnOnce() -> Result<App, LoadError> + Send>,
        label: String,
        /// The keys in effect, so that the quit and back keys cancel the load.
        keymap: Keymap,
    },
}

/// Run the dashboard until the user quits (or a signal ends it). A load error is returned
/// after the terminal is restored. The app is not freed: this is the last thing the process
/// does.
///
/// With the app ready, nothing but the terminal set-up and one buffer stand before the first
/// frame: the terminal's own buffers are made, the threads (terminal reader, signal listener,
/// search worker) start and the search index is built right after it. Signals are caught
/// from the start and handled once the listener runs; keys typed meanwhile wait in the
/// terminal.
pub fn run(
    start: Start,
    opts: RunOptions,
    mut state: StateFile,
) -> io::Result<Result<(), LoadError>> {
    install_panic_hook();
    let signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP])?;
    let (tx, rx) = mpsc::channel();
    let mut threads = Some((signals, tx.clone()));
    let mut start_threads = || {
        if let Some((signals, tx)) = threads.take() {
            spawn_signal_listener(signals, tx.clone());
            spawn_terminal_reader(tx);
        }
    };
    let result = enter(opts.mouse).and_then(|()| {
        let backend = CrosstermBackend::new(BufWriter::with_capacity(OUTPUT_BUFFER, io::stdout()));
        let mut terminal = Terminal::new(backend)?;
        let (mut app, settled) = match start {
            Start::Ready(app) => (*app, false),
            Start::Load {
                load,
                label,
                keymap,
            } => {
                let loader_tx = tx.clone();
                let mut st = std::mem::replace(&mut state, StateFile::off());
                std::thread::spawn(move || {
                    // A large dataset is compared with the state file here, while the loading
                    // screen shows, rather than after the first frame, where it would hold up
                    // the first keys.
                    let loaded = load().map(|mut app| {
                        st.check(&mut app);
                        st.settle(&mut app);
                        (app, st)
                    });
                    let _ = loader_tx.send(Msg::Loaded(Box::new(loaded)));
                });
                start_threads();
                let Some(loaded) = wait_for_load(&mut terminal, &rx, &label, &keymap)? else {
                    return Ok(Ok(()));
                };
                match *loaded {
                    Ok((app, st)) => {
                        state = st;
                        (app, true)
                    }
                    Err(e) => return Ok(Err(e)),
                }
            }
        };
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        // Drawn over the loading screen (if it showed): a diff against it.
        draw(&mut terminal, &mut app)?;
        if opts.exit_after_first_frame {
            leave(app);
            return Ok(Ok(()));
        }
        start_threads();
        // What's new, after the first frame, which it would otherwise delay: drawn again
        // only if there is something to show (the usual unchanged data has nothing).
        if !settled {
            let noticed = state.check(&mut app);
            if state.settle(&mut app) || noticed {
                draw(&mut terminal, &mut app)?;
            }
        }
        app.prepare_search();
        let search = app
            .background_search()
            .then(|| spawn_search_worker(&mut app, tx.clone()));
        let outcome = event_loop(
            &mut terminal,
            &mut app,
            &rx,
            search.as_ref(),
            opts,
            &mut state,
        );
        leave(app);
        outcome.map(Ok)
    });
    restore();
    result
}

/// Wait for the data, showing a loading screen if it takes a while. `None` when the user
/// pressed a key that quits or goes back (from the list: q, Esc, Ctrl-C by default) before it
/// was ready.
fn wait_for_load(
    terminal: &mut Terminal<Backend>,
    rx: &Receiver<Msg>,
    label: &str,
    keymap: &Keymap,
) -> io::Result<Option<Box<Loaded>>> {
    // The keys are read as on the list, the pane the dashboard starts on.
    let cancel = keymap::active_scopes(false, Pane::List)
        .into_iter()
        .flat_map(|s| keymap.in_scope(s))
        .find(|b| b.def.action == Action::Quit)
        .map(|b| b.keys_label());
    let mut shown = false;
    loop {
        let msg = if shown {
            rx.recv().ok()
        } else {
            match rx.recv_timeout(LOADING_SCREEN_AFTER) {
                Ok(m) => Some(m),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    shown = true;
                    terminal.draw(|f| ui::draw_loading(f, label, cancel))?;
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            }
        };
        match msg {
            None => return Ok(None),
            Some(Msg::Loaded(app)) => return Ok(Some(app)),
            Some(Msg::Closed(e)) => return Err(e),
            Some(Msg::Signal(SIGTSTP)) => {}
            Some(Msg::Signal(sig)) => die(sig),
            Some(Msg::Term(Event::Key(k))) => {
                let action = keymap.key_action(Pane::List, false, &k);
                if matches!(action, Some(Action::Quit | Action::Back)) {
                    return Ok(None);
                }
            }
            Some(Msg::Term(Event::Resize(..))) if shown => {
                terminal.draw(|f| ui::draw_loading(f, label, cancel))?;
            }
            Some(Msg::Term(_) | Msg::Searched(_)) => {}
        }
    }
}

/// Draw one frame inside a synchronized update, so that terminals that support it show it
/// at once, never half drawn; then tell the app how far its panes can scroll.
fn draw(terminal: &mut Terminal<Backend>, app: &mut App) -> io::Result<()> {
    debug_panic("draw");
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let mut geometry = None;
    terminal.draw(|f| geometry = Some(ui::render_links(f, app, true)))?;
    end_frame(terminal.backend_mut())?;
    if let Some(g) = geometry {
        app.update(Action::Drawn(Box::new(g)));
    }
    Ok(())
}

/// The end of a frame: the end of the synchronized update and the flush that sends it.
fn end_frame(w: &mut Backend) -> io::Result<()> {
    queue!(w, EndSynchronizedUpdate)?;
    w.flush()
}

/// Open a URL in the browser, honouring `$BROWSER` (the `webbrowser` crate reads it first).
/// Over SSH without `$BROWSER`, a browser would start on the remote machine, out of sight.
fn open_url(url: &str) -> Opened {
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if !set("BROWSER") && (set("SSH_CONNECTION") || set("SSH_TTY") || set("SSH_CLIENT")) {
        return Opened::OverSsh;
    }
    match webbrowser::open(url) {
        Ok(()) => Opened::Started,
        Err(_) => Opened::Failed,
    }
}

/// The OSC 52 sequence that puts text on the clipboard of the terminal, also over SSH.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{b64}\x07")
}

/// Sleep until something arrives, apply it and everything queued behind it (a paste, key
/// repeat), then carry out what the app asked for and draw once if anything changed.
fn event_loop(
    terminal: &mut Terminal<Backend>,
    app: &mut App,
    rx: &Receiver<Msg>,
    search: Option<&Sender<SearchRequest>>,
    opts: RunOptions,
    state: &mut StateFile,
) -> io::Result<()> {
    loop {
        let Ok(first) = rx.recv() else { break };
        let mut todo = Effects::default();
        let mut next = Some(first);
        while let Some(msg) = next {
            let effects = match msg {
                Msg::Term(ev) => apply(app, &ev),
                Msg::Closed(e) => return Err(e),
                Msg::Loaded(_) => Effects::default(),
                Msg::Searched(done) => app.update(Action::SearchDone(done)),
                Msg::Signal(SIGTSTP) => Effects {
                    suspend: true,
                    ..Effects::default()
                },
                // SIGTERM, SIGHUP, SIGINT.
                Msg::Signal(sig) => die(sig),
            };
            if effects.quit {
                return Ok(());
            }
            if effects.suspend {
                suspend(terminal, opts)?;
                todo.redraw = true;
            }
            if effects.remember {
                state.remember(app);
            }
            todo.redraw |= effects.redraw;
            todo.clear |= effects.clear;
            if let Some(text) = effects.copy {
                // OSC 52: the terminal puts it on the clipboard, also over SSH.
                write!(terminal.backend_mut(), "{}", osc52(&text))?;
            }
            if let Some(url) = effects.open {
                let how = open_url(&url);
                if how != Opened::Started {
                    write!(terminal.backend_mut(), "{}", osc52(&url))?;
                }
                todo.redraw |= app.update(Action::Opened(url, how)).redraw;
            }
            // Only the latest query matters: the worker drops those typed meanwhile too.
            todo.search = effects.search.or(todo.search);
            next = rx.try_recv().ok();
        }
        // The query line is drawn now; the results follow when the worker answers.
        if let (Some(req), Some(worker)) = (todo.search, search) {
            let _ = worker.send(req);
        }
        if todo.clear {
            clear(terminal)?;
        }
        if todo.redraw || todo.clear {
            draw(terminal, app)?;
        }
    }
    Ok(())
}

/// Ctrl-Z: give the shell a normal screen, stop, and come back with a full redraw on `fg`.
fn suspend(terminal: &mut Terminal<Backend>, opts: RunOptions) -> io::Result<()> {
    restore();
    // Stops the process here until SIGCONT.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enter(opts.mouse)?;
    clear(terminal)
}

/// Clear the screen and forget what is on it, so the next frame is drawn in full.
/// (`Terminal::clear` asks the terminal for the cursor position, an answer that the reader
/// thread would swallow; resizing to the current size clears without asking.)
fn clear(terminal: &mut Terminal<Backend>) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// The search worker: always answers the latest query, dropping those typed meanwhile.
fn spawn_search_worker(app: &mut App, tx: Sender<Msg>) -> Sender<SearchRequest> {
    let (req_tx, req_rx) = mpsc::channel::<SearchRequest>();
    let mut searcher = crate::search::Searcher::shared(app.searcher().shared_index());
    std::thread::spawn(move || {
        while let Ok(mut req) = req_rx.recv() {
            while let Ok(newer) = req_rx.try_recv() {
                req = newer;
            }
            if tx
                .send(Msg::Searched(Box::new(req.run(&mut searcher))))
                .is_err()
            {
                break;
            }
        }
    });
    req_tx
}

fn apply(app: &mut App, ev: &Event) -> Effects {
    let Some(action) = ui::input::event_action(app, ev) else {
        return Effects::default();
    };
    debug_panic("update");
    app.update(action)
}

/// `AIFACTORIES_DEBUG_PANIC=draw` or `=update` panics there, so that the end-to-end tests
/// can check that a panic leaves the terminal usable, in release builds as in debug ones.
fn debug_panic(stage: &str) {
    static WANTED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let wanted = WANTED.get_or_init(|| std::env::var("AIFACTORIES_DEBUG_PANIC").ok());
    if wanted.as_deref() == Some(stage) {
        panic!("debug panic in {stage} (AIFACTORIES_DEBUG_PANIC)");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_encodes_in_base64() {
        assert_eq!(super::osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
