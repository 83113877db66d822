//! The report as an OpenDocument text (`.odt`, ODF 1.3), written directly with `zip` and the
//! escaping of `office`: the same content and order as the HTML report
//! (`office::content`).
//!
//! - The sections are `text:h` headings with their outline level (LibreOffice's `Heading 1`
//!   to `Heading 3` styles), so that the navigator shows the outline; the contents link to
//!   them (bookmarks).
//! - Tables have their header row in `table:table-header-rows`, repeated on each page, and
//!   rows kept whole.
//! - Quotes are in LibreOffice's `Quotations` paragraph style (shown as *Citations* in a French
//!   LibreOffice), where they come from in `Quote source` under them.
//! - The heatmap and the bars are tables of shaded cells (see `office` for why).
//! - The footer numbers the pages (`text:page-number`, `text:page-count`); the document's title
//!   and the analyst are in `meta.xml` (`dc:title`, `meta:initial-creator`, `dc:creator`).
//! - `mimetype` is the archive's first entry, stored uncompressed; `META-INF/manifest.xml`
//!   lists every part.
//! - Spaces are written so that none is collapsed (`text:s`), tabs as `text:tab`, a note's line
//!   breaks as `text:line-break`.

use super::office::{
    self, Cell, List, Look, MARGIN, Out, PAGE, Para, Part, Piece, STATES, Segment, Sink, Span,
    Store, StyleName, TableLook, colour,
};
use crate::i18n::Lang;
use crate::model::{PositionId, Stance};
use crate::report::Report;
use crate::report::text::{self, T};
use foldhash::HashMap;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The report as the bytes of an `.odt` file.
#[must_use]
pub fn render(report: &Report) -> Vec<u8> {
    let l = report.lang;
    let before: [Part; 1] = [("mimetype", Store::Stored, &[MIMETYPE.as_bytes()])];
    office::stream(&before, "content.xml", |out| {
        let mut doc = Odt::new(out, l);
        // The automatic styles first (`Sink::layout`), then the body.
        office::content::write(report, &mut doc);
        doc.close_list();
        doc.push("</office:text></office:body></office:document-content>");
        vec![
            ("styles.xml", styles(l).into_bytes()),
            ("meta.xml", meta(report).into_bytes()),
            ("META-INF/manifest.xml", MANIFEST.as_bytes().to_vec()),
        ]
    })
}

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

const MANIFEST: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">",
    "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>",
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>",
    "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>",
    "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>",
    "</manifest:manifest>"
);

/// The namespaces of `content.xml` and `styles.xml`.
const NAMESPACES: &str = concat!(
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" ",
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" ",
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" ",
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" ",
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" ",
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" ",
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.3\""
);

/// `twips` as an ODF length in points.
fn pt(twips: u32) -> String {
    format!("{}.{:02}pt", twips / 20, (twips % 20) * 5)
}

/// A table being written: its look, and whether its header row is open.
struct Table {
    look: TableLook,
    in_header: bool,
}

/// `content.xml` under construction, and the automatic styles its body names.
struct Odt<'a, 'o> {
    out: &'o mut Out,
    lang: Lang,
    /// Whether the text last written ends in white space (or nothing): a space after it must
    /// be a `text:s`, which ODF never collapses.
    blank: bool,
    /// The widths (twips) of the tables, bars and columns of the layout.
    table_widths: BTreeSet<u32>,
    figure_widths: BTreeSet<u32>,
    bar_widths: BTreeSet<u32>,
    column_widths: BTreeSet<u32>,
    tables: Vec<Table>,
    table_count: usize,
    /// The lists open (the outermost first), each with an item open.
    lists: usize,
    /// The markup of each quote, made once.
    memo: HashMap<&'a PositionId, Vec<u8>>,
    /// Whether a quote's markup is being made (and must stay in the buffer until it is).
    capturing: bool,
}

impl std::fmt::Write for Odt<'_, '_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.push(s);
        Ok(())
    }
}

impl<'o> Odt<'_, 'o> {
    fn new(out: &'o mut Out, lang: Lang) -> Self {
        Self {
            out,
            lang,
            blank: true,
            table_widths: BTreeSet::new(),
            figure_widths: BTreeSet::new(),
            bar_widths: BTreeSet::new(),
            column_widths: BTreeSet::new(),
            tables: Vec::new(),
            table_count: 0,
            lists: 0,
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

    /// Close the lists still open: anything but a list item ends them.
    fn close_list(&mut self) {
        for _ in 0..self.lists {
            self.push("</text:list-item></text:list>");
        }
        self.lists = 0;
    }

    /// Session text, escaped, every space kept: text, `text:s`, tabs and line breaks.
    fn text(&mut self, s: &str) {
        for piece in office::pieces(s) {
            match piece {
                Piece::Text(t) => self.spaced(t),
                Piece::Tab => {
                    self.push("<text:tab/>");
                    self.blank = true;
                }
                Piece::Break => {
                    self.push("<text:line-break/>");
                    self.blank = true;
                }
            }
        }
    }

    /// Text without tab or line end: a space that follows white space (or starts the
    /// paragraph) is written `text:s`, since ODF collapses white space.
    fn spaced(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if !(t.contains("  ") || self.blank && t.starts_with(' ')) {
            let escaped = office::text(t);
            self.out.push(&escaped);
            self.blank = t.ends_with(' ');
            return;
        }
        let mut rest = t;
        while !rest.is_empty() {
            let word_end = rest.find(' ').unwrap_or(rest.len());
            if word_end > 0 {
                let escaped = office::text(&rest[..word_end]);
                self.out.push(&escaped);
                self.blank = false;
                rest = &rest[word_end..];
                continue;
            }
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            let mut literal = 0;
            if !self.blank {
                self.push(" ");
                literal = 1;
            }
            if spaces > literal {
                let more = spaces - literal;
                if more == 1 {
                    self.push("<text:s/>");
                } else {
                    let _ = write!(self, "<text:s text:c=\"{more}\"/>");
                }
            }
            self.blank = true;
            rest = &rest[spaces..];
        }
    }

    fn spans(&mut self, spans: &[Span]) {
        for span in spans {
            if span.text.is_empty() {
                continue;
            }
            let style = match span.look {
                Look::Plain => None,
                Look::Strong => Some("Strong_20_Emphasis"),
                Look::Emphasis => Some("Emphasis"),
                Look::Muted => Some("Ref"),
                Look::Code => Some("Source_20_Text"),
                Look::Badge(s) => Some(badge_style(s)),
                Look::Anchor(_) | Look::Url => Some("Internet_20_link"),
            };
            match span.look {
                Look::Anchor(anchor) => {
                    let _ = write!(
                        self,
                        "<text:a xlink:type=\"simple\" xlink:href=\"#{}\" text:style-name=\"Internet_20_link\">",
                        office::attribute(anchor)
                    );
                }
                Look::Url => {
                    let _ = write!(
                        self,
                        "<text:a xlink:type=\"simple\" xlink:href=\"{}\" text:style-name=\"Internet_20_link\">",
                        office::attribute(&span.text)
                    );
                }
                _ => {
                    if let Some(style) = style {
                        let _ = write!(self, "<text:span text:style-name=\"{style}\">");
                    }
                }
            }
            self.text(&span.text);
            match span.look {
                Look::Anchor(_) | Look::Url => self.push("</text:a>"),
                Look::Plain => {}
                _ => self.push("</text:span>"),
            }
        }
    }

    fn paragraph(&mut self, style: &str, spans: &[Span]) {
        self.cut();
        self.blank = true;
        let _ = write!(self, "<text:p text:style-name=\"{style}\">");
        self.spans(spans);
        self.push("</text:p>");
    }
}

/// The text style of a badge.
fn badge_style(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Agreement) => "Badge_agreement",
        Some(Stance::Partial) => "Badge_partial",
        Some(Stance::Gap) => "Badge_gap",
        Some(Stance::Silent) => "Badge_silent",
        None => "Badge_unassessed",
    }
}

/// The paragraph style of `style`.
fn para_style(style: Para) -> &'static str {
    match style {
        Para::Body => "Text_20_body",
        Para::Kicker => "Kicker",
        Para::Title => "Title",
        Para::ContentsHeading => "Contents_20_Heading",
        Para::Intro => "Intro",
        Para::Note => "Note",
        Para::Warning => "Warning",
        Para::Synthesis => "Synthesis",
        Para::Quote => "Quotations",
        Para::QuoteSource => "Quote_20_source",
        Para::Caption => "Caption",
        Para::Cell(Some(Stance::Agreement)) => "Cell_agreement",
        Para::Cell(Some(Stance::Partial)) => "Cell_partial",
        Para::Cell(Some(Stance::Gap)) => "Cell_gap",
        Para::Cell(Some(Stance::Silent)) => "Cell_silent",
        Para::Cell(None) => "Cell_unassessed",
        Para::Demand => "Demand",
        Para::TableText => "Table_20_Contents",
        Para::TableHead => "Table_20_Heading",
        Para::TableNumber => "Table_20_number",
        Para::BarCounts => "Bar_20_counts",
    }
}

impl<'a> Sink<'a> for Odt<'a, '_> {
    fn layout(&mut self, layout: &office::content::Layout) {
        for (widths, look) in &layout.tables {
            let total = widths.iter().sum();
            if *look == TableLook::Figure {
                self.figure_widths.insert(total);
            } else {
                self.table_widths.insert(total);
            }
            self.column_widths.extend(widths);
        }
        for bar in &layout.bars {
            self.bar_widths.insert(bar.iter().map(|(_, w)| w).sum());
            self.column_widths.extend(bar.iter().map(|(_, w)| w));
        }
        let head = content_head(self);
        self.push(&head);
    }

    fn heading(&mut self, level: u8, anchor: Option<&str>, new_page: bool, spans: &[Span]) {
        self.close_list();
        self.cut();
        self.blank = true;
        let level = level.clamp(1, 3);
        let style = if new_page {
            format!("Heading_{level}_page")
        } else {
            format!("Heading_20_{level}")
        };
        let _ = write!(
            self,
            "<text:h text:style-name=\"{style}\" text:outline-level=\"{level}\">"
        );
        if let Some(a) = anchor {
            let _ = write!(
                self,
                "<text:bookmark text:name=\"{}\"/>",
                office::attribute(a)
            );
        }
        self.spans(spans);
        self.push("</text:h>");
    }

    fn para(&mut self, style: Para, spans: &[Span]) {
        self.close_list();
        self.paragraph(para_style(style), spans);
    }

    fn item(&mut self, list: List, level: u8, spans: &[Span]) {
        let depth = usize::from(level.min(1)) + 1;
        while self.lists > depth {
            self.push("</text:list-item></text:list>");
            self.lists -= 1;
        }
        if self.lists == depth {
            self.push("</text:list-item>");
        }
        while self.lists < depth {
            if self.lists == 0 {
                let style = match list {
                    List::Bullet => "List_bullet",
                    List::Number => "List_number",
                };
                let _ = write!(self, "<text:list text:style-name=\"{style}\">");
            } else {
                self.push("<text:list>");
            }
            self.lists += 1;
            if self.lists < depth {
                self.push("<text:list-item>");
            }
        }
        self.push("<text:list-item>");
        self.paragraph("List_20_item", spans);
    }

    fn list_end(&mut self) {
        self.close_list();
    }

    fn table_start(&mut self, widths: &[u32], _header: bool, look: TableLook) {
        self.close_list();
        let total: u32 = widths.iter().sum();
        let style = if look == TableLook::Figure {
            debug_assert!(
                self.figure_widths.contains(&total),
                "a figure of the layout"
            );
            "Figure"
        } else {
            debug_assert!(self.table_widths.contains(&total), "a table of the layout");
            "Table"
        };
        self.table_count += 1;
        let name = format!("{}{}", self.lang.pick("Tableau", "Table"), self.table_count);
        let _ = write!(
            self,
            "<table:table table:name=\"{name}\" table:style-name=\"{style}{total}\">"
        );
        for w in widths {
            let _ = write!(self, "<table:table-column table:style-name=\"Column{w}\"/>");
        }
        self.tables.push(Table {
            look,
            in_header: false,
        });
    }

    fn row_start(&mut self, header: bool) {
        if header {
            self.push("<table:table-header-rows>");
            if let Some(t) = self.tables.last_mut() {
                t.in_header = true;
            }
        }
        self.push("<table:table-row table:style-name=\"Row\">");
    }

    fn cell_start(&mut self, cell: Cell) {
        self.close_list();
        let grid = self
            .tables
            .last()
            .is_some_and(|t| t.look == TableLook::Grid);
        let style = match (grid, cell.fill) {
            (true, Some(_)) => "CellGridTint",
            (true, None) => "CellGrid",
            (false, _) => "CellPlain",
        };
        let _ = write!(self, "<table:table-cell table:style-name=\"{style}\"");
        if cell.rows > 1 {
            let _ = write!(self, " table:number-rows-spanned=\"{}\"", cell.rows);
        }
        self.push(" office:value-type=\"string\">");
    }

    fn cell_end(&mut self) {
        self.close_list();
        self.push("</table:table-cell>");
    }

    fn covered_cell(&mut self) {
        self.push("<table:covered-table-cell/>");
    }

    fn row_end(&mut self) {
        self.push("</table:table-row>");
        if let Some(t) = self.tables.last_mut()
            && t.in_header
        {
            t.in_header = false;
            self.push("</table:table-header-rows>");
        }
    }

    fn table_end(&mut self) {
        self.push("</table:table>");
        self.tables.pop();
    }

    fn bar(&mut self, segments: &[Segment]) {
        self.close_list();
        let total: u32 = segments.iter().map(|(_, w)| w).sum();
        debug_assert!(self.bar_widths.contains(&total), "a bar of the layout");
        self.table_count += 1;
        let name = format!("{}{}", self.lang.pick("Barre", "Bar"), self.table_count);
        let _ = write!(
            self,
            "<table:table table:name=\"{name}\" table:style-name=\"Bar{total}\">"
        );
        for (_, w) in segments {
            let _ = write!(self, "<table:table-column table:style-name=\"Column{w}\"/>");
        }
        self.push("<table:table-row table:style-name=\"RowBar\">");
        for (fill, _) in segments {
            let _ = write!(
                self,
                "<table:table-cell table:style-name=\"Segment{fill}\" office:value-type=\"string\">\
                 <text:p text:style-name=\"Bar\"/></table:table-cell>"
            );
        }
        self.push("</table:table-row></table:table>");
    }

    fn memo(&mut self, key: &'a PositionId, write: impl FnOnce(&mut Self)) {
        self.close_list();
        self.cut();
        if let Some(markup) = self.memo.get(key) {
            self.out.buf.extend_from_slice(markup);
            self.blank = true;
            return;
        }
        self.capturing = true;
        let start = self.out.buf.len();
        write(self);
        self.close_list();
        self.memo.insert(key, self.out.buf[start..].to_vec());
        self.capturing = false;
    }
}

/// `content.xml` up to its body: the automatic styles the body names (page-breaking headings,
/// table rows and cells, and the width of every table, bar and column written).
fn content_head(doc: &Odt) -> String {
    let mut out = String::from(DECLARATION);
    let _ = write!(
        out,
        "<office:document-content {NAMESPACES}><office:automatic-styles>"
    );
    for level in 1..=3 {
        let _ = write!(
            out,
            "<style:style style:name=\"Heading_{level}_page\" style:family=\"paragraph\" \
             style:parent-style-name=\"Heading_20_{level}\" style:default-outline-level=\"{level}\">\
             <style:paragraph-properties fo:break-before=\"page\"/></style:style>"
        );
    }
    out.push_str(
        "<style:style style:name=\"Row\" style:family=\"table-row\">\
         <style:table-row-properties fo:keep-together=\"always\"/></style:style>\
         <style:style style:name=\"RowBar\" style:family=\"table-row\">\
         <style:table-row-properties style:row-height=\"11pt\" fo:keep-together=\"always\"/></style:style>",
    );
    let padding = pt(office::content::CELL_MARGIN);
    let cell = |name: &str, extra: &str| {
        format!(
            "<style:style style:name=\"{name}\" style:family=\"table-cell\">\
             <style:table-cell-properties fo:padding-top=\"2pt\" fo:padding-bottom=\"2pt\" \
             fo:padding-left=\"{padding}\" fo:padding-right=\"{padding}\" {extra}/></style:style>"
        )
    };
    let rule = format!("fo:border=\"0.5pt solid #{}\"", colour::RULE);
    out.push_str(&cell("CellGrid", &rule));
    out.push_str(&cell(
        "CellGridTint",
        &format!("{rule} fo:background-color=\"#{}\"", colour::TINT),
    ));
    out.push_str(&cell("CellPlain", "fo:border=\"none\""));
    for state in STATES {
        let fill = office::fill(state);
        let _ = write!(
            out,
            "<style:style style:name=\"Segment{fill}\" style:family=\"table-cell\">\
             <style:table-cell-properties fo:padding=\"0pt\" fo:background-color=\"#{fill}\" \
             fo:border=\"0.5pt solid #{}\"/></style:style>",
            colour::SEGMENT_BORDER
        );
    }
    for w in &doc.table_widths {
        let _ = write!(
            out,
            "<style:style style:name=\"Table{w}\" style:family=\"table\">\
             <style:table-properties style:width=\"{}\" table:align=\"left\" fo:margin-top=\"3pt\" \
             fo:margin-bottom=\"8pt\" table:border-model=\"collapsing\"/></style:style>",
            pt(*w)
        );
    }
    for w in &doc.figure_widths {
        let _ = write!(
            out,
            "<style:style style:name=\"Figure{w}\" style:family=\"table\">\
             <style:table-properties style:width=\"{}\" table:align=\"left\" fo:margin-top=\"3pt\" \
             fo:margin-bottom=\"4pt\" table:border-model=\"collapsing\" \
             style:may-break-between-rows=\"false\" fo:keep-with-next=\"always\"/></style:style>",
            pt(*w)
        );
    }
    for w in &doc.bar_widths {
        let _ = write!(
            out,
            "<style:style style:name=\"Bar{w}\" style:family=\"table\">\
             <style:table-properties style:width=\"{}\" table:align=\"left\" fo:margin-top=\"2pt\" \
             fo:margin-bottom=\"0pt\" table:border-model=\"collapsing\"/></style:style>",
            pt(*w)
        );
    }
    for w in &doc.column_widths {
        let _ = write!(
            out,
            "<style:style style:name=\"Column{w}\" style:family=\"table-column\">\
             <style:table-column-properties style:column-width=\"{}\"/></style:style>",
            pt(*w)
        );
    }
    out.push_str("</office:automatic-styles><office:body><office:text>");
    out
}

/// `meta.xml`: the title ("Rapport d’écarts — dossier"), the analyst as author, the language,
/// and the session's last change as the dates.
fn meta(r: &Report) -> String {
    let l = r.lang;
    let h = &r.header;
    let title = format!("{} — {}", T::Title.get(l), h.dossier_title);
    let mut out = String::from(DECLARATION);
    out.push_str(
        "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:meta>",
    );
    let _ = write!(
        out,
        "<meta:generator>Vis-à-vis/{}</meta:generator><dc:title>{}</dc:title>",
        env!("CARGO_PKG_VERSION"),
        office::text(&title)
    );
    if !h.analyst.trim().is_empty() {
        let analyst = office::text(h.analyst.trim());
        let _ = write!(
            out,
            "<meta:initial-creator>{analyst}</meta:initial-creator><dc:creator>{analyst}</dc:creator>"
        );
    }
    let _ = write!(
        out,
        "<dc:language>{}</dc:language>",
        l.pick("fr-FR", "en-GB")
    );
    if crate::model::is_rfc3339(h.modified) {
        let when = office::text(h.modified);
        let _ = write!(
            out,
            "<meta:creation-date>{when}</meta:creation-date><dc:date>{when}</dc:date>"
        );
    }
    out.push_str("</office:meta></office:document-meta>");
    out
}

/// `styles.xml`: fonts, the default style (font, size, language), every style the body names,
/// the lists, A4 with 2 cm margins and the footer numbering the pages.
fn styles(l: Lang) -> String {
    let mut out = String::from(DECLARATION);
    let (language, country) = (l.pick("fr", "en"), l.pick("FR", "GB"));
    let _ = write!(
        out,
        "<office:document-styles {NAMESPACES}><office:font-face-decls>\
         <style:font-face style:name=\"Arial\" svg:font-family=\"Arial\" style:font-family-generic=\"swiss\"/>\
         <style:font-face style:name=\"Georgia\" svg:font-family=\"Georgia\" style:font-family-generic=\"roman\"/>\
         <style:font-face style:name=\"Courier New\" svg:font-family=\"&apos;Courier New&apos;\" \
         style:font-family-generic=\"modern\" style:font-pitch=\"fixed\"/></office:font-face-decls>\
         <office:styles><style:default-style style:family=\"paragraph\">\
         <style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"5pt\" fo:line-height=\"110%\" \
         style:writing-mode=\"lr-tb\"/><style:text-properties style:font-name=\"Arial\" fo:font-size=\"10.5pt\" \
         fo:color=\"#{}\" fo:language=\"{language}\" fo:country=\"{country}\" fo:hyphenate=\"false\"/>\
         </style:default-style>",
        colour::INK
    );
    let name = |key: StyleName| office::style_name(l, key);
    let mut para = |id: &str, display: &str, parent: &str, paragraph: &str, text: &str| {
        let _ = write!(
            out,
            "<style:style style:name=\"{id}\" style:display-name=\"{}\" style:family=\"paragraph\"",
            office::attribute(display)
        );
        if !parent.is_empty() {
            let _ = write!(out, " style:parent-style-name=\"{parent}\"");
        }
        if let Some(level) = id.strip_prefix("Heading_20_") {
            let _ = write!(
                out,
                " style:next-style-name=\"Text_20_body\" style:default-outline-level=\"{level}\""
            );
        }
        out.push_str(" style:class=\"text\">");
        if !paragraph.is_empty() {
            let _ = write!(out, "<style:paragraph-properties {paragraph}/>");
        }
        if !text.is_empty() {
            let _ = write!(out, "<style:text-properties {text}/>");
        }
        out.push_str("</style:style>");
    };
    let muted = format!("fo:color=\"#{}\"", colour::MUTED);
    let bold = "fo:font-weight=\"bold\" style:font-weight-complex=\"bold\"";
    para("Standard", "Standard", "", "", "");
    para("Text_20_body", "Text Body", "Standard", "", "");
    para(
        "Kicker",
        name(StyleName::Kicker),
        "Standard",
        "fo:margin-bottom=\"0pt\"",
        &format!(
            "{muted} fo:font-size=\"9pt\" fo:text-transform=\"uppercase\" fo:letter-spacing=\"1pt\""
        ),
    );
    para(
        "Title",
        "Title",
        "Standard",
        "fo:margin-bottom=\"10pt\"",
        &format!("fo:font-size=\"22pt\" {bold}"),
    );
    para(
        "Heading",
        "Heading",
        "Standard",
        "fo:keep-with-next=\"always\"",
        bold,
    );
    para(
        "Heading_20_1",
        "Heading 1",
        "Heading",
        &format!(
            "fo:margin-top=\"18pt\" fo:margin-bottom=\"6pt\" fo:border-bottom=\"1.5pt solid #{}\" \
             fo:padding-bottom=\"1pt\" fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\"",
            colour::INK
        ),
        "fo:font-size=\"16pt\"",
    );
    para(
        "Heading_20_2",
        "Heading 2",
        "Heading",
        "fo:margin-top=\"14pt\" fo:margin-bottom=\"6pt\"",
        "fo:font-size=\"13pt\"",
    );
    para(
        "Heading_20_3",
        "Heading 3",
        "Heading",
        "fo:margin-top=\"10pt\" fo:margin-bottom=\"6pt\"",
        "fo:font-size=\"11.5pt\"",
    );
    para(
        "Contents_20_Heading",
        "Contents Heading",
        "Standard",
        "fo:margin-top=\"12pt\" fo:margin-bottom=\"4pt\" fo:keep-with-next=\"always\"",
        &format!("fo:font-size=\"12pt\" {bold}"),
    );
    para(
        "Intro",
        name(StyleName::Intro),
        "Text_20_body",
        "fo:keep-with-next=\"always\"",
        &muted,
    );
    para("Note", name(StyleName::Note), "Text_20_body", "", &muted);
    let ruled = |colour: &str| {
        format!(
            "fo:border-left=\"1.5pt solid #{colour}\" fo:border-right=\"none\" fo:border-top=\"none\" \
             fo:border-bottom=\"none\" fo:padding-left=\"4pt\" fo:margin-left=\"4pt\""
        )
    };
    para(
        "Warning",
        name(StyleName::Warning),
        "Text_20_body",
        &format!(
            "{} fo:background-color=\"#{}\" fo:padding=\"2pt\"",
            ruled(office::rule(Some(Stance::Gap))),
            office::tint(Some(Stance::Gap))
        ),
        "",
    );
    para(
        "Synthesis",
        name(StyleName::Synthesis),
        "Text_20_body",
        &ruled(colour::SYNTHESIS),
        "",
    );
    para(
        "Quotations",
        "Quotations",
        "Standard",
        "fo:margin-left=\"17pt\" fo:margin-right=\"17pt\" fo:margin-top=\"3pt\" fo:margin-bottom=\"0pt\" \
         fo:keep-with-next=\"always\" fo:keep-together=\"always\"",
        "style:font-name=\"Georgia\" fo:font-style=\"italic\" style:font-style-complex=\"italic\"",
    );
    para(
        "Quote_20_source",
        name(StyleName::QuoteSource),
        "Standard",
        "fo:margin-left=\"17pt\" fo:margin-right=\"17pt\" fo:margin-bottom=\"6pt\" fo:keep-together=\"always\"",
        &format!("{muted} fo:font-size=\"9pt\""),
    );
    para(
        "Caption",
        "Caption",
        "Standard",
        "fo:margin-top=\"3pt\" fo:margin-bottom=\"8pt\"",
        &format!("{muted} fo:font-size=\"9pt\""),
    );
    for state in STATES {
        let display = format!(
            "{} — {}",
            name(StyleName::Cell),
            text::stance_label(l, state)
        );
        para(
            &format!("Cell_{}", office::state_name(state)),
            &display,
            "Standard",
            &format!(
                "{} fo:margin-top=\"9pt\" fo:margin-bottom=\"3pt\" fo:keep-with-next=\"always\"",
                ruled(office::rule(state))
            ),
            bold,
        );
    }
    para(
        "Demand",
        name(StyleName::Demand),
        "Standard",
        &format!(
            "{} fo:margin-top=\"9pt\" fo:margin-bottom=\"3pt\" fo:keep-with-next=\"always\"",
            ruled(colour::INK)
        ),
        bold,
    );
    let table = "fo:margin-top=\"0pt\" fo:margin-bottom=\"0pt\" fo:line-height=\"100%\"";
    para(
        "Table_20_Contents",
        "Table Contents",
        "Standard",
        table,
        "fo:font-size=\"9pt\"",
    );
    para(
        "Table_20_Heading",
        "Table Heading",
        "Table_20_Contents",
        "",
        bold,
    );
    para(
        "Table_20_number",
        name(StyleName::TableNumber),
        "Table_20_Contents",
        "fo:text-align=\"end\"",
        "",
    );
    para(
        "Bar_20_counts",
        name(StyleName::BarCounts),
        "Standard",
        "fo:margin-top=\"1.5pt\" fo:margin-bottom=\"0pt\" fo:line-height=\"100%\"",
        "fo:font-size=\"8pt\"",
    );
    para(
        "Bar",
        name(StyleName::Bar),
        "Standard",
        "fo:margin-top=\"0pt\" fo:margin-bottom=\"0pt\" fo:line-height=\"2pt\"",
        "fo:font-size=\"2pt\"",
    );
    para(
        "List_20_item",
        name(StyleName::ListItem),
        "Text_20_body",
        "fo:margin-bottom=\"3pt\"",
        "",
    );
    para(
        "Footer",
        "Footer",
        "Standard",
        "fo:text-align=\"center\"",
        &format!("{muted} fo:font-size=\"9pt\""),
    );
    let mut character = |id: &str, display: &str, properties: &str| {
        let _ = write!(
            out,
            "<style:style style:name=\"{id}\" style:display-name=\"{}\" style:family=\"text\">\
             <style:text-properties {properties}/></style:style>",
            office::attribute(display)
        );
    };
    character("Strong_20_Emphasis", "Strong Emphasis", bold);
    character(
        "Emphasis",
        "Emphasis",
        "fo:font-style=\"italic\" style:font-style-complex=\"italic\"",
    );
    character(
        "Ref",
        name(StyleName::Ref),
        &format!("{muted} fo:font-size=\"9pt\""),
    );
    character(
        "Source_20_Text",
        "Source Text",
        "style:font-name=\"Courier New\" fo:font-size=\"9.5pt\"",
    );
    character(
        "Internet_20_link",
        "Internet link",
        &format!(
            "fo:color=\"#{}\" style:text-underline-style=\"solid\" style:text-underline-width=\"auto\" \
             style:text-underline-color=\"font-color\"",
            colour::LINK
        ),
    );
    for state in STATES {
        let display = format!(
            "{} — {}",
            name(StyleName::Badge),
            text::stance_label(l, state)
        );
        character(
            badge_style(state),
            &display,
            &format!("{bold} fo:background-color=\"#{}\"", office::tint(state)),
        );
    }
    // Headings unnumbered; the outline levels are what the navigator shows.
    out.push_str("<text:outline-style style:name=\"Outline\">");
    for level in 1..=10 {
        let _ = write!(
            out,
            "<text:outline-level-style text:level=\"{level}\" style:num-format=\"\"/>"
        );
    }
    out.push_str("</text:outline-style>");
    for (name, marks) in [("List_bullet", ["•", "–"]), ("List_number", ["1", "1"])] {
        let _ = write!(out, "<text:list-style style:name=\"{name}\">");
        // Numbers get room for "10.".
        let (step, hang) = if name == "List_bullet" {
            (18, 12)
        } else {
            (26, 20)
        };
        for (i, mark) in marks.iter().enumerate() {
            let level = i + 1;
            let indent = step * level;
            let element = if name == "List_bullet" {
                format!(
                    "text:list-level-style-bullet text:level=\"{level}\" text:bullet-char=\"{mark}\""
                )
            } else {
                format!(
                    "text:list-level-style-number text:level=\"{level}\" style:num-suffix=\".\" style:num-format=\"{mark}\""
                )
            };
            let tag = element.split(' ').next().unwrap_or_default().to_owned();
            let _ = write!(
                out,
                "<{element}><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">\
                 <style:list-level-label-alignment text:label-followed-by=\"listtab\" \
                 text:list-tab-stop-position=\"{indent}pt\" fo:text-indent=\"-{hang}pt\" fo:margin-left=\"{indent}pt\"/>\
                 </style:list-level-properties></{tag}>"
            );
        }
        out.push_str("</text:list-style>");
    }
    let _ = write!(
        out,
        "</office:styles><office:automatic-styles><style:page-layout style:name=\"Page\">\
         <style:page-layout-properties fo:page-width=\"{}\" fo:page-height=\"{}\" \
         style:print-orientation=\"portrait\" fo:margin-top=\"{m}\" fo:margin-bottom=\"{half}\" \
         fo:margin-left=\"{m}\" fo:margin-right=\"{m}\"/><style:footer-style>\
         <style:header-footer-properties fo:min-height=\"14pt\" fo:margin-top=\"14pt\"/>\
         </style:footer-style></style:page-layout></office:automatic-styles>\
         <office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"Page\">\
         <style:footer><text:p text:style-name=\"Footer\">{} <text:page-number text:select-page=\"current\">1</text:page-number> \
         {} <text:page-count>1</text:page-count></text:p></style:footer></style:master-page></office:master-styles>\
         </office:document-styles>",
        pt(PAGE.0),
        pt(PAGE.1),
        T::FooterPage.get(l),
        T::FooterOf.get(l),
        m = pt(MARGIN),
        half = pt(MARGIN / 2),
    );
    out
}
