//! Exporting the gap report: the export dialog's answer, the file to write, the analysis and its
//! rendering in the background on a snapshot of the session, then the confirmation.

use super::App;
use super::picker::Purpose;
use super::tasks::{Job, Outcome, is_cancel};
use crate::persist::{self, SaveError};
use crate::report::{self, ReportOptions, Verifications};
use crate::sources::{self, Limits};
use crate::ui::ExportChoice;
use crate::ui::dialogs::Dialog;
use crate::ui::i18n::Text;
use crate::ui::notice::Notice;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Share of the export's progress bar the analysis and rendering take; writing takes the rest.
const RENDERED: f64 = persist::WRITE_SHARE_FROM;

impl App {
    /// Ask where to write the report, then write it.
    pub(super) fn export(&mut self, choice: ExportChoice) {
        let format = choice.format;
        let stem = self.path.as_ref().and_then(|p| p.file_stem()).map_or_else(
            || "analyse".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let name = format!("{stem}-rapport.{}", format.extension());
        let filter = format.label(self.lang());
        self.pick_save(Purpose::Export(choice), filter, format.extension(), name);
    }

    /// The report's options for `choice`: its language, the detail, and the pillars and
    /// stakeholders the filters show when the user asked for those only.
    fn report_options(&self, choice: ExportChoice) -> ReportOptions {
        let d = &self.session.dossier;
        let mut options = ReportOptions::new(choice.lang, &self.file_name());
        options.include_detail = choice.detail;
        if choice.visible_only {
            options.pillars = Some(
                d.pillars
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !self.filters.hidden_pillars.contains(i))
                    .map(|(_, p)| p.id.clone())
                    .collect(),
            );
            options.stakeholders = Some(
                d.stakeholders
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !self.filters.hidden_stakeholders.contains(i))
                    .map(|(_, s)| s.id.clone())
                    .collect(),
            );
        }
        if choice.agreement == Some(true) {
            options.compared = (self.comparison.others.iter())
                .map(|o| Arc::clone(&o.session))
                .collect();
        }
        options
    }

    /// Write the report to `path` in the background, then confirm with the path (or show the
    /// error).
    pub(super) fn export_to(&mut self, path: &Path, choice: ExportChoice) {
        self.write_report(path, choice, false);
    }

    /// *Imprimer…*: the HTML report, with the detail, in the window's language, written to the
    /// data folder's `print` folder (never beside the user's files) and opened in the system's
    /// browser, whose print dialog also saves a PDF. No crate here lays HTML out as a PDF
    /// without a browser engine, and the report's print style sheet is made for this.
    pub(super) fn print(&mut self) {
        let mut choice = ExportChoice::new(self.lang());
        choice.agreement = self.comparison.is_on().then_some(true);
        let stem = self.path.as_ref().and_then(|p| p.file_stem()).map_or_else(
            || "analyse".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let dir = self.print_dir.clone();
        if let Err(source) = std::fs::create_dir_all(&dir) {
            let e = SaveError::Io { path: dir, source };
            self.show_error(Text::ExportErrorIntro, e.in_lang(self.lang()));
            return;
        }
        self.write_report(&dir.join(format!("{stem}-rapport.html")), choice, true);
    }

    /// Write the report of `choice` to `path` in the background; `print` opens it afterwards.
    fn write_report(&mut self, path: &Path, choice: ExportChoice, print: bool) {
        let mut options = self.report_options(choice);
        let snapshot = Arc::clone(&self.session);
        let dirs = self.source_dirs();
        let file = path.to_owned();
        let job = Job::Export {
            path: path.to_owned(),
            print,
        };
        self.start_task(job, move |progress| {
            // The quotes verified as `visavis report` verifies them: the documents in the
            // folder chosen for the dossier, VISAVIS_SOURCES_DIR or beside the session, each
            // read in a child process.
            let d = &snapshot.dossier;
            let texts = sources::read_sources(d, &dirs, &Limits::default(), false);
            options.verifications =
                Verifications::of(&sources::verify_dossier(d, |id| texts.get(id)));
            let bytes = choice.format.render(&report::analyse(&snapshot, &options));
            progress.set(RENDERED);
            Outcome::Exported(persist::write_export_with(&file, &bytes, false, progress))
        });
    }

    /// An export finished (or was cancelled in time, or failed).
    pub(super) fn exported(
        &mut self,
        path: PathBuf,
        result: Result<(), SaveError>,
        cancelled: bool,
        print: bool,
    ) {
        match result {
            Ok(()) if print => match self.launch(&path) {
                Ok(()) => {
                    self.notice = Notice::text(Text::Printed).raw(path.display().to_string());
                }
                Err(e) => {
                    self.show_error(Text::PrintOpenFailed, format!("{}\n({e})", path.display()));
                }
            },
            Ok(()) => self.show_dialog(Dialog::Exported {
                path,
                title: Text::ExportDone,
            }),
            Err(e) if cancelled && is_cancel(&e) => {
                self.say(Text::TaskCancelled);
            }
            Err(e) => {
                let message = e.in_lang(self.lang());
                self.show_error(Text::ExportErrorIntro, message);
            }
        }
    }
}
