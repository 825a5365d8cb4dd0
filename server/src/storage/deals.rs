//! Deals over SQL: inquiries, their quotations and answers, orders and their history. Each
//! change of state is one conditional UPDATE inside a write transaction, so two answers to
//! the same quotation, however close together, change it once and place one order.

use super::conversations::Parties;
use super::{Db, internal};
use crate::clock::now;
use app::domain::conversation::{ConversationBuyer, ConversationExhibitor};
use app::domain::deal::{
    Answer, Counter, DealLists, Incoterm, InquiryDraft, InquiryStatus, InquirySummary,
    InquiryTerms, InquiryView, OrderEvent, OrderStatus, OrderSummary, Quotation, QuotationStatus,
    Side, ValidInquiry, ValidQuotation, total_cents,
};
use app::domain::{
    CountryCode, Currency, ExhibitorId, InquiryId, Localized, OrderId, ProductId, QuotationId,
    UserId,
};
use app::error::AppError;
use sqlx::{Any, Transaction};

/// The most inquiries and orders listed at once.
const LISTED_MAX: i64 = 200;

/// A value read from the database that must parse, or the row is broken.
fn stored<T>(value: Option<T>, what: &str, raw: &str) -> Result<T, AppError> {
    value.ok_or_else(|| AppError::internal(format!("stored {what} {raw:?} is not known")))
}

fn country(raw: &str) -> Result<CountryCode, AppError> {
    stored(CountryCode::parse(raw), "country", raw)
}

fn currency(raw: &str) -> Result<Currency, AppError> {
    stored(Currency::parse(raw), "currency", raw)
}

/// Whose deals to list: a buyer's, or an exhibitor's team's.
#[derive(Clone, Copy, Debug)]
pub enum Dealer {
    Buyer(UserId),
    Team(ExhibitorId),
}

impl Dealer {
    /// The filter on `alias.buyer_id` or `alias.exhibitor_id`, and its value.
    fn filter(self, alias: &str) -> (String, i64) {
        match self {
            Dealer::Buyer(user) => (format!("{alias}.buyer_id = $1"), user.0),
            Dealer::Team(exhibitor) => (format!("{alias}.exhibitor_id = $1"), exhibitor.0),
        }
    }

    /// The other side's name, as a column.
    fn other_side(self) -> &'static str {
        match self {
            Dealer::Buyer(_) => "e.name_en",
            Dealer::Team(_) => "b.name || ' · ' || b.company",
        }
    }
}

const PARTY_COLUMNS: &str = "b.id AS buyer_id, b.name AS buyer_name, b.company AS buyer_company, \
     b.country AS buyer_country, e.id AS exhibitor_id, e.slug AS exhibitor_slug, \
     e.name_en AS exhibitor_name_en, e.name_zh AS exhibitor_name_zh, e.country AS exhibitor_country";

#[derive(sqlx::FromRow)]
struct PartyRow {
    buyer_id: i64,
    buyer_name: String,
    buyer_company: String,
    buyer_country: String,
    exhibitor_id: i64,
    exhibitor_slug: String,
    exhibitor_name_en: String,
    exhibitor_name_zh: String,
    exhibitor_country: String,
}

impl PartyRow {
    fn buyer(&self) -> Result<ConversationBuyer, AppError> {
        Ok(ConversationBuyer {
            id: UserId(self.buyer_id),
            name: self.buyer_name.clone(),
            company: self.buyer_company.clone(),
            country: country(&self.buyer_country)?,
        })
    }

    fn exhibitor(&self) -> ConversationExhibitor {
        ConversationExhibitor {
            id: ExhibitorId(self.exhibitor_id),
            slug: self.exhibitor_slug.clone(),
            name: Localized::new(&self.exhibitor_name_en, &self.exhibitor_name_zh),
        }
    }
}

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

#[derive(sqlx::FromRow)]
struct QuotationRow {
    id: i64,
    author_name: String,
    quantity: i64,
    unit_price_cents: i64,
    currency: String,
    moq: i64,
    lead_time_days: i64,
    valid_until: i64,
    note: String,
    status: String,
    counter_price_cents: Option<i64>,
    counter_quantity: Option<i64>,
    answer_note: String,
    created_at: i64,
}

impl QuotationRow {
    fn into_quotation(self) -> Result<Quotation, AppError> {
        Ok(Quotation {
            id: QuotationId(self.id),
            author_name: self.author_name,
            quantity: self.quantity,
            unit_price_cents: self.unit_price_cents,
            currency: currency(&self.currency)?,
            moq: self.moq,
            lead_time_days: self.lead_time_days,
            valid_until: self.valid_until,
            note: self.note,
            status: stored(
                QuotationStatus::parse(&self.status),
                "quotation status",
                &self.status,
            )?,
            counter: match (self.counter_price_cents, self.counter_quantity) {
                (Some(unit_price_cents), Some(quantity)) => Some(Counter {
                    unit_price_cents,
                    quantity,
                }),
                _ => None,
            },
            answer_note: self.answer_note,
            created_at: self.created_at,
        })
    }
}

/// An order's terms and parties, as its page and its contract show them.
#[derive(sqlx::FromRow)]
pub struct OrderRow {
    #[sqlx(flatten)]
    parties: PartyRow,
    pub id: i64,
    pub inquiry_id: i64,
    pub quotation_id: i64,
    pub quotation_at: i64,
    pub product_title: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price_cents: i64,
    pub currency: String,
    pub incoterm: String,
    pub destination_country: String,
    pub destination_place: String,
    pub lead_time_days: i64,
    pub status: String,
    pub placed_at: i64,
}

/// An order's terms, parsed: what its contract says.
pub struct OrderTerms {
    pub id: OrderId,
    pub inquiry: InquiryId,
    pub quotation: QuotationId,
    pub quotation_at: i64,
    pub buyer: ConversationBuyer,
    pub exhibitor: ConversationExhibitor,
    pub exhibitor_country: CountryCode,
    pub product_title: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price_cents: i64,
    pub currency: Currency,
    pub total_cents: i64,
    pub incoterm: Incoterm,
    pub destination_country: CountryCode,
    pub destination_place: String,
    pub lead_time_days: i64,
    pub status: OrderStatus,
    pub placed_at: i64,
}

impl OrderRow {
    fn into_terms(self) -> Result<OrderTerms, AppError> {
        Ok(OrderTerms {
            id: OrderId(self.id),
            inquiry: InquiryId(self.inquiry_id),
            quotation: QuotationId(self.quotation_id),
            quotation_at: self.quotation_at,
            buyer: self.parties.buyer()?,
            exhibitor: self.parties.exhibitor(),
            exhibitor_country: country(&self.parties.exhibitor_country)?,
            total_cents: total_cents(self.quantity, self.unit_price_cents).ok_or_else(|| {
                AppError::internal(format!("order {} has an absurd total", self.id))
            })?,
            product_title: self.product_title,
            unit: self.unit,
            quantity: self.quantity,
            unit_price_cents: self.unit_price_cents,
            currency: currency(&self.currency)?,
            incoterm: stored(Incoterm::parse(&self.incoterm), "incoterm", &self.incoterm)?,
            destination_country: country(&self.destination_country)?,
            destination_place: self.destination_place,
            lead_time_days: self.lead_time_days,
            status: stored(
                OrderStatus::parse(&self.status),
                "order status",
                &self.status,
            )?,
            placed_at: self.placed_at,
        })
    }
}

const ORDER_QUERY: &str = "SELECT o.id, o.inquiry_id, o.quotation_id, q.created_at AS quotation_at, \
     i.product_title, i.unit, q.quantity, q.unit_price_cents, q.currency, i.incoterm, \
     i.destination_country, i.destination_place, q.lead_time_days, o.status, o.placed_at, ";

async fn order_terms(conn: &mut sqlx::AnyConnection, id: OrderId) -> Result<OrderTerms, AppError> {
    let row: Option<OrderRow> = sqlx::query_as(&format!(
        "{ORDER_QUERY}{PARTY_COLUMNS} FROM orders o JOIN quotations q ON q.id = o.quotation_id \
         JOIN inquiries i ON i.id = o.inquiry_id JOIN users b ON b.id = o.buyer_id \
         JOIN exhibitors e ON e.id = o.exhibitor_id WHERE o.id = $1"
    ))
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await
    .map_err(internal)?;
    row.ok_or(AppError::NotFound)?.into_terms()
}

/// Why a conditional change found nothing to change: the row is gone, or it moved on.
async fn missed(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    id: i64,
    conflict: &str,
) -> AppError {
    let exists: Result<Option<i64>, _> =
        sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await;
    match exists {
        Ok(Some(_)) => AppError::Conflict(conflict.into()),
        Ok(None) => AppError::NotFound,
        Err(error) => internal(error),
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
        }
        let row: Option<Row> = sqlx::query_as(
            "SELECT p.title_en, p.title_zh, p.unit_en, p.unit_zh, p.moq, p.currency, \
             e.id AS exhibitor_id, e.slug, e.name_en, e.name_zh \
             FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
             WHERE p.id = $1 AND p.published = 1",
        )
        .bind(product.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(internal)?;
        let row = row.ok_or(AppError::NotFound)?;
        Ok(InquiryDraft {
            product,
            title: Localized::new(row.title_en, row.title_zh),
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
    ) -> Result<InquiryId, AppError> {
        let at = now();
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO inquiries (buyer_id, exhibitor_id, product_id, product_title, unit, \
             quantity, target_price_cents, currency, incoterm, destination_country, \
             destination_place, message, status, created_at, updated_at) \
             SELECT $1, p.exhibitor_id, p.id, p.title_en, p.unit_en, $2, $3, $4, $5, $6, $7, $8, \
             'open', $9, $9 FROM products p \
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
        .fetch_optional(&self.pool)
        .await
        .map_err(internal)?;
        id.map(InquiryId).ok_or(AppError::NotFound)
    }

    /// Who an inquiry is between.
    pub async fn inquiry_parties(&self, id: InquiryId) -> Result<Parties, AppError> {
        self.parties_of("inquiries", id.0).await
    }

    /// Who an order is between.
    pub async fn order_parties(&self, id: OrderId) -> Result<Parties, AppError> {
        self.parties_of("orders", id.0).await
    }

    async fn parties_of(&self, table: &str, id: i64) -> Result<Parties, AppError> {
        let row: Option<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT buyer_id, exhibitor_id FROM {table} WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(internal)?;
        let (buyer, exhibitor) = row.ok_or(AppError::NotFound)?;
        Ok(Parties {
            buyer: UserId(buyer),
            exhibitor: ExhibitorId(exhibitor),
        })
    }

    /// The inquiry of a quotation, and who it is between.
    pub async fn quotation_parties(
        &self,
        quotation: QuotationId,
    ) -> Result<(InquiryId, Parties), AppError> {
        let inquiry: Option<i64> =
            sqlx::query_scalar("SELECT inquiry_id FROM quotations WHERE id = $1")
                .bind(quotation.0)
                .fetch_optional(&self.pool)
                .await
                .map_err(internal)?;
        let inquiry = InquiryId(inquiry.ok_or(AppError::NotFound)?);
        Ok((inquiry, self.inquiry_parties(inquiry).await?))
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
        .await
        .map_err(internal)?;
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
        .await
        .map_err(internal)?;
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

    /// Stores a quotation; one the buyer has not answered yet is superseded. A declined or
    /// ordered inquiry takes no more quotations (409).
    pub async fn insert_quotation(
        &self,
        inquiry: InquiryId,
        author: UserId,
        quotation: &ValidQuotation,
    ) -> Result<QuotationId, AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let reopened = sqlx::query(
            "UPDATE inquiries SET status = 'quoted', updated_at = $2 \
             WHERE id = $1 AND status IN ('open', 'quoted', 'countered')",
        )
        .bind(inquiry.0)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        if reopened.rows_affected() == 0 {
            return Err(missed(&mut tx, "inquiries", inquiry.0, "inquiry_closed").await);
        }
        sqlx::query(
            "UPDATE quotations SET status = 'superseded' WHERE inquiry_id = $1 AND status = 'offered'",
        )
        .bind(inquiry.0)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO quotations (inquiry_id, author_id, quantity, unit_price_cents, currency, \
             moq, lead_time_days, valid_until, note, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'offered', $10) RETURNING id",
        )
        .bind(inquiry.0)
        .bind(author.0)
        .bind(quotation.quantity)
        .bind(quotation.unit_price_cents)
        .bind(quotation.currency.code())
        .bind(quotation.moq)
        .bind(quotation.lead_time_days)
        .bind(at + quotation.valid_days * 86_400)
        .bind(&quotation.note)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        Ok(QuotationId(id))
    }

    /// The buyer's counter-offer or refusal of an offered quotation; 409 when it was
    /// answered or replaced already.
    pub async fn answer_quotation(
        &self,
        quotation: QuotationId,
        inquiry: InquiryId,
        by: UserId,
        answer: &Answer,
    ) -> Result<(), AppError> {
        let (status, inquiry_status, price, quantity, note) = match answer {
            Answer::Counter {
                unit_price_cents,
                quantity,
                note,
            } => (
                "countered",
                "countered",
                Some(*unit_price_cents),
                Some(*quantity),
                note,
            ),
            Answer::Decline { note } => ("declined", "declined", None, None, note),
            Answer::Accept => return Err(AppError::internal("an acceptance is an order")),
        };
        let at = now();
        let mut tx = self.begin_write().await?;
        let answered = sqlx::query(
            "UPDATE quotations SET status = $2, counter_price_cents = $3, counter_quantity = $4, \
             answer_note = $5, answered_by = $6, answered_at = $7 \
             WHERE id = $1 AND status = 'offered'",
        )
        .bind(quotation.0)
        .bind(status)
        .bind(price)
        .bind(quantity)
        .bind(note)
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        if answered.rows_affected() == 0 {
            return Err(missed(&mut tx, "quotations", quotation.0, "quotation_answered").await);
        }
        sqlx::query("UPDATE inquiries SET status = $2, updated_at = $3 WHERE id = $1")
            .bind(inquiry.0)
            .bind(inquiry_status)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        Ok(())
    }

    /// Accepts an offered quotation that is still valid: the order is placed and its
    /// contract stored, with the text `contract` writes from the order's terms, all in one
    /// transaction. 409 when the quotation was answered, replaced or has expired.
    pub async fn accept_quotation(
        &self,
        quotation: QuotationId,
        by: UserId,
        contract: impl FnOnce(&OrderTerms) -> Result<NewContract, AppError>,
    ) -> Result<OrderId, AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let accepted = sqlx::query(
            "UPDATE quotations SET status = 'accepted', answered_by = $2, answered_at = $3 \
             WHERE id = $1 AND status = 'offered' AND valid_until >= $3",
        )
        .bind(quotation.0)
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        if accepted.rows_affected() == 0 {
            let expired: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM quotations WHERE id = $1 AND status = 'offered'",
            )
            .bind(quotation.0)
            .fetch_optional(&mut *tx)
            .await
            .map_err(internal)?;
            if expired.is_some() {
                return Err(AppError::Conflict("quotation_expired".into()));
            }
            return Err(missed(&mut tx, "quotations", quotation.0, "quotation_answered").await);
        }
        let order: i64 = sqlx::query_scalar(
            "INSERT INTO orders (inquiry_id, quotation_id, buyer_id, exhibitor_id, status, \
             placed_at, updated_at) \
             SELECT i.id, q.id, i.buyer_id, i.exhibitor_id, 'placed', $2, $2 \
             FROM quotations q JOIN inquiries i ON i.id = q.inquiry_id WHERE q.id = $1 RETURNING id",
        )
        .bind(quotation.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict("quotation_answered".into())
            }
            _ => internal(error),
        })?;
        sqlx::query(
            "UPDATE inquiries SET status = 'ordered', updated_at = $2 \
             WHERE id = (SELECT inquiry_id FROM quotations WHERE id = $1)",
        )
        .bind(quotation.0)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        insert_event(&mut tx, OrderId(order), OrderStatus::Placed, by, at).await?;
        let terms = order_terms(&mut tx, OrderId(order)).await?;
        let new = contract(&terms)?;
        sqlx::query(
            "INSERT INTO contracts (order_id, token, body, sha256, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(order)
        .bind(&new.token)
        .bind(&new.body)
        .bind(&new.sha256)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        Ok(OrderId(order))
    }

    /// An order's terms and parties.
    pub async fn order_terms(&self, id: OrderId) -> Result<OrderTerms, AppError> {
        let mut conn = self.pool.acquire().await.map_err(internal)?;
        order_terms(&mut conn, id).await
    }

    /// An order's changes of status, oldest first.
    pub async fn order_history(&self, id: OrderId) -> Result<Vec<OrderEvent>, AppError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT v.status, u.name, v.at FROM order_events v JOIN users u ON u.id = v.actor_id \
             WHERE v.order_id = $1 ORDER BY v.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .map_err(internal)?;
        rows.into_iter()
            .map(|(status, by, at)| {
                Ok(OrderEvent {
                    status: stored(OrderStatus::parse(&status), "order status", &status)?,
                    by,
                    at,
                })
            })
            .collect()
    }

    /// Moves an order from `from` to `to`; 409 when it is no longer at `from`.
    pub async fn move_order(
        &self,
        id: OrderId,
        from: OrderStatus,
        to: OrderStatus,
        by: UserId,
    ) -> Result<(), AppError> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let moved = sqlx::query(
            "UPDATE orders SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2",
        )
        .bind(id.0)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(internal)?;
        if moved.rows_affected() == 0 {
            return Err(missed(&mut tx, "orders", id.0, "order_changed").await);
        }
        insert_event(&mut tx, id, to, by, at).await?;
        tx.commit().await.map_err(internal)
    }

    /// The reader's inquiries and orders, the latest first.
    pub async fn list_deals(&self, dealer: Dealer) -> Result<DealLists, AppError> {
        let (filter, party) = dealer.filter("i");
        let other = dealer.other_side();
        #[derive(sqlx::FromRow)]
        struct InquiryLine {
            id: i64,
            counterpart: String,
            product_title: String,
            quantity: i64,
            status: String,
            updated_at: i64,
        }
        #[derive(sqlx::FromRow)]
        struct OrderLine {
            id: i64,
            counterpart: String,
            product_title: String,
            quantity: i64,
            unit_price_cents: i64,
            currency: String,
            status: String,
            updated_at: i64,
        }
        let inquiries: Vec<InquiryLine> = sqlx::query_as(&format!(
            "SELECT i.id, {other} AS counterpart, i.product_title, i.quantity, i.status, i.updated_at \
             FROM inquiries i JOIN users b ON b.id = i.buyer_id \
             JOIN exhibitors e ON e.id = i.exhibitor_id WHERE {filter} \
             ORDER BY i.updated_at DESC, i.id DESC LIMIT {LISTED_MAX}"
        ))
        .bind(party)
        .fetch_all(&self.pool)
        .await
        .map_err(internal)?;
        let (filter, party) = dealer.filter("o");
        let orders: Vec<OrderLine> = sqlx::query_as(&format!(
            "SELECT o.id, {other} AS counterpart, i.product_title, q.quantity, q.unit_price_cents, \
             q.currency, o.status, o.updated_at \
             FROM orders o JOIN inquiries i ON i.id = o.inquiry_id \
             JOIN quotations q ON q.id = o.quotation_id JOIN users b ON b.id = o.buyer_id \
             JOIN exhibitors e ON e.id = o.exhibitor_id WHERE {filter} \
             ORDER BY o.updated_at DESC, o.id DESC LIMIT {LISTED_MAX}"
        ))
        .bind(party)
        .fetch_all(&self.pool)
        .await
        .map_err(internal)?;
        Ok(DealLists {
            inquiries: inquiries
                .into_iter()
                .map(|line| {
                    Ok(InquirySummary {
                        id: InquiryId(line.id),
                        status: stored(
                            InquiryStatus::parse(&line.status),
                            "inquiry status",
                            &line.status,
                        )?,
                        with: line.counterpart,
                        product_title: line.product_title,
                        quantity: line.quantity,
                        updated_at: line.updated_at,
                    })
                })
                .collect::<Result<_, AppError>>()?,
            orders: orders
                .into_iter()
                .map(|line| {
                    Ok(OrderSummary {
                        id: OrderId(line.id),
                        total_cents: total_cents(line.quantity, line.unit_price_cents)
                            .unwrap_or(i64::MAX),
                        currency: currency(&line.currency)?,
                        status: stored(
                            OrderStatus::parse(&line.status),
                            "order status",
                            &line.status,
                        )?,
                        with: line.counterpart,
                        product_title: line.product_title,
                        updated_at: line.updated_at,
                    })
                })
                .collect::<Result<_, AppError>>()?,
        })
    }
}

/// A contract to store with its order.
pub struct NewContract {
    pub token: String,
    pub body: String,
    pub sha256: String,
}

async fn insert_event(
    tx: &mut Transaction<'static, Any>,
    order: OrderId,
    status: OrderStatus,
    by: UserId,
    at: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO order_events (order_id, status, actor_id, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(order.0)
    .bind(status.as_str())
    .bind(by.0)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(internal)?;
    Ok(())
}
