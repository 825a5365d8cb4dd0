//! Typed ids: a booth id can never be passed where a product id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;

            /// Accepts only a positive decimal number, as ids appear in URLs.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(InvalidId);
                }
                s.parse::<i64>().ok().filter(|n| *n > 0).map($name).ok_or(InvalidId)
            }
        }
    )*};
}

id_type!(
    /// A fair session (one edition of the fair).
    SessionId,
    /// One of the 16 product categories.
    CategoryId,
    /// One of the 50 exhibition sections.
    SectionId,
    /// An exhibition hall.
    HallId,
    /// A booth on a hall's floor plan.
    BoothId,
    /// An exhibiting company.
    ExhibitorId,
    /// A product shown by an exhibitor.
    ProductId,
    /// A person with an account.
    UserId,
    /// A buyer's conversation with an exhibitor's team.
    ConversationId,
    /// One message of a conversation.
    MessageId,
    /// A buyer's inquiry about a product.
    InquiryId,
    /// An exhibitor's quotation answering an inquiry.
    QuotationId,
    /// The order an accepted quotation became.
    OrderId,
    /// A time an exhibitor is available to meet.
    SlotId,
    /// A buyer's booking of a slot.
    MeetingId,
    /// An exhibitor's live stream (scheduled, live, or a replay).
    StreamId,
    /// A company's application to exhibit, awaiting the organizer.
    ApplicationId,
    /// A report of a conversation to the organizer.
    ReportId,
    /// One mail in the outbox.
    MailId,
    /// One run of a product import.
    ImportId,
);

/// A text that is not a valid id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidId;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_positive_numbers_only() {
        assert_eq!("42".parse::<ProductId>(), Ok(ProductId(42)));
        for bad in [
            "",
            "0",
            "-1",
            "+1",
            "1e3",
            "abc",
            "12 ",
            "9999999999999999999",
        ] {
            assert_eq!(bad.parse::<ProductId>(), Err(InvalidId), "{bad:?}");
        }
    }
}
