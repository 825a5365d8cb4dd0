//! Title, description and canonical URL of a page (absolute, from the fair's public address).

use crate::i18n::*;
use crate::links::PublicUrl;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

#[component]
pub fn PageMeta(title: String, description: String, canonical: String) -> impl IntoView {
    let i18n = use_i18n();
    let site = t_string!(i18n, site_name).to_string();
    view! {
        <Title text=format!("{title} · {site}") />
        <Meta name="description" content=description />
        <Link rel="canonical" href=PublicUrl::absolute(&canonical) />
    }
}
