//! `visavis dossier init FOLDER -o DOSSIER`, run as a user runs it on a folder the test makes:
//! the draft validates, documents that cannot be read are warned about, nothing is written on
//! an error, and a session is never overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use visavis::model::SourceKind;
use visavis::persist::{self, Origin};
use visavis::sources::Limits;
use visavis::sources::draft::{self, DraftOptions, DraftWarning, SkipReason};

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

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::File::create(path)
        .and_then(|mut f| f.write_all(bytes))
        .expect("write");
}

/// A DOCX of `paragraphs` whose `docProps/core.xml` gives a title and a creation date.
fn docx(title: &str, created: &str, paragraphs: &[&str]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut body = String::new();
    for p in paragraphs {
        body.push_str("<w:p><w:r><w:t>");
        body.push_str(p);
        body.push_str("</w:t></w:r></w:p>");
    }
    let files = [
        (
            "word/document.xml".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            ),
        ),
        (
            "docProps/core.xml".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>"#
            ),
        ),
    ];
    for (name, content) in &files {
        z.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start");
        z.write_all(content.as_bytes()).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

/// The folder an analyst gathers: the government's texts at the top (two plain texts and a
/// DOCX), and one sub-folder per stakeholder with a Markdown and an HTML document.
fn folder(root: &Path) -> PathBuf {
    let docs = root.join("Ségur 2020");
    write(
        &docs.join("communique-2020-07-21.txt"),
        "Conclusions du Ségur de la santé\n\nMesure 1 : Revaloriser les métiers des établissements de santé et des Ehpad. 7,6 milliards d'euros par an.\n\nMesure 2 – Créer 15 000 postes à l'hôpital.\n\nMesure 3 : Investir 19 milliards\nd'euros dans le système de santé.\n"
            .as_bytes(),
    );
    write(
        &docs.join("dossier de presse.txt"),
        "Dossier de presse\n\nLe ministre a présenté les conclusions.\n".as_bytes(),
    );
    write(
        &docs.join("discours.docx"),
        &docx(
            "Discours du Premier ministre",
            "2020-07-21T09:30:00Z",
            &["Mesdames et messieurs,", "Le Ségur est un succès."],
        ),
    );
    write(
        &docs.join("Uniopss/contribution.md"),
        "# Contribution de l'Uniopss\n\n1) Associer le médico-social à la réforme.\n".as_bytes(),
    );
    write(
        &docs.join("Uniopss/reaction.html"),
        "<!DOCTYPE html><html><head><title>Réaction de l&#8217;Uniopss</title></head><body><p>Des avancées.</p></body></html>"
            .as_bytes(),
    );
    write(
        &docs.join("Fédération hospitalière/fhf-20200722.md"),
        "Communiqué de la FHF\n\nUn accord historique.\n".as_bytes(),
    );
    write(
        &docs.join("Fédération hospitalière/propositions.html"),
        "<html><head><title>Propositions de la FHF</title></head><body><h1>Propositions</h1><p>Un plan d'investissement.</p></body></html>"
            .as_bytes(),
    );
    write(&docs.join(".DS_Store"), b"\0\0\0\x01Bud1");
    docs
}

#[test]
fn init_drafts_a_dossier_that_validate_accepts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = folder(dir.path());
    let out_path = docs.join("dossier.ron");
    let out = visavis(&[
        "dossier".as_ref(),
        "init".as_ref(),
        docs.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
        "--measures-from".as_ref(),
        "communique-2020-07-21.txt".as_ref(),
        "--id".as_ref(),
        "segur-2020".as_ref(),
    ]);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains(
            "draft dossier \"Ségur 2020\" written: 7 sources, 2 stakeholders, 3 measures proposed in 1 pillar"
        ),
        "{stdout}"
    );
    assert!(stderr.is_empty(), "no warning: {stderr}");

    let loaded = persist::load(&out_path).expect("the draft loads");
    assert_eq!(loaded.origin, Origin::Dossier);
    let d = &loaded.session.dossier;
    assert_eq!(d.id, "segur-2020");
    let ids: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "communique-2020-07-21",
            "discours",
            "dossier-de-presse",
            "fhf-20200722",
            "propositions",
            "contribution",
            "reaction",
        ]
    );
    let discours = &d.sources[1];
    assert_eq!(discours.title, "Discours du Premier ministre");
    assert_eq!(discours.date, "2020-07-21");
    assert_eq!(discours.organisation, "Gouvernement");
    assert_eq!(discours.kind, SourceKind::Official);
    assert_eq!(discours.stakeholder, None);
    let communique = &d.sources[0];
    assert_eq!(communique.title, "Conclusions du Ségur de la santé");
    assert_eq!(communique.date, "2020-07-21");
    let fhf = &d.sources[3];
    assert_eq!(fhf.date, "2020-07-22");
    assert_eq!(fhf.organisation, "Fédération hospitalière");
    assert_eq!(fhf.kind, SourceKind::Contribution);
    assert_eq!(
        fhf.file.as_deref(),
        Some("Fédération hospitalière/fhf-20200722.md")
    );
    assert_eq!(
        fhf.stakeholder
            .as_ref()
            .map(visavis::model::StakeholderId::as_str),
        Some("federation-hospitaliere")
    );
    let reaction = &d.sources[6];
    assert_eq!(reaction.title, "Réaction de l\u{2019}Uniopss");
    assert_eq!(
        reaction
            .stakeholder
            .as_ref()
            .map(visavis::model::StakeholderId::as_str),
        Some("uniopss")
    );
    assert_eq!(d.sources[5].title, "Contribution de l'Uniopss");
    let names: Vec<&str> = d.stakeholders.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Fédération hospitalière", "Uniopss"]);
    assert_eq!(d.pillars.len(), 1);
    assert_eq!(d.pillars[0].title, "Conclusions du Ségur de la santé");
    let measures: Vec<(&str, &str)> = d
        .measures
        .iter()
        .map(|m| (m.id.as_str(), m.title.as_str()))
        .collect();
    assert_eq!(
        measures,
        [
            (
                "m1",
                "Revaloriser les métiers des établissements de santé et des Ehpad"
            ),
            ("m2", "Créer 15 000 postes à l'hôpital"),
            (
                "m3",
                "Investir 19 milliards d'euros dans le système de santé"
            ),
        ]
    );
    assert!(d.positions.is_empty());

    let out = visavis(&["validate".as_ref(), out_path.as_os_str()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("3 of 3 citations verified"), "{stdout}");

    // Again, without measures, and written outside the folder: it validates too, and the
    // summary says how to find the documents.
    let elsewhere = dir.path().join("brouillon.ron");
    let out = visavis(&[
        "dossier".as_ref(),
        "init".as_ref(),
        docs.as_os_str(),
        "-o".as_ref(),
        elsewhere.as_os_str(),
    ]);
    let stdout = text(&out.stdout);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("7 sources, 2 stakeholders, 0 measures proposed"),
        "{stdout}"
    );
    assert!(
        stderr.is_empty(),
        "the dossier beside the documents is no warning: {stderr}"
    );
    assert!(
        stdout.contains(&format!("--sources {}", docs.display())),
        "{stdout}"
    );
    let out = visavis(&["validate".as_ref(), elsewhere.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn an_unreadable_document_among_good_ones_is_an_error_unless_keep_going() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    write(&docs.join("bon.txt"), "Un texte lisible.\n".as_bytes());
    write(&docs.join("CNOM/abime.docx"), b"PK\x03\x04pas une archive");
    write(&docs.join("CNOM/avis.txt"), "Avis du CNOM.\n".as_bytes());
    write(&docs.join("photo.jpg"), b"\xFF\xD8\xFF");
    let out_path = docs.join("dossier.ron");
    let run = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "dossier".as_ref(),
            "init".as_ref(),
            docs.as_os_str(),
            "-o".as_ref(),
            out_path.as_os_str(),
        ];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        visavis(&args)
    };
    let out = run(&[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}: error: skipped: damaged DOCX file",
            docs.join("CNOM/abime.docx").display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(
        !stderr.contains("photo.jpg"),
        "a file in no source format is no error: {stderr}"
    );
    assert!(out.stdout.is_empty());
    assert!(!out_path.exists(), "nothing written");

    let out = run(&["--keep-going"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}: warning: skipped: damaged DOCX file",
            docs.join("CNOM/abime.docx").display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("photo.jpg: warning: skipped: not a source document"),
        "{stderr}"
    );
    assert!(
        text(&out.stdout).contains("2 sources, 1 stakeholder, 0 measures proposed; 2 warnings")
    );
    assert!(out_path.is_file());
}

#[test]
fn two_sources_with_the_same_title_and_date_are_an_error_unless_keep_going() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    write(
        &docs.join("FHF/communique-2020-07-21.txt"),
        "Communiqué de la FHF\n\nLe texte.\n".as_bytes(),
    );
    write(
        &docs.join("FHF/communique-2020-07-21.md"),
        "# Communiqué de la FHF\n\nLe même texte.\n".as_bytes(),
    );
    let out_path = dir.path().join("dossier.ron");
    let args = |keep_going: bool| {
        let mut a: Vec<&std::ffi::OsStr> = vec![
            "dossier".as_ref(),
            "init".as_ref(),
            docs.as_os_str(),
            "-o".as_ref(),
            out_path.as_os_str(),
        ];
        if keep_going {
            a.push("--keep-going".as_ref());
        }
        a
    };
    let out = visavis(&args(false));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}: error: same title \"Communiqué de la FHF\" and date 2020-07-21 as FHF/communique-2020-07-21.md",
            docs.join("FHF/communique-2020-07-21.txt").display()
        )),
        "{stderr}"
    );
    assert!(!out_path.exists(), "nothing written");
    let out = visavis(&args(true));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let d = persist::load(&out_path).expect("loads");
    assert_eq!(d.session.dossier.sources.len(), 2);
}

#[test]
fn a_folder_with_nothing_readable_is_an_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("vide");
    std::fs::create_dir(&empty).expect("folder");
    let out_path = dir.path().join("dossier.ron");
    let run = |folder: &Path| {
        visavis(&[
            "dossier".as_ref(),
            "init".as_ref(),
            folder.as_os_str(),
            "-o".as_ref(),
            out_path.as_os_str(),
        ])
    };
    let out = run(&empty);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: no readable document (the folder is empty)",
            empty.display()
        )),
        "{stderr}"
    );
    assert!(!out_path.exists(), "nothing written");

    let bad = dir.path().join("illisibles");
    write(&bad.join("scan.pdf"), b"%PDF-1.4\n% rien\n");
    write(&bad.join("latin1.txt"), b"caf\xe9\n");
    write(&bad.join("tableau.xlsx"), b"PK\x03\x04");
    let out = run(&bad);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no readable document; skipped:"),
        "{stderr}"
    );
    for file in [
        "latin1.txt: skipped: not UTF-8",
        "scan.pdf: skipped:",
        "tableau.xlsx: skipped: not a source document",
    ] {
        assert!(stderr.contains(file), "{file} in {stderr}");
    }
    assert!(out.stdout.is_empty());
    assert!(!out_path.exists(), "nothing written");

    // Measures from a document that is not in the folder: an error too.
    write(&bad.join("ok.txt"), "Lisible.\n".as_bytes());
    let out = visavis(&[
        "dossier".as_ref(),
        "init".as_ref(),
        bad.as_os_str(),
        "-o".as_ref(),
        out_path.as_os_str(),
        "--measures-from".as_ref(),
        "absent.txt".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("absent.txt: not one of the documents of"),
        "{}",
        text(&out.stderr)
    );
    assert!(!out_path.exists(), "nothing written");
}

#[test]
fn a_session_or_dossier_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    write(&docs.join("texte.txt"), "Un texte.\n".as_bytes());
    let session = dir.path().join("analyse.ron");
    let s = visavis::model::Session::new(
        persist::default_dossier(),
        "Analyste",
        "2026-01-01T00:00:00Z",
    );
    persist::save(&s, &session).expect("save");
    let before = std::fs::read(&session).expect("read");
    let run = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "dossier".as_ref(),
            "init".as_ref(),
            docs.as_os_str(),
            "-o".as_ref(),
            session.as_os_str(),
        ];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        visavis(&args)
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("this file is a session or a dossier"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&session).expect("read"), before, "untouched");
    let out = run(&["--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        persist::load(&session).expect("loads").origin,
        Origin::Dossier
    );
    assert_eq!(
        std::fs::read(persist::backup_of(&session)).expect(".bak"),
        before
    );

    // A document's name is never an output.
    let doc = docs.join("texte.txt");
    let out = visavis(&[
        "dossier".as_ref(),
        "init".as_ref(),
        docs.as_os_str(),
        "-o".as_ref(),
        doc.as_os_str(),
        "--force".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&doc).expect("read"), "Un texte.\n");
}

#[test]
fn the_library_draft_names_what_it_skipped_and_same_title_and_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    write(&docs.join("a-2020-01-02.txt"), "Même titre\n".as_bytes());
    write(&docs.join("b-2020-01-02.txt"), "Même titre\n".as_bytes());
    write(&docs.join("A 2020 01 02.txt"), "Autre\n".as_bytes());
    write(&docs.join("a_2020_01_02.md"), "Encore\n".as_bytes());
    write(&docs.join("~$brouillon.docx"), b"lock");
    write(&docs.join("Vide/notes.odt"), b"pas un odt");
    let options = DraftOptions {
        skip: vec![docs.join("dossier.ron")],
        limits: Limits {
            program: Some(env!("CARGO_BIN_EXE_visavis").into()),
            ..Limits::default()
        },
        ..DraftOptions::default()
    };
    let d = draft::draft(&docs, &options, &visavis::progress::Progress::none()).expect("drafted");
    let ids: Vec<&str> = d.dossier.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "a-2020-01-02",
            "a-2020-01-02-2",
            "a-2020-01-02-3",
            "b-2020-01-02"
        ]
    );
    assert!(
        d.warnings.contains(&DraftWarning::SameTitleAndDate {
            first: "a-2020-01-02.txt".into(),
            second: "b-2020-01-02.txt".into(),
            title: "Même titre".into(),
            date: "2020-01-02".into(),
        }),
        "{:?}",
        d.warnings
    );
    assert!(d.warnings.contains(&DraftWarning::EmptyStakeholder {
        folder: "Vide".into()
    }));
    assert!(
        d.skipped
            .iter()
            .any(|s| s.file == "~$brouillon.docx" && s.reason == SkipReason::Hidden)
    );
    assert!(
        d.skipped
            .iter()
            .any(|s| s.file == "Vide/notes.odt" && matches!(s.reason, SkipReason::Unreadable(..)))
    );
    // The window's review says it in French, the reader's reason included.
    let french: Vec<String> = d
        .warnings
        .iter()
        .map(|w| w.in_lang(visavis::i18n::Lang::Fr))
        .collect();
    assert!(
        french
            .iter()
            .any(|w| w.starts_with("Vide/notes.odt\u{a0}: ignoré\u{a0}: illisible (nommé comme un fichier ODT, mais le fichier n’est pas dans ce format")),
        "{french:?}"
    );
    assert_eq!(d.dossier.validate(), vec![]);
}
