//! The recovery copy: this window's slot, autosave of unsaved work every
//! [`super::AUTOSAVE_SECONDS`], and the copy an app that stopped left behind, offered back at
//! start-up. Every read and write goes through `persist::recovery`.

use super::App;
use crate::persist::{SaveError, recovery};
use crate::ui::dialogs::Dialog;
use crate::ui::i18n::{Text, tr};
use eframe::egui;
use std::path::PathBuf;

/// The recovery copy of this window, and the one an app that stopped left behind.
pub(super) struct RecoveryState {
    /// Where autosave writes, reserved for this window; `None` disables autosave.
    slot: Option<recovery::Slot>,
    /// Why there is no slot when one was asked for, in the user's language.
    error: Option<String>,
    /// The copy of an app that stopped with unsaved work, while it is offered back.
    left_behind: Option<recovery::Slot>,
    /// The revision the copy holds.
    written: Option<u64>,
    /// When the next autosave is due (egui time, seconds).
    due: Option<f64>,
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
            due: None,
        }
    }

    /// Why no copy can be kept, if so.
    pub(super) fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// A new session is on screen: the copy holds nothing of it, and no autosave is due.
    pub(super) fn session_replaced(&mut self) {
        self.written = None;
        self.due = None;
    }

    /// Whether a recovery copy can be kept at all (offered when quitting with unsaved work).
    pub(super) fn can_keep(&self) -> bool {
        self.slot.is_some()
    }
}

impl App {
    /// Write the recovery copy now if there is unsaved work not yet copied.
    ///
    /// # Errors
    /// Why no copy could be written, in the user's language (also put in the status bar).
    pub fn write_recovery(&mut self) -> Result<(), String> {
        let revision = self.history.revision();
        if !self.history.is_dirty() || self.recovery.written == Some(revision) {
            return Ok(());
        }
        let written = match &self.recovery.slot {
            Some(slot) => slot
                .write(&self.session, self.path.as_deref())
                .map_err(|e| e.in_lang(self.lang())),
            None => Err(self.recovery.error.clone().unwrap_or_default()),
        };
        match written {
            Ok(()) => {
                self.recovery.written = Some(revision);
                Ok(())
            }
            Err(e) => {
                self.notice = format!("{} {e}", tr(self.lang(), Text::RecoveryWriteFailed));
                Err(e)
            }
        }
    }

    /// Remove the recovery copy (the work is saved, or the user discarded it).
    pub fn discard_recovery(&mut self) {
        if let Some(slot) = &self.recovery.slot {
            slot.discard();
        }
        self.recovery.written = None;
    }

    /// Every [`super::AUTOSAVE_SECONDS`] of unsaved work, a recovery copy. Not while a task
    /// runs: a save will supersede the copy, an open replace the session.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let revision = self.history.revision();
        if !self.history.is_dirty() || self.recovery.written == Some(revision) {
            self.recovery.due = None;
            return;
        }
        if self.is_busy() {
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = *self
            .recovery
            .due
            .get_or_insert(now + super::AUTOSAVE_SECONDS);
        if now >= due {
            // A failure is told in the status bar; the next autosave tries again.
            let _ = self.write_recovery();
            self.recovery.due = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
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

    /// Take the recovered session as the open one, unsaved. It is copied into this window's
    /// own recovery slot before the copy it came from is removed.
    pub fn restore(&mut self, recovered: recovery::Recovered) {
        self.replace(recovered.session, recovered.origin);
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
