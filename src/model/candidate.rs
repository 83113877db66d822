//! Positions proposed by an import (REFI-QDA codings) and waiting for the analyst: each is a
//! verbatim quote of a stakeholder in a source, which the analyst turns into a position of the
//! dossier or discards. Not positions yet: nothing cites them and the report ignores them.

use crate::model::dossier::Citation;
use crate::model::ids::StakeholderId;
use serde::{Deserialize, Serialize};

/// A quote an import proposes as a position of `stakeholder`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "candidate", deny_unknown_fields)]
pub struct Candidate {
    /// Whose position it would be.
    pub stakeholder: StakeholderId,
    /// The source, the verbatim excerpt and where in the source it is.
    pub citation: Citation,
    /// Where the proposal comes from.
    pub origin: CandidateOrigin,
}

/// Where a [`Candidate`] comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum CandidateOrigin {
    /// A coding of a REFI-QDA project (`visavis qdpx import`).
    RefiQdaImport {
        /// The project file's name, as given to the import.
        file: String,
    },
}
