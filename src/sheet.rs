//! The fact sheet of a factory or antenna: what is known about it, label by label, with how
//! sure the sources are and which sources say it. Built once here and rendered by both the
//! detail pane and `aifactories show`, so that their labels and contents cannot drift apart.
//! Text from the data is made safe for the terminal here.

use crate::data::{
    Access, Antenna, Catalog, Certainty, Day, Factory, IStr, Lang, Link, Note, Service, UserGroup,
};
use crate::i18n::Msg;
use crate::text::sanitize;
use crate::timeline::{Status, Timeline};

/// Milestones listed on a sheet; the timeline walks through all of them.
pub const MAX_MILESTONES: usize = 200;

/// A piece of a value, told apart in rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Plain(String),
    /// The value's name (a machine, an amount).
    Strong(String),
    /// What the sources do not confirm: a ` ?` mark, or a missing value said so.
    Doubt(String),
    /// An address, never broken across lines.
    Link(String),
}

/// One labelled line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: Msg,
    pub value: Vec<Part>,
}

/// A milestone in date order, with the status the timeline gives it today.
#[derive(Debug, Clone)]
pub struct MilestoneRow {
    pub date: String,
    pub kind: &'static str,
    pub title: String,
    pub status: Status,
    pub status_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    pub title: String,
    pub date: Option<String>,
    pub official: bool,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub id: String,
    /// Other names (factories), or what kind of record it is (antennas).
    pub subtitle: Option<String>,
    /// What a user asks first: the website, what it offers and to whom, how to get access,
    /// then the sectors; shown before the summary.
    pub lead: Vec<Field>,
    /// The rest: host, place, consortium, machine, funding.
    pub fields: Vec<Field>,
    /// The plain-language summary.
    pub summary: Option<String>,
    pub milestones: Vec<MilestoneRow>,
    /// Milestones left out past [`MAX_MILESTONES`].
    pub more_milestones: usize,
    /// Unconfirmed or conflicting points.
    pub notes: Vec<String>,
    pub sources: Vec<SourceRow>,
}

fn plain(s: impl Into<String>) -> Part {
    Part::Plain(s.into())
}

fn safe(s: &str) -> String {
    sanitize(s).into_owned()
}

/// ` ?` after a value the sources do not confirm.
fn mark(c: Certainty) -> Option<Part> {
    (!c.is_confirmed()).then(|| Part::Doubt(c.mark().to_string()))
}

fn field(label: Msg, value: impl IntoIterator<Item = Part>) -> Field {
    Field {
        label,
        value: value.into_iter().collect(),
    }
}

/// A value from the data, or the note that the sources do not confirm one.
fn or_doubt(value: Option<&str>, missing: Msg, lang: Lang) -> Part {
    value.map_or_else(
        || Part::Doubt(missing.text(lang).to_string()),
        |v| plain(safe(v)),
    )
}

impl Sheet {
    /// The sheet of factory `fi` of the catalog; milestone statuses are as of `today`.
    pub fn factory(cat: &Catalog, tl: &Timeline, fi: usize, today: Day, lang: Lang) -> Sheet {
        let f: &Factory = &cat.factories()[fi];
        let fr = lang.is_fr();
        let t = |m: Msg| m.text(lang);
        let mut fields = vec![
            field(
                Msg::Selected,
                [plain(format!(
                    "{} {} · {}",
                    t(Msg::Wave),
                    f.wave,
                    f.selected.human(fr)
                ))],
            ),
            field(Msg::Host, [plain(safe(&f.host))]),
            field(
                Msg::Location,
                [plain(format!(
                    "{}, {} ({})",
                    safe(&f.city),
                    cat.country_name(&f.country, lang),
                    f.country
                ))],
            ),
        ];
        if let Some(site) = &f.site {
            fields.push(field(Msg::MachineSite, [plain(safe(&site.name))]));
        }
        let partners = if f.partners.is_empty() {
            t(Msg::NoPartner).to_string()
        } else {
            f.partners
                .iter()
                .map(|p| format!("{} ({p})", cat.country_name(p, lang)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        fields.push(field(Msg::Partners, [plain(partners)]));
        if !f.consortium.is_empty() {
            fields.push(field(
                Msg::Consortium,
                [plain(safe(&f.consortium.join(", ")))],
            ));
        }
        let antennas: Vec<String> = cat
            .antennas_of(&f.id)
            .map(|a| {
                format!(
                    "{} ({}){}",
                    safe(&a.name),
                    a.country,
                    a.link_certainty.mark()
                )
            })
            .collect();
        if !antennas.is_empty() {
            fields.push(field(Msg::Antennas, [plain(antennas.join(", "))]));
        }
        let sys = &f.system;
        fields.push(field(
            Msg::AiSystem,
            [
                Part::Strong(safe(sys.name.as_deref().unwrap_or(t(Msg::Unnamed)))),
                plain(format!(" – {}", safe(sys.description.get(lang)))),
            ],
        ));
        fields.push(field(
            Msg::Vendor,
            [or_doubt(
                sys.vendor.as_deref(),
                Msg::VendorNotConfirmed,
                lang,
            )],
        ));
        if let Some(op) = &sys.operation {
            fields.push(field(
                Msg::Operation,
                [plain(op.human(fr))]
                    .into_iter()
                    .chain(mark(sys.operation_certainty)),
            ));
        }
        for m in &f.funding {
            fields.push(field(
                Msg::Funding,
                [
                    Part::Strong(safe(&m.amount)),
                    plain(format!(" – {}", safe(m.detail.get(lang)))),
                ]
                .into_iter()
                .chain(mark(m.certainty)),
            ));
        }
        // The factory's own milestones and the programme's that concern it, when it has any
        // of its own.
        let entries = if f.milestones.is_empty() {
            &[][..]
        } else {
            tl.for_factory(fi)
        };
        let milestones = entries
            .iter()
            .take(MAX_MILESTONES)
            .filter_map(|&e| {
                let e = e as usize;
                let entry = tl.entry(e)?;
                let status = tl.status(e, today)?;
                let m = tl.milestone(cat, e);
                Some(MilestoneRow {
                    date: entry.date().human(fr),
                    kind: entry.kind().label(lang),
                    title: safe(m.title.get(lang)),
                    status_text: status.text(lang, m.first_announced),
                    status,
                })
            })
            .collect();
        let sectors = f
            .sectors
            .iter()
            .map(|k| cat.sector_label(k, lang))
            .collect::<Vec<_>>()
            .join(", ");
        let mut lead = access_fields(f.access.as_ref(), lang);
        lead.push(field(
            Msg::Sectors,
            [plain(sectors)]
                .into_iter()
                .chain(mark(f.sectors_certainty)),
        ));
        Sheet {
            name: safe(&f.name),
            id: f.id.to_string(),
            subtitle: (!f.aliases.is_empty()).then(|| safe(&f.aliases.join(" · "))),
            lead,
            fields,
            summary: Some(safe(f.summary.get(lang))),
            milestones,
            more_milestones: entries.len().saturating_sub(MAX_MILESTONES),
            notes: notes(&f.notes, lang),
            sources: sources(cat, &f.sources, f.access.as_ref(), lang),
        }
    }

    /// The sheet of an antenna.
    pub fn antenna(cat: &Catalog, a: &Antenna, lang: Lang) -> Sheet {
        let t = |m: Msg| m.text(lang);
        let serves = match &a.linked {
            Link::Factories(ids) => ids
                .iter()
                .map(|id| cat.factory(id).map_or(id.as_str(), |f| f.name.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            Link::Unknown => t(Msg::NotKnown).to_string(),
        };
        let fields = vec![
            field(
                Msg::Country,
                [plain(format!(
                    "{} ({}) · {}",
                    cat.country_name(&a.country, lang),
                    a.country,
                    t(if a.eu_member {
                        Msg::EuMember
                    } else {
                        Msg::PartnerCountry
                    })
                ))],
            ),
            field(Msg::Selected, [plain(a.selected.human(lang.is_fr()))]),
            field(
                Msg::Serves,
                [plain(safe(&serves))]
                    .into_iter()
                    .chain(mark(a.link_certainty)),
            ),
            field(
                Msg::City,
                [or_doubt(a.city.as_deref(), Msg::CityNotConfirmed, lang)],
            ),
            field(
                Msg::Host,
                [or_doubt(a.host.as_deref(), Msg::HostNotConfirmed, lang)],
            ),
        ];
        Sheet {
            name: safe(&a.name),
            id: a.id.to_string(),
            subtitle: Some(t(Msg::AntennaKind).to_string()),
            lead: access_fields(a.access.as_ref(), lang),
            fields,
            summary: None,
            milestones: Vec::new(),
            more_milestones: 0,
            notes: notes(&a.notes, lang),
            sources: sources(cat, &a.sources, a.access.as_ref(), lang),
        }
    }
}

fn notes(notes: &[Note], lang: Lang) -> Vec<String> {
    notes.iter().map(|n| safe(n.text.get(lang))).collect()
}

/// The website, the services, the users and where to ask, each said unknown when no source
/// gives it.
fn access_fields(access: Option<&Access>, lang: Lang) -> Vec<Field> {
    let unknown = || Part::Doubt(Msg::AccessNotKnown.text(lang).to_string());
    let c = access.map_or(Certainty::Confirmed, |a| a.certainty);
    let website = access
        .and_then(|a| a.website.as_deref())
        .map_or_else(unknown, |w| Part::Link(safe(w)));
    let list = |words: Vec<&str>| {
        if words.is_empty() {
            vec![unknown()]
        } else {
            [plain(words.join(", "))]
                .into_iter()
                .chain(mark(c))
                .collect()
        }
    };
    let services: Vec<&str> = access.map_or(Vec::new(), |a| {
        a.services.iter().map(|s: &Service| s.label(lang)).collect()
    });
    let users: Vec<&str> = access.map_or(Vec::new(), |a| {
        // In the vocabulary's order, whatever the order of the file.
        UserGroup::ALL
            .into_iter()
            .filter(|g| a.users.contains(g))
            .map(|g| g.label(lang))
            .collect()
    });
    let apply = access
        .and_then(|a| a.apply.as_deref())
        .map_or_else(unknown, |w| {
            if w.starts_with("https://") || w.starts_with("http://") {
                Part::Link(safe(w))
            } else {
                plain(safe(w))
            }
        });
    vec![
        field(Msg::Website, [website]),
        field(Msg::Offers, list(services)),
        field(Msg::OpenTo, list(users)),
        field(Msg::Apply, [apply]),
    ]
}

/// The record's sources, then those of its access facts that it does not already cite.
fn sources(cat: &Catalog, ids: &[IStr], access: Option<&Access>, lang: Lang) -> Vec<SourceRow> {
    let extra = access
        .map_or(&[][..], |a| &a.sources[..])
        .iter()
        .filter(|id| !ids.contains(id));
    ids.iter()
        .chain(extra)
        .filter_map(|id| cat.source(id))
        .map(|s| SourceRow {
            title: safe(&s.title),
            date: s.date.map(|d| d.human(lang.is_fr())),
            official: s.official,
            url: safe(&s.url),
        })
        .collect()
}

/// The value's text, all parts together.
pub fn value_text(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Plain(s) | Part::Strong(s) | Part::Doubt(s) | Part::Link(s) => s.as_str(),
        })
        .collect()
}
