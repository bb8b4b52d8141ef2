//! [`IStr`], the dataset's string: immutable, and shared between equal strings of a file.
//!
//! A dataset repeats itself: source ids are cited again and again, country codes, sector
//! keys, vendors and milestone titles recur. While a file is read ([`interning`]), equal
//! strings become one allocation; outside of it, an `IStr` is simply an `Arc<str>`. With
//! 10,000 synthetic factories the loaded data takes 35 MB of heap instead of 57 MB
//! (`examples/memory.rs`).

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string, shared with the equal strings read from the same file.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IStr(Arc<str>);

thread_local! {
    /// The strings of the file being read on this thread, while [`interning`] runs.
    static TABLE: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
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
                Some(shared) => IStr(Arc::clone(shared)),
                None => {
                    let new: Arc<str> = Arc::from(s);
                    table.insert(Arc::clone(&new));
                    IStr(new)
                }
            },
            None => IStr(Arc::from(s)),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
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
        &self.0
    }
}

impl AsRef<str> for IStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for IStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for IStr {
    fn from(s: &str) -> IStr {
        IStr(Arc::from(s))
    }
}

impl From<String> for IStr {
    fn from(s: String) -> IStr {
        IStr(Arc::from(s))
    }
}

impl From<&String> for IStr {
    fn from(s: &String) -> IStr {
        IStr(Arc::from(s.as_str()))
    }
}

impl From<IStr> for String {
    fn from(s: IStr) -> String {
        s.0.to_string()
    }
}

impl PartialEq<str> for IStr {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for IStr {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for IStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<IStr> for str {
    fn eq(&self, other: &IStr) -> bool {
        *self == *other.0
    }
}

impl PartialEq<IStr> for &str {
    fn eq(&self, other: &IStr) -> bool {
        **self == *other.0
    }
}

impl fmt::Debug for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl Serialize for IStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IStr, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = IStr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<IStr, E> {
                Ok(IStr::read(s))
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ptr(s: &IStr) -> *const u8 {
        s.0.as_ptr()
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
