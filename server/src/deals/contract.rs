//! The contract an order becomes: a plain text written once from the order's terms, and the
//! SHA-256 of its exact UTF-8 bytes. Anyone can check a downloaded copy with `sha256sum`.

use crate::accounts::secret::new_secret;
use crate::hashing::sha256_hex;
use crate::storage::deals::orders::NewContract;
use app::domain::deal::OrderTerms;
use app::domain::deal::money;
use app::domain::text::utc_minute;
use app::error::AppError;
use app::i18n::Locale;

/// The contract of `terms`, with a fresh secret for its public link.
pub fn draft(terms: &OrderTerms) -> Result<NewContract, AppError> {
    let body = text(terms);
    Ok(NewContract {
        token: new_secret().map_err(AppError::internal)?,
        sha256: sha256_hex(body.as_bytes()),
        body,
    })
}

/// Whether `body` still hashes to `sha256`.
pub fn intact(body: &str, sha256: &str) -> bool {
    sha256_hex(body.as_bytes()) == sha256
}

fn text(terms: &OrderTerms) -> String {
    let english = Locale::en;
    let buyer = &terms.buyer;
    let price = money(terms.unit_price_cents, terms.currency);
    let total = money(terms.total_cents, terms.currency);
    let place = format!(
        "{}, {}",
        terms.destination_place,
        terms.destination_country.name(english)
    );
    let incoterm = terms.incoterm.code();
    [
        format!("SALES CONTRACT No. CF-{}", terms.id),
        format!("Concluded on Cloud Fair on {}", utc_minute(terms.placed_at)),
        String::new(),
        format!(
            "Seller: {}, {}",
            terms.exhibitor.name.en,
            terms.exhibitor_country.name(english)
        ),
        format!(
            "Buyer: {}, {}, {}",
            buyer.name,
            buyer.company,
            buyer.country.name(english)
        ),
        String::new(),
        format!("1. Goods: {}", terms.product_title),
        format!("2. Quantity: {} {}", terms.quantity, terms.unit),
        format!("3. Unit price: {price}, {incoterm} {place} (Incoterms 2020)"),
        format!("4. Total amount: {total}"),
        format!(
            "5. Delivery: within {} days of both signatures, {incoterm} {place}.",
            terms.lead_time_days
        ),
        format!(
            "6. Basis: the Seller's quotation No. {} of {}, in answer to the Buyer's inquiry No. {}, accepted by the Buyer.",
            terms.quotation,
            utc_minute(terms.quotation_at),
            terms.inquiry
        ),
        "7. This contract binds both parties once each has signed it on Cloud Fair. The platform \
         keeps the SHA-256 of this exact text with each signature; any change to the text, \
         however small, no longer matches it."
            .to_owned(),
        String::new(),
    ]
    .join("\n")
}
