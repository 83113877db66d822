//! The index of a session the grid reads every frame: stances per cell, positions the dossier
//! links to each cell, folded search text per row; built once per session, kept current cell by
//! cell as edits come, and asked for the rows that pass the filters.

use super::fold::{fold, fold_into};
use super::{Filters, Row, all_stances};
use crate::model::{CellId, Dossier, Session, Stance};
use foldhash::HashMap;

/// Facts about the dossier the grid needs every frame, computed once per session and kept up
/// to date cell by cell as edits come ([`DossierIndex::refresh_note`]).
#[derive(Debug, Default)]
pub struct DossierIndex {
    /// For each measure, its pillar's index.
    pub pillar_of: Vec<usize>,
    /// Positions the dossier links to each cell: `[measure][stakeholder]`.
    pub linked: Vec<Vec<u16>>,
    /// The measures of each pillar, in dossier order.
    by_pillar: Vec<Vec<usize>>,
    /// Number of stakeholders: the stride of the per-cell tables.
    stride: usize,
    /// The stance of each cell, at `measure * stride + stakeholder`.
    stances: Vec<Option<Stance>>,
    /// Cells of the grid that carry a stance.
    assessed: usize,
    /// Folded searchable text of each row: the measure (id, title, summary, quotes, pillar),
    /// then for each stakeholder the positions on the cell and the cell's note and labels, the
    /// parts separated by newlines (a search word never holds one, so never spans two parts).
    folded_rows: Vec<String>,
    /// Where each cell's part of its row's text lies: `(start, note start, end)` at
    /// `measure * stride + stakeholder`; the measure's own part ends at the first cell's start.
    spans: Vec<(u32, u32, u32)>,
    measure_ix: HashMap<smol_str::SmolStr, usize>,
    stakeholder_ix: HashMap<smol_str::SmolStr, usize>,
    /// The stakeholder (index) of each position of the dossier, for the grid's check of a
    /// cell's evidence every frame (`None` when the dossier lacks the stakeholder).
    owner_of: HashMap<smol_str::SmolStr, Option<usize>>,
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
        let measure_ix: HashMap<smol_str::SmolStr, usize> = d
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.0.clone(), i))
            .collect();
        let stakeholder_ix: HashMap<smol_str::SmolStr, usize> = d
            .stakeholders
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.0.clone(), i))
            .collect();
        let (nm, ns) = (d.measures.len(), d.stakeholders.len());
        let mut linked = vec![vec![0u16; ns]; nm];
        let mut folded_positions: HashMap<(usize, usize), String> = HashMap::default();
        let mut text = String::new();
        for p in &d.positions {
            let Some(&s) = stakeholder_ix.get(p.stakeholder.as_str()) else {
                continue;
            };
            text.clear();
            fold_into(&mut text, p.id.as_str());
            text.push(' ');
            fold_into(&mut text, &p.title);
            text.push(' ');
            fold_into(&mut text, &p.citation.excerpt);
            text.push(' ');
            for m in &p.measures {
                if let Some(&m) = measure_ix.get(m.as_str()) {
                    linked[m][s] = linked[m][s].saturating_add(1);
                    folded_positions.entry((m, s)).or_default().push_str(&text);
                }
            }
        }
        let pillar_of: Vec<usize> = d
            .measures
            .iter()
            .map(|m| pillar_ix.get(m.pillar.as_str()).copied().unwrap_or(0))
            .collect();
        let mut by_pillar = vec![Vec::new(); d.pillars.len()];
        for (mi, &pi) in pillar_of.iter().enumerate() {
            if let Some(measures) = by_pillar.get_mut(pi) {
                measures.push(mi);
            }
        }
        let owner_of = d
            .positions
            .iter()
            .map(|p| {
                let owner = stakeholder_ix.get(p.stakeholder.as_str()).copied();
                (p.id.0.clone(), owner)
            })
            .collect();
        let mut index = Self {
            owner_of,
            pillar_of,
            linked,
            by_pillar,
            stride: ns,
            stances: vec![None; nm * ns],
            assessed: 0,
            folded_rows: Vec::with_capacity(nm),
            spans: vec![(0, 0, 0); nm * ns],
            measure_ix,
            stakeholder_ix,
        };
        let mut notes: Vec<Option<&crate::model::Assessment>> = vec![None; ns];
        for (mi, m) in d.measures.iter().enumerate() {
            index.row_assessments(session, mi, &mut notes);
            let mut row = String::new();
            fold_into(&mut row, &measure_text(d, m));
            for (s, a) in notes.iter().enumerate() {
                row.push('\n');
                let start = offset(&row);
                if let Some(p) = folded_positions.get(&(mi, s)) {
                    row.push_str(p);
                }
                let note = offset(&row);
                if let Some(a) = a {
                    index.stances[mi * ns + s] = a.stance;
                    fold_note(&mut row, a);
                }
                index.spans[mi * ns + s] = (start, note, offset(&row));
            }
            row.shrink_to_fit();
            index.folded_rows.push(row);
        }
        index.assessed = index.stances.iter().filter(|s| s.is_some()).count();
        index
    }

    /// How many of `a`'s evidence links, on a cell of stakeholder `stakeholder` (index), name
    /// a position of another stakeholder, and how many a position the dossier lacks.
    #[must_use]
    pub fn faulty_evidence(
        &self,
        stakeholder: usize,
        a: &crate::model::Assessment,
    ) -> (usize, usize) {
        let (mut other, mut missing) = (0, 0);
        for p in &a.evidence {
            match self.owner_of.get(p.as_str()) {
                None => missing += 1,
                Some(owner) if *owner != Some(stakeholder) => other += 1,
                Some(_) => {}
            }
        }
        (other, missing)
    }

    /// The grid position of a cell, if it is in the dossier.
    #[must_use]
    pub fn position_of(&self, cell: &CellId) -> Option<(usize, usize)> {
        Some((
            *self.measure_ix.get(cell.measure.as_str())?,
            *self.stakeholder_ix.get(cell.stakeholder.as_str())?,
        ))
    }

    /// The stance of the cell at `measure` × `stakeholder` (dossier indices).
    #[must_use]
    pub fn stance(&self, measure: usize, stakeholder: usize) -> Option<Stance> {
        self.stances
            .get(measure * self.stride + stakeholder)
            .copied()
            .flatten()
    }

    /// Cells of the grid that carry a stance (orphans left out), as
    /// [`Session::assessed_count`] counts them, without going through the session.
    #[must_use]
    pub fn assessed_count(&self) -> usize {
        self.assessed
    }

    /// Fill `out` (one slot per stakeholder) with the assessments of row `measure`: one search
    /// in the session for the whole row rather than one per cell.
    pub fn row_assessments<'s>(
        &self,
        session: &'s Session,
        measure: usize,
        out: &mut Vec<Option<&'s crate::model::Assessment>>,
    ) {
        out.clear();
        out.resize(self.stride, None);
        let Some(m) = session.dossier.measures.get(measure) else {
            return;
        };
        for (cell, a) in session.assessments_of(&m.id) {
            if let Some(&s) = self.stakeholder_ix.get(cell.stakeholder.as_str()) {
                out[s] = Some(a);
            }
        }
    }

    /// Re-read one cell after an edit: its stance and its folded note and labels.
    pub fn refresh_note(&mut self, session: &Session, cell: &CellId) {
        let Some((mi, si)) = self.position_of(cell) else {
            return;
        };
        let a = session.assessments.get(cell);
        let at = mi * self.stride + si;
        let stance = a.and_then(|a| a.stance);
        match (self.stances[at].is_some(), stance.is_some()) {
            (false, true) => self.assessed += 1,
            (true, false) => self.assessed -= 1,
            _ => {}
        }
        self.stances[at] = stance;
        let (_, note, end) = self.spans[at];
        let old = &self.folded_rows[mi];
        let mut row = String::with_capacity(old.len());
        row.push_str(&old[..note as usize]);
        if let Some(a) = a {
            fold_note(&mut row, a);
        }
        let shift = i64::from(offset(&row)) - i64::from(end);
        row.push_str(&old[end as usize..]);
        self.folded_rows[mi] = row;
        self.spans[at].2 = offset_by(end, shift);
        for span in &mut self.spans[at + 1..(mi + 1) * self.stride] {
            *span = (
                offset_by(span.0, shift),
                offset_by(span.1, shift),
                offset_by(span.2, shift),
            );
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
        let all_visible = visible.len() == self.stride;
        let all_stances = filters.stances.len() == all_stances().len();
        let mut rows = Vec::new();
        for (pi, measures) in self.by_pillar.iter().enumerate() {
            if filters.hidden_pillars.contains(&pi) {
                continue;
            }
            let mut heading = false;
            for &mi in measures {
                let stance = |s: usize| self.stances[mi * self.stride + s];
                if filters.only_gaps && !visible.iter().any(|&s| stance(s) == Some(Stance::Gap)) {
                    continue;
                }
                if filters.only_frictions && !super::splits(visible.iter().map(|&s| stance(s))) {
                    continue;
                }
                if !all_stances
                    && !visible
                        .iter()
                        .any(|&s| filters.stances.contains(&stance(s)))
                {
                    continue;
                }
                if !words.is_empty() && !self.matches(mi, &visible, all_visible, &words) {
                    continue;
                }
                if !heading {
                    rows.push(Row::Pillar(pi));
                    heading = true;
                }
                rows.push(Row::Measure(mi));
            }
        }
        rows
    }

    /// True when every word occurs in the measure, the visible stakeholders' positions on it, or
    /// their notes.
    fn matches(&self, mi: usize, visible: &[usize], all_visible: bool, words: &[&str]) -> bool {
        let row = self.folded_rows[mi].as_str();
        if all_visible {
            return words.iter().all(|w| row.contains(w));
        }
        let cells = &self.spans[mi * self.stride..(mi + 1) * self.stride];
        let measure = cells.first().map_or(row, |c| &row[..c.0 as usize]);
        words.iter().all(|w| {
            measure.contains(w)
                || visible.iter().any(|&s| {
                    let (start, _, end) = cells[s];
                    row[start as usize..end as usize].contains(w)
                })
        })
    }
}

/// Append the folded note and labels of `a`.
fn fold_note(row: &mut String, a: &crate::model::Assessment) {
    fold_into(row, &a.note);
    for label in &a.labels {
        row.push(' ');
        fold_into(row, label);
    }
}

/// The length of `row`, as the `u32` offsets of [`DossierIndex`] store it (a row's text is far
/// below 4 GiB: the session file that holds it is capped at 100 MB).
fn offset(row: &str) -> u32 {
    u32::try_from(row.len()).expect("a row's text is below 4 GiB")
}

fn offset_by(at: u32, shift: i64) -> u32 {
    u32::try_from(i64::from(at) + shift).expect("an offset inside the row")
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::generate::{Spec, session as generate};
    use crate::model::{Action, History};

    /// The rows as the first version computed them, cell by cell from the session: the
    /// reference the index must agree with.
    fn reference_rows(session: &Session, filters: &Filters) -> Vec<Row> {
        let d = &session.dossier;
        let words: Vec<String> = fold(filters.search.trim())
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let visible: Vec<usize> = (0..d.stakeholders.len())
            .filter(|s| !filters.hidden_stakeholders.contains(s))
            .collect();
        let cell = |mi: usize, s: usize| CellId {
            measure: d.measures[mi].id.clone(),
            stakeholder: d.stakeholders[s].id.clone(),
        };
        let text = |mi: usize, s: usize| {
            let positions: Vec<String> = d
                .positions_on(&d.measures[mi].id, &d.stakeholders[s].id)
                .map(|p| fold(&format!("{} {} {}", p.id, p.title, p.citation.excerpt)))
                .collect();
            let note = session.assessments.get(&cell(mi, s)).map(|a| {
                let labels: Vec<&str> = a.labels.iter().map(String::as_str).collect();
                fold(&format!("{} {}", a.note, labels.join(" ")))
            });
            (positions, note.unwrap_or_default())
        };
        let mut rows = Vec::new();
        for (pi, p) in d.pillars.iter().enumerate() {
            if filters.hidden_pillars.contains(&pi) {
                continue;
            }
            let mut heading = false;
            for (mi, m) in d.measures.iter().enumerate() {
                if m.pillar != p.id {
                    continue;
                }
                let stance = |s: usize| session.stance(&cell(mi, s));
                if filters.only_gaps && !visible.iter().any(|&s| stance(s) == Some(Stance::Gap)) {
                    continue;
                }
                if filters.only_frictions
                    && !crate::view::splits(visible.iter().map(|&s| stance(s)))
                {
                    continue;
                }
                if filters.stances != all_stances()
                    && !visible
                        .iter()
                        .any(|&s| filters.stances.contains(&stance(s)))
                {
                    continue;
                }
                let measure = fold(&measure_text(d, m));
                let found = words.iter().all(|w| {
                    measure.contains(w.as_str())
                        || visible.iter().any(|&s| {
                            let (positions, note) = text(mi, s);
                            note.contains(w.as_str())
                                || positions.iter().any(|p| p.contains(w.as_str()))
                        })
                });
                if !found {
                    continue;
                }
                if !heading {
                    rows.push(Row::Pillar(pi));
                    heading = true;
                }
                rows.push(Row::Measure(mi));
            }
        }
        rows
    }

    fn filter_cases(session: &Session) -> Vec<Filters> {
        let note: String = session
            .assessments
            .values()
            .find(|a| a.note.len() > 40)
            .map(|a| a.note.chars().take(20).collect())
            .unwrap_or_default();
        let mut cases = vec![Filters::default()];
        for search in [
            "gouvernance",
            "GOUVERNANCE  pérennité",
            "mesure-0",
            "zzz",
            "réaction",
            "à vérifier",
            note.as_str(),
        ] {
            cases.push(Filters {
                search: search.to_owned(),
                ..Filters::default()
            });
            cases.push(Filters {
                search: search.to_owned(),
                hidden_stakeholders: [0, 2].into(),
                ..Filters::default()
            });
        }
        cases.push(Filters {
            only_frictions: true,
            ..Filters::default()
        });
        cases.push(Filters {
            only_frictions: true,
            hidden_stakeholders: [1].into(),
            ..Filters::default()
        });
        cases.push(Filters {
            only_gaps: true,
            hidden_stakeholders: [1].into(),
            ..Filters::default()
        });
        cases.push(Filters {
            stances: [None, Some(Stance::Silent)].into(),
            hidden_pillars: [1].into(),
            ..Filters::default()
        });
        cases
    }

    #[test]
    fn the_index_finds_the_rows_the_session_says_even_after_edits() {
        let mut session = generate(&Spec::new(250, 5));
        let mut history = History::default();
        let mut index = DossierIndex::new(&session);
        let check = |index: &DossierIndex, session: &Session| {
            assert_eq!(index.assessed_count(), session.assessed_count());
            for filters in filter_cases(session) {
                assert_eq!(
                    index.rows(session, &filters),
                    reference_rows(session, &filters),
                    "{filters:?}"
                );
            }
        };
        check(&index, &session);
        let d = &session.dossier;
        let cells: Vec<CellId> = [(0, 0), (3, 4), (120, 2), (249, 4), (249, 0)]
            .iter()
            .map(|&(m, s)| CellId {
                measure: d.measures[m].id.clone(),
                stakeholder: d.stakeholders[s].id.clone(),
            })
            .collect();
        for (i, cell) in cells.iter().enumerate() {
            let actions = [
                Action::SetStance {
                    cell: cell.clone(),
                    stance: [Some(Stance::Gap), None][i % 2],
                },
                Action::EditNote {
                    cell: cell.clone(),
                    note: format!("Écart zzz sur la mesure, note n° {i} — à revoir"),
                },
                Action::AddLabel {
                    cell: cell.clone(),
                    label: "Décisif".to_owned(),
                },
            ];
            for action in actions {
                history
                    .apply(&mut session, action, "2026-01-01T00:00:00Z")
                    .unwrap();
                index.refresh_note(&session, cell);
                check(&index, &session);
            }
        }
        while let Some(touched) = history.undo(&mut session) {
            if let Some(cell) = touched {
                index.refresh_note(&session, &cell);
            }
        }
        check(&index, &session);
    }

    #[test]
    fn deunicode_leaves_printable_ascii_as_it_is_and_drops_control_characters() {
        // `fold_into` relies on it to copy ASCII runs straight through.
        for b in 0..0x80u8 {
            let c = char::from(b);
            let expected = if (0x20..0x7F).contains(&b) {
                c.to_string()
            } else {
                String::new()
            };
            assert_eq!(deunicode::deunicode_char(c), Some(expected.as_str()));
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_is_deunicode_lowercased(text in "(\\PC|[éèœ’«» \n\t\u{1}\u{4e2d}\u{6587}\u{7f}\u{1f600}]){0,40}") {
            proptest::prop_assert_eq!(fold(&text), deunicode::deunicode(&text).to_lowercase());
        }
    }

    #[test]
    fn folding_ignores_accents_and_case() {
        assert_eq!(
            fold("Ségur de la SANTÉ, œuvres"),
            "segur de la sante, oeuvres"
        );
    }
}
