//! The Word and OpenDocument reports' content, in the HTML report's order and words
//! ([`crate::report::html`]): each part of the [`Report`] handed to a [`Sink`] as headings,
//! paragraphs, lists and tables. The HTML report's `h2` sections are level-1 headings, its `h3`
//! level 2 and its `h4` level 3 (the document's title is a Title paragraph above them); the
//! `h5` of each cell's work is a [`Para::Cell`] title, kept with its cell but not in the
//! outline, which would otherwise list every stakeholder under every measure.

use super::{Cell, HEATMAP_COLUMNS, List, Look, Para, Segment, Sink, Span, TEXT_WIDTH, TableLook};
use crate::i18n::Lang;
use crate::model::Stance;
use crate::report::text::{self, T};
use crate::report::{CellEntry, CellReport, Evidence, MeasureRef, Quote, Report, StanceCounts};
use crate::report::{Unanswered, glance};

/// The smallest width of a bar's segment (a stance counted once still shows), in twips.
const MIN_SEGMENT: u32 = 45;

/// The left and right margin of a table cell, in twips: what a bar inside it leaves free.
pub(in crate::report) const CELL_MARGIN: u32 = 85;

/// The columns of the table of bars in the header: name, bar, completion.
const COMPLETION: [u32; 3] = [2_400, 4_800, TEXT_WIDTH - 7_200];

/// The columns of the summary table: stakeholder, pillar, the four stances, unassessed, total.
const MATRIX: [u32; 8] = [1_300, 1_200, 1_190, 1_190, 1_190, 1_190, 1_350, 1_028];

/// The columns of the agreement table with two analysts: the scope, the counts, the observed
/// agreement, Cohen's and the weighted kappa, Krippendorff's alpha.
const AGREEMENT_TWO: [u32; 8] = [2_239, 1_057, 1_057, 1_057, 1_057, 1_057, 1_057, 1_057];

/// The columns of the agreement table with three analysts or more: Fleiss' kappa for the two
/// of Cohen.
const AGREEMENT_MANY: [u32; 7] = [2_240, 1_233, 1_233, 1_233, 1_233, 1_233, 1_233];

/// The sum of `widths`, for the check below.
const fn total(widths: &[u32]) -> u32 {
    let (mut sum, mut i) = (0, 0);
    while i < widths.len() {
        sum += widths[i];
        i += 1;
    }
    sum
}

const _: () = assert!(
    total(&AGREEMENT_TWO) == TEXT_WIDTH && total(&AGREEMENT_MANY) == TEXT_WIDTH,
    "the agreement tables span the text"
);

/// The agreement table's column widths for `analysts` analysts.
fn agreement_widths(analysts: usize) -> &'static [u32] {
    if analysts == 2 {
        &AGREEMENT_TWO
    } else {
        &AGREEMENT_MANY
    }
}

/// The first column of a heatmap table (the stakeholders), then each box.
const HEATMAP_LABEL: u32 = 1_800;
const HEATMAP_BOX: u32 = (TEXT_WIDTH - HEATMAP_LABEL) / 5;
const _: () = assert!(HEATMAP_COLUMNS == 5, "HEATMAP_BOX divides the width by 5");

/// The widths of every table and bar the content writes, computed before it is written: an
/// OpenDocument text declares them ahead of its body.
pub(in crate::report) struct Layout {
    /// Each table's column widths and look, in document order.
    pub tables: Vec<(Vec<u32>, TableLook)>,
    /// Every bar's segments, in document order.
    pub bars: Vec<Vec<Segment>>,
}

impl Layout {
    fn of(r: &Report) -> Self {
        let mut tables = Vec::new();
        let mut bars = Vec::new();
        if !r.matrix.is_empty() {
            tables.push((COMPLETION.to_vec(), TableLook::Plain));
            let width = COMPLETION[1] - 2 * CELL_MARGIN;
            bars.extend(r.matrix.iter().map(|row| bar_segments(width, &row.overall)));
        }
        tables.push((MATRIX.to_vec(), TableLook::Grid));
        if !r.matrix.is_empty() && !r.pillars.is_empty() {
            let width = HEATMAP_BOX - 2 * CELL_MARGIN;
            for chunk in heatmap_columns(r).chunks(HEATMAP_COLUMNS) {
                let mut widths = vec![HEATMAP_LABEL];
                widths.extend(std::iter::repeat_n(HEATMAP_BOX, chunk.len()));
                tables.push((widths, TableLook::Figure));
                for row in &r.matrix {
                    for column in chunk {
                        let counts = column.map_or(&row.overall, |p| &row.per_pillar[p]);
                        bars.push(bar_segments(width, counts));
                    }
                }
            }
        }
        if let Some(a) = &r.agreement {
            let widths = agreement_widths(a.statistics.analysts.len());
            tables.push((widths.to_vec(), TableLook::Grid));
        }
        Self { tables, bars }
    }
}

/// The heatmap's columns: each pillar (its index), then the overall box.
fn heatmap_columns(r: &Report) -> Vec<Option<usize>> {
    (0..r.pillars.len()).map(Some).chain([None]).collect()
}

fn bar_segments(width: u32, c: &StanceCounts) -> Vec<Segment> {
    super::segments(width, MIN_SEGMENT, &shares(c))
}

/// The bars of the layout, taken in order as the content reaches them.
type Bars<'l> = std::slice::Iter<'l, Vec<Segment>>;

/// Write `r` into `sink`, from the header to the sources.
pub(in crate::report) fn write<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    let layout = Layout::of(r);
    sink.layout(&layout);
    let mut bars = layout.bars.iter();
    header(r, &mut bars, sink);
    contents(r, sink);
    glance_section(r, sink);
    method(r, sink);
    matrix(r, &mut bars, sink);
    debug_assert!(bars.next().is_none(), "every bar of the layout is drawn");
    if let Some(synthesis) = r.synthesis {
        sink.heading(
            1,
            Some("synthesis"),
            false,
            &[Span::plain(T::DossierSynthesis.get(l))],
        );
        sink.para(Para::Synthesis, &[Span::plain(synthesis)]);
    }
    gaps(r, sink);
    frictions(r, sink);
    unanswered(r, sink);
    silences(r, sink);
    unassessed(r, sink);
    review(r, sink);
    agreement(r, sink);
    if r.include_detail {
        detail(r, sink);
    }
    sources(r, sink);
}

/// A cell state as a badge: its symbol and word, tinted.
fn badge<'t>(l: Lang, stance: Option<Stance>) -> Span<'t> {
    Span::with(
        format!(
            "{} {}",
            text::stance_icon(stance),
            text::stance_label(l, stance)
        ),
        Look::Badge(stance),
    )
}

/// `label :` in bold.
fn label<'t>(l: Lang, label: &str) -> Span<'t> {
    Span::strong(text::colon(l, label))
}

/// `Title` followed by `id · Pilier 2` in grey.
fn measure_name<'t>(l: Lang, m: &MeasureRef<'t>) -> [Span<'t>; 3] {
    [
        Span::plain(m.title),
        Span::plain(" "),
        Span::muted(format!("{} · {}", m.id, text::pillar(l, m.pillar))),
    ]
}

/// Each cell state of `c` with its fill and count, in the heatmap's order.
fn shares(c: &StanceCounts) -> [(&'static str, usize); 5] {
    super::STATES.map(|s| {
        (
            super::fill(s),
            s.map_or(c.unassessed, |stance| c.get(stance)),
        )
    })
}

/// "● 1  ◐ 17  … 16": the counts under a bar, each with its symbol.
fn counts_line(c: &StanceCounts) -> String {
    let written: Vec<String> = super::STATES
        .iter()
        .filter_map(|s| {
            let n = s.map_or(c.unassessed, |stance| c.get(stance));
            (n > 0).then(|| format!("{} {n}", text::stance_icon(*s)))
        })
        .collect();
    written.join("  ")
}

/// The layout's next bar, splitting `c` by state, with the counts written under it.
fn bar<'a>(sink: &mut impl Sink<'a>, bars: &mut Bars, c: &StanceCounts) {
    sink.bar(bars.next().map_or(&[], Vec::as_slice));
    sink.para(Para::BarCounts, &[Span::plain(counts_line(c))]);
}

fn header<'a>(r: &Report<'a>, bars: &mut Bars, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    let h = &r.header;
    sink.para(Para::Kicker, &[Span::plain(T::Title.get(l))]);
    sink.para(Para::Title, &[Span::plain(h.dossier_title)]);
    let stamp = crate::i18n::stamp_date(l, h.modified);
    let completion = text::completion(l, h.assessed, h.total);
    for (key, value) in [
        (T::Session, h.session_name),
        (T::Analyst, text::analyst(l, h.analyst)),
        (T::Modified, stamp.as_str()),
        (T::Completion, completion.as_str()),
    ] {
        sink.para(
            Para::Body,
            &[label(l, key.get(l)), Span::plain(" "), Span::plain(value)],
        );
    }
    // One bar per stakeholder, as the HTML header draws them, with the counts written.
    if !r.matrix.is_empty() {
        sink.para(Para::Caption, &[Span::plain(T::BarsCaption.get(l))]);
        sink.table_start(&COMPLETION, false, TableLook::Plain);
        for row in &r.matrix {
            sink.row_start(false);
            sink.cell_start(Cell::PLAIN);
            sink.para(
                Para::TableText,
                &[Span::strong(r.stakeholder(row.stakeholder).name)],
            );
            sink.cell_end();
            sink.cell_start(Cell::PLAIN);
            bar(sink, bars, &row.overall);
            sink.cell_end();
            sink.cell_start(Cell::PLAIN);
            sink.para(
                Para::TableNumber,
                &[Span::plain(text::fraction(
                    l,
                    row.overall.assessed(),
                    row.overall.total(),
                ))],
            );
            sink.cell_end();
            sink.row_end();
        }
        sink.table_end();
    }
    let subset = text::subset(
        l,
        (h.selection.stakeholders, h.selection.all_stakeholders),
        (h.selection.pillars, h.selection.all_pillars),
    );
    if let Some(subset) = subset {
        sink.para(Para::Note, &[Span::plain(subset)]);
    }
    if h.orphans > 0 {
        sink.para(Para::Warning, &[Span::plain(text::orphans(l, h.orphans))]);
    }
    if let Some(note) = text::inferred_pillars(l, h.inferred_pillars, h.measures) {
        sink.para(Para::Note, &[Span::plain(note)]);
    }
    let mut key = vec![label(l, T::Key.get(l)), Span::plain(" ")];
    for s in Stance::ALL {
        key.push(badge(l, Some(s)));
        key.push(Span::plain(" "));
    }
    key.push(badge(l, None));
    sink.para(Para::Body, &key);
}

/// The contents: each section, linked to its heading (the navigation pane shows the same
/// outline, with every heading).
fn contents<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.para(Para::ContentsHeading, &[Span::plain(T::Contents.get(l))]);
    let link = |anchor: &'static str, label: String| [Span::with(label, Look::Anchor(anchor))];
    let mut top = vec![
        ("glance", T::Glance),
        ("method", T::Method),
        ("summary", T::Summary),
    ];
    if r.synthesis.is_some() {
        top.push(("synthesis", T::DossierSynthesis));
    }
    top.extend([
        ("gaps", T::Gaps),
        ("frictions", T::Frictions),
        ("unanswered", T::Unanswered),
        ("silences", T::Silences),
        ("unassessed", T::Unassessed),
        ("review", T::Review),
    ]);
    if r.agreement.is_some() {
        top.push(("agreement", T::Agreement));
    }
    for (anchor, title) in top {
        sink.item(List::Number, 0, &link(anchor, title.get(l).to_owned()));
    }
    if r.include_detail {
        sink.item(
            List::Number,
            0,
            &link("detail", T::Detail.get(l).to_owned()),
        );
        for p in &r.pillars {
            let anchor = pillar_anchor(p.number);
            let spans = [Span::with(
                format!("{} — {}", text::pillar(l, p.number), p.title),
                Look::Anchor(&anchor),
            )];
            sink.item(List::Number, 1, &spans);
        }
    }
    sink.item(
        List::Number,
        0,
        &link("sources", T::Sources.get(l).to_owned()),
    );
    sink.list_end();
}

/// The anchor of the pillar numbered `n` in the detail.
fn pillar_anchor(n: usize) -> String {
    format!("pillar-{n}")
}

fn glance_section<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(1, Some("glance"), false, &[Span::plain(T::Glance.get(l))]);
    for line in glance::lines(r) {
        sink.item(
            List::Bullet,
            0,
            &[
                Span::with(line.label, Look::Anchor(&line.anchor[1..])),
                Span::plain(l.pick("\u{a0}: ", ": ")),
                Span::plain(line.body),
            ],
        );
    }
    sink.list_end();
}

fn method<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(1, Some("method"), false, &[Span::plain(T::Method.get(l))]);
    sink.para(Para::Body, &[Span::plain(T::MethodIntro.get(l))]);
    for (name, meaning) in text::method(l) {
        sink.item(
            List::Bullet,
            0,
            &[label(l, name), Span::plain(" "), Span::plain(meaning)],
        );
    }
    sink.list_end();
    if r.stakeholders.is_empty() {
        return;
    }
    // Who is who: each stakeholder once, by its short name, full name and description.
    sink.heading(2, None, false, &[Span::plain(T::WhoIsWho.get(l))]);
    for s in &r.stakeholders {
        let who = text::who(l, s);
        let mut spans = vec![Span::strong(s.name)];
        if !who.is_empty() {
            spans.push(Span::plain(" — "));
            spans.push(Span::plain(who));
        }
        sink.item(List::Bullet, 0, &spans);
    }
    sink.list_end();
}

/// The summary: the pillars named, the table of counts (its header row repeated on each page),
/// then the heatmap.
fn matrix<'a>(r: &Report<'a>, bars: &mut Bars, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(1, Some("summary"), false, &[Span::plain(T::Summary.get(l))]);
    for p in &r.pillars {
        sink.item(
            List::Bullet,
            0,
            &[
                label(l, &text::pillar(l, p.number)),
                Span::plain(" "),
                Span::plain(p.title),
            ],
        );
    }
    if !r.pillars.is_empty() {
        sink.list_end();
    }
    sink.table_start(&MATRIX, true, TableLook::Grid);
    sink.row_start(true);
    let head = |sink: &mut _, spans: &[Span]| {
        Sink::cell_start(sink, Cell::PLAIN);
        Sink::para(sink, Para::TableHead, spans);
        Sink::cell_end(sink);
    };
    head(sink, &[Span::plain(T::Stakeholder.get(l))]);
    head(sink, &[Span::plain(T::Pillar.get(l))]);
    for s in Stance::ALL {
        head(sink, &[badge(l, Some(s))]);
    }
    head(sink, &[badge(l, None)]);
    head(sink, &[Span::plain(T::Total.get(l))]);
    sink.row_end();
    let counts = |sink: &mut _, c: &StanceCounts, overall: bool| {
        let values = Stance::ALL
            .iter()
            .map(|s| c.get(*s))
            .chain([c.unassessed, c.total()]);
        for n in values {
            let look = match (overall, n) {
                (true, _) => Look::Strong,
                (false, 0) => Look::Muted,
                (false, _) => Look::Plain,
            };
            let fill = overall.then_some(super::colour::TINT);
            Sink::cell_start(sink, Cell { fill, rows: 1 });
            Sink::para(sink, Para::TableNumber, &[Span::with(n.to_string(), look)]);
            Sink::cell_end(sink);
        }
    };
    for row in &r.matrix {
        let name = r.stakeholder(row.stakeholder).name;
        for (i, (p, c)) in r.pillars.iter().zip(&row.per_pillar).enumerate() {
            sink.row_start(false);
            if i == 0 {
                sink.cell_start(Cell {
                    fill: None,
                    rows: r.pillars.len() + 1,
                });
                sink.para(Para::TableText, &[Span::strong(name)]);
                sink.cell_end();
            } else {
                sink.covered_cell();
            }
            sink.cell_start(Cell::PLAIN);
            sink.para(Para::TableText, &[Span::plain(text::pillar(l, p.number))]);
            sink.cell_end();
            counts(sink, c, false);
            sink.row_end();
        }
        sink.row_start(false);
        if r.pillars.is_empty() {
            sink.cell_start(Cell::PLAIN);
            sink.para(Para::TableText, &[Span::strong(name)]);
            sink.cell_end();
        } else {
            sink.covered_cell();
        }
        sink.cell_start(Cell {
            fill: Some(super::colour::TINT),
            rows: 1,
        });
        sink.para(Para::TableText, &[Span::strong(T::Overall.get(l))]);
        sink.cell_end();
        counts(sink, &row.overall, true);
        sink.row_end();
    }
    sink.table_end();
    heatmap(r, bars, sink);
}

/// The heatmap: one row per stakeholder, one box per pillar and one overall, each a bar of
/// the share of each stance with the counts written under it; [`HEATMAP_COLUMNS`] pillars per
/// table at most.
fn heatmap<'a>(r: &Report<'a>, bars: &mut Bars, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    if r.matrix.is_empty() || r.pillars.is_empty() {
        return;
    }
    for chunk in heatmap_columns(r).chunks(HEATMAP_COLUMNS) {
        let mut widths = vec![HEATMAP_LABEL];
        widths.extend(std::iter::repeat_n(HEATMAP_BOX, chunk.len()));
        sink.table_start(&widths, true, TableLook::Figure);
        sink.row_start(true);
        sink.cell_start(Cell::PLAIN);
        sink.para(Para::TableHead, &[Span::plain(T::Stakeholder.get(l))]);
        sink.cell_end();
        for column in chunk {
            let head = column.map_or_else(
                || T::Overall.get(l).to_owned(),
                |p| text::pillar(l, r.pillars[p].number),
            );
            sink.cell_start(Cell::PLAIN);
            sink.para(Para::TableHead, &[Span::plain(head)]);
            sink.cell_end();
        }
        sink.row_end();
        for row in &r.matrix {
            sink.row_start(false);
            sink.cell_start(Cell::PLAIN);
            sink.para(
                Para::TableText,
                &[Span::strong(r.stakeholder(row.stakeholder).name)],
            );
            sink.cell_end();
            for column in chunk {
                let counts = column.map_or(&row.overall, |p| &row.per_pillar[p]);
                sink.cell_start(Cell::PLAIN);
                bar(sink, bars, counts);
                sink.cell_end();
            }
            sink.row_end();
        }
        sink.table_end();
    }
    sink.para(
        Para::Caption,
        &[
            Span::strong(T::HeatmapLabel.get(l)),
            Span::plain(". "),
            Span::plain(T::HeatmapCaption.get(l)),
        ],
    );
}

fn quote<'a>(l: Lang, q: &Quote<'a>, sink: &mut impl Sink<'a>) {
    sink.memo(q.position, |sink| {
        sink.para(Para::Quote, &[Span::plain(text::quoted(l, q.excerpt))]);
        sink.para(
            Para::QuoteSource,
            &[Span::plain(format!("— {}", text::source(l, q)))],
        );
    });
}

/// One piece of a cell's evidence: a quote, another stakeholder's quote under its mark, or a
/// position the dossier lacks.
fn evidence<'a>(l: Lang, e: &Evidence<'a>, sink: &mut impl Sink<'a>) {
    match e {
        Evidence::Quote(q) => quote(l, q, sink),
        Evidence::Misattributed { quote: q, owner } => {
            sink.para(Para::Warning, &[Span::plain(text::misattributed(l, owner))]);
            quote(l, q, sink);
        }
        Evidence::Missing(id) => sink.para(
            Para::Warning,
            &[
                Span::plain(id.as_str()),
                Span::plain(format!(" ({})", T::MissingPosition.get(l))),
            ],
        ),
    }
}

/// A cell's note, review flags, labels and quotes.
fn cell_body<'a>(l: Lang, c: &CellReport<'a>, sink: &mut impl Sink<'a>) {
    if !c.note.trim().is_empty() {
        sink.para(Para::Body, &[Span::plain(c.note)]);
    }
    if !c.review.is_empty() {
        sink.para(
            Para::Body,
            &[
                label(l, T::Flags.get(l)),
                Span::plain(" "),
                Span::plain(text::flags(l, &c.review)),
            ],
        );
    }
    if !c.labels.is_empty() {
        let mut spans = vec![label(l, T::Labels.get(l)), Span::plain(" ")];
        for (i, name) in c.labels.iter().enumerate() {
            if i > 0 {
                spans.push(Span::plain(", "));
            }
            spans.push(Span::with(*name, Look::Emphasis));
        }
        sink.para(Para::Body, &spans);
    }
    // The stakeholder's own quotes (and missing positions) first; another stakeholder's words
    // after them, apart, each under its mark.
    for e in c
        .evidence
        .iter()
        .filter(|e| !matches!(e, Evidence::Misattributed { .. }))
    {
        evidence(l, e, sink);
    }
    for e in c
        .evidence
        .iter()
        .filter(|e| matches!(e, Evidence::Misattributed { .. }))
    {
        evidence(l, e, sink);
    }
    if c.is_unsupported() {
        sink.para(Para::Warning, &[Span::plain(T::NoQuote.get(l))]);
    }
}

fn gap_entry<'a>(l: Lang, e: &CellEntry<'a>, sink: &mut impl Sink<'a>) {
    let [title, space, reference] = measure_name(l, &e.measure);
    sink.para(
        Para::Cell(e.cell.stance),
        &[
            badge(l, e.cell.stance),
            Span::plain(" "),
            title,
            space,
            reference,
        ],
    );
    cell_body(l, &e.cell, sink);
}

/// A synthesis at the head of its section, led by its label.
fn synthesis<'a>(l: Lang, text: &'a str, sink: &mut impl Sink<'a>) {
    sink.para(
        Para::Synthesis,
        &[
            Span::strong(T::SynthesisLead.get(l)),
            Span::plain(" "),
            Span::plain(text),
        ],
    );
}

/// The line naming the stakeholders a section lists nothing for (`listed` are the others).
fn none_for<'a>(
    r: &Report<'a>,
    what: T,
    listed: impl IntoIterator<Item = usize>,
    sink: &mut impl Sink<'a>,
) {
    let others = r.stakeholders_not_in(listed);
    if !others.is_empty() {
        sink.para(
            Para::Note,
            &[Span::plain(text::none_for(r.lang, what, &others))],
        );
    }
}

fn gaps<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(1, Some("gaps"), true, &[Span::plain(T::Gaps.get(l))]);
    sink.para(Para::Intro, &[Span::plain(T::GapsIntro.get(l))]);
    if r.gaps.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoGaps.get(l))]);
    } else {
        none_for(r, T::NoGapsFor, r.gaps.iter().map(|g| g.stakeholder), sink);
    }
    for g in &r.gaps {
        let who = r.stakeholder(g.stakeholder);
        sink.heading(
            2,
            None,
            false,
            &[
                Span::plain(who.name),
                Span::plain(" "),
                Span::muted(text::gap_counts(l, g.gaps.len(), g.partials.len())),
            ],
        );
        if let Some(text) = who.synthesis {
            synthesis(l, text, sink);
        }
        for (title, list) in [(T::GapCells, &g.gaps), (T::PartialCells, &g.partials)] {
            if list.is_empty() {
                continue;
            }
            sink.heading(3, None, false, &[Span::plain(title.get(l))]);
            for e in list {
                gap_entry(l, e, sink);
            }
        }
    }
    // A stakeholder without gaps keeps its synthesis, under its name.
    for (i, s) in r.stakeholders.iter().enumerate() {
        if let Some(text) = s
            .synthesis
            .filter(|_| r.gaps.iter().all(|g| g.stakeholder != i))
        {
            sink.heading(2, None, false, &[Span::plain(s.name)]);
            synthesis(l, text, sink);
        }
    }
}

/// The points of friction, each measure with the cells of both sides; then the consensus.
fn frictions<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(
        1,
        Some("frictions"),
        false,
        &[Span::plain(T::Frictions.get(l))],
    );
    sink.para(Para::Intro, &[Span::plain(T::FrictionsIntro.get(l))]);
    if r.frictions.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoFrictions.get(l))]);
    }
    for f in &r.frictions {
        let m = r.measure_at(f.at);
        sink.heading(2, None, false, &measure_name(l, &m.measure));
        for c in m.cells.iter().filter(|c| Stance::is_judgement(c.stance)) {
            sink.para(
                Para::Cell(c.stance),
                &[
                    Span::strong(r.stakeholder(c.stakeholder).name),
                    Span::plain(" "),
                    badge(l, c.stance),
                ],
            );
            cell_body(l, c, sink);
        }
    }
    sink.heading(2, None, false, &[Span::plain(T::Consensus.get(l))]);
    sink.para(Para::Intro, &[Span::plain(T::ConsensusIntro.get(l))]);
    if r.consensus.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoConsensus.get(l))]);
    } else {
        for at in &r.consensus {
            sink.item(
                List::Bullet,
                0,
                &measure_name(l, &r.measure_at(*at).measure),
            );
        }
        sink.list_end();
    }
}

fn unanswered<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(
        1,
        Some("unanswered"),
        true,
        &[Span::plain(T::Unanswered.get(l))],
    );
    sink.para(Para::Intro, &[Span::plain(T::UnansweredIntro.get(l))]);
    if r.unanswered.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoUnanswered.get(l))]);
    } else {
        none_for(
            r,
            T::NoUnansweredFor,
            r.unanswered.iter().map(|s| s.stakeholder),
            sink,
        );
    }
    for s in &r.unanswered {
        sink.heading(
            2,
            None,
            false,
            &[
                Span::plain(r.stakeholder(s.stakeholder).name),
                Span::plain(" "),
                Span::muted(format!("({})", s.demands.len())),
            ],
        );
        for d in &s.demands {
            sink.para(
                Para::Demand,
                &[
                    Span::plain(d.quote.title),
                    Span::plain(" "),
                    Span::muted(d.kind.label(l)),
                ],
            );
            let mut reason = Vec::new();
            match &d.reason {
                Unanswered::NoMeasure => reason.push(Span::plain(T::NoMeasureAnswers.get(l))),
                Unanswered::OnlyGaps(measures) => {
                    reason.push(Span::plain(T::OnlyGapsAnswer.get(l)));
                    reason.push(Span::plain(" "));
                    for (i, m) in measures.iter().enumerate() {
                        if i > 0 {
                            reason.push(Span::plain(", "));
                        }
                        reason.extend(measure_name(l, m));
                    }
                }
            }
            sink.para(Para::Body, &reason);
            quote(l, &d.quote, sink);
        }
    }
}

fn silences<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    let (heading, none) = text::silent_measures(l, &r.header.selection);
    sink.heading(
        1,
        Some("silences"),
        true,
        &[Span::plain(T::Silences.get(l))],
    );
    sink.heading(2, None, false, &[Span::plain(heading)]);
    sink.para(Para::Intro, &[Span::plain(T::SilentMeasuresIntro.get(l))]);
    if r.silences.measures.is_empty() {
        sink.para(Para::Body, &[Span::plain(none)]);
    } else {
        for m in &r.silences.measures {
            let mut spans = measure_name(l, &m.measure).to_vec();
            if m.unassessed > 0 {
                spans.push(Span::plain(" "));
                spans.push(Span::muted(text::provisional(l, m.unassessed)));
            }
            sink.item(List::Bullet, 0, &spans);
        }
        sink.list_end();
    }
    sink.heading(2, None, false, &[Span::plain(T::SilentPillars.get(l))]);
    sink.para(Para::Intro, &[Span::plain(T::SilentPillarsIntro.get(l))]);
    if r.silences.pillars.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoSilentPillars.get(l))]);
    } else {
        for s in &r.silences.pillars {
            let p = &r.pillars[s.pillar];
            let mut spans = vec![
                Span::strong(r.stakeholder(s.stakeholder).name),
                Span::plain(" — "),
                Span::plain(text::colon(l, &text::pillar(l, p.number))),
                Span::plain(" "),
                Span::plain(p.title),
            ];
            if s.unassessed > 0 {
                spans.push(Span::plain(" "));
                spans.push(Span::muted(text::provisional(l, s.unassessed)));
            }
            sink.item(List::Bullet, 0, &spans);
        }
        sink.list_end();
    }
}

fn unassessed<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(
        1,
        Some("unassessed"),
        false,
        &[Span::plain(T::Unassessed.get(l))],
    );
    if r.unassessed.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoUnassessed.get(l))]);
        return;
    }
    sink.para(
        Para::Body,
        &[Span::plain(text::unassessed_count(
            l,
            r.unassessed_count(),
            r.header.total,
        ))],
    );
    for u in &r.unassessed {
        let ids: Vec<&str> = u.measures.iter().map(|m| m.id.as_str()).collect();
        sink.item(
            List::Bullet,
            0,
            &[
                Span::strong(r.stakeholder(u.stakeholder).name),
                Span::plain(format!(" ({}) ", u.measures.len())),
                Span::muted(ids.join(", ")),
            ],
        );
    }
    sink.list_end();
}

/// The flagged cells, evidence that is not the words of the cell's stakeholder, and the orphan
/// cells.
fn review<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    let rv = &r.review;
    sink.heading(1, Some("review"), false, &[Span::plain(T::Review.get(l))]);
    sink.para(Para::Body, &[Span::plain(T::ReviewIntro.get(l))]);
    if rv.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoReview.get(l))]);
    }
    if !rv.flagged.is_empty() {
        sink.heading(
            2,
            None,
            false,
            &[Span::plain(format!(
                "{} ({})",
                T::ReviewFlagged.get(l),
                rv.flagged.len()
            ))],
        );
        for f in &rv.flagged {
            let mut spans = measure_name(l, &f.measure).to_vec();
            spans.extend([
                Span::plain(" — "),
                Span::strong(r.stakeholder(f.stakeholder).name),
                Span::plain(" — "),
                Span::plain(text::flags(l, &f.review)),
            ]);
            sink.item(List::Bullet, 0, &spans);
        }
        sink.list_end();
    }
    if !rv.evidence.is_empty() {
        sink.heading(2, None, false, &[Span::plain(T::ReviewEvidence.get(l))]);
        for f in &rv.evidence {
            let mut spans = measure_name(l, &f.measure).to_vec();
            spans.extend([
                Span::plain(" — "),
                Span::strong(r.stakeholder(f.stakeholder).name),
            ]);
            sink.para(Para::Cell(None), &spans);
            evidence(l, &f.evidence, sink);
        }
    }
    if !rv.orphans.is_empty() {
        sink.heading(
            2,
            None,
            false,
            &[Span::plain(format!(
                "{} ({})",
                T::ReviewOrphans.get(l),
                rv.orphans.len()
            ))],
        );
        sink.para(Para::Body, &[Span::plain(T::ReviewOrphansIntro.get(l))]);
        for o in &rv.orphans {
            let mut spans = vec![
                Span::with(o.measure.as_str(), Look::Code),
                Span::plain(" × "),
                Span::with(o.stakeholder.as_str(), Look::Code),
                Span::plain(" — "),
                badge(l, o.stance),
            ];
            if !o.note.is_empty() {
                spans.push(Span::plain(" — "));
                spans.push(Span::plain(o.note));
                if o.note_cut {
                    spans.push(Span::plain("…"));
                }
            }
            sink.item(List::Bullet, 0, &spans);
        }
        sink.list_end();
    }
}

/// The agreement between analysts, when the report compares sessions: who, the statistics
/// (the table's header row repeated on each page), then every cell they tagged differently
/// with each one's stance and note.
fn agreement<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let Some(a) = &r.agreement else { return };
    let l = r.lang;
    let s = &a.statistics;
    let names = text::analyst_names(l, &s.analysts);
    let two = s.analysts.len() == 2;
    sink.heading(
        1,
        Some("agreement"),
        false,
        &[Span::plain(T::Agreement.get(l))],
    );
    sink.para(
        Para::Intro,
        &[Span::plain(text::agreement_intro(l, &names, &s.overall))],
    );
    if r.header.selection.is_subset() {
        sink.para(Para::Note, &[Span::plain(T::AgreementWholeGrid.get(l))]);
    }
    if !two {
        sink.para(Para::Note, &[Span::plain(T::AlphaTakesMore.get(l))]);
    }
    sink.table_start(agreement_widths(s.analysts.len()), true, TableLook::Grid);
    sink.row_start(true);
    let columns = std::iter::once(T::AgreementScope.get(l))
        .chain(text::agreement_columns(l, s.analysts.len()));
    for c in columns {
        sink.cell_start(Cell::PLAIN);
        sink.para(Para::TableHead, &[Span::plain(c)]);
        sink.cell_end();
    }
    sink.row_end();
    for (i, (name, scope)) in text::agreement_scopes(l, s).into_iter().enumerate() {
        let overall = i == 0;
        let fill = overall.then_some(super::colour::TINT);
        let look = if overall { Look::Strong } else { Look::Plain };
        sink.row_start(false);
        sink.cell_start(Cell { fill, rows: 1 });
        sink.para(Para::TableText, &[Span::with(name, look)]);
        sink.cell_end();
        for v in text::agreement_row(l, scope, s.analysts.len()) {
            sink.cell_start(Cell { fill, rows: 1 });
            sink.para(Para::TableNumber, &[Span::with(v, look)]);
            sink.cell_end();
        }
        sink.row_end();
    }
    sink.table_end();
    if two {
        sink.para(Para::Note, &[Span::plain(T::WeightedKappaKey.get(l))]);
    }
    sink.para(Para::Note, &[Span::plain(T::UndefinedStatistic.get(l))]);
    sink.heading(
        2,
        None,
        false,
        &[Span::plain(format!(
            "{} ({})",
            T::Disagreements.get(l),
            a.disagreements.len()
        ))],
    );
    sink.para(Para::Intro, &[Span::plain(T::DisagreementsIntro.get(l))]);
    if a.disagreements.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoDisagreements.get(l))]);
    }
    for e in &a.disagreements {
        let mut title = measure_name(l, &e.measure).to_vec();
        title.extend([
            Span::plain(" — "),
            Span::strong(r.stakeholder(e.cell.stakeholder).name),
        ]);
        sink.para(Para::Cell(None), &title);
        for (name, j) in names.iter().zip(e.cell.judgements()) {
            let mut spans = vec![label(l, name), Span::plain(" "), badge(l, j.stance)];
            if !j.note.trim().is_empty() {
                spans.extend([Span::plain(" — "), Span::plain(j.note)]);
            }
            sink.item(List::Bullet, 0, &spans);
        }
        sink.list_end();
    }
}

/// The detail: each pillar from a new page, each measure with every cell.
fn detail<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(1, Some("detail"), true, &[Span::plain(T::Detail.get(l))]);
    for (i, p) in r.pillars.iter().enumerate() {
        sink.heading(
            2,
            Some(&pillar_anchor(p.number)),
            i > 0,
            &[Span::plain(format!(
                "{} — {}",
                text::pillar(l, p.number),
                p.title
            ))],
        );
        for m in &p.measures {
            sink.heading(
                3,
                None,
                false,
                &[
                    Span::plain(m.measure.title),
                    Span::plain(" "),
                    Span::muted(m.measure.id.as_str()),
                ],
            );
            if let Some(text) = m.synthesis {
                synthesis(l, text, sink);
            }
            if !m.summary.trim().is_empty() {
                sink.para(Para::Body, &[Span::plain(m.summary)]);
            }
            for c in &m.cells {
                sink.para(
                    Para::Cell(c.stance),
                    &[
                        Span::strong(r.stakeholder(c.stakeholder).name),
                        Span::plain(" "),
                        badge(l, c.stance),
                    ],
                );
                cell_body(l, c, sink);
            }
        }
    }
}

fn sources<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    sink.heading(1, Some("sources"), false, &[Span::plain(T::Sources.get(l))]);
    if r.sources.is_empty() {
        sink.para(Para::Body, &[Span::plain(T::NoSources.get(l))]);
    } else {
        sink.para(Para::Intro, &[Span::plain(T::SourcesIntro.get(l))]);
        for s in &r.sources {
            let mut spans = vec![Span::plain(text::source_entry(l, s))];
            if let Some(url) = s.url {
                spans.push(Span::plain(" "));
                if text::is_web_link(url) {
                    spans.push(Span::with(url.trim(), Look::Url));
                } else {
                    spans.push(Span::plain(url));
                }
            }
            if let Some(file) = s.file {
                spans.extend([
                    Span::plain(format!(" ({} ", text::colon(l, T::CheckedCopy.get(l)))),
                    Span::with(file, Look::Code),
                    Span::plain(")"),
                ]);
            }
            sink.item(List::Bullet, 0, &spans);
        }
        sink.list_end();
    }
    checks(r, sink);
}

/// The verification of the dossier's citations: the count, each source's, each citation not
/// found with the closest passage; one sentence when no source text was read.
fn checks<'a>(r: &Report<'a>, sink: &mut impl Sink<'a>) {
    let l = r.lang;
    let c = &r.checks;
    if c.tally.total() == 0 {
        return;
    }
    sink.heading(
        2,
        Some("verification"),
        false,
        &[Span::plain(T::ChecksHeading.get(l))],
    );
    if !c.any_text() {
        sink.para(Para::Body, &[Span::plain(T::NotChecked.get(l))]);
        return;
    }
    sink.para(Para::Intro, &[Span::plain(T::ChecksIntro.get(l))]);
    sink.para(
        Para::Body,
        &[Span::strong(format!(
            "{}.",
            text::verified_counts(l, &c.tally)
        ))],
    );
    for s in &c.sources {
        sink.item(
            List::Bullet,
            0,
            &[Span::plain(format!("{}.", text::source_checks(l, s)))],
        );
        for n in &s.not_found {
            let (first, second) = text::not_found(l, n);
            sink.item(
                List::Bullet,
                1,
                &[Span::plain(first), Span::plain("\n"), Span::muted(second)],
            );
        }
    }
    sink.list_end();
}
