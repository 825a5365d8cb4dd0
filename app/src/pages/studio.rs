//! The team's studio (`/exhibitor/live`): go live from this browser, or from a studio
//! encoder with the WHIP address and the team's stream key; schedule a stream with its
//! titles, its time in the team's zone and the products it features; the team's streams.

use super::loaded;
use crate::api::live::{RotateStreamKey, STUDIO_PATH, ScheduleStream, get_studio};
use crate::components::form_field::error_text;
use crate::components::form_field::{FormAlert, TextField, error_for, form_errors};
use crate::components::live::publisher::BrowserPublisher;
use crate::components::page_meta::PageMeta;
use crate::components::post_form::PostForm;
use crate::components::status::forbid_caching;
use crate::components::stream_list::StreamList;
use crate::domain::ExhibitorId;
use crate::domain::live::{StreamStatus, StudioPage};
use crate::error::AppError;
use crate::i18n::*;
use crate::links::PublicUrl;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StudioPage() -> impl IntoView {
    forbid_caching();
    let data = Resource::new_blocking(|| (), |_| get_studio());
    loaded(data, studio_view)
}

fn studio_view(page: StudioPage) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let query = use_query_map();
    let typed = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let scheduled = query.read_untracked().get("scheduled").is_some();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let title = t_string!(i18n, studio_title).to_string();
    let coming: Vec<_> = page
        .streams
        .iter()
        .filter(|s| s.status != StreamStatus::Ended)
        .map(|s| (s.id, format!("{} · {}", s.title.get(locale), s.at_local)))
        .collect();
    let products_error = move || {
        error_for(&errors.get(), "products")
            .map(|code| view! { <p class="field-error" id="products-error">{error_text(i18n, &code)}</p> })
    };
    let products = page
        .products
        .iter()
        .map(|(id, name)| {
            let id = id.0;
            view! {
                <li><label><input type="checkbox" name="form[products][]" value=id />" "{name.get(locale).to_owned()}</label></li>
            }
        })
        .collect_view();
    let no_products = page.products.is_empty();
    let pinnable: Vec<_> = page
        .products
        .iter()
        .map(|(id, name)| (*id, name.get(locale).to_owned()))
        .collect();
    let title_field =
        move |name: &'static str, id: &'static str, label: String, lang: &'static str| {
            let required = id == "title_en";
            view! { <TextField name id label value=typed(id) required lang errors /> }
        };
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=STUDIO_PATH.to_owned() />
        <section class="deal studio">
            <h1>{title}</h1>
            <BrowserPublisher streams=coming ice_servers=page.ice_servers.clone() products=pinnable />
            <StreamKey exhibitor=page.exhibitor has_key=page.has_key />
            <h2 id="schedule">{t!(i18n, studio_schedule)}</h2>
            {scheduled.then(|| view! { <p class="notice" role="status">{t!(i18n, studio_scheduled_ok)}</p> })}
            <FormAlert errors summarize=true />
            <PostForm<ScheduleStream> class="deal-form">
                {title_field("form[title_en]", "title_en", t_string!(i18n, field_title_en).to_string(), "en")}
                {title_field("form[title_zh]", "title_zh", t_string!(i18n, field_title_zh).to_string(), "zh")}
                <fieldset class="more-languages">
                    <legend>{t!(i18n, more_languages)}</legend>
                    {title_field("form[title_ar]", "title_ar", t_string!(i18n, field_title_ar).to_string(), "ar")}
                    {title_field("form[title_fr]", "title_fr", t_string!(i18n, field_title_fr).to_string(), "fr")}
                    {title_field("form[title_es]", "title_es", t_string!(i18n, field_title_es).to_string(), "es")}
                    {title_field("form[title_ru]", "title_ru", t_string!(i18n, field_title_ru).to_string(), "ru")}
                </fieldset>
                <TextField name="form[date]" id="date" kind="date" label=t_string!(i18n, studio_date).to_string() value=typed("date") errors />
                <TextField name="form[time]" id="time" kind="time" label=t_string!(i18n, studio_time, zone = page.zone.clone()).to_string() value=typed("time") errors />
                <fieldset class="featured-products" aria-describedby="products-error">
                    <legend>{t!(i18n, studio_products)}</legend>
                    {no_products.then(|| view! { <p class="muted">{t!(i18n, studio_products_none)}</p> })}
                    <ul class="checkbox-list">{products}</ul>
                    {products_error}
                </fieldset>
                <button type="submit">{t!(i18n, studio_schedule_submit)}</button>
            </PostForm<ScheduleStream>>
            <h2>{t!(i18n, studio_streams)}</h2>
            <StreamList streams=page.streams empty=t_string!(i18n, studio_none).to_string() team=true />
        </section>
    }
    .into_any()
}

/// The WHIP address and the team's stream key, made anew on demand and shown that once.
#[component]
fn StreamKey(exhibitor: ExhibitorId, has_key: bool) -> impl IntoView {
    let i18n = use_i18n();
    let rotate = ServerAction::<RotateStreamKey>::new();
    let key = move || rotate.value().get().and_then(Result::ok);
    let failed = move || {
        rotate
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="field-error" role="alert">{error.to_string()}</p> })
    };
    let whip = PublicUrl::absolute("/live/whip");
    view! {
        <section class="stream-key" aria-labelledby="encoder">
            <h2 id="encoder">{t!(i18n, studio_encoder)}</h2>
            <p class="muted">{t!(i18n, studio_encoder_help)}</p>
            <dl class="deal-terms">
                <dt>{t!(i18n, studio_whip_url)}</dt><dd><code id="whip-url">{whip}</code></dd>
                <dt>{t!(i18n, studio_key)}</dt>
                <dd>
                    {move || match key() {
                        Some(key) => view! {
                            <p role="status">{t!(i18n, studio_key_shown)}</p>
                            <code id="stream-key">{key}</code>
                        }.into_any(),
                        None if has_key => view! { <p>{t!(i18n, studio_key_set)}</p> }.into_any(),
                        None => view! { <p>{t!(i18n, studio_key_none)}</p> }.into_any(),
                    }}
                </dd>
            </dl>
            {failed}
            <button type="button" id="make-key" class="secondary"
                on:click=move |_| { rotate.dispatch(RotateStreamKey { exhibitor }); }>
                {t!(i18n, studio_key_make)}
            </button>
        </section>
    }
}
