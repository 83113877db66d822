//! How good the suggestions are, against the analyst's own links (`visavis suggest --eval`):
//! for every cell whose evidence cites positions of its own stakeholder, the stakeholder's
//! positions are ranked for the measure and compared with the cited ones. Precision at 3 is the
//! share of the first three that are cited (over 3, even when fewer are cited); recall at 10 the
//! share of the cited ones among the first ten. Both are averaged over the cells, per
//! stakeholder and overall.
//!
//! Two baselines are computed on the same cells: a random order (its expected value, exactly:
//! with `r` cited among `n` positions, `min(k, n) · r / n` of the first `k` are cited on
//! average) and plain word overlap (the number of distinct lowercased words the position shares
//! with the measure, without stemming, folding or stop words). Ties are broken by a hash of the
//! position's id, never by dossier order (which follows the sources and could favour a method).
//!
//! Passages are left out: the links only ever name positions.

use super::{Index, Target, words};
use crate::model::{CellId, PositionId, Session};
use std::collections::BTreeSet;

/// Precision at 3 and recall at 10, averaged over cells.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Precision at 3.
    pub precision_at_3: f64,
    /// Recall at 10.
    pub recall_at_10: f64,
}

/// One group of cells (a stakeholder, or all): how many, and each method's scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The stakeholder's id, `None` for the whole dossier.
    pub stakeholder: Option<String>,
    /// The cells evaluated.
    pub cells: usize,
    /// The ranking of [`super::Index`].
    pub ranking: Scores,
    /// Plain word overlap.
    pub overlap: Scores,
    /// A random order (expected value).
    pub random: Scores,
}

/// One cell's hits: what each method found of the `cited` positions among `candidates`.
#[derive(Clone, Copy, Debug, Default)]
struct Sums {
    cells: usize,
    ranking: (f64, f64),
    overlap: (f64, f64),
    random: (f64, f64),
}

impl Sums {
    fn row(&self, stakeholder: Option<String>) -> Row {
        #[allow(clippy::cast_precision_loss)]
        let n = self.cells.max(1) as f64;
        let mean = |(p, r): (f64, f64)| Scores {
            precision_at_3: p / n,
            recall_at_10: r / n,
        };
        Row {
            stakeholder,
            cells: self.cells,
            ranking: mean(self.ranking),
            overlap: mean(self.overlap),
            random: mean(self.random),
        }
    }

    fn add(&mut self, other: &Sums) {
        self.cells += other.cells;
        for (a, b) in [
            (&mut self.ranking, other.ranking),
            (&mut self.overlap, other.overlap),
            (&mut self.random, other.random),
        ] {
            a.0 += b.0;
            a.1 += b.1;
        }
    }
}

/// Precision at 3 and recall at 10 of `ranked` (best first) against `cited`.
#[must_use]
pub fn at_3_and_10(ranked: &[&PositionId], cited: &BTreeSet<&PositionId>) -> (f64, f64) {
    let hits = |k: usize| ranked.iter().take(k).filter(|p| cited.contains(*p)).count();
    #[allow(clippy::cast_precision_loss)]
    let precision = hits(3) as f64 / 3.0;
    #[allow(clippy::cast_precision_loss)]
    let recall = hits(10) as f64 / cited.len().max(1) as f64;
    (precision, recall)
}

/// The expected precision at 3 and recall at 10 of a random order of `n` positions of which
/// `r` are cited.
#[must_use]
pub fn random_at_3_and_10(n: usize, r: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    #[allow(clippy::cast_precision_loss)]
    let (n, r) = (n as f64, r as f64);
    (3f64.min(n) * r / n / 3.0, 10f64.min(n) / n)
}

/// A fixed hash of an id (FNV-1a), to break ties in no meaningful order.
fn tie(id: &PositionId) -> u64 {
    id.as_str().bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Evaluate `index` (built on `session`'s dossier) against the session's evidence links: one
/// row per stakeholder with evaluated cells, in dossier order, then the overall row.
#[must_use]
pub fn evaluate(session: &Session, index: &Index) -> Vec<Row> {
    let d = &session.dossier;
    let mut rows = Vec::new();
    let mut all = Sums::default();
    for (si, s) in d.stakeholders.iter().enumerate() {
        let own: Vec<(usize, &PositionId)> = d
            .positions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.stakeholder == s.id)
            .map(|(i, p)| (i, &p.id))
            .collect();
        let mut sums = Sums::default();
        for (mi, m) in d.measures.iter().enumerate() {
            let Some(a) = session
                .assessments
                .get(&CellId::new(m.id.clone(), s.id.clone()))
            else {
                continue;
            };
            let cited: BTreeSet<&PositionId> = own
                .iter()
                .map(|(_, id)| *id)
                .filter(|id| a.evidence.contains(id))
                .collect();
            if cited.is_empty() {
                continue;
            }
            sums.cells += 1;
            // The ranking: its positions in its order, then those it scored nothing, by hash.
            let scored = index.rank(mi, si);
            let mut ranked: Vec<&PositionId> = scored
                .iter()
                .filter_map(|sg| match sg.target {
                    Target::Position(p) => Some(&d.positions[p].id),
                    Target::Passage { .. } => None,
                })
                .collect();
            let mut rest: Vec<&PositionId> = own
                .iter()
                .map(|(_, id)| *id)
                .filter(|id| !ranked.contains(id))
                .collect();
            rest.sort_by_key(|id| tie(id));
            ranked.extend(rest);
            let (p, r) = at_3_and_10(&ranked, &cited);
            sums.ranking.0 += p;
            sums.ranking.1 += r;
            // Plain overlap.
            let mut query_text = format!("{} {}", m.title, m.summary);
            for c in &m.citations {
                query_text.push(' ');
                query_text.push_str(&c.excerpt);
            }
            let query: BTreeSet<String> = words::plain(&query_text).into_iter().collect();
            let mut by_overlap: Vec<(usize, u64, &PositionId)> = own
                .iter()
                .map(|(i, id)| {
                    let p = &d.positions[*i];
                    let doc: BTreeSet<String> =
                        words::plain(&format!("{} {}", p.title, p.citation.excerpt))
                            .into_iter()
                            .collect();
                    (doc.intersection(&query).count(), tie(id), *id)
                })
                .collect();
            by_overlap.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let ranked: Vec<&PositionId> = by_overlap.into_iter().map(|(_, _, id)| id).collect();
            let (p, r) = at_3_and_10(&ranked, &cited);
            sums.overlap.0 += p;
            sums.overlap.1 += r;
            let (p, r) = random_at_3_and_10(own.len(), cited.len());
            sums.random.0 += p;
            sums.random.1 += r;
        }
        if sums.cells > 0 {
            rows.push(sums.row(Some(s.id.as_str().to_owned())));
            all.add(&sums);
        }
    }
    rows.push(all.row(None));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<PositionId> {
        names.iter().map(|n| PositionId::from(*n)).collect()
    }

    #[test]
    fn precision_and_recall_by_hand() {
        // Ranked a b c d e …; cited b and e (and z, never ranked in the first ten).
        let order = ids(&["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "z"]);
        let ranked: Vec<&PositionId> = order.iter().collect();
        let cited_ids = ids(&["b", "e", "z"]);
        let cited: BTreeSet<&PositionId> = cited_ids.iter().collect();
        let (p, r) = at_3_and_10(&ranked, &cited);
        assert!((p - 1.0 / 3.0).abs() < 1e-12, "b in the first three: {p}");
        assert!(
            (r - 2.0 / 3.0).abs() < 1e-12,
            "b and e in the first ten: {r}"
        );
    }

    #[test]
    fn the_random_baseline_is_its_expected_value() {
        // 2 cited among 4: of the first 3, 1.5 cited on average; all 4 are in the first ten.
        let (p, r) = random_at_3_and_10(4, 2);
        assert!((p - 0.5).abs() < 1e-12);
        assert!((r - 1.0).abs() < 1e-12);
        // 1 cited among 20: 3/20 of a hit in the first three; half the time in the first ten.
        let (p, r) = random_at_3_and_10(20, 1);
        assert!((p - 0.05).abs() < 1e-12);
        assert!((r - 0.5).abs() < 1e-12);
    }
}
