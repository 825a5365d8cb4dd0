//! A team uploading CSV files of products to `/exhibitor/products/import`, one after another:
//! each of `ROWS` new, published products under SKUs of its own. A file whose upload got no
//! answer is sent again, as a person would (its rows then update the products by SKU).

use super::ctx::{Ctx, back_off};
use crate::commands::chaos::fixtures::Fixtures;
use crate::commands::chaos::ledger::Import;
use crate::commands::harness::client::File;
use std::fmt::Write;
use std::sync::Arc;
use std::time::Duration;

/// Rows in each file.
pub const ROWS: i64 = 100;
/// Files uploaded at most in a run, and tries of one file.
const MAX_FILES: u32 = 500;
const MAX_TRIES: u32 = 50;

/// The SKU prefix of file `file` of run `run`.
fn prefix(run: &str, file: u32) -> String {
    format!("{run}-i{file}-")
}

/// The title of a row, as the checks expect it back.
pub fn row_title(prefix: &str, row: i64) -> String {
    format!("Imported lamp {prefix}{row}")
}

fn csv(prefix: &str) -> Vec<u8> {
    let mut file = String::from(
        "sku,title_en,price_min,price_max,currency,moq,unit_en,lead_time_days,published\n",
    );
    for row in 1..=ROWS {
        let _ = writeln!(
            file,
            "{prefix}{row},{},2.50,3.50,USD,100,pieces,15,yes",
            row_title(prefix, row)
        );
    }
    file.into_bytes()
}

pub async fn run(ctx: Arc<Ctx>, fixtures: Arc<Fixtures>) {
    let Some(pair) = fixtures.pairs.first() else {
        return;
    };
    let exhibitor = pair.exhibitor.0.to_string();
    'files: for file in 1..=MAX_FILES {
        let prefix = prefix(&ctx.run, file);
        let content = csv(&prefix);
        for _ in 0..MAX_TRIES {
            if ctx.stopping() {
                break 'files;
            }
            let answer = ctx
                .http
                .multipart(
                    "/exhibitor/products/import",
                    &pair.team,
                    &[("exhibitor", &exhibitor)],
                    File {
                        name: "chaos.csv",
                        content_type: "text/csv",
                        bytes: &content,
                    },
                )
                .await;
            let acked = ctx.ledger.answered("import", &answer).await;
            let report = answer
                .ok()
                .filter(|_| acked)
                .and_then(|answer| serde_json::from_slice::<serde_json::Value>(&answer.body).ok());
            if let Some(report) = report {
                let stored = report["created"].as_i64().unwrap_or(0)
                    + report["updated"].as_i64().unwrap_or(0);
                if stored != ROWS {
                    tracing::warn!(%report, "an import stored fewer rows than it was sent");
                }
                ctx.ledger.imports.lock().await.push(Import {
                    exhibitor: pair.exhibitor.0,
                    prefix,
                    rows: stored,
                });
                break;
            }
            back_off().await;
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}
