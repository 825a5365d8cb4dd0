//! Accepting an invitation to an exhibitor's team: the link shows which company and role it
//! offers; a name and a password create the account, already verified by the link, and sign
//! the person in. A link that no longer works says so, and why it may not.

use crate::api::teams::{AcceptInvitation, get_invitation};
use crate::components::account_menu::Session;
use crate::components::error_view::ErrorView;
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::{forbid_caching, set_status};
use crate::domain::{InvitationOffer, TeamRole};
use crate::error::AppError;
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn InvitationPage() -> impl IntoView {
    forbid_caching();
    let query = use_query_map();
    let token = query.read_untracked().get("token").unwrap_or_default();
    let offer = Resource::new_blocking(move || token.clone(), get_invitation);
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(offer) => accept_form(offer).into_any(),
                    Err(AppError::NotFound) => dead_link().into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What an unknown, used, revoked or expired invitation link shows (404).
fn dead_link() -> impl IntoView {
    let i18n = use_i18n();
    set_status(404);
    let title = t_string!(i18n, verify_failed_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/invitation".to_owned() />
        <section class="account-form" role="status">
            <h1>{title}</h1>
            <p>{t!(i18n, invitation_dead_text)}</p>
            <p><a href="/">{t!(i18n, back_home)}</a></p>
        </section>
    }
}

fn accept_form(offer: InvitationOffer) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let typed = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let action = ServerAction::<AcceptInvitation>::new();
    let errors = form_errors(move || action.value().get());
    Effect::new(move |_| {
        if let Some(Ok(user)) = action.value().get() {
            Session::set(Some(user));
        }
    });
    let company = offer.company.get(i18n.get_locale_untracked()).to_owned();
    let title = t_string!(i18n, invitation_title, company = company.clone()).to_string();
    let role = match offer.role {
        TeamRole::Owner => t_string!(i18n, team_role_owner).to_string(),
        TeamRole::Staff => t_string!(i18n, team_role_staff).to_string(),
    };
    let email = offer.email.clone();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/invitation".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, invitation_text, role = move || role.clone(), email = move || email.clone())}</p>
            <FormAlert errors />
            <ActionForm action=action>
                <input type="hidden" name="token" value=typed("token") />
                <TextField name="name" id="name" autocomplete="name" label=t_string!(i18n, field_name).to_string() value=typed("name") errors />
                <TextField name="password" id="password" kind="password" autocomplete="new-password" label=t_string!(i18n, field_password).to_string() errors />
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, invitation_submit)}</button>
            </ActionForm>
        </section>
    }
}
