//! Words as the ranking compares them: French text cut into words, élisions split off
//! (« l’hôpital » → « hôpital »), stop words dropped, each word stemmed by the Snowball French
//! stemmer (« hôpitaux » → « hôpital », « revalorisations » → « revaloris »), then its accents
//! and case folded (« hôpital » and « hopital » meet). Stemming comes before folding because the
//! stemmer's rules are written for accented French.
//!
//! [`plain`] is the baseline the evaluation compares against: the same words, lowercased, with
//! neither stemming, folding nor stop words.

use crate::view::fold;
use rust_stemmers::{Algorithm, Stemmer};
use std::ops::Range;
use std::sync::OnceLock;

/// A word of a text as the ranking sees it: its stem, and where it is in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Stemmed, then folded.
    pub stem: String,
    /// Its bytes in the text (the élision left out).
    pub span: Range<usize>,
}

/// The articles, pronouns, prepositions and auxiliaries that say nothing of what a text is
/// about, folded (Snowball's French list, with the numbers written as words, linking adverbs
/// such as « toutefois » or « notamment », and `mesure`, which every measure and many positions
/// say).
const STOP_WORDS: &[&str] = &[
    "a",
    "abord",
    "afin",
    "ai",
    "aie",
    "aient",
    "aies",
    "ainsi",
    "ait",
    "alors",
    "apres",
    "as",
    "au",
    "aucun",
    "aucune",
    "aupres",
    "auquel",
    "aura",
    "aurai",
    "auraient",
    "aurais",
    "aurait",
    "auras",
    "aurez",
    "auriez",
    "aurions",
    "aurons",
    "auront",
    "aussi",
    "autre",
    "autres",
    "aux",
    "avaient",
    "avais",
    "avait",
    "avant",
    "avec",
    "avez",
    "aviez",
    "avions",
    "avoir",
    "avons",
    "ayant",
    "ayez",
    "ayons",
    "bien",
    "c",
    "ca",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celles",
    "celui",
    "cependant",
    "ces",
    "cet",
    "cette",
    "ceux",
    "chaque",
    "ci",
    "comme",
    "d",
    "dans",
    "de",
    "deja",
    "des",
    "deux",
    "doit",
    "doivent",
    "donc",
    "dont",
    "du",
    "egalement",
    "elle",
    "elles",
    "en",
    "encore",
    "enfin",
    "ensuite",
    "entre",
    "es",
    "est",
    "et",
    "etaient",
    "etais",
    "etait",
    "etant",
    "ete",
    "etes",
    "etiez",
    "etions",
    "etre",
    "eu",
    "eue",
    "eues",
    "eumes",
    "eurent",
    "eus",
    "eusse",
    "eussent",
    "eusses",
    "eussiez",
    "eussions",
    "eut",
    "eutes",
    "eux",
    "faire",
    "fait",
    "fumes",
    "furent",
    "fus",
    "fusse",
    "fussent",
    "fusses",
    "fussiez",
    "fussions",
    "fut",
    "futes",
    "ici",
    "il",
    "ils",
    "j",
    "je",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "lui",
    "m",
    "ma",
    "mais",
    "me",
    "meme",
    "memes",
    "mes",
    "mesure",
    "mesures",
    "moi",
    "mon",
    "n",
    "ne",
    "ni",
    "nos",
    "notamment",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "par",
    "parce",
    "pas",
    "peu",
    "peut",
    "plus",
    "plusieurs",
    "pour",
    "qu",
    "quand",
    "que",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "qui",
    "s",
    "sa",
    "sans",
    "se",
    "selon",
    "sera",
    "serai",
    "seraient",
    "serais",
    "serait",
    "seras",
    "serez",
    "seriez",
    "serions",
    "serons",
    "seront",
    "ses",
    "si",
    "soient",
    "sois",
    "soit",
    "sommes",
    "son",
    "sont",
    "sous",
    "soyez",
    "soyons",
    "suis",
    "sur",
    "t",
    "ta",
    "tant",
    "te",
    "tes",
    "toi",
    "ton",
    "tous",
    "tout",
    "toute",
    "toutefois",
    "toutes",
    "tres",
    "trois",
    "tu",
    "un",
    "une",
    "unes",
    "uns",
    "vers",
    "vos",
    "votre",
    "vous",
    "y",
];

/// The letters before an apostrophe that are an élision of the next word.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu",
];

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::French))
}

fn is_stop(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// The runs of letters and digits of `text`, with their bytes; an apostrophe (' or ’) inside
/// a word ends the run before it.
fn runs(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out.into_iter().map(move |r| (r.clone(), &text[r]))
}

/// The words of `text` the ranking counts, in order (see the module's documentation).
#[must_use]
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for (span, run) in runs(text) {
        lower.clear();
        lower.extend(run.chars().flat_map(char::to_lowercase));
        // An élision is a run of its own before the apostrophe; it is a stop word anyway.
        let folded = fold(&lower);
        if folded.len() < 2 || is_stop(&folded) || ELISIONS.contains(&folded.as_str()) {
            continue;
        }
        if run.chars().all(|c| c.is_ascii_digit()) && run.len() < 2 {
            continue;
        }
        let stem = fold(&stemmer().stem(&lower));
        if stem.is_empty() {
            continue;
        }
        out.push(Word { stem, span });
    }
    out
}

/// The stems of `text`, for a query.
#[must_use]
pub fn stems(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.stem).collect()
}

/// The baseline's words: lowercased runs of letters and digits of two characters or more, as
/// written (no stemming, no folding, no stop words).
#[must_use]
pub fn plain(text: &str) -> Vec<String> {
    runs(text)
        .filter(|(_, run)| run.chars().count() >= 2)
        .map(|(_, run)| run.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> String {
        let w = stems(text);
        assert_eq!(w.len(), 1, "{text}: {w:?}");
        w[0].clone()
    }

    #[test]
    fn the_stop_words_are_sorted_for_the_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn singulars_and_plurals_meet() {
        for (a, b) in [
            ("hôpital", "hôpitaux"),
            ("salaire", "salaires"),
            ("revalorisation", "revalorisations"),
            ("soignant", "soignants"),
            ("établissement", "établissements"),
            ("médecin", "médecins"),
            ("infirmier", "infirmières"),
            ("salariale", "salariales"),
        ] {
            assert_eq!(one(a), one(b), "{a} / {b}");
        }
        assert_ne!(one("hôpital"), one("santé"));
    }

    #[test]
    fn accents_and_case_are_folded_after_stemming() {
        assert_eq!(one("Hôpital"), one("hopital"));
        assert_eq!(one("SANTÉ"), one("sante"));
        assert!(one("hôpital").is_ascii());
    }

    #[test]
    fn elisions_are_split_off_with_either_apostrophe() {
        assert_eq!(stems("l’hôpital"), stems("hôpital"));
        assert_eq!(stems("l'hôpital"), stems("hôpital"));
        assert_eq!(stems("d’investissement"), stems("investissement"));
        assert_eq!(stems("qu’elle"), Vec::<String>::new(), "all stop words");
        let w = words("l’hôpital");
        assert_eq!(
            &"l’hôpital"[w[0].span.clone()],
            "hôpital",
            "the span skips the élision"
        );
    }

    #[test]
    fn stop_words_and_single_digits_are_dropped_but_numbers_kept() {
        assert_eq!(stems("de la et les pour une 5"), Vec::<String>::new());
        assert_eq!(stems("183 euros").len(), 2);
    }

    #[test]
    fn the_baseline_neither_stems_nor_folds() {
        assert_eq!(
            plain("Les hôpitaux, l’hôpital"),
            ["les", "hôpitaux", "hôpital"]
        );
        assert_ne!(plain("hôpitaux"), plain("hôpital"));
    }
}
