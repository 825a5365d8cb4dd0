//! The second step of signing in: the six-digit code of the person's authenticator app, or
//! one of their recovery codes. Works with JavaScript on and off; an expired sign-in says to
//! start again with the password.

use crate::api::two_factor::VerifySignInCode;
use crate::components::account_menu::Session;
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::i18n::*;
use crate::links::SIGN_IN_CODE_PATH;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub fn SignInCodePage() -> impl IntoView {
    let i18n = use_i18n();
    forbid_caching();
    let action = ServerAction::<VerifySignInCode>::new();
    let errors = form_errors(move || action.value().get());
    Effect::new(move |_| {
        if let Some(Ok(user)) = action.value().get() {
            Session::set(Some(user));
        }
    });
    let title = t_string!(i18n, sign_in_code_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=SIGN_IN_CODE_PATH.to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, sign_in_code_intro)}</p>
            <FormAlert errors />
            <ActionForm action=action>
                <TextField name="code" id="code" autocomplete="one-time-code"
                    label=t_string!(i18n, field_sign_in_code).to_string() errors />
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, sign_in_submit)}</button>
            </ActionForm>
            <p><a href="/sign-in">{t!(i18n, sign_in_again)}</a></p>
        </section>
    }
}
