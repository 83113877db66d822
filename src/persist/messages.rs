//! What persistence tells the user, in one place and in both languages: the warnings of a
//! load ([`Warning`]) and the load and save errors in French for the window (the command line
//! speaks English). Says what is wrong and where in an analyst's words, without the parser's
//! vocabulary.

use super::error::{LoadError, Location};
use crate::i18n::Lang;
use crate::model::{CellId, MeasureId, PositionId, Session, SourceId, StakeholderId};
use std::fmt;
use std::io::ErrorKind;

/// Something a load noticed and kept, worth telling the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// An assessment whose measure or stakeholder the dossier lacks, kept as an orphan.
    Orphan {
        /// The cell.
        cell: CellId,
    },
    /// An assessment cites, as evidence, a position of another stakeholder; the link is kept.
    MisattributedEvidence {
        /// The cell.
        cell: CellId,
        /// The position it cites.
        position: PositionId,
        /// The stakeholder whose position it is.
        owner: StakeholderId,
    },
    /// An assessment cites, as evidence, a position the dossier lacks; the link is kept.
    UnknownEvidence {
        /// The cell.
        cell: CellId,
        /// The position it cites.
        position: PositionId,
    },
    /// A time (`created` or `modified`) that is not RFC 3339: kept as written, so nothing the
    /// user wrote is lost, and shown after a mark that says it cannot be read.
    UnreadableTime {
        /// The cell whose `modified` it is; `None` for the session's own times.
        cell: Option<CellId>,
        /// The field: `created` or `modified`.
        field: &'static str,
        /// The time as written.
        written: String,
        /// Where it is written, when found.
        at: Option<Location>,
    },
    /// A synthesis or a candidate position names a stakeholder, measure or source the dossier
    /// lacks; it is kept as written.
    UnknownSubject {
        /// What names it.
        what: Unknown,
        /// Where the name is written, when found.
        at: Option<Location>,
    },
    /// Warnings past [`super::MAX_WARNINGS`], counted instead of listed.
    More {
        /// How many were left out.
        count: usize,
    },
}

/// What names an item the dossier lacks, in a [`Warning::UnknownSubject`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// The synthesis of a stakeholder the dossier lacks.
    StakeholderSynthesis(StakeholderId),
    /// The synthesis of a measure the dossier lacks.
    MeasureSynthesis(MeasureId),
    /// Candidate position `n` (from 1) is of a stakeholder the dossier lacks.
    CandidateStakeholder {
        /// Its place among the candidates, from 1.
        n: usize,
        /// The stakeholder as written.
        id: StakeholderId,
    },
    /// Candidate position `n` (from 1) quotes a source the dossier lacks.
    CandidateSource {
        /// Its place among the candidates, from 1.
        n: usize,
        /// The source as written.
        id: SourceId,
    },
}

impl Unknown {
    /// Where to look for the name in a file: the fields to find one after the other, then the
    /// name as written (`"uniopss":`, `source: "x"`).
    pub(super) fn written(&self) -> (&'static [&'static str], String) {
        let quoted = |id: &str| ron::to_string(id).unwrap_or_default();
        match self {
            Unknown::StakeholderSynthesis(id) => (
                &["syntheses:", "stakeholders:"],
                format!("{}:", quoted(id.as_str())),
            ),
            Unknown::MeasureSynthesis(id) => (
                &["syntheses:", "measures:"],
                format!("{}:", quoted(id.as_str())),
            ),
            Unknown::CandidateStakeholder { id, .. } => (
                &["candidates:"],
                format!("stakeholder: {}", quoted(id.as_str())),
            ),
            Unknown::CandidateSource { id, .. } => {
                (&["candidates:"], format!("source: {}", quoted(id.as_str())))
            }
        }
    }
}

impl Warning {
    /// Every warning `session` deserves: its orphan cells, then its misattributed evidence, then
    /// its evidence naming no position of the dossier, then its unreadable times (not located:
    /// [`super::load_bytes`] locates them in the file).
    #[must_use]
    pub fn of(session: &Session) -> Vec<Warning> {
        Self::all(session).collect()
    }

    /// The warnings of [`Warning::of`], one at a time: a load lists the first ones and only
    /// counts the rest.
    pub(super) fn all(session: &Session) -> impl Iterator<Item = Warning> + '_ {
        let orphans = session
            .orphans()
            .map(|(cell, _)| Warning::Orphan { cell: cell.clone() });
        let misattributed = session
            .misattributed_evidence()
            .into_iter()
            .map(|(cell, p, owner)| Warning::MisattributedEvidence {
                cell: cell.clone(),
                position: p.clone(),
                owner: owner.clone(),
            });
        let unknown =
            session
                .unknown_evidence()
                .into_iter()
                .map(|(cell, p)| Warning::UnknownEvidence {
                    cell: cell.clone(),
                    position: p.clone(),
                });
        let evidence = misattributed.chain(unknown);
        let own = [
            ("created", &session.created),
            ("modified", &session.modified),
        ]
        .into_iter()
        .map(|(field, t)| (None, field, t.as_str()));
        let cells = session
            .assessments
            .iter()
            .map(|(cell, a)| (Some(cell), "modified", a.modified.as_str()));
        // An empty time is unknown (a format-1 file had none), not unreadable.
        let times = own
            .chain(cells)
            .filter(|(_, _, t)| !t.is_empty() && !crate::model::is_rfc3339(t))
            .map(|(cell, field, t)| Warning::UnreadableTime {
                cell: cell.cloned(),
                field,
                written: t.to_owned(),
                at: None,
            });
        let d = &session.dossier;
        let syntheses = (session.syntheses.of_stakeholders())
            .filter(|(id, _)| d.stakeholder(id).is_none())
            .map(|(id, _)| Unknown::StakeholderSynthesis(id.clone()))
            .chain(
                (session.syntheses.of_measures())
                    .filter(|(id, _)| d.measure(id).is_none())
                    .map(|(id, _)| Unknown::MeasureSynthesis(id.clone())),
            );
        let candidates = session.candidates.iter().enumerate().flat_map(|(i, c)| {
            let n = i + 1;
            let who =
                (d.stakeholder(&c.stakeholder).is_none()).then(|| Unknown::CandidateStakeholder {
                    n,
                    id: c.stakeholder.clone(),
                });
            let source =
                (d.source(&c.citation.source).is_none()).then(|| Unknown::CandidateSource {
                    n,
                    id: c.citation.source.clone(),
                });
            who.into_iter().chain(source)
        });
        let unknown = syntheses
            .chain(candidates)
            .map(|what| Warning::UnknownSubject { what, at: None });
        orphans.chain(evidence).chain(times).chain(unknown)
    }

    /// The warning in `lang`.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> String {
        match (self, lang) {
            (Warning::Orphan { cell }, Lang::En) => format!(
                "the assessment of {cell} names a measure or stakeholder the dossier lacks; it is kept as an orphan"
            ),
            (Warning::Orphan { cell }, Lang::Fr) => format!(
                "l’appréciation de {cell} porte sur une mesure ou une partie prenante absente du dossier ; elle est conservée (orpheline)"
            ),
            (
                Warning::MisattributedEvidence {
                    cell,
                    position,
                    owner,
                },
                Lang::En,
            ) => format!(
                "the assessment of {cell} cites position \"{position}\", which is not a position of that stakeholder but of \"{owner}\"; the link is kept"
            ),
            (
                Warning::MisattributedEvidence {
                    cell,
                    position,
                    owner,
                },
                Lang::Fr,
            ) => format!(
                "l’appréciation de {cell} cite la position « {position} », qui n’est pas une position de cette partie prenante mais de « {owner} » ; le lien est conservé"
            ),
            (Warning::UnknownEvidence { cell, position }, Lang::En) => format!(
                "the assessment of {cell} cites position \"{position}\", which is not in the dossier; the link is kept"
            ),
            (Warning::UnknownEvidence { cell, position }, Lang::Fr) => format!(
                "l’appréciation de {cell} cite la position « {position} », absente du dossier ; le lien est conservé"
            ),
            (
                Warning::UnreadableTime {
                    cell,
                    field,
                    written,
                    at,
                },
                _,
            ) => unreadable_time(lang, cell.as_ref(), field, written, *at),
            (Warning::UnknownSubject { what, at }, _) => unknown_subject(lang, what, *at),
            (Warning::More { count }, _) => {
                let n = crate::i18n::format::number(
                    lang,
                    f64::from(u32::try_from(*count).unwrap_or(u32::MAX)),
                );
                match lang {
                    Lang::En => format!("… and {n} more warnings"),
                    Lang::Fr => format!("… et {n} autres remarques"),
                }
            }
        }
    }
}

/// The words of [`Warning::UnknownSubject`].
fn unknown_subject(lang: Lang, what: &Unknown, at: Option<Location>) -> String {
    let place = place(lang, at);
    match (what, lang) {
        (Unknown::StakeholderSynthesis(id), Lang::En) => format!(
            "the synthesis of stakeholder \"{id}\"{place} is of a stakeholder the dossier lacks; it is kept"
        ),
        (Unknown::StakeholderSynthesis(id), Lang::Fr) => format!(
            "la synthèse de la partie prenante « {id} »{place} porte sur une partie prenante absente du dossier ; elle est conservée"
        ),
        (Unknown::MeasureSynthesis(id), Lang::En) => format!(
            "the synthesis of measure \"{id}\"{place} is of a measure the dossier lacks; it is kept"
        ),
        (Unknown::MeasureSynthesis(id), Lang::Fr) => format!(
            "la synthèse de la mesure « {id} »{place} porte sur une mesure absente du dossier ; elle est conservée"
        ),
        (Unknown::CandidateStakeholder { n, id }, Lang::En) => format!(
            "proposed position {n}{place} is of stakeholder \"{id}\", which is not in the dossier; it is kept"
        ),
        (Unknown::CandidateStakeholder { n, id }, Lang::Fr) => format!(
            "la position proposée n° {n}{place} est de la partie prenante « {id} », absente du dossier ; elle est conservée"
        ),
        (Unknown::CandidateSource { n, id }, Lang::En) => format!(
            "proposed position {n}{place} quotes source \"{id}\", which is not in the dossier; it is kept"
        ),
        (Unknown::CandidateSource { n, id }, Lang::Fr) => format!(
            "la position proposée n° {n}{place} cite la source « {id} », absente du dossier ; elle est conservée"
        ),
    }
}

/// ` (line L, column C)` in `lang`, or nothing when the place is unknown.
fn place(lang: Lang, at: Option<Location>) -> String {
    match (at, lang) {
        (Some(at), Lang::En) => format!(" (line {}, column {})", at.line, at.col),
        (Some(at), Lang::Fr) => format!(" (ligne {}, colonne {})", at.line, at.col),
        (None, _) => String::new(),
    }
}

/// The words of [`Warning::UnreadableTime`].
fn unreadable_time(
    lang: Lang,
    cell: Option<&CellId>,
    field: &str,
    written: &str,
    at: Option<Location>,
) -> String {
    let whose = match (cell, lang) {
        (Some(cell), Lang::En) => format!("of the assessment of {cell}"),
        (Some(cell), Lang::Fr) => format!("de l’appréciation de {cell}"),
        (None, Lang::En) => "of the session".to_owned(),
        (None, Lang::Fr) => "de la session".to_owned(),
    };
    let place = place(lang, at);
    match lang {
        Lang::En => format!(
            "the time `{field}` {whose}{place}, \"{written}\", is not an RFC 3339 time such as 2026-01-06T17:00:00Z; it is kept as written and shown after the mark \"{}\"",
            crate::i18n::format::UNREADABLE_TIME.1
        ),
        Lang::Fr => format!(
            "l’heure `{field}` {whose}{place}, « {written} », n’est pas une heure RFC 3339 comme 2026-01-06T17:00:00Z ; elle est conservée telle quelle et affichée après la mention « {} »",
            crate::i18n::format::UNREADABLE_TIME.0
        ),
    }
}

/// In English, for the command line.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl LoadError {
    /// Each problem on its own line, `FICHIER:LIGNE:COLONNE : message`, in `lang`.
    #[must_use]
    pub fn lines_in(&self, lang: Lang) -> Vec<String> {
        if lang == Lang::En {
            return self.lines();
        }
        match self {
            LoadError::Io { path, source } => {
                let why = match source.kind() {
                    ErrorKind::NotFound => "fichier introuvable".to_owned(),
                    ErrorKind::PermissionDenied => "accès refusé".to_owned(),
                    _ => format!("lecture impossible ({source})"),
                };
                vec![format!("{} : {why}", path.display())]
            }
            LoadError::NotAFile { path, what } => vec![format!(
                "{} : {}, pas un fichier ; Vis-à-vis lit les sessions dans des fichiers",
                path.display(),
                match what {
                    super::error::NotAFileKind::Pipe => "c’est un tube nommé",
                    super::error::NotAFileKind::Device => "c’est un périphérique",
                    super::error::NotAFileKind::Other => "c’est un fichier spécial",
                }
            )],
            LoadError::TooLarge { path, size, limit } => vec![format!(
                "{} : le fichier fait {} Mo, plus que les {} Mo qu’une session peut faire ; est-ce bien une session ?",
                path.display(),
                size / 1_000_000,
                limit / 1_000_000
            )],
            LoadError::Syntax { path, at, fault } => vec![format!(
                "{}, ligne {}, colonne {} : {}",
                path.display(),
                at.line,
                at.col,
                fault.in_lang(lang)
            )],
            LoadError::NewerFormat {
                path,
                at,
                found,
                supported,
            } => vec![format!(
                "{}, ligne {} : cette session est au format {found}, plus récent que le format {supported} que lit cette version de Vis-à-vis ; mettez Vis-à-vis à jour pour l’ouvrir",
                path.display(),
                at.line
            )],
            LoadError::Invalid { problems } => problems
                .iter()
                .map(|p| match p.at {
                    Some(at) => format!(
                        "{}, ligne {}, colonne {} : incohérence : {}",
                        p.path.display(),
                        at.line,
                        at.col,
                        p.message
                    ),
                    None => format!("{} : incohérence : {}", p.path.display(), p.message),
                })
                .collect(),
        }
    }
}

impl super::SaveError {
    /// The error in `lang`: the file, then why it could not be written.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            super::SaveError::Io { path, source } => {
                let why = match source.kind() {
                    ErrorKind::NotFound => {
                        "le dossier de destination n’existe pas (ou plus)".to_owned()
                    }
                    ErrorKind::PermissionDenied => {
                        "accès refusé : choisissez un autre dossier".to_owned()
                    }
                    ErrorKind::StorageFull => "le disque est plein".to_owned(),
                    ErrorKind::ReadOnlyFilesystem => "le support est en lecture seule".to_owned(),
                    ErrorKind::IsADirectory => "un dossier porte déjà ce nom".to_owned(),
                    ErrorKind::AlreadyExists | ErrorKind::NotADirectory => {
                        "un fichier porte déjà le nom du dossier".to_owned()
                    }
                    ErrorKind::Unsupported => {
                        "ce disque ne permet pas de verrouiller un fichier".to_owned()
                    }
                    ErrorKind::ResourceBusy => {
                        "trop de fenêtres de Vis-à-vis ouvertes gardent déjà une copie".to_owned()
                    }
                    _ => format!("erreur du système ({source})"),
                };
                format!("{} : enregistrement impossible : {why}", path.display())
            }
            super::SaveError::ReadOnly { path } => format!(
                "{} : le fichier est en lecture seule ; rendez-le modifiable ou choisissez un autre nom",
                path.display()
            ),
            super::SaveError::TooLarge { path, size, limit } => format!(
                "{} : le fichier ferait {size} octets, plus que les {limit} octets que Vis-à-vis ouvre ; rien n’a été écrit",
                path.display()
            ),
            super::SaveError::WouldReplaceSession { path } => format!(
                "{} : ce fichier est une session ou un dossier ; choisissez un autre nom pour le rapport",
                path.display()
            ),
            super::SaveError::Encode { path, message } => {
                format!(
                    "{} : la session n’a pas pu être écrite en RON ({message}) ; merci de signaler ce défaut",
                    path.display()
                )
            }
        }
    }
}

/// What is wrong at a known place of a file that does not read as a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxFault {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// Nothing but blanks.
    Empty,
    /// RON, but neither a session nor a dossier.
    NeitherSessionNorDossier,
    /// A decimal comma (`8,2`) where RON takes a point.
    DecimalComma,
    /// Typographic quotes (« », “ ”) around a text.
    TypographicQuotes,
    /// An optional value written bare (`stance: Agreement`), where RON wants `Some(…)`.
    BareOption {
        /// The field.
        field: String,
        /// The value as written (long texts cut).
        value: String,
    },
    /// `format: 0`: formats are numbered from 1.
    FormatZero,
    /// A figure's value that is not a finite number (`NaN`, `inf`, `1e999`).
    NotFinite {
        /// The value as written.
        written: String,
    },
    /// A dismissed passage whose end comes before its start.
    PassageBackwards,
    /// The file is not RON at all.
    NotRon(NotRon),
    /// Any other fault, in the parser's terms.
    Ron(ron::Error),
}

/// What a file that is not RON looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRon {
    /// Opens with `{` or `[`.
    Json,
    /// `key: value` lines, or `---`.
    Yaml,
    /// A `#` heading or prose.
    Markdown,
}

impl SyntaxFault {
    /// What was expected, in plain words, in `lang`.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> String {
        let (fr, en) = match self {
            SyntaxFault::BareOption { field, value } => {
                return match lang {
                    Lang::En => format!(
                        "the value of `{field}` is optional: write it `{field}: Some({value})`, or `{field}: None` for none"
                    ),
                    Lang::Fr => format!(
                        "la valeur de `{field}` est facultative et s’écrit `{field}: Some({value})`, ou `{field}: None` s’il n’y en a pas"
                    ),
                };
            }
            SyntaxFault::NotFinite { written } => {
                return match lang {
                    Lang::En => format!(
                        "`{written}` is not a number a figure can have: write a finite number such as 8.2 (1e999 is too large, NaN and inf are not numbers)"
                    ),
                    Lang::Fr => format!(
                        "« {written} » n’est pas un nombre qu’un chiffre puisse avoir : écrivez un nombre fini comme 8.2 (1e999 est trop grand, NaN et inf ne sont pas des nombres)"
                    ),
                };
            }
            SyntaxFault::NotRon(kind) => {
                let (fr, en) = match kind {
                    NotRon::Json => ("JSON", "JSON"),
                    NotRon::Yaml => ("YAML", "YAML"),
                    NotRon::Markdown => ("Markdown", "Markdown"),
                };
                return match lang {
                    Lang::En => format!(
                        "this looks like a {en} file, not a session file (RON): a session opens with `(` and was saved by Vis-à-vis"
                    ),
                    Lang::Fr => format!(
                        "ce fichier ressemble à du {fr}, pas à une session (RON) : une session commence par `(` et a été enregistrée par Vis-à-vis"
                    ),
                };
            }
            SyntaxFault::FormatZero => {
                let current = super::CURRENT_FORMAT;
                return match lang {
                    Lang::En => format!(
                        "the format number 0 is not a format: formats start at 1 (this version writes format {current})"
                    ),
                    Lang::Fr => format!(
                        "le numéro de format 0 n’est pas un format : les formats commencent à 1 (cette version écrit le format {current})"
                    ),
                };
            }
            SyntaxFault::NotUtf8 => (
                "le fichier n’est pas du texte UTF-8 (est-ce bien une session ?)",
                "the file is not UTF-8 text (is it a session file?)",
            ),
            SyntaxFault::Empty => ("le fichier est vide", "the file is empty"),
            SyntaxFault::PassageBackwards => (
                "ce passage écarté finit avant de commencer : `end` doit être au moins égal à `start`",
                "this dismissed passage ends before it starts: `end` must be at least `start`",
            ),
            SyntaxFault::NeitherSessionNorDossier => (
                "ce n’est ni une session (pas de champ `format`) ni un dossier (pas de champ `measures`)",
                "this is neither a session (no `format` field) nor a dossier (no `measures` field)",
            ),
            SyntaxFault::DecimalComma => (
                "un nombre décimal s’écrit avec un point : 8.2 et non 8,2",
                "a decimal number takes a point: 8.2, not 8,2",
            ),
            SyntaxFault::TypographicQuotes => (
                "un texte s’écrit entre guillemets droits \"…\" ; les « » peuvent figurer à l’intérieur",
                "a text goes between straight quotes \"…\"; « » can be written inside them",
            ),
            SyntaxFault::Ron(code) => {
                return match lang {
                    Lang::Fr => french(code),
                    Lang::En => english(code),
                };
            }
        };
        lang.pick(fr, en).to_owned()
    }
}

/// In English, for the command line.
impl fmt::Display for SyntaxFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// A RON error in a user's words, in English: what was expected, without the parser's advice to
/// programmers.
fn english(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => {
            "the file ends too early: it was cut short, or a bracket or a quote is not closed"
                .to_owned()
        }
        E::ExceededRecursionLimit => {
            "brackets are nested too deeply here (a session nests only a few levels): is the file \
             damaged?"
                .to_owned()
        }
        E::ExpectedNamedStructLike(name) if *name == super::format::PROBE_NAME => {
            "expected `(`, which opens a session or a dossier".to_owned()
        }
        E::TrailingCharacters => "unexpected text after the closing `)` of the session".to_owned(),
        E::ExpectedStringEnd => {
            "this string is never closed with `\"` (was the file cut short?)".to_owned()
        }
        E::UnclosedBlockComment => "a `/*` comment is never closed with `*/`".to_owned(),
        E::ExpectedOption => "expected `Some(…)` or `None` here: the value is optional, written \
             `url: Some(\"https://…\")` or `url: None`"
            .to_owned(),
        E::ExpectedComma => {
            "expected a comma here (or a `\"` was left open earlier, and the text since is read \
             as part of it)"
                .to_owned()
        }
        other => {
            let message = other.to_string();
            let mut chars = message.chars();
            // Lower-case the first letter, as in the compiler's messages.
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => message,
            }
        }
    }
}

/// A RON error in French.
fn french(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "le fichier s’arrête trop tôt : il a été tronqué, ou une parenthèse ou un guillemet n’est pas refermé".to_owned(),
        E::ExceededRecursionLimit => "parenthèses imbriquées bien trop profondément : le fichier est-il endommagé ?".to_owned(),
        E::TrailingCharacters => "texte en trop après la parenthèse fermante de la session".to_owned(),
        E::ExpectedStringEnd => "ce texte n’est jamais refermé par un guillemet (fichier tronqué ?)".to_owned(),
        E::UnclosedBlockComment => "un commentaire `/*` n’est jamais refermé par `*/`".to_owned(),
        E::ExpectedOption => "attendu ici : `Some(…)` ou `None` ; la valeur est facultative et s’écrit `url: Some(\"https://…\")` ou `url: None`".to_owned(),
        E::ExpectedBoolean => "attendu ici : `true` ou `false`".to_owned(),
        E::ExpectedInteger | E::ExpectedFloat => "attendu ici : un nombre".to_owned(),
        E::ExpectedString => "attendu ici : un texte entre guillemets".to_owned(),
        E::ExpectedArray => "attendu ici : une liste entre crochets `[ … ]`".to_owned(),
        E::ExpectedArrayEnd => "attendu ici : `]` (ou une virgule entre deux éléments)".to_owned(),
        E::ExpectedComma => "attendu ici : une virgule (ou un guillemet `\"` est resté ouvert plus haut, et le texte qui suit est lu comme sa suite)".to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => "attendu ici : `(`".to_owned(),
        E::ExpectedStructLikeEnd => "attendu ici : `)` (ou une virgule entre deux champs)".to_owned(),
        E::ExpectedIdentifier => "attendu ici : un nom de champ".to_owned(),
        E::NoSuchEnumVariant { expected, found, .. } => format!(
            "valeur inconnue « {found} » ; valeurs possibles : {}",
            expected.join(", ")
        ),
        E::NoSuchStructField { expected, found, .. } => format!(
            "champ inconnu « {found} » ; champs possibles : {}",
            expected.join(", ")
        ),
        E::MissingStructField { field, .. } => format!("champ obligatoire « {field} » absent"),
        E::DuplicateStructField { field, .. } => format!("champ « {field} » en double"),
        other => format!("contenu inattendu ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::persist::load_bytes;
    use std::path::Path;

    fn french(text: &str) -> String {
        let err = load_bytes(text.as_bytes(), Path::new("s.ron"), "2026-01-01T00:00:00Z")
            .expect_err("malformed");
        err.lines_in(Lang::Fr).join("\n")
    }

    #[test]
    fn a_quote_of_another_stakeholder_names_whose_it_is() {
        let w = super::Warning::MisattributedEvidence {
            cell: crate::model::CellId::new("m1", "uniopss"),
            position: "cnom-01".into(),
            owner: "cnom".into(),
        };
        assert!(
            w.in_lang(Lang::Fr).contains("mais de « cnom »"),
            "{}",
            w.in_lang(Lang::Fr)
        );
        assert!(
            w.in_lang(Lang::En).contains("but of \"cnom\""),
            "{}",
            w.in_lang(Lang::En)
        );
    }

    #[test]
    fn syntax_errors_read_in_french_with_line_and_column() {
        let msg = french("(format: 2, analyst: 3)");
        assert!(msg.starts_with("s.ron, ligne 1, colonne "), "{msg}");
        assert!(
            msg.contains("attendu ici : un texte entre guillemets"),
            "{msg}"
        );
        assert!(french("").contains("le fichier est vide"));
        assert!(french("(format: 2, analyst: \"x").contains("jamais refermé"));
    }

    #[test]
    fn a_save_into_a_missing_folder_says_so_in_french() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("absent").join("s.ron");
        let session = crate::model::Session::new(crate::persist::default_dossier(), "", "");
        let err = crate::persist::save(&session, &path).expect_err("no folder");
        let msg = err.in_lang(Lang::Fr);
        assert!(
            msg.contains(
                "s.ron : enregistrement impossible : le dossier de destination n’existe pas"
            ),
            "{msg}"
        );
    }

    #[test]
    fn a_newer_format_is_refused_in_french_naming_the_version() {
        let msg = french("(format: 99)");
        assert!(
            msg.contains("format 99") && msg.contains("mettez Vis-à-vis à jour"),
            "{msg}"
        );
    }
}
