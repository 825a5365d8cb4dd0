//! The product editor over SQL: a team's products (drafts included) in its own order,
//! creating, updating, deleting and reordering them, and their photos. Each change is one
//! transaction with its audit entry and keeps the exhibitor's and the fair's product counts.

use super::booths::{Audited, log_change};
use super::rows::{PriceColumns, StoredSpec};
use super::{Db, internal};
use app::domain::product_edit::{EditableProduct, PHOTOS_MAX, TeamProduct};
use app::domain::{
    Currency, ExhibitorId, Localized, Page, ProductForm, ProductId, UserId, ValidProduct,
};
use app::error::AppError;
use sqlx::{Any, FromRow, Row, Transaction};

pub(super) type Tx<'a> = Transaction<'a, Any>;

const EDITABLE_COLUMNS: &str = "sku, title_en, title_zh, description_en, description_zh, specs, \
    price_min_cents, price_max_cents, currency, moq, unit_en, unit_zh, lead_time_days, hs_code, \
    is_new, published";

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

impl Db {
    /// Which exhibitor a product belongs to; `NotFound` when there is no such product.
    pub async fn product_exhibitor(&self, id: ProductId) -> Result<ExhibitorId, AppError> {
        let exhibitor: i64 = sqlx::query_scalar("SELECT exhibitor_id FROM products WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(internal)?
            .ok_or(AppError::NotFound)?;
        Ok(ExhibitorId(exhibitor))
    }

    /// A product as its editor shows it.
    pub async fn product_form(&self, id: ProductId) -> Result<EditableProduct, AppError> {
        let row = sqlx::query(&format!(
            "SELECT exhibitor_id, model_file, {EDITABLE_COLUMNS} FROM products WHERE id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
        Ok(EditableProduct {
            exhibitor: ExhibitorId(row.try_get("exhibitor_id").map_err(internal)?),
            model: row.try_get("model_file").map_err(internal)?,
            form: EditableRow::from_row(&row)
                .map_err(internal)?
                .into_valid()?
                .to_form(),
            photos: self.product_photos(id).await?,
        })
    }

    /// The hashes of a product's uploaded photos, in order.
    pub async fn product_photos(&self, id: ProductId) -> Result<Vec<String>, AppError> {
        sqlx::query_scalar(
            "SELECT hash FROM product_images WHERE product_id = $1 ORDER BY position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .map_err(internal)
    }

    /// A team's products in its order, drafts included, `limit` after position `after`.
    pub async fn team_products(
        &self,
        exhibitor: ExhibitorId,
        after: i64,
        limit: usize,
    ) -> Result<Page<TeamProduct>, AppError> {
        let rows = sqlx::query(
            "SELECT id, position, sku, title_en, title_zh, price_min_cents, price_max_cents, \
             currency, is_new, published, cover_hash FROM products \
             WHERE exhibitor_id = $1 AND position > $2 ORDER BY position LIMIT $3",
        )
        .bind(exhibitor.0)
        .bind(after)
        .bind(limit as i64 + 1)
        .fetch_all(&self.pool)
        .await
        .map_err(internal)?;
        let items = rows
            .iter()
            .map(|row| {
                Ok(TeamProduct {
                    id: ProductId(row.try_get("id").map_err(internal)?),
                    position: row.try_get("position").map_err(internal)?,
                    sku: row.try_get("sku").map_err(internal)?,
                    title: Localized::new(
                        row.try_get::<String, _>("title_en").map_err(internal)?,
                        row.try_get::<String, _>("title_zh").map_err(internal)?,
                    ),
                    price: PriceColumns::from_row(row)
                        .map_err(internal)?
                        .into_price()?,
                    is_new: row.try_get::<i64, _>("is_new").map_err(internal)? != 0,
                    published: row.try_get::<i64, _>("published").map_err(internal)? != 0,
                    cover: row.try_get("cover_hash").map_err(internal)?,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        Ok(Page::from_rows(items, limit, |p| p.position))
    }

    /// Adds a product at the end of the exhibitor's list, in its category and section;
    /// returns its id and the exhibitor's slug.
    pub async fn create_product(
        &self,
        exhibitor: ExhibitorId,
        by: UserId,
        product: &ValidProduct,
    ) -> Result<(ProductId, String), AppError> {
        let mut tx = self.begin_write().await?;
        let id = insert_product(&mut tx, exhibitor, product).await?;
        let none = ProductForm::default();
        let changes = none.changes_to(&product.to_form());
        log_change(
            &mut tx,
            exhibitor,
            by,
            Audited::Product(id.0),
            "create",
            &changes,
        )
        .await?;
        let slug = count_change(&mut tx, exhibitor, (0, 0), counted(Some(product))).await?;
        tx.commit().await.map_err(sku_conflict)?;
        Ok((id, slug))
    }

    /// Replaces a product's fields, logging those that changed; returns the exhibitor's slug.
    pub async fn update_product(
        &self,
        id: ProductId,
        by: UserId,
        product: &ValidProduct,
        only: Saving,
    ) -> Result<String, AppError> {
        let mut tx = self.begin_write().await?;
        let (exhibitor, before) = locked_product(&mut tx, id).await?;
        if only == Saving::DraftOnly && before.published {
            return Err(AppError::Conflict("product_published".into()));
        }
        write_product(&mut tx, id, product).await?;
        let changes = before.to_form().changes_to(&product.to_form());
        if !changes.is_empty() {
            log_change(
                &mut tx,
                exhibitor,
                by,
                Audited::Product(id.0),
                "update",
                &changes,
            )
            .await?;
        }
        let slug = count_change(
            &mut tx,
            exhibitor,
            counted(Some(&before)),
            counted(Some(product)),
        )
        .await?;
        tx.commit().await.map_err(sku_conflict)?;
        Ok(slug)
    }

    /// Deletes a product and its photo list (the files stay: others may share them);
    /// returns the exhibitor's slug.
    pub async fn delete_product(&self, id: ProductId, by: UserId) -> Result<String, AppError> {
        let mut tx = self.begin_write().await?;
        let (exhibitor, before) = locked_product(&mut tx, id).await?;
        for statement in [
            "DELETE FROM product_images WHERE product_id = $1",
            "DELETE FROM products WHERE id = $1",
        ] {
            sqlx::query(statement)
                .bind(id.0)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
        }
        let changes = before.to_form().changes_to(&ProductForm::default());
        log_change(
            &mut tx,
            exhibitor,
            by,
            Audited::Product(id.0),
            "delete",
            &changes,
        )
        .await?;
        let slug = count_change(&mut tx, exhibitor, counted(Some(&before)), (0, 0)).await?;
        tx.commit().await.map_err(internal)?;
        Ok(slug)
    }

    /// Puts `ids` (products of `exhibitor`) in the given order, using the places they held
    /// between them, so that products not listed keep theirs; returns the exhibitor's slug.
    pub async fn reorder_products(
        &self,
        exhibitor: ExhibitorId,
        by: UserId,
        ids: &[ProductId],
    ) -> Result<String, AppError> {
        let mut tx = self.begin_write().await?;
        let mut places = Vec::with_capacity(ids.len());
        for id in ids {
            let place: Option<i64> = sqlx::query_scalar(
                "SELECT position FROM products WHERE id = $1 AND exhibitor_id = $2",
            )
            .bind(id.0)
            .bind(exhibitor.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(internal)?;
            places.push(place.ok_or(AppError::NotFound)?);
        }
        let before: Vec<String> = places.iter().map(i64::to_string).collect();
        places.sort_unstable();
        places.dedup();
        if places.len() != ids.len() {
            return Err(AppError::invalid("order", "duplicate"));
        }
        // Two steps, so that no two products share a place in between: first out of the
        // way (negative), then into the new places.
        for (id, step) in ids.iter().zip(1_i64..) {
            move_to(&mut tx, *id, -step).await?;
        }
        for (id, place) in ids.iter().zip(&places) {
            move_to(&mut tx, *id, *place).await?;
        }
        let order = |list: Vec<String>| list.join(",");
        let after: Vec<String> = ids.iter().map(|id| id.0.to_string()).collect();
        let changes = [("order".to_owned(), order(before), order(after))];
        log_change(
            &mut tx,
            exhibitor,
            by,
            Audited::Profile(exhibitor),
            "update",
            &changes,
        )
        .await?;
        let slug = exhibitor_slug(&mut tx, exhibitor).await?;
        tx.commit().await.map_err(internal)?;
        Ok(slug)
    }

    /// Appends photos to a product (at most `PHOTOS_MAX` in all); returns the exhibitor's slug.
    pub async fn add_product_photos(
        &self,
        id: ProductId,
        by: UserId,
        hashes: &[String],
    ) -> Result<String, AppError> {
        self.change_photos(id, by, |photos| {
            if photos.len() + hashes.len() > PHOTOS_MAX {
                return Err(AppError::invalid("photos", "too_many"));
            }
            photos.extend(hashes.iter().cloned());
            Ok(())
        })
        .await
    }

    /// Removes the photo at `index` (0-based) from a product; returns the exhibitor's slug.
    pub async fn remove_product_photo(
        &self,
        id: ProductId,
        by: UserId,
        index: usize,
    ) -> Result<String, AppError> {
        self.change_photos(id, by, |photos| {
            if index >= photos.len() {
                return Err(AppError::NotFound);
            }
            photos.remove(index);
            Ok(())
        })
        .await
    }

    /// Changes a product's photo list with `edit`, in one transaction with its audit entry;
    /// returns the exhibitor's slug.
    async fn change_photos(
        &self,
        id: ProductId,
        by: UserId,
        edit: impl FnOnce(&mut Vec<String>) -> Result<(), AppError>,
    ) -> Result<String, AppError> {
        let mut tx = self.begin_write().await?;
        let (exhibitor, _) = locked_product(&mut tx, id).await?;
        let before = photos_in(&mut tx, id).await?;
        let mut after = before.clone();
        edit(&mut after)?;
        set_photos(&mut tx, id, &after).await?;
        let changes = [("photos".to_owned(), before.join(","), after.join(","))];
        log_change(
            &mut tx,
            exhibitor,
            by,
            Audited::Product(id.0),
            "update",
            &changes,
        )
        .await?;
        let slug = exhibitor_slug(&mut tx, exhibitor).await?;
        tx.commit().await.map_err(internal)?;
        Ok(slug)
    }

    /// Sets a product's 3D model to an uploaded file (its stored name); returns the
    /// exhibitor's slug.
    pub async fn set_product_model(
        &self,
        id: ProductId,
        by: UserId,
        file: &str,
    ) -> Result<String, AppError> {
        let mut tx = self.begin_write().await?;
        let (exhibitor, _) = locked_product(&mut tx, id).await?;
        let before: Option<String> =
            sqlx::query_scalar("SELECT model_file FROM products WHERE id = $1")
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await
                .map_err(internal)?;
        sqlx::query("UPDATE products SET model_file = $1 WHERE id = $2")
            .bind(file)
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        let changes = [(
            "model".to_owned(),
            before.unwrap_or_default(),
            file.to_owned(),
        )];
        log_change(
            &mut tx,
            exhibitor,
            by,
            Audited::Product(id.0),
            "update",
            &changes,
        )
        .await?;
        let slug = exhibitor_slug(&mut tx, exhibitor).await?;
        tx.commit().await.map_err(internal)?;
        Ok(slug)
    }
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
    .await
    .map_err(internal)?
    .ok_or(AppError::NotFound)?;
    let category: i64 = row.try_get("category_id").map_err(internal)?;
    let section: i64 = row.try_get("section_id").map_err(internal)?;
    let last: i64 = row.try_get("last").map_err(internal)?;
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
         hs_code = $14, is_new = $15, published = $16 WHERE id = $17",
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
    .bind(id.0)
    .execute(&mut **tx)
    .await
    .map_err(sku_conflict)?;
    Ok(())
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
    .await
    .map_err(internal)?
    .ok_or(AppError::NotFound)?;
    let exhibitor = ExhibitorId(row.try_get("exhibitor_id").map_err(internal)?);
    let product = EditableRow::from_row(&row)
        .map_err(internal)?
        .into_valid()?;
    Ok((exhibitor, product))
}

async fn move_to(tx: &mut Tx<'_>, id: ProductId, position: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE products SET position = $1 WHERE id = $2")
        .bind(position)
        .bind(id.0)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
    Ok(())
}

async fn photos_in(tx: &mut Tx<'_>, id: ProductId) -> Result<Vec<String>, AppError> {
    sqlx::query_scalar("SELECT hash FROM product_images WHERE product_id = $1 ORDER BY position")
        .bind(id.0)
        .fetch_all(&mut **tx)
        .await
        .map_err(internal)
}

/// Replaces a product's photo list, and its cover with the first photo.
async fn set_photos(tx: &mut Tx<'_>, id: ProductId, hashes: &[String]) -> Result<(), AppError> {
    sqlx::query("DELETE FROM product_images WHERE product_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
    for (position, hash) in hashes.iter().enumerate() {
        sqlx::query("INSERT INTO product_images (product_id, position, hash) VALUES ($1, $2, $3)")
            .bind(id.0)
            .bind(position as i64)
            .bind(hash)
            .execute(&mut **tx)
            .await
            .map_err(internal)?;
    }
    sqlx::query("UPDATE products SET cover_hash = $1 WHERE id = $2")
        .bind(hashes.first().cloned())
        .bind(id.0)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
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
            .await
            .map_err(internal)?;
        sqlx::query(
            "UPDATE fair_sessions SET product_count = product_count + $1, \
             new_product_count = new_product_count + $2 WHERE is_current = 1",
        )
        .bind(products)
        .bind(new)
        .execute(&mut **tx)
        .await
        .map_err(internal)?;
    }
    exhibitor_slug(tx, exhibitor).await
}

async fn exhibitor_slug(tx: &mut Tx<'_>, exhibitor: ExhibitorId) -> Result<String, AppError> {
    sqlx::query_scalar("SELECT slug FROM exhibitors WHERE id = $1")
        .bind(exhibitor.0)
        .fetch_optional(&mut **tx)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)
}

/// A write refused by the unique SKU index is the user's conflict, not a server fault.
pub(super) fn sku_conflict(error: sqlx::Error) -> AppError {
    match &error {
        sqlx::Error::Database(db) if db.message().contains("sku") => {
            AppError::invalid("sku", "sku_taken")
        }
        _ => internal(error),
    }
}
