//! A conversation's messages and the box to write one. Rendered on the server with the
//! newest messages and a plain form (it posts `send_message` and works without JavaScript);
//! once hydrated, messages travel over the WebSocket: each new one appears without a reload,
//! and one being sent stays shown as "sending" until the server has stored it, through
//! dropped connections (it is sent again, under the same id, after each reconnect).

use crate::api::conversations::SendMessage;
use crate::components::attachment::{AttachmentForm, AttachmentLink};
use crate::components::form_field::error_text;
use crate::components::post_form::post_url;
use crate::domain::conversation::{ConversationView, MESSAGE_CHARS_MAX, Message};
use crate::domain::form::decode_errors;
use crate::domain::moderation::{clock, offset_name};
use crate::domain::text::utc_minute;
use crate::error::ErrorCode;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A message written here, not yet acknowledged.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub client_id: String,
    pub body: String,
    /// Why the server refused it (a message key), if it did.
    pub refused: Option<ErrorCode>,
}

/// The socket's state, as the page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// Server-rendered, not hydrated (or not yet connected).
    Offline,
    Connecting,
    Online,
    /// The session ended (signed out elsewhere): no more reconnecting.
    SignedOut,
}

/// Adds `message` unless it is there already, keeping the list in id order.
pub fn merge(messages: &mut Vec<Message>, message: Message) {
    match messages.binary_search_by_key(&message.id, |m| m.id) {
        Ok(_) => {}
        Err(at) => messages.insert(at, message),
    }
}

#[component]
pub fn Chat(conversation: ConversationView) -> impl IntoView {
    let i18n = use_i18n();
    let id = conversation.summary.id;
    let mine = conversation.reader_is_exhibitor;
    let messages = RwSignal::new(conversation.messages);
    let pending = RwSignal::new(Vec::<Pending>::new());
    let link = RwSignal::new(Link::Offline);
    // What a plain form sent back (JavaScript off) had typed, and why it was refused.
    let (typed, sent_back) = use_query_map().with_untracked(|query| {
        let refused = query
            .get("errors")
            .map(|v| decode_errors(&v))
            .unwrap_or_default()
            .iter()
            // The chat form's own fields; the file and report forms show theirs.
            .find(|e| ["", "body", "client_id"].contains(&e.field.as_str()))
            .map(|e| error_text(i18n, &e.message));
        (query.get("body").unwrap_or_default(), refused)
    });
    let draft = RwSignal::new(typed);
    let form_client_id = conversation.form_client_id;
    let blocked = conversation.blocked_by_reader || conversation.blocked_by_other;
    let other = conversation.other;
    let online = RwSignal::new(other.online);
    // The time there, from the moment the server made the page; ticking once hydrated.
    let now = RwSignal::new(other.at);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let tick = move || now.set((js_sys::Date::now() / 1000.0) as i64);
        tick();
        if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_secs(15)) {
            on_cleanup(move || handle.clear());
        }
    });
    // Opened after hydration, so that the page hydrates as the server rendered it.
    #[cfg(feature = "hydrate")]
    let socket = StoredValue::new(None::<socket::ChatSocket>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        socket.set_value(Some(socket::ChatSocket::open(
            id, messages, pending, link, online,
        )));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            let body = draft.get_untracked();
            if body.trim().is_empty() {
                return;
            }
            if let Some(socket) = socket.get_value() {
                socket.send(body);
                draft.set(String::new());
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let list = move || {
        messages
            .get()
            .into_iter()
            .map(|message| {
                let own = message.from_exhibitor == mine;
                view! {
                    <li class="message" class:own=own data-id=message.id.0>
                        <p class="message-meta">
                            <span class="message-sender">{message.sender_name}</span>" · "
                            <time>{utc_minute(message.sent_at)}</time>
                        </p>
                        {message.attachment.map(|attachment| view! {
                            <AttachmentLink conversation=id message=message.id attachment />
                        })}
                        {(!message.body.is_empty()).then(|| view! { <p class="message-body">{message.body}</p> })}
                    </li>
                }
            })
            .collect_view()
    };
    let unsent = move || {
        pending
            .get()
            .into_iter()
            .map(|p| {
                let state = match &p.refused {
                    None => t_string!(i18n, chat_sending).to_string(),
                    Some(code) => error_text(i18n, code),
                };
                view! {
                    <li class="message own pending" class:refused=p.refused.is_some()>
                        <p class="message-meta">{state}</p>
                        <p class="message-body">{p.body}</p>
                    </li>
                }
            })
            .collect_view()
    };
    let status = move || match link.get() {
        Link::Offline => None,
        Link::Connecting => Some(t_string!(i18n, chat_connecting).to_string()),
        Link::Online => Some(t_string!(i18n, chat_online).to_string()),
        Link::SignedOut => Some(t_string!(i18n, chat_signed_out).to_string()),
    };
    let empty = move || messages.with(Vec::is_empty) && pending.with(Vec::is_empty);
    let presence = move || {
        if online.get() {
            t_string!(i18n, chat_other_online).to_string()
        } else {
            t_string!(i18n, chat_other_offline).to_string()
        }
    };
    let their_time = move || {
        t_string!(
            i18n,
            chat_their_time,
            time = clock(now.get(), other.utc_offset),
            zone = other.zone.clone(),
            offset = offset_name(other.utc_offset)
        )
        .to_string()
    };
    let file_client_id = format!("{form_client_id}-file");
    let form = (!blocked).then(|| {
        view! {
            <form class="chat-form" method="post" action={post_url::<SendMessage>()} on:submit=submit>
                <input type="hidden" name="conversation" value=id.0 />
                <input type="hidden" name="client_id" value=form_client_id />
                <label for="chat-body">{t!(i18n, chat_write)}</label>
                <textarea id="chat-body" name="body" rows="3" required=true maxlength=MESSAGE_CHARS_MAX
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <button type="submit">{t!(i18n, chat_send)}</button>
            </form>
            <AttachmentForm conversation=id client_id=file_client_id />
        }
    });
    view! {
        <p class="other-side">
            <span class="presence" class:online=move || online.get()>{presence}</span>
            " · "<span class="their-time">{their_time}</span>
        </p>
        {move || empty().then(|| view! { <p class="muted">{t!(i18n, chat_empty)}</p> })}
        <ol class="messages" aria-live="polite" aria-label=t_string!(i18n, chat_messages).to_string()>
            {list}
            {unsent}
        </ol>
        <p class="chat-status" role="status">{status}</p>
        {sent_back.map(|text| view! { <p class="form-alert" role="alert">{text}</p> })}
        {form}
    }
}

#[cfg(feature = "hydrate")]
pub(crate) mod socket;
