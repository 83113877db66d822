//! Why a document could not be read: each error names the file and says what to do.

use crate::i18n::Lang;
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
        /// The same in French, when the child said it too ([`FRENCH_LINE`]).
        french: Option<String>,
    },
}

/// Starts the line on which the reader's child process repeats its refusal in French, after
/// the English one, so that the window can show it in the user's language.
pub const FRENCH_LINE: &str = "visavis-fr: ";

impl ExtractError {
    /// The error in `lang`: the file, then what is wrong and what to do.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let (path, what) = match self {
            Self::NotFound { path } => (path, "fichier introuvable".to_owned()),
            Self::NotAFile { path } => (path, "ce n’est pas un fichier".to_owned()),
            Self::Io { path, source } => (path, format!("lecture impossible ({source})")),
            Self::TooLarge { path, size } => (
                path,
                format!(
                    "le fichier fait {size} octets, plus qu’un document source ne peut en avoir ({} octets)",
                    super::MAX_DOCUMENT_SIZE
                ),
            ),
            Self::Unsupported { path } => (
                path,
                "type de document non pris en charge\u{a0}; les textes sources se lisent dans les fichiers .txt, .md, .html, .htm, .docx, .odt et .pdf".to_owned(),
            ),
            Self::Mismatch {
                path,
                named,
                actual,
            } => {
                let is = match *actual {
                    "a PDF" => "est un PDF",
                    "a zip archive (DOCX, ODT…)" => "est une archive zip (DOCX, ODT…)",
                    "an HTML page" => "est une page HTML",
                    "empty" => "est vide",
                    "a Word document (DOCX)" => "est un document Word (DOCX)",
                    "an OpenDocument text (ODT)" => "est un texte OpenDocument (ODT)",
                    _ => "n’est pas dans ce format",
                };
                (
                    path,
                    format!("nommé comme un fichier {named}, mais le fichier {is}\u{a0}: renommez-le ou enregistrez-le à nouveau au bon format"),
                )
            }
            Self::NotUtf8 { path, offset } => (
                path,
                format!("texte qui n’est pas en UTF-8 (octet invalide à la position {offset})\u{a0}: enregistrez-le en UTF-8"),
            ),
            Self::Corrupt {
                path,
                format,
                detail,
            } => (
                path,
                format!("fichier {format} endommagé ({detail})\u{a0}: ouvrez-le dans son éditeur et enregistrez-le à nouveau"),
            ),
            Self::Encrypted { path } => (
                path,
                "PDF chiffré (protégé par un mot de passe)\u{a0}: enregistrez-en une copie non protégée".to_owned(),
            ),
            Self::NoTextLayer { path, pages } => (
                path,
                format!(
                    "aucune couche de texte ({pages} page{} sans texte)\u{a0}: une image numérisée\u{a0}? passez-la d’abord à la reconnaissance de caractères (OCR)",
                    if *pages == 1 { "" } else { "s" }
                ),
            ),
            Self::Empty { path } => (path, "le document ne contient aucun texte".to_owned()),
            Self::ReaderFailed {
                path,
                format,
                detail,
            } => (
                path,
                format!("le lecteur {format} a échoué sur ce document ({detail})\u{a0}; il est peut-être endommagé ou inhabituel\u{a0}: enregistrez-le à nouveau, ou dans un autre format"),
            ),
            Self::TimedOut { path, seconds } => (
                path,
                format!("la lecture a pris plus de {seconds} s et a été arrêtée\u{a0}; le document est-il très grand ou endommagé\u{a0}?"),
            ),
            Self::OutOfMemory { path, limit_mb } => (
                path,
                format!("la lecture demandait plus de {limit_mb} Mo de mémoire et a été arrêtée\u{a0}; le document est-il très grand ou endommagé\u{a0}?"),
            ),
            Self::Crashed { path, how } => (
                path,
                format!("le lecteur de documents s’est arrêté ({how})\u{a0}; le document est peut-être trop grand ou endommagé"),
            ),
            Self::Spawn {
                path,
                program,
                source,
            } => (
                path,
                format!("impossible de lancer le lecteur de documents ({program})\u{a0}: {source}"),
            ),
            Self::Reported {
                message, french, ..
            } => return french.clone().unwrap_or_else(|| message.clone()),
        };
        format!("{}\u{a0}: {what}", path.display())
    }
}
