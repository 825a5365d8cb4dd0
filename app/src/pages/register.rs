//! Buyer registration: one form, the same rules in the browser and on the server, errors by
//! field in the visitor's language, working with JavaScript on and off.

use crate::api::accounts::Register;
use crate::api::catalogue::list_categories;
use crate::components::form_field::{FormAlert, SelectField, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::domain::{BusinessType, CategorySummary, CountryCode};
use crate::i18n::*;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let categories = Resource::new_blocking(|| (), |_| list_categories());
    let categories_view = move || {
        Suspend::new(async move {
            let list = categories.await.unwrap_or_default();
            register_form(list)
        })
    };
    view! { <Suspense fallback=|| ()>{categories_view}</Suspense> }
}

fn register_form(categories: Vec<CategorySummary>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let action = ServerAction::<Register>::new();
    let errors = form_errors(move || action.value().get());
    let query = use_query_map();
    let typed = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let chosen_country = typed("country");
    let chosen_business = typed("business_type");
    let countries = CountryCode::all_in(locale)
        .map(|code| {
            let selected = code.as_str() == chosen_country;
            view! { <option value=code.as_str().to_owned() selected=selected>{code.name(locale)}</option> }
        })
        .collect_view();
    let business_types = BusinessType::ALL
        .into_iter()
        .map(|kind| {
            let label = match kind {
                BusinessType::Importer => t_string!(i18n, business_importer),
                BusinessType::Wholesaler => t_string!(i18n, business_wholesaler),
                BusinessType::Retailer => t_string!(i18n, business_retailer),
                BusinessType::Distributor => t_string!(i18n, business_distributor),
                BusinessType::Manufacturer => t_string!(i18n, business_manufacturer),
                BusinessType::Agent => t_string!(i18n, business_agent),
                BusinessType::Other => t_string!(i18n, business_other),
            };
            let selected = kind.as_str() == chosen_business;
            view! { <option value=kind.as_str() selected=selected>{label.to_string()}</option> }
        })
        .collect_view();
    let interests = categories
        .into_iter()
        .enumerate()
        .map(|(i, category)| {
            let id = format!("interest-{}", category.id);
            view! {
                <li>
                    <input type="checkbox" id=id.clone() name=format!("form[interests][{i}]") value=category.id.to_string() />
                    <label for=id>{category.name.get(locale).to_owned()}</label>
                </li>
            }
        })
        .collect_view();
    let title = t_string!(i18n, register_title).to_string();
    view! {
        <PageMeta title=title.clone() description=t_string!(i18n, register_intro).to_string() canonical="/register".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, register_intro)}</p>
            <FormAlert errors summarize=true />
            <ActionForm action=action>
                <TextField name="form[email]" id="email" kind="email" autocomplete="email" label=t_string!(i18n, field_email).to_string() value=typed("email") errors />
                <TextField name="form[password]" id="password" kind="password" autocomplete="new-password" label=t_string!(i18n, field_password).to_string() errors />
                <TextField name="form[name]" id="name" autocomplete="name" label=t_string!(i18n, field_name).to_string() value=typed("name") errors />
                <TextField name="form[company]" id="company" autocomplete="organization" label=t_string!(i18n, field_company).to_string() value=typed("company") errors />
                <SelectField name="form[country]" id="country" label=t_string!(i18n, field_country).to_string() errors>{countries}</SelectField>
                <SelectField name="form[business_type]" id="business_type" label=t_string!(i18n, field_business_type).to_string() errors>{business_types}</SelectField>
                <fieldset class="interests">
                    <legend>{t!(i18n, field_interests)}</legend>
                    <ul>{interests}</ul>
                </fieldset>
                <button type="submit" disabled=move || action.pending().get()>{t!(i18n, register_submit)}</button>
            </ActionForm>
        </section>
    }
}

/// After registering: where the verification mail went.
#[component]
pub fn RegisterSentPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, register_sent_title).to_string();
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/register/sent".to_owned() />
        <section class="account-form">
            <h1>{title}</h1>
            <p>{t!(i18n, register_sent_text)}</p>
            <p><a href="/sign-in">{t!(i18n, sign_in)}</a></p>
        </section>
    }
}
