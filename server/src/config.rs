//! Configuration from flags and environment variables, with the defaults the README lists.

use crate::http::connections::ConnectionLimits;
use crate::http::pacing::BodyPace;
use crate::http::proxies::{ProxyHeader, TrustedProxies};
use crate::storage::Synchronous;
use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How the server is reached and where it keeps its data.
#[derive(Args, Clone, Debug)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "CLOUD_FAIR_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Folder for the embedded database and other files.
    #[arg(long, env = "CLOUD_FAIR_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// sqlite:… or postgres://…; defaults to a SQLite file in the data folder.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// What a write's acknowledgement waits for on SQLite: `full` syncs every commit to disk
    /// (it survives a power cut), `normal` only at checkpoints (it survives the process being
    /// killed; the last commits before a power cut may be lost). PostgreSQL follows its own
    /// `synchronous_commit`, on by default.
    #[arg(long, env = "CLOUD_FAIR_SQLITE_SYNCHRONOUS", value_enum, default_value_t = Synchronous::Full)]
    pub sqlite_synchronous: Synchronous,
    /// Largest number of database connections.
    #[arg(long, env = "CLOUD_FAIR_DB_CONNECTIONS", default_value_t = 8)]
    pub db_connections: u32,
    /// Folder with the compiled site (wasm, JS, CSS, public files).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// The address visitors use, for the sitemap and robots.txt; defaults to http://ADDR.
    #[arg(long, env = "CLOUD_FAIR_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// How long, in seconds, pages may show catalogue data cached in memory after another
    /// server of a cluster changed it (changes made through this server show at once); 0 turns
    /// the cache off.
    #[arg(long, env = "CLOUD_FAIR_CACHE_SECONDS", default_value_t = 60)]
    pub cache_seconds: u64,
    /// Where mail goes: smtp://host:port, smtp://host?tls=required (STARTTLS) or
    /// smtps://user:password@host. Without it, mail stays in the outbox, which the organizer
    /// reads in the browser (/organizer/outbox).
    #[arg(long, env = "CLOUD_FAIR_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of the mail the platform sends.
    #[arg(
        long,
        env = "CLOUD_FAIR_MAIL_FROM",
        default_value = "Cloud Fair <no-reply@cloudfair.localhost>"
    )]
    pub mail_from: String,
    /// Multiplies every rate limit (signing in, registering, password resets, messages a
    /// person sends) and divides the minute between two links mailed to one account; raise it
    /// when many people share one address, such as a company's proxy.
    #[arg(long, env = "CLOUD_FAIR_RATE_LIMIT_SCALE", default_value_t = 1)]
    pub rate_limit_scale: u32,
    /// The STUN and TURN servers video calls use, as a JSON list of RTCIceServer entries:
    /// `[{"urls":"stun:stun.example.org:3478"},{"urls":"turn:turn.example.org:3478",
    /// "username":"fair","credential":"secret"}]`. Empty, browsers connect directly, which
    /// works on one network only (see the README on coturn).
    #[arg(long, env = "CLOUD_FAIR_ICE_SERVERS", default_value = "[]")]
    pub ice_servers: String,
    /// A TURN relay's URLs, comma-separated (`turn:turn.example.org:3478`); each party of a
    /// confirmed meeting gets its own credential for it, valid an hour.
    #[arg(long, env = "CLOUD_FAIR_TURN_URLS")]
    pub turn_urls: Option<String>,
    /// The secret the relay shares with the fair (coturn's `static-auth-secret`).
    #[arg(long, env = "CLOUD_FAIR_TURN_SECRET", hide_env_values = true)]
    pub turn_secret: Option<String>,
    /// The UDP address the live media server listens on: one port for every publisher and
    /// viewer (port 0 takes a free one). Open it in the firewall; see the README on live
    /// streams.
    #[arg(long, env = "CLOUD_FAIR_LIVE_UDP", default_value = "127.0.0.1:0")]
    pub live_udp: SocketAddr,
    /// The address publishers and viewers reach the live media server at, when it is not the
    /// one it listens on (listening on 0.0.0.0, or behind NAT): the machine's public IP and
    /// the port.
    #[arg(long, env = "CLOUD_FAIR_LIVE_PUBLIC_ADDR")]
    pub live_public_addr: Option<SocketAddr>,
    /// How many seconds a message stays unread before its reader gets it in a digest mail.
    #[arg(long, env = "CLOUD_FAIR_DIGEST_AFTER", default_value_t = 900)]
    pub digest_after: u64,
    /// Connections open at once; one more is answered 503 with Retry-After. Keep it below the
    /// process's open-files limit (`ulimit -n`).
    #[arg(long, env = "CLOUD_FAIR_MAX_CONNECTIONS", default_value_t = 4096)]
    pub max_connections: usize,
    /// Seconds a client has to send a request's headers; also how long an idle keep-alive
    /// connection stays open.
    #[arg(long, env = "CLOUD_FAIR_HEADER_TIMEOUT", default_value_t = 15)]
    pub header_timeout: u64,
    /// The longest pause, in seconds, within a request's body; a longer one is answered 408.
    #[arg(long, env = "CLOUD_FAIR_BODY_IDLE_TIMEOUT", default_value_t = 30)]
    pub body_idle_timeout: u64,
    /// Bytes a second a request's body must average after its first minute (408 otherwise):
    /// a long upload that keeps moving is never cut off.
    #[arg(long, env = "CLOUD_FAIR_BODY_MIN_RATE", default_value_t = 8192)]
    pub body_min_rate: u64,
    /// The reverse proxies in front of the server, as a comma-separated list of addresses and
    /// ranges (`127.0.0.1,10.0.0.0/8,fd00::/8`). Only requests from these have their client
    /// taken from `--proxy-header`, so that rate limits and signatures record the real client;
    /// from anyone else the header is ignored.
    #[arg(long, env = "CLOUD_FAIR_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// The header the trusted proxies set, with the client's address last.
    #[arg(long, env = "CLOUD_FAIR_PROXY_HEADER", value_enum, default_value_t = ProxyHeader::XForwardedFor)]
    pub proxy_header: ProxyHeader,
    /// Log lines as text or JSON.
    #[arg(long, env = "CLOUD_FAIR_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Config {
    /// The database URL, after making sure an embedded database's folder is writable.
    pub fn database_url(&self) -> anyhow::Result<String> {
        match &self.database_url {
            Some(url) => Ok(url.clone()),
            None => {
                ensure_writable(&self.data_dir)?;
                Ok(format!(
                    "sqlite://{}?mode=rwc",
                    self.data_dir.join("cloud-fair.db").display()
                ))
            }
        }
    }

    /// Where the search index lives: `search/` in the data folder (each server of a cluster
    /// keeps its own, following the shared database).
    pub fn search_dir(&self) -> PathBuf {
        self.data_dir.join("search")
    }

    /// The SMTP server to deliver mail through, if one is configured.
    pub fn smtp(&self) -> Option<crate::mail::SmtpSettings> {
        self.smtp_url.as_ref().map(|url| crate::mail::SmtpSettings {
            url: url.clone(),
            from: self.mail_from.clone(),
        })
    }

    /// The ICE servers, after checking that they are a JSON list of objects with `urls`.
    pub fn ice_servers(&self) -> anyhow::Result<String> {
        let servers: Vec<serde_json::Map<String, serde_json::Value>> =
            serde_json::from_str(&self.ice_servers)
                .context("--ice-servers must be a JSON list of RTCIceServer objects")?;
        if servers.iter().any(|server| !server.contains_key("urls")) {
            bail!("every entry of --ice-servers needs its \"urls\"");
        }
        Ok(self.ice_servers.clone())
    }

    /// The TURN relay whose credentials the fair makes, if both its URLs and its secret are set.
    pub fn turn_relay(&self) -> anyhow::Result<Option<crate::meetings::turn::TurnRelay>> {
        let (urls, secret) = match (&self.turn_urls, &self.turn_secret) {
            (None, None) => return Ok(None),
            (Some(urls), Some(secret)) if secret.len() >= 16 => (urls, secret),
            (Some(_), Some(_)) => bail!("--turn-secret needs at least 16 characters"),
            _ => bail!("--turn-urls and --turn-secret go together"),
        };
        let urls: Vec<String> = urls.split(',').map(|url| url.trim().to_owned()).collect();
        if urls
            .iter()
            .any(|url| !url.starts_with("turn:") && !url.starts_with("turns:"))
        {
            bail!("every --turn-urls entry starts with turn: or turns:");
        }
        Ok(Some(crate::meetings::turn::TurnRelay {
            urls,
            secret: secret.clone(),
        }))
    }

    /// What one client may hold of the listening socket.
    pub fn connection_limits(&self) -> ConnectionLimits {
        let defaults = ConnectionLimits::default();
        ConnectionLimits {
            max_connections: self.max_connections.max(1),
            header_read: Duration::from_secs(self.header_timeout.max(1)),
            body: BodyPace {
                idle: Duration::from_secs(self.body_idle_timeout.max(1)),
                min_rate: self.body_min_rate.max(1),
                ..defaults.body
            },
            ..defaults
        }
    }

    /// The trusted proxies, after checking every address and range.
    pub fn trusted_proxies(&self) -> anyhow::Result<TrustedProxies> {
        TrustedProxies::parse(&self.trusted_proxies, self.proxy_header)
    }

    /// The public base URL without a trailing slash.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
            .trim_end_matches('/')
            .to_owned()
    }
}

/// Creates `dir` if needed and proves that files can be written in it.
pub fn ensure_writable(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    let probe = dir.join(".write-test");
    if let Err(error) = std::fs::write(&probe, b"ok") {
        bail!(
            "the data directory {} is not writable: {error}",
            dir.display()
        );
    }
    let _ = std::fs::remove_file(probe);
    Ok(())
}
