//! The dashboard's state and its single entry point for change, [`App::update`].
//!
//! Everything derived from the data (search index, timeline, per-country roles) is built
//! once in [`App::new`]; a keystroke only re-runs the search and touches a few fields.

mod action;

use ratatui::layout::Rect;

pub use action::Action;

use crate::data::{Catalog, Country, Day, Lang, Link, Record};
use crate::layout::{Pane, Screen};
use crate::search::{Highlight, Match, SearchIndex, Searcher};
use crate::timeline::{Timeline, TimelineQuery};

/// Timeline zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// The 2025 procurement year, by month.
    Year2025,
    /// From the first selection to the last planned step, by quarter.
    Full,
}

/// What a country is in the network: a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles {
    /// Factories hosted.
    pub hosts: u16,
    /// Factories it partners in.
    pub partners: u16,
    /// Antennas hosted.
    pub antennas: u16,
}

/// A country's place in the network of the selected factory (see [`App::network_factory`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Net {
    /// Hosts the factory.
    Host,
    /// A partner country, or the country of an antenna linked to it.
    Member,
    #[default]
    Outside,
}

/// Options the dashboard starts with.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub lang: Lang,
    pub today: Day,
    /// No colour: bold, reverse and underline only.
    pub mono: bool,
    pub size: (u16, u16),
}

pub struct App {
    pub cat: Catalog,
    /// Key bindings: the defaults with the config file's overrides.
    pub keymap: crate::keymap::Keymap,
    /// Styles: the chosen theme with the config file's colour overrides.
    pub theme: crate::ui::Theme,
    /// The search index with the typing history, so that a query that only grew is matched
    /// against the previous results. Built on first use: the first frame lists every record,
    /// which needs no index (see [`App::prepare_search`]).
    searcher: Option<Searcher>,
    pub timeline: Timeline,
    pub lang: Lang,
    pub today: Day,
    /// The start-up colour choice ([`Options::mono`]); drawing reads `theme`, which also
    /// holds the chosen theme and colour overrides.
    pub mono: bool,
    pub size: (u16, u16),
    pub focus: Pane,
    /// The pane in the compact layout's right-hand slot.
    pub tab: Pane,
    /// Some(scroll) while the help overlay is open.
    pub help: Option<u16>,
    pub query: String,
    /// Cursor position in the query, in chars.
    pub cursor: usize,
    /// Why the query gives nothing (a bad filter), shown in the search box.
    pub query_error: Option<String>,
    /// Search results for the query, ranked (text and highlights are computed only for the
    /// rows on screen).
    pub hits: Vec<Match>,
    /// The list: indexes into `hits` that pass the country filter.
    pub rows: Vec<usize>,
    /// Country index the list is filtered by (Enter on the map).
    pub country_filter: Option<usize>,
    pub selected: usize,
    pub list_offset: usize,
    /// Country index under the map cursor.
    pub map_cursor: usize,
    pub geo_map: bool,
    pub detail_scroll: u16,
    pub zoom: Zoom,
    /// Timeline entry under the cursor.
    pub tl_cursor: Option<usize>,
    /// First lane shown (0 = programme, 1 + i = factory i).
    pub lane_offset: usize,
    pub running: bool,
    /// Set by Ctrl-L: the terminal loop clears and redraws everything.
    pub full_redraw: bool,
    /// Set by Ctrl-Z: the terminal loop suspends the process.
    pub suspend_requested: bool,
    /// Text for the terminal loop to put on the clipboard (OSC 52).
    clipboard: Option<String>,
    /// A one-off message for the status line (what was copied); cleared by the next action.
    pub status: Option<String>,
    /// Roles per country index, built once.
    pub roles: Vec<Roles>,
    /// Per country index: its place in the network factory's network, kept up to date by
    /// [`App::update`] (recomputed only when the network factory changes).
    pub net: Vec<Net>,
    /// The factory `net` was computed for.
    net_factory: Option<usize>,
    /// Per country index: hosts at least one factory of the current results.
    pub matched_hosts: Vec<bool>,
    /// The timeline's zoomed-out range, computed once.
    full_range: (Day, Day),
    /// Plan against reality for every announced plan, computed once (it depends on the data
    /// only), for the timeline's summary line.
    pub plan_reports: Vec<crate::timeline::PlanReport>,
    /// Host country index of each factory and antenna, computed once.
    factory_country: Vec<usize>,
    antenna_country: Vec<usize>,
    /// The query the shown results answer (behind `query` while a search runs).
    pub results_query: String,
    /// Its words as the search parsed them, for highlighting the names of the rows on
    /// screen (in the background, parsed on the worker).
    highlight: Highlight,
    /// Large datasets search on a worker thread, so that typing never waits.
    background_search: bool,
    /// Counts queries, so that late results of an older one are dropped.
    generation: u64,
    search_request: Option<SearchRequest>,
    /// A search is under way on the worker.
    pub searching: bool,
}

/// From this many records on, the search runs on a worker thread: below, it takes well
/// under a millisecond and a second frame per keystroke would only cost bytes.
pub const BACKGROUND_SEARCH_FROM: usize = 5_000;

/// A query for the search worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
}

/// What the search worker answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResult {
    pub generation: u64,
    pub query: String,
    /// The matches and the words to highlight in them.
    pub result: Result<(Vec<Match>, Highlight), String>,
}

impl SearchRequest {
    /// Run on the worker: stale requests were already skipped by the caller.
    pub fn run(self, searcher: &mut Searcher) -> SearchResult {
        let result = match searcher.search(&self.query) {
            Ok(matches) => Ok((matches.to_vec(), searcher.highlight())),
            Err(e) => Err(e.to_string()),
        };
        SearchResult {
            generation: self.generation,
            query: self.query,
            result,
        }
    }
}

/// The index of a country code in `cat.countries`, through the catalog's code map.
fn country_index(cat: &Catalog, code: &str) -> Option<usize> {
    let c = cat.country(code)?;
    // `Catalog::country` returns a reference into `cat.countries`: its offset is the index.
    let i = (std::ptr::from_ref(c).addr() - cat.countries.as_ptr().addr())
        / std::mem::size_of::<Country>();
    debug_assert!(std::ptr::eq(&cat.countries[i], c));
    Some(i)
}

/// The searcher in `slot`, built from `cat` if it is not yet. (A free function, so that a
/// caller can borrow other fields of the app beside it.)
fn built_searcher<'a>(slot: &'a mut Option<Searcher>, cat: &Catalog) -> &'a mut Searcher {
    slot.get_or_insert_with(|| Searcher::new(SearchIndex::new(cat)))
}

impl App {
    pub fn new(cat: Catalog, opts: Options) -> App {
        let theme = crate::ui::Theme::new(opts.mono);
        App::with_settings(cat, opts, theme, crate::keymap::Keymap::default())
    }

    /// An app with the given styles and keys (the config file's), built once.
    pub fn with_settings(
        cat: Catalog,
        opts: Options,
        theme: crate::ui::Theme,
        keymap: crate::keymap::Keymap,
    ) -> App {
        let timeline = Timeline::new(&cat);
        let mut roles = vec![Roles::default(); cat.countries.len()];
        let country_idx = |code: &str| country_index(&cat, code);
        for f in cat.factories() {
            if let Some(i) = country_idx(&f.country) {
                roles[i].hosts = roles[i].hosts.saturating_add(1);
            }
            for p in &f.partners {
                if let Some(i) = country_idx(p) {
                    roles[i].partners = roles[i].partners.saturating_add(1);
                }
            }
        }
        for a in cat.antennas() {
            if let Some(i) = country_idx(&a.country) {
                roles[i].antennas = roles[i].antennas.saturating_add(1);
            }
        }
        let matched_hosts = vec![false; cat.countries.len()];
        let full_range = App::compute_full_range(&cat);
        let plan_reports = timeline.plan_report(&TimelineQuery::all());
        let host_index = |code: &str| country_idx(code).unwrap_or(usize::MAX);
        let factory_country = cat
            .factories()
            .iter()
            .map(|f| host_index(&f.country))
            .collect();
        let antenna_country = cat
            .antennas()
            .iter()
            .map(|a| host_index(&a.country))
            .collect();
        let background_search =
            cat.factories().len() + cat.antennas().len() >= BACKGROUND_SEARCH_FROM;
        let start_country = cat
            .factories()
            .first()
            .and_then(|f| country_idx(&f.country))
            .unwrap_or(0);
        let cat_countries = cat.countries.len();
        let mut app = App {
            cat,
            keymap,
            theme,
            searcher: None,
            timeline,
            lang: opts.lang,
            today: opts.today,
            mono: opts.mono,
            size: opts.size,
            focus: Pane::List,
            tab: Pane::Map,
            help: None,
            query: String::new(),
            cursor: 0,
            query_error: None,
            hits: Vec::new(),
            rows: Vec::new(),
            country_filter: None,
            selected: 0,
            list_offset: 0,
            map_cursor: start_country,
            geo_map: false,
            detail_scroll: 0,
            zoom: Zoom::Year2025,
            tl_cursor: None,
            lane_offset: 0,
            running: true,
            full_redraw: false,
            suspend_requested: false,
            clipboard: None,
            status: None,
            full_range,
            plan_reports,
            factory_country,
            antenna_country,
            results_query: String::new(),
            highlight: Highlight::default(),
            background_search: false,
            generation: 0,
            search_request: None,
            searching: false,
            roles,
            net: vec![Net::Outside; cat_countries],
            net_factory: None,
            matched_hosts,
        };
        // The first results (everything) are computed here; later ones may go to the worker.
        app.query_changed();
        app.background_search = background_search;
        app.refresh_network();
        app
    }

    /// Whether the shown results answer a query (rather than list everything).
    pub fn results_filtered(&self) -> bool {
        !self.results_query.trim().is_empty()
    }

    /// Recompute `net` if the network factory changed.
    fn refresh_network(&mut self) {
        let factory = self.network_factory();
        if factory == self.net_factory {
            return;
        }
        self.net_factory = factory;
        self.net.fill(Net::Outside);
        let Some(fi) = factory else {
            return;
        };
        let f = &self.cat.factories()[fi];
        let members = f
            .partners
            .iter()
            .filter_map(|p| country_index(&self.cat, p))
            .chain(
                self.cat
                    .antennas_of(&f.id)
                    .filter_map(|a| country_index(&self.cat, &a.country)),
            );
        for i in members {
            self.net[i] = Net::Member;
        }
        // The host wins over a partner or antenna role.
        if let Some(n) = self.net.get_mut(self.factory_country[fi]) {
            *n = Net::Host;
        }
    }

    /// Whether the search box is being typed in, and so shows the terminal's cursor.
    pub fn search_focused(&self) -> bool {
        self.focus == Pane::Search && !self.help_open()
    }

    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    /// The text to copy, once: the terminal loop sends it after the frame.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// The URL `y` copies: the chosen milestone's first source when the timeline has focus,
    /// else the selected record's first source.
    pub fn copy_target(&self) -> Option<&str> {
        let from_timeline = (self.focus == Pane::Timeline)
            .then_some(self.tl_cursor)
            .flatten()
            .and_then(|e| {
                self.timeline.entry(e)?;
                self.timeline.milestone(&self.cat, e).sources.first()
            });
        let id = from_timeline.or_else(|| match self.selected_record()? {
            Record::Factory(i) => self.cat.factories()[i].sources.first(),
            Record::Antenna(i) => self.cat.antennas()[i].sources.first(),
        })?;
        self.cat.source(id).map(|s| s.url.as_str())
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
        self.rows
            .get(self.selected)
            .and_then(|&h| self.hits.get(h))
            .map(|h| h.record)
    }

    /// The factory whose network is shown: the selected factory, or the first factory an
    /// antenna serves.
    pub fn network_factory(&self) -> Option<usize> {
        match self.selected_record()? {
            Record::Factory(i) => Some(i),
            Record::Antenna(i) => match &self.cat.antennas()[i].linked {
                Link::Factories(ids) => ids.first().and_then(|id| self.cat.factory_index(id)),
                Link::Unknown => None,
            },
        }
    }

    /// Build the search index now if it is not built yet. The dashboard does it right after
    /// its first frame; without it, the first search does.
    pub fn prepare_search(&mut self) {
        self.searcher();
    }

    /// The search index with its typing history, built on first use.
    pub fn searcher(&mut self) -> &mut Searcher {
        built_searcher(&mut self.searcher, &self.cat)
    }

    /// The query as the search engine reads it.
    fn run_search(&mut self) {
        self.highlight = Highlight::default();
        if self.query.trim().is_empty() && self.searcher.is_none() {
            self.hits = crate::search::listing(&self.cat);
            self.query_error = None;
            return;
        }
        let searcher = built_searcher(&mut self.searcher, &self.cat);
        match searcher.search(&self.query) {
            Ok(matches) => {
                self.hits.clear();
                self.hits.extend_from_slice(matches);
                self.query_error = None;
                self.highlight = searcher.highlight();
            }
            Err(e) => {
                self.hits.clear();
                self.query_error = Some(e.to_string());
            }
        }
    }

    /// The query changed: search again, here or (large data) on the worker thread.
    fn query_changed(&mut self) {
        if self.background_search {
            self.generation += 1;
            self.search_request = Some(SearchRequest {
                generation: self.generation,
                query: self.query.clone(),
            });
            self.searching = true;
            return;
        }
        let keep = self.selected_record();
        self.run_search();
        self.results_query.clone_from(&self.query);
        self.results_changed(keep);
    }

    /// Results from the worker: applied if they answer the latest query, dropped if stale.
    fn search_done(&mut self, done: SearchResult) -> bool {
        if done.generation != self.generation {
            return false;
        }
        let keep = self.selected_record();
        self.searching = false;
        match done.result {
            Ok((matches, highlight)) => {
                self.hits = matches;
                self.highlight = highlight;
                self.query_error = None;
            }
            Err(e) => {
                self.hits.clear();
                self.highlight = Highlight::default();
                self.query_error = Some(e);
            }
        }
        self.results_query = done.query;
        self.results_changed(keep);
        true
    }

    /// Re-apply the country filter to the results, keep the selected record if it is still
    /// listed, and mark the hosts of what matched.
    fn results_changed(&mut self, keep: Option<Record>) {
        self.apply_country_filter();
        self.matched_hosts.iter_mut().for_each(|m| *m = false);
        if self.results_filtered() {
            for &h in &self.rows {
                let ci = self.country_of(self.hits[h].record);
                if let Some(m) = self.matched_hosts.get_mut(ci) {
                    *m = true;
                }
            }
        }
        self.selected = keep
            .and_then(|r| self.rows.iter().position(|&h| self.hits[h].record == r))
            .unwrap_or(0);
        self.list_offset = 0;
        self.after_selection_change();
    }

    /// Country index (in the country table) of a record's host country.
    pub fn country_of(&self, r: Record) -> usize {
        match r {
            Record::Factory(i) => self.factory_country[i],
            Record::Antenna(i) => self.antenna_country[i],
        }
    }

    /// Char positions to highlight in a record's name, for the query its results answer.
    pub fn name_positions(&self, record: Record) -> Vec<usize> {
        match &self.searcher {
            Some(s) if self.results_filtered() => {
                s.index().highlight_positions(&self.highlight, record)
            }
            _ => Vec::new(),
        }
    }

    /// Search on a worker thread (`true`, the default for large datasets) or in `update`.
    pub fn set_background_search(&mut self, on: bool) {
        self.background_search = on;
    }

    pub fn background_search(&self) -> bool {
        self.background_search
    }

    /// The query for the worker, once: the terminal loop sends it.
    pub fn take_search_request(&mut self) -> Option<SearchRequest> {
        self.search_request.take()
    }

    fn apply_country_filter(&mut self) {
        self.rows.clear();
        let Some(ci) = self.country_filter else {
            self.rows.extend(0..self.hits.len());
            return;
        };
        let code = self.cat.countries[ci].code.as_str();
        let cat = &self.cat;
        self.rows
            .extend(self.hits.iter().enumerate().filter_map(|(i, h)| {
                let inside = match h.record {
                    Record::Factory(f) => {
                        let f = &cat.factories()[f];
                        f.country == code || f.partners.iter().any(|p| p == code)
                    }
                    Record::Antenna(a) => cat.antennas()[a].country == code,
                };
                inside.then_some(i)
            }));
    }

    /// Rows of the list that fit on screen (inside the border).
    pub fn list_height(&self) -> usize {
        self.screen()
            .list
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    fn detail_height(&self) -> u16 {
        self.screen()
            .detail
            .map_or(1, |r| r.height.saturating_sub(2).max(1))
    }

    /// Keep the selection inside the list, and on screen at the list's current height.
    fn clamp_list(&mut self) {
        if self.rows.is_empty() {
            self.selected = 0;
        } else {
            self.selected = self.selected.min(self.rows.len() - 1);
        }
        let h = self.list_height();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + h {
            self.list_offset = self.selected + 1 - h;
        }
        self.list_offset = self.list_offset.min(self.rows.len().saturating_sub(h));
    }

    /// The selection moved: keep it in view and reset what depends on it.
    fn after_selection_change(&mut self) {
        self.clamp_list();
        self.detail_scroll = 0;
        // The map cursor follows the selection, unless the user is moving it or has chosen
        // a country.
        if self.focus != Pane::Map
            && self.country_filter.is_none()
            && let Some(ci) = self.selected_record().map(|r| self.country_of(r))
            && ci < self.cat.countries.len()
        {
            self.map_cursor = ci;
        }
        // The selected factory's lane stays in view.
        if let Some(f) = self.network_factory() {
            self.ensure_lane_visible(f + 1);
        }
    }

    /// Lanes that fit in the timeline pane.
    pub fn lanes_visible(&self) -> usize {
        self.screen()
            .timeline
            .map_or(1, |r| crate::ui::timeline::lane_rows(r).max(1))
    }

    pub fn lane_count(&self) -> usize {
        self.cat.factories().len() + 1
    }

    fn ensure_lane_visible(&mut self, lane: usize) {
        let n = self.lanes_visible();
        if lane < self.lane_offset {
            self.lane_offset = lane;
        } else if lane >= self.lane_offset + n {
            self.lane_offset = lane + 1 - n;
        }
        self.lane_offset = self.lane_offset.min(self.lane_count().saturating_sub(n));
    }

    /// The range of days the timeline shows at the current zoom.
    pub fn timeline_range(&self) -> (Day, Day) {
        match self.zoom {
            Zoom::Year2025 => (
                Day {
                    year: 2025,
                    month: 1,
                    day: 1,
                },
                Day {
                    year: 2025,
                    month: 12,
                    day: 31,
                },
            ),
            Zoom::Full => self.full_range,
        }
    }

    /// The zoomed-out range: from the quarter of the first selection to the end of the
    /// quarter of the last planned start of operation, the span in which the machines are
    /// procured and switched on. (Later steps, such as end-of-life dates, show as `›`.)
    fn compute_full_range(cat: &Catalog) -> (Day, Day) {
        let first = cat.factories().iter().map(|f| f.selected.start()).min();
        let last = cat
            .factories()
            .iter()
            .filter_map(|f| f.system.operation.map(|d| d.end()))
            .chain(cat.factories().iter().map(|f| f.selected.end()))
            .max();
        let (s, e) = match (first, last) {
            (Some(s), Some(e)) => (s, e),
            _ => (
                Day {
                    year: 2024,
                    month: 10,
                    day: 1,
                },
                Day {
                    year: 2027,
                    month: 12,
                    day: 31,
                },
            ),
        };
        let qs = (s.month - 1) / 3 * 3 + 1;
        let qe = (e.month - 1) / 3 * 3 + 3;
        (
            Day {
                year: s.year,
                month: qs,
                day: 1,
            },
            Day {
                year: e.year,
                month: qe,
                day: crate::data::date::days_in_month(e.year, qe),
            },
        )
    }

    /// Timeline entries in range, in date order: what left/right walk through.
    pub fn timeline_entries(&self) -> Vec<usize> {
        let (from, to) = self.timeline_range();
        self.timeline.query(&TimelineQuery {
            from: Some(from),
            to: Some(to),
            ..TimelineQuery::default()
        })
    }

    /// The lane of an entry: 0 for the programme, 1 + factory index.
    pub fn lane_of(&self, entry: usize) -> usize {
        self.timeline
            .entry(entry)
            .and_then(|e| e.factory())
            .map_or(0, |f| f + 1)
    }

    fn select_record(&mut self, r: Record) {
        if let Some(pos) = self.rows.iter().position(|&h| self.hits[h].record == r) {
            self.selected = pos;
            self.after_selection_change();
        }
    }

    fn focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane.is_tabbed() {
            self.tab = pane;
        }
        // Small layouts change with the focus, and the list's height with them.
        self.clamp_list();
    }

    fn set_query(&mut self, q: String, cursor: usize) {
        self.query = q;
        self.cursor = cursor.min(self.query.chars().count());
        self.query_changed();
    }

    fn byte_at(&self, char_pos: usize) -> usize {
        self.query
            .char_indices()
            .nth(char_pos)
            .map_or(self.query.len(), |(b, _)| b)
    }

    fn insert_text(&mut self, s: &str) {
        // Pasted newlines and tabs become spaces; other control chars are dropped.
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        if clean.is_empty() {
            return;
        }
        let at = self.byte_at(self.cursor);
        let mut q = self.query.clone();
        q.insert_str(at, &clean);
        let cursor = self.cursor + clean.chars().count();
        self.set_query(q, cursor);
    }

    /// Apply an action. Returns whether anything visible changed (nothing to redraw
    /// otherwise).
    pub fn update(&mut self, action: Action) -> bool {
        let changed = self.apply(action);
        // Whatever moved the selection, the network shown follows it.
        self.refresh_network();
        changed
    }

    fn apply(&mut self, action: Action) -> bool {
        use Action as A;
        // A message is for one look: any action that is not a resize clears it.
        let had_status = self.status.is_some();
        if !matches!(action, A::Resize(..) | A::SearchDone(_)) {
            self.status = None;
        }
        match action {
            A::Resize(w, h) => {
                self.size = (w, h);
                // Lay the lanes out afresh for the new height, the selected one in view.
                self.lane_offset = 0;
                self.clamp_list();
                if let Some(f) = self.network_factory() {
                    self.ensure_lane_visible(f + 1);
                }
                if let Some(s) = self.help {
                    self.help = Some(s.min(crate::ui::help::max_scroll(self)));
                }
                return true;
            }
            A::Redraw => {
                self.full_redraw = true;
                return true;
            }
            A::Suspend => {
                self.suspend_requested = true;
                return true;
            }
            A::SearchDone(done) if self.help.is_some() => return self.search_done(*done),
            _ if self.help.is_some() => return self.update_help(action) || had_status,
            _ => {}
        }
        match action {
            A::Quit => self.running = false,
            A::Redraw | A::Resize(..) | A::Suspend => {}
            A::SearchDone(done) => return self.search_done(*done) || had_status,
            A::Copy => {
                let fr = self.lang.is_fr();
                match self.copy_target().map(str::to_string) {
                    Some(url) => {
                        self.status =
                            Some(format!("{} {url}", if fr { "copié :" } else { "copied:" }));
                        self.clipboard = Some(url);
                    }
                    None => {
                        self.status = Some(
                            if fr {
                                "rien à copier"
                            } else {
                                "nothing to copy"
                            }
                            .to_string(),
                        )
                    }
                }
            }
            A::ToggleHelp => self.help = Some(0),
            A::ToggleLang => self.lang = self.lang.toggled(),
            A::ToggleMapView => self.geo_map = !self.geo_map,
            A::ToggleZoom => {
                self.zoom = match self.zoom {
                    Zoom::Year2025 => Zoom::Full,
                    Zoom::Full => Zoom::Year2025,
                };
                // A cursor outside the new range would point at nothing visible.
                if let Some(c) = self.tl_cursor
                    && !self.timeline_entries().contains(&c)
                {
                    self.tl_cursor = None;
                }
            }
            A::FocusNext => self.focus(self.visible_next(true)),
            A::FocusPrev => self.focus(self.visible_next(false)),
            A::Focus(p) => self.focus(p),
            A::StartSearch => {
                self.focus(Pane::Search);
                self.cursor = self.query.chars().count();
            }
            A::Back => return self.back() || had_status,
            A::Input(c) => self.insert_text(c.encode_utf8(&mut [0; 4])),
            A::Paste(s) => {
                if self.focus != Pane::Search {
                    self.focus(Pane::Search);
                    self.cursor = self.query.chars().count();
                }
                self.insert_text(&s);
            }
            A::Backspace => {
                if self.cursor == 0 {
                    return had_status;
                }
                let (a, b) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                let mut q = self.query.clone();
                q.replace_range(a..b, "");
                self.set_query(q, self.cursor - 1);
            }
            A::DeleteWord => {
                let chars: Vec<char> = self.query.chars().collect();
                let mut start = self.cursor.min(chars.len());
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                if start == self.cursor {
                    return had_status;
                }
                let q: String = chars[..start].iter().chain(&chars[self.cursor..]).collect();
                self.set_query(q, start);
            }
            A::ClearQuery => {
                if self.query.is_empty() {
                    return had_status;
                }
                self.set_query(String::new(), 0);
            }
            A::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            A::CursorRight => self.cursor = (self.cursor + 1).min(self.query.chars().count()),
            A::CursorHome => self.cursor = 0,
            A::CursorEnd => self.cursor = self.query.chars().count(),
            A::Confirm => self.confirm(),
            A::Up | A::Down | A::Left | A::Right | A::PageUp | A::PageDown | A::Home | A::End => {
                self.navigate(&action)
            }
            A::SelectRow(row) => {
                self.focus(Pane::List);
                if row < self.rows.len() {
                    self.selected = row;
                    self.after_selection_change();
                }
            }
            A::SelectCountry(ci) => {
                self.focus(Pane::Map);
                if ci < self.cat.countries.len() {
                    self.map_cursor = ci;
                    self.confirm();
                }
            }
            A::SelectMilestone(e) => {
                self.focus(Pane::Timeline);
                self.select_milestone(e);
            }
            A::ScrollUp(p) | A::ScrollDown(p) => {
                let down = matches!(action, A::ScrollDown(_));
                self.scroll(p, down);
            }
        }
        true
    }

    /// The next pane in Tab order. Every pane can take the focus: the full layout shows them
    /// all, and the compact and tiny layouts show the focused one.
    fn visible_next(&self, forward: bool) -> Pane {
        if forward {
            self.focus.next()
        } else {
            self.focus.prev()
        }
    }

    fn update_help(&mut self, action: Action) -> bool {
        let scroll = self.help.unwrap_or(0);
        let page = self.size.1.saturating_sub(6).max(1);
        self.help = match action {
            Action::Quit => {
                self.running = false;
                return true;
            }
            Action::ToggleHelp | Action::Back => None,
            Action::Down | Action::ScrollDown(_) => Some(scroll.saturating_add(1)),
            Action::Up | Action::ScrollUp(_) => Some(scroll.saturating_sub(1)),
            Action::PageDown => Some(scroll.saturating_add(page)),
            Action::PageUp => Some(scroll.saturating_sub(page)),
            _ => return false,
        };
        if let Some(s) = self.help {
            self.help = Some(s.min(crate::ui::help::max_scroll(self)));
        }
        true
    }

    /// Esc: leave the search (clearing it), else drop the country filter, else go back to
    /// the list.
    fn back(&mut self) -> bool {
        if self.focus == Pane::Search {
            self.focus(Pane::List);
            if !self.query.is_empty() {
                self.set_query(String::new(), 0);
            }
            return true;
        }
        if self.country_filter.is_some() {
            self.country_filter = None;
            let keep = self.selected_record();
            self.results_changed(keep);
            return true;
        }
        if self.focus != Pane::List {
            self.focus(Pane::List);
            return true;
        }
        false
    }

    fn confirm(&mut self) {
        match self.focus {
            Pane::Search => self.focus(Pane::List),
            Pane::Map => {
                self.country_filter = Some(self.map_cursor);
                self.focus(Pane::List);
                let keep = self.selected_record();
                self.results_changed(keep);
            }
            Pane::List => self.focus(Pane::Detail),
            Pane::Detail | Pane::Timeline => {}
        }
    }

    fn navigate(&mut self, action: &Action) {
        use Action as A;
        match self.focus {
            Pane::Search | Pane::List => {
                let page = self.list_height();
                let last = self.rows.len().saturating_sub(1);
                self.selected = match action {
                    A::Up => self.selected.saturating_sub(1),
                    A::Down => (self.selected + 1).min(last),
                    A::PageUp => self.selected.saturating_sub(page),
                    A::PageDown => (self.selected + page).min(last),
                    A::Home => 0,
                    A::End => last,
                    A::Right => {
                        self.focus(Pane::Detail);
                        self.selected
                    }
                    _ => self.selected,
                };
                self.after_selection_change();
            }
            Pane::Detail => {
                let page = self.detail_height();
                let max = crate::ui::detail::max_scroll(self);
                self.detail_scroll = match action {
                    A::Up => self.detail_scroll.saturating_sub(1),
                    A::Down => self.detail_scroll.saturating_add(1),
                    A::PageUp => self.detail_scroll.saturating_sub(page),
                    A::PageDown => self.detail_scroll.saturating_add(page),
                    A::Home => 0,
                    A::End => max,
                    A::Left => {
                        self.focus(Pane::List);
                        self.detail_scroll
                    }
                    _ => self.detail_scroll,
                }
                .min(max);
            }
            Pane::Map => {
                let dir = match action {
                    A::Up => (0, -1),
                    A::Down => (0, 1),
                    A::Left => (-1, 0),
                    A::Right => (1, 0),
                    _ => return,
                };
                if let Some(next) = self.nearest_tile(dir) {
                    self.map_cursor = next;
                }
            }
            Pane::Timeline => self.navigate_timeline(action),
        }
    }

    /// The nearest country tile in a direction: the one with the least distance along the
    /// direction, penalising sideways offset, among those strictly ahead.
    fn nearest_tile(&self, (dx, dy): (i32, i32)) -> Option<usize> {
        let here = self.cat.countries.get(self.map_cursor)?.tile;
        let (hx, hy) = (i32::from(here.0), i32::from(here.1));
        self.cat
            .countries
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let (x, y) = (i32::from(c.tile.0) - hx, i32::from(c.tile.1) - hy);
                let ahead = x * dx + y * dy;
                let side = (x * dy - y * dx).abs();
                (ahead > 0).then_some((ahead + 2 * side, side, i))
            })
            .min()
            .map(|(_, _, i)| i)
    }

    fn navigate_timeline(&mut self, action: &Action) {
        use Action as A;
        let lanes = self.lanes_visible();
        match action {
            A::Left | A::Right | A::Home | A::End => {
                let entries = self.timeline_entries();
                if entries.is_empty() {
                    return;
                }
                let pos = self
                    .tl_cursor
                    .and_then(|c| entries.iter().position(|&e| e == c));
                let next = match (action, pos) {
                    (A::Home, _) | (A::Right, None) => 0,
                    (A::End, _) | (A::Left, None) => entries.len() - 1,
                    (A::Right, Some(p)) => (p + 1).min(entries.len() - 1),
                    (A::Left, Some(p)) => p.saturating_sub(1),
                    _ => return,
                };
                self.select_milestone(entries[next]);
            }
            A::Up => self.lane_offset = self.lane_offset.saturating_sub(1),
            A::Down => self.lane_offset += 1,
            A::PageUp => self.lane_offset = self.lane_offset.saturating_sub(lanes),
            A::PageDown => self.lane_offset += lanes,
            _ => {}
        }
        self.lane_offset = self
            .lane_offset
            .min(self.lane_count().saturating_sub(lanes));
    }

    fn select_milestone(&mut self, entry: usize) {
        if self.timeline.entry(entry).is_none() {
            return;
        }
        self.tl_cursor = Some(entry);
        let lane = self.lane_of(entry);
        // Follow the milestone's factory in the list when it is listed.
        if lane > 0 {
            self.select_record(Record::Factory(lane - 1));
        }
        self.ensure_lane_visible(lane);
    }

    fn scroll(&mut self, pane: Pane, down: bool) {
        let step = 3;
        match pane {
            Pane::List => {
                let max = self.rows.len().saturating_sub(self.list_height());
                self.list_offset = if down {
                    (self.list_offset + step).min(max)
                } else {
                    self.list_offset.saturating_sub(step)
                };
                // The selection follows the view, as in most list widgets.
                let h = self.list_height();
                if self.selected < self.list_offset {
                    self.selected = self.list_offset;
                } else if self.selected >= self.list_offset + h {
                    self.selected = self.list_offset + h - 1;
                }
                self.selected = self.selected.min(self.rows.len().saturating_sub(1));
                self.detail_scroll = 0;
            }
            Pane::Detail => {
                let max = crate::ui::detail::max_scroll(self);
                self.detail_scroll = if down {
                    self.detail_scroll.saturating_add(step as u16).min(max)
                } else {
                    self.detail_scroll.saturating_sub(step as u16)
                };
            }
            Pane::Timeline => {
                let n = self.lanes_visible();
                self.lane_offset = if down {
                    (self.lane_offset + 1).min(self.lane_count().saturating_sub(n))
                } else {
                    self.lane_offset.saturating_sub(1)
                };
            }
            Pane::Map => {
                self.focus(Pane::Map);
                self.navigate(&if down { Action::Down } else { Action::Up });
            }
            Pane::Search => {}
        }
    }

    /// The list row (index into `rows`) at a screen position.
    pub fn list_row_at(&self, col: u16, row: u16) -> Option<usize> {
        let r = crate::layout::inner(self.screen().list?);
        if col < r.x || col >= r.x + r.width || row < r.y || row >= r.y + r.height {
            return None;
        }
        let i = self.list_offset + usize::from(row - r.y);
        (i < self.rows.len()).then_some(i)
    }

    /// The country (index) whose tile or marker is at a screen position.
    pub fn country_at(&self, col: u16, row: u16) -> Option<usize> {
        let area = self.screen().map?;
        crate::ui::map::country_at(self, area, col, row)
    }

    /// The timeline entry drawn at a screen position.
    pub fn milestone_at(&self, col: u16, row: u16) -> Option<usize> {
        let area = self.screen().timeline?;
        crate::ui::timeline::entry_at(self, area, col, row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(
            Catalog::embedded().unwrap(),
            Options {
                lang: Lang::En,
                today: "2026-11-24".parse().unwrap(),
                mono: false,
                size: (120, 40),
            },
        )
    }

    #[test]
    fn background_search_echoes_at_once_and_drops_stale_results() {
        let mut a = app();
        let all = a.rows.len();
        a.set_background_search(true);
        a.update(Action::StartSearch);
        for c in "health".chars() {
            assert!(a.update(Action::Input(c)));
        }
        // Typed, not yet searched: the list still shows the previous results.
        assert_eq!(a.query, "health");
        assert!(a.searching);
        assert_eq!(a.rows.len(), all);
        // Only the latest request is pending (earlier ones were superseded).
        let req = a.take_search_request().unwrap();
        assert_eq!(req.query, "health");
        assert!(a.take_search_request().is_none());
        let mut searcher = Searcher::shared(a.searcher().shared_index());
        // A stale answer (older generation) changes nothing.
        let stale = SearchRequest {
            generation: req.generation - 1,
            query: "hea".into(),
        };
        assert!(!a.update(Action::SearchDone(Box::new(stale.run(&mut searcher)))));
        assert!(a.searching);
        // The current answer is applied.
        assert!(a.update(Action::SearchDone(Box::new(req.run(&mut searcher)))));
        assert!(!a.searching);
        assert!(a.rows.len() < all && !a.rows.is_empty());
        assert_eq!(a.results_query, "health");
    }

    /// Highlights follow the query the shown results answer, in both search modes.
    #[test]
    fn names_highlight_the_words_of_the_shown_results() {
        for background in [false, true] {
            let mut a = app();
            a.set_background_search(background);
            a.update(Action::StartSearch);
            for c in "lumi".chars() {
                a.update(Action::Input(c));
            }
            let lumi = Record::Factory(a.cat.factory_index("lumi-aif").unwrap());
            if background {
                // Typed, not yet answered: the shown (unfiltered) list has no highlight.
                assert!(a.name_positions(lumi).is_empty());
                let req = a.take_search_request().unwrap();
                let mut searcher = Searcher::shared(a.searcher().shared_index());
                a.update(Action::SearchDone(Box::new(req.run(&mut searcher))));
            }
            assert_eq!(
                a.name_positions(lumi),
                [0, 1, 2, 3],
                "background: {background}"
            );
            for _ in 0..4 {
                a.update(Action::Backspace);
            }
            if let Some(req) = a.take_search_request() {
                let mut searcher = Searcher::shared(a.searcher().shared_index());
                a.update(Action::SearchDone(Box::new(req.run(&mut searcher))));
            }
            assert!(
                a.name_positions(lumi).is_empty(),
                "background: {background}"
            );
        }
    }

    #[test]
    fn small_data_searches_in_place() {
        let mut a = app();
        assert!(!a.background_search());
        a.update(Action::StartSearch);
        a.update(Action::Input('z'));
        assert!(a.take_search_request().is_none());
        assert_eq!(a.results_query, "z");
    }
}
