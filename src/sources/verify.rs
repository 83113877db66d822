//! Verifying quotes against source text, by their words, never by offsets.
//!
//! - **Verified**: the excerpt is in the source once runs of white space (line breaks, repeated
//!   or non-breaking spaces) are one space on both sides.
//! - **Verified, typographic differences**: it is there only once extraction artefacts are
//!   folded on both sides: a hyphen at a line end read either way (`inter-\nnational` as
//!   "international" or "inter-national", one reading per quote), soft hyphens (U+00AD),
//!   the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ, curly against straight quotes (’ ‘ ‚ ‛ ′ ʼ as ', “ ” „ ‟ ″ as
//!   "), and composed against decomposed accents (Unicode NFC).
//! - **Not found**: anything else, with the closest passage of the source (the window that
//!   shares most character trigrams with the excerpt), so the analyst sees what differs.
//! - **Source unavailable**: no source text to look in.
//!
//! Speed: [`SourceText`] indexes the first eight bytes of every word of the normalised text
//! once; an excerpt is looked up by its rarest word and compared where that word occurs, so
//! verifying a citation costs microseconds whatever the document's length. The closest
//! passage is found by letting the excerpt's words vote for an alignment, then refining it.

use super::{Extracted, Place};
use crate::model::{Citation, Dossier, MeasureId, PositionId, SourceId};
use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// A citation's status against its source text.
#[derive(Clone, Debug, PartialEq)]
pub enum Verification {
    /// Found, white space aside.
    Verified {
        /// The paragraph where it starts (from 0).
        paragraph: usize,
        /// Where that is, as a citation's location says it.
        place: Place,
    },
    /// Found only once extraction artefacts are folded (hyphenation, ligatures, quotes).
    VerifiedTypographic {
        /// The paragraph where it starts (from 0).
        paragraph: usize,
        /// Where that is.
        place: Place,
    },
    /// Not in the source text.
    NotFound {
        /// The passage of the source most like the excerpt, if any is alike at all.
        closest: Option<Closest>,
    },
    /// No source text to look in.
    SourceUnavailable,
}

impl Verification {
    /// Found, with or without typographic differences.
    #[must_use]
    pub fn is_verified(&self) -> bool {
        matches!(
            self,
            Self::Verified { .. } | Self::VerifiedTypographic { .. }
        )
    }
}

/// The passage of a source most like an excerpt that is not in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Closest {
    /// The passage, white space normalised, cut at word boundaries.
    pub text: String,
    /// The paragraph where it starts (from 0).
    pub paragraph: usize,
    /// Where that is.
    pub place: Place,
    /// How alike it is, from 0 to 1 (Dice coefficient of character trigrams).
    pub similarity: f64,
}

/// A text with its paragraphs' starts, white space normalised.
#[derive(Debug)]
struct Normalised {
    text: String,
    /// Byte offset in `text` where each paragraph starts.
    starts: Vec<usize>,
}

impl Normalised {
    fn new<'a>(paragraphs: impl Iterator<Item = std::borrow::Cow<'a, str>>) -> Self {
        let mut text = String::new();
        let mut starts = Vec::new();
        for p in paragraphs {
            if !text.is_empty() {
                text.push(' ');
            }
            starts.push(text.len());
            push_normalised(&mut text, &p);
        }
        Self { text, starts }
    }

    fn paragraph_at(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

/// Append `s` with every run of white space as one space, none at either end.
fn push_normalised(out: &mut String, s: &str) {
    let mut words = s.split_whitespace();
    if let Some(first) = words.next() {
        out.push_str(first);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
    }
}

/// `s` with white space normalised.
#[must_use]
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalised(&mut out, s);
    out
}

/// How a hyphen at a line end is read when folding.
#[derive(Clone, Copy)]
enum Hyphen {
    /// "inter-\nnational" is "international".
    Join,
    /// "inter-\nnational" is "inter-national".
    Keep,
}

/// `s` with extraction artefacts folded (see the module's doc), white space not yet
/// normalised.
fn fold(s: &str, hyphen: Hyphen) -> String {
    let nfc: String = s.nfc().collect();
    let chars: Vec<char> = nfc.chars().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '-' | '\u{2010}') && i > 0 && chars[i - 1].is_alphabetic() {
            // A hyphen, blanks, a line break, blanks, a letter: hyphenation at a line end.
            let mut j = i + 1;
            while chars.get(j).is_some_and(|&c| c == ' ' || c == '\t') {
                j += 1;
            }
            if chars.get(j) == Some(&'\n') {
                j += 1;
                while chars.get(j).is_some_and(|&c| c == ' ' || c == '\t') {
                    j += 1;
                }
                if chars.get(j).is_some_and(|c| c.is_alphabetic()) {
                    if matches!(hyphen, Hyphen::Keep) {
                        out.push('-');
                    }
                    i = j;
                    continue;
                }
            }
        }
        match c {
            '\u{ad}' => {}
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{2019}' | '\u{2018}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' => {
                out.push('\'');
            }
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => out.push('"'),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// The source text of one document, ready to verify quotes against.
#[derive(Debug)]
pub struct SourceText {
    extracted: Extracted,
    normalised: Normalised,
    /// `(first eight bytes of a word, its offset)` for every word of `normalised`, sorted.
    words: Vec<(u64, u32)>,
    /// The two folded readings, built the first time a quote is not found as it is.
    folded: OnceLock<[Normalised; 2]>,
}

/// Grams with more occurrences than this do not vote for the closest passage: they are the
/// "de la" of the text and say nothing of where a quote is.
const MAX_VOTERS: usize = 2000;

impl SourceText {
    /// Index `extracted` for verification.
    #[must_use]
    pub fn new(extracted: Extracted) -> Self {
        let normalised = Normalised::new(
            extracted
                .paragraphs
                .iter()
                .map(|p| std::borrow::Cow::Borrowed(p.text.as_str())),
        );
        let mut words: Vec<(u64, u32)> = word_starts(&normalised.text)
            .filter_map(|i| {
                Some((
                    key(&normalised.text.as_bytes()[i..])?,
                    u32::try_from(i).ok()?,
                ))
            })
            .collect();
        words.sort_unstable();
        Self {
            extracted,
            normalised,
            words,
            folded: OnceLock::new(),
        }
    }

    /// The text as extracted.
    #[must_use]
    pub fn extracted(&self) -> &Extracted {
        &self.extracted
    }

    /// Where `excerpt` is in this text, or the passage most like it.
    #[must_use]
    pub fn verify(&self, excerpt: &str) -> Verification {
        let wanted = normalise(excerpt);
        if wanted.is_empty() {
            return Verification::NotFound { closest: None };
        }
        if let Some(at) = self.find(&wanted) {
            let paragraph = self.normalised.paragraph_at(at);
            return Verification::Verified {
                paragraph,
                place: self.extracted.place(paragraph),
            };
        }
        let folded = self.folded.get_or_init(|| {
            [Hyphen::Join, Hyphen::Keep].map(|h| {
                Normalised::new(
                    self.extracted
                        .paragraphs
                        .iter()
                        .map(|p| std::borrow::Cow::Owned(fold(&p.text, h))),
                )
            })
        });
        for (reading, hyphen) in folded.iter().zip([Hyphen::Join, Hyphen::Keep]) {
            let wanted = normalise(&fold(excerpt, hyphen));
            if let Some(at) = reading.text.find(&wanted) {
                let paragraph = reading.paragraph_at(at);
                return Verification::VerifiedTypographic {
                    paragraph,
                    place: self.extracted.place(paragraph),
                };
            }
        }
        Verification::NotFound {
            closest: self.closest(&wanted),
        }
    }

    /// Where `excerpt` is in the text as extracted, to mark it: from the paragraph and byte where
    /// it starts to those where it ends (exclusive). A match only once extraction artefacts are
    /// folded covers its paragraphs whole (folding moves the bytes). `None` when not found.
    #[must_use]
    pub fn locate(&self, excerpt: &str) -> Option<Located> {
        let wanted = normalise(excerpt);
        if wanted.is_empty() {
            return None;
        }
        let paragraphs = &self.extracted.paragraphs;
        if let Some(at) = self.find(&wanted) {
            let end = at + wanted.len();
            let (first, last) = (
                self.normalised.paragraph_at(at),
                self.normalised.paragraph_at(end - 1),
            );
            let (p, q) = (paragraphs.get(first)?, paragraphs.get(last)?);
            return Some(Located {
                start: (
                    first,
                    raw_offset(&p.text, at - self.normalised.starts[first]),
                ),
                end: (
                    last,
                    raw_offset(&q.text, end - self.normalised.starts[last]),
                ),
                typographic: false,
            });
        }
        if !self.verify(excerpt).is_verified() {
            return None;
        }
        let folded = self.folded.get()?;
        folded
            .iter()
            .zip([Hyphen::Join, Hyphen::Keep])
            .find_map(|(reading, hyphen)| {
                let wanted = normalise(&fold(excerpt, hyphen));
                let at = reading.text.find(&wanted)?;
                let first = reading.paragraph_at(at);
                let last = reading.paragraph_at(at + wanted.len().max(1) - 1);
                Some(Located {
                    start: (first, 0),
                    end: (last, paragraphs.get(last)?.text.len()),
                    typographic: true,
                })
            })
    }

    /// The offset of `wanted` (normalised) in the normalised text.
    fn find(&self, wanted: &str) -> Option<usize> {
        let text = &self.normalised.text;
        // The rarest whole word of the excerpt (a word after a space: it starts a word in the
        // source too) that is at least eight bytes from the excerpt's end.
        let best = word_starts(wanted)
            .skip(1)
            .filter_map(|k| Some((k, key(&wanted.as_bytes()[k..])?)))
            .filter(|&(k, _)| k + 8 <= wanted.len())
            .map(|(k, key)| (k, self.postings(key)))
            .min_by_key(|(_, p)| p.len());
        let Some((k, postings)) = best else {
            return text.find(wanted);
        };
        postings.iter().find_map(|&(_, pos)| {
            let start = (pos as usize).checked_sub(k)?;
            text.as_bytes()
                .get(start..start + wanted.len())
                .is_some_and(|s| s == wanted.as_bytes())
                .then_some(start)
        })
    }

    fn postings(&self, key: u64) -> &[(u64, u32)] {
        let from = self.words.partition_point(|&(k, _)| k < key);
        let to = from + self.words[from..].partition_point(|&(k, _)| k == key);
        &self.words[from..to]
    }

    /// The passage of the text most like `wanted` (normalised), if any shares a trigram.
    fn closest(&self, wanted: &str) -> Option<Closest> {
        let text = &self.normalised.text;
        let excerpt = trigrams(wanted);
        if excerpt.is_empty() || text.is_empty() {
            return None;
        }
        // Each word of the excerpt votes for where the excerpt would start, by buckets of 32
        // bytes so that a few inserted or dropped letters still agree.
        let mut votes: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
        for k in word_starts(wanted) {
            let Some(key) = key(&wanted.as_bytes()[k..]).filter(|_| k + 8 <= wanted.len()) else {
                continue;
            };
            let postings = self.postings(key);
            if postings.len() > MAX_VOTERS {
                continue;
            }
            for &(_, pos) in postings {
                if let Some(start) = (pos as usize).checked_sub(k) {
                    *votes.entry(start / 32).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(u32, usize)> =
            votes.into_iter().map(|(b, v)| (v, b * 32)).collect();
        candidates.sort_unstable_by_key(|&c| std::cmp::Reverse(c));
        candidates.truncate(8);
        let mut best: Option<(f64, usize, usize)> = None;
        let mut consider = |s: usize| {
            let end = word_end_after(text, s + wanted.len());
            let score = dice(&excerpt, &trigrams(&text[s..end]));
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, s, end));
            }
        };
        if candidates.is_empty() {
            // No word in common: slide over the whole text, a quarter of the excerpt at a time.
            let step = (wanted.len() / 4).max(16);
            for start in (0..text.len()).step_by(step) {
                if let Some(s) = word_starts_in(text, start, start + step).next() {
                    consider(s);
                }
            }
        } else {
            for &(_, start) in &candidates {
                for s in word_starts_in(text, start.saturating_sub(64), start + 64 + 32) {
                    consider(s);
                }
            }
        }
        let (similarity, start, end) = best.filter(|(score, _, _)| *score > 0.0)?;
        let paragraph = self.normalised.paragraph_at(start);
        Some(Closest {
            text: text[start..end].to_owned(),
            paragraph,
            place: self.extracted.place(paragraph),
            similarity,
        })
    }
}

/// Where a quote is in a source text as extracted (see [`SourceText::locate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    /// The paragraph (from 0) and the byte of its text where the quote starts.
    pub start: (usize, usize),
    /// The paragraph and the byte where it ends (exclusive).
    pub end: (usize, usize),
    /// Found only once extraction artefacts were folded: the span covers whole paragraphs.
    pub typographic: bool,
}

/// The byte of `raw` at which its white-space-normalised form (see [`normalise`]) reaches
/// `offset`.
fn raw_offset(raw: &str, offset: usize) -> usize {
    let start = raw.len() - raw.trim_start().len();
    let mut reached = 0;
    let mut in_space = false;
    for (i, c) in raw[start..].char_indices() {
        if c.is_whitespace() {
            if !in_space {
                in_space = true;
                if reached == offset {
                    return start + i;
                }
                reached += 1;
            }
            continue;
        }
        in_space = false;
        if reached >= offset {
            return start + i;
        }
        reached += c.len_utf8();
    }
    raw.trim_end().len()
}

/// Verify `excerpt` against `source`, or say there is none.
#[must_use]
pub fn verify(excerpt: &str, source: Option<&SourceText>) -> Verification {
    source.map_or(Verification::SourceUnavailable, |s| s.verify(excerpt))
}

/// The first eight bytes at the start of `s`, as a number (shorter words padded with zeros);
/// `None` for an empty string.
fn key(s: &[u8]) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut bytes = [0u8; 8];
    let n = s.len().min(8);
    bytes[..n].copy_from_slice(&s[..n]);
    Some(u64::from_be_bytes(bytes))
}

/// Offsets where a word starts in a normalised text: 0 and after each space.
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).filter(|_| !s.is_empty()).chain(
        s.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b' ')
            .map(|(i, _)| i + 1),
    )
}

/// Word starts of `text` within `from..to` (clamped).
fn word_starts_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    let to = to.min(text.len());
    let from = from.min(to);
    let bytes = text.as_bytes();
    (from..to).filter(move |&i| i == 0 || bytes[i - 1] == b' ')
}

/// The end of the word at `at` (clamped to the text).
fn word_end_after(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    text.as_bytes()[at..]
        .iter()
        .position(|&b| b == b' ')
        .map_or(text.len(), |i| at + i)
}

/// The set of character trigrams of `s`, case folded.
fn trigrams(s: &str) -> HashSet<[char; 3]> {
    let chars: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// Dice coefficient of two sets.
#[allow(clippy::cast_precision_loss)] // set sizes are far below 2^52
fn dice(a: &HashSet<[char; 3]>, b: &HashSet<[char; 3]>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Which citation of a dossier: `MEASURE-ID, citation N` or a position's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CitationRef<'a> {
    /// The `index`-th citation (from 0) of a measure.
    Measure {
        /// The measure.
        id: &'a MeasureId,
        /// Which of its citations, from 0.
        index: usize,
    },
    /// A position's citation.
    Position(&'a PositionId),
}

impl std::fmt::Display for CitationRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Measure { id, index } => write!(f, "{id}, citation {}", index + 1),
            Self::Position(id) => write!(f, "{id}"),
        }
    }
}

/// One citation of a dossier and its status.
#[derive(Clone, Debug)]
pub struct Checked<'a> {
    /// Which citation.
    pub which: CitationRef<'a>,
    /// The citation.
    pub citation: &'a Citation,
    /// Its status.
    pub verification: Verification,
}

/// Every citation of `dossier` (measures' in order, then positions'), each verified against the
/// source text `text_of` gives for its source (`None`: unavailable).
#[must_use]
pub fn verify_dossier<'a, 't>(
    dossier: &'a Dossier,
    text_of: impl Fn(&SourceId) -> Option<&'t SourceText>,
) -> Vec<Checked<'a>> {
    let measures = dossier.measures.iter().flat_map(|m| {
        m.citations
            .iter()
            .enumerate()
            .map(move |(index, c)| (CitationRef::Measure { id: &m.id, index }, c))
    });
    let positions = dossier
        .positions
        .iter()
        .map(|p| (CitationRef::Position(&p.id), &p.citation));
    measures
        .chain(positions)
        .map(|(which, citation)| Checked {
            which,
            citation,
            verification: verify(&citation.excerpt, text_of(&citation.source)),
        })
        .collect()
}

/// How many citations have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Verified as they are.
    pub verified: usize,
    /// Verified with typographic differences.
    pub typographic: usize,
    /// Not found.
    pub not_found: usize,
    /// Without source text.
    pub unavailable: usize,
}

impl Tally {
    /// Count `checked`.
    #[must_use]
    pub fn of(checked: &[Checked<'_>]) -> Self {
        let mut t = Self::default();
        for c in checked {
            t.add(&c.verification);
        }
        t
    }

    /// Count one more citation.
    pub fn add(&mut self, verification: &Verification) {
        match verification {
            Verification::Verified { .. } => self.verified += 1,
            Verification::VerifiedTypographic { .. } => self.typographic += 1,
            Verification::NotFound { .. } => self.not_found += 1,
            Verification::SourceUnavailable => self.unavailable += 1,
        }
    }

    /// Every citation counted.
    #[must_use]
    pub fn total(&self) -> usize {
        self.verified + self.typographic + self.not_found + self.unavailable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(paragraphs: &[&str]) -> SourceText {
        SourceText::new(Extracted::from_blocks(
            paragraphs.iter().map(|t| (*t, None)),
        ))
    }

    #[test]
    fn a_quote_is_verified_whatever_its_white_space_and_located_by_paragraph() {
        let s = source(&[
            "Introduction du document.",
            "Les établissements\nmédico-sociaux  doivent être\u{a0}associés à la réforme.",
        ]);
        assert_eq!(
            s.verify("établissements médico-sociaux doivent être associés"),
            Verification::Verified {
                paragraph: 1,
                place: Place::Paragraph(2)
            }
        );
        // Across two paragraphs, as a reader would copy it.
        assert!(matches!(
            s.verify("du document. Les établissements"),
            Verification::Verified { paragraph: 0, .. }
        ));
        // A short one, shorter than a word key.
        assert!(s.verify("Les").is_verified());
    }

    #[test]
    fn extraction_artefacts_verify_with_typographic_differences() {
        let s = source(&[
            "La coopération inter-\nnationale et le finance\u{fb01}ment l\u{2019}exigent.",
            "Un accord multi-\nacteurs, co\u{ad}construit.",
        ]);
        for quote in [
            "La coopération internationale",
            "La coopération inter-nationale",
            "le financefiment l'exigent",
            "accord multi-acteurs, coconstruit",
        ] {
            assert!(
                matches!(s.verify(quote), Verification::VerifiedTypographic { .. }),
                "{quote}: {:?}",
                s.verify(quote)
            );
        }
        // Decomposed accents (as some PDFs give them) against composed ones.
        let decomposed = source(&["Le Se\u{301}gur de la sante\u{301}."]);
        assert!(matches!(
            decomposed.verify("Le Ségur de la santé"),
            Verification::VerifiedTypographic { .. }
        ));
    }

    #[test]
    fn a_changed_letter_is_not_found_and_the_closest_passage_shows_the_original() {
        let s = source(&[
            "Premier paragraphe sans rapport avec la citation cherchée ici.",
            "Nous demandons la revalorisation des salaires de tous les professionnels du secteur.",
            "Un troisième paragraphe, lui aussi sans rapport.",
        ]);
        let v = s.verify("la revalorisation des salaires de tous les professionnelles du secteur");
        let Verification::NotFound { closest: Some(c) } = v else {
            panic!("{v:?}");
        };
        assert_eq!(c.paragraph, 1);
        assert!(
            c.text
                .contains("revalorisation des salaires de tous les professionnels"),
            "{}",
            c.text
        );
        assert!(c.similarity > 0.8, "{}", c.similarity);
        // Nothing alike at all.
        assert_eq!(s.verify("zzzz"), Verification::NotFound { closest: None });
        assert_eq!(verify("x", None), Verification::SourceUnavailable);
    }

    #[test]
    fn a_quote_is_found_by_its_words_wherever_it_starts() {
        let long: Vec<String> = (0..2000)
            .map(|i| format!("Phrase numéro {i} du rapport, avec des mots communs."))
            .collect();
        let refs: Vec<&str> = long.iter().map(String::as_str).collect();
        let s = source(&refs);
        assert!(matches!(
            s.verify("méro 1234 du rapport, avec des mots communs. Phrase numéro 1235"),
            Verification::Verified {
                paragraph: 1234,
                ..
            }
        ));
    }

    #[test]
    fn a_quote_is_located_in_the_text_as_extracted_across_line_breaks_and_paragraphs() {
        let text = source(&[
            "Préambule.",
            "Nous  demandons\nla revalorisation\u{a0}des métiers. Fin.",
            "Suite du texte.",
        ]);
        let raw = &text.extracted().paragraphs[1].text;
        let at = text
            .locate("demandons la revalorisation des métiers")
            .expect("found");
        assert_eq!(at.start.0, 1);
        assert_eq!(at.end.0, 1);
        assert_eq!(
            &raw[at.start.1..at.end.1],
            "demandons\nla revalorisation\u{a0}des métiers"
        );
        assert!(!at.typographic);
        let across = text.locate("Fin. Suite").expect("found across paragraphs");
        assert_eq!((across.start.0, across.end.0), (1, 2));
        assert_eq!(&raw[across.start.1..], "Fin.");
        assert_eq!(across.end.1, "Suite".len());
        assert_eq!(text.locate("absent du texte"), None);
    }

    #[test]
    fn a_typographic_match_is_located_by_its_whole_paragraph() {
        let text = source(&["Avant.", "l’inter-\nnational"]);
        let at = text.locate("l'international").expect("found once folded");
        assert!(at.typographic);
        assert_eq!(at.start, (1, 0));
        assert_eq!(at.end, (1, "l’inter-\nnational".len()));
    }
}
