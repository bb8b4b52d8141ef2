//! The built-in themes: [`ThemeName`], their names as written on the command line and in the
//! configuration, and the styles of each ([`Theme::dark`], [`Theme::light`],
//! [`Theme::high_contrast`], [`Theme::monochrome`]).

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use super::Theme;

/// The built-in themes, by name. In the configuration file an identifier in any of the
/// spellings [`FromStr`] accepts (`Light`, `HighContrast`, `high_contrast`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeName {
    /// Colours for dark terminal backgrounds.
    #[default]
    Default,
    /// Dark text and pale tiles for light terminal backgrounds.
    Light,
    /// Bold, bright black, white and yellow only; roles told apart by markers too.
    HighContrast,
    /// No colour at all: bold, reverse, underline, italic and dim.
    Monochrome,
}

impl<'de> Deserialize<'de> for ThemeName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ThemeName, D::Error> {
        use serde::de::{EnumAccess, Error, VariantAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ThemeName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a theme: Default, Light, HighContrast or Monochrome")
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<ThemeName, A::Error> {
                let (Ident(name), variant) = data.variant()?;
                let theme = name.parse().map_err(|_| {
                    A::Error::custom(format!(
                        "unknown theme {name:?} (themes: Default, Light, HighContrast, Monochrome)"
                    ))
                })?;
                variant.unit_variant()?;
                Ok(theme)
            }
        }
        /// A variant's name as written.
        struct Ident(String);
        impl<'de> Deserialize<'de> for Ident {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ident, D::Error> {
                struct I;
                impl Visitor<'_> for I {
                    type Value = Ident;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("a theme name")
                    }
                    fn visit_str<E: Error>(self, v: &str) -> Result<Ident, E> {
                        Ok(Ident(v.to_string()))
                    }
                }
                d.deserialize_identifier(I)
            }
        }
        d.deserialize_enum(
            "ThemeName",
            &["Default", "Light", "HighContrast", "Monochrome"],
            V,
        )
    }
}

impl ThemeName {
    pub const ALL: [ThemeName; 4] = [
        ThemeName::Default,
        ThemeName::Light,
        ThemeName::HighContrast,
        ThemeName::Monochrome,
    ];

    /// The name on the command line (`--theme high-contrast`).
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Monochrome => "monochrome",
        }
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ThemeName {
    type Err = String;

    /// `default`, `light`, `high-contrast`, `monochrome`; case, `-` and `_` ignored, and
    /// `dark` and `mono` accepted.
    fn from_str(s: &str) -> Result<ThemeName, String> {
        let folded: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        match folded.as_str() {
            "default" | "dark" => Ok(ThemeName::Default),
            "light" => Ok(ThemeName::Light),
            "highcontrast" | "contrast" => Ok(ThemeName::HighContrast),
            "monochrome" | "mono" => Ok(ThemeName::Monochrome),
            _ => Err(format!(
                "unknown theme {s:?} (themes: default, light, high-contrast, monochrome)"
            )),
        }
    }
}

impl Theme {
    pub fn dark() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            mono: false,
            text: Style::new(),
            dim: fg(Color::DarkGray),
            title: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: fg(Color::DarkGray),
            border_focus: fg(Color::Cyan),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::DarkGray).fg(Color::White),
            matched: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            label: fg(Color::Gray).add_modifier(Modifier::BOLD),
            unconfirmed: fg(Color::Yellow),
            // The map's tiles: fixed colours (not the terminal scheme's), text at least 4.5:1 on
            // each fill (a test computes it), the fills darker from host to other, and a mark
            // on each role's tile besides its hue.
            host: Style::new()
                .bg(Color::Rgb(0, 95, 135))
                .fg(Color::Rgb(255, 255, 255))
                .add_modifier(Modifier::BOLD),
            partner: Style::new()
                .bg(Color::Rgb(0, 80, 62))
                .fg(Color::Rgb(255, 255, 255)),
            antenna: Style::new()
                .bg(Color::Rgb(80, 48, 0))
                .fg(Color::Rgb(255, 255, 255)),
            other: Style::new()
                .bg(Color::Rgb(40, 40, 40))
                .fg(Color::Rgb(200, 200, 200)),
            network: Style::new()
                .bg(Color::Rgb(95, 175, 95))
                .fg(Color::Rgb(0, 0, 0))
                .add_modifier(Modifier::BOLD),
            network_host: Style::new()
                .bg(Color::Rgb(135, 215, 135))
                .fg(Color::Rgb(0, 0, 0))
                .add_modifier(Modifier::BOLD),
            cursor: Style::new()
                .bg(Color::Rgb(255, 255, 255))
                .fg(Color::Rgb(0, 0, 0))
                .add_modifier(Modifier::BOLD),
            factory_marker: fg(Color::Cyan),
            antenna_marker: fg(Color::Yellow),
            done: fg(Color::Green),
            ongoing: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            upcoming: fg(Color::Blue).add_modifier(Modifier::BOLD),
            slipped: fg(Color::Red).add_modifier(Modifier::BOLD),
            plan: fg(Color::Magenta),
            today: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            lane_selected: Style::new().bg(Color::Rgb(30, 30, 60)),
        }
    }

    pub fn monochrome() -> Theme {
        let s = Style::new();
        let bold = s.add_modifier(Modifier::BOLD);
        let rev = s.add_modifier(Modifier::REVERSED);
        Theme {
            mono: true,
            text: s,
            dim: s.add_modifier(Modifier::DIM),
            title: bold,
            border: s,
            border_focus: bold,
            selected: rev.add_modifier(Modifier::BOLD),
            selected_unfocused: rev,
            matched: s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            key: bold,
            error: bold.add_modifier(Modifier::UNDERLINED),
            label: bold,
            unconfirmed: s.add_modifier(Modifier::ITALIC),
            host: bold,
            partner: s.add_modifier(Modifier::UNDERLINED),
            antenna: s.add_modifier(Modifier::ITALIC),
            other: s.add_modifier(Modifier::DIM),
            network: rev,
            network_host: rev.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            cursor: rev.add_modifier(Modifier::BOLD),
            factory_marker: bold,
            antenna_marker: s.add_modifier(Modifier::ITALIC),
            done: s,
            ongoing: bold,
            upcoming: bold,
            slipped: bold.add_modifier(Modifier::UNDERLINED),
            plan: s.add_modifier(Modifier::ITALIC),
            today: bold,
            lane_selected: s.add_modifier(Modifier::BOLD),
        }
    }

    /// For light terminal backgrounds: dark text, mid-tone tiles under black text, white
    /// only on dark fills. Colours from the fixed part of the 256-colour palette (16–255), which
    /// terminal colour schemes do not remap.
    pub fn light() -> Theme {
        let c = Color::Indexed;
        let fg = |n: u8| Style::new().fg(c(n));
        let on = |bg: u8, fg: u8| Style::new().bg(c(bg)).fg(c(fg));
        let bold = Modifier::BOLD;
        // #005faf blue, #005f87 teal, #af0000 red, #af5f00 ochre, #008700 green, black 16,
        // white 231, greys 232–255.
        Theme {
            mono: false,
            text: Style::new(),
            dim: fg(243),
            title: fg(25).add_modifier(bold),
            border: fg(245),
            border_focus: fg(25),
            selected: on(25, 231).add_modifier(bold),
            selected_unfocused: on(252, 16),
            matched: fg(90).add_modifier(bold | Modifier::UNDERLINED),
            key: fg(24).add_modifier(bold),
            error: fg(124).add_modifier(bold),
            label: fg(238).add_modifier(bold),
            unconfirmed: fg(130),
            // Mid-tone tiles: black text reads on them, and the legend's swatches (the tile
            // colour as text) still show on a white background.
            host: on(111, 16).add_modifier(bold),
            partner: on(108, 16),
            antenna: on(179, 16),
            other: on(249, 16),
            network: on(28, 231).add_modifier(bold),
            network_host: on(22, 231).add_modifier(bold),
            cursor: on(16, 231).add_modifier(bold),
            factory_marker: fg(25),
            antenna_marker: fg(130),
            done: fg(28),
            ongoing: fg(24).add_modifier(bold),
            upcoming: fg(19).add_modifier(bold),
            slipped: fg(124).add_modifier(bold),
            plan: fg(97),
            today: fg(160).add_modifier(bold),
            lane_selected: Style::new().bg(c(189)),
        }
    }

    /// Bold and bright, in black, white and (bright) yellow only, for dark backgrounds: no
    /// style dimmed, every highlight a solid block, and the map's roles marked with signs as
    /// in monochrome (`mono`), so that nothing depends on telling hues apart.
    pub fn high_contrast() -> Theme {
        let (k, w, y) = (Color::Black, Color::White, Color::LightYellow);
        let s = Style::new();
        let bold = Modifier::BOLD;
        let on = |bg: Color, fg: Color| Style::new().bg(bg).fg(fg).add_modifier(bold);
        Theme {
            mono: true,
            text: s,
            dim: s,
            title: s.fg(y).add_modifier(bold),
            border: s.fg(w),
            border_focus: s.fg(y).add_modifier(bold),
            selected: on(y, k),
            selected_unfocused: on(w, k),
            matched: s.fg(y).add_modifier(bold | Modifier::UNDERLINED),
            key: s.fg(y).add_modifier(bold),
            error: on(y, k).add_modifier(Modifier::UNDERLINED),
            label: s.fg(w).add_modifier(bold),
            unconfirmed: s.fg(y).add_modifier(bold),
            host: on(w, k),
            partner: s.fg(w).add_modifier(bold | Modifier::UNDERLINED),
            antenna: s.fg(y).add_modifier(bold),
            other: s.fg(w),
            network: on(y, k),
            network_host: on(y, k).add_modifier(Modifier::UNDERLINED),
            cursor: on(w, k).add_modifier(Modifier::UNDERLINED),
            factory_marker: s.fg(w).add_modifier(bold),
            antenna_marker: s.fg(y).add_modifier(bold),
            done: s.fg(w),
            ongoing: s.fg(y).add_modifier(bold),
            upcoming: s.fg(w).add_modifier(bold),
            slipped: on(y, k),
            plan: s.fg(w).add_modifier(Modifier::ITALIC),
            today: s.fg(y).add_modifier(bold | Modifier::UNDERLINED),
            lane_selected: s.add_modifier(Modifier::UNDERLINED),
        }
    }
}
