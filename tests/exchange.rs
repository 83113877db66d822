//! REFI-QDA export of the example analysis: `project.qde` validates against the REFI-QDA
//! project schema (vendored in `tests/fixtures/refi-qda/Project.xsd`, MIT, from the public
//! `richard-uk1/qdpx` repository; checked with `xmllint`, which `.ci/run` installs), every coded
//! selection holds the quote it stands for, GUIDs and bytes are stable across exports, and
//! characters XML cannot carry show as U+FFFD.

use std::io::Read as _;
use std::path::Path;
use std::process::Command;
use visavis::i18n::Lang;
use visavis::model::{CellId, Session};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/segur-analyse-exemple.ron"
);
const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/refi-qda/Project.xsd"
);

fn example() -> Session {
    visavis::persist::load(Path::new(EXAMPLE))
        .expect("the example loads")
        .session
}

/// The archive's entries, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut text = String::new();
            f.read_to_string(&mut text).expect("UTF-8 entry");
            (f.name().expect("entry name").to_string(), text)
        })
        .collect()
}

/// The value of `attr="…"` in `tag`, XML-unescaped enough for GUIDs and numbers.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

#[test]
fn the_project_validates_against_the_refi_qda_schema() {
    let bytes = visavis::exchange::qdpx::qdpx(&example(), "Vis-à-vis test", Lang::Fr).expect("zip");
    let entries = unzip(&bytes);
    assert_eq!(entries[0].0, "project.qde");
    let dir = tempfile::tempdir().expect("tempdir");
    let qde = dir.path().join("project.qde");
    #[allow(clippy::disallowed_methods)] // a temporary copy for xmllint
    std::fs::write(&qde, &entries[0].1).expect("write");
    match Command::new("xmllint")
        .args(["--noout", "--schema", SCHEMA])
        .arg(&qde)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("skipped: xmllint is not installed (apt-get install libxml2-utils)");
        }
        Err(e) => panic!("xmllint: {e}"),
    }
}

#[test]
fn every_selection_holds_its_quote_and_every_cell_reading_is_kept() {
    let session = example();
    let (qde, files) = visavis::exchange::qdpx::project(&session, "t", Lang::Fr);
    // One text file per dossier source, named by its GUID.
    assert_eq!(files.len(), session.dossier.sources.len());
    let mut checked = 0;
    for source in qde.split("<TextSource ").skip(1) {
        let path = attr(source, "plainTextPath").expect("path");
        let guid = path
            .trim_start_matches("internal://")
            .trim_end_matches(".txt");
        let text: Vec<char> = files
            .iter()
            .find(|(n, _)| n == &format!("sources/{guid}.txt"))
            .expect("the source's file")
            .1
            .chars()
            .collect();
        for sel in source.split("<PlainTextSelection ").skip(1) {
            let start: usize = attr(sel, "startPosition")
                .and_then(|s| s.parse().ok())
                .expect("start");
            let end: usize = attr(sel, "endPosition")
                .and_then(|s| s.parse().ok())
                .expect("end");
            let words: String = text[start..end].iter().collect();
            let name = attr(sel, "name").expect("name");
            // Positions' selections are named after them: their excerpt is those words.
            if let Some(p) = session
                .dossier
                .positions
                .iter()
                .find(|p| quick_xml::escape::unescape(name).is_ok_and(|n| n == p.title))
            {
                assert_eq!(words, p.citation.excerpt, "{name}");
                checked += 1;
            }
        }
    }
    assert_eq!(
        checked,
        session.dossier.positions.len(),
        "every position exported once"
    );
    // A selection per measure citation, per position, and per quote a cell cites (so that a
    // quote two cells cite keeps both readings).
    let citations: usize = session
        .dossier
        .measures
        .iter()
        .map(|m| m.citations.len())
        .sum();
    let evidence: usize = session.assessments.values().map(|a| a.evidence.len()).sum();
    assert_eq!(
        qde.matches("<PlainTextSelection ").count(),
        citations + session.dossier.positions.len() + evidence
    );
}

#[test]
fn exports_are_stable_and_forbidden_characters_show() {
    let session = example();
    let a = visavis::exchange::qdpx::qdpx(&session, "t", Lang::Fr).expect("zip");
    let b = visavis::exchange::qdpx::qdpx(&session, "t", Lang::Fr).expect("zip");
    assert_eq!(a, b, "the same session gives the same bytes");
    let mut hostile = session.clone();
    let cell = CellId::new("revalorisations-salariales", "uniopss");
    hostile.assessments.get_mut(&cell).expect("cell").note = "avant\u{1}après <b>".into();
    let (qde, _) = visavis::exchange::qdpx::project(&hostile, "t", Lang::Fr);
    assert!(
        qde.contains("avant\u{FFFD}après &lt;b&gt;"),
        "replaced and escaped"
    );
    let (original, _) = visavis::exchange::qdpx::project(&session, "t", Lang::Fr);
    let guids = |q: &str| -> Vec<String> {
        q.split(" guid=\"")
            .skip(1)
            .map(|s| s[..36].to_owned())
            .collect()
    };
    assert_eq!(
        guids(&qde),
        guids(&original),
        "a note's text changes no GUID"
    );
}

#[test]
fn the_codebook_alone_has_the_project_s_codes() {
    let session = example();
    let qdc = visavis::exchange::qdpx::codebook(&session, "t", Lang::Fr);
    assert!(qdc.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
    let (qde, _) = visavis::exchange::qdpx::project(&session, "t", Lang::Fr);
    let codes = |x: &str| -> String {
        let start = x.find("<Codes>").expect("codes");
        let end = x.find("</Codes>").expect("end");
        x[start..end].to_owned()
    };
    assert_eq!(codes(&qdc), codes(&qde));
    assert_eq!(
        qdc.matches("isCodable=\"true\"").count(),
        session.dossier.measures.len() + 4,
        "a code per measure and per stance"
    );
}

#[test]
fn the_command_writes_the_project_and_refuses_what_would_lose_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_visavis"))
            .args(["qdpx", "export", EXAMPLE, "-o"])
            .arg(out)
            .output()
            .expect("run visavis")
    };
    let project = dir.path().join("analyse.qdpx");
    let out = run(&project);
    assert!(out.status.success(), "{out:?}");
    let bytes = std::fs::read(&project).expect("written");
    assert_eq!(unzip(&bytes)[0].0, "project.qde");
    let codebook = dir.path().join("codes.qdc");
    assert!(run(&codebook).status.success());
    let qdc = std::fs::read_to_string(&codebook).expect("written");
    assert!(qdc.contains("urn:QDA-XML:codebook:1.0"));
    // No extension that says which export: refused, nothing written.
    let other = dir.path().join("analyse.zip");
    let out = run(&other);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FILE.qdpx"));
    assert!(!other.exists());
    // Over a session: refused, the session untouched.
    let session = dir.path().join("session.qdpx");
    std::fs::copy(EXAMPLE, &session).expect("copy");
    let before = std::fs::read(&session).expect("read");
    assert_eq!(run(&session).status.code(), Some(1));
    assert_eq!(std::fs::read(&session).expect("read"), before);
}
