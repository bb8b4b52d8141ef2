//! Small datasets for the tests of this module and of the `timeline` command.

use crate::data::Catalog;

pub(crate) fn factory(id: &str, name: &str, milestones: &str) -> String {
    format!(
        r#"Factory(id: "{id}", name: "{name}", wave: 1, selected: "2024-12-10",
            host: "Host", city: "Athens", country: "GR",
            coords: Coords(lat: 37.98, lon: 23.72),
            system: System(name: None, description: Text(en: "x", fr: "x"), vendor: None,
                operation: Some("2026-Q2"), sources: ["s1"]),
            sectors: ["health"], summary: Text(en: "x", fr: "x"),
            milestones: [{milestones}], sources: ["s1"])"#
    )
}

pub(crate) fn ms(id: Option<&str>, date: &str, kind: &str, extra: &str) -> String {
    let id = id.map_or("None".to_string(), |i| format!("Some(\"{i}\")"));
    format!(
        r#"Milestone(id: {id}, date: "{date}", kind: {kind},
            title: Text(en: "{kind} {date}", fr: "{kind} {date}"), sources: ["s1"], {extra})"#
    )
}

/// A small world: the two 2025 plans, Pharos on time, Barcelona late, one slipped
/// operation, one selection naming both factories.
pub(crate) fn catalog() -> Catalog {
    let programme = [
        ms(
            None,
            "2024-12-10",
            "Selection",
            r#"factories: ["pharos", "bsc"]"#,
        ),
        ms(
            Some("plan-agreements-early-2025"),
            "2025-Q1",
            "Agreement",
            "planned: true, certainty: Unconfirmed, factories: [\"pharos\", \"bsc\"]",
        ),
        ms(
            Some("plan-procurement-h1-2025"),
            "2025-H1",
            "Procurement",
            "planned: true, certainty: Unconfirmed, factories: [\"pharos\", \"bsc\"]",
        ),
        ms(None, "2024-01", "Policy", ""),
    ]
    .join(",");
    let pharos = factory(
        "pharos",
        "Pharos",
        &[
            ms(
                None,
                "2025-03-26",
                "Contract",
                "answers: Some(\"plan-procurement-h1-2025\")",
            ),
            ms(
                None,
                "2025-03",
                "Agreement",
                "answers: Some(\"plan-agreements-early-2025\")",
            ),
            ms(
                None,
                "2026-H2",
                "Operation",
                "first_announced: Some(\"2026-Q2\"), certainty: Conflicting",
            ),
        ]
        .join(","),
    );
    let bsc = factory(
        "bsc",
        "BSC AIF",
        &[
            ms(
                None,
                "2025-07",
                "Procurement",
                "answers: Some(\"plan-procurement-h1-2025\")",
            ),
            ms(
                None,
                "end-2025",
                "Contract",
                "answers: Some(\"plan-procurement-h1-2025\")",
            ),
            ms(None, "2026", "Installation", "planned: true"),
        ]
        .join(","),
    );
    let text = format!(
        r#"Dataset(as_of: "2026-11-24", factories: [{pharos}, {bsc}], antennas: [],
            milestones: [{programme}],
            sources: [Source(id: "s1", url: "https://example.org", title: "t", date: None)])"#
    );
    Catalog::from_ron(&text, "test").unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn catalog_text_with_factory_milestone(m: &str) -> String {
    let f = factory("x", "X", m);
    format!(
        r#"Dataset(as_of: "2026-11-24", factories: [{f}], antennas: [], milestones: [],
            sources: [Source(id: "s1", url: "https://example.org", title: "t", date: None)])"#
    )
}
