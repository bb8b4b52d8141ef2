//! The interface's words, in every language, in one table: [`Msg`] names each text and
//! [`Msg::text`] gives it in a language. A third language adds a column here (and a variant
//! to [`Lang`]), and its prose to the data; nothing else.
//!
//! Texts with a value in them hold `{}` where it goes, filled in order by [`Msg::fill`].

use serde::{Deserialize, Serialize};

/// Display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub fn is_fr(self) -> bool {
        self == Lang::Fr
    }
    pub fn toggled(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }
}

macro_rules! catalogue {
    ($($(#[$doc:meta])* $name:ident => $en:literal, $fr:literal;)*) => {
        /// A text of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        impl Msg {
            /// Every text, for the tests that check the table.
            pub const ALL: &[Msg] = &[$(Msg::$name,)*];

            /// The text in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::En) => $en, (Msg::$name, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}

catalogue! {
    // The fact sheet (detail pane and `show`).
    NothingSelected => "Nothing selected.", "Aucune sélection.";
    AlsoKnownAs => "Also known as", "Autres noms";
    Selected => "Selected", "Sélection";
    Wave => "wave", "vague";
    Host => "Host", "Hôte";
    Location => "Location", "Lieu";
    MachineSite => "Machine at", "Machine à";
    Partners => "Partners", "Partenaires";
    NoPartner => "none", "aucun";
    Consortium => "Consortium", "Consortium";
    Antennas => "Antennas", "Antennes";
    AiSystem => "AI system", "Système IA";
    Unnamed => "unnamed", "sans nom";
    Vendor => "Vendor", "Fournisseur";
    VendorNotConfirmed => "vendor not confirmed ?", "fournisseur non confirmé ?";
    Operation => "Operation", "Service";
    Sectors => "Sectors", "Secteurs";
    Funding => "Funding", "Financement";
    Milestones => "Milestones", "Jalons";
    /// `{}`: how many more milestones.
    MoreMilestones => "… {} more milestones: see the timeline (4)",
        "… {} jalons de plus\u{a0}: voir la chronologie (4)";
    UnconfirmedOrConflicting => "Unconfirmed or conflicting", "Non confirmé ou contradictoire";
    Sources => "Sources", "Sources";
    Official => "[official]", "[officiel]";
    AntennaKind => "AI Factory Antenna", "Antenne d'usine d'IA";
    Country => "Country", "Pays";
    EuMember => "EU member state", "État membre de l'UE";
    PartnerCountry => "partner country", "pays partenaire";
    Serves => "Serves", "Rattachée à";
    NotKnown => "not known", "inconnu";
    City => "City", "Ville";
    CityNotConfirmed => "not confirmed ?", "non confirmée ?";
    HostNotConfirmed => "not confirmed ?", "non confirmé ?";
    Detail => "Detail", "Détail";

    // Names shared by the panes, the tabs and the help's sections (`Detail` above, too).
    Map => "Map", "Carte";
    List => "List", "Liste";
    Timeline => "Timeline", "Chronologie";
    Help => "Help", "Aide";
    /// The help's section of bindings that work everywhere.
    ScopeAlways => "Everywhere", "Partout";
    ScopePanes => "Outside the search box", "Hors de la recherche";
    ScopeSearch => "Search box", "Recherche";

    // Months, full (`month_name`) and short (dates, timeline columns).
    January => "January", "janvier";
    February => "February", "février";
    March => "March", "mars";
    April => "April", "avril";
    May => "May", "mai";
    June => "June", "juin";
    July => "July", "juillet";
    August => "August", "août";
    September => "September", "septembre";
    October => "October", "octobre";
    November => "November", "novembre";
    December => "December", "décembre";
    Jan => "Jan", "janv";
    Feb => "Feb", "févr";
    Mar => "Mar", "mars";
    Apr => "Apr", "avr";
    MayShort => "May", "mai";
    Jun => "Jun", "juin";
    Jul => "Jul", "juil";
    Aug => "Aug", "août";
    Sep => "Sep", "sept";
    Oct => "Oct", "oct";
    Nov => "Nov", "nov";
    Dec => "Dec", "déc";

    // Dates known to a quarter, a half or the end of a year.
    /// `{}`: the quarter (1 to 4), then the year.
    Quarter => "Q{} {}", "T{} {}";
    /// `{}`: the half (1 or 2), then the year.
    Half => "H{} {}", "S{} {}";
    /// `{}`: the year.
    EndOfYear => "end {}", "fin {}";

    // Milestone kinds.
    KindPolicy => "policy", "politique";
    KindCall => "call", "appel";
    KindSelection => "selection", "sélection";
    KindAgreement => "agreement", "accord";
    KindProcurement => "procurement", "appel d'offres";
    KindContract => "contract", "contrat";
    KindInstallation => "installation", "installation";
    KindLaunch => "launch", "lancement";
    KindOperation => "operation", "mise en service";
    KindOther => "other", "autre";

    // Milestone statuses.
    StatusDone => "done", "fait";
    StatusOngoing => "ongoing", "en cours";
    StatusUpcoming => "upcoming", "à venir";
    StatusPlanPast => "plan (past)", "prévu (passé)";
    StatusPlanNow => "plan (now)", "prévu (en cours)";
    /// A plan still to come; also the word for a plan.
    StatusPlan => "plan", "prévu";
    /// `{}`: the date first announced.
    SlippedWas => ", slipped (was {})", ", retardé (annoncé {})";
    Slipped => ", slipped", ", retardé";
    StatusUnconfirmed => ", unconfirmed ?", ", non confirmé ?";
    StatusConflicting => ", conflicting ?", ", sources divergentes ?";

    // Plan versus reality: how an event answered its plan.
    TimingOnTime => "on time", "dans les temps";
    TimingLateSameMonth => "late (same month)", "en retard (même mois)";
    TimingLateOneMonth => "1 month late", "1 mois de retard";
    /// `{}`: how many months.
    TimingLateMonths => "{} months late", "{} mois de retard";
    TimingUnclear => "maybe late (vague date)", "retard possible (date vague)";
    /// `{}`: how many events, in a plan's results.
    CountOnTime => "{} on time", "{} dans les temps";
    CountLate => "{} late", "{} en retard";
    CountUnclear => "{} unclear", "{} incertain(s)";
    CountNotYet => "{} not yet", "{} pas encore";

    // The timeline pane.
    /// Milestones of no factory, in the info rows.
    ProgrammeWord => "programme", "programme";
    /// The lane of the programme-wide milestones.
    ProgrammeLane => "Programme", "Programme";
    ByMonth => "by month", "par mois";
    ByQuarter => "by quarter", "par trimestre";
    /// After the `z` key in the pane's border.
    HintZoom => ": zoom ", "\u{a0}: zoom ";
    Today => "today", "aujourd'hui";
    /// `{}`: the plan's date, then its kind.
    PlanSummary => "plan {} {}: ", "prévu {} {}\u{a0}: ";
    /// `{}`: the plan's date.
    PlanOf => " (plan {})", " (prévu {})";
    LegendSlipped => "slipped", "retardé";
    LegendUnconfirmed => "unconfirmed", "non confirmé";
    LegendVagueDate => "vague date", "date vague";
    LegendPlanWindow => "plan window", "fenêtre prévue";
    LegendOutOfRange => "out of range", "hors période";

    // The map pane.
    MapTiles => "Map · tiles", "Carte · tuiles";
    MapGeographic => "Map · geographic", "Carte · géographique";
    RoleHost => "host", "hôte";
    RolePartner => "partner", "partenaire";
    RoleOther => "other", "autre";
    Network => "network", "réseau";
    /// A factory on the geographic map's legend.
    MapFactory => "factory", "usine d'IA";
    MapSelected => "selected", "sélection";
    /// `{}`: how many factories a country hosts.
    HostsOne => "{} AI Factory", "{} usine d'IA";
    HostsMany => "{} AI Factories", "{} usines d'IA";
    /// `{}`: how many factories a country is a partner in.
    PartnerIn => "partner in {}", "partenaire de {}";
    /// `{}`: how many antennas a country has.
    AntennasOne => "{} antenna", "{} antenne";
    AntennasMany => "{} antennas", "{} antennes";

    // The search box, the list and the hint bar.
    Search => "Search", "Recherche";
    Searching => "searching", "recherche";
    SearchHint => "sector, name, country, city, machine…  (/ to search, e.g. health, sector:energy, country:es)",
        "secteur, nom, pays, ville, machine…  (/ pour chercher, ex. santé, sector:energy, country:es)";
    Results => "Results", "Résultats";
    NoMatch => "no match: Esc clears the search and the country filter",
        "aucun résultat\u{a0}: Échap efface la recherche et le filtre pays";
    /// `{}`: the country the list is filtered by.
    InCountry => "· in {} ", "· en {} ";
    /// `{}`: the date of the data.
    DataAsOf => "data as of {}", "données du {}";
    DataStale => " (over 6 months old!)", " (plus de 6 mois\u{a0}!)";

    // The help overlay.
    HelpTitle => " Help · ? or Esc to close ", " Aide ·\u{a0}? ou Échap pour fermer ";
    Signs => "Signs", "Signes";
    SignDoubt => "not confirmed by a source, or sources disagree",
        "non confirmé par une source, ou sources contradictoires";
    SignFactory => "AI Factory", "usine d'IA";

    // Screens without the dashboard.
    /// `{}`: the data file.
    Loading => "aifactories: loading {}…", "aifactories\u{a0}: chargement de {}…";
    /// `{}`: the keys.
    ToCancel => "{} to cancel", "{} pour annuler";
    /// `{}`: the smallest width, then height.
    TooSmall => "terminal too small: needs {} x {}", "terminal trop petit\u{a0}: il faut {} x {}";
    /// `{}`: the size needed, `24x8`.
    TooSmallShort => "too small: need {}", "trop petit\u{a0}: {}";
    /// `{}`: the size needed, `24x8`.
    TooSmallShortest => "need {}", "il faut {}";

    // The command line's tables (`list`, `search`, `timeline`).
    Factory => "factory", "usine";
    /// Also the map's role of an antenna.
    Antenna => "antenna", "antenne";
    Unknown => "unknown", "inconnu";
    ColDate => "date", "date";
    ColKind => "kind", "type";
    ColStatus => "status", "statut";
    ColTitle => "title", "titre";
    NoMilestonesInRange => "no milestones in that range", "aucun jalon dans cette période";
    /// `{}`: a date.
    WholeYear => "{} (whole year)", "{} (toute l'année)";
    /// `{}`: how many milestones, then today's date.
    MilestonesOne => "{} milestone, status as of {}", "{} jalon, état au {}";
    MilestonesMany => "{} milestones, status as of {}", "{} jalons, état au {}";
    PlanVsReality => "Plan vs reality", "Prévu et réalisé";
    PlanUnconfirmed => " (unconfirmed ?)", " (non confirmé ?)";
    PlanConflicting => " (conflicting ?)", " (sources divergentes ?)";
    NoAnsweringEvent => "no answering event recorded", "aucun événement enregistré en réponse";
    /// `{}`: the factories.
    NoEventYet => "no event yet: {}", "sans événement\u{a0}: {}";
    /// `{}`: how many on time, then how many late.
    TallyOnTimeLate => "{} on time, {} late", "{} dans les temps, {} en retard";
    /// `{}`: how many unclear.
    TallyUnclear => ", {} unclear", ", {} incertain(s)";

    // The field a search hit matched (the `search` command's table).
    FieldSector => "sector", "secteur";
    FieldName => "name", "nom";
    FieldAlias => "other name", "autre nom";
    FieldCountry => "country", "pays";
    FieldCity => "city", "ville";
    FieldHost => "host", "hébergeur";
    FieldSystem => "system", "système";
    FieldVendor => "vendor", "fournisseur";
    FieldServes => "serves", "rattachée à";
    FieldPartner => "partner country", "pays partenaire";
    FieldConsortium => "consortium", "consortium";

    // The key bindings' help (help overlay and hint bar).
    KeyQuit => "quit", "quitter";
    KeyNextPane => "next pane", "panneau suivant";
    KeyPreviousPane => "previous pane", "panneau précédent";
    KeyCloseClearBack => "close / clear / back", "fermer / effacer / retour";
    KeyRedrawTheScreen => "redraw the screen", "redessiner l'écran";
    KeySuspendFgToResume => "suspend (fg to resume)", "suspendre (fg pour reprendre)";
    KeyHelp => "help", "aide";
    KeySearch => "search", "rechercher";
    KeyLanguage => "English / français", "English / français";
    KeyGoToTheMap => "go to the map", "aller à la carte";
    KeyGoToTheList => "go to the list", "aller à la liste";
    KeyGoToTheDetail => "go to the detail", "aller au détail";
    KeyGoToTheTimeline => "go to the timeline", "aller à la chronologie";
    KeyTilesGeographicMap => "tiles / geographic map", "tuiles / carte géographique";
    KeyTimelineZoom => "timeline: 2025 / whole span", "chronologie\u{a0}: 2025 / tout";
    KeyCopySourceUrl => "copy the source URL", "copier l'URL de la source";
    KeyGoToTheResults => "go to the results", "aller aux résultats";
    KeyNextResult => "next result", "résultat suivant";
    KeyPreviousResult => "previous result", "résultat précédent";
    KeyDeleteACharacter => "delete a character", "effacer un caractère";
    KeyDeleteAWord => "delete a word", "effacer un mot";
    KeyClearTheQuery => "clear the query", "vider la requête";
    KeyMoveTheCursor => "move the cursor", "déplacer le curseur";
    KeyStartOfTheQuery => "start of the query", "début de la requête";
    KeyEndOfTheQuery => "end of the query", "fin de la requête";
    KeyCountryToTheWest => "country to the west", "pays à l'ouest";
    KeyCountryToTheSouth => "country to the south", "pays au sud";
    KeyCountryToTheNorth => "country to the north", "pays au nord";
    KeyCountryToTheEast => "country to the east", "pays à l'est";
    KeyListCountryFactories => "list this country's factories", "lister les usines du pays";
    KeyNext => "next", "suivant";
    KeyPrevious => "previous", "précédent";
    KeyPageDown => "page down", "page suivante";
    KeyPageUp => "page up", "page précédente";
    KeyFirst => "first", "premier";
    KeyLast => "last", "dernier";
    KeyOpenTheDetail => "open the detail", "ouvrir le détail";
    KeyScrollDown => "scroll down", "défiler vers le bas";
    KeyScrollUp => "scroll up", "défiler vers le haut";
    KeyTop => "top", "début";
    KeyBottom => "bottom", "fin";
    KeyBackToTheList => "back to the list", "retour à la liste";
    KeyNextMilestone => "next milestone", "jalon suivant";
    KeyPreviousMilestone => "previous milestone", "jalon précédent";
    KeyNextLane => "next lane", "ligne suivante";
    KeyPreviousLane => "previous lane", "ligne précédente";
    KeyFirstMilestone => "first milestone", "premier jalon";
    KeyLastMilestone => "last milestone", "dernier jalon";
    KeyZoom => "2025 / whole span", "2025 / tout";
    KeyCloseTheHelp => "close the help", "fermer l'aide";
    // The status line.
    /// `{}`: the URL put on the clipboard.
    Copied => "copied: {}", "copié\u{a0}: {}";
    NothingToCopy => "nothing to copy", "rien à copier";
    // Plan against reality (issue 13): lateness, plan statuses, the plan view, the card.
    TimingEarlySameMonth => "early (same month)", "en avance (même mois)";
    TimingEarlyOneMonth => "1 month early", "1 mois d'avance";
    /// `{}`: a number of months, 2 or more.
    TimingEarlyMonths => "{} months early", "{} mois d'avance";
    PlanOpen => "open", "ouvert";
    PlanMet => "met", "tenu";
    PlanLate => "late", "en retard";
    PlanOverdue => "overdue", "dépassé";
    /// `{}`: a plan's status (open, met, late, overdue).
    StatusPlanIs => "plan, {}", "prévu, {}";
    ColAgainstPlan => "against plan", "par rapport au plan";
    CountEarly => "{} early", "{} en avance";
    CountOverdue => "{} overdue", "{} dépassé(s)";
    CountOpen => "{} open", "{} ouvert(s)";
    OverdueNoNews => "overdue, no news", "dépassé, sans nouvelles";
    /// `{}`: factory names.
    OverdueNoNewsFor => "overdue, no news: {}", "dépassé, sans nouvelles\u{a0}: {}";
    /// `{}`: factory names.
    OpenNoEventFor => "open, no event yet: {}", "ouvert, pas encore d'événement\u{a0}: {}";
    LegendOnTimeMet => "on time, plan met", "dans les temps, plan tenu";
    LegendEarly => "early", "en avance";
    LegendMaybeLate => "maybe late", "retard possible";
    KeyPlanView => "plan against reality", "prévu et réalisé";
    PlanViewTitle => "Plan against reality", "Prévu et réalisé";
    /// `{}`: counts of rows overdue and late.
    PlanViewCounts => "{} overdue · {} late", "{} dépassé(s) · {} en retard";
    ColPlan => "plan", "prévu";
    ColAnsweredBy => "answered by", "réponse";
    KeyTimelineOpen => "milestone card; plan view: open the factory", "fiche du jalon\u{a0}; vue prévu et réalisé\u{a0}: ouvrir l'usine";
    KeyNextMilestoneLane => "next milestone in the lane", "jalon suivant de la ligne";
    KeyPreviousMilestoneLane => "previous milestone in the lane", "jalon précédent de la ligne";
    KeyNextMilestoneAll => "next milestone, all lanes (here L is not the language)", "jalon suivant, toutes lignes (ici L n'est pas la langue)";
    KeyPreviousMilestoneAll => "previous milestone, all lanes", "jalon précédent, toutes lignes";
    KeyNextLaneNearest => "next lane, nearest milestone", "ligne suivante, jalon le plus proche";
    KeyPreviousLaneNearest => "previous lane, nearest milestone", "ligne précédente, jalon le plus proche";
    NoPlans => "no plan in the data", "aucun plan dans les données";
    HintPlanBack => ": back  ", "\u{a0}: retour  ";
    HintPlanOpen => ": open the factory", "\u{a0}: ouvrir l'usine";
    NotListed => "not in the current results: Esc clears the search", "absente des résultats\u{a0}: Échap efface la recherche";
    NoteWasDate => " (was {})", " (annoncé {})";
    CardTitle => "Milestone", "Jalon";
    CardDate => "Date", "Date";
    CardWho => "Who", "Qui";
    CardNone => "No answer", "Sans réponse";
    CardKind => "Kind", "Type";
    CardStatus => "Status", "Statut";
    CardAgainstPlan => "Against plan", "Par rapport au plan";
    /// `{}`: the plan's date, kind and title.
    CardPlanOf => " — plan {} {}: {}", " — prévu {} {}\u{a0}: {}";
    /// `{}`: factory names.
    CardProgrammeNames => "programme: {}", "programme\u{a0}: {}";
    CardFirstAnnounced => "First announced", "Annoncé d'abord";
    CardCertainty => "Certainty", "Certitude";
    CardHintMove => ": other milestones", "\u{a0}: autres jalons";
    PrecisionDay => "day", "jour";
    PrecisionMonth => "month", "mois";
    PrecisionQuarter => "quarter", "trimestre";
    PrecisionHalf => "half-year", "semestre";
    PrecisionEndOfYear => "end of year: its last quarter", "fin d'année\u{a0}: son dernier trimestre";
    PrecisionYear => "year", "année";
    CertaintyConfirmed => "confirmed", "confirmé";
    CertaintyUnconfirmed => "unconfirmed ?", "non confirmé\u{a0}?";
    CertaintyConflicting => "conflicting sources ?", "sources divergentes\u{a0}?";
    /// `{}`: the query and country the lanes follow (`/energy · ES`).
    TimelineFilteredBy => "· filtered: {}", "· filtré\u{a0}: {}";
    KeyYearPrev => "timeline: previous year by month", "chronologie\u{a0}: année précédente par mois";
    KeyYearNext => "timeline: next year by month", "chronologie\u{a0}: année suivante par mois";
    TimelineSigns => "Timeline and plan view", "Chronologie et vue prévu et réalisé";
    LegendCount => "after a glyph: how many milestones share the cell (the most important is drawn; H and L walk them all)", "après un signe\u{a0}: nombre de jalons dans la case (le plus important est dessiné\u{a0}; H et L les parcourent tous)";
    LegendLateBy => "late: the card and the plan view say by how much", "en retard\u{a0}: la fiche et la vue prévu et réalisé disent de combien";
    LegendOverdueHelp => "overdue, no news: the plan's window has passed with no answering event (at the end of its window in a factory's lane)", "dépassé, sans nouvelles\u{a0}: la fenêtre du plan est passée sans événement qui y réponde (au bout de la fenêtre dans la ligne d'une usine)";
    LegendOpen => "open: the plan's window is not over", "ouvert\u{a0}: la fenêtre du plan n'est pas close";
    LegendColours => "colours repeat the marks", "les couleurs redisent les signes";
    LegendShared => "milestones in one cell", "jalons dans une case";
    NoLateMilestones => "nothing late or overdue in that range", "rien de tardif ni de dépassé sur cette période";
    // What's new since you last looked (the state file, `n`, the marks).
    // The plan view's hint line.
    KeyPlanRows => "plans", "plans";
    KeyPlanOpenFactory => "open the factory", "ouvrir l'usine";
    KeyPlanBack => "back to the timeline", "retour à la chronologie";
    KeyWhatsNew => "what's new since you last looked", "nouveautés depuis votre dernière visite";
    KeyCloseTheChanges => "close the changes", "fermer les nouveautés";
    /// `{}`: how many, the date of the data last seen.
    ChangesSince => "{} changes since {}", "{}\u{a0}changements depuis le {}";
    /// `{}`: the date of the data last seen.
    OneChangeSince => "1 change since {}", "1\u{a0}changement depuis le {}";
    /// `{}`: the date of the data last seen.
    WhatsNewTitle => "What's new since the data of {}", "Nouveautés depuis les données du {}";
    WhatsNewNoneTitle => "What's new", "Nouveautés";
    /// `{}`: the date of the data last seen.
    WhatsNewUnchanged => "No change since the data of {} that you last looked at.",
        "Aucun changement depuis les données du {} que vous avez vues.";
    WhatsNewFirstLook => "First look: this data is remembered; what changes will be listed here next time it differs.",
        "Première visite\u{a0}: ces données sont retenues\u{a0}; ce qui change sera listé ici la prochaine fois.";
    WhatsNewOff => "What's new is off (--no-state): nothing is read or remembered.",
        "Les nouveautés sont désactivées (--no-state)\u{a0}: rien n'est lu ni retenu.";
    /// `{}`: the state file's path, why it cannot be read.
    StateUnreadable => "cannot read {} ({}): left as it is, what's new is off",
        "lecture impossible de {} ({})\u{a0}: laissé tel quel, nouveautés désactivées";
    /// `{}`: why.
    StateNotSaved => "could not remember what you saw: {}",
        "impossible de retenir ce que vous avez vu\u{a0}: {}";
    StateFirstLook => "first look: this data is remembered, to show what changes next time",
        "première visite\u{a0}: ces données sont retenues pour montrer ce qui change";
    WhatsNewSeen => "Opening this list marks these changes as seen: the next start shows only newer ones. Their marks stay until you quit.",
        "Ouvrir cette liste marque ces changements comme vus\u{a0}: au prochain lancement, seuls les plus récents s'affichent. Leurs marques restent jusqu'à la sortie.";
    SignNew => "new since you last looked (list; underlined in the timeline)",
        "nouveau depuis votre dernière visite (liste\u{a0}; souligné dans la chronologie)";
    SignChanged => "changed since you last looked (list; underlined in the timeline)",
        "modifié depuis votre dernière visite (liste\u{a0}; souligné dans la chronologie)";
    SignRemoved => "removed since you last looked (in the changes list, n)",
        "supprimé depuis votre dernière visite (dans la liste des nouveautés, n)";
    KindFactoryWord => "factory", "usine";
    KindAntennaWord => "antenna", "antenne";
    KindMilestoneWord => "milestone", "jalon";
    KindSourceWord => "source", "source";
    ChangeNew => "new", "nouveau";
    ChangeRemoved => "removed", "supprimé";
    /// `{}`: the fields that changed.
    ChangeFields => "changed: {}", "modifié\u{a0}: {}";
    /// `{}`: the old and the new date.
    ChangeMoved => "moved {} → {}", "déplacé {} → {}";

    // The search's messages: mistyped filters and bad queries (search box and `search`).
    /// `{}`: the filters searched instead (`sector:energy`).
    SearchCorrected => "did you mean {}? Showing its results",
        "vouliez-vous dire {}\u{a0}? Résultats affichés";
    /// `{}`: the key as typed, then the nearest key.
    UnknownFilterNear => "unknown filter `{}:`; did you mean `{}:`?",
        "filtre inconnu `{}:`\u{a0}; vouliez-vous dire `{}:`\u{a0}?";
    /// `{}`: the key as typed, then the valid keys.
    UnknownFilter => "unknown filter `{}:`; filters: {} (\"a:b\" searches a:b as typed)",
        "filtre inconnu `{}:`\u{a0}; filtres\u{a0}: {} (\"a:b\" cherche a:b tel quel)";
    /// `{}`: the key, then an example.
    FilterNeedsValue => "filter `{}:` needs a value, e.g. {}",
        "le filtre `{}:` attend une valeur, ex. {}";
    /// `{}`: the filter as typed (`sector:xyz`).
    NoSuchSector => "`{}`: no such sector; the sectors are in the help (?)",
        "`{}`\u{a0}: secteur inconnu\u{a0}; les secteurs sont dans l'aide (?)";
    /// `{}`: the filter as typed.
    NoSuchCountry => "`{}`: no such country; give an ISO code (es) or a name (Spain, Espagne)",
        "`{}`\u{a0}: pays inconnu\u{a0}; donnez un code ISO (es) ou un nom (Spain, Espagne)";
    /// `{}`: the filter as typed, then the waves.
    ExpectedWave => "`{}`: expected a wave number ({})", "`{}`\u{a0}: numéro de vague attendu ({})";
    /// `{}`: the filter as typed.
    ExpectedKind => "`{}`: expected `factory` or `antenna`",
        "`{}`\u{a0}: `factory` ou `antenna` attendu";
    /// The help's section of search filters, one line each.
    HelpFilters => "Search filters (after /)", "Filtres de recherche (après /)";
    FilterSector => "a sector: key or label, in either language; typos corrected",
        "un secteur\u{a0}: clé ou libellé, en français ou en anglais\u{a0}; fautes corrigées";
    FilterCountry => "host or partner country: ISO code or name; typos corrected",
        "pays hôte ou partenaire\u{a0}: code ISO ou nom\u{a0}; fautes corrigées";
    FilterWave => "selection wave", "vague de sélection";
    FilterSystem => "machine name or vendor", "nom de la machine ou fournisseur";
    FilterKind => "factories only, or antennas only", "usines seules, ou antennes seules";
    FilterCity => "city or site", "ville ou site";
    FilterName => "name, other name or id", "nom, autre nom ou identifiant";
    FilterLiteral => "search a:b as typed, not as a filter", "chercher a:b tel quel, pas comme un filtre";
    /// Keys that French keyboards name otherwise, as help and hints write them.
    KeyNameEsc => "Esc", "Échap";
    KeyNameEnter => "Enter", "Entrée";
    KeyNameSpace => "Space", "Espace";
    /// The map legend's search-match state: a country hosting a result.
    MapMatch => "match", "résultat";
    /// `{}`: the query's length, then the limit.
    QueryTooLong => "the query is {} characters long; the limit is {}",
        "la requête fait {} caractères\u{a0}; la limite est {}";

    // Access: how to use a factory (fact sheet, `match`, "for me").
    Website => "Website", "Site web";
    Offers => "Offers", "Offre";
    OpenTo => "Open to", "Ouvert à";
    /// The page or contact to ask for access.
    Apply => "Access", "Accès";
    AccessNotKnown => "not known: no source seen", "inconnu : aucune source vue";
    ServiceCompute => "compute time", "temps de calcul";
    ServiceSupport => "user support", "accompagnement";
    ServiceTraining => "training", "formation";
    ServiceData => "data services", "services de données";
    ServiceExperimental => "experimental platform", "plateforme expérimentale";
    ServiceIncubation => "start-up programmes", "programmes pour start-up";
    UsersStartups => "start-ups", "start-up";
    UsersSmes => "SMEs", "PME";
    UsersIndustry => "industry", "industrie";
    UsersAcademia => "academia", "recherche";
    UsersPublic => "public sector", "secteur public";
    /// `{}`: the country, `Spain (ES)`.
    ReasonHosted => "in your country, {}", "dans votre pays, {}";
    /// `{}`: the country.
    ReasonPartner => "your country, {}, is a consortium partner",
        "votre pays, {}, est partenaire du consortium";
    /// `{}`: antenna names.
    ReasonAntennaLinked => "an antenna in your country is linked to it: {}",
        "une antenne de votre pays lui est rattachée : {}";
    /// `{}`: factory names.
    ReasonLinkedTo => "linked to {}", "rattachée à {}";
    /// `{}`: sector labels.
    ReasonSectors => "serves your sector: {}", "sert votre secteur : {}";
    /// `{}`: a user group.
    ReasonOpenTo => "open to your profile ({}), as its sources state", "ouverte à votre profil ({}) selon ses sources";
    /// `{}`: a date.
    ReasonRunning => "machine in operation since {}", "machine en service depuis {}";
    /// `{}`: a date.
    ReasonExpected => "machine expected {}", "machine attendue : {}";
    /// `{}`: a date.
    ReasonOverdue => "machine planned for {}, no start of operation recorded",
        "machine prévue pour {}, aucune mise en service enregistrée";
    ReasonOpenToAll => "open to users from every EuroHPC participating state (access calls)",
        "ouverte aux utilisateurs de tous les États participant à EuroHPC (appels d'accès)";
    /// `{}`: the country.
    MatchFallback => "{}: no AI Factory, partner or antenna. The factories open to users from every EuroHPC participating state, by sector:",
        "{} : aucune usine d'IA, aucun partenaire ni aucune antenne. Les usines ouvertes aux utilisateurs de tous les États participant à EuroHPC, par secteur :";
    ColWhy => "why", "pourquoi";
    KeyOpenInBrowser => "open the website (or the milestone's source)",
        "ouvrir le site web (ou la source du jalon)";
    /// `{}`: a URL.
    Opening => "opening {}", "ouverture de {}";
    /// `{}`: the URL copied instead.
    OpenOverSsh => "over SSH, no browser here: copied {}", "en SSH, pas de navigateur ici : copié {}";
    /// `{}`: the URL copied instead.
    OpenFailed => "no browser could start: copied {}", "aucun navigateur n'a pu démarrer : copié {}";
    NothingToOpen => "nothing to open", "rien à ouvrir";
    KeyForMe => "for me: factories for the map's country and the query's sectors",
        "pour moi : usines pour le pays de la carte et les secteurs de la requête";
    KeySort => "sort by relevance, name, country, wave, date", "trier par pertinence, nom, pays, vague, date";
    SortRelevance => "by relevance", "par pertinence";
    SortName => "by name", "par nom";
    SortCountry => "by country", "par pays";
    SortWave => "by wave", "par vague";
    SortSelected => "by selection date", "par date de sélection";
    ForMeTitle => "For me", "Pour moi";
    /// The detail's line of the reasons a record is listed "for me".
    WhyLabel => "Why", "Pourquoi";
    /// `{}`: the field, then the text it matched.
    MatchedIn => "{}: {}", "{} : {}";
    ColName => "name", "nom";
    ColCity => "city", "ville";
    ColCountry => "cc", "pays";
    ColWave => "wave", "vague";
    ColMatched => "why", "pourquoi";
    /// The wave column of an antenna.
    WaveAntenna => "ant", "ant";
    /// The list's legend of the wave column: `W1`, `W2`, `W3` and `ant`.
    WaveLegend => "W1–W3 selection wave · ant antenna", "W1–W3 vague de sélection · ant antenne";
}

/// The months' names, January first.
pub const MONTHS: [Msg; 12] = [
    Msg::January,
    Msg::February,
    Msg::March,
    Msg::April,
    Msg::May,
    Msg::June,
    Msg::July,
    Msg::August,
    Msg::September,
    Msg::October,
    Msg::November,
    Msg::December,
];

/// The months' short names, January first.
pub const MONTHS_SHORT: [Msg; 12] = [
    Msg::Jan,
    Msg::Feb,
    Msg::Mar,
    Msg::Apr,
    Msg::MayShort,
    Msg::Jun,
    Msg::Jul,
    Msg::Aug,
    Msg::Sep,
    Msg::Oct,
    Msg::Nov,
    Msg::Dec,
];

impl Msg {
    /// The text with each `{}` replaced by the next of `values`.
    pub fn fill(self, lang: Lang, values: &[&str]) -> String {
        let mut out = String::new();
        let mut values = values.iter();
        let mut parts = self.text(lang).split("{}");
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            out.push_str(values.next().copied().unwrap_or_default());
            out.push_str(part);
        }
        out
    }
}

/// A text of the interface in a language.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    msg.text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_every_language_with_the_same_slots() {
        for &m in Msg::ALL {
            let en = m.text(Lang::En);
            let fr = m.text(Lang::Fr);
            assert!(!en.is_empty() && !fr.is_empty(), "{m:?}");
            assert_eq!(en.matches("{}").count(), fr.matches("{}").count(), "{m:?}");
        }
    }

    /// French typography's faults in a text: a breaking space before `; : ! ?` or inside
    /// `« »` (a line could start with `;`), and, with `spaced`, such a sign stuck to the word
    /// before it and followed by a space (`mot; mot`). Signs inside a token (`sector:energy`,
    /// `(?)`, `` `{}:` ``) are not punctuation, nor is the doubt sign: a `?` that ends a value
    /// (`non confirmé ?`, `(sources divergentes ?)`), written ` ?` in every language as the
    /// data's `Certainty::mark` writes it.
    pub fn french_typography_faults(text: &str, spaced: bool) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let at = || {
                chars[i.saturating_sub(12)..(i + 3).min(chars.len())]
                    .iter()
                    .collect::<String>()
            };
            match c {
                '?' if before == Some(' ') && after.is_none_or(|a| a == ')') => {}
                ';' | ':' | '!' | '?' => {
                    if before == Some(' ') {
                        out.push(format!("breaking space before `{c}`: {:?}", at()));
                    } else if spaced
                        && before.is_some_and(|b| b.is_alphanumeric() || b == '}')
                        && after.is_none_or(|a| a == ' ')
                    {
                        out.push(format!("no space before `{c}`: {:?}", at()));
                    }
                }
                '«' if after == Some(' ') => {
                    out.push(format!("breaking space after «: {:?}", at()))
                }
                '»' if before == Some(' ') => {
                    out.push(format!("breaking space before »: {:?}", at()))
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn french_texts_keep_their_signs_with_the_words_before_them() {
        let mut faults = Vec::new();
        for &m in Msg::ALL {
            for f in french_typography_faults(m.text(Lang::Fr), true) {
                faults.push(format!("{m:?}: {f}"));
            }
        }
        assert!(faults.is_empty(), "{}", faults.join("\n"));
        // The check itself.
        assert_eq!(french_typography_faults("a ; b", true).len(), 1);
        assert_eq!(french_typography_faults("a; b", true).len(), 1);
        // After a slot too: the value goes where the word would.
        assert_eq!(french_typography_faults("prévu {}: ", true).len(), 1);
        assert_eq!(french_typography_faults("« a »", true).len(), 2);
        assert!(
            french_typography_faults("a\u{a0}; «\u{a0}b\u{a0}» sector:energy (?)", true).is_empty()
        );
    }

    #[test]
    fn values_fill_the_slots_in_order() {
        assert_eq!(
            Msg::MoreMilestones.fill(Lang::En, &["3"]),
            "… 3 more milestones: see the timeline (4)"
        );
        assert_eq!(
            Msg::MoreMilestones.fill(Lang::Fr, &["3"]),
            "… 3 jalons de plus\u{a0}: voir la chronologie (4)"
        );
    }
    /// Words chosen by language outside the catalogue, as `file: what` lines: `.pick("`, a
    /// `match` arm per language that gives anything but data text (`&self.en`, as
    /// `Text::get` and the country and sector tables do) or another language, and an
    /// `if …is_fr() { "…" }` or `if fr { "…" }` or `match (…, fr)` choosing a literal.
    fn language_choices(path: &str, source: &str) -> Vec<String> {
        let code: Vec<&str> = source
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        let code = code
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut found = Vec::new();
        let mut flag = |what: &str| found.push(format!("{path}: {what}"));
        for (i, _) in code.match_indices(".pick(\"") {
            flag(&code[i..(i + 40).min(code.len())]);
        }
        for arm in ["Lang::En =>", "Lang::Fr =>", "Lang::En) =>", "Lang::Fr) =>"] {
            for (i, _) in code.match_indices(arm) {
                let rest = code[i + arm.len()..].trim_start();
                if !(rest.starts_with("&self.") || rest.starts_with("Lang::")) {
                    flag(&code[i..(i + 60).min(code.len())]);
                }
            }
        }
        for cond in ["is_fr() {", "if fr {", ", fr) {"] {
            for (i, _) in code.match_indices(cond) {
                let rest = code[i + cond.len()..].trim_start();
                if cond == ", fr) {" || rest.starts_with('"') || rest.starts_with("format!") {
                    flag(&code[i..(i + 60).min(code.len())]);
                }
            }
        }
        found
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }

    /// Every interface word is chosen here: no other module picks between an English and a
    /// French text. Not scanned: this file, the synthetic generator (its strings are made-up
    /// data, not interface words) and test code.
    #[test]
    fn no_word_is_chosen_by_language_outside_the_catalogue() {
        // The workspace: the main crate's sources and this crate's.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let root = root.as_path();
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files);
        rust_files(&root.join("crates/model/src"), &mut files);
        files.sort();
        assert!(
            files.len() > 10,
            "no sources found under {}",
            root.display()
        );
        let mut found = Vec::new();
        for file in files {
            let rel = file
                .strip_prefix(root)
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            let name = rel.rsplit('/').next().unwrap_or_default();
            if rel == "crates/model/src/i18n.rs"
                || rel.starts_with("src/synth/")
                || name == "tests.rs"
                || name == "fixture.rs"
            {
                continue;
            }
            let source = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{rel}: {e}"));
            // Test modules at the end of a file are not interface code.
            let source = source.split("#[cfg(test)]").next().unwrap_or_default();
            let hits = language_choices(&rel, source);
            found.extend(hits);
        }
        assert!(
            found.is_empty(),
            "words chosen outside the catalogue:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_scan_finds_each_way_of_choosing() {
        let en_fr = [
            r#"let s = lang.pick("map", "carte");"#,
            r#"match lang { Lang::En => "map", Lang::Fr => "carte" }"#,
            r#"match (k, lang) { (K::A, Lang::En) => "a", (K::A, Lang::Fr) => "à" }"#,
            r#"let s = if lang.is_fr() { "carte" } else { "map" };"#,
            "let s = if fr {\n    \"carte\"\n} else {\n    \"map\"\n};",
            r#"let m = match (e, fr) { (None, true) => "x", _ => "y" };"#,
        ];
        for src in en_fr {
            assert!(!language_choices("x.rs", src).is_empty(), "{src}");
        }
        let fine = [
            "match lang { Lang::En => &self.en, Lang::Fr => &self.fr }",
            "match self { Lang::En => Lang::Fr, Lang::Fr => Lang::En }",
            "let s = d.human(lang.is_fr());",
            "// lang.pick(\"map\", \"carte\") in a comment",
        ];
        for src in fine {
            assert!(language_choices("x.rs", src).is_empty(), "{src}");
        }
    }
}
