//! Pieces of the account forms: a labelled input with its error, and the translated text of
//! an error code. Errors come from the hydrated form's last answer or, with JavaScript off,
//! from the query the server sent the form back with (`crate::domain::form`).

use crate::domain::form::{decode_errors, field_errors};
use crate::error::{AppError, ErrorCode, FieldError};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The errors to show: the hydrated form's last answer, else those the server sent the form
/// back with (JavaScript off).
pub fn form_errors<T>(
    value: impl Fn() -> Option<Result<T, AppError>> + Send + Sync + 'static,
) -> Signal<Vec<FieldError>> {
    let query = use_query_map();
    Signal::derive(move || match value() {
        Some(Err(error)) => field_errors(&error),
        Some(Ok(_)) => Vec::new(),
        None => query
            .read()
            .get("errors")
            .map(|v| decode_errors(&v))
            .unwrap_or_default(),
    })
}

/// The translated message of an error code; the compiler checks that every code has one.
pub fn error_text(i18n: leptos_i18n::I18nContext<Locale>, code: &ErrorCode) -> String {
    match code {
        ErrorCode::EmailInvalid => t_string!(i18n, error_email_invalid).to_string(),
        ErrorCode::EmailTaken => t_string!(i18n, error_email_taken).to_string(),
        ErrorCode::PasswordShort => t_string!(i18n, error_password_short).to_string(),
        ErrorCode::PasswordGuessable => t_string!(i18n, error_password_guessable).to_string(),
        ErrorCode::Required => t_string!(i18n, error_required).to_string(),
        ErrorCode::TooLong => t_string!(i18n, error_too_long).to_string(),
        ErrorCode::HiddenCharacter => t_string!(i18n, error_hidden_character).to_string(),
        ErrorCode::TooMany => t_string!(i18n, error_too_many).to_string(),
        ErrorCode::CountryUnknown => t_string!(i18n, error_country_unknown).to_string(),
        ErrorCode::ChooseOne => t_string!(i18n, error_choose_one).to_string(),
        ErrorCode::Unauthenticated => t_string!(i18n, error_unauthenticated).to_string(),
        ErrorCode::RateLimited => t_string!(i18n, error_rate_limited).to_string(),
        ErrorCode::DailyLimit => t_string!(i18n, error_daily_limit).to_string(),
        ErrorCode::Busy => t_string!(i18n, error_busy).to_string(),
        ErrorCode::LinkInvalid => t_string!(i18n, error_link_invalid).to_string(),
        ErrorCode::ExhibitorUnknown => t_string!(i18n, error_exhibitor_unknown).to_string(),
        ErrorCode::OwnerExists => t_string!(i18n, error_owner_exists).to_string(),
        ErrorCode::AlreadyInATeam => t_string!(i18n, error_already_in_a_team).to_string(),
        ErrorCode::FileTooLarge => t_string!(i18n, error_file_too_large).to_string(),
        ErrorCode::RequestTooLarge => t_string!(i18n, error_request_too_large).to_string(),
        ErrorCode::RequestTooSlow => t_string!(i18n, error_request_too_slow).to_string(),
        ErrorCode::SdpMalformed => t_string!(i18n, error_sdp_malformed).to_string(),
        ErrorCode::CodecUnsupported => t_string!(i18n, error_codec_unsupported).to_string(),
        ErrorCode::MediaTypeUnsupported => {
            t_string!(i18n, error_media_type_unsupported).to_string()
        }
        ErrorCode::StreamBusy => t_string!(i18n, error_stream_busy).to_string(),
        ErrorCode::StreamNotLive => t_string!(i18n, error_stream_not_live).to_string(),
        ErrorCode::StreamEnded => t_string!(i18n, error_stream_ended).to_string(),
        ErrorCode::StreamNotEnded => t_string!(i18n, error_stream_not_ended).to_string(),
        ErrorCode::NotAnImage => t_string!(i18n, error_not_an_image).to_string(),
        ErrorCode::ImageCorrupt => t_string!(i18n, error_image_corrupt).to_string(),
        ErrorCode::ImageTooBig => t_string!(i18n, error_image_too_big).to_string(),
        ErrorCode::UploadBroken => t_string!(i18n, error_upload_broken).to_string(),
        ErrorCode::YearInvalid => t_string!(i18n, error_year_invalid).to_string(),
        ErrorCode::NumberInvalid => t_string!(i18n, error_number_invalid).to_string(),
        ErrorCode::PhoneInvalid => t_string!(i18n, error_phone_invalid).to_string(),
        ErrorCode::UrlInvalid => t_string!(i18n, error_url_invalid).to_string(),
        ErrorCode::PriceInvalid => t_string!(i18n, error_price_invalid).to_string(),
        ErrorCode::PriceOrder => t_string!(i18n, error_price_order).to_string(),
        ErrorCode::CurrencyUnknown => t_string!(i18n, error_currency_unknown).to_string(),
        ErrorCode::HsCodeInvalid => t_string!(i18n, error_hs_code_invalid).to_string(),
        ErrorCode::SpecInvalid => t_string!(i18n, error_spec_invalid).to_string(),
        ErrorCode::SkuInvalid => t_string!(i18n, error_sku_invalid).to_string(),
        ErrorCode::SkuTaken => t_string!(i18n, error_sku_taken).to_string(),
        ErrorCode::Duplicate => t_string!(i18n, error_duplicate).to_string(),
        ErrorCode::NotAModel => t_string!(i18n, error_not_a_model).to_string(),
        ErrorCode::ModelCorrupt => t_string!(i18n, error_model_corrupt).to_string(),
        ErrorCode::ModelExternal => t_string!(i18n, error_model_external).to_string(),
        ErrorCode::NotAVideo => t_string!(i18n, error_not_a_video).to_string(),
        ErrorCode::VideoCorrupt => t_string!(i18n, error_video_corrupt).to_string(),
        ErrorCode::VideoUnavailable => t_string!(i18n, error_video_unavailable).to_string(),
        ErrorCode::ImportEmpty => t_string!(i18n, error_import_empty).to_string(),
        ErrorCode::ImportTooManyRows => t_string!(i18n, error_import_too_many_rows).to_string(),
        ErrorCode::ImportTooManyColumns => {
            t_string!(i18n, error_import_too_many_columns).to_string()
        }
        ErrorCode::ImportUnpacksTooLarge => {
            t_string!(i18n, error_import_unpacks_too_large).to_string()
        }
        ErrorCode::ImportNotATable => t_string!(i18n, error_import_not_a_table).to_string(),
        ErrorCode::ImportUnreadable => t_string!(i18n, error_import_unreadable).to_string(),
        ErrorCode::SkuRepeated => t_string!(i18n, error_sku_repeated).to_string(),
        ErrorCode::ApplicationPending => t_string!(i18n, error_application_pending).to_string(),
        ErrorCode::ApplicationDecided => t_string!(i18n, error_application_decided).to_string(),
        ErrorCode::BoothUnknown => t_string!(i18n, error_booth_unknown).to_string(),
        ErrorCode::BoothTaken => t_string!(i18n, error_booth_taken).to_string(),
        ErrorCode::SlugTaken => t_string!(i18n, error_slug_taken).to_string(),
        ErrorCode::ProductPublished => t_string!(i18n, error_product_published).to_string(),
        ErrorCode::AutosaveDraftOnly => t_string!(i18n, error_autosave_draft_only).to_string(),
        ErrorCode::MessageEmpty => t_string!(i18n, error_message_empty).to_string(),
        ErrorCode::MessageTooLong => t_string!(i18n, error_message_too_long).to_string(),
        ErrorCode::ClientIdReused => t_string!(i18n, error_client_id_reused).to_string(),
        ErrorCode::ClientIdInvalid => t_string!(i18n, error_client_id_invalid).to_string(),
        ErrorCode::FrameNotJson | ErrorCode::FrameUnreadable => {
            t_string!(i18n, error_frame_unreadable).to_string()
        }
        ErrorCode::FollowingTooMany => t_string!(i18n, error_following_too_many).to_string(),
        ErrorCode::Forbidden => t_string!(i18n, error_forbidden).to_string(),
        ErrorCode::EmailUnverified => t_string!(i18n, error_email_unverified).to_string(),
        ErrorCode::TwoFactorRequired => t_string!(i18n, error_two_factor_required).to_string(),
        ErrorCode::CodeInvalid => t_string!(i18n, error_code_invalid).to_string(),
        ErrorCode::CodeWrong => t_string!(i18n, error_code_wrong).to_string(),
        ErrorCode::CodeUsed => t_string!(i18n, error_code_used).to_string(),
        ErrorCode::SignInExpired => t_string!(i18n, error_sign_in_expired).to_string(),
        ErrorCode::ConfirmationWrong => t_string!(i18n, error_confirmation_wrong).to_string(),
        ErrorCode::QuantityBelowMoq => t_string!(i18n, error_quantity_below_moq).to_string(),
        ErrorCode::TotalTooLarge => t_string!(i18n, error_total_too_large).to_string(),
        ErrorCode::InquiryClosed => t_string!(i18n, error_inquiry_closed).to_string(),
        ErrorCode::QuotationAnswered => t_string!(i18n, error_quotation_answered).to_string(),
        ErrorCode::QuotationExpired => t_string!(i18n, error_quotation_expired).to_string(),
        ErrorCode::OrderChanged => t_string!(i18n, error_order_changed).to_string(),
        ErrorCode::OrderStatusInvalid => t_string!(i18n, error_order_status_invalid).to_string(),
        ErrorCode::OrderCancelled => t_string!(i18n, error_order_cancelled).to_string(),
        ErrorCode::ContractChanged => t_string!(i18n, error_contract_changed).to_string(),
        ErrorCode::AlreadySigned => t_string!(i18n, error_already_signed).to_string(),
        ErrorCode::SlotTaken => t_string!(i18n, error_slot_taken).to_string(),
        ErrorCode::CallFull => t_string!(i18n, error_call_full).to_string(),
        ErrorCode::CallNotJoined => t_string!(i18n, error_call_not_joined).to_string(),
        ErrorCode::SlotPast => t_string!(i18n, error_slot_past).to_string(),
        ErrorCode::MeetingClosed => t_string!(i18n, error_meeting_closed).to_string(),
        ErrorCode::ZoneUnknown => t_string!(i18n, error_zone_unknown).to_string(),
        ErrorCode::DateInvalid => t_string!(i18n, error_date_invalid).to_string(),
        ErrorCode::TimeInvalid => t_string!(i18n, error_time_invalid).to_string(),
        ErrorCode::WindowTooShort => t_string!(i18n, error_window_too_short).to_string(),
        ErrorCode::TooFarAhead => t_string!(i18n, error_too_far_ahead).to_string(),
        ErrorCode::ProductNotOwn => t_string!(i18n, error_product_not_own).to_string(),
        ErrorCode::ChatMuted => t_string!(i18n, error_chat_muted).to_string(),
        ErrorCode::ConversationBlocked => t_string!(i18n, error_conversation_blocked).to_string(),
        ErrorCode::AlreadyReported => t_string!(i18n, error_already_reported).to_string(),
        ErrorCode::NotAPdf => t_string!(i18n, error_not_a_pdf).to_string(),
        ErrorCode::PdfActiveContent => t_string!(i18n, error_pdf_active_content).to_string(),
        ErrorCode::ColumnMissing(column) => {
            let column = column.clone();
            t_string!(i18n, error_column_missing, column = column).to_string()
        }
        ErrorCode::Generic | ErrorCode::Reason(_) => t_string!(i18n, error_generic).to_string(),
    }
}

/// The message for `field` among `errors`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<ErrorCode> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// The message about the form as a whole (field `""`), if any, announced as an alert. With
/// `summarize`, errors of single fields also get an alert that points to them.
#[component]
pub fn FormAlert(
    errors: Signal<Vec<FieldError>>,
    #[prop(optional)] summarize: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let errors = errors.get();
        let text = match error_for(&errors, "") {
            Some(code) => Some(error_text(i18n, &code)),
            None if summarize && !errors.is_empty() => {
                Some(t_string!(i18n, form_has_errors).to_string())
            }
            None => None,
        };
        text.map(|text| view! { <p class="form-alert" role="alert">{text}</p> })
    }
}

/// A labelled text input whose error is announced with it (`aria-describedby`).
#[component]
pub fn TextField(
    /// The name the server function reads, such as `form[email]`.
    name: &'static str,
    /// The element id, also the key of its error.
    id: &'static str,
    label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] value: String,
    #[prop(optional)] autocomplete: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    /// Whether the browser insists on a value before sending.
    #[prop(default = true)]
    required: bool,
    /// The language of what is typed, where it is not the page's (with its direction).
    #[prop(optional)]
    lang: Option<&'static str>,
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || error_for(&errors.get(), id).map(|code| error_text(i18n, &code));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name=name type=kind value=value autocomplete=autocomplete required=required list=list
                lang=lang dir=lang.map(crate::languages::direction)
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || error().is_some().then(|| described.clone()) />
            {move || error().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}

/// A labelled multi-line text box whose error is announced with it.
#[component]
pub fn TextAreaField(
    name: &'static str,
    id: &'static str,
    label: String,
    #[prop(optional)] value: String,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] required: bool,
    /// The language of what is typed, where it is not the page's (with its direction).
    #[prop(optional)]
    lang: Option<&'static str>,
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || error_for(&errors.get(), id).map(|code| error_text(i18n, &code));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea id=id name=name rows=rows required=required lang=lang dir=lang.map(crate::languages::direction)
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || error().is_some().then(|| described.clone())>{value}</textarea>
            {move || error().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}

/// A labelled choice; `children` are its options after a "Choose…" one.
#[component]
pub fn SelectField(
    name: &'static str,
    id: &'static str,
    label: String,
    errors: Signal<Vec<FieldError>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || error_for(&errors.get(), id).map(|code| error_text(i18n, &code));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name required=true
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || error().is_some().then(|| described.clone())>
                <option value="">{t!(i18n, choose)}</option>
                {children()}
            </select>
            {move || error().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}

/// The `<option>`s of `codes`, `chosen` selected.
pub fn options(codes: impl IntoIterator<Item = (String, String)>, chosen: &str) -> AnyView {
    codes
        .into_iter()
        .map(|(code, label)| {
            let selected = code == chosen;
            view! { <option value=code selected=selected>{label}</option> }
        })
        .collect_view()
        .into_any()
}

/// The currencies, `chosen` selected.
pub fn currency_options(chosen: &str) -> AnyView {
    options(
        [
            crate::domain::Currency::Usd,
            crate::domain::Currency::Eur,
            crate::domain::Currency::Cny,
        ]
        .map(|c| (c.code().to_owned(), c.code().to_owned())),
        chosen,
    )
}

/// Image types the upload forms take.
pub const IMAGE_TYPES: &str = "image/png,image/jpeg,image/webp,image/gif";

/// A labelled file input named `file`, whose error (keyed by `id`) is announced with it.
#[component]
pub fn FileField(
    id: &'static str,
    label: String,
    /// The `accept` attribute: the types offered in the browser's file picker.
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] disabled: bool,
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || error_for(&errors.get(), id).map(|code| error_text(i18n, &code));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name="file" type="file" accept=accept multiple=multiple disabled=disabled required=true
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || error().is_some().then(|| described.clone()) />
            {move || error().map(|text| view! { <p class="field-error" id=error_id.clone() role="alert">{text}</p> })}
        </div>
    }
}
