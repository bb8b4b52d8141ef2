//! The key table: [`Keymap`], the bindings in effect (the static table [`BINDINGS`] of
//! defaults with the configuration's overrides applied, built once at start-up), its lookups,
//! the [`Scope`]s a binding applies in and [`active_scopes`]. The same keymap drives the
//! handling, the `?` help overlay and the hint bar, so they cannot drift apart.
//!
//! The keys themselves are in `key`, the table of defaults and the action names in `table`,
//! and the configuration's overrides in `overrides`.

mod key;
mod overrides;
mod table;
#[cfg(test)]
mod tests;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::action::Action;
use crate::data::Lang;
use crate::i18n::Msg;
use crate::layout::Pane;

pub use key::Key;
use key::label_keys;
pub use table::{ACTION_NAMES, BINDINGS, Binding, action_by_name, action_name};

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
        match self {
            Scope::Always => Msg::ScopeAlways,
            Scope::Panes => Msg::ScopePanes,
            Scope::Search => Msg::ScopeSearch,
            Scope::Map => Msg::Map,
            Scope::List => Msg::List,
            Scope::Detail => Msg::Detail,
            Scope::Timeline => Msg::Timeline,
            Scope::Help => Msg::Help,
        }
        .text(lang)
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

    /// The keys as help and hints write them in a language (see [`label_in`]).
    pub fn keys_label_in(&self, lang: Lang) -> String {
        label_in(&self.label, lang)
    }
}

/// A keys label in a language: the keys whose name differs on that language's keyboards
/// (`Échap`, `Entrée`, `Espace` in French) by that name, so that help, hints and the messages
/// that name a key agree.
pub fn label_in(label: &str, lang: Lang) -> String {
    label
        .split(' ')
        .map(|token| {
            let mut name = token;
            for m in ["Ctrl-", "Alt-", "Shift-"] {
                name = name.strip_prefix(m).unwrap_or(name);
            }
            let named = match name {
                "Esc" => Msg::KeyNameEsc,
                "Enter" => Msg::KeyNameEnter,
                "Space" => Msg::KeyNameSpace,
                _ => return token.to_string(),
            };
            format!("{}{}", &token[..token.len() - name.len()], named.text(lang))
        })
        .collect::<Vec<_>>()
        .join(" ")
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
        self.hints_where(help_open, focus, lang, |_| true)
    }

    /// The hint bar's entries that it never leaves out: how to get help and how to quit.
    pub fn essential_hints(
        &self,
        help_open: bool,
        focus: Pane,
        lang: Lang,
    ) -> Vec<(String, &'static str)> {
        self.hints_where(help_open, focus, lang, |a| {
            matches!(a, Action::Quit | Action::ToggleHelp)
        })
    }

    fn hints_where(
        &self,
        help_open: bool,
        focus: Pane,
        lang: Lang,
        keep: impl Fn(&Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        let scopes = active_scopes(help_open, focus);
        for (i, &scope) in scopes.iter().enumerate() {
            for b in self
                .in_scope(scope)
                .filter(|b| b.def.hint && keep(&b.def.action))
                .filter(|b| !self.shadowed(b, &scopes[..i]))
            {
                out.push((b.keys_label_in(lang), b.def.help(lang)));
            }
        }
        out
    }

    /// Whether every key of `b` is taken by one of the more specific `scopes` (as `L` in the
    /// timeline walks the milestones instead of switching the language): a hint for it
    /// would promise what the key does not do there.
    pub fn shadowed(&self, b: &Bound, scopes: &[Scope]) -> bool {
        b.keys.iter().all(|k| {
            scopes
                .iter()
                .any(|&s| self.in_scope(s).any(|o| o.keys.contains(k)))
        })
    }
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
