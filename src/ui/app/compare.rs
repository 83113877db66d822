//! Comparing with other analysts: opening their sessions of the same dossier (in the background,
//! read only), closing the comparison, walking the disagreements and the conflicts a merge left,
//! and the comparison panel at the foot of the grid ([`crate::ui::compare`] draws it).

use super::App;
use super::picker::Purpose;
use super::tasks::{Job, Outcome};
use crate::persist::{LoadError, Loaded};
use crate::ui::i18n::Text;
use crate::ui::notice::Notice;
use crate::view::compare::{CellAgreement, Compared};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl App {
    /// Ask for another analyst's session to compare with.
    pub(super) fn pick_compare(&mut self) {
        self.pick_file(Purpose::CompareWith);
    }

    /// Read `path` in the background, to compare with the open session.
    pub(super) fn compare_with(&mut self, path: &Path) {
        let path = crate::ui::absolute(path);
        let same = |p: &Path| {
            let canonical = |q: &Path| std::fs::canonicalize(q).ok();
            canonical(p).is_some() && canonical(p) == canonical(&path)
        };
        if self.path.as_deref().is_some_and(same) {
            self.say(Text::CompareSameFile);
            return;
        }
        if self.compared_files.iter().any(|p| same(p)) {
            self.say(Text::CompareAlready);
            return;
        }
        let file = path.clone();
        self.start_task(Job::Compare { path }, move |_| {
            Outcome::Compared(Box::new(crate::persist::load(&file)))
        });
    }

    /// A session to compare was read: keep it beside the open one, or say why not.
    pub(super) fn compared(&mut self, path: PathBuf, result: Result<Loaded, LoadError>) {
        let lang = self.lang();
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(e) => {
                self.show_error(Text::CompareFailed, e.to_string());
                return;
            }
        };
        let (theirs, ours) = (&loaded.session.dossier.id, &self.session.dossier.id);
        if theirs != ours {
            let message =
                crate::ui::i18n::other_dossier(lang, &path.display().to_string(), theirs, ours);
            self.show_error(Text::CompareFailed, message);
            return;
        }
        let file_name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let name = if loaded.session.analyst.trim().is_empty() {
            file_name
        } else {
            loaded.session.analyst.to_string()
        };
        self.comparison.others.push(Compared {
            name: name.clone(),
            session: Arc::new(loaded.session),
        });
        self.compared_files.push(path);
        self.refresh_comparison();
        self.notice = Notice::text(Text::ComparingWith).raw(format!(
            "{name} — {}",
            crate::ui::i18n::disagreement_count(lang, self.comparison.disagreements())
        ));
    }

    /// Close every compared session.
    pub(super) fn stop_comparing(&mut self) {
        self.comparison.others.clear();
        self.compared_files.clear();
        self.refresh_comparison();
    }

    /// Recompute the marks and the agreement figures (the open session or the compared ones
    /// changed).
    pub(super) fn refresh_comparison(&mut self) {
        if !self.comparison.refresh(&self.session, &self.index) {
            return;
        }
        self.agreement = self
            .comparison
            .is_on()
            .then(|| self.comparison.agreement(&self.session).ok())
            .flatten();
    }

    /// Select the next (or previous) disagreement among the visible cells, or the next conflict
    /// a merge left.
    pub(super) fn seek_disagreement(&mut self, forward: bool, conflicts: bool) {
        if conflicts {
            let c = &self.comparison;
            let found = |m: usize, s: usize| c.in_conflict(m, s);
            let hits: Vec<bool> = self.cells_matching(found);
            self.seek(forward, &hits, Text::ConflictAt, Text::NoConflict);
        } else if !self.comparison.is_on() {
            self.say(Text::NotComparing);
        } else {
            let c = &self.comparison;
            let found = |m: usize, s: usize| c.mark(m, s) == Some(CellAgreement::Differ);
            let hits: Vec<bool> = self.cells_matching(found);
            self.seek(forward, &hits, Text::DisagreementAt, Text::NoDisagreement);
        }
    }

    /// Whether a merge left conflicts in the session, or another session is open to compare:
    /// then the comparison panel shows under the grid.
    pub(super) fn comparison_shown(&self) -> bool {
        self.comparison.is_on()
            || !self.session.cell_conflicts.is_empty()
            || !self.session.dossier_conflicts.is_empty()
    }

    /// The comparison panel, at the foot of the grid's side of the window.
    pub(super) fn comparison_panel(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        let cell = self.selection.and_then(|s| s.cell(&self.session.dossier));
        egui::Panel::bottom("comparison")
            .resizable(true)
            .default_size(320.0)
            .min_size(160.0)
            .show(ui, |ui| {
                // Room for a few lines of each version from the start.
                ui.set_min_height(280.0);
                crate::ui::compare::show(
                    ui,
                    &crate::ui::compare::Panel {
                        session: &self.session,
                        comparison: &self.comparison,
                        agreement: self.agreement.as_ref(),
                        cell: cell.as_ref(),
                        lang,
                    },
                    &mut self.inbox,
                );
            });
    }
}
