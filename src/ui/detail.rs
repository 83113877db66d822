//! The detail panel: the selected measure in full with its citations; the selected
//! stakeholder's positions (linked evidence first) with their verbatim quotes and sources; stance
//! buttons, note editor, labels. Emits actions; never edits the session itself.

use super::commands::Command;
use super::i18n::{Text, tr};
use super::message::Inbox;
use super::theme;
use crate::i18n::Lang;
use crate::model::{Action, Assessment, CellId, Citation, Dossier, Position, Session, Stance};
use eframe::egui::{self, RichText};

/// The detail panel's editable state: what the user is typing.
#[derive(Default)]
pub struct DetailState {
    /// The label being typed.
    pub new_label: String,
}

/// Draw the detail of `cell`; user edits and commands go to `inbox`.
pub fn show(
    ui: &mut egui::Ui,
    session: &Session,
    cell: &CellId,
    state: &mut DetailState,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let d = &session.dossier;
    let (Some(m), Some(st)) = (d.measure(&cell.measure), d.stakeholder(&cell.stakeholder)) else {
        return;
    };
    let empty = Assessment::default();
    let a = session.assessments.get(cell).unwrap_or(&empty);
    let dark = ui.visuals().dark_mode;
    let weak = theme::weak_text(ui.visuals());

    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            // The measure.
            ui.heading(&m.title);
            let pillar = d.pillar(&m.pillar).map_or("", |p| p.title.as_str());
            ui.label(
                RichText::new(format!("{} · {pillar}", m.id))
                    .small()
                    .color(weak),
            );
            if m.pillar_inferred {
                ui.label(
                    RichText::new(tr(lang, Text::PillarInferred))
                        .small()
                        .italics()
                        .color(weak),
                );
            }
            ui.label(&m.summary);
            if !m.figures.is_empty() {
                ui.label(RichText::new(tr(lang, Text::Figures)).strong());
                for f in &m.figures {
                    ui.label(format!("• {}", crate::i18n::figure(lang, f)));
                }
            }
            egui::CollapsingHeader::new(tr(lang, Text::Citations))
                .id_salt(("citations", &m.id))
                .default_open(false)
                .show(ui, |ui| {
                    for c in &m.citations {
                        quote(ui, d, c, lang);
                    }
                });
            ui.separator();

            // The stakeholder's stance.
            ui.heading(format!("{} — {}", st.name, tr(lang, Text::StanceOf)));
            ui.horizontal_wrapped(|ui| {
                for s in Stance::ALL {
                    let text = RichText::new(format!("{} {}", s.icon(), s.label(lang)))
                        .color(theme::stance_colour(s, dark));
                    let shortcut = Command::SetStance(s)
                        .shortcut()
                        .map(|k| ui.ctx().format_shortcut(&k))
                        .unwrap_or_default();
                    let resp = ui
                        .selectable_label(a.stance == Some(s), text)
                        .on_hover_text(format!(
                            "{} ({shortcut})",
                            Command::SetStance(s).tooltip(lang)
                        ));
                    if resp.clicked() {
                        inbox.command(Command::SetStance(s));
                    }
                }
                if ui
                    .add_enabled(
                        a.stance.is_some(),
                        egui::Button::new(tr(lang, Text::CmdClear)),
                    )
                    .on_hover_text(format!("{} (0)", Command::ClearStance.tooltip(lang)))
                    .clicked()
                {
                    inbox.command(Command::ClearStance);
                }
            });

            ui.label(RichText::new(tr(lang, Text::Note)).strong());
            let mut note = a.note.clone();
            let resp = ui.add(
                egui::TextEdit::multiline(&mut note)
                    .id_salt("note")
                    .hint_text(tr(lang, Text::NoteHint))
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            );
            if resp.changed() {
                inbox.action(Action::EditNote {
                    cell: cell.clone(),
                    note,
                });
            }

            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tr(lang, Text::Labels)).strong());
                for label in &a.labels {
                    if ui
                        .button(format!("{label} ×"))
                        .on_hover_text(tr(lang, Text::RemoveLabelTip))
                        .clicked()
                    {
                        inbox.action(Action::RemoveLabel {
                            cell: cell.clone(),
                            label: label.clone(),
                        });
                    }
                }
                let field = ui.add(
                    egui::TextEdit::singleline(&mut state.new_label)
                        .hint_text(tr(lang, Text::LabelHint))
                        .desired_width(120.0),
                );
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button(tr(lang, Text::AddLabel)).clicked() || enter)
                    && !state.new_label.trim().is_empty()
                {
                    inbox.action(Action::AddLabel {
                        cell: cell.clone(),
                        label: std::mem::take(&mut state.new_label),
                    });
                }
            });
            if !a.author.is_empty() || !a.modified.is_empty() {
                ui.label(
                    RichText::new(crate::ui::i18n::last_edit(lang, &a.author, &a.modified))
                        .small()
                        .color(weak),
                );
            }
            ui.separator();

            // The stakeholder's positions: evidence first, then those on this measure, then others.
            ui.heading(tr(lang, Text::Evidence));
            foreign_evidence(ui, d, cell, a, lang, inbox);
            let mut positions: Vec<&Position> = d.positions_of(&cell.stakeholder).collect();
            if positions.is_empty() {
                ui.label(tr(lang, Text::NoPositions));
            }
            positions.sort_by_key(|p| {
                (
                    !a.evidence.contains(&p.id),
                    !p.measures.contains(&cell.measure),
                )
            });
            let (relevant, others): (Vec<&Position>, Vec<&Position>) = positions
                .into_iter()
                .partition(|p| a.evidence.contains(&p.id) || p.measures.contains(&cell.measure));
            for p in relevant {
                position(ui, d, p, cell, a, lang, inbox);
            }
            if !others.is_empty() {
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    tr(lang, Text::OtherPositions),
                    others.len()
                ))
                .id_salt(("others", &cell.stakeholder))
                .show(ui, |ui| {
                    for p in others {
                        position(ui, d, p, cell, a, lang, inbox);
                    }
                });
            }
        });
}

/// The cell's evidence that is not its stakeholder's words: another stakeholder's positions,
/// each under a mark and named, and positions the dossier lacks; each with a button that
/// removes the link.
fn foreign_evidence(
    ui: &mut egui::Ui,
    d: &Dossier,
    cell: &CellId,
    a: &Assessment,
    lang: Lang,
    inbox: &mut Inbox,
) {
    for id in &a.evidence {
        let p = d.position(id);
        if p.is_some_and(|p| p.stakeholder == cell.stakeholder) {
            continue;
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let warn = ui.visuals().warn_fg_color;
            match p {
                Some(p) => {
                    let owner = d
                        .stakeholder(&p.stakeholder)
                        .map_or(p.stakeholder.as_str(), |s| &s.name);
                    ui.label(RichText::new(tr(lang, Text::MisattributedDetail)).color(warn));
                    ui.label(
                        RichText::new(format!(
                            "{} {owner} · {}",
                            tr(lang, Text::OfStakeholder),
                            p.title
                        ))
                        .strong(),
                    );
                    quote(ui, d, &p.citation, lang);
                }
                None => {
                    ui.label(
                        RichText::new(format!("{} — {id}", tr(lang, Text::MissingShort)))
                            .color(warn),
                    );
                }
            }
            if ui.button(tr(lang, Text::RemoveLink)).clicked() {
                inbox.action(Action::UnlinkEvidence {
                    cell: cell.clone(),
                    position: id.clone(),
                });
            }
        });
    }
}

fn position(
    ui: &mut egui::Ui,
    d: &Dossier,
    p: &Position,
    cell: &CellId,
    a: &Assessment,
    lang: Lang,
    inbox: &mut Inbox,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let mut linked = a.evidence.contains(&p.id);
        ui.label(RichText::new(format!("{} · {}", p.kind.label(lang), p.title)).strong());
        if p.measures.contains(&cell.measure) {
            ui.label(
                RichText::new(tr(lang, Text::OnThisMeasure))
                    .small()
                    .italics(),
            );
        }
        quote(ui, d, &p.citation, lang);
        if ui
            .checkbox(&mut linked, tr(lang, Text::CiteAsEvidence))
            .on_hover_text(tr(lang, Text::LinkTip))
            .changed()
        {
            let position = p.id.clone();
            inbox.action(if linked {
                Action::LinkEvidence {
                    cell: cell.clone(),
                    position,
                }
            } else {
                Action::UnlinkEvidence {
                    cell: cell.clone(),
                    position,
                }
            });
        }
    });
}

/// A verbatim quote with its source title and date.
fn quote(ui: &mut egui::Ui, d: &Dossier, c: &Citation, lang: Lang) {
    ui.label(RichText::new(format!("« {} »", c.excerpt)).italics());
    let source = d.source(&c.source).map_or_else(
        || c.source.to_string(),
        |s| {
            format!(
                "{}, {} ({})",
                s.organisation,
                s.title,
                crate::i18n::date(lang, &s.date)
            )
        },
    );
    let location = c
        .location
        .as_deref()
        .map(|l| format!(" — {l}"))
        .unwrap_or_default();
    ui.label(
        RichText::new(format!("— {source}{location}"))
            .small()
            .color(theme::weak_text(ui.visuals())),
    );
}
