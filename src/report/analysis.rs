//! The gap analysis: from a session and the report options to a [`Report`], the plain data the
//! renderers print. Pure: no I/O, no formatting beyond picking the language.
//!
//! Definitions the report relies on:
//! - A stakeholder *spoke to* a measure when its cell is tagged Agreement, Partial or Gap, or the
//!   cell cites evidence, or the dossier links one of the stakeholder's positions to the measure.
//!   A cell tagged Silent or unassessed, with no evidence and no such link, is a silence.
//! - A measure is *silent* when none of the selected stakeholders spoke to it; a stakeholder is
//!   *silent on a pillar* when it spoke to none of the pillar's measures. Either is marked
//!   provisional when some of the cells behind it are still unassessed.
//! - A *proposal* (never a mere reaction) is an *unanswered demand* when it is linked to no measure — neither by the
//!   dossier nor as evidence of one of its stakeholder's cells — or when every cell it is linked
//!   to is tagged Gap. Positions linked to no measure belong to no pillar and are listed whatever
//!   the pillar subset; the others are listed when one of their measures is in the subset.
//! - Assessments of cells the dossier lacks (orphans) are counted in the header, not analysed.

use crate::i18n::Lang;
use crate::model::{
    Assessment, CellId, DossierLookup, MeasureId, PillarId, PositionId, PositionKind, Session,
    StakeholderId, Stance,
};
use crate::report::data::{
    CellEntry, CellReport, Demand, Evidence, Header, MatrixRow, MeasureRef, MeasureReport,
    PillarReport, Quote, Report, Selection, Silences, SilentMeasure, SilentPillar,
    StakeholderDemands, StakeholderGaps, StakeholderInfo, StakeholderUnassessed, StanceCounts,
    Unanswered,
};
use std::collections::{BTreeMap, BTreeSet};

/// What to put in the report and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// The report's language.
    pub lang: Lang,
    /// Only these stakeholders (in dossier order); `None` for all.
    pub stakeholders: Option<BTreeSet<StakeholderId>>,
    /// Only these pillars (in dossier order); `None` for all.
    pub pillars: Option<BTreeSet<PillarId>>,
    /// Whether the Markdown and HTML renderings include the per-measure detail (the CSV always
    /// has one row per cell).
    pub include_detail: bool,
    /// The session's name as the reader should see it, usually the file name.
    pub session_name: String,
}

impl ReportOptions {
    /// Every stakeholder and pillar, with the detail, in `lang`.
    #[must_use]
    pub fn new(lang: Lang, session_name: &str) -> Self {
        Self {
            lang,
            stakeholders: None,
            pillars: None,
            include_detail: true,
            session_name: session_name.to_owned(),
        }
    }

    /// The ids of the subsets the dossier does not have, as messages for the user.
    #[must_use]
    pub fn unknown_ids(&self, session: &Session) -> Vec<String> {
        let d = &session.dossier;
        let mut problems = Vec::new();
        for id in self.stakeholders.iter().flatten() {
            if d.stakeholder(id).is_none() {
                let known: Vec<&str> = d.stakeholders.iter().map(|s| s.id.as_str()).collect();
                problems.push(format!(
                    "unknown stakeholder \"{id}\" (the dossier has: {})",
                    known.join(", ")
                ));
            }
        }
        for id in self.pillars.iter().flatten() {
            if d.pillar(id).is_none() {
                let known: Vec<&str> = d.pillars.iter().map(|p| p.id.as_str()).collect();
                problems.push(format!(
                    "unknown pillar \"{id}\" (the dossier has: {})",
                    known.join(", ")
                ));
            }
        }
        problems
    }
}

/// Compute the gap report of `session`. Subset ids the dossier lacks are ignored (see
/// [`ReportOptions::unknown_ids`] to tell the user).
#[must_use]
pub fn analyse(session: &Session, options: &ReportOptions) -> Report {
    let d = &session.dossier;
    let ctx = Context::new(session);

    let stakeholders: Vec<StakeholderInfo> = d
        .stakeholders
        .iter()
        .filter(|s| {
            options
                .stakeholders
                .as_ref()
                .is_none_or(|set| set.contains(&s.id))
        })
        .map(|s| StakeholderInfo {
            id: s.id.clone(),
            name: s.name.clone(),
            full_name: s.full_name.clone(),
        })
        .collect();

    let pillars: Vec<PillarReport> = d
        .pillars
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            options
                .pillars
                .as_ref()
                .is_none_or(|set| set.contains(&p.id))
        })
        .map(|(i, p)| PillarReport {
            id: p.id.clone(),
            number: i + 1,
            title: p.title.clone(),
            measures: d
                .measures
                .iter()
                .filter(|m| m.pillar == p.id)
                .map(|m| MeasureReport {
                    measure: ctx.measure_ref(&m.id),
                    summary: m.summary.clone(),
                    cells: stakeholders
                        .iter()
                        .enumerate()
                        .map(|(si, s)| ctx.cell(&m.id, &s.id, si))
                        .collect(),
                })
                .collect(),
        })
        .collect();

    let matrix = matrix(&stakeholders, &pillars);
    let header = Header {
        dossier_title: d.title.clone(),
        session_name: options.session_name.clone(),
        analyst: session.analyst.clone(),
        modified: session.modified.clone(),
        assessed: matrix.iter().map(|r| r.overall.assessed()).sum(),
        total: matrix.iter().map(|r| r.overall.total()).sum(),
        selection: Selection {
            stakeholders: stakeholders.len(),
            all_stakeholders: d.stakeholders.len(),
            pillars: pillars.len(),
            all_pillars: d.pillars.len(),
        },
        orphans: session.orphans().count(),
    };

    Report {
        lang: options.lang,
        include_detail: options.include_detail,
        header,
        gaps: gaps(&stakeholders, &pillars),
        silences: silences(&ctx, &stakeholders, &pillars),
        unanswered: unanswered(&ctx, &stakeholders, &pillars),
        unassessed: unassessed(&stakeholders, &pillars),
        matrix,
        stakeholders,
        pillars,
    }
}

/// Lookups shared by the parts of the analysis.
struct Context<'a> {
    session: &'a Session,
    /// The dossier's items by id: the analysis looks up every cell's.
    lookup: DossierLookup<'a>,
    /// Pillar id → its place in the dossier, from 1.
    pillar_numbers: BTreeMap<&'a PillarId, usize>,
    /// For each position, the measures it is linked to: by the dossier, or as evidence of a cell
    /// of its own stakeholder.
    links: BTreeMap<&'a PositionId, BTreeSet<&'a MeasureId>>,
}

impl<'a> Context<'a> {
    fn new(session: &'a Session) -> Self {
        let d = &session.dossier;
        let lookup = DossierLookup::new(d);
        let mut links: BTreeMap<&PositionId, BTreeSet<&MeasureId>> = d
            .positions
            .iter()
            .map(|p| (&p.id, p.measures.iter().collect()))
            .collect();
        for (cell, a) in &session.assessments {
            if lookup.measure(&cell.measure).is_none() {
                continue;
            }
            for id in &a.evidence {
                if let Some(p) = lookup.position(id)
                    && p.stakeholder == cell.stakeholder
                {
                    links.entry(&p.id).or_default().insert(&cell.measure);
                }
            }
        }
        Self {
            session,
            lookup,
            pillar_numbers: d
                .pillars
                .iter()
                .enumerate()
                .map(|(i, p)| (&p.id, i + 1))
                .collect(),
            links,
        }
    }

    fn assessment(&self, measure: &MeasureId, stakeholder: &StakeholderId) -> Option<&Assessment> {
        self.session
            .assessments
            .get(&CellId::new(measure.clone(), stakeholder.clone()))
    }

    fn measure_ref(&self, id: &MeasureId) -> MeasureRef {
        let m = self.lookup.measure(id);
        let pillar_id = m.map_or_else(|| "".into(), |m| m.pillar.clone());
        MeasureRef {
            id: id.clone(),
            title: m.map_or_else(|| id.to_string(), |m| m.title.clone()),
            pillar: self.pillar_numbers.get(&pillar_id).copied().unwrap_or(0),
            pillar_id,
        }
    }

    fn quote(&self, id: &PositionId) -> Option<Quote> {
        let p = self.lookup.position(id)?;
        let source = self.lookup.source(&p.citation.source);
        Some(Quote {
            position: p.id.clone(),
            title: p.title.clone(),
            excerpt: p.citation.excerpt.clone(),
            source_title: source.map_or_else(|| p.citation.source.to_string(), |s| s.title.clone()),
            organisation: source.map(|s| s.organisation.clone()).unwrap_or_default(),
            date: source.map(|s| s.date.clone()).unwrap_or_default(),
            location: p.citation.location.clone(),
        })
    }

    fn cell(&self, measure: &MeasureId, stakeholder: &StakeholderId, index: usize) -> CellReport {
        let a = self.assessment(measure, stakeholder);
        CellReport {
            stakeholder: index,
            stance: a.and_then(|a| a.stance),
            note: a.map(|a| a.note.clone()).unwrap_or_default(),
            labels: a
                .map(|a| a.labels.iter().cloned().collect())
                .unwrap_or_default(),
            evidence: a
                .map(|a| {
                    a.evidence
                        .iter()
                        .map(|id| {
                            self.quote(id)
                                .map_or_else(|| Evidence::Missing(id.clone()), Evidence::Quote)
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// Whether `stakeholder` spoke to `measure` (see the module documentation).
    fn spoke(&self, measure: &MeasureId, stakeholder: &StakeholderId) -> bool {
        let cell = self.assessment(measure, stakeholder);
        let tagged = matches!(
            cell.and_then(|a| a.stance),
            Some(Stance::Agreement | Stance::Partial | Stance::Gap)
        );
        tagged
            || cell.is_some_and(|a| !a.evidence.is_empty())
            || !self.lookup.positions_on(measure, stakeholder).is_empty()
    }
}

fn matrix(stakeholders: &[StakeholderInfo], pillars: &[PillarReport]) -> Vec<MatrixRow> {
    (0..stakeholders.len())
        .map(|si| {
            let per_pillar: Vec<StanceCounts> = pillars
                .iter()
                .map(|p| {
                    let mut c = StanceCounts::default();
                    for m in &p.measures {
                        c.add(m.cells[si].stance);
                    }
                    c
                })
                .collect();
            let mut overall = StanceCounts::default();
            for c in &per_pillar {
                overall.merge(c);
            }
            MatrixRow {
                stakeholder: si,
                per_pillar,
                overall,
            }
        })
        .collect()
}

fn gaps(stakeholders: &[StakeholderInfo], pillars: &[PillarReport]) -> Vec<StakeholderGaps> {
    (0..stakeholders.len())
        .filter_map(|si| {
            let with = |stance| -> Vec<CellEntry> {
                pillars
                    .iter()
                    .flat_map(|p| &p.measures)
                    .filter(|m| m.cells[si].stance == Some(stance))
                    .map(|m| CellEntry {
                        measure: m.measure.clone(),
                        cell: m.cells[si].clone(),
                    })
                    .collect()
            };
            let entry = StakeholderGaps {
                stakeholder: si,
                gaps: with(Stance::Gap),
                partials: with(Stance::Partial),
            };
            (!entry.gaps.is_empty() || !entry.partials.is_empty()).then_some(entry)
        })
        .collect()
}

fn silences(ctx: &Context, stakeholders: &[StakeholderInfo], pillars: &[PillarReport]) -> Silences {
    let silent = |m: &MeasureReport, si: usize| !ctx.spoke(&m.measure.id, &stakeholders[si].id);
    let mut out = Silences::default();
    if stakeholders.is_empty() {
        return out;
    }
    for m in pillars.iter().flat_map(|p| &p.measures) {
        if (0..stakeholders.len()).all(|si| silent(m, si)) {
            out.measures.push(SilentMeasure {
                measure: m.measure.clone(),
                unassessed: m.cells.iter().filter(|c| c.stance.is_none()).count(),
            });
        }
    }
    for si in 0..stakeholders.len() {
        for (pi, p) in pillars.iter().enumerate() {
            if !p.measures.is_empty() && p.measures.iter().all(|m| silent(m, si)) {
                out.pillars.push(SilentPillar {
                    stakeholder: si,
                    pillar: pi,
                    unassessed: p
                        .measures
                        .iter()
                        .filter(|m| m.cells[si].stance.is_none())
                        .count(),
                });
            }
        }
    }
    out
}

fn unanswered(
    ctx: &Context,
    stakeholders: &[StakeholderInfo],
    pillars: &[PillarReport],
) -> Vec<StakeholderDemands> {
    let selected: BTreeSet<&PillarId> = pillars.iter().map(|p| &p.id).collect();
    let session = ctx.session;
    stakeholders
        .iter()
        .enumerate()
        .filter_map(|(si, s)| {
            let demands: Vec<Demand> = session
                .dossier
                .positions_of(&s.id)
                // Only demands can go unanswered; a reaction to an announcement asks for nothing.
                .filter(|p| p.kind == PositionKind::Proposal)
                .filter_map(|p| {
                    let linked = ctx.links.get(&p.id).cloned().unwrap_or_default();
                    let reason = if linked.is_empty() {
                        Unanswered::NoMeasure
                    } else {
                        let all_gap = linked.iter().all(|m| {
                            ctx.assessment(m, &s.id).and_then(|a| a.stance) == Some(Stance::Gap)
                        });
                        if !all_gap {
                            return None;
                        }
                        // The linked measures in dossier order.
                        let mut order: Vec<(usize, &MeasureId)> = linked
                            .iter()
                            .filter_map(|m| ctx.lookup.measure_index(m).map(|i| (i, *m)))
                            .collect();
                        order.sort_unstable();
                        let refs: Vec<MeasureRef> =
                            order.into_iter().map(|(_, m)| ctx.measure_ref(m)).collect();
                        let in_selection = refs.iter().any(|m| selected.contains(&m.pillar_id));
                        if !in_selection {
                            return None;
                        }
                        Unanswered::OnlyGaps(refs)
                    };
                    Some(Demand {
                        quote: ctx.quote(&p.id)?,
                        kind: p.kind,
                        reason,
                    })
                })
                .collect();
            (!demands.is_empty()).then_some(StakeholderDemands {
                stakeholder: si,
                demands,
            })
        })
        .collect()
}

fn unassessed(
    stakeholders: &[StakeholderInfo],
    pillars: &[PillarReport],
) -> Vec<StakeholderUnassessed> {
    (0..stakeholders.len())
        .filter_map(|si| {
            let measures: Vec<MeasureRef> = pillars
                .iter()
                .flat_map(|p| &p.measures)
                .filter(|m| m.cells[si].stance.is_none())
                .map(|m| m.measure.clone())
                .collect();
            (!measures.is_empty()).then_some(StakeholderUnassessed {
                stakeholder: si,
                measures,
            })
        })
        .collect()
}
