//! The index's fields, and its two kinds of document: a published product and an exhibitor.
//! Four text fields rank differently (title, exhibitor, category and section, body); the
//! filters and facets are fast fields; the card a result shows is stored, so a page of results
//! needs no database.

use super::analyzer::{DOCUMENT_ANALYZER, document_text};
use crate::rich_text::plain_text;
use crate::storage::rows::{StoredSpec, list};
use crate::storage::search_feed::{IndexedExhibitor, IndexedProduct};
use app::domain::translations::{MORE_LANGUAGES, named};
use app::domain::{CountryCode, Currency, Translations};
use app::error::AppError;
use app::i18n::Locale;
use frostem::Algorithm;
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Changes whenever the fields or the analyzers change: an index of another version is rebuilt.
/// 3: Russian and Arabic words stemmed, products' texts in Arabic, French, Spanish, Russian.
pub const SCHEMA_VERSION: u32 = 3;

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

/// The stemmer of Latin words in a text in `locale`, where it is not English's (the
/// document analyzer's).
fn latin_stemmer(locale: Locale) -> Option<Algorithm> {
    match locale {
        Locale::fr => Some(Algorithm::French),
        Locale::es => Some(Algorithm::Spanish),
        _ => None,
    }
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

/// What a product's document and an exhibitor's have alike: where the company exhibits
/// (searched by name, filtered by id), its country, certifications and verification.
struct Company<'a> {
    category: (i64, &'a str, &'a str),
    section: (i64, &'a str, &'a str),
    country: &'a str,
    certifications: &'a str,
    verified: i64,
}

fn add_company(doc: &mut TantivyDocument, fields: &Fields, company: Company) {
    let ((category, category_en, category_zh), (section, section_en, section_zh)) =
        (company.category, company.section);
    for place in [category_en, category_zh, section_en, section_zh] {
        doc.add_text(fields.place, place);
    }
    doc.add_u64(fields.category, category as u64);
    doc.add_u64(fields.section, section as u64);
    if let Some(country) = CountryCode::parse(company.country) {
        doc.add_u64(fields.country, country_number(country));
    }
    for certification in list(company.certifications) {
        doc.add_text(fields.certification, certification);
    }
    doc.add_u64(fields.verified, company.verified as u64);
}

fn add_card(
    doc: &mut TantivyDocument,
    fields: &Fields,
    card: &impl serde::Serialize,
) -> Result<(), AppError> {
    doc.add_text(
        fields.card,
        serde_json::to_string(card).map_err(AppError::internal)?,
    );
    Ok(())
}

/// The search document of a published product.
pub fn document(fields: &Fields, product: IndexedProduct) -> Result<TantivyDocument, AppError> {
    let card = product.card;
    let mut doc = TantivyDocument::new();
    doc.add_u64(fields.kind, PRODUCT);
    doc.add_u64(fields.id, card.id as u64);
    doc.add_text(fields.title, &card.title_en);
    doc.add_text(fields.title, &card.title_zh);
    let translations = Translations::from_stored(card.translations.as_deref());
    for (locale, translation) in translations.iter() {
        add_written(&mut doc, fields.title, locale, &translation.title);
        add_written(&mut doc, fields.body, locale, &translation.description);
    }
    doc.add_text(fields.maker, &card.exhibitor_name_en);
    doc.add_text(fields.maker, &card.exhibitor_name_zh);
    add_company(
        &mut doc,
        fields,
        Company {
            category: (
                product.category_id,
                &product.category_en,
                &product.category_zh,
            ),
            section: (product.section_id, &product.section_en, &product.section_zh),
            country: &product.country,
            certifications: &product.certifications,
            verified: product.verified,
        },
    );
    doc.add_text(fields.body, &product.description_en);
    doc.add_text(fields.body, &product.description_zh);
    let specs: Vec<StoredSpec> = serde_json::from_str(&product.specs).unwrap_or_default();
    for spec in specs {
        doc.add_text(
            fields.body,
            format!("{} {} {}", spec.en, spec.zh, spec.value),
        );
    }
    doc.add_u64(fields.new, card.is_new as u64);
    doc.add_u64(fields.price_min, card.price.price_min_cents.max(0) as u64);
    doc.add_u64(fields.price_max, card.price.price_max_cents.max(0) as u64);
    doc.add_u64(fields.moq, card.moq.max(0) as u64);
    let card = card.into_summary()?;
    doc.add_u64(fields.currency, currency_number(card.price.currency));
    add_card(&mut doc, fields, &card)?;
    Ok(doc)
}

/// Adds a text written in `locale` (one of the languages beyond English and Chinese), with
/// that language's stems where it has a Latin-script stemmer.
fn add_written(doc: &mut TantivyDocument, field: Field, locale: Locale, text: &str) {
    if text.is_empty() {
        return;
    }
    match latin_stemmer(locale) {
        Some(latin) => doc.add_pre_tokenized_text(field, document_text(text, latin)),
        None => doc.add_text(field, text),
    }
}

/// The search document of an exhibitor: found by its names first, then by its category and
/// section, then by its description and main markets.
pub fn exhibitor_document(
    fields: &Fields,
    exhibitor: IndexedExhibitor,
) -> Result<TantivyDocument, AppError> {
    let card = exhibitor.card;
    let mut doc = TantivyDocument::new();
    doc.add_u64(fields.kind, EXHIBITOR);
    doc.add_u64(fields.exhibitor, card.id as u64);
    doc.add_text(fields.title, &card.name_en);
    doc.add_text(fields.title, &card.name_zh);
    add_company(
        &mut doc,
        fields,
        Company {
            category: (
                exhibitor.category_id,
                &exhibitor.category_en,
                &exhibitor.category_zh,
            ),
            section: (
                exhibitor.section_id,
                &exhibitor.section_en,
                &exhibitor.section_zh,
            ),
            country: &card.country,
            certifications: &exhibitor.certifications,
            verified: card.verified,
        },
    );
    doc.add_text(fields.body, &exhibitor.description_en);
    doc.add_text(fields.body, &exhibitor.description_zh);
    let more = named(
        String::new(),
        String::new(),
        exhibitor.descriptions.as_deref(),
    );
    for locale in MORE_LANGUAGES {
        add_written(
            &mut doc,
            fields.body,
            locale,
            &plain_text(more.written(locale)),
        );
    }
    doc.add_text(fields.body, list(&exhibitor.main_markets).join(" "));
    add_card(&mut doc, fields, &card.into_summary()?)?;
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
