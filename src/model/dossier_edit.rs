//! Edits of the dossier inside a session: a position or a measure citation added from a quote the
//! analyst picked in a source document. Each is checked as the dossier validator would check it
//! (ids unique, references that resolve, an excerpt that is not empty) and recorded as a
//! [`Change`] that puts back exactly the item it touched, so undo and redo cost one item, not a
//! copy of the dossier.

use crate::model::action::{ActionError, Change};
use crate::model::dossier::{Citation, Position};
use crate::model::ids::{MeasureId, PositionId, StakeholderId};
use crate::model::session::Session;

/// Add `position` at the end of the dossier's positions.
pub(crate) fn add_position(
    session: &mut Session,
    position: Position,
) -> Result<Option<Change>, ActionError> {
    let dossier = &session.dossier;
    if position.id.as_str().trim().is_empty() {
        return Err(ActionError::BlankId);
    }
    if dossier.position(&position.id).is_some() {
        return Err(ActionError::DuplicatePosition(position.id));
    }
    if dossier.stakeholder(&position.stakeholder).is_none() {
        return Err(ActionError::UnknownStakeholder(position.stakeholder));
    }
    if position.title.trim().is_empty() {
        return Err(ActionError::BlankTitle);
    }
    check_citation(session, &position.citation)?;
    if let Some(m) = position
        .measures
        .iter()
        .find(|m| session.dossier.measure(m).is_none())
    {
        return Err(ActionError::UnknownMeasure(m.clone()));
    }
    let index = session.dossier.positions.len();
    session.dossier.positions.push(position.clone());
    Ok(Some(Change::Position {
        index,
        before: None,
        after: Some(position),
    }))
}

/// Add `citation` at the end of `measure`'s citations.
pub(crate) fn add_citation(
    session: &mut Session,
    measure: &MeasureId,
    citation: Citation,
) -> Result<Option<Change>, ActionError> {
    check_citation(session, &citation)?;
    let Some(index) = session
        .dossier
        .measures
        .iter()
        .position(|m| &m.id == measure)
    else {
        return Err(ActionError::UnknownMeasure(measure.clone()));
    };
    let before = session.dossier.measures[index].clone();
    if before.citations.contains(&citation) {
        return Ok(None);
    }
    let mut after = before.clone();
    after.citations.push(citation);
    session.dossier.measures[index] = after.clone();
    Ok(Some(Change::Measure {
        index,
        before: Box::new(before),
        after: Box::new(after),
    }))
}

fn check_citation(session: &Session, citation: &Citation) -> Result<(), ActionError> {
    if session.dossier.source(&citation.source).is_none() {
        return Err(ActionError::UnknownSource(citation.source.clone()));
    }
    if citation.excerpt.trim().is_empty() {
        return Err(ActionError::EmptyExcerpt);
    }
    Ok(())
}

/// Take the position at `index` from `from` to `to`: added (`None` to `Some`), removed (`Some`
/// to `None`) or replaced.
pub(crate) fn move_position(
    session: &mut Session,
    index: usize,
    from: Option<&Position>,
    to: Option<&Position>,
) {
    let positions = &mut session.dossier.positions;
    let index = index.min(positions.len());
    match (from, to) {
        (None, Some(p)) => positions.insert(index, p.clone()),
        (Some(_), None) if index < positions.len() => {
            positions.remove(index);
        }
        (Some(_), Some(p)) if index < positions.len() => positions[index] = p.clone(),
        _ => {}
    }
}

/// A position id for `stakeholder` that the dossier does not use yet, from `title`'s words:
/// `uniopss-revaloriser-les-metiers`, then `-2`, `-3`… if taken.
#[must_use]
pub fn fresh_position_id(
    dossier: &crate::model::Dossier,
    stakeholder: &StakeholderId,
    title: &str,
) -> PositionId {
    let words: Vec<String> = deunicode::deunicode(title)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_owned)
        .collect();
    let stem = if words.is_empty() {
        format!("{stakeholder}-position")
    } else {
        format!("{stakeholder}-{}", words.join("-"))
    };
    let free = |id: &str| dossier.position(&PositionId::from(id)).is_none();
    if free(&stem) {
        return PositionId::from(stem.as_str());
    }
    // Of the dossier's positions + 1 suffixes, one at least is free.
    (2..=dossier.positions.len() + 2)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| free(id))
        .map_or_else(
            || PositionId::from(stem.as_str()),
            |id| PositionId::from(id.as_str()),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, PositionKind, SourceId, fixture};

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

    #[test]
    fn a_picked_position_is_added_and_undone_exactly() {
        let mut s = fixture::session();
        let before = s.clone();
        let change = crate::model::apply(
            &mut s,
            Action::AddPosition {
                position: picked("nouvelle"),
            },
            T,
        )
        .expect("valid")
        .expect("changes");
        assert_eq!(s.dossier.positions.last(), Some(&picked("nouvelle")));
        let after = s.clone();
        change.revert(&mut s);
        assert_eq!(s, before);
        change.replay(&mut s);
        assert_eq!(s, after);
    }

    /// Whether an error is the one expected.
    type Expected = fn(&ActionError) -> bool;

    #[test]
    fn a_position_the_validator_would_refuse_is_refused_and_changes_nothing() {
        let s = fixture::session();
        let taken = s.dossier.positions[0].id.as_str().to_owned();
        let cases: Vec<(Position, Expected)> = vec![
            (picked(&taken), |e| {
                matches!(e, ActionError::DuplicatePosition(_))
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
        let before = s.clone();
        let add = || Action::AddCitation {
            measure: measure.clone(),
            citation: citation.clone(),
        };
        let change = crate::model::apply(&mut s, add(), T)
            .expect("valid")
            .expect("changes");
        assert_eq!(s.dossier.measures[0].citations.last(), Some(&citation));
        assert_eq!(crate::model::apply(&mut s, add(), T), Ok(None));
        change.revert(&mut s);
        assert_eq!(s, before);
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
