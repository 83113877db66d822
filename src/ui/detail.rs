//! The detail panel: the selected measure in full with its citations; the selected
//! stakeholder's positions (linked evidence first) with their verbatim quotes and sources; stance
//! buttons, note editor, labels, review flags. Emits actions; never edits the session itself.

use super::commands::Command;
use super::highlight::marked;
use super::i18n::{Text, tr};
use super::message::{Inbox, Message};
use super::shelf::Shelf;
use super::theme;
use crate::i18n::Lang;
use crate::model::{
    Action, Assessment, CellId, Citation, Dossier, Position, PositionId, ReviewReason, Session,
    Stance, SynthesisOf,
};
use crate::sources::Verification;
use eframe::egui::{self, RichText};
use std::fmt::Write as _;

/// The detail panel's state between frames, reset when the selection changes.
#[derive(Default)]
pub struct DetailState {
    /// The label being typed.
    pub new_label: String,
    /// Why the cell is to check, being typed.
    pub check_why: String,
    /// The order of the positions as last shown (those on the cell, then the others), kept
    /// while the pointer is over the list so that linking one never moves another under it.
    order: Option<(Vec<PositionId>, Vec<PositionId>)>,
    /// Where the positions were drawn last frame.
    list: Option<egui::Rect>,
    /// The widget that had the focus last frame: the panel scrolls to a newly focused one.
    focused: Option<egui::Id>,
    /// The checkbox of the first position, where F6 puts the focus to reach the quotes.
    pub first_quote: Option<egui::Id>,
}

/// The id of the note field, so a double-click in the grid and F6 can focus it.
#[must_use]
pub fn note_id() -> egui::Id {
    egui::Id::unique("detail-note")
}

/// Draw the detail of `cell`; user edits and commands go to `inbox`.
#[allow(clippy::too_many_arguments)] // the panel's parts, passed down as they are
pub fn show(
    ui: &mut egui::Ui,
    session: &Session,
    cell: &CellId,
    state: &mut DetailState,
    shelf: &mut Shelf,
    offer: &super::suggestions::Offer,
    words: &[String],
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
            ui.add(egui::Label::new(marked(
                ui,
                &m.title,
                words,
                RichText::heading,
            )));
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
            ui.label(marked(ui, &m.summary, words, |r| r));
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
                        quote(ui, d, c, words, lang, shelf, inbox);
                    }
                });
            syntheses(ui, session, cell, &st.name, lang, inbox);
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
                    .id(note_id())
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
            review_flags(ui, cell, a, state, lang, inbox);
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
            verification_tally(ui, d, shelf, lang);
            let top = ui.cursor().top();
            foreign_evidence(ui, d, cell, a, words, lang, shelf, inbox);
            let hovered = state
                .list
                .zip(ui.ctx().pointer_hover_pos())
                .is_some_and(|(r, p)| r.contains(p));
            if !hovered || state.order.is_none() {
                state.order = Some(sorted_positions(d, cell, a));
            }
            let (relevant, others) = state.order.clone().unwrap_or_default();
            // The stakeholder's positions by id: a look-up per shown position, not a search of
            // the whole dossier.
            let mine: std::collections::BTreeMap<&PositionId, &Position> = d
                .positions_of(&cell.stakeholder)
                .map(|p| (&p.id, p))
                .collect();
            let look_up = |ids: &[PositionId]| -> Vec<&Position> {
                ids.iter().filter_map(|id| mine.get(id).copied()).collect()
            };
            let (relevant, others) = (look_up(&relevant), look_up(&others));
            if relevant.is_empty() && others.is_empty() {
                ui.label(tr(lang, Text::NoPositions));
            }
            state.first_quote = None;
            let column = d
                .stakeholders
                .iter()
                .position(|s| s.id == cell.stakeholder)
                .unwrap_or_default();
            for p in relevant {
                let id = position(ui, d, p, cell, a, words, lang, shelf, inbox);
                state.first_quote.get_or_insert(id);
            }
            super::suggestions::show(ui, d, cell, &offer.list, shelf, lang, inbox);
            if !others.is_empty() {
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    tr(lang, Text::OtherPositions),
                    others.len()
                ))
                .id_salt(("others", &cell.stakeholder))
                .show(ui, |ui| {
                    for p in others {
                        let id = position(ui, d, p, cell, a, words, lang, shelf, inbox);
                        state.first_quote.get_or_insert(id);
                        super::suggestions::answers(ui, d, p, offer, column, lang, inbox);
                    }
                });
            }
            state.list = Some(egui::Rect::from_x_y_ranges(
                ui.max_rect().x_range(),
                top..=ui.cursor().top(),
            ));
            follow_focus(ui, state);
        });
}

/// The stakeholder's positions in the order the panel lists them: linked as evidence first,
/// then those on the cell's measure (both shown), and the others (folded).
fn sorted_positions(
    d: &Dossier,
    cell: &CellId,
    a: &Assessment,
) -> (Vec<PositionId>, Vec<PositionId>) {
    let mut positions: Vec<&Position> = d.positions_of(&cell.stakeholder).collect();
    positions.sort_by_key(|p| {
        (
            !a.evidence.contains(&p.id),
            !p.measures.contains(&cell.measure),
        )
    });
    let (relevant, others): (Vec<&Position>, Vec<&Position>) = positions
        .into_iter()
        .partition(|p| a.evidence.contains(&p.id) || p.measures.contains(&cell.measure));
    let ids = |v: Vec<&Position>| v.into_iter().map(|p| p.id.clone()).collect();
    (ids(relevant), ids(others))
}

/// Scroll the panel to the widget that has just received the keyboard focus (Tab, F6), when it
/// is one of the panel's.
fn follow_focus(ui: &mut egui::Ui, state: &mut DetailState) {
    let focused = ui.memory(egui::Memory::focused);
    if focused == state.focused {
        return;
    }
    state.focused = focused;
    if let Some(r) = focused.and_then(|id| ui.ctx().read_response(id))
        && r.layer_id == ui.layer_id()
        && ui.min_rect().contains_rect(r.rect)
    {
        ui.scroll_to_rect(r.rect, None);
    }
}

/// The cell's evidence that is not its stakeholder's words: another stakeholder's positions,
/// each under a mark and named, and positions the dossier lacks; each with a button that
/// removes the link.
#[allow(clippy::too_many_arguments)] // the panel's parts, passed down as they are
fn foreign_evidence(
    ui: &mut egui::Ui,
    d: &Dossier,
    cell: &CellId,
    a: &Assessment,
    words: &[String],
    lang: Lang,
    shelf: &mut Shelf,
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
                    quote(ui, d, &p.citation, words, lang, shelf, inbox);
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

/// One of the stakeholder's positions, with its quote and the box that links it; returns the
/// box's id.
#[allow(clippy::too_many_arguments)] // the panel's parts, passed down as they are
fn position(
    ui: &mut egui::Ui,
    d: &Dossier,
    p: &Position,
    cell: &CellId,
    a: &Assessment,
    words: &[String],
    lang: Lang,
    shelf: &mut Shelf,
    inbox: &mut Inbox,
) -> egui::Id {
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut linked = a.evidence.contains(&p.id);
            let title = format!("{} · {}", p.kind.label(lang), p.title);
            ui.label(marked(ui, &title, words, RichText::strong));
            if p.measures.contains(&cell.measure) {
                ui.label(
                    RichText::new(tr(lang, Text::OnThisMeasure))
                        .small()
                        .italics(),
                );
            }
            quote(ui, d, &p.citation, words, lang, shelf, inbox);
            let check = ui
                .checkbox(&mut linked, tr(lang, Text::CiteAsEvidence))
                .on_hover_text(tr(lang, Text::LinkTip));
            if check.changed() {
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
            check.id
        })
        .inner
}

/// A verbatim quote with its source title and date, and its verification against the source
/// text; a click on it opens the reader there, when the text was read.
pub(crate) fn quote(
    ui: &mut egui::Ui,
    d: &Dossier,
    c: &Citation,
    words: &[String],
    lang: Lang,
    shelf: &mut Shelf,
    inbox: &mut Inbox,
) {
    let text = format!("« {} »", c.excerpt);
    let readable = shelf.text(&c.source).is_some();
    let label = egui::Label::new(marked(ui, &text, words, RichText::italics));
    if readable {
        let clicked = ui
            .add(label.selectable(false).sense(egui::Sense::click()))
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text(tr(lang, Text::ReadInSourceTip))
            .clicked();
        if clicked {
            inbox.push(Message::Read {
                source: c.source.clone(),
                excerpt: Some(c.excerpt.clone()),
            });
        }
    } else {
        ui.add(label);
    }
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
    let weak = theme::weak_text(ui.visuals());
    ui.label(
        RichText::new(format!("— {source}{location}"))
            .small()
            .color(weak),
    );
    if shelf.is_reading() {
        return;
    }
    let visuals = ui.visuals().clone();
    match shelf.verification(c) {
        Verification::Verified { .. } => {
            ui.label(
                RichText::new(format!("✔ {}", tr(lang, Text::Verified)))
                    .small()
                    .color(theme::stance_colour(Stance::Agreement, visuals.dark_mode)),
            );
        }
        Verification::VerifiedTypographic { .. } => {
            ui.label(
                RichText::new(format!("✔ {}", tr(lang, Text::VerifiedTypographic)))
                    .small()
                    .color(theme::stance_colour(Stance::Agreement, visuals.dark_mode)),
            );
        }
        Verification::NotFound { closest } => {
            ui.label(
                RichText::new(format!("⚠ {}", tr(lang, Text::NotFound)))
                    .small()
                    .color(visuals.warn_fg_color),
            );
            if let Some(closest) = closest {
                ui.label(
                    RichText::new(format!(
                        "{} ({}){} « {} »",
                        tr(lang, Text::ClosestPassage),
                        closest.place,
                        lang.pick("\u{a0}:", ":"),
                        closest.text
                    ))
                    .small()
                    .color(weak),
                );
            }
        }
        Verification::SourceUnavailable => {
            ui.label(
                RichText::new(tr(lang, Text::Unverifiable))
                    .small()
                    .color(weak),
            );
        }
    }
}

/// The syntheses the report puts at the head of its sections: of this measure, of this
/// stakeholder, of the whole dossier; each typed as the note is (one undo step per run).
fn syntheses(
    ui: &mut egui::Ui,
    session: &Session,
    cell: &CellId,
    stakeholder: &str,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let written = [
        SynthesisOf::Measure(cell.measure.clone()),
        SynthesisOf::Stakeholder(cell.stakeholder.clone()),
        SynthesisOf::Dossier,
    ];
    let count = written
        .iter()
        .filter(|of| session.syntheses.get(of).is_some())
        .count();
    egui::CollapsingHeader::new(format!("{} ({count}/3)", tr(lang, Text::Syntheses)))
        .id_salt("syntheses")
        .default_open(false)
        .show(ui, |ui| {
            for of in written {
                let label = match &of {
                    SynthesisOf::Measure(_) => tr(lang, Text::SynthesisMeasure).to_owned(),
                    SynthesisOf::Stakeholder(_) => {
                        format!("{} {stakeholder}", tr(lang, Text::SynthesisStakeholder))
                    }
                    SynthesisOf::Dossier => tr(lang, Text::SynthesisDossier).to_owned(),
                };
                let title = ui.label(RichText::new(label).strong());
                let mut text = session.syntheses.get(&of).unwrap_or_default().to_owned();
                let changed = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .hint_text(tr(lang, Text::SynthesisHint))
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(title.id)
                    .changed();
                if changed {
                    inbox.action(Action::EditSynthesis { of, text });
                }
            }
        });
}

/// "98 citations vérifiées sur 100 · 2 introuvables", once the documents are read.
fn verification_tally(ui: &mut egui::Ui, d: &Dossier, shelf: &mut Shelf, lang: Lang) {
    let weak = theme::weak_text(ui.visuals());
    if shelf.is_reading() {
        ui.label(
            RichText::new(tr(lang, Text::SourcesReading))
                .small()
                .color(weak),
        );
        return;
    }
    let Some(t) = shelf.tally(d) else {
        return;
    };
    let mut line = format!(
        "{} {} {}",
        t.verified + t.typographic,
        tr(lang, Text::CitationsVerified),
        t.total()
    );
    for (n, what) in [
        (t.not_found, Text::CitationsNotFound),
        (t.unavailable, Text::CitationsUnverifiable),
    ] {
        if n > 0 {
            let _ = write!(line, " · {n} {}", tr(lang, what));
        }
    }
    ui.label(RichText::new(line).small().color(weak));
}

/// The cell's review flags, each with who raised it and why and a button to clear it, and a way
/// to flag it "à vérifier" with an optional reason.
fn review_flags(
    ui: &mut egui::Ui,
    cell: &CellId,
    a: &Assessment,
    state: &mut DetailState,
    lang: Lang,
    inbox: &mut Inbox,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(lang, Text::Review)).strong());
        for (reason, origin) in &a.review {
            ui.label(crate::i18n::review_flag(lang, *reason, origin));
            if ui
                .small_button("×")
                .on_hover_text(tr(lang, Text::ClearFlagTip))
                .clicked()
            {
                inbox.action(Action::ClearFlag {
                    cell: cell.clone(),
                    reason: *reason,
                });
            }
        }
        if !a.is_flagged(ReviewReason::Check) {
            ui.add(
                egui::TextEdit::singleline(&mut state.check_why)
                    .hint_text(tr(lang, Text::FlagWhyHint))
                    .desired_width(160.0),
            );
            if ui
                .button(tr(lang, Text::FlagForCheck))
                .on_hover_text(tr(lang, Text::FlagForCheckTip))
                .clicked()
            {
                let why = std::mem::take(&mut state.check_why);
                inbox.action(Action::FlagForCheck {
                    cell: cell.clone(),
                    why: Some(why),
                });
            }
        }
    });
}
