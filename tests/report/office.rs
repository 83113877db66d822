//! The Word and OpenDocument reports read back as a word processor would find them, with `zip`
//! and `quick-xml` alone: valid archives of well-formed XML; the HTML report's headings in its
//! order, the matrix's numbers, the heatmap's counts and every quote of the gaps; the outline,
//! repeated header rows, quote style, page numbers and properties; hostile notes shown as typed;
//! the same bytes for the same report.

use super::{EXAMPLE, example, misattributed_and_orphan, stderr};
use quick_xml::events::Event;
use std::collections::BTreeMap;
use visavis::i18n::Lang;
use visavis::model::{CellId, Session, Stance};
use visavis::report::{self, Format, Report, ReportOptions, StanceCounts};

const OFFICE: [Format; 2] = [Format::Docx, Format::Odt];

fn options(lang: Lang) -> ReportOptions {
    ReportOptions::new(lang, "segur-analyse-exemple.ron")
}

fn bytes(session: &Session, format: Format, lang: Lang) -> Vec<u8> {
    format.render(&report::analyse(session, &options(lang)))
}

// --- Reading an archive of XML back --------------------------------------------------------

/// An archive's entries, in their order: name, whether stored uncompressed, bytes.
fn entries(archive: &[u8]) -> Vec<(String, bool, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive)).expect("a valid zip");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).expect("a readable entry");
            let stored = file.compression() == zip::CompressionMethod::Stored;
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut data).expect("the entry inflates");
            let name = file.name().expect("a UTF-8 name").into_owned();
            (name, stored, data)
        })
        .collect()
}

/// An XML element, as parsed.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Every element below this one, in document order.
    fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.elements().collect();
        stack.reverse();
        while let Some(e) = stack.pop() {
            out.push(e);
            let mut children: Vec<&Element> = e.elements().collect();
            children.reverse();
            stack.extend(children);
        }
        out
    }

    fn find_all(&self, name: &str) -> Vec<&Element> {
        self.descendants()
            .into_iter()
            .filter(|e| e.name == name)
            .collect()
    }

    /// Every text node below this one, joined.
    fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The text a word processor shows for this element: in DOCX the `w:t` runs, tabs and
    /// breaks; in ODT the text with white space collapsed as ODF says, `text:s`, tabs and line
    /// breaks. Nested paragraphs (of a table inside a cell) are left out.
    fn shown(&self) -> String {
        let mut out = String::new();
        self.shown_into(&mut out, false);
        out
    }

    fn shown_into(&self, out: &mut String, in_text: bool) {
        for child in &self.children {
            match child {
                Node::Text(t) if in_text => out.push_str(t),
                Node::Text(t) if self.name.starts_with("text:") => {
                    // ODF: runs of white space collapse to one space; none at the start.
                    for c in t.chars() {
                        let c = if matches!(c, '\t' | '\n' | '\r') {
                            ' '
                        } else {
                            c
                        };
                        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
                            continue;
                        }
                        out.push(c);
                    }
                }
                Node::Text(_) => {}
                Node::Element(e) => match e.name.as_str() {
                    "w:t" => e.shown_into(out, true),
                    "w:tab" | "text:tab" => out.push('\t'),
                    "w:br" | "text:line-break" => out.push('\n'),
                    "text:s" => {
                        let n = e.attr("text:c").map_or(1, |c| c.parse().expect("a count"));
                        out.extend(std::iter::repeat_n(' ', n));
                    }
                    "w:p" | "text:p" | "text:h" | "w:tbl" | "table:table" | "w:instrText" => {}
                    _ => e.shown_into(out, false),
                },
            }
        }
    }
}

/// `xml` parsed with `quick-xml`, which checks that it is well-formed (matching end tags,
/// unique attributes, known entities).
fn parse(xml: &str) -> Element {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack = vec![Element::default()];
    let element = |e: &quick_xml::events::BytesStart| Element {
        name: String::from_utf8(e.name().as_ref().to_vec()).expect("UTF-8 names"),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("a well-formed attribute");
                (
                    String::from_utf8(a.key.as_ref().to_vec()).expect("UTF-8 keys"),
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .expect("an attribute value")
                        .into_owned(),
                )
            })
            .collect(),
        children: Vec::new(),
    };
    let text = |stack: &mut Vec<Element>, t: &str| {
        let top = stack.last_mut().expect("an open element");
        match top.children.last_mut() {
            Some(Node::Text(s)) => s.push_str(t),
            _ => top.children.push(Node::Text(t.to_owned())),
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let e = element(&e);
                let top = stack.last_mut().expect("an open element");
                top.children.push(Node::Element(e));
            }
            Event::End(_) => {
                let done = stack.pop().expect("an open element");
                let top = stack.last_mut().expect("a parent");
                top.children.push(Node::Element(done));
            }
            Event::Text(t) => text(&mut stack, &t.xml10_content().expect("text")),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("a character reference") {
                    Some(c) => c,
                    None => match r.decode().expect("an entity").as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity &{other};"),
                    },
                };
                text(&mut stack, c.encode_utf8(&mut [0; 4]));
            }
            Event::CData(_) => panic!("the reports write no CDATA section"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element closed");
    let mut root = stack.pop().expect("the document");
    root.children
        .drain(..)
        .find_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .expect("a root element")
}

/// Whether XML 1.0 can carry `c`.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A report as a word processor opens it: its parts, each XML part parsed.
struct Office {
    format: Format,
    entries: Vec<(String, bool, Vec<u8>)>,
    xml: BTreeMap<String, Element>,
}

impl Office {
    fn open(format: Format, archive: &[u8]) -> Self {
        let entries = entries(archive);
        let mut xml = BTreeMap::new();
        for (name, _, data) in &entries {
            let extension = std::path::Path::new(name).extension();
            if extension.is_some_and(|e| e == "xml" || e == "rels") {
                let text = std::str::from_utf8(data).expect("XML parts are UTF-8");
                assert!(text.starts_with("<?xml version=\"1.0\""), "{name}");
                if let Some(c) = text.chars().find(|c| !is_xml_char(*c)) {
                    panic!("{name} holds {c:?}, which XML 1.0 cannot carry");
                }
                xml.insert(name.clone(), parse(text));
            }
        }
        Self {
            format,
            entries,
            xml,
        }
    }

    fn part(&self, name: &str) -> &Element {
        self.xml
            .get(name)
            .unwrap_or_else(|| panic!("{:?} has {name}", self.format))
    }

    fn body(&self) -> &Element {
        match self.format {
            Format::Docx => self.part("word/document.xml"),
            _ => self.part("content.xml"),
        }
    }

    /// Every paragraph of the body (those in tables too), in order: its style and text.
    fn paragraphs(&self) -> Vec<(String, String)> {
        let names: &[&str] = match self.format {
            Format::Docx => &["w:p"],
            _ => &["text:p", "text:h"],
        };
        self.body()
            .descendants()
            .into_iter()
            .filter(|e| names.contains(&e.name.as_str()))
            .map(|p| (self.style_of(p), p.shown()))
            .collect()
    }

    fn style_of(&self, p: &Element) -> String {
        match self.format {
            Format::Docx => p
                .child("w:pPr")
                .and_then(|pr| pr.child("w:pStyle"))
                .and_then(|s| s.attr("w:val"))
                .unwrap_or("Normal")
                .to_owned(),
            _ => p.attr("text:style-name").unwrap_or_default().to_owned(),
        }
    }

    /// The outline: the title, then every heading, as (level, text); the title is level 0.
    fn outline(&self) -> Vec<(u8, String)> {
        self.body()
            .descendants()
            .into_iter()
            .filter_map(|e| {
                let level = match self.format {
                    Format::Docx if e.name == "w:p" => {
                        let style = self.style_of(e);
                        if style == "Title" {
                            0
                        } else {
                            style.strip_prefix("Heading")?.parse().ok()?
                        }
                    }
                    Format::Odt if e.name == "text:h" => e
                        .attr("text:outline-level")
                        .expect("a heading's level")
                        .parse()
                        .expect("a number"),
                    Format::Odt if e.name == "text:p" && self.style_of(e) == "Title" => 0,
                    _ => return None,
                };
                Some((level, e.shown()))
            })
            .collect()
    }

    /// The top-level tables, each as its rows of cell texts (a covered cell is empty).
    fn tables(&self) -> Vec<&Element> {
        let (table, cell) = match self.format {
            Format::Docx => ("w:tbl", "w:tc"),
            _ => ("table:table", "table:table-cell"),
        };
        // A table inside a cell (a bar) is not a table of the document's.
        let mut nested = Vec::new();
        for c in self.body().find_all(cell) {
            nested.extend(c.find_all(table).into_iter().map(std::ptr::from_ref));
        }
        self.body()
            .find_all(table)
            .into_iter()
            .filter(|t| !nested.contains(&std::ptr::from_ref(*t)))
            .collect()
    }

    fn rows(&self, table: &Element) -> Vec<Vec<String>> {
        let row_name = match self.format {
            Format::Docx => "w:tr",
            _ => "table:table-row",
        };
        let mut rows = Vec::new();
        let mut direct = Vec::new();
        collect_rows(table, row_name, &mut direct);
        for row in direct {
            let cells = row
                .elements()
                .filter(|c| {
                    matches!(
                        c.name.as_str(),
                        "w:tc" | "table:table-cell" | "table:covered-table-cell"
                    )
                })
                .map(|c| {
                    let paragraphs = c.elements().filter(|p| {
                        matches!(p.name.as_str(), "w:p" | "text:p")
                            && self.style_of(p) != "BarCounts"
                            && self.style_of(p) != "Bar_20_counts"
                    });
                    paragraphs
                        .map(Element::shown)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            rows.push(cells);
        }
        rows
    }
}

/// The rows of `table` itself (header rows included), not those of a table inside a cell.
fn collect_rows<'e>(table: &'e Element, row_name: &str, out: &mut Vec<&'e Element>) {
    for e in table.elements() {
        if e.name == row_name {
            out.push(e);
        } else if e.name == "table:table-header-rows" || e.name == "table:table-rows" {
            collect_rows(e, row_name, out);
        }
    }
}

// --- The HTML report, to compare with ------------------------------------------------------

/// The text of an HTML fragment: tags dropped, the entities maud writes decoded.
fn html_text(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The headings of the HTML report outside its contents (`nav`), in order: level (1 for `h1`)
/// and text.
fn html_headings(html: &str) -> Vec<(u8, String)> {
    let nav_start = html.find("<nav>").unwrap_or(0);
    let nav_end = html.find("</nav>").unwrap_or(0);
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find("<h") {
        let start = at + i;
        at = start + 2;
        let level = html.as_bytes()[at];
        if !(b'1'..=b'5').contains(&level) || !matches!(html.as_bytes()[at + 1], b' ' | b'>') {
            continue;
        }
        let close = format!("</h{}>", char::from(level));
        let open_end = start + html[start..].find('>').expect("a tag's end") + 1;
        let end = open_end + html[open_end..].find(&close).expect("a closed heading");
        if !(nav_start..nav_end).contains(&start) {
            out.push((level - b'0', html_text(&html[open_end..end])));
        }
        at = end;
    }
    out
}

// --- The tests ------------------------------------------------------------------------------

#[test]
fn office_reports_are_zip_archives_whose_every_xml_part_parses() {
    let session = example();
    for lang in Lang::ALL {
        let docx = Office::open(Format::Docx, &bytes(&session, Format::Docx, lang));
        let names: Vec<&str> = docx.entries.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names[0], "[Content_Types].xml");
        // Every part the content types, relationships and document name is in the archive.
        let types = docx.part("[Content_Types].xml");
        for o in types.find_all("Override") {
            let part = o.attr("PartName").expect("a part name");
            assert!(names.contains(&&part[1..]), "{part} is in the archive");
        }
        for name in &names {
            let covered = types
                .find_all("Override")
                .iter()
                .any(|o| o.attr("PartName") == Some(&format!("/{name}")))
                || types.find_all("Default").iter().any(|d| {
                    d.attr("Extension")
                        .is_some_and(|ext| name.ends_with(&format!(".{ext}")))
                });
            assert!(covered, "{name} has a content type");
        }
        let rels = docx.part("word/_rels/document.xml.rels");
        for r in rels.find_all("Relationship") {
            if r.attr("TargetMode") != Some("External") {
                let target = format!("word/{}", r.attr("Target").expect("a target"));
                assert!(names.contains(&target.as_str()), "{target}");
            }
        }

        let odt = Office::open(Format::Odt, &bytes(&session, Format::Odt, lang));
        let (first, stored, data) = &odt.entries[0];
        assert_eq!(first, "mimetype");
        assert!(stored, "mimetype is stored uncompressed");
        assert_eq!(data, b"application/vnd.oasis.opendocument.text");
        let listed: Vec<&str> = odt
            .part("META-INF/manifest.xml")
            .find_all("manifest:file-entry")
            .iter()
            .map(|e| e.attr("manifest:full-path").expect("a path"))
            .collect();
        for (name, _, _) in &odt.entries {
            if name != "mimetype" && name != "META-INF/manifest.xml" {
                assert!(listed.contains(&name.as_str()), "the manifest lists {name}");
            }
        }
        assert!(listed.contains(&"/"));
    }
}

#[test]
fn office_reports_have_the_html_report_s_headings_in_its_order() {
    let mut synthesised = example();
    let who = synthesised.dossier.stakeholders[2].id.clone();
    let measure = synthesised.dossier.measures[0].id.clone();
    synthesised
        .syntheses
        .set_dossier("Lecture d’ensemble : la réforme répond aux établissements.".to_owned());
    synthesised
        .syntheses
        .set_stakeholder(who, "La FHF approuve.".to_owned());
    synthesised
        .syntheses
        .set_measure(measure, "Les trois acteurs convergent.".to_owned());
    for session in [example(), synthesised, misattributed_and_orphan().0] {
        for lang in Lang::ALL {
            let options = options(lang);
            assert_outline_of_html(&report::analyse(&session, &options));
        }
    }
}

/// Checks that the Word and OpenDocument renderings of `r` have the outline of its HTML
/// rendering, and its `h5` titles (one cell's work, a demand) as titles kept with their text.
fn assert_outline_of_html(r: &Report) {
    let lang = r.lang;
    let headings = html_headings(&report::html::render(r));
    let outline: Vec<(u8, String)> = headings
        .iter()
        .filter(|(level, _)| *level <= 4)
        .map(|(level, text)| (level - 1, text.clone()))
        .collect();
    let cells: Vec<&String> = headings
        .iter()
        .filter(|(level, _)| *level == 5)
        .map(|(_, text)| text)
        .collect();
    assert!(outline.len() > 40 && cells.len() > 100);
    for format in OFFICE {
        let doc = Office::open(format, &format.render(r));
        assert_eq!(doc.outline(), outline, "{format:?} {lang:?}");
        // The HTML's h5 — one cell's work, a demand — are titles kept with their text.
        let titles: Vec<String> = doc
            .paragraphs()
            .into_iter()
            .filter(|(style, _)| style.starts_with("Cell") || style.starts_with("Demand"))
            .map(|(_, text)| text)
            .collect();
        assert_eq!(titles.len(), cells.len(), "{format:?}");
        for (mine, theirs) in titles.iter().zip(&cells) {
            assert_eq!(mine, *theirs, "{format:?}");
        }
    }
}

/// "● 1  ◐ 17  … 16": the counts the HTML heatmap writes under a box.
fn counts_line(c: &StanceCounts) -> String {
    let mut parts = Vec::new();
    for (stance, icon) in [
        (Some(Stance::Agreement), "●"),
        (Some(Stance::Partial), "◐"),
        (Some(Stance::Gap), "○"),
        (Some(Stance::Silent), "…"),
        (None, "?"),
    ] {
        let n = stance.map_or(c.unassessed, |s| c.get(s));
        if n > 0 {
            parts.push(format!("{icon} {n}"));
        }
    }
    parts.join("  ")
}

/// Checks `doc` against the report it renders: stakeholders, the matrix's numbers, the
/// heatmap's counts, every quote of the gaps.
fn check_against(doc: &Office, r: &Report) {
    let paragraphs = doc.paragraphs();
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    for s in &r.stakeholders {
        assert!(texts.contains(&s.name), "{} is named", s.name);
    }
    // The summary table: the first table with a header row.
    let tables = doc.tables();
    let matrix = doc.rows(tables[1]);
    let mut expected = vec![vec![
        "Partie prenante".to_owned(),
        "Pilier".to_owned(),
        "● Accord".to_owned(),
        "◐ Partiel".to_owned(),
        "○ Écart".to_owned(),
        "… Silence".to_owned(),
        "? Non évalué".to_owned(),
        "Total".to_owned(),
    ]];
    for row in &r.matrix {
        let counts = |c: &StanceCounts| {
            Stance::ALL
                .iter()
                .map(|s| c.get(*s))
                .chain([c.unassessed, c.total()])
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
        };
        for (i, (p, c)) in r.pillars.iter().zip(&row.per_pillar).enumerate() {
            let name = if i == 0 {
                r.stakeholder(row.stakeholder).name.to_owned()
            } else {
                String::new()
            };
            let mut line = vec![name, format!("Pilier {}", p.number)];
            line.extend(counts(c));
            expected.push(line);
        }
        let mut overall = vec![String::new(), "Ensemble".to_owned()];
        overall.extend(counts(&row.overall));
        expected.push(overall);
    }
    assert_eq!(matrix, expected, "{:?}", doc.format);
    // The heatmap and the bars: every box's counts written, as the HTML heatmap writes them.
    let counts: Vec<&str> = paragraphs
        .iter()
        .filter(|(style, _)| style == "BarCounts" || style == "Bar_20_counts")
        .map(|(_, t)| t.as_str())
        .collect();
    let mut boxes: Vec<String> = r.matrix.iter().map(|m| counts_line(&m.overall)).collect();
    for m in &r.matrix {
        boxes.extend(m.per_pillar.iter().map(counts_line));
        boxes.push(counts_line(&m.overall));
    }
    assert_eq!(counts, boxes, "{:?}", doc.format);
    // Every quote of the gaps, in the quote style, with where it comes from.
    let quote_style = match doc.format {
        Format::Docx => "Quote",
        _ => "Quotations",
    };
    let quotes: Vec<&str> = paragraphs
        .iter()
        .filter(|(style, _)| style == quote_style)
        .map(|(_, t)| t.as_str())
        .collect();
    let mut seen = 0;
    for g in &r.gaps {
        for entry in g.gaps.iter().chain(&g.partials) {
            for q in entry.cell.own_quotes() {
                let text = visavis::report::text::quoted(r.lang, q.excerpt);
                assert!(quotes.contains(&text.as_str()), "{text}");
                let source = format!("— {}", visavis::report::text::source(r.lang, q));
                assert!(texts.contains(&source.as_str()), "{source}");
                seen += 1;
            }
        }
    }
    assert!(seen > 20, "the example's gaps quote {seen} times");
}

#[test]
fn office_reports_hold_every_stakeholder_the_matrix_the_heatmap_and_every_quote_of_the_gaps() {
    let session = example();
    let options = options(Lang::Fr);
    let r = report::analyse(&session, &options);
    // Uniopss overall, as the README and the HTML heatmap count it.
    assert_eq!(counts_line(&r.matrix[0].overall), "● 1  ◐ 17  … 16");
    for format in OFFICE {
        let doc = Office::open(format, &format.render(&r));
        check_against(&doc, &r);
    }
}

#[test]
fn office_reports_repeat_header_rows_and_have_an_outline_quotes_page_numbers_and_properties() {
    let session = example();
    let docx = Office::open(Format::Docx, &bytes(&session, Format::Docx, Lang::Fr));
    let tables = docx.tables();
    // The summary and the heatmap repeat their first row on each page.
    for t in &tables[1..] {
        let first = t.child("w:tr").expect("a row");
        assert!(
            first
                .child("w:trPr")
                .and_then(|p| p.child("w:tblHeader"))
                .is_some(),
            "a header row"
        );
    }
    let styles = docx.part("word/styles.xml");
    for (level, id) in [(0, "Heading1"), (1, "Heading2"), (2, "Heading3")] {
        let style = styles
            .find_all("w:style")
            .into_iter()
            .find(|s| s.attr("w:styleId") == Some(id))
            .unwrap_or_else(|| panic!("{id} is defined"));
        let outline = style
            .find_all("w:outlineLvl")
            .first()
            .and_then(|o| o.attr("w:val"))
            .map(str::to_owned);
        assert_eq!(outline, Some(level.to_string()), "{id}'s outline level");
    }
    assert!(
        styles
            .find_all("w:style")
            .iter()
            .any(|s| s.attr("w:styleId") == Some("Quote") && s.attr("w:type") == Some("paragraph"))
    );
    let footer = docx.part("word/footer1.xml");
    assert!(
        footer
            .find_all("w:fldSimple")
            .iter()
            .any(|f| f.attr("w:instr").is_some_and(|i| i.trim() == "PAGE")),
        "the page number"
    );
    let sections = docx.body().find_all("w:footerReference");
    assert_eq!(sections.len(), 1);
    let core = docx.part("docProps/core.xml");
    let field = |e: &Element, name: &str| e.find_all(name).first().map(|x| x.text());
    assert_eq!(
        field(core, "dc:title").as_deref(),
        Some("Rapport d’écarts — Ségur de la santé (2020)")
    );
    assert_eq!(
        field(core, "dc:creator").as_deref(),
        Some(session.analyst.as_str())
    );

    let odt = Office::open(Format::Odt, &bytes(&session, Format::Odt, Lang::Fr));
    for t in &odt.tables()[1..] {
        let first = t.elements().find(|e| e.name != "table:table-column");
        assert_eq!(
            first.map(|e| e.name.as_str()),
            Some("table:table-header-rows"),
            "a header row"
        );
    }
    let content = odt.body();
    let headings = content.find_all("text:h");
    assert!(
        headings
            .iter()
            .all(|h| h.attr("text:outline-level").is_some())
    );
    for level in ["1", "2", "3"] {
        assert!(
            headings
                .iter()
                .any(|h| h.attr("text:outline-level") == Some(level))
        );
    }
    let styles = odt.part("styles.xml");
    for (name, level) in [
        ("Heading_20_1", "1"),
        ("Heading_20_2", "2"),
        ("Heading_20_3", "3"),
    ] {
        assert!(styles.find_all("style:style").iter().any(|s| {
            s.attr("style:name") == Some(name)
                && s.attr("style:default-outline-level") == Some(level)
        }));
    }
    assert!(styles.find_all("style:style").iter().any(|s| {
        s.attr("style:name") == Some("Quotations") && s.attr("style:family") == Some("paragraph")
    }));
    let footer = &styles.find_all("style:footer")[0];
    assert_eq!(footer.find_all("text:page-number").len(), 1);
    let meta = odt.part("meta.xml");
    assert_eq!(
        field(meta, "dc:title").as_deref(),
        Some("Rapport d’écarts — Ségur de la santé (2020)")
    );
    for name in ["meta:initial-creator", "dc:creator"] {
        assert_eq!(
            field(meta, name).as_deref(),
            Some(session.analyst.as_str()),
            "{name}"
        );
    }
}

/// The example with hostile text: markup, a CDATA end, a Word field code, control characters,
/// tabs, line ends and runs of spaces in a note, a quote, a stakeholder's name, the dossier's
/// title and the analyst's name; and a note of 1 MB.
fn hostile() -> (Session, String, String) {
    let mut s = example();
    let note = "<w:t>x</w:t> ]]> & &amp; <text:p> { PAGE } MERGEFIELD Nom \\* MERGEFORMAT \
                \u{1}ctl\u{b}\u{1f}\u{FFFE}\u{FFFF} fin\ttab\nligne deux\r\nligne trois  deux  espaces   \
                trois  "
        .to_owned();
    let cell = CellId::new("revalorisations-salariales", "uniopss");
    let a = s
        .assessments
        .get_mut(&cell)
        .expect("the example assesses it");
    a.note = format!("  {note}");
    let quoted = a
        .evidence
        .iter()
        .next()
        .expect("the cell quotes a position")
        .clone();
    let big: String = "Une longue note, «\u{a0}accentuée\u{a0}» & <balisée>. "
        .repeat(20_000)
        .chars()
        .take(1_000_000)
        .collect();
    let cnom = CellId::new("revalorisations-salariales", "cnom");
    s.assessments
        .get_mut(&cnom)
        .expect("assessed")
        .note
        .clone_from(&big);
    let position = s
        .dossier
        .positions
        .iter_mut()
        .find(|p| p.id == quoted)
        .expect("the position is in the dossier");
    position.citation.excerpt = String::from("«]]>» & <w:r>\ttabulé");
    s.dossier.stakeholders[1].name = String::from("CNOM <w:b/> & « Ordre »");
    s.dossier.title = String::from("Ségur <w:t> & ]]>");
    s.analyst = "Camille & <Dominique>\u{7}".into();
    (s, format!("  {note}"), big)
}

/// What a word processor shows of `typed`: the characters XML cannot carry as U+FFFD, line ends
/// as line breaks.
fn as_shown(typed: &str) -> String {
    typed
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

#[test]
fn hostile_notes_give_documents_that_parse_and_show_the_text_as_typed() {
    let (session, note, big) = hostile();
    let options = options(Lang::Fr);
    let r = report::analyse(&session, &options);
    for format in OFFICE {
        let doc = Office::open(format, &format.render(&r));
        let paragraphs = doc.paragraphs();
        let shown = |text: &str| paragraphs.iter().filter(|(_, t)| t == text).count();
        let expected = as_shown(&note);
        assert!(expected.contains("\u{FFFD}ctl\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} fin\ttab\n"));
        // In the gaps and in the detail.
        assert_eq!(shown(&expected), 2, "{format:?}: the note as typed");
        assert!(shown(&big) >= 1, "{format:?}: the 1 MB note, whole");
        let quote = visavis::report::text::quoted(Lang::Fr, "«]]>» & <w:r>\ttabulé");
        assert!(shown(&quote) >= 2, "{format:?}: the quote");
        assert!(
            shown("CNOM <w:b/> & « Ordre »") >= 2,
            "{format:?}: the name"
        );
        assert_eq!(shown("Ségur <w:t> & ]]>"), 1, "{format:?}: the title");
        let analyst = format!(
            "{} Camille & <Dominique>\u{FFFD}",
            visavis::report::text::colon(Lang::Fr, "Analyste")
        );
        assert_eq!(shown(&analyst), 1, "{format:?}: the analyst");
        // The field code stays text: the body has no field, the footer's page number its only one.
        let body = doc.body();
        for field in [
            "w:fldSimple",
            "w:fldChar",
            "w:instrText",
            "text:page-number",
        ] {
            assert!(body.find_all(field).is_empty(), "{format:?}: no {field}");
        }
        let properties = match format {
            Format::Docx => doc.part("docProps/core.xml"),
            _ => doc.part("meta.xml"),
        };
        let creator = &properties.find_all("dc:creator")[0];
        assert_eq!(creator.text(), "Camille & <Dominique>\u{FFFD}");
        check_against(&doc, &r);
    }
}

#[test]
fn two_renders_of_the_same_report_are_byte_identical() {
    let (session, _, _) = hostile();
    let options = options(Lang::Fr);
    let r = report::analyse(&session, &options);
    for format in OFFICE {
        assert!(format.render(&r) == format.render(&r), "{format:?}");
    }
    let session = example();
    for format in OFFICE {
        assert!(
            bytes(&session, format, Lang::En) == bytes(&session, format, Lang::En),
            "{format:?}"
        );
    }
}

#[test]
fn report_writes_docx_and_odt_from_the_format_or_the_file_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let session = example();
    for (format, asked, name) in [
        (Format::Docx, Some("docx"), "rapport.bin"),
        (Format::Docx, None, "rapport.docx"),
        (Format::Odt, Some("odt"), "sortie.data"),
        (Format::Odt, None, "rapport.ODT"),
    ] {
        let path = dir.path().join(name);
        let path_str = path.to_str().expect("a UTF-8 temporary path");
        let mut args = vec!["report", EXAMPLE, "-o", path_str];
        if let Some(f) = asked {
            args.extend(["--format", f]);
        }
        let out = super::visavis(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let written = std::fs::read(&path).expect("the report was written");
        assert!(
            written == bytes(&session, format, Lang::Fr),
            "{name}: the report as rendered"
        );
    }
    // Redirected, the archive goes to stdout.
    let out = super::visavis(&["report", EXAMPLE, "--format", "odt", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout == bytes(&session, Format::Odt, Lang::En));
    let out = super::visavis(&["report", EXAMPLE, "--format", "pdf"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("expected md, html, csv, docx or odt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_office_reports_read_back_through_visavis_extract() {
    // The application's own reader of source documents finds the report's text in both.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (session, _, _) = hostile();
    for format in OFFICE {
        let path = dir.path().join(format!("r.{}", format.extension()));
        let bytes = bytes(&session, format, Lang::Fr);
        std::fs::File::create(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
            .expect("written");
        let out = super::visavis(&["extract", path.to_str().expect("UTF-8")]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Écarts et accords partiels"), "{format:?}");
        assert!(text.contains("\u{FFFD} fin\ttab\nligne deux"), "{format:?}");
    }
}

#[test]
fn office_reports_hold_the_agreement_section_between_the_review_and_the_detail() {
    let session = example();
    for lang in Lang::ALL {
        let options = super::agreement::compared(lang);
        let r = report::analyse(&session, &options);
        assert_outline_of_html(&r);
        let (review, agreement, detail) = match lang {
            Lang::Fr => (
                "Cellules à revoir, citations mal attribuées et cellules orphelines",
                "Accord entre analystes",
                "Détail par pilier",
            ),
            Lang::En => (
                "Cells to review, misattributed evidence and orphan cells",
                "Agreement between analysts",
                "Detail by pillar",
            ),
        };
        for format in OFFICE {
            let doc = Office::open(format, &format.render(&r));
            if lang == Lang::Fr {
                check_against(&doc, &r);
            }
            let outline: Vec<String> = doc.outline().into_iter().map(|(_, t)| t).collect();
            let at = |title: &str| {
                outline
                    .iter()
                    .position(|t| t == title)
                    .unwrap_or_else(|| panic!("{format:?}: {title} in {outline:?}"))
            };
            assert!(at(review) < at(agreement) && at(agreement) < at(detail));
            // In the contents too.
            let paragraphs = doc.paragraphs();
            let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(texts.iter().filter(|t| **t == agreement).count(), 2);
            // Exactly the two disagreeing cells, each analyst's note as typed.
            let start = texts
                .iter()
                .rposition(|t| *t == agreement)
                .expect("the heading");
            let section = &paragraphs[start..];
            let end = section.iter().position(|(_, t)| t == detail).expect("");
            let section = &section[..end];
            let titles: Vec<&str> = section
                .iter()
                .filter(|(style, _)| style.starts_with("Cell"))
                .map(|(_, t)| t.as_str())
                .collect();
            assert_eq!(titles.len(), 2, "{format:?}: {titles:?}");
            assert!(titles[0].ends_with("— Uniopss") && titles[1].ends_with("— CNOM"));
            let note = as_shown(super::agreement::HOSTILE);
            assert!(
                section
                    .iter()
                    .any(|(_, t)| t.starts_with("Dominique") && t.ends_with(&note)),
                "{format:?}: {section:?}"
            );
            let table = doc
                .tables()
                .into_iter()
                .map(|t| doc.rows(t))
                .find(|rows| rows[0][0] == report::text::T::AgreementScope.get(lang))
                .expect("the agreement table");
            // A header, overall, 3 stakeholders, 4 pillars; the overall Cohen's κ as
            // `super::agreement` computes it by hand.
            assert_eq!(table.len(), 9, "{format:?}: {table:?}");
            assert_eq!(table[1][5], lang.pick("0,951", "0.951"), "{format:?}");
        }
    }
}
