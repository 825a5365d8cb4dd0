//! A product: gallery, specifications, price, MOQ, the exhibitor and where its booth is.

use super::loaded;
use crate::api::products::get_product;
use crate::components::contact_form::ContactForm;
use crate::components::gallery::Gallery;
use crate::components::model_viewer::ModelViewer;
use crate::components::verify_notice::unverified_buyer;
use crate::components::{breadcrumbs::Breadcrumbs, page_meta::PageMeta};
use crate::domain::exhibitor::logo_url;
use crate::domain::product::uploaded_file;
use crate::domain::{ProductDetail, ProductId};
use crate::error::AppError;
use crate::i18n::*;
use crate::languages::direction;
use crate::links::new_inquiry_path;
use crate::links::{category_path, exhibitor_path, product_path, section_path};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProductPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || {
            params
                .read()
                .get("id")
                .and_then(|raw| raw.parse::<ProductId>().ok())
        },
        |id| async move {
            match id {
                Some(id) => get_product(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    loaded(data, product_view)
}

fn product_view(product: ProductDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let (title, title_lang) = product.title.shown_with_lang(locale);
    let href = product_path(product.id);
    let (description, description_lang) = product.description.shown_with_lang(locale);
    let trail = vec![
        (
            product.category.name.get(locale).to_owned(),
            category_path(&product.category.slug),
        ),
        (
            product.section.name.get(locale).to_owned(),
            section_path(&product.section.slug),
        ),
        (title.clone(), href.clone()),
    ];
    let days = product.lead_time_days;
    let exhibitor = product.exhibitor.clone();
    let pictures = product.pictures();
    let thumb_alts = (1..=pictures.len())
        .map(|n| {
            let title = title.clone();
            t_string!(i18n, image_alt, title = title, n = n).to_string()
        })
        .collect();
    let hs_code = product.hs_code.clone();
    let model = product.model.clone();
    let model_alt = {
        let title = title.clone();
        t_string!(i18n, model_alt, title = title).to_string()
    };
    let main_alt = title.clone();
    view! {
        <PageMeta title=title.clone() description=description.chars().take(160).collect() canonical=href.clone() />
        {product.draft.then(|| view! {
            <Meta name="robots" content="noindex" />
            <p class="form-notice draft-notice" role="note">{t!(i18n, product_draft_preview)}</p>
        })}
        <Breadcrumbs trail />
        <article class="product-page">
            <Gallery pictures main_alt thumb_alts label=t_string!(i18n, gallery).to_string() />
            <section class="summary">
                <h1><span lang=title_lang dir=title_lang.map(direction)>{title}</span>{product.is_new.then(|| view! { " "<span class="badge">{t!(i18n, new_badge)}</span> })}</h1>
                <dl class="facts">
                    <dt>{t!(i18n, price)}</dt><dd class="price">{product.price.display(locale)}</dd>
                    <dt>{t!(i18n, moq)}</dt><dd>{product.moq}" "{product.unit.get(locale).to_owned()}</dd>
                    <dt>{t!(i18n, lead_time)}</dt><dd>{t!(i18n, lead_time_days, days = days)}</dd>
                    {(!hs_code.is_empty()).then(|| view! { <dt>{t!(i18n, hs_code)}</dt><dd>{hs_code.clone()}</dd> })}
                </dl>
                <p class="description" lang=description_lang dir=description_lang.map(direction)>{description}</p>
            </section>
            {model.map(|file| view! {
                <ModelViewer src=uploaded_file(&file) alt=model_alt.clone()
                    heading=t_string!(i18n, model_heading).to_string()
                    show_label=t_string!(i18n, model_view).to_string()
                    download_label=t_string!(i18n, model_download).to_string() />
            })}
            <section class="specs" aria-labelledby="specs-heading">
                <h2 id="specs-heading">{t!(i18n, specifications)}</h2>
                <table>
                    <tbody>
                        {product.specs.into_iter().map(|s| view! {
                            <tr><th scope="row">{s.key.get(locale).to_owned()}</th><td>{s.value}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <aside class="exhibitor-card" aria-labelledby="exhibitor-heading">
                <h2 id="exhibitor-heading">{t!(i18n, exhibitor_heading)}</h2>
                <img src=logo_url(exhibitor.id) alt="" width="48" height="48" />
                <p><a href=exhibitor_path(&exhibitor.slug)>{exhibitor.name.get(locale).to_owned()}</a></p>
                <p class="muted">{exhibitor.country.name(locale)}</p>
                {exhibitor.verified.then(|| view! { <span class="badge verified">{t!(i18n, verified)}</span> })}
                <ul class="link-list">
                    {product.booths.into_iter().map(|b| view! {
                        <li><a href=b.map_href()>{t!(i18n, show_on_map)}": "{b.code.clone()}" · "{b.hall_name.get(locale).to_owned()}</a></li>
                    }).collect_view()}
                </ul>
                {(!unverified_buyer()).then(|| view! {
                    <p><a class="button" href=new_inquiry_path(product.id) rel="nofollow">{t!(i18n, inquiry_start)}</a></p>
                })}
                <ContactForm exhibitor=exhibitor.id back=href.clone() />
            </aside>
        </article>
    }
}
