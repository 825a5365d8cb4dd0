//! The booth editor: the exhibitor's team edits the booth's profile; the public booth page
//! is the preview. The description is rich text: in the hydrated page a formatting bar works
//! on an editable area that writes its HTML into the form's field; without JavaScript the
//! field itself takes the HTML. The server sanitises either way.

use super::loaded;
use crate::api::booth_editor::{BoothEditorData, SaveProfile, get_booth_editor};
use crate::components::form_field::{FileField, FormAlert, IMAGE_TYPES, TextField, form_errors};
use crate::components::leave_warning::LeaveWarning;
use crate::components::page_meta::PageMeta;
use crate::components::rich_text::RichTextField;
use crate::components::status::forbid_caching;
use crate::components::upload_form::UploadForm;
use crate::domain::exhibitor::uploaded_banner;
use crate::domain::text::utc_minute;
use crate::i18n::*;
use crate::links::exhibitor_path;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BoothEditorPage() -> impl IntoView {
    forbid_caching();
    let save = ServerAction::<SaveProfile>::new();
    let data = Resource::new_blocking(move || save.version().get(), |_| get_booth_editor());
    loaded(data, move |data| editor(data, save))
}

fn editor(data: BoothEditorData, save: ServerAction<SaveProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let query = use_query_map();
    let typed = move |key: &str, saved: &str| {
        query
            .read_untracked()
            .get(key)
            .unwrap_or_else(|| saved.to_owned())
    };
    let errors = form_errors(move || save.value().get());
    let saved = query.read_untracked().get("saved").is_some()
        || matches!(save.value().get_untracked(), Some(Ok(())));
    let company = data.name.get(locale).to_owned();
    let title = t_string!(i18n, editor_title, company = company.clone()).to_string();
    let preview = exhibitor_path(&data.slug);
    let form = data.form;
    let audit = data
        .audit
        .into_iter()
        .map(|entry| {
            let fields = entry
                .changes
                .iter()
                .map(|(field, _, _)| field.clone())
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <li>
                    <time>{utc_minute(entry.at)}</time>" · "{entry.who.unwrap_or_default()}" · "{fields}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/exhibitor/booth".to_owned() />
        <section class="booth-editor">
            <h1>{title}</h1>
            <p><a href=preview.clone()>{t!(i18n, editor_preview)}</a>" · "<a href="/exhibitor/team">{t!(i18n, nav_team)}</a></p>
            {saved.then(|| view! { <p class="form-notice" role="status">{t!(i18n, editor_saved)}</p> })}
            <UploadForm action="/exhibitor/logo".to_owned() class="logo-form">
                <input type="hidden" name="exhibitor" value=data.exhibitor.0.to_string() />
                {data.logo.clone().map(|src| view! { <img src=src alt="" width="96" height="96" /> })}
                <FileField id="logo" label=t_string!(i18n, field_logo).to_string() accept=IMAGE_TYPES errors />
                <button type="submit">{t!(i18n, logo_submit)}</button>
            </UploadForm>
            <UploadForm action="/exhibitor/banner".to_owned() class="logo-form">
                <input type="hidden" name="exhibitor" value=data.exhibitor.0.to_string() />
                {data.banner.clone().map(|hash| view! { <img src=uploaded_banner(&hash, true) alt="" width="400" height="100" class="banner-preview" /> })}
                <FileField id="banner" label=t_string!(i18n, field_banner).to_string() accept=IMAGE_TYPES errors />
                <button type="submit">{t!(i18n, banner_submit)}</button>
            </UploadForm>
            <UploadForm action="/exhibitor/video".to_owned() class="video-form">
                <input type="hidden" name="exhibitor" value=data.exhibitor.0.to_string() />
                {data.video.clone().map(|video| view! {
                    <video controls=true preload="none" poster=video.poster src=video.src width="320" height="180"></video>
                })}
                <FileField id="video" label=t_string!(i18n, field_video).to_string() accept="video/mp4,video/webm" errors />
                <button type="submit">{t!(i18n, video_submit)}</button>
            </UploadForm>
            <FormAlert errors />
            <LeaveWarning question=t_string!(i18n, leave_question).to_string() />
            <ActionForm action=save attr:class="editor-form">
                <input type="hidden" name="exhibitor" value=data.exhibitor.0.to_string() />
                <RichTextField name="form[description_en]" id="description_en" label=t_string!(i18n, field_description_en).to_string() value=form.description_en.clone() errors />
                <RichTextField name="form[description_zh]" id="description_zh" label=t_string!(i18n, field_description_zh).to_string() value=form.description_zh.clone() errors />
                <fieldset class="more-languages">
                    <legend>{t!(i18n, more_languages)}</legend>
                    <p class="muted">{t!(i18n, more_languages_hint)}</p>
                    <RichTextField name="form[description_ar]" id="description_ar" lang="ar" label=t_string!(i18n, field_description_ar).to_string() value=form.description_ar.clone() errors />
                    <RichTextField name="form[description_fr]" id="description_fr" lang="fr" label=t_string!(i18n, field_description_fr).to_string() value=form.description_fr.clone() errors />
                    <RichTextField name="form[description_es]" id="description_es" lang="es" label=t_string!(i18n, field_description_es).to_string() value=form.description_es.clone() errors />
                    <RichTextField name="form[description_ru]" id="description_ru" lang="ru" label=t_string!(i18n, field_description_ru).to_string() value=form.description_ru.clone() errors />
                </fieldset>
                <TextField name="form[year_founded]" id="year_founded" kind="number" label=t_string!(i18n, field_year_founded).to_string() value=typed("year_founded", &form.year_founded) errors />
                <TextField name="form[staff_size]" id="staff_size" kind="number" label=t_string!(i18n, field_staff_size).to_string() value=typed("staff_size", &form.staff_size) errors />
                <TextField name="form[main_markets]" id="main_markets" label=t_string!(i18n, field_main_markets).to_string() value=typed("main_markets", &form.main_markets) errors />
                <TextField name="form[certifications]" id="certifications" label=t_string!(i18n, field_certifications).to_string() value=typed("certifications", &form.certifications) errors />
                <TextField name="form[contact_email]" id="contact_email" kind="email" label=t_string!(i18n, field_contact_email).to_string() value=typed("contact_email", &form.contact_email) required=false errors />
                <TextField name="form[contact_phone]" id="contact_phone" kind="tel" label=t_string!(i18n, field_contact_phone).to_string() value=typed("contact_phone", &form.contact_phone) required=false errors />
                <TextField name="form[website]" id="website" kind="url" label=t_string!(i18n, field_website).to_string() value=typed("website", &form.website) required=false errors />
                <button type="submit" disabled=move || save.pending().get()>{t!(i18n, editor_save)}</button>
            </ActionForm>
            <h2>{t!(i18n, editor_history)}</h2>
            <ul class="audit-log">{audit}</ul>
        </section>
    }
}
