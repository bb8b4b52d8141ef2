//! A command in a 120x40 pseudo-terminal, its output read by a thread and meant for a vt100
//! terminal emulator; and what /proc/PID/stat says about a process.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;

/// A command running in a pseudo-terminal.
pub struct Pty {
    /// A terminal of the pty's size, for the caller to feed what arrives on `rx`.
    pub parser: vt100::Parser,
    /// The command's output, in the pieces the reader thread got.
    pub rx: Receiver<Vec<u8>>,
    /// The command's input.
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    /// Keep it: dropping the master side hangs the terminal up.
    pub master: Box<dyn MasterPty + Send>,
}

/// Run `cmd` in a new ROWS x COLS pseudo-terminal.
pub fn spawn(mut cmd: CommandBuilder) -> Pty {
    // Never the real HOME's state file: a directory of the test's own unless one is given.
    if cmd.get_env("XDG_STATE_HOME").is_none() {
        let dir = tempfile::tempdir().unwrap().keep();
        cmd.env("XDG_STATE_HOME", dir);
    }
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
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
    Pty {
        parser: vt100::Parser::new(
            std::num::NonZero::new(ROWS).unwrap(),
            std::num::NonZero::new(COLS).unwrap(),
            0,
        ),
        rx,
        writer,
        child,
        master: pair.master,
    }
}

/// The fields of /proc/PID/stat from field 3 (the state) on: those after the command name,
/// which is in parentheses and may itself hold spaces and parentheses. None once the process
/// is gone.
pub fn proc_stat(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_comm = &stat[stat.rfind(')')? + 1..];
    Some(after_comm.split_whitespace().map(str::to_string).collect())
}

/// The state letter of a process (`R`, `S`, `T` for stopped...), `?` once it is gone.
pub fn process_state(pid: u32) -> char {
    proc_stat(pid)
        .and_then(|f| f.first()?.chars().next())
        .unwrap_or('?')
}

/// utime + stime of the whole process (all its threads), in clock ticks: fields 14 and 15.
pub fn cpu_ticks(pid: u32) -> u64 {
    let fields = proc_stat(pid).expect("process alive");
    let field = |n: usize| fields[n - 3].parse::<u64>().expect("a number");
    field(14) + field(15)
}
