//! `visavis agree` on copies of the example analysis that a second analyst re-tagged: the
//! figures a user reads, the JSON keys a script reads, and the refusals of what cannot be
//! compared (a dossier, the same file twice, sessions on different dossiers, a file that is no
//! session). `visavis merge` is the module `merge` (tests/teamwork/merge.rs), with git running
//! it as a merge driver.

#[path = "common/arbitrary.rs"]
mod arbitrary;
#[path = "teamwork/merge.rs"]
mod merge;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/segur-analyse-exemple.ron"
);
const DOSSIER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/segur-2020.ron");

fn visavis(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .arg("agree")
        .args(args)
        .output()
        .expect("run visavis")
}

/// Test input written as a user's file would be (no atomicity needed in a temporary folder).
#[allow(clippy::disallowed_methods)]
fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write test input");
}

/// A copy of the example by another analyst, with `edit` applied to its text.
fn copy(dir: &Path, name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let text = std::fs::read_to_string(EXAMPLE).expect("example");
    let text = text.replacen(
        "analyst: \"Analyste Vis-à-vis (exemple)\"",
        &format!("analyst: \"{name}\""),
        1,
    );
    let path = dir.join(format!("{name}.ron"));
    write(&path, &edit(&text));
    path
}

/// The second analyst reads four of the CNOM's Silent cells as Partial and leaves one FHF cell
/// unassessed.
fn second_reading(text: &str) -> String {
    let mut out = String::new();
    let mut cnom_silent = 0;
    let mut fhf_done = false;
    let mut stakeholder = "";
    for line in text.lines() {
        if let Some(s) = line.trim().strip_prefix("stakeholder: \"") {
            stakeholder = if s.starts_with("cnom") {
                "cnom"
            } else if s.starts_with("fhf") {
                "fhf"
            } else {
                ""
            };
        }
        let mut line = line.to_owned();
        if line.trim() == "stance: Some(Silent)," {
            if stakeholder == "cnom" && cnom_silent < 4 {
                cnom_silent += 1;
                line = line.replace("Silent", "Partial");
            } else if stakeholder == "fhf" && !fhf_done {
                fhf_done = true;
                line = line.replace("Some(Silent)", "None");
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn two_analysts_get_their_agreement_per_stakeholder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = copy(dir.path(), "Ana", str::to_owned);
    let b = copy(dir.path(), "Bea", second_reading);
    let out = visavis(&[&a, &b]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("Analyst 2: Bea"), "{text}");
    let overall = text
        .lines()
        .find(|l| l.starts_with("Overall"))
        .expect("overall");
    let figures: Vec<&str> = overall.split_whitespace().collect();
    assert_eq!(&figures[1..4], ["102", "101", "1"], "{overall}");
    let uniopss = text
        .lines()
        .find(|l| l.starts_with("Uniopss"))
        .expect("row");
    assert!(
        uniopss.contains("1.000"),
        "the Uniopss column is identical: {uniopss}"
    );
    let cnom = text.lines().find(|l| l.starts_with("CNOM")).expect("row");
    assert!(!cnom.contains(" 1.000 "), "the CNOM column differs: {cnom}");
    assert!(text.contains("Confusion (rows: Ana, columns: Bea)"));
}

#[test]
fn json_gives_the_documented_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = copy(dir.path(), "Ana", str::to_owned);
    let b = copy(dir.path(), "Bea", second_reading);
    let c = copy(dir.path(), "Cleo", str::to_owned);
    let out = Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(["agree", "--json"])
        .args([&a, &b, &c])
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["analysts"], serde_json::json!(["Ana", "Bea", "Cleo"]));
    let overall = &v["overall"];
    for key in [
        "cells",
        "compared",
        "left_out",
        "observed_agreement",
        "cohen_kappa",
        "weighted_kappa",
        "fleiss_kappa",
        "krippendorff_alpha",
        "confusion",
    ] {
        assert!(overall.get(key).is_some(), "missing {key}");
    }
    assert!(overall["cohen_kappa"].is_null(), "Cohen's kappa is for two");
    let fleiss = overall["fleiss_kappa"].as_f64().expect("three analysts");
    assert!(fleiss > 0.0 && fleiss < 1.0, "{fleiss}");
    assert_eq!(v["stakeholders"][1]["id"], "cnom");
    assert_eq!(v["pillars"].as_array().map(Vec::len), Some(4));
}

#[test]
fn what_cannot_be_compared_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = copy(dir.path(), "Ana", str::to_owned);
    let other = copy(dir.path(), "Bea", |t| {
        t.replacen("id: \"segur-2020\"", "id: \"autre-dossier\"", 1)
    });
    let garbage = dir.path().join("notes.ron");
    write(&garbage, "pas une session");
    let cases: [(&[&Path], &str); 4] = [
        (&[&a, &a], "given twice"),
        (&[&a, Path::new(DOSSIER)], "a dossier, not a session"),
        (&[&a, &other], "on the dossier \"autre-dossier\""),
        (&[&a, &garbage], "notes.ron"),
    ];
    for (args, expected) in cases {
        let out = visavis(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "no figures on a refusal");
    }
}
