//! The `aifactories` binary: parse the command line, load the data, then run a command or the
//! dashboard.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use aifactories::app::{App, Options};
use aifactories::cli::{self, Cli};
use aifactories::config;
use aifactories::data::{Catalog, Day, LoadError};
use aifactories::tui::{self, RunOptions, Start};

fn main() -> ExitCode {
    // clap exits by itself: 0 for --help/--version, 2 for usage errors. The help names the
    // config file this machine would read.
    let default_config = config::default_path()
        .map_or_else(|| "none (no HOME)".to_string(), |p| p.display().to_string());
    let matches = Cli::command()
        .mut_arg("config", |a| {
            a.help(format!(
                "Dashboard settings (RON): key overrides, theme, colours, language, mouse \
                 [default: {default_config}]"
            ))
        })
        .get_matches();
    let args = match Cli::from_arg_matches(&matches) {
        Ok(a) => a,
        Err(e) => e.exit(),
    };
    let stdout_tty = std::io::stdout().is_terminal();
    let code = match &args.command {
        Some(cmd) => match cli::context(&args, stdout_tty) {
            Ok(ctx) => cli::run_to_stdout(&ctx, cmd, cli::table_width(&args, stdout_tty)),
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
    // The config file: the one named, or the default one if it exists.
    let (path, explicit) = match &args.config {
        Some(p) => (Some(p.clone()), true),
        None => (config::default_path(), false),
    };
    let cfg = match path.as_ref().map_or_else(
        || Ok(config::Config::default()),
        |p| config::load(p, explicit),
    ) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return cli::EXIT_BAD_INPUT;
        }
    };
    let env = |k: &str| std::env::var(k).ok();
    // Colour: `--color always/never` win; NO_COLOR means monochrome unless a theme was chosen
    // explicitly (on the command line or in the config file).
    let no_color = cli::no_color_env();
    let theme_chosen = args.theme.is_some() || cfg.theme.is_some();
    let mono = match args.color {
        cli::ColorArg::Always => false,
        cli::ColorArg::Never => true,
        cli::ColorArg::Auto => no_color && !theme_chosen,
    };
    let lang = match args.lang {
        Some(_) => cli::lang_from(args.lang, &env),
        None => cfg.lang.unwrap_or_else(|| cli::lang_from(None, &env)),
    };
    // The config file was checked when loaded; these cannot fail for a loaded config.
    let (theme, keymap) = match (cfg.theme(args.theme, mono), cfg.keymap()) {
        (Ok(t), Ok(k)) => (t, k),
        (Err(problems), _) | (_, Err(problems)) => {
            let file = path.map_or("config".to_string(), |p| p.display().to_string());
            eprintln!("{}", LoadError { file, problems });
            return cli::EXIT_BAD_INPUT;
        }
    };
    let opts = Options {
        lang,
        today: args.today.unwrap_or_else(Day::today_utc),
        mono,
        // The real size, so that the first layout is right before the first resize event.
        size: crossterm::terminal::size().unwrap_or((80, 24)),
    };
    let year = args.year;
    let start = match args.data.clone() {
        // The embedded data decodes in a fraction of a millisecond: the app is built before
        // the terminal is touched. (Decoding it on a second core from the start of `main`
        // was tried, and dropped: with its thread the process took as long, or longer.)
        None => match Catalog::embedded() {
            Ok(cat) => {
                let mut app = App::with_settings(cat, opts, theme, keymap);
                if let Some(Err(e)) = args.year.map(|y| app.start_at_year(y)) {
                    eprintln!("error: {e}");
                    return cli::EXIT_BAD_INPUT;
                }
                Start::Ready(Box::new(app))
            }
            Err(e) => {
                eprintln!("{e}");
                return cli::EXIT_BAD_INPUT;
            }
        },
        // Parsing a large file happens while the terminal already shows that it is loading
        // (and reads the quit keys before the app exists); the search index is built there too.
        Some(path) => Start::Load {
            label: path.display().to_string(),
            keymap: keymap.clone(),
            load: Box::new(move || {
                let cat = Catalog::from_file(&path)?;
                let mut app = App::with_settings(cat, opts, theme, keymap);
                // A year outside this file's span shows its nearest year.
                if let Some(y) = year {
                    let (first, last) = app.timeline().years();
                    let _ = app.start_at_year(y.clamp(first, last));
                }
                app.prepare_search();
                Ok(app)
            }),
        },
    };
    let run = RunOptions {
        mouse: !args.no_mouse && cfg.mouse.unwrap_or(true),
        // For start-up measurements (benches/startup.sh): draw one frame and leave.
        exit_after_first_frame: std::env::var_os("AIFACTORIES_EXIT_AFTER_FIRST_FRAME").is_some(),
    };
    // What's new since the dashboard last showed the data: a file in the XDG state directory.
    let state = if args.no_state {
        tui::StateFile::off()
    } else {
        tui::StateFile::at(aifactories::state::default_path())
    };
    match tui::run(start, run, state) {
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
