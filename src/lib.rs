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
//! | [`report`] | gap analysis (pure) and its Markdown, HTML, CSV renderings | computed from the model only, produces bytes that `persist` writes; the window and the command line call the same functions |
//! | [`view`] | the window's view model: index, filters, folding, selection | no egui, no files: builds and tests without the `gui` feature |
//! | [`generate`] | synthetic dossiers and sessions of any size (benches, tests, `visavis generate`); its words in `generate/words.rs` | pure and deterministic: same spec, same session; never saves or renders |
//! | [`cli`] | the command line (clap) | prints; touches files only through `persist`; never the window |
//! | [`i18n`] | the two languages and the words for the model's vocabulary (stances…) | no window, files, report or command line; the window's strings live in `ui::i18n`, the report's in `report::text` |
//! | `ui` (feature `gui`) | the egui window | the only module that names the GUI crates (egui, eframe, rfd…); reads state and emits `Action`s/commands; never mutates the session directly, never touches files itself |
//!
//! `tests/architecture.rs` reads the sources and fails when a module uses what its row rules out;
//! its table also holds the rows of the modules to come (sources, teamwork, suggest, exchange).
//!
//! `cargo build --no-default-features` builds everything but `ui`, without egui.

pub mod cli;
pub mod generate;
pub mod i18n;
pub mod model;
pub mod persist;
pub mod report;
#[cfg(feature = "gui")]
pub mod ui;
pub mod view;
