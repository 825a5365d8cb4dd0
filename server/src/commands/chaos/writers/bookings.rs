//! Buyers racing for meeting slots: for each published slot in turn, several buyers book it
//! at the same moment through `book_meeting`; at most one may be acknowledged, the others
//! are told 409. A slot whose race got no answer at all is left behind (a committed
//! booking without an answer is allowed; a second live one never is).

use super::ctx::{Ctx, back_off};
use crate::commands::chaos::fixtures::Fixtures;
use std::sync::Arc;
use std::time::Duration;

/// Buyers in each race (the buyers of pairs 2, 3, … of the fixtures).
const RACERS: usize = 4;

pub async fn run(ctx: Arc<Ctx>, fixtures: Arc<Fixtures>) {
    let racers: Vec<_> = fixtures.pairs.iter().skip(1).take(RACERS).collect();
    for &slot in &fixtures.slots {
        if ctx.stopping() {
            break;
        }
        let form = format!(
            "exhibitor={}&slot={slot}&topic=Samples+and+prices+({})",
            fixtures.slug, ctx.run
        );
        let attempts = racers
            .iter()
            .map(|pair| ctx.http.form("/api/book_meeting", &pair.buyer, &form));
        let answers = futures_util::future::join_all(attempts).await;
        let mut unanswered = false;
        for (pair, answer) in racers.iter().zip(&answers) {
            unanswered |= answer.is_err();
            if ctx.ledger.answered("booking", answer).await {
                ctx.ledger
                    .bookings
                    .lock()
                    .await
                    .push((slot, pair.buyer_id.0));
            }
        }
        if unanswered {
            back_off().await;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
