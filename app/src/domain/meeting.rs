//! Meetings: the slots an exhibitor publishes in its own time zone, and buyers' bookings of
//! them. Every time a page shows comes from the server already written in both parties'
//! zones, so that the browser, which has no time zone database, renders the same text.

use super::conversation::{ConversationBuyer, ConversationExhibitor};
use super::deal::Side;
use super::validation::Problems;
use super::{MeetingId, SlotId};
use crate::error::ErrorCode;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// The longest topic of a meeting request.
pub const TOPIC_CHARS_MAX: usize = 500;
/// How long a request waits for the exhibitor's answer, at most (it also ends at the slot's
/// start), in seconds.
pub const REQUEST_SECONDS: i64 = 24 * 3600;
/// Slot lengths the availability form offers, in minutes.
pub const SLOT_MINUTES: [u32; 4] = [15, 30, 45, 60];
/// The most slots one availability window makes.
pub const SLOTS_PER_WINDOW_MAX: u32 = 48;
/// How far ahead an exhibitor may publish slots, in days.
pub const DAYS_AHEAD_MAX: i64 = 120;

status_type!(
    /// Where a meeting stands.
    MeetingStatus {
        /// Waiting for the exhibitor's answer (until it expires).
        Requested => "requested",
        Confirmed => "confirmed",
        Declined => "declined",
        Cancelled => "cancelled",
        /// The exhibitor did not answer in time.
        Expired => "expired",
    }
);

impl MeetingStatus {
    /// Whether the meeting still holds its slot.
    pub fn is_live(self) -> bool {
        matches!(self, MeetingStatus::Requested | MeetingStatus::Confirmed)
    }
}

/// A window of availability as typed: a day and two times in the exhibitor's zone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AvailabilityForm {
    /// `YYYY-MM-DD`
    pub date: String,
    /// `HH:MM`
    pub from: String,
    /// `HH:MM`
    pub to: String,
    pub minutes: String,
}

/// A window of availability, still in the exhibitor's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValidAvailability {
    pub year: i16,
    pub month: i8,
    pub day: i8,
    /// Minutes after local midnight.
    pub from: u32,
    pub to: u32,
    pub minutes: u32,
}

pub(crate) fn date(typed: &str) -> Option<(i16, i8, i8)> {
    let mut parts = typed.trim().splitn(3, '-');
    let year = parts.next()?.parse::<i16>().ok()?;
    let month = parts.next()?.parse::<i8>().ok()?;
    let day = parts.next()?.parse::<i8>().ok()?;
    ((2000..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some((year, month, day))
}

pub(crate) fn minute_of_day(typed: &str) -> Option<u32> {
    let (hours, minutes) = typed.trim().split_once(':')?;
    let (hours, minutes) = (hours.parse::<u32>().ok()?, minutes.parse::<u32>().ok()?);
    // 24:00 closes a window at midnight.
    (hours < 24 && minutes < 60 || hours == 24 && minutes == 0).then_some(hours * 60 + minutes)
}

impl AvailabilityForm {
    pub fn validate(&self) -> Result<ValidAvailability, Vec<FieldError>> {
        let mut problems = Problems::default();
        let day = date(&self.date);
        if day.is_none() {
            problems.add("date", ErrorCode::DateInvalid);
        }
        let from = minute_of_day(&self.from);
        if from.is_none() {
            problems.add("from", ErrorCode::TimeInvalid);
        }
        let to = minute_of_day(&self.to);
        if to.is_none() {
            problems.add("to", ErrorCode::TimeInvalid);
        }
        let minutes = self
            .minutes
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| SLOT_MINUTES.contains(m));
        if minutes.is_none() {
            problems.add("minutes", ErrorCode::ChooseOne);
        }
        if let (Some(from), Some(to), Some(minutes)) = (from, to, minutes) {
            if to < from + minutes {
                problems.add("to", ErrorCode::WindowTooShort);
            } else if (to - from) / minutes > SLOTS_PER_WINDOW_MAX {
                problems.add("to", ErrorCode::TooMany);
            }
        }
        match (day, from, to, minutes) {
            (Some((year, month, day)), Some(from), Some(to), Some(minutes))
                if problems.is_empty() =>
            {
                Ok(ValidAvailability {
                    year,
                    month,
                    day,
                    from,
                    to,
                    minutes,
                })
            }
            _ => Err(problems.into_errors()),
        }
    }
}

/// A buyer's topic for a meeting.
pub fn topic(typed: &str) -> Result<String, Vec<FieldError>> {
    let mut problems = Problems::default();
    let topic = problems.line("topic", typed, TOPIC_CHARS_MAX, false);
    problems.into_result().map(|()| topic)
}

/// One moment in both parties' local times, written out by the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BothTimes {
    /// Unix seconds.
    pub at: i64,
    /// "Tue 2026-12-08 09:00", in the exhibitor's zone.
    pub exhibitor: String,
    /// The same moment in the buyer's zone.
    pub buyer: String,
}

/// A slot an exhibitor published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub id: SlotId,
    pub starts: BothTimes,
    pub minutes: i64,
}

/// The two parties' time zones, as IANA names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zones {
    pub exhibitor: String,
    pub buyer: String,
}

/// A meeting in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub with: String,
    pub starts: BothTimes,
    pub status: MeetingStatus,
}

/// What a buyer sees to book a meeting with an exhibitor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingPage {
    pub exhibitor: ConversationExhibitor,
    pub zones: Zones,
    /// Every zone the buyer can choose as theirs.
    pub zone_names: Vec<String>,
    /// Free slots still to come, soonest first.
    pub slots: Vec<Slot>,
    /// The buyer's meetings with this exhibitor.
    pub meetings: Vec<MeetingSummary>,
}

/// A meeting, as one party sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    pub id: MeetingId,
    pub status: MeetingStatus,
    pub slot: Slot,
    pub ends: BothTimes,
    pub zones: Zones,
    pub topic: String,
    pub buyer: ConversationBuyer,
    pub exhibitor: ConversationExhibitor,
    /// When an unanswered request stops holding the slot.
    pub expires: BothTimes,
    pub reader: Side,
    /// Other free slots of the exhibitor, for the buyer to move the meeting to.
    pub other_slots: Vec<Slot>,
}

/// The exhibitor's side: its zone, its slots to come, and the meetings booked in them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityPage {
    pub zone: String,
    pub zone_names: Vec<String>,
    /// Slots to come, soonest first, with the live meeting booked in each.
    pub slots: Vec<(Slot, Option<MeetingSummary>)>,
}

/// A meeting's call: the meeting, the conversation beside it, and the STUN and TURN servers
/// (RTCIceServer entries as JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallRoom {
    pub meeting: MeetingView,
    pub conversation: super::ConversationId,
    pub ice_servers: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(date: &str, from: &str, to: &str, minutes: &str) -> AvailabilityForm {
        AvailabilityForm {
            date: date.into(),
            from: from.into(),
            to: to.into(),
            minutes: minutes.into(),
        }
    }

    #[test]
    fn availability_is_a_day_two_times_and_a_slot_length() {
        assert_eq!(
            form("2026-12-08", "09:00", "12:00", "30").validate(),
            Ok(ValidAvailability {
                year: 2026,
                month: 12,
                day: 8,
                from: 540,
                to: 720,
                minutes: 30
            })
        );
        assert!(
            form("2026-12-08", "22:00", "24:00", "60")
                .validate()
                .is_ok()
        );
        let codes = |f: AvailabilityForm| {
            f.validate()
                .unwrap_err()
                .into_iter()
                .map(|e| format!("{}:{}", e.field, e.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(form("08/12/2026", "9h", "25:00", "20")),
            [
                "date:date_invalid",
                "from:time_invalid",
                "to:time_invalid",
                "minutes:choose_one"
            ]
        );
        assert_eq!(
            codes(form("2026-12-08", "10:00", "10:15", "30")),
            ["to:window_too_short"]
        );
        assert_eq!(
            codes(form("2026-12-08", "00:00", "24:00", "15")),
            ["to:too_many"]
        );
    }
}
