//! What the load sent and what the server acknowledged: every acknowledged write, kept so the
//! checks can find it in the database afterwards, and per kind of write the counts of
//! requests sent, acknowledged, refused (a 4xx, such as the 409 of a lost race) and failed
//! (no complete answer: the server was killed, or a 5xx).

use std::collections::{BTreeMap, HashMap};
use tokio::sync::Mutex;

/// The kinds of write, in the order the report lists them.
pub const KINDS: [&str; 7] = [
    "message",
    "product edit",
    "import",
    "booking",
    "inquiry",
    "quotation",
    "acceptance",
];

#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub sent: u64,
    pub acked: u64,
    pub refused: u64,
    pub failed: u64,
}

/// How one request ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Acked,
    Refused,
    Failed,
}

impl Outcome {
    /// 2xx acknowledged, 4xx refused, anything else failed.
    pub fn of_status(status: u16) -> Outcome {
        match status {
            200..=299 => Outcome::Acked,
            400..=499 => Outcome::Refused,
            _ => Outcome::Failed,
        }
    }
}

/// The last edit of a product that was sent and the last that was acknowledged.
#[derive(Clone, Copy, Debug, Default)]
pub struct Edit {
    pub sent: u64,
    pub acked: u64,
}

/// An acknowledged import: its exhibitor, the prefix of its rows' SKUs and their number.
#[derive(Clone, Debug)]
pub struct Import {
    pub exhibitor: i64,
    pub prefix: String,
    pub rows: i64,
}

#[derive(Default)]
pub struct Ledger {
    pub tallies: Mutex<BTreeMap<&'static str, Tally>>,
    /// Acknowledged messages: conversation and client id.
    pub messages: Mutex<Vec<(i64, String)>>,
    /// Product edits by product id.
    pub edits: Mutex<HashMap<i64, Edit>>,
    pub imports: Mutex<Vec<Import>>,
    /// Acknowledged bookings: slot and buyer.
    pub bookings: Mutex<Vec<(i64, i64)>>,
    /// Acknowledged acceptances: inquiry and quotation.
    pub acceptances: Mutex<Vec<(i64, i64)>>,
}

impl Ledger {
    /// Counts one request of `kind` that ended as `outcome`.
    pub async fn count(&self, kind: &'static str, outcome: Outcome) {
        let mut tallies = self.tallies.lock().await;
        let tally = tallies.entry(kind).or_default();
        tally.sent += 1;
        match outcome {
            Outcome::Acked => tally.acked += 1,
            Outcome::Refused => tally.refused += 1,
            Outcome::Failed => tally.failed += 1,
        }
    }

    /// Counts the outcome of an HTTP request of `kind`; true when it was acknowledged.
    pub async fn answered(
        &self,
        kind: &'static str,
        answer: &anyhow::Result<crate::commands::harness::client::Answer>,
    ) -> bool {
        let outcome = match answer {
            Ok(answer) => Outcome::of_status(answer.status),
            Err(_) => Outcome::Failed,
        };
        if let Ok(answer) = answer
            && outcome != Outcome::Acked
        {
            tracing::debug!(kind, status = answer.status, body = %answer.text(), "not acknowledged");
        }
        self.count(kind, outcome).await;
        outcome == Outcome::Acked
    }

    pub async fn tally(&self, kind: &str) -> Tally {
        self.tallies
            .lock()
            .await
            .get(kind)
            .copied()
            .unwrap_or_default()
    }
}
