//! `visavis dossier init FOLDER -o DOSSIER`: a draft dossier from a folder of documents
//! ([`crate::sources::draft`]), written through `persist` under the output policy.

use super::Out;
use crate::persist;
use crate::progress::Progress;
use crate::sources::Format;
use crate::sources::draft::{self, DraftOptions};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The arguments of `visavis dossier init`.
#[derive(Debug, clap::Args)]
pub struct DossierInitArgs {
    /// The folder of documents: the government's at the top, one sub-folder per stakeholder.
    pub folder: PathBuf,
    /// The dossier file to write (atomically, keeping a previous FILE.bak); inside FOLDER, its
    /// quotes verify without --sources.
    #[arg(short, long, value_name = "DOSSIER")]
    pub output: PathBuf,
    /// Propose measures from this document's numbered items ("Mesure 12 :", "1)", "I."…) and
    /// pillars from its headings; a document of FOLDER.
    #[arg(long, value_name = "FILE")]
    pub measures_from: Option<PathBuf>,
    /// The dossier's id [default: from the folder's name].
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The dossier's title [default: the folder's name].
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// Write even over a file that reads as a session or a dossier.
    #[arg(long)]
    pub force: bool,
    /// Write the draft even when a document cannot be read (it is left out) or two sources
    /// have the same title and date (both are kept); each stays a warning.
    #[arg(long)]
    pub keep_going: bool,
}

/// Draft, check, write, summarise; nothing is written when anything fails, nor while a
/// [blocking](draft::DraftWarning::is_blocking) warning remains without `--keep-going`.
pub(super) fn run(args: &DossierInitArgs, out: &mut Out) -> bool {
    let output = args.output.as_path();
    if Format::of(output).is_some() {
        eprintln!(
            "{}: this name is a source document's (.{}); name the dossier FILE.ron",
            output.display(),
            output
                .extension()
                .map_or_else(String::new, |e| e.to_string_lossy().into_owned())
        );
        return false;
    }
    if !args.force && persist::reads_as_session(output) {
        eprintln!(
            "{}: this file is a session or a dossier; choose another name for the draft (or pass --force)",
            output.display()
        );
        return false;
    }
    let options = DraftOptions {
        measures_from: args.measures_from.clone(),
        id: args.id.clone(),
        title: args.title.clone(),
        skip: vec![output.to_owned(), persist::backup_of(output)],
        limits: crate::sources::Limits::default(),
    };
    let drafted = match draft::draft(&args.folder, &options, &Progress::none()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return false;
        }
    };
    let blocking: Vec<_> = drafted
        .warnings
        .iter()
        .filter(|w| w.is_blocking())
        .collect();
    if !args.keep_going && !blocking.is_empty() {
        for w in &blocking {
            eprintln!(
                "{}: error: {}",
                args.folder.join(w.file()).display(),
                w.message()
            );
        }
        eprintln!(
            "{}: nothing written: repair, rename or move out of {} the {} above, or pass --keep-going to leave out what cannot be read and keep both of two sources named alike",
            output.display(),
            args.folder.display(),
            if blocking.len() == 1 {
                "document"
            } else {
                "documents"
            }
        );
        return false;
    }
    let d = &drafted.dossier;
    let problems = d.validate();
    if !problems.is_empty() {
        // A bug of the draft: say it rather than write a dossier that does not open.
        for p in problems {
            eprintln!("{}: {p}", output.display());
        }
        return false;
    }
    if let Err(e) = persist::save_dossier(d, output) {
        eprintln!("{e}");
        return false;
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!(
        "{}: draft dossier \"{}\" written: {}, {}, {} proposed",
        output.display(),
        d.title,
        plural(d.sources.len(), "source", "sources"),
        plural(d.stakeholders.len(), "stakeholder", "stakeholders"),
        plural(d.measures.len(), "measure", "measures"),
    );
    if !d.pillars.is_empty() {
        let _ = write!(line, " in {}", plural(d.pillars.len(), "pillar", "pillars"));
    }
    if !drafted.warnings.is_empty() {
        let _ = write!(
            line,
            "; {}",
            plural(drafted.warnings.len(), "warning", "warnings")
        );
    }
    out.line(format_args!("{line}"));
    for w in &drafted.warnings {
        eprintln!(
            "{}: warning: {}",
            args.folder.join(w.file()).display(),
            w.message()
        );
    }
    out.line(format_args!(
        "Check the proposals (titles, organisations, dates; measures and pillars), then: visavis validate {}{}",
        sources_hint(&args.folder, output),
        output.display()
    ));
    true
}

/// `--sources FOLDER ` when the dossier is not written in the folder of documents (its files
/// are named from there).
fn sources_hint(folder: &Path, output: &Path) -> String {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    match (std::fs::canonicalize(parent), std::fs::canonicalize(folder)) {
        (Ok(a), Ok(b)) if a == b => String::new(),
        _ => format!("--sources {} ", folder.display()),
    }
}
