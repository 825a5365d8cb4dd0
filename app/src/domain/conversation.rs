//! Conversations between a buyer and an exhibitor's team, their messages, and the frames the
//! browser and the server exchange over the WebSocket (`/ws`).
//!
//! A message is stored before it is acknowledged. The browser gives each message an id of its
//! own (`client_id`) and sends it again until it sees the acknowledgement; the server stores a
//! sender's `client_id` once, so a message sent twice across a reconnect is kept once. After a
//! reconnect the browser asks for the messages after the last one it has, so nothing is lost.

use super::moderation::{OtherSide, Side};
use super::validation::{Lines, hidden_character};
use super::{ConversationId, CountryCode, ExhibitorId, Localized, MeetingId, MessageId, UserId};
use crate::error::AppError;
use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};

/// The longest message, in characters.
pub const MESSAGE_CHARS_MAX: usize = 4_000;
/// The longest id a browser may give a message.
pub const CLIENT_ID_CHARS_MAX: usize = 64;
/// Messages shown at a time, and replayed per frame after a reconnect.
pub const MESSAGES_PER_PAGE: usize = 50;
/// The code a socket is closed with when its session has ended (signed out, a new password,
/// removed from the team): the browser stops reconnecting and says so.
pub const SESSION_ENDED_CLOSE: u16 = 4401;

/// One message, as both sides see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: MessageId,
    pub conversation: ConversationId,
    pub sender: UserId,
    pub sender_name: String,
    /// Written by a member of the exhibitor's team (else by the buyer).
    pub from_exhibitor: bool,
    pub client_id: String,
    /// The text, or a file's caption (which may be empty).
    pub body: String,
    /// Unix seconds.
    pub sent_at: i64,
    /// A file sent with the message.
    pub attachment: Option<Attachment>,
}

/// The largest file sent in a conversation, in bytes.
pub const ATTACHMENT_BYTES_MAX: usize = 10 * 1024 * 1024;
/// The longest file name kept, in characters.
const ATTACHMENT_NAME_CHARS_MAX: usize = 120;

status_type! {
    /// What a file sent in a conversation is: an image (re-encoded, with a preview) or a PDF.
    AttachmentKind {
        Image => "image",
        Pdf => "pdf",
    }
}

/// A file sent in a conversation, as both sides see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub kind: AttachmentKind,
    /// The stored file's size.
    pub bytes: i64,
}

/// The name a file is shown and downloaded under: the sender's, without its folders and cut
/// to 120 characters, with the extension of the type it was checked to be (`.pdf`, or `.jpg`
/// for an image, which is re-encoded as one), so that a name never claims another type; a
/// plain name if nothing is left. A name with a control or direction character is refused.
pub fn attachment_name(sent: &str, kind: AttachmentKind) -> Result<String, AppError> {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    if hidden_character(base, Lines::One).is_some() {
        return Err(AppError::invalid("file", ErrorCode::HiddenCharacter));
    }
    let (extension, plain) = match kind {
        AttachmentKind::Image => ("jpg", "image"),
        AttachmentKind::Pdf => ("pdf", "document"),
    };
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    };
    let stem: String = stem
        .trim_matches(|c: char| c == '.' || c.is_whitespace())
        .chars()
        .take(ATTACHMENT_NAME_CHARS_MAX - extension.len() - 1)
        .collect();
    let stem = match stem.trim_end() {
        "" => plain,
        stem => stem,
    };
    Ok(format!("{stem}.{extension}"))
}

/// "820 KB", "2.4 MB": a file's size as people read it.
pub fn file_size(bytes: i64) -> String {
    let kb = (bytes.max(0) as f64) / 1024.0;
    if kb < 1024.0 {
        format!("{} KB", kb.ceil() as i64)
    } else {
        format!("{:.1} MB", kb / 1024.0)
    }
}

/// A file's caption, trimmed: empty is fine, too long is not.
pub fn caption(text: &str) -> Result<String, AppError> {
    let caption = text.trim();
    if caption.chars().count() > MESSAGE_CHARS_MAX {
        return Err(AppError::invalid("body", ErrorCode::MessageTooLong));
    }
    if hidden_character(caption, Lines::One).is_some() {
        return Err(AppError::invalid("body", ErrorCode::HiddenCharacter));
    }
    Ok(caption.to_owned())
}

/// The buyer of a conversation, as the exhibitor's team sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationBuyer {
    pub id: UserId,
    pub name: String,
    pub company: String,
    pub country: CountryCode,
}

/// The exhibitor of a conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationExhibitor {
    pub id: ExhibitorId,
    pub slug: String,
    pub name: Localized,
}

/// A conversation in a list: who it is with, its last message, what is unread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSummary {
    pub id: ConversationId,
    pub buyer: ConversationBuyer,
    pub exhibitor: ConversationExhibitor,
    /// Unix seconds.
    pub last_message_at: i64,
    /// The start of the last message, if there is one.
    pub last_body: Option<String>,
    /// Messages from the other side after the last one the reader read.
    pub unread: u64,
}

/// A conversation opened: its summary and a page of messages, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationView {
    pub summary: ConversationSummary,
    pub messages: Vec<Message>,
    /// The id to pass as `before` for older messages, if there are any.
    pub older_before: Option<MessageId>,
    /// Whether the reader writes as the exhibitor's team.
    pub reader_is_exhibitor: bool,
    /// A fresh id for the message of the page's plain form: sent twice, it is stored once.
    pub form_client_id: String,
    /// The reader's side blocked the conversation: no messages until it unblocks.
    pub blocked_by_reader: bool,
    /// The other side blocked it.
    pub blocked_by_other: bool,
    /// Whether the reader has reported the conversation.
    pub reported: bool,
    /// Whether the other side is here, and their time.
    pub other: OtherSide,
}

impl ConversationView {
    /// The reader's side.
    pub fn reader_side(&self) -> Side {
        if self.reader_is_exhibitor {
            Side::Team
        } else {
            Side::Buyer
        }
    }
}

/// A message's text, trimmed, if it is neither empty nor too long.
pub fn message_body(text: &str) -> Result<String, AppError> {
    written_body(text, MESSAGE_CHARS_MAX, Lines::Many)
}

/// A text someone writes to others (a message, a stream's chat), trimmed: refused on
/// `body` when empty, longer than `chars_max` characters, or with hidden characters.
pub fn written_body(text: &str, chars_max: usize, lines: Lines) -> Result<String, AppError> {
    let body = text.trim();
    if body.is_empty() {
        return Err(AppError::invalid("body", ErrorCode::MessageEmpty));
    }
    if body.chars().count() > chars_max {
        return Err(AppError::invalid("body", ErrorCode::MessageTooLong));
    }
    if hidden_character(body, lines).is_some() {
        return Err(AppError::invalid("body", ErrorCode::HiddenCharacter));
    }
    Ok(body.to_owned())
}

/// The id a browser gave a message, if it is one: letters, digits, `-` and `_`.
pub fn client_id(text: &str) -> Result<String, AppError> {
    let valid = !text.is_empty()
        && text.len() <= CLIENT_ID_CHARS_MAX
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        Ok(text.to_owned())
    } else {
        Err(AppError::invalid("client_id", ErrorCode::ClientIdInvalid))
    }
}

/// What the browser sends over the socket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChatFrame {
    /// Follow a conversation: the messages after `after` now, then each new one.
    Follow {
        conversation: ConversationId,
        after: Option<MessageId>,
    },
    /// Send a message; answered by `Ack` (or `Refused`) with the same `client_id`.
    Send {
        conversation: ConversationId,
        client_id: String,
        body: String,
    },
    /// The reader has read the conversation up to this message.
    Read {
        conversation: ConversationId,
        up_to: MessageId,
    },
    /// Join the video call of a meeting (its two parties, while it is live); answered by
    /// `CallJoined`.
    JoinCall { meeting: MeetingId },
    /// A WebRTC signal (an offer, an answer, an ICE candidate, as JSON), passed as it is to
    /// the others in the call.
    Signal { meeting: MeetingId, signal: String },
}

/// What the server sends over the socket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SocketFrame {
    /// The message with this `client_id` is stored (now, or before: it is the stored one).
    Ack { message: Message },
    /// A message of a followed conversation, from anyone (the sender's other tabs too).
    Message { message: Message },
    /// A frame was refused; `client_id` names the message, if it was one.
    Refused {
        client_id: Option<String>,
        error: AppError,
    },
    /// The socket is in the meeting's call; `others` were in it already.
    CallJoined { meeting: MeetingId, others: usize },
    /// Someone else joined the call.
    PeerJoined { meeting: MeetingId },
    /// Someone else's signal.
    Signal { meeting: MeetingId, signal: String },
    /// Someone else left the call.
    PeerLeft { meeting: MeetingId },
    /// The other side of a followed conversation came (someone of it has the site open) or
    /// went; sent first when the conversation is followed.
    Presence {
        conversation: ConversationId,
        online: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_trimmed_and_bounded() {
        assert_eq!(message_body("  Hello  ").unwrap(), "Hello");
        assert_eq!(
            message_body(" \n "),
            Err(AppError::invalid("body", ErrorCode::MessageEmpty))
        );
        let longest = "字".repeat(MESSAGE_CHARS_MAX);
        assert!(message_body(&longest).is_ok());
        assert_eq!(
            message_body(&format!("{longest}!")),
            Err(AppError::invalid("body", ErrorCode::MessageTooLong))
        );
    }

    #[test]
    fn file_names_lose_folders_and_take_the_checked_type() {
        let name = |sent: &str, kind| attachment_name(sent, kind).unwrap();
        assert_eq!(
            name("C:\\Users\\me\\报价单.pdf", AttachmentKind::Pdf),
            "报价单.pdf"
        );
        assert_eq!(
            name("../../etc/passwd\n", AttachmentKind::Pdf),
            "passwd.pdf"
        );
        assert_eq!(name("sample.png", AttachmentKind::Image), "sample.jpg");
        assert_eq!(
            name("invoice.pdf.exe", AttachmentKind::Pdf),
            "invoice.pdf.pdf"
        );
        assert_eq!(name(".pdf", AttachmentKind::Pdf), "pdf.pdf");
        assert_eq!(name("  ", AttachmentKind::Image), "image.jpg");
        assert_eq!(name(". .", AttachmentKind::Image), "image.jpg");
        assert_eq!(
            name(&"a".repeat(500), AttachmentKind::Pdf).chars().count(),
            120
        );
        for hidden in ["invoice\u{202E}fdp.exe", "tab\there.pdf", "nul\0.pdf"] {
            assert_eq!(
                attachment_name(hidden, AttachmentKind::Pdf),
                Err(AppError::invalid("file", ErrorCode::HiddenCharacter)),
                "{hidden:?}"
            );
        }
    }

    #[test]
    fn captions_and_bodies_refuse_hidden_characters() {
        assert!(caption("").unwrap().is_empty());
        assert_eq!(file_size(839_680), "820 KB");
        assert_eq!(file_size(2_516_582), "2.4 MB");
        assert!(caption(&"x".repeat(MESSAGE_CHARS_MAX + 1)).is_err());
        let hidden = Err(AppError::invalid("body", ErrorCode::HiddenCharacter));
        assert_eq!(caption("our\u{202E}price"), hidden);
        assert_eq!(caption("two\nlines"), hidden);
        assert_eq!(message_body("hello\u{2066}"), hidden);
        assert_eq!(message_body("two\r\nlines").unwrap(), "two\r\nlines");
    }

    #[test]
    fn client_ids_are_plain_and_short() {
        assert!(client_id("3f2b9c1e-7a7d-4c55-9d0b-2c1f8e6a4b10").is_ok());
        for bad in ["", "a b", "<script>", &"x".repeat(CLIENT_ID_CHARS_MAX + 1)] {
            assert!(client_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn frames_read_as_tagged_json() {
        let frame: ChatFrame = serde_json::from_str(
            r#"{"type":"send","conversation":7,"client_id":"a1","body":"Hi"}"#,
        )
        .unwrap();
        assert_eq!(
            frame,
            ChatFrame::Send {
                conversation: ConversationId(7),
                client_id: "a1".into(),
                body: "Hi".into()
            }
        );
        assert!(serde_json::from_str::<ChatFrame>(r#"{"type":"drop_tables"}"#).is_err());
    }
}
