//! The command line: `visavis [FILE]` opens the window, subcommands work without it.
//! Messages on the command line are in English, in the compiler's `FILE:LINE:COL: message` form.

use crate::i18n::Lang;
use crate::model::{PillarId, Session, StakeholderId, Stance};
use crate::persist::{self, Loaded, Origin};
use crate::report::{self, ReportOptions};
use clap::{Parser, Subcommand};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

mod citations;
mod dossier;
mod dossier_init;
mod merge;
mod qdpx;
mod suggest;

pub use dossier::DossierCommand;
pub use dossier_init::DossierInitArgs;
pub use merge::MergeArgs;
pub use qdpx::QdpxCommand;
pub use suggest::SuggestArgs;

/// Vis-à-vis: a reform's measures side by side with stakeholders' positions.
#[derive(Debug, Parser)]
#[command(
    name = "visavis",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without a command, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A session or dossier file to open in the window (default: the last session, or a new
    /// session on the embedded Ségur dossier).
    pub file: Option<PathBuf>,
    /// Diagnostic: open the window, draw N frames, print the time from start to the first frame
    /// and the CPU time per frame (min / median / p95 / max), then exit.
    #[arg(long, value_name = "N")]
    pub frames: Option<u32>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check session or dossier files: print a summary of each, or its errors as `FILE:LINE:COL`;
    /// verify every quote against its source document.
    Validate {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Read files up to this many megabytes (default: the 100 MiB load limit).
        #[arg(long, value_name = "MB")]
        max_size: Option<u64>,
        /// The folder of the source documents (then `VISAVIS_SOURCES_DIR`, then each file's own
        /// folder).
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Print the plain text read from a source document (.txt, .md, .html, .docx, .odt, .pdf):
    /// paragraphs separated by a blank line, each PDF page after the first opened by a line
    /// holding a form feed.
    Extract {
        /// The document.
        document: PathBuf,
        /// Address space this process may use, in megabytes (set by the app's reader).
        #[arg(long, value_name = "MB", hide = true)]
        max_memory: Option<u64>,
        /// CPU seconds after which the system stops this process (set by the app's reader).
        #[arg(long, value_name = "S", hide = true)]
        max_seconds: Option<u64>,
    },
    /// Rewrite files in canonical form (migrating older formats), atomically, keeping FILE.bak.
    Fmt {
        /// Files to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the gap report of a session as Markdown, HTML, CSV, Word or OpenDocument, to stdout
    /// or to a file.
    Report(ReportArgs),
    /// Measure the agreement of two or more analysts who tagged the same dossier: observed
    /// agreement, Cohen's kappa (and weighted), Fleiss' kappa, Krippendorff's alpha, overall, per
    /// stakeholder and per pillar.
    Agree(AgreeArgs),
    /// Suggest evidence for each cell (offline: the words a measure and a position share, by
    /// BM25 with French stems), or measure the suggestions against the session's links.
    Suggest(SuggestArgs),
    /// Merge two or more analysts' sessions on the same dossier: three-way from --base (a cell
    /// changed on one side only takes that side's), or without a base where they agree; what
    /// both changed differently is kept inside OUT as a conflict, never as conflict markers.
    ///
    /// As a git merge driver: `visavis merge --base %O %A %B -o %A`. Exit status 0 when merged
    /// cleanly, 1 when conflicts remain (OUT written with them), 2 when an input is refused
    /// (nothing written).
    Merge(MergeArgs),
    /// Exchange with other qualitative-analysis tools through REFI-QDA.
    #[command(subcommand)]
    Qdpx(QdpxCommand),
    /// Work on a dossier as a whole: draft one from a folder of documents, compare two
    /// versions, carry a session over to a new one.
    #[command(subcommand)]
    Dossier(DossierCommand),
    /// Write a synthetic session of any size (fictional measures, stakeholders, positions and
    /// notes), to reproduce a performance measurement.
    Generate(GenerateArgs),
}

/// The arguments of `visavis generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Number of measures (rows).
    #[arg(long, default_value_t = 1000)]
    pub measures: usize,
    /// Number of stakeholders (columns).
    #[arg(long, default_value_t = 10)]
    pub stakeholders: usize,
    /// Positions per stakeholder [default: one per 20 measures, at least 10].
    #[arg(long, value_name = "N")]
    pub positions_per_stakeholder: Option<usize>,
    /// Share of the cells assessed, in percent.
    #[arg(
        long,
        value_name = "PERCENT",
        default_value_t = 75,
        value_parser = clap::value_parser!(u8).range(0..=100)
    )]
    pub assessed: u8,
    /// Seed of the pseudo-random choices: the same seed gives the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The session file to write (atomically, keeping a previous FILE.bak).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// The arguments of `visavis agree`.
#[derive(Debug, clap::Args)]
pub struct AgreeArgs {
    /// The sessions, one per analyst, all on the same dossier.
    #[arg(required = true, num_args = 2.., value_name = "SESSION")]
    pub sessions: Vec<PathBuf>,
    /// Print one JSON object (the keys are listed in the README) instead of the tables.
    #[arg(long)]
    pub json: bool,
}

/// The arguments of `visavis report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The session (or dossier) file.
    pub session: PathBuf,
    /// The rendering [default: from the extension of -o, else md].
    #[arg(long, value_name = "md|html|csv|docx|odt")]
    pub format: Option<report::Format>,
    /// Write the report to this file (atomically, keeping a previous FILE.bak) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The report's language.
    #[arg(long, value_name = "fr|en", default_value = "fr")]
    pub lang: Lang,
    /// Only this stakeholder, by id or name, in any case (`fhf`, `FHF`; repeat for several;
    /// default: all).
    #[arg(long = "stakeholder", value_name = "ID")]
    pub stakeholders: Vec<StakeholderId>,
    /// Only this pillar, by id or number (`p1`, `1`; repeat for several; default: all).
    #[arg(long = "pillar", value_name = "ID")]
    pub pillars: Vec<PillarId>,
    /// Leave out the per-measure detail (Markdown, HTML, DOCX and ODT; the CSV always has every
    /// cell).
    #[arg(long)]
    pub no_detail: bool,
    /// Read a session up to this many megabytes (default: the 100 MiB load limit).
    #[arg(long, value_name = "MB")]
    pub max_size: Option<u64>,
    /// Write the report even over a file that reads as a session or a dossier, or under a name
    /// whose extension is no report format.
    #[arg(long)]
    pub force: bool,
    /// The folder of the source documents, to verify the citations in the Sources section
    /// (then `VISAVIS_SOURCES_DIR`, then the session's own folder).
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Compare with another analyst's session on the same dossier (repeat for several): adds
    /// the section "Accord entre analystes" (the statistics of `visavis agree` and every cell
    /// two analysts tagged differently, with each one's stance and note) and, in CSV, one
    /// stance column per other analyst. Refused as `visavis agree` refuses: a file that is not
    /// a session, the same file twice, a session on another dossier (exit status 1).
    #[arg(long = "agree", value_name = "OTHER")]
    pub agree: Vec<PathBuf>,
}

/// Standard output of a command. Writing never panics: a reader that stops early (`| head`)
/// ends the output quietly, any other failure (a full disk) is said once on stderr and makes
/// the command fail.
struct Out {
    out: Box<dyn Write>,
    failed: Option<std::io::Error>,
}

impl Out {
    fn new() -> Self {
        Self::to(Box::new(std::io::stdout().lock()))
    }

    fn to(out: Box<dyn Write>) -> Self {
        Self { out, failed: None }
    }

    /// Write one line (nothing more once a write has failed).
    fn line(&mut self, line: std::fmt::Arguments<'_>) {
        if self.failed.is_none()
            && let Err(e) = writeln!(self.out, "{line}")
        {
            self.failed = Some(e);
        }
    }

    /// Write bytes as they are.
    fn bytes(&mut self, bytes: &[u8]) {
        if self.failed.is_none()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.failed = Some(e);
        }
    }

    /// Flush; whether the output reached its reader (or the reader left early). A failure other
    /// than a closed pipe is said on stderr.
    fn finish(mut self) -> bool {
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        match self.failed {
            None => true,
            Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
            Some(e) => {
                let _ = writeln!(std::io::stderr(), "visavis: cannot write the output: {e}");
                false
            }
        }
    }
}

/// Run a subcommand, printing to stdout/stderr. Exit status 0 when every file was fine.
#[must_use]
pub fn run(command: Command) -> ExitCode {
    let mut out = Out::new();
    let ok = match command {
        Command::Validate {
            files,
            max_size,
            sources,
        } => files
            .iter()
            .map(|f| validate(f, max_size, sources.as_deref(), &mut out))
            .fold(true, |a, b| a & b),
        Command::Extract {
            document,
            max_memory,
            max_seconds,
        } => extract(&document, max_memory, max_seconds, &mut out),
        Command::Fmt { files } => files
            .iter()
            .map(|f| fmt(f, &mut out))
            .fold(true, |a, b| a & b),
        Command::Report(args) => report(&args, &mut out),
        Command::Agree(args) => agree(&args, &mut out),
        Command::Suggest(args) => suggest::run(&args, &mut out),
        Command::Merge(args) => {
            // Its own exit statuses: 1 is "conflicts remain", as git expects of a merge driver.
            let code = merge::run(&args, &mut out);
            return if out.finish() {
                code
            } else {
                ExitCode::from(2)
            };
        }
        Command::Qdpx(command) => qdpx::run(command, &mut out),
        Command::Generate(args) => generate(&args, &mut out),
        Command::Dossier(command) => dossier::run(&command, &mut out),
    };
    if out.finish() && ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn report_error(e: &persist::LoadError) {
    let mut err = std::io::stderr().lock();
    for line in e.lines() {
        let _ = writeln!(err, "{line}");
    }
}

/// Load `path`, accepting up to `max_size` megabytes when the user said so.
/// The file at `path` loaded, or `None` once its error is printed.
fn read(path: &Path) -> Option<Loaded> {
    match load(path, None) {
        Ok(loaded) => Some(loaded),
        Err(e) => {
            report_error(&e);
            None
        }
    }
}

fn load(path: &Path, max_size: Option<u64>) -> Result<Loaded, persist::LoadError> {
    let limit = max_size.map_or(persist::MAX_FILE_SIZE, |mb| mb.saturating_mul(1_000_000));
    let progress = std::sync::Arc::new(crate::progress::Progress::none());
    persist::load_within(path, &progress, limit)
}

fn validate(path: &Path, max_size: Option<u64>, sources: Option<&Path>, out: &mut Out) -> bool {
    match load(path, max_size) {
        Ok(loaded) => {
            out.line(format_args!("{}: {}", path.display(), summary(&loaded)));
            for w in &loaded.warnings {
                out.line(format_args!("{}: warning: {w}", path.display()));
            }
            let conflicts = merge::conflict_lines(&loaded.session);
            for line in conflicts.iter().take(persist::MAX_WARNINGS) {
                out.line(format_args!(
                    "{}: conflict: {line}; open the file in the window to pick a side",
                    path.display()
                ));
            }
            if conflicts.len() > persist::MAX_WARNINGS {
                out.line(format_args!(
                    "{}: … and {} more conflicts",
                    path.display(),
                    conflicts.len() - persist::MAX_WARNINGS
                ));
            }
            for (cell, a) in loaded
                .session
                .assessments
                .iter()
                .filter(|(_, a)| a.is_unsupported())
            {
                let stance = a.stance.map_or("", |s| s.label(crate::i18n::Lang::En));
                out.line(format_args!(
                    "{}: warning: the cell {cell} is judged {stance} but cites no position as evidence",
                    path.display()
                ));
            }
            let s = &loaded.session;
            citations::check(path, &s.dossier, &s.candidates, sources, out)
        }
        Err(e) => {
            report_error(&e);
            false
        }
    }
}

/// `visavis extract`: the document's text on stdout, or its problem on stderr. This is also
/// the child the app's reader runs (`sources::extract_isolated`), with its limits.
fn extract(path: &Path, max_memory: Option<u64>, max_seconds: Option<u64>, out: &mut Out) -> bool {
    let memory = max_memory.unwrap_or(crate::sources::Limits::default().memory_mb);
    match crate::sources::run_child(path, Some(memory), max_seconds) {
        Ok(text) => {
            out.bytes(text.to_text().as_bytes());
            true
        }
        Err(e) => {
            eprintln!("{e}");
            // Run as the window's reader (which sets the memory limit): the same in French.
            if max_memory.is_some() {
                eprintln!(
                    "{}{}",
                    crate::sources::FRENCH_LINE,
                    e.in_lang(crate::i18n::Lang::Fr)
                );
            }
            false
        }
    }
}

/// One line: what the file is and what it holds.
#[must_use]
pub fn summary(loaded: &Loaded) -> String {
    let s = &loaded.session;
    let d = &s.dossier;
    let what = match loaded.origin {
        Origin::Session => format!("session, format {}", persist::CURRENT_FORMAT),
        Origin::Migrated { from } => {
            format!("session, format {from} (older; `visavis fmt` upgrades it)")
        }
        Origin::Dossier => "dossier".to_owned(),
    };
    let mut line = format!(
        "{what}; dossier \"{}\": {} measures, {} stakeholders, {} positions",
        d.title,
        d.measures.len(),
        d.stakeholders.len(),
        d.positions.len()
    );
    if loaded.origin != Origin::Dossier {
        let counts = stance_counts(s);
        let assessed: usize = counts.iter().sum();
        let orphans = s.orphans().count();
        let _ = write!(
            line,
            "; {assessed}/{} cells assessed ({} agreement, {} partial, {} gap, {} silent); {orphans} orphan{}",
            d.cell_count(),
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            if orphans == 1 { "" } else { "s" }
        );
        let misattributed = s.misattributed_evidence().len();
        if misattributed > 0 {
            let _ = write!(
                line,
                "; {misattributed} misattributed quote{} (a position of another stakeholder cited as evidence)",
                if misattributed == 1 { "" } else { "s" }
            );
        }
        let unknown = s.unknown_evidence().len();
        if unknown > 0 {
            let _ = write!(
                line,
                "; {unknown} evidence link{} to a position not in the dossier",
                if unknown == 1 { "" } else { "s" }
            );
        }
        for (n, one, many) in [
            (
                s.flagged_count(),
                "cell flagged to review",
                "cells flagged to review",
            ),
            (
                s.conflict_count(),
                "conflict to resolve",
                "conflicts to resolve",
            ),
            (
                s.candidates.len(),
                "proposed position waiting",
                "proposed positions waiting",
            ),
        ] {
            if n > 0 {
                let _ = write!(line, "; {n} {}", if n == 1 { one } else { many });
            }
        }
    }
    line
}

/// Cells per stance, in [`Stance::ALL`] order, orphans left out.
fn stance_counts(s: &Session) -> [usize; 4] {
    let orphans: std::collections::BTreeSet<_> = s.orphans().map(|(c, _)| c.clone()).collect();
    let mut counts = [0; 4];
    for (cell, a) in &s.assessments {
        if let Some(stance) = a.stance
            && !orphans.contains(cell)
        {
            counts[Stance::ALL.iter().position(|x| *x == stance).unwrap_or(0)] += 1;
        }
    }
    counts
}

fn fmt(path: &Path, out: &mut Out) -> bool {
    let loaded = match persist::load(path) {
        Ok(l) => l,
        Err(e) => {
            report_error(&e);
            return false;
        }
    };
    let canonical = if loaded.origin == Origin::Dossier {
        persist::dossier_to_ron(&loaded.session.dossier)
    } else {
        persist::to_ron(&loaded.session)
    };
    if canonical.is_ok_and(|text| std::fs::read(path).is_ok_and(|bytes| bytes == text.as_bytes())) {
        out.line(format_args!(
            "{}: already in canonical form, left unchanged",
            path.display()
        ));
        return true;
    }
    let dossier_only = loaded.origin == Origin::Dossier;
    match persist::save_within_limit(&loaded.session, dossier_only, path) {
        Ok(()) => {
            out.line(format_args!(
                "{}: rewritten (previous version in {})",
                path.display(),
                persist::backup_of(path).display()
            ));
            true
        }
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}

/// The stakeholder `given` on the command line names: its id, or failing that its id or name
/// in any case (the report shows names: "FHF"). Unmatched, it is kept as given, to be reported
/// unknown.
fn stakeholder_named(d: &crate::model::Dossier, given: &StakeholderId) -> StakeholderId {
    let same = |a: &str| a.to_lowercase() == given.as_str().to_lowercase();
    d.stakeholders
        .iter()
        .find(|s| s.id == *given)
        .or_else(|| {
            d.stakeholders
                .iter()
                .find(|s| same(s.id.as_str()) || same(&s.name))
        })
        .map_or_else(|| given.clone(), |s| s.id.clone())
}

/// The pillar `given` on the command line names: its id, or its number as the report prints it
/// ("Pilier 2": `2`), or its id in any case. Unmatched, it is kept as given.
fn pillar_named(d: &crate::model::Dossier, given: &PillarId) -> PillarId {
    let by_number = given
        .as_str()
        .parse::<usize>()
        .ok()
        .and_then(|n| d.pillars.get(n.checked_sub(1)?));
    d.pillars
        .iter()
        .find(|p| p.id == *given)
        .or(by_number)
        .or_else(|| {
            d.pillars
                .iter()
                .find(|p| p.id.as_str().to_lowercase() == given.as_str().to_lowercase())
        })
        .map_or_else(|| given.clone(), |p| p.id.clone())
}

/// `visavis report`: load, check the subset, analyse, render, write to stdout or `-o`.
fn report(args: &ReportArgs, stdout: &mut Out) -> bool {
    let path = args.session.as_path();
    let loaded = match load(path, args.max_size) {
        Ok(l) => l,
        Err(e) => {
            report_error(&e);
            return false;
        }
    };
    // The report goes to stdout, so warnings go to stderr.
    for w in &loaded.warnings {
        eprintln!("{}: warning: {w}", path.display());
    }
    let (session, compared) = if args.agree.is_empty() {
        (loaded.session, Vec::new())
    } else {
        let paths: Vec<&Path> = std::iter::once(path)
            .chain(args.agree.iter().map(PathBuf::as_path))
            .collect();
        let Some(mut sessions) = analysts(&paths, Some(loaded), args.max_size) else {
            return false;
        };
        let session = sessions.remove(0);
        (session, sessions.into_iter().map(Arc::new).collect())
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let d = &session.dossier;
    let options = ReportOptions {
        lang: args.lang,
        stakeholders: (!args.stakeholders.is_empty()).then(|| {
            args.stakeholders
                .iter()
                .map(|s| stakeholder_named(d, s))
                .collect()
        }),
        pillars: (!args.pillars.is_empty())
            .then(|| args.pillars.iter().map(|p| pillar_named(d, p)).collect()),
        include_detail: !args.no_detail,
        session_name: name,
        verifications: citations::verifications(path, d, args.sources.as_deref()),
        compared,
    };
    let unknown = options.unknown_ids(&session);
    if !unknown.is_empty() {
        for problem in unknown {
            eprintln!("{}: {problem}", path.display());
        }
        return false;
    }
    let from_name = args.output.as_deref().and_then(report::Format::from_path);
    let unknown_extension = args
        .output
        .as_deref()
        .filter(|o| !persist::reads_as_session(o))
        .and_then(|o| o.extension())
        .filter(|_| from_name.is_none() && !args.force);
    if let (Some(ext), None, Some(out)) = (unknown_extension, args.format, &args.output) {
        // `-o rapport.pdf` would otherwise get Markdown under a name that promises a PDF.
        eprintln!(
            "{}: no report format is written as .{}; name the file .md, .html, .csv, .docx or \
             .odt, or say --format md|html|csv|docx|odt",
            out.display(),
            ext.to_string_lossy()
        );
        return false;
    }
    let format = args
        .format
        .or(from_name)
        .unwrap_or(report::Format::Markdown);
    if let (Some(asked), Some(named), Some(out)) = (args.format, from_name, &args.output)
        && asked != named
    {
        eprintln!(
            "{}: warning: writing {} into a file named .{}",
            out.display(),
            asked.label(Lang::En),
            named.extension()
        );
    }
    if args.output.is_none()
        && matches!(format, report::Format::Docx | report::Format::Odt)
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        // A zip archive would fill the terminal with binary; redirected, it goes through.
        eprintln!(
            "a {} report is a binary file: give a file name with -o, or redirect the output",
            format.extension()
        );
        return false;
    }
    let bytes = format.render(&report::analyse(&session, &options));
    match &args.output {
        None => {
            // `visavis report … | head`: the reader has what it wanted.
            stdout.bytes(&bytes);
            true
        }
        Some(out) if same_file(out, path) => {
            eprintln!(
                "{}: this is the session being reported on; choose another file for the report",
                out.display()
            );
            false
        }
        Some(out) if args.agree.iter().any(|a| same_file(out, a) || out == a) => {
            eprintln!(
                "{}: this is a session compared with --agree; choose another file for the report",
                out.display()
            );
            false
        }
        Some(out) => match persist::write_export(out, &bytes, args.force) {
            Ok(()) => {
                stdout.line(format_args!(
                    "{}: report written ({})",
                    out.display(),
                    format.extension()
                ));
                true
            }
            Err(e) => {
                eprintln!("{e}");
                false
            }
        },
    }
}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `visavis generate`: build the synthetic session and save it through `persist`.
fn generate(args: &GenerateArgs, out: &mut Out) -> bool {
    let spec = crate::generate::Spec {
        measures: args.measures,
        stakeholders: args.stakeholders,
        positions_per_stakeholder: args
            .positions_per_stakeholder
            .unwrap_or_else(|| crate::generate::Spec::default_positions(args.measures)),
        assessed_percent: args.assessed,
        seed: args.seed,
    };
    let session = crate::generate::session(&spec);
    match persist::save_within_limit(&session, false, &args.output) {
        Ok(()) => {
            let d = &session.dossier;
            out.line(format_args!(
                "{}: {} measures × {} stakeholders ({} cells, {} assessed), {} positions",
                args.output.display(),
                d.measures.len(),
                d.stakeholders.len(),
                d.cell_count(),
                session.assessed_count(),
                d.positions.len()
            ));
            true
        }
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}

/// The analysts' sessions at `paths`, loaded and checked as `visavis agree` and `visavis report
/// --agree` load them: the same file given twice, a file that does not load, a dossier (it
/// holds no analyst's stances) and sessions on different dossiers are refused, said on stderr
/// (`None`). `first`, when given, is `paths[0]` already loaded.
fn analysts(paths: &[&Path], first: Option<Loaded>, max_size: Option<u64>) -> Option<Vec<Session>> {
    let mut seen: Vec<PathBuf> = Vec::new();
    for path in paths {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if seen.contains(&canonical) {
            eprintln!(
                "{}: given twice: agreement compares different analysts' sessions",
                path.display()
            );
            return None;
        }
        seen.push(canonical);
    }
    let mut first = first;
    let mut sessions = Vec::with_capacity(paths.len());
    for path in paths {
        let loaded = match first.take() {
            Some(loaded) => loaded,
            None => match load(path, max_size) {
                Ok(loaded) => loaded,
                Err(e) => {
                    report_error(&e);
                    return None;
                }
            },
        };
        if loaded.origin == Origin::Dossier {
            eprintln!(
                "{}: a dossier, not a session: it holds no analyst's stances to compare",
                path.display()
            );
            return None;
        }
        sessions.push(loaded.session);
    }
    let refs: Vec<&Session> = sessions.iter().collect();
    if let Err(d) = crate::teamwork::same_dossier(&refs) {
        eprintln!(
            "{}: on the dossier \"{}\", but {} is on \"{}\": agreement compares sessions on the same dossier",
            paths[d.index].display(),
            d.other,
            paths[0].display(),
            d.first
        );
        return None;
    }
    Some(sessions)
}

/// `visavis agree`: load every session (refusing a dossier, the same file twice, sessions on
/// different dossiers), compare, print the tables or the JSON object.
fn agree(args: &AgreeArgs, out: &mut Out) -> bool {
    let paths: Vec<&Path> = args.sessions.iter().map(PathBuf::as_path).collect();
    let Some(sessions) = analysts(&paths, None, None) else {
        return false;
    };
    let refs: Vec<&Session> = sessions.iter().collect();
    let result = match crate::teamwork::compare(&refs) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return false;
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&result) {
            Ok(json) => out.line(format_args!("{json}")),
            Err(e) => {
                eprintln!("cannot write JSON: {e}");
                return false;
            }
        }
    } else {
        out.bytes(agreement_tables(&result, &args.sessions).as_bytes());
    }
    true
}

/// The agreement as plain-text tables: who, then one line per scope, then the confusion matrix.
fn agreement_tables(r: &crate::teamwork::Agreement, paths: &[PathBuf]) -> String {
    let figure = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"));
    let two = r.analysts.len() == 2;
    let mut s = String::new();
    for (i, (a, p)) in r.analysts.iter().zip(paths).enumerate() {
        let _ = writeln!(s, "Analyst {}: {a} ({})", i + 1, p.display());
    }
    let kappa = if two {
        "Cohen κ  weighted κ"
    } else {
        "Fleiss κ"
    };
    let _ = writeln!(
        s,
        "\n{:<28} {:>5} {:>8} {:>8} {:>9}  {kappa}  Krippendorff α",
        "", "cells", "compared", "left out", "observed"
    );
    let mut line = |name: &str, sc: &crate::teamwork::Scope| {
        let kappas = if two {
            format!(
                "{:>7}  {:>10}",
                figure(sc.cohen_kappa),
                figure(sc.weighted_kappa)
            )
        } else {
            format!("{:>8}", figure(sc.fleiss_kappa))
        };
        let name: String = name.chars().take(28).collect();
        let _ = writeln!(
            s,
            "{name:<28} {:>5} {:>8} {:>8} {:>9}  {kappas}  {:>14}",
            sc.cells,
            sc.compared,
            sc.left_out,
            figure(sc.observed_agreement),
            figure(sc.krippendorff_alpha)
        );
    };
    line("Overall", &r.overall);
    for n in &r.stakeholders {
        line(&n.name, &n.scope);
    }
    for n in &r.pillars {
        line(&format!("{} {}", n.id, n.name), &n.scope);
    }
    if let Some(table) = &r.overall.confusion {
        let _ = writeln!(
            s,
            "\nConfusion (rows: {}, columns: {})",
            r.analysts[0], r.analysts[1]
        );
        let _ = write!(s, "{:<10}", "");
        for st in &r.stances {
            let _ = write!(s, "{st:>10}");
        }
        s.push('\n');
        for (st, row) in r.stances.iter().zip(table) {
            let _ = write!(s, "{st:<10}");
            for n in row {
                let _ = write!(s, "{n:>10}");
            }
            s.push('\n');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::Out;
    use std::io::{self, Write};

    /// Standard output that fails every write as `kind` does.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_full_disk_fails_the_command_and_a_reader_that_left_does_not() {
        let mut full = Out::to(Box::new(Failing(io::ErrorKind::StorageFull)));
        full.line(format_args!("une ligne"));
        full.line(format_args!("une autre"));
        assert!(!full.finish(), "a full disk is a failure");
        let mut gone = Out::to(Box::new(Failing(io::ErrorKind::BrokenPipe)));
        gone.bytes(b"rapport");
        assert!(gone.finish(), "`| head` is no failure");
        let fine = Out::to(Box::new(Vec::new()));
        assert!(fine.finish());
    }
}
