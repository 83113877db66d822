//! The heatmap above the grid (View ▸ Heatmap): a row per stakeholder, a column per pillar and
//! one for the whole dossier, each box a stacked bar of the share of each stance with the counts
//! written under it — a symbol and a number per stance, never colour alone. A click on a box
//! filters the grid to that stakeholder and pillar (the whole-dossier box: the stakeholder
//! alone); a click on the box the grid is filtered to shows everything again. *Par mesure*
//! draws a square per measure instead, in the stance's colour with its symbol, grouped by
//! pillar; a click selects that cell in the grid. Only the squares in view are drawn, so a
//! dossier of thousands of measures costs no more than the window is wide.

use super::i18n::{Text, tr};
use super::theme;
use crate::i18n::Lang;
use crate::model::{Dossier, Stance};
use crate::report::text::stance_icon;
use crate::view::heatmap::{CLASSES, Heatmap, Tally};
use crate::view::{DossierIndex, Filters, Selection};
use eframe::egui::{self, Align2, Color32, FontId, Rect, Sense, Stroke, Vec2, pos2, vec2};

/// A pillar box's size, and the stakeholders' column.
const BOX: Vec2 = vec2(150.0, 40.0);
const NAMES_W: f32 = 110.0;
const BAR_H: f32 = 14.0;
/// A measure's square in *Par mesure*, and the gap between two pillars.
const SQUARE: f32 = 18.0;
const PILLAR_GAP: f32 = 8.0;

/// What a click on the heatmap asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeatClick {
    /// Show only this stakeholder, and only this pillar (`None`: every pillar).
    Filter {
        /// The stakeholder's index in the dossier.
        stakeholder: usize,
        /// The pillar's index in the dossier.
        pillar: Option<usize>,
    },
    /// Show every stakeholder and every pillar again.
    ShowAll,
    /// Select this cell.
    Select(Selection),
}

/// The box the grid is filtered to, if the filters are exactly one of the heatmap's boxes.
#[must_use]
pub fn filtered_box(dossier: &Dossier, filters: &Filters) -> Option<(usize, Option<usize>)> {
    let only = |hidden: &std::collections::BTreeSet<usize>, n: usize| {
        (hidden.len() + 1 == n)
            .then(|| (0..n).find(|i| !hidden.contains(i)))
            .flatten()
    };
    let stakeholder = only(&filters.hidden_stakeholders, dossier.stakeholders.len())?;
    if filters.hidden_pillars.is_empty() {
        return Some((stakeholder, None));
    }
    Some((
        stakeholder,
        Some(only(&filters.hidden_pillars, dossier.pillars.len())?),
    ))
}

/// Draw the heatmap of `map`; `by_measure` switches to a square per measure.
pub fn show(
    ui: &mut egui::Ui,
    map: &Heatmap,
    dossier: &Dossier,
    index: &DossierIndex,
    filters: &Filters,
    by_measure: &mut bool,
    lang: Lang,
) -> Option<HeatClick> {
    let mut click = None;
    ui.horizontal(|ui| {
        ui.strong(tr(lang, Text::Heatmap));
        ui.selectable_value(by_measure, false, tr(lang, Text::HeatByPillar));
        ui.selectable_value(by_measure, true, tr(lang, Text::HeatByMeasure));
        if filtered_box(dossier, filters).is_some()
            && ui.button(tr(lang, Text::HeatShowAll)).clicked()
        {
            click = Some(HeatClick::ShowAll);
        }
    });
    let shown = if *by_measure {
        by_measures(ui, dossier, index, lang)
    } else {
        by_pillars(ui, map, dossier, filters, lang)
    };
    shown.or(click)
}

/// The stakeholders × pillars boxes.
fn by_pillars(
    ui: &mut egui::Ui,
    map: &Heatmap,
    dossier: &Dossier,
    filters: &Filters,
    lang: Lang,
) -> Option<HeatClick> {
    let current = filtered_box(dossier, filters);
    let mut click = None;
    egui::ScrollArea::both()
        .id_salt("heatmap-pillars")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("heatmap-grid")
                .spacing(vec2(4.0, 2.0))
                .show(ui, |ui| {
                    ui.label("");
                    for p in &dossier.pillars {
                        let head = crate::report::text::pillar(lang, dossier_number(dossier, p));
                        ui.add_sized(
                            [BOX.x, 16.0],
                            egui::Label::new(egui::RichText::new(head).strong()),
                        )
                        .on_hover_text(&p.title);
                    }
                    ui.add_sized(
                        [BOX.x, 16.0],
                        egui::Label::new(egui::RichText::new(tr(lang, Text::HeatOverall)).strong()),
                    );
                    ui.end_row();
                    for (s, row) in map.rows.iter().enumerate() {
                        let Some(stakeholder) = dossier.stakeholders.get(s) else {
                            continue;
                        };
                        ui.add_sized(
                            [NAMES_W, BOX.y],
                            egui::Label::new(egui::RichText::new(&stakeholder.name).strong())
                                .truncate(),
                        )
                        .on_hover_text(&stakeholder.full_name);
                        let boxes = row
                            .per_pillar
                            .iter()
                            .enumerate()
                            .map(|(p, t)| (Some(p), t))
                            .chain([(None, &row.overall)]);
                        for (pillar, tally) in boxes {
                            let place = pillar.and_then(|p| dossier.pillars.get(p)).map_or_else(
                                || tr(lang, Text::HeatOverall).to_owned(),
                                |p| p.title.clone(),
                            );
                            let chosen = current == Some((s, pillar));
                            let name = format!(
                                "{} × {place}: {}",
                                stakeholder.name,
                                written(lang, tally, true)
                            );
                            if heat_box(ui, tally, chosen, &name, lang).clicked() {
                                click = Some(if chosen {
                                    HeatClick::ShowAll
                                } else {
                                    HeatClick::Filter {
                                        stakeholder: s,
                                        pillar,
                                    }
                                });
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    click
}

/// The pillar's number as the report writes it (its place in the dossier, from 1).
fn dossier_number(dossier: &Dossier, pillar: &crate::model::Pillar) -> usize {
    dossier
        .pillars
        .iter()
        .position(|p| p.id == pillar.id)
        .map_or(0, |i| i + 1)
}

/// Each class's count with its symbol (`✔ 3  ◐ 1 …`), the empty ones left out; with `words`,
/// each symbol's word as well (for screen readers and hover).
fn written(lang: Lang, tally: &Tally, words: bool) -> String {
    CLASSES
        .iter()
        .filter(|c| tally.get(**c) > 0)
        .map(|c| {
            if words {
                format!(
                    "{} {}",
                    tally.get(*c),
                    crate::report::text::stance_label(lang, *c)
                )
            } else {
                format!("{} {}", stance_icon(*c), tally.get(*c))
            }
        })
        .collect::<Vec<_>>()
        .join(if words { ", " } else { "  " })
}

/// One box: the stacked bar of the shares, then the counts; outlined when the grid is
/// filtered to it.
fn heat_box(
    ui: &mut egui::Ui,
    tally: &Tally,
    chosen: bool,
    name: &str,
    lang: Lang,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(BOX, Sense::click());
    let dark = ui.visuals().dark_mode;
    let line = Stroke::new(0.5, theme::weak_text(ui.visuals()));
    let bar = Rect::from_min_size(rect.min + vec2(4.0, 4.0), vec2(BOX.x - 8.0, BAR_H));
    let painter = ui.painter_at(rect);
    let total = tally.total().max(1);
    let mut x = bar.left();
    for class in CLASSES {
        let n = tally.get(class);
        if n == 0 {
            continue;
        }
        #[allow(clippy::cast_precision_loss)]
        let w = bar.width() * n as f32 / total as f32;
        let segment = Rect::from_min_max(
            pos2(x, bar.top()),
            pos2((x + w).min(bar.right()), bar.bottom()),
        );
        painter.rect_filled(segment, 0.0, theme::stance_bar(class, dark));
        x += w;
    }
    painter.rect_stroke(bar, 0.0, line, egui::StrokeKind::Inside);
    painter.text(
        pos2(bar.left(), bar.bottom() + 3.0),
        Align2::LEFT_TOP,
        written(lang, tally, false),
        FontId::proportional(11.0),
        ui.visuals().text_color(),
    );
    if chosen || response.hovered() {
        let stroke = if chosen {
            Stroke::new(2.0, theme::selection(ui.visuals()))
        } else {
            line
        };
        painter.rect_stroke(rect.shrink(1.0), 2.0, stroke, egui::StrokeKind::Inside);
    }
    let name = name.to_owned();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, chosen, &name));
    response.on_hover_text(tr(lang, Text::HeatBoxTip))
}

/// A square per measure, stakeholders down, pillars across; only those in view are drawn.
fn by_measures(
    ui: &mut egui::Ui,
    dossier: &Dossier,
    index: &DossierIndex,
    lang: Lang,
) -> Option<HeatClick> {
    // Each measure's x, pillars apart.
    let mut xs = Vec::with_capacity(dossier.measures.len());
    let mut x = 0.0;
    let mut last_pillar = None;
    for m in 0..dossier.measures.len() {
        let pillar = index.pillar_of.get(m).copied();
        if last_pillar.is_some() && pillar != last_pillar {
            x += PILLAR_GAP;
        }
        last_pillar = pillar;
        xs.push(x);
        x += SQUARE;
    }
    let width = x;
    #[allow(clippy::cast_precision_loss)]
    let height = dossier.stakeholders.len() as f32 * SQUARE;
    let mut click = None;
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for s in &dossier.stakeholders {
                ui.add_sized(
                    [NAMES_W, SQUARE],
                    egui::Label::new(egui::RichText::new(&s.name).strong()).truncate(),
                );
            }
        });
        egui::ScrollArea::horizontal()
            .id_salt("heatmap-measures")
            .show_viewport(ui, |ui, viewport| {
                let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
                let painter = ui.painter_at(rect);
                let dark = ui.visuals().dark_mode;
                let first = xs.partition_point(|&x| x + SQUARE < viewport.left());
                let last = xs.partition_point(|&x| x <= viewport.right());
                let font = FontId::proportional(11.0);
                for (m, &x) in xs.iter().enumerate().take(last).skip(first) {
                    for s in 0..dossier.stakeholders.len() {
                        let stance = index.stance(m, s);
                        #[allow(clippy::cast_precision_loss)]
                        let at = rect.min + vec2(x, s as f32 * SQUARE);
                        let square = Rect::from_min_size(at, Vec2::splat(SQUARE)).shrink(1.0);
                        painter.rect_filled(square, 2.0, theme::stance_bar(stance, dark));
                        painter.text(
                            square.center(),
                            Align2::CENTER_CENTER,
                            stance_icon(stance),
                            font.clone(),
                            square_text(stance, ui.visuals()),
                        );
                    }
                }
                let at = response
                    .hover_pos()
                    .and_then(|p| square_at(&xs, rect, p, dossier.stakeholders.len()));
                if let Some(sel) = at {
                    let m = &dossier.measures[sel.measure];
                    let st = &dossier.stakeholders[sel.stakeholder];
                    let stance = crate::report::text::stance(
                        lang,
                        index.stance(sel.measure, sel.stakeholder),
                    );
                    let tip = format!("{} — {}\n{}: {stance}", m.id, m.title, st.name);
                    if response.clicked() {
                        click = Some(HeatClick::Select(sel));
                    }
                    response.on_hover_text(tip);
                }
            });
    });
    click
}

/// The measure × stakeholder under `pointer`, if it is on a square.
fn square_at(
    xs: &[f32],
    rect: Rect,
    pointer: egui::Pos2,
    stakeholders: usize,
) -> Option<Selection> {
    let local = pointer - rect.min;
    if local.y < 0.0 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let stakeholder = (local.y / SQUARE) as usize;
    let measure = xs.partition_point(|&x| x <= local.x).checked_sub(1)?;
    (stakeholder < stakeholders && local.x < xs[measure] + SQUARE).then_some(Selection {
        measure,
        stakeholder,
    })
}

/// The symbol's colour on a square: dark on the light fills, light on grey.
fn square_text(stance: Option<Stance>, visuals: &egui::Visuals) -> Color32 {
    match stance {
        None => theme::weak_text(visuals),
        Some(_) => Color32::BLACK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_square_under_the_pointer_skips_the_gap_between_pillars() {
        // Two measures in a pillar, then one in the next, PILLAR_GAP apart.
        let xs = [0.0, SQUARE, 2.0 * SQUARE + PILLAR_GAP];
        let rect = Rect::from_min_size(
            pos2(100.0, 50.0),
            vec2(3.0 * SQUARE + PILLAR_GAP, 2.0 * SQUARE),
        );
        let at = |x: f32, y: f32| square_at(&xs, rect, pos2(100.0 + x, 50.0 + y), 2);
        assert_eq!(
            at(1.0, 1.0),
            Some(Selection {
                measure: 0,
                stakeholder: 0
            })
        );
        assert_eq!(
            at(SQUARE + 1.0, SQUARE + 1.0),
            Some(Selection {
                measure: 1,
                stakeholder: 1
            })
        );
        assert_eq!(at(2.0 * SQUARE + 1.0, 1.0), None, "in the gap");
        assert_eq!(
            at(2.0 * SQUARE + PILLAR_GAP + 1.0, 1.0),
            Some(Selection {
                measure: 2,
                stakeholder: 0
            })
        );
        assert_eq!(
            at(1.0, 2.0 * SQUARE + 1.0),
            None,
            "below the last stakeholder"
        );
    }

    #[test]
    fn the_box_filtered_to_is_one_stakeholder_and_one_pillar_or_all_pillars() {
        let d = crate::persist::default_dossier();
        let mut f = Filters::default();
        assert_eq!(filtered_box(&d, &f), None);
        f.hidden_stakeholders = (1..d.stakeholders.len()).collect();
        assert_eq!(filtered_box(&d, &f), Some((0, None)));
        f.hidden_pillars = (0..d.pillars.len()).filter(|&p| p != 2).collect();
        assert_eq!(filtered_box(&d, &f), Some((0, Some(2))));
        f.hidden_pillars.remove(&0);
        assert_eq!(filtered_box(&d, &f), None, "two pillars shown");
    }
}
