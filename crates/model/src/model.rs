//! The typed model of the dataset, exactly as it is written in RON.
//!
//! Three files make a dataset: `assets/factories.ron` (a [`Dataset`]: factories, antennas,
//! programme milestones and sources; replaceable with `--data`), `assets/countries.ron`
//! (the [`Country`] table with map tiles) and `assets/sectors.ron` (the [`Sector`]
//! vocabulary). Every struct denies unknown fields so that a typo is an error, not a silent
//! default.

use serde::{Deserialize, Serialize};

use super::date::PDate;
use super::istr::IStr;
pub use crate::i18n::Lang;
use crate::i18n::Msg;

/// How sure the sources are about a fact. Anything other than `Confirmed` is shown with a `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Certainty {
    #[default]
    Confirmed,
    /// No source confirms it (the reference marks it UNCONFIRMED).
    Unconfirmed,
    /// Sources disagree; the `note` says how.
    Conflicting,
}

impl Certainty {
    pub fn is_confirmed(self) -> bool {
        self == Certainty::Confirmed
    }
    /// ` ?` after anything a source does not confirm, nothing otherwise.
    pub fn mark(self) -> &'static str {
        if self.is_confirmed() { "" } else { " ?" }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmed",
            Certainty::Unconfirmed => "unconfirmed",
            Certainty::Conflicting => "conflicting",
        }
    }
}

/// A text in English and French.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: IStr,
    pub fr: IStr,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// A [`Text`], or one string for both languages (the form of older files).
fn text_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Text;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a Text(en: \"…\", fr: \"…\") or a string")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text, E> {
            Ok(Text {
                en: s.into(),
                fr: s.into(),
            })
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
            Text::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    // Binary encodings (the embedded data) always hold the bilingual form and cannot say
    // which form comes.
    if d.is_human_readable() {
        d.deserialize_any(V)
    } else {
        Text::deserialize(d)
    }
}

/// The whole replaceable dataset (`assets/factories.ron`, or `--data FILE`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The day the data was last checked against its sources.
    pub as_of: PDate,
    pub factories: Vec<Factory>,
    pub antennas: Vec<Antenna>,
    /// Programme-wide milestones (calls, selections, policy steps, announced plans).
    pub milestones: Vec<Milestone>,
    /// Every source cited anywhere in the file, referred to by `id`.
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short kebab-case key, cited by records (`sources: ["okm-2024-12-11"]`).
    pub id: IStr,
    /// http(s) address of the page itself. Where the page was not found, this is the site's
    /// address (`validate` warns about it) and `title` carries the citation as written.
    pub url: IStr,
    pub title: IStr,
    /// Date printed on the source, when visible.
    pub date: Option<PDate>,
    /// Published by EuroHPC JU, the European Commission, a government or one of the host
    /// organisations.
    #[serde(default)]
    pub official: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factory {
    /// Stable kebab-case key (`lumi-aif`).
    pub id: IStr,
    /// Official name, as in the EuroHPC list.
    pub name: IStr,
    /// Other names it is known by.
    #[serde(default)]
    pub aliases: Vec<IStr>,
    /// Selection wave: 1 (10 Dec 2024), 2 (12 Mar 2025), 3 (10 Oct 2025).
    pub wave: u8,
    pub selected: PDate,
    /// Hosting entity.
    pub host: IStr,
    /// Other members of the consortium (institutions), as named by the sources.
    #[serde(default)]
    pub consortium: Vec<IStr>,
    pub city: IStr,
    /// ISO 3166-1 alpha-2 code of the host country.
    pub country: IStr,
    /// City coordinates (not the site's).
    pub coords: Coords,
    /// Where the machine itself stands, when it is not the city above (Pharos: Lavrio).
    #[serde(default)]
    pub site: Option<Place>,
    /// Consortium partner countries besides the host (ISO codes).
    #[serde(default)]
    pub partners: Vec<IStr>,
    pub system: System,
    /// Sector keys from the sector vocabulary.
    pub sectors: Vec<IStr>,
    /// Whether the sector list comes from the sources (`Confirmed`) or is a reading of a vaguer
    /// statement (`Unconfirmed`, e.g. "general").
    #[serde(default)]
    pub sectors_certainty: Certainty,
    #[serde(default)]
    pub funding: Vec<Funding>,
    pub summary: Text,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Notes on unconfirmed or conflicting facts about this factory.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Sources for the record as a whole (selection, host, city, partners, sectors).
    pub sources: Vec<IStr>,
    /// How to use it: website, where to ask for access, services and users, when public.
    #[serde(default)]
    pub access: Option<Access>,
}

/// How a factory or an antenna can be used, as its sources describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Access {
    /// The factory's (or antenna's) own website, `https://`.
    #[serde(default)]
    pub website: Option<IStr>,
    /// The page (URL) or contact to ask for access.
    #[serde(default)]
    pub apply: Option<IStr>,
    /// Services the sources name.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Who may use it, as the sources state.
    #[serde(default)]
    pub users: Vec<UserGroup>,
    #[serde(default)]
    pub certainty: Certainty,
    pub sources: Vec<IStr>,
}

/// A service offered by a factory or an antenna.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Service {
    /// Computing time on the AI system (or on another machine until it arrives).
    Compute,
    /// User support, consulting, expertise.
    Support,
    Training,
    /// Data sets, data spaces, data services.
    Data,
    /// An experimental or test platform.
    Experimental,
    /// Incubation, acceleration or other start-up programmes.
    Incubation,
}

impl Service {
    pub const ALL: [Service; 6] = [
        Service::Compute,
        Service::Support,
        Service::Training,
        Service::Data,
        Service::Experimental,
        Service::Incubation,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Service::Compute => "compute",
            Service::Support => "support",
            Service::Training => "training",
            Service::Data => "data",
            Service::Experimental => "experimental",
            Service::Incubation => "incubation",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Service::Compute => Msg::ServiceCompute,
            Service::Support => Msg::ServiceSupport,
            Service::Training => Msg::ServiceTraining,
            Service::Data => Msg::ServiceData,
            Service::Experimental => Msg::ServiceExperimental,
            Service::Incubation => Msg::ServiceIncubation,
        }
        .text(lang)
    }
}

/// Who may use a factory or an antenna.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UserGroup {
    Startups,
    Smes,
    Industry,
    Academia,
    Public,
}

impl UserGroup {
    pub const ALL: [UserGroup; 5] = [
        UserGroup::Startups,
        UserGroup::Smes,
        UserGroup::Industry,
        UserGroup::Academia,
        UserGroup::Public,
    ];

    /// The key of `--profile`: `startup`, `sme`, `industry`, `academia`, `public`.
    pub fn key(self) -> &'static str {
        match self {
            UserGroup::Startups => "startup",
            UserGroup::Smes => "sme",
            UserGroup::Industry => "industry",
            UserGroup::Academia => "academia",
            UserGroup::Public => "public",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UserGroup::Startups => Msg::UsersStartups,
            UserGroup::Smes => Msg::UsersSmes,
            UserGroup::Industry => Msg::UsersIndustry,
            UserGroup::Academia => Msg::UsersAcademia,
            UserGroup::Public => Msg::UsersPublic,
        }
        .text(lang)
    }

    /// A key, case ignored, plural or not (`startups`, `SMEs`).
    pub fn parse(s: &str) -> Option<UserGroup> {
        let s = s.trim().to_ascii_lowercase();
        let one = s.strip_suffix('s').unwrap_or(&s);
        UserGroup::ALL
            .into_iter()
            .find(|g| g.key() == s || g.key() == one || (g.key() == "startup" && one == "start-up"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coords {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: IStr,
    pub coords: Coords,
}

/// The AI system a factory runs or will run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// Machine name (`LUMI-AI`, `DAEDALUS`); `None` when the sources give none.
    pub name: Option<IStr>,
    /// What it is, in a few words (`new AI-optimised supercomputer`).
    pub description: Text,
    /// Vendor or integrator; `None` means "not confirmed".
    pub vendor: Option<IStr>,
    /// Planned start of operation, when the sources give one.
    pub operation: Option<PDate>,
    #[serde(default)]
    pub operation_certainty: Certainty,
    pub sources: Vec<IStr>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Amount as the sources state it (`€112 M`, `CZK 1 bn`).
    pub amount: IStr,
    /// What the amount covers and who pays (`total, 50/50 EuroHPC/Luxembourg`). Files written
    /// before it was bilingual give one string, read as the text of both languages.
    #[serde(deserialize_with = "text_or_string")]
    pub detail: Text,
    #[serde(default)]
    pub certainty: Certainty,
    pub sources: Vec<IStr>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub certainty: Certainty,
    pub text: Text,
    pub sources: Vec<IStr>,
}

/// What kind of step a milestone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    /// Policy steps: initiatives, action plans, regulations, MoUs.
    Policy,
    /// Calls for proposals, cut-offs.
    Call,
    /// Selections of factories and antennas.
    Selection,
    /// Grant or hosting agreements, government approvals.
    Agreement,
    /// Tenders and procurement procedures.
    Procurement,
    /// Signed supply contracts.
    Contract,
    /// Construction and installation.
    Installation,
    /// Inaugurations, launches, kick-offs, openings.
    Launch,
    /// Start of operation of a machine or service.
    Operation,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Policy,
        Kind::Call,
        Kind::Selection,
        Kind::Agreement,
        Kind::Procurement,
        Kind::Contract,
        Kind::Installation,
        Kind::Launch,
        Kind::Operation,
        Kind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Policy => "policy",
            Kind::Call => "call",
            Kind::Selection => "selection",
            Kind::Agreement => "agreement",
            Kind::Procurement => "procurement",
            Kind::Contract => "contract",
            Kind::Installation => "installation",
            Kind::Launch => "launch",
            Kind::Operation => "operation",
            Kind::Other => "other",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Policy => Msg::KindPolicy,
            Kind::Call => Msg::KindCall,
            Kind::Selection => Msg::KindSelection,
            Kind::Agreement => Msg::KindAgreement,
            Kind::Procurement => Msg::KindProcurement,
            Kind::Contract => Msg::KindContract,
            Kind::Installation => Msg::KindInstallation,
            Kind::Launch => Msg::KindLaunch,
            Kind::Operation => Msg::KindOperation,
            Kind::Other => Msg::KindOther,
        }
        .text(lang)
    }

    /// Accepts the key, `tender` (procurement) and `inauguration` (launch).
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "tender" => return Some(Kind::Procurement),
            "inauguration" | "kickoff" | "kick-off" => return Some(Kind::Launch),
            _ => {}
        }
        Kind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// A dated step, programme-wide or in a factory's `milestones`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Optional key, so that an event can say which announced plan it answers.
    #[serde(default)]
    pub id: Option<IStr>,
    pub date: PDate,
    pub kind: Kind,
    pub title: Text,
    /// An announced plan or expectation, not an event that happened.
    #[serde(default)]
    pub planned: bool,
    /// The date first announced for this step, when it later moved (it slipped).
    #[serde(default)]
    pub first_announced: Option<PDate>,
    /// The `id` of the announced-plan milestone this event answers.
    #[serde(default)]
    pub answers: Option<IStr>,
    /// Factories this programme milestone concerns (e.g. the selections); empty for a
    /// factory's own milestones, which belong to their factory.
    #[serde(default)]
    pub factories: Vec<IStr>,
    #[serde(default)]
    pub certainty: Certainty,
    pub sources: Vec<IStr>,
}

/// What an antenna is linked to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Link {
    /// Linked to these factories (ids); several when sources name several.
    Factories(Vec<IStr>),
    /// No source says which factory it serves.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Antenna {
    pub id: IStr,
    /// The antenna's own name where one is public (`Pharos-CY`, `HEARTS`); otherwise
    /// `AI Factory Antenna <country>`.
    pub name: IStr,
    pub country: IStr,
    /// EU member state (true) or partner country (false).
    pub eu_member: bool,
    pub selected: PDate,
    pub linked: Link,
    #[serde(default)]
    pub link_certainty: Certainty,
    /// Host city, when known.
    pub city: Option<IStr>,
    /// Host organisation(s), when known.
    #[serde(default)]
    pub host: Option<IStr>,
    #[serde(default)]
    pub notes: Vec<Note>,
    pub sources: Vec<IStr>,
    #[serde(default)]
    pub access: Option<Access>,
}

/// A country of the map (`assets/countries.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: IStr,
    pub en: IStr,
    pub fr: IStr,
    pub eu: bool,
    /// Tile position on the map-style grid of Europe: column (west to east), row (north to
    /// south).
    pub tile: (u8, u8),
    /// Approximate centre, for the geographic map.
    pub centre: Coords,
}

impl Country {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// A sector of the vocabulary (`assets/sectors.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub key: IStr,
    pub en: IStr,
    pub fr: IStr,
    /// Other words that mean this sector, in either language.
    #[serde(default)]
    pub synonyms: Vec<IStr>,
}

impl Sector {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}
