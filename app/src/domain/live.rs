//! Exhibitors On Live as pages show it: the form that schedules a stream, streams in lists,
//! one stream's page, and the team's studio page.

use super::live_chat::{ChatLine, ChatNews};
use super::meeting::{date, minute_of_day};
use super::product::ProductSummary;
use super::text::Localized;
use super::validation::Problems;
use super::{ConversationExhibitor, ExhibitorId, InquiryId, ProductId, StreamId};
use crate::error::{ErrorCode, FieldError};
use crate::i18n::Locale;
use leptos_i18n::Locale as _;
use serde::{Deserialize, Serialize};

/// The longest title, in characters, in each language.
pub const TITLE_CHARS_MAX: usize = 120;
/// The most products one stream features.
pub const FEATURED_MAX: usize = 12;

status_type! {
    /// Where a stream is in its life.
    StreamStatus {
        Scheduled => "scheduled",
        Live => "live",
        /// Over: a replay.
        Ended => "ended",
    }
}

/// A stream as the team types it: a title in each of the fair's languages (English
/// required), the day and time it starts in the team's zone, and the products it features.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StreamForm {
    pub title_en: String,
    pub title_zh: String,
    pub title_ar: String,
    pub title_fr: String,
    pub title_es: String,
    pub title_ru: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// `HH:MM`
    pub time: String,
    /// Product ids, as the checkboxes send them.
    pub products: Vec<String>,
}

/// A stream as typed, checked: the start is still in the team's local time (the service
/// places it in the team's zone and refuses one in the past).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidStream {
    pub title: Localized,
    pub year: i16,
    pub month: i8,
    pub day: i8,
    /// Minutes after local midnight.
    pub minute: u32,
    /// In the team's order, each once.
    pub products: Vec<ProductId>,
}

impl StreamForm {
    /// The title field of `locale` (`title_fr`).
    pub fn title_field(locale: Locale) -> String {
        format!("title_{}", locale.as_str())
    }

    fn title_typed(&self, locale: Locale) -> &str {
        match locale {
            Locale::en => &self.title_en,
            Locale::zh => &self.title_zh,
            Locale::ar => &self.title_ar,
            Locale::fr => &self.title_fr,
            Locale::es => &self.title_es,
            Locale::ru => &self.title_ru,
        }
    }

    pub fn validate(&self) -> Result<ValidStream, Vec<FieldError>> {
        let mut problems = Problems::default();
        let mut title = Localized::default();
        for locale in Locale::get_all() {
            let typed = self.title_typed(*locale);
            let field = Self::title_field(*locale);
            let text = problems.line(&field, typed, TITLE_CHARS_MAX, *locale == Locale::en);
            title.set(*locale, text);
        }
        let day = problems.need(date(&self.date), "date", ErrorCode::DateInvalid);
        let minute = problems.need(
            minute_of_day(&self.time).filter(|m| *m < 24 * 60),
            "time",
            ErrorCode::TimeInvalid,
        );
        let mut products: Vec<ProductId> = Vec::new();
        for typed in &self.products {
            match typed.trim().parse::<ProductId>() {
                Ok(id) if !products.contains(&id) => products.push(id),
                Ok(_) => {}
                Err(_) => {
                    problems.add("products", ErrorCode::ChooseOne);
                    break;
                }
            }
        }
        if products.len() > FEATURED_MAX {
            problems.add("products", ErrorCode::TooMany);
        }
        match (day, minute) {
            (Some((year, month, day)), Some(minute)) if problems.is_empty() => Ok(ValidStream {
                title,
                year,
                month,
                day,
                minute,
                products,
            }),
            _ => Err(problems.into_errors()),
        }
    }
}

/// A stream in a list: `/live`, a booth, the team's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamSummary {
    pub id: StreamId,
    pub title: Localized,
    pub exhibitor: ConversationExhibitor,
    pub status: StreamStatus,
    /// When it starts (scheduled), started (live) or started (a replay): unix seconds, and
    /// written in the reader's zone.
    pub at: Option<i64>,
    pub at_local: String,
    /// People watching now (live streams).
    pub viewers: u32,
    /// Its counts, for its team's own lists.
    pub counts: Option<StreamCounts>,
    /// A replay its team took off the fair (only the team lists and opens it).
    pub unpublished: bool,
}

/// A product the team showed under the video, from its moment into the stream: a replay's
/// chapter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// Seconds into the stream.
    pub second: i64,
    pub product: ProductSummary,
}

/// A stream's counts, of people rather than connections: someone watching in three tabs,
/// or reconnecting, is one viewer. Kept after the stream ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamCounts {
    /// Watching now.
    pub watching: u32,
    /// The most watching at once.
    pub peak: u32,
    /// Everyone who watched, each once.
    pub people: u32,
    /// Minutes watched, everyone's together.
    pub minutes: u32,
    /// Inquiries sent from under the video.
    pub inquiries: u32,
    /// Meetings booked from under the video.
    pub meetings: u32,
}

/// Where a stream stands now, for a player waiting for it, its live count and the product
/// on screen (`GET /live/streams/{id}?lang=`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamNow {
    pub status: StreamStatus,
    pub viewers: u32,
    /// The product the team pinned under the video, while live.
    pub pinned: Option<PinnedProduct>,
    /// What is new in the chat after the message the player has (`&after=`), while live.
    #[serde(default)]
    pub chat: ChatNews,
}

/// The product on screen as the player shows it, written out on the server in the reader's
/// language (the player is an island of the light bundle: no number formats in it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinnedProduct {
    pub id: ProductId,
    pub title: String,
    /// The language the title is written in, where it is not the reader's.
    pub title_lang: Option<String>,
    /// "US$ 3.80–6.72"
    pub price: String,
    /// "200 pieces"
    pub moq: String,
    /// The quantity an inquiry starts with: the MOQ.
    pub moq_count: i64,
    /// The currency of an inquiry about it.
    pub currency: String,
    pub image: String,
}

impl PinnedProduct {
    /// `product` for a reader of `locale`.
    pub fn of(product: &ProductSummary, locale: Locale) -> Self {
        let (title, lang) = product.title.shown_with_lang(locale);
        PinnedProduct {
            id: product.id,
            title,
            title_lang: lang.map(str::to_owned),
            price: product.price.display(locale),
            moq: format!("{} {}", product.moq, product.unit.get(locale)),
            moq_count: product.moq,
            currency: product.price.currency.code().to_owned(),
            image: product.card_image(),
        }
    }
}

/// What a signed-in buyer's inquiry from under the video starts with: their country and the
/// place their last inquiry went to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryDefaults {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub place: String,
}

/// An inquiry sent from under a stream, as its team sees it arrive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskInquiry {
    pub id: InquiryId,
    pub buyer: String,
    pub company: String,
    pub product: String,
    pub quantity: i64,
    pub unit: String,
    /// Seconds into the stream.
    pub second: i64,
}

/// The team's desk while it streams: who watches, what is pinned, what inquiries came.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamDesk {
    pub counts: StreamCounts,
    /// The chat's latest messages, with their authors (to mute them).
    pub chat: Vec<ChatLine>,
    pub pinned: Option<ProductId>,
    /// Latest first.
    pub inquiries: Vec<DeskInquiry>,
}

/// `/live`: what is live now, what is to come, and replays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivePage {
    pub live: Vec<StreamSummary>,
    pub scheduled: Vec<StreamSummary>,
    pub replays: Vec<StreamSummary>,
    /// The zone times are written in (the reader's, else UTC).
    pub zone: String,
}

/// One stream's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StreamView {
    pub stream: StreamSummary,
    pub products: Vec<ProductSummary>,
    /// The zone its time is written in.
    pub zone: String,
    /// STUN and TURN servers for the player (RTCIceServer entries as JSON).
    pub ice_servers: String,
    /// For a reader who may inquire: what an inquiry starts with.
    pub inquiry: Option<InquiryDefaults>,
    /// The product on screen, while live.
    pub pinned: Option<PinnedProduct>,
    /// The chat's latest messages (the replay keeps them).
    pub chat: Vec<ChatLine>,
    /// The reader may write in the chat (signed in as a buyer, or of the team).
    pub may_chat: bool,
    /// A replay's chapters: the products shown, in order.
    pub chapters: Vec<Chapter>,
}

/// The team's studio (`/exhibitor/live`): its streams, whether it has a stream key, and
/// what a new stream can feature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudioPage {
    pub exhibitor: ExhibitorId,
    /// The team's zone, in which a new stream's time is typed.
    pub zone: String,
    /// Its streams to come and live, soonest first, then its replays, latest first.
    pub streams: Vec<StreamSummary>,
    pub has_key: bool,
    /// Its published products, for a stream to feature.
    pub products: Vec<(ProductId, Localized)>,
    pub ice_servers: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> StreamForm {
        StreamForm {
            title_en: "New lamps, live".into(),
            title_ar: "مصابيح جديدة".into(),
            date: "2026-12-20".into(),
            time: "09:30".into(),
            products: vec!["3".into(), "1".into(), "3".into()],
            ..StreamForm::default()
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<(String, ErrorCode)> {
        errors.into_iter().map(|e| (e.field, e.message)).collect()
    }

    #[test]
    fn a_stream_keeps_its_titles_its_time_and_its_products_once_each() {
        let valid = form().validate().unwrap();
        assert_eq!(valid.title.en, "New lamps, live");
        assert_eq!(valid.title.ar, "مصابيح جديدة");
        assert_eq!(valid.title.zh, "");
        assert_eq!((valid.year, valid.month, valid.day), (2026, 12, 20));
        assert_eq!(valid.minute, 9 * 60 + 30);
        assert_eq!(valid.products, vec![ProductId(3), ProductId(1)]);
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let bad = StreamForm {
            title_en: "  ".into(),
            title_fr: "x".repeat(TITLE_CHARS_MAX + 1),
            date: "2026-13-01".into(),
            time: "25:00".into(),
            products: vec!["lamp".into()],
            ..StreamForm::default()
        };
        assert_eq!(
            fields(bad.validate().unwrap_err()),
            vec![
                ("title_en".into(), ErrorCode::Required),
                ("title_fr".into(), ErrorCode::TooLong),
                ("date".into(), ErrorCode::DateInvalid),
                ("time".into(), ErrorCode::TimeInvalid),
                ("products".into(), ErrorCode::ChooseOne),
            ]
        );
        let many = StreamForm {
            products: (1..=FEATURED_MAX as i64 + 1)
                .map(|n| n.to_string())
                .collect(),
            ..form()
        };
        assert_eq!(
            fields(many.validate().unwrap_err()),
            vec![("products".into(), ErrorCode::TooMany)]
        );
    }
}
