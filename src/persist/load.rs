//! Reading a session (or a bare dossier) from bytes: size limit, UTF-8, format probe, migration,
//! consistency checks, and errors located at `FILE:LINE:COL`. Never panics, whatever the bytes.

use super::error::{FileProblem, LoadError, Location};
use super::format::{CURRENT_FORMAT, ParseWatch, Probe, SessionV1, SessionV2, SessionV3};
use super::hint::{hint, location_of, offset_of, skip_blanks};
use super::messages::{SyntaxFault, Warning};
use crate::model::{CellId, Dossier, Problem, Session};
use crate::progress::Progress;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files larger than this are refused before being read: a generated session of 5,000 measures
/// × 20 stakeholders (`visavis generate`) is 37 MB.
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
    pub warnings: Vec<Warning>,
}

/// Read `path` as a session or a bare dossier.
///
/// # Errors
/// When the file cannot be read, is too large, is not valid UTF-8 or RON, has the wrong shape,
/// is of a newer format, or its dossier is inconsistent.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_with(path, &Arc::new(Progress::none()))
}

/// Share of the progress bar reading the bytes takes; parsing takes the rest up to
/// [`PARSED`], the checks after it the remainder.
const READ_SHARE: f64 = 0.1;
const PARSED: f64 = 0.9;

/// Bytes read between two progress reports (and cancellation checks).
const CHUNK: usize = 1 << 20;

/// [`load`], reporting into `progress` as the file is read and parsed. When the user cancels,
/// reading and parsing stop at the next check and an error is returned that the caller should
/// drop (`progress.is_cancelled()` tells it apart).
///
/// # Errors
/// As [`load`].
pub fn load_with(path: &Path, progress: &Arc<Progress>) -> Result<Loaded, LoadError> {
    load_within(path, progress, MAX_FILE_SIZE)
}

/// [`load_with`], accepting files up to `limit` bytes instead of [`MAX_FILE_SIZE`]: for a file
/// the user has confirmed they want opened although it is larger (`--max-size`, or the window's
/// question).
///
/// # Errors
/// As [`load`].
pub fn load_within(path: &Path, progress: &Arc<Progress>, limit: u64) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    // Opening a named pipe waits for a writer, and reading a device may never end: only regular
    // files are read (a folder fails to open below, with its own message).
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() && !meta.is_dir() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
            what: not_a_file_kind(&meta),
        });
    }
    let file = File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(too_large(path, size, limit));
    }
    // A file may grow while it is read: read one byte past the limit at most.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut reader = file.take(limit.saturating_add(1));
    loop {
        if progress.is_cancelled() {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "cancelled",
            )));
        }
        let read = (&mut reader)
            .take(CHUNK as u64)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if read == 0 {
            break;
        }
        if size > 0 {
            // Sizes below the 100 MB limit are exact in an f64.
            #[allow(clippy::cast_precision_loss)]
            progress.set_within(0.0, READ_SHARE, bytes.len() as f64 / size as f64);
        }
    }
    let loaded = {
        let _watch = ParseWatch::start(&bytes, Arc::clone(progress), READ_SHARE, PARSED);
        load_bytes_within(&bytes, path, &crate::model::now_rfc3339(), limit)
    };
    progress.set(1.0);
    loaded
}

fn not_a_file_kind(meta: &std::fs::Metadata) -> super::error::NotAFileKind {
    use super::error::NotAFileKind;
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return NotAFileKind::Pipe;
        }
        if t.is_char_device() || t.is_block_device() {
            return NotAFileKind::Device;
        }
    }
    let _ = meta;
    NotAFileKind::Other
}

fn too_large(path: &Path, size: u64, limit: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
    }
}

/// Read `bytes` as a session or bare dossier; `path` names it in messages, `now` stamps a new
/// session started on a bare dossier.
///
/// # Errors
/// As [`load`].
pub fn load_bytes(bytes: &[u8], path: &Path, now: &str) -> Result<Loaded, LoadError> {
    load_bytes_within(bytes, path, now, MAX_FILE_SIZE)
}

fn load_bytes_within(
    bytes: &[u8],
    path: &Path,
    now: &str,
    limit: u64,
) -> Result<Loaded, LoadError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limit {
        return Err(too_large(path, size, limit));
    }
    // simdutf8 checks French text (an accent every few words) ten times faster than std.
    let text = simdutf8::compat::from_utf8(bytes).map_err(|e| {
        let at = location_of(&bytes[..e.valid_up_to()]);
        LoadError::Syntax {
            path: path.to_owned(),
            at,
            fault: SyntaxFault::NotUtf8,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            at: Location { line: 1, col: 1 },
            fault: SyntaxFault::Empty,
        });
    }
    let syntax = |e: ron::error::SpannedError| syntax_error(path, text, &e);
    // The usual case, a sound session of the current format, in one parse; anything else
    // (a dossier, an older or newer format, an error) is told apart by the probe below.
    if let Ok(v3) = ron::from_str::<SessionV3>(text)
        && v3.format == CURRENT_FORMAT
    {
        return finish(into_session(v3, text, path)?, Origin::Session, text, path);
    }
    let probe: Probe = ron::from_str(text).map_err(syntax)?;
    // `format: 0` is not an old format but none at all (formats start at 1): said as such, not
    // taken for a file without a `format` field.
    let (session, origin) = match (probe.format, probe.measures.0) {
        (Some(0), _) => {
            return Err(LoadError::Syntax {
                path: path.to_owned(),
                at: find_field(text, "format").unwrap_or(Location { line: 1, col: 1 }),
                fault: SyntaxFault::FormatZero,
            });
        }
        (None, true) => {
            let dossier: Dossier = ron::from_str(text).map_err(syntax)?;
            (Session::new(dossier, "", now), Origin::Dossier)
        }
        (None, false) => {
            return Err(LoadError::Syntax {
                path: path.to_owned(),
                at: Location { line: 1, col: 1 },
                fault: SyntaxFault::NeitherSessionNorDossier,
            });
        }
        (Some(1), _) => {
            let v1: SessionV1 = ron::from_str(text).map_err(syntax)?;
            let v3 = SessionV3::from(SessionV2::from(v1));
            (into_session(v3, text, path)?, Origin::Migrated { from: 1 })
        }
        (Some(2), _) => {
            let v2: SessionV2 = ron::from_str(text).map_err(syntax)?;
            let v3 = SessionV3::from(v2);
            (into_session(v3, text, path)?, Origin::Migrated { from: 2 })
        }
        (Some(CURRENT_FORMAT), _) => {
            let v3: SessionV3 = ron::from_str(text).map_err(syntax)?;
            (into_session(v3, text, path)?, Origin::Session)
        }
        (Some(found), _) => {
            return Err(LoadError::NewerFormat {
                path: path.to_owned(),
                at: find_field(text, "format").unwrap_or(Location { line: 1, col: 1 }),
                found,
                supported: CURRENT_FORMAT,
            });
        }
    };
    finish(session, origin, text, path)
}

/// At most this many warnings are listed (and located) per file, as [`MAX_PROBLEMS`] for errors;
/// a last [`Warning::More`] counts the rest.
pub const MAX_WARNINGS: usize = 50;

/// Check the session's dossier and gather the warnings.
fn finish(session: Session, origin: Origin, text: &str, path: &Path) -> Result<Loaded, LoadError> {
    check_dossier(&session.dossier, text, path)?;
    let mut all = Warning::all(&session);
    let mut warnings: Vec<Warning> = all.by_ref().take(MAX_WARNINGS).collect();
    let more = all.count();
    if more > 0 {
        warnings.push(Warning::More { count: more });
    }
    for w in &mut warnings {
        match w {
            Warning::UnreadableTime {
                cell,
                field,
                written,
                at,
            } => *at = locate_time(text, cell.as_ref(), field, written),
            Warning::UnknownSubject { what, at } => *at = locate_unknown(text, what),
            _ => {}
        }
    }
    Ok(Loaded {
        session,
        origin,
        warnings,
    })
}

/// At most this many consistency problems are reported (and located) per file: locating one
/// scans the text, and a damaged file can have millions.
pub const MAX_PROBLEMS: usize = 50;

fn into_session(file: SessionV3, text: &str, path: &Path) -> Result<Session, LoadError> {
    let (session, repeated) = file.into_session();
    let cells = repeated.cells.iter().map(|cell| FileProblem {
        path: path.to_owned(),
        at: locate_cell(text, cell, 1),
        message: format!(
            "the cell {cell} is listed more than once (a merge gone wrong?); keep one"
        ),
    });
    // A conflict's cell is listed once among the conflicts, after its listing as an assessment
    // if it has one.
    let conflicts = repeated.conflicts.iter().map(|cell| FileProblem {
        path: path.to_owned(),
        at: locate_cell(
            text,
            cell,
            usize::from(session.assessments.contains_key(cell)) + 1,
        ),
        message: format!("the conflict on the cell {cell} is listed more than once; keep one"),
    });
    let faults: Vec<FileProblem> = conflict_faults(&session, text, path).collect();
    let total = repeated.cells.len() + repeated.conflicts.len() + faults.len();
    if total == 0 {
        return Ok(session);
    }
    Err(invalid(path, total, cells.chain(conflicts).chain(faults)))
}

/// The conflicts that say too little to be resolved: fewer than two sides, or a side holding
/// another dossier item than the one in conflict.
fn conflict_faults<'a>(
    session: &'a Session,
    text: &'a str,
    path: &'a Path,
) -> impl Iterator<Item = FileProblem> + 'a {
    let cells = session.cell_conflicts.iter().filter_map(move |(cell, c)| {
        let fault = c.fault()?;
        let nth = usize::from(session.assessments.contains_key(cell));
        Some(FileProblem {
            path: path.to_owned(),
            at: locate_cell(text, cell, nth),
            message: format!("the conflict on the cell {cell} {fault}"),
        })
    });
    let after = text.find("dossier_conflicts:").unwrap_or(0);
    let items = session.dossier_conflicts.iter().filter_map(move |c| {
        let fault = c.fault()?;
        let item = ron::to_string(&c.item).unwrap_or_default();
        let at = text[after..]
            .find(&item)
            .map(|i| location_of(&text.as_bytes()[..after + i]));
        Some(FileProblem {
            path: path.to_owned(),
            at,
            message: fault,
        })
    });
    cells.chain(items)
}

fn check_dossier(dossier: &Dossier, text: &str, path: &Path) -> Result<(), LoadError> {
    let problems = dossier.validate();
    if problems.is_empty() {
        return Ok(());
    }
    let located = problems.iter().map(|p| FileProblem {
        path: path.to_owned(),
        at: locate_problem(text, p),
        message: p.to_string(),
    });
    Err(invalid(path, problems.len(), located))
}

/// The first [`MAX_PROBLEMS`] of `total` problems, and a line saying how many more there are.
fn invalid(path: &Path, total: usize, problems: impl Iterator<Item = FileProblem>) -> LoadError {
    let mut problems: Vec<FileProblem> = problems.take(MAX_PROBLEMS).collect();
    if total > MAX_PROBLEMS {
        problems.push(FileProblem {
            path: path.to_owned(),
            at: None,
            message: format!(
                "… and {} more problems; fix these first",
                total - MAX_PROBLEMS
            ),
        });
    }
    LoadError::Invalid { problems }
}

fn syntax_error(path: &Path, text: &str, e: &ron::error::SpannedError) -> LoadError {
    let offset = skip_blanks(text, offset_of(text, e.span.start));
    // The parser's own words for these faults ("invalid identifier", "unexpected char") would
    // not tell the writer what to change.
    let fault = match &e.code {
        ron::Error::Message(m) if m == crate::model::NOT_FINITE => SyntaxFault::NotFinite {
            written: number_at(text, offset),
        },
        ron::Error::Message(m) if m == crate::model::PASSAGE_BACKWARDS => {
            SyntaxFault::PassageBackwards
        }
        code => hint(text, offset, code).unwrap_or_else(|| SyntaxFault::Ron(code.clone())),
    };
    let at = match fault {
        // A file that is not RON is one fault, from its first line.
        SyntaxFault::NotRon(_) => location_of(&text.as_bytes()[..skip_blanks(text, 0)]),
        _ => location_of(&text.as_bytes()[..offset]),
    };
    LoadError::Syntax {
        path: PathBuf::from(path),
        at,
        fault,
    }
}

/// The number written at `offset`, where the parser reports the value it refused.
fn number_at(text: &str, offset: usize) -> String {
    let is_number = |c: char| c.is_alphanumeric() || matches!(c, '.' | '+' | '-' | '_');
    text[offset..]
        .chars()
        .take_while(|&c| is_number(c))
        .take(40)
        .collect()
}

/// Where the first `name:` field is written (a whole word followed by a colon).
fn find_field(text: &str, name: &str) -> Option<Location> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let offset = text.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].trim_start();
        !before.is_some_and(is_ident) && after.starts_with(':')
    })?;
    Some(location_of(&text.as_bytes()[..offset]))
}

/// `s` as it is written in `text`, quotes included: as this version writes it (as typed, or
/// raw when it holds `"` or `\`), else escaped, as earlier versions and hidden characters
/// write it.
fn literal(text: &str, s: &str) -> String {
    let as_typed = ron::ser::PrettyConfig::new().escape_strings(false);
    match ron::ser::to_string_pretty(s, as_typed) {
        Ok(plain) if text.contains(&plain) => plain,
        _ => ron::to_string(s).unwrap_or_else(|_| format!("\"{s}\"")),
    }
}

/// Best-effort place of what a dossier problem names: for a reference to an unknown item, the
/// reference itself; otherwise the `id: "…"` that defines the item (the second one for a
/// duplicate).
fn locate_problem(text: &str, p: &Problem) -> Option<Location> {
    let nth = usize::from(p.message.contains("more than once"));
    let definition = format!("id: {}", literal(text, &p.id));
    let at = text.match_indices(&definition).nth(nth).map(|(i, _)| i);
    let reference = p
        .message
        .split_once(" unknown ")
        .and_then(|(_, rest)| rest.split_once('"'))
        .and_then(|(_, quoted)| quoted.strip_suffix('"'));
    let offset = match (at, reference) {
        (Some(at), Some(reference)) => text[at..]
            .find(&literal(text, reference))
            .map_or(at, |i| at + i),
        (Some(at), None) => at,
        (None, _) => text.find(&literal(text, &p.id))?,
    };
    Some(location_of(&text.as_bytes()[..offset]))
}

/// Best-effort place of the listing of `cell` after `nth` others (as an assessment or a
/// conflict): 1 for the second listing of a repeated cell.
fn locate_cell(text: &str, cell: &CellId, nth: usize) -> Option<Location> {
    let measure = format!("measure: {}", literal(text, cell.measure.as_str()));
    let stakeholder = format!("stakeholder: {}", literal(text, cell.stakeholder.as_str()));
    let mut hits = text.match_indices(&measure).filter(|(i, _)| {
        // The stakeholder follows within the same listing, before the next field block ends.
        let rest = &text[*i + measure.len()..];
        rest.trim_start()
            .strip_prefix(',')
            .is_some_and(|r| r.trim_start().starts_with(&stakeholder))
    });
    let (offset, _) = hits.nth(nth)?;
    Some(location_of(&text.as_bytes()[..offset]))
}

/// Best-effort place of the name of an item the dossier lacks, in the syntheses or the
/// candidates: the first time it is written after the field that holds it.
fn locate_unknown(text: &str, what: &super::messages::Unknown) -> Option<Location> {
    let (fields, written) = what.written();
    let mut from = 0;
    for field in fields {
        from += text[from..].find(field)?;
    }
    let offset = from + text[from..].find(&written)?;
    Some(location_of(&text.as_bytes()[..offset]))
}

/// Best-effort place of a time that is not RFC 3339: for a cell, its `modified` after the
/// cell's listing; for the session, the first field written so.
fn locate_time(text: &str, cell: Option<&CellId>, field: &str, written: &str) -> Option<Location> {
    let from = match cell {
        Some(cell) => {
            let measure = format!("measure: {}", literal(text, cell.measure.as_str()));
            let stakeholder = format!("stakeholder: {}", literal(text, cell.stakeholder.as_str()));
            text.match_indices(&measure).map(|(i, _)| i).find(|&i| {
                let rest = text[i + measure.len()..].trim_start();
                rest.strip_prefix(',')
                    .is_some_and(|r| r.trim_start().starts_with(&stakeholder))
            })?
        }
        None => 0,
    };
    let field = format!("{field}: ");
    let offset = from + text[from..].find(&format!("{field}{}", literal(text, written)))?;
    Some(location_of(&text.as_bytes()[..offset + field.len()]))
}
