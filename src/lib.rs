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
//! | [`model`] | dossier, session, stance, ids, `Action`, `apply`, `History` | knows nothing of egui or files; every edit of a session is an `Action` through `apply` |
//! | [`persist`] | RON load/save, format versions and migration, atomic write, recovery | the only module that reads or writes session files; never panics on any input |
//! | [`report`] | gap analysis (pure) and its Markdown, HTML, CSV renderings | computed from the model only; the window and the command line call the same functions |
//! | [`generate`] | synthetic dossiers and sessions of any size (benches, tests, `visavis generate`) | pure and deterministic: same spec, same session |
//! | [`cli`] | the command line (clap) | prints; touches files only through `persist` |
//! | [`i18n`] | the two languages, the words for the model's vocabulary (stances…), the `catalogue!` macro, shared formatting (numbers, plurals, dates, times, figures) | no egui; the window's catalogue lives in `ui::i18n`, the report's in `report::text`, both declared with `catalogue!` and checked by `tests/catalogue.rs` |
//! | `ui` (feature `gui`) | the egui window | reads state and emits `Action`s/commands; never mutates the session directly, never touches files itself |
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
