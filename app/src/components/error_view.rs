//! What a page shows instead of its content when something failed, with the right status.

use super::{page_meta::PageMeta, status::set_status};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// `within_page`: the error is a part of a page that has its own `<h1>` (and keeps its form),
/// so its heading is an `<h2>`.
#[component]
pub fn ErrorView(error: AppError, #[prop(optional)] within_page: bool) -> impl IntoView {
    let i18n = use_i18n();
    set_status(error.status());
    let (title, body) = match &error {
        AppError::NotFound => (
            t_string!(i18n, not_found_title).to_string(),
            view! { <p>{t!(i18n, not_found_text)}</p> }.into_any(),
        ),
        AppError::Validation(fields) => {
            let items = fields
                .iter()
                .map(|f| view! { <li><code>{f.field.clone()}</code>": "{f.message.to_string()}</li> })
                .collect_view();
            (
                t_string!(i18n, bad_request_title).to_string(),
                view! { <p>{t!(i18n, bad_request_text)}</p><ul class="field-errors">{items}</ul> }
                    .into_any(),
            )
        }
        AppError::Unauthenticated => (
            t_string!(i18n, unauthenticated_title).to_string(),
            view! { <p>{t!(i18n, unauthenticated_text)}" "<a href="/sign-in">{t!(i18n, sign_in)}</a></p> }
                .into_any(),
        ),
        AppError::Forbidden => (
            t_string!(i18n, forbidden_title).to_string(),
            view! { <p>{t!(i18n, forbidden_text)}</p> }.into_any(),
        ),
        AppError::Unverified => (
            t_string!(i18n, verify_first_title).to_string(),
            view! { <crate::components::verify_notice::VerifyNotice /> }.into_any(),
        ),
        AppError::TwoFactorRequired => (
            t_string!(i18n, two_factor_required_title).to_string(),
            view! {
                <p>{t!(i18n, two_factor_required_text)}</p>
                <p><a href=crate::links::TWO_FACTOR_PATH>{t!(i18n, two_factor_start)}</a></p>
            }
            .into_any(),
        ),
        AppError::Unavailable(_) => (
            t_string!(i18n, unavailable_title).to_string(),
            view! { <p>{t!(i18n, unavailable_text)}</p> }.into_any(),
        ),
        AppError::Busy => (
            t_string!(i18n, busy_title).to_string(),
            view! { <p>{t!(i18n, busy_text)}</p> }.into_any(),
        ),
        AppError::Network(_) => (
            t_string!(i18n, network_title).to_string(),
            view! { <p>{t!(i18n, network_text)}</p> }.into_any(),
        ),
        AppError::Internal(id) => {
            let id = id.clone();
            (
                t_string!(i18n, internal_title).to_string(),
                view! { <p>{t!(i18n, internal_text, id = move || id.clone())}</p> }.into_any(),
            )
        }
        other => (other.to_string(), ().into_any()),
    };
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/".to_owned() />
        <section class="error-view" role="alert">
            {if within_page {
                view! { <h2>{title}</h2> }.into_any()
            } else {
                view! { <h1>{title}</h1> }.into_any()
            }}
            {body}
            <p><a href="/">{t!(i18n, back_home)}</a></p>
        </section>
    }
}
