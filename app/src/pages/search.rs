//! The search page, `/search?q=…&category=…`: a plain GET form, the results and their facet
//! counts, rendered on the server at a URL anyone can share. Once hydrated, results follow the
//! words as they are typed and the filters as they change, without a page load, and the URL
//! follows (the form stays outside the part that is redrawn, so typing keeps its focus).

use crate::api::search::search_products;
use crate::components::search_box::OUTCOME_ID;
use crate::components::search_facets::SearchFacetList;
use crate::components::search_form::SearchForm;
use crate::components::{
    cards::{ExhibitorCard, ProductCard},
    error_view::ErrorView,
    page_meta::PageMeta,
    status::forbid_caching,
};
use crate::domain::search::{QUERY_WORDS_MAX, SearchHint, SearchProblem};
use crate::domain::{SearchQuery, SearchResults};
use crate::error::{AppError, ErrorCode};
use crate::i18n::*;
use crate::links::search_path;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let parsed = Memo::new(move |_| SearchQuery::parse(|key| query.read().get(key)));
    let results = Resource::new_blocking(
        move || parsed.get(),
        |parsed| async move {
            let search = parsed.map_err(problem_error)?;
            Ok::<_, AppError>((search_products(search.clone()).await?, search))
        },
    );
    // Results change with every save: neither the page cache nor the browser keeps them.
    forbid_caching();
    view! {
        <h1>{t!(i18n, search_title)}</h1>
        <SearchForm current=parsed />
        <div id=OUTCOME_ID>
            <Transition fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok((results, search)) => results_view(results, search).into_any(),
                        Err(error) => view! { <ErrorView error within_page=true /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

fn problem_error(problem: SearchProblem) -> AppError {
    AppError::invalid(
        problem.parameter,
        ErrorCode::Reason(format!("cannot use {:?}", problem.value)),
    )
}

fn results_view(results: SearchResults, search: SearchQuery) -> impl IntoView {
    let i18n = use_i18n();
    let title = if search.text.is_empty() {
        t_string!(i18n, search_title).to_string()
    } else {
        let query = search.text.clone();
        t_string!(i18n, search_title_for, query = query).to_string()
    };
    let canonical = search_path(&search.query_string(search.page));
    let count = results.total;
    let hint = results.hint.map(|hint| match hint {
        SearchHint::EmptyQuery => t_string!(i18n, search_hint_empty).to_owned(),
        SearchHint::NothingSearchable => t_string!(i18n, search_hint_nothing).to_owned(),
        SearchHint::UnknownFilter => t_string!(i18n, search_hint_unknown).to_owned(),
        SearchHint::NoMatch => t_string!(i18n, search_hint_no_match).to_owned(),
        SearchHint::WordsDropped => {
            t_string!(i18n, search_hint_words_dropped, count = QUERY_WORDS_MAX).to_string()
        }
    });
    let pages = results.pages();
    let page = search.page;
    let link = |page: u32| search_path(&search.query_string(page));
    let previous = (page > 1).then(|| link(page - 1));
    let next = (page < pages).then(|| link(page + 1));
    view! {
        <PageMeta title description=t_string!(i18n, search_description).to_string() canonical />
        <div class="search-results">
            <SearchFacetList facets=results.facets.clone() search=search.clone() />
            <section class="search-hits" aria-labelledby="search-count">
                {(!results.exhibitors.is_empty()).then(|| view! {
                    <h2>{t!(i18n, search_exhibitors)}</h2>
                    <ul class="card-grid exhibitors">
                        {results.exhibitors.into_iter().map(|exhibitor| view! { <ExhibitorCard exhibitor /> }).collect_view()}
                    </ul>
                }.into_any())}
                <h2 id="search-count" aria-live="polite">{t!(i18n, search_count, count = move || count)}</h2>
                {hint.map(|text| view! { <p class="no-results">{text}</p> })}
                <ul class="card-grid products">
                    {results.hits.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
                </ul>
                {(pages > 1).then(|| view! {
                    <nav class="pager" aria-label=move || t_string!(i18n, pagination).to_string()>
                        {previous.map(|href| view! { <a href=href rel="prev">{t!(i18n, previous_page)}</a> })}
                        <span>{t!(i18n, search_page, page = page, pages = pages)}</span>
                        {next.map(|href| view! { <a href=href rel="next">{t!(i18n, next_page)}</a> })}
                    </nav>
                }.into_any())}
            </section>
        </div>
    }
}
