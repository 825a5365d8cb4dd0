//! The header's account links: sign in and register, or the person's name, their own pages
//! and sign out.
//!
//! Who is signed in comes with the page: the server's session layer finds the person once per
//! request (`SignedIn`), and the page carries it to the browser (`SharedValue`), so the header
//! costs no extra request. In the hydrated site, signing in or out navigates without a page
//! load, so the sign-in page and the sign-out form update `Session` themselves.

use crate::api::accounts::LogOut;
use crate::domain::{CurrentUser, Role};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The signed-in person of a request, as the server's session layer found it.
#[derive(Clone, Debug)]
pub struct SignedIn(pub Option<CurrentUser>);

/// The signed-in person of this tab, for every component.
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<CurrentUser>>);

impl Session {
    /// Provides the session; once, around every page.
    pub fn provide() {
        let user = SharedValue::new(signed_in_on_server);
        provide_context(Session(RwSignal::new(user.into_inner())));
    }

    /// Sets the signed-in person (None after signing out), if a session is provided.
    pub fn set(user: Option<CurrentUser>) {
        if let Some(Session(session)) = use_context::<Session>() {
            session.set(user);
        }
    }
}

fn signed_in_on_server() -> Option<CurrentUser> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<SignedIn>().cloned())
            .and_then(|signed_in| signed_in.0)
    }
    #[cfg(not(feature = "ssr"))]
    None
}

#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_context::<Session>().map(|Session(user)| user);
    let log_out = ServerAction::<LogOut>::new();
    Effect::new(move |_| {
        if matches!(log_out.value().get(), Some(Ok(()))) {
            Session::set(None);
        }
    });
    let menu = move || match session.and_then(|user| user.get()) {
        Some(user) => {
            let name = user.name.clone();
            let organizer = (user.role == Role::Organizer).then(|| {
                view! {
                    <a href="/organizer/applications">{t!(i18n, applications_title)}</a>
                    <a href="/organizer/exhibitors">{t!(i18n, nav_exhibitor_accounts)}</a>
                    <a href="/organizer/invite">{t!(i18n, invite_owner_title)}</a>
                    <a href="/organizer/outbox">{t!(i18n, nav_outbox)}</a>
                    <a href="/organizer/reports">{t!(i18n, nav_reports)}</a>
                }
            });
            let team = user.team.map(|_| {
                view! {
                    <a href="/exhibitor/booth">{t!(i18n, nav_booth)}</a>
                    <a href="/exhibitor/products">{t!(i18n, nav_products)}</a>
                    <a href="/exhibitor/team">{t!(i18n, nav_team)}</a>
                    <a href=crate::api::live::STUDIO_PATH>{t!(i18n, nav_studio)}</a>
                }
            });
            let messages = (user.role != Role::Organizer).then(|| {
                view! { <a href="/messages">{t!(i18n, inbox_title)}</a> }
            });
            view! {
                <span class="who">{t!(i18n, signed_in_as, name = move || name.clone())}</span>
                {organizer}
                {team}
                {messages}
                <a href=crate::links::TWO_FACTOR_PATH>{t!(i18n, nav_two_factor)}</a>
                <ActionForm action=log_out attr:class="sign-out">
                    <input type="hidden" name="everywhere" value="false" />
                    <button type="submit">{t!(i18n, sign_out)}</button>
                </ActionForm>
            }
            .into_any()
        }
        None => view! {
            <a href="/sign-in">{t!(i18n, sign_in)}</a>
            <a href="/register">{t!(i18n, register)}</a>
            <a href="/apply">{t!(i18n, apply_link)}</a>
        }
        .into_any(),
    };
    view! {
        <div class="account-menu" role="group" aria-label=move || t_string!(i18n, nav_account).to_string()>
            {menu}
        </div>
    }
}
