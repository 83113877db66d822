//! The application: holds the open session, its history and the view state; draws the panels;
//! runs the commands and actions collected during the frame after drawing it; asks before
//! losing work; autosaves a recovery copy.

use super::commands::Command;
use super::dialogs::{Dialog, ExportChoice, Intent};
use super::i18n::{Text, tr};
use super::prefs::Prefs;
use crate::view::{DossierIndex, Filters, Row, Selection};
use super::{detail, filters, grid};
use crate::i18n::Lang;
use crate::model::{Action, CellId, History, Session, Stance, now_rfc3339};
use crate::persist::{self, Origin, recovery};
use crate::report::{self, ReportOptions};
use eframe::egui;
use std::path::{Path, PathBuf};

/// Seconds between autosaves of unsaved work.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// Rows Page Up and Page Down move the selection by.
const PAGE_ROWS: isize = 10;

/// The window's whole state.
// The flags are independent per-frame states (stale rows, pending scroll, close allowed…);
// folding them into an enum would couple unrelated things.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    /// Preferences kept between runs.
    pub prefs: Prefs,
    /// The open session.
    pub session: Session,
    /// Its undo history and saved state.
    pub history: History,
    /// The file it was opened from or saved to.
    pub path: Option<PathBuf>,
    /// Where autosave writes, reserved for this window; `None` disables autosave.
    recovery: Option<recovery::Slot>,
    /// Why there is no recovery slot when one was asked for, in the user's language.
    recovery_error: Option<String>,
    /// A dialog to show once the one on screen is closed.
    pending_dialog: Option<Dialog>,
    /// The recovery copy of an app that stopped with unsaved work, while it is offered back.
    left_behind: Option<recovery::Slot>,
    /// The modal dialog on screen, if any.
    pub dialog: Option<Dialog>,
    /// A line for the status bar (last save, last error…).
    pub notice: String,
    /// Filters of the grid.
    pub filters: Filters,
    /// The selected cell.
    pub selection: Option<Selection>,
    index: DossierIndex,
    rows: Vec<Row>,
    rows_stale: bool,
    scroll_to_selection: bool,
    /// How far the grid is scrolled down, shared by its two sides.
    grid_offset: f32,
    /// Width of the grid's measure column, as the user dragged it.
    measure_width: f32,
    detail: detail::DetailState,
    filter_state: filters::FilterState,
    commands: Vec<Command>,
    actions: Vec<Action>,
    autosaved_revision: Option<u64>,
    autosave_due: Option<f64>,
    allow_close: bool,
    /// Set when the app should close at the end of the frame.
    pub quit_requested: bool,
    title: String,
    fonts_installed: bool,
}

impl App {
    /// An app showing `session`, loaded from `path`, with a recovery slot reserved in
    /// `recovery_dir` (and the most recent copy left there by an app that stopped, to offer).
    #[must_use]
    pub fn new(
        prefs: Prefs,
        session: Session,
        path: Option<PathBuf>,
        recovery_dir: Option<PathBuf>,
    ) -> Self {
        let index = DossierIndex::new(&session);
        // Copies left by apps that stopped are reserved first, so this window's own slot is
        // always an empty one; only the most recent copy is offered now, the others next time.
        let left_behind = recovery_dir
            .as_deref()
            .and_then(|dir| recovery::Slot::left_behind(dir).into_iter().next());
        let mut recovery_error = None;
        let recovery = recovery_dir.and_then(|dir| match recovery::Slot::claim(&dir) {
            Ok(slot) => Some(slot),
            Err(source) => {
                let error = persist::SaveError::Io { path: dir, source };
                recovery_error = Some(error.in_lang(prefs.lang));
                None
            }
        });
        Self {
            prefs,
            session,
            history: History::default(),
            path,
            recovery,
            recovery_error,
            pending_dialog: None,
            left_behind,
            dialog: None,
            notice: String::new(),
            filters: Filters::default(),
            selection: None,
            index,
            rows: Vec::new(),
            rows_stale: true,
            scroll_to_selection: false,
            grid_offset: 0.0,
            measure_width: 320.0,
            detail: detail::DetailState::default(),
            filter_state: filters::FilterState::default(),
            commands: Vec::new(),
            actions: Vec::new(),
            autosaved_revision: None,
            autosave_due: None,
            allow_close: false,
            quit_requested: false,
            title: String::new(),
            fonts_installed: false,
        }
    }

    /// A new session on the embedded dossier, for the analyst of the preferences.
    #[must_use]
    pub fn blank_session(prefs: &Prefs) -> Session {
        Session::new(persist::default_dossier(), &prefs.analyst, &now_rfc3339())
    }

    /// The app at start-up: `file` if given, else the last session, else a new one; then the
    /// recovery copy is offered if there is one.
    #[must_use]
    pub fn start(prefs: Prefs, file: Option<PathBuf>, recovery_dir: Option<PathBuf>) -> Self {
        let blank = Self::blank_session(&prefs);
        let mut app = Self::new(prefs, blank, None, recovery_dir);
        let explicit = file.is_some();
        if let Some(path) = file.or_else(|| app.prefs.last_session.clone().filter(|p| p.exists())) {
            app.open_path(&path, explicit);
            if let Some(Dialog::Error { intro, .. }) = &mut app.dialog {
                // Nothing was open before: say what the user is looking at instead.
                *intro = Text::OpenErrorAtStart;
            }
        }
        // Unsaved work left by an app that stopped is asked about first; what opening the
        // file had to say comes after.
        app.pending_dialog = app.dialog.take();
        app.offer_recovery();
        if app.dialog.is_none() {
            app.dialog = app.pending_dialog.take();
        }
        if let Some(e) = &app.recovery_error {
            // Opening the file wrote to the status bar: the missing copy matters more.
            app.notice = format!("{} {e}", tr(app.lang(), Text::RecoveryWriteFailed));
        }
        app
    }

    fn lang(&self) -> Lang {
        self.prefs.lang
    }

    /// Queue a command, as a menu or a key would.
    pub fn command(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// The rows the grid shows now.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Draw one frame and run what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            super::theme::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        ctx.set_visuals(self.prefs.theme.visuals());
        self.read_keyboard(&ctx);
        self.read_dropped_files(&ctx);
        self.check_close_request(&ctx);
        if self.rows_stale {
            self.rows = self.index.rows(&self.session, &self.filters);
            self.rows_stale = false;
        }

        self.menu_bar(ui);
        self.status_bar(ui);
        let lang = self.lang();
        egui::Panel::left("filters")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                let changed = filters::show(
                    ui,
                    &self.session,
                    &mut self.filters,
                    &mut self.filter_state,
                    &filters::Counts {
                        shown_rows: self
                            .rows
                            .iter()
                            .filter(|r| matches!(r, Row::Measure(_)))
                            .count(),
                        assessed: self.index.assessed_count(),
                    },
                    lang,
                    &mut self.actions,
                );
                self.rows_stale |= changed;
            });
        egui::Panel::right("detail")
            .resizable(true)
            .default_size(420.0)
            .show(ui, |ui| {
                match self.selection.and_then(|s| s.cell(&self.session.dossier)) {
                    Some(cell) => detail::show(
                        ui,
                        &self.session,
                        &cell,
                        &mut self.detail,
                        lang,
                        &mut self.actions,
                        &mut self.commands,
                    ),
                    None => {
                        ui.label(tr(lang, Text::SelectCell));
                    }
                }
            });
        let columns: Vec<usize> = (0..self.session.dossier.stakeholders.len())
            .filter(|s| !self.filters.hidden_stakeholders.contains(s))
            .collect();
        egui::CentralPanel::default().show(ui, |ui| {
            let grid = grid::Grid {
                session: &self.session,
                index: &self.index,
                rows: &self.rows,
                columns: &columns,
                selection: self.selection,
                scroll_to_selection: std::mem::take(&mut self.scroll_to_selection),
                lang,
                right_edge: ui.max_rect().right(),
                offset: self.grid_offset,
                measure_width: self.measure_width,
            };
            let shown = grid.show(ui);
            if let Some(offset) = shown.offset {
                // Both sides of the grid show the new position on the next frame.
                self.grid_offset = offset;
                ui.ctx().request_repaint();
            }
            if let Some(width) = shown.measure_width {
                self.measure_width = width;
            }
            let clicked = shown.clicked;
            if let Some(sel) = clicked {
                self.select(sel, false);
            }
        });
        if let Some(dialog) = self.dialog.take() {
            let kept = dialog.show(&ctx, self);
            // A choice may open another dialog (an error, the export's result): it is shown
            // next, then whatever was waiting.
            self.dialog = kept
                .or_else(|| self.dialog.take())
                .or_else(|| self.pending_dialog.take());
        }

        self.run_actions();
        self.run_commands(&ctx);
        if self.rows_stale {
            ctx.request_repaint();
        }
        self.update_title(&ctx);
        self.autosave(&ctx);
        if self.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn read_keyboard(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            for c in Command::ALL {
                if c.is_grid_key() && typing {
                    continue;
                }
                let hit = c.shortcut().is_some_and(|k| i.consume_shortcut(&k))
                    || c.alt_shortcut().is_some_and(|k| i.consume_shortcut(&k));
                if hit {
                    self.commands.push(c);
                }
            }
        });
    }

    fn read_dropped_files(&mut self, ctx: &egui::Context) {
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

    fn check_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.history.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Intent::Quit));
        } else if ctx.input(|i| i.viewport().close_requested()) && !self.history.is_dirty() {
            self.discard_recovery();
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(tr(lang, Text::MenuFile), |ui| {
                    for c in [Command::New, Command::Open, Command::OpenExample] {
                        self.menu_item(ui, c);
                    }
                    ui.menu_button(tr(lang, Text::MenuRecent), |ui| {
                        if self.prefs.recent.is_empty() {
                            ui.label(tr(lang, Text::NoRecent));
                        }
                        for path in self.prefs.recent.clone() {
                            if ui.button(path.display().to_string()).clicked() {
                                self.request(Intent::Open(path));
                            }
                        }
                    });
                    ui.separator();
                    for c in [Command::Save, Command::SaveAs, Command::Export] {
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
                });
                ui.menu_button(tr(lang, Text::MenuView), |ui| {
                    ui.label(tr(lang, Text::MenuLanguage));
                    for l in Lang::ALL {
                        ui.radio_value(&mut self.prefs.lang, l, l.name());
                    }
                    ui.separator();
                    ui.label(tr(lang, Text::MenuTheme));
                    ui.radio_value(
                        &mut self.prefs.theme,
                        super::theme::Theme::Light,
                        tr(lang, Text::ThemeLight),
                    );
                    ui.radio_value(
                        &mut self.prefs.theme,
                        super::theme::Theme::Dark,
                        tr(lang, Text::ThemeDark),
                    );
                });
            });
        });
    }

    fn menu_item(&mut self, ui: &mut egui::Ui, c: Command) {
        let lang = self.lang();
        let enabled = match c {
            Command::Undo => self.history.can_undo(),
            Command::Redo => self.history.can_redo(),
            Command::SetStance(_) | Command::ClearStance => self.selection.is_some(),
            _ => true,
        };
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
            self.commands.push(c);
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
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
                ui.label(&self.notice);
            });
        });
    }

    fn file_name(&self) -> String {
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

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Apply the actions collected this frame through the history.
    fn run_actions(&mut self) {
        let now = now_rfc3339();
        for action in std::mem::take(&mut self.actions) {
            let cell = action.cell().cloned();
            match self.history.apply(&mut self.session, action, &now) {
                Ok(true) => self.edited(cell.as_ref()),
                Ok(false) => {}
                Err(e) => self.notice = format!("{} ({e})", tr(self.lang(), Text::EditRefused)),
            }
        }
    }

    fn edited(&mut self, cell: Option<&CellId>) {
        if let Some(cell) = cell {
            self.index.refresh_note(&self.session, cell);
        }
        self.rows_stale = true;
    }

    fn run_commands(&mut self, ctx: &egui::Context) {
        for c in std::mem::take(&mut self.commands) {
            self.run(c, ctx);
        }
    }

    fn run(&mut self, c: Command, ctx: &egui::Context) {
        match c {
            Command::New => self.request(Intent::New),
            Command::Open => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter(tr(self.lang(), Text::SessionFiles), &["ron"])
                    .pick_file()
                {
                    self.request(Intent::Open(path));
                }
            }
            Command::OpenExample => self.request(Intent::OpenExample),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Export => self.dialog = Some(Dialog::Export(ExportChoice::new(self.lang()))),
            Command::Quit => self.request(Intent::Quit),
            Command::Undo | Command::Redo => {
                let touched = if c == Command::Undo {
                    self.history.undo(&mut self.session)
                } else {
                    self.history.redo(&mut self.session)
                };
                if let Some(cell) = touched {
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
            Command::Find => ctx.memory_mut(|m| m.request_focus(filters::search_id())),
            Command::SetStance(s) => self.tag(Some(s)),
            Command::ClearStance => self.tag(None),
            Command::NextToReview => self.review(true),
            Command::PrevToReview => self.review(false),
            Command::Up => self.step(0, -1),
            Command::Down => self.step(0, 1),
            Command::PageUp => self.step(0, -PAGE_ROWS),
            Command::PageDown => self.step(0, PAGE_ROWS),
            Command::FirstRow => self.step(0, isize::MIN),
            Command::LastRow => self.step(0, isize::MAX),
            Command::Left => self.step(-1, 0),
            Command::Right => self.step(1, 0),
        }
    }

    fn tag(&mut self, stance: Option<Stance>) {
        if let Some(cell) = self.selection.and_then(|s| s.cell(&self.session.dossier)) {
            self.actions.push(Action::SetStance { cell, stance });
            self.run_actions();
        }
    }

    fn select(&mut self, sel: Selection, scroll: bool) {
        if self.selection != Some(sel) {
            self.history.seal();
            self.detail = detail::DetailState::default();
        }
        self.selection = Some(sel);
        self.scroll_to_selection |= scroll;
    }

    fn visible_columns(&self) -> Vec<usize> {
        (0..self.session.dossier.stakeholders.len())
            .filter(|s| !self.filters.hidden_stakeholders.contains(s))
            .collect()
    }

    fn visible_measures(&self) -> Vec<usize> {
        self.rows
            .iter()
            .filter_map(|r| {
                if let Row::Measure(m) = r {
                    Some(*m)
                } else {
                    None
                }
            })
            .collect()
    }

    /// Move the selection by `dx` columns and `dy` rows among the visible cells.
    fn step(&mut self, dx: isize, dy: isize) {
        let (rows, cols) = (self.visible_measures(), self.visible_columns());
        if rows.is_empty() || cols.is_empty() {
            return;
        }
        let Some(sel) = self.selection else {
            self.select(
                Selection {
                    measure: rows[0],
                    stakeholder: cols[0],
                },
                true,
            );
            return;
        };
        let r = rows.iter().position(|&m| m == sel.measure).unwrap_or(0);
        let c = cols.iter().position(|&s| s == sel.stakeholder).unwrap_or(0);
        let r = r.saturating_add_signed(dy).min(rows.len() - 1);
        let c = c.saturating_add_signed(dx).min(cols.len() - 1);
        self.select(
            Selection {
                measure: rows[r],
                stakeholder: cols[c],
            },
            true,
        );
    }

    /// Select the next (or previous) visible cell that is unassessed or a Gap, wrapping around.
    /// Reads the stances from the index: no cell is built or looked up by id, so a key press
    /// costs microseconds even when the next cell to review is a hundred thousand cells away.
    fn review(&mut self, forward: bool) {
        let (rows, cols) = (self.visible_measures(), self.visible_columns());
        let n = rows.len() * cols.len();
        if n == 0 {
            return;
        }
        let at = |i: usize| Selection {
            measure: rows[i / cols.len()],
            stakeholder: cols[i % cols.len()],
        };
        let here = self.selection.and_then(|s| {
            let row = rows.iter().position(|&m| m == s.measure)?;
            let col = cols.iter().position(|&k| k == s.stakeholder)?;
            Some(row * cols.len() + col)
        });
        let target = (1..=n)
            .map(|k| match (here, forward) {
                (Some(i), true) => (i + k) % n,
                (Some(i), false) => (i + n - k) % n,
                (None, true) => k - 1,
                (None, false) => n - k,
            })
            .map(at)
            .find(|sel| {
                matches!(
                    self.index.stance(sel.measure, sel.stakeholder),
                    None | Some(Stance::Gap)
                )
            });
        if let Some(sel) = target {
            self.select(sel, true);
        }
    }

    /// Do `intent` now, or ask first if there are unsaved changes.
    pub fn request(&mut self, intent: Intent) {
        if self.history.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(intent));
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
            Intent::Open(path) => self.open_path(&path, true),
            Intent::OpenExample => self.open_example(),
            Intent::Quit => {
                self.allow_close = true;
                self.commands.clear();
                self.quit_requested = true;
            }
        }
    }
}

impl App {
    /// Open `path` in place of the current session. On error the current session stays and the
    /// error is shown; `remember` adds the file to the recent list.
    pub fn open_path(&mut self, path: &Path, remember: bool) {
        let lang = self.lang();
        match persist::load(path) {
            Ok(loaded) => {
                let (session, origin) = (loaded.session, loaded.origin);
                let mut session = session;
                if session.analyst.is_empty() {
                    session.analyst = self.prefs.analyst.as_str().into();
                }
                if origin == Origin::Dossier {
                    // A bare dossier starts a new session: it has no file of its own yet.
                    self.replace(session, None);
                } else {
                    self.replace(session, Some(path.to_owned()));
                    if remember {
                        self.prefs.opened(path);
                    }
                }
                self.notice = match origin {
                    Origin::Session => format!("{} : {}", tr(lang, Text::Opened), path.display()),
                    Origin::Migrated { from } => format!(
                        "{} : {} ({} {from})",
                        tr(lang, Text::Opened),
                        path.display(),
                        tr(lang, Text::MigratedFrom)
                    ),
                    Origin::Dossier => format!(
                        "{} : {} ({})",
                        tr(lang, Text::Opened),
                        path.display(),
                        tr(lang, Text::NewFromDossier)
                    ),
                };
                if let Origin::Migrated { .. } = origin {
                    self.history.mark_unsaved();
                }
                if !loaded.warnings.is_empty() {
                    let warnings = persist::warnings_in(&self.session, lang);
                    self.dialog = Some(Dialog::Warnings(warnings));
                }
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    intro: Text::OpenErrorIntro,
                    message: e.lines_in(self.lang()).join("\n"),
                });
            }
        }
    }

    fn replace(&mut self, session: Session, path: Option<PathBuf>) {
        self.index = DossierIndex::new(&session);
        self.session = session;
        self.history = History::default();
        self.path = path;
        self.selection = None;
        self.filters = Filters::default();
        self.filter_state = filters::FilterState::default();
        self.detail = detail::DetailState::default();
        self.rows_stale = true;
        self.autosaved_revision = None;
        self.autosave_due = None;
    }

    /// Save to the current file, or ask for one. Returns whether the session is now saved.
    pub fn save(&mut self) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Ask for a file and save there. Returns whether the session is now saved.
    pub fn save_as(&mut self) -> bool {
        let default_name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "analyse.ron".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut dialog = rfd::FileDialog::new()
            .add_filter(tr(self.lang(), Text::SessionFiles), &["ron"])
            .set_file_name(default_name);
        if let Some(dir) = self.path.as_ref().and_then(|p| p.parent()) {
            dialog = dialog.set_directory(dir);
        }
        match dialog.save_file() {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    /// Save to `path`. On failure the error is shown, the session stays dirty and the old file
    /// is intact.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let previous = std::mem::replace(&mut self.session.modified, now_rfc3339());
        match persist::save(&self.session, path) {
            Ok(()) => {
                self.history.mark_saved();
                self.path = Some(path.to_owned());
                self.prefs.opened(path);
                self.discard_recovery();
                self.notice = format!("{} : {}", tr(self.lang(), Text::Saved), path.display());
                true
            }
            Err(e) => {
                self.session.modified = previous;
                self.dialog = Some(Dialog::Error {
                    intro: Text::SaveErrorIntro,
                    message: e.in_lang(self.lang()),
                });
                false
            }
        }
    }

    /// Write the recovery copy now if there is unsaved work not yet copied.
    ///
    /// # Errors
    /// Why no copy could be written, in the user's language (also put in the status bar).
    pub fn write_recovery(&mut self) -> Result<(), String> {
        if !self.history.is_dirty() || self.autosaved_revision == Some(self.history.revision()) {
            return Ok(());
        }
        let written = match &self.recovery {
            Some(slot) => slot
                .write(&self.session, self.path.as_deref())
                .map_err(|e| e.in_lang(self.lang())),
            None => Err(self.recovery_error.clone().unwrap_or_default()),
        };
        match written {
            Ok(()) => {
                self.autosaved_revision = Some(self.history.revision());
                Ok(())
            }
            Err(e) => {
                self.notice = format!("{} {e}", tr(self.lang(), Text::RecoveryWriteFailed));
                Err(e)
            }
        }
    }

    /// Whether a recovery copy can be kept at all (offered when quitting with unsaved work).
    #[must_use]
    pub fn can_keep_recovery(&self) -> bool {
        self.recovery.is_some()
    }

    /// Remove the recovery copy (the work is saved, or the user discarded it).
    pub fn discard_recovery(&mut self) {
        if let Some(slot) = &self.recovery {
            slot.discard();
        }
        self.autosaved_revision = None;
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        if !self.history.is_dirty() || self.autosaved_revision == Some(self.history.revision()) {
            self.autosave_due = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = *self.autosave_due.get_or_insert(now + AUTOSAVE_SECONDS);
        if now >= due {
            // A failure is told in the status bar; the next autosave tries again.
            let _ = self.write_recovery();
            self.autosave_due = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
        }
    }

    fn offer_recovery(&mut self) {
        if let Some(found) = self.left_behind.as_ref().and_then(recovery::Slot::read) {
            self.dialog = Some(Dialog::Recovery(Box::new(
                found.map_err(|e| e.lines_in(self.lang()).join("\n")),
            )));
        }
    }

    /// Take the recovered session as the open one, unsaved. It is copied into this window's
    /// own recovery slot before the copy it came from is removed.
    pub fn restore(&mut self, recovered: recovery::Recovered) {
        self.replace(recovered.session, recovered.origin);
        self.history.mark_unsaved();
        // Until the work is in this window's own copy, the old copy stays.
        if self.write_recovery().is_ok() && self.autosaved_revision.is_some() {
            self.discard_left_behind();
        }
    }

    /// Remove the recovery copy that was offered back (restored, or discarded by the user).
    pub fn discard_left_behind(&mut self) {
        if let Some(slot) = self.left_behind.take() {
            slot.discard();
        }
    }
}

impl App {
    /// Ask where to write the report, then write it.
    pub fn export(&mut self, choice: ExportChoice) {
        let format = choice.format;
        let stem = self.path.as_ref().and_then(|p| p.file_stem()).map_or_else(
            || "analyse".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut dialog = rfd::FileDialog::new()
            .add_filter(format.label(self.lang()), &[format.extension()])
            .set_file_name(format!("{stem}-rapport.{}", format.extension()));
        if let Some(dir) = self.path.as_ref().and_then(|p| p.parent()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(path) = dialog.save_file() {
            self.export_to(&path, choice);
        }
    }

    /// Write the report to `path`, then confirm with the path (or show the error).
    pub fn export_to(&mut self, path: &Path, choice: ExportChoice) {
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
        let bytes = choice
            .format
            .render(&report::analyse(&self.session, &options));
        self.dialog = Some(match persist::write_export(path, &bytes) {
            Ok(()) => Dialog::Exported(path.to_owned()),
            Err(e) => Dialog::Error {
                intro: Text::ExportErrorIntro,
                message: e.in_lang(self.lang()),
            },
        });
    }
}

/// The example analysis, embedded so "Open the example analysis" works wherever the binary is.
const EXAMPLE_SESSION: &str = include_str!("../../saves/segur-analyse-exemple.ron");

impl App {
    /// Open the embedded example analysis as an untitled session: saving it asks for a file, so
    /// the example itself is never overwritten.
    pub fn open_example(&mut self) {
        let name = Path::new("segur-analyse-exemple.ron");
        match persist::load_bytes(EXAMPLE_SESSION.as_bytes(), name, &now_rfc3339()) {
            Ok(loaded) => {
                self.replace(loaded.session, None);
                self.notice = format!(
                    "{} : {}",
                    tr(self.lang(), Text::Opened),
                    tr(self.lang(), Text::CmdOpenExample)
                );
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    intro: Text::OpenErrorIntro,
                    message: e.lines_in(self.lang()).join("\n"),
                });
            }
        }
    }
}
