//! Forgotten passwords: ask for a link by address, then choose a new password with it. Both
//! forms work with JavaScript on and off; asking reveals nothing about who has an account.

use crate::api::accounts::{RequestPasswordReset, ResetPassword};
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RequestPasswordReset>::new();
    let errors = form_errors(move || action.value().get());
    let email = use_query_map()
        .read_untracked()
        .get("email")
        .unwrap_or_default();
    let title = t_string!(i18n, forgot_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/forgot-password".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, forgot_intro)}</p>
            <FormAlert errors />
            <ActionForm action=action>
                <TextField name="email" id="email" kind="email" autocomplete="email" label=t_string!(i18n, field_email).to_string() value=email errors />
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, forgot_submit)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn ForgotPasswordSentPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, forgot_sent_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/forgot-password/sent".to_owned() />
        <section class="account-form" role="status">
            <h1>{title}</h1>
            <p>{t!(i18n, forgot_sent_text)}</p>
            <p><a href="/sign-in">{t!(i18n, sign_in)}</a></p>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    forbid_caching();
    let action = ServerAction::<ResetPassword>::new();
    let errors = form_errors(move || action.value().get());
    let token = use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let title = t_string!(i18n, reset_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/reset-password".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, reset_intro)}</p>
            <FormAlert errors />
            <ActionForm action=action>
                <input type="hidden" name="token" value=token />
                <TextField name="password" id="password" kind="password" autocomplete="new-password" label=t_string!(i18n, field_new_password).to_string() errors />
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, reset_submit)}</button>
            </ActionForm>
        </section>
    }
}
