//! "Contact the exhibitor": a plain form that opens the buyer's conversation with an
//! exhibitor (started if new). A visitor is sent back with a note to sign in first; a buyer
//! who has not verified their address sees why they cannot write yet instead.

use crate::api::conversations::StartConversation;
use crate::components::form_field::{FormAlert, form_errors};
use crate::components::post_form::PostForm;
use crate::components::verify_notice::{VerifyNotice, unverified_buyer};
use crate::domain::ExhibitorId;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn ContactForm(
    exhibitor: ExhibitorId,
    /// The page to come back to if the conversation cannot be opened.
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if unverified_buyer() {
        return view! { <VerifyNotice /> }.into_any();
    }
    let errors = form_errors(|| None::<Result<(), AppError>>);
    view! {
        <PostForm<StartConversation> class="contact-form">
            <input type="hidden" name="exhibitor" value=exhibitor.0 />
            <input type="hidden" name="back" value=back />
            <button type="submit">{t!(i18n, contact_exhibitor)}</button>
            <FormAlert errors />
        </PostForm<StartConversation>>
    }
    .into_any()
}
