//! Strategies for property tests, shared by the test binaries that need them (`persist`'s round
//! trips, `teamwork`'s merges): any consistent dossier, any session on it with every field of
//! format 3 filled or not (syntheses, review flags, dismissed suggestions, conflicts,
//! candidates, a source's stakeholder), orphans included, with text that is hard for a RON
//! writer or reader (unicode, quotes, backslashes, line breaks, RON syntax, comments, raw
//! string openers) in notes, labels, names, titles and ids.
//!
//! 64 cases per property by default; `VISAVIS_PROPTEST_CASES=10000` for a long run.

// Each binary uses part of the strategies.
#![allow(dead_code)]

use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;
use std::collections::BTreeMap;
use visavis::model::{
    Assessment, Candidate, CandidateOrigin, CellConflict, CellId, Citation, Dossier, DossierChange,
    DossierConflict, DossierItem, DossierSide, Figure, Measure, Pillar, Position, PositionKind,
    ReviewOrigin, ReviewReason, Session, Source, SourceKind, Stakeholder, Stance, SuggestionKey,
    Syntheses,
};

/// The number of cases: 64, or `VISAVIS_PROPTEST_CASES`.
pub fn config() -> ProptestConfig {
    let cases = std::env::var("VISAVIS_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Pieces that are hard for a RON writer or reader.
const TRICKY: &[&str] = &[
    ")",
    "(",
    "]",
    "[",
    "}",
    "{",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "\\\\",
    "\\\"",
    "\\n",
    "\\u{41}",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "/*",
    "*/",
    "//",
    "/* a */",
    "r#\"",
    "\"#",
    "r##\"",
    "#",
    "#![enable(implicit_some)]",
    "Some(",
    "None",
    "format: 3,",
    "b\"",
    "\u{feff}",
    "\u{200b}",
    "\u{2028}",
    "\u{301}",
    "e\u{301}",
    "\u{7f}",
    "\u{80}",
    "\u{ffff}",
    "\u{10ffff}",
    "𝄞",
    "👩‍⚕️",
    "é",
    "œ",
    "’",
    "«\u{a0}",
    "Ségur",
    " ",
    "  ",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(TRICKY).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        2 => "[a-zA-Z0-9 éèàçÉ]{1,12}",
    ]
}

/// Any text, tricky pieces included.
fn text() -> impl Strategy<Value = String> {
    vec(fragment(), 0..8).prop_map(|parts| parts.concat())
}

/// Text with something besides white space (titles, excerpts and ids must have some).
fn solid_text() -> impl Strategy<Value = String> {
    (text(), "[a-zA-Z0-9é]").prop_map(|(t, c)| format!("{t}{c}"))
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

/// Finite numbers of every magnitude (NaN is not equal to itself, so it cannot round-trip by
/// `==`; it is tested apart).
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite or infinite, not NaN", |x| !x.is_nan()),
        Just(0.0),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        Just(f64::MAX),
        Just(1e-320),
        Just(183.0),
        Just(0.1),
    ]
}

fn figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        (text(), number(), text()).prop_map(|(label, value, unit)| Figure::Amount {
            label,
            value,
            unit
        }),
        (text(), number(), text()).prop_map(|(label, value, unit)| Figure::Quantity {
            label,
            value,
            unit
        }),
        (text(), text()).prop_map(|(label, date)| Figure::Date { label, date }),
    ]
}

fn source_kind() -> impl Strategy<Value = SourceKind> {
    proptest::sample::select(vec![
        SourceKind::PressRelease,
        SourceKind::Contribution,
        SourceKind::Article,
        SourceKind::Official,
        SourceKind::Other,
    ])
}

/// Ids made unique by a suffix, each with arbitrary text before it.
fn ids(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    vec(text(), n).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, t)| format!("{t}#{i}"))
            .collect()
    })
}

/// A consistent dossier (it passes `Dossier::validate`) with arbitrary text everywhere.
pub fn dossier() -> impl Strategy<Value = Dossier> {
    let sources = (
        ids(1..3),
        vec(
            (
                text(),
                text(),
                text(),
                source_kind(),
                optional_text(),
                optional_text(),
                proptest::option::of(any::<usize>()),
            ),
            3,
        ),
    );
    let pillars = (ids(1..3), vec((text(), text()), 3));
    let measures = vec(
        (
            solid_text(),
            text(),
            any::<bool>(),
            vec(figure(), 0..3),
            vec((solid_text(), optional_text(), any::<usize>()), 1..3),
        ),
        1..5,
    );
    let stakeholders = (ids(1..4), vec((text(), text(), text()), 4));
    let positions = vec(
        (
            any::<usize>(),
            any::<bool>(),
            text(),
            (solid_text(), optional_text(), any::<usize>()),
            vec(any::<usize>(), 0..3),
        ),
        0..5,
    );
    (
        (text(), text(), text()),
        sources,
        pillars,
        (ids(5..6), measures),
        stakeholders,
        (ids(5..6), positions),
    )
        .prop_map(
            |(
                (id, title, description),
                (source_ids, source_data),
                (pillar_ids, pillar_data),
                (measure_ids, measure_data),
                (stakeholder_ids, stakeholder_data),
                (position_ids, position_data),
            )| {
                let cite =
                    |(excerpt, location, source): (String, Option<String>, usize)| Citation {
                        source: source_ids[source % source_ids.len()].as_str().into(),
                        excerpt,
                        location,
                    };
                let sources = source_ids
                    .iter()
                    .zip(source_data)
                    .map(
                        |(id, (title, organisation, date, kind, file, url, owner))| Source {
                            id: id.as_str().into(),
                            title,
                            organisation,
                            date,
                            kind,
                            file,
                            url,
                            stakeholder: owner.map(|i| {
                                stakeholder_ids[i % stakeholder_ids.len()].as_str().into()
                            }),
                        },
                    )
                    .collect();
                let pillars: Vec<Pillar> = pillar_ids
                    .iter()
                    .zip(pillar_data)
                    .map(|(id, (title, description))| Pillar {
                        id: id.as_str().into(),
                        title,
                        description,
                    })
                    .collect();
                // Measures cycle through the pillars, so every pillar has one (one measure is
                // added per pillar beyond the generated ones if needed).
                let n_measures = measure_data.len().max(pillars.len());
                let measures: Vec<Measure> = measure_data
                    .into_iter()
                    .cycle()
                    .take(n_measures)
                    .enumerate()
                    .map(
                        |(i, (title, summary, pillar_inferred, figures, citations))| Measure {
                            id: measure_ids[i].as_str().into(),
                            pillar: pillars[i % pillars.len()].id.clone(),
                            pillar_inferred,
                            title,
                            summary,
                            figures,
                            citations: citations.into_iter().map(cite).collect(),
                        },
                    )
                    .collect();
                let stakeholders: Vec<Stakeholder> = stakeholder_ids
                    .iter()
                    .zip(stakeholder_data)
                    .map(|(id, (name, full_name, description))| Stakeholder {
                        id: id.as_str().into(),
                        name,
                        full_name,
                        description,
                    })
                    .collect();
                let positions = position_ids
                    .iter()
                    .zip(position_data)
                    .map(|(id, (who, proposal, title, citation, on))| Position {
                        id: id.as_str().into(),
                        stakeholder: stakeholders[who % stakeholders.len()].id.clone(),
                        kind: if proposal {
                            PositionKind::Proposal
                        } else {
                            PositionKind::Reaction
                        },
                        title,
                        citation: cite(citation),
                        measures: on
                            .into_iter()
                            .map(|m| measures[m % measures.len()].id.clone())
                            .collect(),
                    })
                    .collect();
                Dossier {
                    id,
                    title,
                    description,
                    sources,
                    pillars,
                    measures,
                    stakeholders,
                    positions,
                }
            },
        )
}

fn review_origin() -> impl Strategy<Value = ReviewOrigin> {
    let change = prop_oneof![
        Just(DossierChange::MeasureReworded),
        Just(DossierChange::MeasureFigures),
        Just(DossierChange::MeasureMoved),
        text().prop_map(|p| DossierChange::PositionReworded(p.as_str().into())),
        text().prop_map(|p| DossierChange::PositionRemoved(p.as_str().into())),
        text().prop_map(|p| DossierChange::PositionAdded(p.as_str().into())),
        text().prop_map(|m| DossierChange::MeasureRenamed(m.as_str().into())),
    ];
    prop_oneof![
        optional_text().prop_map(|why| ReviewOrigin::Analyst { why }),
        vec(change, 0..3).prop_map(|changes| ReviewOrigin::DossierUpdate { changes }),
    ]
}

fn suggestion_key() -> impl Strategy<Value = SuggestionKey> {
    prop_oneof![
        text().prop_map(|p| SuggestionKey::Position(p.as_str().into())),
        (text(), any::<u64>(), any::<u64>()).prop_map(|(source, a, b)| SuggestionKey::Passage {
            source: source.as_str().into(),
            start: a.min(b),
            end: a.max(b),
        }),
    ]
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        (
            proptest::option::of(proptest::sample::select(Stance::ALL.to_vec())),
            text(),
            btree_set(text(), 0..3),
            btree_set(text(), 0..3),
        ),
        btree_map(
            proptest::sample::select(ReviewReason::ALL.to_vec()),
            review_origin(),
            0..3,
        ),
        btree_set(suggestion_key(), 0..3),
        text(),
        text(),
    )
        .prop_map(
            |((stance, note, evidence, labels), review, dismissed, author, modified)| Assessment {
                stance,
                note,
                evidence: evidence.into_iter().map(|e| e.as_str().into()).collect(),
                labels,
                review,
                dismissed,
                author: author.into(),
                modified: modified.into(),
            },
        )
}

/// Syntheses of the dossier, of stakeholders and of measures, known or not (never empty: an
/// empty synthesis is none).
fn syntheses() -> impl Strategy<Value = Syntheses> {
    (
        text(),
        vec((text(), solid_text()), 0..3),
        vec((text(), solid_text()), 0..3),
    )
        .prop_map(|(dossier, stakeholders, measures)| {
            let mut s = Syntheses::default();
            s.set_dossier(dossier);
            for (id, t) in stakeholders {
                s.set_stakeholder(id.as_str().into(), t);
            }
            for (id, t) in measures {
                s.set_measure(id.as_str().into(), t);
            }
            s
        })
}

fn dossier_side(d: &Dossier, pick: usize, removed: bool) -> DossierSide {
    let version = (!removed).then(|| match pick % 5 {
        0 => DossierItem::Source(d.sources[pick % d.sources.len()].clone()),
        1 => DossierItem::Pillar(d.pillars[pick % d.pillars.len()].clone()),
        2 => DossierItem::Measure(d.measures[pick % d.measures.len()].clone()),
        3 => DossierItem::Stakeholder(d.stakeholders[pick % d.stakeholders.len()].clone()),
        _ => d.positions.first().map_or_else(
            || DossierItem::Measure(d.measures[0].clone()),
            |p| DossierItem::Position(p.clone()),
        ),
    });
    DossierSide {
        version,
        author: format!("côté {pick}"),
        modified: "2026-01-06T17:00:00Z".to_owned(),
    }
}

/// Which row or column a cell names: one of the dossier's (by index), or an unknown id (an
/// orphan), which must survive too.
fn cell_ref() -> impl Strategy<Value = Result<usize, String>> {
    prop_oneof![3 => any::<usize>().prop_map(Ok), 1 => text().prop_map(Err)]
}

/// Any session on any consistent dossier, every field of format 3 filled or not.
pub fn session() -> impl Strategy<Value = Session> {
    (
        dossier(),
        text(),
        text(),
        text(),
        vec((cell_ref(), cell_ref(), assessment()), 0..8),
        (
            syntheses(),
            vec((cell_ref(), cell_ref(), vec(assessment(), 2..4)), 0..3),
            vec((any::<usize>(), any::<bool>()), 0..3),
            vec((text(), solid_text(), optional_text(), text()), 0..3),
        ),
    )
        .prop_map(
            |(
                dossier,
                analyst,
                created,
                modified,
                cells,
                (syntheses, conflicts, items, candidates),
            )| {
                let cell = |m: Result<usize, String>, s: Result<usize, String>| CellId {
                    measure: match m {
                        Ok(i) => dossier.measures[i % dossier.measures.len()].id.clone(),
                        Err(id) => id.as_str().into(),
                    },
                    stakeholder: match s {
                        Ok(i) => dossier.stakeholders[i % dossier.stakeholders.len()]
                            .id
                            .clone(),
                        Err(id) => id.as_str().into(),
                    },
                };
                let assessments: BTreeMap<CellId, Assessment> =
                    cells.into_iter().map(|(m, s, a)| (cell(m, s), a)).collect();
                let cell_conflicts = conflicts
                    .into_iter()
                    .map(|(m, s, sides)| (cell(m, s), CellConflict { sides }))
                    .collect();
                let dossier_conflicts = items
                    .into_iter()
                    .map(|(pick, removed)| {
                        let first = dossier_side(&dossier, pick, false);
                        let item = first.version.as_ref().expect("a version").id();
                        DossierConflict {
                            item,
                            sides: vec![first, dossier_side(&dossier, pick, removed)],
                        }
                    })
                    .collect();
                let candidates = candidates
                    .into_iter()
                    .enumerate()
                    .map(|(i, (stakeholder, excerpt, location, file))| Candidate {
                        stakeholder: if i == 0 {
                            dossier.stakeholders[0].id.clone()
                        } else {
                            stakeholder.as_str().into()
                        },
                        citation: Citation {
                            source: dossier.sources[0].id.clone(),
                            excerpt,
                            location,
                        },
                        origin: CandidateOrigin::RefiQdaImport { file },
                    })
                    .collect();
                let mut session = Session::new(dossier, "", &created);
                session.analyst = analyst.into();
                session.modified = modified;
                session.assessments = assessments;
                session.syntheses = syntheses;
                session.cell_conflicts = cell_conflicts;
                session.dossier_conflicts = dossier_conflicts;
                session.candidates = candidates;
                session
            },
        )
}
