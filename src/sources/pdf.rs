//! PDF: the text layer of each page, read with `pdf-extract` (on `lopdf`), page by page so
//! that every paragraph knows its page. Lines and paragraphs are inferred from the glyphs'
//! positions: a line break where the text moves down, a paragraph where it moves down by more
//! than one and a half lines. A PDF protected by a user password is refused; one protected
//! only against editing (an empty user password) is read. A PDF whose pages hold no text is a
//! scan: it needs OCR first.
//!
//! `pdf-extract` panics on some unusual files: run it under [`super::extract_isolated`] (the
//! child catches the panic) whenever the document is not trusted.

use super::{ExtractError, Extracted};
use pdf_extract::{Document, Error as PdfError, OutputError, PlainTextOutput, output_doc_page};
use std::path::Path;

/// The source text of a PDF.
pub(super) fn extract(bytes: &[u8], path: &Path) -> Result<Extracted, ExtractError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| failed(path, &e))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ExtractError::Encrypted {
            path: path.to_owned(),
        });
    }
    let pages = doc.get_pages();
    let count = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    let mut out = Extracted {
        paragraphs: Vec::new(),
        pages: Some(count),
    };
    for &number in pages.keys() {
        let mut text = String::new();
        output_doc_page(&doc, &mut PlainTextOutput::new(&mut text), number).map_err(
            |e| match e {
                OutputError::PdfError(e) => failed(path, &e),
                other => corrupt(path, &other),
            },
        )?;
        out.push(&text, Some(number));
    }
    if out.paragraphs.is_empty() && count > 0 {
        return Err(ExtractError::NoTextLayer {
            path: path.to_owned(),
            pages: count,
        });
    }
    Ok(out)
}

fn failed(path: &Path, e: &PdfError) -> ExtractError {
    match e {
        PdfError::Decryption(_) => ExtractError::Encrypted {
            path: path.to_owned(),
        },
        other => corrupt(path, other),
    }
}

fn corrupt(path: &Path, e: &dyn std::fmt::Display) -> ExtractError {
    ExtractError::Corrupt {
        path: path.to_owned(),
        format: "PDF",
        detail: e.to_string(),
    }
}
