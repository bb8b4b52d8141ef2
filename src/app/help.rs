//! The help overlay's state: open or not, and how far it is scrolled.

#[derive(Debug, Default)]
pub struct HelpState {
    /// Some(scroll) while the overlay is open.
    scroll: Option<u16>,
}

impl HelpState {
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
