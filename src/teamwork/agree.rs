//! Inter-analyst agreement (`visavis agree`): two or more sessions on the same dossier compared
//! cell by cell, overall, per stakeholder and per pillar. The unit is the cell (a measure × a
//! stakeholder), its value the stance; a cell an analyst left unassessed is a missing value.
//! The statistics themselves are in [`super::stats`].

use crate::model::{CellId, Session, Stance};
use crate::teamwork::stats::{self, Matrix};
use serde::Serialize;

/// The disagreement weight of two stances for the weighted kappa: Agreement, Partial and Gap are
/// ordered (one step apart weighs ½, Agreement against Gap 1); Silent is no judgement, so it
/// stands apart from all three (weight 1 against any of them).
#[must_use]
pub fn ordinal_disagreement(a: usize, b: usize) -> f64 {
    let silent = Stance::ALL.len() - 1;
    if a == b {
        0.0
    } else if a == silent || b == silent {
        1.0
    } else {
        f64::from(u8::try_from(a.abs_diff(b)).unwrap_or(u8::MAX)) / 2.0
    }
}

/// The statistics of one set of cells (the whole grid, a stakeholder's column, a pillar's rows).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scope {
    /// Cells in the scope.
    pub cells: usize,
    /// Cells every analyst assessed: the base of the observed agreement and the kappas.
    pub compared: usize,
    /// Cells some analyst left unassessed (`cells − compared`).
    pub left_out: usize,
    /// Share of agreeing pairs of analysts over the compared cells.
    pub observed_agreement: Option<f64>,
    /// Cohen's kappa (two analysts only).
    pub cohen_kappa: Option<f64>,
    /// Cohen's weighted kappa with [`ordinal_disagreement`] (two analysts only).
    pub weighted_kappa: Option<f64>,
    /// Fleiss' kappa (three analysts or more).
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's alpha, nominal, over every cell assessed by at least two analysts.
    pub krippendorff_alpha: Option<f64>,
    /// Two analysts only: `confusion[first][second]`, stances in [`Stance::ALL`] order.
    pub confusion: Option<Vec<Vec<usize>>>,
}

impl Scope {
    fn of(matrix: &Matrix, coders: usize) -> Self {
        let compared = matrix.complete_units();
        let two = coders == 2;
        let confusion = two.then(|| matrix.confusion()).flatten();
        let kappa = |w: fn(usize, usize) -> f64| {
            confusion
                .as_deref()
                .and_then(|table| stats::weighted(table, w))
        };
        Self {
            cells: matrix.units.len(),
            compared,
            left_out: matrix.units.len() - compared,
            observed_agreement: matrix.observed_agreement(),
            cohen_kappa: kappa(stats::unweighted),
            weighted_kappa: kappa(ordinal_disagreement),
            fleiss_kappa: (!two).then(|| matrix.fleiss_kappa()).flatten(),
            krippendorff_alpha: matrix.krippendorff_alpha(),
            confusion,
        }
    }
}

/// A scope named after its stakeholder or pillar.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Named {
    /// The stakeholder's or pillar's id.
    pub id: String,
    /// Its name (stakeholder) or title (pillar).
    pub name: String,
    /// Its statistics.
    #[serde(flatten)]
    pub scope: Scope,
}

/// Everything `visavis agree` prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// Each session's analyst, in the order given.
    pub analysts: Vec<String>,
    /// The categories, in the order of the confusion matrix.
    pub stances: Vec<&'static str>,
    /// The whole grid.
    pub overall: Scope,
    /// One per stakeholder, in column order.
    pub stakeholders: Vec<Named>,
    /// One per pillar, in dossier order.
    pub pillars: Vec<Named>,
}

/// Why sessions cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgreeError {
    /// Fewer than two sessions.
    #[error("agreement needs at least two sessions")]
    TooFew,
    /// A session is on another dossier than the first.
    #[error(
        "session {index} is on the dossier \"{other}\", the first on \"{first}\": agreement compares sessions on the same dossier"
    )]
    DifferentDossiers {
        /// The first session's dossier id.
        first: String,
        /// The other's.
        other: String,
        /// Its place in the list, from 1.
        index: usize,
    },
}

/// A session on another dossier than the first of a list: what [`same_dossier`] finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DifferentDossier {
    /// The first session's dossier id.
    pub first: String,
    /// The other session's.
    pub other: String,
    /// The other session's place in the list, from 0.
    pub index: usize,
}

/// Whether every session is on the dossier of the first, by dossier id: the check `agree` and
/// `merge` make before anything else (two versions of one dossier share its id; two dossiers
/// that only look alike do not).
///
/// # Errors
/// The first session, in list order, whose dossier id differs from the first's.
pub fn same_dossier(sessions: &[&Session]) -> Result<(), DifferentDossier> {
    let Some(first) = sessions.first() else {
        return Ok(());
    };
    match sessions
        .iter()
        .enumerate()
        .find(|(_, s)| s.dossier.id != first.dossier.id)
    {
        Some((index, s)) => Err(DifferentDossier {
            first: first.dossier.id.clone(),
            other: s.dossier.id.clone(),
            index,
        }),
        None => Ok(()),
    }
}

/// Compare `sessions` (all on the dossier of the first) cell by cell. The cells are those of the
/// first session's dossier; a cell another session's dossier lacks counts as unassessed there.
///
/// # Errors
/// Fewer than two sessions, or sessions on different dossiers (by dossier id).
pub fn compare(sessions: &[&Session]) -> Result<Agreement, AgreeError> {
    let [first, rest @ ..] = sessions else {
        return Err(AgreeError::TooFew);
    };
    if rest.is_empty() {
        return Err(AgreeError::TooFew);
    }
    let dossier = &first.dossier;
    same_dossier(sessions).map_err(|d| AgreeError::DifferentDossiers {
        first: d.first,
        other: d.other,
        index: d.index + 1,
    })?;
    let coders = sessions.len();
    let stance_index = |s: Stance| {
        Stance::ALL
            .iter()
            .position(|&x| x == s)
            .and_then(|i| u8::try_from(i).ok())
    };
    let row = |cell: &CellId| -> Vec<Option<u8>> {
        sessions
            .iter()
            .map(|s| {
                s.assessments
                    .get(cell)
                    .and_then(|a| a.stance)
                    .and_then(stance_index)
            })
            .collect()
    };
    // One pass over the cells, each row dealt to the three scopes it belongs to.
    let empty = || Matrix {
        categories: Stance::ALL.len(),
        units: Vec::new(),
    };
    let pillar_of: foldhash::HashMap<&crate::model::PillarId, usize> = dossier
        .pillars
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let mut overall = empty();
    let mut by_stakeholder: Vec<Matrix> = dossier.stakeholders.iter().map(|_| empty()).collect();
    let mut by_pillar: Vec<Matrix> = dossier.pillars.iter().map(|_| empty()).collect();
    for m in &dossier.measures {
        let pillar = pillar_of.get(&m.pillar).copied();
        for (si, st) in dossier.stakeholders.iter().enumerate() {
            let values = row(&CellId::new(m.id.as_str(), st.id.as_str()));
            by_stakeholder[si].units.push(values.clone());
            if let Some(pi) = pillar {
                by_pillar[pi].units.push(values.clone());
            }
            overall.units.push(values);
        }
    }
    let named = |id: String, name: &str, matrix: &Matrix| Named {
        id,
        name: name.to_owned(),
        scope: Scope::of(matrix, coders),
    };
    Ok(Agreement {
        analysts: sessions.iter().map(|s| s.analyst.to_string()).collect(),
        stances: Stance::ALL
            .iter()
            .map(|s| s.label(crate::i18n::Lang::En))
            .collect(),
        overall: Scope::of(&overall, coders),
        stakeholders: dossier
            .stakeholders
            .iter()
            .zip(&by_stakeholder)
            .map(|(st, m)| named(st.id.to_string(), &st.name, m))
            .collect(),
        pillars: dossier
            .pillars
            .iter()
            .zip(&by_pillar)
            .map(|(p, m)| named(p.id.to_string(), &p.title, m))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;

    fn tagged(mut s: Session, stances: &[(usize, usize, Stance)]) -> Session {
        let cells: Vec<CellId> = s
            .dossier
            .measures
            .iter()
            .flat_map(|m| {
                s.dossier
                    .stakeholders
                    .iter()
                    .map(|st| CellId::new(m.id.as_str(), st.id.as_str()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let width = s.dossier.stakeholders.len();
        for &(m, st, stance) in stances {
            s.assessments
                .entry(cells[m * width + st].clone())
                .or_default()
                .stance = Some(stance);
        }
        s
    }

    #[test]
    fn weights_order_the_judgements_and_keep_silence_apart() {
        assert!((ordinal_disagreement(0, 1) - 0.5).abs() < f64::EPSILON);
        assert!((ordinal_disagreement(0, 2) - 1.0).abs() < f64::EPSILON);
        assert!((ordinal_disagreement(1, 3) - 1.0).abs() < f64::EPSILON);
        assert!(ordinal_disagreement(3, 3).abs() < f64::EPSILON);
    }

    #[test]
    fn two_analysts_who_agree_on_all_they_both_tagged() {
        use Stance::{Agreement, Gap, Partial, Silent};
        let base = Session::new(fixture::grid(3, 2), "A", "2026-01-01T00:00:00Z");
        let a = tagged(
            base.clone(),
            &[
                (0, 0, Agreement),
                (0, 1, Gap),
                (1, 0, Partial),
                (2, 1, Silent),
            ],
        );
        let b = tagged(base, &[(0, 0, Agreement), (0, 1, Gap), (1, 0, Partial)]);
        let r = compare(&[&a, &b]).expect("same dossier");
        assert_eq!(r.overall.cells, 6);
        assert_eq!(r.overall.compared, 3, "only cells both analysts assessed");
        assert_eq!(r.overall.left_out, 3);
        assert_eq!(r.overall.observed_agreement, Some(1.0));
        assert_eq!(r.overall.cohen_kappa, Some(1.0));
        assert_eq!(r.overall.fleiss_kappa, None, "Fleiss is for three or more");
        assert_eq!(r.stakeholders.len(), 2);
        assert_eq!(r.stakeholders[0].scope.compared, 2);
    }

    #[test]
    fn sessions_on_different_dossiers_are_refused() {
        let a = Session::new(fixture::grid(2, 2), "A", "2026-01-01T00:00:00Z");
        let mut b = a.clone();
        b.dossier.id = "autre".into();
        assert!(matches!(
            compare(&[&a, &b]),
            Err(AgreeError::DifferentDossiers { index: 2, .. })
        ));
        assert_eq!(compare(&[&a]), Err(AgreeError::TooFew));
    }
}
