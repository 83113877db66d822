//! REFI-QDA export: a session as a `.qdpx` project (a zip holding `project.qde`, XML in the
//! namespace `urn:QDA-XML:project:1.0`, and one plain-text file per source) or its codebook
//! alone as a `.qdc` (namespace `urn:QDA-XML:codebook:1.0`).
//!
//! The mapping: each dossier source is a text source whose text is the document's own, when it
//! was read (its paragraphs, a blank line between them), else the excerpts quoted from it
//! (measure citations, then positions, separated by a blank line); each quote is a coded
//! selection of that text. A quote the document does not hold as it is (white space aside) is
//! appended after the document's text, under a line that says so, and selected there. The codebook holds the pillars (not codable) with their measures as
//! codes, and the four stances as codes. A position's selection is coded with the measures the
//! dossier links it to; a cell's evidence is a selection of its own on the same words, coded with
//! the cell's measure and stance and pointing to the cell's note, so that a quote cited by two
//! cells keeps each reading. Stakeholders are cases, the analyst and the cells' authors users,
//! the notes and the syntheses notes (the dossier's referred to by the project, a measure's by
//! its code). Every GUID is a UUID v5 of the dossier id and the entity's id: exporting the
//! same session twice gives the same file, byte for byte.

use crate::exchange::xml::{Xml, clean};
use crate::i18n::Lang;
use crate::model::{CellId, Dossier, Session, SourceId, Stance, is_rfc3339};
use crate::sources::SourceText;
use std::io::Write as _;
use uuid::Uuid;

/// The namespace of every GUID this exporter makes (itself a UUID v5 of the project's name).
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2a4e_5d3b_5c8a_9e21_4b7d_0c3f_a915);

/// The hexadecimal colours of the stance codes: the window's Okabe–Ito palette.
fn colour(stance: Stance) -> &'static str {
    match stance {
        Stance::Agreement => "#009E73",
        Stance::Partial => "#E69F00",
        Stance::Gap => "#D55E00",
        Stance::Silent => "#999999",
    }
}

/// Stable GUIDs: one UUID v5 per (dossier, kind of entity, id).
struct Guids(Uuid);

impl Guids {
    fn new(d: &Dossier) -> Self {
        Self(Uuid::new_v5(&NAMESPACE, d.id.as_bytes()))
    }

    fn of(&self, kind: &str, id: impl std::fmt::Display) -> String {
        let name = format!("{kind}/{id}");
        Uuid::new_v5(&self.0, name.as_bytes())
            .hyphenated()
            .to_string()
            .to_uppercase()
    }
}

/// One source's text in the project, and where each quote sits in it (in characters).
#[derive(Default)]
struct Body<'t> {
    text: String,
    chars: usize,
    /// The document, when it was read, with the first character of each of its paragraphs in
    /// `text`.
    document: Option<(&'t SourceText, Vec<usize>)>,
    /// Whether the line announcing the quotes the document does not hold is written.
    appendix: bool,
}

impl<'t> Body<'t> {
    /// The document's text: its paragraphs, a blank line between them.
    fn of_document(doc: &'t SourceText) -> Self {
        let mut body = Body::default();
        let mut starts = Vec::new();
        for p in &doc.extracted().paragraphs {
            starts.push(body.push(&p.text).0);
        }
        body.document = Some((doc, starts));
        body
    }

    /// Append `excerpt` after a blank line; its `(start, end)` in characters, end excluded.
    fn push(&mut self, excerpt: &str) -> (usize, usize) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
            self.chars += 2;
        }
        let excerpt = clean(excerpt);
        let start = self.chars;
        self.chars += excerpt.chars().count();
        self.text.push_str(&excerpt);
        (start, self.chars)
    }

    /// Where `excerpt` is: in the document when it holds it, else appended.
    fn place(&mut self, excerpt: &str, lang: Lang) -> (usize, usize) {
        let Some((doc, starts)) = &self.document else {
            return self.push(excerpt);
        };
        if let Some(found) = doc.locate(excerpt) {
            let paragraphs = &doc.extracted().paragraphs;
            let at = |(p, byte): (usize, usize)| {
                let text = &paragraphs[p].text;
                starts[p] + text.get(..byte).unwrap_or(text).chars().count()
            };
            return (at(found.start), at(found.end));
        }
        if !self.appendix {
            self.appendix = true;
            self.push(lang.pick(
                "[Extraits cités par le dossier que ce texte du document ne contient pas tels quels :]",
                "[Excerpts the dossier quotes that this text of the document does not hold as they are:]",
            ));
        }
        self.push(excerpt)
    }
}

/// A coded selection waiting to be written under its source.
struct Selection {
    guid: String,
    name: String,
    start: usize,
    end: usize,
    description: Option<String>,
    codes: Vec<String>,
    user: Option<String>,
    when: Option<String>,
    note: Option<String>,
}

/// `stamp` when it is an RFC 3339 time (what `xsd:dateTime` accepts), else nothing.
fn time(stamp: &str) -> Option<String> {
    is_rfc3339(stamp).then(|| stamp.to_owned())
}

/// The codebook's codes; `syntheses`, in a project, refers each measure's code to its synthesis.
fn codebook_codes(
    x: &mut Xml,
    d: &Dossier,
    g: &Guids,
    lang: Lang,
    syntheses: Option<&crate::model::Syntheses>,
) {
    x.open("Codes", &[]);
    for p in &d.pillars {
        x.open(
            "Code",
            &[
                ("guid", &g.of("pillar", &p.id)),
                ("name", &p.title),
                ("isCodable", "false"),
            ],
        );
        if !p.description.is_empty() {
            x.element("Description", &p.description);
        }
        for m in d.measures.iter().filter(|m| m.pillar == p.id) {
            x.open(
                "Code",
                &[
                    ("guid", &g.of("measure", &m.id)),
                    ("name", &m.title),
                    ("isCodable", "true"),
                ],
            );
            x.element("Description", &format!("{} — {}", m.id, m.summary));
            if syntheses.is_some_and(|s| s.measure(&m.id).is_some()) {
                x.empty(
                    "NoteRef",
                    &[("targetGUID", &g.of("synthesis/measure", &m.id))],
                );
            }
            x.close("Code");
        }
        x.close("Code");
    }
    let group = lang.pick("Appréciation", "Stance");
    x.open(
        "Code",
        &[
            ("guid", &g.of("stances", "")),
            ("name", group),
            ("isCodable", "false"),
        ],
    );
    for s in Stance::ALL {
        x.open(
            "Code",
            &[
                ("guid", &g.of("stance", s.label(Lang::En))),
                ("name", s.label(lang)),
                ("isCodable", "true"),
                ("color", colour(s)),
            ],
        );
        x.element("Description", crate::report::text::stance_meaning(lang, s));
        x.close("Code");
    }
    x.close("Code");
    x.close("Codes");
}

/// The codebook alone, as a `.qdc` document.
#[must_use]
pub fn codebook(session: &Session, origin: &str, lang: Lang) -> String {
    let g = Guids::new(&session.dossier);
    let mut x = Xml::new();
    x.open(
        "CodeBook",
        &[("xmlns", "urn:QDA-XML:codebook:1.0"), ("origin", origin)],
    );
    codebook_codes(&mut x, &session.dossier, &g, lang, None);
    x.close("CodeBook");
    x.finish()
}

/// The `project.qde` document and each source's text file (`sources/GUID.txt`); `texts` gives
/// the documents that were read (none: every source's text is its excerpts).
#[must_use]
pub fn project<'t>(
    session: &Session,
    origin: &str,
    lang: Lang,
    texts: impl Fn(&SourceId) -> Option<&'t SourceText>,
) -> (String, Vec<(String, String)>) {
    let d = &session.dossier;
    let g = Guids::new(d);
    let user = |name: &str| g.of("user", name);
    let analyst = if session.analyst.is_empty() {
        lang.pick("Analyste", "Analyst")
    } else {
        session.analyst.as_str()
    };
    let mut users: Vec<&str> = vec![analyst];
    for a in session.assessments.values() {
        if !a.author.is_empty() && !users.contains(&a.author.as_str()) {
            users.push(&a.author);
        }
    }

    // Each source's text and selections, in dossier order.
    let mut bodies: Vec<Body> = (d.sources.iter())
        .map(|s| texts(&s.id).map_or_else(Body::default, Body::of_document))
        .collect();
    let mut selections: Vec<Vec<Selection>> = d.sources.iter().map(|_| Vec::new()).collect();
    // Items by id, looked up once per quote and per cell (a large session has many of both).
    let sources: foldhash::HashMap<&str, usize> = (d.sources.iter().enumerate())
        .rev()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let source_index = |id: &crate::model::SourceId| sources.get(id.as_str()).copied();
    let lookup = crate::model::DossierLookup::new(d);
    let mut notes: Vec<(String, String, &crate::model::Assessment)> = Vec::new();
    for m in &d.measures {
        for (n, c) in m.citations.iter().enumerate() {
            let Some(si) = source_index(&c.source) else {
                continue;
            };
            let (start, end) = bodies[si].place(&c.excerpt, lang);
            let name = format!("{}, citation {}", m.id, n + 1);
            selections[si].push(Selection {
                guid: g.of("citation", &name),
                description: c.location.clone(),
                name,
                start,
                end,
                codes: vec![g.of("measure", &m.id)],
                user: None,
                when: None,
                note: None,
            });
        }
    }
    // The cells citing each position, in one pass (a large session has many of both).
    let mut citing: foldhash::HashMap<
        &crate::model::PositionId,
        Vec<(&CellId, &crate::model::Assessment)>,
    > = foldhash::HashMap::default();
    for (cell, a) in &session.assessments {
        for id in &a.evidence {
            citing.entry(id).or_default().push((cell, a));
        }
    }
    let mut case_selections: Vec<Vec<String>> = d.stakeholders.iter().map(|_| Vec::new()).collect();
    let stakeholders: foldhash::HashMap<&str, usize> = (d.stakeholders.iter().enumerate())
        .rev()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let stakeholder_index =
        |id: &crate::model::StakeholderId| stakeholders.get(id.as_str()).copied();
    for p in &d.positions {
        let Some(si) = source_index(&p.citation.source) else {
            continue;
        };
        let (start, end) = bodies[si].place(&p.citation.excerpt, lang);
        let guid = g.of("position", &p.id);
        if let Some(k) = stakeholder_index(&p.stakeholder) {
            case_selections[k].push(guid.clone());
        }
        selections[si].push(Selection {
            guid,
            name: p.title.clone(),
            start,
            end,
            description: p.citation.location.clone(),
            codes: p.measures.iter().map(|m| g.of("measure", m)).collect(),
            user: None,
            when: None,
            note: None,
        });
        // Each cell citing the position: a selection of the same words with the cell's reading.
        for &(cell, a) in citing.get(&p.id).map_or(&[][..], Vec::as_slice) {
            let measure = lookup.measure(&cell.measure);
            let stakeholder = stakeholder_index(&cell.stakeholder);
            let (Some(measure), Some(k)) = (measure, stakeholder) else {
                continue;
            };
            let cell_key = cell_key(cell);
            let guid = g.of("evidence", format!("{cell_key}/{}", p.id));
            case_selections[k].push(guid.clone());
            let mut codes = vec![g.of("measure", &measure.id)];
            if let Some(s) = a.stance {
                codes.push(g.of("stance", s.label(Lang::En)));
            }
            selections[si].push(Selection {
                guid,
                name: format!("{} × {}", measure.title, d.stakeholders[k].name),
                start,
                end,
                description: None,
                codes,
                user: (!a.author.is_empty()).then(|| user(&a.author)),
                when: time(&a.modified),
                note: (!a.note.is_empty()).then(|| g.of("note", &cell_key)),
            });
        }
    }
    for (cell, a) in session
        .assessments
        .iter()
        .filter(|(_, a)| !a.note.is_empty())
    {
        let measure = lookup
            .measure(&cell.measure)
            .map_or(cell.measure.as_str(), |m| m.title.as_str());
        let stakeholder = stakeholder_index(&cell.stakeholder)
            .map_or(cell.stakeholder.as_str(), |k| {
                d.stakeholders[k].name.as_str()
            });
        let stance = a.stance.map_or("", |s| s.label(lang));
        let name = format!("{measure} × {stakeholder} — {stance}");
        notes.push((g.of("note", cell_key(cell)), name, a));
    }

    let mut x = Xml::new();
    let created = time(&session.created);
    let modified = time(&session.modified);
    let mut root: Vec<(&str, &str)> = vec![
        ("xmlns", "urn:QDA-XML:project:1.0"),
        ("name", &d.title),
        ("origin", origin),
    ];
    let analyst_guid = user(analyst);
    root.push(("creatingUserGUID", &analyst_guid));
    if let Some(t) = &created {
        root.push(("creationDateTime", t));
    }
    if let Some(t) = &modified {
        root.push(("modifiedDateTime", t));
    }
    x.open("Project", &root);
    x.open("Users", &[]);
    for u in &users {
        x.empty("User", &[("guid", &user(u)), ("name", u)]);
    }
    x.close("Users");
    x.open("CodeBook", &[]);
    codebook_codes(&mut x, d, &g, lang, Some(&session.syntheses));
    x.close("CodeBook");
    if !d.stakeholders.is_empty() {
        x.open("Cases", &[]);
        for (s, refs) in d.stakeholders.iter().zip(&case_selections) {
            x.open("Case", &[("guid", &g.of("case", &s.id)), ("name", &s.name)]);
            x.element(
                "Description",
                &format!("{} — {}", s.full_name, s.description),
            );
            for r in refs {
                x.empty("SelectionRef", &[("targetGUID", r)]);
            }
            x.close("Case");
        }
        x.close("Cases");
    }
    let mut files = Vec::new();
    if !d.sources.is_empty() {
        x.open("Sources", &[]);
        for ((s, body), sels) in d.sources.iter().zip(bodies).zip(&selections) {
            let guid = g.of("source", &s.id);
            let path = format!("internal://{guid}.txt");
            x.open(
                "TextSource",
                &[
                    ("guid", &guid),
                    ("name", &s.title),
                    ("plainTextPath", &path),
                ],
            );
            let url = s
                .url
                .as_deref()
                .map(|u| format!(" — {u}"))
                .unwrap_or_default();
            x.element(
                "Description",
                &format!("{}, {}{url}", s.organisation, s.date),
            );
            for sel in sels {
                write_selection(&mut x, sel, &g);
            }
            x.close("TextSource");
            files.push((format!("sources/{guid}.txt"), body.text));
        }
        x.close("Sources");
    }
    let syntheses = synthesis_notes(session, &g, lang);
    if !notes.is_empty() || !syntheses.is_empty() {
        x.open("Notes", &[]);
        for (guid, name, text) in &syntheses {
            let mut attrs: Vec<(&str, &str)> = vec![("guid", guid), ("name", name)];
            attrs.push(("creatingUser", &analyst_guid));
            x.open("Note", &attrs);
            x.element("PlainTextContent", text);
            x.close("Note");
        }
        for (guid, name, a) in &notes {
            let mut attrs: Vec<(&str, &str)> = vec![("guid", guid), ("name", name)];
            let author = (!a.author.is_empty()).then(|| user(&a.author));
            if let Some(u) = &author {
                attrs.push(("creatingUser", u));
            }
            let when = time(&a.modified);
            if let Some(t) = &when {
                attrs.push(("creationDateTime", t));
            }
            x.open("Note", &attrs);
            x.element("PlainTextContent", &a.note);
            x.close("Note");
        }
        x.close("Notes");
    }
    if !d.description.is_empty() {
        x.element("Description", &d.description);
    }
    if session.syntheses.dossier().is_some() {
        x.empty("NoteRef", &[("targetGUID", &g.of("synthesis/dossier", ""))]);
    }
    x.close("Project");
    (x.finish(), files)
}

/// The syntheses as `(GUID, name, text)` notes: the dossier's, each stakeholder's, each
/// measure's, in dossier order.
fn synthesis_notes<'s>(
    session: &'s Session,
    g: &Guids,
    lang: Lang,
) -> Vec<(String, String, &'s str)> {
    let d = &session.dossier;
    let s = &session.syntheses;
    let title = lang.pick("Synthèse", "Synthesis");
    let mut notes = Vec::new();
    if let Some(text) = s.dossier() {
        notes.push((
            g.of("synthesis/dossier", ""),
            format!("{title} — {}", d.title),
            text,
        ));
    }
    for k in &d.stakeholders {
        if let Some(text) = s.stakeholder(&k.id) {
            let name = format!("{title} — {}", k.name);
            notes.push((g.of("synthesis/stakeholder", &k.id), name, text));
        }
    }
    for m in &d.measures {
        if let Some(text) = s.measure(&m.id) {
            let name = format!("{title} — {}", m.title);
            notes.push((g.of("synthesis/measure", &m.id), name, text));
        }
    }
    notes
}

fn cell_key(cell: &CellId) -> String {
    format!("{}/{}", cell.measure, cell.stakeholder)
}

fn write_selection(x: &mut Xml, sel: &Selection, g: &Guids) {
    let (start, end) = (sel.start.to_string(), sel.end.to_string());
    let mut attrs: Vec<(&str, &str)> = vec![
        ("guid", &sel.guid),
        ("name", &sel.name),
        ("startPosition", &start),
        ("endPosition", &end),
    ];
    if let Some(u) = &sel.user {
        attrs.push(("creatingUser", u));
    }
    if let Some(t) = &sel.when {
        attrs.push(("creationDateTime", t));
    }
    x.open("PlainTextSelection", &attrs);
    if let Some(d) = &sel.description {
        x.element("Description", d);
    }
    for code in &sel.codes {
        let guid = g.of("coding", format!("{}/{code}", sel.guid));
        let mut attrs: Vec<(&str, &str)> = vec![("guid", &guid)];
        if let Some(u) = &sel.user {
            attrs.push(("creatingUser", u));
        }
        x.open("Coding", &attrs);
        x.empty("CodeRef", &[("targetGUID", code)]);
        x.close("Coding");
    }
    if let Some(n) = &sel.note {
        x.empty("NoteRef", &[("targetGUID", n)]);
    }
    x.close("PlainTextSelection");
}

/// The `.qdpx` archive: `project.qde` and the sources' text files, deflated, with the session's
/// last-saved time as every entry's date so that the bytes depend on the session alone.
///
/// # Errors
/// Only if the in-memory zip writer fails.
pub fn qdpx<'t>(
    session: &Session,
    origin: &str,
    lang: Lang,
    texts: impl Fn(&SourceId) -> Option<&'t SourceText>,
) -> zip::result::ZipResult<Vec<u8>> {
    let (qde, files) = project(session, origin, lang, texts);
    let when = zip_time(&session.modified);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("project.qde", options)?;
    zip.write_all(qde.as_bytes())?;
    for (name, text) in files {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `2026-11-24T09:00:00Z` as a zip entry date; 1980-01-01 when the stamp is not a time.
fn zip_time(stamp: &str) -> zip::DateTime {
    let num = |range: std::ops::Range<usize>| -> Option<u16> { stamp.get(range)?.parse().ok() };
    let small = |range| num(range).and_then(|n| u8::try_from(n).ok());
    (|| {
        zip::DateTime::from_date_and_time(
            num(0..4)?,
            small(5..7)?,
            small(8..10)?,
            small(11..13)?,
            small(14..16)?,
            small(17..19)?,
        )
        .ok()
    })()
    .unwrap_or_default()
}

/// The GUIDs an export of `session` gives its selections, each with the position it quotes
/// (`Ok`) or the measure whose citation it is (`Err`): the import knows its own by them, even
/// where a document's text made the selected words differ from the quote.
pub(super) fn own_selections(
    session: &Session,
) -> std::collections::HashMap<String, Result<String, String>> {
    let d = &session.dossier;
    let g = Guids::new(d);
    let mut known = std::collections::HashMap::new();
    for m in &d.measures {
        for n in 0..m.citations.len() {
            let name = format!("{}, citation {}", m.id, n + 1);
            known.insert(g.of("citation", &name), Err(m.id.to_string()));
        }
    }
    for p in &d.positions {
        known.insert(g.of("position", &p.id), Ok(p.id.to_string()));
    }
    for (cell, a) in &session.assessments {
        for id in &a.evidence {
            let guid = g.of("evidence", format!("{}/{id}", cell_key(cell)));
            known.insert(guid, Ok(id.to_string()));
        }
    }
    known
}

/// The GUID an export gives the dossier source `id` (the import finds its sources by it).
pub(super) fn source_guid(d: &Dossier, id: &crate::model::SourceId) -> String {
    Guids::new(d).of("source", id)
}
