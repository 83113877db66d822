//! Synthetic dossiers and sessions of any size, for benchmarks, tests and `visavis generate`:
//! measures grouped in pillars, fictional stakeholders with positions quoting their own
//! contributions, and assessments with notes of realistic length in accented French. Pure and
//! deterministic: the same [`Spec`] always gives the same session, on every platform. The
//! French words it draws from are listed apart, in `generate/words.rs`.
//!
//! ```
//! use visavis::generate::{Spec, session};
//!
//! let s = session(&Spec::new(200, 5));
//! assert_eq!(s.dossier.cell_count(), 1000);
//! assert!(s.dossier.validate().is_empty());
//! ```

use crate::model::{
    Assessment, CellId, Citation, Dossier, EvidenceSet, Figure, Measure, MeasureId, Pillar,
    PillarId, Position, PositionId, PositionKind, ReviewOrigin, ReviewReason, Session, Source,
    SourceId, SourceKind, Stakeholder, StakeholderId, Stance,
};
use std::collections::{BTreeMap, BTreeSet};

pub mod documents;
mod words;

/// The size and shape of a generated session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Number of measures (rows).
    pub measures: usize,
    /// Number of stakeholders (columns).
    pub stakeholders: usize,
    /// Positions each stakeholder holds; each speaks to zero to three measures.
    pub positions_per_stakeholder: usize,
    /// Share of the cells that carry an assessment, in percent (clamped to 100).
    pub assessed_percent: u8,
    /// Seed of the pseudo-random choices: same seed, same session.
    pub seed: u64,
}

impl Spec {
    /// `measures` × `stakeholders` cells, with the default positions per stakeholder
    /// ([`Spec::default_positions`]), three cells in four assessed, seed 1.
    #[must_use]
    pub fn new(measures: usize, stakeholders: usize) -> Self {
        Self {
            measures,
            stakeholders,
            positions_per_stakeholder: Self::default_positions(measures),
            assessed_percent: 75,
            seed: 1,
        }
    }

    /// One position per 20 measures, at least 10: a stakeholder speaks to a part of a reform.
    #[must_use]
    pub fn default_positions(measures: usize) -> usize {
        (measures / 20).max(10)
    }

    /// Number of pillars: one per hundred measures, between 1 and 60 (none without measures).
    #[must_use]
    pub fn pillars(&self) -> usize {
        if self.measures == 0 {
            0
        } else {
            self.measures.div_ceil(100).clamp(1, 60)
        }
    }
}

/// The dossier of `spec`: sources, pillars, measures, stakeholders and their positions. Every
/// id is unique, every reference resolves, every pillar has a measure: it validates clean.
#[must_use]
pub fn dossier(spec: &Spec) -> Dossier {
    let mut rng = Rng::new(spec.seed);
    let pillars: Vec<Pillar> = (0..spec.pillars())
        .map(|i| Pillar {
            id: PillarId::from(format!("pilier-{:02}", i + 1).as_str()),
            title: format!(
                "Pilier {} : {} {}",
                i + 1,
                rng.pick(words::VERBS).to_lowercase(),
                rng.pick(words::OBJECTS)
            ),
            description: sentence(&mut rng, "Ce pilier regroupe les mesures visant à"),
        })
        .collect();
    let width = digits(spec.measures);
    let measures: Vec<Measure> = (0..spec.measures)
        .map(|i| {
            measure(
                &mut rng,
                i,
                width,
                &pillars[i * pillars.len() / spec.measures],
            )
        })
        .collect();
    let stakeholders: Vec<Stakeholder> = (0..spec.stakeholders)
        .map(|i| stakeholder(&mut rng, i))
        .collect();
    let mut sources = vec![
        Source {
            id: SourceId::from(GOVERNMENT),
            title: "Dossier de presse : les mesures de la réforme (données générées)".to_owned(),
            organisation: "Ministère de la Santé et de la Prévention (fictif)".to_owned(),
            date: "2024-07-21".to_owned(),
            kind: SourceKind::Official,
            file: None,
            url: None,
            stakeholder: None,
        },
        Source {
            id: SourceId::from(ARTICLE),
            title: "Ce que change la réforme, mesure par mesure".to_owned(),
            organisation: "La Revue hospitalière (fictive)".to_owned(),
            date: "2024-09".to_owned(),
            kind: SourceKind::Article,
            file: None,
            url: None,
            stakeholder: None,
        },
    ];
    let mut positions = Vec::new();
    for s in &stakeholders {
        let (contribution, reaction) = stakeholder_sources(&s.id);
        sources.push(Source {
            id: contribution.clone(),
            title: format!("Contribution de {} à la concertation", s.name),
            organisation: s.full_name.clone(),
            date: format!("2024-0{}", 1 + rng.below(6)),
            kind: SourceKind::Contribution,
            file: None,
            url: None,
            stakeholder: Some(s.id.clone()),
        });
        sources.push(Source {
            id: reaction.clone(),
            title: format!("Réforme : {} réagit aux annonces", s.name),
            organisation: s.full_name.clone(),
            date: "2024-07-22".to_owned(),
            kind: SourceKind::PressRelease,
            file: None,
            url: None,
            stakeholder: Some(s.id.clone()),
        });
        for j in 0..spec.positions_per_stakeholder {
            positions.push(position(
                &mut rng,
                s,
                j,
                &measures,
                (&contribution, &reaction),
            ));
        }
    }
    Dossier {
        id: format!("synthetique-{}x{}", spec.measures, spec.stakeholders),
        title: format!(
            "Réforme synthétique : {} mesures × {} acteurs",
            spec.measures, spec.stakeholders
        ),
        description: format!(
            "Dossier généré pour les essais de charge (graine {}) : mesures, acteurs et citations \
             sont fictifs.",
            spec.seed
        ),
        sources,
        pillars,
        measures,
        stakeholders,
        positions,
    }
}

/// A session on the dossier of `spec`, with about `assessed_percent` of its cells assessed: a
/// stance, most often a note, the positions on the cell (or another of the stakeholder's) as evidence for every judgement, now and then a label.
#[must_use]
pub fn session(spec: &Spec) -> Session {
    let dossier = dossier(spec);
    let mut rng = Rng::new(spec.seed ^ 0x5E55_10A5);
    let mut on_cell: std::collections::HashMap<(usize, usize), Vec<usize>> =
        std::collections::HashMap::new();
    let measure_ix: std::collections::HashMap<&str, usize> = dossier
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let per = spec.positions_per_stakeholder;
    for (k, p) in dossier.positions.iter().enumerate() {
        for m in &p.measures {
            on_cell
                .entry((measure_ix[m.as_str()], k / per))
                .or_default()
                .push(k);
        }
    }
    let mut session = Session::new(dossier, ANALYST, "2026-01-05T09:00:00Z");
    "2026-06-30T18:00:00Z".clone_into(&mut session.modified);
    let d = &session.dossier;
    let percent = usize::from(spec.assessed_percent.min(100));
    // Every cell shares one copy of the analyst's name, as cells loaded from a file do.
    let author = smol_str::SmolStr::new(ANALYST);
    let mut assessments = std::collections::BTreeMap::new();
    for (mi, m) in d.measures.iter().enumerate() {
        for (si, s) in d.stakeholders.iter().enumerate() {
            let assessed = rng.below(100) < percent;
            // Now and then a cell carries a note before its stance.
            if !assessed && rng.below(100) >= 3 {
                continue;
            }
            let stance = assessed.then(|| *rng.weighted(&STANCES));
            let note = if rng.below(10) < 9 {
                note(&mut rng, &s.name, stance)
            } else {
                String::new()
            };
            let mut evidence = EvidenceSet::default();
            if matches!(
                stance,
                Some(Stance::Agreement | Stance::Partial | Stance::Gap)
            ) {
                let linked = on_cell.get(&(mi, si)).map_or(&[][..], Vec::as_slice);
                evidence.extend(linked.iter().take(3).map(|&k| d.positions[k].id.clone()));
                if linked.is_empty() && per > 0 {
                    evidence.insert(d.positions[si * per + rng.below(per)].id.clone());
                }
            }
            let mut labels = BTreeSet::new();
            let mut review = BTreeMap::new();
            if rng.below(100) < 8 {
                // "à vérifier" is the analyst's typed flag, not a free label.
                let label = rng.pick(words::LABELS);
                if label == ReviewReason::Check.legacy_label() {
                    review.insert(ReviewReason::Check, ReviewOrigin::Analyst { why: None });
                } else {
                    labels.insert(label.to_owned());
                }
            }
            let a = Assessment {
                stance,
                note,
                evidence,
                labels,
                review,
                dismissed: BTreeSet::new(),
                author: author.clone(),
                modified: format!(
                    "2026-{:02}-{:02}T{:02}:{:02}:00Z",
                    1 + rng.below(6),
                    1 + rng.below(28),
                    8 + rng.below(11),
                    rng.below(60)
                )
                .into(),
            };
            let cell = CellId {
                measure: m.id.clone(),
                stakeholder: s.id.clone(),
            };
            assessments.insert(cell, a);
        }
    }
    session.assessments = assessments;
    session
}

const ANALYST: &str = "Camille Lefèvre (données générées)";
const GOVERNMENT: &str = "dossier-de-presse";
const ARTICLE: &str = "article-synthese";

fn stakeholder_sources(id: &StakeholderId) -> (SourceId, SourceId) {
    (
        SourceId(format!("contribution-{id}").into()),
        SourceId(format!("communique-{id}").into()),
    )
}

fn measure(rng: &mut Rng, i: usize, width: usize, pillar: &Pillar) -> Measure {
    let object = rng.pick(words::OBJECTS);
    let title = format!(
        "{} {object}{}",
        rng.pick(words::VERBS),
        rng.pick(words::PLACES)
    );
    let summary = format!(
        "{} {} {object}, {}.",
        rng.pick(words::SUMMARY_OPENERS),
        rng.pick(words::VERBS).to_lowercase(),
        rng.pick(words::MEANS)
    );
    let mut figures = Vec::new();
    for _ in 0..rng.below(3) {
        figures.push(match rng.below(3) {
            0 => Figure::Amount {
                label: rng.pick(words::AMOUNT_LABELS).to_owned(),
                value: f64::from(rng.below_u32(200) + 1) / 10.0,
                unit: rng.pick(words::AMOUNT_UNITS).to_owned(),
            },
            1 => Figure::Quantity {
                label: rng.pick(words::QUANTITY_LABELS).to_owned(),
                value: f64::from(100 * (rng.below_u32(200) + 1)),
                unit: rng.pick(words::QUANTITY_UNITS).to_owned(),
            },
            _ => Figure::Date {
                label: "entrée en vigueur".to_owned(),
                date: format!("{}-{:02}-01", 2025 + rng.below(3), 1 + rng.below(12)),
            },
        });
    }
    let mut citations = vec![Citation {
        source: SourceId::from(GOVERNMENT),
        excerpt: format!("{title} : {}", sentence(rng, "le Gouvernement s’engage à")),
        location: Some(format!("{} — mesure {}", pillar.title, i + 1)),
    }];
    if rng.below(3) == 0 {
        citations.push(Citation {
            source: SourceId::from(ARTICLE),
            excerpt: sentence(rng, "Concrètement, la réforme prévoit de"),
            location: None,
        });
    }
    Measure {
        id: MeasureId(format!("mesure-{:0width$}", i + 1).into()),
        pillar: pillar.id.clone(),
        pillar_inferred: rng.below(10) == 0,
        title,
        summary,
        figures,
        citations,
    }
}

fn stakeholder(rng: &mut Rng, i: usize) -> Stakeholder {
    let combos = words::KINDS.len() * words::DOMAINS.len();
    let (kind, kind_abbr) = words::KINDS[(i / words::DOMAINS.len()) % words::KINDS.len()];
    let (domain, domain_abbr) = words::DOMAINS[i % words::DOMAINS.len()];
    let round = i / combos;
    let suffix = if round == 0 {
        String::new()
    } else {
        format!(" {}", round + 1)
    };
    Stakeholder {
        id: StakeholderId(format!("acteur-{:02}", i + 1).into()),
        name: format!("{kind_abbr}{domain_abbr}{suffix}"),
        full_name: format!("{kind} {domain}{suffix}"),
        description: format!(
            "Acteur fictif généré pour les essais de charge ; {} adhérents revendiqués.",
            100 * (rng.below(500) + 1)
        ),
    }
}

fn position(
    rng: &mut Rng,
    s: &Stakeholder,
    j: usize,
    measures: &[Measure],
    (contribution, reaction): (&SourceId, &SourceId),
) -> Position {
    let kind = if rng.below(3) == 0 {
        PositionKind::Reaction
    } else {
        PositionKind::Proposal
    };
    let spoken_to = if measures.is_empty() {
        0
    } else {
        *rng.weighted(&[(0, 15), (1, 45), (2, 25), (3, 15)])
    };
    let mut linked = BTreeSet::new();
    for _ in 0..spoken_to {
        linked.insert(rng.below(measures.len()));
    }
    let object = rng.pick(words::OBJECTS);
    let (title, source, excerpt) = match kind {
        PositionKind::Proposal => (
            format!("{} {object}", rng.pick(words::VERBS)),
            contribution,
            format!(
                "{} {} {object}{}. {}",
                rng.pick(words::DEMANDS),
                rng.pick(words::VERBS).to_lowercase(),
                rng.pick(words::PLACES),
                sentence(rng, "Il est indispensable de")
            ),
        ),
        PositionKind::Reaction => (
            format!("Réaction : {object}"),
            reaction,
            format!(
                "{} {object}, {} {}",
                rng.pick(words::REACTIONS),
                rng.pick(words::BUTS),
                sentence(rng, "et appelle le Gouvernement à")
            ),
        ),
    };
    Position {
        id: PositionId(format!("{}-{:03}", s.id, j + 1).into()),
        stakeholder: s.id.clone(),
        kind,
        title,
        citation: Citation {
            source: source.clone(),
            excerpt,
            location: Some(format!("proposition n° {}", j + 1)),
        },
        measures: linked.into_iter().map(|m| measures[m].id.clone()).collect(),
    }
}

/// An analyst's note of one to three sentences, the first naming the stakeholder.
fn note(rng: &mut Rng, name: &str, stance: Option<Stance>) -> String {
    let opener = match stance {
        Some(Stance::Agreement) => rng.pick(words::AGREEMENT_OPENERS),
        Some(Stance::Partial) => rng.pick(words::PARTIAL_OPENERS),
        Some(Stance::Gap) => rng.pick(words::GAP_OPENERS),
        Some(Stance::Silent) => rng.pick(words::SILENT_OPENERS),
        None => rng.pick(words::UNASSESSED_OPENERS),
    };
    let mut note = format!(
        "{name} {opener} {}{}",
        rng.pick(words::NOTE_OBJECTS),
        rng.pick(words::NOTE_ENDINGS)
    );
    for _ in 0..rng.below(3) {
        note.push(if rng.below(4) == 0 { '\n' } else { ' ' });
        note.push_str(rng.pick(words::NOTE_EXTRAS));
    }
    note
}

/// "`start` verb object place." — one sentence.
fn sentence(rng: &mut Rng, start: &str) -> String {
    format!(
        "{start} {} {}{}, {}.",
        rng.pick(words::VERBS).to_lowercase(),
        rng.pick(words::OBJECTS),
        rng.pick(words::PLACES),
        rng.pick(words::MEANS)
    )
}

fn digits(n: usize) -> usize {
    n.max(1).to_string().len()
}

/// xorshift64*, seeded through splitmix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Self(z.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        // The remainder is below `n`, which came from a usize.
        #[allow(clippy::cast_possible_truncation)]
        let r = (self.next() % n) as usize;
        r
    }

    fn below_u32(&mut self, n: u32) -> u32 {
        // The remainder is below `n`, which came from a u32.
        #[allow(clippy::cast_possible_truncation)]
        let r = (self.next() % u64::from(n)) as u32;
        r
    }

    fn pick(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    fn weighted<'a, T>(&mut self, items: &'a [(T, usize)]) -> &'a T {
        let total: usize = items.iter().map(|(_, w)| w).sum();
        let mut r = self.below(total);
        for (item, w) in items {
            if r < *w {
                return item;
            }
            r -= w;
        }
        &items[items.len() - 1].0
    }
}

const STANCES: [(Stance, usize); 4] = [
    (Stance::Agreement, 30),
    (Stance::Partial, 30),
    (Stance::Gap, 25),
    (Stance::Silent, 15),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_session() {
        let spec = Spec::new(120, 6);
        assert_eq!(session(&spec), session(&spec));
        let other = Spec {
            seed: 2,
            ..spec.clone()
        };
        assert_ne!(session(&spec).assessments, session(&other).assessments);
    }

    #[test]
    fn sizes_follow_the_spec() {
        let spec = Spec {
            positions_per_stakeholder: 7,
            ..Spec::new(250, 9)
        };
        let s = session(&spec);
        let d = &s.dossier;
        assert_eq!(d.measures.len(), 250);
        assert_eq!(d.stakeholders.len(), 9);
        assert_eq!(d.positions.len(), 63);
        assert_eq!(d.pillars.len(), 3);
        assert_eq!(d.cell_count(), 2250);
        // About three cells in four are assessed.
        let assessed = s.assessed_count();
        assert!(
            (1500..=1900).contains(&assessed),
            "{assessed} cells assessed"
        );
        assert!(s.assessments.len() <= d.cell_count());
    }

    #[test]
    fn generated_dossiers_validate_clean_and_references_resolve() {
        for (m, st) in [(0, 0), (1, 1), (3, 100), (1000, 10)] {
            let s = session(&Spec::new(m, st));
            assert_eq!(s.dossier.validate(), vec![], "{m} × {st}");
            assert_eq!(s.orphans().count(), 0);
            assert!(s.dangling_evidence().is_empty());
            for p in &s.dossier.positions {
                for id in &p.measures {
                    assert!(s.dossier.measure(id).is_some(), "{} → {id}", p.id);
                }
            }
        }
    }

    #[test]
    fn texts_are_french_with_accents_and_notes_of_realistic_length() {
        let s = session(&Spec::new(100, 4));
        let notes: Vec<&str> = s
            .assessments
            .values()
            .map(|a| a.note.as_str())
            .filter(|n| !n.is_empty())
            .collect();
        assert!(notes.iter().any(|n| n.contains('é')));
        let mean = notes.iter().map(|n| n.chars().count()).sum::<usize>() / notes.len();
        assert!((60..=300).contains(&mean), "mean note length {mean}");
        let names: BTreeSet<&str> = s
            .dossier
            .stakeholders
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names.len(), 4, "stakeholder names are distinct");
    }
}
