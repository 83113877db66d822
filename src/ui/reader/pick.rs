//! Picking a quote: the text selected in the reader becomes a new position of a stakeholder or a
//! citation of a measure. The excerpt is exactly the selection (runs of white space as one
//! space) and its location is the paragraph's place (`p. 12` in a PDF, `§ 4` elsewhere); both
//! are taken when the form opens, so moving the selection meanwhile changes nothing. The edits
//! are `Action`s (undoable, saved with the session); linking the new position as the selected
//! cell's evidence is one more click.

use super::ReaderState;
use crate::i18n::Lang;
use crate::model::{
    Action, CellId, Citation, MeasureId, PillarId, Position, PositionId, PositionKind, Session,
    SourceId, StakeholderId, fresh_position_id,
};
use crate::ui::i18n::{Text, tr};
use crate::ui::message::Inbox;
use eframe::egui;

/// The form open over the selection.
#[derive(Clone, Debug)]
pub struct PickForm {
    /// The quote, as it will be stored.
    pub citation: Citation,
    /// What it becomes.
    pub making: Making,
    /// Put the keyboard in the form's first field on the next frame.
    focus: bool,
}

impl PickForm {
    /// A form making `citation` a new position of `stakeholder` on `measures`, the keyboard in
    /// its title.
    pub(crate) fn position(
        citation: Citation,
        stakeholder: StakeholderId,
        measures: Vec<MeasureId>,
    ) -> Self {
        Self {
            citation,
            making: Making::Position {
                stakeholder,
                kind: PositionKind::Reaction,
                title: String::new(),
                measures,
            },
            focus: true,
        }
    }
}

/// What the picked quote becomes.
#[derive(Clone, Debug)]
pub enum Making {
    /// A new position.
    Position {
        /// Whose.
        stakeholder: StakeholderId,
        /// A demand or a reaction.
        kind: PositionKind,
        /// Its short label, as typed.
        title: String,
        /// The measures it speaks to.
        measures: Vec<MeasureId>,
    },
    /// A citation of a measure.
    Citation {
        /// The measure.
        measure: Option<MeasureId>,
    },
    /// A new measure, quoting the selection.
    Measure {
        /// Its pillar.
        pillar: Option<PillarId>,
        /// Its title, as typed.
        title: String,
    },
}

/// The line under the reader's toolbar: what to do with the selection, the open form, or the
/// offer to link the position just made.
pub(super) fn bar(
    ui: &mut egui::Ui,
    state: &mut ReaderState,
    session: &Session,
    cell: Option<&CellId>,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let Some(reading) = &state.reading else {
        return;
    };
    if let Some(form) = &mut state.form {
        match form_ui(ui, form, session, lang) {
            FormAnswer::Keep => {}
            FormAnswer::Cancel => state.form = None,
            FormAnswer::Make(action) => {
                if let Action::AddPosition { position } = &action {
                    state.added = Some(position.id.clone());
                }
                inbox.action(action);
                state.form = None;
                // The selection is made: the paragraph lets it go.
                if let Some((p, _)) = state.selection.take() {
                    ui.memory_mut(|m| m.surrender_focus(super::paragraph_id(p)));
                }
            }
        }
        return;
    }
    let offered = link_offer(ui, state.added.as_ref(), session, cell, lang, inbox);
    if let Some((p, bytes)) = &state.selection {
        let excerpt = crate::view::excerpt_of(reading.paragraph(*p), bytes.clone());
        if excerpt.is_empty() {
            return;
        }
        let citation = Citation {
            source: reading.source.clone(),
            excerpt,
            location: Some(reading.place(*p).to_string()),
        };
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} « {} » ({})",
                tr(lang, Text::PickSelected),
                shorten(&citation.excerpt, 32),
                citation.location.as_deref().unwrap_or_default()
            ));
            if ui
                .button(tr(lang, Text::PickNewPosition))
                .on_hover_text(tr(lang, Text::PickNewPositionTip))
                .clicked()
            {
                let stakeholder = owner(session, &reading.source, cell);
                state.form = Some(PickForm {
                    citation: citation.clone(),
                    making: Making::Position {
                        stakeholder,
                        kind: PositionKind::Reaction,
                        title: String::new(),
                        measures: cell.map(|c| c.measure.clone()).into_iter().collect(),
                    },
                    focus: true,
                });
            }
            if ui
                .button(tr(lang, Text::PickNewMeasure))
                .on_hover_text(tr(lang, Text::PickNewMeasureTip))
                .clicked()
            {
                let pillar = cell
                    .and_then(|c| session.dossier.measure(&c.measure))
                    .map(|m| m.pillar.clone())
                    .or_else(|| session.dossier.pillars.first().map(|p| p.id.clone()));
                state.form = Some(PickForm {
                    citation: citation.clone(),
                    making: Making::Measure {
                        pillar,
                        title: String::new(),
                    },
                    focus: true,
                });
            }
            if ui
                .button(tr(lang, Text::PickCite))
                .on_hover_text(tr(lang, Text::PickCiteTip))
                .clicked()
            {
                state.form = Some(PickForm {
                    citation,
                    making: Making::Citation {
                        measure: cell.map(|c| c.measure.clone()),
                    },
                    focus: false,
                });
            }
        });
    } else if !offered {
        // Always one line, so that the text never moves under the pointer as a selection starts.
        ui.label(
            egui::RichText::new(tr(lang, Text::PickHint))
                .small()
                .color(crate::ui::theme::weak_text(ui.visuals())),
        );
    }
}

/// "Link as evidence of the selected cell", for the position just made (`added`), while it is
/// the cell's stakeholder's and not linked yet. Returns whether it was offered.
pub(crate) fn link_offer(
    ui: &mut egui::Ui,
    added: Option<&PositionId>,
    session: &Session,
    cell: Option<&CellId>,
    lang: Lang,
    inbox: &mut Inbox,
) -> bool {
    let (Some(id), Some(cell)) = (added, cell) else {
        return false;
    };
    let Some(position) = session.dossier.position(id) else {
        return false;
    };
    let linked = session
        .assessments
        .get(cell)
        .is_some_and(|a| a.evidence.contains(id));
    if position.stakeholder != cell.stakeholder || linked {
        return false;
    }
    let measure = session
        .dossier
        .measure(&cell.measure)
        .map_or(cell.measure.as_str(), |m| m.title.as_str());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} « {} »",
            tr(lang, Text::PickMade),
            position.title
        ));
        if ui
            .button(format!(
                "{} {}",
                tr(lang, Text::PickLink),
                shorten(measure, 40)
            ))
            .clicked()
        {
            inbox.action(Action::LinkEvidence {
                cell: cell.clone(),
                position: id.clone(),
            });
        }
    });
    true
}

/// The stakeholder a new position from `source` is proposed for: the document's own, else the
/// selected cell's, else the first.
fn owner(session: &Session, source: &SourceId, cell: Option<&CellId>) -> StakeholderId {
    let d = &session.dossier;
    d.source(source)
        .and_then(|s| s.stakeholder.clone())
        .or_else(|| cell.map(|c| c.stakeholder.clone()))
        .or_else(|| d.stakeholders.first().map(|s| s.id.clone()))
        .unwrap_or_else(|| StakeholderId::from(""))
}

/// What the user did with the form this frame.
pub(crate) enum FormAnswer {
    /// Nothing yet.
    Keep,
    /// Closed it.
    Cancel,
    /// Asked for this edit.
    Make(Action),
}

/// The form: the quote, then what it becomes; the button is live once it would be valid.
pub(crate) fn form_ui(
    ui: &mut egui::Ui,
    form: &mut PickForm,
    session: &Session,
    lang: Lang,
) -> FormAnswer {
    let d = &session.dossier;
    let mut answer = FormAnswer::Keep;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            egui::RichText::new(match &form.citation.location {
                Some(place) => format!("« {} » — {place}", form.citation.excerpt),
                None => format!("« {} »", form.citation.excerpt),
            })
            .italics(),
        );
        let ready = match &mut form.making {
            Making::Position {
                stakeholder,
                kind,
                title,
                measures,
            } => {
                egui::Grid::new("pick-position")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label(tr(lang, Text::PickStakeholder));
                        let name = d.stakeholder(stakeholder).map_or("", |s| s.name.as_str());
                        egui::ComboBox::from_id_salt("pick-stakeholder")
                            .selected_text(name)
                            .show_ui(ui, |ui| {
                                for s in &d.stakeholders {
                                    ui.selectable_value(stakeholder, s.id.clone(), &s.name);
                                }
                            });
                        ui.end_row();
                        ui.label(tr(lang, Text::PickKind));
                        ui.horizontal(|ui| {
                            for k in [PositionKind::Reaction, PositionKind::Proposal] {
                                ui.radio_value(kind, k, k.label(lang));
                            }
                        });
                        ui.end_row();
                        let label = ui.label(tr(lang, Text::PickTitle));
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(title)
                                    .id(egui::Id::unique("pick-title"))
                                    .hint_text(tr(lang, Text::PickTitleHint))
                                    .desired_width(280.0),
                            )
                            .labelled_by(label.id);
                        if std::mem::take(&mut form.focus) {
                            field.request_focus();
                        }
                        ui.end_row();
                        ui.label(tr(lang, Text::PickMeasures));
                        ui.vertical(|ui| {
                            crate::ui::editor::form::measures(ui, measures, &session.dossier, lang);
                        });
                        ui.end_row();
                    });
                !title.trim().is_empty()
            }
            Making::Measure { pillar, title } => {
                egui::Grid::new("pick-measure-form")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label(tr(lang, Text::EditPillar));
                        let shown = pillar
                            .as_ref()
                            .and_then(|p| d.pillar(p))
                            .map_or_else(String::new, |p| shorten(&p.title, 50));
                        egui::ComboBox::from_id_salt("pick-pillar")
                            .selected_text(shown)
                            .width(320.0)
                            .show_ui(ui, |ui| {
                                for p in &d.pillars {
                                    ui.selectable_value(pillar, Some(p.id.clone()), &p.title);
                                }
                            });
                        ui.end_row();
                        let label = ui.label(tr(lang, Text::PickTitle));
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(title)
                                    .id(egui::Id::unique("pick-measure-title"))
                                    .desired_width(280.0),
                            )
                            .labelled_by(label.id);
                        if std::mem::take(&mut form.focus) {
                            field.request_focus();
                        }
                        ui.end_row();
                    });
                pillar.is_some() && !title.trim().is_empty()
            }
            Making::Citation { measure } => {
                ui.horizontal(|ui| {
                    ui.label(tr(lang, Text::PickMeasure));
                    let shown = measure
                        .as_ref()
                        .and_then(|m| d.measure(m))
                        .map_or_else(String::new, |m| shorten(&m.title, 50));
                    egui::ComboBox::from_id_salt("pick-measure")
                        .selected_text(shown)
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            for m in &d.measures {
                                ui.selectable_value(measure, Some(m.id.clone()), &m.title);
                            }
                        });
                });
                measure.is_some()
            }
        };
        ui.horizontal(|ui| {
            let label = match form.making {
                Making::Position { .. } => Text::PickCreate,
                Making::Measure { .. } => Text::PickCreateMeasure,
                Making::Citation { .. } => Text::PickAdd,
            };
            if ui
                .add_enabled(ready, egui::Button::new(tr(lang, label)))
                .clicked()
            {
                answer = FormAnswer::Make(make(form, session));
            }
            if ui.button(tr(lang, Text::CancelButton)).clicked() {
                answer = FormAnswer::Cancel;
            }
        });
    });
    answer
}

/// The action the form describes.
fn make(form: &PickForm, session: &Session) -> Action {
    match &form.making {
        Making::Position {
            stakeholder,
            kind,
            title,
            measures,
        } => Action::AddPosition {
            position: Position {
                id: fresh_position_id(&session.dossier, stakeholder, title),
                stakeholder: stakeholder.clone(),
                kind: *kind,
                title: title.trim().to_owned(),
                citation: form.citation.clone(),
                measures: measures.clone(),
            },
        },
        Making::Measure { pillar, title } => {
            let d = &session.dossier;
            let id = crate::model::fresh_id(
                "",
                title,
                "mesure",
                |id| d.measure(&MeasureId::from(id)).is_some(),
                d.measures.len(),
            );
            Action::PutItem {
                item: crate::model::DossierItem::Measure(crate::model::Measure {
                    id: MeasureId::from(id.as_str()),
                    pillar: pillar.clone().unwrap_or_else(|| PillarId::from("")),
                    pillar_inferred: false,
                    title: title.trim().to_owned(),
                    summary: String::new(),
                    figures: Vec::new(),
                    citations: vec![form.citation.clone()],
                }),
                at: None,
            }
        }
        Making::Citation { measure } => Action::AddCitation {
            measure: measure.clone().unwrap_or_else(|| MeasureId::from("")),
            citation: form.citation.clone(),
        },
    }
}

/// `text` cut at `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}
