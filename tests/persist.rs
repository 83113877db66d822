//! Session files as an analyst lives with them: open, save, reopen, migrate, recover, and what
//! happens when a save fails or the program is killed. One test binary; the property tests, the
//! malformed fixtures, the command line, the crash test and the fuzz corpus replay are its
//! modules.

#[path = "common/arbitrary.rs"]
mod arbitrary;
#[path = "persist/cli.rs"]
mod cli;
#[path = "persist/corpus.rs"]
mod corpus;
#[path = "persist/crash.rs"]
mod crash;
#[path = "persist/format3.rs"]
mod format3;
#[path = "persist/malformed.rs"]
mod malformed;
#[path = "persist/messages.rs"]
mod messages;
#[path = "persist/props.rs"]
mod props;
#[path = "persist/targets.rs"]
mod targets;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use visavis::model::{Assessment, CellId, EvidenceSet, ReviewOrigin, ReviewReason, Stance};
use visavis::persist::{self, LoadError, Origin, recovery};

/// A file of the repository.
fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn example_session_path() -> PathBuf {
    repo_file("saves/segur-analyse-exemple.ron")
}

/// The small canonical session the fixtures are derived from: two measures, two stakeholders.
fn small_session_path() -> PathBuf {
    repo_file("tests/fixtures/small-session.ron")
}

/// Write a hand-made (often deliberately damaged) file as it is, not through `persist`.
#[allow(clippy::disallowed_methods)]
fn write_file(path: &Path, contents: impl AsRef<[u8]>) {
    fs::write(path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn load_ok(path: &Path) -> persist::Loaded {
    persist::load(path).unwrap_or_else(|e| panic!("{e}"))
}

/// Every file in `dir` whose name starts with `.` (our temporaries are hidden files).
fn hidden_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the test folder is readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn an_assessment(stance: Stance, note: &str) -> Assessment {
    Assessment {
        stance: Some(stance),
        note: note.to_owned(),
        evidence: EvidenceSet::default(),
        labels: BTreeSet::new(),
        review: BTreeMap::new(),
        dismissed: BTreeSet::new(),
        author: "Camille".into(),
        modified: "2026-01-07T10:00:00Z".into(),
    }
}

/// The example is format 2 until someone rewrites it with `visavis fmt`: either way it loads,
/// its "à vérifier" labels are review flags, and its format 3 text is stable from the first save.
#[test]
fn the_example_session_loads_and_saves_back_to_stable_bytes() {
    let path = example_session_path();
    let bytes = fs::read(&path).expect("the example session is in the repository");
    let loaded = load_ok(&path);
    let text = persist::to_ron(&loaded.session).expect("encodes");
    assert_eq!(
        loaded.origin,
        Origin::Session,
        "the example is in the current format"
    );
    assert!(
        text.as_bytes() == bytes.as_slice(),
        "saving the example session changes its bytes"
    );
    let s = &loaded.session;
    assert!(
        s.assessments
            .values()
            .all(|a| !a.labels.contains("à vérifier")),
        "the label became a flag"
    );
    assert_eq!(s.flagged(ReviewReason::Check).count(), 10);

    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("copy.ron");
    persist::save(s, &copy).expect("saves");
    assert!(fs::read(&copy).expect("saved") == text.as_bytes());
    let again = load_ok(&copy);
    assert_eq!(again.origin, Origin::Session);
    assert_eq!(&again.session, s);
    assert_eq!(persist::to_ron(&again.session).expect("encodes"), text);
}

#[test]
fn the_small_fixture_session_is_in_canonical_form() {
    let path = small_session_path();
    let text = fs::read_to_string(&path).expect("fixture");
    let loaded = load_ok(&path);
    assert_eq!(persist::to_ron(&loaded.session).expect("encodes"), text);
}

#[test]
fn a_bare_dossier_opens_as_a_new_empty_session() {
    let loaded = load_ok(&repo_file("assets/segur-2020.ron"));
    assert_eq!(loaded.origin, Origin::Dossier);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let s = &loaded.session;
    assert_eq!(s.dossier, persist::default_dossier());
    assert!(s.assessments.is_empty());
    assert_eq!(s.analyst, "");
    assert_eq!(s.created, s.modified);
    assert!(
        s.created.starts_with("20") && s.created.ends_with('Z'),
        "a new session is stamped now: {}",
        s.created
    );
}

#[test]
fn a_bare_dossier_stamps_the_new_session_with_the_given_time() {
    let bytes = fs::read(repo_file("assets/segur-2020.ron")).expect("asset");
    let loaded = persist::load_bytes(&bytes, Path::new("segur-2020.ron"), "2026-02-03T04:05:06Z")
        .expect("loads");
    assert_eq!(loaded.session.created, "2026-02-03T04:05:06Z");
    assert_eq!(loaded.session.modified, "2026-02-03T04:05:06Z");
}

#[test]
fn orphan_cells_are_kept_reported_and_saved_back_unchanged() {
    let mut session = load_ok(&small_session_path()).session;
    let unknown_measure = CellId::new("mesure-retiree", "a");
    let unknown_stakeholder = CellId::new("m1", "acteur-disparu");
    session.assessments.insert(
        unknown_measure.clone(),
        an_assessment(Stance::Gap, "La mesure a disparu du dossier."),
    );
    session.assessments.insert(
        unknown_stakeholder.clone(),
        an_assessment(Stance::Partial, "L’acteur a disparu."),
    );
    let text = persist::to_ron(&session).expect("encodes");

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("orphelins.ron");
    persist::save(&session, &path).expect("saves");

    let loaded = load_ok(&path);
    assert_eq!(loaded.origin, Origin::Session);
    assert_eq!(loaded.session, session, "nothing is dropped");
    let orphans: Vec<_> = loaded.session.orphans().map(|(c, _)| c.clone()).collect();
    assert_eq!(orphans, vec![unknown_stakeholder, unknown_measure]);
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0]
            .to_string()
            .contains("m1 × acteur-disparu")
            && loaded.warnings[0].to_string().contains("orphan"),
        "{}",
        loaded.warnings[0]
    );
    assert!(
        loaded.warnings[1]
            .to_string()
            .contains("mesure-retiree × a"),
        "{}",
        loaded.warnings[1]
    );

    persist::save(&loaded.session, &path).expect("saves again");
    assert_eq!(fs::read_to_string(&path).expect("saved"), text);
}

#[test]
fn evidence_citing_an_unknown_position_is_kept_and_reported() {
    let mut session = load_ok(&small_session_path()).session;
    let cell = CellId::new("m1", "a");
    let a = session
        .assessments
        .get_mut(&cell)
        .expect("the fixture has m1 × a");
    a.evidence.insert("position-effacee".into());
    a.evidence.insert("b1".into()); // a position of another stakeholder
    let text = persist::to_ron(&session).expect("encodes");

    let loaded = persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now").expect("loads");
    assert_eq!(loaded.session, session);
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains("\"b1\""))
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains("\"position-effacee\""))
    );
    // A position that does not exist is said to be missing, not to be someone else's.
    let gone: Vec<String> = loaded
        .warnings
        .iter()
        .filter(|w| w.to_string().contains("\"position-effacee\""))
        .map(|w| format!("{w} | {}", w.in_lang(visavis::i18n::Lang::Fr)))
        .collect();
    assert!(
        gone.len() == 1
            && gone[0].contains("which is not in the dossier")
            && gone[0].contains("absente du dossier")
            && !gone[0].contains("that stakeholder"),
        "{gone:?}"
    );
}

#[test]
fn a_newer_format_is_refused_naming_its_version() {
    let text = fs::read_to_string(small_session_path())
        .expect("fixture")
        .replace("format: 3,", "format: 7,");
    let err = persist::load_bytes(text.as_bytes(), Path::new("futur.ron"), "now")
        .expect_err("format 7 is refused");
    let LoadError::NewerFormat {
        found,
        supported,
        at,
        ..
    } = &err
    else {
        panic!("expected NewerFormat, got {err:?}");
    };
    assert_eq!((*found, *supported), (7, persist::CURRENT_FORMAT));
    assert_eq!((at.line, at.col), (2, 2));
    let message = err.to_string();
    assert!(
        message.starts_with("futur.ron:2:2: ")
            && message.contains("format 7")
            && message.contains("update Vis-à-vis"),
        "{message}"
    );
}

#[test]
fn a_format_1_session_is_migrated_to_the_current_format() {
    let path = repo_file("tests/fixtures/format-1.ron");
    let loaded = load_ok(&path);
    assert_eq!(loaded.origin, Origin::Migrated { from: 1 });
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);

    let current = load_ok(&small_session_path()).session;
    let s = &loaded.session;
    assert_eq!(s.analyst, "Dominique");
    assert_eq!(
        s.dossier, current.dossier,
        "the dossier shape did not change"
    );
    assert_eq!(
        (s.created.as_str(), s.modified.as_str()),
        ("", ""),
        "format 1 had no times: they are unknown, not invented"
    );
    let expected: Vec<(CellId, Assessment)> = vec![
        (
            CellId::new("m1", "a"),
            Assessment {
                stance: Some(Stance::Agreement),
                note: "Salue la hausse.".to_owned(),
                evidence: ["a1".into()].into(),
                labels: BTreeSet::new(),
                review: BTreeMap::new(),
                dismissed: BTreeSet::new(),
                author: "Dominique".into(),
                modified: "".into(),
            },
        ),
        (
            CellId::new("m2", "b"),
            Assessment {
                stance: Some(Stance::Gap),
                note: "Demande \"plus\" de lits.\nÀ revoir.".to_owned(),
                evidence: ["b1".into()].into(),
                labels: BTreeSet::new(),
                review: BTreeMap::new(),
                dismissed: BTreeSet::new(),
                author: "Dominique".into(),
                modified: "".into(),
            },
        ),
    ];
    assert_eq!(
        s.assessments.clone().into_iter().collect::<Vec<_>>(),
        expected
    );

    // Saved, it is a current-format file that loads as such and is stable from then on.
    let text = persist::to_ron(s).expect("encodes");
    assert!(text.starts_with("(\n\tformat: 3,\n"), "{text}");
    let again = persist::load_bytes(text.as_bytes(), &path, "now").expect("loads");
    assert_eq!(again.origin, Origin::Session);
    assert_eq!(&again.session, s);
}

#[test]
fn a_format_2_session_is_migrated_its_review_labels_becoming_flags() {
    let path = repo_file("tests/fixtures/format-2.ron");
    let loaded = load_ok(&path);
    assert_eq!(loaded.origin, Origin::Migrated { from: 2 });
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let a = &loaded.session.assessments[&CellId::new("m2", "b")];
    assert!(a.labels.is_empty(), "{:?}", a.labels);
    assert_eq!(
        a.review,
        BTreeMap::from([(ReviewReason::Check, ReviewOrigin::Analyst { why: None })])
    );
    // The migrated session is the format 3 fixture, byte for byte once saved.
    let current = fs::read_to_string(small_session_path()).expect("fixture");
    assert_eq!(persist::to_ron(&loaded.session).expect("encodes"), current);
}

#[test]
fn only_the_exact_review_labels_of_an_old_file_become_flags() {
    let text = fs::read_to_string(repo_file("tests/fixtures/format-2.ron"))
        .expect("fixture")
        .replace(
            "\"à vérifier\",",
            "\"à vérifier\", \"à revoir\", \"À vérifier\", \"a verifier\", \"à vérifier \",",
        );
    let loaded = persist::load_bytes(text.as_bytes(), Path::new("v2.ron"), "now").expect("loads");
    let a = &loaded.session.assessments[&CellId::new("m2", "b")];
    let analyst = ReviewOrigin::Analyst { why: None };
    assert_eq!(
        a.review,
        BTreeMap::from([
            (ReviewReason::Revisit, analyst.clone()),
            (ReviewReason::Check, analyst)
        ])
    );
    let labels: Vec<&str> = a.labels.iter().map(String::as_str).collect();
    assert_eq!(labels, ["a verifier", "À vérifier", "à vérifier "]);
    // A format 3 file's labels are free: "à vérifier" written as a label stays one.
    let v3 = text.replace("format: 2,", "format: 3,");
    let loaded = persist::load_bytes(v3.as_bytes(), Path::new("v3.ron"), "now").expect("loads");
    let a = &loaded.session.assessments[&CellId::new("m2", "b")];
    assert!(a.review.is_empty() && a.labels.contains("à vérifier"));
}

#[test]
fn saving_twice_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("analyse.ron");
    let first = load_ok(&small_session_path()).session;
    let mut second = first.clone();
    second.analyst = "Camille et Dominique".into();

    persist::save(&first, &path).expect("first save");
    assert!(
        !persist::backup_path(&path).exists(),
        "nothing to keep before the first save"
    );
    persist::save(&second, &path).expect("second save");

    let bak = dir.path().join("analyse.ron.bak");
    assert_eq!(persist::backup_path(&path), bak);
    assert_eq!(load_ok(&path).session, second);
    assert_eq!(load_ok(&bak).session, first);
    assert_eq!(
        hidden_files(dir.path()),
        Vec::<String>::new(),
        "no temporary is left"
    );
}

#[test]
fn a_save_into_a_missing_folder_fails_and_touches_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier-efface").join("analyse.ron");
    let session = load_ok(&small_session_path()).session;
    let err = persist::save(&session, &path).expect_err("the folder does not exist");
    let persist::SaveError::Io { path: at, source } = &err else {
        panic!("expected an I/O error, got {err:?}");
    };
    assert_eq!(at, &path);
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert!(
        err.to_string().contains("analyse.ron: cannot save"),
        "{err}"
    );
    assert!(
        err.to_string().contains("dossier-efface does not exist")
            && !err.to_string().contains("visavis-tmp"),
        "the message names the missing folder, not our temporary file: {err}"
    );
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn a_failed_save_leaves_the_old_file_and_its_backup_intact() {
    // Permissions do not stop root, so make the save fail in a way they cannot: the session's
    // folder is replaced by a regular file (the "path gone" case).
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("travail");
    fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("analyse.ron");
    let old = load_ok(&small_session_path()).session;
    persist::save(&old, &path).expect("first save");
    let old_bytes = fs::read(&path).expect("saved");

    let mut new = old.clone();
    new.analyst = "Quelqu’un d’autre".into();
    let through_a_file = path.join("analyse.ron"); // parent is a regular file
    let err = persist::save(&new, &through_a_file).expect_err("a file is not a folder");
    assert!(matches!(err, persist::SaveError::Io { .. }), "{err:?}");
    assert!(fs::read(&path).expect("still there") == old_bytes);
    assert!(!persist::backup_path(&path).exists());
    assert_eq!(hidden_files(&folder), Vec::<String>::new());
}

#[test]
fn a_save_whose_target_is_a_folder_fails_and_leaves_the_folder_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("analyse.ron");
    fs::create_dir(&path).expect("mkdir");
    write_file(&path.join("dedans.txt"), "x");
    let session = load_ok(&small_session_path()).session;
    let err = persist::save(&session, &path).expect_err("a folder is not a session file");
    assert!(matches!(err, persist::SaveError::Io { .. }), "{err:?}");
    assert!(path.join("dedans.txt").exists());
    assert_eq!(hidden_files(dir.path()), Vec::<String>::new());
}

#[test]
fn leftover_temporaries_from_a_crash_are_cleaned_on_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("analyse.ron");
    let session = load_ok(&small_session_path()).session;
    persist::save(&session, &path).expect("first save");

    // What a save killed half-way leaves behind: its temporary, and the backup's.
    let leftovers = [
        ".analyse.ron.a1b2c3.visavis-tmp",
        ".analyse.ron.bak.d4e5f6.visavis-tmp",
    ];
    for name in leftovers {
        write_file(&dir.path().join(name), "(\n    format: 2,\n    anal");
    }
    // Files that only look alike are someone else's and stay.
    let others = [
        ".analyse.ron.swp",
        ".autre.ron.a1b2c3.visavis-tmp",
        "analyse.ron.orig",
    ];
    for name in others {
        write_file(&dir.path().join(name), "x");
    }

    persist::save(&session, &path).expect("second save");
    let mut expected = vec![".analyse.ron.swp", ".autre.ron.a1b2c3.visavis-tmp"];
    expected.sort_unstable();
    assert_eq!(hidden_files(dir.path()), expected);
    assert!(dir.path().join("analyse.ron.orig").exists());
    assert_eq!(load_ok(&path).session, session);
}

#[test]
fn a_file_whose_name_nearly_fills_the_limit_saves_with_its_backup() {
    // 244 bytes: the temporaries' names, which repeat it, must still fit in 255.
    let name = format!("{}.ron", "é".repeat(120));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(&name);
    let session = load_ok(&small_session_path()).session;
    persist::save(&session, &path).expect("first save");
    persist::save(&session, &path).expect("second save");
    assert_eq!(load_ok(&path).session, session);
    assert!(persist::backup_path(&path).exists());
    assert_eq!(hidden_files(dir.path()), Vec::<String>::new());
}

#[test]
fn a_save_after_one_killed_between_backup_and_rename_leaves_no_temporary() {
    // Killed there, a save leaves the `.bak` as a second name of the target; renaming a name
    // onto another name of the same file does nothing, which once left the backup's temporary.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("analyse.ron");
    let first = load_ok(&small_session_path()).session;
    persist::save(&first, &path).expect("first save");
    fs::hard_link(&path, persist::backup_path(&path)).expect("link");

    let mut second = first.clone();
    second.analyst = "Après l’interruption".into();
    persist::save(&second, &path).expect("save");
    assert_eq!(hidden_files(dir.path()), Vec::<String>::new());
    assert_eq!(load_ok(&path).session, second);
    assert_eq!(load_ok(&persist::backup_path(&path)).session, first);
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_target_s_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("analyse.ron");
    let session = load_ok(&small_session_path()).session;
    persist::save(&session, &path).expect("first save");
    for mode in [0o640, 0o604, 0o600] {
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
        persist::save(&session, &path).expect("save");
        let got = fs::metadata(&path).expect("meta").permissions().mode() & 0o7777;
        assert_eq!(got, mode, "mode {mode:o} became {got:o}");
        let bak = fs::metadata(persist::backup_path(&path))
            .expect("bak")
            .permissions()
            .mode()
            & 0o7777;
        assert_eq!(bak, mode, "the backup keeps the old file's mode");
    }
    // A read-only file is not replaced at all (as an editor refuses to write it).
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = fs::read(&path).expect("reads");
    let mut changed = session.clone();
    changed.analyst = "Autre".into();
    assert!(matches!(
        persist::save(&changed, &path),
        Err(persist::SaveError::ReadOnly { .. })
    ));
    assert_eq!(fs::read(&path).expect("reads"), before);
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_usual_permissions_not_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let session = load_ok(&small_session_path()).session;
    let reference = dir.path().join("reference.txt");
    fs::File::create(&reference).expect("create"); // what the umask gives a new file
    let path = dir.path().join("nouvelle.ron");
    persist::save(&session, &path).expect("save");
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&path), mode(&reference));
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real_dir = dir.path().join("vrai");
    fs::create_dir(&real_dir).expect("mkdir");
    let real = real_dir.join("analyse.ron");
    let link = dir.path().join("raccourci.ron");
    let first = load_ok(&small_session_path()).session;
    persist::save(&first, &real).expect("save");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");

    let mut second = first.clone();
    second.analyst = "Par le raccourci".into();
    persist::save(&second, &link).expect("save through the link");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(load_ok(&real).session, second);
    assert_eq!(load_ok(&persist::backup_path(&real)).session, first);
}

#[test]
fn a_note_is_written_as_typed_and_hidden_characters_are_escaped() {
    let mut session = load_ok(&small_session_path()).session;
    let cell = CellId::new("m1", "a");
    let typed = "Deux lignes :\nla « revalorisation » de 183\u{a0}€, dite \"socle\" \\ ok";
    session
        .assessments
        .insert(cell.clone(), an_assessment(Stance::Partial, typed));
    let text = persist::to_ron(&session).expect("serialises");
    assert!(
        text.contains("note: r#\"Deux lignes :\nla « revalorisation » de 183\u{a0}€"),
        "the note's line break, quotes and non-breaking space are written as typed:\n{text}"
    );
    let back = persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now").expect("loads");
    assert_eq!(back.session, session);

    // A control character would be invisible in an editor, or obeyed by a terminal.
    let sneaky = "avant\u{1b}[2Japrès\u{202e}";
    session
        .assessments
        .insert(cell, an_assessment(Stance::Partial, sneaky));
    let text = persist::to_ron(&session).expect("serialises");
    assert!(
        text.contains(r"avant\u{1b}[2Japrès\u{202e}"),
        "escaped:\n{text}"
    );
    assert!(!text.contains('\u{1b}'));
    let back = persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now").expect("loads");
    assert_eq!(back.session, session);
}

#[test]
fn cells_share_their_authors_names_and_long_ids_once_loaded() {
    // A 5,000-row session has ~75,000 cells naming a few analysts and the dossier's ids: one copy
    // of a long name or id per cell was megabytes of memory.
    let mut session = visavis::generate::session(&visavis::generate::Spec::new(40, 5));
    // Two analysts who split the work by stakeholder: their cells alternate in the file.
    let other = "Dominique Martin-Lefebvre (fédération)";
    for (cell, a) in &mut session.assessments {
        if cell.stakeholder == session.dossier.stakeholders[1].id {
            a.author = other.into();
        }
    }
    // An id too long to sit inline.
    let long = "une-mesure-au-nom-bien-trop-long-pour-tenir";
    let old = session.dossier.measures[0].id.clone();
    session.dossier.measures[0].id = long.into();
    for p in &mut session.dossier.positions {
        for m in &mut p.measures {
            if *m == old {
                *m = long.into();
            }
        }
    }
    session.assessments = std::mem::take(&mut session.assessments)
        .into_iter()
        .map(|(mut cell, a)| {
            if cell.measure == old {
                cell.measure = long.into();
            }
            (cell, a)
        })
        .collect();

    let text = persist::to_ron(&session).expect("serialises");
    let back = persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now")
        .expect("loads")
        .session;
    assert_eq!(back, session);
    let copies = |name: &str| -> BTreeSet<usize> {
        back.assessments
            .values()
            .filter(|a| a.author == name)
            .map(|a| a.author.as_ptr() as usize)
            .collect()
    };
    let analyst = back.analyst.as_str();
    assert!(analyst.len() > 23, "{analyst}");
    assert_eq!(
        copies(analyst),
        BTreeSet::from([analyst.as_ptr() as usize]),
        "the session's analyst and their cells share one copy"
    );
    assert_eq!(
        copies(other).len(),
        1,
        "one copy of the other analyst's name"
    );
    let ids: BTreeSet<usize> = back
        .assessments
        .keys()
        .filter(|c| c.measure.as_str() == long)
        .map(|c| c.measure.as_str().as_ptr() as usize)
        .collect();
    assert_eq!(
        ids,
        BTreeSet::from([back.dossier.measures[0].id.as_str().as_ptr() as usize]),
        "the cells point at the dossier's copy of the long id"
    );
}

#[test]
fn a_dossier_saved_and_reloaded_is_the_same_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.ron");
    let dossier = persist::default_dossier();
    persist::save_dossier(&dossier, &path).expect("saves");
    assert_eq!(
        fs::read_to_string(&path).expect("saved"),
        persist::DEFAULT_DOSSIER_RON,
        "the asset is in canonical form"
    );
    let loaded = load_ok(&path);
    assert_eq!(loaded.origin, Origin::Dossier);
    assert_eq!(loaded.session.dossier, dossier);
}

#[test]
fn a_recovery_copy_is_written_read_back_and_discarded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery_dir = dir.path().join("donnees").join("recovery");
    let slot = recovery::Slot::claim(&recovery_dir).expect("the folder is created");
    assert!(slot.read().is_none(), "nothing yet");

    let mut session = load_ok(&small_session_path()).session;
    session.analyst = "Non enregistré".into();
    let origin = dir.path().join("mes analyses").join("ségur.ron");
    slot.write(&session, Some(&origin)).expect("writes");
    let got = slot.read().expect("a copy is found").expect("it loads");
    assert_eq!(got.session, session);
    assert_eq!(got.origin.as_deref(), Some(origin.as_path()));
    let written = got.written.expect("the copy's time is known");
    assert!(written.ends_with('Z'), "{written}");

    // Autosaving again replaces the copy; a never-saved session has no origin.
    session.analyst = "Toujours pas enregistré".into();
    slot.write(&session, None).expect("writes again");
    let got = slot.read().expect("found").expect("loads");
    assert_eq!(got.session, session);
    assert_eq!(got.origin, None);

    slot.discard();
    assert!(slot.read().is_none(), "discarded");
    let left: Vec<_> = fs::read_dir(&recovery_dir)
        .expect("the folder stays")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        left,
        ["recovery.lock"],
        "discard leaves only the empty lock"
    );
}

#[test]
fn two_running_copies_keep_separate_recovery_copies_offered_back_once_they_stop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut first = load_ok(&small_session_path()).session;
    first.analyst = "Première fenêtre".into();
    let mut second = first.clone();
    second.analyst = "Seconde fenêtre".into();

    let a = recovery::Slot::claim(dir.path()).expect("claims");
    let b = recovery::Slot::claim(dir.path()).expect("claims another");
    assert_ne!(a.path(), b.path());
    a.write(&first, None).expect("writes");
    b.write(&second, None).expect("writes");
    assert!(
        recovery::Slot::left_behind(dir.path()).is_empty(),
        "nothing is offered while both windows run"
    );

    let b_copy = b.path();
    drop(b); // the second window stops (or crashes) with unsaved work
    let third = recovery::Slot::claim(dir.path()).expect("claims");
    assert_ne!(
        third.path(),
        b_copy,
        "a new window does not write over a copy left behind"
    );
    drop(third);
    let offered = recovery::Slot::left_behind(dir.path());
    assert_eq!(offered.len(), 1);
    let got = offered[0].read().expect("found").expect("loads");
    assert_eq!(got.session.analyst, "Seconde fenêtre");
    assert!(
        recovery::Slot::left_behind(dir.path()).is_empty(),
        "a copy being offered is not offered twice"
    );
    drop(offered);

    drop(a);
    let mut analysts: Vec<smol_str::SmolStr> = recovery::Slot::left_behind(dir.path())
        .iter()
        .map(|slot| slot.read().expect("found").expect("loads").session.analyst)
        .collect();
    analysts.sort();
    assert_eq!(analysts, ["Première fenêtre", "Seconde fenêtre"]);
}

#[test]
fn a_recovery_copy_remembers_an_origin_with_unusual_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = load_ok(&small_session_path()).session;
    let origin = dir
        .path()
        .join("l'\"analyse\"\nà\\deux lignes")
        .join("s.ron");
    let slot = recovery::Slot::claim(dir.path()).expect("claims");
    slot.write(&session, Some(&origin)).expect("writes");
    let got = slot.read().expect("found").expect("loads");
    assert_eq!(got.origin.as_deref(), Some(origin.as_path()));
}

#[test]
fn a_damaged_recovery_copy_is_reported_not_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = load_ok(&small_session_path()).session;
    let slot = recovery::Slot::claim(dir.path()).expect("claims");
    slot.write(&session, None).expect("writes");
    let text = fs::read_to_string(slot.path()).expect("read");
    write_file(&slot.path(), &text[..text.len() / 2]);
    let got = slot.read().expect("a copy is found");
    let err = got.expect_err("a half copy does not load");
    assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
    slot.discard();
    assert!(slot.read().is_none());
}

/// Marks a run of this binary as the child of
/// [`the_recovery_folder_follows_visavis_data_dir`]: the variable holds the folder it was given.
const DATA_DIR_CHILD: &str = "VISAVIS_TEST_DATA_DIR_CHILD";

#[test]
fn the_recovery_folder_follows_visavis_data_dir() {
    // Setting a variable in this process is `unsafe` in edition 2024 (and this crate forbids
    // unsafe code), so a child run of this test binary checks it with the variable set.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "recovery_folder_child",
            "--ignored",
            "--nocapture",
        ])
        .env("VISAVIS_DATA_DIR", dir.path())
        .env(DATA_DIR_CHILD, dir.path())
        .output()
        .expect("the child runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "run by the_recovery_folder_follows_visavis_data_dir"]
fn recovery_folder_child() {
    let Some(dir) = std::env::var_os(DATA_DIR_CHILD) else {
        return;
    };
    assert_eq!(
        recovery::default_dir(),
        Some(PathBuf::from(dir).join("recovery"))
    );
}
