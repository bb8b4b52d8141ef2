//! The commands' tables: aligned text sized to the terminal's width, and CSV (the csv crate:
//! RFC 4180 quoting). Every cell is sanitized: nothing from a data file reaches the terminal
//! raw.
//!
//! The text tables are our own small code rather than a table crate's: cells are measured
//! with the dashboard's own display width (per grapheme, as `text::width` and the terminal
//! count), which the table crates' string widths differ from (an Arabic lam-alef counts one
//! column to them, two on screen), and the widths are chosen as below, where their dynamic
//! layouts split words while whole columns had room.

use std::io::{self, Write};

use crate::text;

/// The widest a column may be held at so that its longest word is never split; a longer word
/// (a URL, say) is split rather than pushing the table past the terminal's edge.
const LONGEST_WHOLE_WORD: usize = 24;

/// Two spaces between columns, as `ls -l` and friends.
const GAP: usize = 2;

/// Column widths that add up to at most `room` where they can: each column as wide as its
/// widest cell, then the widest narrowed first, one cell at a time, down to its longest word;
/// only then, if still too wide, below it (a word is split), never below one cell.
pub fn fit_widths(natural: &[usize], words: &[usize], room: usize) -> Vec<usize> {
    let mut w = natural.to_vec();
    for floor in [words.to_vec(), vec![1; w.len()]] {
        while w.iter().sum::<usize>() > room {
            let widest = (0..w.len())
                .filter(|&i| w[i] > floor[i].min(natural[i]))
                .max_by_key(|&i| (w[i], std::cmp::Reverse(i)));
            match widest {
                Some(i) => w[i] -= 1,
                None => break,
            }
        }
    }
    w
}

/// A table of text cells.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns that give way when even their words do not fit, least useful first.
    drop_order: Vec<usize>,
}

impl Table {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Table {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            ..Table::default()
        }
    }

    /// The columns (by header) to leave out, in this order, when the table's words cannot all
    /// stand whole in the width; the others are never left out.
    pub fn drop_first(mut self, headers: &[&str]) -> Table {
        self.drop_order = headers
            .iter()
            .filter_map(|h| self.headers.iter().position(|x| x == h))
            .collect();
        self
    }

    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| text::sanitize(&c.into()).into_owned())
                .collect(),
        );
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Write with aligned columns, the header in bold when `bold_header`, and return the
    /// headers of the columns left out. With a `width`, the table fits in it: the widest
    /// columns wrap between words; when even the words cannot all stand whole, the columns of
    /// [`Table::drop_first`] are left out in turn, and only then is a word split. Without a
    /// width (not a terminal), nothing wraps.
    pub fn write(
        &self,
        out: &mut dyn Write,
        bold_header: bool,
        width: Option<u16>,
    ) -> io::Result<Vec<String>> {
        let (lines, dropped) = self.lines(bold_header, width);
        for line in lines {
            writeln!(out, "{line}")?;
        }
        Ok(dropped)
    }

    /// The lines [`Table::write`] writes, and the headers of the columns left out.
    pub fn lines(&self, bold_header: bool, width: Option<u16>) -> (Vec<String>, Vec<String>) {
        let n = self.headers.len();
        let natural: Vec<usize> = (0..n).map(|i| self.column_width(i, false)).collect();
        let words: Vec<usize> = (0..n)
            .map(|i| self.column_width(i, true).min(LONGEST_WHOLE_WORD))
            .collect();
        let gap = GAP;
        let mut kept: Vec<usize> = (0..n).collect();
        let needed = |kept: &[usize]| {
            kept.iter().map(|&i| words[i]).sum::<usize>() + gap * kept.len().saturating_sub(1)
        };
        if let Some(w) = width {
            for &d in &self.drop_order {
                if needed(&kept) <= usize::from(w) {
                    break;
                }
                kept.retain(|&i| i != d);
            }
        }
        let dropped = (0..n)
            .filter(|i| !kept.contains(i))
            .map(|i| self.headers[i].clone())
            .collect();
        let widths = width.map(|w| {
            let room = usize::from(w).saturating_sub(gap * kept.len().saturating_sub(1));
            fit_widths(
                &kept.iter().map(|&i| natural[i]).collect::<Vec<_>>(),
                &kept.iter().map(|&i| words[i]).collect::<Vec<_>>(),
                room,
            )
        });

        let widths = widths.unwrap_or_else(|| kept.iter().map(|&i| natural[i]).collect());
        let mut lines = Vec::new();
        let mut push_row = |cells: &[String], bold: bool| {
            // Each cell's lines, split between words to its column's width.
            let wrapped: Vec<Vec<String>> = kept
                .iter()
                .zip(&widths)
                .map(|(&i, &w)| {
                    let cell = cells.get(i).map_or("", String::as_str);
                    if text::width(cell) <= w {
                        vec![cell.to_string()]
                    } else {
                        text::wrap(cell, w)
                    }
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..height {
                let mut line = String::new();
                for (c, (cell, &w)) in wrapped.iter().zip(&widths).enumerate() {
                    let part = cell.get(k).map_or("", String::as_str);
                    if c + 1 == wrapped.len() {
                        line.push_str(part);
                    } else {
                        line.push_str(&text::fit(part, w));
                        line.push_str(&" ".repeat(gap));
                    }
                }
                let line = line.trim_end().to_string();
                lines.push(if bold {
                    format!("\x1b[1m{line}\x1b[0m")
                } else {
                    line
                });
            }
        };
        push_row(&self.headers, bold_header);
        for r in &self.rows {
            push_row(r, false);
        }
        (lines, dropped)
    }

    /// The widest cell of a column, or with `words` its longest word.
    fn column_width(&self, col: usize, words: bool) -> usize {
        std::iter::once(&self.headers)
            .chain(&self.rows)
            .filter_map(|r| r.get(col))
            .flat_map(|c| {
                if words {
                    c.split(' ').collect::<Vec<_>>()
                } else {
                    vec![c.as_str()]
                }
            })
            .map(text::width)
            .max()
            .unwrap_or(0)
    }

    /// Write as RFC 4180 CSV, header first.
    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.headers).map_err(csv_error)?;
        for r in &self.rows {
            w.write_record(r).map_err(csv_error)?;
        }
        w.flush()
    }
}

/// Say on standard error which columns were left out to fit the width, and how to see them.
pub fn note_dropped(dropped: &[String], width: Option<u16>) {
    if let (false, Some(w)) = (dropped.is_empty(), width) {
        eprintln!(
            "aifactories: left out to fit {w} columns: {}; a wider --width or --format csv shows them",
            dropped.join(", ")
        );
    }
}

/// The writer's own error back into the I/O error it wraps, so that a closed pipe is still
/// recognised as one.
fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(t: &Table, width: Option<u16>) -> String {
        let mut out = Vec::new();
        t.write(&mut out, false, width).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn aligns_by_display_width() {
        let mut t = Table::new(["name", "city"]);
        t.row(["Linköping", "SE"]);
        t.row(["日本", "JP"]);
        let s = text_of(&t, None);
        let cols: Vec<usize> = s
            .lines()
            .map(|l| text::width(&l[..l.rfind("  ").unwrap() + 2]))
            .collect();
        assert!(cols.windows(2).all(|w| w[0] == w[1]), "{s}");
        assert!(
            s.starts_with("name"),
            "no padding before the first column: {s}"
        );
    }

    #[test]
    fn fits_the_width_by_wrapping_between_words() {
        let mut t = Table::new(["id", "sectors"]);
        t.row([
            "pharos",
            "Health, Culture and creative industries, Public sector, Sustainability",
        ]);
        let s = text_of(&t, Some(40));
        assert!(s.lines().all(|l| text::width(l) <= 40), "{s}");
        assert!(s.lines().count() > 2, "{s}");
        // Every word of the cell is whole on some line.
        for word in ["Culture", "creative", "industries,", "Sustainability"] {
            assert!(s.split_whitespace().any(|w| w == word), "{word}: {s}");
        }
        // Without a width nothing wraps.
        assert_eq!(text_of(&t, None).lines().count(), 2);
    }

    #[test]
    fn the_widest_column_gives_way_first_down_to_its_longest_word() {
        // Room enough: as wide as the widest cell.
        assert_eq!(fit_widths(&[5, 20, 8], &[5, 6, 8], 40), [5, 20, 8]);
        // The widest narrows first, to its longest word.
        assert_eq!(fit_widths(&[5, 20, 8], &[5, 6, 8], 25), [5, 12, 8]);
        assert_eq!(fit_widths(&[5, 20, 8], &[5, 6, 8], 19), [5, 6, 8]);
        // Only then are words split, never below one cell.
        assert_eq!(fit_widths(&[5, 20, 8], &[5, 6, 8], 16), [5, 5, 6]);
        assert_eq!(fit_widths(&[5, 20, 8], &[5, 6, 8], 0), [1, 1, 1]);
    }

    #[test]
    fn columns_give_way_in_the_order_given_before_a_word_is_split() {
        let mut t = Table::new(["id", "name", "selected", "sectors"]).drop_first(&["selected"]);
        t.row(["lumi-aif", "LUMI AIF", "2024-12-10", "General purpose"]);
        let (lines, dropped) = t.lines(false, Some(30));
        assert_eq!(dropped, ["selected"]);
        assert_eq!(lines[0], "id        name      sectors");
        assert_eq!(lines[1], "lumi-aif  LUMI AIF  General");
        assert_eq!(lines[2].trim(), "purpose");
        let (_, dropped) = t.lines(false, Some(60));
        assert!(dropped.is_empty());
        let (_, dropped) = t.lines(false, None);
        assert!(dropped.is_empty());
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let mut t = Table::new(["a", "b", "c"]);
        t.row(["a", "b,c", "say \"hi\""]);
        let mut out = Vec::new();
        t.write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b,c\na,\"b,c\",\"say \"\"hi\"\"\"\n"
        );
    }

    #[test]
    fn cells_are_sanitized() {
        let mut t = Table::new(["x"]);
        t.row(["\u{1b}[2J"]);
        assert!(!text_of(&t, None).contains('\u{1b}'));
        let mut out = Vec::new();
        t.write_csv(&mut out).unwrap();
        assert!(!String::from_utf8(out).unwrap().contains('\u{1b}'));
    }
}
