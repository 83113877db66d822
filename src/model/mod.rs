//! Pure data: the dossier, the session, stances and ids; the [`Action`]s that edit a session,
//! the one [`apply`] that performs them, and the undo [`History`]. Knows nothing of egui or files.

mod action;
mod dossier;
mod evidence;
mod history;
mod ids;
mod lookup;
mod session;
mod validate;

pub use action::{Action, ActionError, Change, apply};
pub use dossier::{
    Citation, Dossier, Figure, Measure, Pillar, Position, PositionKind, Source, SourceKind,
    Stakeholder,
};
pub use evidence::EvidenceSet;
pub use history::{DEFAULT_CAP, History};
pub use ids::{CellId, MeasureId, PillarId, PositionId, SourceId, StakeholderId};
pub use lookup::DossierLookup;
pub use session::{Assessment, Session, Stance};
pub use validate::Problem;

/// The current time as RFC 3339 UTC, to the second (`2020-07-21T10:00:00Z`): the stamp written on
/// edited cells and saved sessions.
#[must_use]
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

#[cfg(test)]
mod fixture;
