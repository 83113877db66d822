//! The method of the example analysis, checked (issue 13): a judgement rests on a quote that
//! speaks to its measure, Silent cites nothing, a note quotes only what its cell cites, and every
//! reaction that asks for something has been reviewed. Each check is a function returning the
//! problems it finds; each runs on the example (no problem) and on a small broken copy of it (a
//! problem), so none can pass vacuously.

use std::path::Path;
use visavis::model::{
    Assessment, CellId, Dossier, PositionKind, ReviewOrigin, ReviewReason, Session, Stance,
};
use visavis::persist;

fn example() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/segur-analyse-exemple.ron");
    persist::load(&path).expect("the example loads").session
}

/// Whitespace runs become one space: the only normalisation allowed against a source.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the analyst flagged the cell "à vérifier" and said why: in the flag, or in the note
/// (the example's flags, migrated from format 2 labels, have their reason in the note).
fn checked_with_a_reason(a: &Assessment) -> bool {
    match a.review.get(&ReviewReason::Check) {
        Some(ReviewOrigin::Analyst { why: Some(why) }) => !why.trim().is_empty(),
        Some(ReviewOrigin::Analyst { why: None }) => a.note.contains("vérifier"),
        _ => false,
    }
}

/// (1) Every non-Silent cell cites a position linked to its measure or whose excerpt names the
/// measure's title; else the analyst flagged it "à vérifier" and said why.
fn unsupported_judgements(s: &Session) -> Vec<String> {
    let mut problems = Vec::new();
    for (cell, a) in &s.assessments {
        let Some(stance) = a.stance else { continue };
        if stance == Stance::Silent {
            continue;
        }
        let title = s
            .dossier
            .measure(&cell.measure)
            .map(|m| m.title.to_lowercase());
        let speaks = a.evidence.iter().any(|id| {
            s.dossier.position(id).is_some_and(|p| {
                p.measures.contains(&cell.measure)
                    || title
                        .as_deref()
                        .is_some_and(|t| p.citation.excerpt.to_lowercase().contains(t))
            })
        });
        let flagged = checked_with_a_reason(a);
        if !speaks && !flagged {
            problems.push(format!(
                "{cell}: {stance:?} rests on no quote that speaks to the measure"
            ));
        }
    }
    problems
}

/// (2) Silent means no judgement: a Silent cell cites no evidence.
fn silent_with_evidence(s: &Session) -> Vec<String> {
    s.assessments
        .iter()
        .filter(|(_, a)| a.stance == Some(Stance::Silent) && !a.evidence.is_empty())
        .map(|(cell, a)| format!("{cell}: Silent but cites {} position(s)", a.evidence.len()))
        .collect()
}

/// The quoted spans of a note: outermost « … » (nesting counted), “…” and "…".
fn quoted(note: &str) -> Vec<String> {
    let mut spans = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for ch in note.chars() {
        match ch {
            '«' => {
                if depth > 0 {
                    current.push(ch);
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    spans.push(std::mem::take(&mut current));
                } else {
                    current.push(ch);
                }
            }
            _ if depth > 0 => current.push(ch),
            _ => {}
        }
    }
    if depth > 0 {
        spans.push(current);
    }
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut rest = note;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = after.find(close) else {
                spans.push(after.to_owned());
                break;
            };
            spans.push(after[..j].to_owned());
            rest = &after[j + close.len_utf8()..];
        }
    }
    spans
}

/// (3) No note puts words in quotation marks that are not in an excerpt its cell cites.
fn quotes_outside_evidence(s: &Session) -> Vec<String> {
    let mut problems = Vec::new();
    for (cell, a) in &s.assessments {
        let excerpts: Vec<String> = a
            .evidence
            .iter()
            .filter_map(|id| s.dossier.position(id))
            .map(|p| normalise(&p.citation.excerpt))
            .collect();
        for span in quoted(&a.note) {
            let span = normalise(&span);
            if !excerpts.iter().any(|e| e.contains(&span)) {
                problems.push(format!("{cell}: quotes « {span} », in no cited excerpt"));
            }
        }
    }
    problems
}

/// Word stems that mark a demand in French ("demande", "souhaite", "espère", "nécessite",
/// "doit", "il faut", "appelle", and their forms).
const DEMAND_STEMS: [&str; 11] = [
    "demand",
    "souhait",
    "espère",
    "nécessit",
    "nécessaire",
    "doit",
    "doivent",
    "il faut",
    "il convient",
    "appel",
    "attente",
];

/// Reactions that contain a demand stem and stay reactions, each with the reason.
const REVIEWED_REACTIONS: [(&str, &str); 2] = [
    (
        "uniopss-r-10",
        "« partage le souhait » de proximité des conclusions (the wish is the government's) and \
         « appelée de ses vœux » a coordination it now sees answered: approval, not a demand",
    ),
    (
        "cnom-03",
        "« beaucoup d'attente » côté libéral is a finding that names no object; the demand that \
         follows it in the source is its own position, cnom-06 (Proposal)",
    ),
];

/// (4) Every Reaction whose excerpt holds a demand stem is listed in [`REVIEWED_REACTIONS`].
fn unreviewed_demands(d: &Dossier) -> Vec<String> {
    d.positions
        .iter()
        .filter(|p| p.kind == PositionKind::Reaction)
        .filter(|p| {
            let text = p.citation.excerpt.to_lowercase();
            DEMAND_STEMS.iter().any(|stem| text.contains(stem))
        })
        .filter(|p| {
            !REVIEWED_REACTIONS
                .iter()
                .any(|(id, _)| p.id.as_str() == *id)
        })
        .map(|p| {
            format!(
                "{}: a reaction that asks for something; re-kind it or justify it",
                p.id
            )
        })
        .collect()
}

#[test]
fn every_judgement_of_the_example_rests_on_a_quote_about_its_measure() {
    let s = example();
    assert_eq!(unsupported_judgements(&s), Vec::<String>::new());
    // Broken copy: a Silent cell of the FHF judged Gap on a quote linked to another measure.
    let mut broken = s.clone();
    let cell = CellId::new("reprise-dette-hospitaliere", "fhf");
    let a = broken.assessments.get_mut(&cell).expect("cell");
    a.stance = Some(Stance::Gap);
    a.evidence.insert("fhf-01".into());
    assert_eq!(unsupported_judgements(&broken).len(), 1);
    // A free label "à vérifier" is no flag: it counts for nothing.
    let a = broken.assessments.get_mut(&cell).expect("cell");
    a.labels.insert("à vérifier".to_owned());
    assert_eq!(unsupported_judgements(&broken).len(), 1);
    // A flag without a reason does not either.
    let a = broken.assessments.get_mut(&cell).expect("cell");
    a.review
        .insert(ReviewReason::Check, ReviewOrigin::Analyst { why: None });
    assert_eq!(unsupported_judgements(&broken).len(), 1);
    // The analyst's flag with a reason lets it through.
    let a = broken.assessments.get_mut(&cell).expect("cell");
    a.review.insert(
        ReviewReason::Check,
        ReviewOrigin::Analyst {
            why: Some("Rattachement incertain : la citation vise les lits.".to_owned()),
        },
    );
    assert_eq!(unsupported_judgements(&broken), Vec::<String>::new());
}

#[test]
fn silent_cells_of_the_example_cite_nothing() {
    let s = example();
    assert_eq!(silent_with_evidence(&s), Vec::<String>::new());
    let mut broken = s.clone();
    let cell = CellId::new("reprise-dette-hospitaliere", "cnom");
    let a = broken.assessments.get_mut(&cell).expect("cell");
    assert_eq!(a.stance, Some(Stance::Silent));
    a.evidence.insert("cnom-01".into());
    assert_eq!(silent_with_evidence(&broken).len(), 1);
}

#[test]
fn notes_of_the_example_quote_only_their_cited_excerpts() {
    let s = example();
    assert_eq!(quotes_outside_evidence(&s), Vec::<String>::new());
    let quoting = s
        .assessments
        .values()
        .filter(|a| !quoted(&a.note).is_empty())
        .count();
    assert!(
        quoting >= 20,
        "only {quoting} notes quote: the check would be idle"
    );
    let mut broken = s.clone();
    let cell = CellId::new("lits-a-la-demande", "fhf");
    let a = broken.assessments.get_mut(&cell).expect("cell");
    a.note
        .push_str(" La FHF y voit « le parent pauvre du Ségur ».");
    a.note
        .push_str(" Elle parle d'une “approche  beaucoup plus pragmatique”.");
    a.note.push_str(" Et de \"tout autre chose\".");
    assert_eq!(
        quotes_outside_evidence(&broken),
        vec![
            "lits-a-la-demande × fhf: quotes « le parent pauvre du Ségur », in no cited excerpt"
                .to_owned(),
            "lits-a-la-demande × fhf: quotes « tout autre chose », in no cited excerpt".to_owned(),
        ],
        "the curly quotation, verbatim up to whitespace, is accepted"
    );
}

#[test]
fn quoted_spans_nest_and_close() {
    assert_eq!(
        quoted("Si le Ségur est « un « Ségur de l’hôpital » », « on peut être satisfait »."),
        vec![" un « Ségur de l’hôpital » ", " on peut être satisfait "]
    );
    assert_eq!(quoted("« ouvert"), vec![" ouvert"]);
    assert!(quoted("aucune citation").is_empty());
}

#[test]
fn every_reaction_that_asks_for_something_was_reviewed() {
    let d = example().dossier;
    assert_eq!(unreviewed_demands(&d), Vec::<String>::new());
    for (id, why) in REVIEWED_REACTIONS {
        let p = d
            .position(&id.into())
            .unwrap_or_else(|| panic!("{id} is gone: drop it from the list"));
        assert_eq!(p.kind, PositionKind::Reaction, "{id}: {why}");
    }
    let mut broken = d.clone();
    let p = broken
        .positions
        .iter_mut()
        .find(|p| p.id.as_str() == "uniopss-r-13")
        .expect("position");
    p.kind = PositionKind::Reaction;
    assert_eq!(
        unreviewed_demands(&broken).len(),
        1,
        "« espère » is a demand"
    );
}

/// The pillar descriptions quote source 003 (the launch's four stakes): every « … » span in them
/// is verbatim in 003, its markdown emphasis (`**`) aside.
#[test]
fn pillar_descriptions_quote_the_launch_article_verbatim() {
    let Some(dir) = std::env::var_os("VISAVIS_SOURCES_DIR") else {
        eprintln!("skipped: set VISAVIS_SOURCES_DIR to the folder of the seed texts");
        return;
    };
    let d = example().dossier;
    let source = d
        .sources
        .iter()
        .find(|s| s.id.as_str() == "avocat-segur")
        .expect("source 003 is in the dossier");
    let file = source.file.as_deref().expect("its file");
    let text = std::fs::read_to_string(Path::new(&dir).join(file)).expect("source 003");
    let text = normalise(&text.replace("**", ""));
    let fruits = std::fs::read_to_string(Path::new(&dir).join("004_ed07ee176c86311f.txt"))
        .expect("source 004");
    let fruits = normalise(&fruits);
    for p in &d.pillars {
        let spans = quoted(&p.description);
        assert!(spans.len() >= 2, "{}: quotes its title and its aim", p.id);
        for span in spans {
            let span = normalise(&span);
            assert!(
                text.contains(&span) || fruits.contains(&span),
                "{}: « {span} » is not in 003 (nor in 004)",
                p.id
            );
        }
    }
}

/// `visavis suggest --eval` on the example, as the README reports it: the table, the ranking
/// ahead of a random order, and a dossier (no links) refused.
#[test]
fn suggest_eval_prints_precision_and_recall_beside_the_baselines() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/segur-analyse-exemple.ron");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(["suggest", "--eval"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let overall: Vec<f64> = text
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("an overall row")
        .split_whitespace()
        .skip(2)
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert_eq!(overall.len(), 6, "{text}");
    let (p3, p3_random, r10, r10_random) = (overall[0], overall[2], overall[3], overall[5]);
    assert!(p3 > p3_random && r10 > r10_random, "{text}");

    let dir = tempfile::tempdir().expect("tempdir");
    let dossier = dir.path().join("dossier.ron");
    persist::save_dossier(&example().dossier, &dossier).expect("saved");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_visavis"))
        .args(["suggest", "--eval"])
        .arg(&dossier)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a dossier, not a session"));
}

/// The suggestions' ranking reads neither the cells' evidence nor the positions' links, which
/// `suggest --eval` judges it against: the same results on a copy of the example without them.
#[test]
fn the_ranking_reads_neither_the_evidence_nor_the_positions_links() {
    let session = example();
    let mut stripped = session.clone();
    for p in &mut stripped.dossier.positions {
        p.measures.clear();
    }
    for a in stripped.assessments.values_mut() {
        a.evidence = visavis::model::EvidenceSet::default();
    }
    assert_ne!(session, stripped, "there were links to remove");
    let with = visavis::suggest::Index::build(&session.dossier, |_| None);
    let without = visavis::suggest::Index::build(&stripped.dossier, |_| None);
    for m in 0..session.dossier.measures.len() {
        for s in 0..session.dossier.stakeholders.len() {
            assert_eq!(
                with.rank(m, s),
                without.rank(m, s),
                "measure {m}, stakeholder {s}"
            );
        }
    }
    for p in 0..session.dossier.positions.len() {
        assert_eq!(with.measures_for(p), without.measures_for(p));
    }
    // And the evaluation, which reads the links, still finds them in the original.
    assert!(
        visavis::suggest::eval::evaluate(&session, &with)
            .last()
            .expect("overall")
            .cells
            > 0
    );
}
