//! "En bref": the report's findings in a few lines, the first thing a reader sees, the same in
//! Markdown and HTML. Each line sums up one section and names it, so a decision maker can stop
//! there or follow it down.

use crate::i18n::Lang;
use crate::report::Report;
use crate::report::text::{self, T, plural_en, plural_fr};

/// One line of the glance.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    /// The HTML anchor of the section it sums up.
    pub anchor: &'static str,
    /// The section's name, which starts the line.
    pub label: &'static str,
    /// What the section finds, as a sentence.
    pub body: String,
}

/// The glance of `r`: judgements without a quote (only when there are some), gaps, unanswered
/// demands, silences, unassessed cells.
#[must_use]
pub fn lines(r: &Report) -> Vec<Line> {
    let l = r.lang;
    let mut lines = Vec::new();
    let unsupported = r
        .measures()
        .flat_map(|m| &m.cells)
        .filter(|c| c.is_unsupported())
        .count();
    if unsupported > 0 {
        lines.push(Line {
            anchor: if r.include_detail { "#detail" } else { "#gaps" },
            label: l.pick("Sans citation", "Without a quote"),
            body: match l {
                Lang::Fr => format!(
                    "⚠ {unsupported} appréciation{s} ne repose{nt} sur aucune citation.",
                    s = plural_fr(unsupported),
                    nt = crate::i18n::plural(Lang::Fr, unsupported, "", "nt")
                ),
                Lang::En => format!(
                    "⚠ {unsupported} judgement{s} rest{v} on no quote.",
                    s = plural_en(unsupported),
                    v = crate::i18n::plural(Lang::En, unsupported, "s", "")
                ),
            },
        });
    }
    let gaps = r.gaps.iter().map(|g| {
        (
            g.stakeholder,
            text::gap_counts(l, g.gaps.len(), g.partials.len()),
        )
    });
    lines.push(Line {
        anchor: "#gaps",
        label: T::Gaps.get(l),
        body: per_stakeholder(r, gaps, l.pick("aucun", "none")),
    });
    let unanswered = r
        .unanswered
        .iter()
        .map(|s| (s.stakeholder, s.demands.len().to_string()));
    lines.push(Line {
        anchor: "#unanswered",
        label: T::Unanswered.get(l),
        body: per_stakeholder(r, unanswered, l.pick("aucune", "none")),
    });
    lines.push(Line {
        anchor: "#silences",
        label: T::Silences.get(l),
        body: silences(r),
    });
    let unassessed = r.unassessed_count();
    lines.push(Line {
        anchor: "#unassessed",
        label: T::Unassessed.get(l),
        body: if unassessed == 0 {
            format!("{}.", l.pick("aucune", "none"))
        } else {
            format!("{unassessed} {} {}.", l.pick("sur", "of"), r.header.total)
        },
    });
    lines
}

/// "Uniopss 13 ; CNOM 2 ; aucune pour FHF." — each stakeholder with something, then the others.
fn per_stakeholder(r: &Report, found: impl Iterator<Item = (usize, String)>, none: &str) -> String {
    let l = r.lang;
    let found: Vec<(usize, String)> = found.collect();
    let mut parts: Vec<String> = found
        .iter()
        .map(|(s, what)| format!("{} {what}", r.stakeholder(*s).name))
        .collect();
    let others = r.stakeholders_not_in(found.iter().map(|(s, _)| *s));
    if parts.is_empty() {
        return format!("{none}.");
    }
    if !others.is_empty() {
        parts.push(format!(
            "{none} {} {}",
            l.pick("pour", "for"),
            others.join(", ")
        ));
    }
    format!("{}.", parts.join(l.pick("\u{a0}; ", "; ")))
}

/// "3 mesures sans prise de position ; parties prenantes silencieuses sur un pilier entier :
/// CNOM, FHF."
fn silences(r: &Report) -> String {
    let l = r.lang;
    let measures = r.silences.measures.len();
    let mut stakeholders: Vec<usize> = r.silences.pillars.iter().map(|p| p.stakeholder).collect();
    stakeholders.sort_unstable();
    stakeholders.dedup();
    let selected = r.header.selection.stakeholders < r.header.selection.all_stakeholders;
    let names: Vec<&str> = stakeholders
        .iter()
        .map(|&s| r.stakeholder(s).name)
        .collect();
    match l {
        Lang::Fr => format!(
            "{}\u{a0}; {}.",
            match measures {
                0 => "aucune mesure sans prise de position".to_owned(),
                n => format!("{n} mesure{s} sans prise de position", s = plural_fr(n)),
            } + if selected && measures > 0 {
                " des parties prenantes retenues"
            } else {
                ""
            },
            if names.is_empty() {
                "aucune partie prenante silencieuse sur un pilier entier".to_owned()
            } else {
                format!(
                    "partie{s} prenante{s} silencieuse{s} sur un pilier entier\u{a0}: {}",
                    names.join(", "),
                    s = plural_fr(names.len())
                )
            }
        ),
        Lang::En => format!(
            "{}; {}.",
            match measures {
                0 => "no measure without a position".to_owned(),
                n => format!(
                    "{n} measure{s} no {}stakeholder spoke to",
                    if selected { "selected " } else { "" },
                    s = plural_en(n)
                ),
            },
            if names.is_empty() {
                "no stakeholder silent on a whole pillar".to_owned()
            } else {
                format!(
                    "stakeholder{} silent on a whole pillar: {}",
                    plural_en(names.len()),
                    names.join(", ")
                )
            }
        ),
    }
}
