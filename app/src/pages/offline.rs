//! The page the service worker (`public/sw.js`) shows for a page it did not keep, when the
//! network is off. It keeps it when it is installed, in the language of that visit.

use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::links::OFFLINE_PATH;
use leptos::prelude::*;

#[component]
pub fn OfflinePage() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, offline_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=OFFLINE_PATH.to_owned() />
        <section class="error-view">
            <h1>{title}</h1>
            <p>{t!(i18n, offline_text)}</p>
            <p><a href="/">{t!(i18n, back_home)}</a></p>
        </section>
    }
}
