//! The optional configuration file: key bindings, theme, colours, language and mouse.
//!
//! RON, like the dataset, read from `$XDG_CONFIG_HOME/aifactories/config.ron` (else
//! `~/.config/aifactories/config.ron`) or from a path given on the command line. A missing
//! file at the default path means the defaults; a missing file named explicitly is an error.
//! A bad file is reported like a bad dataset: `file:line:col` for syntax and type errors, the
//! entry (`keys["list.down"][1]`, `colors["title"]`) for the rest, every problem at once.
//!
//! ```ron
//! Config(
//!     keys: { "quit": ["x"], "list.down": ["n", "down"] },
//!     theme: Light,
//!     colors: { "title": "magenta", "selected": "white on #005f87" },
//!     lang: fr,
//!     mouse: false,
//! )
//! ```
//!
//! Every field is optional; `Some(...)` may be written or left out. See `examples/config.ron`.

use std::ffi::OsString;
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

use crate::data::{Lang, LoadError, Problem};
use crate::keymap::Keymap;
use crate::theme::Theme;
pub use crate::theme::ThemeName;

/// The directory under the configuration home.
pub const DIR_NAME: &str = "aifactories";
/// The file in it.
pub const FILE_NAME: &str = "config.ron";

/// The configuration file's content. Every field is optional; absent means the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Action name (`quit`, `list.down`) → the keys that replace its default keys, in the
    /// order written. See [`Keymap::apply`].
    #[serde(deserialize_with = "ordered_map")]
    pub keys: Option<Vec<(String, Vec<String>)>>,
    /// The colour theme (overridden by `--theme`).
    pub theme: Option<ThemeName>,
    /// Style name (a [`Theme`] field: `title`, `selected`, ...) → colour, applied over the
    /// theme, in the order written. See [`Theme::with_overrides`].
    #[serde(deserialize_with = "ordered_map")]
    pub colors: Option<Vec<(String, String)>>,
    /// The language (overridden by `--lang`, and itself over `LANG`/`LC_ALL`).
    pub lang: Option<Lang>,
    /// Whether the dashboard captures the mouse (`--no-mouse` turns it off).
    pub mouse: Option<bool>,
}

impl Config {
    /// Parse and check configuration text; `file` names it in messages. Blank text, or only
    /// comments, is the defaults.
    pub fn from_ron(text: &str, file: &str) -> Result<Config, LoadError> {
        if only_comments(text) {
            return Ok(Config::default());
        }
        let config: Config = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|e| crate::data::ron_error(text, file, &e))?;
        let problems = config.problems();
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(LoadError {
                file: file.to_string(),
                problems,
            })
        }
    }

    /// Every semantic problem: bad action and key names, clashes, bad style and colour names.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = self.keymap().err().unwrap_or_default();
        if let Some(colors) = &self.colors
            && let Err(e) = Theme::named(ThemeName::Default).with_overrides(colors)
        {
            problems.extend(e);
        }
        problems
    }

    /// The keymap: the defaults with this file's `keys`.
    pub fn keymap(&self) -> Result<Keymap, Vec<Problem>> {
        let mut map = Keymap::default();
        match &self.keys {
            Some(entries) => map.apply(entries).map(|()| map),
            None => Ok(map),
        }
    }

    /// The theme to draw with. `mono` (colour turned off: `--color never`, or `NO_COLOR` when
    /// no theme was asked for) gives [`Theme::monochrome`] and ignores the colours. Otherwise
    /// the theme is `chosen` (`--theme`), else the file's, else [`ThemeName::Default`], with
    /// the file's `colors` over it.
    pub fn theme(&self, chosen: Option<ThemeName>, mono: bool) -> Result<Theme, Vec<Problem>> {
        if mono {
            return Ok(Theme::monochrome());
        }
        let theme = Theme::named(chosen.or(self.theme).unwrap_or_default());
        match &self.colors {
            Some(colors) => theme.with_overrides(colors),
            None => Ok(theme),
        }
    }
}

/// Where the configuration is read from by default: `$XDG_CONFIG_HOME/aifactories/config.ron`,
/// else `$HOME/.config/aifactories/config.ron`; none if neither variable is set.
pub fn default_path() -> Option<PathBuf> {
    default_path_in(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// [`default_path`] from given values of `XDG_CONFIG_HOME` and `HOME`. Empty values and a
/// relative `XDG_CONFIG_HOME` are ignored, as the XDG specification says.
pub fn default_path_in(
    xdg_config_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let xdg = xdg_config_home
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = match xdg {
        Some(dir) => dir,
        None => PathBuf::from(home.filter(|v| !v.is_empty())?).join(".config"),
    };
    Some(base.join(DIR_NAME).join(FILE_NAME))
}

/// Read and check the configuration at `path`. A missing file is the defaults unless the path
/// was given `explicit`ly (`--config FILE`), when it is an error like any unreadable file.
pub fn load(path: &Path, explicit: bool) -> Result<Config, LoadError> {
    if !explicit
        && let Err(e) = std::fs::metadata(path)
        && e.kind() == std::io::ErrorKind::NotFound
    {
        return Ok(Config::default());
    }
    let text = crate::data::read_text(path)?;
    Config::from_ron(&text, &path.display().to_string())
}

/// Whether RON text holds nothing but white space and comments (`//`, nested `/* */`).
fn only_comments(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return true;
        }
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if rest.starts_with("/*") {
            let mut depth = 0usize;
            let mut i = 0;
            let b = rest.as_bytes();
            loop {
                if i + 1 >= b.len() {
                    // Unterminated: let the parser report it.
                    return false;
                }
                match (b[i], b[i + 1]) {
                    (b'/', b'*') => {
                        depth += 1;
                        i += 2;
                    }
                    (b'*', b'/') => {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => i += 1,
                }
            }
            rest = &rest[i..];
        } else {
            return false;
        }
    }
}

/// A RON map read as its entries in the order written (so problems are reported in file
/// order, and an entry given twice can be told).
fn ordered_map<'de, D, V>(d: D) -> Result<Option<Vec<(String, V)>>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Entries<V>(Vec<(String, V)>);

    impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V2<V>(PhantomData<V>);
            impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
                type Value = Entries<V>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a map of names in quotes to values: { \"name\": ... }")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
                    let mut out = Vec::new();
                    while let Some((k, v)) = map.next_entry::<String, V>()? {
                        out.push((k, v));
                    }
                    Ok(Entries(out))
                }
            }
            d.deserialize_map(V2(PhantomData))
        }
    }

    Ok(Option::<Entries<V>>::deserialize(d)?.map(|e| e.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_path_follows_xdg() {
        let s = |v: &str| Some(OsString::from(v));
        assert_eq!(
            default_path_in(s("/x/conf"), s("/home/u")),
            Some(PathBuf::from("/x/conf/aifactories/config.ron"))
        );
        assert_eq!(
            default_path_in(None, s("/home/u")),
            Some(PathBuf::from("/home/u/.config/aifactories/config.ron"))
        );
        // Empty or relative XDG_CONFIG_HOME is ignored.
        assert_eq!(
            default_path_in(s(""), s("/home/u")),
            default_path_in(None, s("/home/u"))
        );
        assert_eq!(
            default_path_in(s("rel"), s("/home/u")),
            default_path_in(None, s("/home/u"))
        );
        assert_eq!(default_path_in(None, None), None);
        assert_eq!(default_path_in(s(""), s("")), None);
    }

    #[test]
    fn blank_and_comment_only_files_are_the_defaults() {
        for text in [
            "",
            "  \n",
            "// nothing\n",
            "/* a /* nested */ one */\n// and\n",
        ] {
            assert_eq!(
                Config::from_ron(text, "c.ron"),
                Ok(Config::default()),
                "{text:?}"
            );
        }
        assert!(Config::from_ron("/* open", "c.ron").is_err());
    }

    #[test]
    fn options_need_no_some() {
        let c = Config::from_ron("(theme: Light, lang: fr, mouse: false)", "c.ron").unwrap();
        assert_eq!(c.theme, Some(ThemeName::Light));
        assert_eq!(c.lang, Some(Lang::Fr));
        assert_eq!(c.mouse, Some(false));
        let c = Config::from_ron("Config(theme: Some(HighContrast))", "c.ron").unwrap();
        assert_eq!(c.theme, Some(ThemeName::HighContrast));
    }

    #[test]
    fn maps_keep_the_written_order() {
        let c = Config::from_ron(r#"(keys: { "up": ["k"], "down": ["j"] })"#, "c.ron").unwrap();
        let names: Vec<&str> = c.keys.iter().flatten().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["up", "down"]);
    }
}
