//! Undo and redo over applied actions, capped, with consecutive edits of one note merged into a
//! single step. Also tells whether the session differs from its last saved state.

use crate::model::action::{Action, ActionError, Change, apply};
use crate::model::conflict::ItemId;
use crate::model::dossier_edit::ItemChange;
use crate::model::ids::CellId;
use crate::model::session::Session;
use crate::model::synthesis::SynthesisOf;
use std::collections::VecDeque;

/// How many steps [`History`] keeps by default.
pub const DEFAULT_CAP: usize = 1000;

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    /// Unique, increasing; identifies the session state after this step.
    revision: u64,
    change: Change,
    /// Set while the step is an open edit (of a note, of a dossier item) that the next edit of
    /// the same note or item may extend.
    open_note: Option<Open>,
}

/// What an open step edits.
#[derive(Clone, Debug, PartialEq)]
enum Open {
    /// A cell's note.
    Note(CellId),
    /// An item of the dossier, put in place.
    Item(ItemId),
    /// A synthesis.
    Synthesis(SynthesisOf),
}

/// The undo/redo history of a session.
#[derive(Debug)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    cap: usize,
    next_revision: u64,
    /// The revision of the state below the oldest kept step.
    base: u64,
    saved_revision: Option<u64>,
}

impl Default for History {
    fn default() -> Self {
        Self::new(DEFAULT_CAP)
    }
}

impl History {
    /// An empty history keeping at most `cap` steps (at least one), on a session that is saved.
    #[must_use]
    pub fn new(cap: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            cap: cap.max(1),
            next_revision: 1,
            base: 0,
            saved_revision: Some(0),
        }
    }

    /// Apply `action` to `session` and record it. Returns whether anything changed.
    ///
    /// # Errors
    /// As [`apply`]; nothing is recorded then.
    pub fn apply(
        &mut self,
        session: &mut Session,
        action: Action,
        now: &str,
    ) -> Result<bool, ActionError> {
        let open = match &action {
            Action::EditNote { cell, .. } => Some(Open::Note(cell.clone())),
            Action::PutItem { item, .. } => Some(Open::Item(item.id())),
            Action::EditSynthesis { of, .. } => Some(Open::Synthesis(of.clone())),
            _ => None,
        };
        let Some(change) = apply(session, action, now)? else {
            return Ok(false);
        };
        self.redo.clear();
        let revision = self.bump();
        if let (Some(open), Some(top)) = (&open, self.undo.back_mut())
            && top.open_note.as_ref() == Some(open)
            && extend(&mut top.change, &change)
        {
            top.revision = revision;
            return Ok(true);
        }
        self.undo.push_back(Step {
            revision,
            change,
            open_note: open,
        });
        if self.undo.len() > self.cap
            && let Some(dropped) = self.undo.pop_front()
        {
            self.base = dropped.revision;
        }
        Ok(true)
    }

    /// End the current run of note edits: the next edit starts a new undo step. Call it when the
    /// note editor loses focus.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.back_mut() {
            top.open_note = None;
        }
    }

    /// Undo the last step. Returns the cell it touched (if any), or `None` when there is nothing
    /// to undo.
    pub fn undo(&mut self, session: &mut Session) -> Option<Option<CellId>> {
        let mut step = self.undo.pop_back()?;
        step.change.revert(session);
        step.open_note = None;
        let cell = changed_cell(&step.change);
        self.redo.push(step);
        Some(cell)
    }

    /// Redo the last undone step. Returns the cell it touched (if any), or `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self, session: &mut Session) -> Option<Option<CellId>> {
        let step = self.redo.pop()?;
        step.change.replay(session);
        let cell = changed_cell(&step.change);
        self.undo.push_back(step);
        Some(cell)
    }

    /// The change the next undo (`undo`) or redo would revert or replay, if any.
    #[must_use]
    pub fn next_change(&self, undo: bool) -> Option<&Change> {
        if undo {
            self.undo.back().map(|s| &s.change)
        } else {
            self.redo.last().map(|s| &s.change)
        }
    }

    /// Whether there is a step to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Identifies the current state: equal revisions mean equal sessions.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.undo.back().map_or(self.base, |s| s.revision)
    }

    /// Record that the current state is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision());
    }

    /// Record that the state at `revision` is what is on disk: a save of that revision
    /// finished, perhaps after later edits (which stay unsaved).
    pub fn mark_saved_at(&mut self, revision: u64) {
        self.saved_revision = Some(revision);
    }

    /// True when the session differs from what was last saved (or was never saved).
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision())
    }

    /// Record that the session was never saved: it is dirty until [`History::mark_saved`].
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = None;
    }

    fn bump(&mut self) -> u64 {
        let r = self.next_revision;
        self.next_revision += 1;
        r
    }
}

/// Make `top` end where `next` ends, when both edit the same note, or put the same dossier item
/// in place (the item's place before `top` stays its start). Returns whether it did.
fn extend(top: &mut Change, next: &Change) -> bool {
    match (top, next) {
        (Change::Cell { after, .. }, Change::Cell { after: next, .. }) => {
            after.clone_from(next);
            true
        }
        (Change::Synthesis { after, .. }, Change::Synthesis { after: next, .. }) => {
            after.clone_from(next);
            true
        }
        (Change::Items(top), Change::Items(next)) => match (top.as_mut_slice(), next.as_slice()) {
            (
                [first],
                [
                    ItemChange {
                        before: Some(_),
                        after,
                    },
                ],
            ) if first.after.is_some() => {
                first.after.clone_from(after);
                true
            }
            _ => false,
        },
        _ => false,
    }
}

fn changed_cell(change: &Change) -> Option<CellId> {
    match change {
        Change::Cell { cell, .. } | Change::Settled { cell, .. } => Some(cell.clone()),
        Change::Analyst { .. }
        | Change::Items(_)
        | Change::SettledItem { .. }
        | Change::Synthesis { .. }
        | Change::Candidates { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stance, fixture};

    const T: &str = "2026-01-02T10:00:00Z";

    fn cell() -> CellId {
        CellId::new("m1", "a")
    }

    fn note(text: &str) -> Action {
        Action::EditNote {
            cell: cell(),
            note: text.into(),
        }
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut s = fixture::session();
        let mut h = History::default();
        let start = s.clone();
        h.apply(
            &mut s,
            Action::SetStance {
                cell: cell(),
                stance: Some(Stance::Partial),
            },
            T,
        )
        .unwrap();
        h.apply(
            &mut s,
            Action::SetStance {
                cell: cell(),
                stance: Some(Stance::Gap),
            },
            T,
        )
        .unwrap();
        let end = s.clone();
        assert_eq!(h.undo(&mut s), Some(Some(cell())));
        assert_eq!(s.stance(&cell()), Some(Stance::Partial));
        h.undo(&mut s);
        assert_eq!(s, start);
        assert_eq!(h.undo(&mut s), None, "nothing left to undo");
        h.redo(&mut s);
        h.redo(&mut s);
        assert_eq!(s, end);
        assert_eq!(h.redo(&mut s), None);
    }

    #[test]
    fn typing_a_note_is_one_undo_step_until_sealed() {
        let mut s = fixture::session();
        let mut h = History::default();
        for text in ["P", "Po", "Pou", "Pourquoi"] {
            h.apply(&mut s, note(text), T).unwrap();
        }
        h.seal();
        h.apply(&mut s, note("Pourquoi pas"), T).unwrap();
        h.undo(&mut s);
        assert_eq!(s.assessments[&cell()].note, "Pourquoi");
        h.undo(&mut s);
        assert!(
            s.assessments.is_empty(),
            "the whole first burst of typing is one step"
        );
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut s = fixture::session();
        let mut h = History::default();
        h.apply(
            &mut s,
            Action::SetStance {
                cell: cell(),
                stance: Some(Stance::Gap),
            },
            T,
        )
        .unwrap();
        h.undo(&mut s);
        h.apply(
            &mut s,
            Action::SetStance {
                cell: cell(),
                stance: Some(Stance::Silent),
            },
            T,
        )
        .unwrap();
        assert!(!h.can_redo());
    }

    #[test]
    fn history_is_capped_and_dropped_states_never_look_saved() {
        let mut s = fixture::session();
        let mut h = History::new(2);
        for stance in [Stance::Agreement, Stance::Partial, Stance::Gap] {
            h.apply(
                &mut s,
                Action::SetStance {
                    cell: cell(),
                    stance: Some(stance),
                },
                T,
            )
            .unwrap();
        }
        assert!(h.undo(&mut s).is_some());
        assert!(h.undo(&mut s).is_some());
        assert_eq!(h.undo(&mut s), None, "only two steps are kept");
        assert_eq!(s.stance(&cell()), Some(Stance::Agreement));
        assert!(
            h.is_dirty(),
            "the saved state (no tag) was dropped, this one differs"
        );
    }

    #[test]
    fn dirty_follows_the_saved_state_through_undo_and_coalesced_typing() {
        let mut s = fixture::session();
        let mut h = History::default();
        assert!(!h.is_dirty());
        h.apply(&mut s, note("a"), T).unwrap();
        assert!(h.is_dirty());
        h.mark_saved();
        assert!(!h.is_dirty());
        h.apply(&mut s, note("ab"), T).unwrap();
        assert!(
            h.is_dirty(),
            "typing on after a save is unsaved even though it merges into one step"
        );
        h.undo(&mut s);
        // "ab" merged into the step that typed "a", so undo goes back past the saved "a" to the
        // note never typed: not what is on disk, hence dirty.
        assert_eq!(
            s.assessments.get(&cell()),
            None,
            "undo removes the whole run of typing, the saved \"a\" with it"
        );
        assert!(
            h.is_dirty(),
            "the session (no note) differs from the saved file (note \"a\")"
        );
        h.redo(&mut s);
        assert!(h.is_dirty());
        h.mark_unsaved();
        assert!(h.is_dirty());
        assert!(
            !h.apply(&mut s, note("ab"), T).unwrap(),
            "an edit that changes nothing is not recorded"
        );
    }
}
