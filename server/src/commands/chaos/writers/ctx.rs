//! What every writer shares: the client, the database (for the ids answers do not carry),
//! the ledger, this run's mark, and when to stop.

use crate::commands::chaos::ledger::Ledger;
use crate::commands::harness::client::Client;
use crate::storage::Db;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What every writer shares.
pub struct Ctx {
    pub http: Client,
    pub db: Db,
    pub ledger: Arc<Ledger>,
    pub run: String,
    stop: AtomicBool,
    /// However things go, no writer works past this.
    hard_stop: Instant,
}

impl Ctx {
    pub fn new(http: Client, db: Db, ledger: Arc<Ledger>, run: String, limit: Duration) -> Ctx {
        Ctx {
            http,
            db,
            ledger,
            run,
            stop: AtomicBool::new(false),
            hard_stop: Instant::now() + limit,
        }
    }

    /// Whether new writes should stop: the load is over.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || Instant::now() > self.hard_stop
    }

    /// Whether even the last acknowledgements are no longer waited for.
    pub fn past_hard_stop(&self) -> bool {
        Instant::now() > self.hard_stop
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// The address of `/ws`.
    pub fn ws_addr(&self) -> String {
        self.http.addr.to_string()
    }
}

/// A pause after a request that got no answer: the server is probably starting again.
pub async fn back_off() {
    tokio::time::sleep(Duration::from_millis(200)).await;
}
