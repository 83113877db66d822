//! `visavis dossier diff` and `visavis dossier update`, run as a user runs them, on a copy of the
//! Ségur dossier with one measure reworded, one removed, one added and one given a new id, and
//! the example analysis carried over to it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use visavis::model::{
    Assessment, CellId, Citation, Dossier, DossierChange, Measure, MeasureId, ReviewOrigin,
    ReviewReason,
};
use visavis::persist::{self, Origin};

const REWORDED: &str = "revalorisations-salariales";
const REMOVED: &str = "temps-de-travail-hopital";
const RENAMED: &str = "formation-paramedicaux";
const NEW_ID: &str = "paramedicaux-formes";
const ADDED: &str = "sante-numerique-territoires";

fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn visavis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(args)
        .output()
        .expect("visavis runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The Ségur dossier with the four changes of this file.
fn new_version() -> Dossier {
    let loaded = persist::load(&repo_file("assets/segur-2020.ron")).expect("the dossier loads");
    let mut d = loaded.session.dossier;
    let m = d
        .measures
        .iter_mut()
        .find(|m| m.id.as_str() == REWORDED)
        .expect("the measure to reword");
    m.title = "Accords du Ségur : revalorisations des salaires".into();
    m.summary = m.summary.replace("sont annoncés", "sont engagés");
    d.measures.retain(|m| m.id.as_str() != REMOVED);
    for m in &mut d.measures {
        if m.id.as_str() == RENAMED {
            m.id = NEW_ID.into();
        }
    }
    for p in &mut d.positions {
        p.measures.retain(|m| m.as_str() != REMOVED);
        for m in &mut p.measures {
            if m.as_str() == RENAMED {
                *m = NEW_ID.into();
            }
        }
    }
    d.measures.push(Measure {
        id: ADDED.into(),
        pillar: "p4".into(),
        pillar_inferred: true,
        title: "Télésanté dans les territoires".into(),
        summary: "Un fonds pour la téléconsultation en zones rurales.".into(),
        figures: vec![],
        citations: vec![Citation {
            source: "segur-fruits".into(),
            excerpt: "Le déploiement de la télésanté.".into(),
            location: None,
        }],
    });
    assert_eq!(d.validate(), vec![], "the new version is a sound dossier");
    d
}

/// A folder with a copy of the example session and the new version of its dossier.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = dir.path().join("analyse.ron");
    fs::copy(repo_file("saves/segur-analyse-exemple.ron"), &session).expect("copy");
    let new = dir.path().join("segur-v2.ron");
    persist::save_dossier(&new_version(), &new).expect("save the new version");
    (dir, session, new)
}

/// Write a file that is no session as it is, not through `persist`.
#[allow(clippy::disallowed_methods)]
fn write_file(path: &Path, contents: &str) {
    fs::write(path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn diff_names_each_change_with_its_word_diff_and_the_rename() {
    let (_dir, session, new) = workspace();
    let out = visavis(&["dossier", "diff", s(&session), s(&new)]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    for expected in [
        format!("measure \"{REWORDED}\": changed (title, summary)"),
        "  title: Accords du Ségur : revalorisations [-salariales-]{+des salaires+}".to_owned(),
        "  summary: … santé et des EHPAD ; 8,2 Md€ sont [-annoncés-]{+engagés+} en \
         fonctionnement des hôpitaux et revalorisations salariales. D’après …"
            .to_owned(),
        format!("measure \"{RENAMED}\" → \"{NEW_ID}\": renamed (matched by similarity 1.00)"),
        format!("measure \"{REMOVED}\": removed (\"Révision du temps de travail à l’hôpital\")"),
        format!("measure \"{ADDED}\": added (\"Télésanté dans les territoires\")"),
        "summary: measures 31 unchanged, 1 changed, 1 renamed, 1 added, 1 removed; sources 0 \
         added, 0 removed, 0 changed; pillars 0 added, 0 removed, 0 changed; stakeholders 0 \
         added, 0 removed, 0 changed; positions 0 added, 0 removed, "
            .to_owned(),
    ] {
        assert!(stdout.contains(&expected), "no {expected:?} in:\n{stdout}");
    }
    let positions = stdout
        .lines()
        .find(|l| l.starts_with("positions: changed "))
        .unwrap_or_else(|| panic!("the relinked positions are named:\n{stdout}"));
    assert!(!positions.contains("added") && !positions.contains("removed"));

    let same = visavis(&["dossier", "diff", s(&session), s(&session)]);
    assert_eq!(same.status.code(), Some(0));
    assert!(text(&same.stdout).contains("no differences"));
}

#[test]
fn diff_of_a_file_that_is_no_dossier_fails_with_its_reason() {
    let (dir, session, _) = workspace();
    let notes = dir.path().join("notes.md");
    write_file(&notes, "# Notes\n\nRien ici.\n");
    let out = visavis(&["dossier", "diff", s(&session), s(&notes)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("notes.md:1:1"),
        "{}",
        text(&out.stderr)
    );
    let missing = visavis(&[
        "dossier",
        "diff",
        s(&dir.path().join("absent.ron")),
        s(&session),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("absent.ron"));
}

fn serialised(a: &Assessment) -> String {
    ron::to_string(a).expect("an assessment serialises")
}

#[test]
fn update_carries_every_assessment_over() {
    let (dir, session, new) = workspace();
    let output = dir.path().join("analyse-v2.ron");
    let out = visavis(&["dossier", "update", s(&session), s(&new), "-o", s(&output)]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains(
            "93 cells unchanged, 6 to review (3 moved to a renamed measure), 3 orphaned, 3 new cells"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "to review: {NEW_ID} × uniopss: dossier update: measure renamed"
        )),
        "{stdout}"
    );

    let before = persist::load(&session).expect("the session").session;
    let loaded = persist::load(&output).expect("the updated session loads");
    assert_eq!(loaded.origin, Origin::Session);
    let after = loaded.session;
    assert_eq!(after.dossier, new_version());
    assert_eq!(after.analyst, before.analyst);
    let stakeholders: Vec<_> = before
        .dossier
        .stakeholders
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let day = &after.modified[..10];

    for (cell, a) in &before.assessments {
        match cell.measure.as_str() {
            REWORDED => {
                let b = &after.assessments[cell];
                assert_eq!(
                    b.review[&ReviewReason::Revisit],
                    ReviewOrigin::DossierUpdate {
                        changes: vec![DossierChange::MeasureReworded]
                    },
                    "{cell}"
                );
                assert_eq!(
                    b.note,
                    format!(
                        "{}\nMise à jour du dossier ({day}) : intitulé et résumé modifiés.",
                        a.note
                    )
                    .trim_start()
                );
                assert_eq!(
                    (b.stance, &b.evidence, &b.labels, &b.author, &b.modified),
                    (a.stance, &a.evidence, &a.labels, &a.author, &a.modified)
                );
            }
            RENAMED => {
                assert!(!after.assessments.contains_key(cell), "{cell} moved");
                let moved = CellId::new(NEW_ID, cell.stakeholder.clone());
                let b = &after.assessments[&moved];
                assert_eq!(
                    b.review[&ReviewReason::Revisit],
                    ReviewOrigin::DossierUpdate {
                        changes: vec![DossierChange::MeasureRenamed(RENAMED.into())]
                    }
                );
                assert!(b.note.starts_with(a.note.as_str()));
                assert!(b.note.ends_with(&format!(
                    "Mise à jour du dossier ({day}) : identifiant de la mesure changé (ancien : « {RENAMED} »)."
                )));
                assert_eq!((b.stance, &b.evidence), (a.stance, &a.evidence));
            }
            _ => assert_eq!(
                serialised(&after.assessments[cell]),
                serialised(a),
                "{cell}: byte-identical"
            ),
        }
    }
    let orphans: Vec<&CellId> = after.orphans().map(|(c, _)| c).collect();
    let mut removed: Vec<CellId> = stakeholders
        .iter()
        .map(|s| CellId::new(REMOVED, s.clone()))
        .collect();
    removed.sort();
    assert_eq!(orphans, removed.iter().collect::<Vec<_>>());
    assert!(
        fs::read_to_string(&output)
            .expect("read")
            .contains(&format!("measure: \"{REMOVED}\"")),
        "the orphans are in the file"
    );
    let added = MeasureId::from(ADDED);
    assert_eq!(
        after.assessments_of(&added).count(),
        0,
        "new cells, unassessed"
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains(REMOVED)),
        "loading reports the orphans"
    );
}

fn refused(dir: &Path, session: &Path, new: &Path, output: &Path) -> String {
    let before: Vec<PathBuf> = listing(dir);
    let session_bytes = fs::read(session).expect("read");
    let out = visavis(&["dossier", "update", s(session), s(new), "-o", s(output)]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.is_empty());
    assert_eq!(listing(dir), before, "nothing written");
    assert_eq!(fs::read(session).expect("read"), session_bytes);
    stderr
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn update_refuses_what_is_not_a_dossier_and_never_writes_over_an_input() {
    let (dir, session, new) = workspace();
    let output = dir.path().join("analyse-v2.ron");

    let notes = dir.path().join("notes.md");
    write_file(&notes, "# Notes\n");
    let stderr = refused(dir.path(), &session, &notes, &output);
    assert!(stderr.contains("notes.md:1:1"), "{stderr}");

    let mut broken = new_version();
    broken.positions[0].measures.push("mesure-inconnue".into());
    let broken_path = dir.path().join("casse.ron");
    persist::save_dossier(&broken, &broken_path).expect("save");
    let stderr = refused(dir.path(), &session, &broken_path, &output);
    assert!(
        stderr.contains("mesure-inconnue"),
        "the validator's problem: {stderr}"
    );

    let stderr = refused(dir.path(), &session, &new, &session);
    assert!(stderr.contains("one of the command's inputs"), "{stderr}");
    let stderr = refused(dir.path(), &session, &new, &new);
    assert!(stderr.contains("one of the command's inputs"), "{stderr}");

    let dossier_as_session = refused(dir.path(), &new, &session, &output);
    assert!(
        dossier_as_session.contains("a dossier, not a session"),
        "{dossier_as_session}"
    );
}

#[test]
fn a_session_given_as_the_new_dossier_gives_its_dossier() {
    let (dir, session, new) = workspace();
    let other = dir.path().join("collegue.ron");
    let mut colleague = persist::load(&session).expect("load").session;
    colleague.dossier = new_version();
    colleague.assessments.clear();
    persist::save(&colleague, &other).expect("save");
    let output = dir.path().join("analyse-v2.ron");
    let out = visavis(&[
        "dossier",
        "update",
        s(&session),
        s(&other),
        "-o",
        s(&output),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("its dossier is taken"));
    let after = persist::load(&output).expect("load").session;
    assert_eq!(
        after.dossier,
        persist::load(&new).expect("load").session.dossier
    );
    assert_eq!(after.assessments.len(), 102);
}
