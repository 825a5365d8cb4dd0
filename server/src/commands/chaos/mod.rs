//! `cloud-fair chaos`: runs `serve` as a child process on a small fair, drives a mixed write
//! load through it (messages, product edits, imports, meeting bookings, quotation
//! acceptances), kills it with SIGKILL at seeded random moments and starts it again, then
//! checks that every acknowledged write survived, the database is sound, no race was won
//! twice and the search index agrees with the database. Exits non-zero if a check fails.

mod checks;
pub(crate) mod fixtures;
mod ledger;
mod report;
mod writers;

use crate::commands::harness::child::{self, Limits};
use crate::config::Config;
use crate::demo::rng::Rng;
use crate::storage::{Backend, Db};
use anyhow::{Context, bail};
use ledger::Ledger;
use std::sync::Arc;
use std::time::{Duration, Instant};
use writers::Ctx;

/// The longest the load may run, however the kills go.
const LOAD_LIMIT: Duration = Duration::from_secs(20 * 60);
/// How long the writers have to collect their last acknowledgements once the load stops.
const DRAIN: Duration = Duration::from_secs(30);
/// How long the indexer has to reach the end of the change feed after the last start (on
/// PostgreSQL a feed number left by a killed transaction is waited for 30 s).
const CATCH_UP: Duration = Duration::from_secs(120);

pub struct Options {
    /// SIGKILLs while the load runs.
    pub kills: u32,
    pub seed: u64,
    /// Buyers and team members writing at once (each pair: a conversation, a product).
    pub pairs: usize,
    /// The longest pause between two kills (the shortest is 1.5 s).
    pub max_gap: Duration,
}

pub async fn run(config: Config, options: Options) -> anyhow::Result<()> {
    let started = Instant::now();
    let url = config.database_url()?;
    let engine = Backend::of_url(&url)?;
    let db = Db::connect(&url, 4).await?;
    let exhibitors: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM exhibitors")
        .fetch_one(&db.pool)
        .await?;
    if exhibitors == 0 {
        super::generate::run(config.clone(), "tiny", options.seed).await?;
    }
    let mut fixtures = fixtures::people(&db, options.pairs, options.seed).await?;
    // With PostgreSQL the data folder holds the index, media and the server's log.
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create {}", config.data_dir.display()))?;
    let log = config.data_dir.join("chaos-server.log");
    let mut server = child::Server::new(&config, &log, Limits::Lifted)?;
    println!(
        "chaos: the server runs on {}, logging to {}",
        server.addr,
        log.display()
    );
    server.start().await?;
    fixtures::publish_slots(&db, server.client(), &mut fixtures).await?;
    let fixtures = Arc::new(fixtures);
    let setup = started.elapsed();

    let ledger = Arc::new(Ledger::default());
    let ctx = Arc::new(Ctx::new(
        server.client(),
        db.clone(),
        ledger.clone(),
        fixtures.run.clone(),
        LOAD_LIMIT,
    ));
    let load_started = Instant::now();
    let mut writers = writers::spawn(&ctx, &fixtures);
    let mut rng = Rng::for_record(options.seed, "chaos", 0);
    let max_gap = options.max_gap.as_millis().max(1_500) as i64;
    for kill in 1..=options.kills {
        if ctx.stopping() {
            bail!("the load ran out of time before {} kills", options.kills);
        }
        tokio::time::sleep(Duration::from_millis(rng.range(1_500, max_gap) as u64)).await;
        server.kill().await?;
        tokio::time::sleep(Duration::from_millis(rng.range(0, 500) as u64)).await;
        server.start().await?;
        println!(
            "chaos: kill {kill}/{} at {:.1} s; {} writes acknowledged so far",
            options.kills,
            load_started.elapsed().as_secs_f64(),
            acknowledged(&ledger).await
        );
    }
    // A last stretch without kills, so the load also ends on a running server.
    tokio::time::sleep(Duration::from_secs(2)).await;
    ctx.stop();
    let drained = tokio::time::timeout(DRAIN, async {
        while writers.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        writers.abort_all();
        tracing::warn!("writers still waiting for acknowledgements were stopped");
    }
    let load = load_started.elapsed();

    // One more kill right after the last writes, then the start the checks follow.
    server.kill().await?;
    server.start().await?;
    let catching_up = Instant::now();
    let caught_up = wait_for_index(&db, &config).await;
    let catch_up = catching_up.elapsed();
    server.kill().await?;

    let checking = Instant::now();
    let mut findings = checks::run(&db, &config, &ledger, &fixtures.run).await;
    findings.checks.push(checks::Check::new(
        "the indexer reached the end of the change feed",
        caught_up,
        format!("within {:.1} s of the last start", catch_up.as_secs_f64()),
    ));
    findings.checks.push(checks::Check::new(
        "the server never exited unless killed",
        server.unexpected_exits.is_empty(),
        server.unexpected_exits.join("; "),
    ));
    let run = report::Run {
        engine: match engine {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        },
        seed: options.seed,
        mark: fixtures.run.clone(),
        kills: options.kills,
        start_times: server.start_times.clone(),
        setup,
        load,
        catch_up,
        checks: checking.elapsed(),
        total: started.elapsed(),
    };
    let failed = report::print(&run, &ledger, &findings).await;
    if failed > 0 {
        bail!(
            "{failed} checks failed; the server's log is {}",
            log.display()
        );
    }
    Ok(())
}

async fn acknowledged(ledger: &Ledger) -> u64 {
    ledger.tallies.lock().await.values().map(|t| t.acked).sum()
}

/// Waits until the index has taken in the whole change feed; false after `CATCH_UP`.
async fn wait_for_index(db: &Db, config: &Config) -> bool {
    let deadline = Instant::now() + CATCH_UP;
    while Instant::now() < deadline {
        match checks::caught_up(db, &config.search_dir())
            .await
            .context("cannot compare the index with the feed")
        {
            Ok(true) => return true,
            Ok(false) => {}
            Err(error) => tracing::warn!("{error:#}"),
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    false
}
