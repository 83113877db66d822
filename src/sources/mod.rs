//! Source documents: reading them into source text (`.txt`, `.md`, `.html`/`.htm`, `.docx`,
//! `.odt`, `.pdf` with a text layer), finding them beside a dossier, and verifying that every
//! citation's excerpt is in its source text.
//!
//! - [`extract`] reads a document in this process (tests, benches, the child below);
//!   [`extract_isolated`] runs `visavis extract` in a child process with a time and a memory
//!   limit, so that a hostile document never takes the caller down.
//! - [`Extracted::to_text`] is what `visavis extract` prints and what the child sends back:
//!   paragraphs separated by one blank line, each PDF page after the first opened by a line
//!   holding only a form feed (U+000C).
//! - [`verify`] anchors a quote by its text, never by offsets: [`SourceText`] is built from a
//!   fresh extraction each time, so a re-extracted or corrected document shifts nothing.
//! - [`find`] says where a source's document is looked for: `--sources DIR`,
//!   `VISAVIS_SOURCES_DIR`, then the folder of the session or dossier file.

pub mod draft;
mod error;
pub mod find;
mod html;
mod isolate;
mod pdf;
mod text;
pub mod verify;
mod zipped;

pub use error::{ExtractError, FRENCH_LINE};
pub use find::{SourceDirs, SourceTexts, Unavailable, read_sources, resolve};
pub use isolate::{Limits, extract_isolated, run_child};
pub use verify::{
    Checked, CitationRef, Closest, Located, SourceText, Tally, Verification, verify, verify_dossier,
};

use std::path::Path;

/// Documents larger than this are refused before being read.
pub const MAX_DOCUMENT_SIZE: u64 = 256 * 1024 * 1024;

/// The line that opens each page of a PDF after the first in [`Extracted::to_text`].
pub const PAGE_BREAK: &str = "\u{c}";

/// The plain text of one document, paragraph by paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The paragraphs in reading order; none is empty or holds a blank line.
    pub paragraphs: Vec<Paragraph>,
    /// Number of pages, for a paged document (PDF); `None` otherwise.
    pub pages: Option<u32>,
}

/// One paragraph of source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, single line breaks kept (a PDF's lines, a `<br>`); no blank line inside.
    pub text: String,
    /// The page it starts on (from 1), for a paged document.
    pub page: Option<u32>,
}

/// Where a passage is in its document, as a citation's `location` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A page of a PDF, from 1.
    Page(u32),
    /// A paragraph of any other document, from 1.
    Paragraph(usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Page(n) => write!(f, "p. {n}"),
            Self::Paragraph(n) => write!(f, "§ {n}"),
        }
    }
}

/// The formats a document can have, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: plain UTF-8 text.
    Text,
    /// `.md`: Markdown, read as plain text.
    Markdown,
    /// `.html`, `.htm`.
    Html,
    /// `.docx` (Word).
    Docx,
    /// `.odt` (`OpenDocument` text).
    Odt,
    /// `.pdf`, its text layer.
    Pdf,
}

impl Format {
    /// The format named by `path`'s extension, in any case.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Self::Text,
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            "docx" => Self::Docx,
            "odt" => Self::Odt,
            "pdf" => Self::Pdf,
            _ => return None,
        })
    }

    /// Whether reading it runs a parser complex enough to be isolated in a child process
    /// (everything but plain text and Markdown).
    #[must_use]
    pub fn needs_isolation(self) -> bool {
        !matches!(self, Self::Text | Self::Markdown)
    }

    /// What a user calls it, in messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
            Self::Docx => "DOCX",
            Self::Odt => "ODT",
            Self::Pdf => "PDF",
        }
    }
}

/// What the first bytes of a file say it is, whatever its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Magic {
    Pdf,
    Zip,
    Html,
    Other,
}

fn sniff(bytes: &[u8]) -> Magic {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let head: Vec<u8> = start.iter().take(64).map(u8::to_ascii_lowercase).collect();
    if bytes.starts_with(b"%PDF")
        || bytes
            .get(..1024)
            .is_some_and(|h| h.windows(5).any(|w| w == b"%PDF-"))
    {
        Magic::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Magic::Zip
    } else if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        Magic::Html
    } else {
        Magic::Other
    }
}

/// Read the document at `path` into source text, in this process.
///
/// # Errors
/// When the file is missing or unreadable, its extension is not a supported format, its bytes
/// are not what the extension says, it is damaged, encrypted, has no text (a scanned PDF), or
/// holds no text at all. Each error names the file.
pub fn extract(path: &Path) -> Result<Extracted, ExtractError> {
    let format = Format::of(path).ok_or_else(|| ExtractError::Unsupported {
        path: path.to_owned(),
    })?;
    let bytes = read(path)?;
    extract_bytes(&bytes, format, path)
}

fn read(path: &Path) -> Result<Vec<u8>, ExtractError> {
    let io = |source| ExtractError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            ExtractError::NotFound {
                path: path.to_owned(),
            }
        } else {
            io(e)
        }
    })?;
    if meta.is_dir() {
        return Err(ExtractError::NotAFile {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_DOCUMENT_SIZE {
        return Err(ExtractError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    std::fs::read(path).map_err(io)
}

/// Read `bytes`, the content of the document `path` in `format`.
///
/// # Errors
/// As [`extract`], once the file is read.
pub fn extract_bytes(bytes: &[u8], format: Format, path: &Path) -> Result<Extracted, ExtractError> {
    let magic = sniff(bytes);
    let expected = match format {
        Format::Pdf => Magic::Pdf,
        Format::Docx | Format::Odt => Magic::Zip,
        Format::Html => Magic::Html,
        Format::Text | Format::Markdown => Magic::Other,
    };
    let html_ok = format == Format::Html && magic == Magic::Other;
    let text_ok = matches!(format, Format::Text | Format::Markdown) && magic == Magic::Html;
    if magic != expected && !html_ok && !text_ok {
        return Err(ExtractError::Mismatch {
            path: path.to_owned(),
            named: format.name(),
            actual: match magic {
                Magic::Pdf => "a PDF",
                Magic::Zip => "a zip archive (DOCX, ODT…)",
                Magic::Html => "an HTML page",
                Magic::Other if bytes.is_empty() => "empty",
                Magic::Other => "not in that format",
            },
        });
    }
    let extracted = match format {
        Format::Text | Format::Markdown => text::extract(&utf8(bytes, path)?),
        Format::Html => html::extract(&String::from_utf8_lossy(bytes)),
        Format::Docx => zipped::docx(bytes, path)?,
        Format::Odt => zipped::odt(bytes, path)?,
        Format::Pdf => pdf::extract(bytes, path)?,
    };
    if extracted.paragraphs.is_empty() {
        return Err(ExtractError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(extracted)
}

fn utf8(bytes: &[u8], path: &Path) -> Result<String, ExtractError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| ExtractError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

impl Extracted {
    /// Paragraphs from blocks of text in reading order: each block is cleaned (control
    /// characters dropped, spaces at line ends trimmed, blank lines inside split it) and empty
    /// ones are left out.
    #[must_use]
    pub fn from_blocks<'a>(blocks: impl IntoIterator<Item = (&'a str, Option<u32>)>) -> Self {
        let mut out = Self::default();
        for (block, page) in blocks {
            out.push(block, page);
        }
        out
    }

    /// Add one block of text (see [`Extracted::from_blocks`]).
    pub fn push(&mut self, block: &str, page: Option<u32>) {
        let mut current = String::new();
        for line in block.split('\n') {
            let line: String = line
                .chars()
                .filter(|&c| c == '\t' || !c.is_control())
                .collect();
            let line = line.trim_end();
            if line.trim().is_empty() {
                self.flush(&mut current, page);
            } else {
                if !current.is_empty() {
                    current.push('\n');
                }
                current.push_str(line);
            }
        }
        self.flush(&mut current, page);
    }

    fn flush(&mut self, current: &mut String, page: Option<u32>) {
        if !current.is_empty() {
            self.paragraphs.push(Paragraph {
                text: std::mem::take(current),
                page,
            });
        }
    }

    /// The text `visavis extract` prints: paragraphs separated by one blank line; in a paged
    /// document each page after the first opens with a [`PAGE_BREAK`] line (one per page, so
    /// that empty pages still count). Ends with a line break.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut page = 1;
        for p in &self.paragraphs {
            while p.page.is_some_and(|n| n > page) {
                out.push_str(PAGE_BREAK);
                out.push_str("\n\n");
                page += 1;
            }
            out.push_str(&p.text);
            out.push_str("\n\n");
        }
        while self.pages.is_some_and(|n| n > page) {
            out.push_str(PAGE_BREAK);
            out.push_str("\n\n");
            page += 1;
        }
        if out.ends_with("\n\n") {
            out.pop();
        }
        out
    }

    /// Read back what [`Extracted::to_text`] wrote; `paged` says whether the document is a
    /// PDF (its paragraphs then carry page numbers).
    #[must_use]
    pub fn from_text(text: &str, paged: bool) -> Self {
        let mut out = Self::default();
        let mut page = 1;
        for block in text.trim_end_matches('\n').split("\n\n") {
            if block == PAGE_BREAK {
                page += 1;
            } else if !block.is_empty() {
                out.paragraphs.push(Paragraph {
                    text: block.to_owned(),
                    page: paged.then_some(page),
                });
            }
        }
        out.pages = paged.then_some(page);
        out
    }

    /// Where paragraph `index` (from 0) is: its page in a paged document, else its number.
    #[must_use]
    pub fn place(&self, index: usize) -> Place {
        match self.paragraphs.get(index).and_then(|p| p.page) {
            Some(page) => Place::Page(page),
            None => Place::Paragraph(index + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_through_the_printed_form_with_its_pages() {
        let mut e = Extracted::from_blocks([
            ("Premier paragraphe,\nsur deux lignes.", Some(1)),
            ("Deuxième.", Some(1)),
            ("Page trois, après une page vide.", Some(3)),
        ]);
        e.pages = Some(4);
        let text = e.to_text();
        assert_eq!(
            text,
            "Premier paragraphe,\nsur deux lignes.\n\nDeuxième.\n\n\u{c}\n\n\u{c}\n\nPage trois, après une page vide.\n\n\u{c}\n"
        );
        assert_eq!(Extracted::from_text(&text, true), e);
        assert_eq!(e.place(2), Place::Page(3));
    }

    #[test]
    fn blocks_are_cleaned_and_split_at_blank_lines() {
        let e = Extracted::from_blocks([("  un \u{7}\n\n \n deux  \n", None)]);
        let texts: Vec<_> = e.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["  un", " deux"]);
        assert_eq!(e.place(1), Place::Paragraph(2));
    }

    #[test]
    fn magic_bytes_are_recognised() {
        assert_eq!(sniff(b"%PDF-1.4\n"), Magic::Pdf);
        assert_eq!(sniff(b"PK\x03\x04rest"), Magic::Zip);
        assert_eq!(sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"), Magic::Html);
        assert_eq!(sniff(b"Bonjour"), Magic::Other);
    }
}
