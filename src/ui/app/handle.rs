//! What each message does: the queue drained after the frame, an edit applied through the
//! history, a dialog's answer interpreted, a command run.

use super::App;
use crate::model::{Action, CellId, now_rfc3339};
use crate::ui::Intent;
use crate::ui::commands::Command;
use crate::ui::dialogs::{Answer, Dialog};
use crate::ui::filters;
use crate::ui::i18n::Text;
use crate::ui::message::Message;
use crate::ui::notice::Notice;
use crate::view::Selection;
use eframe::egui;
use std::sync::Arc;

impl App {
    /// Run every queued message, in the order it came; what a message queues runs after it.
    pub(super) fn drain(&mut self, ctx: &egui::Context) {
        while let Some(message) = self.inbox.pop() {
            match message {
                Message::Command(c) => self.run(c, ctx),
                Message::Action(a) => self.apply(a),
                Message::Select(sel) => self.select(sel, false),
                Message::Answer(answer) => self.answer(answer),
                Message::Read { source, excerpt } => self.read(source, excerpt.as_deref()),
            }
        }
    }

    /// Apply an edit through the history.
    fn apply(&mut self, action: Action) {
        let cell = action.cell().cloned();
        let dossier = action.edits_dossier();
        let sources = dossier.then(|| self.session.dossier.sources.clone());
        let now = now_rfc3339();
        match self
            .history
            .apply(Arc::make_mut(&mut self.session), action, &now)
        {
            Ok(true) if dossier => {
                // A source added, removed or renamed: its document is read (or forgotten).
                if sources.as_ref() != Some(&self.session.dossier.sources) {
                    self.sources_stale = true;
                }
                self.dossier_edited();
            }
            Ok(true) => self.edited(cell.as_ref()),
            Ok(false) => {}
            Err(e) => {
                let why = crate::ui::i18n::action_error(self.lang(), &e);
                self.notice = Notice::text(Text::EditRefused).raw(format!("({why})"));
            }
        }
    }

    fn edited(&mut self, cell: Option<&CellId>) {
        self.recovery.edited();
        if let Some(cell) = cell {
            self.index.refresh_note(&self.session, cell);
        }
        self.grid.stale = true;
    }

    /// The dossier changed (a quote picked, or its undo): the grid's index of it is rebuilt.
    fn dossier_edited(&mut self) {
        self.index = crate::view::DossierIndex::new(&self.session);
        self.shelf.dossier_changed();
        self.suggestions_stale();
        self.refresh_reader();
        self.edited(None);
    }

    /// Act on what the user chose in a dialog.
    fn answer(&mut self, answer: Answer) {
        match answer {
            Answer::Dismissed => {}
            Answer::SaveThen(intent) => self.save_then(Some(intent)),
            Answer::DiscardThen(intent) => {
                if intent == Intent::Quit {
                    self.discard_recovery();
                }
                self.perform(intent);
            }
            Answer::QuitKeepingRecovery => match self.write_recovery() {
                Ok(()) => self.perform(Intent::Quit),
                // No copy, no quitting: the work is still on screen, to be saved.
                Err(message) => self.show_error(Text::RecoveryWriteFailed, message),
            },
            Answer::Restore(recovered) => {
                // The file opening at start-up would replace the work just restored.
                if self.is_opening() {
                    self.cancel_task();
                }
                self.restore(*recovered);
            }
            Answer::DiscardRecovery => self.discard_left_behind(),
            Answer::Export(choice) => self.export(choice),
            Answer::OpenLarge(path, size) => self.open_large(&path, size),
            Answer::OpenFile(path) => {
                if let Err(e) = self.launch(&path) {
                    self.notice = Notice::text(Text::OpenFileFailed).raw(e.to_string());
                }
            }
        }
    }

    fn run(&mut self, c: Command, ctx: &egui::Context) {
        match c {
            Command::New => self.request(Intent::New),
            Command::Open => self.pick_open(),
            Command::OpenExample => self.request(Intent::OpenExample),
            Command::Save => self.save_then(None),
            Command::SaveAs => self.save_as_then(None),
            Command::Print => self.print(),
            Command::ExportQdpx => self.pick_export_qdpx(),
            Command::ImportQdpx => self.pick_import_qdpx(),
            Command::ReviewCandidates => self.candidates.show(),
            Command::Export => {
                let mut choice = crate::ui::ExportChoice::new(self.lang());
                choice.agreement = self.comparison.is_on().then_some(true);
                self.show_dialog(Dialog::Export(choice));
            }
            Command::Quit => self.request(Intent::Quit),
            Command::CancelTask => self.cancel_task(),
            Command::Undo | Command::Redo => self.undo_redo(c == Command::Undo),
            Command::Find => ctx.memory_mut(|m| m.request_focus(filters::search_id())),
            Command::SetStance(s) => self.tag(Some(s)),
            Command::ClearStance => self.tag(None),
            Command::NextToReview => self.review(true),
            Command::PrevToReview => self.review(false),
            Command::Up
            | Command::Down
            | Command::Left
            | Command::Right
            | Command::PageUp
            | Command::PageDown
            | Command::FirstRow
            | Command::LastRow => self.move_by(c),
            Command::NextPane | Command::PrevPane => self.cycle_pane(c == Command::NextPane, ctx),
            Command::ClearSearch => {
                self.filters.search.clear();
                self.grid.stale = true;
            }
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                self.prefs.step_zoom(match c {
                    Command::ZoomIn => 1,
                    Command::ZoomOut => -1,
                    _ => 0,
                });
                ctx.set_zoom_factor(self.prefs.zoom());
            }
            Command::ToggleFilters => self.prefs.hide_filters ^= true,
            Command::ToggleDetail => self.prefs.hide_detail ^= true,
            Command::ToggleHeatmap => self.prefs.heatmap.shown ^= true,
            Command::SourcesFolder => self.pick_sources_folder(),
            Command::EditDossier => {
                match self.selection.and_then(|s| s.cell(&self.session.dossier)) {
                    // On the selected cell's measure.
                    Some(cell) => self.editor.edit(
                        &self.session.dossier,
                        &crate::model::ItemId::Measure(cell.measure),
                    ),
                    None => self.editor.open_on(crate::ui::editor::Tab::Measures),
                }
            }
            Command::NewDossier => self.request(Intent::NewEmpty),
            Command::DossierFromFolder => self.pick_draft_folder(),
            Command::UpdateDossier => self.pick_update(),
            Command::CompareWith => self.pick_compare(),
            Command::StopComparing => self.stop_comparing(),
            Command::NextDisagreement | Command::PrevDisagreement => {
                self.seek_disagreement(c == Command::NextDisagreement, false);
            }
            Command::NextConflict | Command::PrevConflict => {
                self.seek_disagreement(c == Command::NextConflict, true);
            }
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        if !(if undo {
            self.history.can_undo()
        } else {
            self.history.can_redo()
        }) {
            return;
        }
        let dossier = self
            .history
            .next_change(undo)
            .is_some_and(crate::model::Change::is_dossier_edit);
        let session = Arc::make_mut(&mut self.session);
        let touched = if undo {
            self.history.undo(session)
        } else {
            self.history.redo(session)
        };
        if dossier {
            self.sources_stale = true;
            self.dossier_edited();
        } else if let Some(cell) = touched {
            self.edited(cell.as_ref());
            if let Some(at) = cell.as_ref().and_then(|c| self.index.position_of(c)) {
                self.select(
                    Selection {
                        measure: at.0,
                        stakeholder: at.1,
                    },
                    true,
                );
            }
        }
    }

    fn tag(&mut self, stance: Option<crate::model::Stance>) {
        if let Some(cell) = self.selection.and_then(|s| s.cell(&self.session.dossier)) {
            self.apply(Action::SetStance { cell, stance });
        }
    }
}
