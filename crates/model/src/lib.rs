//! The typed model of the aifactories dataset (`assets/*.ron`): the records, their dates and
//! strings, and the interface's words in each language ([`i18n`]). A crate of its own so that the main crate's build script can read the embedded
//! RON into these very types and encode it, and the program decode it, with one definition.

pub mod date;
pub mod i18n;
pub mod istr;
pub mod model;
