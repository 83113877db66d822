//! Autosave: a recovery copy of unsaved work in the platform's data folder, offered back on the
//! next start. It holds one session in `recovery.ron`, a normal session file whose first line
//! is a comment naming the file the session belongs to (`// origin: "PATH"`, absent for a
//! never-saved session). Session and origin are written together in one atomic save, so a crash
//! can never pair a session with another session's path.

use super::error::{LoadError, SaveError};
use super::{atomic, load, to_ron};
use crate::model::Session;
use std::path::{Path, PathBuf};

const SESSION_FILE: &str = "recovery.ron";
/// Starts the first line of a copy whose session was saved before; a RON string follows.
const ORIGIN_MARK: &str = "// origin: ";

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
    let path = dir.join(SESSION_FILE);
    let mut text = String::new();
    if let Some(origin) = origin {
        // A RON string: quotes, backslashes and line breaks in the path are escaped, so the
        // comment stays on one line.
        let quoted = ron::to_string(&origin.to_string_lossy()).map_err(|e| SaveError::Encode {
            path: path.clone(),
            message: e.to_string(),
        })?;
        text = format!("{ORIGIN_MARK}{quoted}\n");
    }
    text.push_str(&to_ron(session).map_err(|e| SaveError::Encode {
        path: path.clone(),
        message: e.to_string(),
    })?);
    let io = |source| SaveError::Io {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    atomic::write_atomic(&path, text.as_bytes()).map_err(io)
}

/// The recovery copy in `dir`, if there is one.
///
/// # Errors
/// When a copy exists but cannot be read; the caller should say so and offer to discard it.
#[must_use]
pub fn read(dir: &Path) -> Option<Result<Recovered, LoadError>> {
    let path = dir.join(SESSION_FILE);
    if !path.exists() {
        return None;
    }
    let written = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| humantime::format_rfc3339_seconds(t).to_string());
    Some(load(&path).map(|loaded| Recovered {
        session: loaded.session,
        origin: read_origin(&path),
        written,
    }))
}

/// The origin named on the copy's first line, if any.
fn read_origin(path: &Path) -> Option<PathBuf> {
    use std::io::BufRead;
    let mut first = String::new();
    std::io::BufReader::new(std::fs::File::open(path).ok()?)
        .read_line(&mut first)
        .ok()?;
    let quoted = first.strip_prefix(ORIGIN_MARK)?;
    let origin: String = ron::from_str(quoted).ok()?;
    (!origin.is_empty()).then(|| PathBuf::from(origin))
}

/// Remove the recovery copy (after a save, a restore or the user's "discard").
pub fn discard(dir: &Path) {
    let path = dir.join(SESSION_FILE);
    let _ = std::fs::remove_file(atomic::backup_path(&path));
    let _ = std::fs::remove_file(path);
}
