//! The recovery copy: this window's slot; autosave of unsaved work a moment after the last edit
//! (debounced, written on a thread from a snapshot, one write at a time); the copy written at
//! once on SIGTERM or SIGHUP; and the copy an app that stopped left behind, offered back at
//! start-up. Every read and write goes through `persist::recovery`.

use super::App;
use crate::i18n::Lang;
use crate::persist::{SaveError, recovery};
use crate::ui::dialogs::Dialog;
use crate::ui::i18n::Text;
use crate::ui::notice::Notice;
use eframe::egui;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// A copy being written on its thread: its revision, and the answer to come (the error in
/// French and English).
struct InFlight {
    revision: u64,
    done: mpsc::Receiver<Result<(), (String, String)>>,
}

/// The recovery copy of this window, and the one an app that stopped left behind.
pub(super) struct RecoveryState {
    /// Where autosave writes, reserved for this window; `None` disables autosave.
    slot: Option<recovery::Slot>,
    /// Why there is no slot when one was asked for, in the user's language.
    error: Option<String>,
    /// The copy of an app that stopped with unsaved work, while it is offered back.
    left_behind: Option<recovery::Slot>,
    /// The revision the copy holds (or is being written with).
    written: Option<u64>,
    /// When the session was last edited.
    last_edit: Option<Instant>,
    /// Since when the session has edits the copy does not hold.
    unwritten_since: Option<Instant>,
    /// The copy being written now, if any.
    in_flight: Option<InFlight>,
    /// The work was saved (or discarded) while a copy was being written: remove the copy once
    /// written, so that no copy outlives a save that supersedes it.
    discard_when_written: bool,
    /// SIGTERM and SIGHUP, once watched.
    #[cfg(unix)]
    termination: Option<crate::persist::termination::Termination>,
    /// The copy was written for a SIGTERM or SIGHUP and the window is closing.
    terminating: bool,
}

impl RecoveryState {
    /// Reserve a slot in `dir`. Copies left by apps that stopped are reserved first, so this
    /// window's own slot is always an empty one; only the most recent copy is offered now, the
    /// others next time.
    pub(super) fn claim(dir: Option<PathBuf>, lang: crate::i18n::Lang) -> Self {
        let left_behind = dir
            .as_deref()
            .and_then(|dir| recovery::Slot::left_behind(dir).into_iter().next());
        let mut error = None;
        let slot = dir.and_then(|dir| match recovery::Slot::claim(&dir) {
            Ok(slot) => Some(slot),
            Err(source) => {
                error = Some(SaveError::Io { path: dir, source }.in_lang(lang));
                None
            }
        });
        Self {
            slot,
            error,
            left_behind,
            written: None,
            last_edit: None,
            unwritten_since: None,
            in_flight: None,
            discard_when_written: false,
            #[cfg(unix)]
            termination: None,
            terminating: false,
        }
    }

    /// Why no copy can be kept, if so.
    pub(super) fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// A new session is on screen: the copy holds nothing of it, and no autosave is due.
    pub(super) fn session_replaced(&mut self) {
        self.written = None;
        self.last_edit = None;
        self.unwritten_since = None;
    }

    /// The session was just edited: the autosave waits for a pause.
    pub(super) fn edited(&mut self) {
        let now = Instant::now();
        self.last_edit = Some(now);
        self.unwritten_since.get_or_insert(now);
    }

    /// Whether a recovery copy can be kept at all (offered when quitting with unsaved work).
    pub(super) fn can_keep(&self) -> bool {
        self.slot.is_some()
    }
}

impl App {
    /// Write the recovery copy now (after the one being written, if any) if there is unsaved
    /// work not yet copied.
    ///
    /// # Errors
    /// Why no copy could be written, in the user's language (also put in the status bar).
    pub fn write_recovery(&mut self) -> Result<(), String> {
        self.wait_recovery_write();
        let revision = self.history.revision();
        if !self.history.is_dirty() || self.recovery.written == Some(revision) {
            return Ok(());
        }
        let lang = self.lang();
        let written = if let Some(slot) = &self.recovery.slot {
            slot.write(&self.session, self.path.as_deref())
                .map_err(|e| (e.in_lang(Lang::Fr), e.in_lang(Lang::En)))
        } else {
            let e = self.recovery.error.clone().unwrap_or_default();
            Err((e.clone(), e))
        };
        match written {
            Ok(()) => {
                self.recovery.written = Some(revision);
                self.recovery.unwritten_since = None;
                Ok(())
            }
            Err(e) => {
                let message = if lang == Lang::Fr { &e.0 } else { &e.1 }.clone();
                self.write_failed(e);
                Err(message)
            }
        }
    }

    fn write_failed(&mut self, (fr, en): (String, String)) {
        self.notice = Notice::text(Text::RecoveryWriteFailed).both(fr, en);
    }

    /// Remove the recovery copy (the work is saved, or the user discarded it); a copy being
    /// written is removed once written.
    pub fn discard_recovery(&mut self) {
        if let Some(slot) = &self.recovery.slot {
            slot.discard();
        }
        if self.recovery.in_flight.is_some() {
            self.recovery.discard_when_written = true;
        }
        self.recovery.written = None;
    }

    /// A moment after the last edit, a recovery copy of unsaved work, written on a thread (see
    /// [`recovery::autosave`]). Not while a task runs: a save will supersede the copy, an open
    /// replace the session.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        self.poll_recovery_write(false);
        if self.is_busy() || self.recovery.slot.is_none() {
            return;
        }
        let elapsed = |t: Option<Instant>| t.map_or(Duration::MAX, |t| t.elapsed());
        let state = recovery::AutosaveState {
            dirty: self.history.is_dirty(),
            revision: self.history.revision(),
            written: self.recovery.written,
            since_edit: elapsed(self.recovery.last_edit),
            unwritten_for: elapsed(self.recovery.unwritten_since),
            in_flight: self.recovery.in_flight.is_some(),
        };
        match recovery::autosave(state) {
            recovery::Autosave::Idle => {}
            recovery::Autosave::Wait(after) => ctx.request_repaint_after(after),
            recovery::Autosave::Write => self.start_recovery_write(ctx),
        }
    }

    /// Write the copy of this revision on a thread, from a snapshot of the session.
    fn start_recovery_write(&mut self, ctx: &egui::Context) {
        let Some(slot) = &self.recovery.slot else {
            return;
        };
        let (path, origin) = (slot.path(), self.path.clone());
        let snapshot = Arc::clone(&self.session);
        let revision = self.history.revision();
        let (send, done) = mpsc::channel();
        let wake = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("visavis-recovery".to_owned())
            .spawn(move || {
                let result = recovery::write_copy(&path, &snapshot, origin.as_deref())
                    .map_err(|e| (e.in_lang(Lang::Fr), e.in_lang(Lang::En)));
                // Let the snapshot go before the window hears: an edit then copies nothing.
                drop(snapshot);
                let _ = send.send(result);
                wake.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.recovery.in_flight = Some(InFlight { revision, done });
                self.recovery.written = Some(revision);
                self.recovery.unwritten_since = None;
            }
            // No thread to be had: write here (rare; the window pauses for the write).
            Err(_) => {
                let _ = self.write_recovery();
            }
        }
    }

    /// Wait for the copy being written, if any.
    fn wait_recovery_write(&mut self) {
        self.poll_recovery_write(true);
    }

    /// Take the answer of the copy being written, waiting for it if `wait`.
    fn poll_recovery_write(&mut self, wait: bool) {
        let Some(flight) = &self.recovery.in_flight else {
            return;
        };
        let answer = if wait {
            flight.done.recv().ok()
        } else {
            match flight.done.try_recv() {
                Ok(answer) => Some(answer),
                Err(mpsc::TryRecvError::Empty) => return,
                Err(mpsc::TryRecvError::Disconnected) => None,
            }
        };
        let Some(flight) = self.recovery.in_flight.take() else {
            return;
        };
        if std::mem::take(&mut self.recovery.discard_when_written) {
            if let Some(slot) = &self.recovery.slot {
                slot.discard();
            }
            if self.recovery.written == Some(flight.revision) {
                self.recovery.written = None;
            }
            return;
        }
        match answer {
            Some(Ok(())) => {}
            Some(Err(e)) => {
                self.recovery.written = None;
                self.write_failed(e);
            }
            // The thread stopped without a word: the copy is not known to be written.
            None => self.recovery.written = None,
        }
    }

    /// From now on, SIGTERM and SIGHUP write the recovery copy and close the window (which
    /// saves the preferences), instead of losing the work. `ctx` is woken when one comes.
    pub fn watch_termination(&mut self, ctx: &egui::Context) {
        #[cfg(unix)]
        {
            let wake = ctx.clone();
            match crate::persist::termination::Termination::install(move || wake.request_repaint())
            {
                Ok(t) => self.recovery.termination = Some(t),
                // The signals keep their default action: say so, the window works on.
                Err(e) => {
                    self.notice = Notice::text(Text::SignalsNotWatched).raw(e.to_string());
                }
            }
        }
        #[cfg(not(unix))]
        let _ = ctx;
    }

    /// Whether a SIGTERM or SIGHUP came, and if so write the copy and close.
    pub(super) fn check_termination(&mut self) {
        #[cfg(unix)]
        if !self.recovery.terminating
            && self
                .recovery
                .termination
                .as_ref()
                .is_some_and(crate::persist::termination::Termination::requested)
        {
            self.recovery.terminating = true;
            // A failure is in the status bar, for nobody: the session is ending anyway.
            let _ = self.write_recovery();
            self.allow_close = true;
            self.quit_requested = true;
        }
    }

    pub(super) fn offer_recovery(&mut self) {
        if let Some(found) = self
            .recovery
            .left_behind
            .as_ref()
            .and_then(recovery::Slot::read)
        {
            let found = found.map_err(|e| e.lines_in(self.lang()).join("\n"));
            self.show_dialog(Dialog::Recovery(Box::new(found)));
        }
    }

    /// Take the recovered session as the open one, unsaved, belonging to its origin (saving it
    /// writes there). It is copied into this window's own recovery slot before the copy it came
    /// from is removed.
    pub fn restore(&mut self, recovered: recovery::Recovered) {
        let origin = recovered.origin.map(|p| crate::ui::absolute(&p));
        self.replace(recovered.session, origin);
        self.history.mark_unsaved();
        // Until the work is in this window's own copy, the old copy stays.
        if self.write_recovery().is_ok() && self.recovery.written.is_some() {
            self.discard_left_behind();
        }
    }

    /// Remove the recovery copy that was offered back (restored, or discarded by the user).
    pub fn discard_left_behind(&mut self) {
        if let Some(slot) = self.recovery.left_behind.take() {
            slot.discard();
        }
    }
}
