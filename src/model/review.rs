//! A cell's review flags: why the analyst should look at it again ("à revoir", "à vérifier")
//! and who raised the flag (a dossier update, with what changed, or the analyst, with an
//! optional why). Unlike free labels, flags are typed, so the window, `validate` and the report
//! count them.

use crate::model::ids::{MeasureId, PositionId};
use serde::{Deserialize, Serialize};

/// Why a cell is flagged. A cell has at most one flag per reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ReviewReason {
    /// "à revoir": what the cell rests on has changed; its judgement must be read again.
    Revisit,
    /// "à vérifier": the analyst doubts the judgement or its evidence and wants it checked.
    Check,
}

impl ReviewReason {
    /// Both reasons, in their order in a file.
    pub const ALL: [ReviewReason; 2] = [ReviewReason::Revisit, ReviewReason::Check];

    /// The free label format 1 and 2 used for this reason, turned into the flag on migration.
    #[must_use]
    pub fn legacy_label(self) -> &'static str {
        match self {
            ReviewReason::Revisit => "à revoir",
            ReviewReason::Check => "à vérifier",
        }
    }
}

/// Who raised a flag, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ReviewOrigin {
    /// The analyst, with their reason when they gave one.
    Analyst {
        /// Why, in the analyst's words.
        why: Option<String>,
    },
    /// An update of the dossier (`visavis dossier update`), with what changed under the cell.
    DossierUpdate {
        /// What changed, in the order the update found it.
        changes: Vec<DossierChange>,
    },
}

/// What a dossier update changed under a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DossierChange {
    /// The measure's title, summary or citations were reworded.
    MeasureReworded,
    /// The measure's figures changed.
    MeasureFigures,
    /// The measure moved to another pillar.
    MeasureMoved,
    /// The excerpt of a position the cell cites was reworded.
    PositionReworded(PositionId),
    /// A position the cell cites is no longer in the dossier.
    PositionRemoved(PositionId),
    /// The dossier now links a new position of the cell's stakeholder to the measure.
    PositionAdded(PositionId),
    /// The measure was given a new id (it had the one held here) and the cell moved with it:
    /// `visavis dossier update` matched it by the similarity of its words. Added after the
    /// other variants within format 3: every earlier file reads as before, but a file holding
    /// it is refused by a build older than this variant.
    MeasureRenamed(MeasureId),
}
