//! Reading and writing session files — the only module that touches the file system for
//! sessions. RON, deterministic (same session → same bytes), versioned with migration, saved
//! atomically with a `.bak`, autosaved to a recovery file.

mod atomic;
mod error;
mod format;
mod hint;
mod load;
mod lock;
mod messages;
pub mod recovery;
#[cfg(unix)]
pub mod termination;

pub use atomic::{WRITE_SHARE_FROM, backup_of, backup_path};
pub use error::{FileProblem, LoadError, Location, NotAFileKind, SaveError};
pub use format::CURRENT_FORMAT;
pub use load::{
    Loaded, MAX_FILE_SIZE, MAX_PROBLEMS, MAX_WARNINGS, Origin, load, load_bytes, load_with,
    load_within,
};
pub use messages::{NotRon, SyntaxFault, Unknown, Warning};

use crate::model::{Dossier, Session};
use crate::progress::Progress;
use std::path::Path;

/// The default dossier (Ségur de la santé, 2020), embedded in the binary.
pub const DEFAULT_DOSSIER_RON: &str = include_str!("../../assets/segur-2020.ron");

/// The embedded Ségur dossier.
///
/// # Panics
/// Never in a released build: a test checks the embedded file parses and validates.
#[must_use]
pub fn default_dossier() -> Dossier {
    ron::from_str(DEFAULT_DOSSIER_RON).expect("the embedded dossier is checked by the test suite")
}

/// The session as the text of a session file: pretty RON, `\n` line ends, cells sorted, one
/// cell per block. The same session always gives the same text.
///
/// # Errors
/// Only if the session holds something RON cannot write.
pub fn to_ron(session: &Session) -> Result<String, ron::Error> {
    pretty(&format::SessionOut::from(session))
}

/// The dossier as the text of a dossier file, in the same canonical style as sessions.
///
/// # Errors
/// Only if the dossier holds something RON cannot write.
pub fn dossier_to_ron(dossier: &Dossier) -> Result<String, ron::Error> {
    pretty(dossier)
}

/// Strings are written as they are — accents, non-breaking spaces and a note's line breaks stay
/// readable in a text editor, and writing is three times faster than escaping each character —
/// and a string holding `"` or `\` is written raw (`r#"…"#`). Only when some text holds a
/// character an editor or a terminal would hide or obey ([`is_hidden`]: control characters,
/// invisible formatting characters, line separators) is every string escaped instead, so the
/// file shows all it holds.
fn pretty(value: &impl serde::Serialize) -> Result<String, ron::Error> {
    let text = pretty_with(value, false)?;
    if has_hidden(&text) {
        return pretty_with(value, true);
    }
    Ok(text)
}

fn pretty_with(value: &impl serde::Serialize, escape: bool) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("\t")
        .struct_names(false)
        .escape_strings(escape);
    let mut text = ron::ser::to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

/// Whether `text` holds a character [`is_hidden`] names. The control characters are looked for
/// in one pass without branches, which the compiler vectorises; the others are not ASCII, so
/// only the non-ASCII characters are decoded and checked (one in twenty in French text).
fn has_hidden(text: &str) -> bool {
    let bytes = text.as_bytes();
    let control = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f;
    if bytes
        .chunks(4096)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | control(b)))
    {
        return true;
    }
    let mut at = 0;
    while let Some(skip) = bytes[at..].iter().position(|b| !b.is_ascii()) {
        // A non-ASCII byte after ASCII or after a whole character starts a character.
        at += skip;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if is_hidden(c) {
            return true;
        }
        at += c.len_utf8();
    }
    false
}

/// A character that should not reach the file unescaped (see [`pretty`]): a control character
/// other than line break and tab, an invisible formatting character (Unicode's category Cf:
/// soft hyphen, zero-width and bidirectional marks, invisible operators, tags…), or a line or
/// paragraph separator.
#[must_use]
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{ad}'
                | '\u{600}'..='\u{605}'
                | '\u{61c}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{890}'..='\u{891}'
                | '\u{8e2}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{110bd}'
                | '\u{110cd}'
                | '\u{13430}'..='\u{1343f}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0001}'
                | '\u{e0020}'..='\u{e007f}'
        )
}

/// Save a bare dossier to `path` atomically, keeping the previous file as `path.bak`.
///
/// # Errors
/// As [`save`].
pub fn save_dossier(dossier: &Dossier, path: &Path) -> Result<(), SaveError> {
    write_text(path, dossier_to_ron(dossier), &Progress::none(), None)
}

/// [`save`] and [`save_dossier`] for the commands that make files (`fmt`, `generate`): a file
/// larger than Vis-à-vis opens ([`MAX_FILE_SIZE`]) is refused before anything is written. The
/// window's save has no such limit: it never refuses to keep the user's work.
///
/// # Errors
/// [`SaveError::TooLarge`], or as [`save`].
pub fn save_within_limit(
    session: &Session,
    dossier_only: bool,
    path: &Path,
) -> Result<(), SaveError> {
    let text = if dossier_only {
        dossier_to_ron(&session.dossier)
    } else {
        to_ron(session)
    };
    write_text(path, text, &Progress::none(), Some(MAX_FILE_SIZE))
}

/// Save `session` to `path` atomically, keeping the previous file as `path.bak`.
///
/// # Errors
/// When the folder is read-only or gone, the disk is full, etc.; the old file is intact.
pub fn save(session: &Session, path: &Path) -> Result<(), SaveError> {
    save_with(session, path, &Progress::none()).map(|_| ())
}

/// [`save`], reporting into `progress`; a cancel before the new file replaces the old one
/// leaves the old one untouched (the error then says `Interrupted`). Returns the size of the
/// file written: the window warns when it is over [`MAX_FILE_SIZE`] (it writes it all the same:
/// the user's work is never refused).
///
/// # Errors
/// As [`save`].
pub fn save_with(session: &Session, path: &Path, progress: &Progress) -> Result<u64, SaveError> {
    let text = to_ron(session);
    let size = text
        .as_ref()
        .map_or(0, |t| u64::try_from(t.len()).unwrap_or(u64::MAX));
    write_text(path, text, progress, None).map(|()| size)
}

fn write_text(
    path: &Path,
    text: Result<String, ron::Error>,
    progress: &Progress,
    limit: Option<u64>,
) -> Result<(), SaveError> {
    let text = text.map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
    if let Some(limit) = limit.filter(|&l| size > l) {
        return Err(SaveError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        });
    }
    progress.set(atomic::WRITE_SHARE_FROM);
    write_bytes(path, text.as_bytes(), progress)
}

/// Save the session `visavis merge` made to `path`, atomically. Its output is never one of its
/// inputs, except as a git merge driver (`merge --base %O %A %B -o %A`), which replaces the
/// ours file `%A` in place, as git expects: `in_place` then writes no `.bak` (the file is git's
/// own temporary copy, and git keeps every version). Otherwise the previous `path` is kept as
/// `path.bak`, as by every save. Whatever the size (a merge never refuses the analysts' work);
/// returns the size written, for the caller to warn past [`MAX_FILE_SIZE`].
///
/// # Errors
/// As [`save`].
pub fn save_merged(session: &Session, path: &Path, in_place: bool) -> Result<u64, SaveError> {
    let text = to_ron(session).map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    let backup = if in_place {
        atomic::Backup::None
    } else {
        atomic::Backup::Keep
    };
    write_bytes_keeping(path, text.as_bytes(), &Progress::none(), backup)?;
    Ok(u64::try_from(text.len()).unwrap_or(u64::MAX))
}

/// The one way every file is written: under the file's lock, atomically (or into it, for a pipe
/// or a device), refusing a read-only target.
fn write_bytes(path: &Path, bytes: &[u8], progress: &Progress) -> Result<(), SaveError> {
    write_bytes_keeping(path, bytes, progress, atomic::Backup::Keep)
}

/// [`write_bytes`], keeping the previous version as `.bak` or not.
fn write_bytes_keeping(
    path: &Path,
    bytes: &[u8],
    progress: &Progress,
    backup: atomic::Backup,
) -> Result<(), SaveError> {
    let _lock = lock::lock_target(path);
    atomic::write_atomic_keeping(path, bytes, progress, backup).map_err(|source| {
        let read_only = source
            .get_ref()
            .is_some_and(<dyn std::error::Error + Send + Sync>::is::<atomic::ReadOnlyTarget>);
        if read_only {
            SaveError::ReadOnly {
                path: path.to_owned(),
            }
        } else {
            SaveError::Io {
                path: path.to_owned(),
                source,
            }
        }
    })
}

/// Whether `path` is a regular file that reads as a session or a dossier: a report or an export
/// must not replace it. Looks at its first kilobytes only (a RON structure with a `format:` or
/// `measures:` field), so a damaged session is protected too.
#[must_use]
pub fn reads_as_session(path: &Path) -> bool {
    use std::io::Read;
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let mut head = Vec::with_capacity(16 * 1024);
    let read = std::fs::File::open(path).and_then(|f| f.take(16 * 1024).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let body = text
        .lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!"))
        .collect::<Vec<_>>()
        .join("\n");
    body.starts_with('(') && (body.contains("format:") || body.contains("measures:"))
}

/// Write an exported file (a gap report) to `path` atomically: a reader never sees a
/// half-written report, and a report already at `path` is kept as `path.bak`. A file that
/// reads as a session or a dossier is never replaced by a report ([`reads_as_session`]), unless
/// `force`.
///
/// # Errors
/// [`SaveError::WouldReplaceSession`]; when the file is read-only, the folder gone, the disk
/// full, etc.; a previous file is intact.
pub fn write_export(path: &Path, bytes: &[u8], force: bool) -> Result<(), SaveError> {
    write_export_with(path, bytes, force, &Progress::none())
}

/// [`write_export`], reporting into `progress` and stopping, with the previous file intact, when
/// cancelled before the rename.
///
/// # Errors
/// As [`write_export`].
pub fn write_export_with(
    path: &Path,
    bytes: &[u8],
    force: bool,
    progress: &Progress,
) -> Result<(), SaveError> {
    if !force && reads_as_session(path) {
        return Err(SaveError::WouldReplaceSession {
            path: path.to_owned(),
        });
    }
    write_bytes(path, bytes, progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_byte_scan_finds_exactly_the_hidden_characters(
            text in "(\\PC|[\u{0}-\u{ad}\u{600}-\u{61c}\u{2000}-\u{2070}\u{feff}\u{e0000}-\u{e0080}])*"
        ) {
            prop_assert_eq!(has_hidden(&text), text.contains(is_hidden));
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gros.ron");
        let refused = write_text(&path, Ok("x".repeat(100)), &Progress::none(), Some(99));
        assert!(
            matches!(
                refused,
                Err(SaveError::TooLarge {
                    size: 100,
                    limit: 99,
                    ..
                })
            ),
            "{refused:?}"
        );
        assert!(!path.exists(), "nothing written");
        assert!(write_text(&path, Ok("x".repeat(99)), &Progress::none(), Some(99)).is_ok());
    }

    #[test]
    fn each_hidden_range_is_found_at_its_edges() {
        let hidden = [
            '\u{0}',
            '\u{1f}',
            '\u{7f}',
            '\u{80}',
            '\u{9f}',
            '\u{ad}',
            '\u{61c}',
            '\u{200b}',
            '\u{200f}',
            '\u{2028}',
            '\u{202e}',
            '\u{2060}',
            '\u{2066}',
            '\u{206f}',
            '\u{feff}',
            '\u{fffa}',
            '\u{e0001}',
            '\u{e0041}',
        ];
        for c in hidden {
            assert!(has_hidden(&format!("é{c}b")), "{c:?}");
        }
        let shown = [
            '\n', '\t', ' ', '\u{a0}', '\u{200a}', '\u{2010}', '\u{2027}', '\u{202f}', 'é', '’',
        ];
        for c in shown {
            assert!(!has_hidden(&format!("é{c}b")), "{c:?}");
        }
    }
}
