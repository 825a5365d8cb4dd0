//! What Exhibitors On Live's pages ask of the service: `/live`'s lists, a stream's page, the
//! team's studio, scheduling a stream and making a stream key. Times are written in the
//! reader's zone (a visitor not signed in reads UTC); a team types its streams' times in
//! its own zone.

use super::LiveService;
use super::keys;
use super::service::counted;
use crate::clock::now;
use crate::meetings::zones;
use crate::storage::live::{StreamListRow, StreamRow};
use app::domain::live::{
    LivePage, StreamDesk, StreamStatus, StreamSummary, StreamView, StudioPage, ValidStream,
};
use app::domain::live_chat::ChatLine;
use app::domain::meeting::DAYS_AHEAD_MAX;
use app::domain::{Action, CurrentUser, ExhibitorId, ProductId, StreamId, authorize};
use app::error::{AppError, ErrorCode};
use app::i18n::Locale;
use app::languages;
use app::ports::Live;
use jiff::tz::TimeZone;

impl LiveService {
    /// The zone a reader's times are written in, and its name.
    async fn reader_zone(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<(TimeZone, String), AppError> {
        match actor {
            Some(user) => Ok(zones::zone(&self.db.user_zone(user.id).await?)),
            None => Ok((TimeZone::UTC, "UTC".to_owned())),
        }
    }

    fn summary(
        &self,
        row: &StreamListRow,
        tz: &TimeZone,
        locale: Locale,
    ) -> Result<StreamSummary, AppError> {
        let status = row.status()?;
        let at = row.at();
        Ok(StreamSummary {
            id: row.id(),
            title: row.title(),
            exhibitor: row.exhibitor(),
            status,
            at,
            at_local: at
                .map(|at| zones::local(at, tz, locale))
                .unwrap_or_default(),
            viewers: match status {
                StreamStatus::Live => self.viewers(row.id),
                _ => 0,
            },
            counts: None,
            unpublished: row.unpublished_at.is_some(),
        })
    }

    fn summaries(
        &self,
        rows: &[StreamListRow],
        tz: &TimeZone,
        locale: Locale,
    ) -> Result<Vec<StreamSummary>, AppError> {
        rows.iter()
            .map(|row| self.summary(row, tz, locale))
            .collect()
    }

    /// The signed-in member's team, if it may go live.
    fn studio_team(actor: Option<&CurrentUser>) -> Result<ExhibitorId, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let team = user.team.ok_or(AppError::Forbidden)?;
        authorize(actor, Action::GoLive(team.exhibitor))?;
        Ok(team.exhibitor)
    }

    /// `stream`, when the actor is of its team (404 when there is none).
    async fn team_stream(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
    ) -> Result<StreamRow, AppError> {
        let row = self.db.stream(stream.0).await?.ok_or(AppError::NotFound)?;
        authorize(actor, Action::GoLive(ExhibitorId(row.exhibitor_id)))?;
        Ok(row)
    }

    /// The STUN and TURN servers a page's player or publisher uses, as JSON.
    fn ice_servers(&self, who: &str) -> String {
        serde_json::Value::Array(self.ice.entries(true, who, now())).to_string()
    }
}

#[async_trait::async_trait]
impl Live for LiveService {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn rotate_stream_key(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<String, AppError> {
        authorize(actor, Action::GoLive(exhibitor))?;
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let key = keys::new_key()?;
        self.db
            .set_stream_key(exhibitor, user.id, &keys::fingerprint(&key))
            .await?;
        Ok(key)
    }

    async fn get_live_page(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<LivePage, AppError> {
        let locale = languages::locale(locale);
        let (tz, zone) = self.reader_zone(actor).await?;
        let list = async |status| {
            let rows = self.db.streams_listed(status).await?;
            self.summaries(&rows, &tz, locale)
        };
        Ok(LivePage {
            live: list(StreamStatus::Live).await?,
            scheduled: list(StreamStatus::Scheduled).await?,
            replays: list(StreamStatus::Ended).await?,
            zone,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn get_stream(
        &self,
        actor: Option<&CurrentUser>,
        id: StreamId,
        locale: &str,
    ) -> Result<StreamView, AppError> {
        let locale = languages::locale(locale);
        let row = self.db.stream_listed(id).await?;
        let exhibitor = ExhibitorId(row.exhibitor_id);
        // A replay taken off the fair is its team's only.
        if row.unpublished_at.is_some() && authorize(actor, Action::GoLive(exhibitor)).is_err() {
            return Err(AppError::NotFound);
        }
        let status = row.status()?;
        let (tz, zone) = self.reader_zone(actor).await?;
        let inquiry = match actor {
            Some(user) if authorize(actor, Action::ContactExhibitor(exhibitor)).is_ok() => {
                Some(self.db.inquiry_defaults(user.id).await?)
            }
            _ => None,
        };
        Ok(StreamView {
            stream: self.summary(&row, &tz, locale)?,
            products: self.db.featured_products(id).await?,
            zone,
            ice_servers: self.ice_servers(&format!("stream-{id}")),
            inquiry,
            pinned: self.on_screen(id.0, status, locale).await?,
            chat: self
                .db
                .stream_chat(id)
                .await?
                .iter()
                .map(ChatLine::public)
                .collect(),
            may_chat: Self::may_chat(actor, exhibitor),
            chapters: match status {
                StreamStatus::Ended => self.db.stream_chapters(id).await?,
                _ => Vec::new(),
            },
        })
    }

    async fn booth_stream(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        locale: &str,
    ) -> Result<Option<StreamSummary>, AppError> {
        let Some(row) = self.db.booth_stream(exhibitor).await? else {
            return Ok(None);
        };
        let (tz, _) = self.reader_zone(actor).await?;
        self.summary(&row, &tz, languages::locale(locale)).map(Some)
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn get_studio(
        &self,
        actor: Option<&CurrentUser>,
        locale: &str,
    ) -> Result<StudioPage, AppError> {
        let exhibitor = Self::studio_team(actor)?;
        let locale = languages::locale(locale);
        let (tz, zone) = zones::zone(&self.db.exhibitor_zone(exhibitor).await?);
        let rows = self.db.team_streams(exhibitor).await?;
        let mut streams = self.summaries(&rows, &tz, locale)?;
        let counts = self.db.team_stream_counts(exhibitor).await?;
        for stream in &mut streams {
            stream.counts = counts.get(&stream.id.0).map(counted);
        }
        Ok(StudioPage {
            exhibitor,
            zone,
            streams,
            has_key: self.db.has_stream_key(exhibitor).await?,
            products: self.db.products_to_feature(exhibitor).await?,
            ice_servers: self.ice_servers(&format!("team-{exhibitor}")),
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), stream = stream.0))]
    async fn pin_product(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        product: Option<ProductId>,
    ) -> Result<(), AppError> {
        let row = self.team_stream(actor, stream).await?;
        if row.status != "live" {
            return Err(AppError::Conflict(ErrorCode::StreamNotLive));
        }
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let exhibitor = ExhibitorId(row.exhibitor_id);
        self.db
            .pin_product(stream, exhibitor, product, user.id)
            .await?;
        self.read_pin(stream.0).await?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), stream = stream.0))]
    async fn stream_desk(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
    ) -> Result<StreamDesk, AppError> {
        self.team_stream(actor, stream).await?;
        Ok(StreamDesk {
            counts: self.counts(stream.0).await?,
            chat: match self.is_publishing(stream.0) {
                true => self.team_chat(stream).await?,
                false => Vec::new(),
            },
            pinned: match self.is_publishing(stream.0) {
                true => self.pinned(stream.0).await?.map(|product| product.id),
                false => None,
            },
            inquiries: self.db.stream_inquiries(stream).await?,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), stream = stream.0, published))]
    async fn publish_replay(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        published: bool,
    ) -> Result<(), AppError> {
        let row = self.team_stream(actor, stream).await?;
        self.db
            .publish_replay(stream, ExhibitorId(row.exhibitor_id), published)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), stream = stream.0))]
    async fn send_stream_chat(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        body: &str,
    ) -> Result<ChatLine, AppError> {
        self.send_chat(actor, stream, body).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), stream = stream.0, message, mute))]
    async fn moderate_stream_chat(
        &self,
        actor: Option<&CurrentUser>,
        stream: StreamId,
        message: i64,
        mute: bool,
    ) -> Result<(), AppError> {
        self.moderate_chat(actor, stream, message, mute).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn schedule_stream(
        &self,
        actor: Option<&CurrentUser>,
        stream: ValidStream,
    ) -> Result<StreamId, AppError> {
        let exhibitor = Self::studio_team(actor)?;
        let (tz, _) = zones::zone(&self.db.exhibitor_zone(exhibitor).await?);
        let starts_at =
            zones::local_instant((stream.year, stream.month, stream.day), stream.minute, &tz)?;
        let at = now();
        if starts_at <= at {
            return Err(AppError::invalid("date", ErrorCode::SlotPast));
        }
        if starts_at > at + DAYS_AHEAD_MAX * 86_400 {
            return Err(AppError::invalid("date", ErrorCode::TooFarAhead));
        }
        self.db.schedule_stream(exhibitor, &stream, starts_at).await
    }
}
