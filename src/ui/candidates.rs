//! The positions an import proposes (the codings of a REFI-QDA project, `visavis qdpx import` or
//! *Fichier → Importer des codages REFI-QDA…*): each with whose it would be, its document and
//! its quote, verbatim, to make into a position — kind, title and measures asked by the reader's
//! own form — or to discard. Nothing becomes a position without the analyst's click, and both
//! are undoable `Action`s; the position just made is offered as evidence of the selected cell,
//! as in the reader. Each quote says, as the detail panel's do, whether its document holds it,
//! and a click on it opens the reader there.

use super::detail::quote;
use super::i18n::{Text, tr};
use super::message::Inbox;
use super::reader::pick::{FormAnswer, PickForm, form_ui, link_offer};
use super::shelf::Shelf;
use crate::i18n::Lang;
use crate::model::{Action, Candidate, CandidateOrigin, CellId, PositionId, Session};
use eframe::egui::{self, RichText};

/// The review window's state.
#[derive(Default)]
pub struct CandidatesReview {
    /// Whether the window is shown.
    pub open: bool,
    /// The candidate being made into a position, and its form.
    form: Option<(Candidate, PickForm)>,
    /// What the last import left out, and why, one line each.
    pub left_out: Vec<String>,
    /// The position last made of a candidate, to offer linking it to the selected cell.
    made: Option<PositionId>,
}

impl CandidatesReview {
    /// Show the window.
    pub fn show(&mut self) {
        self.open = true;
    }
}

/// Draw the window (the caller asks only while it is open); the edits go to `inbox`. `cell` is
/// the grid's selection, whose measure a new position speaks to at first.
pub fn show(
    ctx: &egui::Context,
    review: &mut CandidatesReview,
    session: &Session,
    cell: Option<&CellId>,
    lang: Lang,
    shelf: &mut Shelf,
    inbox: &mut Inbox,
) {
    let d = &session.dossier;
    let title = format!(
        "{} ({})",
        tr(lang, Text::CandidatesTitle),
        session.candidates.len()
    );
    let mut open = true;
    egui::Window::new(title)
        .id(egui::Id::unique("candidates-review"))
        .open(&mut open)
        .default_size([640.0, 520.0])
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 80.0))
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(tr(lang, Text::CandidatesIntro));
            link_offer(ui, review.made.as_ref(), session, cell, lang, inbox);
            if !review.left_out.is_empty() {
                let heading = format!(
                    "{} ({})",
                    tr(lang, Text::CandidatesLeftOut),
                    review.left_out.len()
                );
                egui::CollapsingHeader::new(heading)
                    .id_salt("candidates-left-out")
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("left-out")
                            .max_height(160.0)
                            .show(ui, |ui| {
                                for line in &review.left_out {
                                    ui.label(RichText::new(line).small());
                                }
                            });
                    });
            }
            if session.candidates.is_empty() {
                ui.label(RichText::new(tr(lang, Text::CandidatesNone)).italics());
                return;
            }
            // The form's candidate may be gone (undone, or discarded by a merge).
            if let Some((c, _)) = &review.form
                && !session.candidates.contains(c)
            {
                review.form = None;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, c) in session.candidates.iter().enumerate() {
                    ui.push_id(i, |ui| {
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            let who = d
                                .stakeholder(&c.stakeholder)
                                .map_or(c.stakeholder.as_str(), |s| s.name.as_str());
                            let CandidateOrigin::RefiQdaImport { file } = &c.origin;
                            ui.label(RichText::new(who).strong());
                            ui.label(
                                RichText::new(format!("{} {file}", tr(lang, Text::CandidateFrom)))
                                    .small(),
                            );
                            if let Some((_, form)) = review.form.as_mut().filter(|(f, _)| f == c) {
                                match form_ui(ui, form, session, lang) {
                                    FormAnswer::Keep => {}
                                    FormAnswer::Make(Action::AddPosition { position }) => {
                                        review.made = Some(position.id.clone());
                                        inbox.action(Action::AcceptCandidate {
                                            candidate: Box::new(c.clone()),
                                            position,
                                        });
                                        review.form = None;
                                    }
                                    // Cancelled (a position form makes nothing else).
                                    FormAnswer::Cancel | FormAnswer::Make(_) => review.form = None,
                                }
                                return;
                            }
                            // The quote as the detail panel shows one: its document, whether
                            // the document holds it, a click to read it there.
                            quote(ui, d, &c.citation, &[], lang, shelf, inbox);
                            ui.horizontal(|ui| {
                                if ui
                                    .button(tr(lang, Text::CandidateAccept))
                                    .on_hover_text(tr(lang, Text::CandidateAcceptTip))
                                    .clicked()
                                {
                                    let measures =
                                        cell.map(|c| c.measure.clone()).into_iter().collect();
                                    let form = PickForm::position(
                                        c.citation.clone(),
                                        c.stakeholder.clone(),
                                        measures,
                                    );
                                    review.form = Some((c.clone(), form));
                                }
                                if ui
                                    .button(tr(lang, Text::CandidateDiscard))
                                    .on_hover_text(tr(lang, Text::CandidateDiscardTip))
                                    .clicked()
                                {
                                    inbox.action(Action::DiscardCandidate {
                                        candidate: Box::new(c.clone()),
                                    });
                                }
                            });
                        });
                    });
                }
            });
        });
    if !open {
        review.open = false;
        review.form = None;
    }
}
