//! What a document says of itself: its title and creation date, where its format has them.
//!
//! - DOCX: `docProps/core.xml`, `dc:title` and `dcterms:created`;
//! - ODT: `meta.xml`, `dc:title` and `meta:creation-date`;
//! - HTML: `<title>`;
//! - PDF: the document information dictionary the trailer names (`/Info N G R`), its `/Title`
//!   and `/CreationDate`, when that object is written in the clear (not in a compressed object
//!   stream): a scan of the bytes, no parser.
//!
//! These parts are small and read in this process, with a bound on their size, after the
//! isolated reader has accepted the document; a panic of a reader here only loses the metadata
//! (the caller runs [`read`] under `catch_unwind`).

use crate::sources::Format;
use quick_xml::events::Event;
use std::io::Read;

/// A metadata part larger than this is not read.
const MAX_PART: u64 = 1024 * 1024;

/// A document's own title and creation date, each when it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The title, white space normalised; `None` when absent or blank.
    pub title: Option<String>,
    /// The creation date as an ISO date (`2020-07-21`), when it reads as one.
    pub date: Option<String>,
}

/// The metadata of `bytes`, a document in `format`; empty when it has none or it cannot be
/// read.
#[must_use]
pub fn read(bytes: &[u8], format: Format) -> Meta {
    let meta = match format {
        Format::Docx => zipped(bytes, "docProps/core.xml", b"title", b"created"),
        Format::Odt => zipped(bytes, "meta.xml", b"title", b"creation-date"),
        Format::Html => Meta {
            title: html_title(&String::from_utf8_lossy(bytes)),
            date: None,
        },
        Format::Pdf => pdf(bytes),
        Format::Text | Format::Markdown => Meta::default(),
    };
    Meta {
        title: meta.title.map(|t| normalise(&t)).filter(|t| !t.is_empty()),
        date: meta.date.as_deref().and_then(iso_date),
    }
}

/// Runs of white space as one space, none at the ends.
pub(super) fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `YYYY-MM-DD` at the start of `text` (`2020-07-21T10:00:00Z`), or `YYYYMMDD` (a PDF's
/// `D:20200721…`), when it is a plausible date.
pub(super) fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text.strip_prefix("D:").unwrap_or(text);
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|s| s.iter().all(u8::is_ascii_digit))
            .map(|_| &text[r])
    };
    let (y, m, d) = if b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        (digits(0..4)?, digits(5..7)?, digits(8..10)?)
    } else {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?)
    };
    plausible(y, m, d).then(|| format!("{y}-{m}-{d}"))
}

/// Whether year, month and day (as digits) make a date a document may have.
pub(super) fn plausible(y: &str, m: &str, d: &str) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    (1900..=2199).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// The text of the first elements named `title` and `date` (local names) of a zip entry.
fn zipped(bytes: &[u8], part: &str, title: &[u8], date: &[u8]) -> Meta {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Meta::default();
    };
    let Ok(file) = archive.by_name(part) else {
        return Meta::default();
    };
    let mut xml = Vec::new();
    if file.take(MAX_PART).read_to_end(&mut xml).is_err() {
        return Meta::default();
    }
    let xml = String::from_utf8_lossy(&xml);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut meta = Meta::default();
    let mut current: Option<bool> = None; // Some(true): in the title; Some(false): the date.
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.local_name();
                current = if name.as_ref() == title && meta.title.is_none() {
                    Some(true)
                } else if name.as_ref() == date && meta.date.is_none() {
                    Some(false)
                } else {
                    None
                };
                text.clear();
            }
            Ok(Event::Text(t)) if current.is_some() => {
                if let Ok(t) = t.xml10_content() {
                    text.push_str(&t);
                }
            }
            Ok(Event::GeneralRef(r)) if current.is_some() => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else if let Ok(name) = r.decode() {
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::End(_)) => {
                match current.take() {
                    Some(true) => meta.title = Some(std::mem::take(&mut text)),
                    Some(false) => meta.date = Some(std::mem::take(&mut text)),
                    None => {}
                }
                if meta.title.is_some() && meta.date.is_some() {
                    break;
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    meta
}

/// The text of an HTML page's `<title>`, references decoded.
pub(super) fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    Some(crate::sources::html::decode_entities(&html[start..end]).into_owned())
}

/// The title and creation date of the information dictionary a PDF's trailer names.
fn pdf(bytes: &[u8]) -> Meta {
    let Some(object) = info_object(bytes) else {
        return Meta::default();
    };
    Meta {
        title: pdf_string(object, b"/Title"),
        date: pdf_string(object, b"/CreationDate"),
    }
}

/// The bytes of the object `/Info N G R` names, from `N G obj` to `endobj`.
fn info_object(bytes: &[u8]) -> Option<&[u8]> {
    let at = rfind(bytes, b"/Info")?;
    let rest = &bytes[at + 5..];
    let mut words = rest
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty());
    let number = words.next().filter(|w| w.iter().all(u8::is_ascii_digit))?;
    let generation = words.next().filter(|w| w.iter().all(u8::is_ascii_digit))?;
    if !words.next()?.starts_with(b"R") {
        return None;
    }
    let mut header = Vec::new();
    header.extend_from_slice(number);
    header.push(b' ');
    header.extend_from_slice(generation);
    header.extend_from_slice(b" obj");
    // The last definition wins (an incremental update writes the object again).
    let mut until = bytes.len();
    while let Some(start) = rfind(&bytes[..until], &header) {
        let preceded_by_digit = start > 0 && bytes[start - 1].is_ascii_digit();
        if !preceded_by_digit {
            let body = &bytes[start + header.len()..];
            let end = find(body, b"endobj").unwrap_or(body.len()).min(64 * 1024);
            return Some(&body[..end.min(body.len())]);
        }
        until = start + header.len() - 1;
    }
    None
}

/// The string after `key` in a dictionary: a literal `(…)` (escapes and nested parentheses
/// read) or a hexadecimal `<…>`, UTF-16 when it starts with its byte-order mark, else read as
/// Latin-1 (close to `PDFDocEncoding` for French text).
fn pdf_string(dict: &[u8], key: &[u8]) -> Option<String> {
    let mut from = 0;
    let at = loop {
        let i = from + find(&dict[from..], key)?;
        // `/Title` must not match `/TitleX`.
        let next = dict.get(i + key.len()).copied().unwrap_or(b' ');
        if !next.is_ascii_alphanumeric() {
            break i + key.len();
        }
        from = i + 1;
    };
    let rest = &dict[at..];
    let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let raw = match rest.first()? {
        b'(' => literal(&rest[1..]),
        b'<' => hex(&rest[1..])?,
        _ => return None,
    };
    Some(decode(&raw))
}

fn literal(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b'\\' => {
                at += 1;
                match bytes.get(at) {
                    Some(b'n') => out.push(b'\n'),
                    Some(b'r') => out.push(b'\r'),
                    Some(b't') => out.push(b'\t'),
                    Some(b'b') => out.push(8),
                    Some(b'f') => out.push(12),
                    Some(first @ b'0'..=b'7') => {
                        let mut value = u32::from(first - b'0');
                        let mut len = 1;
                        while len < 3 {
                            match bytes.get(at + 1) {
                                Some(digit @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(digit - b'0');
                                    at += 1;
                                    len += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(u8::try_from(value & 0xff).unwrap_or(b'?'));
                    }
                    Some(b'\r' | b'\n') | None => {}
                    Some(&other) => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(byte);
            }
            b')' if depth == 0 => break,
            b')' => {
                depth -= 1;
                out.push(byte);
            }
            _ => out.push(byte),
        }
        at += 1;
    }
    out
}

fn hex(s: &[u8]) -> Option<Vec<u8>> {
    let end = s.iter().position(|&b| b == b'>')?;
    let digits: Vec<u8> = s[..end]
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .copied()
        .collect();
    digits
        .chunks(2)
        .map(|pair| {
            let text = std::str::from_utf8(pair).ok()?;
            let value = u8::from_str_radix(text, 16).ok()?;
            // A last lone digit is followed by 0.
            Some(if pair.len() == 1 { value << 4 } else { value })
        })
        .collect()
}

fn decode(raw: &[u8]) -> String {
    if let Some(utf16) = raw.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = raw.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    raw.iter().map(|&b| char::from(b)).collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip(files: &[(&str, &str)]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, body) in files {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("start");
            z.write_all(body.as_bytes()).expect("write");
        }
        z.finish().expect("finish").into_inner()
    }

    #[test]
    fn docx_and_odt_give_their_title_and_creation_date() {
        let docx = zip(&[(
            "docProps/core.xml",
            r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Dossier de presse &amp; annexes</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2020-07-21T08:00:00Z</dcterms:created></cp:coreProperties>"#,
        )]);
        assert_eq!(
            read(&docx, Format::Docx),
            Meta {
                title: Some("Dossier de presse & annexes".into()),
                date: Some("2020-07-21".into())
            }
        );
        let odt = zip(&[(
            "meta.xml",
            r"<office:document-meta><office:meta><meta:creation-date>2020-05-25T10:00:00</meta:creation-date><dc:title>  Contribution
            Uniopss </dc:title></office:meta></office:document-meta>",
        )]);
        assert_eq!(
            read(&odt, Format::Odt),
            Meta {
                title: Some("Contribution Uniopss".into()),
                date: Some("2020-05-25".into())
            }
        );
        assert_eq!(read(b"not a zip", Format::Docx), Meta::default());
    }

    #[test]
    fn html_gives_its_title_and_a_pdf_its_information_dictionary() {
        let html =
            "<html><head><TITLE>Ségur &ndash; communiqué</TITLE></head><body>x</body></html>";
        assert_eq!(
            read(html.as_bytes(), Format::Html).title.as_deref(),
            Some("Ségur – communiqué")
        );
        let pdf = b"%PDF-1.4\n1 0 obj << /Title (Old) >> endobj\n3 0 obj << /Type /Catalog >> endobj\n11 0 obj << /Title (Bad) >> endobj\n1 0 obj\n<< /Title (Conclusions du S\\351gur \\(2020\\)) /CreationDate (D:20200721120000+02'00') >>\nendobj\n11 0 obj << /Title (Outline) >> endobj\ntrailer << /Root 3 0 R /Info 1 0 R >>\n%%EOF";
        assert_eq!(
            read(pdf, Format::Pdf),
            Meta {
                title: Some("Conclusions du Ségur (2020)".into()),
                date: Some("2020-07-21".into())
            }
        );
        let utf16 = b"trailer << /Info 2 0 R >>\n2 0 obj << /Title <FEFF00C9007400E9> >> endobj";
        assert_eq!(read(utf16, Format::Pdf).title.as_deref(), Some("Été"));
        assert_eq!(read(b"%PDF-1.7 no info", Format::Pdf), Meta::default());
    }

    #[test]
    fn dates_are_read_only_when_plausible() {
        assert_eq!(
            iso_date("2020-07-21T10:00:00Z").as_deref(),
            Some("2020-07-21")
        );
        assert_eq!(iso_date("D:20200721").as_deref(), Some("2020-07-21"));
        assert_eq!(iso_date("2020-13-01"), None);
        assert_eq!(iso_date("juillet"), None);
    }
}
