//! The cells' part of a merge: each cell's work merged as one unit, its stamp (who and when)
//! and its dismissed suggestions merged apart, so that neither makes a conflict on its own.

use super::Summary;
use super::pick::{Base, Pick, pick};
use crate::model::{Assessment, CellConflict, CellId, Session, SuggestionKey};
use smol_str::SmolStr;
use std::collections::{BTreeMap, BTreeSet};

/// Whether two versions of a cell hold the same work: who and when, and the dismissed
/// suggestions (merged apart), left out.
fn same_work(a: &Assessment, b: &Assessment) -> bool {
    a.stance == b.stance
        && a.note == b.note
        && a.evidence == b.evidence
        && a.labels == b.labels
        && a.review == b.review
}

/// Every cell merged, and the cells that became conflicts.
pub fn merge(
    base: Option<&Session>,
    sides: &[&Session],
    summary: &mut Summary,
) -> (BTreeMap<CellId, Assessment>, Vec<(CellId, CellConflict)>) {
    let mut iters: Vec<_> = base
        .iter()
        .chain(sides)
        .map(|s| s.assessments.iter().peekable())
        .collect();
    let offset = usize::from(base.is_some());
    let mut merged: Vec<(CellId, Assessment)> = Vec::new();
    let mut conflicts = Vec::new();
    let mut versions: Vec<Option<&Assessment>> = Vec::with_capacity(iters.len());
    // The maps walked side by side, in cell order: each cell is met once in every map.
    while let Some(cell) = iters
        .iter_mut()
        .filter_map(|it| it.peek().map(|e| e.0))
        .min()
    {
        versions.clear();
        versions.extend(iters.iter_mut().map(|it| match it.peek() {
            Some(e) if e.0 == cell => it.next().map(|e| e.1),
            _ => None,
        }));
        if versions.iter().all(|v| *v == versions[0]) {
            // The usual case: the same cell everywhere, copied as it is.
            if let Some(a) = versions[0] {
                summary.cells_unchanged += 1;
                merged.push((cell.clone(), a.clone()));
            }
            continue;
        }
        let b = if base.is_some() {
            Base::With(versions[0])
        } else {
            Base::Without
        };
        let vs = &versions[offset..];
        match pick(b, vs, same_work) {
            Pick::Conflict(distinct) => {
                // As OURS has it; without a base, as the first input that has it.
                let kept = if base.is_some() { vs[0] } else { distinct[0].1 };
                if let Some(kept) = kept {
                    merged.push((cell.clone(), kept.clone()));
                }
                let sides = distinct
                    .iter()
                    .map(|&(i, v)| match v {
                        Some(a) => a.clone(),
                        None => Assessment {
                            author: sides[i].analyst.clone(),
                            modified: sides[i].modified.as_str().into(),
                            ..Assessment::default()
                        },
                    })
                    .collect();
                conflicts.push((cell.clone(), CellConflict { sides }));
            }
            p => {
                let taken = p.or_first(None);
                match p {
                    Pick::One(i, _) => summary.cells_from[i] += 1,
                    Pick::Alike(_) => summary.cells_alike += 1,
                    _ => summary.cells_unchanged += usize::from(taken.is_some()),
                }
                if let Some(work) = taken {
                    let mut a = work.clone();
                    if !matches!(p, Pick::One(..)) {
                        let (author, modified) = stamp(b.version(), vs, work);
                        a.author.clone_from(author);
                        a.modified.clone_from(modified);
                    }
                    a.dismissed = dismissed(b, vs);
                    merged.push((cell.clone(), a));
                }
            }
        }
    }
    // The cells come in order: the map is built in one pass.
    (merged.into_iter().collect(), conflicts)
}

/// Who and when for a cell whose work several inputs share: the stamp of the side that touched
/// the cell without changing its work, the later one when several did; the base's when none did.
fn stamp<'a>(
    base: Option<&'a Assessment>,
    sides: &[Option<&'a Assessment>],
    work: &'a Assessment,
) -> (&'a SmolStr, &'a SmolStr) {
    let meta = |a: &'a Assessment| (&a.author, &a.modified);
    let base_meta = base.filter(|b| same_work(b, work)).map(meta);
    sides
        .iter()
        .flatten()
        .filter(|a| same_work(a, work))
        .map(|a| meta(a))
        .filter(|m| Some(*m) != base_meta)
        .reduce(|best, m| if m.1 > best.1 { m } else { best })
        .or(base_meta)
        .unwrap_or_else(|| meta(work))
}

/// The dismissed suggestions of a cell: with a base, those every side kept plus those any side
/// added; without, those of any input.
fn dismissed(base: Base<'_, Assessment>, sides: &[Option<&Assessment>]) -> BTreeSet<SuggestionKey> {
    fn set<'a>(
        a: Option<&'a Assessment>,
        empty: &'a BTreeSet<SuggestionKey>,
    ) -> &'a BTreeSet<SuggestionKey> {
        a.map_or(empty, |a| &a.dismissed)
    }
    let empty = BTreeSet::new();
    let set = |a| set(a, &empty);
    match base {
        Base::With(b) => {
            let b = set(b);
            let mut out: BTreeSet<_> = b
                .iter()
                .filter(|k| sides.iter().all(|s| set(*s).contains(k)))
                .cloned()
                .collect();
            for s in sides {
                out.extend(set(*s).difference(b).cloned());
            }
            out
        }
        Base::Without => sides.iter().flat_map(|s| set(*s)).cloned().collect(),
    }
}
