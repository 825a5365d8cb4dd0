//! Meetings: booking an exhibitor's slot, answering, cancelling and moving a meeting, and
//! the team's availability. Plain forms that work without JavaScript; the service checks
//! every right.

use crate::domain::meeting::{
    AvailabilityForm, AvailabilityPage, BookingPage, CallRoom, MeetingSummary, MeetingView,
};
use crate::domain::{MeetingId, SlotId, StreamId};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::links::{booking_path, meeting_path};
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

/// The team's page of availability.
pub const AVAILABILITY_PATH: &str = "/exhibitor/meetings";

#[server(endpoint = "get_booking_page")]
pub async fn get_booking_page(exhibitor: String) -> Result<BookingPage, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Meetings>()?
                .get_booking_page(user.as_ref(), &exhibitor, session::request_locale().await)
                .await
        }
        .await,
    )
}

/// Books `slot` with `exhibitor`; `stream` when the buyer came from under its video.
#[server(endpoint = "book_meeting")]
pub async fn book_meeting(
    exhibitor: String,
    slot: SlotId,
    topic: String,
    #[server(default)] stream: Option<StreamId>,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let topic = crate::domain::meeting::topic(&topic).map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::Meetings>()?
            .book_meeting(user.as_ref(), slot, topic, stream)
            .await
    }
    .await;
    let done = result
        .as_ref()
        .map(|id| meeting_path(*id))
        .unwrap_or_default();
    let typed = [("topic", topic.as_str())];
    session::finish(result, &done, &booking_path(&exhibitor), &typed)
        .await
        .map(|_| ())
}

#[server(endpoint = "get_meeting")]
pub async fn get_meeting(id: MeetingId) -> Result<MeetingView, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Meetings>()?
                .get_meeting(user.as_ref(), id, session::request_locale().await)
                .await
        }
        .await,
    )
}

/// The team's answer to a request: `confirm` or `decline`.
#[server(endpoint = "answer_meeting")]
pub async fn answer_meeting(meeting: MeetingId, answer: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let confirm = match answer.as_str() {
            "confirm" => true,
            "decline" => false,
            _ => {
                return Err(AppError::invalid(
                    "answer",
                    crate::error::ErrorCode::ChooseOne,
                ));
            }
        };
        crate::ports::port::<dyn crate::ports::Meetings>()?
            .answer_meeting(user.as_ref(), meeting, confirm)
            .await
    }
    .await;
    let page = meeting_path(meeting);
    session::finish(result, &page, &page, &[]).await
}

#[server(endpoint = "cancel_meeting")]
pub async fn cancel_meeting(meeting: MeetingId) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Meetings>()?
            .cancel_meeting(user.as_ref(), meeting)
            .await
    }
    .await;
    let page = meeting_path(meeting);
    session::finish(result, &page, &page, &[]).await
}

#[server(endpoint = "reschedule_meeting")]
pub async fn reschedule_meeting(meeting: MeetingId, slot: SlotId) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Meetings>()?
            .reschedule_meeting(user.as_ref(), meeting, slot)
            .await
    }
    .await;
    let page = meeting_path(meeting);
    session::finish(result, &page, &page, &[]).await
}

#[server(endpoint = "get_availability")]
pub async fn get_availability() -> Result<AvailabilityPage, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Meetings>()?
                .get_availability(user.as_ref(), session::request_locale().await)
                .await
        }
        .await,
    )
}

#[server(endpoint = "add_availability")]
pub async fn add_availability(form: AvailabilityForm) -> Result<u64, AppError> {
    let result = async {
        let user = session::current_user().await?;
        let window = form.validate().map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::Meetings>()?
            .add_availability(user.as_ref(), window)
            .await
    }
    .await;
    let typed = [
        ("date", form.date.as_str()),
        ("from", &form.from),
        ("to", &form.to),
        ("minutes", &form.minutes),
    ];
    session::finish(result, AVAILABILITY_PATH, AVAILABILITY_PATH, &typed).await
}

/// Sets the zone the signed-in person's times are shown in (a team's: the team's), then
/// goes back to `back`.
#[server(endpoint = "set_time_zone")]
pub async fn set_time_zone(zone: String, back: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Meetings>()?
            .set_time_zone(user.as_ref(), &zone)
            .await
    }
    .await;
    let back = crate::links::local_or_home(&back);
    session::finish(result, back, back, &[]).await
}

#[server(endpoint = "list_meetings")]
pub async fn list_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Meetings>()?
                .list_meetings(user.as_ref(), session::request_locale().await)
                .await
        }
        .await,
    )
}

/// A meeting's call, and the conversation shown beside it.
#[server(endpoint = "get_call_room")]
pub async fn get_call_room(
    meeting: MeetingId,
) -> Result<(CallRoom, crate::domain::ConversationView), AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            let room = crate::ports::port::<dyn crate::ports::Meetings>()?
                .get_call_room(user.as_ref(), meeting, session::request_locale().await)
                .await?;
            let conversation = crate::ports::port::<dyn crate::ports::Conversations>()?
                .get_conversation(user.as_ref(), room.conversation, None)
                .await?;
            Ok((room, conversation))
        }
        .await,
    )
}
