//! The suggestions of the detail panel: the ranking of the open dossier ([`crate::suggest`]),
//! built on a thread of its own when a session opens, its dossier changes or its documents
//! have been read, and the selected cell's list, worked out again when the selection or the
//! session changes (not every frame). The positions the dossier ties to the measure are left
//! out of the list: the panel shows them above it already.

use super::App;
use crate::suggest::{Index, Target, for_cell};
use crate::ui::suggestions::Offer;
use crate::view::Selection;
use eframe::egui;
use std::sync::{Arc, mpsc};

/// How many suggestions a cell shows.
const SHOWN: usize = 5;

/// The ranking of the open dossier and the selected cell's suggestions.
#[derive(Default)]
pub(super) struct Suggestions {
    /// The ranking, once built.
    index: Option<Arc<Index>>,
    /// The ranking being built.
    building: Option<mpsc::Receiver<Index>>,
    /// The dossier or its texts changed since the ranking was started.
    pub(super) stale: bool,
    /// The cell and the revision the list was worked out for.
    listed_for: Option<(Selection, u64)>,
    /// The selected cell's suggestions, and the measures its stakeholder's unanswered
    /// proposals may speak to.
    pub(super) offer: Offer,
}

impl Suggestions {
    /// None yet, to build.
    pub(super) fn stale() -> Self {
        Self {
            stale: true,
            ..Self::default()
        }
    }
}

impl App {
    /// Start the ranking if it is stale, take it in when built, and list the selected cell's.
    pub(super) fn poll_suggestions(&mut self, ctx: &egui::Context) {
        let s = &mut self.suggestions;
        if s.stale && s.building.is_none() {
            s.stale = false;
            let (send, receive) = mpsc::channel();
            let dossier = self.session.dossier.clone();
            let texts = self.shelf.texts();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("visavis-suggest".to_owned())
                .spawn(move || {
                    let index = Index::build(&dossier, |id| texts.get(id).map(Arc::as_ref));
                    let _ = send.send(index);
                    ctx.request_repaint();
                });
            s.building = spawned.is_ok().then_some(receive);
        }
        if let Some(building) = &s.building {
            match building.try_recv() {
                Ok(index) => {
                    s.building = None;
                    // A ranking of a dossier that changed meanwhile is not shown: the next one is.
                    if !s.stale {
                        s.index = Some(Arc::new(index));
                        s.listed_for = None;
                    }
                }
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => s.building = None,
            }
        }
        let key = self.selection.map(|sel| (sel, self.history.revision()));
        if key == s.listed_for {
            return;
        }
        s.listed_for = key;
        let d = &self.session.dossier;
        s.offer.answers = match (self.selection, &s.index) {
            (Some(sel), Some(index)) => unanswered(&self.session, index, sel.stakeholder),
            _ => std::collections::BTreeMap::new(),
        };
        s.offer.list = match (self.selection, &s.index) {
            (Some(sel), Some(index)) if sel.measure < d.measures.len() => {
                // The positions the dossier ties to the measure are listed above already.
                let measure = &d.measures[sel.measure].id;
                for_cell(
                    index,
                    &self.session,
                    sel.measure,
                    sel.stakeholder,
                    usize::MAX,
                )
                .into_iter()
                .filter(|sg| match sg.target {
                    Target::Position(p) => d
                        .positions
                        .get(p)
                        .is_some_and(|p| !p.measures.contains(measure)),
                    Target::Passage { .. } => true,
                })
                .take(SHOWN)
                .collect()
            }
            _ => Vec::new(),
        };
    }

    /// The dossier changed: the ranking is built again (the old one stays until then, but
    /// lists nothing that the new dossier lacks).
    pub(super) fn suggestions_stale(&mut self) {
        self.suggestions.stale = true;
        self.suggestions.index = None;
        self.suggestions.listed_for = None;
    }

    /// Whether the ranking is being built.
    #[must_use]
    pub fn is_ranking(&self) -> bool {
        self.suggestions.stale || self.suggestions.building.is_some()
    }
}

/// The proposals of `stakeholder` that no measure answers — the dossier links them to none and
/// no cell cites them — each with the three measures its words may speak to.
fn unanswered(
    session: &crate::model::Session,
    index: &Index,
    stakeholder: usize,
) -> std::collections::BTreeMap<crate::model::PositionId, Vec<usize>> {
    let d = &session.dossier;
    let Some(owner) = d.stakeholders.get(stakeholder) else {
        return std::collections::BTreeMap::new();
    };
    let cited: std::collections::BTreeSet<&crate::model::PositionId> = session
        .assessments
        .iter()
        .filter(|(cell, _)| cell.stakeholder == owner.id)
        .flat_map(|(_, a)| a.evidence.iter())
        .collect();
    d.positions
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.stakeholder == owner.id
                && p.kind == crate::model::PositionKind::Proposal
                && p.measures.is_empty()
                && !cited.contains(&p.id)
        })
        .map(|(i, p)| {
            let measures = index.measures_for(i).into_iter().take(3).map(|(m, _, _)| m);
            (p.id.clone(), measures.collect())
        })
        .collect()
}
