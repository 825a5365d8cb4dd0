//! Cards for products and exhibitors in lists.

use crate::domain::exhibitor::logo_url;
use crate::domain::{ExhibitorSummary, ProductSummary};
use crate::i18n::*;
use crate::languages::direction;
use crate::links::{exhibitor_path, product_path};
use leptos::prelude::*;

#[component]
pub fn ProductCard(product: ProductSummary) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let (title, title_lang) = product.title.shown_with_lang(locale);
    view! {
        <li class="card product-card">
            <a href=product_path(product.id)>
                <img src=product.card_image() srcset=product.card_srcset() alt="" width="160" height="160" loading="lazy" />
                <span class="card-title" lang=title_lang dir=title_lang.map(direction)>{title}</span>
            </a>
            {product.is_new.then(|| view! { <span class="badge">{t!(i18n, new_badge)}</span> })}
            <span class="price">{product.price.display(locale)}</span>
            <span class="moq">{t!(i18n, moq)}": "{product.moq}" "{product.unit.get(locale).to_owned()}</span>
            <span class="card-exhibitor">{product.exhibitor_name.get(locale).to_owned()}</span>
        </li>
    }
}

#[component]
pub fn ExhibitorCard(exhibitor: ExhibitorSummary) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <li class="card exhibitor-card">
            <img src=logo_url(exhibitor.id) alt="" width="48" height="48" loading="lazy" />
            <a href=exhibitor_path(&exhibitor.slug)>{exhibitor.name.get(locale).to_owned()}</a>
            <span class="country">{exhibitor.country.name(locale)}</span>
            {exhibitor.verified.then(|| view! { <span class="badge verified">{t!(i18n, verified)}</span> })}
        </li>
    }
}
