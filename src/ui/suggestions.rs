//! The *Suggestions* of the detail panel, under the positions the cell cites: the best few
//! positions and passages of the stakeholder for the measure ([`crate::suggest`]), each with the
//! words it shares with the measure marked, its score as a plain bar (against the cell's best),
//! and two buttons — link it as evidence (a passage: open it in the reader, to pick the quote),
//! or dismiss it, remembered in the session. Nothing is linked without a click.

use super::highlight::in_ranges;
use super::i18n::{Text, tr};
use super::message::{Inbox, Message};
use super::shelf::Shelf;
use super::theme;
use crate::i18n::Lang;
use crate::model::{Action, CellId, Dossier};
use crate::suggest::{Suggestion, Target, marks};
use eframe::egui::{self, RichText, Sense, vec2};

/// What the panel offers for the selected cell: its suggestions, and for each proposal of the
/// stakeholder that no measure answers, the measures its words may speak to (best first).
#[derive(Default)]
pub struct Offer {
    /// The cell's suggestions, best first.
    pub list: Vec<Suggestion>,
    /// By unanswered proposal: the measures (indices in the dossier) it may speak to.
    pub answers: std::collections::BTreeMap<crate::model::PositionId, Vec<usize>>,
}

/// Under an unanswered proposal: the measures it may speak to, each a link to its cell, so the
/// analyst checks the « demandes sans réponse » before handing the report on.
pub fn answers(
    ui: &mut egui::Ui,
    d: &Dossier,
    position: &crate::model::Position,
    offer: &Offer,
    stakeholder: usize,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let Some(measures) = offer.answers.get(&position.id).filter(|m| !m.is_empty()) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(tr(lang, Text::MayAnswer))
                .small()
                .color(theme::weak_text(ui.visuals())),
        )
        .on_hover_text(tr(lang, Text::MayAnswerTip));
        for &m in measures {
            let Some(measure) = d.measures.get(m) else {
                continue;
            };
            if ui.small_button(&measure.title).clicked() {
                inbox.push(Message::Select(crate::view::Selection {
                    measure: m,
                    stakeholder,
                }));
            }
        }
    });
}

/// The longest passage shown whole; a longer one is cut at a word (the reader shows it all).
const PASSAGE_CHARS: usize = 400;

/// Draw the suggestions for `cell` (nothing when there are none).
pub fn show(
    ui: &mut egui::Ui,
    d: &Dossier,
    cell: &CellId,
    list: &[Suggestion],
    shelf: &Shelf,
    lang: Lang,
    inbox: &mut Inbox,
) {
    if list.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(tr(lang, Text::Suggestions)).strong())
        .on_hover_text(tr(lang, Text::SuggestionsTip));
    let best = list.first().map_or(1.0, |s| s.score).max(f32::EPSILON);
    for (n, sg) in list.iter().enumerate() {
        ui.push_id(("suggestion", n), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                suggestion(ui, d, cell, sg, sg.score / best, shelf, lang, inbox);
            });
        });
    }
}

#[allow(clippy::too_many_arguments)] // one suggestion's parts
fn suggestion(
    ui: &mut egui::Ui,
    d: &Dossier,
    cell: &CellId,
    sg: &Suggestion,
    share: f32,
    shelf: &Shelf,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let weak = theme::weak_text(ui.visuals());
    ui.horizontal(|ui| {
        score_bar(ui, share);
        let what = match &sg.target {
            Target::Position(p) => d.positions[*p].title.clone(),
            Target::Passage {
                source, paragraph, ..
            } => {
                let src = &d.sources[*source];
                let place = shelf
                    .text(&src.id)
                    .map(|t| t.extracted().place(*paragraph).to_string())
                    .unwrap_or_default();
                format!(
                    "{} {} — {place}",
                    tr(lang, Text::SuggestedPassage),
                    src.title
                )
            }
        };
        ui.add(egui::Label::new(RichText::new(what).strong()).wrap());
    })
    .response
    .on_hover_text(format!(
        "{}: {:.2}",
        tr(lang, Text::SuggestionScore),
        sg.score
    ));
    let text = match &sg.target {
        Target::Position(p) => d.positions[*p].citation.excerpt.clone(),
        Target::Passage {
            source, paragraph, ..
        } => shelf
            .text(&d.sources[*source].id)
            .and_then(|t| t.extracted().paragraphs.get(*paragraph))
            .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default(),
    };
    // Word processors' private-use bullets drawn as bullets, at the same bytes (the reader's
    // rule); the reader is still given the document's own characters.
    let drawn = crate::view::shown(&text);
    let shown = cut(&drawn, PASSAGE_CHARS);
    let ranges = marks(shown, &sg.matched);
    ui.add(egui::Label::new(in_ranges(ui, shown, &ranges, RichText::italics)).wrap());
    // The words as the text writes them (a position's title counts too), not their stems.
    let title = match &sg.target {
        Target::Position(p) => d.positions[*p].title.as_str(),
        Target::Passage { .. } => "",
    };
    let mut written: Vec<String> = Vec::new();
    for part in [title, &*drawn] {
        for r in marks(part, &sg.matched) {
            let w = part[r].to_lowercase();
            if !written.contains(&w) {
                written.push(w);
            }
        }
    }
    ui.label(
        RichText::new(format!(
            "{} {}",
            tr(lang, Text::SuggestionWords),
            written.join(", ")
        ))
        .small()
        .color(weak),
    );
    ui.horizontal(|ui| {
        match &sg.target {
            Target::Position(p) => {
                if ui
                    .button(tr(lang, Text::SuggestionLink))
                    .on_hover_text(tr(lang, Text::SuggestionLinkTip))
                    .clicked()
                {
                    inbox.action(Action::LinkEvidence {
                        cell: cell.clone(),
                        position: d.positions[*p].id.clone(),
                    });
                }
            }
            Target::Passage { source, .. } => {
                if ui
                    .button(tr(lang, Text::SuggestionOpen))
                    .on_hover_text(tr(lang, Text::SuggestionOpenTip))
                    .clicked()
                {
                    inbox.push(Message::Read {
                        source: d.sources[*source].id.clone(),
                        excerpt: Some(text.clone()),
                    });
                }
            }
        }
        if let Some(key) = sg.key(d)
            && ui
                .button(tr(lang, Text::SuggestionDismiss))
                .on_hover_text(tr(lang, Text::SuggestionDismissTip))
                .clicked()
        {
            inbox.action(Action::DismissSuggestion {
                cell: cell.clone(),
                key,
            });
        }
    });
}

/// A plain bar of `share` (0–1) of its width: the score against the cell's best.
fn score_bar(ui: &mut egui::Ui, share: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(48.0, 8.0), Sense::hover());
    let painter = ui.painter();
    let line = theme::weak_text(ui.visuals());
    painter.rect_stroke(
        rect,
        1.0,
        egui::Stroke::new(1.0, line),
        egui::StrokeKind::Inside,
    );
    let mut filled = rect;
    filled.set_width(rect.width() * share.clamp(0.0, 1.0));
    painter.rect_filled(filled, 1.0, line);
}

/// `text` cut to about `max` characters, at a word.
fn cut(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        None => text,
        Some((at, _)) => {
            let end = text[..at].rfind(' ').unwrap_or(at);
            &text[..end]
        }
    }
}
