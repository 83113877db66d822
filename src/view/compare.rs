//! Comparing analysts in the window: other analysts' sessions on the same dossier, opened beside
//! the analyst's own (read only), and for each cell whether the analysts agree, plus the cells a
//! merge left in conflict. Rebuilt when the open session changes, never per frame; the grid
//! reads one mark per cell, the keys walk the disagreements and conflicts.

use crate::model::{Assessment, CellId, Session, Stance};
use crate::teamwork::{AgreeError, Agreement, compare};
use crate::view::DossierIndex;
use std::sync::Arc;

/// Another analyst's session, opened to compare.
#[derive(Clone, Debug)]
pub struct Compared {
    /// Whom the grid and the panel name: the session's analyst, or its file name when the
    /// session names nobody.
    pub name: String,
    /// The session, as loaded.
    pub session: Arc<Session>,
}

/// How the analysts' stances on one cell compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellAgreement {
    /// Every analyst gave the same stance.
    Same,
    /// Two analysts who assessed the cell gave different stances.
    Differ,
    /// Those who assessed it agree, but some analyst left it unassessed.
    Incomplete,
}

/// The sessions compared with the open one and what the grid shows of them.
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// The other analysts, in the order they were opened.
    pub others: Vec<Compared>,
    /// One mark per cell of the open dossier (`measure × width + stakeholder`); `None`: no
    /// analyst assessed it.
    marks: Vec<Option<CellAgreement>>,
    /// Cells of the open dossier a merge left in conflict, as for `marks`.
    conflicts: Vec<bool>,
    width: usize,
    /// The open session's stances and the number of compared sessions the marks were made from:
    /// an edit that changes no stance (typing a note) leaves them as they are.
    made_from: (Vec<Option<Stance>>, usize),
}

impl Comparison {
    /// Recompute every cell's mark for `session` (indexed by `index`): after an edit, after
    /// opening or closing a compared session. Costs one pass over each session's assessments,
    /// and only when a stance or the sessions compared changed; returns whether they did (the
    /// agreement figures are then stale too).
    pub fn refresh(&mut self, session: &Session, index: &DossierIndex) -> bool {
        let d = &session.dossier;
        let width = d.stakeholders.len();
        let cells = d.measures.len() * width;
        self.width = width;
        self.conflicts = vec![false; cells];
        for cell in session.cell_conflicts.keys() {
            if let Some((m, s)) = index.position_of(cell) {
                self.conflicts[m * width + s] = true;
            }
        }
        let own: Vec<Option<Stance>> = (0..cells)
            .map(|i| index.stance(i / width.max(1), i % width.max(1)))
            .collect();
        if self.made_from.0 == own && self.made_from.1 == self.others.len() {
            return false;
        }
        self.made_from = (own, self.others.len());
        self.marks.clear();
        if self.others.is_empty() {
            return true;
        }
        let mut theirs: Vec<Vec<Option<Stance>>> = Vec::with_capacity(self.others.len());
        for other in &self.others {
            let mut stances = vec![None; cells];
            for (cell, a) in &other.session.assessments {
                if let Some((m, s)) = index.position_of(cell) {
                    stances[m * width + s] = a.stance;
                }
            }
            theirs.push(stances);
        }
        let own = &self.made_from.0;
        self.marks = (0..cells)
            .map(|i| agreement_of(std::iter::once(own[i]).chain(theirs.iter().map(|t| t[i]))))
            .collect();
        true
    }

    /// Whether another session is open to compare.
    #[must_use]
    pub fn is_on(&self) -> bool {
        !self.others.is_empty()
    }

    /// The mark of the cell of measure `measure` and stakeholder `stakeholder`.
    #[must_use]
    pub fn mark(&self, measure: usize, stakeholder: usize) -> Option<CellAgreement> {
        self.marks
            .get(measure * self.width + stakeholder)
            .copied()
            .flatten()
    }

    /// Whether a merge left the cell in conflict.
    #[must_use]
    pub fn in_conflict(&self, measure: usize, stakeholder: usize) -> bool {
        self.conflicts
            .get(measure * self.width + stakeholder)
            .copied()
            .unwrap_or(false)
    }

    /// How many cells the analysts disagree on.
    #[must_use]
    pub fn disagreements(&self) -> usize {
        self.marks
            .iter()
            .filter(|m| **m == Some(CellAgreement::Differ))
            .count()
    }

    /// How many cells a merge left in conflict.
    #[must_use]
    pub fn conflict_count(&self) -> usize {
        self.conflicts.iter().filter(|c| **c).count()
    }

    /// Each other analyst's version of `cell` (`None`: they left it blank), in opening order.
    pub fn versions<'a>(
        &'a self,
        cell: &'a CellId,
    ) -> impl Iterator<Item = (&'a str, Option<&'a Assessment>)> + 'a {
        self.others
            .iter()
            .map(move |o| (o.name.as_str(), o.session.assessments.get(cell)))
    }

    /// The agreement statistics of `session` (first) and the sessions compared with it.
    ///
    /// # Errors
    /// As [`compare`]: nothing to compare, or a session on another dossier.
    pub fn agreement(&self, session: &Session) -> Result<Agreement, AgreeError> {
        let mut all: Vec<&Session> = vec![session];
        all.extend(self.others.iter().map(|o| o.session.as_ref()));
        compare(&all)
    }
}

/// How a cell's stances compare (`None`: unassessed by that analyst).
fn agreement_of(stances: impl Iterator<Item = Option<Stance>>) -> Option<CellAgreement> {
    let (mut first, mut missing, mut differ) = (None, false, false);
    for s in stances {
        match (s, first) {
            (None, _) => missing = true,
            (Some(s), None) => first = Some(s),
            (Some(s), Some(f)) => differ |= s != f,
        }
    }
    first?;
    Some(if differ {
        CellAgreement::Differ
    } else if missing {
        CellAgreement::Incomplete
    } else {
        CellAgreement::Same
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;

    fn tag(s: &mut Session, m: usize, st: usize, stance: Stance) {
        let cell = CellId::new(
            s.dossier.measures[m].id.as_str(),
            s.dossier.stakeholders[st].id.as_str(),
        );
        s.assessments.entry(cell).or_default().stance = Some(stance);
    }

    #[test]
    fn each_cell_says_whether_the_analysts_agree() {
        let mut mine = Session::new(fixture::grid(3, 2), "Camille", "2026-01-01T00:00:00Z");
        let mut theirs = mine.clone();
        theirs.analyst = "Inès".into();
        tag(&mut mine, 0, 0, Stance::Gap);
        tag(&mut theirs, 0, 0, Stance::Gap);
        tag(&mut mine, 0, 1, Stance::Agreement);
        tag(&mut theirs, 0, 1, Stance::Partial);
        tag(&mut theirs, 1, 0, Stance::Silent);
        let index = DossierIndex::new(&mine);
        let mut c = Comparison {
            others: vec![Compared {
                name: "Inès".into(),
                session: Arc::new(theirs),
            }],
            ..Comparison::default()
        };
        assert!(c.refresh(&mine, &index));
        assert!(!c.refresh(&mine, &index), "nothing changed: nothing redone");
        assert_eq!(c.mark(0, 0), Some(CellAgreement::Same));
        assert_eq!(c.mark(0, 1), Some(CellAgreement::Differ));
        assert_eq!(c.mark(1, 0), Some(CellAgreement::Incomplete));
        assert_eq!(c.mark(2, 1), None, "nobody assessed it");
        assert_eq!(c.disagreements(), 1);
        let cell = CellId::new(
            mine.dossier.measures[0].id.as_str(),
            mine.dossier.stakeholders[1].id.as_str(),
        );
        let versions: Vec<_> = c.versions(&cell).collect();
        assert_eq!(versions[0].0, "Inès");
        assert_eq!(versions[0].1.and_then(|a| a.stance), Some(Stance::Partial));
        let stats = c.agreement(&mine).expect("same dossier");
        assert_eq!(stats.overall.compared, 2);
    }

    #[test]
    fn a_merge_conflict_is_marked_without_any_other_session() {
        let mut s = Session::new(fixture::grid(2, 2), "Camille", "2026-01-01T00:00:00Z");
        let cell = CellId::new(
            s.dossier.measures[1].id.as_str(),
            s.dossier.stakeholders[0].id.as_str(),
        );
        s.cell_conflicts
            .insert(cell, crate::model::CellConflict::default());
        let index = DossierIndex::new(&s);
        let mut c = Comparison::default();
        c.refresh(&s, &index);
        assert!(!c.is_on());
        assert!(c.in_conflict(1, 0) && !c.in_conflict(0, 0));
        assert_eq!(c.conflict_count(), 1);
        assert_eq!(c.mark(1, 0), None);
    }
}
