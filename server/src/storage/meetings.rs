//! Meetings over SQL: exhibitors' slots, bookings, and each party's time zone. A slot holds
//! one live booking (partial unique index `meetings_one_per_slot`): of two bookings at once,
//! the database refuses the second, on both engines.

use super::conversations::Parties;
use super::outbox::insert_mail;
use super::{Db, internal};
use crate::clock::now;
use app::domain::conversation::{ConversationBuyer, ConversationExhibitor};
use app::domain::meeting::MeetingStatus;
use app::domain::{CountryCode, ExhibitorId, Localized, MeetingId, SlotId, UserId};
use app::error::AppError;
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
     b.company AS buyer_company, b.country AS buyer_country, b.time_zone AS buyer_zone, \
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
    .await
    .map_err(internal)?;
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
    .await
    .map_err(internal)?;
    let (id, starts_at, ends_at, owner) = row.ok_or(AppError::NotFound)?;
    if exhibitor.is_some_and(|exhibitor| exhibitor.0 != owner) {
        return Err(AppError::NotFound);
    }
    if starts_at <= at {
        return Err(AppError::Conflict("slot_past".into()));
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
            AppError::Conflict("slot_taken".into())
        }
        _ => internal(error),
    }
}

/// When a request made at `at` for a slot starting at `starts_at` expires.
pub fn request_expiry(at: i64, starts_at: i64) -> i64 {
    (at + app::domain::meeting::REQUEST_SECONDS).min(starts_at)
}

impl Db {
    pub async fn user_zone(&self, user: UserId) -> Result<StoredZone, AppError> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT time_zone, country FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(internal)?;
        let (zone, country) = row.ok_or(AppError::NotFound)?;
        Ok(StoredZone { zone, country })
    }

    pub async fn exhibitor_zone(&self, exhibitor: ExhibitorId) -> Result<StoredZone, AppError> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT time_zone, country FROM exhibitors WHERE id = $1")
                .bind(exhibitor.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(internal)?;
        let (zone, country) = row.ok_or(AppError::NotFound)?;
        Ok(StoredZone { zone, country })
    }

    pub async fn set_user_zone(&self, user: UserId, zone: &str) -> Result<(), AppError> {
        sqlx::query("UPDATE users SET time_zone = $2 WHERE id = $1")
            .bind(user.0)
            .bind(zone)
            .execute(&self.pool)
            .await
            .map_err(internal)?;
        Ok(())
    }

    pub async fn set_exhibitor_zone(
        &self,
        exhibitor: ExhibitorId,
        zone: &str,
    ) -> Result<(), AppError> {
        sqlx::query("UPDATE exhibitors SET time_zone = $2 WHERE id = $1")
            .bind(exhibitor.0)
            .bind(zone)
            .execute(&self.pool)
            .await
            .map_err(internal)?;
        Ok(())
    }

    /// An exhibitor's id, slug and names.
    pub async fn conversation_exhibitor(
        &self,
        exhibitor: ExhibitorId,
    ) -> Result<ConversationExhibitor, AppError> {
        let row: Option<(String, String, String)> =
            sqlx::query_as("SELECT slug, name_en, name_zh FROM exhibitors WHERE id = $1")
                .bind(exhibitor.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(internal)?;
        let (slug, en, zh) = row.ok_or(AppError::NotFound)?;
        Ok(ConversationExhibitor {
            id: exhibitor,
            slug,
            name: Localized::new(en, zh),
        })
    }

    /// The exhibitor with `slug`: its id.
    pub async fn exhibitor_by_slug(&self, slug: &str) -> Result<ExhibitorId, AppError> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM exhibitors WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await
            .map_err(internal)?;
        id.map(ExhibitorId).ok_or(AppError::NotFound)
    }

    /// Adds slots (start and end, unix seconds); one that exists already is kept as it is.
    /// The number added.
    pub async fn insert_slots(
        &self,
        exhibitor: ExhibitorId,
        slots: &[(i64, i64)],
    ) -> Result<u64, AppError> {
        let mut tx = self.begin_write().await?;
        let mut added = 0;
        for (starts_at, ends_at) in slots {
            added += sqlx::query(
                "INSERT INTO meeting_slots (exhibitor_id, starts_at, ends_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (exhibitor_id, starts_at) DO NOTHING",
            )
            .bind(exhibitor.0)
            .bind(starts_at)
            .bind(ends_at)
            .execute(&mut *tx)
            .await
            .map_err(internal)?
            .rows_affected();
        }
        tx.commit().await.map_err(internal)?;
        Ok(added)
    }

    /// The exhibitor's slots to come, soonest first, with the live meeting in each, if any.
    pub async fn upcoming_slots(
        &self,
        exhibitor: ExhibitorId,
        free_only: bool,
    ) -> Result<Vec<(SlotRow, Option<i64>)>, AppError> {
        let at = now();
        let rows: Vec<(i64, i64, i64, Option<i64>)> = sqlx::query_as(&format!(
            "SELECT s.id, s.starts_at, s.ends_at, \
             (SELECT m.id FROM meetings m WHERE m.slot_id = s.id AND (m.status = 'confirmed' \
              OR (m.status = 'requested' AND m.expires_at >= $2))) AS meeting_id \
             FROM meeting_slots s WHERE s.exhibitor_id = $1 AND s.starts_at > $2 \
             ORDER BY s.starts_at LIMIT {SLOTS_LISTED_MAX}"
        ))
        .bind(exhibitor.0)
        .bind(at)
        .fetch_all(&self.pool)
        .await
        .map_err(internal)?;
        Ok(rows
            .into_iter()
            .filter(|(.., meeting)| !free_only || meeting.is_none())
            .map(|(id, starts_at, ends_at, meeting)| {
                (
                    SlotRow {
                        id,
                        starts_at,
                        ends_at,
                    },
                    meeting,
                )
            })
            .collect())
    }

    /// Books a future slot for `buyer`: the request expires after a while or at the slot's
    /// start. 409 when the slot is past or holds a live booking already.
    pub async fn book_slot(
        &self,
        slot: SlotId,
        exhibitor: ExhibitorId,
        buyer: UserId,
        topic: &str,
    ) -> Result<MeetingId, AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let (_, slot) = future_slot(&mut tx, slot, Some(exhibitor), at).await?;
        expire_stale(&mut tx, slot.id, at).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meetings (slot_id, buyer_id, exhibitor_id, topic, status, expires_at, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, 'requested', $5, $6, $6) RETURNING id",
        )
        .bind(slot.id)
        .bind(buyer.0)
        .bind(exhibitor.0)
        .bind(topic)
        .bind(request_expiry(at, slot.starts_at))
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(taken)?;
        tx.commit().await.map_err(internal)?;
        Ok(MeetingId(id))
    }

    /// The exhibitor of a slot.
    pub async fn slot_exhibitor(&self, slot: SlotId) -> Result<ExhibitorId, AppError> {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT exhibitor_id FROM meeting_slots WHERE id = $1")
                .bind(slot.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(internal)?;
        id.map(ExhibitorId).ok_or(AppError::NotFound)
    }

    /// Moves a live meeting to another future slot of its exhibitor, as a new request; the
    /// old slot is free at once. 409 when the new slot is taken: the meeting stays as it was.
    pub async fn move_meeting(
        &self,
        meeting: MeetingId,
        slot: SlotId,
        exhibitor: ExhibitorId,
    ) -> Result<(), AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let (_, slot) = future_slot(&mut tx, slot, Some(exhibitor), at).await?;
        expire_stale(&mut tx, slot.id, at).await?;
        let moved = sqlx::query(
            "UPDATE meetings SET slot_id = $2, status = 'requested', expires_at = $3, \
             reminded_at = NULL, updated_at = $4 \
             WHERE id = $1 AND (status = 'confirmed' OR (status = 'requested' AND expires_at >= $4))",
        )
        .bind(meeting.0)
        .bind(slot.id)
        .bind(request_expiry(at, slot.starts_at))
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(taken)?;
        if moved.rows_affected() == 0 {
            return Err(AppError::Conflict("meeting_closed".into()));
        }
        tx.commit().await.map_err(internal)
    }

    /// Moves a meeting from one of `from` to `to`; 409 when it is no longer in one of them
    /// (or, for a request, has expired).
    pub async fn set_meeting_status(
        &self,
        meeting: MeetingId,
        from: &[MeetingStatus],
        to: MeetingStatus,
    ) -> Result<(), AppError> {
        let at = now();
        let allowed = from
            .iter()
            .map(|status| format!("'{}'", status.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let changed = sqlx::query(&format!(
            "UPDATE meetings SET status = $2, updated_at = $3 WHERE id = $1 \
             AND status IN ({allowed}) AND NOT (status = 'requested' AND expires_at < $3)"
        ))
        .bind(meeting.0)
        .bind(to.as_str())
        .bind(at)
        .execute(&self.pool)
        .await
        .map_err(internal)?;
        if changed.rows_affected() == 0 {
            return Err(AppError::Conflict("meeting_closed".into()));
        }
        Ok(())
    }

    pub async fn meeting(&self, meeting: MeetingId) -> Result<MeetingRow, AppError> {
        let row: Option<MeetingRow> = sqlx::query_as(&format!("{MEETING_QUERY} WHERE m.id = $1"))
            .bind(meeting.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(internal)?;
        row.ok_or(AppError::NotFound)
    }

    /// Meetings, the soonest first: an attendee's, or those of `buyer` with `exhibitor`.
    pub async fn list_meetings(
        &self,
        attendee: Attendee,
        with: Option<ExhibitorId>,
    ) -> Result<Vec<MeetingRow>, AppError> {
        let (filter, party) = match attendee {
            Attendee::Buyer(user) => ("m.buyer_id = $1", user.0),
            Attendee::Team(exhibitor) => ("m.exhibitor_id = $1", exhibitor.0),
        };
        let with_filter = if with.is_some() {
            " AND m.exhibitor_id = $2"
        } else {
            ""
        };
        let query = format!(
            "{MEETING_QUERY} WHERE {filter}{with_filter} ORDER BY s.starts_at DESC LIMIT {SLOTS_LISTED_MAX}"
        );
        let mut query = sqlx::query_as(&query).bind(party);
        if let Some(exhibitor) = with {
            query = query.bind(exhibitor.0);
        }
        query.fetch_all(&self.pool).await.map_err(internal)
    }

    /// Expires unanswered requests; the number expired.
    pub async fn expire_requests(&self) -> Result<u64, AppError> {
        let at = now();
        let done = sqlx::query(
            "UPDATE meetings SET status = 'expired', updated_at = $1 \
             WHERE status = 'requested' AND expires_at < $1",
        )
        .bind(at)
        .execute(&self.pool)
        .await
        .map_err(internal)?;
        Ok(done.rows_affected())
    }

    /// Writes the reminder of each confirmed meeting starting within `ahead` seconds that
    /// has had none, to the buyer and the exhibitor's team (`mail` writes subject and body),
    /// in the transaction that marks it reminded. The number of meetings reminded.
    pub async fn remind_meetings(
        &self,
        ahead: i64,
        mail: impl Fn(&MeetingRow) -> (String, String),
    ) -> Result<usize, AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let rows: Vec<MeetingRow> = sqlx::query_as(&format!(
            "{MEETING_QUERY} WHERE m.status = 'confirmed' AND m.reminded_at IS NULL \
             AND s.starts_at > $1 AND s.starts_at <= $2"
        ))
        .bind(at)
        .bind(at + ahead)
        .fetch_all(&mut *tx)
        .await
        .map_err(internal)?;
        for row in &rows {
            let team: Vec<String> = sqlx::query_scalar(
                "SELECT u.email FROM team_members t JOIN users u ON u.id = t.user_id \
                 WHERE t.exhibitor_id = $1 ORDER BY u.id",
            )
            .bind(row.exhibitor_id)
            .fetch_all(&mut *tx)
            .await
            .map_err(internal)?;
            let (subject, body) = mail(row);
            for recipient in std::iter::once(&row.buyer_email).chain(&team) {
                insert_mail(&mut tx, recipient, (&subject, &body)).await?;
            }
            sqlx::query("UPDATE meetings SET reminded_at = $2 WHERE id = $1")
                .bind(row.id)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
        }
        tx.commit().await.map_err(internal)?;
        Ok(rows.len())
    }
}
