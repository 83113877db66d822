//! Lookups by id into a dossier in constant time, for code that looks up many ids (the report
//! walks every cell). Built once in linear time; answers exactly as the [`Dossier`] methods of
//! the same names, which scan the lists.

use crate::model::dossier::{Dossier, Measure, Position, Source};
use crate::model::ids::{MeasureId, PositionId, SourceId, StakeholderId};
use foldhash::{HashMap, HashMapExt};

/// A dossier's items by id.
#[derive(Debug)]
pub struct DossierLookup<'a> {
    /// Each measure with its place in the dossier.
    measures: HashMap<&'a str, (usize, &'a Measure)>,
    positions: HashMap<&'a str, &'a Position>,
    sources: HashMap<&'a str, &'a Source>,
    /// The positions linked to each cell, by measure then stakeholder, in dossier order.
    on_cell: HashMap<&'a str, HashMap<&'a str, Vec<&'a Position>>>,
}

impl<'a> DossierLookup<'a> {
    /// Index `dossier`. Where an id is defined twice (a dossier that does not validate), the
    /// first definition wins, as with [`Dossier::measure`] and the others.
    #[must_use]
    pub fn new(dossier: &'a Dossier) -> Self {
        let mut measures = HashMap::with_capacity(dossier.measures.len());
        for (i, m) in dossier.measures.iter().enumerate() {
            measures.entry(m.id.as_str()).or_insert((i, m));
        }
        let mut positions = HashMap::with_capacity(dossier.positions.len());
        let mut on_cell: HashMap<&str, HashMap<&str, Vec<&Position>>> = HashMap::default();
        for p in &dossier.positions {
            positions.entry(p.id.as_str()).or_insert(p);
            for m in &p.measures {
                let list = on_cell
                    .entry(m.as_str())
                    .or_default()
                    .entry(p.stakeholder.as_str())
                    .or_default();
                // A position listing a measure twice is still one position on the cell.
                if !list.last().is_some_and(|last| std::ptr::eq(*last, p)) {
                    list.push(p);
                }
            }
        }
        let mut sources = HashMap::with_capacity(dossier.sources.len());
        for s in &dossier.sources {
            sources.entry(s.id.as_str()).or_insert(s);
        }
        Self {
            measures,
            positions,
            sources,
            on_cell,
        }
    }

    /// The measure with this id, as [`Dossier::measure`].
    #[must_use]
    pub fn measure(&self, id: &MeasureId) -> Option<&'a Measure> {
        self.measures.get(id.as_str()).map(|&(_, m)| m)
    }

    /// The place of the measure with this id in the dossier's list, to sort by.
    #[must_use]
    pub fn measure_index(&self, id: &MeasureId) -> Option<usize> {
        self.measures.get(id.as_str()).map(|&(i, _)| i)
    }

    /// The position with this id, as [`Dossier::position`].
    #[must_use]
    pub fn position(&self, id: &PositionId) -> Option<&'a Position> {
        self.positions.get(id.as_str()).copied()
    }

    /// The source with this id, as [`Dossier::source`].
    #[must_use]
    pub fn source(&self, id: &SourceId) -> Option<&'a Source> {
        self.sources.get(id.as_str()).copied()
    }

    /// The positions of `stakeholder` linked to `measure`, in dossier order, as
    /// [`Dossier::positions_on`].
    #[must_use]
    pub fn positions_on(
        &self,
        measure: &MeasureId,
        stakeholder: &StakeholderId,
    ) -> &[&'a Position] {
        self.on_cell
            .get(measure.as_str())
            .and_then(|s| s.get(stakeholder.as_str()))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;

    #[test]
    fn lookups_answer_as_the_dossier_scans_do() {
        let mut d = fixture::grid(120, 4);
        let crowded = d.measures.iter().any(|m| {
            d.stakeholders
                .iter()
                .any(|s| d.positions_on(&m.id, &s.id).count() > 1)
        });
        assert!(
            crowded,
            "some cell has several positions, whose order counts"
        );
        // A duplicate id and a position naming a measure twice: the first wins, once.
        let mut twin = d.measures[5].clone();
        twin.title = "Doublon".to_owned();
        d.measures.push(twin);
        let m0 = d.measures[0].id.clone();
        d.positions[0].measures = vec![m0.clone(), m0];
        let l = DossierLookup::new(&d);
        for (i, m) in d.measures.iter().enumerate().take(120) {
            assert_eq!(l.measure(&m.id), d.measure(&m.id));
            assert_eq!(l.measure_index(&m.id), Some(i));
            for s in &d.stakeholders {
                let scan: Vec<&Position> = d.positions_on(&m.id, &s.id).collect();
                assert_eq!(l.positions_on(&m.id, &s.id), scan.as_slice());
            }
        }
        for p in &d.positions {
            assert_eq!(l.position(&p.id), d.position(&p.id));
            assert_eq!(l.source(&p.citation.source), d.source(&p.citation.source));
        }
        assert_eq!(l.measure(&"nulle-part".into()), None);
        assert_eq!(l.position(&"nulle-part".into()), None);
    }
}
