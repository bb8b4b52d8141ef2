//! [`IStr`], the dataset's string: immutable, and shared between equal strings of a file.
//!
//! A dataset repeats itself: source ids are cited again and again, country codes, sector
//! keys, vendors and milestone titles recur. While a file is read ([`interning`]), equal
//! strings become one allocation; outside of it, an `IStr` is simply an `Arc<str>`. With
//! 10,000 synthetic factories the loaded data takes 35 MB of heap instead of 57 MB
//! (`examples/memory.rs`).
//!
//! The embedded data is decoded without copying its strings: while [`borrowing`] runs, a
//! string that lies in the embedded bytes (`'static`) is kept as a reference to them.

use std::borrow::Borrow;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string, shared with the equal strings read from the same file.
#[derive(Clone)]
pub struct IStr(Repr);

#[derive(Clone)]
enum Repr {
    /// Text of the binary itself (the embedded data).
    Static(&'static str),
    Shared(Arc<str>),
}

thread_local! {
    /// The strings of the file being read on this thread, while [`interning`] runs.
    static TABLE: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
    /// The `'static` bytes being decoded on this thread, while [`borrowing`] runs.
    static REGION: Cell<Option<&'static [u8]>> = const { Cell::new(None) };
}

/// Run `read`, a decoding of the `'static` bytes `region` by a binary (not human-readable)
/// format that hands its strings out in place, with the strings that lie in `region` kept
/// as references to it instead of copies.
pub fn borrowing<T>(region: &'static [u8], read: impl FnOnce() -> T) -> T {
    let outer = REGION.with(|r| r.replace(Some(region)));
    // Put back on the way out, also if `read` panics.
    struct Reset(Option<&'static [u8]>);
    impl Drop for Reset {
        fn drop(&mut self) {
            REGION.with(|r| r.set(self.0));
        }
    }
    let _reset = Reset(outer);
    read()
}

/// `bytes` as a part of the region being decoded, if it is one.
fn in_region(bytes: &[u8]) -> Option<&'static [u8]> {
    let region = REGION.with(Cell::get)?;
    let start = (bytes.as_ptr() as usize).checked_sub(region.as_ptr() as usize)?;
    region.get(start..start.checked_add(bytes.len())?)
}

/// Run `read` (a deserialization) with equal strings shared. Nested calls share the outer
/// table.
pub fn interning<T>(read: impl FnOnce() -> T) -> T {
    let outer = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let outer = t.is_some();
        if !outer {
            *t = Some(HashSet::new());
        }
        outer
    });
    // Dropped on the way out, also if `read` panics, so that no table outlives its file.
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            if !self.0 {
                TABLE.with(|t| t.borrow_mut().take());
            }
        }
    }
    let _reset = Reset(outer);
    read()
}

impl IStr {
    /// The shared copy of `s` while [`interning`] runs, a new one otherwise.
    fn read(s: &str) -> IStr {
        TABLE.with(|t| match t.borrow_mut().as_mut() {
            Some(table) => match table.get(s) {
                Some(shared) => IStr(Repr::Shared(Arc::clone(shared))),
                None => {
                    let new: Arc<str> = Arc::from(s);
                    table.insert(Arc::clone(&new));
                    IStr(Repr::Shared(new))
                }
            },
            None => IStr::from(s),
        })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Shared(s) => s,
        }
    }
}

impl Default for IStr {
    fn default() -> IStr {
        IStr::from("")
    }
}

impl Deref for IStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for IStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for IStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

// Equal, ordered and hashed as their text, whether borrowed or shared.
impl PartialEq for IStr {
    fn eq(&self, other: &IStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for IStr {}

impl PartialOrd for IStr {
    fn partial_cmp(&self, other: &IStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IStr {
    fn cmp(&self, other: &IStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for IStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl From<&str> for IStr {
    fn from(s: &str) -> IStr {
        IStr(Repr::Shared(Arc::from(s)))
    }
}

impl From<String> for IStr {
    fn from(s: String) -> IStr {
        IStr(Repr::Shared(Arc::from(s)))
    }
}

impl From<&String> for IStr {
    fn from(s: &String) -> IStr {
        IStr::from(s.as_str())
    }
}

impl From<IStr> for String {
    fn from(s: IStr) -> String {
        s.as_str().to_string()
    }
}

impl PartialEq<str> for IStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for IStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for IStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<IStr> for str {
    fn eq(&self, other: &IStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<IStr> for &str {
    fn eq(&self, other: &IStr) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Debug for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for IStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for IStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IStr, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = IStr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<IStr, E> {
                Ok(IStr::read(s))
            }
            fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<IStr, E> {
                let s = std::str::from_utf8(b).map_err(|_| E::custom("a string not in UTF-8"))?;
                Ok(IStr::read(s))
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(self, b: &'de [u8]) -> Result<IStr, E> {
                let Some(region) = in_region(b) else {
                    return self.visit_bytes(b);
                };
                let s =
                    std::str::from_utf8(region).map_err(|_| E::custom("a string not in UTF-8"))?;
                Ok(IStr(Repr::Static(s)))
            }
        }
        // Binary formats (postcard) write a string as its length and bytes, as they write
        // bytes: read as bytes, it comes in place, checked for UTF-8 once.
        if d.is_human_readable() {
            d.deserialize_str(Visitor)
        } else {
            d.deserialize_bytes(Visitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ptr(s: &IStr) -> *const u8 {
        s.as_ptr()
    }

    #[test]
    fn equal_strings_of_one_file_share_one_allocation() {
        let v: Vec<IStr> = interning(|| ron::from_str(r#"["fr", "it", "fr"]"#)).unwrap();
        assert_eq!(v, ["fr", "it", "fr"]);
        assert_eq!(ptr(&v[0]), ptr(&v[2]));
        assert_ne!(ptr(&v[0]), ptr(&v[1]));
        // Outside of `interning`, nothing is shared (and nothing kept).
        let w: Vec<IStr> = ron::from_str(r#"["fr", "fr"]"#).unwrap();
        assert_ne!(ptr(&w[0]), ptr(&w[1]));
        assert!(TABLE.with(|t| t.borrow().is_none()));
    }

    #[test]
    fn the_table_is_dropped_after_a_failed_read() {
        let bad: Result<Vec<IStr>, _> = interning(|| ron::from_str(r#"["a", 1]"#));
        assert!(bad.is_err());
        assert!(TABLE.with(|t| t.borrow().is_none()));
    }
}
