//! The analysis on a small hand-built session whose every number is counted in the comments.

use crate::i18n::Lang;
use crate::model::{
    Assessment, CellId, Citation, Dossier, Measure, Pillar, Position, PositionKind, ReviewOrigin,
    ReviewReason, Session, Source, SourceKind, Stakeholder, Stance,
};
use crate::report::{Evidence, Format, Report, ReportOptions, Unanswered, analyse};

/// Two pillars: p1 = {m1, m2}, p2 = {m3, m4}. Three stakeholders a, b, c. Positions:
/// a1 → m1; a2 → nothing; a3 → nothing but cited on m2×a; b1 → m1; b2 → m1, m3; c1 → m3.
fn dossier() -> Dossier {
    let measure = |id: &str, pillar: &str| Measure {
        id: id.into(),
        pillar: pillar.into(),
        pillar_inferred: false,
        title: format!("Mesure {id}"),
        summary: format!("Ce que fait {id}."),
        figures: vec![],
        citations: vec![],
    };
    let stakeholder = |id: &str| Stakeholder {
        id: id.into(),
        name: id.to_uppercase(),
        full_name: format!("Acteur {id}"),
        description: String::new(),
    };
    let position = |id: &str, s: &str, measures: &[&str]| Position {
        id: id.into(),
        stakeholder: s.into(),
        kind: PositionKind::Proposal,
        title: format!("Position {id}"),
        citation: Citation {
            source: "src".into(),
            excerpt: format!("Texte de {id}"),
            location: Some("p. 2".into()),
        },
        measures: measures.iter().map(|m| (*m).into()).collect(),
    };
    let pillar = |id: &str| Pillar {
        id: id.into(),
        title: format!("Pilier {id}"),
        description: String::new(),
    };
    Dossier {
        id: "test".into(),
        title: "Dossier d’essai".into(),
        description: String::new(),
        sources: vec![Source {
            id: "src".into(),
            title: "Contribution".into(),
            organisation: "Org".into(),
            date: "2020-07".into(),
            kind: SourceKind::Contribution,
            file: None,
            url: None,
            stakeholder: None,
        }],
        pillars: vec![pillar("p1"), pillar("p2")],
        measures: vec![
            measure("m1", "p1"),
            measure("m2", "p1"),
            measure("m3", "p2"),
            measure("m4", "p2"),
        ],
        stakeholders: vec![stakeholder("a"), stakeholder("b"), stakeholder("c")],
        positions: vec![
            position("a1", "a", &["m1"]),
            position("a2", "a", &[]),
            position("a3", "a", &[]),
            position("b1", "b", &["m1"]),
            position("b2", "b", &["m1", "m3"]),
            position("c1", "c", &["m3"]),
        ],
    }
}

/// The grid (· = unassessed):
///
/// |    | a         | b            | c      |
/// | m1 | Agreement | Gap          | Silent |
/// | m2 | Agreement | Silent       | ·      |
/// | m3 | Silent    | Partial      | Silent |
/// | m4 | Silent    | Silent       | ·      |
///
/// plus an orphan cell zz × a.
fn session() -> Session {
    let mut s = Session::new(dossier(), "Camille", "2026-01-01T00:00:00Z");
    let mut tag = |m: &str, who: &str, stance: Option<Stance>, evidence: &[&str], note: &str| {
        s.assessments.insert(
            CellId::new(m, who),
            Assessment {
                stance,
                note: note.to_owned(),
                evidence: evidence.iter().map(|e| (*e).into()).collect(),
                labels: std::iter::once("prioritaire".to_owned())
                    .filter(|_| stance == Some(Stance::Gap))
                    .collect(),
                review: std::iter::once((
                    ReviewReason::Check,
                    ReviewOrigin::Analyst {
                        why: Some("chiffres à confirmer".to_owned()),
                    },
                ))
                .filter(|_| stance == Some(Stance::Gap))
                .collect(),
                dismissed: std::collections::BTreeSet::new(),
                author: "Camille".into(),
                modified: "2026-01-01T00:00:00Z".into(),
            },
        );
    };
    tag("m1", "a", Some(Stance::Agreement), &["a1"], "Conforme.");
    tag("m1", "b", Some(Stance::Gap), &["b1"], "Insuffisant.");
    tag("m1", "c", Some(Stance::Silent), &[], "");
    tag("m2", "a", Some(Stance::Agreement), &["a3"], "");
    tag("m2", "b", Some(Stance::Silent), &[], "");
    tag("m2", "c", None, &[], "Note sans appréciation.");
    tag("m3", "a", Some(Stance::Silent), &[], "");
    tag("m3", "b", Some(Stance::Partial), &["ghost"], "En partie.");
    tag("m3", "c", Some(Stance::Silent), &[], "");
    tag("m4", "a", Some(Stance::Silent), &[], "");
    tag("m4", "b", Some(Stance::Silent), &[], "");
    tag("zz", "a", Some(Stance::Gap), &[], "Mesure disparue.");
    s
}

fn options() -> ReportOptions {
    ReportOptions::new(Lang::Fr, "essai.ron")
}

#[test]
fn header_counts_assessed_cells_of_the_grid_and_orphans_apart() {
    let (session, options) = (session(), options());
    let r = analyse(&session, &options);
    assert_eq!(r.header.total, 12);
    assert_eq!(r.header.assessed, 10);
    assert_eq!(r.header.orphans, 1);
    assert_eq!(r.header.session_name, "essai.ron");
    assert_eq!(r.header.dossier_title, "Dossier d’essai");
}

#[test]
fn matrix_counts_each_stance_per_stakeholder_and_pillar() {
    let (session, options) = (session(), options());
    let r = analyse(&session, &options);
    let row = |i: usize| &r.matrix[i];
    // a: p1 = 2 agreements; p2 = 2 silences.
    assert_eq!(row(0).per_pillar[0].by_stance, [2, 0, 0, 0]);
    assert_eq!(row(0).per_pillar[1].by_stance, [0, 0, 0, 2]);
    // b: p1 = gap + silent; p2 = partial + silent.
    assert_eq!(row(1).per_pillar[0].by_stance, [0, 0, 1, 1]);
    assert_eq!(row(1).per_pillar[1].by_stance, [0, 1, 0, 1]);
    assert_eq!(row(1).overall.by_stance, [0, 1, 1, 2]);
    // c: one silence and one unassessed cell in each pillar.
    assert_eq!(row(2).overall.by_stance, [0, 0, 0, 2]);
    assert_eq!(row(2).overall.unassessed, 2);
    assert_eq!(row(2).overall.total(), 4);
    assert_eq!(row(2).overall.assessed(), 2);
}

#[test]
fn gaps_list_gap_and_partial_cells_by_stakeholder_with_evidence() {
    let (session, options) = (session(), options());
    let r = analyse(&session, &options);
    assert_eq!(r.gaps.len(), 1, "only b has gaps or partials");
    let b = &r.gaps[0];
    assert_eq!(r.stakeholder(b.stakeholder).name, "B");
    assert_eq!(b.gaps.len(), 1);
    assert_eq!(b.gaps[0].measure.id.as_str(), "m1");
    assert_eq!(b.gaps[0].cell.note, "Insuffisant.");
    assert_eq!(b.gaps[0].cell.labels, ["prioritaire"]);
    assert_eq!(
        b.gaps[0].cell.review,
        [(
            ReviewReason::Check,
            &ReviewOrigin::Analyst {
                why: Some("chiffres à confirmer".to_owned())
            }
        )]
    );
    let flagged: Vec<(&str, &str)> = r
        .review
        .flagged
        .iter()
        .map(|f| (f.measure.id.as_str(), r.stakeholder(f.stakeholder).name))
        .collect();
    assert_eq!(flagged, [("m1", "B")], "the flagged cell is to review");
    let Evidence::Quote(q) = &b.gaps[0].cell.evidence[0] else {
        panic!("b1 is in the dossier");
    };
    assert_eq!(q.excerpt, "Texte de b1");
    assert_eq!((q.source_title, q.date), ("Contribution", "2020-07"));
    assert_eq!(b.partials[0].measure.id.as_str(), "m3");
    assert_eq!(
        b.partials[0].cell.evidence,
        [Evidence::Missing(&"ghost".into())]
    );
}

#[test]
fn another_stakeholder_s_position_is_misattributed_and_listed_with_the_orphans() {
    let mut session = session();
    session
        .assessments
        .get_mut(&CellId::new("m1", "a"))
        .expect("m1 × a")
        .evidence
        .insert("b1".into());
    let options = options();
    let r = analyse(&session, &options);
    let cell = &r.pillars[0].measures[0].cells[0];
    let own: Vec<&str> = cell.own_quotes().map(|q| q.position.as_str()).collect();
    assert_eq!(own, ["a1"], "b1 is not among a's quotes");
    let Some(Evidence::Misattributed { quote, owner }) = cell.faulty_evidence().next() else {
        panic!("b1 is misattributed: {:?}", cell.evidence);
    };
    assert_eq!((quote.position.as_str(), *owner), ("b1", "B"));
    let listed: Vec<(&str, &str)> = r
        .review
        .evidence
        .iter()
        .map(|f| (f.measure.id.as_str(), r.stakeholder(f.stakeholder).name))
        .collect();
    assert_eq!(
        listed,
        [("m1", "A"), ("m3", "B")],
        "b1 on a's cell, then ghost"
    );
    let orphans: Vec<(&str, &str, &str, bool)> = r
        .review
        .orphans
        .iter()
        .map(|o| {
            (
                o.measure.as_str(),
                o.stakeholder.as_str(),
                o.note,
                o.note_cut,
            )
        })
        .collect();
    assert_eq!(orphans, [("zz", "a", "Mesure disparue.", false)]);
}

/// The silent measures of `r` with how many of their cells are unassessed.
fn silent_measures<'r>(r: &'r Report) -> Vec<(&'r str, usize)> {
    r.silences
        .measures
        .iter()
        .map(|m| (m.measure.id.as_str(), m.unassessed))
        .collect()
}

#[test]
fn a_measure_is_silent_only_when_no_stance_evidence_or_dossier_link_speaks_to_it() {
    let (session, options) = (session(), options());
    let r = analyse(&session, &options);
    // m3 has a Silent cell for c, but the dossier links c1 to m3, and b is Partial: not silent.
    // m4: Silent, Silent, unassessed, no link: silent, provisionally (one cell unassessed).
    let silent = silent_measures(&r);
    assert_eq!(silent, [("m4", 1)]);
}

#[test]
fn a_stakeholder_is_silent_on_a_pillar_when_it_spoke_to_none_of_its_measures() {
    let (session, options) = (session(), options());
    let r = analyse(&session, &options);
    // a on p2 (two Silent cells); c on p1 (Silent + unassessed). c is not silent on p2: c1 is
    // linked to m3.
    let silent: Vec<(&str, &str, usize)> = r
        .silences
        .pillars
        .iter()
        .map(|s| {
            (
                r.stakeholder(s.stakeholder).id.as_str(),
                r.pillars[s.pillar].id.as_str(),
                s.unassessed,
            )
        })
        .collect();
    assert_eq!(silent, [("a", "p2", 0), ("c", "p1", 1)]);
}

#[test]
fn unanswered_demands_are_unlinked_positions_and_positions_answered_only_by_gaps() {
    let (session, options) = (session(), options());
    let r = analyse(&session, &options);
    let found: Vec<(&str, &Unanswered)> = r
        .unanswered
        .iter()
        .flat_map(|s| &s.demands)
        .map(|d| (d.quote.position.as_str(), &d.reason))
        .collect();
    // a2: linked to nothing. a3: linked to nothing by the dossier but cited on m2×a (Agreement).
    // b1: only m1×b, a Gap. b2: m1×b Gap but m3×b Partial. c1: m3×c Silent, not a Gap.
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0], ("a2", &Unanswered::NoMeasure));
    assert_eq!(found[1].0, "b1");
    let Unanswered::OnlyGaps(measures) = found[1].1 else {
        panic!("b1 is linked to m1");
    };
    assert_eq!(measures[0].id.as_str(), "m1");
}

#[test]
fn unassessed_cells_are_listed_per_stakeholder() {
    let (session, options) = (session(), options());
    let r = analyse(&session, &options);
    assert_eq!(r.unassessed_count(), 2);
    assert_eq!(r.unassessed.len(), 1);
    let ids: Vec<&str> = r.unassessed[0]
        .measures
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, ["m2", "m4"]);
    // The note of an unassessed cell is kept in the detail.
    assert_eq!(
        r.pillars[0].measures[1].cells[2].note,
        "Note sans appréciation."
    );
}

#[test]
fn a_subset_narrows_every_part_of_the_report() {
    let mut o = options();
    o.stakeholders = Some(["b".into()].into());
    o.pillars = Some(["p2".into()].into());
    let s = session();
    let r = analyse(&s, &o);
    assert_eq!(r.stakeholders.len(), 1);
    assert_eq!(
        (r.pillars.len(), r.pillars[0].number),
        (1, 2),
        "pillars keep their number"
    );
    assert_eq!((r.header.assessed, r.header.total), (2, 2));
    assert_eq!(r.matrix[0].per_pillar[0].by_stance, [0, 1, 0, 1]);
    assert_eq!(r.gaps[0].gaps.len(), 0);
    assert_eq!(r.gaps[0].partials.len(), 1);
    // b1 is answered only by a Gap, but on m1, outside the selected pillar.
    assert!(r.unanswered.is_empty());
    // Among b's cells of p2, m4 is the one b is silent on.
    assert_eq!(r.silences.measures.len(), 1);
    assert_eq!(r.silences.measures[0].measure.id.as_str(), "m4");
    assert!(r.unassessed.is_empty());
}

#[test]
fn unknown_subset_ids_are_reported_with_the_known_ones() {
    let mut o = options();
    o.stakeholders = Some(["b".into(), "zz".into()].into());
    o.pillars = Some(["p9".into()].into());
    let problems = o.unknown_ids(&session());
    assert_eq!(
        problems,
        [
            "unknown stakeholder \"zz\" (the dossier has: a, b, c)",
            "unknown pillar \"p9\" (the dossier has: p1, p2)"
        ]
    );
}

#[test]
fn an_empty_session_reports_every_cell_unassessed_and_nothing_else() {
    let s = Session::new(dossier(), "Camille", "2026-01-01T00:00:00Z");
    let o = options();
    let r = analyse(&s, &o);
    assert_eq!((r.header.assessed, r.header.total), (0, 12));
    assert!(r.gaps.is_empty());
    assert_eq!(r.unassessed_count(), 12);
    // Nothing spoke to m2 and m4 (no stance, no evidence, no dossier link): provisional silences.
    let silent = silent_measures(&r);
    assert_eq!(silent, [("m2", 3), ("m4", 3)]);
    for format in Format::ALL {
        assert!(!format.render(&r).is_empty());
    }
}

#[test]
fn no_stakeholder_selected_gives_an_empty_but_renderable_report() {
    let mut o = options();
    o.stakeholders = Some(std::collections::BTreeSet::new());
    let s = session();
    let r = analyse(&s, &o);
    assert_eq!(r.header.total, 0);
    assert!(r.silences.measures.is_empty());
    for format in Format::ALL {
        assert!(!format.render(&r).is_empty());
    }
}

#[test]
fn with_stakeholders_left_out_silences_are_said_of_the_selected_ones_only() {
    let s = session();
    let mut o = options();
    let full = super::markdown::render(&analyse(&s, &o));
    assert!(full.contains("### Mesures sur lesquelles aucune partie prenante ne s’est exprimée"));
    // Only b: m4 is silent for b, though another stakeholder may have spoken to it.
    o.stakeholders = Some(["b".into()].into());
    let r = analyse(&s, &o);
    assert!(!r.silences.measures.is_empty());
    for page in [super::markdown::render(&r), super::html::render(&r)] {
        assert!(
            page.contains(
                "Mesures sur lesquelles aucune des parties prenantes retenues ne s’est exprimée"
            ),
            "{page}"
        );
        assert!(!page.contains("aucune partie prenante ne s’est exprimée"));
    }
}

#[test]
fn the_header_says_how_many_pillars_the_dossier_s_author_inferred() {
    let mut s = session();
    let all = options();
    let r = analyse(&s, &all);
    assert_eq!((r.header.inferred_pillars, r.header.measures), (0, 4));
    assert!(!super::markdown::render(&r).contains("Pilier déduit"));

    s.dossier.measures[2].pillar_inferred = true; // m3, in p2
    let r = analyse(&s, &all);
    assert_eq!(r.header.inferred_pillars, 1);
    let md = super::markdown::render(&r);
    assert!(md.contains("Pilier déduit pour 1 mesure sur 4"), "{md}");

    let mut o = options();
    o.pillars = Some(["p1".into()].into());
    assert_eq!(
        analyse(&s, &o).header.inferred_pillars,
        0,
        "m3 is not in the report"
    );
}

#[test]
fn the_glance_sums_up_each_section_in_a_line() {
    let mut s = session();
    let o = options();
    let r = analyse(&s, &o);
    let lines: Vec<(&str, String)> = super::glance::lines(&r)
        .into_iter()
        .map(|l| (l.anchor, format!("{} : {}", l.label, l.body)))
        .collect();
    assert_eq!(
        lines,
        [
            (
                "#gaps",
                "Écarts et accords partiels : B 1 écart, 1 accord partiel\u{a0}; aucun pour A, C."
                    .to_owned()
            ),
            (
                "#unanswered",
                "Demandes sans réponse : A 1\u{a0}; B 1\u{a0}; aucune pour C.".to_owned()
            ),
            (
                "#silences",
                "Silences : 1 mesure sans prise de position\u{a0}; parties prenantes \
                 silencieuses sur un pilier entier\u{a0}: A, C."
                    .to_owned()
            ),
            (
                "#unassessed",
                "Cellules non évaluées : 2 sur 12.".to_owned()
            ),
        ]
    );

    // A judgement that cites nothing comes first, as a warning.
    let judged = s
        .assessments
        .values_mut()
        .find(|a| Stance::is_judgement(a.stance) && !a.evidence.is_empty())
        .expect("a judged cell with a quote");
    judged.evidence = crate::model::EvidenceSet::default();
    let r = analyse(&s, &o);
    let first = &super::glance::lines(&r)[0];
    assert_eq!(first.label, "Sans citation");
    assert_eq!(
        first.body,
        "⚠ 1 appréciation ne repose sur aucune citation."
    );
}

#[test]
fn a_session_nobody_signed_says_so_in_the_header() {
    let s = Session::new(dossier(), "", "2026-01-01T00:00:00Z");
    let o = options();
    let md = super::markdown::render(&analyse(&s, &o));
    assert!(md.contains("- **Analyste\u{a0}:** (non renseigné)"), "{md}");
}

#[test]
fn the_sources_list_names_each_document_quoted_and_links_only_web_addresses() {
    let mut s = session();
    let mut unused = s.dossier.sources[0].clone();
    unused.id = "unused".into();
    unused.title = "Jamais citée".into();
    s.dossier.sources.push(unused);
    s.dossier.sources[0].url = Some("javascript:alert(1)".into());
    let o = options();
    let r = analyse(&s, &o);
    let titles: Vec<&str> = r.sources.iter().map(|s| s.title).collect();
    assert_eq!(titles, ["Contribution"], "only what a quote comes from");
    let html = super::html::render(&r);
    assert!(html.contains("javascript:alert(1)"), "shown as text");
    assert!(!html.contains("href=\"javascript"), "never a link");

    s.dossier.sources[0].url = Some("https://example.org/contribution".into());
    let r = analyse(&s, &o);
    let html = super::html::render(&r);
    assert!(html.contains(
        "<a href=\"https://example.org/contribution\">https://example.org/contribution</a>"
    ));
    let md = super::markdown::render(&r);
    assert!(md.contains("- Contribution — Org, juillet 2020"), "{md}");
    assert!(md.contains("<https://example.org/contribution>"), "{md}");
}

// --- The agreement section -------------------------------------------------------------------

/// A second analyst's copy of [`session`], Dominique's (· = unassessed; the changes in capitals):
///
/// |    | a         | b            | c      |
/// | m1 | Agreement | PARTIAL      | Silent |
/// | m2 | Agreement | Silent       | GAP    |
/// | m3 | AGREEMENT | Partial      | Silent |
/// | m4 | ·         | Silent       | ·      |
///
/// Two disagreements, m1 × b and m3 × a; m2 × c (unassessed in the first) and m4 × a
/// (unassessed here) are left out with m4 × c.
fn second_analyst() -> Session {
    let mut s = session();
    s.analyst = "Dominique".into();
    let mut set = |m: &str, who: &str, stance: Option<Stance>| {
        s.assessments.entry(CellId::new(m, who)).or_default().stance = stance;
    };
    set("m1", "b", Some(Stance::Partial));
    set("m2", "c", Some(Stance::Gap));
    set("m3", "a", Some(Stance::Agreement));
    set("m4", "a", None);
    s.assessments
        .get_mut(&CellId::new("m1", "b"))
        .expect("tagged")
        .note = "<script>alert(1)</script> | **gras** [lien](javascript:x)".to_owned();
    s
}

fn compared_with(others: Vec<Session>) -> ReportOptions {
    let mut o = options();
    o.compared = others.into_iter().map(std::sync::Arc::new).collect();
    o
}

/// The cells listed as disagreements: measure id, stakeholder id.
fn disagreeing<'r>(r: &'r Report) -> Vec<(&'r str, &'r str)> {
    let a = r.agreement.as_ref().expect("an agreement section");
    a.disagreements
        .iter()
        .map(|e| {
            (
                e.measure.id.as_str(),
                r.stakeholder(e.cell.stakeholder).id.as_str(),
            )
        })
        .collect()
}

#[test]
fn without_compared_sessions_or_with_one_on_another_dossier_there_is_no_agreement_section() {
    let s = session();
    let plain = options();
    let r = analyse(&s, &plain);
    assert!(r.agreement.is_none());
    assert!(
        r.measures()
            .flat_map(|m| &m.cells)
            .all(|c| c.compared.is_empty())
    );
    let mut elsewhere = second_analyst();
    elsewhere.dossier.id = "autre".into();
    let refused = compared_with(vec![elsewhere]);
    let r2 = analyse(&s, &refused);
    assert!(r2.agreement.is_none(), "left out, never a panic");
    for format in Format::ALL {
        assert!(format.render(&r) == format.render(&r2), "{format:?}");
    }
    let md = String::from_utf8(Format::Markdown.render(&r)).expect("UTF-8");
    assert!(!md.contains("Accord entre analystes"), "{md}");
}

#[test]
fn the_agreement_section_counts_as_a_hand_computation_and_lists_exactly_the_disagreements() {
    let s = session();
    let o = compared_with(vec![second_analyst()]);
    let r = analyse(&s, &o);
    let a = r.agreement.as_ref().expect("an agreement section");
    let overall = &a.statistics.overall;
    assert_eq!(a.statistics.analysts, ["Camille", "Dominique"]);
    assert_eq!(
        (overall.cells, overall.compared, overall.left_out),
        (12, 9, 3)
    );
    // The nine compared cells (first, second): m1a A A, m1b G P, m1c S S, m2a A A, m2b S S,
    // m3a S A, m3b P P, m3c S S, m4b S S. Observed 7/9. Marginals (A, P, G, S): first
    // 2, 1, 1, 5; second 3, 2, 0, 4; chance (2·3 + 1·2 + 1·0 + 5·4) / 81 = 28/81.
    // κ = (63/81 − 28/81) / (1 − 28/81) = 35/53 = 0.6604.
    let kappa = overall.cohen_kappa.expect("defined");
    assert!((kappa - 35.0 / 53.0).abs() < 1e-12, "{kappa}");
    assert_eq!(disagreeing(&r), [("m1", "b"), ("m3", "a")]);
    let m1b = &a.disagreements[0].cell;
    let judgements: Vec<Option<Stance>> = m1b.judgements().map(|j| j.stance).collect();
    assert_eq!(judgements, [Some(Stance::Gap), Some(Stance::Partial)]);
    assert_eq!(m1b.note, "Insuffisant.");
    assert!(
        m1b.compared[0].note.starts_with("<script>"),
        "the whole note"
    );

    let md = String::from_utf8(Format::Markdown.render(&r)).expect("UTF-8");
    let section = &md[md.find("## Accord entre analystes").expect("the heading")..];
    assert!(
        md.find("## Cellules à revoir").expect("the review") < md.find("## Accord").expect("")
            && md.find("## Accord").expect("") < md.find("## Détail par pilier").expect("detail"),
        "between the review and the detail"
    );
    assert!(
        section.contains("| **Ensemble** | **12** | **9** | **3** | **0,778** | **0,66** |"),
        "{section}"
    );
    assert!(
        section.contains("Sur 12 cellules, 9 sont comparées"),
        "{section}"
    );
    assert!(section.contains("3 sont laissées de côté"), "{section}");
    assert!(section.contains("### Désaccords (2)"), "{section}");
    let gap = super::text::stance(Lang::Fr, Some(Stance::Gap));
    let partial = super::text::stance(Lang::Fr, Some(Stance::Partial));
    assert!(
        section.contains(&format!("**Camille\u{a0}:** {gap} — Insuffisant.")),
        "{section}"
    );
    assert!(
        section.contains(&format!("**Dominique\u{a0}:** {partial} — \\<script\\>")),
        "{section}"
    );
    assert!(!section.contains("<script>"), "the note stays text");
    let en = ReportOptions {
        lang: Lang::En,
        ..o.clone()
    };
    let md = String::from_utf8(Format::Markdown.render(&analyse(&s, &en))).expect("UTF-8");
    assert!(md.contains("## Agreement between analysts"), "{md}");
    assert!(md.contains("| **Overall** | **12** | **9** | **3** | **0.778** | **0.66** |"));

    let html = String::from_utf8(Format::Html.render(&r)).expect("UTF-8");
    assert!(html.contains("<li><a href=\"#agreement\">Accord entre analystes</a></li>"));
    assert!(html.contains("<td class=\"num\">0,66</td>"), "{html}");
    assert!(!html.contains("<script>"), "the note stays text");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_list_of_disagreements_keeps_to_the_report_s_selection_and_the_statistics_to_the_grid() {
    let s = session();
    let mut o = compared_with(vec![second_analyst()]);
    o.stakeholders = Some(["a".into()].into());
    let r = analyse(&s, &o);
    assert_eq!(disagreeing(&r), [("m3", "a")]);
    let a = r.agreement.as_ref().expect("an agreement section");
    assert_eq!(a.statistics.overall.cells, 12, "the whole grid");
    let md = String::from_utf8(Format::Markdown.render(&r)).expect("UTF-8");
    assert!(
        md.contains("Les statistiques portent sur toute la grille"),
        "{md}"
    );
}

#[test]
fn three_analysts_get_fleiss_kappa_and_no_cohen_column() {
    let s = session();
    let mut third = session();
    third.analyst = "Alex".into();
    let o = compared_with(vec![second_analyst(), third]);
    let r = analyse(&s, &o);
    assert_eq!(disagreeing(&r), [("m1", "b"), ("m3", "a")]);
    let a = r.agreement.as_ref().expect("an agreement section");
    assert!(a.statistics.overall.fleiss_kappa.is_some());
    assert!(a.statistics.overall.cohen_kappa.is_none());
    let md = String::from_utf8(Format::Markdown.render(&r)).expect("UTF-8");
    assert!(md.contains(" | κ de Fleiss | α de Krippendorff |"), "{md}");
    assert!(!md.contains("κ de Cohen"), "{md}");
    let gap = super::text::stance(Lang::Fr, Some(Stance::Gap));
    assert!(md.contains(&format!("**Alex\u{a0}:** {gap}")), "{md}");
    let csv = String::from_utf8(Format::Csv.render(&r)).expect("UTF-8");
    let header = csv.lines().next().expect("a header");
    assert!(
        header.ends_with(";Signalements;Appréciation (Dominique);Appréciation (Alex)"),
        "{header}"
    );
}
