//! The review of a dossier drafted from a folder of documents (`sources::draft`): each proposed
//! source, stakeholder and measure with a box to keep it and its words to correct, the document
//! to propose measures from, and the warnings; nothing is created until the user says so. What
//! is dropped takes nothing else with it: a source of a dropped stakeholder stays, as nobody's
//! document; a pillar left without measures stays, to fill in the editor.

use super::i18n::{Text, tr};
use crate::i18n::Lang;
use crate::model::Dossier;
use crate::sources::draft::Draft;
use eframe::egui::{self, RichText};
use std::path::PathBuf;

/// A drafted dossier under review.
pub struct DraftReview {
    /// The folder of documents it was drafted from.
    pub folder: PathBuf,
    draft: Draft,
    keep_sources: Vec<bool>,
    keep_stakeholders: Vec<bool>,
    keep_measures: Vec<bool>,
    /// The document measures were proposed from (a source's `file`), as chosen.
    pub measures_from: Option<String>,
}

/// What the user decided.
pub enum ReviewAnswer {
    /// Still reviewing.
    Keep,
    /// Drop the draft.
    Cancel,
    /// Draft again, proposing measures from this document (a source's `file`) or none.
    Redraft(Option<String>),
    /// Create a session on this dossier.
    Create(Box<Dossier>),
}

impl DraftReview {
    /// `draft` of `folder`, everything kept to begin with.
    #[must_use]
    pub fn new(folder: PathBuf, draft: Draft, measures_from: Option<String>) -> Self {
        let d = &draft.dossier;
        Self {
            keep_sources: vec![true; d.sources.len()],
            keep_stakeholders: vec![true; d.stakeholders.len()],
            keep_measures: vec![true; d.measures.len()],
            folder,
            draft,
            measures_from,
        }
    }

    /// Two kept sources a reader could not tell apart, as corrected: the later one's file and
    /// the earlier one's, when their titles and dates are the same.
    fn look_alikes(&self) -> Option<(String, String)> {
        let kept: Vec<_> = self
            .draft
            .dossier
            .sources
            .iter()
            .zip(&self.keep_sources)
            .filter(|(_, keep)| **keep)
            .map(|(s, _)| s)
            .collect();
        kept.iter().enumerate().find_map(|(i, later)| {
            kept[..i]
                .iter()
                .find(|s| s.title.trim() == later.title.trim() && s.date == later.date)
                .map(|first| {
                    (
                        later.file.clone().unwrap_or_default(),
                        first.file.clone().unwrap_or_default(),
                    )
                })
        })
    }

    /// The dossier of what is kept, as corrected.
    fn kept(&self) -> Dossier {
        let mut d = self.draft.dossier.clone();
        let keep = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(true);
        let mut i = 0;
        d.stakeholders.retain(|_| {
            i += 1;
            keep(&self.keep_stakeholders, i - 1)
        });
        let mut i = 0;
        d.measures.retain(|_| {
            i += 1;
            keep(&self.keep_measures, i - 1)
        });
        let quoted: std::collections::BTreeSet<_> = d
            .measures
            .iter()
            .flat_map(|m| m.citations.iter().map(|c| c.source.clone()))
            .collect();
        let mut i = 0;
        d.sources.retain(|s| {
            i += 1;
            // A source a kept measure quotes stays.
            keep(&self.keep_sources, i - 1) || quoted.contains(&s.id)
        });
        for s in &mut d.sources {
            if s.stakeholder
                .as_ref()
                .is_some_and(|x| d.stakeholders.iter().all(|k| &k.id != x))
            {
                s.stakeholder = None;
            }
        }
        d
    }
}

/// Draw the review; the user's decision.
pub fn show(ctx: &egui::Context, review: &mut DraftReview, lang: Lang) -> ReviewAnswer {
    let mut answer = ReviewAnswer::Keep;
    let mut open = true;
    egui::Window::new(tr(lang, Text::DraftTitle))
        .id(egui::Id::unique("draft-review"))
        .open(&mut open)
        .default_size([760.0, 560.0])
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(tr(lang, Text::DraftIntro));
            for w in &review.draft.warnings {
                ui.label(
                    RichText::new(format!("⚠ {}", w.in_lang(lang)))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            let files: Vec<String> = review
                .draft
                .dossier
                .sources
                .iter()
                .filter_map(|s| s.file.clone())
                .collect();
            ui.horizontal(|ui| {
                ui.label(tr(lang, Text::DraftMeasuresFrom));
                let shown = review
                    .measures_from
                    .clone()
                    .unwrap_or_else(|| tr(lang, Text::DraftNoMeasures).to_owned());
                let mut chosen = review.measures_from.clone();
                egui::ComboBox::from_id_salt("draft-measures-from")
                    .selected_text(shown)
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, tr(lang, Text::DraftNoMeasures));
                        for f in &files {
                            ui.selectable_value(&mut chosen, Some(f.clone()), f);
                        }
                    });
                if chosen != review.measures_from {
                    answer = ReviewAnswer::Redraft(chosen);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("draft-list")
                .max_height(ui.available_height() - 40.0)
                .show(ui, |ui| items(ui, review, lang));
            ui.separator();
            ui.horizontal(|ui| {
                let look_alikes = review.look_alikes();
                let create = ui.add_enabled(
                    look_alikes.is_none(),
                    egui::Button::new(tr(lang, Text::DraftCreate)),
                );
                if create.clicked() {
                    answer = ReviewAnswer::Create(Box::new(review.kept()));
                }
                if let Some((later, first)) = look_alikes {
                    ui.label(
                        RichText::new(format!(
                            "⚠ {later} / {first}{}",
                            tr(lang, Text::DraftLookAlikes)
                        ))
                        .color(ui.visuals().warn_fg_color),
                    );
                }
                if ui.button(tr(lang, Text::CancelButton)).clicked() {
                    answer = ReviewAnswer::Cancel;
                }
            });
        });
    if !open {
        answer = ReviewAnswer::Cancel;
    }
    answer
}

/// The box that keeps a proposal, named for screen readers (and tests) by what it keeps.
fn keep_box(ui: &mut egui::Ui, keep: &mut bool, name: &str, lang: Lang) {
    let response = ui.checkbox(keep, "");
    let checked = *keep;
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::accesskit::Role::CheckBox,
            true,
            checked,
            format!("{}\u{a0}: {name}", tr(lang, Text::DraftKeep)),
        )
    });
}

/// The proposals, each kind under its heading, each with its box and its words.
fn items(ui: &mut egui::Ui, review: &mut DraftReview, lang: Lang) {
    let d = &mut review.draft.dossier;
    ui.heading(tr(lang, Text::EditSources));
    for (i, s) in d.sources.iter_mut().enumerate() {
        ui.push_id(("draft-source", i), |ui| {
            ui.horizontal(|ui| {
                let file = s.file.clone().unwrap_or_default();
                keep_box(ui, &mut review.keep_sources[i], &file, lang);
                ui.add(egui::TextEdit::singleline(&mut s.title).desired_width(260.0));
                ui.add(egui::TextEdit::singleline(&mut s.organisation).desired_width(140.0));
                ui.add(egui::TextEdit::singleline(&mut s.date).desired_width(90.0));
                ui.label(
                    RichText::new(s.file.as_deref().unwrap_or_default())
                        .small()
                        .monospace(),
                );
            });
        });
    }
    ui.heading(tr(lang, Text::EditStakeholders));
    if d.stakeholders.is_empty() {
        ui.label(RichText::new(tr(lang, Text::DraftNoStakeholder)).italics());
    }
    for (i, s) in d.stakeholders.iter_mut().enumerate() {
        ui.push_id(("draft-stakeholder", i), |ui| {
            ui.horizontal(|ui| {
                keep_box(ui, &mut review.keep_stakeholders[i], &s.name.clone(), lang);
                ui.add(egui::TextEdit::singleline(&mut s.name).desired_width(200.0));
                ui.add(egui::TextEdit::singleline(&mut s.full_name).desired_width(260.0));
            });
        });
    }
    ui.heading(tr(lang, Text::EditMeasures));
    if d.measures.is_empty() {
        ui.label(RichText::new(tr(lang, Text::DraftNoMeasure)).italics());
    }
    for (i, m) in d.measures.iter_mut().enumerate() {
        ui.push_id(("draft-measure", i), |ui| {
            ui.horizontal(|ui| {
                keep_box(ui, &mut review.keep_measures[i], &m.title.clone(), lang);
                ui.add(egui::TextEdit::singleline(&mut m.title).desired_width(440.0));
                let location = m
                    .citations
                    .first()
                    .and_then(|c| c.location.clone())
                    .unwrap_or_default();
                ui.label(RichText::new(location).small());
            });
        });
    }
}
