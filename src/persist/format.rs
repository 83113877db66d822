//! The on-disk shapes of session files, one per format version, and the migration from each
//! older shape to the current one. The in-memory [`Session`] never changes shape for a file's
//! sake: conversions happen here.
//!
//! - Format 1 (the first, minimal loader): analyst, dossier, and a list of cells that each carry
//!   a stance, a note and evidence.
//! - Format 2: adds created/modified times, unassessed cells with work (a note before a stance),
//!   free labels, and who/when on every cell.
//! - Format 3 (current): adds the syntheses (dossier, stakeholders, measures), typed review
//!   flags and dismissed suggestions on cells, cell and dossier conflicts kept by a merge,
//!   positions proposed by an import (`candidates`), and a source's stakeholder in the dossier.
//!   Each new field is left out of the file when empty, so a session that uses none of them
//!   reads as format 2 with another number.
//!
//! Migration decisions: format 1 cells get the session's analyst as author and an unknown
//! (empty) time. A format 1 or 2 cell whose free labels include exactly `à vérifier` or `à
//! revoir` (as written: case and accents count) gets the review flag of that reason, raised by
//! the analyst with no reason given, and loses the label; every other label stays a free label.

use crate::model::{
    Assessment, Candidate, CellConflict, CellId, Dossier, DossierConflict, EvidenceSet, MeasureId,
    ReviewOrigin, ReviewReason, Session, StakeholderId, Stance, SuggestionKey, Syntheses,
};
use foldhash::{HashMap, HashSet};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smol_str::SmolStr;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// The format version this build writes.
pub const CURRENT_FORMAT: u32 = 3;

/// The name RON gives [`Probe`] in its messages, so the loader can word them for people.
pub const PROBE_NAME: &str = "file";

/// Reads only what is needed to tell what a file is: its `format` (absent in a bare dossier)
/// and whether it has `measures` (a bare dossier) — every other field is skipped.
#[derive(Deserialize)]
#[serde(rename = "file")]
pub struct Probe {
    /// `None` when the file has no `format` field (a dossier); written as a plain number.
    #[serde(default, deserialize_with = "present_number")]
    pub format: Option<u32>,
    /// Whether the file has a top-level `measures` field.
    #[serde(default)]
    pub measures: Present,
}

/// A number field that is there (absent, [`Probe`]'s default says `None`).
fn present_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(d).map(Some)
}

/// Whether a field was present, whatever its value.
#[derive(Default)]
pub struct Present(pub bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Present(true))
    }
}

// The shapes below refuse unknown fields: a field a hand-edited file adds (or misspells) is
// reported at its line instead of being silently dropped by the next save. They are named in
// RON's messages as the user knows them ("missing field `note` in `assessment`").

/// Format 3: the current session file, as read. [`SessionOut`] writes the same shape.
#[derive(Deserialize)]
#[serde(rename = "session", deny_unknown_fields)]
pub struct SessionV3<'a> {
    /// Always [`CURRENT_FORMAT`] when written.
    pub format: u32,
    pub analyst: String,
    pub created: String,
    pub modified: String,
    pub dossier: Dossier,
    #[serde(default)]
    pub syntheses: Syntheses,
    #[serde(borrow)]
    pub assessments: Vec<CellV3<'a>>,
    #[serde(default)]
    pub cell_conflicts: Vec<CellConflictV3>,
    #[serde(default)]
    pub dossier_conflicts: Vec<DossierConflict>,
    #[serde(default)]
    pub candidates: Vec<Candidate>,
}

/// One cell with work in format 3.
#[derive(Deserialize)]
#[serde(rename = "assessment", deny_unknown_fields)]
pub struct CellV3<'a> {
    pub measure: MeasureId,
    pub stakeholder: StakeholderId,
    pub stance: Option<Stance>,
    pub note: String,
    pub evidence: EvidenceSet,
    pub labels: BTreeSet<String>,
    #[serde(default)]
    pub review: BTreeMap<ReviewReason, ReviewOrigin>,
    #[serde(default)]
    pub dismissed: BTreeSet<SuggestionKey>,
    /// As [`CellV2::author`].
    #[serde(borrow, deserialize_with = "author_watched")]
    pub author: Cow<'a, str>,
    pub modified: SmolStr,
}

/// A cell in conflict in format 3: the cell, and each side's work with its author and time.
#[derive(Deserialize)]
#[serde(rename = "cell_conflict", deny_unknown_fields)]
pub struct CellConflictV3 {
    pub measure: MeasureId,
    pub stakeholder: StakeholderId,
    pub sides: Vec<Assessment>,
}

/// Format 2, as read.
#[derive(Deserialize)]
#[serde(rename = "session", deny_unknown_fields)]
pub struct SessionV2<'a> {
    /// Always 2; read so that the shape can refuse unknown fields.
    #[serde(rename = "format")]
    _format: u32,
    pub analyst: String,
    pub created: String,
    pub modified: String,
    pub dossier: Dossier,
    #[serde(borrow)]
    pub assessments: Vec<CellV2<'a>>,
}

/// One assessed cell in format 2.
#[derive(Deserialize)]
#[serde(rename = "assessment", deny_unknown_fields)]
pub struct CellV2<'a> {
    pub measure: MeasureId,
    pub stakeholder: StakeholderId,
    pub stance: Option<Stance>,
    pub note: String,
    pub evidence: EvidenceSet,
    pub labels: BTreeSet<String>,
    /// Borrowed from the file's text where it can be: each cell's author is looked up among the
    /// names already met ([`SessionV3::into_session`]), and a copy is made only for a new one.
    /// Where it lies in the text tells how far the parse has come ([`ParseWatch`]).
    #[serde(borrow, deserialize_with = "author_watched")]
    pub author: Cow<'a, str>,
    pub modified: SmolStr,
}

impl<'a> From<SessionV2<'a>> for SessionV3<'a> {
    /// The labels `à vérifier` and `à revoir` become the analyst's review flags (see the module
    /// documentation); nothing else of format 3 existed.
    fn from(v2: SessionV2<'a>) -> Self {
        let assessments = v2
            .assessments
            .into_iter()
            .map(|mut c| {
                let mut review = BTreeMap::new();
                for reason in ReviewReason::ALL {
                    if c.labels.remove(reason.legacy_label()) {
                        review.insert(reason, ReviewOrigin::Analyst { why: None });
                    }
                }
                CellV3 {
                    measure: c.measure,
                    stakeholder: c.stakeholder,
                    stance: c.stance,
                    note: c.note,
                    evidence: c.evidence,
                    labels: c.labels,
                    review,
                    dismissed: BTreeSet::new(),
                    author: c.author,
                    modified: c.modified,
                }
            })
            .collect();
        SessionV3 {
            format: CURRENT_FORMAT,
            analyst: v2.analyst,
            created: v2.created,
            modified: v2.modified,
            dossier: v2.dossier,
            syntheses: Syntheses::default(),
            assessments,
            cell_conflicts: Vec::new(),
            dossier_conflicts: Vec::new(),
            candidates: Vec::new(),
        }
    }
}

/// A cell's author, borrowed from the text where it can be, reporting to the [`ParseWatch`] of
/// this thread how far into the text the parse has come, and stopping it when the user cancels.
fn author_watched<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    struct Author;
    impl<'de> serde::de::Visitor<'de> for Author {
        type Value = Cow<'de, str>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
    }
    let author = d.deserialize_str(Author)?;
    if let Cow::Borrowed(text) = &author
        && !ParseWatch::reached(text.as_ptr() as usize)
    {
        return Err(serde::de::Error::custom("cancelled"));
    }
    Ok(author)
}

/// While alive, lets the parse of `bytes` on this thread report its progress: where each cell's
/// author lies in the text says how far the parse has come. Without a watch (the command line,
/// the tests) nothing is reported and nothing can cancel.
pub struct ParseWatch;

/// The text being parsed (start address and length), the progress to report into and the share
/// of the bar the parse takes.
struct Watched {
    start: usize,
    len: usize,
    progress: std::sync::Arc<crate::progress::Progress>,
    from: f64,
    to: f64,
}

thread_local! {
    static WATCHED: std::cell::RefCell<Option<Watched>> = const { std::cell::RefCell::new(None) };
}

impl ParseWatch {
    /// Watch the parse of `bytes` on this thread, reporting from `from` to `to` of `progress`.
    pub fn start(
        bytes: &[u8],
        progress: std::sync::Arc<crate::progress::Progress>,
        from: f64,
        to: f64,
    ) -> Self {
        WATCHED.with_borrow_mut(|w| {
            *w = Some(Watched {
                start: bytes.as_ptr() as usize,
                len: bytes.len().max(1),
                progress,
                from,
                to,
            });
        });
        ParseWatch
    }

    /// The parse reached address `at` in the text; false when the user cancelled.
    fn reached(at: usize) -> bool {
        WATCHED.with_borrow(|w| {
            let Some(w) = w else { return true };
            // Offsets within a 100 MB text are exact in an f64.
            #[allow(clippy::cast_precision_loss)]
            let part = at.saturating_sub(w.start) as f64 / w.len as f64;
            w.progress.set_within(w.from, w.to, part);
            !w.progress.is_cancelled()
        })
    }
}

impl Drop for ParseWatch {
    fn drop(&mut self) {
        WATCHED.with_borrow_mut(|w| *w = None);
    }
}

/// Format 1: the first session file.
#[derive(Deserialize)]
#[serde(rename = "session", deny_unknown_fields)]
pub struct SessionV1 {
    /// Always 1; read so that the shape can refuse unknown fields.
    #[serde(rename = "format")]
    _format: u32,
    pub analyst: String,
    pub dossier: Dossier,
    pub assessments: Vec<CellV1>,
}

/// One assessed cell in format 1: always tagged; no labels, author or time.
#[derive(Deserialize)]
#[serde(rename = "assessment", deny_unknown_fields)]
pub struct CellV1 {
    pub measure: MeasureId,
    pub stakeholder: StakeholderId,
    pub stance: Stance,
    pub note: String,
    pub evidence: EvidenceSet,
}

impl From<SessionV1> for SessionV2<'_> {
    /// Cells get the session's analyst as author and an unknown (empty) time.
    fn from(v1: SessionV1) -> Self {
        let assessments = v1
            .assessments
            .into_iter()
            .map(|c| CellV2 {
                measure: c.measure,
                stakeholder: c.stakeholder,
                stance: Some(c.stance),
                note: c.note,
                evidence: c.evidence,
                labels: BTreeSet::new(),
                author: Cow::Owned(v1.analyst.clone()),
                modified: SmolStr::default(),
            })
            .collect();
        SessionV2 {
            _format: 2,
            analyst: v1.analyst,
            created: String::new(),
            modified: String::new(),
            dossier: v1.dossier,
            assessments,
        }
    }
}

/// Format 3 as written: the fields of [`SessionV3`], borrowed from the session in memory, so a
/// save copies nothing before the text is written. What is empty is left out.
#[derive(Serialize)]
#[serde(rename = "session")]
pub struct SessionOut<'a> {
    format: u32,
    analyst: &'a str,
    created: &'a str,
    modified: &'a str,
    dossier: &'a Dossier,
    #[serde(skip_serializing_if = "Syntheses::is_empty")]
    syntheses: &'a Syntheses,
    assessments: CellsOut<'a>,
    #[serde(skip_serializing_if = "ConflictsOut::is_empty")]
    cell_conflicts: ConflictsOut<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dossier_conflicts: &'a [DossierConflict],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    candidates: &'a [Candidate],
}

impl<'a> From<&'a Session> for SessionOut<'a> {
    fn from(s: &'a Session) -> Self {
        SessionOut {
            format: CURRENT_FORMAT,
            analyst: &s.analyst,
            created: &s.created,
            modified: &s.modified,
            dossier: &s.dossier,
            syntheses: &s.syntheses,
            assessments: CellsOut(&s.assessments),
            cell_conflicts: ConflictsOut(&s.cell_conflicts),
            dossier_conflicts: &s.dossier_conflicts,
            candidates: &s.candidates,
        }
    }
}

/// The assessments written as the list of [`CellV3`] the file holds, in cell order.
struct CellsOut<'a>(&'a BTreeMap<CellId, Assessment>);

impl Serialize for CellsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|(cell, a)| CellOut {
            measure: &cell.measure,
            stakeholder: &cell.stakeholder,
            stance: a.stance,
            note: &a.note,
            evidence: &a.evidence,
            labels: &a.labels,
            review: &a.review,
            dismissed: &a.dismissed,
            author: &a.author,
            modified: &a.modified,
        }))
    }
}

/// One cell as written: the fields of [`CellV3`], borrowed.
#[derive(Serialize)]
#[serde(rename = "assessment")]
struct CellOut<'a> {
    measure: &'a MeasureId,
    stakeholder: &'a StakeholderId,
    stance: Option<Stance>,
    note: &'a str,
    evidence: &'a EvidenceSet,
    labels: &'a BTreeSet<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    review: &'a BTreeMap<ReviewReason, ReviewOrigin>,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    dismissed: &'a BTreeSet<SuggestionKey>,
    author: &'a str,
    modified: &'a str,
}

/// The cell conflicts written as the list of [`CellConflictV3`], in cell order.
struct ConflictsOut<'a>(&'a BTreeMap<CellId, CellConflict>);

impl ConflictsOut<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for ConflictsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|(cell, c)| ConflictOut {
            measure: &cell.measure,
            stakeholder: &cell.stakeholder,
            sides: &c.sides,
        }))
    }
}

/// One cell conflict as written: the fields of [`CellConflictV3`], borrowed.
#[derive(Serialize)]
#[serde(rename = "cell_conflict")]
struct ConflictOut<'a> {
    measure: &'a MeasureId,
    stakeholder: &'a StakeholderId,
    sides: &'a [Assessment],
}

/// What [`SessionV3::into_session`] found listed more than once (the last listing wins).
#[derive(Default)]
pub struct Repeated {
    /// Cells whose assessment is listed more than once.
    pub cells: Vec<CellId>,
    /// Cells whose conflict is listed more than once.
    pub conflicts: Vec<CellId>,
}

impl SessionV3<'_> {
    /// The session, and what the file lists more than once.
    pub fn into_session(self) -> (Session, Repeated) {
        let SessionV3 {
            analyst,
            created,
            modified,
            dossier,
            syntheses,
            assessments,
            cell_conflicts,
            dossier_conflicts,
            candidates,
            ..
        } = self;
        let sorted = assessments
            .windows(2)
            .all(|w| (&w[0].measure, &w[0].stakeholder) < (&w[1].measure, &w[1].stakeholder));
        let analyst = SmolStr::new(&analyst);
        let mut shared = Shared::new(&dossier, &analyst);
        let entries: Vec<(CellId, Assessment)> = assessments
            .into_iter()
            .map(|c| {
                let cell = CellId {
                    measure: shared.measure(c.measure),
                    stakeholder: shared.stakeholder(c.stakeholder),
                };
                let a = Assessment {
                    stance: c.stance,
                    note: c.note,
                    evidence: c.evidence,
                    labels: c.labels,
                    review: c.review,
                    dismissed: c.dismissed,
                    author: shared.author(&c.author),
                    modified: c.modified,
                };
                (cell, a)
            })
            .collect();
        drop(shared);
        let mut session = Session::new(dossier, "", &created);
        session.analyst = analyst;
        session.modified = modified;
        session.syntheses = syntheses;
        session.dossier_conflicts = dossier_conflicts;
        session.candidates = candidates;
        let mut repeated = Repeated::default();
        if sorted {
            // A saved file lists its cells sorted and once each: the map is built in one pass
            // instead of one search per cell.
            session.assessments = entries.into_iter().collect();
        } else {
            for (cell, a) in entries {
                if session.assessments.insert(cell.clone(), a).is_some() {
                    repeated.cells.push(cell);
                }
            }
        }
        for c in cell_conflicts {
            let cell = CellId {
                measure: c.measure,
                stakeholder: c.stakeholder,
            };
            let conflict = CellConflict { sides: c.sides };
            if session
                .cell_conflicts
                .insert(cell.clone(), conflict)
                .is_some()
            {
                repeated.conflicts.push(cell);
            }
        }
        (session, repeated)
    }
}

/// The copies a file's cells share instead of each holding its own: the names of their authors
/// (one per analyst, the session's own included), and ids too long to sit inline in a
/// [`SmolStr`], taken from the dossier.
struct Shared<'d> {
    authors: HashSet<SmolStr>,
    measures: HashMap<&'d str, &'d MeasureId>,
    stakeholders: HashMap<&'d str, &'d StakeholderId>,
}

impl<'d> Shared<'d> {
    fn new(dossier: &'d Dossier, analyst: &SmolStr) -> Self {
        Self {
            authors: HashSet::from_iter([analyst.clone()]),
            measures: (dossier.measures.iter().map(|m| &m.id))
                .filter(|id| id.0.is_heap_allocated())
                .map(|id| (id.as_str(), id))
                .collect(),
            stakeholders: (dossier.stakeholders.iter().map(|s| &s.id))
                .filter(|id| id.0.is_heap_allocated())
                .map(|id| (id.as_str(), id))
                .collect(),
        }
    }

    fn author(&mut self, name: &str) -> SmolStr {
        if let Some(known) = self.authors.get(name) {
            return known.clone();
        }
        let new = SmolStr::new(name);
        self.authors.insert(new.clone());
        new
    }

    fn measure(&self, id: MeasureId) -> MeasureId {
        match self.measures.get(id.as_str()) {
            Some(&known) => known.clone(),
            None => id,
        }
    }

    fn stakeholder(&self, id: StakeholderId) -> StakeholderId {
        match self.stakeholders.get(id.as_str()) {
            Some(&known) => known.clone(),
            None => id,
        }
    }
}
