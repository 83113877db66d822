//! Suggested evidence, offline and explainable: for each measure, every stakeholder's positions
//! (and, when the source texts were read, the paragraphs of the stakeholder's documents) ranked
//! by how much of the measure's words they use, with the words that matched. Nothing here links
//! anything: the window shows the suggestions and the analyst decides.
//!
//! The model is Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's always-positive idf) over the words of
//! [`words`]: French stems, accents and case folded, élisions and stop words dropped. A measure's
//! query is its title, summary and citations, each distinct stem counted once; a position's
//! document is its title and quote; a passage is a paragraph of one of the stakeholder's
//! documents, left out when it holds one of the stakeholder's quotes (the position is offered
//! instead) or has fewer than [`MIN_PASSAGE_WORDS`] words; a document is a stakeholder's when it
//! names it, or when every position quoting it is that stakeholder's. The statistics (document lengths,
//! document frequencies) are those of every position and passage of the dossier.
//!
//! The ranking never reads what it could be judged against: neither the cells' evidence nor the
//! positions' list of the measures they speak to (`Position::measures`) — a test holds its
//! results identical on a copy with both removed. [`eval`] measures it against those links.
//!
//! The other direction, [`Index::measures_for`], ranks the measures by the words of one
//! position, for the proposals no measure answers.

pub mod eval;
#[cfg(test)]
mod tests;
pub mod words;

use crate::model::{Dossier, PositionId, SourceId, SuggestionKey};
use crate::sources::SourceText;
use foldhash::HashMap;

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// BM25's length normalisation.
const B: f32 = 0.75;
/// How much more a word of a measure's title counts than one of its citations: the title says
/// what the measure is; a citation quotes the government's whole paragraph around it.
const TITLE_WEIGHT: f32 = 3.0;
/// The same for the summary, the dossier author's own words on the measure.
const SUMMARY_WEIGHT: f32 = 2.0;
/// A paragraph with fewer counted words is no passage (a heading, a page number).
pub const MIN_PASSAGE_WORDS: usize = 6;

/// What a suggestion proposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A position of the dossier (its index in `Dossier::positions`).
    Position(usize),
    /// A paragraph of a source's text.
    Passage {
        /// The source's index in `Dossier::sources`.
        source: usize,
        /// The paragraph, from 0.
        paragraph: usize,
        /// Its bytes in the text `visavis extract` prints (the key a dismissal keeps).
        start: u64,
        /// Where it ends.
        end: u64,
    },
}

/// One suggestion for a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What it proposes.
    pub target: Target,
    /// Its BM25 score (only comparable within one measure).
    pub score: f32,
    /// The measure's stems it holds, sorted.
    pub matched: Vec<String>,
}

impl Suggestion {
    /// The key a dismissal of it is remembered by.
    #[must_use]
    pub fn key(&self, dossier: &Dossier) -> Option<SuggestionKey> {
        Some(match &self.target {
            Target::Position(p) => SuggestionKey::Position(dossier.positions.get(*p)?.id.clone()),
            Target::Passage {
                source, start, end, ..
            } => SuggestionKey::Passage {
                source: dossier.sources.get(*source)?.id.clone(),
                start: *start,
                end: *end,
            },
        })
    }
}

/// A bag of words per document and the postings BM25 walks.
#[derive(Debug, Default)]
struct Bm25 {
    /// Each document's length in counted words.
    lengths: Vec<u32>,
    /// By term: the documents holding it and how often.
    postings: HashMap<u32, Vec<(u32, u16)>>,
    average: f32,
}

impl Bm25 {
    fn new(docs: &[Vec<u32>]) -> Self {
        let mut postings: HashMap<u32, Vec<(u32, u16)>> = HashMap::default();
        let mut counts: HashMap<u32, u16> = HashMap::default();
        for (d, terms) in docs.iter().enumerate() {
            counts.clear();
            for t in terms {
                *counts.entry(*t).or_default() = counts.get(t).map_or(1, |n| n.saturating_add(1));
            }
            let mut sorted: Vec<(u32, u16)> = counts.iter().map(|(t, n)| (*t, *n)).collect();
            sorted.sort_unstable();
            #[allow(clippy::cast_possible_truncation)]
            for (t, n) in sorted {
                postings.entry(t).or_default().push((d as u32, n));
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        let lengths: Vec<u32> = docs.iter().map(|d| d.len() as u32).collect();
        #[allow(clippy::cast_precision_loss)]
        let average = if lengths.is_empty() {
            1.0
        } else {
            lengths.iter().map(|&n| n as f32).sum::<f32>() / lengths.len() as f32
        };
        Self {
            lengths,
            postings,
            average: average.max(1.0),
        }
    }

    /// Add each document's score for the distinct `query` terms into `scores` (one slot per
    /// document), for the documents `keep` accepts.
    fn score(
        &self,
        query: &[(u32, f32)],
        keep: impl Fn(u32) -> bool,
        scores: &mut HashMap<u32, f32>,
    ) {
        #[allow(clippy::cast_precision_loss)]
        let n = self.lengths.len() as f32;
        for (t, weight) in query {
            let Some(list) = self.postings.get(t) else {
                continue;
            };
            #[allow(clippy::cast_precision_loss)]
            let df = list.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &(d, tf) in list {
                if !keep(d) {
                    continue;
                }
                #[allow(clippy::cast_precision_loss)]
                let len = self.lengths[d as usize] as f32;
                let tf = f32::from(tf);
                let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.average));
                *scores.entry(d).or_default() += weight * s;
            }
        }
    }
}

/// A document of the ranking: a position or a passage, its stakeholder and its terms.
#[derive(Debug)]
struct Doc {
    target: Target,
    stakeholder: usize,
    terms: Vec<u32>,
}

/// The ranking of one dossier, built once and asked for each cell.
#[derive(Debug, Default)]
pub struct Index {
    /// Stem → term id.
    vocabulary: HashMap<String, u32>,
    /// Term id → stem.
    stems: Vec<String>,
    docs: Vec<Doc>,
    evidence: Bm25,
    /// Each measure's distinct query terms, with their weight.
    queries: Vec<Vec<(u32, f32)>>,
    /// The measures as documents, for [`Index::measures_for`].
    measures: Bm25,
    /// Each position's distinct terms (as a query of the measures).
    position_terms: Vec<Vec<(u32, f32)>>,
}

impl Index {
    /// Index `dossier`, with the paragraphs of the source texts `text` gives (those read) as
    /// passages.
    #[must_use]
    pub fn build<'t>(
        dossier: &Dossier,
        text: impl Fn(&SourceId) -> Option<&'t SourceText>,
    ) -> Self {
        let mut index = Self::default();
        let stakeholder_ix: HashMap<&str, usize> = dossier
            .stakeholders
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        for (p, position) in dossier.positions.iter().enumerate() {
            let terms = index.terms(&format!("{} {}", position.title, position.citation.excerpt));
            index.position_terms.push(weighted(&[(&terms, 1.0)]));
            if let Some(&s) = stakeholder_ix.get(position.stakeholder.as_str()) {
                index.docs.push(Doc {
                    target: Target::Position(p),
                    stakeholder: s,
                    terms,
                });
            }
        }
        index.passages(dossier, text, &stakeholder_ix);
        let bags: Vec<Vec<u32>> = index.docs.iter().map(|d| d.terms.clone()).collect();
        index.evidence = Bm25::new(&bags);
        let mut measure_bags = Vec::with_capacity(dossier.measures.len());
        for m in &dossier.measures {
            let title = index.terms(&m.title);
            let summary = index.terms(&m.summary);
            let mut citations = Vec::new();
            for c in &m.citations {
                citations.extend(index.terms(&c.excerpt));
            }
            index.queries.push(weighted(&[
                (&title, TITLE_WEIGHT),
                (&summary, SUMMARY_WEIGHT),
                (&citations, 1.0),
            ]));
            measure_bags.push([title, summary, citations].concat());
        }
        index.measures = Bm25::new(&measure_bags);
        index
    }

    /// The term ids of `text`, new stems added to the vocabulary.
    fn terms(&mut self, text: &str) -> Vec<u32> {
        words::words(text)
            .into_iter()
            .map(|w| {
                if let Some(&t) = self.vocabulary.get(&w.stem) {
                    return t;
                }
                #[allow(clippy::cast_possible_truncation)]
                let t = self.stems.len() as u32;
                self.stems.push(w.stem.clone());
                self.vocabulary.insert(w.stem, t);
                t
            })
            .collect()
    }

    /// The paragraphs of the stakeholders' documents, as passages.
    fn passages<'t>(
        &mut self,
        dossier: &Dossier,
        texts: impl Fn(&SourceId) -> Option<&'t SourceText>,
        stakeholders: &HashMap<&str, usize>,
    ) {
        for (si, source) in dossier.sources.iter().enumerate() {
            let Some(s) = owner(dossier, source, stakeholders) else {
                continue;
            };
            let Some(text) = texts(&source.id) else {
                continue;
            };
            // The paragraphs that hold one of the dossier's quotes of this document.
            let mut quoted = std::collections::BTreeSet::new();
            for p in dossier
                .positions
                .iter()
                .filter(|p| p.citation.source == source.id)
            {
                if let Some(at) = text.locate(&p.citation.excerpt) {
                    quoted.extend(at.start.0..=at.end.0);
                }
            }
            let extracted = text.extracted();
            let whole = extracted.to_text();
            let mut cursor = 0;
            for (n, paragraph) in extracted.paragraphs.iter().enumerate() {
                let start = whole[cursor..]
                    .find(&paragraph.text)
                    .map_or(cursor, |i| cursor + i);
                let end = start + paragraph.text.len();
                cursor = end.min(whole.len());
                if quoted.contains(&n) {
                    continue;
                }
                let terms = self.terms(&paragraph.text);
                if terms.len() < MIN_PASSAGE_WORDS {
                    continue;
                }
                self.docs.push(Doc {
                    target: Target::Passage {
                        source: si,
                        paragraph: n,
                        start: start as u64,
                        end: end as u64,
                    },
                    stakeholder: s,
                    terms,
                });
            }
        }
    }

    /// Every position and passage of `stakeholder` (index in the dossier) that shares a word
    /// with `measure` (index), best first; ties in dossier order.
    #[must_use]
    pub fn rank(&self, measure: usize, stakeholder: usize) -> Vec<Suggestion> {
        let Some(query) = self.queries.get(measure) else {
            return Vec::new();
        };
        let mut scores = HashMap::default();
        self.evidence.score(
            query,
            |d| self.docs[d as usize].stakeholder == stakeholder,
            &mut scores,
        );
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .map(|(d, score)| {
                let doc = &self.docs[d as usize];
                Suggestion {
                    target: doc.target.clone(),
                    score,
                    matched: self.matched(query, &doc.terms),
                }
            })
            .collect()
    }

    /// The measures (index, score, matched stems) the words of `position` (index in the
    /// dossier) may speak to, best first; ties in dossier order.
    #[must_use]
    pub fn measures_for(&self, position: usize) -> Vec<(usize, f32, Vec<String>)> {
        let Some(query) = self.position_terms.get(position) else {
            return Vec::new();
        };
        let mut scores = HashMap::default();
        self.measures.score(query, |_| true, &mut scores);
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .map(|(m, score)| {
                let terms: Vec<u32> = self.queries[m as usize].iter().map(|(t, _)| *t).collect();
                (m as usize, score, self.matched(query, &terms))
            })
            .collect()
    }

    /// The stems of `query` that `terms` holds, sorted.
    fn matched(&self, query: &[(u32, f32)], terms: &[u32]) -> Vec<String> {
        let mut out: Vec<String> = query
            .iter()
            .map(|(t, _)| t)
            .filter(|t| terms.contains(t))
            .map(|t| self.stems[*t as usize].clone())
            .collect();
        out.sort_unstable();
        out
    }

    /// How many positions and passages are ranked.
    #[must_use]
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether nothing can be suggested.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// The stakeholder whose document `source` is: the one it names, else the one every position
/// quoting it belongs to (older dossiers name no stakeholder on their sources); `None` for the
/// government's documents and for a document several stakeholders are quoted from.
fn owner(
    dossier: &Dossier,
    source: &crate::model::Source,
    stakeholders: &HashMap<&str, usize>,
) -> Option<usize> {
    if let Some(id) = &source.stakeholder {
        return stakeholders.get(id.as_str()).copied();
    }
    let mut quoting = dossier
        .positions
        .iter()
        .filter(|p| p.citation.source == source.id)
        .map(|p| p.stakeholder.as_str());
    let first = quoting.next()?;
    quoting
        .all(|s| s == first)
        .then(|| stakeholders.get(first).copied())
        .flatten()
}

/// The distinct terms of the `fields`, each with the weight of the heaviest field holding it,
/// in first-seen order.
fn weighted(fields: &[(&Vec<u32>, f32)]) -> Vec<(u32, f32)> {
    let mut out: Vec<(u32, f32)> = Vec::new();
    let mut at: HashMap<u32, usize> = HashMap::default();
    for (terms, weight) in fields {
        for t in *terms {
            if let Some(&i) = at.get(t) {
                out[i].1 = out[i].1.max(*weight);
            } else {
                at.insert(*t, out.len());
                out.push((*t, *weight));
            }
        }
    }
    out
}

/// The suggestions to show on a cell: [`Index::rank`] without what the cell already cites and
/// what the analyst dismissed there, at most `limit`.
#[must_use]
pub fn for_cell(
    index: &Index,
    session: &crate::model::Session,
    measure: usize,
    stakeholder: usize,
    limit: usize,
) -> Vec<Suggestion> {
    let d = &session.dossier;
    let (Some(m), Some(s)) = (d.measures.get(measure), d.stakeholders.get(stakeholder)) else {
        return Vec::new();
    };
    let cell = crate::model::CellId::new(m.id.clone(), s.id.clone());
    let assessment = session.assessments.get(&cell);
    let cited = |id: &PositionId| assessment.is_some_and(|a| a.evidence.contains(id));
    let dismissed = |key: &SuggestionKey| assessment.is_some_and(|a| a.dismissed.contains(key));
    index
        .rank(measure, stakeholder)
        .into_iter()
        .filter(|sg| match &sg.target {
            Target::Position(p) => d.positions.get(*p).is_some_and(|p| !cited(&p.id)),
            Target::Passage { source, .. } => *source < d.sources.len(),
        })
        .filter(|sg| sg.key(d).is_none_or(|k| !dismissed(&k)))
        .take(limit)
        .collect()
}

/// The byte ranges of `text` whose words have one of the `stems`, for highlighting.
#[must_use]
pub fn marks(text: &str, stems: &[String]) -> Vec<std::ops::Range<usize>> {
    words::words(text)
        .into_iter()
        .filter(|w| stems.binary_search(&w.stem).is_ok())
        .map(|w| w.span)
        .collect()
}

/// A source's id, for passages shown by id.
#[must_use]
pub fn source_id(dossier: &Dossier, source: usize) -> Option<&SourceId> {
    dossier.sources.get(source).map(|s| &s.id)
}
