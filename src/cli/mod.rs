//! The non-interactive commands. Each writes to a `Write` so that tests can capture it, and
//! returns an exit status or a [`Failure`].

pub mod args;
mod completions;
pub mod diff;
mod export;
pub mod json;
mod list;
mod matching;
mod records;
mod search;
mod show;
pub mod table;
mod timeline;

use std::io::Write;

pub use args::{Cli, ColorArg, Command};

use crate::data::{Catalog, Day, IStr, Lang, Record};

/// Exit statuses.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;

/// What every command needs: the loaded data and the global options.
pub struct Ctx {
    pub cat: Catalog,
    pub lang: Lang,
    pub today: Day,
    /// Colour (bold headers) on standard output.
    pub color: bool,
}

/// A command that could not do its job: the message goes to stderr, the code is the exit
/// status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    /// The reader of standard output went away (`| head`): not an error.
    pub output_closed: bool,
}

impl Failure {
    pub fn bad_input(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_BAD_INPUT,
            message: message.into(),
            output_closed: false,
        }
    }

    pub fn runtime(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_FAILURE,
            message: message.into(),
            output_closed: false,
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure {
            output_closed: e.kind() == std::io::ErrorKind::BrokenPipe,
            ..Failure::runtime(format!("cannot write output: {e}"))
        }
    }
}

/// `NO_COLOR` is set to something (<https://no-color.org>).
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Language from `--lang`, else from `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set).
pub fn lang_from(arg: Option<args::LangArg>, env: &dyn Fn(&str) -> Option<String>) -> Lang {
    match arg {
        Some(args::LangArg::En) => Lang::En,
        Some(args::LangArg::Fr) => Lang::Fr,
        None => {
            let v = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|k| env(k))
                .find(|v| !v.is_empty())
                .unwrap_or_default();
            if v.to_ascii_lowercase().starts_with("fr") {
                Lang::Fr
            } else {
                Lang::En
            }
        }
    }
}

/// Colour decision: `always` and `never` win; `auto` means a terminal and no `NO_COLOR`.
pub fn color_from(arg: ColorArg, is_terminal: bool, no_color_set: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => is_terminal && !no_color_set,
    }
}

/// The width tables fit in: `--width`, else `COLUMNS` (a positive number), else the
/// terminal's when standard output is one; else none, so that a file or a pipe gets whole
/// lines.
pub fn width_from(
    arg: Option<u16>,
    columns: Option<&str>,
    terminal: impl FnOnce() -> Option<u16>,
) -> Option<u16> {
    arg.or_else(|| {
        columns
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|&w| w > 0)
    })
    .or_else(terminal)
}

/// The width the tables of `cli`'s command fit in (see [`width_from`]).
pub fn table_width(cli: &Cli, stdout_is_terminal: bool) -> Option<u16> {
    width_from(cli.width, std::env::var("COLUMNS").ok().as_deref(), || {
        stdout_is_terminal
            .then(crossterm::terminal::size)
            .and_then(Result::ok)
            .map(|(w, _)| w)
    })
}

/// Run a non-interactive command; `width` is what its tables fit in (`None`: no limit).
pub fn run_command(
    ctx: &Ctx,
    cmd: &Command,
    width: Option<u16>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    match cmd {
        Command::List(a) => list::run(ctx, a, width, out),
        Command::Show(a) => show::run(ctx, a, out),
        Command::Validate(_) => {
            // Loading validated the data already; reaching here means it is fine.
            writeln!(out, "{}", ctx.cat.summary_line())?;
            Ok(EXIT_OK)
        }
        Command::Export(a) => export::run(ctx, a, out),
        Command::Search(a) => search::run(ctx, a, width, out),
        Command::Timeline(a) => timeline::run(ctx, a, out),
        Command::Diff(a) => diff::run(ctx, a, out),
        Command::Match(a) => matching::run(ctx, a, width, out),
        Command::Completions(a) => completions::completions(a.shell, out),
        Command::Man => completions::man(out),
    }
}

/// Resolve a factory by id, name or other name, ignoring case and accents.
/// Ambiguous and unknown names are bad input, with the candidates or the nearest ids.
pub fn resolve_factory(cat: &Catalog, query: &str) -> Result<usize, Failure> {
    match resolve_record(cat, query)? {
        Record::Factory(i) => Ok(i),
        Record::Antenna(i) => Err(Failure::bad_input(format!(
            "`{}` is an antenna, not a factory",
            cat.antennas()[i].id
        ))),
    }
}

/// Resolve a factory or antenna by id or (other) name, ignoring case and accents.
pub fn resolve_record(cat: &Catalog, query: &str) -> Result<Record, Failure> {
    use crate::text::fold;
    let q = fold(query.trim());
    if q.is_empty() {
        return Err(Failure::bad_input("empty name"));
    }
    // Exact id first, then exact name or alias, then names that start with the query.
    if let Some(i) = cat.factory_index(&q) {
        return Ok(Record::Factory(i));
    }
    if let Some(i) = cat.antennas().iter().position(|a| a.id == q) {
        return Ok(Record::Antenna(i));
    }
    let names = |r: Record| -> Vec<&str> {
        match r {
            Record::Factory(i) => {
                let f = &cat.factories()[i];
                std::iter::once(f.name.as_str())
                    .chain(f.aliases.iter().map(IStr::as_str))
                    .collect()
            }
            Record::Antenna(i) => vec![cat.antennas()[i].name.as_str()],
        }
    };
    let all: Vec<Record> = (0..cat.factories().len())
        .map(Record::Factory)
        .chain((0..cat.antennas().len()).map(Record::Antenna))
        .collect();
    let exact: Vec<Record> = all
        .iter()
        .copied()
        .filter(|&r| names(r).iter().any(|n| fold(n) == q))
        .collect();
    let candidates = if exact.is_empty() {
        all.iter()
            .copied()
            .filter(|&r| names(r).iter().any(|n| fold(n).starts_with(&q)))
            .collect()
    } else {
        exact
    };
    match candidates.as_slice() {
        [one] => Ok(*one),
        [] => {
            let ids = cat
                .factories()
                .iter()
                .map(|f| f.id.as_str())
                .chain(cat.antennas().iter().map(|a| a.id.as_str()));
            let mut scored: Vec<(usize, &str)> = ids
                .map(|id| (crate::text::edit_distance(&q, id), id))
                .collect();
            scored.sort();
            let near: Vec<&str> = scored.iter().take(3).map(|&(_, id)| id).collect();
            Err(Failure::bad_input(format!(
                "no factory or antenna called `{}`; nearest ids: {}",
                crate::text::sanitize(query),
                near.join(", ")
            )))
        }
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|&r| match r {
                    Record::Factory(i) => {
                        let f = &cat.factories()[i];
                        format!("  {}  {}", f.id, f.name)
                    }
                    Record::Antenna(i) => {
                        let a = &cat.antennas()[i];
                        format!("  {}  {}", a.id, a.name)
                    }
                })
                .collect();
            Err(Failure::bad_input(format!(
                "`{}` is ambiguous; it could be:\n{}",
                crate::text::sanitize(query),
                list.join("\n")
            )))
        }
    }
}

/// Load the data named by the options (the file of `validate FILE` wins over `--data`) and
/// settle the global options.
pub fn context(cli: &Cli, stdout_is_terminal: bool) -> Result<Ctx, crate::data::LoadError> {
    let file = match &cli.command {
        Some(Command::Validate(v)) => v.file.as_ref().or(cli.data.as_ref()),
        _ => cli.data.as_ref(),
    };
    let cat = match file {
        Some(path) => Catalog::from_file(path)?,
        None => Catalog::embedded()?,
    };
    let env = |k: &str| std::env::var(k).ok();
    Ok(Ctx {
        cat,
        lang: lang_from(cli.lang, &env),
        today: cli.today.unwrap_or_else(Day::today_utc),
        color: color_from(cli.color, stdout_is_terminal, no_color_env()),
    })
}

/// Run a command with buffered standard output; a closed pipe (`| head`) is not an error.
/// `validate` first prints the data's warnings to standard error; they do not change its
/// exit status.
pub fn run_to_stdout(ctx: &Ctx, cmd: &Command, width: Option<u16>) -> u8 {
    if let Command::Validate(_) = cmd {
        let problems = ctx.cat.warnings();
        if !problems.is_empty() {
            eprintln!(
                "{}",
                crate::data::Warnings {
                    file: &ctx.cat.origin,
                    problems: &problems,
                }
            );
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let result = run_command(ctx, cmd, width, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(f) if f.output_closed => EXIT_OK,
        Err(f) => {
            drop(out);
            if matches!(cmd, Command::Diff(_)) && f.code == EXIT_BAD_INPUT {
                // A file `diff` could not load, reported as `validate` reports it.
                eprintln!("{}", f.message);
            } else {
                eprintln!("aifactories: {}", f.message);
            }
            f.code
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_environment_unless_given() {
        let env = |k: &str| (k == "LANG").then(|| "fr_FR.UTF-8".to_string());
        assert_eq!(lang_from(None, &env), Lang::Fr);
        assert_eq!(lang_from(Some(args::LangArg::En), &env), Lang::En);
        let none = |_: &str| None;
        assert_eq!(lang_from(None, &none), Lang::En);
        let lc_all = |k: &str| match k {
            "LC_ALL" => Some("en_GB.UTF-8".to_string()),
            "LANG" => Some("fr_FR".to_string()),
            _ => None,
        };
        assert_eq!(lang_from(None, &lc_all), Lang::En);
    }

    #[test]
    fn width_from_the_option_then_columns_then_the_terminal() {
        assert_eq!(width_from(Some(50), Some("90"), || Some(120)), Some(50));
        assert_eq!(width_from(None, Some("90"), || Some(120)), Some(90));
        assert_eq!(width_from(None, Some("0"), || Some(120)), Some(120));
        assert_eq!(width_from(None, Some("wide"), || None), None);
        assert_eq!(width_from(None, None, || None), None);
    }

    #[test]
    fn colour_follows_no_color_and_the_terminal() {
        assert!(!color_from(ColorArg::Auto, true, true));
        assert!(color_from(ColorArg::Auto, true, false));
        assert!(!color_from(ColorArg::Auto, false, false));
        assert!(color_from(ColorArg::Always, false, true));
        assert!(!color_from(ColorArg::Never, true, false));
    }
}
