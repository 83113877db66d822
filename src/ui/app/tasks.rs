//! Long work off the UI thread: opening a file, saving the session, exporting the report. One
//! task at a time runs on a thread of its own, reporting into a shared [`Progress`]; the status
//! bar shows it with a Cancel button, and the window keeps drawing. A cancelled task changes
//! nothing: an open is dropped, a save or an export stops before its file replaces the old one
//! (past that point it is too late, and the result is kept).

use super::App;
use crate::i18n::Lang;
use crate::persist::{LoadError, Loaded, SaveError};
use crate::progress::Progress;
use crate::ui::Intent;
use crate::ui::i18n::{Text, tr};
use crate::view::DossierIndex;
use eframe::egui;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// How often the window redraws while a task runs, to move the progress bar.
const PROGRESS_REFRESH: Duration = Duration::from_millis(50);

/// What a task is doing, and what to do with its result.
#[derive(Debug)]
pub(super) enum Job {
    /// Open `path` in place of the current session.
    Open {
        path: PathBuf,
        /// Add the file to the recent list.
        remember: bool,
        /// The file given at start-up (an error then says the window shows a new session).
        at_start: bool,
    },
    /// Save the session as it was at `revision` to `path`.
    Save {
        path: PathBuf,
        revision: u64,
        /// The session's previous `modified` time, put back if the save fails.
        previous_modified: String,
        /// What the user wanted to do once saved (quit, open another file…).
        then: Option<Intent>,
    },
    /// Write the report to `path`, then open it in the browser when `print`.
    Export { path: PathBuf, print: bool },
    /// Draft a dossier from the documents of `folder`, proposing measures from `measures_from`.
    Draft {
        folder: PathBuf,
        measures_from: Option<String>,
    },
    /// Carry the session over to the dossier of `path`.
    Update { path: PathBuf },
    /// Read the session of `path`, to compare with the open one.
    Compare { path: PathBuf },
    /// Write the session as a REFI-QDA project (or codebook) to `path`.
    ExportQdpx { path: PathBuf },
    /// Read the REFI-QDA project of `path`, to propose its codings.
    Import { path: PathBuf },
}

/// What a task produced.
pub(super) enum Outcome {
    /// The session read, with the grid's index of it.
    Opened(Box<Result<(Loaded, DossierIndex), LoadError>>),
    /// The size of the file written, or why not.
    Saved(Result<u64, SaveError>),
    Exported(Result<(), SaveError>),
    /// The dossier drafted, or why not.
    Drafted(Result<crate::sources::draft::Draft, crate::sources::draft::DraftError>),
    /// The session carried over to the new dossier, or why not (the new file's error).
    Updated(Result<Box<crate::model::Update>, LoadError>),
    /// The session to compare with, or why not.
    Compared(Box<Result<Loaded, LoadError>>),
    /// What a REFI-QDA project proposes, or why it cannot be read.
    Imported(Box<Result<crate::exchange::import::Imported, crate::exchange::import::ImportError>>),
}

/// A task running in the background.
pub(super) struct Task {
    job: Job,
    progress: Arc<Progress>,
    done: mpsc::Receiver<Outcome>,
}

impl Task {
    /// Run `work` on a thread of its own.
    pub(super) fn spawn(
        job: Job,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
        progress: Arc<Progress>,
    ) -> Self {
        let (send, done) = mpsc::channel();
        let shared = Arc::clone(&progress);
        // Should no thread be had, the sender is dropped unused and the window says the work
        // stopped, with nothing changed.
        let _ = std::thread::Builder::new()
            .name("visavis-task".to_owned())
            .spawn(move || {
                // The window may have stopped waiting: nothing to tell then.
                let _ = send.send(work(&shared));
            });
        Self {
            job,
            progress,
            done,
        }
    }

    /// The fraction done, 0 to 1.
    pub(super) fn fraction(&self) -> f32 {
        self.progress.fraction()
    }

    /// A progress bar of the task, its share done written as the language writes it ("34 %").
    pub(super) fn bar(&self, lang: Lang, width: f32) -> egui::ProgressBar {
        let fraction = self.fraction();
        // The fraction is within 0..=1: the share is a whole number of percent.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let percent = (fraction * 100.0).round() as usize;
        egui::ProgressBar::new(fraction)
            .desired_width(width)
            .text(crate::i18n::percent(lang, percent, 100))
    }

    /// Whether the user asked to cancel.
    pub(super) fn is_cancelled(&self) -> bool {
        self.progress.is_cancelled()
    }

    /// What the task is doing, for the status bar: "Ouverture de big.ron…".
    pub(super) fn label(&self, lang: Lang) -> String {
        let (text, path) = match &self.job {
            Job::Open { path, .. } => (Text::TaskOpen, path),
            Job::Save { path, .. } => (Text::TaskSave, path),
            Job::Export { path, .. } | Job::ExportQdpx { path } => (Text::TaskExport, path),
            Job::Draft { folder, .. } => (Text::TaskDraft, folder),
            Job::Update { path } => (Text::TaskUpdate, path),
            Job::Compare { path } => (Text::TaskCompare, path),
            Job::Import { path } => (Text::TaskImport, path),
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!("{} {name}…", tr(lang, text))
    }
}

impl App {
    /// Start `work` in the background, unless a task is already running (then say so).
    pub(super) fn start_task(
        &mut self,
        job: Job,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) {
        self.start_task_with(job, Arc::new(Progress::none()), work);
    }

    /// [`App::start_task`] with a progress the caller already holds (an open shares it with
    /// the parser).
    pub(super) fn start_task_with(
        &mut self,
        job: Job,
        progress: Arc<Progress>,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) {
        if self.task.is_some() {
            self.say(Text::WaitForTask);
            return;
        }
        self.task = Some(Task::spawn(job, work, progress));
    }

    /// Whether another session is being opened: the one on screen is about to go, so it takes
    /// no edits.
    pub(super) fn is_opening(&self) -> bool {
        matches!(
            self.task,
            Some(Task {
                job: Job::Open { .. },
                ..
            })
        )
    }

    /// Ask the running task to stop.
    pub(super) fn cancel_task(&mut self) {
        if let Some(task) = &self.task {
            task.progress.cancel();
        }
    }

    /// Take the running task's result if it is ready, and keep the progress bar moving if not.
    pub(super) fn poll_task(&mut self, ctx: &egui::Context) {
        let Some(task) = &self.task else {
            return;
        };
        let outcome = match task.done.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(PROGRESS_REFRESH);
                return;
            }
            // The thread stopped without an answer (a bug in the work it did).
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let Some(Task { job, progress, .. }) = self.task.take() else {
            return;
        };
        ctx.request_repaint();
        let cancelled = progress.is_cancelled();
        match (job, outcome) {
            (Job::Open { .. }, Some(_)) if cancelled => {
                self.say(Text::TaskCancelled);
            }
            (
                Job::Open {
                    path,
                    remember,
                    at_start,
                },
                Some(Outcome::Opened(result)),
            ) => self.opened(&path, remember, at_start, *result),
            (
                Job::Save {
                    path,
                    revision,
                    previous_modified,
                    then,
                },
                Some(Outcome::Saved(result)),
            ) => self.saved(&path, revision, previous_modified, then, result, cancelled),
            (Job::Export { path, print }, Some(Outcome::Exported(result))) => {
                self.exported(path, result, cancelled, print);
            }
            (Job::ExportQdpx { path }, Some(Outcome::Exported(result))) => {
                self.qdpx_exported(path, result, cancelled);
            }
            (_, Some(_)) if cancelled => self.say(Text::TaskCancelled),
            (
                Job::Draft {
                    folder,
                    measures_from,
                },
                Some(Outcome::Drafted(result)),
            ) => self.drafted(folder, measures_from, result),
            (Job::Update { path }, Some(Outcome::Updated(result))) => {
                self.updated(&path, result);
            }
            (Job::Compare { path }, Some(Outcome::Compared(result))) => {
                self.compared(path, *result);
            }
            (Job::Import { path }, Some(Outcome::Imported(result))) => {
                self.imported(&path, *result);
            }
            // No answer, or (a bug) another job's.
            _ => {
                let message = tr(self.lang(), Text::TaskFailed).to_owned();
                self.show_error(Text::TaskFailed, message);
            }
        }
    }
}

/// Whether a save or export error is the cancel the user asked for.
pub(super) fn is_cancel(error: &SaveError) -> bool {
    matches!(error, SaveError::Io { source, .. } if source.kind() == std::io::ErrorKind::Interrupted)
}
