//! The two languages of the interface and the report, the words for the model's own
//! vocabulary (stances, position kinds) in each, the `catalogue!` macro that declares a set
//! of translated strings, and the formatting both share ([`format`]: numbers, counts, dates,
//! times, figures). The window's catalogue lives in `ui::i18n`, the report's in `report::text`;
//! both key on [`Lang`].

mod catalogue;
pub mod format;

pub(crate) use catalogue::catalogue;
pub use format::{
    date, figure, local, local_stamp, number, percent, plural, stamp, stamp_date, utc,
};

use crate::model::{DossierChange, PositionKind, ReviewOrigin, ReviewReason, SourceKind, Stance};
use serde::{Deserialize, Serialize};

/// A language of the interface and the report. French is the default: the users and the Ségur
/// dossier are French.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Français.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// Pick the French or the English text.
    #[must_use]
    pub fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The language's own name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.pick("Français", "English")
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language \"{other}\" (expected fr or en)")),
        }
    }
}

impl Stance {
    /// The stance's name, capitalised.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stance::Agreement => lang.pick("Accord", "Agreement"),
            Stance::Partial => lang.pick("Partiel", "Partial"),
            Stance::Gap => lang.pick("Écart", "Gap"),
            Stance::Silent => lang.pick("Silence", "Silent"),
        }
    }

    /// A symbol that tells the stance apart without colour: Harvey balls, filled as far as the
    /// measure meets the position (full, half, empty), and an ellipsis for silence.
    #[must_use]
    pub fn icon(self) -> &'static str {
        match self {
            Stance::Agreement => "●",
            Stance::Partial => "◐",
            Stance::Gap => "○",
            Stance::Silent => "…",
        }
    }
}

impl ReviewReason {
    /// The flag's name, capitalised: "À revoir", "À vérifier".
    #[must_use]
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            ReviewReason::Revisit => lang.pick("À revoir", "To revisit"),
            ReviewReason::Check => lang.pick("À vérifier", "To check"),
        }
    }
}

impl ReviewOrigin {
    /// Who raised the flag, and why when known: "analyste : …", "mise à jour du dossier : …".
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let colon = lang.pick(" : ", ": ");
        match self {
            ReviewOrigin::Analyst { why: None } => lang.pick("analyste", "analyst").to_owned(),
            ReviewOrigin::Analyst { why: Some(why) } => {
                format!("{}{colon}{why}", lang.pick("analyste", "analyst"))
            }
            ReviewOrigin::DossierUpdate { changes } => {
                let what: Vec<String> = changes.iter().map(|c| c.describe(lang)).collect();
                let by = lang.pick("mise à jour du dossier", "dossier update");
                if what.is_empty() {
                    by.to_owned()
                } else {
                    format!("{by}{colon}{}", what.join(", "))
                }
            }
        }
    }
}

impl DossierChange {
    /// What changed, in a few words.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            DossierChange::MeasureReworded => lang
                .pick("mesure reformulée", "measure reworded")
                .to_owned(),
            DossierChange::MeasureFigures => lang
                .pick(
                    "chiffres de la mesure modifiés",
                    "measure's figures changed",
                )
                .to_owned(),
            DossierChange::MeasureMoved => lang
                .pick(
                    "mesure changée de pilier",
                    "measure moved to another pillar",
                )
                .to_owned(),
            DossierChange::PositionReworded(p) => match lang {
                Lang::Fr => format!("position « {p} » reformulée"),
                Lang::En => format!("position \"{p}\" reworded"),
            },
            DossierChange::PositionRemoved(p) => match lang {
                Lang::Fr => format!("position « {p} » retirée du dossier"),
                Lang::En => format!("position \"{p}\" removed from the dossier"),
            },
            DossierChange::PositionAdded(p) => match lang {
                Lang::Fr => format!("position « {p} » ajoutée"),
                Lang::En => format!("position \"{p}\" added"),
            },
            DossierChange::MeasureRenamed(m) => match lang {
                Lang::Fr => format!("mesure renommée (ancien identifiant « {m} »)"),
                Lang::En => format!("measure renamed (formerly \"{m}\")"),
            },
        }
    }
}

/// A review flag in one line: "À vérifier (analyste : …)".
#[must_use]
pub fn review_flag(lang: Lang, reason: ReviewReason, origin: &ReviewOrigin) -> String {
    format!("{} ({})", reason.title(lang), origin.describe(lang))
}

/// The name of an unassessed cell's state.
#[must_use]
pub fn unassessed(lang: Lang) -> &'static str {
    lang.pick("Non évalué", "Unassessed")
}

impl SourceKind {
    /// The kind's name.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SourceKind::PressRelease => lang.pick("Communiqué de presse", "Press release"),
            SourceKind::Contribution => lang.pick("Contribution", "Contribution"),
            SourceKind::Article => lang.pick("Article", "Article"),
            SourceKind::Official => lang.pick("Texte officiel", "Official text"),
            SourceKind::Other => lang.pick("Autre", "Other"),
        }
    }
}

impl PositionKind {
    /// The kind's name.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PositionKind::Proposal => lang.pick("Proposition", "Proposal"),
            PositionKind::Reaction => lang.pick("Réaction", "Reaction"),
        }
    }
}
