//! REFI-QDA export of the example analysis: `project.qde` validates against the REFI-QDA
//! project schema (vendored in `tests/fixtures/refi-qda/Project.xsd`, MIT, from the public
//! `richard-uk1/qdpx` repository; checked with `xmllint`, which `.ci/run` installs), every coded
//! selection holds the quote it stands for, GUIDs and bytes are stable across exports, and
//! characters XML cannot carry show as U+FFFD.

#[path = "common/refi_qda.rs"]
mod refi_qda;

use std::io::Read as _;
use std::path::Path;
use std::process::Command;
use visavis::i18n::Lang;
use visavis::model::{CellId, Session};
use visavis::sources::{self, Limits, SourceDirs, Verification};

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

/// Check `qde` against the REFI-QDA project schema with `xmllint` (skipped, said on stderr,
/// where it is not installed).
fn assert_valid(qde: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("project.qde");
    #[allow(clippy::disallowed_methods)] // a temporary copy for xmllint
    std::fs::write(&path, qde).expect("write");
    match Command::new("xmllint")
        .args(["--noout", "--schema", SCHEMA])
        .arg(&path)
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
    let bytes = visavis::exchange::qdpx::qdpx(&example(), "Vis-à-vis test", Lang::Fr, |_| None)
        .expect("zip");
    let entries = unzip(&bytes);
    assert_eq!(entries[0].0, "project.qde");
    assert_valid(&entries[0].1);
}

/// Each position's selection in the project made with `texts`, checked against the position's
/// quote by `holds(words, excerpt)`; the number of positions checked and the project.
fn check_positions<'t>(
    session: &Session,
    texts: impl Fn(&visavis::model::SourceId) -> Option<&'t visavis::sources::SourceText>,
    holds: impl Fn(&str, &visavis::model::Position),
) -> (usize, String) {
    let (qde, files) = visavis::exchange::qdpx::project(session, "t", Lang::Fr, texts);
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
                holds(&words, p);
                checked += 1;
            }
        }
    }
    (checked, qde)
}

#[test]
fn every_selection_holds_its_quote_and_every_cell_reading_is_kept() {
    let session = example();
    let (checked, qde) = check_positions(
        &session,
        |_| None,
        |words, p| assert_eq!(words, p.citation.excerpt, "{}", p.title),
    );
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
fn with_the_documents_each_source_is_its_document_and_each_quote_is_selected_in_it() {
    let Ok(dir) = std::env::var("VISAVIS_SOURCES_DIR") else {
        eprintln!("skipped: VISAVIS_SOURCES_DIR names no folder of the seed documents");
        return;
    };
    let session = example();
    let d = &session.dossier;
    let dirs = SourceDirs::new(Some(Path::new(&dir)), None);
    let texts = sources::read_sources(d, &dirs, &Limits::default(), true);
    assert_eq!(texts.texts.len(), d.sources.len(), "every seed read");
    let spaced = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let (checked, qde) = check_positions(
        &session,
        |id| texts.get(id),
        |words, p| match sources::verify(&p.citation.excerpt, texts.get(&p.citation.source)) {
            // Found as it is: the selection is those words of the document.
            Verification::Verified { .. } => {
                assert_eq!(spaced(words), spaced(&p.citation.excerpt), "{}", p.title);
            }
            // Found once extraction artefacts are folded: its paragraphs, whole.
            Verification::VerifiedTypographic { .. } => {
                assert!(words.chars().count() >= p.citation.excerpt.chars().count() / 2);
            }
            // Not in the document: appended after it, as it is.
            _ => assert_eq!(words, p.citation.excerpt, "{}", p.title),
        },
    );
    assert_eq!(checked, d.positions.len());
    // The project still validates, and the text files are the documents.
    let (_, files) = visavis::exchange::qdpx::project(&session, "t", Lang::Fr, |id| texts.get(id));
    // Imported back, it proposes nothing: its own selections are known.
    let bytes =
        visavis::exchange::qdpx::qdpx(&session, "t", Lang::Fr, |id| texts.get(id)).expect("zip");
    let back = visavis::exchange::import::import(&bytes, "a.qdpx", &session).expect("imports");
    assert_eq!(back.candidates, []);
    let first = &texts
        .get(&d.sources[0].id)
        .expect("read")
        .extracted()
        .paragraphs[0]
        .text;
    assert!(files.iter().any(|(_, t)| t.starts_with(first.as_str())));
    assert_valid(&qde);
}

#[test]
fn exports_are_stable_and_forbidden_characters_show() {
    let session = example();
    let a = visavis::exchange::qdpx::qdpx(&session, "t", Lang::Fr, |_| None).expect("zip");
    let b = visavis::exchange::qdpx::qdpx(&session, "t", Lang::Fr, |_| None).expect("zip");
    assert_eq!(a, b, "the same session gives the same bytes");
    let mut hostile = session.clone();
    let cell = CellId::new("revalorisations-salariales", "uniopss");
    hostile.assessments.get_mut(&cell).expect("cell").note = "avant\u{1}après <b>".into();
    let (qde, _) = visavis::exchange::qdpx::project(&hostile, "t", Lang::Fr, |_| None);
    assert!(
        qde.contains("avant\u{FFFD}après &lt;b&gt;"),
        "replaced and escaped"
    );
    let (original, _) = visavis::exchange::qdpx::project(&session, "t", Lang::Fr, |_| None);
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
    let (qde, _) = visavis::exchange::qdpx::project(&session, "t", Lang::Fr, |_| None);
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
    // Over a session: refused at once (nothing said of the documents), the session untouched.
    let session = dir.path().join("session.qdpx");
    std::fs::copy(EXAMPLE, &session).expect("copy");
    let before = std::fs::read(&session).expect("read");
    let refused = run(&session);
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty(), "{refused:?}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("another name for the project"));
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

/// A file that is no session: the README of the hand-made project.
const HAND_NOTES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/refi-qda/hand-made/README.md"
);

/// `visavis qdpx import PROJECT SESSION -o OUT [--force]`.
fn import_cli(project: &Path, session: &Path, out: &Path, force: bool) -> std::process::Output {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "qdpx".as_ref(),
        "import".as_ref(),
        project.as_os_str(),
        session.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    if force {
        args.push("--force".as_ref());
    }
    visavis(&args)
}

fn visavis(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(args)
        .output()
        .expect("run visavis")
}

#[test]
fn the_hand_made_project_validates_against_the_schema() {
    let qde = std::fs::read_to_string(refi_qda::hand_made_qde()).expect("project.qde");
    assert_valid(&qde);
}

#[test]
fn import_proposes_the_two_selections_verbatim_as_candidates_and_nothing_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("codage.qdpx");
    refi_qda::hand_made_qdpx(&project);
    let out_path = dir.path().join("avec-propositions.ron");
    let before = std::fs::read(EXAMPLE).expect("example");
    let out = import_cli(&project, Path::new(EXAMPLE), &out_path, false);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains("2 proposed positions added"), "{stdout}");
    assert_eq!(
        std::fs::read(EXAMPLE).expect("example"),
        before,
        "input untouched"
    );

    let session = visavis::persist::load(&out_path).expect("loads").session;
    let original = example();
    assert_eq!(
        session.dossier, original.dossier,
        "no position made by itself"
    );
    assert_eq!(session.assessments, original.assessments);
    let excerpts: Vec<(&str, &str, &str)> = session
        .candidates
        .iter()
        .map(|c| {
            (
                c.stakeholder.as_str(),
                c.citation.source.as_str(),
                c.citation.excerpt.as_str(),
            )
        })
        .collect();
    assert_eq!(
        excerpts,
        [
            (
                "uniopss",
                "uniopss-contribution",
                "Elle regrette une réflexion compartimentée avec d’un côté le chantier Grand âge et \
                 autonomie, de l’autre le Ségur de la Santé."
            ),
            (
                "uniopss",
                "uniopss-contribution",
                "l’impératif de préserver les libertés publiques, notamment pour les résidents des \
                 EHPAD et des établissements psychiatriques"
            ),
        ]
    );
    assert!(session.candidates.iter().all(|c| c.origin
        == visavis::model::CandidateOrigin::RefiQdaImport {
            file: "codage.qdpx".to_owned()
        }));
    // The seed documents say these words, as the dossier's own quotes do.
    if let Ok(dir) = std::env::var("VISAVIS_SOURCES_DIR") {
        let seed = std::fs::read_to_string(Path::new(&dir).join("001_8ca22f474e26018e.txt"))
            .expect("seed");
        let spaced = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for (_, _, excerpt) in &excerpts {
            assert!(spaced(&seed).contains(&spaced(excerpt)), "{excerpt}");
        }
        // `validate` checks the proposed quotes too, and warns of one the document lacks.
        let validate = |file: &Path| {
            visavis(&[
                "validate".as_ref(),
                "--sources".as_ref(),
                dir.as_ref(),
                file.as_os_str(),
            ])
        };
        let ok = validate(&out_path);
        assert!(ok.status.success(), "{ok:?}");
        let said = String::from_utf8_lossy(&ok.stdout);
        assert!(
            said.contains("2 of 2 proposed positions' quotes found"),
            "{said}"
        );
        let mut tampered = session.clone();
        tampered.candidates[0].citation.excerpt = "Des mots que l’Uniopss n’a pas écrits".into();
        let path = out_path.with_file_name("tampered.ron");
        visavis::persist::save(&tampered, &path).expect("save");
        let warned = validate(&path);
        assert!(
            warned.status.success(),
            "a proposal does not make the file invalid"
        );
        let said = String::from_utf8_lossy(&warned.stdout);
        assert!(
            said.contains("warning: proposed position 1 (uniopss"),
            "{said}"
        );
        assert!(
            said.contains("1 of 2 proposed positions' quotes found"),
            "{said}"
        );
    }

    // Importing the same project again proposes nothing new, and writes nothing.
    let again = dir.path().join("encore.ron");
    let out = import_cli(&project, &out_path, &again, false);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing new"));
    assert!(!again.exists());
}

#[test]
fn a_source_named_otherwise_in_the_other_tool_is_found_by_the_quotes_its_text_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("nvivo.qdpx");
    refi_qda::hand_made_qdpx(&project);
    // The same project, its source renamed as a researcher would have named it.
    let renamed = dir.path().join("renamed.qdpx");
    {
        use std::io::Write as _;
        let mut from =
            zip::ZipArchive::new(std::fs::File::open(&project).expect("open")).expect("zip");
        let mut to = zip::ZipWriter::new(std::fs::File::create(&renamed).expect("create"));
        for i in 0..from.len() {
            let mut entry = from.by_index(i).expect("entry");
            let name = entry.name().expect("name").to_string();
            let mut text = String::new();
            entry.read_to_string(&mut text).expect("read");
            if name == "project.qde" {
                text = text.replace(
                    "name=\"Projet de contribution au Ségur de la santé\"",
                    "name=\"Uniopss — contribution (entretien codé)\"",
                );
                assert!(text.contains("entretien codé"));
            }
            to.start_file(name, zip::write::SimpleFileOptions::default())
                .expect("entry");
            to.write_all(text.as_bytes()).expect("write");
        }
        to.finish().expect("finish");
    }
    let out = dir.path().join("out.ron");
    let run = import_cli(&renamed, Path::new(EXAMPLE), &out, false);
    assert!(run.status.success(), "{run:?}");
    let session = visavis::persist::load(&out).expect("loads").session;
    assert_eq!(session.candidates.len(), 2);
    assert!(
        session
            .candidates
            .iter()
            .all(|c| c.citation.source.as_str() == "uniopss-contribution")
    );
}

#[test]
fn names_from_the_project_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let qde = std::fs::read_to_string(refi_qda::hand_made_qde())
        .expect("project.qde")
        .replace(
            "name=\"Projet de contribution au Ségur de la santé\"",
            "name=\"Inconnu&#27;[2J&#10;forged: line\"",
        );
    let project = dir.path().join("hostile.qdpx");
    {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&project).expect("create"));
        zip.start_file("project.qde", zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(qde.as_bytes()).expect("write");
        zip.finish().expect("finish");
    }
    let out = import_cli(
        &project,
        Path::new(EXAMPLE),
        &dir.path().join("o.ron"),
        false,
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Inconnu\\u{1b}[2J\\u{a}forged: line"),
        "{said}"
    );
    assert!(
        !said.contains('\u{1b}'),
        "no escape sequence reaches the terminal"
    );
    assert!(
        said.lines().all(|l| l.contains("left out")),
        "no line forged: {said}"
    );
}

#[test]
fn import_refuses_what_is_no_project_and_never_writes_over_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("codage.qdpx");
    refi_qda::hand_made_qdpx(&project);
    let session = dir.path().join("session.ron");
    std::fs::copy(EXAMPLE, &session).expect("copy");
    let before = std::fs::read(&session).expect("read");
    let refused = |p: &Path, s: &Path, o: &Path, says: &str| {
        let out = import_cli(p, s, o, false);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
    };
    // -o names the session itself.
    refused(&project, &session, &session, "one of the command's inputs");
    assert_eq!(std::fs::read(&session).expect("read"), before);
    // Not a zip archive: the session file given as the project.
    let out = dir.path().join("out.ron");
    refused(&session, &session, &out, "not a REFI-QDA project");
    // A zip without project.qde.
    let empty = dir.path().join("vide.qdpx");
    zip::ZipWriter::new(std::fs::File::create(&empty).expect("create"))
        .finish()
        .expect("finish");
    refused(&empty, &session, &out, "no project.qde");
    // A dossier is not a session to import into.
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/segur-2020.ron");
    refused(&project, &dossier, &out, "a dossier, not a session");
    assert!(!out.exists(), "nothing written");
    // An existing file is not replaced without --force.
    let notes = dir.path().join("notes.txt");
    std::fs::copy(HAND_NOTES, &notes).expect("copy");
    refused(&project, &session, &notes, "this file exists");
    assert_eq!(
        std::fs::read(&notes).expect("read"),
        std::fs::read(HAND_NOTES).expect("read")
    );
    let forced = import_cli(&project, &session, &notes, true);
    assert!(forced.status.success(), "{forced:?}");
    assert!(
        visavis::persist::backup_of(&notes).exists(),
        "the old file kept as .bak"
    );
    // A named pipe as the project: refused at once, not waited on.
    #[cfg(unix)]
    {
        let fifo = dir.path().join("tube.qdpx");
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo")
                .success()
        );
        refused(&fifo, &session, &out, "not a regular file");
    }
}

#[test]
fn the_example_s_own_export_imported_back_from_the_command_line_is_nothing_new() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("analyse.qdpx");
    let export = visavis(&[
        "qdpx".as_ref(),
        "export".as_ref(),
        EXAMPLE.as_ref(),
        "-o".as_ref(),
        project.as_os_str(),
    ]);
    assert!(export.status.success(), "{export:?}");
    let out = dir.path().join("out.ron");
    let back = import_cli(&project, Path::new(EXAMPLE), &out, false);
    assert!(back.status.success(), "{back:?}");
    assert!(String::from_utf8_lossy(&back.stdout).contains("nothing new"));
    assert!(!out.exists());
}

#[test]
fn the_example_s_own_export_imported_back_proposes_nothing() {
    use visavis::exchange::import::Why;
    let session = example();
    let bytes = visavis::exchange::qdpx::qdpx(&session, "t", Lang::Fr, |_| None).expect("zip");
    let imported =
        visavis::exchange::import::import(&bytes, "analyse.qdpx", &session).expect("imports");
    assert!(imported.candidates.is_empty(), "{:?}", imported.candidates);
    // Every position is known; the measures' citations describe the measures (in the
    // government's documents, nobody's; in a stakeholder's, as the dossier quotes them).
    let positions = imported
        .skipped
        .iter()
        .filter(|s| matches!(s.why, Why::AlreadyPosition(_)))
        .count();
    assert!(positions >= session.dossier.positions.len(), "{positions}");
    assert!(imported.skipped.iter().all(|s| matches!(
        s.why,
        Why::AlreadyPosition(_) | Why::NoStakeholder | Why::MeasureCitation(_)
    )));
}

#[test]
fn the_syntheses_are_notes_the_project_and_the_measures_refer_to() {
    use visavis::model::SynthesisOf;
    let mut session = example();
    let measure = session.dossier.measures[0].id.clone();
    let s = &mut session.syntheses;
    s.set(
        SynthesisOf::Dossier,
        "Un accord salarial, peu de réponses aux demandes.".into(),
    );
    s.set(
        SynthesisOf::Stakeholder("uniopss".into()),
        "Salue, reste vigilante.".into(),
    );
    s.set(
        SynthesisOf::Measure(measure.clone()),
        "La mesure phare.".into(),
    );
    let (qde, _) = visavis::exchange::qdpx::project(&session, "t", Lang::Fr, |_| None);
    for text in [
        "Un accord salarial, peu de réponses aux demandes.",
        "Salue, reste vigilante.",
        "La mesure phare.",
    ] {
        assert!(
            qde.contains(&format!("<PlainTextContent>{text}</PlainTextContent>")),
            "{text}"
        );
    }
    assert!(qde.contains("name=\"Synthèse — Uniopss\""));
    // The project refers to the dossier's synthesis, the measure's code to its own.
    let guid_of = |name: &str| {
        let at = qde.find(&format!("name=\"{name}\"")).expect(name);
        let tag = &qde[qde[..at].rfind('<').expect("tag")..at];
        attr(tag, "guid").expect("guid").to_owned()
    };
    let title = session.dossier.title.clone();
    let dossier_note = guid_of(&format!("Synthèse — {title}"));
    let tail = &qde[qde.rfind("</Notes>").expect("notes")..];
    assert!(tail.contains(&format!("<NoteRef targetGUID=\"{dossier_note}\"/>")));
    let m = &session.dossier.measures[0];
    let measure_note = guid_of(&format!("Synthèse — {}", m.title));
    let code = &qde[qde.find(&format!("{} — ", m.id)).expect("code")..];
    let code = &code[..code.find("</Code>").expect("end")];
    assert!(code.contains(&format!("<NoteRef targetGUID=\"{measure_note}\"/>")));
    assert_valid(&qde);
}
