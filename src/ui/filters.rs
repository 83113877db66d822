//! The filters panel: analyst, progress, search, pillars, stakeholder columns, stances, "only
//! gaps". Edits the view's filters (UI state, not the session); the analyst's name goes out as
//! an action.

use super::i18n::{Text, plural, tr};
use super::message::Inbox;
use crate::i18n::{Lang, unassessed};
use crate::model::{Action, Session, Stance};
use crate::view::{Filters, all_stances};
use eframe::egui::{self, RichText};

/// The id of the search field, so Ctrl+F can focus it.
#[must_use]
pub fn search_id() -> egui::Id {
    egui::Id::unique("search")
}

/// The panel's own state.
#[derive(Default)]
pub struct FilterState {
    /// The analyst's name while it is being typed.
    pub analyst: Option<String>,
}

/// Counts the panel shows, kept by the grid's index so nothing is counted every frame.
#[derive(Clone, Copy)]
pub struct Counts {
    /// Measures that pass the filters.
    pub shown_rows: usize,
    /// Cells with a stance.
    pub assessed: usize,
}

/// Draw the panel. Returns true when the filters changed.
pub fn show(
    ui: &mut egui::Ui,
    session: &Session,
    filters: &mut Filters,
    state: &mut FilterState,
    counts: &Counts,
    lang: Lang,
    inbox: &mut Inbox,
) -> bool {
    let Counts {
        shown_rows,
        assessed,
    } = *counts;
    let before = filters.clone();
    let d = &session.dossier;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.label(RichText::new(&d.title).strong());
            ui.horizontal(|ui| {
                ui.label(tr(lang, Text::Analyst));
                let name = state
                    .analyst
                    .get_or_insert_with(|| session.analyst.to_string());
                let resp = ui.add(
                    egui::TextEdit::singleline(name)
                        .hint_text(tr(lang, Text::AnalystHint))
                        .desired_width(f32::INFINITY),
                );
                if resp.lost_focus() {
                    if let Some(name) = state.analyst.take() {
                        inbox.action(Action::SetAnalyst { name });
                    }
                } else if !resp.has_focus() {
                    state.analyst = None;
                }
            });

            let total = d.cell_count();
            let done = assessed;
            ui.label(RichText::new(tr(lang, Text::Progress)).strong());
            #[allow(clippy::cast_precision_loss)] // cell counts are far below 2^24
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(egui::ProgressBar::new(fraction).text(format!(
                "{done} / {total} {}",
                tr(lang, Text::CellsAssessed)
            )));
            ui.separator();

            let title = ui.label(RichText::new(tr(lang, Text::CmdFind)).strong());
            ui.add(
                egui::TextEdit::singleline(&mut filters.search)
                    .id(search_id())
                    .hint_text(tr(lang, Text::Search))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(title.id)
            .on_hover_text(tr(lang, Text::SearchHint));
            ui.label(
                RichText::new(format!(
                    "{shown_rows} {}",
                    plural(lang, shown_rows, Text::RowShown, Text::RowsShown)
                ))
                .small(),
            );
            ui.checkbox(&mut filters.only_gaps, tr(lang, Text::OnlyGaps))
                .on_hover_text(tr(lang, Text::OnlyGapsTip));
            ui.checkbox(&mut filters.only_frictions, tr(lang, Text::OnlyFrictions))
                .on_hover_text(tr(lang, Text::OnlyFrictionsTip));
            ui.separator();

            checklist(
                ui,
                lang,
                Text::Pillars,
                &mut filters.hidden_pillars,
                d.pillars.len(),
                |i| &d.pillars[i].title,
            );
            checklist(
                ui,
                lang,
                Text::Stakeholders,
                &mut filters.hidden_stakeholders,
                d.stakeholders.len(),
                |i| &d.stakeholders[i].name,
            );
            egui::CollapsingHeader::new(tr(lang, Text::Stances))
                .default_open(true)
                .show(ui, |ui| {
                    for class in all_stances() {
                        let label = class.map_or_else(
                            || unassessed(lang).to_owned(),
                            |s: Stance| format!("{} {}", s.icon(), s.label(lang)),
                        );
                        let mut on = filters.stances.contains(&class);
                        if ui.checkbox(&mut on, label).changed() {
                            if on {
                                filters.stances.insert(class);
                            } else {
                                filters.stances.remove(&class);
                            }
                        }
                    }
                });
            if ui.button(tr(lang, Text::ResetFilters)).clicked() {
                *filters = Filters::default();
            }
        });
    *filters != before
}

/// A list longer than this many entries scrolls on its own, so that a dossier of several
/// reforms (fifty pillars) leaves room for the rest of the panel.
const LIST_ROWS: usize = 10;

/// The section `list` (pillars or stakeholders): a header with the count, then the checkboxes of
/// the `count` entries (named by `name`), ticked while shown, under "check all" and "uncheck all"
/// buttons (to look at one pillar: uncheck all, tick it).
fn checklist<'a>(
    ui: &mut egui::Ui,
    lang: Lang,
    list: Text,
    hidden: &mut std::collections::BTreeSet<usize>,
    count: usize,
    name: impl Fn(usize) -> &'a str,
) {
    // The count tells a long list apart from one that ends where the panel cuts it.
    egui::CollapsingHeader::new(format!("{} ({count})", tr(lang, list)))
        // One id whatever the language, so that a folded list stays folded.
        .id_salt(("filter-list", list as usize))
        .default_open(true)
        .show(ui, |ui| {
            entries(ui, lang, tr(lang, list), hidden, count, name);
        });
}

/// The body of [`checklist`]. `list` names the list for screen readers, which would otherwise
/// hear two identical pairs of buttons.
fn entries<'a>(
    ui: &mut egui::Ui,
    lang: Lang,
    list: &str,
    hidden: &mut std::collections::BTreeSet<usize>,
    count: usize,
    name: impl Fn(usize) -> &'a str,
) {
    ui.horizontal(|ui| {
        for (text, all) in [(Text::CheckAll, true), (Text::UncheckAll, false)] {
            let label = tr(lang, text);
            let button = ui.small_button(label);
            button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{label} — {list}"))
            });
            if button.clicked() {
                *hidden = if all {
                    std::collections::BTreeSet::new()
                } else {
                    (0..count).collect()
                };
            }
        }
    });
    if count <= LIST_ROWS {
        for i in 0..count {
            toggle(ui, hidden, i, name(i));
        }
        return;
    }
    // Every entry is laid out, those scrolled away too: the keyboard and screen readers reach
    // them all (fifty checkboxes cost a small part of a frame).
    let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    #[allow(clippy::cast_precision_loss)] // LIST_ROWS is small
    egui::ScrollArea::vertical()
        .max_height(row * LIST_ROWS as f32)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for i in 0..count {
                let entry = toggle(ui, hidden, i, name(i));
                if entry.gained_focus() {
                    entry.scroll_to_me(None);
                }
            }
        });
}

/// A checkbox that is ticked while `i` is not in `hidden`.
fn toggle(
    ui: &mut egui::Ui,
    hidden: &mut std::collections::BTreeSet<usize>,
    i: usize,
    label: &str,
) -> egui::Response {
    let mut shown = !hidden.contains(&i);
    let response = ui.checkbox(&mut shown, label);
    if response.changed() {
        if shown {
            hidden.remove(&i);
        } else {
            hidden.insert(i);
        }
    }
    response
}
