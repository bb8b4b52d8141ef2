//! French typography in the data's French prose: no breaking space before `; : ! ?` nor
//! inside `« »`, so that no line the dashboard wraps starts with a sign. (The interface's
//! words are checked in the catalogue's own tests.)

use aifactories::data::{EMBEDDED_COUNTRIES, EMBEDDED_FACTORIES, EMBEDDED_SECTORS};

/// The `fr: "…"` strings of a RON file.
fn french_strings(ron: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = ron;
    while let Some(i) = rest.find("fr: \"") {
        rest = &rest[i + 5..];
        let mut s = String::new();
        let mut chars = rest.char_indices();
        while let Some((j, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, e)) = chars.next() {
                        s.push(e);
                    }
                }
                '"' => {
                    rest = &rest[j + 1..];
                    break;
                }
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

#[test]
fn french_prose_keeps_its_signs_with_the_words_before_them() {
    let mut faults = Vec::new();
    let mut count = 0;
    for ron in [EMBEDDED_FACTORIES, EMBEDDED_COUNTRIES, EMBEDDED_SECTORS] {
        for s in french_strings(ron) {
            count += 1;
            for bad in [" ;", " :", " !", " ?", "« ", " »"] {
                if s.contains(bad) {
                    let start: String = s.chars().take(60).collect();
                    faults.push(format!("{bad:?} in \"{start}…\""));
                }
            }
        }
    }
    assert!(count > 300, "only {count} French strings found");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
