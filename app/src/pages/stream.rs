//! A stream's page (`/live/{id}`): the player while it is live (WebRTC), its exhibitor, when
//! it starts or started in the reader's zone, and the products it features. Without
//! JavaScript everything but the video is there. It loads the whole site's bundle (see
//! `LivePlayer`).

use super::loaded;
use crate::api::live::get_stream;
use crate::components::cards::ProductCard;
use crate::components::live::chat::{ChatTexts, chat_log, moment};
use crate::components::live::player::{COUNT, LivePlayer, PlayerTexts};
use crate::components::page_meta::PageMeta;
use crate::components::stream_list::stream_status;
use crate::domain::StreamId;
use crate::domain::live::{Chapter, StreamStatus, StreamView};
use crate::i18n::*;
use crate::languages::direction;
use crate::links::{exhibitor_path, product_path, stream_path};
use leptos::prelude::*;

#[component]
pub fn StreamPage() -> impl IntoView {
    // Its status, chat and chapters change by the second: never kept by the page cache.
    crate::components::status::forbid_caching();
    let data = super::by_path_id::<StreamId, _, _, _>(get_stream);
    loaded(data, stream_view)
}

fn player_texts(i18n: leptos_i18n::I18nContext<Locale>) -> PlayerTexts {
    PlayerTexts {
        label: t_string!(i18n, player_label).to_string(),
        waiting: t_string!(i18n, player_waiting).to_string(),
        connecting: t_string!(i18n, player_connecting).to_string(),
        playing: t_string!(i18n, player_playing).to_string(),
        reconnecting: t_string!(i18n, player_reconnecting).to_string(),
        not_live: t_string!(i18n, player_not_live).to_string(),
        ended: t_string!(i18n, player_ended).to_string(),
        needs_javascript: t_string!(i18n, player_needs_javascript).to_string(),
        watching: t_string!(i18n, live_watching, count = COUNT).to_string(),
        on_screen: t_string!(i18n, live_on_screen).to_string(),
        quantity: t_string!(i18n, live_quantity).to_string(),
        place: t_string!(i18n, live_place).to_string(),
        inquire: t_string!(i18n, live_inquire).to_string(),
        sent: t_string!(i18n, live_inquiry_sent).to_string(),
        open_inquiry: t_string!(i18n, live_open_inquiry).to_string(),
        book: t_string!(i18n, booking_start).to_string(),
        sign_in: t_string!(i18n, live_sign_in_to_inquire).to_string(),
        failed: t_string!(i18n, live_inquiry_failed).to_string(),
        chat: ChatTexts::new(i18n),
    }
}

/// A replay's chapters: the products the team showed, each with its moment.
fn chapters(i18n: leptos_i18n::I18nContext<Locale>, chapters: &[Chapter]) -> impl IntoView + use<> {
    if chapters.is_empty() {
        return None;
    }
    let locale = i18n.get_locale_untracked();
    let items = chapters
        .iter()
        .map(|chapter| {
            let (title, lang) = chapter.product.title.shown_with_lang(locale);
            let at = t_string!(i18n, live_chapter_at, moment = moment(chapter.second)).to_string();
            view! {
                <li class="chapter">
                    <a href=product_path(chapter.product.id) lang=lang dir=lang.map(direction)>{title}</a>
                    " "<span class="muted">{at}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="chapters" aria-labelledby="chapters">
            <h2 id="chapters">{t!(i18n, live_chapters)}</h2>
            <ol class="chapter-list" id="chapter-list">{items}</ol>
        </section>
    })
}

fn stream_view(view: StreamView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let stream = view.stream;
    let (title, lang) = stream.title.shown_with_lang(locale);
    let description = format!(
        "{} · {}",
        stream.exhibitor.name.get(locale),
        t_string!(i18n, live_title)
    );
    let when = match stream.status {
        StreamStatus::Scheduled => t_string!(i18n, live_starts),
        _ => t_string!(i18n, live_started),
    }
    .to_string();
    let reader_lang = locale.as_str().to_owned();
    let slug = stream.exhibitor.slug.clone();
    let player = (stream.status != StreamStatus::Ended).then(|| {
        view! {
            <LivePlayer stream=stream.id ice_servers=view.ice_servers.clone() texts=player_texts(i18n) viewers=stream.viewers
                pinned=view.pinned.clone() lang=reader_lang exhibitor_slug=slug inquiry=view.inquiry.clone()
                chat=view.chat.clone() may_chat=view.may_chat />
        }
    });
    // A replay shows the products shown, each from its moment, and its chat as it was.
    let ended = (stream.status == StreamStatus::Ended).then(|| {
        let texts = ChatTexts::new(i18n);
        view! {
            <p class="player-state">{t!(i18n, player_ended)}</p>
            {chapters(i18n, &view.chapters)}
            {chat_log(RwSignal::new(view.chat.clone()), &texts)}
        }
    });
    let products = view
        .products
        .into_iter()
        .map(|product| view! { <ProductCard product /> })
        .collect_view();
    let has_products = !products.is_empty();
    view! {
        <PageMeta title=title.clone() description canonical=stream_path(stream.id) />
        <section class="stream-page">
            <p><a href="/live">{t!(i18n, live_all_streams)}</a></p>
            <h1 lang=lang dir=lang.map(direction)>{title.clone()}</h1>
            <p>
                <span class="badge stream-status" id="stream-status">{stream_status(i18n, stream.status)}</span>" "
                {t!(i18n, live_by)}" "<a href=exhibitor_path(&stream.exhibitor.slug)>{stream.exhibitor.name.get(locale).to_owned()}</a>
            </p>
            {(!stream.at_local.is_empty()).then(|| view! {
                <p>{when}": "<time>{stream.at_local.clone()}</time>" ("{view.zone.clone()}")"</p>
            })}
            {player}
            {ended}
            {has_products.then(|| view! {
                <h2>{t!(i18n, live_products)}</h2>
                <ul class="card-grid">{products}</ul>
            })}
        </section>
    }
}
