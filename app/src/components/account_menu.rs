//! The header's account links: sign in and register, or the person's name and sign out.
//! Signing in or out in the hydrated site navigates without a page load, so the menu reloads
//! the person when `SessionChanged` ticks.

use crate::api::accounts::{LogOut, get_current_user};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Ticks each time this tab signs in or out.
#[derive(Clone, Copy)]
pub struct SessionChanged(pub RwSignal<u64>);

impl SessionChanged {
    /// Provides the signal; once, around every page.
    pub fn provide() {
        provide_context(SessionChanged(RwSignal::new(0)));
    }

    /// Ticks the signal once `action` has succeeded.
    pub fn after<T: Send + Sync + 'static>(
        value: impl Fn() -> Option<Result<T, crate::error::AppError>> + 'static,
    ) {
        Effect::new(move |_| {
            if matches!(value(), Some(Ok(_))) {
                if let Some(SessionChanged(tick)) = use_context::<SessionChanged>() {
                    tick.update(|n| *n += 1);
                }
            }
        });
    }
}

#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let changed = use_context::<SessionChanged>().map(|c| c.0);
    let user = Resource::new_blocking(
        move || changed.map(|tick| tick.get()),
        |_| get_current_user(),
    );
    let log_out = ServerAction::<LogOut>::new();
    SessionChanged::after(move || log_out.value().get());
    let menu = move || {
        Suspend::new(async move {
            match user.await.ok().flatten() {
                Some(user) => {
                    let name = user.name.clone();
                    view! {
                        <span class="who">{t!(i18n, signed_in_as, name = move || name.clone())}</span>
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
                }
                .into_any(),
            }
        })
    };
    view! {
        <div class="account-menu" aria-label=move || t_string!(i18n, nav_account).to_string() role="group">
            <Suspense fallback=|| ()>{menu}</Suspense>
        </div>
    }
}
