//! Text helpers shared by the loader, the search engine, the CLI and the UI: accent and case
//! folding with a map back to the original characters, control-character stripping, and
//! display width.

use ratatui::buffer::CellWidth;

/// A string folded for matching (lower case, accents removed, ASCII), with the position in
/// the original string of each folded char.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the char index, in the original string, of folded char `i`.
    pub origin: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (i, c) in original.chars().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                origin.push(i);
                continue;
            }
            for f in fold_char(c).chars() {
                text.push(f);
                origin.push(i);
            }
        }
        Folded { text, origin }
    }

    /// Map folded char positions back to sorted, deduplicated original char positions.
    pub fn original_positions(&self, folded: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = folded
            .iter()
            .filter_map(|&p| self.origin.get(p).map(|&o| o as usize))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Fold one non-ASCII char to lower-case ASCII (`é` → `e`, `ß` → `ss`, `Ö` → `o`, `—` → `-`).
/// Chars with no transliteration are kept, lower-cased.
fn fold_char(c: char) -> String {
    match deunicode::deunicode_char(c) {
        // A char that transliterates to nothing (a combining accent) vanishes, as it should.
        Some(s) => s.to_ascii_lowercase(),
        None => c.to_lowercase().collect(),
    }
}

/// Fold a whole string for comparisons (no position map).
pub fn fold(s: &str) -> String {
    Folded::new(s).text
}

/// Whether a char must never reach the terminal: C0 and C1 controls (ESC, BEL, CR, ...),
/// DEL, and the bidirectional overrides that can reorder what is shown.
pub fn is_forbidden_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// The first forbidden char of a string, for error messages.
pub fn first_forbidden(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find(|&(_, c)| is_forbidden_char(c))
}

/// Name a control char the way people know it.
pub fn char_name(c: char) -> String {
    let name = match c {
        '\u{1b}' => "ESC",
        '\u{07}' => "BEL",
        '\r' => "CR",
        '\n' => "LF",
        '\t' => "TAB",
        '\u{08}' => "BS",
        '\u{7f}' => "DEL",
        '\0' => "NUL",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("{name} (U+{:04X})", u32::from(c))
    }
}

/// Replace every forbidden char by U+FFFD so that nothing from a data file can drive the
/// terminal. Borrowed when there is nothing to strip (the usual case).
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_forbidden_char) {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| if is_forbidden_char(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Each grapheme as the terminal draws it and the cells it takes. The segmentation and
/// widths are ratatui's own (control characters dropped, each grapheme its own cells), so
/// that what is measured here is what is drawn: measuring the whole string at once would,
/// for instance, count Arabic lam-alef as one column where the terminal gives each letter
/// its cell.
pub fn drawn_graphemes(s: &str) -> impl Iterator<Item = (&str, u16)> {
    unicode_segmentation::UnicodeSegmentation::graphemes(s, true)
        .filter(|g| !g.contains(char::is_control))
        .map(|g| (g, g.cell_width()))
}

/// Columns a string takes on a terminal.
pub fn width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    drawn_graphemes(s).map(|(_, w)| usize::from(w)).sum()
}

/// Pad or cut a string to exactly `cols` columns (cutting adds `…`), respecting wide chars.
pub fn fit(s: &str, cols: usize) -> String {
    let w = width(s);
    if w <= cols {
        let mut out = String::with_capacity(s.len() + cols - w);
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', cols - w));
        return out;
    }
    let mut out = truncate(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Cut a string to at most `cols` columns, ending with `…` when something was cut. Never cuts
/// inside a grapheme (an emoji sequence, a letter and its accents).
pub fn truncate(s: &str, cols: usize) -> String {
    if width(s) <= cols {
        return s.to_string();
    }
    if cols == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for (g, w) in drawn_graphemes(s) {
        let w = usize::from(w);
        if used + w > cols - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

/// Words of `s` in lines of at most `cols` columns, split between words; a word longer than a
/// line is cut into pieces that fill it. At least one line, empty for an empty `s`.
pub fn wrap(s: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut lines = vec![String::new()];
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let last = lines.last_mut().expect("one line at least");
        let sep = usize::from(!last.is_empty());
        if width(last) + sep + width(word) <= cols {
            if sep == 1 {
                last.push(' ');
            }
            last.push_str(word);
            continue;
        }
        if !last.is_empty() {
            lines.push(String::new());
        }
        for (g, w) in drawn_graphemes(word) {
            let cur = lines.last_mut().expect("one line at least");
            if width(cur) + usize::from(w) > cols && !cur.is_empty() {
                lines.push(String::new());
            }
            lines.last_mut().expect("one line at least").push_str(g);
        }
    }
    lines
}

/// Levenshtein distance, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// ` (did you mean "x"?)` for the nearest name within two edits.
pub fn did_you_mean<'a>(word: &str, names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| (edit_distance(word, n), n))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| format!(" (did you mean {n:?}?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_and_cuts_only_longer_words() {
        assert_eq!(
            wrap("a sector: key or label", 10),
            ["a sector:", "key or", "label"]
        );
        assert_eq!(wrap("Sustainability x", 6), ["Sustai", "nabili", "ty x"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("é è", 0), ["é", "è"]);
    }

    #[test]
    fn folds_accents_and_case_with_positions() {
        let f = Folded::new("Santé – Linköping");
        assert_eq!(f.text, "sante - linkoping");
        // 'é' is char 4 of the original; 'ö' is char 12.
        assert_eq!(f.origin[4], 4);
        assert_eq!(f.text.chars().nth(12), Some('o'));
        assert_eq!(f.origin[12], 12);
    }

    #[test]
    fn expanding_chars_map_back_to_one_original() {
        let f = Folded::new("Straße");
        assert_eq!(f.text, "strasse");
        assert_eq!(f.original_positions(&[4, 5, 6]), vec![4, 5]);
    }

    #[test]
    fn folds_turkish_and_greek_letters() {
        assert_eq!(fold("TÜBİTAK"), "tubitak");
        assert_eq!(fold("Bruyères-le-Châtel"), "bruyeres-le-chatel");
        assert_eq!(fold("Αθήνα"), "athena");
    }

    #[test]
    fn sanitizes_control_characters() {
        assert_eq!(sanitize("ok"), "ok");
        assert_eq!(sanitize("a\u{1b}[31mb\u{7}"), "a\u{FFFD}[31mb\u{FFFD}");
        assert_eq!(sanitize("x\u{202E}y"), "x\u{FFFD}y");
        assert_eq!(first_forbidden("ab\rc"), Some((2, '\r')));
        assert_eq!(char_name('\u{1b}'), "ESC (U+001B)");
    }

    #[test]
    fn fits_wide_text_to_columns() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(width(&fit("日本語テキスト", 5)), 5);
        assert_eq!(truncate("日本語", 4), "日…");
        // Each letter of lam-alef takes its own cell on a terminal.
        assert_eq!(width("لا"), 2);
        assert_eq!(width(&fit("الاصطناعي", 12)), 12);
        // An emoji sequence is one grapheme, two columns, never cut in half.
        assert_eq!(width("👩‍🔬"), 2);
        assert_eq!(truncate("👩‍🔬👩‍🔬", 3), "👩‍🔬…");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("lumi", "lumi"), 0);
        assert_eq!(edit_distance("pharso", "pharos"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
