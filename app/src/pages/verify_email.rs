//! The page a verification mail links to: it verifies the address as it opens.

use crate::api::accounts::verify_email;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    forbid_caching();
    let outcome = Resource::new_blocking(
        move || query.read().get("token").unwrap_or_default(),
        |token| async move { verify_email(token).await.is_ok() },
    );
    let view = move || {
        Suspend::new(async move {
            let (title, text) = if outcome.await {
                (t_string!(i18n, verify_title), t_string!(i18n, verify_text))
            } else {
                (
                    t_string!(i18n, verify_failed_title),
                    t_string!(i18n, verify_failed_text),
                )
            };
            let title = title.to_string();
            view! {
                <PageMeta title=title.clone() description=title.clone() canonical="/verify-email".to_owned() />
                <section class="account-form" role="status">
                    <h1>{title}</h1>
                    <p>{text.to_string()}</p>
                    <p><a href="/">{t!(i18n, back_home)}</a></p>
                </section>
            }
        })
    };
    view! { <Suspense fallback=|| ()>{view}</Suspense> }
}
