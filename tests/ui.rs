//! The window, driven headless with `egui_kittest` the way a user drives it: keys, clicks, typing;
//! every test asserts on what the user would see or get.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};
use visavis::model::{CellId, Stance};
use visavis::ui::{App, Prefs};
use visavis::view::Row;

use eframe::egui::{self, Key, Modifiers, Vec2, accesskit::Role};

#[path = "ui/compare.rs"]
mod compare;
#[path = "ui/exchange.rs"]
mod exchange;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/segur-analyse-exemple.ron")
}

/// A window on a new Ségur session (or on `file`), autosaving into `data`.
fn window(data: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    window_with(named(), data, file)
}

/// Preferences of an analyst who gave their name (no first-start question).
fn named() -> Prefs {
    Prefs {
        analyst: "Camille Test".to_owned(),
        ..Prefs::default()
    }
}

/// [`window`] with these preferences.
fn window_with(prefs: Prefs, data: &Path, file: Option<PathBuf>) -> Harness<'static, App> {
    let app = App::start(prefs, file, Some(data.join("recovery")));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    settle(&mut h);
    h
}

/// A window on a generated session of `measures` × `stakeholders`, saved in `data`.
fn generated_window(data: &Path, measures: usize, stakeholders: usize) -> Harness<'static, App> {
    let path = data.join("generated.ron");
    let session = visavis::generate::session(&visavis::generate::Spec::new(measures, stakeholders));
    visavis::persist::save(&session, &path).unwrap();
    window(data, Some(path))
}

/// Let a few frames run (commands run after the frame that collected them), and wait for the
/// work they started in the background (open, save, export, reading the documents, ranking the
/// suggestions) to end.
fn settle(h: &mut Harness<'_, App>) {
    h.run_steps(4);
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
    while h.state().is_busy() || h.state().is_reading_sources() || h.state().is_ranking() {
        assert!(
            std::time::Instant::now() < deadline,
            "background work never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run_steps(1);
    }
    h.run_steps(2);
}

fn key(h: &mut Harness<'_, App>, k: Key) {
    h.key_press(k);
    settle(h);
}

fn ctrl(h: &mut Harness<'_, App>, k: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, k);
    settle(h);
}

fn first_cell(app: &App) -> CellId {
    let d = &app.session().dossier;
    CellId {
        measure: d.measures[0].id.clone(),
        stakeholder: d.stakeholders[0].id.clone(),
    }
}

/// The accessible name the grid gives a cell.
fn cell_label(app: &App, cell: &CellId, stance: &str) -> String {
    let d = &app.session().dossier;
    let m = d.measure(&cell.measure).expect("measure");
    let s = d.stakeholder(&cell.stakeholder).expect("stakeholder");
    format!("{} × {}: {stance}", m.title, s.name)
}

#[test]
fn pressing_3_tags_the_selected_cell_as_gap_and_the_grid_shows_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    let cell = first_cell(h.state());
    assert!(
        h.query_by_label(&cell_label(h.state(), &cell, "Non évalué"))
            .is_some()
    );
    key(&mut h, Key::ArrowDown); // selects the first cell
    key(&mut h, Key::Num3);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Gap));
    assert!(
        h.query_by_label(&cell_label(h.state(), &cell, "Écart"))
            .is_some(),
        "the grid cell reads Écart"
    );
    assert!(
        h.state().window_title().contains('●'),
        "the title shows unsaved changes"
    );
    key(&mut h, Key::Num0);
    assert_eq!(
        h.state().session().stance(&cell),
        None,
        "0 clears the stance"
    );
}

#[test]
fn clicking_a_stance_button_in_the_detail_panel_tags_the_cell() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    let cell = first_cell(h.state());
    key(&mut h, Key::ArrowDown);
    h.get_all_by_label("◐ Partiel")
        .last()
        .expect("the detail panel's stance button")
        .click();
    settle(&mut h);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Partial));
}

#[test]
fn clicking_a_cell_selects_it_and_shows_its_measure_in_the_detail_panel() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    let app = h.state();
    let d = &app.session().dossier;
    let cell = CellId {
        measure: d.measures[1].id.clone(),
        stakeholder: d.stakeholders[2].id.clone(),
    };
    let title = d.measures[1].title.clone();
    let label = cell_label(app, &cell, "Non évalué");
    h.get_by_label(&label).click();
    settle(&mut h);
    assert!(
        h.get_all_by_label(&title).count() >= 2,
        "the measure's title is in the grid and the detail heading"
    );
    key(&mut h, Key::Num1);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Agreement));
}

#[test]
fn undo_and_redo_from_the_keyboard_walk_through_every_edit() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    let cell = first_cell(h.state());
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num2);
    key(&mut h, Key::Num3);
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Partial));
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session().stance(&cell), None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Partial));
    ctrl(&mut h, Key::Y);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Gap));
}

#[test]
fn n_and_shift_n_visit_only_unassessed_or_gap_cells() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    let gaps: Vec<CellId> = h
        .state()
        .session()
        .assessments
        .iter()
        .filter(|(_, a)| a.stance == Some(Stance::Gap))
        .map(|(c, _)| c.clone())
        .collect();
    // One gap since the issue-13 re-read of the example (the CNOM on the profession médicale intermédiaire).
    assert!(!gaps.is_empty(), "the example has a gap");
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..gaps.len() {
        key(&mut h, Key::N);
        let app = h.state();
        let cell = app
            .selection()
            .and_then(|s| s.cell(&app.session().dossier))
            .expect("a cell is selected");
        assert_eq!(
            app.session().stance(&cell),
            Some(Stance::Gap),
            "N stopped on {cell}"
        );
        seen.insert(cell);
    }
    assert_eq!(
        seen.len(),
        gaps.len(),
        "N visits every gap once before wrapping"
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::N);
    settle(&mut h);
    let app = h.state();
    let cell = app
        .selection()
        .and_then(|s| s.cell(&app.session().dossier))
        .unwrap();
    assert_eq!(app.session().stance(&cell), Some(Stance::Gap));
}

fn measures_shown(app: &App) -> usize {
    app.rows()
        .iter()
        .filter(|r| matches!(r, Row::Measure(_)))
        .count()
}

#[test]
fn search_ignores_accents_and_case_and_narrows_the_rows_as_the_user_types() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    let all = measures_shown(h.state());
    ctrl(&mut h, Key::F);
    h.get_by_role_and_label(Role::TextInput, "Rechercher")
        .type_text("INFIRMIERS PRATIQUE avancee");
    settle(&mut h);
    let shown = measures_shown(h.state());
    assert!(shown >= 1 && shown < all, "{shown} of {all} measures shown");
    assert!(
        h.query_all_by_label_contains("Infirmiers en pratique avancée")
            .count()
            > 0
    );
    assert!(
        h.query_by_label_contains("Reprise de 13 Md€").is_none(),
        "other measures are hidden"
    );
}

#[test]
fn filters_hide_columns_and_keep_only_gaps() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    assert_eq!(
        h.query_all_by_label("FHF").count(),
        2,
        "the column header and the filter"
    );
    h.get_by_role_and_label(Role::CheckBox, "FHF").click();
    settle(&mut h);
    assert!(
        h.query_all_by_label("FHF").count() == 1,
        "only the filter's checkbox still says FHF"
    );
    let before = measures_shown(h.state());
    h.get_by_label("Seulement les écarts").click();
    settle(&mut h);
    let app = h.state();
    let after = measures_shown(app);
    assert!(after < before && after > 0, "{after} of {before}");
    for r in app.rows() {
        if let Row::Measure(m) = r {
            let id = &app.session().dossier.measures[*m].id;
            assert!(
                app.session()
                    .assessments
                    .iter()
                    .any(|(c, a)| &c.measure == id
                        && a.stance == Some(Stance::Gap)
                        && c.stakeholder.as_str() != "fhf")
            );
        }
    }
}

#[test]
fn new_with_unsaved_changes_asks_save_discard_or_cancel() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    let cell = first_cell(h.state());
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    ctrl(&mut h, Key::N);
    assert!(
        h.query_by_label("Modifications non enregistrées").is_some(),
        "the prompt is shown"
    );
    h.get_by_label("Annuler").click();
    settle(&mut h);
    assert_eq!(
        h.state().session().stance(&cell),
        Some(Stance::Gap),
        "cancel keeps the work"
    );
    ctrl(&mut h, Key::N);
    h.get_by_label("Ne pas enregistrer").click();
    settle(&mut h);
    assert_eq!(
        h.state().session().stance(&cell),
        None,
        "discard starts afresh"
    );
    assert!(!h.state().window_title().contains('●'));
}

#[test]
fn switching_to_english_translates_the_menus_and_the_grid() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    assert!(h.query_by_label("Fichier").is_some());
    h.get_by_label("Affichage").click();
    settle(&mut h);
    h.get_by_label("English").click();
    settle(&mut h);
    assert!(h.query_by_label("File").is_some());
    assert!(h.query_by_label("Fichier").is_none());
    assert!(
        h.query_all_by_label_contains("Unassessed").count() > 0,
        "grid cells speak English too"
    );
}

#[test]
fn saving_writes_the_file_clears_the_marker_and_keeps_a_backup() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("analyse.ron");
    std::fs::copy(example(), &file).unwrap();
    let mut h = window(data.path(), Some(file.clone()));
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    assert!(h.state().window_title().starts_with("analyse.ron ●"));
    ctrl(&mut h, Key::S);
    assert_eq!(h.state().window_title(), "analyse.ron — Vis-à-vis");
    let saved = visavis::persist::load(&file).unwrap().session;
    assert_eq!(saved.stance(&first_cell(h.state())), Some(Stance::Gap));
    assert!(visavis::persist::backup_path(&file).exists());
}

#[test]
fn unsaved_work_is_offered_back_on_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let cell;
    {
        let mut h = window(data.path(), None);
        cell = first_cell(h.state());
        key(&mut h, Key::ArrowDown);
        key(&mut h, Key::Num3);
        h.state_mut().write_recovery().unwrap(); // what the 30 s autosave does
    }
    let mut h = window(data.path(), None);
    assert!(
        h.query_by_label("Récupérer le travail non enregistré\u{a0}?")
            .is_some()
    );
    h.get_by_label("Restaurer").click();
    settle(&mut h);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Gap));
    assert!(
        h.state().window_title().contains('●'),
        "restored work is unsaved"
    );
}

#[test]
fn a_malformed_file_shows_where_and_leaves_the_session_untouched() {
    let data = tempfile::tempdir().unwrap();
    let bad = data.path().join("cassé.ron");
    std::fs::File::create(&bad)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"(format: 2, analyst: 3)"))
        .unwrap();
    let mut h = window(data.path(), Some(example()));
    let before = h.state().session().clone();
    h.state_mut().open_path(&bad, true);
    settle(&mut h);
    assert!(
        h.query_by_label_contains("cassé.ron, ligne 1, colonne")
            .is_some(),
        "the message names file, line and column, in French"
    );
    assert_eq!(h.state().session(), &before);
}

#[test]
fn ctrl_e_offers_the_export_and_the_report_is_written_where_asked() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    ctrl(&mut h, Key::E);
    assert!(
        h.query_by_label("Exporter le rapport d’écarts").is_some(),
        "the export dialog is open"
    );
    assert!(h.query_by_label("Markdown").is_some() && h.query_by_label_contains("CSV").is_some());
    h.get_by_label("Annuler").click();
    settle(&mut h);
    assert!(
        h.query_by_label("Exporter le rapport d’écarts").is_none(),
        "Cancel closes the dialog"
    );
    // The file the user would pick in the file dialog.
    let out = data.path().join("rapport.html");
    h.state_mut()
        .set_file_picker(visavis::ui::FilePicker::Fixed(out.clone()));
    ctrl(&mut h, Key::E);
    h.get_by_label("English").click();
    settle(&mut h);
    h.get_by_label("Exporter…").click();
    settle(&mut h);
    assert!(
        h.query_by_label("Rapport exporté").is_some(),
        "a confirmation names the file"
    );
    assert!(h.query_by_label_contains("rapport.html").is_some());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Ségur de la santé"),
        "the report is about the open dossier"
    );
    assert!(
        html.contains("Gap report"),
        "in the language chosen in the dialog"
    );
}

#[test]
fn the_export_dialog_offers_word_and_opendocument_and_writes_them() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    for (label, name, part) in [
        ("Word (.docx)", "rapport.docx", "word/document.xml"),
        ("OpenDocument texte (.odt)", "rapport.odt", "content.xml"),
    ] {
        let out = data.path().join(name);
        h.state_mut()
            .set_file_picker(visavis::ui::FilePicker::Fixed(out.clone()));
        ctrl(&mut h, Key::E);
        h.get_by_label(label).click();
        settle(&mut h);
        h.get_by_label("Exporter…").click();
        settle(&mut h);
        assert!(
            h.query_by_label_contains(name).is_some(),
            "{name} confirmed"
        );
        let bytes = std::fs::read(&out).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(part).expect("its body"), &mut xml).unwrap();
        assert!(
            xml.contains("Ségur de la santé"),
            "{name}: the open dossier"
        );
        h.get_by_label("OK").click();
        settle(&mut h);
    }
}

#[test]
fn the_example_analysis_opens_from_the_menu_as_an_untitled_copy() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    h.get_by_label("Fichier").click();
    settle(&mut h);
    h.get_by_label_contains("Ouvrir l’analyse d’exemple")
        .click();
    settle(&mut h);
    let app = h.state();
    assert_eq!(
        app.session().assessed_count(),
        app.session().dossier.cell_count(),
        "every cell of the example is tagged"
    );
    assert!(
        app.path().is_none(),
        "saving asks for a new file, the example stays intact"
    );
    assert!(
        h.query_by_label_contains("102 / 102").is_some(),
        "the progress bar is full"
    );
}

#[test]
fn orphan_cells_are_reported_in_french_and_kept() {
    let data = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example()).unwrap();
    let cells = text.find("assessments: [").expect("assessments");
    let (head, tail) = text.split_at(cells);
    let orphaned = format!(
        "{head}{}",
        tail.replacen("stakeholder: \"fhf\"", "stakeholder: \"disparu\"", 1)
    );
    let file = data.path().join("orphelin.ron");
    std::io::Write::write_all(
        &mut std::fs::File::create(&file).unwrap(),
        orphaned.as_bytes(),
    )
    .unwrap();
    let h = window(data.path(), Some(file));
    assert!(
        h.query_by_label("Fichier ouvert, avec des remarques")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("orpheline").is_some(),
        "the remark is in French"
    );
    assert_eq!(
        h.state().session().orphans().count(),
        1,
        "the orphan is kept"
    );
}

#[test]
fn the_grid_marks_a_cell_citing_another_stakeholder_s_position() {
    let data = tempfile::tempdir().unwrap();
    let mut session = visavis::persist::load(&example()).unwrap().session;
    let cell = first_cell_of(&session);
    let other = session
        .dossier
        .positions
        .iter()
        .find(|p| p.stakeholder != cell.stakeholder)
        .expect("a position of another stakeholder")
        .id
        .clone();
    session
        .assessments
        .get_mut(&cell)
        .expect("the example assesses every cell")
        .evidence
        .insert(other);
    let file = data.path().join("mal-attribuee.ron");
    visavis::persist::save(&session, &file).unwrap();
    let h = window(data.path(), Some(file));
    let stance = session.stance(&cell).expect("assessed");
    let label = format!(
        "{} — (!) citation d’une autre partie prenante",
        cell_label(h.state(), &cell, stance.label(visavis::i18n::Lang::Fr))
    );
    assert!(
        h.query_by_label(&label).is_some(),
        "the cell says so, in words: {label}"
    );
    assert!(
        h.query_by_label("(!) citation d’une autre partie prenante")
            .is_some(),
        "a visible mark, not colour alone"
    );
    // Opened, the cell shows the quote apart, named as another stakeholder's, with a way out.
    let mut h = h;
    assert!(
        h.query_by_label_contains("qui n’est pas une position de cette partie prenante")
            .is_some(),
        "the remark on opening says so too"
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    // Selected as a click would (the click lands on the note's text, which takes it).
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    let title = &session.dossier.measures[0].title;
    assert!(
        h.query_by_label("Fichier ouvert, avec des remarques")
            .is_none(),
        "dialog closed"
    );
    assert!(
        h.get_all_by_label(title).count() >= 2,
        "detail open: {:?}",
        h.state().selection()
    );
    assert!(
        h.query_by_label_contains("(!) Citation d’une autre partie prenante, liée à cette cellule")
            .is_some()
    );
    // Below the fold of the detail panel: scrolled to, as the user would.
    h.get_by_label("Retirer le lien").scroll_to_me();
    settle(&mut h);
    h.get_by_label("Retirer le lien").click();
    settle(&mut h);
    assert!(
        h.state().session().misattributed_evidence().is_empty(),
        "the link is removed"
    );
}

/// The first cell of the grid of `session`.
fn first_cell_of(session: &visavis::model::Session) -> CellId {
    let d = &session.dossier;
    CellId {
        measure: d.measures[0].id.clone(),
        stakeholder: d.stakeholders[0].id.clone(),
    }
}

/// Where the grid shows a measure's title: the leftmost of the labels that read it (the detail
/// panel, on the right, names the selected measure too).
fn grid_title(h: &Harness<'_, App>, title: &str) -> egui::Rect {
    h.get_all_by_label(title)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the grid shows the title")
}

#[test]
fn a_judgement_left_without_a_quote_is_flagged_in_the_grid() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    assert!(
        h.query_by_label("sans citation").is_none(),
        "the example backs every judgement"
    );
    key(&mut h, Key::ArrowDown); // the first cell: Uniopss, partial, with quotes
    let cell = first_cell(h.state());
    let linked = h.state().session().assessments[&cell].evidence.len();
    assert!(linked > 0);
    for _ in 0..linked {
        // The list stays in place under the pointer: untick the next ticked box each time.
        h.get_all_by_label("Citer comme preuve de cette appréciation")
            .find(|n| n.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True))
            .expect("a ticked box")
            .click();
        settle(&mut h);
        // The pointer leaves the list: it re-sorts, the quotes still linked come first again.
        h.hover_at(egui::pos2(5.0, 500.0));
        settle(&mut h);
    }
    assert!(
        h.state().session().assessments[&cell].evidence.is_empty(),
        "every quote unlinked: {:?}",
        h.state().session().assessments[&cell].evidence
    );
    assert!(
        h.query_by_label("sans citation").is_some(),
        "the cell says its judgement rests on nothing"
    );
    ctrl(&mut h, Key::Z);
    assert!(
        h.query_by_label("sans citation").is_none(),
        "undo brings the quote back"
    );
}

#[test]
fn a_failed_save_explains_in_french_and_keeps_the_work_unsaved() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    let target = data.path().join("dossier-disparu").join("analyse.ron");
    h.state_mut().save_to(&target);
    settle(&mut h);
    assert!(
        h.query_by_label_contains(
            "enregistrement impossible : le dossier de destination n’existe pas"
        )
        .is_some()
    );
    assert!(h.state().window_title().contains('●'), "still unsaved");
    assert_eq!(
        h.state().session().stance(&first_cell(h.state())),
        Some(Stance::Gap),
        "the work is still there"
    );
}

#[test]
fn moving_the_selection_sideways_scrolls_the_stakeholders_into_view() {
    let data = tempfile::tempdir().unwrap();
    // 20 stakeholders: far wider than the window.
    let mut h = generated_window(data.path(), 30, 20);
    key(&mut h, Key::ArrowDown);
    let (last, name) = {
        let d = &h.state().session().dossier;
        let name = d.stakeholders[19].name.clone();
        (format!("{} × {name}:", d.measures[0].title), name)
    };
    assert!(
        h.query_by_label_contains(&last).is_none(),
        "the last stakeholder starts out of view"
    );
    // Only the filters panel names it: its column header is out of view.
    assert_eq!(h.query_all_by_label(&name).count(), 1);
    for _ in 0..19 {
        key(&mut h, Key::ArrowRight);
    }
    let selected = h.state().selection().expect("a cell is selected");
    assert_eq!(
        selected.stakeholder, 19,
        "the selection reached the last column"
    );
    let cell = h.get_by_label_contains(&last).rect();
    assert!(
        cell.right() <= 1600.0 && cell.left() >= 0.0,
        "the selected cell is in the window: {cell:?}"
    );
    assert_eq!(
        h.query_all_by_label(&name).count(),
        2,
        "the column's header came into view with it"
    );

    // Far down, the measure column (which does not scroll sideways) still shows the selected
    // row's title beside its cells: both sides scroll together.
    for _ in 0..25 {
        key(&mut h, Key::ArrowDown);
    }
    let selected = h.state().selection().expect("selected");
    let (title, label) = {
        let d = &h.state().session().dossier;
        let m = &d.measures[selected.measure];
        (m.title.clone(), format!("{} × {name}:", m.title))
    };
    assert!(selected.measure >= 20, "moved down: {selected:?}");
    let cell = h.get_by_label_contains(&label).rect();
    let title = grid_title(&h, &title);
    assert!(
        title.right() < cell.left(),
        "the title is left of the cells"
    );
    assert!(
        (cell.top() - title.top()).abs() < 10.0,
        "cells at {}, title at {}",
        cell.top(),
        title.top()
    );
}

#[test]
fn two_windows_open_at_once_never_overwrite_each_other_s_unsaved_work() {
    let data = tempfile::tempdir().unwrap();
    let recovery = "Récupérer le travail non enregistré\u{a0}?";
    let mut first = window(data.path(), None);
    let cell = first_cell(first.state());
    key(&mut first, Key::ArrowDown);
    key(&mut first, Key::Num3); // gap
    first.state_mut().write_recovery().unwrap();

    let mut second = window(data.path(), None);
    assert!(
        second.query_by_label(recovery).is_none(),
        "the first window's copy is not offered while it runs"
    );
    key(&mut second, Key::ArrowDown);
    key(&mut second, Key::Num1); // agreement
    second.state_mut().write_recovery().unwrap();
    drop(second);
    drop(first); // both stop with unsaved work

    // The next two starts offer both pieces of work back, the most recent first.
    let mut stances = Vec::new();
    for _ in 0..2 {
        let mut h = window(data.path(), None);
        assert!(h.query_by_label(recovery).is_some());
        h.get_by_label("Restaurer").click();
        settle(&mut h);
        stances.push(h.state().session().stance(&cell));
        h.state_mut().discard_recovery(); // as a save would
    }
    assert_eq!(stances, [Some(Stance::Agreement), Some(Stance::Gap)]);
    let h = window(data.path(), None);
    assert!(
        h.query_by_label(recovery).is_none(),
        "nothing left to offer"
    );
}

#[test]
fn each_row_of_cells_lines_up_with_its_measure() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    key(&mut h, Key::ArrowDown);
    let app = h.state();
    let d = &app.session().dossier;
    for (mi, measure) in d.measures.iter().enumerate().take(9) {
        let cell = CellId {
            measure: measure.id.clone(),
            stakeholder: d.stakeholders[2].id.clone(),
        };
        let cell_top = h
            .get_by_label_contains(&cell_label(app, &cell, ""))
            .rect()
            .top();
        let title_top = grid_title(&h, &measure.title).top();
        assert!(
            (cell_top - title_top).abs() < 10.0,
            "measure {mi}: cells at {cell_top}, title at {title_top}"
        );
    }
}

#[test]
fn dragging_the_edge_of_the_measure_column_widens_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    let header = |h: &Harness<'_, App>, label: &str| {
        h.get_all_by_label(label)
            .map(|n| n.rect())
            .min_by(|a, b| a.top().total_cmp(&b.top()))
            .expect("a header")
    };
    let measure = header(&h, "Mesure");
    let first = header(&h, "Uniopss");
    let width = first.left() - measure.left();
    let edge = egui::pos2(first.left() - 4.0, measure.center().y + 200.0);
    h.hover_at(edge);
    h.run();
    h.drag_at(edge);
    h.run();
    h.hover_at(edge + egui::vec2(100.0, 0.0));
    h.run();
    h.drop_at(edge + egui::vec2(100.0, 0.0));
    settle(&mut h);
    let wider = header(&h, "Uniopss").left() - header(&h, "Mesure").left();
    assert!(
        (wider - width - 100.0).abs() < 2.0,
        "the measure column went from {width} to {wider} points"
    );
}

#[test]
fn page_keys_home_and_end_move_through_a_long_grid() {
    let data = tempfile::tempdir().unwrap();
    let mut h = generated_window(data.path(), 60, 3);
    let measure = |h: &Harness<'_, App>| h.state().selection().expect("selected").measure;
    key(&mut h, Key::ArrowDown); // the first cell
    key(&mut h, Key::PageDown);
    assert_eq!(measure(&h), 10);
    key(&mut h, Key::End);
    assert_eq!(measure(&h), 59);
    // The detail panel names the selected measure too: the grid's row makes it two.
    let last = h.state().session().dossier.measures[59].title.clone();
    assert_eq!(
        h.query_all_by_label(&last).count(),
        2,
        "the last row is scrolled into view"
    );
    key(&mut h, Key::PageUp);
    assert_eq!(measure(&h), 49);
    key(&mut h, Key::Home);
    assert_eq!(measure(&h), 0);
}

#[test]
fn quitting_never_promises_a_recovery_copy_it_cannot_write() {
    let keep = "Quitter en gardant une copie de secours";
    // No recovery folder can be made: the choice is not offered, and the status bar says why.
    let data = tempfile::tempdir().unwrap();
    std::fs::File::create(data.path().join("recovery")).unwrap();
    let mut h = window(data.path(), None);
    let notice = h.state().notice();
    assert!(notice.contains("Copie de secours non écrite"), "{notice}");
    assert!(
        notice.contains("un fichier porte déjà le nom du dossier"),
        "why, in French: {notice}"
    );
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    ctrl(&mut h, Key::Q);
    assert!(h.query_by_label("Modifications non enregistrées").is_some());
    assert!(h.query_by_label(keep).is_none());

    // The folder goes away while the window runs: keeping the copy fails, and says so, and the
    // window stays open with the work.
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    let folder = data.path().join("recovery");
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::File::create(&folder).unwrap();
    ctrl(&mut h, Key::Q);
    h.get_by_label(keep).click();
    settle(&mut h);
    assert!(h.query_by_label("Erreur").is_some(), "the failure is shown");
    assert!(!h.state().quit_requested(), "the window stays open");
    assert!(
        h.state().window_title().contains('●'),
        "the work is still unsaved"
    );
}

#[test]
fn a_long_pillar_list_scrolls_to_the_entry_the_keyboard_reaches_and_lists_check_or_uncheck_all() {
    let data = tempfile::tempdir().unwrap();
    // One pillar per hundred measures: 12 pillars, more than the list shows at once.
    let mut h = generated_window(data.path(), 1200, 3);
    let pillars: Vec<String> = h
        .state()
        .session()
        .dossier
        .pillars
        .iter()
        .map(|p| p.title.clone())
        .collect();
    assert_eq!(pillars.len(), 12);
    let checkbox =
        |h: &Harness<'_, App>, title: &str| h.get_by_role_and_label(Role::CheckBox, title).rect();
    // The last pillar waits below the list's fold, but the keyboard reaches it: focused, it
    // scrolls into view, and Space unticks it.
    let first = checkbox(&h, &pillars[0]);
    let below = checkbox(&h, &pillars[11]);
    assert!(
        below.top() > first.top() + 10.0 * first.height(),
        "{below:?}"
    );
    h.get_by_role_and_label(Role::CheckBox, &pillars[11])
        .focus();
    settle(&mut h);
    let shown = checkbox(&h, &pillars[11]);
    assert!(shown.top() < below.top(), "scrolled into view: {shown:?}");
    key(&mut h, Key::Space);
    assert_eq!(measures_shown(h.state()), 1100);

    // "Uncheck all", then tick one pillar: only its rows.
    h.get_by_label("Tout décocher — Piliers").click();
    settle(&mut h);
    assert_eq!(measures_shown(h.state()), 0);
    assert!(
        h.query_by_label("Aucune mesure ne correspond aux filtres.")
            .is_some()
    );
    h.get_by_role_and_label(Role::CheckBox, &pillars[10])
        .click();
    settle(&mut h);
    assert_eq!(measures_shown(h.state()), 100);
    h.get_by_label("Tout cocher — Piliers").click();
    settle(&mut h);
    assert_eq!(measures_shown(h.state()), 1200);

    // The same for the stakeholder columns.
    let column = format!(" × {}:", h.state().session().dossier.stakeholders[0].name);
    let cells = |h: &Harness<'_, App>| h.query_all_by_label_contains(&column).count();
    assert!(cells(&h) > 0);
    h.get_by_label("Tout décocher — Parties prenantes").click();
    settle(&mut h);
    assert_eq!(cells(&h), 0, "no stakeholder column left");
    h.get_by_label("Tout cocher — Parties prenantes").click();
    settle(&mut h);
    assert!(cells(&h) > 0);
}

#[test]
fn both_sides_of_the_grid_move_together_in_every_frame_of_a_scroll() {
    let data = tempfile::tempdir().unwrap();
    let mut h = generated_window(data.path(), 60, 3);
    // Every row in view: its cells where its title is.
    // Every row in view (at least ten of them): its cells where its title is.
    let misaligned = |h: &Harness<'_, App>| -> Vec<(usize, f32, f32)> {
        let app = h.state();
        let d = &app.session().dossier;
        let rows: Vec<(usize, f32, f32)> = d
            .measures
            .iter()
            .enumerate()
            .filter_map(|(mi, m)| {
                let cell = CellId {
                    measure: m.id.clone(),
                    stakeholder: d.stakeholders[0].id.clone(),
                };
                let label = cell_label(app, &cell, "");
                let cell = h.query_by_label_contains(&label)?;
                Some((mi, cell.rect().top(), grid_title(h, &m.title).top()))
            })
            .collect();
        assert!(rows.len() >= 10, "rows compared: {rows:?}");
        rows.into_iter()
            .filter(|(_, a, b)| (a - b).abs() > 1.0)
            .collect()
    };
    let fifth = h.state().session().dossier.measures[5].title.clone();
    let fifth_top = |h: &Harness<'_, App>| grid_title(h, &fifth).top();
    let over_cells = {
        let app = h.state();
        let cell = first_cell(app);
        h.get_by_label_contains(&cell_label(app, &cell, ""))
            .rect()
            .center()
    };
    let over_measures = grid_title(&h, &h.state().session().dossier.measures[0].title).center();
    // A trackpad fling, down over the cells then back up over the measures: a small step every
    // frame, which egui applies at once.
    for (side, pointer, step) in [
        ("cells", over_cells, -6.0),
        ("measures", over_measures, 6.0),
    ] {
        h.hover_at(pointer);
        let before = fifth_top(&h);
        for frame in 0..20 {
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: Vec2::new(0.0, step),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Trackpad,
                modifiers: Modifiers::NONE,
            });
            h.step();
            let off = misaligned(&h);
            assert!(
                off.is_empty(),
                "scrolling the {side}, frame {frame}: {off:?}"
            );
        }
        settle(&mut h);
        let moved = fifth_top(&h) - before;
        assert!(
            (moved - 20.0 * step).abs() < 13.0,
            "scrolling the {side} moved the rows by {moved}"
        );
    }
}

#[test]
fn a_judged_cell_counts_its_quotes_in_words() {
    let data = tempfile::tempdir().unwrap();
    let h = window(data.path(), Some(example()));
    // Uniopss on the Ségur's pay agreements: Partiel, backed by five of its positions.
    let app = h.state();
    let cell = first_cell(app);
    assert_eq!(app.session().assessments[&cell].evidence.len(), 5);
    assert_eq!(h.query_all_by_label("5 citations").count(), 1);
    assert!(
        h.query_all_by_label("1 citation").count() > 0,
        "the singular"
    );
}

#[test]
fn cancelling_an_open_leaves_the_session_on_screen_untouched() {
    let data = tempfile::tempdir().unwrap();
    let big = data.path().join("grand.ron");
    let generated = visavis::generate::session(&visavis::generate::Spec::new(600, 12));
    visavis::persist::save(&generated, &big).unwrap();
    let mut h = window(data.path(), Some(example()));
    let before = h.state().session().clone();
    h.state_mut().open_path(&big, true);
    h.run_steps(1);
    assert!(
        h.query_by_label_contains("Ouverture de grand.ron")
            .is_some(),
        "the status bar says what is being opened"
    );
    h.get_by_label("Interrompre").click();
    settle(&mut h);
    assert_eq!(h.state().session(), &before, "the session on screen stays");
    assert!(
        h.state().notice().contains("rien n’a changé"),
        "{}",
        h.state().notice()
    );
    assert_eq!(
        h.state().window_title(),
        "segur-analyse-exemple.ron — Vis-à-vis"
    );
    assert!(h.query_by_label("Interrompre").is_none(), "the bar is gone");

    // Not cancelled, the same file opens.
    h.state_mut().open_path(&big, true);
    settle(&mut h);
    assert_eq!(h.state().session().dossier, generated.dossier);
    assert_eq!(h.state().window_title(), "grand.ron — Vis-à-vis");
}

#[test]
#[cfg(unix)]
fn edits_made_while_a_save_runs_stay_unsaved_after_it() {
    let data = tempfile::tempdir().unwrap();
    // A named pipe as the target holds the save until a reader comes: the edit below is made
    // while the save is certainly still running.
    let pipe = data.path().join("analyse.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: no mkfifo here");
        return;
    }
    let mut h = window(data.path(), None);
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    let cell = first_cell(h.state());
    h.state_mut().save_to(&pipe);
    h.state_mut()
        .command(visavis::ui::Command::SetStance(Stance::Agreement));
    h.run_steps(4);
    assert!(h.state().is_busy(), "the save waits for its reader");
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Agreement));
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read(&pipe).unwrap())
    };
    settle(&mut h);
    let written = reader.join().unwrap();
    let saved = visavis::persist::load_bytes(&written, &pipe, "2026-01-01T00:00:00Z")
        .unwrap()
        .session;
    assert_eq!(
        saved.stance(&cell),
        Some(Stance::Gap),
        "the save has what was saved"
    );
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Agreement));
    assert!(
        h.state().window_title().contains('●'),
        "the later edit is not in the file: still unsaved"
    );
}

#[test]
fn undo_after_a_save_comes_back_to_the_saved_note() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("analyse.ron");
    let mut h = window(data.path(), None);
    let cell = first_cell(h.state());
    key(&mut h, Key::ArrowDown);
    let note = |h: &Harness<'_, App>| {
        h.state()
            .session()
            .assessments
            .get(&cell)
            .map(|a| a.note.clone())
    };
    h.get_by_role(Role::MultilineTextInput).click();
    settle(&mut h);
    h.get_by_role(Role::MultilineTextInput).type_text("Lu");
    settle(&mut h);
    assert_eq!(note(&h).as_deref(), Some("Lu"));
    h.state_mut().save_to(&file);
    settle(&mut h);
    // The note editor still has the focus: the user types on, then undoes.
    h.get_by_role(Role::MultilineTextInput)
        .type_text(" et relu");
    settle(&mut h);
    assert_eq!(note(&h).as_deref(), Some("Lu et relu"));
    ctrl(&mut h, Key::Z);
    assert_eq!(note(&h).as_deref(), Some("Lu"), "back to what was saved");
    assert!(
        !h.state().window_title().contains('●'),
        "which is what the file holds"
    );
}

#[test]
fn a_file_larger_than_sessions_are_opens_only_once_the_user_confirms() {
    let data = tempfile::tempdir().unwrap();
    let big = data.path().join("énorme.ron");
    // Sparse: past the 100 MiB limit without writing 100 MiB.
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(visavis::persist::MAX_FILE_SIZE + 1))
        .unwrap();
    let mut h = window(data.path(), Some(example()));
    let before = h.state().session().clone();
    h.state_mut().open_path(&big, true);
    settle(&mut h);
    assert!(
        h.query_by_label("Fichier très volumineux").is_some(),
        "asked first"
    );
    h.get_by_label("Annuler").click();
    settle(&mut h);
    assert_eq!(h.state().session(), &before, "nothing opened");

    h.state_mut().open_path(&big, true);
    settle(&mut h);
    h.get_by_label("Ouvrir quand même").click();
    settle(&mut h);
    // Read past the limit this time: what it holds (no session) is what the user is told.
    assert!(h.query_by_label("Fichier très volumineux").is_none());
    assert!(
        h.query_by_label_contains("énorme.ron, ligne 1, colonne")
            .is_some(),
        "the file was read and its content judged"
    );
    assert_eq!(h.state().session(), &before);
}

// The window as an analyst expects it (issue 20): clicks, keyboard, search, layout, idle.

/// A window of `size` on `file` (or a new session), with `prefs`.
fn window_sized(
    data: &Path,
    file: Option<PathBuf>,
    prefs: Prefs,
    size: Vec2,
) -> Harness<'static, App> {
    let app = App::start(prefs, file, Some(data.join("recovery")));
    let mut h = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    settle(&mut h);
    h
}

/// The pointer moves to `pos` and the primary button clicks there (`times` clicks in a row, in
/// the same instant).
fn click_at(h: &mut Harness<'_, App>, pos: egui::Pos2, times: usize) {
    h.input_mut().events.push(egui::Event::PointerMoved(pos));
    h.step();
    for _ in 0..times {
        for pressed in [true, false] {
            h.input_mut().events.push(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }
    h.step();
    settle(h);
}

/// The cell of measure `mi` and stakeholder `s` of the open session.
fn cell_at(app: &App, mi: usize, s: usize) -> CellId {
    let d = &app.session().dossier;
    CellId {
        measure: d.measures[mi].id.clone(),
        stakeholder: d.stakeholders[s].id.clone(),
    }
}

/// The grid's node for `cell`, whatever its stance.
fn grid_cell_rect(h: &Harness<'_, App>, cell: &CellId) -> egui::Rect {
    h.get_by_label_contains(&cell_label(h.state(), cell, ""))
        .rect()
}

fn selected_cell(app: &App) -> Option<CellId> {
    app.selection().and_then(|s| s.cell(&app.session().dossier))
}

#[test]
fn clicking_the_words_of_a_cell_selects_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    let cell = cell_at(h.state(), 1, 2);
    let rect = grid_cell_rect(&h, &cell);
    // On the stance word, top left, and on the note's first line, below it.
    click_at(&mut h, rect.left_top() + egui::vec2(20.0, 10.0), 1);
    assert_eq!(
        selected_cell(h.state()),
        Some(cell.clone()),
        "click on the stance word"
    );
    let other = cell_at(h.state(), 2, 1);
    let rect = grid_cell_rect(&h, &other);
    click_at(&mut h, rect.left_top() + egui::vec2(30.0, 30.0), 1);
    assert_eq!(selected_cell(h.state()), Some(other), "click on the note");
}

#[test]
fn double_clicking_a_cell_puts_the_keyboard_in_its_note() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    let cell = cell_at(h.state(), 3, 0);
    let rect = grid_cell_rect(&h, &cell);
    click_at(&mut h, rect.left_top() + egui::vec2(20.0, 10.0), 2);
    assert_eq!(selected_cell(h.state()), Some(cell.clone()));
    let note = h.get_by_role(Role::MultilineTextInput);
    assert!(note.is_focused(), "the note has the focus");
    note.type_text(" Relu.");
    settle(&mut h);
    assert!(
        h.state().session().assessments[&cell]
            .note
            .ends_with(" Relu."),
        "typing goes into the note"
    );
}

/// The accessible name of the widget with the keyboard focus.
fn focused_label(h: &Harness<'_, App>) -> Option<(Role, String)> {
    h.root()
        .query_all(egui_kittest::kittest::by())
        .find(egui_kittest::Node::is_focused)
        .map(|n| {
            let node = n.accesskit_node();
            (node.role(), node.label().unwrap_or_default())
        })
}

#[test]
fn f6_moves_the_keyboard_between_filters_grid_note_and_quotes_and_the_panel_follows() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window_sized(
        data.path(),
        None,
        Prefs::default(),
        Vec2::new(1280.0, 720.0),
    );
    key(&mut h, Key::ArrowDown);
    let cell = first_cell(h.state());
    key(&mut h, Key::F6);
    assert_eq!(
        focused_label(&h).map(|f| f.0),
        Some(Role::MultilineTextInput),
        "from the grid to the note"
    );
    key(&mut h, Key::F6);
    let (role, label) = focused_label(&h).expect("a quote's box has the focus");
    assert_eq!(role, Role::CheckBox, "{label}");
    assert!(label.starts_with("Citer comme preuve"), "{label}");
    let quote_box = h
        .root()
        .query_all(egui_kittest::kittest::by())
        .find(egui_kittest::Node::is_focused)
        .expect("focused")
        .rect();
    assert!(
        quote_box.bottom() <= 720.0 && quote_box.top() >= 0.0,
        "the detail panel scrolled to the focused quote: {quote_box:?}"
    );
    key(&mut h, Key::F6);
    assert_eq!(
        focused_label(&h).map(|f| f.1),
        Some("Rechercher".to_owned()),
        "then the search field of the filters"
    );
    key(&mut h, Key::F6);
    let (_, label) = focused_label(&h).expect("a grid cell has the focus");
    assert!(
        label.starts_with(&cell_label(h.state(), &cell, "")),
        "back in the grid, on the selected cell: {label}"
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::F6);
    settle(&mut h);
    assert_eq!(
        focused_label(&h).map(|f| f.1),
        Some("Rechercher".to_owned()),
        "Shift+F6 goes back"
    );
}

/// Whether this frame painted the focus ring of the grid.
fn focus_ring_painted(h: &Harness<'_, App>) -> bool {
    let ring = visavis::ui::focus_ring(&egui::Visuals::light());
    h.output().shapes.iter().any(|c| match &c.shape {
        egui::Shape::Rect(r) => r.stroke == ring,
        _ => false,
    })
}

#[test]
fn the_grid_cell_with_the_keyboard_focus_shows_a_ring_that_follows_the_arrows() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    key(&mut h, Key::ArrowDown);
    assert!(
        !focus_ring_painted(&h),
        "no ring while no cell has the focus"
    );
    // The search field of the filters, then F6 to the grid.
    ctrl(&mut h, Key::F);
    key(&mut h, Key::F6);
    let (_, label) = focused_label(&h).expect("a cell has the focus");
    assert!(label.starts_with(&cell_label(h.state(), &first_cell(h.state()), "")));
    assert!(focus_ring_painted(&h), "the focused cell shows a ring");
    key(&mut h, Key::ArrowRight);
    let next = cell_at(h.state(), 0, 1);
    assert_eq!(selected_cell(h.state()), Some(next.clone()));
    let (_, label) = focused_label(&h).expect("a cell has the focus");
    assert!(
        label.starts_with(&cell_label(h.state(), &next, "")),
        "the focus follows the selection: {label}"
    );
    assert!(focus_ring_painted(&h));
}

#[test]
fn the_unshifted_4_of_an_azerty_keyboard_tags_silence() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    let cell = first_cell(h.state());
    key(&mut h, Key::ArrowDown);
    // On AZERTY the key of 4 types an apostrophe unless Shift is held.
    h.event(egui::Event::Key {
        key: Key::Quote,
        physical_key: Some(Key::Num4),
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::Text("'".to_owned()));
    settle(&mut h);
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Silent));
    // And the key of 0 (à) clears it.
    h.event(egui::Event::Key {
        key: Key::Num0,
        physical_key: Some(Key::Num0),
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    settle(&mut h);
    assert_eq!(h.state().session().stance(&cell), None);
}

#[test]
fn linking_a_quote_leaves_the_list_under_the_pointer_in_place() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    // A cell with two positions or more on its measure, none linked yet.
    let app = h.state();
    let d = &app.session().dossier;
    let (mi, s) = (0..d.measures.len())
        .flat_map(|m| (0..d.stakeholders.len()).map(move |s| (m, s)))
        .find(|&(m, s)| {
            d.positions_of(&d.stakeholders[s].id)
                .filter(|p| p.measures.contains(&d.measures[m].id))
                .count()
                >= 2
        })
        .expect("a cell with two positions");
    h.state_mut().set_selection(visavis::view::Selection {
        measure: mi,
        stakeholder: s,
    });
    settle(&mut h);
    let boxes = |h: &Harness<'_, App>| -> Vec<(f32, bool)> {
        let mut v: Vec<(f32, bool)> = h
            .get_all_by_label("Citer comme preuve de cette appréciation")
            .map(|n| {
                (
                    n.rect().top(),
                    n.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True),
                )
            })
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        v
    };
    let before = boxes(&h);
    assert!(before.len() >= 2 && before.iter().all(|b| !b.1));
    let second = before[1].0;
    h.get_all_by_label("Citer comme preuve de cette appréciation")
        .find(|n| (n.rect().top() - second).abs() < 0.5)
        .expect("the second box")
        .click();
    settle(&mut h);
    let after = boxes(&h);
    assert!(
        !after[0].1 && after[1].1,
        "the box clicked is ticked where it was, the first one stays first: {after:?}"
    );
    // Once the pointer leaves, the linked quote comes first.
    h.hover_at(egui::pos2(5.0, 500.0));
    settle(&mut h);
    assert!(boxes(&h)[0].1, "re-sorted: {:?}", boxes(&h));
}

/// Whether this frame painted text with the search highlight behind some of it.
fn highlight_painted(h: &Harness<'_, App>) -> usize {
    let bg = visavis::ui::search_highlight(&egui::Visuals::light());
    h.output()
        .shapes
        .iter()
        .filter(|c| match &c.shape {
            egui::Shape::Text(t) => t
                .galley
                .job
                .sections
                .iter()
                .any(|s| s.format.background == bg),
            _ => false,
        })
        .count()
}

#[test]
fn the_search_marks_its_words_and_escape_or_a_button_clears_it() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    let all = measures_shown(h.state());
    key(&mut h, Key::ArrowDown);
    assert_eq!(highlight_painted(&h), 0);
    ctrl(&mut h, Key::F);
    h.get_by_role_and_label(Role::TextInput, "Rechercher")
        .type_text("pratique avancee");
    settle(&mut h);
    assert!(measures_shown(h.state()) < all);
    assert!(
        highlight_painted(&h) >= 1,
        "the words found are marked in the grid"
    );
    key(&mut h, Key::Escape);
    assert_eq!(h.state().filters().search, "", "Escape clears the search");
    assert_eq!(measures_shown(h.state()), all);
    assert_eq!(highlight_painted(&h), 0);
    // A search that finds nothing offers to clear it.
    ctrl(&mut h, Key::F);
    h.get_by_role_and_label(Role::TextInput, "Rechercher")
        .type_text("zzqqxx");
    settle(&mut h);
    assert_eq!(measures_shown(h.state()), 0);
    h.get_by_label("Effacer la recherche").click();
    settle(&mut h);
    assert_eq!(measures_shown(h.state()), all);
}

#[test]
fn escape_in_the_note_leaves_the_search_alone() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    let measure = h
        .state()
        .session()
        .dossier
        .measures
        .iter()
        .position(|m| m.title.contains("hôpital"))
        .expect("a measure on the hospital");
    h.state_mut().set_selection(visavis::view::Selection {
        measure,
        stakeholder: 0,
    });
    ctrl(&mut h, Key::F);
    h.get_by_role_and_label(Role::TextInput, "Rechercher")
        .type_text("hopital");
    settle(&mut h);
    key(&mut h, Key::F6); // the search field → the grid
    key(&mut h, Key::F6); // → the note
    assert_eq!(
        focused_label(&h).map(|f| f.0),
        Some(Role::MultilineTextInput)
    );
    key(&mut h, Key::Escape);
    assert_eq!(h.state().filters().search, "hopital");
}

#[test]
fn n_says_which_cell_to_review_of_how_many_and_when_it_wraps() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    let total = h.state().session().dossier.cell_count();
    key(&mut h, Key::N);
    assert_eq!(h.state().notice(), format!("Cellule à traiter 1 / {total}"));
    key(&mut h, Key::N);
    assert_eq!(h.state().notice(), format!("Cellule à traiter 2 / {total}"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::N);
    settle(&mut h);
    h.key_press_modifiers(Modifiers::SHIFT, Key::N);
    settle(&mut h);
    assert_eq!(
        h.state().notice(),
        format!("Cellule à traiter {total} / {total} (retour à la fin)")
    );
}

#[test]
fn ctrl_plus_and_minus_zoom_and_the_zoom_is_kept_for_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    ctrl(&mut h, Key::Plus);
    ctrl(&mut h, Key::Plus);
    assert!(
        (h.ctx.zoom_factor() - 1.2).abs() < 1e-3,
        "{}",
        h.ctx.zoom_factor()
    );
    ctrl(&mut h, Key::Minus);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-3);
    let prefs = h.state().prefs().clone();
    assert!(prefs.zoom.is_some_and(|z| (z - 1.1).abs() < 1e-4));
    let h2 = window_sized(data.path(), None, prefs, Vec2::new(1600.0, 1000.0));
    assert!((h2.ctx.zoom_factor() - 1.1).abs() < 1e-3, "remembered");
    ctrl(&mut h, Key::Num0);
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-3);
    assert_eq!(h.state().prefs().zoom, None);
    assert_eq!(h.state().session().stance(&first_cell(h.state())), None);
}

/// The grid's header of each stakeholder (the topmost label of its name).
fn headers(h: &Harness<'_, App>) -> Vec<egui::Rect> {
    let names: Vec<String> = h
        .state()
        .session()
        .dossier
        .stakeholders
        .iter()
        .map(|s| s.name.clone())
        .collect();
    names
        .iter()
        .map(|n| {
            h.get_all_by_label(n)
                .map(|n| n.rect())
                .min_by(|a, b| a.top().total_cmp(&b.top()))
                .expect("a header")
        })
        .collect()
}

#[test]
fn at_1280_by_720_every_stakeholder_column_is_in_view() {
    let data = tempfile::tempdir().unwrap();
    let h = window_sized(
        data.path(),
        None,
        Prefs::default(),
        Vec2::new(1280.0, 720.0),
    );
    let detail_left = h
        .get_by_label_contains("Sélectionnez une cellule")
        .rect()
        .left();
    let hs = headers(&h);
    assert_eq!(hs.len(), 3);
    let last = hs[2];
    let width = hs[2].left() - hs[1].left();
    assert!(
        last.left() + width <= detail_left + 12.0,
        "the last column ends before the detail panel: {hs:?}, detail at {detail_left}"
    );
}

#[test]
fn at_1920_by_1080_the_columns_share_the_width() {
    let data = tempfile::tempdir().unwrap();
    let h = window_sized(
        data.path(),
        None,
        Prefs::default(),
        Vec2::new(1920.0, 1080.0),
    );
    let detail_left = h
        .get_by_label_contains("Sélectionnez une cellule")
        .rect()
        .left();
    let hs = headers(&h);
    let first = hs[1].left() - hs[0].left();
    let second = hs[2].left() - hs[1].left();
    let last = detail_left - hs[2].left();
    assert!((first - second).abs() < 2.0, "{first} {second}");
    assert!(
        last < first * 1.3,
        "the last column ({last}) is no wider than the others ({first})"
    );
}

#[test]
fn a_folded_panel_stays_folded_at_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    h.get_by_label("Affichage").click();
    settle(&mut h);
    h.get_by_label("Panneau des filtres").click();
    settle(&mut h);
    assert!(h.state().prefs().hide_filters);
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Rechercher")
            .is_none(),
        "the filters are gone"
    );
    let prefs = h.state().prefs().clone();
    let h2 = window_sized(data.path(), None, prefs, Vec2::new(1600.0, 1000.0));
    assert!(
        h2.query_by_role_and_label(Role::TextInput, "Rechercher")
            .is_none()
    );
}

#[test]
fn three_line_rows_are_taller_and_show_more_of_the_note() {
    let data = tempfile::tempdir().unwrap();
    let h = window(data.path(), Some(example()));
    let cell = cell_at(h.state(), 1, 1);
    let compact = grid_cell_rect(&h, &cell).height();
    let prefs = Prefs {
        rows: visavis::ui::RowHeight::ThreeLines,
        ..Prefs::default()
    };
    let h = window_sized(
        data.path(),
        Some(example()),
        prefs,
        Vec2::new(1600.0, 1000.0),
    );
    let tall = grid_cell_rect(&h, &cell).height();
    assert!(tall > compact + 20.0, "{compact} → {tall}");
}

#[test]
fn a_focused_field_stops_asking_for_frames_once_the_user_pauses() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    ctrl(&mut h, Key::F);
    let delay =
        |h: &Harness<'_, App>| h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(
        delay(&h) <= std::time::Duration::from_secs(1),
        "the caret blinks just after the key press"
    );
    // Eight seconds of simulated time without input (a step is a quarter of a second).
    h.run_steps(32);
    assert!(
        delay(&h) > std::time::Duration::from_secs(10),
        "the caret no longer blinks: next frame in {:?}",
        delay(&h)
    );
}

#[test]
fn the_built_in_file_dialog_saves_a_new_session_to_the_name_typed() {
    let data = tempfile::tempdir().unwrap();
    let prefs = Prefs {
        last_folder: Some(data.path().to_owned()),
        builtin_file_dialog: true,
        ..named()
    };
    let mut h = window_with(prefs, data.path(), None);
    // egui_file marks its title and entries with emoji egui's default fonts lack: the real window
    // shows a box there (a known limit, in the README); the test must not stop on it.
    h.ctx
        .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    let cell = first_cell(h.state());
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    ctrl(&mut h, Key::S); // an untitled session: Save asks where
    settle(&mut h);
    assert!(
        // egui_file puts its own emoji before the title it is given.
        h.query_by_label("💾  Enregistrer sous").is_some(),
        "the dialog is open"
    );
    assert!(
        h.state().notice().contains("celle de Vis-à-vis"),
        "the status bar says which dialog: {}",
        h.state().notice()
    );
    let field = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::TextInput && n.value().as_deref() == Some("analyse.ron")
    };
    h.get_by(field).focus();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by(field).type_text("mon-analyse.ron");
    settle(&mut h);
    key(&mut h, Key::Enter);
    let file = data.path().join("mon-analyse.ron");
    assert_eq!(h.state().path(), Some(file.as_path()));
    let saved = visavis::persist::load(&file).unwrap().session;
    assert_eq!(saved.stance(&cell), Some(Stance::Gap));
    assert_eq!(h.state().window_title(), "mon-analyse.ron — Vis-à-vis");
    assert_eq!(h.state().prefs().last_folder.as_deref(), Some(data.path()));
}

#[test]
fn a_file_given_by_a_relative_path_is_remembered_by_its_absolute_one() {
    let here = std::env::current_dir().unwrap();
    let dir = tempfile::tempdir_in(&here).unwrap();
    let file = dir.path().join("relative.ron");
    std::fs::copy(example(), &file).unwrap();
    let relative = file.strip_prefix(&here).unwrap().to_owned();
    assert!(relative.is_relative());
    let h = window_with(named(), dir.path(), Some(relative));
    let prefs = h.state().prefs();
    assert_eq!(prefs.last_session.as_deref(), Some(file.as_path()));
    assert_eq!(
        prefs.recent.first().map(PathBuf::as_path),
        Some(file.as_path())
    );
    assert!(h.state().path().is_some_and(Path::is_absolute));
}

#[test]
fn a_recent_file_that_no_longer_exists_is_greyed_and_can_be_taken_off_the_list() {
    let data = tempfile::tempdir().unwrap();
    let gone = data.path().join("disparu.ron");
    let kept = data.path().join("là.ron");
    std::fs::copy(example(), &kept).unwrap();
    let prefs = Prefs {
        recent: vec![gone.clone(), kept.clone()],
        ..named()
    };
    let mut h = window_with(prefs, data.path(), None);
    h.get_by_label("Fichier").click();
    settle(&mut h);
    h.get_by_label("Ouvrir un fichier récent").hover();
    settle(&mut h);
    let gone_name = gone.display().to_string();
    let listed = h.get_by_label(&gone_name);
    assert!(listed.accesskit_node().is_disabled(), "greyed");
    assert!(
        !h.get_by_label(&kept.display().to_string())
            .accesskit_node()
            .is_disabled()
    );
    assert_eq!(h.state().prefs().recent.len(), 2, "never dropped by itself");
    h.get_by_label("Retirer de la liste").click();
    settle(&mut h);
    assert_eq!(h.state().prefs().recent, vec![kept]);
}

#[test]
fn the_status_bar_speaks_the_language_chosen_with_its_punctuation() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("a.ron");
    std::fs::copy(example(), &file).unwrap();
    let mut h = window_with(named(), data.path(), Some(file.clone()));
    let shown = file.display().to_string();
    assert_eq!(h.state().notice(), format!("Ouvert\u{a0}: {shown}"));
    h.get_by_label("Affichage").click();
    settle(&mut h);
    h.get_by_label("English").click();
    settle(&mut h);
    assert_eq!(h.state().notice(), format!("Opened: {shown}"));
    assert!(h.query_by_label(&format!("Opened: {shown}")).is_some());
}

#[test]
fn the_quit_question_saves_on_enter_and_cancels_on_escape() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("a.ron");
    std::fs::copy(example(), &file).unwrap();
    let mut h = window_with(named(), data.path(), Some(file.clone()));
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    ctrl(&mut h, Key::Q);
    assert!(h.query_by_label("Modifications non enregistrées").is_some());
    key(&mut h, Key::Escape);
    assert!(h.query_by_label("Modifications non enregistrées").is_none());
    assert!(!h.state().quit_requested(), "Escape cancels");
    ctrl(&mut h, Key::Q);
    key(&mut h, Key::Enter);
    assert!(h.state().quit_requested(), "Enter saves, then quits");
    let saved = visavis::persist::load(&file).unwrap().session;
    assert_eq!(saved.stance(&first_cell(h.state())), Some(Stance::Gap));
}

#[test]
fn the_help_menu_shows_the_keys_the_method_and_the_version() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window_with(named(), data.path(), None);
    let open = |h: &mut Harness<'_, App>, entry: &str| {
        h.get_by_label("Aide").click();
        settle(h);
        h.get_by_label(entry).click();
        settle(h);
    };
    open(&mut h, "Raccourcis clavier");
    assert!(
        h.query_by_label("Enregistrer sous…").is_some(),
        "the keys table"
    );
    key(&mut h, Key::Escape);
    open(&mut h, "Méthode");
    let gap = visavis::report::text::stance_meaning(visavis::i18n::Lang::Fr, Stance::Gap);
    assert!(h.query_by_label(gap).is_some(), "the method");
    key(&mut h, Key::Escape);
    open(&mut h, "À propos de Vis-à-vis");
    let version = format!("Vis-à-vis {}", env!("CARGO_PKG_VERSION"));
    assert!(h.query_by_label(&version).is_some());
    assert!(h.query_by_label_contains("MIT OR Apache-2.0").is_some());
    assert!(
        h.query_by_label(env!("CARGO_PKG_HOMEPAGE")).is_some(),
        "the project's address"
    );
    assert!(
        h.query_by_label_contains("adossée à une citation")
            .is_some(),
        "what it is, in the window's language"
    );
    // build.rs gives the date of a git checkout or of SOURCE_DATE_EPOCH.
    if option_env!("VISAVIS_BUILD_EPOCH").is_some() {
        assert!(
            h.query_by_label_contains("Compilé le").is_some(),
            "the build date"
        );
    }
}

#[test]
fn the_first_start_asks_the_analyst_s_name_after_the_recovery_question_without_blocking() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut h = window_with(named(), data.path(), None);
        key(&mut h, Key::ArrowDown);
        key(&mut h, Key::Num3);
        h.state_mut().write_recovery().unwrap();
    }
    // An analyst who never gave a name.
    let mut h = window_with(Prefs::default(), data.path(), None);
    let ask = "Votre nom d’analyste";
    assert!(
        h.query_by_label("Récupérer le travail non enregistré\u{a0}?")
            .is_some()
    );
    assert!(
        h.query_by_label(ask).is_none(),
        "the recovery question first"
    );
    h.get_by_label("Supprimer la copie").click();
    settle(&mut h);
    assert!(h.query_by_label(ask).is_some());
    // Non-modal: the grid still takes keys.
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num1);
    assert_eq!(
        h.state().session().stance(&first_cell(h.state())),
        Some(Stance::Agreement)
    );
    // The name window is drawn last: its field is the last text input.
    h.get_all_by_role(Role::TextInput)
        .last()
        .expect("the name field")
        .focus();
    settle(&mut h);
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(egui_kittest::Node::is_focused)
        .expect("the name field");
    field.type_text("Dominique");
    settle(&mut h);
    key(&mut h, Key::Enter);
    assert!(h.query_by_label(ask).is_none());
    assert_eq!(h.state().prefs().analyst, "Dominique");
}

/// Names the data folder of the child run of the SIGTERM test.
const SIGTERM_CHILD: &str = "VISAVIS_SIGTERM_CHILD_DATA";

/// The child of [`sigterm_after_an_edit_writes_the_recovery_copy_and_closes`]: tags a cell, says
/// it is ready, then runs frames until the window closes. Does nothing in a normal test run.
#[test]
fn child_tags_a_cell_then_runs_until_told_to_stop() {
    let Some(data) = std::env::var_os(SIGTERM_CHILD) else {
        return;
    };
    let mut h = window_with(named(), Path::new(&data), None);
    let ctx = h.ctx.clone();
    h.state_mut().watch_termination(&ctx);
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Num3);
    println!("child ready");
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
    while !h.state().quit_requested() {
        assert!(std::time::Instant::now() < deadline, "no signal came");
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
}

#[test]
fn sigterm_after_an_edit_writes_the_recovery_copy_and_closes() {
    use std::io::BufRead;
    let data = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_tags_a_cell_then_runs_until_told_to_stop",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(SIGTERM_CHILD, data.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut lines = out.lines();
    assert!(
        lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.contains("child ready")),
        "the child never got ready"
    );
    let copy = data.path().join("recovery/recovery.ron");
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "the child closed by itself: {status}");
    let recovered = visavis::persist::load(&copy).unwrap().session;
    let cell = first_cell_of(&recovered);
    assert_eq!(
        recovered.stance(&cell),
        Some(Stance::Gap),
        "the edit is in the copy"
    );
}

/// The example session in `data`, beside copies of the seed texts its sources name.
fn example_with_sources(data: &Path) -> PathBuf {
    let file = data.join("analyse.ron");
    std::fs::copy(example(), &file).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let session = visavis::persist::load(&file).unwrap().session;
    for s in &session.dossier.sources {
        if let Some(name) = &s.file {
            std::fs::copy(seeds.join(name), data.join(name)).unwrap();
        }
    }
    file
}

/// Select characters `chars` of the reader's paragraph `p`, as a drag would.
fn select_in_reader(h: &mut Harness<'_, App>, p: usize, chars: std::ops::Range<usize>) {
    let id = visavis::ui::reader_paragraph_id(p);
    h.ctx.memory_mut(|m| m.request_focus(id));
    let mut state = egui::text_edit::TextEditState::load(&h.ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(chars.start),
            egui::text::CCursor::new(chars.end),
        )));
    state.store(&h.ctx, id);
    h.run_steps(3);
}

#[test]
fn a_quote_clicked_in_the_detail_opens_the_reader_and_a_selection_there_becomes_a_position() {
    if !Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .is_dir()
    {
        eprintln!("skipped: the seed texts are not beside the repository");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = example_with_sources(data.path());
    let mut h = window(data.path(), Some(file.clone()));
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    let cell = first_cell(h.state());
    let session = h.state().session().clone();
    let evidence = session.assessments[&cell].evidence.iter().next().unwrap();
    let quoted = session.dossier.position(evidence).unwrap().citation.clone();
    assert!(
        h.query_by_label_contains("citations vérifiées sur")
            .is_some(),
        "the panel counts the verified citations"
    );
    h.get_by_label(&format!("« {} »", quoted.excerpt))
        .click_accesskit();
    settle(&mut h);
    assert!(
        h.query_by_label_contains("repérées dans le document")
            .is_some(),
        "the reader opened"
    );

    // Select the first words of the paragraph that holds the quote.
    let doc = session.dossier.source(&quoted.source).unwrap();
    let text = visavis::sources::SourceText::new(
        visavis::sources::extract(&data.path().join(doc.file.as_ref().unwrap())).unwrap(),
    );
    let visavis::sources::Verification::Verified { paragraph, place } =
        text.verify(&quoted.excerpt)
    else {
        panic!("the example's quote is verified");
    };
    let words: String = text.extracted().paragraphs[paragraph]
        .text
        .chars()
        .take(40)
        .collect();
    let picked = visavis::view::excerpt_of(&words, 0..words.len());
    select_in_reader(&mut h, paragraph, 0..words.chars().count());
    h.get_by_label("Nouvelle position…").click();
    h.run_steps(2);
    let title = h.get_by_role_and_label(Role::TextInput, "Intitulé");
    assert!(title.is_focused(), "the form opens on its title");
    title.type_text("Une position relevée");
    h.run_steps(2);
    h.get_by_label("Créer la position").click();
    settle(&mut h);

    let before = session.dossier.positions.len();
    let made = |h: &Harness<'_, App>| {
        h.state()
            .session()
            .dossier
            .positions
            .iter()
            .find(|p| p.title == "Une position relevée")
            .cloned()
    };
    let position = made(&h).expect("the position is in the dossier");
    assert_eq!(
        position.citation.excerpt, picked,
        "verbatim, by construction"
    );
    assert_eq!(
        position.citation.location.as_deref(),
        Some(&*place.to_string())
    );
    assert_eq!(position.stakeholder, cell.stakeholder);
    assert_eq!(position.measures, std::slice::from_ref(&cell.measure));
    assert!(text.verify(&position.citation.excerpt).is_verified());
    assert!(h.state().window_title().contains('●'), "unsaved");

    // One more click links it as the cell's evidence.
    h.get_by_label_contains("Lier comme preuve de la cellule")
        .click();
    settle(&mut h);
    let linked = |h: &Harness<'_, App>| {
        h.state().session().assessments[&cell]
            .evidence
            .contains(&position.id)
    };
    assert!(linked(&h));

    // Undo the link and the position, redo both.
    ctrl(&mut h, Key::Z);
    ctrl(&mut h, Key::Z);
    assert!(made(&h).is_none());
    assert_eq!(h.state().session().dossier.positions.len(), before);
    ctrl(&mut h, Key::Y);
    ctrl(&mut h, Key::Y);
    assert_eq!(made(&h).as_ref(), Some(&position));
    assert!(linked(&h));

    // Saved with the session, and read back.
    ctrl(&mut h, Key::S);
    settle(&mut h);
    let saved = visavis::persist::load(&file).unwrap().session;
    assert_eq!(saved.dossier.position(&position.id), Some(&position));
    assert!(saved.assessments[&cell].evidence.contains(&position.id));
    assert!(saved.dossier.validate().is_empty());
}

#[test]
fn the_documents_folder_chosen_for_a_dossier_is_read_and_remembered_and_a_pick_cites_a_measure() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: the seed texts are not beside the repository");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("analyse.ron");
    // The first source's document under a name found in no default folder.
    let mut session = visavis::persist::load(&example()).unwrap().session;
    let renamed = "document-renomme.txt";
    let original = session.dossier.sources[0]
        .file
        .replace(renamed.to_owned())
        .unwrap();
    let source = session.dossier.sources[0].id.clone();
    visavis::persist::save(&session, &file).unwrap();
    let documents = data.path().join("documents");
    std::fs::create_dir(&documents).unwrap();
    std::fs::copy(seeds.join(original), documents.join(renamed)).unwrap();
    // The others beside the session.
    for s in &session.dossier.sources[1..] {
        let name = s.file.as_ref().unwrap();
        std::fs::copy(seeds.join(name), data.path().join(name)).unwrap();
    }

    let mut h = window(data.path(), Some(file.clone()));
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    assert!(h.query_by_label_contains("sans texte source").is_some());
    h.state_mut().open_reader(source.as_str(), None);
    settle(&mut h);
    assert!(!h.state().is_reader_open(), "nothing to read yet");

    h.state_mut()
        .set_file_picker(visavis::ui::FilePicker::Fixed(documents.clone()));
    h.state_mut().command(visavis::ui::Command::SourcesFolder);
    settle(&mut h);
    assert_eq!(
        h.state().prefs().sources_folders.get(&session.dossier.id),
        Some(&documents),
        "remembered for this dossier"
    );
    assert!(
        h.query_by_label_contains("sans texte source").is_none(),
        "every document is read now"
    );
    h.state_mut().open_reader(source.as_str(), None);
    settle(&mut h);
    assert!(h.state().is_reader_open());

    // A selection cited for the selected cell's measure.
    let text = visavis::sources::SourceText::new(
        visavis::sources::extract(&documents.join(renamed)).unwrap(),
    );
    let p = 3.min(text.extracted().paragraphs.len() - 1);
    let chars = text.extracted().paragraphs[p].text.chars().count().min(30);
    select_in_reader(&mut h, p, 0..chars);
    h.get_by_label("Citer pour la mesure…").click();
    h.run_steps(2);
    h.get_by_label("Ajouter la citation").click();
    settle(&mut h);
    let measure = &h.state().session().dossier.measures[0];
    let added = measure.citations.last().unwrap();
    assert_eq!(added.source, source);
    assert!(text.verify(&added.excerpt).is_verified());
    assert_eq!(added.location.as_deref(), Some(&*format!("§ {}", p + 1)));
    assert_eq!(
        measure.citations.len(),
        session.dossier.measures[0].citations.len() + 1
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().session().dossier.measures[0],
        session.dossier.measures[0],
        "undone"
    );
}

/// Type `text` into the text field labelled `label`.
fn fill(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(3);
}

/// Click the first widget labelled `label` (a tab and a heading may share their words).
fn click_first(h: &mut Harness<'_, App>, label: &str) {
    h.query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no {label}"))
        .click();
    h.run_steps(3);
}

#[test]
fn a_dossier_is_built_from_nothing_in_the_window_tagged_saved_reopened_and_undone_to_empty() {
    let data = tempfile::tempdir().unwrap();
    let documents = data.path().join("documents");
    std::fs::create_dir(&documents).unwrap();
    std::io::Write::write_all(
        &mut std::fs::File::create(documents.join("annonce.txt")).unwrap(),
        "Mesure 1 : revaloriser les métiers du soin de 183 euros par mois.\n\n\
         Nous saluons une avancée historique pour les soignants.\n"
            .as_bytes(),
    )
    .unwrap();
    let mut h = window(data.path(), None);
    h.state_mut().command(visavis::ui::Command::NewDossier);
    settle(&mut h);
    assert!(h.state().session().dossier.measures.is_empty());

    // A pillar, a stakeholder and a source, in the editor.
    click_first(&mut h, "Ajouter");
    fill(&mut h, "Intitulé", "Revaloriser les métiers");
    click_first(&mut h, "Parties prenantes");
    click_first(&mut h, "Ajouter");
    fill(&mut h, "Nom court", "FHF");
    click_first(&mut h, "Sources");
    click_first(&mut h, "Ajouter");
    fill(&mut h, "Intitulé", "Annonce du gouvernement");
    fill(
        &mut h,
        "Fichier du document (relatif au dossier des documents)",
        "annonce.txt",
    );
    click_first(&mut h, "Mesures");
    {
        let d = &h.state().session().dossier;
        assert_eq!(
            (d.pillars.len(), d.stakeholders.len(), d.sources.len()),
            (1, 1, 1)
        );
        assert_eq!(d.sources[0].file.as_deref(), Some("annonce.txt"));
    }
    h.state_mut()
        .set_file_picker(visavis::ui::FilePicker::Fixed(documents.clone()));
    h.state_mut().command(visavis::ui::Command::SourcesFolder);
    settle(&mut h);
    let source = h.state().session().dossier.sources[0].id.clone();

    // A measure from the first paragraph of the document.
    h.state_mut().open_reader(source.as_str(), None);
    settle(&mut h);
    assert!(h.state().is_reader_open(), "the document was read");
    select_in_reader(&mut h, 0, 0..40);
    h.get_by_label("Nouvelle mesure…").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Intitulé")
        .type_text("Revalorisation de 183 euros");
    h.run_steps(2);
    h.get_by_label("Créer la mesure").click();
    settle(&mut h);
    assert_eq!(h.state().session().dossier.measures.len(), 1);

    // A position of the stakeholder from the second, linked as the cell's evidence.
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    select_in_reader(&mut h, 1, 0..20);
    h.get_by_label("Nouvelle position…").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Intitulé")
        .type_text("Une avancée historique");
    h.run_steps(2);
    h.get_by_label("Créer la position").click();
    settle(&mut h);
    h.get_by_label_contains("Lier comme preuve de la cellule")
        .click();
    settle(&mut h);
    h.state_mut()
        .command(visavis::ui::Command::SetStance(Stance::Agreement));
    settle(&mut h);
    let cell = first_cell(h.state());
    assert_eq!(h.state().session().stance(&cell), Some(Stance::Agreement));
    assert!(h.state().session().dossier.validate().is_empty());

    // Saved, and read back as it is.
    let file = data.path().join("nouveau.ron");
    h.state_mut()
        .set_file_picker(visavis::ui::FilePicker::Fixed(file.clone()));
    ctrl(&mut h, Key::S);
    settle(&mut h);
    let saved = visavis::persist::load(&file).unwrap().session;
    assert_eq!(saved.dossier, h.state().session().dossier);
    assert_eq!(saved.stance(&cell), Some(Stance::Agreement));
    assert_eq!(
        saved.assessments[&cell].evidence.iter().next(),
        Some(&saved.dossier.positions[0].id)
    );
    // Reopened in a new window: the same dossier, the cell tagged and backed by its quote.
    {
        let mut again = window(data.path(), Some(file.clone()));
        settle(&mut again);
        assert_eq!(again.state().session().dossier, saved.dossier);
        assert_eq!(
            again.state().session().stance(&cell),
            Some(Stance::Agreement)
        );
        assert!(
            again
                .query_all_by_label_contains("Revalorisation de 183 euros")
                .next()
                .is_some(),
            "the measure is a row of the grid"
        );
    }

    // Every step undone, back to the empty dossier.
    for _ in 0..40 {
        ctrl(&mut h, Key::Z);
    }
    assert_eq!(
        h.state().session().dossier,
        visavis::model::Dossier::empty()
    );
    assert!(h.state().session().assessments.is_empty());
}

#[test]
fn a_dossier_drafted_from_a_folder_is_reviewed_then_opens_as_a_new_session() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("reforme");
    std::fs::create_dir_all(folder.join("FHF")).unwrap();
    for (name, text) in [
        (
            "annonce-2020-07-21.txt",
            "Les annonces du gouvernement.\n\n1) Revaloriser les salaires.\n",
        ),
        ("FHF/communique.txt", "La FHF salue les annonces.\n"),
    ] {
        std::io::Write::write_all(
            &mut std::fs::File::create(folder.join(name)).unwrap(),
            text.as_bytes(),
        )
        .unwrap();
    }
    let mut h = window(data.path(), None);
    h.state_mut()
        .set_file_picker(visavis::ui::FilePicker::Fixed(folder.clone()));
    h.state_mut()
        .command(visavis::ui::Command::DossierFromFolder);
    settle(&mut h);
    assert!(
        h.query_by_label("Créer la session").is_some(),
        "the proposals are shown before anything is created"
    );
    assert_eq!(
        h.state().session().dossier.id,
        "segur-2020",
        "nothing created yet"
    );
    h.get_by_label("Créer la session").click();
    settle(&mut h);
    let d = &h.state().session().dossier;
    assert_eq!(d.sources.len(), 2);
    assert_eq!(d.stakeholders.len(), 1);
    assert_eq!(d.stakeholders[0].name, "FHF");
    assert!(d.validate().is_empty());
    assert_eq!(
        h.state().prefs().sources_folders.get(&d.id),
        Some(&folder),
        "its documents are read from the folder it was drafted from"
    );
}

#[test]
fn a_draft_with_two_look_alike_sources_is_created_only_once_one_is_dropped() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("reforme");
    std::fs::create_dir_all(&folder).unwrap();
    for name in ["annonce-2020-07-21.txt", "annonce-2020-07-21.md"] {
        std::io::Write::write_all(
            &mut std::fs::File::create(folder.join(name)).unwrap(),
            b"Les annonces du gouvernement.\n",
        )
        .unwrap();
    }
    let mut h = window(data.path(), None);
    h.state_mut()
        .set_file_picker(visavis::ui::FilePicker::Fixed(folder.clone()));
    h.state_mut()
        .command(visavis::ui::Command::DossierFromFolder);
    settle(&mut h);
    assert!(
        h.query_by_label_contains("même titre et même date")
            .is_some(),
        "the look-alikes are named"
    );
    assert!(
        h.get_by_label("Créer la session")
            .accesskit_node()
            .is_disabled(),
        "nothing can be created while two sources look alike"
    );
    h.get_by_label("Garder\u{a0}: annonce-2020-07-21.txt")
        .click();
    settle(&mut h);
    h.get_by_label("Créer la session").click();
    settle(&mut h);
    assert_eq!(h.state().session().dossier.sources.len(), 1);
}

#[test]
fn updating_the_dossier_flags_the_cells_of_a_changed_measure_and_keeps_every_assessment() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("analyse.ron");
    std::fs::copy(example(), &file).unwrap();
    let before = visavis::persist::load(&file).unwrap().session;
    let mut dossier = before.dossier.clone();
    dossier.measures[0].title.push_str(" (texte révisé)");
    let new = data.path().join("dossier-v2.ron");
    visavis::persist::save_dossier(&dossier, &new).unwrap();
    let mut h = window(data.path(), Some(file.clone()));
    h.state_mut()
        .set_file_picker(visavis::ui::FilePicker::Fixed(new.clone()));
    h.state_mut().command(visavis::ui::Command::UpdateDossier);
    settle(&mut h);
    let after = h.state().session();
    assert_eq!(after.dossier, dossier);
    assert_eq!(
        after.assessments.len(),
        before.assessments.len(),
        "nothing lost"
    );
    let changed = &before.dossier.measures[0].id;
    for (cell, a) in &after.assessments {
        let flagged = a.is_flagged(visavis::model::ReviewReason::Revisit);
        assert_eq!(flagged, &cell.measure == changed, "{cell}");
    }
    assert!(h.state().window_title().contains('●'), "to be saved");
    assert!(h.query_by_label_contains("Dossier mis à jour").is_some());
}

#[test]
fn a_synthesis_typed_in_the_detail_panel_is_one_undo_step() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    h.get_by_label_contains("Synthèses").click();
    settle(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, "Synthèse du dossier")
        .focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::MultilineTextInput, "Synthèse du dossier")
        .type_text("Une réforme d’abord salariale.");
    settle(&mut h);
    assert_eq!(
        h.state().session().syntheses.dossier(),
        Some("Une réforme d’abord salariale.")
    );
    assert!(h.state().window_title().contains('●'));
    h.get_by_label_contains("Synthèses").click();
    settle(&mut h);
    ctrl(&mut h, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().session().syntheses.dossier(), None);
}

#[test]
fn the_points_of_friction_filter_keeps_the_measures_that_split_the_stakeholders() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), None);
    // A gap and an agreement on the first measure, an agreement alone on the second.
    for (stakeholder, stance) in [(0, Stance::Gap), (1, Stance::Agreement)] {
        h.state_mut().set_selection(visavis::view::Selection {
            measure: 0,
            stakeholder,
        });
        settle(&mut h);
        h.state_mut()
            .command(visavis::ui::Command::SetStance(stance));
        settle(&mut h);
    }
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 1,
        stakeholder: 0,
    });
    settle(&mut h);
    h.state_mut()
        .command(visavis::ui::Command::SetStance(Stance::Agreement));
    settle(&mut h);
    h.get_by_role_and_label(Role::CheckBox, "Points de friction")
        .click();
    settle(&mut h);
    assert_eq!(measures_shown(h.state()), 1, "only the measure that splits");
    assert!(h.state().rows().contains(&Row::Measure(0)));
}

#[test]
fn the_heatmap_counts_the_example_and_a_click_filters_the_grid_to_its_box() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    settle(&mut h);
    h.state_mut().command(visavis::ui::Command::ToggleHeatmap);
    settle(&mut h);
    let d = h.state().session().dossier.clone();
    let pillar = |i: usize| d.pillars[i].title.clone();
    // Counted by hand in saves/segur-analyse-exemple.ron: Uniopss has 2 partial and 5 silent
    // cells in pillar 1, 1 agreement, 7 partial, 2 silent in pillar 4; the CNOM 1 partial, 1 gap
    // and 5 silent in pillar 1; 34 cells each overall.
    for label in [
        format!("Uniopss × {}: 2 Partiel, 5 Silence", pillar(0)),
        format!("Uniopss × {}: 1 Accord, 7 Partiel, 2 Silence", pillar(3)),
        format!("CNOM × {}: 1 Partiel, 1 Écart, 5 Silence", pillar(0)),
        "Uniopss × Ensemble: 1 Accord, 17 Partiel, 16 Silence".to_owned(),
    ] {
        assert!(h.query_by_label(&label).is_some(), "no box {label}");
    }
    h.get_by_label(&format!(
        "CNOM × {}: 1 Partiel, 1 Écart, 5 Silence",
        pillar(0)
    ))
    .click();
    settle(&mut h);
    let cnom = d
        .stakeholders
        .iter()
        .position(|s| s.name == "CNOM")
        .unwrap();
    let shown: Vec<usize> = (0..d.stakeholders.len())
        .filter(|s| !h.state().filters().hidden_stakeholders.contains(s))
        .collect();
    assert_eq!(shown, [cnom], "only the CNOM's column");
    let rows: Vec<&Row> = h
        .state()
        .rows()
        .iter()
        .filter(|r| matches!(r, Row::Measure(_)))
        .collect();
    assert_eq!(rows.len(), 7, "the seven measures of pillar 1");
    assert!(
        rows.iter()
            .all(|r| matches!(r, Row::Measure(m) if d.measures[*m].pillar == d.pillars[0].id))
    );
    // The box filtered to is clicked again: everything is shown.
    h.get_by_label(&format!(
        "CNOM × {}: 1 Partiel, 1 Écart, 5 Silence",
        pillar(0)
    ))
    .click();
    settle(&mut h);
    assert!(h.state().filters().hidden_stakeholders.is_empty());
    assert!(h.state().filters().hidden_pillars.is_empty());
    assert!(
        h.state().prefs().heatmap.shown,
        "the choice is a preference"
    );
}

#[test]
fn print_writes_the_html_report_in_the_data_folder_and_opens_it_in_the_browser() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("analyse.ron");
    std::fs::copy(example(), &file).unwrap();
    let mut h = window(data.path(), Some(file));
    h.state_mut()
        .set_launcher(visavis::ui::Launcher::Record(Vec::new()));
    ctrl(&mut h, Key::P);
    settle(&mut h);
    let printed = data.path().join("print/analyse-rapport.html");
    assert_eq!(
        h.state().launched(),
        std::slice::from_ref(&printed),
        "opened once"
    );
    let html = std::fs::read_to_string(&printed).unwrap();
    assert!(
        html.contains("<h1>Ségur de la santé (2020)</h1>"),
        "the report"
    );
    assert!(html.contains("id=\"detail\""), "with the detail");
    assert!(
        h.query_by_label_contains("Rapport ouvert dans le navigateur")
            .is_some(),
        "the status bar says where it went"
    );
    let before: Vec<_> = std::fs::read_dir(data.path()).unwrap().collect();
    // Printed again: the same file, rewritten, and nothing beside the session.
    h.state_mut().command(visavis::ui::Command::Print);
    settle(&mut h);
    assert_eq!(h.state().launched().len(), 2);
    assert_eq!(
        std::fs::read_dir(data.path()).unwrap().count(),
        before.len()
    );
}

#[test]
fn a_suggestion_is_linked_or_dismissed_with_a_click_and_undone() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    let cell = first_cell(h.state());
    let before = h.state().session().assessments[&cell].clone();
    assert!(
        h.query_by_label("Suggestions").is_some(),
        "the cell has suggestions"
    );

    // Link the first suggested position: one more piece of evidence, undone by Ctrl+Z.
    h.get_all_by_label("Lier comme preuve")
        .next()
        .expect("a position")
        .scroll_to_me();
    settle(&mut h);
    h.get_all_by_label("Lier comme preuve")
        .next()
        .unwrap()
        .click();
    settle(&mut h);
    let linked = h.state().session().assessments[&cell].evidence.len();
    assert_eq!(linked, before.evidence.len() + 1, "linked as evidence");
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session().assessments[&cell], before, "undone");

    // Dismiss the first suggestion: remembered in the session, not offered again, undone.
    let shown = h.get_all_by_label("Écarter").count();
    h.get_all_by_label("Écarter").next().unwrap().scroll_to_me();
    settle(&mut h);
    h.get_all_by_label("Écarter").next().unwrap().click();
    settle(&mut h);
    let a = &h.state().session().assessments[&cell];
    assert_eq!(a.dismissed.len(), 1, "remembered in the session");
    assert_eq!(a.evidence, before.evidence, "dismissing links nothing");
    let after = h.get_all_by_label("Écarter").count();
    assert!(
        after < shown || shown == 5,
        "the dismissed one is gone ({shown} then {after})"
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().session().assessments[&cell], before, "undone");
}

#[test]
fn an_unanswered_proposal_names_the_measures_it_may_speak_to_and_a_click_opens_the_cell() {
    let data = tempfile::tempdir().unwrap();
    let mut h = window(data.path(), Some(example()));
    h.state_mut().set_selection(visavis::view::Selection {
        measure: 0,
        stakeholder: 0,
    });
    settle(&mut h);
    h.get_all_by_label_contains("Autres positions de la partie prenante")
        .next()
        .expect("the other positions")
        .scroll_to_me();
    settle(&mut h);
    h.get_all_by_label_contains("Autres positions de la partie prenante")
        .next()
        .unwrap()
        .click();
    settle(&mut h);
    let hints = h.query_all_by_label_contains("pourrait concerner").count();
    assert!(hints > 0, "the Uniopss has proposals no measure answers");
    // The first measure named under the first such proposal: a click selects its cell.
    let d = h.state().session().dossier.clone();
    let named = d
        .measures
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, m)| {
            h.query_all_by_role_and_label(Role::Button, &m.title)
                .next()
                .is_some()
        })
        .map(|(i, m)| (i, m.title.clone()))
        .expect("a measure named as a button");
    h.get_all_by_role_and_label(Role::Button, &named.1)
        .next()
        .unwrap()
        .scroll_to_me();
    settle(&mut h);
    h.get_all_by_role_and_label(Role::Button, &named.1)
        .next()
        .unwrap()
        .click();
    settle(&mut h);
    assert_eq!(
        h.state().selection(),
        Some(visavis::view::Selection {
            measure: named.0,
            stakeholder: 0
        })
    );
}
