//! The heatmap's panel above the grid, and what its clicks do to the grid's filters and
//! selection ([`crate::ui::heatmap`] draws it).

use super::App;
use crate::ui::heatmap::{self, HeatClick};
use crate::view::Row;
use eframe::egui;

impl App {
    /// The heatmap, at the top of the grid's side of the window.
    pub(super) fn heatmap_panel(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        let mut by_measure = self.prefs.heatmap.by_measure;
        let click = egui::Panel::top("heatmap")
            .resizable(true)
            .default_size(200.0)
            .show(ui, |ui| {
                heatmap::show(
                    ui,
                    &self.heat,
                    &self.session.dossier,
                    &self.index,
                    &self.filters,
                    &mut by_measure,
                    lang,
                )
            })
            .inner;
        self.prefs.heatmap.by_measure = by_measure;
        if let Some(click) = click {
            self.heat_click(click);
        }
    }

    /// Filter the grid to a box, show everything again, or select a measure's cell.
    pub(super) fn heat_click(&mut self, click: HeatClick) {
        let d = &self.session.dossier;
        let (stakeholders, pillars) = (d.stakeholders.len(), d.pillars.len());
        match click {
            HeatClick::Filter {
                stakeholder,
                pillar,
            } => {
                self.filters.hidden_stakeholders =
                    (0..stakeholders).filter(|&s| s != stakeholder).collect();
                self.filters.hidden_pillars = match pillar {
                    Some(p) => (0..pillars).filter(|&i| i != p).collect(),
                    None => std::collections::BTreeSet::new(),
                };
            }
            HeatClick::ShowAll => {
                self.filters.hidden_stakeholders.clear();
                self.filters.hidden_pillars.clear();
            }
            HeatClick::Select(sel) => {
                // The cell is shown, whatever the filters hid.
                let visible = !self.filters.hidden_stakeholders.contains(&sel.stakeholder)
                    && self
                        .grid
                        .rows
                        .iter()
                        .any(|r| matches!(r, Row::Measure(m) if *m == sel.measure));
                if !visible {
                    self.filters = crate::view::Filters::default();
                }
                self.select(sel, true);
            }
        }
        self.grid.stale = true;
    }
}
