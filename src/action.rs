//! Everything that can change the dashboard's state. Keys become actions through the key map,
//! mouse events through the geometry of the last frame; `App::update` is the only place that
//! applies them.

use crate::layout::{Geometry, Pane};
use crate::search::SearchResult;

/// What became of a URL to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A browser was started.
    Started,
    /// Over SSH with no `$BROWSER`: a browser here would open on the wrong machine; the URL
    /// was copied instead.
    OverSsh,
    /// No browser could be started; the URL was copied instead.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Esc: close the overlay, else leave and clear the search, else clear the country filter.
    Back,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    ToggleHelp,
    ToggleLang,
    /// Tiles grid or geographic map.
    ToggleMapView,
    /// 2025 by month, or the whole span by quarter.
    ToggleZoom,
    /// `[` / `]`: the previous / next year by month.
    YearPrev,
    YearNext,
    /// `H` / `L` in the timeline: the previous / next milestone of all lanes, in date order.
    MilestonePrev,
    MilestoneNext,
    /// `p`: the plan-against-reality view in the timeline's place, or the timeline back.
    TogglePlanView,
    /// Move within the focused pane.
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter: on the map, filter the list by the country; in search, go to the list.
    Confirm,
    /// Start typing a query (`/`).
    StartSearch,
    /// A character typed into the search box.
    Input(char),
    /// Pasted text, inserted in the search box as typed.
    Paste(String),
    Backspace,
    DeleteWord,
    ClearQuery,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    /// Mouse: select the list row at this index of the list.
    SelectRow(usize),
    /// Mouse: put the map cursor on this country (index in the country table) and filter.
    SelectCountry(usize),
    /// Mouse: select this timeline entry.
    SelectMilestone(usize),
    /// Mouse wheel over a pane.
    ScrollUp(Pane),
    ScrollDown(Pane),
    /// The terminal changed size.
    Resize(u16, u16),
    /// Redraw everything (Ctrl-L).
    Redraw,
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    Suspend,
    /// `n`: list what changed since the data was last seen (and remember it as seen).
    ShowChanges,
    /// Copy the selected milestone's or record's main source URL to the clipboard.
    Copy,
    /// `s` in the list: the next sort key.
    CycleSort,
    /// `f`: the "for me" view (country from the map or the query, sectors from the query),
    /// or back to the results.
    ForMe,
    /// `o`: open the selection's website (or the chosen milestone's source) in the browser.
    Open,
    /// The loop tried to open this URL in a browser.
    Opened(String, Opened),
    /// The search worker answered.
    SearchDone(Box<SearchResult>),
    /// A frame was drawn: where things are on screen and how far each pane can scroll.
    Drawn(Box<Geometry>),
}
