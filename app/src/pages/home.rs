//! The home page: the current session, its categories, counters and new products.

use super::loaded;
use crate::api::catalogue::{HomeData, get_home};
use crate::components::link_list::{LinkItem, LinkList};
use crate::components::{cards::ProductCard, page_meta::PageMeta};
use crate::domain::Phase;
use crate::domain::text::grouped;
use crate::i18n::*;
use crate::links::category_path;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_home());
    loaded(data, home_view)
}

fn home_view(data: HomeData) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let HomeData {
        session,
        categories,
        new_products,
    } = data;
    let counters = session.counters;
    let name = session.name.get(locale).to_owned();
    let (start, end) = (session.starts_on.clone(), session.ends_on.clone());
    let phase = match session.phase {
        Phase::Upcoming => t_string!(i18n, phase_upcoming).to_string(),
        Phase::Open => t_string!(i18n, phase_open).to_string(),
        Phase::Closed => t_string!(i18n, phase_closed).to_string(),
    };
    let counter =
        |value: i64, label: String| view! { <li><strong>{grouped(value)}</strong>" "{label}</li> };
    view! {
        <PageMeta title=name.clone() description=t_string!(i18n, home_description).to_string() canonical="/".to_owned() />
        <section class="hero" aria-labelledby="session-name">
            <h1 id="session-name">{name}</h1>
            <p class="session-meta">
                <span class=format!("phase phase-{}", session.phase.as_str())>{phase}</span>" · "
                <span>{t!(i18n, session_dates, start = move || start.clone(), end = move || end.clone())}</span>
            </p>
            <ul class="counters">
                {counter(counters.exhibitors, t_string!(i18n, counter_exhibitors).to_string())}
                {counter(counters.booths, t_string!(i18n, counter_booths).to_string())}
                {counter(counters.products, t_string!(i18n, counter_products).to_string())}
                {counter(counters.new_products, t_string!(i18n, counter_new_products).to_string())}
            </ul>
        </section>
        <section aria-labelledby="categories-heading">
            <h2 id="categories-heading">{t!(i18n, categories_heading)}</h2>
            <LinkList class="category-grid" items=categories.into_iter().map(|c| LinkItem {
                href: category_path(&c.slug),
                label: c.name.get(locale).to_owned(),
                note: t_string!(i18n, section_count, count = c.section_count).to_string(),
            }).collect() />
        </section>
        <section aria-labelledby="new-products-heading">
            <h2 id="new-products-heading">{t!(i18n, new_products_heading)}</h2>
            <ul class="card-grid">
                {new_products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
            </ul>
        </section>
    }
}
