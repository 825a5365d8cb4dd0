//! The organizer's outbox: every mail the platform wrote, newest first, whether it went out
//! and why not. With no SMTP server configured (the demo), this is where verification and
//! invitation links are read; links in a mail are clickable.

use super::loaded;
use crate::api::organizer::get_outbox;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::text::utc_minute;
use crate::domain::{Delivery, OutboxMail};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn OutboxPage() -> impl IntoView {
    forbid_caching();
    let mails = Resource::new_blocking(|| (), |_| get_outbox());
    loaded(mails, outbox_view)
}

fn outbox_view(mails: Vec<OutboxMail>) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, outbox_title).to_string();
    let empty = mails
        .is_empty()
        .then(|| view! { <p>{t!(i18n, outbox_empty)}</p> });
    let items = mails
        .into_iter()
        .map(|mail| {
            let status = match mail.delivery() {
                Delivery::Sent => t_string!(i18n, outbox_sent).to_string(),
                Delivery::Waiting => t_string!(i18n, outbox_waiting).to_string(),
                Delivery::Failed => format!(
                    "{} ({})",
                    t_string!(i18n, outbox_failed),
                    mail.last_error.clone().unwrap_or_default()
                ),
            };
            view! {
                <li class="mail">
                    <details>
                        <summary>
                            <span class="mail-subject">{mail.subject.clone()}</span>
                            <span class="mail-meta">
                                {t!(i18n, outbox_to)}" "{mail.recipient.clone()}" · "
                                <time>{utc_minute(mail.created_at)}</time>" · "{status}
                            </span>
                        </summary>
                        <pre class="mail-body">{linked(&mail.body)}</pre>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/organizer/outbox".to_owned() />
        <section class="outbox">
            <h1>{title}</h1>
            <p>{t!(i18n, outbox_intro)}</p>
            {empty}
            <ul class="mail-list">{items}</ul>
        </section>
    }
}

/// The text with its web addresses as links.
fn linked(text: &str) -> impl IntoView + use<> {
    text.split_inclusive(char::is_whitespace)
        .map(|word| {
            let trimmed = word.trim_end();
            if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
                let space = word[trimmed.len()..].to_owned();
                view! { <a href=trimmed.to_owned()>{trimmed.to_owned()}</a>{space} }.into_any()
            } else {
                word.to_owned().into_any()
            }
        })
        .collect_view()
}
