//! The reader: one source document in a window of its own, virtualised by paragraph (only the
//! paragraphs in view are laid out; the others keep the height they had, or an estimate), with
//! the dossier's quotes from it marked in their stakeholder's colour, a search inside it
//! (accents and case ignored), and the text selectable: a selection within a paragraph becomes a
//! new position or a measure's citation, verbatim by construction, through [`pick`].

pub(crate) mod pick;

use super::i18n::{Text, tr};
use super::message::Inbox;
use super::theme;
use crate::i18n::Lang;
use crate::model::{CellId, Dossier, PositionId, Session, SourceId};
use crate::view::Reading;
use eframe::egui::{self, text::LayoutJob};
use std::ops::Range;

pub use pick::PickForm;

/// The reader's state between frames.
#[derive(Default)]
pub struct ReaderState {
    /// The document shown, if the reader is open.
    pub reading: Option<Reading>,
    /// Each paragraph's height as last laid out (or estimated), at `width`.
    heights: Vec<f32>,
    /// Where each paragraph starts, from the top of the text: the running sum of `heights`.
    tops: Vec<f32>,
    width: f32,
    /// The quote asked for: its paragraph and bytes, marked as the current one.
    target: Option<(usize, Range<usize>)>,
    /// Frames left to bring `target` into view (estimates settle as paragraphs are laid out).
    scroll_frames: u8,
    /// The search as typed, and what it found.
    pub query: String,
    searched: String,
    hits: Vec<(usize, Range<usize>)>,
    hit: usize,
    /// The selection within one paragraph: its index and bytes.
    pub selection: Option<(usize, Range<usize>)>,
    /// The form that makes the selection a position or a citation.
    pub form: Option<PickForm>,
    /// The position last made from a selection, to link as evidence in one click.
    pub added: Option<PositionId>,
}

/// The id of paragraph `index`'s text, so tests can select in it.
#[must_use]
pub fn paragraph_id(index: usize) -> egui::Id {
    egui::Id::unique("reader-paragraph").with(index)
}

/// The id of the reader's search field.
#[must_use]
pub fn search_id() -> egui::Id {
    egui::Id::unique("reader-search")
}

impl ReaderState {
    /// Show `reading`, at the paragraph and bytes of `target` if given.
    pub fn open(&mut self, reading: Reading, target: Option<(usize, Range<usize>)>) {
        let same = self
            .reading
            .as_ref()
            .is_some_and(|r| r.source == reading.source && r.len() == reading.len());
        if !same {
            self.heights.clear();
            self.tops.clear();
            self.selection = None;
            self.form = None;
            self.searched.clear();
            self.hits.clear();
        }
        self.reading = Some(reading);
        self.target = target;
        self.scroll_frames = 3;
    }

    /// Show `reading` in place of the same document's older model (the dossier changed): the
    /// place, the search and the selection stay.
    pub fn refresh(&mut self, reading: Reading) {
        let same = self
            .reading
            .as_ref()
            .is_some_and(|r| r.source == reading.source && r.len() == reading.len());
        if same {
            self.reading = Some(reading);
        } else {
            self.open(reading, None);
        }
    }

    /// The source shown, if any.
    #[must_use]
    pub fn source(&self) -> Option<&SourceId> {
        self.reading.as_ref().map(|r| &r.source)
    }

    /// Close the reader.
    pub fn close(&mut self) {
        *self = Self::default();
    }

    fn layout_for(&mut self, width: f32, row: f32) {
        let Some(reading) = &self.reading else {
            return;
        };
        if (self.width - width).abs() < 0.5 && self.heights.len() == reading.len() {
            return;
        }
        // A first guess from the number of characters; each paragraph laid out replaces it.
        let per_line = (width / (row * 0.45)).max(1.0);
        self.heights = (0..reading.len())
            .map(|i| {
                let text = reading.paragraph(i);
                let lines: f32 = text
                    .lines()
                    .map(|l| (count(l) / per_line).ceil().max(1.0))
                    .sum();
                lines * row + PARAGRAPH_GAP
            })
            .collect();
        self.width = width;
        self.sum_tops();
    }

    fn sum_tops(&mut self) {
        self.tops.clear();
        let mut top = 0.0;
        for h in &self.heights {
            self.tops.push(top);
            top += h;
        }
        self.tops.push(top);
    }
}

/// Space below each paragraph.
const PARAGRAPH_GAP: f32 = 8.0;

// Paragraph lengths are far below 2^24 characters.
#[allow(clippy::cast_precision_loss)]
fn count(s: &str) -> f32 {
    s.chars().count() as f32
}

/// Draw the reader window if a document is open; what the user asks goes to `inbox`.
pub fn show(
    ctx: &egui::Context,
    state: &mut ReaderState,
    session: &Session,
    cell: Option<&CellId>,
    lang: Lang,
    inbox: &mut Inbox,
) {
    let dossier = &session.dossier;
    let Some(reading) = &state.reading else {
        return;
    };
    let title = dossier.source(&reading.source).map_or_else(
        || reading.source.to_string(),
        |s| format!("{} — {}", s.organisation, s.title),
    );
    let mut open = true;
    egui::Window::new(format!("{} · {title}", tr(lang, Text::ReaderTitle)))
        .id(egui::Id::unique("reader"))
        .open(&mut open)
        .default_size([720.0, 600.0])
        .default_pos(ctx.content_rect().center() - egui::vec2(420.0, 300.0))
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            toolbar(ui, state, lang);
            pick::bar(ui, state, session, cell, lang, inbox);
            ui.separator();
            body(ui, state, dossier);
        });
    if !open {
        state.close();
    }
}

/// The search field, the count of hits and the way between them, and the quotes found.
fn toolbar(ui: &mut egui::Ui, state: &mut ReaderState, lang: Lang) {
    let Some(reading) = state.reading.take() else {
        return;
    };
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.query)
                .id(search_id())
                .hint_text(tr(lang, Text::ReaderSearchHint))
                .desired_width(220.0),
        );
        if state.query != state.searched {
            state.hits = reading.search(&state.query);
            state.searched.clone_from(&state.query);
            state.hit = 0;
            if let Some((p, r)) = state.hits.first() {
                state.target = Some((*p, r.clone()));
                state.scroll_frames = 3;
            }
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !state.hits.is_empty() {
            ui.label(format!("{} / {}", state.hit + 1, state.hits.len()));
            let step = |state: &mut ReaderState, forward: bool| {
                let n = state.hits.len();
                state.hit = if forward {
                    (state.hit + 1) % n
                } else {
                    (state.hit + n - 1) % n
                };
                let (p, r) = state.hits[state.hit].clone();
                state.target = Some((p, r));
                state.scroll_frames = 3;
            };
            if ui
                .button("▲")
                .on_hover_text(tr(lang, Text::ReaderPrevHit))
                .clicked()
            {
                step(state, false);
            }
            if ui
                .button("▼")
                .on_hover_text(tr(lang, Text::ReaderNextHit))
                .clicked()
                || enter
            {
                step(state, true);
                if enter {
                    field.request_focus();
                }
            }
        } else if !state.query.trim().is_empty() {
            ui.label(tr(lang, Text::ReaderNoHit));
        }
        let (found, of) = reading.found;
        ui.label(
            egui::RichText::new(crate::ui::i18n::quotes_marked(lang, found, of))
                .small()
                .color(theme::weak_text(ui.visuals())),
        );
    });
    state.reading = Some(reading);
}

/// The paragraphs in view, laid out; the others only take their height.
fn body(ui: &mut egui::Ui, state: &mut ReaderState, dossier: &Dossier) {
    let row = ui.text_style_height(&egui::TextStyle::Body);
    let width = ui.available_width().max(100.0);
    state.layout_for(width, row);
    let total = state.tops.last().copied().unwrap_or(0.0);
    let scroll_to = state
        .target
        .as_ref()
        .filter(|_| state.scroll_frames > 0)
        .map(|(p, _)| *p);
    let Some(reading) = state.reading.take() else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("reader-scroll")
        .auto_shrink(false)
        // A drag selects text, as in every reader; the wheel and the bar scroll.
        .scroll_source(
            egui::containers::scroll_area::ScrollSource::SCROLL_BAR
                | egui::containers::scroll_area::ScrollSource::MOUSE_WHEEL,
        )
        .show_viewport(ui, |ui, viewport| {
            ui.set_min_height(total);
            let origin = ui.min_rect().min;
            let first = state
                .tops
                .partition_point(|&t| t <= viewport.min.y)
                .saturating_sub(1);
            let mut changed = false;
            let mut p = first;
            while p < reading.len() && state.tops[p] <= viewport.max.y {
                let top = origin.y + state.tops[p];
                let rect = egui::Rect::from_min_size(
                    egui::pos2(origin.x, top),
                    egui::vec2(width, state.heights[p]),
                );
                let height = paragraph(ui, state, &reading, dossier, p, rect);
                if (height - state.heights[p]).abs() > 0.5 {
                    state.heights[p] = height;
                    changed = true;
                }
                p += 1;
            }
            if let Some(p) = scroll_to.filter(|&p| p < reading.len()) {
                let rect = egui::Rect::from_min_size(
                    egui::pos2(origin.x, origin.y + state.tops[p]),
                    egui::vec2(width, state.heights[p]),
                );
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
            if changed {
                state.sum_tops();
                ui.ctx().request_repaint();
            }
        });
    state.reading = Some(reading);
    if scroll_to.is_some() {
        state.scroll_frames -= 1;
        ui.ctx().request_repaint();
    }
}

/// Paragraph `p` at `rect`, selectable, its quotes and the search hits marked; its height.
fn paragraph(
    ui: &mut egui::Ui,
    state: &mut ReaderState,
    reading: &Reading,
    dossier: &Dossier,
    p: usize,
    rect: egui::Rect,
) -> f32 {
    let text = reading.paragraph(p);
    let visuals = ui.visuals().clone();
    let spans = spans(state, reading, dossier, p, &visuals);
    let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| {
        let mut job = job(ui, buf.as_str(), &spans);
        job.wrap.max_width = wrap;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let drawn = crate::view::shown(text);
    let mut shown = drawn.as_ref();
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    let output = egui::TextEdit::multiline(&mut shown)
        .id(paragraph_id(p))
        .frame(egui::Frame::NONE)
        .desired_width(rect.width())
        .desired_rows(1)
        .layouter(&mut layouter)
        .show(&mut child);
    let r = &output.response.response;
    // The paragraph the user last pressed, dragged or typed in holds the selection (a read-only
    // text does not always keep the focus).
    if r.has_focus() || r.is_pointer_button_down_on() || r.drag_stopped() || r.clicked() {
        let selection = output.cursor_range.and_then(|r| {
            let [a, b] = r.sorted_cursors();
            let bytes = char_to_byte(text, a.index.0)..char_to_byte(text, b.index.0);
            (!bytes.is_empty()).then_some((p, bytes))
        });
        if selection != state.selection {
            // The bar above the text, drawn before it, offers what to do with the selection.
            state.selection = selection;
            ui.ctx().request_repaint();
        }
    }
    let height = output.response.response.rect.height();
    let marks = reading.marks(p);
    if !marks.is_empty() {
        let who: Vec<String> = marks
            .iter()
            .map(|m| {
                let name = m
                    .stakeholder
                    .as_ref()
                    .and_then(|s| dossier.stakeholder(s))
                    .map_or("", |s| s.name.as_str());
                if name.is_empty() {
                    m.by.clone()
                } else {
                    format!("{name} · {}", m.by)
                }
            })
            .collect();
        output.response.response.on_hover_text(who.join("\n"));
    }
    height + PARAGRAPH_GAP
}

/// The byte where character `index` of `text` starts.
fn char_to_byte(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

/// What to paint behind each part of paragraph `p`: its quotes in their stakeholder's colour,
/// the quote asked for and the search hits on top.
fn spans(
    state: &ReaderState,
    reading: &Reading,
    dossier: &Dossier,
    p: usize,
    visuals: &egui::Visuals,
) -> Vec<(Range<usize>, egui::Color32)> {
    let mut spans: Vec<(Range<usize>, egui::Color32)> = reading
        .marks(p)
        .iter()
        .map(|m| {
            let column = m
                .stakeholder
                .as_ref()
                .and_then(|s| dossier.stakeholders.iter().position(|x| &x.id == s));
            (
                m.range.clone(),
                theme::quote_background(column, visuals.dark_mode),
            )
        })
        .collect();
    if let Some((tp, r)) = &state.target
        && *tp == p
        && state.hits.is_empty()
    {
        spans.push((r.clone(), theme::search_highlight(visuals)));
    }
    let hit = theme::search_highlight(visuals);
    spans.extend(
        state
            .hits
            .iter()
            .filter(|(hp, _)| *hp == p)
            .map(|(_, r)| (r.clone(), hit)),
    );
    spans
}

/// `text` as a layout job, each byte on the background of the last span that covers it.
fn job(ui: &egui::Ui, text: &str, spans: &[(Range<usize>, egui::Color32)]) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, _) in spans {
        cuts.push(r.start.min(text.len()));
        cuts.push(r.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        let Some(part) = text.get(from..to) else {
            continue;
        };
        let background = spans
            .iter()
            .rev()
            .find(|(r, _)| r.start <= from && to <= r.end)
            .map_or(egui::Color32::TRANSPARENT, |(_, c)| *c);
        job.append(
            part,
            0.0,
            egui::TextFormat {
                font_id: font.clone(),
                color: colour,
                background,
                ..Default::default()
            },
        );
    }
    job
}
