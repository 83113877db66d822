//! The one ordered queue from the views to the [`App`](super::App): what the user asked for
//! while a frame was drawn (a command, an edit, a selection, a dialog's answer), run after the
//! frame in the order it came. Views push; only the App drains.

use super::commands::Command;
use super::dialogs::Answer;
use crate::model::Action;
use crate::view::Selection;
use std::collections::VecDeque;

/// One thing a view asks the App to do.
#[derive(Debug)]
pub enum Message {
    /// A command, from a menu, a button or a key.
    Command(Command),
    /// An edit of the session, applied through the history.
    Action(Action),
    /// Select this cell (a click in the grid).
    Select(Selection),
    /// A dialog was answered.
    Answer(Answer),
    /// Open the reader on a source document, at a quote if given (a click on a quote).
    Read {
        /// The document.
        source: crate::model::SourceId,
        /// The quote to show, highlighted, with the paragraphs around it.
        excerpt: Option<String>,
    },
}

/// The queue of [`Message`]s, drained in arrival order after each frame.
#[derive(Debug, Default)]
pub struct Inbox(VecDeque<Message>);

impl Inbox {
    /// Queue a message.
    pub fn push(&mut self, m: Message) {
        self.0.push_back(m);
    }

    /// Queue a command.
    pub fn command(&mut self, c: Command) {
        self.push(Message::Command(c));
    }

    /// Queue an edit.
    pub fn action(&mut self, a: Action) {
        self.push(Message::Action(a));
    }

    /// The oldest message, if any.
    pub fn pop(&mut self) -> Option<Message> {
        self.0.pop_front()
    }

    /// Drop every queued message (the window is closing).
    pub fn clear(&mut self) {
        self.0.clear();
    }
}
