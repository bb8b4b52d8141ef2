//! Drawing: a pure function of `&App`, one module per pane. Nothing here changes state.

pub mod detail;
pub mod geo_map;
pub mod help;
pub mod hints;
pub mod hyperlink;
pub mod input;
pub mod list;
pub mod map;
pub mod plan;
pub mod search_box;
pub mod timeline;
pub mod whatsnew;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::app::App;
use crate::data::Lang;
use crate::i18n::Msg;
use crate::layout::{Geometry, Mode, Pane, TINY_MIN};
pub use crate::theme::Theme;

/// Draw the whole screen on a terminal's frame.
pub fn draw(f: &mut Frame, app: &App) {
    render(f, app);
}

/// Draw the whole screen, and say how far the panes that were drawn can scroll.
pub fn render(f: &mut Frame, app: &App) -> Geometry {
    render_links(f, app, false)
}

/// [`render`], with the addresses on screen as OSC 8 hyperlinks (the terminal loop; tests
/// that read the buffer as text draw without them).
pub fn render_links(f: &mut Frame, app: &App, links: bool) -> Geometry {
    let theme = *app.theme();
    let screen = app.screen();
    let mut geometry = Geometry::default();
    if screen.mode() == Mode::TooSmall {
        too_small(f, app, f.area(), &theme);
        return geometry;
    }
    if let Some(r) = screen.search {
        search_box::draw(f, app, &theme, r, screen.mode() == Mode::Tiny);
    }
    if let Some(r) = screen.map {
        if app.map().geo() {
            geo_map::draw(f, app, &theme, r);
        } else {
            map::draw(f, app, &theme, r);
        }
    }
    if let Some(r) = screen.list {
        list::draw(f, app, &theme, r);
    }
    if let Some(r) = screen.detail {
        let (max, at) = detail::draw(f, app, &theme, r);
        geometry.detail_max_scroll = max;
        if links {
            hyperlink::apply(f.buffer_mut(), &at);
        }
    }
    if let Some(r) = screen.timeline {
        if app.timeline().plan_view().is_open() {
            plan::draw(f, app, &theme, r);
        } else {
            timeline::draw(f, app, &theme, r);
        }
    }
    if let Some(r) = screen.tabs {
        tabs(f, app, &theme, r);
    }
    if let Some(r) = screen.hints {
        hints::draw(f, app, &theme, r);
    }
    if app.focus() == Pane::Timeline {
        timeline::card::draw(f, app, &theme, f.area());
    }
    if app.whatsnew().is_open() {
        geometry.help_max_scroll = Some(whatsnew::draw(f, app, &theme, f.area()));
    } else if app.help_open() {
        geometry.help_max_scroll = Some(help::draw(f, app, &theme, f.area()));
    }
    geometry
}

/// The screen shown while a large dataset loads; `cancel` names the keys that cancel it.
pub fn draw_loading(f: &mut Frame, label: &str, cancel: Option<&str>) {
    let area = f.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = Theme::new(true);
    // In English, as before the data (and the language with it) is ready.
    let lang = Lang::En;
    let lines = [
        Msg::Loading.fill(lang, &[&safe(label)]),
        cancel.map_or_else(String::new, |keys| Msg::ToCancel.fill(lang, &[keys])),
    ];
    for (i, l) in lines.iter().enumerate() {
        let text = crate::text::truncate(l, usize::from(area.width));
        let w = crate::text::width(&text) as u16;
        let y = area.y + area.height / 2 + i as u16;
        if y < area.y + area.height {
            let r = Rect::new(area.x + (area.width - w) / 2, y, w, 1);
            let style = if i == 0 { theme.title } else { theme.dim };
            f.render_widget(Paragraph::new(text).style(style), r);
        }
    }
}

/// The centred "terminal too small" line, cut to whatever fits.
fn too_small(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lang = app.lang();
    let (w, h) = (TINY_MIN.0.to_string(), TINY_MIN.1.to_string());
    let size = format!("{w}x{h}");
    // The longest form that fits, down to the size alone: it always says what it needs.
    let forms = [
        Msg::TooSmall.fill(lang, &[&w, &h]),
        Msg::TooSmallShort.fill(lang, &[&size]),
        Msg::TooSmallShortest.fill(lang, &[&size]),
        size.clone(),
    ];
    let fits = |s: &String| crate::text::width(s) <= usize::from(area.width);
    let text = forms
        .iter()
        .find(|s| fits(s))
        .cloned()
        .unwrap_or_else(|| size.chars().take(usize::from(area.width)).collect());
    let tw = crate::text::width(&text) as u16;
    let r = Rect::new(
        area.x + (area.width - tw) / 2,
        area.y + area.height / 2,
        tw,
        1,
    );
    f.render_widget(Paragraph::new(text).style(theme.error), r);
}

/// The tab bar: in the compact layout, the panes of its right-hand slot; in the tiny one, every
/// pane, the one shown highlighted. Each with the key that shows it; when they do not all fit,
/// the others by their key alone, then the shown one alone.
fn tabs(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let tiny = app.screen().mode() == Mode::Tiny;
    let mut names = vec![
        (Pane::Map, "1", Msg::Map),
        (Pane::List, "2", Msg::List),
        (Pane::Detail, "3", Msg::Detail),
        (Pane::Timeline, "4", Msg::Timeline),
    ];
    let current = if tiny {
        match app.focus() {
            Pane::Search => Pane::List,
            p => p,
        }
    } else {
        names.retain(|(p, _, _)| *p != Pane::List);
        app.tab()
    };
    let style = |pane: Pane| {
        if pane != current {
            theme.dim
        } else if app.focus() == pane || (tiny && app.focus() == Pane::Search) {
            theme.selected
        } else {
            theme.selected_unfocused
        }
    };
    let lang = app.lang();
    let full: Vec<String> = names
        .iter()
        .map(|(_, key, name)| format!(" {key} {} ", name.text(lang)))
        .collect();
    let short: Vec<String> = names
        .iter()
        .zip(&full)
        .map(|((p, key, _), f)| {
            if *p == current {
                f.clone()
            } else {
                format!(" {key} ")
            }
        })
        .collect();
    let room = usize::from(area.width);
    let width = |cells: &[String]| {
        cells
            .iter()
            .map(|c| crate::text::width(c) + 1)
            .sum::<usize>()
    };
    let cells = if width(&full) <= room + 1 {
        full
    } else if width(&short) <= room + 1 {
        short
    } else {
        names
            .iter()
            .zip(full)
            .map(|((p, _, _), f)| if *p == current { f } else { String::new() })
            .collect()
    };
    let mut spans = Vec::new();
    for ((pane, _, _), cell) in names.iter().zip(cells) {
        if cell.is_empty() {
            continue;
        }
        spans.push(Span::styled(cell, style(*pane)));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Line::from(spans), area);
}

/// A pane's frame: rounded borders, bright when focused, with a title.
pub fn pane_block<'a>(app: &App, theme: &Theme, pane: Pane, title: Line<'a>) -> Block<'a> {
    let focused = app.focus() == pane && !app.help_open();
    let (kind, style) = if focused {
        (BorderType::Thick, theme.border_focus)
    } else {
        (BorderType::Rounded, theme.border)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(title)
}

/// A title span in the theme's title style.
pub fn title<'a>(theme: &Theme, text: impl Into<std::borrow::Cow<'a, str>>) -> Span<'a> {
    Span::styled(format!(" {} ", text.into()), theme.title)
}

/// Text from the data, made safe for the terminal.
pub fn safe(s: &str) -> std::borrow::Cow<'_, str> {
    crate::text::sanitize(s)
}
