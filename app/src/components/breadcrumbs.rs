//! The trail from the home page to the current page.

use crate::i18n::*;
use leptos::prelude::*;

/// `trail` holds (label, href) pairs after "Home"; the last one is the current page.
#[component]
pub fn Breadcrumbs(trail: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let last = trail.len().saturating_sub(1);
    let items = trail
        .into_iter()
        .enumerate()
        .map(|(i, (label, href))| {
            let current = (i == last).then_some("page");
            view! { <li><a href=href aria-current=current>{label}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, breadcrumb).to_string()>
            <ol>
                <li><a href="/">{t!(i18n, nav_home)}</a></li>
                {items}
            </ol>
        </nav>
    }
}
