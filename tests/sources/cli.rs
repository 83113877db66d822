//! `visavis extract` and `visavis validate --sources`, run as a user runs them.

use super::fixture;
use std::path::Path;
use std::process::{Command, Output};

fn visavis(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(args)
        .env_remove("VISAVIS_SOURCES_DIR")
        .output()
        .expect("visavis runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn extract_prints_paragraphs_and_page_breaks_and_exits_1_on_a_scan() {
    let pdf = fixture("texte.pdf");
    let out = visavis(&["extract".as_ref(), pdf.as_os_str()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let blocks: Vec<&str> = stdout.trim_end_matches('\n').split("\n\n").collect();
    assert!(
        blocks[0].starts_with("Rapport de la Fédération"),
        "{stdout}"
    );
    assert_eq!(
        blocks.iter().filter(|b| **b == "\u{c}").count(),
        2,
        "{stdout:?}"
    );
    let scan = fixture("sans-texte.pdf");
    let out = visavis(&["extract".as_ref(), scan.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{}: no text layer", scan.display()))
            && stderr.contains("run OCR first"),
        "{stderr}"
    );
}

#[test]
fn validate_verifies_every_quote_of_a_dossier_against_its_documents() {
    let dossier = fixture("dossier.ron");
    // The documents sit beside the dossier: no --sources needed.
    let out = visavis(&["validate".as_ref(), dossier.as_os_str()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!(
            "{}: 3 of 3 citations verified\n",
            dossier.display()
        )),
        "{stdout}"
    );
}

#[test]
fn one_changed_letter_makes_validate_name_that_citation_and_exit_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let original = std::fs::read_to_string(fixture("dossier.ron")).expect("fixture");
    let changed = original.replace("dès sa conception", "dès sa conceptoin");
    assert_ne!(changed, original);
    let copy = dir.path().join("dossier.ron");
    std::io::Write::write_all(
        &mut std::fs::File::create(&copy).expect("create"),
        changed.as_bytes(),
    )
    .expect("write");
    let sources = fixture("");
    let out = visavis(&[
        "validate".as_ref(),
        "--sources".as_ref(),
        sources.as_os_str(),
        copy.as_os_str(),
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let line = original
        .lines()
        .position(|l| l.contains("dès sa conception"))
        .expect("the excerpt")
        + 1;
    let mut lines = stderr.lines();
    let first = lines.next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "{}:{line}:14: citation fede-01 not found in {}",
            copy.display(),
            sources.join("texte.pdf").display()
        ),
        "{stderr}"
    );
    let closest = lines.next().unwrap_or_default();
    assert!(
        closest.contains("closest passage")
            && closest.contains("p. 1")
            && closest.contains("dès sa conception"),
        "{closest}"
    );
    assert!(
        text(&out.stdout).contains("2 of 3 citations verified (1 not found)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_source_missing_from_the_folder_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("dossier.ron");
    std::fs::copy(fixture("dossier.ron"), &copy).expect("copy");
    let out = visavis(&["validate".as_ref(), copy.as_os_str()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("warning: source communique: communique.txt is not in")
            && stdout.contains("0 of 3 citations verified (3 without source text)"),
        "{stdout}"
    );
}

/// The Ségur dossier against the seed texts, when `VISAVIS_SOURCES_DIR` says where they are.
#[test]
fn every_segur_quote_is_verified_in_the_seed_texts_and_one_changed_letter_is_named() {
    let Some(seeds) = std::env::var_os("VISAVIS_SOURCES_DIR") else {
        eprintln!("skipped: set VISAVIS_SOURCES_DIR to the folder of the seed texts");
        return;
    };
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/segur-2020.ron");
    let out = visavis(&[
        "validate".as_ref(),
        "--sources".as_ref(),
        seeds.as_os_str(),
        dossier.as_os_str(),
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let count = stdout
        .lines()
        .find(|l| l.contains("citations verified"))
        .expect("a count");
    let (verified, total) = count
        .rsplit_once(": ")
        .and_then(|(_, c)| c.split_once(" of "))
        .and_then(|(v, rest)| {
            Some((
                v.parse::<usize>().ok()?,
                rest.split(' ').next()?.parse::<usize>().ok()?,
            ))
        })
        .expect("N of M");
    assert!(verified == total && total >= 80, "{count}");
    assert!(!stdout.contains("warning"), "{stdout}");

    // One letter changed in one excerpt of a copy.
    let original = std::fs::read_to_string(&dossier).expect("dossier");
    let d = visavis::persist::default_dossier();
    let position = &d.positions[3];
    let excerpt = &position.citation.excerpt;
    let (i, c) = excerpt
        .char_indices()
        .find(|(_, c)| c.is_ascii_lowercase())
        .expect("a letter");
    let swapped = if c == 'z' {
        'y'
    } else {
        char::from(c as u8 + 1)
    };
    let mut changed_excerpt = excerpt.clone();
    changed_excerpt.replace_range(i..=i, &swapped.to_string());
    assert_eq!(
        original.matches(excerpt.as_str()).count(),
        1,
        "the excerpt is written once"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("segur.ron");
    std::io::Write::write_all(
        &mut std::fs::File::create(&copy).expect("create"),
        original
            .replace(excerpt.as_str(), &changed_excerpt)
            .as_bytes(),
    )
    .expect("write");
    let out = visavis(&[
        "validate".as_ref(),
        "--sources".as_ref(),
        seeds.as_os_str(),
        copy.as_os_str(),
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let line = original[..original.find(excerpt.as_str()).expect("written")]
        .matches('\n')
        .count()
        + 1;
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("{}:{line}:", copy.display()))
            && first.contains(&format!("citation {} not found in ", position.id)),
        "{stderr}"
    );
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("not found in"))
            .count(),
        1,
        "{stderr}"
    );
}
