//! The contract an order becomes: a plain text written once from the order's terms, and the
//! SHA-256 of its exact UTF-8 bytes. Anyone can check a downloaded copy with `sha256sum`.
//! Every text a party wrote (names, the product, its unit, the place) stands in quotation
//! marks, escaped as JSON strings are, so that none can close its quotes, start a line of its
//! own, or pass for the platform's terms.

use crate::accounts::secret::new_secret;
use crate::hashing::sha256_hex;
use crate::storage::deals::orders::NewContract;
use app::domain::deal::money;
use app::domain::deal::{OrderTerms, Signature};
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

/// Whether `body` still hashes to `sha256`, and every signature agreed to that hash.
pub fn intact(body: &str, sha256: &str, signatures: &[Signature]) -> bool {
    sha256_hex(body.as_bytes()) == sha256 && signatures.iter().all(|s| s.sha256 == sha256)
}

/// `text` as the contract quotes what a party wrote: `"…"`, with quotes, backslashes and
/// control characters escaped.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

fn text(terms: &OrderTerms) -> String {
    let english = Locale::en;
    let buyer = &terms.buyer;
    let price = money(terms.unit_price_cents, terms.currency);
    let total = money(terms.total_cents, terms.currency);
    let place = format!(
        "{}, {}",
        quoted(&terms.destination_place),
        terms.destination_country.name(english)
    );
    let incoterm = terms.incoterm.code();
    [
        format!("SALES CONTRACT No. CF-{}", terms.id),
        format!("Concluded on Cloud Fair on {}", utc_minute(terms.placed_at)),
        String::new(),
        format!(
            "Seller: {}, {}",
            quoted(&terms.exhibitor.name.en),
            terms.exhibitor_country.name(english)
        ),
        format!(
            "Buyer: {}, {}, {}",
            quoted(&buyer.name),
            quoted(&buyer.company),
            buyer.country.name(english)
        ),
        String::new(),
        format!("1. Goods: {}", quoted(&terms.product_title)),
        format!("2. Quantity: {} {}", terms.quantity, quoted(&terms.unit)),
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
        "8. Text in quotation marks was written by a party; every other word is the platform's."
            .to_owned(),
        String::new(),
    ]
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::{intact, quoted};
    use crate::hashing::sha256_hex;
    use app::domain::UserId;
    use app::domain::deal::{Side, Signature};

    #[test]
    fn a_party_cannot_close_its_quotes_or_start_a_clause() {
        assert_eq!(quoted("Lima Importadora"), "\"Lima Importadora\"");
        assert_eq!(
            quoted("Acme\", 9. The Seller may cancel\n10. \\"),
            "\"Acme\\\", 9. The Seller may cancel\\n10. \\\\\""
        );
        assert_eq!(quoted("深圳光明照明"), "\"深圳光明照明\"");
    }

    #[test]
    fn every_signature_must_have_agreed_to_the_text() {
        let body = "SALES CONTRACT";
        let sha = sha256_hex(body.as_bytes());
        let signed = |sha256: &str| Signature {
            party: Side::Buyer,
            signer: UserId(1),
            signer_name: "Ana".into(),
            signed_at: 0,
            sha256: sha256.into(),
            ip: String::new(),
            user_agent: String::new(),
        };
        assert!(intact(body, &sha, &[]));
        assert!(intact(body, &sha, &[signed(&sha)]));
        assert!(!intact(
            body,
            &sha,
            &[signed(&sha), signed(&"0".repeat(64))]
        ));
        assert!(!intact("SALES CONTRACT.", &sha, &[signed(&sha)]));
    }
}
