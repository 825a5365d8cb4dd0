//! Inquiries: the form's draft, a buyer's new inquiry, and an inquiry with its quotations.

use super::quotations::QuotationRow;
use super::{PARTY_COLUMNS, PartyRow, country, currency, stored};
use crate::clock::now;
use crate::storage::Db;
use app::domain::conversation::ConversationExhibitor;
use app::domain::deal::{
    Incoterm, InquiryDraft, InquiryStatus, InquiryTerms, InquiryView, Side, ValidInquiry,
};
use app::domain::{
    ExhibitorId, InquiryId, Localized, OrderId, ProductId, StreamId, Translations, UserId,
};
use app::error::AppError;

#[derive(sqlx::FromRow)]
struct InquiryRow {
    #[sqlx(flatten)]
    parties: PartyRow,
    product_id: Option<i64>,
    product_title: String,
    unit: String,
    quantity: i64,
    target_price_cents: Option<i64>,
    currency: String,
    incoterm: String,
    destination_country: String,
    destination_place: String,
    message: String,
    status: String,
    created_at: i64,
    order_id: Option<i64>,
}

impl InquiryRow {
    fn terms(&self) -> Result<InquiryTerms, AppError> {
        Ok(InquiryTerms {
            product: self.product_id.map(ProductId),
            product_title: self.product_title.clone(),
            unit: self.unit.clone(),
            quantity: self.quantity,
            target_price_cents: self.target_price_cents,
            currency: currency(&self.currency)?,
            incoterm: stored(Incoterm::parse(&self.incoterm), "incoterm", &self.incoterm)?,
            destination_country: country(&self.destination_country)?,
            destination_place: self.destination_place.clone(),
            message: self.message.clone(),
        })
    }
}

impl Db {
    /// A published product, as the inquiry form shows it.
    pub async fn inquiry_draft(&self, product: ProductId) -> Result<InquiryDraft, AppError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            title_en: String,
            title_zh: String,
            unit_en: String,
            unit_zh: String,
            moq: i64,
            currency: String,
            exhibitor_id: i64,
            slug: String,
            name_en: String,
            name_zh: String,
            translations: Option<String>,
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT p.title_en, p.title_zh, p.unit_en, p.unit_zh, p.moq, p.currency, p.translations, \
             e.id AS exhibitor_id, e.slug, e.name_en, e.name_zh \
             FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
             WHERE p.id = $1 AND p.published = 1",
        )
        .bind(product.0)
        .fetch_optional(&self.pool)
        .await?;
        let row = row.ok_or(AppError::NotFound)?;
        let mut title = Localized::new(row.title_en, row.title_zh);
        Translations::from_stored(row.translations.as_deref()).add_to(&mut title, None);
        Ok(InquiryDraft {
            product,
            title,
            unit: Localized::new(row.unit_en, row.unit_zh),
            moq: row.moq,
            currency: currency(&row.currency)?,
            exhibitor: ConversationExhibitor {
                id: ExhibitorId(row.exhibitor_id),
                slug: row.slug,
                name: Localized::new(row.name_en, row.name_zh),
            },
        })
    }

    /// Stores a buyer's inquiry about a published product.
    pub async fn insert_inquiry(
        &self,
        buyer: UserId,
        product: ProductId,
        exhibitor: ExhibitorId,
        inquiry: &ValidInquiry,
        from_stream: Option<StreamId>,
    ) -> Result<InquiryId, AppError> {
        let at = now();
        // The stream is kept only when it is the exhibitor's and has started, with the
        // seconds since it started.
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO inquiries (buyer_id, exhibitor_id, product_id, product_title, unit, \
             quantity, target_price_cents, currency, incoterm, destination_country, \
             destination_place, message, status, created_at, updated_at, stream_id, stream_second) \
             SELECT $1, p.exhibitor_id, p.id, p.title_en, p.unit_en, $2, $3, $4, $5, $6, $7, $8, \
             'open', $9, $9, s.id, $9 - s.started_at FROM products p \
             LEFT JOIN live_streams s ON s.id = $12 AND s.exhibitor_id = p.exhibitor_id \
             AND s.started_at IS NOT NULL \
             WHERE p.id = $10 AND p.exhibitor_id = $11 AND p.published = 1 RETURNING id",
        )
        .bind(buyer.0)
        .bind(inquiry.quantity)
        .bind(inquiry.target_price_cents)
        .bind(inquiry.currency.code())
        .bind(inquiry.incoterm.code())
        .bind(inquiry.destination_country.as_str())
        .bind(&inquiry.destination_place)
        .bind(&inquiry.message)
        .bind(at)
        .bind(product.0)
        .bind(exhibitor.0)
        .bind(from_stream.map(|s| s.0))
        .fetch_optional(&self.pool)
        .await?;
        id.map(InquiryId).ok_or(AppError::NotFound)
    }

    /// An inquiry with its quotations, oldest first.
    pub async fn inquiry_view(&self, id: InquiryId, reader: Side) -> Result<InquiryView, AppError> {
        let row: Option<InquiryRow> = sqlx::query_as(&format!(
            "SELECT i.product_id, i.product_title, i.unit, i.quantity, \
             i.target_price_cents, i.currency, i.incoterm, i.destination_country, \
             i.destination_place, i.message, i.status, i.created_at, \
             (SELECT o.id FROM orders o WHERE o.inquiry_id = i.id) AS order_id, {PARTY_COLUMNS} \
             FROM inquiries i JOIN users b ON b.id = i.buyer_id \
             JOIN exhibitors e ON e.id = i.exhibitor_id WHERE i.id = $1"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        let row = row.ok_or(AppError::NotFound)?;
        let quotations: Vec<QuotationRow> = sqlx::query_as(
            "SELECT q.id, u.name AS author_name, q.quantity, q.unit_price_cents, q.currency, \
             q.moq, q.lead_time_days, q.valid_until, q.note, q.status, q.counter_price_cents, \
             q.counter_quantity, q.answer_note, q.created_at \
             FROM quotations q JOIN users u ON u.id = q.author_id \
             WHERE q.inquiry_id = $1 ORDER BY q.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(InquiryView {
            id,
            buyer: row.parties.buyer()?,
            exhibitor: row.parties.exhibitor(),
            terms: row.terms()?,
            status: stored(
                InquiryStatus::parse(&row.status),
                "inquiry status",
                &row.status,
            )?,
            created_at: row.created_at,
            quotations: quotations
                .into_iter()
                .map(QuotationRow::into_quotation)
                .collect::<Result<_, _>>()?,
            order: row.order_id.map(OrderId),
            reader,
            now: now(),
        })
    }
}
