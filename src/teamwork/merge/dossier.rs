//! The dossier's part of a merge: each source, pillar, measure, stakeholder and position merged
//! by its id (a [`DossierConflict`] when two sides changed it differently), the dossier's title
//! and description, and what keeps the merged dossier whole: an item one side removed stays
//! (as a conflict) while an item of the merge still refers to it.

use super::pick::{Base, Listed, Pick, merge_list, pick};
use super::{Kept, Unsettled};
use crate::model::{
    Dossier, DossierConflict, DossierItem, DossierSide, ItemId, MeasureId, PillarId, Problem,
    Session, SourceId, StakeholderId,
};
use std::collections::{BTreeSet, HashSet};

/// The dossier merged, and what it found.
pub struct Merged {
    /// The merged dossier.
    pub dossier: Dossier,
    /// The items changed differently (new in this merge), in dossier order: sources, pillars,
    /// measures, stakeholders, positions.
    pub conflicts: Vec<DossierConflict>,
    /// Per side, items taken from that side alone.
    pub from: Vec<usize>,
    /// Items changed the same way on several sides.
    pub alike: usize,
    /// What differed where the format has no place for a conflict.
    pub kept: Vec<Kept>,
}

/// The ids the merged dossier must keep because a merged item refers to them.
#[derive(Default)]
struct Keep {
    sources: BTreeSet<SourceId>,
    pillars: BTreeSet<PillarId>,
    measures: BTreeSet<MeasureId>,
    stakeholders: BTreeSet<StakeholderId>,
}

impl Keep {
    fn len(&self) -> usize {
        self.sources.len() + self.pillars.len() + self.measures.len() + self.stakeholders.len()
    }

    /// Add every id `d` refers to but does not hold.
    fn add_missing(&mut self, d: &Dossier) {
        let sources: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
        let pillars: HashSet<&str> = d.pillars.iter().map(|p| p.id.as_str()).collect();
        let measures: HashSet<&str> = d.measures.iter().map(|m| m.id.as_str()).collect();
        let stakeholders: HashSet<&str> = d.stakeholders.iter().map(|s| s.id.as_str()).collect();
        let mut source = |id: &SourceId| {
            if !sources.contains(id.as_str()) {
                self.sources.insert(id.clone());
            }
        };
        for m in &d.measures {
            m.citations.iter().for_each(|c| source(&c.source));
        }
        for p in &d.positions {
            source(&p.citation.source);
        }
        for m in &d.measures {
            if !pillars.contains(m.pillar.as_str()) {
                self.pillars.insert(m.pillar.clone());
            }
        }
        for p in &d.positions {
            if !stakeholders.contains(p.stakeholder.as_str()) {
                self.stakeholders.insert(p.stakeholder.clone());
            }
            for m in &p.measures {
                if !measures.contains(m.as_str()) {
                    self.measures.insert(m.clone());
                }
            }
        }
        for s in &d.sources {
            if let Some(owner) = s.stakeholder.as_ref()
                && !stakeholders.contains(owner.as_str())
            {
                self.stakeholders.insert(owner.clone());
            }
        }
    }
}

/// Merge the dossiers of `sides` (and of `base`, for a three-way merge).
///
/// # Errors
/// The problems of the merged dossier, should it still be inconsistent once every item referred
/// to is kept (it cannot be when every input is consistent, as loaded files are).
pub fn merge(base: Option<&Dossier>, sides: &[&Session]) -> Result<Merged, Vec<Problem>> {
    let mut keep = Keep::default();
    // Each round keeps what the previous one found missing; an item kept may refer to more
    // (a measure to its pillar), so a few rounds may be needed, never more than the kinds.
    loop {
        let before = keep.len();
        let merged = merge_with(base, sides, &keep);
        keep.add_missing(&merged.dossier);
        if keep.len() == before {
            let problems = merged.dossier.validate();
            return if problems.is_empty() {
                Ok(merged)
            } else {
                Err(problems)
            };
        }
    }
}

fn merge_with(base: Option<&Dossier>, sides: &[&Session], keep: &Keep) -> Merged {
    let dossiers: Vec<&Dossier> = sides.iter().map(|s| &s.dossier).collect();
    let mut out = Merged {
        dossier: Dossier {
            id: dossiers[0].id.clone(),
            title: String::new(),
            description: String::new(),
            sources: Vec::new(),
            pillars: Vec::new(),
            measures: Vec::new(),
            stakeholders: Vec::new(),
            positions: Vec::new(),
        },
        conflicts: Vec::new(),
        from: vec![0; sides.len()],
        alike: 0,
        kept: Vec::new(),
    };
    for (field, get, what) in [
        (
            &mut out.dossier.title,
            (|d: &Dossier| &d.title) as fn(&Dossier) -> &String,
            Unsettled::DossierTitle,
        ),
        (
            &mut out.dossier.description,
            |d: &Dossier| &d.description,
            Unsettled::DossierDescription,
        ),
    ] {
        let vs: Vec<Option<&String>> = dossiers.iter().map(|d| Some(get(d))).collect();
        let b = base.map_or(Base::Without, |b| Base::With(Some(get(b))));
        let p = pick(b, &vs, |a, b| a == b);
        let taken = p.or_first(vs[0]);
        *field = taken.cloned().unwrap_or_default();
        if let Pick::Conflict(versions) = &p {
            out.kept
                .push(Kept::of(what, taken.map(String::as_str), versions));
        }
    }
    macro_rules! items {
        ($field:ident, $keep:expr, $wrap:path, $id:path, $what:literal) => {{
            let listed = merge_list(
                base.map(|b| b.$field.as_slice()),
                &dossiers
                    .iter()
                    .map(|d| d.$field.as_slice())
                    .collect::<Vec<_>>(),
                |item| item.id.clone(),
                $keep,
            );
            out.dossier.$field = take(listed, sides, &mut out, $wrap, $id, $what);
        }};
    }
    items!(
        sources,
        &keep.sources,
        DossierItem::Source,
        ItemId::Source,
        "sources"
    );
    items!(
        pillars,
        &keep.pillars,
        DossierItem::Pillar,
        ItemId::Pillar,
        "pillars"
    );
    items!(
        measures,
        &keep.measures,
        DossierItem::Measure,
        ItemId::Measure,
        "measures"
    );
    items!(
        stakeholders,
        &keep.stakeholders,
        DossierItem::Stakeholder,
        ItemId::Stakeholder,
        "stakeholders"
    );
    items!(
        positions,
        &BTreeSet::new(),
        DossierItem::Position,
        ItemId::Position,
        "positions"
    );
    out
}

/// The items of one list, its conflicts and counts added to `out`.
fn take<K, T>(
    listed: Listed<K, T>,
    sides: &[&Session],
    out: &mut Merged,
    wrap: fn(T) -> DossierItem,
    id: fn(K) -> ItemId,
    what: &'static str,
) -> Vec<T> {
    for (total, n) in out.from.iter_mut().zip(&listed.from) {
        *total += n;
    }
    out.alike += listed.alike;
    if listed.order_kept_first {
        out.kept.push(Kept {
            what: Unsettled::Order(what),
            dropped: Vec::new(),
        });
    }
    for (k, versions) in listed.conflicts {
        out.conflicts.push(DossierConflict {
            item: id(k),
            sides: versions
                .into_iter()
                .map(|(i, v)| DossierSide {
                    version: v.map(wrap),
                    author: sides[i].analyst.to_string(),
                    modified: sides[i].modified.clone(),
                })
                .collect(),
        });
    }
    listed.items
}
