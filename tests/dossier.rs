//! The embedded Ségur dossier and the example analysis: they parse, validate, and every quote
//! is verbatim from its source. Then `visavis dossier init` (`init`) and `visavis dossier diff`
//! and `update` (`update`), in one test binary (each binary links the whole crate).

#[path = "dossier/init.rs"]
mod init;
#[path = "dossier/update.rs"]
mod update;

use std::collections::BTreeSet;
use std::path::Path;
use visavis::model::{Dossier, Stance};
use visavis::persist::{self, Origin};
use visavis::sources;

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

#[test]
fn excerpts_are_verbatim_from_their_sources() {
    let Some(dir) = std::env::var_os("VISAVIS_SOURCES_DIR") else {
        eprintln!(
            "skipped: set VISAVIS_SOURCES_DIR to the folder of the seed texts to check excerpts"
        );
        return;
    };
    let d = dossier();
    let texts: std::collections::BTreeMap<_, _> = d
        .sources
        .iter()
        .map(|s| {
            let file = s
                .file
                .as_deref()
                .expect("every Ségur source names its file");
            let extracted = sources::extract(&Path::new(&dir).join(file))
                .unwrap_or_else(|e| panic!("cannot read source {file}: {e}"));
            (s.id.clone(), sources::SourceText::new(extracted))
        })
        .collect();
    let checked = sources::verify_dossier(&d, |id| texts.get(id));
    // Verified as written: only white space may differ, not even typography.
    let failures: Vec<String> = checked
        .iter()
        .filter(|c| !matches!(c.verification, sources::Verification::Verified { .. }))
        .map(|c| format!("{}: {:?}: {}", c.which, c.verification, c.citation.excerpt))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} excerpts differ:\n{}",
        failures.len(),
        checked.len(),
        failures.join("\n")
    );
    assert!(
        checked.len() >= 80,
        "only {} excerpts checked",
        checked.len()
    );
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
