//! Synthetic source documents for tests and benchmarks: a PDF with a text layer (Helvetica,
//! `WinAnsi` encoding, no compression), a DOCX and an ODT, each holding the paragraphs given. Pure
//! and deterministic: the same paragraphs give the same bytes.

use std::fmt::Write as _;
use std::io::Write as _;

/// Characters per line when a PDF paragraph is broken into lines.
const LINE: usize = 90;

/// A PDF of `pages`, each a list of paragraphs (an empty list makes a page with no text, as
/// a scan has none). Lines are broken at spaces every 90 characters or so; paragraphs are
/// set two lines apart so that a reader sees where each ends.
#[must_use]
pub fn pdf(pages: &[Vec<String>]) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 font, then per page its page object and its content.
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Count {n} /Kids [{}] >>",
            (0..n)
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    let mut streams: Vec<Vec<u8>> = Vec::new();
    for (i, paragraphs) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        let mut content = Vec::new();
        if !paragraphs.is_empty() {
            content.extend_from_slice(b"BT /F1 11 Tf 14 TL 56 790 Td\n");
            for (j, p) in paragraphs.iter().enumerate() {
                if j > 0 {
                    content.extend_from_slice(b"T* T*\n");
                }
                for (k, line) in wrap(p).iter().enumerate() {
                    if k > 0 {
                        content.extend_from_slice(b"T*\n");
                    }
                    content.push(b'(');
                    content.extend(win_ansi(line));
                    content.extend_from_slice(b") Tj\n");
                }
            }
            content.extend_from_slice(b"ET\n");
        }
        streams.push(content);
        objects.push(String::new());
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    let mut page_stream = streams.into_iter();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = writeln!(out, "{} 0 obj", i + 1);
        if i >= 3 && (i - 3) % 2 == 1 {
            let content = page_stream.next().unwrap_or_default();
            let _ = writeln!(out, "<< /Length {} >>\nstream", content.len());
            out.extend_from_slice(&content);
            out.extend_from_slice(b"endstream");
        } else {
            out.extend_from_slice(body.as_bytes());
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

/// `p` broken at spaces into lines of about [`LINE`] characters.
fn wrap(p: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in p.split_whitespace() {
        let last = lines.last_mut().expect("never empty");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > LINE {
            lines.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

/// `s` in the PDF's `WinAnsi` encoding, string-escaped; characters it cannot show become `?`.
fn win_ansi(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let b = match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                u8::try_from(c).unwrap_or(b'?')
            }
            '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => u8::try_from(c).unwrap_or(b'?'),
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            'œ' => 0x9c,
            'Œ' => 0x8c,
            _ => b'?',
        };
        out.push(b);
    }
    out
}

/// `s` escaped for XML text.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn zip_of(files: &[(&str, String, bool)]) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body, deflate) in files {
        let method = if *deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        // Writing to memory cannot fail.
        let _ = zip.start_file(*name, options);
        let _ = zip.write_all(body.as_bytes());
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
}

/// A DOCX holding `paragraphs`, one `w:p` each; a line break in a paragraph is a `w:br`.
#[must_use]
pub fn docx(paragraphs: &[String]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str("<w:p><w:r>");
        for (i, line) in p.split('\n').enumerate() {
            if i > 0 {
                body.push_str("<w:br/>");
            }
            let _ = write!(body, "<w:t xml:space=\"preserve\">{}</w:t>", xml(line));
        }
        body.push_str("</w:r></w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_of(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_owned(),
            true,
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_owned(),
            true,
        ),
        ("word/document.xml", document, true),
    ])
}

/// An ODT holding `paragraphs`, one `text:p` each; a line break is a `text:line-break`.
#[must_use]
pub fn odt(paragraphs: &[String]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        let lines: Vec<String> = p.split('\n').map(xml).collect();
        let _ = write!(
            body,
            "<text:p>{}</text:p>",
            lines.join("<text:line-break/>")
        );
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\"><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text".to_owned(), false),
        (
            "META-INF/manifest.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>".to_owned(),
            true,
        ),
        ("content.xml", content, true),
    ])
}
