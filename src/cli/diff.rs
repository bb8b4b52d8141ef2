//! `diff OLD NEW`: what was added, removed and changed between two datasets, record by record
//! and field by field. The comparison itself is [`crate::changes::compare`]; this is the
//! command: loading both sides, the text and JSON reports, the exit status.

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use super::args::{DiffArgs, ShowFormat};
use super::{Ctx, EXIT_FAILURE, EXIT_OK, Failure};
use crate::changes::is_plain_list;
pub use crate::changes::{CertaintyChange, Changed, Diff, Entry, FieldChange, Moved, compare};
use crate::data::{Catalog, LoadError};

/// Load one side: `-` or `embedded` is the embedded dataset, anything else a file.
pub fn load(arg: &Path) -> Result<Catalog, LoadError> {
    match arg.to_str() {
        Some("-" | "embedded") => Catalog::embedded(),
        _ => Catalog::from_file(arg),
    }
}

/// Run `diff`: 0 when the datasets are the same, 1 when they differ, 2 when one cannot be
/// loaded (the message is the loader's, as `validate` prints it).
pub fn run(ctx: &Ctx, args: &DiffArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    // Loading is most of the time (0.6 s for a 10,000-factory file, the comparison 25 ms):
    // the two files load side by side.
    let (old, new) = std::thread::scope(|scope| {
        let other = scope.spawn(|| load(&args.new));
        let old = load(&args.old);
        let new = other
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (old, new)
    });
    let old = old.map_err(|e| Failure::bad_input(e.to_string()))?;
    let new = new.map_err(|e| Failure::bad_input(e.to_string()))?;
    let d = compare(&old.data, &new.data);
    match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &d)
                .map_err(|e| Failure::from(std::io::Error::from(e)))?;
            writeln!(out)?;
        }
        ShowFormat::Text => write_text(&d, &old.origin, &new.origin, ctx.color, out)?,
    }
    Ok(if d.same { EXIT_OK } else { EXIT_FAILURE })
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// A value as one line: strings quoted, `none` for null.
fn show(v: &Value) -> String {
    match v {
        Value::Null => "none".to_string(),
        Value::Array(l) if is_plain_list(l) => {
            let items: Vec<String> = l.iter().map(show).collect();
            format!("[{}]", items.join(", "))
        }
        // JSON escapes every control character, so nothing here reaches the terminal raw.
        other => other.to_string(),
    }
}

fn who(kind: &str, id: &str, factory: &Option<String>) -> String {
    let id = crate::text::sanitize(id);
    match factory {
        Some(f) => format!("{kind} {f}/{id}"),
        None => format!("{kind} {id}"),
    }
}

/// The text report: `-` removed (red), `+` added (green), `~` changed and moved (yellow), then
/// a summary line.
pub fn write_text(
    d: &Diff,
    old_name: &str,
    new_name: &str,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let paint = |c: &str, s: String| {
        if color { format!("{c}{s}{RESET}") } else { s }
    };
    let (old_name, new_name) = (
        crate::text::sanitize(old_name),
        crate::text::sanitize(new_name),
    );
    if d.same {
        return writeln!(out, "no differences between {old_name} and {new_name}");
    }
    writeln!(out, "{}", paint(BOLD, format!("--- {old_name}")))?;
    writeln!(out, "{}", paint(BOLD, format!("+++ {new_name}")))?;
    for e in &d.removed {
        let line = format!(
            "- {}  {}",
            who(e.kind, &e.id, &e.factory),
            crate::text::sanitize(&e.label)
        );
        writeln!(out, "{}", paint(RED, line))?;
    }
    for e in &d.added {
        let line = format!(
            "+ {}  {}",
            who(e.kind, &e.id, &e.factory),
            crate::text::sanitize(&e.label)
        );
        writeln!(out, "{}", paint(GREEN, line))?;
    }
    for m in &d.moved {
        let mut line = format!(
            "~ {} moved: {} -> {}",
            who("milestone", &m.id, &m.factory),
            m.old,
            m.new
        );
        match &m.first_announced {
            Some(f) => line.push_str(&format!(" (first announced {f})")),
            None => line.push_str(&format!(" (first announced {})", m.old)),
        }
        writeln!(out, "{}", paint(YELLOW, line))?;
    }
    for c in &d.changed {
        writeln!(
            out,
            "{}",
            paint(YELLOW, format!("~ {}", who(c.kind, &c.id, &c.factory)))
        )?;
        for f in &c.fields {
            match (&f.added, &f.removed) {
                (Some(added), Some(removed)) => {
                    let mut parts: Vec<String> = removed
                        .iter()
                        .map(|v| paint(RED, format!("-{}", show(v))))
                        .collect();
                    parts.extend(added.iter().map(|v| paint(GREEN, format!("+{}", show(v)))));
                    if parts.is_empty() {
                        // Same members, another count (a repeated id).
                        parts.push(format!("{} -> {}", show(&f.old), show(&f.new)));
                    }
                    writeln!(out, "    {}: {}", f.field, parts.join(" "))?;
                }
                _ => writeln!(
                    out,
                    "    {}: {} -> {}",
                    f.field,
                    paint(RED, show(&f.old)),
                    paint(GREEN, show(&f.new))
                )?,
            }
        }
    }
    let fields: usize = d.changed.iter().map(|c| c.fields.len()).sum();
    writeln!(
        out,
        "{} added, {} removed, {} changed ({} fields, {} certainties), {} moved",
        d.added.len(),
        d.removed.len(),
        d.changed.len(),
        fields,
        d.certainties.len(),
        d.moved.len()
    )
}
