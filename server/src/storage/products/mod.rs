//! The product editor over SQL: a team's products (drafts included) in its own order,
//! creating, updating, deleting and reordering them, and their photos. Each change is one
//! transaction with its audit entry and keeps the exhibitor's and the fair's product counts.

mod editing;
mod photos;

use super::audit::{Audit, Audited, Change};
use super::rows::{PriceColumns, StoredSpec};
use app::domain::translations::Part;
use app::domain::{Currency, ExhibitorId, ProductId, Translations, UserId, ValidProduct};
use app::error::AppError;
use app::error::ErrorCode;
use app::i18n::Locale;
use sqlx::{Any, FromRow, Row, Transaction};

pub(super) type Tx<'a> = Transaction<'a, Any>;

const EDITABLE_COLUMNS: &str = "sku, title_en, title_zh, description_en, description_zh, specs, \
    price_min_cents, price_max_cents, currency, moq, unit_en, unit_zh, lead_time_days, hs_code, \
    is_new, published, translations";

#[derive(FromRow)]
struct EditableRow {
    sku: Option<String>,
    title_en: String,
    title_zh: String,
    description_en: String,
    description_zh: String,
    specs: String,
    #[sqlx(flatten)]
    price: PriceColumns,
    moq: i64,
    unit_en: String,
    unit_zh: String,
    lead_time_days: i64,
    hs_code: String,
    is_new: i64,
    published: i64,
    translations: Option<String>,
}

impl EditableRow {
    fn into_valid(self) -> Result<ValidProduct, AppError> {
        let stored: Vec<StoredSpec> =
            serde_json::from_str(&self.specs).map_err(AppError::internal)?;
        let price = self.price.into_price()?;
        Ok(ValidProduct {
            sku: self.sku,
            title_en: self.title_en,
            title_zh: self.title_zh,
            description_en: self.description_en,
            description_zh: self.description_zh,
            specs: stored.into_iter().map(|s| (s.en, s.value)).collect(),
            price_min_cents: price.min_cents,
            price_max_cents: price.max_cents,
            currency: price.currency,
            moq: self.moq,
            unit_en: self.unit_en,
            unit_zh: self.unit_zh,
            lead_time_days: self.lead_time_days,
            hs_code: self.hs_code,
            is_new: self.is_new != 0,
            published: self.published != 0,
            translations: Translations::from_stored(self.translations.as_deref()),
        })
    }
}

/// Which products a save may change: any, or (for autosave) only one that is still a draft,
/// checked in the same transaction so that a product published meanwhile stays published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving {
    Any,
    DraftOnly,
}

/// A product's state for the counters: (published, published and new).
pub(super) fn counted(product: Option<&ValidProduct>) -> (i64, i64) {
    product.map_or((0, 0), |p| {
        (i64::from(p.published), i64::from(p.published && p.is_new))
    })
}

fn specs_json(product: &ValidProduct) -> Result<String, AppError> {
    let stored: Vec<StoredSpec> = product
        .specs
        .iter()
        .map(|(key, value)| StoredSpec {
            en: key.clone(),
            zh: key.clone(),
            value: value.clone(),
        })
        .collect();
    serde_json::to_string(&stored).map_err(AppError::internal)
}

/// Inserts a product after the exhibitor's last one.
pub(super) async fn insert_product(
    tx: &mut Tx<'_>,
    exhibitor: ExhibitorId,
    product: &ValidProduct,
) -> Result<ProductId, AppError> {
    let row = sqlx::query(
        "SELECT category_id, section_id, \
         (SELECT COALESCE(MAX(position), 0) FROM products WHERE exhibitor_id = $1) AS last \
         FROM exhibitors WHERE id = $1",
    )
    .bind(exhibitor.0)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let category: i64 = row.try_get("category_id")?;
    let section: i64 = row.try_get("section_id")?;
    let last: i64 = row.try_get("last")?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO products (exhibitor_id, category_id, section_id, position, title_en, \
         title_zh, description_en, description_zh, specs, price_min_cents, price_max_cents, \
         currency, moq, unit_en, unit_zh, lead_time_days, is_new, image_count, created_at, \
         hs_code, sku, published) \
         VALUES ($1, $2, $3, $4, '', '', '', '', '[]', 0, 0, 'USD', 1, '', '', 0, 0, 0, $5, '', \
         NULL, 0) RETURNING id",
    )
    .bind(exhibitor.0)
    .bind(category)
    .bind(section)
    .bind(last + 1)
    .bind(app::domain::text::utc_minute(crate::clock::now())[..10].to_owned())
    .fetch_one(&mut **tx)
    .await
    .map_err(sku_conflict)?;
    write_product(tx, ProductId(id), product).await?;
    Ok(ProductId(id))
}

/// Writes every editable column of a product.
pub(super) async fn write_product(
    tx: &mut Tx<'_>,
    id: ProductId,
    product: &ValidProduct,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE products SET sku = $1, title_en = $2, title_zh = $3, description_en = $4, \
         description_zh = $5, specs = $6, price_min_cents = $7, price_max_cents = $8, \
         currency = $9, moq = $10, unit_en = $11, unit_zh = $12, lead_time_days = $13, \
         hs_code = $14, is_new = $15, published = $16, translations = $17 WHERE id = $18",
    )
    .bind(product.sku.clone())
    .bind(&product.title_en)
    .bind(&product.title_zh)
    .bind(&product.description_en)
    .bind(&product.description_zh)
    .bind(specs_json(product)?)
    .bind(product.price_min_cents)
    .bind(product.price_max_cents)
    .bind(Currency::code(product.currency))
    .bind(product.moq)
    .bind(&product.unit_en)
    .bind(&product.unit_zh)
    .bind(product.lead_time_days)
    .bind(&product.hs_code)
    .bind(i64::from(product.is_new))
    .bind(i64::from(product.published))
    .bind(product.translations.to_stored())
    .bind(id.0)
    .execute(&mut **tx)
    .await
    .map_err(sku_conflict)?;
    Ok(())
}

/// Writes `product` over product `id` and logs each changed field, inside `tx`; the
/// product's exhibitor and its fields as they were. The texts in `kept` stay as they were
/// (an import file without their columns). A published product is refused (409) when
/// `only` drafts may be saved.
pub(super) async fn rewrite_product(
    tx: &mut Tx<'_>,
    id: ProductId,
    by: UserId,
    product: &ValidProduct,
    only: Saving,
    kept: &[(Locale, Part)],
) -> Result<(ExhibitorId, ValidProduct), AppError> {
    let (exhibitor, before) = locked_product(tx, id).await?;
    if only == Saving::DraftOnly && before.published {
        return Err(AppError::Conflict(ErrorCode::ProductPublished));
    }
    let mut product = product.clone();
    product.translations.keep(&before.translations, kept);
    let product = &product;
    write_product(tx, id, product).await?;
    let changes = before.to_form().changes_to(&product.to_form());
    Audit { exhibitor, by }
        .updated(tx, Audited::Product(id.0), &changes)
        .await?;
    Ok((exhibitor, before))
}

/// A product's exhibitor and fields, read inside the transaction that changes it.
pub(super) async fn locked_product(
    tx: &mut Tx<'_>,
    id: ProductId,
) -> Result<(ExhibitorId, ValidProduct), AppError> {
    let row = sqlx::query(&format!(
        "SELECT exhibitor_id, {EDITABLE_COLUMNS} FROM products WHERE id = $1"
    ))
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let exhibitor = ExhibitorId(row.try_get("exhibitor_id")?);
    let product = EditableRow::from_row(&row)?.into_valid()?;
    Ok((exhibitor, product))
}

async fn move_to(tx: &mut Tx<'_>, id: ProductId, position: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE products SET position = $1 WHERE id = $2")
        .bind(position)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Moves the exhibitor's and the fair's product counters from a product's state `before`
/// to `after` (see `counted`); returns the exhibitor's slug.
pub(super) async fn count_change(
    tx: &mut Tx<'_>,
    exhibitor: ExhibitorId,
    before: (i64, i64),
    after: (i64, i64),
) -> Result<String, AppError> {
    let (products, new) = (after.0 - before.0, after.1 - before.1);
    if products != 0 || new != 0 {
        sqlx::query("UPDATE exhibitors SET product_count = product_count + $1 WHERE id = $2")
            .bind(products)
            .bind(exhibitor.0)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "UPDATE fair_sessions SET product_count = product_count + $1, \
             new_product_count = new_product_count + $2 WHERE is_current = 1",
        )
        .bind(products)
        .bind(new)
        .execute(&mut **tx)
        .await?;
    }
    exhibitor_slug(tx, exhibitor).await
}

/// Writes the audit entry of an edit to `what`, commits the edit and returns the exhibitor's
/// slug (so that the caller can forget its cached pages).
async fn commit_audited(
    mut tx: Tx<'_>,
    audit: Audit,
    what: Audited,
    changes: &[Change],
) -> Result<String, AppError> {
    audit.updated(&mut tx, what, changes).await?;
    let slug = exhibitor_slug(&mut tx, audit.exhibitor).await?;
    tx.commit().await?;
    Ok(slug)
}

async fn exhibitor_slug(tx: &mut Tx<'_>, exhibitor: ExhibitorId) -> Result<String, AppError> {
    sqlx::query_scalar("SELECT slug FROM exhibitors WHERE id = $1")
        .bind(exhibitor.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::NotFound)
}

/// A write refused by the unique SKU index is the user's conflict, not a server fault.
pub(super) fn sku_conflict(error: sqlx::Error) -> AppError {
    match &error {
        sqlx::Error::Database(db) if db.message().contains("sku") => {
            AppError::invalid("sku", ErrorCode::SkuTaken)
        }
        _ => AppError::from(error),
    }
}
