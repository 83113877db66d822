//! A small XML writer for the exchange formats: elements, attributes and text, escaped, with
//! characters XML 1.0 cannot carry replaced by a visible U+FFFD (the session keeps the
//! original; only the exported copy shows the replacement).

use std::fmt::Write as _;

/// XML text under construction, with the declaration already written.
pub struct Xml {
    out: String,
}

impl Xml {
    /// A document starting with `<?xml version="1.0" encoding="utf-8"?>`.
    pub fn new() -> Self {
        Self {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
        }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            let _ = write!(self.out, " {key}=\"{}\"", escape(value));
        }
    }

    /// `<name attrs…>`.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push('>');
    }

    /// `<name attrs…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str("/>");
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        let _ = write!(self.out, "</{name}>");
    }

    /// `<name>text</name>`.
    pub fn element(&mut self, name: &str, text: &str) {
        self.open(name, &[]);
        self.out.push_str(&escape(text));
        self.close(name);
    }

    /// The finished document.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Whether XML 1.0 can carry `c` (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` as XML text or attribute value: markup characters escaped, characters XML 1.0 forbids
/// (most control characters, U+FFFE, U+FFFF) replaced by U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Attribute values normalise raw line ends away; keep them as references.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// `s` with the characters XML 1.0 forbids replaced by U+FFFD, for plain-text files that are
/// addressed by the same character positions as the XML.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_show() {
        assert_eq!(
            escape("a < b & \"c\"\u{1}\u{FFFF}é"),
            "a &lt; b &amp; &quot;c&quot;\u{FFFD}\u{FFFD}é"
        );
        assert_eq!(clean("x\u{0}y\nz"), "x\u{FFFD}y\nz");
        let mut x = Xml::new();
        x.open("A", &[("k", "v\"")]);
        x.element("B", "<t>");
        x.empty("C", &[]);
        x.close("A");
        assert!(
            x.finish()
                .ends_with("<A k=\"v&quot;\"><B>&lt;t&gt;</B><C/></A>")
        );
    }
}
