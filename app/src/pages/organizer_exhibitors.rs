//! The organizer's overview of exhibitors: booths assigned, who runs each one, and a link to
//! invite an owner where nobody does yet (or the open invitation, to revoke). Key-paginated,
//! 50 a page.

use super::loaded;
use crate::api::onboarding::booths_page;
use crate::api::organizer::get_onboarding;
use crate::api::teams::RevokeInvitation;
use crate::components::page_meta::PageMeta;
use crate::components::pager::Pager;
use crate::components::status::forbid_caching;
use crate::domain::{Cursor, ExhibitorOnboarding, Page};
use crate::error::{AppError, ErrorCode};
use crate::i18n::*;
use crate::links::exhibitor_path;
use crate::pages::team::revoke_form;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OrganizerExhibitorsPage() -> impl IntoView {
    forbid_caching();
    let query = use_query_map();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let data = Resource::new_blocking(
        move || {
            (
                revoke.version().get(),
                Cursor::parse(query.read().get("after").as_deref()),
            )
        },
        |(_, cursor)| async move {
            let cursor = cursor.ok_or_else(|| {
                AppError::invalid("after", ErrorCode::Reason("must be a whole number".into()))
            })?;
            Ok((get_onboarding(cursor.after()).await?, cursor))
        },
    );
    loaded(data, move |(page, cursor)| overview(page, cursor, revoke))
}

fn overview(
    page: Page<ExhibitorOnboarding>,
    cursor: Cursor,
    revoke: ServerAction<RevokeInvitation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let title = t_string!(i18n, onboarding_title).to_string();
    let rows = page
        .items
        .into_iter()
        .map(|item| {
            let invite = format!("/organizer/invite?exhibitor={}", item.slug);
            let who = match (&item.owner, &item.invited) {
                (Some((name, email)), _) => view! { <span>{name.clone()}" · "{email.clone()}</span> }.into_any(),
                (None, Some(email)) => {
                    let sent = t_string!(i18n, onboarding_invited, email = email.clone()).to_string();
                    let exhibitor = item.exhibitor.0.to_string();
                    view! { <span>{sent}" "{revoke_form(revoke, &exhibitor, email)}</span> }.into_any()
                }
                (None, None) => view! { <a href=invite>{t!(i18n, onboarding_invite)}</a> }.into_any(),
            };
            view! {
                <tr>
                    <td><a href=exhibitor_path(&item.slug)>{item.name.get(locale).to_owned()}</a></td>
                    <td>{item.country.name(locale)}</td>
                    <td>{item.booths.join(", ")}" "<a href=booths_page(&item.slug)>{t!(i18n, onboarding_manage_booths)}</a></td>
                    <td>{who}</td>
                </tr>
            }
        })
        .collect_view();
    let next = page
        .next_after
        .map(|after| format!("/organizer/exhibitors?after={after}"));
    let first = cursor.0.map(|_| "/organizer/exhibitors".to_owned());
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/organizer/exhibitors".to_owned() />
        <section class="onboarding">
            <h1>{title}</h1>
            <table class="team-members">
                <thead><tr>
                    <th scope="col">{t!(i18n, onboarding_exhibitor)}</th>
                    <th scope="col">{t!(i18n, onboarding_country)}</th>
                    <th scope="col">{t!(i18n, onboarding_booths)}</th>
                    <th scope="col">{t!(i18n, onboarding_owner)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Pager next first />
        </section>
    }
}
