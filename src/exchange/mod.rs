//! Exchange with the qualitative-analysis tools researchers continue in (`NVivo`, `ATLAS.ti`,
//! `MAXQDA`, `QualCoder`), through the REFI-QDA standard. Pure: builds bytes from a session in
//! memory; `persist` writes them.

pub mod qdpx;
mod xml;
