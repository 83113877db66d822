//! Format 3 field by field: every field, filled, survives load and save byte for byte; a
//! session that uses none of them is a format 2 file with another number; and a bad value in a
//! new field is told with what and where.

use super::{load_ok, repo_file, small_session_path};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use visavis::i18n::Lang;
use visavis::model::{
    Assessment, Candidate, CandidateOrigin, CellConflict, CellId, Citation, DossierChange,
    DossierConflict, DossierItem, DossierSide, ReviewOrigin, ReviewReason, Session, Stance,
    SuggestionKey,
};
use visavis::persist::{self, LoadError, Location, SyntaxFault, Warning};

/// The file [`every_field`] saves to: the shape of format 3, reviewed by hand.
const EVERY_FIELD: &str = "tests/fixtures/format-3-every-field.ron";

/// The small session with every field of format 3 filled: syntheses of the dossier, of a
/// stakeholder and of a measure; both review flags, from the analyst and from a dossier update
/// with each kind of change; dismissed positions and passages; a source's stakeholder; a cell
/// conflict (one side removed the cell's work); a conflict on each kind of dossier item (one
/// side removed the item); an imported candidate position.
fn every_field() -> Session {
    let mut s = load_ok(&small_session_path()).session;
    let d = s.dossier.clone();
    s.dossier.sources[0].stakeholder = Some("a".into());
    s.syntheses
        .set_dossier("Le dossier en deux phrases.\nLa seconde.".to_owned());
    s.syntheses
        .set_stakeholder("b".into(), "B demande plus de lits.".to_owned());
    s.syntheses
        .set_measure("m1".into(), "Saluée par A, ignorée par B.".to_owned());
    let a = s
        .assessments
        .get_mut(&CellId::new("m1", "a"))
        .expect("m1 × a");
    a.review.insert(
        ReviewReason::Check,
        ReviewOrigin::Analyst {
            why: Some("la citation vise « les lits »".to_owned()),
        },
    );
    a.review.insert(
        ReviewReason::Revisit,
        ReviewOrigin::DossierUpdate {
            changes: vec![
                DossierChange::MeasureReworded,
                DossierChange::MeasureFigures,
                DossierChange::MeasureMoved,
                DossierChange::PositionReworded("a1".into()),
                DossierChange::PositionRemoved("a-retiree".into()),
                DossierChange::PositionAdded("a2".into()),
            ],
        },
    );
    a.dismissed = BTreeSet::from([
        SuggestionKey::Position("a9".into()),
        SuggestionKey::Passage {
            source: "src".into(),
            start: 120,
            end: 184,
        },
    ]);
    let side = |stance, note: &str, author: &str| Assessment {
        stance,
        note: note.to_owned(),
        evidence: ["b1".into()].into(),
        labels: BTreeSet::from(["prioritaire".to_owned()]),
        review: BTreeMap::from([(ReviewReason::Check, ReviewOrigin::Analyst { why: None })]),
        dismissed: BTreeSet::new(),
        author: author.into(),
        modified: "2026-01-08T09:00:00Z".into(),
    };
    s.cell_conflicts.insert(
        CellId::new("m2", "b"),
        CellConflict {
            sides: vec![
                side(Some(Stance::Gap), "Écart net.", "Camille"),
                side(Some(Stance::Partial), "Plutôt partiel.", "Dominique"),
                Assessment {
                    author: "Sacha".into(),
                    modified: "2026-01-08T10:00:00Z".into(),
                    ..Assessment::default()
                },
            ],
        },
    );
    let mut reworded = d.measures[0].clone();
    "Mesure reformulée".clone_into(&mut reworded.title);
    let versions = [
        DossierItem::Source(d.sources[0].clone()),
        DossierItem::Pillar(d.pillars[0].clone()),
        DossierItem::Measure(reworded),
        DossierItem::Stakeholder(d.stakeholders[1].clone()),
        DossierItem::Position(d.positions[0].clone()),
    ];
    for version in versions {
        s.dossier_conflicts.push(DossierConflict {
            item: version.id(),
            sides: vec![
                DossierSide {
                    version: Some(version),
                    author: "Camille".to_owned(),
                    modified: "2026-01-08T09:00:00Z".to_owned(),
                },
                DossierSide {
                    version: None,
                    author: "Dominique".to_owned(),
                    modified: "2026-01-08T09:30:00Z".to_owned(),
                },
            ],
        });
    }
    s.candidates.push(Candidate {
        stakeholder: "b".into(),
        citation: Citation {
            source: "src".into(),
            excerpt: "Nous demandons « plus de lits ».".to_owned(),
            location: Some("p. 3".to_owned()),
        },
        origin: CandidateOrigin::RefiQdaImport {
            file: "codage-b.qdpx".to_owned(),
        },
    });
    s
}

/// DESIGN's round trip is load → save → merge → save. The merge step belongs between the reload
/// and the second save here: TODO(merge issue): merge the reloaded session with itself (and with
/// a side that changed each field) once `teamwork::merge` exists, and check the bytes again.
#[test]
fn every_field_of_format_3_survives_load_save_load_save_byte_identically() {
    let session = every_field();
    assert_eq!(session.dossier.validate(), vec![]);
    let first = persist::to_ron(&session).expect("encodes");
    let fixture = fs::read_to_string(repo_file(EVERY_FIELD)).expect("the fixture");
    assert_eq!(
        first, fixture,
        "the shape of format 3 changed: review {EVERY_FIELD}"
    );
    let loaded = persist::load_bytes(first.as_bytes(), Path::new("f3.ron"), "now").expect("loads");
    assert_eq!(loaded.origin, persist::Origin::Session);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.session, session);
    let second = persist::to_ron(&loaded.session).expect("encodes");
    assert_eq!(second, first);
    // The counting accessors see each feature.
    let s = &loaded.session;
    assert_eq!(
        s.flagged_count(),
        2,
        "m1 × a, and m2 × b of the small session"
    );
    assert_eq!(s.flagged(ReviewReason::Revisit).count(), 1);
    assert_eq!(s.conflict_count(), 6);
    assert_eq!(s.dismissed_count(), 2);
    assert_eq!(s.syntheses.count(), 3);
    assert_eq!(s.candidates.len(), 1);
}

#[test]
fn a_session_using_no_format_3_field_is_a_format_2_file_with_another_number() {
    let v2 = fs::read_to_string(repo_file("tests/fixtures/format-2.ron")).expect("fixture");
    let mut session = load_ok(&repo_file("tests/fixtures/format-2.ron")).session;
    for a in session.assessments.values_mut() {
        a.review.clear();
    }
    let expected = v2.replacen("format: 2,", "format: 3,", 1).replace(
        "labels: [\n\t\t\t\t\"à vérifier\",\n\t\t\t],",
        "labels: [],",
    );
    assert_eq!(persist::to_ron(&session).expect("encodes"), expected);
}

fn every_field_text(from: &str, to: &str) -> String {
    let text = fs::read_to_string(repo_file(EVERY_FIELD)).expect("the fixture");
    assert!(text.contains(from), "{from} is in the fixture");
    text.replacen(from, to, 1)
}

/// The line where `needle` is first written in the fixture.
fn line_of(needle: &str) -> usize {
    let text = fs::read_to_string(repo_file(EVERY_FIELD)).expect("the fixture");
    let at = text.find(needle).expect("in the fixture");
    text[..at].matches('\n').count() + 1
}

fn load_err(text: &str) -> LoadError {
    persist::load_bytes(text.as_bytes(), Path::new("f3.ron"), "now").expect_err("refused")
}

#[test]
fn an_unknown_review_reason_is_refused_at_its_line_naming_the_reasons() {
    let err = load_err(&every_field_text("Check: Analyst(", "Verify: Analyst("));
    let LoadError::Syntax { at, fault, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(at.line, line_of("Check: Analyst("));
    let (en, fr) = (fault.in_lang(Lang::En), fault.in_lang(Lang::Fr));
    assert!(
        en.contains("Verify") && en.contains("Revisit") && en.contains("Check"),
        "{en}"
    );
    assert!(fr.contains("valeur inconnue « Verify »"), "{fr}");
}

#[test]
fn a_dismissed_passage_ending_before_its_start_is_refused_at_its_place() {
    let err = load_err(&every_field_text("start: 120,", "start: 900,"));
    let LoadError::Syntax { at, fault, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(fault, &SyntaxFault::PassageBackwards);
    let passage = line_of("Passage(");
    assert!(
        (passage..=passage + 5).contains(&at.line),
        "{at} is the passage, from line {passage}"
    );
    assert!(err.to_string().contains("ends before it starts"), "{err}");
    assert!(
        err.lines_in(Lang::Fr)[0].contains("finit avant de commencer"),
        "{:?}",
        err.lines_in(Lang::Fr)
    );
}

#[test]
fn a_source_of_an_unknown_stakeholder_is_refused_naming_the_source_at_the_reference() {
    let err = load_err(&every_field_text(
        "stakeholder: Some(\"a\"),",
        "stakeholder: Some(\"personne\"),",
    ));
    let LoadError::Invalid { problems } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message,
        "source \"src\" is the document of unknown stakeholder \"personne\""
    );
    let line = line_of("stakeholder: Some(\"a\"),");
    assert_eq!(problems[0].at.map(|at| at.line), Some(line));
}

#[test]
fn a_conflict_with_one_side_or_a_side_of_another_item_is_refused_where_it_is() {
    // The cell conflict's third side is blank: cut the conflict down to it.
    let text = fs::read_to_string(repo_file(EVERY_FIELD)).expect("the fixture");
    let conflicts = text.find("cell_conflicts: [").expect("conflicts");
    let sides = conflicts + text[conflicts..].find("sides: [").expect("sides") + "sides: [".len();
    let third = sides + text[sides..].find("author: \"Sacha\"").expect("third side");
    let third = text[..third].rfind("\t\t\t\t(").expect("its start");
    let one_side = format!("{}{}", &text[..sides], &text[third..]);
    let LoadError::Invalid { problems } = load_err(&one_side) else {
        panic!("one side is refused");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message
            == "the conflict on the cell m2 × b has 1 side(s); a conflict keeps at least two",
        "{}",
        problems[0]
    );
    // The conflict's `measure:` line, two after `cell_conflicts: [`.
    let listed = one_side[..conflicts].matches('\n').count() + 3;
    assert_eq!(
        problems[0].at.map(|at| at.line),
        Some(listed),
        "{}",
        problems[0]
    );

    let text = every_field_text("item: Pillar(\"p1\")", "item: Pillar(\"p9\")");
    let LoadError::Invalid { problems } = load_err(&text) else {
        panic!("a side of another item is refused");
    };
    assert_eq!(
        problems[0].message,
        "side 1 of the conflict on pillar \"p9\" holds pillar \"p1\" instead"
    );
    assert_eq!(
        problems[0].at.map(|at| at.line),
        Some(line_of("item: Pillar(\"p1\")"))
    );
}

#[test]
fn a_synthesis_or_a_candidate_naming_what_the_dossier_lacks_is_kept_with_a_located_warning() {
    let text = every_field_text("\"b\": \"B demande", "\"z\": \"B demande");
    let text = text.replacen(
        "\t\t\tstakeholder: \"b\",\n\t\t\tcitation:",
        "\t\t\tstakeholder: \"inconnue\",\n\t\t\tcitation:",
        1,
    );
    let loaded = persist::load_bytes(text.as_bytes(), Path::new("f3.ron"), "now").expect("loads");
    let place = |w: &Warning| match w {
        Warning::UnknownSubject { at, .. } => *at,
        other => panic!("{other:?}"),
    };
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    let synthesis = line_of("\"b\": \"B demande");
    assert_eq!(
        place(&loaded.warnings[0]).map(|at: Location| at.line),
        Some(synthesis)
    );
    assert_eq!(
        loaded.warnings[0].to_string(),
        format!(
            "the synthesis of stakeholder \"z\" (line {synthesis}, column 4) is of a stakeholder the dossier lacks; it is kept"
        )
    );
    assert!(
        loaded.warnings[1]
            .in_lang(Lang::Fr)
            .starts_with("la position proposée n° 1 (ligne ")
            && loaded.warnings[1]
                .in_lang(Lang::Fr)
                .contains("« inconnue », absente du dossier"),
        "{}",
        loaded.warnings[1].in_lang(Lang::Fr)
    );
    assert_eq!(
        persist::to_ron(&loaded.session).expect("encodes"),
        text,
        "kept as written"
    );
}

#[test]
fn a_candidate_position_needs_its_origin() {
    let err = load_err(&every_field_text(
        "\t\t\torigin: RefiQdaImport(\n\t\t\t\tfile: \"codage-b.qdpx\",\n\t\t\t),\n",
        "",
    ));
    let message = err.to_string();
    assert!(message.contains("`origin`"), "{message}");
    assert!(message.starts_with("f3.ron:"), "{message}");
    assert!(
        err.lines_in(Lang::Fr)[0].contains("champ obligatoire « origin » absent"),
        "{:?}",
        err.lines_in(Lang::Fr)
    );
}
