//! The facets beside search results: for category, section, country and certification, the
//! values the current results have with their counts, each a link that narrows the search
//! (and, once chosen, a link that widens it again); and two toggles, new products and
//! verified exhibitors. Links work without JavaScript; hydrated, the router follows them
//! without a page load.

use crate::domain::SearchQuery;
use crate::domain::search::{FacetCount, SearchFacets};
use crate::i18n::*;
use leptos::prelude::*;

/// How many values a facet lists.
const VALUES_SHOWN: usize = 12;

#[component]
pub fn SearchFacetList(facets: SearchFacets, search: SearchQuery) -> impl IntoView {
    let i18n = use_i18n();
    let group = |heading: String,
                 chosen: Option<String>,
                 values: Vec<FacetCount>,
                 set: fn(&mut SearchQuery, Option<String>)| {
        facet_group(heading, chosen, values, &search, set)
    };
    let toggle = |label: String, on: bool, count: u64, set: fn(&mut SearchQuery, bool)| {
        let href = search.link_with(|q| set(q, !on));
        view! {
            <li>
                <a href=href aria-current=on.then_some("true") class:chosen=on>
                    {label}" "<span class="count">"("{count}")"</span>
                </a>
            </li>
        }
    };
    let toggles = view! {
        <ul class="facet-toggles">
            {toggle(t_string!(i18n, search_filter_new).to_string(), search.new_only, facets.new_products, |q, on| q.new_only = on)}
            {toggle(t_string!(i18n, search_filter_verified).to_string(), search.verified_only, facets.verified_exhibitors, |q, on| q.verified_only = on)}
        </ul>
    };
    let clear = search.has_filters().then(|| {
        let href = search.link_with(|q| {
            *q = SearchQuery {
                text: q.text.clone(),
                sort: q.sort,
                ..SearchQuery::default()
            }
        });
        view! { <p><a href=href>{t!(i18n, search_clear)}</a></p> }
    });
    view! {
        <nav class="facets" aria-label=move || t_string!(i18n, filters).to_string()>
            {toggles}
            {group(t_string!(i18n, category).to_string(), search.category.clone(), facets.categories, |q, v| q.category = v)}
            {group(t_string!(i18n, section).to_string(), search.section.clone(), facets.sections, |q, v| q.section = v)}
            {group(t_string!(i18n, country).to_string(), search.country.map(|c| c.as_str().to_owned()), facets.countries, |q, v| {
                q.country = v.and_then(|code| crate::domain::CountryCode::parse(&code))
            })}
            {group(t_string!(i18n, search_filter_certification).to_string(), search.certification.clone(), facets.certifications, |q, v| q.certification = v)}
            {clear}
        </nav>
    }
    .into_any()
}

/// One facet: its heading and values; the chosen value first, as the link that removes it.
fn facet_group(
    heading: String,
    chosen: Option<String>,
    values: Vec<FacetCount>,
    search: &SearchQuery,
    set: fn(&mut SearchQuery, Option<String>),
) -> Option<impl IntoView + use<>> {
    if chosen.is_none() && values.is_empty() {
        return None;
    }
    let locale = use_i18n().get_locale_untracked();
    let items = match &chosen {
        Some(value) => {
            let (label, count) = values
                .iter()
                .find(|f| &f.value == value)
                .map(|f| (f.label.get(locale).to_owned(), Some(f.count)))
                .unwrap_or_else(|| (value.clone(), None));
            let href = search.link_with(|q| set(q, None));
            view! {
                <li>
                    <a href=href aria-current="true" class="chosen">
                        <span aria-hidden="true">"× "</span>{label}
                        {count.map(|n| view! { " "<span class="count">"("{n}")"</span> })}
                    </a>
                </li>
            }
            .into_any()
        }
        None => values
            .into_iter()
            .take(VALUES_SHOWN)
            .map(|facet| {
                let href = search.link_with(|q| set(q, Some(facet.value.clone())));
                view! {
                    <li>
                        <a href=href>{facet.label.get(locale).to_owned()}" "<span class="count">"("{facet.count}")"</span></a>
                    </li>
                }
            })
            .collect_view()
            .into_any(),
    };
    Some(view! {
        <section class="facet">
            <h2>{heading}</h2>
            <ul>{items}</ul>
        </section>
    })
}
