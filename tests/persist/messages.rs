//! Files that are not what they seem, and values that are not what they say: each is told in
//! the user's terms, in English and in French, at the line and column an editor shows.

use super::{repo_file, small_session_path};
use std::path::{Path, PathBuf};
use visavis::i18n::Lang;
use visavis::persist::{self, LoadError, Location, Warning};

fn fixture(name: &str) -> PathBuf {
    repo_file("tests/fixtures/malformed").join(name)
}

fn at(line: usize, col: usize) -> Location {
    Location { line, col }
}

/// The small session with one edit.
fn edited_session(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(small_session_path()).expect("fixture");
    assert!(text.contains(from), "{from} is in the fixture");
    text.replacen(from, to, 1)
}

/// The place and the messages (English, French) of the syntax error `text` gives.
fn syntax_of(text: &str) -> (Location, String, String) {
    match persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now") {
        Err(LoadError::Syntax { at, fault, .. }) => {
            (at, fault.in_lang(Lang::En), fault.in_lang(Lang::Fr))
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

fn syntax_of_fixture(name: &str) -> (Location, String, String) {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    syntax_of(&text)
}

#[test]
fn a_stance_written_without_some_is_shown_written_with_it() {
    let (loc, message, message_fr) = syntax_of(&edited_session(
        "stance: Some(Agreement)",
        "stance: Agreement",
    ));
    assert_eq!(loc, at(117, 12), "the bare value");
    assert!(message.contains("`stance: Some(Agreement)`"), "{message}");
    assert!(
        !message.contains("url"),
        "the hint is about the stance: {message}"
    );
    assert!(
        message_fr.contains("`stance: Some(Agreement)`") && message_fr.contains("facultative"),
        "{message_fr}"
    );
    assert!(!message_fr.contains("url"), "{message_fr}");
}

#[test]
fn a_long_text_written_without_some_is_shown_cut_inside_some() {
    let text = persist::DEFAULT_DOSSIER_RON.replacen(
        "location: Some(\"1- Au niveau du fonctionnement\"),",
        "location: \"1- Au niveau du fonctionnement\",",
        1,
    );
    let (loc, message, message_fr) = syntax_of(&text);
    assert_eq!(loc, at(106, 16));
    assert!(
        message.contains("`location: Some(\"1- Au ni…\")`"),
        "{message}"
    );
    assert!(message_fr.contains("`location: None`"), "{message_fr}");
}

#[test]
fn format_zero_says_that_formats_start_at_one() {
    let (loc, message, message_fr) = syntax_of(&edited_session("format: 3,", "format: 0,"));
    assert_eq!(loc, at(2, 2), "the format field");
    assert!(
        message.contains("format number 0 is not a format") && message.contains("start at 1"),
        "{message}"
    );
    assert!(!message.contains("no `format` field"), "{message}");
    assert!(
        message_fr.contains("format 0 n’est pas un format")
            && message_fr.contains("commencent à 1"),
        "{message_fr}"
    );
}

#[test]
fn a_json_file_renamed_ron_says_it_looks_like_json() {
    let (loc, message, message_fr) = syntax_of_fixture("json.ron");
    assert_eq!(loc, at(1, 1));
    assert!(
        message.contains("this looks like a JSON file, not a session file (RON)"),
        "{message}"
    );
    assert!(message_fr.contains("ressemble à du JSON"), "{message_fr}");
    let (_, message, _) = syntax_of("[1, 2, 3]");
    assert!(message.contains("JSON"), "{message}");
}

#[test]
fn a_yaml_file_renamed_ron_says_it_looks_like_yaml() {
    let (loc, message, message_fr) = syntax_of_fixture("yaml.ron");
    assert_eq!(loc, at(1, 1));
    assert!(
        message.contains("this looks like a YAML file, not a session file (RON)"),
        "{message}"
    );
    assert!(message_fr.contains("ressemble à du YAML"), "{message_fr}");
    let (loc, message, _) = syntax_of("\n---\nformat: 2\n");
    assert_eq!(loc, at(2, 1), "the first line that is not blank");
    assert!(message.contains("YAML"), "{message}");
}

#[test]
fn a_markdown_file_renamed_ron_says_it_looks_like_markdown() {
    let (loc, message, message_fr) = syntax_of_fixture("markdown.ron");
    assert_eq!(loc, at(1, 1));
    assert!(
        message.contains("this looks like a Markdown file, not a session file (RON)"),
        "{message}"
    );
    assert!(!message.contains("#![enable"), "{message}");
    assert!(
        message_fr.contains("ressemble à du Markdown"),
        "{message_fr}"
    );
    let (_, message, _) = syntax_of("Analyse du Ségur de la santé\n\nTrois constats.\n");
    assert!(message.contains("Markdown"), "{message}");
    assert!(!message.contains("expected struct"), "{message}");
}

#[test]
fn a_damaged_session_is_not_mistaken_for_another_kind_of_file() {
    // The opening bracket deleted: still a session's fields, each ending in a comma.
    let text = edited_session("(\n", "");
    let (_, message, _) = syntax_of(&text);
    assert!(!message.contains("looks like"), "{message}");
}

#[test]
fn a_file_with_old_mac_line_ends_is_located_at_the_line_an_editor_shows() {
    let lf = edited_session("stance: Some(Agreement)", "stance: Agreement");
    for (ends, text) in [
        ("\\r", lf.replace('\n', "\r")),
        ("\\r\\n", lf.replace('\n', "\r\n")),
    ] {
        let (loc, message, _) = syntax_of(&text);
        assert_eq!(loc, at(117, 12), "with {ends} line ends");
        assert!(message.contains("`stance: Some(Agreement)`"), "{message}");
    }
    // An error found by the checks after parsing too.
    let text = std::fs::read_to_string(fixture("duplicate-ids.ron"))
        .expect("fixture")
        .replace('\n', "\r");
    let Err(LoadError::Invalid { problems }) =
        persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now")
    else {
        panic!("the duplicate id is found");
    };
    assert_eq!(problems[0].at, Some(at(55, 17)));
}

#[test]
fn a_figure_too_large_for_a_number_is_refused_at_its_line() {
    let (loc, message, message_fr) = syntax_of(&edited_session("value: 183.0", "value: 1e999"));
    assert_eq!(loc, at(38, 14), "the value");
    assert!(
        message.starts_with("`1e999` is not a number") && message.contains("finite number"),
        "{message}"
    );
    assert!(
        message_fr.contains("« 1e999 » n’est pas un nombre"),
        "{message_fr}"
    );
}

#[test]
fn a_figure_that_is_not_a_number_is_refused_at_its_line() {
    for written in ["NaN", "inf", "-inf"] {
        let (loc, message, message_fr) = syntax_of(&edited_session(
            "value: 183.0",
            &format!("value: {written}"),
        ));
        assert_eq!(loc, at(38, 14), "{written}");
        assert!(
            message.starts_with(&format!("`{written}` is not a number")),
            "{message}"
        );
        assert!(message_fr.contains("nombre fini"), "{message_fr}");
    }
}

#[test]
fn an_unreadable_time_is_kept_and_reported_where_it_is_written() {
    let text = edited_session(
        "\t\t\tmodified: \"2026-01-06T17:00:00Z\",",
        "\t\t\tmodified: \"hier soir\",",
    )
    .replacen(
        "created: \"2026-01-05T09:00:00Z\"",
        "created: \"05/01/2026\"",
        1,
    );
    let loaded = persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now")
        .expect("an unreadable time does not stop the load");
    assert_eq!(loaded.session.created, "05/01/2026", "kept as written");
    let cell = visavis::model::CellId::new("m1", "a");
    assert_eq!(loaded.session.assessments[&cell].modified, "hier soir");
    let [session_time, cell_time] = loaded.warnings.as_slice() else {
        panic!("{:?}", loaded.warnings);
    };
    assert!(
        matches!(session_time, Warning::UnreadableTime { cell: None, field: "created", at: Some(l), .. } if *l == at(4, 11)),
        "{session_time:?}"
    );
    assert!(
        matches!(cell_time, Warning::UnreadableTime { cell: Some(c), at: Some(l), .. } if *c == cell && *l == at(124, 14)),
        "{cell_time:?}"
    );
    let message = cell_time.in_lang(Lang::En);
    assert!(
        message.contains("m1 × a")
            && message.contains("line 124, column 14")
            && message.contains("\"hier soir\"")
            && message.contains("not an RFC 3339 time")
            && message.contains("(unreadable date)"),
        "{message}"
    );
    let message_fr = cell_time.in_lang(Lang::Fr);
    assert!(
        message_fr.contains("ligne 124, colonne 14")
            && message_fr.contains("conservée telle quelle")
            && message_fr.contains("(date illisible)"),
        "{message_fr}"
    );
    assert_eq!(
        persist::to_ron(&loaded.session).expect("encodes"),
        text,
        "saved back as written"
    );
}

#[test]
fn a_session_without_times_is_not_warned_about() {
    let loaded = super::load_ok(&repo_file("tests/fixtures/format-1.ron"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn thousands_of_warnings_list_the_first_ones_and_count_the_rest() {
    let mut session = super::load_ok(&small_session_path()).session;
    let template = super::an_assessment(visavis::model::Stance::Gap, "");
    for i in 0..5_000 {
        session.assessments.insert(
            visavis::model::CellId::new(format!("retiree-{i}").as_str(), "a"),
            template.clone(),
        );
    }
    let text = persist::to_ron(&session).expect("encodes");
    let loaded = persist::load_bytes(text.as_bytes(), Path::new("s.ron"), "now").expect("loads");
    assert_eq!(loaded.session, session, "every orphan is kept");
    assert_eq!(loaded.warnings.len(), persist::MAX_WARNINGS + 1);
    let last = &loaded.warnings[persist::MAX_WARNINGS];
    assert_eq!(last, &Warning::More { count: 4_950 });
    assert_eq!(last.in_lang(Lang::En), "… and 4,950 more warnings");
    assert_eq!(last.in_lang(Lang::Fr), "… et 4\u{202f}950 autres remarques");
}
