//! Dates with their precision: "10 Dec 2024", "July 2025", "H1 2026", "end 2025", "2027".
//!
//! In the RON file a date is a string: `2024-12-10`, `2025-07`, `2025-Q3`, `2026-H1`,
//! `end-2025` or `2027`. A string that is not a valid date still deserializes (into an
//! invalid value) so that validation can report every bad date of a file at once, with its
//! record and field, instead of stopping at the first one.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::{Lang, MONTHS, MONTHS_SHORT, Msg};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Half,
    /// "end 2025": the last quarter of the year, printed as "end 2025".
    EndOfYear,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::EndOfYear => "end-of-year",
            Precision::Year => "year",
        }
    }
}

/// Why a date string was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateError {
    /// Not of any accepted form.
    Syntax,
    /// Year outside 1900..=2100.
    Year(i32),
    /// Month outside 1..=12.
    Month(u8),
    /// Day that does not exist in that month (30 Feb).
    Day { year: i32, month: u8, day: u8 },
    /// Quarter outside 1..=4.
    Quarter(u8),
    /// Half outside 1..=2.
    Half(u8),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateError::Syntax => f.write_str(
                "not a date: expected YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, end-YYYY or YYYY",
            ),
            DateError::Year(y) => write!(f, "year {y} is out of range (1900-2100)"),
            DateError::Month(m) => write!(f, "month {m} does not exist"),
            DateError::Day { year, month, day } => write!(
                f,
                "day {day} does not exist in {} {year}",
                month_name(month, Lang::En)
            ),
            DateError::Quarter(q) => write!(f, "quarter {q} does not exist (1-4)"),
            DateError::Half(h) => write!(f, "half-year {h} does not exist (1-2)"),
        }
    }
}

/// A calendar day, used for "today" and for the bounds of a [`PDate`] span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Result<Day, DateError> {
        if !(1900..=2100).contains(&year) {
            return Err(DateError::Year(year));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day { year, month, day });
        }
        Ok(Day { year, month, day })
    }

    /// Today's date in UTC from the system clock.
    pub fn today_utc() -> Day {
        let d = time::OffsetDateTime::now_utc().date();
        Day {
            year: d.year(),
            month: u8::from(d.month()),
            day: d.day(),
        }
    }

    /// Months since year 0, a cheap ordinal for month arithmetic.
    pub fn month_index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }
}

impl std::str::FromStr for Day {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Day, DateError> {
        match PDate::parse(s)? {
            PDate::Valid {
                start,
                prec: Precision::Day,
            } => Ok(start),
            _ => Err(DateError::Syntax),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A month's name (1 to 12) in a language.
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    MONTHS
        .get(usize::from(month.max(1)) - 1)
        .map_or("?", |m| m.text(lang))
}

/// A date known to a given precision. It covers a span of days: a month covers the whole
/// month, `2026-H1` covers January to June 2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PDate {
    Valid {
        start: Day,
        prec: Precision,
    },
    /// A string that is not a valid date; only ever seen before validation.
    Invalid(DateError),
}

impl PDate {
    pub fn day(year: i32, month: u8, day: u8) -> Result<PDate, DateError> {
        Ok(PDate::Valid {
            start: Day::new(year, month, day)?,
            prec: Precision::Day,
        })
    }

    pub fn month(year: i32, month: u8) -> Result<PDate, DateError> {
        Ok(PDate::Valid {
            start: Day::new(year, month, 1)?,
            prec: Precision::Month,
        })
    }

    pub fn year(year: i32) -> Result<PDate, DateError> {
        Ok(PDate::Valid {
            start: Day::new(year, 1, 1)?,
            prec: Precision::Year,
        })
    }

    /// Parse the RON/CLI form of a date.
    pub fn parse(s: &str) -> Result<PDate, DateError> {
        let s = s.trim();
        let num = |t: &str| -> Result<i32, DateError> {
            if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Syntax);
            }
            t.parse::<i32>().map_err(|_| DateError::Syntax)
        };
        let small = |t: &str| -> Result<u8, DateError> {
            if t.is_empty() || t.len() > 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Syntax);
            }
            t.parse::<u8>().map_err(|_| DateError::Syntax)
        };
        if let Some(rest) = s.strip_prefix("end-") {
            if rest.len() != 4 {
                return Err(DateError::Syntax);
            }
            let y = num(rest)?;
            return Ok(PDate::Valid {
                start: Day::new(y, 10, 1)?,
                prec: Precision::EndOfYear,
            });
        }
        let parts: Vec<&str> = s.split('-').collect();
        if parts[0].len() != 4 {
            return Err(DateError::Syntax);
        }
        let year = num(parts[0])?;
        match parts.as_slice() {
            [_] => PDate::year(year),
            [_, p] if p.starts_with('Q') || p.starts_with('q') => {
                let q = small(&p[1..])?;
                if !(1..=4).contains(&q) {
                    return Err(DateError::Quarter(q));
                }
                Ok(PDate::Valid {
                    start: Day::new(year, (q - 1) * 3 + 1, 1)?,
                    prec: Precision::Quarter,
                })
            }
            [_, p] if p.starts_with('H') || p.starts_with('h') => {
                let h = small(&p[1..])?;
                if !(1..=2).contains(&h) {
                    return Err(DateError::Half(h));
                }
                Ok(PDate::Valid {
                    start: Day::new(year, (h - 1) * 6 + 1, 1)?,
                    prec: Precision::Half,
                })
            }
            [_, m] if m.len() == 2 => PDate::month(year, small(m)?),
            [_, m, d] if m.len() == 2 && d.len() == 2 => PDate::day(year, small(m)?, small(d)?),
            _ => Err(DateError::Syntax),
        }
    }

    pub fn is_valid(&self) -> bool {
        matches!(self, PDate::Valid { .. })
    }

    pub fn error(&self) -> Option<DateError> {
        match *self {
            PDate::Invalid(e) => Some(e),
            PDate::Valid { .. } => None,
        }
    }

    pub fn precision(&self) -> Precision {
        match *self {
            PDate::Valid { prec, .. } => prec,
            PDate::Invalid(_) => Precision::Year,
        }
    }

    /// First day covered.
    pub fn start(&self) -> Day {
        match *self {
            PDate::Valid { start, .. } => start,
            PDate::Invalid(_) => Day {
                year: 1900,
                month: 1,
                day: 1,
            },
        }
    }

    /// Number of months covered (a day counts as its month).
    pub fn months(&self) -> u8 {
        match self.precision() {
            Precision::Day | Precision::Month => 1,
            Precision::Quarter | Precision::EndOfYear => 3,
            Precision::Half => 6,
            Precision::Year => 12,
        }
    }

    /// Last day covered.
    pub fn end(&self) -> Day {
        let s = self.start();
        match self.precision() {
            Precision::Day => s,
            _ => {
                let last_month = s.month + self.months() - 1;
                Day {
                    year: s.year,
                    month: last_month,
                    day: days_in_month(s.year, last_month),
                }
            }
        }
    }

    /// Whether the span contains the day.
    pub fn contains(&self, d: Day) -> bool {
        self.start() <= d && d <= self.end()
    }

    /// The canonical string form, as written in the RON file.
    pub fn iso(&self) -> String {
        let s = self.start();
        match self.precision() {
            Precision::Day => s.to_string(),
            Precision::Month => format!("{:04}-{:02}", s.year, s.month),
            Precision::Quarter => format!("{:04}-Q{}", s.year, (s.month - 1) / 3 + 1),
            Precision::Half => format!("{:04}-H{}", s.year, (s.month - 1) / 6 + 1),
            Precision::EndOfYear => format!("end-{:04}", s.year),
            Precision::Year => format!("{:04}", s.year),
        }
    }

    /// Human form: "10 Dec 2024", "Jul 2025", "Q3 2025", "H1 2026", "end 2025", "2027".
    /// (A flag, not a [`Lang`], as its callers have it; the words come from the catalogue.)
    pub fn human(&self, fr: bool) -> String {
        let s = self.start();
        let lang = if fr { Lang::Fr } else { Lang::En };
        let m = MONTHS_SHORT[usize::from(s.month - 1)].text(lang);
        let year = s.year.to_string();
        match self.precision() {
            Precision::Day => format!("{} {} {}", s.day, m, s.year),
            Precision::Month => format!("{m} {}", s.year),
            Precision::Quarter => {
                Msg::Quarter.fill(lang, &[&((s.month - 1) / 3 + 1).to_string(), &year])
            }
            Precision::Half => Msg::Half.fill(lang, &[&((s.month - 1) / 6 + 1).to_string(), &year]),
            Precision::EndOfYear => Msg::EndOfYear.fill(lang, &[&year]),
            Precision::Year => year,
        }
    }
}

impl Ord for PDate {
    /// Chronological by start, then the more precise first (10 Dec 2024 before Dec 2024 before
    /// 2024 when they start together), so a sort reads naturally.
    fn cmp(&self, other: &Self) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then(self.end().cmp(&other.end()))
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// The precisions in the order of their tag in binary formats.
const PRECISIONS: [Precision; 6] = [
    Precision::Day,
    Precision::Month,
    Precision::Quarter,
    Precision::Half,
    Precision::EndOfYear,
    Precision::Year,
];

impl Serialize for PDate {
    /// As text (`2025-03`, `2025-H1`), as written in the data, in human-readable formats
    /// (RON, JSON); as numbers (precision, year, month, day) in binary ones (the embedded
    /// data), which decode without parsing text.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.serialize_str(&self.iso());
        }
        match *self {
            PDate::Valid { start, prec } => {
                let tag = PRECISIONS.iter().position(|p| *p == prec).unwrap_or(0) as u8;
                (tag, start.year, start.month, start.day).serialize(s)
            }
            PDate::Invalid(e) => Err(serde::ser::Error::custom(format!("invalid date: {e}"))),
        }
    }
}

impl<'de> Deserialize<'de> for PDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PDate, D::Error> {
        // Read in place: a date is parsed, never kept as text.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<PDate, E> {
                Ok(PDate::parse(s).unwrap_or_else(PDate::Invalid))
            }
        }
        if d.is_human_readable() {
            return d.deserialize_str(Visitor);
        }
        let (tag, year, month, day) = <(u8, i32, u8, u8)>::deserialize(d)?;
        let prec = *PRECISIONS
            .get(usize::from(tag))
            .ok_or_else(|| serde::de::Error::custom(format!("bad date precision {tag}")))?;
        let start = Day::new(year, month, day).map_err(serde::de::Error::custom)?;
        Ok(PDate::Valid { start, prec })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PDate {
        PDate::parse(s).unwrap()
    }

    #[test]
    fn binary_formats_carry_dates_as_numbers_and_text_formats_as_written() {
        for s in [
            "2024-12-10",
            "2025-07",
            "2025-Q3",
            "2026-H1",
            "end-2025",
            "2027",
        ] {
            let d = p(s);
            let bytes = postcard::to_allocvec(&d).unwrap();
            assert!(bytes.len() <= 5, "{s}: {bytes:?}");
            assert_eq!(postcard::from_bytes::<PDate>(&bytes).unwrap(), d, "{s}");
            assert_eq!(ron::to_string(&d).unwrap(), format!("{s:?}"));
        }
        assert!(postcard::to_allocvec(&PDate::Invalid(DateError::Syntax)).is_err());
        // A precision tag or a day out of range is an error, not a date.
        let mut bytes = postcard::to_allocvec(&p("2025-02-28")).unwrap();
        *bytes.last_mut().unwrap() = 30;
        assert!(postcard::from_bytes::<PDate>(&bytes).is_err());
        bytes[0] = 9;
        *bytes.last_mut().unwrap() = 1;
        assert!(postcard::from_bytes::<PDate>(&bytes).is_err());
    }

    #[test]
    fn parses_every_precision_and_round_trips() {
        for s in [
            "2024-12-10",
            "2025-07",
            "2025-Q3",
            "2026-H1",
            "end-2025",
            "2027",
        ] {
            assert_eq!(p(s).iso(), s);
        }
    }

    #[test]
    fn spans_cover_the_right_days() {
        let h1 = p("2026-H1");
        assert_eq!(h1.start().to_string(), "2026-01-01");
        assert_eq!(h1.end().to_string(), "2026-06-30");
        assert_eq!(h1.months(), 6);
        assert_eq!(p("2025-Q4").end().to_string(), "2025-12-31");
        assert_eq!(p("end-2025").start().to_string(), "2025-10-01");
        assert_eq!(p("2024-02").end().to_string(), "2024-02-29");
        assert_eq!(p("2025-02").end().to_string(), "2025-02-28");
        assert_eq!(p("2027").end().to_string(), "2027-12-31");
        assert!(p("2025-07").contains("2025-07-31".parse().unwrap()));
        assert!(!p("2025-07").contains("2025-08-01".parse().unwrap()));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(
            PDate::parse("2025-02-30"),
            Err(DateError::Day {
                year: 2025,
                month: 2,
                day: 30
            })
        );
        assert!(PDate::parse("2024-02-29").is_ok());
        assert_eq!(PDate::parse("2025-Q5"), Err(DateError::Quarter(5)));
        assert_eq!(PDate::parse("2025-H3"), Err(DateError::Half(3)));
        assert_eq!(PDate::parse("2025-13"), Err(DateError::Month(13)));
        for bad in [
            "",
            "soon",
            "2025-7",
            "25-07-01",
            "2025-07-01-01",
            "end-25",
            "2025/07",
        ] {
            assert_eq!(PDate::parse(bad), Err(DateError::Syntax), "{bad}");
        }
        assert!(
            PDate::parse("2025-02-30")
                .unwrap_err()
                .to_string()
                .contains("February 2025")
        );
    }

    #[test]
    fn orders_chronologically_then_by_precision() {
        let mut v = [
            p("2025"),
            p("2025-H1"),
            p("2024-12-10"),
            p("2025-01"),
            p("2025-03-26"),
        ];
        v.sort();
        let s: Vec<String> = v.iter().map(|d| d.iso()).collect();
        assert_eq!(
            s,
            ["2024-12-10", "2025-01", "2025-H1", "2025", "2025-03-26"]
        );
    }

    #[test]
    fn prints_for_humans_in_both_languages() {
        assert_eq!(p("2024-12-10").human(false), "10 Dec 2024");
        assert_eq!(p("2024-12-10").human(true), "10 déc 2024");
        assert_eq!(p("2026-H1").human(false), "H1 2026");
        assert_eq!(p("2026-H1").human(true), "S1 2026");
        assert_eq!(p("end-2025").human(true), "fin 2025");
    }

    #[test]
    fn invalid_strings_deserialize_for_later_reporting() {
        let d: PDate = ron::from_str("\"2025-02-30\"").unwrap();
        assert!(!d.is_valid());
        let d: PDate = ron::from_str("\"2025-H1\"").unwrap();
        assert_eq!(d.precision(), Precision::Half);
    }
}
