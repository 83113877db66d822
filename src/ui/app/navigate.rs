//! Moving the selection: arrows, pages, first and last row, next and previous cell to review,
//! all among the cells the filters show.

use super::App;
use crate::i18n::Lang;
use crate::model::Stance;
use crate::ui::commands::Command;
use crate::ui::detail;
use crate::ui::i18n::{Text, tr};
use crate::ui::notice::Notice;
use crate::view::{Row, Selection};

/// Rows Page Up and Page Down move the selection by.
const PAGE_ROWS: isize = 10;

impl App {
    /// Select `sel`; `scroll` brings it into view (keys do, a click needs not).
    pub(super) fn select(&mut self, sel: Selection, scroll: bool) {
        if self.selection != Some(sel) {
            self.history.seal();
            self.detail = detail::DetailState::default();
        }
        self.selection = Some(sel);
        self.grid.scroll_to_selection |= scroll;
        // A key moved the selection while a cell had the focus: the focus ring follows.
        self.grid.focus_selected |= scroll && self.grid.focused;
    }

    /// The stakeholder columns the filters show (indices in the dossier).
    pub(super) fn visible_columns(&self) -> Vec<usize> {
        (0..self.session.dossier.stakeholders.len())
            .filter(|s| !self.filters.hidden_stakeholders.contains(s))
            .collect()
    }

    fn visible_measures(&self) -> Vec<usize> {
        self.grid
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Measure(m) => Some(*m),
                Row::Pillar(_) => None,
            })
            .collect()
    }

    /// Run a move command.
    pub(super) fn move_by(&mut self, c: Command) {
        let (dx, dy) = match c {
            Command::Up => (0, -1),
            Command::Down => (0, 1),
            Command::PageUp => (0, -PAGE_ROWS),
            Command::PageDown => (0, PAGE_ROWS),
            Command::FirstRow => (0, isize::MIN),
            Command::LastRow => (0, isize::MAX),
            Command::Left => (-1, 0),
            Command::Right => (1, 0),
            _ => return,
        };
        self.step(dx, dy);
    }

    /// Move the selection by `dx` columns and `dy` rows among the visible cells.
    fn step(&mut self, dx: isize, dy: isize) {
        let (rows, cols) = (self.visible_measures(), self.visible_columns());
        if rows.is_empty() || cols.is_empty() {
            return;
        }
        let Some(sel) = self.selection else {
            self.select(
                Selection {
                    measure: rows[0],
                    stakeholder: cols[0],
                },
                true,
            );
            return;
        };
        let r = rows.iter().position(|&m| m == sel.measure).unwrap_or(0);
        let c = cols.iter().position(|&s| s == sel.stakeholder).unwrap_or(0);
        let r = r.saturating_add_signed(dy).min(rows.len() - 1);
        let c = c.saturating_add_signed(dx).min(cols.len() - 1);
        self.select(
            Selection {
                measure: rows[r],
                stakeholder: cols[c],
            },
            true,
        );
    }

    /// Select the next (or previous) visible cell that is unassessed or a Gap, wrapping around,
    /// and say in the status bar which one of how many it is ("3 / 9") and when it wrapped.
    /// Reads the stances from the index: no cell is built or looked up by id, so a key press
    /// costs a fraction of a millisecond even on a hundred thousand cells.
    pub(super) fn review(&mut self, forward: bool) {
        let hits =
            self.cells_matching(|m, s| matches!(self.index.stance(m, s), None | Some(Stance::Gap)));
        self.seek(forward, &hits, Text::ReviewAt, Text::NothingToReview);
    }

    /// For each visible cell, row by row, whether `wanted(measure, stakeholder)` holds.
    pub(super) fn cells_matching(&self, wanted: impl Fn(usize, usize) -> bool) -> Vec<bool> {
        let (rows, cols) = (self.visible_measures(), self.visible_columns());
        rows.iter()
            .flat_map(|&m| cols.iter().map(move |&s| (m, s)))
            .map(|(m, s)| wanted(m, s))
            .collect()
    }

    /// Select the next (or previous) visible cell whose entry in `hits` (as
    /// [`App::cells_matching`] gives them) is set, wrapping around, and say in the status bar
    /// which one of how many it is (`what` "3 / 9") and when it wrapped; `none` when there is
    /// none.
    pub(super) fn seek(&mut self, forward: bool, hits: &[bool], what: Text, none: Text) {
        let (rows, cols) = (self.visible_measures(), self.visible_columns());
        let n = rows.len() * cols.len();
        if n == 0 || hits.len() != n {
            return;
        }
        let at = |i: usize| Selection {
            measure: rows[i / cols.len()],
            stakeholder: cols[i % cols.len()],
        };
        let here = self.selection.and_then(|s| {
            let row = rows.iter().position(|&m| m == s.measure)?;
            let col = cols.iter().position(|&k| k == s.stakeholder)?;
            Some(row * cols.len() + col)
        });
        let target = (1..=n)
            .map(|k| match (here, forward) {
                (Some(i), true) => (i + k) % n,
                (Some(i), false) => (i + n - k) % n,
                (None, true) => k - 1,
                (None, false) => n - k,
            })
            .find(|&i| hits[i]);
        let Some(target) = target else {
            self.say(none);
            return;
        };
        let rank = hits[..target].iter().filter(|h| **h).count() + 1;
        let total = rank + hits[target + 1..].iter().filter(|h| **h).count();
        let wrapped = here.is_some_and(|i| if forward { target <= i } else { target >= i });
        let mut notice = Notice::text(what).raw(format!("{rank} / {total}"));
        if wrapped {
            let back = if forward {
                Text::WrappedToStart
            } else {
                Text::WrappedToEnd
            };
            let paren = |lang| format!("({})", tr(lang, back));
            notice = notice.both(paren(Lang::Fr), paren(Lang::En));
        }
        self.notice = notice;
        self.select(at(target), true);
    }
}
