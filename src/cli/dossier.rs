//! `visavis dossier …`: the commands on a dossier as a whole. `diff` compares two versions of a
//! dossier; `update` carries a session over to a new version. Another command of the group sits
//! beside them as one more variant of [`DossierCommand`] and one more arm in [`run`].

use super::{Out, read, same_file};
use crate::i18n::Lang;
use crate::model::{
    self, DossierDiff, IdChanges, MeasureStatus, ReviewReason, render_word_diff,
    render_word_diff_near,
};
use crate::persist::{self, Origin};
use std::path::{Path, PathBuf};

/// Unchanged words printed on each side of a change in a field's word diff.
const CONTEXT: usize = 8;

/// `visavis dossier …`.
#[derive(Debug, clap::Subcommand)]
pub enum DossierCommand {
    /// Draft a dossier from a folder of documents: a source per document (the government's at
    /// the top, one sub-folder per stakeholder), a stakeholder per sub-folder, and measures
    /// proposed from one document's numbered items (--measures-from).
    Init(super::DossierInitArgs),
    /// Print what changed from one version of a dossier to the next.
    ///
    /// Each measure added, removed, changed (with a word diff, `[-old-]{+new+}`) or renamed (matched by the
    /// similarity of its words), then the sources, pillars, stakeholders and positions, then a
    /// line of counts. Each file may be a dossier or a session (its dossier is compared). Exit
    /// status 0 whether or not they differ; 1 when a file cannot be read.
    Diff {
        /// The old version: a dossier or a session file.
        old: PathBuf,
        /// The new version: a dossier or a session file.
        new: PathBuf,
    },
    /// Carry a session over to a new version of its dossier, every assessment kept.
    ///
    /// Cells whose measure (or cited positions) changed are flagged « à revoir » with what
    /// changed, cells of a renamed measure move to its new id, cells of a removed measure stay
    /// as orphans. Writes nothing when an input is refused.
    Update {
        /// The session to carry over.
        session: PathBuf,
        /// The new dossier (or a session, whose dossier is taken).
        new_dossier: PathBuf,
        /// The session file to write (atomically, keeping a previous FILE.bak); never one of
        /// the inputs.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
}

/// Run a `dossier` command; whether it succeeded.
pub(super) fn run(command: &DossierCommand, out: &mut Out) -> bool {
    match command {
        DossierCommand::Init(args) => super::dossier_init::run(args, out),
        DossierCommand::Diff { old, new } => diff(old, new, out),
        DossierCommand::Update {
            session,
            new_dossier,
            output,
        } => update(session, new_dossier, output, out),
    }
}

/// `visavis dossier diff OLD NEW`.
fn diff(old: &Path, new: &Path, out: &mut Out) -> bool {
    let (Some(a), Some(b)) = (read(old), read(new)) else {
        return false;
    };
    let diff = model::diff_dossiers(&a.session.dossier, &b.session.dossier);
    out.line(format_args!(
        "{} → {}: dossier \"{}\"",
        old.display(),
        new.display(),
        b.session.dossier.title
    ));
    if diff.is_empty() {
        out.line(format_args!("no differences"));
    }
    print_diff(&diff, out);
    true
}

/// The diff, measure by measure, then the other items, then the counts.
fn print_diff(diff: &DossierDiff, out: &mut Out) {
    for (field, d) in &diff.dossier {
        out.line(format_args!("dossier {field}: {}", render_word_diff(d)));
    }
    for m in &diff.measures {
        let id = |id: &Option<model::MeasureId>| id.as_ref().map(ToString::to_string);
        let (old, new) = (
            id(&m.old).unwrap_or_default(),
            id(&m.new).unwrap_or_default(),
        );
        let fields = m
            .fields
            .iter()
            .map(|f| f.field.name())
            .collect::<Vec<_>>()
            .join(", ");
        match &m.status {
            MeasureStatus::Unchanged => continue,
            MeasureStatus::Changed => {
                out.line(format_args!("measure \"{new}\": changed ({fields})"));
            }
            MeasureStatus::Renamed { similarity } => {
                let also = if fields.is_empty() {
                    String::new()
                } else {
                    format!("; changed: {fields}")
                };
                out.line(format_args!(
                    "measure \"{old}\" → \"{new}\": renamed (matched by similarity {similarity:.2}){also}"
                ));
            }
            MeasureStatus::Added => {
                out.line(format_args!("measure \"{new}\": added (\"{}\")", m.title));
            }
            MeasureStatus::Removed => {
                out.line(format_args!("measure \"{old}\": removed (\"{}\")", m.title));
            }
        }
        for f in &m.fields {
            out.line(format_args!(
                "  {}: {}",
                f.field.name(),
                render_word_diff_near(&f.diff, CONTEXT)
            ));
        }
    }
    for (kind, ids) in [
        ("sources", listed(&diff.sources)),
        ("pillars", listed(&diff.pillars)),
        ("stakeholders", listed(&diff.stakeholders)),
        ("positions", listed(&diff.positions)),
    ] {
        if !ids.is_empty() {
            out.line(format_args!("{kind}: {ids}"));
        }
    }
    let c = diff.measure_counts();
    out.line(format_args!(
        "summary: measures {} unchanged, {} changed, {} renamed, {} added, {} removed; {}; {}; {}; {}",
        c.unchanged,
        c.changed,
        c.renamed,
        c.added,
        c.removed,
        counted("sources", &diff.sources),
        counted("pillars", &diff.pillars),
        counted("stakeholders", &diff.stakeholders),
        counted("positions", &diff.positions),
    ));
}

/// `added a, b; removed c; changed d`, leaving out the empty parts.
fn listed<Id: std::fmt::Display>(c: &IdChanges<Id>) -> String {
    let mut parts = Vec::new();
    for (what, ids) in [
        ("added", &c.added),
        ("removed", &c.removed),
        ("changed", &c.changed),
    ] {
        if !ids.is_empty() {
            let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
            parts.push(format!("{what} {}", ids.join(", ")));
        }
    }
    parts.join("; ")
}

fn counted<Id>(kind: &str, c: &IdChanges<Id>) -> String {
    format!(
        "{kind} {} added, {} removed, {} changed",
        c.added.len(),
        c.removed.len(),
        c.changed.len()
    )
}

/// `visavis dossier update SESSION NEW-DOSSIER -o OUT`.
fn update(session: &Path, new: &Path, output: &Path, out: &mut Out) -> bool {
    for input in [session, new] {
        if same_file(output, input) || output == input {
            eprintln!(
                "{}: this is one of the command's inputs; write the updated session to another file",
                output.display()
            );
            return false;
        }
    }
    let Some(loaded) = read(session) else {
        return false;
    };
    if loaded.origin == Origin::Dossier {
        eprintln!(
            "{}: a dossier, not a session: it holds no assessments to carry over (open it in the \
             window to start a session on it)",
            session.display()
        );
        return false;
    }
    let Some(next) = read(new) else {
        return false;
    };
    let dossier = &next.session.dossier;
    // The loader refuses an inconsistent dossier already; checked again here, as the window's
    // own dossier may not come from a file.
    let problems = dossier.validate();
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{}: {p}", new.display());
        }
        eprintln!(
            "{}: the new dossier has {} problem{}; fix them (`visavis validate`) before updating",
            new.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        return false;
    }
    if next.origin != Origin::Dossier {
        out.line(format_args!(
            "{}: a session; its dossier is taken as the new dossier",
            new.display()
        ));
    }
    if dossier.id != loaded.session.dossier.id {
        eprintln!(
            "{}: warning: the dossier's id is \"{}\", the session's was \"{}\"",
            new.display(),
            dossier.id,
            loaded.session.dossier.id
        );
    }
    let up = model::update_session(&loaded.session, dossier, &model::now_rfc3339());
    if let Err(e) = persist::save_within_limit(&up.session, false, output) {
        eprintln!("{e}");
        return false;
    }
    for cell in &up.to_review {
        if let Some(origin) = up.session.assessments[cell]
            .review
            .get(&ReviewReason::Revisit)
        {
            out.line(format_args!(
                "{}: to review: {cell}: {}",
                output.display(),
                origin.describe(Lang::En)
            ));
        }
    }
    let c = up.diff.measure_counts();
    let n = up.counts;
    out.line(format_args!(
        "{}: session updated to dossier \"{}\" (measures {} unchanged, {} changed, {} renamed, \
         {} added, {} removed): {} cells unchanged, {} to review ({} moved to a renamed \
         measure), {} orphaned, {} new cells",
        output.display(),
        dossier.title,
        c.unchanged,
        c.changed,
        c.renamed,
        c.added,
        c.removed,
        n.unchanged,
        n.to_review,
        n.moved,
        n.orphaned,
        n.new_cells
    ));
    true
}
