//! A hall: its floor plan and the list of its booths.

use super::loaded;
use crate::api::catalogue::get_hall_map;
use crate::components::{breadcrumbs::Breadcrumbs, hall_map::HallMapView, page_meta::PageMeta};
use crate::domain::HallMap;
use crate::i18n::*;
use crate::links::{category_path, hall_path, section_path};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn HallPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                query.read().get("booth").unwrap_or_default(),
            )
        },
        |(slug, booth)| async move { Ok((get_hall_map(slug).await?, booth)) },
    );
    loaded(data, |(map, booth)| hall_view(map, booth))
}

fn hall_view(map: HallMap, booth: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let name = map.hall.name.get(locale).to_owned();
    let href = hall_path(&map.hall.slug);
    let trail = vec![
        (
            map.category.name.get(locale).to_owned(),
            category_path(&map.category.slug),
        ),
        (
            map.section.name.get(locale).to_owned(),
            section_path(&map.section.slug),
        ),
        (name.clone(), href.clone()),
    ];
    let description = {
        let name = name.clone();
        t_string!(i18n, hall_description, name = name).to_string()
    };
    view! {
        <PageMeta title=name.clone() description canonical=href />
        <Breadcrumbs trail />
        <h1>{name}</h1>
        <HallMapView map initial_query=booth />
    }
}
