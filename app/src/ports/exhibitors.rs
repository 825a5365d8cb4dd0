//! Exhibitor editing: teams, onboarding, the booth editor and the product editor.

use crate::domain::ProductForm;
use crate::domain::exhibitor::BoothImage;
use crate::domain::product_edit::{EditableProduct, TeamProduct};
use crate::domain::product_import::ImportReport;
use crate::domain::{
    Application, ApplicationForm, ApplicationId, AuditEntry, BoothAssignments, CurrentUser, Cursor,
    ExhibitorId, ExhibitorOnboarding, ImportId, InvitationOffer, Page, ProductDetail, ProductId,
    ProfileForm, TeamView, UserId,
};
use crate::error::AppError;
use crate::ports::SessionToken;

/// Exhibitor teams: the organizer invites a company's owner, the owner invites and removes
/// staff, and an invited person accepts with a name and a password. Every method with an
/// `actor` checks `domain::access` first.
#[async_trait::async_trait]
pub trait Teams: Send + Sync + 'static {
    /// Mails the future owner of an exhibitor an invitation; organizers only.
    async fn invite_owner(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        email: &str,
        locale: &str,
    ) -> Result<(), AppError>;
    /// Mails a future staff member of `exhibitor` an invitation; its owner or an organizer.
    async fn invite_staff(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        email: &str,
        locale: &str,
    ) -> Result<(), AppError>;
    /// What an invitation link offers; `NotFound` when unknown, accepted or expired.
    async fn get_invitation(&self, token: &str) -> Result<InvitationOffer, AppError>;
    /// Creates the invited person's account in the team, reading the fair in `locale`, and
    /// signs them in.
    async fn accept_invitation(
        &self,
        token: &str,
        name: &str,
        password: &str,
        locale: &str,
    ) -> Result<SessionToken, AppError>;
    /// The team of `exhibitor`; its members and organizers.
    async fn get_team(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<TeamView, AppError>;
    /// Exhibitors in id order after `after`, with their booths and owners; organizers only.
    async fn get_onboarding(
        &self,
        actor: Option<&CurrentUser>,
        after: Cursor,
    ) -> Result<Page<ExhibitorOnboarding>, AppError>;
    /// Ends the open invitations of `email` to `exhibitor`'s team (staff or owner); the owner
    /// or an organizer.
    async fn revoke_invitation(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        email: &str,
    ) -> Result<(), AppError>;
    /// Removes a staff member; the owner or an organizer.
    async fn remove_staff(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        user: UserId,
    ) -> Result<(), AppError>;
}

/// Bringing new exhibitors in: a company applies, an organizer approves (creating the exhibitor
/// and inviting its owner) or declines, then assigns and releases its booths. Every method with
/// an `actor` checks `domain::access` first.
#[async_trait::async_trait]
pub trait Onboarding: Send + Sync + 'static {
    /// Stores an application and mails its receipt in `locale`; anyone may apply.
    async fn insert_application(
        &self,
        form: &ApplicationForm,
        locale: &str,
    ) -> Result<(), AppError>;
    /// Pending applications in id order after `after`; organizers only.
    async fn list_applications(
        &self,
        actor: Option<&CurrentUser>,
        after: Cursor,
    ) -> Result<Page<Application>, AppError>;
    /// Approves an application: the exhibitor and its owner's invitation. Returns the new
    /// exhibitor's address.
    async fn approve_application(
        &self,
        actor: Option<&CurrentUser>,
        application: ApplicationId,
    ) -> Result<String, AppError>;
    /// Declines an application and mails the applicant `reason`.
    async fn decline_application(
        &self,
        actor: Option<&CurrentUser>,
        application: ApplicationId,
        reason: &str,
    ) -> Result<(), AppError>;
    /// An exhibitor's booths and free ones to choose from; organizers only.
    async fn get_booth_assignments(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
    ) -> Result<BoothAssignments, AppError>;
    /// Gives a free booth to an exhibitor; organizers only.
    async fn assign_booth(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        booth: &str,
    ) -> Result<(), AppError>;
    /// Takes a booth back from an exhibitor; organizers only.
    async fn release_booth(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
        booth: &str,
    ) -> Result<(), AppError>;
}

/// The booth editor: the profile as its form shows it, saving it, and the audit log. Every
/// method checks `domain::access` first.
#[async_trait::async_trait]
pub trait Booths: Send + Sync + 'static {
    /// The profile's current values; the exhibitor's team only.
    async fn get_profile_form(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<ProfileForm, AppError>;
    /// Validates, sanitises and saves the profile, logging what changed; the team only.
    async fn save_profile(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        form: ProfileForm,
    ) -> Result<(), AppError>;
    /// Sets the booth's logo or banner to an uploaded image (by the hash of its stored file),
    /// logging the change; the team only.
    async fn set_image(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        which: BoothImage,
        hash: &str,
    ) -> Result<(), AppError>;
    /// Sets the booth's video (its stored file name) and the poster frame's hash, logging the
    /// change; the team only.
    async fn set_video(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        file: &str,
        poster: &str,
    ) -> Result<(), AppError>;
    /// The newest changes to the booth; its team and organizers.
    async fn list_audit_log(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<Vec<AuditEntry>, AppError>;
}

/// A team's products: listing them with drafts, editing, deleting, reordering, and their
/// photos. Every call checks that the person is in the product's exhibitor's team.
#[async_trait::async_trait]
pub trait Products: Send + Sync + 'static {
    /// The team's products in its order, `limit` after position `after`.
    async fn list_team_products(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        after: Cursor,
        limit: usize,
    ) -> Result<Page<TeamProduct>, AppError>;
    /// A product's public page as its team sees it, drafts included.
    async fn get_product_preview(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<ProductDetail, AppError>;
    /// Validates and saves a product that is and stays a draft (autosave): a published
    /// product is refused (409), a form that would publish it too (400).
    async fn autosave_draft(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        form: ProductForm,
    ) -> Result<(), AppError>;
    /// A product as its editor opens it.
    async fn get_product_form(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<EditableProduct, AppError>;
    /// Validates and adds a product at the end of the exhibitor's list.
    async fn insert_product(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        form: ProductForm,
    ) -> Result<ProductId, AppError>;
    /// Validates and saves a product.
    async fn update_product(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        form: ProductForm,
    ) -> Result<(), AppError>;
    async fn delete_product(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<(), AppError>;
    /// Puts the listed products of `exhibitor` in this order among the places they hold.
    async fn reorder_products(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        ids: Vec<ProductId>,
    ) -> Result<(), AppError>;
    /// Appends uploaded photos (by the hashes of their stored files).
    async fn add_product_photos(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        hashes: Vec<String>,
    ) -> Result<(), AppError>;
    /// Sets the product's 3D model to an uploaded file (its stored name).
    async fn set_product_model(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        file: String,
    ) -> Result<(), AppError>;
    /// Removes the photo at `index`.
    async fn remove_product_photo(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        index: usize,
    ) -> Result<(), AppError>;
    /// Imports the products of a table (`domain::product_import`): the good rows in one
    /// transaction, the others reported; a file that is wrong as a whole changes nothing.
    async fn import_products(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        file_name: &str,
        rows: Vec<Vec<String>>,
    ) -> Result<ImportReport, AppError>;
    /// One of the exhibitor's import reports.
    async fn get_import_report(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        id: ImportId,
    ) -> Result<ImportReport, AppError>;
}
