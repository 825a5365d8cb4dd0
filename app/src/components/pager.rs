//! "Next page" and "first page" links of a key-paginated list.

use crate::i18n::*;
use leptos::prelude::*;

/// `next` is the href of the next page, if any; `first` that of the first page when the
/// current page is not the first.
#[component]
pub fn Pager(next: Option<String>, first: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="pager" aria-label=move || t_string!(i18n, pagination).to_string()>
            {first.map(|href| view! { <a href=href>{t!(i18n, first_page)}</a> })}
            {next.map(|href| view! { <a href=href rel="next">{t!(i18n, next_page)}</a> })}
        </nav>
    }
}
