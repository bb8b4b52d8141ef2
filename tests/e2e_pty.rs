//! End to end: the real binary in a pseudo-terminal, read back through a terminal emulator.

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::io::Write;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use pty::process_state;

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
        Session::start_with(args, &[])
    }

    fn start_with(args: &str, env: &[(&str, &str)]) -> Session {
        let bin = env!("CARGO_BIN_EXE_aifactories");
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg("-c");
        cmd.arg(format!("'{bin}' {args}; echo EXIT=$?; stty -a; sleep 0.2"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let pty::Pty {
            parser,
            rx,
            writer,
            child,
            master,
        } = pty::spawn(cmd);
        Session {
            parser,
            rx,
            writer,
            child,
            raw: Vec::new(),
            _master: master,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    /// Read everything that arrives during `d`.
    fn drain(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while Instant::now() < end {
            self.pump(Duration::from_millis(10));
        }
    }

    fn wait_for(&mut self, what: &[&str]) {
        let deadline = Instant::now() + Duration::from_secs(60);
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
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let raw = String::from_utf8_lossy(&self.raw).into_owned();
            if raw.contains(what) {
                return raw;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what:?}");
            self.pump(Duration::from_millis(50));
        }
    }

    /// The pid of the dashboard: the shell's child.
    fn app_pid(&self) -> u32 {
        let sh = self.child.process_id().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let kids = std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children"))
                .unwrap_or_default();
            if let Some(pid) = kids.split_whitespace().next() {
                return pid.parse().unwrap();
            }
            assert!(Instant::now() < deadline, "no child process");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn exit_status(&mut self) -> String {
        let raw = self.wait_raw("EXIT=");
        let after = raw.rsplit("EXIT=").next().unwrap();
        after.chars().take_while(|c| c.is_ascii_digit()).collect()
    }

    /// The terminal is as the program found it: main screen, cursor shown, no mouse or
    /// paste mode, and (from `stty -a`, run by the shell afterwards) canonical mode and echo.
    fn assert_restored(&mut self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "back on the main screen");
        assert!(!screen.hide_cursor(), "cursor visible again");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse released"
        );
        assert!(!screen.bracketed_paste(), "bracketed paste off");
        let raw = self.wait_raw("icanon");
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
    // Wait for the search's answer (the count), not for names that the first frame's
    // timeline already shows: 1HealthAI is the first of the eleven health factories.
    s.wait_for(&["/ sante", "11 / 32", "1HealthAI", "BSC AIF"]);
    // In the search box `q` is text: it shows in the query and the dashboard stays.
    s.send("q");
    s.wait_for(&["/ santeq"]);
    assert!(
        s.parser.screen().alternate_screen(),
        "q typed into the search box quit the dashboard"
    );
    // Esc leaves the box, then q quits.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.send("q");
    assert_eq!(s.exit_status(), "0");
    s.assert_restored();
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

fn kill(sig: &str, pid: u32) {
    let ok = std::process::Command::new("kill")
        .args([format!("-{sig}"), pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{sig} {pid}");
}

#[test]
fn termination_signals_restore_the_terminal() {
    for (sig, code) in [("TERM", "143"), ("HUP", "129"), ("INT", "130")] {
        let mut s = Session::start("--today 2026-11-24");
        s.wait_for(&["Results"]);
        let pid = s.app_pid();
        kill(sig, pid);
        assert_eq!(s.exit_status(), code, "SIG{sig}");
        s.assert_restored();
    }
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let mut s = Session::start("--today 2026-11-24");
    s.wait_for(&["Results", "LUMI AIF"]);
    let pid = s.app_pid();
    s.send("\x1a");
    let deadline = Instant::now() + Duration::from_secs(10);
    while process_state(pid) != 'T' {
        assert!(Instant::now() < deadline, "not stopped");
        s.pump(Duration::from_millis(20));
    }
    // While stopped, the shell has a normal screen.
    s.drain(Duration::from_millis(300));
    let screen = s.parser.screen();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
    // `fg` sends SIGCONT: the dashboard takes the screen again and draws all of it.
    let before = s.raw.len();
    kill("CONT", pid);
    s.wait_for(&["Results", "LUMI AIF", "Timeline"]);
    assert!(s.parser.screen().alternate_screen());
    let redraw = String::from_utf8_lossy(&s.raw[before..]).into_owned();
    assert!(
        redraw.contains("\x1b[2J"),
        "the screen is cleared and redrawn"
    );
    s.send("q");
    assert_eq!(s.exit_status(), "0");
    s.assert_restored();
}

#[test]
fn ctrl_l_redraws_everything() {
    let mut s = Session::start("--today 2026-11-24");
    s.wait_for(&["Results", "LUMI AIF"]);
    let before = s.raw.len();
    s.send("\x0c");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !String::from_utf8_lossy(&s.raw[before..]).contains("\x1b[2J") {
        assert!(Instant::now() < deadline, "no clear after Ctrl-L");
        s.pump(Duration::from_millis(20));
    }
    s.wait_for(&["Results", "LUMI AIF", "Timeline"]);
    s.send("q");
    assert_eq!(s.exit_status(), "0");
}

#[test]
fn a_panic_leaves_the_terminal_usable_and_prints_after_restoring() {
    for stage in ["update", "draw"] {
        let mut s =
            Session::start_with("--today 2026-11-24", &[("AIFACTORIES_DEBUG_PANIC", stage)]);
        if stage == "update" {
            s.wait_for(&["Results"]);
            s.send("j");
        }
        assert_eq!(s.exit_status(), "101", "{stage}");
        s.assert_restored();
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        let msg = raw
            .find(&format!("debug panic in {stage}"))
            .expect("panic message");
        // The message comes after the screen was given back (leaving the alternate screen).
        let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
        assert!(
            left < msg,
            "{stage}: message printed before the terminal was restored"
        );
    }
}

#[test]
fn y_copies_the_source_url_through_osc52() {
    use base64::Engine;
    let cat = aifactories::data::Catalog::embedded().unwrap();
    let lumi = cat.factory("lumi-aif").unwrap();
    let url = &cat.source(&lumi.sources[0]).unwrap().url;
    let b64 = base64::engine::general_purpose::STANDARD.encode(url.as_bytes());
    let mut s = Session::start("--today 2026-11-24");
    s.wait_for(&["Results", "LUMI AIF"]);
    s.send("y");
    s.wait_raw(&format!("\x1b]52;c;{b64}\x07"));
    s.wait_for(&["copied:"]);
    s.send("q");
    assert_eq!(s.exit_status(), "0");
}

#[test]
fn a_large_data_file_loads_behind_a_loading_screen_and_searches_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let ds = aifactories::synth::dataset(5000, 3);
    let cat = aifactories::data::Catalog::from_dataset(ds, "synth").unwrap();
    let total = cat.factories().len() + cat.antennas().len();
    assert!(total >= aifactories::app::BACKGROUND_SEARCH_FROM);
    std::fs::write(&path, cat.to_ron_compact()).unwrap();
    let mut s = Session::start(&format!("--today 2026-11-24 --data '{}'", path.display()));
    s.wait_for(&["loading", "big.ron"]);
    s.wait_for(&["Results", &format!("{total} / {total}")]);
    // The dashboard is drawn over the loading screen, none of which is left.
    s.drain(Duration::from_millis(200));
    let screen = s.parser.screen().contents();
    assert!(
        !screen.contains("aifactories:") && !screen.contains("big.ron"),
        "left over:\n{screen}"
    );
    // Typing shows at once; the worker's results follow.
    s.send("/zzqx");
    s.wait_for(&["/ zzqx", &format!("0 / {total}")]);
    // Esc alone (a lone ESC byte followed at once by `q` would read as Alt-q).
    s.send("\x1b");
    s.wait_for(&[&format!("{total} / {total}")]);
    s.drain(Duration::from_millis(200));
    s.send("q");
    assert_eq!(s.exit_status(), "0");
}

#[test]
fn a_bad_data_file_is_reported_after_the_terminal_is_restored() {
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/bad/unknown-country.ron"
    );
    let mut s = Session::start(&format!("--today 2026-11-24 --data '{bad}'"));
    assert_eq!(s.exit_status(), "2");
    s.assert_restored();
    s.wait_for(&["unknown country code `XX`"]);
}

#[test]
fn the_config_file_rebinds_keys_and_a_bad_one_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("config.ron");
    std::fs::write(
        &good,
        "Config(keys: { \"quit\": [\"x\"] }, theme: Light, lang: fr)\n",
    )
    .unwrap();
    let mut s = Session::start(&format!("--today 2026-11-24 --config '{}'", good.display()));
    s.wait_for(&["Résultats"]);
    s.send("q");
    s.drain(Duration::from_millis(300));
    assert!(s.parser.screen().alternate_screen(), "q no longer quits");
    s.send("x");
    assert_eq!(s.exit_status(), "0");
    s.assert_restored();

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Config(\n  theme: Sepia,\n)\n").unwrap();
    let mut s = Session::start(&format!("--today 2026-11-24 --config '{}'", bad.display()));
    // Checked before the terminal is touched.
    assert_eq!(s.exit_status(), "2");
    s.wait_for(&["bad.ron:2:", "Sepia"]);
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(!raw.contains("\x1b[?1049h"), "the dashboard did not start");
}

#[test]
fn help_names_the_config_file() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aifactories"))
        .arg("--help")
        .env("XDG_CONFIG_HOME", "/tmp/xdg-test")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("/tmp/xdg-test/aifactories/config.ron"),
        "{help}"
    );
}

#[test]
fn every_frame_is_a_synchronized_update() {
    let mut s = Session::start("--today 2026-11-24");
    s.wait_for(&["Results", "LUMI AIF"]);
    s.send("j");
    s.wait_for(&["HammerHAI  hammerhai"]);
    s.send("q");
    assert_eq!(s.exit_status(), "0");
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    let begins = raw.matches("\x1b[?2026h").count();
    let ends = raw.matches("\x1b[?2026l").count();
    assert!(begins >= 2, "two frames, each begun: {begins}");
    // Every begun update is ended (restore ends one more, in case a frame was cut short).
    assert!(ends > begins, "{begins} begun, {ends} ended");
    // Frame content sits between a begin and its end.
    let first_begin = raw.find("\x1b[?2026h").unwrap();
    let first_end = raw[first_begin..].find("\x1b[?2026l").unwrap() + first_begin;
    assert!(raw[first_begin..first_end].contains("Results"));
}

/// The first frame, as the terminal shows it, is what `ui::draw` draws for the same app, cell
/// by cell (text, colours, reverse, underline), though it is drawn and sent in two parts.
#[test]
fn the_first_frame_is_the_whole_dashboard() {
    // No state file: a first look would add its notice to the frame.
    let mut s = Session::start_with(
        "--today 2026-11-24 --no-state",
        &[("XDG_CONFIG_HOME", "/nonexistent/aifactories-test")],
    );
    s.wait_raw("\x1b[?2026l");
    // Nothing else comes (no input, no redraw), and nothing has been drawn twice.
    s.drain(Duration::from_millis(300));
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert_eq!(raw.matches("\x1b[?2026h").count(), 1, "one frame");
    let expected = common::render(&common::app(120, 40));
    let buf = expected.backend().buffer();
    let screen = s.parser.screen();
    let color = |c: ratatui::style::Color| {
        use ratatui::style::Color as C;
        match c {
            C::Reset => vt100::Color::Default,
            C::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
            C::Indexed(i) => vt100::Color::Idx(i),
            named => {
                let all = [
                    C::Black,
                    C::Red,
                    C::Green,
                    C::Yellow,
                    C::Blue,
                    C::Magenta,
                    C::Cyan,
                    C::Gray,
                    C::DarkGray,
                    C::LightRed,
                    C::LightGreen,
                    C::LightYellow,
                    C::LightBlue,
                    C::LightMagenta,
                    C::LightCyan,
                    C::White,
                ];
                let i = all.iter().position(|&a| a == named).unwrap();
                vt100::Color::Idx(i as u8)
            }
        }
    };
    let mut differences = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let want = &buf[(x, y)];
            let got = screen.cell(y, x).unwrap();
            if got.is_wide_continuation() {
                continue;
            }
            let text = if got.contents().is_empty() {
                " "
            } else {
                got.contents()
            };
            use ratatui::style::Modifier;
            let same = text == want.symbol()
                && got.fgcolor() == color(want.fg)
                && got.bgcolor() == color(want.bg)
                && got.inverse() == want.modifier.contains(Modifier::REVERSED)
                && got.underline() == want.modifier.contains(Modifier::UNDERLINED);
            if !same {
                differences.push(format!("({x},{y}) {got:?} against {want:?}"));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} cells differ, first: {:?}",
        differences.len(),
        &differences[..differences.len().min(5)]
    );
    s.send("q");
    assert_eq!(s.exit_status(), "0");
}

#[test]
fn p_shows_plan_against_reality_late_and_overdue_first() {
    let mut s = Session::start("--today 2026-12-04 --no-mouse");
    s.wait_for(&["Results", "Timeline"]);
    s.send("p");
    s.wait_for(&["Plan against reality", "6 months late"]);
    let screen = s.parser.screen().contents();
    let line = |needle: &[&str]| {
        screen
            .lines()
            .find(|l| needle.iter().all(|n| l.contains(n)))
            .unwrap_or_else(|| panic!("{needle:?} in\n{screen}"))
            .to_string()
    };
    line(&["6 months late", "H1 2025 procurement", "HammerHAI"]);
    line(&[
        "overdue, no news",
        "H1 2025 procurement",
        "LUMI AIF, IT4LIA, Meluxina-AI",
    ]);
    assert!(!screen.contains("not yet"), "{screen}");
    // p again: the timeline is back.
    s.send("p");
    s.wait_for(&["Timeline · 2025 by month"]);
    s.send("q");
    assert_eq!(s.exit_status(), "0");
}

/// Two Esc presses that reach the dashboard in one read are two presses: the first leaves and
/// clears the search, the second drops the country filter. In the legacy encoding they are
/// `ESC ESC`, which crossterm reads as one Esc (it is also what some terminals send for
/// Alt-Esc), so the dashboard asks the terminal to send Esc unambiguously (the kitty keyboard
/// protocol's `CSI > 1 u`), as terminals that know the protocol then do (`CSI 27 u`); this
/// test is such a terminal.
#[test]
fn a_double_esc_in_one_write_clears_the_search_and_the_country_filter() {
    let mut s = Session::start("--today 2026-11-24");
    s.wait_for(&["Search", "Results"]);
    s.wait_raw("\x1b[>1u");
    // The country filter: Finland, from the map.
    s.send("1");
    s.wait_for(&["▸ Finland"]);
    s.send("\r");
    s.wait_for(&["Map · tiles ▸ Finland"]);
    // A search inside it.
    s.send("/lumi");
    s.wait_for(&["/ lumi", "1 / 32"]);
    s.send("\x1b[27u\x1b[27u");
    s.wait_for(&["32 / 32", "/ sector, name"]);
    let screen = s.parser.screen().contents();
    assert!(
        !screen.contains("Map · tiles ▸"),
        "the filter stayed:\n{screen}"
    );
    s.send("q");
    assert_eq!(s.exit_status(), "0");
    s.assert_restored();
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    let (pop, leave) = (raw.rfind("\x1b[<1u"), raw.rfind("\x1b[?1049l"));
    assert!(
        pop.is_some() && pop < leave,
        "the keyboard mode is popped on the alternate screen, before leaving it"
    );
}

/// `o` runs `$BROWSER` with the selection's https website; the first screen's bytes hold an
/// OSC 8 hyperlink for it.
#[test]
fn o_opens_the_website_with_browser_and_links_are_osc8() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened");
    let script = dir.path().join("browser");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", log.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cat = aifactories::data::Catalog::embedded().unwrap();
    let website = cat
        .factory("lumi-aif")
        .and_then(|f| f.access.as_ref())
        .and_then(|a| a.website.as_deref())
        .expect("LUMI AIF's website")
        .to_string();
    let mut s = Session::start_with(
        "--today 2026-11-24",
        &[("BROWSER", script.to_str().unwrap())],
    );
    s.wait_for(&["Results", "LUMI AIF"]);
    // The first frame: the website as a hyperlink, around its first letter.
    s.wait_raw(&format!("\x1b]8;;{website}\x1b\\h\x1b]8;;\x1b\\"));
    s.send("o");
    s.wait_for(&["opening"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    let opened = loop {
        if let Ok(text) = std::fs::read_to_string(&log)
            && !text.is_empty()
        {
            break text;
        }
        assert!(Instant::now() < deadline, "the browser script was not run");
        std::thread::sleep(Duration::from_millis(50));
    };
    // The crate hands the browser the URL parsed and normalised (a trailing `/`).
    assert_eq!(
        opened.trim().trim_end_matches('/'),
        website.trim_end_matches('/')
    );
    assert!(opened.starts_with("https://"));
    s.send("q");
    assert_eq!(s.exit_status(), "0");
}

/// Over SSH with no `$BROWSER`, `o` says so and copies the URL instead.
#[test]
fn o_over_ssh_copies_instead() {
    let mut s = Session::start_with(
        "--today 2026-11-24",
        &[
            ("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22"),
            ("BROWSER", ""),
        ],
    );
    s.wait_for(&["Results", "LUMI AIF"]);
    s.send("o");
    s.wait_raw("\x1b]52;c;");
    s.wait_for(&["over SSH"]);
    s.send("q");
    assert_eq!(s.exit_status(), "0");
}
