//! The heatmap the window shows above the grid: for each stakeholder, how many cells of each
//! pillar (and of the whole dossier) carry each stance, counted from the grid's index of the
//! whole session — not of the filtered rows, so a click on a cell (which filters the grid to
//! that stakeholder and pillar) does not change what the heatmap shows. The report's matrix
//! counts the same cells ([`crate::report::MatrixRow`]); a test holds them equal.

use super::DossierIndex;
use crate::model::{Dossier, Stance};

/// The stance classes in the order a bar stacks them: agreement first, unassessed last.
pub const CLASSES: [Option<Stance>; 5] = [
    Some(Stance::Agreement),
    Some(Stance::Partial),
    Some(Stance::Gap),
    Some(Stance::Silent),
    None,
];

/// How many cells of a group carry each stance, and how many none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// By class, in [`CLASSES`] order.
    counts: [usize; 5],
}

impl Tally {
    fn slot(class: Option<Stance>) -> usize {
        match class {
            Some(Stance::Agreement) => 0,
            Some(Stance::Partial) => 1,
            Some(Stance::Gap) => 2,
            Some(Stance::Silent) => 3,
            None => 4,
        }
    }

    /// Count one cell of `class` (`None`: unassessed).
    pub fn add(&mut self, class: Option<Stance>) {
        self.counts[Self::slot(class)] += 1;
    }

    /// The cells of `class` (`None`: unassessed).
    #[must_use]
    pub fn get(&self, class: Option<Stance>) -> usize {
        self.counts[Self::slot(class)]
    }

    /// Every cell of the group.
    #[must_use]
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// One stakeholder's row: a tally per pillar, then the whole dossier.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeatRow {
    /// By pillar, in dossier order.
    pub per_pillar: Vec<Tally>,
    /// Every measure.
    pub overall: Tally,
}

/// Stakeholders (rows, in dossier order) × pillars (columns).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Heatmap {
    /// One per stakeholder.
    pub rows: Vec<HeatRow>,
}

impl Heatmap {
    /// Count every cell of `dossier` through its index (orphan assessments are no cell).
    #[must_use]
    pub fn new(dossier: &Dossier, index: &DossierIndex) -> Self {
        let pillars = dossier.pillars.len();
        let mut rows = vec![
            HeatRow {
                per_pillar: vec![Tally::default(); pillars],
                overall: Tally::default(),
            };
            dossier.stakeholders.len()
        ];
        for m in 0..dossier.measures.len() {
            let pillar = index.pillar_of.get(m).copied().filter(|&p| p < pillars);
            for (s, row) in rows.iter_mut().enumerate() {
                let class = index.stance(m, s);
                if let Some(p) = pillar {
                    row.per_pillar[p].add(class);
                }
                row.overall.add(class);
            }
        }
        Self { rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellId, Session};

    #[test]
    fn each_cell_is_counted_once_in_its_pillar_and_overall() {
        // Four measures, two in each of two pillars.
        let mut dossier = crate::model::fixture::grid(4, 2);
        let mut second = dossier.pillars[0].clone();
        second.id = "p2".into();
        dossier.pillars.push(second);
        for m in &mut dossier.measures[2..] {
            m.pillar = "p2".into();
        }
        let mut session = Session::new(dossier, "A", "2026-01-01T00:00:00Z");
        let d = session.dossier.clone();
        let (m0, m_last) = (&d.measures[0], d.measures.last().expect("measures"));
        for (m, s, stance) in [
            (m0, 0, Stance::Gap),
            (m0, 1, Stance::Agreement),
            (m_last, 0, Stance::Gap),
        ] {
            let cell = CellId::new(m.id.clone(), d.stakeholders[s].id.clone());
            session.assessments.insert(
                cell,
                crate::model::Assessment {
                    stance: Some(stance),
                    ..crate::model::Assessment::default()
                },
            );
        }
        let map = Heatmap::new(&session.dossier, &DossierIndex::new(&session));
        assert_eq!(map.rows.len(), d.stakeholders.len());
        let first = d
            .pillars
            .iter()
            .position(|p| p.id == m0.pillar)
            .expect("pillar");
        let last = d
            .pillars
            .iter()
            .position(|p| p.id == m_last.pillar)
            .expect("pillar");
        assert_ne!(first, last, "two pillars");
        let row = &map.rows[0];
        assert_eq!(row.overall.get(Some(Stance::Gap)), 2);
        assert_eq!(row.overall.total(), d.measures.len());
        assert_eq!(row.per_pillar[first].get(Some(Stance::Gap)), 1);
        assert_eq!(row.per_pillar[last].get(Some(Stance::Gap)), 1);
        assert_eq!(map.rows[1].overall.get(Some(Stance::Agreement)), 1);
        assert_eq!(
            map.rows[1].overall.get(None),
            d.measures.len() - 1,
            "the rest unassessed"
        );
        let in_pillars: usize = row.per_pillar.iter().map(Tally::total).sum();
        assert_eq!(in_pillars, d.measures.len());
    }
}
