//! Slots and their bookings: publishing slots, booking, moving, answering and reminding.

use super::{
    Attendee, MEETING_QUERY, MeetingRow, SLOTS_LISTED_MAX, SlotRow, expire_stale, future_slot,
    request_expiry, taken,
};
use crate::clock::now;
use crate::storage::Db;
use crate::storage::outbox::insert_mail;
use app::domain::deal::Side;
use app::domain::meeting::MeetingStatus;
use app::domain::{ExhibitorId, MeetingId, SlotId, StreamId, UserId};
use app::error::AppError;
use app::error::ErrorCode;
use app::i18n::Locale;
use app::languages;

impl Db {
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
            .await?
            .rows_affected();
        }
        tx.commit().await?;
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
        .await?;
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
        from_stream: Option<StreamId>,
    ) -> Result<MeetingId, AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let (_, slot) = future_slot(&mut tx, slot, Some(exhibitor), at).await?;
        expire_stale(&mut tx, slot.id, at).await?;
        // The stream is kept only when it is the exhibitor's and has started.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meetings (slot_id, buyer_id, exhibitor_id, topic, status, expires_at, \
             created_at, updated_at, stream_id) VALUES ($1, $2, $3, $4, 'requested', $5, $6, $6, \
             (SELECT s.id FROM live_streams s WHERE s.id = $7 AND s.exhibitor_id = $3 \
             AND s.started_at IS NOT NULL)) RETURNING id",
        )
        .bind(slot.id)
        .bind(buyer.0)
        .bind(exhibitor.0)
        .bind(topic)
        .bind(request_expiry(at, slot.starts_at))
        .bind(at)
        .bind(from_stream.map(|s| s.0))
        .fetch_one(&mut *tx)
        .await
        .map_err(taken)?;
        tx.commit().await?;
        Ok(MeetingId(id))
    }

    /// The exhibitor of a slot.
    pub async fn slot_exhibitor(&self, slot: SlotId) -> Result<ExhibitorId, AppError> {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT exhibitor_id FROM meeting_slots WHERE id = $1")
                .bind(slot.0)
                .fetch_optional(&self.pool)
                .await?;
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
            return Err(AppError::Conflict(ErrorCode::MeetingClosed));
        }
        tx.commit().await.map_err(AppError::from)
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
        .await?;
        if changed.rows_affected() == 0 {
            return Err(AppError::Conflict(ErrorCode::MeetingClosed));
        }
        Ok(())
    }

    pub async fn meeting(&self, meeting: MeetingId) -> Result<MeetingRow, AppError> {
        let row: Option<MeetingRow> = sqlx::query_as(&format!("{MEETING_QUERY} WHERE m.id = $1"))
            .bind(meeting.0)
            .fetch_optional(&self.pool)
            .await?;
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
        query.fetch_all(&self.pool).await.map_err(AppError::from)
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
        .await?;
        Ok(done.rows_affected())
    }

    /// Writes the reminder of each confirmed meeting starting within `ahead` seconds that
    /// has had none, to the buyer and each member of the exhibitor's team (`mail` writes the
    /// subject and body for a reader on a side, in their language), in the transaction that
    /// marks it reminded. The number of meetings reminded.
    pub async fn remind_meetings(
        &self,
        ahead: i64,
        mail: impl Fn(&MeetingRow, Side, Locale) -> (String, String),
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
        .await?;
        for row in &rows {
            let team: Vec<(String, String)> = sqlx::query_as(
                "SELECT u.email, u.language FROM team_members t JOIN users u ON u.id = t.user_id \
                 WHERE t.exhibitor_id = $1 ORDER BY u.id",
            )
            .bind(row.exhibitor_id)
            .fetch_all(&mut *tx)
            .await?;
            let readers = std::iter::once((&row.buyer_email, &row.buyer_language, Side::Buyer))
                .chain(
                    team.iter()
                        .map(|(email, language)| (email, language, Side::Exhibitor)),
                );
            for (recipient, language, side) in readers {
                let (subject, body) = mail(row, side, languages::locale(language));
                insert_mail(&mut tx, recipient, (&subject, &body)).await?;
            }
            sqlx::query("UPDATE meetings SET reminded_at = $2 WHERE id = $1")
                .bind(row.id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(rows.len())
    }
}
