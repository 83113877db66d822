//! The report as one self-contained HTML page: inline CSS, no script, no network, readable on
//! screen and printable to PDF (each pillar of the detail starts a page). Built with `maud`,
//! which escapes every spliced string, so session text can never become markup. Stances show a
//! colour from a colour-blind-safe palette (Okabe–Ito) *and* a symbol *and* a word.

use crate::i18n::Lang;
use crate::model::{PositionId, Stance};
use crate::report::text::{self, T};
use crate::report::{
    CellEntry, CellReport, Evidence, MeasureRef, Quote, Report, StanceCounts, Unanswered,
};
use foldhash::HashMap;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::borrow::Cow;

/// The page's style sheet.
const CSS: &str = include_str!("report.css");

/// The report as an HTML document.
#[must_use]
pub fn render(report: &Report) -> String {
    let l = report.lang;
    let title = format!("{} — {}", T::Title.get(l), report.header.dossier_title);
    let memo = Memo::new(report);
    // Room for the whole page at once, so it is never copied as it grows: memory reserved and
    // not written costs nothing.
    let cells: usize = report
        .pillars
        .iter()
        .map(|p| p.measures.iter().map(|m| m.cells.len()).sum::<usize>())
        .sum();
    let mut page = Page {
        text: String::with_capacity((cells + 1) * 4096),
    };
    // The page is written part by part, each straight into the page's text: the detail alone
    // can be tens of megabytes, and copying it whole into a parent element would cost as much
    // as making it. The tags opened and closed by hand here hold no session text. The detail,
    // the largest part, is written on a second core while this one writes the rest; the page is
    // the same either way.
    let detail_text = std::thread::scope(|scope| {
        let detail_part = report.include_detail.then(|| {
            scope.spawn(|| {
                let mut part = Page {
                    text: String::with_capacity((cells + 1) * 2048),
                };
                detail(report, &memo, &mut part);
                part.text
            })
        });
        page.push(&html! { (DOCTYPE) });
        page.tags(&format!("<html lang=\"{}\">", lang_code(l)));
        page.push(&html! {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Vis-à-vis";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
        });
        page.tags("<body>");
        page.push(&header(report));
        page.push(&contents(report));
        page.tags("<main>");
        page.push(&glance(report));
        page.push(&method(report));
        page.push(&matrix(report));
        if let Some(text) = report.synthesis {
            page.push(&html! {
                section #synthesis {
                    h2 { (T::DossierSynthesis.get(l)) }
                    p.synthesis { (text) }
                }
            });
        }
        page.push(&gaps(report, &memo));
        page.push(&frictions(report, &memo));
        page.push(&unanswered(report, &memo));
        page.push(&silences(report));
        page.push(&unassessed(report));
        page.push(&review(report, &memo));
        page.push(&agreement(report, &memo));
        detail_part.map(|part| {
            part.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    });
    if let Some(text) = detail_text {
        page.text.push_str(&text);
    }
    page.push(&sources(report));
    page.tags("</main></body></html>");
    page.text.push('\n');
    page.text
}

/// Markup the page repeats, made once: a position's quote backs many cells, and every cell
/// shows one of five badges.
struct Memo<'a> {
    lang: Lang,
    quotes: HashMap<&'a PositionId, Markup>,
    /// The badge of each cell state, in [`STATES`] order.
    badges: [Markup; 5],
}

impl<'a> Memo<'a> {
    fn new(r: &Report<'a>) -> Self {
        let l = r.lang;
        let mut quotes = HashMap::default();
        for q in r.quotes() {
            quotes.entry(q.position).or_insert_with(|| quote(l, q));
        }
        Self {
            lang: l,
            quotes,
            badges: STATES.map(|s| badge(l, s)),
        }
    }

    fn quote(&self, q: &Quote) -> PreEscaped<Cow<'_, str>> {
        PreEscaped(match self.quotes.get(q.position) {
            Some(markup) => Cow::Borrowed(markup.0.as_str()),
            None => Cow::Owned(quote(self.lang, q).0),
        })
    }

    fn badge(&self, stance: Option<Stance>) -> &Markup {
        let i = STATES.iter().position(|s| *s == stance).unwrap_or(0);
        &self.badges[i]
    }
}

/// Every state a cell can be in, in the order of [`Memo::badges`].
const STATES: [Option<Stance>; 5] = [
    None,
    Some(Stance::Agreement),
    Some(Stance::Partial),
    Some(Stance::Gap),
    Some(Stance::Silent),
];

/// The page's text, written with a line break before each block element's opening tag and
/// before `</html>`, so its source can be read and diffed line by line. Whitespace between
/// blocks does not change what the browser shows. Safe because every `<` in the page is markup:
/// `maud` escapes the `<` of every spliced string, and the style sheet has none.
struct Page {
    text: String,
}

impl Page {
    /// Append `markup`, built by `maud`.
    fn push(&mut self, markup: &Markup) {
        self.tags(&markup.0);
    }

    /// Append tags written by hand: constant text, or numbers — never session text.
    fn tags(&mut self, markup: &str) {
        let out = &mut self.text;
        let mut rest = markup;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let name_end = rest[1..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(rest.len(), |n| n + 1);
            if is_block(&rest[1..name_end]) || rest.starts_with("</html") {
                out.push('\n');
            }
            out.push('<');
            rest = &rest[1..];
        }
        out.push_str(rest);
    }
}

/// Whether the element `name` starts a new line in the page's source.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "article"
            | "blockquote"
            | "body"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "head"
            | "header"
            | "li"
            | "main"
            | "meta"
            | "nav"
            | "ol"
            | "p"
            | "section"
            | "style"
            | "table"
            | "tbody"
            | "thead"
            | "title"
            | "tr"
            | "ul"
    )
}

fn lang_code(l: Lang) -> &'static str {
    l.pick("fr", "en")
}

/// The CSS class of a cell state.
fn class(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Agreement) => "s-agreement",
        Some(Stance::Partial) => "s-partial",
        Some(Stance::Gap) => "s-gap",
        Some(Stance::Silent) => "s-silent",
        None => "s-unassessed",
    }
}

/// A stance as a badge: colour, symbol and word.
fn badge(l: Lang, stance: Option<Stance>) -> Markup {
    html! {
        span.stance.(class(stance)) {
            span.icon aria-hidden="true" { (text::stance_icon(stance)) }
            " " (text::stance_label(l, stance))
        }
    }
}

/// A bar split by stance, for a glance at a stakeholder's line.
fn bar(l: Lang, c: &StanceCounts) -> Markup {
    let total = c.total().max(1);
    let states = Stance::ALL
        .iter()
        .map(|s| (Some(*s), c.get(*s)))
        .chain([(None, c.unassessed)]);
    html! {
        span.bar aria-hidden="true" {
            @for (stance, n) in states {
                @if n > 0 {
                    span.(class(stance))
                        style={ "width:" (percent(n, total)) "%" }
                        title={ (text::colon(l, text::stance_label(l, stance))) " " (n) } {}
                }
            }
        }
    }
}

/// `n / total` as a percentage with one decimal, for CSS widths.
fn percent(n: usize, total: usize) -> String {
    let tenths = (n * 1000).checked_div(total).unwrap_or(0);
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn header(r: &Report) -> Markup {
    let l = r.lang;
    let h = &r.header;
    let subset = text::subset(
        l,
        (h.selection.stakeholders, h.selection.all_stakeholders),
        (h.selection.pillars, h.selection.all_pillars),
    );
    html! {
        header {
            p.kicker { (T::Title.get(l)) }
            h1 { (h.dossier_title) }
            dl.meta {
                dt { (T::Session.get(l)) } dd { (h.session_name) }
                dt { (T::Analyst.get(l)) } dd { (text::analyst(l, h.analyst)) }
                dt { (T::Modified.get(l)) } dd { (crate::i18n::stamp_date(l, h.modified)) }
                dt { (T::Completion.get(l)) }
                dd { (text::completion(l, h.assessed, h.total)) }
            }
            table.completion {
                // Without it, the grey of "silent" reads as work left to do.
                caption { (T::BarsCaption.get(l)) }
                tbody {
                    @for row in &r.matrix {
                        tr {
                            th scope="row" { (r.stakeholder(row.stakeholder).name) }
                            td.bar-cell { (bar(l, &row.overall)) }
                            td.num { (text::fraction(l, row.overall.assessed(), row.overall.total())) }
                        }
                    }
                }
            }
            @if let Some(subset) = subset { p.note { (subset) } }
            @if h.orphans > 0 { p.warning { (text::orphans(l, h.orphans)) } }
            @if let Some(note) = text::inferred_pillars(l, h.inferred_pillars, h.measures) {
                p.note { (note) }
            }
            p.key {
                strong { (text::colon(l, T::Key.get(l))) } " "
                @for s in Stance::ALL { (badge(l, Some(s))) " " }
                (badge(l, None))
            }
        }
    }
}

fn contents(r: &Report) -> Markup {
    let l = r.lang;
    html! {
        nav {
            h2 { (T::Contents.get(l)) }
            ol {
                li { a href="#glance" { (T::Glance.get(l)) } }
                li { a href="#method" { (T::Method.get(l)) } }
                li { a href="#summary" { (T::Summary.get(l)) } }
                li { a href="#gaps" { (T::Gaps.get(l)) } }
                li { a href="#unanswered" { (T::Unanswered.get(l)) } }
                li { a href="#silences" { (T::Silences.get(l)) } }
                li { a href="#unassessed" { (T::Unassessed.get(l)) } }
                li { a href="#review" { (T::Review.get(l)) } }
                @if r.agreement.is_some() {
                    li { a href="#agreement" { (T::Agreement.get(l)) } }
                }
                @if r.include_detail {
                    li {
                        a href="#detail" { (T::Detail.get(l)) }
                        ol {
                            @for p in &r.pillars {
                                li { a href={ "#pillar-" (p.number) } { (text::pillar(l, p.number)) " — " (p.title) } }
                            }
                        }
                    }
                }
                li { a href="#sources" { (T::Sources.get(l)) } }
            }
        }
    }
}

fn sources(r: &Report) -> Markup {
    let l = r.lang;
    html! {
        section #sources {
            h2 { (T::Sources.get(l)) }
            @if r.sources.is_empty() { p { (T::NoSources.get(l)) } }
            @else {
                p.intro { (T::SourcesIntro.get(l)) }
                ul.sources {
                    @for s in &r.sources {
                        li {
                            (text::source_entry(l, s))
                            @if let Some(url) = s.url {
                                " "
                                @if text::is_web_link(url) { a href=(url.trim()) { (url.trim()) } }
                                @else { (url) }
                            }
                            @if let Some(file) = s.file {
                                " (" (text::colon(l, T::CheckedCopy.get(l))) " " code { (file) } ")"
                            }
                        }
                    }
                }
            }
            (checks(r))
        }
    }
}

/// The verification of the dossier's citations: the count, each source's, each citation not
/// found with the closest passage; one sentence when no source text was read.
fn checks(r: &Report) -> Markup {
    let l = r.lang;
    let c = &r.checks;
    html! {
        @if c.tally.total() > 0 {
            h3 #verification { (T::ChecksHeading.get(l)) }
            @if !c.any_text() { p { (T::NotChecked.get(l)) } }
            @else {
                p.intro { (T::ChecksIntro.get(l)) }
                p { strong { (text::verified_counts(l, &c.tally)) "." } }
                ul.sources {
                    @for s in &c.sources {
                        li {
                            (text::source_checks(l, s)) "."
                            @if !s.not_found.is_empty() {
                                ul.plain {
                                    @for n in &s.not_found {
                                        @let (first, second) = text::not_found(l, n);
                                        li.not-found { (first) br; span.closest { (second) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn method(r: &Report) -> Markup {
    let l = r.lang;
    html! {
        section #method {
            h2 { (T::Method.get(l)) }
            p { (T::MethodIntro.get(l)) }
            ul {
                @for (label, meaning) in text::method(l) {
                    li { strong { (text::colon(l, label)) } " " (meaning) }
                }
            }
            @if !r.stakeholders.is_empty() {
                h3 { (T::WhoIsWho.get(l)) }
                ul.who {
                    @for s in &r.stakeholders {
                        @let who = text::who(l, s);
                        li {
                            strong { (s.name) }
                            @if !who.is_empty() { " — " (who) }
                        }
                    }
                }
            }
        }
    }
}

fn glance(r: &Report) -> Markup {
    let l = r.lang;
    html! {
        section #glance {
            h2 { (T::Glance.get(l)) }
            ul {
                @for line in super::glance::lines(r) {
                    li {
                        a href=(line.anchor) { (line.label) }
                        (l.pick("\u{a0}: ", ": ")) (line.body)
                    }
                }
            }
        }
    }
}

fn matrix(r: &Report) -> Markup {
    let l = r.lang;
    let counts = |c: &StanceCounts| -> Markup {
        let values = Stance::ALL
            .iter()
            .map(|s| c.get(*s))
            .chain([c.unassessed, c.total()]);
        html! {
            @for n in values { td.num.zero[n == 0] { (n) } }
        }
    };
    html! {
        section #summary {
            h2 { (T::Summary.get(l)) }
            ul.pillars {
                @for p in &r.pillars {
                    li { strong { (text::colon(l, &text::pillar(l, p.number))) } " " (p.title) }
                }
            }
            table.matrix {
                thead {
                    tr {
                        th scope="col" { (T::Stakeholder.get(l)) }
                        th scope="col" { (T::Pillar.get(l)) }
                        @for s in Stance::ALL { th.num scope="col" { (badge(l, Some(s))) } }
                        th.num scope="col" { (badge(l, None)) }
                        th.num scope="col" { (T::Total.get(l)) }
                    }
                }
                @for row in &r.matrix {
                    tbody {
                        @for (i, (p, c)) in r.pillars.iter().zip(&row.per_pillar).enumerate() {
                            tr {
                                @if i == 0 {
                                    th scope="rowgroup" rowspan=(r.pillars.len() + 1) {
                                        (r.stakeholder(row.stakeholder).name)
                                    }
                                }
                                td { (text::pillar(l, p.number)) }
                                (counts(c))
                            }
                        }
                        tr.overall {
                            @if r.pillars.is_empty() {
                                th scope="rowgroup" { (r.stakeholder(row.stakeholder).name) }
                            }
                            td { (T::Overall.get(l)) }
                            (counts(&row.overall))
                        }
                    }
                }
            }
            (super::chart::heatmap(r))
        }
    }
}

/// `Title` with `id · Pilier 2` beneath.
fn measure_name(l: Lang, m: &MeasureRef) -> Markup {
    html! {
        span.measure-title { (m.title) }
        " "
        span.ref { (m.id) " · " (text::pillar(l, m.pillar)) }
    }
}

fn quote(l: Lang, q: &Quote) -> Markup {
    html! {
        figure.quote {
            blockquote { (text::quoted(l, q.excerpt)) }
            figcaption { "— " (text::source(l, q)) }
        }
    }
}

/// A cell's note, review flags, labels and quotes.
fn cell_body(l: Lang, c: &CellReport, memo: &Memo) -> Markup {
    html! {
        @if !c.note.trim().is_empty() { p.note-text { (c.note) } }
        @if !c.review.is_empty() {
            p.flags { (text::colon(l, T::Flags.get(l))) " " (text::flags(l, &c.review)) }
        }
        @if !c.labels.is_empty() {
            p.labels {
                span.visually-hidden { (text::colon(l, T::Labels.get(l))) " " }
                @for label in &c.labels { span.label { (label) } " " }
            }
        }
        // The stakeholder's own quotes (and missing positions) first; another stakeholder's
        // words after them, apart, each under its mark.
        @for e in c.evidence.iter().filter(|e| !matches!(e, Evidence::Misattributed { .. })) {
            (evidence(l, e, memo))
        }
        @for e in c.evidence.iter().filter(|e| matches!(e, Evidence::Misattributed { .. })) {
            (evidence(l, e, memo))
        }
        @if c.is_unsupported() { p.warning { (T::NoQuote.get(l)) } }
    }
}

/// One piece of a cell's evidence: a quote, another stakeholder's quote under its mark, or a
/// position the dossier lacks. A quote, the common case, is the memo's markup as it is: no copy.
fn evidence<'m>(l: Lang, e: &Evidence, memo: &'m Memo) -> PreEscaped<Cow<'m, str>> {
    match e {
        Evidence::Quote(q) => memo.quote(q),
        Evidence::Misattributed { quote, owner } => PreEscaped(Cow::Owned(
            html! {
                div.misattributed {
                    p.warning { (text::misattributed(l, owner)) }
                    (memo.quote(quote))
                }
            }
            .0,
        )),
        Evidence::Missing(id) => PreEscaped(Cow::Owned(
            html! { p.warning { (id) " (" (T::MissingPosition.get(l)) ")" } }.0,
        )),
    }
}

/// The flagged cells, evidence that is not the words of the cell's stakeholder, and the orphan
/// cells.
fn review(r: &Report, memo: &Memo) -> Markup {
    let l = r.lang;
    let rv = &r.review;
    html! {
        section #review {
            h2 { (T::Review.get(l)) }
            p { (T::ReviewIntro.get(l)) }
            @if rv.is_empty() { p { (T::NoReview.get(l)) } }
            @if !rv.flagged.is_empty() {
                h3 { (T::ReviewFlagged.get(l)) " (" (rv.flagged.len()) ")" }
                ul.plain {
                    @for f in &rv.flagged {
                        li {
                            (measure_name(l, &f.measure)) " — " strong { (r.stakeholder(f.stakeholder).name) }
                            " — " (text::flags(l, &f.review))
                        }
                    }
                }
            }
            @if !rv.evidence.is_empty() {
                h3 { (T::ReviewEvidence.get(l)) }
                @for f in &rv.evidence {
                    article.cell {
                        h5 { (measure_name(l, &f.measure)) " — " strong { (r.stakeholder(f.stakeholder).name) } }
                        (evidence(l, &f.evidence, memo))
                    }
                }
            }
            @if !rv.orphans.is_empty() {
                h3 { (T::ReviewOrphans.get(l)) " (" (rv.orphans.len()) ")" }
                p { (T::ReviewOrphansIntro.get(l)) }
                ul.plain {
                    @for o in &rv.orphans {
                        li {
                            span.ref { (o.measure) } " × " span.ref { (o.stakeholder) }
                            " — " (memo.badge(o.stance))
                            @if !o.note.is_empty() {
                                " — " span.note-text { (o.note) @if o.note_cut { "…" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The agreement between analysts, when the report compares sessions: who, the statistics,
/// then every cell they tagged differently with each one's stance and note.
fn agreement(r: &Report, memo: &Memo) -> Markup {
    let l = r.lang;
    let Some(a) = &r.agreement else {
        return html! {};
    };
    let s = &a.statistics;
    let names = text::analyst_names(l, &s.analysts);
    let two = s.analysts.len() == 2;
    html! {
        section #agreement {
            h2 { (T::Agreement.get(l)) }
            p.intro { (text::agreement_intro(l, &names, &s.overall)) }
            @if r.header.selection.is_subset() { p.note { (T::AgreementWholeGrid.get(l)) } }
            @if !two { p.note { (T::AlphaTakesMore.get(l)) } }
            table.matrix {
                thead {
                    tr {
                        th scope="col" { (T::AgreementScope.get(l)) }
                        @for c in text::agreement_columns(l, s.analysts.len()) {
                            th.num scope="col" { (c) }
                        }
                    }
                }
                tbody {
                    @for (i, (name, scope)) in text::agreement_scopes(l, s).into_iter().enumerate() {
                        @let cells = html! {
                            th scope="row" { (name) }
                            @for v in text::agreement_row(l, scope, s.analysts.len()) {
                                td.num { (v) }
                            }
                        };
                        @if i == 0 { tr.overall { (cells) } } @else { tr { (cells) } }
                    }
                }
            }
            @if two { p.note { (T::WeightedKappaKey.get(l)) } }
            p.note { (T::UndefinedStatistic.get(l)) }
            h3 { (T::Disagreements.get(l)) " (" (a.disagreements.len()) ")" }
            p.intro { (T::DisagreementsIntro.get(l)) }
            @if a.disagreements.is_empty() { p { (T::NoDisagreements.get(l)) } }
            @for e in &a.disagreements {
                article.cell {
                    h5 { (measure_name(l, &e.measure)) " — " strong { (r.stakeholder(e.cell.stakeholder).name) } }
                    ul.plain {
                        @for (name, j) in names.iter().zip(e.cell.judgements()) {
                            li {
                                strong { (text::colon(l, name)) } " " (memo.badge(j.stance))
                                @if !j.note.trim().is_empty() {
                                    " — " span.note-text { (j.note) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn gap_entry(l: Lang, e: &CellEntry, memo: &Memo) -> Markup {
    html! {
        article.cell.(class(e.cell.stance)) {
            h5 { (memo.badge(e.cell.stance)) " " (measure_name(l, &e.measure)) }
            (cell_body(l, &e.cell, memo))
        }
    }
}

/// The points of friction, each measure with the cells of both sides; then the consensus.
fn frictions(r: &Report, memo: &Memo) -> Markup {
    let l = r.lang;
    html! {
        section #frictions {
            h2 { (T::Frictions.get(l)) }
            p.intro { (T::FrictionsIntro.get(l)) }
            @if r.frictions.is_empty() { p { (T::NoFrictions.get(l)) } }
            @for f in &r.frictions {
                @let m = r.measure_at(f.at);
                article.measure {
                    h3 { (measure_name(l, &m.measure)) }
                    @for c in m.cells.iter().filter(|c| Stance::is_judgement(c.stance)) {
                        div.cell.(class(c.stance)) {
                            h5 {
                                span.who { (r.stakeholder(c.stakeholder).name) }
                                " " (memo.badge(c.stance))
                            }
                            (cell_body(l, c, memo))
                        }
                    }
                }
            }
            h3 { (T::Consensus.get(l)) }
            p.intro { (T::ConsensusIntro.get(l)) }
            @if r.consensus.is_empty() { p { (T::NoConsensus.get(l)) } }
            @else {
                ul {
                    @for at in &r.consensus { li { (measure_name(l, &r.measure_at(*at).measure)) } }
                }
            }
        }
    }
}

fn gaps(r: &Report, memo: &Memo) -> Markup {
    let l = r.lang;
    html! {
        section #gaps {
            h2 { (T::Gaps.get(l)) }
            p.intro { (T::GapsIntro.get(l)) }
            @if r.gaps.is_empty() { p { (T::NoGaps.get(l)) } }
            @else { (none_for(r, T::NoGapsFor, r.gaps.iter().map(|g| g.stakeholder))) }
            @for g in &r.gaps {
                section.stakeholder {
                    h3 {
                        (r.stakeholder(g.stakeholder).name)
                        " " span.count { (text::gap_counts(l, g.gaps.len(), g.partials.len())) }
                    }
                    @if let Some(text) = r.stakeholder(g.stakeholder).synthesis {
                        p.synthesis { strong { (T::SynthesisLead.get(l)) } " " (text) }
                    }
                    @if !g.gaps.is_empty() {
                        h4 { (T::GapCells.get(l)) }
                        @for e in &g.gaps { (gap_entry(l, e, memo)) }
                    }
                    @if !g.partials.is_empty() {
                        h4 { (T::PartialCells.get(l)) }
                        @for e in &g.partials { (gap_entry(l, e, memo)) }
                    }
                }
            }
            // A stakeholder without gaps keeps its synthesis, under its name.
            @for (i, s) in r.stakeholders.iter().enumerate() {
                @if let Some(text) = s.synthesis.filter(|_| r.gaps.iter().all(|g| g.stakeholder != i)) {
                    section.stakeholder {
                        h3 { (s.name) }
                        p.synthesis { strong { (T::SynthesisLead.get(l)) } " " (text) }
                    }
                }
            }
        }
    }
}

/// The line naming the stakeholders a section lists nothing for (`listed` are the others).
fn none_for(r: &Report, what: T, listed: impl IntoIterator<Item = usize>) -> Markup {
    let others = r.stakeholders_not_in(listed);
    html! {
        @if !others.is_empty() { p.none { (text::none_for(r.lang, what, &others)) } }
    }
}

fn unanswered(r: &Report, memo: &Memo) -> Markup {
    let l = r.lang;
    html! {
        section #unanswered {
            h2 { (T::Unanswered.get(l)) }
            p.intro { (T::UnansweredIntro.get(l)) }
            @if r.unanswered.is_empty() { p { (T::NoUnanswered.get(l)) } }
            @else { (none_for(r, T::NoUnansweredFor, r.unanswered.iter().map(|s| s.stakeholder))) }
            @for s in &r.unanswered {
                section.stakeholder {
                    h3 { (r.stakeholder(s.stakeholder).name) " " span.count { "(" (s.demands.len()) ")" } }
                    @for d in &s.demands {
                        article.demand {
                            h5 {
                                (d.quote.title) " "
                                span.ref { (d.kind.label(l)) }
                            }
                            p.reason {
                                @match &d.reason {
                                    Unanswered::NoMeasure => { (T::NoMeasureAnswers.get(l)) }
                                    Unanswered::OnlyGaps(measures) => {
                                        (T::OnlyGapsAnswer.get(l)) " "
                                        @for (i, m) in measures.iter().enumerate() {
                                            @if i > 0 { ", " }
                                            (measure_name(l, m))
                                        }
                                    }
                                }
                            }
                            (memo.quote(&d.quote))
                        }
                    }
                }
            }
        }
    }
}

fn silences(r: &Report) -> Markup {
    let l = r.lang;
    let (heading, none) = text::silent_measures(l, &r.header.selection);
    html! {
        section #silences {
            h2 { (T::Silences.get(l)) }
            h3 { (heading) }
            p.intro { (T::SilentMeasuresIntro.get(l)) }
            @if r.silences.measures.is_empty() { p { (none) } }
            @else {
                ul.plain {
                    @for m in &r.silences.measures {
                        li {
                            (measure_name(l, &m.measure))
                            @if m.unassessed > 0 { " " span.provisional { (text::provisional(l, m.unassessed)) } }
                        }
                    }
                }
            }
            h3 { (T::SilentPillars.get(l)) }
            p.intro { (T::SilentPillarsIntro.get(l)) }
            @if r.silences.pillars.is_empty() { p { (T::NoSilentPillars.get(l)) } }
            @else {
                ul.plain {
                    @for s in &r.silences.pillars {
                        li {
                            strong { (r.stakeholder(s.stakeholder).name) }
                            " — " (text::colon(l, &text::pillar(l, r.pillars[s.pillar].number)))
                            " " (r.pillars[s.pillar].title)
                            @if s.unassessed > 0 { " " span.provisional { (text::provisional(l, s.unassessed)) } }
                        }
                    }
                }
            }
        }
    }
}

fn unassessed(r: &Report) -> Markup {
    let l = r.lang;
    html! {
        section #unassessed {
            h2 { (T::Unassessed.get(l)) }
            @if r.unassessed.is_empty() { p { (T::NoUnassessed.get(l)) } }
            @else {
                p { (text::unassessed_count(l, r.unassessed_count(), r.header.total)) }
                ul.plain {
                    @for u in &r.unassessed {
                        li {
                            strong { (r.stakeholder(u.stakeholder).name) } " (" (u.measures.len()) ") "
                            @for (i, m) in u.measures.iter().enumerate() {
                                @if i > 0 { ", " }
                                span.ref title=(m.title) { (m.id) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The detail, written into `page` measure by measure.
fn detail(r: &Report, memo: &Memo, page: &mut Page) {
    let l = r.lang;
    page.tags("<section id=\"detail\">");
    page.push(&html! { h2 { (T::Detail.get(l)) } });
    for p in &r.pillars {
        page.tags(&format!(
            "<section class=\"pillar\" id=\"pillar-{}\">",
            p.number
        ));
        page.push(&html! { h3 { (text::pillar(l, p.number)) " — " (p.title) } });
        for m in &p.measures {
            page.push(&html! {
                article.measure {
                    h4 { (m.measure.title) " " span.ref { (m.measure.id) } }
                    @if let Some(text) = m.synthesis {
                        p.synthesis { strong { (T::SynthesisLead.get(l)) } " " (text) }
                    }
                    @if !m.summary.trim().is_empty() { p.summary { (m.summary) } }
                    @for c in &m.cells {
                        div.cell.(class(c.stance)) {
                            h5 {
                                span.who { (r.stakeholder(c.stakeholder).name) }
                                " " (memo.badge(c.stance))
                            }
                            (cell_body(l, c, memo))
                        }
                    }
                }
            });
        }
        page.tags("</section>");
    }
    page.tags("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_sheet_has_no_markup_so_line_breaking_the_page_is_safe() {
        assert!(!CSS.contains('<'));
    }

    #[test]
    fn block_elements_start_lines_and_inline_ones_do_not() {
        let mut page = Page {
            text: String::new(),
        };
        page.tags("<div><p>a <span>b</span> &lt;p&gt;</p><pre>c</pre></div>");
        assert_eq!(
            page.text,
            "\n<div>\n<p>a <span>b</span> &lt;p&gt;</p><pre>c</pre></div>"
        );
    }
}
