//! Text with the search words marked: the words the filter found get a background, in the grid
//! and the detail panel, compared as the search compares (accents and case ignored).

use super::theme;
use crate::view::search_matches;
use eframe::egui::{self, RichText, WidgetText, text::LayoutJob};

/// `text` styled by `style`, its parts that match one of the folded search `words` on the
/// search highlight background. Plain styled text when nothing matches.
pub fn marked(
    ui: &egui::Ui,
    text: &str,
    words: &[String],
    style: impl Fn(RichText) -> RichText,
) -> WidgetText {
    in_ranges(ui, text, &search_matches(text, words), style)
}

/// `text` styled by `style`, its byte `ranges` (in order, not overlapping) on the search
/// highlight background.
pub fn in_ranges(
    ui: &egui::Ui,
    text: &str,
    ranges: &[std::ops::Range<usize>],
    style: impl Fn(RichText) -> RichText,
) -> WidgetText {
    if ranges.is_empty() {
        return style(RichText::new(text)).into();
    }
    let bg = theme::search_highlight(ui.visuals());
    let mut job = LayoutJob::default();
    let mut push = |part: &str, hit: bool| {
        if part.is_empty() {
            return;
        }
        let mut rich = style(RichText::new(part));
        if hit {
            rich = rich.background_color(bg);
        }
        rich.append_to(
            &mut job,
            ui.style(),
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    };
    let mut at = 0;
    for r in ranges.iter().cloned() {
        push(&text[at..r.start], false);
        push(&text[r.start..r.end], true);
        at = r.end;
    }
    push(&text[at..], false);
    job.into()
}
