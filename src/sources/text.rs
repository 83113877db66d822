//! Plain text and Markdown: paragraphs are the runs of lines between blank lines; line ends
//! (`\n`, `\r\n`, `\r`) are kept as single line breaks inside a paragraph. Markdown is read as
//! it is written (its marks stay), since a quote is cut from what the author typed.

use super::Extracted;

/// The paragraphs of `text`.
pub(super) fn extract(text: &str) -> Extracted {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Extracted::from_blocks([(text.as_str(), None)])
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraphs_are_separated_by_blank_lines_whatever_the_line_ends() {
        let e = super::extract("Un,\r\ndeux.\r\n\r\n\r\nTrois.\rQuatre.\n");
        let texts: Vec<_> = e.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Un,\ndeux.", "Trois.\nQuatre."]);
    }
}
