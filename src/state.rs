//! The file that remembers what the dashboard showed last, for "what's new since you last
//! looked": `$XDG_STATE_HOME/aifactories/seen.ron`, else `~/.local/state/aifactories/seen.ron`.
//! It holds a [`Seen`] (the data's `as_of` and fingerprints, see [`crate::changes::seen`]).
//!
//! * Written atomically: a temporary file in the same directory, flushed to disk, then renamed
//!   over the old one. A reader, or a second dashboard writing at the same time, sees the old
//!   file or the new one whole, never a mix; the last rename wins.
//! * A file that cannot be read (unreadable, not RON, another format version) is left as it
//!   is and not written over for the rest of the run: it may be a newer build's, or something
//!   the user wants to look at. The notice names it; deleting it starts afresh. An empty file
//!   holds nothing to lose and counts as missing.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::changes::Seen;
use crate::changes::seen::{FORMAT, Header};
use crate::data::PDate;

const DIR_NAME: &str = "aifactories";
const FILE_NAME: &str = "seen.ron";

/// Where the state is kept by default; none if neither `XDG_STATE_HOME` nor `HOME` is set.
pub fn default_path() -> Option<PathBuf> {
    default_path_in(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
}

/// [`default_path`] from given values of `XDG_STATE_HOME` and `HOME`. Empty values and a
/// relative `XDG_STATE_HOME` are ignored, as the XDG specification says.
pub fn default_path_in(
    xdg_state_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let xdg = xdg_state_home
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = match xdg {
        Some(dir) => dir,
        None => PathBuf::from(home.filter(|v| !v.is_empty())?).join(".local/state"),
    };
    Some(base.join(DIR_NAME).join(FILE_NAME))
}

/// What reading the file found.
#[derive(Debug)]
pub enum Loaded {
    /// No file (or an empty one): a first look.
    Missing,
    /// The file's data fingerprint is the one given: the data seen, as of this date (the
    /// records were skipped, not read).
    Same(PDate),
    Read(Seen),
    /// From [`peek`]: a file about other data, its records not read yet.
    Other,
    /// Why it could not be read, in one line.
    Unreadable(String),
}

/// Read the state file. With `data`, the current data's fingerprint, a file about the same
/// data is told by its start alone ([`Loaded::Same`]): its records are not needed, and not
/// read (a damaged record shows when the data next changes, and is then left alone like any
/// unreadable file).
pub fn load(path: &Path, data: Option<u64>) -> Loaded {
    read(path, data, true)
}

/// As [`load`] with the data's fingerprint, but a file about other data is only
/// [`Loaded::Other`]: its records are left for later (after the first frame).
pub fn peek(path: &Path, data: u64) -> Loaded {
    read(path, Some(data), false)
}

fn read(path: &Path, data: Option<u64>, records: bool) -> Loaded {
    let text = match std::fs::read(path) {
        Ok(t) => t,
        // No file, or not even its directory (a file where the directory should be).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Loaded::Missing;
        }
        Err(e) => return Loaded::Unreadable(e.to_string()),
    };
    if text.iter().all(u8::is_ascii_whitespace) {
        return Loaded::Missing;
    }
    let Ok(text) = std::str::from_utf8(&text) else {
        return Loaded::Unreadable("not UTF-8 text".to_string());
    };
    if let Some(fp) = data
        && let Some(h) = header(text)
        && h.format == FORMAT
        && h.data == fp
    {
        return Loaded::Same(h.as_of);
    }
    if !records {
        return Loaded::Other;
    }
    match ron::from_str::<Seen>(text) {
        Ok(s) if s.format == FORMAT => Loaded::Read(s),
        Ok(s) => Loaded::Unreadable(format!("format {} (this build reads {FORMAT})", s.format)),
        Err(e) => {
            // A newer build's file is named as such rather than as broken.
            #[derive(serde::Deserialize)]
            struct Version {
                format: u32,
            }
            match ron::from_str::<ron::Value>(text).map(|v| v.into_rust::<Version>()) {
                Ok(Ok(v)) if v.format != FORMAT => {
                    Loaded::Unreadable(format!("format {} (this build reads {FORMAT})", v.format))
                }
                _ => Loaded::Unreadable(one_line(&e.to_string())),
            }
        }
    }
}

/// The file's first fields, read alone: [`save`] writes `format`, `as_of` and `data` first,
/// one a line, then `fields`. Parsing the whole file (its records) takes most of a millisecond
/// on the real data; this, a few microseconds. Any other layout (an edited file) is `None`,
/// and the whole file is read.
fn header(text: &str) -> Option<Header> {
    let end = text.find("\n fields:")?;
    ron::from_str::<Header>(&format!("{})", &text[..end])).ok()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Write the state file atomically (see the module's doc), creating its directory.
pub fn save(path: &Path, seen: &Seen) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    // One record a line: readable, and small enough.
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .indentor(" ".to_string());
    let text = ron::ser::to_string_pretty(seen, pretty).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".seen.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.write_all(b"\n")?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_follows_xdg_then_home() {
        let p = default_path_in(Some("/x/state".into()), Some("/home/u".into()));
        assert_eq!(p, Some(PathBuf::from("/x/state/aifactories/seen.ron")));
        let p = default_path_in(Some("relative".into()), Some("/home/u".into()));
        assert_eq!(
            p,
            Some(PathBuf::from("/home/u/.local/state/aifactories/seen.ron"))
        );
        assert_eq!(default_path_in(Some("".into()), None), None);
    }
}
