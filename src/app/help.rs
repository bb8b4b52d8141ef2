//! A scrolling overlay's state (the help, the changes list): open or not, how far it is
//! scrolled, and the keys that move it.

use crate::action::Action;

#[derive(Debug, Default)]
pub struct Overlay {
    /// Some(scroll) while the overlay is open.
    scroll: Option<u16>,
}

impl Overlay {
    pub fn is_open(&self) -> bool {
        self.scroll.is_some()
    }

    pub fn scroll(&self) -> u16 {
        self.scroll.unwrap_or(0)
    }

    pub(super) fn open(&mut self) {
        self.scroll = Some(0);
    }

    pub(super) fn close(&mut self) {
        self.scroll = None;
    }

    pub(super) fn scroll_by(&mut self, by: i32) {
        if let Some(s) = self.scroll {
            self.scroll = Some(u16::try_from((i32::from(s) + by).max(0)).unwrap_or(u16::MAX));
        }
    }

    /// No further than the last frame's text allows.
    pub(super) fn clamp(&mut self, max: Option<u16>) {
        if let (Some(s), Some(max)) = (self.scroll, max) {
            self.scroll = Some(s.min(max));
        }
    }
}

impl Overlay {
    /// The movement keys, a `page` at a time, no further than `max`: whether `action` was one.
    pub(super) fn scroll_for(&mut self, action: &Action, page: u16, max: Option<u16>) -> bool {
        let by = match action {
            Action::Down | Action::ScrollDown(_) => 1,
            Action::Up | Action::ScrollUp(_) => -1,
            Action::PageDown => i32::from(page),
            Action::PageUp => -i32::from(page),
            Action::Home => i32::MIN / 2,
            Action::End => i32::MAX / 2,
            _ => return false,
        };
        self.scroll_by(by);
        self.clamp(max);
        true
    }
}
