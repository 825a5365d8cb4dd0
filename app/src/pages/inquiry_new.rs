//! Asking an exhibitor about a product (`/products/{id}/inquiry`): quantity, target price,
//! Incoterm, where to deliver and a message. Buyers only; a plain form that also works
//! without JavaScript.

use super::loaded;
use crate::api::deals::SendInquiry;
use crate::api::deals::get_inquiry_draft;
use crate::components::form_field::{
    FormAlert, SelectField, TextAreaField, TextField, currency_options, form_errors, options,
};
use crate::components::page_meta::PageMeta;
use crate::components::post_form::PostForm;
use crate::components::status::forbid_caching;
use crate::domain::deal::{Incoterm, InquiryDraft};
use crate::domain::{CountryCode, ProductId};
use crate::error::AppError;
use crate::i18n::*;
use crate::languages::direction;
use crate::links::new_inquiry_path;
use crate::links::{exhibitor_path, product_path};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn InquiryNewPage() -> impl IntoView {
    forbid_caching();
    let data = super::by_path_id::<ProductId, _, _, _>(get_inquiry_draft);
    loaded(data, inquiry_form)
}

fn inquiry_form(draft: InquiryDraft) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let query = use_query_map();
    let typed = move |key: &str| query.read_untracked().get(key);
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let (product, product_lang) = draft.title.shown_with_lang(locale);
    let exhibitor = draft.exhibitor.name.get(locale).to_owned();
    let title = t_string!(i18n, inquiry_new_title, product = product.clone()).to_string();
    let unit = draft.unit.get(locale).to_owned();
    let currency = typed("currency").unwrap_or_else(|| draft.currency.code().to_owned());
    let incoterm = typed("incoterm").unwrap_or_else(|| "FOB".to_owned());
    let country = typed("destination_country").unwrap_or_default();
    let countries = options(
        CountryCode::all_in(locale)
            .map(|code| (code.as_str().to_owned(), code.name(locale).to_owned())),
        &country,
    );
    let incoterms = options(
        Incoterm::ALL.map(|term| (term.code().to_owned(), term.code().to_owned())),
        &incoterm,
    );
    let href = new_inquiry_path(draft.product);
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=href />
        <section class="account-form deal-form">
            <h1>{title}</h1>
            <p>
                <a href=product_path(draft.product) lang=product_lang dir=product_lang.map(direction)>{product}</a>" · "
                <a href=exhibitor_path(&draft.exhibitor.slug)>{exhibitor}</a>
            </p>
            <p class="muted">{t!(i18n, inquiry_moq, moq = draft.moq, unit = unit.clone())}</p>
            <FormAlert errors summarize=true />
            <PostForm<SendInquiry>>
                <input type="hidden" name="product" value=draft.product.0 />
                <TextField name="form[quantity]" id="quantity" kind="number"
                    label=t_string!(i18n, inquiry_quantity, unit = unit).to_string()
                    value=typed("quantity").unwrap_or_else(|| draft.moq.to_string()) errors />
                <TextField name="form[target_price]" id="target_price" required=false
                    label=t_string!(i18n, inquiry_target_price).to_string()
                    value=typed("target_price").unwrap_or_default() errors />
                <SelectField name="form[currency]" id="currency" label=t_string!(i18n, field_currency).to_string() errors>
                    {currency_options(&currency)}
                </SelectField>
                <SelectField name="form[incoterm]" id="incoterm" label=t_string!(i18n, inquiry_incoterm).to_string() errors>
                    {incoterms}
                </SelectField>
                <SelectField name="form[destination_country]" id="destination_country" label=t_string!(i18n, inquiry_destination_country).to_string() errors>
                    {countries}
                </SelectField>
                <TextField name="form[destination_place]" id="destination_place"
                    label=t_string!(i18n, inquiry_destination_place).to_string()
                    value=typed("destination_place").unwrap_or_default() errors />
                <TextAreaField name="form[message]" id="message"
                    label=t_string!(i18n, inquiry_message).to_string()
                    value=typed("message").unwrap_or_default() errors />
                <button type="submit">{t!(i18n, inquiry_send)}</button>
            </PostForm<SendInquiry>>
        </section>
    }
    .into_any()
}
