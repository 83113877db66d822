//! The Help menu's windows (the keys, the method, About) and the analyst's name, asked on first
//! start in a window that blocks nothing.

use super::App;
use crate::model::Action;
use crate::ui::commands::Command;
use crate::ui::i18n::{Text, tr};
use eframe::egui;
use std::sync::Arc;

/// A page of the Help menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Page {
    /// Every command with its keyboard shortcut.
    Keys,
    /// What each stance means and what counts as evidence (the report's method section).
    Method,
    /// Version, licence, build date.
    About,
}

impl Page {
    /// The pages, in the menu's order, with their menu entries.
    pub(super) const ALL: [(Page, Text); 3] = [
        (Page::Keys, Text::HelpKeys),
        (Page::Method, Text::HelpMethod),
        (Page::About, Text::HelpAbout),
    ];
}

/// The day the binary was built, as an ISO date: `VISAVIS_BUILD_EPOCH`, which build.rs takes from
/// `SOURCE_DATE_EPOCH` (reproducible builds set it) or else the last commit's date; `None` when
/// neither was there (a source tree without git).
fn build_date() -> Option<String> {
    let secs: i64 = option_env!("VISAVIS_BUILD_EPOCH")?.trim().parse().ok()?;
    let (y, m, d) = crate::i18n::format::civil_from_days(secs.div_euclid(86_400));
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

impl App {
    /// Open a page of the Help menu.
    pub(super) fn show_help(&mut self, page: Page) {
        self.help = Some(page);
    }

    /// The Help window on screen, if any; Escape or its Close button closes it.
    pub(super) fn help_window(&mut self, ctx: &egui::Context) {
        let Some(page) = self.help else {
            return;
        };
        let lang = self.lang();
        let title = Page::ALL
            .iter()
            .find(|(p, _)| *p == page)
            .map_or("", |(_, t)| tr(lang, *t));
        let mut open = true;
        let mut close = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        egui::Window::new(title)
            .id(egui::Id::unique("help"))
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(ctx.content_rect().height() * 0.7)
                    .show(ui, |ui| match page {
                        Page::Keys => keys(ui, lang),
                        Page::Method => {
                            for (name, meaning) in crate::report::text::method(lang) {
                                ui.label(egui::RichText::new(name).strong());
                                ui.label(meaning);
                                ui.add_space(4.0);
                            }
                        }
                        Page::About => {
                            ui.heading(format!("Vis-à-vis {}", env!("CARGO_PKG_VERSION")));
                            ui.label(tr(lang, Text::AboutWhat));
                            ui.hyperlink(env!("CARGO_PKG_HOMEPAGE"));
                            ui.label(format!(
                                "{}{} {}",
                                tr(lang, Text::AboutLicence),
                                lang.pick("\u{a0}:", ":"),
                                env!("CARGO_PKG_LICENSE")
                            ));
                            if let Some(day) = build_date() {
                                ui.label(format!(
                                    "{}{} {}",
                                    tr(lang, Text::AboutBuilt),
                                    lang.pick("\u{a0}:", ":"),
                                    crate::i18n::date(lang, &day)
                                ));
                            }
                        }
                    });
                if ui.button(tr(lang, Text::CloseButton)).clicked() {
                    close = true;
                }
            });
        if close || !open {
            self.help = None;
        }
    }

    /// On first start (no analyst's name in the preferences), a small window asks for it; it
    /// blocks nothing, waits for any recovery question, and is never shown under `--frames`.
    pub(super) fn name_window(&mut self, ctx: &egui::Context) {
        let Some(typed) = &mut self.name_prompt else {
            return;
        };
        let lang = self.prefs.lang;
        let (mut done, mut later) = (false, false);
        egui::Window::new(tr(lang, Text::NameTitle))
            .id(egui::Id::unique("analyst-name"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -40.0])
            .show(ctx, |ui| {
                ui.label(tr(lang, Text::NameBody));
                let field = ui.add(
                    egui::TextEdit::singleline(typed)
                        .hint_text(tr(lang, Text::AnalystHint))
                        .desired_width(260.0),
                );
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    done = ui.button(tr(lang, Text::Ok)).clicked() || enter;
                    later = ui.button(tr(lang, Text::NameLater)).clicked();
                });
            });
        let name = typed.trim().to_owned();
        if done && !name.is_empty() {
            self.name_prompt = None;
            self.prefs.analyst.clone_from(&name);
            if self.session.analyst.is_empty() {
                if self.path.is_none() && !self.history.is_dirty() {
                    // The blank session of the start: its analyst is no edit to save.
                    Arc::make_mut(&mut self.session).analyst = name.as_str().into();
                } else {
                    self.inbox.action(Action::SetAnalyst { name });
                }
            }
        } else if later {
            self.name_prompt = None;
        }
    }
}

/// The keys table: each command with a shortcut, and its second shortcut if it has one.
fn keys(ui: &mut egui::Ui, lang: crate::i18n::Lang) {
    egui::Grid::new("keys").striped(true).show(ui, |ui| {
        for c in Command::ALL {
            let Some(main) = c.shortcut() else {
                continue;
            };
            let mut keys = ui.ctx().format_shortcut(&main);
            if let Some(alt) = c.alt_shortcut() {
                keys = format!("{keys}, {}", ui.ctx().format_shortcut(&alt));
            }
            ui.label(egui::RichText::new(keys).monospace());
            ui.label(c.label(lang));
            ui.end_row();
        }
    });
}
