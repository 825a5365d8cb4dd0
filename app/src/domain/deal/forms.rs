//! The deal forms as typed (an inquiry, a quotation, an answer, a signature) and their checks.

use super::{Incoterm, PLACE_CHARS_MAX, SIGNER_CHARS_MAX, VALID_DAYS_MAX, total_cents};
use crate::domain::CountryCode;
use crate::domain::conversation::MESSAGE_CHARS_MAX;
use crate::domain::money::Currency;
use crate::domain::product_edit::{LEAD_TIME_MAX_DAYS, MOQ_MAX, parse_cents};
use crate::domain::validation::Problems;
use crate::error::ErrorCode;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

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

/// The currency as typed in `currency`.
fn currency(problems: &mut Problems, typed: &str) -> Option<Currency> {
    problems.need(
        Currency::parse(typed.trim()),
        "currency",
        ErrorCode::CurrencyUnknown,
    )
}

/// `total_too_large` on `field` when the quantity times the unit price overflows.
fn check_total(problems: &mut Problems, field: &str, quantity: Option<i64>, price: Option<i64>) {
    if let (Some(quantity), Some(price)) = (quantity, price)
        && total_cents(quantity, price).is_none()
    {
        problems.add(field, ErrorCode::TotalTooLarge);
    }
}

/// A price above zero, as typed.
fn price(typed: &str) -> Option<i64> {
    parse_cents(typed).filter(|cents| *cents > 0)
}

impl InquiryForm {
    pub fn validate(&self) -> Result<ValidInquiry, Vec<FieldError>> {
        let mut problems = Problems::default();
        let quantity = problems.number("quantity", &self.quantity, 1, MOQ_MAX);
        let target_price_cents = match self.target_price.trim() {
            "" => Some(None),
            typed => problems
                .need(price(typed), "target_price", ErrorCode::PriceInvalid)
                .map(Some),
        };
        let currency = currency(&mut problems, &self.currency);
        let incoterm = problems.need(
            Incoterm::parse(self.incoterm.trim()),
            "incoterm",
            ErrorCode::ChooseOne,
        );
        let destination_country = problems.need(
            CountryCode::parse(self.destination_country.trim()),
            "destination_country",
            ErrorCode::CountryUnknown,
        );
        let destination_place = problems.line(
            "destination_place",
            &self.destination_place,
            PLACE_CHARS_MAX,
            true,
        );
        let message = problems.text("message", &self.message, MESSAGE_CHARS_MAX, false);
        let target = target_price_cents.flatten();
        check_total(&mut problems, "target_price", quantity, target);
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
            ) if problems.is_empty() => Ok(ValidInquiry {
                quantity,
                target_price_cents,
                currency,
                incoterm,
                destination_country,
                destination_place,
                message,
            }),
            _ => Err(problems.into_errors()),
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
        let quantity = problems.number("quantity", &self.quantity, 1, MOQ_MAX);
        let unit_price_cents = problems.need(
            price(&self.unit_price),
            "unit_price",
            ErrorCode::PriceInvalid,
        );
        let currency = currency(&mut problems, &self.currency);
        let moq = problems.number("moq", &self.moq, 1, MOQ_MAX);
        let lead_time_days = problems.number(
            "lead_time_days",
            &self.lead_time_days,
            0,
            LEAD_TIME_MAX_DAYS,
        );
        let valid_days = problems.number("valid_days", &self.valid_days, 1, VALID_DAYS_MAX);
        let note = problems.text("note", &self.note, MESSAGE_CHARS_MAX, false);
        if let (Some(quantity), Some(moq)) = (quantity, moq)
            && quantity < moq
        {
            problems.add("quantity", ErrorCode::QuantityBelowMoq);
        }
        check_total(&mut problems, "unit_price", quantity, unit_price_cents);
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
            ) if problems.is_empty() => Ok(ValidQuotation {
                quantity,
                unit_price_cents,
                currency,
                moq,
                lead_time_days,
                valid_days,
                note,
            }),
            _ => Err(problems.into_errors()),
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
                let price = problems.need(
                    price(&self.counter_price),
                    "counter_price",
                    ErrorCode::PriceInvalid,
                );
                let quantity =
                    problems.number("counter_quantity", &self.counter_quantity, 1, MOQ_MAX);
                match (price, quantity) {
                    (Some(price), Some(quantity)) if total_cents(quantity, price).is_none() => {
                        problems.add("counter_price", ErrorCode::TotalTooLarge);
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
                problems.add("answer", ErrorCode::ChooseOne);
                None
            }
        };
        match answer {
            Some(answer) if problems.is_empty() => Ok(answer),
            _ => Err(problems.into_errors()),
        }
    }
}

/// The signer's name, as typed under a contract.
pub fn signer_name(typed: &str) -> Result<String, Vec<FieldError>> {
    let mut problems = Problems::default();
    let name = problems.line("signer_name", typed, SIGNER_CHARS_MAX, true);
    if problems.is_empty() {
        Ok(name)
    } else {
        Err(problems.into_errors())
    }
}
