//! Exchange with the qualitative-analysis tools researchers continue in (`NVivo`, `ATLAS.ti`,
//! `MAXQDA`, `QualCoder`), through the REFI-QDA standard. Pure: the export builds bytes from a
//! session in memory, which `persist` writes; the import reads a project's bytes into candidate
//! positions, which the analyst accepts or discards through `Action`s.

pub mod import;
pub mod qdpx;
mod xml;
