//! # Vis-à-vis
//!
//! Puts a government's reform measures side by side with the positions of the stakeholders who
//! reacted to them. The analyst tags each measure × stakeholder cell, backs the tag with verbatim
//! quotes and a note, saves the work as a RON session file and exports a gap report.
//!
//! ## Module map and invariants
//!
//! | module | owns | invariant |
//! | --- | --- | --- |
//! | [`model`] | dossier, session, stance, ids, `Action`, `apply`, `History` | knows nothing of egui, files or any other module; every edit of a session is an `Action` through `apply` |
//! | [`persist`] | RON load/save, format versions and migration, atomic write, recovery | the only module that reads or writes session files; never panics on any input; knows no report, window or command line |
//! | [`view`] | the window's view model: filters, selection, rows, the search index, folding | no egui, no files: builds and tests without the `gui` feature; rebuilt when the session or the filters change, never per frame |
//! | [`report`] | gap analysis (pure) and its Markdown, HTML, CSV, Word and OpenDocument renderings | computed from the model only, produces bytes that `persist` writes; the window and the command line call the same functions |
//! | [`sources`] | reading source documents (txt, md, html, docx, odt, pdf) into source text, in a time- and memory-bounded child process; finding them (`--sources`, `VISAVIS_SOURCES_DIR`, the file's folder); verifying quotes by their text | no egui: builds and tests without the `gui` feature; reads documents, never writes; never anchors a quote by offsets |
//! | [`generate`] | synthetic dossiers and sessions of any size (benches, tests, `visavis generate`); its words in `generate/words.rs`; synthetic source documents (PDF, DOCX, ODT) in `generate/documents.rs` | pure and deterministic: same spec, same session; never saves or renders |
//! | [`progress`] | how far long work has gone, and the user's Cancel | shared by a worker thread and the window; uses no other module |
//! | [`teamwork`] | agreement between analysts (`agree`: per cell, stakeholder, pillar; `stats`: Cohen's, weighted and Fleiss' kappa, Krippendorff's alpha) and merging their sessions (`merge`: three-way or n-way, conflicts kept in the session) | pure, on sessions in memory: no files, no window |
//! | [`suggest`] | suggested evidence: French words (`words`: élisions, stop words, Snowball stems, folding), BM25 ranking of each stakeholder's positions and document paragraphs per measure, and back from a proposal to the measures (`Index`); `eval`: precision at 3 and recall at 10 against the session's links, beside a random order and plain word overlap | pure, from the dossier (and source texts) in memory; never reads the evidence or the positions' links it is judged against |
//! | [`exchange`] | REFI-QDA export (`qdpx`: a `.qdpx` project or a `.qdc` codebook, stable GUIDs) | produces bytes from a session in memory; `persist` writes them |
//! | [`cli`] | the command line (clap) | prints; touches files only through `persist`; never the window |
//! | [`i18n`] | the two languages, the words for the model's vocabulary (stances…), the `catalogue!` macro, shared formatting (numbers, plurals, dates, times, figures) | no window, files, report or command line; the window's catalogue lives in `ui::i18n`, the report's in `report::text`, both declared with `catalogue!` and checked by `tests/catalogue.rs` |
//! | `ui` (feature `gui`) | the egui window: `ui::app` (state, frame, the message queue; `handle`, `chrome`, `navigate`, `files`, `recovery`, `export`, `tasks`), the panels (`grid`, `detail`, `filters`), `dialogs`, `commands`, `prefs`, `theme` | the only module that names the GUI crates (egui, eframe, rfd…); views read state and push `Message`s (command, action, selection, a dialog's answer); only the `App` acts on them, after the frame, in arrival order; long work runs on a task thread; never touches files itself |
//!
//! `tests/architecture.rs` reads the sources and fails when a module uses what its row rules out;
//! its table also holds the rows of every module above.
//!
//! `cargo build --no-default-features` builds everything but `ui`, without egui.

pub mod cli;
pub mod exchange;
pub mod generate;
pub mod i18n;
pub mod model;
pub mod persist;
pub mod progress;
pub mod report;
pub mod sources;
pub mod suggest;
pub mod teamwork;
#[cfg(feature = "gui")]
pub mod ui;
pub mod view;
