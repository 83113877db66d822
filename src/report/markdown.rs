//! The report as Markdown: the standard syntax plus GitHub-style tables, readable as plain text too. Every string
//! that comes from the session is escaped, so a note cannot open a table cell, a heading, a link
//! or raw HTML.

use crate::model::PositionId;
use crate::report::text::{self, T};
use crate::report::{CellReport, Evidence, MeasureRef, Quote, Report, StanceCounts, Unanswered};
use crate::{i18n::Lang, model::Stance};
use foldhash::HashMap;
use std::fmt::Write;

/// The report as a Markdown document.
#[must_use]
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let mut memo = Memo::new(report);
    header(&mut out, report);
    glance(&mut out, report);
    method(&mut out, report);
    matrix(&mut out, report);
    if let Some(text) = report.synthesis {
        let l = lang(report);
        let _ = writeln!(
            out,
            "## {}

{}
",
            T::DossierSynthesis.get(l),
            escape(text)
        );
    }
    // The detail, the largest part, is written on a second core (with a memo of its own) while
    // this one writes the rest; the text is the same either way.
    let detail_text = std::thread::scope(|scope| {
        let detail_part = report.include_detail.then(|| {
            scope.spawn(|| {
                let mut part = String::new();
                detail(&mut part, report, &mut Memo::new(report));
                part
            })
        });
        gaps(&mut out, report, &mut memo);
        frictions(&mut out, report, &mut memo);
        unanswered(&mut out, report, &mut memo);
        silences(&mut out, report);
        unassessed(&mut out, report);
        review(&mut out, report, &mut memo);
        agreement(&mut out, report, &memo);
        detail_part.map(|part| {
            part.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    });
    if let Some(text) = detail_text {
        out.push_str(&text);
    }
    sources(&mut out, report);
    out
}

/// Texts the report repeats, escaped once: a stakeholder's name heads each of its cells, and a
/// position's quote backs many cells.
struct Memo<'a> {
    /// The stakeholders' names, in [`Report::stakeholders`] order.
    names: Vec<String>,
    /// Each quote's two lines: the excerpt, and where it comes from.
    quotes: HashMap<&'a PositionId, (String, String)>,
}

impl<'a> Memo<'a> {
    fn new(r: &Report<'a>) -> Self {
        Self {
            names: r.stakeholders.iter().map(|s| escape(s.name)).collect(),
            quotes: HashMap::default(),
        }
    }

    fn quote(&mut self, l: Lang, q: &Quote<'a>) -> &(String, String) {
        self.quotes.entry(q.position).or_insert_with(|| {
            (
                escape(&text::quoted(l, q.excerpt)),
                escape(&text::source(l, q)),
            )
        })
    }
}

/// Session text as one Markdown paragraph line: runs of ASCII whitespace (newlines included)
/// become one space — a non-breaking space stays, French typography needs it — and every
/// character Markdown could read as syntax is backslash-escaped, including what renderers that
/// link bare addresses (GitHub's autolinks) would make a link of: the `:` of `://`, the `.` of
/// `www.` and every `@`.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for (i, word) in s.split_ascii_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        } else if word.starts_with(['#', '-', '+', '=']) {
            // A heading, list item or setext underline; `>` is escaped everywhere below.
            out.push('\\');
        }
        // Copy the runs between syntax characters whole: they are ASCII, so every index found
        // is a character boundary.
        let mut run = 0;
        for (at, b) in word.bytes().enumerate() {
            let autolink = match b {
                b':' => word[at..].starts_with("://"),
                b'.' => at >= 3 && word.as_bytes()[at - 3..at].eq_ignore_ascii_case(b"www"),
                b'@' => true,
                _ => false,
            };
            if autolink
                || matches!(
                    b,
                    b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' | b'&'
                )
            {
                out.push_str(&word[run..at]);
                out.push('\\');
                run = at;
            }
        }
        out.push_str(&word[run..]);
    }
    // "1. x" or "1) x" at the start would begin an ordered list.
    if let Some(end) = out.find(|c: char| !c.is_ascii_digit())
        && end > 0
        && matches!(out.as_bytes().get(end), Some(b'.' | b')'))
    {
        out.insert(end, '\\');
    }
    out
}

/// Session text of several lines (a note, a summary) as Markdown that keeps its line breaks:
/// each line escaped as by [`escape`], lines joined by a hard break (a backslash at the end of
/// the line), blank lines kept as paragraph breaks; every line after the first starts with
/// `indent`, the indentation of the block it belongs to.
#[must_use]
pub fn escape_lines(s: &str, indent: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut paragraph_open = false;
    let mut pending_break = false;
    for line in s.lines() {
        let line = escape(line);
        if line.is_empty() {
            pending_break |= paragraph_open;
            paragraph_open = false;
            continue;
        }
        if pending_break {
            let _ = write!(out, "\n\n{indent}");
            pending_break = false;
        } else if paragraph_open {
            let _ = write!(out, "\\\n{indent}");
        }
        out.push_str(&line);
        paragraph_open = true;
    }
    out
}

fn lang(report: &Report) -> Lang {
    report.lang
}

fn header(out: &mut String, r: &Report) {
    let l = lang(r);
    let h = &r.header;
    let _ = writeln!(out, "# {} — {}\n", T::Title.get(l), escape(h.dossier_title));
    let item = |label: T, value: &str| format!("- **{}** {value}\n", text::colon(l, label.get(l)));
    out.push_str(&item(T::Session, &escape(h.session_name)));
    out.push_str(&item(T::Analyst, &escape(text::analyst(l, h.analyst))));
    out.push_str(&item(
        T::Modified,
        &escape(&crate::i18n::stamp_date(l, h.modified)),
    ));
    out.push_str(&item(
        T::Completion,
        &text::completion(l, h.assessed, h.total),
    ));
    for row in &r.matrix {
        let _ = writeln!(
            out,
            "  - {} {}",
            text::colon(l, &escape(r.stakeholder(row.stakeholder).name)),
            text::fraction(l, row.overall.assessed(), row.overall.total())
        );
    }
    if let Some(subset) = text::subset(
        l,
        (h.selection.stakeholders, h.selection.all_stakeholders),
        (h.selection.pillars, h.selection.all_pillars),
    ) {
        let _ = writeln!(out, "\n{}", escape(&subset));
    }
    if h.orphans > 0 {
        let _ = writeln!(out, "\n{}", escape(&text::orphans(l, h.orphans)));
    }
    if let Some(note) = text::inferred_pillars(l, h.inferred_pillars, h.measures) {
        let _ = writeln!(out, "\n{}", escape(&note));
    }
    let key: Vec<String> = Stance::ALL
        .iter()
        .map(|s| Some(*s))
        .chain([None])
        .map(|s| text::stance(l, s))
        .collect();
    let _ = writeln!(
        out,
        "\n**{}** {}\n",
        text::colon(l, T::Key.get(l)),
        key.join(" · ")
    );
}

fn matrix(out: &mut String, r: &Report) {
    let l = lang(r);
    let _ = writeln!(out, "## {}\n", T::Summary.get(l));
    for p in &r.pillars {
        let _ = writeln!(
            out,
            "- **{}** {}",
            text::colon(l, &text::pillar(l, p.number)),
            escape(p.title)
        );
    }
    out.push('\n');
    let mut head = vec![
        T::Stakeholder.get(l).to_owned(),
        T::Pillar.get(l).to_owned(),
    ];
    head.extend(Stance::ALL.iter().map(|s| text::stance(l, Some(*s))));
    head.push(text::stance(l, None));
    head.push(T::Total.get(l).to_owned());
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "| --- | --- |{}", " ---: |".repeat(head.len() - 2));
    let counts = |c: &StanceCounts, bold: bool| -> String {
        let cells: Vec<usize> = Stance::ALL
            .iter()
            .map(|s| c.get(*s))
            .chain([c.unassessed, c.total()])
            .collect();
        let cells: Vec<String> = cells
            .iter()
            .map(|n| {
                if bold {
                    format!("**{n}**")
                } else {
                    n.to_string()
                }
            })
            .collect();
        cells.join(" | ")
    };
    for row in &r.matrix {
        let name = escape(r.stakeholder(row.stakeholder).name);
        for (p, c) in r.pillars.iter().zip(&row.per_pillar) {
            let _ = writeln!(
                out,
                "| {name} | {} | {} |",
                text::pillar(l, p.number),
                counts(c, false)
            );
        }
        let _ = writeln!(
            out,
            "| **{name}** | **{}** | {} |",
            T::Overall.get(l),
            counts(&row.overall, true)
        );
    }
    out.push('\n');
}

/// `Title (id, Pilier 2)`.
fn measure_name(l: Lang, m: &MeasureRef) -> String {
    format!(
        "**{}** ({}, {})",
        escape(m.title),
        escape(m.id.as_str()),
        text::pillar(l, m.pillar)
    )
}

/// The note, review flags, labels and quotes of a cell, as paragraphs of the list item just written.
fn cell_body<'a>(out: &mut String, l: Lang, cell: &CellReport<'a>, memo: &mut Memo<'a>) {
    if !cell.note.trim().is_empty() {
        let _ = writeln!(out, "\n  {}", escape_lines(cell.note, "  "));
    }
    if !cell.review.is_empty() {
        let _ = writeln!(
            out,
            "\n  *{}* {}",
            text::colon(l, T::Flags.get(l)),
            escape(&text::flags(l, &cell.review))
        );
    }
    if !cell.labels.is_empty() {
        let labels: Vec<String> = cell.labels.iter().map(|s| escape(s)).collect();
        let _ = writeln!(
            out,
            "\n  *{}* {}",
            text::colon(l, T::Labels.get(l)),
            labels.join(", ")
        );
    }
    // The stakeholder's own quotes (and missing positions) first; another stakeholder's words
    // after them, each under its mark, never among the cell's quotes.
    let (foreign, own): (Vec<&Evidence>, Vec<&Evidence>) = cell
        .evidence
        .iter()
        .partition(|e| matches!(e, Evidence::Misattributed { .. }));
    for e in own.into_iter().chain(foreign) {
        out.push('\n');
        quote_block(out, l, e, "  ", memo);
    }
    if cell.is_unsupported() {
        let _ = writeln!(out, "\n  **{}**", T::NoQuote.get(l));
    }
    out.push('\n');
}

fn quote_block<'a>(out: &mut String, l: Lang, e: &Evidence<'a>, indent: &str, memo: &mut Memo<'a>) {
    match e {
        Evidence::Quote(q) => {
            let (excerpt, source) = memo.quote(l, q);
            let _ = writeln!(out, "{indent}> {excerpt}\n{indent}> — {source}");
        }
        Evidence::Misattributed { quote, owner } => {
            let mark = escape(&text::misattributed(l, owner));
            let (excerpt, source) = memo.quote(l, quote);
            let _ = writeln!(
                out,
                "{indent}**{mark}**\n\n{indent}> {excerpt}\n{indent}> — {source}"
            );
        }
        Evidence::Missing(id) => {
            let _ = writeln!(
                out,
                "{indent}> {} ({})",
                escape(id.as_str()),
                T::MissingPosition.get(l)
            );
        }
    }
}

/// Evidence that is not the words of the cell's stakeholder, and the orphan cells.
fn review<'a>(out: &mut String, r: &Report<'a>, memo: &mut Memo<'a>) {
    let l = lang(r);
    let rv = &r.review;
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        T::Review.get(l),
        T::ReviewIntro.get(l)
    );
    if rv.is_empty() {
        let _ = writeln!(out, "{}\n", T::NoReview.get(l));
        return;
    }
    if !rv.flagged.is_empty() {
        let _ = writeln!(
            out,
            "### {} ({})\n",
            T::ReviewFlagged.get(l),
            rv.flagged.len()
        );
        for f in &rv.flagged {
            let _ = writeln!(
                out,
                "- {} — **{}** — {}",
                measure_name(l, &f.measure),
                memo.names[f.stakeholder],
                escape(&text::flags(l, &f.review))
            );
        }
        out.push('\n');
    }
    if !rv.evidence.is_empty() {
        let _ = writeln!(out, "### {}\n", T::ReviewEvidence.get(l));
        for f in &rv.evidence {
            let _ = writeln!(
                out,
                "- {} — **{}**\n",
                measure_name(l, &f.measure),
                memo.names[f.stakeholder]
            );
            quote_block(out, l, &f.evidence, "  ", memo);
            out.push('\n');
        }
    }
    if !rv.orphans.is_empty() {
        let _ = writeln!(
            out,
            "### {} ({})\n\n{}\n",
            T::ReviewOrphans.get(l),
            rv.orphans.len(),
            T::ReviewOrphansIntro.get(l)
        );
        for o in &rv.orphans {
            let _ = write!(
                out,
                "- {} × {} — {}",
                escape(o.measure.as_str()),
                escape(o.stakeholder.as_str()),
                text::stance(l, o.stance)
            );
            if !o.note.is_empty() {
                let more = if o.note_cut { "…" } else { "" };
                let _ = write!(out, " — {}{more}", escape(o.note));
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

/// The agreement between analysts, when the report compares sessions: who, the statistics,
/// then every cell they tagged differently with each one's stance and note.
fn agreement(out: &mut String, r: &Report, memo: &Memo) {
    let Some(a) = &r.agreement else { return };
    let l = lang(r);
    let s = &a.statistics;
    let names: Vec<String> = text::analyst_names(l, &s.analysts)
        .iter()
        .map(|n| escape(n))
        .collect();
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        T::Agreement.get(l),
        escape(&text::agreement_intro(
            l,
            &text::analyst_names(l, &s.analysts),
            &s.overall
        ))
    );
    if r.header.selection.is_subset() {
        let _ = writeln!(out, "{}\n", escape(T::AgreementWholeGrid.get(l)));
    }
    if s.analysts.len() > 2 {
        let _ = writeln!(out, "{}\n", escape(T::AlphaTakesMore.get(l)));
    }
    let columns = text::agreement_columns(l, s.analysts.len());
    let _ = writeln!(
        out,
        "| {} | {} |\n| --- |{}",
        T::AgreementScope.get(l),
        columns.join(" | "),
        " ---: |".repeat(columns.len())
    );
    for (i, (name, scope)) in text::agreement_scopes(l, s).into_iter().enumerate() {
        let values = text::agreement_row(l, scope, s.analysts.len());
        if i == 0 {
            let values: Vec<String> = values.iter().map(|v| format!("**{v}**")).collect();
            let _ = writeln!(out, "| **{}** | {} |", escape(&name), values.join(" | "));
        } else {
            let _ = writeln!(out, "| {} | {} |", escape(&name), values.join(" | "));
        }
    }
    out.push('\n');
    if s.analysts.len() == 2 {
        let _ = writeln!(out, "{}\n", escape(T::WeightedKappaKey.get(l)));
    }
    let _ = writeln!(out, "{}\n", escape(T::UndefinedStatistic.get(l)));
    let _ = writeln!(
        out,
        "### {} ({})\n\n{}\n",
        T::Disagreements.get(l),
        a.disagreements.len(),
        T::DisagreementsIntro.get(l)
    );
    if a.disagreements.is_empty() {
        let _ = writeln!(out, "{}\n", escape(T::NoDisagreements.get(l)));
        return;
    }
    for e in &a.disagreements {
        let _ = writeln!(
            out,
            "- {} — **{}**",
            measure_name(l, &e.measure),
            memo.names[e.cell.stakeholder]
        );
        for (name, j) in names.iter().zip(e.cell.judgements()) {
            let _ = write!(
                out,
                "  - **{}** {}",
                text::colon(l, name),
                text::stance(l, j.stance)
            );
            if !j.note.trim().is_empty() {
                let _ = write!(out, " — {}", escape_lines(j.note, "    "));
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

fn gaps<'a>(out: &mut String, r: &Report<'a>, memo: &mut Memo<'a>) {
    let l = lang(r);
    let _ = writeln!(out, "## {}\n\n{}\n", T::Gaps.get(l), T::GapsIntro.get(l));
    if r.gaps.is_empty() {
        let _ = writeln!(out, "{}\n", T::NoGaps.get(l));
    } else {
        none_for(out, r, T::NoGapsFor, r.gaps.iter().map(|g| g.stakeholder));
    }
    for g in &r.gaps {
        let _ = writeln!(
            out,
            "### {} — {}\n",
            escape(r.stakeholder(g.stakeholder).name),
            text::gap_counts(l, g.gaps.len(), g.partials.len())
        );
        synthesis(out, l, r.stakeholder(g.stakeholder).synthesis);
        for (stance, list) in [(Stance::Gap, &g.gaps), (Stance::Partial, &g.partials)] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "#### {}\n", text::stance(l, Some(stance)));
            for entry in list {
                let _ = writeln!(out, "- {}", measure_name(l, &entry.measure));
                cell_body(out, l, &entry.cell, memo);
            }
        }
    }
    // A stakeholder without gaps keeps its synthesis, under its name.
    for (i, s) in r.stakeholders.iter().enumerate() {
        if s.synthesis.is_some() && r.gaps.iter().all(|g| g.stakeholder != i) {
            let _ = writeln!(out, "### {}\n", escape(s.name));
            synthesis(out, l, s.synthesis);
        }
    }
}

/// The points of friction, each measure with the cells of both sides and their quotes; then
/// the consensus.
fn frictions<'a>(out: &mut String, r: &Report<'a>, memo: &mut Memo<'a>) {
    let l = lang(r);
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        T::Frictions.get(l),
        T::FrictionsIntro.get(l)
    );
    if r.frictions.is_empty() {
        let _ = writeln!(out, "{}\n", T::NoFrictions.get(l));
    }
    for f in &r.frictions {
        let m = r.measure_at(f.at);
        let _ = writeln!(out, "### {}\n", measure_name(l, &m.measure));
        for cell in m.cells.iter().filter(|c| Stance::is_judgement(c.stance)) {
            let _ = writeln!(
                out,
                "- **{}** {}",
                text::colon(l, &memo.names[cell.stakeholder]),
                text::stance(l, cell.stance)
            );
            cell_body(out, l, cell, memo);
        }
    }
    let _ = writeln!(
        out,
        "### {}\n\n{}\n",
        T::Consensus.get(l),
        T::ConsensusIntro.get(l)
    );
    if r.consensus.is_empty() {
        let _ = writeln!(out, "{}\n", T::NoConsensus.get(l));
    }
    for at in &r.consensus {
        let _ = writeln!(out, "- {}", measure_name(l, &r.measure_at(*at).measure));
    }
    if !r.consensus.is_empty() {
        out.push('\n');
    }
}

/// A synthesis at the head of its section: nothing when none is written (no empty heading).
fn synthesis(out: &mut String, l: Lang, text: Option<&str>) {
    if let Some(text) = text {
        let _ = writeln!(out, "**{}** {}\n", T::SynthesisLead.get(l), escape(text));
    }
}

/// The line naming the stakeholders a section lists nothing for (`listed` are the others).
fn none_for(out: &mut String, r: &Report, what: T, listed: impl IntoIterator<Item = usize>) {
    let others = r.stakeholders_not_in(listed);
    if !others.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&text::none_for(lang(r), what, &others)));
    }
}

fn unanswered<'a>(out: &mut String, r: &Report<'a>, memo: &mut Memo<'a>) {
    let l = lang(r);
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        T::Unanswered.get(l),
        T::UnansweredIntro.get(l)
    );
    if r.unanswered.is_empty() {
        let _ = writeln!(out, "{}\n", T::NoUnanswered.get(l));
    } else {
        none_for(
            out,
            r,
            T::NoUnansweredFor,
            r.unanswered.iter().map(|s| s.stakeholder),
        );
    }
    for s in &r.unanswered {
        let _ = writeln!(
            out,
            "### {} ({})\n",
            escape(r.stakeholder(s.stakeholder).name),
            s.demands.len()
        );
        for d in &s.demands {
            let reason = match &d.reason {
                Unanswered::NoMeasure => T::NoMeasureAnswers.get(l).to_owned(),
                Unanswered::OnlyGaps(measures) => {
                    let names: Vec<String> = measures.iter().map(|m| measure_name(l, m)).collect();
                    format!("{} {}", T::OnlyGapsAnswer.get(l), names.join(", "))
                }
            };
            let _ = writeln!(
                out,
                "- **{}** ({}) — {reason}\n",
                escape(d.quote.title),
                d.kind.label(l)
            );
            quote_block(out, l, &Evidence::Quote(d.quote), "  ", memo);
            out.push('\n');
        }
    }
}

fn silences(out: &mut String, r: &Report) {
    let l = lang(r);
    let (heading, none) = text::silent_measures(l, &r.header.selection);
    let _ = writeln!(out, "## {}\n", T::Silences.get(l));
    let _ = writeln!(out, "### {heading}\n\n{}\n", T::SilentMeasuresIntro.get(l));
    if r.silences.measures.is_empty() {
        let _ = writeln!(out, "{none}");
    }
    for m in &r.silences.measures {
        let _ = write!(out, "- {}", measure_name(l, &m.measure));
        if m.unassessed > 0 {
            let _ = write!(out, " {}", text::provisional(l, m.unassessed));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\n### {}\n\n{}\n",
        T::SilentPillars.get(l),
        T::SilentPillarsIntro.get(l)
    );
    if r.silences.pillars.is_empty() {
        let _ = writeln!(out, "{}", T::NoSilentPillars.get(l));
    }
    for s in &r.silences.pillars {
        let p = &r.pillars[s.pillar];
        let _ = write!(
            out,
            "- **{}** — {} {}",
            escape(r.stakeholder(s.stakeholder).name),
            text::colon(l, &text::pillar(l, p.number)),
            escape(p.title)
        );
        if s.unassessed > 0 {
            let _ = write!(out, " {}", text::provisional(l, s.unassessed));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn sources(out: &mut String, r: &Report) {
    let l = lang(r);
    let _ = writeln!(out, "## {}\n", T::Sources.get(l));
    if r.sources.is_empty() {
        let _ = writeln!(out, "{}", T::NoSources.get(l));
        checks(out, r);
        return;
    }
    let _ = writeln!(out, "{}\n", T::SourcesIntro.get(l));
    for s in &r.sources {
        let _ = write!(out, "- {}", escape(&text::source_entry(l, s)));
        match s.url {
            Some(url) if text::is_web_link(url) => {
                let _ = write!(out, " <{}>", url.trim());
            }
            Some(url) => {
                let _ = write!(out, " {}", escape(url));
            }
            None => {}
        }
        if let Some(file) = s.file {
            let _ = write!(
                out,
                " ({} `{}`)",
                text::colon(l, T::CheckedCopy.get(l)),
                file.replace('`', "'")
            );
        }
        out.push('\n');
    }
    checks(out, r);
}

/// The verification of the dossier's citations: the count, each source's, each citation not
/// found with the closest passage; one sentence when no source text was read.
fn checks(out: &mut String, r: &Report) {
    let l = lang(r);
    let c = &r.checks;
    if c.tally.total() == 0 {
        return;
    }
    let _ = writeln!(out, "\n### {}\n", T::ChecksHeading.get(l));
    if !c.any_text() {
        let _ = writeln!(out, "{}", escape(T::NotChecked.get(l)));
        return;
    }
    let _ = writeln!(out, "{}\n", escape(T::ChecksIntro.get(l)));
    let _ = writeln!(
        out,
        "**{}.**\n",
        escape(&text::verified_counts(l, &c.tally))
    );
    for s in &c.sources {
        let _ = writeln!(out, "- {}.", escape(&text::source_checks(l, s)));
        for n in &s.not_found {
            let (first, second) = text::not_found(l, n);
            let _ = writeln!(out, "  - {}\\\n    {}", escape(&first), escape(&second));
        }
    }
}

fn glance(out: &mut String, r: &Report) {
    let l = lang(r);
    let _ = writeln!(out, "## {}\n", T::Glance.get(l));
    for line in super::glance::lines(r) {
        let _ = writeln!(
            out,
            "- **{}** {}",
            text::colon(l, line.label),
            escape(&line.body)
        );
    }
    out.push('\n');
}

fn method(out: &mut String, r: &Report) {
    let l = lang(r);
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        T::Method.get(l),
        T::MethodIntro.get(l)
    );
    for (label, meaning) in text::method(l) {
        let _ = writeln!(out, "- **{}** {meaning}", text::colon(l, label));
    }
    out.push('\n');
    if r.stakeholders.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", T::WhoIsWho.get(l));
    for s in &r.stakeholders {
        let who = text::who(l, s);
        if who.is_empty() {
            let _ = writeln!(out, "- **{}**", escape(s.name));
        } else {
            let _ = writeln!(out, "- **{}** — {}", escape(s.name), escape(&who));
        }
    }
    out.push('\n');
}

fn unassessed(out: &mut String, r: &Report) {
    let l = lang(r);
    let _ = writeln!(out, "## {}\n", T::Unassessed.get(l));
    if r.unassessed.is_empty() {
        let _ = writeln!(out, "{}\n", T::NoUnassessed.get(l));
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        text::unassessed_count(l, r.unassessed_count(), r.header.total)
    );
    for u in &r.unassessed {
        let ids: Vec<String> = u.measures.iter().map(|m| escape(m.id.as_str())).collect();
        let _ = writeln!(
            out,
            "- **{}** ({}) {}",
            text::colon(l, &escape(r.stakeholder(u.stakeholder).name)),
            u.measures.len(),
            ids.join(", ")
        );
    }
    out.push('\n');
}

fn detail<'a>(out: &mut String, r: &Report<'a>, memo: &mut Memo<'a>) {
    let l = lang(r);
    let _ = writeln!(out, "## {}\n", T::Detail.get(l));
    for p in &r.pillars {
        let _ = writeln!(
            out,
            "### {} — {}\n",
            text::pillar(l, p.number),
            escape(p.title)
        );
        for m in &p.measures {
            let _ = writeln!(
                out,
                "#### {} ({})\n",
                escape(m.measure.title),
                escape(m.measure.id.as_str())
            );
            synthesis(out, l, m.synthesis);
            if !m.summary.trim().is_empty() {
                let _ = writeln!(out, "{}\n", escape(m.summary));
            }
            for cell in &m.cells {
                let _ = writeln!(
                    out,
                    "- **{}** {}",
                    text::colon(l, &memo.names[cell.stakeholder]),
                    text::stance(l, cell.stance)
                );
                cell_body(out, l, cell, memo);
            }
        }
    }
}
