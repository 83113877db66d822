//! Edits of the dossier inside a session: an item (source, pillar, measure, stakeholder,
//! position) added, edited, moved or removed, in the editor or from a quote picked in a source
//! document. Each edit is checked as the dossier validator would check it (ids unique, titles and
//! excerpts not empty, references that resolve, no reference left dangling) and recorded as the
//! items it touched, each with its place before and after, so undo and redo cost a few items,
//! not a copy of the dossier. Assessments are never touched: a measure or a stakeholder removed
//! leaves its cells as orphans, as loading does.

use crate::model::action::{ActionError, Usage};
use crate::model::conflict::{DossierItem, ItemId};
use crate::model::dossier::{Citation, Dossier, Position};
use crate::model::ids::{MeasureId, PositionId, StakeholderId};
use crate::model::session::Session;

/// One item of the dossier going from `before` to `after`: each the item and its index in its
/// list, `None` when it is not there (added: no `before`; removed: no `after`).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemChange {
    /// Before the edit.
    pub before: Option<(usize, DossierItem)>,
    /// After the edit.
    pub after: Option<(usize, DossierItem)>,
}

impl ItemChange {
    /// The item changed.
    #[must_use]
    pub fn id(&self) -> Option<ItemId> {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .map(|(_, item)| item.id())
    }
}

/// Take the dossier through `changes` in order (`forward`), or back through them in reverse.
pub(crate) fn replay(session: &mut Session, changes: &[ItemChange], forward: bool) {
    let d = &mut session.dossier;
    let mut step = |from: &Option<(usize, DossierItem)>, to: &Option<(usize, DossierItem)>| {
        if let Some((i, item)) = from {
            remove_at(d, &item.id(), *i);
        }
        if let Some((i, item)) = to {
            insert_at(d, *i, item.clone());
        }
    };
    if forward {
        for c in changes {
            step(&c.before, &c.after);
        }
    } else {
        for c in changes.iter().rev() {
            step(&c.after, &c.before);
        }
    }
}

/// Add `item` (its id is new: at `at`, else at the end of its list) or put it in place of the
/// item with its id (at the same place, or at `at`).
pub(crate) fn put(
    session: &mut Session,
    item: DossierItem,
    at: Option<usize>,
) -> Result<Option<Vec<ItemChange>>, ActionError> {
    let d = &session.dossier;
    let id = item.id();
    let before = find(d, &id);
    check(d, &item, before.is_some())?;
    if let Some((_, old)) = &before
        && *old == item
        && at.is_none_or(|a| Some(a) == before.as_ref().map(|(i, _)| *i))
    {
        return Ok(None);
    }
    let len = list_len(d, &id) - usize::from(before.is_some());
    let index = at
        .or(before.as_ref().map(|(i, _)| *i))
        .unwrap_or(len)
        .min(len);
    let change = ItemChange {
        before,
        after: Some((index, item)),
    };
    replay(session, std::slice::from_ref(&change), true);
    Ok(Some(vec![change]))
}

/// Move the item `id` to `to` in its list.
pub(crate) fn move_to(
    session: &mut Session,
    id: &ItemId,
    to: usize,
) -> Result<Option<Vec<ItemChange>>, ActionError> {
    let Some((from, item)) = find(&session.dossier, id) else {
        return Err(ActionError::UnknownItem(id.clone()));
    };
    let to = to.min(list_len(&session.dossier, id) - 1);
    if to == from {
        return Ok(None);
    }
    let change = ItemChange {
        before: Some((from, item.clone())),
        after: Some((to, item)),
    };
    replay(session, std::slice::from_ref(&change), true);
    Ok(Some(vec![change]))
}

/// Remove the item `id`. A measure removed is also taken off the positions that speak to it; a
/// pillar that still has measures, a stakeholder that still has positions and a source still
/// quoted are refused (the dossier would not validate). Assessments stay, as orphans.
pub(crate) fn remove(
    session: &mut Session,
    id: &ItemId,
) -> Result<Option<Vec<ItemChange>>, ActionError> {
    let d = &session.dossier;
    let Some((index, item)) = find(d, id) else {
        return Err(ActionError::UnknownItem(id.clone()));
    };
    if let Some(why) = still_used(d, id) {
        return Err(ActionError::StillUsed(id.clone(), why));
    }
    let mut changes = Vec::new();
    if let ItemId::Measure(m) = id {
        for (i, p) in d.positions.iter().enumerate() {
            if p.measures.contains(m) {
                let mut after = p.clone();
                after.measures.retain(|x| x != m);
                changes.push(ItemChange {
                    before: Some((i, DossierItem::Position(p.clone()))),
                    after: Some((i, DossierItem::Position(after))),
                });
            }
        }
    }
    changes.push(ItemChange {
        before: Some((index, item)),
        after: None,
    });
    replay(session, &changes, true);
    Ok(Some(changes))
}

/// Why `id` cannot go: what in the dossier still names it.
fn still_used(d: &Dossier, id: &ItemId) -> Option<Usage> {
    match id {
        ItemId::Pillar(p) => {
            let n = d.measures.iter().filter(|m| &m.pillar == p).count();
            (n > 0).then_some(Usage::Measures(n))
        }
        ItemId::Stakeholder(s) => {
            let n = d.positions.iter().filter(|p| &p.stakeholder == s).count();
            (n > 0).then_some(Usage::Positions(n))
        }
        ItemId::Source(s) => {
            let n = d
                .measures
                .iter()
                .flat_map(|m| &m.citations)
                .chain(d.positions.iter().map(|p| &p.citation))
                .filter(|c| &c.source == s)
                .count();
            (n > 0).then_some(Usage::Citations(n))
        }
        ItemId::Measure(_) | ItemId::Position(_) => None,
    }
}

/// Whether `item` may be put in `d` (`replacing`: an item with its id is there), as the
/// validator would judge the dossier after.
///
/// # Errors
/// The first problem found, naming the field.
pub fn check(d: &Dossier, item: &DossierItem, replacing: bool) -> Result<(), ActionError> {
    let id = item.id();
    let raw = match &id {
        ItemId::Source(x) => x.as_str(),
        ItemId::Pillar(x) => x.as_str(),
        ItemId::Measure(x) => x.as_str(),
        ItemId::Stakeholder(x) => x.as_str(),
        ItemId::Position(x) => x.as_str(),
    };
    if raw.trim().is_empty() {
        return Err(ActionError::BlankId);
    }
    if !replacing && find(d, &id).is_some() {
        return Err(ActionError::DuplicateItem(id));
    }
    let citation = |c: &Citation| -> Result<(), ActionError> {
        if d.source(&c.source).is_none() {
            return Err(ActionError::UnknownSource(c.source.clone()));
        }
        if c.excerpt.trim().is_empty() {
            return Err(ActionError::EmptyExcerpt);
        }
        Ok(())
    };
    match item {
        DossierItem::Source(s) => {
            if s.title.trim().is_empty() {
                return Err(ActionError::BlankTitle);
            }
            if let Some(owner) = &s.stakeholder
                && d.stakeholder(owner).is_none()
            {
                return Err(ActionError::UnknownStakeholder(owner.clone()));
            }
        }
        DossierItem::Pillar(p) => {
            if p.title.trim().is_empty() {
                return Err(ActionError::BlankTitle);
            }
        }
        DossierItem::Measure(m) => {
            if m.title.trim().is_empty() {
                return Err(ActionError::BlankTitle);
            }
            if d.pillar(&m.pillar).is_none() {
                return Err(ActionError::UnknownPillar(m.pillar.clone()));
            }
            if m.citations.is_empty() {
                return Err(ActionError::NoCitation);
            }
            m.citations.iter().try_for_each(citation)?;
            if let Some(label) = m.figures.iter().find_map(|f| match f {
                crate::model::Figure::Amount { label, value, .. }
                | crate::model::Figure::Quantity { label, value, .. }
                    if !value.is_finite() =>
                {
                    Some(label.clone())
                }
                _ => None,
            }) {
                return Err(ActionError::NotANumber(label));
            }
        }
        DossierItem::Stakeholder(s) => {
            if s.name.trim().is_empty() {
                return Err(ActionError::BlankTitle);
            }
        }
        DossierItem::Position(p) => {
            if d.stakeholder(&p.stakeholder).is_none() {
                return Err(ActionError::UnknownStakeholder(p.stakeholder.clone()));
            }
            if p.title.trim().is_empty() {
                return Err(ActionError::BlankTitle);
            }
            citation(&p.citation)?;
            if let Some(m) = p.measures.iter().find(|m| d.measure(m).is_none()) {
                return Err(ActionError::UnknownMeasure(m.clone()));
            }
        }
    }
    Ok(())
}

/// Add `citation` at the end of `measure`'s citations.
pub(crate) fn add_citation(
    session: &mut Session,
    measure: &MeasureId,
    citation: Citation,
) -> Result<Option<Vec<ItemChange>>, ActionError> {
    let Some(m) = session.dossier.measure(measure) else {
        return Err(ActionError::UnknownMeasure(measure.clone()));
    };
    if m.citations.contains(&citation) {
        return Ok(None);
    }
    let mut m = m.clone();
    m.citations.push(citation);
    put(session, DossierItem::Measure(m), None)
}

/// Add `position` at the end of the dossier's positions (its id must be new).
pub(crate) fn add_position(
    session: &mut Session,
    position: Position,
) -> Result<Option<Vec<ItemChange>>, ActionError> {
    if session.dossier.position(&position.id).is_some() {
        return Err(ActionError::DuplicateItem(ItemId::Position(position.id)));
    }
    put(session, DossierItem::Position(position), None)
}

/// The item `id` and its index in its list.
#[must_use]
pub fn find(d: &Dossier, id: &ItemId) -> Option<(usize, DossierItem)> {
    fn at<T: Clone>(
        list: &[T],
        is: impl Fn(&T) -> bool,
        wrap: fn(T) -> DossierItem,
    ) -> Option<(usize, DossierItem)> {
        list.iter().position(is).map(|i| (i, wrap(list[i].clone())))
    }
    match id {
        ItemId::Source(x) => at(&d.sources, |s| &s.id == x, DossierItem::Source),
        ItemId::Pillar(x) => at(&d.pillars, |p| &p.id == x, DossierItem::Pillar),
        ItemId::Measure(x) => at(&d.measures, |m| &m.id == x, DossierItem::Measure),
        ItemId::Stakeholder(x) => at(&d.stakeholders, |s| &s.id == x, DossierItem::Stakeholder),
        ItemId::Position(x) => at(&d.positions, |p| &p.id == x, DossierItem::Position),
    }
}

fn list_len(d: &Dossier, id: &ItemId) -> usize {
    match id {
        ItemId::Source(_) => d.sources.len(),
        ItemId::Pillar(_) => d.pillars.len(),
        ItemId::Measure(_) => d.measures.len(),
        ItemId::Stakeholder(_) => d.stakeholders.len(),
        ItemId::Position(_) => d.positions.len(),
    }
}

fn remove_at(d: &mut Dossier, id: &ItemId, i: usize) {
    fn take<T>(list: &mut Vec<T>, i: usize) {
        if i < list.len() {
            list.remove(i);
        }
    }
    match id {
        ItemId::Source(_) => take(&mut d.sources, i),
        ItemId::Pillar(_) => take(&mut d.pillars, i),
        ItemId::Measure(_) => take(&mut d.measures, i),
        ItemId::Stakeholder(_) => take(&mut d.stakeholders, i),
        ItemId::Position(_) => take(&mut d.positions, i),
    }
}

fn insert_at(d: &mut Dossier, i: usize, item: DossierItem) {
    fn put<T>(list: &mut Vec<T>, i: usize, x: T) {
        let i = i.min(list.len());
        list.insert(i, x);
    }
    match item {
        DossierItem::Source(x) => put(&mut d.sources, i, x),
        DossierItem::Pillar(x) => put(&mut d.pillars, i, x),
        DossierItem::Measure(x) => put(&mut d.measures, i, x),
        DossierItem::Stakeholder(x) => put(&mut d.stakeholders, i, x),
        DossierItem::Position(x) => put(&mut d.positions, i, x),
    }
}

/// An id of the kind `taken` checks that the dossier does not use yet, from `prefix` and
/// `title`'s words: `uniopss-revaloriser-les-metiers`, then `-2`, `-3`… if taken. A title
/// without a word gives `fallback`.
#[must_use]
pub fn fresh_id(
    prefix: &str,
    title: &str,
    fallback: &str,
    taken: impl Fn(&str) -> bool,
    count: usize,
) -> String {
    let words: Vec<String> = deunicode::deunicode(title)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_owned)
        .collect();
    let stem = match (prefix.is_empty(), words.is_empty()) {
        (true, true) => fallback.to_owned(),
        (true, false) => words.join("-"),
        (false, true) => format!("{prefix}-{fallback}"),
        (false, false) => format!("{prefix}-{}", words.join("-")),
    };
    if !taken(&stem) {
        return stem;
    }
    // Of `count` + 1 suffixes, one at least is free.
    (2..=count + 2)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(stem)
}

/// A position id for `stakeholder` that the dossier does not use yet, from `title`'s words.
#[must_use]
pub fn fresh_position_id(d: &Dossier, stakeholder: &StakeholderId, title: &str) -> PositionId {
    let id = fresh_id(
        stakeholder.as_str(),
        title,
        "position",
        |id| d.position(&PositionId::from(id)).is_some(),
        d.positions.len(),
    );
    PositionId::from(id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, CellId, PositionKind, SourceId, Stance, fixture};

    const T: &str = "2026-01-02T10:00:00Z";

    fn picked(id: &str) -> Position {
        let s = fixture::session();
        Position {
            id: PositionId::from(id),
            stakeholder: s.dossier.stakeholders[0].id.clone(),
            kind: PositionKind::Proposal,
            title: "Revaloriser les métiers".to_owned(),
            citation: Citation {
                source: s.dossier.sources[0].id.clone(),
                excerpt: "les mots choisis".to_owned(),
                location: Some("§ 3".to_owned()),
            },
            measures: vec![s.dossier.measures[0].id.clone()],
        }
    }

    /// Apply `action`, then undo and redo it, checking both ends.
    fn round_trip(s: &mut Session, action: Action) {
        let before = s.clone();
        let change = crate::model::apply(s, action, T)
            .expect("valid")
            .expect("changes");
        let after = s.clone();
        change.revert(s);
        assert_eq!(*s, before, "undo restores the dossier");
        change.replay(s);
        assert_eq!(*s, after, "redo restores the edit");
    }

    #[test]
    fn a_picked_position_is_added_and_undone_exactly() {
        let mut s = fixture::session();
        round_trip(
            &mut s,
            Action::AddPosition {
                position: picked("nouvelle"),
            },
        );
        assert_eq!(s.dossier.positions.last(), Some(&picked("nouvelle")));
    }

    /// Whether an error is the one expected.
    type Expected = fn(&ActionError) -> bool;

    #[test]
    fn a_position_the_validator_would_refuse_is_refused_and_changes_nothing() {
        let s = fixture::session();
        let taken = s.dossier.positions[0].id.as_str().to_owned();
        let cases: Vec<(Position, Expected)> = vec![
            (picked(&taken), |e| {
                matches!(e, ActionError::DuplicateItem(_))
            }),
            (picked(" "), |e| matches!(e, ActionError::BlankId)),
            (
                Position {
                    stakeholder: StakeholderId::from("personne"),
                    ..picked("x")
                },
                |e| matches!(e, ActionError::UnknownStakeholder(_)),
            ),
            (
                Position {
                    title: "  ".to_owned(),
                    ..picked("x")
                },
                |e| matches!(e, ActionError::BlankTitle),
            ),
            (
                Position {
                    measures: vec![MeasureId::from("aucune")],
                    ..picked("x")
                },
                |e| matches!(e, ActionError::UnknownMeasure(_)),
            ),
            (
                Position {
                    citation: Citation {
                        source: SourceId::from("inconnue"),
                        ..picked("x").citation
                    },
                    ..picked("x")
                },
                |e| matches!(e, ActionError::UnknownSource(_)),
            ),
            (
                Position {
                    citation: Citation {
                        excerpt: " \n".to_owned(),
                        ..picked("x").citation
                    },
                    ..picked("x")
                },
                |e| matches!(e, ActionError::EmptyExcerpt),
            ),
        ];
        for (position, expected) in cases {
            let mut edited = s.clone();
            let error = crate::model::apply(&mut edited, Action::AddPosition { position }, T)
                .expect_err("refused");
            assert!(expected(&error), "{error}");
            assert_eq!(edited, s);
        }
    }

    #[test]
    fn a_citation_is_added_to_its_measure_once() {
        let mut s = fixture::session();
        let measure = s.dossier.measures[0].id.clone();
        let citation = picked("x").citation;
        let add = || Action::AddCitation {
            measure: measure.clone(),
            citation: citation.clone(),
        };
        round_trip(&mut s, add());
        assert_eq!(s.dossier.measures[0].citations.last(), Some(&citation));
        assert_eq!(crate::model::apply(&mut s, add(), T), Ok(None));
    }

    #[test]
    fn an_item_is_edited_in_place_moved_and_removed_and_each_step_undone() {
        let mut s = fixture::session();
        let mut m = s.dossier.measures[0].clone();
        m.title = "Nouveau titre".to_owned();
        round_trip(
            &mut s,
            Action::PutItem {
                item: DossierItem::Measure(m.clone()),
                at: None,
            },
        );
        assert_eq!(s.dossier.measures[0], m, "edited in place");
        let last = s.dossier.measures.len() - 1;
        round_trip(
            &mut s,
            Action::MoveItem {
                item: ItemId::Measure(m.id.clone()),
                to: last,
            },
        );
        assert_eq!(s.dossier.measures[last].id, m.id);
        round_trip(
            &mut s,
            Action::RemoveItem {
                item: ItemId::Measure(m.id.clone()),
            },
        );
        assert!(s.dossier.measure(&m.id).is_none());
        assert!(
            s.dossier
                .positions
                .iter()
                .all(|p| !p.measures.contains(&m.id)),
            "no position speaks to a measure that is gone"
        );
        assert!(
            s.dossier.validate().is_empty(),
            "{:?}",
            s.dossier.validate()
        );
    }

    #[test]
    fn typing_in_an_item_s_field_is_one_undo_step_until_the_field_is_left() {
        let mut s = fixture::session();
        let original = s.clone();
        let mut h = crate::model::History::default();
        let mut m = s.dossier.measures[0].clone();
        for title in ["N", "No", "Nouveau"] {
            m.title = title.to_owned();
            let put = Action::PutItem {
                item: DossierItem::Measure(m.clone()),
                at: None,
            };
            assert_eq!(h.apply(&mut s, put, T), Ok(true));
        }
        h.seal();
        m.summary = "Autre".to_owned();
        let put = Action::PutItem {
            item: DossierItem::Measure(m.clone()),
            at: None,
        };
        assert_eq!(h.apply(&mut s, put, T), Ok(true));
        h.undo(&mut s);
        assert_eq!(s.dossier.measures[0].title, "Nouveau");
        h.undo(&mut s);
        assert_eq!(s, original, "the typed title was one step");
        assert!(!h.can_undo());
    }

    #[test]
    fn a_removed_measure_leaves_its_assessments_as_orphans() {
        let mut s = fixture::session();
        let cell = CellId {
            measure: s.dossier.measures[0].id.clone(),
            stakeholder: s.dossier.stakeholders[0].id.clone(),
        };
        crate::model::apply(
            &mut s,
            Action::SetStance {
                cell: cell.clone(),
                stance: Some(Stance::Gap),
            },
            T,
        )
        .expect("tagged");
        crate::model::apply(
            &mut s,
            Action::RemoveItem {
                item: ItemId::Measure(cell.measure.clone()),
            },
            T,
        )
        .expect("removed");
        assert_eq!(s.assessments[&cell].stance, Some(Stance::Gap));
        assert_eq!(s.orphans().count(), 1);
    }

    #[test]
    fn what_the_dossier_still_names_cannot_be_removed() {
        let s = fixture::session();
        let d = &s.dossier;
        for id in [
            ItemId::Pillar(d.pillars[0].id.clone()),
            ItemId::Stakeholder(d.positions[0].stakeholder.clone()),
            ItemId::Source(d.measures[0].citations[0].source.clone()),
        ] {
            let mut edited = s.clone();
            let error = crate::model::apply(&mut edited, Action::RemoveItem { item: id }, T)
                .expect_err("refused");
            assert!(matches!(error, ActionError::StillUsed(..)), "{error}");
            assert_eq!(edited, s);
        }
    }

    #[test]
    fn a_fresh_id_is_made_of_the_title_and_never_taken() {
        let mut s = fixture::session();
        let who = s.dossier.stakeholders[0].id.clone();
        let first = fresh_position_id(&s.dossier, &who, "Une « revalorisation » des métiers !");
        assert_eq!(
            first.as_str(),
            format!("{who}-une-revalorisation-des-metiers")
        );
        s.dossier.positions.push(Position {
            id: first.clone(),
            ..picked("x")
        });
        let second = fresh_position_id(&s.dossier, &who, "Une « revalorisation » des métiers !");
        assert_eq!(second.as_str(), format!("{first}-2"));
        assert_eq!(
            fresh_position_id(&s.dossier, &who, "…").as_str(),
            format!("{who}-position")
        );
    }
}
