//! Folding text for search: accents and case ignored, as the grid's search and the report's
//! look-ups compare it.

/// Fold text for search: accents and case ignored ("Ségur" → "segur").
#[must_use]
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(&mut folded, text);
    folded
}

/// Append `text` folded as [`fold`] does: exactly `deunicode(text).to_lowercase()`, several
/// times faster on French text, whose accents are few and far between (deunicode takes the
/// slow path for every character after the first accent).
pub(crate) fn fold_into(out: &mut String, text: &str) {
    // Like deunicode: ASCII below DEL passes through unchanged, control characters included,
    // up to the first other character; after it, control characters are dropped.
    let mut lowest = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .take_while(|&b| (lowest..0x7F).contains(&b))
            .count();
        if run > 0 {
            push_lowercase(out, &rest[..run]);
            rest = &rest[run..];
            continue;
        }
        lowest = 0x20;
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        match deunicode::deunicode_char(c) {
            None => out.push_str("[?]"),
            Some(ascii) => {
                // As deunicode does: a transliteration's trailing space is dropped before a
                // space and at the end.
                let trim = ascii.len() > 1 && ascii.ends_with(' ') && starts_with_space(rest);
                push_lowercase(
                    out,
                    if trim {
                        &ascii[..ascii.len() - 1]
                    } else {
                        ascii
                    },
                );
            }
        }
    }
}

/// Whether deunicode's transliteration of `rest` starts with a space (true at the end).
fn starts_with_space(rest: &str) -> bool {
    match rest.chars().next() {
        None => true,
        Some(c) if u32::from(c) < 0x7F => c == ' ',
        Some(c) => deunicode::deunicode_char(c).is_some_and(|t| t.starts_with(' ')),
    }
}

/// Append ASCII `text` lower-cased.
fn push_lowercase(out: &mut String, text: &str) {
    let start = out.len();
    out.push_str(text);
    out[start..].make_ascii_lowercase();
}
