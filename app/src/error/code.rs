//! Why a field or a request was refused, as a code the interface translates. One enum, so a
//! code is spelled once: the compiler checks every place that makes one and the exhaustive
//! `match` that translates them (`components::form_field::error_text`). On the wire a code is
//! its snake_case name (`"email_taken"`); a missing import column carries its name
//! (`"column_missing:currency"`), and a malformed parameter's reason is its words.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! error_codes {
    ($($name:ident => $text:literal,)*) => {
        /// A reason for refusing a field or a request.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($name,)*
            /// An import's table lacks a required column (its name).
            ColumnMissing(String),
            /// Why a request's parameter cannot be read, in words (`"not a whole number: \"x\""`):
            /// for the developer or the address bar, not translated.
            Reason(String),
        }

        impl ErrorCode {
            /// Every code without data, for tests and listings.
            pub const SIMPLE: &[ErrorCode] = &[$(ErrorCode::$name,)*];

            /// The code as the wire and the URL query carry it.
            pub fn as_text(&self) -> std::borrow::Cow<'static, str> {
                match self {
                    $(ErrorCode::$name => std::borrow::Cow::Borrowed($text),)*
                    ErrorCode::ColumnMissing(column) => format!("column_missing:{column}").into(),
                    ErrorCode::Reason(reason) => reason.clone().into(),
                }
            }

            /// The code `text` stands for; text that is no code is a `Reason`.
            pub fn parse(text: &str) -> Self {
                match text {
                    $($text => ErrorCode::$name,)*
                    _ => match text.strip_prefix("column_missing:") {
                        Some(column) => ErrorCode::ColumnMissing(column.to_owned()),
                        None => ErrorCode::Reason(text.to_owned()),
                    },
                }
            }
        }
    };
}

error_codes! {
    EmailInvalid => "email_invalid",
    EmailTaken => "email_taken",
    PasswordShort => "password_short",
    PasswordGuessable => "password_guessable",
    Required => "required",
    TooLong => "too_long",
    TooMany => "too_many",
    HiddenCharacter => "hidden_character",
    CountryUnknown => "country_unknown",
    ChooseOne => "choose_one",
    Unauthenticated => "unauthenticated",
    RateLimited => "rate_limited",
    DailyLimit => "daily_limit",
    Busy => "busy",
    LinkInvalid => "link_invalid",
    ExhibitorUnknown => "exhibitor_unknown",
    OwnerExists => "owner_exists",
    AlreadyInATeam => "already_in_a_team",
    FileTooLarge => "file_too_large",
    RequestTooLarge => "request_too_large",
    RequestTooSlow => "request_too_slow",
    SdpMalformed => "sdp_malformed",
    CodecUnsupported => "codec_unsupported",
    MediaTypeUnsupported => "media_type_unsupported",
    StreamBusy => "stream_busy",
    StreamNotLive => "stream_not_live",
    StreamEnded => "stream_ended",
    StreamNotEnded => "stream_not_ended",
    NotAnImage => "not_an_image",
    ImageCorrupt => "image_corrupt",
    ImageTooBig => "image_too_big",
    UploadBroken => "upload_broken",
    YearInvalid => "year_invalid",
    NumberInvalid => "number_invalid",
    PhoneInvalid => "phone_invalid",
    UrlInvalid => "url_invalid",
    PriceInvalid => "price_invalid",
    PriceOrder => "price_order",
    CurrencyUnknown => "currency_unknown",
    HsCodeInvalid => "hs_code_invalid",
    SpecInvalid => "spec_invalid",
    SkuInvalid => "sku_invalid",
    SkuTaken => "sku_taken",
    Duplicate => "duplicate",
    NotAModel => "not_a_model",
    ModelCorrupt => "model_corrupt",
    ModelExternal => "model_external",
    NotAVideo => "not_a_video",
    VideoCorrupt => "video_corrupt",
    VideoUnavailable => "video_unavailable",
    ImportEmpty => "import_empty",
    ImportTooManyRows => "import_too_many_rows",
    ImportTooManyColumns => "import_too_many_columns",
    ImportUnpacksTooLarge => "import_unpacks_too_large",
    ImportNotATable => "import_not_a_table",
    ImportUnreadable => "import_unreadable",
    SkuRepeated => "sku_repeated",
    ApplicationPending => "application_pending",
    ApplicationDecided => "application_decided",
    BoothUnknown => "booth_unknown",
    BoothTaken => "booth_taken",
    SlugTaken => "slug_taken",
    ProductPublished => "product_published",
    AutosaveDraftOnly => "autosave_draft_only",
    MessageEmpty => "message_empty",
    MessageTooLong => "message_too_long",
    ClientIdReused => "client_id_reused",
    ClientIdInvalid => "client_id_invalid",
    FrameNotJson => "frame_not_json",
    FrameUnreadable => "frame_unreadable",
    FollowingTooMany => "following_too_many",
    Forbidden => "forbidden",
    EmailUnverified => "email_unverified",
    TwoFactorRequired => "two_factor_required",
    CodeInvalid => "code_invalid",
    CodeWrong => "code_wrong",
    CodeUsed => "code_used",
    SignInExpired => "sign_in_expired",
    ConfirmationWrong => "confirmation_wrong",
    QuantityBelowMoq => "quantity_below_moq",
    TotalTooLarge => "total_too_large",
    InquiryClosed => "inquiry_closed",
    QuotationAnswered => "quotation_answered",
    QuotationExpired => "quotation_expired",
    OrderChanged => "order_changed",
    OrderStatusInvalid => "order_status_invalid",
    OrderCancelled => "order_cancelled",
    ContractChanged => "contract_changed",
    AlreadySigned => "already_signed",
    SlotTaken => "slot_taken",
    CallFull => "call_full",
    CallNotJoined => "call_not_joined",
    SlotPast => "slot_past",
    MeetingClosed => "meeting_closed",
    ZoneUnknown => "zone_unknown",
    DateInvalid => "date_invalid",
    TimeInvalid => "time_invalid",
    WindowTooShort => "window_too_short",
    TooFarAhead => "too_far_ahead",
    ProductNotOwn => "product_not_own",
    ChatMuted => "chat_muted",
    ConversationBlocked => "conversation_blocked",
    AlreadyReported => "already_reported",
    NotAPdf => "not_a_pdf",
    PdfActiveContent => "pdf_active_content",
    Generic => "generic",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_text())
    }
}

/// A code equals the text the wire carries for it, so tests can write `"email_taken"`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, text: &&str) -> bool {
        self.as_text() == *text
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_text())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Ok(ErrorCode::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_itself_and_is_snake_case() {
        for code in ErrorCode::SIMPLE
            .iter()
            .chain([&ErrorCode::ColumnMissing("sku".into())])
        {
            let text = code.as_text();
            assert!(
                text.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b':')
            );
            assert_eq!(&ErrorCode::parse(&text), code);
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(&serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
        let reason = ErrorCode::parse("not a whole number");
        assert_eq!(reason, ErrorCode::Reason("not a whole number".into()));
        assert_eq!(reason.as_text(), "not a whole number");
    }
}
