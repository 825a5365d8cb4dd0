//! Booking a meeting with an exhibitor (`/exhibitors/{slug}/meetings`): its free slots, each
//! in the buyer's time and the exhibitor's, the buyer's zone to change, and their meetings
//! with it. Buyers only; plain forms. A buyer who came from under the exhibitor's stream
//! (`?stream=`) books with it, so that the team's counts tell.

use super::loaded;
use crate::api::meetings::BookMeeting;
use crate::api::meetings::get_booking_page;
use crate::components::both_times::BothTimesText;
use crate::components::form_field::{FormAlert, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::post_form::PostForm;
use crate::components::status::forbid_caching;
use crate::components::time_zone_form::TimeZoneForm;
use crate::domain::deal::Side;
use crate::domain::meeting::BookingPage;
use crate::error::AppError;
use crate::i18n::*;
use crate::links::exhibitor_path;
use crate::links::{booking_path, meeting_path};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn BookingPage() -> impl IntoView {
    forbid_caching();
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("slug").unwrap_or_default(),
        get_booking_page,
    );
    // A buyer who came from under the exhibitor's stream books with it (`?stream=`).
    let stream = use_query_map()
        .read_untracked()
        .get("stream")
        .and_then(|id| id.parse::<i64>().ok());
    loaded(data, move |page| booking_view(page, stream))
}

fn booking_view(page: BookingPage, stream: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let name = page.exhibitor.name.get(locale).to_owned();
    let title = t_string!(i18n, booking_title, name = name).to_string();
    let href = booking_path(&page.exhibitor.slug);
    let slug = page.exhibitor.slug.clone();
    let zones = page.zones.clone();
    let slots = page
        .slots
        .into_iter()
        .map(|slot| {
            let zones = zones.clone();
            let slug = slug.clone();
            view! {
                <li class="slot">
                    <PostForm<BookMeeting> class="slot-form">
                        <input type="hidden" name="exhibitor" value=slug />
                        <input type="hidden" name="slot" value=slot.id.0 />
                        <input type="hidden" name="topic" value="" />
                        {stream.map(|id| view! { <input type="hidden" name="stream" value=id /> })}
                        <BothTimesText times=slot.starts.clone() zones reader=Side::Buyer />
                        " "<span class="muted">{t!(i18n, meeting_minutes, minutes = slot.minutes)}</span>" "
                        <button type="submit">{t!(i18n, booking_request)}</button>
                    </PostForm<BookMeeting>>
                </li>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    let no_slots = slots.is_empty();
    let meetings = page
        .meetings
        .into_iter()
        .map(|meeting| {
            let zones = zones.clone();
            view! {
                <li><a href=meeting_path(meeting.id)><BothTimesText times=meeting.starts zones reader=Side::Buyer /></a>
                    " · "{crate::components::deal_status::meeting_status(i18n, meeting.status)}</li>
            }
            .into_any()
        })
        .collect::<Vec<_>>();
    let has_meetings = !meetings.is_empty();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=href.clone() />
        <section class="deal">
            <p><a href=exhibitor_path(&page.exhibitor.slug)>{t!(i18n, chat_see_booth)}</a></p>
            <h1>{title}</h1>
            <p>{t!(i18n, booking_intro, zone = page.zones.exhibitor.clone())}</p>
            {view! { <TimeZoneForm zone=page.zones.buyer.clone() names=page.zone_names back=href /> }.into_any()}
            <FormAlert errors />
            {has_meetings.then(|| view! {
                <h2>{t!(i18n, booking_yours)}</h2>
                <ul class="meeting-list">{meetings}</ul>
            })}
            <h2>{t!(i18n, booking_slots)}</h2>
            {no_slots.then(|| view! { <p class="muted">{t!(i18n, booking_no_slots)}</p> })}
            <ul class="slot-list">{slots}</ul>
        </section>
    }
}
