//! Deals under chaos, round after round: a buyer sends an inquiry, the team quotes, and the
//! buyer's tabs all accept that quotation at the same moment through `answer_quotation`.
//! At most one acceptance may be acknowledged and it must have placed the order; an
//! inquiry or quotation never gets two orders. A step without an answer is sent again.

use super::ctx::{Ctx, back_off};
use crate::commands::chaos::fixtures::Fixtures;
use std::sync::Arc;
use std::time::Duration;

/// Rounds at most in a run, and tries of one step.
const MAX_ROUNDS: u32 = 2_000;
const MAX_TRIES: u32 = 50;

pub async fn run(ctx: Arc<Ctx>, fixtures: Arc<Fixtures>) {
    let (Some(pair), Some(&product)) = (fixtures.pairs.last(), fixtures.products.last()) else {
        return;
    };
    let inquiry_form = format!(
        "product={product}&form[quantity]=5000&form[target_price]=2.10&form[currency]=USD\
         &form[incoterm]=FOB&form[destination_country]=DE&form[destination_place]=Hamburg\
         &form[message]=Chaos+{}",
        ctx.run
    );
    for _ in 0..MAX_ROUNDS {
        if !step(
            &ctx,
            "inquiry",
            &pair.buyer,
            "/api/send_inquiry",
            &inquiry_form,
        )
        .await
        {
            break;
        }
        let Some(inquiry) = latest(
            &ctx,
            "SELECT MAX(id) FROM inquiries WHERE buyer_id = $1",
            pair.buyer_id.0,
        )
        .await
        else {
            break;
        };
        let quotation_form = format!(
            "inquiry={inquiry}&form[quantity]=5000&form[unit_price]=2.40&form[currency]=USD\
             &form[moq]=1000&form[lead_time_days]=30&form[valid_days]=14&form[note]=Carton+packed"
        );
        if !step(
            &ctx,
            "quotation",
            &pair.team,
            "/api/send_quotation",
            &quotation_form,
        )
        .await
        {
            break;
        }
        let Some(quotation) = latest(
            &ctx,
            "SELECT MAX(id) FROM quotations WHERE inquiry_id = $1",
            inquiry,
        )
        .await
        else {
            break;
        };
        let accept = format!(
            "inquiry={inquiry}&quotation={quotation}&form[answer]=accept\
             &form[counter_price]=2.20&form[counter_quantity]=6000&form[note]=Agreed"
        );
        let attempts = fixtures
            .tabs
            .iter()
            .map(|tab| ctx.http.form("/api/answer_quotation", tab, &accept));
        let answers = futures_util::future::join_all(attempts).await;
        for answer in &answers {
            if ctx.ledger.answered("acceptance", answer).await {
                ctx.ledger
                    .acceptances
                    .lock()
                    .await
                    .push((inquiry, quotation));
            }
        }
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
}

/// Sends `form` until it is acknowledged; false when the load stopped first.
async fn step(ctx: &Ctx, kind: &'static str, cookie: &str, path: &str, form: &str) -> bool {
    for _ in 0..MAX_TRIES {
        if ctx.stopping() {
            return false;
        }
        let answer = ctx.http.form(path, cookie, form).await;
        if ctx.ledger.answered(kind, &answer).await {
            return true;
        }
        back_off().await;
    }
    false
}

/// The newest row a query finds for `key` (the writer's own, since it writes one at a time).
async fn latest(ctx: &Ctx, sql: &str, key: i64) -> Option<i64> {
    match sqlx::query_scalar::<_, Option<i64>>(sql)
        .bind(key)
        .fetch_one(&ctx.db.pool)
        .await
    {
        Ok(id) => id,
        Err(error) => {
            tracing::warn!(%error, "cannot read the newest row");
            None
        }
    }
}
