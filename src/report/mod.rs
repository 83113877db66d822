//! The gap report: the analysis of a session computed once by [`analyse`] (pure, no I/O) and
//! rendered five ways — [`markdown`] (standard Markdown with GitHub-style tables), [`html`] (one self-contained
//! printable page), [`csv`] (one row per cell, safe to open in a spreadsheet), [`docx`] (Word)
//! and [`odt`] (OpenDocument text), the last two with the HTML page's content. The window's
//! export and `visavis report` call the same functions; writing the file is `persist`'s job
//! ([`crate::persist::write_export`]).
//!
//! ```
//! use visavis::i18n::Lang;
//! use visavis::model::Session;
//! use visavis::report::{Format, ReportOptions, analyse};
//!
//! let session = Session::new(visavis::persist::default_dossier(), "Camille", "2026-01-01T00:00:00Z");
//! let options = ReportOptions::new(Lang::Fr, "nouvelle.ron");
//! let report = analyse(&session, &options);
//! let markdown = Format::Markdown.render(&report);
//! assert!(String::from_utf8_lossy(&markdown).starts_with("# Rapport d’écarts"));
//! ```

mod analysis;
mod chart;
pub mod csv;
mod data;
pub mod docx;
mod glance;
pub mod html;
pub mod markdown;
pub mod odt;
mod office;
#[cfg(test)]
mod tests;
pub mod text;

pub use analysis::{ReportOptions, Verifications, analyse};
pub use data::{
    AgreementReport, CellEntry, CellReport, CitationChecks, Demand, Evidence, FaultyEvidence,
    FlaggedCell, Header, Judgement, MatrixRow, MeasureRef, MeasureReport, NotFound,
    ORPHAN_NOTE_CHARS, Orphan, PillarReport, Quote, Report, Review, Selection, Silences,
    SilentMeasure, SilentPillar, SourceCheck, SourceInfo, StakeholderDemands, StakeholderGaps,
    StakeholderInfo, StakeholderUnassessed, StanceCounts, Unanswered,
};

use crate::i18n::Lang;

/// The five renderings of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Standard Markdown with GitHub-style tables (`.md`).
    Markdown,
    /// One self-contained HTML page, printable (`.html`).
    Html,
    /// One row per cell, UTF-8 with a byte-order mark (`.csv`).
    Csv,
    /// A Word document (`.docx`), with the HTML page's content.
    Docx,
    /// An OpenDocument text (`.odt`), with the HTML page's content.
    Odt,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Html,
        Format::Docx,
        Format::Odt,
        Format::Csv,
    ];

    /// The file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Docx => "docx",
            Format::Odt => "odt",
        }
    }

    /// The format's name for a menu or a file dialog's filter.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => lang.pick("HTML (page web imprimable)", "HTML (printable web page)"),
            Format::Csv => lang.pick("CSV (tableur)", "CSV (spreadsheet)"),
            Format::Docx => "Word (.docx)",
            Format::Odt => lang.pick("OpenDocument texte (.odt)", "OpenDocument text (.odt)"),
        }
    }

    /// The format a file name's extension asks for (`md`, `markdown`, `html`, `htm`, `csv`,
    /// `docx`, `odt`).
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }

    /// The report in this format, as the bytes of the file.
    #[must_use]
    pub fn render(self, report: &Report) -> Vec<u8> {
        match self {
            Format::Markdown => markdown::render(report).into_bytes(),
            Format::Html => html::render(report).into_bytes(),
            Format::Csv => csv::render(report),
            Format::Docx => docx::render(report),
            Format::Odt => odt::render(report),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "csv" => Ok(Format::Csv),
            "docx" => Ok(Format::Docx),
            "odt" => Ok(Format::Odt),
            other => Err(format!(
                "unknown report format \"{other}\" (expected md, html, csv, docx or odt)"
            )),
        }
    }
}
