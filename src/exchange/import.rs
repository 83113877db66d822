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
//!   `sources/NAME`, or NAME itself) — verbatim, its runs of white space (line breaks) as one
//!   space, as the reader's picked quotes and the dossier's own are; a
//!   PDF's, audio's or video's text representation counts as its text;
//! - **its source** is the dossier source whose GUID a Vis-à-vis export gave it, else the one
//!   whose id, title or file name (with or without its extension) is the project source's name,
//!   accents, case and punctuation aside, else the one whose quotes the project's text holds
//!   (the same document, named otherwise in the other tool);
//! - **its stakeholder** is the one a case of the project names (a case that refers to the
//!   selection, else one that refers to its source, named as a stakeholder's id, short or full
//!   name), else the one a code on the selection names, else the dossier source's stakeholder,
//!   else the one stakeholder whose positions quote that source.
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
use std::rc::Rc;
use thiserror::Error;

/// The largest project file, `project.qde` or source text read.
pub const MAX_PART_SIZE: u64 = 256 * 1024 * 1024;

/// The most an import unpacks in all (a project's texts may be many, each under
/// [`MAX_PART_SIZE`]).
pub const MAX_TOTAL_SIZE: u64 = 4 * MAX_PART_SIZE;

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
    /// The source's text is in the project but cannot be read (not UTF-8, too large…).
    Unreadable(String),
    /// A position is not a number of characters, or the start comes after the end.
    BadPosition {
        /// The start, as the project writes it.
        start: String,
        /// The end, as the project writes it.
        end: String,
    },
    /// The selection runs past its text's end (in characters).
    OutOfRange {
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text's length.
        length: usize,
    },
    /// Nothing, or only white space, is selected.
    Empty,
    /// A position of the stakeholder quotes these words already.
    AlreadyPosition(String),
    /// A candidate of the stakeholder quotes these words already.
    AlreadyProposed,
    /// A measure of the dossier cites these words (of that source): they describe the measure.
    MeasureCitation(String),
}

impl Why {
    /// Whether the session holds these words already (a position, a measure's citation, a
    /// proposal): nothing is lost by leaving them out.
    #[must_use]
    pub fn is_known(&self) -> bool {
        matches!(
            self,
            Why::AlreadyPosition(_) | Why::AlreadyProposed | Why::MeasureCitation(_)
        )
    }
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
                .pick(
                    "rien de sélectionné, ou seulement des espaces",
                    "nothing selected, or only white space",
                )
                .to_owned(),
            Why::Unreadable(why) => format!(
                "{}{why}",
                lang.pick(
                    "le texte de la source ne peut être lu : ",
                    "the source's text cannot be read: "
                )
            ),
            Why::BadPosition { start, end } => format!(
                "{} startPosition=\"{start}\" endPosition=\"{end}\"",
                lang.pick(
                    "positions qui ne sont pas des nombres de caractères dans l’ordre :",
                    "positions that are not character counts in order:"
                )
            ),
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
        match lang {
            Lang::Fr => format!("« {} » ({}) : {why}", self.selection, self.source),
            Lang::En => format!("\"{}\" ({}): {why}", self.selection, self.source),
        }
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
    #[error("project.qde:{line}:{col}: {why}")]
    Xml {
        /// The line where the reader stopped, from 1.
        line: usize,
        /// The column, in characters, from 1.
        col: usize,
        /// What it found.
        why: String,
    },
    /// The XML is not a REFI-QDA project (its root is named, or empty when it has none).
    #[error("project.qde is not a REFI-QDA project: {}", if .0.is_empty() { "it holds no XML element".to_owned() } else { format!("its root is <{}>, not <Project>", .0) })]
    NotAProject(String),
    /// The project's texts unpack to more than an import reads in all.
    #[error("the project's texts unpack to more than {MAX_TOTAL_SIZE} bytes in all")]
    TooMuchText,
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
            (Lang::Fr, ImportError::Xml { line, col, why }) => {
                format!("project.qde:{line}:{col} : {why}")
            }
            (Lang::Fr, ImportError::NotAProject(root)) if root.is_empty() => {
                "project.qde n’est pas un projet REFI-QDA : il ne contient aucun élément XML"
                    .to_owned()
            }
            (Lang::Fr, ImportError::NotAProject(root)) => format!(
                "project.qde n’est pas un projet REFI-QDA : sa racine est <{root}>, pas <Project>"
            ),
            (Lang::Fr, ImportError::TooMuchText) => {
                format!("les textes du projet font plus de {MAX_TOTAL_SIZE} octets en tout")
            }
        }
    }
}

/// A text selection as the project has it.
#[derive(Debug, Default)]
struct RawSelection {
    guid: String,
    name: String,
    /// The positions as written.
    start: String,
    end: String,
    codes: Vec<String>,
}

impl RawSelection {
    /// Its positions in characters, when they are numbers in order.
    fn range(&self) -> Option<(usize, usize)> {
        let n = |s: &str| s.trim().trim_start_matches('+').parse::<usize>().ok();
        let (start, end) = (n(&self.start)?, n(&self.end)?);
        (start <= end).then_some((start, end))
    }
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
    // Asked before opening: opening a named pipe waits for a writer.
    if !std::fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(ImportError::Unreadable("not a regular file".to_owned()));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
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
    import_within(bytes, file, session, MAX_TOTAL_SIZE)
}

/// [`import`], unpacking at most `budget` bytes in all.
fn import_within(
    bytes: &[u8],
    file: &str,
    session: &Session,
    budget: u64,
) -> Result<Imported, ImportError> {
    let mut archive = Archive::new(bytes, budget)?;
    let project = parse(&archive.project()?)?;
    let d = &session.dossier;
    let mut seen = Seen::new(session);
    let own = super::qdpx::own_selections(session);
    let owners = Owners::new(d, &project);
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
        let named = dossier_source(d, raw);
        let text = archive.text_of(raw)?;
        let by_content = || {
            let text = text.as_ref().as_ref().ok()?;
            source_by_content(d, text)
        };
        let Some(source) = named.or_else(by_content) else {
            out.skipped
                .extend(raw.selections.iter().map(|s| skip(s, Why::NoSource)));
            continue;
        };
        let text = match text.as_ref() {
            Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
            Err(why) => {
                out.skipped
                    .extend(raw.selections.iter().map(|s| skip(s, why.clone())));
                continue;
            }
        };
        let mut bounds: Vec<usize> = (raw.selections.iter())
            .filter_map(RawSelection::range)
            .flat_map(|(start, end)| [start, end])
            .collect();
        let offsets = byte_offsets(text, &mut bounds);
        let length = std::cell::OnceCell::new();
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
            let Some((start, end)) = sel.range() else {
                let (start, end) = (sel.start.clone(), sel.end.clone());
                out.skipped.push(skip(sel, Why::BadPosition { start, end }));
                continue;
            };
            let (Some(&from), Some(&to)) = (offsets.get(&start), offsets.get(&end)) else {
                let length = *length.get_or_init(|| text.chars().count());
                out.skipped
                    .push(skip(sel, Why::OutOfRange { start, end, length }));
                continue;
            };
            // Runs of white space as one space, as a quote picked in the reader.
            let excerpt = spaced(&text[from..to]);
            if excerpt.is_empty() {
                out.skipped.push(skip(sel, Why::Empty));
                continue;
            }
            let Some(stakeholder) = owners.of(raw, sel, &source) else {
                out.skipped.push(skip(sel, Why::NoStakeholder));
                continue;
            };
            let candidate = Candidate {
                stakeholder,
                citation: Citation {
                    source: source.clone(),
                    excerpt,
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

/// The dossier source whose quotes `text` holds (white space aside) more than any other's
/// does: a project source named otherwise (« Uniopss, contribution ») that is the same
/// document. Each source's first [`QUOTES_TRIED`] quotes of a dozen characters or more are
/// looked for.
fn source_by_content(d: &Dossier, text: &str) -> Option<SourceId> {
    let text = spaced(text);
    let mut tried: HashMap<&SourceId, usize> = HashMap::new();
    let mut found: HashMap<&SourceId, usize> = HashMap::new();
    let quotes = (d.measures.iter().flat_map(|m| &m.citations))
        .chain(d.positions.iter().map(|p| &p.citation));
    for c in quotes {
        let n = tried.entry(&c.source).or_default();
        if *n >= QUOTES_TRIED {
            continue;
        }
        let quote = spaced(&c.excerpt);
        if quote.chars().count() < 12 {
            continue;
        }
        *n += 1;
        if text.contains(&quote) {
            *found.entry(&c.source).or_default() += 1;
        }
    }
    let best = *found.values().max()?;
    let mut first = found.iter().filter(|&(_, &n)| n == best).map(|(id, _)| *id);
    let id = first.next()?;
    first.next().is_none().then(|| id.clone())
}

/// How many of a dossier source's quotes [`source_by_content`] looks for.
const QUOTES_TRIED: usize = 40;

/// Who a selection's words are, looked up in maps built once per import (a project holds
/// thousands of selections, and its cases refer to each of them).
struct Owners {
    /// The selection or source GUID a case refers to → the stakeholder the case is named for.
    cases: HashMap<String, StakeholderId>,
    /// A code's GUID → the stakeholder it is named for.
    codes: HashMap<String, StakeholderId>,
    /// A dossier source → its stakeholder, else the one stakeholder whose positions quote it.
    sources: HashMap<SourceId, StakeholderId>,
}

impl Owners {
    fn new(d: &Dossier, project: &Project) -> Self {
        let mut keys: HashMap<String, StakeholderId> = HashMap::new();
        for s in &d.stakeholders {
            for n in [s.id.as_str(), s.name.as_str(), s.full_name.as_str()] {
                let k = key(n);
                if !k.is_empty() {
                    keys.entry(k).or_insert_with(|| s.id.clone());
                }
            }
        }
        let named = |name: &str| keys.get(&key(name)).cloned();
        let mut cases = HashMap::new();
        for (name, refs) in &project.cases {
            if let Some(s) = named(name) {
                for r in refs {
                    cases.entry(r.clone()).or_insert_with(|| s.clone());
                }
            }
        }
        let codes = (project.codes.iter())
            .filter_map(|(guid, name)| Some((guid.clone(), named(name)?)))
            .collect();
        // Each source's quoting stakeholders: one (`Some`), or several (`None`).
        let mut quoting: HashMap<&SourceId, Option<&StakeholderId>> = HashMap::new();
        for p in &d.positions {
            quoting
                .entry(&p.citation.source)
                .and_modify(|o| {
                    if *o != Some(&p.stakeholder) {
                        *o = None;
                    }
                })
                .or_insert(Some(&p.stakeholder));
        }
        let sources = (d.sources.iter())
            .filter_map(|s| {
                let owner = s
                    .stakeholder
                    .clone()
                    .or_else(|| quoting.get(&s.id).copied().flatten().cloned())?;
                Some((s.id.clone(), owner))
            })
            .collect();
        Self {
            cases,
            codes,
            sources,
        }
    }

    /// The stakeholder whose words `sel` (of `raw`, the dossier's `source`) holds: a case's that
    /// refers to the selection, else one that refers to its source, else a code's, else the
    /// source's.
    fn of(&self, raw: &RawSource, sel: &RawSelection, source: &SourceId) -> Option<StakeholderId> {
        self.cases
            .get(&sel.guid)
            .or_else(|| self.cases.get(&raw.guid))
            .or_else(|| sel.codes.iter().find_map(|c| self.codes.get(c)))
            .or_else(|| self.sources.get(source))
            .cloned()
    }
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

/// The archive being imported: its parts read once each, within a budget in all
/// ([`MAX_TOTAL_SIZE`]).
struct Archive<'b> {
    zip: zip::ZipArchive<std::io::Cursor<&'b [u8]>>,
    /// Each source text read, by entry name, or why it cannot be.
    texts: HashMap<String, Rc<Result<String, Why>>>,
    unpacked: u64,
    budget: u64,
}

impl<'b> Archive<'b> {
    fn new(bytes: &'b [u8], budget: u64) -> Result<Self, ImportError> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| ImportError::NotZip(e.to_string()))?;
        Ok(Self {
            zip,
            texts: HashMap::new(),
            unpacked: 0,
            budget,
        })
    }

    /// The entry called `wanted`, else one called so but for case.
    fn named(&self, wanted: &str) -> Option<String> {
        if self.zip.index_for_name(wanted).is_some() {
            return Some(wanted.to_owned());
        }
        (self.zip.file_names())
            .filter_map(Result::ok)
            .find(|n| n.eq_ignore_ascii_case(wanted))
            .map(std::borrow::Cow::into_owned)
    }

    /// The entry `name` as text, at most [`MAX_PART_SIZE`] bytes: `Err(Ok(why))` when it
    /// cannot be read, `Err(Err(_))` past the import's budget.
    fn part(&mut self, name: &str) -> Result<String, Result<String, ImportError>> {
        let file = self.zip.by_name(name).map_err(|e| Ok(e.to_string()))?;
        let mut bytes = Vec::new();
        file.take(MAX_PART_SIZE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Ok(e.to_string()))?;
        if bytes.len() as u64 > MAX_PART_SIZE {
            return Err(Ok(format!("unpacks to more than {MAX_PART_SIZE} bytes")));
        }
        self.unpacked += bytes.len() as u64;
        if self.unpacked > self.budget {
            return Err(Err(ImportError::TooMuchText));
        }
        String::from_utf8(bytes).map_err(|e| Ok(format!("not UTF-8 ({e})")))
    }

    /// `project.qde`, or why the archive is no project.
    fn project(&mut self) -> Result<String, ImportError> {
        let name = self.named("project.qde").ok_or(ImportError::NoProject)?;
        self.part(&name).map_err(|e| match e {
            Ok(why) => ImportError::Part {
                part: name.clone(),
                why,
            },
            Err(e) => e,
        })
    }

    /// The plain text of `raw`, or why the project does not hold it; read once however many
    /// sources name it.
    fn text_of(&mut self, raw: &RawSource) -> Result<Rc<Result<String, Why>>, ImportError> {
        if let Some(content) = &raw.content {
            return Ok(Rc::new(Ok(content.clone())));
        }
        let Some(path) = raw.path.as_deref() else {
            return Ok(Rc::new(Err(Why::NoText(String::new()))));
        };
        // `internal://NAME` is the archive's `sources/NAME`; some tools write `sources/` into
        // NAME, or give a bare NAME, or percent-encode it (`Mon%20document.txt`).
        let inner = match path.split_once("://") {
            Some(("internal", inner)) => inner,
            Some(_) => return Ok(Rc::new(Err(Why::NoText(path.to_owned())))),
            None => path,
        };
        let decoded = percent_decoded(inner);
        let found = [inner, decoded.as_str()].iter().find_map(|name| {
            self.named(&format!("sources/{name}"))
                .or_else(|| self.named(name))
        });
        let Some(name) = found else {
            return Ok(Rc::new(Err(Why::NoText(path.to_owned()))));
        };
        if let Some(text) = self.texts.get(&name) {
            return Ok(Rc::clone(text));
        }
        let text = match self.part(&name) {
            Ok(text) => Ok(text),
            Err(Ok(why)) => Err(Why::Unreadable(format!("{name}: {why}"))),
            Err(Err(e)) => return Err(e),
        };
        let text = Rc::new(text);
        self.texts.insert(name, Rc::clone(&text));
        Ok(text)
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

/// An element's attributes by local name, unescaped; a malformed one (no quotes, an unknown
/// entity, twice the same) is an error.
struct Attrs(Vec<(Vec<u8>, String)>);

impl Attrs {
    fn of(e: &BytesStart<'_>) -> Result<Self, String> {
        let mut all = Vec::new();
        for a in e.attributes().with_checks(true) {
            let a = a.map_err(|e| e.to_string())?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::default())
                .map_err(|e| e.to_string())?;
            all.push((a.key.local_name().as_ref().to_vec(), value.into_owned()));
        }
        Ok(Self(all))
    }

    /// The value of `name`, empty when absent.
    fn get(&self, name: &[u8]) -> String {
        (self.0.iter())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// A GUID, upper-cased: the standard's GUIDs compare without regard to case.
    fn guid(&self, name: &[u8]) -> String {
        self.get(name).trim().to_ascii_uppercase()
    }
}

/// How many elements of each kind that matters are open around the reader: kept as counts, so
/// that a deeply nested file costs no more per element than a flat one.
#[derive(Default)]
struct Open {
    /// Every open element, by local name.
    path: Vec<Vec<u8>>,
    sources: usize,
    codebook: usize,
    selections: usize,
}

impl Open {
    fn count(&mut self, name: &[u8], by: isize) {
        let c = match name {
            b"Sources" => &mut self.sources,
            b"CodeBook" => &mut self.codebook,
            b"PlainTextSelection" => &mut self.selections,
            _ => return,
        };
        *c = c.saturating_add_signed(by);
    }

    fn push(&mut self, name: &[u8]) {
        self.count(name, 1);
        self.path.push(name.to_vec());
    }

    fn pop(&mut self) -> Option<Vec<u8>> {
        let name = self.path.pop()?;
        self.count(&name, -1);
        Some(name)
    }

    fn parent_is(&self, name: &[u8]) -> bool {
        self.path.last().is_some_and(|p| p == name)
    }
}

/// Line and column (from 1, in characters) of byte `at` of `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Read `project.qde`: its sources with their selections, its codes and its cases.
fn parse(xml: &str) -> Result<Project, ImportError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut project = Project::default();
    let mut open = Open::default();
    let mut rooted = false;
    let mut text: Option<String> = None;
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let bad = |why: &dyn std::fmt::Display| {
            let (line, col) = line_col(xml, at);
            ImportError::Xml {
                line,
                col,
                why: why.to_string(),
            }
        };
        let event = reader.read_event().map_err(|e| bad(&e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) if open.path.is_empty() => {
                let root = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if rooted || root != "Project" {
                    return Err(ImportError::NotAProject(root));
                }
                rooted = true;
                Attrs::of(e).map_err(|w| bad(&w))?;
                if matches!(event, Event::Start(_)) {
                    open.push(b"Project");
                }
            }
            Event::Start(e) => {
                take(&mut project, &open, e, &mut text).map_err(|w| bad(&w))?;
                open.push(e.local_name().as_ref());
            }
            Event::Empty(e) => take(&mut project, &open, e, &mut None).map_err(|w| bad(&w))?,
            Event::End(_) => {
                if open.pop().as_deref() == Some(b"PlainTextContent")
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
                if let Some(buf) = &mut text {
                    buf.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(inside) = open.path.last() {
        let (line, col) = line_col(xml, xml.len());
        return Err(ImportError::Xml {
            line,
            col,
            why: format!(
                "the file ends inside <{}>: it is cut short",
                String::from_utf8_lossy(inside)
            ),
        });
    }
    if !rooted {
        return Err(ImportError::NotAProject(String::new()));
    }
    Ok(project)
}

/// The element `e` opens inside `open`: what it adds to the project. `text` starts collecting
/// when it is a source's `PlainTextContent`.
fn take(
    project: &mut Project,
    open: &Open,
    e: &BytesStart<'_>,
    text: &mut Option<String>,
) -> Result<(), String> {
    let name = e.local_name();
    let depth = open.path.len();
    let in_sources = open.sources > 0;
    match name.as_ref() {
        // A source: a direct child of <Sources>.
        _ if open.parent_is(b"Sources") => {
            let a = Attrs::of(e)?;
            project.sources.push(RawSource {
                guid: a.guid(b"guid"),
                name: a.get(b"name"),
                path: Some(a.get(b"plainTextPath")).filter(|p| !p.is_empty()),
                ..RawSource::default()
            });
        }
        // A PDF's, audio's or video's text: its selections are the source's.
        b"Representation" if depth == 3 && in_sources => {
            let p = Attrs::of(e)?.get(b"plainTextPath");
            if let Some(s) = project.sources.last_mut()
                && !p.is_empty()
            {
                s.path = Some(p);
            }
        }
        b"PlainTextContent" if in_sources && depth <= 4 => *text = Some(String::new()),
        b"PlainTextSelection" if in_sources => {
            let a = Attrs::of(e)?;
            if let Some(s) = project.sources.last_mut() {
                s.selections.push(RawSelection {
                    guid: a.guid(b"guid"),
                    name: a.get(b"name"),
                    start: a.get(b"startPosition"),
                    end: a.get(b"endPosition"),
                    codes: Vec::new(),
                });
            }
        }
        b"CodeRef" if open.parent_is(b"Coding") && open.selections > 0 => {
            let code = Attrs::of(e)?.guid(b"targetGUID");
            if let Some(sel) = project
                .sources
                .last_mut()
                .and_then(|s| s.selections.last_mut())
            {
                sel.codes.push(code);
            }
        }
        b"Code" if open.codebook > 0 => {
            let a = Attrs::of(e)?;
            project.codes.insert(a.guid(b"guid"), a.get(b"name"));
        }
        b"Case" if open.parent_is(b"Cases") => {
            project.cases.push((Attrs::of(e)?.get(b"name"), Vec::new()));
        }
        b"SourceRef" | b"SelectionRef" if open.parent_is(b"Case") => {
            let target = Attrs::of(e)?.guid(b"targetGUID");
            if let Some((_, refs)) = project.cases.last_mut() {
                refs.push(target);
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture;
    use std::fmt::Write as _;
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
                    proptest::prop_assert!(spaced(&inner).contains(&c.citation.excerpt));
                }
            }
        }
    }

    /// A project of `sources` (name, text file) with one selection each, and the files.
    fn several(sources: &[(&str, &str)], files: &[(&str, &str)]) -> Vec<u8> {
        let mut elements = String::new();
        for (i, (name, file)) in sources.iter().enumerate() {
            let _ = write!(
                elements,
                r#"<TextSource guid="s-{i}" name="{name}" plainTextPath="internal://{file}">{}</TextSource>"#,
                selection(&format!("x{i}"), 0, 6, "c-b")
            );
        }
        let qde = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t">
<CodeBook><Codes><Code guid="c-b" name="b" isCodable="true"/></Codes></CodeBook>
<Sources>{elements}</Sources></Project>"#
        );
        qdpx(&qde, files)
    }

    #[test]
    fn a_text_named_by_many_sources_is_unpacked_once_within_the_budget() {
        let session = fixture::session();
        let long = format!("{TEXT}{}", " ".repeat(1000));
        let many: Vec<(&str, &str)> = (0..5).map(|_| ("Source", "t.txt")).collect();
        let bytes = several(&many, &[("sources/t.txt", &long)]);
        // The budget holds project.qde and the text once, not five times.
        let budget = (long.len() * 2 + 2000) as u64;
        let out = import_within(&bytes, "p", &session, budget).expect("read once");
        assert_eq!(out.candidates.len() + out.skipped.len(), 5);
        // Five different texts of that size do not fit: the import stops, saying why.
        let files: Vec<(String, String)> = (0..5)
            .map(|i| (format!("sources/t{i}.txt"), long.clone()))
            .collect();
        let names: Vec<String> = (0..5).map(|i| format!("t{i}.txt")).collect();
        let sources: Vec<(&str, &str)> = names.iter().map(|n| ("Source", n.as_str())).collect();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let bytes = several(&sources, &refs);
        assert_eq!(
            import_within(&bytes, "p", &session, budget).expect_err("over budget"),
            ImportError::TooMuchText
        );
    }

    #[test]
    fn a_source_named_otherwise_is_placed_by_the_quotes_it_holds_unless_two_tie() {
        let mut session = fixture::session();
        let d = &mut session.dossier;
        let mut other = d.sources[0].clone();
        other.id = "autre".into();
        other.title = "Autre".into();
        d.sources.push(other);
        d.positions[0].citation.excerpt = "Nous demandons davantage de moyens.".into();
        d.positions[1].citation.excerpt = "Une phrase de l’autre document, assez longue.".into();
        d.positions[1].citation.source = "autre".into();
        d.positions[1].stakeholder = "a".into();
        let inner = format!(
            "<PlainTextContent>{TEXT}</PlainTextContent>{}",
            selection("x1", 0, 6, "c-b")
        );
        let out = run(&project("Entretien codé", "", &inner, ""), &[], &session);
        assert_eq!(out.candidates[0].citation.source.as_str(), "src", "{out:?}");
        // Both sources' quotes in the text: a tie, placed nowhere.
        let both = format!("{TEXT} Une phrase de l’autre document, assez longue.");
        let inner = format!(
            "<PlainTextContent>{both}</PlainTextContent>{}",
            selection("x1", 0, 6, "c-b")
        );
        let out = run(&project("Entretien codé", "", &inner, ""), &[], &session);
        assert_eq!(out.skipped[0].why, Why::NoSource);
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
        assert_eq!(
            err(&broken).message(Lang::Fr).split(' ').next(),
            Some("project.qde:1:19")
        );
        // Cut short, an attribute without quotes, an unknown entity in a name: refused where.
        let whole = project("Source", "", &selection("x", 0, 6, "c-x"), "");
        let cut = &whole[..whole.find("</Coding>").expect("coding")];
        let e = err(&qdpx(cut, &[]));
        assert!(e.to_string().contains("cut short"), "{e}");
        for broken in [
            whole.replace(r#"name="x""#, "name=x"),
            whole.replace(r#"name="Source""#, r#"name="S&lol;""#),
        ] {
            let e = err(&qdpx(&broken, &[]));
            assert!(matches!(e, ImportError::Xml { line: 4, .. }), "{e}");
        }
        assert_eq!(err(&qdpx("", &[])), ImportError::NotAProject(String::new()));
        assert!(err(&qdpx("", &[])).to_string().contains("no XML element"));
    }

    #[test]
    fn positions_that_are_no_character_counts_are_named_and_a_bad_text_skips_its_source_only() {
        let mut session = fixture::session();
        session.dossier.sources[0].stakeholder = Some("a".into());
        let bad = |start: &str, end: &str| {
            let sel = format!(
                r#"<PlainTextSelection guid="g" startPosition="{start}" endPosition="{end}"/>"#
            );
            let inner = format!("<PlainTextContent>{TEXT}</PlainTextContent>{sel}");
            run(&project("Source", "", &inner, ""), &[], &session).skipped[0].clone()
        };
        for (start, end) in [
            ("-5", "10"),
            ("abc", "3"),
            ("99999999999999999999999", "1"),
            ("8", "2"),
        ] {
            let skipped = bad(start, end);
            assert_eq!(
                skipped.why,
                Why::BadPosition {
                    start: start.to_owned(),
                    end: end.to_owned()
                }
            );
            let said = format!("startPosition=\"{start}\"");
            assert!(skipped.message(Lang::En).contains(&said));
        }
        assert_eq!(bad("4", "4").why, Why::Empty);
        // Two sources: one text is not UTF-8, the other is read all the same.
        let two = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Sources>
<TextSource guid="s-1" name="Source" plainTextPath="internal://a.txt">{}</TextSource>
<TextSource guid="s-2" name="Source" plainTextPath="internal://b.txt">{}</TextSource>
</Sources></Project>"#,
            selection("x1", 0, 6, "c-x"),
            selection("x2", 0, 3, "c-x"),
        );
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("project.qde", options).expect("entry");
        zip.write_all(two.as_bytes()).expect("write");
        zip.start_file("sources/a.txt", options).expect("entry");
        zip.write_all(b"caf\xe9 latin-1").expect("write");
        zip.start_file("sources/b.txt", options).expect("entry");
        zip.write_all("Les deux.".as_bytes()).expect("write");
        let bytes = zip.finish().expect("zip").into_inner();
        let out = import(&bytes, "p", &session).expect("imports");
        assert_eq!(out.candidates.len(), 1);
        assert_eq!(out.candidates[0].citation.excerpt, "Les");
        assert!(matches!(&out.skipped[0].why, Why::Unreadable(w) if w.contains("not UTF-8")));
    }
}
