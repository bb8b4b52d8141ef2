//! WCAG 2 contrast between two colours, for the colours whose value is fixed: RGB, and the
//! 256-colour palette's cube and greys (16–255), which terminal colour schemes leave alone.
//! The 16 named colours are whatever the terminal's scheme says, so they have no contrast
//! here (`None`): styles that must be readable on a fill use fixed colours.

use ratatui::style::Color;

/// The colour's red, green and blue, when fixed.
pub fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    match c {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(n) if n >= 232 => {
            let v = 8 + 10 * (n - 232);
            Some((v, v, v))
        }
        Color::Indexed(n) if n >= 16 => {
            // The 6x6x6 cube: levels 0, 95, 135, 175, 215, 255.
            let level = |i: u8| if i == 0 { 0 } else { 55 + 40 * i };
            let i = n - 16;
            Some((level(i / 36), level(i / 6 % 6), level(i % 6)))
        }
        _ => None,
    }
}

/// Relative luminance (WCAG 2), 0 for black to 1 for white.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The contrast ratio of two colours, 1 to 21 (WCAG AA asks 4.5 for text); `None` when
/// either is a colour of the terminal's scheme.
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    let (la, lb) = (luminance(rgb(a)?), luminance(rgb(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ratios() {
        let black = Color::Rgb(0, 0, 0);
        let white = Color::Rgb(255, 255, 255);
        assert!((contrast(black, white).unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast(white, white).unwrap() - 1.0).abs() < 1e-9);
        // #777777 on white is the classic 4.48.
        let grey = Color::Rgb(0x77, 0x77, 0x77);
        assert!((contrast(grey, white).unwrap() - 4.48).abs() < 0.01);
        assert_eq!(rgb(Color::Indexed(16)), Some((0, 0, 0)));
        assert_eq!(rgb(Color::Indexed(231)), Some((255, 255, 255)));
        assert_eq!(rgb(Color::Indexed(25)), Some((0, 95, 175)));
        assert_eq!(rgb(Color::Indexed(244)), Some((128, 128, 128)));
        assert_eq!(contrast(Color::White, black), None);
    }
}
