//! The `aifactories` binary: parse the command line, load the data, then run a command or the
//! dashboard.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use aifactories::app::{App, Options};
use aifactories::cli::{self, Cli};
use aifactories::data::{Catalog, Day, LoadError};
use aifactories::tui::{self, RunOptions};

fn main() -> ExitCode {
    // clap exits by itself: 0 for --help/--version, 2 for usage errors.
    let args = Cli::parse();
    let stdout_tty = std::io::stdout().is_terminal();
    let code = match &args.command {
        Some(cmd) => match cli::context(&args, stdout_tty) {
            Ok(ctx) => cli::run_to_stdout(&ctx, cmd),
            Err(e) => {
                eprintln!("{e}");
                cli::EXIT_BAD_INPUT
            }
        },
        None if !stdout_tty => {
            eprintln!(
                "aifactories: standard output is not a terminal, so the dashboard will not start; \
                 use a command such as `aifactories list` for scripts (see --help)"
            );
            cli::EXIT_BAD_INPUT
        }
        None => dashboard(&args),
    };
    ExitCode::from(code)
}

fn dashboard(args: &Cli) -> u8 {
    let env = |k: &str| std::env::var(k).ok();
    // The colour decision for the screen: `always`/`never` win, NO_COLOR means monochrome.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let opts = Options {
        lang: cli::lang_from(args.lang, &env),
        today: args.today.unwrap_or_else(Day::today_utc),
        mono: !cli::color_from(args.color, true, no_color),
        // The real size, so that the first layout is right before the first resize event.
        size: crossterm::terminal::size().unwrap_or((80, 24)),
    };
    let data = args.data.clone();
    let label = data.as_ref().map_or_else(
        || "the embedded data".to_string(),
        |p| p.display().to_string(),
    );
    // Parsing a large file happens while the terminal already shows that it is loading.
    let load = move || -> Result<App, LoadError> {
        let cat = match &data {
            Some(path) => Catalog::from_file(path)?,
            None => Catalog::embedded()?,
        };
        Ok(App::new(cat, opts))
    };
    let run = RunOptions {
        mouse: !args.no_mouse,
        // For start-up measurements (benches/startup.sh): draw one frame and leave.
        exit_after_first_frame: std::env::var_os("AIFACTORIES_EXIT_AFTER_FIRST_FRAME").is_some(),
    };
    match tui::run(load, &label, run) {
        Ok(Ok(())) => cli::EXIT_OK,
        Ok(Err(e)) => {
            eprintln!("{e}");
            cli::EXIT_BAD_INPUT
        }
        Err(e) => {
            eprintln!("aifactories: terminal error: {e}");
            cli::EXIT_FAILURE
        }
    }
}
