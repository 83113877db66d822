//! Colours the views use, owned here so views never hold colour literals. Stance colours follow
//! the Okabe–Ito palette (safe for the common colour-vision deficiencies); a stance is always
//! shown with its icon and word as well.

use crate::model::Stance;
use eframe::egui::{self, Color32, Visuals};
use serde::{Deserialize, Serialize};

/// Make the proportional font fall back on the monospace one, which has the stance symbols
/// (◐ ● ○) that the default proportional font lacks, then on the icon subsets of
/// `assets/fonts` (the file dialog's folders, arrows and disks; the warning sign).
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

fn font_definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in [
        (
            "dialog-icons",
            &include_bytes!("../../assets/fonts/dialog-icons.ttf")[..],
        ),
        (
            "dialog-folders",
            &include_bytes!("../../assets/fonts/dialog-folders.ttf")[..],
        ),
    ] {
        fonts.font_data.insert(
            name.to_owned(),
            std::sync::Arc::new(egui::FontData::from_static(bytes)),
        );
    }
    for (family, extra) in [
        (
            egui::FontFamily::Proportional,
            &["Hack", "dialog-icons", "dialog-folders"][..],
        ),
        (
            egui::FontFamily::Monospace,
            &["dialog-icons", "dialog-folders"][..],
        ),
    ] {
        if let Some(list) = fonts.families.get_mut(&family) {
            list.extend(extra.iter().map(|name| (*name).to_owned()));
        }
    }
    fonts
}

/// The user's theme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Light background.
    #[default]
    Light,
    /// Dark background.
    Dark,
}

impl Theme {
    /// egui's visuals for the theme.
    #[must_use]
    pub fn visuals(self) -> Visuals {
        match self {
            Theme::Light => Visuals::light(),
            Theme::Dark => Visuals::dark(),
        }
    }
}

/// The strong colour of a stance (text, icon, border).
#[must_use]
pub fn stance_colour(stance: Stance, dark: bool) -> Color32 {
    match (stance, dark) {
        (Stance::Agreement, false) => Color32::from_rgb(0, 118, 86),
        (Stance::Agreement, true) => Color32::from_rgb(64, 200, 160),
        (Stance::Partial, false) => Color32::from_rgb(150, 95, 0),
        (Stance::Partial, true) => Color32::from_rgb(240, 180, 40),
        (Stance::Gap, false) => Color32::from_rgb(190, 70, 0),
        (Stance::Gap, true) => Color32::from_rgb(255, 130, 60),
        (Stance::Silent, false) => Color32::from_rgb(90, 90, 100),
        (Stance::Silent, true) => Color32::from_rgb(170, 170, 180),
    }
}

/// A stance's share in the heatmap's bars and squares: the full Okabe–Ito hue (as the report's
/// heatmap), on which black text reads at 5:1 or more; an unassessed share is the panel's faint
/// background.
#[must_use]
pub fn stance_bar(stance: Option<Stance>, dark: bool) -> Color32 {
    match stance {
        Some(Stance::Agreement) => Color32::from_rgb(0, 158, 115),
        Some(Stance::Partial) => Color32::from_rgb(230, 159, 0),
        Some(Stance::Gap) => Color32::from_rgb(213, 94, 0),
        Some(Stance::Silent) => Color32::from_gray(187),
        None if dark => Color32::from_gray(40),
        None => Color32::from_gray(245),
    }
}

/// The cell background of a stance: a light tint of its colour.
#[must_use]
pub fn stance_fill(stance: Stance, dark: bool) -> Color32 {
    let base = match stance {
        Stance::Agreement => Color32::from_rgb(0, 158, 115),
        Stance::Partial => Color32::from_rgb(230, 159, 0),
        Stance::Gap => Color32::from_rgb(213, 94, 0),
        Stance::Silent => Color32::from_rgb(128, 128, 128),
    };
    let alpha = match (stance, dark) {
        (Stance::Silent, false) => 14,
        (Stance::Silent, true) => 24,
        (_, false) => 44,
        (_, true) => 64,
    };
    Color32::from_rgba_unmultiplied(base.r(), base.g(), base.b(), alpha)
}

/// The outline of the selected cell.
#[must_use]
pub fn selection(visuals: &Visuals) -> Color32 {
    visuals.selection.stroke.color
}

/// The background of pillar heading rows.
#[must_use]
pub fn pillar_fill(visuals: &Visuals) -> Color32 {
    visuals.faint_bg_color
}

/// Secondary text (ids, counts, hints): quieter than body text, but at 4.5:1 contrast or more
/// on the panel background (egui's own weak colour falls below that).
#[must_use]
pub fn weak_text(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(175)
    } else {
        Color32::from_gray(95)
    }
}

/// The ring around the grid cell that has the keyboard focus: thicker than the
/// selection outline and in the focus colour egui gives other widgets, so it reads apart from
/// the selection.
#[must_use]
pub fn focus_ring(visuals: &Visuals) -> egui::Stroke {
    egui::Stroke::new(3.0, visuals.widgets.hovered.fg_stroke.color)
}

/// The background of a quote in the reader: the stakeholder's column (`None`: a measure's
/// citation, the government's words) picks one of the Okabe–Ito hues, faint enough to read the
/// text on; the quote's owner is also named when the pointer rests on it.
#[must_use]
pub fn quote_background(column: Option<usize>, dark: bool) -> Color32 {
    const HUES: [(u8, u8, u8); 6] = [
        (86, 180, 233),
        (230, 159, 0),
        (0, 158, 115),
        (204, 121, 167),
        (240, 228, 66),
        (213, 94, 0),
    ];
    let (r, g, b) = column.map_or((150, 150, 150), |c| HUES[c % HUES.len()]);
    Color32::from_rgba_unmultiplied(r, g, b, if dark { 70 } else { 60 })
}

/// The background behind the words the search found, in the grid and the detail panel.
#[must_use]
pub fn search_highlight(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(120, 95, 10)
    } else {
        Color32::from_rgb(255, 226, 110)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every symbol the built-in file dialog (`egui_file` 0.29) and the views draw: the ones
    /// egui's default fonts lack came out as empty boxes before the icon subsets.
    const SYMBOLS: &str = "⟲⬆💾🗀🗋⚠✔📁📂◐●○▲▼·•«»’…–—";

    #[test]
    fn every_symbol_of_the_views_and_the_file_dialog_has_a_glyph() {
        let ctx = egui::Context::default();
        ctx.set_fonts(font_definitions());
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            let font = egui::FontId::new(14.0, family.clone());
            let missing: String = SYMBOLS
                .chars()
                .filter(|c| !ctx.fonts_mut(|fonts| fonts.has_glyph(&font, *c)))
                .collect();
            assert!(missing.is_empty(), "{family:?} lacks {missing}");
        }
    }

    #[test]
    fn the_default_fonts_alone_lack_the_dialog_icons() {
        let ctx = egui::Context::default();
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let font = egui::FontId::proportional(14.0);
        assert!(!ctx.fonts_mut(|fonts| fonts.has_glyph(&font, '🗀')));
    }
}
