//! The reader's view model, free of egui: one source text, where each quote of the dossier that
//! comes from it lies (by paragraph and byte, found by its words as verification finds it,
//! never by stored offsets), and the search inside it. Built once when the reader opens a
//! source, rebuilt when the dossier changes.

use crate::model::{Dossier, SourceId, StakeholderId};
use crate::sources::{Place, SourceText};
use std::ops::Range;
use std::sync::Arc;

/// One quote of the dossier marked in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The bytes of the paragraph's text it covers.
    pub range: Range<usize>,
    /// Whose quote it is: a stakeholder's position, or `None` for a measure's citation.
    pub stakeholder: Option<StakeholderId>,
    /// What cites it, as the dossier names it (a position id, `MEASURE-ID, citation N`).
    pub by: String,
}

/// A source document as the reader shows it.
#[derive(Debug)]
pub struct Reading {
    /// The source shown.
    pub source: SourceId,
    text: Arc<SourceText>,
    /// The quotes in each paragraph, sorted by where they start.
    marks: Vec<Vec<Mark>>,
    /// How many of the dossier's quotes of this source were found (and marked), of how many.
    pub found: (usize, usize),
}

impl Reading {
    /// The reader's model of `source`, whose text is `text`, marking every quote of `dossier`
    /// that cites it.
    #[must_use]
    pub fn new(dossier: &Dossier, source: SourceId, text: Arc<SourceText>) -> Self {
        let mut marks = vec![Vec::new(); text.extracted().paragraphs.len()];
        let quotes = dossier
            .measures
            .iter()
            .flat_map(|m| {
                m.citations
                    .iter()
                    .enumerate()
                    .map(move |(i, c)| (c, None, format!("{}, citation {}", m.id, i + 1)))
            })
            .chain(
                dossier
                    .positions
                    .iter()
                    .map(|p| (&p.citation, Some(p.stakeholder.clone()), p.id.to_string())),
            )
            .filter(|(c, _, _)| c.source == source);
        let mut found = (0, 0);
        for (citation, stakeholder, by) in quotes {
            found.1 += 1;
            let Some(at) = text.locate(&citation.excerpt) else {
                continue;
            };
            found.0 += 1;
            for (p, paragraph) in marks
                .iter_mut()
                .enumerate()
                .take(at.end.0 + 1)
                .skip(at.start.0)
            {
                let len = text.extracted().paragraphs[p].text.len();
                let from = if p == at.start.0 { at.start.1 } else { 0 };
                let to = if p == at.end.0 { at.end.1 } else { len };
                paragraph.push(Mark {
                    range: from..to.max(from),
                    stakeholder: stakeholder.clone(),
                    by: by.clone(),
                });
            }
        }
        for paragraph in &mut marks {
            paragraph.sort_by_key(|m| (m.range.start, m.range.end));
        }
        Self {
            source,
            text,
            marks,
            found,
        }
    }

    /// The source text.
    #[must_use]
    pub fn text(&self) -> &SourceText {
        &self.text
    }

    /// Number of paragraphs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// Whether the document has no text at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The text of paragraph `index`.
    #[must_use]
    pub fn paragraph(&self, index: usize) -> &str {
        self.text
            .extracted()
            .paragraphs
            .get(index)
            .map_or("", |p| p.text.as_str())
    }

    /// Where paragraph `index` is, as a citation's location says it: `p. 12` in a PDF, else
    /// `§ 4` (from 1).
    #[must_use]
    pub fn place(&self, index: usize) -> Place {
        self.text.extracted().place(index)
    }

    /// The quotes marked in paragraph `index`.
    #[must_use]
    pub fn marks(&self, index: usize) -> &[Mark] {
        self.marks.get(index).map_or(&[], Vec::as_slice)
    }

    /// Where `excerpt` is: its first paragraph and the bytes it covers there.
    #[must_use]
    pub fn find_quote(&self, excerpt: &str) -> Option<(usize, Range<usize>)> {
        let at = self.text.locate(excerpt)?;
        let end = if at.end.0 == at.start.0 {
            at.end.1
        } else {
            self.paragraph(at.start.0).len()
        };
        Some((at.start.0, at.start.1..end.max(at.start.1)))
    }

    /// Every place the words of `query` occur, accents and case ignored (as the grid's search
    /// compares): `(paragraph, bytes)`, in reading order.
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<(usize, Range<usize>)> {
        let words = super::search_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        (0..self.len())
            .flat_map(|p| {
                super::search_matches(self.paragraph(p), &words)
                    .into_iter()
                    .map(move |r| (p, r))
            })
            .collect()
    }
}

/// `text` as the reader draws it: the private-use characters that word processors leave for
/// their symbol fonts' bullets, which no font of the window has, drawn as a bullet (U+F0B7,
/// U+F0A7) or a box (any other of U+E000–U+F8FF). Each replacement has the same length in
/// bytes, so positions in the shown text are positions in the text, and a selection copies the
/// document's own characters.
#[must_use]
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let private = |c: char| ('\u{e000}'..='\u{f8ff}').contains(&c);
    if !text.chars().any(private) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{f0b7}' => '•',
            '\u{f0a7}' => '▪',
            c if private(c) => '□',
            c => c,
        })
        .collect()
}

/// The excerpt a selection of `text` gives: the selected words, runs of white space (a PDF's
/// line ends) as one space, nothing else changed.
#[must_use]
pub fn excerpt_of(text: &str, selection: Range<usize>) -> String {
    text.get(selection)
        .map(crate::sources::verify::normalise)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, fixture};
    use crate::sources::{Extracted, Verification};

    fn text(paragraphs: &[&str]) -> Arc<SourceText> {
        Arc::new(SourceText::new(Extracted::from_blocks(
            paragraphs.iter().map(|t| (*t, None)),
        )))
    }

    #[test]
    fn each_quote_of_the_source_is_marked_where_it_is_with_whose_it_is() {
        let mut s = fixture::session();
        let source = s.dossier.sources[0].id.clone();
        s.dossier.positions[0].citation = Citation {
            source: source.clone(),
            excerpt: "la revalorisation des métiers".to_owned(),
            location: None,
        };
        s.dossier.measures[0].citations[0] = Citation {
            source: source.clone(),
            excerpt: "Le gouvernement annonce".to_owned(),
            location: None,
        };
        let reading = Reading::new(
            &s.dossier,
            source,
            text(&[
                "Le gouvernement annonce un plan.",
                "Nous demandons\nla revalorisation\ndes métiers.",
            ]),
        );
        let quoted = reading.marks(1);
        assert_eq!(quoted.len(), 1);
        assert_eq!(
            &reading.paragraph(1)[quoted[0].range.clone()],
            "la revalorisation\ndes métiers"
        );
        assert_eq!(
            quoted[0].stakeholder.as_ref(),
            Some(&s.dossier.positions[0].stakeholder)
        );
        assert_eq!(reading.marks(0)[0].stakeholder, None);
        assert_eq!(
            reading.marks(0)[0].by,
            format!("{}, citation 1", s.dossier.measures[0].id)
        );
        let from_source = s
            .dossier
            .measures
            .iter()
            .flat_map(|m| &m.citations)
            .chain(s.dossier.positions.iter().map(|p| &p.citation))
            .filter(|c| c.source == reading.source)
            .count();
        assert_eq!(reading.found, (2, from_source));
    }

    #[test]
    fn the_search_ignores_accents_and_case_and_gives_each_place() {
        let s = fixture::session();
        let reading = Reading::new(
            &s.dossier,
            s.dossier.sources[0].id.clone(),
            text(&["Les MÉTIERS du soin.", "Aucun.", "Des métiers."]),
        );
        let hits = reading.search("metiers");
        assert_eq!(hits.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(&reading.paragraph(0)[hits[0].1.clone()], "MÉTIERS");
        assert!(reading.search("  ").is_empty());
    }

    #[test]
    fn symbol_font_bullets_are_drawn_as_bullets_at_the_same_place() {
        let text = "\u{f0b7} Les soins \u{f0dc} et \u{e001}";
        let drawn = shown(text);
        assert_eq!(drawn, "• Les soins □ et □");
        assert_eq!(drawn.len(), text.len());
        assert!(matches!(shown("rien"), std::borrow::Cow::Borrowed("rien")));
    }

    #[test]
    fn a_selection_becomes_an_excerpt_that_verifies_as_it_is() {
        let t = text(&["Nous demandons\nla revalorisation  des métiers."]);
        let paragraph = &t.extracted().paragraphs[0].text;
        let start = paragraph.find("la").expect("there");
        let excerpt = excerpt_of(paragraph, start..paragraph.len() - 1);
        assert_eq!(excerpt, "la revalorisation des métiers");
        assert!(matches!(
            t.verify(&excerpt),
            Verification::Verified { paragraph: 0, .. }
        ));
        assert_eq!(excerpt_of(paragraph, 3..1000), "");
    }
}
