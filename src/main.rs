//! The `aifactories` binary: parse the command line, load the data, then run a command or the
//! dashboard.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

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
        None => cli::run_to_stdout(
            &ctx,
            &cli::Command::List(cli::args::ListArgs {
                wave: None,
                country: None,
                sector: None,
                antennas: true,
                format: cli::args::ListFormat::Table,
            }),
        ),
    };
    ExitCode::from(code)
}
