//! aifactories: the EuroHPC AI Factories, their machines and milestones, in a terminal.
//!
//! The modules form layers; each uses only the layers below it, never one above, and no two
//! modules use each other:
//!
//! 1. [`data`] (the model, loading and validation) and [`i18n`] (the language and the
//!    interface's words), both from the model crate (`crates/model`), with
//!    [`text`] (folding, widths, "did you mean") and [`layout`] (where each pane goes, and
//!    what a frame tells about scrolling).
//! 2. [`search`], [`timeline`], [`matching`] (which factory serves a user) and [`changes`]
//!    (what changed between two versions of the data): pure logic over the data; [`sheet`]:
//!    a record's fact sheet.
//! 3. [`action`] (everything that can change the dashboard), [`theme`] (styles), [`keymap`]
//!    (keys to actions, from the focus and mode), [`config`] (the file that overrides them)
//!    and [`state`] (the file that remembers which data was seen last).
//! 4. [`app`]: the dashboard's state, split by pane, changed only by `App::update`, which
//!    returns what the loop must do.
//! 5. [`ui`]: one widget per pane, drawing from `&App`, and the mouse's hit-testing.
//! 6. [`tui`] (the terminal, the event loop, signals) and [`cli`] (the commands).
//!
//! `synth`, a synthetic dataset generator for tests and benchmarks, is built only with the
//! `synth` feature.

pub mod action;
pub mod app;
pub mod changes;
pub mod cli;
pub mod config;
pub mod data;
pub use aifactories_model::i18n;
pub mod keymap;
pub mod layout;
pub mod matching;
pub mod search;
pub mod sheet;
pub mod state;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod text;
pub mod theme;
pub mod timeline;
pub mod tui;
pub mod ui;
