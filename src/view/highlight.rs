//! Where the search words occur in a text as the user sees it: the byte ranges of the original
//! text whose folded form (accents and case ignored, as the search compares) holds a word, so
//! the window can mark them.

use super::fold::fold_into;
use std::ops::Range;

/// The search words of `search` as the grid's filter reads them: folded, split on whitespace.
#[must_use]
pub fn search_words(search: &str) -> Vec<String> {
    super::fold(search.trim())
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The byte ranges of `text` (on character boundaries, sorted, merged when they touch) where
/// one of the folded `words` occurs, compared as [`super::fold`] folds them.
#[must_use]
pub fn matches(text: &str, words: &[String]) -> Vec<Range<usize>> {
    if words.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // The folded text, and for each of its bytes the original character it came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let before = folded.len();
        let mut buf = [0; 4];
        fold_into(&mut folded, c.encode_utf8(&mut buf));
        let end = at + c.len_utf8();
        origin.extend(std::iter::repeat_n(at..end, folded.len() - before));
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(i) = folded[from..].find(word.as_str()) {
            let start = from + i;
            let last = start + word.len() - 1;
            found.push(origin[start].start..origin[last].end);
            from = start + word.len();
        }
    }
    found.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, search: &str) -> Vec<String> {
        matches(text, &search_words(search))
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    #[test]
    fn a_match_ignores_accents_and_case_and_marks_the_original_letters() {
        assert_eq!(
            marked("Infirmiers en pratique avancée", "PRATIQUE avancee"),
            ["pratique", "avancée"]
        );
        assert_eq!(marked("Ségur de la santé", "segur"), ["Ségur"]);
        assert_eq!(marked("cœur", "coeur"), ["cœur"]);
    }

    #[test]
    fn every_occurrence_is_marked_and_touching_ones_merge() {
        assert_eq!(marked("lit, lits et litiges", "lit"), ["lit", "lit", "lit"]);
        assert_eq!(marked("hôpital", "hop pital"), ["hôpital"]);
        assert!(marked("rien", "").is_empty());
        assert!(marked("rien", "autre").is_empty());
    }
}
