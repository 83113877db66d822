//! Dossiers for the model's unit tests: a tiny one (two measures in one pillar, two
//! stakeholders, one position each) and a grid of any size with many positions per cell.

use crate::model::{
    Citation, Dossier, Measure, MeasureId, Pillar, Position, PositionKind, Session, Source,
    SourceKind, Stakeholder,
};

fn citation(source: &str, excerpt: &str) -> Citation {
    Citation {
        source: source.into(),
        excerpt: excerpt.to_owned(),
        location: None,
    }
}

fn source(id: &str) -> Source {
    Source {
        id: id.into(),
        title: "Source".into(),
        organisation: "Org".into(),
        date: "2020".into(),
        kind: SourceKind::Other,
        file: None,
        url: None,
        stakeholder: None,
    }
}

fn measure(id: &str) -> Measure {
    Measure {
        id: id.into(),
        pillar: "p1".into(),
        pillar_inferred: false,
        title: format!("Mesure {id}"),
        summary: String::new(),
        figures: vec![],
        citations: vec![citation("src", "texte")],
    }
}

fn stakeholder(id: &str) -> Stakeholder {
    Stakeholder {
        id: id.into(),
        name: id.to_uppercase(),
        full_name: id.to_owned(),
        description: String::new(),
    }
}

fn position(id: &str, s: &str, source: &str, measures: Vec<MeasureId>) -> Position {
    Position {
        id: id.into(),
        stakeholder: s.into(),
        kind: PositionKind::Reaction,
        title: id.to_owned(),
        citation: citation(source, "citation"),
        measures,
    }
}

fn pillar() -> Pillar {
    Pillar {
        id: "p1".into(),
        title: "Pilier".into(),
        description: String::new(),
    }
}

pub(crate) fn dossier() -> Dossier {
    Dossier {
        id: "tiny".into(),
        title: "Petit dossier".into(),
        description: String::new(),
        sources: vec![source("src")],
        pillars: vec![pillar()],
        measures: vec![measure("m1"), measure("m2")],
        stakeholders: vec![stakeholder("a"), stakeholder("b")],
        positions: vec![
            position("a1", "a", "src", vec!["m1".into()]),
            position("b1", "b", "src", vec!["m1".into()]),
        ],
    }
}

/// `measures` × `stakeholders` cells (`m1`…, `s1`…) in one pillar. Each stakeholder holds one
/// position per four measures (at least one), quoting its own source (`src-s1`…) and speaking
/// to zero to three distinct measures; positions `2i` and `2i + 1` of a stakeholder share their
/// first measure, so some cells have several positions.
pub(crate) fn grid(measures: usize, stakeholders: usize) -> Dossier {
    let per = (measures / 4).max(1);
    let mut sources = vec![source("src")];
    let mut positions = Vec::new();
    for k in 1..=stakeholders {
        let s = format!("s{k}");
        let own = format!("src-{s}");
        sources.push(source(&own));
        for j in 0..per {
            let mut on: Vec<MeasureId> = Vec::new();
            for t in 0..j % 4 {
                let m = format!("m{}", 1 + (j / 2 * 7 + k + t * 37) % measures);
                let m = MeasureId::from(m.as_str());
                if !on.contains(&m) {
                    on.push(m);
                }
            }
            positions.push(position(&format!("{s}-{j}"), &s, &own, on));
        }
    }
    Dossier {
        id: format!("grid-{measures}x{stakeholders}"),
        title: "Dossier quadrillé".into(),
        description: String::new(),
        sources,
        pillars: vec![pillar()],
        measures: (1..=measures).map(|i| measure(&format!("m{i}"))).collect(),
        stakeholders: (1..=stakeholders)
            .map(|k| stakeholder(&format!("s{k}")))
            .collect(),
        positions,
    }
}

pub(crate) fn session() -> Session {
    Session::new(dossier(), "Camille", "2026-01-01T00:00:00Z")
}
