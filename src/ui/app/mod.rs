//! The application: holds the open session, its history and the view state; draws the panels;
//! after each frame drains the one queue of messages the views filled; runs long work off the
//! UI thread.
//!
//! Split by concern: `handle` (what each message does), `chrome` (menus, status bar, title,
//! keys, window events), `navigate` (selection and moves), `focus` (F6 between panes, the
//! caret's blink), `layout` (column widths, folded panels, zoom, row height), `files` (open,
//! save), `recovery` (the recovery copy), `export` (the gap report), `picker` (file dialogs),
//! `tasks` (work in the background with a progress bar and Cancel), `help` (the Help menu's
//! windows and the analyst's name asked on first start), `compare` (other analysts' sessions
//! beside this one: the marks, the keys to the disagreements and conflicts, the panel). Views
//! never change the session and never touch files: they push [`Message`]s, and the App acts on
//! them here.

mod chrome;
mod compare;
mod dossier;
mod exchange;
mod export;
mod files;
mod focus;
mod handle;
mod heat;
mod help;
mod layout;
mod navigate;
mod picker;
mod reading;
mod recovery;
mod suggesting;
mod tasks;

pub use picker::FilePicker;

use super::commands::Command;
use super::dialogs::Dialog;
use super::i18n::{Text, tr};
use super::message::{Inbox, Message};
use super::notice::Notice;
use super::prefs::Prefs;
use super::{detail, filters, grid};
use crate::i18n::Lang;
use crate::model::{History, Session, now_rfc3339};
use crate::view::{DossierIndex, Filters, Row, Selection};
use eframe::egui;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the grid shows and where it stands, kept between frames.
// Independent switches of the view (stale rows, scroll requests…), each read on its own.
#[allow(clippy::struct_excessive_bools)]
struct GridState {
    /// The rows that pass the filters, rebuilt when the session or the filters change.
    rows: Vec<Row>,
    stale: bool,
    /// Bring the selected cell into view on the next frame.
    scroll_to_selection: bool,
    /// How far the grid is scrolled down, shared by its two sides.
    offset: f32,
    /// Width of the measure column, as the user dragged it (a share of the grid until then).
    measure_width: Option<f32>,
    /// The folded words of the search, marked in the grid and the detail.
    words: Vec<String>,
    /// Put the keyboard focus on the selected cell in the next frame.
    focus_selected: bool,
    /// A grid cell had the keyboard focus last frame.
    focused: bool,
}

impl Default for GridState {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            stale: true,
            scroll_to_selection: false,
            offset: 0.0,
            measure_width: None,
            words: Vec::new(),
            focus_selected: false,
            focused: false,
        }
    }
}

/// The window's whole state.
// Independent switches (quitting, a pending close, asked for a name…), each read on its own.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    prefs: Prefs,
    /// The open session. Shared with a save or an export running in the background, which work
    /// on the revision they were given; an edit meanwhile copies it first.
    session: Arc<Session>,
    history: History,
    /// The file the session was opened from or saved to.
    path: Option<PathBuf>,
    recovery: recovery::RecoveryState,
    /// The modal dialog on screen, and those waiting for it to close.
    dialog: Option<Dialog>,
    waiting_dialogs: VecDeque<Dialog>,
    /// A line for the status bar (last save, last error…), shown in the language of the moment.
    notice: Notice,
    filters: Filters,
    selection: Option<Selection>,
    index: DossierIndex,
    /// The heatmap's counts, recomputed with the grid's rows.
    heat: crate::view::heatmap::Heatmap,
    grid: GridState,
    detail: detail::DetailState,
    filter_state: filters::FilterState,
    inbox: Inbox,
    /// The long work running in the background, if any (one at a time).
    task: Option<tasks::Task>,
    picker: FilePicker,
    /// The file dialog on screen, if any.
    pending: Option<picker::Pending>,
    /// The status bar said which file dialog is used.
    dialog_announced: bool,
    /// The analyst's name asked on first start, as typed so far (`None`: not asking).
    name_prompt: Option<String>,
    /// The Help window on screen, if any.
    help: Option<help::Page>,
    /// The user confirmed closing (or there was nothing to lose).
    allow_close: bool,
    quit_requested: bool,
    title: String,
    fonts_installed: bool,
    /// When the user last gave any input (egui's clock), for the caret's blink.
    last_input: f64,
    /// The widget with the keyboard focus at the end of last frame.
    last_focus: Option<egui::Id>,
    panes_at: focus::PaneRects,
    /// The source documents read, and each citation's verification.
    shelf: super::shelf::Shelf,
    /// Read the source documents again (the session or the sources folder changed).
    sources_stale: bool,
    reader: super::reader::ReaderState,
    editor: super::editor::EditorState,
    /// A dossier drafted from a folder of documents, under review.
    draft_review: Option<super::draft::DraftReview>,
    /// The positions an import proposes, under review.
    candidates: super::candidates::CandidatesReview,
    /// Where *Imprimer…* writes the report it opens.
    print_dir: PathBuf,
    /// The ranking of suggested evidence and the selected cell's suggestions.
    suggestions: suggesting::Suggestions,
    /// How files are opened in the system's programs.
    launcher: Launcher,
    /// Other analysts' sessions opened to compare, and each cell's mark.
    comparison: crate::view::compare::Comparison,
    /// The files of the compared sessions, in the same order.
    compared_files: Vec<PathBuf>,
    /// The agreement figures of the comparison, recomputed with the marks.
    agreement: Option<crate::teamwork::Agreement>,
}

/// How the app opens a file in the system's programs.
#[derive(Clone, Debug)]
pub enum Launcher {
    /// The program the desktop gives the file's kind (`xdg-open` and the like).
    System,
    /// Nothing is run: the files are kept in order (tests, scripted runs).
    Record(Vec<PathBuf>),
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
        // Printed reports go beside the recovery copies, in the data folder.
        let print_dir = recovery_dir
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(std::env::temp_dir, Path::to_path_buf)
            .join("print");
        let recovery = recovery::RecoveryState::claim(recovery_dir, prefs.lang);
        let prefs_builtin = prefs.builtin_file_dialog;
        Self {
            index: DossierIndex::new(&session),
            heat: crate::view::heatmap::Heatmap::default(),
            prefs,
            session: Arc::new(session),
            history: History::default(),
            path,
            recovery,
            dialog: None,
            waiting_dialogs: VecDeque::new(),
            notice: Notice::default(),
            filters: Filters::default(),
            selection: None,
            grid: GridState::default(),
            detail: detail::DetailState::default(),
            filter_state: filters::FilterState::default(),
            inbox: Inbox::default(),
            task: None,
            picker: if prefs_builtin {
                FilePicker::BuiltIn
            } else {
                FilePicker::native()
            },
            pending: None,
            dialog_announced: false,
            name_prompt: None,
            help: None,
            allow_close: false,
            quit_requested: false,
            title: String::new(),
            fonts_installed: false,
            last_input: 0.0,
            last_focus: None,
            panes_at: focus::PaneRects::default(),
            shelf: super::shelf::Shelf::default(),
            sources_stale: true,
            reader: super::reader::ReaderState::default(),
            editor: super::editor::EditorState::default(),
            draft_review: None,
            candidates: super::candidates::CandidatesReview::default(),
            print_dir,
            launcher: Launcher::System,
            comparison: crate::view::compare::Comparison::default(),
            compared_files: Vec::new(),
            agreement: None,
            suggestions: suggesting::Suggestions::stale(),
        }
    }

    /// A new session on the embedded dossier, for the analyst of the preferences.
    #[must_use]
    pub fn blank_session(prefs: &Prefs) -> Session {
        Session::new(
            crate::persist::default_dossier(),
            &prefs.analyst,
            &now_rfc3339(),
        )
    }

    /// The app at start-up, on a new session: `file` if given, else the last session, opens in
    /// the background while the window shows; a recovery copy left by an app that stopped is
    /// offered first.
    #[must_use]
    pub fn start(prefs: Prefs, file: Option<PathBuf>, recovery_dir: Option<PathBuf>) -> Self {
        let blank = Self::blank_session(&prefs);
        let mut app = Self::new(prefs, blank, None, recovery_dir);
        app.offer_recovery();
        if app.prefs.analyst.trim().is_empty() {
            app.name_prompt = Some(String::new());
        }
        // Paths enter the app absolute: a relative one is read from the folder started in.
        let file = file.map(|p| super::absolute(&p));
        let explicit = file.is_some();
        let last = app.prefs.last_session.clone();
        match (file, last) {
            (Some(path), _) => app.open_at_start(&path, explicit),
            (None, Some(path)) if path.exists() => app.open_at_start(&path, false),
            (None, Some(path)) => {
                // Said, not dropped: the file was moved or removed since the last run.
                app.notice =
                    Notice::text(Text::LastSessionMissing).colon(path.display().to_string());
            }
            (None, None) => {}
        }
        if let Some(e) = app.recovery.error() {
            app.notice = Notice::text(Text::RecoveryWriteFailed).raw(e);
        }
        app
    }

    fn lang(&self) -> Lang {
        self.prefs.lang
    }

    /// Queue a command, as a menu or a key would.
    pub fn command(&mut self, c: Command) {
        self.inbox.command(c);
    }

    /// Preferences kept between runs.
    #[must_use]
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The open session.
    #[must_use]
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The open session's undo history and saved state.
    #[must_use]
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The file the session was opened from or saved to.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The dialog on screen.
    #[must_use]
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The status bar's message, in the interface's language.
    #[must_use]
    pub fn notice(&self) -> String {
        self.notice.render(self.lang())
    }

    /// Don't ask for the analyst's name (`--frames` measures the window as it opens).
    pub fn skip_name_prompt(&mut self) {
        self.name_prompt = None;
    }

    /// The grid's filters.
    #[must_use]
    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The selected cell.
    #[must_use]
    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }

    /// Select a cell, as a click in the grid would, and bring it into view.
    pub fn set_selection(&mut self, sel: Selection) {
        self.select(sel, true);
    }

    /// The rows the grid shows now.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.grid.rows
    }

    /// Whether the app is about to close.
    #[must_use]
    pub fn quit_requested(&self) -> bool {
        self.quit_requested
    }

    /// Whether long work (opening, saving, exporting) is running in the background.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.task.is_some()
    }

    /// Open the reader on `source`, at `excerpt` if given, as a click on a quote does (benches,
    /// tests); says in the status bar why not when the document was not read.
    pub fn open_reader(&mut self, source: &str, excerpt: Option<&str>) {
        self.read(crate::model::SourceId::from(source), excerpt);
    }

    /// Close the reader.
    pub fn close_reader(&mut self) {
        self.reader.close();
    }

    /// Whether the reader is open.
    #[must_use]
    pub fn is_reader_open(&self) -> bool {
        self.reader.source().is_some()
    }

    /// Whether the source documents are being read (in the background: nothing waits for it).
    #[must_use]
    pub fn is_reading_sources(&self) -> bool {
        self.sources_stale || self.shelf.is_reading()
    }

    /// Where the app asks the user for a file: the native dialog unless a test or a preference
    /// chose another.
    pub fn set_file_picker(&mut self, picker: FilePicker) {
        self.picker = picker;
    }

    /// How files are opened in the system's programs (the printed report, an exported one).
    pub fn set_launcher(&mut self, launcher: Launcher) {
        self.launcher = launcher;
    }

    /// The files opened in the system's programs so far, when the launcher records them.
    #[must_use]
    pub fn launched(&self) -> &[PathBuf] {
        match &self.launcher {
            Launcher::System => &[],
            Launcher::Record(files) => files,
        }
    }

    /// Open `path` in the program the system gives its kind (a browser for the report).
    fn launch(&mut self, path: &Path) -> std::io::Result<()> {
        match &mut self.launcher {
            Launcher::System => open::that_detached(path),
            Launcher::Record(files) => {
                files.push(path.to_owned());
                Ok(())
            }
        }
    }

    /// Show `dialog` now, or after the one on screen closes.
    fn show_dialog(&mut self, dialog: Dialog) {
        if self.dialog.is_none() {
            self.dialog = Some(dialog);
        } else {
            self.waiting_dialogs.push_back(dialog);
        }
    }

    /// Put a fixed message in the status bar.
    fn say(&mut self, text: Text) {
        self.notice = Notice::text(text);
    }

    /// Show an error, with what it means for the user's work.
    fn show_error(&mut self, intro: Text, message: String) {
        self.show_dialog(Dialog::Error { intro, message });
    }

    /// Draw one frame, then run what the user asked for, in order.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            super::theme::install_fonts(&ctx);
            // The zoom keys are commands of ours (they are remembered), not egui's own.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.set_zoom_factor(self.prefs.zoom());
            self.fonts_installed = true;
        }
        let mut visuals = self.prefs.theme.visuals();
        self.caret(&ctx, &mut visuals);
        ctx.set_visuals(visuals);
        self.check_termination();
        self.poll_task(&ctx);
        self.poll_sources(&ctx);
        self.poll_suggestions(&ctx);
        if self.pending.is_none() && self.help.is_none() {
            self.read_keyboard(&ctx);
        }
        self.read_dropped_files(&ctx);
        self.check_close_request(&ctx);
        if self.grid.stale {
            self.refresh_comparison();
            self.grid.rows = self.index.rows(&self.session, &self.filters);
            self.heat = crate::view::heatmap::Heatmap::new(&self.session.dossier, &self.index);
            self.grid.words = crate::view::search_words(&self.filters.search);
            self.grid.stale = false;
        }

        self.menu_bar(ui);
        self.status_bar(ui);
        if self.is_opening() && self.path.is_none() && !self.history.is_dirty() {
            // Nothing worth showing yet (the blank session the window started on): say what is
            // coming instead.
            self.opening_placeholder(ui);
        } else {
            // While another session is being opened, the one on screen is about to go: no edits.
            let editable = !self.is_opening();
            ui.add_enabled_ui(editable, |ui| self.panels(ui));
        }
        if let Some(dialog) = &mut self.dialog
            && let Some(answer) = dialog.show(&ctx, self.prefs.lang, self.recovery.can_keep())
        {
            self.dialog = self.waiting_dialogs.pop_front();
            self.inbox.push(Message::Answer(answer));
        }
        let cell = self.selection.and_then(|s| s.cell(&self.session.dossier));
        super::reader::show(
            &ctx,
            &mut self.reader,
            &self.session,
            cell.as_ref(),
            self.prefs.lang,
            &mut self.inbox,
        );
        super::editor::show(
            &ctx,
            &mut self.editor,
            &self.session,
            self.prefs.lang,
            &mut self.inbox,
        );
        if std::mem::take(&mut self.editor.seal) {
            self.history.seal();
        }
        self.review_draft(&ctx);
        if self.candidates.open {
            super::candidates::show(
                &ctx,
                &mut self.candidates,
                &self.session,
                cell.as_ref(),
                self.prefs.lang,
                &mut self.shelf,
                &mut self.inbox,
            );
        }
        self.poll_pick(&ctx);
        self.help_window(&ctx);
        if self.dialog.is_none() {
            self.name_window(&ctx);
        }

        self.drain(&ctx);
        if self.grid.stale {
            ctx.request_repaint();
        }
        self.update_title(&ctx);
        self.autosave(&ctx);
        self.last_focus = ctx.memory(egui::Memory::focused);
        if self.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The window's centre while the first file opens: what is opening and how far it has come.
    fn opening_placeholder(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                if let Some(task) = &self.task {
                    ui.heading(task.label(lang));
                    ui.add(task.bar(lang, 360.0));
                }
            });
        });
    }

    /// The filters, the detail and the grid.
    fn panels(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        self.panes_at = focus::PaneRects::default();
        // Either panel folds away from the View menu, or by dragging its edge to nothing (a
        // thin handle brings it back); the choice is remembered.
        let mut open = !self.prefs.hide_filters;
        let filters_panel = egui::Panel::left("filters")
            .resizable(true)
            .default_size(220.0)
            .show_collapsible(ui, &mut open, |ui| {
                let counts = filters::Counts {
                    shown_rows: self
                        .grid
                        .rows
                        .iter()
                        .filter(|r| matches!(r, Row::Measure(_)))
                        .count(),
                    assessed: self.index.assessed_count(),
                };
                let changed = filters::show(
                    ui,
                    &self.session,
                    &mut self.filters,
                    &mut self.filter_state,
                    &counts,
                    lang,
                    &mut self.inbox,
                );
                self.grid.stale |= changed;
            });
        self.prefs.hide_filters = !open;
        self.panes_at.filters = filters_panel.map(|r| r.response.rect);
        let mut open = !self.prefs.hide_detail;
        let detail_panel = egui::Panel::right("detail")
            .resizable(true)
            .default_size(380.0)
            .show_collapsible(ui, &mut open, |ui| {
                match self.selection.and_then(|s| s.cell(&self.session.dossier)) {
                    Some(cell) => detail::show(
                        ui,
                        &self.session,
                        &cell,
                        &mut self.detail,
                        &mut self.shelf,
                        &self.suggestions.offer,
                        &self.grid.words,
                        lang,
                        &mut self.inbox,
                    ),
                    None => {
                        ui.label(tr(lang, Text::SelectCell));
                    }
                }
            });
        self.prefs.hide_detail = !open;
        self.panes_at.detail = detail_panel.map(|r| r.response.rect);
        if self.prefs.heatmap.shown {
            self.heatmap_panel(ui);
        }
        if self.comparison_shown() {
            self.comparison_panel(ui);
        }
        let columns = self.visible_columns();
        egui::CentralPanel::default().show(ui, |ui| {
            let grid = grid::Grid {
                session: &self.session,
                index: &self.index,
                rows: &self.grid.rows,
                columns: &columns,
                selection: self.selection,
                scroll_to_selection: std::mem::take(&mut self.grid.scroll_to_selection),
                lang,
                right_edge: ui.max_rect().right(),
                offset: self.grid.offset,
                measure_width: self.grid.measure_width,
                focus_selected: std::mem::take(&mut self.grid.focus_selected),
                words: &self.grid.words,
                tall: self.prefs.rows == super::prefs::RowHeight::ThreeLines,
                searching: !self.filters.search.trim().is_empty(),
                comparison: &self.comparison,
            };
            let shown = grid.show(ui, &mut self.inbox);
            self.grid.focused = shown.focused;
            if shown.focus_note {
                ui.memory_mut(|m| m.request_focus(detail::note_id()));
            }
            if let Some(offset) = shown.offset {
                // Both sides of the grid show the new position on the next frame.
                self.grid.offset = offset;
                ui.ctx().request_repaint();
            }
            if let Some(width) = shown.measure_width {
                self.grid.measure_width = Some(width);
            }
        });
    }
}
