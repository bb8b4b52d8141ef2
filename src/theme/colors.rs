//! Colours as the configuration writes them ([`parse_color`], [`parse_colors`]) and the
//! configuration's recolouring of a theme ([`Theme::with_overrides`]).

use ratatui::style::Color;

use super::{STYLE_NAMES, Theme};
use crate::data::Problem;

impl Theme {
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
