//! aifactories: the EuroHPC AI Factories, their machines and milestones, in a terminal.
//!
//! Layers, from the bottom: [`i18n`] (the language and the interface's words), [`data`]
//! (model, loading, validation), [`search`] and [`timeline`] (pure logic over the data),
//! [`cli`] (the non-interactive commands), and the dashboard: [`app`] (state and `update`),
//! [`keymap`] (events to actions), [`ui`] (drawing from `&App`), [`tui`] (the terminal
//! itself) and its [`backend`].

pub mod action;
pub mod app;
pub mod cli;
pub mod config;
pub mod data;
pub mod i18n;
pub mod keymap;
pub mod layout;
pub mod search;
pub mod sheet;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod text;
pub mod theme;
pub mod timeline;
pub mod tui;
pub mod ui;
