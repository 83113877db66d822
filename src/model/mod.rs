//! Pure data: the dossier, the session, stances and ids; the [`Action`]s that edit a session,
//! the one [`apply`] that performs them, and the undo [`History`]. Knows nothing of egui or files.

mod action;
mod candidate;
mod conflict;
mod dismissed;
mod dossier;
mod dossier_diff;
mod dossier_edit;
mod dossier_update;
mod evidence;
mod history;
mod ids;
mod lookup;
mod review;
mod session;
mod synthesis;
mod validate;

pub use action::{Action, ActionError, Change, Usage, apply};
pub use candidate::{Candidate, CandidateOrigin};
pub use conflict::{CellConflict, DossierConflict, DossierItem, DossierSide, ItemId};
pub use dismissed::{PASSAGE_BACKWARDS, SuggestionKey};
pub use dossier::{
    Citation, Dossier, Figure, Measure, NOT_FINITE, Pillar, Position, PositionKind, Source,
    SourceKind, Stakeholder,
};
pub use dossier_diff::{
    DossierDiff, FieldChange, IdChanges, MeasureCounts, MeasureDiff, MeasureField, MeasureStatus,
    RENAME_THRESHOLD, WordEdit, diff_dossiers, render_word_diff, render_word_diff_near, similarity,
    word_diff,
};
pub use dossier_edit::{
    ItemChange, check as check_item, find as find_item, fresh_id, fresh_position_id,
};
pub use dossier_update::{Update, UpdateCounts, note_line, update_session};
pub use evidence::EvidenceSet;
pub use history::{DEFAULT_CAP, History};
pub use ids::{CellId, MeasureId, PillarId, PositionId, SourceId, StakeholderId};
pub use lookup::DossierLookup;
pub use review::{DossierChange, ReviewOrigin, ReviewReason};
pub use session::{Assessment, Session, Stance};
pub use synthesis::{Syntheses, SynthesisOf};
pub use validate::Problem;

/// The current time as RFC 3339 UTC, to the second (`2020-07-21T10:00:00Z`): the stamp written on
/// edited cells and saved sessions.
#[must_use]
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// Whether `stamp` is an RFC 3339 time, as this program writes them (`2020-07-21T10:00:00Z`) or
/// as a person may (a fraction of a second, a lower-case `t` or `z`, an offset such as
/// `+02:00`). The empty stamp of a cell or session that never had one is not a time either:
/// callers treat it as unknown.
#[must_use]
pub fn is_rfc3339(stamp: &str) -> bool {
    let bytes = stamp.as_bytes();
    let (datetime, zone) = match bytes.last() {
        Some(b'Z' | b'z') => (&stamp[..stamp.len() - 1], ""),
        _ if bytes.len() > 6 && stamp.is_char_boundary(stamp.len() - 6) => {
            stamp.split_at(stamp.len() - 6)
        }
        _ => return false,
    };
    let zone_ok = zone.is_empty() || {
        let z = zone.as_bytes();
        matches!(z[0], b'+' | b'-')
            && z[3] == b':'
            && zone[1..3].parse::<u8>().is_ok_and(|h| h < 24)
            && zone[4..].parse::<u8>().is_ok_and(|m| m < 60)
            && z[1..3].iter().chain(&z[4..]).all(u8::is_ascii_digit)
    };
    let d = datetime.as_bytes();
    // humantime checks the calendar and the clock, but reads a time without `T` or zone too.
    zone_ok
        && d.len() >= 19
        && matches!(d[10], b'T' | b't')
        && humantime::parse_rfc3339_weak(&format!("{}T{}", &datetime[..10], &datetime[11..]))
            .is_ok()
}

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod tests {
    use super::is_rfc3339;

    #[test]
    fn rfc_3339_times_are_told_from_anything_else() {
        for good in [
            "2026-01-06T17:00:00Z",
            "2026-01-06t17:00:00.25z",
            "2026-01-06T17:00:00+02:00",
            "2024-02-29T00:00:00-05:30",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "",
            "hier",
            "2026-01-06",
            "2026-01-06 17:00:00Z",
            "2026-13-06T17:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-01-06T17:00:00",
            "2026-01-06T17:00:00+25:00",
            "06/01/2026 17:00",
            "2026-01-06T17:00:00Zé",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
