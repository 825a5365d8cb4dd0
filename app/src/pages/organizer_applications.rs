//! The organizer's list of applications to exhibit, oldest first, 50 a page: each with what
//! the company wrote, and forms to approve it (which creates the exhibitor, invites its owner
//! and opens its booth assignment) or to decline it with a reason mailed to the applicant.

use super::loaded;
use crate::api::onboarding::{ApproveApplication, DeclineApplication, get_applications};
use crate::components::form_field::{FormAlert, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::pager::Pager;
use crate::components::status::forbid_caching;
use crate::domain::text::utc_minute;
use crate::domain::{Application, Cursor, Page};
use crate::error::{AppError, ErrorCode};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OrganizerApplicationsPage() -> impl IntoView {
    forbid_caching();
    let query = use_query_map();
    let approve = ServerAction::<ApproveApplication>::new();
    let decline = ServerAction::<DeclineApplication>::new();
    let data = Resource::new_blocking(
        move || {
            (
                Cursor::parse(query.read().get("after").as_deref()),
                approve.version().get(),
                decline.version().get(),
            )
        },
        |(cursor, _, _)| async move {
            let cursor = cursor.ok_or_else(|| {
                AppError::invalid("after", ErrorCode::Reason("must be a whole number".into()))
            })?;
            Ok((get_applications(cursor.after()).await?, cursor))
        },
    );
    loaded(data, move |(page, cursor)| {
        applications(page, cursor, approve, decline)
    })
}

fn applications(
    page: Page<Application>,
    cursor: Cursor,
    approve: ServerAction<ApproveApplication>,
    decline: ServerAction<DeclineApplication>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let query = use_query_map();
    let declined = query.read_untracked().get("declined").is_some()
        || matches!(decline.value().get_untracked(), Some(Ok(())));
    let errors = form_errors(move || decline.value().get().or_else(|| approve.value().get()));
    let title = t_string!(i18n, applications_title).to_string();
    let empty = page.items.is_empty();
    let items = page
        .items
        .into_iter()
        .map(|application| {
            let id = application.id.to_string();
            let heading = format!("application-{id}");
            let labelled_by = heading.clone();
            let decline_id = id.clone();
            let reason_id = format!("reason-{id}");
            let company = application.company.get(locale).to_owned();
            let approve_label = t_string!(i18n, application_approve_named, company = company.clone()).to_string();
            let website = (!application.website.is_empty()).then(|| {
                view! { <dt>{t!(i18n, field_website)}</dt><dd><a href=application.website.clone() rel="noopener nofollow">{application.website.clone()}</a></dd> }
            });
            view! {
                <li class="application" aria-labelledby=labelled_by>
                    <h2 id=heading>{company}</h2>
                    <dl class="facts">
                        <dt>{t!(i18n, field_country)}</dt><dd>{application.country.name(locale)}</dd>
                        <dt>{t!(i18n, field_section)}</dt><dd>{application.section.get(locale).to_owned()}</dd>
                        <dt>{t!(i18n, field_year_founded)}</dt><dd>{application.year_founded}</dd>
                        <dt>{t!(i18n, field_staff_size)}</dt><dd>{application.staff_size}</dd>
                        <dt>{t!(i18n, field_contact_name)}</dt><dd>{application.contact_name.clone()}" · "{application.email.clone()}</dd>
                        {website}
                        <dt>{t!(i18n, application_submitted)}</dt><dd><time>{utc_minute(application.submitted_at)}</time></dd>
                    </dl>
                    {(!application.message.is_empty()).then(|| view! { <p class="application-message">{application.message.clone()}</p> })}
                    <div class="application-decision">
                        <ActionForm action=approve>
                            <input type="hidden" name="application" value=id />
                            <button type="submit" aria-label=approve_label>{t!(i18n, application_approve)}</button>
                        </ActionForm>
                        <ActionForm action=decline attr:class="decline-form">
                            <input type="hidden" name="application" value=decline_id />
                            <label for=reason_id.clone()>{t!(i18n, application_reason)}</label>
                            <textarea id=reason_id name="reason" rows="2" required=true></textarea>
                            <button type="submit">{t!(i18n, application_decline)}</button>
                        </ActionForm>
                    </div>
                </li>
            }
        })
        .collect_view();
    let next = page
        .next_after
        .map(|after| format!("/organizer/applications?after={after}"));
    let first = cursor.0.map(|_| "/organizer/applications".to_owned());
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/organizer/applications".to_owned() />
        <section class="applications">
            <h1>{title}</h1>
            <p><a href="/organizer/exhibitors">{t!(i18n, onboarding_title)}</a></p>
            {declined.then(|| view! { <p class="form-notice" role="status">{t!(i18n, application_declined)}</p> })}
            <FormAlert errors summarize=true />
            {empty.then(|| view! { <p>{t!(i18n, applications_none)}</p> })}
            <ul class="application-list">{items}</ul>
            <Pager next first />
        </section>
    }
}
