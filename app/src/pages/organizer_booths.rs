//! The organizer assigns booths to one exhibitor: its booths, each with a release button, and
//! a form to give it a free booth, with free booths of its section offered as suggestions.

use super::loaded;
use crate::api::onboarding::{AssignBooth, ReleaseBooth, get_booth_assignments};
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::BoothAssignments;
use crate::i18n::*;
use crate::links::exhibitor_path;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OrganizerBoothsPage() -> impl IntoView {
    forbid_caching();
    let params = use_params_map();
    let assign = ServerAction::<AssignBooth>::new();
    let release = ServerAction::<ReleaseBooth>::new();
    let data = Resource::new_blocking(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                assign.version().get(),
                release.version().get(),
            )
        },
        |(slug, _, _)| get_booth_assignments(slug),
    );
    loaded(data, move |assignments| {
        booths(assignments, assign, release)
    })
}

fn booths(
    data: BoothAssignments,
    assign: ServerAction<AssignBooth>,
    release: ServerAction<ReleaseBooth>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let query = use_query_map();
    let approved = query.read_untracked().get("approved").is_some();
    let errors = form_errors(move || release.value().get().or_else(|| assign.value().get()));
    let company = data.name.get(locale).to_owned();
    let title = t_string!(i18n, booths_title, company = company.clone()).to_string();
    let canonical = crate::api::onboarding::booths_page(&data.slug);
    let slug = data.slug.clone();
    let empty = data.booths.is_empty();
    let held = data
        .booths
        .into_iter()
        .map(|code| {
            let slug = slug.clone();
            let booth = code.clone();
            let label = t_string!(i18n, booth_release_named, booth = code.clone()).to_string();
            view! {
                <li>
                    <span class="booth-code">{code}</span>
                    <ActionForm action=release attr:class="inline-form">
                        <input type="hidden" name="exhibitor" value=slug />
                        <input type="hidden" name="booth" value=booth />
                        <button type="submit" aria-label=label>{t!(i18n, booth_release)}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    let free = data
        .free
        .iter()
        .map(|code| view! { <option value=code.clone()></option> })
        .collect_view();
    let suggestions = data.free.join(", ");
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=canonical />
        <section class="organizer-booths account-form">
            <h1>{title}</h1>
            <p>
                <a href=exhibitor_path(&data.slug)>{t!(i18n, team_see_booth)}</a>" · "
                <a href="/organizer/exhibitors">{t!(i18n, onboarding_title)}</a>" · "
                <a href="/organizer/applications">{t!(i18n, applications_title)}</a>
            </p>
            {approved.then(|| view! { <p class="form-notice" role="status">{t!(i18n, application_approved)}</p> })}
            <p>{t!(i18n, field_section)}": "{data.section.get(locale).to_owned()}</p>
            <FormAlert errors />
            <h2>{t!(i18n, booths_held)}</h2>
            {empty.then(|| view! { <p>{t!(i18n, booths_none)}</p> })}
            <ul class="booth-codes">{held}</ul>
            <h2>{t!(i18n, booth_assign_title)}</h2>
            <ActionForm action=assign>
                <input type="hidden" name="exhibitor" value=data.slug.clone() />
                <TextField name="booth" id="booth" autocomplete="off" list="free-booths" label=t_string!(i18n, field_booth).to_string() errors />
                <datalist id="free-booths">{free}</datalist>
                <button type="submit" disabled=move || assign.pending().get()>{t!(i18n, booth_assign)}</button>
            </ActionForm>
            <p class="muted">{t!(i18n, booths_free)}": "{suggestions}</p>
        </section>
    }
}
