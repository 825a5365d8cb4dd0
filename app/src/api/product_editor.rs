//! The product editor's server functions: the team's product list, one product's form,
//! saving, deleting, reordering and removing a photo. The service checks the right to edit.

use crate::domain::product_edit::TeamProduct;
use crate::domain::product_import::ImportReport;
use crate::domain::{ExhibitorId, ImportId, Localized, Page, ProductForm, ProductId};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::session;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Products per page of the team's list.
pub const TEAM_PAGE: usize = 100;

/// What the product list shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductListData {
    pub exhibitor: ExhibitorId,
    pub company: Localized,
    pub products: Page<TeamProduct>,
}

/// What one product's editor shows; `id` is None for a new product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductEditorData {
    pub exhibitor: ExhibitorId,
    pub id: Option<ProductId>,
    pub form: ProductForm,
    /// Hashes of the uploaded photos, in order.
    pub photos: Vec<String>,
    /// The 3D model's stored file name, if any.
    pub model: Option<String>,
}

/// The signed-in person and the exhibitor whose team they are in.
#[cfg(feature = "ssr")]
async fn member() -> Result<(crate::domain::CurrentUser, ExhibitorId), AppError> {
    let user = session::current_user()
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let exhibitor = user.team.ok_or(AppError::Forbidden)?.exhibitor;
    Ok((user, exhibitor))
}

#[server(endpoint = "get_team_products")]
pub async fn get_team_products(after: Option<i64>) -> Result<ProductListData, AppError> {
    super::with_status(
        async {
            let (user, exhibitor) = member().await?;
            let team = crate::ports::port::<dyn crate::ports::Teams>()?
                .get_team(Some(&user), exhibitor)
                .await?;
            let products = crate::ports::port::<dyn crate::ports::Products>()?
                .list_team_products(
                    Some(&user),
                    exhibitor,
                    crate::domain::Cursor::from_after(after.unwrap_or(0)),
                    TEAM_PAGE,
                )
                .await?;
            Ok(ProductListData {
                exhibitor,
                company: team.name,
                products,
            })
        }
        .await,
    )
}

#[server(endpoint = "get_product_editor")]
pub async fn get_product_editor(id: Option<ProductId>) -> Result<ProductEditorData, AppError> {
    super::with_status(
        async {
            let (user, exhibitor) = member().await?;
            let Some(id) = id else {
                let form = ProductForm {
                    currency: "USD".into(),
                    moq: "1".into(),
                    unit_en: "pieces".into(),
                    unit_zh: "件".into(),
                    lead_time_days: "30".into(),
                    ..ProductForm::default()
                };
                return Ok(ProductEditorData {
                    exhibitor,
                    id: None,
                    form,
                    photos: Vec::new(),
                    model: None,
                });
            };
            let product = crate::ports::port::<dyn crate::ports::Products>()?
                .get_product_form(Some(&user), id)
                .await?;
            Ok(ProductEditorData {
                exhibitor: product.exhibitor,
                id: Some(id),
                form: product.form,
                photos: product.photos,
                model: product.model,
            })
        }
        .await,
    )
}

/// Creates (`id` None) or updates a product; answers with its id.
#[server(endpoint = "save_product")]
pub async fn save_product(
    exhibitor: ExhibitorId,
    id: Option<ProductId>,
    form: ProductForm,
) -> Result<ProductId, AppError> {
    let result = async {
        let user = session::current_user().await?;
        let products = crate::ports::port::<dyn crate::ports::Products>()?;
        match id {
            Some(id) => {
                products
                    .update_product(user.as_ref(), id, form.clone())
                    .await?;
                Ok(id)
            }
            None => {
                products
                    .insert_product(user.as_ref(), exhibitor, form.clone())
                    .await
            }
        }
    }
    .await;
    let here = match id {
        Some(id) => format!("/exhibitor/products/{id}"),
        None => "/exhibitor/products/new".to_owned(),
    };
    let done = match &result {
        Ok(id) => format!("/exhibitor/products/{id}?saved=1"),
        Err(_) => here.clone(),
    };
    // Long texts come back as last saved; the short fields keep what was typed.
    let typed: Vec<(&str, &str)> = form
        .fields()
        .into_iter()
        .filter(|(name, _)| !name.starts_with("description_") && *name != "specs")
        .map(|(name, value)| (name, value.as_str()))
        .collect();
    session::finish(result, &done, &here, &typed).await
}

/// Saves a draft without leaving the page (the editor's autosave); never publishes.
#[server(endpoint = "autosave_product")]
pub async fn autosave_product(id: ProductId, form: ProductForm) -> Result<(), AppError> {
    super::with_status(
        async {
            let user = session::current_user().await?;
            crate::ports::port::<dyn crate::ports::Products>()?
                .autosave_draft(user.as_ref(), id, form)
                .await
        }
        .await,
    )
}

#[server(endpoint = "delete_product")]
pub async fn delete_product(id: ProductId) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Products>()?
            .delete_product(user.as_ref(), id)
            .await
    }
    .await;
    let here = format!("/exhibitor/products/{id}");
    session::finish(result, "/exhibitor/products?deleted=1", &here, &[]).await
}

/// Puts the listed products in this order among the places they hold: the whole page after
/// a drag and drop, or two neighbours from an arrow button.
#[server(endpoint = "reorder_products")]
pub async fn reorder_products(exhibitor: ExhibitorId, ids: Vec<ProductId>) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Products>()?
            .reorder_products(user.as_ref(), exhibitor, ids)
            .await
    }
    .await;
    session::finish(
        result,
        "/exhibitor/products?ordered=1",
        "/exhibitor/products",
        &[],
    )
    .await
}

#[server(endpoint = "remove_product_photo")]
pub async fn remove_product_photo(id: ProductId, index: usize) -> Result<(), AppError> {
    let result = async {
        let user = session::current_user().await?;
        crate::ports::port::<dyn crate::ports::Products>()?
            .remove_product_photo(user.as_ref(), id, index)
            .await
    }
    .await;
    let here = format!("/exhibitor/products/{id}");
    session::finish(result, &format!("{here}?saved=1"), &here, &[]).await
}

/// What the import page shows: the form, and the report of an import when asked for one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPageData {
    pub exhibitor: ExhibitorId,
    pub report: Option<ImportReport>,
}

#[server(endpoint = "get_import_page")]
pub async fn get_import_page(report: Option<ImportId>) -> Result<ImportPageData, AppError> {
    super::with_status(
        async {
            let (user, exhibitor) = member().await?;
            let report = match report {
                Some(id) => Some(
                    crate::ports::port::<dyn crate::ports::Products>()?
                        .get_import_report(Some(&user), exhibitor, id)
                        .await?,
                ),
                None => None,
            };
            Ok(ImportPageData { exhibitor, report })
        }
        .await,
    )
}
