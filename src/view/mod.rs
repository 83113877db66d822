//! The window's view model, free of egui: the filters, the selection, the rows that pass the
//! filters and the index they are computed from. The rows and the folded search text are cached
//! and rebuilt only when the session or the filters change, never per frame. It builds without
//! the `gui` feature, so the command line and the analyses can use it too.

use crate::model::{CellId, Dossier, Stance};
use std::collections::BTreeSet;

pub mod compare;
mod fold;
pub mod heatmap;
mod highlight;
mod index;
mod reading;

pub use fold::fold;
pub use highlight::{matches as search_matches, search_words};
pub use index::DossierIndex;
pub use reading::{Mark, Reading, excerpt_of, shown};

/// Which stance classes the stance filter keeps; `None` in the set stands for unassessed.
pub type StanceSet = BTreeSet<Option<Stance>>;

/// The user's filters.
#[derive(Clone, Debug, PartialEq)]
pub struct Filters {
    /// Pillars hidden (by index in the dossier).
    pub hidden_pillars: BTreeSet<usize>,
    /// Stakeholder columns hidden (by index in the dossier).
    pub hidden_stakeholders: BTreeSet<usize>,
    /// A row is shown if one of its visible cells has one of these stances.
    pub stances: StanceSet,
    /// Show only rows with at least one visible Gap cell.
    pub only_gaps: bool,
    /// Show only the points of friction: rows where a visible cell is a Gap and another an
    /// Agreement or a Partial (as the report's section counts them).
    pub only_frictions: bool,
    /// Search text as typed.
    pub search: String,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            hidden_pillars: BTreeSet::new(),
            hidden_stakeholders: BTreeSet::new(),
            stances: all_stances(),
            only_gaps: false,
            only_frictions: false,
            search: String::new(),
        }
    }
}

/// Every stance class, unassessed included.
#[must_use]
pub fn all_stances() -> StanceSet {
    std::iter::once(None).chain(Stance::ALL.map(Some)).collect()
}

/// A row of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A pillar heading (index in the dossier).
    Pillar(usize),
    /// A measure (index in the dossier).
    Measure(usize),
}

/// Whether the stances of one row split the stakeholders: a Gap against an Agreement or a
/// Partial.
pub fn splits(stances: impl IntoIterator<Item = Option<Stance>>) -> bool {
    let (mut gap, mut approval) = (false, false);
    for s in stances {
        gap |= s == Some(Stance::Gap);
        approval |= matches!(s, Some(Stance::Agreement | Stance::Partial));
    }
    gap && approval
}

/// The selected cell, by grid indices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Measure index in the dossier.
    pub measure: usize,
    /// Stakeholder index in the dossier.
    pub stakeholder: usize,
}

impl Selection {
    /// The selected cell's id.
    #[must_use]
    pub fn cell(self, d: &Dossier) -> Option<CellId> {
        Some(CellId {
            measure: d.measures.get(self.measure)?.id.clone(),
            stakeholder: d.stakeholders.get(self.stakeholder)?.id.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_splits_the_stakeholders_when_a_gap_faces_an_approval() {
        use Stance::{Agreement, Gap, Partial, Silent};
        assert!(splits([Some(Gap), Some(Agreement)]));
        assert!(splits([Some(Partial), None, Some(Gap)]));
        assert!(!splits([Some(Gap), Some(Silent), None]));
        assert!(!splits([Some(Agreement), Some(Partial)]));
    }
}
