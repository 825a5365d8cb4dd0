//! Deals: inquiries, quotations, orders and their contracts. The forms are plain posts that
//! work without JavaScript and go back to their page with the errors; the service checks
//! every right.

use crate::domain::deal::{
    AnswerForm, DealLists, InquiryDraft, InquiryForm, InquiryView, OrderView, PublicContract,
    QuotationForm,
};
use crate::domain::{InquiryId, OrderId, ProductId, QuotationId};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::links::{inquiry_path, order_path};
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;

#[server(endpoint = "get_inquiry_draft")]
pub async fn get_inquiry_draft(product: ProductId) -> Result<InquiryDraft, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Deals>()?
                .get_inquiry_draft(user.as_ref(), product)
                .await
        }
        .await,
    )
}

#[server(endpoint = "send_inquiry")]
pub async fn send_inquiry(product: ProductId, form: InquiryForm) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let valid = form.validate().map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::Deals>()?
            .insert_inquiry(user.as_ref(), product, valid, None)
            .await
    }
    .await;
    let done = result
        .as_ref()
        .map(|id| inquiry_path(*id))
        .unwrap_or_default();
    let typed = [
        ("quantity", form.quantity.as_str()),
        ("target_price", &form.target_price),
        ("currency", &form.currency),
        ("incoterm", &form.incoterm),
        ("destination_country", &form.destination_country),
        ("destination_place", &form.destination_place),
        ("message", &form.message),
    ];
    session::finish(
        result,
        &done,
        &crate::links::new_inquiry_path(product),
        &typed,
    )
    .await
    .map(|_| ())
}

#[server(endpoint = "get_inquiry")]
pub async fn get_inquiry(id: InquiryId) -> Result<InquiryView, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Deals>()?
                .get_inquiry(user.as_ref(), id)
                .await
        }
        .await,
    )
}

#[server(endpoint = "send_quotation")]
pub async fn send_quotation(inquiry: InquiryId, form: QuotationForm) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let valid = form.validate().map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::Deals>()?
            .insert_quotation(user.as_ref(), inquiry, valid)
            .await
    }
    .await;
    let page = inquiry_path(inquiry);
    let typed = [
        ("quantity", form.quantity.as_str()),
        ("unit_price", &form.unit_price),
        ("currency", &form.currency),
        ("moq", &form.moq),
        ("lead_time_days", &form.lead_time_days),
        ("valid_days", &form.valid_days),
        ("note", &form.note),
    ];
    session::finish(result, &page, &page, &typed)
        .await
        .map(|_| ())
}

/// The buyer's answer to a quotation of `inquiry`; accepting goes to the new order.
#[server(endpoint = "answer_quotation")]
pub async fn answer_quotation(
    inquiry: InquiryId,
    quotation: QuotationId,
    form: AnswerForm,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let answer = form.validate().map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::Deals>()?
            .answer_quotation(user.as_ref(), quotation, answer)
            .await
    }
    .await;
    let done = match &result {
        Ok((_, Some(order))) => order_path(*order),
        Ok((inquiry, None)) => inquiry_path(*inquiry),
        Err(_) => String::new(),
    };
    let typed = [
        ("counter_price", form.counter_price.as_str()),
        ("counter_quantity", &form.counter_quantity),
        ("note", &form.note),
    ];
    session::finish(result, &done, &inquiry_path(inquiry), &typed)
        .await
        .map(|_| ())
}

#[server(endpoint = "get_order")]
pub async fn get_order(id: OrderId) -> Result<OrderView, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Deals>()?
                .get_order(user.as_ref(), id)
                .await
        }
        .await,
    )
}

/// Moves an order to `status` (`confirmed`, `shipped`, `completed` or `cancelled`).
#[server(endpoint = "move_order")]
pub async fn move_order(order: OrderId, status: String) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let to = crate::domain::deal::OrderStatus::parse(&status)
            .ok_or_else(|| AppError::invalid("status", crate::error::ErrorCode::ChooseOne))?;
        crate::ports::port::<dyn crate::ports::Deals>()?
            .move_order(user.as_ref(), order, to)
            .await
    }
    .await;
    let page = order_path(order);
    session::finish(result, &page, &page, &[]).await
}

/// Signs the order's contract for the signer's side. `sha256` is the hash shown beside the
/// text the signer read: if the contract were any other, nothing would be signed. The signer
/// proves who they are again with `confirmation`: their password, or a current code of their
/// authenticator app.
#[server(endpoint = "sign_contract")]
pub async fn sign_contract(
    order: OrderId,
    sha256: String,
    signer_name: String,
    confirmation: String,
) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        let name = crate::domain::deal::signer_name(&signer_name).map_err(AppError::Validation)?;
        crate::ports::port::<dyn crate::ports::TwoFactor>()?
            .confirm_identity(user.as_ref(), &confirmation)
            .await?;
        let from = session::signed_from().await;
        crate::ports::port::<dyn crate::ports::Deals>()?
            .sign_contract(user.as_ref(), order, &sha256, name, from)
            .await
    }
    .await;
    let page = order_path(order);
    let typed = [("signer_name", signer_name.as_str())];
    session::finish(result, &page, &page, &typed).await
}

/// A contract by its public link, for anyone who has it.
#[server(endpoint = "get_contract")]
pub async fn get_contract(token: String) -> Result<PublicContract, AppError> {
    super::with_status(
        async {
            crate::ports::port::<dyn crate::ports::Deals>()?
                .get_contract(&token)
                .await
        }
        .await,
    )
}

#[server(endpoint = "list_deals")]
pub async fn list_deals() -> Result<DealLists, AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Deals>()?
                .list_deals(user.as_ref())
                .await
        }
        .await,
    )
}
