//! The exhibitor directory: filters by category, section and country; key-based pages.

use super::loaded;
use crate::api::exhibitors::{DirectoryData, get_directory};
use crate::components::{cards::ExhibitorCard, page_meta::PageMeta, pager::Pager};
use crate::domain::directory::FilterProblem;
use crate::domain::{CountryCode, DirectoryFilter};
use crate::error::{AppError, ErrorCode};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || DirectoryFilter::parse(|key| query.read().get(key)),
        |parsed| async move {
            let filter = parsed.map_err(problem_error)?;
            Ok((get_directory(filter.clone()).await?, filter))
        },
    );
    loaded(data, |(data, filter)| directory_view(data, filter))
}

fn problem_error(problem: FilterProblem) -> AppError {
    match problem {
        FilterProblem::UnknownCountry(v) => AppError::invalid(
            "country",
            ErrorCode::Reason(format!("unknown country code {v:?}")),
        ),
        FilterProblem::BadSlug(v) => AppError::invalid(
            "category/section",
            ErrorCode::Reason(format!("not a valid name: {v:?}")),
        ),
        FilterProblem::BadCursor(v) => AppError::invalid(
            "after",
            ErrorCode::Reason(format!("not a whole number: {v:?}")),
        ),
    }
}

fn directory_view(data: DirectoryData, filter: DirectoryFilter) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let title = t_string!(i18n, directory_title).to_string();
    let next = data
        .page
        .next_after
        .map(|after| format!("/exhibitors{}", filter.query_after(Some(after))));
    let first = filter
        .cursor
        .0
        .map(|_| format!("/exhibitors{}", filter.query_after(None)));
    let option = |value: String, label: String, selected: bool| view! { <option value=value selected=selected>{label}</option> };
    let categories = data
        .categories
        .into_iter()
        .map(|c| {
            let selected = filter.category.as_deref() == Some(c.slug.as_str());
            option(c.slug, c.name.get(locale).to_owned(), selected)
        })
        .collect_view();
    let sections = data
        .sections
        .into_iter()
        .map(|s| {
            let selected = filter.section.as_deref() == Some(s.slug.as_str());
            option(s.slug, s.name.get(locale).to_owned(), selected)
        })
        .collect_view();
    let countries = CountryCode::all_in(locale)
        .map(|c| {
            option(
                c.as_str().to_owned(),
                c.name(locale).to_owned(),
                filter.country == Some(c),
            )
        })
        .collect_view();
    let empty = data.page.items.is_empty();
    view! {
        <PageMeta title=title.clone() description=t_string!(i18n, directory_description).to_string() canonical="/exhibitors".to_owned() />
        <h1>{title}</h1>
        <form class="filters" method="get" action="/exhibitors" aria-label=move || t_string!(i18n, filters).to_string()>
            <label>{t!(i18n, category)}
                <select name="category"><option value="">{t!(i18n, any)}</option>{categories}</select>
            </label>
            <label>{t!(i18n, section)}
                <select name="section"><option value="">{t!(i18n, any)}</option>{sections}</select>
            </label>
            <label>{t!(i18n, country)}
                <select name="country"><option value="">{t!(i18n, any)}</option>{countries}</select>
            </label>
            <button type="submit">{t!(i18n, apply_filters)}</button>
        </form>
        {empty.then(|| view! { <p class="no-results">{t!(i18n, no_results)}</p> })}
        <ul class="card-grid exhibitors">
            {data.page.items.into_iter().map(|exhibitor| view! { <ExhibitorCard exhibitor /> }).collect_view()}
        </ul>
        <Pager next first />
    }
}
