//! The team's availability (`/exhibitor/meetings`): its zone, the form that publishes a
//! window of slots in it, and the slots to come with who booked them.

use super::loaded;
use crate::api::meetings::AddAvailability;
use crate::api::meetings::{AVAILABILITY_PATH, get_availability};
use crate::components::deal_status::meeting_status;
use crate::components::form_field::{FormAlert, TextField, form_errors, options};
use crate::components::page_meta::PageMeta;
use crate::components::post_form::PostForm;
use crate::components::status::forbid_caching;
use crate::components::time_zone_form::TimeZoneForm;
use crate::domain::meeting::{AvailabilityPage, SLOT_MINUTES};
use crate::error::AppError;
use crate::i18n::*;
use crate::links::meeting_path;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AvailabilityPage() -> impl IntoView {
    forbid_caching();
    let data = Resource::new_blocking(|| (), |_| get_availability());
    loaded(data, availability_view)
}

fn availability_view(page: AvailabilityPage) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let typed = move |key: &str, default: &str| {
        query
            .read_untracked()
            .get(key)
            .unwrap_or_else(|| default.to_owned())
    };
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let title = t_string!(i18n, availability_title).to_string();
    let minutes = options(
        SLOT_MINUTES.map(|m| {
            (
                m.to_string(),
                t_string!(i18n, meeting_minutes, minutes = m).to_string(),
            )
        }),
        &typed("minutes", "30"),
    );
    let slots = page
        .slots
        .into_iter()
        .map(|(slot, meeting)| {
            let booked = meeting.map(|m| {
                let status = meeting_status(i18n, m.status);
                view! { " · "<a href=meeting_path(m.id)>{m.with}</a>" · "{status} }
            });
            view! { <li class="slot"><time>{slot.starts.exhibitor}</time>" · "{t!(i18n, meeting_minutes, minutes = slot.minutes)}{booked}</li> }
        })
        .collect::<Vec<_>>();
    let empty = slots.is_empty();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=AVAILABILITY_PATH.to_owned() />
        <section class="deal">
            <h1>{title}</h1>
            <TimeZoneForm zone=page.zone.clone() names=page.zone_names back=AVAILABILITY_PATH.to_owned() team=true />
            <FormAlert errors summarize=true />
            <PostForm<AddAvailability> class="deal-form">
                <h2>{t!(i18n, availability_add, zone = page.zone)}</h2>
                <TextField name="form[date]" id="date" kind="date" label=t_string!(i18n, availability_date).to_string() value=typed("date", "") errors />
                <TextField name="form[from]" id="from" kind="time" label=t_string!(i18n, availability_from).to_string() value=typed("from", "09:00") errors />
                <TextField name="form[to]" id="to" kind="time" label=t_string!(i18n, availability_to).to_string() value=typed("to", "12:00") errors />
                <div class="field">
                    <label for="minutes">{t!(i18n, availability_minutes)}</label>
                    <select id="minutes" name="form[minutes]">{minutes}</select>
                </div>
                <button type="submit">{t!(i18n, availability_publish)}</button>
            </PostForm<AddAvailability>>
            <h2>{t!(i18n, availability_slots)}</h2>
            {empty.then(|| view! { <p class="muted">{t!(i18n, availability_none)}</p> })}
            <ul class="slot-list">{slots}</ul>
        </section>
    }
    .into_any()
}
