//! HTML pages: the text a browser shows, one paragraph per block element (`p`, `div`,
//! headings, list items, table rows…), `<br>` as a line break, table cells separated by a tab.
//! `head`, `script`, `style`, `template` and comments are left out; character references
//! (`&eacute;`, `&#8217;`, `&#x2019;`) are decoded; runs of spaces and line breaks collapse to
//! one space, except inside `pre`. A tolerant scanner, not a validating parser: unclosed tags
//! and stray `<` read as a browser would read most of them.

use super::Extracted;

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript", "svg", "math"];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// The source text of an HTML page.
pub(super) fn extract(html: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut block = String::new();
    let mut pre = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut block, rest, pre > 0);
            break;
        };
        push_text(&mut block, &rest[..lt], pre > 0);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(tag) = Tag::read(rest) else {
            // A `<` that opens no tag is text.
            push_text(&mut block, "<", pre > 0);
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        let name = tag.name.as_str();
        if !tag.closing && HIDDEN.contains(&name) {
            rest = skip_to_close(rest, name);
        } else if !tag.closing && name == "head" {
            let lower = rest.to_ascii_lowercase();
            let end = [lower.find("</head"), lower.find("<body")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(rest.len());
            rest = &rest[end..];
        } else if name == "br" {
            block.push('\n');
        } else if matches!(name, "td" | "th") && !tag.closing {
            if !block.trim().is_empty() {
                block.push('\t');
            }
        } else if BLOCKS.contains(&name) {
            if name == "pre" {
                pre = if tag.closing {
                    pre.saturating_sub(1)
                } else {
                    pre + 1
                };
            }
            flush(&mut out, &mut block);
        }
    }
    flush(&mut out, &mut block);
    out
}

fn flush(out: &mut Extracted, block: &mut String) {
    out.push(block, None);
    block.clear();
}

/// Append text as a browser shows it: HTML whitespace collapsed to one space (kept inside
/// `pre`), character references decoded.
fn push_text(block: &mut String, text: &str, pre: bool) {
    let decoded = decode_entities(text);
    for c in decoded.chars() {
        if !pre && matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !block.ends_with([' ', '\n', '\t']) && !block.is_empty() {
                block.push(' ');
            }
        } else if c != '\r' {
            block.push(c);
        }
    }
}

/// A tag as written: `<name attr="…">`, `</name>`, `<name/>`, `<!DOCTYPE …>`, `<?…?>`.
struct Tag {
    name: String,
    closing: bool,
    len: usize,
}

impl Tag {
    fn read(s: &str) -> Option<Self> {
        let bytes = s.as_bytes();
        let mut i = 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let special = matches!(bytes.get(i), Some(b'!' | b'?'));
        let start = i;
        if !special {
            if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                return None;
            }
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
            {
                i += 1;
            }
        }
        let name = if special {
            String::new()
        } else {
            s[start..i].to_ascii_lowercase()
        };
        // Attributes: up to the `>` outside quotes.
        let mut quote = None;
        while let Some(&b) = bytes.get(i) {
            match (quote, b) {
                (None, b'>') => {
                    return Some(Self {
                        name,
                        closing,
                        len: i + 1,
                    });
                }
                (None, b'"' | b'\'') if !special => quote = Some(b),
                (Some(q), _) if q == b => quote = None,
                _ => {}
            }
            i += 1;
        }
        Some(Self {
            name,
            closing,
            len: s.len(),
        })
    }
}

/// What follows the closing tag of `name` (case ignored), or nothing when it is never closed.
fn skip_to_close<'a>(rest: &'a str, name: &str) -> &'a str {
    let lower = rest.to_ascii_lowercase();
    let close = format!("</{name}");
    match lower.find(&close) {
        Some(i) => {
            let after = &rest[i..];
            after.find('>').map_or("", |j| &after[j + 1..])
        }
        None => "",
    }
}

/// Decode `&name;`, `&#NNN;` and `&#xHH;`; an unknown or malformed reference stays as written.
pub(super) fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .char_indices()
            .skip(1)
            .take(33)
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| {
            let body = &rest[1..end];
            let c = if let Some(num) = body.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                n.map(|n| match n {
                    // Windows-1252 in numeric references, as browsers read them.
                    0x92 => '\u{2019}',
                    0x91 => '\u{2018}',
                    0x93 => '\u{201c}',
                    0x94 => '\u{201d}',
                    0x96 => '\u{2013}',
                    0x97 => '\u{2014}',
                    0x85 => '\u{2026}',
                    0x9c => '\u{153}',
                    0x80 => '\u{20ac}',
                    _ => char::from_u32(n).unwrap_or('\u{fffd}'),
                })
            } else {
                named(body)
            }?;
            let semicolon = rest[end..].starts_with(';');
            Some((c, end + usize::from(semicolon)))
        });
        if let Some((c, len)) = decoded {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out.into()
}

/// The character a named reference stands for: the Latin-1 set and the typographic ones French
/// pages use.
fn named(name: &str) -> Option<char> {
    const LATIN1: [&str; 96] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
        "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
        "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave",
        "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring",
        "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
        "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash",
        "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + u32::try_from(i).ok()?);
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Yuml" => 'Ÿ',
        "euro" => '€',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "hellip" => '…',
        "bull" => '•',
        "prime" => '′',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "nnbsp" | "NarrowNoBreakSpace" => '\u{202f}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "trade" => '™',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "minus" => '−',
        "rarr" => '→',
        "larr" => '←',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    fn paragraphs(html: &str) -> Vec<String> {
        super::extract(html)
            .paragraphs
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn scripts_styles_head_and_comments_are_left_out_and_entities_decoded() {
        let html = r#"<!DOCTYPE html><html><head><title>Titre</title><style>p { color: red }</style></head>
<body><script type="text/javascript">var x = "<p>caché</p>";</script>
<h1>Ségur&nbsp;: l&rsquo;avis</h1><!-- <p>commentaire</p> -->
<p>Les  <b>établissements</b>
 &eacute;ligibles &amp; les autres&#8230; &#x2019;ok&#39; &unknown; a &lt; b</p><SCRIPT>alert(1)</SCRIPT>
<ul><li>un</li><li>deux<br>suite</li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>"#;
        assert_eq!(
            paragraphs(html),
            [
                "Ségur\u{a0}: l’avis",
                "Les établissements éligibles & les autres… ’ok' &unknown; a < b",
                "un",
                "deux\nsuite",
                "a\tb",
            ]
        );
    }

    #[test]
    fn pre_keeps_its_spaces_and_a_stray_angle_bracket_is_text() {
        assert_eq!(
            paragraphs("<p>3 < 4</p><pre>a  b\n  c</pre>"),
            ["3 < 4", "a  b\n  c"]
        );
    }
}
