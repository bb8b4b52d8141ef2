//! Milestones: each factory's steps after its selection, and the programme's own (the
//! initiative, the calls, the 2025 plans and the wave selections).

use super::Rng;
use super::values::{date_at, random_certainty, random_precision, text, valid_day};
use super::words::{AS_OF, PLAN_AGREEMENTS, PLAN_PROCUREMENT, WAVES};
use crate::data::model::{Certainty, Factory, Milestone};
use crate::data::{Day, IStr, Kind, PDate, Precision};

/// 2 to 8 steps after the selection, in the usual order, with varied precision; wave-1
/// factories answer the two 2025 plans; later steps past `AS_OF` are plans; some slip.
pub(super) fn factory_milestones(
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

pub(super) fn programme_milestones(
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
