//! Rows as the database returns them, and their conversion into domain types.

use app::domain::conversation::{ConversationBuyer, ConversationExhibitor};
use app::domain::translations::named;
use app::domain::{
    BoothExhibitor, BoothId, BoothLocation, BoothOnMap, CategoryId, CategorySummary, CountryCode,
    Currency, ExhibitorId, ExhibitorSummary, HallId, HallSummary, Localized, PriceRange, ProductId,
    ProductSummary, Rect, SectionId, SectionSummary, Spec, Translations, UserId,
};
use app::error::AppError;
use serde::Deserialize;

#[derive(sqlx::FromRow)]
pub struct CategoryRow {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    /// The names in the other languages, as stored (`translations::named`).
    pub names: Option<String>,
    pub child_count: i64,
}

impl CategoryRow {
    /// Reads `{prefix}_id`, `{prefix}_slug`, `{prefix}_name_en`, `{prefix}_name_zh`,
    /// `{prefix}_names` and `{prefix}_children` from a joined row.
    pub fn prefixed(row: &sqlx::any::AnyRow, prefix: &str) -> Result<Self, sqlx::Error> {
        use sqlx::Row;
        Ok(CategoryRow {
            id: row.try_get(format!("{prefix}_id").as_str())?,
            slug: row.try_get(format!("{prefix}_slug").as_str())?,
            name_en: row.try_get(format!("{prefix}_name_en").as_str())?,
            name_zh: row.try_get(format!("{prefix}_name_zh").as_str())?,
            names: row.try_get(format!("{prefix}_names").as_str())?,
            child_count: row.try_get(format!("{prefix}_children").as_str())?,
        })
    }

    fn name(&self) -> Localized {
        named(
            self.name_en.clone(),
            self.name_zh.clone(),
            self.names.as_deref(),
        )
    }

    pub fn into_category(self) -> CategorySummary {
        CategorySummary {
            id: CategoryId(self.id),
            name: self.name(),
            slug: self.slug,
            section_count: self.child_count,
        }
    }

    pub fn into_section(self) -> SectionSummary {
        SectionSummary {
            id: SectionId(self.id),
            name: self.name(),
            slug: self.slug,
            hall_count: self.child_count,
        }
    }

    pub fn into_hall(self) -> HallSummary {
        HallSummary {
            id: HallId(self.id),
            name: self.name(),
            slug: self.slug,
            booth_count: self.child_count,
        }
    }
}

/// A name of the fair's own from `{prefix}_en`, `{prefix}_zh` and `{prefix}_names`.
pub fn named_columns(row: &sqlx::any::AnyRow, prefix: &str) -> Result<Localized, sqlx::Error> {
    use sqlx::Row;
    let names: Option<String> = row.try_get(format!("{prefix}_names").as_str())?;
    Ok(named(
        row.try_get(format!("{prefix}_en").as_str())?,
        row.try_get(format!("{prefix}_zh").as_str())?,
        names.as_deref(),
    ))
}

#[derive(sqlx::FromRow)]
pub struct BoothRow {
    pub id: i64,
    pub code: String,
    pub x_dm: i64,
    pub y_dm: i64,
    pub w_dm: i64,
    pub h_dm: i64,
    pub exhibitor_id: Option<i64>,
    pub exhibitor_slug: Option<String>,
    pub exhibitor_name_en: Option<String>,
    pub exhibitor_name_zh: Option<String>,
}

impl From<BoothRow> for BoothOnMap {
    fn from(row: BoothRow) -> Self {
        let exhibitor = match (row.exhibitor_id, row.exhibitor_slug) {
            (Some(id), Some(slug)) => Some(BoothExhibitor {
                id: ExhibitorId(id),
                slug,
                name: Localized::new(
                    row.exhibitor_name_en.unwrap_or_default(),
                    row.exhibitor_name_zh.unwrap_or_default(),
                ),
            }),
            _ => None,
        };
        BoothOnMap {
            id: BoothId(row.id),
            code: row.code,
            rect: Rect {
                x: row.x_dm,
                y: row.y_dm,
                w: row.w_dm,
                h: row.h_dm,
            },
            exhibitor,
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct BoothLocationRow {
    pub id: i64,
    pub code: String,
    pub hall_slug: String,
    pub hall_name_en: String,
    pub hall_name_zh: String,
    pub hall_names: Option<String>,
}

impl From<BoothLocationRow> for BoothLocation {
    fn from(row: BoothLocationRow) -> Self {
        BoothLocation {
            booth_id: BoothId(row.id),
            code: row.code,
            hall_slug: row.hall_slug,
            hall_name: named(
                row.hall_name_en,
                row.hall_name_zh,
                row.hall_names.as_deref(),
            ),
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct ExhibitorRow {
    pub id: i64,
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    pub country: String,
    pub verified: i64,
    pub year_founded: i64,
}

impl ExhibitorRow {
    pub fn into_summary(self) -> Result<ExhibitorSummary, AppError> {
        let country = CountryCode::parse(&self.country).ok_or_else(|| {
            AppError::internal(format!(
                "exhibitor {} has unknown country {:?}",
                self.id, self.country
            ))
        })?;
        Ok(ExhibitorSummary {
            id: ExhibitorId(self.id),
            slug: self.slug,
            name: Localized::new(self.name_en, self.name_zh),
            country,
            verified: self.verified != 0,
            year_founded: self.year_founded,
        })
    }
}

/// The exhibitor columns a profile adds to the summary.
#[derive(sqlx::FromRow)]
pub struct ExhibitorProfileRow {
    #[sqlx(flatten)]
    pub summary: ExhibitorRow,
    pub description_en: String,
    pub description_zh: String,
    pub description_html_en: Option<String>,
    pub description_html_zh: Option<String>,
    /// The HTML in the other languages, as stored (`translations::named`).
    pub descriptions: Option<String>,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub logo_hash: Option<String>,
    pub banner_hash: Option<String>,
    pub video_file: Option<String>,
    pub poster_hash: Option<String>,
    pub staff_size: i64,
    pub main_markets: String,
    pub certifications: String,
    pub product_count: i64,
}

/// Splits a `|`-separated list column.
pub fn list(column: &str) -> Vec<String> {
    column
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(sqlx::FromRow)]
pub struct PriceColumns {
    pub price_min_cents: i64,
    pub price_max_cents: i64,
    pub currency: String,
}

impl PriceColumns {
    pub fn into_price(self) -> Result<PriceRange, AppError> {
        let currency = Currency::parse(&self.currency)
            .ok_or_else(|| AppError::internal(format!("unknown currency {:?}", self.currency)))?;
        Ok(PriceRange {
            min_cents: self.price_min_cents,
            max_cents: self.price_max_cents,
            currency,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct ProductSummaryRow {
    pub id: i64,
    pub title_en: String,
    pub title_zh: String,
    #[sqlx(flatten)]
    pub price: PriceColumns,
    pub moq: i64,
    pub unit_en: String,
    pub unit_zh: String,
    pub is_new: i64,
    pub exhibitor_name_en: String,
    pub exhibitor_name_zh: String,
    pub cover_hash: Option<String>,
    /// The texts in the other languages (`Translations`' JSON), titles used here.
    pub translations: Option<String>,
}

impl ProductSummaryRow {
    pub fn into_summary(self) -> Result<ProductSummary, AppError> {
        let mut title = Localized::new(self.title_en, self.title_zh);
        Translations::from_stored(self.translations.as_deref()).add_to(&mut title, None);
        Ok(ProductSummary {
            id: ProductId(self.id),
            title,
            price: self.price.into_price()?,
            moq: self.moq,
            unit: Localized::new(self.unit_en, self.unit_zh),
            is_new: self.is_new != 0,
            exhibitor_name: Localized::new(self.exhibitor_name_en, self.exhibitor_name_zh),
            cover: self.cover_hash,
        })
    }
}

/// The product page's own columns; its exhibitor, category and section come alongside.
#[derive(sqlx::FromRow)]
pub struct ProductRow {
    pub title_en: String,
    pub title_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub specs: String,
    #[sqlx(flatten)]
    pub price: PriceColumns,
    pub moq: i64,
    pub unit_en: String,
    pub unit_zh: String,
    pub lead_time_days: i64,
    pub is_new: i64,
    pub image_count: i64,
    pub hs_code: String,
    pub model_file: Option<String>,
    pub published: i64,
    pub translations: Option<String>,
}

/// A specification row as stored in the `specs` JSON column.
#[derive(Deserialize, serde::Serialize)]
pub struct StoredSpec {
    pub en: String,
    pub zh: String,
    pub value: String,
}

pub fn parse_specs(json: &str) -> Result<Vec<Spec>, AppError> {
    let stored: Vec<StoredSpec> = serde_json::from_str(json).map_err(AppError::internal)?;
    Ok(stored
        .into_iter()
        .map(|s| Spec {
            key: Localized::new(s.en, s.zh),
            value: s.value,
        })
        .collect())
}

/// A value read from the database that must parse, or the row is broken.
pub fn stored<T>(value: Option<T>, what: &str, raw: &str) -> Result<T, AppError> {
    value.ok_or_else(|| AppError::internal(format!("stored {what} {raw:?} is not known")))
}

pub fn country(raw: &str) -> Result<CountryCode, AppError> {
    stored(CountryCode::parse(raw), "country", raw)
}

pub fn currency(raw: &str) -> Result<Currency, AppError> {
    stored(Currency::parse(raw), "currency", raw)
}

/// The buyer and the exhibitor of a conversation or a deal, as their joined columns.
pub const PARTY_COLUMNS: &str = "b.id AS buyer_id, b.name AS buyer_name, b.company AS buyer_company, \
     b.country AS buyer_country, e.id AS exhibitor_id, e.slug AS exhibitor_slug, \
     e.name_en AS exhibitor_name_en, e.name_zh AS exhibitor_name_zh, e.country AS exhibitor_country";

#[derive(sqlx::FromRow)]
pub struct PartyRow {
    buyer_id: i64,
    buyer_name: String,
    buyer_company: String,
    buyer_country: String,
    exhibitor_id: i64,
    exhibitor_slug: String,
    exhibitor_name_en: String,
    exhibitor_name_zh: String,
    /// Read where the query names it (deals), empty elsewhere (conversations).
    #[sqlx(default)]
    pub exhibitor_country: String,
}

impl PartyRow {
    pub fn buyer(&self) -> Result<ConversationBuyer, AppError> {
        Ok(ConversationBuyer {
            id: UserId(self.buyer_id),
            name: self.buyer_name.clone(),
            company: self.buyer_company.clone(),
            country: country(&self.buyer_country)?,
        })
    }

    pub fn exhibitor(&self) -> ConversationExhibitor {
        ConversationExhibitor {
            id: ExhibitorId(self.exhibitor_id),
            slug: self.exhibitor_slug.clone(),
            name: Localized::new(&self.exhibitor_name_en, &self.exhibitor_name_zh),
        }
    }
}
