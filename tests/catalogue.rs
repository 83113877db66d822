//! The catalogues of translated strings — the report's `T`, the window's `Text`, both declared
//! with `catalogue!`: every entry reads in both languages, and every key is used somewhere in
//! `src/` outside tests and comments (a key nobody uses is dead text).
//!
//! How a use is found: code refers to a key as `T::Key` or `Text::Key` (the catalogues are never
//! glob-imported; a `use Text::*` or `use T::{…}` is reported, since it would hide uses). Every
//! `.rs` file under `src/` is read without its comment lines and without test code: an inline
//! `#[cfg(test)] mod … {` is cut to the end of its file (clippy's `items_after_test_module`
//! keeps it last), and a file declared `#[cfg(test)] mod name;` is skipped.

use std::fs;
use std::path::{Path, PathBuf};

/// One entry of a catalogue, as the checks see it.
struct Entry {
    key: String,
    fr: &'static str,
    en: &'static str,
    same: bool,
}

fn entries<K: Copy + std::fmt::Debug>(
    all: &[K],
    pair: fn(K) -> (&'static str, &'static str),
    same: fn(K) -> bool,
) -> Vec<Entry> {
    all.iter()
        .map(|&k| {
            let (fr, en) = pair(k);
            Entry {
                key: format!("{k:?}"),
                fr,
                en,
                same: same(k),
            }
        })
        .collect()
}

fn report_catalogue() -> Vec<Entry> {
    use visavis::report::text::T;
    entries(T::ALL, T::pair, T::same_in_both)
}

#[cfg(feature = "gui")]
fn window_catalogue() -> Vec<Entry> {
    use visavis::ui::i18n::Text;
    entries(Text::ALL, Text::pair, Text::same_in_both)
}

/// What is wrong with the entries' texts: one language empty, or both the same although the
/// entry is not written `same(…)`. (An entry with one language only does not compile.)
fn translation_problems(entries: &[Entry]) -> Vec<String> {
    let mut problems = Vec::new();
    for e in entries {
        for (lang, text) in [("French", e.fr), ("English", e.en)] {
            if text.trim().is_empty() {
                problems.push(format!("{} is empty in {lang}", e.key));
            }
        }
        if !e.same && e.fr == e.en {
            problems.push(format!(
                "{} reads \"{}\" in both languages: translate it, or write it same(\"{}\") if \
                 both languages write it alike",
                e.key, e.fr, e.fr
            ));
        }
    }
    problems
}

/// The `.rs` files under `dir`, each as `(path, code)`: test code and comment lines removed, and
/// files that are test modules left out.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let files: Vec<(PathBuf, String)> = paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("a source file is UTF-8");
            (p, text)
        })
        .collect();
    let test_files: Vec<PathBuf> = files
        .iter()
        .flat_map(|(path, text)| test_modules(path, text))
        .collect();
    files
        .into_iter()
        .filter(|(path, _)| !test_files.contains(path))
        .map(|(path, text)| {
            let code = code_only(&text);
            (path, code)
        })
        .collect()
}

/// The files of the modules `path` declares `#[cfg(test)] mod name;`.
fn test_modules(path: &Path, text: &str) -> Vec<PathBuf> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let parent = path.parent().unwrap_or(Path::new(""));
    // `mod.rs`, `lib.rs` and `main.rs` declare their children beside them; `a.rs`, in `a/`.
    let dir = if matches!(stem, "mod" | "lib" | "main") {
        parent.to_owned()
    } else {
        parent.join(stem)
    };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|w| w[0] == "#[cfg(test)]")
        .filter_map(|w| w[1].strip_prefix("mod ")?.strip_suffix(';'))
        .flat_map(|name| {
            [
                dir.join(format!("{name}.rs")),
                dir.join(name).join("mod.rs"),
            ]
        })
        .collect()
}

/// `text` without its comment lines, and cut where an inline test module starts.
fn code_only(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim().starts_with("mod ") && next.ends_with('{'))
        {
            break;
        }
        if !trimmed.starts_with("//") {
            code.push_str(line);
            code.push('\n');
        }
    }
    code
}

/// Whether `code` refers to `name::key`, `name` a whole word and `key` too when it is a name
/// (`*` and `{` are not).
fn refers_to(code: &str, name: &str, key: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let needle = format!("{name}::{key}");
    let whole_key = key.ends_with(is_ident);
    code.match_indices(&needle).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + needle.len()..].chars().next();
        !(before.is_some_and(is_ident) || whole_key && after.is_some_and(is_ident))
    })
}

/// The keys of the catalogue `name` no code in `sources` refers to, and every import that would
/// hide a use (`name::*`, `name::{…}`).
fn unused_keys(name: &str, keys: &[String], sources: &[(PathBuf, String)]) -> Vec<String> {
    let mut problems: Vec<String> = sources
        .iter()
        .filter(|(_, code)| refers_to(code, name, "*") || refers_to(code, name, "{"))
        .map(|(path, _)| {
            format!(
                "{} imports the keys of {name} by a glob or a list: write {name}::Key",
                path.display()
            )
        })
        .collect();
    problems.extend(
        keys.iter()
            .filter(|key| !sources.iter().any(|(_, code)| refers_to(code, name, key)))
            .map(|key| format!("{name}::{key} is never used")),
    );
    problems
}

fn keys(entries: &[Entry]) -> Vec<String> {
    entries.iter().map(|e| e.key.clone()).collect()
}

fn src() -> Vec<(PathBuf, String)> {
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn every_report_phrase_reads_in_both_languages() {
    let problems = translation_problems(&report_catalogue());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_report_phrase_is_used() {
    let problems = unused_keys("T", &keys(&report_catalogue()), &src());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[cfg(feature = "gui")]
#[test]
fn every_window_text_reads_in_both_languages() {
    let problems = translation_problems(&window_catalogue());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[cfg(feature = "gui")]
#[test]
fn every_window_text_is_used() {
    let problems = unused_keys("Text", &keys(&window_catalogue()), &src());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_translation_check_finds_an_empty_or_untranslated_entry() {
    let entry = |key: &str, fr, en, same| Entry {
        key: key.to_owned(),
        fr,
        en,
        same,
    };
    let problems = translation_problems(&[
        entry("Fine", "Fichier", "File", false),
        entry("Csv", "CSV", "CSV", true),
        entry("NoEnglish", "Fichier", " ", false),
        entry("Untranslated", "Fichier", "Fichier", false),
    ]);
    assert_eq!(
        problems,
        [
            "NoEnglish is empty in English",
            "Untranslated reads \"Fichier\" in both languages: translate it, or write it \
             same(\"Fichier\") if both languages write it alike",
        ]
    );
}

#[test]
#[allow(clippy::disallowed_methods)] // a fixture's source files, not a session: no need for atomicity
fn the_usage_check_finds_keys_used_only_in_tests_comments_or_nowhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        fs::write(path, text).expect("fixture");
    };
    write(
        "lib.rs",
        "mod a;\n#[cfg(test)]\nmod fixture;\nfn f() -> T { T::Used }\n",
    );
    write(
        "a/mod.rs",
        "/// See T::InComment.\nfn g() { let _ = (x::T::Nested, TT::Lookalike, T::UsedTwice); }\n\
         fn h() { T::UsedTwice; }\n#[cfg(test)]\nmod tests {\n    fn t() { T::InTest; }\n}\n",
    );
    write("fixture.rs", "fn t() { T::InTestFile; }\n");
    let keys: Vec<String> = [
        "Used",
        "Nested",
        "UsedTwice",
        "InComment",
        "InTest",
        "InTestFile",
        "Lookalike",
        "Never",
        "Use",
    ]
    .map(String::from)
    .to_vec();
    let problems = unused_keys("T", &keys, &sources(dir.path()));
    assert_eq!(
        problems,
        [
            "T::InComment is never used",
            "T::InTest is never used",
            "T::InTestFile is never used",
            "T::Lookalike is never used",
            "T::Never is never used",
            "T::Use is never used",
        ]
    );

    write("b.rs", "use crate::text::T::*;\nuse T::{Never, Use};\n");
    let problems = unused_keys("T", &["Never".to_owned()], &sources(dir.path()));
    assert_eq!(
        problems.len(),
        2,
        "one line per file, then the key: {problems:?}"
    );
    assert!(
        problems[0].ends_with("b.rs imports the keys of T by a glob or a list: write T::Key"),
        "{problems:?}"
    );
}

/// Texts that break a language's punctuation: English puts no space before a colon, semicolon,
/// exclamation or question mark ("Opened: …"); French puts a no-break space there (a plain one
/// would let the mark start a line).
fn punctuation_problems(entries: &[Entry], check_french: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for e in entries {
        for mark in [':', ';', '!', '?'] {
            for space in [' ', '\u{a0}', '\u{202f}'] {
                if e.en.contains(&format!("{space}{mark}")) {
                    problems.push(format!("{}: a space before {mark:?} in English", e.key));
                }
            }
            if check_french && e.fr.contains(&format!(" {mark}")) {
                problems.push(format!(
                    "{}: a plain space before {mark:?} in French (a no-break space goes there)",
                    e.key
                ));
            }
        }
    }
    problems
}

#[test]
fn english_texts_have_no_space_before_a_colon() {
    let entries = report_catalogue();
    #[cfg(feature = "gui")]
    let entries: Vec<Entry> = entries.into_iter().chain(window_catalogue()).collect();
    let problems = punctuation_problems(&entries, false);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[cfg(feature = "gui")]
#[test]
fn window_texts_follow_each_languages_punctuation() {
    let problems = punctuation_problems(&window_catalogue(), true);
    assert!(problems.is_empty(), "{problems:#?}");
}
