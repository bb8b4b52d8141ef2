//! One factory: name, host, city, partners, sectors, system, funding, notes and its
//! milestones.

use std::collections::HashSet;

use super::milestones::factory_milestones;
use super::values::{date_at, random_certainty, slug, text, valid_day};
use super::words::{City, HOST_PATTERNS, MACHINES, NOUNS, REGIONS, VENDORS, WAVES};
use super::{Rng, unique_id};
use crate::data::model::{
    Certainty, Coords, Country, Factory, Funding, Note, Place, Sector, System,
};
use crate::data::{IStr, Precision};

pub(super) fn make_factory(
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
