//! Reading and writing session files — the only module that touches the file system for
//! sessions. RON, deterministic (same session → same bytes), versioned with migration, saved
//! atomically with a `.bak`, autosaved to a recovery file.

mod atomic;
mod error;
mod format;
mod hint;
mod load;
mod messages;
pub mod recovery;

pub use atomic::{WRITE_SHARE_FROM, backup_path};
pub use error::{FileProblem, LoadError, Location, SaveError};
pub use format::CURRENT_FORMAT;
pub use load::{
    Loaded, MAX_FILE_SIZE, MAX_PROBLEMS, MAX_WARNINGS, Origin, load, load_bytes, load_with,
};
pub use messages::{NotRon, SyntaxFault, Warning};

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
fn is_hidden(c: char) -> bool {
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
    write_text(path, dossier_to_ron(dossier), &Progress::none())
}

/// Save `session` to `path` atomically, keeping the previous file as `path.bak`.
///
/// # Errors
/// When the folder is read-only or gone, the disk is full, etc.; the old file is intact.
pub fn save(session: &Session, path: &Path) -> Result<(), SaveError> {
    save_with(session, path, &Progress::none())
}

/// [`save`], reporting into `progress`; a cancel before the new file replaces the old one
/// leaves the old one untouched (the error then says `Interrupted`).
///
/// # Errors
/// As [`save`].
pub fn save_with(session: &Session, path: &Path, progress: &Progress) -> Result<(), SaveError> {
    write_text(path, to_ron(session), progress)
}

fn write_text(
    path: &Path,
    text: Result<String, ron::Error>,
    progress: &Progress,
) -> Result<(), SaveError> {
    let text = text.map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    progress.set(atomic::WRITE_SHARE_FROM);
    atomic::write_atomic(path, text.as_bytes(), progress).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Write an exported file (a gap report) to `path` atomically: a reader never sees a
/// half-written report, and a report already at `path` is kept as `path.bak`.
///
/// # Errors
/// When the folder is read-only or gone, the disk is full, etc.; a previous file is intact.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_export_with(path, bytes, &Progress::none())
}

/// [`write_export`], reporting into `progress` and stopping, with the previous file intact, when
/// cancelled before the rename.
///
/// # Errors
/// As [`write_export`].
pub fn write_export_with(path: &Path, bytes: &[u8], progress: &Progress) -> Result<(), SaveError> {
    atomic::write_atomic(path, bytes, progress).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
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
