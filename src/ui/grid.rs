//! The grid: a row per measure under its pillar's heading, a column per visible stakeholder,
//! sticky header, virtualised rows. Reads the session; a click on a cell is
//! sent as a selection message. (A little over 400 lines: the two tables side by side share
//! their rows, scroll offset and column state, and read better together.)

use super::commands::Command;
use super::highlight::marked;
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

/// Height of a compact row: three lines of small text.
pub const ROW_HEIGHT: f32 = 54.0;

/// Height of a row that shows three lines of its note under the stance.
pub const TALL_ROW_HEIGHT: f32 = 80.0;

/// The narrowest a stakeholder column starts (narrower and the stance word is cut).
const MIN_COLUMN: f32 = 130.0;

/// The widest a stakeholder column starts, however wide the window: spare width stays spare
/// rather than stretching one column.
const MAX_COLUMN: f32 = 380.0;

/// The id of the cell of measure `mi` and stakeholder `s`, so the keyboard focus can be put on
/// it.
#[must_use]
pub fn cell_id(mi: usize, s: usize) -> egui::Id {
    egui::Id::unique(("grid-cell", mi, s))
}

/// What the grid needs to draw one frame.
// Independent switches of this frame's drawing, each read on its own.
#[allow(clippy::struct_excessive_bools)]
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
    /// Width of the measure column, which stays put when the grid scrolls sideways; `None`
    /// until the user drags it: then a share of the grid's width.
    pub measure_width: Option<f32>,
    /// Put the keyboard focus on the selected cell (the keys moved the selection while the
    /// grid had the focus, or F6 came to the grid).
    pub focus_selected: bool,
    /// The folded search words, marked where they occur.
    pub words: &'a [String],
    /// Rows show three lines of note.
    pub tall: bool,
    /// The search field holds text (the empty grid then offers to clear it).
    pub searching: bool,
    /// Other analysts' sessions compared with this one, and the cells a merge left in conflict.
    pub comparison: &'a crate::view::compare::Comparison,
}

/// What a frame of the grid reports back.
#[derive(Default)]
pub struct Shown {
    /// The new scroll position, when one of the two sides was scrolled this frame.
    pub offset: Option<f32>,
    /// The measure column's new width, while the user drags its edge.
    pub measure_width: Option<f32>,
    /// A grid cell has the keyboard focus.
    pub focused: bool,
    /// A cell was double-clicked: the note of the selection wants the focus.
    pub focus_note: bool,
}

impl Grid<'_> {
    /// Draw the grid; a click on a cell goes to `inbox` as a selection; returns the new scroll
    /// position when the user scrolled. The measure column stays put while the stakeholder columns scroll
    /// sideways: two tables side by side, scrolled up and down together.
    pub fn show(&self, ui: &mut egui::Ui, inbox: &mut Inbox) -> Shown {
        let mut shown = Shown::default();
        if self.rows.is_empty() {
            ui.label(tr(self.lang, Text::NoRowMatches));
            if self.searching {
                let c = Command::ClearSearch;
                if ui
                    .button(c.label(self.lang))
                    .on_hover_text(c.tooltip(self.lang))
                    .clicked()
                {
                    inbox.command(c);
                }
            }
            return shown;
        }
        let full = ui.available_rect_before_wrap();
        let measure_width = self.measure_width(full.width());
        let split = (full.left() + measure_width).min(full.right());
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
                let (offset, selected_cell) = self.stakeholder_columns(ui, inbox, &mut shown);
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
        shown.measure_width = Self::resize_handle(ui, split, full.y_range(), measure_width);
        ui.advance_cursor_after_rect(full);
        shown
    }

    /// The measure column's width in a grid `width` points wide: as dragged, or a share that
    /// leaves the stakeholders most of the room.
    fn measure_width(&self, width: f32) -> f32 {
        self.measure_width
            .unwrap_or_else(|| (width * 0.3).clamp(200.0, 360.0))
    }

    fn row_height(&self) -> f32 {
        if self.tall {
            TALL_ROW_HEIGHT
        } else {
            ROW_HEIGHT
        }
    }

    /// The line between the measures and the cells; dragging it resizes the measure column.
    /// Returns the new width while it is dragged.
    fn resize_handle(ui: &egui::Ui, x: f32, y: egui::Rangef, width: f32) -> Option<f32> {
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
            .then(|| (width + handle.drag_delta().x).clamp(160.0, 640.0))
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
                body.rows(self.row_height(), self.rows.len(), |mut row| {
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
                                ui.style_mut().interaction.selectable_labels = false;
                                ui.vertical(|ui| {
                                    let title = marked(ui, &m.title, self.words, RichText::strong);
                                    ui.add(Label::new(title).truncate());
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
        shown: &mut Shown,
    ) -> (f32, Option<egui::Rect>) {
        let d = &self.session.dossier;
        let dark = ui.visuals().dark_mode;
        let mut selected_cell = None;
        if self.columns.is_empty() {
            return (self.offset, None);
        }
        // The columns share the width, none wider than MAX_COLUMN nor narrower than MIN_COLUMN
        // (more stakeholders than fit scroll sideways); each can be dragged wider or narrower.
        // The table keeps dragged widths until the window's width changes by a step.
        #[allow(clippy::cast_precision_loss)] // a few hundred columns at most
        let share = ((ui.available_width() - 8.0 * self.columns.len() as f32)
            / self.columns.len() as f32)
            .clamp(MIN_COLUMN, MAX_COLUMN);
        #[allow(clippy::cast_possible_truncation)] // a width in points, divided
        let step = (ui.available_width() / 40.0).round() as i32;
        let output = self
            .table(ui, "cells")
            .id_salt(("grid-cells", step, self.tall))
            .resizable(true)
            .columns(
                Column::initial(share).range(80.0..=900.0).clip(true),
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
                body.rows(self.row_height(), self.rows.len(), |mut row| {
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
                            if ui.is_rect_visible(rect) || (selected && self.focus_selected) {
                                let response = self.cell(ui, mi, s, assessments[s], selected, dark);
                                if selected && self.focus_selected && !response.has_focus() {
                                    response.request_focus();
                                }
                                if response.has_focus() {
                                    shown.focused = true;
                                }
                                // Tab brings the focus to a cell: the selection follows it.
                                let tabbed = response.gained_focus() && !self.focus_selected;
                                if (response.clicked() || tabbed) && !selected {
                                    inbox.push(Message::Select(sel));
                                }
                                if response.double_clicked() {
                                    inbox.push(Message::Select(sel));
                                    shown.focus_note = true;
                                }
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
        // The whole cell takes the click: its text is not selectable, so no label eats it.
        ui.style_mut().interaction.selectable_labels = false;
        let response = ui.interact(rect, cell_id(mi, s), Sense::click());
        if response.has_focus() {
            // The arrows move the selection, which the focus follows, not egui's own focus walk.
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    response.id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        ..Default::default()
                    },
                );
            });
        }
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
        if response.has_focus() {
            ui.painter().rect_stroke(
                rect.shrink(3.0),
                3.0,
                theme::focus_ring(ui.visuals()),
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
                        self.comparison_mark(ui, mi, s);
                    });
                }
                None => {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(unassessed(self.lang)).color(weak).italics());
                        self.review_mark(ui, a);
                        self.comparison_mark(ui, mi, s);
                    });
                }
            }
            if let Some(a) = a.filter(|a| !a.note.is_empty()) {
                let small = |r: RichText| r.size(SMALL_TEXT);
                if self.tall {
                    // Up to three lines of the note, wrapped, cut with an ellipsis.
                    let mut job = std::sync::Arc::unwrap_or_clone(
                        marked(ui, &a.note, self.words, small).into_layout_job(
                            ui.style(),
                            egui::FontSelection::Default,
                            Align::Min,
                        ),
                    );
                    job.wrap.max_rows = 3;
                    job.wrap.overflow_character = Some('…');
                    ui.add(Label::new(job).wrap());
                } else {
                    let first = a.note.lines().next().unwrap_or_default();
                    ui.add(Label::new(marked(ui, first, self.words, small)).truncate());
                }
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
            if let Some((mark, _)) = self.comparison_text(mi, s) {
                name = format!("{name} — {}", tr(self.lang, mark));
            }
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, name)
        });
        response
    }

    /// What the comparison says of a cell, as a short mark and its explanation: in conflict
    /// after a merge, or the analysts disagree.
    fn comparison_text(&self, mi: usize, s: usize) -> Option<(Text, Text)> {
        use crate::view::compare::CellAgreement;
        if self.comparison.in_conflict(mi, s) {
            Some((Text::ConflictShort, Text::ConflictTip))
        } else if self.comparison.mark(mi, s) == Some(CellAgreement::Differ) {
            Some((Text::DisagreeShort, Text::DisagreeTip))
        } else {
            None
        }
    }

    /// The comparison's mark on a cell, in words (never colour alone).
    fn comparison_mark(&self, ui: &mut egui::Ui, mi: usize, s: usize) {
        if let Some((mark, tip)) = self.comparison_text(mi, s) {
            ui.label(
                RichText::new(tr(self.lang, mark))
                    .size(SMALL_TEXT)
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(tr(self.lang, tip));
        }
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
