//! The configuration's overrides: [`Keymap::apply`], and the problems it reports, each
//! naming its entry.

use super::{ACTION_NAMES, BINDINGS, Key, Keymap, Scope, action_by_name, action_name};
use crate::action::Action;
use crate::data::Problem;

impl Keymap {
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
