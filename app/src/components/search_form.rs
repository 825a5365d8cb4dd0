//! The search page's form: the words, price and order-quantity ranges, the order of results,
//! and the facets already chosen (hidden, so a new search keeps them). A plain GET form
//! without JavaScript. Hydrated, the router submits it without a page load; results follow
//! the words a moment after the last key, the sort and currency as soon as they change, and
//! the box suggests product titles that start with what was typed.

use crate::api::search::suggest_products;
use crate::domain::search::{SearchProblem, SearchSort, format_amount};
use crate::domain::{Currency, SearchQuery};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::Form;

/// The quiet time after the last key before the results follow.
#[cfg(feature = "hydrate")]
const QUIET: std::time::Duration = std::time::Duration::from_millis(300);

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
    let typed = RwSignal::new(words.clone());
    let suggestions = LocalResource::new(move || {
        let text = typed.get();
        async move {
            if text.trim().chars().count() < 2 {
                return Vec::new();
            }
            suggest_products(text).await.unwrap_or_default()
        }
    });
    let follow_typing = follow_typing(current, typed);
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
            <div class="search-words">
                <label for="search-q">{t!(i18n, search_words)}</label>
                <input id="search-q" type="search" name="q" value=words maxlength="200"
                    list="search-suggestions" autocomplete="off"
                    placeholder=move || t_string!(i18n, search_placeholder).to_string()
                    on:input=follow_typing />
                <datalist id="search-suggestions">
                    {move || suggestions.get().unwrap_or_default().into_iter()
                        .map(|title| view! { <option value=title></option> }).collect_view()}
                </datalist>
                <button type="submit">{t!(i18n, search_button)}</button>
            </div>
            {move || chosen_facets(&now())}
            <fieldset class="range">
                <legend>{t!(i18n, search_filter_price)}</legend>
                <label>{t!(i18n, search_filter_currency)}
                    <select name="currency" on:change=submit_form>
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
                <select name="sort" on:change=submit_form>
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

/// Sends the form the changed field belongs to, as its submit button would.
fn submit_form(ev: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let form = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|field| field.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(form) = form {
            let _ = form.request_submit();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// The handler of the words' box: remembers what was typed (for suggestions) and, a moment
/// after the last key, shows the results for it (replacing the history entry, so typing does
/// not fill the back button).
fn follow_typing(
    current: Memo<Result<SearchQuery, SearchProblem>>,
    typed: RwSignal<String>,
) -> impl Fn(leptos::ev::Event) + 'static {
    #[cfg(feature = "hydrate")]
    let timer = StoredValue::new(None::<TimeoutHandle>);
    #[cfg(feature = "hydrate")]
    let navigate = leptos_router::hooks::use_navigate();
    move |ev| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        #[cfg(feature = "hydrate")]
        {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let navigate = navigate.clone();
            let handle = set_timeout_with_handle(
                move || {
                    let search = current.get_untracked().unwrap_or_default();
                    let text: String = text
                        .trim()
                        .chars()
                        .take(crate::domain::search::QUERY_CHARS_MAX)
                        .collect();
                    if text != search.text {
                        let options = leptos_router::NavigateOptions {
                            replace: true,
                            scroll: false,
                            ..Default::default()
                        };
                        navigate(&search.link_with(|q| q.text = text), options);
                    }
                },
                QUIET,
            )
            .ok();
            timer.set_value(handle);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = current;
    }
}
