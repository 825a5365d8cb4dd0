//! Deals: a buyer's inquiry about a product, the exhibitor's quotations and the buyer's
//! answers (accept, counter, decline), the order an accepted quotation becomes, and the
//! contract both parties sign. Forms hold strings as typed; `validate` turns one into its
//! valid value or into every problem at once, each a field and a message code.

use super::conversation::{ConversationBuyer, ConversationExhibitor, MESSAGE_CHARS_MAX};
use super::money::Currency;
use super::product_edit::{LEAD_TIME_MAX_DAYS, MOQ_MAX, parse_cents};
use super::text::grouped;
use super::{CountryCode, InquiryId, Localized, OrderId, ProductId, QuotationId, UserId};
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// The longest place of delivery (a port or a city).
pub const PLACE_CHARS_MAX: usize = 100;
/// The longest signature (the signer's name as typed).
pub const SIGNER_CHARS_MAX: usize = 120;
/// The most an order may be worth, in minor units (100 billion).
pub const TOTAL_MAX_CENTS: i64 = 10_000_000_000_000;
/// How long a quotation may stay open, in days.
pub const VALID_DAYS_MAX: i64 = 90;

/// The Incoterms 2020 rules a delivery is agreed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Incoterm {
    Exw,
    Fca,
    Fas,
    Fob,
    Cfr,
    Cif,
    Cpt,
    Cip,
    Dap,
    Dpu,
    Ddp,
}

impl Incoterm {
    pub const ALL: [Incoterm; 11] = [
        Incoterm::Exw,
        Incoterm::Fca,
        Incoterm::Fas,
        Incoterm::Fob,
        Incoterm::Cfr,
        Incoterm::Cif,
        Incoterm::Cpt,
        Incoterm::Cip,
        Incoterm::Dap,
        Incoterm::Dpu,
        Incoterm::Ddp,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Incoterm::Exw => "EXW",
            Incoterm::Fca => "FCA",
            Incoterm::Fas => "FAS",
            Incoterm::Fob => "FOB",
            Incoterm::Cfr => "CFR",
            Incoterm::Cif => "CIF",
            Incoterm::Cpt => "CPT",
            Incoterm::Cip => "CIP",
            Incoterm::Dap => "DAP",
            Incoterm::Dpu => "DPU",
            Incoterm::Ddp => "DDP",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Incoterm::ALL.into_iter().find(|term| term.code() == code)
    }
}

/// Which side of a deal a person acts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Buyer,
    Exhibitor,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Buyer => "buyer",
            Side::Exhibitor => "exhibitor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Side::Buyer, Side::Exhibitor]
            .into_iter()
            .find(|side| side.as_str() == s)
    }
}

status_type!(
    /// Where an inquiry stands: whose turn it is, or how it ended.
    InquiryStatus {
        /// Waiting for the exhibitor's quotation.
        Open => "open",
        /// Waiting for the buyer's answer to a quotation.
        Quoted => "quoted",
        /// The buyer countered; waiting for a new quotation.
        Countered => "countered",
        Declined => "declined",
        Ordered => "ordered",
    }
);

status_type!(
    /// What became of a quotation.
    QuotationStatus {
        Offered => "offered",
        Accepted => "accepted",
        Countered => "countered",
        Declined => "declined",
        /// A newer quotation replaced it before the buyer answered.
        Superseded => "superseded",
    }
);

status_type!(
    /// An order, as both sides see it.
    OrderStatus {
        Placed => "placed",
        Confirmed => "confirmed",
        Shipped => "shipped",
        Completed => "completed",
        Cancelled => "cancelled",
    }
);

impl OrderStatus {
    /// Whether `side` may move an order from this status to `to`: the exhibitor confirms and
    /// ships, the buyer confirms receipt, either side cancels before shipping.
    pub fn may_become(self, to: OrderStatus, side: Side) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to, side),
            (Placed, Confirmed, Side::Exhibitor)
                | (Confirmed, Shipped, Side::Exhibitor)
                | (Shipped, Completed, Side::Buyer)
                | (Placed | Confirmed, Cancelled, _)
        )
    }

    /// The statuses `side` may move an order to from this one.
    pub fn next_for(self, side: Side) -> Vec<OrderStatus> {
        use OrderStatus::*;
        [Confirmed, Shipped, Completed, Cancelled]
            .into_iter()
            .filter(|to| self.may_become(*to, side))
            .collect()
    }
}

/// A buyer's inquiry as typed on `/inquiries/new`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InquiryForm {
    pub quantity: String,
    pub target_price: String,
    pub currency: String,
    pub incoterm: String,
    pub destination_country: String,
    pub destination_place: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidInquiry {
    pub quantity: i64,
    pub target_price_cents: Option<i64>,
    pub currency: Currency,
    pub incoterm: Incoterm,
    pub destination_country: CountryCode,
    pub destination_place: String,
    pub message: String,
}

/// Collects field errors; `finish` answers every one at once.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: &str, message: &str) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// `value` when it is there, else the error on `field`.
    fn need<T>(&mut self, value: Option<T>, field: &str, message: &str) -> Option<T> {
        if value.is_none() {
            self.add(field, message);
        }
        value
    }

    fn text(&mut self, field: &str, typed: &str, max: usize, required: bool) -> String {
        let text = typed.trim();
        if required && text.is_empty() {
            self.add(field, "required");
        } else if text.chars().count() > max {
            self.add(field, "too_long");
        }
        text.to_owned()
    }
}

fn whole(typed: &str, min: i64, max: i64) -> Option<i64> {
    typed
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

/// A price above zero, as typed.
fn price(typed: &str) -> Option<i64> {
    parse_cents(typed).filter(|cents| *cents > 0)
}

/// What `quantity` units at `unit_cents` come to, if it is not absurd.
pub fn total_cents(quantity: i64, unit_cents: i64) -> Option<i64> {
    quantity
        .checked_mul(unit_cents)
        .filter(|total| *total <= TOTAL_MAX_CENTS)
}

impl InquiryForm {
    pub fn validate(&self) -> Result<ValidInquiry, Vec<FieldError>> {
        let mut problems = Problems::default();
        let quantity = problems.need(
            whole(&self.quantity, 1, MOQ_MAX),
            "quantity",
            "number_invalid",
        );
        let target_price_cents = match self.target_price.trim() {
            "" => Some(None),
            typed => problems
                .need(price(typed), "target_price", "price_invalid")
                .map(Some),
        };
        let currency = problems.need(
            Currency::parse(self.currency.trim()),
            "currency",
            "currency_unknown",
        );
        let incoterm = problems.need(
            Incoterm::parse(self.incoterm.trim()),
            "incoterm",
            "choose_one",
        );
        let destination_country = problems.need(
            CountryCode::parse(self.destination_country.trim()),
            "destination_country",
            "country_unknown",
        );
        let destination_place = problems.text(
            "destination_place",
            &self.destination_place,
            PLACE_CHARS_MAX,
            true,
        );
        let message = problems.text("message", &self.message, MESSAGE_CHARS_MAX, false);
        if let (Some(quantity), Some(Some(target))) = (quantity, target_price_cents)
            && total_cents(quantity, target).is_none()
        {
            problems.add("target_price", "total_too_large");
        }
        match (
            quantity,
            target_price_cents,
            currency,
            incoterm,
            destination_country,
        ) {
            (
                Some(quantity),
                Some(target_price_cents),
                Some(currency),
                Some(incoterm),
                Some(destination_country),
            ) if problems.0.is_empty() => Ok(ValidInquiry {
                quantity,
                target_price_cents,
                currency,
                incoterm,
                destination_country,
                destination_place,
                message,
            }),
            _ => Err(problems.0),
        }
    }
}

/// An exhibitor's quotation as typed on an inquiry's page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuotationForm {
    pub quantity: String,
    pub unit_price: String,
    pub currency: String,
    pub moq: String,
    pub lead_time_days: String,
    pub valid_days: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidQuotation {
    pub quantity: i64,
    pub unit_price_cents: i64,
    pub currency: Currency,
    pub moq: i64,
    pub lead_time_days: i64,
    pub valid_days: i64,
    pub note: String,
}

impl QuotationForm {
    pub fn validate(&self) -> Result<ValidQuotation, Vec<FieldError>> {
        let mut problems = Problems::default();
        let quantity = problems.need(
            whole(&self.quantity, 1, MOQ_MAX),
            "quantity",
            "number_invalid",
        );
        let unit_price_cents =
            problems.need(price(&self.unit_price), "unit_price", "price_invalid");
        let currency = problems.need(
            Currency::parse(self.currency.trim()),
            "currency",
            "currency_unknown",
        );
        let moq = problems.need(whole(&self.moq, 1, MOQ_MAX), "moq", "number_invalid");
        let lead_time_days = problems.need(
            whole(&self.lead_time_days, 0, LEAD_TIME_MAX_DAYS),
            "lead_time_days",
            "number_invalid",
        );
        let valid_days = problems.need(
            whole(&self.valid_days, 1, VALID_DAYS_MAX),
            "valid_days",
            "number_invalid",
        );
        let note = problems.text("note", &self.note, MESSAGE_CHARS_MAX, false);
        if let (Some(quantity), Some(moq)) = (quantity, moq)
            && quantity < moq
        {
            problems.add("quantity", "quantity_below_moq");
        }
        if let (Some(quantity), Some(price)) = (quantity, unit_price_cents)
            && total_cents(quantity, price).is_none()
        {
            problems.add("unit_price", "total_too_large");
        }
        match (
            quantity,
            unit_price_cents,
            currency,
            moq,
            lead_time_days,
            valid_days,
        ) {
            (
                Some(quantity),
                Some(unit_price_cents),
                Some(currency),
                Some(moq),
                Some(lead_time_days),
                Some(valid_days),
            ) if problems.0.is_empty() => Ok(ValidQuotation {
                quantity,
                unit_price_cents,
                currency,
                moq,
                lead_time_days,
                valid_days,
                note,
            }),
            _ => Err(problems.0),
        }
    }
}

/// The buyer's answer to a quotation. A counter-offer names the price (and quantity) the
/// buyer would accept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    /// `accept`, `counter` or `decline`.
    pub answer: String,
    pub counter_price: String,
    pub counter_quantity: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Counter {
        unit_price_cents: i64,
        quantity: i64,
        note: String,
    },
    Decline {
        note: String,
    },
}

impl AnswerForm {
    pub fn validate(&self) -> Result<Answer, Vec<FieldError>> {
        let mut problems = Problems::default();
        let note = problems.text("note", &self.note, MESSAGE_CHARS_MAX, false);
        let answer = match self.answer.as_str() {
            "accept" => Some(Answer::Accept),
            "decline" => Some(Answer::Decline { note }),
            "counter" => {
                let price =
                    problems.need(price(&self.counter_price), "counter_price", "price_invalid");
                let quantity = problems.need(
                    whole(&self.counter_quantity, 1, MOQ_MAX),
                    "counter_quantity",
                    "number_invalid",
                );
                match (price, quantity) {
                    (Some(price), Some(quantity)) if total_cents(quantity, price).is_none() => {
                        problems.add("counter_price", "total_too_large");
                        None
                    }
                    (Some(unit_price_cents), Some(quantity)) => Some(Answer::Counter {
                        unit_price_cents,
                        quantity,
                        note,
                    }),
                    _ => None,
                }
            }
            _ => {
                problems.add("answer", "choose_one");
                None
            }
        };
        match answer {
            Some(answer) if problems.0.is_empty() => Ok(answer),
            _ => Err(problems.0),
        }
    }
}

/// The signer's name, as typed under a contract.
pub fn signer_name(typed: &str) -> Result<String, Vec<FieldError>> {
    let mut problems = Problems::default();
    let name = problems.text("signer_name", typed, SIGNER_CHARS_MAX, true);
    if problems.0.is_empty() {
        Ok(name)
    } else {
        Err(problems.0)
    }
}

/// "1,299.00 USD".
pub fn money(cents: i64, currency: Currency) -> String {
    format!(
        "{}.{:02} {}",
        grouped(cents / 100),
        cents % 100,
        currency.code()
    )
}

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

/// An order, as one side sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: OrderId,
    pub inquiry: InquiryId,
    pub buyer: ConversationBuyer,
    pub exhibitor: ConversationExhibitor,
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

pub fn inquiry_path(id: InquiryId) -> String {
    format!("/inquiries/{id}")
}

pub fn order_path(id: OrderId) -> String {
    format!("/orders/{id}")
}

/// The public page that shows and verifies a contract.
pub fn contract_path(token: &str) -> String {
    format!("/contracts/{token}")
}

/// The contract's exact text, as a file.
pub fn contract_file_path(token: &str) -> String {
    format!("/contracts/{token}/contract.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(errors: Vec<FieldError>) -> Vec<String> {
        errors
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.message))
            .collect()
    }

    #[test]
    fn a_good_inquiry_is_accepted_and_a_bad_one_reports_every_field() {
        let good = InquiryForm {
            quantity: "5000".into(),
            target_price: "2.35".into(),
            currency: "USD".into(),
            incoterm: "FOB".into(),
            destination_country: "DE".into(),
            destination_place: " Hamburg ".into(),
            message: "Samples first?".into(),
        };
        let valid = good.validate().unwrap();
        assert_eq!(valid.target_price_cents, Some(235));
        assert_eq!(valid.destination_place, "Hamburg");
        let no_target = InquiryForm {
            target_price: String::new(),
            ..good.clone()
        };
        assert_eq!(no_target.validate().unwrap().target_price_cents, None);
        let bad = InquiryForm {
            quantity: "-3".into(),
            target_price: "0".into(),
            currency: "GBP".into(),
            incoterm: "FOO".into(),
            destination_country: "XX".into(),
            destination_place: "".into(),
            message: "x".repeat(MESSAGE_CHARS_MAX + 1),
        };
        assert_eq!(
            codes(bad.validate().unwrap_err()),
            [
                "quantity:number_invalid",
                "target_price:price_invalid",
                "currency:currency_unknown",
                "incoterm:choose_one",
                "destination_country:country_unknown",
                "destination_place:required",
                "message:too_long",
            ]
        );
    }

    #[test]
    fn quotations_refuse_absurd_values() {
        let good = QuotationForm {
            quantity: "5000".into(),
            unit_price: "2.40".into(),
            currency: "USD".into(),
            moq: "1000".into(),
            lead_time_days: "30".into(),
            valid_days: "14".into(),
            note: String::new(),
        };
        assert_eq!(good.validate().unwrap().unit_price_cents, 240);
        let below_moq = QuotationForm {
            quantity: "999".into(),
            ..good.clone()
        };
        assert_eq!(
            codes(below_moq.validate().unwrap_err()),
            ["quantity:quantity_below_moq"]
        );
        let absurd = QuotationForm {
            quantity: "1000000000".into(),
            unit_price: "99999999".into(),
            moq: "1".into(),
            lead_time_days: "400".into(),
            valid_days: "0".into(),
            ..good.clone()
        };
        assert_eq!(
            codes(absurd.validate().unwrap_err()),
            [
                "lead_time_days:number_invalid",
                "valid_days:number_invalid",
                "unit_price:total_too_large",
            ]
        );
        let negative = QuotationForm {
            unit_price: "-2".into(),
            ..good
        };
        assert_eq!(
            codes(negative.validate().unwrap_err()),
            ["unit_price:price_invalid"]
        );
    }

    #[test]
    fn answers_need_a_choice_and_a_counter_needs_its_terms() {
        let answer = |answer: &str, price: &str, quantity: &str| AnswerForm {
            answer: answer.into(),
            counter_price: price.into(),
            counter_quantity: quantity.into(),
            note: String::new(),
        };
        assert_eq!(answer("accept", "", "").validate(), Ok(Answer::Accept));
        assert_eq!(
            answer("counter", "2.10", "6000").validate(),
            Ok(Answer::Counter {
                unit_price_cents: 210,
                quantity: 6000,
                note: String::new()
            })
        );
        assert_eq!(
            codes(answer("counter", "", "0").validate().unwrap_err()),
            [
                "counter_price:price_invalid",
                "counter_quantity:number_invalid"
            ]
        );
        assert_eq!(
            codes(answer("maybe", "", "").validate().unwrap_err()),
            ["answer:choose_one"]
        );
    }

    #[test]
    fn orders_move_only_forward_and_by_the_right_side() {
        use OrderStatus::*;
        assert_eq!(Placed.next_for(Side::Exhibitor), [Confirmed, Cancelled]);
        assert_eq!(Placed.next_for(Side::Buyer), [Cancelled]);
        assert_eq!(Confirmed.next_for(Side::Exhibitor), [Shipped, Cancelled]);
        assert_eq!(Shipped.next_for(Side::Buyer), [Completed]);
        assert!(Shipped.next_for(Side::Exhibitor).is_empty());
        assert!(Completed.next_for(Side::Buyer).is_empty());
        assert!(Cancelled.next_for(Side::Exhibitor).is_empty());
    }

    #[test]
    fn money_is_grouped_with_its_currency() {
        assert_eq!(money(1_234_567_89, Currency::Usd), "1,234,567.89 USD");
        assert_eq!(money(5, Currency::Eur), "0.05 EUR");
        assert_eq!(money(100_000, Currency::Cny), "1,000.00 CNY");
    }
}
