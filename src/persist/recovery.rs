//! Autosave: a recovery copy of unsaved work in the platform's data folder, offered back on the
//! next start. It holds one session (`recovery.ron`, a normal session file) and the path of the
//! file it belongs to (`recovery.origin`, absent for a never-saved session).

use super::error::{LoadError, SaveError};
use super::{atomic, load, save};
use crate::model::Session;
use std::path::{Path, PathBuf};

const SESSION_FILE: &str = "recovery.ron";
const ORIGIN_FILE: &str = "recovery.origin";

/// The folder recovery files go to: `$VISAVIS_DATA_DIR/recovery` when that variable is set,
/// otherwise the platform's data folder (`~/.local/share/visavis/recovery` on Linux).
#[must_use]
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("VISAVIS_DATA_DIR") {
        return Some(PathBuf::from(dir).join("recovery"));
    }
    directories::ProjectDirs::from("org", "visavis", "visavis")
        .map(|d| d.data_dir().join("recovery"))
}

/// A recovery copy found on start.
#[derive(Debug)]
pub struct Recovered {
    /// The unsaved session.
    pub session: Session,
    /// The file it belongs to, or `None` if it was never saved.
    pub origin: Option<PathBuf>,
    /// When the copy was written (RFC 3339), from the file's modification time.
    pub written: Option<String>,
}

/// Write the recovery copy of `session`, which belongs to `origin` (if saved before).
///
/// # Errors
/// When the data folder cannot be created or written.
pub fn write(dir: &Path, session: &Session, origin: Option<&Path>) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: dir.join(SESSION_FILE),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let origin_text = origin
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    atomic::write_atomic(&dir.join(ORIGIN_FILE), origin_text.as_bytes()).map_err(io)?;
    save(session, &dir.join(SESSION_FILE))
}

/// The recovery copy in `dir`, if there is one.
///
/// # Errors
/// When a copy exists but cannot be read; the caller should say so and offer to discard it.
pub fn read(dir: &Path) -> Option<Result<Recovered, LoadError>> {
    let path = dir.join(SESSION_FILE);
    if !path.exists() {
        return None;
    }
    let written = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| humantime::format_rfc3339_seconds(t).to_string());
    let origin = std::fs::read_to_string(dir.join(ORIGIN_FILE))
        .ok()
        .filter(|s| !s.trim().is_empty())
        .map(PathBuf::from);
    Some(load(&path).map(|loaded| Recovered {
        session: loaded.session,
        origin,
        written,
    }))
}

/// Remove the recovery copy (after a save, a restore or the user's "discard").
pub fn discard(dir: &Path) {
    for name in [SESSION_FILE, ORIGIN_FILE] {
        let path = dir.join(name);
        let _ = std::fs::remove_file(atomic::backup_path(&path));
        let _ = std::fs::remove_file(path);
    }
}
