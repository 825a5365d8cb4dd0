//! Keeping conversations civil: either side may block a conversation (no new messages until
//! it unblocks) and report it to the organizer with a reason; a report keeps what the
//! reporter saw. Also what the reader sees of the other side: present or not, and the time
//! where they are.

use super::validation::Problems;
use super::{ConversationId, ReportId, UserId};
use crate::error::AppError;
use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};

/// The longest note a report may carry, in characters.
pub const REPORT_NOTE_CHARS_MAX: usize = 1_000;
/// Messages a report keeps for the organizer, the newest.
pub const REPORT_EXCERPT_MESSAGES: usize = 20;

status_type! {
    /// A side of a conversation: its buyer, or the exhibitor's team.
    Side {
        Buyer => "buyer",
        Team => "team",
    }
}

status_type! {
    /// Why a conversation is reported.
    ReportReason {
        Spam => "spam",
        Fraud => "fraud",
        Abuse => "abuse",
        Counterfeit => "counterfeit",
        Other => "other",
    }
}

impl Side {
    /// The side across the conversation.
    pub fn other(self) -> Side {
        match self {
            Side::Buyer => Side::Team,
            Side::Team => Side::Buyer,
        }
    }
}

impl ReportReason {
    pub const ALL: [ReportReason; 5] = [
        ReportReason::Spam,
        ReportReason::Fraud,
        ReportReason::Abuse,
        ReportReason::Counterfeit,
        ReportReason::Other,
    ];
}

/// A report as the form sent it, checked: a known reason and a note of bounded length
/// (needed when the reason is "other").
pub fn valid_report(reason: &str, note: &str) -> Result<(ReportReason, String), AppError> {
    let mut problems = Problems::default();
    let reason = problems.need(
        ReportReason::parse(reason.trim()),
        "reason",
        ErrorCode::ChooseOne,
    );
    let note = problems.text("note", note, REPORT_NOTE_CHARS_MAX, false);
    if reason == Some(ReportReason::Other) && note.is_empty() {
        problems.add("note", ErrorCode::Required);
    }
    match reason {
        Some(reason) if problems.is_empty() => Ok((reason, note)),
        _ => Err(AppError::Validation(problems.into_errors())),
    }
}

/// The other side of a conversation, as the reader sees it when the page is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherSide {
    /// Someone of that side has the site open (a buyer, or anyone in the team).
    pub online: bool,
    /// Their time zone's name.
    pub zone: String,
    /// Their zone's offset from UTC now, in seconds.
    pub utc_offset: i32,
    /// When the server made the page, unix seconds (the clock starts from it).
    pub at: i64,
}

/// "14:05", the time of day at `unix` seconds with `utc_offset`.
pub fn clock(unix: i64, utc_offset: i32) -> String {
    let minute = (unix + i64::from(utc_offset))
        .div_euclid(60)
        .rem_euclid(24 * 60);
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// "UTC+8", "UTC−3:30", "UTC".
pub fn offset_name(utc_offset: i32) -> String {
    if utc_offset == 0 {
        return "UTC".into();
    }
    let sign = if utc_offset < 0 { '−' } else { '+' };
    let minutes = utc_offset.unsigned_abs() / 60;
    match minutes % 60 {
        0 => format!("UTC{sign}{}", minutes / 60),
        rest => format!("UTC{sign}{}:{rest:02}", minutes / 60),
    }
}

/// A report as the organizer reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationReport {
    pub id: ReportId,
    pub conversation: ConversationId,
    pub reporter: UserId,
    pub reporter_name: String,
    pub reporter_email: String,
    /// The side the reporter wrote for.
    pub reporter_side: Side,
    /// Who the report is about: the buyer's name and company, or the exhibitor's name.
    pub reported: String,
    pub reason: ReportReason,
    pub note: String,
    /// The last messages when it was reported, oldest first, one per line.
    pub excerpt: String,
    /// Unix seconds.
    pub reported_at: i64,
    /// Whether each side has the conversation blocked now.
    pub blocked_by_buyer: bool,
    pub blocked_by_team: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_need_a_known_reason_and_a_bounded_note() {
        assert_eq!(
            valid_report("spam", "  "),
            Ok((ReportReason::Spam, String::new()))
        );
        assert!(valid_report("rude", "").is_err());
        assert!(valid_report("other", "").is_err(), "other needs a note");
        assert!(valid_report("other", "asks for payment outside").is_ok());
        let long = "x".repeat(REPORT_NOTE_CHARS_MAX + 1);
        assert!(valid_report("fraud", &long).is_err());
    }

    #[test]
    fn clocks_and_offsets_read_as_people_write_them() {
        // 2026-12-08 01:00 UTC.
        let at = 1_796_691_600;
        assert_eq!(clock(at, 0), "01:00");
        assert_eq!(clock(at, 8 * 3600), "09:00");
        assert_eq!(clock(at, -5 * 3600), "20:00");
        assert_eq!(offset_name(8 * 3600), "UTC+8");
        assert_eq!(offset_name(-(3 * 3600 + 1800)), "UTC−3:30");
        assert_eq!(offset_name(0), "UTC");
    }
}
