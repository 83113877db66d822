//! UI preferences kept between runs in eframe's storage: language, theme, recent files, last
//! session, analyst name. Never the session itself (that goes through `persist`).

use super::theme::Theme;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files the File menu lists.
const MAX_RECENT: usize = 10;

/// Preferences; `serde(default)` so a new field never breaks an old config.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Interface and report language.
    pub lang: Lang,
    /// Light or dark.
    pub theme: Theme,
    /// Recently opened or saved files, most recent first.
    pub recent: Vec<PathBuf>,
    /// The session open when the app last closed, reopened on the next start.
    pub last_session: Option<PathBuf>,
    /// The analyst's name, given to new sessions.
    pub analyst: String,
    /// The folder a file dialog was last used in (absolute), where the next one starts when
    /// the session has no folder of its own.
    pub last_folder: Option<PathBuf>,
    /// Always use the built-in file dialog, even where the system has one.
    pub builtin_file_dialog: bool,
}

impl Prefs {
    /// Put `path` first in the recent files and remember it as the last session, absolute
    /// (read from the folder the app was started in if it is relative), so that a start from
    /// another folder finds it.
    pub fn opened(&mut self, path: &Path) {
        let path = super::absolute(path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        if let Some(dir) = path.parent() {
            self.last_folder = Some(dir.to_owned());
        }
        self.last_session = Some(path);
    }

    /// Take `path` off the recent files (the user asked: a file that no longer exists stays
    /// listed until then).
    pub fn forget_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_session.as_deref() == Some(path) {
            self.last_session = None;
        }
    }
}
