//! A deterministic generator of large, valid, realistic-looking datasets, for benchmarks and
//! for trying the dashboard at scale (`cargo run --release --example synth -- N [SEED]`).
//!
//! The same `(n, seed)` always gives the same dataset: the generator uses its own
//! xorshift PRNG and never iterates a hash map. Everything it writes passes the validator:
//! country codes come from real European cities filtered against the embedded country
//! table, sector keys from the embedded sector vocabulary, ids are unique kebab-case, every
//! cited source exists, and partners never include the host country.

use std::collections::HashSet;

use crate::data::model::{
    Antenna, Certainty, Coords, Country, Dataset, Factory, Funding, Link, Milestone, Note, Place,
    Sector, Source, System, Text,
};
use crate::data::{Day, IStr, Kind, PDate, Precision, Tables, embedded_tables};

/// xorshift64* seeded through splitmix64, so that nearby seeds give unrelated streams.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // xorshift must never hold zero.
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The modulo bias is negligible for the small ranges used here.
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A real European city: name as written locally, ISO country code, coordinates.
struct City {
    name: &'static str,
    cc: &'static str,
    lat: f64,
    lon: f64,
}

const fn city(name: &'static str, cc: &'static str, lat: f64, lon: f64) -> City {
    City { name, cc, lat, lon }
}

const CITIES: &[City] = &[
    city("Kraków", "PL", 50.0614, 19.9366),
    city("Łódź", "PL", 51.7592, 19.4560),
    city("Gdańsk", "PL", 54.3520, 18.6466),
    city("Poznań", "PL", 52.4064, 16.9252),
    city("Linköping", "SE", 58.4109, 15.6216),
    city("Göteborg", "SE", 57.7089, 11.9746),
    city("Malmö", "SE", 55.6050, 13.0038),
    city("Umeå", "SE", 63.8258, 20.2630),
    city("Zürich", "CH", 47.3769, 8.5417),
    city("Genève", "CH", 46.2044, 6.1432),
    city("Lugano", "CH", 46.0037, 8.9511),
    city("München", "DE", 48.1351, 11.5820),
    city("Köln", "DE", 50.9375, 6.9603),
    city("Düsseldorf", "DE", 51.2277, 6.7735),
    city("Nürnberg", "DE", 49.4521, 11.0767),
    city("Jülich", "DE", 50.9215, 6.3627),
    city("Brno", "CZ", 49.1951, 16.6068),
    city("Plzeň", "CZ", 49.7384, 13.3736),
    city("Ostrava", "CZ", 49.8347, 18.2820),
    city("Bratislava", "SK", 48.1486, 17.1077),
    city("Košice", "SK", 48.7164, 21.2611),
    city("Budapest", "HU", 47.4979, 19.0402),
    city("Debrecen", "HU", 47.5316, 21.6273),
    city("Wien", "AT", 48.2085, 16.3721),
    city("Graz", "AT", 47.0707, 15.4395),
    city("Linz", "AT", 48.3069, 14.2858),
    city("Ljubljana", "SI", 46.0569, 14.5058),
    city("Maribor", "SI", 46.5558, 15.6459),
    city("Zagreb", "HR", 45.8150, 15.9819),
    city("Split", "HR", 43.5081, 16.4402),
    city("Beograd", "RS", 44.7866, 20.4489),
    city("Niš", "RS", 43.3209, 21.8958),
    city("Sofia", "BG", 42.6975, 23.3242),
    city("Plovdiv", "BG", 42.1354, 24.7453),
    city("București", "RO", 44.4323, 26.1063),
    city("Cluj-Napoca", "RO", 46.7712, 23.6236),
    city("Timișoara", "RO", 45.7489, 21.2087),
    city("Iași", "RO", 47.1585, 27.6014),
    city("Athína", "GR", 37.9838, 23.7278),
    city("Thessaloníki", "GR", 40.6401, 22.9444),
    city("Pátra", "GR", 38.2466, 21.7346),
    city("Lefkosía", "CY", 35.1856, 33.3823),
    city("Valletta", "MT", 35.8989, 14.5146),
    city("Lisboa", "PT", 38.7223, -9.1393),
    city("Porto", "PT", 41.1579, -8.6291),
    city("Coimbra", "PT", 40.2033, -8.4103),
    city("Madrid", "ES", 40.4168, -3.7038),
    city("Barcelona", "ES", 41.3888, 2.1590),
    city("València", "ES", 39.4699, -0.3763),
    city("Sevilla", "ES", 37.3891, -5.9845),
    city("Santiago de Compostela", "ES", 42.8805, -8.5457),
    city("A Coruña", "ES", 43.3623, -8.4115),
    city("Málaga", "ES", 36.7213, -4.4214),
    city("Toulouse", "FR", 43.6047, 1.4442),
    city("Grenoble", "FR", 45.1885, 5.7245),
    city("Orléans", "FR", 47.9030, 1.9093),
    city("Besançon", "FR", 47.2378, 6.0241),
    city("Nîmes", "FR", 43.8367, 4.3601),
    city("Bruyères-le-Châtel", "FR", 48.5887, 2.1899),
    city("Lyon", "FR", 45.7640, 4.8357),
    city("Milano", "IT", 45.4642, 9.1900),
    city("Torino", "IT", 45.0703, 7.6869),
    city("Napoli", "IT", 40.8518, 14.2681),
    city("Bologna", "IT", 44.4938, 11.3388),
    city("Forlì", "IT", 44.2227, 12.0407),
    city("Cagliari", "IT", 39.2238, 9.1217),
    city("Amsterdam", "NL", 52.3676, 4.9041),
    city("Groningen", "NL", 53.2192, 6.5667),
    city("Eindhoven", "NL", 51.4416, 5.4697),
    city("Bruxelles", "BE", 50.8503, 4.3517),
    city("Liège", "BE", 50.6326, 5.5797),
    city("Gent", "BE", 51.0543, 3.7174),
    city("Luxembourg", "LU", 49.6116, 6.1319),
    city("Esch-sur-Alzette", "LU", 49.4958, 5.9806),
    city("København", "DK", 55.6761, 12.5683),
    city("Aarhus", "DK", 56.1629, 10.2039),
    city("Odense", "DK", 55.4038, 10.4024),
    city("Helsinki", "FI", 60.1699, 24.9384),
    city("Jyväskylä", "FI", 62.2426, 25.7473),
    city("Oulu", "FI", 65.0121, 25.4651),
    city("Kajaani", "FI", 64.2273, 27.7285),
    city("Tallinn", "EE", 59.4370, 24.7536),
    city("Tartu", "EE", 58.3780, 26.7290),
    city("Rīga", "LV", 56.9496, 24.1052),
    city("Vilnius", "LT", 54.6892, 25.2798),
    city("Kaunas", "LT", 54.8985, 23.9036),
    city("Oslo", "NO", 59.9139, 10.7522),
    city("Tromsø", "NO", 69.6492, 18.9553),
    city("Trondheim", "NO", 63.4305, 10.3951),
    city("Reykjavík", "IS", 64.1466, -21.9426),
    city("Dublin", "IE", 53.3498, -6.2603),
    city("Cork", "IE", 51.8985, -8.4756),
    city("Edinburgh", "GB", 55.9533, -3.1883),
    city("Cambridge", "GB", 52.2053, 0.1218),
    city("Chișinău", "MD", 47.0105, 28.8638),
    city("Skopje", "MK", 41.9981, 21.4254),
    city("Tiranë", "AL", 41.3275, 19.8187),
    city("Podgorica", "ME", 42.4304, 19.2594),
    city("Sarajevo", "BA", 43.8563, 18.4131),
    city("İstanbul", "TR", 41.0082, 28.9784),
    city("Ankara", "TR", 39.9334, 32.8597),
    city("İzmir", "TR", 38.4237, 27.1428),
    city("Lviv", "UA", 49.8397, 24.0297),
];

const REGIONS: &[&str] = &[
    "Nordic",
    "Baltic",
    "Alpine",
    "Danubian",
    "Iberian",
    "Hellenic",
    "Carpathian",
    "Adriatic",
    "Atlantic",
    "Pannonian",
    "Helvetia",
    "Lusitania",
    "Bohemia",
    "Rhine",
    "Aegean",
    "Boreal",
    "Tyrrhenian",
    "Vistula",
];

const NOUNS: &[&str] = &[
    "AI Factory",
    "Compute Hub",
    "AI Foundry",
    "Intelligence Works",
    "Supercomputing Forge",
    "AI Gateway",
];

const MACHINES: &[&str] = &[
    "Aurora", "Boreas", "Calypso", "Daedalus", "Electra", "Freyja", "Gaia", "Hermes", "Icarus",
    "Juno", "Kalevala", "Lumen", "Minerva", "Nereid", "Orion", "Perun", "Quasar", "Rhea",
];

const VENDORS: &[&str] = &[
    "HPE",
    "Eviden",
    "Lenovo",
    "Dell Technologies",
    "Fujitsu",
    "Supermicro",
    "E4 Computer Engineering",
    "MEGWARE",
];

const HOST_PATTERNS: &[&str] = &[
    "{} Supercomputing Centre",
    "Centre de calcul de {}",
    "Universität {}",
    "{} Institute of Technology",
    "Università di {}",
    "{} Research Infrastructure Foundation",
];

/// (domain, official) of the shared sources.
const DOMAINS: &[(&str, bool)] = &[
    ("eurohpc-ju.europa.eu", true),
    ("digital-strategy.ec.europa.eu", true),
    ("hpcwire.com", false),
    ("datacenterdynamics.com", false),
    ("sciencebusiness.net", false),
    ("insidehpc.com", false),
    ("euractiv.com", false),
    ("heise.de", false),
    ("lemondeinformatique.fr", false),
    ("elespanol.com", false),
];

/// Selection date of each wave (1-based); waves 4 to 6 are invented.
const WAVES: [(i32, u8, u8); 6] = [
    (2024, 12, 10),
    (2025, 3, 12),
    (2025, 10, 10),
    (2026, 3, 18),
    (2026, 9, 23),
    (2027, 2, 17),
];

const AS_OF: (i32, u8, u8) = (2026, 11, 24);
const PLAN_AGREEMENTS: &str = "plan-agreements-early-2025";
const PLAN_PROCUREMENT: &str = "plan-procurement-h1-2025";

fn text(en: impl Into<IStr>, fr: impl Into<IStr>) -> Text {
    Text {
        en: en.into(),
        fr: fr.into(),
    }
}

fn valid_day(y: i32, m: u8, d: u8) -> PDate {
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
fn date_at(month_index: i32, prec: Precision, day: u8) -> PDate {
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

fn random_precision(rng: &mut Rng) -> Precision {
    match rng.below(100) {
        0..40 => Precision::Day,
        40..65 => Precision::Month,
        65..77 => Precision::Quarter,
        77..87 => Precision::Half,
        87..92 => Precision::EndOfYear,
        _ => Precision::Year,
    }
}

fn random_certainty(rng: &mut Rng) -> Certainty {
    match rng.below(100) {
        0..85 => Certainty::Confirmed,
        85..97 => Certainty::Unconfirmed,
        _ => Certainty::Conflicting,
    }
}

/// Lower-case kebab-case from any name (accents folded).
fn slug(s: &str) -> String {
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

/// The embedded tables, which the tests check load.
fn tables() -> &'static Tables {
    embedded_tables().unwrap_or_else(|e| panic!("the embedded tables do not load:\n{e}"))
}

/// `id`, with `suffix` appended until no earlier id is the same; recorded in `ids`.
fn unique_id(ids: &mut HashSet<String>, mut id: String, suffix: &str) -> String {
    while !ids.insert(id.clone()) {
        id.push_str(suffix);
    }
    id
}

/// A dataset of `n` factories (and about `n / 10` antennas), the same for the same seed.
///
/// # Panics
/// If the embedded country and sector tables do not load, which the tests rule out.
pub fn dataset(n: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let Tables { countries, sectors } = tables();
    let known: HashSet<&str> = countries.iter().map(|c| c.code.as_str()).collect();
    let cities: Vec<&City> = CITIES.iter().filter(|c| known.contains(c.cc)).collect();

    let sources = make_sources(&mut rng, 40 + n.min(260));
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let cite = |rng: &mut Rng, k: usize| -> Vec<IStr> {
        let mut v: Vec<IStr> = Vec::with_capacity(k);
        for _ in 0..k.max(1) {
            let id = *rng.pick(&source_ids);
            if !v.iter().any(|x| x == id) {
                v.push(id.to_string().into());
            }
        }
        v
    };

    let mut ids: HashSet<String> = HashSet::new();
    let mut factories = Vec::with_capacity(n);
    for i in 0..n {
        factories.push(make_factory(
            &mut rng, i, &cities, countries, sectors, &mut ids, &cite,
        ));
    }

    let n_antennas = n / 10;
    let mut antennas = Vec::with_capacity(n_antennas);
    for k in 0..n_antennas {
        let c = rng.pick(countries);
        let base = format!("antenna-{}-{}", c.code.to_ascii_lowercase(), k + 1);
        let id = unique_id(&mut ids, base, "-x");
        let linked = if factories.is_empty() || rng.chance(30) {
            Link::Unknown
        } else {
            let mut l = vec![factories[rng.below(factories.len())].id.clone()];
            if rng.chance(15) {
                let other = factories[rng.below(factories.len())].id.clone();
                if !l.contains(&other) {
                    l.push(other);
                }
            }
            Link::Factories(l)
        };
        let city = CITIES
            .iter()
            .filter(|x| x.cc == c.code)
            .nth(rng.below(3))
            .map(|x| IStr::from(x.name));
        antennas.push(Antenna {
            id: id.into(),
            name: format!("AI Factory Antenna {} {}", c.en, k + 1).into(),
            country: c.code.clone(),
            eu_member: c.eu,
            selected: if rng.chance(60) {
                valid_day(2025, 10, 13)
            } else {
                valid_day(2026, 6, 1 + rng.below(28) as u8)
            },
            link_certainty: if rng.chance(70) {
                Certainty::Confirmed
            } else {
                Certainty::Unconfirmed
            },
            linked,
            city,
            host: None,
            notes: Vec::new(),
            sources: cite(&mut rng, 1),
            access: None,
        });
    }

    let milestones = programme_milestones(&mut rng, &factories, &cite);
    Dataset {
        as_of: valid_day(AS_OF.0, AS_OF.1, AS_OF.2),
        factories,
        antennas,
        milestones,
        sources,
    }
}

fn make_sources(rng: &mut Rng, count: usize) -> Vec<Source> {
    (0..count)
        .map(|k| {
            let &(domain, official) = rng.pick(DOMAINS);
            let year = 2024 + rng.below(3) as i32;
            let month = 1 + rng.below(12) as u8;
            Source {
                id: format!("{}-{}", slug(domain), k + 1).into(),
                url: format!("https://{domain}/news/{year}/{month:02}/item-{}", k + 1).into(),
                title: format!("News item {} ({domain})", k + 1).into(),
                date: rng
                    .chance(80)
                    .then(|| valid_day(year, month, 1 + rng.below(28) as u8)),
                official,
            }
        })
        .collect()
}

fn make_factory(
    rng: &mut Rng,
    i: usize,
    cities: &[&City],
    countries: &[Country],
    sectors: &[Sector],
    ids: &mut HashSet<String>,
    cite: &dyn Fn(&mut Rng, usize) -> Vec<IStr>,
) -> Factory {
    // The first REGIONS × NOUNS factories get a plain name, the rest a number: unique.
    let combos = REGIONS.len() * NOUNS.len();
    let name = if i < combos {
        format!(
            "{} {}",
            REGIONS[i % REGIONS.len()],
            NOUNS[i / REGIONS.len()]
        )
    } else {
        format!("{} {} {}", rng.pick(REGIONS), rng.pick(NOUNS), i + 1)
    };
    let id = unique_id(ids, slug(&name), &format!("-{}", i + 1));
    let c = *rng.pick(cities);
    let wave = 1 + rng.below(WAVES.len()) as u8;
    let (wy, wm, wd) = WAVES[usize::from(wave - 1)];
    let selected = valid_day(wy, wm, wd);

    let mut partners: Vec<IStr> = Vec::new();
    for _ in 0..rng.below(5) {
        let p = &rng.pick(countries).code;
        if p != c.cc && !partners.contains(p) {
            partners.push(p.clone());
        }
    }
    let mut chosen: Vec<&Sector> = Vec::new();
    for _ in 0..rng.range(1, 5) {
        let s = rng.pick(sectors);
        if !chosen.iter().any(|x| x.key == s.key) {
            chosen.push(s);
        }
    }
    let sector_keys: Vec<IStr> = chosen.iter().map(|s| s.key.clone()).collect();
    let list = |fr: bool| -> String {
        chosen
            .iter()
            .map(|s| if fr { s.fr.as_str() } else { s.en.as_str() })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let host = rng.pick(HOST_PATTERNS).replace("{}", c.name);
    let machine = rng
        .chance(75)
        .then(|| format!("{}-{}", rng.pick(MACHINES), 1 + rng.below(99)));
    let selection_month = wy * 12 + i32::from(wm) - 1;
    let operation = rng.chance(70).then(|| {
        let prec = *rng.pick(&[
            Precision::Quarter,
            Precision::Half,
            Precision::EndOfYear,
            Precision::Year,
            Precision::Month,
        ]);
        date_at(selection_month + rng.range(12, 30) as i32, prec, 1)
    });
    let site = rng.chance(10).then(|| {
        let other = cities
            .iter()
            .find(|x| x.cc == c.cc && x.name != c.name)
            .unwrap_or(&c);
        Place {
            name: other.name.to_string().into(),
            coords: Coords {
                lat: other.lat,
                lon: other.lon,
            },
        }
    });
    let funding = (0..rng.below(3))
        .map(|_| Funding {
            amount: format!("€{} M", 20 + rng.below(400)).into(),
            detail: text(
                "total, 50/50 EuroHPC/national",
                "total, 50/50 EuroHPC/national",
            ),
            certainty: random_certainty(rng),
            sources: cite(rng, 1),
        })
        .collect();
    let notes = if rng.chance(15) {
        vec![Note {
            certainty: Certainty::Conflicting,
            text: text(
                "Sources disagree on the budget.",
                "Les sources divergent sur le budget.",
            ),
            sources: cite(rng, 2),
        }]
    } else {
        Vec::new()
    };
    let milestones = factory_milestones(rng, &id, wave, selection_month, cite);
    Factory {
        aliases: if rng.chance(20) {
            vec![format!("{} AIF", c.name).into()]
        } else {
            Vec::new()
        },
        consortium: (0..rng.below(4))
            .map(|k| format!("{} partner {}", c.name, k + 1).into())
            .collect(),
        city: c.name.into(),
        country: c.cc.into(),
        coords: Coords {
            lat: c.lat,
            lon: c.lon,
        },
        site,
        partners,
        system: System {
            description: text(
                "new AI-optimised supercomputer",
                "nouveau supercalculateur optimisé pour l'IA",
            ),
            name: machine.map(IStr::from),
            vendor: rng.chance(50).then(|| IStr::from(*rng.pick(VENDORS))),
            operation,
            operation_certainty: random_certainty(rng),
            sources: cite(rng, 2),
        },
        sectors_certainty: if rng.chance(80) {
            Certainty::Confirmed
        } else {
            Certainty::Unconfirmed
        },
        summary: text(
            format!(
                "{name} is hosted by {host} in {}, selected in wave {wave}; it serves {}.",
                c.name,
                list(false)
            ),
            format!(
                "{name} est hébergée par {host} à {}, sélectionnée lors de la vague {wave} ; elle sert : {}.",
                c.name,
                list(true)
            ),
        ),
        sectors: sector_keys,
        funding,
        milestones,
        notes,
        sources: cite(rng, 3),
        id: id.into(),
        name: name.into(),
        wave,
        selected,
        host: host.into(),
        access: None,
    }
}

/// 2 to 8 steps after the selection, in the usual order, with varied precision; wave-1
/// factories answer the two 2025 plans; later steps past `AS_OF` are plans; some slip.
fn factory_milestones(
    rng: &mut Rng,
    id: &str,
    wave: u8,
    selection_month: i32,
    cite: &dyn Fn(&mut Rng, usize) -> Vec<IStr>,
) -> Vec<Milestone> {
    const STEPS: [(Kind, &str, &str); 8] = [
        (
            Kind::Agreement,
            "Hosting agreement signed",
            "Convention d'accueil signée",
        ),
        (Kind::Launch, "Kick-off event", "Événement de lancement"),
        (
            Kind::Procurement,
            "System tender launched",
            "Appel d'offres du système lancé",
        ),
        (
            Kind::Contract,
            "Supply contract signed",
            "Contrat de fourniture signé",
        ),
        (
            Kind::Installation,
            "Installation begins",
            "Début de l'installation",
        ),
        (
            Kind::Launch,
            "Service centre opens",
            "Ouverture du centre de services",
        ),
        (Kind::Operation, "System in operation", "Système en service"),
        (
            Kind::Other,
            "First user call",
            "Premier appel aux utilisateurs",
        ),
    ];
    let as_of = Day {
        year: AS_OF.0,
        month: AS_OF.1,
        day: AS_OF.2,
    };
    let count = rng.range(2, 8);
    let mut month = selection_month;
    let mut out = Vec::with_capacity(count);
    for (k, &(kind, en, fr)) in STEPS.iter().take(count).enumerate() {
        month += rng.range(1, 6) as i32;
        let prec = random_precision(rng);
        let day = 1 + rng.below(28) as u8;
        let mut date = date_at(month, prec, day);
        let mut first_announced = None;
        if rng.chance(15) {
            let fa = date_at(month, *rng.pick(&[Precision::Quarter, Precision::Half]), 1);
            let moved = date_at(month + rng.range(7, 18) as i32, prec, day);
            if moved.end() > fa.end() {
                first_announced = Some(fa);
                date = moved;
                month += 7;
            }
        }
        let planned = date.start() > as_of;
        let answers = match (wave, kind) {
            (1, Kind::Agreement) => Some(PLAN_AGREEMENTS.to_string()),
            (1, Kind::Procurement) => Some(PLAN_PROCUREMENT.to_string()),
            _ => None,
        }
        .filter(|_| !planned);
        out.push(Milestone {
            // A few ids, unique because they contain the factory id and the step number.
            id: rng
                .chance(10)
                .then(|| format!("{id}-step-{}", k + 1).into()),
            date,
            kind,
            title: text(en, fr),
            planned,
            first_announced,
            answers: answers.map(IStr::from),
            factories: Vec::new(),
            certainty: if planned {
                Certainty::Unconfirmed
            } else {
                random_certainty(rng)
            },
            sources: {
                let k = 1 + rng.below(2);
                cite(rng, k)
            },
        });
    }
    out
}

fn programme_milestones(
    rng: &mut Rng,
    factories: &[Factory],
    cite: &dyn Fn(&mut Rng, usize) -> Vec<IStr>,
) -> Vec<Milestone> {
    // Programme milestones name at most this many factories, as the real ones name a wave.
    const NAMED: usize = 50;
    let wave_ids = |w: u8| -> Vec<IStr> {
        factories
            .iter()
            .filter(|f| f.wave == w)
            .take(NAMED)
            .map(|f| f.id.clone())
            .collect()
    };
    let m = |rng: &mut Rng, id: Option<&str>, date: PDate, kind: Kind, en: String, fr: String| {
        Milestone {
            id: id.map(IStr::from),
            date,
            kind,
            title: text(en, fr),
            planned: false,
            first_announced: None,
            answers: None,
            factories: Vec::new(),
            certainty: Certainty::Confirmed,
            sources: cite(rng, 1),
        }
    };
    let mut out = vec![
        m(
            rng,
            None,
            date_at(2024 * 12, Precision::Month, 1),
            Kind::Policy,
            "AI Factories initiative announced".into(),
            "Annonce de l'initiative des usines d'IA".into(),
        ),
        m(
            rng,
            None,
            valid_day(2024, 9, 10),
            Kind::Call,
            "AI Factories calls open".into(),
            "Ouverture des appels AI Factories".into(),
        ),
    ];
    let plan = |rng: &mut Rng, id: &str, date: PDate, kind: Kind, en: &str, fr: &str| {
        let mut p = m(rng, Some(id), date, kind, en.into(), fr.into());
        p.planned = true;
        p.certainty = Certainty::Unconfirmed;
        p.factories = wave_ids(1);
        p
    };
    out.push(plan(
        rng,
        PLAN_AGREEMENTS,
        date_at(2025 * 12, Precision::Quarter, 1),
        Kind::Agreement,
        "Agreements with the first factories formalised (as announced)",
        "Accords avec les premières usines formalisés (annonce)",
    ));
    out.push(plan(
        rng,
        PLAN_PROCUREMENT,
        date_at(2025 * 12, Precision::Half, 1),
        Kind::Procurement,
        "Procurement of the first systems starts (as announced)",
        "Début de l'acquisition des premiers systèmes (annonce)",
    ));
    for (w, &(y, mo, d)) in WAVES.iter().enumerate() {
        let wave = w as u8 + 1;
        let mut s = m(
            rng,
            None,
            valid_day(y, mo, d),
            Kind::Selection,
            format!("Wave {wave} of AI Factories selected"),
            format!("Sélection de la vague {wave} des usines d'IA"),
        );
        s.factories = wave_ids(wave);
        out.push(s);
    }
    out.push(m(
        rng,
        None,
        valid_day(2025, 10, 13),
        Kind::Selection,
        "AI Factory Antennas selected".into(),
        "Sélection des antennes d'usines d'IA".into(),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_spread() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        let mut r = Rng::new(0);
        let mut seen = [0usize; 10];
        for _ in 0..10_000 {
            seen[r.below(10)] += 1;
        }
        assert!(seen.iter().all(|&c| c > 800), "{seen:?}");
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn slugs_are_kebab_case() {
        assert_eq!(slug("Nordic AI Factory 12"), "nordic-ai-factory-12");
        assert_eq!(slug("  Kraków — Hub!  "), "krakow-hub");
    }

    #[test]
    fn dates_cover_every_precision() {
        let m = 2025 * 12 + 7; // August 2025
        assert_eq!(date_at(m, Precision::Day, 31).iso(), "2025-08-28");
        assert_eq!(date_at(m, Precision::Month, 1).iso(), "2025-08");
        assert_eq!(date_at(m, Precision::Quarter, 1).iso(), "2025-Q3");
        assert_eq!(date_at(m, Precision::Half, 1).iso(), "2025-H2");
        assert_eq!(date_at(m, Precision::EndOfYear, 1).iso(), "end-2025");
        assert_eq!(date_at(m, Precision::Year, 1).iso(), "2025");
    }

    #[test]
    fn cities_are_in_europe_with_known_codes() {
        let countries = &tables().countries;
        for c in CITIES {
            assert!((27.0..=72.0).contains(&c.lat) && (-32.0..=45.0).contains(&c.lon));
            assert!(
                countries.iter().any(|k| k.code == c.cc),
                "{} {}",
                c.name,
                c.cc
            );
        }
    }
}
