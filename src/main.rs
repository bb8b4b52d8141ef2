//! The `aifactories` binary: parse the command line, load the data, then run a command or the
//! dashboard.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use aifactories::app::{App, Options};
use aifactories::cli::{self, Cli};

fn main() -> ExitCode {
    // clap exits by itself: 0 for --help/--version, 2 for usage errors.
    let args = Cli::parse();
    let stdout_tty = std::io::stdout().is_terminal();
    let ctx = match cli::context(&args, stdout_tty) {
        Ok(ctx) => ctx,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(cli::EXIT_BAD_INPUT);
        }
    };
    let code = match &args.command {
        Some(cmd) => cli::run_to_stdout(&ctx, cmd),
        None if !stdout_tty => {
            eprintln!(
                "aifactories: standard output is not a terminal, so the dashboard will not start; \
                 use a command such as `aifactories list` for scripts (see --help)"
            );
            cli::EXIT_BAD_INPUT
        }
        None => dashboard(ctx, &args),
    };
    ExitCode::from(code)
}

fn dashboard(ctx: cli::Ctx, args: &Cli) -> u8 {
    // The colour decision for the screen: `always`/`never` win, NO_COLOR means monochrome.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mono = !cli::color_from(args.color, true, no_color);
    let opts = Options {
        lang: ctx.lang,
        today: ctx.today,
        mono,
        // The real size, so that the first layout is right before the first resize event.
        size: crossterm::terminal::size().unwrap_or((80, 24)),
    };
    let mut app = App::new(ctx.cat, opts);
    match aifactories::tui::run(&mut app, !args.no_mouse) {
        Ok(()) => cli::EXIT_OK,
        Err(e) => {
            eprintln!("aifactories: terminal error: {e}");
            cli::EXIT_FAILURE
        }
    }
}
