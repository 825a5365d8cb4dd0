//! Streams in a list (`/live`, the team's studio): title, exhibitor, status, time, viewers;
//! in the studio, a replay's counts.

use crate::domain::live::{StreamStatus, StreamSummary};
use crate::i18n::*;
use crate::languages::direction;
use crate::links::{exhibitor_path, stream_path};
use leptos::prelude::*;

/// A stream's status as the reader says it.
pub fn stream_status(i18n: leptos_i18n::I18nContext<Locale>, status: StreamStatus) -> String {
    match status {
        StreamStatus::Scheduled => t_string!(i18n, live_status_scheduled),
        StreamStatus::Live => t_string!(i18n, live_status_live),
        StreamStatus::Ended => t_string!(i18n, live_status_ended),
    }
    .to_string()
}

/// The list, or `empty` when there is nothing in it.
#[component]
pub fn StreamList(streams: Vec<StreamSummary>, empty: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    if streams.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    let items = streams
        .into_iter()
        .map(|stream| {
            let (title, lang) = stream.title.shown_with_lang(locale);
            let live = stream.status == StreamStatus::Live;
            let watching = live.then(|| {
                view! { <span class="viewers">{t!(i18n, live_watching, count = stream.viewers)}</span> }
            });
            let counts = stream
                .counts
                .filter(|_| stream.status == StreamStatus::Ended)
                .map(|counts| crate::components::live::counts::counts_list(i18n, counts, false));
            view! {
                <li class="stream-item" class:is-live=live>
                    <a class="stream-title" href=stream_path(stream.id) lang=lang dir=lang.map(direction)>{title}</a>
                    <span class="badge stream-status">{stream_status(i18n, stream.status)}</span>
                    <a class="stream-exhibitor" href=exhibitor_path(&stream.exhibitor.slug)>{stream.exhibitor.name.get(locale).to_owned()}</a>
                    {(!stream.at_local.is_empty()).then(|| view! { <time>{stream.at_local.clone()}</time> })}
                    {watching}
                    {counts}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="stream-list">{items}</ul> }.into_any()
}
