//! [`IStr`], the dataset's string: immutable, and shared between equal strings of a file.
//!
//! A dataset repeats itself: source ids are cited again and again, country codes, sector
//! keys, vendors and milestone titles recur. While a file is read ([`interning`]), equal
//! strings become one allocation; outside of it, an `IStr` is simply an `Arc<str>`. With
//! 10,000 synthetic factories the loaded data takes 35 MB of heap instead of 57 MB
//! (`examples/memory.rs`).
//!
//! The embedded data is decoded without copying or checking its strings one by one: its
//! encoding keeps them all in one text, a string table (which the compiler checks for UTF-8),
//! and each `IStr` of it refers to its part of that text ([`with_string_table`] writes it,
//! [`from_string_table`] reads it).

use std::borrow::Borrow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string, shared with the equal strings read from the same file.
///
/// Either an `Arc<str>` or a `&'static str` (text of the binary itself, the embedded data),
/// in 16 bytes, as an `Arc<str>` alone takes: the data holds hundreds of thousands of them
/// at scale, and a two-variant enum (24 bytes) put 10,000 synthetic factories 7 MB over the
/// memory budget. The length's top bit, never used by a length, tells which it is.
pub struct IStr {
    /// The first byte of the text; for a shared string, the pointer of `Arc::into_raw`.
    ptr: NonNull<u8>,
    /// The text's length in bytes, with [`BORROWED`] set for a `'static` text.
    len: usize,
}

/// The tag bit of `IStr::len`: no allocation, hence no `str`, is longer than `isize::MAX`.
const BORROWED: usize = 1 << (usize::BITS - 1);

// SAFETY: an `IStr` is an `Arc<str>` or a `&'static str`, both `Send` and `Sync`.
unsafe impl Send for IStr {}
unsafe impl Sync for IStr {}

impl IStr {
    fn shared(text: Arc<str>) -> IStr {
        let len = text.len();
        // `Arc::into_raw` never returns null.
        let ptr = NonNull::new(Arc::into_raw(text) as *const u8 as *mut u8)
            .expect("Arc::into_raw is not null");
        IStr { ptr, len }
    }

    fn borrowed(text: &'static str) -> IStr {
        IStr {
            ptr: NonNull::from(text.as_bytes()).cast(),
            len: text.len() | BORROWED,
        }
    }

    fn is_borrowed(&self) -> bool {
        self.len & BORROWED != 0
    }

    /// The `Arc<str>` pointer of a shared string.
    fn raw(&self) -> *const str {
        std::ptr::slice_from_raw_parts(self.ptr.as_ptr().cast_const(), self.len) as *const str
    }
}

impl Clone for IStr {
    fn clone(&self) -> IStr {
        if !self.is_borrowed() {
            // SAFETY: `raw` is the pointer of an `Arc<str>` that this `IStr` owns one count
            // of, alive until it is dropped; the clone owns the new count.
            unsafe { Arc::increment_strong_count(self.raw()) };
        }
        IStr {
            ptr: self.ptr,
            len: self.len,
        }
    }
}

impl Drop for IStr {
    fn drop(&mut self) {
        if !self.is_borrowed() {
            // SAFETY: gives back the count this `IStr` owns (see `Clone`).
            unsafe { drop(Arc::from_raw(self.raw())) };
        }
    }
}

thread_local! {
    /// The strings of the file being read on this thread, while [`interning`] runs.
    static TABLE: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
    /// The string table being written on this thread, while [`with_string_table`] runs.
    static TABLE_OUT: RefCell<Option<TableOut>> = const { RefCell::new(None) };
    /// The string table being read on this thread, while [`from_string_table`] runs.
    static TABLE_IN: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// A string table being written: the text, and where each string already in it lies.
#[derive(Default)]
struct TableOut {
    text: String,
    at: HashMap<String, (u32, u32)>,
}

/// Run `write`, a serialization by a binary (not human-readable) format, with each `IStr`
/// written as the place of its text (start and length in bytes) in one string table,
/// equal strings once; returns the table with the result.
pub fn with_string_table<T>(write: impl FnOnce() -> T) -> (T, String) {
    let outer = TABLE_OUT.with(|t| t.replace(Some(TableOut::default())));
    let result = write();
    let table = TABLE_OUT.with(|t| t.replace(outer)).unwrap_or_default();
    (result, table.text)
}

/// Run `read`, a deserialization of what [`with_string_table`] wrote, with `table` the
/// string table: each `IStr` is then a reference to its part of `table`, not a copy.
pub fn from_string_table<T>(table: &'static str, read: impl FnOnce() -> T) -> T {
    let outer = TABLE_IN.with(|t| t.replace(Some(table)));
    // Put back on the way out, also if `read` panics.
    struct Reset(Option<&'static str>);
    impl Drop for Reset {
        fn drop(&mut self) {
            TABLE_IN.with(|t| t.set(self.0));
        }
    }
    let _reset = Reset(outer);
    read()
}

/// The place of `s` in the string table being written, if one is.
fn table_place(s: &str) -> Option<(u32, u32)> {
    TABLE_OUT.with(|t| {
        let mut t = t.borrow_mut();
        let t = t.as_mut()?;
        if let Some(&at) = t.at.get(s) {
            return Some(at);
        }
        let at = (
            u32::try_from(t.text.len()).ok()?,
            u32::try_from(s.len()).ok()?,
        );
        t.text.push_str(s);
        t.at.insert(s.to_string(), at);
        Some(at)
    })
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
                Some(shared) => IStr::shared(Arc::clone(shared)),
                None => {
                    let new: Arc<str> = Arc::from(s);
                    table.insert(Arc::clone(&new));
                    IStr::shared(new)
                }
            },
            None => IStr::from(s),
        })
    }

    pub fn as_str(&self) -> &str {
        let len = self.len & !BORROWED;
        // SAFETY: `ptr` and the length are those of a `str` that lives as long as `self`: a
        // `'static` one, or one in the `Arc` that `self` holds a count of.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr.as_ptr(), len)) }
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
        IStr::shared(Arc::from(s))
    }
}

impl From<String> for IStr {
    fn from(s: String) -> IStr {
        IStr::shared(Arc::from(s))
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
        if !s.is_human_readable()
            && let Some(place) = table_place(self.as_str())
        {
            return place.serialize(s);
        }
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for IStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IStr, D::Error> {
        if let Some(table) = TABLE_IN.with(Cell::get).filter(|_| !d.is_human_readable()) {
            let (start, len) = <(u32, u32)>::deserialize(d)?;
            let (start, len) = (start as usize, len as usize);
            return start
                .checked_add(len)
                .and_then(|end| table.get(start..end))
                .map(IStr::borrowed)
                .ok_or_else(|| serde::de::Error::custom("a string outside the string table"));
        }
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

    /// The strong count of a shared string's `Arc`.
    fn count(s: &IStr) -> usize {
        assert!(!s.is_borrowed());
        // SAFETY: a look at the count of the `Arc` that `s` holds, not dropped.
        let arc = std::mem::ManuallyDrop::new(unsafe { Arc::from_raw(s.raw()) });
        Arc::strong_count(&arc)
    }

    #[test]
    fn an_istr_takes_as_little_room_as_an_arc_str() {
        assert_eq!(std::mem::size_of::<IStr>(), 16);
        assert_eq!(std::mem::size_of::<Option<IStr>>(), 16);
    }

    #[test]
    fn clones_of_a_shared_string_count_and_give_back_their_references() {
        let a = IStr::from("réseau");
        let b = a.clone();
        let c = b.clone();
        assert_eq!(count(&a), 3);
        drop(b);
        assert_eq!(count(&a), 2);
        drop(a);
        assert_eq!(count(&c), 1);
        assert_eq!(c, "réseau");
        assert_eq!(IStr::from(String::new()), "");
    }

    #[test]
    fn strings_of_a_string_table_are_borrowed_not_copied() {
        let words = vec![
            "santé".to_string(),
            String::new(),
            "it".to_string(),
            "santé".into(),
        ];
        let istrs: Vec<IStr> = words.iter().map(IStr::from).collect();
        let (bytes, table) = with_string_table(|| postcard::to_allocvec(&istrs).unwrap());
        // Equal strings once.
        assert_eq!(table, "santéit");
        let table: &'static str = table.leak();
        let range = table.as_bytes().as_ptr_range();
        let v: Vec<IStr> = from_string_table(table, || postcard::from_bytes(&bytes)).unwrap();
        assert_eq!(v, words);
        for s in &v {
            assert!(s.is_borrowed());
            assert!(range.contains(&ptr(s)) || s.is_empty());
        }
        assert_eq!(ptr(&v[0]), ptr(&v[3]));
        // Equal, hashed and ordered as text, whichever way it is held.
        let shared = IStr::from("santé");
        assert_eq!(v[0], shared);
        assert_eq!(v[0].cmp(&shared), std::cmp::Ordering::Equal);
        let set: HashSet<IStr> = [v[0].clone(), shared].into_iter().collect();
        assert_eq!(set.len(), 1);
        // Outside of the string table, strings are written and read as text, copied.
        let plain = postcard::to_allocvec(&istrs).unwrap();
        let w: Vec<IStr> = postcard::from_bytes(&plain).unwrap();
        assert!(w.iter().all(|s| !s.is_borrowed()));
        assert_eq!(w, words);
        // A place outside the table, or inside a char, is an error.
        for (start, len) in [(0u32, 99u32), (4, 1), (u32::MAX, 2)] {
            let bad = postcard::to_allocvec(&vec![(start, len)]).unwrap();
            let r = from_string_table(table, || postcard::from_bytes::<Vec<IStr>>(&bad));
            assert!(r.is_err(), "({start}, {len})");
        }
    }

    #[test]
    fn the_table_is_dropped_after_a_failed_read() {
        let bad: Result<Vec<IStr>, _> = interning(|| ron::from_str(r#"["a", 1]"#));
        assert!(bad.is_err());
        assert!(TABLE.with(|t| t.borrow().is_none()));
    }
}
