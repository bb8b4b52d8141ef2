//! The pane's geometry: the header, lane and info rows, the label gutter and the plot, and
//! the time axis that maps the range's days onto the plot's columns.

use ratatui::layout::Rect;

use crate::app::{App, Zoom};
use crate::data::Day;
use crate::data::date::days_in_month;
use crate::layout::inner;

/// Header, lane and info rows inside the border of a pane of that area.
pub(super) fn rows(area: Rect) -> (u16, u16, u16) {
    crate::layout::timeline_rows(area)
}

/// Width of the lane labels (including the space after them).
fn gutter_width(inner_w: u16) -> u16 {
    if inner_w < 12 {
        0
    } else if inner_w < 36 {
        inner_w / 3
    } else {
        (inner_w / 6).clamp(12, 20)
    }
}

/// The time axis: days of the range mapped onto the plot's columns.
#[derive(Debug, Clone, Copy)]
pub(super) struct Axis {
    pub(super) from: Day,
    pub(super) to: Day,
    /// Months per column: 1 (by month) or 3 (by quarter).
    pub(super) per_col: i64,
    pub(super) cols: i64,
    /// Plot width in cells.
    pub(super) width: i64,
}

impl Axis {
    fn new(app: &App, width: u16) -> Axis {
        let (from, to) = app.timeline().range();
        let to = to.max(from);
        let per_col = match app.timeline().zoom() {
            Zoom::Year => 1,
            Zoom::Full => 3,
        };
        let months = i64::from(to.month_index() - from.month_index()) + 1;
        let cols = ((months + per_col - 1) / per_col).max(1);
        Axis {
            from,
            to,
            per_col,
            cols,
            width: i64::from(width),
        }
    }

    fn months(&self) -> i64 {
        self.cols * self.per_col
    }

    fn month_off(&self, d: Day) -> i64 {
        i64::from(d.month_index() - self.from.month_index())
    }

    pub(super) fn contains(&self, d: Day) -> bool {
        self.from <= d && d <= self.to
    }

    /// Plot cell of a day (clamped into the range).
    pub(super) fn x_of(&self, d: Day) -> i64 {
        let d = d.clamp(self.from, self.to);
        let dim = i64::from(days_in_month(d.year, d.month).max(1));
        let day = i64::from(d.day.max(1) - 1).min(dim - 1);
        let num = self.month_off(d) * dim + day;
        (num * self.width / (self.months() * dim)).clamp(0, (self.width - 1).max(0))
    }

    /// Last plot cell of the month (or of the column) holding a day.
    pub(super) fn x_end_of_month(&self, d: Day) -> i64 {
        let d = d.clamp(self.from, self.to);
        ((self.month_off(d) + 1) * self.width / self.months() - 1).clamp(0, (self.width - 1).max(0))
    }

    pub(super) fn col_of(&self, d: Day) -> i64 {
        self.month_off(d.clamp(self.from, self.to)) / self.per_col
    }

    /// First plot cell of a column.
    pub(super) fn col_x(&self, c: i64) -> i64 {
        c * self.width / self.cols
    }

    /// (year, month) at the start of a column.
    pub(super) fn col_month(&self, c: i64) -> (i32, u8) {
        let mi = i64::from(self.from.month_index()) + c * self.per_col;
        let year = i32::try_from(mi.div_euclid(12)).unwrap_or(self.from.year);
        let month = u8::try_from(mi.rem_euclid(12) + 1).unwrap_or(1);
        (year, month)
    }
}

pub(super) struct Geo {
    pub(super) inner: Rect,
    pub(super) gutter: u16,
    pub(super) header: Rect,
    pub(super) lanes: Rect,
    pub(super) info: Rect,
    pub(super) plot: Rect,
    pub(super) axis: Axis,
}

impl Geo {
    pub(super) fn new(app: &App, area: Rect) -> Geo {
        let body = inner(area);
        let (header, lanes, info) = rows(area);
        let gutter = gutter_width(body.width);
        let plot_w = body.width - gutter;
        let header_r = Rect::new(body.x, body.y, body.width, header);
        let lanes_r = Rect::new(body.x, body.y + header, body.width, lanes);
        let info_r = Rect::new(body.x, body.y + header + lanes, body.width, info);
        Geo {
            inner: body,
            gutter,
            header: header_r,
            lanes: lanes_r,
            info: info_r,
            plot: Rect::new(body.x + gutter, body.y, plot_w, body.height),
            axis: Axis::new(app, plot_w),
        }
    }

    /// Lanes actually drawn, top to bottom: the programme's (pinned), then the factory
    /// lanes from the offset that fit.
    pub(super) fn lanes_drawn(&self, app: &App) -> Vec<usize> {
        app.timeline()
            .shown_lanes(usize::from(self.lanes.height))
            .collect()
    }
}
