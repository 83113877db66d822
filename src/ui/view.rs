//! What the grid shows: the filters, the selection, and the rows that pass the filters. The
//! rows and the folded search text are cached and rebuilt only when the session or the filters
//! change, never per frame.

use crate::model::{CellId, Dossier, Session, Stance};
use std::collections::{BTreeSet, HashMap};

/// Fold text for search: accents and case ignored ("Ségur" → "segur").
#[must_use]
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

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

/// Facts about the dossier the grid needs every frame, computed once per session.
#[derive(Debug, Default)]
pub struct DossierIndex {
    /// For each measure, its pillar's index.
    pub pillar_of: Vec<usize>,
    /// Positions the dossier links to each cell: `[measure][stakeholder]`.
    pub linked: Vec<Vec<u16>>,
    /// Folded text of each measure (id, title, summary, figures, quotes) and of every position
    /// on it.
    folded_measure: Vec<String>,
    /// Folded text of the positions on each cell: `[measure][stakeholder]`.
    folded_positions: Vec<Vec<String>>,
    /// Folded note and labels of each assessed cell, by `[measure][stakeholder]`.
    folded_notes: HashMap<(usize, usize), String>,
    measure_ix: HashMap<String, usize>,
    stakeholder_ix: HashMap<String, usize>,
}

impl DossierIndex {
    /// Index `session`'s dossier and notes.
    #[must_use]
    pub fn new(session: &Session) -> Self {
        let d = &session.dossier;
        let pillar_ix: HashMap<&str, usize> = d
            .pillars
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let measure_ix: HashMap<String, usize> = d
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.0.clone(), i))
            .collect();
        let stakeholder_ix: HashMap<String, usize> = d
            .stakeholders
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.0.clone(), i))
            .collect();
        let (nm, ns) = (d.measures.len(), d.stakeholders.len());
        let mut linked = vec![vec![0u16; ns]; nm];
        let mut folded_positions = vec![vec![String::new(); ns]; nm];
        for p in &d.positions {
            let Some(&s) = stakeholder_ix.get(p.stakeholder.as_str()) else {
                continue;
            };
            let text = fold(&format!("{} {} {}", p.id, p.title, p.citation.excerpt));
            for m in &p.measures {
                if let Some(&m) = measure_ix.get(m.as_str()) {
                    linked[m][s] = linked[m][s].saturating_add(1);
                    folded_positions[m][s].push_str(&text);
                    folded_positions[m][s].push(' ');
                }
            }
        }
        let folded_measure = d
            .measures
            .iter()
            .map(|m| fold(&measure_text(d, m)))
            .collect();
        let pillar_of = d
            .measures
            .iter()
            .map(|m| pillar_ix.get(m.pillar.as_str()).copied().unwrap_or(0))
            .collect();
        let mut index = Self {
            pillar_of,
            linked,
            folded_measure,
            folded_positions,
            folded_notes: HashMap::new(),
            measure_ix,
            stakeholder_ix,
        };
        for cell in session.assessments.keys() {
            index.refresh_note(session, cell);
        }
        index
    }

    /// The grid position of a cell, if it is in the dossier.
    #[must_use]
    pub fn position_of(&self, cell: &CellId) -> Option<(usize, usize)> {
        Some((
            *self.measure_ix.get(cell.measure.as_str())?,
            *self.stakeholder_ix.get(cell.stakeholder.as_str())?,
        ))
    }

    /// Re-fold one cell's note after an edit.
    pub fn refresh_note(&mut self, session: &Session, cell: &CellId) {
        let Some(at) = self.position_of(cell) else {
            return;
        };
        match session.assessments.get(cell) {
            Some(a) => {
                let labels: Vec<&str> = a.labels.iter().map(String::as_str).collect();
                self.folded_notes
                    .insert(at, fold(&format!("{} {}", a.note, labels.join(" "))));
            }
            None => {
                self.folded_notes.remove(&at);
            }
        }
    }

    /// The rows that pass `filters`, with a heading before each pillar's first shown measure.
    #[must_use]
    pub fn rows(&self, session: &Session, filters: &Filters) -> Vec<Row> {
        let d = &session.dossier;
        let query = fold(filters.search.trim());
        let words: Vec<&str> = query.split_whitespace().collect();
        let visible: Vec<usize> = (0..d.stakeholders.len())
            .filter(|s| !filters.hidden_stakeholders.contains(s))
            .collect();
        let all_stances = filters.stances.len() == all_stances().len();
        let mut rows = Vec::new();
        let mut last_pillar = None;
        for (pi, _) in d.pillars.iter().enumerate() {
            if filters.hidden_pillars.contains(&pi) {
                continue;
            }
            for (mi, m) in d.measures.iter().enumerate() {
                if self.pillar_of[mi] != pi {
                    continue;
                }
                let stance = |s: usize| {
                    session.stance(&CellId {
                        measure: m.id.clone(),
                        stakeholder: d.stakeholders[s].id.clone(),
                    })
                };
                if filters.only_gaps && !visible.iter().any(|&s| stance(s) == Some(Stance::Gap)) {
                    continue;
                }
                if !all_stances
                    && !visible
                        .iter()
                        .any(|&s| filters.stances.contains(&stance(s)))
                {
                    continue;
                }
                if !words.is_empty() && !self.matches(mi, &visible, &words) {
                    continue;
                }
                if last_pillar != Some(pi) {
                    rows.push(Row::Pillar(pi));
                    last_pillar = Some(pi);
                }
                rows.push(Row::Measure(mi));
            }
        }
        rows
    }

    /// True when every word occurs in the measure, the visible stakeholders' positions on it, or
    /// their notes.
    fn matches(&self, mi: usize, visible: &[usize], words: &[&str]) -> bool {
        words.iter().all(|w| {
            self.folded_measure[mi].contains(w)
                || visible.iter().any(|&s| {
                    self.folded_positions[mi][s].contains(w)
                        || self
                            .folded_notes
                            .get(&(mi, s))
                            .is_some_and(|n| n.contains(w))
                })
        })
    }
}

fn measure_text(d: &Dossier, m: &crate::model::Measure) -> String {
    let mut text = format!("{} {} {}", m.id, m.title, m.summary);
    for c in &m.citations {
        text.push(' ');
        text.push_str(&c.excerpt);
    }
    if let Some(p) = d.pillar(&m.pillar) {
        text.push(' ');
        text.push_str(&p.title);
    }
    text
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
    fn folding_ignores_accents_and_case() {
        assert_eq!(
            fold("Ségur de la SANTÉ, œuvres"),
            "segur de la sante, oeuvres"
        );
    }
}
