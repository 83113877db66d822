//! The egui window (feature `gui`): reads the session and emits actions and commands; files go
//! through `persist`, the report through `report`.

mod app;
mod candidates;
mod commands;
mod compare;
mod detail;
mod dialogs;
mod draft;
mod editor;
mod filters;
mod grid;
mod heatmap;
mod highlight;
pub mod i18n;
mod message;
mod notice;
mod prefs;
mod reader;
mod shelf;
mod suggestions;
mod theme;

pub use app::{App, FilePicker, Launcher};
pub use commands::Command;
pub use dialogs::{Answer, Dialog, ExportChoice, Intent};
pub use message::{Inbox, Message};
pub use prefs::Prefs;
pub use prefs::RowHeight;
pub use reader::{paragraph_id as reader_paragraph_id, search_id as reader_search_id};
pub use theme::{Theme, focus_ring, search_highlight};

use eframe::egui;
use std::path::PathBuf;
use std::process::ExitCode;

/// `path` made absolute (from the folder the app was started in), as every path entering the
/// app is, so that the recent files, the last session and a recovery copy's origin still name
/// the same file from another folder. Kept as given if the current folder cannot be read.
#[must_use]
pub fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// The eframe shell around [`App`]: preferences in eframe's storage, the frame callback.
struct Shell {
    app: App,
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, self.app.prefs());
    }
}

/// The preferences eframe kept from the last run (defaults on the first run).
fn stored_prefs(cc: &eframe::CreationContext<'_>) -> Prefs {
    cc.storage
        .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
        .unwrap_or_default()
}

/// Open the window on `file` (or the last session, or a new one on the embedded dossier).
#[must_use]
pub fn run(file: Option<PathBuf>) -> ExitCode {
    if let Some(why) = no_display() {
        eprintln!("{why}");
        return ExitCode::FAILURE;
    }
    let result = eframe::run_native(
        "Vis-à-vis",
        native_options(),
        Box::new(move |cc| {
            let prefs = stored_prefs(cc);
            let mut app = App::start(prefs, file, crate::persist::recovery::default_dir());
            app.watch_termination(&cc.egui_ctx);
            Ok(Box::new(Shell { app }))
        }),
    );
    exit_code(result)
}

fn native_options() -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Vis-à-vis")
        .with_app_id("visavis")
        .with_inner_size([1500.0, 900.0])
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    // Without an icon of its own the window would carry egui's logo (decoded at 512 × 512: a
    // megabyte kept for the whole run).
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        ..Default::default()
    }
}

/// The window's icon: two documents side by side (`assets/icon.png`, 128 × 128).
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok()
}

/// On Linux and the BSDs, why no window can open: no X11 or Wayland display to open it on.
/// Said in the user's terms, where winit would name a line of its own source.
fn no_display() -> Option<String> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let set = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
    (unix_desktop && !set("DISPLAY") && !set("WAYLAND_DISPLAY") && !set("WAYLAND_SOCKET")).then(|| {
        "visavis: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set): the window needs \
         an X11 or Wayland session (on a server: xvfb-run visavis …); the command line works \
         without one (visavis --help)"
            .to_owned()
    })
}

fn exit_code(result: eframe::Result) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("visavis: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `visavis --frames N`: open the real window on `file` (or the last session), print the time
/// from `started` to the first frame and to the first frame where the session is loaded and
/// usable, draw `frames` more and print the CPU time of each (min / median / p95 / max, as
/// eframe measures it: swap and vsync excluded), then close. Preferences are read but not
/// written; no autosave, no recovery.
#[must_use]
pub fn run_frames(file: Option<PathBuf>, frames: u32, started: std::time::Instant) -> ExitCode {
    if let Some(why) = no_display() {
        eprintln!("{why}");
        return ExitCode::FAILURE;
    }
    let report = std::rc::Rc::new(std::cell::RefCell::new(None));
    let out = std::rc::Rc::clone(&report);
    let result = eframe::run_native(
        "Vis-à-vis",
        native_options(),
        Box::new(move |cc| {
            let prefs = stored_prefs(cc);
            let mut app = App::start(prefs, file, None);
            app.skip_name_prompt();
            Ok(Box::new(FrameProbe {
                app,
                started,
                frames: frames as usize,
                first: None,
                first_cpu: None,
                usable: None,
                times: Vec::new(),
                show_times: Vec::new(),
                out,
            }))
        }),
    );
    if let Some(text) = report.borrow_mut().take() {
        // A closed or full standard output is no reason to panic.
        let _ = std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes());
    }
    exit_code(result)
}

/// The eframe shell of `--frames`: times the frames, then closes the window.
struct FrameProbe {
    app: App,
    started: std::time::Instant,
    frames: usize,
    /// When the first frame's UI began, since `started`.
    first: Option<std::time::Duration>,
    /// The first frame's CPU time, in seconds (eframe reports it during the second).
    first_cpu: Option<f32>,
    /// When the first frame with the session loaded began, since `started`.
    usable: Option<std::time::Duration>,
    /// Seconds of CPU per frame, from the usable frame on.
    times: Vec<f32>,
    /// Seconds spent in [`App::show`] per frame from the usable frame on: the window's layout,
    /// before egui tessellates and the renderer paints.
    show_times: Vec<f32>,
    out: std::rc::Rc<std::cell::RefCell<Option<String>>>,
}

impl eframe::App for FrameProbe {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let now = self.started.elapsed();
        // eframe reports the previous frame's time.
        let previous = frame.info().cpu_usage;
        if self.first.is_none() {
            self.first = Some(now);
        } else if self.first_cpu.is_none() {
            self.first_cpu = previous;
        }
        let counting = self.usable.is_some();
        if counting {
            self.times.extend(previous);
        } else if !self.app.is_busy() {
            self.usable = Some(now);
        }
        let start = std::time::Instant::now();
        self.app.show(ui);
        if self.usable.is_some() {
            self.show_times.push(start.elapsed().as_secs_f32());
        }
        if self.times.len() > self.frames {
            if self.out.borrow().is_none() {
                *self.out.borrow_mut() = Some(self.summary());
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }
}

impl FrameProbe {
    fn summary(&self) -> String {
        let ms = |s: f32| f64::from(s) * 1000.0;
        let since_start =
            |d: Option<std::time::Duration>| d.unwrap_or_default().as_secs_f64() * 1000.0;
        let first_cpu = ms(self.first_cpu.unwrap_or_default());
        let first_ui = since_start(self.first);
        let stats = |times: &[f32]| {
            let mut sorted = times.to_vec();
            sorted.sort_by(f32::total_cmp);
            let at = |q: usize| {
                sorted
                    .get(sorted.len().saturating_sub(1) * q / 100)
                    .copied()
                    .map_or(0.0, ms)
            };
            format!(
                "min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
                at(0),
                at(50),
                at(95),
                at(100)
            )
        };
        // The usable frame (the new session's first layout) is reported in the total only.
        let later = self.times.get(1..).unwrap_or_default();
        let shows = self.show_times.get(1..=later.len()).unwrap_or_default();
        format!(
            "first frame: {:.0} ms after start (UI began at {first_ui:.0} ms; the frame took \
             {first_cpu:.1} ms)\nusable: {:.0} ms after start (the session opened in the \
             background)\n{} frames, CPU per frame: {}\n  of which the window's layout \
             (App::show): {}\n",
            first_ui + first_cpu,
            since_start(self.usable),
            later.len(),
            stats(later),
            stats(shows),
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_has_its_own_small_icon() {
        let icon = super::icon().expect("assets/icon.png decodes");
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
    }
}
