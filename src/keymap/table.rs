//! The static table of default bindings, [`BINDINGS`], and the configuration's names of the
//! actions it binds, [`ACTION_NAMES`].

use crossterm::event::{KeyCode, KeyModifiers};

use super::Scope;
use super::key::{Key, code, ctrl, k};
use crate::action::Action;
use crate::data::Lang;
use crate::layout::Pane;

/// An entry of the static table of defaults.
#[derive(Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: &'static [Key],
    pub scope: Scope,
    pub action: Action,
    pub en: &'static str,
    pub fr: &'static str,
    /// Shown in the hint bar when its scope is active.
    pub hint: bool,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

macro_rules! bind {
    ($scope:ident, [$($key:expr),+], $action:expr, $en:literal, $fr:literal, $hint:literal) => {
        Binding { keys: &[$($key),+], scope: Scope::$scope, action: $action, en: $en, fr: $fr, hint: $hint }
    };
}

use Action as A;
use KeyCode as C;

/// Every binding. Order matters within a scope: the first match wins, and help lists them in
/// this order.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind!(Always, [ctrl('c')], A::Quit, "quit", "quitter", false),
    bind!(Always, [code(C::Tab)], A::FocusNext, "next pane", "panneau suivant", true),
    bind!(Always, [Key(C::BackTab, KeyModifiers::SHIFT), code(C::BackTab)], A::FocusPrev, "previous pane", "panneau précédent", false),
    bind!(Always, [code(C::Esc)], A::Back, "close / clear / back", "fermer / effacer / retour", true),
    bind!(Always, [ctrl('l')], A::Redraw, "redraw the screen", "redessiner l'écran", false),
    bind!(Always, [ctrl('z')], A::Suspend, "suspend (fg to resume)", "suspendre (fg pour reprendre)", false),
    bind!(Always, [code(C::F(1))], A::ToggleHelp, "help", "aide", false),
    bind!(Panes, [k('q')], A::Quit, "quit", "quitter", true),
    bind!(Panes, [k('?')], A::ToggleHelp, "help", "aide", true),
    bind!(Panes, [k('/')], A::StartSearch, "search", "rechercher", true),
    bind!(Panes, [k('L')], A::ToggleLang, "English / français", "English / français", true),
    bind!(Panes, [k('1')], A::Focus(Pane::Map), "go to the map", "aller à la carte", false),
    bind!(Panes, [k('2')], A::Focus(Pane::List), "go to the list", "aller à la liste", false),
    bind!(Panes, [k('3')], A::Focus(Pane::Detail), "go to the detail", "aller au détail", false),
    bind!(Panes, [k('4')], A::Focus(Pane::Timeline), "go to the timeline", "aller à la chronologie", false),
    bind!(Panes, [k('m')], A::ToggleMapView, "tiles / geographic map", "tuiles / carte géographique", false),
    bind!(Panes, [k('z')], A::ToggleZoom, "timeline: 2025 / whole span", "chronologie : 2025 / tout", false),
    bind!(Panes, [k('y')], A::Copy, "copy the source URL", "copier l'URL de la source", false),
    bind!(Search, [code(C::Enter)], A::Confirm, "go to the results", "aller aux résultats", true),
    bind!(Search, [code(C::Down), ctrl('n')], A::Down, "next result", "résultat suivant", false),
    bind!(Search, [code(C::Up), ctrl('p')], A::Up, "previous result", "résultat précédent", false),
    bind!(Search, [code(C::Backspace)], A::Backspace, "delete a character", "effacer un caractère", false),
    bind!(Search, [ctrl('w')], A::DeleteWord, "delete a word", "effacer un mot", false),
    bind!(Search, [ctrl('u')], A::ClearQuery, "clear the query", "vider la requête", true),
    bind!(Search, [code(C::Left)], A::CursorLeft, "move the cursor", "déplacer le curseur", false),
    bind!(Search, [code(C::Right)], A::CursorRight, "move the cursor", "déplacer le curseur", false),
    bind!(Search, [code(C::Home), ctrl('a')], A::CursorHome, "start of the query", "début de la requête", false),
    bind!(Search, [code(C::End), ctrl('e')], A::CursorEnd, "end of the query", "fin de la requête", false),
    bind!(Map, [code(C::Left), k('h')], A::Left, "country to the west", "pays à l'ouest", true),
    bind!(Map, [code(C::Down), k('j')], A::Down, "country to the south", "pays au sud", true),
    bind!(Map, [code(C::Up), k('k')], A::Up, "country to the north", "pays au nord", true),
    bind!(Map, [code(C::Right), k('l')], A::Right, "country to the east", "pays à l'est", true),
    bind!(Map, [code(C::Enter), k(' ')], A::Confirm, "list this country's factories", "lister les usines du pays", true),
    bind!(List, [code(C::Down), k('j')], A::Down, "next", "suivant", true),
    bind!(List, [code(C::Up), k('k')], A::Up, "previous", "précédent", true),
    bind!(List, [code(C::PageDown), ctrl('d')], A::PageDown, "page down", "page suivante", false),
    bind!(List, [code(C::PageUp), ctrl('u')], A::PageUp, "page up", "page précédente", false),
    bind!(List, [k('g'), code(C::Home)], A::Home, "first", "premier", false),
    bind!(List, [k('G'), code(C::End)], A::End, "last", "dernier", false),
    bind!(List, [code(C::Enter), code(C::Right), k('l')], A::Confirm, "open the detail", "ouvrir le détail", true),
    bind!(Detail, [code(C::Down), k('j')], A::Down, "scroll down", "défiler vers le bas", true),
    bind!(Detail, [code(C::Up), k('k')], A::Up, "scroll up", "défiler vers le haut", true),
    bind!(Detail, [code(C::PageDown), ctrl('d'), k(' ')], A::PageDown, "page down", "page suivante", false),
    bind!(Detail, [code(C::PageUp), ctrl('u')], A::PageUp, "page up", "page précédente", false),
    bind!(Detail, [k('g'), code(C::Home)], A::Home, "top", "début", false),
    bind!(Detail, [k('G'), code(C::End)], A::End, "bottom", "fin", false),
    bind!(Detail, [code(C::Left), k('h')], A::Left, "back to the list", "retour à la liste", false),
    bind!(Timeline, [code(C::Right), k('l')], A::Right, "next milestone", "jalon suivant", true),
    bind!(Timeline, [code(C::Left), k('h')], A::Left, "previous milestone", "jalon précédent", true),
    bind!(Timeline, [code(C::Down), k('j')], A::Down, "next lane", "ligne suivante", true),
    bind!(Timeline, [code(C::Up), k('k')], A::Up, "previous lane", "ligne précédente", true),
    bind!(Timeline, [code(C::PageDown), ctrl('d')], A::PageDown, "page down", "page suivante", false),
    bind!(Timeline, [code(C::PageUp), ctrl('u')], A::PageUp, "page up", "page précédente", false),
    bind!(Timeline, [k('g'), code(C::Home)], A::Home, "first milestone", "premier jalon", false),
    bind!(Timeline, [k('G'), code(C::End)], A::End, "last milestone", "dernier jalon", false),
    bind!(Timeline, [k('z')], A::ToggleZoom, "2025 / whole span", "2025 / tout", true),
    bind!(Help, [code(C::Down), k('j')], A::Down, "scroll down", "défiler vers le bas", false),
    bind!(Help, [code(C::Up), k('k')], A::Up, "scroll up", "défiler vers le haut", false),
    bind!(Help, [code(C::PageDown), k(' ')], A::PageDown, "page down", "page suivante", false),
    bind!(Help, [code(C::PageUp)], A::PageUp, "page up", "page précédente", false),
    bind!(Help, [k('?'), k('q')], A::ToggleHelp, "close the help", "fermer l'aide", true),
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
    ("start_search", A::StartSearch),
    ("copy", A::Copy),
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
