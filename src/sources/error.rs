//! Why a document could not be read: each error names the file and says what to do.

use std::path::PathBuf;
use thiserror::Error;

/// A document that gave no source text.
#[derive(Debug, Error)]
pub enum ExtractError {
    /// No file at that path.
    #[error("{}: no such file", path.display())]
    NotFound {
        /// The document.
        path: PathBuf,
    },
    /// A folder, a device…
    #[error("{}: not a file", path.display())]
    NotAFile {
        /// The document.
        path: PathBuf,
    },
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The document.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Over [`crate::sources::MAX_DOCUMENT_SIZE`].
    #[error("{}: the file is {size} bytes, more than a source document may have ({} bytes)", path.display(), super::MAX_DOCUMENT_SIZE)]
    TooLarge {
        /// The document.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The extension names no supported format.
    #[error(
        "{}: unsupported kind of document; source texts are read from .txt, .md, .html, .htm, .docx, .odt and .pdf files",
        path.display()
    )]
    Unsupported {
        /// The document.
        path: PathBuf,
    },
    /// The bytes are not what the extension says.
    #[error("{}: named as {named} but the file is {actual}; rename it or save it again in the right format", path.display())]
    Mismatch {
        /// The document.
        path: PathBuf,
        /// The format its extension names.
        named: &'static str,
        /// What its first bytes say.
        actual: &'static str,
    },
    /// A text file that is not UTF-8.
    #[error("{}: not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8", path.display())]
    NotUtf8 {
        /// The document.
        path: PathBuf,
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// A DOCX or ODT whose zip archive or XML cannot be read.
    #[error("{}: damaged {format} file ({detail}); open it in its editor and save it again", path.display())]
    Corrupt {
        /// The document.
        path: PathBuf,
        /// Which format.
        format: &'static str,
        /// What is wrong, as the reader said it.
        detail: String,
    },
    /// A PDF protected by a password.
    #[error("{}: the PDF is encrypted (password-protected); save an unprotected copy", path.display())]
    Encrypted {
        /// The document.
        path: PathBuf,
    },
    /// A PDF whose pages hold no text.
    #[error("{}: no text layer ({pages} page{} without text): scanned image? run OCR first", path.display(), if *pages == 1 { "" } else { "s" })]
    NoTextLayer {
        /// The document.
        path: PathBuf,
        /// Its number of pages.
        pages: u32,
    },
    /// A document with no text at all.
    #[error("{}: the document holds no text", path.display())]
    Empty {
        /// The document.
        path: PathBuf,
    },
    /// The reader panicked on this document (caught in the child).
    #[error("{}: the {format} reader failed on this document ({detail}); it may be damaged or unusual: try saving it again, or as another format", path.display())]
    ReaderFailed {
        /// The document.
        path: PathBuf,
        /// Which reader.
        format: &'static str,
        /// The reader's own words.
        detail: String,
    },
    /// The child did not finish within its time limit and was stopped.
    #[error("{}: reading the document took more than {seconds} s and was stopped; is it unusually large or damaged?", path.display())]
    TimedOut {
        /// The document.
        path: PathBuf,
        /// The limit.
        seconds: u64,
    },
    /// The child went over its memory limit.
    #[error("{}: reading the document needed more than {limit_mb} MB of memory and was stopped; is it unusually large or damaged?", path.display())]
    OutOfMemory {
        /// The document.
        path: PathBuf,
        /// The limit, in megabytes.
        limit_mb: u64,
    },
    /// The child ended without saying why (killed, out of memory…).
    #[error("{}: the document reader stopped ({how}); the document may be too large or damaged", path.display())]
    Crashed {
        /// The document.
        path: PathBuf,
        /// How it ended.
        how: String,
    },
    /// The child could not be started.
    #[error("{}: cannot start the document reader ({program}): {source}", path.display())]
    Spawn {
        /// The document.
        path: PathBuf,
        /// The program run.
        program: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The child refused the document: its message, which names the file.
    #[error("{message}")]
    Reported {
        /// The document.
        path: PathBuf,
        /// What the child said.
        message: String,
    },
}
