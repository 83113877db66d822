//! Where a source's document is looked for, and reading every source of a dossier.
//!
//! A [`crate::model::Source`]'s `file` names its document, relative to a folder: the folder
//! given with `--sources DIR` (or picked in the window), then `VISAVIS_SOURCES_DIR`, then the
//! folder of the session or dossier file, in that order; the first that holds the file wins.
//! The name must stay inside the folder: an absolute name or one with `..` is refused, so a
//! dossier from elsewhere cannot make the app read any file of the machine.

use super::{ExtractError, Limits, SourceText, extract_isolated};
use crate::model::{Dossier, Source, SourceId};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The environment variable naming a folder of source documents.
pub const ENV_VAR: &str = "VISAVIS_SOURCES_DIR";

/// The folders a source's document is looked for in, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceDirs {
    /// The folders, first first.
    pub dirs: Vec<PathBuf>,
}

impl SourceDirs {
    /// `given` (`--sources DIR`), then `VISAVIS_SOURCES_DIR` when set, then the folder of
    /// `file` (the session or dossier).
    #[must_use]
    pub fn new(given: Option<&Path>, file: Option<&Path>) -> Self {
        let env = std::env::var_os(ENV_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        Self::with(given, env.as_deref(), file)
    }

    /// As [`SourceDirs::new`], with the environment's folder given.
    #[must_use]
    pub fn with(given: Option<&Path>, env: Option<&Path>, file: Option<&Path>) -> Self {
        let beside = file.map(|f| match f.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        });
        let mut dirs: Vec<PathBuf> = Vec::new();
        for d in [given.map(Path::to_owned), env.map(Path::to_owned), beside]
            .into_iter()
            .flatten()
        {
            if !dirs.contains(&d) {
                dirs.push(d);
            }
        }
        Self { dirs }
    }
}

/// Why a source has no source text.
#[derive(Debug, thiserror::Error)]
pub enum Unavailable {
    /// The source names no document.
    #[error("source {id} names no file: its citations cannot be verified")]
    NoFile {
        /// The source.
        id: SourceId,
    },
    /// The name leaves the folder.
    #[error(
        "source {id}: the file name {name:?} must be relative to the sources folder, without `..`"
    )]
    Refused {
        /// The source.
        id: SourceId,
        /// Its `file`.
        name: String,
    },
    /// In none of the folders.
    #[error("source {id}: {name} is not in {}", looked_in(.dirs))]
    Missing {
        /// The source.
        id: SourceId,
        /// Its `file`.
        name: String,
        /// Where it was looked for.
        dirs: Vec<PathBuf>,
    },
    /// Found, but it could not be read.
    #[error("source {id}: {error}")]
    Unreadable {
        /// The source.
        id: SourceId,
        /// Why.
        error: ExtractError,
    },
}

impl Unavailable {
    /// Why the source has no text, in `lang`.
    #[must_use]
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        if lang == crate::i18n::Lang::En {
            return self.to_string();
        }
        match self {
            Self::NoFile { id } => format!(
                "la source {id} ne nomme aucun fichier\u{a0}: ses citations ne peuvent pas être vérifiées"
            ),
            Self::Refused { id, name } => format!(
                "source {id}\u{a0}: le nom de fichier «\u{a0}{name}\u{a0}» doit être relatif au dossier des documents, sans «\u{a0}..\u{a0}»"
            ),
            Self::Missing { id, name, dirs } if dirs.is_empty() => format!(
                "source {id}\u{a0}: {name} n’est dans aucun dossier (choisissez celui des documents\u{a0}: Documents sources → Dossier des documents sources…)"
            ),
            Self::Missing { id, name, dirs } => format!(
                "source {id}\u{a0}: {name} n’est pas dans {}",
                dirs.iter()
                    .map(|d| d.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ni dans ")
            ),
            Self::Unreadable { id, error } => {
                format!(
                    "source {id}\u{a0}: {}",
                    error.in_lang(crate::i18n::Lang::Fr)
                )
            }
        }
    }
}

fn looked_in(dirs: &[PathBuf]) -> String {
    if dirs.is_empty() {
        return "any folder (give one with --sources DIR or VISAVIS_SOURCES_DIR)".to_owned();
    }
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", nor in ")
}

/// The path of `source`'s document: the first of `dirs` that holds it.
///
/// # Errors
/// When the source names no file, a name outside the folder, or a file in none of `dirs`.
pub fn resolve(dirs: &SourceDirs, source: &Source) -> Result<PathBuf, Unavailable> {
    let Some(name) = source.file.as_deref() else {
        return Err(Unavailable::NoFile {
            id: source.id.clone(),
        });
    };
    let relative = Path::new(name);
    if name.is_empty()
        || !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(Unavailable::Refused {
            id: source.id.clone(),
            name: name.to_owned(),
        });
    }
    dirs.dirs
        .iter()
        .map(|d| d.join(relative))
        .find(|p| p.is_file())
        .ok_or_else(|| Unavailable::Missing {
            id: source.id.clone(),
            name: name.to_owned(),
            dirs: dirs.dirs.clone(),
        })
}

/// The source texts of a dossier, and why the others have none.
#[derive(Debug, Default)]
pub struct SourceTexts {
    /// Each source read, by id.
    pub texts: BTreeMap<SourceId, SourceText>,
    /// The path each text was read from.
    pub paths: BTreeMap<SourceId, PathBuf>,
    /// The sources without text, in dossier order.
    pub unavailable: Vec<Unavailable>,
}

impl SourceTexts {
    /// The text of `id`, if it was read.
    #[must_use]
    pub fn get(&self, id: &SourceId) -> Option<&SourceText> {
        self.texts.get(id)
    }
}

/// Find and read every source of `dossier` that its citations quote (`all`: every source that
/// names a document, as the reader wants them before the first quote is picked), each document
/// in a child process bounded by `limits` (see [`extract_isolated`]).
#[must_use]
pub fn read_sources(
    dossier: &Dossier,
    dirs: &SourceDirs,
    limits: &Limits,
    all: bool,
) -> SourceTexts {
    let quoted: std::collections::BTreeSet<&SourceId> = dossier
        .measures
        .iter()
        .flat_map(|m| m.citations.iter())
        .chain(dossier.positions.iter().map(|p| &p.citation))
        .map(|c| &c.source)
        .collect();
    let mut out = SourceTexts::default();
    let wanted = |s: &&crate::model::Source| {
        if all {
            s.file.is_some()
        } else {
            quoted.contains(&s.id)
        }
    };
    for source in dossier.sources.iter().filter(wanted) {
        match resolve(dirs, source) {
            Ok(path) => match extract_isolated(&path, limits) {
                Ok(extracted) => {
                    out.texts
                        .insert(source.id.clone(), SourceText::new(extracted));
                    out.paths.insert(source.id.clone(), path);
                }
                Err(error) => out.unavailable.push(Unavailable::Unreadable {
                    id: source.id.clone(),
                    error,
                }),
            },
            Err(e) => out.unavailable.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceKind;

    fn source(file: Option<&str>) -> Source {
        Source {
            id: SourceId::from("s1"),
            title: String::new(),
            organisation: String::new(),
            date: "2020".to_owned(),
            kind: SourceKind::Other,
            file: file.map(str::to_owned),
            url: None,
            stakeholder: None,
        }
    }

    #[test]
    fn folders_come_in_order_given_environment_then_beside_the_file() {
        let dirs = SourceDirs::with(
            Some(Path::new("/donnees")),
            Some(Path::new("/env")),
            Some(Path::new("analyses/s.ron")),
        );
        assert_eq!(
            dirs.dirs,
            [
                PathBuf::from("/donnees"),
                PathBuf::from("/env"),
                PathBuf::from("analyses")
            ]
        );
        assert_eq!(
            SourceDirs::with(None, None, Some(Path::new("s.ron"))).dirs,
            [PathBuf::from(".")]
        );
    }

    #[test]
    fn a_name_outside_the_folder_is_refused_and_a_missing_file_says_where_it_was_looked_for() {
        let dirs = SourceDirs::with(Some(Path::new("/nulle-part")), None, None);
        for bad in ["../secret.txt", "/etc/passwd", ""] {
            assert!(
                matches!(
                    resolve(&dirs, &source(Some(bad))),
                    Err(Unavailable::Refused { .. })
                ),
                "{bad}"
            );
        }
        let missing = resolve(&dirs, &source(Some("a.txt"))).expect_err("missing");
        assert_eq!(
            missing.to_string(),
            "source s1: a.txt is not in /nulle-part"
        );
        assert!(matches!(
            resolve(&dirs, &source(None)),
            Err(Unavailable::NoFile { .. })
        ));
    }
}
