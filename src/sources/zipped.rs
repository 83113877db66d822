//! DOCX and ODT: the paragraphs of the document's body, read from its zip archive with `zip`
//! (deflate only) and `quick-xml`.
//!
//! - DOCX (`word/document.xml`): one paragraph per `w:p` (table cells and list items are
//!   paragraphs too); the text of `w:t` runs, hyperlinks' runs included; `w:tab` is a tab,
//!   `w:br` and `w:cr` a line break, `w:noBreakHyphen` a hyphen, `w:softHyphen` U+00AD.
//!   Deleted revisions (`w:delText`), field codes, headers, footers and notes are left out.
//! - ODT (`content.xml`): one paragraph per `text:p` and `text:h` (in lists and tables too);
//!   `text:span` and links are inline; `text:s` is `c` spaces, `text:tab` a tab,
//!   `text:line-break` a line break; other white space collapses as ODF says; comments
//!   (`office:annotation`) and tracked deletions are left out.

use super::{ExtractError, Extracted, MAX_DOCUMENT_SIZE};
use quick_xml::events::{BytesRef, Event};
use std::io::Read;
use std::path::Path;

/// The source text of a DOCX file.
pub(super) fn docx(bytes: &[u8], path: &Path) -> Result<Extracted, ExtractError> {
    let xml = entry(bytes, path, Kind::Docx)?;
    let mut doc = Builder::default();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| corrupt(path, Kind::Docx, &e))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" => doc.paragraph(),
                b"t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"p" => doc.paragraph(),
                b"tab" => doc.push_str("\t"),
                b"br" | b"cr" => doc.push_str("\n"),
                b"noBreakHyphen" => doc.push_str("-"),
                b"softHyphen" => doc.push_str("\u{ad}"),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"p" => doc.paragraph(),
                b"t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                let text = t
                    .xml10_content()
                    .map_err(|e| corrupt(path, Kind::Docx, &e))?;
                doc.push_str(&text);
            }
            Event::GeneralRef(r) if in_text => doc.push_ref(&r, path, Kind::Docx)?,
            Event::CData(t) if in_text => doc.push_str(&String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(doc.finish())
}

/// The source text of an ODT file.
pub(super) fn odt(bytes: &[u8], path: &Path) -> Result<Extracted, ExtractError> {
    let xml = entry(bytes, path, Kind::Odt)?;
    let mut doc = Builder::default();
    let mut reader = quick_xml::Reader::from_str(&xml);
    // Depth inside elements whose text is not the document's (comments, tracked deletions).
    let mut hidden = 0usize;
    let mut in_paragraph = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| corrupt(path, Kind::Odt, &e))?;
        match event {
            Event::Start(e) => {
                let name = e.name();
                match name.as_ref() {
                    b"office:annotation" | b"text:tracked-changes" | b"text:note-citation" => {
                        hidden += 1;
                    }
                    _ if hidden > 0 => {}
                    b"text:p" | b"text:h" => {
                        doc.paragraph();
                        in_paragraph += 1;
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.name();
                match name.as_ref() {
                    b"office:annotation" | b"text:tracked-changes" | b"text:note-citation" => {
                        hidden = hidden.saturating_sub(1);
                    }
                    _ if hidden > 0 => {}
                    b"text:p" | b"text:h" => {
                        doc.paragraph();
                        in_paragraph = in_paragraph.saturating_sub(1);
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if hidden == 0 => match e.name().as_ref() {
                b"text:p" | b"text:h" => doc.paragraph(),
                b"text:s" => {
                    let count = e
                        .try_get_attribute("text:c")
                        .ok()
                        .flatten()
                        .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
                        .unwrap_or(1usize)
                        .min(1000);
                    doc.push_str(&" ".repeat(count));
                }
                b"text:tab" => doc.push_str("\t"),
                b"text:line-break" => doc.push_str("\n"),
                _ => {}
            },
            Event::Text(t) if hidden == 0 && in_paragraph > 0 => {
                let text = t
                    .xml10_content()
                    .map_err(|e| corrupt(path, Kind::Odt, &e))?;
                doc.push_collapsed(&text);
            }
            Event::GeneralRef(r) if hidden == 0 && in_paragraph > 0 => {
                doc.push_ref(&r, path, Kind::Odt)?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(doc.finish())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Docx,
    Odt,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Self::Docx => "DOCX",
            Self::Odt => "ODT",
        }
    }

    fn part(self) -> &'static str {
        match self {
            Self::Docx => "word/document.xml",
            Self::Odt => "content.xml",
        }
    }
}

fn corrupt(path: &Path, kind: Kind, e: &dyn std::fmt::Display) -> ExtractError {
    ExtractError::Corrupt {
        path: path.to_owned(),
        format: kind.name(),
        detail: e.to_string(),
    }
}

/// The XML part that holds the document's text, read with a bound on its size (a zip bomb
/// stops there).
fn entry(bytes: &[u8], path: &Path, kind: Kind) -> Result<String, ExtractError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| corrupt(path, kind, &format!("not a readable zip archive: {e}")))?;
    let other = match kind {
        Kind::Docx => Kind::Odt,
        Kind::Odt => Kind::Docx,
    };
    if archive.index_for_name(kind.part()).is_none() {
        if archive.index_for_name(other.part()).is_some() {
            return Err(ExtractError::Mismatch {
                path: path.to_owned(),
                named: kind.name(),
                actual: match other {
                    Kind::Docx => "a Word document (DOCX)",
                    Kind::Odt => "an OpenDocument text (ODT)",
                },
            });
        }
        return Err(corrupt(
            path,
            kind,
            &format!("the archive has no {}", kind.part()),
        ));
    }
    let file = archive
        .by_name(kind.part())
        .map_err(|e| corrupt(path, kind, &format!("{}: {e}", kind.part())))?;
    let mut xml = Vec::new();
    file.take(MAX_DOCUMENT_SIZE + 1)
        .read_to_end(&mut xml)
        .map_err(|e| corrupt(path, kind, &format!("{}: {e}", kind.part())))?;
    if xml.len() as u64 > MAX_DOCUMENT_SIZE {
        return Err(corrupt(
            path,
            kind,
            &format!(
                "{} unpacks to more than {MAX_DOCUMENT_SIZE} bytes",
                kind.part()
            ),
        ));
    }
    String::from_utf8(xml)
        .map_err(|e| corrupt(path, kind, &format!("{} is not UTF-8: {e}", kind.part())))
}

/// Paragraphs as they are read.
#[derive(Default)]
struct Builder {
    out: Extracted,
    current: String,
}

impl Builder {
    fn paragraph(&mut self) {
        if !self.current.is_empty() {
            self.out.push(&self.current, None);
            self.current.clear();
        }
    }

    fn push_str(&mut self, s: &str) {
        self.current.push_str(s);
    }

    /// ODF white space: runs of spaces, tabs and line ends in the XML are one space, none at a
    /// paragraph's start.
    fn push_collapsed(&mut self, s: &str) {
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn push_ref(&mut self, r: &BytesRef<'_>, path: &Path, kind: Kind) -> Result<(), ExtractError> {
        let c = match r.resolve_char_ref().map_err(|e| corrupt(path, kind, &e))? {
            Some(c) => c,
            None => match r.decode().map_err(|e| corrupt(path, kind, &e))?.as_ref() {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                other => return Err(corrupt(path, kind, &format!("unknown entity &{other};"))),
            },
        };
        self.current.push(c);
        Ok(())
    }

    fn finish(mut self) -> Extracted {
        self.paragraph();
        self.out
    }
}
