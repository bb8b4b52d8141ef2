//! "What's new since you last looked": what the terminal loop found when it compared the data
//! with the state file, the marks that follow from it, and the changes overlay (`n`).
//!
//! *Seen* means: the user opened the changes list. Opening it asks the loop to remember the
//! data shown (the overlay's [`Effects`](super::Effects) carry `remember`), so the next run
//! starts without these marks; in this run the marks stay until quitting, so that what was
//! listed can still be found in the list and the timeline. Quitting without opening it keeps
//! the changes for next time.

use std::collections::HashMap;

use crate::changes::SeenDiff;
use crate::changes::seen::{At, Mark};
use crate::timeline::{Origin, Timeline};

/// What the loop found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Standing {
    /// Not looked at (yet), or `--no-state`.
    #[default]
    Off,
    /// No state file: this data is remembered from now on.
    FirstLook,
    /// The state file could not be read: its path and why. It is left alone.
    Unreadable { path: String, why: String },
    /// The data is what was seen last.
    Unchanged(crate::data::PDate),
    /// The data changed since it was seen.
    Changed(SeenDiff),
}

#[derive(Debug, Default)]
pub struct WhatsNewState {
    standing: Standing,
    /// The changes list was opened (and the data remembered) in this run.
    seen: bool,
    /// The list's overlay: open or not, and its scroll.
    overlay: super::help::Overlay,
    factories: Vec<Option<Mark>>,
    antennas: Vec<Option<Mark>>,
    /// Per timeline entry.
    entries: Vec<Option<Mark>>,
}

impl WhatsNewState {
    pub(super) fn set(
        &mut self,
        standing: Standing,
        tl: &Timeline,
        factories: usize,
        antennas: usize,
    ) {
        self.factories = vec![None; factories];
        self.antennas = vec![None; antennas];
        self.entries = vec![None; tl.entries().len()];
        if let Standing::Changed(d) = &standing {
            let marks: HashMap<At, Mark> = d.marks().collect();
            for (at, mark) in &marks {
                match *at {
                    At::Factory(i) => put(&mut self.factories, i, *mark),
                    At::Antenna(i) => put(&mut self.antennas, i, *mark),
                    // A factory whose milestone changed is itself changed.
                    At::FactoryMilestone { factory, .. }
                        if self.factories.get(factory).copied().flatten().is_none() =>
                    {
                        put(&mut self.factories, factory, Mark::Changed)
                    }
                    _ => {}
                }
            }
            for (k, e) in tl.entries().iter().enumerate() {
                let at = match e.origin() {
                    Origin::Programme(i) => At::Programme(i),
                    Origin::Factory { factory, milestone } => {
                        At::FactoryMilestone { factory, milestone }
                    }
                };
                self.entries[k] = marks.get(&at).copied();
            }
        }
        self.standing = standing;
    }

    pub fn standing(&self) -> &Standing {
        &self.standing
    }

    /// The changes not yet seen, if any: what the status bar counts.
    pub fn unseen(&self) -> Option<&SeenDiff> {
        match &self.standing {
            Standing::Changed(d) if !self.seen => Some(d),
            _ => None,
        }
    }

    pub fn factory_mark(&self, i: usize) -> Option<Mark> {
        self.factories.get(i).copied().flatten()
    }

    pub fn antenna_mark(&self, i: usize) -> Option<Mark> {
        self.antennas.get(i).copied().flatten()
    }

    /// The mark of timeline entry `k`.
    pub fn entry_mark(&self, k: usize) -> Option<Mark> {
        self.entries.get(k).copied().flatten()
    }

    pub fn is_open(&self) -> bool {
        self.overlay.is_open()
    }

    pub fn scroll(&self) -> u16 {
        self.overlay.scroll()
    }

    pub(super) fn overlay_mut(&mut self) -> &mut super::help::Overlay {
        &mut self.overlay
    }

    /// Open the list; true when this is the first look at changes not yet remembered.
    pub(super) fn open(&mut self) -> bool {
        self.overlay.open();
        let first = matches!(self.standing, Standing::Changed(_)) && !self.seen;
        self.seen = true;
        first
    }

    pub(super) fn close(&mut self) {
        self.overlay.close();
    }

    pub(super) fn clamp(&mut self, max: Option<u16>) {
        self.overlay.clamp(max);
    }
}

fn put(v: &mut [Option<Mark>], i: usize, m: Mark) {
    if let Some(slot) = v.get_mut(i) {
        *slot = Some(m);
    }
}
