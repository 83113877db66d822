//! The ranking on dossiers whose right answer is obvious, passages, what a cell is offered, and
//! the evaluation's arithmetic on a case counted by hand. Its independence from the links it is
//! judged against is tested on the example, in `tests/method.rs`.

use super::eval::evaluate;
use super::{Index, Target, for_cell};
use crate::model::{
    Assessment, CellId, Citation, Dossier, Measure, Pillar, Position, PositionKind, Session,
    Source, SourceKind, Stakeholder, SuggestionKey,
};
use crate::sources::{Extracted, SourceText, SourceTexts};

fn citation(source: &str, excerpt: &str) -> Citation {
    Citation {
        source: source.into(),
        excerpt: excerpt.to_owned(),
        location: None,
    }
}

fn measure(id: &str, title: &str) -> Measure {
    Measure {
        id: id.into(),
        pillar: "p1".into(),
        pillar_inferred: false,
        title: title.to_owned(),
        summary: String::new(),
        figures: vec![],
        citations: vec![citation("gouv", title)],
    }
}

fn position(id: &str, stakeholder: &str, source: &str, text: &str) -> Position {
    Position {
        id: id.into(),
        stakeholder: stakeholder.into(),
        kind: PositionKind::Proposal,
        title: String::new(),
        citation: citation(source, text),
        measures: vec![],
    }
}

fn source(id: &str, stakeholder: Option<&str>) -> Source {
    Source {
        id: id.into(),
        title: id.to_owned(),
        organisation: String::new(),
        date: "2020".into(),
        kind: SourceKind::Other,
        file: None,
        url: None,
        stakeholder: stakeholder.map(Into::into),
    }
}

/// Two measures (salaries, hospitals), one stakeholder with a position on each and `filler`
/// positions that share no word with anything.
fn dossier(filler: usize) -> Dossier {
    let mut positions = vec![
        position(
            "salaires",
            "fed",
            "fed-doc",
            "Les salaires des infirmières doivent enfin être revalorisés.",
        ),
        position(
            "hopitaux",
            "fed",
            "fed-doc",
            "Nous demandons de nouveaux hôpitaux de proximité dans chaque territoire.",
        ),
    ];
    for n in 0..filler {
        let words = [
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
        ];
        positions.push(position(
            &format!("autre-{n}"),
            "fed",
            "fed-doc",
            &format!("{} {}", words[n % 10], words[(n + 3) % 10]),
        ));
    }
    Dossier {
        id: "test".into(),
        title: "Test".into(),
        description: String::new(),
        sources: vec![source("gouv", None), source("fed-doc", Some("fed"))],
        pillars: vec![Pillar {
            id: "p1".into(),
            title: "Pilier".into(),
            description: String::new(),
        }],
        measures: vec![
            measure("m-salaires", "Revaloriser le salaire des infirmiers"),
            measure("m-hopitaux", "Construire des hôpitaux de proximité"),
        ],
        stakeholders: vec![Stakeholder {
            id: "fed".into(),
            name: "FED".into(),
            full_name: "Fédération".into(),
            description: String::new(),
        }],
        positions,
    }
}

fn first_position(index: &Index, d: &Dossier, measure: usize) -> String {
    match index.rank(measure, 0).first().map(|s| s.target.clone()) {
        Some(Target::Position(p)) => d.positions[p].id.as_str().to_owned(),
        other => panic!("no position first: {other:?}"),
    }
}

#[test]
fn each_measure_ranks_the_position_that_speaks_of_it_first() {
    let d = dossier(4);
    let index = Index::build(&d, |_| None);
    assert_eq!(first_position(&index, &d, 0), "salaires");
    assert_eq!(first_position(&index, &d, 1), "hopitaux");
    let best = &index.rank(0, 0)[0];
    assert!(
        best.matched.contains(&"salair".to_owned()),
        "{:?}",
        best.matched
    );
    assert!(
        best.matched.contains(&"infirmi".to_owned()),
        "infirmiers / infirmières"
    );
    assert!(
        best.matched.iter().any(|m| m.starts_with("revalor")),
        "revaloriser / revalorisés: {:?}",
        best.matched
    );
    // The filler shares no word with either measure: never suggested.
    assert_eq!(index.rank(0, 0).len(), 1, "{:?}", index.rank(0, 0));
    // The other direction: a proposal's words point at its measure.
    assert_eq!(index.measures_for(1)[0].0, 1);
    assert_eq!(index.measures_for(0)[0].0, 0);
}

#[test]
fn paragraphs_of_the_stakeholders_documents_are_passages_unless_they_hold_a_quote() {
    let d = dossier(0);
    let text = "Les salaires des infirmières doivent enfin être revalorisés.\n\n\
                Un autre paragraphe sur le salaire des infirmiers de nuit, revalorisé trop tard.\n\n\
                Titre court";
    let mut texts = SourceTexts::default();
    texts.texts.insert(
        "fed-doc".into(),
        SourceText::new(Extracted::from_text(text, false)),
    );
    let index = Index::build(&d, |id| texts.get(id));
    let ranked = index.rank(0, 0);
    let passages: Vec<&Target> = ranked
        .iter()
        .map(|s| &s.target)
        .filter(|t| matches!(t, Target::Passage { .. }))
        .collect();
    assert_eq!(
        passages.len(),
        1,
        "the quoted paragraph and the short one are no passage: {ranked:?}"
    );
    let Target::Passage {
        paragraph,
        start,
        end,
        ..
    } = passages[0]
    else {
        unreachable!()
    };
    assert_eq!(*paragraph, 1);
    let start = usize::try_from(*start).expect("offset");
    let end = usize::try_from(*end).expect("offset");
    assert!(text[start..end].starts_with("Un autre paragraphe"));
    assert!(text[start..end].ends_with("trop tard."));
}

#[test]
fn a_cell_is_offered_neither_what_it_cites_nor_what_was_dismissed() {
    let d = dossier(0);
    let mut session = Session::new(d.clone(), "A", "2026-01-01T00:00:00Z");
    let index = Index::build(&d, |_| None);
    assert_eq!(for_cell(&index, &session, 0, 0, 5).len(), 1);
    let cell = CellId::new(d.measures[0].id.clone(), d.stakeholders[0].id.clone());
    let mut a = Assessment::default();
    a.evidence.insert(d.positions[0].id.clone());
    session.assessments.insert(cell.clone(), a);
    assert!(
        for_cell(&index, &session, 0, 0, 5).is_empty(),
        "already cited"
    );
    let mut a = Assessment::default();
    a.dismissed
        .insert(SuggestionKey::Position(d.positions[0].id.clone()));
    session.assessments.insert(cell, a);
    assert!(for_cell(&index, &session, 0, 0, 5).is_empty(), "dismissed");
    assert_eq!(
        for_cell(&index, &session, 1, 0, 5).len(),
        1,
        "another cell still has it"
    );
}

#[test]
fn the_evaluation_on_a_case_counted_by_hand() {
    // 12 positions: the two that speak of a measure, ten that share no word with anything. Each
    // cell cites its one position. The ranking and the overlap put it first: P@3 = 1/3 (one of
    // the first three), R@10 = 1. At random, 3 · 1/12 of a hit among the first three (P@3 =
    // 1/12) and the cited position among the first ten 10 times in 12 (R@10 = 5/6).
    let d = dossier(10);
    let mut session = Session::new(d.clone(), "A", "2026-01-01T00:00:00Z");
    for (m, p) in [(0, 0), (1, 1)] {
        let mut a = Assessment::default();
        a.evidence.insert(d.positions[p].id.clone());
        session.assessments.insert(
            CellId::new(d.measures[m].id.clone(), d.stakeholders[0].id.clone()),
            a,
        );
    }
    let rows = evaluate(&session, &Index::build(&d, |_| None));
    assert_eq!(rows.len(), 2, "the stakeholder, then overall");
    let overall = &rows[1];
    assert_eq!(overall.stakeholder, None);
    assert_eq!(overall.cells, 2);
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(overall.ranking.precision_at_3, 1.0 / 3.0));
    assert!(close(overall.ranking.recall_at_10, 1.0));
    assert!(close(overall.overlap.precision_at_3, 1.0 / 3.0));
    assert!(close(overall.overlap.recall_at_10, 1.0));
    assert!(close(overall.random.precision_at_3, 1.0 / 12.0));
    assert!(close(overall.random.recall_at_10, 5.0 / 6.0));
}
