//! The window around the panels: menu bar, status bar (with the progress of background work and
//! its Cancel button), title, keyboard shortcuts, dropped files and the close button.

use super::help::Page;
use super::{App, FilePicker};
use crate::i18n::Lang;
use crate::model::Stance;
use crate::ui::Intent;
use crate::ui::commands::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::i18n::{Text, tr};
use crate::ui::theme::Theme;
use eframe::egui;

impl App {
    /// Turn this frame's shortcuts into commands. Single-key shortcuts wait while the user types
    /// in a field; nothing but Cancel runs while a dialog is open.
    pub(super) fn read_keyboard(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        // A focused grid cell takes the grid's keys; any other focused widget keeps them.
        let typing = ctx.egui_wants_keyboard_input() && !self.grid.focused;
        let mut hits = Vec::new();
        if !typing {
            hits.extend(super::focus::take_stance_digits(ctx));
        }
        if self.escape_clears_search(ctx) {
            hits.push(Command::ClearSearch);
        }
        ctx.input_mut(|i| {
            for &c in Command::by_specificity() {
                if c.is_grid_key() && typing {
                    continue;
                }
                let hit = c.shortcut().is_some_and(|k| i.consume_shortcut(&k))
                    || c.alt_shortcut().is_some_and(|k| i.consume_shortcut(&k));
                if hit {
                    hits.push(c);
                }
            }
        });
        for c in hits {
            if self.is_opening() && c.edits_session() {
                // The session on screen is about to be replaced.
                continue;
            }
            self.inbox.command(c);
        }
    }

    pub(super) fn read_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .find_map(|f| Some(f.path().to_owned()).filter(|p| !p.as_os_str().is_empty()))
        });
        if let Some(path) = dropped {
            self.request(Intent::Open(path));
        }
    }

    /// The window's close button: ask first when there is unsaved work, wait for a save in
    /// progress, and remove the recovery copy when there is nothing to lose.
    pub(super) fn check_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.is_busy() || self.history.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.is_busy() {
                self.say(Text::WaitForTask);
            } else if self.dialog.is_none() {
                self.show_dialog(Dialog::Unsaved(Intent::Quit));
            }
        } else {
            self.discard_recovery();
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(tr(lang, Text::MenuFile), |ui| {
                    for c in [Command::New, Command::Open, Command::OpenExample] {
                        self.menu_item(ui, c);
                    }
                    ui.menu_button(tr(lang, Text::MenuRecent), |ui| self.recent_menu(ui));
                    ui.separator();
                    for c in [
                        Command::Save,
                        Command::SaveAs,
                        Command::Export,
                        Command::Print,
                    ] {
                        self.menu_item(ui, c);
                    }
                    ui.separator();
                    for c in [Command::ExportQdpx, Command::ImportQdpx] {
                        self.menu_item(ui, c);
                    }
                    ui.separator();
                    self.menu_item(ui, Command::Quit);
                });
                ui.menu_button(tr(lang, Text::MenuEdit), |ui| {
                    for c in [Command::Undo, Command::Redo] {
                        self.menu_item(ui, c);
                    }
                    ui.separator();
                    for s in Stance::ALL {
                        self.menu_item(ui, Command::SetStance(s));
                    }
                    self.menu_item(ui, Command::ClearStance);
                    ui.separator();
                    for c in [Command::NextToReview, Command::PrevToReview, Command::Find] {
                        self.menu_item(ui, c);
                    }
                    ui.separator();
                    for c in [
                        Command::CompareWith,
                        Command::NextDisagreement,
                        Command::PrevDisagreement,
                        Command::NextConflict,
                        Command::PrevConflict,
                        Command::StopComparing,
                    ] {
                        self.menu_item(ui, c);
                    }
                });
                ui.menu_button(tr(lang, Text::MenuDossier), |ui| {
                    for c in [
                        Command::EditDossier,
                        Command::NewDossier,
                        Command::DossierFromFolder,
                        Command::UpdateDossier,
                        Command::ReviewCandidates,
                    ] {
                        self.menu_item(ui, c);
                    }
                });
                ui.menu_button(tr(lang, Text::MenuSources), |ui| self.sources_menu(ui));
                ui.menu_button(tr(lang, Text::MenuView), |ui| {
                    ui.label(tr(lang, Text::MenuLanguage));
                    for l in Lang::ALL {
                        ui.radio_value(&mut self.prefs.lang, l, l.name());
                    }
                    ui.separator();
                    ui.label(tr(lang, Text::MenuTheme));
                    ui.radio_value(
                        &mut self.prefs.theme,
                        Theme::Light,
                        tr(lang, Text::ThemeLight),
                    );
                    ui.radio_value(
                        &mut self.prefs.theme,
                        Theme::Dark,
                        tr(lang, Text::ThemeDark),
                    );
                    self.view_menu_layout(ui);
                    ui.separator();
                    if ui
                        .checkbox(
                            &mut self.prefs.builtin_file_dialog,
                            tr(lang, Text::PrefBuiltinDialog),
                        )
                        .on_hover_text(tr(lang, Text::PrefBuiltinDialogTip))
                        .changed()
                    {
                        self.picker = if self.prefs.builtin_file_dialog {
                            FilePicker::BuiltIn
                        } else {
                            FilePicker::native()
                        };
                    }
                });
                ui.menu_button(tr(lang, Text::MenuHelp), |ui| {
                    for (page, text) in Page::ALL {
                        if ui.button(tr(lang, text)).clicked() {
                            self.show_help(page);
                        }
                    }
                });
            });
        });
    }

    /// The recent files; one that no longer exists is greyed, with a button that takes it off
    /// the list (never dropped without the user).
    fn recent_menu(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        if self.prefs.recent.is_empty() {
            ui.label(tr(lang, Text::NoRecent));
        }
        for path in self.prefs.recent.clone() {
            let name = path.display().to_string();
            if path.exists() {
                if ui.button(name).clicked() {
                    self.request(Intent::Open(path));
                }
            } else {
                ui.horizontal(|ui| {
                    ui.add_enabled(false, egui::Button::new(name))
                        .on_disabled_hover_text(tr(lang, Text::RecentMissing));
                    if ui
                        .small_button(tr(lang, Text::RemoveFromList))
                        .on_hover_text(tr(lang, Text::RecentMissing))
                        .clicked()
                    {
                        self.prefs.forget_recent(&path);
                    }
                });
            }
        }
    }

    pub(super) fn menu_item(&mut self, ui: &mut egui::Ui, c: Command) {
        let lang = self.lang();
        let enabled = match c {
            Command::Undo => self.history.can_undo(),
            Command::Redo => self.history.can_redo(),
            Command::SetStance(_) | Command::ClearStance => self.selection.is_some(),
            _ => true,
        } && !(self.is_opening() && c.edits_session());
        let shortcut = c
            .shortcut()
            .map(|k| ui.ctx().format_shortcut(&k))
            .unwrap_or_default();
        let button = egui::Button::new(c.label(lang)).shortcut_text(shortcut);
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(c.tooltip(lang))
            .clicked()
        {
            self.inbox.command(c);
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let name = self.file_name();
                if self.history.is_dirty() {
                    ui.label(format!("{name} ● {}", tr(lang, Text::Unsaved)));
                } else {
                    ui.label(name);
                }
                ui.separator();
                if let Some(task) = &self.task {
                    ui.label(task.label(lang));
                    ui.add(task.bar(lang, 200.0));
                    let cancel = egui::Button::new(Command::CancelTask.label(lang));
                    if ui
                        .add_enabled(!task.is_cancelled(), cancel)
                        .on_hover_text(Command::CancelTask.tooltip(lang))
                        .clicked()
                    {
                        self.inbox.command(Command::CancelTask);
                    }
                    ui.separator();
                }
                // Proposed positions wait for the analyst: say so, one click from their review.
                let waiting = self.session.candidates.len();
                if waiting > 0
                    && ui
                        .small_button(crate::ui::i18n::waiting_candidates(lang, waiting))
                        .on_hover_text(Command::ReviewCandidates.tooltip(lang))
                        .clicked()
                {
                    self.inbox.command(Command::ReviewCandidates);
                }
                ui.label(self.notice.render(lang));
            });
        });
    }

    pub(super) fn file_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || tr(self.lang(), Text::Untitled).to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The window title: file name, unsaved marker, app name.
    #[must_use]
    pub fn window_title(&self) -> String {
        let dirty = if self.history.is_dirty() { " ●" } else { "" };
        format!("{}{dirty} — Vis-à-vis", self.file_name())
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}
