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
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// Every command that has a keyboard shortcut or a menu entry, in the order they are tried
    /// (longer modifier combinations first, so Ctrl+Shift+S is not taken for Ctrl+S).
    pub const ALL: [Command; 25] = [
        Command::SaveAs,
        Command::Redo,
        Command::New,
        Command::Open,
        Command::OpenExample,
        Command::Save,
        Command::Export,
        Command::Quit,
        Command::Undo,
        Command::Find,
        Command::SetStance(Stance::Agreement),
        Command::SetStance(Stance::Partial),
        Command::SetStance(Stance::Gap),
        Command::SetStance(Stance::Silent),
        Command::ClearStance,
        Command::PrevToReview,
        Command::NextToReview,
        Command::Up,
        Command::Down,
        Command::Left,
        Command::Right,
        Command::PageUp,
        Command::PageDown,
        Command::FirstRow,
        Command::LastRow,
    ];

    /// The main keyboard shortcut.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let k = |m, key| Some(KeyboardShortcut::new(m, key));
        match self {
            Command::New => k(CTRL, Key::N),
            Command::Open => k(CTRL, Key::O),
            Command::OpenExample => None,
            Command::Save => k(CTRL, Key::S),
            Command::SaveAs => k(CTRL_SHIFT, Key::S),
            Command::Export => k(CTRL, Key::E),
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
        }
    }

    /// A second shortcut: Ctrl+Y also redoes.
    #[must_use]
    pub fn alt_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(KeyboardShortcut::new(CTRL, Key::Y)),
            _ => None,
        }
    }

    /// True for single-key shortcuts, which must not fire while the user types in a text field.
    #[must_use]
    pub fn is_grid_key(self) -> bool {
        self.shortcut().is_some_and(|s| !s.modifiers.command)
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
            Command::Quit => Text::CmdQuitTip,
            Command::Undo => Text::CmdUndoTip,
            Command::Redo => Text::CmdRedoTip,
            Command::Find => Text::CmdFindTip,
            Command::SetStance(_) => Text::CmdStanceTip,
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
        };
        tr(lang, t)
    }
}
