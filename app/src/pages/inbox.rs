//! The inbox (`/messages`): the signed-in person's conversations, the latest first, with
//! what is unread. A buyer sees the exhibitors they wrote to; a team sees its buyers.

use super::loaded;
use crate::api::conversations::list_conversations;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::conversation::{ConversationSummary, path};
use crate::domain::text::utc_minute;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn InboxPage() -> impl IntoView {
    forbid_caching();
    let data = Resource::new_blocking(|| (), |_| list_conversations());
    loaded(data, inbox_view)
}

fn inbox_view(conversations: Vec<ConversationSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let title = t_string!(i18n, inbox_title).to_string();
    let team = use_context::<crate::components::account_menu::Session>()
        .and_then(|crate::components::account_menu::Session(user)| user.get_untracked())
        .is_some_and(|user| user.team.is_some());
    let rows = conversations
        .into_iter()
        .map(|c| {
            let with = if team {
                format!(
                    "{} · {} · {}",
                    c.buyer.name,
                    c.buyer.company,
                    c.buyer.country.name(locale)
                )
            } else {
                c.exhibitor.name.get(locale).to_owned()
            };
            let unread = (c.unread > 0).then(|| {
                let count = c.unread;
                view! { <span class="badge unread">{t!(i18n, inbox_unread, count = count)}</span> }
            });
            let has_unread = c.unread > 0;
            view! {
                <li class="conversation-row" class:has-unread=has_unread>
                    <a href=path(c.id)>{with}</a>" "{unread}
                    <p class="muted">
                        <time>{utc_minute(c.last_message_at)}</time>" · "
                        {c.last_body.unwrap_or_default()}
                    </p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/messages".to_owned() />
        <section class="inbox">
            <h1>{title}</h1>
            {empty.then(|| view! { <p>{t!(i18n, inbox_empty)}</p> })}
            <ul class="conversation-list">{rows}</ul>
        </section>
    }
}
