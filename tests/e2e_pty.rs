//! End to end: the real binary in a pseudo-terminal, read back through a terminal emulator.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Everything the program wrote, for checks on the raw stream.
    raw: Vec<u8>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Run `aifactories ARGS; echo EXIT=$?; stty -a` in a 120x40 pty, so that the shell reports
    /// the exit status and the terminal modes the program left behind.
    fn start(args: &str) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let bin = env!("CARGO_BIN_EXE_aifactories");
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(format!("'{bin}' {args}; echo EXIT=$?; stty -a; sleep 0.2"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("LANG", "C.UTF-8");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(
                std::num::NonZero::new(40).unwrap(),
                std::num::NonZero::new(120).unwrap(),
                0,
            ),
            rx,
            writer,
            child,
            raw: Vec::new(),
            _master: pair.master,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn wait_for(&mut self, what: &[&str]) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.parser.screen().contents();
            if what.iter().all(|w| screen.contains(w)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what:?}; screen:\n{screen}"
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn wait_raw(&mut self, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let raw = String::from_utf8_lossy(&self.raw).into_owned();
            if raw.contains(what) {
                return raw;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what:?}");
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn search_from_the_dashboard_then_quit_cleanly() {
    let mut s = Session::start("--today 2026-11-24");
    s.wait_for(&["Search", "Results"]);
    assert!(
        s.parser.screen().alternate_screen(),
        "the dashboard runs on the alternate screen"
    );
    s.send("/sante");
    s.wait_for(&["Pharos", "BSC AIF", "/ sante"]);
    s.send("q");
    // In the search box `q` is text; Esc leaves the box, then q quits.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send("q");
    let raw = s.wait_raw("EXIT=");
    let status = raw.split("EXIT=").nth(1).unwrap().chars().next().unwrap();
    assert_eq!(status, '0', "exit status");
    let screen = s.parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "cursor visible again");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse released"
    );
    assert!(!screen.bracketed_paste(), "bracketed paste off");
    // stty -a, printed by the shell after the program, shows canonical mode and echo back on.
    let raw = s.wait_raw("icanon");
    let stty = raw.rsplit("EXIT=").next().unwrap();
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "raw mode left on: {stty}"
    );
    assert!(
        stty.contains(" echo ") && !stty.contains("-echo "),
        "echo left off: {stty}"
    );
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut s = Session::start("--today 2026-11-24 --no-mouse");
    s.wait_for(&["Results"]);
    s.send("/hea");
    s.wait_for(&["/ hea"]);
    s.send("\x03");
    let raw = s.wait_raw("EXIT=");
    assert!(raw.contains("EXIT=0"));
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn without_a_terminal_the_dashboard_refuses_to_start() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aifactories"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a terminal"));
    assert!(out.stdout.is_empty(), "no escape sequences in a pipe");
}
