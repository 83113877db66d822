//! The source documents in the window: where they are looked for (the folder chosen for the
//! dossier, `VISAVIS_SOURCES_DIR`, the session's folder), reading them when the session changes
//! or the folder does, and opening the reader on a document at a quote.

use super::App;
use crate::model::SourceId;
use crate::sources::SourceDirs;
use crate::ui::i18n::{Text, tr};
use crate::ui::notice::Notice;
use crate::view::Reading;
use eframe::egui;
use std::path::{Path, PathBuf};

impl App {
    /// The folders source documents are looked for in, in order.
    pub(super) fn source_dirs(&self) -> SourceDirs {
        let chosen = self.prefs.sources_folders.get(&self.session.dossier.id);
        SourceDirs::new(chosen.map(PathBuf::as_path), self.path.as_deref())
    }

    /// Read the documents again if the session or the folder changed; take the result in.
    pub(super) fn poll_sources(&mut self, ctx: &egui::Context) {
        if self.sources_stale {
            self.sources_stale = false;
            let dirs = self.source_dirs();
            self.shelf.read(&self.session, dirs, ctx);
        }
        if self.shelf.poll() {
            self.refresh_reader();
            // The documents' paragraphs are suggested too.
            self.suggestions.stale = true;
        }
    }

    /// The dossier changed (a quote picked, or undone): the reader marks its quotes again.
    pub(super) fn refresh_reader(&mut self) {
        let Some(source) = self.reader.source().cloned() else {
            return;
        };
        match self.shelf.text(&source) {
            Some(text) => {
                let reading = Reading::new(&self.session.dossier, source, text.clone());
                self.reader.refresh(reading);
            }
            None => self.reader.close(),
        }
    }

    /// Open the reader on `source`, at `excerpt` if given; say why not when it cannot.
    pub(super) fn read(&mut self, source: SourceId, excerpt: Option<&str>) {
        let Some(text) = self.shelf.text(&source).cloned() else {
            self.notice = if self.shelf.is_reading() {
                Notice::text(Text::SourceStillReading)
            } else {
                let why = self
                    .shelf
                    .why_unavailable(&source, self.prefs.lang)
                    .map_or_else(|| source.to_string(), str::to_owned);
                Notice::text(Text::SourceNotRead).raw(why)
            };
            return;
        };
        let reading = Reading::new(&self.session.dossier, source, text);
        let target = excerpt.and_then(|e| reading.find_quote(e));
        if excerpt.is_some() && target.is_none() {
            self.say(Text::QuoteNotLocated);
        }
        self.reader.open(reading, target);
    }

    /// The Sources menu: the folder to read them from, then each document, to open in the
    /// reader (greyed, with why, when it could not be read).
    pub(super) fn sources_menu(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        self.menu_item(ui, crate::ui::Command::SourcesFolder);
        if !self.shelf.dirs.is_empty() {
            let dirs: Vec<String> = self
                .shelf
                .dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect();
            ui.label(
                egui::RichText::new(format!(
                    "{} {}",
                    tr(lang, Text::SourcesLookedIn),
                    dirs.join(" · ")
                ))
                .small(),
            );
        }
        if self.shelf.is_reading() {
            ui.label(tr(lang, Text::SourcesReading));
        }
        ui.separator();
        if self.session.dossier.sources.is_empty() {
            ui.label(tr(lang, Text::SourcesNone));
        }
        let mut open = None;
        for s in &self.session.dossier.sources {
            let label = format!("{} — {}", s.organisation, s.title);
            let read = self.shelf.text(&s.id).is_some();
            let button = ui.add_enabled(read, egui::Button::new(label));
            let button = match self.shelf.why_unavailable(&s.id, self.prefs.lang) {
                Some(why) => button.on_disabled_hover_text(why),
                None => button,
            };
            if button.clicked() {
                open = Some(s.id.clone());
            }
        }
        if let Some(source) = open {
            self.read(source, None);
            ui.close();
        }
    }

    /// The user chose `dir` as the folder of this dossier's documents: read them from there.
    pub(super) fn sources_folder_chosen(&mut self, dir: &Path) {
        self.prefs
            .sources_folders
            .insert(self.session.dossier.id.clone(), dir.to_owned());
        self.sources_stale = true;
    }
}
