//! Semantic styles, in four themes ([`ThemeName`]): the default one for dark terminals, a
//! light one for light backgrounds, a high-contrast one (black, white and yellow, bold), and
//! the monochrome one (NO_COLOR, `--color never`), which uses only bold, reverse, underline
//! and dim, never a colour: with colours off, crossterm's resets would otherwise wipe the
//! selection highlight. The configuration file can recolour any style by its field name
//! ([`Theme::with_overrides`]).
//!
//! The [`Theme`] and its style names are here, the built-in themes and their names in
//! `named`, and the parsing of colours and the configuration's overrides in `colors`.

mod colors;
pub mod contrast;
mod named;
#[cfg(test)]
mod tests;

use ratatui::style::Style;

use crate::timeline::{Status, When};
pub use colors::{COLOR_NAMES, parse_color, parse_colors};
pub use named::ThemeName;

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
