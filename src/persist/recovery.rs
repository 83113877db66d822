//! Autosave: a recovery copy of unsaved work in the platform's data folder, offered back on the
//! next start. A copy is a normal session file whose first line is a comment naming the file the
//! session belongs to (`// origin: "PATH"`, absent for a never-saved session). Session and
//! origin are written together in one atomic save, so a crash can never pair a session with
//! another session's path.
//!
//! Each running copy of the app writes to its own [`Slot`] — `recovery.ron`, then
//! `recovery-2.ron`, `recovery-3.ron`… — reserved by an exclusive lock on the slot's `.lock` file
//! for as long as it runs: two windows open at once never overwrite each other's copy, and a copy
//! is offered back only once the app that wrote it has stopped (the lock is released when a
//! process ends, however it ends). The lock files stay, empty.

use super::error::{LoadError, SaveError};
use super::{atomic, load, to_ron};
use crate::model::Session;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many copies of the app can keep a recovery copy at once.
const MAX_SLOTS: u32 = 64;
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

/// A place for one running app's recovery copy, reserved while the app runs (see the module
/// documentation). Dropping it releases the place, not the copy.
#[derive(Debug)]
pub struct Slot {
    dir: PathBuf,
    number: u32,
    _lock: File,
}

impl Slot {
    /// Reserve the first free slot in `dir` that holds no copy (a copy nobody keeps waits to be
    /// offered back, and must not be overwritten), creating the folder if needed.
    ///
    /// # Errors
    /// When the folder cannot be created or written, or all slots are taken.
    pub fn claim(dir: &Path) -> io::Result<Slot> {
        std::fs::create_dir_all(dir)?;
        for number in 1..=MAX_SLOTS {
            // Lock first, then look: a copy written by an app that stopped just before the
            // lock was taken is seen, and left to be offered back.
            if let Some(slot) = Self::try_claim(dir, number)?
                && !slot.path().exists()
            {
                return Ok(slot);
            }
        }
        Err(io::Error::new(
            io::ErrorKind::ResourceBusy,
            format!(
                "{MAX_SLOTS} copies of the app already keep a recovery copy in {}",
                dir.display()
            ),
        ))
    }

    /// The slots in `dir` that hold a copy no running app is keeping, now reserved by the
    /// caller, most recent copy first.
    #[must_use]
    pub fn left_behind(dir: &Path) -> Vec<Slot> {
        let mut found: Vec<(Option<std::time::SystemTime>, Slot)> = (1..=MAX_SLOTS)
            .filter(|&n| Self::file_in(dir, n).exists())
            .filter_map(|n| Self::try_claim(dir, n).ok().flatten())
            .map(|slot| {
                let written = std::fs::metadata(slot.path()).and_then(|m| m.modified());
                (written.ok(), slot)
            })
            .collect();
        found.sort_by_key(|(written, _)| std::cmp::Reverse(*written));
        found.into_iter().map(|(_, slot)| slot).collect()
    }

    /// Slot `number` of `dir` if nobody holds it.
    fn try_claim(dir: &Path, number: u32) -> io::Result<Option<Slot>> {
        let name = if number == 1 {
            "recovery.lock".to_owned()
        } else {
            format!("recovery-{number}.lock")
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(name))?;
        match lock.try_lock() {
            Ok(()) => Ok(Some(Slot {
                dir: dir.to_owned(),
                number,
                _lock: lock,
            })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    /// The copy's file of slot `number` (slot 1 keeps the name earlier versions used).
    fn file_in(dir: &Path, number: u32) -> PathBuf {
        if number == 1 {
            dir.join("recovery.ron")
        } else {
            dir.join(format!("recovery-{number}.ron"))
        }
    }

    /// This slot's copy.
    #[must_use]
    pub fn path(&self) -> PathBuf {
        Self::file_in(&self.dir, self.number)
    }

    /// Write the recovery copy of `session`, which belongs to `origin` (if saved before).
    ///
    /// # Errors
    /// When the data folder cannot be written.
    pub fn write(&self, session: &Session, origin: Option<&Path>) -> Result<(), SaveError> {
        write_to(&self.path(), session, origin)
    }

    /// The copy in this slot, if there is one.
    ///
    /// # Errors
    /// When a copy exists but cannot be read; the caller should say so and offer to discard it.
    #[must_use]
    pub fn read(&self) -> Option<Result<Recovered, LoadError>> {
        read_from(&self.path())
    }

    /// Remove the copy (after a save, a restore or the user's "discard").
    pub fn discard(&self) {
        let path = self.path();
        let _ = std::fs::remove_file(atomic::backup_path(&path));
        let _ = std::fs::remove_file(path);
    }
}

/// Write a recovery copy of `session`, which belongs to `origin`, to `path` (a [`Slot::path`]):
/// what [`Slot::write`] does, for a thread that holds the path and a snapshot, not the slot.
///
/// # Errors
/// When the data folder cannot be written.
pub fn write_copy(path: &Path, session: &Session, origin: Option<&Path>) -> Result<(), SaveError> {
    write_to(path, session, origin)
}

/// How long after the last edit the recovery copy is written: long enough that typing a word
/// writes once, short enough that little is lost.
pub const QUIET: Duration = Duration::from_millis(1500);
/// Edits that never pause (a long stretch of typing) are copied at least this often.
pub const MAX_DELAY: Duration = Duration::from_secs(10);

/// What the window's autosave should do now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autosave {
    /// Nothing: no unsaved work, or the copy already holds it.
    Idle,
    /// Look again after this long (the user is still editing, or a write is under way).
    Wait(Duration),
    /// Write the copy now.
    Write,
}

/// The state [`autosave`] decides on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AutosaveState {
    /// Whether the session has edits the saved file does not hold.
    pub dirty: bool,
    /// The session's revision now.
    pub revision: u64,
    /// The revision the copy holds (or is being written with).
    pub written: Option<u64>,
    /// Time since the last edit.
    pub since_edit: Duration,
    /// Time since the oldest edit the copy does not hold.
    pub unwritten_for: Duration,
    /// Whether a copy is being written now (at most one at a time).
    pub in_flight: bool,
}

/// Debounced autosave: write the copy [`QUIET`] after the last edit (or [`MAX_DELAY`] after the
/// first unwritten one), never while a write is under way, never twice for one revision, and
/// never when the saved file holds the work (a copy written after a save would supersede it).
#[must_use]
pub fn autosave(s: AutosaveState) -> Autosave {
    if !s.dirty || s.written == Some(s.revision) {
        return Autosave::Idle;
    }
    if s.in_flight {
        return Autosave::Wait(Duration::from_millis(100));
    }
    if s.since_edit >= QUIET || s.unwritten_for >= MAX_DELAY {
        return Autosave::Write;
    }
    Autosave::Wait(
        QUIET
            .saturating_sub(s.since_edit)
            .min(MAX_DELAY.saturating_sub(s.unwritten_for)),
    )
}

fn write_to(path: &Path, session: &Session, origin: Option<&Path>) -> Result<(), SaveError> {
    let path = path.to_owned();
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
    // The folder is created when the slot is claimed; recreate it if it was removed since.
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    atomic::write_atomic(&path, text.as_bytes(), &crate::progress::Progress::none()).map_err(io)
}

fn read_from(path: &Path) -> Option<Result<Recovered, LoadError>> {
    if !path.exists() {
        return None;
    }
    let written = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| humantime::format_rfc3339_seconds(t).to_string());
    Some(load(path).map(|loaded| Recovered {
        session: loaded.session,
        origin: read_origin(path),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn state(since_edit_ms: u64) -> AutosaveState {
        AutosaveState {
            dirty: true,
            revision: 7,
            written: Some(6),
            since_edit: Duration::from_millis(since_edit_ms),
            unwritten_for: Duration::from_millis(since_edit_ms),
            in_flight: false,
        }
    }

    #[test]
    fn the_copy_is_written_once_the_user_pauses_and_never_twice_or_after_a_save() {
        assert_eq!(
            autosave(state(200)),
            Autosave::Wait(Duration::from_millis(1300)),
            "still typing: wait for the pause"
        );
        assert_eq!(autosave(state(1500)), Autosave::Write);
        let typing_on = AutosaveState {
            unwritten_for: MAX_DELAY,
            ..state(100)
        };
        assert_eq!(
            autosave(typing_on),
            Autosave::Write,
            "typing that never stops"
        );
        let busy = AutosaveState {
            in_flight: true,
            ..state(5000)
        };
        assert!(
            matches!(autosave(busy), Autosave::Wait(_)),
            "one write at a time"
        );
        let copied = AutosaveState {
            written: Some(7),
            ..state(5000)
        };
        assert_eq!(
            autosave(copied),
            Autosave::Idle,
            "the copy holds it already"
        );
        let saved = AutosaveState {
            dirty: false,
            ..state(5000)
        };
        assert_eq!(
            autosave(saved),
            Autosave::Idle,
            "the file holds it: no copy"
        );
    }
}
