//! A new dossier drafted from a folder of documents (`visavis dossier init`, and the window's
//! *New dossier from a folder*): one source per readable document, one stakeholder per
//! sub-folder, and, from one document chosen, measures proposed from its numbered items.
//!
//! It lives in `sources` because all it does is read documents — through the same isolated
//! reader as `validate` and the window ([`super::extract_isolated`]) — and say what they are; it
//! writes nothing: the caller saves the [`Draft`]'s dossier through `persist`. Like the rest of
//! `sources` it builds without the window.
//!
//! What the draft proposes, and the author checks:
//!
//! - a [`Source`] per document (`.txt .md .html .htm .docx .odt .pdf`), in file-name order, the
//!   top-level ones first: its id from the file name (slugged, `-2` when taken), its title from
//!   the document's metadata ([`meta`]) else its first paragraph (a Markdown heading's line) else its file name, its
//!   organisation the sub-folder's name (`Gouvernement` at the top level), its date from the
//!   metadata else a date in the file name (`2020-07-21`, `20200721`) else the year the file
//!   was last modified, its kind `Official` at the top level and `Contribution` in a
//!   sub-folder, its `file` the path from the folder with `/`, its stakeholder the sub-folder's;
//! - a [`Stakeholder`] per sub-folder (its id slugged from the name, its name the folder's);
//!   documents in deeper folders are that sub-folder's;
//! - measures and pillars from [`measures::propose`], when a document is named for them; no
//!   position (they come from picking quotes in the reader).
//!
//! Hidden files and folders (`.name`), office lock files (`~$name`, `.~lock`), symbolic links to
//! folders, sessions, dossiers and their backups (`.ron`, `.bak`) and the files of
//! [`DraftOptions::skip`] (the dossier being written) are left out without a warning.
//! A document that cannot be read is skipped with a [`DraftWarning`]; the draft fails only when
//! no document is left. Some warnings are [blocking](DraftWarning::is_blocking) — an unreadable
//! document, two sources with the same title and date —: `dossier init` refuses to write the
//! draft while they remain (the window shows them in its review, where the user drops or
//! renames the proposals).
//!
//! A draft without measures has no pillar either, and validates as it is: the validator asks
//! every measure for a citation and a pillar and every pillar for a measure, not a dossier for
//! a measure.

pub mod measures;
pub mod meta;

use crate::i18n::Lang;
use crate::model::{Dossier, Source, SourceId, SourceKind, Stakeholder, StakeholderId};
use crate::progress::Progress;
use crate::sources::{Extracted, Format, Limits, extract_isolated};
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

pub use measures::{Proposed, propose};

/// The organisation of the documents at the top of the folder.
pub const GOVERNMENT: &str = "Gouvernement";

/// How deep sub-folders are walked below the folder.
const MAX_DEPTH: usize = 8;

/// What to draft, besides the folder.
#[derive(Clone, Debug, Default)]
pub struct DraftOptions {
    /// The document to propose measures from (a path as given, or relative to the folder); it
    /// must be one of the folder's documents.
    pub measures_from: Option<PathBuf>,
    /// The dossier's id (default: slugged from the folder's name).
    pub id: Option<String>,
    /// The dossier's title (default: the folder's name).
    pub title: Option<String>,
    /// Files not to read: the dossier being written.
    pub skip: Vec<PathBuf>,
    /// The limits of the isolated reader (and the program it runs).
    pub limits: Limits,
}

/// A drafted dossier and what the author should know about it.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The dossier, which validates as it is.
    pub dossier: Dossier,
    /// What was skipped or looks wrong, in the folder's order.
    pub warnings: Vec<DraftWarning>,
    /// Every file left out, and why (hidden files and the output too).
    pub skipped: Vec<Skipped>,
}

/// A file of the folder that gave no source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Its path from the folder, with `/`.
    pub file: String,
    /// Why.
    pub reason: SkipReason,
}

/// Why a file gave no source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A hidden file, or an office program's lock file.
    Hidden,
    /// One of [`DraftOptions::skip`]: the dossier being written.
    Output,
    /// A session or dossier file (`.ron`) or a backup (`.bak`) beside the documents.
    SessionFile,
    /// Its extension is no source document format.
    Unsupported,
    /// The reader refused it: why, in English and in French (without the file's name).
    Unreadable(String, String),
}

impl Skipped {
    /// What happened to the file, without its name.
    #[must_use]
    pub fn message(&self) -> String {
        format!("skipped: {}", skip_words(&self.reason))
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message())
    }
}

/// Something in a draft the author should look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftWarning {
    /// A document that is no source document or cannot be read.
    Skipped(Skipped),
    /// Two documents with the same title and date: the same document twice?
    SameTitleAndDate {
        /// The first document's file.
        first: String,
        /// The second's.
        second: String,
        /// Their title.
        title: String,
        /// Their date.
        date: String,
    },
    /// A sub-folder (a stakeholder) with no readable document.
    EmptyStakeholder {
        /// The sub-folder's name.
        folder: String,
    },
    /// The document named for measures has no numbered item or heading.
    NoMeasure {
        /// Its file.
        file: String,
    },
}

impl DraftWarning {
    /// Whether the draft would be wrong as written: a document of the folder that is missing
    /// from it (it has a source document's extension but cannot be read), or two sources a
    /// reader cannot tell apart (the report and the reader name a source by title and date).
    /// A file in no source format, a stakeholder without documents or a document without
    /// numbered items only leave less to check.
    #[must_use]
    pub fn is_blocking(&self) -> bool {
        matches!(
            self,
            Self::Skipped(Skipped {
                reason: SkipReason::Unreadable(..),
                ..
            }) | Self::SameTitleAndDate { .. }
        )
    }

    /// The file or folder (with a final `/`) it is about, from the folder.
    #[must_use]
    pub fn file(&self) -> String {
        match self {
            Self::Skipped(s) => s.file.clone(),
            Self::SameTitleAndDate { second, .. } => second.clone(),
            Self::EmptyStakeholder { folder } => format!("{folder}/"),
            Self::NoMeasure { file } => file.clone(),
        }
    }

    /// What is wrong, without the file's name.
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            Self::Skipped(s) => s.message(),
            Self::SameTitleAndDate {
                first, title, date, ..
            } => format!("same title \"{title}\" and date {date} as {first}: the same document twice?"),
            Self::EmptyStakeholder { .. } => {
                "no readable document; the stakeholder is kept without sources".to_owned()
            }
            Self::NoMeasure { .. } => "no numbered item (\"Mesure 12 :\", \"1)\", \"1.\", \"I.\", \"a)\") found: no measure proposed".to_owned(),
        }
    }
}

impl DraftWarning {
    /// The file and what is wrong, in `lang` (a reader's refusal is quoted as it said it).
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let what = match self {
            Self::Skipped(s) => format!(
                "ignoré\u{a0}: {}",
                match &s.reason {
                    SkipReason::Hidden => "un fichier caché ou temporaire".to_owned(),
                    SkipReason::Output => "le dossier en cours d’écriture".to_owned(),
                    SkipReason::SessionFile => "une session, un dossier ou une sauvegarde".to_owned(),
                    SkipReason::Unsupported => "pas un document source (.txt, .md, .html, .htm, .docx, .odt, .pdf)".to_owned(),
                    SkipReason::Unreadable(_, pourquoi) => format!("illisible ({pourquoi})"),
                }
            ),
            Self::SameTitleAndDate {
                first, title, date, ..
            } => format!(
                "même titre «\u{a0}{title}\u{a0}» et même date {date} que {first}\u{a0}: deux fois le même document\u{a0}? Décochez-en un ou renommez-le"
            ),
            Self::EmptyStakeholder { .. } => {
                "aucun document lisible\u{a0}; la partie prenante est gardée sans source".to_owned()
            }
            Self::NoMeasure { .. } => "aucun élément numéroté («\u{a0}Mesure 12\u{a0}:\u{a0}», «\u{a0}1)\u{a0}», «\u{a0}1.\u{a0}», «\u{a0}I.\u{a0}», «\u{a0}a)\u{a0}»)\u{a0}: aucune mesure proposée".to_owned(),
        };
        format!("{}\u{a0}: {what}", self.file())
    }
}

impl fmt::Display for DraftWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file(), self.message())
    }
}

/// Why no draft was made.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// The folder cannot be listed.
    #[error("{}: cannot read the folder: {source}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The path is no folder.
    #[error("{}: not a folder", path.display())]
    NotAFolder {
        /// The path given.
        path: PathBuf,
    },
    /// No document of the folder could be read.
    #[error("{}: no readable document{}", folder.display(), list(skipped))]
    NoDocument {
        /// The folder.
        folder: PathBuf,
        /// Every file skipped, and why.
        skipped: Vec<Skipped>,
    },
    /// The document named for measures is not one of the folder's readable documents.
    #[error("{}: {reason}", path.display())]
    MeasuresFrom {
        /// The path given.
        path: PathBuf,
        /// Why it cannot be used.
        reason: String,
    },
    /// The caller cancelled.
    #[error("cancelled")]
    Cancelled,
}

fn list(skipped: &[Skipped]) -> String {
    if skipped.is_empty() {
        return " (the folder is empty)".to_owned();
    }
    let mut s = String::from("; skipped:");
    for k in skipped {
        s.push_str("\n  ");
        s.push_str(&k.to_string());
    }
    s
}

/// A file found in the folder.
struct Found {
    /// From the folder, with `/`.
    file: String,
    path: PathBuf,
    /// Index of the sub-folder's stakeholder.
    stakeholder: Option<usize>,
}

/// Draft a dossier from the documents of `folder` (see the module's documentation), reporting
/// into `progress` and stopping when it is cancelled.
///
/// # Errors
/// When `folder` is no readable folder, when none of its documents can be read (the error
/// lists each file skipped and why), when [`DraftOptions::measures_from`] is not one of its
/// readable documents, or when cancelled.
pub fn draft(
    folder: &Path,
    options: &DraftOptions,
    progress: &Progress,
) -> Result<Draft, DraftError> {
    let meta = std::fs::metadata(folder).map_err(|source| DraftError::Folder {
        path: folder.to_owned(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(DraftError::NotAFolder {
            path: folder.to_owned(),
        });
    }
    let folder_name = folder_name(folder);
    let mut folders: Vec<String> = Vec::new();
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    walk(folder, "", None, 0, &mut folders, &mut found, &mut skipped)?;
    let skip: Vec<PathBuf> = options.skip.iter().map(|p| canonical(p)).collect();
    let measures_from = options
        .measures_from
        .as_ref()
        .map(|p| resolve_in(folder, p));

    let mut taken_stakeholders = BTreeSet::new();
    let stakeholders: Vec<Stakeholder> = folders
        .iter()
        .map(|name| Stakeholder {
            id: StakeholderId::from(
                unique(&slug(name, "acteur"), &mut taken_stakeholders).as_str(),
            ),
            name: name.clone(),
            full_name: name.clone(),
            description: String::new(),
        })
        .collect();

    let mut sources: Vec<Source> = Vec::new();
    let mut warnings = Vec::new();
    let mut taken_sources = BTreeSet::new();
    let mut measures_text: Option<(Extracted, SourceId, String, String)> = None;
    let mut measures_problem: Option<String> = None;
    let total = found.len().max(1);
    for (n, f) in found.into_iter().enumerate() {
        if progress.is_cancelled() {
            return Err(DraftError::Cancelled);
        }
        #[allow(clippy::cast_precision_loss)]
        progress.set(n as f64 / total as f64);
        let is_measures = measures_from
            .as_ref()
            .is_some_and(|m| *m == canonical(&f.path));
        let reason = if skip.contains(&canonical(&f.path)) {
            Some(SkipReason::Output)
        } else if f
            .path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron") || e.eq_ignore_ascii_case("bak"))
        {
            Some(SkipReason::SessionFile)
        } else if Format::of(&f.path).is_none() {
            Some(SkipReason::Unsupported)
        } else {
            None
        };
        if let Some(reason) = reason {
            if is_measures {
                measures_problem = Some(skip_words(&reason));
            }
            skipped.push(Skipped {
                file: f.file,
                reason,
            });
            continue;
        }
        let text = match extract_isolated(&f.path, &options.limits) {
            Ok(text) => text,
            Err(e) => {
                let why = e.to_string();
                let prefix = format!("{}: ", f.path.display());
                let why = why.strip_prefix(&prefix).unwrap_or(&why).to_owned();
                let pourquoi = e.in_lang(Lang::Fr);
                let prefix = format!("{}\u{a0}: ", f.path.display());
                let pourquoi = pourquoi
                    .strip_prefix(&prefix)
                    .unwrap_or(&pourquoi)
                    .to_owned();
                if is_measures {
                    measures_problem = Some(format!("cannot be read: {why}"));
                }
                skipped.push(Skipped {
                    file: f.file,
                    reason: SkipReason::Unreadable(why, pourquoi),
                });
                continue;
            }
        };
        let source = source(&f, &text, &stakeholders, &mut taken_sources);
        if is_measures {
            measures_text = Some((
                text,
                source.id.clone(),
                source.title.clone(),
                f.file.clone(),
            ));
        }
        sources.push(source);
    }
    progress.set(1.0);
    for s in &skipped {
        if matches!(
            s.reason,
            SkipReason::Unsupported | SkipReason::Unreadable(..)
        ) {
            warnings.push(DraftWarning::Skipped(s.clone()));
        }
    }
    if sources.is_empty() {
        return Err(DraftError::NoDocument {
            folder: folder.to_owned(),
            skipped,
        });
    }
    if let Some(path) = &options.measures_from
        && measures_text.is_none()
    {
        return Err(DraftError::MeasuresFrom {
            path: path.clone(),
            reason: measures_problem.unwrap_or_else(|| {
                format!(
                    "not one of the documents of {}; measures cite a source of the dossier",
                    folder.display()
                )
            }),
        });
    }
    for (i, later) in sources.iter().enumerate() {
        if let Some(first) = sources[..i]
            .iter()
            .find(|s| s.title == later.title && s.date == later.date)
        {
            warnings.push(DraftWarning::SameTitleAndDate {
                first: first.file.clone().unwrap_or_default(),
                second: later.file.clone().unwrap_or_default(),
                title: later.title.clone(),
                date: later.date.clone(),
            });
        }
    }
    for s in &stakeholders {
        if !sources
            .iter()
            .any(|x| x.stakeholder.as_ref() == Some(&s.id))
        {
            warnings.push(DraftWarning::EmptyStakeholder {
                folder: s.name.clone(),
            });
        }
    }
    let proposed = match measures_text {
        Some((text, id, title, file)) => {
            let p = propose(&text, &id, &title);
            if p.measures.is_empty() {
                warnings.push(DraftWarning::NoMeasure { file });
            }
            p
        }
        None => Proposed::default(),
    };
    let dossier = Dossier {
        id: options
            .id
            .clone()
            .unwrap_or_else(|| slug(&folder_name, "dossier")),
        title: options.title.clone().unwrap_or_else(|| folder_name.clone()),
        description: String::new(),
        sources,
        pillars: proposed.pillars,
        measures: proposed.measures,
        stakeholders,
        positions: Vec::new(),
    };
    Ok(Draft {
        dossier,
        warnings,
        skipped,
    })
}

fn skip_words(reason: &SkipReason) -> String {
    match reason {
        SkipReason::Hidden => "a hidden or temporary file".to_owned(),
        SkipReason::Output => "the dossier being written".to_owned(),
        SkipReason::SessionFile => "a session, a dossier or a backup".to_owned(),
        SkipReason::Unsupported => {
            "not a source document (.txt, .md, .html, .htm, .docx, .odt, .pdf)".to_owned()
        }
        SkipReason::Unreadable(why, _) => why.clone(),
    }
}

/// The source a readable document gives.
fn source(
    f: &Found,
    text: &Extracted,
    stakeholders: &[Stakeholder],
    taken: &mut BTreeSet<String>,
) -> Source {
    let name = f.file.rsplit('/').next().unwrap_or(&f.file);
    let stem = Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned());
    let format = Format::of(&f.path);
    let meta = format
        .filter(|f| !matches!(f, Format::Text | Format::Markdown))
        .and_then(|format| {
            let bytes = std::fs::read(&f.path).ok()?;
            // A reader's panic here only loses the metadata.
            std::panic::catch_unwind(|| meta::read(&bytes, format)).ok()
        })
        .unwrap_or_default();
    let title = meta
        .title
        .or_else(|| first_line(text))
        .unwrap_or_else(|| stem.clone());
    let date = meta
        .date
        .or_else(|| date_in_name(name))
        .or_else(|| modified_year(&f.path))
        .unwrap_or_default();
    let owner = f.stakeholder.and_then(|i| stakeholders.get(i));
    Source {
        id: SourceId::from(unique(&slug(&stem, "source"), taken).as_str()),
        title,
        organisation: owner.map_or_else(|| GOVERNMENT.to_owned(), |s| s.name.clone()),
        date,
        kind: if owner.is_some() {
            SourceKind::Contribution
        } else {
            SourceKind::Official
        },
        file: Some(f.file.clone()),
        url: None,
        stakeholder: owner.map(|s| s.id.clone()),
    }
}

/// The document's first paragraph (its first line when it is a Markdown heading), white space
/// normalised and shortened: a plain text's title is often wrapped over two lines.
fn first_line(text: &Extracted) -> Option<String> {
    let first = text.paragraphs.first()?.text.trim_start();
    let first = if first.starts_with('#') {
        first
            .lines()
            .next()
            .unwrap_or(first)
            .trim_start_matches('#')
    } else {
        first
    };
    let first = meta::normalise(first);
    (!first.is_empty()).then(|| measures::shorten(&first))
}

/// A date written in a file name: `2020-07-21`, `2020_07_21` or `20200721`, not within a longer
/// number.
fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let free = |start: usize, end: usize| (start == 0 || !digit(start - 1)) && !digit(end);
    for i in 0..b.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            continue;
        }
        let separated = (0..4).all(|k| digit(i + k))
            && matches!(b.get(i + 4), Some(b'-' | b'_'))
            && digit(i + 5)
            && digit(i + 6)
            && b.get(i + 7) == b.get(i + 4)
            && digit(i + 8)
            && digit(i + 9)
            && free(i, i + 10);
        if separated && meta::plausible(&name[i..i + 4], &name[i + 5..i + 7], &name[i + 8..i + 10])
        {
            return Some(format!(
                "{}-{}-{}",
                &name[i..i + 4],
                &name[i + 5..i + 7],
                &name[i + 8..i + 10]
            ));
        }
        let packed = (0..8).all(|k| digit(i + k)) && free(i, i + 8);
        if packed && meta::plausible(&name[i..i + 4], &name[i + 4..i + 6], &name[i + 6..i + 8]) {
            return Some(format!(
                "{}-{}-{}",
                &name[i..i + 4],
                &name[i + 4..i + 6],
                &name[i + 6..i + 8]
            ));
        }
    }
    None
}

/// The year `path` was last modified, in UTC.
fn modified_year(path: &Path) -> Option<String> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let stamp = humantime::format_rfc3339(modified).to_string();
    stamp.get(..4).map(str::to_owned)
}

/// An id from `name`: ASCII letters and digits, lower case, words joined by `-`, at most about
/// 40 characters; `fallback` when nothing is left.
#[must_use]
pub fn slug(name: &str, fallback: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() && out.len() + word.len() >= 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// `stem`, or `stem-2`, `stem-3`… the first not in `taken`, which it joins.
fn unique(stem: &str, taken: &mut BTreeSet<String>) -> String {
    let mut id = stem.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

fn folder_name(folder: &Path) -> String {
    let canonical = canonical(folder);
    canonical
        .file_name()
        .or_else(|| folder.file_name())
        .map_or_else(
            || "dossier".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
}

/// `path` made absolute and its links resolved, as far as it exists (a file not written yet
/// is its folder's canonical path and its name).
fn canonical(path: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(path) {
        return c;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            std::fs::canonicalize(parent).map_or_else(|_| path.to_owned(), |p| p.join(name))
        }
        _ => path.to_owned(),
    }
}

/// The canonical path `given` names: as given when it exists, else within `folder`.
fn resolve_in(folder: &Path, given: &Path) -> PathBuf {
    if given.exists() || given.is_absolute() {
        canonical(given)
    } else {
        canonical(&folder.join(given))
    }
}

/// Whether a file or folder name is hidden or an office program's temporary file.
fn hidden(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$")
}

/// Collect the files under `dir` (`rel` from the folder), sorted by name, the files of a
/// folder before its sub-folders; each top-level sub-folder becomes a stakeholder.
fn walk(
    dir: &Path,
    rel: &str,
    stakeholder: Option<usize>,
    depth: usize,
    folders: &mut Vec<String>,
    found: &mut Vec<Found>,
    skipped: &mut Vec<Skipped>,
) -> Result<(), DraftError> {
    let entries = std::fs::read_dir(dir).map_err(|source| DraftError::Folder {
        path: dir.to_owned(),
        source,
    });
    let entries = match entries {
        Ok(e) => e,
        // Below the top, a folder that cannot be listed is left out.
        Err(_) if depth > 0 => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut names: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    names.sort();
    let mut subfolders = Vec::new();
    for (name, path) in names {
        let file = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let Ok(link) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        // A link to a folder could loop; a link to a file is read.
        let is_dir = link.is_dir();
        if hidden(&name) {
            if !is_dir {
                skipped.push(Skipped {
                    file,
                    reason: SkipReason::Hidden,
                });
            }
            continue;
        }
        if is_dir {
            subfolders.push((name, path, file));
        } else if std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            found.push(Found {
                file,
                path,
                stakeholder,
            });
        }
    }
    if depth >= MAX_DEPTH {
        return Ok(());
    }
    for (name, path, file) in subfolders {
        let owner = stakeholder.or_else(|| {
            folders.push(name);
            Some(folders.len() - 1)
        });
        walk(&path, &file, owner, depth + 1, folders, found, skipped)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugged_and_made_unique() {
        assert_eq!(
            slug("Fédération Hospitalière de France", "x"),
            "federation-hospitaliere-de-france"
        );
        assert_eq!(slug("  ", "acteur"), "acteur");
        assert!(slug(&"mot ".repeat(30), "x").len() <= 40);
        let mut taken = BTreeSet::new();
        assert_eq!(unique("cnom", &mut taken), "cnom");
        assert_eq!(unique("cnom", &mut taken), "cnom-2");
        assert_eq!(unique("cnom", &mut taken), "cnom-3");
    }

    #[test]
    fn a_date_in_a_file_name_is_found() {
        assert_eq!(
            date_in_name("cp-2020-07-21.pdf").as_deref(),
            Some("2020-07-21")
        );
        assert_eq!(
            date_in_name("20200721_conclusions.docx").as_deref(),
            Some("2020-07-21")
        );
        assert_eq!(
            date_in_name("note_2020_05_25.txt").as_deref(),
            Some("2020-05-25")
        );
        assert_eq!(date_in_name("ref-120200721.txt"), None);
        assert_eq!(date_in_name("2020-07.txt"), None);
        assert_eq!(date_in_name("20201399.txt"), None);
    }

    #[test]
    fn a_title_is_the_first_line_without_heading_marks() {
        let text = Extracted::from_blocks([("## Contribution\nde l'Uniopss", None)]);
        assert_eq!(first_line(&text).as_deref(), Some("Contribution"));
        let text = Extracted::from_blocks([(" Ségur de la santé : \nune prise en compte", None)]);
        assert_eq!(
            first_line(&text).as_deref(),
            Some("Ségur de la santé : une prise en compte")
        );
    }
}
