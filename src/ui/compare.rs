//! The comparison panel under the grid: the agreement between the analysts in figures, then
//! each analyst's version of the selected cell side by side (stance, note, quotes, who and
//! when), with a button to keep one; for a cell a merge left in conflict, the conflict's sides
//! and a button to mark the analyst's own resolution as settled. Reads only; every choice goes
//! to the inbox as an [`Action::SettleCell`], undoable like any edit.

use super::commands::Command;
use super::i18n::{Text, tr};
use super::message::Inbox;
use super::theme;
use crate::i18n::{Lang, number, unassessed};
use crate::model::{Action, Assessment, CellId, Dossier, DossierItem, ItemId, Session};
use crate::teamwork::{Agreement, Scope};
use crate::view::compare::Comparison;
use eframe::egui::{self, RichText};

/// What the panel shows.
pub struct Panel<'a> {
    /// The open session.
    pub session: &'a Session,
    /// The other analysts' sessions and the cells' marks.
    pub comparison: &'a Comparison,
    /// The agreement figures, when another session is open.
    pub agreement: Option<&'a Agreement>,
    /// The selected cell.
    pub cell: Option<&'a CellId>,
    /// Interface language.
    pub lang: Lang,
}

/// Draw the panel.
pub fn show(ui: &mut egui::Ui, p: &Panel, inbox: &mut Inbox) {
    let lang = p.lang;
    ui.horizontal_wrapped(|ui| {
        ui.strong(tr(lang, Text::ComparisonTitle));
        if let Some(a) = p.agreement {
            ui.label(summary(lang, a, p.comparison.disagreements()));
        }
        let conflicts = p.session.cell_conflicts.len();
        if conflicts > 0 {
            ui.label(
                RichText::new(crate::ui::i18n::conflict_count(lang, conflicts))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        for c in [
            Command::NextDisagreement,
            Command::NextConflict,
            Command::StopComparing,
        ] {
            let enabled = c != Command::StopComparing || p.comparison.is_on();
            if ui
                .add_enabled(enabled, egui::Button::new(c.label(lang)))
                .on_hover_text(c.tooltip(lang))
                .clicked()
            {
                inbox.command(c);
            }
        }
    });
    dossier_conflicts(ui, p.session, lang, inbox);
    if let Some(a) = p.agreement {
        egui::CollapsingHeader::new(tr(lang, Text::AgreementByStakeholder))
            .id_salt("agreement-table")
            .show(ui, |ui| table(ui, a, lang));
    }
    ui.separator();
    let Some(cell) = p.cell else {
        ui.label(tr(lang, Text::SelectCell));
        return;
    };
    let d = &p.session.dossier;
    let own = p.session.assessments.get(cell);
    let conflict = p.session.cell_conflicts.get(cell);
    let versions: Vec<(String, Option<&Assessment>)> = match conflict {
        Some(c) => c
            .sides
            .iter()
            .enumerate()
            .map(|(i, a)| (side_name(lang, i, a), Some(a)))
            .collect(),
        None => std::iter::once((
            format!("{} — {}", tr(lang, Text::YourVersion), p.session.analyst),
            own,
        ))
        .chain(p.comparison.versions(cell).map(|(n, a)| (n.to_owned(), a)))
        .collect(),
    };
    if conflict.is_some() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr(lang, Text::ConflictIntro)).color(ui.visuals().warn_fg_color),
            );
            if ui
                .button(tr(lang, Text::MarkSettled))
                .on_hover_text(tr(lang, Text::MarkSettledTip))
                .clicked()
            {
                inbox.action(Action::SettleCell {
                    cell: cell.clone(),
                    version: own.cloned().map(Box::new),
                });
            }
        });
    } else if versions.len() < 2 {
        return;
    }
    egui::ScrollArea::both()
        .id_salt("comparison-versions")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.columns(versions.len(), |columns| {
                for (i, (ui, (name, a))) in columns.iter_mut().zip(&versions).enumerate() {
                    // In a plain comparison the first column is the analyst's own cell.
                    let mine = conflict.is_none() && i == 0;
                    let differs = !mine && !same_work(*a, own);
                    // The button under the name, where it shows without scrolling.
                    ui.strong(name);
                    if differs
                        && ui
                            .button(tr(lang, Text::KeepVersion))
                            .on_hover_text(tr(lang, Text::KeepVersionTip))
                            .clicked()
                    {
                        inbox.action(Action::SettleCell {
                            cell: cell.clone(),
                            version: a.cloned().map(Box::new),
                        });
                    }
                    version(ui, d, *a, lang);
                }
            });
        });
}

/// The items of the dossier a merge left in conflict, each side with a button to keep it.
fn dossier_conflicts(ui: &mut egui::Ui, session: &Session, lang: Lang, inbox: &mut Inbox) {
    let conflicts = &session.dossier_conflicts;
    if conflicts.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!(
        "{} ({})",
        tr(lang, Text::DossierConflicts),
        conflicts.len()
    ))
    .id_salt("dossier-conflicts")
    .default_open(true)
    .show(ui, |ui| {
        for c in conflicts {
            ui.label(RichText::new(item_name(lang, &c.item)).strong());
            for (i, side) in c.sides.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    let what = side
                        .version
                        .as_ref()
                        .map_or_else(|| tr(lang, Text::ItemRemoved).to_owned(), item_title);
                    ui.label(format!(
                        "{} {} — {}{} {what}",
                        tr(lang, Text::Version),
                        i + 1,
                        side.author,
                        lang.pick("\u{a0}:", ":")
                    ));
                    if ui
                        .small_button(tr(lang, Text::KeepVersion))
                        .on_hover_text(tr(lang, Text::KeepItemTip))
                        .clicked()
                    {
                        inbox.action(Action::SettleItem {
                            item: c.item.clone(),
                            version: side.version.clone().map(Box::new),
                        });
                    }
                });
            }
        }
    });
}

/// An item of the dossier by its kind and id.
fn item_name(lang: Lang, item: &ItemId) -> String {
    let (kind, id) = match item {
        ItemId::Source(id) => (lang.pick("Source", "Source"), id.as_str()),
        ItemId::Pillar(id) => (lang.pick("Pilier", "Pillar"), id.as_str()),
        ItemId::Measure(id) => (lang.pick("Mesure", "Measure"), id.as_str()),
        ItemId::Stakeholder(id) => (lang.pick("Partie prenante", "Stakeholder"), id.as_str()),
        ItemId::Position(id) => (lang.pick("Position", "Position"), id.as_str()),
    };
    format!("{kind} {id}")
}

/// The words a side of a dossier conflict is recognised by: its title.
fn item_title(item: &DossierItem) -> String {
    match item {
        DossierItem::Source(s) => s.title.clone(),
        DossierItem::Pillar(p) => p.title.clone(),
        DossierItem::Measure(m) => m.title.clone(),
        DossierItem::Stakeholder(s) => s.name.clone(),
        DossierItem::Position(p) => p.title.clone(),
    }
}

/// Who made the `i`th side of a conflict.
fn side_name(lang: Lang, i: usize, a: &Assessment) -> String {
    let who = a.author.trim();
    if who.is_empty() {
        format!("{} {}", tr(lang, Text::Version), i + 1)
    } else {
        format!("{} {} — {who}", tr(lang, Text::Version), i + 1)
    }
}

/// Whether two versions of a cell carry the same work (who and when aside; blank is none).
fn same_work(a: Option<&Assessment>, b: Option<&Assessment>) -> bool {
    let blank = Assessment::default();
    a.unwrap_or(&blank).same_work(b.unwrap_or(&blank))
}

/// One analyst's version of the cell, under their name.
fn version(ui: &mut egui::Ui, d: &Dossier, a: Option<&Assessment>, lang: Lang) {
    let dark = ui.visuals().dark_mode;
    let weak = theme::weak_text(ui.visuals());
    let Some(a) = a.filter(|a| !a.is_blank()) else {
        ui.label(RichText::new(unassessed(lang)).italics().color(weak));
        return;
    };
    match a.stance {
        Some(st) => ui.label(
            RichText::new(format!("{} {}", st.icon(), st.label(lang)))
                .strong()
                .color(theme::stance_colour(st, dark)),
        ),
        None => ui.label(RichText::new(unassessed(lang)).italics().color(weak)),
    };
    if a.note.trim().is_empty() {
        ui.label(RichText::new(tr(lang, Text::NoNote)).italics().color(weak));
    } else {
        ui.label(crate::view::shown(&a.note));
    }
    for id in &a.evidence {
        match d.position(id) {
            Some(pos) => ui.label(
                RichText::new(crate::view::shown(&format!("« {} »", pos.citation.excerpt))).small(),
            ),
            None => ui.label(
                RichText::new(format!("{id} ({})", tr(lang, Text::MissingShort)))
                    .small()
                    .color(ui.visuals().warn_fg_color),
            ),
        };
    }
    if !a.labels.is_empty() {
        let labels: Vec<&str> = a.labels.iter().map(String::as_str).collect();
        ui.label(RichText::new(labels.join(", ")).small().color(weak));
    }
    ui.label(
        RichText::new(crate::ui::i18n::last_edit(lang, &a.author, &a.modified))
            .small()
            .color(weak),
    );
}

/// A statistic with two decimals, "—" when it does not apply.
fn figure(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(
        || "—".to_owned(),
        |v| number(lang, (v * 100.0).round() / 100.0),
    )
}

/// The agreement in one line: cells compared, observed agreement, the coefficient that fits the
/// number of analysts, Krippendorff's alpha, the disagreements.
fn summary(lang: Lang, a: &Agreement, disagreements: usize) -> String {
    let o = &a.overall;
    format!(
        "{} · {} · {} · α {} · {}",
        crate::ui::i18n::compared_cells(lang, o.compared, o.cells),
        share(lang, o.observed_agreement),
        kappa(lang, o),
        figure(lang, o.krippendorff_alpha),
        crate::ui::i18n::disagreement_count(lang, disagreements),
    )
}

/// The observed agreement, named.
fn share(lang: Lang, v: Option<f64>) -> String {
    format!("{} {}", tr(lang, Text::ObservedAgreement), percent(lang, v))
}

/// A share as a whole percentage, "—" when there is nothing to compare.
fn percent(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(
        || "—".to_owned(),
        |v| {
            format!(
                "{}{}",
                number(lang, (v * 100.0).round()),
                lang.pick("\u{a0}%", "%")
            )
        },
    )
}

/// Cohen's kappa for two analysts, Fleiss' for more.
fn kappa(lang: Lang, s: &Scope) -> String {
    match s.cohen_kappa {
        Some(_) => format!(
            "κ {} ({} {})",
            figure(lang, s.cohen_kappa),
            tr(lang, Text::Weighted),
            figure(lang, s.weighted_kappa)
        ),
        None => format!("κ Fleiss {}", figure(lang, s.fleiss_kappa)),
    }
}

/// The figures per stakeholder and per pillar.
fn table(ui: &mut egui::Ui, a: &Agreement, lang: Lang) {
    egui::Grid::new("agreement-grid")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                tr(lang, Text::Scope),
                tr(lang, Text::Compared),
                tr(lang, Text::ObservedAgreement),
                "κ",
                "α",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            let row = |ui: &mut egui::Ui, name: &str, s: &Scope| {
                ui.label(name);
                ui.label(format!("{} / {}", s.compared, s.cells));
                ui.label(percent(lang, s.observed_agreement));
                ui.label(figure(lang, s.cohen_kappa.or(s.fleiss_kappa)));
                ui.label(figure(lang, s.krippendorff_alpha));
                ui.end_row();
            };
            row(ui, tr(lang, Text::Overall), &a.overall);
            for n in a.stakeholders.iter().chain(&a.pillars) {
                row(ui, &n.name, &n.scope);
            }
        });
}
