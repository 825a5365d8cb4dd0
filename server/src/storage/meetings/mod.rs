//! Meetings over SQL: exhibitors' slots, bookings, and each party's time zone. A slot holds
//! one live booking (partial unique index `meetings_one_per_slot`): of two bookings at once,
//! the database refuses the second, on both engines.

mod bookings;
mod zones;

use super::conversations::Parties;
use app::domain::conversation::{ConversationBuyer, ConversationExhibitor};
use app::domain::meeting::MeetingStatus;
use app::domain::{CountryCode, ExhibitorId, Localized, SlotId, UserId};
use app::error::AppError;
use app::error::ErrorCode;
use sqlx::{Any, Transaction};

/// The most slots a page lists.
const SLOTS_LISTED_MAX: i64 = 300;

/// A stored time zone ('' when never chosen) and the country to guess one from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredZone {
    pub zone: String,
    pub country: String,
}

/// A slot as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SlotRow {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// A meeting with its slot and both parties.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub slot_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub topic: String,
    pub status: String,
    pub expires_at: i64,
    pub buyer_id: i64,
    pub buyer_name: String,
    pub buyer_email: String,
    pub buyer_company: String,
    pub buyer_country: String,
    pub buyer_zone: String,
    /// The language the buyer reads the fair in, by its code.
    pub buyer_language: String,
    pub exhibitor_id: i64,
    pub exhibitor_slug: String,
    pub exhibitor_name_en: String,
    pub exhibitor_name_zh: String,
    pub exhibitor_country: String,
    pub exhibitor_zone: String,
}

impl MeetingRow {
    pub fn status(&self) -> Result<MeetingStatus, AppError> {
        MeetingStatus::parse(&self.status).ok_or_else(|| {
            AppError::internal(format!("meeting {} has status {:?}", self.id, self.status))
        })
    }

    pub fn parties(&self) -> Parties {
        Parties {
            buyer: UserId(self.buyer_id),
            exhibitor: ExhibitorId(self.exhibitor_id),
        }
    }

    pub fn buyer(&self) -> Result<ConversationBuyer, AppError> {
        Ok(ConversationBuyer {
            id: UserId(self.buyer_id),
            name: self.buyer_name.clone(),
            company: self.buyer_company.clone(),
            country: CountryCode::parse(&self.buyer_country).ok_or_else(|| {
                AppError::internal(format!(
                    "user {} has country {:?}",
                    self.buyer_id, self.buyer_country
                ))
            })?,
        })
    }

    pub fn exhibitor(&self) -> ConversationExhibitor {
        ConversationExhibitor {
            id: ExhibitorId(self.exhibitor_id),
            slug: self.exhibitor_slug.clone(),
            name: Localized::new(&self.exhibitor_name_en, &self.exhibitor_name_zh),
        }
    }

    pub fn zones(&self) -> (StoredZone, StoredZone) {
        (
            StoredZone {
                zone: self.exhibitor_zone.clone(),
                country: self.exhibitor_country.clone(),
            },
            StoredZone {
                zone: self.buyer_zone.clone(),
                country: self.buyer_country.clone(),
            },
        )
    }
}

const MEETING_QUERY: &str = "SELECT m.id, m.slot_id, s.starts_at, s.ends_at, m.topic, m.status, \
     m.expires_at, b.id AS buyer_id, b.name AS buyer_name, b.email AS buyer_email, \
     b.company AS buyer_company, b.country AS buyer_country, b.time_zone AS buyer_zone, b.language AS buyer_language, \
     e.id AS exhibitor_id, e.slug AS exhibitor_slug, e.name_en AS exhibitor_name_en, \
     e.name_zh AS exhibitor_name_zh, e.country AS exhibitor_country, e.time_zone AS exhibitor_zone \
     FROM meetings m JOIN meeting_slots s ON s.id = m.slot_id JOIN users b ON b.id = m.buyer_id \
     JOIN exhibitors e ON e.id = m.exhibitor_id";

/// Whose meetings to list.
#[derive(Clone, Copy, Debug)]
pub enum Attendee {
    Buyer(UserId),
    Team(ExhibitorId),
}

/// Stops stale requests for `slot` from holding it.
async fn expire_stale(
    tx: &mut Transaction<'static, Any>,
    slot: i64,
    at: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE meetings SET status = 'expired', updated_at = $2 \
         WHERE slot_id = $1 AND status = 'requested' AND expires_at < $2",
    )
    .bind(slot)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A future slot of `exhibitor` (any, when None); 404 for none, 409 for a past one.
async fn future_slot(
    tx: &mut Transaction<'static, Any>,
    slot: SlotId,
    exhibitor: Option<ExhibitorId>,
    at: i64,
) -> Result<(ExhibitorId, SlotRow), AppError> {
    let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT id, starts_at, ends_at, exhibitor_id FROM meeting_slots WHERE id = $1",
    )
    .bind(slot.0)
    .fetch_optional(&mut **tx)
    .await?;
    let (id, starts_at, ends_at, owner) = row.ok_or(AppError::NotFound)?;
    if exhibitor.is_some_and(|exhibitor| exhibitor.0 != owner) {
        return Err(AppError::NotFound);
    }
    if starts_at <= at {
        return Err(AppError::Conflict(ErrorCode::SlotPast));
    }
    Ok((
        ExhibitorId(owner),
        SlotRow {
            id,
            starts_at,
            ends_at,
        },
    ))
}

fn taken(error: sqlx::Error) -> AppError {
    match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            AppError::Conflict(ErrorCode::SlotTaken)
        }
        _ => AppError::from(error),
    }
}

/// When a request made at `at` for a slot starting at `starts_at` expires.
pub fn request_expiry(at: i64, starts_at: i64) -> i64 {
    (at + app::domain::meeting::REQUEST_SECONDS).min(starts_at)
}
