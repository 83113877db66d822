//! Where a fault is, as an editor shows it, and what the writer most likely meant: the habits RON
//! does not share (a decimal comma, typographic quotes, an optional value without `Some`), and
//! files that are not RON at all (JSON, YAML, Markdown renamed `.ron`).

use super::error::Location;
use super::messages::{NotRon, SyntaxFault};

/// Byte offset in `text` of a position of the parser, which counts lines at `\n` only and
/// columns in characters.
pub fn offset_of(text: &str, at: ron::error::Position) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = text.get(line_start..).unwrap_or("");
    line_start
        + line
            .char_indices()
            .nth(at.col.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i)
}

/// The parser stops on the blank before a faulty value: the offset of the value itself (or of
/// the end of the file, when only blanks follow).
pub fn skip_blanks(text: &str, offset: usize) -> usize {
    let rest = text.get(offset..).unwrap_or("");
    offset + rest.len() - rest.trim_start().len()
}

/// Line and column just after `prefix`, as an editor counts them: a line ends at `\n`, at
/// `\r\n` (once) and at a lone `\r` (the line end of old Mac files); columns in characters.
pub fn location_of(prefix: &[u8]) -> Location {
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in prefix.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && prefix.get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    let col = 1 + String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count();
    Location { line, col }
}

/// What the writer most likely meant, when the fault the parser reports at `offset` looks like a
/// known habit or the file is not RON; `None` to keep the parser's own (reworded) message.
pub fn hint(text: &str, offset: usize, code: &ron::Error) -> Option<SyntaxFault> {
    if let Some(kind) = not_ron(text) {
        return Some(SyntaxFault::NotRon(kind));
    }
    let (before, here) = text.split_at_checked(offset)?;
    if *code == ron::Error::ExpectedOption {
        return bare_option(before, here);
    }
    let here = here.chars().next()?;
    let mut back = before.trim_end().chars().rev();
    if here.is_ascii_digit() && back.next() == Some(',') && back.next()?.is_ascii_digit() {
        return Some(SyntaxFault::DecimalComma);
    }
    if matches!(here, '«' | '»' | '“' | '”' | '„') {
        return Some(SyntaxFault::TypographicQuotes);
    }
    None
}

/// An optional value written without `Some(…)`: the field it is the value of, and how to write
/// it, built from what was written.
fn bare_option(before: &str, here: &str) -> Option<SyntaxFault> {
    let field = before.trim_end().strip_suffix(':')?.trim_end();
    let start = field
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident(c))
        .last()?
        .0;
    Some(SyntaxFault::BareOption {
        field: field[start..].to_owned(),
        value: value_written(here),
    })
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Texts longer than this are cut in a hint: the hint shows the shape, not the whole text.
const SHOWN: usize = 8;

/// The value at the start of `here` as written, for a hint: a name (`Agreement`), a number, a
/// text cut after its first characters (`"https://…"`), `…` for anything longer.
fn value_written(here: &str) -> String {
    let first = here.chars().next().unwrap_or(' ');
    if first == '"' {
        let inner: String = here[1..]
            .chars()
            .take_while(|&c| c != '"' && c != '\n')
            .collect();
        return if inner.chars().count() > 2 * SHOWN {
            format!("\"{}…\"", inner.chars().take(SHOWN).collect::<String>())
        } else {
            format!("\"{inner}\"")
        };
    }
    if is_ident(first) || first == '-' || first == '+' || first == '.' {
        let word: String = here
            .chars()
            .take_while(|&c| is_ident(c) || matches!(c, '-' | '+' | '.'))
            .take(4 * SHOWN)
            .collect();
        let rest = &here[word.len()..];
        return if rest.starts_with('(') {
            format!("{word}(…)")
        } else {
            word
        };
    }
    "…".to_owned()
}

/// What a file that is not RON most likely is, judged by its first significant line: JSON opens
/// with `{` or `[`; YAML with `---` or a `key: value` line without parentheses or trailing comma;
/// Markdown with a `# ` heading, a list or quote mark, or a line of prose. A file that opens with
/// `(`, `name(` or a RON attribute `#![…]` is RON, however damaged.
pub fn not_ron(text: &str) -> Option<NotRon> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))?;
    if line.starts_with('(') || line.starts_with("#!") || line.starts_with("/*") {
        return None;
    }
    if line.starts_with('{') || line.starts_with('[') {
        return Some(NotRon::Json);
    }
    if line.starts_with("---") {
        return Some(NotRon::Yaml);
    }
    if line.starts_with('#') || line.starts_with("> ") || line.starts_with("- ") {
        return Some(NotRon::Markdown);
    }
    let word_end = line.find(|c: char| !is_ident(c)).unwrap_or(line.len());
    let (word, rest) = line.split_at(word_end);
    if word.is_empty() || rest.trim_start().starts_with('(') {
        return None;
    }
    if let Some(value) = rest.strip_prefix(':') {
        let yaml = !line.contains('(') && !line.ends_with(',') && !value.starts_with(':');
        return yaml.then_some(NotRon::Yaml);
    }
    // Prose: a word followed by a space and another word, with no `(` anywhere before.
    let prose = rest.starts_with(' ') && !text[..text.find(line)?].contains('(');
    prose.then_some(NotRon::Markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_a_crlf_ends_one() {
        assert_eq!(location_of(b"a\rb\r\ncd"), Location { line: 3, col: 3 });
        assert_eq!(location_of(b"a\r"), Location { line: 2, col: 1 });
        assert_eq!(location_of(b"a\r\n"), Location { line: 2, col: 1 });
    }

    #[test]
    fn files_that_are_not_ron_are_told_apart_by_their_first_line() {
        assert_eq!(not_ron("{\"a\": 1}"), Some(NotRon::Json));
        assert_eq!(not_ron("\n  [1, 2]"), Some(NotRon::Json));
        assert_eq!(not_ron("---\nformat: 2"), Some(NotRon::Yaml));
        assert_eq!(not_ron("format: 2\nanalyst: x"), Some(NotRon::Yaml));
        assert_eq!(not_ron("# Analyse\n(x)"), Some(NotRon::Markdown));
        assert_eq!(not_ron("Analyse du Ségur\n"), Some(NotRon::Markdown));
        for ron in [
            "(format: 2",
            "// c\n(",
            "#![enable(implicit_some)]\n(",
            "session(",
            "format: 2,\n",
            "x",
        ] {
            assert_eq!(not_ron(ron), None, "{ron}");
        }
    }

    #[test]
    fn a_bare_value_is_shown_as_written_inside_some() {
        assert_eq!(value_written("Agreement,\n"), "Agreement");
        assert_eq!(value_written("\"p. 12\","), "\"p. 12\"");
        assert_eq!(value_written("\"https://example.org\","), "\"https://…\"");
        assert_eq!(value_written("Amount(label: \"x\")"), "Amount(…)");
        assert_eq!(value_written("[1]"), "…");
    }
}
