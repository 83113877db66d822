//! `visavis suggest SESSION`: the suggested evidence of [`crate::suggest`] for each cell, with
//! the words that matched, and the measures each unanswered proposal may speak to; with
//! `--eval`, the ranking measured against the session's own evidence links.

use super::Out;
use crate::model::{PositionKind, Session};
use crate::persist::{self, Origin};
use crate::sources::{self, Limits, SourceDirs};
use crate::suggest::{Index, Target, eval};
use std::fmt::Write as _;
use std::path::PathBuf;

/// The arguments of `visavis suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// The session (or dossier) file.
    pub session: PathBuf,
    /// Only this measure (its id).
    #[arg(long, value_name = "ID")]
    pub measure: Option<String>,
    /// Only this stakeholder (its id).
    #[arg(long, value_name = "ID")]
    pub stakeholder: Option<String>,
    /// Suggestions per cell.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub limit: usize,
    /// Measure the ranking against the session's evidence links: precision at 3 and recall at
    /// 10 per stakeholder and overall, beside a random order and plain word overlap.
    #[arg(long)]
    pub eval: bool,
    /// The folder of the source documents, whose paragraphs are suggested too (then
    /// `VISAVIS_SOURCES_DIR`, then the session's folder); `--eval` reads none.
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
}

/// Run `visavis suggest`; false when the file cannot be read or an id is unknown.
pub(super) fn run(args: &SuggestArgs, out: &mut Out) -> bool {
    let loaded = match persist::load(&args.session) {
        Ok(l) => l,
        Err(e) => {
            super::report_error(&e);
            return false;
        }
    };
    let session = &loaded.session;
    let d = &session.dossier;
    let find = |what: &str, id: &Option<String>, ids: Vec<&str>| -> Option<Vec<usize>> {
        let Some(id) = id else {
            return Some((0..ids.len()).collect());
        };
        let found = ids.iter().position(|x| x == id).map(|i| vec![i]);
        if found.is_none() {
            eprintln!(
                "{}: no {what} \"{id}\" in the dossier",
                args.session.display()
            );
        }
        found
    };
    let Some(measures) = find(
        "measure",
        &args.measure,
        d.measures.iter().map(|m| m.id.as_str()).collect(),
    ) else {
        return false;
    };
    let Some(stakeholders) = find(
        "stakeholder",
        &args.stakeholder,
        d.stakeholders.iter().map(|s| s.id.as_str()).collect(),
    ) else {
        return false;
    };
    if args.eval {
        if loaded.origin == Origin::Dossier {
            eprintln!(
                "{}: a dossier, not a session: it holds no evidence links to evaluate against",
                args.session.display()
            );
            return false;
        }
        let index = Index::build(d, |_| None);
        out.bytes(evaluation(session, &index).as_bytes());
        return true;
    }
    let dirs = SourceDirs::new(args.sources.as_deref(), Some(&args.session));
    let texts = sources::read_sources(d, &dirs, &Limits::default(), true);
    let index = Index::build(d, |id| texts.get(id));
    let mut s = String::new();
    for &m in &measures {
        let measure = &d.measures[m];
        let _ = writeln!(s, "{} — {}", measure.id, measure.title);
        for &k in &stakeholders {
            let cell = crate::model::CellId::new(measure.id.clone(), d.stakeholders[k].id.clone());
            let assessment = session.assessments.get(&cell);
            let list: Vec<_> = index.rank(m, k).into_iter().take(args.limit).collect();
            let _ = writeln!(s, "  {}", d.stakeholders[k].name);
            if list.is_empty() {
                let _ = writeln!(s, "    (no suggestion)");
            }
            let best = list.first().map_or(1.0, |x| x.score).max(f32::EPSILON);
            for (n, sg) in list.iter().enumerate() {
                let state = match (&sg.target, assessment) {
                    (Target::Position(p), Some(a)) if a.evidence.contains(&d.positions[*p].id) => {
                        " [cited]"
                    }
                    (_, Some(a)) if sg.key(d).is_some_and(|k| a.dismissed.contains(&k)) => {
                        " [dismissed]"
                    }
                    _ => "",
                };
                let _ = writeln!(
                    s,
                    "    {}. {:>5.2} {:<10} {}{state}",
                    n + 1,
                    sg.score,
                    bar(sg.score / best),
                    target(session, &texts, &sg.target)
                );
                let _ = writeln!(s, "       matched: {}", sg.matched.join(", "));
            }
        }
    }
    if args.measure.is_none() {
        unanswered(&mut s, session, &index, &stakeholders);
    }
    out.bytes(s.as_bytes());
    true
}

/// A score relative to the cell's best as a bar of ten.
fn bar(share: f32) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let filled = (share.clamp(0.0, 1.0) * 10.0).round() as usize;
    format!("{}{}", "█".repeat(filled), "·".repeat(10 - filled))
}

/// A suggestion as one line: a position by id and title, a passage by source, place and start.
fn target(session: &Session, texts: &sources::SourceTexts, t: &Target) -> String {
    let d = &session.dossier;
    match t {
        Target::Position(p) => {
            let p = &d.positions[*p];
            format!("{} « {} »", p.id, p.title)
        }
        Target::Passage {
            source, paragraph, ..
        } => {
            let src = &d.sources[*source];
            let text = texts.get(&src.id).map(sources::SourceText::extracted);
            let place = text
                .map(|e| e.place(*paragraph).to_string())
                .unwrap_or_default();
            let words: String = text
                .and_then(|e| e.paragraphs.get(*paragraph))
                .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
                .chars()
                .take(90)
                .collect();
            format!("passage of {} ({place}): « {words}… »", src.id)
        }
    }
}

/// The proposals linked to no measure, each with the measures its words may speak to.
fn unanswered(s: &mut String, session: &Session, index: &Index, stakeholders: &[usize]) {
    let d = &session.dossier;
    let cited: std::collections::BTreeSet<&crate::model::PositionId> = session
        .assessments
        .values()
        .flat_map(|a| a.evidence.iter())
        .collect();
    let mut header = false;
    for (p, position) in d.positions.iter().enumerate() {
        let owner = d
            .stakeholders
            .iter()
            .position(|k| k.id == position.stakeholder);
        if position.kind != PositionKind::Proposal
            || !position.measures.is_empty()
            || cited.contains(&position.id)
            || owner.is_none_or(|o| !stakeholders.contains(&o))
        {
            continue;
        }
        if !header {
            let _ = writeln!(
                s,
                "\nProposals no measure answers, and the measures they may speak to:"
            );
            header = true;
        }
        let _ = writeln!(s, "  {} « {} »", position.id, position.title);
        let found = index.measures_for(p);
        if found.is_empty() {
            let _ = writeln!(s, "    (no measure shares its words)");
        }
        for (m, score, matched) in found.into_iter().take(3) {
            let _ = writeln!(
                s,
                "    {:>5.2} {} — {} (matched: {})",
                score,
                d.measures[m].id,
                d.measures[m].title,
                matched.join(", ")
            );
        }
    }
}

/// The table of `--eval`.
fn evaluation(session: &Session, index: &Index) -> String {
    let rows = eval::evaluate(session, index);
    let mut s = String::new();
    let cells = rows.last().map_or(0, |r| r.cells);
    let _ = writeln!(
        s,
        "Against the session's evidence links: {cells} cells citing positions of their own stakeholder.\n\
         Precision at 3 (P@3) and recall at 10 (R@10), averaged over the cells; the random order is its expected value.\n"
    );
    let _ = writeln!(
        s,
        "{:<24} {:>5}  {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8}",
        "", "cells", "P@3", "overlap", "random", "R@10", "overlap", "random"
    );
    for r in &rows {
        let name = r.stakeholder.as_deref().unwrap_or("overall");
        let _ = writeln!(
            s,
            "{:<24} {:>5}  {:>8.3} {:>8.3} {:>8.3}  {:>8.3} {:>8.3} {:>8.3}",
            name,
            r.cells,
            r.ranking.precision_at_3,
            r.overlap.precision_at_3,
            r.random.precision_at_3,
            r.ranking.recall_at_10,
            r.overlap.recall_at_10,
            r.random.recall_at_10,
        );
    }
    let _ = writeln!(
        s,
        "\n(P@3 and R@10 columns: the ranking, then plain word overlap, then a random order.)"
    );
    s
}
