//! The dataset: model, RON loading and validation. Knows nothing of the terminal.

mod error;
mod validate;

pub use aifactories_model::{date, istr, model};

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

pub use date::{Day, PDate, Precision};
pub use error::{LoadError, Problem, Warnings};
pub use istr::IStr;
pub use model::*;
pub use validate::is_bare_domain;

/// The embedded dataset, compiled into the binary.
pub const EMBEDDED_FACTORIES: &str = include_str!("../../assets/factories.ron");
pub const EMBEDDED_COUNTRIES: &str = include_str!("../../assets/countries.ron");
pub const EMBEDDED_SECTORS: &str = include_str!("../../assets/sectors.ron");

/// The embedded tables, encoded by `build.rs` with postcard.
const EMBEDDED_ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.postcard"));

fn decode_embedded() -> Result<(Dataset, Vec<Country>, Vec<Sector>), postcard::Error> {
    postcard::from_bytes(EMBEDDED_ENCODED)
}

/// Name used in messages for the built-in data.
pub const EMBEDDED_NAME: &str = "<embedded>/assets/factories.ron";

/// Larger files are refused before they are read. Room for 100,000 synthetic factories in
/// compact RON (about 250 MB), far beyond any real dataset.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Where each id (or code, or key) is in its table. foldhash, not SipHash: building the four
/// indexes of the embedded data took 0.075 M instructions with SipHash, most of it hashing.
type Index = HashMap<IStr, usize, foldhash::fast::RandomState>;

/// A validated dataset with its reference tables and lookup indexes. Built once at start-up;
/// everything else (search, timeline, UI) reads it.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub data: Dataset,
    pub countries: Vec<Country>,
    pub sectors: Vec<Sector>,
    /// Where the data came from, for messages and the status bar.
    pub origin: String,
    countries_by_code: Index,
    sectors_by_key: Index,
    sources_by_id: Index,
    factories_by_id: Index,
}

impl Catalog {
    /// The built-in data, decoded from the form `build.rs` encoded it in: parsing the RON took
    /// several times as long as the rest of start-up. The test suite checks that it equals
    /// the parsed and validated RON, so it is not validated again here.
    pub fn embedded() -> Result<Catalog, LoadError> {
        let (data, countries, sectors) = decode_embedded().map_err(|e| LoadError {
            file: EMBEDDED_NAME.to_string(),
            problems: vec![Problem::whole(format!(
                "the encoded data does not decode: {e}"
            ))],
        })?;
        Ok(Catalog::indexed(data, countries, sectors, EMBEDDED_NAME))
    }

    /// Read, parse and validate a dataset file. Refuses files over [`MAX_FILE_BYTES`] without
    /// reading them, empty files and files that are not UTF-8.
    pub fn from_file(path: &Path) -> Result<Catalog, LoadError> {
        let text = read_text(path)?;
        Catalog::from_ron(&text, &path.display().to_string())
    }

    /// Parse and validate dataset text; `file` names it in messages.
    pub fn from_ron(text: &str, file: &str) -> Result<Catalog, LoadError> {
        let tables = embedded_tables()?;
        let data = parse_dataset(text, file)?;
        Catalog::build(data, tables, file)
    }

    /// Validate an in-memory dataset against the embedded tables (used by the synthetic
    /// generator and tests).
    pub fn from_dataset(data: Dataset, origin: &str) -> Result<Catalog, LoadError> {
        Catalog::build(data, embedded_tables()?, origin)
    }

    fn build(data: Dataset, tables: &Tables, file: &str) -> Result<Catalog, LoadError> {
        let (countries, sectors) = (tables.countries.clone(), tables.sectors.clone());
        let catalog = Catalog::indexed(data, countries, sectors, file);
        let problems = validate::dataset(&catalog);
        if !problems.is_empty() {
            return Err(LoadError {
                file: file.to_string(),
                problems,
            });
        }
        Ok(catalog)
    }

    /// The catalog with its lookup tables, not validated. (Validation looks ids up through
    /// these tables; where an id is listed twice, the first one wins here and validation
    /// reports the duplicate.)
    fn indexed(
        data: Dataset,
        countries: Vec<Country>,
        sectors: Vec<Sector>,
        file: &str,
    ) -> Catalog {
        fn by<T>(items: &[T], key: impl Fn(&T) -> &IStr) -> Index {
            let mut map = Index::with_capacity_and_hasher(items.len(), Default::default());
            for (i, item) in items.iter().enumerate() {
                map.entry(key(item).clone()).or_insert(i);
            }
            map
        }
        Catalog {
            countries_by_code: by(&countries, |c| &c.code),
            sectors_by_key: by(&sectors, |s| &s.key),
            sources_by_id: by(&data.sources, |s| &s.id),
            factories_by_id: by(&data.factories, |f| &f.id),
            data,
            countries,
            sectors,
            origin: file.to_string(),
        }
    }

    pub fn factories(&self) -> &[Factory] {
        &self.data.factories
    }

    pub fn antennas(&self) -> &[Antenna] {
        &self.data.antennas
    }

    /// Where a country code is in `countries`.
    pub fn country_index(&self, code: &str) -> Option<usize> {
        self.countries_by_code.get(code).copied()
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries_by_code
            .get(code)
            .map(|&i| &self.countries[i])
    }

    /// The country's name in the language, or the code itself if unknown.
    pub fn country_name<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        self.country(code).map_or(code, |c| c.name(lang))
    }

    pub fn sector(&self, key: &str) -> Option<&Sector> {
        self.sectors_by_key.get(key).map(|&i| &self.sectors[i])
    }

    pub fn sector_label<'a>(&'a self, key: &'a str, lang: Lang) -> &'a str {
        self.sector(key).map_or(key, |s| s.label(lang))
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index(id).map(|i| &self.data.sources[i])
    }

    /// Index of the (first) source of that id.
    fn source_index(&self, id: &str) -> Option<usize> {
        self.sources_by_id.get(id).copied()
    }

    pub fn factory_index(&self, id: &str) -> Option<usize> {
        self.factories_by_id.get(id).copied()
    }

    pub fn factory(&self, id: &str) -> Option<&Factory> {
        self.factory_index(id).map(|i| &self.data.factories[i])
    }

    /// Antennas linked to a factory.
    pub fn antennas_of<'a>(&'a self, factory_id: &'a str) -> impl Iterator<Item = &'a Antenna> {
        self.data.antennas.iter().filter(move |a| match &a.linked {
            Link::Factories(ids) => ids.iter().any(|i| i == factory_id),
            Link::Unknown => false,
        })
    }

    /// Number of milestones, programme-wide and per factory.
    pub fn milestone_count(&self) -> usize {
        self.data.milestones.len()
            + self
                .data
                .factories
                .iter()
                .map(|f| f.milestones.len())
                .sum::<usize>()
    }

    /// Problems that do not stop the data from loading (bare-domain source URLs), printed by
    /// `validate`.
    pub fn warnings(&self) -> Vec<Problem> {
        validate::warnings(self)
    }

    /// The one-line summary printed by `validate`.
    pub fn summary_line(&self) -> String {
        format!(
            "ok: {} factories, {} antennas, {} milestones, {} sources",
            self.data.factories.len(),
            self.data.antennas.len(),
            self.milestone_count(),
            self.data.sources.len()
        )
    }

    /// The dataset as compact RON (no indentation, no struct names), accepted by `--data`:
    /// about 40% smaller, for large synthetic files.
    pub fn to_ron_compact(&self) -> String {
        ron::ser::to_string(&self.data).unwrap_or_default()
    }

    /// The dataset written back as RON, accepted by `--data`.
    pub fn to_ron(&self) -> String {
        let cfg = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .indentor("  ".to_string());
        // Serializing plain data structs cannot fail.
        ron::ser::to_string_pretty(&self.data, cfg).unwrap_or_default()
    }
}

/// A factory or an antenna, by its index in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Record {
    Factory(usize),
    Antenna(usize),
}

/// Read a file as UTF-8 text with the checks that come before parsing.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let file_name = path.display().to_string();
    let fail = |msg: String| LoadError::one(&file_name, Problem::whole(msg));
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let meta = file
        .metadata()
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(fail("is a directory, not a data file".to_string()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "file is {} bytes, over the {} MiB limit; not read",
            meta.len(),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    // The size can change between the check and the read (a pipe, a growing file): never
    // read more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "file is over the {} MiB limit; not read",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    text_from_bytes(bytes, &file_name)
}

/// Decode bytes as UTF-8, locating the first invalid byte.
pub fn text_from_bytes(bytes: Vec<u8>, file: &str) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // Valid prefix, so this is always UTF-8.
        let prefix = std::str::from_utf8(valid).unwrap_or("");
        let (line, col) = line_col_at_end(prefix);
        let bad = e.as_bytes()[valid.len()];
        LoadError::one(
            file,
            Problem::at(
                line,
                col,
                format!("file is not valid UTF-8 (byte 0x{bad:02X})"),
            ),
        )
    })
}

fn line_col_at_end(prefix: &str) -> (usize, usize) {
    let line = prefix.matches('\n').count() + 1;
    let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn parse_dataset(text: &str, file: &str) -> Result<Dataset, LoadError> {
    if text.trim().is_empty() {
        // Located where the `Dataset(` was expected: the end of the (blank) text, so that
        // every syntax message carries a line and column.
        let (line, col) = line_col_at_end(text);
        return Err(LoadError::one(
            file,
            Problem::at(line, col, "file is empty: expected a Dataset(...)"),
        ));
    }
    // Control characters written literally in the file, located before parsing.
    for (n, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some((col, c)) = line
            .chars()
            .enumerate()
            .find(|&(_, c)| c != '\t' && crate::text::is_forbidden_char(c))
        {
            return Err(LoadError::one(
                file,
                Problem::at(
                    n + 1,
                    col + 1,
                    format!(
                        "control character {} in the file; it would reach the terminal",
                        crate::text::char_name(c)
                    ),
                ),
            ));
        }
    }
    parse_table(text, file)
}

/// The embedded country and sector tables, which every dataset is checked against.
#[derive(Debug)]
pub struct Tables {
    pub countries: Vec<Country>,
    pub sectors: Vec<Sector>,
}

/// The embedded tables, parsed and checked once per process.
pub fn embedded_tables() -> Result<&'static Tables, LoadError> {
    static TABLES: std::sync::OnceLock<Result<Tables, LoadError>> = std::sync::OnceLock::new();
    let parsed = TABLES.get_or_init(|| {
        let countries =
            parse_table::<Vec<Country>>(EMBEDDED_COUNTRIES, "<embedded>/assets/countries.ron")?;
        let sectors =
            parse_table::<Vec<Sector>>(EMBEDDED_SECTORS, "<embedded>/assets/sectors.ron")?;
        let problems = validate::tables(&countries, &sectors);
        if !problems.is_empty() {
            return Err(LoadError {
                file: "<embedded>/assets".to_string(),
                problems,
            });
        }
        Ok(Tables { countries, sectors })
    });
    parsed.as_ref().map_err(Clone::clone)
}

fn parse_table<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, LoadError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| ron_error(text, file, &e))
}

/// A RON syntax or type error as a located problem, naming the field when RON does not.
pub fn ron_error(text: &str, file: &str, e: &ron::error::SpannedError) -> LoadError {
    let (line, col) = (e.span.start.line, e.span.start.col);
    let mut message = e.code.to_string();
    if let Some(field) = field_before(text, line, col)
        && !message.contains(&format!("`{field}`"))
    {
        message.push_str(&format!(" (field `{field}`)"));
    }
    LoadError::one(file, Problem::at(line, col, message))
}

/// The field name written before a position on its line (`wave` in `wave: "one"`), to name
/// the field in type errors, which RON reports by position only.
fn field_before(text: &str, line: usize, col: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let prefix: String = l.chars().take(col.saturating_sub(1)).collect();
    let before_colon = prefix
        .trim_end()
        .strip_suffix(':')
        .or_else(|| prefix.rfind(':').map(|i| &prefix[..i]))?;
    let before_colon = before_colon.trim_end();
    // A quoted map key (`"list.down": [...]`) is named with its quotes. It is text from the
    // file (a literal TAB passes the control-character scan), so it is sanitized.
    if let Some(inner) = before_colon.strip_suffix('"') {
        let start = inner.rfind('"')?;
        return Some(crate::text::sanitize(&before_colon[start..]).into_owned());
    }
    let name: String = before_colon
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_loads_and_validates() {
        let c =
            Catalog::from_ron(EMBEDDED_FACTORIES, EMBEDDED_NAME).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.factories().len(), 19);
        assert_eq!(c.antennas().len(), 13);
    }

    #[test]
    fn a_source_listed_twice_names_the_first() {
        let mut data = Catalog::from_ron(EMBEDDED_FACTORIES, EMBEDDED_NAME)
            .unwrap_or_else(|e| panic!("{e}"))
            .data;
        let first = data.sources[0].clone();
        data.sources.push(first.clone());
        let e = Catalog::from_dataset(data, "dup").unwrap_err();
        assert_eq!(e.problems.len(), 1, "{e}");
        let p = &e.problems[0];
        assert_eq!(
            p.record.as_deref(),
            Some(format!("source `{}`", first.id).as_str())
        );
        assert_eq!(p.field.as_deref(), Some("id"));
        assert_eq!(p.message, "duplicate source id (also source #1)");
    }

    /// Start-up decodes the embedded data without parsing or validating it: this is what
    /// makes that sound.
    #[test]
    fn the_encoded_embedded_data_equals_the_validated_ron() {
        let decoded = Catalog::embedded().unwrap_or_else(|e| panic!("{e}"));
        let parsed =
            Catalog::from_ron(EMBEDDED_FACTORIES, EMBEDDED_NAME).unwrap_or_else(|e| panic!("{e}"));
        assert!(!decoded.factories().is_empty());
        assert_eq!(decoded.data, parsed.data);
        assert_eq!(decoded.countries, parsed.countries);
        assert_eq!(decoded.sectors, parsed.sectors);
        assert_eq!(decoded.origin, parsed.origin);
        for s in &parsed.data.sources {
            assert_eq!(decoded.source(&s.id), Some(s));
        }
    }

    #[test]
    fn a_funding_detail_may_still_be_one_string() {
        let text = EMBEDDED_FACTORIES.replacen(
            r#"detail: Text(en: "Finnish government funding for the LUMI upgrade / successor", fr: "financement de l'État finlandais pour l'extension / le successeur de LUMI"),"#,
            r#"detail: "Finnish government funding for the LUMI upgrade / successor","#,
            1,
        );
        assert_ne!(text, EMBEDDED_FACTORIES);
        let c = Catalog::from_ron(&text, "old").unwrap_or_else(|e| panic!("{e}"));
        let d = &c.factory("lumi-aif").unwrap().funding[0].detail;
        assert_eq!(
            d.en,
            "Finnish government funding for the LUMI upgrade / successor"
        );
        assert_eq!(d.fr, d.en);
        // A typo inside the bilingual form is still an error, not a silent string.
        let typo = EMBEDDED_FACTORIES.replacen("detail: Text(en:", "detail: Text(em:", 1);
        assert!(Catalog::from_ron(&typo, "typo").is_err());
    }

    #[test]
    fn access_is_checked_like_the_rest() {
        let mut data = Catalog::embedded().unwrap_or_else(|e| panic!("{e}")).data;
        let f = &mut data.factories[0];
        f.access = Some(Access {
            website: Some("http://example.org".into()),
            apply: None,
            services: vec![Service::Compute],
            users: vec![UserGroup::Smes],
            certainty: Certainty::Confirmed,
            sources: vec!["no-such-source".into()],
        });
        let id = f.id.clone();
        let e = Catalog::from_dataset(data, "access").unwrap_err();
        let fields: Vec<&str> = e
            .problems
            .iter()
            .filter_map(|p| p.field.as_deref())
            .collect();
        assert_eq!(fields, ["access.website", "access.sources[0]"], "{e}");
        assert_eq!(
            e.problems[0].record.as_deref(),
            Some(format!("factory `{id}`").as_str())
        );
    }

    #[test]
    fn bare_domains_are_told_from_pages() {
        for bare in ["https://fct.pt", "https://fct.pt/", "http://Example.org/"] {
            assert!(is_bare_domain(bare), "{bare}");
        }
        for page in [
            "https://fct.pt/en/news",
            "https://eubusiness.com/?p=28111",
            "https://example.org#top",
            "not a url",
        ] {
            assert!(!is_bare_domain(page), "{page}");
        }
    }

    #[test]
    fn utf8_errors_are_located() {
        let e = text_from_bytes(b"ab\ncd\xffe".to_vec(), "f.ron").unwrap_err();
        assert_eq!(e.problems[0].position, Some((2, 3)));
        assert!(
            e.to_string()
                .starts_with("f.ron:2:3: error: file is not valid UTF-8")
        );
    }
}
