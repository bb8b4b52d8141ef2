//! An idle dashboard does nothing: once its first frame is on screen and no input comes, it
//! uses no CPU and writes no byte until a key arrives. The real binary in a 120x40
//! pseudo-terminal, its CPU time read from /proc.

#![cfg(target_os = "linux")]

#[path = "common/pty.rs"]
mod pty;

use std::io::Write;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use pty::cpu_ticks;

/// How long the dashboard is left alone.
const IDLE: Duration = Duration::from_secs(10);
/// CPU time allowed while idle, in clock ticks (10 ms each at the usual USER_HZ of 100):
/// generous, since an idle loop that sleeps until an event uses none.
const MAX_IDLE_TICKS: u64 = 2;

/// Voluntary context switches of every thread: how often the process went to sleep, so a
/// loop that wakes on a timer shows here even when it burns no measurable CPU.
fn wakeups(pid: u32) -> u64 {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).expect("process alive") {
        let status =
            std::fs::read_to_string(task.unwrap().path().join("status")).unwrap_or_default();
        total += status
            .lines()
            .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
            .map_or(0, |v| v.trim().parse::<u64>().unwrap_or(0));
    }
    total
}

/// Everything received so far, without waiting.
fn drain(rx: &Receiver<Vec<u8>>, parser: &mut vt100::Parser) -> usize {
    let mut n = 0;
    loop {
        match rx.try_recv() {
            Ok(bytes) => {
                parser.process(&bytes);
                n += bytes.len();
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => return n,
        }
    }
}

#[test]
fn the_idle_dashboard_uses_no_cpu_and_writes_nothing() {
    // The binary itself, not through a shell, so that the pid is the dashboard's.
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_aifactories"));
    cmd.args(["--today", "2026-11-24"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("AIFACTORIES_EXIT_AFTER_FIRST_FRAME");
    let pty::Pty {
        mut parser,
        rx,
        mut writer,
        mut child,
        master: _master,
    } = pty::spawn(cmd);
    let pid = child.process_id().expect("a pid");

    // The first frame: "Results" on screen, then the rest of that frame (a pty hands a large
    // write over in pieces) until the output has been quiet for a moment.
    let deadline = Instant::now() + Duration::from_secs(15);
    while !parser.screen().contents().contains("Results") {
        assert!(
            Instant::now() < deadline,
            "no first frame; screen:\n{}",
            parser.screen().contents()
        );
        if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(50)) {
            parser.process(&bytes);
        }
    }
    let quiet = Duration::from_millis(300);
    let mut last = Instant::now();
    while last.elapsed() < quiet {
        assert!(
            Instant::now() < deadline,
            "the output never went quiet after the first frame"
        );
        if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(20)) {
            parser.process(&bytes);
            last = Instant::now();
        }
    }
    drain(&rx, &mut parser);

    // Idle: no input at all.
    let (cpu_before, wake_before) = (cpu_ticks(pid), wakeups(pid));
    let start = Instant::now();
    let mut written = 0;
    while start.elapsed() < IDLE {
        if let Ok(bytes) = rx.recv_timeout(IDLE.saturating_sub(start.elapsed())) {
            written += bytes.len();
            parser.process(&bytes);
        }
    }
    written += drain(&rx, &mut parser);
    let (cpu_after, wake_after) = (cpu_ticks(pid), wakeups(pid));
    let idle_ticks = cpu_after - cpu_before;
    let idle_wakeups = wake_after - wake_before;
    eprintln!(
        "idle for {IDLE:?}: {idle_ticks} clock ticks of CPU, {idle_wakeups} wake-ups, {written} bytes written"
    );

    // Quit before asserting, so that a failure does not leave the process behind.
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(3);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };

    assert!(
        idle_ticks <= MAX_IDLE_TICKS,
        "the idle dashboard used {idle_ticks} clock ticks of CPU in {IDLE:?} (at most {MAX_IDLE_TICKS})"
    );
    assert_eq!(
        written,
        0,
        "the idle dashboard wrote {written} bytes in {IDLE:?}; screen:\n{}",
        parser.screen().contents()
    );
    // A loop that wakes on a timer (a poll with a timeout, a tick) would wake ~30 times or
    // more in the 10 s of IDLE; sleeping until an event wakes it never.
    assert!(
        idle_wakeups <= 3,
        "the idle dashboard woke up {idle_wakeups} times in {IDLE:?}: a timer or polling loop?"
    );
    let status = status.expect("the dashboard did not quit on `q` within 3 s");
    assert!(status.success(), "exit status after q: {status:?}");
}
