//! The chat beside a stream: a message as readers see it, what a player is sent of the chat
//! when it asks, and what a message may be.

use super::UserId;
use super::conversation::written_body;
use super::validation::Lines;
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// The longest chat message, in characters.
pub const CHAT_CHARS_MAX: usize = 300;
/// The messages of a stream its page shows, and a live stream keeps in memory.
pub const CHAT_KEPT: usize = 200;

/// One message of a stream's chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatLine {
    pub id: i64,
    /// Who wrote it: for the team's desk only (to mute them), none for readers.
    pub author: Option<UserId>,
    pub name: String,
    pub company: String,
    /// Written by the streaming team.
    pub from_team: bool,
    pub body: String,
    /// Seconds into the stream.
    pub second: i64,
}

impl ChatLine {
    /// The message as every reader may see it: without its author's id.
    pub fn public(&self) -> ChatLine {
        ChatLine {
            author: None,
            ..self.clone()
        }
    }
}

/// What is new in a live stream's chat for a player: the messages after the last one it has,
/// and the messages the team deleted lately.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatNews {
    pub lines: Vec<ChatLine>,
    pub removed: Vec<i64>,
}

/// A chat message as it is kept: trimmed, one line, not empty, at most `CHAT_CHARS_MAX`
/// characters, no hidden characters.
pub fn chat_body(text: &str) -> Result<String, AppError> {
    written_body(text, CHAT_CHARS_MAX, Lines::One)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn a_chat_message_is_one_short_visible_line() {
        assert_eq!(
            chat_body("  Do you ship to Santos?  ").unwrap(),
            "Do you ship to Santos?"
        );
        assert_eq!(
            chat_body(" \n ").unwrap_err(),
            AppError::invalid("body", ErrorCode::MessageEmpty)
        );
        assert!(chat_body(&"é".repeat(CHAT_CHARS_MAX)).is_ok());
        assert_eq!(
            chat_body(&"é".repeat(CHAT_CHARS_MAX + 1)).unwrap_err(),
            AppError::invalid("body", ErrorCode::MessageTooLong)
        );
        assert_eq!(
            chat_body("two\nlines").unwrap_err(),
            AppError::invalid("body", ErrorCode::HiddenCharacter)
        );
        assert_eq!(
            chat_body("price \u{202E}001").unwrap_err(),
            AppError::invalid("body", ErrorCode::HiddenCharacter)
        );
        assert!(chat_body("مرحبا \u{200F}").is_ok());
    }
}
