//! Command-line arguments (clap derive). The parsing lives here; each command lives in its own
//! module next to this one.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::{Day, PDate};

#[derive(Debug, Parser)]
#[command(
    name = "aifactories",
    version,
    about = "The EuroHPC AI Factories in your terminal: who hosts what, where, for which \
             sectors, and when each machine arrives.",
    long_about = "The EuroHPC AI Factories in your terminal: who hosts what, where, for which \
                  sectors, and when each machine arrives.\n\nWith no command, opens the \
                  dashboard (needs a terminal). The commands print plain text, CSV or JSON for \
                  scripts.",
    after_help = "Exit status: 0 ok, 1 failure (or no match for `list` and `search`, like grep), \
                  2 bad input or usage.\n\
                  Environment: NO_COLOR disables colour; LANG/LC_ALL starting with `fr` selects French."
)]
pub struct Cli {
    /// Read the dataset from FILE (RON, same format as assets/factories.ron) instead of the
    /// embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Language of labels, sectors and summaries [default: from LC_ALL/LANG, else en].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// The date used as "today" for milestone status [default: the system date].
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<Day>,

    /// When to use colour (NO_COLOR set means never, unless `always`).
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Fit tables in N columns [default: $COLUMNS, else the terminal's width; no limit when
    /// standard output is not a terminal].
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,

    /// Leave the mouse to the terminal (text selection) instead of capturing it.
    #[arg(long)]
    pub no_mouse: bool,

    /// Neither read nor write the record of the data the dashboard showed last, which `n`
    /// ("what's new") compares with [file: $XDG_STATE_HOME/aifactories/seen.ron or
    /// ~/.local/state/aifactories/seen.ron].
    #[arg(long)]
    pub no_state: bool,

    /// The year the dashboard's timeline starts on, by month [default: 2025].
    #[arg(long, value_name = "Y")]
    pub year: Option<i32>,

    /// Dashboard settings (RON): key overrides, theme, colours, language, mouse
    /// [default: $XDG_CONFIG_HOME/aifactories/config.ron or ~/.config/aifactories/config.ron].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Dashboard theme: default (dark terminals), light, high-contrast, monochrome.
    #[arg(long, value_name = "THEME", value_parser = parse_theme)]
    pub theme: Option<crate::theme::ThemeName>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List factories (and, with --antennas, antennas).
    List(ListArgs),
    /// Show one factory or antenna in full, by id or name (case and accents ignored).
    Show(ShowArgs),
    /// Check a dataset file and report every problem (default: the embedded data).
    Validate(ValidateArgs),
    /// Write the whole dataset as RON (accepted by --data), JSON or CSV.
    Export(ExportArgs),
    /// Fuzzy search factories and antennas by sector, name, country, city, machine.
    Search(SearchArgs),
    /// Milestones in date order, with their status relative to --today.
    Timeline(TimelineArgs),
    /// Compare two datasets: records added, removed and changed, milestones moved.
    Diff(DiffArgs),
    /// Which factories and antennas serve you: ranked for your country, sectors and profile,
    /// each with its reasons.
    Match(MatchArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on standard output.
    Man,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only factories of this selection wave.
    #[arg(long, value_name = "N")]
    pub wave: Option<u8>,
    /// Only factories hosted in, or partnering with, this country (ISO code or name).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Only factories serving this sector (key, label or synonym, in English or French).
    #[arg(long, value_name = "KEY")]
    pub sector: Option<String>,
    /// Also list the AI Factory Antennas: with --country, those in that country; with --wave or
    /// --sector, those serving a factory listed.
    #[arg(long)]
    pub antennas: bool,
    /// `csv`: one table of records, `kind` first, with the columns of `export --format csv`.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Factory or antenna id, name or other name.
    #[arg(value_name = "ID-OR-NAME")]
    pub query: String,
    /// `csv`: one row, with the columns of `export --format csv`.
    #[arg(long, value_enum, default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The file to check; without it, --data or the embedded dataset.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words and filters: `health spain`, `sector:energy`, `country:es wave:1`, `system:jupiter`.
    #[arg(value_name = "QUERY", num_args = 1.., required = true)]
    pub query: Vec<String>,
    /// At most N results.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = SearchFormat::Table)]
    pub format: SearchFormat,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only milestones dated in this year.
    #[arg(long, value_name = "Y", conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// Only milestones from this date (any precision: 2025, 2025-07, 2025-H1, 2025-07-01).
    #[arg(long, value_name = "DATE", value_parser = parse_pdate)]
    pub from: Option<PDate>,
    /// Only milestones up to this date (any precision).
    #[arg(long, value_name = "DATE", value_parser = parse_pdate)]
    pub to: Option<PDate>,
    /// Only this factory's milestones (id or name).
    #[arg(long, value_name = "ID")]
    pub factory: Option<String>,
    /// Only this kind: policy, call, selection, agreement, procurement (tender), contract,
    /// installation, launch (inauguration), operation, other.
    #[arg(long, value_name = "K")]
    pub kind: Option<String>,
    /// Only the events that came after their plan's window and the plans overdue (a factory
    /// they name has no answering event and the window has passed).
    #[arg(long)]
    pub late: bool,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 the same, 1 different, 2 a file cannot be loaded.\n\
                        Example:\n  \
                        git show v0.1.0:assets/factories.ron > old.ron\n  \
                        aifactories diff old.ron assets/factories.ron"
)]
pub struct DiffArgs {
    /// The older dataset file (`-` or `embedded`: the embedded data).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The newer dataset file (`-` or `embedded`: the embedded data).
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
                        aifactories match --country pt --sector health --profile startup\n  \
                        aifactories match --country Croatie --format json")]
pub struct MatchArgs {
    /// Your country: ISO code or name, in English or French (accents optional).
    #[arg(long, value_name = "CC")]
    pub country: String,
    /// A sector you work in (key, label or synonym, English or French); repeat for several.
    #[arg(long, value_name = "S")]
    pub sector: Vec<String>,
    /// Who you are; factories whose sources say they are open to it rank first.
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    Startup,
    Sme,
    Industry,
    Academia,
    Public,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
                        aifactories completions bash > ~/.local/share/bash-completion/completions/aifactories\n  \
                        aifactories completions zsh > ~/.zfunc/_aifactories\n  \
                        aifactories completions fish > ~/.config/fish/completions/aifactories.fish")]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

/// `show`'s formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    Text,
    Json,
    Csv,
}

/// `search`'s formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ron,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableJson {
    Table,
    Json,
}

fn parse_theme(s: &str) -> Result<crate::theme::ThemeName, String> {
    s.parse().map_err(|_| {
        let names: Vec<&str> = crate::theme::ThemeName::ALL
            .iter()
            .map(|t| t.name())
            .collect();
        format!("unknown theme `{s}` (themes: {})", names.join(", "))
    })
}

fn parse_day(s: &str) -> Result<Day, String> {
    s.parse::<Day>()
        .map_err(|e| format!("{e} (expected YYYY-MM-DD)"))
}

fn parse_pdate(s: &str) -> Result<PDate, String> {
    PDate::parse(s).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
