//! The analyst's work: a dossier plus one [`Assessment`] per tagged cell, with who and when.

use crate::model::candidate::Candidate;
use crate::model::conflict::{CellConflict, DossierConflict};
use crate::model::dismissed::SuggestionKey;
use crate::model::dossier::Dossier;
use crate::model::evidence::EvidenceSet;
use crate::model::ids::{CellId, MeasureId, PositionId, StakeholderId};
use crate::model::review::{ReviewOrigin, ReviewReason};
use crate::model::synthesis::Syntheses;
use foldhash::{HashMap, HashSet};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::collections::{BTreeMap, BTreeSet};

/// The analyst's tag on a cell. A cell never tagged is *unassessed* (`Option<Stance>::None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stance {
    /// The measure meets the stakeholder's position.
    Agreement,
    /// The measure meets it in part.
    Partial,
    /// The stakeholder finds the measure wrong or insufficient.
    Gap,
    /// The stakeholder said nothing on the measure.
    Silent,
}

impl Stance {
    /// Every stance, in the order of the keyboard shortcuts 1–4.
    pub const ALL: [Stance; 4] = [
        Stance::Agreement,
        Stance::Partial,
        Stance::Gap,
        Stance::Silent,
    ];

    /// True for a judgement (agreement, partial, gap), which must rest on a quote; silence and
    /// unassessed need none.
    #[must_use]
    pub fn is_judgement(stance: Option<Stance>) -> bool {
        matches!(
            stance,
            Some(Stance::Agreement | Stance::Partial | Stance::Gap)
        )
    }
}

/// One cell's work: stance, note, evidence, labels, review flags, dismissed suggestions, who and
/// when. Written so (the flags and dismissals only when there are some) as a side of a
/// [`crate::model::CellConflict`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "side", deny_unknown_fields)]
pub struct Assessment {
    /// The tag; `None` while unassessed (a cell may have a note before a stance).
    pub stance: Option<Stance>,
    /// Why, in the analyst's words.
    pub note: String,
    /// The positions that justify the stance.
    pub evidence: EvidenceSet,
    /// Free labels (e.g. `prioritaire`, `santé mentale`): the analyst's own, never counted.
    pub labels: BTreeSet<String>,
    /// Why the cell must be looked at again, at most one flag per reason, and who said so.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub review: BTreeMap<ReviewReason, ReviewOrigin>,
    /// The suggestions the analyst dismissed for this cell, so they are not offered again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub dismissed: BTreeSet<SuggestionKey>,
    /// Who made the last change. Cells by one analyst share one copy of the name.
    pub author: SmolStr,
    /// When the last change was made (RFC 3339, UTC): short enough to need no allocation.
    pub modified: SmolStr,
}

impl Assessment {
    /// True when the cell is judged (agreement, partial or gap) without any quote to back it: a
    /// judgement nobody can trace, which the window, `validate` and the report point out.
    #[must_use]
    pub fn is_unsupported(&self) -> bool {
        Stance::is_judgement(self.stance) && self.evidence.is_empty()
    }

    /// True when the cell carries no work at all and can be dropped from the session.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.stance.is_none()
            && self.note.is_empty()
            && self.evidence.is_empty()
            && self.labels.is_empty()
            && self.review.is_empty()
            && self.dismissed.is_empty()
    }

    /// Whether two assessments carry the same work (who and when aside).
    #[must_use]
    pub fn same_work(&self, other: &Assessment) -> bool {
        self.stance == other.stance
            && self.note == other.note
            && self.evidence == other.evidence
            && self.labels == other.labels
            && self.review == other.review
            && self.dismissed == other.dismissed
    }

    /// Whether the cell is flagged for `reason`.
    #[must_use]
    pub fn is_flagged(&self, reason: ReviewReason) -> bool {
        self.review.contains_key(&reason)
    }
}

/// A dossier (embedded copy) with all the assessments made on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// Who is doing the analysis; the cells they change share this copy of the name.
    pub analyst: SmolStr,
    /// When the session was created (RFC 3339, UTC).
    pub created: String,
    /// When the session was last saved (RFC 3339, UTC).
    pub modified: String,
    /// The reference material, embedded so the file is self-contained.
    pub dossier: Dossier,
    /// One entry per cell that carries work, sorted by cell. Entries whose measure or stakeholder
    /// the dossier lacks are *orphans*: kept and saved back, never dropped.
    pub assessments: BTreeMap<CellId, Assessment>,
    /// The analyst's written readings of the dossier, the stakeholders and the measures.
    pub syntheses: Syntheses,
    /// Cells a merge found changed differently on two or more sides, by cell.
    pub cell_conflicts: BTreeMap<CellId, CellConflict>,
    /// Items of the dossier a merge found edited differently, in the order it found them.
    pub dossier_conflicts: Vec<DossierConflict>,
    /// Positions an import proposes, waiting for the analyst, in import order.
    pub candidates: Vec<Candidate>,
}

impl Session {
    /// A new, empty session on `dossier`, created at `now` (RFC 3339).
    #[must_use]
    pub fn new(dossier: Dossier, analyst: &str, now: &str) -> Self {
        Self {
            analyst: analyst.into(),
            created: now.to_owned(),
            modified: now.to_owned(),
            dossier,
            assessments: BTreeMap::new(),
            syntheses: Syntheses::default(),
            cell_conflicts: BTreeMap::new(),
            dossier_conflicts: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// The cells flagged for `reason`, in cell order, orphans included.
    pub fn flagged(&self, reason: ReviewReason) -> impl Iterator<Item = (&CellId, &Assessment)> {
        self.assessments
            .iter()
            .filter(move |(_, a)| a.is_flagged(reason))
    }

    /// How many cells carry at least one review flag.
    #[must_use]
    pub fn flagged_count(&self) -> usize {
        self.assessments
            .values()
            .filter(|a| !a.review.is_empty())
            .count()
    }

    /// How many conflicts wait for the analyst: cells and dossier items.
    #[must_use]
    pub fn conflict_count(&self) -> usize {
        self.cell_conflicts.len() + self.dossier_conflicts.len()
    }

    /// How many suggestions were dismissed, over every cell.
    #[must_use]
    pub fn dismissed_count(&self) -> usize {
        self.assessments.values().map(|a| a.dismissed.len()).sum()
    }

    /// The stance of a cell, `None` when unassessed.
    #[must_use]
    pub fn stance(&self, cell: &CellId) -> Option<Stance> {
        self.assessments.get(cell).and_then(|a| a.stance)
    }

    /// The assessments of one row (every cell of `measure` that carries work), in stakeholder
    /// id order: one search in the map for the whole row instead of one per cell.
    pub fn assessments_of<'a>(
        &'a self,
        measure: &'a MeasureId,
    ) -> impl Iterator<Item = (&'a CellId, &'a Assessment)> + 'a {
        let first = CellId {
            measure: measure.clone(),
            stakeholder: StakeholderId(SmolStr::default()),
        };
        self.assessments
            .range(first..)
            .take_while(move |(cell, _)| cell.measure == *measure)
    }

    /// Cells that carry a stance and belong to the dossier's grid.
    #[must_use]
    pub fn assessed_count(&self) -> usize {
        let grid = GridIds::of(&self.dossier);
        self.assessments
            .iter()
            .filter(|(cell, a)| a.stance.is_some() && grid.contains(cell))
            .count()
    }

    /// Assessments whose measure or stakeholder the dossier lacks, in cell order.
    pub fn orphans(&self) -> impl Iterator<Item = (&CellId, &Assessment)> {
        let grid = GridIds::of(&self.dossier);
        // The cells come sorted by measure: each measure is looked up once.
        let mut last: Option<(&MeasureId, bool)> = None;
        self.assessments.iter().filter(move |&(cell, _)| {
            let known = match last {
                Some((measure, known)) if *measure == cell.measure => known,
                _ => {
                    let known = grid.measures.contains(cell.measure.as_str());
                    last = Some((&cell.measure, known));
                    known
                }
            };
            !known || !grid.stakeholders.contains(cell.stakeholder.as_str())
        })
    }

    /// Evidence links that name a position the dossier lacks or a position of another
    /// stakeholder, as `(cell, position)` pairs in cell order: the union of
    /// [`Session::misattributed_evidence`] and [`Session::unknown_evidence`].
    #[must_use]
    pub fn dangling_evidence(&self) -> Vec<(&CellId, &PositionId)> {
        self.evidence_faults()
            .into_iter()
            .map(|(cell, p, _)| (cell, p))
            .collect()
    }

    /// Evidence links that name a position of another stakeholder, as `(cell, position, its
    /// stakeholder)` in cell order: words that must never be shown as the cell's stakeholder's.
    #[must_use]
    pub fn misattributed_evidence(&self) -> Vec<(&CellId, &PositionId, &StakeholderId)> {
        self.evidence_faults()
            .into_iter()
            .filter_map(|(cell, p, owner)| owner.map(|o| (cell, p, o)))
            .collect()
    }

    /// Evidence links that name a position the dossier lacks, as `(cell, position)` in cell
    /// order.
    #[must_use]
    pub fn unknown_evidence(&self) -> Vec<(&CellId, &PositionId)> {
        self.evidence_faults()
            .into_iter()
            .filter(|(_, _, owner)| owner.is_none())
            .map(|(cell, p, _)| (cell, p))
            .collect()
    }

    /// Every evidence link not to a position of the cell's stakeholder, with the stakeholder
    /// the position belongs to (`None` when the dossier lacks the position).
    fn evidence_faults(&self) -> Vec<(&CellId, &PositionId, Option<&StakeholderId>)> {
        let owners: HashMap<&PositionId, &StakeholderId> = self
            .dossier
            .positions
            .iter()
            .map(|p| (&p.id, &p.stakeholder))
            .collect();
        self.assessments
            .iter()
            .flat_map(|(cell, a)| a.evidence.iter().map(move |p| (cell, p)))
            .filter_map(|(cell, p)| match owners.get(p) {
                Some(&owner) if *owner == cell.stakeholder => None,
                owner => Some((cell, p, owner.copied())),
            })
            .collect()
    }
}

/// The measure and stakeholder ids of a dossier, for fast "is this cell in the grid" checks.
struct GridIds<'a> {
    measures: HashSet<&'a str>,
    stakeholders: HashSet<&'a str>,
}

impl<'a> GridIds<'a> {
    fn of(dossier: &'a Dossier) -> Self {
        Self {
            measures: dossier.measures.iter().map(|m| m.id.as_str()).collect(),
            stakeholders: dossier.stakeholders.iter().map(|s| s.id.as_str()).collect(),
        }
    }

    fn contains(&self, cell: &CellId) -> bool {
        self.measures.contains(cell.measure.as_str())
            && self.stakeholders.contains(cell.stakeholder.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_judgement_without_evidence_is_unsupported_but_silence_is_not() {
        let mut a = Assessment {
            stance: Some(Stance::Gap),
            ..Assessment::default()
        };
        assert!(a.is_unsupported());
        a.evidence.insert("p".into());
        assert!(!a.is_unsupported());
        let silent = Assessment {
            stance: Some(Stance::Silent),
            ..Assessment::default()
        };
        assert!(!silent.is_unsupported());
        assert!(!Assessment::default().is_unsupported());
    }

    #[test]
    fn evidence_of_another_stakeholder_and_of_no_position_are_told_apart() {
        let mut s = Session::new(crate::model::fixture::dossier(), "", "");
        let own = s.dossier.positions[0].clone();
        let other = s
            .dossier
            .positions
            .iter()
            .find(|p| p.stakeholder != own.stakeholder)
            .expect("a position of another stakeholder")
            .clone();
        let cell = CellId::new(s.dossier.measures[0].id.clone(), own.stakeholder.clone());
        let a = s.assessments.entry(cell.clone()).or_default();
        a.evidence
            .extend([own.id.clone(), other.id.clone(), "absente".into()]);
        assert_eq!(
            s.misattributed_evidence(),
            [(&cell, &other.id, &other.stakeholder)]
        );
        assert_eq!(s.unknown_evidence(), [(&cell, &"absente".into())]);
        assert_eq!(s.dangling_evidence().len(), 2);
    }
}
