//! Load and validation errors: every message names the file and either a line and column
//! (syntax, type, encoding) or a record and field (semantic checks).

use std::fmt;

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column, for syntax, type and encoding errors.
    pub position: Option<(usize, usize)>,
    /// The record (`factory lumi-aif`, `antenna antenna-be`, `programme milestone 3`).
    pub record: Option<String>,
    /// The field path inside the record (`partners[1]`, `system.vendor`).
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn at(line: usize, col: usize, message: impl Into<String>) -> Problem {
        Problem {
            position: Some((line, col)),
            record: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn whole(message: impl Into<String>) -> Problem {
        Problem {
            position: None,
            record: None,
            field: None,
            message: message.into(),
        }
    }
}

/// Why a dataset could not be loaded. Every variant is bad input (exit status 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the user named it (`<embedded>` for the built-in data).
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub fn one(file: &str, problem: Problem) -> LoadError {
        LoadError {
            file: file.to_string(),
            problems: vec![problem],
        }
    }
}

/// One problem as a line: `file[:line:col]: <severity>: record, field `f`: message`.
fn write_problem(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    severity: &str,
    p: &Problem,
) -> fmt::Result {
    write!(f, "{file}")?;
    if let Some((line, col)) = p.position {
        write!(f, ":{line}:{col}")?;
    }
    write!(f, ": {severity}: ")?;
    match (&p.record, &p.field) {
        (Some(r), Some(fld)) => write!(f, "{r}, field `{fld}`: ")?,
        (Some(r), None) => write!(f, "{r}: ")?,
        (None, Some(fld)) => write!(f, "field `{fld}`: ")?,
        (None, None) => {}
    }
    f.write_str(&p.message)
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write_problem(f, &self.file, "error", p)?;
        }
        if self.problems.len() > 1 {
            write!(f, "\n{}: {} problems", self.file, self.problems.len())?;
        }
        Ok(())
    }
}

/// Problems that do not stop a file from loading, one `warning:` line each.
#[derive(Debug, Clone, Copy)]
pub struct Warnings<'a> {
    pub file: &'a str,
    pub problems: &'a [Problem],
}

impl fmt::Display for Warnings<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write_problem(f, self.file, "warning", p)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}
