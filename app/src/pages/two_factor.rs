//! A person's two-factor sign-in: turn it on with an authenticator app (a QR code and its key,
//! ten recovery codes shown once, a first code to confirm), set it up again on a new phone
//! (which also gives new recovery codes), or turn it off with the password where the role
//! allows. Every form works with JavaScript on and off.

use super::loaded;
use crate::api::two_factor::{ConfirmTwoFactor, DisableTwoFactor, StartTwoFactor, get_two_factor};
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::two_factor::{TwoFactorSetup, TwoFactorStatus};
use crate::i18n::*;
use crate::links::TWO_FACTOR_PATH;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The forms of the page.
#[derive(Clone, Copy)]
struct Forms {
    start: ServerAction<StartTwoFactor>,
    confirm: ServerAction<ConfirmTwoFactor>,
    disable: ServerAction<DisableTwoFactor>,
}

#[component]
pub fn TwoFactorPage() -> impl IntoView {
    forbid_caching();
    let forms = Forms {
        start: ServerAction::new(),
        confirm: ServerAction::new(),
        disable: ServerAction::new(),
    };
    let status = Resource::new_blocking(
        move || {
            (
                forms.start.version().get(),
                forms.confirm.version().get(),
                forms.disable.version().get(),
            )
        },
        |_| get_two_factor(),
    );
    let i18n = use_i18n();
    let title = t_string!(i18n, two_factor_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=TWO_FACTOR_PATH.to_owned() />
        <section class="account-form two-factor">
            <h1>{title}</h1>
            <p>{t!(i18n, two_factor_intro)}</p>
            {loaded(status, move |status| status_view(status, forms))}
        </section>
    }
}

fn status_view(status: TwoFactorStatus, forms: Forms) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let notice = move || {
        let query = query.read();
        if query.get("enabled").is_some() {
            Some(t_string!(i18n, two_factor_turned_on).to_string())
        } else if query.get("disabled").is_some() {
            Some(t_string!(i18n, two_factor_turned_off).to_string())
        } else {
            None
        }
    };
    let required_alert = (status.required && !status.enabled).then(|| {
        view! { <p class="form-alert" role="alert">{t!(i18n, two_factor_required_text)}</p> }
    });
    let state = if status.enabled {
        let left = status.recovery_codes_left;
        view! {
            <p id="two-factor-state"><strong>{t!(i18n, two_factor_on)}</strong>" "
                {t!(i18n, two_factor_codes_left, count = move || left)}</p>
        }
        .into_any()
    } else {
        view! { <p id="two-factor-state"><strong>{t!(i18n, two_factor_off)}</strong></p> }
            .into_any()
    };
    let setup = match status.setup {
        Some(setup) => setup_view(setup, forms.confirm).into_any(),
        None => start_view(status.enabled, forms.start).into_any(),
    };
    let turn_off = status.enabled.then(|| {
        if status.required {
            view! { <p class="muted">{t!(i18n, two_factor_required_note)}</p> }.into_any()
        } else {
            disable_view(forms.disable).into_any()
        }
    });
    view! {
        {move || notice().map(|text| view! { <p class="form-notice" role="status">{text}</p> })}
        {required_alert}
        {state}
        {setup}
        {turn_off}
    }
}

fn start_view(enabled: bool, start: ServerAction<StartTwoFactor>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(move || start.value().get());
    let label = if enabled {
        t_string!(i18n, two_factor_restart).to_string()
    } else {
        t_string!(i18n, two_factor_start).to_string()
    };
    view! {
        <FormAlert errors />
        <ActionForm action=start>
            <button type="submit" disabled=move || start.pending().get()>{label}</button>
        </ActionForm>
    }
}

fn setup_view(setup: TwoFactorSetup, confirm: ServerAction<ConfirmTwoFactor>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(move || confirm.value().get());
    let codes = setup
        .recovery_codes
        .into_iter()
        .map(|code| view! { <li><code>{code}</code></li> })
        .collect_view();
    view! {
        <h2>{t!(i18n, two_factor_setup_title)}</h2>
        <p>{t!(i18n, two_factor_scan)}</p>
        <div class="qr-code" role="img" aria-label=t_string!(i18n, two_factor_qr_label).to_string() inner_html=setup.qr_svg></div>
        <p>{t!(i18n, two_factor_key)}" "<code id="two-factor-key">{setup.secret}</code></p>
        <p><a href=setup.otpauth_uri>{t!(i18n, two_factor_open_app)}</a></p>
        <p>{t!(i18n, two_factor_recovery_intro)}</p>
        <ol class="recovery-codes" aria-label=t_string!(i18n, two_factor_recovery_label).to_string()>{codes}</ol>
        <p>{t!(i18n, two_factor_confirm_intro)}</p>
        <FormAlert errors />
        <ActionForm action=confirm>
            <TextField name="code" id="code" autocomplete="one-time-code"
                label=t_string!(i18n, field_code).to_string() errors />
            <TextField name="current_password" id="current_password" kind="password" autocomplete="current-password"
                label=t_string!(i18n, field_current_password).to_string() errors />
            <button type="submit" disabled=move || confirm.pending().get()>{t!(i18n, two_factor_confirm)}</button>
        </ActionForm>
    }
}

fn disable_view(disable: ServerAction<DisableTwoFactor>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(move || disable.value().get());
    view! {
        <h2>{t!(i18n, two_factor_disable_title)}</h2>
        <FormAlert errors />
        <ActionForm action=disable>
            <TextField name="password" id="password" kind="password" autocomplete="current-password"
                label=t_string!(i18n, field_current_password_off).to_string() errors />
            <button type="submit" disabled=move || disable.pending().get()>{t!(i18n, two_factor_disable)}</button>
        </ActionForm>
    }
}
