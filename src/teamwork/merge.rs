//! Merging sessions (`visavis merge`): three-way, from the base two or more sides started from
//! (as git gives a merge driver), or n-way without a base. Pure: sessions in memory in, the
//! merged session and a summary out; the command line loads and saves through `persist`.
//!
//! The rules, the same for every part of a session ([`pick`]):
//! - **With a base**, a value changed on one side only takes that side's; changed identically on
//!   several sides, that version; changed differently, a conflict. Removing a cell's work (or a
//!   dossier item) is a change like any other, so a removal against an edit is a conflict.
//! - **Without a base**, a value the same in every input that has it is taken (an input that
//!   lacks it has no opinion); different versions are a conflict.
//!
//! What each part does with it:
//! - **Cells.** A cell's work is one unit: its stance, note, evidence, labels and review flags
//!   justify each other, so two different edits of one cell are a conflict even when they touch
//!   different fields. A [`CellConflict`] keeps each distinct version whole (a side that removed
//!   the work is a blank side, with that session's analyst and time), and the cell itself stays
//!   as the first side (OURS) has it until the analyst picks (without a base, as the first input
//!   that has it). Who and when (`author`,
//!   `modified`) are not work: two sides that differ only there do not conflict, and the merge
//!   keeps the stamp of the side that touched the cell, the later one when several did (RFC 3339
//!   UTC times, compared as written). Dismissed suggestions are merged as a set — a dismissal
//!   added on any side is added, one withdrawn on any side is withdrawn — and never conflict.
//! - **Dossier items** (sources, pillars, measures, stakeholders, positions), by id, each item
//!   compared whole: a [`DossierConflict`] when changed differently, the first side's version
//!   staying in the dossier (when the first side removed it, the other side's: a removal waits
//!   for the analyst). An item one side removed and nothing else changed is removed, unless an
//!   item of the merged dossier still refers to it (a position to its measure, a measure to its
//!   pillar or source…): then it stays, as a conflict between its removal and its version. The
//!   order of each list is the first side's, or that of the only side that reordered it; an item
//!   added on another side comes after the item it follows there.
//! - **Where the format has no place for a conflict** — the dossier's title and description,
//!   the syntheses, the order of a list two sides reordered differently — the first side's
//!   version is kept and the difference is listed in the [`Summary`] ([`Kept`]), with the text
//!   each other side had, so nothing is dropped silently.
//! - **Candidate positions** merge as a set (added on any side, withdrawn on any side).
//! - **Conflicts already in the inputs** are carried over: a conflict changed on one side only
//!   takes that side's (a conflict resolved on one side stays resolved); changed differently,
//!   the sides of every version are kept together in one conflict. A new conflict on a cell or
//!   item that already has one adds its sides to it.
//! - The merged session keeps the first side's analyst and creation time; its `modified` is the
//!   time of the merge.

mod cells;
mod dossier;
mod pick;

use crate::model::{
    Candidate, CellConflict, CellId, DossierConflict, ItemId, MeasureId, Problem, Session,
    StakeholderId, Syntheses, SynthesisOf,
};
use pick::{Base, Pick, merge_list, pick};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A merged session and what the merge did.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged session, conflicts included.
    pub session: Session,
    /// What came from where, and what is left for the analyst.
    pub summary: Summary,
}

impl Merged {
    /// Whether nothing is left for the analyst: no conflict in the merged session (new or
    /// carried over) and no difference kept as the first side had it.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.session.conflict_count() == 0 && self.summary.kept.is_empty()
    }
}

/// What a merge did, in counts and lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Cells with work that no side changed (without a base: the same in every input).
    pub cells_unchanged: usize,
    /// Per side, in the order given, cells whose work was taken from that side alone (without a
    /// base: cells only that input has).
    pub cells_from: Vec<usize>,
    /// Cells changed the same way on several sides (without a base: the same in several inputs
    /// and absent from the others).
    pub cells_alike: usize,
    /// Cells that became conflicts in this merge, in cell order.
    pub cell_conflicts: Vec<CellId>,
    /// Per side, dossier items taken from that side alone.
    pub items_from: Vec<usize>,
    /// Dossier items changed the same way on several sides.
    pub items_alike: usize,
    /// Dossier items that became conflicts in this merge.
    pub dossier_conflicts: Vec<ItemId>,
    /// Cell conflicts the inputs held, carried over.
    pub carried_cell_conflicts: usize,
    /// Dossier conflicts the inputs held, carried over.
    pub carried_dossier_conflicts: usize,
    /// Differences the format has no place for: the first side's version was kept.
    pub kept: Vec<Kept>,
}

/// A difference the format cannot hold as a conflict: the first side's version was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// What differed.
    pub what: Unsettled,
    /// The other sides' versions, not kept: the side (from 0, in the order given) and its text
    /// (`None`: that side has none). Empty for an order.
    pub dropped: Vec<(usize, Option<String>)>,
}

impl Kept {
    fn of<S: AsRef<str> + ?Sized>(
        what: Unsettled,
        kept: Option<&str>,
        versions: &[(usize, Option<&S>)],
    ) -> Self {
        let dropped = versions
            .iter()
            .map(|&(i, v)| (i, v.map(|t| t.as_ref().to_owned())))
            .filter(|(_, v)| v.as_deref() != kept)
            .collect();
        Kept { what, dropped }
    }
}

/// Which part of a session a [`Kept`] difference is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsettled {
    /// The dossier's title.
    DossierTitle,
    /// The dossier's description.
    DossierDescription,
    /// A synthesis.
    Synthesis(SynthesisOf),
    /// The order of a list of the dossier (`"measures"`, `"stakeholders"`…).
    Order(&'static str),
}

impl fmt::Display for Unsettled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unsettled::DossierTitle => f.write_str("the dossier's title"),
            Unsettled::DossierDescription => f.write_str("the dossier's description"),
            Unsettled::Synthesis(SynthesisOf::Dossier) => f.write_str("the dossier's synthesis"),
            Unsettled::Synthesis(SynthesisOf::Stakeholder(id)) => {
                write!(f, "the synthesis of stakeholder \"{id}\"")
            }
            Unsettled::Synthesis(SynthesisOf::Measure(id)) => {
                write!(f, "the synthesis of measure \"{id}\"")
            }
            Unsettled::Order(what) => write!(f, "the order of the {what}"),
        }
    }
}

/// Which input of a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The base.
    Base,
    /// A side, from 0, in the order given.
    Side(usize),
}

/// Why sessions cannot be merged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// Fewer than two sides.
    #[error("a merge needs at least two sessions")]
    TooFew,
    /// An input is on another dossier than the first side.
    #[error(
        "a session is on the dossier \"{other}\", the first on \"{first}\": only sessions on the same dossier merge"
    )]
    DifferentDossiers {
        /// The first side's dossier id.
        first: String,
        /// The other's.
        other: String,
        /// Which input.
        input: Input,
    },
    /// The merged dossier is inconsistent (it cannot be when every input's dossier is).
    #[error("the merged dossier is inconsistent: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    InconsistentDossier(Vec<Problem>),
}

/// Merge `sides` (OURS first, as git's `%A`), three-way from `base` when given; `now` (RFC 3339)
/// stamps the merged session.
///
/// # Errors
/// Fewer than two sides, an input on another dossier (by dossier id), or a merged dossier that
/// would be inconsistent.
pub fn merge(base: Option<&Session>, sides: &[&Session], now: &str) -> Result<Merged, MergeError> {
    if sides.len() < 2 {
        return Err(MergeError::TooFew);
    }
    let mut all: Vec<&Session> = sides.to_vec();
    all.extend(base);
    super::agree::same_dossier(&all).map_err(|d| MergeError::DifferentDossiers {
        first: d.first,
        other: d.other,
        input: if d.index == sides.len() {
            Input::Base
        } else {
            Input::Side(d.index)
        },
    })?;
    let mut summary = Summary {
        cells_from: vec![0; sides.len()],
        ..Summary::default()
    };
    let mut d =
        dossier::merge(base.map(|b| &b.dossier), sides).map_err(MergeError::InconsistentDossier)?;
    summary.items_from = d.from;
    summary.items_alike = d.alike;
    summary.kept.append(&mut d.kept);

    let (assessments, new_cells) = cells::merge(base, sides, &mut summary);
    let mut cell_conflicts = carried_cell_conflicts(base, sides);
    summary.carried_cell_conflicts = cell_conflicts.len();
    for (cell, conflict) in new_cells {
        summary.cell_conflicts.push(cell.clone());
        let at = cell_conflicts.entry(cell).or_default();
        add_sides(&mut at.sides, conflict.sides);
    }
    let mut dossier_conflicts = carried_dossier_conflicts(base, sides);
    summary.carried_dossier_conflicts = dossier_conflicts.len();
    for conflict in d.conflicts {
        summary.dossier_conflicts.push(conflict.item.clone());
        match dossier_conflicts
            .iter_mut()
            .find(|c| c.item == conflict.item)
        {
            Some(at) => add_sides(&mut at.sides, conflict.sides),
            None => dossier_conflicts.push(conflict),
        }
    }
    let first = sides[0];
    let mut session = Session::new(d.dossier, "", &first.created);
    session.analyst = first.analyst.clone();
    now.clone_into(&mut session.modified);
    session.assessments = assessments;
    session.syntheses = syntheses(base, sides, &mut summary);
    session.cell_conflicts = cell_conflicts;
    session.dossier_conflicts = dossier_conflicts;
    session.candidates = candidates(base, sides);
    Ok(Merged { session, summary })
}

/// Add each of `more` not already in `sides`.
fn add_sides<T: PartialEq>(sides: &mut Vec<T>, more: Vec<T>) {
    for side in more {
        if !sides.contains(&side) {
            sides.push(side);
        }
    }
}

/// The cell conflicts the inputs held, merged as values; differing versions of one conflict
/// are joined into one that keeps every side.
fn carried_cell_conflicts(
    base: Option<&Session>,
    sides: &[&Session],
) -> BTreeMap<CellId, CellConflict> {
    let mut cells: BTreeSet<&CellId> = sides.iter().flat_map(|s| s.cell_conflicts.keys()).collect();
    if let Some(b) = base {
        cells.extend(b.cell_conflicts.keys());
    }
    let mut out = BTreeMap::new();
    for cell in cells {
        let b = base.map(|b| b.cell_conflicts.get(cell));
        let vs: Vec<Option<&CellConflict>> =
            sides.iter().map(|s| s.cell_conflicts.get(cell)).collect();
        let p = pick(b.map_or(Base::Without, Base::With), &vs, |x, y| x == y);
        let joined = if p.is_conflict() {
            Some(join(
                vs.iter().chain(b.iter()).flatten().map(|c| &c.sides),
                |sides| CellConflict { sides },
            ))
        } else {
            p.or_first(None).cloned()
        };
        if let Some(c) = joined {
            out.insert(cell.clone(), c);
        }
    }
    out
}

/// One conflict holding every side of `versions`, each once.
fn join<'a, S: Clone + PartialEq + 'a, C>(
    versions: impl Iterator<Item = &'a Vec<S>>,
    make: impl FnOnce(Vec<S>) -> C,
) -> C {
    let mut sides = Vec::new();
    for v in versions {
        add_sides(&mut sides, v.clone());
    }
    make(sides)
}

/// `list` with each item known by `id` and by how many items before it share that id, so that
/// a list naming one id twice (a file may hold two conflicts on one item) merges item by item.
fn numbered<T, K: Ord + Clone>(list: &[T], id: impl Fn(&T) -> K) -> Vec<((K, usize), &T)> {
    let mut seen: BTreeMap<K, usize> = BTreeMap::new();
    list.iter()
        .map(|t| {
            let n = seen.entry(id(t)).or_default();
            *n += 1;
            ((id(t), *n - 1), t)
        })
        .collect()
}

/// The dossier conflicts the inputs held, merged as an ordered list by item.
fn carried_dossier_conflicts(base: Option<&Session>, sides: &[&Session]) -> Vec<DossierConflict> {
    let id = |c: &DossierConflict| c.item.clone();
    let b = base.map(|b| numbered(&b.dossier_conflicts, id));
    let lists: Vec<_> = sides
        .iter()
        .map(|s| numbered(&s.dossier_conflicts, id))
        .collect();
    let slices: Vec<&[_]> = lists.iter().map(Vec::as_slice).collect();
    let listed = merge_list(b.as_deref(), &slices, |t| t.0.clone(), &BTreeSet::new());
    let mut out: Vec<((ItemId, usize), DossierConflict)> = listed
        .items
        .into_iter()
        .map(|(k, c)| (k, c.clone()))
        .collect();
    for (key, versions) in listed.conflicts {
        let joined = join(
            versions.iter().flat_map(|(_, v)| v).map(|(_, c)| &c.sides),
            |sides| DossierConflict {
                item: key.0.clone(),
                sides,
            },
        );
        if let Some(at) = out.iter_mut().find(|(k, _)| *k == key) {
            at.1 = joined;
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

/// The syntheses merged one by one; a synthesis changed differently keeps the first side's
/// text and is listed in `summary.kept`.
fn syntheses(base: Option<&Session>, sides: &[&Session], summary: &mut Summary) -> Syntheses {
    let all = || base.into_iter().chain(sides.iter().copied());
    let stakeholders: BTreeSet<&StakeholderId> = all()
        .flat_map(|s| s.syntheses.of_stakeholders().map(|(id, _)| id))
        .collect();
    let measures: BTreeSet<&MeasureId> = all()
        .flat_map(|s| s.syntheses.of_measures().map(|(id, _)| id))
        .collect();
    let every = std::iter::once(SynthesisOf::Dossier)
        .chain(
            stakeholders
                .into_iter()
                .cloned()
                .map(SynthesisOf::Stakeholder),
        )
        .chain(measures.into_iter().cloned().map(SynthesisOf::Measure));
    let mut out = Syntheses::default();
    for of in every {
        let b = base.map_or(Base::Without, |b| Base::With(b.syntheses.get(&of)));
        let vs: Vec<Option<&str>> = sides.iter().map(|s| s.syntheses.get(&of)).collect();
        let p = pick(b, &vs, |x, y| x == y);
        let text = p.or_first(vs[0]);
        if let Pick::Conflict(versions) = &p {
            summary
                .kept
                .push(Kept::of(Unsettled::Synthesis(of.clone()), text, versions));
        }
        if let Some(text) = text {
            out.set(of, text.to_owned());
        }
    }
    out
}

/// The candidate positions, merged as a set in the first side's order.
fn candidates(base: Option<&Session>, sides: &[&Session]) -> Vec<Candidate> {
    let all = || base.into_iter().chain(sides.iter().copied());
    if all().all(|s| s.candidates.is_empty()) {
        return Vec::new();
    }
    // Candidates have no id: each distinct candidate is known by its place in this list.
    let mut distinct: Vec<&Candidate> = Vec::new();
    for c in all().flat_map(|s| &s.candidates) {
        if !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    let id = |c: &Candidate| distinct.iter().position(|d| *d == c).unwrap_or(usize::MAX);
    let b = base.map(|b| numbered(&b.candidates, id));
    let lists: Vec<_> = sides.iter().map(|s| numbered(&s.candidates, id)).collect();
    let slices: Vec<&[_]> = lists.iter().map(Vec::as_slice).collect();
    merge_list(b.as_deref(), &slices, |t| t.0, &BTreeSet::new())
        .items
        .into_iter()
        .map(|(_, c)| c.clone())
        .collect()
}

#[cfg(test)]
mod tests;
