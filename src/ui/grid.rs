//! The grid: a row per measure under its pillar's heading, a column per visible stakeholder,
//! sticky header, virtualised rows. Reads the session; a click on a cell is
//! sent as a selection message. (A little over 400 lines: the two tables side by side share
//! their rows, scroll offset and column state, and read better together.)

use super::i18n::{Text, plural, tr};
use super::message::{Inbox, Message};
use super::theme;
use crate::i18n::{Lang, unassessed};
use crate::model::{Assessment, Session};
use crate::view::{DossierIndex, Row, Selection};
use eframe::egui::{self, Align, Label, RichText, Sense, Stroke, StrokeKind, UiBuilder};
use egui_extras::{Column, TableBuilder};

/// Size of the secondary lines (note, id, figures, counts): smaller than the body text, but
/// readable.
const SMALL_TEXT: f32 = 11.0;

/// Height of a row: three lines of small text.
pub const ROW_HEIGHT: f32 = 54.0;

/// What the grid needs to draw one frame.
pub struct Grid<'a> {
    /// The session.
    pub session: &'a Session,
    /// Precomputed facts.
    pub index: &'a DossierIndex,
    /// Rows after filters.
    pub rows: &'a [Row],
    /// Visible stakeholder columns (indices in the dossier).
    pub columns: &'a [usize],
    /// The selected cell.
    pub selection: Option<Selection>,
    /// Scroll the selected row into view this frame.
    pub scroll_to_selection: bool,
    /// Interface language.
    pub lang: Lang,
    /// Right edge of the grid's area, so pillar headings can span the row.
    pub right_edge: f32,
    /// How far the grid is scrolled down, in points: both sides show the same rows.
    pub offset: f32,
    /// Width of the measure column, which stays put when the grid scrolls sideways.
    pub measure_width: f32,
}

/// What a frame of the grid reports back.
#[derive(Default)]
pub struct Shown {
    /// The new scroll position, when one of the two sides was scrolled this frame.
    pub offset: Option<f32>,
    /// The measure column's new width, while the user drags its edge.
    pub measure_width: Option<f32>,
}

impl Grid<'_> {
    /// Draw the grid; a click on a cell goes to `inbox` as a selection; returns the new scroll
    /// position when the user scrolled. The measure column stays put while the stakeholder columns scroll
    /// sideways: two tables side by side, scrolled up and down together.
    pub fn show(&self, ui: &mut egui::Ui, inbox: &mut Inbox) -> Shown {
        let mut shown = Shown::default();
        if self.rows.is_empty() {
            ui.label(tr(self.lang, Text::NoRowMatches));
            return shown;
        }
        let full = ui.available_rect_before_wrap();
        let split = (full.left() + self.measure_width).min(full.right());
        let measures = egui::Rect::from_min_max(full.min, egui::pos2(split, full.bottom()));
        let measures_offset = ui
            .scope_builder(UiBuilder::new().max_rect(measures), |ui| {
                self.measure_column(ui)
            })
            .inner;
        let cells = egui::Rect::from_min_max(egui::pos2(split, full.top()), full.max);
        let mut cells_ui = ui.new_child(UiBuilder::new().max_rect(cells));
        // Many stakeholders make the grid wider than the window: scroll sideways.
        let cells_offset = egui::ScrollArea::horizontal()
            .id_salt("grid-horizontal")
            .auto_shrink(false)
            .show(&mut cells_ui, |ui| {
                let (offset, selected_cell) = self.stakeholder_columns(ui, inbox);
                if let Some(cell) = selected_cell {
                    // The table's own scroll area takes every scroll request made inside it,
                    // sideways ones included, though it only scrolls up and down: ask the
                    // sideways one here.
                    ui.scroll_to_rect(cell, None);
                }
                offset
            })
            .inner;
        // Whichever table the user scrolled leads. egui applies a scroll once the frame is laid
        // out, so the scrolled side shows its new position on the next frame too: both sides
        // move together.
        shown.offset = [cells_offset, measures_offset]
            .into_iter()
            .find(|&o| (o - self.offset).abs() > 0.5);
        shown.measure_width = self.resize_handle(ui, split, full.y_range());
        ui.advance_cursor_after_rect(full);
        shown
    }

    /// The line between the measures and the cells; dragging it resizes the measure column.
    /// Returns the new width while it is dragged.
    fn resize_handle(&self, ui: &egui::Ui, x: f32, y: egui::Rangef) -> Option<f32> {
        let rect = egui::Rect::from_x_y_ranges(x - 3.0..=x + 3.0, y);
        let handle = ui.interact(rect, ui.scope_id().with("measure-width"), Sense::drag());
        let stroke = if handle.hovered() || handle.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
            ui.visuals().widgets.hovered.fg_stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        ui.painter().vline(x, y, stroke);
        handle
            .dragged()
            .then(|| (self.measure_width + handle.drag_delta().x).clamp(160.0, 640.0))
    }

    /// A table builder for one side of the grid, at the shared scroll position (or scrolling
    /// to the selected row).
    fn table<'u>(&self, ui: &'u mut egui::Ui, side: &str) -> TableBuilder<'u> {
        let mut table = TableBuilder::new(ui)
            .id_salt(("grid", side))
            .striped(false)
            .auto_shrink(false)
            .vertical_scroll_offset(self.offset);
        if self.scroll_to_selection
            && let Some(sel) = self.selection
            && let Some(row) = self
                .rows
                .iter()
                .position(|r| *r == Row::Measure(sel.measure))
        {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        table
    }

    /// The measure column, with the pillar headings drawn across the whole grid; returns its
    /// scroll position.
    fn measure_column(&self, ui: &mut egui::Ui) -> f32 {
        let d = &self.session.dossier;
        self.table(ui, "measures")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .column(Column::remainder().clip(true))
            .header(24.0, |mut header| {
                header.col(|ui| {
                    ui.strong(tr(self.lang, Text::Measure));
                });
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, self.rows.len(), |mut row| {
                    match self.rows[row.index()] {
                        Row::Pillar(p) => {
                            let pillar = &d.pillars[p];
                            row.col(|ui| {
                                // The heading spans the whole row, not just this column.
                                let mut clip = ui.clip_rect();
                                clip.max.x = self.right_edge;
                                let mut band = ui.max_rect();
                                band.max.x = self.right_edge;
                                // A fresh painter: the column's own cannot draw past the column.
                                let painter =
                                    ui.ctx().layer_painter(ui.layer_id()).with_clip_rect(clip);
                                painter.rect_filled(band, 0.0, theme::pillar_fill(ui.visuals()));
                                let galley = ui.painter().layout_no_wrap(
                                    pillar.title.clone(),
                                    egui::FontId::proportional(16.0),
                                    ui.visuals().strong_text_color(),
                                );
                                let pos = egui::pos2(
                                    ui.max_rect().left(),
                                    ui.max_rect().center().y - galley.size().y / 2.0,
                                );
                                painter.galley(pos, galley, ui.visuals().strong_text_color());
                                ui.allocate_response(ui.available_size(), Sense::hover())
                                    .on_hover_text(&pillar.description);
                            });
                        }
                        Row::Measure(mi) => {
                            let m = &d.measures[mi];
                            row.col(|ui| {
                                ui.vertical(|ui| {
                                    ui.add(Label::new(RichText::new(&m.title).strong()).truncate());
                                    ui.add(
                                        Label::new(
                                            RichText::new(m.id.as_str())
                                                .size(SMALL_TEXT)
                                                .color(theme::weak_text(ui.visuals())),
                                        )
                                        .truncate(),
                                    );
                                    if let Some(f) = m.figures.first() {
                                        ui.add(
                                            Label::new(
                                                RichText::new(crate::i18n::figure(self.lang, f))
                                                    .size(SMALL_TEXT),
                                            )
                                            .truncate(),
                                        );
                                    }
                                });
                            });
                        }
                    }
                });
            })
            .state
            .clamped_offset()
            .y
    }

    /// The stakeholder columns; returns their scroll position and, when the selection should
    /// come into view, where the selected cell is. Clicks go into `inbox`.
    fn stakeholder_columns(
        &self,
        ui: &mut egui::Ui,
        inbox: &mut Inbox,
    ) -> (f32, Option<egui::Rect>) {
        let d = &self.session.dossier;
        let dark = ui.visuals().dark_mode;
        let mut selected_cell = None;
        if self.columns.is_empty() {
            return (self.offset, None);
        }
        let output = self
            .table(ui, "cells")
            .resizable(true)
            .columns(
                Column::remainder().at_least(150.0).clip(true),
                self.columns.len(),
            )
            .header(24.0, |mut header| {
                for &s in self.columns {
                    let mut past_right_edge = false;
                    header.col(|ui| {
                        // As in the rows: columns scrolled out on the left are skipped, and
                        // past the right edge the rest is.
                        let rect = ui.max_rect();
                        past_right_edge = rect.left() > ui.clip_rect().right();
                        if ui.is_rect_visible(rect) {
                            let st = &d.stakeholders[s];
                            ui.strong(&st.name).on_hover_ui(|ui| {
                                ui.label(format!("{}\n{}", st.full_name, st.description));
                            });
                        }
                    });
                    if past_right_edge {
                        break;
                    }
                }
            })
            .body(|body| {
                let mut assessments = Vec::new();
                body.rows(ROW_HEIGHT, self.rows.len(), |mut row| {
                    let Row::Measure(mi) = self.rows[row.index()] else {
                        // A pillar's heading is drawn by the measure column, across this side
                        // too; an empty cell keeps the row's height.
                        row.col(|_| {});
                        return;
                    };
                    self.index
                        .row_assessments(self.session, mi, &mut assessments);
                    for &s in self.columns {
                        let sel = Selection {
                            measure: mi,
                            stakeholder: s,
                        };
                        let selected = self.selection == Some(sel);
                        let mut past_right_edge = false;
                        row.col(|ui| {
                            let rect = ui.max_rect();
                            if selected && self.scroll_to_selection {
                                selected_cell = Some(rect);
                            }
                            // Columns scrolled out of view cost nothing; past the right edge,
                            // the rest of the row is skipped.
                            past_right_edge = rect.left() > ui.clip_rect().right();
                            if ui.is_rect_visible(rect)
                                && self
                                    .cell(ui, mi, s, assessments[s], selected, dark)
                                    .clicked()
                            {
                                inbox.push(Message::Select(sel));
                            }
                        });
                        if past_right_edge && !self.scroll_to_selection {
                            break;
                        }
                    }
                });
            });
        (output.state.clamped_offset().y, selected_cell)
    }

    /// Draw one cell: stance as tint + icon + word, quote count, start of the note.
    fn cell(
        &self,
        ui: &mut egui::Ui,
        mi: usize,
        s: usize,
        a: Option<&Assessment>,
        selected: bool,
        dark: bool,
    ) -> egui::Response {
        let d = &self.session.dossier;
        let rect = ui.max_rect();
        let response = ui.interact(rect, ui.scope_id().with(("cell", mi, s)), Sense::click());
        let weak = theme::weak_text(ui.visuals());
        let stance = a.and_then(|a| a.stance);
        if let Some(st) = stance {
            ui.painter()
                .rect_filled(rect, 2.0, theme::stance_fill(st, dark));
        }
        if selected {
            ui.painter().rect_stroke(
                rect.shrink(1.0),
                2.0,
                Stroke::new(2.0, theme::selection(ui.visuals())),
                StrokeKind::Inside,
            );
        }
        let linked = self.index.linked[mi][s];
        let (other, missing) = a.map_or((0, 0), |a| self.index.faulty_evidence(s, a));
        let fault = if other > 0 {
            Some((Text::MisattributedShort, Text::MisattributedTip))
        } else if missing > 0 {
            Some((Text::MissingShort, Text::MissingTip))
        } else {
            None
        };
        // A margin inside the cell keeps the text clear of the selection outline.
        let inner = egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(6.0, 2.0)))
            .layout(egui::Layout::top_down(egui::Align::Min));
        ui.scope_builder(inner, |ui| {
            match stance {
                Some(st) => {
                    // Evidence that is not this stakeholder's words is marked, never counted
                    // among its quotes.
                    let quotes = a.map_or(0, |a| a.evidence.len()) - other - missing;
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!("{} {}", st.icon(), st.label(self.lang)))
                                .strong()
                                .color(theme::stance_colour(st, dark)),
                        );
                        if let Some((mark, tip)) = fault {
                            ui.add(
                                Label::new(
                                    RichText::new(tr(self.lang, mark))
                                        .size(SMALL_TEXT)
                                        .color(ui.visuals().warn_fg_color),
                                )
                                .truncate(),
                            )
                            .on_hover_text(tr(self.lang, tip));
                        } else if a.is_some_and(crate::model::Assessment::is_unsupported) {
                            ui.label(
                                RichText::new(tr(self.lang, Text::NoQuoteShort))
                                    .size(SMALL_TEXT)
                                    .color(ui.visuals().warn_fg_color),
                            )
                            .on_hover_text(tr(self.lang, Text::NoQuoteTip));
                        } else if quotes > 0 {
                            ui.label(
                                RichText::new(format!(
                                    "{quotes} {}",
                                    plural(self.lang, quotes, Text::Quote, Text::Quotes)
                                ))
                                .size(SMALL_TEXT)
                                .color(theme::weak_text(ui.visuals())),
                            );
                        }
                        self.review_mark(ui, a);
                    });
                }
                None => {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(unassessed(self.lang)).color(weak).italics());
                        self.review_mark(ui, a);
                    });
                }
            }
            if let Some(a) = a.filter(|a| !a.note.is_empty()) {
                let first = a.note.lines().next().unwrap_or_default();
                ui.add(Label::new(RichText::new(first).size(SMALL_TEXT)).truncate());
            } else if linked > 0 {
                ui.label(
                    RichText::new(format!(
                        "{linked} {}",
                        plural(
                            self.lang,
                            usize::from(linked),
                            Text::QuoteAvailable,
                            Text::QuotesAvailable
                        )
                    ))
                    .size(SMALL_TEXT)
                    .color(weak),
                );
            }
        });
        let summary = match stance {
            Some(st) => st.label(self.lang),
            None => unassessed(self.lang),
        };
        // The name is only built when egui asks for it (a screen reader, a click).
        response.widget_info(|| {
            let mut name = format!(
                "{} × {}: {summary}",
                d.measures[mi].title, d.stakeholders[s].name
            );
            if let Some((mark, _)) = fault {
                name = format!("{name} — {}", tr(self.lang, mark));
            }
            for reason in a.into_iter().flat_map(|a| a.review.keys()) {
                name = format!("{name} — {}", reason.title(self.lang));
            }
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, name)
        });
        response
    }

    /// A small mark on a cell with review flags, naming them on hover.
    fn review_mark(&self, ui: &mut egui::Ui, a: Option<&Assessment>) {
        let Some(a) = a.filter(|a| !a.review.is_empty()) else {
            return;
        };
        let flags: Vec<String> = (a.review.iter())
            .map(|(reason, origin)| crate::i18n::review_flag(self.lang, *reason, origin))
            .collect();
        ui.label(
            RichText::new(tr(self.lang, Text::FlaggedMark))
                .size(SMALL_TEXT)
                .color(ui.visuals().warn_fg_color),
        )
        .on_hover_text(flags.join("\n"));
    }
}
