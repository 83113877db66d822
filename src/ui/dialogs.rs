//! Modal dialogs: unsaved changes, errors, load remarks, recovery, export. A dialog answers
//! with what the user chose ([`Answer`]); the App decides what that does.

use super::i18n::{Text, tr};
use crate::i18n::Lang;
use crate::persist::recovery::Recovered;
use crate::report::Format;
use eframe::egui;
use std::path::PathBuf;

/// What the user wanted to do when a dialog interrupted.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// Start a new session.
    New,
    /// Start a new session on an empty dossier.
    NewEmpty,
    /// Start a new session on this dossier (drafted from a folder of documents).
    NewOn(Box<crate::model::Dossier>),
    /// Open this file.
    Open(PathBuf),
    /// Open the embedded example analysis.
    OpenExample,
    /// Close the app.
    Quit,
}

/// A modal dialog on screen.
#[derive(Debug)]
pub enum Dialog {
    /// Unsaved changes would be lost by `Intent`: save, discard or cancel.
    Unsaved(Intent),
    /// Something failed; `intro` says what it means for the user's work.
    Error {
        /// What happened to the user's work.
        intro: Text,
        /// The persistence layer's message.
        message: String,
    },
    /// A file opened, with remarks (orphans, dangling evidence).
    Warnings(Vec<String>),
    /// A recovery copy was found at start-up (or could not be read).
    Recovery(Box<Result<Recovered, String>>),
    /// Choose how to export the gap report.
    Export(ExportChoice),
    /// A report or an exchange file was written at `path`; `title` says which.
    Exported {
        /// The file written.
        path: PathBuf,
        /// The dialog's heading.
        title: Text,
    },
    /// The file is larger than sessions usually are: open it anyway?
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
}

/// How the user wants the report exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportChoice {
    /// The rendering.
    pub format: Format,
    /// The report's language (the interface's by default).
    pub lang: Lang,
    /// Include the per-measure detail.
    pub detail: bool,
    /// Limit to the pillars and stakeholders the filters show.
    pub visible_only: bool,
    /// Add the agreement between the analysts compared in the window; `None` when no other
    /// session is open to compare (the dialog then does not offer it).
    pub agreement: Option<bool>,
}

impl ExportChoice {
    /// The defaults: HTML in `lang`, with the detail, everything.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Self {
            format: Format::Html,
            lang,
            detail: true,
            visible_only: false,
            agreement: None,
        }
    }
}

/// What the user chose in a dialog.
#[derive(Debug)]
pub enum Answer {
    /// Closed with OK, Cancel, Escape or a click outside: nothing to do.
    Dismissed,
    /// Save the unsaved changes, then do what was asked.
    SaveThen(Intent),
    /// Drop the unsaved changes and do what was asked.
    DiscardThen(Intent),
    /// Quit, keeping the unsaved work in the recovery copy for the next start.
    QuitKeepingRecovery,
    /// Take the recovered session as the open one.
    Restore(Box<Recovered>),
    /// Remove the recovery copy.
    DiscardRecovery,
    /// Export the report so.
    Export(ExportChoice),
    /// Open the exported file in the system's viewer.
    OpenFile(PathBuf),
    /// Open this file although it is larger than the load limit (its size, in bytes).
    OpenLarge(PathBuf, u64),
}

/// The button the user pressed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Save,
    Discard,
    KeepRecovery,
    Close,
    Restore,
    DiscardRecovery,
    Export,
    OpenFile,
    OpenAnyway,
}

impl Dialog {
    /// Draw the dialog; once the user has chosen, what they chose. `can_keep_recovery` offers
    /// to keep a recovery copy when quitting with unsaved work.
    #[must_use]
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        can_keep_recovery: bool,
    ) -> Option<Answer> {
        let mut choice = None;
        let mut pick = |ui: &mut egui::Ui, text: Text, c: Choice| {
            if ui.button(tr(lang, text)).clicked() {
                choice = Some(c);
            }
        };
        // The default button was pressed (Save, or Enter, in the unsaved-changes question).
        let mut saving = false;
        let response = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match self {
                Dialog::Unsaved(intent) => {
                    ui.heading(tr(lang, Text::UnsavedTitle));
                    ui.label(tr(lang, Text::UnsavedBody));
                    ui.add_space(8.0);
                    // Save is the default button: Enter presses it (Escape cancels, below).
                    saving = ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let save = egui::Button::new(
                            egui::RichText::new(tr(lang, Text::SaveButton)).strong(),
                        )
                        .fill(ui.visuals().selection.bg_fill);
                        saving |= ui
                            .add(save)
                            .on_hover_text(tr(lang, Text::DefaultButtonTip))
                            .clicked();
                        pick(ui, Text::DiscardButton, Choice::Discard);
                        if *intent == Intent::Quit && can_keep_recovery {
                            pick(ui, Text::KeepRecoveryButton, Choice::KeepRecovery);
                        }
                        pick(ui, Text::CancelButton, Choice::Close);
                    });
                }
                Dialog::Error { intro, message } => {
                    ui.heading(tr(lang, Text::ErrorTitle));
                    ui.label(tr(lang, *intro));
                    ui.add(
                        egui::Label::new(egui::RichText::new(message.as_str()).monospace()).wrap(),
                    );
                    pick(ui, Text::Ok, Choice::Close);
                }
                Dialog::Warnings(lines) => {
                    ui.heading(tr(lang, Text::WarningsTitle));
                    egui::ScrollArea::vertical()
                        .max_height(300.0)
                        .show(ui, |ui| {
                            for l in lines {
                                ui.label(format!("• {l}"));
                            }
                        });
                    pick(ui, Text::Ok, Choice::Close);
                }
                Dialog::Recovery(found) => {
                    ui.heading(tr(lang, Text::RecoveryTitle));
                    match found.as_ref() {
                        Ok(r) => {
                            ui.label(tr(lang, Text::RecoveryBody));
                            let origin = r.origin.as_ref().map_or_else(
                                || tr(lang, Text::RecoveryNever).to_owned(),
                                |p| p.display().to_string(),
                            );
                            ui.label(format!(
                                "{}{} {origin}",
                                tr(lang, Text::RecoveryOf),
                                lang.pick("\u{a0}:", ":")
                            ));
                            if let Some(w) = &r.written {
                                ui.label(format!(
                                    "{} {}",
                                    tr(lang, Text::RecoveryWritten),
                                    crate::i18n::local(lang, w)
                                ));
                            }
                        }
                        Err(e) => {
                            ui.label(tr(lang, Text::RecoveryUnreadable));
                            ui.add(egui::Label::new(egui::RichText::new(e).monospace()).wrap());
                        }
                    }
                    ui.horizontal(|ui| {
                        if found.is_ok() {
                            pick(ui, Text::RestoreButton, Choice::Restore);
                        }
                        pick(ui, Text::DiscardRecoveryButton, Choice::DiscardRecovery);
                    });
                }
                Dialog::Export(choice) => {
                    ui.heading(tr(lang, Text::ExportTitle));
                    ui.label(egui::RichText::new(tr(lang, Text::ExportFormat)).strong());
                    for f in Format::ALL {
                        ui.radio_value(&mut choice.format, f, f.label(lang));
                    }
                    ui.label(egui::RichText::new(tr(lang, Text::ExportLanguage)).strong());
                    ui.horizontal(|ui| {
                        for l in Lang::ALL {
                            ui.radio_value(&mut choice.lang, l, l.name());
                        }
                    });
                    ui.checkbox(&mut choice.detail, tr(lang, Text::ExportDetail));
                    ui.checkbox(&mut choice.visible_only, tr(lang, Text::ExportVisibleOnly))
                        .on_hover_text(tr(lang, Text::ExportVisibleOnlyTip));
                    if let Some(agreement) = &mut choice.agreement {
                        ui.checkbox(agreement, tr(lang, Text::ExportAgreement))
                            .on_hover_text(tr(lang, Text::ExportAgreementTip));
                    }
                    ui.horizontal(|ui| {
                        pick(ui, Text::ExportButton, Choice::Export);
                        pick(ui, Text::CancelButton, Choice::Close);
                    });
                }
                Dialog::TooLarge { path, size } => {
                    ui.heading(tr(lang, Text::TooLargeTitle));
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(path.display().to_string()).monospace(),
                        )
                        .wrap(),
                    );
                    ui.label(format!(
                        "{} {} Mo (> {} Mo). {}",
                        tr(lang, Text::TooLargeSize),
                        *size / 1_000_000,
                        crate::persist::MAX_FILE_SIZE / 1_000_000,
                        tr(lang, Text::TooLargeBody)
                    ));
                    ui.horizontal(|ui| {
                        pick(ui, Text::OpenAnywayButton, Choice::OpenAnyway);
                        pick(ui, Text::CancelButton, Choice::Close);
                    });
                }
                Dialog::Exported { path, title } => {
                    ui.heading(tr(lang, *title));
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(path.display().to_string()).monospace(),
                        )
                        .wrap(),
                    );
                    ui.horizontal(|ui| {
                        pick(ui, Text::OpenFile, Choice::OpenFile);
                        pick(ui, Text::Ok, Choice::Close);
                    });
                }
            }
        });
        if saving {
            choice = Some(Choice::Save);
        }
        // Escape or a click outside cancels, except for the recovery question, which must be
        // answered (dismissing it would leave the copy in limbo).
        if choice.is_none() && response.should_close() && !matches!(self, Dialog::Recovery(_)) {
            choice = Some(Choice::Close);
        }
        let choice = choice?;
        Some(match (self, choice) {
            (Dialog::Unsaved(intent), Choice::Save) => Answer::SaveThen(intent.clone()),
            (Dialog::Unsaved(intent), Choice::Discard) => Answer::DiscardThen(intent.clone()),
            (Dialog::Unsaved(_), Choice::KeepRecovery) => Answer::QuitKeepingRecovery,
            (Dialog::Recovery(found), Choice::Restore) => {
                match std::mem::replace(found.as_mut(), Err(String::new())) {
                    Ok(recovered) => Answer::Restore(Box::new(recovered)),
                    Err(_) => Answer::Dismissed,
                }
            }
            (Dialog::Recovery(_), Choice::DiscardRecovery) => Answer::DiscardRecovery,
            (Dialog::Export(choice), Choice::Export) => Answer::Export(*choice),
            (Dialog::Exported { path, .. }, Choice::OpenFile) => Answer::OpenFile(path.clone()),
            (Dialog::TooLarge { path, size }, Choice::OpenAnyway) => {
                Answer::OpenLarge(path.clone(), *size)
            }
            _ => Answer::Dismissed,
        })
    }
}
