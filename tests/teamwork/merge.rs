//! `visavis merge` on copies of the example analysis that analysts edited as the window edits
//! (through `model::apply`): edits of different cells merge; the same cell edited differently,
//! or a note removed on one side and rewritten on the other, becomes a conflict kept inside the
//! session; the dossier merges by item. Then the n-way merge, the refusals (each with exit 2
//! and every file left as it was), git running `visavis merge` as its merge driver, and a
//! property: every field of format 3 survives load → save → merge → save.

use proptest::prelude::*;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use visavis::model::{
    Action, CellId, DossierItem, ItemId, MeasureId, Session, Stance, SynthesisOf, apply,
};
use visavis::persist;

use super::{DOSSIER, EXAMPLE};
use crate::arbitrary;

const NOW: &str = "2026-12-02T10:00:00Z";

fn visavis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(args)
        .output()
        .expect("run visavis")
}

fn merge(args: &[&Path]) -> Output {
    let args: Vec<&str> = args
        .iter()
        .map(|p| p.to_str().expect("a UTF-8 path"))
        .collect();
    visavis(&[&["merge"], args.as_slice()].concat())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Write a test input as it is, through `std::io::Write` (a temporary folder needs no atomic
/// save).
fn write_file(path: &Path, bytes: &[u8]) {
    let mut f = std::fs::File::create(path).expect("create test input");
    f.write_all(bytes).expect("write test input");
}

fn example() -> Session {
    persist::load(Path::new(EXAMPLE))
        .expect("the example loads")
        .session
}

/// A copy of the example by `analyst`, with `edits` applied as the window applies them, saved
/// in `dir`.
fn edited(dir: &Path, analyst: &str, edits: Vec<Action>) -> PathBuf {
    let mut s = example();
    let mut all = vec![Action::SetAnalyst {
        name: analyst.to_owned(),
    }];
    all.extend(edits);
    for action in all {
        apply(&mut s, action, NOW).expect("an edit the window could make");
    }
    let path = dir.join(format!("{analyst}.ron"));
    persist::save(&s, &path).expect("save");
    path
}

fn load(path: &Path) -> Session {
    persist::load(path)
        .unwrap_or_else(|e| panic!("{e}"))
        .session
}

/// Two cells of the example with work.
fn cells() -> (CellId, CellId) {
    let s = example();
    let mut with_notes = s.assessments.iter().filter(|(_, a)| !a.note.is_empty());
    let first = with_notes.next().expect("a cell").0.clone();
    let second = with_notes.nth(5).expect("another cell").0.clone();
    (first, second)
}

fn note(cell: &CellId, note: &str) -> Action {
    Action::EditNote {
        cell: cell.clone(),
        note: note.to_owned(),
    }
}

fn stance(cell: &CellId, stance: Stance) -> Action {
    Action::SetStance {
        cell: cell.clone(),
        stance: Some(stance),
    }
}

/// The example's first measure with `edit` applied, as the dossier editor puts it.
fn measure_edit(edit: impl FnOnce(&mut visavis::model::Measure)) -> Action {
    let mut m = example().dossier.measures[0].clone();
    edit(&mut m);
    Action::PutItem {
        item: DossierItem::Measure(m),
        at: None,
    }
}

#[test]
fn edits_of_different_cells_merge_cleanly_and_the_result_has_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (one, two) = cells();
    let base = edited(dir.path(), "base", vec![]);
    let ana = edited(dir.path(), "Ana", vec![stance(&one, Stance::Gap)]);
    let bea = edited(dir.path(), "Bea", vec![note(&two, "Relu par Bea.")]);
    let out = dir.path().join("merged.ron");
    let run = merge(&[
        Path::new("--base"),
        &base,
        &ana,
        &bea,
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let stdout = text(&run.stdout);
    assert!(stdout.contains("merged cleanly"), "{stdout}");
    assert!(stdout.contains("1 from"), "{stdout}");
    let merged = load(&out);
    assert_eq!(merged.assessments[&one].stance, Some(Stance::Gap));
    assert_eq!(merged.assessments[&one].author, "Ana");
    assert_eq!(merged.assessments[&two].note, "Relu par Bea.");
    assert_eq!(merged.assessments[&two].author, "Bea");
    assert_eq!(merged.conflict_count(), 0);
    assert_eq!(merged.analyst, "Ana", "OURS's analyst");
    assert_eq!(merged.assessments.len(), example().assessments.len());
}

#[test]
fn the_same_cell_edited_differently_is_a_conflict_that_keeps_both_sides() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (one, _) = cells();
    let base = edited(dir.path(), "base", vec![]);
    let ana = edited(
        dir.path(),
        "Ana",
        vec![
            stance(&one, Stance::Agreement),
            note(&one, "Ana lit un accord."),
        ],
    );
    let bea = edited(dir.path(), "Bea", vec![note(&one, "Bea lit autre chose.")]);
    let out = dir.path().join("merged.ron");
    let run = merge(&[
        Path::new("--base"),
        &base,
        &ana,
        &bea,
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(1), "conflicts remain: {run:?}");
    let stdout = text(&run.stdout);
    assert!(
        stdout.contains("1 conflict to resolve (1 cell, 0 dossier items)"),
        "{stdout}"
    );
    assert!(stdout.contains("in the window"), "{stdout}");
    let written = std::fs::read_to_string(&out).expect("OUT written");
    assert!(!written.contains("<<<<<<<") && !written.contains(">>>>>>>"));
    let merged = load(&out);
    let sides = &merged.cell_conflicts[&one].sides;
    assert_eq!(sides.len(), 2);
    assert_eq!(
        (
            sides[0].note.as_str(),
            sides[0].stance,
            sides[0].author.as_str()
        ),
        ("Ana lit un accord.", Some(Stance::Agreement), "Ana")
    );
    assert_eq!(
        (sides[1].note.as_str(), sides[1].author.as_str()),
        ("Bea lit autre chose.", "Bea")
    );
    assert_eq!(
        sides[1].evidence,
        example().assessments[&one].evidence,
        "each side whole"
    );
    assert_eq!(
        merged.assessments[&one], sides[0],
        "the cell as OURS has it"
    );
    let listed = visavis(&["validate", out.to_str().expect("utf-8")]);
    assert!(
        text(&listed.stdout).contains(&format!(
            "conflict: the cell {one}: 2 versions (Ana: Agreement; Bea:"
        )),
        "{}",
        text(&listed.stdout)
    );
}

#[test]
fn a_note_removed_on_one_side_and_rewritten_on_the_other_is_a_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (one, _) = cells();
    let base = edited(dir.path(), "base", vec![]);
    let ana = edited(dir.path(), "Ana", vec![note(&one, "")]);
    let bea = edited(dir.path(), "Bea", vec![note(&one, "Bea précise la note.")]);
    let out = dir.path().join("merged.ron");
    let run = merge(&[
        Path::new("--base"),
        &base,
        &ana,
        &bea,
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let merged = load(&out);
    let sides = &merged.cell_conflicts[&one].sides;
    assert_eq!(sides[0].note, "");
    assert_eq!(sides[1].note, "Bea précise la note.");
    assert_eq!(
        merged.assessments[&one].note, "",
        "OURS's until the analyst picks"
    );
}

#[test]
fn a_measure_retitled_on_one_side_merges_and_on_both_sides_is_a_dossier_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (one, _) = cells();
    let base = edited(dir.path(), "base", vec![]);
    let ana = edited(
        dir.path(),
        "Ana",
        vec![measure_edit(|m| m.title = "Titre revu par Ana".into())],
    );
    let bea = edited(dir.path(), "Bea", vec![stance(&one, Stance::Silent)]);
    let out = dir.path().join("merged.ron");
    let run = merge(&[
        Path::new("--base"),
        &base,
        &ana,
        &bea,
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let merged = load(&out);
    assert_eq!(merged.dossier.measures[0].title, "Titre revu par Ana");
    assert_eq!(merged.assessments[&one].stance, Some(Stance::Silent));

    let bea = edited(
        dir.path(),
        "Bea",
        vec![measure_edit(|m| m.summary = "Résumé revu par Bea.".into())],
    );
    let run = merge(&[
        Path::new("--base"),
        &base,
        &ana,
        &bea,
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert!(
        text(&run.stdout).contains("1 conflict to resolve (0 cells, 1 dossier item)"),
        "{}",
        text(&run.stdout)
    );
    let merged = load(&out);
    let id: MeasureId = example().dossier.measures[0].id.clone();
    let c = &merged.dossier_conflicts[0];
    assert_eq!(c.item, ItemId::Measure(id));
    let versions: Vec<_> = c
        .sides
        .iter()
        .map(|s| match &s.version {
            Some(DossierItem::Measure(m)) => {
                (s.author.as_str(), m.title.as_str(), m.summary.clone())
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(versions[0].0, "Ana");
    assert_eq!(versions[0].1, "Titre revu par Ana");
    assert_eq!(versions[1].0, "Bea");
    assert_eq!(versions[1].2, "Résumé revu par Bea.");
    assert_eq!(
        merged.dossier.measures[0].title, "Titre revu par Ana",
        "OURS's stays"
    );
    assert!(merged.dossier.validate().is_empty());
}

#[test]
fn a_merge_driver_writes_over_ours_in_place_without_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (one, two) = cells();
    let base = edited(dir.path(), "base", vec![]);
    let ana = edited(dir.path(), "Ana", vec![stance(&one, Stance::Gap)]);
    let bea = edited(dir.path(), "Bea", vec![stance(&two, Stance::Gap)]);
    let run = merge(&[
        Path::new("--base"),
        &base,
        &ana,
        &bea,
        Path::new("-o"),
        &ana,
    ]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let merged = load(&ana);
    assert_eq!(merged.assessments[&two].stance, Some(Stance::Gap));
    assert!(
        !persist::backup_of(&ana).exists(),
        "git keeps the versions: no .bak"
    );
}

/// Three analysts each tagged one stakeholder's column of the example.
#[test]
fn three_sessions_merge_without_a_base_where_they_agree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let full = example();
    let columns: Vec<String> = full
        .dossier
        .stakeholders
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    let column = |who: &str, keep: &str, extra: Option<(&CellId, Stance)>| {
        let mut s = full.clone();
        s.analyst = who.into();
        s.assessments.retain(|c, _| c.stakeholder.as_str() == keep);
        if let Some((cell, st)) = extra {
            apply(&mut s, stance(cell, st), NOW).expect("tag");
        }
        let path = dir.path().join(format!("{who}.ron"));
        persist::save(&s, &path).expect("save");
        path
    };
    let a = column("Ana", &columns[0], None);
    let b = column("Bea", &columns[1], None);
    let c = column("Cleo", &columns[2], None);
    let out = dir.path().join("merged.ron");
    let run = merge(&[&a, &b, &c, Path::new("-o"), &out]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert!(
        text(&run.stdout).contains("without a base"),
        "{}",
        text(&run.stdout)
    );
    assert_eq!(
        load(&out).assessments,
        full.assessments,
        "every column back"
    );

    // Cleo also tagged a cell of Bea's column, differently.
    let (cell, bea_stance) = full
        .assessments
        .iter()
        .find(|(c, _)| c.stakeholder.as_str() == columns[1])
        .map(|(c, a)| (c.clone(), a.stance))
        .expect("a cell of the second column");
    let other = if bea_stance == Some(Stance::Gap) {
        Stance::Agreement
    } else {
        Stance::Gap
    };
    let c = column("Cleo", &columns[2], Some((&cell, other)));
    let run = merge(&[&a, &b, &c, Path::new("-o"), &out]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let merged = load(&out);
    let sides = &merged.cell_conflicts[&cell].sides;
    assert_eq!(sides.len(), 2, "one side per session that has the cell");
    assert_eq!(
        (sides[0].author.as_str(), sides[0].stance),
        ("Analyste Vis-à-vis (exemple)", bea_stance)
    );
    assert_eq!(
        (sides[1].author.as_str(), sides[1].stance),
        ("Cleo", Some(other))
    );
}

#[test]
fn what_cannot_be_merged_is_refused_with_exit_2_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (one, two) = cells();
    let d = dir.path();
    let base = edited(d, "base", vec![]);
    let ana = edited(d, "Ana", vec![stance(&one, Stance::Gap)]);
    let bea = edited(d, "Bea", vec![stance(&two, Stance::Gap)]);
    let mut other = load(&bea);
    other.dossier.id = "autre-dossier".into();
    let other_path = d.join("autre.ron");
    persist::save(&other, &other_path).expect("save");
    let garbage = d.join("notes.ron");
    write_file(&garbage, b"(\n\tformat: 3,\n\tanalyst: 12,\n)\n");
    let report = d.join("rapport.md");
    write_file(&report, b"# Rapport\n");
    let out = d.join("merged.ron");
    let p = Path::new;
    let cases: Vec<(Vec<&Path>, &str)> = vec![
        (
            vec![&ana, &other_path, p("-o"), &out],
            "on the dossier \"autre-dossier\"",
        ),
        (
            vec![p("--base"), &other_path, &ana, &bea, p("-o"), &out],
            "autre.ron: on the dossier",
        ),
        (vec![&ana, &garbage, p("-o"), &out], "notes.ron:3:"),
        (vec![&ana, &ana, p("-o"), &out], "given twice"),
        (
            vec![p("--base"), &ana, &ana, &bea, p("-o"), &out],
            "given twice",
        ),
        (
            vec![&ana, p(DOSSIER), p("-o"), &out],
            "a dossier, not a session",
        ),
        (
            vec![p("--base"), &base, &ana, &bea, p("-o"), &bea],
            "this is theirs",
        ),
        (
            vec![p("--base"), &base, &ana, &bea, p("-o"), &base],
            "this is the base",
        ),
        (vec![&ana, &bea, p("-o"), &ana], "this is session 1"),
        (vec![&ana, &bea, p("-o"), &report], "not a session"),
    ];
    let files = [&base, &ana, &bea, &other_path, &garbage, &report];
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    for (args, expected) in cases {
        let run = merge(&args);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {run:?}");
        let err = text(&run.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!out.exists(), "{args:?}: nothing written");
        let after: Vec<Vec<u8>> = files
            .iter()
            .map(|f| std::fs::read(f).expect("read"))
            .collect();
        assert!(after == before, "{args:?}: an input changed");
        for f in files {
            assert!(
                !persist::backup_of(f).exists(),
                "{args:?}: no .bak of {}",
                f.display()
            );
        }
    }
    // --force writes over a file that is no session, keeping it as .bak.
    let run = merge(&[&ana, &bea, p("-o"), &report, p("--force")]);
    assert_eq!(
        run.status.code(),
        Some(1),
        "two copies without a base differ: {run:?}"
    );
    assert!(persist::backup_of(&report).exists());
}

/// Run git in `repo`, failing the test on an error unless `may_fail`.
fn git(repo: &Path, args: &[&str], may_fail: bool) -> Output {
    let out = Command::new("git")
        .current_dir(repo)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(may_fail || out.status.success(), "git {args:?}: {out:?}");
    out
}

fn commit(repo: &Path, s: &Session, message: &str) {
    persist::save(s, &repo.join("analyse.ron")).expect("save");
    git(repo, &["add", "analyse.ron"], false);
    git(repo, &["commit", "-q", "-m", message], false);
}

#[test]
fn git_merges_sessions_through_the_driver() {
    if Command::new("git").arg("--version").output().is_err() {
        println!("git is not on PATH: the git merge driver test is skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"], false);
    git(repo, &["config", "user.name", "Camille"], false);
    git(
        repo,
        &["config", "user.email", "camille@example.org"],
        false,
    );
    git(
        repo,
        &["config", "merge.visavis.name", "Vis-à-vis sessions"],
        false,
    );
    let driver = format!(
        "'{}' merge --base %O %A %B -o %A",
        env!("CARGO_BIN_EXE_visavis")
    );
    git(repo, &["config", "merge.visavis.driver", &driver], false);
    write_file(&repo.join(".gitattributes"), b"*.ron merge=visavis\n");
    // The `.bak` a save keeps stays out of the repository.
    write_file(&repo.join(".gitignore"), b"*.bak\n");
    git(repo, &["add", ".gitattributes", ".gitignore"], false);
    let (one, two) = cells();
    let start = example();
    commit(repo, &start, "example");

    let edit = |action: Action| {
        let mut s = load(&repo.join("analyse.ron"));
        apply(&mut s, action, NOW).expect("edit");
        s
    };
    git(repo, &["checkout", "-q", "-b", "ana"], false);
    commit(repo, &edit(stance(&one, Stance::Gap)), "Ana: one cell");
    git(repo, &["checkout", "-q", "main"], false);
    commit(
        repo,
        &edit(note(&two, "Relu sur main.")),
        "main: another cell",
    );
    let run = git(repo, &["merge", "-q", "--no-edit", "ana"], true);
    assert!(run.status.success(), "a clean merge: {run:?}");
    let merged = load(&repo.join("analyse.ron"));
    assert_eq!(merged.assessments[&one].stance, Some(Stance::Gap));
    assert_eq!(merged.assessments[&two].note, "Relu sur main.");
    assert_eq!(merged.conflict_count(), 0);

    // Both branches now edit the same cell differently.
    git(repo, &["checkout", "-q", "ana"], false);
    commit(repo, &edit(note(&two, "Ana relit.")), "Ana: the same cell");
    git(repo, &["checkout", "-q", "main"], false);
    commit(
        repo,
        &edit(note(&two, "Main relit.")),
        "main: the same cell",
    );
    let run = git(repo, &["merge", "-q", "--no-edit", "ana"], true);
    assert!(!run.status.success(), "git reports the conflict: {run:?}");
    let status = text(&git(repo, &["status", "--porcelain"], false).stdout);
    assert!(status.contains("UU analyse.ron"), "{status}");
    let written = std::fs::read_to_string(repo.join("analyse.ron")).expect("read");
    assert!(!written.contains("<<<<<<<"), "no conflict markers");
    let merged = load(&repo.join("analyse.ron"));
    let notes: Vec<&str> = merged.cell_conflicts[&two]
        .sides
        .iter()
        .map(|a| a.note.as_str())
        .collect();
    assert_eq!(notes, ["Main relit.", "Ana relit."], "ours (main) first");
}

/// The fields a merge may not carry over as they were: none, but the time of the merge.
fn stamped(mut s: Session, like: Option<&Session>) -> Session {
    NOW.clone_into(&mut s.modified);
    if let Some(first) = like {
        s.analyst.clone_from(&first.analyst);
        s.created.clone_from(&first.created);
    }
    s
}

fn reload(s: &Session) -> Session {
    let text = persist::to_ron(s).expect("encodes");
    match persist::load_bytes(text.as_bytes(), Path::new("prop.ron"), "now") {
        Ok(loaded) => loaded.session,
        Err(e) => panic!("{e}\n--- the file:\n{text}"),
    }
}

proptest! {
    #![proptest_config(arbitrary::config())]

    /// Every field of format 3 survives load → save → merge → save, three-way and without a
    /// base, byte for byte but the time of the merge.
    #[test]
    fn every_field_survives_a_merge_of_copies(s in arbitrary::session()) {
        let loaded = reload(&s);
        let expected = persist::to_ron(&stamped(loaded.clone(), None)).expect("encodes");
        let three = visavis::teamwork::merge(Some(&loaded), &[&loaded, &loaded], NOW).expect("merges");
        prop_assert!(three.summary.kept.is_empty());
        prop_assert_eq!(persist::to_ron(&reload(&three.session)).expect("encodes"), expected.clone());
        let many = visavis::teamwork::merge(None, &[&loaded, &loaded, &loaded], NOW).expect("merges");
        prop_assert_eq!(persist::to_ron(&reload(&many.session)).expect("encodes"), expected);
    }

    /// A session changed on one side only (any change: every field of format 3, the dossier,
    /// its order) merges to that side, whichever side it is.
    #[test]
    fn a_change_on_one_side_is_taken_whole(s in arbitrary::session(), t in arbitrary::session()) {
        let base = reload(&s);
        let mut t = t;
        t.dossier.id.clone_from(&base.dossier.id);
        let changed = reload(&t);
        let ours = visavis::teamwork::merge(Some(&base), &[&changed, &base], NOW).expect("merges");
        prop_assert_eq!(&ours.session, &stamped(changed.clone(), None));
        prop_assert!(ours.is_clean() || changed.conflict_count() > 0);
        let theirs = visavis::teamwork::merge(Some(&base), &[&base, &changed], NOW).expect("merges");
        prop_assert_eq!(&theirs.session, &stamped(changed.clone(), Some(&base)));
    }
}

#[test]
fn a_synthesis_written_differently_is_listed_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let of = SynthesisOf::Dossier;
    let base = edited(dir.path(), "base", vec![]);
    let synth = |t: &str| Action::EditSynthesis {
        of: of.clone(),
        text: t.to_owned(),
    };
    let ana = edited(dir.path(), "Ana", vec![synth("Lecture d’Ana.")]);
    let bea = edited(dir.path(), "Bea", vec![synth("Lecture de Bea.")]);
    let out = dir.path().join("merged.ron");
    let run = merge(&[
        Path::new("--base"),
        &base,
        &ana,
        &bea,
        Path::new("-o"),
        &out,
    ]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let stdout = text(&run.stdout);
    assert!(
        stdout.contains("not merged: the dossier's synthesis was changed differently"),
        "{stdout}"
    );
    assert!(stdout.contains("'s was: Lecture de Bea."), "{stdout}");
    assert_eq!(load(&out).syntheses.dossier(), Some("Lecture d’Ana."));
}
