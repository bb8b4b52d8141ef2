//! `aifactories timeline`: milestones in date order, grouped by month, with their status
//! relative to `--today`, and a "plan vs reality" section when the range holds a plan.
//!
//! Table form: a header, then for each group a heading line (`── July 2025 ──`) and its rows
//! (date, factory, kind, status, title). Day and month dates are grouped by month; quarters,
//! halves, end-of-year and years get their own heading with the months they cover
//! (`── H1 2025 (January–June) ──`), placed before the month they start in.
//!
//! JSON form: an array, one object per milestone, in date order. Field names are a public
//! interface (add, never rename):
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `id` | string or null | milestone id (plans have one) |
//! | `date` | string | as in the data: `2025-03-26`, `2025-07`, `2025-Q1`, `2025-H1`, `end-2025`, `2025` |
//! | `precision` | string | `day`, `month`, `quarter`, `half`, `end-of-year`, `year` |
//! | `start`, `end` | string | first and last day covered (`YYYY-MM-DD`) |
//! | `kind` | string | `policy`, `call`, `selection`, `agreement`, `procurement`, `contract`, `installation`, `launch`, `operation`, `other` |
//! | `factory` | string or null | owning factory id; null for programme milestones |
//! | `factories` | [string] | factories a programme milestone names (empty for a factory's own) |
//! | `title` | string | in the `--lang` language |
//! | `status` | string | `done`, `ongoing` or `upcoming` relative to `--today` |
//! | `slipped` | bool | later than first announced |
//! | `first_announced` | string or null | the date first announced, when it moved |
//! | `planned` | bool | an announced plan, not an event |
//! | `certainty` | string | `confirmed`, `unconfirmed`, `conflicting` |
//! | `answers` | string or null | id of the plan this event answers |
//! | `timing` | string or null | for an answer: `on-time`, `late` or `unclear` |
//! | `months_late` | number or null | for a late answer: months after the plan's window |
//! | `sources` | [string] | source ids |

use std::io::Write;

use serde::Serialize;

use super::args::{TableJson, TimelineArgs};
use super::{Ctx, EXIT_OK, Failure};
use crate::data::date;
use crate::data::{Catalog, Certainty, Day, IStr, Kind, Lang, PDate, Precision};
use crate::i18n::Msg;
use crate::text;
use crate::timeline::{Timeline, TimelineQuery, Timing, month_name};

pub fn run(ctx: &Ctx, a: &TimelineArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let cat = &ctx.cat;
    let q = query_from_args(cat, a)?;
    let tl = Timeline::new(cat);
    let rows = tl.query(&q);
    match a.format {
        TableJson::Json => write_json(ctx, &tl, &rows, out)?,
        TableJson::Table => write_table(ctx, &tl, &q, &rows, out)?,
    }
    Ok(EXIT_OK)
}

/// Turn the arguments into a query; every bad value is bad input (exit 2).
fn query_from_args(cat: &Catalog, a: &TimelineArgs) -> Result<TimelineQuery, Failure> {
    let mut q = match a.year {
        Some(y) => {
            PDate::year(y).map_err(|e| Failure::bad_input(e.to_string()))?;
            TimelineQuery::year(y)
        }
        None => TimelineQuery::range(a.from, a.to),
    };
    if let (Some(f), Some(t)) = (a.from, a.to)
        && f.start() > t.end()
    {
        return Err(Failure::bad_input(format!(
            "--from {} is after --to {}",
            f.iso(),
            t.iso()
        )));
    }
    if let Some(f) = &a.factory {
        q.factory = Some(super::resolve_factory(cat, f)?);
    }
    if let Some(k) = &a.kind {
        q.kind = Some(Kind::parse(k).ok_or_else(|| {
            let keys: Vec<&str> = Kind::ALL.iter().map(|k| k.key()).collect();
            Failure::bad_input(format!(
                "unknown kind `{}`; kinds: {} (also `tender` for procurement, `inauguration` for launch)",
                text::sanitize(k),
                keys.join(", ")
            ))
        })?);
    }
    Ok(q)
}

fn factory_label<'a>(cat: &'a Catalog, tl: &Timeline, i: usize) -> &'a str {
    match tl.entries()[i].factory() {
        Some(f) => cat.factories()[f].name.as_str(),
        None => "programme",
    }
}

/// How rows are grouped: by month for day and month dates, by their own span otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Span(PDate),
    Month(i32, u8),
}

impl Group {
    fn of(d: PDate) -> Group {
        match d.precision() {
            Precision::Day | Precision::Month => Group::Month(d.start().year, d.start().month),
            _ => Group::Span(d),
        }
    }

    fn heading(self, lang: Lang) -> String {
        let names = |m: u8| date::month_name(m, lang);
        let label = match self {
            Group::Month(y, m) => month_name(y, m, lang),
            Group::Span(d) if d.precision() == Precision::Year => {
                Msg::WholeYear.fill(lang, &[&d.human(lang.is_fr())])
            }
            Group::Span(d) => format!(
                "{} ({}–{})",
                d.human(lang.is_fr()),
                names(d.start().month),
                names(d.end().month)
            ),
        };
        format!("── {label} ──")
    }
}

fn write_table(
    ctx: &Ctx,
    tl: &Timeline,
    q: &TimelineQuery,
    rows: &[usize],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let cat = &ctx.cat;
    let lang = ctx.lang;
    let fr = lang.is_fr();
    if rows.is_empty() {
        writeln!(out, "{}", Msg::NoMilestonesInRange.text(lang))?;
        return Ok(());
    }

    // Spans first within the month they start in, so that a plan's window heads the events.
    let mut order: Vec<usize> = rows.to_vec();
    order.sort_by_key(|&i| {
        let e = &tl.entries()[i];
        (
            e.start().month_index(),
            matches!(Group::of(e.date()), Group::Month(..)),
        )
    });

    let cells: Vec<[String; 5]> = order
        .iter()
        .map(|&i| {
            let e = &tl.entries()[i];
            let m = tl.milestone(cat, i);
            [
                e.date().human(fr),
                factory_label(cat, tl, i).to_string(),
                e.kind().label(lang).to_string(),
                e.status(ctx.today).text(lang, m.first_announced),
                m.title.get(lang).to_string(),
            ]
            .map(|c| text::sanitize(&c).into_owned())
        })
        .collect();
    let header: [&str; 5] = [
        Msg::ColDate,
        Msg::Factory,
        Msg::ColKind,
        Msg::ColStatus,
        Msg::ColTitle,
    ]
    .map(|m| m.text(lang));
    let mut widths = header.map(text::width);
    for r in &cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(text::width(c));
        }
    }
    let line = |cells: &[&str]| -> String {
        let mut s = String::from("  ");
        for (k, c) in cells.iter().enumerate() {
            if k + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&text::fit(c, widths[k]));
                s.push_str("  ");
            }
        }
        s.trim_end().to_string()
    };
    let head = line(&header);
    if ctx.color {
        writeln!(out, "\x1b[1m{head}\x1b[0m")?;
    } else {
        writeln!(out, "{head}")?;
    }
    let mut current: Option<Group> = None;
    for (&i, r) in order.iter().zip(&cells) {
        let g = Group::of(tl.entries()[i].date());
        if current != Some(g) {
            writeln!(out, "{}", g.heading(lang))?;
            current = Some(g);
        }
        let refs: Vec<&str> = r.iter().map(String::as_str).collect();
        writeln!(out, "{}", line(&refs))?;
    }

    write_plans(ctx, tl, q, out)?;

    let n = rows.len();
    let total = if n == 1 {
        Msg::MilestonesOne
    } else {
        Msg::MilestonesMany
    };
    writeln!(
        out,
        "\n{}",
        total.fill(lang, &[&n.to_string(), &ctx.today.to_string()])
    )?;
    Ok(())
}

/// The "plan vs reality" section: each plan, then the events answering it with their
/// timing, then the factories it names that never answered.
fn write_plans(
    ctx: &Ctx,
    tl: &Timeline,
    q: &TimelineQuery,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let cat = &ctx.cat;
    let lang = ctx.lang;
    let fr = lang.is_fr();
    let reports = tl.plan_report(q);
    if reports.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let title = Msg::PlanVsReality.text(lang);
    if ctx.color {
        writeln!(out, "\x1b[1m{title}\x1b[0m")?;
    } else {
        writeln!(out, "{title}")?;
    }
    for r in &reports {
        let plan = &tl.entries()[r.plan];
        let m = tl.milestone(cat, r.plan);
        let doubt = match plan.certainty() {
            Certainty::Confirmed => "",
            Certainty::Unconfirmed => Msg::PlanUnconfirmed.text(lang),
            Certainty::Conflicting => Msg::PlanConflicting.text(lang),
        };
        writeln!(
            out,
            "  {}  {}{doubt}",
            plan.date().human(fr),
            text::sanitize(m.title.get(lang)),
        )?;
        let lines: Vec<[String; 4]> = r
            .answers
            .iter()
            .map(|a| {
                let e = &tl.entries()[a.entry];
                [
                    e.date().human(fr),
                    factory_label(cat, tl, a.entry).to_string(),
                    e.kind().label(lang).to_string(),
                    a.timing.text(lang),
                ]
                .map(|c| text::sanitize(&c).into_owned())
            })
            .collect();
        let mut w = [0usize; 3];
        for l in &lines {
            for k in 0..3 {
                w[k] = w[k].max(text::width(&l[k]));
            }
        }
        for l in &lines {
            writeln!(
                out,
                "    {}  {}  {}  {}",
                text::fit(&l[0], w[0]),
                text::fit(&l[1], w[1]),
                text::fit(&l[2], w[2]),
                l[3]
            )?;
        }
        if r.answers.is_empty() {
            writeln!(out, "    {}", Msg::NoAnsweringEvent.text(lang))?;
        }
        if !r.missing.is_empty() {
            let names: Vec<String> = r
                .missing
                .iter()
                .map(|&f| text::sanitize(&cat.factories()[f].name).into_owned())
                .collect();
            writeln!(
                out,
                "    {}",
                Msg::NoEventYet.fill(lang, &[&names.join(", ")])
            )?;
        }
        let (on_time, late) = (r.on_time(), r.late());
        let unclear = r.answers.len() - on_time - late;
        if !r.answers.is_empty() {
            let mut tally =
                Msg::TallyOnTimeLate.fill(lang, &[&on_time.to_string(), &late.to_string()]);
            if unclear > 0 {
                tally.push_str(&Msg::TallyUnclear.fill(lang, &[&unclear.to_string()]));
            }
            writeln!(out, "    {tally}")?;
        }
    }
    Ok(())
}

/// One milestone in the JSON output (see the module documentation).
#[derive(Debug, Serialize)]
struct JsonEntry<'a> {
    id: Option<&'a str>,
    date: String,
    precision: &'static str,
    start: String,
    end: String,
    kind: &'static str,
    factory: Option<&'a str>,
    factories: Vec<&'a str>,
    title: &'a str,
    status: &'static str,
    slipped: bool,
    first_announced: Option<String>,
    planned: bool,
    certainty: &'static str,
    answers: Option<&'a str>,
    timing: Option<&'static str>,
    months_late: Option<u32>,
    sources: &'a [IStr],
}

fn write_json(
    ctx: &Ctx,
    tl: &Timeline,
    rows: &[usize],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let cat = &ctx.cat;
    let items: Vec<JsonEntry> = rows
        .iter()
        .map(|&i| json_entry(cat, tl, i, ctx.today, ctx.lang))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items)
        .map_err(|e| Failure::runtime(format!("cannot write output: {e}")))?;
    writeln!(out)?;
    Ok(())
}

fn json_entry<'a>(
    cat: &'a Catalog,
    tl: &Timeline,
    i: usize,
    today: Day,
    lang: Lang,
) -> JsonEntry<'a> {
    let e = &tl.entries()[i];
    let m = tl.milestone(cat, i);
    let timing = e.answers().map(|p| Timing::of(e, &tl.entries()[p]));
    JsonEntry {
        id: m.id.as_deref(),
        date: e.date().iso(),
        precision: e.precision().as_str(),
        start: e.start().to_string(),
        end: e.end().to_string(),
        kind: e.kind().key(),
        factory: e.factory().map(|f| cat.factories()[f].id.as_str()),
        factories: m.factories.iter().map(IStr::as_str).collect(),
        title: m.title.get(lang),
        status: e.status(today).when.key(),
        slipped: e.slipped(),
        first_announced: m.first_announced.map(|d| d.iso()),
        planned: e.planned(),
        certainty: e.certainty().as_str(),
        answers: m.answers.as_deref(),
        timing: timing.map(|t| match t {
            Timing::OnTime => "on-time",
            Timing::Late { .. } => "late",
            Timing::Unclear => "unclear",
        }),
        months_late: match timing {
            Some(Timing::Late { months }) => Some(months),
            _ => None,
        },
        sources: &m.sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::catalog;

    fn ctx(lang: Lang) -> Ctx {
        Ctx {
            cat: catalog(),
            lang,
            today: "2026-11-24".parse().unwrap(),
            color: false,
        }
    }

    fn args() -> TimelineArgs {
        TimelineArgs {
            year: None,
            from: None,
            to: None,
            factory: None,
            kind: None,
            format: TableJson::Table,
        }
    }

    fn run_str(ctx: &Ctx, a: &TimelineArgs) -> Result<String, Failure> {
        let mut out = Vec::new();
        let code = run(ctx, a, &mut out)?;
        assert_eq!(code, EXIT_OK);
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn year_table_tells_the_story_of_the_plans() {
        let c = ctx(Lang::En);
        let s = run_str(
            &c,
            &TimelineArgs {
                year: Some(2025),
                ..args()
            },
        )
        .unwrap();
        let pos = |needle: &str| s.find(needle).unwrap_or_else(|| panic!("{needle} in\n{s}"));
        // Plans' windows first, then the months.
        assert!(pos("── Q1 2025 (January–March) ──") < pos("── H1 2025 (January–June) ──"));
        assert!(pos("── H1 2025 (January–June) ──") < pos("── March 2025 ──"));
        assert!(pos("── March 2025 ──") < pos("Contract 2025-03-26"));
        assert!(pos("── July 2025 ──") < pos("Procurement 2025-07"));
        assert!(pos("── end 2025 (October–December) ──") < pos("Contract end-2025"));
        assert!(s.contains("plan (past), unconfirmed ?"));
        assert!(pos("Plan vs reality") > pos("Contract end-2025"));
        assert!(s.contains("1 month late"), "{s}");
        assert!(s.contains("4 months late"), "{s}");
        assert!(s.contains("no event yet: BSC AIF"), "{s}");
        assert!(s.contains("6 milestones, status as of 2026-11-24"), "{s}");
        // No 2024 or 2026 rows.
        assert!(!s.contains("2024-12-10") && !s.contains("Operation"), "{s}");
    }

    #[test]
    fn french_headings_and_statuses() {
        let c = ctx(Lang::Fr);
        let s = run_str(
            &c,
            &TimelineArgs {
                year: Some(2025),
                ..args()
            },
        )
        .unwrap();
        assert!(s.contains("── juillet 2025 ──"), "{s}");
        assert!(s.contains("── S1 2025 (janvier–juin) ──"), "{s}");
        assert!(s.contains("prévu (passé), non confirmé ?"), "{s}");
        assert!(s.contains("Prévu et réalisé"), "{s}");
    }

    #[test]
    fn empty_range_says_so_and_succeeds() {
        let c = ctx(Lang::En);
        let s = run_str(
            &c,
            &TimelineArgs {
                year: Some(2030),
                ..args()
            },
        )
        .unwrap();
        assert_eq!(s, "no milestones in that range\n");
        let mut a = args();
        a.year = Some(2030);
        a.format = TableJson::Json;
        assert_eq!(run_str(&c, &a).unwrap().trim(), "[]");
    }

    #[test]
    fn bad_input_is_exit_2() {
        let c = ctx(Lang::En);
        let e = run_str(
            &c,
            &TimelineArgs {
                kind: Some("bogus".into()),
                ..args()
            },
        )
        .unwrap_err();
        assert_eq!(e.code, super::super::EXIT_BAD_INPUT);
        assert!(e.message.contains("procurement"), "{}", e.message);
        let e = run_str(
            &c,
            &TimelineArgs {
                from: PDate::parse("2026").ok(),
                to: PDate::parse("2025").ok(),
                ..args()
            },
        )
        .unwrap_err();
        assert_eq!(e.code, super::super::EXIT_BAD_INPUT);
        let e = run_str(
            &c,
            &TimelineArgs {
                factory: Some("nowhere".into()),
                ..args()
            },
        )
        .unwrap_err();
        assert_eq!(e.code, super::super::EXIT_BAD_INPUT);
        let e = run_str(
            &c,
            &TimelineArgs {
                year: Some(99999),
                ..args()
            },
        )
        .unwrap_err();
        assert_eq!(e.code, super::super::EXIT_BAD_INPUT);
    }

    #[test]
    fn json_has_the_documented_fields() {
        let c = ctx(Lang::En);
        let s = run_str(
            &c,
            &TimelineArgs {
                factory: Some("Pharos".into()),
                kind: Some("tender".into()),
                format: TableJson::Json,
                ..args()
            },
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let items = v.as_array().unwrap();
        // The programme's H1 plan names Pharos; Pharos has no tender of its own.
        assert_eq!(items.len(), 1, "{s}");
        let it = &items[0];
        assert_eq!(it["id"], "plan-procurement-h1-2025");
        assert_eq!(it["precision"], "half");
        assert_eq!(it["start"], "2025-01-01");
        assert_eq!(it["end"], "2025-06-30");
        assert_eq!(it["factory"], serde_json::Value::Null);
        assert_eq!(it["planned"], true);
        assert_eq!(it["certainty"], "unconfirmed");
        assert_eq!(it["status"], "done");

        let mut a = args();
        a.format = TableJson::Json;
        a.kind = Some("operation".into());
        let s = run_str(&c, &a).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let op = &v[0];
        assert_eq!(op["factory"], "pharos");
        assert_eq!(op["slipped"], true);
        assert_eq!(op["first_announced"], "2026-Q2");
        assert_eq!(op["status"], "ongoing");
        assert_eq!(op["sources"][0], "s1");

        a.kind = Some("procurement".into());
        let s = run_str(&c, &a).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let late = v
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["factory"] == "bsc")
            .unwrap();
        assert_eq!(late["answers"], "plan-procurement-h1-2025");
        assert_eq!(late["timing"], "late");
        assert_eq!(late["months_late"], 1);
    }
}
