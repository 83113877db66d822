//! Asking the user for a file: the system's dialog when one can open, off the UI thread so the
//! window keeps drawing; otherwise the built-in one (`egui_file`), never a silent no-op.
//!
//! rfd answers `None` both for Cancel and for "no dialog could open", so the system's dialog is
//! used only once a probe found one: the desktop portal's file chooser on the session bus (the
//! `org.freedesktop.portal.FileChooser` interface answers a property read, which also starts a
//! portal that is only D-Bus activatable; a portal running without a file-chooser back-end
//! fails it) with `libdbus-1.so.3` to talk to it (rfd loads it at run time), or `zenity` on
//! `PATH` (rfd's fallback). The probe runs once, on the dialog's thread; the status bar says
//! which dialog is used, once.

use super::App;
use crate::ui::ExportChoice;
use crate::ui::Intent;
use crate::ui::i18n::{Text, tr};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, mpsc};
use std::time::Duration;

/// Where the app asks the user for a file to open or to write.
#[derive(Clone, Debug)]
pub enum FilePicker {
    /// The system's file dialog when one can open, else the built-in one.
    Native,
    /// Always the built-in dialog (a preference, tests).
    BuiltIn,
    /// Always this file, without asking (tests, scripted runs).
    Fixed(PathBuf),
}

impl FilePicker {
    /// The system's file dialog when one can open, else the built-in one.
    #[must_use]
    pub fn native() -> Self {
        FilePicker::Native
    }
}

/// Which dialog asks for files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Backend {
    /// The desktop portal's file chooser (through rfd).
    Portal,
    /// zenity (through rfd).
    Zenity,
    /// The built-in dialog.
    BuiltIn,
}

impl Backend {
    fn announce(self) -> Text {
        match self {
            Backend::Portal => Text::DialogPortal,
            Backend::Zenity => Text::DialogZenity,
            Backend::BuiltIn => Text::DialogBuiltIn,
        }
    }
}

/// What the file is for, and what to do once it is known.
#[derive(Debug)]
pub(super) enum Purpose {
    /// Open a session.
    Open,
    /// Save the session there, then do `then`.
    SaveAs(Option<Intent>),
    /// Write the report there.
    Export(ExportChoice),
    /// Read the dossier's source documents from this folder.
    SourcesFolder,
    /// Draft a dossier from the documents of this folder.
    DraftFolder,
    /// Carry the session over to the dossier of this file.
    UpdateFrom,
    /// Compare the session with the one in this file.
    CompareWith,
    /// Write the session as a REFI-QDA project there.
    ExportQdpx,
    /// Propose the codings of this REFI-QDA project.
    ImportQdpx,
}

/// What the dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// A file to read.
    Open,
    /// A file to write.
    Save,
    /// A folder.
    Folder,
}

/// What the dialog should ask.
#[derive(Clone, Debug)]
pub(super) struct Ask {
    mode: Mode,
    /// The dialog's title: what the file is for.
    title: String,
    filter: String,
    ext: String,
    name: String,
    folder: Option<PathBuf>,
}

/// A dialog on screen.
pub(super) enum Pending {
    /// The system's dialog, on a thread of its own; the answer comes on the channel (`Err` when
    /// no system dialog can open after all).
    Native {
        purpose: Purpose,
        answer: mpsc::Receiver<Result<Option<PathBuf>, ()>>,
        /// What was asked, to ask it built in should no system dialog open after all.
        ask: Ask,
    },
    /// The built-in dialog, drawn every frame.
    BuiltIn {
        purpose: Purpose,
        dialog: Box<egui_file::FileDialog>,
    },
}

/// The system's dialog found by the probe, once per run.
fn probe() -> Backend {
    static FOUND: OnceLock<Backend> = OnceLock::new();
    *FOUND.get_or_init(|| {
        if cfg!(not(all(unix, not(target_os = "macos")))) {
            // Windows and macOS always have their own dialog.
            return Backend::Portal;
        }
        if portal_file_chooser() && libdbus_present() {
            Backend::Portal
        } else if on_path("zenity") {
            Backend::Zenity
        } else {
            Backend::BuiltIn
        }
    })
}

/// Whether the desktop portal's file chooser answers on the session bus, within two seconds.
fn portal_file_chooser() -> bool {
    let answer = async {
        let bus = zbus::connection::Builder::session()?
            .method_timeout(Duration::from_secs(2))
            .build()
            .await?;
        bus.call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await?;
        zbus::Result::Ok(())
    };
    async_io::block_on(answer).is_ok()
}

/// Whether `libdbus-1.so.3`, which rfd loads to reach the portal, is in a library folder.
fn libdbus_present() -> bool {
    let mut dirs: Vec<PathBuf> = std::env::var_os("LD_LIBRARY_PATH")
        .map(|v| std::env::split_paths(&v).collect())
        .unwrap_or_default();
    if let Ok(entries) = std::fs::read_dir("/etc/ld.so.conf.d") {
        for entry in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                dirs.extend(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| l.starts_with('/'))
                        .map(PathBuf::from),
                );
            }
        }
    }
    dirs.extend(
        ["/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib"]
            .iter()
            .map(PathBuf::from),
    );
    dirs.iter().any(|d| d.join("libdbus-1.so.3").exists())
}

/// Whether `program` is an executable file in a folder of `PATH`.
fn on_path(program: &str) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| {
                std::fs::metadata(dir.join(program))
                    .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            })
        })
    }
    #[cfg(not(unix))]
    {
        let _ = program;
        false
    }
}

/// Run the system's dialog for `ask` (blocking: on the dialog's thread).
fn run_native(ask: &Ask, backend: Backend) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(&ask.title);
    if ask.mode != Mode::Folder {
        dialog = dialog.add_filter(&ask.filter, &[ask.ext.as_str()]);
    }
    match (&ask.folder, backend) {
        // zenity reads no starting folder, only a file name: a full path starts it there.
        (Some(dir), Backend::Zenity) => {
            let name = if ask.mode == Mode::Save {
                dir.join(&ask.name)
            } else {
                // A folder with a trailing slash opens on the folder, nothing selected.
                dir.join("")
            };
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        (folder, _) => {
            if let Some(dir) = folder {
                dialog = dialog.set_directory(dir);
            }
            if ask.mode == Mode::Save {
                dialog = dialog.set_file_name(&ask.name);
            }
        }
    }
    match ask.mode {
        Mode::Save => dialog.save_file(),
        Mode::Open => dialog.pick_file(),
        Mode::Folder => dialog.pick_folder(),
    }
}

/// The built-in dialog for `ask`, in `lang`, open.
fn built_in(ask: &Ask, lang: crate::i18n::Lang) -> egui_file::FileDialog {
    let t = |text| std::borrow::Cow::Borrowed(tr(lang, text));
    let mut dialog = match ask.mode {
        Mode::Save => egui_file::FileDialog::save_file()
            .default_filename(&ask.name)
            .title(&ask.title),
        Mode::Open => egui_file::FileDialog::open_file().title(&ask.title),
        Mode::Folder => egui_file::FileDialog::select_folder().title(&ask.title),
    };
    if let Some(dir) = &ask.folder {
        dialog = dialog.initial_path(dir);
    }
    let (ext, folders) = (ask.ext.clone(), ask.mode == Mode::Folder);
    dialog = dialog
        .id(egui::Id::unique("builtin-file-dialog"))
        .open_button_text(t(Text::DialogOpenButton))
        .save_button_text(t(Text::SaveButton))
        .cancel_button_text(t(Text::CancelButton))
        .new_folder_button_text(t(Text::DialogNewFolder))
        .new_folder_name_text(t(Text::DialogNewFolderName))
        .rename_button_text(t(Text::DialogRename))
        .refresh_button_hover_text(t(Text::DialogRefresh))
        .parent_folder_button_hover_text(t(Text::DialogParent))
        .file_label_text(t(Text::DialogFile))
        .show_hidden_checkbox_text(t(Text::DialogHidden))
        .show_files_filter(Box::new(move |p: &Path| {
            folders || p.extension().is_some_and(|e| e.eq_ignore_ascii_case(&ext))
        }))
        .keep_on_top(true);
    dialog.open();
    dialog
}

impl App {
    /// The folder file dialogs start in: the session's, else the last one used, else the
    /// folder the app was started from.
    pub(super) fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| self.prefs.last_folder.clone().filter(|d| d.is_dir()))
            .or_else(|| std::env::current_dir().ok())
    }

    /// Whether a file dialog is on screen.
    #[must_use]
    pub fn is_picking(&self) -> bool {
        self.pending.is_some()
    }

    /// Ask for a file to open.
    pub(super) fn pick_open(&mut self) {
        self.pick_file(Purpose::Open);
    }

    /// Ask for a session or dossier file to read, for `purpose`.
    pub(super) fn pick_file(&mut self, purpose: Purpose) {
        let title = match purpose {
            Purpose::CompareWith => Text::CompareDialogTitle,
            Purpose::UpdateFrom => Text::UpdateDialogTitle,
            Purpose::ImportQdpx => Text::ImportDialogTitle,
            _ => Text::DialogOpenTitle,
        };
        let (filter, ext) = match purpose {
            Purpose::ImportQdpx => (Text::QdpxFiles, "qdpx"),
            _ => (Text::SessionFiles, "ron"),
        };
        let ask = Ask {
            mode: Mode::Open,
            title: tr(self.lang(), title).to_owned(),
            filter: tr(self.lang(), filter).to_owned(),
            ext: ext.to_owned(),
            name: String::new(),
            folder: self.folder(),
        };
        self.pick(purpose, ask);
    }

    /// Ask for a folder, for `purpose`, starting in `start`.
    pub(super) fn pick_folder(&mut self, purpose: Purpose, start: Option<PathBuf>) {
        let ask = Ask {
            mode: Mode::Folder,
            title: tr(self.lang(), Text::SourcesFolderTitle).to_owned(),
            filter: String::new(),
            ext: String::new(),
            name: String::new(),
            folder: start,
        };
        self.pick(purpose, ask);
    }

    /// Ask for a file to write, `name` with the extension `ext`, of the kind `filter` names.
    pub(super) fn pick_save(&mut self, purpose: Purpose, filter: &str, ext: &str, name: String) {
        let ask = Ask {
            mode: Mode::Save,
            title: tr(self.lang(), Text::DialogSaveTitle).to_owned(),
            filter: filter.to_owned(),
            ext: ext.to_owned(),
            name,
            folder: self.folder(),
        };
        self.pick(purpose, ask);
    }

    /// Ask for the folder of the dossier's source documents, starting in the one chosen before.
    pub(super) fn pick_sources_folder(&mut self) {
        let folder = self
            .source_dirs()
            .dirs
            .into_iter()
            .find(|d| d.is_dir())
            .or_else(|| self.folder());
        self.pick_folder(Purpose::SourcesFolder, folder);
    }

    fn pick(&mut self, purpose: Purpose, ask: Ask) {
        if self.pending.is_some() {
            self.say(Text::DialogAlreadyOpen);
            return;
        }
        match &self.picker {
            FilePicker::Fixed(path) => {
                let path = path.clone();
                self.picked(purpose, Some(path));
            }
            FilePicker::BuiltIn => self.open_built_in(purpose, &ask),
            FilePicker::Native => {
                let (send, answer) = mpsc::channel();
                let asked = ask.clone();
                let spawned = std::thread::Builder::new()
                    .name("visavis-dialog".to_owned())
                    .spawn(move || {
                        let backend = probe();
                        let result = if backend == Backend::BuiltIn {
                            Err(())
                        } else {
                            Ok(run_native(&asked, backend))
                        };
                        // The window may have closed meanwhile: nothing to tell then.
                        let _ = send.send(result);
                    });
                if spawned.is_ok() {
                    self.pending = Some(Pending::Native {
                        purpose,
                        answer,
                        ask,
                    });
                } else {
                    self.open_built_in(purpose, &ask);
                }
            }
        }
    }

    fn open_built_in(&mut self, purpose: Purpose, ask: &Ask) {
        self.announce(Backend::BuiltIn);
        self.pending = Some(Pending::BuiltIn {
            purpose,
            dialog: Box::new(built_in(ask, self.lang())),
        });
    }

    /// Say in the status bar which dialog asks for files, the first time one opens.
    fn announce(&mut self, backend: Backend) {
        if !self.dialog_announced {
            self.dialog_announced = true;
            self.say(backend.announce());
        }
    }

    /// Draw the built-in dialog, or look for the system dialog's answer; act on the answer.
    pub(super) fn poll_pick(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match pending {
            Pending::Native {
                purpose,
                answer,
                ask,
            } => match answer.try_recv() {
                Ok(Ok(path)) => {
                    self.announce(probe());
                    self.picked(purpose, path);
                }
                // No system dialog after all: the built-in one asks instead.
                Ok(Err(())) | Err(mpsc::TryRecvError::Disconnected) => {
                    self.open_built_in(purpose, &ask);
                    ctx.request_repaint();
                }
                Err(mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(100));
                    self.pending = Some(Pending::Native {
                        purpose,
                        answer,
                        ask,
                    });
                }
            },
            Pending::BuiltIn {
                purpose,
                mut dialog,
            } => {
                dialog.show(ctx);
                match dialog.state() {
                    egui_file::State::Open => {
                        self.pending = Some(Pending::BuiltIn { purpose, dialog });
                    }
                    egui_file::State::Selected => {
                        let path = dialog.path().map(Path::to_owned);
                        self.picked(purpose, path);
                    }
                    egui_file::State::Cancelled | egui_file::State::Closed => {
                        self.picked(purpose, None);
                    }
                }
            }
        }
    }

    /// The user chose `path` (or cancelled: `None`) for `purpose`.
    fn picked(&mut self, purpose: Purpose, path: Option<PathBuf>) {
        let Some(path) = path.map(|p| crate::ui::absolute(&p)) else {
            return;
        };
        match purpose {
            Purpose::SourcesFolder => return self.sources_folder_chosen(&path),
            Purpose::DraftFolder => return self.draft_from(path, None),
            _ => {}
        }
        if let Some(dir) = path.parent() {
            self.prefs.last_folder = Some(dir.to_owned());
        }
        match purpose {
            Purpose::Open => self.request(Intent::Open(path)),
            Purpose::SaveAs(then) => self.save_to_then(&path, then),
            Purpose::Export(choice) => self.export_to(&path, choice),
            Purpose::UpdateFrom => self.update_from(&path),
            Purpose::CompareWith => self.compare_with(&path),
            Purpose::ExportQdpx => self.export_qdpx_to(&path),
            Purpose::ImportQdpx => self.import_qdpx_from(&path),
            Purpose::SourcesFolder | Purpose::DraftFolder => {}
        }
    }
}
