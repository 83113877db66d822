//! Comparing with other analysts in the window: the cells they disagree on are marked, the keys
//! walk them, the panel shows each version side by side, and keeping one is an undoable edit;
//! conflicts a merge left open the same way.

use super::*;
use visavis::model::{Assessment, CellConflict, Session};
use visavis::ui::{Command, FilePicker};

/// The example analysis, loaded.
fn example_session() -> Session {
    visavis::persist::load(&example()).unwrap().session
}

/// The cell of measure `m` and stakeholder `s`.
fn cell_at(s: &Session, m: usize, st: usize) -> CellId {
    CellId::new(
        s.dossier.measures[m].id.as_str(),
        s.dossier.stakeholders[st].id.as_str(),
    )
}

/// A stance other than `stance`.
fn other_than(stance: Option<Stance>) -> Stance {
    if stance == Some(Stance::Gap) {
        Stance::Agreement
    } else {
        Stance::Gap
    }
}

/// A copy of the example as `name` tagged it: another stance, with her note, on `cells`.
fn colleague(dir: &Path, name: &str, cells: &[CellId]) -> PathBuf {
    let mut s = example_session();
    s.analyst = name.into();
    for cell in cells {
        let a = s.assessments.entry(cell.clone()).or_default();
        a.stance = Some(other_than(a.stance));
        a.note = format!("Lecture de {name}.");
        a.author = name.into();
    }
    let path = dir.join(format!("{name}.ron"));
    visavis::persist::save(&s, &path).unwrap();
    path
}

/// A window on a copy of the example in `dir`, comparing with each of `others`.
fn comparing(dir: &Path, others: &[PathBuf]) -> Harness<'static, App> {
    let mine = dir.join("camille.ron");
    std::fs::copy(example(), &mine).unwrap();
    let mut h = window(dir, Some(mine));
    for other in others {
        h.state_mut()
            .set_file_picker(FilePicker::Fixed(other.clone()));
        h.state_mut().command(Command::CompareWith);
        settle(&mut h);
    }
    h
}

#[test]
fn a_colleague_s_session_marks_the_disagreements_and_keeping_her_version_undoes() {
    let data = tempfile::tempdir().unwrap();
    let s = example_session();
    let (first, second) = (cell_at(&s, 2, 1), cell_at(&s, 5, 0));
    let ines = colleague(data.path(), "Inès", &[first.clone(), second.clone()]);
    let mut h = comparing(data.path(), &[ines]);
    assert!(
        h.query_all_by_label_contains("2 désaccords")
            .next()
            .is_some(),
        "the summary counts them"
    );
    assert!(
        h.query_all_by_label_contains("accord observé")
            .next()
            .is_some()
    );
    let marked = h.get_all_by_label_contains("— désaccord").count();
    assert_eq!(marked, 2, "both cells marked in the grid, and only they");

    // D goes to the first disagreement, then the second.
    key(&mut h, Key::D);
    let sel = h.state().selection().expect("a cell selected");
    assert_eq!(sel.cell(&h.state().session().dossier), Some(first.clone()));
    assert!(
        h.state().notice().contains("1 / 2"),
        "{}",
        h.state().notice()
    );
    assert!(
        h.query_all_by_label_contains("Lecture de Inès.")
            .next()
            .is_some(),
        "her note in the panel"
    );
    assert!(
        h.query_all_by_label_contains("Vous — ").next().is_some(),
        "her version beside the analyst's own"
    );

    // Keep her version: the cell takes her stance and note, and the disagreement is gone.
    let before = h.state().session().assessments.get(&first).cloned();
    h.get_by_label("Garder cette version").click();
    settle(&mut h);
    let a = h.state().session().assessments[&first].clone();
    assert_eq!(a.note, "Lecture de Inès.");
    assert_eq!(a.author, "Inès", "her name stays on her work");
    assert!(
        h.query_all_by_label_contains("1 désaccord")
            .next()
            .is_some()
    );
    assert!(h.state().window_title().contains('●'), "to be saved");

    // Undo puts the cell back and the disagreement with it.
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session().assessments.get(&first).cloned(), before);
    assert!(
        h.query_all_by_label_contains("2 désaccords")
            .next()
            .is_some()
    );

    // Closing the comparison takes the marks away; the session is untouched.
    h.state_mut().command(Command::StopComparing);
    settle(&mut h);
    assert_eq!(h.query_all_by_label_contains("— désaccord").count(), 0);
    assert!(
        h.query_all_by_label_contains("Comparaison des analystes")
            .next()
            .is_none()
    );
}

#[test]
fn three_analysts_compare_with_fleiss_kappa() {
    let data = tempfile::tempdir().unwrap();
    let s = example_session();
    let ines = colleague(data.path(), "Inès", &[cell_at(&s, 0, 0)]);
    let yanis = colleague(data.path(), "Yanis", &[cell_at(&s, 1, 2)]);
    let h = comparing(data.path(), &[ines, yanis]);
    assert!(h.query_all_by_label_contains("κ Fleiss").next().is_some());
    assert!(
        h.query_all_by_label_contains("2 désaccords")
            .next()
            .is_some()
    );
}

#[test]
fn a_session_on_another_dossier_or_the_open_file_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let mut other = example_session();
    other.dossier.id = "autre-reforme".into();
    let path = data.path().join("autre.ron");
    visavis::persist::save(&other, &path).unwrap();
    let mut h = comparing(data.path(), &[path]);
    assert!(
        h.query_all_by_label_contains("porte sur le dossier")
            .next()
            .is_some(),
        "the error says why"
    );
    assert!(
        h.query_by_label_contains("Comparaison des analystes")
            .is_none()
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    let mine = data.path().join("camille.ron");
    h.state_mut().set_file_picker(FilePicker::Fixed(mine));
    h.state_mut().command(Command::CompareWith);
    settle(&mut h);
    assert!(
        h.state().notice().contains("fichier ouvert"),
        "{}",
        h.state().notice()
    );
}

#[test]
fn a_merge_conflict_opens_in_the_panel_and_a_side_kept_closes_it_until_undone() {
    let data = tempfile::tempdir().unwrap();
    let mut s = example_session();
    let cell = cell_at(&s, 3, 1);
    let side = |stance, note: &str, who: &str| Assessment {
        stance: Some(stance),
        note: note.into(),
        author: who.into(),
        modified: "2026-11-30T10:00:00Z".into(),
        ..Assessment::default()
    };
    s.cell_conflicts.insert(
        cell.clone(),
        CellConflict {
            sides: vec![
                side(Stance::Gap, "Version de Camille.", "Camille"),
                side(Stance::Partial, "Version d’Inès.", "Inès"),
            ],
        },
    );
    let path = data.path().join("fusion.ron");
    visavis::persist::save(&s, &path).unwrap();
    let mut h = window(data.path(), Some(path));
    assert!(
        h.query_all_by_label_contains("1 conflit de fusion")
            .next()
            .is_some()
    );
    assert_eq!(h.get_all_by_label_contains("— conflit").count(), 1);
    key(&mut h, Key::C);
    let sel = h.state().selection().expect("the conflict selected");
    assert_eq!(sel.cell(&h.state().session().dossier), Some(cell.clone()));
    assert!(
        h.query_all_by_label_contains("Version 2 — Inès")
            .next()
            .is_some()
    );
    h.get_all_by_label("Garder cette version")
        .last()
        .expect("one button per side")
        .click();
    settle(&mut h);
    let after = h.state().session();
    assert!(after.cell_conflicts.is_empty(), "the conflict is closed");
    assert_eq!(after.assessments[&cell].note, "Version d’Inès.");
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().session().cell_conflicts.len(),
        1,
        "undo reopens it"
    );
    // Writing one's own resolution: edit the cell, then mark it settled.
    key(&mut h, Key::Num4);
    h.get_by_label("Marquer comme résolu").click();
    settle(&mut h);
    let after = h.state().session();
    assert!(after.cell_conflicts.is_empty());
    assert_eq!(after.assessments[&cell].stance, Some(Stance::Silent));
}

#[test]
fn the_export_adds_the_agreement_with_the_sessions_compared() {
    let data = tempfile::tempdir().unwrap();
    let s = example_session();
    let ines = colleague(data.path(), "Inès", &[cell_at(&s, 2, 1)]);
    let mut h = comparing(data.path(), &[ines]);
    let out = data.path().join("rapport.md");
    h.state_mut()
        .set_file_picker(FilePicker::Fixed(out.clone()));
    ctrl(&mut h, Key::E);
    h.get_by_label("Markdown").click();
    settle(&mut h);
    let offered = h.get_by_label("Accord entre analystes (sessions comparées)");
    assert_eq!(
        offered.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "offered, and ticked"
    );
    h.get_by_label("Exporter…").click();
    settle(&mut h);
    let report = std::fs::read_to_string(&out).expect("written");
    assert!(report.contains("## Accord entre analystes"), "the section");
    assert!(
        report.contains("Lecture de Inès."),
        "her note among the disagreements"
    );
}

#[test]
fn a_dossier_conflict_is_settled_from_the_panel_and_undo_reopens_it() {
    use visavis::model::{DossierConflict, DossierItem, DossierSide, ItemId};
    let data = tempfile::tempdir().unwrap();
    let mut s = example_session();
    let mine = s.dossier.measures[0].clone();
    let mut theirs = mine.clone();
    theirs.title = "Revalorisations, intitulé d’Inès".into();
    let side = |m: &visavis::model::Measure, who: &str| DossierSide {
        version: Some(DossierItem::Measure(m.clone())),
        author: who.into(),
        modified: "2026-11-30T10:00:00Z".into(),
    };
    s.dossier_conflicts.push(DossierConflict {
        item: ItemId::Measure(mine.id.clone()),
        sides: vec![side(&mine, "Camille"), side(&theirs, "Inès")],
    });
    let path = data.path().join("fusion.ron");
    visavis::persist::save(&s, &path).unwrap();
    let mut h = window(data.path(), Some(path));
    assert!(
        h.query_all_by_label_contains("Conflits du dossier (1)")
            .next()
            .is_some()
    );
    h.get_all_by_label("Garder cette version")
        .last()
        .expect("a button per side")
        .click();
    settle(&mut h);
    let after = h.state().session();
    assert_eq!(after.dossier.measures[0].title, theirs.title);
    assert!(after.dossier_conflicts.is_empty(), "the conflict is closed");
    ctrl(&mut h, Key::Z);
    let back = h.state().session();
    assert_eq!(back.dossier.measures[0].title, mine.title);
    assert_eq!(back.dossier_conflicts.len(), 1, "undo reopens it");
}

#[test]
fn the_file_dialog_says_it_asks_for_a_session_to_compare() {
    let data = tempfile::tempdir().unwrap();
    let mut h = comparing(data.path(), &[]);
    h.state_mut().set_file_picker(FilePicker::BuiltIn);
    h.state_mut().command(Command::CompareWith);
    settle(&mut h);
    assert!(
        h.query_by_label_contains("Session d’un autre analyste, à comparer")
            .is_some(),
        "the dialog's title says what the file is for"
    );
}
