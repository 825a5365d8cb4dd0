//! What the load works on, made before the first kill: buyers and team members of the first
//! exhibitors with their sessions and conversations (`bench-chat`'s people), a published
//! product per team to edit, more sessions of one buyer (tabs racing to accept), and a week
//! and a half of published meeting slots that buyers race for.

use crate::commands::chat_bench::people::{self, Pair};
use crate::commands::harness::client::Client;
use crate::storage::Db;
use anyhow::Context;
use app::domain::ExhibitorId;

/// Sessions of the accepting buyer that race for each quotation.
pub const TABS: usize = 4;
/// Days of slots published (48 a day).
const SLOT_DAYS: i64 = 10;

pub struct Fixtures {
    /// This run's mark in client ids, SKUs and titles.
    pub run: String,
    pub pairs: Vec<Pair>,
    /// A published product of each pair's exhibitor, which its team edits.
    pub products: Vec<i64>,
    /// More sessions of the last pair's buyer.
    pub tabs: Vec<String>,
    /// The first pair's exhibitor's slug and its free slots.
    pub slug: String,
    pub slots: Vec<i64>,
}

/// The people, products and sessions (straight into the database, before the server runs).
pub async fn people(db: &Db, count: usize, seed: u64) -> anyhow::Result<Fixtures> {
    let pairs = people::pairs(db, count.max(2)).await?;
    let mut products = Vec::with_capacity(pairs.len());
    for pair in &pairs {
        products.push(product_of(db, pair.exhibitor).await?);
    }
    let last = pairs.last().context("no pairs")?;
    let mut tabs = Vec::with_capacity(TABS);
    for _ in 0..TABS {
        tabs.push(people::session(db, last.buyer_id).await?);
    }
    let first = pairs.first().context("no pairs")?;
    let slug: String = sqlx::query_scalar("SELECT slug FROM exhibitors WHERE id = $1")
        .bind(first.exhibitor.0)
        .fetch_one(&db.pool)
        .await?;
    Ok(Fixtures {
        run: format!("c{seed}t{}", crate::clock::now()),
        pairs,
        products,
        tabs,
        slug,
        slots: Vec::new(),
    })
}

pub(crate) async fn product_of(db: &Db, exhibitor: ExhibitorId) -> anyhow::Result<i64> {
    sqlx::query_scalar(
        "SELECT id FROM products WHERE exhibitor_id = $1 AND published = 1 ORDER BY id LIMIT 1",
    )
    .bind(exhibitor.0)
    .fetch_optional(&db.pool)
    .await?
    .with_context(|| format!("exhibitor {} has no published product", exhibitor.0))
}

/// The first team publishes 08:00–20:00 in 15-minute slots for `SLOT_DAYS` days from the
/// day after tomorrow (through the server: a day published by an earlier run adds nothing);
/// the slots nobody has ever booked are kept, soonest first.
pub async fn publish_slots(db: &Db, http: Client, fixtures: &mut Fixtures) -> anyhow::Result<()> {
    let first = fixtures.pairs.first().context("no pairs")?;
    let today = jiff::Zoned::now().date();
    for day in 2..2 + SLOT_DAYS {
        let date = today.checked_add(jiff::Span::new().days(day))?;
        let form = format!(
            "form[date]={}&form[from]=08:00&form[to]=20:00&form[minutes]=15",
            date.strftime("%Y-%m-%d")
        );
        let answer = http
            .form("/api/add_availability", &first.team, &form)
            .await?;
        if answer.status != 200 {
            tracing::warn!(status = answer.status, body = %answer.text(), "availability not added");
        }
    }
    fixtures.slots = sqlx::query_scalar(
        "SELECT s.id FROM meeting_slots s WHERE s.exhibitor_id = $1 AND s.starts_at > $2 \
         AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = s.id) ORDER BY s.starts_at",
    )
    .bind(first.exhibitor.0)
    .bind(crate::clock::now() + 86_400)
    .fetch_all(&db.pool)
    .await?;
    anyhow::ensure!(
        !fixtures.slots.is_empty(),
        "no free meeting slots were published"
    );
    Ok(())
}
