//! Tests of the timeline: order, statuses, queries and plan versus reality.

use super::entry::NONE;
use super::fixture::{catalog, catalog_text_with_factory_milestone};
use super::*;
use crate::data::{Catalog, Certainty, Day, Kind, Lang, PDate};

fn day(s: &str) -> Day {
    s.parse().unwrap()
}

fn p(s: &str) -> PDate {
    PDate::parse(s).unwrap()
}

fn find(tl: &Timeline, cat: &Catalog, title: &str) -> usize {
    (0..tl.len())
        .find(|&i| tl.milestone(cat, i).title.en == title)
        .unwrap_or_else(|| panic!("no entry {title}"))
}

fn status_at(date: &str, today: &str) -> When {
    status_entry(date).status(day(today)).when
}

#[test]
fn status_boundaries_for_every_precision() {
    use When::*;
    // (date, day before start, first day, day before last, last day, day after)
    let cases = [
        (
            "2025-03-26",
            "2025-03-25",
            "2025-03-26",
            None,
            "2025-03-26",
            "2025-03-27",
        ),
        (
            "2025-07",
            "2025-06-30",
            "2025-07-01",
            Some("2025-07-30"),
            "2025-07-31",
            "2025-08-01",
        ),
        (
            "2024-02",
            "2024-01-31",
            "2024-02-01",
            Some("2024-02-28"),
            "2024-02-29",
            "2024-03-01",
        ),
        (
            "2025-Q1",
            "2024-12-31",
            "2025-01-01",
            Some("2025-03-30"),
            "2025-03-31",
            "2025-04-01",
        ),
        (
            "2025-Q3",
            "2025-06-30",
            "2025-07-01",
            Some("2025-09-29"),
            "2025-09-30",
            "2025-10-01",
        ),
        (
            "2025-H1",
            "2024-12-31",
            "2025-01-01",
            Some("2025-06-29"),
            "2025-06-30",
            "2025-07-01",
        ),
        (
            "2025-H2",
            "2025-06-30",
            "2025-07-01",
            Some("2025-12-30"),
            "2025-12-31",
            "2026-01-01",
        ),
        (
            "end-2025",
            "2025-09-30",
            "2025-10-01",
            Some("2025-12-30"),
            "2025-12-31",
            "2026-01-01",
        ),
        (
            "2025",
            "2024-12-31",
            "2025-01-01",
            Some("2025-12-30"),
            "2025-12-31",
            "2026-01-01",
        ),
    ];
    for (date, before, first, before_last, last, after) in cases {
        assert_eq!(status_at(date, before), Upcoming, "{date} on {before}");
        let at_first = if before_last.is_some() { Ongoing } else { Done };
        assert_eq!(status_at(date, first), at_first, "{date} on {first}");
        if let Some(bl) = before_last {
            assert_eq!(status_at(date, bl), Ongoing, "{date} on {bl}");
        }
        assert_eq!(status_at(date, last), Done, "{date} on {last}");
        assert_eq!(status_at(date, after), Done, "{date} on {after}");
    }
}

#[test]
fn entries_are_ordered_by_date_with_precision() {
    let cat = catalog();
    let tl = Timeline::new(&cat);
    let dates: Vec<String> = tl.entries().iter().map(|e| e.date().iso()).collect();
    assert_eq!(
        dates,
        [
            "2024-01",
            "2024-12-10",
            "2025-Q1",
            "2025-H1",
            "2025-03",
            "2025-03-26",
            "2025-07",
            "end-2025",
            "2026",
            "2026-H2"
        ]
    );
    let mut sorted = tl.entries().to_vec();
    sorted.sort_by_key(|e| e.date());
    assert_eq!(sorted, tl.entries());
    assert_eq!(tl.len(), cat.milestone_count());
}

#[test]
fn slipped_and_unconfirmed_flags() {
    let cat = catalog();
    let tl = Timeline::new(&cat);
    let op = find(&tl, &cat, "Operation 2026-H2");
    let s = tl.status(op, day("2026-11-24")).unwrap();
    assert_eq!(s.when, When::Ongoing);
    assert!(s.slipped && !s.confirmed && !s.planned);
    assert_eq!(
        s.text(Lang::En, tl.milestone(&cat, op).first_announced),
        "ongoing, slipped (was Q2 2026), conflicting ?"
    );
    let s = tl.status(op, day("2027-01-01")).unwrap();
    assert_eq!(s.when, When::Done);
    assert!(s.slipped, "done and slipped at once");

    let plan = find(&tl, &cat, "Procurement 2025-H1");
    let s = tl.status(plan, day("2026-11-24")).unwrap();
    assert!(s.planned && !s.confirmed && !s.slipped);
    // Pharos answered on time, BSC late: a plan is never done.
    assert_eq!(s.plan, Some(PlanStatus::Late));
    assert_eq!(s.key(), "late");
    assert_eq!(s.text(Lang::En, None), "plan, late, unconfirmed ?");
    assert_eq!(s.text(Lang::Fr, None), "prévu, en retard, non confirmé ?");

    let contract = find(&tl, &cat, "Contract 2025-03-26");
    let s = tl.status(contract, day("2026-11-24")).unwrap();
    assert!(s.confirmed && !s.slipped);
    assert_eq!(s.text(Lang::En, None), "done");
    assert!(tl.status(999, day("2026-11-24")).is_none());
    let s = tl.status(op, day("2026-11-24")).unwrap();
    assert_eq!(
        s.text(Lang::Fr, tl.milestone(&cat, op).first_announced),
        "en cours, retardé (annoncé T2 2026), sources divergentes ?"
    );
}

#[test]
fn refining_inside_the_announced_window_is_no_slip() {
    let text = catalog_text_with_factory_milestone(
        r#"Milestone(date: "2025-03", kind: Contract, title: Text(en: "a", fr: "a"),
           first_announced: Some("2025-H1"), sources: ["s1"])"#,
    );
    let cat = Catalog::from_ron(&text, "test").unwrap_or_else(|e| panic!("{e}"));
    let tl = Timeline::new(&cat);
    assert!(!tl.entries()[0].slipped());
}

#[test]
fn plan_versus_reality() {
    let cat = catalog();
    let tl = Timeline::new(&cat);
    let reports = tl.plan_report(&TimelineQuery::year(2025));
    assert_eq!(reports.len(), 2);
    let q1 = &reports[0];
    assert_eq!(tl.milestone(&cat, q1.plan).title.en, "Agreement 2025-Q1");
    assert_eq!(q1.answers.len(), 1);
    assert_eq!(q1.answers[0].timing, Timing::OnTime);
    assert_eq!(q1.missing, vec![1], "BSC never reported an agreement");

    let h1 = &reports[1];
    let timings: Vec<(String, Timing)> = h1
        .answers
        .iter()
        .map(|a| (tl.milestone(&cat, a.entry).title.en.to_string(), a.timing))
        .collect();
    assert_eq!(
        timings,
        [
            ("Contract 2025-03-26".to_string(), Timing::OnTime),
            (
                "Procurement 2025-07".to_string(),
                Timing::Late { months: 1 }
            ),
            ("Contract end-2025".to_string(), Timing::Late { months: 4 }),
        ]
    );
    assert!(h1.missing.is_empty());
    assert_eq!((h1.on_time(), h1.late()), (1, 2));
    assert_eq!(Timing::Late { months: 4 }.text(Lang::En), "4 months late");

    // One factory: only its answers, and the plans it concerns.
    let pharos = cat.factory_index("pharos").unwrap();
    let r = tl.plan_report(&TimelineQuery::year(2025).with_factory(pharos));
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|r| {
        r.answers
            .iter()
            .all(|a| tl.entries()[a.entry].factory() == Some(pharos))
    }));
    // Nothing planned in 2027.
    assert!(tl.plan_report(&TimelineQuery::year(2027)).is_empty());
    // The answers are linked on the entries too.
    let c = find(&tl, &cat, "Contract 2025-03-26");
    assert_eq!(tl.entries()[c].answers(), Some(h1.plan));
    let linked = tl.entries().iter().filter(|e| e.answers() == Some(h1.plan));
    assert_eq!(linked.count(), 3);
}

#[test]
fn vague_answers_are_unclear() {
    let plan = status_entry("2025-H1");
    assert_eq!(Timing::of(&status_entry("2025"), &plan), Timing::Unclear);
    assert_eq!(
        Timing::of(&status_entry("2025-06-30"), &plan),
        Timing::OnTime
    );
    assert_eq!(
        Timing::of(&status_entry("2025-07-01"), &plan),
        Timing::Late { months: 1 }
    );
    assert_eq!(
        Timing::of(&status_entry("2026-01"), &plan),
        Timing::Late { months: 7 }
    );
    let day_plan = status_entry("2025-03-15");
    assert_eq!(
        Timing::of(&status_entry("2025-03-20"), &day_plan),
        Timing::Late { months: 0 }
    );
}

fn status_entry(d: &str) -> Entry {
    let d = p(d);
    Entry {
        date: d,
        start: d.start(),
        end: d.end(),
        kind: Kind::Other,
        certainty: Certainty::Confirmed,
        planned: false,
        slipped: false,
        factory: NONE,
        milestone: 0,
        answers: NONE,
        concerns: (0, 0),
    }
}

#[test]
fn queries_combine_with_overlap_semantics() {
    let cat = catalog();
    let tl = Timeline::new(&cat);
    let dates = |q: &TimelineQuery| -> Vec<String> {
        tl.query(q)
            .into_iter()
            .map(|i| tl.entries()[i].date().iso())
            .collect()
    };
    assert_eq!(
        dates(&TimelineQuery::year(2025)),
        [
            "2025-Q1",
            "2025-H1",
            "2025-03",
            "2025-03-26",
            "2025-07",
            "end-2025"
        ]
    );
    // H1 to Q3: 1 Jan to 30 Sep 2025.
    assert_eq!(
        dates(&TimelineQuery::range(
            Some(p("2025-H1")),
            Some(p("2025-Q3"))
        )),
        ["2025-Q1", "2025-H1", "2025-03", "2025-03-26", "2025-07"]
    );
    // A day inside a span finds the span.
    assert_eq!(
        dates(&TimelineQuery::range(
            Some(p("2025-05-10")),
            Some(p("2025-05-10"))
        )),
        ["2025-H1"]
    );
    // Open-ended ranges.
    assert_eq!(
        dates(&TimelineQuery::range(Some(p("2026-07")), None)),
        ["2026", "2026-H2"]
    );
    assert_eq!(
        dates(&TimelineQuery::range(None, Some(p("2024")))),
        ["2024-01", "2024-12-10"]
    );
    let pharos = cat.factory_index("pharos").unwrap();
    assert_eq!(
        dates(&TimelineQuery::all().with_factory(pharos)),
        [
            "2024-12-10",
            "2025-Q1",
            "2025-H1",
            "2025-03",
            "2025-03-26",
            "2026-H2"
        ],
        "its own milestones and the programme ones naming it"
    );
    assert_eq!(
        dates(
            &TimelineQuery::year(2025)
                .with_factory(pharos)
                .with_kind(Kind::Contract)
        ),
        ["2025-03-26"]
    );
    assert_eq!(
        dates(&TimelineQuery::all().with_kind(Kind::Contract)),
        ["2025-03-26", "end-2025"]
    );
    assert!(dates(&TimelineQuery::year(1990)).is_empty());
    assert!(tl.for_factory(99).is_empty());
}

#[test]
fn span_runs_from_first_selection_to_last_operation_or_milestone() {
    let cat = catalog();
    let tl = Timeline::new(&cat);
    assert_eq!(tl.span(), Some((day("2024-12-10"), day("2026-12-31"))));
    assert_eq!(Timeline::default().span(), None);
}

#[test]
fn queries_match_a_brute_force_filter_on_synthetic_data() {
    let cat = Catalog::from_dataset(crate::synth::dataset(400, 9), "synth")
        .unwrap_or_else(|e| panic!("{e}"));
    let tl = Timeline::new(&cat);
    let mut rng = crate::synth::Rng::new(3);
    let random_day = |rng: &mut crate::synth::Rng| Day {
        year: 2023 + rng.below(6) as i32,
        month: 1 + rng.below(12) as u8,
        day: 1 + rng.below(28) as u8,
    };
    for _ in 0..300 {
        let (a, b) = (random_day(&mut rng), random_day(&mut rng));
        let q = TimelineQuery {
            from: rng.chance(80).then_some(a.min(b)),
            to: rng.chance(80).then_some(a.max(b)),
            factory: rng.chance(30).then(|| rng.below(410)),
            kind: rng
                .chance(30)
                .then(|| Kind::ALL[rng.below(Kind::ALL.len())]),
        };
        let brute: Vec<usize> = (0..tl.len())
            .filter(|&i| {
                let e = &tl.entries()[i];
                q.from.is_none_or(|f| e.end() >= f)
                    && q.to.is_none_or(|t| e.start() <= t)
                    && q.kind.is_none_or(|k| e.kind() == k)
                    && q.factory.is_none_or(|f| tl.concerned(i).any(|c| c == f))
            })
            .collect();
        assert_eq!(tl.query(&q), brute, "{q:?}");
    }
}

#[test]
fn real_data_tells_the_2025_procurement_story() {
    let cat = Catalog::embedded().unwrap();
    let tl = Timeline::new(&cat);
    assert_eq!(tl.len(), cat.milestone_count());
    let reports = tl.plan_report(&TimelineQuery::year(2025));
    let procurement = reports
        .iter()
        .find(|r| tl.milestone(&cat, r.plan).id.as_deref() == Some("plan-procurement-h1-2025"))
        .expect("the H1 2025 procurement plan");
    let timing_of = |factory: &str| {
        let f = cat.factory_index(factory).unwrap();
        procurement
            .answers
            .iter()
            .find(|a| tl.entries()[a.entry].factory() == Some(f))
            .map(|a| a.timing)
    };
    assert_eq!(
        timing_of("pharos"),
        Some(Timing::OnTime),
        "DAEDALUS, 26 Mar 2025"
    );
    assert!(
        matches!(timing_of("bsc-aif"), Some(Timing::Late { months }) if months >= 1),
        "MareNostrum 5 tender, July 2025"
    );
    assert!(reports.iter().any(
        |r| tl.milestone(&cat, r.plan).id.as_deref() == Some("plan-agreements-early-2025")
    ));
}

#[test]
fn month_names_in_both_languages() {
    assert_eq!(month_name(2025, 7, Lang::En), "July 2025");
    assert_eq!(month_name(2025, 8, Lang::Fr), "août 2025");
}

#[test]
fn a_plan_stands_open_met_late_or_overdue_by_today() {
    let cat = catalog();
    let tl = Timeline::new(&cat);
    let h1 = find(&tl, &cat, "Procurement 2025-H1");
    let q1 = find(&tl, &cat, "Agreement 2025-Q1");
    let at = |p: usize, d: &str| tl.plan_status(p, day(d)).unwrap();
    // Before the window: nothing answered yet.
    assert_eq!(at(h1, "2024-12-20"), PlanStatus::Open);
    // Inside: Pharos answered on time (26 March), BSC not yet.
    assert_eq!(at(h1, "2025-04-01"), PlanStatus::Open);
    // The window's last day is still inside it.
    assert_eq!(at(h1, "2025-06-30"), PlanStatus::Open);
    // After it, BSC still silent: overdue; then BSC's July tender makes it late.
    assert_eq!(at(h1, "2025-06-30"), PlanStatus::Open);
    let pharos = cat.factory_index("pharos").unwrap();
    let bsc = cat.factory_index("bsc").unwrap();
    assert_eq!(tl.outcome(h1, bsc, day("2025-06-30")), Outcome::Open);
    assert!(matches!(
        tl.outcome(h1, pharos, day("2025-06-30")),
        Outcome::Answered(Answer {
            timing: Timing::OnTime,
            ..
        })
    ));
    assert_eq!(at(h1, "2025-07-15"), PlanStatus::Late);
    // The agreements plan: Pharos in March, BSC never.
    assert_eq!(at(q1, "2025-03-15"), PlanStatus::Open);
    assert_eq!(at(q1, "2025-04-01"), PlanStatus::Overdue);
    assert_eq!(tl.outcome(q1, bsc, day("2025-04-01")), Outcome::Overdue);
    // A factory's own plan with nothing to answer it: overdue once past.
    let inst = find(&tl, &cat, "Installation 2026");
    assert_eq!(at(inst, "2026-06-01"), PlanStatus::Open);
    assert_eq!(at(inst, "2027-01-01"), PlanStatus::Overdue);
    // Events have no plan status.
    let contract = find(&tl, &cat, "Contract 2025-03-26");
    assert_eq!(tl.plan_status(contract, day("2026-01-01")), None);
    assert_eq!(
        tl.status(contract, day("2026-01-01")).unwrap().key(),
        "done"
    );
    // Urgency puts overdue first, then the latest.
    let mut o = [
        Outcome::Open,
        Outcome::Answered(Answer {
            entry: 0,
            timing: Timing::Late { months: 1 },
        }),
        Outcome::Overdue,
        Outcome::Answered(Answer {
            entry: 0,
            timing: Timing::Late { months: 6 },
        }),
        Outcome::Answered(Answer {
            entry: 0,
            timing: Timing::OnTime,
        }),
    ];
    o.sort_by_key(|o| o.urgency());
    assert_eq!(o[0], Outcome::Overdue);
    assert!(matches!(
        o[1],
        Outcome::Answered(Answer {
            timing: Timing::Late { months: 6 },
            ..
        })
    ));
    assert_eq!(o[3], Outcome::Open);
}

#[test]
fn early_answers_say_by_how_much() {
    let plan = status_entry("2025-Q1");
    assert_eq!(
        Timing::of(&status_entry("2024-11"), &plan),
        Timing::Early { months: 2 }
    );
    assert_eq!(
        Timing::of(&status_entry("2024-12-31"), &plan),
        Timing::Early { months: 1 }
    );
    assert_eq!(Timing::Early { months: 2 }.text(Lang::En), "2 months early");
    assert_eq!(
        Timing::Early { months: 1 }.text(Lang::Fr),
        "1 mois d'avance"
    );
    let marks = [
        Timing::Early { months: 1 }.mark(),
        Timing::OnTime.mark(),
        Timing::Late { months: 1 }.mark(),
        Timing::Unclear.mark(),
    ];
    for (i, a) in marks.iter().enumerate() {
        assert!(marks[i + 1..].iter().all(|b| b != a), "marks differ");
    }
}
