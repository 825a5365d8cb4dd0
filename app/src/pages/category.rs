//! A category and its exhibition sections.

use super::loaded;
use crate::api::catalogue::get_category;
use crate::components::link_list::{LinkItem, LinkList};
use crate::components::{breadcrumbs::Breadcrumbs, page_meta::PageMeta};
use crate::domain::CategoryDetail;
use crate::i18n::*;
use crate::links::{category_path, section_path};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("slug").unwrap_or_default(),
        get_category,
    );
    loaded(data, category_view)
}

fn category_view(detail: CategoryDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let name = detail.category.name.get(locale).to_owned();
    let href = category_path(&detail.category.slug);
    let description = {
        let name = name.clone();
        t_string!(i18n, category_description, name = name).to_string()
    };
    view! {
        <PageMeta title=name.clone() description canonical=href.clone() />
        <Breadcrumbs trail=vec![(name.clone(), href)] />
        <h1>{name}</h1>
        <h2>{t!(i18n, sections_heading)}</h2>
        <LinkList items=detail.sections.into_iter().map(|s| LinkItem {
            href: section_path(&s.slug),
            label: s.name.get(locale).to_owned(),
            note: t_string!(i18n, hall_count, count = s.hall_count).to_string(),
        }).collect() />
    }
}
