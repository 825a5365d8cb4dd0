//! Bulk product imports over SQL: every accepted row in one transaction (a product with the
//! same SKU is updated, any other row adds a product), with an audit entry per product, the
//! counters moved once, and the import's report kept for the team.

use super::Db;
use super::audit::{Audit, Audited};
use super::products::{
    Saving, Tx, count_change, counted, insert_product, rewrite_product, sku_conflict,
};
use crate::clock::now;
use app::domain::product_import::{ImportReport, RowError};
use app::domain::translations::Part;
use app::domain::{ExhibitorId, ImportId, ProductForm, ProductId, UserId, ValidProduct};
use app::error::AppError;
use app::i18n::Locale;
use sqlx::Row;

/// What an import was asked to do, besides its products.
pub struct ImportFile<'a> {
    pub name: &'a str,
    pub errors: &'a [RowError],
    /// Texts beyond English and Chinese the file has no column for: an updated product keeps
    /// its own.
    pub texts_left_out: &'a [(Locale, Part)],
}

impl Db {
    /// Imports `products` for `exhibitor` and keeps the report; returns it and the
    /// exhibitor's slug. Nothing is written unless every product is.
    pub async fn import_products(
        &self,
        exhibitor: ExhibitorId,
        by: UserId,
        file: ImportFile<'_>,
        products: &[ValidProduct],
    ) -> Result<(ImportReport, String), AppError> {
        let mut tx = self.begin_write().await?;
        let (mut created, mut updated) = (0, 0);
        let mut counters = (0, 0);
        for product in products {
            let before = match existing(&mut tx, exhibitor, product).await? {
                Some(id) => {
                    let (_, before) =
                        rewrite_product(&mut tx, id, by, product, Saving::Any, file.texts_left_out)
                            .await?;
                    updated += 1;
                    counted(Some(&before))
                }
                None => {
                    let id = insert_product(&mut tx, exhibitor, product).await?;
                    let changes = ProductForm::default().changes_to(&product.to_form());
                    Audit { exhibitor, by }
                        .created(&mut tx, Audited::Product(id.0), &changes)
                        .await?;
                    created += 1;
                    (0, 0)
                }
            };
            let after = counted(Some(product));
            counters.0 += after.0 - before.0;
            counters.1 += after.1 - before.1;
        }
        let slug = count_change(&mut tx, exhibitor, (0, 0), counters).await?;
        let skipped = file
            .errors
            .iter()
            .map(|e| e.row)
            .collect::<std::collections::BTreeSet<_>>()
            .len() as i64;
        let at = now();
        let errors = serde_json::to_string(file.errors).map_err(AppError::internal)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO product_imports (exhibitor_id, user_id, at, file_name, created, updated, \
             skipped, errors) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(exhibitor.0)
        .bind(by.0)
        .bind(at)
        .bind(file.name)
        .bind(created)
        .bind(updated)
        .bind(skipped)
        .bind(errors)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await.map_err(sku_conflict)?;
        let report = ImportReport {
            id: ImportId(id),
            at,
            file_name: file.name.to_owned(),
            created,
            updated,
            skipped,
            errors: file.errors.to_vec(),
        };
        Ok((report, slug))
    }

    /// One of an exhibitor's import reports; `NotFound` for another exhibitor's.
    pub async fn import_report(
        &self,
        exhibitor: ExhibitorId,
        id: ImportId,
    ) -> Result<ImportReport, AppError> {
        let row = sqlx::query(
            "SELECT at, file_name, created, updated, skipped, errors FROM product_imports \
             WHERE id = $1 AND exhibitor_id = $2",
        )
        .bind(id.0)
        .bind(exhibitor.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(AppError::NotFound)?;
        let errors: String = row.try_get("errors")?;
        Ok(ImportReport {
            id,
            at: row.try_get("at")?,
            file_name: row.try_get("file_name")?,
            created: row.try_get("created")?,
            updated: row.try_get("updated")?,
            skipped: row.try_get("skipped")?,
            errors: serde_json::from_str(&errors).map_err(AppError::internal)?,
        })
    }
}

/// The exhibitor's product with this row's SKU, if any.
async fn existing(
    tx: &mut Tx<'_>,
    exhibitor: ExhibitorId,
    product: &ValidProduct,
) -> Result<Option<ProductId>, AppError> {
    let Some(sku) = &product.sku else {
        return Ok(None);
    };
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM products WHERE exhibitor_id = $1 AND sku = $2")
            .bind(exhibitor.0)
            .bind(sku)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(id.map(ProductId))
}
