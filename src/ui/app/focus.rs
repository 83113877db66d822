//! Where the keyboard is: F6 and Shift+F6 move it between the panes (filters, grid, the note,
//! the quotes), a double-click in the grid puts it in the note, and the caret of a focused
//! field stops blinking once the user pauses, so an idle window draws nothing.

use super::App;
use crate::ui::{detail, filters, grid};
use eframe::egui;

/// Seconds without input after which the caret stops blinking and stays shown: a blinking
/// caret redraws the window twice a second, a few per cent of a core for nothing.
pub const BLINK_SECONDS: f64 = 5.0;

/// Whether the caret blinks, `idle` seconds after the last input.
#[must_use]
pub fn caret_blinks(idle: f64) -> bool {
    idle < BLINK_SECONDS
}

/// A stop of F6's round, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pane {
    Filters,
    Grid,
    Note,
    Quotes,
}

/// Where each pane was drawn last frame, to tell which one holds the focus.
#[derive(Default)]
pub(super) struct PaneRects {
    pub filters: Option<egui::Rect>,
    pub detail: Option<egui::Rect>,
}

impl App {
    /// The panes F6 visits now: the folded panels and an empty detail are skipped.
    fn panes(&self) -> Vec<Pane> {
        let mut panes = Vec::with_capacity(4);
        if !self.prefs.hide_filters {
            panes.push(Pane::Filters);
        }
        panes.push(Pane::Grid);
        if !self.prefs.hide_detail && self.selection.is_some() {
            panes.push(Pane::Note);
            if self.detail.first_quote.is_some() {
                panes.push(Pane::Quotes);
            }
        }
        panes
    }

    /// The pane that holds the keyboard focus; the grid when no widget has it (its keys work
    /// then).
    fn current_pane(&self, ctx: &egui::Context) -> Pane {
        let Some(id) = ctx.memory(egui::Memory::focused) else {
            return Pane::Grid;
        };
        if id == detail::note_id() {
            return Pane::Note;
        }
        if Some(id) == self.detail.first_quote {
            return Pane::Quotes;
        }
        let at = ctx.read_response(id).map(|r| r.rect.center());
        let inside = |r: Option<egui::Rect>| r.zip(at).is_some_and(|(r, p)| r.contains(p));
        if inside(self.panes_at.filters) {
            Pane::Filters
        } else if inside(self.panes_at.detail) {
            // Below the note: the stakeholder's positions.
            let note_bottom = ctx
                .read_response(detail::note_id())
                .map(|r| r.rect.bottom());
            if at.zip(note_bottom).is_some_and(|(p, b)| p.y > b) {
                Pane::Quotes
            } else {
                Pane::Note
            }
        } else {
            Pane::Grid
        }
    }

    /// Move the keyboard focus to the next pane (or the previous one).
    pub(super) fn cycle_pane(&mut self, forward: bool, ctx: &egui::Context) {
        let panes = self.panes();
        let here = self.current_pane(ctx);
        let at = panes.iter().position(|&p| p == here).unwrap_or(0);
        let next = if forward {
            (at + 1) % panes.len()
        } else {
            (at + panes.len() - 1) % panes.len()
        };
        self.focus_pane(panes[next], ctx);
    }

    /// Put the keyboard focus in `pane`.
    pub(super) fn focus_pane(&mut self, pane: Pane, ctx: &egui::Context) {
        let target = match pane {
            Pane::Filters => Some(filters::search_id()),
            Pane::Grid => {
                if self.selection.is_none() {
                    self.move_by(crate::ui::Command::Down);
                }
                self.grid.focus_selected = true;
                self.grid.scroll_to_selection = true;
                self.selection
                    .map(|s| grid::cell_id(s.measure, s.stakeholder))
            }
            Pane::Note => Some(detail::note_id()),
            Pane::Quotes => self.detail.first_quote,
        };
        if let Some(id) = target {
            ctx.memory_mut(|m| m.request_focus(id));
        }
    }

    /// Escape in the search field or the grid (not in the note) empties a search.
    pub(super) fn escape_clears_search(&self, ctx: &egui::Context) -> bool {
        if self.filters.search.is_empty() {
            return false;
        }
        // egui has already taken the focus away from the field on Escape: ask where it was.
        let was = self.last_focus;
        let here = was.is_none() || was == Some(filters::search_id()) || self.grid.focused;
        here && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
    }

    /// Note when the user last did something, and let the caret blink only for a few seconds
    /// after it.
    pub(super) fn caret(&mut self, ctx: &egui::Context, visuals: &mut egui::Visuals) {
        let (now, active) = ctx.input(|i| {
            (
                i.time,
                !i.events.is_empty() || i.pointer.is_moving() || i.pointer.any_down(),
            )
        });
        if active {
            self.last_input = now;
        }
        let idle = now - self.last_input;
        visuals.text_cursor.blink = caret_blinks(idle);
        if visuals.text_cursor.blink && ctx.memory(|m| m.focused().is_some()) {
            // Wake up once more when the blinking stops, to draw the caret shown.
            #[allow(clippy::cast_possible_truncation)] // a few seconds
            let left = (BLINK_SECONDS - idle).max(0.0) as f32;
            ctx.request_repaint_after(std::time::Duration::from_secs_f32(left + 0.05));
        }
    }
}

/// Take this frame's presses of the digit keys 0 to 4 as stance commands, read by where the
/// key is (its physical key), not by what the layout types on it: on AZERTY the unshifted 4
/// types `'` and 1 types `&`. Presses whose physical key is unknown are left to the logical
/// shortcuts.
pub(super) fn take_stance_digits(ctx: &egui::Context) -> Vec<crate::ui::Command> {
    let mut found = Vec::new();
    ctx.input_mut(|i| {
        i.events.retain(|e| {
            let egui::Event::Key {
                physical_key: Some(key),
                pressed: true,
                modifiers,
                ..
            } = e
            else {
                return true;
            };
            if modifiers.command || modifiers.ctrl || modifiers.alt || modifiers.mac_cmd {
                return true;
            }
            match crate::ui::Command::of_digit(*key) {
                Some(c) => {
                    found.push(c);
                    false
                }
                None => true,
            }
        });
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caret_blinks_only_in_the_first_seconds_after_an_input() {
        assert!(caret_blinks(0.0));
        assert!(caret_blinks(BLINK_SECONDS - 0.1));
        assert!(!caret_blinks(BLINK_SECONDS));
        assert!(!caret_blinks(3600.0));
    }
}
