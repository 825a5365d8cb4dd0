//! Pieces of the account forms: a labelled input with its error, and the translated text of
//! an error code. Errors come from the hydrated form's last answer or, with JavaScript off,
//! from the query the server sent the form back with (`crate::domain::form`).

use crate::domain::form::{decode_errors, field_errors};
use crate::error::{AppError, FieldError};
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

/// The translated message of an error code (see `domain::account` and `domain::form`).
pub fn error_text(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> String {
    match code {
        "email_invalid" => t_string!(i18n, error_email_invalid).to_string(),
        "email_taken" => t_string!(i18n, error_email_taken).to_string(),
        "password_short" => t_string!(i18n, error_password_short).to_string(),
        "required" => t_string!(i18n, error_required).to_string(),
        "too_long" => t_string!(i18n, error_too_long).to_string(),
        "too_many" => t_string!(i18n, error_too_many).to_string(),
        "country_unknown" => t_string!(i18n, error_country_unknown).to_string(),
        "choose_one" => t_string!(i18n, error_choose_one).to_string(),
        "unauthenticated" => t_string!(i18n, error_unauthenticated).to_string(),
        "rate_limited" => t_string!(i18n, error_rate_limited).to_string(),
        "link_invalid" => t_string!(i18n, error_link_invalid).to_string(),
        "exhibitor_unknown" => t_string!(i18n, error_exhibitor_unknown).to_string(),
        "owner_exists" => t_string!(i18n, error_owner_exists).to_string(),
        "already_in_a_team" => t_string!(i18n, error_already_in_a_team).to_string(),
        "file_too_large" => t_string!(i18n, error_file_too_large).to_string(),
        "not_an_image" => t_string!(i18n, error_not_an_image).to_string(),
        "image_corrupt" => t_string!(i18n, error_image_corrupt).to_string(),
        "image_too_big" => t_string!(i18n, error_image_too_big).to_string(),
        "upload_broken" => t_string!(i18n, error_upload_broken).to_string(),
        "year_invalid" => t_string!(i18n, error_year_invalid).to_string(),
        "number_invalid" => t_string!(i18n, error_number_invalid).to_string(),
        "phone_invalid" => t_string!(i18n, error_phone_invalid).to_string(),
        "url_invalid" => t_string!(i18n, error_url_invalid).to_string(),
        "price_invalid" => t_string!(i18n, error_price_invalid).to_string(),
        "price_order" => t_string!(i18n, error_price_order).to_string(),
        "currency_unknown" => t_string!(i18n, error_currency_unknown).to_string(),
        "hs_code_invalid" => t_string!(i18n, error_hs_code_invalid).to_string(),
        "spec_invalid" => t_string!(i18n, error_spec_invalid).to_string(),
        "sku_invalid" => t_string!(i18n, error_sku_invalid).to_string(),
        "sku_taken" => t_string!(i18n, error_sku_taken).to_string(),
        "duplicate" => t_string!(i18n, error_duplicate).to_string(),
        "not_a_model" => t_string!(i18n, error_not_a_model).to_string(),
        "model_corrupt" => t_string!(i18n, error_model_corrupt).to_string(),
        "model_external" => t_string!(i18n, error_model_external).to_string(),
        "not_a_video" => t_string!(i18n, error_not_a_video).to_string(),
        "video_corrupt" => t_string!(i18n, error_video_corrupt).to_string(),
        "video_unavailable" => t_string!(i18n, error_video_unavailable).to_string(),
        "import_empty" => t_string!(i18n, error_import_empty).to_string(),
        "import_too_many_rows" => t_string!(i18n, error_import_too_many_rows).to_string(),
        "import_not_a_table" => t_string!(i18n, error_import_not_a_table).to_string(),
        "import_unreadable" => t_string!(i18n, error_import_unreadable).to_string(),
        "sku_repeated" => t_string!(i18n, error_sku_repeated).to_string(),
        "application_pending" => t_string!(i18n, error_application_pending).to_string(),
        "application_decided" => t_string!(i18n, error_application_decided).to_string(),
        "booth_unknown" => t_string!(i18n, error_booth_unknown).to_string(),
        "booth_taken" => t_string!(i18n, error_booth_taken).to_string(),
        "slug_taken" => t_string!(i18n, error_slug_taken).to_string(),
        "product_published" => t_string!(i18n, error_product_published).to_string(),
        "autosave_draft_only" => t_string!(i18n, error_autosave_draft_only).to_string(),
        "message_empty" => t_string!(i18n, error_message_empty).to_string(),
        "message_too_long" => t_string!(i18n, error_message_too_long).to_string(),
        "client_id_reused" => t_string!(i18n, error_client_id_reused).to_string(),
        "forbidden" => t_string!(i18n, error_forbidden).to_string(),
        "quantity_below_moq" => t_string!(i18n, error_quantity_below_moq).to_string(),
        "total_too_large" => t_string!(i18n, error_total_too_large).to_string(),
        "inquiry_closed" => t_string!(i18n, error_inquiry_closed).to_string(),
        "quotation_answered" => t_string!(i18n, error_quotation_answered).to_string(),
        "quotation_expired" => t_string!(i18n, error_quotation_expired).to_string(),
        "order_changed" => t_string!(i18n, error_order_changed).to_string(),
        "order_status_invalid" => t_string!(i18n, error_order_status_invalid).to_string(),
        "order_cancelled" => t_string!(i18n, error_order_cancelled).to_string(),
        "contract_changed" => t_string!(i18n, error_contract_changed).to_string(),
        "already_signed" => t_string!(i18n, error_already_signed).to_string(),
        "slot_taken" => t_string!(i18n, error_slot_taken).to_string(),
        "call_full" => t_string!(i18n, error_call_full).to_string(),
        "call_not_joined" => t_string!(i18n, error_call_not_joined).to_string(),
        "slot_past" => t_string!(i18n, error_slot_past).to_string(),
        "meeting_closed" => t_string!(i18n, error_meeting_closed).to_string(),
        "zone_unknown" => t_string!(i18n, error_zone_unknown).to_string(),
        "date_invalid" => t_string!(i18n, error_date_invalid).to_string(),
        "time_invalid" => t_string!(i18n, error_time_invalid).to_string(),
        "window_too_short" => t_string!(i18n, error_window_too_short).to_string(),
        "too_far_ahead" => t_string!(i18n, error_too_far_ahead).to_string(),
        "conversation_blocked" => t_string!(i18n, error_conversation_blocked).to_string(),
        "already_reported" => t_string!(i18n, error_already_reported).to_string(),
        "not_a_pdf" => t_string!(i18n, error_not_a_pdf).to_string(),
        "pdf_active_content" => t_string!(i18n, error_pdf_active_content).to_string(),
        _ => match code.strip_prefix("column_missing:") {
            Some(column) => {
                let column = column.to_owned();
                t_string!(i18n, error_column_missing, column = column).to_string()
            }
            None => t_string!(i18n, error_generic).to_string(),
        },
    }
}

/// The message for `field` among `errors`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
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
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || error_for(&errors.get(), id).map(|code| error_text(i18n, &code));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea id=id name=name rows=rows required=required
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
