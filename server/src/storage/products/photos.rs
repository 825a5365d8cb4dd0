//! A product's photos and its 3D model.

use super::{Tx, commit_audited, locked_product};
use crate::storage::Db;
use crate::storage::audit::{Audit, Audited, change};
use app::domain::product_edit::PHOTOS_MAX;
use app::domain::{ProductId, UserId};
use app::error::AppError;
use app::error::ErrorCode;

impl Db {
    /// Appends photos to a product (at most `PHOTOS_MAX` in all); returns the exhibitor's slug.
    pub async fn add_product_photos(
        &self,
        id: ProductId,
        by: UserId,
        hashes: &[String],
    ) -> Result<String, AppError> {
        self.change_photos(id, by, |photos| {
            if photos.len() + hashes.len() > PHOTOS_MAX {
                return Err(AppError::invalid("photos", ErrorCode::TooMany));
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
        let changes = change("photos", before.join(","), after.join(","));
        let audit = Audit { exhibitor, by };
        commit_audited(tx, audit, Audited::Product(id.0), &changes).await
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
                .await?;
        sqlx::query("UPDATE products SET model_file = $1 WHERE id = $2")
            .bind(file)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let changes = change("model", before.unwrap_or_default(), file);
        let audit = Audit { exhibitor, by };
        commit_audited(tx, audit, Audited::Product(id.0), &changes).await
    }
}

async fn photos_in(tx: &mut Tx<'_>, id: ProductId) -> Result<Vec<String>, AppError> {
    sqlx::query_scalar("SELECT hash FROM product_images WHERE product_id = $1 ORDER BY position")
        .bind(id.0)
        .fetch_all(&mut **tx)
        .await
        .map_err(AppError::from)
}

/// Replaces a product's photo list, and its cover with the first photo.
async fn set_photos(tx: &mut Tx<'_>, id: ProductId, hashes: &[String]) -> Result<(), AppError> {
    sqlx::query("DELETE FROM product_images WHERE product_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    for (position, hash) in hashes.iter().enumerate() {
        sqlx::query("INSERT INTO product_images (product_id, position, hash) VALUES ($1, $2, $3)")
            .bind(id.0)
            .bind(position as i64)
            .bind(hash)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("UPDATE products SET cover_hash = $1 WHERE id = $2")
        .bind(hashes.first().cloned())
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
