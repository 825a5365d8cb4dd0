//! Pieces of the account forms: a labelled input with its error, and the translated text of
//! an error code. Errors come from the hydrated form's last answer or, with JavaScript off,
//! from the query the server sent the form back with (`crate::domain::form`).

use crate::error::FieldError;
use crate::i18n::*;
use leptos::prelude::*;

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
        _ => t_string!(i18n, error_generic).to_string(),
    }
}

/// The message for `field` among `errors`, if any.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
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
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || error_for(&errors.get(), id).map(|code| error_text(i18n, &code));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id name=name type=kind value=value autocomplete=autocomplete required=true
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=move || error().is_some().then(|| described.clone()) />
            {move || error().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}
