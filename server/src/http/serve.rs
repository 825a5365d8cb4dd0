//! Serving: the database opened (and the demo fair generated when asked), the background
//! tasks started (mail, meeting reminders, digests), the router served within the connection
//! limits (`connections`), and a graceful shutdown on SIGINT and SIGTERM.

use crate::accounts::allowances::DailyAllowances;
use crate::commands::bench_copy::BenchCopy;
use crate::config::Config;
use crate::demo::{self, Outcome, scale::DEMO};
use crate::http::connections;
use crate::http::layers::assets;
use crate::http::routes::router;
use crate::http::state::AppState;
use crate::live::LiveService;
use crate::live::media::MediaEngine;
use crate::mail;
use crate::meetings::{self, MeetingService};
use crate::storage::Db;
use anyhow::Context;
use leptos::config::LeptosOptions;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// Opens the database (generating the demo fair if asked and empty) and serves until a
/// shutdown signal arrives.
pub async fn run(
    config: Config,
    demo: bool,
    bench_copy: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    let proxies = config.trusted_proxies()?;
    let bench_copy = match bench_copy {
        Some(path) => BenchCopy(Some(
            std::fs::read(&path)
                .with_context(|| format!("cannot read the benchmark page {}", path.display()))?
                .into(),
        )),
        None => BenchCopy::default(),
    };
    let url = config.database_url()?;
    let db = Db::connect_with(&url, config.db_connections, config.sqlite_synchronous).await?;
    if demo {
        let started = std::time::Instant::now();
        if let Outcome::Generated { halls } = demo::generate(&db, DEMO, 2026, |done, total| {
            if done % 10 == 0 || done == total {
                tracing::info!("demo fair: {done}/{total} halls written");
            }
            std::ops::ControlFlow::Continue(())
        })
        .await?
        {
            tracing::info!(
                "generated the demo fair ({halls} halls) in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        demo::accounts::ensure(&db).await?;
    }
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    tracing::info!(
        "Cloud Fair is listening on http://{}",
        listener.local_addr()?
    );
    let search = crate::search::sync::spawn(db.clone(), &config.search_dir())?;
    let calls = meetings::turn::CallServers {
        ice_servers: config.ice_servers()?.into(),
        turn: config.turn_relay()?.map(Arc::new),
    };
    let (media, media_events) = MediaEngine::start(config.live_udp, config.live_public_addr)
        .with_context(|| format!("cannot start the live media server on {}", config.live_udp))?;
    tracing::info!(
        "live media on udp {}, reached at {}",
        media.bound,
        media.advertised
    );
    // No publisher outlives the server: a stream left live by the last run is over.
    let ended = db.end_streams_left_live().await?;
    if ended > 0 {
        tracing::info!(ended, "streams left live by the last run are replays now");
    }
    let live = LiveService::new(db.clone(), media, media_events, calls.clone());
    let state = AppState::new(
        leptos_options(&config.site_root, config.addr),
        db,
        config.public_url(),
        Duration::from_secs(config.cache_seconds),
        config.data_dir.join("media"),
        search,
        live,
        config.rate_limit_scale,
    );
    let state = AppState {
        bench_copy,
        meetings: Arc::new(MeetingService {
            db: state.db.clone(),
            calls,
            daily: DailyAllowances::scaled(config.rate_limit_scale),
        }),
        ..state
    };
    match config.smtp() {
        Some(smtp) => {
            mail::spawn_sender(state.db.clone(), &smtp, state.mail_signal.clone())?;
            tracing::info!("mail goes out through SMTP");
        }
        None => tracing::info!("no SMTP server configured: mail stays in the outbox"),
    }
    mail::purge::spawn(state.db.clone());
    meetings::sweeper::spawn(
        state.db.clone(),
        state.public_url.clone(),
        state.mail_signal.clone(),
    );
    crate::conversations::digest::spawn(
        state.db.clone(),
        state.public_url.clone(),
        state.mail_signal.clone(),
        Duration::from_secs(config.digest_after),
    );
    let limits = config.connection_limits();
    connections::serve(listener, router(state), limits, proxies, shutdown_signal()).await;
    tracing::info!("stopped");
    Ok(())
}

/// Leptos' settings, from our configuration rather than from Cargo.toml, so the binary runs
/// anywhere.
pub fn leptos_options(site_root: &std::path::Path, addr: std::net::SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("cloud-fair")
        .site_root(site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(assets::hash_file().is_some())
        .build()
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing open requests");
}
