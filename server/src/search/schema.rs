//! The index's fields, and its two kinds of document: a published product and an exhibitor.
//! Four text fields rank differently (title, exhibitor, category and section, body); the
//! filters and facets are fast fields; the card a result shows is stored, so a page of results
//! needs no database.

use super::analyzer::DOCUMENT_ANALYZER;
use crate::storage::rows::ExhibitorRow;
use crate::storage::rows::{PriceColumns, ProductSummaryRow, StoredSpec, list};
use crate::storage::search_feed::{IndexedExhibitor, IndexedProduct};
use app::domain::{CountryCode, Currency};
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Changes whenever the fields or the analyzers change: an index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 1;

/// The `kind` of a product's document and of an exhibitor's.
pub const PRODUCT: u64 = 0;
pub const EXHIBITOR: u64 = 1;

/// The fields, by name.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub kind: Field,
    /// A product's id (products only).
    pub id: Field,
    /// An exhibitor's id (exhibitors only: a product's exhibitor is in its card).
    pub exhibitor: Field,
    pub title: Field,
    pub maker: Field,
    pub place: Field,
    pub body: Field,
    pub category: Field,
    pub section: Field,
    pub country: Field,
    pub certification: Field,
    pub new: Field,
    pub verified: Field,
    pub currency: Field,
    pub price_min: Field,
    pub price_max: Field,
    pub moq: Field,
    pub card: Field,
}

/// The schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(DOCUMENT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let number = || INDEXED | FAST;
    let fields = Fields {
        kind: builder.add_u64_field("kind", number()),
        id: builder.add_u64_field("id", INDEXED | FAST | STORED),
        exhibitor: builder.add_u64_field("exhibitor", INDEXED),
        title: builder.add_text_field("title", text.clone()),
        maker: builder.add_text_field("maker", text.clone()),
        place: builder.add_text_field("place", text.clone()),
        body: builder.add_text_field("body", text),
        category: builder.add_u64_field("category", number()),
        section: builder.add_u64_field("section", number()),
        country: builder.add_u64_field("country", number()),
        certification: builder.add_text_field("certification", STRING | FAST),
        new: builder.add_u64_field("new", number()),
        verified: builder.add_u64_field("verified", number()),
        currency: builder.add_u64_field("currency", number()),
        price_min: builder.add_u64_field("price_min", number()),
        price_max: builder.add_u64_field("price_max", number()),
        moq: builder.add_u64_field("moq", number()),
        card: builder.add_text_field("card", STORED),
    };
    (builder.build(), fields)
}

/// A country code as a number (two ASCII letters), for a fast field.
pub fn country_number(code: CountryCode) -> u64 {
    let bytes = code.as_str().as_bytes();
    u64::from(bytes[0]) << 8 | u64::from(bytes[1])
}

/// The code back from its number.
pub fn country_of_number(number: u64) -> Option<CountryCode> {
    let letters = [(number >> 8) as u8, number as u8];
    CountryCode::parse(std::str::from_utf8(&letters).ok()?)
}

/// A currency as a number, for a fast field.
pub fn currency_number(currency: Currency) -> u64 {
    match currency {
        Currency::Usd => 0,
        Currency::Eur => 1,
        Currency::Cny => 2,
    }
}

/// The search document of a published product.
pub fn document(
    fields: &Fields,
    product: IndexedProduct,
) -> Result<TantivyDocument, app::error::AppError> {
    let mut doc = TantivyDocument::new();
    doc.add_u64(fields.kind, PRODUCT);
    doc.add_u64(fields.id, product.id as u64);
    doc.add_text(fields.title, &product.title_en);
    doc.add_text(fields.title, &product.title_zh);
    doc.add_text(fields.maker, &product.exhibitor_name_en);
    doc.add_text(fields.maker, &product.exhibitor_name_zh);
    for place in [
        &product.category_en,
        &product.category_zh,
        &product.section_en,
        &product.section_zh,
    ] {
        doc.add_text(fields.place, place);
    }
    doc.add_text(fields.body, &product.description_en);
    doc.add_text(fields.body, &product.description_zh);
    let specs: Vec<StoredSpec> = serde_json::from_str(&product.specs).unwrap_or_default();
    for spec in specs {
        doc.add_text(
            fields.body,
            format!("{} {} {}", spec.en, spec.zh, spec.value),
        );
    }
    doc.add_u64(fields.category, product.category_id as u64);
    doc.add_u64(fields.section, product.section_id as u64);
    if let Some(country) = CountryCode::parse(&product.country) {
        doc.add_u64(fields.country, country_number(country));
    }
    for certification in list(&product.certifications) {
        doc.add_text(fields.certification, certification);
    }
    doc.add_u64(fields.new, product.is_new as u64);
    doc.add_u64(fields.verified, product.verified as u64);
    doc.add_u64(fields.price_min, product.price_min_cents.max(0) as u64);
    doc.add_u64(fields.price_max, product.price_max_cents.max(0) as u64);
    doc.add_u64(fields.moq, product.moq.max(0) as u64);
    let card = ProductSummaryRow {
        id: product.id,
        title_en: product.title_en,
        title_zh: product.title_zh,
        price: PriceColumns {
            price_min_cents: product.price_min_cents,
            price_max_cents: product.price_max_cents,
            currency: product.currency,
        },
        moq: product.moq,
        unit_en: product.unit_en,
        unit_zh: product.unit_zh,
        is_new: product.is_new,
        exhibitor_name_en: product.exhibitor_name_en,
        exhibitor_name_zh: product.exhibitor_name_zh,
        cover_hash: product.cover_hash,
    }
    .into_summary()?;
    doc.add_u64(fields.currency, currency_number(card.price.currency));
    let card = serde_json::to_string(&card).map_err(app::error::AppError::internal)?;
    doc.add_text(fields.card, card);
    Ok(doc)
}

/// The search document of an exhibitor: found by its names first, then by its category and
/// section, then by its description and main markets.
pub fn exhibitor_document(
    fields: &Fields,
    exhibitor: IndexedExhibitor,
) -> Result<TantivyDocument, app::error::AppError> {
    let mut doc = TantivyDocument::new();
    doc.add_u64(fields.kind, EXHIBITOR);
    doc.add_u64(fields.exhibitor, exhibitor.id as u64);
    doc.add_text(fields.title, &exhibitor.name_en);
    doc.add_text(fields.title, &exhibitor.name_zh);
    for place in [
        &exhibitor.category_en,
        &exhibitor.category_zh,
        &exhibitor.section_en,
        &exhibitor.section_zh,
    ] {
        doc.add_text(fields.place, place);
    }
    doc.add_text(fields.body, &exhibitor.description_en);
    doc.add_text(fields.body, &exhibitor.description_zh);
    doc.add_text(fields.body, list(&exhibitor.main_markets).join(" "));
    doc.add_u64(fields.category, exhibitor.category_id as u64);
    doc.add_u64(fields.section, exhibitor.section_id as u64);
    if let Some(country) = CountryCode::parse(&exhibitor.country) {
        doc.add_u64(fields.country, country_number(country));
    }
    for certification in list(&exhibitor.certifications) {
        doc.add_text(fields.certification, certification);
    }
    doc.add_u64(fields.verified, exhibitor.verified as u64);
    let card = ExhibitorRow {
        id: exhibitor.id,
        slug: exhibitor.slug,
        name_en: exhibitor.name_en,
        name_zh: exhibitor.name_zh,
        country: exhibitor.country,
        verified: exhibitor.verified,
        year_founded: exhibitor.year_founded,
    }
    .into_summary()?;
    let card = serde_json::to_string(&card).map_err(app::error::AppError::internal)?;
    doc.add_text(fields.card, card);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_numbers_round_trip() {
        let de = CountryCode::parse("DE").unwrap();
        assert_eq!(country_of_number(country_number(de)), Some(de));
        assert_eq!(country_of_number(0), None);
    }
}
