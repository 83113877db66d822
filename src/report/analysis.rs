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
//! - Assessments of cells the dossier lacks (orphans) are counted in the header and listed for
//!   review, not analysed.
//! - Evidence naming a position of another stakeholder is *misattributed*: shown apart, named
//!   as such, and never as the words of the cell's stakeholder; it links no demand to a measure.
//! - With other analysts' sessions ([`ReportOptions::compared`]), the statistics are those of
//!   [`crate::teamwork::compare`], over the whole grid; a *disagreement* is a cell of the
//!   selection that two analysts who both assessed it tagged differently.

use crate::i18n::Lang;
use crate::model::{
    Assessment, CellId, DossierLookup, Measure, MeasureId, PillarId, PositionId, PositionKind,
    Session, SourceId, StakeholderId, Stance,
};
use crate::report::data::{
    AgreementReport, CellEntry, CellReport, CitationChecks, Demand, Evidence, FaultyEvidence,
    FlaggedCell, Friction, Header, Judgement, MatrixRow, MeasureAt, MeasureRef, MeasureReport,
    NotFound, ORPHAN_NOTE_CHARS, Orphan, PillarReport, Quote, Report, Review, Selection, Silences,
    SilentMeasure, SilentPillar, SourceCheck, SourceInfo, StakeholderDemands, StakeholderGaps,
    StakeholderInfo, StakeholderUnassessed, StanceCounts, Unanswered,
};
use crate::sources::{Checked, CitationRef, Tally, Verification};
use crate::teamwork::Agreement;
use foldhash::{HashMap, HashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Each citation's status against its source text, as [`crate::sources::verify_dossier`] found
/// it: the data the report's Sources section counts. The caller reads the documents (the
/// analysis reads no file); empty, the default, when the report is made without them, and every
/// citation then counts as without source text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verifications {
    /// Each measure's citations, in order.
    measures: BTreeMap<MeasureId, Vec<Verification>>,
    /// Each position's citation.
    positions: BTreeMap<PositionId, Verification>,
}

impl Verifications {
    /// The statuses of `checked`, kept by citation.
    #[must_use]
    pub fn of(checked: &[Checked<'_>]) -> Self {
        let mut out = Self::default();
        for c in checked {
            match c.which {
                CitationRef::Measure { id, index } => {
                    let list = out.measures.entry(id.clone()).or_default();
                    if list.len() <= index {
                        list.resize(index + 1, Verification::SourceUnavailable);
                    }
                    list[index] = c.verification.clone();
                }
                CitationRef::Position(id) => {
                    out.positions.insert(id.clone(), c.verification.clone());
                }
            }
        }
        out
    }

    /// The status of citation `which`: without source text when it was not verified.
    #[must_use]
    pub fn get(&self, which: CitationRef<'_>) -> &Verification {
        const UNAVAILABLE: &Verification = &Verification::SourceUnavailable;
        match which {
            CitationRef::Measure { id, index } => self.measures.get(id).and_then(|l| l.get(index)),
            CitationRef::Position(id) => self.positions.get(id),
        }
        .unwrap_or(UNAVAILABLE)
    }
}

/// What to put in the report and how.
#[derive(Clone, Debug, PartialEq)]
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
    /// The citations' statuses against their source texts, for the Sources section (empty:
    /// made without the documents).
    pub verifications: Verifications,
    /// Other analysts' sessions on the same dossier, for the agreement section (this session
    /// first, then these, as `visavis agree` compares them); empty, the default, for none. A
    /// session on another dossier leaves the section out: check with
    /// [`crate::teamwork::same_dossier`] first to tell the user.
    pub compared: Vec<Arc<Session>>,
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
            verifications: Verifications::default(),
            compared: Vec::new(),
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
/// [`ReportOptions::unknown_ids`] to tell the user). The report borrows its texts from the
/// session and the options.
#[must_use]
pub fn analyse<'a>(session: &'a Session, options: &'a ReportOptions) -> Report<'a> {
    let d = &session.dossier;
    let statistics = statistics(session, &options.compared);
    let compared = if statistics.is_some() {
        options.compared.as_slice()
    } else {
        &[]
    };
    let ctx = Context::new(session, compared);

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
            id: &s.id,
            name: &s.name,
            full_name: &s.full_name,
            description: &s.description,
            synthesis: session.syntheses.stakeholder(&s.id),
        })
        .collect();

    // The dossier's measures by pillar, in dossier order.
    let mut by_pillar: HashMap<&PillarId, Vec<&Measure>> = HashMap::default();
    for m in &d.measures {
        by_pillar.entry(&m.pillar).or_default().push(m);
    }
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
            id: &p.id,
            number: i + 1,
            title: &p.title,
            measures: by_pillar
                .get(&p.id)
                .into_iter()
                .flatten()
                .map(|m| ctx.measure_report(m, &stakeholders))
                .collect(),
        })
        .collect();

    let matrix = matrix(&stakeholders, &pillars);
    let in_report: HashSet<&PillarId> = pillars.iter().map(|p| p.id).collect();
    let inferred_pillars = d
        .measures
        .iter()
        .filter(|m| m.pillar_inferred && in_report.contains(&m.pillar))
        .count();
    let header = Header {
        dossier_title: &d.title,
        session_name: &options.session_name,
        analyst: &session.analyst,
        modified: &session.modified,
        assessed: matrix.iter().map(|r| r.overall.assessed()).sum(),
        total: matrix.iter().map(|r| r.overall.total()).sum(),
        selection: Selection {
            stakeholders: stakeholders.len(),
            all_stakeholders: d.stakeholders.len(),
            pillars: pillars.len(),
            all_pillars: d.pillars.len(),
        },
        orphans: session.orphans().count(),
        inferred_pillars,
        measures: pillars.iter().map(|p| p.measures.len()).sum(),
    };

    let mut report = Report {
        lang: options.lang,
        include_detail: options.include_detail,
        header,
        synthesis: session.syntheses.dossier(),
        frictions: frictions(&pillars),
        consensus: consensus(&pillars),
        gaps: gaps(&stakeholders, &pillars),
        silences: silences(&ctx, &stakeholders, &pillars),
        unanswered: unanswered(&ctx, &stakeholders, &pillars),
        unassessed: unassessed(&stakeholders, &pillars),
        review: review(session, &pillars),
        sources: Vec::new(),
        checks: checks(d, &options.verifications),
        agreement: statistics.map(|statistics| AgreementReport {
            statistics,
            disagreements: disagreements(&pillars),
        }),
        matrix,
        stakeholders,
        pillars,
    };
    report.sources = sources(d, &report);
    report
}

/// The agreement of `session` with `compared`, `session` first; `None` without compared
/// sessions, or when one is on another dossier.
fn statistics(session: &Session, compared: &[Arc<Session>]) -> Option<Agreement> {
    if compared.is_empty() {
        return None;
    }
    let all: Vec<&Session> = std::iter::once(session)
        .chain(compared.iter().map(Arc::as_ref))
        .collect();
    crate::teamwork::compare(&all).ok()
}

/// The cells of `pillars` on which two analysts disagree, in report order.
fn disagreements<'a>(pillars: &[PillarReport<'a>]) -> Vec<CellEntry<'a>> {
    pillars
        .iter()
        .flat_map(|p| &p.measures)
        .flat_map(|m| {
            m.cells
                .iter()
                .filter(|c| c.is_disagreement())
                .map(|c| CellEntry {
                    measure: m.measure,
                    cell: c.clone(),
                })
        })
        .collect()
}

/// Every measure of `pillars` with its place.
fn measures_at<'p, 'a>(
    pillars: &'p [PillarReport<'a>],
) -> impl Iterator<Item = (MeasureAt, &'p MeasureReport<'a>)> {
    pillars.iter().enumerate().flat_map(|(pi, p)| {
        p.measures.iter().enumerate().map(move |(mi, m)| {
            (
                MeasureAt {
                    pillar: pi,
                    measure: mi,
                },
                m,
            )
        })
    })
}

/// The measures on which a stakeholder sees a gap while another agrees, wholly (distance 2) or
/// in part (1): farthest apart first, then those with more stakeholders on the two sides, then
/// in dossier order.
fn frictions(pillars: &[PillarReport]) -> Vec<Friction> {
    let mut out: Vec<(Friction, usize)> = measures_at(pillars)
        .filter_map(|(at, m)| {
            let has = |s: Stance| m.cells.iter().filter(|c| c.stance == Some(s)).count();
            let (agree, partial, gap) = (
                has(Stance::Agreement),
                has(Stance::Partial),
                has(Stance::Gap),
            );
            let distance = match (gap > 0, agree > 0, partial > 0) {
                (true, true, _) => 2,
                (true, false, true) => 1,
                _ => return None,
            };
            Some((Friction { at, distance }, agree + partial + gap))
        })
        .collect();
    out.sort_by_key(|(f, n)| (std::cmp::Reverse(f.distance), std::cmp::Reverse(*n)));
    out.into_iter().map(|(f, _)| f).collect()
}

/// The measures that every stakeholder who judged them (two at least, Silent and unassessed
/// aside) agrees with.
fn consensus(pillars: &[PillarReport]) -> Vec<MeasureAt> {
    measures_at(pillars)
        .filter(|(_, m)| {
            let judged: Vec<Stance> = m
                .cells
                .iter()
                .filter_map(|c| c.stance.filter(|s| *s != Stance::Silent))
                .collect();
            judged.len() >= 2 && judged.iter().all(|s| *s == Stance::Agreement)
        })
        .map(|(at, _)| at)
        .collect()
}

/// The dossier's sources that a quote of the report comes from, in dossier order.
fn sources<'a>(d: &'a crate::model::Dossier, report: &Report<'a>) -> Vec<SourceInfo<'a>> {
    let cited: HashSet<&SourceId> = report.quotes().map(|q| q.source).collect();
    d.sources
        .iter()
        .filter(|s| cited.contains(&s.id))
        .map(|s| SourceInfo {
            title: &s.title,
            organisation: &s.organisation,
            date: &s.date,
            url: s.url.as_deref(),
            file: s.file.as_deref(),
        })
        .collect()
}

/// Every citation of the dossier (measures' in order, then positions', as
/// [`crate::sources::verify_dossier`] goes) with its status, counted by source.
fn checks<'a>(
    d: &'a crate::model::Dossier,
    verifications: &'a Verifications,
) -> CitationChecks<'a> {
    let mut out = CitationChecks::default();
    let mut at: HashMap<&SourceId, usize> = HashMap::default();
    let mut quoted: Vec<(&SourceId, SourceCheck)> = Vec::new();
    let measures = d.measures.iter().flat_map(|m| {
        m.citations
            .iter()
            .enumerate()
            .map(move |(index, c)| (CitationRef::Measure { id: &m.id, index }, c))
    });
    let positions = d
        .positions
        .iter()
        .map(|p| (CitationRef::Position(&p.id), &p.citation));
    for (which, citation) in measures.chain(positions) {
        let i = *at.entry(&citation.source).or_insert_with(|| {
            let source = d.sources.iter().find(|s| s.id == citation.source);
            quoted.push((
                &citation.source,
                SourceCheck {
                    title: source.map_or(citation.source.as_str(), |s| &s.title),
                    organisation: source.map_or("", |s| &s.organisation),
                    tally: Tally::default(),
                    not_found: Vec::new(),
                },
            ));
            quoted.len() - 1
        });
        let check = &mut quoted[i].1;
        let verification = verifications.get(which);
        out.tally.add(verification);
        check.tally.add(verification);
        if let Verification::NotFound { closest } = verification {
            check.not_found.push(NotFound {
                which,
                excerpt: &citation.excerpt,
                closest: closest.as_ref(),
            });
        }
    }
    // In dossier order; a source the dossier lacks after the others.
    let order = |id: &SourceId| {
        d.sources
            .iter()
            .position(|s| s.id == *id)
            .unwrap_or(usize::MAX)
    };
    quoted.sort_by_key(|(id, _)| order(id));
    out.sources = quoted.into_iter().map(|(_, c)| c).collect();
    out
}

/// Lookups shared by the parts of the analysis.
struct Context<'a> {
    session: &'a Session,
    /// The other analysts' sessions, for each cell's [`CellReport::compared`].
    compared: &'a [Arc<Session>],
    /// The dossier's items by id: the analysis looks up every cell's.
    lookup: DossierLookup<'a>,
    /// Pillar id → its place in the dossier, from 1.
    pillar_numbers: HashMap<&'a PillarId, usize>,
    /// For each proposal, the measures it is linked to: by the dossier, or as evidence of a cell
    /// of its own stakeholder; unsorted, maybe repeated.
    links: HashMap<&'a PositionId, Vec<&'a MeasureId>>,
}

impl<'a> Context<'a> {
    fn new(session: &'a Session, compared: &'a [Arc<Session>]) -> Self {
        let d = &session.dossier;
        let lookup = DossierLookup::new(d);
        let mut links: HashMap<&PositionId, Vec<&MeasureId>> = d
            .positions
            .iter()
            .filter(|p| p.kind == PositionKind::Proposal)
            .map(|p| (&p.id, p.measures.iter().collect()))
            .collect();
        for (cell, a) in &session.assessments {
            if lookup.measure(&cell.measure).is_none() {
                continue;
            }
            for id in &a.evidence {
                if let Some(p) = lookup.position(id)
                    && p.stakeholder == cell.stakeholder
                    && let Some(measures) = links.get_mut(&p.id)
                {
                    measures.push(&cell.measure);
                }
            }
        }
        Self {
            session,
            compared,
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

    fn assessment(
        &self,
        measure: &MeasureId,
        stakeholder: &StakeholderId,
    ) -> Option<&'a Assessment> {
        self.session
            .assessments
            .get(&CellId::new(measure.clone(), stakeholder.clone()))
    }

    fn measure_ref(&self, id: &'a MeasureId) -> MeasureRef<'a> {
        let m = self.lookup.measure(id);
        let pillar_id = m.map(|m| &m.pillar);
        MeasureRef {
            id,
            title: m.map_or(id.as_str(), |m| &m.title),
            pillar: pillar_id
                .and_then(|p| self.pillar_numbers.get(p))
                .copied()
                .unwrap_or(0),
            pillar_id,
        }
    }

    /// The measure and its cells, one per selected stakeholder: one search in the session for
    /// the whole row.
    fn measure_report(
        &self,
        m: &'a Measure,
        stakeholders: &[StakeholderInfo<'a>],
    ) -> MeasureReport<'a> {
        let row: Vec<(&StakeholderId, &Assessment)> = self
            .session
            .assessments_of(&m.id)
            .map(|(cell, a)| (&cell.stakeholder, a))
            .collect();
        MeasureReport {
            measure: self.measure_ref(&m.id),
            summary: &m.summary,
            synthesis: self.session.syntheses.measure(&m.id),
            cells: stakeholders
                .iter()
                .enumerate()
                .map(|(si, s)| {
                    let a = row
                        .binary_search_by(|(id, _)| (*id).cmp(s.id))
                        .ok()
                        .map(|i| row[i].1);
                    self.cell(a, &m.id, si, s.id)
                })
                .collect(),
        }
    }

    fn quote(&self, id: &PositionId) -> Option<Quote<'a>> {
        let p = self.lookup.position(id)?;
        let source = self.lookup.source(&p.citation.source);
        Some(Quote {
            position: &p.id,
            source: &p.citation.source,
            title: &p.title,
            excerpt: &p.citation.excerpt,
            source_title: source.map_or(p.citation.source.as_str(), |s| &s.title),
            organisation: source.map_or("", |s| &s.organisation),
            date: source.map_or("", |s| &s.date),
            location: p.citation.location.as_deref(),
        })
    }

    /// One piece of evidence of a cell of `stakeholder`: its own quote, another stakeholder's,
    /// or a position the dossier lacks.
    fn evidence(&self, id: &'a PositionId, stakeholder: &StakeholderId) -> Evidence<'a> {
        let Some(quote) = self.quote(id) else {
            return Evidence::Missing(id);
        };
        match self.lookup.position(id) {
            Some(p) if p.stakeholder != *stakeholder => Evidence::Misattributed {
                quote,
                owner: self
                    .session
                    .dossier
                    .stakeholder(&p.stakeholder)
                    .map_or(p.stakeholder.as_str(), |s| &s.name),
            },
            _ => Evidence::Quote(quote),
        }
    }

    fn cell(
        &self,
        a: Option<&'a Assessment>,
        measure: &MeasureId,
        index: usize,
        stakeholder: &StakeholderId,
    ) -> CellReport<'a> {
        CellReport {
            stakeholder: index,
            stance: a.and_then(|a| a.stance),
            note: a.map_or("", |a| &a.note),
            labels: a
                .map(|a| a.labels.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            review: a
                .map(|a| a.review.iter().map(|(r, o)| (*r, o)).collect())
                .unwrap_or_default(),
            evidence: a
                .map(|a| {
                    a.evidence
                        .iter()
                        .map(|id| self.evidence(id, stakeholder))
                        .collect()
                })
                .unwrap_or_default(),
            compared: self
                .compared
                .iter()
                .map(|other| {
                    let a = other
                        .assessments
                        .get(&CellId::new(measure.clone(), stakeholder.clone()));
                    Judgement {
                        stance: a.and_then(|a| a.stance),
                        note: a.map_or("", |a| &a.note),
                    }
                })
                .collect(),
        }
    }

    /// Whether the stakeholder of `cell` spoke to `measure` (see the module documentation).
    fn spoke(&self, measure: &MeasureId, stakeholder: &StakeholderId, cell: &CellReport) -> bool {
        Stance::is_judgement(cell.stance)
            || !cell.evidence.is_empty()
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

fn gaps<'a>(
    stakeholders: &[StakeholderInfo<'a>],
    pillars: &[PillarReport<'a>],
) -> Vec<StakeholderGaps<'a>> {
    (0..stakeholders.len())
        .filter_map(|si| {
            let with = |stance| -> Vec<CellEntry> {
                pillars
                    .iter()
                    .flat_map(|p| &p.measures)
                    .filter(|m| m.cells[si].stance == Some(stance))
                    .map(|m| CellEntry {
                        measure: m.measure,
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

fn silences<'a>(
    ctx: &Context<'a>,
    stakeholders: &[StakeholderInfo<'a>],
    pillars: &[PillarReport<'a>],
) -> Silences<'a> {
    let silent =
        |m: &MeasureReport, si: usize| !ctx.spoke(m.measure.id, stakeholders[si].id, &m.cells[si]);
    let mut out = Silences::default();
    if stakeholders.is_empty() {
        return out;
    }
    for m in pillars.iter().flat_map(|p| &p.measures) {
        if (0..stakeholders.len()).all(|si| silent(m, si)) {
            out.measures.push(SilentMeasure {
                measure: m.measure,
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

fn unanswered<'a>(
    ctx: &Context<'a>,
    stakeholders: &[StakeholderInfo<'a>],
    pillars: &[PillarReport<'a>],
) -> Vec<StakeholderDemands<'a>> {
    let selected: BTreeSet<&PillarId> = pillars.iter().map(|p| p.id).collect();
    let session = ctx.session;
    stakeholders
        .iter()
        .enumerate()
        .filter_map(|(si, s)| {
            let demands: Vec<Demand> = session
                .dossier
                .positions_of(s.id)
                // Only demands can go unanswered; a reaction to an announcement asks for nothing.
                .filter(|p| p.kind == PositionKind::Proposal)
                .filter_map(|p| {
                    let linked = ctx.links.get(&p.id).map_or(&[][..], Vec::as_slice);
                    let reason = if linked.is_empty() {
                        Unanswered::NoMeasure
                    } else {
                        let all_gap = linked.iter().all(|m| {
                            ctx.assessment(m, s.id).and_then(|a| a.stance) == Some(Stance::Gap)
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
                        order.dedup();
                        let refs: Vec<MeasureRef> =
                            order.into_iter().map(|(_, m)| ctx.measure_ref(m)).collect();
                        let in_selection = refs
                            .iter()
                            .any(|m| m.pillar_id.is_some_and(|p| selected.contains(p)));
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

fn unassessed<'a>(
    stakeholders: &[StakeholderInfo<'a>],
    pillars: &[PillarReport<'a>],
) -> Vec<StakeholderUnassessed<'a>> {
    (0..stakeholders.len())
        .filter_map(|si| {
            let measures: Vec<MeasureRef> = pillars
                .iter()
                .flat_map(|p| &p.measures)
                .filter(|m| m.cells[si].stance.is_none())
                .map(|m| m.measure)
                .collect();
            (!measures.is_empty()).then_some(StakeholderUnassessed {
                stakeholder: si,
                measures,
            })
        })
        .collect()
}

/// The report's cells flagged to review and their evidence that is not their stakeholder's
/// words, in report order, and every orphan cell of the session.
fn review<'a>(session: &'a Session, pillars: &[PillarReport<'a>]) -> Review<'a> {
    let flagged = pillars
        .iter()
        .flat_map(|p| &p.measures)
        .flat_map(|m| {
            m.cells
                .iter()
                .filter(|c| !c.review.is_empty())
                .map(move |c| FlaggedCell {
                    measure: m.measure,
                    stakeholder: c.stakeholder,
                    review: c.review.clone(),
                })
        })
        .collect();
    let evidence = pillars
        .iter()
        .flat_map(|p| &p.measures)
        .flat_map(|m| {
            m.cells.iter().flat_map(move |c| {
                c.faulty_evidence().map(move |e| FaultyEvidence {
                    measure: m.measure,
                    stakeholder: c.stakeholder,
                    evidence: *e,
                })
            })
        })
        .collect();
    let orphans = session
        .orphans()
        .map(|(cell, a)| {
            let first = a.note.trim_start().lines().next().unwrap_or_default();
            let note = first
                .char_indices()
                .nth(ORPHAN_NOTE_CHARS)
                .map_or(first, |(at, _)| &first[..at]);
            Orphan {
                measure: &cell.measure,
                stakeholder: &cell.stakeholder,
                stance: a.stance,
                note: note.trim_end(),
                note_cut: note.len() < a.note.trim().len(),
            }
        })
        .collect();
    Review {
        flagged,
        evidence,
        orphans,
    }
}
