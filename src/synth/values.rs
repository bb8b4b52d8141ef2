//! Small value builders: bilingual texts, dates at a precision, random precisions and
//! certainties, and kebab-case slugs.

use super::Rng;
use crate::data::model::{Certainty, Text};
use crate::data::{Day, IStr, PDate, Precision};

pub(super) fn text(en: impl Into<IStr>, fr: impl Into<IStr>) -> Text {
    Text {
        en: en.into(),
        fr: fr.into(),
    }
}

pub(super) fn valid_day(y: i32, m: u8, d: u8) -> PDate {
    PDate::Valid {
        start: Day {
            year: y,
            month: m,
            day: d,
        },
        prec: Precision::Day,
    }
}

/// A date at `month_index` (months since year 0) with the given precision.
pub(super) fn date_at(month_index: i32, prec: Precision, day: u8) -> PDate {
    let year = month_index.div_euclid(12).clamp(1900, 2100);
    let month = (month_index.rem_euclid(12) + 1) as u8;
    let start = |m: u8, d: u8| Day {
        year,
        month: m,
        day: d,
    };
    let s = match prec {
        // Day 1..=28 exists in every month.
        Precision::Day => start(month, day.clamp(1, 28)),
        Precision::Month => start(month, 1),
        Precision::Quarter => start((month - 1) / 3 * 3 + 1, 1),
        Precision::Half => start((month - 1) / 6 * 6 + 1, 1),
        Precision::EndOfYear => start(10, 1),
        Precision::Year => start(1, 1),
    };
    PDate::Valid { start: s, prec }
}

pub(super) fn random_precision(rng: &mut Rng) -> Precision {
    match rng.below(100) {
        0..40 => Precision::Day,
        40..65 => Precision::Month,
        65..77 => Precision::Quarter,
        77..87 => Precision::Half,
        87..92 => Precision::EndOfYear,
        _ => Precision::Year,
    }
}

pub(super) fn random_certainty(rng: &mut Rng) -> Certainty {
    match rng.below(100) {
        0..85 => Certainty::Confirmed,
        85..97 => Certainty::Unconfirmed,
        _ => Certainty::Conflicting,
    }
}

/// Lower-case kebab-case from any name (accents folded).
pub(super) fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
