//! What a merge of two or more sessions could not decide, kept in the session until the
//! analyst resolves it: a cell whose work differs between the sides, and an item of the dossier
//! (source, pillar, measure, stakeholder, position) edited differently. Each side is kept whole,
//! with who made it and when.

use crate::model::dossier::{Measure, Pillar, Position, Source, Stakeholder};
use crate::model::ids::{MeasureId, PillarId, PositionId, SourceId, StakeholderId};
use crate::model::session::Assessment;
use serde::{Deserialize, Serialize};

/// A cell two or more sides changed differently: each side's work, with its author and time
/// (a blank side is a side that removed the cell's work). The cell's own assessment stays what
/// it was before the merge until the analyst picks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellConflict {
    /// Each side's version of the cell, in the order the merge read the sides (at least two).
    pub sides: Vec<Assessment>,
}

/// An item of the dossier edited differently on two or more sides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "dossier_conflict", deny_unknown_fields)]
pub struct DossierConflict {
    /// The item in conflict.
    pub item: ItemId,
    /// Each side's version, in the order the merge read the sides (at least two).
    pub sides: Vec<DossierSide>,
}

/// Which item of the dossier.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ItemId {
    /// A source.
    Source(SourceId),
    /// A pillar.
    Pillar(PillarId),
    /// A measure.
    Measure(MeasureId),
    /// A stakeholder.
    Stakeholder(StakeholderId),
    /// A position.
    Position(PositionId),
}

/// One side's version of a dossier item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "side", deny_unknown_fields)]
pub struct DossierSide {
    /// The item as this side has it; `None` when this side removed it.
    pub version: Option<DossierItem>,
    /// Who made this side's change.
    pub author: String,
    /// When (RFC 3339, UTC).
    pub modified: String,
}

/// A whole item of the dossier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DossierItem {
    /// A source.
    Source(Source),
    /// A pillar.
    Pillar(Pillar),
    /// A measure.
    Measure(Measure),
    /// A stakeholder.
    Stakeholder(Stakeholder),
    /// A position.
    Position(Position),
}

impl DossierItem {
    /// Which item this is.
    #[must_use]
    pub fn id(&self) -> ItemId {
        match self {
            DossierItem::Source(s) => ItemId::Source(s.id.clone()),
            DossierItem::Pillar(p) => ItemId::Pillar(p.id.clone()),
            DossierItem::Measure(m) => ItemId::Measure(m.id.clone()),
            DossierItem::Stakeholder(s) => ItemId::Stakeholder(s.id.clone()),
            DossierItem::Position(p) => ItemId::Position(p.id.clone()),
        }
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ItemId::Source(id) => write!(f, "source \"{id}\""),
            ItemId::Pillar(id) => write!(f, "pillar \"{id}\""),
            ItemId::Measure(id) => write!(f, "measure \"{id}\""),
            ItemId::Stakeholder(id) => write!(f, "stakeholder \"{id}\""),
            ItemId::Position(id) => write!(f, "position \"{id}\""),
        }
    }
}

impl DossierConflict {
    /// What is wrong with the conflict as written, if anything: fewer than two sides, or a side
    /// that holds another item than the one in conflict.
    #[must_use]
    pub fn fault(&self) -> Option<String> {
        if self.sides.len() < 2 {
            return Some(format!(
                "the conflict on {} has {} side(s); a conflict keeps at least two",
                self.item,
                self.sides.len()
            ));
        }
        self.sides.iter().enumerate().find_map(|(i, side)| {
            let other = side.version.as_ref().map(DossierItem::id)?;
            (other != self.item).then(|| {
                format!(
                    "side {} of the conflict on {} holds {other} instead",
                    i + 1,
                    self.item
                )
            })
        })
    }
}

impl CellConflict {
    /// What is wrong with the conflict as written, if anything: fewer than two sides.
    #[must_use]
    pub fn fault(&self) -> Option<String> {
        (self.sides.len() < 2).then(|| {
            format!(
                "has {} side(s); a conflict keeps at least two",
                self.sides.len()
            )
        })
    }
}
