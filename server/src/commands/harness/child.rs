//! The server under test: `serve` run as a child process (this same executable) on a free
//! loopback port, with the command's data folder, database and connection limits; killed with
//! SIGKILL and started again on the same port.

use super::client::Client;
use crate::config::Config;
use crate::storage::Synchronous;
use anyhow::{Context, bail};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

/// How long a start may take before it is given up (migrations and opening the index).
const START_WITHIN: Duration = Duration::from_secs(90);
/// Starts tried in a row before giving up (the port may still be held for a moment).
const START_ATTEMPTS: u32 = 5;

/// Whether the server's per-client rate limits apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limits {
    /// Scaled up a thousandfold: the load comes from many people behind one address and is
    /// not the limits' business (chaos).
    Lifted,
    /// As the command's configuration sets them, the defaults unless told (floods).
    AsConfigured,
}

pub struct Server {
    exe: PathBuf,
    config: Config,
    log: PathBuf,
    limits: Limits,
    pub addr: SocketAddr,
    process: Option<Child>,
    /// Times from spawning to `/healthz` answering 200.
    pub start_times: Vec<Duration>,
    /// Exits nobody asked for (a crash under load), with their status.
    pub unexpected_exits: Vec<String>,
}

impl Server {
    /// A server to be started on a free loopback port, logging to `log`.
    pub fn new(config: &Config, log: &Path, limits: Limits) -> anyhow::Result<Server> {
        let addr = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
        Ok(Server {
            exe: std::env::current_exe().context("cannot find this program's executable")?,
            config: config.clone(),
            log: log.to_owned(),
            limits,
            addr,
            process: None,
            start_times: Vec::new(),
            unexpected_exits: Vec::new(),
        })
    }

    /// Starts `serve` and waits until `/healthz` answers.
    pub async fn start(&mut self) -> anyhow::Result<()> {
        for attempt in 1..=START_ATTEMPTS {
            let started = Instant::now();
            let mut child = self.spawn()?;
            loop {
                if let Some(status) = child.try_wait()? {
                    tracing::warn!(%status, attempt, "the server exited while starting");
                    break;
                }
                if started.elapsed() > START_WITHIN {
                    let _ = child.kill().await;
                    bail!("the server did not answer /healthz within {START_WITHIN:?}");
                }
                let health = self.client().get("/healthz").await;
                if health.is_ok_and(|answer| answer.status == 200) {
                    self.start_times.push(started.elapsed());
                    self.process = Some(child);
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        bail!("the server would not start; see {}", self.log.display())
    }

    fn spawn(&self) -> anyhow::Result<Child> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .with_context(|| format!("cannot write {}", self.log.display()))?;
        let c = &self.config;
        let rate_limit_scale = match self.limits {
            Limits::Lifted => c.rate_limit_scale.max(1000),
            Limits::AsConfigured => c.rate_limit_scale,
        };
        let mut command = Command::new(&self.exe);
        command
            .arg("--addr")
            .arg(self.addr.to_string())
            .arg("--data-dir")
            .arg(&c.data_dir)
            .arg("--sqlite-synchronous")
            .arg(match c.sqlite_synchronous {
                Synchronous::Full => "full",
                Synchronous::Normal => "normal",
            })
            .arg("--db-connections")
            .arg(c.db_connections.to_string())
            .arg("--site-root")
            .arg(&c.site_root)
            .arg("--rate-limit-scale")
            .arg(rate_limit_scale.to_string())
            .arg("--max-connections")
            .arg(c.max_connections.to_string())
            .arg("--header-timeout")
            .arg(c.header_timeout.to_string())
            .arg("--body-idle-timeout")
            .arg(c.body_idle_timeout.to_string())
            .arg("--body-min-rate")
            .arg(c.body_min_rate.to_string())
            .arg("serve")
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .kill_on_drop(true);
        if let Some(url) = &c.database_url {
            command.env("DATABASE_URL", url);
        }
        command.spawn().context("cannot start the server")
    }

    /// Kills the server with SIGKILL and waits for it to be gone. An exit it made on its own
    /// before is recorded in `unexpected_exits`.
    pub async fn kill(&mut self) -> anyhow::Result<()> {
        let Some(mut child) = self.process.take() else {
            return Ok(());
        };
        if let Some(status) = child.try_wait()? {
            self.unexpected_exits.push(status.to_string());
            return Ok(());
        }
        // `Child::kill` sends SIGKILL on Unix.
        child.kill().await.context("cannot kill the server")?;
        Ok(())
    }

    pub fn client(&self) -> Client {
        Client::new(self.addr)
    }

    /// The running server's process id.
    pub fn pid(&self) -> Option<u32> {
        self.process.as_ref().and_then(Child::id)
    }
}
