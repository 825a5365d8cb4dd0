//! The organizer's reports of conversations, newest first: who reported whom and why, their
//! note, the last messages they saw, and whether the conversation is blocked now.

use super::loaded;
use crate::api::conversations::list_reports;
use crate::components::block_report::reason_name;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::moderation::{ConversationReport, Side};
use crate::domain::text::utc_minute;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn OrganizerReportsPage() -> impl IntoView {
    forbid_caching();
    let reports = Resource::new_blocking(|| (), |_| list_reports());
    loaded(reports, reports_view)
}

fn reports_view(reports: Vec<ConversationReport>) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, reports_title).to_string();
    let empty = reports
        .is_empty()
        .then(|| view! { <p>{t!(i18n, reports_empty)}</p> });
    let items = reports
        .into_iter()
        .map(|report| {
            let side = match report.reporter_side {
                Side::Buyer => t_string!(i18n, reports_side_buyer),
                Side::Team => t_string!(i18n, reports_side_team),
            };
            let blocked = [
                report
                    .blocked_by_buyer
                    .then(|| t_string!(i18n, reports_blocked_buyer).to_string()),
                report
                    .blocked_by_team
                    .then(|| t_string!(i18n, reports_blocked_team).to_string()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
            let blocked = if blocked.is_empty() {
                t_string!(i18n, reports_open).to_string()
            } else {
                blocked.join(" · ")
            };
            view! {
                <li class="report-item">
                    <h2>{reason_name(i18n, report.reason)}" · "{report.reported.clone()}</h2>
                    <dl>
                        <dt>{t!(i18n, reports_by)}</dt>
                        <dd>{format!("{} <{}>, {side}", report.reporter_name, report.reporter_email)}</dd>
                        <dt>{t!(i18n, reports_about)}</dt>
                        <dd>{report.reported.clone()}" · "<time>{utc_minute(report.reported_at)}</time>" · "{blocked}</dd>
                        <dt>{t!(i18n, reports_note)}</dt>
                        <dd>{report.note.clone()}</dd>
                    </dl>
                    <details>
                        <summary>{t!(i18n, reports_excerpt)}</summary>
                        <pre class="mail-body">{report.excerpt.clone()}</pre>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/organizer/reports".to_owned() />
        <section class="reports">
            <h1>{title}</h1>
            <p>{t!(i18n, reports_intro)}</p>
            {empty}
            <ul class="report-list">{items}</ul>
        </section>
    }
}
