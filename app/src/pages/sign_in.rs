//! Signing in, with JavaScript on and off; one message for an unknown address and a wrong
//! password alike. An account with two-factor sign-in goes on to `/sign-in/code`.

use crate::api::accounts::LogIn;
use crate::components::account_menu::Session;
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::domain::two_factor::SignInStep;
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<LogIn>::new();
    let errors = form_errors(move || action.value().get());
    Effect::new(move |_| {
        if let Some(Ok(SignInStep::SignedIn(user))) = action.value().get() {
            Session::set(Some(user));
        }
    });
    let query = use_query_map();
    let email = query.read_untracked().get("email").unwrap_or_default();
    let reset = query.read_untracked().get("reset").as_deref() == Some("done");
    let title = t_string!(i18n, sign_in_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/sign-in".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            {reset.then(|| view! { <p class="form-notice" role="status">{t!(i18n, reset_done)}</p> })}
            <FormAlert errors />
            <ActionForm action=action>
                <TextField name="email" id="email" kind="email" autocomplete="email" label=t_string!(i18n, field_email).to_string() value=email errors />
                <TextField name="password" id="password" kind="password" autocomplete="current-password" label=t_string!(i18n, field_password).to_string() errors />
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, sign_in_submit)}</button>
            </ActionForm>
            <p><a href="/forgot-password">{t!(i18n, forgot_password)}</a></p>
            <p>{t!(i18n, no_account)}" "<a href="/register">{t!(i18n, register)}</a></p>
        </section>
    }
}
