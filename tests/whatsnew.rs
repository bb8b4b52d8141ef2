//! What's new since you last looked: the state file (first run, unchanged, changed, corrupt,
//! unwritable, two writers at once), the status line, the `n` list and the marks; and the
//! real binary in a pseudo-terminal (`--no-state`, two dashboards at once, a corrupt file left
//! alone).

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aifactories::app::{App, Standing};
use aifactories::changes::Seen;
use aifactories::data::{Catalog, Dataset, Lang, PDate};
use aifactories::state::{self, Loaded};
use aifactories::tui::StateFile;
use common::{app_with, press, screen_text};

fn embedded() -> Dataset {
    Catalog::embedded().unwrap().data
}

/// The embedded data as it might have been on 24 Nov: one vendor unknown, one antenna fewer,
/// one milestone elsewhere, so the current data has three changes since.
fn older() -> Dataset {
    let mut d = embedded();
    d.as_of = PDate::parse("2026-11-24").unwrap();
    d.factories[0].system.vendor = Some("Someone else".into());
    d.antennas.pop();
    let m = &mut d.milestones[0];
    m.date = PDate::parse("2019-01").unwrap();
    d
}

fn seen_file(dir: &Path) -> PathBuf {
    dir.join("aifactories").join("seen.ron")
}

/// The dashboard after the loop's check against the file at `path`.
fn checked(path: &Path, lang: Lang) -> (App, StateFile) {
    let mut app = app_with(120, 40, lang, false);
    let mut st = StateFile::at(Some(path.to_path_buf()));
    st.check(&mut app);
    st.settle(&mut app);
    (app, st)
}

fn status_line(app: &App) -> String {
    let text = screen_text(app);
    text.lines().last().unwrap().to_string()
}

#[test]
fn first_run_remembers_the_data_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    let (mut app, mut st) = checked(&path, Lang::En);
    assert_eq!(app.whatsnew().standing(), &Standing::FirstLook);
    assert!(
        status_line(&app).contains("first look"),
        "{}",
        status_line(&app)
    );
    st.remember(&mut app);
    match state::load(&path, None) {
        Loaded::Read(s) => assert_eq!(s, strip(Seen::of(&embedded()))),
        other => panic!("{other:?}"),
    }
    // The next start finds nothing new.
    let (app, _) = checked(&path, Lang::En);
    assert!(matches!(app.whatsnew().standing(), Standing::Unchanged(_)));
    assert!(
        !status_line(&app).contains("since"),
        "{}",
        status_line(&app)
    );
}

/// A Seen as read from a file: without positions.
fn strip(mut s: Seen) -> Seen {
    for r in &mut s.records {
        r.at = None;
    }
    s
}

#[test]
fn the_same_data_is_told_by_the_start_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    let data = embedded();
    state::save(&path, &Seen::of(&data)).unwrap();
    let fp = aifactories::changes::seen::data_fingerprint(&data);
    assert!(matches!(state::load(&path, Some(fp)), Loaded::Same(_)));
    assert!(matches!(state::load(&path, Some(fp ^ 1)), Loaded::Read(_)));
    // Reordered records: another fingerprint, no change, and the file is brought up to date.
    let mut shuffled = data.clone();
    shuffled.sources.reverse();
    state::save(&path, &Seen::of(&shuffled)).unwrap();
    let (app, _) = checked(&path, Lang::En);
    assert!(matches!(app.whatsnew().standing(), Standing::Unchanged(_)));
    assert!(matches!(state::load(&path, Some(fp)), Loaded::Same(_)));
    // A broken end: not needed while the data is the one seen, unreadable once it is not.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() - 40]).unwrap();
    assert!(matches!(state::load(&path, Some(fp)), Loaded::Same(_)));
    assert!(matches!(
        state::load(&path, Some(fp ^ 1)),
        Loaded::Unreadable(_)
    ));
    // An edited layout is read whole.
    std::fs::write(&path, text.replace("\n fields:", "\n  fields:")).unwrap();
    assert!(matches!(state::load(&path, Some(fp)), Loaded::Read(_)));
}

#[test]
fn unchanged_data_shows_no_count_and_no_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    state::save(&path, &Seen::of(&embedded())).unwrap();
    let (mut app, _) = checked(&path, Lang::En);
    assert!(app.whatsnew().unseen().is_none());
    let screen = screen_text(&app);
    assert!(!screen.contains("●~") && !screen.contains("●+"), "{screen}");
    press(&mut app, &["n"]);
    assert!(screen_text(&app).contains("No change since the data of 4 Dec 2026"));
}

#[test]
fn changed_data_is_counted_listed_marked_and_then_seen() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    state::save(&path, &Seen::of(&older())).unwrap();
    let (mut app, mut st) = checked(&path, Lang::En);
    let line = status_line(&app);
    assert!(line.contains("3 changes since 24 Nov 2026 (n)"), "{line}");
    // The changed factory is marked in the list.
    let screen = screen_text(&app);
    let name = embedded().factories[0].name.to_string();
    assert!(
        screen.lines().any(|l| l.contains(&format!("●~{name}"))),
        "{screen}"
    );
    // `n` lists them and asks to remember the data as seen.
    let effects = common::apply(&mut app, aifactories::app::Action::ShowChanges);
    assert!(effects.remember);
    let screen = screen_text(&app);
    assert!(
        screen.contains("What's new since the data of 24 Nov 2026"),
        "{screen}"
    );
    assert!(screen.contains("system.vendor"), "{screen}");
    assert!(screen.contains("moved"), "{screen}");
    assert!(screen.contains("+ antenna"), "{screen}");
    assert!(
        status_line(&app).contains("? q close the changes"),
        "{}",
        status_line(&app)
    );
    st.remember(&mut app);
    // Seen: the count is gone, the marks stay for this run.
    press(&mut app, &["Esc"]);
    assert!(!status_line(&app).contains("since"));
    assert!(screen_text(&app).contains(&format!("●~{name}")));
    // Opening it again asks nothing more.
    assert!(!common::apply(&mut app, aifactories::app::Action::ShowChanges).remember);
    // The next start: nothing new.
    let (app, _) = checked(&path, Lang::En);
    assert!(matches!(app.whatsnew().standing(), Standing::Unchanged(_)));
}

#[test]
fn the_count_and_the_list_speak_french() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    state::save(&path, &Seen::of(&older())).unwrap();
    let (mut app, _) = checked(&path, Lang::Fr);
    let line = status_line(&app);
    assert!(
        line.contains("3\u{a0}changements depuis le 24 nov"),
        "{line}"
    );
    press(&mut app, &["n"]);
    let screen = screen_text(&app);
    assert!(
        screen.contains("Nouveautés depuis les données du 24 nov"),
        "{screen}"
    );
    assert!(screen.contains("déplacé"), "{screen}");
}

#[test]
fn a_corrupt_file_is_named_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    for text in [
        "(format: 1, as_of: \"2026-11-24\", fields: {}, records: [".to_string(),
        "not ron at all \u{0}".to_string(),
        // A newer build's file.
        "(format: 99, anything: [1, 2, 3])".to_string(),
    ] {
        std::fs::write(&path, &text).unwrap();
        let (mut app, mut st) = checked(&path, Lang::En);
        assert!(
            matches!(app.whatsnew().standing(), Standing::Unreadable { .. }),
            "{:?}",
            app.whatsnew().standing()
        );
        let line = status_line(&app);
        assert!(line.contains("cannot read"), "{line}");
        // Opening the list and quitting write nothing over it.
        press(&mut app, &["n"]);
        assert!(screen_text(&app).contains("left as it is"));
        st.remember(&mut app);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
    std::fs::write(&path, "(format: 99, anything: [1])").unwrap();
    match state::load(&path, None) {
        Loaded::Unreadable(why) => assert!(why.contains("format 99"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_empty_file_is_a_first_look() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "").unwrap();
    let (app, _) = checked(&path, Lang::En);
    assert_eq!(app.whatsnew().standing(), &Standing::FirstLook);
}

#[test]
fn an_unwritable_directory_is_a_notice_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the directory should be: no one, not even root, can create it.
    std::fs::write(dir.path().join("aifactories"), "a file").unwrap();
    let path = seen_file(dir.path());
    let (mut app, mut st) = checked(&path, Lang::En);
    assert_eq!(app.whatsnew().standing(), &Standing::FirstLook);
    st.remember(&mut app);
    let line = status_line(&app);
    assert!(line.contains("could not remember what you saw"), "{line}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("aifactories")).unwrap(),
        "a file"
    );
}

#[test]
fn a_read_only_directory_is_a_notice_not_a_crash() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    state::save(&path, &Seen::of(&older())).unwrap();
    let sub = path.parent().unwrap();
    std::fs::set_permissions(sub, std::fs::Permissions::from_mode(0o500)).unwrap();
    // Root writes anyway: then there is nothing to check here.
    let writable = std::fs::write(sub.join("probe"), "").is_ok();
    if !writable {
        let (mut app, mut st) = checked(&path, Lang::En);
        assert!(app.whatsnew().unseen().is_some());
        press(&mut app, &["n"]);
        st.remember(&mut app);
        press(&mut app, &["n"]);
        assert!(
            status_line(&app).contains("could not remember"),
            "{}",
            status_line(&app)
        );
        // The file seen before is still there, whole.
        assert!(matches!(state::load(&path, None), Loaded::Read(_)));
    }
    std::fs::set_permissions(sub, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn two_writers_at_once_never_leave_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    let (a, b) = (Seen::of(&embedded()), Seen::of(&older()));
    state::save(&path, &a).unwrap();
    std::thread::scope(|s| {
        for seen in [&a, &b, &a] {
            let path = &path;
            s.spawn(move || {
                for _ in 0..30 {
                    state::save(path, seen).unwrap();
                }
            });
        }
        let path = &path;
        s.spawn(move || {
            for _ in 0..200 {
                match state::load(path, None) {
                    Loaded::Read(_) => {}
                    other => panic!("a reader saw {other:?}"),
                }
            }
        });
    });
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["seen.ron"]);
}

#[test]
fn the_count_the_list_and_the_marks_draw_at_any_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    state::save(&path, &Seen::of(&older())).unwrap();
    for (w, h) in [
        (1, 1),
        (2, 2),
        (12, 3),
        (24, 8),
        (40, 12),
        (80, 24),
        (200, 60),
    ] {
        for lang in [Lang::En, Lang::Fr] {
            let mut app = app_with(w, h, lang, true);
            let mut st = StateFile::at(Some(path.clone()));
            st.check(&mut app);
            st.settle(&mut app);
            screen_text(&app);
            press(&mut app, &["n", "j", "PageDown", "k", "PageUp"]);
            screen_text(&app);
            press(&mut app, &["Esc", "Tab", "Tab", "Tab"]);
            screen_text(&app);
        }
    }
    // The count is cut whole, never to a misleading part.
    let mut app = app_with(80, 24, Lang::En, false);
    let mut st = StateFile::at(Some(path.clone()));
    st.check(&mut app);
    st.settle(&mut app);
    let line = status_line(&app);
    assert!(line.contains("3 changes since 24 Nov 2026 (n)"), "{line}");
    // In French too, where it is longer: the count goes before the keys past help and quit.
    let mut app = app_with(80, 24, Lang::Fr, false);
    let mut st = StateFile::at(Some(path.clone()));
    st.check(&mut app);
    st.settle(&mut app);
    let line = status_line(&app);
    assert!(
        line.contains("3\u{a0}changements depuis le 24 nov"),
        "{line}"
    );
    assert!(
        line.contains("? aide") && line.contains("q quitter"),
        "{line}"
    );
}

#[test]
fn the_help_explains_the_marks_and_the_key() {
    let app = app_with(120, 40, Lang::En, false);
    let help = aifactories::ui::help::text(app.keymap(), &app);
    assert!(help.contains("what's new since you last looked"), "{help}");
    for sign in ["+", "~", "-"] {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(sign) && l.contains("since you last looked")),
            "{sign} not explained:\n{help}"
        );
    }
}

// The real binary.

struct Dash {
    pty: pty::Pty,
}

impl Dash {
    fn start(state_home: &Path, args: &[&str]) -> Dash {
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_aifactories"));
        cmd.args(["--today", "2026-12-04", "--lang", "en"]);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", state_home);
        cmd.env("LANG", "C.UTF-8");
        Dash {
            pty: pty::spawn(cmd),
        }
    }

    fn wait_for(&mut self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if self.pty.parser.screen().contents().contains(what) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what:?}:\n{}",
                self.pty.parser.screen().contents()
            );
            if let Ok(b) = self.pty.rx.recv_timeout(Duration::from_millis(50)) {
                self.pty.parser.process(&b);
            }
        }
    }

    fn send(&mut self, s: &str) {
        self.pty.writer.write_all(s.as_bytes()).unwrap();
        self.pty.writer.flush().unwrap();
    }

    fn quit(mut self) {
        self.send("q");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(st) = self.pty.child.try_wait().unwrap() {
                assert!(st.success(), "{st:?}");
                return;
            }
            assert!(Instant::now() < deadline, "did not quit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

use std::io::Write;

#[test]
fn no_state_neither_reads_nor_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    let mut d = Dash::start(dir.path(), &["--no-state"]);
    d.wait_for("Results");
    d.send("n");
    d.wait_for("What's new is off");
    d.send("n");
    d.quit();
    assert!(!path.exists());
    // And a file that is there is not read: no count.
    state::save(&path, &Seen::of(&older())).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut d = Dash::start(dir.path(), &["--no-state"]);
    d.wait_for("Results");
    assert!(!d.pty.parser.screen().contents().contains("changes since"));
    d.send("n");
    d.wait_for("What's new is off");
    d.send("n");
    d.quit();
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_dashboard_counts_changes_and_n_remembers_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    state::save(&path, &Seen::of(&older())).unwrap();
    let mut d = Dash::start(dir.path(), &[]);
    d.wait_for("3 changes since 24 Nov 2026 (n)");
    // Quitting without looking keeps them for next time.
    d.quit();
    let mut d = Dash::start(dir.path(), &[]);
    d.wait_for("3 changes since 24 Nov 2026 (n)");
    d.send("n");
    d.wait_for("What's new since the data of 24 Nov 2026");
    d.send("n");
    d.quit();
    match state::load(&path, None) {
        Loaded::Read(s) => assert_eq!(s, strip(Seen::of(&embedded()))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_dashboards_at_once_leave_a_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    // Both start on a first look and write at once; then both list older changes and quit.
    let mut a = Dash::start(dir.path(), &[]);
    let mut b = Dash::start(dir.path(), &[]);
    a.wait_for("Results");
    b.wait_for("Results");
    a.quit();
    b.quit();
    assert!(matches!(state::load(&path, None), Loaded::Read(_)));
    state::save(&path, &Seen::of(&older())).unwrap();
    let mut a = Dash::start(dir.path(), &[]);
    let mut b = Dash::start(dir.path(), &[]);
    a.wait_for("3 changes since");
    b.wait_for("3 changes since");
    a.send("n");
    b.send("n");
    a.wait_for("What's new since");
    b.wait_for("What's new since");
    a.send("n");
    b.send("n");
    a.quit();
    b.quit();
    match state::load(&path, None) {
        Loaded::Read(s) => assert_eq!(s, strip(Seen::of(&embedded()))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_data_file_is_compared_while_it_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    let data = dir.path().join("data.ron");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aifactories"))
        .args(["export", "--format", "ron"])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::write(&data, out.stdout).unwrap();
    let data = data.to_str().unwrap();
    // A first look, then the changes since an older record.
    let mut d = Dash::start(dir.path(), &["--data", data]);
    d.wait_for("first look");
    d.quit();
    assert!(matches!(state::load(&path, None), Loaded::Read(_)));
    state::save(&path, &Seen::of(&older())).unwrap();
    let mut d = Dash::start(dir.path(), &["--data", data]);
    d.wait_for("3 changes since 24 Nov 2026 (n)");
    d.quit();
}

#[test]
fn a_corrupt_file_survives_a_run_of_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let path = seen_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "(format: 1, as_of: oops").unwrap();
    let mut d = Dash::start(dir.path(), &[]);
    d.wait_for("cannot read");
    d.send("n");
    d.wait_for("left as it is");
    d.send("n");
    d.quit();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(format: 1, as_of: oops"
    );
}
