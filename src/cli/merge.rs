//! `visavis merge [--base BASE] A B [C…] -o OUT [--force]`: two or more sessions of the same
//! dossier merged into one ([`crate::teamwork::merge`]), three-way from BASE or n-way without
//! it. Usable as a git merge driver: `merge --base %O %A %B -o %A`.
//!
//! Exit status, as git expects of a merge driver: 0 when merged cleanly; 1 when conflicts
//! remain (OUT is written, with the conflicts inside it); 2 when nothing was merged (an input
//! refused, OUT not writable) — then nothing is written. The other commands say 1 for a file
//! they refuse: here 1 means "conflicts", so a refusal is 2, as for a wrong command line.

use super::{Out, load, report_error, same_file};
use crate::model::{Assessment, DossierConflict, Session};
use crate::persist::{self, Origin};
use crate::teamwork::{Input, MergeError, Merged};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Merged cleanly.
const CLEAN: u8 = 0;
/// Merged, with conflicts left for the analyst (OUT holds them).
const CONFLICTS: u8 = 1;
/// Nothing merged: an input was refused or OUT could not be written.
const REFUSED: u8 = 2;

/// At most this many conflicts are listed one per line; a last line counts the rest.
const MAX_LISTED: usize = 50;

/// The arguments of `visavis merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The session the others started from (git's `%O`): a three-way merge, where a cell
    /// changed on one side only takes that side's. Without it, sessions merge where they agree.
    #[arg(long, value_name = "BASE")]
    pub base: Option<PathBuf>,
    /// The sessions to merge, OURS first (git's `%A`, then `%B`), all on the same dossier.
    #[arg(required = true, num_args = 2.., value_name = "SESSION")]
    pub sessions: Vec<PathBuf>,
    /// The merged session to write (atomically, keeping a previous OUT.bak). Never one of the
    /// inputs, except the first session with --base, as a git merge driver writes `-o %A`
    /// (then in place, without a .bak).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Write OUT even over a file that is not a session or a dossier (it is kept as OUT.bak).
    #[arg(long)]
    pub force: bool,
}

/// Run `visavis merge`; its exit status.
pub(super) fn run(args: &MergeArgs, out: &mut Out) -> ExitCode {
    ExitCode::from(match merge(args, out) {
        Ok(true) => CLEAN,
        Ok(false) => CONFLICTS,
        Err(()) => REFUSED,
    })
}

/// Each input with what it is to the merge, in the order of the merge's sides, the base last.
fn inputs(args: &MergeArgs) -> Vec<(&Path, String)> {
    let mut all: Vec<(&Path, String)> = args
        .sessions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_path(), role(args, i)))
        .collect();
    all.extend(args.base.as_deref().map(|b| (b, "the base".to_owned())));
    all
}

fn role(args: &MergeArgs, i: usize) -> String {
    match (args.base.is_some() && args.sessions.len() == 2, i) {
        (true, 0) => "ours".to_owned(),
        (true, _) => "theirs".to_owned(),
        _ => format!("session {}", i + 1),
    }
}

/// Refuse what cannot be merged, before anything is read: the same file twice, or an OUT that
/// would replace an input. Whether OUT is the first session, to be replaced in place.
fn check_paths(args: &MergeArgs) -> Result<bool, ()> {
    let all = inputs(args);
    for (i, (a, role_a)) in all.iter().enumerate() {
        if let Some((_, role_b)) = all[..i].iter().find(|(b, _)| same_file(a, b) || a == b) {
            eprintln!(
                "{}: given twice ({role_b} and {role_a}): a merge joins different sessions",
                a.display()
            );
            return Err(());
        }
    }
    let output = args.output.as_path();
    let in_place = args.base.is_some() && (same_file(output, &args.sessions[0]));
    if in_place {
        return Ok(true);
    }
    if let Some((_, role)) = all
        .iter()
        .find(|(p, _)| same_file(output, p) || output == *p)
    {
        eprintln!(
            "{}: this is {role}, one of the merge's inputs; write the merged session to another \
             file (only a git merge driver, with --base, writes over the first session: `-o %A`)",
            output.display()
        );
        return Err(());
    }
    let is_file = std::fs::metadata(output).is_ok_and(|m| m.is_file());
    if is_file && !args.force && !persist::reads_as_session(output) {
        eprintln!(
            "{}: this file is not a session; choose another name for the merged session, or \
             pass --force to replace it (it is kept as {})",
            output.display(),
            persist::backup_of(output).display()
        );
        return Err(());
    }
    Ok(false)
}

/// Load, merge, save, tell. `Ok(true)` when clean, `Ok(false)` when conflicts remain, `Err`
/// when nothing was written.
fn merge(args: &MergeArgs, out: &mut Out) -> Result<bool, ()> {
    let in_place = check_paths(args)?;
    let mut sessions: Vec<Session> = Vec::new();
    for (path, _) in inputs(args) {
        match load(path, None) {
            Ok(loaded) if loaded.origin == Origin::Dossier => {
                eprintln!(
                    "{}: a dossier, not a session: merge joins analysts' sessions on a dossier",
                    path.display()
                );
                return Err(());
            }
            Ok(loaded) => sessions.push(loaded.session),
            Err(e) => {
                report_error(&e);
                return Err(());
            }
        }
    }
    let base = args.base.is_some().then(|| sessions.pop()).flatten();
    let sides: Vec<&Session> = sessions.iter().collect();
    let merged = match crate::teamwork::merge(base.as_ref(), &sides, &crate::model::now_rfc3339()) {
        Ok(m) => m,
        Err(MergeError::DifferentDossiers {
            first,
            other,
            input,
        }) => {
            let path = match input {
                Input::Base => args.base.as_deref().unwrap_or(Path::new("")),
                Input::Side(i) => &args.sessions[i],
            };
            eprintln!(
                "{}: on the dossier \"{other}\", but {} is on \"{first}\": only sessions on the \
                 same dossier merge",
                path.display(),
                args.sessions[0].display()
            );
            return Err(());
        }
        Err(e) => {
            eprintln!("{}: {e}", args.output.display());
            return Err(());
        }
    };
    let output = &args.output;
    match persist::save_merged(&merged.session, output, in_place) {
        Ok(size) if size > persist::MAX_FILE_SIZE => eprintln!(
            "{}: warning: the merged session is {size} bytes, more than the {} bytes Vis-à-vis \
             opens without asking (`--max-size`, or confirm in the window)",
            output.display(),
            persist::MAX_FILE_SIZE
        ),
        Ok(_) => {}
        Err(e) => {
            eprintln!("{e}");
            return Err(());
        }
    }
    tell(args, &merged, out);
    Ok(merged.is_clean())
}

/// The summary, each conflict, each difference kept as OURS had it, and what to do next.
fn tell(args: &MergeArgs, merged: &Merged, out: &mut Out) {
    let o = args.output.display();
    let s = &merged.summary;
    let name = |i: usize| args.sessions[i].display().to_string();
    let from = |counts: &[usize]| {
        counts
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{n} from {}", name(i)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let how = match &args.base {
        Some(b) => format!("three-way from {}", b.display()),
        None => "without a base".to_owned(),
    };
    out.line(format_args!(
        "{o}: merged {} sessions {how}: cells {} unchanged, {}, {} changed alike, {} in conflict; \
         dossier items {}, {} changed alike, {} in conflict",
        args.sessions.len(),
        s.cells_unchanged,
        from(&s.cells_from),
        s.cells_alike,
        s.cell_conflicts.len(),
        from(&s.items_from),
        s.items_alike,
        s.dossier_conflicts.len(),
    ));
    let session = &merged.session;
    for line in conflict_lines(session).iter().take(MAX_LISTED) {
        out.line(format_args!("{o}: conflict: {line}"));
    }
    let total = session.conflict_count();
    if total > MAX_LISTED {
        out.line(format_args!(
            "{o}: … and {} more conflicts",
            total - MAX_LISTED
        ));
    }
    for kept in &s.kept {
        out.line(format_args!(
            "{o}: not merged: {} was changed differently; {}'s is kept",
            kept.what,
            name(0)
        ));
        for (i, text) in &kept.dropped {
            match text {
                Some(text) => out.line(format_args!("  {}'s was: {text}", name(*i))),
                None => out.line(format_args!("  {} has none", name(*i))),
            }
        }
    }
    if merged.is_clean() {
        out.line(format_args!("{o}: merged cleanly, no conflict"));
        return;
    }
    let carried = s.carried_cell_conflicts + s.carried_dossier_conflicts;
    let carried = if carried > 0 {
        format!(", {carried} of them carried over from the inputs")
    } else {
        String::new()
    };
    let kept = if s.kept.is_empty() {
        String::new()
    } else {
        format!(
            "; {} difference{} kept as {} had {} (above): settle {} by hand",
            s.kept.len(),
            if s.kept.len() == 1 { "" } else { "s" },
            name(0),
            if s.kept.len() == 1 { "it" } else { "them" },
            if s.kept.len() == 1 { "it" } else { "them" },
        )
    };
    out.line(format_args!(
        "{o}: {total} conflict{} to resolve ({} cell{}, {} dossier item{}{carried}){kept}: open \
         {o} in the window to pick a side for each; `visavis validate {o}` lists them",
        if total == 1 { "" } else { "s" },
        session.cell_conflicts.len(),
        if session.cell_conflicts.len() == 1 {
            ""
        } else {
            "s"
        },
        session.dossier_conflicts.len(),
        if session.dossier_conflicts.len() == 1 {
            ""
        } else {
            "s"
        },
    ));
}

/// One line per conflict the session holds, cells first: what is in conflict and whose
/// versions it keeps. `validate` prints them too.
pub(super) fn conflict_lines(session: &Session) -> Vec<String> {
    let cells = session.cell_conflicts.iter().map(|(cell, c)| {
        format!(
            "the cell {cell}: {} versions ({})",
            c.sides.len(),
            c.sides.iter().map(cell_side).collect::<Vec<_>>().join("; ")
        )
    });
    let items = session.dossier_conflicts.iter().map(item_line);
    cells.chain(items).collect()
}

fn cell_side(a: &Assessment) -> String {
    let who = if a.author.is_empty() {
        "unknown author"
    } else {
        a.author.as_str()
    };
    if a.is_blank() {
        return format!("{who}: removed");
    }
    let stance = a
        .stance
        .map_or("unassessed", |s| s.label(crate::i18n::Lang::En));
    format!("{who}: {stance}")
}

fn item_line(c: &DossierConflict) -> String {
    let sides: Vec<String> = c
        .sides
        .iter()
        .map(|s| {
            let who = if s.author.is_empty() {
                "unknown author"
            } else {
                s.author.as_str()
            };
            let what = if s.version.is_some() {
                "its version"
            } else {
                "removed"
            };
            format!("{who}: {what}")
        })
        .collect();
    format!(
        "{}: {} versions ({})",
        c.item,
        c.sides.len(),
        sides.join("; ")
    )
}
