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

use crate::model::{PositionKind, Stance};
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

/// The name of an unassessed cell's state.
#[must_use]
pub fn unassessed(lang: Lang) -> &'static str {
    lang.pick("Non évalué", "Unassessed")
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
