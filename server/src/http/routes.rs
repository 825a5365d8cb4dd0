//! The whole HTTP surface in one table: Leptos pages and server functions, static files,
//! media, SEO files, the language switch, uploads, sockets and downloads, `/healthz`; then the
//! layers every response passes (rate limits, compression, same-origin writes, security
//! headers, tracing).

use crate::accounts;
use crate::commands::bench_copy;
use crate::conversations;
use crate::deals;
use crate::exhibitors::{import, uploads};
use crate::http::layers::upload_memory::{self, UploadMemory};
use crate::http::layers::upload_slots::{self, UploadSlots};
use crate::http::layers::{api_status, assets, page_cache, rate_limit, security};
use crate::http::state::AppState;
use crate::http::{installable, lang, seo};
use crate::live;
use crate::media::{generated, imaging, models3d, video};
use crate::meetings;
use crate::storage::Db;
use app::domain::conversation::ATTACHMENT_BYTES_MAX;
use app::domain::product_edit::PHOTOS_MAX;
use app::domain::product_import::IMPORT_BYTES_MAX;
use app::ports::Conversations;
use app::routes::App;
use app::shell::shell;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{MethodRouter, delete, get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::convert::Infallible;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

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

/// A POST route for a form with a file of at most `file_bytes`, with room for its other fields,
/// holding one of its client's upload slots while it runs and, when it reads the file whole
/// (`memory`), its share of the memory uploads may hold together.
fn upload<H, T>(
    slots: &UploadSlots,
    memory: Option<&UploadMemory>,
    handler: H,
    file_bytes: usize,
) -> MethodRouter<AppState>
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let body_bytes = file_bytes + 64 * 1024;
    let route = axum::routing::post(handler).layer(DefaultBodyLimit::max(body_bytes));
    let route = match memory {
        Some(memory) => route.layer(axum::middleware::from_fn_with_state(
            (memory.clone(), body_bytes as u64),
            upload_memory::guard,
        )),
        None => route,
    };
    route.layer(axum::middleware::from_fn_with_state(
        slots.clone(),
        upload_slots::guard,
    ))
}

/// The body limit of an SDP offer (413 beyond it).
fn offer_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(live::media::OFFER_BYTES_MAX)
}

/// The whole HTTP surface.
pub fn router(state: AppState) -> Router {
    app::formats::install();
    let https = state.public_url.starts_with("https://");
    let slots = state.upload_slots.clone();
    let memory = state.upload_memory.clone();
    let catalogue = state.catalogue.clone();
    let accounts = state.accounts.clone();
    let teams = state.teams.clone();
    let two_factor = state.two_factor.clone();
    let onboarding = state.onboarding.clone();
    let booths = state.booths.clone();
    let products = state.products.clone();
    let search = state.search.clone();
    let conversations: Arc<dyn Conversations> = state.chat.clone();
    let deals = state.deals.clone();
    let meetings = state.meetings.clone();
    let live: Arc<dyn app::ports::Live> = state.live.clone();
    let public_url = app::links::PublicUrl(state.public_url.to_string());
    let context = move || {
        provide_context(public_url.clone());
        provide_context(meetings.clone());
        provide_context(live.clone());
        provide_context(deals.clone());
        provide_context(search.clone());
        provide_context(conversations.clone());
        provide_context(booths.clone());
        provide_context(products.clone());
        provide_context(catalogue.clone());
        provide_context(accounts.clone());
        provide_context(teams.clone());
        provide_context(two_factor.clone());
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
        .route_layer(axum::middleware::from_fn(lang::per_page))
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
        .route("/sw.js", get(installable::service_worker))
        .route("/manifest.webmanifest", get(installable::manifest))
        .route("/sitemap.xml", get(seo::sitemap_index))
        .route("/sitemaps/{file}", get(seo::sitemap))
        .route("/sitemaps/{code}/{file}", get(seo::sitemap_in))
        .route("/media/products/{id}/{file}", get(generated::product_image))
        .route("/media/logos/{file}", get(generated::logo))
        .route("/media/uploads/{file}", get(uploads::serve))
        .route(
            "/exhibitor/logo",
            upload(
                &slots,
                Some(&memory),
                uploads::upload_booth_image,
                imaging::MAX_UPLOAD_BYTES,
            ),
        )
        .route(
            "/exhibitor/products/{id}/photos",
            upload(
                &slots,
                Some(&memory),
                uploads::upload_product_file,
                PHOTOS_MAX * imaging::MAX_UPLOAD_BYTES,
            ),
        )
        .route(
            "/exhibitor/products/import",
            upload(&slots, Some(&memory), import::upload, IMPORT_BYTES_MAX),
        )
        .route(
            "/exhibitor/products/{id}/model",
            upload(
                &slots,
                Some(&memory),
                uploads::upload_product_file,
                models3d::MAX_MODEL_BYTES,
            ),
        )
        .route(
            "/exhibitor/banner",
            upload(
                &slots,
                Some(&memory),
                uploads::upload_booth_image,
                imaging::MAX_UPLOAD_BYTES,
            ),
        )
        .route(
            "/exhibitor/video",
            // Written to disk as it arrives: no share of the memory budget.
            upload(&slots, None, uploads::upload_video, video::MAX_VIDEO_BYTES),
        )
        .route("/ws", get(conversations::socket::upgrade))
        .route(
            "/messages/{id}/attachments",
            upload(
                &slots,
                Some(&memory),
                conversations::attachments::upload,
                ATTACHMENT_BYTES_MAX,
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
        .route(
            "/live/whip",
            post(live::http::publish_next).layer(offer_limit()),
        )
        .route("/live/streams/{id}", get(live::http::stream_now))
        .route(
            "/live/streams/{id}/whip",
            post(live::http::publish).layer(offer_limit()),
        )
        .route(
            "/live/streams/{id}/whep",
            post(live::http::watch).layer(offer_limit()),
        )
        .route(
            "/live/streams/{id}/sessions/{token}",
            delete(live::http::leave),
        )
        .route("/bench/copy", get(bench_copy::copy))
        .fallback_service(static_files)
        .layer(axum::middleware::from_fn_with_state(
            state.limiter.clone(),
            rate_limit::guard,
        ))
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(security::same_origin_writes))
        .layer(axum::middleware::from_fn_with_state(
            https,
            security::headers,
        ))
        .layer(
            tower_http::trace::TraceLayer::new_for_http().on_failure(crate::telemetry::log_failure),
        )
}

/// 200 when the database answers, 503 otherwise.
async fn health(
    axum::extract::State(db): axum::extract::State<Db>,
) -> (axum::http::StatusCode, &'static str) {
    match sqlx::query("SELECT 1").execute(&db.reads).await {
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
