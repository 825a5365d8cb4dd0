//! One conversation (`/messages/{id}`): who it is with, their local details, the messages
//! (older ones a page at a time) and the box to write one. Only its buyer and the
//! exhibitor's team can open it.

use super::loaded;
use crate::api::conversations::get_conversation;
use crate::components::block_report::BlockAndReport;
use crate::components::chat::Chat;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::conversation::ConversationView;
use crate::domain::{ConversationId, MessageId};
use crate::error::AppError;
use crate::error::ErrorCode;
use crate::i18n::*;
use crate::links::conversation_path;
use crate::links::exhibitor_path;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ConversationPage() -> impl IntoView {
    forbid_caching();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                query.read().get("before"),
            )
        },
        |(id, before)| async move {
            let id = id
                .parse::<ConversationId>()
                .map_err(|_| AppError::NotFound)?;
            let before = match before.as_deref() {
                None | Some("") => None,
                Some(raw) => Some(
                    raw.parse::<MessageId>()
                        .map_err(|_| AppError::invalid("before", ErrorCode::NumberInvalid))?,
                ),
            };
            get_conversation(id, before).await
        },
    );
    loaded(data, conversation_view)
}

fn conversation_view(conversation: ConversationView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let summary = &conversation.summary;
    let href = conversation_path(summary.id);
    let (title, about) = if conversation.reader_is_exhibitor {
        let buyer = &summary.buyer;
        (
            t_string!(i18n, chat_title, name = buyer.name.clone()).to_string(),
            format!("{} · {}", buyer.company, buyer.country.name(locale)),
        )
    } else {
        let exhibitor = summary.exhibitor.name.get(locale).to_owned();
        (
            t_string!(i18n, chat_title, name = exhibitor).to_string(),
            String::new(),
        )
    };
    let booth = exhibitor_path(&summary.exhibitor.slug);
    let older = conversation
        .older_before
        .map(|before| format!("{href}?before={before}"));
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=href.clone() />
        <section class="conversation">
            <p><a href="/messages">{t!(i18n, inbox_title)}</a></p>
            <h1>{title}</h1>
            {(!about.is_empty()).then(|| view! { <p class="muted">{about}</p> })}
            <p><a href=booth>{t!(i18n, chat_see_booth)}</a></p>
            {older.map(|href| view! { <p><a href=href rel="prev">{t!(i18n, chat_older)}</a></p> })}
            <Chat conversation=conversation.clone() />
            <BlockAndReport conversation />
        </section>
    }
}
