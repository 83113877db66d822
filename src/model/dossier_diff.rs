//! What changed between two versions of a dossier: per measure added, removed, changed or
//! renamed, with a word-level diff of each changed text; and the sources, pillars, stakeholders
//! and positions added, removed or changed.
//!
//! It lives in `model` because it is pure dossier logic, as the validator is: two [`Dossier`]s
//! in, a [`DossierDiff`] out, no files, no window, no language. `visavis dossier diff` prints it
//! and [`crate::model::update_session`] carries a session over with it.
//!
//! Measures are matched by id. A measure whose id is on one side only is matched with one on
//! the other side by the similarity of its words ([`similarity`]: the word-set Jaccard index of
//! title, summary and citation excerpts, lower-cased) when it reaches [`RENAME_THRESHOLD`],
//! best pairs first, each measure matched at most once: that is a *renamed* measure. Word
//! diffs are a longest common subsequence over whitespace-separated words, written by hand (a
//! few dozen lines) rather than by a crate: the texts are a few hundred words at most.

use crate::model::dossier::{Citation, Dossier, Figure, Measure};
use crate::model::ids::{MeasureId, PillarId, PositionId, SourceId, StakeholderId};
use std::collections::{BTreeSet, HashMap};

/// Two measures whose ids are each on one side only are the same measure renamed when the
/// [`similarity`] of their words is at least this. Between two different measures of the Ségur
/// dossier it is at most 0.42 (two measures citing the same passage; a unit test keeps it under
/// 0.45); a measure given a new id and reworded in a phrase stays above 0.75.
pub const RENAME_THRESHOLD: f64 = 0.6;

/// Past this many word pairs (words of the old text × words of the new), the part of two texts
/// that differs is shown as removed then added, without looking for common words inside it.
const MAX_LCS_CELLS: usize = 4_000_000;

/// A run of words in a word diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordEdit {
    /// Words on both sides.
    Same(String),
    /// Words of the old text only.
    Removed(String),
    /// Words of the new text only.
    Added(String),
}

/// The word diff of `old` against `new`: runs of words kept, removed and added, in text order
/// (words separated by single spaces; the texts' own white space is not kept). Removed words
/// come before the added words that replace them.
#[must_use]
pub fn word_diff(old: &str, new: &str) -> Vec<WordEdit> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(Op, &str)> = a[..prefix].iter().map(|w| (Op::Same, *w)).collect();
    ops.extend(lcs_ops(mid_a, mid_b));
    ops.extend(a[a.len() - suffix..].iter().map(|w| (Op::Same, *w)));
    group(&ops)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// The edit script of `old` into `new` by a longest common subsequence of words.
fn lcs_ops<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<(Op, &'a str)> {
    let (rows, cols) = (old.len(), new.len());
    if rows.saturating_mul(cols) > MAX_LCS_CELLS || rows == 0 || cols == 0 {
        let mut ops: Vec<(Op, &str)> = old.iter().map(|w| (Op::Removed, *w)).collect();
        ops.extend(new.iter().map(|w| (Op::Added, *w)));
        return ops;
    }
    // lengths[i][j]: the longest common subsequence of old[i..] and new[j..].
    let width = cols + 1;
    let mut lengths = vec![0u32; (rows + 1) * width];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            lengths[i * width + j] = if old[i] == new[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(rows + cols);
    while i < rows && j < cols {
        if old[i] == new[j] {
            ops.push((Op::Same, old[i]));
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            ops.push((Op::Removed, old[i]));
            i += 1;
        } else {
            ops.push((Op::Added, new[j]));
            j += 1;
        }
    }
    ops.extend(old[i..].iter().map(|w| (Op::Removed, *w)));
    ops.extend(new[j..].iter().map(|w| (Op::Added, *w)));
    ops
}

/// Consecutive words of one kind as one run; within a stretch of changes, removed words first.
fn group(ops: &[(Op, &str)]) -> Vec<WordEdit> {
    let mut edits = Vec::new();
    let mut at = 0;
    while at < ops.len() {
        if ops[at].0 == Op::Same {
            let end = ops[at..]
                .iter()
                .position(|(op, _)| *op != Op::Same)
                .map_or(ops.len(), |k| at + k);
            edits.push(WordEdit::Same(join(&ops[at..end])));
            at = end;
        } else {
            let end = ops[at..]
                .iter()
                .position(|(op, _)| *op == Op::Same)
                .map_or(ops.len(), |k| at + k);
            let stretch = &ops[at..end];
            let removed: Vec<_> = stretch
                .iter()
                .filter(|(op, _)| *op == Op::Removed)
                .collect();
            let added: Vec<_> = stretch.iter().filter(|(op, _)| *op == Op::Added).collect();
            if !removed.is_empty() {
                edits.push(WordEdit::Removed(join_refs(&removed)));
            }
            if !added.is_empty() {
                edits.push(WordEdit::Added(join_refs(&added)));
            }
            at = end;
        }
    }
    edits
}

fn join(ops: &[(Op, &str)]) -> String {
    ops.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ")
}

fn join_refs(ops: &[&(Op, &str)]) -> String {
    ops.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ")
}

/// A word diff written as `git diff --word-diff=plain` does: `kept [-removed-]{+added+} kept`.
#[must_use]
pub fn render_word_diff(edits: &[WordEdit]) -> String {
    let mut out = String::new();
    for e in edits {
        let piece = match e {
            WordEdit::Same(w) => w.clone(),
            WordEdit::Removed(w) => format!("[-{w}-]"),
            WordEdit::Added(w) => format!("{{+{w}+}}"),
        };
        // A replacement (removed then added) is written without a space between its two parts.
        let glued = matches!(e, WordEdit::Added(_)) && out.ends_with("-]");
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    out
}

/// [`render_word_diff`], keeping of the unchanged words only `context` on each side of a change
/// and writing `…` for the rest, so that one word changed in a long summary reads in a line.
#[must_use]
pub fn render_word_diff_near(edits: &[WordEdit], context: usize) -> String {
    let last = edits.len().saturating_sub(1);
    let trimmed: Vec<WordEdit> = edits
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            WordEdit::Same(run) => {
                let words: Vec<&str> = run.split(' ').collect();
                let keep_head = if i == last { context } else { 0 };
                let keep_tail = if i == 0 { context } else { 0 };
                let (head, tail) = match (i == 0, i == last) {
                    (true, true) => return e.clone(),
                    (true, false) => (0, keep_tail),
                    (false, true) => (keep_head, 0),
                    (false, false) => (context, context),
                };
                if words.len() <= head + tail + 1 {
                    return e.clone();
                }
                let mut out: Vec<&str> = words[..head].to_vec();
                out.push("…");
                out.extend(&words[words.len() - tail..]);
                WordEdit::Same(out.join(" "))
            }
            other => other.clone(),
        })
        .collect();
    render_word_diff(&trimmed)
}

/// How alike two measures' words are, from 0 (no word in common) to 1 (the same words): the
/// Jaccard index of the sets of lower-cased words of their title, summary and citation
/// excerpts. Order and repetition do not count, so a reworded sentence stays close.
#[must_use]
pub fn similarity(a: &Measure, b: &Measure) -> f64 {
    let (wa, wb) = (measure_words(a), measure_words(b));
    let union = wa.union(&wb).count();
    if union == 0 {
        return 0.0;
    }
    let common = wa.intersection(&wb).count();
    // Word counts are far below 2^52: exact in an f64.
    #[allow(clippy::cast_precision_loss)]
    let index = common as f64 / union as f64;
    index
}

fn measure_words(m: &Measure) -> BTreeSet<String> {
    let texts = [m.title.as_str(), m.summary.as_str()]
        .into_iter()
        .chain(m.citations.iter().map(|c| c.excerpt.as_str()));
    texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A part of a measure that can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MeasureField {
    /// The title.
    Title,
    /// The summary.
    Summary,
    /// The figures (amounts, quantities, dates).
    Figures,
    /// The citations (source, excerpt, location).
    Citations,
    /// The pillar.
    Pillar,
    /// Whether the pillar is inferred (the sources do not say it).
    PillarInferred,
}

impl MeasureField {
    /// The field's name in English, as `visavis dossier diff` prints it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            MeasureField::Title => "title",
            MeasureField::Summary => "summary",
            MeasureField::Figures => "figures",
            MeasureField::Citations => "citations",
            MeasureField::Pillar => "pillar",
            MeasureField::PillarInferred => "pillar inferred",
        }
    }
}

/// One changed field of a measure, with the word diff of its text (figures and citations are
/// compared as written out: `label: value unit`, `source: excerpt (location)`, one after another).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// Which field.
    pub field: MeasureField,
    /// Its word diff, old against new.
    pub diff: Vec<WordEdit>,
}

/// What happened to a measure between the two versions.
#[derive(Clone, Debug, PartialEq)]
pub enum MeasureStatus {
    /// The same id on both sides, nothing changed.
    Unchanged,
    /// The same id on both sides, some fields changed.
    Changed,
    /// A different id, matched by the similarity of its words (at least [`RENAME_THRESHOLD`]).
    Renamed {
        /// The [`similarity`] of the two versions.
        similarity: f64,
    },
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
}

/// One measure's change.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureDiff {
    /// Unchanged, changed, renamed, added or removed.
    pub status: MeasureStatus,
    /// Its id in the old version (`None` when added).
    pub old: Option<MeasureId>,
    /// Its id in the new version (`None` when removed).
    pub new: Option<MeasureId>,
    /// Its title, in the new version when it has one.
    pub title: String,
    /// The fields that changed, in [`MeasureField`] order (empty when added or removed).
    pub fields: Vec<FieldChange>,
}

impl MeasureDiff {
    /// Whether `field` changed.
    #[must_use]
    pub fn changed(&self, field: MeasureField) -> bool {
        self.fields.iter().any(|f| f.field == field)
    }
}

/// Items of one kind added, removed or changed, by id (each list in dossier order: the new
/// version's for added and changed, the old one's for removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdChanges<Id> {
    /// Only in the new version.
    pub added: Vec<Id>,
    /// Only in the old version.
    pub removed: Vec<Id>,
    /// On both sides, different.
    pub changed: Vec<Id>,
}

impl<Id> IdChanges<Id> {
    /// Whether nothing was added, removed or changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Everything that changed from one dossier to the next.
#[derive(Clone, Debug, PartialEq)]
pub struct DossierDiff {
    /// The dossier's own fields that changed: `id`, `title`, `description`, with their diffs.
    pub dossier: Vec<(&'static str, Vec<WordEdit>)>,
    /// Every measure of either side: the new version's in its order (unchanged ones too), then
    /// the removed ones in the old version's order.
    pub measures: Vec<MeasureDiff>,
    /// Sources by id.
    pub sources: IdChanges<SourceId>,
    /// Pillars by id.
    pub pillars: IdChanges<PillarId>,
    /// Stakeholders by id.
    pub stakeholders: IdChanges<StakeholderId>,
    /// Positions by id (a position whose list of measures changed is changed).
    pub positions: IdChanges<PositionId>,
}

/// How many measures of each status a diff holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeasureCounts {
    /// Unchanged.
    pub unchanged: usize,
    /// Changed under the same id.
    pub changed: usize,
    /// Renamed (matched by similarity).
    pub renamed: usize,
    /// Added.
    pub added: usize,
    /// Removed.
    pub removed: usize,
}

impl DossierDiff {
    /// Whether the two versions are the same.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.dossier.is_empty()
            && self
                .measures
                .iter()
                .all(|m| m.status == MeasureStatus::Unchanged)
            && self.sources.is_empty()
            && self.pillars.is_empty()
            && self.stakeholders.is_empty()
            && self.positions.is_empty()
    }

    /// The measures counted by status.
    #[must_use]
    pub fn measure_counts(&self) -> MeasureCounts {
        let mut c = MeasureCounts::default();
        for m in &self.measures {
            match m.status {
                MeasureStatus::Unchanged => c.unchanged += 1,
                MeasureStatus::Changed => c.changed += 1,
                MeasureStatus::Renamed { .. } => c.renamed += 1,
                MeasureStatus::Added => c.added += 1,
                MeasureStatus::Removed => c.removed += 1,
            }
        }
        c
    }

    /// The new id of each measure of the old version that is still there (renamed ones under
    /// their new id).
    #[must_use]
    pub fn carried_measures(&self) -> HashMap<&MeasureId, &MeasureDiff> {
        self.measures
            .iter()
            .filter_map(|m| Some((m.old.as_ref()?, m)).filter(|_| m.new.is_some()))
            .collect()
    }
}

/// Compare `old` against `new`.
#[must_use]
pub fn diff_dossiers(old: &Dossier, new: &Dossier) -> DossierDiff {
    let mut dossier = Vec::new();
    for (name, a, b) in [
        ("id", &old.id, &new.id),
        ("title", &old.title, &new.title),
        ("description", &old.description, &new.description),
    ] {
        if a != b {
            dossier.push((name, word_diff(a, b)));
        }
    }
    DossierDiff {
        dossier,
        measures: measure_diffs(old, new),
        sources: by_id(&old.sources, &new.sources, |s| &s.id),
        pillars: by_id(&old.pillars, &new.pillars, |p| &p.id),
        stakeholders: by_id(&old.stakeholders, &new.stakeholders, |s| &s.id),
        positions: by_id(&old.positions, &new.positions, |p| &p.id),
    }
}

fn by_id<T: PartialEq, Id: Clone + Eq + std::hash::Hash>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &Id,
) -> IdChanges<Id> {
    let olds: HashMap<&Id, &T> = old.iter().map(|t| (id(t), t)).collect();
    let news: HashMap<&Id, &T> = new.iter().map(|t| (id(t), t)).collect();
    IdChanges {
        added: new
            .iter()
            .filter(|t| !olds.contains_key(id(t)))
            .map(|t| id(t).clone())
            .collect(),
        removed: old
            .iter()
            .filter(|t| !news.contains_key(id(t)))
            .map(|t| id(t).clone())
            .collect(),
        changed: new
            .iter()
            .filter(|t| olds.get(id(t)).is_some_and(|o| *o != *t))
            .map(|t| id(t).clone())
            .collect(),
    }
}

fn measure_diffs(old: &Dossier, new: &Dossier) -> Vec<MeasureDiff> {
    let olds: HashMap<&MeasureId, &Measure> = old.measures.iter().map(|m| (&m.id, m)).collect();
    let new_ids: BTreeSet<&MeasureId> = new.measures.iter().map(|m| &m.id).collect();
    let only_old: Vec<&Measure> = old
        .measures
        .iter()
        .filter(|m| !new_ids.contains(&m.id))
        .collect();
    let only_new: Vec<&Measure> = new
        .measures
        .iter()
        .filter(|m| !olds.contains_key(&m.id))
        .collect();
    // Every pair above the threshold, best first; ties in dossier order, so the result is stable.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in only_old.iter().enumerate() {
        for (j, b) in only_new.iter().enumerate() {
            let s = similarity(a, b);
            if s >= RENAME_THRESHOLD {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut renamed_from: HashMap<&MeasureId, (&Measure, f64)> = HashMap::new();
    let mut matched_old = BTreeSet::new();
    for (s, i, j) in pairs {
        if matched_old.contains(&i) || renamed_from.contains_key(&only_new[j].id) {
            continue;
        }
        matched_old.insert(i);
        renamed_from.insert(&only_new[j].id, (only_old[i], s));
    }
    let mut diffs: Vec<MeasureDiff> = new
        .measures
        .iter()
        .map(|b| {
            let (a, status) = match (olds.get(&b.id), renamed_from.get(&b.id)) {
                (Some(a), _) => (Some(*a), None),
                (None, Some((a, s))) => (Some(*a), Some(MeasureStatus::Renamed { similarity: *s })),
                (None, None) => (None, Some(MeasureStatus::Added)),
            };
            let fields = a.map(|a| field_changes(a, b)).unwrap_or_default();
            let status = status.unwrap_or(if fields.is_empty() {
                MeasureStatus::Unchanged
            } else {
                MeasureStatus::Changed
            });
            MeasureDiff {
                status,
                old: a.map(|a| a.id.clone()),
                new: Some(b.id.clone()),
                title: b.title.clone(),
                fields,
            }
        })
        .collect();
    diffs.extend(
        only_old
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched_old.contains(i))
            .map(|(_, a)| MeasureDiff {
                status: MeasureStatus::Removed,
                old: Some(a.id.clone()),
                new: None,
                title: a.title.clone(),
                fields: Vec::new(),
            }),
    );
    diffs
}

fn field_changes(a: &Measure, b: &Measure) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut text = |field, x: String, y: String| {
        if x != y {
            out.push(FieldChange {
                field,
                diff: word_diff(&x, &y),
            });
        }
    };
    text(MeasureField::Title, a.title.clone(), b.title.clone());
    text(MeasureField::Summary, a.summary.clone(), b.summary.clone());
    if a.figures != b.figures {
        out.push(FieldChange {
            field: MeasureField::Figures,
            diff: word_diff(&figures_text(&a.figures), &figures_text(&b.figures)),
        });
    }
    if a.citations != b.citations {
        out.push(FieldChange {
            field: MeasureField::Citations,
            diff: word_diff(&citations_text(&a.citations), &citations_text(&b.citations)),
        });
    }
    if a.pillar != b.pillar {
        out.push(FieldChange {
            field: MeasureField::Pillar,
            diff: word_diff(a.pillar.as_str(), b.pillar.as_str()),
        });
    }
    if a.pillar_inferred != b.pillar_inferred {
        let says = |inferred| if inferred { "inferred" } else { "stated" };
        out.push(FieldChange {
            field: MeasureField::PillarInferred,
            diff: word_diff(says(a.pillar_inferred), says(b.pillar_inferred)),
        });
    }
    out
}

fn figures_text(figures: &[Figure]) -> String {
    figures
        .iter()
        .map(|f| match f {
            Figure::Amount { label, value, unit } | Figure::Quantity { label, value, unit } => {
                format!("{label}: {value} {unit};")
            }
            Figure::Date { label, date } => format!("{label}: {date};"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn citations_text(citations: &[Citation]) -> String {
    citations
        .iter()
        .map(|c| match &c.location {
            Some(at) => format!("{}: « {} » ({at});", c.source, c.excerpt),
            None => format!("{}: « {} »;", c.source, c.excerpt),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;

    #[test]
    fn a_word_diff_keeps_common_words_and_groups_the_changes() {
        let d = word_diff(
            "Revaloriser les salaires des soignants de 183 euros",
            "Revaloriser  les salaires de tous les soignants de 183 euros nets",
        );
        assert_eq!(
            d,
            vec![
                WordEdit::Same("Revaloriser les salaires".into()),
                WordEdit::Removed("des".into()),
                WordEdit::Added("de tous les".into()),
                WordEdit::Same("soignants de 183 euros".into()),
                WordEdit::Added("nets".into()),
            ]
        );
        assert_eq!(
            render_word_diff(&d),
            "Revaloriser les salaires [-des-]{+de tous les+} soignants de 183 euros {+nets+}"
        );
    }

    #[test]
    fn a_word_diff_near_its_changes_elides_the_words_far_from_them() {
        let d = word_diff("a b c d e f g h i j", "a b c X e f g h i Y");
        assert_eq!(
            render_word_diff_near(&d, 1),
            "… c [-d-]{+X+} e … i [-j-]{+Y+}"
        );
        assert_eq!(
            render_word_diff_near(&d, 3),
            "a b c [-d-]{+X+} e f g h i [-j-]{+Y+}"
        );
        let same = word_diff("a b c", "a b c");
        assert_eq!(render_word_diff_near(&same, 0), "a b c");
    }

    #[test]
    fn a_word_diff_of_equal_empty_or_disjoint_texts() {
        assert_eq!(word_diff("a b", "a\nb"), vec![WordEdit::Same("a b".into())]);
        assert_eq!(word_diff("", ""), vec![]);
        assert_eq!(word_diff("", "neuf"), vec![WordEdit::Added("neuf".into())]);
        assert_eq!(
            render_word_diff(&word_diff("un deux", "trois")),
            "[-un deux-]{+trois+}"
        );
    }

    #[test]
    fn a_word_diff_reads_back_into_both_texts() {
        let (old, new) = (
            "le plan prévoit 19 milliards pour l'investissement des hôpitaux",
            "le plan Ségur prévoit 19 milliards d'euros pour l'investissement",
        );
        let d = word_diff(old, new);
        let side = |keep_removed: bool| {
            d.iter()
                .filter_map(|e| match e {
                    WordEdit::Same(w) => Some(w.as_str()),
                    WordEdit::Removed(w) if keep_removed => Some(w.as_str()),
                    WordEdit::Added(w) if !keep_removed => Some(w.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(side(true), old);
        assert_eq!(side(false), new);
    }

    #[test]
    fn similarity_is_one_for_the_same_words_and_low_for_other_measures() {
        let d = fixture::dossier();
        let mut a = d.measures[0].clone();
        a.summary = "Une enveloppe de huit milliards pour les salaires".into();
        let mut renamed = a.clone();
        renamed.id = "autre-id".into();
        assert!((similarity(&a, &renamed) - 1.0).abs() < f64::EPSILON);
        renamed.summary = "Une enveloppe de 8,2 milliards pour les salaires".into();
        let s = similarity(&a, &renamed);
        assert!((RENAME_THRESHOLD..1.0).contains(&s), "{s}");
        let mut other = a.clone();
        other.title = "Réforme du financement".into();
        other.summary = "La tarification à l'activité recule".into();
        other.citations[0].excerpt = "financement au forfait".into();
        assert!(similarity(&a, &other) < RENAME_THRESHOLD);
    }

    #[test]
    fn no_two_measures_of_the_segur_are_taken_for_one_renamed() {
        let d: Dossier =
            ron::from_str(include_str!("../../assets/segur-2020.ron")).expect("the dossier");
        let mut highest = (0.0_f64, "", "");
        for (i, a) in d.measures.iter().enumerate() {
            for b in &d.measures[i + 1..] {
                let s = similarity(a, b);
                if s > highest.0 {
                    highest = (s, a.id.as_str(), b.id.as_str());
                }
            }
        }
        assert!(highest.0 <= 0.45, "two different measures at {highest:?}");
    }

    #[test]
    fn measures_are_matched_by_id_then_by_similarity() {
        let old = fixture::dossier();
        let mut new = old.clone();
        // m1 reworded, m2 given a new id, m3 added.
        new.measures[0].title = "Mesure m1 élargie".into();
        new.measures[1].id = "m2-bis".into();
        for p in &mut new.positions {
            for m in &mut p.measures {
                if m.as_str() == "m2" {
                    *m = "m2-bis".into();
                }
            }
        }
        let mut added = new.measures[0].clone();
        added.id = "m3".into();
        added.title = "Tout autre chose".into();
        added.citations[0].excerpt = "rien de commun".into();
        new.measures.push(added);
        let diff = diff_dossiers(&old, &new);
        let status: Vec<_> = diff
            .measures
            .iter()
            .map(|m| (m.old.clone(), m.new.clone(), m.status.clone()))
            .collect();
        assert_eq!(
            status,
            vec![
                (Some("m1".into()), Some("m1".into()), MeasureStatus::Changed),
                (
                    Some("m2".into()),
                    Some("m2-bis".into()),
                    MeasureStatus::Renamed { similarity: 1.0 }
                ),
                (None, Some("m3".into()), MeasureStatus::Added),
            ]
        );
        assert_eq!(diff.measures[0].fields[0].field, MeasureField::Title);
        assert_eq!(
            render_word_diff(&diff.measures[0].fields[0].diff),
            "Mesure m1 {+élargie+}"
        );
        assert!(diff.positions.is_empty() && diff.stakeholders.is_empty());
        let back = diff_dossiers(&new, &old);
        assert_eq!(back.measure_counts().renamed, 1);
        assert_eq!(back.measure_counts().removed, 1);
        assert!(diff_dossiers(&old, &old).is_empty());
    }
}
