//! Team work: two or more analysts tag the same grid independently, then compare and merge.
//! `agree` measures their agreement cell by cell; `stats` holds the coefficients; `merge`
//! joins their sessions, keeping what it cannot decide as conflicts. Pure: sessions in memory
//! in, figures or a session out; the command line loads, prints and saves.

pub mod agree;
pub mod merge;
pub mod stats;

pub use agree::{
    AgreeError, Agreement, DifferentDossier, Named, Scope, compare, ordinal_disagreement,
    same_dossier,
};
pub use merge::{Input, Kept, MergeError, Merged, Summary, Unsettled, merge};
