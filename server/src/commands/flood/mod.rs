//! `cloud-fair bench-flood`: a benchmark, not a test. It runs `serve` as a child process on
//! the demo fair with its limits as configured, and floods it in turn with 1,000 clients
//! trickling their headers, with requests at every endpoint that hashes a password, and with
//! mixed uploads, while probes fetch `/healthz` and product pages (a different one each time)
//! at a steady rate as visitors would. It prints the probes' p50, p99 and maximum, what the
//! floods were answered and the server's peak memory for each flood, and exits non-zero if a
//! probe's p99 reached the target or a probe was not answered 200.

pub mod files;
mod passwords;
mod probe;
mod report;
mod tally;
mod trickle;
mod uploads;

use crate::commands::chat_bench::people;
use crate::commands::harness::child::{self, Limits};
use crate::commands::harness::client::Client;
use crate::config::Config;
use crate::storage::Db;
use anyhow::{Context, bail};
use report::Row;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tally::Tally;
use tokio::time::Instant;

/// The probes' p99 must stay under this during every flood.
pub const TARGET: Duration = Duration::from_secs(1);
/// Teams uploading.
const TEAMS: usize = 16;
/// Buyers signed in for each password flood that needs a session: each account takes
/// `FAILURES_MAX` wrong passwords before it is locked, so that the flood keeps reaching the
/// hashing for its whole length.
const BUYERS: usize = 300;

pub struct Options {
    /// How long each flood lasts (the trickle lasts at least two header deadlines).
    pub seconds: u64,
    /// Clients trickling their headers.
    pub trickling: usize,
    /// Requests in flight at once in the password and upload floods.
    pub clients: usize,
    /// Loopback addresses the password floods come from.
    pub addresses: usize,
    /// Probe requests a second, to each of `/healthz` and the product pages.
    pub probe_rate: u32,
    pub floods: Vec<Flood>,
}

/// The floods, each run after the quiet stretch if asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Flood {
    Trickle,
    Passwords,
    Uploads,
}

pub async fn run(config: Config, options: Options) -> anyhow::Result<()> {
    check_open_files(options.trickling + options.clients + 256)?;
    let url = config.database_url()?;
    let db = Db::connect(&url, 4).await?;
    let exhibitors: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM exhibitors")
        .fetch_one(&db.pool)
        .await?;
    if exhibitors == 0 {
        super::generate::run(config.clone(), "demo", 2026).await?;
    }
    let teams = teams(&db).await?;
    let products: Arc<Vec<i64>> = Arc::new(
        sqlx::query_scalar("SELECT id FROM products WHERE published = 1 ORDER BY id")
            .fetch_all(&db.pool)
            .await?,
    );
    anyhow::ensure!(!products.is_empty(), "the fair has no published product");
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create {}", config.data_dir.display()))?;
    let kinds = uploads::kinds(&config.data_dir);

    let log = config.data_dir.join("flood-server.log");
    let mut server = child::Server::new(&config, &log, Limits::AsConfigured)?;
    server.start().await?;
    println!(
        "bench-flood: the server runs on {} ({} build), logging to {}",
        server.addr,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        log.display()
    );
    let bench = Bench {
        client: server.client(),
        pid: server.pid().context("the server has no process id")?,
        products,
        length: Duration::from_secs(options.seconds.max(1)),
        options,
    };
    let mut rows = vec![
        bench
            .phase(
                "quiet",
                "no flood: the probes alone",
                bench.length,
                |_| async { Tally::default() },
            )
            .await,
    ];
    if bench.runs(Flood::Trickle) {
        let deadline = Duration::from_secs(config.header_timeout.max(1));
        rows.push(bench.trickle(deadline).await);
    }
    if bench.runs(Flood::Passwords) {
        rows.extend(bench.passwords(&db).await?);
    }
    if bench.runs(Flood::Uploads) {
        rows.push(bench.uploads(teams, kinds).await);
    }
    server.kill().await?;

    let failed = report::print(&rows, TARGET);
    if failed > 0 {
        bail!(
            "{failed} floods missed the target; the server's log is {}",
            log.display()
        );
    }
    Ok(())
}

/// The server under the floods, its probes and the floods asked for.
struct Bench {
    client: Client,
    pid: u32,
    products: Arc<Vec<i64>>,
    /// How long each flood lasts.
    length: Duration,
    options: Options,
}

impl Bench {
    fn runs(&self, flood: Flood) -> bool {
        self.options.floods.contains(&flood)
    }

    /// The trickling clients, long enough for each to be cut off at the header `deadline` at
    /// least once.
    async fn trickle(&self, deadline: Duration) -> Row {
        let length = self.length.max(deadline * 2 + Duration::from_secs(5));
        let clients = self.options.trickling;
        let what = format!(
            "{clients} clients, each from its own address, sending a header a byte a second"
        );
        let mut held = Vec::new();
        let held_times = &mut held;
        let row = self
            .phase("trickling headers", &what, length, |until| async move {
                let (tally, times) = trickle::run(self.client, clients, until).await;
                *held_times = times;
                tally
            })
            .await;
        report::held(&held, deadline);
        row
    }

    /// Every password-hashing endpoint in turn, signed in as fresh buyers where it asks.
    async fn passwords(&self, db: &Db) -> anyhow::Result<Vec<Row>> {
        let flooders = passwords::Flooders {
            server: self.client,
            clients: self.options.clients,
            addresses: self.options.addresses,
            run: Arc::from(crate::clock::now().to_string().as_str()),
        };
        let mut rows = Vec::with_capacity(passwords::TARGETS.len());
        for (n, target) in passwords::TARGETS.iter().enumerate() {
            let mut what = format!(
                "{} in flight: {}, from {} addresses",
                flooders.clients, target.what, flooders.addresses
            );
            let mut sessions = Vec::new();
            if target.signed_in {
                sessions = buyers(db, n, BUYERS).await?;
                what.push_str(&format!(", signed in as {BUYERS} buyers"));
            }
            let flood = |until| passwords::flood(&flooders, target, sessions, until);
            rows.push(self.phase(target.path, &what, self.length, flood).await);
        }
        Ok(rows)
    }

    /// The mix of uploads from `teams`.
    async fn uploads(&self, teams: Vec<uploads::Team>, kinds: Vec<uploads::Kind>) -> Row {
        let mix: Vec<&str> = kinds.iter().map(|kind| kind.what).collect();
        let what = format!(
            "{} in flight from {} teams, each from its own address, in turn: {}",
            self.options.clients,
            teams.len(),
            mix.join("; ")
        );
        let (teams, kinds) = (Arc::new(teams), Arc::new(kinds));
        let flood = |until| uploads::flood(self.client, teams, kinds, self.options.clients, until);
        self.phase("mixed uploads", &what, self.length, flood).await
    }

    /// Runs `load(until)` for `length` while the probes run and the server's memory is read.
    async fn phase<F, Fut>(&self, name: &str, what: &str, length: Duration, load: F) -> Row
    where
        F: FnOnce(Instant) -> Fut,
        Fut: Future<Output = Tally>,
    {
        println!("bench-flood: {name} for {} s: {what}", length.as_secs());
        let started = Instant::now();
        let until = started + length;
        let products = self.products.clone();
        let product_path = move |n: u64| {
            // Spread over the whole fair, so that most pages miss the caches.
            let at = (n.wrapping_mul(7_919) % products.len() as u64) as usize;
            format!("/products/{}", products[at])
        };
        let (tally, health, product, peak_kb) = tokio::join!(
            load(until),
            probe::run(
                self.client,
                |_| "/healthz".into(),
                self.options.probe_rate,
                until
            ),
            probe::run(self.client, product_path, self.options.probe_rate, until),
            peak_memory(self.pid, until),
        );
        Row {
            name: name.into(),
            what: what.into(),
            seconds: started.elapsed().as_secs_f64(),
            tally,
            health,
            product,
            peak_kb,
        }
    }
}

/// The largest resident memory of process `pid` read every 100 ms until `until`, in KB.
async fn peak_memory(pid: u32, until: Instant) -> u64 {
    let mut peak = 0;
    while Instant::now() < until {
        if let Ok(kb) = crate::commands::chat_bench::resident_kb(pid) {
            peak = peak.max(kb);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    peak
}

/// `count` verified buyers of flood `flood` with a session each (made once, reused).
async fn buyers(db: &Db, flood: usize, count: usize) -> anyhow::Result<Vec<String>> {
    let hash = crate::accounts::password::hash("bench-flood-password".into()).await?;
    let mut sessions = Vec::with_capacity(count);
    for n in 0..count {
        let email = format!("flood-{flood}-buyer-{n}@bench.example");
        let buyer = people::person(db, &email, app::domain::Role::Buyer, &hash).await?;
        sessions.push(people::session(db, buyer).await?);
    }
    Ok(sessions)
}

/// The first `TEAMS` exhibitors' staff members (`bench-chat`'s people) with a product each.
async fn teams(db: &Db) -> anyhow::Result<Vec<uploads::Team>> {
    let mut teams = Vec::with_capacity(TEAMS);
    for pair in people::pairs(db, TEAMS).await? {
        teams.push(uploads::Team {
            product: crate::commands::chaos::fixtures::product_of(db, pair.exhibitor).await?,
            cookie: pair.team,
            exhibitor: pair.exhibitor.0,
            conversation: pair.conversation.0,
        });
    }
    Ok(teams)
}

/// Checks that this process may open `needed` files: each trickling client holds a socket.
fn check_open_files(needed: usize) -> anyhow::Result<()> {
    let limits = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    let soft = limits
        .lines()
        .find_map(|line| line.strip_prefix("Max open files"))
        .and_then(|rest| rest.split_whitespace().next()?.parse::<usize>().ok());
    match soft {
        Some(soft) if soft < needed => bail!(
            "this process may open {soft} files and the floods need {needed}: raise it (ulimit -n {needed})"
        ),
        _ => Ok(()),
    }
}
