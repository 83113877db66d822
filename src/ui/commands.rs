//! Everything a user can invoke, as one enum: each command carries its label, tooltip and
//! keyboard shortcut in both languages, so menus, shortcuts and tooltips read the same table.
//! Commands are collected while a frame is drawn and run after it.

use super::i18n::{Text, tr};
use crate::i18n::Lang;
use crate::model::Stance;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};

/// A user command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// New session on the embedded dossier.
    New,
    /// Open a file (native dialog).
    Open,
    /// Open the example analysis.
    OpenExample,
    /// Save to the current file (asks for one if none).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Export the gap report.
    Export,
    /// Open the HTML report in the system's browser, to print.
    Print,
    /// Write the session as a REFI-QDA project (or its codebook).
    ExportQdpx,
    /// Add the coded selections of a REFI-QDA project as candidate positions.
    ImportQdpx,
    /// Show the candidate positions, to accept or discard.
    ReviewCandidates,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Focus the search field.
    Find,
    /// Tag the selected cell.
    SetStance(Stance),
    /// Clear the selected cell's stance.
    ClearStance,
    /// Select the next unassessed or Gap cell.
    NextToReview,
    /// Select the previous unassessed or Gap cell.
    PrevToReview,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move the selection left.
    Left,
    /// Move the selection right.
    Right,
    /// Move the selection a page (ten rows) up.
    PageUp,
    /// Move the selection a page (ten rows) down.
    PageDown,
    /// Select the first row, in the same column.
    FirstRow,
    /// Select the last row, in the same column.
    LastRow,
    /// Stop the work running in the background (open, save, export).
    CancelTask,
    /// Move the keyboard focus to the next pane: filters, grid, note, quotes.
    NextPane,
    /// Move the keyboard focus to the previous pane.
    PrevPane,
    /// Empty the search field (Escape in the search field or the grid does it too).
    ClearSearch,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Show or fold away the filters panel.
    ToggleFilters,
    /// Show or fold away the detail panel.
    ToggleDetail,
    /// Show or hide the heatmap above the grid.
    ToggleHeatmap,
    /// Choose the folder of the dossier's source documents.
    SourcesFolder,
    /// Open the dossier editor.
    EditDossier,
    /// A new session on an empty dossier.
    NewDossier,
    /// A new dossier drafted from a folder of documents.
    DossierFromFolder,
    /// Carry the session over to a new version of its dossier.
    UpdateDossier,
    /// Open another analyst's session of the same dossier beside this one, to compare.
    CompareWith,
    /// Close the sessions opened to compare.
    StopComparing,
    /// Select the next cell the analysts disagree on.
    NextDisagreement,
    /// Select the previous cell the analysts disagree on.
    PrevDisagreement,
    /// Select the next cell a merge left in conflict.
    NextConflict,
    /// Select the previous cell a merge left in conflict.
    PrevConflict,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// Every command, in the order menus and documentation list them. Keyboard handling does
    /// not depend on this order ([`Command::by_specificity`]).
    pub const ALL: [Command; 50] = [
        Command::New,
        Command::Open,
        Command::OpenExample,
        Command::Save,
        Command::SaveAs,
        Command::Export,
        Command::Print,
        Command::ExportQdpx,
        Command::ImportQdpx,
        Command::ReviewCandidates,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::SetStance(Stance::Agreement),
        Command::SetStance(Stance::Partial),
        Command::SetStance(Stance::Gap),
        Command::SetStance(Stance::Silent),
        Command::ClearStance,
        Command::NextToReview,
        Command::PrevToReview,
        Command::Up,
        Command::Down,
        Command::Left,
        Command::Right,
        Command::PageUp,
        Command::PageDown,
        Command::FirstRow,
        Command::LastRow,
        Command::CancelTask,
        Command::NextPane,
        Command::PrevPane,
        Command::ClearSearch,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleFilters,
        Command::ToggleDetail,
        Command::ToggleHeatmap,
        Command::SourcesFolder,
        Command::EditDossier,
        Command::NewDossier,
        Command::DossierFromFolder,
        Command::UpdateDossier,
        Command::CompareWith,
        Command::StopComparing,
        Command::NextDisagreement,
        Command::PrevDisagreement,
        Command::NextConflict,
        Command::PrevConflict,
    ];

    /// Every command, those whose shortcut holds more modifier keys first: Ctrl+Shift+S must
    /// be tried before Ctrl+S, which would otherwise take it (egui matches a shortcut whose
    /// modifiers are a subset of those held). Sorted once, on first use: the keyboard reads it
    /// every frame.
    #[must_use]
    pub fn by_specificity() -> &'static [Command] {
        static ORDER: std::sync::LazyLock<Vec<Command>> = std::sync::LazyLock::new(|| {
            let mut all = Command::ALL.to_vec();
            all.sort_by_key(|c| {
                let m = c.shortcut().map_or(Modifiers::NONE, |k| k.modifiers);
                std::cmp::Reverse(u8::from(m.command) + u8::from(m.shift) + u8::from(m.alt))
            });
            all
        });
        &ORDER
    }

    /// True for the commands that change the open session (not allowed while another one is
    /// being opened in its place).
    #[must_use]
    pub fn edits_session(self) -> bool {
        matches!(
            self,
            Command::Undo | Command::Redo | Command::SetStance(_) | Command::ClearStance
        )
    }

    /// The main keyboard shortcut.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let k = |m, key| Some(KeyboardShortcut::new(m, key));
        match self {
            Command::New => k(CTRL, Key::N),
            Command::Open => k(CTRL, Key::O),
            Command::Save => k(CTRL, Key::S),
            Command::SaveAs => k(CTRL_SHIFT, Key::S),
            Command::Export => k(CTRL, Key::E),
            Command::Print => k(CTRL, Key::P),
            Command::Quit => k(CTRL, Key::Q),
            Command::Undo => k(CTRL, Key::Z),
            Command::Redo => k(CTRL_SHIFT, Key::Z),
            Command::Find => k(CTRL, Key::F),
            Command::SetStance(s) => k(
                Modifiers::NONE,
                match s {
                    Stance::Agreement => Key::Num1,
                    Stance::Partial => Key::Num2,
                    Stance::Gap => Key::Num3,
                    Stance::Silent => Key::Num4,
                },
            ),
            Command::ClearStance => k(Modifiers::NONE, Key::Num0),
            Command::NextToReview => k(Modifiers::NONE, Key::N),
            Command::PrevToReview => k(Modifiers::SHIFT, Key::N),
            Command::Up => k(Modifiers::NONE, Key::ArrowUp),
            Command::Down => k(Modifiers::NONE, Key::ArrowDown),
            Command::Left => k(Modifiers::NONE, Key::ArrowLeft),
            Command::Right => k(Modifiers::NONE, Key::ArrowRight),
            Command::PageUp => k(Modifiers::NONE, Key::PageUp),
            Command::PageDown => k(Modifiers::NONE, Key::PageDown),
            Command::FirstRow => k(Modifiers::NONE, Key::Home),
            Command::LastRow => k(Modifiers::NONE, Key::End),
            Command::NextPane => k(Modifiers::NONE, Key::F6),
            Command::PrevPane => k(Modifiers::SHIFT, Key::F6),
            Command::ZoomIn => k(CTRL, Key::Plus),
            Command::ZoomOut => k(CTRL, Key::Minus),
            Command::ZoomReset => k(CTRL, Key::Num0),
            Command::NextDisagreement => k(Modifiers::NONE, Key::D),
            Command::PrevDisagreement => k(Modifiers::SHIFT, Key::D),
            Command::NextConflict => k(Modifiers::NONE, Key::C),
            Command::PrevConflict => k(Modifiers::SHIFT, Key::C),
            Command::CompareWith
            | Command::ExportQdpx
            | Command::ImportQdpx
            | Command::ReviewCandidates
            | Command::StopComparing
            | Command::OpenExample
            | Command::CancelTask
            | Command::ClearSearch
            | Command::ToggleFilters
            | Command::ToggleDetail
            | Command::ToggleHeatmap
            | Command::SourcesFolder
            | Command::EditDossier
            | Command::NewDossier
            | Command::DossierFromFolder
            | Command::UpdateDossier => None,
        }
    }

    /// A second shortcut: Ctrl+Y also redoes; Ctrl+= zooms in without Shift, as browsers do.
    #[must_use]
    pub fn alt_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(KeyboardShortcut::new(CTRL, Key::Y)),
            Command::ZoomIn => Some(KeyboardShortcut::new(CTRL, Key::Equals)),
            _ => None,
        }
    }

    /// True for single-key shortcuts, which must not fire while the user types in a text field
    /// (F6 is not one: it leaves the field for the next pane).
    #[must_use]
    pub fn is_grid_key(self) -> bool {
        self.shortcut()
            .is_some_and(|s| !s.modifiers.command && s.logical_key != Key::F6)
    }

    /// The stance command a digit key gives (1 to 4 set a stance, 0 clears it), whatever the
    /// keyboard layout types on it: on a French AZERTY keyboard the unshifted 4 types `'`.
    #[must_use]
    pub fn of_digit(key: Key) -> Option<Command> {
        Some(match key {
            Key::Num1 => Command::SetStance(Stance::Agreement),
            Key::Num2 => Command::SetStance(Stance::Partial),
            Key::Num3 => Command::SetStance(Stance::Gap),
            Key::Num4 => Command::SetStance(Stance::Silent),
            Key::Num0 => Command::ClearStance,
            _ => return None,
        })
    }

    /// The label in menus and buttons.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        let t = match self {
            Command::New => Text::CmdNew,
            Command::Open => Text::CmdOpen,
            Command::OpenExample => Text::CmdOpenExample,
            Command::Save => Text::CmdSave,
            Command::SaveAs => Text::CmdSaveAs,
            Command::Export => Text::CmdExport,
            Command::Print => Text::CmdPrint,
            Command::ExportQdpx => Text::CmdExportQdpx,
            Command::ImportQdpx => Text::CmdImportQdpx,
            Command::ReviewCandidates => Text::CmdReviewCandidates,
            Command::Quit => Text::CmdQuit,
            Command::Undo => Text::CmdUndo,
            Command::Redo => Text::CmdRedo,
            Command::Find => Text::CmdFind,
            Command::SetStance(s) => return s.label(lang),
            Command::ClearStance => Text::CmdClear,
            Command::NextToReview => Text::CmdNext,
            Command::PrevToReview => Text::CmdPrev,
            Command::Up => Text::CmdUp,
            Command::Down => Text::CmdDown,
            Command::Left => Text::CmdLeft,
            Command::Right => Text::CmdRight,
            Command::PageUp => Text::CmdPageUp,
            Command::PageDown => Text::CmdPageDown,
            Command::FirstRow => Text::CmdFirstRow,
            Command::LastRow => Text::CmdLastRow,
            Command::CancelTask => Text::CmdCancelTask,
            Command::NextPane => Text::CmdNextPane,
            Command::PrevPane => Text::CmdPrevPane,
            Command::ClearSearch => Text::CmdClearSearch,
            Command::ZoomIn => Text::CmdZoomIn,
            Command::ZoomOut => Text::CmdZoomOut,
            Command::ZoomReset => Text::CmdZoomReset,
            Command::ToggleFilters => Text::CmdToggleFilters,
            Command::ToggleDetail => Text::CmdToggleDetail,
            Command::ToggleHeatmap => Text::CmdToggleHeatmap,
            Command::SourcesFolder => Text::CmdSourcesFolder,
            Command::EditDossier => Text::CmdEditDossier,
            Command::NewDossier => Text::CmdNewDossier,
            Command::DossierFromFolder => Text::CmdDossierFromFolder,
            Command::UpdateDossier => Text::CmdUpdateDossier,
            Command::CompareWith => Text::CmdCompareWith,
            Command::StopComparing => Text::CmdStopComparing,
            Command::NextDisagreement => Text::CmdNextDisagreement,
            Command::PrevDisagreement => Text::CmdPrevDisagreement,
            Command::NextConflict => Text::CmdNextConflict,
            Command::PrevConflict => Text::CmdPrevConflict,
        };
        tr(lang, t)
    }

    /// The tooltip.
    #[must_use]
    pub fn tooltip(self, lang: Lang) -> &'static str {
        let t = match self {
            Command::New => Text::CmdNewTip,
            Command::Open => Text::CmdOpenTip,
            Command::OpenExample => Text::CmdOpenExampleTip,
            Command::Save => Text::CmdSaveTip,
            Command::SaveAs => Text::CmdSaveAsTip,
            Command::Export => Text::CmdExportTip,
            Command::Print => Text::CmdPrintTip,
            Command::ExportQdpx => Text::CmdExportQdpxTip,
            Command::ImportQdpx => Text::CmdImportQdpxTip,
            Command::ReviewCandidates => Text::CmdReviewCandidatesTip,
            Command::Quit => Text::CmdQuitTip,
            Command::Undo => Text::CmdUndoTip,
            Command::Redo => Text::CmdRedoTip,
            Command::Find => Text::CmdFindTip,
            // What the stance means, as the report's method section says it.
            Command::SetStance(s) => return crate::report::text::stance_meaning(lang, s),
            Command::ClearStance => Text::CmdClearTip,
            Command::NextToReview => Text::CmdNextTip,
            Command::PrevToReview => Text::CmdPrevTip,
            Command::Up
            | Command::Down
            | Command::Left
            | Command::Right
            | Command::PageUp
            | Command::PageDown
            | Command::FirstRow
            | Command::LastRow => Text::CmdMoveTip,
            Command::CancelTask => Text::CmdCancelTaskTip,
            Command::NextPane | Command::PrevPane => Text::CmdPaneTip,
            Command::ClearSearch => Text::CmdClearSearchTip,
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => Text::CmdZoomTip,
            Command::ToggleFilters | Command::ToggleDetail => Text::CmdTogglePanelTip,
            Command::ToggleHeatmap => Text::CmdToggleHeatmapTip,
            Command::SourcesFolder => Text::CmdSourcesFolderTip,
            Command::EditDossier => Text::CmdEditDossierTip,
            Command::NewDossier => Text::CmdNewDossierTip,
            Command::DossierFromFolder => Text::CmdDossierFromFolderTip,
            Command::UpdateDossier => Text::CmdUpdateDossierTip,
            Command::CompareWith => Text::CmdCompareWithTip,
            Command::StopComparing => Text::CmdStopComparingTip,
            Command::NextDisagreement | Command::PrevDisagreement => Text::CmdDisagreementTip,
            Command::NextConflict | Command::PrevConflict => Text::CmdConflictTip,
        };
        tr(lang, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number for each command, by an exhaustive match: a new command does not compile until
    /// it has one, and the test below then fails until it is in [`Command::ALL`].
    fn ordinal(c: Command) -> usize {
        match c {
            Command::New => 0,
            Command::Open => 1,
            Command::OpenExample => 2,
            Command::Save => 3,
            Command::SaveAs => 4,
            Command::Export => 5,
            Command::Quit => 6,
            Command::Undo => 7,
            Command::Redo => 8,
            Command::Find => 9,
            Command::SetStance(Stance::Agreement) => 10,
            Command::SetStance(Stance::Partial) => 11,
            Command::SetStance(Stance::Gap) => 12,
            Command::SetStance(Stance::Silent) => 13,
            Command::ClearStance => 14,
            Command::NextToReview => 15,
            Command::PrevToReview => 16,
            Command::Up => 17,
            Command::Down => 18,
            Command::Left => 19,
            Command::Right => 20,
            Command::PageUp => 21,
            Command::PageDown => 22,
            Command::FirstRow => 23,
            Command::LastRow => 24,
            Command::CancelTask => 25,
            Command::NextPane => 26,
            Command::PrevPane => 27,
            Command::ClearSearch => 28,
            Command::ZoomIn => 29,
            Command::ZoomOut => 30,
            Command::ZoomReset => 31,
            Command::ToggleFilters => 32,
            Command::ToggleDetail => 33,
            Command::SourcesFolder => 34,
            Command::EditDossier => 35,
            Command::NewDossier => 36,
            Command::DossierFromFolder => 37,
            Command::UpdateDossier => 38,
            Command::ToggleHeatmap => 39,
            Command::Print => 40,
            Command::CompareWith => 41,
            Command::StopComparing => 42,
            Command::NextDisagreement => 43,
            Command::PrevDisagreement => 44,
            Command::NextConflict => 45,
            Command::PrevConflict => 46,
            Command::ExportQdpx => 47,
            Command::ImportQdpx => 48,
            Command::ReviewCandidates => 49,
        }
    }

    #[test]
    fn the_table_lists_every_command_once() {
        let mut seen: Vec<usize> = Command::ALL.iter().map(|&c| ordinal(c)).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..Command::ALL.len()).collect::<Vec<_>>());
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut keys: Vec<(KeyboardShortcut, Command)> = Command::ALL
            .iter()
            .flat_map(|&c| {
                [c.shortcut(), c.alt_shortcut()]
                    .into_iter()
                    .flatten()
                    .map(move |k| (k, c))
            })
            .collect();
        for (i, (k, c)) in keys.iter().enumerate() {
            if let Some((_, other)) = keys[..i].iter().find(|(o, _)| o == k) {
                panic!("{c:?} and {other:?} share the shortcut {k:?}");
            }
        }
        keys.clear();
    }

    #[test]
    fn a_shortcut_with_more_modifiers_is_tried_before_its_subset() {
        let order = Command::by_specificity();
        let at = |c| order.iter().position(|&o| o == c).expect("listed");
        assert!(at(Command::SaveAs) < at(Command::Save));
        assert!(at(Command::Redo) < at(Command::Undo));
        assert!(at(Command::PrevToReview) < at(Command::NextToReview));
    }

    #[test]
    fn a_stance_button_explains_the_stance_as_the_report_s_method_does() {
        let tip = Command::SetStance(Stance::Silent).tooltip(Lang::Fr);
        assert!(tip.contains("ce n’est pas un jugement"), "{tip}");
        assert_eq!(
            Command::SetStance(Stance::Gap).tooltip(Lang::En),
            crate::report::text::method(Lang::En)[2].1
        );
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip_in_both_languages() {
        for c in Command::ALL {
            for lang in Lang::ALL {
                assert!(!c.label(lang).is_empty(), "{c:?}");
                assert!(!c.tooltip(lang).is_empty(), "{c:?}");
            }
        }
    }
}
