//! Semantic styles, in four themes ([`ThemeName`]): the default one for dark terminals, a
//! light one for light backgrounds, a high-contrast one (black, white and yellow, bold), and
//! the monochrome one (NO_COLOR, `--color never`), which uses only bold, reverse, underline
//! and dim, never a colour: with colours off, crossterm's resets would otherwise wipe the
//! selection highlight. The configuration file can recolour any style by its field name
//! ([`Theme::with_overrides`]).

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::data::Problem;
use crate::timeline::{Status, When};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Roles are told apart without relying on colour: the map marks tiles with signs and
    /// dims with the dim attribute (Monochrome, which has no colour at all, and
    /// HighContrast).
    pub mono: bool,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    /// Selected row when its pane does not have focus.
    pub selected_unfocused: Style,
    /// Matched letters in the list.
    pub matched: Style,
    pub key: Style,
    pub error: Style,
    pub label: Style,
    pub unconfirmed: Style,
    // Map roles.
    pub host: Style,
    pub partner: Style,
    pub antenna: Style,
    pub other: Style,
    /// A tile of the selected factory's network.
    pub network: Style,
    /// The host of the selected factory.
    pub network_host: Style,
    pub cursor: Style,
    /// The list's row markers.
    pub factory_marker: Style,
    pub antenna_marker: Style,
    // Timeline.
    pub done: Style,
    pub ongoing: Style,
    pub upcoming: Style,
    pub slipped: Style,
    pub plan: Style,
    pub today: Style,
    pub lane_selected: Style,
}

/// The style names of the configuration's `colors`: the [`Theme`] fields.
pub const STYLE_NAMES: [&str; 28] = [
    "text",
    "dim",
    "title",
    "border",
    "border_focus",
    "selected",
    "selected_unfocused",
    "matched",
    "key",
    "error",
    "label",
    "unconfirmed",
    "host",
    "partner",
    "antenna",
    "other",
    "network",
    "network_host",
    "cursor",
    "factory_marker",
    "antenna_marker",
    "done",
    "ongoing",
    "upcoming",
    "slipped",
    "plan",
    "today",
    "lane_selected",
];

impl Default for Theme {
    fn default() -> Theme {
        Theme::dark()
    }
}

impl Theme {
    /// Monochrome when `mono`, else the default (dark) theme.
    pub fn new(mono: bool) -> Theme {
        if mono {
            Theme::monochrome()
        } else {
            Theme::dark()
        }
    }

    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Default => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Monochrome => Theme::monochrome(),
        }
    }

    /// A style by its field name.
    pub fn style(&self, name: &str) -> Option<Style> {
        let mut t = *self;
        t.style_mut(name).map(|s| *s)
    }

    fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "text" => &mut self.text,
            "dim" => &mut self.dim,
            "title" => &mut self.title,
            "border" => &mut self.border,
            "border_focus" => &mut self.border_focus,
            "selected" => &mut self.selected,
            "selected_unfocused" => &mut self.selected_unfocused,
            "matched" => &mut self.matched,
            "key" => &mut self.key,
            "error" => &mut self.error,
            "label" => &mut self.label,
            "unconfirmed" => &mut self.unconfirmed,
            "host" => &mut self.host,
            "partner" => &mut self.partner,
            "antenna" => &mut self.antenna,
            "other" => &mut self.other,
            "network" => &mut self.network,
            "network_host" => &mut self.network_host,
            "cursor" => &mut self.cursor,
            "factory_marker" => &mut self.factory_marker,
            "antenna_marker" => &mut self.antenna_marker,
            "done" => &mut self.done,
            "ongoing" => &mut self.ongoing,
            "upcoming" => &mut self.upcoming,
            "slipped" => &mut self.slipped,
            "plan" => &mut self.plan,
            "today" => &mut self.today,
            "lane_selected" => &mut self.lane_selected,
            _ => return None,
        })
    }

    /// The theme with colours replaced, from the configuration's `colors`: style name (a
    /// field: `title`, `selected`, ...) → colour spec, see [`parse_colors`]. Only the colours
    /// named change; the modifiers (bold, ...) stay. Every problem is reported, each naming
    /// its entry (`colors["title"]`).
    pub fn with_overrides(mut self, colors: &[(String, String)]) -> Result<Theme, Vec<Problem>> {
        let mut problems = Vec::new();
        for (i, (name, spec)) in colors.iter().enumerate() {
            let field = format!("colors[{name:?}]");
            let problem = |message: String| Problem {
                position: None,
                record: None,
                field: Some(field.clone()),
                message,
            };
            if colors[..i].iter().any(|(n, _)| n == name) {
                problems.push(problem("given twice".to_string()));
                continue;
            }
            let parsed = parse_colors(spec);
            let Some(style) = self.style_mut(name) else {
                problems.push(problem(format!(
                    "unknown style {name:?}{}; the styles are: {}",
                    crate::text::did_you_mean(name, STYLE_NAMES.iter().copied()),
                    STYLE_NAMES.join(", ")
                )));
                continue;
            };
            match parsed {
                Ok((fg, bg)) => {
                    if let Some(c) = fg {
                        style.fg = Some(c);
                    }
                    if let Some(c) = bg {
                        style.bg = Some(c);
                    }
                }
                Err(e) => problems.push(problem(e)),
            }
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }

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
            host: Style::new()
                .bg(Color::Rgb(0, 95, 135))
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            partner: Style::new().bg(Color::Rgb(0, 75, 60)).fg(Color::White),
            antenna: Style::new().bg(Color::Rgb(95, 60, 0)).fg(Color::White),
            other: Style::new().bg(Color::Rgb(40, 40, 40)).fg(Color::Gray),
            network: Style::new()
                .bg(Color::Green)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            network_host: Style::new()
                .bg(Color::LightGreen)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            cursor: Style::new()
                .bg(Color::White)
                .fg(Color::Black)
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

    /// Style of a milestone marker by its status.
    pub fn status(&self, st: &Status) -> Style {
        if st.planned {
            self.plan
        } else if st.slipped {
            self.slipped
        } else {
            match st.when {
                When::Done => self.done,
                When::Ongoing => self.ongoing,
                When::Upcoming => self.upcoming,
            }
        }
    }
}

/// A colour as written in the configuration: a name (`black`, `red`, `green`, `yellow`,
/// `blue`, `magenta`, `cyan`, `gray`, `dark_gray`, `light_red`, `light_green`,
/// `light_yellow`, `light_blue`, `light_magenta`, `light_cyan`, `white`, or `reset` for the
/// terminal's own; case, `-`, `_` and spaces ignored, `grey` accepted), `#rrggbb`, or a
/// 256-colour palette index `0`..`255`.
pub fn parse_color(s: &str) -> Result<Color, String> {
    let t = s.trim();
    if let Some(hex) = t.strip_prefix('#') {
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
            return Ok(Color::Rgb(v(0), v(2), v(4)));
        }
        return Err(format!(
            "bad colour {s:?}: `#` takes six hex digits, as in #005f87"
        ));
    }
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return t
            .parse::<u8>()
            .map(Color::Indexed)
            .map_err(|_| format!("bad colour {s:?}: palette indexes go from 0 to 255"));
    }
    let folded: String = t
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace("grey", "gray");
    let color = match folded.as_str() {
        "reset" | "default" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" => Color::Gray,
        "darkgray" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => {
            return Err(format!(
                "unknown colour {s:?}{}: use a name ({}), #rrggbb or 0..255",
                crate::text::did_you_mean(
                    &folded,
                    COLOR_NAMES
                        .iter()
                        .map(|n| n.replace('_', ""))
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str)
                ),
                COLOR_NAMES.join(", ")
            ));
        }
    };
    Ok(color)
}

/// The colour names [`parse_color`] knows.
pub const COLOR_NAMES: [&str; 17] = [
    "reset",
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark_gray",
    "light_red",
    "light_green",
    "light_yellow",
    "light_blue",
    "light_magenta",
    "light_cyan",
    "white",
];

/// A style's colours as written in the configuration: `"<fg>"`, `"<fg> on <bg>"` or
/// `"on <bg>"`, each colour as in [`parse_color`]. Returns (foreground, background).
pub fn parse_colors(spec: &str) -> Result<(Option<Color>, Option<Color>), String> {
    let t = spec.trim();
    let lower = t.to_ascii_lowercase();
    let (fg, bg) = if let Some(rest) = lower.strip_prefix("on ") {
        (None, Some(&t[t.len() - rest.len()..]))
    } else if let Some(i) = lower.find(" on ") {
        (Some(&t[..i]), Some(&t[i + 4..]))
    } else {
        (Some(t), None)
    };
    if fg.is_some_and(|f| f.trim().is_empty()) || bg.is_some_and(|b| b.trim().is_empty()) {
        return Err(format!(
            "bad colours {spec:?}: write \"<colour>\", \"<colour> on <colour>\" or \"on <colour>\""
        ));
    }
    Ok((
        fg.map(parse_color).transpose()?,
        bg.map(parse_color).transpose()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_name_is_a_field() {
        let mut t = Theme::dark();
        for name in STYLE_NAMES {
            assert!(t.style_mut(name).is_some(), "{name}");
        }
        assert!(t.style_mut("mono").is_none());
    }

    #[test]
    fn new_is_default_or_monochrome() {
        let (colour, mono) = (Theme::new(false), Theme::new(true));
        assert!(!colour.mono && mono.mono);
        assert_ne!(colour, mono);
        assert_eq!(colour, Theme::named(ThemeName::default()));
        assert_eq!(mono, Theme::named(ThemeName::Monochrome));
        // Each name gives a theme of its own.
        let all = [
            ThemeName::Default,
            ThemeName::Light,
            ThemeName::HighContrast,
            ThemeName::Monochrome,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(Theme::named(*a), Theme::named(*b), "{a:?} = {b:?}");
            }
        }
    }

    #[test]
    fn high_contrast_is_black_white_and_yellow_and_never_dim() {
        let t = Theme::high_contrast();
        for name in STYLE_NAMES {
            let st = t.style(name).unwrap();
            for c in [st.fg, st.bg].into_iter().flatten() {
                assert!(
                    matches!(c, Color::Black | Color::White | Color::LightYellow),
                    "{name}: {c:?}"
                );
            }
            assert!(!st.add_modifier.contains(Modifier::DIM), "{name}");
        }
    }

    #[test]
    fn theme_names_parse() {
        for n in ThemeName::ALL {
            assert_eq!(n.name().parse::<ThemeName>(), Ok(n));
        }
        assert_eq!("High_Contrast".parse(), Ok(ThemeName::HighContrast));
        assert_eq!("mono".parse(), Ok(ThemeName::Monochrome));
        assert!("sepia".parse::<ThemeName>().is_err());
    }

    #[test]
    fn colours_parse() {
        assert_eq!(parse_color("Light-Red"), Ok(Color::LightRed));
        assert_eq!(parse_color("dark grey"), Ok(Color::DarkGray));
        assert_eq!(parse_color("#005F87"), Ok(Color::Rgb(0, 95, 135)));
        assert_eq!(parse_color("231"), Ok(Color::Indexed(231)));
        assert_eq!(parse_color("reset"), Ok(Color::Reset));
        for bad in ["", "256", "#12345", "#gggggg", "purple", "-1"] {
            assert!(parse_color(bad).is_err(), "{bad:?}");
        }
        assert!(
            parse_color("whit")
                .unwrap_err()
                .contains("did you mean \"white\"")
        );
        assert_eq!(
            parse_colors("white on blue"),
            Ok((Some(Color::White), Some(Color::Blue)))
        );
        assert_eq!(
            parse_colors("on #000000"),
            Ok((None, Some(Color::Rgb(0, 0, 0))))
        );
        assert_eq!(parse_colors("yellow"), Ok((Some(Color::Yellow), None)));
        assert!(parse_colors("white on").is_err());
        assert!(parse_colors(" on ").is_err());
    }

    #[test]
    fn overrides_change_colours_only_and_report_every_problem() {
        let o = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let t = Theme::dark()
            .with_overrides(&o(&[("title", "magenta"), ("selected", "on 22")]))
            .unwrap();
        assert_eq!(t.title.fg, Some(Color::Magenta));
        assert!(t.title.add_modifier.contains(Modifier::BOLD));
        assert_eq!(t.selected.bg, Some(Color::Indexed(22)));
        assert_eq!(t.selected.fg, Some(Color::White));
        let e = Theme::dark()
            .with_overrides(&o(&[("titel", "red"), ("dim", "purple"), ("dim", "red")]))
            .unwrap_err();
        let fields: Vec<_> = e.iter().map(|p| p.field.clone().unwrap()).collect();
        assert_eq!(
            fields,
            [r#"colors["titel"]"#, r#"colors["dim"]"#, r#"colors["dim"]"#]
        );
        assert!(
            e[0].message.contains(r#"did you mean "title""#),
            "{}",
            e[0].message
        );
    }
}
