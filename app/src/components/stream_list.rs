//! Streams in a list (`/live`, the team's studio): title, exhibitor, status, time, viewers;
//! in the studio, a replay's counts.

use crate::api::live::PublishReplay;
use crate::components::post_form::PostForm;
use crate::domain::StreamId;
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

/// Whether a replay is on the fair, with the team's button to change it.
fn replay_on_fair(
    i18n: leptos_i18n::I18nContext<Locale>,
    stream: StreamId,
    unpublished: bool,
) -> impl IntoView {
    let note = unpublished
        .then(|| view! { <p class="muted replay-off">{t!(i18n, studio_unpublished)}</p> });
    let label = match unpublished {
        true => t_string!(i18n, studio_republish),
        false => t_string!(i18n, studio_unpublish),
    }
    .to_string();
    view! {
        {note}
        <PostForm<PublishReplay> class="replay-form">
            <input type="hidden" name="stream" value=stream.0 />
            <input type="hidden" name="published" value=unpublished.to_string() />
            <button type="submit" class="secondary">{label}</button>
        </PostForm<PublishReplay>>
    }
}

/// The list, or `empty` when there is nothing in it; for the `team`'s own list, each
/// replay's counts and whether it is on the fair, to change.
#[component]
pub fn StreamList(
    streams: Vec<StreamSummary>,
    empty: String,
    #[prop(optional)] team: bool,
) -> impl IntoView {
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
            let replay = (team && stream.status == StreamStatus::Ended).then(|| {
                let counts = stream
                    .counts
                    .map(|counts| crate::components::live::counts::counts_list(i18n, counts));
                view! { {counts}{replay_on_fair(i18n, stream.id, stream.unpublished)} }
            });
            view! {
                <li class="stream-item" class:is-live=live>
                    <a class="stream-title" href=stream_path(stream.id) lang=lang dir=lang.map(direction)>{title}</a>
                    <span class="badge stream-status">{stream_status(i18n, stream.status)}</span>
                    <a class="stream-exhibitor" href=exhibitor_path(&stream.exhibitor.slug)>{stream.exhibitor.name.get(locale).to_owned()}</a>
                    {(!stream.at_local.is_empty()).then(|| view! { <time>{stream.at_local.clone()}</time> })}
                    {watching}
                    {replay}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="stream-list">{items}</ul> }.into_any()
}
