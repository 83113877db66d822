//! The dossier editor: a window with a tab per kind of item (pillars, measures, stakeholders,
//! sources, positions), the list of the kind on the left (select, add, move up or down, remove)
//! and the selected item's form on the right. The form edits a draft: each change that leaves
//! the item valid is put in the dossier at once (an `Action`, one undo step per run of typing in
//! one item); a change the validator would refuse stays in the draft, with the problem shown at
//! its field, until it is put right. Removing an item that assessments use asks first; the
//! assessments stay, as orphans.

pub(super) mod form;

use super::i18n::{Text, tr};
use super::message::Inbox;
use crate::i18n::Lang;
use crate::model::{
    Action, ActionError, Citation, Dossier, DossierItem, ItemId, Measure, MeasureId, Pillar,
    PillarId, Position, PositionKind, Session, Source, SourceId, SourceKind, Stakeholder,
    StakeholderId, check_item, find_item, fresh_id,
};
use eframe::egui::{self, RichText};

/// The kinds of item, one tab each, in the editor's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The pillars.
    #[default]
    Pillars,
    /// The measures.
    Measures,
    /// The stakeholders.
    Stakeholders,
    /// The source documents.
    Sources,
    /// The stakeholders' positions.
    Positions,
}

impl Tab {
    const ALL: [Tab; 5] = [
        Tab::Pillars,
        Tab::Measures,
        Tab::Stakeholders,
        Tab::Sources,
        Tab::Positions,
    ];

    fn label(self) -> Text {
        match self {
            Tab::Pillars => Text::EditPillars,
            Tab::Measures => Text::EditMeasures,
            Tab::Stakeholders => Text::EditStakeholders,
            Tab::Sources => Text::EditSources,
            Tab::Positions => Text::EditPositions,
        }
    }
}

/// The item being edited, as typed.
#[derive(Clone, Debug)]
struct Draft {
    item: DossierItem,
    /// Not in the dossier yet: its id may still change.
    new: bool,
    /// Why the dossier does not take it as it is.
    error: Option<ActionError>,
}

/// The editor's state between frames.
#[derive(Default)]
pub struct EditorState {
    /// The editor is on screen.
    pub open: bool,
    tab: Tab,
    draft: Option<Draft>,
    /// The item whose removal waits for the user's answer, with the number of cells that use it.
    confirm: Option<(ItemId, usize)>,
    /// The run of typing ended (another item, another field): the App starts a new undo step.
    pub seal: bool,
}

impl EditorState {
    /// Open the editor on the form of `id`, if the dossier has it.
    pub fn edit(&mut self, d: &Dossier, id: &ItemId) {
        let tab = match id {
            ItemId::Source(_) => Tab::Sources,
            ItemId::Pillar(_) => Tab::Pillars,
            ItemId::Measure(_) => Tab::Measures,
            ItemId::Stakeholder(_) => Tab::Stakeholders,
            ItemId::Position(_) => Tab::Positions,
        };
        self.open_on(tab);
        if let Some((_, item)) = find_item(d, id) {
            self.draft = Some(Draft {
                item,
                new: false,
                error: None,
            });
            self.seal = true;
        }
    }

    /// Open the editor on `tab`.
    pub fn open_on(&mut self, tab: Tab) {
        self.open = true;
        if self.tab != tab {
            self.tab = tab;
            self.draft = None;
        }
    }
}

/// Draw the editor if it is open; edits go to `inbox` as actions.
pub fn show(
    ctx: &egui::Context,
    state: &mut EditorState,
    session: &Session,
    lang: Lang,
    inbox: &mut Inbox,
) {
    if !state.open {
        return;
    }
    let d = &session.dossier;
    follow_session(state, d);
    let mut open = true;
    egui::Window::new(tr(lang, Text::EditorTitle))
        .id(egui::Id::unique("editor"))
        .open(&mut open)
        .default_size([860.0, 600.0])
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    if ui
                        .selectable_label(state.tab == tab, tr(lang, tab.label()))
                        .clicked()
                        && state.tab != tab
                    {
                        state.tab = tab;
                        state.draft = None;
                        state.confirm = None;
                        state.seal = true;
                    }
                }
            });
            ui.separator();
            ui.columns(2, |cols| {
                list(&mut cols[0], state, session, lang, inbox);
                egui::ScrollArea::vertical()
                    .id_salt("editor-form")
                    .auto_shrink(false)
                    .show(&mut cols[1], |ui| {
                        form_column(ui, state, d, lang, inbox);
                    });
            });
        });
    if !open {
        state.open = false;
        state.draft = None;
        state.seal = true;
    }
}

/// A valid draft follows the dossier (an undo, a redo, an edit elsewhere); one with a problem
/// keeps what the user typed.
fn follow_session(state: &mut EditorState, d: &Dossier) {
    let Some(draft) = &mut state.draft else {
        return;
    };
    if draft.error.is_some() {
        return;
    }
    match find_item(d, &draft.item.id()) {
        Some((_, item)) => {
            draft.item = item;
            draft.new = false;
        }
        None if !draft.new => state.draft = None,
        None => {}
    }
}

/// The items of the tab's kind: a click selects one; add, move and remove below.
fn list(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    session: &Session,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let d = &session.dossier;
    let items = items(d, state.tab);
    let selected = state.draft.as_ref().map(|x| x.item.id());
    egui::ScrollArea::vertical()
        .id_salt("editor-list")
        .max_height(ui.available_height() - 80.0)
        .show(ui, |ui| {
            if items.is_empty() {
                ui.label(RichText::new(tr(lang, Text::EditEmpty)).italics());
            }
            for (id, label) in &items {
                if ui
                    .selectable_label(selected.as_ref() == Some(id), label)
                    .clicked()
                    && let Some((_, item)) = find_item(d, id)
                {
                    state.draft = Some(Draft {
                        item,
                        new: false,
                        error: None,
                    });
                    state.confirm = None;
                    state.seal = true;
                }
            }
        });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, Text::EditAdd)).clicked() {
            state.draft = Some(new_draft(d, state.tab));
            state.confirm = None;
            state.seal = true;
        }
        let at = selected
            .as_ref()
            .and_then(|id| find_item(d, id).map(|(i, _)| (id.clone(), i)));
        let count = items.len();
        if let Some((id, i)) = at.filter(|_| state.draft.as_ref().is_some_and(|x| !x.new)) {
            if ui
                .add_enabled(i > 0, egui::Button::new("▲"))
                .on_hover_text(tr(lang, Text::EditUp))
                .clicked()
            {
                inbox.action(Action::MoveItem {
                    item: id.clone(),
                    to: i - 1,
                });
            }
            if ui
                .add_enabled(i + 1 < count, egui::Button::new("▼"))
                .on_hover_text(tr(lang, Text::EditDown))
                .clicked()
            {
                inbox.action(Action::MoveItem {
                    item: id.clone(),
                    to: i + 1,
                });
            }
            if ui.button(tr(lang, Text::EditRemove)).clicked() {
                let used = cells_using(session, &id);
                if used == 0 {
                    inbox.action(Action::RemoveItem { item: id });
                } else {
                    state.confirm = Some((id, used));
                }
            }
        }
    });
    if let Some((id, used)) = state.confirm.clone() {
        ui.label(
            RichText::new(crate::ui::i18n::remove_question(lang, used))
                .color(ui.visuals().warn_fg_color),
        );
        ui.horizontal(|ui| {
            if ui.button(tr(lang, Text::EditRemoveAnyway)).clicked() {
                inbox.action(Action::RemoveItem { item: id });
                state.confirm = None;
            }
            if ui.button(tr(lang, Text::CancelButton)).clicked() {
                state.confirm = None;
            }
        });
    }
}

/// How many assessed cells name `id` (its measure or stakeholder, or a position as evidence).
fn cells_using(session: &Session, id: &ItemId) -> usize {
    session
        .assessments
        .iter()
        .filter(|(cell, a)| match id {
            ItemId::Measure(m) => &cell.measure == m,
            ItemId::Stakeholder(s) => &cell.stakeholder == s,
            ItemId::Position(p) => a.evidence.contains(p),
            ItemId::Pillar(_) | ItemId::Source(_) => false,
        })
        .count()
}

/// The form of the draft, and what changed in it put in the dossier when valid.
fn form_column(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    d: &Dossier,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let Some(draft) = &mut state.draft else {
        ui.label(RichText::new(tr(lang, Text::EditPick)).italics());
        return;
    };
    let before = draft.item.clone();
    let edits = form::item(
        ui,
        &mut draft.item,
        draft.new,
        draft.error.as_ref(),
        d,
        lang,
    );
    if edits.left_field {
        state.seal = true;
    }
    if draft.item == before {
        return;
    }
    match check_item(d, &draft.item, !draft.new) {
        Ok(()) => {
            draft.error = None;
            inbox.action(Action::PutItem {
                item: draft.item.clone(),
                at: None,
            });
            draft.new = false;
        }
        Err(e) => draft.error = Some(e),
    }
}

/// The items of `tab`'s kind, each with its label in the list.
fn items(d: &Dossier, tab: Tab) -> Vec<(ItemId, String)> {
    let label = |title: &str, id: &str| {
        if title.trim().is_empty() {
            id.to_owned()
        } else {
            format!("{title} ({id})")
        }
    };
    match tab {
        Tab::Pillars => d
            .pillars
            .iter()
            .map(|p| (ItemId::Pillar(p.id.clone()), label(&p.title, p.id.as_str())))
            .collect(),
        Tab::Measures => d
            .measures
            .iter()
            .map(|m| {
                (
                    ItemId::Measure(m.id.clone()),
                    label(&m.title, m.id.as_str()),
                )
            })
            .collect(),
        Tab::Stakeholders => d
            .stakeholders
            .iter()
            .map(|s| {
                (
                    ItemId::Stakeholder(s.id.clone()),
                    label(&s.name, s.id.as_str()),
                )
            })
            .collect(),
        Tab::Sources => d
            .sources
            .iter()
            .map(|s| (ItemId::Source(s.id.clone()), label(&s.title, s.id.as_str())))
            .collect(),
        Tab::Positions => d
            .positions
            .iter()
            .map(|p| {
                (
                    ItemId::Position(p.id.clone()),
                    label(&format!("{} · {}", p.stakeholder, p.title), p.id.as_str()),
                )
            })
            .collect(),
    }
}

/// A new item of `tab`'s kind with a free id, to fill in.
fn new_draft(d: &Dossier, tab: Tab) -> Draft {
    let free = |prefix: &str, taken: &dyn Fn(&str) -> bool, n: usize| {
        fresh_id("", prefix, prefix, taken, n)
    };
    let item = match tab {
        Tab::Pillars => DossierItem::Pillar(Pillar {
            id: PillarId::from(
                free(
                    &format!("p{}", d.pillars.len() + 1),
                    &|id| d.pillar(&PillarId::from(id)).is_some(),
                    d.pillars.len(),
                )
                .as_str(),
            ),
            title: String::new(),
            description: String::new(),
        }),
        Tab::Measures => DossierItem::Measure(Measure {
            id: MeasureId::from(
                free(
                    &format!("m{}", d.measures.len() + 1),
                    &|id| d.measure(&MeasureId::from(id)).is_some(),
                    d.measures.len(),
                )
                .as_str(),
            ),
            pillar: d
                .pillars
                .first()
                .map_or_else(|| PillarId::from(""), |p| p.id.clone()),
            pillar_inferred: false,
            title: String::new(),
            summary: String::new(),
            figures: Vec::new(),
            citations: vec![blank_citation(d)],
        }),
        Tab::Stakeholders => DossierItem::Stakeholder(Stakeholder {
            id: StakeholderId::from(
                free(
                    &format!("partie-{}", d.stakeholders.len() + 1),
                    &|id| d.stakeholder(&StakeholderId::from(id)).is_some(),
                    d.stakeholders.len(),
                )
                .as_str(),
            ),
            name: String::new(),
            full_name: String::new(),
            description: String::new(),
        }),
        Tab::Sources => DossierItem::Source(Source {
            id: SourceId::from(
                free(
                    &format!("source-{}", d.sources.len() + 1),
                    &|id| d.source(&SourceId::from(id)).is_some(),
                    d.sources.len(),
                )
                .as_str(),
            ),
            title: String::new(),
            organisation: String::new(),
            date: String::new(),
            kind: SourceKind::Other,
            file: None,
            url: None,
            stakeholder: None,
        }),
        Tab::Positions => {
            let stakeholder = d
                .stakeholders
                .first()
                .map_or_else(|| StakeholderId::from(""), |s| s.id.clone());
            DossierItem::Position(Position {
                id: crate::model::fresh_position_id(d, &stakeholder, ""),
                stakeholder,
                kind: PositionKind::Reaction,
                title: String::new(),
                citation: blank_citation(d),
                measures: Vec::new(),
            })
        }
    };
    let error = check_item(d, &item, false).err();
    Draft {
        item,
        new: true,
        error,
    }
}

/// A citation of the dossier's first source, to fill in.
fn blank_citation(d: &Dossier) -> Citation {
    Citation {
        source: d
            .sources
            .first()
            .map_or_else(|| SourceId::from(""), |s| s.id.clone()),
        excerpt: String::new(),
        location: None,
    }
}
