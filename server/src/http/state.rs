//! The application state and its wiring: each service built once over the database, the
//! caches and the limits, and handed to every handler. Handlers take only the parts they need
//! (`State<Db>`, `State<Arc<ChatService>>`…), which `FromRef` derives from the fields.

use crate::accounts::allowances::DailyAllowances;
use crate::accounts::session_ends::SessionEnds;
use crate::accounts::sign_in_failures::SignInFailures;
use crate::accounts::{AccountService, LINK_MAIL_GAP_SECONDS};
use crate::catalogue::cache::{CacheLimits, CachedCatalogue};
use crate::commands::bench_copy::BenchCopy;
use crate::conversations::ChatService;
use crate::deals::DealService;
use crate::exhibitors::booths::BoothEditor;
use crate::exhibitors::onboarding::OnboardingService;
use crate::exhibitors::uploads::Uploads;
use crate::http::layers::page_cache::PageCache;
use crate::http::layers::rate_limit::{self, RateLimiter};
use crate::http::layers::upload_memory::UploadMemory;
use crate::http::layers::upload_slots::UploadSlots;
use crate::live::LiveService;
use crate::mail::MailSignal;
use crate::media::MediaStore;
use crate::meetings::MeetingService;
use crate::search::{ProductSearch, SearchIndex};
use crate::storage::Db;
use app::ports::{
    Accounts, Booths, Catalogue, Deals, Meetings, Onboarding, Products, Search, Teams, TwoFactor,
};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;
use std::time::Duration;

/// What every handler can reach.
#[derive(Clone, FromRef)]
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
    /// Authenticator apps and recovery codes (the same service as accounts).
    pub two_factor: Arc<dyn TwoFactor>,
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
    /// Live streams: who publishes and watches, over the media engine.
    pub live: Arc<LiveService>,
    /// Wakes the mail sender when something was written to the outbox.
    pub mail_signal: MailSignal,
    /// Attempts at signing in and registering, per client.
    pub limiter: RateLimiter,
    /// Uploads in flight, per client.
    pub upload_slots: UploadSlots,
    /// The memory uploads read whole may hold together.
    pub upload_memory: UploadMemory,
    pub public_url: Arc<str>,
    /// Uploaded files.
    pub media: MediaStore,
    /// The page `/bench/copy` answers with, in benchmark runs.
    pub bench_copy: BenchCopy,
}

impl AppState {
    /// The state of a server on `db`, caching catalogue reads for `cache_ttl`, keeping uploads
    /// in `media_dir`, searching `search` (whose indexer the caller started), streaming
    /// through `live` (whose media engine the caller started), with every rate limit
    /// multiplied by `rate_limit_scale`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        leptos: LeptosOptions,
        db: Db,
        public_url: String,
        cache_ttl: Duration,
        media_dir: std::path::PathBuf,
        search: SearchIndex,
        live: Arc<LiveService>,
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
            link_mail_gap: LINK_MAIL_GAP_SECONDS / i64::from(rate_limit_scale.max(1)),
            sign_in_failures: SignInFailures::scaled(rate_limit_scale),
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
        let chat = Arc::new(ChatService::new(db.clone(), rate_limit_scale));
        let daily = DailyAllowances::scaled(rate_limit_scale);
        Self {
            leptos,
            chat,
            deals: Arc::new(DealService {
                db: db.clone(),
                daily,
            }),
            meetings: Arc::new(MeetingService {
                db: db.clone(),
                calls: Default::default(),
                daily,
            }),
            db,
            live,
            search,
            catalogue,
            pages,
            onboarding,
            products: booths.clone(),
            booths,
            media: MediaStore { dir: media_dir },
            teams: accounts.clone(),
            two_factor: accounts.clone(),
            accounts,
            session_ends,
            mail_signal,
            limiter: RateLimiter::new(&rate_limit::scaled(rate_limit_scale)),
            upload_slots: UploadSlots::default(),
            upload_memory: UploadMemory::default(),
            public_url,
            bench_copy: BenchCopy::default(),
        }
    }
}

impl FromRef<AppState> for Uploads {
    fn from_ref(state: &AppState) -> Self {
        Uploads {
            db: state.db.clone(),
            booths: state.booths.clone(),
            products: state.products.clone(),
            media: state.media.clone(),
        }
    }
}
