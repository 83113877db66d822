//! What a gap report holds: the plain data [`super::analyse`] computes and the renderers
//! print. Stakeholders and pillars are listed once, in [`Report::stakeholders`] and
//! [`Report::pillars`]; the other parts refer to them by index. A report borrows its texts from
//! the session (`'a`): computing it copies no note, title or quote.

use crate::i18n::Lang;
use crate::model::{
    MeasureId, PillarId, PositionId, PositionKind, ReviewOrigin, ReviewReason, SourceId,
    StakeholderId, Stance,
};
use crate::sources::{CitationRef, Closest, Tally};
use crate::teamwork::Agreement;

/// The whole analysis, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    /// The language the renderers write in.
    pub lang: Lang,
    /// Whether the Markdown and HTML renderings include [`Report::pillars`] in full.
    pub include_detail: bool,
    /// Who, what, when, how far.
    pub header: Header<'a>,
    /// The analyst's synthesis of the whole dossier, if written.
    pub synthesis: Option<&'a str>,
    /// The measures on which the stakeholders split, farthest apart first.
    pub frictions: Vec<Friction>,
    /// The measures every stakeholder who spoke agrees with (two at least), in dossier order.
    pub consensus: Vec<MeasureAt>,
    /// The selected stakeholders, in dossier order. Other parts refer to them by index.
    pub stakeholders: Vec<StakeholderInfo<'a>>,
    /// The selected pillars in dossier order, each with its measures and every cell.
    pub pillars: Vec<PillarReport<'a>>,
    /// One line per stakeholder: stance counts per pillar and overall.
    pub matrix: Vec<MatrixRow>,
    /// The Gap and Partial cells of each stakeholder that has any.
    pub gaps: Vec<StakeholderGaps<'a>>,
    /// Measures nobody spoke to; stakeholders silent on a whole pillar.
    pub silences: Silences<'a>,
    /// The unanswered demands of each stakeholder that has any.
    pub unanswered: Vec<StakeholderDemands<'a>>,
    /// The unassessed cells of each stakeholder that has any.
    pub unassessed: Vec<StakeholderUnassessed<'a>>,
    /// Evidence that is not the cell's stakeholder's words, and the orphan cells.
    pub review: Review<'a>,
    /// The documents the report quotes, in dossier order.
    pub sources: Vec<SourceInfo<'a>>,
    /// What verifying the dossier's citations against their source texts found.
    pub checks: CitationChecks<'a>,
    /// The agreement between this session's analyst and other analysts, when the report compares
    /// sessions ([`super::ReportOptions::compared`]); `None` leaves the section out.
    pub agreement: Option<AgreementReport<'a>>,
}

/// The report's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    /// The dossier's title.
    pub dossier_title: &'a str,
    /// The session's name (file name).
    pub session_name: &'a str,
    /// Who made the analysis.
    pub analyst: &'a str,
    /// When the session was last saved (RFC 3339).
    pub modified: &'a str,
    /// Cells assessed in the selection.
    pub assessed: usize,
    /// Cells in the selection.
    pub total: usize,
    /// Stakeholders and pillars selected, and in the dossier.
    pub selection: Selection,
    /// Assessments of cells the dossier lacks, listed apart in [`Review::orphans`].
    pub orphans: usize,
    /// Measures of the report placed in their pillar by the dossier's author, the sources not
    /// saying which (`pillar_inferred`).
    pub inferred_pillars: usize,
    /// Measures in the report.
    pub measures: usize,
}

/// How much of the dossier the report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Stakeholders in the report.
    pub stakeholders: usize,
    /// Stakeholders in the dossier.
    pub all_stakeholders: usize,
    /// Pillars in the report.
    pub pillars: usize,
    /// Pillars in the dossier.
    pub all_pillars: usize,
}

impl Selection {
    /// Whether the report leaves some of the dossier's stakeholders or pillars out.
    #[must_use]
    pub fn is_subset(&self) -> bool {
        self.stakeholders < self.all_stakeholders || self.pillars < self.all_pillars
    }
}

/// A stakeholder as the report names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StakeholderInfo<'a> {
    /// Its id.
    pub id: &'a StakeholderId,
    /// Short name.
    pub name: &'a str,
    /// Full name.
    pub full_name: &'a str,
    /// Who it is, as the dossier describes it.
    pub description: &'a str,
    /// The analyst's synthesis of the stakeholder, if written.
    pub synthesis: Option<&'a str>,
}

/// A selected pillar with its measures.
#[derive(Clone, Debug, PartialEq)]
pub struct PillarReport<'a> {
    /// Its id.
    pub id: &'a PillarId,
    /// Its place in the dossier, from 1 (stable whatever the subset).
    pub number: usize,
    /// Its title.
    pub title: &'a str,
    /// Its measures in dossier order.
    pub measures: Vec<MeasureReport<'a>>,
}

/// A measure and its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureReport<'a> {
    /// Id, title and pillar.
    pub measure: MeasureRef<'a>,
    /// What the measure does.
    pub summary: &'a str,
    /// The analyst's synthesis of the measure, if written.
    pub synthesis: Option<&'a str>,
    /// One cell per selected stakeholder, in [`Report::stakeholders`] order.
    pub cells: Vec<CellReport<'a>>,
}

/// Where a measure is in [`Report::pillars`]: the pillar's index, then the measure's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeasureAt {
    /// Index into [`Report::pillars`].
    pub pillar: usize,
    /// Index into that pillar's measures.
    pub measure: usize,
}

/// A point of friction: a measure one stakeholder finds wanting (Gap) while another agrees
/// with it, wholly or in part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Friction {
    /// The measure.
    pub at: MeasureAt,
    /// How far apart they are: 2 for agreement against gap, 1 for partial against gap.
    pub distance: u8,
}

/// A measure named where it is listed outside its pillar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeasureRef<'a> {
    /// Its id.
    pub id: &'a MeasureId,
    /// Its title (its id when the dossier lacks it).
    pub title: &'a str,
    /// Its pillar's id; `None` when the dossier lacks the measure.
    pub pillar_id: Option<&'a PillarId>,
    /// Its pillar's place in the dossier, from 1 (0 when unknown).
    pub pillar: usize,
}

/// One cell's work as the report shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellReport<'a> {
    /// Index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// The stance; `None` when unassessed.
    pub stance: Option<Stance>,
    /// The analyst's note.
    pub note: &'a str,
    /// Free labels, sorted.
    pub labels: Vec<&'a str>,
    /// The cell's review flags, in reason order, with who raised each and why.
    pub review: Vec<(ReviewReason, &'a ReviewOrigin)>,
    /// The positions cited, in id order.
    pub evidence: Vec<Evidence<'a>>,
    /// The other analysts' work on the cell, in [`AgreementReport`] order (after this
    /// session's analyst); empty when the report compares no sessions.
    pub compared: Vec<Judgement<'a>>,
}

impl CellReport<'_> {
    /// A judgement (agreement, partial, gap) that no quote backs.
    #[must_use]
    pub fn is_unsupported(&self) -> bool {
        Stance::is_judgement(self.stance) && self.evidence.is_empty()
    }

    /// Whether two analysts who both assessed the cell gave it different stances (this
    /// session's analyst and those of [`CellReport::compared`]).
    #[must_use]
    pub fn is_disagreement(&self) -> bool {
        let mut assessed = self.judgements().filter_map(|j| j.stance);
        assessed
            .next()
            .is_some_and(|first| assessed.any(|s| s != first))
    }
}

/// Another analyst's work on a cell of the report, from a compared session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judgement<'a> {
    /// Their stance; `None` when they left the cell unassessed.
    pub stance: Option<Stance>,
    /// Their note, whole.
    pub note: &'a str,
}

/// The optional agreement section: this session compared cell by cell with other analysts'
/// sessions on the same dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementReport<'a> {
    /// The statistics as `visavis agree` computes them, over the whole grid whatever the
    /// report's selection: the analysts (this session's first), then overall, per stakeholder
    /// and per pillar.
    pub statistics: Agreement,
    /// The cells of the report's selection that two analysts who both assessed them gave
    /// different stances, in report order (pillar, measure, stakeholder); each cell's
    /// [`CellReport::compared`] holds the other analysts' stances and notes.
    pub disagreements: Vec<CellEntry<'a>>,
}

/// A piece of evidence of a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence<'a> {
    /// A position of the cell's stakeholder, with its quote.
    Quote(Quote<'a>),
    /// A position of another stakeholder (a hand edit, a bad merge): shown apart and named as
    /// such, never as the words of the cell's stakeholder (`visavis validate` warns about it).
    Misattributed {
        /// The position's quote.
        quote: Quote<'a>,
        /// The name of the stakeholder the position belongs to (its id when the dossier lacks
        /// that stakeholder).
        owner: &'a str,
    },
    /// The cell names a position the dossier lacks (`visavis validate` warns about it).
    Missing(&'a PositionId),
}

impl<'a> CellReport<'a> {
    /// The quotes of the cell's own stakeholder, in id order.
    pub fn own_quotes(&self) -> impl Iterator<Item = &Quote<'a>> {
        self.evidence.iter().filter_map(|e| match e {
            Evidence::Quote(q) => Some(q),
            _ => None,
        })
    }

    /// Every analyst's work on the cell: this session's, then [`CellReport::compared`].
    pub fn judgements(&self) -> impl Iterator<Item = Judgement<'a>> + '_ {
        std::iter::once(Judgement {
            stance: self.stance,
            note: self.note,
        })
        .chain(self.compared.iter().copied())
    }

    /// The evidence that is not a quote of the cell's stakeholder: misattributed or missing.
    pub fn faulty_evidence(&self) -> impl Iterator<Item = &Evidence<'a>> {
        self.evidence
            .iter()
            .filter(|e| !matches!(e, Evidence::Quote(_)))
    }
}

/// What the report lists for the analyst to check: the cells flagged to review, evidence that is
/// not the words of the cell's stakeholder, and the assessments of cells the dossier lacks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review<'a> {
    /// Each cell of the report with a review flag, in report order.
    pub flagged: Vec<FlaggedCell<'a>>,
    /// Each misattributed or missing piece of evidence of a cell in the report, in report
    /// order.
    pub evidence: Vec<FaultyEvidence<'a>>,
    /// Every orphan cell of the session, in cell order (whatever the selection).
    pub orphans: Vec<Orphan<'a>>,
}

impl Review<'_> {
    /// Whether there is nothing to check.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.flagged.is_empty() && self.evidence.is_empty() && self.orphans.is_empty()
    }
}

/// A cell of the report with a review flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlaggedCell<'a> {
    /// The cell's measure.
    pub measure: MeasureRef<'a>,
    /// The cell's stakeholder: an index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// Its flags, as [`CellReport::review`].
    pub review: Vec<(ReviewReason, &'a ReviewOrigin)>,
}

/// One piece of evidence that is not the words of the cell's stakeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaultyEvidence<'a> {
    /// The cell's measure.
    pub measure: MeasureRef<'a>,
    /// The cell's stakeholder: an index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// [`Evidence::Misattributed`] or [`Evidence::Missing`].
    pub evidence: Evidence<'a>,
}

/// An assessment of a cell the dossier lacks, with its ids as written in the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan<'a> {
    /// The measure id as written.
    pub measure: &'a MeasureId,
    /// The stakeholder id as written.
    pub stakeholder: &'a StakeholderId,
    /// Its stance.
    pub stance: Option<Stance>,
    /// The start of its note: its first line, cut at [`ORPHAN_NOTE_CHARS`] characters.
    pub note: &'a str,
    /// Whether the note goes on after [`Orphan::note`].
    pub note_cut: bool,
}

/// How much of an orphan's note the report shows.
pub const ORPHAN_NOTE_CHARS: usize = 100;

/// A document the report quotes, listed at its end so that each quote can be looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceInfo<'a> {
    /// Its title.
    pub title: &'a str,
    /// Who published it.
    pub organisation: &'a str,
    /// When, as precise as known.
    pub date: &'a str,
    /// Where to read it online.
    pub url: Option<&'a str>,
    /// The plain-text copy the quotes were checked against.
    pub file: Option<&'a str>,
}

/// What verifying every citation of the dossier (measures' and positions', whatever the
/// report's subset) against its source text found, as [`super::ReportOptions::verifications`]
/// gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CitationChecks<'a> {
    /// Every citation counted.
    pub tally: Tally,
    /// Each source the dossier's citations quote, in dossier order (a source id the dossier
    /// lacks last, named by its id).
    pub sources: Vec<SourceCheck<'a>>,
}

impl CitationChecks<'_> {
    /// Whether some source text was read: otherwise no citation was verified at all, and the
    /// report says so in one sentence.
    #[must_use]
    pub fn any_text(&self) -> bool {
        self.tally.unavailable < self.tally.total()
    }
}

/// The citations of one source and what verifying them found.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceCheck<'a> {
    /// The source's title (its id when the dossier lacks it).
    pub title: &'a str,
    /// Who published it.
    pub organisation: &'a str,
    /// Its citations counted.
    pub tally: Tally,
    /// Its citations not found in its text, in dossier order.
    pub not_found: Vec<NotFound<'a>>,
}

impl SourceCheck<'_> {
    /// Whether the source had no text to verify its citations against.
    #[must_use]
    pub fn is_unavailable(&self) -> bool {
        self.tally.unavailable > 0
    }
}

/// A citation not found in its source text.
#[derive(Clone, Debug, PartialEq)]
pub struct NotFound<'a> {
    /// Which citation: `MEASURE-ID, citation N` or a position's id.
    pub which: CitationRef<'a>,
    /// Its excerpt, as the dossier writes it.
    pub excerpt: &'a str,
    /// The passage of the source most like it, if any is alike.
    pub closest: Option<&'a Closest>,
}

/// A position's verbatim quote and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote<'a> {
    /// The position's id.
    pub position: &'a PositionId,
    /// The source it quotes.
    pub source: &'a SourceId,
    /// The position's short label.
    pub title: &'a str,
    /// The words, verbatim.
    pub excerpt: &'a str,
    /// The source document's title (its id when the dossier lacks it).
    pub source_title: &'a str,
    /// The source's organisation.
    pub organisation: &'a str,
    /// The source's date, as precise as known.
    pub date: &'a str,
    /// Section or page, where known.
    pub location: Option<&'a str>,
}

/// Cells counted by stance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StanceCounts {
    /// Per stance, in [`Stance::ALL`] order.
    pub by_stance: [usize; 4],
    /// Cells without a stance.
    pub unassessed: usize,
}

impl StanceCounts {
    /// Count one more cell.
    pub fn add(&mut self, stance: Option<Stance>) {
        match stance {
            Some(s) => self.by_stance[stance_index(s)] += 1,
            None => self.unassessed += 1,
        }
    }

    /// The count for one stance.
    #[must_use]
    pub fn get(&self, stance: Stance) -> usize {
        self.by_stance[stance_index(stance)]
    }

    /// Cells with a stance.
    #[must_use]
    pub fn assessed(&self) -> usize {
        self.by_stance.iter().sum()
    }

    /// All cells counted.
    #[must_use]
    pub fn total(&self) -> usize {
        self.assessed() + self.unassessed
    }

    /// Add `other`'s counts to these.
    pub(super) fn merge(&mut self, other: &StanceCounts) {
        for (a, b) in self.by_stance.iter_mut().zip(other.by_stance) {
            *a += b;
        }
        self.unassessed += other.unassessed;
    }
}

fn stance_index(stance: Stance) -> usize {
    match stance {
        Stance::Agreement => 0,
        Stance::Partial => 1,
        Stance::Gap => 2,
        Stance::Silent => 3,
    }
}

/// A stakeholder's line of the summary matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    /// Index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// Counts per pillar, in [`Report::pillars`] order.
    pub per_pillar: Vec<StanceCounts>,
    /// Counts over the selected pillars: the stakeholder's completion is `overall.assessed()`
    /// out of `overall.total()`.
    pub overall: StanceCounts,
}

/// A cell listed outside the detail: its measure and its work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellEntry<'a> {
    /// The measure.
    pub measure: MeasureRef<'a>,
    /// The cell.
    pub cell: CellReport<'a>,
}

/// A stakeholder's Gap and Partial cells, each in dossier order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StakeholderGaps<'a> {
    /// Index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// Cells tagged Gap.
    pub gaps: Vec<CellEntry<'a>>,
    /// Cells tagged Partial.
    pub partials: Vec<CellEntry<'a>>,
}

/// The silences of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Silences<'a> {
    /// Measures none of the selected stakeholders spoke to, in dossier order.
    pub measures: Vec<SilentMeasure<'a>>,
    /// Stakeholders silent on a whole pillar, by stakeholder then pillar.
    pub pillars: Vec<SilentPillar>,
}

/// A measure nobody spoke to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SilentMeasure<'a> {
    /// The measure.
    pub measure: MeasureRef<'a>,
    /// How many of its cells are unassessed (the silence is provisional when > 0).
    pub unassessed: usize,
}

/// A stakeholder that spoke to none of a pillar's measures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SilentPillar {
    /// Index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// Index into [`Report::pillars`].
    pub pillar: usize,
    /// How many of the cells are unassessed (the silence is provisional when > 0).
    pub unassessed: usize,
}

/// A stakeholder's unanswered demands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StakeholderDemands<'a> {
    /// Index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// Its positions no measure satisfies, in dossier order.
    pub demands: Vec<Demand<'a>>,
}

/// A position no measure satisfies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demand<'a> {
    /// The position and its quote.
    pub quote: Quote<'a>,
    /// Proposal or reaction.
    pub kind: PositionKind,
    /// Linked to nothing, or only to Gap cells.
    pub reason: Unanswered<'a>,
}

/// Why a demand counts as unanswered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unanswered<'a> {
    /// No measure is linked to it.
    NoMeasure,
    /// Every linked cell is tagged Gap: these measures.
    OnlyGaps(Vec<MeasureRef<'a>>),
}

/// A stakeholder's unassessed cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StakeholderUnassessed<'a> {
    /// Index into [`Report::stakeholders`].
    pub stakeholder: usize,
    /// The measures of its unassessed cells, in dossier order.
    pub measures: Vec<MeasureRef<'a>>,
}

impl<'a> Report<'a> {
    /// The measure at `at`.
    #[must_use]
    pub fn measure_at(&self, at: MeasureAt) -> &MeasureReport<'a> {
        &self.pillars[at.pillar].measures[at.measure]
    }

    /// The stakeholder at `index` (an index found elsewhere in this report).
    ///
    /// # Panics
    /// Only if `index` does not come from this report.
    #[must_use]
    pub fn stakeholder(&self, index: usize) -> &StakeholderInfo<'a> {
        &self.stakeholders[index]
    }

    /// The names of the report's stakeholders that `listed` (indices into
    /// [`Report::stakeholders`]) leaves out, in report order.
    pub fn stakeholders_not_in(&self, listed: impl IntoIterator<Item = usize>) -> Vec<&'a str> {
        let listed: Vec<usize> = listed.into_iter().collect();
        (0..self.stakeholders.len())
            .filter(|i| !listed.contains(i))
            .map(|i| self.stakeholders[i].name)
            .collect()
    }

    /// Every measure of the report, in order.
    pub fn measures(&self) -> impl Iterator<Item = &MeasureReport<'a>> {
        self.pillars.iter().flat_map(|p| p.measures.iter())
    }

    /// Every quote the report shows: the cells' evidence (misattributed quotes included), then
    /// the unanswered demands (a position backs many cells, so a quote can come more than once).
    pub fn quotes(&self) -> impl Iterator<Item = &Quote<'a>> {
        let cells = self
            .measures()
            .flat_map(|m| &m.cells)
            .flat_map(|c| &c.evidence)
            .filter_map(|e| match e {
                Evidence::Quote(q) | Evidence::Misattributed { quote: q, .. } => Some(q),
                Evidence::Missing(_) => None,
            });
        let demands = self.unanswered.iter().flat_map(|s| &s.demands);
        cells.chain(demands.map(|d| &d.quote))
    }

    /// Unassessed cells in the selection.
    #[must_use]
    pub fn unassessed_count(&self) -> usize {
        self.unassessed.iter().map(|u| u.measures.len()).sum()
    }
}
