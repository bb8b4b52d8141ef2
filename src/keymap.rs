//! The one table of key bindings, and the mouse mapping. The same table drives the handling,
//! the `?` help overlay and the hint bar, so they cannot drift apart.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::{Action, App};
use crate::data::Lang;
use crate::layout::Pane;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, also while typing a query (so only keys that are not text).
    Always,
    /// Everywhere except while typing a query.
    Panes,
    Search,
    Map,
    List,
    Detail,
    Timeline,
    Help,
}

impl Scope {
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Scope::Always, Lang::En) => "Everywhere",
            (Scope::Always, Lang::Fr) => "Partout",
            (Scope::Panes, Lang::En) => "Outside the search box",
            (Scope::Panes, Lang::Fr) => "Hors de la recherche",
            (Scope::Search, Lang::En) => "Search box",
            (Scope::Search, Lang::Fr) => "Recherche",
            (Scope::Map, Lang::En) => "Map",
            (Scope::Map, Lang::Fr) => "Carte",
            (Scope::List, Lang::En) => "List",
            (Scope::List, Lang::Fr) => "Liste",
            (Scope::Detail, Lang::En) => "Detail",
            (Scope::Detail, Lang::Fr) => "Détail",
            (Scope::Timeline, Lang::En) => "Timeline",
            (Scope::Timeline, Lang::Fr) => "Chronologie",
            (Scope::Help, Lang::En) => "Help",
            (Scope::Help, Lang::Fr) => "Aide",
        }
    }

    fn of(pane: Pane) -> Scope {
        match pane {
            Pane::Search => Scope::Search,
            Pane::Map => Scope::Map,
            Pane::List => Scope::List,
            Pane::Detail => Scope::Detail,
            Pane::Timeline => Scope::Timeline,
        }
    }
}

/// A key: code and modifiers (Shift is ignored for characters, which carry their case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}

impl Key {
    /// How the key is written in help and hints.
    pub fn label(self) -> String {
        let base = match self.0 {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.1.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    fn matches(self, ev: &KeyEvent) -> bool {
        let mods = match ev.code {
            // Upper-case letters and symbols arrive with Shift on some terminals only.
            KeyCode::Char(_) | KeyCode::BackTab => ev.modifiers - KeyModifiers::SHIFT,
            _ => ev.modifiers,
        };
        self.0 == ev.code && self.1 == mods
    }
}

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

    pub fn keys_label(&self) -> String {
        let mut labels: Vec<String> = Vec::with_capacity(self.keys.len());
        for k in self.keys {
            // Two encodings of one key (Shift-Tab) read as one.
            let l = k.label();
            if !labels.contains(&l) {
                labels.push(l);
            }
        }
        labels.join(" ")
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

/// The scopes active in a state, most specific first.
pub fn active_scopes(help_open: bool, focus: Pane) -> Vec<Scope> {
    if help_open {
        vec![Scope::Help, Scope::Always]
    } else if focus == Pane::Search {
        vec![Scope::Search, Scope::Always]
    } else {
        vec![Scope::of(focus), Scope::Panes, Scope::Always]
    }
}

/// The action for a key press in the app's current state, if any.
pub fn key_action(app: &App, ev: &KeyEvent) -> Option<Action> {
    // Releases and repeats reported as releases would fire twice on some terminals.
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let scopes = active_scopes(app.help_open(), app.focus);
    for scope in &scopes {
        if let Some(b) = BINDINGS
            .iter()
            .find(|b| b.scope == *scope && b.keys.iter().any(|k| k.matches(ev)))
        {
            return Some(b.action.clone());
        }
    }
    // Text typed into the search box: any printable char without Ctrl or Alt.
    if app.focus == Pane::Search
        && !app.help_open()
        && let KeyCode::Char(c) = ev.code
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && !c.is_control()
    {
        return Some(Action::Input(c));
    }
    None
}

/// The action for a mouse event, hit-tested against the layout the app last drew.
pub fn mouse_action(app: &App, ev: &MouseEvent) -> Option<Action> {
    let screen = app.screen();
    let pane = screen.pane_at(ev.column, ev.row)?;
    match ev.kind {
        MouseEventKind::ScrollUp => Some(Action::ScrollUp(pane)),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown(pane)),
        MouseEventKind::Down(MouseButton::Left) => {
            if app.help_open() {
                return Some(Action::ToggleHelp);
            }
            let hit = match pane {
                Pane::List => app.list_row_at(ev.column, ev.row).map(Action::SelectRow),
                Pane::Map => app.country_at(ev.column, ev.row).map(Action::SelectCountry),
                Pane::Timeline => app
                    .milestone_at(ev.column, ev.row)
                    .map(Action::SelectMilestone),
                _ => None,
            };
            Some(hit.unwrap_or(Action::Focus(pane)))
        }
        _ => None,
    }
}

/// Any terminal event to an action.
pub fn event_action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => key_action(app, k),
        Event::Mouse(m) => mouse_action(app, m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(s) => Some(Action::Paste(s.clone())),
        Event::FocusGained | Event::FocusLost => None,
    }
}

/// The hint bar's entries for the current state: (keys, description).
pub fn hints(help_open: bool, focus: Pane, lang: Lang) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for scope in active_scopes(help_open, focus) {
        for b in BINDINGS.iter().filter(|b| b.scope == scope && b.hint) {
            out.push((b.keys_label(), b.help(lang)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_scope_that_can_be_active_together() {
        let sets = [
            active_scopes(true, Pane::List),
            active_scopes(false, Pane::Search),
            active_scopes(false, Pane::Map),
            active_scopes(false, Pane::List),
            active_scopes(false, Pane::Detail),
            active_scopes(false, Pane::Timeline),
        ];
        for scopes in sets {
            // Within one scope a key appears once; across scopes the specific one wins by design.
            for s in &scopes {
                let mut seen: Vec<Key> = Vec::new();
                for b in BINDINGS.iter().filter(|b| b.scope == *s) {
                    for key in b.keys {
                        assert!(!seen.contains(key), "{key:?} twice in {s:?}");
                        seen.push(*key);
                    }
                }
            }
        }
    }

    #[test]
    fn every_binding_has_help_in_both_languages() {
        for b in BINDINGS {
            assert!(!b.en.is_empty() && !b.fr.is_empty(), "{:?}", b.action);
        }
    }

    #[test]
    fn shift_is_ignored_for_characters() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert!(k('G').matches(&ev));
        assert!(!k('g').matches(&ev));
    }
}
