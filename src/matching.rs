//! "Which factory serves me": factories and antennas ranked for a user's country, sectors and
//! profile, each with the reasons, every reason a fact of the data. Pure logic over the
//! catalog, shared by `aifactories match` and the dashboard's "for me" view.
//!
//! One ranking rule: where the record stands for the user's country first (hosted there,
//! then an antenna there, then the country a consortium partner, then an antenna there linked
//! to the factory), then how many of the user's sectors it serves, then whether its sources
//! say it is open to the user's profile, then whether its machine runs, then the data's order.
//! A country with none of these still gets an answer: every factory, as open to users from
//! every EuroHPC participating state through the access calls, ranked by the same rule.

use crate::data::{Catalog, Day, IStr, Kind, Lang, Link, PDate, Record, UserGroup};
use crate::i18n::Msg;
use crate::text::fold;

/// The sources of [`Reason::OpenToAll`]: AI Factories capacity is open to users from
/// anywhere in Europe through the EuroHPC access calls.
pub const OPEN_TO_ALL_SOURCES: [&str; 2] = ["oecd-ai-eurohpc", "europapact-eurohpc"];

/// What the user says about themself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// ISO code of the user's country.
    pub country: Option<IStr>,
    /// Sector keys.
    pub sectors: Vec<IStr>,
    pub users: Option<UserGroup>,
}

/// Why a record matched: each one a fact of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The factory is hosted in the user's country, or the antenna stands there.
    Hosted(IStr),
    /// The user's country is a consortium partner of the factory.
    Partner(IStr),
    /// An antenna in the user's country is linked to the factory (antenna ids).
    AntennaLinked(Vec<IStr>),
    /// For an antenna: the factories it is linked to (names).
    LinkedTo(Vec<IStr>),
    /// It serves these of the user's sectors (keys).
    Sectors(Vec<IStr>),
    /// Its sources say it is open to the user's profile.
    OpenTo(UserGroup),
    /// Its machine has been in operation since this date (an operation milestone).
    Running(PDate),
    /// Its machine is expected at this date (the planned operation).
    Expected(PDate),
    /// Its planned operation date has passed with no start of operation recorded.
    Overdue(PDate),
    /// The fallback: no tie with the user's country, but the factories' capacity is open to
    /// users from every EuroHPC participating state through the access calls.
    OpenToAll,
}

impl Reason {
    /// The reason in words.
    pub fn text(&self, cat: &Catalog, lang: Lang) -> String {
        let country = |c: &str| format!("{} ({c})", cat.country_name(c, lang));
        match self {
            Reason::Hosted(c) => Msg::ReasonHosted.fill(lang, &[&country(c)]),
            Reason::Partner(c) => Msg::ReasonPartner.fill(lang, &[&country(c)]),
            Reason::AntennaLinked(ids) => {
                let names: Vec<&str> = ids
                    .iter()
                    .map(|id| {
                        cat.antennas()
                            .iter()
                            .find(|a| a.id == *id)
                            .map_or(id.as_str(), |a| a.name.as_str())
                    })
                    .collect();
                Msg::ReasonAntennaLinked.fill(lang, &[&names.join(", ")])
            }
            Reason::LinkedTo(names) => {
                let names: Vec<&str> = names.iter().map(IStr::as_str).collect();
                Msg::ReasonLinkedTo.fill(lang, &[&names.join(", ")])
            }
            Reason::Sectors(keys) => {
                let labels: Vec<&str> = keys.iter().map(|k| cat.sector_label(k, lang)).collect();
                Msg::ReasonSectors.fill(lang, &[&labels.join(", ")])
            }
            Reason::OpenTo(g) => Msg::ReasonOpenTo.fill(lang, &[g.label(lang)]),
            Reason::Running(d) => Msg::ReasonRunning.fill(lang, &[&d.human(lang.is_fr())]),
            Reason::Expected(d) => Msg::ReasonExpected.fill(lang, &[&d.human(lang.is_fr())]),
            Reason::Overdue(d) => Msg::ReasonOverdue.fill(lang, &[&d.human(lang.is_fr())]),
            Reason::OpenToAll => Msg::ReasonOpenToAll.text(lang).to_string(),
        }
    }

    /// A short stable key, for JSON and CSV.
    pub fn key(&self) -> &'static str {
        match self {
            Reason::Hosted(_) => "hosted",
            Reason::Partner(_) => "partner",
            Reason::AntennaLinked(_) => "antenna",
            Reason::LinkedTo(_) => "linked",
            Reason::Sectors(_) => "sector",
            Reason::OpenTo(_) => "profile",
            Reason::Running(_) => "running",
            Reason::Expected(_) => "expected",
            Reason::Overdue(_) => "overdue",
            Reason::OpenToAll => "open-to-all",
        }
    }
}

/// Where a record stands for the user's country, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// No tie: listed as open to all participating states.
    None,
    /// A factory an antenna in the country is linked to.
    Linked,
    /// A factory the country is a consortium partner of.
    Partner,
    /// An antenna in the country.
    AntennaHere,
    /// A factory hosted in the country.
    Hosted,
}

/// What is known about a factory's machine, as of today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Machine {
    Unknown,
    Running(PDate),
    Expected(PDate),
    Overdue(PDate),
}

/// One ranked record. Its reasons are worked out when asked for ([`Ranked::reasons`]), so
/// that ranking a large dataset allocates nothing per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    pub record: Record,
    /// Higher ranks first; see the module's ranking rule.
    pub score: u32,
    pub place: Place,
    /// Which of the profile's sectors it serves (bit `i` for `sectors[i]`).
    sectors: u64,
    /// Its sources say it is open to the profile's users.
    open: bool,
    machine: Machine,
}

impl Ranked {
    /// Why it matched, each reason a fact of the data.
    pub fn reasons(&self, cat: &Catalog, p: &Profile) -> Vec<Reason> {
        let mut out = Vec::new();
        let code = p.country.as_deref().unwrap_or_default();
        match self.record {
            Record::Factory(fi) => {
                let f = &cat.factories()[fi];
                match self.place {
                    Place::Hosted => out.push(Reason::Hosted(f.country.clone())),
                    Place::Partner => out.push(Reason::Partner(code.into())),
                    _ => {}
                }
                let here: Vec<IStr> = cat
                    .antennas()
                    .iter()
                    .filter(|a| a.country == code)
                    .filter(|a| matches!(&a.linked, Link::Factories(ids) if ids.contains(&f.id)))
                    .map(|a| a.id.clone())
                    .collect();
                if !here.is_empty() && self.place != Place::None {
                    out.push(Reason::AntennaLinked(here));
                }
            }
            Record::Antenna(ai) => {
                let a = &cat.antennas()[ai];
                out.push(Reason::Hosted(a.country.clone()));
                if let Link::Factories(ids) = &a.linked {
                    let names = ids
                        .iter()
                        .map(|id| cat.factory(id).map_or(id.clone(), |f| f.name.clone()))
                        .collect();
                    out.push(Reason::LinkedTo(names));
                }
            }
        }
        let sectors: Vec<IStr> = p
            .sectors
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 64 && self.sectors & (1 << i) != 0)
            .map(|(_, k)| k.clone())
            .collect();
        if !sectors.is_empty() {
            out.push(Reason::Sectors(sectors));
        }
        if let (true, Some(g)) = (self.open, p.users) {
            out.push(Reason::OpenTo(g));
        }
        match self.machine {
            Machine::Running(d) => out.push(Reason::Running(d)),
            Machine::Expected(d) => out.push(Reason::Expected(d)),
            Machine::Overdue(d) => out.push(Reason::Overdue(d)),
            Machine::Unknown => {}
        }
        // Last: what sets the row apart comes first where the list has room for one reason.
        if self.place == Place::None && p.country.is_some() {
            out.push(Reason::OpenToAll);
        }
        out
    }
}

/// The ranking for a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    pub ranked: Vec<Ranked>,
    /// The user's country has no factory, partner or antenna: every factory is listed as
    /// open to all EuroHPC participating states.
    pub fallback: bool,
}

/// The score: place, then sectors, then profile, then a running machine.
fn score(place: Place, sectors: u64, open: bool, machine: Machine) -> u32 {
    (place as u32) * 10_000
        + sectors.count_ones() * 100
        + u32::from(open) * 10
        + u32::from(matches!(machine, Machine::Running(_)))
}

/// Whether the sources say a record is open to the profile's users.
fn open_to(p: &Profile, access: Option<&crate::data::Access>) -> bool {
    p.users
        .is_some_and(|g| access.is_some_and(|a| a.users.contains(&g)))
}

/// Factory `fi`'s row at `place`.
fn factory_row(cat: &Catalog, p: &Profile, fi: usize, place: Place, today: Day) -> Ranked {
    let f = &cat.factories()[fi];
    let sectors = sector_bits(p, &f.sectors);
    let open = open_to(p, f.access.as_ref());
    let running = f
        .milestones
        .iter()
        .filter(|m| m.kind == Kind::Operation && !m.planned && m.date.start() <= today)
        .map(|m| m.date)
        .min();
    let machine = match (running, f.system.operation) {
        (Some(d), _) => Machine::Running(d),
        (None, Some(d)) if d.end() < today => Machine::Overdue(d),
        (None, Some(d)) => Machine::Expected(d),
        (None, None) => Machine::Unknown,
    };
    Ranked {
        record: Record::Factory(fi),
        score: score(place, sectors, open, machine),
        place,
        sectors,
        open,
        machine,
    }
}

/// Bit `i` set when `sectors[i]` of the profile is among `served`.
fn sector_bits(p: &Profile, served: &[IStr]) -> u64 {
    p.sectors
        .iter()
        .take(64)
        .enumerate()
        .filter(|(_, k)| served.contains(k))
        .fold(0, |bits, (i, _)| bits | (1 << i))
}

/// Rank the catalog's factories and antennas for `p`, as of `today`. Ties keep the data's
/// order (factories by wave, then antennas).
pub fn rank(cat: &Catalog, p: &Profile, today: Day) -> Matches {
    let code = p.country.as_deref();
    // Factories that an antenna in the user's country is linked to.
    let mut linked = vec![false; cat.factories().len()];
    if let Some(code) = code {
        for a in cat.antennas().iter().filter(|a| a.country == code) {
            if let Link::Factories(ids) = &a.linked {
                for id in ids {
                    if let Some(fi) = cat.factory_index(id) {
                        linked[fi] = true;
                    }
                }
            }
        }
    }
    let mut ranked = Vec::new();
    let mut local = false;
    for (fi, f) in cat.factories().iter().enumerate() {
        let place = match code {
            Some(c) if f.country == c => Place::Hosted,
            Some(c) if f.partners.iter().any(|x| x == c) => Place::Partner,
            _ if linked[fi] => Place::Linked,
            _ => Place::None,
        };
        local |= place != Place::None;
        // Without a tie to the country, a factory is listed for a sector it serves.
        if place != Place::None || code.is_none() || sector_bits(p, &f.sectors) != 0 {
            ranked.push(factory_row(cat, p, fi, place, today));
        }
    }
    if let Some(code) = code {
        for (ai, a) in cat.antennas().iter().enumerate() {
            if a.country != code {
                continue;
            }
            local = true;
            let open = open_to(p, a.access.as_ref());
            ranked.push(Ranked {
                record: Record::Antenna(ai),
                score: score(Place::AntennaHere, 0, open, Machine::Unknown),
                place: Place::AntennaHere,
                sectors: 0,
                open,
                machine: Machine::Unknown,
            });
        }
    }
    let fallback = code.is_some() && !local;
    if fallback {
        // Every factory, open to all participating states, ranked by sector and profile.
        ranked = (0..cat.factories().len())
            .map(|fi| factory_row(cat, p, fi, Place::None, today))
            .collect();
    }
    ranked.sort_by_key(|r| std::cmp::Reverse(r.score));
    Matches { ranked, fallback }
}

/// A country given as ISO code or name (English or French, accents and case ignored), or
/// the nearest names to suggest.
pub fn find_country(cat: &Catalog, q: &str) -> Result<IStr, Vec<String>> {
    let up = q.trim().to_ascii_uppercase();
    if let Some(c) = cat.country(&up) {
        return Ok(c.code.clone());
    }
    let fq = fold(q.trim());
    if let Some(c) = cat
        .countries
        .iter()
        .find(|c| fold(&c.en) == fq || fold(&c.fr) == fq)
    {
        return Ok(c.code.clone());
    }
    let names = cat.countries.iter().flat_map(|c| {
        [
            (fold(&c.en), format!("{} ({})", c.en, c.code)),
            (fold(&c.fr), format!("{} ({})", c.fr, c.code)),
            (c.code.to_ascii_lowercase(), c.code.to_string()),
        ]
    });
    Err(nearest(&fq, names))
}

/// A sector given as key, label or synonym in either language, or the nearest keys.
pub fn find_sector(cat: &Catalog, q: &str) -> Result<IStr, Vec<String>> {
    let fq = fold(q.trim());
    if let Some(s) = cat.sectors.iter().find(|s| {
        s.key == fq
            || fold(&s.en) == fq
            || fold(&s.fr) == fq
            || s.synonyms.iter().any(|y| fold(y) == fq)
    }) {
        return Ok(s.key.clone());
    }
    let names = cat.sectors.iter().flat_map(|s| {
        [
            (s.key.to_string(), s.key.to_string()),
            (fold(&s.en), s.key.to_string()),
            (fold(&s.fr), s.key.to_string()),
        ]
        .into_iter()
        .chain(s.synonyms.iter().map(|y| (fold(y), s.key.to_string())))
    });
    Err(nearest(&fq, names))
}

/// The suggestions nearest to `q` (within a third of its length, at least one edit), best
/// first, without repeats.
fn nearest(q: &str, names: impl Iterator<Item = (String, String)>) -> Vec<String> {
    let limit = (q.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, String)> = names
        .map(|(folded, shown)| (crate::text::edit_distance(q, &folded), shown))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, s) in scored {
        if !out.contains(&s) {
            out.push(s);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> Catalog {
        Catalog::embedded().unwrap()
    }

    fn today() -> Day {
        "2026-11-24".parse().unwrap()
    }

    fn profile(cc: &str, sectors: &[&str]) -> Profile {
        Profile {
            country: Some(cc.into()),
            sectors: sectors.iter().map(|s| (*s).into()).collect(),
            users: None,
        }
    }

    fn ids(cat: &Catalog, m: &Matches) -> Vec<String> {
        m.ranked
            .iter()
            .map(|r| match r.record {
                Record::Factory(i) => cat.factories()[i].id.to_string(),
                Record::Antenna(i) => cat.antennas()[i].id.to_string(),
            })
            .collect()
    }

    #[test]
    fn hosted_comes_before_partner() {
        let cat = cat();
        let m = rank(&cat, &profile("PL", &[]), today());
        let hosts: Vec<usize> = m
            .ranked
            .iter()
            .enumerate()
            .filter(|(_, r)| r.place == Place::Hosted)
            .map(|(i, _)| i)
            .collect();
        let partners: Vec<usize> = m
            .ranked
            .iter()
            .enumerate()
            .filter(|(_, r)| r.place == Place::Partner)
            .map(|(i, _)| i)
            .collect();
        assert!(
            !hosts.is_empty() && !partners.is_empty(),
            "{:?}",
            ids(&cat, &m)
        );
        assert!(
            hosts.iter().max() < partners.iter().min(),
            "{:?}",
            ids(&cat, &m)
        );
        assert!(!m.fallback);
    }

    #[test]
    fn a_country_with_none_falls_back_to_every_factory_by_sector() {
        let cat = cat();
        let p = profile("HR", &["health"]);
        let m = rank(&cat, &p, today());
        assert!(m.fallback);
        assert_eq!(m.ranked.len(), cat.factories().len());
        assert!(
            m.ranked
                .iter()
                .all(|r| r.reasons(&cat, &p).contains(&Reason::OpenToAll))
        );
        let first = m.ranked[0].reasons(&cat, &p);
        assert!(first.iter().any(|r| matches!(r, Reason::Sectors(_))));
    }

    #[test]
    fn misspelt_sectors_and_countries_get_suggestions() {
        let cat = cat();
        assert_eq!(find_sector(&cat, "helth").unwrap_err()[0], "health");
        assert_eq!(find_sector(&cat, "Santé").unwrap(), "health");
        assert_eq!(find_country(&cat, "Croatie").unwrap(), "HR");
        assert_eq!(find_country(&cat, "pt").unwrap(), "PT");
        let s = find_country(&cat, "Portugl").unwrap_err();
        assert!(s[0].starts_with("Portugal"), "{s:?}");
    }
}
