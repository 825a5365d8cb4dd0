//! What the deal pages show: an inquiry with its quotations, an order, its contract, the lists.

use super::{Incoterm, InquiryStatus, OrderStatus, QuotationStatus, Side};
use crate::domain::conversation::{ConversationBuyer, ConversationExhibitor};
use crate::domain::money::Currency;
use crate::domain::{CountryCode, InquiryId, Localized, OrderId, ProductId, QuotationId, UserId};
use serde::{Deserialize, Serialize};

/// The product an inquiry is about, as the form to ask about it shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryDraft {
    pub product: ProductId,
    pub title: Localized,
    pub unit: Localized,
    pub moq: i64,
    pub currency: Currency,
    pub exhibitor: ConversationExhibitor,
}

/// The buyer's terms of an inquiry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryTerms {
    pub product: Option<ProductId>,
    pub product_title: String,
    pub unit: String,
    pub quantity: i64,
    pub target_price_cents: Option<i64>,
    pub currency: Currency,
    pub incoterm: Incoterm,
    pub destination_country: CountryCode,
    pub destination_place: String,
    pub message: String,
}

/// A counter-offer on a quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counter {
    pub unit_price_cents: i64,
    pub quantity: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    pub id: QuotationId,
    pub author_name: String,
    pub quantity: i64,
    pub unit_price_cents: i64,
    pub currency: Currency,
    pub moq: i64,
    pub lead_time_days: i64,
    /// Unix seconds; the buyer can accept it until then.
    pub valid_until: i64,
    pub note: String,
    pub status: QuotationStatus,
    pub counter: Option<Counter>,
    pub answer_note: String,
    pub created_at: i64,
}

impl Quotation {
    /// Whether the buyer can still accept it at `now` (unix seconds).
    pub fn open_at(&self, now: i64) -> bool {
        self.status == QuotationStatus::Offered && now <= self.valid_until
    }
}

/// An inquiry with its quotations, oldest first, as one side sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquiryView {
    pub id: InquiryId,
    pub buyer: ConversationBuyer,
    pub exhibitor: ConversationExhibitor,
    pub terms: InquiryTerms,
    pub status: InquiryStatus,
    pub created_at: i64,
    pub quotations: Vec<Quotation>,
    pub order: Option<OrderId>,
    pub reader: Side,
    /// The server's clock when it answered (unix seconds), to tell what has expired.
    pub now: i64,
}

/// One change of an order's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEvent {
    pub status: OrderStatus,
    pub by: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub party: Side,
    pub signer: UserId,
    pub signer_name: String,
    pub signed_at: i64,
    /// The SHA-256 the signer was shown and agreed to.
    pub sha256: String,
    /// Where it was signed from: the address and the browser. Only the parties see them.
    pub ip: String,
    pub user_agent: String,
}

/// A contract: its exact text, the SHA-256 recorded for it, and who signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contract {
    pub token: String,
    pub body: String,
    pub sha256: String,
    /// Whether the text still hashes to `sha256` (checked as the server answers).
    pub intact: bool,
    pub signatures: Vec<Signature>,
    pub created_at: i64,
}

impl Contract {
    pub fn signed_by(&self, party: Side) -> Option<&Signature> {
        self.signatures.iter().find(|s| s.party == party)
    }

    pub fn fully_signed(&self) -> bool {
        self.signed_by(Side::Buyer).is_some() && self.signed_by(Side::Exhibitor).is_some()
    }
}

/// An order's terms and parties: what its page and its contract say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderTerms {
    pub id: OrderId,
    pub inquiry: InquiryId,
    pub quotation: QuotationId,
    pub quotation_at: i64,
    pub buyer: ConversationBuyer,
    pub exhibitor: ConversationExhibitor,
    pub exhibitor_country: CountryCode,
    pub product_title: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price_cents: i64,
    pub currency: Currency,
    pub total_cents: i64,
    pub incoterm: Incoterm,
    pub destination_country: CountryCode,
    pub destination_place: String,
    pub lead_time_days: i64,
    pub status: OrderStatus,
    pub placed_at: i64,
}

/// An order, as one side sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    /// Flattened: an order and its terms read as one JSON object.
    #[serde(flatten)]
    pub terms: OrderTerms,
    pub history: Vec<OrderEvent>,
    pub contract: Contract,
    pub reader: Side,
    /// Whether the reader may sign for their side (an exhibitor signs through its owner).
    pub reader_may_sign: bool,
}

/// A contract as anyone with its link sees it: no addresses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicContract {
    pub order: OrderId,
    pub contract: Contract,
}

/// An inquiry in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquirySummary {
    pub id: InquiryId,
    pub with: String,
    pub product_title: String,
    pub quantity: i64,
    pub status: InquiryStatus,
    pub updated_at: i64,
}

/// An order in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: OrderId,
    pub with: String,
    pub product_title: String,
    pub total_cents: i64,
    pub currency: Currency,
    pub status: OrderStatus,
    pub updated_at: i64,
}

/// A person's inquiries and orders, the latest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealLists {
    pub inquiries: Vec<InquirySummary>,
    pub orders: Vec<OrderSummary>,
}
