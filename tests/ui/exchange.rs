//! REFI-QDA from the window: a project made in another tool is imported as proposed positions,
//! each made into a position or discarded by the analyst (both undoable), never silently; the
//! session is exported as a project the schema accepts.

use super::*;
use visavis::ui::{Command, FilePicker};

#[path = "../common/refi_qda.rs"]
mod refi_qda;

#[test]
fn imported_codings_wait_for_the_analyst_who_makes_one_a_position_and_discards_the_other() {
    let data = tempfile::tempdir().unwrap();
    let mine = data.path().join("camille.ron");
    std::fs::copy(example(), &mine).unwrap();
    let project = data.path().join("codage.qdpx");
    refi_qda::hand_made_qdpx(&project);
    let mut h = window(data.path(), Some(mine));
    let before = h.state().session().clone();

    h.state_mut().set_file_picker(FilePicker::Fixed(project));
    h.state_mut().command(Command::ImportQdpx);
    settle(&mut h);
    let session = h.state().session();
    assert_eq!(session.candidates.len(), 2, "both selections proposed");
    assert_eq!(
        session.dossier, before.dossier,
        "no position made by itself"
    );
    assert!(
        h.query_all_by_label_contains("Positions proposées (2)")
            .next()
            .is_some(),
        "the review opens"
    );
    assert!(
        h.query_all_by_label_contains("Elle regrette une réflexion compartimentée")
            .next()
            .is_some(),
        "each quote shown, word for word"
    );
    assert!(h.state().window_title().contains('●'), "unsaved");
    assert!(
        h.query_all_by_label("2 positions proposées en attente")
            .next()
            .is_some(),
        "the status bar says they wait"
    );
    if std::env::var_os("VISAVIS_SOURCES_DIR").is_some() {
        // The seed documents are read: each proposed quote is checked against its document.
        assert_eq!(
            h.query_all_by_label_contains("vérifiée dans le document")
                .count(),
            2,
            "both quotes found in the Uniopss contribution"
        );
    }

    // The second is discarded.
    let discarded = session.candidates[1].clone();
    h.get_all_by_label("Écarter")
        .nth(1)
        .expect("a button per candidate")
        .click();
    settle(&mut h);
    assert_eq!(h.state().session().candidates.len(), 1);
    assert!(!h.state().session().candidates.contains(&discarded));
    assert!(
        h.query_all_by_label_contains("Positions proposées (1)")
            .next()
            .is_some()
    );

    // The first becomes a position of the Uniopss, its quote as imported, with the selected
    // cell's measure; one more click links it as the cell's evidence.
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    let cell = first_cell(h.state());
    let excerpt = h.state().session().candidates[0].citation.excerpt.clone();
    h.get_by_label("Créer la position…").click();
    h.run_steps(3);
    let title = h.get_by_role_and_label(Role::TextInput, "Intitulé");
    assert!(title.is_focused(), "the form opens on its title");
    title.type_text("Regrette une réflexion compartimentée");
    h.run_steps(2);
    h.get_by_label("Créer la position").click();
    settle(&mut h);
    let session = h.state().session();
    let made = session
        .dossier
        .positions
        .iter()
        .find(|p| p.title == "Regrette une réflexion compartimentée")
        .expect("the position is in the dossier")
        .clone();
    assert_eq!(made.citation.excerpt, excerpt, "verbatim");
    assert_eq!(made.stakeholder.as_str(), "uniopss");
    assert_eq!(made.citation.source.as_str(), "uniopss-contribution");
    assert_eq!(made.measures, std::slice::from_ref(&cell.measure));
    assert!(session.candidates.is_empty(), "it left the list");
    h.get_by_label_contains("Lier comme preuve de la cellule")
        .click();
    settle(&mut h);
    assert!(
        h.state().session().assessments[&cell]
            .evidence
            .contains(&made.id)
    );

    // Undo: the link, then the position (its candidate returns), then the discard, then the
    // import itself.
    ctrl(&mut h, Key::Z);
    assert!(
        !h.state().session().assessments[&cell]
            .evidence
            .contains(&made.id)
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session().candidates.len(), 1);
    assert_eq!(h.state().session().dossier, before.dossier);
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session().candidates.len(), 2);
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session(), &before);
}

#[test]
fn a_file_that_is_no_project_changes_nothing_and_says_why() {
    let data = tempfile::tempdir().unwrap();
    let not_a_project = data.path().join("notes.qdpx");
    #[allow(clippy::disallowed_methods)] // a test file, not a session
    std::fs::write(&not_a_project, "pas une archive").unwrap();
    let mut h = window(data.path(), None);
    let before = h.state().session().clone();
    h.state_mut()
        .set_file_picker(FilePicker::Fixed(not_a_project));
    h.state_mut().command(Command::ImportQdpx);
    settle(&mut h);
    assert_eq!(h.state().session(), &before);
    assert!(
        h.query_all_by_label_contains("pas une archive zip lisible")
            .next()
            .is_some(),
        "the reason, in French"
    );
}

#[test]
fn the_session_is_exported_as_a_refi_qda_project_from_the_file_menu() {
    let data = tempfile::tempdir().unwrap();
    let mine = data.path().join("camille.ron");
    std::fs::copy(example(), &mine).unwrap();
    let mut h = window(data.path(), Some(mine));
    let out = data.path().join("analyse.qdpx");
    h.state_mut()
        .set_file_picker(FilePicker::Fixed(out.clone()));
    h.state_mut().command(Command::ExportQdpx);
    settle(&mut h);
    assert!(
        h.query_all_by_label("Projet REFI-QDA exporté")
            .next()
            .is_some(),
        "confirmed"
    );
    let bytes = std::fs::read(&out).expect("written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    assert!(zip.by_name("project.qde").is_ok());
    // A .qdc name writes the codebook alone.
    let codes = data.path().join("codes.qdc");
    h.state_mut()
        .set_file_picker(FilePicker::Fixed(codes.clone()));
    h.state_mut().command(Command::ExportQdpx);
    settle(&mut h);
    let qdc = std::fs::read_to_string(&codes).expect("written");
    assert!(qdc.contains("urn:QDA-XML:codebook:1.0"));
}

#[test]
fn the_status_bar_counts_the_import_and_a_second_import_of_it_is_nothing_new() {
    let data = tempfile::tempdir().unwrap();
    let mine = data.path().join("camille.ron");
    std::fs::copy(example(), &mine).unwrap();
    let project = data.path().join("codage.qdpx");
    refi_qda::hand_made_qdpx(&project);
    let mut h = window(data.path(), Some(mine));
    h.state_mut()
        .set_file_picker(FilePicker::Fixed(project.clone()));
    h.state_mut().command(Command::ImportQdpx);
    settle(&mut h);
    assert!(
        h.query_all_by_label_contains("Import REFI-QDA\u{a0}: 2 positions proposées")
            .next()
            .is_some(),
        "the status bar says what came in"
    );
    assert!(
        h.query_all_by_label_contains("laissé de côté")
            .next()
            .is_none(),
        "nothing left out, so nothing said of it"
    );
    h.state_mut().set_file_picker(FilePicker::Fixed(project));
    h.state_mut().command(Command::ImportQdpx);
    settle(&mut h);
    assert_eq!(h.state().session().candidates.len(), 2, "nothing twice");
    assert!(
        h.query_all_by_label_contains("Rien de nouveau")
            .next()
            .is_some()
    );
}
