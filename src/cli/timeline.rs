//! `aifactories timeline`: milestones in date order, grouped by month, with their status
//! relative to `--today`, and a "plan vs reality" section when the range holds a plan.
//!
//! Table form: a header, then for each group a heading line (`── July 2025 ──`) and its rows
//! (date, factory, kind, status, title). Day and month dates are grouped by month; quarters,
//! halves, end-of-year and years get their own heading with the months they cover
//! (`── H1 2025 (January–June) ──`), placed before the month they start in.
//!
//! Every row says where it stands against its plan (`Against plan`): an event answering a
//! plan, its timing with a mark (`✓ on time`, `« 2 months early`, `! 6 months late`, `~`
//! maybe late); a plan, its status's mark and the count of each outcome among the factories
//! it names (`✗ 1 on time, 4 late, 3 overdue`). `--late` keeps the late events and the
//! overdue plans.
//!
//! CSV form: one table, one record per milestone, with the JSON's fields as columns (lists
//! joined with `;`).
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
//! | `status` | string | an event: `done`, `ongoing` or `upcoming` relative to `--today`; a plan (never `done`): `open`, `met`, `late` or `overdue` |
//! | `plan_status` | string or null | a plan's status (as `status`); null for an event |
//! | `overdue` | [string] | a plan's factories with no answering event by `--today` after its window |
//! | `slipped` | bool | later than first announced |
//! | `first_announced` | string or null | the date first announced, when it moved |
//! | `planned` | bool | an announced plan, not an event |
//! | `certainty` | string | `confirmed`, `unconfirmed`, `conflicting` |
//! | `answers` | string or null | id of the plan this event answers |
//! | `timing` | string or null | for an answer: `early`, `on-time`, `late` or `unclear` |
//! | `months_late` | number or null | for a late answer: months after the plan's window |
//! | `months_early` | number or null | for an early answer: months before the plan's window |
//! | `sources` | [string] | source ids |

use std::io::Write;

use serde::Serialize;

use super::args::{ListFormat, TimelineArgs};
use super::table::Table;
use super::{Ctx, EXIT_OK, Failure};
use crate::data::date;
use crate::data::{Catalog, Certainty, Day, IStr, Kind, Lang, PDate, Precision};
use crate::i18n::Msg;
use crate::text;
use crate::timeline::{Outcome, PlanStatus, Timeline, TimelineQuery, Timing, month_name};

pub fn run(ctx: &Ctx, a: &TimelineArgs, out: &mut dyn Write) -> Result<u8, Failure> {
    let cat = &ctx.cat;
    let q = query_from_args(cat, a)?;
    let tl = Timeline::new(cat);
    let mut rows = tl.query(&q);
    if a.late {
        rows.retain(|&i| is_late(&tl, i, ctx.today));
    }
    match a.format {
        ListFormat::Json => write_json(ctx, &tl, &rows, out)?,
        ListFormat::Csv => write_csv(ctx, &tl, &rows, out)?,
        ListFormat::Table if a.late && rows.is_empty() => {
            writeln!(out, "{}", Msg::NoLateMilestones.text(ctx.lang))?;
        }
        ListFormat::Table => write_table(ctx, &tl, &q, &rows, out)?,
    }
    Ok(EXIT_OK)
}

/// What `--late` keeps: an event after its plan's window, a plan overdue on `today`.
fn is_late(tl: &Timeline, i: usize, today: Day) -> bool {
    let Some(e) = tl.entry(i) else { return false };
    match e.answers() {
        Some(p) => matches!(Timing::of(e, &tl.entries()[p]), Timing::Late { .. }),
        None => tl.plan_status(i, today) == Some(PlanStatus::Overdue),
    }
}

/// Each factory's outcome for plan entry `p` on `today`, only `factory`'s when given.
fn outcomes(tl: &Timeline, p: usize, today: Day, factory: Option<usize>) -> Vec<(usize, Outcome)> {
    let mut all = tl.outcomes(p, today);
    all.retain(|&(f, _)| factory.is_none_or(|q| q == f));
    all
}

/// The `Against plan` cell: an answer's timing with its mark and plan, a plan's status mark
/// and its outcomes counted, empty for an event answering nothing.
fn against_plan(tl: &Timeline, i: usize, today: Day, lang: Lang) -> String {
    let Some(e) = tl.entry(i) else {
        return String::new();
    };
    if let Some(p) = e.answers() {
        let plan = &tl.entries()[p];
        let t = Timing::of(e, plan);
        return format!(
            "{} {}{}",
            t.mark(),
            t.text(lang),
            Msg::PlanOf.fill(lang, &[&plan.date().human(lang.is_fr())])
        );
    }
    let Some(ps) = tl.plan_status(i, today) else {
        return String::new();
    };
    format!("{} {}", ps.mark(), outcome_counts(tl, i, today, lang))
}

/// `1 on time, 4 late, 3 overdue`: the factories a plan names, by outcome; the plan's own
/// status word when it names none.
fn outcome_counts(tl: &Timeline, p: usize, today: Day, lang: Lang) -> String {
    if tl.concerned(p).next().is_none() {
        return tl
            .plan_status(p, today)
            .map_or(String::new(), |ps| ps.text(lang).to_string());
    }
    tl.tally(p, today).text(lang)
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

    let cells: Vec<[String; 6]> = order
        .iter()
        .map(|&i| {
            let e = &tl.entries()[i];
            let m = tl.milestone(cat, i);
            let status = tl.status(i, ctx.today).unwrap_or(e.status(ctx.today));
            [
                e.date().human(fr),
                factory_label(cat, tl, i).to_string(),
                e.kind().label(lang).to_string(),
                status.text(lang, m.first_announced),
                against_plan(tl, i, ctx.today, lang),
                m.title.get(lang).to_string(),
            ]
            .map(|c| text::sanitize(&c).into_owned())
        })
        .collect();
    let header: [&str; 6] = [
        Msg::ColDate,
        Msg::Factory,
        Msg::ColKind,
        Msg::ColStatus,
        Msg::ColAgainstPlan,
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
        let ps = tl
            .plan_status(r.plan, ctx.today)
            .unwrap_or(PlanStatus::Open);
        writeln!(
            out,
            "  {}  {} {}  {}{doubt}",
            plan.date().human(fr),
            ps.mark(),
            ps.text(lang),
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
                    format!("{} {}", a.timing.mark(), a.timing.text(lang)),
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
        let unanswered = outcomes(tl, r.plan, ctx.today, q.factory);
        for (want, msg) in [
            (Outcome::Overdue, Msg::OverdueNoNewsFor),
            (Outcome::Open, Msg::OpenNoEventFor),
        ] {
            let names: Vec<String> = unanswered
                .iter()
                .filter(|(_, o)| *o == want)
                .map(|&(f, _)| text::sanitize(&cat.factories()[f].name).into_owned())
                .collect();
            if !names.is_empty() {
                let mark = if want == Outcome::Overdue {
                    PlanStatus::Overdue.mark()
                } else {
                    PlanStatus::Open.mark()
                };
                writeln!(out, "    {mark} {}", msg.fill(lang, &[&names.join(", ")]))?;
            }
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
    plan_status: Option<&'static str>,
    overdue: Vec<&'a str>,
    slipped: bool,
    first_announced: Option<String>,
    planned: bool,
    certainty: &'static str,
    answers: Option<&'a str>,
    timing: Option<&'static str>,
    months_late: Option<u32>,
    months_early: Option<u32>,
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

/// One table: the JSON's fields as columns, lists joined with `;`.
fn write_csv(ctx: &Ctx, tl: &Timeline, rows: &[usize], out: &mut dyn Write) -> Result<(), Failure> {
    let mut t = Table::new([
        "id",
        "date",
        "precision",
        "start",
        "end",
        "kind",
        "factory",
        "factories",
        "title",
        "status",
        "plan_status",
        "overdue",
        "slipped",
        "first_announced",
        "planned",
        "certainty",
        "answers",
        "timing",
        "months_late",
        "months_early",
        "sources",
    ]);
    let num = |n: Option<u32>| n.map_or(String::new(), |n| n.to_string());
    for &i in rows {
        let j = json_entry(&ctx.cat, tl, i, ctx.today, ctx.lang);
        t.row([
            j.id.unwrap_or_default().to_string(),
            j.date,
            j.precision.to_string(),
            j.start,
            j.end,
            j.kind.to_string(),
            j.factory.unwrap_or_default().to_string(),
            j.factories.join(";"),
            j.title.to_string(),
            j.status.to_string(),
            j.plan_status.unwrap_or_default().to_string(),
            j.overdue.join(";"),
            j.slipped.to_string(),
            j.first_announced.unwrap_or_default(),
            j.planned.to_string(),
            j.certainty.to_string(),
            j.answers.unwrap_or_default().to_string(),
            j.timing.unwrap_or_default().to_string(),
            num(j.months_late),
            num(j.months_early),
            j.sources
                .iter()
                .map(IStr::as_str)
                .collect::<Vec<_>>()
                .join(";"),
        ]);
    }
    t.write_csv(out)?;
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
    let status = tl.status(i, today).unwrap_or(e.status(today));
    let overdue = if e.planned() {
        outcomes(tl, i, today, None)
            .into_iter()
            .filter(|(_, o)| *o == Outcome::Overdue)
            .map(|(f, _)| cat.factories()[f].id.as_str())
            .collect()
    } else {
        Vec::new()
    };
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
        status: status.key(),
        plan_status: status.plan.map(PlanStatus::key),
        overdue,
        slipped: e.slipped(),
        first_announced: m.first_announced.map(|d| d.iso()),
        planned: e.planned(),
        certainty: e.certainty().as_str(),
        answers: m.answers.as_deref(),
        timing: timing.map(Timing::key),
        months_late: match timing {
            Some(Timing::Late { months }) => Some(months),
            _ => None,
        },
        months_early: match timing {
            Some(Timing::Early { months }) => Some(months),
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
            late: false,
            format: ListFormat::Table,
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
        assert!(s.contains("plan, late, unconfirmed ?"), "{s}");
        assert!(s.contains("plan, overdue, unconfirmed ?"), "{s}");
        // Lateness in each row that answers a plan, with its mark.
        assert!(s.contains("! 1 month late (plan H1 2025)"), "{s}");
        assert!(s.contains("✓ on time (plan H1 2025)"), "{s}");
        assert!(s.contains("✗ 1 on time, 1 overdue"), "{s}");
        assert!(pos("Plan vs reality") > pos("Contract end-2025"));
        assert!(s.contains("1 month late"), "{s}");
        assert!(s.contains("4 months late"), "{s}");
        assert!(s.contains("✗ overdue, no news: BSC AIF"), "{s}");
        assert!(!s.contains("not yet") && !s.contains("no event yet"), "{s}");
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
        assert!(s.contains("prévu, en retard, non confirmé ?"), "{s}");
        assert!(s.contains("dépassé, sans nouvelles\u{a0}: BSC AIF"), "{s}");
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
        a.format = ListFormat::Json;
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
                format: ListFormat::Json,
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
        // A plan is never done.
        assert_eq!(it["status"], "late");
        assert_eq!(it["plan_status"], "late");

        let mut a = args();
        a.format = ListFormat::Json;
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

    fn with_today(today: &str) -> Ctx {
        Ctx {
            today: today.parse().unwrap(),
            ..ctx(Lang::En)
        }
    }

    fn json_at(today: &str, a: &TimelineArgs) -> Vec<serde_json::Value> {
        let s = run_str(&with_today(today), a).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        v.as_array().unwrap().clone()
    }

    fn by_id<'v>(items: &'v [serde_json::Value], id: &str) -> &'v serde_json::Value {
        items.iter().find(|x| x["id"] == id).unwrap()
    }

    #[test]
    fn json_plan_statuses_before_inside_and_after_the_window() {
        let a = TimelineArgs {
            format: ListFormat::Json,
            ..args()
        };
        // Before H1 2025: open, nobody overdue.
        let before = json_at("2024-12-20", &a);
        let h1 = by_id(&before, "plan-procurement-h1-2025");
        assert_eq!(h1["status"], "open");
        assert_eq!(h1["plan_status"], "open");
        assert_eq!(h1["overdue"], serde_json::json!([]));
        // Inside: still open though Pharos answered.
        let inside = json_at("2025-04-15", &a);
        assert_eq!(by_id(&inside, "plan-procurement-h1-2025")["status"], "open");
        // The agreements plan (Q1) is past by then, BSC silent: overdue.
        let q1 = by_id(&inside, "plan-agreements-early-2025");
        assert_eq!(q1["status"], "overdue");
        assert_eq!(q1["overdue"], serde_json::json!(["bsc"]));
        // Just after the window, BSC silent: overdue; once its July tender is out: late.
        let after = json_at("2025-07-01", &a);
        let h1 = by_id(&after, "plan-procurement-h1-2025");
        assert_eq!(h1["status"], "late");
        let just_after = json_at("2025-06-30", &a);
        assert_eq!(
            by_id(&just_after, "plan-procurement-h1-2025")["status"],
            "open"
        );
        // No plan is ever done, at any date; events keep done / ongoing / upcoming.
        for today in ["2024-12-20", "2025-04-15", "2025-07-01", "2030-01-01"] {
            for it in json_at(today, &a) {
                let st = it["status"].as_str().unwrap();
                if it["planned"] == true {
                    assert!(["open", "met", "late", "overdue"].contains(&st), "{it}");
                    assert_eq!(it["plan_status"], it["status"]);
                } else {
                    assert!(["done", "ongoing", "upcoming"].contains(&st), "{it}");
                    assert!(it["plan_status"].is_null());
                }
            }
        }
        // An answering event's timing does not depend on today.
        let bsc = after
            .iter()
            .find(|x| x["factory"] == "bsc" && x["kind"] == "procurement")
            .unwrap();
        assert_eq!(bsc["timing"], "late");
        assert_eq!(bsc["months_late"], 1);
        assert!(bsc["months_early"].is_null());
    }

    #[test]
    fn csv_is_one_table_with_the_statuses() {
        let a = TimelineArgs {
            format: ListFormat::Csv,
            ..args()
        };
        let at = |today: &str| run_str(&with_today(today), &a).unwrap();
        let s = at("2025-04-15");
        let lines: Vec<&str> = s.lines().collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        assert_eq!(header[0], "id");
        // One table: every record has the header's columns, no section, no blank line.
        assert!(lines.iter().all(|l| !l.is_empty() && !l.starts_with("──")));
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let row = |s: &str, id: &str| -> Vec<String> {
            s.lines()
                .find(|l| l.starts_with(id))
                .unwrap()
                .split(',')
                .map(str::to_string)
                .collect()
        };
        let h1 = row(&s, "plan-procurement-h1-2025");
        assert_eq!(h1.len(), header.len());
        assert_eq!(h1[col("status")], "open");
        assert_eq!(
            row(&at("2024-12-01"), "plan-procurement-h1-2025")[col("status")],
            "open"
        );
        assert_eq!(
            row(&at("2026-01-01"), "plan-procurement-h1-2025")[col("status")],
            "late"
        );
        let q1 = row(&s, "plan-agreements-early-2025");
        assert_eq!(q1[col("status")], "overdue");
        assert_eq!(q1[col("overdue")], "bsc");
        assert_eq!(q1[col("factories")], "pharos;bsc");
    }

    #[test]
    fn late_keeps_late_events_and_overdue_plans() {
        let mut a = TimelineArgs {
            late: true,
            format: ListFormat::Json,
            ..args()
        };
        let items = json_at("2026-11-24", &a);
        for it in &items {
            assert!(it["timing"] == "late" || it["status"] == "overdue", "{it}");
        }
        assert!(
            items
                .iter()
                .any(|x| x["id"] == "plan-agreements-early-2025")
        );
        assert_eq!(
            items.iter().filter(|x| x["timing"] == "late").count(),
            2,
            "BSC's tender and contract"
        );
        // Before anything is due, nothing is late.
        let early = json_at("2024-12-01", &a);
        assert!(early.iter().all(|x| x["planned"] == false), "{early:?}");
        a.format = ListFormat::Table;
        let s = run_str(
            &with_today("2024-06-01"),
            &TimelineArgs {
                year: Some(2024),
                ..a
            },
        )
        .unwrap();
        assert_eq!(s.trim(), "nothing late or overdue in that range");
        let csv = run_str(
            &with_today("2026-11-24"),
            &TimelineArgs {
                late: true,
                format: ListFormat::Csv,
                ..args()
            },
        )
        .unwrap();
        assert_eq!(csv.lines().count(), items.len() + 1);
    }
}
