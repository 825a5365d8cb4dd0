//! An exhibitor's booth: company profile, where its booths are, and its products, paginated.

use super::loaded;
use crate::api::exhibitors::{BoothPageData, get_booth_page};
use crate::components::contact_form::ContactForm;
use crate::components::verify_notice::unverified_buyer;
use crate::components::{cards::ProductCard, page_meta::PageMeta, pager::Pager};
use crate::domain::Cursor;
use crate::domain::exhibitor::{logo_url, uploaded_banner};
use crate::domain::live::StreamStatus;
use crate::error::{AppError, ErrorCode};
use crate::i18n::*;
use crate::languages::direction;
use crate::links::{exhibitor_path, stream_path};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn BoothPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                Cursor::parse(query.read().get("after").as_deref()),
            )
        },
        |(slug, cursor)| async move {
            let cursor = cursor.ok_or_else(|| {
                AppError::invalid("after", ErrorCode::Reason("must be a whole number".into()))
            })?;
            Ok((get_booth_page(slug, cursor.after()).await?, cursor))
        },
    );
    loaded(data, |(page, cursor)| booth_view(page, cursor))
}

fn booth_view(data: BoothPageData, cursor: Cursor) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let BoothPageData {
        profile,
        products,
        stream,
    } = data;
    let stream = stream.map(|stream| {
        let (title, lang) = stream.title.shown_with_lang(locale);
        let live = stream.status == StreamStatus::Live;
        let heading = if live {
            t_string!(i18n, live_is_live)
        } else {
            t_string!(i18n, live_next_stream)
        };
        view! {
            <p class="booth-stream" class:is-live=live>
                <span class="badge stream-status">{heading}</span>" "
                <a href=stream_path(stream.id) lang=lang dir=lang.map(direction)>{title}</a>
                {(!live && !stream.at_local.is_empty()).then(|| view! { " · "<time>{stream.at_local.clone()}</time> })}
            </p>
        }
    });
    let company = profile.summary.clone();
    let name = company.name.get(locale).to_owned();
    let href = exhibitor_path(&company.slug);
    let (description, description_lang) = profile.description.shown_with_lang(locale);
    // Rich text was sanitised by the server when it was saved (`server::rich_text::sanitise`).
    let rich = profile
        .description_html
        .as_ref()
        .map(|html| html.shown_with_lang(locale))
        .filter(|(html, _)| !html.is_empty());
    let about = match rich {
        Some((html, lang)) => view! {
            <div class="description" lang=lang dir=lang.map(direction) inner_html=html></div>
        }
        .into_any(),
        None => view! {
            <p class="description" lang=description_lang dir=description_lang.map(direction)>{description.clone()}</p>
        }
        .into_any(),
    };
    let contact = profile.contact.clone();
    let contact_view = (!contact.email.is_empty() || !contact.phone.is_empty() || !contact.website.is_empty()).then(|| {
        let email = (!contact.email.is_empty()).then(|| {
            let href = format!("mailto:{}", contact.email);
            view! { <dt>{t!(i18n, field_contact_email)}</dt><dd><a href=href>{contact.email.clone()}</a></dd> }
        });
        let phone = (!contact.phone.is_empty()).then(|| {
            view! { <dt>{t!(i18n, field_contact_phone)}</dt><dd>{contact.phone.clone()}</dd> }
        });
        let website = (!contact.website.is_empty()).then(|| {
            view! { <dt>{t!(i18n, field_website)}</dt><dd><a href=contact.website.clone() rel="noopener nofollow">{contact.website.clone()}</a></dd> }
        });
        view! { {email}{phone}{website} }
    });
    let video = profile.video.clone();
    let banner = profile.banner.clone();
    let (year, staff, product_count) = (
        company.year_founded,
        profile.staff_size,
        profile.product_count,
    );
    let next = products
        .next_after
        .map(|after| format!("{href}?after={after}"));
    let first = cursor.0.map(|_| href.clone());
    view! {
        <PageMeta title=name.clone() description=description.chars().take(160).collect() canonical=href.clone() />
        <article class="booth-page">
            {banner.map(|hash| view! {
                <img class="booth-banner" src=uploaded_banner(&hash, false) alt="" width="1600" height="400"
                    srcset=format!("{} 800w, {} 1600w", uploaded_banner(&hash, true), uploaded_banner(&hash, false))
                    sizes="(max-width: 800px) 100vw, 1600px" />
            })}
            <header class="booth-header">
                <img src=profile.logo.clone().unwrap_or_else(|| logo_url(company.id)) alt="" width="96" height="96" />
                <div>
                    <h1>{name}</h1>
                    <p class="muted">
                        {company.country.name(locale)}" · "{t!(i18n, founded, year = year)}" · "{t!(i18n, staff_size, count = move || staff)}
                    </p>
                    {company.verified.then(|| view! { <span class="badge verified">{t!(i18n, verified)}</span> })}
                </div>
                <ContactForm exhibitor=company.id back=href.clone() />
                {(!unverified_buyer()).then(|| view! {
                    <a class="button" href=crate::links::booking_path(&company.slug) rel="nofollow">{t!(i18n, booking_start)}</a>
                })}
            </header>
            {stream}
            {about}
            {video.map(|video| view! {
                <section class="booth-video" aria-labelledby="video-heading">
                    <h2 id="video-heading">{t!(i18n, video_heading)}</h2>
                    <video controls=true preload="none" poster=video.poster.clone() src=video.src.clone() width="640" height="360">
                        <a href=video.src.clone()>{t!(i18n, video_download)}</a>
                    </video>
                </section>
            })}
            <dl class="facts">
                <dt>{t!(i18n, main_markets)}</dt><dd>{profile.main_markets.join(", ")}</dd>
                <dt>{t!(i18n, certifications)}</dt><dd>{profile.certifications.join(", ")}</dd>
                {contact_view}
            </dl>
            <section aria-labelledby="booths-heading">
                <h2 id="booths-heading">{t!(i18n, booths_heading)}</h2>
                <ul class="link-list">
                    {profile.booths.into_iter().map(|b| view! {
                        <li>
                            <a href=b.map_href()>{b.code.clone()}" · "{b.hall_name.get(locale).to_owned()}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            <section aria-labelledby="products-heading">
                <h2 id="products-heading">{t!(i18n, products_heading)}" "
                    <span class="muted">{t!(i18n, product_count, count = move || product_count)}</span>
                </h2>
                <ul class="card-grid">
                    {products.items.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
                </ul>
                <Pager next first />
            </section>
        </article>
    }
}
