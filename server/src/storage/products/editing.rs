//! A team's product list and form, and creating, updating, deleting and reordering products.

use super::{
    EDITABLE_COLUMNS, EditableRow, Saving, commit_audited, count_change, counted, insert_product,
    locked_product, move_to, rewrite_product, sku_conflict,
};
use crate::storage::Db;
use crate::storage::audit::{Audit, Audited, change};
use crate::storage::rows::PriceColumns;
use app::domain::product_edit::{EditableProduct, TeamProduct};
use app::domain::{ExhibitorId, Localized, Page, ProductForm, ProductId, UserId, ValidProduct};
use app::error::AppError;
use app::error::ErrorCode;
use sqlx::{FromRow, Row};

impl Db {
    /// Which exhibitor a product belongs to; `NotFound` when there is no such product.
    pub async fn product_exhibitor(&self, id: ProductId) -> Result<ExhibitorId, AppError> {
        let exhibitor: i64 = sqlx::query_scalar("SELECT exhibitor_id FROM products WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
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
        .await?
        .ok_or(AppError::NotFound)?;
        Ok(EditableProduct {
            exhibitor: ExhibitorId(row.try_get("exhibitor_id")?),
            model: row.try_get("model_file")?,
            form: EditableRow::from_row(&row)?.into_valid()?.to_form(),
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
        .map_err(AppError::from)
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
        .await?;
        let items = rows
            .iter()
            .map(|row| {
                Ok(TeamProduct {
                    id: ProductId(row.try_get("id")?),
                    position: row.try_get("position")?,
                    sku: row.try_get("sku")?,
                    title: Localized::new(
                        row.try_get::<String, _>("title_en")?,
                        row.try_get::<String, _>("title_zh")?,
                    ),
                    price: PriceColumns::from_row(row)?.into_price()?,
                    is_new: row.try_get::<i64, _>("is_new")? != 0,
                    published: row.try_get::<i64, _>("published")? != 0,
                    cover: row.try_get("cover_hash")?,
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
        Audit { exhibitor, by }
            .created(&mut tx, Audited::Product(id.0), &changes)
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
        let (exhibitor, before) = rewrite_product(&mut tx, id, by, product, only, &[]).await?;
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
            sqlx::query(statement).bind(id.0).execute(&mut *tx).await?;
        }
        let changes = before.to_form().changes_to(&ProductForm::default());
        Audit { exhibitor, by }
            .deleted(&mut tx, Audited::Product(id.0), &changes)
            .await?;
        let slug = count_change(&mut tx, exhibitor, counted(Some(&before)), (0, 0)).await?;
        tx.commit().await?;
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
            .await?;
            places.push(place.ok_or(AppError::NotFound)?);
        }
        let before: Vec<String> = places.iter().map(i64::to_string).collect();
        places.sort_unstable();
        places.dedup();
        if places.len() != ids.len() {
            return Err(AppError::invalid("order", ErrorCode::Duplicate));
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
        let changes = change("order", order(before), order(after));
        let audit = Audit { exhibitor, by };
        commit_audited(tx, audit, Audited::Profile(exhibitor), &changes).await
    }
}
