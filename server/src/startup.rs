//! Building the router and serving it: Leptos pages and server functions, static files,
//! media, SEO files, the language switch, `/healthz`; compression and security headers;
//! graceful shutdown on SIGINT and SIGTERM.

use crate::accounts::session_ends::SessionEnds;
use crate::accounts::{self, AccountService};
use crate::booths::BoothEditor;
use crate::cache::{CacheLimits, CachedCatalogue};
use crate::config::Config;
use crate::conversations::flood::Flood;
use crate::conversations::{self, ChatService};
use crate::deals::{self, DealService};
use crate::demo::{self, Outcome, scale::DEMO};
use crate::mail::{self, MailSignal};
use crate::meetings::{self, MeetingService};
use crate::onboarding::OnboardingService;
use crate::page_cache::{self, PageCache};
use crate::rate_limit::{self, RateLimiter};
use crate::search::{ProductSearch, SearchIndex};
use crate::storage::Db;
use crate::uploads::{self, MediaStore};
use crate::{
    api_status, assets, bench, imaging, import, lang, media, models3d, security, seo, video,
};
use anyhow::Context;
use app::domain::conversation::ATTACHMENT_BYTES_MAX;
use app::domain::product_edit::PHOTOS_MAX;
use app::domain::product_import::IMPORT_BYTES_MAX;
use app::ports::{
    Accounts, Booths, Catalogue, Conversations, Deals, Meetings, Onboarding, Products, Search,
    Teams,
};
use app::routes::App;
use app::shell::shell;
use axum::Router;
use axum::routing::get;
use axum::serve::ListenerExt;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// What every handler can reach.
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub db: Db,
    /// The catalogue pages read: `db` behind the in-process cache.
    pub catalogue: Arc<dyn Catalogue>,
    /// Finished pages for visitors without a session.
    pub pages: PageCache,
    /// People, their sessions and the mail sent to them.
    pub accounts: Arc<dyn Accounts>,
    /// Where sockets hear that their person's sessions ended.
    pub session_ends: Arc<SessionEnds>,
    /// Exhibitor teams and their invitations.
    pub teams: Arc<dyn Teams>,
    /// Applications to exhibit and booth assignment.
    pub onboarding: Arc<dyn Onboarding>,
    /// The booth editor.
    pub booths: Arc<dyn Booths>,
    /// The product editor (the same service as the booth editor).
    pub products: Arc<dyn Products>,
    /// Product search, over the index the indexer keeps in step.
    pub search: Arc<dyn Search>,
    /// Conversations, and the sockets following them.
    pub chat: Arc<ChatService>,
    /// Inquiries, quotations, orders and contracts.
    pub deals: Arc<dyn Deals>,
    /// Exhibitors' slots and buyers' meetings.
    pub meetings: Arc<dyn Meetings>,
    /// Wakes the mail sender when something was written to the outbox.
    pub mail_signal: MailSignal,
    /// Attempts at signing in and registering, per client.
    pub limiter: RateLimiter,
    pub public_url: Arc<str>,
    /// Uploaded files.
    pub media: MediaStore,
    /// The page `/bench/copy` answers with, in benchmark runs.
    pub bench_copy: Option<axum::body::Bytes>,
}

impl AppState {
    /// The state of a server on `db`, caching catalogue reads for `cache_ttl`, keeping uploads
    /// in `media_dir`, searching `search` (whose indexer the caller started), with every rate
    /// limit multiplied by `rate_limit_scale`.
    pub fn new(
        leptos: LeptosOptions,
        db: Db,
        public_url: String,
        cache_ttl: Duration,
        media_dir: std::path::PathBuf,
        search: SearchIndex,
        rate_limit_scale: u32,
    ) -> Self {
        let catalogue = Arc::new(CachedCatalogue::new(
            Arc::new(db.clone()),
            CacheLimits::new(cache_ttl),
        ));
        let pages = PageCache::new(cache_ttl);
        let booths = Arc::new(BoothEditor {
            db: db.clone(),
            catalogue: catalogue.clone(),
            pages: pages.clone(),
        });
        let public_url: Arc<str> = public_url.into();
        let mail_signal = MailSignal::default();
        let session_ends = Arc::new(SessionEnds::default());
        let accounts = Arc::new(AccountService {
            db: db.clone(),
            public_url: public_url.clone(),
            mail_signal: mail_signal.clone(),
            session_ends: session_ends.clone(),
        });
        let onboarding = Arc::new(OnboardingService {
            db: db.clone(),
            public_url: public_url.clone(),
            mail_signal: mail_signal.clone(),
            catalogue: catalogue.clone(),
            pages: pages.clone(),
        });
        let search = Arc::new(ProductSearch {
            index: search,
            catalogue: catalogue.clone(),
        });
        let chat = Arc::new(ChatService::new(
            db.clone(),
            Flood::scaled(rate_limit_scale),
        ));
        Self {
            leptos,
            chat,
            deals: Arc::new(DealService { db: db.clone() }),
            meetings: Arc::new(MeetingService {
                db: db.clone(),
                ice_servers: "[]".into(),
            }),
            db,
            search,
            catalogue,
            pages,
            onboarding,
            products: booths.clone(),
            booths,
            media: MediaStore { dir: media_dir },
            teams: accounts.clone(),
            accounts,
            session_ends,
            mail_signal,
            limiter: RateLimiter::new(&rate_limit::scaled(rate_limit_scale)),
            public_url,
            bench_copy: None,
        }
    }
}

/// Opens the database (generating the demo fair if asked and empty) and serves until a
/// shutdown signal arrives.
pub async fn run(
    config: Config,
    demo: bool,
    bench_copy: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    let bench_copy = match bench_copy {
        Some(path) => Some(
            std::fs::read(&path)
                .with_context(|| format!("cannot read the benchmark page {}", path.display()))?
                .into(),
        ),
        None => None,
    };
    let url = config.database_url()?;
    let db = Db::connect(&url, config.db_connections).await?;
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
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let search = crate::search::sync::spawn(db.clone(), &config.search_dir())?;
    let state = AppState::new(
        leptos_options(&config.site_root, config.addr),
        db,
        config.public_url(),
        Duration::from_secs(config.cache_seconds),
        config.data_dir.join("media"),
        search,
        config.rate_limit_scale,
    );
    let state = AppState {
        bench_copy,
        meetings: Arc::new(MeetingService {
            db: state.db.clone(),
            ice_servers: config.ice_servers()?.into(),
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
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
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

/// The site's routes, found once per process. Finding them runs the app with resource
/// loading suppressed by a process-wide flag (leptos_server's `SuppressResourceLoad`): a page
/// rendered meanwhile by another router in the same process, as in tests that start many
/// apps, would wait forever for its first resource (leptos-rs/leptos#4773). This was the
/// intermittent test hang.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole HTTP surface.
pub fn router(state: AppState) -> Router {
    let catalogue = state.catalogue.clone();
    let accounts = state.accounts.clone();
    let teams = state.teams.clone();
    let onboarding = state.onboarding.clone();
    let booths = state.booths.clone();
    let products = state.products.clone();
    let search = state.search.clone();
    let conversations: Arc<dyn Conversations> = state.chat.clone();
    let deals = state.deals.clone();
    let meetings = state.meetings.clone();
    let context = move || {
        provide_context(meetings.clone());
        provide_context(deals.clone());
        provide_context(search.clone());
        provide_context(conversations.clone());
        provide_context(booths.clone());
        provide_context(products.clone());
        provide_context(catalogue.clone());
        provide_context(accounts.clone());
        provide_context(teams.clone());
        provide_context(onboarding.clone());
    };
    let options = state.leptos.clone();
    let page = move || {
        leptos::nonce::provide_nonce();
        shell(options.clone())
    };
    let not_found = leptos_axum::render_app_to_stream_with_context(context.clone(), page.clone());
    let static_files = ServeDir::new(&*state.leptos.site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(tower::service_fn(move |request| {
            let render = not_found.clone();
            async move { Ok::<_, Infallible>(render(request).await) }
        }));
    let static_files = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn_with_state(
            state.leptos.clone(),
            assets::cache_control,
        ))
        .service(static_files);
    Router::new()
        .leptos_routes_with_context(&state, route_list(), context, page)
        .route_layer(axum::middleware::from_fn_with_state(
            state.pages.clone(),
            page_cache::serve,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state.accounts.clone(),
            accounts::identify::identify,
        ))
        .route_layer(axum::middleware::from_fn(api_status::error_status))
        .route("/healthz", get(health))
        .route("/lang/{code}", get(lang::switch))
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::sitemap_index))
        .route("/sitemaps/{file}", get(seo::sitemap))
        .route("/media/products/{id}/{file}", get(media::product_image))
        .route("/media/logos/{file}", get(media::logo))
        .route("/media/uploads/{file}", get(uploads::serve))
        .route(
            "/exhibitor/logo",
            axum::routing::post(uploads::upload_logo).layer(axum::extract::DefaultBodyLimit::max(
                imaging::MAX_UPLOAD_BYTES + 64 * 1024,
            )),
        )
        .route(
            "/exhibitor/products/{id}/photos",
            axum::routing::post(uploads::upload_product_photos).layer(
                axum::extract::DefaultBodyLimit::max(
                    PHOTOS_MAX * imaging::MAX_UPLOAD_BYTES + 64 * 1024,
                ),
            ),
        )
        .route(
            "/exhibitor/products/import",
            axum::routing::post(import::upload).layer(axum::extract::DefaultBodyLimit::max(
                IMPORT_BYTES_MAX + 64 * 1024,
            )),
        )
        .route(
            "/exhibitor/products/{id}/model",
            axum::routing::post(uploads::upload_product_model).layer(
                axum::extract::DefaultBodyLimit::max(models3d::MAX_MODEL_BYTES + 64 * 1024),
            ),
        )
        .route(
            "/exhibitor/banner",
            axum::routing::post(uploads::upload_banner).layer(
                axum::extract::DefaultBodyLimit::max(imaging::MAX_UPLOAD_BYTES + 64 * 1024),
            ),
        )
        .route(
            "/exhibitor/video",
            axum::routing::post(uploads::upload_video).layer(axum::extract::DefaultBodyLimit::max(
                video::MAX_VIDEO_BYTES + 64 * 1024,
            )),
        )
        .route("/ws", get(conversations::socket::upgrade))
        .route(
            "/messages/{id}/attachments",
            axum::routing::post(conversations::attachments::upload).layer(
                axum::extract::DefaultBodyLimit::max(ATTACHMENT_BYTES_MAX + 64 * 1024),
            ),
        )
        .route(
            "/messages/{id}/attachments/{message}",
            get(conversations::attachments::file),
        )
        .route(
            "/messages/{id}/attachments/{message}/preview",
            get(conversations::attachments::preview),
        )
        .route(
            "/meetings/{id}/meeting.ics",
            get(meetings::ics::meeting_file),
        )
        .route(
            "/contracts/{token}/contract.txt",
            get(deals::download::contract_file),
        )
        .route("/bench/copy", get(bench::copy))
        .fallback_service(static_files)
        .layer(axum::middleware::from_fn_with_state(
            state.limiter.clone(),
            rate_limit::guard,
        ))
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(security::same_origin_writes))
        .layer(axum::middleware::from_fn(security::headers))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}

/// 200 when the database answers, 503 otherwise.
async fn health(
    axum::extract::State(db): axum::extract::State<Db>,
) -> (axum::http::StatusCode, &'static str) {
    match sqlx::query("SELECT 1").execute(&db.pool).await {
        Ok(_) => (axum::http::StatusCode::OK, "ok\n"),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable\n",
            )
        }
    }
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
