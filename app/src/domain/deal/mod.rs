//! Deals: a buyer's inquiry about a product, the exhibitor's quotations and the buyer's
//! answers (accept, counter, decline), the order an accepted quotation becomes, and the
//! contract both parties sign. Forms hold strings as typed; `validate` turns one into its
//! valid value or into every problem at once, each a field and a message code.

mod forms;
#[cfg(test)]
mod tests;
mod views;

pub use forms::*;
pub use views::*;

use super::money::Currency;
use super::text::grouped;
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

/// What `quantity` units at `unit_cents` come to, if it is not absurd.
pub fn total_cents(quantity: i64, unit_cents: i64) -> Option<i64> {
    quantity
        .checked_mul(unit_cents)
        .filter(|total| *total <= TOTAL_MAX_CENTS)
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
