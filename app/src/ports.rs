//! What the server functions need from storage, as traits the server implements for SQLite
//! and PostgreSQL and puts in the Leptos context. `app` never names SQL.

use crate::domain::ProductForm;
use crate::domain::account::ValidRegistration;
use crate::domain::conversation::{ConversationSummary, ConversationView, Message};
use crate::domain::deal::{
    Answer, DealLists, InquiryDraft, InquiryView, OrderStatus, OrderView, PublicContract,
    ValidInquiry, ValidQuotation,
};
use crate::domain::exhibitor::BoothImage;
use crate::domain::meeting::{
    AvailabilityPage, BookingPage, CallRoom, MeetingSummary, MeetingView, ValidAvailability,
};
use crate::domain::product_edit::{EditableProduct, TeamProduct};
use crate::domain::product_import::ImportReport;
use crate::domain::{
    Application, ApplicationForm, AuditEntry, BoothAssignments, CategoryDetail, CategorySummary,
    ConversationId, CurrentUser, Cursor, DirectoryFilter, ExhibitorId, ExhibitorOnboarding,
    ExhibitorProfile, ExhibitorSummary, FairSession, HallMap, InquiryId, InvitationOffer,
    MeetingId, MessageId, OrderId, OutboxMail, Page, ProductDetail, ProductId, ProductSummary,
    ProfileForm, QuotationId, SectionDetail, SectionSummary, SlotId, TeamView, UserId,
};
use crate::error::AppError;
use std::sync::Arc;

/// Read access to the fair's catalogue: its structure, exhibitors and products.
#[async_trait::async_trait]
pub trait Catalogue: Send + Sync + 'static {
    /// The session the site currently shows.
    async fn get_current_session(&self) -> Result<FairSession, AppError>;
    /// All categories of the current session, in display order.
    async fn list_categories(&self) -> Result<Vec<CategorySummary>, AppError>;
    /// All sections of the current session, by category and position.
    async fn list_sections(&self) -> Result<Vec<SectionSummary>, AppError>;
    async fn get_category(&self, slug: &str) -> Result<CategoryDetail, AppError>;
    async fn get_section(&self, slug: &str) -> Result<SectionDetail, AppError>;
    async fn get_hall_map(&self, slug: &str) -> Result<HallMap, AppError>;
    async fn get_exhibitor(&self, slug: &str) -> Result<ExhibitorProfile, AppError>;
    /// Exhibitors matching `filter`, by id, `limit` at a time.
    async fn list_exhibitors(
        &self,
        filter: &DirectoryFilter,
        limit: usize,
    ) -> Result<Page<ExhibitorSummary>, AppError>;
    /// An exhibitor's products, by id, `limit` at a time, starting after `after`.
    async fn list_exhibitor_products(
        &self,
        exhibitor: ExhibitorId,
        after: i64,
        limit: usize,
    ) -> Result<Page<ProductSummary>, AppError>;
    /// The newest products flagged new.
    async fn list_new_products(&self, limit: usize) -> Result<Vec<ProductSummary>, AppError>;
    async fn get_product(&self, id: ProductId) -> Result<ProductDetail, AppError>;
}

/// The address a request came from; the server's session layer leaves it in the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// Where a signature came from, as the request showed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedFrom {
    pub ip: String,
    pub user_agent: String,
}

/// Deals between a buyer and an exhibitor: inquiries, quotations, orders and their
/// contracts. Every call checks that the actor is a party, and the side's own right for
/// what only that side does.
#[async_trait::async_trait]
pub trait Deals: Send + Sync + 'static {
    /// The product a buyer is about to ask about.
    async fn inquiry_draft(
        &self,
        actor: Option<&CurrentUser>,
        product: ProductId,
    ) -> Result<InquiryDraft, AppError>;
    async fn send_inquiry(
        &self,
        actor: Option<&CurrentUser>,
        product: ProductId,
        inquiry: ValidInquiry,
    ) -> Result<InquiryId, AppError>;
    async fn inquiry(
        &self,
        actor: Option<&CurrentUser>,
        id: InquiryId,
    ) -> Result<InquiryView, AppError>;
    /// The exhibitor's quotation; it replaces one the buyer has not answered yet.
    async fn quote(
        &self,
        actor: Option<&CurrentUser>,
        inquiry: InquiryId,
        quotation: ValidQuotation,
    ) -> Result<QuotationId, AppError>;
    /// The buyer's answer; accepting places the order (and drafts its contract).
    async fn answer(
        &self,
        actor: Option<&CurrentUser>,
        quotation: QuotationId,
        answer: Answer,
    ) -> Result<(InquiryId, Option<OrderId>), AppError>;
    async fn order(&self, actor: Option<&CurrentUser>, id: OrderId) -> Result<OrderView, AppError>;
    async fn move_order(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
        to: OrderStatus,
    ) -> Result<(), AppError>;
    /// Signs the order's contract for the actor's side; `sha256` is the hash the signer was
    /// shown, and must be the contract's.
    async fn sign(
        &self,
        actor: Option<&CurrentUser>,
        id: OrderId,
        sha256: &str,
        signer_name: String,
        from: SignedFrom,
    ) -> Result<(), AppError>;
    /// A contract by the secret of its public link.
    async fn contract(&self, token: &str) -> Result<PublicContract, AppError>;
    /// The actor's inquiries and orders.
    async fn deals(&self, actor: Option<&CurrentUser>) -> Result<DealLists, AppError>;
}

/// Meetings between buyers and exhibitors' teams, in slots the exhibitors publish. Every
/// time comes back written in both parties' zones.
#[async_trait::async_trait]
pub trait Meetings: Send + Sync + 'static {
    /// An exhibitor's free slots and the buyer's meetings with it.
    async fn booking_page(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor_slug: &str,
    ) -> Result<BookingPage, AppError>;
    /// Requests a slot; the exhibitor confirms or declines, or the request expires.
    async fn book(
        &self,
        actor: Option<&CurrentUser>,
        slot: SlotId,
        topic: String,
    ) -> Result<MeetingId, AppError>;
    async fn meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
    ) -> Result<MeetingView, AppError>;
    /// The team confirms (or declines) a request.
    async fn answer_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        confirm: bool,
    ) -> Result<(), AppError>;
    async fn cancel_meeting(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
    ) -> Result<(), AppError>;
    /// The buyer moves a meeting to another free slot, without cancelling it first.
    async fn reschedule(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
        slot: SlotId,
    ) -> Result<(), AppError>;
    /// The actor's team's zone and slots.
    async fn availability(&self, actor: Option<&CurrentUser>)
    -> Result<AvailabilityPage, AppError>;
    /// Publishes the slots of a window in the team's zone; the number of new slots.
    async fn add_availability(
        &self,
        actor: Option<&CurrentUser>,
        window: ValidAvailability,
    ) -> Result<u64, AppError>;
    /// Sets the zone the actor's times are shown in: a buyer's own, or their team's.
    async fn set_time_zone(&self, actor: Option<&CurrentUser>, zone: &str) -> Result<(), AppError>;
    /// The actor's meetings, the latest first.
    async fn meetings(&self, actor: Option<&CurrentUser>) -> Result<Vec<MeetingSummary>, AppError>;
    /// A live meeting's call, for its parties.
    async fn call_room(
        &self,
        actor: Option<&CurrentUser>,
        id: MeetingId,
    ) -> Result<CallRoom, AppError>;
}

/// Conversations between buyers and exhibitors' teams. Every call checks that the actor is
/// the conversation's buyer or in its exhibitor's team.
#[async_trait::async_trait]
pub trait Conversations: Send + Sync + 'static {
    /// The buyer's conversation with `exhibitor`, started if there was none.
    async fn start(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<ConversationId, AppError>;
    /// The actor's conversations, the latest first, with their unread counts.
    async fn list(&self, actor: Option<&CurrentUser>)
    -> Result<Vec<ConversationSummary>, AppError>;
    /// A conversation with its newest messages (or those before `before`); marks them read.
    async fn open(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        before: Option<MessageId>,
    ) -> Result<ConversationView, AppError>;
    /// Stores a message, or finds the one its sender stored under the same `client_id`;
    /// `true` when it is new. Nothing is acknowledged before this returns.
    async fn send(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        client_id: &str,
        body: &str,
    ) -> Result<(Message, bool), AppError>;
    /// Up to a page of messages after `after`, oldest first.
    async fn messages_after(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        after: Option<MessageId>,
    ) -> Result<Vec<Message>, AppError>;
    /// The actor has read the conversation up to `up_to`.
    async fn mark_read(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        up_to: MessageId,
    ) -> Result<(), AppError>;
    /// The actor's side blocks the conversation (no messages either way until it unblocks)
    /// or unblocks it.
    async fn set_blocked(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        blocked: bool,
    ) -> Result<(), AppError>;
    /// Reports the conversation to the organizer with a reason and a note, keeping its last
    /// messages; blocks it too if asked. `Conflict` when the actor reported it before.
    async fn report(
        &self,
        actor: Option<&CurrentUser>,
        conversation: ConversationId,
        reason: &str,
        note: &str,
        block: bool,
    ) -> Result<(), AppError>;
    /// Every report, the newest first: the organizer's.
    async fn list_reports(
        &self,
        actor: Option<&CurrentUser>,
    ) -> Result<Vec<crate::domain::moderation::ConversationReport>, AppError>;
}

/// The conversations service the server put in the context.
pub fn conversations() -> Result<Arc<dyn Conversations>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Conversations>>()
        .ok_or_else(|| AppError::internal("no Conversations in the Leptos context"))
}

/// The catalogue the server put in the context.
pub fn catalogue() -> Result<Arc<dyn Catalogue>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Catalogue>>()
        .ok_or_else(|| AppError::internal("no Catalogue in the Leptos context"))
}

/// Full-text product search with facets, kept in step with the catalogue by the server.
#[async_trait::async_trait]
pub trait Search: Send + Sync + 'static {
    /// One page of products matching `query`, with facet counts; `Unavailable` while the
    /// index is first built.
    async fn search_products(
        &self,
        query: &crate::domain::SearchQuery,
    ) -> Result<crate::domain::SearchResults, AppError>;
    /// Up to `limit` product titles starting with what was typed, in `locale`.
    async fn suggest(
        &self,
        prefix: &str,
        locale: &str,
        limit: usize,
    ) -> Result<Vec<String>, AppError>;
}

/// The search the server put in the context.
pub fn search() -> Result<Arc<dyn Search>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Search>>()
        .ok_or_else(|| AppError::internal("no Search in the Leptos context"))
}

/// A session secret as the browser keeps it in its cookie; the server stores only its hash.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(pub String);

/// People and their sessions: registration, e-mail verification, signing in and out.
#[async_trait::async_trait]
pub trait Accounts: Send + Sync + 'static {
    /// Creates a buyer's account and mails a link that verifies the address; `Conflict` when
    /// the address is taken.
    async fn register(&self, form: ValidRegistration, locale: &str) -> Result<UserId, AppError>;
    /// Marks the address of the link's account verified; `NotFound` for an unknown, used or
    /// expired link.
    async fn verify_email(&self, token: &str) -> Result<(), AppError>;
    /// Mails a link to choose a new password, if the address has an account; answers the same
    /// either way, so the form reveals nobody's account.
    async fn request_password_reset(&self, email: &str, locale: &str) -> Result<(), AppError>;
    /// Sets a new password with a reset link and ends every session of the account;
    /// `Validation` for a password the rules refuse, `NotFound` for an unknown, used or
    /// expired link.
    async fn reset_password(&self, token: &str, new_password: &str) -> Result<(), AppError>;
    /// A new session for the account with these credentials; `Unauthenticated` otherwise (the
    /// same answer for an unknown address and a wrong password).
    async fn log_in(&self, email: &str, password: &str) -> Result<SessionToken, AppError>;
    /// Ends the session, or every session of its account.
    async fn log_out(&self, session: &SessionToken, everywhere: bool) -> Result<(), AppError>;
    /// The person behind a session, if it is valid.
    async fn current_user(&self, session: &SessionToken) -> Result<Option<CurrentUser>, AppError>;
    /// Whether session cookies must be marked `Secure` (the site is served over HTTPS).
    fn secure_cookies(&self) -> bool;
    /// The newest `limit` mails of the outbox; organizers only.
    async fn outbox(
        &self,
        actor: Option<&CurrentUser>,
        limit: i64,
    ) -> Result<Vec<OutboxMail>, AppError>;
}

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
    async fn invitation(&self, token: &str) -> Result<InvitationOffer, AppError>;
    /// Creates the invited person's account in the team and signs them in.
    async fn accept_invitation(
        &self,
        token: &str,
        name: &str,
        password: &str,
    ) -> Result<SessionToken, AppError>;
    /// The team of `exhibitor`; its members and organizers.
    async fn team(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<TeamView, AppError>;
    /// Exhibitors in id order after `after`, with their booths and owners; organizers only.
    async fn onboarding(
        &self,
        actor: Option<&CurrentUser>,
        after: Cursor,
    ) -> Result<Page<ExhibitorOnboarding>, AppError>;
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
    async fn apply(&self, form: &ApplicationForm, locale: &str) -> Result<(), AppError>;
    /// Pending applications in id order after `after`; organizers only.
    async fn applications(
        &self,
        actor: Option<&CurrentUser>,
        after: Cursor,
    ) -> Result<Page<Application>, AppError>;
    /// Approves an application: the exhibitor and its owner's invitation. Returns the new
    /// exhibitor's address.
    async fn approve(
        &self,
        actor: Option<&CurrentUser>,
        application: i64,
    ) -> Result<String, AppError>;
    /// Declines an application and mails the applicant `reason`.
    async fn decline(
        &self,
        actor: Option<&CurrentUser>,
        application: i64,
        reason: &str,
    ) -> Result<(), AppError>;
    /// An exhibitor's booths and free ones to choose from; organizers only.
    async fn booth_assignments(
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
    async fn profile_form(
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
    async fn audit_log(
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
    async fn team_products(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        after: i64,
        limit: usize,
    ) -> Result<Page<TeamProduct>, AppError>;
    /// A product's public page as its team sees it, drafts included.
    async fn preview_product(
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
    async fn product_form(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
    ) -> Result<EditableProduct, AppError>;
    /// Validates and adds a product at the end of the exhibitor's list.
    async fn create_product(
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
    async fn add_photos(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        hashes: Vec<String>,
    ) -> Result<(), AppError>;
    /// Sets the product's 3D model to an uploaded file (its stored name).
    async fn set_model(
        &self,
        actor: Option<&CurrentUser>,
        id: ProductId,
        file: String,
    ) -> Result<(), AppError>;
    /// Removes the photo at `index`.
    async fn remove_photo(
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
    async fn import_report(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        id: i64,
    ) -> Result<ImportReport, AppError>;
}

/// The meetings service the server put in the context.
pub fn meetings() -> Result<Arc<dyn Meetings>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Meetings>>()
        .ok_or_else(|| AppError::internal("no Meetings in the Leptos context"))
}

/// The deals service the server put in the context.
pub fn deals() -> Result<Arc<dyn Deals>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Deals>>()
        .ok_or_else(|| AppError::internal("no Deals in the Leptos context"))
}

/// The product editor the server put in the context.
pub fn products() -> Result<Arc<dyn Products>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Products>>()
        .ok_or_else(|| AppError::internal("no Products in the Leptos context"))
}

/// The booth editor the server put in the context.
pub fn booths() -> Result<Arc<dyn Booths>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Booths>>()
        .ok_or_else(|| AppError::internal("no Booths in the Leptos context"))
}

/// The onboarding service the server put in the context.
pub fn onboarding() -> Result<Arc<dyn Onboarding>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Onboarding>>()
        .ok_or_else(|| AppError::internal("no Onboarding in the Leptos context"))
}

/// The teams service the server put in the context.
pub fn teams() -> Result<Arc<dyn Teams>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Teams>>()
        .ok_or_else(|| AppError::internal("no Teams in the Leptos context"))
}

/// The accounts service the server put in the context.
pub fn accounts() -> Result<Arc<dyn Accounts>, AppError> {
    leptos::prelude::use_context::<Arc<dyn Accounts>>()
        .ok_or_else(|| AppError::internal("no Accounts in the Leptos context"))
}
