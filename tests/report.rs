//! The gap report as a user gets it: the example analysis rendered three ways (snapshots read
//! line by line when accepted), Markdown that parses as the tables it means, HTML and CSV that
//! stay inert whatever the analyst typed, and `visavis report` on the command line. The Word and
//! OpenDocument reports are read back in [`office`]; the agreement between analysts
//! (`--agree`) is in [`agreement`].

#[path = "report/agreement.rs"]
mod agreement;
#[path = "report/office.rs"]
mod office;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use visavis::i18n::Lang;
use visavis::model::{CellId, EvidenceSet, Session};
use visavis::report::{self, Format, ReportOptions};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/segur-analyse-exemple.ron"
);

fn example() -> Session {
    match visavis::persist::load(Path::new(EXAMPLE)) {
        Ok(loaded) => loaded.session,
        Err(e) => panic!("the example analysis loads: {e}"),
    }
}

fn render(session: &Session, format: Format, lang: Lang) -> String {
    let options = ReportOptions::new(lang, "segur-analyse-exemple.ron");
    let report = report::analyse(session, &options);
    let bytes = format.render(&report);
    let bytes = bytes.strip_prefix(report::csv::BOM).unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).expect("reports are UTF-8")
}

// --- Snapshots of the example analysis -------------------------------------------------------

#[test]
fn example_report_in_markdown_french() {
    insta::assert_snapshot!(
        "example_fr.md",
        render(&example(), Format::Markdown, Lang::Fr)
    );
}

#[test]
fn example_report_in_markdown_english() {
    insta::assert_snapshot!(
        "example_en.md",
        render(&example(), Format::Markdown, Lang::En)
    );
}

#[test]
fn example_report_in_html_french() {
    insta::assert_snapshot!(
        "example_fr.html",
        render(&example(), Format::Html, Lang::Fr)
    );
}

#[test]
fn example_report_in_csv_french() {
    // Records end in CRLF (checked below); the snapshot shows them with plain line ends.
    let csv = render(&example(), Format::Csv, Lang::Fr).replace("\r\n", "\n");
    insta::assert_snapshot!("example_fr.csv", csv);
}

// --- Markdown ------------------------------------------------------------------------------

#[test]
fn each_stakeholder_is_introduced_once_by_its_full_name_and_description() {
    let session = example();
    let markdown = render(&session, Format::Markdown, Lang::Fr);
    let html = render(&session, Format::Html, Lang::Fr);
    for s in &session.dossier.stakeholders {
        let line = format!(
            "- **{}** — {}\u{a0}: {}",
            s.name, s.full_name, s.description
        );
        assert_eq!(markdown.matches(&line).count(), 1, "{line}");
        let intro = format!("<strong>{}</strong> — {}", s.name, s.full_name);
        assert_eq!(html.matches(&intro).count(), 1, "{intro}");
    }
    let who = markdown
        .find("### Les parties prenantes")
        .expect("who is who");
    let method = markdown.find("## Méthode").expect("method");
    let matrix = markdown.find("## Synthèse\n").expect("matrix");
    assert!(
        method < who && who < matrix,
        "in the method, before the matrix"
    );
}

/// Cells of one raw table line: split on the `|` that are not backslash-escaped.
fn raw_cells(line: &str) -> usize {
    let line = line.trim();
    let mut pipes = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => pipes += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    // Leading and trailing pipes delimit the row.
    pipes - 1
}

/// Every table of `markdown`: for each row (header first), the cells the parser found (empty
/// ones included) and the cells written in the source.
fn tables(markdown: &str) -> Vec<Vec<(Vec<String>, usize)>> {
    let mut tables = Vec::new();
    let mut rows: Vec<(Vec<String>, usize)> = Vec::new();
    let mut cell: Option<String> = None;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(_)) => rows.clear(),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut rows)),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                rows.push((Vec::new(), raw_cells(&markdown[range])));
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(row), Some(text)) = (rows.last_mut(), cell.take()) {
                    row.0.push(text);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    tables
}

#[test]
fn every_markdown_table_row_has_the_header_column_count() {
    let session = example();
    for lang in Lang::ALL {
        let md = render(&session, Format::Markdown, lang);
        let tables = tables(&md);
        assert_eq!(tables.len(), 1, "the summary matrix is the one table");
        let matrix = &tables[0];
        // 3 stakeholders × (4 pillars + an overall line), plus the header.
        assert_eq!(matrix.len(), 1 + 3 * 5);
        let columns = matrix[0].1;
        assert_eq!(
            columns, 8,
            "stakeholder, pillar, 4 stances, unassessed, total"
        );
        for (cells, written) in matrix {
            assert_eq!(*written, columns, "a row written with another column count");
            assert_eq!(cells.len(), columns);
            // The parser pads short rows with empty cells: none may be empty.
            assert!(cells.iter().all(|c| !c.trim().is_empty()), "{cells:?}");
        }
    }
}

#[test]
fn the_markdown_matrix_matches_a_hand_count_of_the_example() {
    // Counted from the example file: stances of each stakeholder's cells per pillar (p1 has 7
    // measures, p2 12, p3 5, p4 10), in the order Agreement, Partial, Gap, Silent.
    let expected: [(&str, [[usize; 4]; 5]); 3] = [
        (
            "Uniopss",
            [
                [0, 2, 0, 5],
                [0, 7, 0, 5],
                [0, 1, 0, 4],
                [1, 7, 0, 2],
                [1, 17, 0, 16],
            ],
        ),
        (
            "CNOM",
            [
                [0, 1, 1, 5],
                [0, 0, 0, 12],
                [0, 4, 0, 1],
                [0, 1, 0, 9],
                [0, 6, 1, 27],
            ],
        ),
        (
            "FHF",
            [
                [0, 0, 0, 7],
                [1, 0, 0, 11],
                [0, 0, 0, 5],
                [0, 0, 0, 10],
                [1, 0, 0, 33],
            ],
        ),
    ];
    let md = render(&example(), Format::Markdown, Lang::Fr);
    let matrix = &tables(&md)[0];
    for (s, (name, lines)) in expected.iter().enumerate() {
        for (p, counts) in lines.iter().enumerate() {
            let (cells, _) = &matrix[1 + s * 5 + p];
            assert_eq!(cells[0], *name);
            let found: Vec<usize> = cells[2..6].iter().filter_map(|c| c.parse().ok()).collect();
            assert_eq!(found, counts, "{name}, line {p}");
            assert_eq!(cells[6], "0", "nothing is unassessed in the example");
        }
    }
}

// --- Session text stays inert --------------------------------------------------------------

/// The example with hostile text in a note, a label and a stakeholder's name.
fn hostile() -> Session {
    let mut s = example();
    let cell = CellId::new("revalorisations-salariales", "uniopss");
    let a = s
        .assessments
        .get_mut(&cell)
        .expect("the example assesses every cell");
    a.note = String::from("<script>alert(1)</script> \"onerror=alert(2) x=\"");
    a.labels.insert("\"onerror=alert(3)".to_owned());
    a.labels.insert("<img src=x onerror=alert(4)>".to_owned());
    let cnom = CellId::new("revalorisations-salariales", "cnom");
    let b = s
        .assessments
        .get_mut(&cnom)
        .expect("the example assesses every cell");
    b.note = String::from("=HYPERLINK(\"http://evil.example\",\"clic\")");
    b.labels = ["+cmd|' /C calc'!A0".to_owned(), "@SUM(1+1)".to_owned()].into();
    s.dossier.stakeholders[2].name = String::from("-2+3");
    s
}

/// The tags of an HTML page (`<…>`), as written.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
        .collect()
}

#[test]
fn html_escapes_scripts_and_attribute_breakouts_in_notes_and_labels() {
    let html = render(&hostile(), Format::Html, Lang::Fr);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror=alert(2) x=&quot;"));
    assert!(html.contains("&quot;onerror=alert(3)"));
    assert!(html.contains("&lt;img src=x onerror=alert(4)&gt;"));
    let tags = tags(&html);
    for tag in &tags {
        assert!(
            !tag.to_ascii_lowercase().starts_with("script"),
            "a script tag: <{tag}>"
        );
        assert!(
            !tag.to_ascii_lowercase().starts_with("img"),
            "an img tag: <{tag}>"
        );
        assert!(
            !tag.contains("onerror"),
            "an event handler in a tag: <{tag}>"
        );
    }
}

#[test]
fn html_is_self_contained() {
    let html = render(&example(), Format::Html, Lang::Fr);
    let tags = tags(&html);
    assert!(
        !tags
            .iter()
            .any(|t| t.starts_with("script") || t.starts_with("link"))
    );
    assert!(
        !tags
            .iter()
            .any(|t| t.contains("src=") || t.contains("url("))
    );
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("@import"));
}

#[test]
fn markdown_escapes_html_in_notes_and_labels() {
    let md = render(&hostile(), Format::Markdown, Lang::Fr);
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(md.contains("\\<img src=x onerror=alert(4)\\>"));
    // Rendered to HTML, no raw HTML gets through.
    let parser = Parser::new_ext(&md, Options::ENABLE_TABLES);
    assert!(
        !parser
            .into_iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
    );
}

proptest::proptest! {
    /// Whatever the analyst typed, a Markdown reader shows it as plain text: the same characters,
    /// with runs of spaces and line breaks made one space (non-breaking spaces kept).
    #[test]
    fn markdown_shows_any_note_as_the_text_typed(
        note in "[a-zé1.)#*_`~<>&|\\\\\\[\\]()!:=+ \t\n\u{a0}/@w-]{0,40}"
    ) {
        let md = visavis::report::markdown::escape(&note);
        let mut shown = String::new();
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for event in Parser::new_ext(&md, options) {
            match event {
                Event::Text(t) => shown.push_str(&t),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                other => proptest::prop_assert!(false, "{md:?} is read as {other:?}"),
            }
        }
        let typed = note.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        proptest::prop_assert_eq!(shown, typed, "escaped as {:?}", md);
    }
}

#[test]
fn csv_neutralises_formulas_and_keeps_one_row_per_cell() {
    let bytes = Format::Csv.render(&report::analyse(
        &hostile(),
        &ReportOptions::new(Lang::Fr, "x.ron"),
    ));
    assert!(
        bytes.starts_with(report::csv::BOM),
        "UTF-8 byte-order mark first"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[report::csv::BOM.len()..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid CSV")).collect();
    assert_eq!(rows.len(), 34 * 3, "one row per cell");
    for row in &rows {
        assert_eq!(row.len(), 12);
        for field in row {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a field a spreadsheet would run: {field:?}"
            );
        }
    }
    let cnom = rows
        .iter()
        .find(|r| &r[0] == "revalorisations-salariales" && &r[4] == "cnom")
        .expect("the CNOM cell");
    assert_eq!(&cnom[7], "'=HYPERLINK(\"http://evil.example\",\"clic\")");
    assert_eq!(&cnom[8], "'+cmd|' /C calc'!A0; @SUM(1+1)");
    assert!(rows.iter().any(|r| &r[5] == "'-2+3"));
    // Records end in CRLF, as RFC 4180 and spreadsheets expect.
    assert!(bytes.ends_with(b"\r\n"));
}

#[test]
fn csv_in_english_uses_commas() {
    let csv = render(&example(), Format::Csv, Lang::En);
    assert!(csv.starts_with("Measure (id),Measure,Pillar (id),Pillar,"));
}

// --- The command line ----------------------------------------------------------------------

/// `visavis ARGS`, with no folder of source documents from the environment (`check.sh` sets
/// one): the reports compared here are made without the documents unless a test gives them.
fn visavis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(args)
        .env_remove("VISAVIS_SOURCES_DIR")
        .output()
        .expect("the visavis binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn report_prints_markdown_to_stdout_by_default() {
    let out = visavis(&["report", EXAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = render(&example(), Format::Markdown, Lang::Fr);
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

#[test]
fn report_writes_the_file_given_with_o_in_the_format_asked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("rapport.html");
    let path_str = path.to_str().expect("a UTF-8 temporary path");
    let out = visavis(&["report", EXAMPLE, "--format", "html", "-o", path_str]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        out.stdout.starts_with(path_str.as_bytes()),
        "says where it wrote"
    );
    let written = std::fs::read_to_string(&path).expect("the report was written");
    assert_eq!(written, render(&example(), Format::Html, Lang::Fr));
}

#[test]
fn report_takes_the_format_from_the_extension_and_honours_the_options() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("fhf.csv");
    let out = visavis(&[
        "report",
        EXAMPLE,
        "-o",
        path.to_str().expect("a UTF-8 temporary path"),
        "--lang",
        "en",
        "--stakeholder",
        "fhf",
        "--pillar",
        "p2",
        "--pillar",
        "p4",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&path).expect("the report was written");
    assert!(bytes.starts_with(report::csv::BOM));
    let text = String::from_utf8_lossy(&bytes[3..]).into_owned();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid CSV")).collect();
    // FHF's cells in pillars 2 (12 measures) and 4 (10 measures).
    assert_eq!(rows.len(), 22);
    assert!(
        rows.iter()
            .all(|r| &r[4] == "fhf" && (&r[2] == "p2" || &r[2] == "p4"))
    );
}

#[test]
fn report_warns_when_the_format_asked_is_not_the_file_s_extension() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("rapport.csv");
    let out = visavis(&[
        "report",
        EXAMPLE,
        "--format",
        "md",
        "-o",
        path.to_str().expect("a UTF-8 temporary path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: writing Markdown into a file named .csv"),
        "{}",
        stderr(&out)
    );
    let written = std::fs::read_to_string(&path).expect("written as asked");
    assert!(written.starts_with("# Rapport d’écarts"));
}

#[test]
fn report_piped_into_a_reader_that_stops_early_ends_quietly() {
    use std::process::Stdio;
    // `visavis report … | head`: the report (84 kB) is more than a pipe holds, so the reader
    // closing its end makes the write fail.
    let mut child = Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(["report", EXAMPLE])
        .env_remove("VISAVIS_SOURCES_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the visavis binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("it ends");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn report_takes_stakeholders_by_name_and_pillars_by_number_as_the_report_prints_them() {
    let by_id = visavis(&["report", EXAMPLE, "--stakeholder", "fhf", "--pillar", "p2"]);
    let by_name = visavis(&["report", EXAMPLE, "--stakeholder", "FHF", "--pillar", "2"]);
    assert!(by_name.status.success(), "{}", stderr(&by_name));
    assert_eq!(by_name.stdout, by_id.stdout);
    assert!(String::from_utf8_lossy(&by_name.stdout).contains("1 partie prenante sur 3"));
}

#[test]
fn report_without_detail_leaves_the_detail_out() {
    let out = visavis(&["report", EXAMPLE, "--no-detail", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("## Gaps and partial agreements"));
    assert!(!md.contains("## Detail by pillar"));
}

#[test]
fn report_on_a_malformed_file_fails_with_file_line_and_column() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("broken.ron");
    let text = std::fs::read_to_string(EXAMPLE)
        .expect("the example")
        .replacen("stance: Some(Agreement)", "stance: Some(Agreed)", 1);
    visavis::persist::write_export(&path, text.as_bytes(), false).expect("a temporary file");
    let out = visavis(&["report", path.to_str().expect("a UTF-8 temporary path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no partial report");
    let err = stderr(&out);
    let located = err
        .strip_prefix(&format!("{}:", path.display()))
        .unwrap_or("");
    let mut parts = located.splitn(3, ':');
    let line = parts.next().and_then(|l| l.parse::<usize>().ok());
    let col = parts.next().and_then(|c| c.parse::<usize>().ok());
    assert!(
        line.is_some() && col.is_some(),
        "FILE:LINE:COL: message, got {err}"
    );
    assert!(line > Some(1500), "points into the assessments, got {err}");
}

#[test]
fn report_on_a_missing_file_fails() {
    let out = visavis(&["report", "/nonexistent/session.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("/nonexistent/session.ron: "));
}

#[test]
fn report_names_an_unknown_stakeholder_and_the_known_ones() {
    let out = visavis(&["report", EXAMPLE, "--stakeholder", "ars"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown stakeholder \"ars\" (the dossier has: uniopss, cnom, fhf)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_refuses_to_overwrite_the_session_it_reads() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path: PathBuf = dir.path().join("session.ron");
    let original = std::fs::read(EXAMPLE).expect("the example");
    visavis::persist::write_export(&path, &original, false).expect("a temporary file");
    let p = path.to_str().expect("a UTF-8 temporary path");
    let out = visavis(&["report", p, "-o", p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).expect("still there"), original);
}

#[test]
fn a_judgement_without_a_quote_is_flagged_in_markdown_and_html() {
    let mut s = example();
    let cell = s
        .assessments
        .iter()
        .find(|(_, a)| a.stance == Some(visavis::model::Stance::Gap))
        .map(|(c, _)| c.clone())
        .expect("the example has a gap");
    s.assessments.get_mut(&cell).expect("cell").evidence = EvidenceSet::default();
    let md = render(&s, Format::Markdown, Lang::Fr);
    assert_eq!(
        md.matches("Aucune citation n’appuie cette appréciation")
            .count(),
        2,
        "in the gaps and in the detail"
    );
    let html = render(&s, Format::Html, Lang::En);
    assert!(html.contains("No quote supports this judgement"));
    let clean = render(&example(), Format::Markdown, Lang::Fr);
    assert!(
        !clean.contains("Aucune citation n’appuie"),
        "the example backs every judgement"
    );
}

// --- Evidence of another stakeholder, orphans, notes --------------------------------------

/// The example where the Uniopss cell on the salary measure also cites a CNOM position (a hand
/// edit, a bad merge), and an orphan cell names a measure the dossier lacks; with the CNOM
/// position's excerpt.
fn misattributed_and_orphan() -> (Session, String) {
    let mut s = example();
    let cnom = s
        .dossier
        .positions
        .iter()
        .find(|p| p.stakeholder.as_str() == "cnom")
        .expect("the example has CNOM positions")
        .clone();
    s.assessments
        .get_mut(&CellId::new("revalorisations-salariales", "uniopss"))
        .expect("the example assesses every cell")
        .evidence
        .insert(cnom.id.clone());
    s.assessments.insert(
        CellId::new("mesure-disparue", "uniopss"),
        visavis::model::Assessment {
            stance: Some(visavis::model::Stance::Gap),
            note: "Note de l’orpheline\nsuite".to_owned(),
            ..Default::default()
        },
    );
    (s, cnom.citation.excerpt)
}

/// The Markdown list item of `stakeholder`'s cell on `measure` in the detail by pillar.
fn detail_item<'m>(md: &'m str, measure: &str, stakeholder: &str) -> &'m str {
    let at = md
        .find(&format!("({measure})\n"))
        .expect("the measure in the detail");
    let rest = &md[at..];
    let start = rest
        .find(&format!("- **{stakeholder}\u{a0}:**"))
        .expect("the cell in the detail");
    let item = &rest[start + 1..];
    &rest[start..start + 1 + item.find("\n- **").unwrap_or(item.len())]
}

#[test]
fn markdown_marks_another_stakeholder_s_quote_and_lists_it_with_the_orphans() {
    let (s, excerpt) = misattributed_and_orphan();
    let md = render(&s, Format::Markdown, Lang::Fr);
    let mark = "⚠ citation attribuée à une autre partie prenante (CNOM)";
    let item = detail_item(&md, "revalorisations-salariales", "Uniopss");
    let at_mark = item.find(mark).expect("the cell marks the quote");
    let first_words: String = excerpt.chars().take(30).collect();
    let at_quote = item.find(&first_words).expect("the quote is shown");
    assert!(
        at_mark < at_quote,
        "the CNOM quote comes under its mark, apart from the cell's own quotes:\n{item}"
    );
    let section = &md[md
        .find("## Cellules à revoir, citations mal attribuées et cellules orphelines")
        .expect("the review section")
        ..md.find("## Détail par pilier").expect("detail")];
    assert!(md.find("## Silences") < md.find("## Cellules à revoir"));
    assert!(section.contains(mark), "{section}");
    assert!(
        section.contains("revalorisations\\-salariales")
            || section.contains("revalorisations-salariales")
    );
    assert!(
        section.contains("- mesure-disparue × uniopss — ")
            && section.contains("Écart — Note de l’orpheline…\n"),
        "{section}"
    );
}

#[test]
fn html_marks_another_stakeholder_s_quote_and_lists_it_with_the_orphans() {
    let (s, _) = misattributed_and_orphan();
    let html = render(&s, Format::Html, Lang::Fr);
    let mark = "<p class=\"warning\">⚠ citation attribuée à une autre partie prenante (CNOM)</p>";
    let blocks: Vec<&str> = html
        .split("<div class=\"misattributed\">")
        .skip(1)
        .collect();
    assert_eq!(
        blocks.len(),
        3,
        "where the cell appears (a partial agreement, in the detail) and in the review section"
    );
    for block in &blocks {
        assert!(
            block.trim_start().starts_with(mark),
            "the mark heads the quote"
        );
    }
    let review = &html[html
        .find("<section id=\"review\">")
        .expect("review section")
        ..html.find("<section id=\"detail\">").expect("detail")];
    assert!(review.contains(mark));
    assert!(review.contains("mesure-disparue") && review.contains("Note de l’orpheline"));
}

#[test]
fn csv_puts_another_stakeholder_s_quote_in_a_column_of_its_own_and_not_among_the_cell_s_quotes() {
    let (s, excerpt) = misattributed_and_orphan();
    let csv = render(&s, Format::Csv, Lang::Fr);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(
        header.get(10),
        Some("Citations d’une autre partie prenante")
    );
    assert_eq!(
        header.iter().next_back(),
        Some("Signalements"),
        "the review flags, added in format 3, come last"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("valid CSV")).collect();
    assert_eq!(
        rows.len(),
        34 * 3,
        "one row per cell of the grid, no orphan row"
    );
    let row = rows
        .iter()
        .find(|r| &r[0] == "revalorisations-salariales" && &r[4] == "uniopss")
        .expect("the cell's row");
    let first_words: String = excerpt.chars().take(30).collect();
    assert!(
        !row[9].contains(&first_words),
        "not among the cell's quotes"
    );
    assert!(
        row[10].starts_with("⚠ citation attribuée à une autre partie prenante (CNOM)")
            && row[10].contains(&first_words),
        "{:?}",
        &row[10]
    );
    assert!(rows.iter().filter(|r| !r[10].is_empty()).count() == 1);
}

/// The example with `note` on one cell.
fn with_note(note: &str) -> Session {
    let mut s = example();
    let a = s
        .assessments
        .get_mut(&CellId::new("revalorisations-salariales", "uniopss"))
        .expect("the example assesses every cell");
    a.note.clear();
    a.note.push_str(note);
    s
}

#[test]
fn markdown_keeps_bare_addresses_in_notes_as_text() {
    let md = render(
        &with_note("Voir https://example.org/page, www.example.org ou ecrire@example.org."),
        Format::Markdown,
        Lang::Fr,
    );
    let parser = Parser::new_ext(&md, Options::ENABLE_TABLES);
    assert!(
        !parser
            .into_iter()
            .any(|e| matches!(e, Event::Start(Tag::Link { .. }))),
        "no link"
    );
    // GitHub's renderer links bare `https://…`, `www.…` and e-mail addresses: escaped, none is.
    let item = detail_item(&md, "revalorisations-salariales", "Uniopss");
    assert!(
        item.contains("https\\://example.org/page, www\\.example.org ou ecrire\\@example.org."),
        "{item}"
    );
    assert!(!md.contains("https://example.org") && !md.contains("www.example"));
}

#[test]
fn markdown_keeps_the_line_breaks_of_a_note() {
    let md = render(
        &with_note("Première ligne\nDeuxième ligne\n\nNouveau paragraphe"),
        Format::Markdown,
        Lang::Fr,
    );
    let item = detail_item(&md, "revalorisations-salariales", "Uniopss");
    let mut events = Parser::new_ext(item, Options::ENABLE_TABLES).map(|e| match e {
        Event::Text(t) => format!("text:{t}"),
        Event::HardBreak => "break".to_owned(),
        Event::Start(Tag::Paragraph) => "p".to_owned(),
        other => format!("{other:?}"),
    });
    let seq: Vec<String> = events.by_ref().collect();
    let at = seq
        .iter()
        .position(|e| e == "text:Première ligne")
        .unwrap_or_else(|| panic!("{seq:?}"));
    assert_eq!(
        seq[at..at + 5],
        [
            "text:Première ligne",
            "break",
            "text:Deuxième ligne",
            "End(Paragraph)",
            "p"
        ],
        "{item}"
    );
    assert_eq!(seq[at + 5], "text:Nouveau paragraphe");
}

#[test]
fn the_html_report_prints_on_a4() {
    let html = render(&example(), Format::Html, Lang::Fr);
    assert!(html.contains("@page { size: A4;"), "A4, the French default");
}

// --- Verification of the quotes in the Sources section -------------------------------------

/// The documents of `tests/fixtures/sources/`, and the dossier whose citations are in them.
const SOURCES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sources");

/// The fixture dossier as a session, with one citation written with straight apostrophes
/// (verified, typographic differences), one whose figure changed (not found), and one from a
/// document nobody has (unavailable): five citations, three verified.
fn checked_session() -> Session {
    use visavis::model::{PositionId, SourceId};
    let mut s = match visavis::persist::load(&Path::new(SOURCES).join("dossier.ron")) {
        Ok(loaded) => loaded.session,
        Err(e) => panic!("the fixture dossier loads: {e}"),
    };
    let d = &mut s.dossier;
    d.measures[0].citations[1].excerpt = "Un plan d'investissement de 19 milliards d'euros".into();
    let mut changed = d.positions[0].clone();
    changed.id = PositionId::from("fede-02");
    changed.citation.source = SourceId::from("communique");
    changed.citation.excerpt = "Le Gouvernement revalorise de 138 euros net par mois".into();
    changed.citation.location = None;
    let mut absent = changed.clone();
    absent.id = PositionId::from("fede-03");
    absent.citation.source = SourceId::from("absent");
    let mut absent_source = d.sources[0].clone();
    absent_source.id = SourceId::from("absent");
    absent_source.title = "Document absent".into();
    absent_source.file = Some("absent.txt".into());
    d.sources.push(absent_source);
    d.positions.extend([changed, absent]);
    s
}

/// `session`'s report with its quotes verified against the documents of [`SOURCES`], read as
/// `visavis report --sources` reads them (PDF in a child `visavis extract`).
fn render_verified(session: &Session, format: Format, lang: Lang) -> String {
    use visavis::sources::{self, Limits, SourceDirs};
    let limits = Limits {
        program: Some(PathBuf::from(env!("CARGO_BIN_EXE_visavis"))),
        ..Limits::default()
    };
    let dirs = SourceDirs::with(Some(Path::new(SOURCES)), None, None);
    let texts = sources::read_sources(&session.dossier, &dirs, &limits, false);
    let mut options = ReportOptions::new(lang, "essai.ron");
    options.verifications =
        report::Verifications::of(&sources::verify_dossier(&session.dossier, |id| {
            texts.get(id)
        }));
    String::from_utf8(format.render(&report::analyse(session, &options))).expect("UTF-8")
}

/// The Sources section of a Markdown report.
fn sources_section(md: &str) -> &str {
    &md[md.find("## Sources").expect("a Sources section")..]
}

#[test]
fn the_sources_section_counts_verified_quotes_and_names_each_one_not_found_with_its_closest_passage()
 {
    let session = checked_session();
    let md = render_verified(&session, Format::Markdown, Lang::Fr);
    let section = sources_section(&md);
    for expected in [
        "### Vérification des citations",
        "**3 citations vérifiées sur 5, dont 1 avec des différences typographiques\u{a0}; 1 \
         introuvable\u{a0}; 1 sans texte source.**",
        "- Communiqué (Ministère) — 2 citations vérifiées sur 3, dont 1 avec des différences \
         typographiques\u{a0}; 1 introuvable.",
        "  - fede-02, introuvable\u{a0}: «\u{a0}Le Gouvernement revalorise de 138 euros net par \
         mois\u{a0}»\\\n    passage le plus proche (§ 2)\u{a0}: «\u{a0}Le Gouvernement revalorise \
         de 183 euros net par mois",
        "- Rapport de la Fédération (Fédération) — 1 citation vérifiée sur 1.",
        // Said once for the source, not for each of its citations.
        "- Document absent (Ministère) — texte source non disponible\u{a0}: citations non \
         vérifiées (1 citation).",
    ] {
        assert!(section.contains(expected), "{expected}\n---\n{section}");
    }
    assert!(!section.contains("fede-03"), "{section}");
    assert!(!section.contains("pas été vérifiées"), "{section}");

    let en = render_verified(&session, Format::Markdown, Lang::En);
    assert!(
        sources_section(&en).contains(
            "**3 of 5 citations verified, 1 of them with typographic differences; 1 not found; 1 \
             without source text.**"
        ),
        "{}",
        sources_section(&en)
    );

    let html = render_verified(&session, Format::Html, Lang::Fr);
    for expected in [
        "<h3 id=\"verification\">Vérification des citations</h3>",
        "<strong>3 citations vérifiées sur 5, dont 1 avec des différences typographiques\u{a0}; 1 \
         introuvable\u{a0}; 1 sans texte source.</strong>",
        "fede-02, introuvable\u{a0}: «\u{a0}Le Gouvernement revalorise de 138 euros net par \
         mois\u{a0}»<br><span class=\"closest\">passage le plus proche (§ 2)",
        "Document absent (Ministère) — texte source non disponible\u{a0}: citations non vérifiées \
         (1 citation).",
    ] {
        assert!(html.contains(expected), "{expected}");
    }
}

#[test]
fn a_report_made_without_any_source_text_says_so_in_one_sentence() {
    let session = checked_session();
    let md = render(&session, Format::Markdown, Lang::Fr);
    let section = sources_section(&md);
    let checks = &section[section
        .find("### Vérification des citations")
        .expect("the verification")..];
    assert_eq!(
        checks.trim_end(),
        "### Vérification des citations\n\nLes citations du dossier n’ont pas été vérifiées dans \
         leurs documents\u{a0}: aucun texte source n’était disponible. Pour les vérifier, placez \
         les documents à côté de la session, ou donnez leur répertoire avec visavis report \
         --sources RÉPERTOIRE (ou la variable VISAVIS\\_SOURCES\\_DIR)."
    );
    let html = render(&session, Format::Html, Lang::En);
    assert!(html.contains(
        "<p>The dossier’s citations were not verified against their documents: no source text was \
         available."
    ));
    assert!(!html.contains("citations verified"));
}

#[test]
fn report_with_sources_verifies_the_quotes_in_that_folder() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let copy = dir.path().join("dossier.ron");
    std::fs::copy(Path::new(SOURCES).join("dossier.ron"), &copy).expect("copy the dossier");
    let copy = copy.to_str().expect("a UTF-8 temporary path");
    let with = visavis(&["report", copy, "--sources", SOURCES, "--lang", "en"]);
    assert!(with.status.success(), "{}", stderr(&with));
    assert_eq!(stderr(&with), "");
    let md = String::from_utf8_lossy(&with.stdout);
    assert!(
        md.contains("**3 of 3 citations verified.**")
            && md.contains("- Communiqué (Ministère) — 2 of 2 citations verified."),
        "{md}"
    );
    // Beside the copy there is no document, and no folder was given: one sentence, no warning.
    let without = visavis(&["report", copy, "--lang", "en"]);
    assert!(without.status.success(), "{}", stderr(&without));
    assert_eq!(stderr(&without), "");
    assert!(
        String::from_utf8_lossy(&without.stdout)
            .contains("The dossier’s citations were not verified against their documents"),
    );
    // A folder given that lacks a document: a warning naming it, and the source said unavailable.
    let empty = dir.path().join("vide");
    std::fs::create_dir(&empty).expect("a folder");
    let elsewhere = visavis(&[
        "report",
        copy,
        "--sources",
        empty.to_str().expect("UTF-8"),
        "--lang",
        "en",
    ]);
    assert!(elsewhere.status.success(), "{}", stderr(&elsewhere));
    assert!(
        stderr(&elsewhere).contains("warning: source communique: communique.txt is not in"),
        "{}",
        stderr(&elsewhere)
    );
}

/// The Ségur example against the seed texts, when `VISAVIS_SOURCES_DIR` says where they are.
#[test]
fn every_quote_of_the_segur_example_is_verified_in_the_seed_texts() {
    let Some(seeds) = std::env::var_os("VISAVIS_SOURCES_DIR") else {
        eprintln!("VISAVIS_SOURCES_DIR is not set: the seed texts are not checked");
        return;
    };
    let seeds = seeds.to_str().expect("a UTF-8 folder").to_owned();
    let out = visavis(&["report", EXAMPLE, "--sources", &seeds]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("**109 citations vérifiées sur 109.**"),
        "{}",
        sources_section(&md)
    );
}

#[test]
fn syntheses_head_their_sections_and_an_empty_one_leaves_no_heading() {
    let plain = example();
    let mut s = plain.clone();
    let who = s.dossier.stakeholders[0].id.clone();
    let measure = s.dossier.measures[0].id.clone();
    s.syntheses
        .set_dossier("Lecture d’ensemble : la réforme répond aux établissements.".to_owned());
    s.syntheses
        .set_stakeholder(who, "L’Uniopss approuve, avec des réserves.".to_owned());
    s.syntheses
        .set_measure(measure, "Les trois acteurs convergent.".to_owned());
    for format in [Format::Markdown, Format::Html] {
        let without = render(&plain, format, Lang::Fr);
        let with = render(&s, format, Lang::Fr);
        assert!(
            !without.contains("Synthèse de l’analyste"),
            "no synthesis, no heading"
        );
        let dossier = with
            .find("Lecture d’ensemble")
            .expect("the dossier's synthesis");
        // The summary matrix's heading is the first « Synthèse ».
        let matrix = with.find("Synthèse").expect("the matrix");
        let heading = match format {
            Format::Html => "Écarts et accords partiels</h2>",
            _ => "## Écarts et accords partiels",
        };
        let gaps = with.find(heading).expect("the gaps section");
        assert!(
            matrix < dossier && dossier < gaps,
            "after the matrix, before the gaps"
        );
        let stakeholder = with
            .find("approuve, avec des réserves")
            .expect("stakeholder's");
        assert!(stakeholder > gaps, "at the head of the stakeholder's gaps");
        let detail = with
            .rfind("Les trois acteurs convergent")
            .expect("measure's");
        assert!(
            detail > stakeholder,
            "in the detail, at the head of its measure"
        );
    }
}

#[test]
fn a_measure_that_splits_the_stakeholders_is_a_point_of_friction_with_both_sides_quoted() {
    let mut session = example();
    let dossier = session.dossier.clone();
    let (split, agreed) = (&dossier.measures[2].id, &dossier.measures[3].id);
    let tag = |session: &mut Session, measure: &visavis::model::MeasureId, who: usize, stance| {
        let cell = CellId {
            measure: measure.clone(),
            stakeholder: dossier.stakeholders[who].id.clone(),
        };
        let work = session.assessments.entry(cell).or_default();
        work.stance = Some(stance);
        work.evidence = EvidenceSet::default();
        work.note = format!("Note {who}");
    };
    tag(&mut session, split, 0, visavis::model::Stance::Agreement);
    tag(&mut session, split, 1, visavis::model::Stance::Gap);
    tag(&mut session, agreed, 0, visavis::model::Stance::Agreement);
    tag(&mut session, agreed, 2, visavis::model::Stance::Agreement);
    let options = ReportOptions::new(Lang::Fr, "s.ron");
    let report = report::analyse(&session, &options);
    let first = report.frictions.first().expect("a friction");
    assert_eq!(report.measure_at(first.at).measure.id, split);
    assert_eq!(first.distance, 2, "agreement against gap");
    assert!(
        report
            .consensus
            .iter()
            .any(|at| report.measure_at(*at).measure.id == agreed),
        "two stakeholders agree, none dissents"
    );
    let md = render(&session, Format::Markdown, Lang::Fr);
    let section = &md[md.find("## Points de friction").expect("the section")..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    assert!(section.contains(&dossier.measures[2].title));
    assert!(
        section.contains("Note 0") && section.contains("Note 1"),
        "both sides"
    );
    let at = md.find("## Points de friction").unwrap();
    assert!(md.find("## Écarts et accords partiels").unwrap() < at);
    assert!(at < md.find("## Demandes sans réponse").unwrap());
}

#[test]
fn the_html_report_draws_a_heatmap_with_the_counts_written_in_each_box() {
    let html = render(&example(), Format::Html, Lang::Fr);
    let start = html.find("<svg").expect("an inline SVG");
    let svg = &html[start
        ..html[start..]
            .find("</svg>")
            .map_or(html.len(), |e| start + e)];
    assert!(svg.contains("role=\"img\"") && svg.contains("aria-label=\"Carte de chaleur"));
    // Uniopss over all pillars: 1 agreement, 17 partial, 16 silent (README's counts).
    assert!(
        svg.contains("● 1  ◐ 17  … 16"),
        "the numbers, not colour alone"
    );
    assert!(!html.contains("<script"), "no script");
    assert!(
        html.find("<svg").unwrap() < html.find("id=\"gaps\"").unwrap(),
        "in the summary"
    );
}

/// The window's heatmap counts the example's cells as the report's matrix does.
#[test]
fn the_window_heatmap_counts_as_the_report_matrix() {
    use visavis::view::heatmap::{CLASSES, Heatmap};
    let session = example();
    let map = Heatmap::new(
        &session.dossier,
        &visavis::view::DossierIndex::new(&session),
    );
    let options = ReportOptions::new(Lang::Fr, "x.ron");
    let report = report::analyse(&session, &options);
    assert_eq!(map.rows.len(), report.matrix.len());
    let same = |t: &visavis::view::heatmap::Tally, c: &report::StanceCounts| {
        CLASSES
            .iter()
            .all(|k| t.get(*k) == k.map_or(c.unassessed, |s| c.get(s)))
    };
    for (row, m) in map.rows.iter().zip(&report.matrix) {
        assert!(same(&row.overall, &m.overall));
        assert_eq!(row.per_pillar.len(), m.per_pillar.len());
        for (t, c) in row.per_pillar.iter().zip(&m.per_pillar) {
            assert!(same(t, c));
        }
    }
}
