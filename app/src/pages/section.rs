//! An exhibition section and its halls.

use super::loaded;
use crate::api::catalogue::get_section;
use crate::components::link_list::{LinkItem, LinkList};
use crate::components::{breadcrumbs::Breadcrumbs, page_meta::PageMeta};
use crate::domain::SectionDetail;
use crate::i18n::*;
use crate::links::{category_path, hall_path, section_path};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("slug").unwrap_or_default(),
        get_section,
    );
    loaded(data, section_view)
}

fn section_view(detail: SectionDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let name = detail.section.name.get(locale).to_owned();
    let href = section_path(&detail.section.slug);
    let category = (
        detail.category.name.get(locale).to_owned(),
        category_path(&detail.category.slug),
    );
    let description = {
        let name = name.clone();
        t_string!(i18n, section_description, name = name).to_string()
    };
    view! {
        <PageMeta title=name.clone() description canonical=href.clone() />
        <Breadcrumbs trail=vec![category, (name.clone(), href)] />
        <h1>{name}</h1>
        <h2>{t!(i18n, halls_heading)}</h2>
        <LinkList items=detail.halls.into_iter().map(|h| LinkItem {
            href: hall_path(&h.slug),
            label: h.name.get(locale).to_owned(),
            note: t_string!(i18n, booth_count, count = h.booth_count).to_string(),
        }).collect() />
    }
}
