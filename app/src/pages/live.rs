//! `/live`: what exhibitors stream now, what is to come, and replays. A light page, like the
//! catalogue's: plain links, no script of its own.

use super::loaded;
use crate::api::live::get_live_page;
use crate::components::page_meta::PageMeta;
use crate::components::stream_list::StreamList;
use crate::domain::live::LivePage;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn LiveListPage() -> impl IntoView {
    // What is live changes by the minute: never kept by the page cache or the browser.
    crate::components::status::forbid_caching();
    let data = Resource::new_blocking(|| (), |_| get_live_page());
    loaded(data, live_view)
}

fn live_view(page: LivePage) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, live_title).to_string();
    view! {
        <PageMeta title=title.clone() description=t_string!(i18n, live_description).to_string() canonical="/live".to_owned() />
        <section class="live-page">
            <h1>{title}</h1>
            <p class="muted">{t!(i18n, live_times_in, zone = page.zone)}</p>
            <h2>{t!(i18n, live_now)}</h2>
            <StreamList streams=page.live empty=t_string!(i18n, live_none_now).to_string() />
            <h2>{t!(i18n, live_scheduled)}</h2>
            <StreamList streams=page.scheduled empty=t_string!(i18n, live_none_scheduled).to_string() />
            <h2>{t!(i18n, live_replays)}</h2>
            <StreamList streams=page.replays empty=t_string!(i18n, live_none_replays).to_string() />
        </section>
    }
}
