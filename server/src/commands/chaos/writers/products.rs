//! A team member saving one of the team's products again and again through `save_product`,
//! each time with a new version in its title: the title the database keeps at the end must
//! be at least the last acknowledged version (and no later than the last sent).

use super::ctx::{Ctx, back_off};
use crate::commands::chaos::fixtures::Fixtures;
use std::sync::Arc;
use std::time::Duration;

/// Edits one team makes at most in a run.
const MAX_EDITS: u64 = 5_000;

/// The title of version `version` of `product` in run `run`; read back by `version_of`.
pub fn title(run: &str, product: i64, version: u64) -> String {
    format!("Chaos lantern {run} p{product} v{version}")
}

/// The version in a title written by `title`, if it is one of this run's.
pub fn version_of(run: &str, product: i64, title: &str) -> Option<u64> {
    title
        .strip_prefix(&format!("Chaos lantern {run} p{product} v"))?
        .parse()
        .ok()
}

/// Pair `n`'s team editing its product until the load stops.
pub async fn edit(ctx: Arc<Ctx>, fixtures: Arc<Fixtures>, n: usize) {
    let (Some(pair), Some(&product)) = (fixtures.pairs.get(n), fixtures.products.get(n)) else {
        return;
    };
    for version in 1..=MAX_EDITS {
        if ctx.stopping() {
            break;
        }
        let title = title(&ctx.run, product, version);
        let form = format!(
            "exhibitor={}&id={product}&form[title_en]={}&form[sku]=CHAOS-{product}\
             &form[description_en]=Edited+under+chaos&form[specs]=Battery%3A+2000+mAh\
             &form[price_min]=4.20&form[price_max]=5.10&form[currency]=USD&form[moq]=500\
             &form[unit_en]=pieces&form[lead_time_days]=25&form[hs_code]=9405.40\
             &form[is_new]=on&form[published]=on",
            pair.exhibitor.0,
            title.replace(' ', "+"),
        );
        ctx.ledger
            .edits
            .lock()
            .await
            .entry(product)
            .or_default()
            .sent = version;
        let answer = ctx.http.form("/api/save_product", &pair.team, &form).await;
        if ctx.ledger.answered("product edit", &answer).await {
            ctx.ledger
                .edits
                .lock()
                .await
                .entry(product)
                .or_default()
                .acked = version;
        } else if answer.is_err() {
            back_off().await;
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_gives_its_version_back() {
        let title = super::title("c1t2", 7, 42);
        assert_eq!(super::version_of("c1t2", 7, &title), Some(42));
        assert_eq!(super::version_of("c1t3", 7, &title), None);
        assert_eq!(super::version_of("c1t2", 8, &title), None);
    }
}
