//! The themes' unit tests: style names, the built-in themes, colour parsing and overrides.

use ratatui::style::{Color, Modifier};

use super::*;

#[test]
fn every_style_name_is_a_field() {
    let mut t = Theme::dark();
    for name in STYLE_NAMES {
        assert!(t.style_mut(name).is_some(), "{name}");
    }
    assert!(t.style_mut("mono").is_none());
}

#[test]
fn new_is_default_or_monochrome() {
    let (colour, mono) = (Theme::new(false), Theme::new(true));
    assert!(!colour.mono && mono.mono);
    assert_ne!(colour, mono);
    assert_eq!(colour, Theme::named(ThemeName::default()));
    assert_eq!(mono, Theme::named(ThemeName::Monochrome));
    // Each name gives a theme of its own.
    let all = [
        ThemeName::Default,
        ThemeName::Light,
        ThemeName::HighContrast,
        ThemeName::Monochrome,
    ];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(Theme::named(*a), Theme::named(*b), "{a:?} = {b:?}");
        }
    }
}

#[test]
fn high_contrast_is_black_white_and_yellow_and_never_dim() {
    let t = Theme::high_contrast();
    for name in STYLE_NAMES {
        let st = t.style(name).unwrap();
        for c in [st.fg, st.bg].into_iter().flatten() {
            assert!(
                matches!(c, Color::Black | Color::White | Color::LightYellow),
                "{name}: {c:?}"
            );
        }
        assert!(!st.add_modifier.contains(Modifier::DIM), "{name}");
    }
}

#[test]
fn theme_names_parse() {
    for n in ThemeName::ALL {
        assert_eq!(n.name().parse::<ThemeName>(), Ok(n));
    }
    assert_eq!("High_Contrast".parse(), Ok(ThemeName::HighContrast));
    assert_eq!("mono".parse(), Ok(ThemeName::Monochrome));
    assert!("sepia".parse::<ThemeName>().is_err());
}

#[test]
fn colours_parse() {
    assert_eq!(parse_color("Light-Red"), Ok(Color::LightRed));
    assert_eq!(parse_color("dark grey"), Ok(Color::DarkGray));
    assert_eq!(parse_color("#005F87"), Ok(Color::Rgb(0, 95, 135)));
    assert_eq!(parse_color("231"), Ok(Color::Indexed(231)));
    assert_eq!(parse_color("reset"), Ok(Color::Reset));
    for bad in ["", "256", "#12345", "#gggggg", "purple", "-1"] {
        assert!(parse_color(bad).is_err(), "{bad:?}");
    }
    assert!(
        parse_color("whit")
            .unwrap_err()
            .contains("did you mean \"white\"")
    );
    assert_eq!(
        parse_colors("white on blue"),
        Ok((Some(Color::White), Some(Color::Blue)))
    );
    assert_eq!(
        parse_colors("on #000000"),
        Ok((None, Some(Color::Rgb(0, 0, 0))))
    );
    assert_eq!(parse_colors("yellow"), Ok((Some(Color::Yellow), None)));
    assert!(parse_colors("white on").is_err());
    assert!(parse_colors(" on ").is_err());
}

#[test]
fn overrides_change_colours_only_and_report_every_problem() {
    let o = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    let t = Theme::dark()
        .with_overrides(&o(&[("title", "magenta"), ("selected", "on 22")]))
        .unwrap();
    assert_eq!(t.title.fg, Some(Color::Magenta));
    assert!(t.title.add_modifier.contains(Modifier::BOLD));
    assert_eq!(t.selected.bg, Some(Color::Indexed(22)));
    assert_eq!(t.selected.fg, Some(Color::White));
    let e = Theme::dark()
        .with_overrides(&o(&[("titel", "red"), ("dim", "purple"), ("dim", "red")]))
        .unwrap_err();
    let fields: Vec<_> = e.iter().map(|p| p.field.clone().unwrap()).collect();
    assert_eq!(
        fields,
        [r#"colors["titel"]"#, r#"colors["dim"]"#, r#"colors["dim"]"#]
    );
    assert!(
        e[0].message.contains(r#"did you mean "title""#),
        "{}",
        e[0].message
    );
}
