//! `/meetings/{id}/meeting.ics`: a meeting as a calendar event (RFC 5545), for its two
//! parties only, in UTC so that every calendar shows it in its owner's own zone.

use crate::http::error::HttpError;
use crate::http::extract::SignedIn;
use app::domain::MeetingId;
use app::domain::meeting::{MeetingStatus, MeetingView};
use app::error::AppError;
use app::links::meeting_path;
use app::ports::Meetings;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The meeting's calendar file, to its two parties.
pub async fn meeting_file(
    State(meetings): State<Arc<dyn Meetings>>,
    State(public_url): State<Arc<str>>,
    signed_in: Result<SignedIn, HttpError>,
    Path(id): Path<String>,
) -> Result<Response, HttpError> {
    let id = id.parse::<MeetingId>().map_err(|_| AppError::NotFound)?;
    let user = signed_in?.user;
    // The file carries moments in UTC, not the page's written times: any language will do.
    let meeting = meetings.get_meeting(Some(&user), id, "en").await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"meeting-{id}.ics\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        event(&meeting, &public_url),
    )
        .into_response())
}

/// A UTC time as iCalendar writes it: 20261208T010000Z.
fn utc(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

/// Escapes text for an iCalendar value.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

pub fn event(meeting: &MeetingView, public_url: &str) -> String {
    let host = public_url
        .split("://")
        .nth(1)
        .unwrap_or(public_url)
        .trim_end_matches('/');
    let status = match meeting.status {
        MeetingStatus::Confirmed => "CONFIRMED",
        MeetingStatus::Requested => "TENTATIVE",
        _ => "CANCELLED",
    };
    let summary = format!(
        "Cloud Fair: {} and {}",
        meeting.exhibitor.name.en, meeting.buyer.name
    );
    let link = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        meeting_path(meeting.id)
    );
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Cloud Fair//Meetings//EN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:meeting-{}@{host}", meeting.id),
        format!("DTSTAMP:{}", utc(crate::clock::now())),
        format!("DTSTART:{}", utc(meeting.slot.starts.at)),
        format!("DTEND:{}", utc(meeting.ends.at)),
        format!("SUMMARY:{}", text(&summary)),
        format!(
            "DESCRIPTION:{}",
            text(&format!("{}\n{link}", meeting.topic))
        ),
        format!("URL:{link}"),
        format!("STATUS:{status}"),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.join("\r\n") + "\r\n"
}
