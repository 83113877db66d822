//! Files: asking before unsaved work is lost, opening (in the background), saving a snapshot of
//! a revision (in the background), the embedded example. Every read and write goes through
//! `persist`; the recovery copy is in `recovery`.

use super::App;
use super::picker::Purpose;
use super::tasks::{Job, Outcome, is_cancel};
use crate::model::{Session, now_rfc3339};
use crate::persist::{self, LoadError, Loaded, Origin, SaveError};
use crate::progress::Progress;
use crate::ui::Intent;
use crate::ui::dialogs::Dialog;
use crate::ui::i18n::{Text, tr};
use crate::ui::notice::Notice;
use crate::view::{DossierIndex, Filters};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The example analysis, embedded so "Open the example analysis" works wherever the binary is.
const EXAMPLE_SESSION: &str = include_str!("../../../saves/segur-analyse-exemple.ron");

impl App {
    /// Do `intent` now, or ask first if there are unsaved changes.
    pub fn request(&mut self, intent: Intent) {
        if self.is_busy() {
            self.say(Text::WaitForTask);
        } else if self.history.is_dirty() {
            self.show_dialog(Dialog::Unsaved(intent));
        } else {
            self.perform(intent);
        }
    }

    /// Do `intent` without asking.
    pub fn perform(&mut self, intent: Intent) {
        match intent {
            Intent::New => {
                let session = Self::blank_session(&self.prefs);
                self.replace(session, None);
                self.prefs.last_session = None;
            }
            Intent::NewEmpty => {
                let session = crate::model::Session::new(
                    crate::model::Dossier::empty(),
                    &self.prefs.analyst,
                    &crate::model::now_rfc3339(),
                );
                self.replace(session, None);
                self.prefs.last_session = None;
                self.editor.open_on(crate::ui::editor::Tab::Pillars);
            }
            Intent::NewOn(dossier) => {
                let session = crate::model::Session::new(
                    *dossier,
                    &self.prefs.analyst,
                    &crate::model::now_rfc3339(),
                );
                self.replace(session, None);
                self.prefs.last_session = None;
            }
            Intent::Open(path) => self.open_path(&path, true),
            Intent::OpenExample => self.open_example(),
            Intent::Quit => {
                self.allow_close = true;
                self.inbox.clear();
                self.quit_requested = true;
            }
        }
    }

    /// Open `path` in place of the current session, in the background. On error the current
    /// session stays and the error is shown; `remember` adds the file to the recent list.
    pub fn open_path(&mut self, path: &Path, remember: bool) {
        self.open_job(path, persist::MAX_FILE_SIZE, remember, false);
    }

    /// Open the file given at start-up (or the last session).
    pub(super) fn open_at_start(&mut self, path: &Path, remember: bool) {
        self.open_job(path, persist::MAX_FILE_SIZE, remember, true);
    }

    /// Open a file larger than the load limit, which the user confirmed.
    pub(super) fn open_large(&mut self, path: &Path, size: u64) {
        self.open_job(path, size, true, false);
    }

    fn open_job(&mut self, path: &Path, limit: u64, remember: bool, at_start: bool) {
        // A path from a drop, a test or a script enters the app absolute.
        let path = &crate::ui::absolute(path);
        let progress = Arc::new(Progress::none());
        let (file, shared) = (path.to_owned(), Arc::clone(&progress));
        let job = Job::Open {
            path: path.to_owned(),
            remember,
            at_start,
        };
        self.start_task_with(job, progress, move |_| {
            // The grid's index is built here too: at 5,000 × 20 it takes a fifth of the open.
            let opened = persist::load_within(&file, &shared, limit).map(|loaded| {
                let index = DossierIndex::new(&loaded.session);
                (loaded, index)
            });
            Outcome::Opened(Box::new(opened))
        });
    }

    /// An open finished: show the session, or say why not.
    pub(super) fn opened(
        &mut self,
        path: &Path,
        remember: bool,
        at_start: bool,
        result: Result<(Loaded, DossierIndex), LoadError>,
    ) {
        let lang = self.lang();
        let (loaded, index) = match result {
            Ok(opened) => opened,
            Err(LoadError::TooLarge { size, .. }) => {
                // Larger than sessions usually are: open it if the user says so.
                self.show_dialog(Dialog::TooLarge {
                    path: path.to_owned(),
                    size,
                });
                return;
            }
            Err(e) => {
                // At start-up nothing was open before: say what the user is looking at instead.
                let intro = if at_start {
                    Text::OpenErrorAtStart
                } else {
                    Text::OpenErrorIntro
                };
                self.show_error(intro, e.lines_in(lang).join("\n"));
                return;
            }
        };
        let (mut session, origin) = (loaded.session, loaded.origin);
        if session.analyst.is_empty() {
            session.analyst = self.prefs.analyst.as_str().into();
        }
        if origin == Origin::Dossier {
            // A bare dossier starts a new session: it has no file of its own yet.
            self.replace_indexed(session, index, None);
        } else {
            self.replace_indexed(session, index, Some(path.to_owned()));
            if remember {
                self.prefs.opened(path);
            }
        }
        let opened = Notice::text(Text::Opened).colon(path.display().to_string());
        self.notice = match origin {
            Origin::Session => opened,
            Origin::Migrated { from } => opened
                .raw("(")
                .and(Text::MigratedFrom)
                .raw(format!("{from})")),
            Origin::Dossier => opened.raw("(").and(Text::NewFromDossier).raw(")"),
        };
        if let Origin::Migrated { .. } = origin {
            self.history.mark_unsaved();
        }
        if !loaded.warnings.is_empty() {
            let warnings = loaded.warnings.iter().map(|w| w.in_lang(lang)).collect();
            self.show_dialog(Dialog::Warnings(warnings));
        }
    }

    /// Show `session` (from `path`) in place of the open one, with a fresh history and view.
    pub(super) fn replace(&mut self, session: Session, path: Option<PathBuf>) {
        let index = DossierIndex::new(&session);
        self.replace_indexed(session, index, path);
    }

    /// [`App::replace`] with the session's index already built.
    fn replace_indexed(&mut self, session: Session, index: DossierIndex, path: Option<PathBuf>) {
        // Sessions compared with the one on screen stay only beside another of their dossier.
        if session.dossier.id != self.session.dossier.id {
            self.comparison.others.clear();
            self.compared_files.clear();
        }
        self.index = index;
        self.session = Arc::new(session);
        self.history = crate::model::History::default();
        self.path = path;
        self.selection = None;
        self.filters = Filters::default();
        self.filter_state = crate::ui::filters::FilterState::default();
        self.detail = crate::ui::detail::DetailState::default();
        self.grid.stale = true;
        self.recovery.session_replaced();
        self.reader.close();
        self.sources_stale = true;
        self.suggestions_stale();
    }

    /// Save to the current file, or ask for one; then do `then` (quit, open…) once saved.
    pub(super) fn save_then(&mut self, then: Option<Intent>) {
        match self.path.clone() {
            Some(path) => self.save_to_then(&path, then),
            None => self.save_as_then(then),
        }
    }

    /// Ask for a file and save there; then do `then` once saved.
    pub(super) fn save_as_then(&mut self, then: Option<Intent>) {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "analyse.ron".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let filter = tr(self.lang(), Text::SessionFiles).to_owned();
        self.pick_save(Purpose::SaveAs(then), &filter, "ron", name);
    }

    /// Save to `path` in the background. On failure the error is shown, the session stays
    /// dirty and the old file is intact.
    pub fn save_to(&mut self, path: &Path) {
        self.save_to_then(path, None);
    }

    pub(super) fn save_to_then(&mut self, path: &Path, then: Option<Intent>) {
        let path = &crate::ui::absolute(path);
        if self.is_busy() {
            self.say(Text::WaitForTask);
            return;
        }
        // Typing after the save starts a new undo step, so that undo can come back to the saved
        // text (a step merged across the save would jump past it).
        self.history.seal();
        let previous_modified = std::mem::replace(
            &mut Arc::make_mut(&mut self.session).modified,
            now_rfc3339(),
        );
        // The save writes this revision; edits made meanwhile copy the session first.
        let snapshot = Arc::clone(&self.session);
        let file = path.to_owned();
        let job = Job::Save {
            path: path.to_owned(),
            revision: self.history.revision(),
            previous_modified,
            then,
        };
        self.start_task(job, move |progress| {
            Outcome::Saved(persist::save_with(&snapshot, &file, progress))
        });
    }

    /// A save finished (or was cancelled in time, or failed).
    pub(super) fn saved(
        &mut self,
        path: &Path,
        revision: u64,
        previous_modified: String,
        then: Option<Intent>,
        result: Result<u64, SaveError>,
        cancelled: bool,
    ) {
        let lang = self.lang();
        match result {
            Ok(size) => {
                self.history.mark_saved_at(revision);
                self.path = Some(path.to_owned());
                self.prefs.opened(path);
                if !self.history.is_dirty() {
                    // The copy holds nothing the file does not; a copy of later edits stays.
                    self.discard_recovery();
                }
                self.notice = if cancelled {
                    Notice::text(Text::SavedBeforeCancel)
                } else {
                    Notice::text(Text::Saved).colon(path.display().to_string())
                };
                if size > persist::MAX_FILE_SIZE {
                    // Written all the same: the work is never refused, but say what comes next.
                    self.notice = std::mem::take(&mut self.notice).and(Text::SavedOverLimit);
                }
                if let Some(intent) = then {
                    self.request(intent);
                }
            }
            Err(e) => {
                Arc::make_mut(&mut self.session).modified = previous_modified;
                if cancelled && is_cancel(&e) {
                    self.say(Text::TaskCancelled);
                } else {
                    self.show_error(Text::SaveErrorIntro, e.in_lang(lang));
                }
            }
        }
    }

    /// Open the embedded example analysis as an untitled session: saving it asks for a file, so
    /// the example itself is never overwritten.
    pub fn open_example(&mut self) {
        let name = Path::new("segur-analyse-exemple.ron");
        match persist::load_bytes(EXAMPLE_SESSION.as_bytes(), name, &now_rfc3339()) {
            Ok(loaded) => {
                self.replace(loaded.session, None);
                self.notice = Notice::text(Text::Opened).colon_text(Text::CmdOpenExample);
            }
            Err(e) => {
                let message = e.lines_in(self.lang()).join("\n");
                self.show_error(Text::OpenErrorIntro, message);
            }
        }
    }
}
