//! The embedded Ségur dossier and the example analysis: they parse, validate, and every quote
//! is verbatim from its source.

use std::collections::BTreeSet;
use std::path::Path;
use visavis::model::{Dossier, Stance};
use visavis::persist::{self, Origin};

fn dossier() -> Dossier {
    persist::default_dossier()
}

#[test]
fn embedded_dossier_parses_and_validates_clean() {
    let d = dossier();
    assert_eq!(d.validate(), vec![], "the embedded dossier has problems");
    assert_eq!(d.pillars.len(), 4, "the Ségur has four pillars");
    assert_eq!(d.stakeholders.len(), 3);
    assert!(
        (25..=40).contains(&d.measures.len()),
        "{} measures",
        d.measures.len()
    );
}

#[test]
fn every_position_speaks_to_existing_measures() {
    let d = dossier();
    let ids: BTreeSet<_> = d.measures.iter().map(|m| &m.id).collect();
    for p in &d.positions {
        for m in &p.measures {
            assert!(
                ids.contains(m),
                "position {} names unknown measure {m}",
                p.id
            );
        }
    }
}

#[test]
fn every_measure_has_a_citation_and_every_stakeholder_positions() {
    let d = dossier();
    for m in &d.measures {
        assert!(!m.citations.is_empty(), "measure {} has no citation", m.id);
    }
    for s in &d.stakeholders {
        assert!(
            d.positions_of(&s.id).next().is_some(),
            "stakeholder {} has no position",
            s.id
        );
    }
}

/// Collapse every run of whitespace (line breaks, repeated or non-breaking spaces) to one space:
/// the only normalisation allowed between an excerpt and its source.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn excerpts_are_verbatim_from_their_sources() {
    let Some(dir) = std::env::var_os("VISAVIS_SOURCES_DIR") else {
        eprintln!(
            "skipped: set VISAVIS_SOURCES_DIR to the folder of the seed texts to check excerpts"
        );
        return;
    };
    let d = dossier();
    let mut failures = Vec::new();
    let mut checked = 0;
    let citations = d
        .measures
        .iter()
        .flat_map(|m| m.citations.iter().map(move |c| (m.id.to_string(), c)))
        .chain(d.positions.iter().map(|p| (p.id.to_string(), &p.citation)));
    for (item, c) in citations {
        let source = d.source(&c.source).expect("validated");
        let file = source
            .file
            .as_deref()
            .expect("every Ségur source names its file");
        let text = std::fs::read_to_string(Path::new(&dir).join(file))
            .unwrap_or_else(|e| panic!("cannot read source {file}: {e}"));
        if !normalise(&text).contains(&normalise(&c.excerpt)) {
            failures.push(format!("{item}: not verbatim in {file}: {}", c.excerpt));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} excerpts differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 80, "only {checked} excerpts checked");
}

#[test]
fn example_session_loads_and_references_only_existing_ids() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/segur-analyse-exemple.ron");
    let loaded = persist::load(&path).expect("the example session loads");
    // Format 2 until it is rewritten with `visavis fmt`, then the current format.
    assert!(
        matches!(
            loaded.origin,
            Origin::Session | Origin::Migrated { from: 2 }
        ),
        "{:?}",
        loaded.origin
    );
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let s = &loaded.session;
    assert_eq!(s.orphans().count(), 0);
    assert!(s.dangling_evidence().is_empty());
    assert_eq!(
        s.dossier,
        dossier(),
        "the example embeds the current dossier"
    );
    assert_eq!(
        s.assessed_count(),
        s.dossier.cell_count(),
        "every cell is assessed"
    );
    for (cell, a) in &s.assessments {
        assert!(!a.note.trim().is_empty(), "{cell} has no note");
        if a.stance != Some(Stance::Silent) {
            assert!(!a.evidence.is_empty(), "{cell} is tagged without evidence");
        }
    }
}
