//! One meeting (`/meetings/{id}`): when, in both parties' zones, where it stands, and what
//! the reader can do: the team confirms or declines a request, either side cancels, the buyer
//! moves it to another free slot without cancelling first. A calendar file for both.

use super::loaded;
use crate::api::meetings::get_meeting;
use crate::api::meetings::{AnswerMeeting, CancelMeeting, RescheduleMeeting};
use crate::components::both_times::BothTimesText;
use crate::components::deal_status::meeting_status;
use crate::components::form_field::{FormAlert, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::post_form::{PostForm, post_url};
use crate::components::status::forbid_caching;
use crate::domain::MeetingId;
use crate::domain::deal::Side;
use crate::domain::meeting::{MeetingStatus, MeetingView};
use crate::error::AppError;
use crate::i18n::*;
use crate::links::{call_path, meeting_ics_path, meeting_path};
use leptos::prelude::*;

#[component]
pub fn MeetingPage() -> impl IntoView {
    forbid_caching();
    let data = super::by_path_id::<MeetingId, _, _, _>(get_meeting);
    loaded(data, meeting_view)
}

fn meeting_view(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let id = meeting.id;
    let title = t_string!(
        i18n,
        meeting_title,
        name = meeting.exhibitor.name.get(locale).to_owned(),
        buyer = meeting.buyer.name.clone()
    )
    .to_string();
    let reader = meeting.reader;
    let zones = meeting.zones.clone();
    let button = move |action: &'static str,
                       name: &'static str,
                       value: &'static str,
                       label: String,
                       class: &'static str| {
        view! {
            <form method="post" action=action class="inline-form">
                <input type="hidden" name="meeting" value=id.0 />
                {(!name.is_empty()).then(|| view! { <input type="hidden" name=name value=value /> })}
                <button type="submit" class=class>{label}</button>
            </form>
        }
    };
    let requested = meeting.status == MeetingStatus::Requested;
    let live = meeting.status.is_live();
    let answer = (reader == Side::Exhibitor && requested).then(|| view! {
        {button(post_url::<AnswerMeeting>(), "answer", "confirm", t_string!(i18n, meeting_confirm).to_string(), "")}
        {button(post_url::<AnswerMeeting>(), "answer", "decline", t_string!(i18n, meeting_decline).to_string(), "secondary")}
    });
    let cancel = live.then(|| {
        button(
            post_url::<CancelMeeting>(),
            "",
            "",
            t_string!(i18n, meeting_cancel).to_string(),
            "secondary",
        )
    });
    let other = meeting
        .other_slots
        .iter()
        .map(|slot| {
            let label = format!("{} · {}", slot.starts.buyer, slot.starts.exhibitor);
            view! { <option value=slot.id.0>{label}</option> }
        })
        .collect::<Vec<_>>();
    let reschedule = (!other.is_empty()).then(|| {
        view! {
            <PostForm<RescheduleMeeting> class="deal-form">
                <h2>{t!(i18n, meeting_reschedule_title)}</h2>
                <input type="hidden" name="meeting" value=id.0 />
                <label for="slot">{t!(i18n, meeting_new_slot)}</label>
                <select id="slot" name="slot">{other}</select>
                <button type="submit">{t!(i18n, meeting_reschedule)}</button>
            </PostForm<RescheduleMeeting>>
        }
    });
    let expires = requested.then(|| {
        let zones = zones.clone();
        view! { <p class="muted">{t!(i18n, meeting_expires)}" "<BothTimesText times=meeting.expires.clone() zones reader /></p> }
    });
    let with = match reader {
        Side::Buyer => meeting.exhibitor.name.get(locale).to_owned(),
        Side::Exhibitor => format!(
            "{} · {} · {}",
            meeting.buyer.name,
            meeting.buyer.company,
            meeting.buyer.country.name(locale)
        ),
    };
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=meeting_path(id) />
        <section class="deal">
            <p><a href="/messages?show=meetings">{t!(i18n, inbox_meetings)}</a></p>
            <h1>{title}</h1>
            <p>{with}" · "<span class="badge deal-status" id="meeting-status">{meeting_status(i18n, meeting.status)}</span></p>
            <dl class="deal-terms">
                <dt>{t!(i18n, meeting_starts)}</dt><dd id="meeting-starts"><BothTimesText times=meeting.slot.starts.clone() zones=zones.clone() reader /></dd>
                <dt>{t!(i18n, meeting_ends)}</dt><dd><BothTimesText times=meeting.ends.clone() zones=zones.clone() reader /></dd>
                <dt>{t!(i18n, meeting_topic)}</dt><dd>{meeting.topic.clone()}</dd>
            </dl>
            {expires}
            <FormAlert errors />
            <div class="order-actions">{answer}{cancel}</div>
            {reschedule}
            {live.then(|| view! { <p><a class="button" href=call_path(id)>{t!(i18n, meeting_join_call)}</a></p> })}
            <p><a href=meeting_ics_path(id) download="">{t!(i18n, meeting_calendar)}</a></p>
        </section>
    }
    .into_any()
}
