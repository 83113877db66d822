//! The agreement section as a user gets it: the example analysis compared with a second
//! analyst's copy that disagrees on two known cells and leaves a third unassessed, in Markdown,
//! HTML and CSV (the Word and OpenDocument reports are read back in [`super::office`]); and
//! `visavis report --agree`, which loads and refuses its inputs as `visavis agree` does.

use super::{EXAMPLE, example, stderr, tables, visavis};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use visavis::i18n::Lang;
use visavis::model::{CellId, Session, Stance};
use visavis::report::{self, Format, ReportOptions};

/// The second analyst's note on the CNOM cell they tag Gap: markup of every format, a formula
/// and a line break.
pub(super) const HOSTILE: &str =
    "<script>alert(1)</script> ]]> & <w:t>x</w:t> | **gras** =SUM(A1)\nligne deux";

/// The cells the second analyst changes, with the example's stance and theirs.
const CHANGED: [(&str, &str, Stance, Option<Stance>); 3] = [
    (
        "ars-departementales-elus",
        "uniopss",
        Stance::Partial,
        Some(Stance::Agreement),
    ),
    (
        "ars-departementales-elus",
        "cnom",
        Stance::Silent,
        Some(Stance::Gap),
    ),
    (
        "conferences-territoriales-investissement",
        "cnom",
        Stance::Silent,
        None,
    ),
];

/// Dominique's copy of the example: [`CHANGED`], and [`HOSTILE`] as the CNOM cell's note.
fn second_analyst() -> Session {
    let mut s = example();
    s.analyst = "Dominique".into();
    for (measure, stakeholder, before, after) in CHANGED {
        let a = s
            .assessments
            .get_mut(&CellId::new(measure, stakeholder))
            .expect("the example assesses the cell");
        assert_eq!(a.stance, Some(before), "{measure} × {stakeholder}");
        a.stance = after;
    }
    s.assessments
        .get_mut(&CellId::new(CHANGED[1].0, CHANGED[1].1))
        .expect("assessed")
        .note = String::from(HOSTILE);
    s
}

/// The example's report options in `lang`, compared with [`second_analyst`].
pub(super) fn compared(lang: Lang) -> ReportOptions {
    let mut o = ReportOptions::new(lang, "segur-analyse-exemple.ron");
    o.compared = vec![Arc::new(second_analyst())];
    o
}

fn render(format: Format, lang: Lang) -> String {
    let session = example();
    let options = compared(lang);
    let bytes = format.render(&report::analyse(&session, &options));
    let bytes = bytes.strip_prefix(report::csv::BOM).unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).expect("reports are UTF-8")
}

/// The part of `text` from `start` to `end`, both found in order.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} in the report"));
    let to = from
        + text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("{end} after {start}"));
    &text[from..to]
}

#[test]
fn the_markdown_report_holds_the_statistics_and_exactly_the_disagreements_before_the_detail() {
    let md = render(Format::Markdown, Lang::Fr);
    let review = md.find("## Cellules à revoir").expect("the review");
    let section = between(&md, "## Accord entre analystes", "## Détail par pilier");
    assert!(review < md.find(section).expect("the section"));
    assert!(
        section.contains(
            "2 analystes comparés\u{a0}: Analyste Vis-à-vis (exemple) (cette session), Dominique."
        ),
        "{section}"
    );
    assert!(
        section.contains("Sur 102 cellules, 101 sont comparées"),
        "{section}"
    );
    assert!(section.contains("1 est laissée de côté"), "{section}");
    // Cohen's κ by hand. The example's 102 cells: 2 Agreement, 23 Partial, 1 Gap, 76 Silent.
    // Compared: 101 (the cell Dominique left unassessed was Silent). The example's marginals
    // over them 2, 23, 1, 75; Dominique's 3, 22, 2, 74 (a Partial made Agreement, a Silent Gap).
    // Observed 99/101; chance (2·3 + 23·22 + 1·2 + 75·74) / 101² = 6064/10201;
    // κ = (9999 − 6064) / (10201 − 6064) = 3935/4137 = 0.9512.
    assert!(
        section.contains("| **Ensemble** | **102** | **101** | **1** | **0,98** | **0,951** |"),
        "{section}"
    );
    let table = &tables(section)[0];
    assert_eq!(
        table.len(),
        1 + 1 + 3 + 4,
        "overall, 3 stakeholders, 4 pillars"
    );
    for (cells, written) in table {
        assert_eq!((cells.len(), *written), (8, 8), "{cells:?}");
    }
    let listed: Vec<&str> = section.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed[0].contains("(ars-departementales-elus, Pilier 4) — **Uniopss**"));
    assert!(listed[1].contains("(ars-departementales-elus, Pilier 4) — **CNOM**"));
    let gap = report::text::stance(Lang::Fr, Some(Stance::Gap));
    assert!(
        section.contains(&format!(
            "  - **Dominique\u{a0}:** {gap} — \\<script\\>alert(1)\\</script\\> \\]\\]\\> \\& \\<w:t\\>x\\</w:t\\> \\| \\*\\*gras\\*\\* =SUM(A1)\\\n    ligne deux"
        )),
        "{section}"
    );
    let en = render(Format::Markdown, Lang::En);
    let section = between(&en, "## Agreement between analysts", "## Detail by pillar");
    assert!(section.contains("| **Overall** | **102** | **101** | **1** | **0.98** | **0.951** |"));
}

#[test]
fn the_html_report_holds_the_section_in_its_contents_and_the_notes_as_text() {
    let html = render(Format::Html, Lang::Fr);
    let nav = between(&html, "<nav>", "</nav>");
    assert!(
        between(nav, "href=\"#review\"", "href=\"#detail\"")
            .contains("<a href=\"#agreement\">Accord entre analystes</a>")
    );
    let review = html.find("<section id=\"review\">").expect("the review");
    let section = between(
        &html,
        "<section id=\"agreement\">",
        "<section id=\"detail\">",
    );
    assert!(review < html.find(section).expect("the section"));
    assert!(section.contains("<th scope=\"row\">Ensemble</th><td class=\"num\">102</td><td class=\"num\">101</td><td class=\"num\">1</td><td class=\"num\">0,98</td><td class=\"num\">0,951</td>"), "{section}");
    assert_eq!(section.matches("<article class=\"cell\">").count(), 2);
    assert_eq!(section.matches("<h5>").count(), 2);
    assert!(section.contains("— <strong>Uniopss</strong></h5>"));
    assert!(section.contains("— <strong>CNOM</strong></h5>"));
    assert!(!section.contains("<script>") && !section.contains("<w:t>"));
    assert!(section.contains(
        "<span class=\"note-text\">&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &lt;w:t&gt;x&lt;/w:t&gt;"
    ));
}

#[test]
fn the_csv_ends_with_the_second_analyst_s_stance_of_every_cell() {
    let text = render(Format::Csv, Lang::Fr);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header.len(), 13);
    assert_eq!(header[6], "Appréciation");
    assert_eq!(header[12], "Appréciation (Dominique)");
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 102, "one row per cell, as without --agree");
    for row in &rows {
        let changed = CHANGED
            .iter()
            .find(|(m, s, _, _)| row[0] == **m && row[4] == **s);
        let expected = match changed {
            Some((_, _, _, after)) => report::text::stance_label(Lang::Fr, *after),
            None => &row[6],
        };
        assert_eq!(&row[12], expected, "{row:?}");
    }
    let plain = super::render(&example(), Format::Csv, Lang::Fr);
    let plain_header = plain.lines().next().expect("a header");
    assert!(
        plain_header.ends_with(";Signalements"),
        "no column without --agree"
    );
}

// --- The command line ----------------------------------------------------------------------

/// The second analyst's copy saved in `dir` as `name`.
fn saved(dir: &Path, name: &str, session: &Session) -> PathBuf {
    let path = dir.join(name);
    let text = visavis::persist::to_ron(session).expect("the session serialises");
    visavis::persist::write_export(&path, text.as_bytes(), false).expect("a temporary file");
    path
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

#[test]
fn report_agree_adds_the_section_the_library_makes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let other = saved(dir.path(), "dominique.ron", &second_analyst());
    let out = visavis(&["report", EXAMPLE, "--agree", path_str(&other)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        render(Format::Markdown, Lang::Fr)
    );
    let help = visavis(&["report", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--agree <OTHER>"));
}

#[test]
fn report_agree_refuses_what_agree_refuses_with_the_same_message_and_status() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut elsewhere = second_analyst();
    elsewhere.dossier.id = "autre-dossier".into();
    let elsewhere = saved(dir.path(), "ailleurs.ron", &elsewhere);
    let other = saved(dir.path(), "dominique.ron", &second_analyst());
    let not_a_session = dir.path().join("notes.ron");
    visavis::persist::write_export(&not_a_session, b"des notes, pas une session", false)
        .expect("a temporary file");
    let dossier = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/segur-2020.ron");
    let cases: [(&[&str], &str); 5] = [
        (
            &[path_str(&elsewhere)],
            "agreement compares sessions on the same dossier",
        ),
        (&[EXAMPLE], "given twice"),
        (&[path_str(&other), path_str(&other)], "given twice"),
        (&[dossier], "a dossier, not a session"),
        (&[path_str(&not_a_session)], "notes.ron"),
    ];
    for (others, said) in cases {
        let mut agree = vec!["agree", EXAMPLE];
        agree.extend(others);
        let mut report = vec!["report", EXAMPLE];
        for o in others {
            report.extend(["--agree", o]);
        }
        let (by_agree, by_report) = (visavis(&agree), visavis(&report));
        assert_eq!(by_report.status.code(), Some(1), "{report:?}");
        assert_eq!(
            by_report.status.code(),
            by_agree.status.code(),
            "{report:?}"
        );
        assert_eq!(stderr(&by_report), stderr(&by_agree), "{report:?}");
        assert!(stderr(&by_report).contains(said), "{}", stderr(&by_report));
        assert!(by_report.stdout.is_empty(), "no report");
    }
}

#[test]
fn report_agree_never_writes_over_a_session_it_compares() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let other = saved(dir.path(), "dominique.ron", &second_analyst());
    let before = std::fs::read(&other).expect("the file");
    let o = path_str(&other);
    for force in [false, true] {
        let mut args = vec!["report", EXAMPLE, "--agree", o, "--format", "md", "-o", o];
        if force {
            args.push("--force");
        }
        let out = visavis(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("a session compared with --agree"));
        assert_eq!(std::fs::read(&other).expect("still there"), before);
    }
}
