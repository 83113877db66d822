//! Exchange with `NVivo`, `ATLAS.ti`, `MAXQDA` and `QualCoder` from the window: *Exporter un
//! projet REFI-QDA…* writes the session as `visavis qdpx export` does (a `.qdc` name writes the
//! codebook alone), with the documents the window has read; *Importer des codages REFI-QDA…*
//! adds a project's coded selections as candidate positions, and opens their review.

use super::App;
use super::picker::Purpose;
use super::tasks::{Job, Outcome, is_cancel};
use crate::exchange::import::{self, ImportError, Imported};
use crate::model::Action;
use crate::ui::dialogs::Dialog;
use crate::ui::i18n::Text;
use crate::ui::notice::Notice;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl App {
    /// Ask where to write the REFI-QDA project.
    pub(super) fn pick_export_qdpx(&mut self) {
        let stem = self.path.as_ref().and_then(|p| p.file_stem()).map_or_else(
            || "analyse".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let filter = crate::ui::i18n::tr(self.lang(), Text::QdpxFiles).to_owned();
        self.pick_save(Purpose::ExportQdpx, &filter, "qdpx", format!("{stem}.qdpx"));
    }

    /// Write the project (or, for a `.qdc` name, the codebook) to `path` in the background.
    pub(super) fn export_qdpx_to(&mut self, path: &Path) {
        let snapshot = Arc::clone(&self.session);
        let texts = self.shelf.texts();
        let lang = self.lang();
        let codebook = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("qdc"));
        let file = path.to_owned();
        self.start_task(
            Job::ExportQdpx {
                path: path.to_owned(),
            },
            move |progress| {
                let origin = concat!("Vis-à-vis ", env!("CARGO_PKG_VERSION"));
                let bytes = if codebook {
                    crate::exchange::qdpx::codebook(&snapshot, origin, lang).into_bytes()
                } else {
                    let text = |id: &_| texts.get(id).map(Arc::as_ref);
                    match crate::exchange::qdpx::qdpx(&snapshot, origin, lang, text) {
                        Ok(bytes) => bytes,
                        Err(e) => {
                            return Outcome::Exported(Err(crate::persist::SaveError::Io {
                                path: file,
                                source: std::io::Error::other(e),
                            }));
                        }
                    }
                };
                progress.set(crate::persist::WRITE_SHARE_FROM);
                Outcome::Exported(crate::persist::write_export_with(
                    &file, &bytes, false, progress,
                ))
            },
        );
    }

    /// The project was written, or why not.
    pub(super) fn qdpx_exported(
        &mut self,
        path: PathBuf,
        result: Result<(), crate::persist::SaveError>,
        cancelled: bool,
    ) {
        match result {
            Ok(()) => self.show_dialog(Dialog::Exported {
                path,
                title: Text::QdpxExported,
            }),
            Err(e) if cancelled && is_cancel(&e) => self.say(Text::TaskCancelled),
            Err(e) => {
                let message = e.in_lang(self.lang());
                self.show_error(Text::ExportErrorIntro, message);
            }
        }
    }

    /// Ask for the REFI-QDA project whose codings to import.
    pub(super) fn pick_import_qdpx(&mut self) {
        self.pick_file(Purpose::ImportQdpx);
    }

    /// Read the project at `path` in the background and match its selections to the dossier.
    pub(super) fn import_qdpx_from(&mut self, path: &Path) {
        let snapshot = Arc::clone(&self.session);
        let file = path.to_owned();
        self.start_task(
            Job::Import {
                path: path.to_owned(),
            },
            move |_| {
                let name = file.file_name().map_or_else(
                    || file.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let imported =
                    import::read(&file).and_then(|bytes| import::import(&bytes, &name, &snapshot));
                Outcome::Imported(Box::new(imported))
            },
        );
    }

    /// The project was read: its candidates join the session (one undoable step) and the review
    /// opens, listing what was left out and why; or the window says why nothing came in.
    pub(super) fn imported(&mut self, path: &Path, result: Result<Imported, ImportError>) {
        let lang = self.lang();
        let imported = match result {
            Ok(i) => i,
            Err(e) => {
                let message = format!("{}\n{}", path.display(), e.message(lang));
                self.show_error(Text::ImportFailed, message);
                return;
            }
        };
        let found = imported.candidates.len();
        // What the session holds already is counted; what could not be placed is listed.
        let known = imported.skipped.iter().filter(|s| s.why.is_known()).count();
        let left_out = imported.skipped.len() - known;
        self.candidates.left_out = (imported.skipped.iter())
            .filter(|s| !s.why.is_known())
            .map(|s| s.message(lang))
            .collect();
        if found == 0 {
            if known > 0 && left_out == 0 {
                self.say(Text::ImportNothingNew);
            } else {
                self.show_error(
                    Text::ImportFailed,
                    crate::ui::i18n::tr(lang, Text::ImportNonePlaced).to_owned(),
                );
            }
            self.candidates.show();
            return;
        }
        self.inbox.action(Action::AddCandidates {
            candidates: imported.candidates,
        });
        self.candidates.show();
        self.notice = Notice::text(Text::Imported)
            .raw(crate::ui::i18n::imported(lang, found, known, left_out));
    }
}
