//! The static table of default bindings, [`BINDINGS`], and the configuration's names of the
//! actions it binds, [`ACTION_NAMES`].

use crossterm::event::{KeyCode, KeyModifiers};

use super::Scope;
use super::key::{Key, code, ctrl, k};
use crate::action::Action;
use crate::i18n::{Lang, Msg};
use crate::layout::Pane;

/// An entry of the static table of defaults.
#[derive(Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: &'static [Key],
    pub scope: Scope,
    pub action: Action,
    /// What it does, for the help and the hint bar.
    pub help: Msg,
    /// Shown in the hint bar when its scope is active.
    pub hint: bool,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        self.help.text(lang)
    }
}

macro_rules! bind {
    ($scope:ident, [$($key:expr),+], $action:expr, $help:expr, $hint:literal) => {
        Binding { keys: &[$($key),+], scope: Scope::$scope, action: $action, help: $help, hint: $hint }
    };
}

use Action as A;
use KeyCode as C;

/// Every binding. Order matters within a scope: the first match wins, and help lists them in
/// this order.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind!(Always, [ctrl('c')], A::Quit, Msg::KeyQuit, false),
    bind!(Always, [code(C::Tab)], A::FocusNext, Msg::KeyNextPane, true),
    bind!(Always, [Key(C::BackTab, KeyModifiers::SHIFT), code(C::BackTab)], A::FocusPrev, Msg::KeyPreviousPane, false),
    bind!(Always, [code(C::Esc)], A::Back, Msg::KeyCloseClearBack, true),
    bind!(Always, [ctrl('l')], A::Redraw, Msg::KeyRedrawTheScreen, false),
    bind!(Always, [ctrl('z')], A::Suspend, Msg::KeySuspendFgToResume, false),
    bind!(Always, [code(C::F(1))], A::ToggleHelp, Msg::KeyHelp, false),
    bind!(Panes, [k('q')], A::Quit, Msg::KeyQuit, true),
    bind!(Panes, [k('?')], A::ToggleHelp, Msg::KeyHelp, true),
    bind!(Panes, [k('/')], A::StartSearch, Msg::KeySearch, true),
    bind!(Panes, [k('L')], A::ToggleLang, Msg::KeyLanguage, true),
    bind!(Panes, [k('1')], A::Focus(Pane::Map), Msg::KeyGoToTheMap, false),
    bind!(Panes, [k('2')], A::Focus(Pane::List), Msg::KeyGoToTheList, false),
    bind!(Panes, [k('3')], A::Focus(Pane::Detail), Msg::KeyGoToTheDetail, false),
    bind!(Panes, [k('4')], A::Focus(Pane::Timeline), Msg::KeyGoToTheTimeline, false),
    bind!(Panes, [k('m')], A::ToggleMapView, Msg::KeyTilesGeographicMap, false),
    bind!(Panes, [k('z')], A::ToggleZoom, Msg::KeyTimelineZoom, false),
    bind!(Panes, [k('y')], A::Copy, Msg::KeyCopySourceUrl, false),
    bind!(Panes, [k('p')], A::TogglePlanView, Msg::KeyPlanView, false),
    bind!(Panes, [k('n')], A::ShowChanges, Msg::KeyWhatsNew, false),
    bind!(Panes, [k('[')], A::YearPrev, Msg::KeyYearPrev, false),
    bind!(Panes, [k(']')], A::YearNext, Msg::KeyYearNext, false),
    bind!(Panes, [k('o')], A::Open, Msg::KeyOpenInBrowser, false),
    bind!(Panes, [k('f')], A::ForMe, Msg::KeyForMe, false),
    bind!(Search, [code(C::Enter)], A::Confirm, Msg::KeyGoToTheResults, true),
    bind!(Search, [code(C::Down), ctrl('n')], A::Down, Msg::KeyNextResult, false),
    bind!(Search, [code(C::Up), ctrl('p')], A::Up, Msg::KeyPreviousResult, false),
    bind!(Search, [code(C::Backspace)], A::Backspace, Msg::KeyDeleteACharacter, false),
    bind!(Search, [ctrl('w')], A::DeleteWord, Msg::KeyDeleteAWord, false),
    bind!(Search, [ctrl('u')], A::ClearQuery, Msg::KeyClearTheQuery, true),
    bind!(Search, [code(C::Left)], A::CursorLeft, Msg::KeyMoveTheCursor, false),
    bind!(Search, [code(C::Right)], A::CursorRight, Msg::KeyMoveTheCursor, false),
    bind!(Search, [code(C::Home), ctrl('a')], A::CursorHome, Msg::KeyStartOfTheQuery, false),
    bind!(Search, [code(C::End), ctrl('e')], A::CursorEnd, Msg::KeyEndOfTheQuery, false),
    bind!(Map, [code(C::Left), k('h')], A::Left, Msg::KeyCountryToTheWest, true),
    bind!(Map, [code(C::Down), k('j')], A::Down, Msg::KeyCountryToTheSouth, true),
    bind!(Map, [code(C::Up), k('k')], A::Up, Msg::KeyCountryToTheNorth, true),
    bind!(Map, [code(C::Right), k('l')], A::Right, Msg::KeyCountryToTheEast, true),
    bind!(Map, [code(C::Enter), k(' ')], A::Confirm, Msg::KeyListCountryFactories, true),
    bind!(List, [code(C::Down), k('j')], A::Down, Msg::KeyNext, true),
    bind!(List, [code(C::Up), k('k')], A::Up, Msg::KeyPrevious, true),
    bind!(List, [code(C::PageDown), ctrl('d')], A::PageDown, Msg::KeyPageDown, false),
    bind!(List, [code(C::PageUp), ctrl('u')], A::PageUp, Msg::KeyPageUp, false),
    bind!(List, [k('g'), code(C::Home)], A::Home, Msg::KeyFirst, false),
    bind!(List, [k('G'), code(C::End)], A::End, Msg::KeyLast, false),
    bind!(List, [code(C::Enter), code(C::Right), k('l')], A::Confirm, Msg::KeyOpenTheDetail, true),
    bind!(List, [k('s')], A::CycleSort, Msg::KeySort, false),
    bind!(Detail, [code(C::Down), k('j')], A::Down, Msg::KeyScrollDown, true),
    bind!(Detail, [code(C::Up), k('k')], A::Up, Msg::KeyScrollUp, true),
    bind!(Detail, [code(C::PageDown), ctrl('d'), k(' ')], A::PageDown, Msg::KeyPageDown, false),
    bind!(Detail, [code(C::PageUp), ctrl('u')], A::PageUp, Msg::KeyPageUp, false),
    bind!(Detail, [k('g'), code(C::Home)], A::Home, Msg::KeyTop, false),
    bind!(Detail, [k('G'), code(C::End)], A::End, Msg::KeyBottom, false),
    bind!(Detail, [code(C::Left), k('h')], A::Left, Msg::KeyBackToTheList, false),
    bind!(Timeline, [code(C::Right), k('l')], A::Right, Msg::KeyNextMilestoneLane, true),
    bind!(Timeline, [code(C::Left), k('h')], A::Left, Msg::KeyPreviousMilestoneLane, true),
    bind!(Timeline, [k('L')], A::MilestoneNext, Msg::KeyNextMilestoneAll, false),
    bind!(Timeline, [k('H')], A::MilestonePrev, Msg::KeyPreviousMilestoneAll, false),
    bind!(Timeline, [code(C::Down), k('j')], A::Down, Msg::KeyNextLaneNearest, true),
    bind!(Timeline, [code(C::Up), k('k')], A::Up, Msg::KeyPreviousLaneNearest, true),
    bind!(Timeline, [code(C::PageDown), ctrl('d')], A::PageDown, Msg::KeyPageDown, false),
    bind!(Timeline, [code(C::PageUp), ctrl('u')], A::PageUp, Msg::KeyPageUp, false),
    bind!(Timeline, [k('g'), code(C::Home)], A::Home, Msg::KeyFirstMilestone, false),
    bind!(Timeline, [k('G'), code(C::End)], A::End, Msg::KeyLastMilestone, false),
    bind!(Timeline, [k('z')], A::ToggleZoom, Msg::KeyZoom, true),
    bind!(Timeline, [code(C::Enter)], A::Confirm, Msg::KeyTimelineOpen, true),
    bind!(Help, [code(C::Down), k('j')], A::Down, Msg::KeyScrollDown, false),
    bind!(Help, [code(C::Up), k('k')], A::Up, Msg::KeyScrollUp, false),
    bind!(Help, [code(C::PageDown), k(' ')], A::PageDown, Msg::KeyPageDown, false),
    bind!(Help, [code(C::PageUp)], A::PageUp, Msg::KeyPageUp, false),
    bind!(Help, [k('?'), k('q')], A::ToggleHelp, Msg::KeyCloseTheHelp, true),
    bind!(Help, [k('n')], A::ShowChanges, Msg::KeyCloseTheChanges, false),
];

/// The configuration's name of every action the table binds (`quit`, `focus_map`,
/// `page_down`, ...).
pub static ACTION_NAMES: &[(&str, Action)] = &[
    ("quit", A::Quit),
    ("back", A::Back),
    ("focus_next", A::FocusNext),
    ("focus_prev", A::FocusPrev),
    ("focus_map", A::Focus(Pane::Map)),
    ("focus_list", A::Focus(Pane::List)),
    ("focus_detail", A::Focus(Pane::Detail)),
    ("focus_timeline", A::Focus(Pane::Timeline)),
    ("toggle_help", A::ToggleHelp),
    ("toggle_lang", A::ToggleLang),
    ("toggle_map_view", A::ToggleMapView),
    ("toggle_zoom", A::ToggleZoom),
    ("toggle_plan_view", A::TogglePlanView),
    ("next_milestone", A::MilestoneNext),
    ("previous_year", A::YearPrev),
    ("next_year", A::YearNext),
    ("previous_milestone", A::MilestonePrev),
    ("start_search", A::StartSearch),
    ("copy", A::Copy),
    ("show_changes", A::ShowChanges),
    ("open", A::Open),
    ("for_me", A::ForMe),
    ("cycle_sort", A::CycleSort),
    ("suspend", A::Suspend),
    ("redraw", A::Redraw),
    ("up", A::Up),
    ("down", A::Down),
    ("left", A::Left),
    ("right", A::Right),
    ("page_up", A::PageUp),
    ("page_down", A::PageDown),
    ("home", A::Home),
    ("end", A::End),
    ("confirm", A::Confirm),
    ("backspace", A::Backspace),
    ("delete_word", A::DeleteWord),
    ("clear_query", A::ClearQuery),
    ("cursor_left", A::CursorLeft),
    ("cursor_right", A::CursorRight),
    ("cursor_home", A::CursorHome),
    ("cursor_end", A::CursorEnd),
];

/// The configuration's name of an action, if the table binds it.
pub fn action_name(action: &Action) -> Option<&'static str> {
    ACTION_NAMES
        .iter()
        .find(|(_, a)| a == action)
        .map(|(n, _)| *n)
}

/// The action of a configuration name.
pub fn action_by_name(name: &str) -> Option<&'static Action> {
    ACTION_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| a)
}
