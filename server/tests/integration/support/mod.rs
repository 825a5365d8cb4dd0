//! Shared test fixtures: fresh databases on both engines, the real app on a free port.

#![allow(dead_code)]

pub mod hostile;
pub mod http;
pub mod postgres;
pub mod smtp;
pub mod two_factor;

use server::accounts::allowances::DailyAllowances;
use server::demo::{self, scale::TINY};
use server::http::connections::{self, ConnectionLimits};
use server::http::proxies::{ProxyHeader, TrustedProxies};
use server::http::routes::router;
use server::http::state::AppState;
use server::storage::Db;
use std::net::SocketAddr;
use tempfile::TempDir;

/// The engines every storage and HTTP test runs against.
#[derive(Clone, Copy, Debug)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A migrated database that lives as long as this value.
pub struct TestDb {
    pub db: Db,
    _dir: TempDir,
}

/// The URL of a new database that nothing has touched yet: a file in `dir` or a database on
/// the test cluster.
pub async fn blank_database_url(engine: Engine, dir: &std::path::Path) -> String {
    match engine {
        Engine::Sqlite => format!("sqlite://{}?mode=rwc", dir.join("fair.db").display()),
        Engine::Postgres => postgres::fresh_database().await,
    }
}

/// An empty, migrated database.
pub async fn empty_db(engine: Engine) -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = blank_database_url(engine, dir.path()).await;
    TestDb {
        db: Db::connect(&url, 4).await.expect("connect"),
        _dir: dir,
    }
}

/// A database holding the tiny generated fair.
pub async fn fair_db(engine: Engine) -> TestDb {
    let test_db = empty_db(engine).await;
    demo::generate(&test_db.db, TINY, 7, |_, _| {
        std::ops::ControlFlow::Continue(())
    })
    .await
    .expect("generate");
    test_db
}

/// The real router, serving the tiny fair on a free loopback port, sending its mail to an
/// SMTP server of its own.
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: TestDb,
    pub mail: smtp::SmtpServer,
    /// The app's product search, to ask it directly.
    pub search: std::sync::Arc<dyn app::ports::Search>,
}

impl TestApp {
    pub async fn get(&self, path: &str) -> http::Response {
        http::get(self.addr, path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> http::Response {
        http::get(self.addr, path, headers).await
    }

    /// Signs in with an address and a password, and the next code of the account's
    /// authenticator app when it uses one; the session cookie (`name=value`).
    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let form = format!(
            "email={}&password={}",
            email.replace('@', "%40"),
            password.replace(' ', "+")
        );
        let response = self.post("/api/log_in", &[], &form).await;
        assert_eq!(
            response.status,
            200,
            "{email} signs in: {}",
            response.text()
        );
        if response.text() == "\"CodeNeeded\"" {
            return two_factor::finish_sign_in(self, email, &response).await;
        }
        session_cookie(&response)
    }

    /// The status of a form post, as `cookie`'s session or as a visitor.
    pub async fn status_as(&self, cookie: Option<&str>, path: &str, form: &str) -> u16 {
        let headers: Vec<(&str, &str)> = cookie.map(|c| ("Cookie", c)).into_iter().collect();
        self.post(path, &headers, form).await.status
    }

    /// The slug of exhibitor `id`.
    pub async fn exhibitor_slug(&self, id: i64) -> String {
        sqlx::query_scalar("SELECT slug FROM exhibitors WHERE id = $1")
            .bind(id)
            .fetch_one(&self.db.db.pool)
            .await
            .expect("an exhibitor")
    }

    /// Where this app keeps uploads.
    pub fn media_dir(&self) -> std::path::PathBuf {
        self.db._dir.path().join("media")
    }

    pub async fn post(&self, path: &str, headers: &[(&str, &str)], form: &str) -> http::Response {
        http::post(self.addr, path, headers, form).await
    }
}

/// The `name=value` part of the session cookie a response sets, after checking that the
/// cookie is `HttpOnly` and `SameSite=Lax`.
pub fn session_cookie(response: &http::Response) -> String {
    set_cookie(response, "cf_session", "SameSite=Lax")
}

/// The `name=value` part of the cookie `name` (or `__Host-name`) a response sets, after
/// checking that it is `HttpOnly` and has `same_site`.
pub fn set_cookie(response: &http::Response, name: &str, same_site: &str) -> String {
    let prefixes = [format!("{name}="), format!("__Host-{name}=")];
    let cookie = response
        .headers
        .iter()
        .find(|(k, v)| {
            k.eq_ignore_ascii_case("set-cookie") && prefixes.iter().any(|p| v.starts_with(p))
        })
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("a {name} cookie"));
    assert!(
        cookie.contains("HttpOnly") && cookie.contains(same_site),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_owned()
}

pub async fn spawn_app(engine: Engine) -> TestApp {
    spawn_app_limited(engine, ConnectionLimits::default()).await
}

/// The app served within `limits` instead of the server's defaults.
pub async fn spawn_app_limited(engine: Engine, limits: ConnectionLimits) -> TestApp {
    spawn(
        engine,
        Edge {
            limits,
            ..Edge::default()
        },
        |state| state,
    )
    .await
}

/// The app with these daily allowances per buyer instead of the server's.
pub async fn spawn_app_allowing(engine: Engine, daily: DailyAllowances) -> TestApp {
    spawn(engine, Edge::default(), move |state| {
        let db = state.db.clone();
        AppState {
            chat: std::sync::Arc::new(
                server::conversations::ChatService::new(db.clone(), 1).allowing(daily),
            ),
            deals: std::sync::Arc::new(server::deals::DealService {
                db: db.clone(),
                daily,
            }),
            meetings: std::sync::Arc::new(server::meetings::MeetingService {
                db,
                calls: Default::default(),
                daily,
            }),
            ..state
        }
    })
    .await
}

/// The app as a fair at `https://fair.example` serves it behind a proxy that ends TLS: its
/// links, cookies and headers are those of an HTTPS site, its socket plain HTTP.
pub async fn spawn_app_behind_https(engine: Engine) -> TestApp {
    let edge = Edge {
        public_url: Some("https://fair.example"),
        ..Edge::default()
    };
    spawn(engine, edge, |state| state).await
}

/// The app behind reverse proxies at the `trusted` addresses and ranges, which name the
/// client in `X-Forwarded-For`.
pub async fn spawn_app_behind_proxy(engine: Engine, trusted: &str) -> TestApp {
    let edge = Edge {
        proxies: TrustedProxies::parse(trusted, ProxyHeader::XForwardedFor).expect("proxies"),
        ..Edge::default()
    };
    spawn(engine, edge, |state| state).await
}

/// The app of a fair without SMTP, whose mail stays in the outbox for the organizer to read
/// (as the demo's does).
pub async fn spawn_app_without_smtp(engine: Engine) -> TestApp {
    let edge = Edge {
        without_smtp: true,
        ..Edge::default()
    };
    spawn(engine, edge, |state| state).await
}

/// The app with a TURN relay at `urls` that shares `secret` with it.
pub async fn spawn_app_with_turn(engine: Engine, urls: &str, secret: &str) -> TestApp {
    let relay = server::meetings::turn::TurnRelay {
        urls: urls.split(',').map(str::to_owned).collect(),
        secret: secret.to_owned(),
    };
    spawn(engine, Edge::default(), move |state| AppState {
        meetings: std::sync::Arc::new(server::meetings::MeetingService {
            db: state.db.clone(),
            calls: server::meetings::turn::CallServers {
                ice_servers: r#"[{"urls":"stun:127.0.0.1:3478"}]"#.into(),
                turn: Some(std::sync::Arc::new(relay)),
            },
            daily: DailyAllowances::scaled(1),
        }),
        ..state
    })
    .await
}

/// The app with a memory budget of `bytes` for uploads read whole, waited for `wait`.
pub async fn spawn_app_with_upload_memory(
    engine: Engine,
    bytes: u64,
    wait: std::time::Duration,
) -> TestApp {
    spawn(engine, Edge::default(), move |state| AppState {
        upload_memory: server::http::layers::upload_memory::UploadMemory::new(bytes, wait),
        ..state
    })
    .await
}

/// How the test server is reached: its limits, the address it believes it has, the proxies
/// it trusts, whether its mail goes out.
#[derive(Default)]
struct Edge {
    limits: ConnectionLimits,
    public_url: Option<&'static str>,
    proxies: TrustedProxies,
    without_smtp: bool,
}

async fn spawn(engine: Engine, edge: Edge, adjust: impl FnOnce(AppState) -> AppState) -> TestApp {
    // Errors the app logs (such as the cause of a 500) go to the failing test's output.
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_max_level(tracing::Level::ERROR)
        .try_init();
    let db = fair_db(engine).await;
    server::demo::accounts::ensure(&db.db)
        .await
        .expect("demo accounts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let site_root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/site");
    let leptos = server::http::serve::leptos_options(&site_root, addr);
    let search = server::search::sync::spawn(db.db.clone(), &db._dir.path().join("search"))
        .expect("search index");
    let (media, media_events) =
        server::live::media::MediaEngine::start("127.0.0.1:0".parse().unwrap(), None)
            .expect("live media");
    let live =
        server::live::LiveService::new(db.db.clone(), media, media_events, Default::default());
    let state = adjust(AppState::new(
        leptos,
        db.db.clone(),
        edge.public_url
            .map_or_else(|| format!("http://{addr}"), str::to_owned),
        std::time::Duration::from_secs(60),
        db._dir.path().join("media"),
        search,
        live,
        1,
    ));
    let mail = smtp::SmtpServer::start().await;
    let smtp = server::mail::SmtpSettings {
        url: mail.url(),
        from: "Cloud Fair <fair@example.com>".into(),
    };
    if !edge.without_smtp {
        server::mail::spawn_sender(db.db.clone(), &smtp, state.mail_signal.clone())
            .expect("sender");
    }
    let search = state.search.clone();
    let app = router(state);
    tokio::spawn(connections::serve(
        listener,
        app,
        edge.limits,
        edge.proxies,
        std::future::pending(),
    ));
    TestApp {
        addr,
        db,
        mail,
        search,
    }
}

/// Declares each test twice, in `$group::sqlite` and `$group::postgres`, with
/// `$fixture(engine)` bound to the test's argument. Tests run on a multi-threaded runtime, as
/// the server does: the app and the test's client share it.
#[macro_export]
macro_rules! on_both_engines {
    (mod $group:ident; $fixture:path; $(async fn $name:ident($arg:ident) $body:block)*) => {
        mod $group {
            #[allow(unused_imports)]
            use super::*;
            mod sqlite {
                #[allow(unused_imports)]
                use super::*;
                $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { let $arg = $fixture(support::Engine::Sqlite).await; $body })*
            }
            mod postgres {
                #[allow(unused_imports)]
                use super::*;
                $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { let $arg = $fixture(support::Engine::Postgres).await; $body })*
            }
        }
    };
}
