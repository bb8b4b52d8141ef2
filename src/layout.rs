//! Screen geometry: which pane goes where at a given terminal size. Pure arithmetic, shared by
//! the drawing code (to draw) and the app and mouse handling (to page and to hit-test), so
//! the three can never disagree.

use ratatui::layout::{Position, Rect};

/// The panes of the dashboard, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Search,
    Map,
    List,
    Detail,
    Timeline,
}

impl Pane {
    pub const ORDER: [Pane; 5] = [
        Pane::Search,
        Pane::Map,
        Pane::List,
        Pane::Detail,
        Pane::Timeline,
    ];

    pub fn next(self) -> Pane {
        let i = Pane::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ORDER[(i + 1) % Pane::ORDER.len()]
    }

    pub fn prev(self) -> Pane {
        let i = Pane::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        Pane::ORDER[(i + Pane::ORDER.len() - 1) % Pane::ORDER.len()]
    }

    /// Whether this pane shares the right-hand slot of the compact layout.
    pub fn is_tabbed(self) -> bool {
        matches!(self, Pane::Map | Pane::Detail | Pane::Timeline)
    }
}

/// How much of the dashboard fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Everything at once (120x40 and larger).
    Full,
    /// The list always, and one of map / detail / timeline beside it, with tabs (80x24).
    Compact,
    /// One pane at a time, the focused one.
    Tiny,
    /// Below the minimum: a centred message only.
    TooSmall,
}

pub const FULL_MIN: (u16, u16) = (110, 32);
pub const COMPACT_MIN: (u16, u16) = (60, 18);
pub const TINY_MIN: (u16, u16) = (24, 8);

/// Where each pane is; a pane not shown has no rect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub area: Rect,
    pub search: Option<Rect>,
    pub map: Option<Rect>,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    pub timeline: Option<Rect>,
    /// The tab bar: over the compact layout's right-hand slot, over the tiny layout's pane.
    pub tabs: Option<Rect>,
    pub hints: Option<Rect>,
}

impl Screen {
    pub fn mode_for(area: Rect) -> Mode {
        let fits = |(w, h): (u16, u16)| area.width >= w && area.height >= h;
        if fits(FULL_MIN) {
            Mode::Full
        } else if fits(COMPACT_MIN) {
            Mode::Compact
        } else if fits(TINY_MIN) {
            Mode::Tiny
        } else {
            Mode::TooSmall
        }
    }

    pub fn mode(&self) -> Mode {
        Screen::mode_for(self.area)
    }

    /// Lay out the screen. `focus` picks the pane of the tiny layout; `tab` the pane of the
    /// compact layout's right-hand slot.
    pub fn compute(area: Rect, focus: Pane, tab: Pane) -> Screen {
        let mut s = Screen {
            area,
            ..Screen::default()
        };
        let mode = Screen::mode_for(area);
        if mode == Mode::TooSmall {
            return s;
        }
        // The search line (a bordered box unless tiny), the body, and the hint line.
        let (top, rest) = split_v(area, if mode == Mode::Tiny { 1 } else { 3 });
        let (body, hints) = split_v(rest, rest.height.saturating_sub(1));
        s.search = Some(top);
        s.hints = Some(hints);
        match mode {
            Mode::TooSmall => {}
            Mode::Tiny => {
                // A tab bar names the pane shown and the keys of the others.
                let (tabs, pane) = split_v(body, 1);
                s.tabs = Some(tabs);
                match focus {
                    Pane::Map => s.map = Some(pane),
                    Pane::Detail => s.detail = Some(pane),
                    Pane::Timeline => s.timeline = Some(pane),
                    Pane::List | Pane::Search => s.list = Some(pane),
                }
            }
            Mode::Compact => {
                let left_w = frac(body.width, 2, 5).clamp(30, 48);
                let (left, right) = split_h(body, left_w);
                s.list = Some(left);
                let (tabs, pane) = split_v(right, 1);
                s.tabs = Some(tabs);
                match tab {
                    Pane::Detail => s.detail = Some(pane),
                    Pane::Timeline => s.timeline = Some(pane),
                    _ => s.map = Some(pane),
                }
            }
            Mode::Full => {
                let tl_h = frac(body.height, 2, 5).clamp(11, 26);
                let (middle, timeline) = split_v(body, body.height - tl_h);
                s.timeline = Some(timeline);
                // The map keeps the proportions of its grid: about twice as wide as tall.
                let map_w = frac(middle.height, 5, 2)
                    .saturating_add(2)
                    .clamp(40, frac(middle.width, 9, 20).max(40));
                let (map, right) = split_h(middle, map_w);
                s.map = Some(map);
                if right.width >= 110 {
                    let (list, detail) = split_h(right, frac(right.width, 9, 20));
                    s.list = Some(list);
                    s.detail = Some(detail);
                } else {
                    let (list, detail) = split_v(right, right.height / 2);
                    s.list = Some(list);
                    s.detail = Some(detail);
                }
            }
        }
        s
    }

    /// The rect of a pane, if shown.
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Search => self.search,
            Pane::Map => self.map,
            Pane::List => self.list,
            Pane::Detail => self.detail,
            Pane::Timeline => self.timeline,
        }
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        let p = Position::new(col, row);
        Pane::ORDER
            .into_iter()
            .find(|&pane| self.rect(pane).is_some_and(|r| r.contains(p)))
    }
}

/// `v * num / den` without overflow (terminals can report sizes up to 65535).
fn frac(v: u16, num: u32, den: u32) -> u16 {
    u16::try_from(u32::from(v) * num / den).unwrap_or(u16::MAX)
}

/// Split off the top `h` rows.
fn split_v(r: Rect, h: u16) -> (Rect, Rect) {
    let h = h.min(r.height);
    (
        Rect::new(r.x, r.y, r.width, h),
        Rect::new(r.x, r.y + h, r.width, r.height - h),
    )
}

/// Split off the left `w` columns.
fn split_h(r: Rect, w: u16) -> (Rect, Rect) {
    let w = w.min(r.width);
    (
        Rect::new(r.x, r.y, w, r.height),
        Rect::new(r.x + w, r.y, r.width - w, r.height),
    )
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// What the last frame found out while drawing: how far the panes that wrap text can scroll
/// (`None` where the pane was not drawn, or the detail not measured). The drawing code fills it and the terminal loop
/// hands it to the app, which keeps its scroll positions within it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Geometry {
    pub detail_max_scroll: Option<u16>,
    pub help_max_scroll: Option<u16>,
}

/// The timeline pane's rows inside its border: the header, the lanes and the info lines.
pub fn timeline_rows(area: Rect) -> (u16, u16, u16) {
    let body = inner(area);
    if body.width == 0 {
        return (0, 0, 0);
    }
    let h = body.height;
    let header = h.min(1);
    let rest = h - header;
    let info = match rest {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    };
    (header, rest - info, info)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panes_inside_and_disjoint(s: &Screen) {
        let rects: Vec<Rect> = [
            s.search, s.map, s.list, s.detail, s.timeline, s.tabs, s.hints,
        ]
        .into_iter()
        .flatten()
        .collect();
        for (i, a) in rects.iter().enumerate() {
            assert_eq!(a.intersection(s.area), *a, "{a:?} outside {:?}", s.area);
            for b in &rects[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn modes_follow_the_size() {
        assert_eq!(Screen::mode_for(Rect::new(0, 0, 120, 40)), Mode::Full);
        assert_eq!(Screen::mode_for(Rect::new(0, 0, 80, 24)), Mode::Compact);
        assert_eq!(Screen::mode_for(Rect::new(0, 0, 40, 12)), Mode::Tiny);
        assert_eq!(Screen::mode_for(Rect::new(0, 0, 1, 1)), Mode::TooSmall);
    }

    #[test]
    fn full_layout_shows_every_pane() {
        let s = Screen::compute(Rect::new(0, 0, 120, 40), Pane::List, Pane::Map);
        for p in Pane::ORDER {
            assert!(s.rect(p).is_some(), "{p:?}");
        }
        panes_inside_and_disjoint(&s);
    }

    #[test]
    fn every_size_lays_out_without_overlap() {
        for w in 0..=220 {
            for h in (0..=70).step_by(3) {
                for focus in Pane::ORDER {
                    let s = Screen::compute(Rect::new(0, 0, w, h), focus, focus);
                    panes_inside_and_disjoint(&s);
                }
            }
        }
    }

    #[test]
    fn the_tiny_layout_has_a_tab_bar_over_its_one_pane() {
        for (w, h) in [(24, 8), (40, 12), (59, 30)] {
            for focus in Pane::ORDER {
                let s = Screen::compute(Rect::new(0, 0, w, h), focus, Pane::Map);
                let tabs = s.tabs.expect("a tab bar");
                let shown: Vec<Rect> = [s.map, s.list, s.detail, s.timeline]
                    .into_iter()
                    .flatten()
                    .collect();
                assert_eq!(shown.len(), 1, "{w}x{h} {focus:?}");
                assert_eq!(tabs.bottom(), shown[0].top());
                assert!(shown[0].height >= 5);
            }
        }
    }

    #[test]
    fn compact_layout_reaches_every_pane_through_tabs() {
        let area = Rect::new(0, 0, 80, 24);
        for tab in [Pane::Map, Pane::Detail, Pane::Timeline] {
            let s = Screen::compute(area, Pane::List, tab);
            assert!(s.list.is_some() && s.search.is_some());
            assert!(s.rect(tab).is_some(), "{tab:?}");
        }
    }
}
