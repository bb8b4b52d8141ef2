//! The interface's words, in every language, in one table: [`Msg`] names each text and
//! [`Msg::text`] gives it in a language. A third language adds a column here (and a variant
//! to [`Lang`]), and its prose to the data; nothing else.
//!
//! Texts with a value in them hold `{}` where it goes, filled in order by [`Msg::fill`].

use crate::data::Lang;

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
        "… {} jalons de plus : voir la chronologie (4)";
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
}

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

    #[test]
    fn values_fill_the_slots_in_order() {
        assert_eq!(
            Msg::MoreMilestones.fill(Lang::En, &["3"]),
            "… 3 more milestones: see the timeline (4)"
        );
        assert_eq!(
            Msg::MoreMilestones.fill(Lang::Fr, &["3"]),
            "… 3 jalons de plus : voir la chronologie (4)"
        );
    }
}
