//! What the generator draws from: real European cities, name parts, machine and vendor
//! names, host patterns, source domains, the waves' selection dates and the fixed dates and
//! ids of the programme.

/// A real European city: name as written locally, ISO country code, coordinates.
pub(super) struct City {
    pub(super) name: &'static str,
    pub(super) cc: &'static str,
    pub(super) lat: f64,
    pub(super) lon: f64,
}

const fn city(name: &'static str, cc: &'static str, lat: f64, lon: f64) -> City {
    City { name, cc, lat, lon }
}

pub(super) const CITIES: &[City] = &[
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

pub(super) const REGIONS: &[&str] = &[
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

pub(super) const NOUNS: &[&str] = &[
    "AI Factory",
    "Compute Hub",
    "AI Foundry",
    "Intelligence Works",
    "Supercomputing Forge",
    "AI Gateway",
];

pub(super) const MACHINES: &[&str] = &[
    "Aurora", "Boreas", "Calypso", "Daedalus", "Electra", "Freyja", "Gaia", "Hermes", "Icarus",
    "Juno", "Kalevala", "Lumen", "Minerva", "Nereid", "Orion", "Perun", "Quasar", "Rhea",
];

pub(super) const VENDORS: &[&str] = &[
    "HPE",
    "Eviden",
    "Lenovo",
    "Dell Technologies",
    "Fujitsu",
    "Supermicro",
    "E4 Computer Engineering",
    "MEGWARE",
];

pub(super) const HOST_PATTERNS: &[&str] = &[
    "{} Supercomputing Centre",
    "Centre de calcul de {}",
    "Universität {}",
    "{} Institute of Technology",
    "Università di {}",
    "{} Research Infrastructure Foundation",
];

/// (domain, official) of the shared sources.
pub(super) const DOMAINS: &[(&str, bool)] = &[
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
pub(super) const WAVES: [(i32, u8, u8); 6] = [
    (2024, 12, 10),
    (2025, 3, 12),
    (2025, 10, 10),
    (2026, 3, 18),
    (2026, 9, 23),
    (2027, 2, 17),
];

pub(super) const AS_OF: (i32, u8, u8) = (2026, 11, 24);
pub(super) const PLAN_AGREEMENTS: &str = "plan-agreements-early-2025";
pub(super) const PLAN_PROCUREMENT: &str = "plan-procurement-h1-2025";
