//! `visavis validate` and `visavis fmt`, run as a user runs them.

use super::{repo_file, small_session_path, write_file};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use visavis::model::{Assessment, CellId, Stance};
use visavis::persist;

fn visavis(args: &[&Path]) -> Output {
    let (command, files) = args.split_first().expect("a subcommand");
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .arg(command)
        .args(files)
        .output()
        .expect("visavis runs")
}

fn malformed_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo_file("tests/fixtures/malformed"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn validate_reports_every_malformed_file_as_file_line_col_and_exits_1() {
    let files = malformed_fixtures();
    let mut args: Vec<&Path> = vec![Path::new("validate")];
    args.extend(files.iter().map(PathBuf::as_path));
    let out = visavis(&args);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 messages");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.stdout.is_empty(), "no summary for a malformed file");

    for file in &files {
        let prefix = format!("{}:", file.display());
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no message for {}:\n{stderr}", file.display()));
        let mut parts = line[prefix.len()..].splitn(3, ':');
        let (l, c, message) = (parts.next(), parts.next(), parts.next());
        assert!(
            l.is_some_and(|l| l.parse::<usize>().is_ok())
                && c.is_some_and(|c| c.parse::<usize>().is_ok())
                && message.is_some_and(|m| m.len() > 5),
            "not FILE:LINE:COL: message: {line}"
        );
    }
    for line in stderr.lines() {
        assert!(
            files
                .iter()
                .any(|f| line.starts_with(&format!("{}:", f.display()))),
            "a line that names no file: {line}"
        );
    }
}

#[test]
fn validate_summarises_valid_files_and_exits_0() {
    let example = repo_file("saves/segur-analyse-exemple.ron");
    let dossier = repo_file("assets/segur-2020.ron");
    let old = repo_file("tests/fixtures/format-1.ron");
    let out = visavis(&[Path::new("validate"), &example, &dossier, &old]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    // The summaries; the quotes' check adds its count, and warnings when no source text is found.
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.contains(": warning: ") && !l.contains(" citations verified"))
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with(&format!("{}: session, format 3;", example.display()))
            && lines[0].contains("102/102 cells assessed")
            && lines[0].contains("; 10 cells flagged to review")
            && lines[0].contains("0 orphans"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains(": dossier; dossier \"Ségur"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("format 1 (older"), "{}", lines[2]);
}

#[test]
fn validate_names_misattributed_evidence_apart_from_a_position_not_in_the_dossier() {
    let mut session = persist::load(&small_session_path())
        .expect("the fixture loads")
        .session;
    let a = session
        .assessments
        .get_mut(&CellId::new("m1", "a"))
        .expect("the fixture has m1 × a");
    a.evidence.insert("b1".into()); // a position of stakeholder b
    a.evidence.insert("position-effacee".into());
    session.assessments.insert(
        CellId::new("m9", "a"),
        Assessment {
            stance: Some(Stance::Gap),
            ..Assessment::default()
        },
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    write_file(&path, persist::to_ron(&session).expect("encodes"));

    let out = visavis(&[Path::new("validate"), &path]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let summary = stdout.lines().next().expect("a summary");
    assert!(
        summary.contains("1 orphan;")
            && summary.contains("; 1 misattributed quote (a position of another stakeholder")
            && summary.contains("; 1 evidence link to a position not in the dossier"),
        "{summary}"
    );
    let warning = |id: &str| {
        stdout
            .lines()
            .find(|l| l.contains("warning:") && l.contains(&format!("\"{id}\"")))
            .unwrap_or_else(|| panic!("no warning names {id}:\n{stdout}"))
    };
    assert!(
        warning("b1").contains("not a position of that stakeholder"),
        "{stdout}"
    );
    let gone = warning("position-effacee");
    assert!(
        gone.contains("not in the dossier") && !gone.contains("that stakeholder"),
        "{gone}"
    );
}

#[test]
fn validate_exits_1_when_one_file_of_several_is_bad() {
    let good = small_session_path();
    let bad = repo_file("tests/fixtures/malformed/unknown-stance.ron");
    let out = visavis(&[Path::new("validate"), &good, &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn validate_refuses_a_200_mb_file_by_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("enorme.ron");
    fs::File::create(&path)
        .expect("create")
        .set_len(200 * 1024 * 1024)
        .expect("sparse");
    let out = visavis(&[Path::new("validate"), &path]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("209715200 bytes, more than"), "{stderr}");
}

#[test]
fn fmt_rewrites_a_hand_edited_file_in_canonical_form_and_keeps_a_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("retouche.ron");
    let canonical = fs::read_to_string(small_session_path()).expect("fixture");
    // What a person typing in an editor produces: fields squeezed on one line, cells out of
    // order, a comment, no trailing commas, a byte-order mark and CRLF line ends.
    let start = canonical.find("\tassessments: [").expect("assessments");
    let hand_edited = format!(
        "\u{feff}// relu par Dominique\r\n{}    assessments: [\r\n\
         (measure: \"m2\", stakeholder: \"b\", stance: Some(Gap), \
         note: \"Demande plus de lits.\", evidence: [\"b1\"], labels: [], \
         review: {{Check: Analyst(why: None)}}, author: \"Camille\", modified: \"2026-01-06T17:30:00Z\"),\r\n\
         (measure: \"m1\", stakeholder: \"a\", stance: Some(Agreement), \
         note: \"Salue la hausse \\\"historique\\\".\", evidence: [\"a1\"], labels: [], \
         author: \"Camille\", modified: \"2026-01-06T17:00:00Z\")\r\n    ]\r\n)",
        canonical[..start].replace('\n', "\r\n")
    );
    write_file(&path, &hand_edited);

    let out = visavis(&[Path::new("fmt"), &path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&path).expect("rewritten"), canonical);
    let bak = dir.path().join("retouche.ron.bak");
    assert_eq!(fs::read_to_string(&bak).expect("bak"), hand_edited);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("retouche.ron.bak"), "{stdout}");
}

#[test]
fn fmt_migrates_a_format_1_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ancien.ron");
    fs::copy(repo_file("tests/fixtures/format-1.ron"), &path).expect("copy");
    let out = visavis(&[Path::new("fmt"), &path]);
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(&path).expect("rewritten");
    assert!(text.starts_with("(\n\tformat: 3,\n"), "{text}");
    let loaded = visavis::persist::load(&path).expect("loads");
    assert_eq!(loaded.origin, visavis::persist::Origin::Session);
}

#[test]
fn fmt_leaves_a_malformed_file_untouched_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("abime.ron");
    let original = fs::read(repo_file("tests/fixtures/malformed/truncated.ron")).expect("read");
    write_file(&path, &original);
    let out = visavis(&[Path::new("fmt"), &path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{}:58:24: ", path.display())),
        "{stderr}"
    );
    assert!(fs::read(&path).expect("still there") == original);
    assert!(!dir.path().join("abime.ron.bak").exists());
}
