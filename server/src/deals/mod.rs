//! The Deals port: inquiries, quotations, orders and contracts. Every call checks that the
//! actor is a party (`Action::Negotiate`), then the side's own right: the team sells
//! (`Sell`), the buyer buys (`Buy`), only the team's owner signs for it (`SignFor`).

pub mod contract;
pub mod download;

use crate::accounts::allowances::{DailyAllowances, Started};
use crate::storage::Db;
use crate::storage::contracts::{NewSignature, StoredContract};
use crate::storage::conversations::Parties;
use crate::storage::deals::Dealer;
use app::domain::deal::{
    Answer, Contract, DealLists, InquiryDraft, InquiryView, OrderStatus, OrderView, PublicContract,
    Side, ValidInquiry, ValidQuotation,
};
use app::domain::{
    Action, CurrentUser, InquiryId, OrderId, ProductId, QuotationId, StreamId, authorize,
};
use app::error::AppError;
use app::error::ErrorCode;
use app::ports::{Deals, SignedFrom};

pub struct DealService {
    pub db: Db,
    /// How many inquiries a buyer may send a day.
    pub daily: DailyAllowances,
}

/// The signed-in actor, if they are a party, and the side they act for.
fn party(actor: Option<&CurrentUser>, parties: Parties) -> Result<(&CurrentUser, Side), AppError> {
    let Parties { buyer, exhibitor } = parties;
    authorize(actor, Action::Negotiate { buyer, exhibitor })?;
    let user = actor.ok_or(AppError::Unauthenticated)?;
    let side = match user.team {
        Some(team) if team.exhibitor == exhibitor => Side::Exhibitor,
        _ => Side::Buyer,
    };
    Ok((user, side))
}

/// The right to move an order for `side` of a deal between `parties`.
fn acts_for(side: Side, parties: Parties) -> Action {
    match side {
        Side::Buyer => Action::Buy(parties.buyer),
        Side::Exhibitor => Action::Sell(parties.exhibitor),
    }
}

fn contract_view(stored: StoredContract) -> Contract {
    Contract {
        intact: contract::intact(&stored.body, &stored.sha256, &stored.signatures),
        token: stored.token,
        body: stored.body,
        sha256: stored.sha256,
        signatures: stored.signatures,
        created_at: stored.created_at,
    }
}

#[async_trait::async_trait]
impl Deals for DealService {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), product = product.0))]
    async fn get_inquiry_draft(
        &self,
        actor: Option<&CurrentUser>,
        product: ProductId,
    ) -> Result<InquiryDraft, AppError> {
        actor.ok_or(AppError::Unauthenticated)?;
        let draft = self.db.inquiry_draft(product).await?;
        authorize(actor, Action::ContactExhibitor(draft.exhibitor.id))?;
        Ok(draft)
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), product = product.0))]
    async fn insert_inquiry(
        &self,
        actor: Option<&CurrentUser>,
        product: ProductId,
        inquiry: ValidInquiry,
        from_stream: Option<StreamId>,
    ) -> Result<InquiryId, AppError> {
        let draft = self.get_inquiry_draft(actor, product).await?;
        let user = actor.ok_or(AppError::Unauthenticated)?;
        self.daily
            .check(&self.db, user.id, Started::Inquiries)
            .await?;
        self.db
            .insert_inquiry(user.id, product, draft.exhibitor.id, &inquiry, from_stream)
            .await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn get_inquiry(
        &self,
        actor: Option<&CurrentUser>,
        id: InquiryId,
    ) -> Result<InquiryView, AppError> {
        let (_, side) = party(actor, self.db.inquiry_parties(id).await?)?;
        self.db.inquiry_view(id, side).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), inquiry = inquiry.0))]
    async fn insert_quotation(
        &self,
        actor: Option<&CurrentUser>,
        inquiry: InquiryId,
        quotation: ValidQuotation,
    ) -> Result<QuotationId, AppError> {
        let parties = self.db.inquiry_parties(inquiry).await?;
        let (user, _) = party(actor, parties)?;
        authorize(actor, Action::Sell(parties.exhibitor))?;
        self.db.insert_quotation(inquiry, user.id, &quotation).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), quotation = quotation.0))]
    async fn answer_quotation(
        &self,
        actor: Option<&CurrentUser>,
        quotation: QuotationId,
        answer: Answer,
    ) -> Result<(InquiryId, Option<OrderId>), AppError> {
        let (inquiry, parties) = self.db.quotation_parties(quotation).await?;
        let (user, _) = party(actor, parties)?;
        authorize(actor, Action::Buy(parties.buyer))?;
        match answer {
            Answer::Accept => {
                let order = self
                    .db
                    .accept_quotation(quotation, user.id, contract::draft)
                    .await?;
                Ok((inquiry, Some(order)))
            }
            answer => {
                self.db
                    .answer_quotation(quotation, inquiry, user.id, &answer)
                    .await?;
                Ok((inquiry, None))
            }
        }
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn get_order(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
    ) -> Result<OrderView, AppError> {
        let parties = self.db.order_parties(id).await?;
        let (_, side) = party(actor, parties)?;
        let terms = self.db.order_terms(id).await?;
        let history = self.db.order_history(id).await?;
        let contract = contract_view(self.db.order_contract(id).await?);
        let reader_may_sign = match side {
            Side::Buyer => true,
            Side::Exhibitor => authorize(actor, Action::SignFor(parties.exhibitor)).is_ok(),
        };
        Ok(OrderView {
            terms,
            history,
            contract,
            reader: side,
            reader_may_sign,
        })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0, to = ?to))]
    async fn move_order(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
        to: OrderStatus,
    ) -> Result<(), AppError> {
        let parties = self.db.order_parties(id).await?;
        let (user, side) = party(actor, parties)?;
        authorize(actor, acts_for(side, parties))?;
        let from = self.db.order_terms(id).await?.status;
        if !from.may_become(to, side) {
            return Err(AppError::Conflict(ErrorCode::OrderStatusInvalid));
        }
        self.db.move_order(id, from, to, user.id).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn sign_contract(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
        sha256: &str,
        signer_name: String,
        from: SignedFrom,
    ) -> Result<(), AppError> {
        let parties = self.db.order_parties(id).await?;
        let (user, side) = party(actor, parties)?;
        authorize(
            actor,
            match side {
                Side::Buyer => Action::Buy(parties.buyer),
                Side::Exhibitor => Action::SignFor(parties.exhibitor),
            },
        )?;
        if self.db.order_terms(id).await?.status == OrderStatus::Cancelled {
            return Err(AppError::Conflict(ErrorCode::OrderCancelled));
        }
        let stored = self.db.order_contract(id).await?;
        if !contract::intact(&stored.body, &stored.sha256, &stored.signatures) {
            return Err(AppError::internal(format!(
                "the contract of order {id} no longer matches its hash"
            )));
        }
        if sha256.trim() != stored.sha256 {
            return Err(AppError::Conflict(ErrorCode::ContractChanged));
        }
        self.db
            .insert_signature(
                stored.id,
                &NewSignature {
                    party: side,
                    signer: user.id,
                    signer_name: &signer_name,
                    sha256: &stored.sha256,
                    ip: &from.ip,
                    user_agent: &from.user_agent,
                },
            )
            .await
    }

    #[tracing::instrument(skip_all)]
    async fn get_contract(&self, token: &str) -> Result<PublicContract, AppError> {
        let stored = self.db.contract_by_token(token).await?;
        let order = stored.order;
        let mut contract = contract_view(stored);
        // Where each party signed from is theirs to see, not the public's.
        for signature in &mut contract.signatures {
            signature.ip.clear();
            signature.user_agent.clear();
        }
        Ok(PublicContract { order, contract })
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0)))]
    async fn list_deals(&self, actor: Option<&CurrentUser>) -> Result<DealLists, AppError> {
        let user = actor.ok_or(AppError::Unauthenticated)?;
        let dealer = match user.team {
            Some(team) => Dealer::Team(team.exhibitor),
            None => Dealer::Buyer(user.id),
        };
        self.db.list_deals(dealer).await
    }
}
