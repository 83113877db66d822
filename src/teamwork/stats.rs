//! Inter-coder agreement statistics over nominal categories, on a reliability matrix: one row
//! per unit (a cell of the grid), one value per coder (an analyst), `None` where that coder gave
//! no value. Pure arithmetic, checked in the tests against published worked examples and values
//! frozen from reference implementations (scikit-learn, statsmodels, the `krippendorff` package).
//!
//! A statistic is `None` when it is undefined on the data: kappa when chance agreement is total
//! (every value in one category), alpha when there is no variation at all.

/// A reliability matrix: `units[u][c]` is coder `c`'s category (`0..categories`) for unit `u`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    /// How many categories the values range over.
    pub categories: usize,
    /// One row per unit, each as long as there are coders.
    pub units: Vec<Vec<Option<u8>>>,
}

impl Matrix {
    /// The units every coder gave a value to.
    fn complete(&self) -> impl Iterator<Item = &[Option<u8>]> + '_ {
        self.units
            .iter()
            .map(Vec::as_slice)
            .filter(|u| u.iter().all(Option::is_some))
    }

    /// How many units every coder gave a value to.
    #[must_use]
    pub fn complete_units(&self) -> usize {
        self.complete().count()
    }

    /// Observed agreement on the complete units: the share of pairs of coders that agree,
    /// averaged over units (for two coders, the share of units they agree on).
    #[must_use]
    pub fn observed_agreement(&self) -> Option<f64> {
        let mut sum = 0.0;
        let mut n = 0usize;
        for row in self.complete() {
            let m = row.len();
            if m < 2 {
                return None;
            }
            let mut agree = 0usize;
            for i in 0..m {
                for j in i + 1..m {
                    agree += usize::from(row[i] == row[j]);
                }
            }
            sum += ratio(agree, m * (m - 1) / 2);
            n += 1;
        }
        (n > 0).then(|| sum / count(n))
    }

    /// The confusion matrix of two coders on their complete units: `[first][second]`.
    #[must_use]
    pub fn confusion(&self) -> Option<Vec<Vec<usize>>> {
        let mut table = vec![vec![0usize; self.categories]; self.categories];
        for row in self.complete() {
            let [Some(a), Some(b)] = row[..] else {
                return None;
            };
            table[usize::from(a)][usize::from(b)] += 1;
        }
        Some(table)
    }

    /// Cohen's kappa for two coders, on their complete units.
    #[must_use]
    pub fn cohen_kappa(&self) -> Option<f64> {
        weighted(&self.confusion()?, unweighted)
    }

    /// Cohen's weighted kappa for two coders, `disagreement(i, j)` in `[0, 1]` with zero on the
    /// diagonal: `1 − Σ w·observed / Σ w·expected`.
    #[must_use]
    pub fn weighted_kappa(&self, disagreement: impl Fn(usize, usize) -> f64) -> Option<f64> {
        weighted(&self.confusion()?, disagreement)
    }

    /// Fleiss' kappa for any number of coders (meant for three or more), on the complete units.
    #[must_use]
    pub fn fleiss_kappa(&self) -> Option<f64> {
        let k = self.categories;
        let mut totals = vec![0usize; k];
        let mut p_sum = 0.0;
        let mut units = 0usize;
        let mut raters = 0usize;
        for row in self.complete() {
            raters = row.len();
            if raters < 2 {
                return None;
            }
            let mut counts = vec![0usize; k];
            for &c in row.iter().flatten() {
                counts[usize::from(c)] += 1;
            }
            let same: usize = counts.iter().map(|n| n * n).sum::<usize>() - raters;
            p_sum += ratio(same, raters * (raters - 1));
            for (t, n) in totals.iter_mut().zip(&counts) {
                *t += n;
            }
            units += 1;
        }
        if units == 0 {
            return None;
        }
        let p_bar = p_sum / count(units);
        let all = count(units * raters);
        let p_e: f64 = totals.iter().map(|&t| (count(t) / all).powi(2)).sum();
        kappa(p_bar, p_e)
    }

    /// Krippendorff's alpha for nominal data, any number of coders, missing values allowed
    /// (units with fewer than two values are left out, as the coefficient defines).
    #[must_use]
    pub fn krippendorff_alpha(&self) -> Option<f64> {
        let k = self.categories;
        // Coincidence matrix: each ordered pair of values within a unit, weighted 1 / (m − 1).
        let mut coincidence = vec![vec![0.0f64; k]; k];
        for unit in &self.units {
            let values: Vec<usize> = unit.iter().flatten().map(|&v| usize::from(v)).collect();
            let m = values.len();
            if m < 2 {
                continue;
            }
            let w = 1.0 / count(m - 1);
            for (i, &a) in values.iter().enumerate() {
                for (j, &b) in values.iter().enumerate() {
                    if i != j {
                        coincidence[a][b] += w;
                    }
                }
            }
        }
        let marginals: Vec<f64> = coincidence.iter().map(|r| r.iter().sum()).collect();
        let n: f64 = marginals.iter().sum();
        if n <= 1.0 {
            return None;
        }
        let mut observed = 0.0;
        let mut expected = 0.0;
        for c in 0..k {
            for d in 0..k {
                if c != d {
                    observed += coincidence[c][d];
                    expected += marginals[c] * marginals[d];
                }
            }
        }
        (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
    }
}

/// The plain kappa's disagreement weight: 0 on the diagonal, 1 elsewhere.
#[must_use]
pub fn unweighted(i: usize, j: usize) -> f64 {
    if i == j { 0.0 } else { 1.0 }
}

/// Cohen's kappa from a confusion table, with disagreement weights `w` (zero on the diagonal):
/// `1 − Σ w·o / Σ w·e`; `None` when no disagreement is expected.
#[must_use]
pub fn weighted(table: &[Vec<usize>], w: impl Fn(usize, usize) -> f64) -> Option<f64> {
    let n: usize = table.iter().flatten().sum();
    if n == 0 {
        return None;
    }
    let rows: Vec<f64> = table.iter().map(|r| count(r.iter().sum())).collect();
    let cols: Vec<f64> = (0..table.len())
        .map(|j| count(table.iter().map(|r| r[j]).sum()))
        .collect();
    let total = count(n);
    let mut observed = 0.0;
    let mut expected = 0.0;
    for (i, row) in table.iter().enumerate() {
        for (j, &o) in row.iter().enumerate() {
            let weight = w(i, j);
            observed += weight * count(o) / total;
            expected += weight * rows[i] * cols[j] / (total * total);
        }
    }
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// `(p − pₑ) / (1 − pₑ)`, undefined when chance agreement is total.
fn kappa(p: f64, p_e: f64) -> Option<f64> {
    (p_e < 1.0).then(|| (p - p_e) / (1.0 - p_e))
}

/// A count as a float: counts here are far below 2⁵², so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> f64 {
    n as f64
}

fn ratio(a: usize, b: usize) -> f64 {
    count(a) / count(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(categories: usize, coders: &[&[Option<u8>]]) -> Matrix {
        let units = (0..coders[0].len())
            .map(|u| coders.iter().map(|c| c[u]).collect())
            .collect();
        Matrix { categories, units }
    }

    fn close(a: Option<f64>, b: f64) {
        let a = a.expect("defined");
        assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
    }

    fn some(v: &[u8]) -> Vec<Option<u8>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    /// Wikipedia, "Cohen's kappa", worked example: 50 proposals, 20 yes/yes, 5 yes/no, 10
    /// no/yes, 15 no/no: p₀ = 0.7, pₑ = 0.5, κ = 0.4.
    #[test]
    fn cohen_kappa_of_the_wikipedia_example() {
        let pairs = [(0u8, 0u8, 20), (0, 1, 5), (1, 0, 10), (1, 1, 15)];
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (x, y, n) in pairs {
            a.extend(std::iter::repeat_n(Some(x), n));
            b.extend(std::iter::repeat_n(Some(y), n));
        }
        let m = matrix(2, &[&a, &b]);
        close(m.observed_agreement(), 0.7);
        close(m.cohen_kappa(), 0.4);
        // For two coders Fleiss' kappa is Scott's pi: pooled shares 0.55 / 0.45, pₑ = 0.505.
        close(m.fleiss_kappa(), (0.7 - 0.505) / (1.0 - 0.505));
    }

    /// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories,
    /// κ = 0.210 (statsmodels' `fleiss_kappa` gives 0.20993070442195522).
    #[test]
    fn fleiss_kappa_of_the_wikipedia_example() {
        let counts: [[u8; 5]; 10] = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let units = counts
            .iter()
            .map(|row| {
                (0u8..5)
                    .flat_map(|c| std::iter::repeat_n(Some(c), usize::from(row[usize::from(c)])))
                    .collect()
            })
            .collect();
        let m = Matrix {
            categories: 5,
            units,
        };
        close(m.fleiss_kappa(), 0.209_930_704_421_955_22);
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four
    /// observers, twelve units and missing values: nominal α = 0.743 (the `krippendorff` Python
    /// package gives 0.743421052631579).
    #[test]
    fn krippendorff_alpha_of_the_published_example() {
        let na = None;
        let (v1, v2, v3, v4, v5) = (Some(0), Some(1), Some(2), Some(3), Some(4));
        let first = [v1, v2, v3, v3, v2, v1, v4, v1, v2, na, na, na];
        let second = [v1, v2, v3, v3, v2, v2, v4, v1, v2, v5, na, v3];
        let third = [na, v3, v3, v3, v2, v3, v4, v2, v2, v5, v1, na];
        let fourth = [v1, v2, v3, v3, v2, v4, v4, v1, v2, v5, v1, na];
        let m = matrix(5, &[&first, &second, &third, &fourth]);
        close(m.krippendorff_alpha(), 0.743_421_052_631_579);
    }

    /// Two coders, four categories, twenty units. Frozen from scikit-learn 1.9.1
    /// (`cohen_kappa_score`, `confusion_matrix`), statsmodels 0.15.0 (`cohens_kappa` with the
    /// weight matrix below) and `krippendorff` (`alpha`, nominal).
    #[test]
    fn two_coders_match_the_reference_implementations() {
        let a = some(&[0, 0, 1, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1, 1, 3, 3, 2, 0, 1]);
        let b = some(&[0, 1, 1, 1, 2, 3, 2, 0, 1, 2, 3, 3, 0, 0, 1, 3, 3, 1, 0, 2]);
        let m = matrix(4, &[&a, &b]);
        assert_eq!(
            m.confusion(),
            Some(vec![
                vec![4, 1, 0, 0],
                vec![1, 4, 1, 0],
                vec![0, 1, 2, 1],
                vec![0, 0, 1, 4]
            ])
        );
        close(m.cohen_kappa(), 0.597_315_436_241_610_8);
        let w = [
            [0.0, 0.5, 1.0, 1.0],
            [0.5, 0.0, 0.5, 1.0],
            [1.0, 0.5, 0.0, 1.0],
            [1.0, 1.0, 1.0, 0.0],
        ];
        close(m.weighted_kappa(|i, j| w[i][j]), 0.672_131_147_540_983_6);
        close(m.krippendorff_alpha(), 0.607_382_550_335_570_4);
        close(m.observed_agreement(), 0.7);
    }

    /// Three coders: statsmodels' `fleiss_kappa` (after `aggregate_raters`) and `krippendorff`,
    /// with and without missing values.
    #[test]
    fn three_coders_match_the_reference_implementations() {
        let a = some(&[0, 0, 1, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1, 1, 3, 3, 2, 0, 1]);
        let b = some(&[0, 1, 1, 1, 2, 3, 2, 0, 1, 2, 3, 3, 0, 0, 1, 3, 3, 1, 0, 2]);
        let c = some(&[0, 0, 1, 2, 2, 3, 3, 0, 1, 2, 2, 3, 1, 1, 1, 3, 3, 2, 0, 1]);
        let m = matrix(4, &[&a, &b, &c]);
        close(m.fleiss_kappa(), 0.642_591_213_700_670_2);
        close(m.krippendorff_alpha(), 0.648_548_026_805_658_9);
        let mut c2 = c.clone();
        for u in [1, 8, 16] {
            c2[u] = None;
        }
        let m = matrix(4, &[&a, &b, &c2]);
        close(m.krippendorff_alpha(), 0.630_667_765_869_744_4);
        assert_eq!(m.complete_units(), 17, "kappa uses only the complete units");
    }

    #[test]
    fn statistics_are_undefined_without_variation() {
        let a = some(&[1, 1, 1]);
        let m = matrix(4, &[&a, &a]);
        assert_eq!(m.cohen_kappa(), None);
        assert_eq!(m.krippendorff_alpha(), None);
        close(m.observed_agreement(), 1.0);
        let empty = matrix(4, &[&[None], &[Some(1)]]);
        assert_eq!(empty.cohen_kappa(), None);
        assert_eq!(empty.observed_agreement(), None);
        assert_eq!(empty.krippendorff_alpha(), None);
    }
}
