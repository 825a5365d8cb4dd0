//! The Meetings port: exhibitors publish slots in their zone, buyers book them, the team
//! confirms or declines, either side cancels, the buyer moves a meeting to another slot.
//! Buyers book (`ContactExhibitor`), teams manage (`Sell`), both parties see
//! (`Negotiate`); the database keeps one live booking per slot.

pub mod ics;
pub mod sweeper;
pub mod turn;
pub mod zones;

use crate::accounts::allowances::{DailyAllowances, Started};
use crate::storage::Db;
use crate::storage::meetings::{Attendee, MeetingRow, SlotRow};
use app::domain::deal::Side;
use app::domain::meeting::{
    self, AvailabilityPage, BookingPage, CallRoom, MeetingStatus, MeetingSummary, MeetingView,
    Slot, ValidAvailability, Zones,
};
use app::domain::{Action, CurrentUser, ExhibitorId, MeetingId, SlotId, StreamId, authorize};
use app::error::AppError;
use app::error::ErrorCode;
use app::i18n::Locale;
use app::languages;
use app::ports::Meetings;
use jiff::tz::TimeZone;

pub struct MeetingService {
    pub db: Db,
    /// The STUN and TURN servers calls use.
    pub calls: turn::CallServers,
    /// How many meeting requests a buyer may send a day.
    pub daily: DailyAllowances,
}

/// Both parties' zones, as time zones and names, and the language the reader's times are
/// written in.
struct PartyZones {
    exhibitor: (TimeZone, String),
    buyer: (TimeZone, String),
    locale: Locale,
}

impl PartyZones {
    fn names(&self) -> Zones {
        Zones {
            exhibitor: self.exhibitor.1.clone(),
            buyer: self.buyer.1.clone(),
        }
    }

    fn both(&self, at: i64) -> meeting::BothTimes {
        zones::both(at, &self.exhibitor.0, &self.buyer.0, self.locale)
    }

    fn slot(&self, slot: &SlotRow) -> Slot {
        Slot {
            id: SlotId(slot.id),
            starts: self.both(slot.starts_at),
            minutes: (slot.ends_at - slot.starts_at) / 60,
        }
    }

    fn of(row: &MeetingRow, locale: Locale) -> Self {
        let (exhibitor, buyer) = row.zones();
        PartyZones {
            exhibitor: zones::zone(&exhibitor),
            buyer: zones::zone(&buyer),
            locale,
        }
    }
}

/// A meeting in a list, as `side` sees the other, its times in `locale`.
fn summary(row: &MeetingRow, side: Side, locale: Locale) -> Result<MeetingSummary, AppError> {
    let zones = PartyZones::of(row, locale);
    Ok(MeetingSummary {
        id: MeetingId(row.id),
        with: match side {
            Side::Buyer => row.exhibitor_name_en.clone(),
            Side::Exhibitor => format!("{} · {}", row.buyer_name, row.buyer_company),
        },
        starts: zones.both(row.starts_at),
        status: row.status()?,
    })
}

impl MeetingService {
    async fn zones(
        &self,
        exhibitor: ExhibitorId,
        buyer: &CurrentUser,
        locale: Locale,
    ) -> Result<PartyZones, AppError> {
        Ok(PartyZones {
            exhibitor: zones::zone(&self.db.exhibitor_zone(exhibitor).await?),
            buyer: zones::zone(&self.db.user_zone(buyer.id).await?),
            locale,
        })
    }

    /// The meeting, if the actor is a party, and the side they are on.
    async fn party<'a>(
        &self,
        actor: Option<&'a CurrentUser>,
        id: MeetingId,
    ) -> Result<(&'a CurrentUser, Side, MeetingRow), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let row = self.db.meeting(id).await?;
        let parties = row.parties();
        authorize(
            actor,
            Action::Negotiate {
                buyer: parties.buyer,
                exhibitor: parties.exhibitor,
            },
        )?;
        let side = match user.team {
            Some(team) if team.exhibitor == parties.exhibitor => Side::Exhibitor,
            _ => Side::Buyer,
        };
        Ok((user, side, row))
    }

    fn team(actor: Option<&CurrentUser>) -> Result<ExhibitorId, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let team = user.team.ok_or(AppError::Forbidden)?;
        authorize(actor, Action::Sell(team.exhibitor))?;
        Ok(team.exhibitor)
    }
}

#[async_trait::async_trait]
impl Meetings for MeetingService {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor_slug))]
    async fn get_booking_page(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        locale: &str,
    ) -> Result<BookingPage, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let exhibitor = self.db.exhibitor_id(exhibitor_slug).await?;
        authorize(actor, Action::ContactExhibitor(exhibitor))?;
        let locale = languages::locale(locale);
        let zones = self.zones(exhibitor, user, locale).await?;
        let slots = self
            .db
            .upcoming_slots(exhibitor, true)
            .await?
            .iter()
            .map(|(slot, _)| zones.slot(slot))
            .collect();
        let meetings = self
            .db
            .list_meetings(Attendee::Buyer(user.id), Some(exhibitor))
            .await?;
        let first = meetings.first();
        let exhibitor_summary = match first {
            Some(row) => row.exhibitor(),
            None => self.db.conversation_exhibitor(exhibitor).await?,
        };
        Ok(BookingPage {
            exhibitor: exhibitor_summary,
            zones: zones.names(),
            zone_names: zones::names(),
            slots,
            meetings: meetings
                .iter()
                .map(|row| summary(row, Side::Buyer, locale))
                .collect::<Result<_, _>>()?,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), slot = slot.0))]
    async fn book_meeting(
        &self,
        actor: Option<&CurrentUser>,
        slot: SlotId,
        topic: String,
        from_stream: Option<StreamId>,
    ) -> Result<MeetingId, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let exhibitor = self.db.slot_exhibitor(slot).await?;
        authorize(actor, Action::ContactExhibitor(exhibitor))?;
        self.daily
            .check(&self.db, user.id, Started::MeetingRequests)
            .await?;
        self.db
            .book_slot(slot, exhibitor, user.id, &topic, from_stream)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn get_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        locale: &str,
    ) -> Result<MeetingView, AppError> {
        let (_, side, row) = self.party(actor, id).await?;
        let zones = PartyZones::of(&row, languages::locale(locale));
        let status = row.status()?;
        let other_slots = if side == Side::Buyer && status.is_live() {
            self.db
                .upcoming_slots(ExhibitorId(row.exhibitor_id), true)
                .await?
                .iter()
                .map(|(slot, _)| zones.slot(slot))
                .collect()
        } else {
            Vec::new()
        };
        Ok(MeetingView {
            id,
            status,
            slot: zones.slot(&SlotRow {
                id: row.slot_id,
                starts_at: row.starts_at,
                ends_at: row.ends_at,
            }),
            ends: zones.both(row.ends_at),
            zones: zones.names(),
            topic: row.topic.clone(),
            buyer: row.buyer()?,
            exhibitor: row.exhibitor(),
            expires: zones.both(row.expires_at),
            reader: side,
            other_slots,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0, confirm))]
    async fn answer_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        confirm: bool,
    ) -> Result<(), AppError> {
        let (_, _, row) = self.party(actor, id).await?;
        authorize(actor, Action::Sell(ExhibitorId(row.exhibitor_id)))?;
        let to = if confirm {
            MeetingStatus::Confirmed
        } else {
            MeetingStatus::Declined
        };
        self.db
            .set_meeting_status(id, &[MeetingStatus::Requested], to)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn cancel_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
    ) -> Result<(), AppError> {
        self.party(actor, id).await?;
        self.db
            .set_meeting_status(
                id,
                &[MeetingStatus::Requested, MeetingStatus::Confirmed],
                MeetingStatus::Cancelled,
            )
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0, slot = slot.0))]
    async fn reschedule_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        slot: SlotId,
    ) -> Result<(), AppError> {
        let (_, _, row) = self.party(actor, id).await?;
        authorize(actor, Action::Buy(row.parties().buyer))?;
        self.db
            .move_meeting(id, slot, ExhibitorId(row.exhibitor_id))
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn get_availability(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<AvailabilityPage, AppError> {
        let exhibitor = Self::team(actor)?;
        let locale = languages::locale(locale);
        let (tz, zone) = zones::zone(&self.db.exhibitor_zone(exhibitor).await?);
        let booked: std::collections::HashMap<i64, MeetingRow> = self
            .db
            .list_meetings(Attendee::Team(exhibitor), None)
            .await?
            .into_iter()
            .map(|row| (row.id, row))
            .collect();
        let slots = self
            .db
            .upcoming_slots(exhibitor, false)
            .await?
            .into_iter()
            .map(|(slot, meeting)| {
                let only_team = PartyZones {
                    exhibitor: (tz.clone(), zone.clone()),
                    buyer: (tz.clone(), zone.clone()),
                    locale,
                };
                let meeting = meeting
                    .and_then(|id| booked.get(&id))
                    .map(|row| summary(row, Side::Exhibitor, locale))
                    .transpose()?;
                Ok((only_team.slot(&slot), meeting))
            })
            .collect::<Result<_, AppError>>()?;
        Ok(AvailabilityPage {
            zone,
            zone_names: zones::names(),
            slots,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn add_availability(
        &self,
        actor: Option<&CurrentUser>,
        window: ValidAvailability,
    ) -> Result<u64, AppError> {
        let exhibitor = Self::team(actor)?;
        let (tz, _) = zones::zone(&self.db.exhibitor_zone(exhibitor).await?);
        let slots = zones::window_slots(&window, &tz)?;
        let at = crate::clock::now();
        let horizon = at + meeting::DAYS_AHEAD_MAX * 86_400;
        match slots.first() {
            Some((start, _)) if *start <= at => {
                return Err(AppError::invalid("date", ErrorCode::SlotPast));
            }
            Some((start, _)) if *start > horizon => {
                return Err(AppError::invalid("date", ErrorCode::TooFarAhead));
            }
            _ => {}
        }
        self.db.insert_slots(exhibitor, &slots).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), zone))]
    async fn set_time_zone(&self, actor: Option<&CurrentUser>, zone: &str) -> Result<(), AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let zone = zones::valid_zone(zone)?;
        match user.team {
            Some(team) => {
                authorize(actor, Action::Sell(team.exhibitor))?;
                self.db.set_exhibitor_zone(team.exhibitor, &zone).await
            }
            None => self.db.set_user_zone(user.id, &zone).await,
        }
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn list_meetings(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<Vec<MeetingSummary>, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let locale = languages::locale(locale);
        let (attendee, side) = match user.team {
            Some(team) => (Attendee::Team(team.exhibitor), Side::Exhibitor),
            None => (Attendee::Buyer(user.id), Side::Buyer),
        };
        self.db
            .list_meetings(attendee, None)
            .await?
            .iter()
            .map(|row| summary(row, side, locale))
            .collect()
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn get_call_room(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        locale: &str,
    ) -> Result<CallRoom, AppError> {
        let meeting = self.get_meeting(actor, id, locale).await?;
        if !meeting.status.is_live() {
            return Err(AppError::Conflict(ErrorCode::MeetingClosed));
        }
        // get_meeting let only the parties through.
        let who = format!("m{}u{}", id.0, actor.map_or(0, |user| user.id.0));
        let confirmed = meeting.status == MeetingStatus::Confirmed;
        let conversation = self
            .db
            .start_conversation(meeting.buyer.id, meeting.exhibitor.id)
            .await?;
        Ok(CallRoom {
            meeting,
            conversation,
            ice_servers: self.calls.for_party(confirmed, &who, crate::clock::now()),
        })
    }
}
