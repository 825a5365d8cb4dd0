//! What a flood sent and how the server answered, and the loop each flooding client runs.

use crate::commands::harness::client::Answer;
use app::domain::text::grouped;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::task::JoinSet;
use tokio::time::Instant;

/// Requests sent, by the answer each got ("401 Unauthenticated", "cut off", …).
#[derive(Default)]
pub struct Tally {
    pub sent: u64,
    pub answers: BTreeMap<String, u64>,
}

impl Tally {
    pub fn count(&mut self, answer: impl Into<String>) {
        self.sent += 1;
        *self.answers.entry(answer.into()).or_default() += 1;
    }

    pub fn merge(&mut self, other: Tally) {
        self.sent += other.sent;
        for (answer, count) in other.answers {
            *self.answers.entry(answer).or_default() += count;
        }
    }

    /// The answers, commonest first: "401 Unauthenticated × 5,120 · 503 Busy × 88".
    pub fn summary(&self) -> String {
        let mut answers: Vec<_> = self.answers.iter().collect();
        answers.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let parts: Vec<String> = answers
            .into_iter()
            .map(|(answer, count)| format!("{answer} × {}", grouped(*count as i64)))
            .collect();
        parts.join(" · ")
    }
}

/// An answer's status and what the server's error says, for the tally: "200",
/// "503 Busy", "422 confirmation_wrong", "error" for none.
pub fn label(answer: &anyhow::Result<Answer>) -> String {
    let answer = match answer {
        Ok(answer) => answer,
        Err(_) => return "no answer".into(),
    };
    if answer.status == 200 {
        return "200".into();
    }
    match serde_json::from_slice::<serde_json::Value>(&answer.body) {
        Ok(body) => match error_code(&body) {
            Some(code) => format!("{} {code}", answer.status),
            None => answer.status.to_string(),
        },
        Err(_) => answer.status.to_string(),
    }
}

/// The most telling name in an `AppError` as JSON: a field error's code, else the variant.
fn error_code(body: &serde_json::Value) -> Option<String> {
    match body {
        serde_json::Value::String(variant) => Some(variant.clone()),
        serde_json::Value::Object(_) => {
            field_code(body).or_else(|| body.as_object()?.keys().next().cloned())
        }
        _ => None,
    }
}

/// The first field error's code (its `message`) found in a nested error.
fn field_code(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Object(fields) => match fields.get("message") {
            Some(serde_json::Value::String(code)) => Some(code.clone()),
            _ => fields.values().find_map(field_code),
        },
        serde_json::Value::Array(items) => items.iter().find_map(field_code),
        _ => None,
    }
}

/// Runs `clients` loops until `until`, each sending request after request: `send(client, n)`
/// sends the flood's `n`th request (counted over all clients) and names its answer.
pub async fn flood<F, Fut>(clients: usize, until: Instant, send: F) -> Tally
where
    F: Fn(usize, u64) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = String> + Send,
{
    let next = Arc::new(AtomicU64::new(0));
    let mut loops = JoinSet::new();
    for client in 0..clients {
        let (send, next) = (send.clone(), next.clone());
        loops.spawn(async move {
            let mut tally = Tally::default();
            while Instant::now() < until {
                let n = next.fetch_add(1, Ordering::Relaxed);
                tally.count(send(client, n).await);
            }
            tally
        });
    }
    let mut total = Tally::default();
    while let Some(tally) = loops.join_next().await {
        match tally {
            Ok(tally) => total.merge(tally),
            Err(error) => total.count(format!("client failed: {error}")),
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_named_by_status_and_error() {
        let answer = |status, body: &str| {
            Ok(Answer {
                status,
                body: body.as_bytes().to_vec(),
            })
        };
        assert_eq!(label(&answer(200, "{}")), "200");
        assert_eq!(label(&answer(503, "\"Busy\"")), "503 Busy");
        assert_eq!(
            label(&answer(
                422,
                r#"{"Validation":[{"field":"password","message":"confirmation_wrong"}]}"#
            )),
            "422 confirmation_wrong"
        );
        assert_eq!(label(&answer(404, "not json")), "404");
        assert_eq!(label(&Err(anyhow::anyhow!("reset"))), "no answer");
    }

    #[test]
    fn the_summary_puts_the_commonest_first() {
        let mut tally = Tally::default();
        for _ in 0..1_200 {
            tally.count("401");
        }
        tally.count("503 Busy");
        assert_eq!(tally.sent, 1_201);
        assert_eq!(tally.summary(), "401 × 1,200 · 503 Busy × 1");
    }
}
