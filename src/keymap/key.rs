//! A key: parsing as the configuration file writes it, labels for help and hints, and
//! matching against key events.

use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key: code and modifiers (Shift is ignored for characters, which carry their case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

pub(super) const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
pub(super) const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
pub(super) const fn code(c: KeyCode) -> Key {
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

    pub(super) fn matches(self, ev: &KeyEvent) -> bool {
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
pub(super) fn label_keys(keys: &[Key]) -> String {
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
