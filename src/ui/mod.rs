//! Drawing: a pure function of `&App`, one module per pane. Nothing here changes state.

pub mod detail;
pub mod geo_map;
pub mod help;
pub mod hints;
pub mod hyperlink;
pub mod input;
pub mod list;
pub mod map;
pub mod search_box;
pub mod timeline;
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
        timeline::draw(f, app, &theme, r);
    }
    if let Some(r) = screen.tabs {
        tabs(f, app, &theme, r);
    }
    if let Some(r) = screen.hints {
        hints::draw(f, app, &theme, r);
    }
    if app.help_open() {
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

/// The compact layout's tab bar over its right-hand slot.
fn tabs(f: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let names = [
        (Pane::Map, "1", Msg::Map),
        (Pane::Detail, "3", Msg::Detail),
        (Pane::Timeline, "4", Msg::Timeline),
    ]
    .map(|(pane, key, name)| (pane, key, name.text(app.lang())));
    let mut spans = Vec::new();
    for (pane, key, name) in names {
        let style = if app.tab() == pane {
            if app.focus() == pane {
                theme.selected
            } else {
                theme.selected_unfocused
            }
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {key} {name} "), style));
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
