//! Moving around: the arrows, pages and ends in each pane, the wheel, Enter and Esc, and the
//! help overlay's scrolling.

use super::{Action, App, Effects};
use crate::layout::Pane;

impl App {
    pub(super) fn update_help(&mut self, action: &Action) -> bool {
        let page = self.size.1.saturating_sub(6).max(1);
        if matches!(action, Action::Quit | Action::ToggleHelp | Action::Back) {
            self.help.close();
            return true;
        }
        let max = self.help_max_scroll();
        self.help.scroll_for(action, page, max)
    }

    /// The changes overlay: as the help's, and its own key closes it.
    pub(super) fn update_changes(&mut self, action: &Action) -> bool {
        let page = self.size.1.saturating_sub(6).max(1);
        if matches!(
            action,
            Action::Quit | Action::ToggleHelp | Action::Back | Action::ShowChanges
        ) {
            self.whatsnew.close();
            return true;
        }
        let max = self.help_max_scroll();
        self.whatsnew.overlay_mut().scroll_for(action, page, max)
    }

    /// Esc: leave the search (clearing it), else drop the country filter, else go back to
    /// the list.
    pub(super) fn back(&mut self, effects: &mut Effects) -> bool {
        if self.focus != Pane::Search && self.back_in_timeline() {
            return true;
        }
        if self.focus == Pane::Search {
            self.set_focus(Pane::List);
            if !self.search.query().is_empty() {
                self.edit_query(Some((String::new(), 0)), effects);
            }
            return true;
        }
        if self.list.for_me().is_some() {
            let keep = self.selected_record();
            self.results_changed(keep);
            return true;
        }
        if self.list.country_filter().is_some() {
            self.list.set_country_filter(None);
            let keep = self.selected_record();
            self.results_changed(keep);
            return true;
        }
        if self.focus != Pane::List {
            self.set_focus(Pane::List);
            return true;
        }
        false
    }

    pub(super) fn confirm(&mut self) {
        match self.focus {
            Pane::Search => self.set_focus(Pane::List),
            Pane::Map => {
                self.list.set_country_filter(Some(self.map.cursor()));
                self.set_focus(Pane::List);
                let keep = self.selected_record();
                self.results_changed(keep);
            }
            Pane::List => self.set_focus(Pane::Detail),
            Pane::Timeline => self.confirm_timeline(),
            Pane::Detail => {}
        }
    }

    pub(super) fn navigate(&mut self, action: &Action) {
        use Action as A;
        match self.focus {
            Pane::Search | Pane::List => {
                let page = self.list_height();
                let last = self.list.len().saturating_sub(1);
                let here = self.list.selected();
                let row = match action {
                    A::Up => here.saturating_sub(1),
                    A::Down => (here + 1).min(last),
                    A::PageUp => here.saturating_sub(page),
                    A::PageDown => (here + page).min(last),
                    A::Home => 0,
                    A::End => last,
                    A::Right => {
                        self.set_focus(Pane::Detail);
                        here
                    }
                    _ => here,
                };
                self.list.select(row);
                self.after_selection_change();
            }
            Pane::Detail => {
                let page = i32::from(self.detail_height());
                match action {
                    A::Up => self.detail.scroll_by(-1),
                    A::Down => self.detail.scroll_by(1),
                    A::PageUp => self.detail.scroll_by(-page),
                    A::PageDown => self.detail.scroll_by(page),
                    A::Home => self.detail.reset(),
                    A::End => self.detail.scroll_to_end(self.detail_max_scroll()),
                    A::Left => self.set_focus(Pane::List),
                    _ => {}
                }
                self.detail.clamp(self.detail_max_scroll());
            }
            Pane::Map => {
                let dir = match action {
                    A::Up => (0, -1),
                    A::Down => (0, 1),
                    A::Left => (-1, 0),
                    A::Right => (1, 0),
                    _ => return,
                };
                self.map.step(&self.cat, dir);
            }
            Pane::Timeline => self.navigate_timeline(action),
        }
    }

    pub(super) fn scroll(&mut self, pane: Pane, down: bool) {
        let step = 3;
        match pane {
            Pane::List => {
                self.list.scroll(down, step, self.list_height());
                self.detail.reset();
            }
            Pane::Detail => {
                self.detail
                    .scroll_by(if down { step as i32 } else { -(step as i32) });
                self.detail.clamp(self.detail_max_scroll());
            }
            Pane::Timeline => self.scroll_timeline(down),
            Pane::Map => {
                self.set_focus(Pane::Map);
                self.navigate(&if down { Action::Down } else { Action::Up });
            }
            Pane::Search => {}
        }
    }
}
