//! The editor's form of one item: a field per part of it, labelled, with the validator's problem
//! under the field it concerns. The id can be typed only while the item is new (assessments and
//! links name it once it is in the dossier).

use crate::i18n::Lang;
use crate::model::{
    ActionError, Citation, Dossier, DossierItem, Figure, MeasureId, PillarId, PositionKind,
    SourceId, SourceKind, StakeholderId,
};
use crate::ui::i18n::{Text, tr};
use eframe::egui::{self, RichText};

/// What the form reports besides the item's new value.
#[derive(Default)]
pub(super) struct Edits {
    /// A field lost the keyboard: the run of typing is over.
    pub left_field: bool,
}

/// Where a problem is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Title,
    Pillar,
    Stakeholder,
    Citations,
    Measures,
    Figures,
}

fn field_of(e: &ActionError) -> Option<Field> {
    Some(match e {
        ActionError::BlankId | ActionError::DuplicateItem(_) => Field::Id,
        ActionError::BlankTitle => Field::Title,
        ActionError::UnknownPillar(_) => Field::Pillar,
        ActionError::UnknownStakeholder(_) => Field::Stakeholder,
        ActionError::NoCitation | ActionError::EmptyExcerpt | ActionError::UnknownSource(_) => {
            Field::Citations
        }
        ActionError::UnknownMeasure(_) => Field::Measures,
        ActionError::NotANumber(_) => Field::Figures,
        _ => return None,
    })
}

/// The form's fields, sharing the problem and the focus report.
struct Form<'a> {
    error: Option<&'a ActionError>,
    lang: Lang,
    edits: Edits,
}

impl Form<'_> {
    /// The problem, under `field`, if it is this field's.
    fn problem(&self, ui: &mut egui::Ui, field: Field) {
        if let Some(e) = self.error.filter(|e| field_of(e) == Some(field)) {
            ui.label(
                RichText::new(format!("⚠ {}", crate::ui::i18n::action_error(self.lang, e)))
                    .color(ui.visuals().warn_fg_color),
            );
        }
    }

    /// A labelled text field.
    fn text(&mut self, ui: &mut egui::Ui, label: Text, value: &mut String, multiline: bool) {
        let title = ui.label(RichText::new(tr(self.lang, label)).strong());
        let edit = if multiline {
            egui::TextEdit::multiline(value).desired_rows(3)
        } else {
            egui::TextEdit::singleline(value)
        };
        let r = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(title.id);
        self.edits.left_field |= r.lost_focus();
    }

    /// A labelled optional text field: empty is `None`.
    fn optional(&mut self, ui: &mut egui::Ui, label: Text, value: &mut Option<String>) {
        let mut text = value.clone().unwrap_or_default();
        self.text(ui, label, &mut text, false);
        let trimmed = text.trim();
        *value = (!trimmed.is_empty()).then(|| text.clone());
    }

    /// The id: typed while new, shown once in the dossier.
    fn id(&mut self, ui: &mut egui::Ui, id: &mut smol_str::SmolStr, new: bool) {
        let title = ui.label(RichText::new(tr(self.lang, Text::EditId)).strong());
        if new {
            let mut text = id.to_string();
            let r = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                .labelled_by(title.id);
            self.edits.left_field |= r.lost_focus();
            if text != id.as_str() {
                *id = text.trim().into();
            }
        } else {
            ui.label(RichText::new(id.as_str()).monospace())
                .on_hover_text(tr(self.lang, Text::EditIdFixed));
        }
        self.problem(ui, Field::Id);
    }
}

/// Draw the form of `item`; returns what else happened.
pub(super) fn item(
    ui: &mut egui::Ui,
    item: &mut DossierItem,
    new: bool,
    error: Option<&ActionError>,
    d: &Dossier,
    lang: Lang,
) -> Edits {
    let mut f = Form {
        error,
        lang,
        edits: Edits::default(),
    };
    match item {
        DossierItem::Pillar(p) => {
            f.id(ui, &mut p.id.0, new);
            f.text(ui, Text::EditTitle, &mut p.title, false);
            f.problem(ui, Field::Title);
            f.text(ui, Text::EditDescription, &mut p.description, true);
        }
        DossierItem::Stakeholder(s) => {
            f.id(ui, &mut s.id.0, new);
            f.text(ui, Text::EditName, &mut s.name, false);
            f.problem(ui, Field::Title);
            f.text(ui, Text::EditFullName, &mut s.full_name, false);
            f.text(ui, Text::EditDescription, &mut s.description, true);
        }
        DossierItem::Source(s) => {
            f.id(ui, &mut s.id.0, new);
            f.text(ui, Text::EditTitle, &mut s.title, false);
            f.problem(ui, Field::Title);
            f.text(ui, Text::EditOrganisation, &mut s.organisation, false);
            f.text(ui, Text::EditDate, &mut s.date, false);
            ui.label(RichText::new(tr(lang, Text::EditKind)).strong());
            egui::ComboBox::from_id_salt("edit-source-kind")
                .selected_text(s.kind.label(lang))
                .show_ui(ui, |ui| {
                    for k in [
                        SourceKind::Official,
                        SourceKind::PressRelease,
                        SourceKind::Contribution,
                        SourceKind::Article,
                        SourceKind::Other,
                    ] {
                        ui.selectable_value(&mut s.kind, k, k.label(lang));
                    }
                });
            f.optional(ui, Text::EditFile, &mut s.file);
            f.optional(ui, Text::EditUrl, &mut s.url);
            ui.label(RichText::new(tr(lang, Text::EditOwner)).strong());
            let shown = s
                .stakeholder
                .as_ref()
                .and_then(|x| d.stakeholder(x))
                .map_or_else(|| tr(lang, Text::EditNobody).to_owned(), |x| x.name.clone());
            egui::ComboBox::from_id_salt("edit-source-owner")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut s.stakeholder, None, tr(lang, Text::EditNobody));
                    for x in &d.stakeholders {
                        ui.selectable_value(&mut s.stakeholder, Some(x.id.clone()), &x.name);
                    }
                });
            f.problem(ui, Field::Stakeholder);
        }
        DossierItem::Measure(m) => {
            f.id(ui, &mut m.id.0, new);
            pillar(ui, &mut m.pillar, d, lang);
            f.problem(ui, Field::Pillar);
            ui.checkbox(&mut m.pillar_inferred, tr(lang, Text::EditPillarInferred));
            f.text(ui, Text::EditTitle, &mut m.title, false);
            f.problem(ui, Field::Title);
            f.text(ui, Text::EditSummary, &mut m.summary, true);
            figures(ui, &mut m.figures, &mut f);
            f.problem(ui, Field::Figures);
            ui.label(RichText::new(tr(lang, Text::Citations)).strong());
            let mut remove = None;
            for (i, c) in m.citations.iter_mut().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.push_id(("citation", i), |ui| citation(ui, c, d, &mut f));
                    if ui
                        .small_button(tr(lang, Text::EditRemoveCitation))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                m.citations.remove(i);
            }
            if ui.button(tr(lang, Text::EditAddCitation)).clicked() {
                m.citations.push(Citation {
                    source: d
                        .sources
                        .first()
                        .map_or_else(|| SourceId::from(""), |s| s.id.clone()),
                    excerpt: String::new(),
                    location: None,
                });
            }
            f.problem(ui, Field::Citations);
        }
        DossierItem::Position(p) => {
            f.id(ui, &mut p.id.0, new);
            ui.label(RichText::new(tr(lang, Text::PickStakeholder)).strong());
            stakeholder(ui, &mut p.stakeholder, d);
            f.problem(ui, Field::Stakeholder);
            ui.label(RichText::new(tr(lang, Text::PickKind)).strong());
            ui.horizontal(|ui| {
                for k in [PositionKind::Reaction, PositionKind::Proposal] {
                    ui.radio_value(&mut p.kind, k, k.label(lang));
                }
            });
            f.text(ui, Text::EditTitle, &mut p.title, false);
            f.problem(ui, Field::Title);
            ui.label(RichText::new(tr(lang, Text::EditQuote)).strong());
            citation(ui, &mut p.citation, d, &mut f);
            f.problem(ui, Field::Citations);
            ui.label(RichText::new(tr(lang, Text::PickMeasures)).strong());
            measures(ui, &mut p.measures, d, lang);
            f.problem(ui, Field::Measures);
        }
    }
    f.edits
}

fn pillar(ui: &mut egui::Ui, value: &mut PillarId, d: &Dossier, lang: Lang) {
    ui.label(RichText::new(tr(lang, Text::EditPillar)).strong());
    let shown = d.pillar(value).map_or("", |p| p.title.as_str());
    egui::ComboBox::from_id_salt("edit-pillar")
        .selected_text(shown)
        .width(320.0)
        .show_ui(ui, |ui| {
            for p in &d.pillars {
                ui.selectable_value(value, p.id.clone(), &p.title);
            }
        });
}

fn stakeholder(ui: &mut egui::Ui, value: &mut StakeholderId, d: &Dossier) {
    let shown = d.stakeholder(value).map_or("", |s| s.name.as_str());
    egui::ComboBox::from_id_salt("edit-stakeholder")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for s in &d.stakeholders {
                ui.selectable_value(value, s.id.clone(), &s.name);
            }
        });
}

/// A citation: its source, its words, where in the document.
fn citation(ui: &mut egui::Ui, c: &mut Citation, d: &Dossier, f: &mut Form<'_>) {
    let shown = d.source(&c.source).map_or("", |s| s.title.as_str());
    egui::ComboBox::from_id_salt("edit-citation-source")
        .selected_text(shown)
        .width(320.0)
        .show_ui(ui, |ui| {
            for s in &d.sources {
                ui.selectable_value(&mut c.source, s.id.clone(), &s.title);
            }
        });
    f.text(ui, Text::EditExcerpt, &mut c.excerpt, true);
    f.optional(ui, Text::EditLocation, &mut c.location);
}

/// The measures a position speaks to: each with a button that takes it off, and a list to add
/// one (the editor's form and the reader's "Nouvelle position…" share it).
pub(crate) fn measures(ui: &mut egui::Ui, measures: &mut Vec<MeasureId>, d: &Dossier, lang: Lang) {
    measures.retain(|m| {
        let title = d.measure(m).map_or(m.as_str(), |x| x.title.as_str());
        !ui.button(format!("{title} ×")).clicked()
    });
    let mut add: Option<MeasureId> = None;
    egui::ComboBox::from_id_salt("add-measure")
        .selected_text(tr(lang, Text::PickAddMeasure))
        .width(320.0)
        .show_ui(ui, |ui| {
            for m in d.measures.iter().filter(|m| !measures.contains(&m.id)) {
                if ui.selectable_label(false, &m.title).clicked() {
                    add = Some(m.id.clone());
                }
            }
        });
    measures.extend(add);
}

/// A measure's figures: each an amount, a quantity or a date, with a button that removes it.
fn figures(ui: &mut egui::Ui, figures: &mut Vec<Figure>, f: &mut Form<'_>) {
    let lang = f.lang;
    ui.label(RichText::new(tr(lang, Text::Figures)).strong());
    let mut remove = None;
    for (i, figure) in figures.iter_mut().enumerate() {
        ui.push_id(("figure", i), |ui| {
            ui.horizontal(|ui| {
                match figure {
                    Figure::Amount { label, value, unit }
                    | Figure::Quantity { label, value, unit } => {
                        let r = ui.add(egui::TextEdit::singleline(label).desired_width(160.0));
                        f.edits.left_field |= r.lost_focus();
                        ui.add(egui::DragValue::new(value).speed(0.1));
                        let r = ui.add(egui::TextEdit::singleline(unit).desired_width(60.0));
                        f.edits.left_field |= r.lost_focus();
                    }
                    Figure::Date { label, date } => {
                        let r = ui.add(egui::TextEdit::singleline(label).desired_width(160.0));
                        f.edits.left_field |= r.lost_focus();
                        let r = ui.add(egui::TextEdit::singleline(date).desired_width(100.0));
                        f.edits.left_field |= r.lost_focus();
                    }
                }
                if ui.small_button("×").clicked() {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        figures.remove(i);
    }
    ui.horizontal(|ui| {
        for (text, figure) in [
            (
                Text::EditAddAmount,
                Figure::Amount {
                    label: String::new(),
                    value: 0.0,
                    unit: "M€".to_owned(),
                },
            ),
            (
                Text::EditAddQuantity,
                Figure::Quantity {
                    label: String::new(),
                    value: 0.0,
                    unit: String::new(),
                },
            ),
            (
                Text::EditAddDate,
                Figure::Date {
                    label: String::new(),
                    date: String::new(),
                },
            ),
        ] {
            if ui.small_button(tr(lang, text)).clicked() {
                figures.push(figure);
            }
        }
    });
}
