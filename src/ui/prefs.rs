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
}

impl Prefs {
    /// Put `path` first in the recent files and remember it as the last session.
    pub fn opened(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
        self.last_session = Some(path.to_owned());
    }
}
