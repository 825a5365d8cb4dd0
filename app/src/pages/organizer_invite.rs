//! The organizer invites an exhibitor company's owner: which exhibitor (its address in the
//! directory, `/exhibitors/<this>`), and to which e-mail address the invitation goes.

use crate::api::teams::InviteOwner;
use crate::components::account_menu::Session;
use crate::components::error_view::ErrorView;
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::{Action, authorize};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OrganizerInvitePage() -> impl IntoView {
    forbid_caching();
    let user = use_context::<Session>().and_then(|Session(user)| user.get_untracked());
    // The page shows the form only to organizers; the server function checks again.
    match authorize(user.as_ref(), Action::InviteExhibitor) {
        Ok(()) => invite_form().into_any(),
        Err(error) => view! { <ErrorView error /> }.into_any(),
    }
}

fn invite_form() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<InviteOwner>::new();
    let errors = form_errors(move || action.value().get());
    let query = use_query_map();
    let typed = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let sent = move || typed("sent") == "1" || matches!(action.value().get(), Some(Ok(())));
    let title = t_string!(i18n, invite_owner_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/organizer/invite".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, invite_owner_intro)}</p>
            {move || sent().then(|| view! { <p class="form-notice" role="status">{t!(i18n, team_invite_sent)}</p> })}
            <FormAlert errors />
            <ActionForm action=action>
                <TextField name="exhibitor" id="exhibitor" autocomplete="off" label=t_string!(i18n, field_exhibitor).to_string() value=typed("exhibitor") errors />
                <TextField name="email" id="email" kind="email" autocomplete="off" label=t_string!(i18n, field_owner_email).to_string() value=typed("email") errors />
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, team_invite_submit)}</button>
            </ActionForm>
            <p><a href="/organizer/exhibitors">{t!(i18n, onboarding_title)}</a>" · "<a href="/organizer/outbox">{t!(i18n, nav_outbox)}</a></p>
        </section>
    }
}
