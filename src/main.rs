//! The `aifactories` binary: parse the command line, load the data, then run a command or the
//! dashboard.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use aifactories::app::{App, Options};
use aifactories::cli::{self, Cli};
use aifactories::config;
use aifactories::data::{self, Catalog, Day, LoadError, Prefetch};
use aifactories::tui::{self, RunOptions, Start};

fn main() -> ExitCode {
    // The embedded data decodes on a second core while the command line is parsed and the
    // terminal set up.
    let prefetch = (!cli::names_data_file(std::env::args_os().skip(1))).then(Prefetch::start);
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
        Some(cmd) => match cli::context(&args, stdout_tty, prefetch) {
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
        None => dashboard(&args, prefetch),
    };
    ExitCode::from(code)
}

fn dashboard(args: &Cli, prefetch: Option<Prefetch>) -> u8 {
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
    // The config file was checked when loaded: this cannot fail for a loaded config, nor can
    // the key map below.
    let config_file = move || path.map_or("config".to_string(), |p| p.display().to_string());
    let theme = match cfg.theme(args.theme, mono) {
        Ok(t) => t,
        Err(problems) => {
            eprintln!(
                "{}",
                LoadError {
                    file: config_file(),
                    problems
                }
            );
            return cli::EXIT_BAD_INPUT;
        }
    };
    let mouse = !args.no_mouse && cfg.mouse.unwrap_or(true);
    let keymap = move || {
        cfg.keymap().map_err(|problems| LoadError {
            file: config_file(),
            problems,
        })
    };
    let opts = Options {
        lang,
        today: args.today.unwrap_or_else(Day::today_utc),
        mono,
        // The real size, so that the first layout is right before the first resize event.
        size: crossterm::terminal::size().unwrap_or((80, 24)),
    };
    let start = match args.data.clone() {
        // Decoded, and the app built (key map included), on a second core while this one
        // sets up the terminal.
        None => {
            let build = move |cat: Result<Catalog, LoadError>| {
                Ok(App::with_settings(cat?, opts, theme, keymap()?))
            };
            // Without a prefetch (the command line looked as if it named a file), built here.
            Start::Building(data::with_embedded(prefetch, build))
        }
        // Parsing a large file happens while the terminal already shows that it is loading
        // (and reads the quit keys before the app exists); the search index is built there too.
        Some(path) => {
            let keymap = match keymap() {
                Ok(k) => k,
                Err(e) => {
                    eprintln!("{e}");
                    return cli::EXIT_BAD_INPUT;
                }
            };
            Start::Load {
                label: path.display().to_string(),
                keymap: keymap.clone(),
                load: Box::new(move || {
                    let cat = Catalog::from_file(&path)?;
                    let mut app = App::with_settings(cat, opts, theme, keymap);
                    app.prepare_search();
                    Ok(app)
                }),
            }
        }
    };
    let run = RunOptions {
        mouse,
        // For start-up measurements (benches/startup.sh): draw one frame and leave.
        exit_after_first_frame: std::env::var_os("AIFACTORIES_EXIT_AFTER_FIRST_FRAME").is_some(),
    };
    match tui::run(start, run) {
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
