//! Semantic styles. The colour theme is for dark terminals; the monochrome one (NO_COLOR,
//! `--color never`) uses only bold, reverse, underline and dim, never a colour: with colours
//! off, crossterm's resets would otherwise wipe the selection highlight.

use ratatui::style::{Color, Modifier, Style};

use crate::timeline::{Status, When};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
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

impl Theme {
    pub fn new(mono: bool) -> Theme {
        if mono {
            Theme::monochrome()
        } else {
            Theme::dark()
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
