//! Deals: inquiries, quotations, orders and their contracts.

use crate::domain::deal::{
    Answer, DealLists, InquiryDraft, InquiryView, OrderStatus, OrderView, PublicContract,
    ValidInquiry, ValidQuotation,
};
use crate::domain::{CurrentUser, InquiryId, OrderId, ProductId, QuotationId};
use crate::error::AppError;

/// Where a signature came from, as the request showed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedFrom {
    pub ip: String,
    pub user_agent: String,
}

/// Deals between a buyer and an exhibitor: inquiries, quotations, orders and their
/// contracts. Every call checks that the actor is a party, and the side's own right for
/// what only that side does.
#[async_trait::async_trait]
pub trait Deals: Send + Sync + 'static {
    /// The product a buyer is about to ask about.
    async fn get_inquiry_draft(
        &self,
        actor: Option<&CurrentUser>,
        product: ProductId,
    ) -> Result<InquiryDraft, AppError>;
    /// A buyer's inquiry about a product; `from_stream`: sent from under that stream's video
    /// (kept with the moment, when the stream is the product's exhibitor's).
    async fn insert_inquiry(
        &self,
        actor: Option<&CurrentUser>,
        product: ProductId,
        inquiry: ValidInquiry,
        from_stream: Option<crate::domain::StreamId>,
    ) -> Result<InquiryId, AppError>;
    async fn get_inquiry(
        &self,
        actor: Option<&CurrentUser>,
        id: InquiryId,
    ) -> Result<InquiryView, AppError>;
    /// The exhibitor's quotation; it replaces one the buyer has not answered yet.
    async fn insert_quotation(
        &self,
        actor: Option<&CurrentUser>,
        inquiry: InquiryId,
        quotation: ValidQuotation,
    ) -> Result<QuotationId, AppError>;
    /// The buyer's answer; accepting places the order (and drafts its contract).
    async fn answer_quotation(
        &self,
        actor: Option<&CurrentUser>,
        quotation: QuotationId,
        answer: Answer,
    ) -> Result<(InquiryId, Option<OrderId>), AppError>;
    async fn get_order(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
    ) -> Result<OrderView, AppError>;
    async fn move_order(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
        to: OrderStatus,
    ) -> Result<(), AppError>;
    /// Signs the order's contract for the actor's side; `sha256` is the hash the signer was
    /// shown, and must be the contract's.
    async fn sign_contract(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
        sha256: &str,
        signer_name: String,
        from: SignedFrom,
    ) -> Result<(), AppError>;
    /// A contract by the secret of its public link.
    async fn get_contract(&self, token: &str) -> Result<PublicContract, AppError>;
    /// The actor's inquiries and orders.
    async fn list_deals(&self, actor: Option<&CurrentUser>) -> Result<DealLists, AppError>;
}
