//! Reading a session (or a bare dossier) from bytes: size limit, UTF-8, format probe, migration,
//! consistency checks, and errors located at `FILE:LINE:COL`. Never panics, whatever the bytes.

use super::error::{FileProblem, LoadError, Location};
use super::format::{CURRENT_FORMAT, Probe, SessionV1, SessionV2};
use crate::model::{CellId, Dossier, Problem, Session};
use std::path::{Path, PathBuf};

/// Files larger than this are refused before being read: a session of 5,000 measures × 20
/// stakeholders with long notes is about 40 MB.
pub const MAX_FILE_SIZE: u64 = 100 * 1024 * 1024;

/// What a file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A session file of the current format.
    Session,
    /// A session file of an older format, migrated in memory.
    Migrated {
        /// The format the file had.
        from: u32,
    },
    /// A bare dossier: a new, empty session was started on it.
    Dossier,
}

/// A session read from a file, with what the reader noticed.
#[derive(Debug)]
pub struct Loaded {
    /// The session.
    pub session: Session,
    /// What the file was.
    pub origin: Origin,
    /// Things kept but worth telling the user: orphan cells, evidence naming unknown positions.
    pub warnings: Vec<String>,
}

/// Read `path` as a session or a bare dossier.
///
/// # Errors
/// When the file cannot be read, is too large, is not valid UTF-8 or RON, has the wrong shape,
/// is of a newer format, or its dossier is inconsistent.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_SIZE,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    load_bytes(&bytes, path, &crate::model::now_rfc3339())
}

/// Read `bytes` as a session or bare dossier; `path` names it in messages, `now` stamps a new
/// session started on a bare dossier.
///
/// # Errors
/// As [`load`].
pub fn load_bytes(bytes: &[u8], path: &Path, now: &str) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_SIZE,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = location_of(&bytes[..e.valid_up_to()]);
        LoadError::Syntax {
            path: path.to_owned(),
            at,
            message: "the file is not UTF-8 text (is it a session file?)".to_owned(),
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            at: Location { line: 1, col: 1 },
            message: "the file is empty".to_owned(),
        });
    }
    let syntax = |e: ron::error::SpannedError| syntax_error(path, &e);
    let probe: Probe = ron::from_str(text).map_err(syntax)?;
    let (session, origin) = match (probe.format, probe.measures.0) {
        (0, true) => {
            let dossier: Dossier = ron::from_str(text).map_err(syntax)?;
            (Session::new(dossier, "", now), Origin::Dossier)
        }
        (0, false) => {
            return Err(LoadError::Syntax {
                path: path.to_owned(),
                at: Location { line: 1, col: 1 },
                message: "this is neither a session (no `format` field) nor a dossier (no `measures` field)".to_owned(),
            });
        }
        (1, _) => {
            let v1: SessionV1 = ron::from_str(text).map_err(syntax)?;
            (
                into_session(SessionV2::from(v1), text, path)?,
                Origin::Migrated { from: 1 },
            )
        }
        (CURRENT_FORMAT, _) => {
            let v2: SessionV2 = ron::from_str(text).map_err(syntax)?;
            (into_session(v2, text, path)?, Origin::Session)
        }
        (found, _) => {
            return Err(LoadError::NewerFormat {
                path: path.to_owned(),
                at: find(text, "format", 0).unwrap_or(Location { line: 1, col: 1 }),
                found,
                supported: CURRENT_FORMAT,
            });
        }
    };
    check_dossier(&session.dossier, text, path)?;
    let warnings = warnings(&session);
    Ok(Loaded {
        session,
        origin,
        warnings,
    })
}

fn into_session(file: SessionV2, text: &str, path: &Path) -> Result<Session, LoadError> {
    let (session, repeated) = file.into_session();
    if repeated.is_empty() {
        return Ok(session);
    }
    let problems = repeated
        .iter()
        .map(|cell| FileProblem {
            path: path.to_owned(),
            at: locate_cell(text, cell),
            message: format!(
                "the cell {cell} is listed more than once (a merge gone wrong?); keep one"
            ),
        })
        .collect();
    Err(LoadError::Invalid { problems })
}

fn check_dossier(dossier: &Dossier, text: &str, path: &Path) -> Result<(), LoadError> {
    let problems = dossier.validate();
    if problems.is_empty() {
        return Ok(());
    }
    Err(LoadError::Invalid {
        problems: problems
            .iter()
            .map(|p| FileProblem {
                path: path.to_owned(),
                at: locate_problem(text, p),
                message: p.to_string(),
            })
            .collect(),
    })
}

fn warnings(session: &Session) -> Vec<String> {
    let mut w: Vec<String> = session
        .orphans()
        .map(|(cell, _)| {
            format!("the assessment of {cell} names a measure or stakeholder the dossier lacks; it is kept as an orphan")
        })
        .collect();
    w.extend(session.dangling_evidence().into_iter().map(|(cell, p)| {
        format!("the assessment of {cell} cites position \"{p}\", which is not a position of that stakeholder; the link is kept")
    }));
    w
}

fn syntax_error(path: &Path, e: &ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        path: PathBuf::from(path),
        at: Location {
            line: e.span.start.line,
            col: e.span.start.col,
        },
        message: e.code.to_string(),
    }
}

/// Line and column just after `prefix`.
fn location_of(prefix: &[u8]) -> Location {
    let text = String::from_utf8_lossy(prefix);
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Location { line, col }
}

/// Where the `nth` (0-based) `field: "value"`-like occurrence of `needle` starts.
fn find(text: &str, needle: &str, nth: usize) -> Option<Location> {
    let offset = text.match_indices(needle).nth(nth)?.0;
    Some(location_of(&text.as_bytes()[..offset]))
}

/// Best-effort place of the item a dossier problem names: the `id: "…"` that defines it (the
/// second one for a duplicate).
fn locate_problem(text: &str, p: &Problem) -> Option<Location> {
    let nth = usize::from(p.message.contains("more than once"));
    find(text, &format!("id: \"{}\"", p.id), nth)
        .or_else(|| find(text, &format!("\"{}\"", p.id), 0))
}

/// Best-effort place of the second listing of a repeated cell.
fn locate_cell(text: &str, cell: &CellId) -> Option<Location> {
    let measure = format!("measure: \"{}\"", cell.measure);
    let stakeholder = format!("stakeholder: \"{}\"", cell.stakeholder);
    let mut hits = text.match_indices(&measure).filter(|(i, _)| {
        let rest = &text[*i..];
        let end = rest.find(')').unwrap_or(rest.len());
        rest[..end].contains(&stakeholder)
    });
    let (offset, _) = hits.nth(1)?;
    Some(location_of(&text.as_bytes()[..offset]))
}
