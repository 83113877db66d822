//! Every edit a user can make to a session, as a value, and the one function that performs it.
//! The window, the tests and the undo history all go through [`apply`].

use crate::model::candidate::Candidate;
use crate::model::conflict::{CellConflict, DossierConflict, DossierItem, ItemId};
use crate::model::dismissed::SuggestionKey;
use crate::model::dossier::{Citation, Position};
use crate::model::dossier_edit::{self, ItemChange};
use crate::model::ids::{CellId, MeasureId, PillarId, PositionId, SourceId, StakeholderId};
use crate::model::review::{ReviewOrigin, ReviewReason};
use crate::model::session::{Assessment, Session, Stance};
use crate::model::synthesis::SynthesisOf;
use smol_str::SmolStr;
use thiserror::Error;

/// One edit of a session.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Tag a cell; `None` clears the stance (the note and evidence stay).
    SetStance {
        /// The cell tagged.
        cell: CellId,
        /// The new stance, or `None` for unassessed.
        stance: Option<Stance>,
    },
    /// Replace a cell's note. Consecutive edits of the same note form one undo step.
    EditNote {
        /// The cell.
        cell: CellId,
        /// The whole new text.
        note: String,
    },
    /// Attach one of the stakeholder's positions to the cell as evidence.
    LinkEvidence {
        /// The cell.
        cell: CellId,
        /// A position of the cell's stakeholder.
        position: PositionId,
    },
    /// Detach a position from the cell's evidence.
    UnlinkEvidence {
        /// The cell.
        cell: CellId,
        /// The position to detach.
        position: PositionId,
    },
    /// Add a free label to the cell.
    AddLabel {
        /// The cell.
        cell: CellId,
        /// The label (surrounding spaces are trimmed).
        label: String,
    },
    /// Remove a free label from the cell.
    RemoveLabel {
        /// The cell.
        cell: CellId,
        /// The label.
        label: String,
    },
    /// Flag the cell "à vérifier" as the analyst, with their reason if they give one (a blank
    /// one is none); replaces an earlier "à vérifier" flag of the cell.
    FlagForCheck {
        /// The cell.
        cell: CellId,
        /// Why, in the analyst's words.
        why: Option<String>,
    },
    /// Clear the cell's flag for `reason`, whoever raised it.
    ClearFlag {
        /// The cell.
        cell: CellId,
        /// The flag's reason.
        reason: ReviewReason,
    },
    /// Dismiss a suggested position or passage on the cell: it is not offered there again.
    DismissSuggestion {
        /// The cell.
        cell: CellId,
        /// What was suggested.
        key: SuggestionKey,
    },
    /// Settle a cell the analysts differ on: put `version` in the cell as it is (one analyst's
    /// version, their name and time with it, or the analyst's own resolution) and close the
    /// cell's merge conflict if it has one. `None` or a blank version leaves the cell blank.
    SettleCell {
        /// The cell.
        cell: CellId,
        /// The version kept (boxed: an action is usually much smaller).
        version: Option<Box<Assessment>>,
    },
    /// Settle an item of the dossier a merge left in conflict: put `version` in the dossier (or
    /// remove the item, for `None`, as [`Action::RemoveItem`] would) and close the conflict.
    SettleItem {
        /// The item.
        item: ItemId,
        /// The side kept.
        version: Option<Box<DossierItem>>,
    },
    /// Set who is doing the analysis.
    SetAnalyst {
        /// The analyst's name.
        name: String,
    },
    /// Add a position to the dossier: a quote picked in a source document.
    AddPosition {
        /// The position, with an id the dossier does not use yet.
        position: Position,
    },
    /// Add a citation to a measure: a quote picked in a source document.
    AddCitation {
        /// The measure.
        measure: MeasureId,
        /// The citation.
        citation: Citation,
    },
    /// Add an item to the dossier (a new id) or put it in place of the item with its id (an
    /// edit in the editor). Consecutive edits of one item form one undo step.
    PutItem {
        /// The item, whole.
        item: DossierItem,
        /// Where in its list; `None`: where the item was, or at the end for a new one.
        at: Option<usize>,
    },
    /// Move an item of the dossier to another place in its list.
    MoveItem {
        /// The item.
        item: ItemId,
        /// Its new index.
        to: usize,
    },
    /// Remove an item of the dossier; assessments that name it stay, as orphans.
    RemoveItem {
        /// The item.
        item: ItemId,
    },
    /// Replace a synthesis (empty removes it). Consecutive edits of one synthesis form one undo
    /// step.
    EditSynthesis {
        /// Which synthesis.
        of: SynthesisOf,
        /// The whole new text.
        text: String,
    },
    /// Add positions proposed by an import to the session's candidates, for the analyst to
    /// accept or discard; each must name a stakeholder and a source of the dossier.
    AddCandidates {
        /// The candidates, in order.
        candidates: Vec<Candidate>,
    },
    /// Turn a candidate into a position of the dossier: `position` is added (as
    /// [`Action::AddPosition`] would) and the candidate leaves the list, in one step.
    AcceptCandidate {
        /// The candidate, as it is in the list.
        candidate: Box<Candidate>,
        /// The position made of it.
        position: Position,
    },
    /// Take a candidate off the list without making a position of it.
    DiscardCandidate {
        /// The candidate, as it is in the list.
        candidate: Box<Candidate>,
    },
}

impl Action {
    /// Whether the action edits the dossier (the grid's index of it must be rebuilt).
    #[must_use]
    pub fn edits_dossier(&self) -> bool {
        matches!(
            self,
            Action::AddPosition { .. }
                | Action::AddCitation { .. }
                | Action::PutItem { .. }
                | Action::MoveItem { .. }
                | Action::RemoveItem { .. }
                | Action::SettleItem { .. }
                | Action::AcceptCandidate { .. }
        )
    }

    /// The cell the action edits, if it edits one.
    #[must_use]
    pub fn cell(&self) -> Option<&CellId> {
        match self {
            Action::SetStance { cell, .. }
            | Action::EditNote { cell, .. }
            | Action::LinkEvidence { cell, .. }
            | Action::UnlinkEvidence { cell, .. }
            | Action::AddLabel { cell, .. }
            | Action::RemoveLabel { cell, .. }
            | Action::FlagForCheck { cell, .. }
            | Action::ClearFlag { cell, .. }
            | Action::DismissSuggestion { cell, .. }
            | Action::SettleCell { cell, .. } => Some(cell),
            Action::SetAnalyst { .. }
            | Action::AddPosition { .. }
            | Action::AddCitation { .. }
            | Action::PutItem { .. }
            | Action::MoveItem { .. }
            | Action::RemoveItem { .. }
            | Action::SettleItem { .. }
            | Action::EditSynthesis { .. }
            | Action::AddCandidates { .. }
            | Action::AcceptCandidate { .. }
            | Action::DiscardCandidate { .. } => None,
        }
    }
}

/// Why an action was refused. A refused action leaves the session untouched.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// The cell's measure or stakeholder is not in the dossier.
    #[error("cell {0} is not in the dossier")]
    UnknownCell(CellId),
    /// The position does not exist, or belongs to another stakeholder.
    #[error("position \"{position}\" is not a position of stakeholder \"{}\"", cell.stakeholder)]
    ForeignPosition {
        /// The cell.
        cell: CellId,
        /// The position.
        position: PositionId,
    },
    /// A label must contain something other than spaces.
    #[error("a label cannot be empty")]
    EmptyLabel,
    /// A new item needs an id.
    #[error("the id is blank")]
    BlankId,
    /// A new item's id is already an item's of its kind.
    #[error("{0} already exists")]
    DuplicateItem(ItemId),
    /// The item named is not in the dossier.
    #[error("{0} is not in the dossier")]
    UnknownItem(ItemId),
    /// The item cannot go: the dossier still names it.
    #[error("{0} cannot be removed: {1}")]
    StillUsed(ItemId, Usage),
    /// The pillar named is not in the dossier.
    #[error("pillar \"{0}\" is not in the dossier")]
    UnknownPillar(PillarId),
    /// A measure needs a citation.
    #[error("a measure needs at least one citation")]
    NoCitation,
    /// A figure's value is not a finite number.
    #[error("the figure \"{0}\" has a value that is not a number")]
    NotANumber(String),
    /// The stakeholder named is not in the dossier.
    #[error("stakeholder \"{0}\" is not in the dossier")]
    UnknownStakeholder(StakeholderId),
    /// The measure named is not in the dossier.
    #[error("measure \"{0}\" is not in the dossier")]
    UnknownMeasure(MeasureId),
    /// The source cited is not in the dossier.
    #[error("source \"{0}\" is not in the dossier")]
    UnknownSource(SourceId),
    /// A new item needs a title.
    #[error("the title is blank")]
    BlankTitle,
    /// A citation must quote something.
    #[error("the excerpt is empty")]
    EmptyExcerpt,
    /// The candidate is not in the session's list (accepted or discarded already).
    #[error("the proposed position is no longer in the list")]
    UnknownCandidate,
}

/// What in the dossier still names an item that is asked to go.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// A pillar's measures.
    #[error("{0} measure(s) belong to it")]
    Measures(usize),
    /// A stakeholder's positions.
    #[error("{0} position(s) are its")]
    Positions(usize),
    /// The citations quoting a source.
    #[error("{0} citation(s) quote it")]
    Citations(usize),
}

/// What an applied action changed: enough to undo and redo it exactly.
// Cell changes are the common case; boxing them would only add an allocation per edit.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A cell's assessment went from `before` to `after` (`None`: no entry).
    Cell {
        /// The cell.
        cell: CellId,
        /// Its assessment before.
        before: Option<Assessment>,
        /// Its assessment after.
        after: Option<Assessment>,
    },
    /// A cell was settled: its assessment went from `before` to `after`, and its merge
    /// conflict, if it had one, was closed.
    Settled {
        /// The cell.
        cell: CellId,
        /// Its assessment before.
        before: Option<Assessment>,
        /// Its assessment after.
        after: Option<Assessment>,
        /// The conflict closed.
        conflict: Option<CellConflict>,
    },
    /// A dossier conflict was settled: the items changed as in `items`, and the conflict, which
    /// stood at `at` in the session's list, was closed.
    SettledItem {
        /// The dossier's edits.
        items: Vec<ItemChange>,
        /// The conflict closed.
        conflict: DossierConflict,
        /// Its place in [`Session::dossier_conflicts`].
        at: usize,
    },
    /// The analyst's name changed.
    Analyst {
        /// Before.
        before: SmolStr,
        /// After.
        after: SmolStr,
    },
    /// Items of the dossier added, edited, moved or removed, in the order they were changed.
    Items(Vec<ItemChange>),
    /// A synthesis went from `before` to `after` (`None`: not written).
    Synthesis {
        /// Which.
        of: SynthesisOf,
        /// Before.
        before: Option<String>,
        /// After.
        after: Option<String>,
    },
    /// Candidates were appended to the session's list (an import) or one was taken off it (and
    /// the dossier edited as in `items`, for one accepted).
    Candidates {
        /// The candidates appended at the end of the list.
        added: Vec<Candidate>,
        /// The candidate taken off, with its place in the list.
        taken: Option<(usize, Candidate)>,
        /// The dossier's edits.
        items: Vec<ItemChange>,
    },
}

impl Change {
    /// Put the session back as it was before the change.
    pub fn revert(&self, session: &mut Session) {
        match self {
            Change::Cell { cell, before, .. } => put(session, cell, before.clone()),
            Change::Settled {
                cell,
                before,
                conflict,
                ..
            } => {
                put(session, cell, before.clone());
                if let Some(conflict) = conflict {
                    session
                        .cell_conflicts
                        .insert(cell.clone(), conflict.clone());
                }
            }
            Change::SettledItem {
                items,
                conflict,
                at,
            } => {
                dossier_edit::replay(session, items, false);
                let at = (*at).min(session.dossier_conflicts.len());
                session.dossier_conflicts.insert(at, conflict.clone());
            }
            Change::Analyst { before, .. } => session.analyst.clone_from(before),
            Change::Items(changes) => dossier_edit::replay(session, changes, false),
            Change::Synthesis { of, before, .. } => session
                .syntheses
                .set(of.clone(), before.clone().unwrap_or_default()),
            Change::Candidates {
                added,
                taken,
                items,
            } => {
                dossier_edit::replay(session, items, false);
                let list = &mut session.candidates;
                list.truncate(list.len().saturating_sub(added.len()));
                if let Some((at, c)) = taken {
                    list.insert((*at).min(list.len()), c.clone());
                }
            }
        }
    }

    /// Put the session as it was after the change.
    pub fn replay(&self, session: &mut Session) {
        match self {
            Change::Cell { cell, after, .. } => put(session, cell, after.clone()),
            Change::Settled { cell, after, .. } => {
                put(session, cell, after.clone());
                session.cell_conflicts.remove(cell);
            }
            Change::SettledItem { items, at, .. } => {
                dossier_edit::replay(session, items, true);
                if *at < session.dossier_conflicts.len() {
                    session.dossier_conflicts.remove(*at);
                }
            }
            Change::Analyst { after, .. } => session.analyst.clone_from(after),
            Change::Items(changes) => dossier_edit::replay(session, changes, true),
            Change::Synthesis { of, after, .. } => session
                .syntheses
                .set(of.clone(), after.clone().unwrap_or_default()),
            Change::Candidates {
                added,
                taken,
                items,
            } => {
                dossier_edit::replay(session, items, true);
                let list = &mut session.candidates;
                if let Some((at, _)) = taken
                    && *at < list.len()
                {
                    list.remove(*at);
                }
                list.extend(added.iter().cloned());
            }
        }
    }

    /// Whether the change edits the dossier (the grid's index of it must be rebuilt).
    #[must_use]
    pub fn is_dossier_edit(&self) -> bool {
        match self {
            Change::Items(_) | Change::SettledItem { .. } => true,
            Change::Candidates { items, .. } => !items.is_empty(),
            Change::Cell { .. }
            | Change::Settled { .. }
            | Change::Analyst { .. }
            | Change::Synthesis { .. } => false,
        }
    }
}

fn put(session: &mut Session, cell: &CellId, value: Option<Assessment>) {
    match value {
        Some(a) => session.assessments.insert(cell.clone(), a),
        None => session.assessments.remove(cell),
    };
}

/// Perform `action` on `session` at time `now` (RFC 3339), stamping the cell with the analyst
/// and the time. Returns the change made, or `Ok(None)` when the action changes nothing.
///
/// # Panics
/// Never: every action but `SetAnalyst` names a cell.
///
/// # Errors
/// When the action names a cell outside the dossier, a position of another stakeholder, or an
/// empty label; the session is then untouched.
pub fn apply(
    session: &mut Session,
    action: Action,
    now: &str,
) -> Result<Option<Change>, ActionError> {
    let cell = match action {
        Action::SetAnalyst { name } => {
            let name = SmolStr::new(name.trim());
            if name == session.analyst {
                return Ok(None);
            }
            let before = std::mem::replace(&mut session.analyst, name.clone());
            return Ok(Some(Change::Analyst {
                before,
                after: name,
            }));
        }
        Action::AddPosition { position } => {
            return Ok(dossier_edit::add_position(session, position)?.map(Change::Items));
        }
        Action::AddCitation { measure, citation } => {
            return Ok(dossier_edit::add_citation(session, &measure, citation)?.map(Change::Items));
        }
        Action::PutItem { item, at } => {
            return Ok(dossier_edit::put(session, item, at)?.map(Change::Items));
        }
        Action::MoveItem { item, to } => {
            return Ok(dossier_edit::move_to(session, &item, to)?.map(Change::Items));
        }
        Action::RemoveItem { item } => {
            return Ok(dossier_edit::remove(session, &item)?.map(Change::Items));
        }
        Action::EditSynthesis { of, text } => {
            let before = session.syntheses.get(&of).map(str::to_owned);
            session.syntheses.set(of.clone(), text);
            let after = session.syntheses.get(&of).map(str::to_owned);
            return Ok((before != after).then_some(Change::Synthesis { of, before, after }));
        }
        Action::SettleCell { cell, version } => return settle(session, cell, version),
        Action::AddCandidates { candidates } => return add_candidates(session, candidates),
        Action::AcceptCandidate {
            candidate,
            position,
        } => return take_candidate(session, &candidate, Some(position)),
        Action::DiscardCandidate { candidate } => {
            return take_candidate(session, &candidate, None);
        }
        Action::SettleItem { item, version } => return settle_item(session, &item, version),
        ref a => a.cell().expect("every other action edits a cell").clone(),
    };
    if session.dossier.measure(&cell.measure).is_none()
        || session.dossier.stakeholder(&cell.stakeholder).is_none()
    {
        return Err(ActionError::UnknownCell(cell));
    }
    let before = session.assessments.get(&cell).cloned();
    let mut a = before.clone().unwrap_or_default();
    match action {
        Action::SetStance { stance, .. } => a.stance = stance,
        Action::EditNote { note, .. } => a.note = note,
        Action::LinkEvidence { position, .. } => {
            let owned = session
                .dossier
                .position(&position)
                .is_some_and(|p| p.stakeholder == cell.stakeholder);
            if !owned {
                return Err(ActionError::ForeignPosition { cell, position });
            }
            a.evidence.insert(position);
        }
        Action::UnlinkEvidence { position, .. } => {
            a.evidence.remove(&position);
        }
        Action::AddLabel { label, .. } => {
            let label = label.trim();
            if label.is_empty() {
                return Err(ActionError::EmptyLabel);
            }
            a.labels.insert(label.to_owned());
        }
        Action::RemoveLabel { label, .. } => {
            a.labels.remove(label.trim());
        }
        Action::FlagForCheck { why, .. } => {
            let why = why.map(|w| w.trim().to_owned()).filter(|w| !w.is_empty());
            a.review
                .insert(ReviewReason::Check, ReviewOrigin::Analyst { why });
        }
        Action::ClearFlag { reason, .. } => {
            a.review.remove(&reason);
        }
        Action::DismissSuggestion { key, .. } => {
            a.dismissed.insert(key);
        }
        Action::SetAnalyst { .. }
        | Action::AddPosition { .. }
        | Action::AddCitation { .. }
        | Action::PutItem { .. }
        | Action::MoveItem { .. }
        | Action::RemoveItem { .. }
        | Action::EditSynthesis { .. }
        | Action::SettleCell { .. }
        | Action::SettleItem { .. }
        | Action::AddCandidates { .. }
        | Action::AcceptCandidate { .. }
        | Action::DiscardCandidate { .. } => unreachable!("handled above"),
    }
    let unchanged = match &before {
        Some(b) => b.same_work(&a),
        None => a.is_blank(),
    };
    if unchanged {
        return Ok(None);
    }
    let after = if a.is_blank() {
        None
    } else {
        a.author = session.analyst.clone();
        a.modified = now.into();
        Some(a)
    };
    put(session, &cell, after.clone());
    Ok(Some(Change::Cell {
        cell,
        before,
        after,
    }))
}

/// [`Action::SettleCell`]: a cell outside the dossier can be settled only if a merge left a
/// conflict on it (its work is kept as an orphan's).
fn settle(
    session: &mut Session,
    cell: CellId,
    version: Option<Box<Assessment>>,
) -> Result<Option<Change>, ActionError> {
    let conflict = session.cell_conflicts.get(&cell).cloned();
    let known = session.dossier.measure(&cell.measure).is_some()
        && session.dossier.stakeholder(&cell.stakeholder).is_some();
    if conflict.is_none() && !known {
        return Err(ActionError::UnknownCell(cell));
    }
    let after = version.map(|v| *v).filter(|v| !v.is_blank());
    let before = session.assessments.get(&cell).cloned();
    if conflict.is_none() && before == after {
        return Ok(None);
    }
    let change = Change::Settled {
        cell,
        before,
        after,
        conflict,
    };
    change.replay(session);
    Ok(Some(change))
}

/// [`Action::SettleItem`]: the item put or removed as the editor would (refused the same way:
/// a removal the dossier still needs, a version that does not validate), then the conflict closed.
fn settle_item(
    session: &mut Session,
    item: &ItemId,
    version: Option<Box<DossierItem>>,
) -> Result<Option<Change>, ActionError> {
    let Some(at) = session
        .dossier_conflicts
        .iter()
        .position(|c| &c.item == item)
    else {
        return Err(ActionError::UnknownItem(item.clone()));
    };
    let items = match version {
        Some(v) => dossier_edit::put(session, *v, None)?,
        None if dossier_edit::find(&session.dossier, item).is_some() => {
            dossier_edit::remove(session, item)?
        }
        None => None,
    }
    .unwrap_or_default();
    let conflict = session.dossier_conflicts.remove(at);
    Ok(Some(Change::SettledItem {
        items,
        conflict,
        at,
    }))
}

/// [`Action::AddCandidates`]: each candidate must name a stakeholder and a source of the
/// dossier and quote something; one that does not refuses the whole action.
fn add_candidates(
    session: &mut Session,
    candidates: Vec<Candidate>,
) -> Result<Option<Change>, ActionError> {
    let d = &session.dossier;
    for c in &candidates {
        if d.stakeholder(&c.stakeholder).is_none() {
            return Err(ActionError::UnknownStakeholder(c.stakeholder.clone()));
        }
        if d.source(&c.citation.source).is_none() {
            return Err(ActionError::UnknownSource(c.citation.source.clone()));
        }
        if c.citation.excerpt.trim().is_empty() {
            return Err(ActionError::EmptyExcerpt);
        }
    }
    if candidates.is_empty() {
        return Ok(None);
    }
    session.candidates.extend(candidates.iter().cloned());
    Ok(Some(Change::Candidates {
        added: candidates,
        taken: None,
        items: Vec::new(),
    }))
}

/// [`Action::AcceptCandidate`] (with the position made of it) and
/// [`Action::DiscardCandidate`]: the candidate leaves the list; a position that the dossier
/// refuses leaves everything as it was.
fn take_candidate(
    session: &mut Session,
    candidate: &Candidate,
    position: Option<Position>,
) -> Result<Option<Change>, ActionError> {
    let Some(at) = session.candidates.iter().position(|c| c == candidate) else {
        return Err(ActionError::UnknownCandidate);
    };
    let items = match position {
        Some(p) => dossier_edit::add_position(session, p)?.unwrap_or_default(),
        None => Vec::new(),
    };
    let taken = session.candidates.remove(at);
    Ok(Some(Change::Candidates {
        added: Vec::new(),
        taken: Some((at, taken)),
        items,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;

    const T: &str = "2026-01-02T10:00:00Z";

    fn cell() -> CellId {
        CellId::new("m1", "a")
    }

    /// Apply, check the effect, then revert and replay the change and check both ends.
    fn round_trip(action: Action, check: impl Fn(&Session)) {
        let mut s = fixture::session();
        let before = s.clone();
        let change = apply(&mut s, action, T)
            .expect("applies")
            .expect("changes something");
        check(&s);
        let after = s.clone();
        change.revert(&mut s);
        assert_eq!(s, before, "undo restores the session");
        change.replay(&mut s);
        assert_eq!(s, after, "redo restores the edit");
    }

    #[test]
    fn set_stance_tags_the_cell_with_author_and_time() {
        round_trip(
            Action::SetStance {
                cell: cell(),
                stance: Some(Stance::Gap),
            },
            |s| {
                let a = &s.assessments[&cell()];
                assert_eq!(a.stance, Some(Stance::Gap));
                assert_eq!(a.author, "Camille");
                assert_eq!(a.modified, T);
            },
        );
    }

    #[test]
    fn every_cell_an_analyst_edits_shares_one_copy_of_their_name() {
        let mut s = fixture::session();
        s.analyst = "Camille Lefèvre, Fédération des établissements".into();
        for stance in [Stance::Gap, Stance::Partial] {
            apply(
                &mut s,
                Action::SetStance {
                    cell: cell(),
                    stance: Some(stance),
                },
                T,
            )
            .expect("applies");
            let a = &s.assessments[&cell()];
            assert_eq!(a.author.as_str().as_ptr(), s.analyst.as_str().as_ptr());
        }
    }

    #[test]
    fn clearing_the_only_stance_removes_the_cell() {
        let mut s = fixture::session();
        apply(
            &mut s,
            Action::SetStance {
                cell: cell(),
                stance: Some(Stance::Gap),
            },
            T,
        )
        .unwrap();
        apply(
            &mut s,
            Action::SetStance {
                cell: cell(),
                stance: None,
            },
            T,
        )
        .unwrap();
        assert!(s.assessments.is_empty());
    }

    #[test]
    fn edit_note_replaces_the_note() {
        round_trip(
            Action::EditNote {
                cell: cell(),
                note: "Pourquoi".into(),
            },
            |s| {
                assert_eq!(s.assessments[&cell()].note, "Pourquoi");
                assert_eq!(s.stance(&cell()), None, "a note does not tag the cell");
            },
        );
    }

    #[test]
    fn link_and_unlink_evidence() {
        round_trip(
            Action::LinkEvidence {
                cell: cell(),
                position: "a1".into(),
            },
            |s| {
                assert!(s.assessments[&cell()].evidence.contains(&"a1".into()));
            },
        );
        let mut s = fixture::session();
        apply(
            &mut s,
            Action::LinkEvidence {
                cell: cell(),
                position: "a1".into(),
            },
            T,
        )
        .unwrap();
        let change = apply(
            &mut s,
            Action::UnlinkEvidence {
                cell: cell(),
                position: "a1".into(),
            },
            T,
        )
        .unwrap()
        .unwrap();
        assert!(s.assessments.is_empty());
        change.revert(&mut s);
        assert!(s.assessments[&cell()].evidence.contains(&"a1".into()));
    }

    #[test]
    fn linking_another_stakeholders_position_is_refused() {
        let mut s = fixture::session();
        let err = apply(
            &mut s,
            Action::LinkEvidence {
                cell: cell(),
                position: "b1".into(),
            },
            T,
        );
        assert!(matches!(err, Err(ActionError::ForeignPosition { .. })));
        assert!(s.assessments.is_empty());
    }

    #[test]
    fn add_and_remove_labels_trimmed() {
        round_trip(
            Action::AddLabel {
                cell: cell(),
                label: "  à vérifier ".into(),
            },
            |s| {
                assert!(s.assessments[&cell()].labels.contains("à vérifier"));
            },
        );
        let mut s = fixture::session();
        apply(
            &mut s,
            Action::AddLabel {
                cell: cell(),
                label: "x".into(),
            },
            T,
        )
        .unwrap();
        let change = apply(
            &mut s,
            Action::RemoveLabel {
                cell: cell(),
                label: "x".into(),
            },
            T,
        )
        .unwrap();
        assert!(change.is_some());
        assert!(s.assessments.is_empty());
        assert_eq!(
            apply(
                &mut s,
                Action::AddLabel {
                    cell: cell(),
                    label: "  ".into()
                },
                T
            ),
            Err(ActionError::EmptyLabel)
        );
    }

    #[test]
    fn flag_for_check_with_a_why_and_clear_it() {
        round_trip(
            Action::FlagForCheck {
                cell: cell(),
                why: Some("  la citation vise les lits ".into()),
            },
            |s| {
                let a = &s.assessments[&cell()];
                assert_eq!(
                    a.review[&ReviewReason::Check],
                    ReviewOrigin::Analyst {
                        why: Some("la citation vise les lits".into())
                    }
                );
                assert!(a.labels.is_empty(), "a flag is not a label");
            },
        );
        let mut s = fixture::session();
        let flag = |why: &str| Action::FlagForCheck {
            cell: cell(),
            why: Some(why.into()),
        };
        apply(&mut s, flag(" "), T).unwrap();
        assert_eq!(
            s.assessments[&cell()].review[&ReviewReason::Check],
            ReviewOrigin::Analyst { why: None },
            "a blank reason is none"
        );
        assert_eq!(apply(&mut s, flag(""), T), Ok(None), "flagged already");
        let clear = Action::ClearFlag {
            cell: cell(),
            reason: ReviewReason::Check,
        };
        let change = apply(&mut s, clear.clone(), T).unwrap().unwrap();
        assert!(s.assessments.is_empty(), "a cell with only a flag goes");
        assert_eq!(apply(&mut s, clear, T), Ok(None));
        change.revert(&mut s);
        assert!(s.assessments[&cell()].is_flagged(ReviewReason::Check));
    }

    #[test]
    fn set_analyst_renames_and_undoes() {
        round_trip(
            Action::SetAnalyst {
                name: "Dominique".into(),
            },
            |s| assert_eq!(s.analyst, "Dominique"),
        );
    }

    #[test]
    fn unknown_cell_is_refused_and_no_op_changes_nothing() {
        let mut s = fixture::session();
        let err = apply(
            &mut s,
            Action::SetStance {
                cell: CellId::new("zz", "a"),
                stance: Some(Stance::Gap),
            },
            T,
        );
        assert!(matches!(err, Err(ActionError::UnknownCell(_))));
        assert_eq!(
            apply(
                &mut s,
                Action::SetStance {
                    cell: cell(),
                    stance: None
                },
                T
            ),
            Ok(None)
        );
        assert_eq!(
            apply(
                &mut s,
                Action::SetAnalyst {
                    name: "Camille".into()
                },
                T
            ),
            Ok(None)
        );
    }

    #[test]
    fn settling_a_conflict_keeps_the_side_picked_and_undo_reopens_it() {
        let mut s = fixture::session();
        let side = |stance, note: &str, author: &str| Assessment {
            stance: Some(stance),
            note: note.into(),
            author: author.into(),
            modified: "2026-01-01T09:00:00Z".into(),
            ..Assessment::default()
        };
        let ours = side(Stance::Gap, "Rien sur les effectifs.", "Camille");
        let theirs = side(Stance::Partial, "Une partie des postes.", "Inès");
        s.assessments.insert(cell(), ours.clone());
        s.cell_conflicts.insert(
            cell(),
            CellConflict {
                sides: vec![ours.clone(), theirs.clone()],
            },
        );
        let before = s.clone();
        let change = apply(
            &mut s,
            Action::SettleCell {
                cell: cell(),
                version: Some(Box::new(theirs.clone())),
            },
            T,
        )
        .expect("applies")
        .expect("changes the cell");
        assert_eq!(
            s.assessments[&cell()],
            theirs,
            "Inès's version, her name kept"
        );
        assert!(s.cell_conflicts.is_empty(), "the conflict is closed");
        change.revert(&mut s);
        assert_eq!(s, before, "undo reopens the conflict");
        // Keeping one's own version as it is still closes the conflict.
        let kept = apply(
            &mut s,
            Action::SettleCell {
                cell: cell(),
                version: Some(Box::new(ours.clone())),
            },
            T,
        )
        .expect("applies");
        assert!(kept.is_some() && s.cell_conflicts.is_empty());
        assert_eq!(s.assessments[&cell()], ours);
        // Without a conflict, the same version again changes nothing.
        let again = Action::SettleCell {
            cell: cell(),
            version: Some(Box::new(ours)),
        };
        assert_eq!(apply(&mut s, again, T), Ok(None));
        let outside = Action::SettleCell {
            cell: CellId::new("m9", "a"),
            version: None,
        };
        assert!(matches!(
            apply(&mut s, outside, T),
            Err(ActionError::UnknownCell(_))
        ));
    }

    #[test]
    fn settling_a_dossier_conflict_puts_the_side_kept_and_undo_reopens_it() {
        use crate::model::conflict::DossierSide;
        let mut s = fixture::session();
        let mine = s.dossier.measures[0].clone();
        let mut theirs = mine.clone();
        theirs.title = "Intitulé revu par Inès".into();
        let id = ItemId::Measure(mine.id.clone());
        let side = |m: &crate::model::Measure, who: &str| DossierSide {
            version: Some(DossierItem::Measure(m.clone())),
            author: who.into(),
            modified: T.into(),
        };
        s.dossier_conflicts.push(DossierConflict {
            item: id.clone(),
            sides: vec![side(&mine, "Camille"), side(&theirs, "Inès")],
        });
        let before = s.clone();
        let change = apply(
            &mut s,
            Action::SettleItem {
                item: id.clone(),
                version: Some(Box::new(DossierItem::Measure(theirs.clone()))),
            },
            T,
        )
        .expect("applies")
        .expect("changes the dossier");
        assert!(change.is_dossier_edit());
        assert_eq!(s.dossier.measures[0].title, "Intitulé revu par Inès");
        assert!(s.dossier_conflicts.is_empty(), "the conflict is closed");
        change.revert(&mut s);
        assert_eq!(s, before, "undo reopens the conflict");
        // Keeping the dossier's own version closes it too, changing nothing else.
        let kept = Action::SettleItem {
            item: id.clone(),
            version: Some(Box::new(DossierItem::Measure(mine))),
        };
        apply(&mut s, kept, T).expect("applies");
        assert_eq!(s.dossier, before.dossier);
        assert!(s.dossier_conflicts.is_empty());
        let gone = Action::SettleItem {
            item: id,
            version: None,
        };
        assert!(matches!(
            apply(&mut s, gone, T),
            Err(ActionError::UnknownItem(_))
        ));
    }

    fn candidate(excerpt: &str) -> Candidate {
        Candidate {
            stakeholder: "a".into(),
            citation: Citation {
                source: "src".into(),
                excerpt: excerpt.to_owned(),
                location: None,
            },
            origin: crate::model::CandidateOrigin::RefiQdaImport {
                file: "p.qdpx".to_owned(),
            },
        }
    }

    #[test]
    fn candidates_come_in_and_go_out_as_one_step_each() {
        let (one, two) = (candidate("un"), candidate("deux"));
        round_trip(
            Action::AddCandidates {
                candidates: vec![one.clone(), two.clone()],
            },
            |s| assert_eq!(s.candidates, [one.clone(), two.clone()]),
        );
        let mut s = fixture::session();
        s.candidates = vec![one.clone(), two.clone()];
        let position = Position {
            id: "a-un".into(),
            stakeholder: "a".into(),
            kind: crate::model::PositionKind::Proposal,
            title: "Un".to_owned(),
            citation: one.citation.clone(),
            measures: vec!["m2".into()],
        };
        let before = s.clone();
        let change = apply(
            &mut s,
            Action::AcceptCandidate {
                candidate: Box::new(one.clone()),
                position: position.clone(),
            },
            T,
        )
        .expect("accepted")
        .expect("a change");
        assert!(change.is_dossier_edit());
        assert_eq!(
            s.candidates,
            std::slice::from_ref(&two),
            "it leaves the list"
        );
        assert_eq!(s.dossier.position(&position.id), Some(&position));
        let after = s.clone();
        change.revert(&mut s);
        assert_eq!(s, before, "undo puts the candidate back in its place");
        change.replay(&mut s);
        assert_eq!(s, after);
        // Accepted already: refused, nothing changes.
        assert_eq!(
            apply(
                &mut s,
                Action::DiscardCandidate {
                    candidate: Box::new(one.clone()),
                },
                T
            ),
            Err(ActionError::UnknownCandidate)
        );
        let mut s = fixture::session();
        s.candidates = vec![one.clone(), two.clone()];
        apply(
            &mut s,
            Action::DiscardCandidate {
                candidate: Box::new(one),
            },
            T,
        )
        .expect("discarded");
        assert_eq!(s.candidates, [two]);
        assert_eq!(s.dossier, fixture::session().dossier, "no position made");
    }

    #[test]
    fn a_candidate_outside_the_dossier_or_quoting_nothing_is_refused() {
        let mut s = fixture::session();
        let mut stranger = candidate("mots");
        stranger.stakeholder = "z".into();
        let refused = |s: &mut Session, c: Candidate| {
            apply(
                s,
                Action::AddCandidates {
                    candidates: vec![candidate("bon"), c],
                },
                T,
            )
        };
        assert_eq!(
            refused(&mut s, stranger),
            Err(ActionError::UnknownStakeholder("z".into()))
        );
        let mut elsewhere = candidate("mots");
        elsewhere.citation.source = "ailleurs".into();
        assert_eq!(
            refused(&mut s, elsewhere),
            Err(ActionError::UnknownSource("ailleurs".into()))
        );
        assert_eq!(
            refused(&mut s, candidate("  ")),
            Err(ActionError::EmptyExcerpt)
        );
        assert!(s.candidates.is_empty(), "all or nothing");
    }
}
