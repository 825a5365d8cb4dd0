//! One order (`/orders/{id}`): its terms, where it stands and how it got there, the buttons
//! that move it on for the reader's side, and its contract with the SHA-256 of the exact
//! text, the signatures and the form to sign. Only the two parties can open it.

use super::loaded;
use crate::api::deals::get_order;
use crate::api::deals::{MoveOrder, SignContract};
use crate::components::contract_text::ContractText;
use crate::components::deal_status::{order_action, order_status, side_name};
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::post_form::PostForm;
use crate::components::status::forbid_caching;
use crate::domain::OrderId;
use crate::domain::deal::{OrderStatus, OrderView, money};
use crate::domain::text::utc_minute;
use crate::error::AppError;
use crate::i18n::*;
use crate::links::{contract_file_path, contract_path, inquiry_path, order_path};
use leptos::prelude::*;

#[component]
pub fn OrderPage() -> impl IntoView {
    forbid_caching();
    let data = super::by_path_id::<OrderId, _, _, _>(get_order);
    loaded(data, order_view)
}

fn order_view(order: OrderView) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let title = t_string!(i18n, order_title, id = order.terms.id.0).to_string();
    let seller = order.terms.exhibitor.name.get(locale).to_owned();
    let buyer = format!(
        "{} · {} · {}",
        order.terms.buyer.name,
        order.terms.buyer.company,
        order.terms.buyer.country.name(locale)
    );
    let delivery = format!(
        "{} {}, {}",
        order.terms.incoterm.code(),
        order.terms.destination_place,
        order.terms.destination_country.name(locale)
    );
    let history = order
        .history
        .iter()
        .map(|event| {
            view! {
                <li><time>{utc_minute(event.at)}</time>" · "{order_status(i18n, event.status)}" · "{event.by.clone()}</li>
            }
        })
        .collect_view();
    let actions = order
        .terms
        .status
        .next_for(order.reader)
        .into_iter()
        .map(|to| {
            let class = if to == OrderStatus::Cancelled {
                "secondary"
            } else {
                ""
            };
            view! {
                <PostForm<MoveOrder> class="inline-form">
                    <input type="hidden" name="order" value=order.terms.id.0 />
                    <input type="hidden" name="status" value=to.as_str() />
                    <button type="submit" class=class>{order_action(i18n, to)}</button>
                </PostForm<MoveOrder>>
            }
        })
        .collect_view();
    let contract = &order.contract;
    let signatures = contract
        .signatures
        .iter()
        .map(|s| {
            let text = t_string!(
                i18n,
                contract_signed_by,
                side = side_name(i18n, s.party),
                name = s.signer_name.clone(),
                at = utc_minute(s.signed_at)
            )
            .to_string();
            let from = t_string!(i18n, contract_signed_from, ip = s.ip.clone(), agent = s.user_agent.clone()).to_string();
            view! { <li class="signature" data-party=s.party.as_str()>{text}<br /><span class="muted">{from}</span></li> }
        })
        .collect_view();
    let signed_by_reader = contract.signed_by(order.reader).is_some();
    let may_sign =
        order.reader_may_sign && !signed_by_reader && order.terms.status != OrderStatus::Cancelled;
    let (order_id, sha256) = (order.terms.id.0, contract.sha256.clone());
    let sign_form = may_sign.then(|| {
        view! {
            <PostForm<SignContract> class="deal-form sign-form">
                <h3>{t!(i18n, contract_sign_title)}</h3>
                <p>{t!(i18n, contract_sign_intro)}</p>
                <input type="hidden" name="order" value=order_id />
                <input type="hidden" name="sha256" value=sha256 />
                <TextField name="signer_name" id="signer_name" autocomplete="name"
                    label=t_string!(i18n, contract_signer_name).to_string() errors />
                <TextField name="confirmation" id="confirmation" kind="password" autocomplete="current-password"
                    label=t_string!(i18n, contract_confirmation).to_string() errors />
                <button type="submit">{t!(i18n, contract_sign)}</button>
            </PostForm<SignContract>>
        }
    });
    let waiting_for_owner = (!order.reader_may_sign && !signed_by_reader)
        .then(|| view! { <p class="muted">{t!(i18n, contract_owner_signs)}</p> });
    let fully_signed = contract.fully_signed();
    let verify = contract_path(&contract.token);
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=order_path(order.terms.id) />
        <section class="deal">
            <p><a href="/messages?show=orders">{t!(i18n, inbox_orders)}</a></p>
            <h1>{title}</h1>
            <p><span class="badge deal-status" id="order-status">{order_status(i18n, order.terms.status)}</span></p>
            <dl class="deal-terms">
                <dt>{t!(i18n, deal_seller)}</dt><dd>{seller}</dd>
                <dt>{t!(i18n, deal_buyer)}</dt><dd>{buyer}</dd>
                <dt>{t!(i18n, order_goods)}</dt><dd>{order.terms.product_title.clone()}</dd>
                <dt>{t!(i18n, inquiry_quantity_label)}</dt><dd>{format!("{} {}", order.terms.quantity, order.terms.unit)}</dd>
                <dt>{t!(i18n, quotation_unit_price)}</dt><dd>{money(order.terms.unit_price_cents, order.terms.currency)}</dd>
                <dt>{t!(i18n, order_total)}</dt><dd>{money(order.terms.total_cents, order.terms.currency)}</dd>
                <dt>{t!(i18n, inquiry_delivery)}</dt><dd>{delivery}</dd>
                <dt>{t!(i18n, field_lead_time)}</dt><dd>{order.terms.lead_time_days}</dd>
            </dl>
            <p><a href=inquiry_path(order.terms.inquiry)>{t!(i18n, order_see_inquiry)}</a></p>
            <FormAlert errors summarize=true />
            <div class="order-actions">{actions}</div>
            <h2>{t!(i18n, order_history)}</h2>
            <ol class="order-history">{history}</ol>
            <h2>{t!(i18n, contract_title)}</h2>
            <ContractText contract=contract.clone() />
            <ul class="signatures">{signatures}</ul>
            {fully_signed.then(|| view! { <p class="deal-next" id="contract-signed">{t!(i18n, contract_fully_signed)}</p> })}
            {sign_form}
            {waiting_for_owner}
            <p>
                <a href=contract_file_path(&contract.token) download="">{t!(i18n, contract_download)}</a>" · "
                <a href=verify id="contract-verify-link">{t!(i18n, contract_verify_link)}</a>
            </p>
        </section>
    }
    .into_any()
}
