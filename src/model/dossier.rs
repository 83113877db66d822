//! The reference material of an analysis: sources, pillars, measures, stakeholders and their
//! positions. A dossier is read-only during an analysis; the analyst's work lives in
//! [`crate::model::Session`].

use crate::model::ids::{MeasureId, PillarId, PositionId, SourceId, StakeholderId};
use serde::{Deserialize, Deserializer, Serialize};

/// The words a figure's value that is not a finite number is refused with, when read: the loader
/// recognises them to say so in the user's terms, at the value's line.
pub const NOT_FINITE: &str = "a figure's value must be a finite number";

/// A figure's value, refused when it is not a finite number: `NaN`, `inf`, or a number too
/// large for a 64-bit float (`1e999`, read as infinite) would be shown as such in the report and
/// could not be computed with.
fn finite<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(serde::de::Error::custom(NOT_FINITE))
    }
}

/// The reference material: everything the analyst compares, with the sources it comes from.
///
/// Every type of a dossier refuses unknown fields when read: a field an author adds or
/// misspells is reported at its line rather than silently dropped by the next save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// Short stable id, e.g. `segur-2020`.
    pub id: String,
    /// Title shown in the window and the report.
    pub title: String,
    /// What the dossier covers, in a sentence or two.
    pub description: String,
    /// The documents quoted.
    pub sources: Vec<Source>,
    /// Groups of measures, in their presentation order.
    pub pillars: Vec<Pillar>,
    /// The government's measures, in presentation order.
    pub measures: Vec<Measure>,
    /// The actors whose positions are compared, in column order.
    pub stakeholders: Vec<Stakeholder>,
    /// What the stakeholders said or asked for.
    pub positions: Vec<Position>,
}

/// One source document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id cited by [`Citation::source`].
    pub id: SourceId,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub organisation: String,
    /// ISO date, as precise as known: `2020`, `2020-05`, `2020-07-21`.
    pub date: String,
    /// What sort of document it is.
    pub kind: SourceKind,
    /// File name of the plain-text copy the excerpts were checked against, if any.
    pub file: Option<String>,
    /// Where the document can be read, if known.
    pub url: Option<String>,
    /// The stakeholder whose document it is, when it is one stakeholder's (a contribution, a
    /// press release); absent from the file when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stakeholder: Option<StakeholderId>,
}

/// What sort of document a [`Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    /// A press release.
    PressRelease,
    /// A contribution to a consultation.
    Contribution,
    /// A press, web or legal article.
    Article,
    /// An official text or government publication.
    Official,
    /// Anything else.
    Other,
}

/// A group of measures (the Ségur has four).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    /// Id referenced by [`Measure::pillar`].
    pub id: PillarId,
    /// Title as the sources give it.
    pub title: String,
    /// What the pillar covers.
    pub description: String,
}

/// One government measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id, referenced by positions and assessments.
    pub id: MeasureId,
    /// The pillar it belongs to.
    pub pillar: PillarId,
    /// True when the sources do not say the pillar and the dossier's author decided it.
    pub pillar_inferred: bool,
    /// Short title.
    pub title: String,
    /// What the measure does, in the author's words.
    pub summary: String,
    /// Amounts, targets and dates the sources give.
    pub figures: Vec<Figure>,
    /// Where the measure is stated (at least one).
    pub citations: Vec<Citation>,
}

/// A structured figure of a measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Figure {
    /// A sum of money.
    Amount {
        /// What the sum is.
        label: String,
        /// The number, in `unit`; always finite.
        #[serde(deserialize_with = "finite")]
        value: f64,
        /// E.g. `Md€`, `M€`, `€ net/mois`.
        unit: String,
    },
    /// A count or a target.
    Quantity {
        /// What is counted.
        label: String,
        /// The number, in `unit`; always finite.
        #[serde(deserialize_with = "finite")]
        value: f64,
        /// E.g. `postes`, `lits`, `%`.
        unit: String,
    },
    /// A date or deadline.
    Date {
        /// What happens then.
        label: String,
        /// ISO date, as precise as known.
        date: String,
    },
}

/// An actor whose positions are compared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    /// Id referenced by positions and assessments.
    pub id: StakeholderId,
    /// Short name for the grid header.
    pub name: String,
    /// Full name.
    pub full_name: String,
    /// Who they are, in a line.
    pub description: String,
}

/// One stated position or proposal of a stakeholder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Id referenced by assessments' evidence.
    pub id: PositionId,
    /// Who holds it.
    pub stakeholder: StakeholderId,
    /// A demand, or a reaction to announced measures.
    pub kind: PositionKind,
    /// Short label.
    pub title: String,
    /// The verbatim quote.
    pub citation: Citation,
    /// The measures it speaks to; empty when no measure answers it.
    pub measures: Vec<MeasureId>,
}

/// Whether a [`Position`] asks for something or reacts to something announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PositionKind {
    /// A demand or numbered proposal.
    Proposal,
    /// A reaction to announced measures.
    Reaction,
}

/// A verbatim quote from a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The document quoted.
    pub source: SourceId,
    /// The words, verbatim (only whitespace may be normalised).
    pub excerpt: String,
    /// Section or page, where known.
    pub location: Option<String>,
}

impl Dossier {
    /// A dossier with nothing in it yet, to build in the editor.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            id: "nouveau-dossier".to_owned(),
            title: "Nouveau dossier".to_owned(),
            description: String::new(),
            sources: Vec::new(),
            pillars: Vec::new(),
            measures: Vec::new(),
            stakeholders: Vec::new(),
            positions: Vec::new(),
        }
    }

    /// The measure with this id.
    #[must_use]
    pub fn measure(&self, id: &MeasureId) -> Option<&Measure> {
        self.measures.iter().find(|m| &m.id == id)
    }

    /// The stakeholder with this id.
    #[must_use]
    pub fn stakeholder(&self, id: &StakeholderId) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| &s.id == id)
    }

    /// The position with this id.
    #[must_use]
    pub fn position(&self, id: &PositionId) -> Option<&Position> {
        self.positions.iter().find(|p| &p.id == id)
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// The pillar with this id.
    #[must_use]
    pub fn pillar(&self, id: &PillarId) -> Option<&Pillar> {
        self.pillars.iter().find(|p| &p.id == id)
    }

    /// Every position of `stakeholder`, in dossier order.
    pub fn positions_of<'a>(
        &'a self,
        stakeholder: &'a StakeholderId,
    ) -> impl Iterator<Item = &'a Position> + 'a {
        self.positions
            .iter()
            .filter(move |p| &p.stakeholder == stakeholder)
    }

    /// The positions of `stakeholder` that the dossier links to `measure`.
    pub fn positions_on<'a>(
        &'a self,
        measure: &'a MeasureId,
        stakeholder: &'a StakeholderId,
    ) -> impl Iterator<Item = &'a Position> + 'a {
        self.positions_of(stakeholder)
            .filter(move |p| p.measures.contains(measure))
    }

    /// Number of cells in the grid (measures × stakeholders).
    #[must_use]
    pub fn cell_count(&self) -> usize {
        self.measures.len() * self.stakeholders.len()
    }
}
