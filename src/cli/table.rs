//! Plain-text tables aligned by display width (wide and accented characters count right), and
//! CSV quoting. Every cell is sanitized: nothing from a data file reaches the terminal raw.

use std::io::{self, Write};

use crate::text;

/// A table of text cells written with aligned columns.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Table {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| text::sanitize(&c.into()).into_owned())
                .collect(),
        );
    }

    /// Column widths: the widest cell of each column; the last column is not padded.
    fn widths(&self) -> Vec<usize> {
        let mut w: Vec<usize> = self.headers.iter().map(|h| text::width(h)).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate() {
                if i < w.len() {
                    w[i] = w[i].max(text::width(c));
                }
            }
        }
        w
    }

    /// Write with two spaces between columns; the header in bold when `bold_header`.
    pub fn write(&self, out: &mut dyn Write, bold_header: bool) -> io::Result<()> {
        let widths = self.widths();
        let line = |cells: &[String]| -> String {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i + 1 == cells.len() {
                    s.push_str(c);
                } else {
                    s.push_str(&text::fit(c, widths[i]));
                    s.push_str("  ");
                }
            }
            s.trim_end().to_string()
        };
        let header = line(&self.headers);
        if bold_header {
            writeln!(out, "\x1b[1m{header}\x1b[0m")?;
        } else {
            writeln!(out, "{header}")?;
        }
        for r in &self.rows {
            writeln!(out, "{}", line(r))?;
        }
        Ok(())
    }

    /// Write as RFC 4180 CSV.
    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", csv_line(&self.headers))?;
        for r in &self.rows {
            writeln!(out, "{}", csv_line(r))?;
        }
        Ok(())
    }
}

/// One CSV record, quoting cells that need it.
pub fn csv_line(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') || c.ends_with(' ') {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width() {
        let mut t = Table::new(["name", "city"]);
        t.row(["Linköping", "SE"]);
        t.row(["日本", "JP"]);
        let mut out = Vec::new();
        t.write(&mut out, false).unwrap();
        let s = String::from_utf8(out).unwrap();
        let cols: Vec<usize> = s
            .lines()
            .map(|l| text::width(&l[..l.rfind("  ").unwrap() + 2]))
            .collect();
        assert!(cols.windows(2).all(|w| w[0] == w[1]), "{s}");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(
            csv_line(&["a".into(), "b,c".into(), "say \"hi\"".into()]),
            "a,\"b,c\",\"say \"\"hi\"\"\""
        );
    }

    #[test]
    fn cells_are_sanitized() {
        let mut t = Table::new(["x"]);
        t.row(["\u{1b}[2J"]);
        let mut out = Vec::new();
        t.write(&mut out, false).unwrap();
        assert!(!String::from_utf8(out).unwrap().contains('\u{1b}'));
    }
}
