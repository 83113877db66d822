//! `visavis validate`'s check of the quotes: every citation of the file's dossier verified
//! against its source text, each one not found printed as
//! `FILE:LINE:COL: citation ID not found in SOURCE-FILE` with the closest passage on the next
//! line, then a count.
//!
//! The loader keeps no spans (serde drops them), so LINE:COL is found in the file's text: the
//! `id:` of the measure or position in the dossier's list of that name, then its Nth
//! `excerpt:` (a position has one); failing that, the first place the excerpt is written, as
//! `ron` writes it; failing that, 1:1.

use super::Out;
use crate::model::{Candidate, Dossier};
use crate::persist::Location;
use crate::report;
use crate::sources::{self, CitationRef, Limits, SourceDirs, Tally, Unavailable, Verification};
use std::path::Path;

/// The source texts of `dossier`, read from `path`, found as `validate` and `report` find
/// them: `given` (`--sources DIR`), `VISAVIS_SOURCES_DIR`, then the file's folder.
fn read(path: &Path, dossier: &Dossier, given: Option<&Path>, all: bool) -> sources::SourceTexts {
    let dirs = SourceDirs::new(given, Some(path));
    sources::read_sources(dossier, &dirs, &Limits::default(), all)
}

/// `visavis report`'s verification of the quotes of `dossier`, read from `path`, for the
/// report's Sources section. A document that cannot be read is a warning on stderr (the report
/// may be on stdout), and so is one missing from a folder the user gave; one missing beside the
/// session, with no folder given, is only said in the report.
pub(super) fn verifications(
    path: &Path,
    dossier: &Dossier,
    given: Option<&Path>,
) -> report::Verifications {
    let texts = read(path, dossier, given, false);
    let folder_given = !SourceDirs::new(given, None).dirs.is_empty();
    for u in &texts.unavailable {
        let warn = match u {
            Unavailable::NoFile { .. } => false,
            Unavailable::Missing { .. } => folder_given,
            Unavailable::Refused { .. } | Unavailable::Unreadable { .. } => true,
        };
        if warn {
            eprintln!("{}: warning: {u}", path.display());
        }
    }
    report::Verifications::of(&sources::verify_dossier(dossier, |id| texts.get(id)))
}

/// Verify the quotes of `dossier`, read from `path`; whether every citation with a source text
/// was found. Sources without text are warnings (a source naming no file is only counted). The
/// quotes of proposed positions (`candidates`) are verified too, and one not found is a warning:
/// it is a proposal, not yet the dossier's.
pub(super) fn check(
    path: &Path,
    dossier: &Dossier,
    candidates: &[Candidate],
    given: Option<&Path>,
    out: &mut Out,
) -> bool {
    let texts = read(path, dossier, given, !candidates.is_empty());
    for u in &texts.unavailable {
        if !matches!(u, Unavailable::NoFile { .. }) {
            out.line(format_args!("{}: warning: {u}", path.display()));
        }
    }
    let checked = sources::verify_dossier(dossier, |id| texts.get(id));
    let file_text = std::fs::read_to_string(path).unwrap_or_default();
    let mut stderr = std::io::stderr().lock();
    for c in &checked {
        let Verification::NotFound { closest } = &c.verification else {
            continue;
        };
        let at = locate(&file_text, c.which, &c.citation.excerpt);
        let source = texts.paths.get(&c.citation.source).map_or_else(
            || c.citation.source.to_string(),
            |p| p.display().to_string(),
        );
        let closest = match closest {
            Some(p) => format!(
                "  closest passage ({} % alike, {}): {}",
                (p.similarity * 100.0).round(),
                p.place,
                p.text
            ),
            None => "  no passage of the source is alike".to_owned(),
        };
        let _ = std::io::Write::write_fmt(
            &mut stderr,
            format_args!(
                "{}:{at}: citation {} not found in {source}\n{closest}\n",
                path.display(),
                c.which
            ),
        );
    }
    let tally = Tally::of(&checked);
    let verifiable = dossier.sources.iter().any(|s| s.file.is_some());
    if verifiable {
        out.line(format_args!(
            "{}: {} of {} citations verified{}",
            path.display(),
            tally.verified + tally.typographic,
            tally.total(),
            details(&tally)
        ));
    }
    if verifiable && !candidates.is_empty() {
        let mut found = 0;
        for (n, c) in candidates.iter().enumerate() {
            match sources::verify(&c.citation.excerpt, texts.get(&c.citation.source)) {
                Verification::Verified { .. } | Verification::VerifiedTypographic { .. } => {
                    found += 1;
                }
                Verification::NotFound { .. } => out.line(format_args!(
                    "{}: warning: proposed position {} ({}, {}): its quote is not in the \
                     document: « {} »",
                    path.display(),
                    n + 1,
                    c.stakeholder,
                    c.citation.source,
                    c.citation.excerpt
                )),
                Verification::SourceUnavailable => {}
            }
        }
        out.line(format_args!(
            "{}: {found} of {} proposed positions' quotes found in their documents",
            path.display(),
            candidates.len()
        ));
    }
    tally.not_found == 0
}

/// What the count line adds in brackets: typographic differences, not found, no source text.
fn details(t: &Tally) -> String {
    let mut parts = Vec::new();
    if t.typographic > 0 {
        parts.push(format!("{} with typographic differences", t.typographic));
    }
    if t.not_found > 0 {
        parts.push(format!("{} not found", t.not_found));
    }
    if t.unavailable > 0 {
        parts.push(format!("{} without source text", t.unavailable));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// Where the excerpt of citation `which` is written in `text` (see the module's doc).
fn locate(text: &str, which: CitationRef<'_>, excerpt: &str) -> Location {
    let (list, id, nth) = match which {
        CitationRef::Measure { id, index } => ("measures", id.as_str(), index),
        CitationRef::Position(id) => ("positions", id.as_str(), 0),
    };
    let by_id = field(text, 0, list).and_then(|from| {
        let id_at = text[from..].find(&format!("id: {}", literal(id)))? + from;
        let mut at = id_at;
        for _ in 0..=nth {
            at = text[at..].find("excerpt:")? + at + 1;
        }
        let value = at - 1 + "excerpt:".len();
        Some(value + text[value..].len() - text[value..].trim_start().len())
    });
    let offset = by_id.or_else(|| text.find(&literal(excerpt))).unwrap_or(0);
    location_of(&text[..offset])
}

/// The offset just after the first `name:` field at or after `from` (a whole word followed by
/// a colon).
fn field(text: &str, from: usize, name: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text[from..]
        .match_indices(name)
        .map(|(i, _)| i + from)
        .find(|&i| {
            !text[..i].chars().next_back().is_some_and(is_ident)
                && text[i + name.len()..].trim_start().starts_with(':')
        })
        .map(|i| i + name.len())
}

/// `s` as RON writes a string: as typed, between quotes (raw when it holds `"` or `\`).
fn literal(s: &str) -> String {
    let as_typed = ron::ser::PrettyConfig::new().escape_strings(false);
    ron::ser::to_string_pretty(s, as_typed).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Line and column (from 1, in characters) of the end of `prefix`.
fn location_of(prefix: &str) -> Location {
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    Location {
        line: 1 + prefix.matches('\n').count(),
        col: 1 + prefix[line_start..].chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MeasureId, PositionId};

    #[test]
    fn an_excerpt_is_located_after_its_measure_or_position_id() {
        let text = "(\n\tmeasures: [\n\t\t(\n\t\t\tid: \"m1\",\n\t\t\tcitations: [\n\t\t\t\t(source: \"s\", excerpt: \"un\"),\n\t\t\t\t(source: \"s\", excerpt: \"deux\"),\n\t\t\t],\n\t\t),\n\t],\n\tpositions: [\n\t\t(\n\t\t\tid: \"m1\",\n\t\t\tcitation: (\n\t\t\t\texcerpt: \"trois\",\n";
        let m1 = MeasureId::from("m1");
        let second = locate(text, CitationRef::Measure { id: &m1, index: 1 }, "deux");
        assert_eq!((second.line, second.col), (7, 28));
        let p = PositionId::from("m1");
        let position = locate(text, CitationRef::Position(&p), "trois");
        assert_eq!((position.line, position.col), (15, 14));
        let gone = PositionId::from("absente");
        let fallback = locate(text, CitationRef::Position(&gone), "deux");
        assert_eq!((fallback.line, fallback.col), (7, 28));
    }
}
