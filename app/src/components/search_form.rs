//! The search page's form: the words, price and order-quantity ranges, the order of results,
//! and the facets already chosen (hidden, so a new search keeps them). A plain GET form
//! without JavaScript. Hydrated, the words' box (`search_box`, an island) suggests titles,
//! results follow the words, and the sort and currency send the form as soon as they change;
//! on the whole site's bundle the router submits it without a page load.

use crate::components::search_box::{SearchBox, SearchBoxText};
use crate::domain::search::{SearchProblem, SearchSort, format_amount};
use crate::domain::{Currency, SearchQuery};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::Form;

#[component]
pub fn SearchForm(current: Memo<Result<SearchQuery, SearchProblem>>) -> impl IntoView {
    let i18n = use_i18n();
    let now = move || current.get().unwrap_or_default();
    let initial = current.get_untracked().unwrap_or_default();
    // The words as typed, even when another parameter made the search fail.
    let words = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let text = SearchBoxText {
        label: t_string!(i18n, search_words).to_string(),
        placeholder: t_string!(i18n, search_placeholder).to_string(),
        button: t_string!(i18n, search_button).to_string(),
    };
    let amount = |cents: Option<i64>| cents.map(format_amount).unwrap_or_default();
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let sort_label = move |sort: SearchSort| match sort {
        SearchSort::Relevance => t_string!(i18n, search_sort_relevance),
        SearchSort::Newest => t_string!(i18n, search_sort_newest),
        SearchSort::PriceLow => t_string!(i18n, search_sort_price),
        SearchSort::PriceHigh => t_string!(i18n, search_sort_price_high),
    };
    view! {
        <Form action="/search" method="get" attr:class="search-form" attr:role="search">
            <SearchBox words text />
            {move || chosen_facets(&now())}
            <fieldset class="range">
                <legend>{t!(i18n, search_filter_price)}</legend>
                <label>{t!(i18n, search_filter_currency)}
                    <select name="currency">
                        {[Currency::Usd, Currency::Eur, Currency::Cny].into_iter().map(|c| view! {
                            <option value=c.code() selected=move || now().currency.unwrap_or(Currency::Usd) == c>{c.code()}</option>
                        }).collect_view()}
                    </select>
                </label>
                {range_fields(("price_min", amount(initial.price_min)), ("price_max", amount(initial.price_max)), "decimal")}
            </fieldset>
            <fieldset class="range">
                <legend>{t!(i18n, search_filter_moq)}</legend>
                {range_fields(("moq_min", number(initial.moq_min)), ("moq_max", number(initial.moq_max)), "numeric")}
            </fieldset>
            <label>{t!(i18n, search_sort)}
                <select name="sort">
                    {SearchSort::ALL.into_iter().map(|sort| view! {
                        <option value=sort.code() selected=move || now().sort == sort>{move || sort_label(sort)}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="submit">{t!(i18n, apply_filters)}</button>
        </Form>
    }
}

/// The "from" and "to" fields of a range, each a (name, value) pair.
fn range_fields(
    from: (&'static str, String),
    to: (&'static str, String),
    inputmode: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label>{t!(i18n, search_filter_from)}
            <input name=from.0 inputmode=inputmode size="8" value=from.1 />
        </label>
        <label>{t!(i18n, search_filter_to)}
            <input name=to.0 inputmode=inputmode size="8" value=to.1 />
        </label>
    }
}

/// Hidden fields for the facets chosen through the links beside the results.
fn chosen_facets(search: &SearchQuery) -> impl IntoView + use<> {
    let hidden = |name: &'static str, value: Option<String>| {
        value.map(|value| view! { <input type="hidden" name=name value=value /> })
    };
    view! {
        {hidden("category", search.category.clone())}
        {hidden("section", search.section.clone())}
        {hidden("country", search.country.map(|c| c.as_str().to_owned()))}
        {hidden("certification", search.certification.clone())}
        {hidden("new", search.new_only.then(|| "1".to_owned()))}
        {hidden("verified", search.verified_only.then(|| "1".to_owned()))}
    }
}
