//! One malformed file per way a session can be damaged (`tests/fixtures/malformed/`): each gives
//! its own kind of error, at the line and column of the fault, in plain words.

use super::repo_file;
use std::path::PathBuf;
use visavis::i18n::Lang;
use visavis::persist::{self, LoadError, Location};

fn fixture(name: &str) -> PathBuf {
    repo_file("tests/fixtures/malformed").join(name)
}

fn load_err(name: &str) -> LoadError {
    match persist::load(&fixture(name)) {
        Ok(_) => panic!("{name} loaded, but it is malformed"),
        Err(e) => e,
    }
}

/// The location and message of a `Syntax` error, which must name the file.
fn syntax(name: &str) -> (Location, String) {
    let err = load_err(name);
    let text = err.to_string();
    let LoadError::Syntax {
        at, fault, path, ..
    } = err
    else {
        panic!("{name}: expected a syntax error, got {err:?}");
    };
    let message = fault.to_string();
    assert_eq!(path, fixture(name));
    assert!(
        text.starts_with(&format!("{}:{at}: ", path.display())),
        "{text}"
    );
    (at, message)
}

/// The single problem of an `Invalid` error.
fn invalid(name: &str) -> (Location, String) {
    let err = load_err(name);
    let LoadError::Invalid { problems } = err else {
        panic!("{name}: expected an inconsistency, got {err:?}");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert_eq!(p.path, fixture(name));
    (p.at.expect("the problem is located"), p.message.clone())
}

fn at(line: usize, col: usize) -> Location {
    Location { line, col }
}

#[test]
fn an_empty_file_says_it_is_empty() {
    let (loc, message) = syntax("empty.ron");
    assert_eq!(loc, at(1, 1));
    assert_eq!(message, "the file is empty");
}

#[test]
fn a_truncated_file_points_at_the_unclosed_string() {
    let (loc, message) = syntax("truncated.ron");
    assert_eq!(loc, at(58, 24), "the string the file ends in");
    assert!(message.contains("never closed"), "{message}");
    assert!(message.contains("cut short"), "{message}");
}

#[test]
fn a_file_cut_between_two_fields_says_it_ends_too_early() {
    let text = std::fs::read_to_string(super::small_session_path()).expect("fixture");
    let cut = text.find("\tassessments").expect("has assessments");
    let err =
        persist::load_bytes(&text.as_bytes()[..cut], &fixture("cut.ron"), "now").expect_err("cut");
    let LoadError::Syntax { at: loc, fault, .. } = err else {
        panic!("{err:?}");
    };
    let message = fault.to_string();
    assert_eq!(loc, at(113, 1), "the end of the file");
    assert!(message.contains("ends too early"), "{message}");
}

#[test]
fn binary_garbage_is_refused_as_not_text() {
    let (loc, message) = syntax("binary-garbage.ron");
    assert_eq!(loc, at(1, 1), "the PNG signature's first byte");
    assert!(message.contains("not UTF-8 text"), "{message}");
}

#[test]
fn a_non_utf8_byte_is_located_where_it_is() {
    let (loc, message) = syntax("non-utf8.ron");
    assert_eq!(loc, at(130, 46), "the Latin-1 é of « café »");
    assert!(message.contains("not UTF-8"), "{message}");
}

#[test]
fn a_value_of_the_wrong_type_says_what_was_expected() {
    let (loc, message) = syntax("wrong-type.ron");
    assert_eq!(loc, at(57, 34), "the string where a boolean belongs");
    assert_eq!(message, "expected boolean");
}

#[test]
fn an_unknown_stance_lists_the_stances() {
    let (loc, message) = syntax("unknown-stance.ron");
    assert_eq!(loc, at(129, 26));
    assert!(
        message.contains("`Desaccord`")
            && ["Agreement", "Partial", "Gap", "Silent"]
                .iter()
                .all(|s| message.contains(s)),
        "{message}"
    );
}

#[test]
fn an_unknown_field_is_refused_rather_than_dropped() {
    let (loc, message) = syntax("unknown-field.ron");
    assert_eq!(loc, at(123, 13));
    assert!(
        message.contains("`priorite`") && message.contains("`assessment`"),
        "{message}"
    );
}

#[test]
fn a_missing_field_is_named() {
    let (loc, message) = syntax("missing-field.ron");
    assert_eq!(loc, at(138, 9), "the end of the assessment that lacks it");
    assert!(
        message.contains("`note`") && message.contains("`assessment`"),
        "{message}"
    );
}

#[test]
fn text_after_the_session_is_refused() {
    let (loc, message) = syntax("trailing-text.ron");
    assert_eq!(loc, at(142, 1), "the extra `)`");
    assert!(message.contains("after the closing"), "{message}");
}

#[test]
fn a_file_that_is_neither_session_nor_dossier_says_so() {
    let (loc, message) = syntax("not-a-session.ron");
    assert_eq!(loc, at(1, 1));
    assert!(
        message.contains("neither a session") && message.contains("nor a dossier"),
        "{message}"
    );
}

#[test]
fn deeply_nested_brackets_are_refused_without_overflowing_the_stack() {
    let (loc, message) = syntax("deeply-nested.ron");
    assert_eq!(loc.line, 3, "the analyst's line, where the brackets start");
    assert!(message.contains("nested too deeply"), "{message}");
    assert!(
        !message.contains("serde_stacker"),
        "no advice for programmers"
    );
}

#[test]
fn brackets_nested_anywhere_are_refused_whatever_the_depth() {
    for (prefix, depth) in [
        ("", 100_000),
        ("(format: 2, dossier: ", 100_000),
        ("(measures: [(figures: ", 50_000),
        ("(format: 1, assessments: ", 10_000),
    ] {
        for open in ["[", "(", "{", "Some(", "[(", "a("] {
            let text = format!("{prefix}{}", open.repeat(depth));
            let result = persist::load_bytes(text.as_bytes(), &fixture("deep.ron"), "now");
            assert!(result.is_err(), "{prefix}{open}…");
        }
    }
}

#[test]
fn a_duplicate_id_points_at_its_second_definition() {
    let (loc, message) = invalid("duplicate-ids.ron");
    assert_eq!(loc, at(55, 17));
    assert_eq!(message, "measure \"m1\" is defined more than once");
}

#[test]
fn a_dangling_reference_points_at_the_reference() {
    let (loc, message) = invalid("dangling-reference.ron");
    assert_eq!(loc, at(110, 21), "the \"m9\" in the position's measures");
    assert_eq!(message, "position \"b1\" speaks to unknown measure \"m9\"");
}

#[test]
fn a_repeated_cell_points_at_its_second_listing() {
    let (loc, message) = invalid("repeated-cell.ron");
    assert_eq!(loc, at(127, 13));
    assert!(message.contains("m1 × a") && message.contains("more than once"));
}

#[test]
fn a_newer_format_names_its_version_and_where_it_is_written() {
    let err = load_err("newer-format.ron");
    let LoadError::NewerFormat {
        found,
        supported,
        at: loc,
        ..
    } = err
    else {
        panic!("{err:?}");
    };
    assert_eq!((found, supported), (4, persist::CURRENT_FORMAT));
    assert_eq!(loc, at(2, 5));
}

#[test]
fn the_format_number_is_found_after_a_comment_that_mentions_it() {
    let text = "// this format is new\n(\n  format : 9,\n)";
    let err = persist::load_bytes(text.as_bytes(), &fixture("c.ron"), "now").expect_err("9");
    let LoadError::NewerFormat { at: loc, found, .. } = err else {
        panic!("{err:?}");
    };
    assert_eq!((found, loc), (9, at(3, 3)));
}

#[test]
fn a_200_mb_file_is_refused_by_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("enorme.ron");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: the test takes no disk space and the loader must not read it.
    file.set_len(200 * 1024 * 1024).expect("set_len");
    drop(file);
    let err = persist::load(&path).expect_err("too large");
    let LoadError::TooLarge { size, limit, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!((*size, *limit), (200 * 1024 * 1024, persist::MAX_FILE_SIZE));
    let text = err.to_string();
    assert!(
        text.contains("enorme.ron") && text.contains("more than"),
        "{text}"
    );
}

#[test]
fn a_file_just_at_the_size_limit_is_read_and_judged_on_its_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("limite.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(persist::MAX_FILE_SIZE).expect("set_len");
    drop(file);
    // 100 MB of zero bytes: valid UTF-8 (NUL), but not RON.
    let err = persist::load(&path).expect_err("zeros are not a session");
    assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
}

#[test]
fn a_folder_is_not_a_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = persist::load(dir.path()).expect_err("a folder");
    assert!(matches!(err, LoadError::Io { .. }), "{err:?}");
}

#[test]
fn a_missing_file_says_it_cannot_be_read() {
    let err = persist::load(&fixture("absent.ron")).expect_err("missing");
    let LoadError::Io { source, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert!(err.to_string().contains("absent.ron: cannot read"), "{err}");
}

#[test]
fn every_fixture_fails_to_load_and_none_panics() {
    let dir = repo_file("tests/fixtures/malformed");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let err = persist::load(&path).expect_err("every fixture is malformed");
        for line in err.lines() {
            assert!(line.starts_with(&format!("{}:", path.display())), "{line}");
        }
        count += 1;
    }
    assert!(count >= 15, "only {count} fixtures");
}

#[test]
fn a_file_with_thousands_of_problems_reports_the_first_ones_and_counts_the_rest() {
    // Every position of a generated dossier names a stakeholder that does not exist: 5,000
    // problems, each of which would cost a scan of the text to locate.
    let mut dossier = persist::default_dossier();
    let template = dossier.positions[0].clone();
    dossier.positions = (0..5_000)
        .map(|i| {
            let mut p = template.clone();
            p.id = format!("p{i}").as_str().into();
            p.stakeholder = "inconnu".into();
            p
        })
        .collect();
    let text = persist::dossier_to_ron(&dossier).expect("encodes");
    let err = persist::load_bytes(text.as_bytes(), &fixture("gros.ron"), "now")
        .expect_err("inconsistent");
    let LoadError::Invalid { problems } = err else {
        panic!("{err:?}");
    };
    assert_eq!(problems.len(), persist::MAX_PROBLEMS + 1);
    assert!(
        problems[..persist::MAX_PROBLEMS]
            .iter()
            .all(|p| p.at.is_some())
    );
    let last = &problems[persist::MAX_PROBLEMS];
    assert_eq!(last.at, None);
    assert!(
        last.message
            .contains(&format!("{} more problems", 5_000 - persist::MAX_PROBLEMS)),
        "{}",
        last.message
    );
}

#[test]
fn an_id_with_an_apostrophe_is_located_as_it_is_written() {
    // The duplicate-ids fixture with its repeated id written as this version writes text.
    let text = std::fs::read_to_string(fixture("duplicate-ids.ron"))
        .expect("fixture")
        .replace("\"m1\"", "\"plan-d'urgence\"");
    let err = persist::load_bytes(text.as_bytes(), &fixture("apostrophe.ron"), "now")
        .expect_err("the id is defined twice");
    let LoadError::Invalid { problems } = err else {
        panic!("expected an inconsistency, got {err:?}");
    };
    assert_eq!(problems[0].at, Some(at(55, 17)), "{problems:?}");
}

/// The Ségur dossier with one edit, loaded: its syntax error's place and messages (English,
/// French).
fn edited_dossier(from: &str, to: &str) -> (Location, String, String) {
    let text = persist::DEFAULT_DOSSIER_RON.replacen(from, to, 1);
    assert_ne!(
        text,
        persist::DEFAULT_DOSSIER_RON,
        "{from} is in the dossier"
    );
    match persist::load_bytes(text.as_bytes(), &fixture("d.ron"), "now") {
        Err(LoadError::Syntax { at, fault, .. }) => {
            (at, fault.in_lang(Lang::En), fault.in_lang(Lang::Fr))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_decimal_comma_is_explained_as_such() {
    let (loc, message, message_fr) = edited_dossier("value: 8.2,", "value: 8,2,");
    assert_eq!(loc, at(88, 15), "the digit after the comma");
    assert_eq!(message, "a decimal number takes a point: 8.2, not 8,2");
    assert!(message_fr.contains("avec un point"), "{message_fr}");
}

#[test]
fn french_quotes_around_a_text_are_explained() {
    let (loc, message, message_fr) = edited_dossier(
        "title: \"Projet de contribution au Ségur de la santé\"",
        "title: « Projet de contribution au Ségur de la santé »",
    );
    assert_eq!(loc, at(17, 11));
    assert!(message.contains("straight quotes"), "{message}");
    assert!(message_fr.contains("guillemets droits"), "{message_fr}");
}

#[test]
fn an_optional_value_written_bare_shows_how_to_write_it() {
    let (loc, message, message_fr) = edited_dossier("url: None,", "url: \"https://example.org\",");
    assert_eq!(loc, at(13, 9));
    assert!(message.contains("url: Some(\"https://…\")"), "{message}");
    assert!(message_fr.contains("facultative"), "{message_fr}");
}

#[test]
fn a_quote_left_open_is_suggested_where_a_comma_is_missing() {
    let (loc, message, message_fr) = edited_dossier(
        "\"Projet de contribution au Ségur de la santé\",",
        "\"Projet de contribution au Ségur de la santé,",
    );
    assert_eq!(
        loc,
        at(18, 19),
        "where the parser noticed, on the next line"
    );
    assert!(message.contains("left open earlier"), "{message}");
    assert!(
        message_fr.contains("resté ouvert plus haut"),
        "{message_fr}"
    );
}
