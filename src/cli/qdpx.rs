//! `visavis qdpx …`: exchange with `NVivo`, `ATLAS.ti`, `MAXQDA` and `QualCoder` through the
//! REFI-QDA standard. `export` writes a session as a project or its codebook; `import` adds a
//! project's coded selections to a session as candidate positions, never as positions.

use super::{Out, read, same_file};
use crate::exchange::import;
use crate::i18n::Lang;
use crate::model::{self, Action};
use crate::persist::{self, Origin};
use crate::sources::{self, Limits, SourceDirs, Unavailable};
use clap::Subcommand;
use std::path::{Path, PathBuf};

/// `visavis qdpx …`.
#[derive(Debug, Subcommand)]
pub enum QdpxCommand {
    /// Write a session as a REFI-QDA project (`-o FILE.qdpx`, for `NVivo`, `ATLAS.ti`, `MAXQDA`,
    /// `QualCoder`) or its codebook alone (`-o FILE.qdc`).
    Export {
        /// The session file.
        session: PathBuf,
        /// The file to write: `.qdpx` for the project, `.qdc` for the codebook.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// The language of the stance codes and names the export adds.
        #[arg(long, value_name = "fr|en", default_value = "fr")]
        lang: Lang,
        /// Write even over a file that reads as a session or a dossier.
        #[arg(long)]
        force: bool,
        /// The folder of the source documents, whose texts the project carries (then
        /// `VISAVIS_SOURCES_DIR`, then the session's folder; a source without its document
        /// carries the excerpts the dossier quotes from it).
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Propose the coded text selections of a REFI-QDA project made by another tool as candidate
    /// positions of a session (`-o OUT`), for the analyst to accept or discard in the window.
    Import {
        /// The project (`.qdpx`).
        project: PathBuf,
        /// The session whose dossier the selections are matched to.
        session: PathBuf,
        /// The session to write, with the candidates added (never one of the inputs).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Replace OUT if it exists (it is kept as OUT.bak).
        #[arg(long)]
        force: bool,
    },
}

/// Run a `visavis qdpx` command; whether it succeeded.
pub(super) fn run(command: QdpxCommand, out: &mut Out) -> bool {
    match command {
        QdpxCommand::Export {
            session,
            output,
            lang,
            force,
            sources,
        } => export(&session, &output, lang, force, sources.as_deref(), out),
        QdpxCommand::Import {
            project,
            session,
            output,
            force,
        } => import_into(&project, &session, &output, force, out),
    }
}

/// `visavis qdpx export`: the project or the codebook, by the output's extension.
fn export(
    session: &Path,
    output: &Path,
    lang: Lang,
    force: bool,
    given: Option<&Path>,
    out: &mut Out,
) -> bool {
    let origin = concat!("Vis-à-vis ", env!("CARGO_PKG_VERSION"));
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let codebook = match ext.as_deref() {
        Some("qdpx") => false,
        Some("qdc") => true,
        _ => {
            eprintln!(
                "{}: name the output FILE.qdpx (the project) or FILE.qdc (the codebook)",
                output.display()
            );
            return false;
        }
    };
    if same_file(session, output) {
        eprintln!(
            "{}: this is the session being exported; choose another file",
            output.display()
        );
        return false;
    }
    // Asked before the documents are read: a refusal comes first, and alone.
    if !force && persist::reads_as_session(output) {
        eprintln!(
            "{}: this file is a session or a dossier; choose another name for the project (or \
             pass --force)",
            output.display()
        );
        return false;
    }
    let Some(loaded) = read(session) else {
        return false;
    };
    let mut carried = None;
    let bytes = if codebook {
        crate::exchange::qdpx::codebook(&loaded.session, origin, lang).into_bytes()
    } else {
        let d = &loaded.session.dossier;
        let dirs = SourceDirs::new(given, Some(session));
        let texts = sources::read_sources(d, &dirs, &Limits::default(), true);
        for u in &texts.unavailable {
            if !matches!(u, Unavailable::NoFile { .. }) {
                eprintln!("{}: warning: {u}", session.display());
            }
        }
        carried = Some((texts.texts.len(), d.sources.len()));
        match crate::exchange::qdpx::qdpx(&loaded.session, origin, lang, |id| texts.get(id)) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: cannot build the archive: {e}", output.display());
                return false;
            }
        }
    };
    match persist::write_export(output, &bytes, force) {
        Ok(()) => {
            let what = if codebook {
                "REFI-QDA codebook"
            } else {
                "REFI-QDA project"
            };
            out.line(format_args!("{}: {what} written", output.display()));
            match carried {
                Some((all, of)) if all == of => out.line(format_args!(
                    "{}: every source carries its document's text",
                    output.display()
                )),
                Some((read, of)) => out.line(format_args!(
                    "{}: {read} of {of} sources carry their document's text, the others the \
                     excerpts the dossier quotes from them",
                    output.display()
                )),
                None => {}
            }
            true
        }
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}

/// `visavis qdpx import`: the session with the project's selections added as candidates,
/// written to `output`; each selection left out is named with the reason.
fn import_into(project: &Path, session: &Path, output: &Path, force: bool, out: &mut Out) -> bool {
    for input in [project, session] {
        if same_file(output, input) || output == input {
            eprintln!(
                "{}: this is one of the command's inputs; write the session with the candidates \
                 to another file",
                output.display()
            );
            return false;
        }
    }
    if !force && std::fs::symlink_metadata(output).is_ok() {
        eprintln!(
            "{}: this file exists; write the session with the candidates to a new file, or pass \
             --force to replace it (it is kept as {})",
            output.display(),
            persist::backup_of(output).display()
        );
        return false;
    }
    let Some(loaded) = read(session) else {
        return false;
    };
    if loaded.origin == Origin::Dossier {
        eprintln!(
            "{}: a dossier, not a session; open it in the window (or `visavis fmt` a session of \
             it) and import into that session",
            session.display()
        );
        return false;
    }
    let file = project.file_name().map_or_else(
        || project.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let imported = match import::read(project)
        .and_then(|bytes| import::import(&bytes, &file, &loaded.session))
    {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}: {e}", project.display());
            return false;
        }
    };
    // What the session holds already is counted; what could not be placed is listed.
    let known = imported.skipped.iter().filter(|s| s.why.is_known()).count();
    let left_out = imported.skipped.len() - known;
    for s in imported.skipped.iter().filter(|s| !s.why.is_known()) {
        out.line(format_args!(
            "{}: left out: {}",
            project.display(),
            visible(&s.message(Lang::En))
        ));
    }
    let found = imported.candidates.len();
    if found == 0 {
        if known > 0 && left_out == 0 {
            out.line(format_args!(
                "{}: nothing new: its {known} selection{} are positions, citations or proposed \
                 positions of the session already; {} not written",
                project.display(),
                if known == 1 { "" } else { "s" },
                output.display()
            ));
            return true;
        }
        eprintln!(
            "{}: no coded text selection of the project could be placed in the dossier{}; {} not \
             written",
            project.display(),
            if imported.skipped.is_empty() {
                " (it has none)"
            } else {
                ""
            },
            output.display()
        );
        return false;
    }
    let mut session_out = loaded.session;
    if let Err(e) = model::apply(
        &mut session_out,
        Action::AddCandidates {
            candidates: imported.candidates,
        },
        &model::now_rfc3339(),
    ) {
        eprintln!("{}: {e}", project.display());
        return false;
    }
    if let Err(e) = persist::save_within_limit(&session_out, false, output) {
        eprintln!("{e}");
        return false;
    }
    out.line(format_args!(
        "{}: {found} proposed position{} added from {} ({known} selection{} already in the \
         session, {left_out} left out; {} waiting in all): accept or discard them in the window \
         (Dossier → Positions proposées)",
        output.display(),
        if found == 1 { "" } else { "s" },
        project.display(),
        if known == 1 { "" } else { "s" },
        session_out.candidates.len(),
    ));
    true
}

/// `text` with the characters a terminal would obey or hide (control and invisible formatting
/// characters, line breaks) written as escapes: names in another tool's project are printed.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || persist::is_hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
