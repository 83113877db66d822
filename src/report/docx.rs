//! The report as a Word document (`.docx`, Office Open XML), written directly with `zip` and
//! the escaping of `office`: the same content and order as the HTML report
//! (`office::content`).
//!
//! - The sections are `Heading 1`, their parts `Heading 2` and `Heading 3` (Word's built-in
//!   styles, with their outline levels), so that Word's navigation pane and LibreOffice's
//!   navigator show the outline; the contents link to them (bookmarks).
//! - Tables have their header row repeated at the top of each page (`w:tblHeader`), and rows
//!   that do not break across pages.
//! - Quotes are in Word's `Quote` paragraph style, where they come from in `Quote source`
//!   under them.
//! - The heatmap and the bars are tables of shaded cells (see `office` for why).
//! - The footer numbers the pages (`PAGE` and `NUMPAGES` fields); the document's title and the
//!   analyst are its properties (`docProps/core.xml`: `dc:title`, `dc:creator`).
//! - A4 with 2 cm margins, the report's language set for spelling and hyphenation.

use super::office::{
    self, Cell, List, Look, MARGIN, Out, PAGE, Para, Part, Piece, STATES, Segment, Sink, Span,
    Store, StyleName, TableLook, colour,
};
use crate::i18n::Lang;
use crate::model::{PositionId, Stance};
use crate::report::Report;
use crate::report::text::T;
use foldhash::HashMap;
use std::fmt::Write as _;

/// The report as the bytes of a `.docx` file.
#[must_use]
pub fn render(report: &Report) -> Vec<u8> {
    let l = report.lang;
    let core = core_properties(report);
    let before: [Part; 4] = [
        (
            "[Content_Types].xml",
            Store::Deflated,
            &[CONTENT_TYPES.as_bytes()],
        ),
        (
            "_rels/.rels",
            Store::Deflated,
            &[PACKAGE_RELATIONSHIPS.as_bytes()],
        ),
        ("docProps/core.xml", Store::Deflated, &[core.as_bytes()]),
        (
            "docProps/app.xml",
            Store::Deflated,
            &[APP_PROPERTIES.as_bytes()],
        ),
    ];
    office::stream(&before, "word/document.xml", |out| {
        let mut doc = Docx::new(out);
        doc.out.push(DOCUMENT_START);
        office::content::write(report, &mut doc);
        let _ = write!(
            doc,
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
             <w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" \
             w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" w:header=\"567\" w:footer=\"567\" \
             w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
            PAGE.0, PAGE.1
        );
        vec![
            (
                "word/_rels/document.xml.rels",
                document_relationships(&doc.links).into_bytes(),
            ),
            ("word/styles.xml", styles(l).into_bytes()),
            ("word/numbering.xml", NUMBERING.as_bytes().to_vec()),
            ("word/settings.xml", SETTINGS.as_bytes().to_vec()),
            ("word/footer1.xml", footer(l).into_bytes()),
        ]
    })
}

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const DOCUMENT_START: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
);

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    "</Types>"
);

const PACKAGE_RELATIONSHIPS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>",
    "</Relationships>"
);

const APP_PROPERTIES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">",
    "<Application>Vis-à-vis</Application></Properties>"
);

/// Word 2013 and later: no compatibility mode; fields are not updated on opening (the page
/// numbers update as the pages are laid out).
const SETTINGS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>",
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>",
    "</w:settings>"
);

/// Bullets (1) and numbers (2), two levels each.
const NUMBERING: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>",
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr></w:lvl>",
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"–\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"240\"/></w:pPr></w:lvl>",
    "</w:abstractNum>",
    "<w:abstractNum w:abstractNumId=\"2\"><w:multiLevelType w:val=\"hybridMultilevel\"/>",
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"520\" w:hanging=\"400\"/></w:pPr></w:lvl>",
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1040\" w:hanging=\"400\"/></w:pPr></w:lvl>",
    "</w:abstractNum>",
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>",
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>",
    "</w:numbering>"
);

/// An empty paragraph around a table, a few points high.
const SPACER: &str = "<w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>";

/// A table being written: its column widths, the column of the next cell, its look.
struct Table {
    widths: Vec<u32>,
    column: usize,
    look: TableLook,
}

/// The document's body under construction.
struct Docx<'a, 'o> {
    out: &'o mut Out,
    /// Web addresses linked, in order: the relationship `rIdLink{n}` is the n-th.
    links: Vec<String>,
    link_ids: HashMap<String, usize>,
    bookmarks: u32,
    tables: Vec<Table>,
    /// Whether the last thing written in the open cell is a table (a cell ends with a
    /// paragraph).
    after_table: bool,
    /// Whether the last thing written is the space after a table.
    spaced: bool,
    /// The markup of each quote, made once.
    memo: HashMap<&'a PositionId, Vec<u8>>,
    /// Whether a quote's markup is being made (and must stay in the buffer until it is).
    capturing: bool,
}

impl std::fmt::Write for Docx<'_, '_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.push(s);
        Ok(())
    }
}

impl<'o> Docx<'_, 'o> {
    fn new(out: &'o mut Out) -> Self {
        Self {
            out,
            links: Vec::new(),
            link_ids: HashMap::default(),
            bookmarks: 0,
            tables: Vec::new(),
            after_table: false,
            spaced: false,
            memo: HashMap::default(),
            capturing: false,
        }
    }

    fn push(&mut self, markup: &str) {
        self.out.push(markup);
    }

    /// A point where the buffer may be handed over.
    fn cut(&mut self) {
        if !self.capturing {
            self.out.cut();
        }
    }

    /// Session text, escaped, as the content of runs: text, tabs and line breaks.
    fn text(&mut self, s: &str) {
        for piece in office::pieces(s) {
            match piece {
                Piece::Text(t) => {
                    // Word drops spaces at either end of a run's text unless told to keep them.
                    self.push(if t.starts_with(' ') || t.ends_with(' ') {
                        "<w:t xml:space=\"preserve\">"
                    } else {
                        "<w:t>"
                    });
                    self.push(&office::text(t));
                    self.push("</w:t>");
                }
                Piece::Tab => self.push("<w:tab/>"),
                Piece::Break => self.push("<w:br/>"),
            }
        }
    }

    fn runs(&mut self, spans: &[Span]) {
        for span in spans {
            if span.text.is_empty() {
                continue;
            }
            let style = match span.look {
                Look::Plain => "",
                Look::Strong => "<w:rPr><w:b/></w:rPr>",
                Look::Emphasis => "<w:rPr><w:i/></w:rPr>",
                Look::Muted => "<w:rPr><w:rStyle w:val=\"Ref\"/></w:rPr>",
                Look::Code => "<w:rPr><w:rStyle w:val=\"Code\"/></w:rPr>",
                Look::Badge(s) => badge_style(s),
                Look::Anchor(_) | Look::Url => "<w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>",
            };
            match span.look {
                Look::Anchor(anchor) => {
                    let _ = write!(self, "<w:hyperlink w:anchor=\"{}\">", bookmark(anchor));
                }
                Look::Url => {
                    let id = self.link(&span.text);
                    let _ = write!(self, "<w:hyperlink r:id=\"rIdLink{id}\">");
                }
                _ => {}
            }
            self.push("<w:r>");
            self.push(style);
            self.text(&span.text);
            self.push("</w:r>");
            if matches!(span.look, Look::Anchor(_) | Look::Url) {
                self.push("</w:hyperlink>");
            }
        }
    }

    /// The relationship number of the web address `url`.
    fn link(&mut self, url: &str) -> usize {
        if let Some(id) = self.link_ids.get(url) {
            return *id;
        }
        self.links.push(url.to_owned());
        self.link_ids.insert(url.to_owned(), self.links.len());
        self.links.len()
    }

    fn paragraph(&mut self, properties: &str, spans: &[Span]) {
        self.cut();
        self.after_table = false;
        self.spaced = false;
        self.push("<w:p>");
        if !properties.is_empty() {
            self.push("<w:pPr>");
            self.push(properties);
            self.push("</w:pPr>");
        }
        self.runs(spans);
        self.push("</w:p>");
    }

    /// Whether a figure's table is open.
    fn in_figure(&self) -> bool {
        self.tables
            .first()
            .is_some_and(|t| t.look == TableLook::Figure)
    }

    /// The width of the next cell of the open table.
    fn next_width(&mut self) -> u32 {
        self.tables.last_mut().map_or(0, |t| {
            let w = t.widths.get(t.column).copied().unwrap_or(0);
            t.column += 1;
            w
        })
    }
}

/// The run properties of a badge.
fn badge_style(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Agreement) => "<w:rPr><w:rStyle w:val=\"BadgeAgreement\"/></w:rPr>",
        Some(Stance::Partial) => "<w:rPr><w:rStyle w:val=\"BadgePartial\"/></w:rPr>",
        Some(Stance::Gap) => "<w:rPr><w:rStyle w:val=\"BadgeGap\"/></w:rPr>",
        Some(Stance::Silent) => "<w:rPr><w:rStyle w:val=\"BadgeSilent\"/></w:rPr>",
        None => "<w:rPr><w:rStyle w:val=\"BadgeUnassessed\"/></w:rPr>",
    }
}

/// The style id of a cell state's title, badge or segment: `Agreement`, …, `Unassessed`.
fn state_id(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Agreement) => "Agreement",
        Some(Stance::Partial) => "Partial",
        Some(Stance::Gap) => "Gap",
        Some(Stance::Silent) => "Silent",
        None => "Unassessed",
    }
}

/// An anchor as a bookmark name (letters, digits and underscores).
fn bookmark(anchor: &str) -> String {
    anchor
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The paragraph properties of `style`.
fn para_properties(style: Para) -> &'static str {
    match style {
        Para::Body => "",
        Para::Kicker => "<w:pStyle w:val=\"Kicker\"/>",
        Para::Title => "<w:pStyle w:val=\"Title\"/>",
        Para::ContentsHeading => "<w:pStyle w:val=\"ContentsHeading\"/>",
        Para::Intro => "<w:pStyle w:val=\"Intro\"/>",
        Para::Note => "<w:pStyle w:val=\"Note\"/>",
        Para::Warning => "<w:pStyle w:val=\"Warning\"/>",
        Para::Synthesis => "<w:pStyle w:val=\"Synthesis\"/>",
        Para::Quote => "<w:pStyle w:val=\"Quote\"/>",
        Para::QuoteSource => "<w:pStyle w:val=\"QuoteSource\"/>",
        Para::Caption => "<w:pStyle w:val=\"Caption\"/>",
        Para::Cell(Some(Stance::Agreement)) => "<w:pStyle w:val=\"CellAgreement\"/>",
        Para::Cell(Some(Stance::Partial)) => "<w:pStyle w:val=\"CellPartial\"/>",
        Para::Cell(Some(Stance::Gap)) => "<w:pStyle w:val=\"CellGap\"/>",
        Para::Cell(Some(Stance::Silent)) => "<w:pStyle w:val=\"CellSilent\"/>",
        Para::Cell(None) => "<w:pStyle w:val=\"CellUnassessed\"/>",
        Para::Demand => "<w:pStyle w:val=\"Demand\"/>",
        Para::TableText => "<w:pStyle w:val=\"TableText\"/>",
        Para::TableHead => "<w:pStyle w:val=\"TableHead\"/>",
        Para::TableNumber => "<w:pStyle w:val=\"TableNumber\"/>",
        Para::BarCounts => "<w:pStyle w:val=\"BarCounts\"/>",
    }
}

impl<'a> Sink<'a> for Docx<'a, '_> {
    fn layout(&mut self, _: &office::content::Layout) {}

    fn heading(&mut self, level: u8, anchor: Option<&str>, new_page: bool, spans: &[Span]) {
        self.cut();
        self.after_table = false;
        self.spaced = false;
        let level = level.clamp(1, 3);
        let _ = write!(self, "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/>");
        if new_page {
            self.push("<w:pageBreakBefore/>");
        }
        self.push("</w:pPr>");
        let mark = anchor.map(|a| {
            self.bookmarks += 1;
            let id = self.bookmarks;
            let _ = write!(
                self,
                "<w:bookmarkStart w:id=\"{id}\" w:name=\"{}\"/>",
                bookmark(a)
            );
            id
        });
        self.runs(spans);
        if let Some(id) = mark {
            let _ = write!(self, "<w:bookmarkEnd w:id=\"{id}\"/>");
        }
        self.push("</w:p>");
    }

    fn para(&mut self, style: Para, spans: &[Span]) {
        if self.in_figure() {
            // Each paragraph kept with the next keeps the table's rows on one page.
            let properties = format!("{}<w:keepNext/>", para_properties(style));
            self.paragraph(&properties, spans);
        } else {
            self.paragraph(para_properties(style), spans);
        }
    }

    fn item(&mut self, list: List, level: u8, spans: &[Span]) {
        let (style, id) = match list {
            List::Bullet => ("ListBullet", 1),
            List::Number => ("ListNumber", 2),
        };
        let properties = format!(
            "<w:pStyle w:val=\"{style}\"/><w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{id}\"/></w:numPr>",
            level.min(1)
        );
        self.paragraph(&properties, spans);
    }

    fn list_end(&mut self) {}

    fn table_start(&mut self, widths: &[u32], _header: bool, look: TableLook) {
        if self.tables.is_empty() && !self.spaced {
            // Word sets a table right under the paragraph before it.
            self.push(SPACER);
        }
        let total: u32 = widths.iter().sum();
        let borders = match look {
            TableLook::Grid | TableLook::Figure => {
                let edge = |side: &str| {
                    format!(
                        "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{}\"/>",
                        colour::RULE
                    )
                };
                format!(
                    "<w:tblBorders>{}{}{}{}{}{}</w:tblBorders>",
                    edge("top"),
                    edge("left"),
                    edge("bottom"),
                    edge("right"),
                    edge("insideH"),
                    edge("insideV")
                )
            }
            TableLook::Plain => String::new(),
        };
        let margin = office::content::CELL_MARGIN;
        let _ = write!(
            self,
            "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>{borders}\
             <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>\
             <w:left w:w=\"{margin}\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/>\
             <w:right w:w=\"{margin}\" w:type=\"dxa\"/></w:tblCellMar>\
             <w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for w in widths {
            let _ = write!(self, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.push("</w:tblGrid>");
        self.tables.push(Table {
            widths: widths.to_vec(),
            column: 0,
            look,
        });
    }

    fn row_start(&mut self, header: bool) {
        if let Some(t) = self.tables.last_mut() {
            t.column = 0;
        }
        self.push(if header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
    }

    fn cell_start(&mut self, cell: Cell) {
        let width = self.next_width();
        let _ = write!(
            self,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
        );
        if cell.rows > 1 {
            self.push("<w:vMerge w:val=\"restart\"/>");
        }
        if let Some(fill) = cell.fill {
            let _ = write!(
                self,
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
            );
        }
        self.push("</w:tcPr>");
        self.after_table = false;
    }

    fn cell_end(&mut self) {
        if self.after_table {
            self.push("<w:p><w:pPr><w:pStyle w:val=\"Bar\"/></w:pPr></w:p>");
            self.after_table = false;
        }
        self.push("</w:tc>");
    }

    fn covered_cell(&mut self) {
        let width = self.next_width();
        let _ = write!(
            self,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/><w:vMerge/></w:tcPr><w:p/></w:tc>"
        );
    }

    fn row_end(&mut self) {
        self.push("</w:tr>");
    }

    fn table_end(&mut self) {
        self.push("</w:tbl>");
        self.tables.pop();
        if self.tables.is_empty() {
            // Two tables in a row would merge into one: a paragraph keeps them apart.
            self.push(SPACER);
            self.spaced = true;
        } else {
            self.after_table = true;
        }
    }

    fn bar(&mut self, segments: &[Segment]) {
        let total: u32 = segments.iter().map(|(_, w)| w).sum();
        let edge = |side: &str| {
            format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{}\"/>",
                colour::SEGMENT_BORDER
            )
        };
        let _ = write!(
            self,
            "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
             <w:tblBorders>{}{}{}{}{}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>\
             <w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>\
             <w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>\
             <w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            edge("top"),
            edge("left"),
            edge("bottom"),
            edge("right"),
            edge("insideV")
        );
        for (_, w) in segments {
            let _ = write!(self, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.push("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"220\" w:hRule=\"exact\"/></w:trPr>");
        let keep = if self.in_figure() {
            "<w:keepNext/>"
        } else {
            ""
        };
        for (fill, w) in segments {
            let _ = write!(
                self,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>\
                 <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/></w:tcPr>\
                 <w:p><w:pPr><w:pStyle w:val=\"Bar\"/>{keep}</w:pPr></w:p></w:tc>"
            );
        }
        self.push("</w:tr></w:tbl>");
        self.after_table = true;
    }

    fn memo(&mut self, key: &'a PositionId, write: impl FnOnce(&mut Self)) {
        self.cut();
        if let Some(markup) = self.memo.get(key) {
            self.out.buf.extend_from_slice(markup);
            self.after_table = false;
            return;
        }
        self.capturing = true;
        let start = self.out.buf.len();
        write(self);
        self.memo.insert(key, self.out.buf[start..].to_vec());
        self.capturing = false;
    }
}

/// `word/_rels/document.xml.rels`: the parts the document uses, and each web address linked.
fn document_relationships(links: &[String]) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    for (id, kind, target) in [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFooter", "footer", "footer1.xml"),
    ] {
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{base}/{kind}\" Target=\"{target}\"/>"
        );
    }
    for (i, url) in links.iter().enumerate() {
        let _ = write!(
            out,
            "<Relationship Id=\"rIdLink{}\" Type=\"{base}/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            i + 1,
            office::attribute(url)
        );
    }
    out.push_str("</Relationships>");
    out
}

/// `docProps/core.xml`: the title ("Rapport d’écarts — dossier"), the analyst as author, the
/// language, and the session's last change as the dates.
fn core_properties(r: &Report) -> String {
    let l = r.lang;
    let h = &r.header;
    let title = format!("{} — {}", T::Title.get(l), h.dossier_title);
    let mut out = String::from(DECLARATION);
    out.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    let _ = write!(out, "<dc:title>{}</dc:title>", office::text(&title));
    if !h.analyst.trim().is_empty() {
        let analyst = office::text(h.analyst.trim());
        let _ = write!(
            out,
            "<dc:creator>{analyst}</dc:creator><cp:lastModifiedBy>{analyst}</cp:lastModifiedBy>"
        );
    }
    let _ = write!(out, "<dc:language>{}</dc:language>", language(l));
    if crate::model::is_rfc3339(h.modified) {
        for name in ["created", "modified"] {
            let _ = write!(
                out,
                "<dcterms:{name} xsi:type=\"dcterms:W3CDTF\">{}</dcterms:{name}>",
                office::text(h.modified)
            );
        }
    }
    out.push_str("</cp:coreProperties>");
    out
}

/// The report's language as a language tag.
fn language(l: Lang) -> &'static str {
    l.pick("fr-FR", "en-GB")
}

/// `word/footer1.xml`: "Page 3 sur 12", centred.
fn footer(l: Lang) -> String {
    let field = |code: &str| {
        format!(
            "<w:fldSimple w:instr=\" {code} \"><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
        )
    };
    format!(
        "{DECLARATION}<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">{} </w:t></w:r>{}<w:r><w:t xml:space=\"preserve\"> {} </w:t></w:r>{}</w:p></w:ftr>",
        T::FooterPage.get(l),
        field("PAGE"),
        T::FooterOf.get(l),
        field("NUMPAGES")
    )
}

/// `word/styles.xml`: the document defaults (font, size, language) and every style the body
/// names.
fn styles(l: Lang) -> String {
    let mut out = String::from(DECLARATION);
    let _ = write!(
        out,
        "<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
         <w:color w:val=\"{}\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{}\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"100\" w:line=\"264\" \
         w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        colour::INK,
        language(l)
    );
    let mut para = |id: &str, name: &str, properties: &str, run: &str| {
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{}\
             <w:qFormat/><w:pPr>{properties}</w:pPr><w:rPr>{run}</w:rPr></w:style>",
            if id == "Normal" {
                ""
            } else {
                "<w:basedOn w:val=\"Normal\"/>"
            }
        );
    };
    let muted = format!("<w:color w:val=\"{}\"/>", colour::MUTED);
    let name = |key: StyleName| office::style_name(l, key);
    para("Normal", "Normal", "", "");
    para(
        "Kicker",
        name(StyleName::Kicker),
        "<w:spacing w:after=\"0\"/>",
        &format!("<w:caps/>{muted}<w:spacing w:val=\"20\"/><w:sz w:val=\"18\"/>"),
    );
    para(
        "Title",
        "Title",
        "<w:spacing w:after=\"200\"/>",
        "<w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>",
    );
    for (level, size, before, rule) in
        [(1, 32, 360, true), (2, 26, 280, false), (3, 23, 200, false)]
    {
        let border = if rule {
            format!(
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"2\" w:color=\"{}\"/></w:pBdr>",
                colour::INK
            )
        } else {
            String::new()
        };
        para(
            &format!("Heading{level}"),
            &format!("heading {level}"),
            &format!(
                "<w:keepNext/><w:keepLines/>{border}<w:spacing w:before=\"{before}\" w:after=\"120\"/>\
                 <w:outlineLvl w:val=\"{}\"/>",
                level - 1
            ),
            &format!("<w:b/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"),
        );
    }
    para(
        "ContentsHeading",
        name(StyleName::ContentsHeading),
        "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>",
        "<w:b/><w:sz w:val=\"24\"/>",
    );
    para("Intro", name(StyleName::Intro), "<w:keepNext/>", &muted);
    para("Note", name(StyleName::Note), "", &muted);
    para(
        "Warning",
        name(StyleName::Warning),
        &format!(
            "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"{}\"/></w:pBdr>\
             <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/><w:ind w:left=\"170\"/>",
            office::rule(Some(Stance::Gap)),
            office::tint(Some(Stance::Gap))
        ),
        "",
    );
    para(
        "Synthesis",
        name(StyleName::Synthesis),
        &format!(
            "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"{}\"/></w:pBdr><w:ind w:left=\"170\"/>",
            colour::SYNTHESIS
        ),
        "",
    );
    para(
        "Quote",
        "Quote",
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"60\" w:after=\"0\"/><w:ind w:left=\"340\" w:right=\"340\"/>",
        "<w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\" w:cs=\"Georgia\"/><w:i/><w:iCs/>",
    );
    para(
        "QuoteSource",
        name(StyleName::QuoteSource),
        "<w:keepLines/><w:spacing w:after=\"120\"/><w:ind w:left=\"340\" w:right=\"340\"/>",
        &format!("{muted}<w:sz w:val=\"18\"/>"),
    );
    para(
        "Caption",
        "caption",
        "<w:spacing w:before=\"60\" w:after=\"160\"/>",
        &format!("{muted}<w:sz w:val=\"18\"/>"),
    );
    for state in STATES {
        para(
            &format!("Cell{}", state_id(state)),
            &format!("{} — {}", name(StyleName::Cell), state_name_label(l, state)),
            &format!(
                "<w:keepNext/><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"{}\"/></w:pBdr>\
                 <w:spacing w:before=\"180\" w:after=\"60\"/><w:ind w:left=\"170\"/>",
                office::rule(state)
            ),
            "<w:b/>",
        );
    }
    para(
        "Demand",
        name(StyleName::Demand),
        &format!(
            "<w:keepNext/><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"{}\"/></w:pBdr>\
             <w:spacing w:before=\"180\" w:after=\"60\"/><w:ind w:left=\"170\"/>",
            colour::INK
        ),
        "<w:b/>",
    );
    let table = "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>";
    para(
        "TableText",
        name(StyleName::TableText),
        table,
        "<w:sz w:val=\"18\"/>",
    );
    para(
        "TableHead",
        name(StyleName::TableHead),
        &format!("<w:keepNext/>{table}"),
        "<w:b/><w:sz w:val=\"18\"/>",
    );
    para(
        "TableNumber",
        name(StyleName::TableNumber),
        &format!("{table}<w:jc w:val=\"right\"/>"),
        "<w:sz w:val=\"18\"/>",
    );
    para(
        "BarCounts",
        name(StyleName::BarCounts),
        "<w:spacing w:before=\"30\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "<w:sz w:val=\"16\"/>",
    );
    para(
        "Bar",
        name(StyleName::Bar),
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"40\" w:lineRule=\"exact\"/>",
        "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/>",
    );
    para(
        "AfterTable",
        name(StyleName::AfterTable),
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>",
        "<w:sz w:val=\"8\"/>",
    );
    para(
        "ListBullet",
        "List Bullet",
        "<w:spacing w:after=\"60\"/>",
        "",
    );
    para(
        "ListNumber",
        "List Number",
        "<w:spacing w:after=\"40\"/>",
        "",
    );
    para(
        "Footer",
        "footer",
        "<w:jc w:val=\"center\"/>",
        &format!("{muted}<w:sz w:val=\"18\"/>"),
    );
    let mut character = |id: &str, name: &str, run: &str| {
        let _ = write!(
            out,
            "<w:style w:type=\"character\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:rPr>{run}</w:rPr></w:style>"
        );
    };
    character(
        "Ref",
        name(StyleName::Ref),
        &format!("{muted}<w:sz w:val=\"18\"/>"),
    );
    character(
        "Code",
        name(StyleName::Code),
        "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/><w:sz w:val=\"19\"/>",
    );
    character(
        "Hyperlink",
        "Hyperlink",
        &format!(
            "<w:color w:val=\"{}\"/><w:u w:val=\"single\"/>",
            colour::LINK
        ),
    );
    for state in STATES {
        character(
            &format!("Badge{}", state_id(state)),
            &format!(
                "{} — {}",
                name(StyleName::Badge),
                state_name_label(l, state)
            ),
            &format!(
                "<w:b/><w:color w:val=\"{}\"/><w:bdr w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{}\"/>\
                 <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>",
                colour::INK,
                office::rule(state),
                office::tint(state)
            ),
        );
    }
    out.push_str("</w:styles>");
    out
}

/// A cell state's word, for a style's name.
fn state_name_label(l: Lang, state: Option<Stance>) -> &'static str {
    crate::report::text::stance_label(l, state)
}
