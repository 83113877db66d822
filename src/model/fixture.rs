//! A tiny dossier for the model's unit tests: two measures in one pillar, two stakeholders, one
//! position each.

use crate::model::{
    Citation, Dossier, Measure, Pillar, Position, PositionKind, Session, Source, SourceKind,
    Stakeholder,
};

fn citation(excerpt: &str) -> Citation {
    Citation {
        source: "src".into(),
        excerpt: excerpt.to_owned(),
        location: None,
    }
}

pub(crate) fn dossier() -> Dossier {
    let measure = |id: &str| Measure {
        id: id.into(),
        pillar: "p1".into(),
        pillar_inferred: false,
        title: format!("Mesure {id}"),
        summary: String::new(),
        figures: vec![],
        citations: vec![citation("texte")],
    };
    let stakeholder = |id: &str| Stakeholder {
        id: id.into(),
        name: id.to_uppercase(),
        full_name: id.to_owned(),
        description: String::new(),
    };
    let position = |id: &str, s: &str| Position {
        id: id.into(),
        stakeholder: s.into(),
        kind: PositionKind::Reaction,
        title: id.to_owned(),
        citation: citation("citation"),
        measures: vec!["m1".into()],
    };
    Dossier {
        id: "tiny".into(),
        title: "Petit dossier".into(),
        description: String::new(),
        sources: vec![Source {
            id: "src".into(),
            title: "Source".into(),
            organisation: "Org".into(),
            date: "2020".into(),
            kind: SourceKind::Other,
            file: None,
            url: None,
        }],
        pillars: vec![Pillar {
            id: "p1".into(),
            title: "Pilier".into(),
            description: String::new(),
        }],
        measures: vec![measure("m1"), measure("m2")],
        stakeholders: vec![stakeholder("a"), stakeholder("b")],
        positions: vec![position("a1", "a"), position("b1", "b")],
    }
}

pub(crate) fn session() -> Session {
    Session::new(dossier(), "Camille", "2026-01-01T00:00:00Z")
}
