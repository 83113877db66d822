//! The status bar's message, kept as catalogue keys and arguments rather than a rendered string,
//! so that it reads in the language of the moment when the user switches languages.

use super::i18n::{Text, tr};
use crate::i18n::Lang;

/// One piece of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    /// A string of the catalogue.
    Text(Text),
    /// A path, a name, a number: the same in both languages.
    Raw(String),
    /// A text rendered in each language already (an error message): French, English.
    Both(String, String),
    /// A colon as the language writes it: French with a no-break space before it.
    Colon,
    /// A space.
    Space,
}

/// A status bar message: pieces joined when shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notice(Vec<Piece>);

impl Notice {
    /// A message of one catalogue string.
    #[must_use]
    pub fn text(text: Text) -> Self {
        Self(vec![Piece::Text(text)])
    }

    /// Then a space and `text`.
    #[must_use]
    pub fn and(mut self, text: Text) -> Self {
        self.0.extend([Piece::Space, Piece::Text(text)]);
        self
    }

    /// Then a colon and `value` ("Ouvert : a.ron", "Opened: a.ron").
    #[must_use]
    pub fn colon(mut self, value: impl Into<String>) -> Self {
        self.0
            .extend([Piece::Colon, Piece::Space, Piece::Raw(value.into())]);
        self
    }

    /// Then a colon and `text`.
    #[must_use]
    pub fn colon_text(mut self, text: Text) -> Self {
        self.0
            .extend([Piece::Colon, Piece::Space, Piece::Text(text)]);
        self
    }

    /// Then a space and `value`, the same in both languages.
    #[must_use]
    pub fn raw(mut self, value: impl Into<String>) -> Self {
        self.0.extend([Piece::Space, Piece::Raw(value.into())]);
        self
    }

    /// Then a space and a message already rendered in French and in English.
    #[must_use]
    pub fn both(mut self, fr: String, en: String) -> Self {
        self.0.extend([Piece::Space, Piece::Both(fr, en)]);
        self
    }

    /// The message in `lang`.
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(t) => out.push_str(tr(lang, *t)),
                Piece::Raw(s) => out.push_str(s),
                Piece::Both(fr, en) => out.push_str(match lang {
                    Lang::Fr => fr,
                    Lang::En => en,
                }),
                Piece::Colon => out.push_str(lang.pick("\u{a0}:", ":")),
                Piece::Space => out.push(' '),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reads_in_the_language_of_the_moment_with_its_punctuation() {
        let n = Notice::text(Text::Opened).colon("/tmp/a.ron");
        assert_eq!(n.render(Lang::Fr), "Ouvert\u{a0}: /tmp/a.ron");
        assert_eq!(n.render(Lang::En), "Opened: /tmp/a.ron");
    }
}
