//! A company applies to exhibit: its names, country, section, size, a contact person and a
//! note. The same rules in the browser and on the server; works with JavaScript on and off.

use crate::api::catalogue::list_sections;
use crate::api::onboarding::SubmitApplication;
use crate::components::form_field::{
    FormAlert, SelectField, TextAreaField, TextField, form_errors,
};
use crate::components::page_meta::PageMeta;
use crate::domain::{CountryCode, SectionSummary};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ApplyPage() -> impl IntoView {
    let sections = Resource::new_blocking(|| (), |_| list_sections());
    let form = move || {
        Suspend::new(async move {
            let sections = sections.await.unwrap_or_default();
            application_form(sections)
        })
    };
    view! { <Suspense fallback=|| ()>{form}</Suspense> }
}

fn application_form(sections: Vec<SectionSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let action = ServerAction::<SubmitApplication>::new();
    let errors = form_errors(move || action.value().get());
    let query = use_query_map();
    let typed = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let chosen_country = typed("country");
    let chosen_section = typed("section");
    let countries = CountryCode::all_in(locale)
        .map(|code| {
            let selected = code.as_str() == chosen_country;
            view! { <option value=code.as_str().to_owned() selected=selected>{code.name(locale)}</option> }
        })
        .collect_view();
    let sections = sections
        .into_iter()
        .map(|section| {
            let selected = section.slug == chosen_section;
            view! { <option value=section.slug.clone() selected=selected>{section.name.get(locale).to_owned()}</option> }
        })
        .collect_view();
    let title = t_string!(i18n, apply_title).to_string();
    view! {
        <PageMeta title=title.clone() description=t_string!(i18n, apply_intro).to_string() canonical="/apply".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, apply_intro)}</p>
            <FormAlert errors summarize=true />
            <ActionForm action=action>
                <TextField name="form[company_en]" id="company_en" autocomplete="organization" label=t_string!(i18n, field_company_en).to_string() value=typed("company_en") errors />
                <TextField name="form[company_zh]" id="company_zh" label=t_string!(i18n, field_company_zh).to_string() value=typed("company_zh") required=false errors />
                <SelectField name="form[country]" id="country" label=t_string!(i18n, field_country).to_string() errors>{countries}</SelectField>
                <SelectField name="form[section]" id="section" label=t_string!(i18n, field_section).to_string() errors>{sections}</SelectField>
                <div class="field-row">
                    <TextField name="form[year_founded]" id="year_founded" kind="number" label=t_string!(i18n, field_year_founded).to_string() value=typed("year_founded") errors />
                    <TextField name="form[staff_size]" id="staff_size" kind="number" label=t_string!(i18n, field_staff_size).to_string() value=typed("staff_size") errors />
                </div>
                <TextField name="form[contact_name]" id="contact_name" autocomplete="name" label=t_string!(i18n, field_contact_name).to_string() value=typed("contact_name") errors />
                <TextField name="form[email]" id="email" kind="email" autocomplete="email" label=t_string!(i18n, field_email).to_string() value=typed("email") errors />
                <TextField name="form[website]" id="website" kind="url" autocomplete="url" label=t_string!(i18n, field_website).to_string() value=typed("website") required=false errors />
                <TextAreaField name="form[message]" id="message" label=t_string!(i18n, field_application_message).to_string() value=typed("message") errors />
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, apply_submit)}</button>
            </ActionForm>
        </section>
    }
}

/// After applying: what happens next.
#[component]
pub fn ApplySentPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, apply_sent_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/apply/sent".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p role="status">{t!(i18n, apply_sent_text)}</p>
        </section>
    }
}
