//! Team work: two or more analysts tag the same grid independently, then compare. `agree`
//! measures their agreement cell by cell; `stats` holds the coefficients. Pure: sessions in
//! memory in, figures out; the command line loads and prints.

pub mod agree;
pub mod stats;

pub use agree::{AgreeError, Agreement, Named, Scope, compare, ordinal_disagreement};
