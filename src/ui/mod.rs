//! The egui window (feature `gui`): reads the session and emits actions and commands; files go
//! through `persist`, the report through `report`.

mod app;
mod commands;
mod detail;
mod dialogs;
mod filters;
mod grid;
pub mod i18n;
mod prefs;
mod theme;
mod view;

pub use app::{App, example_path};
pub use commands::Command;
pub use dialogs::{Dialog, Intent};
pub use prefs::Prefs;
pub use theme::Theme;
pub use view::{Row, Selection, fold};

use eframe::egui;
use std::path::PathBuf;
use std::process::ExitCode;

/// The eframe shell around [`App`]: preferences in eframe's storage, the frame callback.
struct Shell {
    app: App,
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.app.prefs);
    }
}

/// Open the window on `file` (or the last session, or a new one on the embedded dossier).
#[must_use]
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Vis-à-vis")
            .with_app_id("visavis")
            .with_inner_size([1500.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Vis-à-vis",
        options,
        Box::new(move |cc| {
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let app = App::start(prefs, file, crate::persist::recovery::default_dir());
            Ok(Box::new(Shell { app }))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("visavis: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
