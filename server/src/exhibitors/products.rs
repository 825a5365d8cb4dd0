//! The product editor's service, on the booth editor: the right to edit is that of the
//! product's exhibitor's booth (`domain::access`), forms follow the shared rules
//! (`domain::product_edit`), and buyers see each change at once.

use crate::exhibitors::booths::BoothEditor;
use crate::storage::imports::ImportFile;
use crate::storage::products::Saving;
use app::domain::product_edit::{EditableProduct, TeamProduct, is_ticked};
use app::domain::product_import::{ImportReport, read_table, texts_left_out};
use app::domain::{
    Action, CurrentUser, Cursor, ExhibitorId, ImportId, Page, ProductDetail, ProductForm,
    ProductId, authorize,
};
use app::error::AppError;
use app::error::ErrorCode;
use app::ports::Products;

#[async_trait::async_trait]
impl Products for BoothEditor {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0, after, limit))]
    async fn list_team_products(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        after: Cursor,
        limit: usize,
    ) -> Result<Page<TeamProduct>, AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        self.db.team_products(exhibitor, after.after(), limit).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn get_product_preview(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<ProductDetail, AppError> {
        self.editable(actor, id).await?;
        self.db.product_detail(id, true).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn get_product_form(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<EditableProduct, AppError> {
        self.editable(actor, id).await?;
        self.db.product_form(id).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn insert_product(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        form: ProductForm,
    ) -> Result<ProductId, AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let valid = form.validate().map_err(AppError::Validation)?;
        let (id, slug) = self.db.create_product(exhibitor, editor.id, &valid).await?;
        self.show_changes(&slug, exhibitor);
        Ok(id)
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn update_product(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        form: ProductForm,
    ) -> Result<(), AppError> {
        self.save(actor, id, form, Saving::Any).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn autosave_draft(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        form: ProductForm,
    ) -> Result<(), AppError> {
        if is_ticked(&form.published) {
            return Err(AppError::invalid("published", ErrorCode::AutosaveDraftOnly));
        }
        self.save(actor, id, form, Saving::DraftOnly).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn delete_product(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<(), AppError> {
        let exhibitor = self.editable(actor, id).await?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self.db.delete_product(id, editor.id).await?;
        self.show_product_changes(&slug, exhibitor, id).await;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn reorder_products(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        ids: Vec<ProductId>,
    ) -> Result<(), AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        if ids.len() > 1_000 {
            return Err(AppError::invalid("order", ErrorCode::TooMany));
        }
        let slug = self.db.reorder_products(exhibitor, editor.id, &ids).await?;
        self.show_changes(&slug, exhibitor);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn add_product_photos(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        hashes: Vec<String>,
    ) -> Result<(), AppError> {
        let exhibitor = self.editable(actor, id).await?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self.db.add_product_photos(id, editor.id, &hashes).await?;
        self.show_product_changes(&slug, exhibitor, id).await;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0))]
    async fn set_product_model(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        file: String,
    ) -> Result<(), AppError> {
        let exhibitor = self.editable(actor, id).await?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self.db.set_product_model(id, editor.id, &file).await?;
        self.show_product_changes(&slug, exhibitor, id).await;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), id = id.0, index))]
    async fn remove_product_photo(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        index: usize,
    ) -> Result<(), AppError> {
        let exhibitor = self.editable(actor, id).await?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self.db.remove_product_photo(id, editor.id, index).await?;
        self.show_product_changes(&slug, exhibitor, id).await;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn import_products(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        file_name: &str,
        rows: Vec<Vec<String>>,
    ) -> Result<ImportReport, AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let left_out = texts_left_out(rows.first().map_or(&[][..], Vec::as_slice));
        let (valid, errors) = read_table(rows).map_err(|code| AppError::invalid("file", code))?;
        let products: Vec<_> = valid.into_iter().map(|(_, product)| product).collect();
        let file = ImportFile {
            name: file_name,
            errors: &errors,
            texts_left_out: &left_out,
        };
        let (report, slug) = self
            .db
            .import_products(exhibitor, editor.id, file, &products)
            .await?;
        self.catalogue.forget_products();
        self.show_changes(&slug, exhibitor);
        Ok(report)
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0, id = id.0))]
    async fn get_import_report(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        id: ImportId,
    ) -> Result<ImportReport, AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        self.db.import_report(exhibitor, id).await
    }
}

impl BoothEditor {
    /// The product's exhibitor, once the actor may edit its booth. A visitor learns nothing
    /// about which products exist (401 before 404).
    async fn save(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        form: ProductForm,
        only: Saving,
    ) -> Result<(), AppError> {
        let exhibitor = self.editable(actor, id).await?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let valid = form.validate().map_err(AppError::Validation)?;
        let slug = self.db.update_product(id, editor.id, &valid, only).await?;
        self.show_product_changes(&slug, exhibitor, id).await;
        Ok(())
    }

    pub async fn editable(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<ExhibitorId, AppError> {
        if actor.is_none() {
            return Err(AppError::Unauthenticated);
        }
        let exhibitor = self.db.product_exhibitor(id).await?;
        authorize(actor, Action::EditBooth(exhibitor))?;
        Ok(exhibitor)
    }

    async fn show_product_changes(&self, slug: &str, exhibitor: ExhibitorId, id: ProductId) {
        self.catalogue.forget_product(id).await;
        self.show_changes(slug, exhibitor);
    }
}
