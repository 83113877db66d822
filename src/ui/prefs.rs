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
    /// The window's zoom (Ctrl+plus, Ctrl+minus, Ctrl+0); `None` at 100 %.
    pub zoom: Option<f32>,
    /// The filters panel is folded away.
    pub hide_filters: bool,
    /// The detail panel is folded away.
    pub hide_detail: bool,
    /// The heatmap above the grid.
    pub heatmap: HeatmapPrefs,
    /// How tall the grid's rows are.
    pub rows: RowHeight,
    /// The folder of each dossier's source documents the user chose, by dossier id.
    pub sources_folders: std::collections::BTreeMap<String, PathBuf>,
}

/// Whether the heatmap is shown, and how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeatmapPrefs {
    /// Shown above the grid.
    pub shown: bool,
    /// A square per measure rather than a box per pillar.
    pub by_measure: bool,
}

/// How tall the grid's rows are: compact (the stance and the note's first line) or three lines
/// of note.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowHeight {
    /// The stance, the quote count and the start of the note.
    #[default]
    Compact,
    /// The stance, then up to three lines of the note.
    ThreeLines,
}

/// The zoom factors Ctrl+plus and Ctrl+minus step between, and never leave.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

impl Prefs {
    /// The window's zoom factor.
    #[must_use]
    pub fn zoom(&self) -> f32 {
        self.zoom.filter(|z| ZOOM_RANGE.contains(z)).unwrap_or(1.0)
    }

    /// Zoom in (`steps` > 0) or out by tenths, within [`ZOOM_RANGE`]; `0` resets to 100 %.
    pub fn step_zoom(&mut self, steps: i8) {
        let z = if steps == 0 {
            1.0
        } else {
            let z = self.zoom() + 0.1 * f32::from(steps);
            ((z * 10.0).round() / 10.0).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end())
        };
        self.zoom = ((z - 1.0).abs() > f32::EPSILON).then_some(z);
    }
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
