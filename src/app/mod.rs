//! The dashboard's state and its single entry point for change, [`App::update`].
//!
//! The state is split by pane: [`search`], [`list`], [`map`], [`detail`], [`timeline`] and
//! [`help`], each a small struct whose fields only this module changes. `App` holds them with
//! what the whole screen shares (data, language, focus, size), and `update` coordinates them:
//! a new selection, for instance, moves the map cursor and the timeline's lanes. `update`
//! returns the [`Effects`] the terminal loop must carry out (redraw, quit, suspend, copy,
//! search on the worker); the app never touches the terminal.

pub mod detail;
pub mod help;
pub mod list;
pub mod map;
mod navigate;
pub mod plan;
pub mod search;
pub mod timeline;
mod timeline_keys;
pub mod whatsnew;

use ratatui::layout::Rect;

pub use crate::action::Action;
pub use detail::DetailState;
pub use help::Overlay;
pub use list::ListState;
pub use map::{MapState, Net, Roles};
pub use search::{BACKGROUND_SEARCH_FROM, SearchState};
pub use timeline::{TimelineState, Zoom};
pub use whatsnew::{Standing, WhatsNewState};

use crate::data::{Catalog, Day, Lang, Record};
use crate::i18n::Msg;
use crate::keymap::Keymap;
use crate::layout::{Geometry, Pane, Screen};
use crate::search::{SearchRequest, SearchResult, Searcher};
use crate::theme::Theme;
use crate::timeline::Timeline;

/// Options the dashboard starts with.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub today: Day,
    /// No colour: bold, reverse and underline only.
    pub mono: bool,
    pub size: (u16, u16),
}

/// What the terminal loop must do after an action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects {
    /// Something visible changed: draw a frame.
    pub redraw: bool,
    /// Clear the screen and draw everything (Ctrl-L).
    pub clear: bool,
    /// Leave the dashboard.
    pub quit: bool,
    /// Give the terminal back to the shell until `fg` (Ctrl-Z).
    pub suspend: bool,
    /// Put this text on the clipboard.
    pub copy: Option<String>,
    /// Open this URL in the browser (or copy it where none can start).
    pub open: Option<String>,
    /// Send this query to the search worker.
    pub search: Option<SearchRequest>,
    /// Remember the data shown as seen (the changes list was opened).
    pub remember: bool,
}

impl Effects {
    fn redraw() -> Effects {
        Effects {
            redraw: true,
            ..Effects::default()
        }
    }

    fn none() -> Effects {
        Effects::default()
    }
}

pub struct App {
    cat: Catalog,
    /// Key bindings: the defaults with the config file's overrides.
    keymap: Keymap,
    /// Styles: the chosen theme with the config file's colour overrides.
    theme: Theme,
    lang: Lang,
    today: Day,
    size: (u16, u16),
    focus: Pane,
    /// The pane in the compact layout's right-hand slot.
    tab: Pane,
    /// A one-off message for the status line (what was copied); cleared by the next action.
    status: Option<String>,
    /// What the last frame drew: how far the panes can scroll (unknown before the first).
    geometry: Option<Geometry>,
    search: SearchState,
    list: ListState,
    map: MapState,
    detail: DetailState,
    timeline: TimelineState,
    help: Overlay,
    whatsnew: WhatsNewState,
}

impl App {
    pub fn new(cat: Catalog, opts: Options) -> App {
        let theme = Theme::new(opts.mono);
        App::with_settings(cat, opts, theme, Keymap::default())
    }

    /// An app with the given styles and keys (the config file's), built once.
    pub fn with_settings(cat: Catalog, opts: Options, theme: Theme, keymap: Keymap) -> App {
        let background = cat.factories().len() + cat.antennas().len() >= BACKGROUND_SEARCH_FROM;
        let mut app = App {
            search: SearchState::new(&cat),
            list: ListState::default(),
            map: MapState::new(&cat),
            detail: DetailState::default(),
            timeline: TimelineState::new(&cat, opts.today),
            help: Overlay::default(),
            whatsnew: WhatsNewState::default(),
            cat,
            keymap,
            theme,
            lang: opts.lang,
            today: opts.today,
            size: opts.size,
            focus: Pane::List,
            tab: Pane::Map,
            status: None,
            geometry: None,
        };
        app.results_changed(None);
        // The first results (everything) are computed here; later ones may go to the worker.
        app.search.set_background(background);
        app.refresh_network();
        app
    }

    pub fn cat(&self) -> &Catalog {
        &self.cat
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn today(&self) -> Day {
        self.today
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The pane in the compact layout's right-hand slot.
    pub fn tab(&self) -> Pane {
        self.tab
    }

    /// The one-off message of the status line.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    pub fn search(&self) -> &SearchState {
        &self.search
    }

    pub fn list(&self) -> &ListState {
        &self.list
    }

    pub fn map(&self) -> &MapState {
        &self.map
    }

    pub fn detail(&self) -> &DetailState {
        &self.detail
    }

    pub fn timeline(&self) -> &TimelineState {
        &self.timeline
    }

    pub fn help(&self) -> &Overlay {
        &self.help
    }

    /// The timeline of the data (entries, lanes, plans).
    pub fn tl(&self) -> &Timeline {
        self.timeline.timeline()
    }

    /// Whether the search box is being typed in, and so shows the terminal's cursor.
    pub fn search_focused(&self) -> bool {
        self.focus == Pane::Search && !self.help_open()
    }

    /// Whether an overlay (the help or the changes list) is open: the keys are the overlay's.
    pub fn help_open(&self) -> bool {
        self.help.is_open() || self.whatsnew.is_open()
    }

    /// What changed since the data was last seen, and the marks it puts on screen.
    pub fn whatsnew(&self) -> &WhatsNewState {
        &self.whatsnew
    }

    /// What the loop found on comparing the data with the state file.
    pub fn set_whats_new(&mut self, standing: Standing) {
        let (f, a) = (self.cat.factories().len(), self.cat.antennas().len());
        self.whatsnew.set(standing, self.timeline.timeline(), f, a);
    }

    /// A one-line message on the status line until the next action (a notice from the loop).
    pub fn notify(&mut self, msg: String) {
        self.status = Some(msg);
    }

    /// The current layout.
    pub fn screen(&self) -> Screen {
        Screen::compute(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.focus,
            self.tab,
        )
    }

    /// The selected record, if the list is not empty.
    pub fn selected_record(&self) -> Option<Record> {
        self.list.record(self.search.hits(), self.list.selected())
    }

    /// The factory whose network is shown: the selected factory, or the first factory an
    /// antenna serves.
    pub fn network_factory(&self) -> Option<usize> {
        map::network_factory(&self.cat, self.selected_record()?)
    }

    /// Country index of a record's host country.
    pub fn country_of(&self, r: Record) -> usize {
        self.map.country_of(r)
    }

    /// Char positions to highlight in a record's name.
    pub fn name_positions(&self, record: Record) -> Vec<usize> {
        self.search.name_positions(record)
    }

    /// The URL `y` copies: the chosen milestone's first source when the timeline has focus,
    /// else the selected record's first source.
    pub fn copy_target(&self) -> Option<&str> {
        let from_timeline = (self.focus == Pane::Timeline)
            .then_some(self.timeline.cursor())
            .flatten()
            .and_then(|e| {
                self.tl().entry(e)?;
                self.tl().milestone(&self.cat, e).sources.first()
            });
        let id = from_timeline.or_else(|| match self.selected_record()? {
            Record::Factory(i) => self.cat.factories()[i].sources.first(),
            Record::Antenna(i) => self.cat.antennas()[i].sources.first(),
        })?;
        self.cat.source(id).map(|s| s.url.as_str())
    }

    /// The URL `o` opens: the chosen milestone's first source when the timeline has focus,
    /// else the selection's website, else its first source.
    pub fn open_target(&self) -> Option<String> {
        let website = match self.selected_record() {
            _ if self.focus == Pane::Timeline && self.timeline.cursor().is_some() => None,
            Some(Record::Factory(i)) => self.cat.factories()[i].access.as_ref(),
            Some(Record::Antenna(i)) => self.cat.antennas()[i].access.as_ref(),
            None => None,
        }
        .and_then(|a| a.website.as_deref());
        website.or_else(|| self.copy_target()).map(str::to_string)
    }

    /// Build the search index now if it is not built yet. The dashboard does it right after
    /// its first frame; without it, the first search does.
    pub fn prepare_search(&mut self) {
        self.search.searcher(&self.cat);
    }

    /// The search index with its typing history (for the worker to share).
    pub fn searcher(&mut self) -> &mut Searcher {
        self.search.searcher(&self.cat)
    }

    /// Search on a worker thread (`true`, the default for large datasets) or in `update`.
    pub fn set_background_search(&mut self, on: bool) {
        self.search.set_background(on);
    }

    pub fn background_search(&self) -> bool {
        self.search.background()
    }

    /// Rows of the list that fit on screen (inside the border).
    pub fn list_height(&self) -> usize {
        self.screen().list.map_or(1, |r| {
            let h = r.height.saturating_sub(2);
            usize::from(h - list::header_rows(h)).max(1)
        })
    }

    fn detail_height(&self) -> u16 {
        self.screen()
            .detail
            .map_or(1, |r| r.height.saturating_sub(2).max(1))
    }

    /// Lanes that fit in the timeline pane.
    pub fn lanes_visible(&self) -> usize {
        self.screen()
            .timeline
            .map_or(1, |r| crate::layout::timeline_rows(r).1.max(1))
            .into()
    }

    /// How far the detail can scroll, as the last frame measured it; unknown before the
    /// first frame, when the pane was not drawn, or not measured (unfocused and unscrolled).
    fn detail_max_scroll(&self) -> Option<u16> {
        self.geometry.and_then(|g| g.detail_max_scroll)
    }

    fn help_max_scroll(&self) -> Option<u16> {
        self.geometry.map(|g| g.help_max_scroll.unwrap_or(0))
    }

    /// The list row (index into the list) at a screen position.
    pub fn list_row_at(&self, col: u16, row: u16) -> Option<usize> {
        let r = crate::layout::inner(self.screen().list?);
        if col < r.x || col >= r.x + r.width || row < r.y || row >= r.y + r.height {
            return None;
        }
        let head = list::header_rows(r.height);
        if row < r.y + head {
            return None;
        }
        let i = self.list.offset() + usize::from(row - r.y - head);
        (i < self.list.len()).then_some(i)
    }

    /// Apply an action, and say what the terminal loop must do.
    pub fn update(&mut self, action: Action) -> Effects {
        let effects = self.apply(action);
        // Whatever moved the selection, the network shown follows it.
        self.refresh_network();
        self.after_timeline_change();
        effects
    }

    fn refresh_network(&mut self) {
        let factory = self.network_factory();
        self.map.show_network(&self.cat, factory);
    }

    fn apply(&mut self, action: Action) -> Effects {
        use Action as A;
        // A message is for one look: any action but a resize, a search answer or a frame
        // drawn clears it.
        let had_status = self.status.is_some();
        if !matches!(action, A::Resize(..) | A::SearchDone(_) | A::Drawn(_)) {
            self.status = None;
        }
        let changed = |c: bool| Effects {
            redraw: c || had_status,
            ..Effects::default()
        };
        match action {
            A::Drawn(g) => {
                self.geometry = Some(*g);
                self.detail.clamp(self.detail_max_scroll());
                self.help.clamp(self.help_max_scroll());
                self.whatsnew.clamp(self.help_max_scroll());
                return Effects::none();
            }
            A::Resize(w, h) => {
                self.size = (w, h);
                // Lay the lanes out afresh for the new height, the selected one in view.
                self.timeline.reset_lanes();
                self.list.clamp(self.list_height());
                if let Some(f) = self.network_factory() {
                    self.timeline.show_factory(f, self.lanes_visible());
                }
                return Effects::redraw();
            }
            A::Redraw => {
                return Effects {
                    redraw: true,
                    clear: true,
                    ..Effects::default()
                };
            }
            A::Suspend => {
                return Effects {
                    redraw: true,
                    suspend: true,
                    ..Effects::default()
                };
            }
            A::SearchDone(done) => return changed(self.search_done(*done)),
            _ if self.whatsnew.is_open() => return changed(self.update_changes(&action)),
            _ if self.help.is_open() => return changed(self.update_help(&action)),
            _ => {}
        }
        let mut effects = Effects::redraw();
        match action {
            A::Quit => effects.quit = true,
            A::Drawn(_) | A::Redraw | A::Resize(..) | A::Suspend | A::SearchDone(_) => {}
            A::CycleSort => {
                self.list
                    .cycle_sort(&self.cat, self.search.hits(), self.search.results_query());
                self.after_selection_change();
            }
            A::ForMe => self.toggle_for_me(),
            A::Open => match self.open_target() {
                Some(url) => {
                    self.status = Some(Msg::Opening.fill(self.lang, &[&url]));
                    effects.open = Some(url);
                }
                None => self.status = Some(Msg::NothingToOpen.text(self.lang).to_string()),
            },
            A::Opened(url, how) => {
                let msg = match how {
                    crate::action::Opened::Started => Msg::Opening,
                    crate::action::Opened::OverSsh => Msg::OpenOverSsh,
                    crate::action::Opened::Failed => Msg::OpenFailed,
                };
                self.status = Some(msg.fill(self.lang, &[&url]));
            }
            A::Copy => match self.copy_target().map(str::to_string) {
                Some(url) => {
                    self.status = Some(Msg::Copied.fill(self.lang, &[&url]));
                    effects.copy = Some(url);
                }
                None => self.status = Some(Msg::NothingToCopy.text(self.lang).to_string()),
            },
            A::ToggleHelp => self.help.open(),
            A::ShowChanges => effects.remember = self.whatsnew.open(),
            A::ToggleLang => self.lang = self.lang.toggled(),
            A::ToggleMapView => self.map.toggle_view(),
            A::ToggleZoom => self.timeline.toggle_zoom(),
            A::TogglePlanView => self.toggle_plan_view(),
            A::YearPrev | A::YearNext => self.step_year(matches!(action, A::YearNext)),
            A::FocusNext => self.set_focus(self.focus.next()),
            A::FocusPrev => self.set_focus(self.focus.prev()),
            A::Focus(p) => self.set_focus(p),
            A::StartSearch => {
                self.set_focus(Pane::Search);
                self.search.cursor_to_end();
            }
            A::Back => return changed(self.back(&mut effects)),
            A::Input(c) => {
                let edit = self.search.with_text(c.encode_utf8(&mut [0; 4]));
                self.edit_query(edit, &mut effects);
            }
            A::Paste(s) => {
                if self.focus != Pane::Search {
                    self.set_focus(Pane::Search);
                    self.search.cursor_to_end();
                }
                let edit = self.search.with_text(&s);
                self.edit_query(edit, &mut effects);
            }
            A::Backspace => {
                let edit = self.search.without_char_before();
                if edit.is_none() {
                    return changed(false);
                }
                self.edit_query(edit, &mut effects);
            }
            A::DeleteWord => {
                let edit = self.search.without_word_before();
                if edit.is_none() {
                    return changed(false);
                }
                self.edit_query(edit, &mut effects);
            }
            A::ClearQuery => {
                if self.search.query().is_empty() {
                    return changed(false);
                }
                self.edit_query(Some((String::new(), 0)), &mut effects);
            }
            A::CursorLeft => self
                .search
                .move_cursor(self.search.cursor().saturating_sub(1)),
            A::CursorRight => self.search.move_cursor(self.search.cursor() + 1),
            A::CursorHome => self.search.move_cursor(0),
            A::CursorEnd => self.search.cursor_to_end(),
            A::Confirm => self.confirm(),
            A::Up | A::Down | A::Left | A::Right | A::PageUp | A::PageDown | A::Home | A::End => {
                self.navigate(&action)
            }
            A::MilestonePrev | A::MilestoneNext => self.navigate_timeline(&action),
            A::SelectRow(row) => {
                self.set_focus(Pane::List);
                if row < self.list.len() {
                    self.list.select(row);
                    self.after_selection_change();
                }
            }
            A::SelectCountry(ci) => {
                self.set_focus(Pane::Map);
                if ci < self.cat.countries.len() {
                    self.map.set_cursor(ci);
                    self.confirm();
                }
            }
            A::SelectMilestone(e) => {
                self.set_focus(Pane::Timeline);
                self.select_milestone(e);
            }
            A::ScrollUp(p) | A::ScrollDown(p) => {
                let down = matches!(action, A::ScrollDown(_));
                self.scroll(p, down);
            }
        }
        effects
    }

    /// A new query (and cursor), searched here or handed to the worker.
    fn edit_query(&mut self, edit: Option<(String, usize)>, effects: &mut Effects) {
        let Some((q, cursor)) = edit else {
            return;
        };
        let keep = self.selected_record();
        match self.search.set_query(&self.cat, q, cursor) {
            Some(request) => effects.search = Some(request),
            None => self.results_changed(keep),
        }
    }

    /// Results from the worker: applied if they answer the latest query, dropped if stale.
    fn search_done(&mut self, done: SearchResult) -> bool {
        let keep = self.selected_record();
        if !self.search.done(done) {
            return false;
        }
        self.results_changed(keep);
        true
    }

    /// Re-apply the country filter to the results, keep the selected record if it is still
    /// listed, and mark the hosts of what matched.
    fn results_changed(&mut self, keep: Option<Record>) {
        self.list
            .refill(&self.cat, self.search.hits(), self.search.results_query());
        self.timeline_follow_results();
        self.map
            .mark_hosts(self.search.hits(), self.list.rows(), self.search.filtered());
        let row = keep
            .and_then(|r| self.list.row_of(self.search.hits(), r))
            .unwrap_or(0);
        self.list.select(row);
        self.after_selection_change();
    }

    /// The selection moved: keep it in view and reset what depends on it.
    fn after_selection_change(&mut self) {
        self.list.clamp(self.list_height());
        self.detail.reset();
        // The map cursor follows the selection, unless the user is moving it or has chosen
        // a country.
        if self.focus != Pane::Map
            && self.list.country_filter().is_none()
            && let Some(ci) = self.selected_record().map(|r| self.country_of(r))
            && ci < self.cat.countries.len()
        {
            self.map.set_cursor(ci);
        }
        // The selected factory's lane stays in view.
        if let Some(f) = self.network_factory() {
            self.timeline.show_factory(f, self.lanes_visible());
        }
    }

    /// The "for me" view: the country of the list's filter, else of the query's `country:`,
    /// else of the map's cursor; the sectors and the profile from the query's words. Again:
    /// back to the results.
    fn toggle_for_me(&mut self) {
        let keep = self.selected_record();
        if self.list.for_me().is_some() {
            self.results_changed(keep);
            return;
        }
        let profile = self.for_me_profile();
        let m = crate::matching::rank(&self.cat, &profile, self.today);
        self.list.set_for_me(
            &self.cat,
            Some(list::ForMe {
                profile,
                ranked: m.ranked,
                fallback: m.fallback,
            }),
        );
        self.list.select(0);
        self.set_focus(Pane::List);
        self.after_selection_change();
    }

    fn for_me_profile(&self) -> crate::matching::Profile {
        use crate::matching::{find_country, find_sector};
        let query = self.search.query();
        let mut country = self
            .list
            .country_filter()
            .map(|ci| self.cat.countries[ci].code.clone());
        let mut sectors = Vec::new();
        let mut users = None;
        for word in query.split_whitespace() {
            let w = word.trim_matches('"');
            let (key, value) = w.split_once(':').unwrap_or(("", w));
            match key.to_ascii_lowercase().as_str() {
                "country" | "pays" | "cc" if country.is_none() => {
                    country = find_country(&self.cat, value).ok();
                }
                "sector" | "secteur" | "" => {
                    if let Ok(s) = find_sector(&self.cat, value) {
                        if !sectors.contains(&s) {
                            sectors.push(s);
                        }
                    } else if let Some(g) = crate::data::UserGroup::parse(value) {
                        users = Some(g);
                    }
                }
                _ => {}
            }
        }
        let country = country.or_else(|| {
            self.cat
                .countries
                .get(self.map.cursor())
                .map(|c| c.code.clone())
        });
        crate::matching::Profile {
            country,
            sectors,
            users,
        }
    }

    fn select_record(&mut self, r: Record) {
        if let Some(row) = self.list.row_of(self.search.hits(), r) {
            self.list.select(row);
            self.after_selection_change();
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane.is_tabbed() {
            self.tab = pane;
        }
        // Small layouts change with the focus, and the list's height with them.
        self.list.clamp(self.list_height());
    }
}

#[cfg(test)]
mod tests;
