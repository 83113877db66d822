//! The egui window (feature `gui`).

use eframe::egui;
use std::path::PathBuf;
use std::process::ExitCode;

/// Open the window on `file`, or on the embedded dossier.
#[must_use]
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let session = match file {
        Some(path) => match crate::persist::load(&path) {
            Ok(l) => l.session,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        None => crate::model::Session::new(
            crate::persist::default_dossier(),
            "",
            &crate::model::now_rfc3339(),
        ),
    };
    let result = eframe::run_ui_native(
        "Vis-à-vis",
        eframe::NativeOptions::default(),
        move |ui, _frame| {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for m in &session.dossier.measures {
                        ui.label(format!("{} — {}", m.id, m.title));
                    }
                });
            });
        },
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
