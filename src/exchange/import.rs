//! REFI-QDA import: the coded text selections of a `.qdpx` project made by another tool
//! (`NVivo`, `ATLAS.ti`, `MAXQDA`, `QualCoder`, or Vis-à-vis itself) become [`Candidate`]s —
//! positions proposed to the analyst, who accepts or discards each. Nothing here touches the
//! dossier: the caller adds the candidates to the session with an `Action`. It reads the project
//! file it is given ([`read`]), as `sources` reads documents, and writes nothing.
//!
//! How a selection finds its place in the dossier:
//!
//! - **its text** is the selection's characters (Unicode scalar values, as the standard counts
//!   them, a leading byte-order mark not counted) of its source's plain text — the source's
//!   `PlainTextContent`, else the archive's file its `plainTextPath` names (`internal://NAME` is
//!   `sources/NAME`, or NAME itself) — verbatim, only trimmed of the white space around it; a
//!   PDF's, audio's or video's text representation counts as its text;
//! - **its source** is the dossier source whose GUID a Vis-à-vis export gave it, else the one
//!   whose id, title or file name (with or without its extension) is the project source's name,
//!   accents, case and punctuation aside;
//! - **its stakeholder** is the one a case of the project names (a case that refers to the
//!   selection or to its source, named as a stakeholder's id, short or full name), else the one a
//!   code on the selection names, else the dossier source's stakeholder, else the one stakeholder
//!   whose positions quote that source.
//!
//! A selection that cannot be placed, is empty or out of its text, or quotes what a position or a
//! candidate of the stakeholder or a measure's citation already quotes (white space aside) is
//! [`Skipped`], with the reason: importing the same project twice, or a Vis-à-vis export of the
//! session, proposes nothing new (an export's own selections are known by their GUIDs too, where a
//! document's text made the selected words differ from the quote).

use crate::i18n::Lang;
use crate::model::{
    Candidate, CandidateOrigin, Citation, Dossier, Session, SourceId, StakeholderId,
};
use quick_xml::events::{BytesStart, Event};
use std::collections::{HashMap, HashSet};
use std::io::Read as _;
use thiserror::Error;

/// The largest project file, `project.qde` or source text read.
pub const MAX_PART_SIZE: u64 = 256 * 1024 * 1024;

/// What an import proposes and what it left out.
#[derive(Debug, Default)]
pub struct Imported {
    /// The new candidates, in the project's order.
    pub candidates: Vec<Candidate>,
    /// The selections not proposed, with the reason.
    pub skipped: Vec<Skipped>,
}

/// A selection of the project that is not proposed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The project source's name.
    pub source: String,
    /// The selection's name, else its GUID.
    pub selection: String,
    /// Why.
    pub why: Why,
}

/// Why a selection is not proposed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// No source of the dossier has the project source's name.
    NoSource,
    /// No case, code or source says whose words these are.
    NoStakeholder,
    /// The source's text is not in the project (an external file, or none).
    NoText(String),
    /// The selection runs past its text's end (in characters).
    OutOfRange {
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text's length.
        length: usize,
    },
    /// Only white space is selected.
    Empty,
    /// A position of the stakeholder quotes these words already.
    AlreadyPosition(String),
    /// A candidate of the stakeholder quotes these words already.
    AlreadyProposed,
    /// A measure of the dossier cites these words (of that source): they describe the measure.
    MeasureCitation(String),
}

impl Skipped {
    /// The line said about it, in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let why = match &self.why {
            Why::NoSource => lang
                .pick(
                    "le dossier n’a pas de source de ce nom",
                    "the dossier has no source of that name",
                )
                .to_owned(),
            Why::NoStakeholder => lang
                .pick(
                    "aucun cas, code ni source ne dit de quel acteur sont ces mots",
                    "no case, code or source says whose words these are",
                )
                .to_owned(),
            Why::NoText(path) => {
                let what = lang.pick(
                    "le texte de la source n’est pas dans le projet",
                    "the source's text is not in the project",
                );
                if path.is_empty() {
                    what.to_owned()
                } else {
                    format!("{what} ({path})")
                }
            }
            Why::OutOfRange { start, end, length } => format!(
                "{} {start}–{end}, {} {length}",
                lang.pick("caractères", "characters"),
                lang.pick("le texte en a", "the text has")
            ),
            Why::Empty => lang
                .pick("rien que des espaces", "only white space")
                .to_owned(),
            Why::AlreadyPosition(id) => format!(
                "{} {id}",
                lang.pick(
                    "mêmes mots que la position",
                    "the same words as the position"
                )
            ),
            Why::AlreadyProposed => lang.pick("déjà proposée", "already proposed").to_owned(),
            Why::MeasureCitation(id) => format!(
                "{} {id}",
                lang.pick(
                    "mêmes mots qu’une citation de la mesure",
                    "the same words as a citation of the measure"
                )
            ),
        };
        format!("« {} » ({}) : {why}", self.selection, self.source)
    }
}

/// Why a file cannot be imported at all.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file cannot be read (the system's reason).
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    /// The file is larger than [`MAX_PART_SIZE`].
    #[error("the file is {0} bytes, more than the {MAX_PART_SIZE} bytes an import reads")]
    TooLarge(u64),
    /// Not a zip archive.
    #[error("not a REFI-QDA project (.qdpx): not a readable zip archive ({0})")]
    NotZip(String),
    /// The archive holds no `project.qde`.
    #[error("not a REFI-QDA project (.qdpx): the archive holds no project.qde")]
    NoProject,
    /// A part of the archive is too large, unreadable or not UTF-8.
    #[error("{part}: {why}")]
    Part {
        /// The part's name in the archive.
        part: String,
        /// What is wrong with it.
        why: String,
    },
    /// `project.qde` is not well-formed XML.
    #[error("project.qde, byte {at}: {why}")]
    Xml {
        /// Where the reader stopped.
        at: u64,
        /// What it found.
        why: String,
    },
    /// The XML is not a REFI-QDA project.
    #[error("project.qde is not a REFI-QDA project: its root is <{0}>, not <Project>")]
    NotAProject(String),
}

impl ImportError {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Fr, ImportError::Unreadable(e)) => {
                format!("impossible de lire le fichier : {e}")
            }
            (Lang::Fr, ImportError::TooLarge(n)) => format!(
                "le fichier fait {n} octets, plus que les {MAX_PART_SIZE} qu’une importation lit"
            ),
            (Lang::Fr, ImportError::NotZip(e)) => format!(
                "ce n’est pas un projet REFI-QDA (.qdpx) : pas une archive zip lisible ({e})"
            ),
            (Lang::Fr, ImportError::NoProject) => {
                "ce n’est pas un projet REFI-QDA (.qdpx) : l’archive ne contient pas de project.qde"
                    .to_owned()
            }
            (Lang::Fr, ImportError::Part { part, why }) => format!("{part} : {why}"),
            (Lang::Fr, ImportError::Xml { at, why }) => {
                format!("project.qde, octet {at} : {why}")
            }
            (Lang::Fr, ImportError::NotAProject(root)) => format!(
                "project.qde n’est pas un projet REFI-QDA : sa racine est <{root}>, pas <Project>"
            ),
        }
    }
}

/// A text selection as the project has it.
#[derive(Debug, Default)]
struct RawSelection {
    guid: String,
    name: String,
    start: usize,
    end: usize,
    codes: Vec<String>,
}

/// A source of the project with its text selections.
#[derive(Debug, Default)]
struct RawSource {
    guid: String,
    name: String,
    path: Option<String>,
    content: Option<String>,
    selections: Vec<RawSelection>,
}

/// What `project.qde` says that the import uses.
#[derive(Debug, Default)]
struct Project {
    sources: Vec<RawSource>,
    /// Code GUID → name.
    codes: HashMap<String, String>,
    /// Each case's name and the GUIDs of the sources and selections it refers to.
    cases: Vec<(String, Vec<String>)>,
}

/// The bytes of the project file at `path`, at most [`MAX_PART_SIZE`] (a named pipe or a device is
/// refused: reading it could wait for ever).
///
/// # Errors
/// When the file cannot be read, is not a regular file, or is too large.
pub fn read(path: &std::path::Path) -> Result<Vec<u8>, ImportError> {
    let unreadable = |e: std::io::Error| ImportError::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(ImportError::Unreadable("not a regular file".to_owned()));
    }
    if meta.len() > MAX_PART_SIZE {
        return Err(ImportError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PART_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PART_SIZE {
        return Err(ImportError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The candidates the project at `bytes` proposes for `session`; `file` is the name the
/// candidates' origin records.
///
/// # Errors
/// When `bytes` is not a readable `.qdpx` archive holding a REFI-QDA `project.qde`.
pub fn import(bytes: &[u8], file: &str, session: &Session) -> Result<Imported, ImportError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::NotZip(e.to_string()))?;
    let qde = named(&archive, "project.qde").ok_or(ImportError::NoProject)?;
    let project = parse(&part(&mut archive, &qde)?)?;
    let d = &session.dossier;
    let mut seen = Seen::new(session);
    let own = super::qdpx::own_selections(session);
    let mut out = Imported::default();
    for raw in &project.sources {
        let skip = |sel: &RawSelection, why: Why| Skipped {
            source: raw.name.clone(),
            selection: if sel.name.trim().is_empty() {
                sel.guid.clone()
            } else {
                sel.name.clone()
            },
            why,
        };
        if raw.selections.is_empty() {
            continue;
        }
        let Some(source) = dossier_source(d, raw) else {
            out.skipped
                .extend(raw.selections.iter().map(|s| skip(s, Why::NoSource)));
            continue;
        };
        let text = match text_of(raw, &mut archive)? {
            Ok(text) => text,
            Err(why) => {
                out.skipped
                    .extend(raw.selections.iter().map(|s| skip(s, why.clone())));
                continue;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut bounds: Vec<usize> = raw
            .selections
            .iter()
            .flat_map(|s| [s.start, s.end])
            .collect();
        let offsets = byte_offsets(text, &mut bounds);
        for sel in &raw.selections {
            if let Some(known) = own.get(&sel.guid) {
                out.skipped.push(skip(
                    sel,
                    match known {
                        Ok(position) => Why::AlreadyPosition(position.clone()),
                        Err(measure) => Why::MeasureCitation(measure.clone()),
                    },
                ));
                continue;
            }
            let (Some(&from), Some(&to)) = (offsets.get(&sel.start), offsets.get(&sel.end)) else {
                let length = text.chars().count();
                let (start, end) = (sel.start, sel.end);
                out.skipped
                    .push(skip(sel, Why::OutOfRange { start, end, length }));
                continue;
            };
            let excerpt = text[from.min(to)..to.max(from)].trim();
            if excerpt.is_empty() {
                out.skipped.push(skip(sel, Why::Empty));
                continue;
            }
            let Some(stakeholder) = stakeholder_of(d, &project, raw, sel, &source) else {
                out.skipped.push(skip(sel, Why::NoStakeholder));
                continue;
            };
            let candidate = Candidate {
                stakeholder,
                citation: Citation {
                    source: source.clone(),
                    excerpt: excerpt.to_owned(),
                    location: None,
                },
                origin: CandidateOrigin::RefiQdaImport {
                    file: file.to_owned(),
                },
            };
            match seen.check(&candidate) {
                Some(why) => out.skipped.push(skip(sel, why)),
                None => out.candidates.push(candidate),
            }
        }
    }
    Ok(out)
}

/// The words already proposed or quoted, per stakeholder and source, and the measures' citations
/// per source.
struct Seen<'a> {
    positions: HashMap<(StakeholderId, SourceId, String), &'a str>,
    proposed: HashSet<(StakeholderId, SourceId, String)>,
    citations: HashMap<(SourceId, String), &'a str>,
}

impl<'a> Seen<'a> {
    fn new(session: &'a Session) -> Self {
        let key =
            |s: &StakeholderId, c: &Citation| (s.clone(), c.source.clone(), spaced(&c.excerpt));
        Self {
            positions: session
                .dossier
                .positions
                .iter()
                .map(|p| (key(&p.stakeholder, &p.citation), p.id.as_str()))
                .collect(),
            proposed: session
                .candidates
                .iter()
                .map(|c| key(&c.stakeholder, &c.citation))
                .collect(),
            citations: session
                .dossier
                .measures
                .iter()
                .flat_map(|m| {
                    m.citations
                        .iter()
                        .map(move |c| ((c.source.clone(), spaced(&c.excerpt)), m.id.as_str()))
                })
                .collect(),
        }
    }

    /// Why `c` is not new, or `None` (and it is remembered).
    fn check(&mut self, c: &Candidate) -> Option<Why> {
        let key = (
            c.stakeholder.clone(),
            c.citation.source.clone(),
            spaced(&c.citation.excerpt),
        );
        if let Some(id) = self.positions.get(&key) {
            return Some(Why::AlreadyPosition((*id).to_owned()));
        }
        if let Some(id) = self.citations.get(&(key.1.clone(), key.2.clone())) {
            return Some(Why::MeasureCitation((*id).to_owned()));
        }
        (!self.proposed.insert(key)).then_some(Why::AlreadyProposed)
    }
}

/// `text` with each run of white space as one space.
fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as compared: accents, case and everything but letters and digits aside.
fn key(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The dossier source a project source stands for.
fn dossier_source(d: &Dossier, raw: &RawSource) -> Option<SourceId> {
    if let Some(s) = d
        .sources
        .iter()
        .find(|s| super::qdpx::source_guid(d, &s.id) == raw.guid)
    {
        return Some(s.id.clone());
    }
    let wanted = key(&raw.name);
    if wanted.is_empty() {
        return None;
    }
    d.sources
        .iter()
        .find(|s| {
            let file = s.file.as_deref().unwrap_or_default();
            let name = file.rsplit('/').next().unwrap_or(file);
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            [s.id.as_str(), s.title.as_str(), name, stem]
                .iter()
                .any(|n| !n.is_empty() && key(n) == wanted)
        })
        .map(|s| s.id.clone())
}

/// The stakeholder whose words `sel` holds.
fn stakeholder_of(
    d: &Dossier,
    project: &Project,
    raw: &RawSource,
    sel: &RawSelection,
    source: &SourceId,
) -> Option<StakeholderId> {
    let named = |name: &str| {
        let wanted = key(name);
        d.stakeholders
            .iter()
            .find(|s| {
                !wanted.is_empty()
                    && [s.id.as_str(), s.name.as_str(), s.full_name.as_str()]
                        .iter()
                        .any(|n| key(n) == wanted)
            })
            .map(|s| s.id.clone())
    };
    let by_case = || {
        project
            .cases
            .iter()
            .filter(|(_, refs)| refs.iter().any(|r| r == &sel.guid || r == &raw.guid))
            .find_map(|(name, _)| named(name))
    };
    let by_code = || {
        sel.codes
            .iter()
            .filter_map(|c| project.codes.get(c))
            .find_map(|name| named(name))
    };
    let by_source = || d.source(source).and_then(|s| s.stakeholder.clone());
    let by_positions = || {
        let mut owners = d
            .positions
            .iter()
            .filter(|p| &p.citation.source == source)
            .map(|p| &p.stakeholder);
        let first = owners.next()?;
        owners.all(|o| o == first).then(|| first.clone())
    };
    by_case()
        .or_else(by_code)
        .or_else(by_source)
        .or_else(by_positions)
}

/// The byte offset of each character position in `wanted` (sorted and deduplicated in place);
/// a position past the text's end has none. The text's length is a position too.
fn byte_offsets(text: &str, wanted: &mut Vec<usize>) -> HashMap<usize, usize> {
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = HashMap::with_capacity(wanted.len());
    let mut next = wanted.iter().copied().peekable();
    let ends = text
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()));
    for (n, at) in ends.enumerate() {
        while next.peek() == Some(&n) {
            out.insert(n, at);
            next.next();
        }
        if next.peek().is_none() {
            break;
        }
    }
    out
}

/// The archive's entry called `wanted`, else one called so but for case.
fn named(archive: &zip::ZipArchive<std::io::Cursor<&[u8]>>, wanted: &str) -> Option<String> {
    if archive.index_for_name(wanted).is_some() {
        return Some(wanted.to_owned());
    }
    archive
        .file_names()
        .filter_map(Result::ok)
        .find(|n| n.eq_ignore_ascii_case(wanted))
        .map(std::borrow::Cow::into_owned)
}

/// A part of the archive as text, at most [`MAX_PART_SIZE`] bytes.
fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<String, ImportError> {
    let failed = |why: String| ImportError::Part {
        part: name.to_owned(),
        why,
    };
    let file = archive.by_name(name).map_err(|e| failed(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_PART_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failed(e.to_string()))?;
    if bytes.len() as u64 > MAX_PART_SIZE {
        return Err(failed(format!(
            "unpacks to more than {MAX_PART_SIZE} bytes"
        )));
    }
    String::from_utf8(bytes).map_err(|e| failed(format!("not UTF-8: {e}")))
}

/// The plain text of `raw`, or why the project does not hold it.
fn text_of(
    raw: &RawSource,
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
) -> Result<Result<String, Why>, ImportError> {
    if let Some(content) = &raw.content {
        return Ok(Ok(content.clone()));
    }
    let Some(path) = raw.path.as_deref() else {
        return Ok(Err(Why::NoText(String::new())));
    };
    // `internal://NAME` is the archive's `sources/NAME`; some tools write `sources/` into NAME,
    // or give a bare NAME, or percent-encode it (`Mon%20document.txt`).
    let inner = match path.split_once("://") {
        Some(("internal", inner)) => inner,
        Some(_) => return Ok(Err(Why::NoText(path.to_owned()))),
        None => path,
    };
    let decoded = percent_decoded(inner);
    let found = [inner, decoded.as_str()].iter().find_map(|name| {
        named(archive, &format!("sources/{name}")).or_else(|| named(archive, name))
    });
    match found {
        Some(name) => part(archive, &name).map(Ok),
        None => Ok(Err(Why::NoText(path.to_owned()))),
    }
}

/// `text` with its `%XX` escapes decoded (left as they are where they do not make UTF-8).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// An attribute's value, unescaped; empty when absent or unreadable.
fn attr(e: &BytesStart<'_>, name: &[u8]) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::default())
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
        .unwrap_or_default()
}

/// A GUID attribute, upper-cased: the standard's GUIDs compare without regard to case.
fn guid(e: &BytesStart<'_>, name: &[u8]) -> String {
    attr(e, name).trim().to_ascii_uppercase()
}

/// Read `project.qde`: its sources with their selections, its codes and its cases.
fn parse(xml: &str) -> Result<Project, ImportError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut project = Project::default();
    // The local names of the open elements.
    let mut path: Vec<Vec<u8>> = Vec::new();
    let mut text: Option<String> = None;
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| ImportError::Xml {
            at,
            why: e.to_string(),
        })?;
        let bad = |e: &dyn std::fmt::Display| ImportError::Xml {
            at,
            why: e.to_string(),
        };
        match &event {
            Event::Start(e) | Event::Empty(e) if path.is_empty() => {
                let root = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if root != "Project" {
                    return Err(ImportError::NotAProject(root));
                }
                if matches!(event, Event::Empty(_)) {
                    break;
                }
                path.push(b"Project".to_vec());
            }
            Event::Start(e) => {
                open(&mut project, &path, e, &mut text);
                path.push(e.local_name().as_ref().to_vec());
            }
            Event::Empty(e) => open(&mut project, &path, e, &mut None),
            Event::End(_) => {
                let closed = path.pop();
                if closed.as_deref() == Some(b"PlainTextContent")
                    && let Some(t) = text.take()
                    && let Some(s) = project.sources.last_mut()
                {
                    s.content = Some(t);
                }
            }
            Event::Text(t) => {
                if let Some(buf) = &mut text {
                    buf.push_str(&t.xml10_content().map_err(|e| bad(&e))?);
                }
            }
            Event::CData(t) => {
                if let Some(buf) = &mut text {
                    buf.push_str(&t.xml10_content().map_err(|e| bad(&e))?);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(buf) = &mut text {
                    let c = match r.resolve_char_ref().map_err(|e| bad(&e))? {
                        Some(c) => c,
                        None => match r.decode().map_err(|e| bad(&e))?.as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => return Err(bad(&format!("unknown entity &{other};"))),
                        },
                    };
                    buf.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(project)
}

/// The element `e` opens under `path`: what it adds to the project. `text` starts collecting
/// when it is a source's `PlainTextContent`.
fn open(project: &mut Project, path: &[Vec<u8>], e: &BytesStart<'_>, text: &mut Option<String>) {
    let name = e.local_name();
    let parent = |n: &[u8]| path.last().is_some_and(|p| p == n);
    let under = |n: &[u8]| path.iter().any(|p| p == n);
    match name.as_ref() {
        // A source: a direct child of <Sources>.
        _ if parent(b"Sources") => project.sources.push(RawSource {
            guid: guid(e, b"guid"),
            name: attr(e, b"name"),
            path: Some(attr(e, b"plainTextPath")).filter(|p| !p.is_empty()),
            ..RawSource::default()
        }),
        // A PDF's, audio's or video's text: its selections are the source's.
        b"Representation" if path.len() == 3 && under(b"Sources") => {
            if let Some(s) = project.sources.last_mut() {
                let p = attr(e, b"plainTextPath");
                if !p.is_empty() {
                    s.path = Some(p);
                }
            }
        }
        b"PlainTextContent" if under(b"Sources") && path.len() <= 4 => *text = Some(String::new()),
        b"PlainTextSelection" if under(b"Sources") => {
            if let Some(s) = project.sources.last_mut() {
                let number = |n: &[u8]| attr(e, n).trim().parse::<usize>().unwrap_or(usize::MAX);
                s.selections.push(RawSelection {
                    guid: guid(e, b"guid"),
                    name: attr(e, b"name"),
                    start: number(b"startPosition"),
                    end: number(b"endPosition"),
                    codes: Vec::new(),
                });
            }
        }
        b"CodeRef" if parent(b"Coding") && under(b"PlainTextSelection") => {
            if let Some(sel) = project
                .sources
                .last_mut()
                .and_then(|s| s.selections.last_mut())
            {
                sel.codes.push(guid(e, b"targetGUID"));
            }
        }
        b"Code" if under(b"CodeBook") => {
            project.codes.insert(guid(e, b"guid"), attr(e, b"name"));
        }
        b"Case" if parent(b"Cases") => project.cases.push((attr(e, b"name"), Vec::new())),
        b"SourceRef" | b"SelectionRef" if parent(b"Case") => {
            if let Some((_, refs)) = project.cases.last_mut() {
                refs.push(guid(e, b"targetGUID"));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;
    use std::io::Write as _;

    /// A `.qdpx` holding `qde` and the `files` (name, text).
    fn qdpx(qde: &str, files: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("project.qde", options).expect("entry");
        zip.write_all(qde.as_bytes()).expect("write");
        for (name, text) in files {
            zip.start_file(*name, options).expect("entry");
            zip.write_all(text.as_bytes()).expect("write");
        }
        zip.finish().expect("zip").into_inner()
    }

    /// A project with one text source named `name`: `inner` is the source element's content,
    /// `attrs` its extra attributes, `extra` what follows `<Sources>`.
    fn project(name: &str, attrs: &str, inner: &str, extra: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t">
<CodeBook><Codes><Code guid="c-b" name="b" isCodable="true"/><Code guid="c-x" name="Thème" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="s-1" name="{name}" {attrs}>{inner}</TextSource></Sources>{extra}
</Project>"#
        )
    }

    fn selection(guid: &str, start: usize, end: usize, code: &str) -> String {
        format!(
            r#"<PlainTextSelection guid="{guid}" name="{guid}" startPosition="{start}" endPosition="{end}"><Coding guid="k-{guid}"><CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>"#
        )
    }

    const TEXT: &str = "L’État répond.\nNous demandons davantage de moyens.";

    fn run(qde: &str, files: &[(&str, &str)], session: &Session) -> Imported {
        import(&qdpx(qde, files), "p.qdpx", session).expect("imports")
    }

    #[test]
    fn a_code_naming_a_stakeholder_says_whose_words_and_positions_count_characters() {
        let session = fixture::session();
        let start = TEXT.chars().position(|c| c == 'N').expect("N");
        let end = TEXT.chars().count();
        let inner = format!(
            "<PlainTextContent>{TEXT}</PlainTextContent>{}",
            selection("x1", start, end, "C-B")
        );
        let out = run(&project("Source", "", &inner, ""), &[], &session);
        assert_eq!(out.skipped, []);
        let c = &out.candidates[0];
        assert_eq!(c.stakeholder.as_str(), "b", "the code « b » names it");
        assert_eq!(
            c.citation.source.as_str(),
            "src",
            "the source's title, « Source »"
        );
        assert_eq!(c.citation.excerpt, "Nous demandons davantage de moyens.");
    }

    #[test]
    fn without_a_case_or_code_the_dossier_s_source_says_whose_it_is() {
        let mut session = fixture::session();
        let inner = format!(
            "<PlainTextContent>{TEXT}</PlainTextContent>{}",
            selection("x1", 0, 14, "c-x")
        );
        let qde = project("source", "", &inner, "");
        let out = run(&qde, &[], &session);
        assert_eq!(out.candidates, []);
        assert_eq!(
            out.skipped[0].why,
            Why::NoStakeholder,
            "a and b both quote it"
        );
        session.dossier.sources[0].stakeholder = Some("a".into());
        let out = run(&qde, &[], &session);
        assert_eq!(out.candidates[0].stakeholder.as_str(), "a");
        assert_eq!(out.candidates[0].citation.excerpt, "L’État répond.");
    }

    #[test]
    fn a_case_names_the_stakeholder_of_its_source_and_the_text_file_is_read_without_its_mark() {
        let session = fixture::session();
        let inner = selection("x1", 0, 6, "c-x");
        let case = r#"<Cases><Case guid="k" name="A"><SourceRef targetGUID="S-1"/></Case></Cases>"#;
        let qde = project(
            "Source",
            r#"plainTextPath="internal://s-1.txt""#,
            &inner,
            case,
        );
        let text = format!("\u{feff}{TEXT}");
        let out = run(&qde, &[("sources/s-1.txt", &text)], &session);
        assert_eq!(out.candidates[0].stakeholder.as_str(), "a");
        assert_eq!(out.candidates[0].citation.excerpt, "L’État");
    }

    #[test]
    fn what_cannot_be_placed_is_left_out_with_its_reason() {
        let mut session = fixture::session();
        session.dossier.sources[0].stakeholder = Some("a".into());
        let len = TEXT.chars().count();
        let inner = format!(
            "<PlainTextContent>{TEXT}</PlainTextContent>{}{}{}",
            selection("past", 3, len + 1, "c-x"),
            selection("blank", 14, 15, "c-x"),
            selection("twice", 0, 6, "c-x") + &selection("again", 0, 7, "c-x"),
        );
        let out = run(&project("Source", "", &inner, ""), &[], &session);
        let why: Vec<_> = out.skipped.iter().map(|s| s.why.clone()).collect();
        assert_eq!(
            why,
            [
                Why::OutOfRange {
                    start: 3,
                    end: len + 1,
                    length: len
                },
                Why::Empty,
                Why::AlreadyProposed,
            ]
        );
        assert_eq!(
            out.candidates.len(),
            1,
            "« L’État » once, white space aside"
        );
        let elsewhere = project("Un autre document", "", &inner, "");
        let out = run(&elsewhere, &[], &session);
        assert!(out.skipped.iter().all(|s| s.why == Why::NoSource));
        let outside = project(
            "Source",
            r#"plainTextPath="relative://textes/a.txt""#,
            &selection("x", 0, 1, "c-x"),
            "",
        );
        let out = run(&outside, &[], &session);
        assert_eq!(
            out.skipped[0].why,
            Why::NoText("relative://textes/a.txt".to_owned())
        );
        assert!(
            out.skipped[0]
                .message(Lang::Fr)
                .contains("pas dans le projet")
        );
    }

    #[test]
    fn the_text_file_is_found_however_the_tool_names_it() {
        let mut session = fixture::session();
        session.dossier.sources[0].stakeholder = Some("b".into());
        let qde = project(
            "Source",
            r#"plainTextPath="internal://Mon%20texte%C3%A9.txt""#,
            &selection("x", 0, 6, "c-x"),
            "",
        );
        let out = run(&qde, &[("sources/Mon texteé.txt", TEXT)], &session);
        assert_eq!(out.candidates[0].citation.excerpt, "L’État");
        // `sources/` written into the path, or a bare name: the archive's file all the same.
        for path in ["internal://Sources/t.txt", "t.txt"] {
            let attrs = format!(r#"plainTextPath="{path}""#);
            let qde = project("Source", &attrs, &selection("x", 0, 6, "c-x"), "");
            let out = run(&qde, &[("sources/t.txt", TEXT)], &session);
            assert_eq!(out.candidates.len(), 1, "{path}");
        }
        assert_eq!(
            percent_decoded("100%-sûr%2"),
            "100%-sûr%2",
            "no escape, kept"
        );
    }

    proptest::proptest! {
        /// Whatever the project says, the import answers without panicking, and every candidate
        /// it proposes is words of the text, of a stakeholder and a source of the dossier.
        #[test]
        fn any_project_is_read_or_refused_without_panicking(
            inner in "(<PlainTextContent>[a-zé’ \\n]{0,30}</PlainTextContent>)?(<PlainTextSelection guid=\"[A-F0-9]{1,3}\" startPosition=\"[0-9]{1,2}\" endPosition=\"[0-9]{1,2}\">(<Coding guid=\"k\"><CodeRef targetGUID=\"c-b\"/></Coding>)?</PlainTextSelection>){0,4}",
            name in "(Source|src|Autre|)",
            cut in 0usize..400,
        ) {
            let session = fixture::session();
            let qde = project(&name, "", &inner, "");
            let _ = import(&qdpx(&qde, &[]), "p", &session);
            // The same project cut anywhere: malformed XML is refused, never a panic.
            let cut_at = (0..=cut.min(qde.len())).rev().find(|&i| qde.is_char_boundary(i)).unwrap_or(0);
            let _ = import(&qdpx(&qde[..cut_at], &[]), "p", &session);
            if let Ok(out) = import(&qdpx(&qde, &[]), "p", &session) {
                for c in &out.candidates {
                    proptest::prop_assert!(session.dossier.stakeholder(&c.stakeholder).is_some());
                    proptest::prop_assert!(session.dossier.source(&c.citation.source).is_some());
                    proptest::prop_assert!(!c.citation.excerpt.trim().is_empty());
                    proptest::prop_assert!(inner.contains(&c.citation.excerpt));
                }
            }
        }
    }

    #[test]
    fn a_file_that_is_no_project_is_refused_with_its_reason() {
        let session = fixture::session();
        let err = |bytes: &[u8]| import(bytes, "p", &session).expect_err("refused");
        assert!(matches!(err(b"not a zip"), ImportError::NotZip(_)));
        let other = qdpx(r#"<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>"#, &[]);
        assert_eq!(err(&other), ImportError::NotAProject("CodeBook".to_owned()));
        let broken = qdpx("<Project><Sources></Project>", &[]);
        assert!(
            matches!(err(&broken), ImportError::Xml { .. }),
            "{:?}",
            err(&broken)
        );
        assert!(
            err(&broken)
                .message(Lang::Fr)
                .starts_with("project.qde, octet")
        );
    }
}
