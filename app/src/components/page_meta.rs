//! Title, description, canonical URL (absolute, from the fair's public address) and the
//! page's address in each language (`hreflang`: `?lang={code}`, which the server honours for
//! that request alone; `x-default` is the plain address, which follows the visitor).

use crate::i18n::*;
use crate::languages;
use crate::links::{LANGUAGE_PARAM, PublicUrl, in_language};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn PageMeta(title: String, description: String, canonical: String) -> impl IntoView {
    let i18n = use_i18n();
    let site = t_string!(i18n, site_name).to_string();
    let asked = use_query_map().with_untracked(|query| query.get(LANGUAGE_PARAM));
    let here = match asked.as_deref().and_then(languages::known) {
        Some(code) => in_language(&canonical, code),
        None => canonical.clone(),
    };
    let alternates = languages::codes()
        .map(|code| {
            view! { <Link rel="alternate" hreflang=code href=PublicUrl::absolute(&in_language(&canonical, code)) /> }
        })
        .collect_view();
    view! {
        <Title text=format!("{title} · {site}") />
        <Meta name="description" content=description />
        <Link rel="canonical" href=PublicUrl::absolute(&here) />
        {alternates}
        <Link rel="alternate" hreflang="x-default" href=PublicUrl::absolute(&canonical) />
    }
}
