//! The checks after the last restart: every acknowledged write is in the database
//! (`writes.rs`), the database is sound and its unique rules held (`integrity.rs`), and the
//! search index holds exactly the database's published products (`search.rs`).

mod integrity;
mod search;
mod verdict;
mod writes;

pub use search::caught_up;
pub use verdict::Check;

use super::ledger::Ledger;
use crate::config::Config;
use crate::storage::Db;
use std::collections::BTreeMap;

/// What the checks found: each verdict, and the acknowledged writes missing per kind.
pub struct Findings {
    pub checks: Vec<Check>,
    pub lost: BTreeMap<&'static str, u64>,
}

/// Runs every check against the stopped server's database and index.
pub async fn run(db: &Db, config: &Config, ledger: &Ledger, run: &str) -> Findings {
    let mut checks = Vec::new();
    let mut lost = BTreeMap::new();
    match writes::check(db, ledger, run).await {
        Ok(found) => {
            for (kind, missing, detail) in found {
                lost.insert(kind, missing);
                checks.push(Check::new(
                    format!("acknowledged {kind}s are stored"),
                    missing == 0,
                    detail,
                ));
            }
        }
        Err(error) => checks.push(Check::broken("acknowledged writes are stored", error)),
    }
    checks.extend(integrity::check(db, ledger).await);
    match search::check(db, &config.search_dir()).await {
        Ok(check) => checks.push(check),
        Err(error) => checks.push(Check::broken(
            "the search index agrees with the database",
            error,
        )),
    }
    Findings { checks, lost }
}
