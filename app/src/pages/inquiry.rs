//! One inquiry (`/inquiries/{id}`): the buyer's terms, the exhibitor's quotations and the
//! answers, oldest first, and the form it is the reader's turn to fill in: the team quotes,
//! the buyer accepts, counters or declines. Only the two parties can open it.

use super::loaded;
use crate::api::deals::get_inquiry;
use crate::api::deals::{AnswerQuotation, SendQuotation};
use crate::components::deal_status::{inquiry_status, quotation_status};
use crate::components::form_field::{
    FormAlert, SelectField, TextAreaField, TextField, currency_options, form_errors,
};
use crate::components::page_meta::PageMeta;
use crate::components::post_form::PostForm;
use crate::components::status::forbid_caching;
use crate::domain::InquiryId;
use crate::domain::deal::{InquiryStatus, InquiryView, Quotation, Side, money};
use crate::domain::text::utc_minute;
use crate::error::{AppError, FieldError};
use crate::i18n::*;
use crate::links::{inquiry_path, order_path};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn InquiryPage() -> impl IntoView {
    forbid_caching();
    let data = super::by_path_id::<InquiryId, _, _, _>(get_inquiry);
    loaded(data, inquiry_view)
}

fn inquiry_view(inquiry: InquiryView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let terms = &inquiry.terms;
    let title = t_string!(
        i18n,
        inquiry_title,
        id = inquiry.id.0,
        product = terms.product_title.clone()
    )
    .to_string();
    let with = match inquiry.reader {
        Side::Buyer => inquiry.exhibitor.name.get(locale).to_owned(),
        Side::Exhibitor => format!(
            "{} · {} · {}",
            inquiry.buyer.name,
            inquiry.buyer.company,
            inquiry.buyer.country.name(locale)
        ),
    };
    let target = terms
        .target_price_cents
        .map(|cents| money(cents, terms.currency))
        .unwrap_or_else(|| "—".to_owned());
    let destination = format!(
        "{} {}, {}",
        terms.incoterm.code(),
        terms.destination_place,
        terms.destination_country.name(locale)
    );
    let now = inquiry.now;
    let quotations = inquiry
        .quotations
        .iter()
        .map(|q| quotation_item(q, now, &terms.unit))
        .collect_view();
    let latest = inquiry.quotations.last().cloned();
    let open = matches!(
        inquiry.status,
        InquiryStatus::Open | InquiryStatus::Quoted | InquiryStatus::Countered
    );
    let turn = match inquiry.reader {
        Side::Exhibitor if open => quotation_form(&inquiry, latest.as_ref(), errors),
        Side::Buyer => match latest.filter(|q| q.open_at(now)) {
            Some(quotation) => answer_forms(inquiry.id, &quotation, errors),
            None => ().into_any(),
        },
        Side::Exhibitor => ().into_any(),
    };
    let order = inquiry.order.map(|order| {
        view! { <p class="deal-next"><a href=order_path(order)>{t!(i18n, inquiry_see_order, id = order.0)}</a></p> }
    });
    let status = inquiry_status(i18n, inquiry.status);
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=inquiry_path(inquiry.id) />
        <section class="deal">
            <p><a href="/messages?show=inquiries">{t!(i18n, inbox_inquiries)}</a></p>
            <h1>{title}</h1>
            <p>{with}" · "<span class="badge deal-status">{status}</span></p>
            <dl class="deal-terms">
                <dt>{t!(i18n, inquiry_quantity_label)}</dt><dd>{format!("{} {}", terms.quantity, terms.unit)}</dd>
                <dt>{t!(i18n, inquiry_target_price)}</dt><dd>{target}</dd>
                <dt>{t!(i18n, inquiry_delivery)}</dt><dd>{destination}</dd>
                <dt>{t!(i18n, inquiry_sent)}</dt><dd><time>{utc_minute(inquiry.created_at)}</time></dd>
            </dl>
            {(!terms.message.is_empty()).then(|| view! { <blockquote class="deal-message">{terms.message.clone()}</blockquote> })}
            <h2>{t!(i18n, quotations_title)}</h2>
            {inquiry.quotations.is_empty().then(|| view! { <p class="muted">{t!(i18n, quotations_none)}</p> })}
            <ol class="quotation-list">{quotations}</ol>
            <FormAlert errors summarize=true />
            {turn}
            {order}
        </section>
    }
    .into_any()
}

fn quotation_item(q: &Quotation, now: i64, unit: &str) -> AnyView {
    let i18n = use_i18n();
    let status = quotation_status(i18n, q.status, now > q.valid_until);
    let counter = q.counter.as_ref().map(|counter| {
        let text = t_string!(
            i18n,
            quotation_countered_with,
            price = money(counter.unit_price_cents, q.currency),
            quantity = counter.quantity
        )
        .to_string();
        view! { <p class="quotation-counter">{text}</p> }
    });
    let answer_note = (!q.answer_note.is_empty())
        .then(|| view! { <blockquote>{q.answer_note.clone()}</blockquote> });
    let note = (!q.note.is_empty()).then(|| view! { <blockquote>{q.note.clone()}</blockquote> });
    view! {
        <li class="quotation" data-quotation=q.id.0>
            <p>
                <strong>{t!(i18n, quotation_number, id = q.id.0)}</strong>" · "{q.author_name.clone()}" · "
                <time>{utc_minute(q.created_at)}</time>" · "<span class="badge deal-status">{status}</span>
            </p>
            <dl class="deal-terms">
                <dt>{t!(i18n, quotation_unit_price)}</dt><dd>{money(q.unit_price_cents, q.currency)}</dd>
                <dt>{t!(i18n, inquiry_quantity_label)}</dt><dd>{format!("{} {unit}", q.quantity)}</dd>
                <dt>{t!(i18n, field_moq)}</dt><dd>{q.moq}</dd>
                <dt>{t!(i18n, field_lead_time)}</dt><dd>{q.lead_time_days}</dd>
                <dt>{t!(i18n, quotation_valid_until)}</dt><dd><time>{utc_minute(q.valid_until)}</time></dd>
            </dl>
            {note}
            {counter}
            {answer_note}
        </li>
    }
    .into_any()
}

/// The team's quotation form, filled in from the latest counter-offer or the inquiry.
fn quotation_form(
    inquiry: &InquiryView,
    latest: Option<&Quotation>,
    errors: Signal<Vec<FieldError>>,
) -> AnyView {
    let i18n = use_i18n();
    let query = use_query_map();
    let typed =
        move |key: &str, default: String| query.read_untracked().get(key).unwrap_or(default);
    let terms = &inquiry.terms;
    let counter = latest.and_then(|q| q.counter.clone());
    let quantity = counter.as_ref().map_or(terms.quantity, |c| c.quantity);
    let price = counter
        .as_ref()
        .map(|c| c.unit_price_cents)
        .or(terms.target_price_cents)
        .map(crate::domain::product_edit::amount)
        .unwrap_or_default();
    let currency = typed("currency", terms.currency.code().to_owned());
    let moq = latest.map_or(quantity.min(terms.quantity), |q| q.moq.min(quantity));
    let lead = latest.map_or(30, |q| q.lead_time_days);
    let inquiry = inquiry.id.0;
    view! {
        <PostForm<SendQuotation> class="deal-form">
            <h2>{t!(i18n, quotation_new)}</h2>
            <input type="hidden" name="inquiry" value=inquiry />
            <TextField name="form[unit_price]" id="unit_price" label=t_string!(i18n, quotation_unit_price).to_string()
                value=typed("unit_price", price) errors />
            <SelectField name="form[currency]" id="currency" label=t_string!(i18n, field_currency).to_string() errors>
                {currency_options(&currency)}
            </SelectField>
            <TextField name="form[quantity]" id="quantity" kind="number" label=t_string!(i18n, inquiry_quantity_label).to_string()
                value=typed("quantity", quantity.to_string()) errors />
            <TextField name="form[moq]" id="moq" kind="number" label=t_string!(i18n, field_moq).to_string()
                value=typed("moq", moq.to_string()) errors />
            <TextField name="form[lead_time_days]" id="lead_time_days" kind="number" label=t_string!(i18n, field_lead_time).to_string()
                value=typed("lead_time_days", lead.to_string()) errors />
            <TextField name="form[valid_days]" id="valid_days" kind="number" label=t_string!(i18n, quotation_valid_days).to_string()
                value=typed("valid_days", "14".to_owned()) errors />
            <TextAreaField name="form[note]" id="note" rows=3 label=t_string!(i18n, quotation_note).to_string()
                value=typed("note", String::new()) errors />
            <button type="submit">{t!(i18n, quotation_send)}</button>
        </PostForm<SendQuotation>>
    }
    .into_any()
}

/// The buyer's three answers to an open quotation.
fn answer_forms(
    inquiry: InquiryId,
    quotation: &Quotation,
    errors: Signal<Vec<FieldError>>,
) -> AnyView {
    let i18n = use_i18n();
    let total = crate::domain::deal::total_cents(quotation.quantity, quotation.unit_price_cents)
        .map(|cents| money(cents, quotation.currency))
        .unwrap_or_default();
    let (quotation, quantity) = (quotation.id.0, quotation.quantity);
    let hidden = move || {
        view! {
            <input type="hidden" name="inquiry" value=inquiry.0 />
            <input type="hidden" name="quotation" value=quotation />
        }
    };
    view! {
        <div class="deal-answers">
            <PostForm<AnswerQuotation> class="deal-form">
                <h2>{t!(i18n, answer_accept_title)}</h2>
                <p>{t!(i18n, answer_accept_total, total = total)}</p>
                {hidden()}
                <input type="hidden" name="form[answer]" value="accept" />
                <button type="submit">{t!(i18n, answer_accept)}</button>
            </PostForm<AnswerQuotation>>
            <PostForm<AnswerQuotation> class="deal-form">
                <h2>{t!(i18n, answer_counter_title)}</h2>
                {hidden()}
                <input type="hidden" name="form[answer]" value="counter" />
                <TextField name="form[counter_price]" id="counter_price" label=t_string!(i18n, answer_counter_price).to_string() errors />
                <TextField name="form[counter_quantity]" id="counter_quantity" kind="number"
                    label=t_string!(i18n, inquiry_quantity_label).to_string() value=quantity.to_string() errors />
                <TextAreaField name="form[note]" id="counter_note" rows=3 label=t_string!(i18n, quotation_note).to_string() errors />
                <button type="submit">{t!(i18n, answer_counter)}</button>
            </PostForm<AnswerQuotation>>
            <PostForm<AnswerQuotation> class="deal-form">
                {hidden()}
                <input type="hidden" name="form[answer]" value="decline" />
                <button type="submit" class="secondary">{t!(i18n, answer_decline)}</button>
            </PostForm<AnswerQuotation>>
        </div>
    }
    .into_any()
}
