//! Each format read into source text, and each kind of bad document.

use super::fixture;
use std::io::Write;
use std::path::Path;
use visavis::generate::documents;
use visavis::sources::{self, ExtractError, Extracted, Limits, Place, SourceText, Verification};

fn texts(e: &Extracted) -> Vec<&str> {
    e.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(bytes))
        .expect("write");
    path
}

/// A zip archive of `files` (name, content), deflated, as an editor writes one.
fn zip(files: &[(&str, &str)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in files {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start");
        z.write_all(body.as_bytes()).expect("write");
    }
    z.finish().expect("finish").into_inner()
}

#[test]
fn a_pdf_gives_its_text_layer_page_by_page() {
    let e = sources::extract(&fixture("texte.pdf")).expect("reads");
    assert_eq!(e.pages, Some(3));
    let all = texts(&e).join("\n");
    assert!(all.contains("Rapport de la Fédération"), "{all}");
    let second = e
        .paragraphs
        .iter()
        .find(|p| p.text.contains("Deuxième page"))
        .expect("page 2");
    assert_eq!(second.page, Some(2));
    let text = e.to_text();
    assert_eq!(text.matches('\u{c}').count(), 2, "{text:?}");
    // A quote from page 2 is located there.
    let source = SourceText::new(e);
    let v = source.verify("nous demandons un plan d’investissement de 19 milliards d’euros");
    assert!(
        matches!(
            v,
            Verification::Verified {
                place: Place::Page(2),
                ..
            }
        ),
        "{v:?}"
    );
}

#[test]
fn a_pdf_without_text_is_a_scan_that_needs_ocr() {
    let err = sources::extract(&fixture("sans-texte.pdf")).expect_err("no text");
    assert!(
        matches!(err, ExtractError::NoTextLayer { pages: 1, .. }),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains("sans-texte.pdf: no text layer"),
        "{message}"
    );
    assert!(message.contains("run OCR first"), "{message}");
}

#[test]
fn a_damaged_pdf_is_reported_as_damaged() {
    let err = sources::extract(&fixture("corrompu.pdf")).expect_err("damaged");
    assert!(
        matches!(err, ExtractError::Corrupt { format: "PDF", .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("corrompu.pdf: damaged PDF file"),
        "{err}"
    );
}

#[test]
fn a_docx_gives_its_paragraphs_with_tabs_breaks_and_hyperlink_runs() {
    let document = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Titre</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Nous </w:t></w:r><w:hyperlink><w:r><w:t>demandons</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> l&apos;égalité &amp; la </w:t><w:tab/><w:t>justice</w:t><w:br/><w:t>sociale.</w:t></w:r><w:del><w:r><w:delText>supprimé</w:delText></w:r></w:del></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cellule</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "contribution.docx",
        &zip(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", document),
        ]),
    );
    let e = sources::extract(&path).expect("reads");
    assert_eq!(
        texts(&e),
        [
            "Titre",
            "Nous demandons l'égalité & la \tjustice\nsociale.",
            "cellule"
        ]
    );
    assert_eq!(e.pages, None);
    // The generator's DOCX (benchmarks) reads back as written.
    let paragraphs = vec!["Un.".to_owned(), "Deux,\nsur deux lignes.".to_owned()];
    let built = write(dir.path(), "g.docx", &documents::docx(&paragraphs));
    assert_eq!(
        texts(&sources::extract(&built).expect("reads")),
        ["Un.", "Deux,\nsur deux lignes."]
    );
}

#[test]
fn an_odt_gives_its_headings_paragraphs_and_lists_with_spaces_and_breaks() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:h text:outline-level="1">Contribution</text:h>
<text:p>Nous   <text:span>demandons</text:span><text:s text:c="3"/>trois<text:tab/>choses<text:line-break/>et d&apos;autres.<office:annotation><text:p>un commentaire</text:p></office:annotation></text:p>
<text:list><text:list-item><text:p>premier point</text:p></text:list-item><text:list-item><text:p>second point</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"#;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "contribution.odt",
        &zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]),
    );
    let e = sources::extract(&path).expect("reads");
    assert_eq!(
        texts(&e),
        [
            "Contribution",
            "Nous demandons   trois\tchoses\net d'autres.",
            "premier point",
            "second point"
        ]
    );
    let built = write(dir.path(), "g.odt", &documents::odt(&["Un.".to_owned()]));
    assert_eq!(texts(&sources::extract(&built).expect("reads")), ["Un."]);
}

#[test]
fn an_html_page_gives_its_text_without_scripts_and_with_entities_decoded() {
    let html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><title>Communiqué</title><script>var secret = 'ne doit pas paraître';</script></head>\n<body><h1>L&rsquo;Uniopss r&eacute;agit</h1><script>document.write('<p>injecté</p>')</script><p>Le &laquo;&nbsp;S&eacute;gur&nbsp;&raquo; &amp; le m&#233;dico-social&#x2026;</p><style>p{}</style></body></html>";
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "communique.html", html.as_bytes());
    let e = sources::extract(&path).expect("reads");
    assert_eq!(
        texts(&e),
        [
            "L’Uniopss réagit",
            "Le «\u{a0}Ségur\u{a0}» & le médico-social…"
        ]
    );
    let all = e.to_text();
    assert!(
        !all.contains("secret") && !all.contains("injecté") && !all.contains("Communiqué"),
        "{all}"
    );
}

#[test]
fn each_bad_document_names_the_file_and_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = std::fs::read(fixture("texte.pdf")).expect("fixture");
    let docx = documents::docx(&["Un.".to_owned()]);
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (dir.path().join("absent.pdf"), "absent.pdf: no such file"),
        (
            write(dir.path(), "notes.rtf", b"{\\rtf1}"),
            "notes.rtf: unsupported kind of document",
        ),
        (
            write(dir.path(), "rapport.docx", &pdf),
            "rapport.docx: named as DOCX but the file is a PDF",
        ),
        (
            write(dir.path(), "rapport.odt", &docx),
            "rapport.odt: named as ODT but the file is a Word document",
        ),
        (
            write(dir.path(), "rapport.pdf", b"Bonjour"),
            "rapport.pdf: named as PDF but the file is not in that format",
        ),
        (
            write(
                dir.path(),
                "casse.docx",
                b"PK\x03\x04 ceci n'est pas une archive",
            ),
            "casse.docx: damaged DOCX file",
        ),
        (
            write(dir.path(), "vide.txt", b" \n\n \n"),
            "vide.txt: the document holds no text",
        ),
        (
            write(dir.path(), "latin1.txt", b"caf\xe9"),
            "latin1.txt: not UTF-8 text",
        ),
    ];
    for (path, expected) in cases {
        let err = sources::extract(&path).expect_err("refused");
        let message = err.to_string();
        assert!(
            message.contains(expected) && message.starts_with(&*path.to_string_lossy()),
            "{message}\n  expected: {expected}"
        );
    }
}

#[test]
fn the_isolated_reader_gives_the_same_text_and_the_same_refusals() {
    let limits = Limits {
        program: Some(env!("CARGO_BIN_EXE_visavis").into()),
        ..Limits::default()
    };
    let pdf = fixture("texte.pdf");
    assert_eq!(
        sources::extract_isolated(&pdf, &limits).expect("reads"),
        sources::extract(&pdf).expect("reads")
    );
    let err = sources::extract_isolated(&fixture("sans-texte.pdf"), &limits).expect_err("no text");
    assert!(matches!(err, ExtractError::Reported { .. }), "{err:?}");
    assert!(err.to_string().contains("no text layer"), "{err}");
    // The window shows the child's refusal in French too, the file named first.
    let french = err.in_lang(visavis::i18n::Lang::Fr);
    assert!(french.contains("aucune couche de texte"), "{french}");
    assert!(
        french.starts_with(&*fixture("sans-texte.pdf").to_string_lossy()),
        "{french}"
    );
    assert!(
        !err.to_string().contains("visavis-fr"),
        "one language per message: {err}"
    );
}
