//! Small datasets written as RON text, for tests that want records of their own.
#![allow(dead_code)]

/// A milestone citing source `s1`, titled `title` (`title (fr)` in French), with `extra`
/// fields as written (`planned: true, factories: ["a"]`...).
pub fn milestone(id: Option<&str>, date: &str, kind: &str, title: &str, extra: &str) -> String {
    let id = id.map_or("None".to_string(), |i| format!("Some(\"{i}\")"));
    format!(
        r#"Milestone(id: {id}, date: "{date}", kind: {kind},
            title: Text(en: "{title}", fr: "{title} (fr)"), sources: ["s1"], {extra})"#
    )
}

/// A wave-1 factory hosted in Athens, serving health, its system planned for 2026-Q2, citing
/// source `s1`, with these milestones.
pub fn factory(id: &str, name: &str, milestones: &[String]) -> String {
    format!(
        r#"Factory(id: "{id}", name: "{name}", wave: 1, selected: "2024-12-10",
            host: "Host", city: "Athens", country: "GR",
            coords: Coords(lat: 37.98, lon: 23.72),
            system: System(name: None, description: Text(en: "x", fr: "x"), vendor: None,
                operation: Some("2026-Q2"), sources: ["s1"]),
            sectors: ["health"], summary: Text(en: "x", fr: "x"),
            milestones: [{}], sources: ["s1"])"#,
        milestones.join(",")
    )
}

/// A dataset of these factories and programme milestones, no antenna, and one source `s1`
/// at `url` titled `title`.
pub fn dataset(factories: &[String], milestones: &[String], url: &str, title: &str) -> String {
    format!(
        r#"Dataset(as_of: "2026-11-24", factories: [{}], antennas: [],
            milestones: [{}],
            sources: [Source(id: "s1", url: "{url}", title: "{title}", date: None)])"#,
        factories.join(","),
        milestones.join(",")
    )
}
