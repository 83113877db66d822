//! A session carried over to a new version of its dossier (`visavis dossier update`, and the
//! window's *Mettre à jour le dossier…*): the new dossier embedded, every assessment kept.
//!
//! Pure, like the rest of `model`: a session and a dossier in, a new session and its counts
//! out; the caller saves it. What happens to each cell (see [`update_session`]):
//!
//! - nothing it rests on changed (its measure, the positions it cites, the positions the
//!   dossier links to it for its stakeholder): kept exactly as it was;
//! - something changed: kept, with the « à revoir » flag ([`ReviewReason::Revisit`]) of origin
//!   [`ReviewOrigin::DossierUpdate`] listing the changes, and one line appended to its note
//!   saying them in French (the session's language, as the dossier's);
//! - its measure renamed (matched by similarity, see [`crate::model::diff_dossiers`]): moved to
//!   the new id, flagged as above;
//! - its measure or stakeholder no longer in the dossier: kept as it was, an orphan.

use crate::model::dossier::{Dossier, Position};
use crate::model::dossier_diff::{DossierDiff, MeasureDiff, MeasureField, MeasureStatus};
use crate::model::ids::{CellId, MeasureId, PositionId, StakeholderId};
use crate::model::review::{DossierChange, ReviewOrigin, ReviewReason};
use crate::model::session::{Assessment, Session};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A session carried over to a new dossier, with what happened to its cells.
#[derive(Clone, Debug)]
pub struct Update {
    /// The new session: the new dossier embedded, every assessment kept.
    pub session: Session,
    /// What changed from the old dossier to the new one.
    pub diff: DossierDiff,
    /// What happened to the cells.
    pub counts: UpdateCounts,
    /// The cells this update flagged « à revoir », under their new ids, in cell order.
    pub to_review: Vec<CellId>,
}

/// What an update did to the cells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UpdateCounts {
    /// Assessments carried over as they were, in the new grid (an orphan whose measure the new
    /// dossier brings back among them).
    pub unchanged: usize,
    /// Assessments flagged « à revoir » by this update (renamed measures' cells included).
    pub to_review: usize,
    /// Of those, assessments moved to the new id of a renamed measure.
    pub moved: usize,
    /// Assessments whose measure or stakeholder the new dossier lacks, kept as orphans.
    pub orphaned: usize,
    /// Cells of the new grid that did not exist in the old one (added measures or
    /// stakeholders), unassessed.
    pub new_cells: usize,
}

/// The positions each (measure, stakeholder) cell of a dossier is linked to by the dossier.
fn links(d: &Dossier) -> HashMap<(&MeasureId, &StakeholderId), BTreeSet<&PositionId>> {
    let mut map: HashMap<_, BTreeSet<_>> = HashMap::new();
    for p in &d.positions {
        for m in &p.measures {
            map.entry((m, &p.stakeholder)).or_default().insert(&p.id);
        }
    }
    map
}

/// Carry `session` over to `new`: see the module's documentation. `now` (RFC 3339) stamps the
/// session's `modified` and dates the line added to the notes (its first ten characters, the
/// day). A flagged cell keeps its author and time: the judgement is still theirs, and the flag
/// says the update raised it. A cell already flagged « à revoir » by an earlier update gets the
/// new changes added to its list; one flagged by the analyst keeps the analyst's flag (the
/// note's new line says what changed).
#[must_use]
pub fn update_session(session: &Session, new: &Dossier, now: &str) -> Update {
    let old = &session.dossier;
    let diff = crate::model::diff_dossiers(old, new);
    let carried = diff.carried_measures();
    let new_stakeholders: HashSet<&StakeholderId> =
        new.stakeholders.iter().map(|s| &s.id).collect();
    let old_stakeholders: HashSet<&StakeholderId> =
        old.stakeholders.iter().map(|s| &s.id).collect();
    let (old_links, new_links) = (links(old), links(new));
    let old_positions: HashMap<&PositionId, &Position> =
        old.positions.iter().map(|p| (&p.id, p)).collect();
    let new_positions: HashMap<&PositionId, &Position> =
        new.positions.iter().map(|p| (&p.id, p)).collect();
    let day = now.get(..10).unwrap_or(now);

    let mut counts = UpdateCounts::default();
    let mut assessments: BTreeMap<CellId, Assessment> = BTreeMap::new();
    // Old cell → new cell, for the conflicts.
    let mut moved: HashMap<CellId, CellId> = HashMap::new();
    let mut to_review = Vec::new();
    for (cell, a) in &session.assessments {
        let target = carried
            .get(&cell.measure)
            .filter(|_| new_stakeholders.contains(&cell.stakeholder));
        let Some(md) = target else {
            assessments.insert(cell.clone(), a.clone());
            continue;
        };
        let new_id = md.new.clone().unwrap_or_else(|| cell.measure.clone());
        let new_cell = CellId::new(new_id, cell.stakeholder.clone());
        // An orphan already at the renamed measure's new id: neither is moved over the other.
        if new_cell != *cell && session.assessments.contains_key(&new_cell) {
            assessments.insert(cell.clone(), a.clone());
            continue;
        }
        let mut changes = measure_changes(md);
        for p in &a.evidence {
            let Some(before) = old_positions.get(p) else {
                continue;
            };
            match new_positions.get(p) {
                None => changes.push(DossierChange::PositionRemoved(p.clone())),
                Some(after) if after.citation != before.citation => {
                    changes.push(DossierChange::PositionReworded(p.clone()));
                }
                Some(_) => {}
            }
        }
        let linked_before = old_links.get(&(&cell.measure, &cell.stakeholder));
        if let Some(now_linked) = new_links.get(&(&new_cell.measure, &cell.stakeholder)) {
            for p in now_linked {
                if !linked_before.is_some_and(|b| b.contains(p)) && !a.evidence.contains(p) {
                    changes.push(DossierChange::PositionAdded((*p).clone()));
                }
            }
        }
        if changes.is_empty() {
            assessments.insert(new_cell, a.clone());
            continue;
        }
        let mut a = a.clone();
        let line = note_line(day, md, &changes);
        if a.note.is_empty() {
            a.note = line;
        } else {
            a.note.push('\n');
            a.note.push_str(&line);
        }
        match a.review.get_mut(&ReviewReason::Revisit) {
            Some(ReviewOrigin::DossierUpdate { changes: earlier }) => {
                for c in changes {
                    if !earlier.contains(&c) {
                        earlier.push(c);
                    }
                }
            }
            Some(ReviewOrigin::Analyst { .. }) => {}
            None => {
                a.review.insert(
                    ReviewReason::Revisit,
                    ReviewOrigin::DossierUpdate { changes },
                );
            }
        }
        counts.to_review += 1;
        to_review.push(new_cell.clone());
        if new_cell != *cell {
            counts.moved += 1;
            moved.insert(cell.clone(), new_cell.clone());
        }
        assessments.insert(new_cell, a);
    }

    let mut syntheses = session.syntheses.clone();
    for m in &diff.measures {
        if let (MeasureStatus::Renamed { .. }, Some(from), Some(to)) = (&m.status, &m.old, &m.new)
            && let Some(text) = session.syntheses.measure(from)
            && syntheses.measure(to).is_none()
        {
            syntheses.set_measure(to.clone(), text.to_owned());
            syntheses.set_measure(from.clone(), String::new());
        }
    }
    let cell_conflicts = session
        .cell_conflicts
        .iter()
        .map(|(cell, c)| (moved.get(cell).unwrap_or(cell).clone(), c.clone()))
        .collect();

    let updated = Session {
        analyst: session.analyst.clone(),
        created: session.created.clone(),
        modified: now.to_owned(),
        dossier: new.clone(),
        assessments,
        syntheses,
        cell_conflicts,
        dossier_conflicts: session.dossier_conflicts.clone(),
        candidates: session.candidates.clone(),
    };
    counts.orphaned = updated.orphans().count();
    // An orphan whose measure the new dossier brings back is in the grid again, as it was.
    counts.unchanged = updated
        .assessments
        .len()
        .saturating_sub(counts.to_review + counts.orphaned);
    let kept_cells = new
        .measures
        .iter()
        .filter(|m| {
            diff.measures
                .iter()
                .any(|d| d.new.as_ref() == Some(&m.id) && d.old.is_some())
        })
        .count()
        * new
            .stakeholders
            .iter()
            .filter(|s| old_stakeholders.contains(&s.id))
            .count();
    counts.new_cells = new.cell_count() - kept_cells;
    Update {
        session: updated,
        diff,
        counts,
        to_review,
    }
}

/// What changed in the cell's measure, as flag entries.
fn measure_changes(md: &MeasureDiff) -> Vec<DossierChange> {
    let mut changes = Vec::new();
    if let (MeasureStatus::Renamed { .. }, Some(old)) = (&md.status, &md.old) {
        changes.push(DossierChange::MeasureRenamed(old.clone()));
    }
    if [
        MeasureField::Title,
        MeasureField::Summary,
        MeasureField::Citations,
    ]
    .into_iter()
    .any(|f| md.changed(f))
    {
        changes.push(DossierChange::MeasureReworded);
    }
    if md.changed(MeasureField::Figures) {
        changes.push(DossierChange::MeasureFigures);
    }
    if pillar_moved(md) {
        changes.push(DossierChange::MeasureMoved);
    }
    changes
}

/// Whether the measure changed pillar (whether its pillar is inferred is no change to a cell).
fn pillar_moved(md: &MeasureDiff) -> bool {
    md.changed(MeasureField::Pillar)
}

/// The line added to a flagged cell's note, in French, on one line: « Mise à jour du dossier
/// (2026-12-01) : intitulé et chiffres modifiés ; position « x » retirée du dossier. »
#[must_use]
pub fn note_line(day: &str, md: &MeasureDiff, changes: &[DossierChange]) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(DossierChange::MeasureRenamed(old)) = changes.first() {
        parts.push(format!(
            "identifiant de la mesure changé (ancien : « {old} »)"
        ));
    }
    let mut fields: Vec<&str> = Vec::new();
    for (field, name) in [
        (MeasureField::Title, "intitulé"),
        (MeasureField::Summary, "résumé"),
        (MeasureField::Figures, "chiffres"),
        (MeasureField::Citations, "citations"),
    ] {
        if md.changed(field) {
            fields.push(name);
        }
    }
    if pillar_moved(md) {
        fields.push("pilier");
    }
    if !fields.is_empty() {
        let agreed = match fields.as_slice() {
            ["citations"] => "modifiées",
            ["chiffres"] => "modifiés",
            [_] => "modifié",
            _ => "modifiés",
        };
        parts.push(format!("{} {agreed}", french_list(&fields)));
    }
    for c in changes {
        match c {
            DossierChange::PositionReworded(p) => {
                parts.push(format!("citation de la position « {p} » reformulée"));
            }
            DossierChange::PositionRemoved(p) => {
                parts.push(format!("position « {p} » retirée du dossier"));
            }
            DossierChange::PositionAdded(p) => {
                parts.push(format!("position « {p} » désormais liée à la mesure"));
            }
            _ => {}
        }
    }
    format!("Mise à jour du dossier ({day}) : {}.", parts.join(" ; "))
}

/// `a`, `a et b`, `a, b et c`.
fn french_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;
    use crate::model::{Figure, Stance};

    fn assessed(s: &mut Session, measure: &str, who: &str, note: &str) -> CellId {
        let cell = CellId::new(measure, who);
        let a = s.assessments.entry(cell.clone()).or_default();
        a.stance = Some(Stance::Partial);
        a.note = note.to_owned();
        a.author = "Camille".into();
        a.modified = "2026-01-02T00:00:00Z".into();
        cell
    }

    #[test]
    fn unchanged_cells_stay_changed_ones_are_flagged_and_renamed_ones_move() {
        let mut s = fixture::session();
        let c1 = assessed(&mut s, "m1", "a", "Lecture de l'analyste : oui.");
        s.assessments
            .get_mut(&c1)
            .expect("cell")
            .evidence
            .insert("a1".into());
        let c2 = assessed(&mut s, "m2", "a", "");
        let kept = assessed(&mut s, "m1", "b", "rien");
        s.syntheses.set_measure("m2".into(), "Synthèse".into());
        let mut new = s.dossier.clone();
        new.measures[0].figures.push(Figure::Date {
            label: "entrée en vigueur".into(),
            date: "2021".into(),
        });
        new.measures[0].title = "Mesure m1 revue".into();
        new.measures[1].id = "m2-nouvelle".into();
        new.positions[0].citation.excerpt = "citation corrigée".into();
        let up = update_session(&s, &new, "2026-12-01T10:00:00Z");

        let a1 = &up.session.assessments[&c1];
        assert_eq!(
            a1.review[&ReviewReason::Revisit],
            ReviewOrigin::DossierUpdate {
                changes: vec![
                    DossierChange::MeasureReworded,
                    DossierChange::MeasureFigures,
                    DossierChange::PositionReworded("a1".into()),
                ]
            }
        );
        assert_eq!(
            a1.note,
            "Lecture de l'analyste : oui.\nMise à jour du dossier (2026-12-01) : intitulé et \
             chiffres modifiés ; citation de la position « a1 » reformulée."
        );
        assert_eq!(a1.modified, "2026-01-02T00:00:00Z");
        // m1 × b cites nothing, but its measure changed.
        assert!(up.session.assessments[&kept].is_flagged(ReviewReason::Revisit));
        let moved = CellId::new("m2-nouvelle", "a");
        assert!(!up.session.assessments.contains_key(&c2));
        assert_eq!(
            up.session.assessments[&moved].review[&ReviewReason::Revisit],
            ReviewOrigin::DossierUpdate {
                changes: vec![DossierChange::MeasureRenamed("m2".into())]
            }
        );
        assert_eq!(
            up.session.syntheses.measure(&"m2-nouvelle".into()),
            Some("Synthèse")
        );
        assert_eq!(up.session.syntheses.measure(&"m2".into()), None);
        assert_eq!(
            up.counts,
            UpdateCounts {
                unchanged: 0,
                to_review: 3,
                moved: 1,
                orphaned: 0,
                new_cells: 0,
            }
        );
        assert_eq!(up.to_review, [c1, kept, moved]);
        assert_eq!(up.session.dossier, new);
        assert_eq!(up.session.modified, "2026-12-01T10:00:00Z");
    }

    #[test]
    fn removed_measures_leave_orphans_and_new_links_are_flagged() {
        let mut s = fixture::session();
        let gone = assessed(&mut s, "m2", "b", "gardée");
        let linked = assessed(&mut s, "m1", "a", "");
        let same = assessed(&mut s, "m1", "b", "inchangée");
        s.assessments
            .get_mut(&same)
            .expect("cell")
            .evidence
            .insert("b1".into());
        let back = assessed(&mut s, "m9", "a", "orpheline qui revient");
        let mut new = s.dossier.clone();
        new.measures.remove(1);
        let mut m9 = new.measures[0].clone();
        m9.id = "m9".into();
        m9.title = "Tout autre chose".into();
        new.measures.push(m9);
        let mut extra = new.positions[0].clone();
        extra.id = "a2".into();
        new.positions.push(extra);
        new.stakeholders.push(new.stakeholders[0].clone());
        new.stakeholders[2].id = "c".into();
        let up = update_session(&s, &new, "2026-12-01T10:00:00Z");
        assert_eq!(
            up.session.assessments[&gone], s.assessments[&gone],
            "an orphan, as it was"
        );
        assert_eq!(up.session.assessments[&same], s.assessments[&same]);
        assert_eq!(
            up.session.assessments[&back], s.assessments[&back],
            "back in the grid"
        );
        assert_eq!(
            up.session.assessments[&linked].review[&ReviewReason::Revisit],
            ReviewOrigin::DossierUpdate {
                changes: vec![DossierChange::PositionAdded("a2".into())]
            }
        );
        assert_eq!(
            up.counts,
            UpdateCounts {
                unchanged: 2,
                to_review: 1,
                moved: 0,
                orphaned: 1,
                new_cells: 4,
            }
        );
    }
}
