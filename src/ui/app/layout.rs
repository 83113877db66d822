//! The View menu's layout choices: the side panels shown or folded, the zoom, the rows' height.
//! All of them are preferences, kept between runs.

use super::App;
use crate::ui::commands::Command;
use crate::ui::i18n::{Text, tr};
use crate::ui::prefs::RowHeight;
use eframe::egui;

impl App {
    /// The layout part of the View menu.
    pub(super) fn view_menu_layout(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        ui.separator();
        for (c, hidden) in [
            (Command::ToggleFilters, self.prefs.hide_filters),
            (Command::ToggleDetail, self.prefs.hide_detail),
            (Command::ToggleHeatmap, !self.prefs.heatmap.shown),
        ] {
            let mut shown = !hidden;
            if ui
                .checkbox(&mut shown, c.label(lang))
                .on_hover_text(c.tooltip(lang))
                .changed()
            {
                self.inbox.command(c);
            }
        }
        ui.separator();
        ui.label(tr(lang, Text::MenuRows));
        ui.radio_value(
            &mut self.prefs.rows,
            RowHeight::Compact,
            tr(lang, Text::RowsCompact),
        );
        ui.radio_value(
            &mut self.prefs.rows,
            RowHeight::ThreeLines,
            tr(lang, Text::RowsThree),
        );
        ui.separator();
        for c in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
            let shortcut = c
                .shortcut()
                .map(|k| ui.ctx().format_shortcut(&k))
                .unwrap_or_default();
            let button = egui::Button::new(c.label(lang)).shortcut_text(shortcut);
            if ui.add(button).on_hover_text(c.tooltip(lang)).clicked() {
                self.inbox.command(c);
            }
        }
    }
}
