//! The two languages of the interface and the report, and the words for the model's own
//! vocabulary (stances, position kinds) in each. The window's strings live in `ui::i18n`, the
//! report's in `report::text`; both key on [`Lang`].

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

/// An ISO date as a reader writes it: `2020-07-13` → "13 juillet 2020" / "13 July 2020",
/// `2020-07` → "juillet 2020", `2020` → "2020". Anything else (or the date part of an RFC 3339
/// time) is kept or cut to its date.
#[must_use]
pub fn date(lang: Lang, iso: &str) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let iso = iso.get(..10).unwrap_or(iso);
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let month_name = |m: &str| {
        let i = m.parse::<usize>().ok().filter(|i| (1..=12).contains(i))?;
        Some(match lang {
            Lang::Fr => FR[i - 1],
            Lang::En => EN[i - 1],
        })
    };
    match (
        year,
        month.and_then(month_name),
        day.and_then(|d| d.parse::<u8>().ok()),
    ) {
        (Some(y), Some(m), Some(d)) if lang == Lang::Fr && d == 1 => format!("1er {m} {y}"),
        (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
        (Some(y), Some(m), None) => format!("{m} {y}"),
        _ => iso.to_owned(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_the_way_each_language_writes_them() {
        assert_eq!(date(Lang::Fr, "2020-07-13"), "13 juillet 2020");
        assert_eq!(date(Lang::Fr, "2021-04-01"), "1er avril 2021");
        assert_eq!(date(Lang::En, "2020-07-13"), "13 July 2020");
        assert_eq!(date(Lang::Fr, "2020-07"), "juillet 2020");
        assert_eq!(date(Lang::Fr, "2020"), "2020");
        assert_eq!(date(Lang::Fr, "2026-11-24T09:00:00Z"), "24 novembre 2026");
        assert_eq!(date(Lang::Fr, "bientôt"), "bientôt");
    }
}
