//! The one CSV table of records that `list`, `show` and `export` write: a row per factory or
//! antenna, told apart by the `kind` column, so that a stream holds a single header. Values are
//! as in the data file (keys and ISO codes, lists space-separated), the same in every language.

use std::io::{self, Write};

use super::table::Table;
use crate::data::{Antenna, Factory, Link};

/// The columns, `kind` first. Field names are stable; new ones may be added at the end.
pub const COLUMNS: [&str; 15] = [
    "kind",
    "id",
    "name",
    "wave",
    "selected",
    "country",
    "city",
    "host",
    "partners",
    "sectors",
    "system",
    "vendor",
    "operation",
    "linked",
    "sources",
];

/// A table of records with the header of [`COLUMNS`].
pub fn table<'a>(
    factories: impl IntoIterator<Item = &'a Factory>,
    antennas: impl IntoIterator<Item = &'a Antenna>,
) -> Table {
    let mut t = Table::new(COLUMNS);
    for f in factories {
        t.row(factory_row(f));
    }
    for x in antennas {
        t.row(antenna_row(x));
    }
    t
}

/// Write the records as CSV.
pub fn write_csv<'a>(
    factories: impl IntoIterator<Item = &'a Factory>,
    antennas: impl IntoIterator<Item = &'a Antenna>,
    out: &mut dyn Write,
) -> io::Result<()> {
    table(factories, antennas).write_csv(out)
}

fn factory_row(f: &Factory) -> [String; 15] {
    [
        "factory".to_string(),
        f.id.to_string(),
        f.name.to_string(),
        f.wave.to_string(),
        f.selected.iso(),
        f.country.to_string(),
        f.city.to_string(),
        f.host.to_string(),
        f.partners.join(" "),
        f.sectors.join(" "),
        f.system.name.as_deref().unwrap_or_default().to_string(),
        f.system.vendor.as_deref().unwrap_or_default().to_string(),
        f.system.operation.map(|d| d.iso()).unwrap_or_default(),
        String::new(),
        f.sources.join(" "),
    ]
}

fn antenna_row(x: &Antenna) -> [String; 15] {
    [
        "antenna".to_string(),
        x.id.to_string(),
        x.name.to_string(),
        String::new(),
        x.selected.iso(),
        x.country.to_string(),
        x.city.as_deref().unwrap_or_default().to_string(),
        x.host.as_deref().unwrap_or_default().to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        // Empty when no source names the factory it serves.
        match &x.linked {
            Link::Factories(ids) => ids.join(" "),
            Link::Unknown => String::new(),
        },
        x.sources.join(" "),
    ]
}
