//! What the Word ([`super::docx`]) and OpenDocument ([`super::odt`]) reports share: the
//! document's content, walked once in the HTML report's order ([`content`]) and handed to a
//! [`Sink`] that each format implements; the escaping of session text; the deterministic zip
//! archive.
//!
//! # Session text in XML
//!
//! Every string from the session goes through [`text`] (element content) or [`attribute`]:
//! `&`, `<` and `>` (and quotes in attributes) are escaped with `quick-xml`'s escaping, so a
//! note holding `<w:t>`, `]]>` or `&amp;` stays those characters. A Word field code typed in a
//! note (`{ PAGE }`, `MERGEFIELD`) is plain text of a run: fields exist only as `w:fldSimple` or
//! `w:fldChar` elements, which only this code writes. The characters XML 1.0 cannot carry —
//! the control characters but tab, line feed and carriage return, and U+FFFE, U+FFFF (lone
//! surrogates cannot occur in a Rust string) — become a visible U+FFFD (�) in the document;
//! the session keeps them as typed. A note's line breaks become line breaks of the paragraph,
//! its tabs tabs.
//!
//! # The heatmap and the bars, drawn as tables
//!
//! The heatmap (stakeholders × pillars, and overall) and the bar of each stakeholder's stances
//! are tables, not pictures: each box holds a one-row table whose cells are shaded segments,
//! as wide as their share of the cells (at least a hair, so that a stance counted once still
//! shows), in the Okabe–Ito colours of the HTML heatmap ([`super::chart`]), with the counts
//! written beneath with their symbols (● 1 ◐ 17 … 16: never colour alone). Shaded table cells
//! are the one drawing both Word and LibreOffice lay out, print and convert to PDF the same way:
//! they need no image (no rasteriser in the build), no DrawingML or VML shape (which
//! LibreOffice imports approximately, and which moves apart from its text when a paragraph
//! above grows), no chart object (whose look each application decides), and a screen reader
//! reads the counts. A dossier of many pillars is split into several heatmap tables of at most
//! [`HEATMAP_COLUMNS`] pillars each, so that every box keeps a readable width on A4.
//!
//! # Deterministic archive
//!
//! Every entry of the zip carries the same fixed date (1980-01-01, zip's epoch) and the parts
//! are written in a fixed order, so that two renders of the same report are byte-identical.

pub(super) mod content;

use crate::model::{PositionId, Stance};
use std::borrow::Cow;
use std::io::Write as _;

/// A4 in twentieths of a point (twips), as Word counts: width and height.
pub(super) const PAGE: (u32, u32) = (11_906, 16_838);
/// Each page margin (2 cm).
pub(super) const MARGIN: u32 = 1_134;
/// The width of the text between the margins.
pub(super) const TEXT_WIDTH: u32 = PAGE.0 - 2 * MARGIN;
/// The most pillars one heatmap table shows; more go on into another table below.
pub(super) const HEATMAP_COLUMNS: usize = 5;

/// The colours of the report, as `RRGGBB`: the HTML report's palette (`report.css`).
pub(super) mod colour {
    /// Body text.
    pub const INK: &str = "1B1B1F";
    /// Secondary text: references, counts, captions.
    pub const MUTED: &str = "5B5D66";
    /// Table rules.
    pub const RULE: &str = "B8BBC6";
    /// The tint of an overall line.
    pub const TINT: &str = "F5F6F9";
    /// The border of a bar's segments.
    pub const SEGMENT_BORDER: &str = "666666";
    /// The rule beside a synthesis.
    pub const SYNTHESIS: &str = "0072B2";
    /// Links.
    pub const LINK: &str = "0B57A4";
}

/// A cell state's colours: the bar segment's fill (as the HTML heatmap), the badge's tint, and
/// the rule beside a cell of that state.
#[must_use]
pub(super) fn fill(stance: Option<Stance>) -> &'static str {
    super::chart::fill(stance)
}

/// The light tint behind a stance's badge, so that its dark text stays readable.
#[must_use]
pub(super) fn tint(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Agreement) => "D5F0E7",
        Some(Stance::Partial) => "FCEDC8",
        Some(Stance::Gap) => "F9DCCB",
        Some(Stance::Silent) => "EBEBEF",
        None => "FFFFFF",
    }
}

/// The rule beside a cell of `stance`, and a warning's.
#[must_use]
pub(super) fn rule(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Agreement) => "009E73",
        Some(Stance::Partial) => "E69F00",
        Some(Stance::Gap) => "D55E00",
        Some(Stance::Silent) => "8C8C99",
        None => "5B5D66",
    }
}

/// Each cell state in a file's style names: `agreement`, `partial`, `gap`, `silent`,
/// `unassessed`.
#[must_use]
pub(super) fn state_name(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Agreement) => "agreement",
        Some(Stance::Partial) => "partial",
        Some(Stance::Gap) => "gap",
        Some(Stance::Silent) => "silent",
        None => "unassessed",
    }
}

/// Every cell state, in the order of the styles each format declares.
pub(super) const STATES: [Option<Stance>; 5] = [
    Some(Stance::Agreement),
    Some(Stance::Partial),
    Some(Stance::Gap),
    Some(Stance::Silent),
    None,
];

/// The styles the report defines, named in the report's language (the formats' built-in
/// styles — headings, quotes, captions, lists, links — keep their own names, which Word and
/// LibreOffice translate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum StyleName {
    Kicker,
    ContentsHeading,
    Intro,
    Note,
    Warning,
    Synthesis,
    QuoteSource,
    Cell,
    Demand,
    TableText,
    TableHead,
    TableNumber,
    BarCounts,
    Bar,
    AfterTable,
    ListItem,
    Ref,
    Code,
    Badge,
}

/// The name a style shows in the word processor's list of styles.
#[must_use]
pub(super) fn style_name(l: crate::i18n::Lang, style: StyleName) -> &'static str {
    match style {
        StyleName::Kicker => l.pick("Surtitre", "Kicker"),
        StyleName::ContentsHeading => l.pick("Titre du sommaire", "Contents heading"),
        StyleName::Intro => l.pick("Introduction de section", "Section introduction"),
        StyleName::Note => l.pick("Remarque", "Remark"),
        StyleName::Warning => l.pick("Avertissement", "Warning"),
        StyleName::Synthesis => l.pick("Synthèse", "Synthesis"),
        StyleName::QuoteSource => l.pick("Source de la citation", "Quote source"),
        StyleName::Cell => l.pick("Cellule", "Cell"),
        StyleName::Demand => l.pick("Demande", "Demand"),
        StyleName::TableText => l.pick("Texte de tableau", "Table text"),
        StyleName::TableHead => l.pick("En-tête de tableau", "Table heading"),
        StyleName::TableNumber => l.pick("Nombre de tableau", "Table number"),
        StyleName::BarCounts => l.pick("Décompte sous une barre", "Counts under a bar"),
        StyleName::Bar => l.pick("Segment de barre", "Bar segment"),
        StyleName::AfterTable => l.pick("Après un tableau", "After a table"),
        StyleName::ListItem => l.pick("Élément de liste", "List item"),
        StyleName::Ref => l.pick("Référence", "Reference"),
        StyleName::Code => l.pick("Identifiant", "Identifier"),
        StyleName::Badge => l.pick("Appréciation", "Stance"),
    }
}

// --- Session text as XML ----------------------------------------------------------------------

/// Whether XML 1.0 can carry `c` (its `Char` production).
#[must_use]
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` with every character XML 1.0 cannot carry replaced by U+FFFD; borrowed when there is
/// none (the common case, found with one pass over the bytes).
#[must_use]
pub fn clean(s: &str) -> Cow<'_, str> {
    // The forbidden characters are ASCII controls (one byte) or U+FFFE and U+FFFF (which start
    // with 0xEF in UTF-8): a string without those bytes needs no look at its characters.
    let suspect = s
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF);
    if !suspect || s.chars().all(is_xml_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
            .collect(),
    )
}

/// `s` as XML element content: forbidden characters as U+FFFD ([`clean`]), then `&`, `<` and
/// `>` escaped by `quick-xml`.
#[must_use]
pub fn text(s: &str) -> Cow<'_, str> {
    match clean(s) {
        Cow::Borrowed(b) => quick_xml::escape::partial_escape(b),
        Cow::Owned(o) => Cow::Owned(quick_xml::escape::partial_escape(o.as_str()).into_owned()),
    }
}

/// `s` as an XML attribute value between double quotes: as [`text`], quotes escaped too, and
/// tabs and line ends as character references (an attribute's value would turn them into
/// spaces).
#[must_use]
pub fn attribute(s: &str) -> String {
    let escaped = quick_xml::escape::escape(clean(s));
    if !escaped.contains(['\t', '\n', '\r']) {
        return escaped.into_owned();
    }
    escaped
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

/// The pieces of one line of session text, as the formats write them: text (never holding a
/// tab or a line end), tabs, and line breaks (`\r\n`, `\n` or `\r`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece<'t> {
    /// Text without tab or line end.
    Text(&'t str),
    /// A tab.
    Tab,
    /// A line break.
    Break,
}

/// `s` cut into [`Piece`]s.
pub(super) fn pieces(s: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // Tabs and line ends are ASCII: a byte search finds them at character boundaries.
        let at = rest
            .bytes()
            .position(|b| matches!(b, b'\t' | b'\n' | b'\r'));
        match at {
            Some(0) => {
                let piece = if rest.starts_with('\t') {
                    rest = &rest[1..];
                    Piece::Tab
                } else {
                    let skip = if rest.starts_with("\r\n") { 2 } else { 1 };
                    rest = &rest[skip..];
                    Piece::Break
                };
                Some(piece)
            }
            Some(at) => {
                let (head, tail) = rest.split_at(at);
                rest = tail;
                Some(Piece::Text(head))
            }
            None => Some(Piece::Text(std::mem::take(&mut rest))),
        }
    })
}

// --- What the content asks of a format --------------------------------------------------------

/// How a run of text looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Look<'t> {
    /// As the paragraph.
    Plain,
    /// Bold.
    Strong,
    /// Italic.
    Emphasis,
    /// Grey and smaller: ids, counts, pillar numbers.
    Muted,
    /// Monospace: ids as written, file names.
    Code,
    /// A cell state's badge: tinted, bold.
    Badge(Option<Stance>),
    /// A link to the heading with this anchor (`gaps`, `pillar-2`).
    Anchor(&'t str),
    /// A link to the web address the run's text is.
    Url,
}

/// A run of text with its look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Span<'t> {
    /// The text, as typed (the format escapes it).
    pub text: Cow<'t, str>,
    /// How it looks.
    pub look: Look<'t>,
}

impl<'t> Span<'t> {
    /// Plain text.
    pub fn plain(text: impl Into<Cow<'t, str>>) -> Self {
        Self::with(text, Look::Plain)
    }

    /// Bold text.
    pub fn strong(text: impl Into<Cow<'t, str>>) -> Self {
        Self::with(text, Look::Strong)
    }

    /// Grey text.
    pub fn muted(text: impl Into<Cow<'t, str>>) -> Self {
        Self::with(text, Look::Muted)
    }

    /// Text that looks `look`.
    pub fn with(text: impl Into<Cow<'t, str>>, look: Look<'t>) -> Self {
        Self {
            text: text.into(),
            look,
        }
    }
}

/// A paragraph's style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Para {
    /// Body text.
    Body,
    /// The line above the title ("Rapport d’écarts").
    Kicker,
    /// The dossier's title, first in the document.
    Title,
    /// The "Contents" line above the contents (not a heading: the navigation pane is the
    /// outline).
    ContentsHeading,
    /// A section's introduction, grey.
    Intro,
    /// A remark, grey.
    Note,
    /// A warning: tinted, with a rule on its left.
    Warning,
    /// An analyst's synthesis, with a blue rule on its left.
    Synthesis,
    /// A verbatim quote.
    Quote,
    /// Where a quote comes from, under it.
    QuoteSource,
    /// A table's or figure's caption.
    Caption,
    /// The title of one cell's work, with a rule of its state's colour on its left; kept with
    /// what follows.
    Cell(Option<Stance>),
    /// The title of an unanswered demand, kept with what follows.
    Demand,
    /// Text in a table cell.
    TableText,
    /// A table's header cell.
    TableHead,
    /// A number in a table cell, right-aligned.
    TableNumber,
    /// The counts under a bar, small.
    BarCounts,
}

/// A list's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    /// Bullets.
    Bullet,
    /// Numbers (the contents).
    Number,
}

/// A table's look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TableLook {
    /// Rules between every cell.
    Grid,
    /// No rules (a layout: the bars beside each stakeholder).
    Plain,
    /// Rules between every cell, the whole table kept on one page with what follows (the
    /// heatmap and its caption), as far as a page holds it.
    Figure,
}

/// One cell of a table row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cell {
    /// Its background, `RRGGBB`.
    pub fill: Option<&'static str>,
    /// How many rows it spans (1 for none); the rows below hold a [`Sink::covered_cell`] in
    /// its column.
    pub rows: usize,
}

impl Cell {
    /// A cell of one row, no background.
    pub const PLAIN: Cell = Cell {
        fill: None,
        rows: 1,
    };
}

/// One segment of a bar: its fill (`RRGGBB`) and width (twips).
pub(super) type Segment = (&'static str, u32);

/// What the content ([`content::write`]) asks of a format, in document order. Each call writes
/// at once; only [`Sink::memo`] looks back.
pub(super) trait Sink<'a> {
    /// The widths of every table and bar to come, before anything else.
    fn layout(&mut self, layout: &content::Layout);
    /// A heading of the outline (`level` 1 to 3), with the anchor links point to and whether it
    /// starts a page.
    fn heading(&mut self, level: u8, anchor: Option<&str>, new_page: bool, spans: &[Span]);
    /// A paragraph.
    fn para(&mut self, style: Para, spans: &[Span]);
    /// An item of a list, at `level` (0, or 1 inside the item before).
    fn item(&mut self, list: List, level: u8, spans: &[Span]);
    /// The end of the list the last items belong to.
    fn list_end(&mut self);
    /// A table of these column widths (twips), whose first row, when `header`, is repeated at
    /// the top of every page the table spans.
    fn table_start(&mut self, widths: &[u32], header: bool, look: TableLook);
    /// A row (the header row when `header`).
    fn row_start(&mut self, header: bool);
    /// A cell of the row, in column order; its content follows.
    fn cell_start(&mut self, cell: Cell);
    /// The end of the cell.
    fn cell_end(&mut self);
    /// The cell a [`Cell::rows`] above covers, in its column.
    fn covered_cell(&mut self);
    /// The end of the row.
    fn row_end(&mut self);
    /// The end of the table.
    fn table_end(&mut self);
    /// A bar inside a cell: a one-row table of shaded segments.
    fn bar(&mut self, segments: &[Segment]);
    /// The markup `write` makes, made once per `key` and repeated after (a position's quote
    /// backs many cells).
    fn memo(&mut self, key: &'a PositionId, write: impl FnOnce(&mut Self))
    where
        Self: Sized;
}

/// The segments of a bar `width` twips wide for `counts` (fill, count), each as wide as its
/// share, at least `min` when its count is not zero, the widths adding up to `width`. An empty
/// bar is one white segment.
#[must_use]
pub(super) fn segments(width: u32, min: u32, counts: &[(&'static str, usize)]) -> Vec<Segment> {
    let shown: Vec<(&'static str, usize)> =
        counts.iter().copied().filter(|(_, n)| *n > 0).collect();
    let total: usize = shown.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return vec![(fill(None), width)];
    }
    let min = min.min(width / u32::try_from(shown.len()).unwrap_or(u32::MAX).max(1));
    let wide = u64::from(width);
    let mut out: Vec<Segment> = shown
        .iter()
        .map(|(f, n)| {
            let share = wide * (*n as u64) / (total as u64);
            (*f, u32::try_from(share).unwrap_or(width).max(min))
        })
        .collect();
    // Rounding down and the minimum leave the sum off by a little: the widest segment takes up
    // the difference.
    let sum: u32 = out.iter().map(|(_, w)| w).sum();
    if let Some(widest) = out.iter_mut().max_by_key(|(_, w)| *w) {
        widest.1 = (widest.1 + width).saturating_sub(sum).max(1);
    }
    out
}

// --- The archive -------------------------------------------------------------------------------

/// How a part is stored in the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Store {
    /// As is (an ODT's `mimetype`, which must be first and uncompressed).
    Stored,
    /// Deflated.
    Deflated,
}

/// A part of an archive: its name, how it is stored, its bytes as pieces written one after the
/// other.
pub(super) type Part<'p> = (&'p str, Store, &'p [&'p [u8]]);

type Zip = zip::ZipWriter<std::io::Cursor<Vec<u8>>>;

/// The options of an entry of `size` bytes (`None`: not known before it is written, and under
/// 4 GiB).
fn options(store: Store, size: Option<usize>) -> zip::write::SimpleFileOptions {
    let options = zip::write::SimpleFileOptions::default()
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
        .large_file(size.is_some_and(|n| u32::try_from(n).is_err()));
    match store {
        Store::Stored => options.compression_method(zip::CompressionMethod::Stored),
        // Level 1 compresses these parts (markup repeated a hundred thousand times) to a tenth,
        // barely less than the default level, in a third of the time.
        Store::Deflated => options
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1)),
    }
}

fn add(zip: &mut Zip, (name, store, pieces): &Part) -> zip::result::ZipResult<()> {
    let size = pieces.iter().map(|p| p.len()).sum();
    zip.start_file(*name, options(*store, Some(size)))?;
    for piece in *pieces {
        zip.write_all(piece)?;
    }
    Ok(())
}

/// A zip archive of `parts`, in that order, every entry dated 1980-01-01.
///
/// # Panics
/// Never: the archive is written to memory, and a part over 4 GiB is written as ZIP64.
#[must_use]
pub(super) fn archive(parts: &[Part]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for part in parts {
        add(&mut zip, part).expect("writing a zip entry to memory cannot fail");
    }
    zip.finish()
        .expect("finishing a zip in memory cannot fail")
        .into_inner()
}

/// How many bytes of a streamed part are handed to the compressing thread at a time.
const CHUNK: usize = 1 << 20;

/// The bytes of the part a format streams ([`stream`]): written into a buffer, which is handed
/// to the thread that compresses it each time it fills up, when there is such a thread.
pub(super) struct Out {
    /// What was written since the last piece was handed over.
    pub buf: Vec<u8>,
    tx: Option<std::sync::mpsc::SyncSender<Vec<u8>>>,
    /// The compressing thread stopped (the part outgrew a zip entry): the rest is dropped, and
    /// the archive is made again in memory.
    failed: bool,
}

impl Out {
    /// A buffer that keeps everything.
    fn buffered() -> Self {
        Self {
            buf: Vec::with_capacity(CHUNK),
            tx: None,
            failed: false,
        }
    }

    /// Append `markup`.
    pub fn push(&mut self, markup: &str) {
        self.buf.extend_from_slice(markup.as_bytes());
    }

    /// Hand what was written over to the compressing thread if it is a full piece. The caller
    /// is at a point it never looks back from (outside a [`Sink::memo`]).
    pub fn cut(&mut self) {
        if self.buf.len() < CHUNK {
            return;
        }
        let Some(tx) = &self.tx else { return };
        let full = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK + CHUNK / 4));
        if tx.send(full).is_err() {
            self.tx = None;
            self.failed = true;
        }
        if self.failed {
            self.buf.clear();
        }
    }

    /// Hand over the rest; whether the compressing thread took everything.
    fn finish(mut self) -> bool {
        if let Some(tx) = self.tx.take() {
            let rest = std::mem::take(&mut self.buf);
            if tx.send(rest).is_err() {
                self.failed = true;
            }
        }
        !self.failed
    }
}

impl std::fmt::Write for Out {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push(s);
        Ok(())
    }
}

/// The archive of `before`, then the part `name` that `write` streams into an [`Out`], then the
/// parts `write` returns (deflated), in that order. On a machine with two cores or more the
/// part is compressed on a second thread while it is written, which halves the time of a large
/// report; the bytes are the same either way. `write` runs again, buffered, in the rare case
/// that the part outgrows a zip entry (4 GiB) and must be written as ZIP64.
pub(super) fn stream(
    before: &[Part],
    name: &str,
    write: impl Fn(&mut Out) -> Vec<(&'static str, Vec<u8>)>,
) -> Vec<u8> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if cores > 1
        && let Some(bytes) = stream_on_a_thread(before, name, &write)
    {
        return bytes;
    }
    let mut out = Out::buffered();
    let after = write(&mut out);
    let body = [out.buf.as_slice()];
    let after_pieces: Vec<[&[u8]; 1]> = after.iter().map(|(_, b)| [b.as_slice()]).collect();
    let mut parts: Vec<Part> = before.to_vec();
    parts.push((name, Store::Deflated, &body));
    for ((after_name, _), pieces) in after.iter().zip(&after_pieces) {
        parts.push((after_name, Store::Deflated, pieces));
    }
    archive(&parts)
}

/// [`stream`] with the part compressed on a second thread; `None` if no thread could start or
/// the part outgrew a zip entry.
fn stream_on_a_thread(
    before: &[Part],
    name: &str,
    write: &impl Fn(&mut Out) -> Vec<(&'static str, Vec<u8>)>,
) -> Option<Vec<u8>> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
        let zipper = std::thread::Builder::new()
            .name("report-zip".to_owned())
            .spawn_scoped(scope, move || -> zip::result::ZipResult<Zip> {
                let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
                for part in before {
                    add(&mut zip, part)?;
                }
                zip.start_file(name, options(Store::Deflated, None))?;
                for piece in rx {
                    zip.write_all(&piece)?;
                }
                Ok(zip)
            })
            .ok()?;
        let mut out = Out {
            buf: Vec::with_capacity(CHUNK + CHUNK / 4),
            tx: Some(tx),
            failed: false,
        };
        let after = write(&mut out);
        let complete = out.finish();
        let mut zip = zipper.join().ok()?.ok()?;
        if !complete {
            return None;
        }
        for (after_name, bytes) in &after {
            add(
                &mut zip,
                &(after_name, Store::Deflated, &[bytes.as_slice()]),
            )
            .ok()?;
        }
        Some(zip.finish().ok()?.into_inner())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_session_text_is_escaped() {
        assert_eq!(text("<w:t>a & b</w:t>"), "&lt;w:t&gt;a &amp; b&lt;/w:t&gt;");
        assert_eq!(text("]]>"), "]]&gt;");
        assert_eq!(text("&amp;"), "&amp;amp;");
        assert_eq!(text("{ PAGE } MERGEFIELD x"), "{ PAGE } MERGEFIELD x");
        assert_eq!(text("« l’été »"), "« l’été »");
        assert!(matches!(text("rien à échapper"), Cow::Borrowed(_)));
    }

    #[test]
    fn characters_xml_cannot_carry_become_a_replacement_character() {
        assert_eq!(text("a\u{1}b\u{0}c\u{1f}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
        assert_eq!(text("x\u{FFFE}y\u{FFFF}<"), "x\u{FFFD}y\u{FFFD}&lt;");
        assert_eq!(clean("tab\tLF\nCR\r"), "tab\tLF\nCR\r");
        // U+FEFF and U+FFFD start with 0xEF too, and stay.
        assert_eq!(
            clean("\u{FEFF}\u{FFFD}\u{F000}"),
            "\u{FEFF}\u{FFFD}\u{F000}"
        );
        assert!(is_xml_char('\u{10FFFF}') && !is_xml_char('\u{B}'));
    }

    #[test]
    fn attributes_escape_quotes_and_keep_line_ends_as_references() {
        assert_eq!(
            attribute("\"a\" 'b' <c>\n\t\u{7}"),
            "&quot;a&quot; &apos;b&apos; &lt;c&gt;&#10;&#9;\u{FFFD}"
        );
    }

    #[test]
    fn a_line_of_text_splits_into_text_tabs_and_breaks() {
        let got: Vec<Piece> = pieces("a\tb\r\nc\rd\n\ne").collect();
        assert_eq!(
            got,
            [
                Piece::Text("a"),
                Piece::Tab,
                Piece::Text("b"),
                Piece::Break,
                Piece::Text("c"),
                Piece::Break,
                Piece::Text("d"),
                Piece::Break,
                Piece::Break,
                Piece::Text("e"),
            ]
        );
        assert_eq!(pieces("").count(), 0);
    }

    #[test]
    fn segments_are_proportional_add_up_and_show_a_single_count() {
        let s = segments(1000, 40, &[("A", 1), ("B", 17), ("C", 0), ("D", 16)]);
        assert_eq!(s.len(), 3);
        assert_eq!(s.iter().map(|(_, w)| w).sum::<u32>(), 1000);
        assert!(s[0].1 >= 40, "{s:?}");
        assert!(s[1].1 > s[2].1, "{s:?}");
        assert_eq!(segments(500, 40, &[("A", 0)]), [("ffffff", 500)]);
        let many: Vec<(&str, usize)> = vec![("A", 1); 5];
        let s = segments(100, 40, &many);
        assert_eq!(s.iter().map(|(_, w)| w).sum::<u32>(), 100);
    }

    #[test]
    fn a_streamed_part_archives_to_the_same_bytes_as_one_written_whole() {
        let line = "<w:p><w:r><w:t>Une ligne répétée, « accentuée ».</w:t></w:r></w:p>";
        let body = (0..100_000).fold(String::new(), |mut body, i| {
            let _ = std::fmt::Write::write_fmt(&mut body, format_args!("{line}{i}"));
            body
        });
        assert!(body.len() > 3 * CHUNK, "several pieces");
        let before: [Part; 1] = [("mimetype", Store::Stored, &[b"application/x"])];
        let streamed = stream(&before, "content.xml", |out| {
            for piece in body.as_bytes().chunks(1000) {
                out.buf.extend_from_slice(piece);
                out.cut();
            }
            vec![("after.xml", b"<a/>".to_vec())]
        });
        let whole = archive(&[
            before[0],
            ("content.xml", Store::Deflated, &[body.as_bytes()]),
            ("after.xml", Store::Deflated, &[b"<a/>"]),
        ]);
        assert!(streamed == whole);
    }

    #[test]
    fn archives_are_deterministic_and_start_with_the_first_part_stored() {
        let parts: [(&str, Store, &[&[u8]]); 2] = [
            ("mimetype", Store::Stored, &[b"application/x"]),
            ("content.xml", Store::Deflated, &[b"<a>", b"</a>"]),
        ];
        let a = archive(&parts);
        assert_eq!(a, archive(&parts));
        // A local file header, then the name, right at the start; the data follows uncompressed.
        assert_eq!(&a[..4], b"PK\x03\x04");
        assert_eq!(&a[30..38], b"mimetype");
        assert_eq!(&a[38..51], b"application/x");
    }
}
