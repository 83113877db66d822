//! Identifier newtypes: one type per kind of item, so a measure id can never be passed where a
//! stakeholder id is expected. Ids are the strings written in the dossier (`"p1"`, `"uniopss"`),
//! held as [`SmolStr`]: an id of up to 23 bytes sits inline, so the thousands of cells that name
//! a measure and a stakeholder allocate nothing for it, and a clone never copies the text.

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub SmolStr);

        impl $name {
            /// The id as written in the file.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(SmolStr::new(s))
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::model::Source`].
    SourceId
);
id_type!(
    /// Identifies a [`crate::model::Pillar`].
    PillarId
);
id_type!(
    /// Identifies a [`crate::model::Measure`].
    MeasureId
);
id_type!(
    /// Identifies a [`crate::model::Stakeholder`].
    StakeholderId
);
id_type!(
    /// Identifies a [`crate::model::Position`].
    PositionId
);

/// One cell of the grid: a measure crossed with a stakeholder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellId {
    /// The row.
    pub measure: MeasureId,
    /// The column.
    pub stakeholder: StakeholderId,
}

impl CellId {
    /// The cell at `measure` × `stakeholder`.
    pub fn new(measure: impl Into<MeasureId>, stakeholder: impl Into<StakeholderId>) -> Self {
        Self {
            measure: measure.into(),
            stakeholder: stakeholder.into(),
        }
    }
}

impl fmt::Display for CellId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} × {}", self.measure, self.stakeholder)
    }
}
