//! One product's editor (`/exhibitor/products/new`, `/exhibitor/products/:id`): its fields,
//! its photos (a multipart form that takes several files; each can be removed), and
//! deleting it. The product page is the preview. Works hydrated and with JavaScript off.

use super::loaded;
use crate::api::product_editor::{
    DeleteProduct, ProductEditorData, RemoveProductPhoto, SaveProduct, get_product_editor,
};
use crate::components::draft_autosave::DraftAutosave;
use crate::components::form_field::{
    FileField, FormAlert, IMAGE_TYPES, TextAreaField, TextField, form_errors,
};
use crate::components::leave_warning::LeaveWarning;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::components::upload_form::UploadForm;
use crate::domain::ProductId;
use crate::domain::product::{CARD_SIDE, uploaded_file, uploaded_image};
use crate::domain::product_edit::{PHOTOS_MAX, is_ticked};
use crate::error::FieldError;
use crate::i18n::*;
use crate::links::{product_editor_path, product_path};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ProductEditorPage() -> impl IntoView {
    forbid_caching();
    let params = use_params_map();
    // `/exhibitor/products/new` has no id; an id that is not a number finds nothing (404).
    let id = move || {
        params
            .read()
            .get("id")
            .map(|id| ProductId(id.parse().unwrap_or(0)))
    };
    let save = ServerAction::<SaveProduct>::new();
    let remove = ServerAction::<RemoveProductPhoto>::new();
    let delete = ServerAction::<DeleteProduct>::new();
    let data = Resource::new_blocking(
        move || (id(), save.version().get(), remove.version().get()),
        |(id, _, _)| get_product_editor(id),
    );
    loaded(data, move |data| editor(data, save, remove, delete))
}

fn editor(
    data: ProductEditorData,
    save: ServerAction<SaveProduct>,
    remove: ServerAction<RemoveProductPhoto>,
    delete: ServerAction<DeleteProduct>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let typed = move |key: &str, saved: &str| {
        query
            .read_untracked()
            .get(key)
            .unwrap_or_else(|| saved.to_owned())
    };
    let errors = form_errors(move || save.value().get());
    let photo_errors = form_errors(move || remove.value().get());
    let delete_errors = form_errors(move || delete.value().get());
    let saved = query.read_untracked().get("saved").is_some();
    let form = data.form;
    let title = match data.id {
        Some(_) => t_string!(i18n, product_edit_title, title = form.title_en.clone()).to_string(),
        None => t_string!(i18n, product_new).to_string(),
    };
    let canonical = match data.id {
        Some(id) => product_editor_path(id),
        None => "/exhibitor/products/new".to_owned(),
    };
    let currency = typed("currency", &form.currency);
    let is_new = is_ticked(&typed("is_new", &form.is_new));
    let published = is_ticked(&typed("published", &form.published));
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=canonical />
        <section class="product-editor">
            <h1>{title}</h1>
            <p>
                <a href="/exhibitor/products">{t!(i18n, back_to_products)}</a>
                {data.id.map(|id| {
                    let label = match is_ticked(&form.published) {
                        true => t_string!(i18n, product_view).to_string(),
                        false => t_string!(i18n, product_preview).to_string(),
                    };
                    view! { " · "<a href=product_path(id)>{label}</a> }
                })}
            </p>
            {saved.then(|| view! { <p class="form-notice" role="status">{t!(i18n, product_saved)}</p> })}
            <FormAlert errors />
            <LeaveWarning question=t_string!(i18n, leave_question).to_string() />
            {data.id.filter(|_| !is_ticked(&form.published)).map(|_| view! { <DraftAutosave form_id="product-form" /> })}
            <ActionForm action=save attr:class="editor-form" attr:id="product-form">
                <input type="hidden" name="exhibitor" value=data.exhibitor.0.to_string() />
                {data.id.map(|id| view! { <input type="hidden" name="id" value=id.0.to_string() /> })}
                <TextField name="form[title_en]" id="title_en" label=t_string!(i18n, field_title_en).to_string() value=typed("title_en", &form.title_en) errors />
                <TextField name="form[title_zh]" id="title_zh" label=t_string!(i18n, field_title_zh).to_string() value=typed("title_zh", &form.title_zh) required=false errors />
                <TextField name="form[sku]" id="sku" label=t_string!(i18n, field_sku).to_string() value=typed("sku", &form.sku) required=false errors />
                <TextAreaField name="form[description_en]" id="description_en" label=t_string!(i18n, field_description_en).to_string() value=form.description_en.clone() errors />
                <TextAreaField name="form[description_zh]" id="description_zh" label=t_string!(i18n, field_description_zh).to_string() value=form.description_zh.clone() errors />
                <fieldset class="more-languages">
                    <legend>{t!(i18n, more_languages)}</legend>
                    <p class="muted">{t!(i18n, more_languages_hint)}</p>
                    <TextField name="form[title_ar]" id="title_ar" lang="ar" label=t_string!(i18n, field_title_ar).to_string() value=typed("title_ar", &form.title_ar) required=false errors />
                    <TextAreaField name="form[description_ar]" id="description_ar" lang="ar" rows=3 label=t_string!(i18n, field_description_ar).to_string() value=form.description_ar.clone() errors />
                    <TextField name="form[title_fr]" id="title_fr" lang="fr" label=t_string!(i18n, field_title_fr).to_string() value=typed("title_fr", &form.title_fr) required=false errors />
                    <TextAreaField name="form[description_fr]" id="description_fr" lang="fr" rows=3 label=t_string!(i18n, field_description_fr).to_string() value=form.description_fr.clone() errors />
                    <TextField name="form[title_es]" id="title_es" lang="es" label=t_string!(i18n, field_title_es).to_string() value=typed("title_es", &form.title_es) required=false errors />
                    <TextAreaField name="form[description_es]" id="description_es" lang="es" rows=3 label=t_string!(i18n, field_description_es).to_string() value=form.description_es.clone() errors />
                    <TextField name="form[title_ru]" id="title_ru" lang="ru" label=t_string!(i18n, field_title_ru).to_string() value=typed("title_ru", &form.title_ru) required=false errors />
                    <TextAreaField name="form[description_ru]" id="description_ru" lang="ru" rows=3 label=t_string!(i18n, field_description_ru).to_string() value=form.description_ru.clone() errors />
                </fieldset>
                <TextAreaField name="form[specs]" id="specs" label=t_string!(i18n, field_specs).to_string() value=form.specs.clone() errors />
                <div class="field-row">
                    <TextField name="form[price_min]" id="price_min" kind="text" label=t_string!(i18n, field_price_min).to_string() value=typed("price_min", &form.price_min) errors />
                    <TextField name="form[price_max]" id="price_max" kind="text" label=t_string!(i18n, field_price_max).to_string() value=typed("price_max", &form.price_max) required=false errors />
                    <div class="field">
                        <label for="currency">{t!(i18n, field_currency)}</label>
                        <select id="currency" name="form[currency]">
                            {["USD", "EUR", "CNY"].map(|code| view! { <option value=code selected=currency == code>{code}</option> })}
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <TextField name="form[moq]" id="moq" kind="number" label=t_string!(i18n, field_moq).to_string() value=typed("moq", &form.moq) errors />
                    <TextField name="form[unit_en]" id="unit_en" label=t_string!(i18n, field_unit_en).to_string() value=typed("unit_en", &form.unit_en) errors />
                    <TextField name="form[unit_zh]" id="unit_zh" label=t_string!(i18n, field_unit_zh).to_string() value=typed("unit_zh", &form.unit_zh) required=false errors />
                </div>
                <div class="field-row">
                    <TextField name="form[lead_time_days]" id="lead_time_days" kind="number" label=t_string!(i18n, field_lead_time).to_string() value=typed("lead_time_days", &form.lead_time_days) errors />
                    <TextField name="form[hs_code]" id="hs_code" label=t_string!(i18n, field_hs_code).to_string() value=typed("hs_code", &form.hs_code) required=false errors />
                </div>
                <div class="field checkbox">
                    <input id="is_new" name="form[is_new]" type="checkbox" value="on" checked=is_new />
                    <label for="is_new">{t!(i18n, field_is_new)}</label>
                </div>
                <div class="field checkbox">
                    <input id="published" name="form[published]" type="checkbox" value="on" checked=published />
                    <label for="published">{t!(i18n, field_published)}</label>
                </div>
                <button type="submit" disabled=move || save.pending().get()>{t!(i18n, product_save)}</button>
            </ActionForm>
            {data.id.map(|id| model_form(id, data.model.clone()).into_any())}
            {match data.id {
                Some(id) => photos(id, data.photos, remove, photo_errors).into_any(),
                None => view! { <p class="muted">{t!(i18n, photos_save_first)}</p> }.into_any(),
            }}
            {data.id.map(|id| view! {
                <FormAlert errors=delete_errors />
                <ActionForm action=delete attr:class="delete-form">
                    <input type="hidden" name="id" value=id.0.to_string() />
                    <button type="submit" class="danger">{t!(i18n, product_delete)}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// The product's 3D model, if any, and the form that uploads one.
fn model_form(id: ProductId, model: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(|| None::<Result<(), crate::error::AppError>>);
    view! {
        <UploadForm action=format!("/exhibitor/products/{id}/model") class="model-form">
            {model.map(|file| view! {
                <p>{t!(i18n, model_current)}": "<a href=uploaded_file(&file) download="">{file.clone()}</a></p>
            })}
            <FileField id="model" label=t_string!(i18n, field_model).to_string() accept=".glb,.gltf,model/gltf-binary,model/gltf+json" errors />
            <button type="submit">{t!(i18n, model_submit)}</button>
        </UploadForm>
    }
}

/// The product's photos, each with a remove button, and the upload form.
fn photos(
    id: ProductId,
    hashes: Vec<String>,
    remove: ServerAction<RemoveProductPhoto>,
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let full = hashes.len() >= PHOTOS_MAX;
    let upload_errors = form_errors(|| None::<Result<(), crate::error::AppError>>);
    let list = hashes
        .into_iter()
        .enumerate()
        .map(|(n, hash)| {
            let label = t_string!(i18n, photo_remove, n = n + 1).to_string();
            view! {
                <li>
                    <img src=uploaded_image(&hash, Some(CARD_SIDE)) alt="" width="120" height="120" />
                    <ActionForm action=remove>
                        <input type="hidden" name="id" value=id.0.to_string() />
                        <input type="hidden" name="index" value=n.to_string() />
                        <button type="submit">{label}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{t!(i18n, field_photos)}</h2>
        <FormAlert errors />
        <ul class="photo-list">{list}</ul>
        <UploadForm action=format!("/exhibitor/products/{id}/photos") class="photo-form">
            <FileField id="photos" label=t_string!(i18n, field_photos).to_string() accept=IMAGE_TYPES multiple=true disabled=full errors=upload_errors />
            <button type="submit" disabled=full>{t!(i18n, photos_submit)}</button>
        </UploadForm>
    }
}
