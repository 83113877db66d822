//! What can go wrong reading or writing a session, with the file, line and column where it
//! comes from a file, in the compiler's `FILE:LINE:COL: message` form.

use super::messages::SyntaxFault;
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

/// A place in a file, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Why a file could not be opened as a session. The session open in the window is untouched.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The path names a named pipe, a device or a socket: reading it could wait for ever.
    #[error("{}: this is {what}, not a file; Vis-à-vis reads sessions from files", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is, in English ("a named pipe"); [`NotAFileKind`] words it in French.
        what: NotAFileKind,
    },
    /// The file is larger than [`super::MAX_FILE_SIZE`].
    #[error("{}: the file is {size} bytes, more than the {limit} bytes a session may have; is it really a session? (`--max-size MB` reads it anyway)", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file has a problem at a known place: bad syntax, wrong type, unknown stance, bad bytes.
    #[error("{}:{at}: {fault}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where.
        at: Location,
        /// What is wrong, rendered in either language ([`SyntaxFault::in_lang`]).
        fault: SyntaxFault,
    },
    /// The file was written by a newer version of Vis-à-vis.
    #[error("{}:{at}: this session has format {found}, newer than the format {supported} this version of Vis-à-vis reads; update Vis-à-vis to open it", path.display())]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// Where the format number is.
        at: Location,
        /// The file's format.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// The file parsed but its content is inconsistent (duplicate ids, dangling references…).
    #[error("{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// Every problem found.
        problems: Vec<FileProblem>,
    },
}

/// What a path that is not a regular file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFileKind {
    /// A FIFO.
    Pipe,
    /// A character or block device.
    Device,
    /// A socket or anything else.
    Other,
}

impl fmt::Display for NotAFileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotAFileKind::Pipe => "a named pipe",
            NotAFileKind::Device => "a device",
            NotAFileKind::Other => "a socket or special file",
        })
    }
}

/// One consistency problem in a file, located where possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// The file.
    pub path: PathBuf,
    /// Where the item at fault is written, if found.
    pub at: Option<Location>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some(at) => write!(f, "{}:{at}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl LoadError {
    /// Each problem on its own line, in the `FILE:LINE:COL: message` form.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { problems } => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

/// Why a session could not be saved. The previous file on disk is intact and the session in
/// memory keeps its unsaved changes.
#[derive(Debug, Error)]
pub enum SaveError {
    /// Writing, syncing or renaming failed.
    #[error("{}: cannot save: {source}", path.display())]
    Io {
        /// The target file.
        path: PathBuf,
        /// The system's reason (read-only folder, disk full, folder gone…).
        source: std::io::Error,
    },
    /// The target's permissions say it must not change.
    #[error("{}: the file is read-only; make it writable, or choose another name", path.display())]
    ReadOnly {
        /// The target file.
        path: PathBuf,
    },
    /// The file would be larger than Vis-à-vis opens; nothing was written.
    #[error("{}: the file would be {size} bytes, more than the {limit} bytes Vis-à-vis opens; nothing was written", path.display())]
    TooLarge {
        /// The target file.
        path: PathBuf,
        /// The size it would have.
        size: u64,
        /// The load limit.
        limit: u64,
    },
    /// A report or an export would replace a session or a dossier.
    #[error("{}: this file is a session or a dossier; choose another name for the report (or pass --force)", path.display())]
    WouldReplaceSession {
        /// The target file.
        path: PathBuf,
    },
    /// The session could not be turned into RON (a bug: please report it).
    #[error("{}: cannot write the session as RON: {message}", path.display())]
    Encode {
        /// The target file.
        path: PathBuf,
        /// The encoder's message.
        message: String,
    },
}
