//! Suggestions the analyst dismissed on a cell, so the ranking does not offer them again: a
//! position of the dossier, or a passage of a source text.

use crate::model::ids::{PositionId, SourceId};
use serde::{Deserialize, Serialize};

/// The words a passage whose end comes before its start is refused with, when read: the loader
/// recognises them to say so in the user's terms, at the passage's line.
pub const PASSAGE_BACKWARDS: &str = "a passage's end must not come before its start";

/// What a dismissed suggestion was. Ordered, so a cell's dismissals are written sorted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "KeyShape")]
pub enum SuggestionKey {
    /// A position of the dossier.
    Position(PositionId),
    /// A passage of a source's text, as byte offsets into the text the application reads.
    Passage {
        /// The source.
        source: SourceId,
        /// Where the passage starts.
        start: u64,
        /// Where it ends (not before `start`).
        end: u64,
    },
}

/// [`SuggestionKey`] as read, before its passage is checked.
#[derive(Deserialize)]
#[serde(rename = "SuggestionKey", deny_unknown_fields)]
enum KeyShape {
    Position(PositionId),
    Passage {
        source: SourceId,
        start: u64,
        end: u64,
    },
}

impl TryFrom<KeyShape> for SuggestionKey {
    type Error = &'static str;
    fn try_from(k: KeyShape) -> Result<Self, Self::Error> {
        Ok(match k {
            KeyShape::Position(p) => SuggestionKey::Position(p),
            KeyShape::Passage { end, start, .. } if end < start => return Err(PASSAGE_BACKWARDS),
            KeyShape::Passage { source, start, end } => {
                SuggestionKey::Passage { source, start, end }
            }
        })
    }
}
