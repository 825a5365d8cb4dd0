//! A meeting's video call (`/meetings/{id}/call`): the call, and the parties' conversation
//! beside it. Only its two parties, while the meeting is live.

use super::loaded;
use crate::api::meetings::get_call_room;
use crate::components::both_times::BothTimesText;
use crate::components::call::Call;
use crate::components::chat::Chat;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::deal::Side;
use crate::domain::meeting::CallRoom;
use crate::domain::{ConversationView, MeetingId};
use crate::i18n::*;
use crate::links::{call_path, meeting_path};
use leptos::prelude::*;

#[component]
pub fn CallPage() -> impl IntoView {
    forbid_caching();
    let data = super::by_path_id::<MeetingId, _, _, _>(get_call_room);
    loaded(data, |(room, conversation)| call_view(room, conversation))
}

fn call_view(room: CallRoom, conversation: ConversationView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let meeting = room.meeting;
    let with = match meeting.reader {
        Side::Buyer => meeting.exhibitor.name.get(locale).to_owned(),
        Side::Exhibitor => meeting.buyer.name.clone(),
    };
    let title = t_string!(i18n, call_title, name = with).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=call_path(meeting.id) />
        <section class="call-room">
            <p><a href=meeting_path(meeting.id)>{t!(i18n, call_back)}</a></p>
            <h1>{title}</h1>
            <p><BothTimesText times=meeting.slot.starts.clone() zones=meeting.zones.clone() reader=meeting.reader /></p>
            <div class="call-layout">
                <Call meeting=meeting.id offerer={meeting.reader == Side::Buyer} ice_servers=room.ice_servers />
                <aside class="call-chat">
                    <h2>{t!(i18n, chat_messages)}</h2>
                    <Chat conversation />
                </aside>
            </div>
        </section>
    }
    .into_any()
}
