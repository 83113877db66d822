//! The module map of `src/lib.rs`, checked: reads every file under `src/`, finds the crate
//! modules and GUI crates it names (in `use` items and in paths in code, not in comments or
//! strings) and fails on any its module's rows in [`RULES`] forbid.

use std::path::Path;

/// Stands for every module but `ui` in [`Rule::module`].
const ALL_BUT_UI: &str = "every module but ui";

/// The crates that only the window may name.
const GUI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "egui_extras",
    "egui_kittest",
    "rfd",
    "winit",
];

/// One line of the architecture: `module` must not name any of `forbidden`, because `reason`.
struct Rule {
    module: &'static str,
    forbidden: &'static [&'static str],
    reason: &'static str,
}

/// What each module must not use, as the table in `src/lib.rs` says. Rows for modules not
/// written yet (sources, teamwork, suggest, exchange) have no files to check until they are.
const RULES: &[Rule] = &[
    Rule {
        module: "model",
        forbidden: &["persist", "sources", "exchange"],
        reason: "the model knows nothing of files",
    },
    Rule {
        module: "model",
        forbidden: &["ui", "view"],
        reason: "the model knows nothing of the window",
    },
    Rule {
        module: "model",
        forbidden: &["report", "teamwork", "suggest", "cli"],
        reason: "analyses and commands are built on the model, not the other way round",
    },
    Rule {
        module: "model",
        forbidden: &["i18n"],
        reason: "i18n names the model's words and depends on the model",
    },
    Rule {
        module: "model",
        forbidden: &["generate"],
        reason: "the model's tests build their own fixtures, in model::fixture",
    },
    Rule {
        module: "progress",
        forbidden: &[
            "model", "persist", "report", "view", "ui", "cli", "i18n", "generate",
        ],
        reason: "progress is shared by a worker thread and the window, and knows neither",
    },
    Rule {
        module: "persist",
        forbidden: &["ui", "report", "cli"],
        reason: "persistence writes what it is given, for the window and the command line alike",
    },
    Rule {
        module: "report",
        forbidden: &["ui", "cli"],
        reason: "the window and the command line call the same report",
    },
    Rule {
        module: "report",
        forbidden: &["persist"],
        reason: "the report produces bytes, persist writes them",
    },
    Rule {
        module: "view",
        forbidden: &["ui"],
        reason: "the view model is the part of the window that builds and tests without egui",
    },
    Rule {
        module: "view",
        forbidden: &["persist", "cli"],
        reason: "the view model reads a session in memory, never files",
    },
    Rule {
        module: "i18n",
        forbidden: &["ui", "persist", "report", "cli"],
        reason: "i18n holds the model's words, below everything that prints them",
    },
    Rule {
        module: "generate",
        forbidden: &["ui", "persist", "report", "cli"],
        reason: "generate builds sessions in memory; its callers save or render them",
    },
    Rule {
        module: "cli",
        forbidden: &["ui"],
        reason: "the command line builds without the gui feature",
    },
    Rule {
        module: "sources",
        forbidden: &["ui"],
        reason: "source texts are read and verified without the window",
    },
    Rule {
        module: "teamwork",
        forbidden: &["ui", "persist"],
        reason: "agreement and merging are pure, on sessions in memory",
    },
    Rule {
        module: "suggest",
        forbidden: &["ui", "persist"],
        reason: "suggestions are pure, ranked from the dossier in memory",
    },
    Rule {
        module: "exchange",
        forbidden: &["ui", "persist"],
        reason: "an export produces bytes, persist writes them",
    },
    Rule {
        module: ALL_BUT_UI,
        forbidden: GUI_CRATES,
        reason: "only ui knows egui: the rest builds without the gui feature",
    },
];

/// The top-level module a file under `src/` belongs to: `src/model/lookup.rs` → `model`,
/// `src/cli.rs` → `cli`, `src/main.rs` → `main`, `src/lib.rs` → `lib`.
fn module_of(path: &str) -> &str {
    let inside = path.strip_prefix("src/").unwrap_or(path);
    match inside.split_once('/') {
        Some((folder, _)) => folder,
        None => inside.strip_suffix(".rs").unwrap_or(inside),
    }
}

/// The reasons `module` may not name `target`.
fn forbidding(module: &str, target: &str) -> impl Iterator<Item = &'static str> {
    RULES
        .iter()
        .filter(move |r| r.module == module || (r.module == ALL_BUT_UI && module != "ui"))
        .filter(move |r| r.forbidden.contains(&target))
        .map(|r| r.reason)
}

/// Every rule the file at `path` (as `src/…`) with text `source` breaks, one message each:
/// `src/model/x.rs:3: model uses persist (the model knows nothing of files): crate::persist::save`.
fn violations(path: &str, source: &str) -> Vec<String> {
    let module = module_of(path);
    let mut found = Vec::new();
    for u in uses(source) {
        for reason in forbidding(module, &u.target) {
            let message = format!(
                "{path}:{}: {module} uses {} ({reason}): {}",
                u.line, u.target, u.path
            );
            if !found.contains(&message) {
                found.push(message);
            }
        }
    }
    found
}

/// A crate module or GUI crate named by a source file.
struct Use {
    /// The line of the name.
    line: usize,
    /// The crate module (`model`, `persist`…) or the GUI crate (`eframe`…).
    target: String,
    /// The path as written, joined with `::` (a grouped `use` gives one path per item).
    path: String,
}

/// The crate modules and GUI crates `source` names, in order: in `use` items (groups
/// expanded, across lines) and in paths in code (`crate::report::analyse(…)`,
/// `eframe::egui::Ui`). `crate::x` and `visavis::x` both name module `x`; `super::` and `self::`
/// stay inside the module and are not listed.
fn uses(source: &str) -> Vec<Use> {
    let tokens = tokens(source);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].is("use") {
            i += 1;
            let mut leaves = Vec::new();
            use_tree(&tokens, &mut i, &[], &mut leaves);
            found.extend(leaves.iter().filter_map(|l| named(l)));
        } else if i == 0 || !matches!(tokens[i - 1].tok, Tok::PathSep | Tok::Punct('$')) {
            let mut path = Vec::new();
            let mut j = i;
            while let Some(Tok::Ident(name)) = tokens.get(j).map(|t| &t.tok) {
                path.push((name.as_str(), tokens[j].line));
                if !matches!(tokens.get(j + 1).map(|t| &t.tok), Some(Tok::PathSep)) {
                    break;
                }
                j += 2;
            }
            if path.len() > 1 {
                found.extend(named(&path));
            }
        }
        i += 1;
    }
    found
}

/// What the path `segments` names, if it is a crate module or a GUI crate.
fn named(segments: &[(&str, usize)]) -> Option<Use> {
    let (root, _) = *segments.first()?;
    let (target, line) = match root {
        "crate" | "visavis" => *segments.get(1)?,
        _ if GUI_CRATES.contains(&root) => segments[0],
        _ => return None,
    };
    Some(Use {
        line,
        target: target.to_owned(),
        path: segments
            .iter()
            .map(|(s, _)| *s)
            .collect::<Vec<_>>()
            .join("::"),
    })
}

/// Reads the tree of a `use` item from `tokens[*i]` up to its end (`;`, or the `,`/`}` that
/// closes it in a group), adding each leaf path to `leaves`, prefixed by `prefix`.
fn use_tree<'t>(
    tokens: &'t [Token],
    i: &mut usize,
    prefix: &[(&'t str, usize)],
    leaves: &mut Vec<Vec<(&'t str, usize)>>,
) {
    let mut path = prefix.to_vec();
    while let Some(token) = tokens.get(*i) {
        match &token.tok {
            Tok::PathSep | Tok::Punct('*') => *i += 1,
            // `as alias`: the alias names nothing new.
            Tok::Ident(name) if name == "as" => *i += 2,
            Tok::Ident(name) => {
                path.push((name.as_str(), token.line));
                *i += 1;
            }
            Tok::Punct('{') => {
                *i += 1;
                while let Some(token) = tokens.get(*i) {
                    match token.tok {
                        Tok::Punct('}') => {
                            *i += 1;
                            return;
                        }
                        Tok::Punct(',') => *i += 1,
                        _ => use_tree(tokens, i, &path, leaves),
                    }
                }
                return;
            }
            Tok::Punct(_) => break,
        }
    }
    leaves.push(path);
}

#[derive(Debug, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Punct(char),
}

/// One token of Rust code, with its line (from 1).
#[derive(Debug)]
struct Token {
    tok: Tok,
    line: usize,
}

impl Token {
    fn is(&self, word: &str) -> bool {
        matches!(&self.tok, Tok::Ident(name) if name == word)
    }
}

/// The identifiers, `::` and punctuation of `source`, without its comments (line, block, doc),
/// string literals (plain, byte, C, raw), character literals and numbers.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while let Some(c) = at(i) {
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if at(i + 1) == Some('/') => {
                while at(i).is_some_and(|c| c != '\n') {
                    i += 1;
                }
            }
            '/' if at(i + 1) == Some('*') => i = block_comment(&chars, i, &mut line),
            '"' => i = string_end(&chars, i + 1, None, &mut line),
            '\'' => {
                i = match (at(i + 1), at(i + 2)) {
                    (Some('\\'), _) => {
                        let mut j = i + 3;
                        while at(j).is_some_and(|c| c != '\'') {
                            j += 1;
                        }
                        j + 1
                    }
                    (Some(_), Some('\'')) => i + 3,
                    // A lifetime or a label: its name is read as an identifier next.
                    _ => i + 1,
                }
            }
            ':' if at(i + 1) == Some(':') => {
                out.push(Token {
                    tok: Tok::PathSep,
                    line,
                });
                i += 2;
            }
            c if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while at(i).is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
                let raw = matches!(word.as_str(), "r" | "br" | "cr");
                if matches!(word.as_str(), "b" | "c") && at(i) == Some('"') {
                    i = string_end(&chars, i + 1, None, &mut line);
                } else if raw && at(i + hashes) == Some('"') {
                    i = string_end(&chars, i + hashes + 1, Some(hashes), &mut line);
                } else if c.is_ascii_digit() {
                    // A number (with its suffix) names nothing.
                } else if word == "r" && hashes == 1 {
                    // A raw identifier, `r#type`: read as `type` next.
                    i += 1;
                } else {
                    out.push(Token {
                        tok: Tok::Ident(word),
                        line,
                    });
                }
            }
            c if c.is_whitespace() => i += 1,
            c => {
                out.push(Token {
                    tok: Tok::Punct(c),
                    line,
                });
                i += 1;
            }
        }
    }
    out
}

/// The index after the (possibly nested) block comment that starts at `chars[start]`.
fn block_comment(chars: &[char], start: usize, line: &mut usize) -> usize {
    let mut depth = 0;
    let mut i = start;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1)) {
            ('/', Some('*')) => {
                depth += 1;
                i += 2;
            }
            ('*', Some('/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            (c, _) => {
                *line += usize::from(c == '\n');
                i += 1;
            }
        }
    }
    i
}

/// The index after the string literal whose text starts at `chars[start]`: a raw string closed
/// by `"` and `raw` times `#`, or (`None`) a string with escapes closed by `"`.
fn string_end(chars: &[char], start: usize, raw: Option<usize>, line: &mut usize) -> usize {
    let hashes = raw.unwrap_or(0);
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        *line += usize::from(c == '\n');
        match c {
            '\\' if raw.is_none() => {
                *line += usize::from(chars.get(i + 1) == Some(&'\n'));
                i += 2;
            }
            '"' if chars[i + 1..].iter().take_while(|&&c| c == '#').count() >= hashes => {
                return i + 1 + hashes;
            }
            _ => i += 1,
        }
    }
    i
}

/// Every `.rs` file under `dir`, as paths relative to the crate (`src/model/lookup.rs`).
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            rust_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).expect("under the crate");
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn no_module_uses_what_its_row_forbids() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    files.sort();
    let mut broken = Vec::new();
    let mut named = 0;
    for file in &files {
        let source = std::fs::read_to_string(root.join(file)).expect("a readable source file");
        named += uses(&source).len();
        broken.extend(violations(file, &source));
    }
    assert!(
        files.iter().any(|f| f == "src/model/mod.rs") && named > 100,
        "the walk sees the sources ({} files, {named} crate paths)",
        files.len()
    );
    assert!(broken.is_empty(), "\n{}\n", broken.join("\n"));
}

#[test]
fn files_belong_to_their_top_level_module() {
    assert_eq!(module_of("src/model/lookup.rs"), "model");
    assert_eq!(module_of("src/ui/app/files.rs"), "ui");
    assert_eq!(module_of("src/cli.rs"), "cli");
    assert_eq!(module_of("src/main.rs"), "main");
    assert_eq!(module_of("src/lib.rs"), "lib");
}

#[test]
fn a_model_file_that_imports_persist_is_reported() {
    let source = "//! A model file.\n\nuse crate::model::ids::CellId;\nuse crate::persist::save;\n";
    assert_eq!(
        violations("src/model/fake.rs", source),
        [
            "src/model/fake.rs:4: model uses persist (the model knows nothing of files): \
          crate::persist::save"
        ]
    );
}

#[test]
fn a_report_file_that_imports_eframe_is_reported() {
    let source = "use crate::model::Stance;\nuse eframe::egui;\n\nfn f(ui: &mut egui::Ui) {}\n";
    let reason = "only ui knows egui: the rest builds without the gui feature";
    assert_eq!(
        violations("src/report/fake.rs", source),
        [
            format!("src/report/fake.rs:2: report uses eframe ({reason}): eframe::egui"),
            format!("src/report/fake.rs:4: report uses egui ({reason}): egui::Ui"),
        ]
    );
    assert_eq!(violations("src/ui/fake.rs", source), Vec::<String>::new());
}

#[test]
fn a_grouped_use_is_reported_at_the_line_of_the_forbidden_item() {
    let source = "use crate::{\n    model::{Session, Stance},\n    persist::{self, Loaded},\n};\n";
    let reason = "the report produces bytes, persist writes them";
    assert_eq!(
        violations("src/report/fake.rs", source),
        [
            format!("src/report/fake.rs:3: report uses persist ({reason}): crate::persist::self"),
            format!("src/report/fake.rs:3: report uses persist ({reason}): crate::persist::Loaded"),
        ]
    );
}

#[test]
fn a_crate_path_in_code_is_reported_like_an_import() {
    let source = "pub fn run() {\n    let (a, b) = (1, 2);\n    crate::ui::run(None);\n}\n";
    assert_eq!(
        violations("src/cli.rs", source),
        [
            "src/cli.rs:3: cli uses ui (the command line builds without the gui feature): \
          crate::ui::run"
        ]
    );
    assert_eq!(
        violations("src/main.rs", "fn main() { visavis::ui::run(None); }"),
        Vec::<String>::new(),
        "main opens the window"
    );
}

#[test]
fn the_same_words_in_comments_and_strings_are_not_reported() {
    let source = r##"//! Saved by [`crate::persist::save`]; see also `use eframe::egui;`.

/// Unlike `crate::ui`, this uses crate::persist only in words.
// use crate::persist::save;
/* use crate::report::analyse; /* nested: eframe::egui */ use crate::ui; */
fn f() -> (&'static str, &'static str, char, &'static [u8]) {
    let _label: &'static str = "use crate::persist::save;";
    let raw = r#"crate::persist "quoted" eframe::egui"#;
    let bytes = b"crate::persist::save";
    (raw, "escaped \" crate::ui::run", '"', bytes)
}
"##;
    assert_eq!(
        violations("src/model/fake.rs", source),
        Vec::<String>::new()
    );
    let after = format!("{source}use crate::persist;\n");
    assert_eq!(
        violations("src/model/fake.rs", &after),
        [
            "src/model/fake.rs:12: model uses persist (the model knows nothing of files): \
          crate::persist"
        ],
        "the scan reads on after them, and counts their lines"
    );
}
