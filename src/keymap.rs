//! The key table and the mouse mapping. The static table [`BINDINGS`] holds the defaults; a
//! [`Keymap`] is that table with the configuration's overrides applied, built once at start-up.
//! The same keymap drives the handling, the `?` help overlay and the hint bar, so they cannot
//! drift apart.

use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;
use crate::data::{Lang, Problem};
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
    /// Every scope, in the order of the help overlay's sections.
    pub const ALL: [Scope; 8] = [
        Scope::Always,
        Scope::Panes,
        Scope::Search,
        Scope::List,
        Scope::Map,
        Scope::Detail,
        Scope::Timeline,
        Scope::Help,
    ];

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

    /// The scope's name in the configuration file (`list` in `"list.down"`).
    pub fn name(self) -> &'static str {
        match self {
            Scope::Always => "always",
            Scope::Panes => "panes",
            Scope::Search => "search",
            Scope::Map => "map",
            Scope::List => "list",
            Scope::Detail => "detail",
            Scope::Timeline => "timeline",
            Scope::Help => "help",
        }
    }

    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the scope is active while a query is typed, so that a key that types a
    /// character cannot be bound in it.
    pub fn while_typing(self) -> bool {
        matches!(self, Scope::Always | Scope::Search)
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
        let mut out = String::new();
        self.push_label(&mut out);
        out
    }

    /// Append [`Key::label`] to `out`.
    fn push_label(self, out: &mut String) {
        if self.1.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.1.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        // Characters carry their case and Shift-Tab says Shift already.
        if self.1.contains(KeyModifiers::SHIFT)
            && !matches!(self.0, KeyCode::Char(_) | KeyCode::BackTab)
        {
            out.push_str("Shift-");
        }
        let name = match self.0 {
            KeyCode::Char(' ') => "Space",
            KeyCode::Char(c) => {
                out.push(c);
                return;
            }
            KeyCode::Up => "↑",
            KeyCode::Down => "↓",
            KeyCode::Left => "←",
            KeyCode::Right => "→",
            KeyCode::PageUp => "PgUp",
            KeyCode::PageDown => "PgDn",
            KeyCode::Home => "Home",
            KeyCode::End => "End",
            KeyCode::Enter => "Enter",
            KeyCode::Esc => "Esc",
            KeyCode::Tab => "Tab",
            KeyCode::BackTab => "Shift-Tab",
            KeyCode::Backspace => "Bksp",
            KeyCode::Delete => "Del",
            KeyCode::Insert => "Ins",
            KeyCode::F(n) => {
                out.push('F');
                out.push_str(&n.to_string());
                return;
            }
            other => {
                out.push_str(&format!("{other:?}"));
                return;
            }
        };
        out.push_str(name);
    }

    /// Parse a key as written in the configuration file: a single character is itself (`q`,
    /// `Q`, `?`), else a name (`enter`, `esc`, `tab`, `backtab`, `up`, `down`, `left`,
    /// `right`, `pgup`, `pgdn`, `home`, `end`, `f1`..`f12`, `space`, `backspace`, `delete`,
    /// `insert`), optionally after modifiers (`ctrl-`, `alt-`, `shift-`). Names and
    /// modifiers are case-insensitive; Ctrl with a letter is the lower-case letter (terminals
    /// cannot tell `ctrl-C` from `ctrl-c`). Shift goes with named keys only: write `Q`, not
    /// `shift-q`; `shift-tab` is `backtab`.
    pub fn parse(s: &str) -> Result<Key, String> {
        if s.is_empty() {
            return Err("empty key".to_string());
        }
        let mut rest = s;
        let mut mods = KeyModifiers::NONE;
        loop {
            let mut chars = rest.chars();
            // A single character left is the key itself, even `-`.
            if chars.next().is_some() && chars.next().is_none() {
                break;
            }
            let Some(dash) = rest.find('-') else { break };
            let m = match rest[..dash].to_ascii_lowercase().as_str() {
                "ctrl" | "control" => KeyModifiers::CONTROL,
                "alt" | "meta" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => break,
            };
            if mods.contains(m) {
                return Err(format!("`{}` twice", &rest[..dash]));
            }
            mods |= m;
            rest = &rest[dash + 1..];
            if rest.is_empty() {
                return Err(format!("missing the key after `{s}`"));
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if c.is_control() {
                    return Err(format!("{c:?} is a control character, not a key"));
                }
                if mods.contains(KeyModifiers::SHIFT) {
                    return Err(format!(
                        "Shift with a character: write the character itself (`{}`)",
                        c.to_uppercase()
                    ));
                }
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match named_key(&rest.to_ascii_lowercase()) {
                Some(c) => c,
                None => {
                    return Err(format!(
                        "unknown key `{rest}` (a single character, or one of: enter esc tab \
                         backtab up down left right pgup pgdn home end f1..f12 space \
                         backspace delete insert, after ctrl- alt- shift-)"
                    ));
                }
            },
        };
        let key = if code == KeyCode::Tab && mods.contains(KeyModifiers::SHIFT) {
            Key(KeyCode::BackTab, mods - KeyModifiers::SHIFT)
        } else if code == KeyCode::Char(' ') || code == KeyCode::BackTab {
            Key(code, mods - KeyModifiers::SHIFT)
        } else {
            Key(code, mods)
        };
        Ok(key)
    }

    /// The key as compared: without Shift for characters and Shift-Tab, which terminals send
    /// with or without it.
    pub fn canonical(self) -> Key {
        match self.0 {
            KeyCode::Char(_) | KeyCode::BackTab => Key(self.0, self.1 - KeyModifiers::SHIFT),
            _ => self,
        }
    }

    /// Whether the key types a character into the search box (a printable character without
    /// Ctrl or Alt).
    pub fn is_text(self) -> bool {
        matches!(self.0, KeyCode::Char(c) if !c.is_control())
            && !self.1.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    fn matches(self, ev: &KeyEvent) -> bool {
        let mods = match ev.code {
            // Upper-case letters and symbols arrive with Shift on some terminals only.
            KeyCode::Char(_) | KeyCode::BackTab => ev.modifiers - KeyModifiers::SHIFT,
            _ => ev.modifiers,
        };
        self.0 == ev.code && self.canonical().1 == mods
    }
}

impl FromStr for Key {
    type Err = String;

    fn from_str(s: &str) -> Result<Key, String> {
        Key::parse(s)
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "space" => KeyCode::Char(' '),
        "backspace" | "bksp" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        f if f.starts_with('f') => {
            let n: u8 = f[1..].parse().ok()?;
            if (1..=12).contains(&n) && !f[1..].starts_with('0') {
                KeyCode::F(n)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// Several keys as written in help and hints: `↓ j`.
fn label_keys(keys: &[Key]) -> String {
    let mut out = String::new();
    let mut label = String::new();
    for k in keys {
        label.clear();
        k.push_label(&mut label);
        // Two encodings of one key (Shift-Tab) read as one. No label holds a space.
        if !out.split(' ').any(|l| l == label) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&label);
        }
    }
    out
}

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

/// A binding in effect: an entry of [`BINDINGS`] with its keys after the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    /// The entry of the table: scope, action, help text.
    pub def: &'static Binding,
    /// Empty when the configuration unbound it (it is then left out of help and hints).
    keys: Vec<Key>,
    /// The keys as help and hints write them, made when the keys are set.
    label: String,
}

impl Bound {
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }

    fn set_keys(&mut self, keys: Vec<Key>) {
        self.label = label_keys(&keys);
        self.keys = keys;
    }

    pub fn keys_label(&self) -> &str {
        &self.label
    }
}

impl From<&'static Binding> for Bound {
    fn from(def: &'static Binding) -> Bound {
        Bound {
            def,
            keys: def.keys.to_vec(),
            label: label_keys(def.keys),
        }
    }
}

/// The key bindings in effect: the table of defaults with the configuration's overrides.
/// Built once at start-up; [`Keymap::default`] is the table itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Bound>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.iter().map(Bound::from).collect(),
        }
    }
}

impl Keymap {
    /// Every binding, in table order (the order of help and of matching within a scope).
    pub fn bindings(&self) -> &[Bound] {
        &self.bindings
    }

    /// The bindings of one scope that have keys, in table order.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Bound> {
        self.bindings
            .iter()
            .filter(move |b| b.def.scope == scope && !b.keys.is_empty())
    }

    /// The action for a key press in a state, if any.
    pub fn key_action(&self, focus: Pane, help_open: bool, ev: &KeyEvent) -> Option<Action> {
        // Releases and repeats reported as releases would fire twice on some terminals.
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        for scope in active_scopes(help_open, focus) {
            if let Some(b) = self
                .in_scope(scope)
                .find(|b| b.keys.iter().any(|k| k.matches(ev)))
            {
                return Some(b.def.action.clone());
            }
        }
        // Text typed into the search box: any printable char without Ctrl or Alt.
        if focus == Pane::Search
            && !help_open
            && let KeyCode::Char(c) = ev.code
            && Key(ev.code, ev.modifiers).is_text()
        {
            return Some(Action::Input(c));
        }
        None
    }

    /// The hint bar's entries for a state: (keys, description).
    pub fn hints(&self, help_open: bool, focus: Pane, lang: Lang) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        for scope in active_scopes(help_open, focus) {
            for b in self.in_scope(scope).filter(|b| b.def.hint) {
                out.push((b.label.clone(), b.def.help(lang)));
            }
        }
        out
    }

    /// Apply overrides (action name → key strings) in place, or report every problem found,
    /// each naming its entry (`keys["list.down"][1]`). An entry is an action name, optionally
    /// scoped (`"list.down"`); unscoped, it applies in
    /// every scope that binds the action. Its keys replace the binding's keys. Scoped entries
    /// are applied after unscoped ones, so `"list.down"` wins over `"down"`. A key that types
    /// a character (`x`, `Space`) cannot act in the scopes active while typing a query
    /// (`always`, `search`): a scoped entry there is an error, and an unscoped one gives those
    /// scopes only its other keys (the defaults stay if it has none).
    pub fn apply(&mut self, entries: &[(String, Vec<String>)]) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        // Parse every entry first, reporting every bad name and key.
        let mut parsed: Vec<(usize, Option<Scope>, &'static Action, Vec<Key>)> = Vec::new();
        for (i, (name, keys)) in entries.iter().enumerate() {
            let field = format!("keys[{name:?}]");
            if entries[..i].iter().any(|(n, _)| n == name) {
                problems.push(field_problem(&field, "given twice".to_string()));
                continue;
            }
            let target = parse_target(name);
            let mut ok_keys = Vec::new();
            let mut keys_ok = true;
            for (j, s) in keys.iter().enumerate() {
                match Key::parse(s) {
                    Ok(key) => {
                        if !ok_keys
                            .iter()
                            .any(|k: &Key| k.canonical() == key.canonical())
                        {
                            ok_keys.push(key);
                        }
                    }
                    Err(e) => {
                        keys_ok = false;
                        problems.push(field_problem(
                            &format!("{field}[{j}]"),
                            format!("bad key {s:?}: {e}"),
                        ));
                    }
                }
            }
            match target {
                Ok((scope, action)) => {
                    if keys_ok {
                        parsed.push((i, scope, action, ok_keys));
                    }
                }
                Err(e) => problems.push(field_problem(&field, e)),
            }
        }
        // Unscoped entries first, so that scoped ones win.
        parsed.sort_by_key(|(i, scope, ..)| (scope.is_some(), *i));
        let mut origin: Vec<Option<usize>> = vec![None; self.bindings.len()];
        for (i, scope, action, keys) in parsed {
            let field = format!("keys[{:?}]", entries[i].0);
            match scope {
                Some(scope) => {
                    if scope.while_typing() {
                        for (j, key) in keys.iter().enumerate() {
                            if key.is_text() {
                                problems.push(field_problem(
                                    &format!("{field}[{j}]"),
                                    typing_message(*key, scope),
                                ));
                            }
                        }
                    }
                    for (b, o) in self.bindings.iter_mut().zip(&mut origin) {
                        if b.def.scope == scope && b.def.action == *action {
                            b.set_keys(keys.clone());
                            *o = Some(i);
                        }
                    }
                }
                None => {
                    let any_elsewhere = self
                        .bindings
                        .iter()
                        .any(|b| b.def.action == *action && !b.def.scope.while_typing());
                    if !any_elsewhere && let Some(key) = keys.iter().find(|k| k.is_text()) {
                        problems.push(field_problem(
                            &field,
                            format!(
                                "{:?} types a character, and {} only acts while typing a \
                                 query: use a key with ctrl- or alt-, or a named key",
                                key.label(),
                                entries[i].0
                            ),
                        ));
                        continue;
                    }
                    for (b, o) in self.bindings.iter_mut().zip(&mut origin) {
                        if b.def.action != *action {
                            continue;
                        }
                        if b.def.scope.while_typing() {
                            let kept: Vec<Key> =
                                keys.iter().copied().filter(|k| !k.is_text()).collect();
                            if kept.is_empty() && !keys.is_empty() {
                                continue;
                            }
                            b.set_keys(kept);
                        } else {
                            b.set_keys(keys.clone());
                        }
                        *o = Some(i);
                    }
                }
            }
        }
        // A key bound to two actions in one scope.
        let field_of = |o: Option<usize>| o.map(|i| format!("keys[{:?}]", entries[i].0));
        for scope in Scope::ALL {
            let in_scope: Vec<usize> = (0..self.bindings.len())
                .filter(|&n| self.bindings[n].def.scope == scope)
                .collect();
            let mut reported: Vec<Key> = Vec::new();
            for (x, &a) in in_scope.iter().enumerate() {
                for &b in &in_scope[x + 1..] {
                    if origin[a].is_none() && origin[b].is_none() {
                        continue;
                    }
                    let (ba, bb) = (&self.bindings[a], &self.bindings[b]);
                    for key in &ba.keys {
                        let key = key.canonical();
                        if reported.contains(&key) || !bb.keys.iter().any(|k| k.canonical() == key)
                        {
                            continue;
                        }
                        reported.push(key);
                        let describe = |n: usize| {
                            let name = action_name(&self.bindings[n].def.action).unwrap_or("?");
                            match &origin[n] {
                                Some(_) => name.to_string(),
                                None => format!("{name} (its default)"),
                            }
                        };
                        let field = field_of(origin[a]).or(field_of(origin[b]));
                        problems.push(Problem {
                            position: None,
                            record: None,
                            field,
                            message: format!(
                                "key {:?} is bound to both {} and {} in the {} scope",
                                key.label(),
                                describe(a),
                                describe(b),
                                scope.name()
                            ),
                        });
                    }
                }
            }
        }
        // There must be a way out.
        if !self
            .bindings
            .iter()
            .any(|b| b.def.action == Action::Quit && !b.keys.is_empty())
        {
            let field = self
                .bindings
                .iter()
                .zip(&origin)
                .find(|(b, _)| b.def.action == Action::Quit)
                .and_then(|(_, o)| field_of(*o));
            problems.push(Problem {
                position: None,
                record: None,
                field,
                message: "no key would quit the dashboard".to_string(),
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            // In the order of the file, whatever the order of the checks.
            let rank = |p: &Problem| {
                p.field
                    .as_deref()
                    .and_then(|f| {
                        entries.iter().position(|(n, _)| {
                            let entry = format!("keys[{n:?}]");
                            f == entry || f.starts_with(&format!("{entry}["))
                        })
                    })
                    .unwrap_or(entries.len())
            };
            problems.sort_by_cached_key(rank);
            Err(problems)
        }
    }
}

fn field_problem(field: &str, message: String) -> Problem {
    Problem {
        position: None,
        record: None,
        field: Some(field.to_string()),
        message,
    }
}

fn typing_message(key: Key, scope: Scope) -> String {
    format!(
        "{:?} types a character, and the {} scope is active while typing a query: use a key \
         with ctrl- or alt-, or a named key (or bind it in another scope)",
        key.label(),
        scope.name()
    )
}

/// `"list.down"` or `"down"` to (scope, action), checking that the table binds it there.
fn parse_target(name: &str) -> Result<(Option<Scope>, &'static Action), String> {
    let (scope, action_part) = match name.split_once('.') {
        Some((s, a)) => match Scope::from_name(s) {
            Some(scope) => (Some(scope), a),
            None => {
                let names: Vec<&str> = Scope::ALL.iter().map(|s| s.name()).collect();
                return Err(format!(
                    "unknown scope {s:?}{} (scopes: {})",
                    crate::text::did_you_mean(s, names.iter().copied()),
                    names.join(", ")
                ));
            }
        },
        None => (None, name),
    };
    let Some(action) = action_by_name(action_part) else {
        return Err(format!(
            "unknown action {action_part:?}{}; the actions are: {}",
            crate::text::did_you_mean(action_part, ACTION_NAMES.iter().map(|(n, _)| *n)),
            ACTION_NAMES
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    };
    if let Some(scope) = scope
        && !BINDINGS
            .iter()
            .any(|b| b.scope == scope && b.action == *action)
    {
        let mut scopes: Vec<&str> = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.action == *action) {
            if !scopes.contains(&b.scope.name()) {
                scopes.push(b.scope.name());
            }
        }
        return Err(format!(
            "{action_part} has no binding in the {} scope (it has in: {})",
            scope.name(),
            scopes.join(", ")
        ));
    }
    Ok((scope, action))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn all_states() -> [Vec<Scope>; 6] {
        [
            active_scopes(true, Pane::List),
            active_scopes(false, Pane::Search),
            active_scopes(false, Pane::Map),
            active_scopes(false, Pane::List),
            active_scopes(false, Pane::Detail),
            active_scopes(false, Pane::Timeline),
        ]
    }

    #[test]
    fn no_key_is_bound_twice_in_a_scope_that_can_be_active_together() {
        for scopes in all_states() {
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
    fn no_default_key_types_text_in_a_scope_active_while_typing() {
        for b in BINDINGS.iter().filter(|b| b.scope.while_typing()) {
            assert!(b.keys.iter().all(|k| !k.is_text()), "{:?}", b.action);
        }
    }

    #[test]
    fn every_binding_has_help_in_both_languages() {
        for b in BINDINGS {
            assert!(!b.en.is_empty() && !b.fr.is_empty(), "{:?}", b.action);
        }
    }

    #[test]
    fn every_bound_action_has_a_unique_name() {
        for b in BINDINGS {
            let name = action_name(&b.action).unwrap_or_else(|| panic!("{:?}", b.action));
            assert_eq!(action_by_name(name), Some(&b.action));
        }
        for (i, (n, _)) in ACTION_NAMES.iter().enumerate() {
            assert!(!ACTION_NAMES[..i].iter().any(|(m, _)| m == n), "{n}");
            assert!(
                BINDINGS.iter().any(|b| action_name(&b.action) == Some(n)),
                "{n} is bound nowhere"
            );
        }
    }

    #[test]
    fn shift_is_ignored_for_characters() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert!(k('G').matches(&ev));
        assert!(!k('g').matches(&ev));
    }

    #[test]
    fn keys_parse() {
        let p = |s: &str| Key::parse(s).unwrap();
        assert_eq!(p("q"), k('q'));
        assert_eq!(p("Q"), k('Q'));
        assert_eq!(p("-"), k('-'));
        assert_eq!(p("ctrl-c"), ctrl('c'));
        assert_eq!(p("Ctrl-C"), ctrl('c'));
        assert_eq!(p("CTRL--"), ctrl('-'));
        assert_eq!(p("alt-x"), Key(KeyCode::Char('x'), KeyModifiers::ALT));
        assert_eq!(p("Enter"), code(KeyCode::Enter));
        assert_eq!(p("esc"), code(KeyCode::Esc));
        assert_eq!(p("backtab"), code(KeyCode::BackTab));
        assert_eq!(p("shift-tab"), code(KeyCode::BackTab));
        assert_eq!(p("PgDn"), code(KeyCode::PageDown));
        assert_eq!(p("f12"), code(KeyCode::F(12)));
        assert_eq!(p("space"), k(' '));
        assert_eq!(p("backspace"), code(KeyCode::Backspace));
        assert_eq!(p("shift-up"), Key(KeyCode::Up, KeyModifiers::SHIFT));
        assert_eq!(
            p("ctrl-alt-left"),
            Key(KeyCode::Left, KeyModifiers::CONTROL | KeyModifiers::ALT)
        );
        for bad in [
            "",
            "ctrl-",
            "Ctrl-Shift-Foo",
            "f0",
            "f13",
            "f01",
            "foo",
            "shift-q",
            "ctrl-ctrl-c",
            "\u{7}",
        ] {
            assert!(Key::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn labels_round_trip_through_parse_for_the_defaults() {
        assert_eq!(Key::parse("alt-x").unwrap().label(), "Alt-x");
        assert_eq!(Key::parse("shift-up").unwrap().label(), "Shift-↑");
        assert_eq!(
            Key(KeyCode::BackTab, KeyModifiers::SHIFT).label(),
            "Shift-Tab"
        );
    }

    #[test]
    fn the_default_keymap_is_the_table() {
        let m = Keymap::default();
        assert_eq!(m.bindings().len(), BINDINGS.len());
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(m.key_action(Pane::List, false, &q), Some(Action::Quit));
        assert_eq!(
            m.key_action(Pane::Search, false, &q),
            Some(Action::Input('q'))
        );
        assert_eq!(m.key_action(Pane::List, true, &q), Some(Action::ToggleHelp));
    }

    fn over(entries: &[(&str, &[&str])]) -> Result<Keymap, Vec<Problem>> {
        let mut m = Keymap::default();
        let entries: Vec<(String, Vec<String>)> = entries
            .iter()
            .map(|(n, ks)| (n.to_string(), ks.iter().map(|s| s.to_string()).collect()))
            .collect();
        m.apply(&entries).map(|()| m)
    }

    fn press(m: &Keymap, focus: Pane, key: &str) -> Option<Action> {
        let Key(c, mods) = Key::parse(key).unwrap();
        m.key_action(focus, false, &KeyEvent::new(c, mods))
    }

    #[test]
    fn an_unscoped_text_key_spares_the_typing_scopes() {
        let m = over(&[("quit", &["x"])]).unwrap();
        assert_eq!(press(&m, Pane::List, "x"), Some(Action::Quit));
        assert_eq!(press(&m, Pane::List, "q"), None);
        // Ctrl-C keeps quitting, and x is still typed in the search box.
        assert_eq!(press(&m, Pane::Search, "ctrl-c"), Some(Action::Quit));
        assert_eq!(press(&m, Pane::Search, "x"), Some(Action::Input('x')));
    }

    #[test]
    fn an_unscoped_named_key_replaces_everywhere() {
        let m = over(&[("down", &["ctrl-j"])]).unwrap();
        for pane in [
            Pane::Search,
            Pane::List,
            Pane::Map,
            Pane::Detail,
            Pane::Timeline,
        ] {
            assert_eq!(press(&m, pane, "ctrl-j"), Some(Action::Down), "{pane:?}");
        }
        assert_eq!(press(&m, Pane::List, "down"), None);
        assert_eq!(press(&m, Pane::List, "j"), None);
    }

    #[test]
    fn a_scoped_entry_wins_over_an_unscoped_one_in_any_order() {
        let m = over(&[("list.down", &["n"]), ("down", &["ctrl-j"])]).unwrap();
        assert_eq!(press(&m, Pane::List, "n"), Some(Action::Down));
        assert_eq!(press(&m, Pane::List, "ctrl-j"), None);
        assert_eq!(press(&m, Pane::Detail, "ctrl-j"), Some(Action::Down));
    }

    #[test]
    fn problems_are_all_reported_and_named() {
        let e = over(&[
            ("dwn", &["j"]),
            ("list.quit", &["x"]),
            ("lst.down", &["x"]),
            ("up", &["ctrl-"]),
            ("search.confirm", &["x"]),
            ("clear_query", &["u"]),
        ])
        .unwrap_err();
        let fields: Vec<&str> = e.iter().filter_map(|p| p.field.as_deref()).collect();
        assert_eq!(
            fields,
            [
                r#"keys["dwn"]"#,
                r#"keys["list.quit"]"#,
                r#"keys["lst.down"]"#,
                r#"keys["up"][0]"#,
                r#"keys["search.confirm"][0]"#,
                r#"keys["clear_query"]"#,
            ],
            "{e:#?}"
        );
        assert!(
            e[0].message.contains(r#"did you mean "down""#),
            "{}",
            e[0].message
        );
        assert!(
            e[2].message.contains(r#"did you mean "list""#),
            "{}",
            e[2].message
        );
    }

    #[test]
    fn clashes_and_no_way_out_are_reported() {
        let e = over(&[("list.up", &["j"])]).unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].field.as_deref(), Some(r#"keys["list.up"]"#));
        assert!(e[0].message.contains("\"j\""), "{}", e[0].message);
        assert!(e[0].message.contains("list scope"), "{}", e[0].message);
        let e = over(&[("quit", &[])]).unwrap_err();
        assert!(e[0].message.contains("quit"), "{e:?}");
        // Unbinding is fine otherwise, and hides the binding.
        let m = over(&[("copy", &[])]).unwrap();
        assert!(
            m.in_scope(Scope::Panes)
                .all(|b| b.def.action != Action::Copy)
        );
    }
}
