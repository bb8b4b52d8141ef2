//! The detail pane's state: how far it is scrolled.

#[derive(Debug, Default)]
pub struct DetailState {
    scroll: u16,
}

impl DetailState {
    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    pub(super) fn reset(&mut self) {
        self.scroll = 0;
    }

    pub(super) fn scroll_by(&mut self, by: i32) {
        self.scroll = u16::try_from((i32::from(self.scroll) + by).max(0)).unwrap_or(u16::MAX);
    }

    /// To the end: `max` when the last frame told it, else as far as can be (the frame shows
    /// the end, and the next one brings the scroll back to it).
    pub(super) fn scroll_to_end(&mut self, max: Option<u16>) {
        self.scroll = max.unwrap_or(u16::MAX);
    }

    /// No further than the last frame's text allows.
    pub(super) fn clamp(&mut self, max: Option<u16>) {
        if let Some(max) = max {
            self.scroll = self.scroll.min(max);
        }
    }
}
