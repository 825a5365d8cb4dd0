//! Meetings and calls in the slots exhibitors publish.

use crate::domain::meeting::{
    AvailabilityPage, BookingPage, CallRoom, MeetingSummary, MeetingView, ValidAvailability,
};
use crate::domain::{CurrentUser, MeetingId, SlotId, StreamId};
use crate::error::AppError;

/// Meetings between buyers and exhibitors' teams, in slots the exhibitors publish. Every
/// time comes back written in both parties' zones, its weekday in the reader's language
/// (`locale`, a code).
#[async_trait::async_trait]
pub trait Meetings: Send + Sync + 'static {
    /// An exhibitor's free slots and the buyer's meetings with it.
    async fn get_booking_page(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        locale: &str,
    ) -> Result<BookingPage, AppError>;
    /// Requests a slot; the exhibitor confirms or declines, or the request expires. A
    /// meeting booked from under the exhibitor's stream keeps it.
    async fn book_meeting(
        &self,
        actor: Option<&CurrentUser>,
        slot: SlotId,
        topic: String,
        from_stream: Option<StreamId>,
    ) -> Result<MeetingId, AppError>;
    async fn get_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        locale: &str,
    ) -> Result<MeetingView, AppError>;
    /// The team confirms (or declines) a request.
    async fn answer_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        confirm: bool,
    ) -> Result<(), AppError>;
    async fn cancel_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
    ) -> Result<(), AppError>;
    /// The buyer moves a meeting to another free slot, without cancelling it first.
    async fn reschedule_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        slot: SlotId,
    ) -> Result<(), AppError>;
    /// The actor's team's zone and slots.
    async fn get_availability(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<AvailabilityPage, AppError>;
    /// Publishes the slots of a window in the team's zone; the number of new slots.
    async fn add_availability(
        &self,
        actor: Option<&CurrentUser>,
        window: ValidAvailability,
    ) -> Result<u64, AppError>;
    /// Sets the zone the actor's times are shown in: a buyer's own, or their team's.
    async fn set_time_zone(&self, actor: Option<&CurrentUser>, zone: &str) -> Result<(), AppError>;
    /// The actor's meetings, the latest first.
    async fn list_meetings(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<Vec<MeetingSummary>, AppError>;
    /// A live meeting's call, for its parties.
    async fn get_call_room(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        locale: &str,
    ) -> Result<CallRoom, AppError>;
}
