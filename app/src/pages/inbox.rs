//! The inbox (`/messages`): one place for the signed-in person's conversations, inquiries,
//! orders and meetings, the latest first, filtered by `?show=messages|inquiries|orders|
//! meetings`. A buyer sees the exhibitors they deal with; a team sees its buyers.

use super::loaded;
use crate::api::conversations::list_conversations;
use crate::api::deals::list_deals;
use crate::api::meetings::list_meetings;
use crate::components::deal_status::{inquiry_status, meeting_status, order_status};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::conversation::ConversationSummary;
use crate::domain::deal::{DealLists, money};
use crate::domain::meeting::MeetingSummary;
use crate::domain::text::utc_minute;
use crate::i18n::*;
use crate::links::{conversation_path, inquiry_path, meeting_path, order_path};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What the inbox shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Show {
    All,
    Messages,
    Inquiries,
    Orders,
    Meetings,
}

impl Show {
    fn parse(value: Option<&str>) -> Self {
        match value {
            Some("messages") => Show::Messages,
            Some("inquiries") => Show::Inquiries,
            Some("orders") => Show::Orders,
            Some("meetings") => Show::Meetings,
            _ => Show::All,
        }
    }

    fn includes(self, part: Show) -> bool {
        self == Show::All || self == part
    }
}

#[component]
pub fn InboxPage() -> impl IntoView {
    forbid_caching();
    let data = Resource::new_blocking(
        || (),
        |_| async move {
            Ok::<_, crate::error::AppError>((
                list_conversations().await?,
                list_deals().await?,
                list_meetings().await?,
            ))
        },
    );
    loaded(data, |(conversations, deals, meetings)| {
        inbox_view(conversations, deals, meetings)
    })
}

fn inbox_view(
    conversations: Vec<ConversationSummary>,
    deals: DealLists,
    meetings: Vec<MeetingSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let show = Show::parse(use_query_map().read_untracked().get("show").as_deref());
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
                view! { <span class="badge unread">{t!(i18n, inbox_unread, count = move || count)}</span> }
            });
            let has_unread = c.unread > 0;
            view! {
                <li class="conversation-row" class:has-unread=has_unread>
                    <a href=conversation_path(c.id)>{with}</a>" "{unread}
                    <p class="muted">
                        <time>{utc_minute(c.last_message_at)}</time>" · "
                        {c.last_body.unwrap_or_default()}
                    </p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    let inquiries = deals
        .inquiries
        .into_iter()
        .map(|inquiry| {
            view! {
                <li class="deal-row">
                    <a href=inquiry_path(inquiry.id)>{format!("{} · {}", inquiry.product_title, inquiry.with)}</a>" "
                    <span class="badge deal-status">{inquiry_status(i18n, inquiry.status)}</span>
                    <p class="muted"><time>{utc_minute(inquiry.updated_at)}</time>" · "{inquiry.quantity}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let orders = deals
        .orders
        .into_iter()
        .map(|order| {
            let title = t_string!(i18n, order_title, id = order.id.0).to_string();
            view! {
                <li class="deal-row">
                    <a href=order_path(order.id)>{format!("{title} · {} · {}", order.product_title, order.with)}</a>" "
                    <span class="badge deal-status">{order_status(i18n, order.status)}</span>
                    <p class="muted"><time>{utc_minute(order.updated_at)}</time>" · "{money(order.total_cents, order.currency)}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let meetings = meetings
        .into_iter()
        .map(|meeting| {
            let when = if team {
                meeting.starts.exhibitor
            } else {
                meeting.starts.buyer
            };
            view! {
                <li class="deal-row">
                    <a href=meeting_path(meeting.id)>{format!("{when} · {}", meeting.with)}</a>" "
                    <span class="badge deal-status">{meeting_status(i18n, meeting.status)}</span>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let (no_inquiries, no_orders, no_meetings) =
        (inquiries.is_empty(), orders.is_empty(), meetings.is_empty());
    let filter = move |part: Show, href: &'static str, label: String| {
        let current = (show == part).then_some("page");
        view! { <li><a href=href aria-current=current>{label}</a></li> }
    };
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/messages".to_owned() />
        <section class="inbox">
            <h1>{title}</h1>
            <nav aria-label=t_string!(i18n, inbox_filters).to_string()>
                <ul class="inbox-filters">
                    {filter(Show::All, "/messages", t_string!(i18n, inbox_all).to_string())}
                    {filter(Show::Messages, "/messages?show=messages", t_string!(i18n, inbox_conversations).to_string())}
                    {filter(Show::Inquiries, "/messages?show=inquiries", t_string!(i18n, inbox_inquiries).to_string())}
                    {filter(Show::Orders, "/messages?show=orders", t_string!(i18n, inbox_orders).to_string())}
                    {filter(Show::Meetings, "/messages?show=meetings", t_string!(i18n, inbox_meetings).to_string())}
                </ul>
            </nav>
            {show.includes(Show::Messages).then(|| view! {
                <h2>{t!(i18n, inbox_conversations)}</h2>
                {empty.then(|| view! { <p>{t!(i18n, inbox_empty)}</p> })}
                <ul class="conversation-list" id="inbox-conversations">{rows}</ul>
            })}
            {show.includes(Show::Inquiries).then(|| view! {
                <h2>{t!(i18n, inbox_inquiries)}</h2>
                {no_inquiries.then(|| view! { <p>{t!(i18n, inbox_no_inquiries)}</p> })}
                <ul class="conversation-list" id="inbox-inquiries">{inquiries}</ul>
            })}
            {show.includes(Show::Orders).then(|| view! {
                <h2>{t!(i18n, inbox_orders)}</h2>
                {no_orders.then(|| view! { <p>{t!(i18n, inbox_no_orders)}</p> })}
                <ul class="conversation-list" id="inbox-orders">{orders}</ul>
            })}
            {show.includes(Show::Meetings).then(|| view! {
                <h2>{t!(i18n, inbox_meetings)}</h2>
                {no_meetings.then(|| view! { <p>{t!(i18n, inbox_no_meetings)}</p> })}
                <ul class="conversation-list" id="inbox-meetings">{meetings}</ul>
            })}
        </section>
    }
    .into_any()
}
