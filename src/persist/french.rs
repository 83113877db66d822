//! Load errors in French, for the window (the command line speaks English). Says what is wrong
//! and where in an analyst's words, without the parser's vocabulary.

use super::error::LoadError;
use crate::i18n::Lang;
use std::io::ErrorKind;

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
            LoadError::TooLarge { path, size, limit } => vec![format!(
                "{} : le fichier fait {} Mo, plus que les {} Mo qu’une session peut faire ; est-ce bien une session ?",
                path.display(),
                size / 1_000_000,
                limit / 1_000_000
            )],
            LoadError::Syntax {
                path,
                at,
                message_fr,
                ..
            } => vec![format!(
                "{}, ligne {}, colonne {} : {message_fr}",
                path.display(),
                at.line,
                at.col
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
            super::SaveError::Encode { path, message } => {
                format!(
                    "{} : la session n’a pas pu être écrite en RON ({message}) ; merci de signaler ce défaut",
                    path.display()
                )
            }
        }
    }
}

/// What a loaded session's reader noticed (orphans, evidence naming another stakeholder's or an
/// unknown position), in `lang`: the same remarks as [`super::Loaded::warnings`].
#[must_use]
pub fn warnings_in(session: &crate::model::Session, lang: Lang) -> Vec<String> {
    if lang == Lang::En {
        return super::load::warnings(session);
    }
    let mut w: Vec<String> = session
        .orphans()
        .map(|(cell, _)| {
            format!("l’appréciation de {cell} porte sur une mesure ou une partie prenante absente du dossier ; elle est conservée (orpheline)")
        })
        .collect();
    w.extend(session.dangling_evidence().into_iter().map(|(cell, p)| {
        format!("l’appréciation de {cell} cite la position « {p} », qui n’est pas une position de cette partie prenante ; le lien est conservé")
    }));
    w
}

/// A RON error in French.
pub(super) fn syntax(code: &ron::Error) -> String {
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
