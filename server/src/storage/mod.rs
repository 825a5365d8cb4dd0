//! The database: one pool for SQLite or PostgreSQL, chosen by the URL's scheme, migrated at
//! start. Queries are written once in SQL both engines accept (`$1` placeholders, BIGINT,
//! BOOLEAN, TEXT) and run through sqlx's `Any` driver.

pub mod accounts;
pub mod allowances;
pub mod applications;
pub mod audit;
pub mod booth_assignments;
pub mod booths;
pub mod catalogue;
mod checkpoint;
pub mod contracts;
pub mod conversations;
pub mod deals;
pub mod digests;
pub mod imports;
pub mod live;
pub mod meetings;
pub mod message_batch;
pub mod migrations;
pub mod moderation;
pub mod outbox;
pub mod products;
pub(crate) mod rows;
pub mod search_feed;
pub mod sitemap;
pub mod teams;
pub mod two_factor;

use anyhow::{Context, bail};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, ConnectOptions, Executor};
use std::str::FromStr;
use std::time::Duration;

/// Which engine a pool talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The engine a `DATABASE_URL` names, or an error saying which schemes are known.
    pub fn of_url(url: &str) -> anyhow::Result<Self> {
        match url.split(':').next() {
            Some("sqlite") => Ok(Backend::Sqlite),
            Some("postgres" | "postgresql") => Ok(Backend::Postgres),
            _ => bail!(
                "DATABASE_URL must start with sqlite: or postgres:, not {:?}",
                redact(url)
            ),
        }
    }
}

/// What SQLite waits for before a commit returns, and so what an acknowledgement means (in
/// WAL mode; a killed process loses nothing either way).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Synchronous {
    /// The log is synced to disk at every commit: an acknowledged write survives a power cut.
    #[default]
    Full,
    /// The log is synced at checkpoints only: the last commits before a power cut or an
    /// operating-system crash may be lost (never the database's integrity).
    Normal,
}

impl Synchronous {
    fn pragma(self) -> &'static str {
        match self {
            Synchronous::Full => "PRAGMA synchronous = FULL;",
            Synchronous::Normal => "PRAGMA synchronous = NORMAL;",
        }
    }
}

/// How long a PostgreSQL write transaction waits for a lock, as SQLite's `busy_timeout`.
const WRITE_LOCK_TIMEOUT: &str = "SET LOCAL lock_timeout = '5s'";

/// A connected, migrated database.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    /// Connections for the catalogue's pages and the health check only. On SQLite they are
    /// their own: a writer waits for SQLite's one write lock holding a connection of `pool`,
    /// so that under a flood of writes `pool` can be all taken by waiting writers while the
    /// pages, which only read, must still be served. On PostgreSQL, `pool` itself.
    pub reads: AnyPool,
    pub backend: Backend,
}

impl Db {
    /// Connects with SQLite's commits synced to disk ([`Synchronous::Full`]), and migrates.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Db> {
        Self::connect_with(url, max_connections, Synchronous::Full).await
    }

    /// Connects, applies the pragmas SQLite needs on every connection (`synchronous` among
    /// them), and migrates.
    pub async fn connect_with(
        url: &str,
        max_connections: u32,
        synchronous: Synchronous,
    ) -> anyhow::Result<Db> {
        install_default_drivers();
        let backend = Backend::of_url(url)?;
        // Statement logging is off: a generated batch would log thousands of parameters.
        let options = AnyConnectOptions::from_str(url)
            .with_context(|| format!("DATABASE_URL {:?} is not a valid database URL", redact(url)))?
            .disable_statement_logging();
        let pool = open_pool(&options, backend, max_connections, synchronous)
            .await
            .with_context(|| format!("cannot open the database at {:?}", redact(url)))?;
        if backend == Backend::Sqlite {
            pool.execute("PRAGMA journal_mode = WAL;")
                .await
                .context("cannot switch SQLite to WAL mode")?;
            checkpoint::spawn(pool.clone());
        }
        migrations::run(&pool, backend).await?;
        let reads = match backend {
            // As many as the pages could use when they shared `pool`.
            Backend::Sqlite => open_pool(&options, backend, max_connections, synchronous)
                .await
                .with_context(|| format!("cannot open the database at {:?}", redact(url)))?,
            Backend::Postgres => pool.clone(),
        };
        Ok(Db {
            pool,
            reads,
            backend,
        })
    }

    /// A transaction that writes. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`): two writers then wait for each other (`busy_timeout`), where a transaction
    /// that read first and then wrote would fail at once with "database is locked" whenever
    /// another one was writing. On PostgreSQL its waits for locks are bounded the same way
    /// (`lock_timeout`). A writer that waits longer is answered `Busy`: the line of writers is
    /// a bounded queue like the server's others.
    pub async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, app::error::AppError> {
        match self.backend {
            Backend::Sqlite => Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query(WRITE_LOCK_TIMEOUT).execute(&mut *tx).await?;
                Ok(tx)
            }
        }
    }
}

/// A pool of up to `max_connections`, each with the pragmas SQLite needs.
async fn open_pool(
    options: &AnyConnectOptions,
    backend: Backend,
    max_connections: u32,
    synchronous: Synchronous,
) -> Result<AnyPool, sqlx::Error> {
    AnyPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // No commit checkpoints: `checkpoint` makes them, beside the commits; a
                    // log grown long is cut back when it starts again.
                    conn.execute(
                        "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; \
                         PRAGMA cache_size = -65536; \
                         PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY; \
                         PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;",
                    )
                    .await?;
                    conn.execute(synchronous.pragma()).await?;
                }
                Ok(())
            })
        })
        .connect_with(options.clone())
        .await
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}://{user}:***{}", &url[..scheme_end], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_schemes_and_hides_passwords() {
        assert_eq!(
            Backend::of_url("sqlite:///tmp/x.db").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(
            Backend::of_url("postgres://u:p@h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::of_url("mysql://h/db").is_err());
        assert_eq!(
            redact("postgres://fair:secret@db:5432/fair"),
            "postgres://fair:***@db:5432/fair"
        );
        assert_eq!(redact("sqlite://data/fair.db"), "sqlite://data/fair.db");
    }
}
