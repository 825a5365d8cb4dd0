//! What a buyer who has not verified their address meets where they would write to an
//! exhibitor (`AppError::Unverified`): why not yet, where the link went, and a plain form that
//! mails it again and comes back to the same page saying so.

use crate::api::accounts::ResendVerification;
use crate::components::account_menu::Session;
use crate::components::form_field::{FormAlert, form_errors};
use crate::components::post_form::PostForm;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// Whether the signed-in person is a buyer whose address is not verified yet.
pub fn unverified_buyer() -> bool {
    use_context::<Session>().is_some_and(|Session(user)| {
        user.read_untracked()
            .as_ref()
            .is_some_and(|user| user.role == crate::domain::Role::Buyer && !user.email_verified)
    })
}

#[component]
pub fn VerifyNotice() -> impl IntoView {
    let i18n = use_i18n();
    let email = use_context::<Session>()
        .and_then(|Session(user)| {
            user.read_untracked()
                .as_ref()
                .map(|user| user.email.clone())
        })
        .unwrap_or_default();
    let resent = use_query_map()
        .read_untracked()
        .get("verification")
        .as_deref()
        == Some("sent");
    let back = use_location().pathname.get_untracked();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let shown = email.clone();
    view! {
        <div class="verify-notice">
            <p>{t!(i18n, verify_first_text, email = move || shown.clone())}</p>
            {resent.then(|| view! {
                <p class="form-notice" role="status">{t!(i18n, verify_resent, email = move || email.clone())}</p>
            })}
            <PostForm<ResendVerification>>
                <input type="hidden" name="back" value=back />
                <button type="submit">{t!(i18n, verify_resend)}</button>
                <FormAlert errors />
            </PostForm<ResendVerification>>
        </div>
    }
}
