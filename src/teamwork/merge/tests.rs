use super::*;
use crate::model::{Assessment, Stance, SuggestionKey, fixture};

const NOW: &str = "2026-02-01T00:00:00Z";

fn cell(m: &str, s: &str) -> CellId {
    CellId::new(m, s)
}

fn work(stance: Stance, note: &str, author: &str, modified: &str) -> Assessment {
    Assessment {
        stance: Some(stance),
        note: note.to_owned(),
        author: author.into(),
        modified: modified.into(),
        ..Assessment::default()
    }
}

/// The base: two cells with work.
fn base() -> Session {
    let mut s = fixture::session();
    s.assessments.insert(
        cell("m1", "a"),
        work(Stance::Gap, "base", "Camille", "2026-01-01T00:00:00Z"),
    );
    s.assessments.insert(
        cell("m2", "b"),
        work(Stance::Silent, "", "Camille", "2026-01-01T00:00:00Z"),
    );
    s
}

fn with(mut s: Session, analyst: &str, edit: impl FnOnce(&mut Session)) -> Session {
    s.analyst = analyst.into();
    edit(&mut s);
    s
}

fn three_way(base: &Session, ours: &Session, theirs: &Session) -> Merged {
    merge(Some(base), &[ours, theirs], NOW).expect("same dossier")
}

#[test]
fn cells_changed_on_one_side_each_merge_cleanly() {
    let b = base();
    let ours = with(b.clone(), "Ana", |s| {
        s.assessments.get_mut(&cell("m1", "a")).expect("cell").note = "ana".into();
    });
    let theirs = with(b.clone(), "Bea", |s| {
        s.assessments
            .insert(cell("m1", "b"), work(Stance::Agreement, "bea", "Bea", NOW));
    });
    let m = three_way(&b, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.summary);
    assert_eq!(m.session.assessments[&cell("m1", "a")].note, "ana");
    assert_eq!(m.session.assessments[&cell("m1", "b")].note, "bea");
    assert_eq!(m.summary.cells_from, [1, 1]);
    assert_eq!(m.summary.cells_unchanged, 1);
    assert_eq!(m.session.analyst, "Ana", "OURS's analyst");
    assert_eq!(m.session.modified, NOW);
}

#[test]
fn the_same_cell_changed_differently_keeps_both_sides_and_ours_in_the_cell() {
    let b = base();
    let ours = with(b.clone(), "Ana", |s| {
        let a = s.assessments.get_mut(&cell("m1", "a")).expect("cell");
        a.stance = Some(Stance::Partial);
        a.labels.insert("prioritaire".into());
    });
    let theirs = with(b.clone(), "Bea", |s| {
        s.assessments.get_mut(&cell("m1", "a")).expect("cell").note = "bea".into();
    });
    let m = three_way(&b, &ours, &theirs);
    assert!(!m.is_clean());
    assert_eq!(m.summary.cell_conflicts, [cell("m1", "a")]);
    let c = &m.session.cell_conflicts[&cell("m1", "a")];
    assert_eq!(c.sides.len(), 2);
    assert_eq!(c.sides[0], ours.assessments[&cell("m1", "a")]);
    assert_eq!(c.sides[1], theirs.assessments[&cell("m1", "a")]);
    assert_eq!(
        m.session.assessments[&cell("m1", "a")],
        ours.assessments[&cell("m1", "a")]
    );
}

#[test]
fn a_removal_against_an_edit_is_a_conflict_with_a_blank_side() {
    let b = base();
    let ours = with(b.clone(), "Ana", |s| {
        s.assessments.remove(&cell("m1", "a"));
    });
    let theirs = with(b.clone(), "Bea", |s| {
        s.modified = "2026-01-20T00:00:00Z".into();
        s.assessments.get_mut(&cell("m1", "a")).expect("cell").note = "bea".into();
    });
    let m = three_way(&b, &ours, &theirs);
    let c = &m.session.cell_conflicts[&cell("m1", "a")];
    assert!(c.sides[0].is_blank());
    assert_eq!(c.sides[0].author, "Ana");
    assert_eq!(c.sides[1].note, "bea");
    assert!(
        !m.session.assessments.contains_key(&cell("m1", "a")),
        "as OURS has it"
    );
    // Removed on one side, untouched on the other: removed.
    let m = three_way(&b, &ours, &b);
    assert!(m.is_clean());
    assert!(!m.session.assessments.contains_key(&cell("m1", "a")));
}

#[test]
fn identical_changes_and_new_stamps_alone_do_not_conflict_and_the_later_stamp_wins() {
    let b = base();
    let touch = |who: &str, when: &str| {
        let (who, when) = (who.to_owned(), when.to_owned());
        with(b.clone(), &who.clone(), move |s| {
            let a = s.assessments.get_mut(&cell("m2", "b")).expect("cell");
            a.author = who.as_str().into();
            a.modified = when.as_str().into();
            let a = s.assessments.get_mut(&cell("m1", "a")).expect("cell");
            a.stance = Some(Stance::Partial);
            a.author = who.as_str().into();
            a.modified = when.as_str().into();
        })
    };
    let ours = touch("Ana", "2026-01-10T00:00:00Z");
    let theirs = touch("Bea", "2026-01-12T00:00:00Z");
    let m = three_way(&b, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.session.cell_conflicts);
    assert_eq!(m.summary.cells_alike, 1);
    for c in [cell("m1", "a"), cell("m2", "b")] {
        let a = &m.session.assessments[&c];
        assert_eq!(
            (a.author.as_str(), a.modified.as_str()),
            ("Bea", "2026-01-12T00:00:00Z")
        );
    }
    // One side touched the stamp only: its stamp, the work unchanged.
    let m = three_way(&b, &ours, &b);
    assert_eq!(m.session.assessments[&cell("m2", "b")].author, "Ana");
}

#[test]
fn dismissals_merge_as_a_set() {
    let mut b = base();
    let key = |p: &str| SuggestionKey::Position(p.into());
    b.assessments
        .get_mut(&cell("m1", "a"))
        .expect("cell")
        .dismissed
        .extend([key("x"), key("y")]);
    let ours = with(b.clone(), "Ana", |s| {
        let d = &mut s
            .assessments
            .get_mut(&cell("m1", "a"))
            .expect("cell")
            .dismissed;
        d.remove(&key("x"));
        d.insert(key("o"));
    });
    let theirs = with(b.clone(), "Bea", |s| {
        let a = s.assessments.get_mut(&cell("m1", "a")).expect("cell");
        a.dismissed.insert(key("t"));
    });
    let m = three_way(&b, &ours, &theirs);
    assert!(m.is_clean());
    let got: Vec<_> = m.session.assessments[&cell("m1", "a")]
        .dismissed
        .iter()
        .cloned()
        .collect();
    assert_eq!(got, [key("o"), key("t"), key("y")]);
}

#[test]
fn the_dossier_merges_by_item_and_a_measure_changed_twice_is_a_dossier_conflict() {
    let b = base();
    let ours = with(b.clone(), "Ana", |s| {
        s.dossier.measures[0].title = "Titre d’Ana".into();
        s.dossier.title = "Dossier renommé".into();
    });
    let theirs = with(b.clone(), "Bea", |s| {
        s.dossier.measures[1].summary = "Résumé de Bea".into();
    });
    let m = three_way(&b, &ours, &theirs);
    assert!(m.is_clean(), "{:?}", m.summary);
    assert_eq!(m.session.dossier.measures[0].title, "Titre d’Ana");
    assert_eq!(m.session.dossier.measures[1].summary, "Résumé de Bea");
    assert_eq!(m.session.dossier.title, "Dossier renommé");
    assert_eq!(m.summary.items_from, [1, 1]);

    let theirs = with(b.clone(), "Bea", |s| {
        s.dossier.measures[0].title = "Titre de Bea".into();
        s.dossier.title = "Autre titre".into();
    });
    let m = three_way(&b, &ours, &theirs);
    assert_eq!(m.session.dossier_conflicts.len(), 1);
    let c = &m.session.dossier_conflicts[0];
    assert_eq!(c.item, ItemId::Measure("m1".into()));
    assert_eq!(c.fault(), None);
    assert_eq!(
        (c.sides[0].author.as_str(), c.sides[1].author.as_str()),
        ("Ana", "Bea")
    );
    assert_eq!(
        m.session.dossier.measures[0].title, "Titre d’Ana",
        "OURS's stays"
    );
    assert_eq!(
        m.summary.kept.len(),
        1,
        "the title has no conflict of its own"
    );
    assert_eq!(m.summary.kept[0].what, Unsettled::DossierTitle);
    assert_eq!(
        m.summary.kept[0].dropped,
        [(1, Some("Autre titre".to_owned()))]
    );
    assert_eq!(m.session.dossier.title, "Dossier renommé");
}

#[test]
fn an_item_removed_on_one_side_stays_while_the_other_side_refers_to_it() {
    let b = base();
    let ours = with(b.clone(), "Ana", |s| {
        s.dossier
            .positions
            .retain(|p| !p.measures.iter().any(|m| m.as_str() == "m2"));
        s.dossier.measures.retain(|m| m.id.as_str() != "m2");
    });
    let theirs = with(b.clone(), "Bea", |s| {
        let mut p = s.dossier.positions[0].clone();
        p.id = "a2".into();
        p.measures = vec!["m2".into()];
        s.dossier.positions.push(p);
    });
    let m = three_way(&b, &ours, &theirs);
    assert_eq!(m.session.dossier.validate(), []);
    assert!(m.session.dossier.measure(&"m2".into()).is_some());
    assert!(m.session.dossier.position(&"a2".into()).is_some());
    let c = &m.session.dossier_conflicts[0];
    assert_eq!(c.item, ItemId::Measure("m2".into()));
    assert!(c.sides[0].version.is_none(), "OURS removed it");
    // Nothing refers to it: the removal is taken.
    let m = three_way(&b, &ours, &b);
    assert!(m.is_clean());
    assert!(m.session.dossier.measure(&"m2".into()).is_none());
}

#[test]
fn a_synthesis_written_differently_keeps_ours_and_says_so() {
    let b = base();
    let of = SynthesisOf::Stakeholder("a".into());
    let ours = with(b.clone(), "Ana", |s| {
        s.syntheses.set(of.clone(), "Ana".into());
    });
    let theirs = with(b.clone(), "Bea", |s| {
        s.syntheses.set(of.clone(), "Bea".into());
        s.syntheses.set_dossier("Lecture de Bea".into());
    });
    let m = three_way(&b, &ours, &theirs);
    assert_eq!(m.session.syntheses.get(&of), Some("Ana"));
    assert_eq!(m.session.syntheses.dossier(), Some("Lecture de Bea"));
    assert_eq!(
        m.summary.kept,
        [Kept {
            what: Unsettled::Synthesis(of),
            dropped: vec![(1, Some("Bea".into()))]
        }]
    );
    assert!(!m.is_clean());
}

#[test]
fn conflicts_in_the_inputs_are_carried_over_and_new_sides_join_them() {
    let b = base();
    let old = CellConflict {
        sides: vec![
            work(Stance::Gap, "x", "X", NOW),
            work(Stance::Agreement, "y", "Y", NOW),
        ],
    };
    let ours = with(b.clone(), "Ana", |s| {
        s.cell_conflicts.insert(cell("m1", "a"), old.clone());
        s.assessments.get_mut(&cell("m1", "a")).expect("cell").note = "ana".into();
    });
    let theirs = with(b.clone(), "Bea", |s| {
        s.assessments.get_mut(&cell("m1", "a")).expect("cell").note = "bea".into();
    });
    let m = three_way(&b, &ours, &theirs);
    assert_eq!(m.summary.carried_cell_conflicts, 1);
    assert_eq!(m.session.cell_conflicts.len(), 1);
    let notes: Vec<&str> = m.session.cell_conflicts[&cell("m1", "a")]
        .sides
        .iter()
        .map(|a| a.note.as_str())
        .collect();
    assert_eq!(notes, ["x", "y", "ana", "bea"]);
    // Resolved on one side (the conflict gone), untouched on the other: it stays resolved.
    let resolved = with(b.clone(), "Ana", |_| {});
    let mut kept = b.clone();
    kept.cell_conflicts.insert(cell("m1", "a"), old);
    let m = three_way(&kept, &resolved, &kept);
    assert!(m.session.cell_conflicts.is_empty());
}

#[test]
fn without_a_base_cells_equal_where_present_merge_and_others_conflict() {
    let b = base();
    let a = with(b.clone(), "Ana", |s| {
        s.assessments.remove(&cell("m2", "b"));
    });
    let bb = with(b.clone(), "Bea", |s| {
        s.assessments.get_mut(&cell("m1", "a")).expect("cell").note = "bea".into();
    });
    let c = with(b.clone(), "Cleo", |s| {
        s.assessments
            .insert(cell("m2", "a"), work(Stance::Silent, "", "Cleo", NOW));
    });
    let m = merge(None, &[&a, &bb, &c], NOW).expect("same dossier");
    assert_eq!(m.summary.cell_conflicts, [cell("m1", "a")]);
    let sides = &m.session.cell_conflicts[&cell("m1", "a")].sides;
    assert_eq!(sides.len(), 2, "Ana's and Cleo's are the same version");
    assert!(
        m.session.assessments.contains_key(&cell("m2", "b")),
        "absent is no opinion"
    );
    assert!(m.session.assessments.contains_key(&cell("m2", "a")));
    assert_eq!(m.summary.cells_from, [0, 0, 1]);
    assert_eq!(m.summary.cells_alike, 1);
}

#[test]
fn sessions_on_another_dossier_or_too_few_are_refused() {
    let b = base();
    let mut other = b.clone();
    other.dossier.id = "autre".into();
    assert_eq!(
        merge(Some(&other), &[&b, &b], NOW),
        Err(MergeError::DifferentDossiers {
            first: "tiny".into(),
            other: "autre".into(),
            input: Input::Base
        })
    );
    assert!(matches!(
        merge(None, &[&b, &b, &other], NOW),
        Err(MergeError::DifferentDossiers {
            input: Input::Side(2),
            ..
        })
    ));
    assert_eq!(merge(None, &[&b], NOW), Err(MergeError::TooFew));
}
