//! The heatmap of the HTML report: stakeholders × pillars (and overall), each cell the share of
//! each stance as a stacked bar, with the counts written under it (a symbol and a number per
//! stance: never colour alone). Inline SVG, no script and no network: it prints as it shows.
//! Okabe–Ito hues, safe for the common colour-vision deficiencies.

use crate::i18n::Lang;
use crate::model::Stance;
use crate::report::data::{Report, StanceCounts};
use crate::report::text::{self, T};
use maud::{Markup, html};

/// A cell's size, in SVG units.
const CELL_W: usize = 150;
const CELL_H: usize = 44;
/// The first column (stakeholders' names) and the header row.
const LABEL_W: usize = 130;
const HEAD_H: usize = 24;
const BAR_H: usize = 16;

/// Each class of a cell, in the bar's order: its fill and the symbol written with its count.
const CLASSES: [(Option<Stance>, &str); 5] = [
    (Some(Stance::Agreement), "#009e73"),
    (Some(Stance::Partial), "#e69f00"),
    (Some(Stance::Gap), "#d55e00"),
    (Some(Stance::Silent), "#bbbbbb"),
    (None, "#ffffff"),
];

/// The fill of a cell state's segment, as `rrggbb` (the Word and OpenDocument reports draw
/// their bars in the same colours).
pub(super) fn fill(stance: Option<Stance>) -> &'static str {
    CLASSES
        .iter()
        .find(|(class, _)| *class == stance)
        .map_or("ffffff", |(_, fill)| &fill[1..])
}

fn count(counts: &StanceCounts, class: Option<Stance>) -> usize {
    class.map_or(counts.unassessed, |s| counts.get(s))
}

/// The heatmap of `r`'s summary matrix, or nothing when it has no stakeholder or pillar.
#[must_use]
pub fn heatmap(r: &Report) -> Markup {
    let l = r.lang;
    if r.matrix.is_empty() || r.pillars.is_empty() {
        return html! {};
    }
    let columns = r.pillars.len() + 1;
    let width = LABEL_W + columns * CELL_W;
    let height = HEAD_H + r.matrix.len() * CELL_H;
    let heads: Vec<String> = r
        .pillars
        .iter()
        .map(|p| text::pillar(l, p.number))
        .chain([T::Overall.get(l).to_owned()])
        .collect();
    html! {
        figure.heatmap {
            // Inline in HTML, the SVG needs no namespace (and the report names no address).
            svg role="img"
                viewBox=(format!("0 0 {width} {height}")) width=(width) height=(height)
                aria-label=(T::HeatmapLabel.get(l)) {
                @for (i, head) in heads.iter().enumerate() {
                    text x=(LABEL_W + i * CELL_W + CELL_W / 2) y=(HEAD_H - 8)
                        text-anchor="middle" font-size="12" font-weight="bold" { (head) }
                }
                @for (row, m) in r.matrix.iter().enumerate() {
                    @let y = HEAD_H + row * CELL_H;
                    text x="4" y=(y + CELL_H / 2) font-size="12" font-weight="bold" {
                        (r.stakeholder(m.stakeholder).name)
                    }
                    @for (col, counts) in m.per_pillar.iter().chain([&m.overall]).enumerate() {
                        (cell(l, LABEL_W + col * CELL_W, y, counts))
                    }
                }
            }
            figcaption { (T::HeatmapCaption.get(l)) }
        }
    }
}

/// One cell at `(x, y)`: the stacked bar of the shares, then each count with its symbol.
fn cell(lang: Lang, x: usize, y: usize, counts: &StanceCounts) -> Markup {
    let total = counts.total().max(1);
    let bar_w = CELL_W - 10;
    let mut at = x + 5;
    let mut segments = Vec::new();
    for (class, fill) in CLASSES {
        let many = count(counts, class);
        if many == 0 {
            continue;
        }
        let width = (many * bar_w).div_ceil(total).min(x + 5 + bar_w - at);
        segments.push((at, width, fill, class, many));
        at += width;
    }
    let written: Vec<String> = CLASSES
        .iter()
        .filter_map(|(class, _)| {
            let many = count(counts, *class);
            (many > 0).then(|| format!("{} {many}", text::stance_icon(*class)))
        })
        .collect();
    html! {
        g {
            rect x=(x + 5) y=(y + 4) width=(bar_w) height=(BAR_H) fill="none" stroke="#666666" stroke-width="0.5" {}
            @for (start, width, fill, class, many) in &segments {
                rect x=(start) y=(y + 4) width=(width) height=(BAR_H) fill=(fill) stroke="#666666" stroke-width="0.5" {
                    title { (text::colon(lang, text::stance_label(lang, *class))) " " (many) }
                }
            }
            text x=(x + 5) y=(y + 4 + BAR_H + 14) font-size="11" { (written.join("  ")) }
        }
    }
}
