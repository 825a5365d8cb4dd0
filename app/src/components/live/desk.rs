//! The team's desk while it streams: viewers, the product shown under the video, and the
//! inquiries from the stream as they arrive (asked every two seconds).

use super::chat::{ChatTexts, chat_form, chat_line};
use crate::api::live::{ModerateStreamChat, PinProduct, get_stream_desk};
use crate::domain::live::StreamDesk;
use crate::domain::live_chat::ChatLine;
use crate::domain::{ProductId, StreamId};
use crate::i18n::*;
use crate::links::inquiry_path;
use leptos::prelude::*;

/// The team's desk while it streams: viewers, the product on screen, inquiries as they come.
#[component]
pub fn Desk(stream: StreamId, products: Vec<(ProductId, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let desk = RwSignal::new(None::<StreamDesk>);
    let chat = RwSignal::new(Vec::<ChatLine>::new());
    let chosen = RwSignal::new(None::<ProductId>);
    let alive = StoredValue::new(());
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            leptos::task::spawn_local(async move {
                // Every two seconds while the desk is on the page.
                while !alive.is_disposed() {
                    if let Ok(now) = get_stream_desk(stream).await {
                        chat.try_set(now.chat.clone());
                        desk.try_set(Some(now));
                    }
                    #[cfg(feature = "hydrate")]
                    super::whip::sleep(2000).await;
                }
            });
        }
    });
    let pin = ServerAction::<PinProduct>::new();
    let moderate = ServerAction::<ModerateStreamChat>::new();
    let texts = ChatTexts::new(i18n);
    let team = texts.team.clone();
    let chat_lines = move || {
        let items = chat
            .get()
            .into_iter()
            .map(|line| {
                let name = line.name.clone();
                let message = line.id;
                let act = move |action: &'static str| {
                    moderate.dispatch(ModerateStreamChat { stream, message, action: action.to_owned() });
                };
                view! {
                    <li class="chat-line" data-id=message>
                        {chat_line(&line, &team)}" "
                        <button type="button" class="secondary chat-delete"
                            aria-label=t_string!(i18n, studio_chat_delete_label, name = name.clone()).to_string()
                            on:click=move |_| act("delete")>{t!(i18n, studio_chat_delete)}</button>" "
                        {(!line.from_team).then(|| view! {
                            <button type="button" class="secondary chat-mute"
                                aria-label=t_string!(i18n, studio_chat_mute_label, name = name.clone()).to_string()
                                on:click=move |_| act("mute")>{t!(i18n, studio_chat_mute)}</button>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="stream-chat-log" id="desk-chat">{items}</ol> }
    };
    let chat_heading = texts.heading.clone();
    let write = chat_form(stream, chat, true, &texts);
    let options = products
        .into_iter()
        .map(|(id, title)| view! { <option value=id.0>{title}</option> })
        .collect_view();
    let inquiries = move || {
        let list = desk.get().map(|d| d.inquiries).unwrap_or_default();
        if list.is_empty() {
            return view! { <p class="muted">{t!(i18n, studio_inquiries_none)}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|i| {
                let minute = i.second / 60;
                view! {
                    <li><a href=inquiry_path(i.id)>{i.buyer}" · "{i.company}</a>" · "{i.product}" · "{i.quantity}" "{i.unit}" · "
                        {t!(i18n, studio_inquiry_at, minute)}</li>
                }
            })
            .collect_view();
        view! { <ul class="desk-inquiries" id="desk-inquiries">{items}</ul> }.into_any()
    };
    let counts = move || desk.get().map(|d| d.counts).unwrap_or_default();
    view! {
        <section class="desk" aria-labelledby="desk">
            <h3 id="desk">{t!(i18n, studio_desk)}</h3>
            <p id="desk-viewers">{move || t_string!(i18n, live_watching, count = counts().watching).to_string()}</p>
            {move || super::counts::counts_list(i18n, counts())}
            <div class="field">
                <label for="pin-product">{t!(i18n, studio_pin)}</label>
                <select id="pin-product" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="">{t!(i18n, studio_pin_none)}</option>
                    {options}
                </select>
            </div>
            <button type="button" id="pin-button"
                on:click=move |_| { pin.dispatch(PinProduct { stream, product: chosen.get_untracked() }); }>
                {t!(i18n, studio_pin_button)}
            </button>
            <h3>{t!(i18n, studio_inquiries)}</h3>
            {inquiries}
            <h3>{chat_heading}</h3>
            {chat_lines}
            {write}
        </section>
    }
}
